"""十一 预算绩效: the self-evaluation forms and the performance section."""
from __future__ import annotations

from typing import Optional

from ..schema import Amount, Block, Clause, Count, Number, Record, Text, model, spec


# --- 十一 预算绩效 ------------------------------------------------------------------------

@model
class FundsRow(Record):
    initial_budget: Amount = spec("年初预算数")
    full_year_budget: Amount = spec("全年预算数")
    executed: Amount = spec("全年执行数")


@model
class UnitFundsRow(FundsRow):
    source: Text = spec("资金来源, e.g. 上级资金")


@model
class UnitIndicator(Record):
    level1: Text = spec("一级指标")
    level2: Text = spec("二级指标")
    name: Text = spec("三级指标")
    target: Text = spec("预期指标值, e.g. \">=1138种\"")
    basis: Text = spec("指标值设定依据", "")
    weight: Number = spec("分值权重")
    actual: Text = spec("实际完成指标值")
    score: Number = spec("得分 (the 单位整体 form has no 赋分规则: the evaluator's score is data)")


@model
class UnitEvaluation(Record):
    """单位整体支出绩效自评表."""

    funds: list[UnitFundsRow] = spec("部门资金 rows by source (合计 is computed)")
    funds_weight: Number = spec("分值权重 of the funds")
    goal_expected: Block = spec("年度总体目标: 预期目标")
    goal_actual: Block = spec("年度总体目标: 实际完成情况")
    indicators: list[UnitIndicator] = spec("绩效指标 rows")
    stated_total: Optional[FundsRow] = spec("the 合计 row as printed (checked against the sources)", None)
    execution_rate: Optional[Number] = spec("执行率 in % as printed (checked)", None)
    funds_score: Optional[Number] = spec("得分 of the funds as printed (checked)", None)


@model
class Indicator(Record):
    level1: Text = spec("一级指标, e.g. 产出指标")
    level2: Text = spec("二级指标, e.g. 数量指标")
    name: Text = spec("三级指标")
    weight: Number = spec("权重")
    target: Text = spec("目标值: `>=1138种`, `<=22.5万元`, `=100%`, a date, or a text such as 有效提升")
    actual: Text = spec("业绩值: `=115.76万人`, a date, or 达到预期指标")
    basis: Text = spec("指标值设定依据", "")
    prior_result: Text = spec("上年完成情况", "")
    rule: Text = spec("赋分规则, one of the style's scoring rules (e.g. 按照完成比例赋分)")
    evidence: Text = spec("佐证资料", "")
    deviation: Text = spec("偏差原因分析及改进措施", "")
    completion: Optional[Number] = spec("完成率 in % as printed on an earlier form (checked, never needed)", None)
    score: Optional[Number] = spec("指标得分 as printed (checked); required only where the rule cannot compute it", None)


@model
class ProjectFunds(Record):
    fiscal: FundsRow = spec("其中：当年财政拨款")
    other: FundsRow = spec("其他资金")


@model
class ProjectEvaluation(Record):
    """项目支出绩效自评表."""

    name: Text = spec("项目名称")
    department: Text = spec("主管部门")
    implementer: Text = spec("实施单位")
    funds: ProjectFunds = spec("项目资金 (年度资金总额 is computed)")
    funds_weight: Number = spec("分值 of the funds")
    goal_expected: Block = spec("年度总体目标: 预期目标")
    goal_actual: Block = spec("年度总体目标: 实际完成情况")
    indicators: list[Indicator] = spec("绩效指标 rows")
    stated_total: Optional[FundsRow] = spec("the 年度资金总额 row as printed (checked against 财政拨款 + 其他资金)",
                                            None)
    execution_rate: Optional[Number] = spec("执行率 in % as printed (checked)", None)
    funds_score: Optional[Number] = spec("得分 of the funds as printed (checked)", None)
    total_score: Optional[Number] = spec("总分 as printed (checked)", None)


@model
class PerformanceSummary(Record):
    achievements: list[Clause] = spec("预算绩效管理取得的成效, one item per 一是/二是…")
    problems: list[Clause] = spec("发现的问题及原因, one item each")
    measures: list[Clause] = spec("下一步改进措施, one item each")


@model
class SelfEvaluation(Record):
    """绩效管理工作开展情况 (style B): the scope of the year's self-evaluation."""

    first_level: Count = spec("一级项目 evaluated")
    second_level: Count = spec("二级项目 evaluated", 0)
    funds: Amount = spec("预算资金 they cover (in the file's unit; the sentence prints 万元)")
    coverage: Number = spec("自评覆盖率 in %")


@model
class EvaluationResult(Record):
    """部门决算中项目绩效自评结果 (style B): one project's result."""

    project: Text = spec("项目名称")
    score: Number = spec("自评得分")
    problems: Clause = spec("发现的主要问题")
    measures: Clause = spec("下一步改进措施")


@model
class Performance(Record):
    summary: Optional[PerformanceSummary] = spec("the paragraph of section 十一 (style A)", None)
    self_evaluation: Optional[SelfEvaluation] = spec("绩效管理工作开展情况 (style B)", None)
    results: list[EvaluationResult] = spec("项目绩效自评结果 (style B)", default_factory=list)
    unit: Optional[UnitEvaluation] = spec("单位整体支出绩效自评表", None)
    projects: list[ProjectEvaluation] = spec("项目支出绩效自评表, one per project", default_factory=list)
    stated_projects_budget: Optional[Amount] = spec("全年预算数 of all projects as printed in the summary "
                                                    "(checked against the forms)", None)
    stated_projects_executed: Optional[Amount] = spec("全年执行数 of all projects as printed (checked)", None)
