"""Rules of the performance self-evaluation forms: score rules, funds, weights, totals."""
from __future__ import annotations

from .. import accounts
from ..accounts import stated_or
from ..derive.performance import evaluate_indicator, evaluate_project
from ..errors import ERROR, WARNING
from ..numbers import HUNDRED, ZERO, quantize, ratio, total
from ..scoring import funds_score
from .rules import Context, Part, fmt, rule


# --- performance self-evaluation ------------------------------------------------------------------

@rule("PERF-RULE", ERROR, "every 赋分规则 of a 项目支出绩效自评表 is one the style knows",
      reads=("performance",))
def perf_rule(ctx: Context):
    rules = ctx.style.settings.scoring.rules
    for p in ctx.data.performance.projects:
        for i in p.indicators:
            if i.rule not in rules:
                yield ctx.problem(i.loc("rule"), f"{p.name} / {i.name}: 赋分规则 `{i.rule}` is not known to "
                                  f"style {ctx.style.name}",
                                  f"use one of: {'、'.join(rules)} — or add it under scoring.rules in a "
                                  f"style.yaml of your --templates folder")


@rule("PERF-SCORE", ERROR, "完成率 and 指标得分 recomputed with the 赋分规则; a stated figure that differs is an error",
      reads=("performance",))
def perf_score(ctx: Context):
    zero = ctx.style.settings.zero
    for p in ctx.data.performance.projects:
        for i in p.indicators:
            if i.rule not in ctx.style.settings.scoring.rules:
                continue  # PERF-RULE says so
            v = evaluate_indicator(i, ctx.style, zero)
            where = f"项目支出绩效自评表 {p.name} / {i.name}"
            if v.outcome.completion is not None and i.completion is not None:
                computed = quantize(v.outcome.completion * HUNDRED)
                if quantize(i.completion) != computed:
                    yield ctx.problem(i.loc("completion"),
                                      f"{where}: 完成率 is stated as {fmt(i.completion)}% but 业绩值 {i.actual} "
                                      f"against 目标值 {i.target} gives {fmt(computed)}%",
                                      "correct the stated 完成率, or remove it: it is computed")
            if v.computed_score is not None and i.score is not None and quantize(i.score) != v.computed_score:
                yield ctx.problem(i.loc("score"),
                                  f"{where}: 指标得分 is stated as {fmt(i.score)} but {i.rule} gives "
                                  f"{fmt(v.computed_score)} (权重 {fmt(i.weight)}, 完成率 "
                                  f"{fmt(v.completion * HUNDRED) if v.completion is not None else '?'}%)",
                                  "correct the stated score, or remove it: it is computed")
            if v.computed_score is None and i.score is None:
                why = v.outcome.why_not or "the target was not met"
                yield ctx.problem(i.loc(), f"{where}: 指标得分 cannot be computed under {i.rule} ({why})",
                                  "enter the evaluator's score as `score:` (and the 完成率 as `completion:`)")
            if i.score is not None and not (ZERO <= i.score <= i.weight):
                yield ctx.problem(i.loc("score"), f"{where}: 指标得分 {fmt(i.score)} is outside 0…{fmt(i.weight)}",
                                  "a score lies between 0 and the indicator's 权重")


def _forms(ctx: Context):
    p = ctx.data.performance
    forms = [("单位整体支出绩效自评表", "合计", p.unit, "unit")] if p.unit else []
    forms += [(f"项目支出绩效自评表 {pr.name}", "年度资金总额", pr, "project") for pr in p.projects]
    return forms


def _funds_rows(form, kind):
    if kind == "unit":
        return [(f.source, f) for f in form.funds]
    return [("当年财政拨款", form.funds.fiscal), ("其他资金", form.funds.other)]


@rule("PERF-FUNDS", ERROR, "a form's stated funds total, 执行率 and funds 得分 match its rows",
      reads=("performance",))
