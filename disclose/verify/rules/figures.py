"""TABLE-FIGURE: a figure a sentence prints for a named line (收入总计, 本年收入合计, 财政拨款收入,
基本支出, 一般公共预算财政拨款支出, the “三公” total and parts…) against the same line of the
document's own 公开 tables.

Both sides are read only where the line is identified without guessing.  A table is one of the
nine by the title or the 公开NN printed above it (the two must agree); a line of it by its
label (公开01/04, through `sides`) or its column heading (the 合计 row of 公开02/03/05, the
决算 half of 公开07).  A sentence names a line by its full name, standing at the head of its
clause; a name without its funds (支出总计, 基本支出) takes them from a total named before it in
the same sentence (财政拨款收入总计X，支出总计Y) or else from the section's heading
(四、财政拨款收入支出决算总体情况说明).  Lines are keyed `funds:line` (`:收入总计`,
`财政拨款:收入总计`, `三公:公务接待费`)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from .base import Document, Grid, Statement, document_rule, fmt, number
from .sides import NUMBERED, label_of, sides

KINDS = {"收入支出决算总表": "01", "收入决算表": "02", "支出决算表": "03", "财政拨款收入支出决算总表": "04",
         "一般公共预算财政拨款支出决算表": "05", "一般公共预算财政拨款“三公”经费支出决算表": "07"}
_SIDE_LINES = {
    "01": {"收入": {"总计": ":收入总计", "本年收入合计": ":本年收入合计", "年初结转和结余": ":年初结转和结余",
                  "一般公共预算财政拨款收入": ":一般公共预算财政拨款收入", "上级补助收入": ":上级补助收入",
                  "事业收入": ":事业收入", "经营收入": ":经营收入", "附属单位上缴收入": ":附属单位上缴收入",
                  "其他收入": ":其他收入"},
           "支出": {"总计": ":支出总计", "本年支出合计": ":本年支出合计", "结余分配": ":结余分配",
                  "年末结转和结余": ":年末结转和结余"}},
    "04": {"收入": {"总计": "财政拨款:收入总计", "本年收入合计": "财政拨款:本年收入合计",
                  "年初财政拨款结转和结余": "财政拨款:年初结转和结余"},
           "支出": {"总计": "财政拨款:支出总计", "本年支出合计": "财政拨款:本年支出合计",
                  "年末财政拨款结转和结余": "财政拨款:年末结转和结余"}}}
_COLUMN_LINES = {
    "02": {n: f":{n}" for n in ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入",
                                "其他收入")},
    "03": {n: f":{n}" for n in ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")},
    "05": {"本年支出合计": "一般公共预算财政拨款:本年支出合计", "基本支出": "一般公共预算财政拨款:基本支出",
           "项目支出": "一般公共预算财政拨款:项目支出"}}
_THREE = {"合计": "三公:合计", "因公出国（境）费": "三公:因公出国（境）费", "公务用车购置及运行维护费": "三公:公务用车购置及运行维护费",
          "公务用车购置费": "三公:公务用车购置费", "公务用车运行维护费": "三公:公务用车运行维护费", "公务接待费": "三公:公务接待费"}

Line = tuple[Decimal, str]          # (value, where: `公开01 收入 总计, line 57 row 31`)


def tidy(text: str) -> str:
    """A label as the tables and sentences spell it alike: no spaces, full-width brackets, curly quotes."""
    text = re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")
    return re.sub(r'"([^"]*)"', r"“\1”", text)


def kind(grid: Grid) -> str:
    """Which of the nine tables a grid is ("" when its title and 公开NN do not say, or disagree)."""
    by_title = KINDS.get(tidy(grid.title), "")
    if by_title and grid.number and by_title != grid.number:
        return ""
    return by_title or grid.number


def _side_lines(grid: Grid, k: str) -> Iterator[tuple[str, Decimal, int, str]]:
    for side in sides(grid.rows):
        if side.unread:
            continue
        for i, label, figures in side.rows:
            key = _SIDE_LINES[k][side.name].get(label)
            if key and not NUMBERED.match(label) and figures and figures[0] is not None:
                yield key, figures[0], i, f"{side.name} {label}"


def _column_lines(grid: Grid, k: str) -> Iterator[tuple[str, Decimal, int, str]]:
    names = _COLUMN_LINES[k]
    header = next((r for r in grid.rows if any(label_of(c) in names for c in r)), None)
    total = next((i for i, r in enumerate(grid.rows) if r and label_of(r[0]) == "合计"), None)
    if header is None or total is None:
        return
    row = grid.rows[total]
    columns = [c for c, cell in enumerate(header) if label_of(cell) in names]
    first = next((c for c, cell in enumerate(row) if c and number(cell) is not None), None)
    if first != columns[0]:
        return                              # the 合计 row's figures are not under their headings: shifted
    for c in columns:
        value = number(row[c]) if c < len(row) else None
        if value is not None:
            yield names[label_of(header[c])], value, total, f"合计 {label_of(header[c])}"


def _three_lines(grid: Grid) -> Iterator[tuple[str, Decimal, int, str]]:
    rows = grid.rows
    top = next((i for i, r in enumerate(rows) if any("决算" in c for c in r)), None)
    if top is None or top + 3 >= len(rows):
        return
    half = next(c for c, cell in enumerate(rows[top]) if "决算" in cell)
    counted = next((i for i in range(top + 1, len(rows))
                    if [c.strip() for c in rows[i] if c.strip()] == [str(n) for n in range(1, len(rows[i]) + 1)]
                    [:len([c for c in rows[i] if c.strip()])]), None)       # 栏次 1 2 3 … 12
    values = rows[counted + 1] if counted is not None and counted + 1 < len(rows) else None
    if values is None or len(values) != len(rows[top + 1]):
        return
    for r in rows[top + 1:counted]:
        for c in range(half, len(r)):
            name = tidy(r[c])
            if name == "小计":
                name = tidy(rows[top + 1][c])
            if name in _THREE and (value := number(values[c])) is not None:
                yield _THREE[name], value, counted + 1, f"决算数 {name}"


def table_lines(document: Document) -> dict[str, list[tuple[Decimal, str, str]]]:
    """Each named line of the document's 公开 tables: key → [(value, unit, where)]."""
    found: dict[str, list[tuple[Decimal, str, str]]] = {}
    for grid in document.grids:
        k = kind(grid)
        if not grid.unit or k not in ("01", "02", "03", "04", "05", "07"):
            continue
        lines = (_side_lines(grid, k) if k in _SIDE_LINES else _column_lines(grid, k) if k in _COLUMN_LINES
                 else _three_lines(grid))
        for key, value, i, label in lines:
            found.setdefault(key, []).append((value, grid.unit, f"公开{k} {label} ({grid.place} row {i + 1})"))
    return found


