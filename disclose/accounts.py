"""The sums of the accounts, each defined once.

Every total that the data file implies — 本年收入合计, 收入总计, 财政拨款收入 and 支出, the
类/款/项 of the 一般公共预算, 基本支出 = 人员经费 + 公用经费, a 项's 基本 = 本年 − 项目, the
“三公” columns, the 部门支出经济分类 groups, 政府采购 — is computed here and nowhere else.
`derive` prints these figures, `check` holds the stated ones against them, the tables lay
them out (and `verify` will recompute them), so a rule and a sentence cannot drift apart.

Plain functions over the model (`model.py`): Decimal in, Decimal out, no formatting, no
style.  Where the file states a total the 决算 software rounded differently from the sum
of its rounded parts, `stated_or` takes the stated one: `check` holds it to its parts.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from . import classification
from .model import (EXPENDITURE_KINDS, INCOME_SOURCES, BasicExpenditure, Disclosure, Expenditure, Income, Item, Kuan, Lei,
                    Procurement, ThreePublic, VehicleCounts)
from .numbers import total

FISCAL_SOURCES = ("general_budget", "government_fund", "state_capital")     # the 财政拨款 among the sources
THREE_PUBLIC_COLUMNS = ("current", "prior", "budget")                          # 决算, 上年, 全年预算


def stated_or(stated: Decimal | None, parts: Iterable[Decimal | None]) -> Decimal | None:
    """The stated total if the file gives one, else the sum of the parts (None if a part is)."""
    if stated is not None:
        return stated
    parts = list(parts)
    if any(p is None for p in parts):
        return None
    return total(parts)


def sum_or_none(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum, or None when a value is unknown (a table cell left blank)."""
    return stated_or(None, values)


# --- 收入 and 支出 ----------------------------------------------------------------------------

def income_parts(i: Income) -> dict[str, Decimal]:
    """本年收入 by source, in the order of the 决算 tables."""
    return {k: getattr(i, k) for k in INCOME_SOURCES}


def expenditure_parts(e: Expenditure) -> dict[str, Decimal]:
    """本年支出 by kind, in the order of the 决算 tables."""
    return {k: getattr(e, k) for k in EXPENDITURE_KINDS}


def income_totals(i: Income) -> tuple[Decimal, Decimal]:
    """本年收入合计 and 收入总计: as stated where the file states them, else summed."""
    this_year = stated_or(i.stated_total, income_parts(i).values())
    return this_year, stated_or(i.grand_total, [this_year, i.non_fiscal_balance_used, i.carryover_start])


def expenditure_totals(e: Expenditure) -> tuple[Decimal, Decimal]:
    """本年支出合计 and 支出总计, likewise."""
    this_year = stated_or(e.stated_total, expenditure_parts(e).values())
    return this_year, stated_or(e.grand_total, [this_year, e.balance_distribution, e.carryover_end])


def grand_totals(data: Disclosure) -> tuple[Decimal, Decimal]:
    """收入总计 and 支出总计, as the document prints them."""
    return income_totals(data.income)[1], expenditure_totals(data.expenditure)[1]


# --- 财政拨款 -----------------------------------------------------------------------------------

def fiscal_income(i: Income) -> Decimal:
    """本年财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营 财政拨款收入."""
    return total(getattr(i, k) for k in FISCAL_SOURCES)


def items(data: Disclosure) -> list[Item]:
    """Every 项 of the 一般公共预算 functional classification, 类 by 类, 款 by 款."""
    return [i for lei in data.general_budget.functions for kuan in lei.items for i in kuan.items]


def function_current(node: Lei | Kuan) -> Decimal:
    """本年 of a 类 or 款 of the functional classification: as stated, else the sum of its 项."""
    leaves = node.items if isinstance(node, Kuan) else [i for k in node.items for i in k.items]
    return stated_or(node.current, (i.current for i in leaves))


def general_budget_spending(data: Disclosure) -> Decimal:
    """本年一般公共预算财政拨款支出: the sum of its 项."""
    return total(i.current for i in items(data))


def fiscal_spending_parts(data: Disclosure) -> list[Decimal]:
    """What 本年财政拨款支出 adds up: each 项's 一般公共预算 spending and each special fund's."""
    return [i.current for i in items(data)] + [
        f.expenditure for f in (data.government_fund, data.state_capital) if f is not None]


