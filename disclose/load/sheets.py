"""A workbook's sheets as grids of cells (bounded), and the values the import reads in them:
amounts (Decimal, never float), codes and row names.  Every place is a cell
(`Location(path, sheet=…, cell="D12")`).  `places.py` finds the tables in the grids.
"""
from __future__ import annotations

import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from ..errors import DiscloseError, Location, Problem
from ..numbers import parse_decimal, quantize

# Bounds on a workbook from someone else: the nine tables fill a few hundred rows.
MAX_BYTES = 20 * 1024 * 1024            # the file itself
MAX_UNPACKED = 200 * 1024 * 1024        # an .xlsx/.ods is a zip: what it unpacks to (stops a zip bomb)
MAX_ROWS = 5_000                        # rows of a sheet
MAX_COLUMNS = 200                       # columns of a sheet
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
RULE = "IMPORT"

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])")
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
_DASHES = {"-", "--", "—", "——", "–", "/"}


def norm(value) -> str:
    """A cell as words: NFKC (full-width → half-width), no spaces, no quotes."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(text.split()).translate(_QUOTES)


def label(value) -> str:
    """A row's name without its numbering (一、 (一) 1.) and final colon."""
    return _NUMBERING.sub("", norm(value)).rstrip(":")


def is_note(value) -> bool:
    text = norm(value)
    return text.startswith(("注", "说明:", "备注", "填表说明"))


def amount(value) -> Decimal | None:
    """A cell's amount to the cent (None when blank or a dash); ValueError(why) otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, (bool, datetime, date, time, timedelta)):
        raise ValueError("is not an amount")
    if isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("is not an amount")
        d = Decimal(repr(value))
        if abs(d) < Decimal("1e15"):
            q = quantize(d)
            # a float off the cent only by binary noise (a SUM of cents) is that cent
            if abs(d - q) > max(Decimal("1e-9"), abs(d) * Decimal("1e-13")):
                raise ValueError("has more than two decimals")
            d = q
    else:
        text = "".join(unicodedata.normalize("NFKC", str(value)).split())
        if not text or text in _DASHES:
            return None
        d = parse_decimal(text)
        if d is None:
            raise ValueError("is not an amount")
    if abs(d) >= Decimal("1e15"):
        raise ValueError("is too large to be an amount")
    if d != quantize(d):
        raise ValueError("has more than two decimals")
    if d < 0:
        raise ValueError("is negative")
    return quantize(d)


def code_and_name(value) -> tuple[str, str]:
    """The digits of a code cell and any name after them: 208, 208.0, ' 208 05 05',
    '[2080505]机关…' → ('2080505', '机关…'); a cell without leading digits → ('', text)."""
    if isinstance(value, bool):
        return "", str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and value >= 0):
        return str(int(value)), ""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = re.match(r"^\[?\s*(\d[\d ]*)\s*\]?\s*(.*)$", text, re.S)
    if not m:
        return "", text
    return m.group(1).replace(" ", ""), m.group(2).strip()


def a1(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


@dataclass
class Grid:
    """One sheet: its cells from A1 (rows may be ragged; '' for an empty cell) and merges."""

    path: str
    name: str
    cells: list[list]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)   # r0, c0, r1, c1 inclusive
    visible: bool = True

    @property
    def height(self) -> int:
        return len(self.cells)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def value(self, r: int, c: int):
        if 0 <= r < len(self.cells) and 0 <= c < len(self.cells[r]):
            v = self.cells[r][c]
            return "" if v is None else v
        return ""

    def text(self, r: int, c: int) -> str:
        return norm(self.value(r, c))

    def row_texts(self, r: int) -> list[str]:
        return [self.text(r, c) for c in range(self.width)]

    def loc(self, r: int, c: int) -> Location:
        return Location(self.path, sheet=self.name, cell=a1(r, c))


def open_sheets(path: str | Path, name: str) -> list[Grid]:
    """Every worksheet of the workbook, bounded; a file that cannot be read is a FILE problem."""
    p = Path(path)

    def fail(rule: str, what: str, hint: str):
        raise DiscloseError([Problem(Location(name), rule, what, hint)])

    if p.suffix.lower() not in SUFFIXES:
        fail("FILE", f"`{p.name}` is not a workbook that can be imported (.xlsx, .xls or .ods)",
             "save the tables from Excel or WPS as .xlsx")
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        fail("FILE", "no such file", "check the path")
    if size > MAX_BYTES:
        fail("TOO-LARGE", f"the workbook has {size:,} bytes, more than an import reads ({MAX_BYTES:,})",
             "keep only the nine 公开 tables in the workbook")
    if p.suffix.lower() != ".xls":
        try:
            with zipfile.ZipFile(p) as z:
                unpacked = sum(i.file_size for i in z.infolist())
        except (zipfile.BadZipFile, OSError):
            fail("FILE", f"not a valid {p.suffix} file", "open it in Excel or WPS and save it again as .xlsx")
        if unpacked > MAX_UNPACKED:
            fail("TOO-LARGE", f"the workbook unpacks to {unpacked:,} bytes, more than an import reads "
                 f"({MAX_UNPACKED:,})", "keep only the nine 公开 tables in the workbook")
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
    try:
        book = CalamineWorkbook.from_path(str(p))
    except Exception as exc:     # calamine's errors (zip, xml, password…) and OSError
        fail("FILE", f"cannot read the workbook ({exc})", "open it in Excel or WPS and save it again as .xlsx")
    grids, problems = [], []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.end is None:
                continue
            rows, cols = sheet.end[0] + 1, sheet.end[1] + 1
            if rows > MAX_ROWS or cols > MAX_COLUMNS:
                problems.append(Problem(Location(name, sheet=meta.name), "TOO-LARGE",
                                        f"the sheet reaches {a1(rows - 1, cols - 1)}: more than {MAX_ROWS:,} rows "
                                        f"or {MAX_COLUMNS} columns", "delete what lies beyond the table, or "
                                        "move the tables to a workbook of their own"))
                continue
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            grids.append(Grid(name, meta.name, sheet.to_python(skip_empty_area=False), merges,
                              meta.visible == SheetVisibleEnum.Visible))
    except Exception as exc:
        fail("FILE", f"cannot read the workbook ({exc})", "open it in Excel or WPS and save it again as .xlsx")
    finally:
        book.close()
    if problems:
        raise DiscloseError(problems)
    return grids


