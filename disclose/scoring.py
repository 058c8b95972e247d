"""完成率 and 指标得分 of the performance self-evaluation forms.

A target (目标值) and a result (业绩值) are written as on the forms: `>=114万人`,
`<=22.5万元`, `=100%`, a date (`2024年12月10日前`) or a text (`有效提升`).  From them:

- 完成率 = 业绩值 ÷ 目标值 where both are quantities of the same unit (also for `<=`
  cost targets: 3.77 of a 4.50 budget is 84%); 100% for a date met in time or a text
  target whose 业绩值 is one of the style's `met_phrases`;
- 指标得分 by the 赋分规则 the indicator names, mapped by the style to a way of scoring:
  `proportional` — below 100% linearly from the floor (60%: nothing) to full, above
  100% the overshoot is lost (142.86% of 10 → 5.71); `full_if_met` — full weight when
  the target is met; `entered` — the evaluator's score is data.

Every figure stays unrounded until the score, which is rounded half up to the cent
(seed 000 sums the rounded scores into its 总分).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .numbers import HUNDRED, ONE, ZERO, ZeroBase, quantize, ratio

_OPS = {"≥": ">=", "≤": "<=", "＞＝": ">=", "＜＝": "<=", "＝": "=", "＞": ">", "＜": "<"}
_QUANTITY = re.compile(r"^(>=|<=|=|>|<)?\s*(\d+(?:\.\d+)?)\s*(.*)$")
_DATE = re.compile(r"^(>=|<=|=|>|<)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(前|之前|以前)?$")
_UNIT_ALIASES = {"万": "万元"}


@dataclass(frozen=True)
class Quantity:
    op: str            # '', '=', '>=', '<=', '>', '<'
    value: Decimal
    unit: str


@dataclass(frozen=True)
class Day:
    op: str
    value: date


def parse(text: str) -> Quantity | Day | str:
    """A target or result as a Quantity, a Day, or (anything else) the text itself."""
    t = text.strip()
    for wide, narrow in _OPS.items():
        t = t.replace(wide, narrow)
    m = _DATE.match(t)
    if m:
        try:
            return Day(m.group(1) or "", date(int(m.group(2)), int(m.group(3)), int(m.group(4))))
        except ValueError:
            return text.strip()
    m = _QUANTITY.match(t)
    if m:
        unit = m.group(3).strip()
        return Quantity(m.group(1) or "", Decimal(m.group(2)), _UNIT_ALIASES.get(unit, unit))
    return text.strip()


@dataclass(frozen=True)
class Outcome:
    completion: Decimal | None    # unrounded ratio (1 = 100%); None when it cannot be computed
    met: bool | None              # whether the target was met; None when unknown
    why_not: str = ""             # why completion could not be computed


def outcome(target: str, actual: str, met_phrases: list[str], zero: ZeroBase) -> Outcome:
    t, a = parse(target), parse(actual)
    if isinstance(t, Quantity) and isinstance(a, Quantity):
        if t.unit != a.unit:
            return Outcome(None, None, f"目标值 is in `{t.unit or 'no unit'}` but 业绩值 in `{a.unit or 'no unit'}`")
        completion = ratio(a.value, t.value, zero)
        if t.op in ("<=", "<"):
            met = a.value <= t.value if t.op == "<=" else a.value < t.value
        else:
            met = completion >= ONE
        return Outcome(completion, met)
    if isinstance(t, Day) and isinstance(a, Day):
        met = a.value <= t.value
        return Outcome(ONE if met else None, met, "" if met else "the date was missed")
    if isinstance(t, str) and isinstance(a, str):
        if a in met_phrases or a == t:
            return Outcome(ONE, True)
        return Outcome(None, None, f"业绩值 `{a}` is not one of the style's met_phrases ({'、'.join(met_phrases)})")
    return Outcome(None, None, f"目标值 `{target}` and 业绩值 `{actual}` are not of the same kind")


def score(method: str, weight: Decimal, result: Outcome, floor: Decimal) -> Decimal | None:
    """The indicator's score, rounded to the cent; None where the method cannot say."""
    if method == "entered" or result.completion is None and method == "proportional":
        return None
    if method == "full_if_met":
        return quantize(weight) if result.met else None
    c = result.completion
    floor_ratio = floor / HUNDRED
    if c > ONE:
        value = weight * (ONE - (c - ONE))
    elif c == ONE:
        value = weight
    else:
        value = weight * (c - floor_ratio) / (ONE - floor_ratio)
    return quantize(max(value, ZERO))


def funds_score(method: str, weight: Decimal, execution: Decimal) -> Decimal:
    """The funds row: full weight, or weight × 执行率 capped at the weight."""
    if method == "full":
        return quantize(weight)
    return quantize(weight * min(execution, ONE))
