"""The tables of a disclosure by 科目编码 (公开02, 03, 05): 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项
in every column, and the 合计 column = the columns after it in every row, with the rounding
tolerance of `check`.  A table a PDF's text extraction shifted or split is not read (and
`--explain` says so) rather than misread."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from ...numbers import tolerance
from .base import Statement, fmt, number, table_rule

CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def sum_statement(rule_id: str, what: str, stated: Decimal, parts: list[Decimal], rounded: bool) -> Statement:
    """`stated` against the sum of `parts`, with the rounding tolerance of `check` (n parts in 万元
    may miss by n × 0.005)."""
    total = sum(parts, Decimal(0))
    gap = abs(total - stated)
    ok = gap <= tolerance(len(parts), rounded=rounded)
    return Statement(rule_id, what, f"{' + '.join(fmt(p) for p in parts)} = {fmt(total)}", None if ok else ERROR,
                     "" if ok else f"{what} is {fmt(stated)} but its parts add up to {fmt(total)}")


def _side_by_side(rows: list[list[str]]) -> str:
    """Why a table is not one hierarchy of rows in aligned columns, or "": several code columns
    side by side (公开06), or rows whose figures start in different columns (a table a PDF's text
    extraction shifted) — not read, rather than misread."""
    if any(CODE.match(c.strip()) for r in rows for c in r[1:]):
        return "codes in more than one column (a table side by side, as 公开06)"
    starts = {_first_figure(r) for r in rows if r and CODE.match(r[0].strip())}
    if len(starts - {None}) > 1:
        return "its coded rows' figures start in different columns: shifted (a PDF's layout)"
    return ""


def _first_figure(row: list[str]) -> int | None:
    return next((c for c in range(1, len(row)) if number(row[c]) is not None), None)


@table_rule("TABLE-TOTAL", ERROR, "in a table by 科目编码, 合计 = Σ 类, each 类 = Σ its 款, each 款 = Σ its 项, "
            "in every column", "the rounding tolerance of `check`: n parts printed to the cent in 万元 may miss "
            "by n × 0.005; in 元, exact")
def table_total(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    coded = [(i, r) for i, r in enumerate(rows) if r and CODE.match(r[0].strip())]
    if len(coded) < 2:
        return
    if why := _side_by_side(rows):
        yield coded[0][0], Statement("TABLE-TOTAL", "the table by 科目编码", why, skipped=True)
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
            stated = number(row[c]) if c < len(row) else None
            parts = [number(k[c]) if c < len(k) else None for _, k in kids]
            if stated is None or any(p is None for p in parts):
                continue
            yield i, sum_statement("TABLE-TOTAL", f"{label}（第{c + 1}列）", stated, parts, rounded)


@table_rule("TABLE-ROW", ERROR, "in a table by 科目编码, the column headed …合计 = the columns after it, in "
            "every row", "as TABLE-TOTAL")
def table_row(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    if not any(r and CODE.match(r[0].strip()) for r in rows) or _side_by_side(rows):
        return
    header = next((r for r in rows if any("合计" in c for c in r[2:])), None)
    if header is None:
        return
    first = next(c for c in range(2, len(header)) if "合计" in header[c])
    if any("小计" in c for c in header) or any("合计" in c for c in header[first + 1:]):
        return              # column groups with their own subtotals: not a flat list of parts
    for i, row in enumerate(rows):
        if not row or not (CODE.match(row[0].strip()) or row[0].strip() in ("合计", "总计")):
            continue
        stated = number(row[first]) if first < len(row) else None
        parts = [number(c) for c in row[first + 1:]]
        if stated is None or not parts or any(p is None for p in parts):
            continue
        yield i, sum_statement("TABLE-ROW", f"{row[0].strip()} {row[1].strip()} {header[first].strip()}".strip(),
                                stated, parts, rounded)
