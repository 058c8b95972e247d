"""第二部分: the figures of the accounts — 收入, 支出, 财政拨款, the 一般公共预算 by function,
基本支出, the special funds, “三公”经费, 机关运行经费, 政府采购, 国有资产."""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..schema import Amount, Clause, Code, Count, Number, Record, Text, model, spec


# --- what a line is compared with ------------------------------------------------------

@model
class Bases(Record):
    """What one amount line is compared with, where the file gives it: each key is optional, and a
    total's base left out is the sum of its parts' (see *Every line and its comparisons*)."""

    prior: Optional[Amount] = spec("上年决算数 (`disclose init` fills it from last year's file)", None)
    budget: Optional[Amount] = spec("年初预算数", None)
    full_budget: Optional[Amount] = spec("全年预算数 (年初预算 with the year's adjustments)", None)
    reason: Optional[Clause] = spec("主要原因 of the change against last year", None)
    budget_reason: Optional[Clause] = spec("主要原因 of the difference from the budget", None)


# The sources of 本年收入 and the kinds of 本年支出, in the order of the 决算 tables; the
# sentences, the totals and the rules all walk these (their names are the fields' docs).
INCOME_SOURCES = ("general_budget", "government_fund", "state_capital", "superior_subsidy", "business",
                  "operating", "affiliated", "other")
EXPENDITURE_KINDS = ("basic", "project", "to_superior", "operating", "to_affiliated")
# The lines of each record that `compare:` may give bases for (keyed as in the view).
INCOME_LINES = INCOME_SOURCES + ("fiscal", "total", "non_fiscal_balance_used", "carryover_start", "grand_total")
EXPENDITURE_LINES = EXPENDITURE_KINDS + ("total", "balance_distribution", "carryover_end", "grand_total")
FISCAL_LINES = ("carryover_start", "income", "total_in", "carryover_end", "spending", "total_out")
BASIC_LINES = ("total", "personnel", "public")
PROCUREMENT_LINES = ("goods", "works", "services", "total")
# The records whose lines take their bases from a `compare:` mapping, and those lines.
COMPARED = {"income": INCOME_LINES, "expenditure": EXPENDITURE_LINES, "fiscal": FISCAL_LINES,
            "basic": BASIC_LINES, "procurement": PROCUREMENT_LINES}


def compare(lines: tuple[str, ...]):
    return spec("上年, 年初预算, 全年预算 and reasons of its lines, by line: " + ", ".join(lines),
                keys=lines, default_factory=dict)


# --- 第二部分 figures ------------------------------------------------------------------

@model
class Income(Record):
    """本年收入 by source (收入决算表, 收入支出决算总表)."""

    general_budget: Amount = spec("一般公共预算财政拨款收入")
    government_fund: Amount = spec("政府性基金预算财政拨款收入", Decimal("0"))
    state_capital: Amount = spec("国有资本经营预算财政拨款收入", Decimal("0"))
    superior_subsidy: Amount = spec("上级补助收入", Decimal("0"))
    business: Amount = spec("事业收入", Decimal("0"))
    operating: Amount = spec("经营收入", Decimal("0"))
    affiliated: Amount = spec("附属单位上缴收入", Decimal("0"))
    other: Amount = spec("其他收入", Decimal("0"))
    stated_total: Optional[Amount] = spec("本年收入合计 as printed (checked against the sources)", None)
    non_fiscal_balance_used: Amount = spec("使用非财政拨款结余（含专用结余）", Decimal("0"))
    carryover_start: Amount = spec("年初结转和结余", Decimal("0"))
    grand_total: Optional[Amount] = spec("收入总计 as printed (checked against 本年收入合计 + 结余 + 结转)", None)
    compare: dict[str, Bases] = compare(INCOME_LINES)
    definitions: dict[str, Clause] = spec(
        "what each income line is, where the style defines it in the sentence (为市本级财政当年拨付的资金), by "
        "line: " + ", ".join(INCOME_LINES), keys=INCOME_LINES, default_factory=dict)


@model
class Expenditure(Record):
    """本年支出 by kind (支出决算表, 收入支出决算总表)."""

    basic: Amount = spec("基本支出")
    project: Amount = spec("项目支出")
    to_superior: Amount = spec("上缴上级支出", Decimal("0"))
    operating: Amount = spec("经营支出", Decimal("0"))
    to_affiliated: Amount = spec("对附属单位补助支出", Decimal("0"))
    stated_total: Optional[Amount] = spec("本年支出合计 as printed (checked against the kinds)", None)
    balance_distribution: Amount = spec("结余分配", Decimal("0"))
    carryover_end: Amount = spec("年末结转和结余", Decimal("0"))
    grand_total: Optional[Amount] = spec("支出总计 as printed (checked against 本年支出合计 + 结余分配 + 结转)", None)
    compare: dict[str, Bases] = compare(EXPENDITURE_LINES)


