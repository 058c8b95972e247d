"""Where the nine 公开 tables are in a workbook's grids: found by their titles (with or without
公开0N表, a year or the unit's name; sheet names do not matter), each with its 部门 and 金额单位
lines and its header — the heading rows found by their words, down to the 栏次 row or the
first row of figures.  A `Header` names each column by its headings and its 栏次; nothing here
knows a table's columns (`tables.py` and `forms.py` ask for them by their words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import DiscloseError, Location, Problem
from .sheets import Grid, is_note, norm

TITLES = {   # the titles of the national forms (quotes and spaces are ignored when matching)
    "01": ("收入支出决算总表",),
    "02": ("收入决算表",),
    "03": ("支出决算表",),
    "04": ("财政拨款收入支出决算总表",),
    "05": ("一般公共预算财政拨款支出决算表",),
    "06": ("一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算表"),
    "07": ("一般公共预算财政拨款三公经费支出决算表", "财政拨款三公经费支出决算表", "三公经费支出决算表"),
    "08": ("政府性基金预算财政拨款收入支出决算表",),
    "09": ("国有资本经营预算财政拨款支出决算表",),
}
_MARKER = re.compile(r"[(\[]?公开0?([1-9])表?[)\]]?")
_HEADING_WORDS = ("项目", "科目", "编码", "代码", "栏次", "行次", "决算数", "预算数", "人员经费", "公用经费",
                  "本年收入", "本年支出", "基本支出", "金额")
_UNIT_NAME = re.compile(r"(?:部门|编制单位|填报单位|单位名称|预算单位|单位)[:：]\s*(\S*)")
_AMOUNT_UNIT = re.compile(r"(?:金额)?单位[:：]\s*([千百万亿]*元)(?![\u4e00-\u9fff])")
_YEAR = re.compile(r"(20\d\d)年")


# --- finding the tables ------------------------------------------------------------------------------

def title_of(value) -> tuple[str, str] | None:
    """('05', 'title') for a title cell (with or without a year, unit or 公开05表), ('05', 'marker')
    for a cell that is only 公开05表; None otherwise."""
    if not isinstance(value, str):
        return None
    text = norm(value)
    if not text or len(text) > 80 or is_note(text):
        return None
    marker = _MARKER.search(text)
    rest = _MARKER.sub("", text)
    best = None
    for number, titles in TITLES.items():
        for title in titles:
            if rest.endswith(title) and len(rest) - len(title) <= 40 and (best is None or len(title) > best[1]):
                best = (number, len(title))
    if best:
        return best[0], "title"
    if marker and not rest:
        return f"0{marker.group(1)}", "marker"
    return None


@dataclass
class Place:
    """Where a table may be: its sheet, its title's row and cell, and the row where the next table starts."""

    number: str
    grid: Grid
    row: int
    col: int
    end: int
    how: str


MAX_TITLES = 200       # titles (or 公开0N表 marks) in a workbook: nine tables, a contents page, some copies


def find_tables(grids: list[Grid]) -> dict[str, list[Place]]:
    """Every title (or lone 公开0N表 mark) of each table, visible sheets first; a mark within three
    rows of the same table's title (公开05表 beside or under it, a title over two lines) is one."""
    found: dict[str, list[Place]] = {}
    count = 0
    for grid in sorted(grids, key=lambda g: not g.visible):
        marks: list[Place] = []
        last: dict[str, Place] = {}
        for r, row in enumerate(grid.cells):
            for c, v in enumerate(row):
                hit = title_of(v)
                if hit is None:
                    continue
                near = last.get(hit[0])
                if near is not None and r - near.row <= 3:
                    if near.how == "marker" and hit[1] == "title":
                        near.row, near.col, near.how = r, c, "title"
                    continue
                count += 1
                if count > MAX_TITLES:
                    raise DiscloseError([Problem(grid.loc(r, c), "TOO-LARGE", f"more than {MAX_TITLES} cells read "
                                                 "as the titles of 公开 tables", "keep only the nine 公开 tables in "
                                                 "the workbook")])
                last[hit[0]] = Place(hit[0], grid, r, c, grid.height, hit[1])
                marks.append(last[hit[0]])
        for i, m in enumerate(marks):
            m.end = next((n.row for n in marks[i + 1:] if n.row > m.row), grid.height)
            found.setdefault(m.number, []).append(m)
    return found


def unit_lines(grid: Grid, first: int, last: int) -> tuple[tuple[str, Location] | None, tuple[str, Location] | None]:
    """The 部门 (unit name) and 金额单位 given in rows first..last, each with its cell."""
    unit = money = None
    for r in range(first, last + 1):
        row = [grid.value(r, c) for c in range(grid.width)]
        for c, v in enumerate(row):
            if not isinstance(v, str):
                continue
            text = v.strip()            # the unit's name as written: （本级） stays full-width
            m = _AMOUNT_UNIT.search(text)
            if m and money is None:
                money = (m.group(1), grid.loc(r, c))
                text = text[:m.start()]
            m = _UNIT_NAME.search(text)
            if m and unit is None and not m.group(1).endswith("元"):
                value = m.group(1) or next((str(x).strip() for x in row[c + 1:]
                                            if norm(x) and ":" not in norm(x)), "")
                if value:
                    unit = (value, grid.loc(r, c))
    return unit, money


