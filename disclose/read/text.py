"""A .txt back into blocks: headings by their numbering, tables by their tabs; each block's
place is its line.  Text extracted from a Word file may write a table one cell per line, after
a tab, a blank line between rows and a cell of several lines going on without the tab (seeds
000 and 001): such a file's rows are joined again first (`cell_lines`)."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import DiscloseError, Location, Problem, display_path
from ..render.markup import Block, Cell, Heading, Paragraph, Table
from . import Read

HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def is_caption(block: Paragraph) -> bool:
    """A table's or form's title: a short centred line ending in 表."""
    text = block.text.strip()
    return block.align == "center" and text.endswith("表") and len(text) <= 40 and "。" not in text


def blocks_from_lines(lines: list[str], places: list[str] | None = None,
                      join_tables: bool = False) -> tuple[list[Block], list[str]]:
    """Lines of text into blocks, with each block's place (`line N` unless `places` names them).
    `join_tables`: a blank line does not end a table (a PDF's page break inside one)."""
    places = places or [f"line {i + 1}" for i in range(len(lines))]
    blocks: list[Block] = []
    where: list[str] = []
    rows: list[list[str]] = []
    first_row = ""

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            grid = [[Cell(c) for c in r + [""] * (width - len(r))] for r in rows]
            blocks.append(Table([1.0] * width, grid, header_rows=1))
            where.append(first_row)
            rows.clear()

    for line, place in zip(lines, places):
        if "\t" in line:
            if not rows:
                first_row = place
            rows.append(line.split("\t"))
            continue
        if not line.strip():
            if not join_tables:
                flush()
            continue
        flush()
        caption = Paragraph(line.strip(), "center")
        if is_caption(caption) and not HEADING.match(line) and "：" not in line:
            blocks.append(caption)
        elif not blocks:
            blocks.append(Heading(0, line.strip()))
        elif line.startswith("第") and "部分" in line[:5]:
            blocks.append(Heading(1, line.strip()))
        elif HEADING.match(line) and "。" not in line and len(line) <= 40:
            blocks.append(Heading(3 if line.startswith("（") else 2, line.strip()))
        else:
            blocks.append(Paragraph(line.strip()))
        where.append(place)
    flush()
    return blocks, where


_CELL_LINE = re.compile(r"^\t[^\t]*$")


def one_cell_per_line(lines: list[str]) -> bool:
    """Whether the file writes its tables one cell per line: nine in ten of its lines with a tab
    hold a single cell after it."""
    tabbed = [line for line in lines if "\t" in line]
    return len(tabbed) >= 4 and sum(bool(_CELL_LINE.match(line)) for line in tabbed) * 10 >= len(tabbed) * 9


def cell_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """A file written one cell per line, as rows of tab-separated cells (each placed at its first
    cell's line) and the lines outside the tables.  A blank line ends a row; a line without the tab
    after a cell (one blank line between at most) goes on with that cell (`偏差原因分析` /
    `及改进措施`, `满意度指标` / blank / `（10 分）`) and keeps its row open — unless it starts with a
    space or with 附件 (` 附件三`, the next attachment)."""
    out: list[str] = []
    places: list[str] = []
    row: list[str] = []
    blanks = 0

    def end_row():
        if row:
            out.append("\t".join(row))
            row.clear()

    for n, line in enumerate(lines, 1):
        if _CELL_LINE.match(line):
            if blanks:
                end_row()
            if not row:
                places.append(f"line {n}")
            row.append(line[1:].strip())
            blanks = 0
        elif not line.strip():
            blanks += 1
        elif row and blanks <= 1 and not line[0].isspace() and not line.startswith("附件"):
            row[-1] += line.strip()
            blanks = 0
        else:
            end_row()
            out.append(line)
            places.append(f"line {n}")
            blanks = 0
    end_row()
    return out, places


def label_rows(lines: list[str]) -> list[str]:
    """A row of a table printed with its label only (`2、运行维护经费`: the writer drops the empty
    cells after it) is a short line without a tab or 。 right between two rows: it becomes a row."""
    out = list(lines)
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" not in lines[j] and lines[j].strip() and len(lines[j]) <= 40 \
                and "。" not in lines[j] and not lines[j].startswith("#"):
            j += 1
        if j > i and "\t" in lines[i - 1] and j < len(lines) and "\t" in lines[j]:
            out[i:j] = [line + "\t" for line in lines[i:j]]
        i = j + 1
    return out


def read_text(path: Path, join_tables: bool = False) -> Read:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DiscloseError([Problem(Location(display_path(path)), "FILE", f"cannot read it: {exc}",
                                     "give a UTF-8 text file")])
    lines, places = text.splitlines(), None
    if one_cell_per_line(lines):
        lines, places = cell_lines(lines)
    else:
        lines = label_rows(lines)
    blocks, places = blocks_from_lines(lines, places, join_tables=join_tables)
    return Read(path, blocks, places)
