"""The forms of a 整体支出绩效自评 package (style hunan, seed 001) and the funds rows every
self-evaluation form shares: 附件一's 控制率 and its rows made of numbered parts (三公经费,
项目支出), a form's 年度资金总额 (= its 其中 rows), 执行率 (全年执行数 ÷ 全年预算数) and funds
得分, and its 总分 (= the 得分 above it).  The arithmetic is `numbers`' (half-up rounding, the
万元 tolerance) and `scoring`'s (`funds_score`); the columns are found by their headings, as
FORM-SCORE finds its own (`forms.find_columns`)."""
from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from ...numbers import ZERO, divide, total
from ..statements import percents
from .base import Document, Statement, document_rule, fmt, judge_rate, number, rate_text, table_rule
from .forms import find_columns
from .tables import sum_statement

Rows = list[list[str]]
Found = Iterator[tuple[int, Statement]]

# a rate's column, and the columns of its numerator and denominator, by (part of) their headings
CONTROL = (("控制率", "实际在职人数", "编制数"), ("规模控制率", "实际规模", "批复规模"),
           ("投资概算控制率", "实际投资", "预算投资"))
FUNDS = {"budget": ("年初预算数",), "full_year": ("全年预算数",), "executed": ("全年执行数",),
         "weight": ("分值", "分值权重"), "execution": ("执行率",), "score": ("自评得分", "得分")}
INDICATORS = {"level3": ("三级指标",), "weight": ("分值", "权重", "分值权重"), "score": ("自评得分", "指标得分", "得分")}
_NUMBERED = re.compile(r"^\d+[、.．]")
_SPACE = re.compile(r"\s+")


def label(cell: str) -> str:
    return _SPACE.sub("", cell)


def _blank_or_number(cell: str) -> Decimal | None:
    """A cell of a row of parts: a figure, 0 when left blank, None for text (—, 无)."""
    return ZERO if not cell.strip() else number(cell)


def _in_wan(rows: Rows, rounded: bool) -> bool:
    """Amounts in 万元: the document says so above the table, or a heading cell does (项目资金（万元）)."""
    return rounded or any("万元" in c for r in rows for c in r[:1])


# --- 附件一 ----------------------------------------------------------------------------------------------

@table_rule("CONTROL-RATE", ERROR, "a 基础数据表's 控制率 = 实际在职人数 ÷ 编制数 (规模控制率 = 实际规模 ÷ 批复规模, 投资概算控制率 "
            "= 实际投资 ÷ 预算投资), printed in the rows under its headings; a rate left blank beside its two figures "
            "is reported", "the half-up rounding at the printed decimals (two when blank); a base of 0 is not read")
def control_rate(rows: Rows, rounded: bool) -> Found:
    for h, header in enumerate(rows):
        names = [label(c) for c in header]
        for rate, numerator, denominator in CONTROL:
            if rate not in names:
                continue
            r = names.index(rate)
            n = next((i for i, c in enumerate(names) if numerator in c), None)
            d = next((i for i, c in enumerate(names) if denominator in c), None)
            if n is None or d is None:
                continue
            for i in range(h + 1, len(rows)):
                row = rows[i]
                if row[0].strip() or max(r, n, d) >= len(row):
                    break                       # the next heading of the form
                yield from _rate(i, rate, row[r], number(row[n]), number(row[d]))


def _rate(i: int, name: str, cell: str, numerator: Decimal | None, denominator: Decimal | None) -> Found:
    if numerator is None or denominator is None or denominator == 0:
        return
    what = f"{fmt(numerator)} ÷ {fmt(denominator)}"
    printed = percents(cell.strip())
    if not printed:
        shown = rate_text(numerator, denominator, 2)
        yield i, Statement("CONTROL-RATE", f"{name} (blank)", f"{what} = {shown}", ERROR,
                           f"{name} is left blank; {what} = {shown}")
        return
    kind, shown = judge_rate(printed[-1], numerator, denominator)
    yield i, Statement("CONTROL-RATE", f"{name}{printed[-1].text}%", f"{what} = {shown}", ERROR if kind else None,
                       f"{name}{printed[-1].text}% — {what} = {shown}" if kind else "")


@table_rule("ROW-PARTS", ERROR, "a row whose label ends in ：(三公经费：, 项目支出：) = the numbered rows under it (1、2、3、), "
            "and a numbered row = its 其中 rows, in every column it prints a figure", "the rounding tolerance of "
            "`check` in 万元 (n parts may miss by n × 0.005); a part left blank counts 0")
