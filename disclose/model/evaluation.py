"""The 整体支出绩效自评 package (document `self-evaluation`): what it needs beyond the disclosure.

A unit files, with its 决算, a self-evaluation of its whole spending: 附件一 基础数据表,
附件二 部门整体支出绩效自评表, 附件三 one 项目支出绩效自评表 per project and 附件四 the
自评报告 (seed 001, Hengshan, Hunan).  Its 主要职能 are the disclosure's `overview.duties`,
its 政府性基金 and 国有资本经营 money the disclosure's `government_fund` and `state_capital`;
附件一's rows that are lines of the accounts (the “三公” parts, 项目支出, 公用经费, 政府采购金额)
come from the accounts where the file has them; everything else it prints is here, under
`evaluation:`.  A cell the published form leaves blank is a key left out of a row (an optional
amount); the whole records a form cannot be made without (编制数, 楼堂馆所, 厉行节约保障措施…)
are optional too, and the build names each one the file lacks (NEEDED) instead of failing on it.
Plain data: every total, 控制率, 执行率, 得分 and 总分 is computed (`derive/evaluation.py`).
"""
from __future__ import annotations

from typing import Optional

from ..schema import Amount, Block, Code, Count, Number, Record, Text, model, spec


@model
class Post(Record):
    office: Text = spec("the office the 三定方案 gives the posts to, e.g. 局机关")
    kind: Text = spec("the kind of post, e.g. 行政编制 or 全额事业编制")
    authorized: Count = spec("posts the 三定方案 sets (设…个)")
    filled: Count = spec("people in those posts at the end of the year (其中：…人)")


@model
class Staffing(Record):
    """人员编制情况 (报告 一（二）) and the 财政供养人员 row of 附件一."""

    description: Text = spec("what the unit is, e.g. 衡山县医疗保障局是县政府直属正科级行政单位，下设…")
    posts: list[Post] = spec("the posts by office and kind, as the 三定方案 sets them")
    temporary: Count = spec("临聘人员 (counted in 实有工作人员)", 0)
    establishment: Optional[Count] = spec("编制数 as 附件一 counts it (控制率 = 实际在职人数 ÷ 编制数)", None)


@model
class CostRow(Record):
    """A row of 附件一's 经费控制情况 (万元): a column left out is a blank cell."""

    prior: Optional[Amount] = spec("上年决算数", None)
    budget: Optional[Amount] = spec("本年预算数", None)
    current: Optional[Amount] = spec("本年决算数", None)


@model
class NamedCostRow(CostRow):
    name: Text = spec("the row's name, e.g. a 省级专项资金")


@model
class ThreePublicRows(Record):
    """三公经费 by part: its total and 公务用车购置和维护经费 are computed."""

    purchase: CostRow = spec("公车购置", default_factory=CostRow)
    operation: CostRow = spec("公车运行维护", default_factory=CostRow)
    abroad: CostRow = spec("出国经费", default_factory=CostRow)
    reception: CostRow = spec("公务接待", default_factory=CostRow)


@model
class ProjectRows(Record):
    """项目支出 by 附件一's kinds: all project spending beside 基本支出."""

    business: CostRow = spec("业务工作经费", default_factory=CostRow)
    operation: CostRow = spec("运行维护经费", default_factory=CostRow)
    salaries: CostRow = spec("工资福利支出", default_factory=CostRow)
    provincial: list[NamedCostRow] = spec("省级专项资金, one row each", default_factory=list)
    stated: Optional[CostRow] = spec("the 项目支出 row as printed where it differs from the sum of the rows "
                                     "(checked; its 本年决算数 is the 报告's 项目支出)", None)


@model
class PublicRows(CostRow):
    """公用经费 (its total typed) and the three lines 其中 names."""

    office: CostRow = spec("其中：办公经费", default_factory=CostRow)
    utilities_travel: CostRow = spec("水费、电费、差旅费", default_factory=CostRow)
    meetings_training: CostRow = spec("会议费、培训费", default_factory=CostRow)


@model
class CostControl(Record):
    """附件一's 经费控制情况.  A row the accounts also give (the “三公” parts, 项目支出, 公用经费,
    政府采购金额) is taken from them where the file has them: type it here only in a file for the
    package alone (typed in both places, EVAL-ACCOUNTS holds it to the accounts')."""

    three_public: ThreePublicRows = spec("三公经费 (from `three_public` where the file has the accounts)",
                                         default_factory=ThreePublicRows)
    projects: ProjectRows = spec("项目支出 (its total from `expenditure`'s 项目支出 where the file has the accounts)",
                                 default_factory=ProjectRows)
    public: PublicRows = spec("公用经费 (“公用经费” is 基本支出中的一般商品和服务支出; its total from `basic`'s 公用经费 "
                              "where the file has the accounts)", default_factory=PublicRows)
    procurement: CostRow = spec("政府采购金额 (no 上年 column; from `procurement`'s 支出总额 where the file has the "
                                "accounts)", default_factory=CostRow)
    basic_adjustment: CostRow = spec("部门基本支出预算调整 (no 上年 column)", default_factory=CostRow)