def fiscal_spending(data: Disclosure) -> Decimal:
    """本年财政拨款支出 = 一般公共预算 + 政府性基金 + 国有资本经营 财政拨款支出."""
    return total(fiscal_spending_parts(data))


def fiscal_total_in(data: Disclosure) -> Decimal:
    """财政拨款收入总计 = 年初财政拨款结转和结余 + 本年财政拨款收入."""
    return data.fiscal.carryover_start + fiscal_income(data.income)


def fiscal_total_out(data: Disclosure) -> Decimal:
    """财政拨款支出总计 = 年末财政拨款结转和结余 + 本年财政拨款支出."""
    return data.fiscal.carryover_end + fiscal_spending(data)


def general_budget_prior(data: Disclosure) -> Decimal | None:
    """上年一般公共预算财政拨款支出: as stated, else the sum of the 项's 上年."""
    return stated_or(data.general_budget.prior, (i.prior for i in items(data)))


def item_split(i: Item) -> tuple[Decimal | None, Decimal | None]:
    """A 项's 基本支出 and 项目支出 (公开05): one given, the other is 本年 − it."""
    basic, project = i.basic, i.project
    if basic is None and project is not None:
        basic = i.current - project
    if project is None and basic is not None:
        project = i.current - basic
    return basic, project


# --- 基本支出 and the 部门支出经济分类 --------------------------------------------------------------

def economic_group(amounts: dict[str, Decimal], group: str) -> Decimal:
    """人员经费 or 公用经费: the sum of the economic codes of that group."""
    entries = classification.economic()
    return total(a for c, a in amounts.items() if c in entries and entries[c].group == group)


def economic_class(amounts: dict[str, Decimal], class_code: str) -> Decimal:
    """A 3-digit class of the 部门支出经济分类 (301 工资福利支出…): the sum of its codes."""
    return total(a for c, a in amounts.items() if c.startswith(class_code))


def personnel_and_public(b: BasicExpenditure) -> tuple[Decimal | None, Decimal | None]:
    """人员经费 and 公用经费: as entered, else the sums of the economic codes (None if neither)."""
    personnel, public = b.personnel, b.public
    if b.economic:
        personnel = economic_group(b.economic, "人员经费") if personnel is None else personnel
        public = economic_group(b.economic, "公用经费") if public is None else public
    return personnel, public


def basic_total(b: BasicExpenditure) -> Decimal | None:
    """一般公共预算财政拨款基本支出 = 人员经费 + 公用经费 (as stated where the file states it)."""
    personnel, public = personnel_and_public(b)
    if personnel is None or public is None:
        return b.stated_total
    return stated_or(b.stated_total, [personnel, public])


# --- “三公”经费 ------------------------------------------------------------------------------------

def vehicles_column(t: ThreePublic, column: str) -> Decimal | None:
    """公务用车购置及运行维护费 in one column: as stated (上年, 预算), else 购置 + 运行维护."""
    v = t.vehicles
    stated = None if column == "current" else getattr(v, column)
    return stated_or(stated, [getattr(v.purchase, column), getattr(v.operation, column)])


def three_public_column(t: ThreePublic, column: str) -> Decimal | None:
    """“三公”经费 in one column: as stated, else 因公出国（境）费 + 公务用车 + 公务接待费."""
    stated = getattr(t, f"stated_{column}")
    return stated_or(stated, [getattr(t.abroad, column), vehicles_column(t, column), getattr(t.reception, column)])


# --- 政府采购 and 国有资产 ------------------------------------------------------------------------

def procurement_total(p: Procurement) -> Decimal:
    """政府采购支出总额 = 货物 + 工程 + 服务 (as stated where the file states it)."""
    return stated_or(p.stated_total, [p.goods, p.works, p.services])


VEHICLE_KINDS = ("leaders", "principal", "confidential", "emergency", "law_enforcement",
                 "special", "retiree_service", "other", "cadre", "general")


def vehicle_count(v: VehicleCounts) -> int:
    """车辆数: the vehicles of every kind."""
    return sum(getattr(v, k) for k in VEHICLE_KINDS)
