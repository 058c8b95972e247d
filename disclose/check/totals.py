"""Rules of the totals: every stated 合计 and 总计 against its parts, the balances, the
“三公”, 政府采购 and 国有资产 sums."""
from __future__ import annotations

from .. import accounts
from ..accounts import grand_totals, items, stated_or
from ..errors import ERROR
from ..model import EXPENDITURE_KINDS, INCOME_SOURCES
from ..schema import Unfilled, model_fields
from ..numbers import total
from .rules import Context, Part, fmt, rule


# --- totals against their parts --------------------------------------------------------------------

def _named_parts(record, keys: tuple[str, ...]) -> list[Part]:
    """(name, figure, line) of the given fields; the name is the field's doc (其他收入…)."""
    docs = {f.name: f.metadata["doc"] for f in model_fields(type(record))}
    return [(docs[k], getattr(record, k), record.loc(k)) for k in keys]


def income_lines(i) -> list[Part]:
    return _named_parts(i, INCOME_SOURCES)


def expenditure_lines(e) -> list[Part]:
    return _named_parts(e, EXPENDITURE_KINDS)


def _totals(ctx: Context, record, parts: list[Part], this_year_name: str, grand_name: str,
            extras: list[tuple[str, str]]):
    """本年合计 against its parts, then 总计 against 本年合计 and the 结转/结余 lines."""
    yield from ctx.sum_check(record, "stated_total", this_year_name, record.stated_total, parts)
    this_year = stated_or(record.stated_total, [v for _, v, _ in parts])
    head = ([(this_year_name, this_year, record.loc("stated_total"))] if record.stated_total is not None
            else parts)
    yield from ctx.sum_check(record, "grand_total", grand_name, record.grand_total,
                             head + [(name, getattr(record, key), record.loc(key)) for key, name in extras])


@rule("TOTAL-INCOME", ERROR, "本年收入合计 and 收入总计 are the sums of their parts",
      reads=("income",))
def total_income(ctx: Context):
    i = ctx.data.income
    yield from _totals(ctx, i, income_lines(i), "本年收入合计", "收入总计",
                       [("non_fiscal_balance_used", "使用非财政拨款结余"), ("carryover_start", "年初结转和结余")])


@rule("TOTAL-EXPENDITURE", ERROR, "本年支出合计 and 支出总计 are the sums of their parts",
      reads=("expenditure",))
def total_expenditure(ctx: Context):
    e = ctx.data.expenditure
    yield from _totals(ctx, e, expenditure_lines(e), "本年支出合计", "支出总计",
                       [("balance_distribution", "结余分配"), ("carryover_end", "年末结转和结余")])


@rule("BALANCE", ERROR, "收入总计 equals 支出总计",
      reads=("income", "expenditure"))
def balance(ctx: Context):
    inc, exp = grand_totals(ctx.data)
    if inc != exp:
        d = ctx.data
        yield ctx.problem(d.expenditure.loc("grand_total"),
                          f"收入总计 {fmt(inc)} and 支出总计 {fmt(exp)} differ by {fmt(abs(inc - exp))}",
                          "收入总计 and 支出总计 are equal in every 决算: check the totals, the 结转和结余 and "
                          "the income and expenditure figures",
                          related=[d.income.loc("grand_total")] + [loc for _, _, loc in income_lines(d.income)]
                          + [loc for _, _, loc in expenditure_lines(d.expenditure)]
                          + [d.income.loc("carryover_start"), d.expenditure.loc("carryover_end")])


@rule("FISCAL-BALANCE", ERROR, "年初财政拨款结转和结余 + 本年财政拨款收入 = 年末结转和结余 + 本年财政拨款支出",
      reads=("fiscal", "income", "general_budget"))