@model
class Building(Record):
    """楼堂馆所 completed this year: its 规模控制率 and 投资概算控制率 are computed."""

    approved_area: Number = spec("批复规模（㎡）")
    actual_area: Number = spec("实际规模（㎡）")
    budget: Amount = spec("预算投资（万元）")
    actual: Amount = spec("实际投资（万元）")


@model
class Funds(Record):
    """The 年度资金总额 row of a form: a column left out is blank."""

    initial_budget: Optional[Amount] = spec("年初预算数", None)
    full_year_budget: Optional[Amount] = spec("全年预算数", None)
    executed: Optional[Amount] = spec("全年执行数", None)


@model
class IncomeSources(Record):
    """附件二 按收入性质分 (their sum is printed beside it)."""

    general_budget: Optional[Amount] = spec("一般公共预算", None)
    government_fund: Optional[Amount] = spec("政府性基金拨款", None)
    special_account: Optional[Amount] = spec("纳入专户管理的非税收入拨款", None)
    other: Optional[Amount] = spec("其他资金", None)


@model
class Spending(Record):
    """本年支出 by 部门支出经济分类 类: the 报告's 二 and 附件二 按支出性质分."""

    basic: dict[Code, Amount] = spec("基本支出 by 类 code (301 工资福利支出…): their sum is 基本支出")
    project: dict[Code, Amount] = spec("项目支出 by 类 code: their sum is 项目支出")


@model
class FormIndicator(Record):
    level1: Text = spec("一级指标: 产出指标, 效益指标 or 满意度指标")
    level2: Text = spec("二级指标")
    name: Text = spec("三级指标")
    target: Text = spec("年度指标值", "")
    actual: Text = spec("实际完成值", "")
    weight: Number = spec("分值")
    score: Number = spec("自评得分 (the evaluator's: the form has no 赋分规则; checked against 分值)")
    deviation: Text = spec("偏差原因分析及改进措施", "")


@model
class UnitForm(Record):
    """附件二 部门整体支出绩效自评表."""

    funds: Funds = spec("年度资金总额")
    funds_weight: Number = spec("分值 of the funds row")
    sources: IncomeSources = spec("按收入性质分", default_factory=IncomeSources)
    goal_expected: Block = spec("年度总体目标: 预期目标")
    goal_actual: Block = spec("年度总体目标: 实际完成情况")
    indicators: list[FormIndicator] = spec("绩效指标 rows")


@model
class ProjectForm(Record):
    """附件三 项目支出绩效自评表."""

    name: Text = spec("项目支出名称")
    department: Text = spec("主管部门", "")
    implementer: Text = spec("实施单位", "")
    fiscal: Funds = spec("其中：当年财政拨款", default_factory=Funds)
    carryover: Funds = spec("上年结转资金", default_factory=Funds)
    other: Funds = spec("其他资金", default_factory=Funds)
    funds_weight: Number = spec("分值 of the funds row")
    goal_expected: Block = spec("年度总体目标: 预期目标")
    goal_actual: Block = spec("年度总体目标: 实际完成情况")
    indicators: list[FormIndicator] = spec("绩效指标 rows")
    signature: Text = spec("the line under the form as printed (填表人, 填报日期…), if any", "")


@model
class Report(Record):
    """附件四 整体支出绩效自评报告: the unit's own paragraphs (the figures are computed)."""

    date: Text = spec("the date on the cover, e.g. 2025年6月16日")
    performance: list[Text] = spec("六 部门整体支出绩效情况: the paragraph before the score sentence")
    problems: list[Text] = spec("七 存在的问题及原因分析, one paragraph each")
    measures: list[Text] = spec("八 下一步改进措施, one item each (（一）（二）…)")
    use_of_results: list[Text] = spec("九 自评结果拟应用和公开情况, one paragraph each")
    other: list[Text] = spec("十 其他需要说明的情况, one paragraph each; empty when none", default_factory=list)


@model
class Evaluation(Record):
    staffing: Optional[Staffing] = spec("人员编制情况 and 附件一's 财政供养人员", None)
    cost_control: CostControl = spec("附件一 经费控制情况", default_factory=CostControl)
    buildings: Optional[list[Building]] = spec("楼堂馆所 completed this year; `[]` when none", None)
    thrift_measures: Optional[Block] = spec("厉行节约保障措施 (附件一); an empty text where the form leaves it "
                                            "blank", None)
    spending: Optional[Spending] = spec("本年支出 by 经济分类 类, 基本 and 项目", None)
    social_insurance: Optional[Amount] = spec("社会保险基金预算支出; leave out when none", None)
    unit_form: Optional[UnitForm] = spec("附件二 部门整体支出绩效自评表", None)
    projects: list[ProjectForm] = spec("附件三, one form per project", default_factory=list)
    report: Optional[Report] = spec("附件四 自评报告's own paragraphs", None)
