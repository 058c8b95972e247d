"""Read what `disclose diff` compares, and cut it into sections of units.

An input is a data file (built in memory; its checks are reported, not fatal), or a
.txt or .docx that `disclose build` wrote.  All three become the same blocks
(markup.py); the blocks become sections (one per heading) of units: paragraphs and
table rows, each with an alignment key that says what it is about whatever its figures
or its position — a 项's sentence by its 类/款/项 label, a row by its code, any other
sentence by its words with the figures masked and its ordinal dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import DiscloseError, Location, Problem, display_path
from ..read.text import is_caption
from ..render.markup import Block, Heading, Paragraph, Table
from .tokens import mask

_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]\s*)")
_YEAR = re.compile(r"(\d{4})\s*年度")


@dataclass
class Unit:
    kind: str                  # "para" or "row"
    text: str                  # a paragraph's text; a row's cells joined by tabs
    key: str
    cells: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)   # a row's column names (from its table's header)
    block: Block | None = None


@dataclass
class Section:
    heading: str
    key: str
    units: list[Unit]
    level: int = 2


@dataclass
class Document:
    source: str
    title: str
    year: int | None
    blocks: list[Block]
    sections: list[Section]
    problems: list[Problem]
    reason_leads: tuple[str, ...] = ()     # the words that open a 主要原因 (the style's `reason_leads`)

    @property
    def unit(self) -> str:
        """The unit's name: the title up to its year."""
        m = re.match(r"^(?:\d{4}年度)?(.+?)\d{4}年度", self.title)
        return m.group(1) if m else re.sub(r"^\d{4}年度|部门决算.*$", "", self.title)


def strip_ordinal(text: str) -> str:
    return _ORDINAL.sub("", text, count=1)


def is_code(text: str) -> bool:
    """A 科目编码 (类 3, 款 5, 项 7 digits): what a table row is keyed by."""
    return re.fullmatch(r"\d{3,7}", text) is not None


def is_item_label(text: str) -> bool:
    """A 类/款/项 label (…(项)): what a 项's sentence is keyed by."""
    return "(项)" in text or "（项）" in text


def paragraph_key(text: str) -> str:
    """What a paragraph is about: a 项 sentence by its label; others by their masked words."""
    body = strip_ordinal(text)
    label, colon, _ = body.partition("：")
    if colon and len(label) <= 80 and not re.search(r"\d", label) and is_item_label(label):
        return label
    return mask(body)[:120]


def row_key(cells: list[str]) -> str:
    """A table row by its code, or by its words: not by its figures."""
    words = [c for c in cells if c and not re.fullmatch(r"[\d.,%\-—+]*", c)]
    code = next((c for c in cells if is_code(c)), None)
    return code or "|".join(mask(w) for w in words[:3])


# --- reading -----------------------------------------------------------------------------

def read(path: str | Path, style: str | None = None, templates: str | Path | None = None) -> Document:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _from_data(p, style, templates)
    if suffix in (".txt", ".docx"):
        from ..read import read as read_document
        return replace(_document(p, read_document(p).blocks), reason_leads=_reason_leads(style, templates))
    raise DiscloseError([Problem(Location(display_path(p)), "DIFF", "cannot compare this kind of file",
                                 "give two data files (.yaml), or two outputs of `disclose build` (.txt or .docx)")])


def _from_data(path: Path, style: str | None, templates) -> Document:
    from ..pipeline import load_checked, needed, render

    checked = load_checked(path, style, templates)
    rendered = render(checked.data, checked.style, source=checked.path)
    blocks = [b for part in rendered.parts for b in part]
    return Document(display_path(path), rendered.title, checked.data.year, blocks, sections(blocks),
                    checked.problems + needed(checked, rendered), tuple(checked.style.settings.reason_leads))


def _reason_leads(style: str | None, templates) -> tuple[str, ...]:
    """A built document does not say its style: the words of `--style` (with `--templates`'
    style.yaml), else those of every shipped style."""
    from ..style import DEFAULT, available, load as load_style

    names = [style] if style else ([DEFAULT] if templates else available())
    leads = (lead for name in names for lead in load_style(name, templates).settings.reason_leads)
    return tuple(dict.fromkeys(leads))


def _document(path: Path, blocks: list[Block]) -> Document:
    title = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 0), path.stem)
    year = _YEAR.search(title)
    return Document(display_path(path), title, int(year.group(1)) if year else None, blocks, sections(blocks), [])


# --- sections ------------------------------------------------------------------------------

def sections(blocks: list[Block]) -> list[Section]:
    out = [Section("", "", [], 0)]
    for block in blocks:
        if isinstance(block, Heading):
            text = block.text
            out.append(Section(text, strip_ordinal(text) if block.level else "", [], block.level))
        elif isinstance(block, Paragraph) and is_caption(block):
            out.append(Section(block.text, block.text, [], 4))       # a table's or form's title
        elif isinstance(block, Paragraph):
            if block.text.strip():
                out[-1].units.append(Unit("para", block.text, paragraph_key(block.text), block=block))
        elif isinstance(block, Table):
            columns = _column_names(block)
            for row in block.text_rows():
                if not any(c.strip() for c in row):
                    continue
                out[-1].units.append(Unit("row", "\t".join(row), row_key(row), cells=row, columns=columns,
                                          block=block))
    return [s for s in out if s.units or s.heading]


def _column_names(table: Table) -> list[str]:
    """For each column, its header texts from top to bottom (a merged group header included;
    栏次 numbers left out): what a figure in it is, e.g. 2024年度决算数·公务接待费."""
    names: list[list[str]] = [[] for _ in table.widths]
    for row in table.rows[:max(table.header_rows, 1)]:
        for i, cell in enumerate(row):
            owner = table.rows[cell.owner[0]][cell.owner[1]] if cell.covered and cell.owner else cell
            text = owner.text.strip()
            if text and not re.fullmatch(r"[\d\s]+|栏次", text) and i < len(names) and text not in names[i]:
                names[i].append(text)
    return ["·".join(n) for n in names]