@model
class Overall(Record):
    """收入支出决算总体: the comparison of 收入(支出)总计 with last year."""

    prior_total: Amount = spec("上年收入支出总计")
    reason: Clause = spec("主要原因 of the change against last year")


@model
class Fiscal(Record):
    """财政拨款收入支出决算总体情况 (财政拨款收入支出决算总表)."""

    carryover_start: Amount = spec("年初财政拨款结转和结余", Decimal("0"))
    carryover_end: Amount = spec("年末财政拨款结转和结余", Decimal("0"))
    prior_total: Amount = spec("上年财政拨款收入支出总计")
    reason: Clause = spec("主要原因 of the change against last year")
    budget: Amount = spec("财政拨款年初预算数")
    budget_reason: Clause = spec("主要原因 of the 预决算差异")
    compare: dict[str, Bases] = compare(FISCAL_LINES)


@model
class ItemIncome(Record):
    """A 项's row of the 收入决算表 (公开02): 本年收入 by source."""

    fiscal: Amount = spec("财政拨款收入", Decimal("0"))
    superior_subsidy: Amount = spec("上级补助收入", Decimal("0"))
    business: Amount = spec("事业收入", Decimal("0"))
    operating: Amount = spec("经营收入", Decimal("0"))
    affiliated: Amount = spec("附属单位上缴收入", Decimal("0"))
    other: Amount = spec("其他收入", Decimal("0"))


@model
class ItemSpending(Record):
    """A 项's row of the 支出决算表 (公开03): 本年支出 (all money) by kind."""

    basic: Amount = spec("基本支出", Decimal("0"))
    project: Amount = spec("项目支出", Decimal("0"))
    to_superior: Amount = spec("上缴上级支出", Decimal("0"))
    operating: Amount = spec("经营支出", Decimal("0"))
    to_affiliated: Amount = spec("对附属单位补助支出", Decimal("0"))


@model
class Function(Bases):
    """A line of the functional classification (类, 款 or 项) with its bases and what it paid for."""

    usage: Optional[Clause] = spec("主要用于…: what the line paid for, where the style says so", None)


@model
class Item(Function):
    """A 项 of the functional classification (7-digit code), with its bases (上年, 年初预算…: style A
    explains each 项 against its 上年, style B compares it with its 年初预算)."""

    code: Code = spec("7-digit 项 code, in quotes, e.g. \"2101501\"")
    name: Text = spec("项 name, e.g. 行政运行")
    current: Amount = spec("本年一般公共预算财政拨款支出决算数 (0 for a 项 paid only from other money)")
    basic: Optional[Amount] = spec("its 基本支出 (一般公共预算财政拨款支出决算表, 公开05)", None)
    project: Optional[Amount] = spec("its 项目支出 (公开05); basic + project = current", None)
    income: Optional[ItemIncome] = spec("its row of the 收入决算表 (公开02)", None)
    spending: Optional[ItemSpending] = spec("its row of the 支出决算表 (公开03)", None)


@model
class Kuan(Function):
    """A 款 with its bases; a base left out is the sum of its 项' (checked when given)."""

    code: Code = spec("5-digit 款 code, e.g. \"21015\"")
    name: Text = spec("款 name, e.g. 医疗保障管理事务")
    items: list[Item] = spec("its 项")
    current: Optional[Amount] = spec("本年决算 of the 款 as printed (checked against its 项)", None)


@model
class Lei(Function):
    """A 类 with its bases; a base left out is the sum of its 款' (checked when given)."""

    code: Code = spec("3-digit 类 code, e.g. \"210\"")
    name: Text = spec("类 name, e.g. 卫生健康支出")
    items: list[Kuan] = spec("its 款")
    current: Optional[Amount] = spec("本年决算 of the 类 as printed (checked against its 款 and 项)", None)


@model
class GeneralBudget(Record):
    """一般公共预算财政拨款支出 (一般公共预算财政拨款支出决算表)."""

    prior: Optional[Amount] = spec("上年决算数 as printed (checked against the 项; computed when left out)", None)
    budget: Optional[Amount] = spec("年初预算数 (computed from the 项 when each has one)", None)
    full_budget: Optional[Amount] = spec("全年预算数 (likewise)", None)
    reason: Clause = spec("主要原因 of the change against last year")
    budget_reason: Clause = spec("主要原因 of the 预决算差异")
    functions: list[Lei] = spec("功能分类: 类 → 款 → 项")


@model
class EconomicClass(Bases):
    """A 类 (301 工资福利支出…) or line (30101 基本工资…) of the 部门支出经济分类 against its 年初预算
    and last year (style B's 六)."""


