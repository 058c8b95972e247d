"""Blocks → a Word document that looks like a government document (GB/T 9704).

A4; title 方正小标宋简体 二号 centred; part and section headings 黑体 三号; sub-section
headings 楷体_GB2312 三号; body 仿宋_GB2312 三号 with a two-character first-line indent
and fixed 28 pt line spacing; tables in 宋体, header rows repeated, amounts
right-aligned; landscape sections where the markup asks.  Readers without these fonts
(LibreOffice on Linux, WPS on a fresh machine) substitute their own CJK fonts.

One `Writer` writes the whole document in one pass, each part opening a new page
(`new_part`); `assemble.py` joins the user's attachments after it (see `docx.py`).
"""
from __future__ import annotations

from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .. import ooxml
from ..render.markup import Block, Heading, Orientation, PageBreak, Paragraph, Space, Table


@dataclass(frozen=True)
class Fonts:
    title: str = "方正小标宋简体"
    heading: str = "黑体"
    subheading: str = "楷体_GB2312"
    body: str = "仿宋_GB2312"
    table: str = "宋体"
    page_number: str = "宋体"


FONTS = Fonts()
BODY_PT = 16          # 三号
SMALL_PT = 12         # 小四: a table's 部门, 金额单位 and 注 lines
TITLE_PT = 22         # 二号
LINE_PT = 28          # fixed line spacing
PAGE_NUMBER_PT = 14   # 四号

# style id → (font, size, bold, alignment, indent in chars)
_PARAGRAPH_STYLES = {
    "Title": (FONTS.title, TITLE_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "Heading 1": (FONTS.heading, BODY_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0),
    "Heading 2": (FONTS.heading, BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
    "Heading 3": (FONTS.subheading, BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2),
}


def new_document() -> Document:
    """An empty A4 document with the house styles set."""
    doc = Document()
    ooxml.set_page(doc.sections[0], landscape=False)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    ooxml.set_fonts(normal.element.get_or_add_rPr(), FONTS.body)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT)
    pf.space_before = pf.space_after = Pt(0)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ooxml.first_line_indent_chars(normal.element.get_or_add_pPr(), 2, 2 * BODY_PT * 20)
    for name, (font, size, bold, align, indent) in _PARAGRAPH_STYLES.items():
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        ooxml.set_fonts(style.element.get_or_add_rPr(), font)
        spf = style.paragraph_format
        spf.alignment = align
        spf.space_before = spf.space_after = Pt(0)
        spf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spf.line_spacing = Pt(LINE_PT if name != "Title" else 36)
        spf.keep_with_next = True
        ooxml.first_line_indent_chars(style.element.get_or_add_pPr(), indent, indent * BODY_PT * 20)
        # the default template draws a rule under the title and colours headings
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    return doc


class Writer:
    """Appends blocks to a document, keeping track of the page orientation."""

    def __init__(self, doc: Document | None = None):
        self.doc = doc or new_document()
        self.landscape = False
        self.empty = True

    def write(self, blocks: list[Block]) -> Document:
        for block in blocks:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Paragraph):
                self._paragraph(block)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Orientation):
                self._orientation(block.landscape)
            elif isinstance(block, PageBreak):
                self._page_break()
            elif isinstance(block, Space):
                self._space(block.points)
        return self.doc

    def new_part(self) -> None:
        """The next part of the document begins on a new page, in portrait."""
        ooxml.set_page(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)
        self.landscape = False
        self.empty = True

    def _space(self, points: float) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.line_spacing = Pt(points)
        self.empty = False

    # -- blocks ---------------------------------------------------------------------

    def _heading(self, block: Heading) -> None:
        style = "Title" if block.level == 0 else f"Heading {block.level}"
        p = self.doc.add_paragraph(style=style)
        self._run(p, block.text, _PARAGRAPH_STYLES[style][0], _PARAGRAPH_STYLES[style][1])
        self.empty = False

    def _paragraph(self, block: Paragraph) -> None:
        p = self.doc.add_paragraph()
        if block.align != "body":
            p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                           "left": WD_ALIGN_PARAGRAPH.LEFT}[block.align]
            ooxml.first_line_indent_chars(p._p.get_or_add_pPr(), 0, 0)
        p.paragraph_format.page_break_before = block.page_break_before or None
        if block.align == "center":
            p.paragraph_format.keep_with_next = True
        small = block.align in ("left", "right")
        if small:
            p.paragraph_format.line_spacing = Pt(20)
            p.paragraph_format.keep_with_next = block.text[:2] != "注："
        self._run(p, block.text, FONTS.body, SMALL_PT if small else BODY_PT)
        self.empty = False

    def _run(self, paragraph, text: str, font: str, size: float) -> None:
        parts = text.split("\u2028")
        for i, part in enumerate(parts):
            run = paragraph.add_run(part)
            run.font.size = Pt(size)
            ooxml.set_fonts(run._r.get_or_add_rPr(), font)
            if i < len(parts) - 1:
                run.add_break()

    def _table(self, block: Table) -> None:
        if block.page_break_before:
            self._page_break()
        section = self.doc.sections[-1]
        usable = section.page_width - section.left_margin - section.right_margin
        scale = usable / sum(block.widths)
        widths = [int(w * scale / 635) for w in block.widths]   # EMU → twips
        tbl = ooxml.table_xml(block, widths, FONTS.table, FONTS.heading)
        body = self.doc.element.body
        body.sectPr.addprevious(tbl) if body.sectPr is not None else body.append(tbl)
        # Word needs a paragraph after a table; a small one keeps forms apart.
        spacer = self.doc.add_paragraph()
        spacer.paragraph_format.line_spacing = Pt(6)
        spacer.paragraph_format.first_line_indent = Pt(0)
        self.empty = False

    def _page_break(self) -> None:
        if self.empty:
            return
        p = self.doc.add_paragraph()
        p.paragraph_format.line_spacing = Pt(1)
        p.add_run().add_break(WD_BREAK.PAGE)

    def _orientation(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        if self.empty:
            section = self.doc.sections[-1]
        else:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        ooxml.set_page(section, landscape)
        self.landscape = landscape
