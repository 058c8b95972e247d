"""The small markup that templates write, and the blocks it becomes.

Templates write text, one block per line; the Word writer and the text writer read
the same blocks, so the .docx and the .txt cannot disagree.

    #! 标题                 the document title
    # 第一部分 单位概况       a part heading
    ## 一、收入支出决算…      a section heading (一、)
    ### （一）机关运行经费…   a sub-section heading (（一）)
    正文……                  a body paragraph (first-line indent, justified)
    ::center 文字            a centred line (a table's 标题 or （2024年度）)
    ::right 文字             a right-aligned line (金额单位：万元)
    ::left 文字              a line without indent (部门：…, 注：…)
    ::pagebreak             the next block starts on a new page
    ::vspace 120            vertical space in points (Word only; e.g. to lower a cover title)
    ::landscape             the following blocks go on landscape pages (a new section)
    ::portrait              back to portrait pages (a new section)
    ::table widths=2,1,1 header=1 size=10.5 align=lcr
    cell<TAB>cell<TAB>cell  one row; every row has one cell per width
    ::end

`widths` are relative column widths (the table fills the text width); `header` the
number of rows repeated at the top of every page; `size` the font size in points;
`align` one letter per column: l(eft), c(entre), r(ight) or a(uto: numbers right,
short texts centred, long texts left; the default).

In a row, a cell that is just `<` is merged into the cell on its left and `^` into
the cell above (a rectangle is written `<` along its first row and `^` below it).
`\\<` is a literal `<`.  U+2028 inside a cell is a line break.  Blank lines are ignored.

Charts are not written in markup: `render/figures.py` inserts a `Figure` block (a paragraph,
its caption, holding what the picture shows) where the style's `charts:` put them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

LINE_BREAK = "\u2028"
_AMOUNT = re.compile(r"^[-+]?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?%?$")


@dataclass
class Heading:
    level: int        # 0 title, 1 part, 2 section (一、), 3 sub-section (（一）)
    text: str


@dataclass
class Paragraph:
    text: str
    align: str = "body"     # body (indented, justified), center, right, left
    page_break_before: bool = False


@dataclass
class Series:
    """One series of a chart: a bar chart's year (its name the legend's entry), or a pie's slices."""

    name: str
    values: list[Decimal | None]        # None: a figure the file does not give (drawn as nothing)
    labels: list[str]                   # each value as the document prints it


@dataclass
class Figure(Paragraph):
    """A chart and its caption, placed by the style's `charts:` (`render/figures.py`), never written
    in markup: the .txt prints its caption (`text`) as a line, the Word file the picture above it."""

    kind: str = "bar"                   # bar: each category a group of one bar per series; pie: slices
    categories: list[str] = field(default_factory=list)     # a bar chart's groups, a pie's legend entries
    series: list[Series] = field(default_factory=list)
    note: str = ""                      # the line above the chart naming its unit (bar charts)


@dataclass
class Orientation:
    landscape: bool


@dataclass
class PageBreak:
    pass


@dataclass
class Space:
    points: float


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    covered: bool = False          # merged into another cell
    owner: tuple[int, int] | None = None

    @property
    def numeric(self) -> bool:
        return bool(_AMOUNT.match(self.text.strip()))


@dataclass
class Table:
    widths: list[float]
    rows: list[list[Cell]]
    header_rows: int = 0
    size: float = 10.5
    align: str = ""                # one of l/c/r/a per column; "" = all auto
    page_break_before: bool = False

    def alignment(self, column: int, cell: "Cell") -> str:
        mode = self.align[column] if column < len(self.align) else "a"
        if mode != "a":
            return {"l": "left", "c": "center", "r": "right"}[mode]
        if cell.numeric:
            return "right"
        return "center" if len(cell.text) <= 6 else "left"

    def text_rows(self) -> list[list[str]]:
        return [["" if c.covered else c.text for c in row] for row in self.rows]


Block = Heading | Paragraph | Figure | Orientation | PageBreak | Space | Table


class MarkupError(ValueError):
    pass


def parse(text: str, source: str = "<markup>") -> list[Block]:
    blocks: list[Block] = []
    lines = text.split("\n")
    i = 0
    pending_break = False
    while i < len(lines):
        line = lines[i].rstrip("\r")
        i += 1
        if not line.strip():
            continue
        block: Block | None
        if line.startswith("::table"):
            block, i = _table(line, lines, i, source)
        elif line.startswith("::"):
            word, _, rest = line[2:].partition(" ")
            if word in ("center", "right", "left"):
                block = Paragraph(rest.strip(), word)
            elif word == "pagebreak":
                pending_break = True
                continue
            elif word == "vspace":
                try:
                    block = Space(float(rest))
                except ValueError:
                    raise MarkupError(f"{source}: `::vspace` takes a number of points: {line}")
            elif word in ("landscape", "portrait"):
                block = Orientation(word == "landscape")
            else:
                raise MarkupError(f"{source}: unknown directive `::{word}` in line: {line}")
        elif line.startswith("#! "):
            block = Heading(0, line[3:].strip())
        elif line.startswith("### "):
            block = Heading(3, line[4:].strip())
        elif line.startswith("## "):
            block = Heading(2, line[3:].strip())
        elif line.startswith("# "):
            block = Heading(1, line[2:].strip())
        else:
            block = Paragraph(line.strip())
        if pending_break and isinstance(block, (Paragraph, Table, Heading)):
            if isinstance(block, Heading):
                blocks.append(PageBreak())
            else:
                block.page_break_before = True
            pending_break = False
        blocks.append(block)
    return blocks


def _options(line: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)


def _table(head: str, lines: list[str], i: int, source: str) -> tuple[Table, int]:
    opts = _options(head)
    try:
        widths = [float(w) for w in opts["widths"].split(",")]
    except (KeyError, ValueError):
        raise MarkupError(f"{source}: `::table` needs widths=a,b,c… in: {head}")
    raw: list[list[str]] = []
    while True:
        if i >= len(lines):
            raise MarkupError(f"{source}: a `::table` has no `::end`")
        line = lines[i].rstrip("\r")
        i += 1
        if line.strip() == "::end":
            break
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(widths):
            raise MarkupError(f"{source}: a table row has {len(cells)} cells but the table has "
                              f"{len(widths)} columns: {line!r}")
        raw.append(cells)
    rows = _spans(raw, source)
    align = opts.get("align", "")
    if align and (len(align) != len(widths) or set(align) - set("lcra")):
        raise MarkupError(f"{source}: `align=` needs one of l/c/r/a per column in: {head}")
    return Table(widths, rows, int(opts.get("header", 0)), float(opts.get("size", 10.5)), align), i


def _spans(raw: list[list[str]], source: str) -> list[list[Cell]]:
    rows = [[Cell(t) for t in r] for r in raw]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.text == "<":
                if c == 0:
                    raise MarkupError(f"{source}: `<` in the first column of row {r + 1}")
                owner = row[c - 1].owner or (r, c - 1)
            elif cell.text == "^":
                if r == 0:
                    raise MarkupError(f"{source}: `^` in the first row, column {c + 1}")
                owner = rows[r - 1][c].owner or (r - 1, c)
            else:
                if cell.text.startswith("\\"):
                    cell.text = cell.text[1:]
                continue
            cell.covered, cell.owner, cell.text = True, owner, ""
            o = rows[owner[0]][owner[1]]
            o.colspan = max(o.colspan, c - owner[1] + 1)
            o.rowspan = max(o.rowspan, r - owner[0] + 1)
    return rows
