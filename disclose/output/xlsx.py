"""The 附表 workbook: the nine 公开 tables, one sheet each, laid out as published.

Each sheet is the style's table template (`style.yaml` → `workbook`) rendered to the same
blocks the Word file and the .txt print — so the three cannot disagree — and written with
xlsxwriter: the title over the table's width, 公开0N表, the 部门 and 金额单位 lines, the header
rows (merged cells, bold, repeated when printed), the rows, the notes. Amount cells are
numbers with the style's decimals and thousands separators (`#,##0.00`), so a reviewer can
sum them; codes, 行次 and 栏次 stay text. An .xlsx stores a number as a binary double: every
amount under 10^13 with two decimals is stored and read back exactly (`disclose import`).

Pages are landscape A4, fitted to one page wide, with the header rows repeated.
"""
from __future__ import annotations

import io
import re
from decimal import Decimal

from ..render.markup import Block, Paragraph, Table

FONT = "宋体"
MAX_SHEET_NAME = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)\.\d+$")   # a figure the tables print (a decimal point)
_NUMBER_LABEL = re.compile(r"公开\d+表")


def write(rendered) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": f"{rendered.title} 附表", "author": rendered.data.unit,
                         "comments": "Written by disclose"})
    formats = _Formats(book, rendered.style.settings.amounts)
    used: set[str] = set()
    for template in rendered.style.settings.workbook:
        _sheet(book, formats, rendered.render_template(template), used)
    book.close()
    return buffer.getvalue()


class _Formats:
    def __init__(self, book, amounts):
        decimals = "0" * amounts.decimals
        number = ("#,##0" if amounts.thousands else "0") + (f".{decimals}" if decimals else "")
        base = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
        cell = dict(base, border=1, text_wrap=True)
        self.title = book.add_format(dict(base, bold=True, font_size=16, align="center"))
        self.left = book.add_format(dict(base, align="left"))
        self.right = book.add_format(dict(base, align="right"))
        self.header = book.add_format(dict(cell, bold=True, align="center"))
        self.amount = book.add_format(dict(cell, align="right", num_format=number))
        self.text = {a: book.add_format(dict(cell, align=a)) for a in ("left", "center", "right")}


def _sheet(book, f: _Formats, blocks: list[Block], used: set[str]) -> None:
    tables = [b for b in blocks if isinstance(b, Table)]
    if not tables:
        return
    table = tables[0]
    width = len(table.widths)
    before = [b for b in blocks[:blocks.index(table)] if isinstance(b, Paragraph)]
    after = [b for b in blocks[blocks.index(table) + 1:] if isinstance(b, Paragraph)]
    title = next((p.text for p in before if p.align == "center"), "附表")
    label = next((p.text for p in before if _NUMBER_LABEL.fullmatch(p.text)), "")
    ws = book.add_worksheet(_sheet_name(label or title, used))
    ws.set_landscape()
    ws.set_paper(9)                     # A4
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)
    # wide enough for the longest unmerged text of each column (no wrapping, which spreadsheet
    # programs do not size rows for); printing fits the sheet to the page's width
    scale = 60 / sum(table.widths)
    for column, w in enumerate(table.widths):
        texts = [row[column].text for row in table.rows
                 if not row[column].covered and row[column].colspan == 1]
        ws.set_column(column, column, min(60.0, max(w * scale, *(_display_width(t) + 2 for t in texts))))
    row = 0
    ws.merge_range(row, 0, row, width - 1, title, f.title) if width > 1 else ws.write(row, 0, title, f.title)
    ws.set_row(row, 28)
    row += 1
    # 公开0N表 (right), then 部门 (left) with 金额单位 (right) on one line, as published
    lines = [p for p in before if p.text != title]
    left = [p.text for p in lines if p.align == "left"]
    right = [p.text for p in lines if p.align == "right"]
    if label:
        ws.write(row, width - 1, label, f.right)
        right.remove(label)
        row += 1
    for i in range(max(len(left), len(right))):
        if i < len(left):
            ws.write(row, 0, left[i], f.left)
        if i < len(right):
            ws.write(row, width - 1, right[i], f.right)
        row += 1
    first = row
    for r, cells in enumerate(table.rows):
        header = r < table.header_rows
        for c, cell in enumerate(cells):
            if cell.covered:
                continue
            fmt = f.header if header else None
            value: str | float = cell.text.replace("\u2028", "\n")
            if not header and _AMOUNT.match(cell.text.strip()):
                value, fmt = float(Decimal(cell.text.replace(",", ""))), f.amount
            elif fmt is None:
                fmt = f.text[table.alignment(c, cell)]
            if cell.colspan > 1 or cell.rowspan > 1:
                ws.merge_range(row + r, c, row + r + cell.rowspan - 1, c + cell.colspan - 1, value, fmt)
            else:
                ws.write(row + r, c, value, fmt)
    if table.header_rows:
        ws.repeat_rows(first, first + table.header_rows - 1)
    row += len(table.rows)
    for p in after:
        ws.write(row, 0, p.text, f.left)
        row += 1


def _display_width(text: str) -> float:
    """Columns a text takes in a spreadsheet: a CJK character about two, others one."""
    return sum(2 if ord(ch) > 0x2E80 else 1.1 for ch in text)


def _sheet_name(text: str, used: set[str]) -> str:
    name = _FORBIDDEN.sub("_", text)[:MAX_SHEET_NAME] or "附表"
    candidate, n = name, 2
    while candidate in used:
        suffix = f"({n})"
        candidate, n = name[:MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate
