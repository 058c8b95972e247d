"""十一 预算绩效: the self-evaluation forms, their funds rows, 执行率, scores and 总分."""
from __future__ import annotations

from .. import scoring
from ..accounts import stated_or
from ..model import Disclosure, Indicator, PerformanceSummary, ProjectEvaluation, SelfEvaluation, UnitEvaluation
from ..numbers import ZeroBase, ratio, total
from ..style import Style
from ..view import Missing, View, attrs_of


def performance(data: Disclosure, style: Style, zero: ZeroBase) -> View:
    p = data.performance
    unit = _unit_evaluation(p.unit, data.unit, style, zero) if p.unit else None
    projects = [evaluate_project(pr, style, zero) for pr in p.projects]
    summary = (View(achievements=p.summary.achievements, problems=p.summary.problems,
                    measures=p.summary.measures) if p.summary else
               Missing(p.loc("summary"), "summary", "预算绩效管理的成效、问题和改进措施",
                       attrs=attrs_of(PerformanceSummary)))
    se = p.self_evaluation
    return View(
        summary=summary,
        self_evaluation=se if se is not None else Missing(p.loc("self_evaluation"), "self_evaluation",
                                                          "绩效自评的范围（一级项目数、资金、覆盖率）",
                                                          attrs=attrs_of(SelfEvaluation)),
        results=p.results,
        unit=unit, unit_count=1 if unit else 0,
        projects=projects, project_count=len(projects),
        project_budget=stated_or(p.stated_projects_budget, (pr.funds.total.full_year_budget for pr in projects)),
        project_executed=stated_or(p.stated_projects_executed, (pr.funds.total.executed for pr in projects)))


def _funds_row(initial, full_year, executed, zero: ZeroBase) -> View:
    """A funds row of a form; its label (年度资金总额, 其中：当年财政拨款…) is the template's."""
    return View(initial_budget=initial, full_year_budget=full_year, executed=executed,
                execution=ratio(executed, full_year, zero))


def _total_row(stated, rows: list[View], zero: ZeroBase) -> View:
    """The funds total of a form: as printed where the file states it (checked), else the sum."""
    columns = ("initial_budget", "full_year_budget", "executed")
    values = [stated_or(getattr(stated, c) if stated is not None else None, (getattr(r, c) for r in rows))
              for c in columns]
    return _funds_row(*values, zero)


def _flag_groups(rows: list[View]) -> None:
    """Mark where a run of equal 一级/二级指标 starts: the forms merge those cells."""
    for i, r in enumerate(rows):
        prev = rows[i - 1] if i else None
        r.level1_starts = prev is None or prev.level1 != r.level1
        r.level2_starts = r.level1_starts or prev.level2 != r.level2


def _unit_evaluation(u: UnitEvaluation, unit_name: str, style: Style, zero: ZeroBase) -> View:
    rows = [_funds_row(f.initial_budget, f.full_year_budget, f.executed, zero) for f in u.funds]
    for row, f in zip(rows, u.funds):
        row.source = f.source
    t = _total_row(u.stated_total, rows, zero)
    t.weight = u.funds_weight
    t.score = scoring.funds_score(style.settings.scoring.funds.unit, u.funds_weight, t.execution)
    indicators = [View(level1=i.level1, level2=i.level2, name=i.name, target=i.target, basis=i.basis,
                       weight=i.weight, actual=i.actual, score=i.score) for i in u.indicators]
    _flag_groups(indicators)
    return View(name=unit_name, funds=rows, total=t, goal_expected=u.goal_expected,
                goal_actual=u.goal_actual, indicators=indicators)


def evaluate_indicator(i: Indicator, style: Style, zero: ZeroBase) -> View:
    sc = style.settings.scoring
    method = sc.rules.get(i.rule)
    result = scoring.outcome(i.target, i.actual, sc.met_phrases, zero)
    computed = scoring.score(method, i.weight, result, sc.floor) if method else None
    return View(level1=i.level1, level2=i.level2, name=i.name, weight=i.weight, target=i.target,
                actual=i.actual, basis=i.basis, prior_result=i.prior_result, rule=i.rule,
                evidence=i.evidence, deviation=i.deviation, method=method, outcome=result,
                completion=result.completion if result.completion is not None else
                (i.completion / 100 if i.completion is not None else None),
                computed_score=computed,
                score=i.score if i.score is not None else computed, source=i)


def evaluate_project(p: ProjectEvaluation, style: Style, zero: ZeroBase) -> View:
    f = p.funds
    fiscal = _funds_row(f.fiscal.initial_budget, f.fiscal.full_year_budget,
                        f.fiscal.executed, zero)
    other = _funds_row(f.other.initial_budget, f.other.full_year_budget, f.other.executed, zero)
    whole = _total_row(p.stated_total, [fiscal, other], zero)
    whole.weight = p.funds_weight
    whole.score = scoring.funds_score(style.settings.scoring.funds.project, p.funds_weight, whole.execution)
    indicators = [evaluate_indicator(i, style, zero) for i in p.indicators]
    _flag_groups(indicators)
    scores = [i.score for i in indicators]
    total_score = None if any(s is None for s in scores) else whole.score + total(scores)
    return View(name=p.name, department=p.department, implementer=p.implementer,
                funds=View(total=whole, fiscal=fiscal, other=other),
                goal_expected=p.goal_expected, goal_actual=p.goal_actual,
                indicators=indicators, total_score=total_score,
                weight_total=p.funds_weight + total(i.weight for i in p.indicators), source=p)