def fiscal_balance(ctx: Context):
    d = ctx.data
    income, spending = accounts.fiscal_income(d.income), accounts.fiscal_spending(d)
    left, right = accounts.fiscal_total_in(d), accounts.fiscal_total_out(d)
    if left != right:
        yield ctx.problem(
            d.fiscal.loc(),
            f"财政拨款 does not balance: 年初结转和结余 {fmt(d.fiscal.carryover_start)} + 本年财政拨款收入 "
            f"{fmt(income)} = {fmt(left)}, but 年末结转和结余 {fmt(d.fiscal.carryover_end)} + 本年财政拨款支出 "
            f"{fmt(spending)} = {fmt(right)}",
            f"check income.general_budget (line {d.income.loc('general_budget').line}), the 项 of "
            "general_budget and the 结转",
            related=[d.income.loc("general_budget"), d.income.loc("government_fund"),
                     d.income.loc("state_capital"), d.fiscal.loc("carryover_start"), d.fiscal.loc("carryover_end")]
            + [i.loc("current") for i in items(d)])


@rule("FISCAL-WITHIN", ERROR, "财政拨款 is part of the whole: 财政拨款收入 ≤ 本年收入合计, 上年财政拨款总计 ≤ 上年收支总计",
      reads=("fiscal", "overall", "income", "expenditure", "general_budget"))
def fiscal_within(ctx: Context):
    d = ctx.data
    inc, _ = grand_totals(d)
    if d.fiscal.prior_total > d.overall.prior_total:
        yield ctx.problem(d.fiscal.loc("prior_total"), f"上年财政拨款收入支出总计 {fmt(d.fiscal.prior_total)} is "
                          f"more than 上年收入支出总计 {fmt(d.overall.prior_total)}",
                          f"财政拨款 is part of all money: check both (line {d.overall.loc('prior_total').line})",
                          related=[d.overall.loc("prior_total")])
    total_in = accounts.fiscal_total_in(d)
    if total_in > inc:
        yield ctx.problem(d.fiscal.loc("carryover_start"), f"财政拨款收入总计 {fmt(total_in)} is more than "
                          f"收入总计 {fmt(inc)}", "check the 财政拨款 figures against the totals",
                          related=[d.income.loc("grand_total")])


@rule("FUNC-ROLLUP", ERROR, "each 类 = Σ its 款 = Σ its 项 in 本年 (their 上年 and 预算: LINE-SUMS)",
      reads=("general_budget",))
def func_rollup(ctx: Context):
    for lei in ctx.data.general_budget.functions:
        if lei.current is not None:
            parts: list[Part] = []
            for k in lei.items:
                if k.current is not None:
                    parts.append((f"{k.name}(款)", k.current, k.loc("current")))
                else:
                    parts.extend((f"{i.name}(项)", i.current, i.loc("current")) for i in k.items)
            yield from ctx.sum_check(lei, "current", f"{lei.name}(类)本年决算", lei.current, parts)
        for k in lei.items:
            yield from ctx.sum_check(k, "current", f"{k.name}(款)本年决算", k.current,
                                     [(f"{i.name}(项)", i.current, i.loc("current")) for i in k.items])


@rule("BASIC-TOTAL", ERROR, "基本支出 = 人员经费 + 公用经费",
      reads=("basic",))
def basic_total(ctx: Context):
    b = ctx.data.basic
    yield from ctx.sum_check(b, "stated_total", "一般公共预算财政拨款基本支出", b.stated_total,
                             [("人员经费", b.personnel, b.loc("personnel")), ("公用经费", b.public, b.loc("public"))])


@rule("BASIC-WITHIN", ERROR, "一般公共预算财政拨款基本支出 is no more than the 基本支出 of the 支出决算表",
      reads=("basic", "expenditure"))