def row_parts(rows: Rows, rounded: bool) -> Found:
    rounded = _in_wan(rows, rounded)
    for i, row in enumerate(rows):
        if not re.search(r"[：:]$", row[0].strip()):
            continue
        parts: list[tuple[int, list[int]]] = []         # each numbered row, with its 其中 rows
        in_detail = False
        for k in range(i + 1, len(rows)):
            name = rows[k][0].strip()
            if _NUMBERED.match(name):
                parts.append((k, []))
                in_detail = False
            elif parts and (name.startswith("其中") or in_detail and name and not re.search(r"[：:]$", name)):
                parts[-1][1].append(k)
                in_detail = True
            else:
                break
        yield from _sum_rows(rows, i, [k for k, _ in parts], rounded)
        for k, detail in parts:
            yield from _sum_rows(rows, k, detail, rounded)


def _sum_rows(rows: Rows, at: int, parts: list[int], rounded: bool) -> Found:
    row = rows[at]
    if not parts:
        return
    for c in range(1, len(row)):
        stated = number(row[c])
        values = [_blank_or_number(rows[k][c]) if c < len(rows[k]) else ZERO for k in parts]
        if stated is None or any(v is None for v in values):
            continue
        heading = next((label(rows[h][c]) for h in range(at - 1, -1, -1)
                        if c < len(rows[h]) and rows[h][c].strip() and number(rows[h][c]) is None), f"第{c + 1}列")
        yield at, sum_statement("ROW-PARTS", f"{label(row[0]).rstrip('：:')}（{heading}）", stated, values, rounded)


# --- a form's funds rows ------------------------------------------------------------------------------------

def _funds_rows(rows: Rows) -> Iterator[tuple[dict[str, int], int, list[str]]]:
    """(the funds columns, index, row) of each row under a funds heading (年初预算数 全年预算数 全年执行数 …),
    up to the next row with a heading in its first cell (年度总体目标)."""
    for h, header in enumerate(rows):
        columns = find_columns([label(c) for c in header], FUNDS)
        if not {"full_year", "executed"} <= set(columns):
            continue
        for i in range(h + 1, len(rows)):
            if rows[i][0].strip():
                break
            if max(columns.values()) < len(rows[i]):
                yield columns, i, rows[i]


@table_rule("FUNDS-TOTAL", ERROR, "a form's 年度资金总额 = its 其中 rows (当年财政拨款, 上年结转资金, 其他资金) in 年初预算数, "
            "全年预算数 and 全年执行数", "the rounding tolerance of `check` in 万元; a part left blank counts 0")
def funds_total(rows: Rows, rounded: bool) -> Found:
    rounded = _in_wan(rows, rounded)
    funds = list(_funds_rows(rows))
    for n, (columns, i, row) in enumerate(funds):
        if "年度资金总额" not in [label(c) for c in row]:
            continue
        at = [label(c) for c in row].index("年度资金总额")
        parts = []
        for _, k, part in funds[n + 1:]:
            name = label(part[at]) if at < len(part) else ""
            if not name or not (parts or name.startswith("其中")) or re.search(r"\d", name):
                break
            parts.append(part)
        for key, heading in (("budget", "年初预算数"), ("full_year", "全年预算数"), ("executed", "全年执行数")):
            if not parts or key not in columns:
                continue
            c = columns[key]
            stated, values = _blank_or_number(row[c]), [_blank_or_number(p[c]) for p in parts]
            if stated is None or any(v is None for v in values) or not row[c].strip() and not any(values):
                continue
            yield i, sum_statement("FUNDS-TOTAL", f"年度资金总额（{heading}）", stated, values, rounded)


@table_rule("EXECUTION", ERROR, "a form's 执行率 = 全年执行数 ÷ 全年预算数, in its funds rows (年度资金总额, 合计)",
            "the half-up rounding at the printed decimals; a blank or 0 全年预算数 is not read (`--explain` says so)")
def execution(rows: Rows, rounded: bool) -> Found:
    for columns, i, row in _funds_rows(rows):
        printed = percents(row[columns["execution"]].strip()) if "execution" in columns else []
        executed, budget = number(row[columns["executed"]]), number(row[columns["full_year"]])
        if not printed or executed is None:
            continue
        if not budget:
            yield i, Statement("EXECUTION", f"执行率{printed[-1].text}%", "no 全年预算数: the style's rule for a "
                               "rate without a base decides it", skipped=True)
            continue
        kind, shown = judge_rate(printed[-1], executed, budget)
        what = f"{fmt(executed)} ÷ {fmt(budget)}"
        yield i, Statement("EXECUTION", f"执行率{printed[-1].text}%", f"{what} = {shown}", ERROR if kind else None,
                           f"执行率{printed[-1].text}% — 全年执行数 ÷ 全年预算数 = {what} = {shown}" if kind else "")


