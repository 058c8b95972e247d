"""Rules of the nine tables: economic codes, the 公开05 split, the same figure in every table."""
from __future__ import annotations

from .. import accounts, classification
from ..accounts import items
from ..errors import ERROR, WARNING
from .rules import Context, fmt, rule


# --- the nine tables ------------------------------------------------------------------------------

@rule("ECON-CODE", ERROR, "基本支出 amounts use codes of the 部门支出经济分类 (5 digits); `classes` its classes or codes",
      reads=("basic",))
def econ_code(ctx: Context):
    entries = classification.economic()
    b = ctx.data.basic
    for code in b.economic:
        entry = entries.get(code)
        if entry is None or entry.level != "item":
            close = [c for c in entries if entries[c].level == "item" and c[:3] == code[:3]][:6]
            yield ctx.problem(b.economic.locs[code], f"`{code}` is not a code of the 部门支出经济分类",
                              "use a 5-digit code, e.g. " + ("、".join(f"{c} {entries[c].name}" for c in close)
                                                            if close else "30101 基本工资"))
    for code in b.classes:
        if code not in entries:
            yield ctx.problem(b.classes.locs[code], f"`{code}` is not a class or code of the 部门支出经济分类",
                              "use a class (301, 302, 303, 307, 310 or 399) or a 5-digit code such as 30101")


@rule("ECON-TOTALS", ERROR, "人员经费 and 公用经费 as entered equal the sums of their economic codes",
      reads=("basic",))
def econ_totals(ctx: Context):
    b = ctx.data.basic
    if not b.economic:
        return
    entries = classification.economic()
    for key, group in (("personnel", "人员经费"), ("public", "公用经费")):
        parts = [(entries[c].name, a, b.economic.locs[c]) for c, a in b.economic.items()
                 if c in entries and entries[c].group == group]
        yield from ctx.sum_check(b, key, group, getattr(b, key), parts)


@rule("TABLE-SPLIT", ERROR, "each 项's 基本支出 + 项目支出 equals its 一般公共预算财政拨款支出 (公开05)",
      reads=("general_budget",))
def table_split(ctx: Context):
    for i in items(ctx.data):
        if i.basic is not None and i.project is not None and i.basic + i.project != i.current:
            yield ctx.problem(i.loc("basic"), f"{i.name}({i.code}): 基本支出 {fmt(i.basic)} + 项目支出 "
                              f"{fmt(i.project)} = {fmt(i.basic + i.project)}, not its {fmt(i.current)}",
                              "correct basic, project or current", related=[i.loc("project"), i.loc("current")])
        for key in ("basic", "project"):
            value = getattr(i, key)
            if value is not None and value > i.current:
                yield ctx.problem(i.loc(key), f"{i.name}({i.code}): its {key} {fmt(value)} is more than its "
                                  f"一般公共预算财政拨款支出 {fmt(i.current)}", "correct one of them")


@rule("TABLE-MATCH", ERROR, "the same figure is the same in every table: the 项 rows of 公开02/03/05 add up to "
      "the 收入, 支出 and 基本支出 totals",
      reads=("general_budget", "income", "expenditure", "basic"))
def table_match(ctx: Context):
    d = ctx.data
    its = items(d)
    if any(i.income is not None for i in its):
        i = d.income
        for key, name, whole in (("fiscal", "财政拨款收入", accounts.fiscal_income(i)),
                                 ("superior_subsidy", "上级补助收入", i.superior_subsidy),
                                 ("business", "事业收入", i.business), ("operating", "经营收入", i.operating),
                                 ("affiliated", "附属单位上缴收入", i.affiliated), ("other", "其他收入", i.other)):
            parts = [(x.name, getattr(x.income, key), x.income.loc(key)) for x in its if x.income is not None]
            yield from ctx.sum_check(i, "general_budget" if key == "fiscal" else key,
                                     f"公开02 收入决算表 {name}", whole, parts)
    if any(i.spending is not None for i in its):
        e = d.expenditure
        for key, name in (("basic", "基本支出"), ("project", "项目支出"), ("to_superior", "上缴上级支出"),
                          ("operating", "经营支出"), ("to_affiliated", "对附属单位补助支出")):
            parts = [(x.name, getattr(x.spending, key), x.spending.loc(key)) for x in its if x.spending is not None]
            yield from ctx.sum_check(e, key, f"公开03 支出决算表 {name}", getattr(e, key), parts)
    split = [i for i in its if i.basic is not None or i.project is not None]
    if split:
        b = d.basic
        basic = accounts.basic_total(b)
        parts = [(i.name, accounts.item_split(i)[0], i.loc("basic")) for i in its]
        if basic is not None:
            yield from ctx.sum_check(b, "stated_total" if b.stated_total is not None else "personnel",
                                     "公开05 基本支出 (= 公开06 人员经费 + 公用经费)", basic, parts)


@rule("TABLE-DATA", WARNING, "the file gives what the nine tables need (otherwise their cells stay blank)",
      reads=("general_budget", "basic", "income"))
def table_data(ctx: Context):
    d = ctx.data
    its = items(d)
    gb = d.general_budget.loc("functions")
    missing = []   # (what stays blank, what the file lacks, what to add)
    if not any(i.income is not None for i in its):
        missing.append(("公开02 收入决算表 shows only its 合计 row", "no 项 has an `income:` row",
                        "an `income:` row (收入决算表) for each 项"))
    if not any(i.spending is not None for i in its):
        missing.append(("公开03 支出决算表 shows only its 合计 row, and the 类 rows of 公开01 stay blank",
                        "no 项 has a `spending:` row", "a `spending:` row (支出决算表) for each 项"))
    if not any(i.basic is not None or i.project is not None for i in its):
        missing.append(("the 基本支出 and 项目支出 of each 项 in 公开05 stay blank", "no 项 has `basic:` or `project:`",
                        "`basic:` and `project:` (一般公共预算财政拨款支出决算表) for each 项"))
    if not d.basic.economic:
        missing.append(("the amounts of 公开06 stay blank (but its two 合计)", "basic.economic is empty",
                        "the amounts by 经济分类 code under basic.economic"))
    for what, lacks, add in missing:
        yield ctx.problem(gb if "项" in lacks else d.basic.loc(), f"{what}: {lacks}",
                          f"add {add}, copied from the 决算 software's tables")
    for i in its:
        if any(x.income is not None for x in its) and i.income is None and i.current:
            yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `income:` row while other 项 have one",
                              "add its row of the 收入决算表", severity=ERROR)
        if any(x.spending is not None for x in its) and i.spending is None and i.current:
            yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `spending:` row while other 项 have one",
                              "add its row of the 支出决算表", severity=ERROR)
        if any(x.basic is not None or x.project is not None for x in its) and i.basic is None and \
                i.project is None and i.current:
            yield ctx.problem(i.loc(), f"{i.name}({i.code}) has neither `basic:` nor `project:` while other 项 "
                              "have them", "add its 基本支出 and 项目支出 (公开05)", severity=ERROR)
    for fund, name in ((d.government_fund, "政府性基金"), (d.state_capital, "国有资本经营")):
        if fund is not None and fund.expenditure:
            yield ctx.problem(fund.loc("expenditure"), f"{name}预算财政拨款支出 has no 类 breakdown in the model: the "
                              f"类 rows of 公开04 and 公开0{8 if name == '政府性基金' else 9} stay blank",
                              "see the README's known limits")
