"""The user's attachments (.docx files) joined after the document, and the page numbers.

The document itself is written in one pass (`docx.py`); docxcompose
(`Composer(doc).append(attachment)`) is used only to join attachments, whose styles,
numbering and pictures it merges.  Two of its habits are handled here:

- an appended document's last section takes the master's page settings (docxcompose
  issue #67, kept by design): so the document and every attachment are closed with a
  section break before appending, their own last sections survive, and the empty section
  left at the very end is folded away afterwards;
- headers and footers of appended documents are dropped: the page-number footer is set
  once, on the first section after the cover (`page_numbers`); later sections inherit it,
  and numbering starts at 1 there.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from .. import ooxml
from ..errors import DiscloseError, Location, Problem
from .word import FONTS, PAGE_NUMBER_PT


def assemble(doc: Document, attachments: list[tuple[Path, Location]]) -> Document:
    """`doc` with the attachments appended (itself when there are none)."""
    if not attachments:
        return doc
    from docxcompose.composer import Composer       # imported only where it is used

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
    return doc


def _fold_trailing_section(doc: Document) -> None:
    """Make the last section break the end of the document (no empty page after it)."""
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


def page_numbers(doc: Document) -> None:
    """— 1 — in the footer from the first section after the cover, numbered from 1 there."""
    sections = doc.sections
    if len(sections) < 2:
        return
    first = sections[1]
    footer = first.footer
    footer.is_linked_to_previous = False
    for p in list(footer._element.findall(qn("w:p"))):
        footer._element.remove(p)
    footer._element.append(ooxml.page_number_paragraph(FONTS.page_number, PAGE_NUMBER_PT))
    ooxml.restart_page_numbers(first, 1)
    for later in sections[2:]:
        later.footer.is_linked_to_previous = True