@model
class BasicExpenditure(Record):
    """一般公共预算财政拨款基本支出 (人员经费 + 公用经费; 基本支出决算明细表, 公开06)."""

    economic: dict[str, Amount] = spec(
        "amounts by 部门支出经济分类 code (5 digits: 30101 基本工资 … 39999 其他支出); the names come from "
        "the shipped classification, 人员经费 (301, 303) and 公用经费 (302, 307, 310, 399) are their sums",
        default_factory=dict)
    classes: dict[str, EconomicClass] = spec(
        "by 3-digit class (301…399) or 5-digit line (30101…): 年初预算, 上年 and reasons", default_factory=dict)
    personnel: Optional[Amount] = spec("人员经费 (computed from `economic` when given; then checked)", None)
    personnel_items: list[Text] = spec("items the 人员经费 include (基本工资、津贴补贴…); named from `economic` "
                                       "when it has 人员经费 codes", default_factory=list)
    public: Optional[Amount] = spec("公用经费 (computed from `economic` when given; then checked)", None)
    public_items: list[Text] = spec("items the 公用经费 include (办公费、印刷费…); named from `economic` when "
                                    "it has 公用经费 codes", default_factory=list)
    stated_total: Optional[Amount] = spec("基本支出 as printed (checked against 人员经费 + 公用经费)", None)
    compare: dict[str, Bases] = compare(BASIC_LINES)


@model
class SpecialFund(Record):
    """政府性基金 or 国有资本经营预算财政拨款; leave the whole key out when the unit has none."""

    carryover_start: Amount = spec("年初结转和结余", Decimal("0"))
    income: Amount = spec("本年收入")
    expenditure: Amount = spec("本年支出")
    carryover_end: Amount = spec("年末结转和结余", Decimal("0"))
    prior: Amount = spec("上年支出决算数", Decimal("0"))
    reason: Clause = spec("主要原因 of the change against last year")


@model
class CostFigures(Record):
    """What every part of the 三公 money has besides its 决算数."""

    prior: Optional[Amount] = spec("上年决算数", None)
    budget: Optional[Amount] = spec("全年预算数", None)
    reason: Optional[Clause] = spec("主要原因 of the change against last year", None)
    budget_reason: Optional[Clause] = spec("主要原因 of the 预决算差异", None)
    content: Optional[Clause] = spec("开支内容", None)


@model
class NamedAmount(Record):
    """A named item and its amount (a reception, a 外事接待, …)."""

    name: Text = spec("what it was, e.g. 接待省卫健委调研")
    amount: Amount = spec("its amount")


@model
class NamedCount(Record):
    """A named kind and how many (轿车 2 辆, …)."""

    name: Text = spec("the kind, e.g. 轿车")
    count: Count = spec("how many")


@model
class Abroad(CostFigures):
    current: Amount = spec("因公出国（境）费决算数")
    groups: Count = spec("因公出国（境）团组数", 0)
    people: Count = spec("因公出国（境）人次", 0)
    joined_groups: Count = spec("团组 of other units the unit's staff joined (参加其他单位组织的团组)", 0)
    joined_people: Count = spec("人次 on those groups", 0)


@model
class VehiclePart(CostFigures):
    current: Amount = spec("决算数")


@model
class Vehicles(CostFigures):
    purchase: VehiclePart = spec("公务用车购置费")
    operation: VehiclePart = spec("公务用车运行维护费")
    purchased: Count = spec("公务用车购置数 (辆)", 0)
    fleet: Count = spec("公务用车保有量 (辆)", 0)
    fleet_types: list[NamedCount] = spec("公务用车保有量 by type (轿车, 越野车, 载客汽车…), where the style lists it",
                                         default_factory=list)
    fleet_difference_reason: Optional[Clause] = spec(
        "why 公务用车保有量 differs (or not) from the vehicles among 国有资产", None)


@model
class ForeignReception(Record):
    current: Amount = spec("国（境）外接待费支出", Decimal("0"))
    batches: Count = spec("国（境）外公务接待批次", 0)
    people: Count = spec("国（境）外公务接待人次", 0)
    content: Optional[Clause] = spec("what it paid for (主要用于)", None)
    items: list[NamedAmount] = spec("the 外事接待 by name with their amounts, where the style names them",
                                    default_factory=list)


@model
class Reception(CostFigures):
    current: Amount = spec("公务接待费决算数 (国内 + 国（境）外)")
    batches: Count = spec("国内公务接待批次", 0)
    people: Count = spec("国内公务接待人次", 0)
    people_note: Optional[Text] = spec("how 人次 is counted where the style says it, e.g. 不包括陪同人员", None)
    items: list[NamedAmount] = spec("the receptions by name with their amounts, where the style names them",
                                    default_factory=list)
    foreign: Optional[ForeignReception] = spec("国（境）外公务接待, where the style reports it apart", None)


