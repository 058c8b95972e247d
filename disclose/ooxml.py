"""The few raw WordprocessingML operations python-docx has no API for.

East Asian fonts, character-based indents, merged and repeated-header table cells,
page-number fields and section page set-up.  Kept here, named for what they do, so
that the Word writer reads as layout and not as XML.
"""
from __future__ import annotations

import functools
import struct

# python-docx is imported by the functions that work on its objects only: the one-pass writer
# (`output/wordml.py`) uses the string functions and never loads it.

def escape(text: str, quote: bool = False) -> str:
    """Text (or, with `quote`, an attribute value) made safe inside XML: `xml.sax.saxutils`
    does the same but imports urllib.request and http.client, 20 ms of every build."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def Mm(mm: float) -> int:
    """Millimetres in EMU (English Metric Units), as python-docx's `Mm`."""
    return int(mm * 36000)


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as docx_qn
    return docx_qn(tag)


def parse_xml(xml: str):
    from docx.oxml import parse_xml as docx_parse
    return docx_parse(xml)


A4_SHORT, A4_LONG = Mm(210), Mm(297)
HEADER_DISTANCE, FOOTER_DISTANCE = Mm(15), Mm(20)
# GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (portrait); landscape
# pages turn the same margins with the paper.
PORTRAIT_MARGINS = dict(top=Mm(37), bottom=Mm(35), left=Mm(28), right=Mm(26))
LANDSCAPE_MARGINS = dict(top=Mm(28), bottom=Mm(26), left=Mm(37), right=Mm(35))


def set_fonts(rpr, east_asia: str, latin: str = "Times New Roman") -> None:
    """Set a run's (or style's) fonts: `w:eastAsia` for Chinese, ascii/hAnsi for Latin.

    python-docx's `font.name` sets only the Latin font; theme font attributes would
    override explicit names, so they are removed.
    """
    rfonts = rpr.get_or_add_rFonts()   # python-docx keeps the schema order of rPr
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def first_line_indent_chars(ppr, chars: int, twips: int) -> None:
    """A first-line indent in characters (两字符), with the twips fallback for old readers."""
    ind = ppr.get_or_add_ind()         # python-docx keeps the schema order of pPr
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(twips))