def perf_funds(ctx: Context):
    zero = ctx.style.settings.zero
    for what, label, form, kind in _forms(ctx):
        rows = _funds_rows(form, kind)
        if form.stated_total is not None:
            for column, name in (("initial_budget", "年初预算数"), ("full_year_budget", "全年预算数"),
                                 ("executed", "全年执行数")):
                yield from ctx.sum_check(form.stated_total, column, f"{what}: {label} {name}",
                                         getattr(form.stated_total, column),
                                         [(n, getattr(r, column), r.loc(column)) for n, r in rows])
        budget = stated_or(form.stated_total.full_year_budget if form.stated_total else None,
                           [r.full_year_budget for _, r in rows])
        executed = stated_or(form.stated_total.executed if form.stated_total else None,
                             [r.executed for _, r in rows])
        rate = ratio(executed, budget, zero)
        if form.execution_rate is not None and quantize(form.execution_rate) != quantize(rate * HUNDRED):
            yield ctx.problem(form.loc("execution_rate"), f"{what}: 执行率 is stated as {fmt(form.execution_rate)}% "
                              f"but {fmt(executed)} ÷ {fmt(budget)} = {fmt(rate * HUNDRED)}%",
                              "correct it, or remove it: it is computed")
        method = getattr(ctx.style.settings.scoring.funds, kind)
        score = funds_score(method, form.funds_weight, rate)
        if form.funds_score is not None and quantize(form.funds_score) != score:
            yield ctx.problem(form.loc("funds_score"), f"{what}: the funds 得分 is stated as "
                              f"{fmt(form.funds_score)} but the style's rule ({method}) gives {fmt(score)}",
                              "correct it, or remove it: it is computed")


@rule("PERF-SUMMARY", ERROR, "the summary's 全年预算数 and 全年执行数 of all projects match the project forms",
      reads=("performance",))
def perf_summary(ctx: Context):
    p = ctx.data.performance
    for key, column, what in (("stated_projects_budget", "full_year_budget", "全年预算数"),
                              ("stated_projects_executed", "executed", "全年执行数")):
        parts: list[Part] = []
        for pr in p.projects:
            if pr.stated_total is not None:
                parts.append((pr.name, getattr(pr.stated_total, column), pr.stated_total.loc(column)))
            else:
                parts.append((pr.name, getattr(pr.funds.fiscal, column) + getattr(pr.funds.other, column),
                              pr.funds.fiscal.loc(column)))
        yield from ctx.sum_check(p, key, f"预算绩效评价项目{what}", getattr(p, key), parts)


@rule("PERF-TOTAL", ERROR, "总分 of a project form is the funds score plus the indicator scores",
      reads=("performance",))
def perf_total(ctx: Context):
    for p in ctx.data.performance.projects:
        if p.total_score is None:
            continue
        v = evaluate_project(p, ctx.style, ctx.style.settings.zero)
        if v.total_score is not None and quantize(p.total_score) != v.total_score:
            yield ctx.problem(p.loc("total_score"), f"项目支出绩效自评表 {p.name}: 总分 is stated as "
                              f"{fmt(p.total_score)} but the scores add up to {fmt(v.total_score)}",
                              "correct the stated 总分, or remove it: it is computed")


@rule("UNIT-SCORE-RANGE", ERROR, "every 单位整体 indicator's 得分 lies between 0 and its 分值权重",
      reads=("performance",))
def unit_score_range(ctx: Context):
    u = ctx.data.performance.unit
    if u is None:
        return
    for i in u.indicators:
        if not (ZERO <= i.score <= i.weight):
            yield ctx.problem(i.loc("score"), f"单位整体支出绩效自评表 / {i.name}: 得分 {fmt(i.score)} is "
                              f"outside 0…{fmt(i.weight)}", "a score lies between 0 and the indicator's 分值权重")


@rule("PERF-WEIGHTS", ERROR, "the weights of a self-evaluation form add up to 100",
      reads=("performance",))
def perf_weights(ctx: Context):
    for what, _, form, _ in _forms(ctx):
        weights = form.funds_weight + total(i.weight for i in form.indicators)
        if weights != HUNDRED:
            yield ctx.problem(form.loc("funds_weight"), f"{what}: the funds weight and the indicator weights add "
                              f"up to {fmt(weights)}, not 100", "check each 权重",
                              related=[i.loc("weight") for i in form.indicators])


@rule("UNIT-EXECUTED", WARNING, "the 单位整体 form's 全年执行数 is the unit's 本年支出合计",
      reads=("performance", "expenditure"))
def unit_executed(ctx: Context):
    u = ctx.data.performance.unit
    if u is None:
        return
    executed = stated_or(u.stated_total.executed if u.stated_total else None, [f.executed for f in u.funds])
    e = ctx.data.expenditure
    spent = accounts.expenditure_totals(e)[0]
    if executed != spent:
        loc = u.stated_total.loc("executed") if u.stated_total else u.loc("funds")
        yield ctx.problem(loc, f"单位整体支出绩效自评表: 全年执行数 {fmt(executed)} is not 本年支出合计 {fmt(spent)}",
                          "the unit-wide form usually evaluates all the year's spending: check both",
                          related=[f.loc("executed") for f in u.funds])