@model
class ThreePublic(Record):
    """财政拨款“三公”经费."""

    stated_current: Optional[Amount] = spec("“三公”经费决算合计 as printed (checked against the parts)", None)
    stated_prior: Optional[Amount] = spec("上年合计 as printed", None)
    stated_budget: Optional[Amount] = spec("全年预算合计 as printed", None)
    reason: Optional[Clause] = spec("主要原因 of the total's change against last year", None)
    budget_reason: Optional[Clause] = spec("主要原因 of the total's 预决算差异", None)
    abroad: Abroad = spec("因公出国（境）费")
    vehicles: Vehicles = spec("公务用车购置及运行维护费 (its 决算/预算 are the sum of 购置 and 运行维护)")
    reception: Reception = spec("公务接待费")


@model
class OperatingCosts(Record):
    """机关运行经费."""

    current: Amount = spec("本年机关运行经费支出")
    prior: Amount = spec("上年机关运行经费支出")
    reason: Clause = spec("主要原因 of the change")
    budget: Optional[Amount] = spec("年初预算数", None)
    full_budget: Optional[Amount] = spec("全年预算数", None)
    budget_reason: Optional[Clause] = spec("主要原因 of the difference from the budget", None)
    equals_public: bool = spec("true where 机关运行经费 is by definition the 公用经费 of 基本支出 "
                               "(行政单位 and 参公事业单位): then the two are checked to be equal", False)


@model
class Procurement(Record):
    """政府采购."""

    goods: Amount = spec("政府采购货物支出", Decimal("0"))
    works: Amount = spec("政府采购工程支出", Decimal("0"))
    services: Amount = spec("政府采购服务支出", Decimal("0"))
    sme: Amount = spec("授予中小企业合同金额", Decimal("0"))
    small_micro: Amount = spec("其中：授予小微企业合同金额", Decimal("0"))
    stated_total: Optional[Amount] = spec("政府采购支出总额 as printed (checked against 货物 + 工程 + 服务)", None)
    purposes: list[Text] = spec("what the purchases were for (主要用于…), one item each, where the style says it",
                                default_factory=list)
    compare: dict[str, Bases] = compare(PROCUREMENT_LINES)


@model
class CostLine(Bases):
    """One cost the disclosure reports apart (会议费, 培训费): 本年 and what it is compared with."""

    current: Amount = spec("本年决算数")


@model
class VehicleCounts(Record):
    leaders: Count = spec("副部（省）级及以上领导用车", 0)
    principal: Count = spec("主要负责人用车", 0)
    confidential: Count = spec("机要通信用车", 0)
    emergency: Count = spec("应急保障用车", 0)
    law_enforcement: Count = spec("执法执勤用车", 0)
    special: Count = spec("特种专业技术用车", 0)
    retiree_service: Count = spec("离退休干部服务用车", 0)
    other: Count = spec("其他用车", 0)
    cadre: Count = spec("领导干部用车 (where the style counts vehicles this way)", 0)
    general: Count = spec("一般公务用车 (likewise)", 0)


@model
class BalanceLine(Record):
    """A total of the unit's 资产负债表: its 期末数 and 期初数."""

    current: Amount = spec("期末数 (31 December of this year)")
    prior: Optional[Amount] = spec("期初数, last year's 期末数 (`disclose init` fills it)", None)


@model
class BalanceSheet(Record):
    """The two totals of the unit's 资产负债表 that 资产负债率 divides (`disclose indicators`)."""

    assets: BalanceLine = spec("资产合计 (资产总计)")
    liabilities: BalanceLine = spec("负债合计")


@model
class Assets(Record):
    """国有资产占用情况 at 31 December."""

    building_area: Number = spec("房屋 平方米", Decimal("0.00"))
    building_value: Amount = spec("房屋价值", Decimal("0"))
    vehicle_value: Amount = spec("车辆价值", Decimal("0"))
    vehicles: VehicleCounts = spec("车辆 by kind (their sum is 车辆数)")
    other_vehicles_are: Optional[Text] = spec("其他用车主要是 (what the 其他用车 are)", None)
    large_equipment: Count = spec("单价100万元（含）以上设备（不含车辆）台（套）", 0)
    general_equipment: Count = spec("单价50万元以上通用设备 台（套）", 0)
    special_equipment: Count = spec("单位价值100万元以上专用设备（不含车辆）台（套）", 0)
    fixed_assets: Optional[Amount] = spec("固定资产 at 31 December, all of it (期末原值 of the 行政事业性国有资产报表): "
                                          "the base of 固定资产利用率 (`disclose indicators`)", None)
    fixed_assets_in_use: Optional[Amount] = spec("of it, the 固定资产 in use (实际在用固定资产): 固定资产利用率 = "
                                                 "this ÷ fixed_assets", None)
    balance_sheet: Optional[BalanceSheet] = spec("资产合计 and 负债合计 of the 资产负债表 (资产负债率)", None)