def years(grid: Grid, first: int, last: int) -> list[tuple[int, Location]]:
    """The years (2024) that title and heading lines in rows first..last speak of, with their cells."""
    out = []
    for r in range(first, last + 1):
        for c in range(grid.width):
            text = grid.text(r, c)
            if text and len(text) <= 60 and not is_note(text):
                out += [(int(y), grid.loc(r, c)) for y in _YEAR.findall(text)]
    return out


# --- a table's header ----------------------------------------------------------------------------------

@dataclass
class Header:
    """The heading rows of one table: for each column its words top to bottom (`full`, a group
    heading spread over the columns it spans), its lowest heading (`own`) and its 栏次."""

    grid: Grid
    top: int
    bottom: int
    data: int                       # the first row below the header
    full: dict[int, str]
    own: dict[int, str]
    lanci: dict[int, int]

    def loc(self) -> Location:
        first = min((c for c, t in self.full.items() if t), default=0)
        return self.grid.loc(self.top, first)

    def rows(self) -> str:
        return f"rows {self.top + 1}–{self.bottom + 1}" if self.bottom > self.top else f"row {self.top + 1}"

    def find(self, *words: str, own: bool = False, exact: bool = False, exclude: tuple[str, ...] = (),
             where=None) -> int | None:
        """The first column whose heading has one of `words` (and none of `exclude`)."""
        texts = self.own if own else self.full
        for c in sorted(texts):
            t = texts[c]
            if not t or (where is not None and not where(c)) or any(x in t for x in exclude):
                continue
            if any((w == t) if exact else (w in t) for w in words):
                return c
        return None

    def by_lanci(self, number: int) -> int | None:
        return next((c for c, n in self.lanci.items() if n == number), None)


def _lanci(grid: Grid, r: int) -> dict[int, int] | None:
    """The 栏次 of a row that is one (栏次 | 1 | 2 … or 1 2 3 … alone), else None."""
    cells = {c: grid.value(r, c) for c in range(grid.width) if norm(grid.value(r, c))}
    has_word = any(norm(v) == "栏次" for v in cells.values())
    numbers = {}
    for c, v in cells.items():
        t = norm(v)
        if t.isdigit() and len(t) <= 3:
            numbers[c] = int(t)
        elif t != "栏次":
            return None
    if has_word or (len(numbers) >= 2 and sorted(numbers.values()) == list(range(1, len(numbers) + 1))):
        return numbers
    return None


def _heading_cell(text: str) -> bool:
    return bool(text) and ":" not in text and "单位" not in text and \
        (text in ("收入", "支出") or any(w in text for w in _HEADING_WORDS))


def read_header(place: Place, is_data_row) -> Header | None:
    """The header below a title: from its first row of heading words down to the 栏次 row, or to
    the row before the first row `is_data_row` accepts."""
    grid = place.grid
    width = grid.width
    top = next((r for r in range(place.row + 1, min(place.end, place.row + 15))
                if any(_heading_cell(grid.text(r, c)) for c in range(width))), None)
    if top is None or is_data_row(grid, top):
        return None
    bottom, data, lanci_row, lanci = None, None, None, {}
    for r in range(top + 1, min(place.end, top + 8)):
        numbers = _lanci(grid, r)
        if numbers is not None:
            bottom, data, lanci_row, lanci = r, r + 1, r, numbers
            break
        if is_data_row(grid, r) or any(is_note(grid.value(r, c)) for c in range(width)):
            bottom, data = r - 1, r
            break
    if bottom is None:     # a table without 栏次 nor rows: its header is what is there
        rows = [r for r in range(top, min(place.end, top + 4)) if any(grid.row_texts(r))]
        bottom = data = rows[-1] if rows else top
        data += 1
    rows = [r for r in range(top, bottom + 1) if r != lanci_row]
    texts = {r: grid.row_texts(r) for r in rows}
    for r0, c0, r1, c1 in grid.merges:       # a merged heading covers every cell of its range
        for r in rows:
            if r0 <= r <= r1:
                for c in range(c0, min(c1, width - 1) + 1):
                    if not texts[r][c]:
                        texts[r][c] = grid.text(r0, c0)
    own = {c: next((texts[r][c] for r in reversed(rows) if texts[r][c]), "") for c in range(width)}
    for i, r in enumerate(rows[:-1]):       # a group heading over the columns it spans (unmerged)
        last = ""
        for c in range(width):
            if texts[r][c]:
                last = texts[r][c]
            elif not any(texts[r2][c] for r2 in rows[i + 1:]):
                last = ""
            elif last:
                texts[r][c] = last
    full = {c: "/".join(texts[r][c] for r in rows if texts[r][c]) for c in range(width)}
    return Header(grid, top, bottom, data, full, own, lanci)
