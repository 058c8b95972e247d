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
from ..errors import Problem
from ..ledger import ledger
from ..model import Disclosure, Headcount, SpecialFund, Staff
from ..numbers import ZERO, Change, ZeroBase, ratio
from ..style import Style
from .glossary import glossary
from .lines import lines, missing_line
from .performance import performance
from .tables import derive_tables
from ..view import CHANGE_FIELDS, Deferred, Line, Missing, View, absent, attrs_of, need


def derive(data: Disclosure, style: Style, check_errors: Iterable[Problem] = ()) -> View:
    """The whole view the templates receive (`disclose variables` prints it); `check_errors`
    are the errors `build --force` prints on the title page."""
    zero = style.settings.zero
    book = ledger(data)
    line = lines(book, zero, lambda record: absent(data, record))

    def part(record: str, compute):
        """The view of a record, or — when the file leaves it (or a record it reads) out — the marker
        naming the record to add: a template that prints it reports NEEDED, and nothing is read as 0."""
        lacking = record if getattr(data, record) is None else book.lacks(record)
        return absent(data, lacking) if lacking else compute()

    v = View(unit=data.unit, year=data.year, prior_year=data.year - 1, amount_unit=data.amount_unit)
    v.overview = part("overview", lambda: _overview(data))
    v.income = part("income", lambda: _income(data, line, book))
    v.expenditure = part("expenditure", lambda: _record(line, "expenditure"))
    v.overall = part("overall", lambda: View(
        income_total=v.income.grand_total.current, expenditure_total=v.expenditure.grand_total.current,
        change=v.income.grand_total.change, reason=need(data.overall, "reason", "收入支出总体的变动原因")))
    v.general_budget = part("general_budget", lambda: _general_budget(data, line))
    v.government_fund = _special_fund(data.government_fund, line.get("government_fund.expenditure"))
    v.state_capital = _special_fund(data.state_capital, line.get("state_capital.expenditure"))
    v.fiscal = part("fiscal", lambda: _record(line, "fiscal"))
    v.basic = part("basic", lambda: _basic(data, line))
    v.assets = part("assets", lambda: _assets(data))
    v.three_public = part("three_public", lambda: _three_public(data, v.assets, line))
    v.operating_costs = part("operating_costs", lambda: line["operating_costs"])
    v.procurement = part("procurement", lambda: _procurement(data, line, zero))
    v.meetings = line.get("meetings") or missing_line(data.loc(), "meetings", "会议费")
    v.training = line.get("training") or missing_line(data.loc(), "training", "培训费")
    v.performance = part("performance", lambda: performance(data, style, zero))
    v.texts = View(**{key: data.texts[key] if data.texts.get(key) else
                      Missing(data.texts.locs[key] if key in data.texts and hasattr(data.texts, "locs") else
                              data.loc("texts"), key, what, key in data.texts)
                      for key, what in style.settings.texts.items()})
    v.other_matters = data.other_matters
    v.annex = data.annex
    v.tables = derive_tables(data, v)
    v.glossary = glossary(data, style)
    v.indicators = Deferred(lambda: _indicators(data, style, book))
    v.check_errors = [p.format() for p in check_errors]
    return v


def _indicators(data: Disclosure, style: Style, book) -> list[View]:
    from ..indicators import for_templates      # the indicator files are read only where a template prints them

    return for_templates(data, style, book)


def _record(line: dict[str, Line], prefix: str) -> View:
    """The lines of one record of the accounts (收入, 支出, 财政拨款, 政府采购), by key."""
    return View(**{path[len(prefix) + 1:]: v for path, v in line.items()
                   if path.startswith(prefix + ".") and "." not in path[len(prefix) + 1:]})


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
                short_name=need(o, "short_name", "单位简称（overview.short_name）", optional=True),
                level=need(o, "level", "单位性质（overview.level）", optional=True),
                subordinate_units=o.subordinate_units, subordinate_count=len(o.subordinate_units),
                unit_count=len(o.subordinate_units) + 1,
                departments=o.departments, department_count=len(o.departments))


# --- 一 to 五 ---------------------------------------------------------------------------

def _general_budget(data: Disclosure, line: dict[str, Line]) -> View:
    """一般公共预算财政拨款支出: the total, each 类 (`classes`), and the 项 a sentence explains
    (`items`: those with spending or with a 上年 or 年初预算), each a `Line` with its names."""
    g = data.general_budget
    top = line["general_budget"]
    items, classes = [], []
    for lei in g.functions:
        kuans = []
        classes.append(_named(line[f"general_budget.{lei.code}"], code=lei.code, name=lei.name, kuans=kuans,
                              usage=_usage(lei)))
        for kuan in lei.items:
            kuans.append(_named(line[f"general_budget.{kuan.code}"], code=kuan.code, name=kuan.name, usage=_usage(kuan),
                                items=[_named(line[f"general_budget.{i.code}"], code=i.code, name=i.name,
                                              usage=_usage(i)) for i in kuan.items]))
            for item in kuan.items:
                if item.current == 0 and not item.prior and not item.budget:
                    continue        # a 项 of other money only: in the tables, not in 五
                items.append(_named(line[f"general_budget.{item.code}"], lei=lei.name, kuan=kuan.name))
    top.classes = classes
    top.classes_with_spending = [c for c in classes if c.current != 0]
    top.items = items
    return top


