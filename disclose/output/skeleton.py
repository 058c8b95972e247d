"""The Word package around the body: `skeleton.docx`, made from python-docx's default document
with the house styles (`layout.py`) set — A4, the body style, the heading styles.

    python -m disclose.output.skeleton       # rewrites disclose/output/skeleton.docx

`wordml.py` writes every build's body into a copy of it; `tests/test_word.py` holds the
shipped file to what this makes, so the styles are defined here, once.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .layout import BODY_PT, FONTS, LINE_PT, PARAGRAPH_STYLES

SKELETON = Path(__file__).with_name("skeleton.docx")
_LEFT_OUT = ("docProps/thumbnail.jpeg",)      # the default template's preview picture


def new_document():
    """An empty A4 document with the house styles set (python-docx)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    from .. import ooxml

    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
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
    for name, (font, size, bold, alignment, indent) in PARAGRAPH_STYLES.items():
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        ooxml.set_fonts(style.element.get_or_add_rPr(), font)
        spf = style.paragraph_format
        spf.alignment = align[alignment]
        spf.space_before = spf.space_after = Pt(0)
        spf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spf.line_spacing = Pt(LINE_PT if name != "Title" else 36)
        spf.keep_with_next = True
        ooxml.first_line_indent_chars(style.element.get_or_add_pPr(), indent, indent * BODY_PT * 20)
        # the default template draws a rule under the title and colours headings
        ppr = style.element.get_or_add_pPr()
        for border in ppr.findall(ooxml.qn("w:pBdr")):
            ppr.remove(border)
    return doc


def make() -> bytes:
    """The skeleton package: `new_document()` saved, without the default template's thumbnail."""
    buffer = io.BytesIO()
    new_document().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in _LEFT_OUT:
                continue
            data = src.read(info.filename)
            if info.filename == "_rels/.rels":
                text = data.decode("utf-8")
                start = text.find('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
                                  'relationships/metadata/thumbnail"')
                if start >= 0:
                    text = text[:start] + text[text.index("/>", start) + 2:]
                data = text.encode("utf-8")
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


if __name__ == "__main__":  # pragma: no cover
    SKELETON.write_bytes(make())
    print(f"wrote {SKELETON}")
