"""The figures a formula may name, for one data file.

- Every line of the ledger (`disclose/ledger.py`, the README's *Every line and its
  comparisons*) by its path — `expenditure.total`, `expenditure.project`, `basic.public`,
  `three_public`, `procurement.total`, `general_budget.2101501`… — is its 本年 figure;
  `.prior`, `.budget` and `.full_budget` after it are its 上年决算数, 年初预算数 and 全年预算数
  (a total's base left out of the file is the sum of its parts', as everywhere else).
- The figures outside the ledger that only the evaluation uses (`EXTRA`): 固定资产 and the
  资产负债表 totals under `assets:`.

A figure the file does not give is a `Figure` without a value that says where to add it
(file:line and the key); a name that can never be a figure is `None`, for the caller's error.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..errors import Location
from ..ledger import COLUMNS, WHAT, Entry, Ledger, ledger
from ..model import Disclosure
from ..model import OPTIONAL_RECORDS
from ..model.figures import COMPARED

# A line some files have and others do not: named in a formula, it is a missing figure, not a typo.
_OPTIONAL = re.compile(r"(general_budget|basic)\.\d+|government_fund\.expenditure|state_capital\.expenditure"
                       r"|meetings|training")


@dataclass(frozen=True)
class Figure:
    name: str               # as a formula writes it
    label: str              # what it is: 本年支出合计的全年预算数
    value: Decimal | None   # None: the file does not give it
    loc: Location           # where it is written, or where to write it
    hint: str = ""          # what to add, when the value is missing
    key: str = ""           # the key to add there


def _balance(part: str, column: str):
    def get(d: Disclosure):
        sheet = d.assets.balance_sheet
        line = getattr(sheet, part) if sheet is not None else None
        return getattr(line, column) if line is not None else None
    return get


def _balance_loc(part: str):
    def where(d: Disclosure) -> Location:
        sheet = d.assets.balance_sheet
        if sheet is None:
            return d.assets.loc()
        return getattr(sheet, part).loc()
    return where


_SHEET_HINT = ("add `balance_sheet: {assets: {current: …, prior: …}, liabilities: {current: …, prior: …}}` "
               "under `assets:` (资产合计 and 负债合计 of the 资产负债表: 期末数 and 期初数)")

# name → (label, the figure, where it is or would be written, what to add); the key to add is the
# name's after `assets.`
EXTRA: dict[str, tuple[str, Callable, Callable, str]] = {
    "assets.fixed_assets": ("固定资产（期末原值）", lambda d: d.assets.fixed_assets, lambda d: d.assets.loc(),
                            "add `fixed_assets: …` under `assets:` (固定资产 at 31 December: 期末原值)"),
    "assets.fixed_assets_in_use": ("在用固定资产", lambda d: d.assets.fixed_assets_in_use, lambda d: d.assets.loc(),
                                   "add `fixed_assets_in_use: …` under `assets:` (实际在用固定资产)"),
    "assets.balance_sheet.assets": ("资产合计（期末数）", _balance("assets", "current"), _balance_loc("assets"),
                                    _SHEET_HINT),
    "assets.balance_sheet.assets.prior": ("资产合计（期初数）", _balance("assets", "prior"), _balance_loc("assets"),
                                          _SHEET_HINT + "; its `prior:` is the 期初数"),
    "assets.balance_sheet.liabilities": ("负债合计（期末数）", _balance("liabilities", "current"),
                                         _balance_loc("liabilities"), _SHEET_HINT),
    "assets.balance_sheet.liabilities.prior": ("负债合计（期初数）", _balance("liabilities", "prior"),
                                               _balance_loc("liabilities"), _SHEET_HINT + "; its `prior:` is the 期初数"),
}


class Figures:
    """The named figures of one data file."""

    def __init__(self, data: Disclosure, book: Ledger | None = None):
        self.data = data
        self.book = book if book is not None else ledger(data)

    def split(self, name: str) -> tuple[str, str]:
        """(line, column): `expenditure.project.full_budget` → (`expenditure.project`, `full_budget`)."""
        line, _, column = name.rpartition(".")
        if column in COLUMNS + ("current",) and line:
            return line, column
        return name, "current"

    def known(self, name: str) -> bool:
        line, _ = self.split(name)
        return name in EXTRA or line in self.book or bool(_OPTIONAL.fullmatch(line)) or self.absent(line) is not None

    def absent(self, name: str) -> str | None:
        """The record the file leaves out that a name's line belongs to (a partial file), or None."""
        record = name.split(".")[0]
        if record in OPTIONAL_RECORDS and getattr(self.data, record) is None:
            return record
        return self.book.lacks(record)

    def suggest(self, name: str) -> str | None:
        candidates = list(EXTRA) + [p for p in self.book if "#" not in p]
        close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
        if not close:
            line, column = self.split(name)
            close = [f"{c}.{column}" for c in difflib.get_close_matches(line, candidates, n=1, cutoff=0.6)]
        return close[0] if close else None

    def figure(self, name: str) -> Figure | None:
        """The file's figure of that name (value None where the file lacks it); None for an unknown name."""
        record = self.absent(name)
        if record is not None:
            return Figure(name, f"`{record}:`", None, self.data.loc(), f"add `{record}:` with its figures to the file",
                          record)
        if name in EXTRA:
            label, get, where, hint = EXTRA[name]
            return Figure(name, label, get(self.data), where(self.data), hint, name.split(".")[1])
        line, column = self.split(name)
        if line not in self.book:
            if _OPTIONAL.fullmatch(line):
                return Figure(name, line, None, self.data.loc(), f"the file has no line `{line}`", line)
            return None
        e = self.book[line]
        label = e.name if column == "current" else f"{e.name}的{WHAT[column]}"
        value = e.current if column == "current" else self.book.base(line, column)
        if value is not None:
            given = e.given.get(column)
            return Figure(name, label, value, given.loc if given is not None and column != "current" else e.home)
        loc, hint, key = self._where(e, column)
        return Figure(name, label, None, loc, hint, key)

    def last_year(self, name: str) -> Figure | None:
        """Last year's figure of that name as this file gives it (the 上年 of a line, the 期初数 of
        the 资产负债表); one it cannot give says so (`--prior LAST.yaml` gives every one)."""
        if name in EXTRA:
            if name + ".prior" in EXTRA:
                return self.figure(name + ".prior")
        elif self.known(name):
            line, column = self.split(name)
            if column == "current":
                return self.figure(f"{line}.prior")
        else:
            return None
        found = self.figure(name)
        return Figure(name, f"上年{found.label}", None, self.data.loc(),
                      "last year's figure is not in this file: give last year's data file with `--prior LAST.yaml`")

    def _where(self, e: Entry, column: str) -> tuple[Location, str, str]:
        """Where the line's missing figure goes, what to add there, and its key."""
        what = WHAT.get(column, "本年决算数")
        if column == "current":
            return e.home, f"give the figures {e.name} is the sum of", column
        for record, names in e.sources:
            if column in names and column in e.inline:
                return record.loc(), f"add `{names[column]}: …` ({what}) to {e.name}", names[column]
        prefix, _, key = e.path.partition(".")
        hint = f"give {e.name}的{what}"
        if prefix in COMPARED and key in COMPARED[prefix]:
            hint = f"add `{column}: …` ({what}) under `{prefix}:` → `compare:` → `{key}:`"
        lacking = [self.book[p].name for p in e.parts if p in self.book and self.book.base(p, column) is None]
        if lacking and e.given.get(column) is None:
            hint += f" (or give it for each part: {'、'.join(lacking)} lack it)"
        return e.home, hint, column
