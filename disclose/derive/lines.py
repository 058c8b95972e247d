"""The comparison object of every amount line of the accounts (see `ledger`).

Each line the templates read — `income.business`, `general_budget`, a 类/款/项 of
`general_budget.items`, `basic.personnel`, `three_public.reception`, `meetings`… — is a
`Line` with the same attributes, computed here once, in `Decimal`:

- `current`, and the bases `prior` (上年), `budget` (年初预算), `full_budget` (全年预算);
- `change`, `budget_change`, `full_budget_change`: a `numbers.Change` of `current` against
  each base (`amount`, `rate`, `direction`, `from_zero`; `completion` is current ÷ base, the
  差异率 is `rate`);
- `share`: its share of its parent line, and `change_share`: its share of the parent's change
  (lines without a parent have neither);
- `reason`, `budget_reason`: the file's 主要原因.

A base or reason the file does not give (and a total cannot sum from its parts) is a
`Missing` naming the line to fill.  A `Line` printed through `amount`/`figure` prints its
`current`.
"""
from __future__ import annotations

from decimal import Decimal

from ..ledger import COLUMNS, TEXTS, WHAT, Entry, Ledger
from ..numbers import Change, ZeroBase, ratio
from ..view import CHANGE_FIELDS, Line, Missing

COMPARISONS = {"prior": "change", "budget": "budget_change", "full_budget": "full_budget_change"}
LINE_FIELDS = frozenset({"current", "share", "change_share", *COLUMNS, *TEXTS, *COMPARISONS.values()})


def missing_line(loc, field: str, what: str) -> Missing:
    """A whole line the file leaves out (会议费 of a style that prints it): every attribute is missing."""
    return Missing(loc, field, what, attrs=LINE_FIELDS | CHANGE_FIELDS)


def _missing(e: Entry, column: str) -> Missing:
    g = e.given.get(column)
    return Missing(g.loc if g else e.home, column, f"{e.name}的{WHAT[column]}", given=g is not None)


def lines(book: Ledger, zero: ZeroBase, lacking=None) -> dict[str, Line]:
    """path → `Line`, for every line of the ledger; `lacking(record)` is the marker of a record the
    file leaves out (`view.absent`), what the share of a line whose parent is absent is."""
    out: dict[str, Line] = {}
    for path, e in book.items():
        current = e.current if e.current is not None else Missing(e.home, "current", e.name)
        line = Line(current=current)
        for column, comparison in COMPARISONS.items():
            base = book.base(path, column)
            base = base if base is not None else _missing(e, column)
            setattr(line, column, base)
            setattr(line, comparison, _compare(current, base, zero))
        for column in TEXTS:
            g = e.given.get(column)
            setattr(line, column, g.value if g is not None and g.value else _missing(e, column))
        out[path] = line
    for path, line in out.items():
        parent = out.get(book[path].parent) if book[path].parent else None
        if parent is None:
            record = book.lacks(book[path].parent) if book[path].parent else None
            if record is not None and lacking is not None:     # its whole is in a record the file leaves out
                line.share = line.change_share = lacking(record)
            continue
        line.share = (ratio(line.current, parent.current, zero) if _known(line.current, parent.current)
                      else _first_missing(line.current, parent.current))
        line.change_share = (ratio(line.change.diff, parent.change.diff, zero)
                             if isinstance(line.change, Change) and isinstance(parent.change, Change)
                             else _first_missing(line.change, parent.change))
    return out


def _known(*values) -> bool:
    return all(isinstance(v, Decimal) for v in values)


def _first_missing(*values) -> Missing:
    return next(v for v in values if isinstance(v, Missing))


def _compare(current, base, zero: ZeroBase):
    return Change(current, base, zero) if _known(current, base) else _first_missing(current, base)
