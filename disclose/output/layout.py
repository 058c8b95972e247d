"""The look of a government document (GB/T 9704), shared by the Word writer, the package's
styles (`skeleton.py`) and the redline: fonts, sizes and the house paragraph styles.

A4; title 方正小标宋简体 二号 centred; part and section headings 黑体 三号; sub-section
headings 楷体_GB2312 三号; body 仿宋_GB2312 三号 with a two-character first-line indent
and fixed 28 pt line spacing; tables in 宋体.  Readers without these fonts (LibreOffice on
Linux, WPS on a fresh machine) substitute their own CJK fonts.
"""
from __future__ import annotations

from dataclasses import dataclass


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

# style name → (font, size, bold, alignment, indent in chars)
PARAGRAPH_STYLES = {
    "Title": (FONTS.title, TITLE_PT, False, "center", 0),
    "Heading 1": (FONTS.heading, BODY_PT, False, "center", 0),
    "Heading 2": (FONTS.heading, BODY_PT, False, "both", 2),
    "Heading 3": (FONTS.subheading, BODY_PT, False, "both", 2),
}
