"""The review rules: each a small named function over the loaded data.

A rule has an id (`TOTAL-INCOME`), a severity, a one-line description, and yields
`Problem`s that point at the line to fix.  `RULES` lists them in the order they run;
adding a rule is adding a function with the `@rule` decorator.  `disclose check
--rules` prints the catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from .derive import evaluate_indicator, stated_or
from .errors import ERROR, INFO, WARNING, Location, Problem
from .model import Disclosure, Record
from .numbers import HUNDRED, ZERO, quantize, tolerance, total
from .style import Style


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    run: Callable[["Context"], Iterable[Problem]]


RULES: list[Rule] = []


def rule(id: str, severity: str, description: str):
    def register(func):
        RULES.append(Rule(id, severity, description, func))
        return func
    return register


def fmt(value: Decimal) -> str:
    """A figure in a message: 1,239.70."""
    return f"{quantize(value):,.2f}" if isinstance(value, Decimal) else str(value)


@dataclass
class Context:
    data: Disclosure
    style: Style
    current_rule: Rule | None = None

    @property
    def rounded(self) -> bool:
        """Figures in 万元 are rounded from 元: totals may differ from their parts."""
        return self.data.amount_unit == "万元"

    def problem(self, loc: Location, message: str, hint: str = "", severity: str | None = None,
                related: Iterable[Location] = ()) -> Problem:
        r = self.current_rule
        return Problem(loc, r.id if r else "CHECK", message, hint, severity or (r.severity if r else ERROR),
                       tuple(related))

    def stated_total(self, owner: Record, key: str, what: str, stated: Decimal | None,
                     parts: list[tuple[str, Decimal | None]], parts_loc: Location | None = None
                     ) -> Iterator[Problem]:
        """A stated total against its parts: equal is fine; within the 万元 rounding
        tolerance is `info` (the stated one is printed); beyond it an error."""
        if stated is None or any(v is None for _, v in parts):
            return
        computed = total(v for _, v in parts)
        if stated == computed:
            return
        diff = abs(stated - computed)
        tol = tolerance(len(parts), rounded=self.rounded)
        names = " + ".join(n for n, _ in parts) if len(parts) <= 4 else f"its {len(parts)} parts"
        if diff <= tol:
            yield self.problem(
                owner.loc(key),
                f"{what} is stated as {fmt(stated)} while {names} add up to {fmt(computed)}: a rounding "
                f"difference of {fmt(diff)} (tolerance {tol.normalize():f} for {len(parts)} parts in 万元); "
                f"the stated figure is printed", severity=INFO)
        else:
            hint = ("correct the total or the part that is wrong" if not self.rounded else
                    f"the difference is more than rounding ({tol.normalize():f}): correct the total or a part")
            yield self.problem(owner.loc(key),
                               f"{what} is stated as {fmt(stated)} but {names} add up to {fmt(computed)}",
                               hint, severity=ERROR, related=[parts_loc] if parts_loc else ())


def run(data: Disclosure, style: Style, only: Iterable[str] | None = None) -> list[Problem]:
    ctx = Context(data, style)
    wanted = set(only) if only else None
    problems: list[Problem] = []
    for r in RULES:
        if wanted is not None and r.id not in wanted:
            continue
        ctx.current_rule = r
        problems.extend(r.run(ctx))
    return problems


# --- classification codes ------------------------------------------------------------------

@rule("FUNC-CODE", ERROR, "功能分类 codes are 3/5/7 digits and each 项 lies inside its 款, each 款 inside its 类")
def func_code(ctx: Context):
    for lei in ctx.data.general_budget.functions:
        if len(lei.code) != 3:
            yield ctx.problem(lei.loc("code"), f"类 code `{lei.code}` of {lei.name} has {len(lei.code)} digits",
                              "a 类 code has 3 digits, e.g. \"210\"")
        for kuan in lei.items:
            if len(kuan.code) != 5 or not kuan.code.startswith(lei.code):
                yield ctx.problem(kuan.loc("code"),
                                  f"款 code `{kuan.code}` of {kuan.name} does not fit its 类 {lei.code} {lei.name}",
                                  f"a 款 code has 5 digits and starts with its 类 code: {lei.code}xx")
            for item in kuan.items:
                if len(item.code) != 7 or not item.code.startswith(kuan.code):
                    yield ctx.problem(
                        item.loc("code"),
                        f"项 code `{item.code}` of {item.name} does not fit its 款 {kuan.code} {kuan.name}",
                        f"a 项 code has 7 digits and starts with its 款 code: {kuan.code}xx")


# --- totals against their parts ---------------------------------------------------------------

@rule("TOTAL-INCOME", ERROR, "本年收入合计 and 收入总计 are the sums of their parts")
def total_income(ctx: Context):
    i = ctx.data.income
    parts = [("一般公共预算财政拨款收入", i.general_budget), ("政府性基金预算财政拨款收入", i.government_fund),
             ("国有资本经营预算财政拨款收入", i.state_capital), ("上级补助收入", i.superior_subsidy),
             ("事业收入", i.business), ("经营收入", i.operating), ("附属单位上缴收入", i.affiliated),
             ("其他收入", i.other)]
    yield from ctx.stated_total(i, "stated_total", "本年收入合计", i.stated_total, parts)
    this_year = stated_or(i.stated_total, [v for _, v in parts])
    yield from ctx.stated_total(i, "grand_total", "收入总计", i.grand_total, [
        ("本年收入合计", this_year), ("使用非财政拨款结余", i.non_fiscal_balance_used),
        ("年初结转和结余", i.carryover_start)])


@rule("TOTAL-EXPENDITURE", ERROR, "本年支出合计 and 支出总计 are the sums of their parts")
def total_expenditure(ctx: Context):
    e = ctx.data.expenditure
    parts = [("基本支出", e.basic), ("项目支出", e.project), ("上缴上级支出", e.to_superior),
             ("经营支出", e.operating), ("对附属单位补助支出", e.to_affiliated)]
    yield from ctx.stated_total(e, "stated_total", "本年支出合计", e.stated_total, parts)
    this_year = stated_or(e.stated_total, [v for _, v in parts])
    yield from ctx.stated_total(e, "grand_total", "支出总计", e.grand_total, [
        ("本年支出合计", this_year), ("结余分配", e.balance_distribution), ("年末结转和结余", e.carryover_end)])


def _grand_totals(data: Disclosure) -> tuple[Decimal, Decimal]:
    i, e = data.income, data.expenditure
    inc = stated_or(i.grand_total, [stated_or(i.stated_total, [
        i.general_budget, i.government_fund, i.state_capital, i.superior_subsidy, i.business, i.operating,
        i.affiliated, i.other]), i.non_fiscal_balance_used, i.carryover_start])
    exp = stated_or(e.grand_total, [stated_or(e.stated_total, [
        e.basic, e.project, e.to_superior, e.operating, e.to_affiliated]), e.balance_distribution,
        e.carryover_end])
    return inc, exp


@rule("BALANCE", ERROR, "收入总计 equals 支出总计")
def balance(ctx: Context):
    inc, exp = _grand_totals(ctx.data)
    if inc != exp:
        yield ctx.problem(ctx.data.expenditure.loc("grand_total"),
                          f"收入总计 {fmt(inc)} and 支出总计 {fmt(exp)} differ by {fmt(abs(inc - exp))}",
                          "收入总计 and 支出总计 are equal in every 决算: check the 结转和结余 and the totals",
                          related=[ctx.data.income.loc("grand_total")])


@rule("FISCAL-BALANCE", ERROR, "年初财政拨款结转和结余 + 本年财政拨款收入 = 年末结转和结余 + 本年财政拨款支出")
def fiscal_balance(ctx: Context):
    d = ctx.data
    income = d.income.general_budget + d.income.government_fund + d.income.state_capital
    spending = total(item.current for lei in d.general_budget.functions for kuan in lei.items
                     for item in kuan.items)
    spending += sum((f.expenditure for f in (d.government_fund, d.state_capital) if f is not None), ZERO)
    left = d.fiscal.carryover_start + income
    right = d.fiscal.carryover_end + spending
    if left != right:
        yield ctx.problem(
            d.fiscal.loc(),
            f"财政拨款 does not balance: 年初结转和结余 {fmt(d.fiscal.carryover_start)} + 本年财政拨款收入 "
            f"{fmt(income)} = {fmt(left)}, but 年末结转和结余 {fmt(d.fiscal.carryover_end)} + 本年财政拨款支出 "
            f"{fmt(spending)} = {fmt(right)}",
            "check the 财政拨款 income (income.general_budget…), the 项 of general_budget and the 结转",
            related=[d.income.loc("general_budget")])


@rule("GB-PRIOR", ERROR, "a stated 上年 or 年初预算 total of 一般公共预算财政拨款支出 matches its 项")
def gb_prior(ctx: Context):
    g = ctx.data.general_budget
    items = [item for lei in g.functions for kuan in lei.items for item in kuan.items]
    yield from ctx.stated_total(g, "prior", "一般公共预算财政拨款支出上年决算数", g.prior,
                                [(f"{i.name}({i.code})", i.prior) for i in items])
    yield from ctx.stated_total(g, "budget", "一般公共预算财政拨款支出年初预算数", g.budget,
                                [(f"{i.name}({i.code})", i.budget) for i in items])


@rule("THREE-PUBLIC-TOTAL", ERROR, "“三公”经费 = 因公出国（境）费 + 公务用车 + 公务接待费, 公务用车 = 购置 + 运行维护")
def three_public_total(ctx: Context):
    t = ctx.data.three_public
    v = t.vehicles
    yield from ctx.stated_total(v, "prior", "公务用车购置及运行维护费上年数", v.prior,
                                [("购置费", v.purchase.prior), ("运行维护费", v.operation.prior)])
    yield from ctx.stated_total(v, "budget", "公务用车购置及运行维护费预算数", v.budget,
                                [("购置费", v.purchase.budget), ("运行维护费", v.operation.budget)])
    veh_current = v.purchase.current + v.operation.current
    veh_prior = stated_or(v.prior, [v.purchase.prior, v.operation.prior])
    veh_budget = stated_or(v.budget, [v.purchase.budget, v.operation.budget])
    for key, what, parts in (
            ("stated_current", "“三公”经费决算数", [t.abroad.current, veh_current, t.reception.current]),
            ("stated_prior", "“三公”经费上年决算数", [t.abroad.prior, veh_prior, t.reception.prior]),
            ("stated_budget", "“三公”经费预算数", [t.abroad.budget, veh_budget, t.reception.budget])):
        named = list(zip(("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"), parts))
        yield from ctx.stated_total(t, key, what, getattr(t, key), named)


# --- performance self-evaluation ------------------------------------------------------------------

@rule("PERF-RULE", ERROR, "every 赋分规则 of a 项目支出绩效自评表 is one the style knows")
def perf_rule(ctx: Context):
    rules = ctx.style.settings.scoring.rules
    for p in ctx.data.performance.projects:
        for i in p.indicators:
            if i.rule not in rules:
                yield ctx.problem(i.loc("rule"), f"{p.name} / {i.name}: 赋分规则 `{i.rule}` is not known to "
                                  f"style {ctx.style.name}",
                                  f"use one of: {'、'.join(rules)} — or add it under scoring.rules in a "
                                  f"style.yaml of your --templates folder")


@rule("PERF-SCORE", ERROR, "完成率 and 指标得分 recomputed with the 赋分规则; a stated figure that differs is an error")
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


@rule("PERF-TOTAL", ERROR, "总分 of a project form is the funds score plus the indicator scores")
def perf_total(ctx: Context):
    from .derive import evaluate_project
    for p in ctx.data.performance.projects:
        if p.total_score is None:
            continue
        v = evaluate_project(p, ctx.style, ctx.style.settings.zero)
        if v.total_score is not None and quantize(p.total_score) != v.total_score:
            yield ctx.problem(p.loc("total_score"), f"项目支出绩效自评表 {p.name}: 总分 is stated as "
                              f"{fmt(p.total_score)} but the scores add up to {fmt(v.total_score)}",
                              "correct the stated 总分, or remove it: it is computed")


@rule("UNIT-SCORE-RANGE", ERROR, "every 单位整体 indicator's 得分 lies between 0 and its 分值权重")
def unit_score_range(ctx: Context):
    u = ctx.data.performance.unit
    if u is None:
        return
    for i in u.indicators:
        if not (ZERO <= i.score <= i.weight):
            yield ctx.problem(i.loc("score"), f"单位整体支出绩效自评表 / {i.name}: 得分 {fmt(i.score)} is "
                              f"outside 0…{fmt(i.weight)}", "a score lies between 0 and the indicator's 分值权重")


@rule("PERF-WEIGHTS", WARNING, "the weights of a self-evaluation form add up to 100")
def perf_weights(ctx: Context):
    p = ctx.data.performance
    forms = [("单位整体支出绩效自评表", p.unit)] if p.unit else []
    forms += [(f"项目支出绩效自评表 {pr.name}", pr) for pr in p.projects]
    for what, form in forms:
        weights = form.funds_weight + total(i.weight for i in form.indicators)
        if weights != HUNDRED:
            yield ctx.problem(form.loc("indicators"), f"{what}: the funds weight and the indicator weights add "
                              f"up to {fmt(weights)}, not 100", "check each 权重")
