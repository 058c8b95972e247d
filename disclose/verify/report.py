"""The reviewer's workbook of a verify run: a summary sheet (one row per file) and one sheet per
file (one row per finding), written with XlsxWriter."""
from __future__ import annotations

import io
import re

from . import Verified

COLUMNS = ("place", "severity", "rule", "finding", "recomputed", "under", "sentence")
WIDTHS = (14, 9, 16, 60, 36, 30, 90)


def _sheet_name(name: str, taken: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:28] or "file"
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate, n = f"{base[:26]}~{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def workbook(results: list[Verified]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    summary = book.add_worksheet("summary")
    taken = {"summary"}
    for c, (name, width) in enumerate(zip(("file", "errors", "warnings", "statements recognised", "sheet"),
                                          (60, 8, 10, 22, 30))):
        summary.write(0, c, name, bold)
        summary.set_column(c, c, width)
    for r, result in enumerate(results, 1):
        sheet_name = _sheet_name(result.file.rsplit("/", 1)[-1], taken)
        summary.write_row(r, 0, [result.file, result.errors, result.warnings, len(result.recognised), sheet_name])
        sheet = book.add_worksheet(sheet_name)
        for c, (name, width) in enumerate(zip(COLUMNS, WIDTHS)):
            sheet.write(0, c, name, bold)
            sheet.set_column(c, c, width, wrap if name in ("finding", "sentence") else None)
        sheet.freeze_panes(1, 0)
        for i, f in enumerate(result.findings, 1):
            sheet.write_row(i, 0, [f.place, f.severity, f.rule, f.message, f.check, f.heading, f.sentence])
    summary.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
