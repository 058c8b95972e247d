"""The figures of the nine standard tables (公开01 to 公开09), from the same model as the
narrative.

Each table is a view of plain rows; a figure the data file does not give (a 项's
income by source when the file has no `income:` rows, say) is `None`, printed as an
empty cell, and rule TABLE-DATA says which tables are incomplete and why.  Totals the
narrative also prints (本年收入合计, 基本支出…) are taken from the same derived view, so
a table cannot disagree with a sentence.
"""
from __future__ import annotations


from .. import accounts, classification
from ..accounts import sum_or_none as _sum
from ..model import EXPENDITURE_KINDS, Disclosure, Item, ItemIncome, ItemSpending
from ..numbers import ZERO, total
from ..view import Missing, View, absent

INCOME_COLUMNS = ("fiscal", "superior_subsidy", "business", "operating", "affiliated", "other")
SPENDING_COLUMNS = EXPENDITURE_KINDS      # a 项's row of 公开03 has the kinds of 本年支出


def _row(code: str, name: str, level: str, values: dict) -> View:
    return View(code=code, name=name, level=level, **values)


def _hierarchy(data: Disclosure, columns: tuple[str, ...], value_of, keep) -> list[View]:
    """类/款/项 rows with the given columns; 类 and 款 rows are the sums of their 项."""
    rows: list[View] = []
    for lei in data.general_budget.functions:
        lei_rows, lei_items = [], []
        for kuan in lei.items:
            items = [i for i in kuan.items if keep(i)]
            if not items:
                continue
            item_rows = [_row(i.code, i.name, "项", value_of(i)) for i in items]
            kuan_row = _row(kuan.code, kuan.name, "款", {c: _sum(getattr(r, c) for r in item_rows) for c in columns})
            lei_rows += [kuan_row] + item_rows
            lei_items += item_rows
        if lei_items:
            rows.append(_row(lei.code, lei.name, "类", {c: _sum(getattr(r, c) for r in lei_items) for c in columns}))
            rows += lei_rows
    return rows


def _income_of(i: Item) -> dict:
    income = i.income or ItemIncome()
    values = {c: getattr(income, c) for c in INCOME_COLUMNS}
    values["total"] = total(values.values())
    return values


def _spending_of(i: Item) -> dict:
    spending = i.spending or ItemSpending()
    values = {c: getattr(spending, c) for c in SPENDING_COLUMNS}
    values["total"] = total(values.values())
    return values


def _gb_of(i: Item) -> dict:
    basic, project = accounts.item_split(i)
    return {"total": i.current, "basic": basic, "project": project}


# The top-level records each table reads: a table of a record the file leaves out is the marker of
# that record (`view.absent`), reported as NEEDED by the template that prints it.
READS = {"t01": ("income", "expenditure", "general_budget"), "t02": ("income", "general_budget"),
         "t03": ("expenditure", "general_budget"), "t04": ("fiscal", "income", "general_budget"),
         "t05": ("general_budget", "basic"), "t06": ("basic",), "t07": ("three_public",), "t08": (), "t09": ()}


def derive_tables(data: Disclosure, v: View) -> View:
    def table(name: str, compute):
        lacking = next((r for r in READS[name] if getattr(data, r) is None), None)
        return absent(data, lacking) if lacking else compute()

    items = accounts.items(data) if data.general_budget is not None else []
    has_income = any(i.income is not None for i in items)
    has_spending = any(i.spending is not None for i in items)
    has_split = any(i.basic is not None or i.project is not None for i in items)
    # 公开02 收入决算表 and 公开03 支出决算表: rows only where the file gives them
    t02_rows = _hierarchy(data, ("total",) + INCOME_COLUMNS, _income_of,
                          lambda i: i.income is not None and _income_of(i)["total"] != 0) if has_income else []
    t03_rows = _hierarchy(data, ("total",) + SPENDING_COLUMNS, _spending_of,
                          lambda i: i.spending is not None and _spending_of(i)["total"] != 0) if has_spending else []
    fund, capital = v.government_fund, v.state_capital
    fund_spent = fund.expenditure.current if fund else ZERO
    capital_spent = capital.expenditure.current if capital else ZERO

    def t02() -> View:
        inc = v.income
        return View(rows=t02_rows, total=View(total=inc.total.current, **{c: getattr(inc, c).current
                                                                          for c in INCOME_COLUMNS}),
                    complete=has_income)

    def t03() -> View:
        exp = v.expenditure
        return View(rows=t03_rows, total=View(total=exp.total.current, **{c: getattr(exp, c).current
                                                                          for c in SPENDING_COLUMNS}),
                    complete=has_spending)

    def t05() -> View:
        # 公开05 一般公共预算财政拨款支出决算表
        rows = _hierarchy(data, ("total", "basic", "project"), _gb_of, lambda i: i.current != 0)
        gb_basic = accounts.basic_total(data.basic)      # None (a blank cell) when 人员经费 or 公用经费 is unknown
        return View(rows=rows, total=View(total=v.general_budget.current, basic=gb_basic,
                                          project=v.general_budget.current - gb_basic if gb_basic is not None
                                          else None), complete=has_split or not items)

    def t01() -> View:
        # 公开01: expenditure by 类
        by_class = {code: None for code in classification.functional_classes()}
        if has_spending:
            by_class = {code: ZERO for code in by_class}
            for r in t03_rows:
                if r.level == "类":
                    by_class[r.code] = r.total
        return View(income=v.income, expenditure=v.expenditure, by_class=by_class)

    # 公开07 “三公”经费
    def t07() -> View:
        tp = v.three_public
        return View(nil=all(x == 0 for x in (tp.current, tp.full_budget if not _missing(tp.full_budget) else ZERO)),
                    budget=_three_public_column(tp, "full_budget"), actual=_three_public_column(tp, "current"))

    # 公开08 政府性基金, 公开09 国有资本经营
    t08 = View(nil=fund is None or all(x == 0 for x in (fund.carryover_start, fund.income, fund_spent,
                                                         fund.carryover_end)), fund=fund)
    t09 = View(nil=capital is None or capital_spent == 0, fund=capital)

    return View(t01=table("t01", t01), t02=table("t02", t02), t03=table("t03", t03),
                t04=table("t04", lambda: _fiscal_table(data, v, fund_spent, capital_spent)),
                t05=table("t05", t05), t06=table("t06", lambda: _economic_table(v)), t07=table("t07", t07),
                t08=t08, t09=t09)


