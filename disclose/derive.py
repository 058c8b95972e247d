"""Every computed figure of the disclosure, from the checked data file.

`derive()` turns the model into a view: plain objects holding `Decimal` figures,
`Change`s (current against a base) and shares, ready for the templates.  Derivation
never formats (that is the templates' filters) and the templates never compute (that
is here).  Where the file states a total that can be computed, the stated one is used:
`check.py` has already made sure it agrees with its parts within the tolerance.

A text that a sentence needs but the file lacks (a 主要原因, say) becomes a `Missing`
marker carrying the line to fix; rendering reports every such marker at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Iterable

from . import scoring
from .errors import Location
from .model import (EXPENDITURE_KINDS, INCOME_SOURCES, CostFigures, Disclosure, GeneralBudget, Indicator, ProjectEvaluation,
                    Record, SpecialFund, UnitEvaluation)
from .numbers import ZERO, Change, ZeroBase, ratio, total
from .style import Style


class View(SimpleNamespace):
    """A node of the view tree; templates read its attributes."""


@dataclass(frozen=True)
class Missing:
    """A text the document needs and the data file does not give."""

    loc: Location
    field: str
    what: str
    given: bool = False          # the key is there but empty

    def __str__(self) -> str:  # what --force prints in its place
        return f"【待补充：{self.what}】"

    def __getattr__(self, name: str) -> "Missing":
        # `gb.budget_change.rate` of a missing budget is missing too, with the same line
        if name.startswith("__"):
            raise AttributeError(name)
        return self


def need(record: Record, name: str, what: str):
    value = getattr(record, name)
    if value is None or value == "":
        return Missing(record.loc(name), name, what, record.given(name))
    return value


def stated_or(stated: Decimal | None, parts: Iterable[Decimal | None]) -> Decimal | None:
    """The stated total if the file gives one, else the sum of the parts (None if a part is)."""
    if stated is not None:
        return stated
    parts = list(parts)
    if any(p is None for p in parts):
        return None
    return total(parts)


def derive(data: Disclosure, style: Style) -> View:
    zero = style.settings.zero
    v = View(unit=data.unit, year=data.year, prior_year=data.year - 1, amount_unit=data.amount_unit)
    v.overview = _overview(data)
    v.income = _income(data, zero)
    v.expenditure = _expenditure(data, zero)
    v.overall = View(
        income_total=v.income.grand_total, expenditure_total=v.expenditure.grand_total,
        change=Change(v.income.grand_total, data.overall.prior_total, zero),
        reason=need(data.overall, "reason", "收入支出总体的变动原因"))
    v.general_budget = _general_budget(data.general_budget, v.expenditure.total, zero)
    v.government_fund = _special_fund(data.government_fund, zero)
    v.state_capital = _special_fund(data.state_capital, zero)
    v.fiscal = _fiscal(data, v, zero)
    v.basic = _basic(data, zero)
    v.assets = _assets(data)
    v.three_public = _three_public(data, v.assets, zero)
    oc = data.operating_costs
    v.operating_costs = View(current=oc.current, prior=oc.prior, change=Change(oc.current, oc.prior, zero),
                             reason=need(oc, "reason", "机关运行经费的变动原因"))
    v.procurement = _procurement(data, zero)
    v.performance = _performance(data, style, zero)
    v.other_matters = data.other_matters
    v.annex = data.annex
    from .tables import derive_tables
    v.tables = derive_tables(data, v)
    return v


# --- 第一部分 ---------------------------------------------------------------------------

def _overview(data: Disclosure) -> View:
    o = data.overview
    if o.staff is None:
        staff = Missing(o.loc("staff"), "staff", "人员情况（在职、离休、退休人数）")
    else:
        staff = View()
        for name in ("active", "retired_cadres", "retired"):
            h = getattr(o.staff, name)
            setattr(staff, name, View(current=h.current, change=Change(Decimal(h.current), Decimal(h.prior))))
        staff.total = o.staff.active.current + o.staff.retired_cadres.current + o.staff.retired.current
    return View(duties=o.duties, duties_note=o.duties_note, staff=staff,
                subordinate_units=o.subordinate_units, subordinate_count=len(o.subordinate_units),
                unit_count=len(o.subordinate_units) + 1,
                departments=o.departments, department_count=len(o.departments))


# --- 一 to 五 ---------------------------------------------------------------------------

def _shares(parts: dict[str, Decimal], whole: Decimal, zero: ZeroBase) -> View:
    return View(**{k: View(amount=a, share=ratio(a, whole, zero)) for k, a in parts.items()})


def income_parts(i) -> dict[str, Decimal]:
    return {k: getattr(i, k) for k in INCOME_SOURCES}


def expenditure_parts(e) -> dict[str, Decimal]:
    return {k: getattr(e, k) for k in EXPENDITURE_KINDS}


def income_totals(i) -> tuple[Decimal, Decimal]:
    """本年收入合计 and 收入总计: as stated where the file states them, else summed."""
    this_year = stated_or(i.stated_total, income_parts(i).values())
    return this_year, stated_or(i.grand_total, [this_year, i.non_fiscal_balance_used, i.carryover_start])


def expenditure_totals(e) -> tuple[Decimal, Decimal]:
    """本年支出合计 and 支出总计, likewise."""
    this_year = stated_or(e.stated_total, expenditure_parts(e).values())
    return this_year, stated_or(e.grand_total, [this_year, e.balance_distribution, e.carryover_end])


def _income(data: Disclosure, zero: ZeroBase) -> View:
    i = data.income
    parts = income_parts(i)
    this_year, grand_total = income_totals(i)
    fiscal = i.general_budget + i.government_fund + i.state_capital
    v = _shares(parts, this_year, zero)
    v.fiscal = View(amount=fiscal, share=ratio(fiscal, this_year, zero))
    v.total = this_year
    v.balance_used = i.non_fiscal_balance_used
    v.carryover_start = i.carryover_start
    v.grand_total = grand_total
    return v


def _expenditure(data: Disclosure, zero: ZeroBase) -> View:
    e = data.expenditure
    parts = expenditure_parts(e)
    this_year, grand_total = expenditure_totals(e)
    v = _shares(parts, this_year, zero)
    v.total = this_year
    v.balance_distribution = e.balance_distribution
    v.carryover_end = e.carryover_end
    v.grand_total = grand_total
    return v


def _general_budget(g: GeneralBudget, expenditure_total: Decimal, zero: ZeroBase) -> View:
    items, classes = [], []
    for lei in g.functions:
        lei_current = ZERO
        for kuan in lei.items:
            for item in kuan.items:
                lei_current += item.current
                if item.current == 0 and not item.prior and not item.budget:
                    continue        # a 项 of other money only: in the tables, not in 五
                missing_prior = Missing(item.loc("prior"), "prior", f"{item.name}（{item.code}）的上年决算数",
                                        item.given("prior"))
                items.append(View(
                    code=item.code, lei=lei.name, kuan=kuan.name, name=item.name,
                    current=item.current, prior=item.prior if item.prior is not None else missing_prior,
                    budget=need(item, "budget", f"{item.name}（{item.code}）的年初预算数"),
                    change=Change(item.current, item.prior, zero) if item.prior is not None else missing_prior,
                    budget_change=Change(item.current, item.budget, zero) if item.budget is not None else
                    need(item, "budget", f"{item.name}（{item.code}）的年初预算数"),
                    reason=need(item, "reason", f"{item.name}（{item.code}）的变动原因"),
                    budget_reason=need(item, "budget_reason", f"{item.name}（{item.code}）的预决算差异原因")))
        classes.append(View(code=lei.code, name=lei.name,
                            current=lei.current if lei.current is not None else lei_current))
    entered = [item for lei in g.functions for kuan in lei.items for item in kuan.items]
    current = total(i.current for i in entered)
    prior = stated_or(g.prior, (i.prior for i in entered))
    budget = stated_or(g.budget, (i.budget for i in entered))
    if budget is None:
        budget = Missing(g.loc("budget"), "budget", "一般公共预算财政拨款支出的年初预算数")
    for c in classes:
        c.share = ratio(c.current, current, zero)
    return View(
        current=current, share=ratio(current, expenditure_total, zero), prior=prior, budget=budget,
        change=Change(current, prior, zero),
        budget_change=budget if isinstance(budget, Missing) else Change(current, budget, zero),
        reason=need(g, "reason", "一般公共预算财政拨款支出的变动原因"),
        budget_reason=need(g, "budget_reason", "一般公共预算财政拨款支出的预决算差异原因"),
        classes=classes, classes_with_spending=[c for c in classes if c.current != 0],
        items=items)


def _special_fund(f: SpecialFund | None, zero: ZeroBase) -> View | None:
    if f is None:
        return None
    return View(carryover_start=f.carryover_start, income=f.income, expenditure=f.expenditure,
                carryover_end=f.carryover_end, prior=f.prior,
                change=Change(f.expenditure, f.prior, zero), reason=need(f, "reason", "变动原因"))


def _fiscal(data: Disclosure, v: View, zero: ZeroBase) -> View:
    f = data.fiscal
    income = v.income.fiscal.amount
    spending = v.general_budget.current + sum(
        (s.expenditure for s in (v.government_fund, v.state_capital) if s is not None), ZERO)
    total_in = f.carryover_start + income
    return View(
        carryover_start=f.carryover_start, income=income, total_in=total_in,
        carryover_end=f.carryover_end, spending=spending, total_out=f.carryover_end + spending,
        prior_total=f.prior_total, change=Change(total_in, f.prior_total, zero),
        reason=need(f, "reason", "财政拨款收入支出的变动原因"),
        budget=f.budget, budget_change=Change(spending, f.budget, zero),
        budget_reason=need(f, "budget_reason", "财政拨款预决算差异原因"))


def _basic(data: Disclosure, zero: ZeroBase) -> View:
    """基本支出: from the economic classification when the file gives it, else as entered."""
    from . import classification

    b = data.basic
    entries = classification.economic()
    amounts = {code: a for code, a in b.economic.items()}
    if amounts:
        group = {code: entries[code].group for code in amounts if code in entries}
        personnel = total(a for c, a in amounts.items() if group.get(c) == "人员经费")
        public = total(a for c, a in amounts.items() if group.get(c) == "公用经费")
        personnel_items = [entries[c].name for c in entries if c in amounts and amounts[c] and group[c] == "人员经费"]
        public_items = [entries[c].name for c in entries if c in amounts and amounts[c] and group[c] == "公用经费"]
    else:
        personnel, public = b.personnel, b.public
        personnel_items, public_items = b.personnel_items, b.public_items
    personnel = b.personnel if b.personnel is not None else personnel
    public = b.public if b.public is not None else public
    classes = []
    for code, e in entries.items():
        if e.level != "class":
            continue
        current = total(a for c, a in amounts.items() if c.startswith(code))
        entered = b.classes.get(code)
        budget = entered.budget if entered else None
        prior = entered.prior if entered else None
        where = entered if entered is not None else b
        what = f"{e.name}（{code}）"
        classes.append(View(
            code=code, name=e.name, current=current,
            budget=budget if budget is not None else Missing(where.loc("budget"), "budget", f"{what}的年初预算数"),
            prior=prior if prior is not None else Missing(where.loc("prior"), "prior", f"{what}的上年决算数"),
            budget_change=Change(current, budget, zero) if budget is not None else
            Missing(where.loc("budget"), "budget", f"{what}的年初预算数"),
            change=Change(current, prior, zero) if prior is not None else
            Missing(where.loc("prior"), "prior", f"{what}的上年决算数"),
            budget_reason=need(entered, "budget_reason", f"{what}与年初预算的差异原因") if entered else
            Missing(b.loc("classes"), "classes", f"{what}的预算与上年数和原因"),
            reason=need(entered, "reason", f"{what}的变动原因") if entered else
            Missing(b.loc("classes"), "classes", f"{what}的预算与上年数和原因")))
    missing_total = Missing(b.loc(), "personnel", "人员经费和公用经费")
    return View(
        total=stated_or(b.stated_total, [personnel, public]) if personnel is not None and public is not None
        else (b.stated_total if b.stated_total is not None else missing_total),
        personnel=personnel if personnel is not None else missing_total,
        public=public if public is not None else missing_total,
        personnel_items=personnel_items or Missing(b.loc(), "personnel_items", "人员经费包括的经济科目"),
        public_items=public_items or Missing(b.loc(), "public_items", "公用经费包括的经济科目"),
        economic=amounts, classes=sorted(classes, key=lambda c: c.code))


# --- 九 and 十 ----------------------------------------------------------------------------

def _cost(c: CostFigures, current: Decimal, whole: Decimal, zero: ZeroBase, what: str,
          prior: Decimal | None = None, budget: Decimal | None = None) -> View:
    prior = c.prior if prior is None else prior
    budget = c.budget if budget is None else budget
    missing_prior = Missing(c.loc("prior"), "prior", f"{what}的上年决算数", c.given("prior"))
    missing_budget = Missing(c.loc("budget"), "budget", f"{what}的预算数", c.given("budget"))
    return View(
        current=current, prior=missing_prior if prior is None else prior,
        budget=missing_budget if budget is None else budget, share=ratio(current, whole, zero),
        change=Change(current, prior, zero) if prior is not None else missing_prior,
        budget_change=Change(current, budget, zero) if budget is not None else missing_budget,
        reason=need(c, "reason", f"{what}的变动原因"),
        budget_reason=need(c, "budget_reason", f"{what}的预决算差异原因"),
        content=need(c, "content", f"{what}的开支内容"))


def _three_public(data: Disclosure, assets: View, zero: ZeroBase) -> View:
    t = data.three_public
    veh = t.vehicles
    veh_current = veh.purchase.current + veh.operation.current
    veh_prior = stated_or(veh.prior, [veh.purchase.prior, veh.operation.prior])
    veh_budget = stated_or(veh.budget, [veh.purchase.budget, veh.operation.budget])
    current = stated_or(t.stated_current, [t.abroad.current, veh_current, t.reception.current])
    prior = stated_or(t.stated_prior, [t.abroad.prior, veh_prior, t.reception.prior])
    budget = stated_or(t.stated_budget, [t.abroad.budget, veh_budget, t.reception.budget])
    abroad = _cost(t.abroad, t.abroad.current, current, zero, "因公出国（境）费")
    abroad.groups, abroad.people = t.abroad.groups, t.abroad.people
    vehicles = _cost(veh, veh_current, current, zero, "公务用车购置及运行维护费", veh_prior, veh_budget)
    vehicles.purchase = _cost(veh.purchase, veh.purchase.current, veh_current, zero, "公务用车购置费")
    vehicles.operation = _cost(veh.operation, veh.operation.current, veh_current, zero, "公务用车运行维护费")
    vehicles.purchased, vehicles.fleet = veh.purchased, veh.fleet
    vehicles.fixed_assets = assets.vehicle_count
    vehicles.fleet_difference_reason = need(veh, "fleet_difference_reason",
                                            "公务用车保有量与固定资产车辆的差异原因")
    reception = _cost(t.reception, t.reception.current, current, zero, "公务接待费")
    reception.batches, reception.people = t.reception.batches, t.reception.people
    fr = t.reception.foreign
    reception.foreign = View(current=fr.current, batches=fr.batches, people=fr.people,
                             content=need(fr, "content", "国（境）外接待费的用途")) if fr else View(
        current=ZERO, batches=0, people=0, content=Missing(t.reception.loc("foreign"), "foreign", "国（境）外公务接待"))
    reception.domestic = t.reception.current - (fr.current if fr else ZERO)
    missing_prior = Missing(t.loc("stated_prior"), "stated_prior", "“三公”经费的上年决算数")
    missing_budget = Missing(t.loc("stated_budget"), "stated_budget", "“三公”经费的预算数")
    return View(
        current=current, prior=missing_prior if prior is None else prior,
        budget=missing_budget if budget is None else budget,
        change=Change(current, prior, zero) if prior is not None else missing_prior,
        budget_change=Change(current, budget, zero) if budget is not None else missing_budget,
        reason=need(t, "reason", "“三公”经费的变动原因"),
        budget_reason=need(t, "budget_reason", "“三公”经费的预决算差异原因"),
        abroad=abroad, vehicles=vehicles, reception=reception)


def _procurement(data: Disclosure, zero: ZeroBase) -> View:
    p = data.procurement
    whole = stated_or(p.stated_total, [p.goods, p.works, p.services])
    return View(goods=p.goods, works=p.works, services=p.services, total=whole,
                sme=p.sme, sme_share=ratio(p.sme, whole, zero),
                small_micro=p.small_micro, small_micro_share=ratio(p.small_micro, whole, zero))


VEHICLE_KINDS = ("leaders", "principal", "confidential", "emergency", "law_enforcement",
                 "special", "retiree_service", "other", "cadre", "general")


def _assets(data: Disclosure) -> View:
    a = data.assets
    counts = View(**{k: getattr(a.vehicles, k) for k in VEHICLE_KINDS})
    return View(year_end=View(year=data.year, month=12, day=31),
                building_area=a.building_area, building_value=a.building_value,
                vehicle_count=sum(getattr(a.vehicles, k) for k in VEHICLE_KINDS),
                vehicle_value=a.vehicle_value, vehicles=counts,
                other_vehicles_are=need(a, "other_vehicles_are", "其他用车的用途")
                if a.vehicles.other else a.other_vehicles_are,
                large_equipment=a.large_equipment, general_equipment=a.general_equipment,
                special_equipment=a.special_equipment)


# --- 十一 预算绩效 -------------------------------------------------------------------------

def _performance(data: Disclosure, style: Style, zero: ZeroBase) -> View:
    p = data.performance
    unit = _unit_evaluation(p.unit, data.unit, style, zero) if p.unit else None
    projects = [evaluate_project(pr, style, zero) for pr in p.projects]
    summary = (View(achievements=p.summary.achievements, problems=p.summary.problems,
                    measures=p.summary.measures) if p.summary else
               Missing(p.loc("summary"), "summary", "预算绩效管理的成效、问题和改进措施"))
    se = p.self_evaluation
    return View(
        summary=summary,
        self_evaluation=se if se is not None else Missing(p.loc("self_evaluation"), "self_evaluation",
                                                          "绩效自评的范围（一级项目数、资金、覆盖率）"),
        results=p.results,
        unit=unit, unit_count=1 if unit else 0,
        projects=projects, project_count=len(projects),
        project_budget=stated_or(p.stated_projects_budget, (pr.funds.total.full_year_budget for pr in projects)),
        project_executed=stated_or(p.stated_projects_executed, (pr.funds.total.executed for pr in projects)))


def _funds_row(label: str, initial, full_year, executed, zero: ZeroBase) -> View:
    return View(label=label, initial_budget=initial, full_year_budget=full_year, executed=executed,
                execution=ratio(executed, full_year, zero))


def _total_row(label: str, stated, rows: list[View], zero: ZeroBase) -> View:
    """The funds total of a form: as printed where the file states it (checked), else the sum."""
    columns = ("initial_budget", "full_year_budget", "executed")
    values = [stated_or(getattr(stated, c) if stated is not None else None, (getattr(r, c) for r in rows))
              for c in columns]
    return _funds_row(label, *values, zero)


def _flag_groups(rows: list[View]) -> None:
    """Mark where a run of equal 一级/二级指标 starts: the forms merge those cells."""
    for i, r in enumerate(rows):
        prev = rows[i - 1] if i else None
        r.level1_starts = prev is None or prev.level1 != r.level1
        r.level2_starts = r.level1_starts or prev.level2 != r.level2


def _unit_evaluation(u: UnitEvaluation, unit_name: str, style: Style, zero: ZeroBase) -> View:
    rows = [_funds_row(f.source, f.initial_budget, f.full_year_budget, f.executed, zero) for f in u.funds]
    t = _total_row("合计", u.stated_total, rows, zero)
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
    fiscal = _funds_row("其中：当年财政拨款", f.fiscal.initial_budget, f.fiscal.full_year_budget,
                        f.fiscal.executed, zero)
    other = _funds_row("其他资金", f.other.initial_budget, f.other.full_year_budget, f.other.executed, zero)
    whole = _total_row("年度资金总额", p.stated_total, [fiscal, other], zero)
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
