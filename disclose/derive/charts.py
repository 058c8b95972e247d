"""The figures each chart plots: one derivation per chart, from the lines the sentences print.

A chart is named in a style's `sections` (`charts: [{chart: income_structure, title: …}]`); its
name picks a function here, which reads the derived view (`derive()`), so that a bar or a slice is
the very `Decimal` a sentence beside it prints — 收入总计 and its 上年, a source's 本年 and its 占比.
Nothing here formats or draws: `render/figures.py` places a chart and prints its labels with the
style's filters, `output/chart.py` draws it (matplotlib, only when a document has charts).

A bar chart compares 上年 with 本年 for each of its groups; a pie chart shows the parts of a whole,
each with its share of it, leaving out the parts that are zero.  A 上年 the file does not give is a
`Missing` (reported as NEEDED, with the line to fill).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from ..view import Line, Missing, View


@dataclass(frozen=True)
class Group:
    """A bar chart's group: one line, its 上年 bar and its 本年 bar."""

    name: str
    prior: Decimal | Missing
    current: Decimal | Missing


@dataclass(frozen=True)
class Slice:
    """A pie chart's slice: one part, its 本年 and its share of the whole."""

    name: str
    amount: Decimal
    share: Decimal


@dataclass(frozen=True)
class Chart:
    kind: str                               # "bar" (上年 against 本年) or "pie" (the parts of a whole)
    items: tuple[Group, ...] | tuple[Slice, ...]
    lacking: tuple[Missing, ...] = ()       # a pie of figures the file lacks: not drawn, they are reported

    @property
    def empty(self) -> bool:
        """A pie whose parts are all zero has nothing to draw (a unit without “三公” spending)."""
        return not self.items

    @property
    def missing(self) -> list[Missing]:
        return list(self.lacking) + [v for g in self.items if isinstance(g, Group) for v in (g.prior, g.current)
                if isinstance(v, Missing)]


def _bars(*lines: tuple[str, Line]) -> Chart:
    return Chart("bar", tuple(Group(name, line.prior, line.current) for name, line in lines))


def _pie(*lines: tuple[str, Line]) -> Chart:
    lacking = tuple(v for _, line in lines for v in (line.current, line.share) if isinstance(v, Missing))
    if lacking:         # a part of a record the file leaves out: nothing to draw
        return Chart("pie", (), lacking)
    return Chart("pie", tuple(Slice(name, line.current, line.share) for name, line in lines if line.current != 0))


def totals_change(v: View, names: dict[str, str]) -> Chart:
    return _bars(*((names[p], line) for p, line in (("income.grand_total", v.income.grand_total),
                                                    ("expenditure.grand_total", v.expenditure.grand_total))))


def income_structure(v: View, names: dict[str, str]) -> Chart:
    parts = ("fiscal", "superior_subsidy", "business", "operating", "affiliated", "other")
    return _pie(*((names[f"income.{k}"], getattr(v.income, k)) for k in parts))


def expenditure_structure(v: View, names: dict[str, str]) -> Chart:
    parts = ("basic", "project", "to_superior", "operating", "to_affiliated")
    return _pie(*((names[f"expenditure.{k}"], getattr(v.expenditure, k)) for k in parts))


def fiscal_change(v: View, names: dict[str, str]) -> Chart:
    return _bars((names["fiscal.total_in"], v.fiscal.total_in), (names["fiscal.total_out"], v.fiscal.total_out))


def general_budget_change(v: View, names: dict[str, str]) -> Chart:
    return _bars((names["general_budget"], v.general_budget))


def general_budget_structure(v: View, names: dict[str, str]) -> Chart:
    return _pie(*((c.name, c) for c in v.general_budget.classes_with_spending))


def three_public_structure(v: View, names: dict[str, str]) -> Chart:
    t = v.three_public
    return _pie(*((names[f"three_public.{k}"], getattr(t, k)) for k in ("abroad", "vehicles", "reception")))


def three_public_change(v: View, names: dict[str, str]) -> Chart:
    t = v.three_public
    return _bars(*((names[f"three_public.{k}"], getattr(t, k)) for k in ("abroad", "vehicles", "reception")))


@dataclass(frozen=True)
class Kind:
    derive: Callable[[View, dict[str, str]], Chart]
    kind: str
    plots: str          # what it plots, for the README


CHARTS: dict[str, Kind] = {
    "totals_change": Kind(totals_change, "bar", "收入总计 and 支出总计, 上年 against 本年 (收、支决算总计变动情况)"),
    "income_structure": Kind(income_structure, "pie", "本年收入 by source: 财政拨款收入, 上级补助收入, 事业收入, 经营收入, "
                             "附属单位上缴收入, 其他收入, each with its share (收入决算结构)"),
    "expenditure_structure": Kind(expenditure_structure, "pie", "本年支出 by kind: 基本支出, 项目支出, 上缴上级支出, 经营支出, "
                                  "对附属单位补助支出, each with its share (支出决算结构)"),
    "fiscal_change": Kind(fiscal_change, "bar", "财政拨款收入总计 and 财政拨款支出总计, 上年 against 本年 "
                          "(财政拨款收、支决算总计变动情况)"),
    "general_budget_change": Kind(general_budget_change, "bar", "一般公共预算财政拨款支出, 上年 against 本年 "
                                  "(一般公共预算财政拨款支出决算变动情况)"),
    "general_budget_structure": Kind(general_budget_structure, "pie", "一般公共预算财政拨款支出 by 类, each with its "
                                     "share (一般公共预算财政拨款支出决算结构)"),
    "three_public_structure": Kind(three_public_structure, "pie", "“三公”经费 by part: 因公出国（境）费, "
                                   "公务用车购置及运行维护费, 公务接待费, each with its share (“三公”经费财政拨款支出结构)"),
    "three_public_change": Kind(three_public_change, "bar", "each part of the “三公”经费, 上年 against 本年"),
}
