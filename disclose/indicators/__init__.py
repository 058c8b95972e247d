"""The common evaluation indicators of a 部门整体支出绩效评价 (`disclose indicators`).

    spec.py        the indicator file (templates/common/indicators.yaml) and its overrides
    expression.py  the formula: a small parser of + - * / ( ) abs(…) over names (never Python's eval)
    figures.py     the names a formula may use: the ledger's lines and their bases, 固定资产, 资产负债表
    rules.py       the 评分标准 as data: band (with deductions), steps, proportional, prior
    evaluate.py    each indicator on a data file: inputs, value, last year's value, score
    report.py      a text table, JSON, a workbook
    command.py     the command

`for_templates` gives the evaluated indicators to the templates as `indicators`.
"""
from __future__ import annotations

from ..ledger import Ledger
from ..model import Disclosure
from ..style import Style
from ..view import Missing, View
from . import evaluate, spec


def for_templates(data: Disclosure, style: Style, book: Ledger | None = None) -> list[View]:
    """The style's indicators on `data`, as template variables: `value` is the unrounded ratio of a %
    indicator (print it with `percent`), `shown` its text as the table prints it (99.63%), `score`
    and `weight` figures; an indicator whose input the file lacks has a missing `value` naming the
    line to add (a template that prints it reports NEEDED). `book` is the file's ledger, when the
    caller has it already."""
    out = []
    for r in evaluate.evaluate(data, spec.load(style.folders), style.settings.zero, book=book):
        s = r.spec
        lacking = r.missing[0] if r.missing else None
        value = (Missing(lacking.loc, lacking.key, f"{s.name}的{lacking.label}") if lacking is not None
                 else r.ratio)
        out.append(View(code=s.code, name=s.name, formula=s.formula, unit=s.unit, benchmark=s.benchmark,
                        weight=s.weight, value=value, shown=r.text(r.shown), score=r.score,
                        prior=r.text(r.prior_shown) if r.prior_shown is not None else None,
                        rule=s.rule_text, notes=r.notes))
    return out
