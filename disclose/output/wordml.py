"""Blocks → the WordprocessingML of the whole document, written in one pass as text.

The package around it — styles (`word.new_document`'s house styles), settings, fonts, theme —
is `skeleton.docx`, made once from python-docx (`python -m disclose.output.skeleton`; a test
holds it to what python-docx makes now).  A build only writes `word/document.xml`, the page
number footer and the core properties, and zips them with the skeleton's parts: no document
object model is built, which makes the Word stage several times faster than python-docx's.

The markup of every block is the one python-docx wrote for the same layout before (a test
compares the two documents' paragraphs, runs, tables, merges, sections and page setup):
GB/T 9704 page setup, the house styles by id, fonts on every run, landscape sections for
the forms, a page-number footer from the first section after the cover.
"""
from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from .. import ooxml
from ..ooxml import escape
from ..render.markup import Block, Figure, Heading, Orientation, PageBreak, Paragraph, Space, Table
from .layout import BODY_PT, FONTS, PAGE_NUMBER_PT, PARAGRAPH_STYLES, SMALL_PT

_STYLE_IDS = {"Title": "Title", "Heading 1": "Heading1", "Heading 2": "Heading2", "Heading 3": "Heading3"}
_EMU_PER_TWIP = 635
FOOTER_ID = "rIdFooter1"
_ALIGN = {"center": "center", "right": "right", "left": "left"}
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)     # every part's date in the zip: two builds of a file give the same bytes