@functools.lru_cache(maxsize=64)
def run_properties(east_asia: str, size_pt: float, bold: bool = False) -> str:
    """A run's fonts and size (`w:rPr`): a handful of combinations, each made once."""
    half_points = int(size_pt * 2)        # sizes are whole or half points
    return (f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            f'w:cs="Times New Roman" w:eastAsia="{escape(east_asia, quote=True)}"/>'
            f'{"<w:b/>" if bold else ""}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


def text_xml(text: str) -> str:
    """Text escaped for XML (most texts need nothing)."""
    return escape(text) if "&" in text or "<" in text or ">" in text else text


def run_xml(text: str, east_asia: str, size_pt: float, bold: bool = False) -> str:
    """A run with its fonts and size set on the run itself; U+2028 becomes a line break."""
    body = '<w:br/>'.join(f'<w:t xml:space="preserve">{text_xml(p)}</w:t>' for p in text.split("\u2028"))
    return f"<w:r>{run_properties(east_asia, size_pt, bold)}{body}</w:r>"


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels (its IHDR chunk, which comes first)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG picture")
    return struct.unpack(">II", png[16:24])


_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_PIC = 'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'


def picture_paragraph(number: int, rel_id: str, png: bytes, width_emu: int, description: str) -> str:
    """A centred paragraph holding one inline picture (`w:drawing`/`wp:inline`/`pic:pic`) `width_emu`
    wide, its height by the picture's proportions; kept with the next paragraph (its caption). Its
    line spacing is single: the body's fixed 28 pt lines would cut the picture off."""
    w, h = png_size(png)
    cx, cy = width_emu, width_emu * h // w
    return ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:line="240" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>'
            f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="图{number}" descr="{escape(description, quote=True)}"/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks {_A} noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            f'<a:graphic {_A}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic {_PIC}><pic:nvPicPr><pic:cNvPr id="{number}" name="chart{number}.png"/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r></w:p>")


# single black lines around and between all cells
TABLE_BORDERS = "<w:tblBorders>" + "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"


def cell_paragraph(text: str, font: str, size_pt: float, align: str, bold: bool = False,
                   runs: str | None = None) -> str:
    """A cell's paragraph: single spacing, no indent, and a paragraph mark of the cell's size
    (an empty cell would otherwise take the body's 28 pt line). `runs`, when given, is the
    paragraph's content as ready-made run XML (the redline's tracked runs)."""
    run = runs if runs is not None else (run_xml(text, font, size_pt, bold) if text else "")
    return f"{_cell_paragraph_start(size_pt, align)}{run}</w:p>"


@functools.lru_cache(maxsize=64)
def _cell_paragraph_start(size_pt: float, align: str) -> str:
    half = int(size_pt * 2)
    return (f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="{align}"/>'
            f'<w:rPr><w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr></w:pPr>')


def table_xml(table, widths_twips: list[int], font: str, heading_font: str):
    """`table_markup` as a python-docx element."""
    return parse_xml(table_markup(table, widths_twips, font, heading_font))


def table_markup(table, widths_twips: list[int], font: str, heading_font: str, namespaces: bool = True) -> str:
    """A bordered table: merged cells (gridSpan/vMerge), header rows repeated on every page,
    rows kept whole, header cells centred and bold, the others aligned as the table says."""
    rows, header_rows, size_pt = table.rows, table.header_rows, table.size
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths_twips)
    out = [f'<w:tbl{" " + W if namespaces else ""}><w:tblPr><w:tblW w:w="{sum(widths_twips)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'{TABLE_BORDERS}<w:tblLayout w:type="fixed"/>'
           f'<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
           f'<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for r, row in enumerate(rows):
        header = r < header_rows
        trpr = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
        out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
        c = 0
        while c < len(row):
            cell = row[c]
            if cell.covered and cell.owner is not None and cell.owner[1] < c and cell.owner[0] == r:
                c += 1          # covered from the left: part of the owner's gridSpan
                continue
            if cell.covered:    # covered from above: a vMerge continuation as wide as its owner
                owner_row, owner_col = cell.owner
                span = rows[owner_row][owner_col].colspan
                width = sum(widths_twips[c:c + span])
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                           + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                           + '<w:vMerge/><w:vAlign w:val="center"/></w:tcPr>'
                           + cell_paragraph("", font, size_pt, "left") + "</w:tc>")
                c += span
                continue
            span = cell.colspan
            width = sum(widths_twips[c:c + span])
            merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
            align = "center" if header else table.alignment(c, cell)
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                       + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                       + f'{merge}<w:vAlign w:val="center"/></w:tcPr>'
                       + cell_paragraph(cell.text, heading_font if header else font, size_pt, align, header)
                       + "</w:tc>")
            c += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def page_number_paragraph(font: str, size_pt: float):
    """`page_number_markup` as a python-docx element."""
    return parse_xml(page_number_markup(font, size_pt, namespaces=True))


def page_number_markup(font: str, size_pt: float, namespaces: bool = False) -> str:
    """— 1 — centred: the page number of GB/T 9704, as a PAGE field."""
    run = run_xml("— ", font, size_pt)
    dash = run_xml(" —", font, size_pt)
    half = int(size_pt * 2)
    field = (f'<w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" '
             f'w:hAnsi="Times New Roman"/><w:sz w:val="{half}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>')
    return (f'<w:p{" " + W if namespaces else ""}><w:pPr><w:ind w:firstLine="0" w:firstLineChars="0"/>'
            f'<w:jc w:val="center"/></w:pPr>{run}{field}{dash}</w:p>')


def set_page(section, landscape: bool) -> None:
    """A4 in the given orientation: the orientation flag alone does not turn the page."""
    from docx.enum.section import WD_ORIENT

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    for side, value in (LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS).items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = FOOTER_DISTANCE


def restart_page_numbers(section, start: int = 1) -> None:
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = sect_pr.makeelement(qn("w:pgNumType"), {})
        # pgNumType comes after pgMar/pgSz in the schema order; before cols is safe
        cols = sect_pr.find(qn("w:cols"))
        if cols is not None:
            cols.addprevious(pg)
        else:
            sect_pr.append(pg)
    pg.set(qn("w:start"), str(start))
