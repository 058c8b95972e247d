"""The charts a style lists, placed in the rendered document and numbered 图1, 图2… in its order.

A section (or part) of `style.yaml` names its charts (`charts: [{chart: …, title: …, after: N}]`);
each becomes a `markup.Figure` after the body of that section — after its Nth paragraph with
`after: N`, else after the whole body (before its first part's heading, or the next section's).
The figures come from `derive/charts.py`, their labels are printed here with the style's filters
(the section's own number knobs included) and the captions with the style's `charts.caption`.
A pie whose parts are all zero is left out (no picture, no caption, no number).  Nothing is drawn
here: the Word writer draws each figure (`output/chart.py`), the .txt prints only its caption.
"""
from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from ..errors import DiscloseError, Location, Problem
from ..ledger import ledger
from ..model import Disclosure
from ..style import Style
from ..style.settings import ChartPlace
from ..view import Missing, View
from . import Formatter
from .markup import Block, Figure, Heading, Paragraph, Series

if TYPE_CHECKING:
    from ..derive.charts import Chart

_FIELD = re.compile(r"\{(\w*)\}")


class _Names(dict):
    """The name of each line of the ledger; a line of a record the file leaves out is named by its path
    (its chart is not drawn: the record is NEEDED)."""

    def __missing__(self, path: str) -> str:
        return path


def place(parts: list[list[Block]], style: Style, view: View, data: Disclosure) -> tuple[list[list[Block]],
                                                                                         list[Missing]]:
    """The parts with the style's charts inserted, and the figures they need that the file lacks."""
    wanted = [(where, owner, chart) for where, owner in _places(style.settings.sections.numbered)
              for chart in where.charts]
    if not wanted:
        return parts, []
    from ..derive.charts import CHARTS     # only for a style that has charts
    names = _Names({path: entry.name for path, entry in ledger(data).items()})
    found: list[tuple[tuple[int, int, int], object, ChartPlace, Chart]] = []
    unplotted: list[Missing] = []
    for order, (where, owner, spot) in enumerate(wanted):
        kind = CHARTS.get(spot.chart)
        if kind is None:
            raise DiscloseError([_unknown(spot)])
        chart = kind.derive(view, names)
        unplotted += [] if chart.items else chart.missing       # what a chart not drawn lacks
        if not chart.empty:
            part, index = _position(parts, where, owner, spot)
            found.append(((part, index, order), where, spot, chart))
    out = [list(blocks) for blocks in parts]
    missing: list[Missing] = unplotted
    figures = []
    for n, (key, where, spot, chart) in enumerate(sorted(found, key=lambda f: f[0]), 1):
        caption = fill(style.settings.charts.caption, style.settings.charts.loc("caption"), "charts.caption",
                       n=str(n), title=spot.title)
        fmt = Formatter(style, data.amount_unit, where.format)
        figures.append((key, _figure(chart, caption, fmt, style, (view.prior_year, view.year))))
        missing += chart.missing
    for (part, index, _), figure in sorted(figures, key=lambda f: f[0], reverse=True):
        out[part].insert(index, figure)
    return out, missing


def _places(sections, owner=None):
    """Every section and part of the style (numbered, with its heading), with the section it is part of."""
    for s in sections:
        yield s, owner
        yield from _places(s.parts, s)


def _position(parts: list[list[Block]], where, owner, spot: ChartPlace) -> tuple[int, int]:
    """(part, index) where the chart goes: after the body of `where` (or its `after`-th paragraph)."""
    for p, blocks in enumerate(parts):
        start = _heading(blocks, owner.heading if owner else where.heading, 0, len(blocks))
        if start is None:
            continue
        if owner is not None:       # a part: its heading under its section's, before the next section's
            start = _heading(blocks, where.heading, start + 1, _next_heading(blocks, start + 1, blocks[start].level))
            if start is None:
                continue
        end = _next_heading(blocks, start + 1, max(blocks[start].level, 3))
        if spot.after is None:
            return p, end
        paragraphs = [i for i in range(start + 1, end) if type(blocks[i]) is Paragraph]
        if not 1 <= spot.after <= len(paragraphs):
            raise DiscloseError([Problem(spot.loc("after"), "STYLE", f"chart `{spot.chart}` is to follow paragraph "
                                         f"{spot.after} of {where.heading}, which has {len(paragraphs)}",
                                         f"give `after:` a number from 1 to {len(paragraphs)}, or leave it out "
                                         "(after the whole body)")])
        return p, paragraphs[spot.after - 1] + 1
    raise DiscloseError([Problem(spot.loc("chart"), "STYLE", f"chart `{spot.chart}` follows {where.heading}, "
                                 "which the document does not print",
                                 "list the chart under a section or part whose heading the templates print")])


def _heading(blocks: list[Block], text: str, start: int, end: int) -> int | None:
    """The index of the heading (of whatever level the templates print it at) that reads `text`."""
    return next((i for i in range(start, end) if isinstance(blocks[i], Heading) and blocks[i].level >= 1
                 and blocks[i].text == text), None)


def _next_heading(blocks: list[Block], start: int, level: int) -> int:
    """The index of the first heading at `level` or above from `start` (the end of a body)."""
    return next((i for i in range(start, len(blocks)) if isinstance(blocks[i], Heading)
                 and 1 <= blocks[i].level <= level), len(blocks))


def _unknown(spot: ChartPlace) -> Problem:
    from ..derive.charts import CHARTS

    close = difflib.get_close_matches(spot.chart, list(CHARTS), n=1, cutoff=0.6)
    return Problem(spot.loc("chart"), "STYLE", f"there is no chart `{spot.chart}`",
                   (f"did you mean `{close[0]}`? " if close else "") + f"use one of: {', '.join(CHARTS)} (the "
                   "README's *Charts* says what each plots)")


def fill(template: str, loc: Location, key: str, **values: str) -> str:
    """A style string with its {name} fields filled in (only these: no attribute or index lookups)."""
    def field(match: re.Match) -> str:
        if match.group(1) not in values:
            raise DiscloseError([Problem(loc, "STYLE", f"{key} `{template}` names {{{match.group(1)}}}, which it "
                                         "does not have", f"use {', '.join('{' + k + '}' for k in values)}")])
        return values[match.group(1)]
    return _FIELD.sub(field, template)


def _figure(chart: Chart, caption: str, fmt: Formatter, style: Style, years: tuple[int, int]) -> Figure:
    c = style.settings.charts
    if chart.kind == "pie":
        legend = [fill(c.slice, c.loc("slice"), "charts.slice", name=s.name, amount=fmt.amount(s.amount),
                       share=fmt.percent(s.share)) for s in chart.items]
        series = [Series("", [s.amount for s in chart.items], [fmt.percent(s.share) for s in chart.items])]
        return Figure(caption, "center", kind="pie", categories=legend, series=series)
    series = []
    for column, year in zip(("prior", "current"), years):
        values = [getattr(g, column) for g in chart.items]
        series.append(Series(fill(c.year, c.loc("year"), "charts.year", year=str(year)),
                             [None if isinstance(v, Missing) else v for v in values],
                             [str(v) if isinstance(v, Missing) else fmt.amount(v, unit=False) for v in values]))
    note = fill(c.unit, c.loc("unit"), "charts.unit", unit=style.settings.amounts.unit)
    return Figure(caption, "center", kind="bar", categories=[g.name for g in chart.items], series=series, note=note)
