"""The review rules: each a small named function over the loaded data.

A rule has an id (`FUNC-ROLLUP`), a severity, a one-line description, and yields
`Problem`s that point at the line to fix (and, in `related`, the lines that take part).
`RULES` lists them in the order they run; adding a rule is adding a function with the
`@rule` decorator.  `disclose check --rules` prints the catalogue; the README lists it.

A rule sees a `Context`: the data, the style, and last year's data when `--prior` is
given.  Rules never print; `run()` collects, drops what the file silences (each with a
written reason) and returns the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass
from decimal import Decimal
from typing import Callable, Iterable, Iterator

from . import accounts
from .accounts import grand_totals, items, stated_or
from .derive import evaluate_indicator, evaluate_project
from .errors import ERROR, INFO, WARNING, Location, Problem
from .model import EXPENDITURE_KINDS, INCOME_SOURCES, Disclosure, Record
from .schema import model_fields
from .numbers import HUNDRED, ZERO, quantize, ratio, tolerance, total
from .scoring import funds_score
from .style import Style


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    run: Callable[["Context"], Iterable[Problem]]
    needs_prior: bool = False
    by_render: bool = False       # found by rendering the text, not by a function over the data


RULES: list[Rule] = []


def rule(id: str, severity: str, description: str, needs_prior: bool = False, by_render: bool = False):
    def register(func):
        RULES.append(Rule(id, severity, description, func, needs_prior, by_render))
        return func
    return register


def fmt(value) -> str:
    """A figure in a message: 1,239.70."""
    return f"{quantize(value):,.2f}" if isinstance(value, Decimal) else str(value)


Part = tuple[str, "Decimal | None", "Location | None"]


def lines_hint(locs: list[Location]) -> str:
    lines = sorted({loc.line for loc in locs if loc is not None and loc.line})
    if not lines:
        return ""
    if len(lines) <= 8:
        return "line" + ("s " if len(lines) > 1 else " ") + ", ".join(map(str, lines))
    return f"lines {lines[0]}–{lines[-1]}"


@dataclass
class Context:
    data: Disclosure
    style: Style
    prior: Disclosure | None = None
    current_rule: Rule | None = None

    @property
    def rounded(self) -> bool:
        """Figures in 万元 are rounded from 元: totals may differ from their parts."""
        return self.data.amount_unit == "万元"

    def problem(self, loc: Location, message: str, hint: str = "", severity: str | None = None,
                related: Iterable[Location | None] = ()) -> Problem:
        r = self.current_rule
        return Problem(loc, r.id if r else "CHECK", message, hint, severity or (r.severity if r else ERROR),
                       tuple(x for x in related if x is not None))

    def sum_check(self, owner: Record, key: str, what: str, stated: Decimal | None,
                  parts: list[Part]) -> Iterator[Problem]:
        """A stated total against its parts: equal is fine; within the 万元 rounding
        tolerance it is an `info` note (the stated one is printed); beyond it an error
        that names the lines of the parts."""
        if stated is None or not parts or any(v is None for _, v, _ in parts):
            return
        computed = total(v for _, v, _ in parts)
        if stated == computed:
            return
        diff = abs(stated - computed)
        tol = tolerance(len(parts), rounded=self.rounded)
        names = " + ".join(n for n, _, _ in parts) if len(parts) <= 4 else f"its {len(parts)} parts"
        part_locs = [loc for _, _, loc in parts]
        if diff <= tol:
            yield self.problem(
                owner.loc(key),
                f"{what} is stated as {fmt(stated)} while {names} add up to {fmt(computed)}: a rounding "
                f"difference of {fmt(diff)} (tolerance {tol.normalize():f} for {len(parts)} parts in 万元); "
                f"the stated figure is printed", severity=INFO, related=part_locs)
            return
        where = lines_hint(part_locs)
        hint = f"correct the total, or the part that is wrong ({where})" if where else "correct the total or a part"
        if self.rounded:
            hint += f"; more than rounding can explain ({tol.normalize():f})"
        yield self.problem(owner.loc(key), f"{what} is stated as {fmt(stated)} but {names} add up to "
                           f"{fmt(computed)}", hint, severity=ERROR, related=part_locs)


def run(data: Disclosure, style: Style, prior: Disclosure | None = None,
        only: Iterable[str] | None = None) -> list[Problem]:
    """Every problem the rules find, minus those the file silences."""
    ctx = Context(data, style, prior)
    wanted = set(only) if only else None
    problems: list[Problem] = []
    for r in RULES:
        if (wanted is not None and r.id not in wanted) or (r.needs_prior and prior is None):
            continue
        ctx.current_rule = r
        problems.extend(r.run(ctx))
    silenced = silenced_rules(data)
    return [p for p in problems if p.rule not in silenced]


def silenced_rules(data: Disclosure) -> dict[str, str]:
    return {s.rule: s.reason for s in data.checks.silence} if data.checks else {}


def texts(record, path: str = "") -> Iterator[tuple[Record, str, str, str]]:
    """Every text of the data file: (record, key, value, dotted path)."""
    for f in fields(record):
        if f.name == "meta":
            continue
        value = getattr(record, f.name)
        where = f"{path}.{f.name}" if path else f.name
        values = value if isinstance(value, list) else [value]
        for i, v in enumerate(values):
            w = f"{where}[{i + 1}]" if isinstance(value, list) else where
            if isinstance(v, str):
                yield record, f.name, v, w
            elif is_dataclass(v):
                yield from texts(v, w)


# --- the file itself ---------------------------------------------------------------------

@rule("SILENCE", ERROR, "a rule silenced for the file exists and says why")
def silence(ctx: Context):
    known = {r.id for r in RULES}
    if not ctx.data.checks:
        return
    for s in ctx.data.checks.silence:
        if s.rule not in known:
            yield ctx.problem(s.loc("rule"), f"`{s.rule}` is not a rule", "`disclose check --rules` lists them")


@rule("FUNC-CODE", ERROR, "功能分类 codes are 3/5/7 digits and each 项 lies inside its 款, each 款 inside its 类")
def func_code(ctx: Context):
    seen: dict[str, Location] = {}
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
                if item.code in seen:
                    yield ctx.problem(item.loc("code"), f"项 code `{item.code}` appears twice "
                                      f"(first at line {seen[item.code].line})", "enter each 项 once")
                seen.setdefault(item.code, item.loc("code"))


@rule("PLACEHOLDER", ERROR, "no text is left as a placeholder (TODO, XXX, 待补充…)")
def placeholder(ctx: Context):
    pattern = re.compile(r"TODO|TBD|XXX|xxx|待补充|待填写|待完善|待定|此处填写|\?\?|？？|××|ＸＸ")
    for record, key, value, where in texts(ctx.data):
        m = pattern.search(value)
        if m:
            yield ctx.problem(record.loc(key), f"{where} still holds the placeholder `{m.group(0)}`: {value[:40]}",
                              "write the real text")


@rule("IDENTITY-YEAR", WARNING, "texts speak of the file's year: no 截至/年度 of a later year")
def identity_year(ctx: Context):
    year = ctx.data.year
    pattern = re.compile(r"(截至|截止)\s*(\d{4})\s*年|(\d{4})\s*年度")
    for record, key, value, where in texts(ctx.data):
        for m in pattern.finditer(value):
            y = int(m.group(2) or m.group(3))
            if y > year:
                yield ctx.problem(record.loc(key), f"{where} speaks of {m.group(0).strip()} in the accounts "
                                  f"of {year}", f"check the year (the accounts are of {year})")


@rule("IDENTITY-UNIT", WARNING, "each 项目支出绩效自评表 belongs to the unit (主管部门 or 实施单位)")
def identity_unit(ctx: Context):
    for p in ctx.data.performance.projects:
        if ctx.data.unit not in (p.department, p.implementer):
            yield ctx.problem(p.loc("department"), f"项目支出绩效自评表 {p.name}: neither 主管部门 `{p.department}` "
                              f"nor 实施单位 `{p.implementer}` is {ctx.data.unit}",
                              "check the names against `unit:`")


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


@rule("TOTAL-INCOME", ERROR, "本年收入合计 and 收入总计 are the sums of their parts")
def total_income(ctx: Context):
    i = ctx.data.income
    yield from _totals(ctx, i, income_lines(i), "本年收入合计", "收入总计",
                       [("non_fiscal_balance_used", "使用非财政拨款结余"), ("carryover_start", "年初结转和结余")])


@rule("TOTAL-EXPENDITURE", ERROR, "本年支出合计 and 支出总计 are the sums of their parts")
def total_expenditure(ctx: Context):
    e = ctx.data.expenditure
    yield from _totals(ctx, e, expenditure_lines(e), "本年支出合计", "支出总计",
                       [("balance_distribution", "结余分配"), ("carryover_end", "年末结转和结余")])


@rule("BALANCE", ERROR, "收入总计 equals 支出总计")
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


@rule("FISCAL-BALANCE", ERROR, "年初财政拨款结转和结余 + 本年财政拨款收入 = 年末结转和结余 + 本年财政拨款支出")
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


@rule("FISCAL-WITHIN", ERROR, "财政拨款 is part of the whole: 财政拨款收入 ≤ 本年收入合计, 上年财政拨款总计 ≤ 上年收支总计")
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


@rule("FUNC-ROLLUP", ERROR, "each 类 = Σ its 款 = Σ its 项, in every column the file states")
def func_rollup(ctx: Context):
    for lei in ctx.data.general_budget.functions:
        for column, label in (("current", "本年决算"), ("prior", "上年决算")):
            kuan_values = [stated_or(getattr(k, column), [getattr(i, column) for i in k.items]) for k in lei.items]
            if getattr(lei, column) is not None:
                parts: list[Part] = []
                for k, v in zip(lei.items, kuan_values):
                    if getattr(k, column) is not None:
                        parts.append((f"{k.name}(款)", v, k.loc(column)))
                    else:
                        parts.extend((f"{i.name}(项)", getattr(i, column), i.loc(column)) for i in k.items)
                yield from ctx.sum_check(lei, column, f"{lei.name}(类){label}", getattr(lei, column), parts)
            for k in lei.items:
                yield from ctx.sum_check(k, column, f"{k.name}(款){label}", getattr(k, column),
                                         [(f"{i.name}(项)", getattr(i, column), i.loc(column)) for i in k.items])


@rule("GB-TOTALS", ERROR, "a stated 上年 or 年初预算 total of 一般公共预算财政拨款支出 matches its 项")
def gb_totals(ctx: Context):
    g = ctx.data.general_budget
    its = items(ctx.data)
    yield from ctx.sum_check(g, "prior", "一般公共预算财政拨款支出上年决算数", g.prior,
                             [(f"{i.name}({i.code})", i.prior, i.loc("prior")) for i in its])
    yield from ctx.sum_check(g, "budget", "一般公共预算财政拨款支出年初预算数", g.budget,
                             [(f"{i.name}({i.code})", i.budget, i.loc("budget")) for i in its])


@rule("BASIC-TOTAL", ERROR, "基本支出 = 人员经费 + 公用经费")
def basic_total(ctx: Context):
    b = ctx.data.basic
    yield from ctx.sum_check(b, "stated_total", "一般公共预算财政拨款基本支出", b.stated_total,
                             [("人员经费", b.personnel, b.loc("personnel")), ("公用经费", b.public, b.loc("public"))])


@rule("BASIC-WITHIN", ERROR, "一般公共预算财政拨款基本支出 is no more than the 基本支出 of the 支出决算表")
def basic_within(ctx: Context):
    d = ctx.data
    fiscal_basic = accounts.basic_total(d.basic)
    if fiscal_basic is not None and fiscal_basic > d.expenditure.basic:
        yield ctx.problem(d.basic.loc("stated_total") if d.basic.stated_total is not None else d.basic.loc(),
                          f"一般公共预算财政拨款基本支出 {fmt(fiscal_basic)} is more than the unit's whole 基本支出 "
                          f"{fmt(d.expenditure.basic)} (line {d.expenditure.loc('basic').line})",
                          "the 财政拨款 part cannot exceed the whole: check 人员经费, 公用经费 and expenditure.basic",
                          related=[d.basic.loc("personnel"), d.basic.loc("public"), d.expenditure.loc("basic")])


@rule("OPERATING-COSTS", ERROR, "机关运行经费 equals 公用经费 where the file says the two coincide")
def operating_costs(ctx: Context):
    oc, b = ctx.data.operating_costs, ctx.data.basic
    if oc.equals_public and oc.current != b.public:
        yield ctx.problem(oc.loc("current"), f"机关运行经费 {fmt(oc.current)} is not the 公用经费 {fmt(b.public)} "
                          f"(line {b.loc('public').line}), though `equals_public` says they coincide",
                          "correct one of them, or set equals_public: false",
                          related=[b.loc("public")])


@rule("THREE-PUBLIC-TOTAL", ERROR, "“三公”经费 = 因公出国（境）费 + 公务用车 + 公务接待费; 公务用车 = 购置 + 运行维护")
def three_public_total(ctx: Context):
    t = ctx.data.three_public
    v = t.vehicles
    yield from ctx.sum_check(v, "prior", "公务用车购置及运行维护费上年数", v.prior,
                             [("购置费", v.purchase.prior, v.purchase.loc("prior")),
                              ("运行维护费", v.operation.prior, v.operation.loc("prior"))])
    yield from ctx.sum_check(v, "budget", "公务用车购置及运行维护费预算数", v.budget,
                             [("购置费", v.purchase.budget, v.purchase.loc("budget")),
                              ("运行维护费", v.operation.budget, v.operation.loc("budget"))])
    columns = {"stated_current": ("current", "“三公”经费决算数"), "stated_prior": ("prior", "“三公”经费上年决算数"),
               "stated_budget": ("budget", "“三公”经费预算数")}
    for key, (column, what) in columns.items():
        if column == "current":
            veh: list[Part] = [("购置费", v.purchase.current, v.purchase.loc("current")),
                               ("运行维护费", v.operation.current, v.operation.loc("current"))]
        elif getattr(v, column) is not None:
            veh = [("公务用车购置及运行维护费", getattr(v, column), v.loc(column))]
        else:
            veh = [("购置费", getattr(v.purchase, column), v.purchase.loc(column)),
                   ("运行维护费", getattr(v.operation, column), v.operation.loc(column))]
        parts = [("因公出国（境）费", getattr(t.abroad, column), t.abroad.loc(column))] + veh + \
                [("公务接待费", getattr(t.reception, column), t.reception.loc(column))]
        if column == "current" or getattr(v, column) is not None:
            # name the three parts of the document, with 公务用车 as one
            named = [parts[0], ("公务用车购置及运行维护费", total(x for _, x, _ in veh) if all(
                x is not None for _, x, _ in veh) else None, veh[0][2]), parts[-1]]
            yield from ctx.sum_check(t, key, what, getattr(t, key), named if len(veh) == 1 else parts)
        else:
            yield from ctx.sum_check(t, key, what, getattr(t, key), parts)


@rule("PROCUREMENT-TOTAL", ERROR, "政府采购 = 货物 + 工程 + 服务; 中小企业 ≤ 总额; 小微企业 ≤ 中小企业")
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


@rule("ASSETS", ERROR, "国有资产: a value goes with an area or vehicles, and none without")
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


# --- the nine tables ------------------------------------------------------------------------------

@rule("ECON-CODE", ERROR, "基本支出 amounts use codes of the 部门支出经济分类 (5 digits) and classes of 3 digits")
def econ_code(ctx: Context):
    from . import classification

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
        if code not in entries or entries[code].level != "class":
            yield ctx.problem(b.classes.locs[code], f"`{code}` is not a class of the 部门支出经济分类",
                              "use 301, 302, 303, 307, 310 or 399")


@rule("ECON-TOTALS", ERROR, "人员经费 and 公用经费 as entered equal the sums of their economic codes")
def econ_totals(ctx: Context):
    from . import classification

    b = ctx.data.basic
    if not b.economic:
        return
    entries = classification.economic()
    for key, group in (("personnel", "人员经费"), ("public", "公用经费")):
        parts = [(entries[c].name, a, b.economic.locs[c]) for c, a in b.economic.items()
                 if c in entries and entries[c].group == group]
        yield from ctx.sum_check(b, key, group, getattr(b, key), parts)


@rule("TABLE-SPLIT", ERROR, "each 项's 基本支出 + 项目支出 equals its 一般公共预算财政拨款支出 (公开05)")
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
      "the 收入, 支出 and 基本支出 totals")
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


@rule("TABLE-DATA", WARNING, "the file gives what the nine tables need (otherwise their cells stay blank)")
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
    if d.income.state_capital:
        yield ctx.problem(d.income.loc("state_capital"), "公开01 has no row for 国有资本经营预算财政拨款收入 "
                          "(the form of seed 003): it shows only in 本年收入合计", "see the README's known limits")


# --- narrative prerequisites --------------------------------------------------------------------

@rule("REASON-MISSING", ERROR, "every change the house style explains has its 主要原因")
def reason_missing(ctx: Context):
    compare = ctx.style.settings.compare.items
    for i in items(ctx.data):
        if compare in ("prior", "both") and not i.reason:
            yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `reason` for its change against last year "
                              f"({fmt(i.prior)} → {fmt(i.current)})", "add `reason: …` (its 主要原因) to the 项")
        if compare in ("budget", "both"):
            if i.budget is None:
                yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `budget`, which style "
                                  f"{ctx.style.name} compares each 项 with", "add `budget: …` (年初预算数)")
            elif not i.budget_reason:
                yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `budget_reason` for its 决算 "
                                  f"{fmt(i.current)} against 年初预算 {fmt(i.budget)}",
                                  "add `budget_reason: …` to the 项")


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


def _forms(ctx: Context):
    p = ctx.data.performance
    forms = [("单位整体支出绩效自评表", "合计", p.unit, "unit")] if p.unit else []
    forms += [(f"项目支出绩效自评表 {pr.name}", "年度资金总额", pr, "project") for pr in p.projects]
    return forms


def _funds_rows(form, kind):
    if kind == "unit":
        return [(f.source, f) for f in form.funds]
    return [("当年财政拨款", form.funds.fiscal), ("其他资金", form.funds.other)]


@rule("PERF-FUNDS", ERROR, "a form's stated funds total, 执行率 and funds 得分 match its rows")
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


@rule("PERF-SUMMARY", ERROR, "the summary's 全年预算数 and 全年执行数 of all projects match the project forms")
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


@rule("PERF-TOTAL", ERROR, "总分 of a project form is the funds score plus the indicator scores")
def perf_total(ctx: Context):
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


@rule("PERF-WEIGHTS", ERROR, "the weights of a self-evaluation form add up to 100")
def perf_weights(ctx: Context):
    for what, _, form, _ in _forms(ctx):
        weights = form.funds_weight + total(i.weight for i in form.indicators)
        if weights != HUNDRED:
            yield ctx.problem(form.loc("funds_weight"), f"{what}: the funds weight and the indicator weights add "
                              f"up to {fmt(weights)}, not 100", "check each 权重",
                              related=[i.loc("weight") for i in form.indicators])


@rule("UNIT-EXECUTED", WARNING, "the 单位整体 form's 全年执行数 is the unit's 本年支出合计")
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


# --- against last year's file (--prior) -------------------------------------------------------------

def _prior_mismatch(ctx: Context, this: Record, key: str, what: str, value, last_value, last_loc: Location):
    if value is None or last_value is None or value == last_value:
        return None
    return ctx.problem(this.loc(key), f"{what}: this file says last year was {fmt(value)}, last year's file says "
                       f"{fmt(last_value)} ({last_loc})",
                       "correct the 上年 figure here, or last year's file", related=[last_loc])


@rule("PRIOR-MATCH", ERROR, "with --prior: every 上年 figure equals the 本年 figure of last year's file", needs_prior=True)
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


@rule("PRIOR-ITEMS", INFO, "with --prior: 项 that appeared this year or vanished since last year", needs_prior=True)
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


# --- what the sentences need ------------------------------------------------------------------

NEEDED = "NEEDED"


@rule(NEEDED, ERROR, "every figure and text a sentence of the style needs is in the file (found by rendering "
      "the text)", by_render=True)
def needed(ctx: Context):
    """Listed here so that it can be silenced and is in the catalogue; the render stage reports it
    (`view.Missing`), since only the style's templates know what their sentences need."""
    return ()
