"""The data file, as typed records.

One YAML file per unit per year.  Figures are entered once, at the finest level the
document uses; every total, change, share and rate is computed (`derive/`).  Where
the 决算 software prints a total that the file also states (`stated_*`, `*_total`),
the stated one is checked against its parts and printed.

Each field's doc string is the field reference of the README (`disclose fields`).
Plain data: no I/O, no arithmetic.  `figures.py` holds the records of the accounts (第二部分),
`performance.py` those of the self-evaluation (十一); this module the unit, its texts and the
file as a whole (`Disclosure`), and re-exports the others.
"""
from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Literal, Optional

from ..schema import Block, Clause, Count, Record, Text, model, spec
# The mark `disclose init` puts before every reason and explanation it carries from last year's
# file: a person reviews the text and deletes the mark (rule REASON-STALE until then).
UNREVIEWED = "〔沿用上年，待复核〕"

from .figures import (EXPENDITURE_KINDS, INCOME_SOURCES, Abroad, Assets, BalanceLine, BalanceSheet, BasicExpenditure,
                      Bases, CostFigures, CostLine, EconomicClass, Expenditure, Fiscal, ForeignReception, Function,
                      GeneralBudget, Income, Item, ItemIncome, ItemSpending, Kuan, Lei, NamedAmount, NamedCount,
                      OperatingCosts, Overall, Procurement, Reception, SpecialFund, ThreePublic, VehicleCounts,
                      VehiclePart, Vehicles)
from .evaluation import Evaluation
from .performance import (EvaluationResult, FundsRow, Indicator, Performance, PerformanceSummary,
                          ProjectEvaluation, ProjectFunds, SelfEvaluation, UnitEvaluation, UnitFundsRow,
                          UnitIndicator)


# --- 第一部分 单位概况 ------------------------------------------------------------------

@model
class Headcount(Record):
    current: Count = spec("人数 at the end of this year")
    prior: Count = spec("人数 at the end of last year (the change is computed)")


@model
class Staff(Record):
    active: Headcount = spec("在职人员")
    retired_cadres: Headcount = spec("离休人员")
    retired: Headcount = spec("退休人员")


@model
class Overview(Record):
    duties: list[Text] = spec("主要职能, one item per numbered paragraph （1）（2）…")
    duties_note: list[Text] = spec("unnumbered paragraphs after the duties", default_factory=list)
    staff: Optional[Staff] = spec("机构设置及人员情况: headcounts (实有人数 is their sum)", None)
    subordinate_units: list[Text] = spec("下属预算单位 names; empty for 无下属预算单位", default_factory=list)
    departments: list[Text] = spec("内设科室 names (their number is counted)", default_factory=list)
    short_name: Optional[Text] = spec("the unit's short name, where a style's sentences use it (e.g. 本局)", None)
    level: Optional[Text] = spec("单位性质 as the sentences name it, e.g. 行政单位和参照公务员法管理事业单位", None)


# --- 第三部分 and the rest -------------------------------------------------------------

@model
class AnnexBlock(Record):
    """One block of an annex: exactly one of heading, text, center, right or table."""

    heading: Optional[Text] = spec("a heading line", None)
    text: Optional[Text] = spec("a paragraph", None)
    center: Optional[Text] = spec("a centred line (a form's title)", None)
    right: Optional[Text] = spec("a right-aligned line (a signature or date)", None)
    table: Optional[list[list[Block]]] = spec("a table: a list of rows, each a list of cells", None)


@model
class Silence(Record):
    rule: Text = spec("the id of the rule not to report for this file, e.g. PERF-WEIGHTS")
    reason: Text = spec("why: kept in the file for the next reader and the reviewer")


@model
class Checks(Record):
    silence: list[Silence] = spec("rules not to report for this file, each with its reason", default_factory=list)


@model
class Term(Record):
    term: Text = spec("the term, e.g. 财政拨款收入")
    definition: Clause = spec("its definition")


@model
class Glossary(Record):
    replace: bool = spec("true: use only these entries; false: add them to the style's glossary "
                         "(an entry with a term the style has replaces the style's)", False)
    entries: list[Term] = spec("the entries", default_factory=list)


