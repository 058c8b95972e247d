"""The user's attachments (.docx files) joined after the document.

The document itself is written in one pass (`docx.py`, `wordml.py`); docxcompose
(`Composer(doc).append(attachment)`) is used only here, to join attachments with their
styles, numbering and pictures.  Two of its habits are handled:

- an appended document's last section takes the master's page settings (docxcompose
  issue #67, kept by design): so the document and every attachment are closed with a
  section break before appending, their own last sections survive, and the empty section
  left at the very end is folded away afterwards;
- headers and footers of appended documents are dropped: the attachments' pages take the
  document's page-number footer, which later sections inherit.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..errors import DiscloseError, Location, Problem


def assemble(document: bytes, attachments: list[tuple[Path, Location]]) -> bytes:
    """The .docx `document` with the attachments appended."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docxcompose.composer import Composer

    doc = Document(io.BytesIO(document))
    doc.add_section(WD_SECTION.NEW_PAGE)             # keeps the document's last page settings (#67)
    composer = Composer(doc)
    for path, loc in attachments:
        try:
            attachment = Document(str(path))
        except Exception as exc:  # python-docx raises several kinds for a bad package
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"cannot read attachment {path}: {exc}",
                                         "attach a .docx file saved by Word or WPS")])
        attachment.add_section(WD_SECTION.NEW_PAGE)
        composer.append(attachment)
    doc = composer.doc
    _fold_trailing_section(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _fold_trailing_section(doc) -> None:
    """Make the last section break the end of the document (no empty page after it)."""
    from docx.oxml.ns import qn

    body = doc.element.body
    paragraphs = body.findall(qn("w:p"))
    if not paragraphs:
        return
    last = paragraphs[-1]
    ppr = last.find(qn("w:pPr"))
    inner = ppr.find(qn("w:sectPr")) if ppr is not None else None
    if inner is None or last is not body[-2]:
        return
    body.remove(body.sectPr)
    ppr.remove(inner)
    body.append(inner)
    if not last.findall(qn("w:r")):
        body.remove(last)
