"""A .pdf back into blocks through poppler's `pdftotext -layout` (one process per file): each
line keeps its page and line number; the lines of a paragraph the PDF wrapped are joined
again (a line that does not end a sentence continues on the next, unless that one opens
with a heading's or an item's numbering)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..errors import DiscloseError, Location, Problem, display_path
from . import Read
from .text import HEADING, blocks_from_lines

_ITEM = re.compile(r"^\s*(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])")
_ENDS = ("。", "：", "；", "！", "？")


def read_pdf(path: Path) -> Read:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise DiscloseError([Problem(Location(display_path(path)), "FILE", "reading a PDF needs poppler's "
                                     "`pdftotext`, which is not on the PATH",
                                     "install it (Debian/Ubuntu: apt-get install poppler-utils), or give the .docx")])
    run = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120)
    if run.returncode != 0:
        raise DiscloseError([Problem(Location(display_path(path)), "FILE", "pdftotext cannot read it: "
                                     + run.stderr.decode("utf-8", "replace").strip()[:200], "give a text PDF")])
    lines, places = joined(run.stdout.decode("utf-8", "replace"))
    blocks, where = blocks_from_lines(lines, places, join_tables=True)
    return Read(path, blocks, where)


def joined(text: str) -> tuple[list[str], list[str]]:
    """Layout text → paragraphs, each with the page and line it starts at."""
    lines: list[str] = []
    places: list[str] = []
    for page_no, page in enumerate(text.split("\f"), 1):
        for line_no, raw in enumerate(page.splitlines(), 1):
            line = raw.strip()
            if not line:
                continue
            if re.search(r"\s{3,}", line):                 # columns: a table row, cells by the gaps
                lines.append("\t".join(re.split(r"\s{3,}", line)))
                places.append(f"p. {page_no} line {line_no}")
                continue
            previous = lines[-1] if lines else ""
            if "\t" in previous and len(line) <= 20 and not line.endswith(_ENDS) and not HEADING.match(line) \
                    and not re.search(r"\d", line):
                continue                                  # the wrapped end of a cell's text: the row stays whole
            if previous and "\t" not in previous and not previous.endswith(_ENDS) \
                    and not HEADING.match(line) and not _ITEM.match(line):
                lines[-1] = previous + line
                continue
            lines.append(line)
            places.append(f"p. {page_no} line {line_no}")
    return lines, places
