"""The plain-text twin of the document: what golden tests and diffs read.

Deterministic UTF-8: every heading and paragraph on its own line, a blank line before
part headings and around tables, table rows as tab-separated cells (a merged cell's
text in its first cell, the cells it covers empty, empty cells at a row's end dropped),
a line break inside a cell written as a space.
"""
from __future__ import annotations

from ..render.markup import LINE_BREAK, Block, Heading, Orientation, PageBreak, Paragraph, Space, Table


def render(parts: list[list[Block]], banner: list[str] | None = None) -> str:
    lines: list[str] = list(banner or [])
    for blocks in parts:
        for block in blocks:
            if isinstance(block, Heading):
                if block.level <= 1 and lines and lines[-1] != "":
                    lines.append("")
                lines.append(_flat(block.text))
            elif isinstance(block, Paragraph):
                lines.append(_flat(block.text))
            elif isinstance(block, Table):
                if lines and lines[-1] != "":
                    lines.append("")
                for row in block.text_rows():
                    cells = [_flat(c) for c in row]
                    while cells and not cells[-1]:
                        cells.pop()
                    lines.append("\t".join(cells))
                lines.append("")
            elif isinstance(block, (Orientation, PageBreak, Space)):
                continue
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _flat(text: str) -> str:
    return text.replace(LINE_BREAK, " ")


def write(rendered) -> bytes:
    """The .txt output of a build (see `output.FORMATS`)."""
    return render(rendered.parts).encode("utf-8")
