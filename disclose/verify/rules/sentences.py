"""The statements `disclose verify` recognises in a sentence, each a small named rule over one
paragraph: a rule finds its statement with a pattern, takes the figures the same sentence
prints, and recomputes the printed rate or total with `numbers` (`base.judge_rate`, the
rounding tolerance).  A sentence a rule does not recognise is skipped, never guessed."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from ...numbers import tolerance
from ..statements import Figure, amounts, percents
from .base import A, P, Statement, clause_start, fmt, judge_rate, rule

# --- 增减额 and 增减率 ------------------------------------------------------------------------------

_CHANGE = re.compile(rf"(?:比|较|与)[^，。；]{{0,24}}?(?:相比)?，?\s*(?:[^，。；]{{0,12}}?各)?(增加|减少){A}，\s*(增长|下降|上升|降低){P}")


@rule("RATE", ERROR, "X比上年增加/减少A，增长/下降R%: R = A ÷ (X ∓ A), the base being last year's (or the budget's) figure",
      "R is the half-up rounding of the exact rate at the printed decimals; amounts are taken as printed")
def rate(text: str) -> Iterator[Statement]:
    for m in _CHANGE.finditer(text):
        change, unit, direction, printed_text = Decimal(m.group(2).replace(",", "")), m.group(3), m.group(1), m.group(5)
        printed = percents(m.group(0))[-1]
        subject = [f for f in amounts(text[clause_start(text, m.start()):m.start()]) if f.unit == unit]
        if not subject:
            continue            # the figure compared is not in the sentence: not guessed
        x = subject[-1].value
        base = x - change if direction == "增加" else x + change
        if change == 0 and base == 0:
            yield Statement("RATE", m.group(0), "0 against 0", zero_base=printed.value)
            continue
        kind, shown = judge_rate(printed, change, base)
        check = f"{fmt(change)} ÷ {fmt(base)} = {shown}"
        if kind is None:
            yield Statement("RATE", m.group(0), check)
        else:
            yield Statement("TRUNCATED" if kind == "TRUNCATED" else "RATE", m.group(0), check, ERROR,
                            f"{m.group(4)}{printed_text}% — {fmt(x)} against {fmt(base)} is "
                            f"{'+' if direction == '增加' else '−'}{shown}"
                            + (" (the printed rate is cut off, not rounded)" if kind == "TRUNCATED" else ""))


# --- shares ------------------------------------------------------------------------------------------

_SHARE = re.compile(rf"{A}，\s*占{P}")


def _whole_before(text: str, position: int) -> Figure | None:
    """The whole that a part after 其中 belongs to: the first amount of the sentence the nearest
    其中 before `position` ends (or stands in)."""
    inner = text.rfind("其中", 0, position)
    if inner < 0:
        return None
    head = text[:inner].rstrip("：:，")
    if head.endswith("。"):
        head = head[:-1]
    start = max(head.rfind("。"), head.rfind("；")) + 1
    found = amounts(head[start:])
    return found[0] if found else None


@rule("SHARE", ERROR, "A，占R%: R = A ÷ the whole the sentence names before 其中",
      "R is the half-up rounding at the printed decimals; a share of a named base (占…的R%) is not checked")
def share(text: str) -> Iterator[Statement]:
    for m in _SHARE.finditer(text):
        part = amounts(m.group(0))[0]
        whole = _whole_before(text, m.start())
        if whole is None or whole.unit != part.unit:
            continue
        printed = percents(m.group(0))[-1]
        if whole.value == 0:
            if part.value == 0:
                yield Statement("SHARE", m.group(0), "0 of 0", zero_base=printed.value)
            continue
        kind, shown = judge_rate(printed, part.value, whole.value)
        check = f"{fmt(part.value)} ÷ {fmt(whole.value)} = {shown}"
        yield Statement("TRUNCATED" if kind == "TRUNCATED" else "SHARE", m.group(0), check,
                        ERROR if kind else None,
                        f"占{printed.text}% — {fmt(part.value)} of {fmt(whole.value)} is {shown}" if kind else "")


# --- against the budget --------------------------------------------------------------------------

_COMPLETION = re.compile(rf"完成(?:年初|全年)?预算的{P}")
_DIFFERENCE = re.compile(rf"预决算差异率{P}")
_BUDGET = re.compile(rf"预算(?:数)?(?:为)?{A}")
_ACTUAL = re.compile(rf"决算(?:数)?(?:为)?{A}")


def _budget_and_actual(text: str, end: int) -> tuple[Figure, Figure] | None:
    clause = text[clause_start(text, end):end]
    budgets = [m for m in _BUDGET.finditer(clause)]
    actuals = [m for m in _ACTUAL.finditer(clause)]
    if not budgets or not actuals:
        return None
    b, a = amounts(budgets[-1].group(0))[0], amounts(actuals[-1].group(0))[0]
    return (b, a) if b.unit == a.unit else None


@rule("COMPLETION", ERROR, "预算数B，决算数C，完成预算的R% (R = C ÷ B) and 预决算差异率R (R = (C − B) ÷ B)",
      "R is the half-up rounding at the printed decimals; budget and 决算 are the last ones printed before it "
      "in the same clause")
def completion(text: str) -> Iterator[Statement]:
    for pattern, what in ((_COMPLETION, "完成预算的"), (_DIFFERENCE, "预决算差异率")):
        for m in pattern.finditer(text):
            pair = _budget_and_actual(text, m.start())
            if pair is None:
                continue
            budget, actual = pair
            printed = percents(m.group(0))[-1]
            numerator = actual.value if what == "完成预算的" else actual.value - budget.value
            if budget.value == 0:
                if actual.value == 0:
                    yield Statement("COMPLETION", m.group(0), "0 against 0", zero_base=printed.value)
                continue
            kind, shown = judge_rate(printed, numerator, budget.value)
            check = (f"{fmt(actual.value)} ÷ {fmt(budget.value)}" if what == "完成预算的" else
                     f"({fmt(actual.value)} − {fmt(budget.value)}) ÷ {fmt(budget.value)}") + f" = {shown}"
            yield Statement("TRUNCATED" if kind == "TRUNCATED" else "COMPLETION", m.group(0), check,
                            ERROR if kind else None,
                            f"{what}{printed.text}% — {check}" if kind else "")


# --- totals ---------------------------------------------------------------------------------------------

_GRAND = re.compile(rf"(收入总计|支出总计)(?:为)?{A}")


@rule("BALANCE", ERROR, "收入总计 and 支出总计 printed in one paragraph are equal (as in every 决算)",
      "exact: the two are the same figure of 公开01")
def balance(text: str) -> Iterator[Statement]:
    found = {m.group(1): amounts(m.group(0))[0] for m in _GRAND.finditer(text)}
    if len(found) == 2:
        i, e = found["收入总计"], found["支出总计"]
        ok = i.value == e.value and i.unit == e.unit
        yield Statement("BALANCE", f"收入总计{i.text}{i.unit}，支出总计{e.text}{e.unit}",
                        f"{fmt(i.value)} = {fmt(e.value)}", None if ok else ERROR,
                        "" if ok else f"收入总计 {fmt(i.value)} and 支出总计 {fmt(e.value)} differ by "
                        f"{fmt(abs(i.value - e.value))}: one of them is another figure (本年收入合计?)")


_PARTS = re.compile(rf"(合计|总计|共计|总额)(?:为)?{A}，?其中：")


@rule("PARTS", ERROR, "X合计/总计A，其中：…B、C…: when the parts it lists each end in 元 and are all the parts "
      "(their shares add up to 100%), they add up to A",
      "the rounding tolerance of `check`: n parts printed to the cent may miss by n × 0.005")
def parts(text: str) -> Iterator[Statement]:
    for m in _PARTS.finditer(text):
        whole = amounts(m.group(0))[-1]
        rest = text[m.end():]
        end = rest.find("。")
        listed = rest[:end if end >= 0 else len(rest)]
        shares = [p.value for p in percents(listed)]
        pieces = [f for f in amounts(listed) if f.unit == whole.unit]
        if len(pieces) < 2 or not shares or sum(shares) < 99 or sum(shares) > 101 or len(shares) != len(pieces):
            continue        # not a complete list of parts: not guessed
        total = sum((p.value for p in pieces), Decimal(0))
        gap = abs(total - whole.value)
        ok = gap <= tolerance(len(pieces), rounded=whole.places >= 2 and whole.unit == "万元")
        yield Statement("PARTS", m.group(0), f"{' + '.join(fmt(p.value) for p in pieces)} = {fmt(total)}",
                        None if ok else ERROR,
                        "" if ok else f"the parts add up to {fmt(total)}, not {fmt(whole.value)}")
