"""A Word document of the new text whose changes are real tracked changes.

Every change of the comparison becomes a revision that Word and WPS show with their
Accept/Reject buttons: changed words as `w:del` (old) and `w:ins` (new) runs, a
paragraph that appeared or vanished with its paragraph mark marked too, a table row
that appeared or vanished with `w:trPr/w:ins` or `w:del`.  Accepting all gives the new
text; rejecting all gives the old.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .. import ooxml
from ..ooxml import escape
from .align import Comparison, Pair
from .tokens import Op, diff as token_diff
from ..output.layout import BODY_PT, FONTS
from ..output.skeleton import new_document

W = nsdecls("w")


class Revisions:
    def __init__(self, author: str, date: datetime):
        self.author = escape(author, quote=True)
        self.date = date.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = 1

    def attrs(self) -> str:
        self.next_id += 1
        return f'w:id="{self.next_id}" w:author="{self.author}" w:date="{self.date}"'

    def runs(self, ops: list[Op], font: str, size: float) -> str:
        out = []
        for op in ops:
            if not op.text:
                continue
            if op.kind == "equal":
                out.append(ooxml.run_xml(op.text, font, size))
            elif op.kind == "insert":
                out.append(f"<w:ins {self.attrs()}>{ooxml.run_xml(op.text, font, size)}</w:ins>")
            else:
                run = ooxml.run_xml(op.text, font, size).replace("<w:t ", "<w:delText ").replace("</w:t>",
                                                                                             "</w:delText>")
                out.append(f"<w:del {self.attrs()}>{run}</w:del>")
        return "".join(out)

    def mark(self, kind: str) -> str:
        """A paragraph mark or row that was inserted or deleted."""
        return f'<w:{"ins" if kind == "added" else "del"} {self.attrs()}/>'


def redline(c: Comparison, author: str = "disclose", date: datetime | None = None) -> bytes:
    rev = Revisions(author, date or datetime.now(timezone.utc))
    doc = new_document()
    body = doc.element.body
    sect = body.sectPr

    def add(xml: str) -> None:
        sect.addprevious(parse_xml(xml))

    def table(rows: list[Pair]) -> None:
        add(_table(rev, rows))
        add(f"<w:p {W}/>")      # Word keeps two tables apart only with a paragraph between them

    for s in c.sections:
        if s.heading or s.old_heading:
            level = _level(s)
            if s.status in ("added", "removed"):
                add(_paragraph(rev, [Op("insert" if s.status == "added" else "delete", s.heading)], level,
                               mark=s.status))
            elif s.old_heading and s.old_heading != s.heading:
                add(_paragraph(rev, token_diff(s.old_heading, s.heading), level))
            else:
                add(_paragraph(rev, [Op("equal", s.heading)], level))
        rows: list[Pair] = []
        for p in s.pairs:
            if p.unit.kind == "row":
                if rows and len(rows[-1].unit.cells) != len(p.unit.cells):
                    table(rows)
                    rows = []
                rows.append(p)
                continue
            if rows:
                table(rows)
                rows = []
            if p.status == "same":
                add(_paragraph(rev, [Op("equal", p.new.text)], None))
            elif p.status in ("changed", "renumbered"):
                add(_paragraph(rev, p.ops, None))
            else:
                kind = "insert" if p.status == "added" else "delete"
                add(_paragraph(rev, [Op(kind, p.unit.text)], None, mark=p.status))
        if rows:
            table(rows)
    settings = doc.settings.element
    if settings.find(qn("w:trackRevisions")) is None:   # keep tracking on for the reviewer's own edits
        settings.append(parse_xml(f"<w:trackRevisions {W}/>"))
    buffer = io.BytesIO()
    doc.core_properties.title = f"{c.old.title} → {c.new.title}"
    doc.core_properties.author = author
    doc.save(buffer)
    return buffer.getvalue()


_STYLE = {0: "Title", 1: "Heading1", 2: "Heading2", 3: "Heading3"}


def _level(section) -> int:
    return section.level if section.level in _STYLE else 2



def _paragraph(rev: Revisions, ops: list[Op], level: int | None, mark: str | None = None) -> str:
    style = f'<w:pStyle w:val="{_STYLE[level]}"/>' if level is not None else ""
    font = {0: FONTS.title, 1: FONTS.heading, 2: FONTS.heading, 3: FONTS.subheading}.get(level, FONTS.body)
    size = 22 if level == 0 else BODY_PT
    mark_xml = f"<w:rPr>{rev.mark(mark)}</w:rPr>" if mark else ""
    ppr = f"<w:pPr>{style}{mark_xml}</w:pPr>" if style or mark_xml else ""
    return f"<w:p {W}>{ppr}{rev.runs(ops, font, size)}</w:p>"


def _table(rev: Revisions, rows: list[Pair]) -> str:
    width = max(len(p.unit.cells) for p in rows)
    size = 8 if width > 8 else 9
    grid = "".join(f'<w:gridCol w:w="{9000 // width}"/>' for _ in range(width))
    out = [f'<w:tbl {W}><w:tblPr><w:tblW w:w="9000" w:type="dxa"/>{ooxml.TABLE_BORDERS}'
           f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for p in rows:
        trpr = f"<w:trPr>{rev.mark(p.status)}</w:trPr>" if p.status in ("added", "removed") else ""
        out.append(f"<w:tr>{trpr}")
        olds = (p.old.cells if p.old else []) + [""] * width
        news = (p.new.cells if p.new else []) + [""] * width
        for i in range(width):
            if p.status == "added":
                ops = [Op("insert", news[i])]
            elif p.status == "removed":
                ops = [Op("delete", olds[i])]
            elif olds[i] == news[i]:
                ops = [Op("equal", news[i])]
            else:
                ops = token_diff(olds[i], news[i])
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{9000 // width}" w:type="dxa"/></w:tcPr>'
                       + ooxml.cell_paragraph("", FONTS.table, size, "left", runs=rev.runs(ops, FONTS.table, size))
                       + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
