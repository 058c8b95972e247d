"""Problems found in a data file, and the exception that carries them.

Every stage (load, check, derive, render) reports through the same small record, in
the manner of a compiler: the file and line to fix, a rule id, what is wrong and what
to do.  Nothing downstream has to guess where a problem came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source: a line of a text file (1-based; 0 for the whole file), or a cell
    of a workbook's sheet (`2024公开表.xlsx:公开05表!D12`)."""

    path: str
    line: int = 0
    sheet: str = ""
    cell: str = ""          # A1-style, e.g. D12; with `sheet`

    def __str__(self) -> str:
        if self.sheet:
            return f"{self.path}:{self.sheet}!{self.cell}" if self.cell else f"{self.path}:{self.sheet}"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Problem:
    location: Location
    rule: str
    message: str
    hint: str = ""
    severity: str = ERROR
    # Further places that take part in the problem (e.g. the item that does not add up).
    related: tuple[Location, ...] = field(default=())

    def format(self) -> str:
        text = f"{self.location}: {self.severity} {self.rule}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def as_dict(self) -> dict:
        return {
            "file": self.location.path,
            "line": self.location.line,
            **({"sheet": self.location.sheet, "cell": self.location.cell} if self.location.sheet else {}),
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "hint": self.hint,
            "related": [{"file": r.path, "line": r.line, **({"sheet": r.sheet, "cell": r.cell} if r.sheet else {})}
                        for r in self.related],
        }


def sort_key(problem: Problem):
    loc = problem.location
    return (loc.path, loc.line, loc.sheet, _cell_order(loc.cell), problem.rule, problem.message)


def _cell_order(cell: str) -> tuple[int, int]:
    """D12 → (12, 4): a sheet's problems in reading order, row by row."""
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = "".join(ch for ch in cell if ch.isdigit())
    column = 0
    for ch in letters.upper():
        column = column * 26 + ord(ch) - 64
    return (int(digits) if digits else 0, column)


class DiscloseError(Exception):
    """Raised when a stage cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=sort_key)
        super().__init__("\n".join(p.format() for p in self.problems))


def display_path(path: str | Path) -> str:
    """The path as the user typed it or, for absolute paths under the cwd, relative."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
