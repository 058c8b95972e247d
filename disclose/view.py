"""What templates receive: the view tree and the marker of a missing text or figure.

`derive` builds the view — nodes of `View`, each made by one function of `derive`
(`disclose variables DATA.yaml` prints the whole tree with its values, and the README's
*Template variables* documents it) — holding `Decimal` figures, `numbers.Change`s, texts
and lists.  Templates only read it.

A text or figure a sentence needs and the file lacks is a `Missing`: it carries the data
line to fix, prints as 【待补充：…】 under `--force`, and is reported as NEEDED after
the render.  A `Missing` answers only the attributes of what it stands for (a `Change`'s
`rate`, `amount`…; a record's fields): any other name is a template error, so a typo
after a missing value is not mistaken for missing data.
"""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, fields
from types import SimpleNamespace

from .errors import Location
from .model import Record

# The missing values the render in progress met (`render.Renderer` sets it): a loop or a filter
# over a missing list (`{% for x in items %}`, `items|join`) reads it as empty and notes it here,
# so that the data line to fill is reported (NEEDED) instead of a type error in the template.
MET: ContextVar[list | None] = ContextVar("disclose_missing_met", default=None)

# The attributes of a `numbers.Change` (a figure against its base): what templates read of
# a comparison whose base is missing.
CHANGE_FIELDS = frozenset({"current", "base", "diff", "amount", "rate", "rate_size", "completion", "direction",
                           "from_zero"})


class View(SimpleNamespace):
    """A node of the view tree: templates read its attributes; an unknown one is an error."""


class Deferred(list):
    """A list of the view computed when something first reads it: what only some documents print
    (`indicators`) costs nothing to a build or check that does not."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def _fill(self) -> None:
        if self._compute is not None:
            compute, self._compute = self._compute, None
            self.extend(compute())

    def __iter__(self):
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def __getitem__(self, index):
        self._fill()
        return super().__getitem__(index)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __repr__(self) -> str:
        self._fill()
        return super().__repr__()


class Line(View):
    """An amount line of the accounts with its bases and comparisons (`derive.lines`);
    the `amount` and `figure` filters print it as its 本年 figure."""


@dataclass(frozen=True)
class Missing:
    """A text or figure the document needs and the data file does not give."""

    loc: Location
    field: str
    what: str
    given: bool = False                      # the key is there but empty
    attrs: frozenset = CHANGE_FIELDS         # what a template may read of it (see the module's doc)
    hint: str = ""                           # what to do, where the default (add the key here) is not it

    def __str__(self) -> str:  # what --force prints in its place
        return f"【待补充：{self.what}】"

    def _met(self) -> None:
        met = MET.get()
        if met is not None:
            met.append(self)

    def __iter__(self):
        # a list the file leaves out: nothing to loop over, and the line to fill is reported
        self._met()
        return iter(())

    def __len__(self) -> int:
        self._met()
        return 0

    def __bool__(self) -> bool:      # `{% if items %}` over a missing list is true: what it prints is reported
        return True

    def __getattr__(self, name: str) -> "Missing":
        # `gb.budget_change.rate` of a missing budget is missing too, with the same line
        if name.startswith("_") or name not in self.attrs:
            raise AttributeError(f"{self.what} (missing) has no attribute `{name}`")
        return self


@dataclass(frozen=True)
class Unstated(Missing):
    """An optional text the file leaves out (the unit's `level`, its `short_name`): a sentence that
    may do without it asks `{% if overview.level %}` and gets false; a sentence that prints it
    gets NEEDED with the line and key to add, never a blank or `None`."""

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True)
class Absent(Missing):
    """A top-level record of the accounts the file leaves out (`income:`, `three_public:`…): a file
    may hold only the records its document prints (a stand-alone “三公” page).  Whatever a template
    reads of it — any attribute, a loop, an `if` — is this same marker, reported as NEEDED at the top
    of the file with the record to add; nothing of it is ever read as 0.  (A typo after an absent
    record is found once the record is there.)"""

    def __getattr__(self, name: str) -> "Absent":
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __bool__(self) -> bool:      # a choice made on an absent record needs the record too
        self._met()
        return True


def absent(data: Record, name: str) -> Absent:
    """The marker of the record `name` that `data` (the file's top level) leaves out."""
    doc = next((f.metadata.get("doc", name) for f in fields(data) if f.name == name), name)
    return Absent(data.loc(), name, f"`{name}:` ({doc})",
                  hint=f"add `{name}:` with its figures to the file (the README's *Field reference* lists them)")


def attrs_of(*records: type) -> frozenset:
    """The field names of model records, nested ones included: what a missing record answers."""
    names: set[str] = set()
    for record in records:
        names |= {f.name for f in fields(record) if f.name != "meta"}
    return frozenset(names)


def need(record: Record, name: str, what: str, optional: bool = False):
    """The record's text or figure, or a `Missing` that points at its line (an `Unstated` for an
    `optional` one, which a sentence may do without: false in an `{% if %}`)."""
    value = getattr(record, name)
    if value is None or value == "":
        return (Unstated if optional else Missing)(record.loc(name), name, what, record.given(name))
    return value
