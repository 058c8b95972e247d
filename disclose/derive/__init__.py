"""Every computed figure of the disclosure, from the checked data file.

`derive()` turns the model into a view: plain objects holding `Decimal` figures,
`Change`s (current against a base) and shares, ready for the templates.  Derivation
never formats (that is the templates' filters) and the templates never compute (that
is here).  Where the file states a total that can be computed, the stated one is used:
`check` has already made sure it agrees with its parts within the tolerance.

A text that a sentence needs but the file lacks (a 主要原因, say) becomes a `Missing`
marker carrying the line to fix; rendering reports every such marker at once.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from .. import accounts, classification
from ..accounts import stated_or
from ..errors import Problem
from ..model import (CostFigures, Disclosure, Headcount, SpecialFund, Staff)
from ..numbers import ZERO, Change, ZeroBase, ratio
from ..style import Style
from .glossary import glossary
from .performance import performance
from .tables import derive_tables
from ..view import CHANGE_FIELDS, Missing, View, attrs_of, need


def derive(data: Disclosure, style: Style, check_errors: Iterable[Problem] = ()) -> View:
    """The whole view the templates receive (`disclose variables` prints it); `check_errors`
    are the errors `build --force` prints on the title page."""
    zero = style.settings.zero
    v = View(unit=data.unit, year=data.year, prior_year=data.year - 1, amount_unit=data.amount_unit)
    v.overview = _overview(data)
    v.income = _income(data, zero)
    v.expenditure = _expenditure(data, zero)
    v.overall = View(
        income_total=v.income.grand_total, expenditure_total=v.expenditure.grand_total,
        change=Change(v.income.grand_total, data.overall.prior_total, zero),
        reason=need(data.overall, "reason", "收入支出总体的变动原因"))
    v.general_budget = _general_budget(data, v.expenditure.total, zero)
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
    v.performance = performance(data, style, zero)
    v.other_matters = data.other_matters
    v.annex = data.annex
    v.tables = derive_tables(data, v)
    v.glossary = glossary(data, style)
    v.check_errors = [p.format() for p in check_errors]
    return v


# --- 第一部分 ---------------------------------------------------------------------------

def _overview(data: Disclosure) -> View:
    o = data.overview
    if o.staff is None:
        staff = Missing(o.loc("staff"), "staff", "人员情况（在职、离休、退休人数）",
                        attrs=attrs_of(Staff, Headcount) | CHANGE_FIELDS | {"total", "change"})
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


def _income(data: Disclosure, zero: ZeroBase) -> View:
    i = data.income
    parts = accounts.income_parts(i)
    this_year, grand_total = accounts.income_totals(i)
    fiscal = accounts.fiscal_income(i)
    v = _shares(parts, this_year, zero)
    v.fiscal = View(amount=fiscal, share=ratio(fiscal, this_year, zero))
    v.total = this_year
    v.balance_used = i.non_fiscal_balance_used
    v.carryover_start = i.carryover_start
    v.grand_total = grand_total
    return v


def _expenditure(data: Disclosure, zero: ZeroBase) -> View:
    e = data.expenditure
    parts = accounts.expenditure_parts(e)
    this_year, grand_total = accounts.expenditure_totals(e)
    v = _shares(parts, this_year, zero)
    v.total = this_year
    v.balance_distribution = e.balance_distribution
    v.carryover_end = e.carryover_end
    v.grand_total = grand_total
    return v


def _general_budget(data: Disclosure, expenditure_total: Decimal, zero: ZeroBase) -> View:
    g = data.general_budget
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
    entered = accounts.items(data)
    current = accounts.general_budget_spending(data)
    prior = accounts.general_budget_prior(data)
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
                has_spending=f.expenditure != 0, carryover_end=f.carryover_end, prior=f.prior,
                change=Change(f.expenditure, f.prior, zero), reason=need(f, "reason", "变动原因"))


def _fiscal(data: Disclosure, v: View, zero: ZeroBase) -> View:
    f = data.fiscal
    spending = accounts.fiscal_spending(data)
    total_in = accounts.fiscal_total_in(data)
    return View(
        carryover_start=f.carryover_start, income=accounts.fiscal_income(data.income), total_in=total_in,
        carryover_end=f.carryover_end, spending=spending, total_out=accounts.fiscal_total_out(data),
        prior_total=f.prior_total, change=Change(total_in, f.prior_total, zero),
        reason=need(f, "reason", "财政拨款收入支出的变动原因"),
        budget=f.budget, budget_change=Change(spending, f.budget, zero),
        budget_reason=need(f, "budget_reason", "财政拨款预决算差异原因"))


def _basic(data: Disclosure, zero: ZeroBase) -> View:
    """基本支出: from the economic classification when the file gives it, else as entered."""
    b = data.basic
    entries = classification.economic()
    amounts = {code: a for code, a in b.economic.items()}
    if amounts:
        personnel_items = [e.name for c, e in entries.items() if amounts.get(c) and e.group == "人员经费"]
        public_items = [e.name for c, e in entries.items() if amounts.get(c) and e.group == "公用经费"]
    else:
        personnel_items, public_items = b.personnel_items, b.public_items
    personnel, public = accounts.personnel_and_public(b)
    classes = []
    for code, e in entries.items():
        if e.level != "class":
            continue
        current = accounts.economic_class(amounts, code)
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
    basic_total = accounts.basic_total(b)
    return View(
        total=basic_total if basic_total is not None else missing_total,
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
    veh_current, veh_prior, veh_budget = (accounts.vehicles_column(t, c) for c in accounts.THREE_PUBLIC_COLUMNS)
    current, prior, budget = (accounts.three_public_column(t, c) for c in accounts.THREE_PUBLIC_COLUMNS)
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
    whole = accounts.procurement_total(p)
    return View(goods=p.goods, works=p.works, services=p.services, total=whole,
                sme=p.sme, sme_share=ratio(p.sme, whole, zero),
                small_micro=p.small_micro, small_micro_share=ratio(p.small_micro, whole, zero))


def _assets(data: Disclosure) -> View:
    a = data.assets
    counts = View(**{k: getattr(a.vehicles, k) for k in accounts.VEHICLE_KINDS})
    return View(year_end=View(year=data.year, month=12, day=31),
                building_area=a.building_area, building_value=a.building_value,
                vehicle_count=accounts.vehicle_count(a.vehicles),
                vehicle_value=a.vehicle_value, vehicles=counts,
                other_vehicles_are=need(a, "other_vehicles_are", "其他用车的用途")
                if a.vehicles.other else a.other_vehicles_are,
                large_equipment=a.large_equipment, general_equipment=a.general_equipment,
                special_equipment=a.special_equipment)
