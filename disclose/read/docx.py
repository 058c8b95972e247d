"""A .docx back into blocks: paragraphs (headings by their style) and tables in body order;
a paragraph's place is `¶N` (the Nth paragraph with text), a table's `table N`."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..errors import DiscloseError, Location, Problem, display_path
from ..render.markup import Block, Cell, Heading, Paragraph, Table
from . import Read

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = {"Title": 0, "Heading1": 1, "Heading2": 2, "Heading3": 3}
MAX_UNPACKED = 200 * 1024 * 1024        # a Word file's document part, unpacked


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def read_docx(path: Path) -> Read:
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("word/document.xml")
            if info.file_size > MAX_UNPACKED:
                raise ValueError(f"its text part unpacks to {info.file_size:,} bytes")
            data = z.read(info)
            if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
                raise ValueError("its text part declares entities, which Word never writes")
            root = ElementTree.fromstring(data)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise DiscloseError([Problem(Location(display_path(path)), "FILE", f"cannot read it as Word: {exc}",
                                     "give a .docx saved by Word or WPS")])
    body = root.find(f"{W}body")
    blocks: list[Block] = []
    places: list[str] = []
    paragraphs = tables = 0
    for element in body if body is not None else []:
        if element.tag == f"{W}p":
            text = _text(element)
            if not text.strip():
                continue
            paragraphs += 1
            ppr = element.find(f"{W}pPr")
            style = ppr.find(f"{W}pStyle") if ppr is not None else None
            level = _LEVELS.get(style.get(f"{W}val") if style is not None else "")
            jc = ppr.find(f"{W}jc") if ppr is not None else None
            align = "center" if jc is not None and jc.get(f"{W}val") == "center" else "body"
            blocks.append(Heading(level, text.strip()) if level is not None else Paragraph(text.strip(), align))
            places.append(f"¶{paragraphs}")
        elif element.tag == f"{W}tbl":
            tables += 1
            grid = []
            for tr in element.findall(f"{W}tr"):
                row = []
                for tc in tr.findall(f"{W}tc"):
                    row.append(Cell("\u2028".join(_text(p) for p in tc.findall(f"{W}p"))))
                    span = tc.find(f"{W}tcPr/{W}gridSpan")
                    row += [Cell("", covered=True)] * (int(span.get(f"{W}val")) - 1 if span is not None else 0)
                grid.append(row)
            width = max((len(r) for r in grid), default=0)
            blocks.append(Table([1.0] * width, [r + [Cell("")] * (width - len(r)) for r in grid], header_rows=1))
            places.append(f"table {tables}")
    return Read(path, blocks, places)
