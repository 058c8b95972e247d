"""The statements `disclose verify` recognises, each a small named rule over one paragraph.

A rule finds its statement with a pattern, takes the figures the same sentence prints, and
recomputes the printed rate or total with `numbers` — the arithmetic `derive` and `check` use
(`ratio`, half-up `quantize`, the rounding tolerance).  A sentence a rule does not recognise
is skipped, never guessed.  Each rule yields `Statement`s (what it recognised, for
`--explain`) with a problem when the printed figure is not the recomputed one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Callable, Iterator

from ..errors import ERROR, WARNING
from ..numbers import HUNDRED, divide, quantize, tolerance
from .statements import AMOUNT, Figure, amounts, percents

A = AMOUNT.pattern
P = r"(\d[\d,]*(?:\.\d+)?)%"


@dataclass
class Statement:
    rule: str
    text: str                       # the statement as printed
    check: str                      # what was recomputed, e.g. `4.37 ÷ (7.65 − 4.37) = 133.23%`
    severity: str | None = None     # None: it holds
    message: str = ""
    zero_base: Decimal | None = None    # a 0-of-0 rate as printed (ZERO-BASE compares them)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    tolerance: str
    run: Callable[[str], Iterator[Statement]]


RULES: list[Rule] = []


def rule(id: str, severity: str, description: str, tolerance: str):
    def register(func):
        RULES.append(Rule(id, severity, description, tolerance, func))
        return func
    return register


def fmt(value: Decimal) -> str:
    return f"{value:,f}"


def judge_rate(printed: Figure, numerator: Decimal, denominator: Decimal) -> tuple[str | None, str]:
    """(None or the problem's kind, the recomputed rate as text) for a printed percentage."""
    if denominator == 0:
        return None, "no base (0)"
    exact = divide(HUNDRED * numerator, denominator)
    places = printed.places
    expected = quantize(exact, places)
    shown = f"{expected:.{places}f}%"
    if printed.value == expected:
        return None, shown
    if printed.value == exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN):
        return "TRUNCATED", shown
    return "wrong", shown


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding position `end` begins: after the last 。, ； or 其中： before it."""
    cut = max(text.rfind("。", 0, end), text.rfind("；", 0, end), text.rfind(";", 0, end))
    inner = text.rfind("其中：", 0, end)
    return max(cut + 1, inner + 3 if inner >= 0 else 0)


# --- 增减额 and 增减率 ------------------------------------------------------------------------------

_CHANGE = re.compile(rf"(?:比|较|与)[^，。；]{{0,24}}?(?:相比)?，?\s*(?:[^，。；]{{0,12}}?各)?(增加|减少){A}，\s*(增长|下降|上升|降低){P}")


@rule("RATE", ERROR, "X比上年增加/减少A，增长/下降R%: R = A ÷ (X ∓ A), the base being last year's (or the budget's) figure",
      "R is the half-up rounding of the exact rate at the printed decimals; amounts are taken as printed")
def rate(text: str) -> Iterator[Statement]:
    for m in _CHANGE.finditer(text):
        change, unit, direction, printed_text = Decimal(m.group(2).replace(",", "")), m.group(3), m.group(1), m.group(5)
        printed = percents(m.group(0))[-1]
        subject = [f for f in amounts(text[_clause_start(text, m.start()):m.start()]) if f.unit == unit]
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
    clause = text[_clause_start(text, end):end]
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


# --- the document's own conventions (see document-level rules in __init__) -----------------------------

_AS_OF = re.compile(r"(?:截至|截止|截止到)(\d{4})年")


def years(text: str) -> list[int]:
    """The years a sentence dates a state of affairs at (截至2025年3月): a 年度 may be another
    year's on purpose (与2023年度相比, next year's 绩效目标表), a 截至 may not be after the accounts."""
    return [int(m.group(1)) for m in _AS_OF.finditer(text)]


# --- tables -----------------------------------------------------------------------------------------------

_CELL = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def _number(cell: str) -> Decimal | None:
    text = cell.strip().replace("，", ",")
    return Decimal(text.replace(",", "")) if _CELL.match(text) else None


@dataclass
class TableRule:
    id: str
    severity: str
    description: str
    tolerance: str
    run: Callable[[list[list[str]], bool], Iterator[tuple[int, Statement]]]


TABLE_RULES: list[TableRule] = []


def table_rule(id: str, severity: str, description: str, tolerance: str):
    def register(func):
        TABLE_RULES.append(TableRule(id, severity, description, tolerance, func))
        return func
    return register


def _sum_statement(rule_id: str, what: str, stated: Decimal, parts: list[Decimal], rounded: bool) -> Statement:
    total = sum(parts, Decimal(0))
    gap = abs(total - stated)
    ok = gap <= tolerance(len(parts), rounded=rounded)
    return Statement(rule_id, what, f"{' + '.join(fmt(p) for p in parts)} = {fmt(total)}", None if ok else ERROR,
                     "" if ok else f"{what} is {fmt(stated)} but its parts add up to {fmt(total)}")


def _side_by_side(rows: list[list[str]]) -> bool:
    """A table that is not one hierarchy of rows in aligned columns: several code columns side
    by side (公开06), or rows whose figures start in different columns (a table a PDF's text
    extraction shifted) — not read, rather than misread."""
    if any(_CODE.match(c.strip()) for r in rows for c in r[1:]):
        return True
    starts = {_first_figure(r) for r in rows if r and _CODE.match(r[0].strip())}
    return len(starts - {None}) > 1


def _first_figure(row: list[str]) -> int | None:
    return next((c for c in range(1, len(row)) if _number(row[c]) is not None), None)


@table_rule("TABLE-TOTAL", ERROR, "in a table by 科目编码, 合计 = Σ 类, each 类 = Σ its 款, each 款 = Σ its 项, "
            "in every column", "the rounding tolerance of `check`: n parts printed to the cent in 万元 may miss "
            "by n × 0.005; in 元, exact")
def table_total(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    coded = [(i, r) for i, r in enumerate(rows) if r and _CODE.match(r[0].strip())]
    if len(coded) < 2 or _side_by_side(rows):
        return
    total = next(((i, r) for i, r in enumerate(rows) if r and r[0].strip() in ("合计", "总计")), None)
    if total is not None and _first_figure(total[1]) != _first_figure(coded[0][1]):
        total = None            # its figures are not under the coded rows' columns (a PDF's layout)
    width = max(len(r) for r in rows)

    def children(code: str) -> list[tuple[int, list[str]]]:
        return [(i, r) for i, r in coded if len(r[0].strip()) == len(code) + 2 and r[0].strip().startswith(code)]

    parents = ([(total[0], total[1], [(i, r) for i, r in coded if len(r[0].strip()) == 3])] if total else [])
    parents += [(i, r, children(r[0].strip())) for i, r in coded if len(r[0].strip()) < 7]
    for i, row, kids in parents:
        if not kids:
            continue
        label = row[0].strip() if row[0].strip() in ("合计", "总计") else f"{row[0].strip()} {row[1].strip()}"
        for c in range(2, width):
            stated = _number(row[c]) if c < len(row) else None
            parts = [_number(k[c]) if c < len(k) else None for _, k in kids]
            if stated is None or any(p is None for p in parts):
                continue
            yield i, _sum_statement("TABLE-TOTAL", f"{label}（第{c + 1}列）", stated, parts, rounded)


@table_rule("TABLE-ROW", ERROR, "in a table by 科目编码, the column headed …合计 = the columns after it, in "
            "every row", "as TABLE-TOTAL")
def table_row(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    if not any(r and _CODE.match(r[0].strip()) for r in rows) or _side_by_side(rows):
        return
    header = next((r for r in rows if any("合计" in c for c in r[2:])), None)
    if header is None:
        return
    first = next(c for c in range(2, len(header)) if "合计" in header[c])
    if any("小计" in c for c in header) or any("合计" in c for c in header[first + 1:]):
        return              # column groups with their own subtotals: not a flat list of parts
    for i, row in enumerate(rows):
        if not row or not (_CODE.match(row[0].strip()) or row[0].strip() in ("合计", "总计")):
            continue
        stated = _number(row[first]) if first < len(row) else None
        parts = [_number(c) for c in row[first + 1:]]
        if stated is None or not parts or any(p is None for p in parts):
            continue
        yield i, _sum_statement("TABLE-ROW", f"{row[0].strip()} {row[1].strip()} {header[first].strip()}".strip(),
                                stated, parts, rounded)


# --- the self-evaluation forms ----------------------------------------------------------------------------

_FORM_COLUMNS = {"target": ("目标值", "年度指标值", "指标值"), "actual": ("业绩值", "实际完成值", "完成值"),
                 "completion": ("完成率",), "weight": ("权重", "分值"), "score": ("指标得分", "得分"),
                 "rule": ("赋分规则",)}


def _form_columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for key, names in _FORM_COLUMNS.items():
        for name in names:
            at = next((i for i, c in enumerate(header) if c.strip() == name), None)
            if at is not None:
                found[key] = at
                break
    return found


@table_rule("FORM-SCORE", ERROR, "a self-evaluation form's 完成率 (业绩值 ÷ 目标值) and 指标得分 (by its 赋分规则, "
            "as the shipped styles score)", "完成率 at its printed decimals, half up; 得分 to the cent; rows whose "
            "赋分规则 or values the styles cannot score are skipped")
def form_score(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    from .. import scoring
    from ..style import DEFAULT, load

    settings = None
    columns: dict[str, int] = {}
    for i, row in enumerate(rows):
        found = _form_columns(row)
        if {"target", "actual", "completion"} <= set(found):
            columns = found
            continue
        if not columns or max(columns.values()) >= len(row):
            continue
        target, actual = row[columns["target"]].strip(), row[columns["actual"]].strip()
        printed = percents(row[columns["completion"]].strip())
        if not target or not actual or not printed:
            continue
        settings = settings or load(DEFAULT).settings
        result = scoring.outcome(target, actual, list(settings.scoring.met_phrases), settings.zero)
        if result.completion is None:
            continue
        kind, shown = judge_rate(printed[-1], result.completion * 100, Decimal(100))
        what = f"{target} → {actual}"
        if printed[-1].places == 0 and kind and quantize(result.completion * 100, 2).normalize() == printed[-1].value:
            kind = None         # a completion printed trimmed (100% for 100.00%)
        yield i, Statement("FORM-SCORE", what, f"{actual} ÷ {target} = {shown}", ERROR if kind else None,
                           f"完成率{printed[-1].text}% — {actual} against {target} is {shown}" if kind else "")
        if "weight" not in columns or "score" not in columns or "rule" not in columns:
            continue
        method = settings.scoring.rules.get(row[columns["rule"]].strip())
        weight, stated = _number(row[columns["weight"]]), _number(row[columns["score"]])
        if method is None or weight is None or stated is None:
            continue
        expected = scoring.score(method, weight, result, settings.scoring.floor)
        if expected is None:
            continue
        ok = stated == expected
        at = f"{quantize(result.completion * 100, 2)}%"
        yield i, Statement("FORM-SCORE", what, f"{row[columns['rule']].strip()} of {fmt(weight)} at {at} = "
                           f"{fmt(expected)}", None if ok else ERROR,
                           "" if ok else f"得分{row[columns['score']].strip()} — {row[columns['rule']].strip()} "
                           f"gives {fmt(expected)} of {fmt(weight)} at {at}")