@functools.cache
def funds_rules() -> tuple[str, ...]:
    """The funds rules (`scoring.funds_score`) the shipped styles score a form's funds row by."""
    from ... import style

    found = {m for name in style.available()
             for m in (style.load(name).settings.scoring.funds.project, style.load(name).settings.scoring.funds.unit)}
    return tuple(sorted(found))


@table_rule("FUNDS-SCORE", ERROR, "a form's funds 得分 = its 分值 by a funds rule of the shipped styles (`scoring.funds`: "
            "full, the whole 分值; proportional, 分值 × 执行率 capped at the 分值), at the 执行率 of its figures",
            "to the cent; a 得分 either rule gives holds (the form does not say its style's)")
def funds_score(rows: Rows, rounded: bool) -> Found:
    from ...scoring import funds_score as score

    for columns, i, row in _funds_rows(rows):
        if "weight" not in columns or "score" not in columns:
            continue
        weight, stated = number(row[columns["weight"]]), number(row[columns["score"]])
        executed, budget = number(row[columns["executed"]]), number(row[columns["full_year"]])
        if weight is None or stated is None or executed is None or not budget:
            continue
        rate = divide(executed, budget)
        expected = {m: score(m, weight, rate) for m in funds_rules()}
        at = f"{fmt(weight)} at 执行率 {rate_text(executed, budget, 2)}"
        gives = (fmt(next(iter(expected.values()))) if len(set(expected.values())) == 1 else
                 " or ".join(f"{fmt(v)} ({m})" for m, v in expected.items()))
        ok = stated in expected.values()
        yield i, Statement("FUNDS-SCORE", f"得分{row[columns['score']].strip()}", f"{at}: {gives}",
                           None if ok else ERROR, "" if ok else f"得分{row[columns['score']].strip()} — {at} "
                           f"gives {gives}")


# --- 总分 -----------------------------------------------------------------------------------------------

@document_rule("TOTAL-SCORE", ERROR, "a form's 总分 = its funds 得分 + the 得分 of its indicators (and its 分值, when printed, "
               "= their 分值), the form read across its tables", "exact: the scores are added as printed")
def total_score(document: Document) -> Iterator[tuple[str, str, Statement]]:
    funds: tuple[Decimal, Decimal] | None = None
    funds_columns: dict[str, int] = {}
    columns: dict[str, int] = {}
    weights: list[Decimal] = []
    scores: list[Decimal] = []
    for grid in document.grids:
        for i, row in enumerate(grid.rows):
            names = [label(c) for c in row]
            place, sentence = f"{grid.place} row {i + 1}", "\t".join(row)
            found = find_columns(names, FUNDS)
            if {"full_year", "executed", "weight", "score"} <= set(found):
                funds_columns, funds, columns = found, None, {}
                continue
            if {"level3", "weight", "score"} <= set(found := find_columns(names, INDICATORS)):
                columns, weights, scores = found, [], []
                continue
            if "年度资金总额" in names or "合计" in names:
                if funds is None and max(funds_columns.values(), default=len(row)) < len(row):
                    w, s = number(row[funds_columns["weight"]]), number(row[funds_columns["score"]])
                    funds = (w, s) if w is not None and s is not None else None
                continue
            if names and names[0] == "总分":
                if funds is not None and columns:
                    yield from _total(place, sentence, row, funds, weights, scores)
                funds, columns = None, {}
                continue
            if columns and max(columns.values()) < len(row):
                w, s = number(row[columns["weight"]]), number(row[columns["score"]])
                if w is not None and s is not None:
                    weights.append(w)
                    scores.append(s)


def _total(place: str, sentence: str, row: list[str], funds: tuple[Decimal, Decimal], weights: list[Decimal],
           scores: list[Decimal]) -> Iterator[tuple[str, str, Statement]]:
    printed = [f for c in row[1:] if (f := number(c.strip().removesuffix("分"))) is not None]
    if not printed:
        return
    pairs = [("得分", printed[-1], funds[1], scores)]
    if len(printed) >= 2:
        pairs.insert(0, ("分值", printed[-2], funds[0], weights))
    for name, stated, first, parts in pairs:
        expected = first + total(parts)
        check = f"{' + '.join(fmt(p) for p in [first, *parts])} = {fmt(expected)}"
        ok = stated == expected
        yield place, sentence, Statement("TOTAL-SCORE", f"总分（{name}）{fmt(stated)}", check, None if ok else ERROR,
                                         "" if ok else f"总分's {name} is {fmt(stated)} but the funds row and the "
                                         f"{len(parts)} indicators add up to {fmt(expected)}")