def _fiscal_table(data: Disclosure, v: View, fund_spent, capital_spent) -> View:
    """公开04 财政拨款收入支出决算总表."""
    classes = classification.functional_classes()
    fund, capital = v.government_fund, v.state_capital
    gb_by_class = {code: ZERO for code in classes}
    for c in v.general_budget.classes:
        gb_by_class[c.code] = c.current
    # 政府性基金 and 国有资本经营 money has no 类 breakdown in the model: where there is any, the
    # 类 rows of those columns (and of 合计) are left blank and TABLE-DATA says so
    special = bool(fund_spent or capital_spent)
    by_class = {code: View(total=None if special else gb_by_class[code], general_budget=gb_by_class[code],
                           government_fund=None if fund_spent else ZERO,
                           state_capital=None if capital_spent else ZERO)
                for code in classes}
    f = View(**{k: line.current for k, line in vars(v.fiscal).items()})
    fund_start = fund.carryover_start if fund else ZERO
    capital_start = capital.carryover_start if capital else ZERO
    fund_end = fund.carryover_end if fund else ZERO
    capital_end = capital.carryover_end if capital else ZERO
    return View(
        income=View(general_budget=data.income.general_budget, government_fund=data.income.government_fund,
                    state_capital=data.income.state_capital, total=f.income),
        carryover_start=View(total=f.carryover_start, general_budget=f.carryover_start - fund_start - capital_start,
                             government_fund=fund_start, state_capital=capital_start),
        by_class=by_class,
        spending=View(total=f.spending, general_budget=v.general_budget.current, government_fund=fund_spent,
                      state_capital=capital_spent),
        carryover_end=View(total=f.carryover_end, general_budget=f.carryover_end - fund_end - capital_end,
                           government_fund=fund_end, state_capital=capital_end),
        total_in=f.total_in, total_out=View(total=f.total_out,
                                            general_budget=v.general_budget.current + f.carryover_end - fund_end
                                            - capital_end, government_fund=fund_spent + fund_end,
                                            state_capital=capital_spent + capital_end))


def _missing(value) -> bool:
    return isinstance(value, Missing)


def _three_public_column(tp: View, column: str) -> View:
    def get(x):
        value = getattr(x, column)
        return None if _missing(value) else value
    return View(total=get(tp), abroad=get(tp.abroad), vehicles=get(tp.vehicles),
                purchase=get(tp.vehicles.purchase), operation=get(tp.vehicles.operation),
                reception=get(tp.reception))


def _economic_table(v: View) -> View:
    """公开06: the shipped classification in its three column groups, with the amounts."""
    entries = classification.economic()
    amounts = v.basic.economic
    known = bool(amounts)

    def column(classes: tuple[str, ...]) -> list[View]:
        rows = []
        for code, e in entries.items():
            if code[:3] in classes:
                if e.level == "class":
                    value = total(a for c, a in amounts.items() if c.startswith(code)) if known else None
                else:
                    value = amounts.get(code, ZERO) if known else None
                rows.append(View(code=code, name=e.name, amount=value, level=e.level))
        return rows

    return View(personnel=column(("301", "303")), public=column(("302",)), other=column(("307", "310", "399")),
                personnel_total=v.basic.personnel.current, public_total=v.basic.public.current, complete=known)
