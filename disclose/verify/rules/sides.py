"""The two-sided tables, 公开01 (收入支出决算总表) and 公开04 (财政拨款收入支出决算总表): 收入 on
the left, 支出 on the right, each side with its own 项目, 行次 and 决算数 columns.  A side is
read as its own list of rows; its 本年…合计 is the sum of the numbered rows above it (一、…),
its 总计 the 本年…合计 and the rows between them, and the two 总计 are equal.  A side whose
rows a PDF's text extraction shifted or split is not read (and `--explain` says so)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from .base import Statement, fmt, number, table_rule
from .tables import sum_statement

NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
_SUBTOTAL = re.compile(r"^本年(?:收入|支出)合计$")
_ORDER = re.compile(r"^\d{1,3}$")


@dataclass
class Side:
    name: str                                           # 收入 or 支出
    columns: list[tuple[int, str]]                      # its figure columns and their names (决算数, 合计, …)
    rows: list[tuple[int, str, list[Decimal | None]]]   # (row index, label, figures)
    unread: str = ""                                    # why the side is not read, or ""
    unread_at: int = 0                                  # the row that says so

    def row(self, label: str) -> tuple[int, str, list[Decimal | None]] | None:
        return next((r for r in self.rows if r[1] == label), None)


def label_of(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def sides(rows: list[list[str]]) -> list[Side]:
    """The 收入 and 支出 sides of a two-sided table, or [] when the table is not one (its header
    row must name 行次 twice)."""
    header = next((i for i, r in enumerate(rows) if [label_of(c) for c in r].count("行次") == 2), None)
    if header is None:
        return []
    at = [c for c, cell in enumerate(rows[header]) if label_of(cell) == "行次"]
    width = max(len(r) for r in rows)
    spans = [("收入", at[0], list(range(at[0] + 1, at[1] - 1))), ("支出", at[1], list(range(at[1] + 1, width)))]
    names = {c: "决算数" for c in range(width)}
    for r in rows[header + 1:]:
        if any(label_of(c) == "合计" for c in r[at[1] + 1:]):      # 公开04: 合计 and the three kinds of 财政拨款
            names.update({c: label_of(r[c]) for c in range(at[1] + 1, len(r)) if r[c].strip()})
    out = []
    for name, order, columns in spans:
        side = Side(name, [(c, names[c]) for c in columns], [])
        for i, r in enumerate(rows[header + 1:], header + 1):
            cells = r + [""] * (width - len(r))
            label, figures = label_of(cells[order - 1]), [number(cells[c]) for c in columns]
            why = ""
            if not _ORDER.match(cells[order].strip()):
                if not cells[order].strip() and (label == "栏次" or all(f is None for f in figures)):
                    continue                # a header row (栏次, 合计…)
                why = "no 行次 where the header puts it: its columns are shifted"
            elif number(label) is not None or any(f is None and cells[c].strip() for f, c in zip(figures, columns)):
                why = "a figure among the labels or a text among the figures: its columns are shifted"
            elif not label and any(f is not None for f in figures):
                why = "figures without their label: a row the PDF split"
            elif label:
                side.rows.append((i, label, figures))
            if why and not side.unread:
                side.unread, side.unread_at = f"row {i + 1} has {why}", i
        out.append(side)
    return out


def _sum(side: Side, i: int, label: str, stated: list, parts: list[list], rounded: bool):
    for k, (c, column) in enumerate(side.columns):
        values = [p[k] for p in parts]
        if stated[k] is None or not values or any(v is None for v in values):
            continue                        # a blank cell is not read as 0
        yield i, sum_statement("TABLE-SIDES", f"{side.name} {label}（{column}）", stated[k], values, rounded)


@table_rule("TABLE-SIDES", ERROR, "in a two-sided table (公开01, 公开04: 收入 left, 支出 right, each with its 行次), "
            "each side's 本年…合计 = Σ its numbered rows (一、…), its 总计 = 本年…合计 + the rows between them, a row = Σ "
            "the numbered rows under it, the 合计 column = the columns after it, and 收入 总计 = 支出 总计",
            "the rounding tolerance of `check` (n parts in 万元 may miss by n × 0.005; in 元, exact); the two 总计 "
            "exact; a side a PDF shifted is not read (`--explain` says so)")
def table_sides(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    found = sides(rows)
    totals = {}
    for side in found:
        if side.unread:
            yield side.unread_at, Statement("TABLE-SIDES", f"the {side.name} side", side.unread, skipped=True)
            continue
        subtotal = next((k for k, r in enumerate(side.rows) if _SUBTOTAL.match(r[1])), None)
        grand = next((k for k, r in enumerate(side.rows) if r[1] == "总计"), None)
        if subtotal is not None:
            i, label, stated = side.rows[subtotal]
            numbered = [r[2] for r in side.rows[:subtotal] if NUMBERED.match(r[1])]
            yield from _sum(side, i, label, stated, numbered, rounded)
        if subtotal is not None and grand is not None and grand > subtotal:
            tail = side.rows[subtotal + 1:grand]
            g, label, stated = side.rows[grand]
            own = [r[2] for r in tail if not NUMBERED.match(r[1])]
            yield from _sum(side, g, label, stated, [side.rows[subtotal][2]] + own, rounded)
            for k, (i, label, figures) in enumerate(tail):
                under = []
                for r in tail[k + 1:]:
                    if not NUMBERED.match(r[1]):
                        break
                    under.append(r[2])
                if not NUMBERED.match(label) and under:
                    yield from _sum(side, i, label, figures, under, rounded)
            totals[side.name] = (g, stated[0])
        if len(side.columns) > 1 and side.columns[0][1] == "合计":
            for i, label, figures in side.rows:
                if None not in figures and any(figures):        # rows of 0.00 throughout say nothing
                    yield i, sum_statement("TABLE-SIDES", f"{side.name} {label}（合计）", figures[0], figures[1:],
                                           rounded)
    if len(totals) == 2 and None not in (totals["收入"][1], totals["支出"][1]):
        (_, income), (i, spending) = totals["收入"], totals["支出"]
        ok = income == spending
        yield i, Statement("TABLE-SIDES", "收入 总计 = 支出 总计", f"{fmt(income)} = {fmt(spending)}",
                           None if ok else ERROR, "" if ok else f"收入 总计 {fmt(income)} and 支出 总计 "
                           f"{fmt(spending)} differ by {fmt(abs(income - spending))}")
