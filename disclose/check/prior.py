"""Rules against last year's file (`--prior`)."""
from __future__ import annotations

from .. import accounts
from ..accounts import grand_totals, items
from ..errors import ERROR, INFO, WARNING, Location
from ..model import Record
from .rules import Context, fmt, rule


# --- against last year's file (--prior) -------------------------------------------------------------

def _prior_mismatch(ctx: Context, this: Record, key: str, what: str, value, last_value, last_loc: Location):
    if value is None or last_value is None or value == last_value:
        return None
    return ctx.problem(this.loc(key), f"{what}: this file says last year was {fmt(value)}, last year's file says "
                       f"{fmt(last_value)} ({last_loc})",
                       "correct the 上年 figure here, or last year's file", related=[last_loc])


@rule("PRIOR-MATCH", ERROR, "with --prior: every 上年 figure equals the 本年 figure of last year's file", needs_prior=True,
      reads=("overview", "income", "expenditure", "overall", "fiscal", "general_budget", "operating_costs", "three_public"))
def prior_match(ctx: Context):
    d, last = ctx.data, ctx.prior
    if d.year != last.year + 1:
        yield ctx.problem(d.loc("year"), f"the years are {d.year} and {last.year}: --prior expects the year before",
                          f"give the file of {d.year - 1}", related=[last.loc("year")])
        return
    if d.unit != last.unit:
        yield ctx.problem(d.loc("unit"), f"the units differ: `{d.unit}` and `{last.unit}` ({last.loc('unit')})",
                          "compare the files of one unit", severity=WARNING, related=[last.loc("unit")])
    last_in, _ = grand_totals(last)
    checks = [
        (d.overall, "prior_total", "收入支出总计", d.overall.prior_total, last_in, last.income.loc("grand_total")),
        (d.fiscal, "prior_total", "财政拨款收入支出总计", d.fiscal.prior_total, accounts.fiscal_total_in(last),
         last.fiscal.loc()),
        (d.general_budget, "prior", "一般公共预算财政拨款支出", accounts.general_budget_prior(d),
         accounts.general_budget_spending(last), last.general_budget.loc()),
        (d.operating_costs, "prior", "机关运行经费", d.operating_costs.prior, last.operating_costs.current,
         last.operating_costs.loc("current")),
    ]
    t, lt = d.three_public, last.three_public
    checks += [
        (t.abroad, "prior", "因公出国（境）费", t.abroad.prior, lt.abroad.current, lt.abroad.loc("current")),
        (t.reception, "prior", "公务接待费", t.reception.prior, lt.reception.current, lt.reception.loc("current")),
        (t.vehicles, "prior", "公务用车购置及运行维护费", t.vehicles.prior,
         accounts.vehicles_column(lt, "current"), lt.vehicles.loc()),
        (t.vehicles.purchase, "prior", "公务用车购置费", t.vehicles.purchase.prior, lt.vehicles.purchase.current,
         lt.vehicles.purchase.loc("current")),
        (t.vehicles.operation, "prior", "公务用车运行维护费", t.vehicles.operation.prior,
         lt.vehicles.operation.current, lt.vehicles.operation.loc("current")),
    ]
    for name, label in (("active", "在职人员"), ("retired_cadres", "离休人员"), ("retired", "退休人员")):
        this_h, last_h = getattr(d.overview.staff, name), getattr(last.overview.staff, name)
        checks.append((this_h, "prior", label, this_h.prior, last_h.current, last_h.loc("current")))
    for this, key, what, value, last_value, last_loc in checks:
        p = _prior_mismatch(ctx, this, key, what, value, last_value, last_loc)
        if p:
            yield p
    last_items = {i.code: i for i in items(last)}
    for i in items(d):
        li = last_items.get(i.code)
        if li is not None:
            p = _prior_mismatch(ctx, i, "prior", f"{i.name}({i.code}) 上年决算", i.prior, li.current,
                                li.loc("current"))
            if p:
                yield p
        elif i.prior != 0:
            yield ctx.problem(i.loc("prior"), f"{i.name}({i.code}) had {fmt(i.prior)} last year, but last year's "
                              "file has no such 项", "check the code, or the 上年 figure")


@rule("PRIOR-ITEMS", INFO, "with --prior: 项 that appeared this year or vanished since last year", needs_prior=True,
      reads=("general_budget",))
def prior_items(ctx: Context):
    d, last = ctx.data, ctx.prior
    if d.year != last.year + 1:
        return
    this_codes = {i.code: i for i in items(d)}
    last_codes = {i.code: i for i in items(last)}
    for code, li in last_codes.items():
        if code not in this_codes and li.current != 0:
            yield ctx.problem(d.general_budget.loc("functions"),
                              f"{li.name}({code}) had {fmt(li.current)} last year ({li.loc('current')}) and is "
                              "not in this file", "list it with `current: 0` so that its fall is explained",
                              severity=WARNING, related=[li.loc("current")])
    for code, i in this_codes.items():
        if code not in last_codes:
            yield ctx.problem(i.loc("code"), f"{i.name}({code}) is new this year (not in last year's file)")