def _twips(length_emu: int) -> int:
    """EMU → twips, to the nearest (as python-docx writes a length)."""
    return (int(length_emu) + _EMU_PER_TWIP // 2) // _EMU_PER_TWIP


def section_xml(landscape: bool, footer: bool = False, restart: bool = False) -> str:
    """A section's properties: A4 with the GB/T 9704 margins, turned for landscape."""
    short, long = _twips(ooxml.A4_SHORT), _twips(ooxml.A4_LONG)
    m = {k: _twips(v) for k, v in (ooxml.LANDSCAPE_MARGINS if landscape else ooxml.PORTRAIT_MARGINS).items()}
    size = (f'<w:pgSz w:w="{long}" w:h="{short}" w:orient="landscape"/>' if landscape
            else f'<w:pgSz w:w="{short}" w:h="{long}"/>')
    return ("<w:sectPr>" + (f'<w:footerReference w:type="default" r:id="{FOOTER_ID}"/>' if footer else "")
            + size + f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" '
            f'w:left="{m["left"]}" w:header="{_twips(ooxml.HEADER_DISTANCE)}" '
            f'w:footer="{_twips(ooxml.FOOTER_DISTANCE)}" w:gutter="0"/>'
            + ('<w:pgNumType w:start="1"/>' if restart else "")
            + '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>')


def _runs(text: str, font: str, size: float) -> str:
    """One run per line of the text, each but the last ending in a line break (U+2028)."""
    rpr = ooxml.run_properties(font, size)
    lines = text.split("\u2028")
    return "<w:br/></w:r>".join(f'<w:r>{rpr}<w:t xml:space="preserve">{ooxml.text_xml(line)}</w:t>'
                                for line in lines) + "</w:r>"


class Body:
    """The document's body, block by block; sections close as the orientation or part changes.
    `charts` is the style's `charts:` settings (how a `Figure` is drawn); `media` the pictures drawn."""

    def __init__(self, charts=None):
        self.out: list[str] = []
        self.sections: list[bool] = [False]       # landscape, per section so far
        self.empty = True
        self.charts = charts
        self.media: list[bytes] = []              # word/media/chart{n}.png, n from 1

    @property
    def landscape(self) -> bool:
        return self.sections[-1]

    def write(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Figure):
                self._figure(block)
            elif isinstance(block, Paragraph):
                self._paragraph(block)
            elif isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Orientation):
                self._orientation(block.landscape)
            elif isinstance(block, PageBreak):
                self._page_break()
            elif isinstance(block, Space):
                self._spacing_paragraph(int(block.points * 12700) // _EMU_PER_TWIP)

    def new_part(self) -> None:
        """The next part begins on a new page, in portrait."""
        self._close_section(False)
        self.empty = True

    def _close_section(self, landscape: bool) -> None:
        index = len(self.sections) - 1
        self.out.append(f"<w:p><w:pPr>{self._section(index)}</w:pPr></w:p>")
        self.sections.append(landscape)

    def _section(self, index: int) -> str:
        # the page-number footer starts at the first section after the cover; later ones inherit it
        return section_xml(self.sections[index], footer=index == 1, restart=index == 1)

    def xml(self) -> str:
        return "".join(self.out) + self._section(len(self.sections) - 1)

    def _spacing_paragraph(self, twips: int, extra: str = "") -> None:
        self.out.append(f'<w:p><w:pPr><w:spacing w:line="{twips}" w:lineRule="exact"/>{extra}</w:pPr></w:p>')
        self.empty = False

    def _heading(self, block: Heading) -> None:
        name = "Title" if block.level == 0 else f"Heading {block.level}"
        font, size = PARAGRAPH_STYLES[name][0], PARAGRAPH_STYLES[name][1]
        self.out.append(f'<w:p><w:pPr><w:pStyle w:val="{_STYLE_IDS[name]}"/></w:pPr>{_runs(block.text, font, size)}'
                        "</w:p>")
        self.empty = False

    def _paragraph(self, block: Paragraph) -> None:
        small = block.align in ("left", "right")
        if block.align == "body":
            ppr = "<w:pPr>" + ("<w:pageBreakBefore/>" if block.page_break_before else "") + "</w:pPr>"
            ppr = "<w:pPr/>" if ppr == "<w:pPr></w:pPr>" else ppr
        else:
            keep = ""
            if block.align == "center":
                keep = "<w:keepNext/>"
            elif small:
                keep = "<w:keepNext/>" if block.text[:2] != "注：" else '<w:keepNext w:val="0"/>'
            ppr = ("<w:pPr>" + keep + ("<w:pageBreakBefore/>" if block.page_break_before else "")
                   + ('<w:spacing w:line="400" w:lineRule="exact"/>' if small else "")
                   + f'<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{_ALIGN[block.align]}"/></w:pPr>')
        self.out.append(f"<w:p>{ppr}{_runs(block.text, FONTS.body, SMALL_PT if small else BODY_PT)}</w:p>")
        self.empty = False

    def _usable(self) -> int:
        """The text's width on the current page, in EMU."""
        short, long = _twips(ooxml.A4_SHORT), _twips(ooxml.A4_LONG)
        margins = ooxml.LANDSCAPE_MARGINS if self.landscape else ooxml.PORTRAIT_MARGINS
        return ((long if self.landscape else short) - _twips(margins["left"]) - _twips(margins["right"])) \
            * _EMU_PER_TWIP

    def _figure(self, block: Figure) -> None:
        """The chart as an inline picture as wide as the text, centred, kept with its caption below it."""
        from .chart import draw         # matplotlib: only for a document with charts

        width = self._usable()
        png = draw(block, self.charts, width / ooxml.Mm(1))
        self.media.append(png)
        self.out.append(ooxml.picture_paragraph(len(self.media), f"rIdChart{len(self.media)}", png, width,
                                                block.text))
        self.out.append('<w:p><w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>'
                        f"{_runs(block.text, FONTS.body, BODY_PT)}</w:p>")
        self.empty = False

    def _table(self, block: Table) -> None:
        if block.page_break_before:
            self._page_break()
        usable = self._usable()
        scale = usable / sum(block.widths)
        widths = [int(w * scale / _EMU_PER_TWIP) for w in block.widths]
        self.out.append(ooxml.table_markup(block, widths, FONTS.table, FONTS.heading, namespaces=False))
        # Word needs a paragraph after a table; a small one keeps forms apart.
        self._spacing_paragraph(120, '<w:ind w:firstLine="0"/>')

    def _page_break(self) -> None:
        if self.empty:
            return
        self.out.append('<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr>'
                        '<w:r><w:br w:type="page"/></w:r></w:p>')

    def _orientation(self, landscape: bool) -> None:
        if landscape == self.landscape:
            return
        if self.empty:
            self.sections[-1] = landscape
        else:
            self._close_section(landscape)


@functools.cache
def skeleton() -> dict[str, bytes]:
    """The package's parts but the body (see `skeleton.py`)."""
    data = (Path(__file__).parent / "skeleton.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def footer_xml() -> bytes:
    p = ooxml.page_number_markup(FONTS.page_number, PAGE_NUMBER_PT)
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<w:ftr {_NS}>{p}</w:ftr>").encode("utf-8")


def core_xml(title: str, author: str, comments: str | None) -> bytes:
    e = lambda t: escape(t or "")   # noqa: E731
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{e(title)}</dc:title><dc:subject/><dc:creator>{e(author)}</dc:creator><cp:keywords/>"
            + (f"<dc:description>{e(comments)}</dc:description>" if comments else "")
            + f"<cp:lastModifiedBy>{e(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2013-12-23T23:15:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2013-12-23T23:15:00Z</dcterms:modified>'
            "<cp:category/></cp:coreProperties>").encode("utf-8")


def package(body: Body, title: str, author: str, comments: str | None) -> bytes:
    """The .docx: the skeleton's parts with this document's body, footer and properties."""
    parts = dict(skeleton())
    document = parts["word/document.xml"].decode("utf-8")
    head = document[:document.index("<w:body>") + len("<w:body>")]
    parts["word/document.xml"] = (head + body.xml() + "</w:body></w:document>").encode("utf-8")
    parts["word/footer1.xml"] = footer_xml()
    parts["docProps/core.xml"] = core_xml(title, author, comments)
    pictures = "".join(f'<Relationship Id="rIdChart{n}" Type="{_RELS}/image" Target="media/chart{n}.png"/>'
                       for n in range(1, len(body.media) + 1))
    for n, png in enumerate(body.media, 1):
        parts[f"word/media/chart{n}.png"] = png
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        f'<Relationship Id="{FOOTER_ID}" Type="{_RELS}/footer" Target="footer1.xml"/>{pictures}'
        "</Relationships>")).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        ('<Default Extension="png" ContentType="image/png"/>' if body.media else "")
        + '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.footer+xml"/></Types>')).encode("utf-8")
    buffer = io.BytesIO()
    # level 1: a tenth of the compressing time of the default for a file a few KB larger; pictures are
    # compressed already and stored as they are
    with zipfile.ZipFile(buffer, "w") as z:
        for name in ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]:
            stored = name.endswith(".png")
            z.writestr(zipfile.ZipInfo(name, _FIXED_TIME), parts[name],
                       compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                       compresslevel=None if stored else 1)
    return buffer.getvalue()