# --- the sentences ---------------------------------------------------------------------------------------

_FUNDS = ("一般公共预算财政拨款", "政府性基金", "国有资本经营", "财政拨款")
_OWN = {"财政拨款收入总计": "财政拨款:收入总计", "财政拨款支出总计": "财政拨款:支出总计",
        "本年财政拨款收入": "财政拨款:本年收入合计", "本年财政拨款支出": "财政拨款:本年支出合计",
        "年初财政拨款结转和结余": "财政拨款:年初结转和结余", "年末财政拨款结转和结余": "财政拨款:年末结转和结余",
        "一般公共预算财政拨款基本支出": "一般公共预算财政拨款:基本支出",
        "一般公共预算财政拨款项目支出": "一般公共预算财政拨款:项目支出",
        "一般公共预算财政拨款支出": "一般公共预算财政拨款:本年支出合计",
        "因公出国（境）费": "三公:因公出国（境）费", "公务用车购置及运行维护费": "三公:公务用车购置及运行维护费",
        "公务用车购置及运行费": "三公:公务用车购置及运行维护费", "公务用车购置费": "三公:公务用车购置费",
        "公务用车运行维护费": "三公:公务用车运行维护费", "公务接待费": "三公:公务接待费"}
_GENERIC = {"收入总计": "收入总计", "支出总计": "支出总计", "本年收入合计": "本年收入合计", "本年支出合计": "本年支出合计",
            "本年收入": "本年收入合计", "本年支出": "本年支出合计", "收入合计": "本年收入合计", "支出合计": "本年支出合计",
            "基本支出": "基本支出", "项目支出": "项目支出", "年初结转和结余": "年初结转和结余",
            "年末结转和结余": "年末结转和结余", "结余分配": "结余分配", "一般公共预算财政拨款收入": "一般公共预算财政拨款收入",
            "财政拨款收入": "财政拨款收入", "上级补助收入": "上级补助收入", "事业收入": "事业收入", "经营收入": "经营收入",
            "附属单位上缴收入": "附属单位上缴收入", "其他收入": "其他收入", "上缴上级支出": "上缴上级支出",
            "经营支出": "经营支出", "对附属单位补助支出": "对附属单位补助支出"}
