"""Read a disclosure someone wrote — a .txt, a .docx or a .pdf — back into blocks
(`render.markup`), each with the place a person finds it at: `disclose diff` compares them,
`disclose verify` audits their arithmetic.

- `text.py`: a .txt, one paragraph per line, tables by their tabs (what `build` writes, or
  any plain text; text extracted from Word with one table cell per line has its rows joined);
- `docx.py`: a .docx, its paragraphs and tables in body order (any Word file);
- `pdf.py`: a .pdf through poppler's `pdftotext -layout`, pages and lines kept, the lines
  of a paragraph joined again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import DiscloseError, Location, Problem, display_path
from ..render.markup import Block

SUFFIXES = (".txt", ".docx", ".pdf")
MAX_BYTES = 50 * 1024 * 1024        # a disclosure is a few MB even with its pictures


@dataclass
class Read:
    """A document read back: its blocks, and where each is (`¶12`, `line 40`, `p. 3 line 12`)."""

    path: Path
    blocks: list[Block]
    places: list[str]


def read(path: str | Path, join_tables: bool = False) -> Read:
    """`join_tables`: in a .txt, a blank line inside a table does not end it (text extracted from a
    PDF breaks tables at its pages; a .pdf is always read so)."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DiscloseError([Problem(Location(display_path(p)), "FILE", f"cannot read it: {exc.strerror}",
                                     "check the path")])
    if size > MAX_BYTES:
        raise DiscloseError([Problem(Location(display_path(p)), "FILE", f"the file has {size:,} bytes, more than "
                                     f"a document may ({MAX_BYTES:,})", "check that this is a disclosure")])
    if suffix == ".txt":
        from .text import read_text
        return read_text(p, join_tables)
    if suffix == ".docx":
        from .docx import read_docx
        return read_docx(p)
    if suffix == ".pdf":
        from .pdf import read_pdf
        return read_pdf(p)
    raise DiscloseError([Problem(Location(display_path(p)), "FILE", "cannot read this kind of file",
                                 "give a .txt, .docx or .pdf")])