def basic_within(ctx: Context):
    d = ctx.data
    fiscal_basic = accounts.basic_total(d.basic)
    if fiscal_basic is not None and fiscal_basic > d.expenditure.basic:
        yield ctx.problem(d.basic.loc("stated_total") if d.basic.stated_total is not None else d.basic.loc(),
                          f"一般公共预算财政拨款基本支出 {fmt(fiscal_basic)} is more than the unit's whole 基本支出 "
                          f"{fmt(d.expenditure.basic)} (line {d.expenditure.loc('basic').line})",
                          "the 财政拨款 part cannot exceed the whole: check 人员经费, 公用经费 and expenditure.basic",
                          related=[d.basic.loc("personnel"), d.basic.loc("public"), d.expenditure.loc("basic")])


@rule("OPERATING-COSTS", ERROR, "机关运行经费 equals 公用经费 where the file says the two coincide",
      reads=("operating_costs", "basic"))
def operating_costs(ctx: Context):
    oc, b = ctx.data.operating_costs, ctx.data.basic
    public = accounts.personnel_and_public(b)[1]
    if oc.equals_public and public is not None and not isinstance(oc.current, Unfilled) and oc.current != public:
        yield ctx.problem(oc.loc("current"), f"机关运行经费 {fmt(oc.current)} is not the 公用经费 {fmt(public)} "
                          f"(line {b.loc('public').line}), though `equals_public` says they coincide",
                          "correct one of them, or set equals_public: false",
                          related=[b.loc("public")])


@rule("THREE-PUBLIC-TOTAL", ERROR, "“三公”经费 = 因公出国（境）费 + 公务用车 + 公务接待费; 公务用车 = 购置 + 运行维护 "
      "(their 上年 and 预算: LINE-SUMS)",
      reads=("three_public",))
def three_public_total(ctx: Context):
    t = ctx.data.three_public
    v = t.vehicles
    yield from ctx.sum_check(t, "stated_current", "“三公”经费决算数", t.stated_current, [
        ("因公出国（境）费", t.abroad.current, t.abroad.loc("current")),
        ("公务用车购置费", v.purchase.current, v.purchase.loc("current")),
        ("公务用车运行维护费", v.operation.current, v.operation.loc("current")),
        ("公务接待费", t.reception.current, t.reception.loc("current"))])


@rule("PROCUREMENT-TOTAL", ERROR, "政府采购 = 货物 + 工程 + 服务; 中小企业 ≤ 总额; 小微企业 ≤ 中小企业",
      reads=("procurement",))
def procurement_total(ctx: Context):
    p = ctx.data.procurement
    parts = [("货物", p.goods, p.loc("goods")), ("工程", p.works, p.loc("works")),
             ("服务", p.services, p.loc("services"))]
    yield from ctx.sum_check(p, "stated_total", "政府采购支出总额", p.stated_total, parts)
    whole = accounts.procurement_total(p)
    if p.sme > whole:
        yield ctx.problem(p.loc("sme"), f"授予中小企业合同金额 {fmt(p.sme)} is more than 政府采购支出总额 {fmt(whole)}",
                          "a part of the 采购 cannot exceed it: check both",
                          related=[loc for _, _, loc in parts])
    if p.small_micro > p.sme:
        yield ctx.problem(p.loc("small_micro"), f"授予小微企业合同金额 {fmt(p.small_micro)} is more than "
                          f"授予中小企业合同金额 {fmt(p.sme)}", "小微企业 are among the 中小企业: check both",
                          related=[p.loc("sme")])


@rule("ASSETS", ERROR, "国有资产: a value goes with an area or vehicles, and none without",
      reads=("assets",))
def assets(ctx: Context):
    a = ctx.data.assets
    vehicles = accounts.vehicle_count(a.vehicles)
    for value_key, value, count, what in (("building_value", a.building_value, a.building_area, "房屋"),
                                          ("vehicle_value", a.vehicle_value, vehicles, "车辆")):
        if (value == 0) != (count == 0):
            yield ctx.problem(a.loc(value_key), f"{what}价值 is {fmt(value)} but the {what} number "
                              f"{'area' if what == '房屋' else 'count'} is {count}",
                              "a value goes with what it is the value of: check both",
                              related=[a.loc("building_area" if what == "房屋" else "vehicles")])