def _usage(f) -> object:
    return need(f, "usage", f"{f.name}（{f.code}）的用途（主要用于）")


def _income(data: Disclosure, line: dict[str, Line], book) -> View:
    """本年收入's lines, each with its `definition` (what it is) where the file gives one."""
    v = _record(line, "income")
    defs = data.income.definitions
    for key, value in vars(v).items():
        value.definition = defs[key] if defs.get(key) else Missing(
            defs.locs[key] if key in defs and hasattr(defs, "locs") else data.income.loc("definitions"),
            "definitions", f"{book[f'income.{key}'].name}的定义", key in defs)
    return v


def _named(line: Line, **names) -> Line:
    for key, value in names.items():
        setattr(line, key, value)
    return line


def _special_fund(f: SpecialFund | None, spent: Line | None) -> View | None:
    if f is None:
        return None
    return View(carryover_start=f.carryover_start, income=f.income, expenditure=spent,
                has_spending=f.expenditure != 0, carryover_end=f.carryover_end)


def _basic(data: Disclosure, line: dict[str, Line]) -> View:
    """基本支出: from the economic classification when the file gives it, else as entered."""
    b = data.basic
    entries = classification.economic()
    amounts = {code: a for code, a in b.economic.items()}
    # the items a group includes: named by its economic codes, else as entered
    personnel_items = [e.name for c, e in entries.items() if amounts.get(c) and e.group == "人员经费"] \
        or b.personnel_items
    public_items = [e.name for c, e in entries.items() if amounts.get(c) and e.group == "公用经费"] or b.public_items
    classes = [_named(line[f"basic.{code}"], code=code, name=e.name)
               for code, e in sorted(entries.items()) if e.level == "class"]
    economic_lines = [_named(line[f"basic.{code}"], code=code, name=e.name)
                      for code, e in entries.items() if f"basic.{code}" in line and e.level == "item"]
    return View(
        total=line["basic.total"], personnel=line["basic.personnel"], public=line["basic.public"],
        personnel_items=personnel_items or Missing(b.loc(), "personnel_items", "人员经费包括的经济科目"),
        public_items=public_items or Missing(b.loc(), "public_items", "公用经费包括的经济科目"),
        economic=amounts, classes=classes, lines=economic_lines)


# --- 九 and 十 ----------------------------------------------------------------------------

def _three_public(data: Disclosure, assets: View, line: dict[str, Line]) -> View:
    t = data.three_public
    veh = t.vehicles
    three = line["three_public"]
    three.abroad = _named(line["three_public.abroad"], groups=t.abroad.groups, people=t.abroad.people,
                          joined_groups=t.abroad.joined_groups, joined_people=t.abroad.joined_people,
                          content=need(t.abroad, "content", "因公出国（境）费的开支内容"))
    vehicles = three.vehicles = line["three_public.vehicles"]
    vehicles.content = need(veh, "content", "公务用车购置及运行维护费的开支内容")
    for key, what in (("purchase", "公务用车购置费"), ("operation", "公务用车运行维护费")):
        setattr(vehicles, key, _named(line[f"three_public.vehicles.{key}"],
                                      content=need(getattr(veh, key), "content", f"{what}的开支内容")))
    vehicles.purchased, vehicles.fleet, vehicles.fleet_types = veh.purchased, veh.fleet, veh.fleet_types
    vehicles.fixed_assets = assets.vehicle_count
    vehicles.fleet_difference_reason = need(veh, "fleet_difference_reason",
                                            "公务用车保有量与固定资产车辆的差异原因")
    reception = three.reception = _named(line["three_public.reception"], batches=t.reception.batches,
                                         people=t.reception.people, items=t.reception.items,
                                         people_note=need(t.reception, "people_note", "公务接待人次的口径"),
                                         content=need(t.reception, "content", "公务接待费的开支内容"))
    fr = t.reception.foreign
    reception.foreign = View(current=fr.current, batches=fr.batches, people=fr.people, items=fr.items,
                             content=need(fr, "content", "国（境）外接待费的用途")) if fr else View(
        current=ZERO, batches=0, people=0, items=[], content=Missing(t.reception.loc("foreign"), "foreign", "国（境）外公务接待"))
    reception.domestic = t.reception.current - (fr.current if fr else ZERO)
    return three


def _procurement(data: Disclosure, line: dict[str, Line], zero: ZeroBase) -> View:
    p = data.procurement
    v = _record(line, "procurement")
    whole = v.total.current
    v.sme, v.sme_share = p.sme, ratio(p.sme, whole, zero)
    v.small_micro, v.small_micro_share = p.small_micro, ratio(p.small_micro, whole, zero)
    v.purposes = p.purposes or Missing(p.loc(), "purposes", "政府采购的用途（主要用于）")
    return v


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
