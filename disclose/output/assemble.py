"""Join separately built parts and the user's attachments into one document.

docxcompose (`Composer(master).append(doc)`) merges documents with their styles and
numbering.  Two of its habits are handled here:

- an appended document's last section takes the master's page settings (docxcompose
  issue #67, kept by design): so every part is closed with a section break before it
  is appended, its own last section survives, and the empty section left at the very
  end is folded away afterwards;
- headers and footers of appended documents are dropped: so the page-number footer
  is set once, on the first section after the cover, after joining; later sections
  inherit it, and numbering starts at 1 there.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docxcompose.composer import Composer

from .. import ooxml
from ..errors import DiscloseError, Location, Problem
from .word import FONTS, PAGE_NUMBER_PT


def assemble(cover: Document, parts: list[Document], attachments: list[tuple[Path, Location]]) -> Document:
    cover.add_section(WD_SECTION.NEW_PAGE)
    composer = Composer(cover)
    for part in parts:
        _append(composer, part)
    for path, loc in attachments:
        try:
            attachment = Document(str(path))
        except Exception as exc:  # python-docx raises several kinds for a bad package
            raise DiscloseError([Problem(loc, "ATTACHMENT", f"cannot read attachment {path}: {exc}",
                                         "attach a .docx file saved by Word or WPS")])
        _append(composer, attachment)
    doc = composer.doc
    _fold_trailing_section(doc)
    _page_numbers(doc)
    return doc


def _append(composer: Composer, part: Document) -> None:
    part.add_section(WD_SECTION.NEW_PAGE)   # keeps the part's last page settings (docxcompose #67)
    composer.append(part)


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


def _page_numbers(doc: Document) -> None:
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