@model
class Disclosure(Record):
    unit: Text = spec("单位名称, as in the title")
    year: Count = spec("the year of the accounts, e.g. 2024")
    amount_unit: Literal["万元", "元"] = spec("金额单位 of every amount in the file")
    style: Optional[Text] = spec("house style: xinjiang (style A) or ningxia (style B); "
                                 "`--style` overrides", None)
    overview: Overview = spec("第一部分 单位概况")
    income: Income = spec("本年收入 by source, 结转 and 收入总计")
    expenditure: Expenditure = spec("本年支出 by kind, 结转 and 支出总计")
    overall: Overall = spec("收入支出总体 against last year")
    fiscal: Fiscal = spec("财政拨款收入支出总体")
    general_budget: GeneralBudget = spec("一般公共预算财政拨款支出, by function")
    basic: BasicExpenditure = spec("一般公共预算财政拨款基本支出")
    government_fund: Optional[SpecialFund] = spec("政府性基金预算财政拨款; leave out when none", None)
    state_capital: Optional[SpecialFund] = spec("国有资本经营预算财政拨款; leave out when none", None)
    three_public: ThreePublic = spec("财政拨款“三公”经费")
    operating_costs: OperatingCosts = spec("机关运行经费")
    procurement: Procurement = spec("政府采购")
    meetings: Optional[CostLine] = spec("会议费, where the style reports it", None)
    training: Optional[CostLine] = spec("培训费, where the style reports it", None)
    assets: Assets = spec("国有资产占用情况")
    performance: Performance = spec("预算绩效")
    annex: list["AnnexBlock"] = spec("第五部分 附件 (style B): a report reproduced after the glossary, block "
                                     "by block", default_factory=list)
    texts: dict[str, Clause] = spec("the unit's own sentences a style prints by key (its style.yaml's `texts:` "
                                    "names the keys it prints)", default_factory=dict)
    other_matters: list[Text] = spec("其他需说明的事项, one paragraph each; empty when none", default_factory=list)
    glossary: Optional[Glossary] = spec("专业名词解释: extends (or replaces) the style's glossary", None)
    attachments: list[Text] = spec(".docx files appended to the document, relative to this file",
                                   default_factory=list)
    checks: Optional[Checks] = spec("settings of `disclose check` for this file", None)
    evaluation: Optional[Evaluation] = spec("what the 整体支出绩效自评 package (document `self-evaluation`) needs "
                                            "beyond the disclosure", None)


# The records of the top level a file may leave out: every required one but `unit`, `year` and
# `amount_unit`. A file holds what its document prints (a stand-alone “三公” page: `three_public:`);
# a sentence or table that reads a record the file lacks reports it (NEEDED, `view.absent`), and the
# rules that read it do not run.
ALWAYS = ("unit", "year", "amount_unit")
OPTIONAL_RECORDS = frozenset(f.name for f in fields(Disclosure) if f.name not in ALWAYS and f.name != "meta"
                             and f.default is MISSING and f.default_factory is MISSING)


__all__ = [
    "ALWAYS",
    "OPTIONAL_RECORDS",
    "UNREVIEWED",
    "Abroad",
    "AnnexBlock",
    "Assets",
    "BalanceLine",
    "BalanceSheet",
    "Bases",
    "BasicExpenditure",
    "Checks",
    "CostFigures",
    "CostLine",
    "Disclosure",
    "EXPENDITURE_KINDS",
    "EconomicClass",
    "Evaluation",
    "EvaluationResult",
    "Expenditure",
    "Fiscal",
    "ForeignReception",
    "FundsRow",
    "Function",
    "GeneralBudget",
    "Glossary",
    "Headcount",
    "INCOME_SOURCES",
    "Income",
    "Indicator",
    "Item",
    "ItemIncome",
    "ItemSpending",
    "Kuan",
    "Lei",
    "NamedAmount",
    "NamedCount",
    "OperatingCosts",
    "Overall",
    "Overview",
    "Performance",
    "PerformanceSummary",
    "Procurement",
    "ProjectEvaluation",
    "ProjectFunds",
    "Reception",
    "SelfEvaluation",
    "Silence",
    "SpecialFund",
    "Staff",
    "Term",
    "ThreePublic",
    "UnitEvaluation",
    "UnitFundsRow",
    "UnitIndicator",
    "VehicleCounts",
    "VehiclePart",
    "Vehicles",
]
