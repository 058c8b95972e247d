"""Each indicator of the file evaluated on a data file: its inputs, value, last year's value and score."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import DiscloseError, Problem
from ..ledger import Ledger
from ..model import Disclosure
from ..numbers import HUNDRED, ZeroBase, divide, quantize
from . import expression, rules
from .figures import Figure, Figures
from .spec import Indicator, IndicatorSpec


@dataclass
class Evaluated:
    spec: IndicatorSpec
    inputs: list[Figure]
    value: Decimal | None = None            # unrounded, in the unit (percentage points for %)
    shown: Decimal | None = None            # as printed: half up to the indicator's decimals
    prior_inputs: list[Figure] = field(default_factory=list)
    prior_shown: Decimal | None = None      # last year's value as printed (rule prior)
    score: Decimal | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def percent(self) -> bool:
        return self.spec.unit == "%"

    @property
    def missing(self) -> list[Figure]:
        return [f for f in self.inputs if f.value is None]

    @property
    def ratio(self) -> Decimal | None:
        """The value as a ratio for a % indicator (what the `percent` filter prints), else the value."""
        if self.value is None:
            return None
        return divide(self.value, HUNDRED) if self.percent else self.value

    def text(self, value: Decimal | None) -> str:
        if value is None:
            return "—"
        return f"{value:f}{self.spec.unit}"

    @property
    def rate(self) -> Decimal | None:
        return rules.rate(self.score, self.spec.weight)


def _note(figure: Figure, what: str) -> str:
    return f"{figure.loc}: {what}: {figure.label} (`{figure.name}`) is not given — {figure.hint}"


def _value(indicator: Indicator, figures: list[Figure], zero: ZeroBase, notes: list[str]) -> Decimal:
    values = {name: f.value for name, f in zip(expression.names(indicator.tree), figures)}   # in the formula's order
    divisions: list[str] = []
    value = expression.evaluate(indicator.tree, values.__getitem__, zero, divisions)
    for divisor in divisions:
        notes.append(f"{indicator.code}: `{divisor}` is 0: the division takes the style's zero-base value "
                     f"({zero.both_zero * HUNDRED:f}% for 0 ÷ 0, {zero.from_zero * HUNDRED:f}% for x ÷ 0)")
    return value * HUNDRED if indicator.spec.unit == "%" else value


def _unknown(indicator: Indicator, name: str, figures: Figures) -> Problem:
    close = figures.suggest(name)
    return Problem(indicator.spec.loc("formula"), "INDICATOR",
                   f"the formula of {indicator.code} names `{name}`, which is no figure of a data file",
                   f"did you mean `{close}`?" if close else "name a line of the accounts (README: *Indicators*), "
                   "e.g. expenditure.total, expenditure.project.full_budget, basic.public.budget")


def evaluate(data: Disclosure, indicators: list[Indicator], zero: ZeroBase,
             last: Disclosure | None = None, book: Ledger | None = None) -> list[Evaluated]:
    """Every indicator on `data`; `last` (last year's file) gives last year's values where a rule
    compares with them (else the file's own 上年 figures do); `book` is `data`'s ledger, if made."""
    this = Figures(data, book)
    before = Figures(last) if last is not None else None
    problems = [_unknown(i, n, this) for i in indicators for n in expression.names(i.tree) if not this.known(n)]
    if problems:
        raise DiscloseError(problems)
    out = []
    for indicator in indicators:
        s = indicator.spec
        names = expression.names(indicator.tree)
        result = Evaluated(s, [this.figure(n) for n in names])
        out.append(result)
        if result.missing:
            result.notes += [_note(f, f"{s.code} {s.name} is not evaluated") for f in result.missing]
            continue
        result.value = _value(indicator, result.inputs, zero, result.notes)
        result.shown = quantize(result.value, s.decimals)
        prior = None
        if s.score is not None and s.score.rule == "prior":
            result.prior_inputs = [_last(before, this, n) for n in names]
            lacking = [f for f in result.prior_inputs if f.value is None]
            result.notes += [_note(f, f"{s.code} {s.name} is not scored (it compares with last year)")
                             for f in lacking]
            if not lacking:
                prior = quantize(_value(indicator, result.prior_inputs, zero, result.notes), s.decimals)
                result.prior_shown = prior
        result.score = rules.score(s.score, s.weight, result.shown, result.percent, s.direction, prior)
    return out


def _last(before: Figures | None, this: Figures, name: str) -> Figure:
    if before is None:
        return this.last_year(name)
    found = before.figure(name)
    if found is None:            # a line this file has and last year's cannot (a 项 code): missing there
        return Figure(name, f"上年{name}", None, before.data.loc(), "last year's file has no such line")
    return Figure(found.name, f"上年{found.label}", found.value, found.loc, found.hint)


def total(results: list[Evaluated]) -> tuple[Decimal, Decimal]:
    """The scores of the scored indicators and their weights."""
    scored = [r for r in results if r.score is not None]
    return sum((r.score for r in scored), Decimal("0")), sum((r.spec.weight for r in scored), Decimal("0"))
