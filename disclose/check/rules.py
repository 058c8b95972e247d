"""The machinery of the review rules: `Rule`, the `@rule` registry, the `Context` a rule
sees (with the one way a stated total is held to its parts), and `run()`."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from ..errors import ERROR, INFO, Location, Problem
from ..ledger import Ledger, ledger
from ..model import Disclosure, Record
from ..numbers import quantize, tolerance, total
from ..style import Style


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    run: Callable[["Context"], Iterable[Problem]]
    needs_prior: bool = False
    by_render: bool = False       # found by rendering the text, not by a function over the data
    blocks_build: bool = False    # build refuses while it stands, even as a warning
    kinds: tuple = ("disclosure",)  # the kinds of document (`style.Document.kind`) whose data it checks
    reads: tuple = ()             # the top-level records it reads: it does not run when the file (or --prior's) lacks one

    def runs_on(self, data: Disclosure | None) -> bool:
        """Whether every record the rule reads is in `data` (a file may leave records out)."""
        return data is None or all(getattr(data, r) is not None for r in self.reads)


RULES: list[Rule] = []


def rule(id: str, severity: str, description: str, needs_prior: bool = False, by_render: bool = False,
         blocks_build: bool = False, kinds: tuple = ("disclosure",), reads: tuple = ()):
    def register(func):
        RULES.append(Rule(id, severity, description, func, needs_prior, by_render, blocks_build, kinds, reads))
        return func
    return register


def fmt(value) -> str:
    """A figure in a message: 1,239.70."""
    return f"{quantize(value):,.2f}" if isinstance(value, Decimal) else str(value)


Part = tuple[str, "Decimal | None", "Location | None"]


def lines_hint(locs: list[Location]) -> str:
    lines = sorted({loc.line for loc in locs if loc is not None and loc.line})
    if not lines:
        return ""
    if len(lines) <= 8:
        return "line" + ("s " if len(lines) > 1 else " ") + ", ".join(map(str, lines))
    return f"lines {lines[0]}–{lines[-1]}"


@dataclass
class Context:
    data: Disclosure
    style: Style
    prior: Disclosure | None = None
    current_rule: Rule | None = None

    @property
    def rounded(self) -> bool:
        """Figures in 万元 are rounded from 元: totals may differ from their parts."""
        return self.data.amount_unit == "万元"

    def problem(self, loc: Location, message: str, hint: str = "", severity: str | None = None,
                related: Iterable[Location | None] = ()) -> Problem:
        r = self.current_rule
        return Problem(loc, r.id if r else "CHECK", message, hint, severity or (r.severity if r else ERROR),
                       tuple(x for x in related if x is not None))

    @functools.cached_property
    def texts(self) -> list:
        """Every text of the file, as `file.texts` gives them (walked once for all rules)."""
        from .file import texts
        return list(texts(self.data))

    @functools.cached_property
    def ledger(self) -> Ledger:
        """Every amount line of the file with its bases (see `ledger`)."""
        return ledger(self.data)

    def sum_check(self, owner: Record, key: str, what: str, stated: Decimal | None,
                  parts: list[Part]) -> Iterator[Problem]:
        """A stated total (`owner`'s `key`) against its parts."""
        return self.sum_check_at(owner.loc(key), what, stated, parts)

    def sum_check_at(self, at: Location, what: str, stated: Decimal | None, parts: list[Part]) -> Iterator[Problem]:
        """A stated total against its parts: equal is fine; within the 万元 rounding
        tolerance it is an `info` note (the stated one is printed); beyond it an error
        that names the lines of the parts."""
        if stated is None or not parts or any(v is None for _, v, _ in parts):
            return
        computed = total(v for _, v, _ in parts)
        if stated == computed:
            return
        diff = abs(stated - computed)
        tol = tolerance(len(parts), rounded=self.rounded)
        names = " + ".join(n for n, _, _ in parts) if len(parts) <= 4 else f"its {len(parts)} parts"
        part_locs = [loc for _, _, loc in parts]
        if diff <= tol:
            yield self.problem(
                at,
                f"{what} is stated as {fmt(stated)} while {names} add up to {fmt(computed)}: a rounding "
                f"difference of {fmt(diff)} (tolerance {tol.normalize():f} for {len(parts)} parts in 万元); "
                f"the stated figure is printed", severity=INFO, related=part_locs)
            return
        where = lines_hint(part_locs)
        hint = f"correct the total, or the part that is wrong ({where})" if where else "correct the total or a part"
        if self.rounded:
            hint += f"; more than rounding can explain ({tol.normalize():f})"
        yield self.problem(at, f"{what} is stated as {fmt(stated)} but {names} add up to "
                           f"{fmt(computed)}", hint, severity=ERROR, related=part_locs)


def run(data: Disclosure, style: Style, prior: Disclosure | None = None,
        only: Iterable[str] | None = None) -> list[Problem]:
    """Every problem the rules find for the document the style is set to write (`style.kind`),
    minus those the file silences.  A rule that reads a record the file (or `prior`) leaves out does
    not run: what it would hold is not there, and what a sentence needs of it is NEEDED."""
    ctx = Context(data, style, prior)
    wanted = set(only) if only else None
    problems: list[Problem] = []
    for r in RULES:
        if (wanted is not None and r.id not in wanted) or (r.needs_prior and prior is None) or \
                style.kind not in r.kinds or not (r.runs_on(data) and r.runs_on(prior)):
            continue
        ctx.current_rule = r
        problems.extend(r.run(ctx))
    silenced = silenced_rules(data)
    return [p for p in problems if p.rule not in silenced]


def blocking(problems: list[Problem]) -> list[Problem]:
    """What stops a build: every error, and whatever a rule that blocks builds reports."""
    blockers = {r.id for r in RULES if r.blocks_build}
    return [p for p in problems if p.severity == ERROR or p.rule in blockers]


def silenced_rules(data: Disclosure) -> dict[str, str]:
    return {s.rule: s.reason for s in data.checks.silence} if data.checks else {}


# --- what the sentences need -----------------------------------------------------------------

NEEDED = "NEEDED"      # reported by the render stage (`view.Missing`); listed in `texts.py`