_THREE_TOTAL = r"(?:财政拨款|一般公共预算财政拨款)?“三公”经费(?:一般公共预算财政拨款|财政拨款)?"
_NAMES = "|".join(sorted((re.escape(n) for n in list(_OWN) + list(_GENERIC)), key=len, reverse=True))
_NAMED = re.compile(rf"({_THREE_TOTAL}|{_NAMES})(?:支出)?(?:决算)?(?:数)?(?:为|是)?(\d[\d,]*(?:\.\d+)?)(万元|元)")
_HEAD = re.compile(r"^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])?(?:\d{4}年度?|本年度)?"
                   r"(?:本?部门(?:决算)?|本单位)?$")


def _funds(text: str) -> str:
    return next((f for f in _FUNDS if f in text), "")


def named_figures(text: str, heading: str) -> Iterator[tuple[str, str, Decimal, str]]:
    """(line key, name as printed, value, unit) of each named line a normalised paragraph prints."""
    sentence_funds, sentence_start = "", 0
    for m in _NAMED.finditer(text):
        start = max(text.rfind(p, 0, m.start()) for p in "。；，：、") + 1
        if text.rfind("。", 0, m.start()) + 1 != sentence_start:
            sentence_start, sentence_funds = text.rfind("。", 0, m.start()) + 1, ""
        if not _HEAD.match(text[start:m.start()]):
            # 上年收入总计, 政府性基金…本年收入: another line than its name says; and the funds it names are
            # the sentence's (政府性基金预算财政拨款年初结转和结余X，本年收入Y: Y is the fund's too)
            sentence_funds = _funds(text[start:m.start()]) or sentence_funds
            continue
        name = m.group(1)
        if "三公" in name:
            key = "三公:合计"
        elif name in _OWN:
            key = _OWN[name]
            sentence_funds = key.split(":")[0] if not key.startswith("三公") else sentence_funds
        else:
            key = f"{sentence_funds or _funds(heading)}:{_GENERIC[name]}"
        yield key, name, Decimal(m.group(2).replace(",", "")), m.group(3)


@document_rule("TABLE-FIGURE", ERROR, "a sentence's amount for a named line (收入总计, 本年收入合计, 财政拨款收入, 基本支出, "
               "项目支出, 一般公共预算财政拨款支出, the “三公” total and its parts…) is the same line's figure in the "
               "document's own 公开 tables", "exact, in the same unit; only lines named in full at the head of a clause "
               "(a bare 支出总计 takes its funds from the total before it or from the heading); a sentence in another "
               "unit than the table, or a line two tables print with two values, is not compared")
def table_figure(document: Document) -> Iterator[tuple[str, str, Statement]]:
    lines = table_lines(document)
    for t in document.texts:
        for key, name, value, unit in named_figures(t.text, t.heading):
            found = lines.get(key)
            if not found or len({v for v, _, _ in found}) > 1 or found[0][1] != unit:
                continue
            table, _, where = found[0]
            ok = table == value
            yield t.place, t.raw, Statement(
                "TABLE-FIGURE", f"{name}{fmt(value)}{unit}", f"= {where}", None if ok else ERROR,
                "" if ok else f"{name} is {fmt(value)}{unit} here but {fmt(table)}{unit} in {where}")
