"""Consistent data files for the property tests (tests/test_properties.py).

`datasets(style)` is a hypothesis strategy: it starts from tests/fixtures/minimal-2024.yaml
and replaces every figure the narrative computes from, so that every total agrees with its
parts exactly and `disclose check` finds no error (only TABLE-DATA warnings for 政府性基金
and 国有资本经营 money, which the tables cannot break down).

Amounts are whole numbers of cents (`Cents`), never floats, written to the YAML as
`1234.56`; each amount drawn lies between 0 and 1,000,000,000.00 in the file's unit (元 or
万元, drawn), and the totals of several of them (收入总计…) go beyond.  The draws lean
towards the cases where printed figures go wrong:

- zero bases and zero figures (0 → x, x → 0, 0 → 0), equal figures;
- pairs whose rate, completion rate or share is an exact half-cent percentage
  (r × 100 has a third decimal 5 and nothing after it), where half-up and half-even
  rounding differ;
- amounts and changes of …50.00元, which print as an exact half cent of 万元;
- round figures (multiples of 1,000.00) and tiny ones.

Every reason (`reason`, `budget_reason`) is a unique tag (`说明-gb`, `说明-item-2101501-budget`…),
so the test finds the sentence that prints a given change by the reason that follows it.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from math import gcd
from pathlib import Path

import yaml
from hypothesis import strategies as st

FIXTURE = Path(__file__).parent / "fixtures" / "minimal-2024.yaml"

MAX = 10**11            # cents: amounts run from 0.00 to 1,000,000,000.00
TIE = 100_000           # r prints as an exact half-cent percentage iff r × TIE is an odd multiple of 5

INCOME_SOURCES = ("general_budget", "government_fund", "state_capital", "superior_subsidy", "business",
                  "operating", "affiliated", "other")
NON_FISCAL = ("superior_subsidy", "business", "operating", "affiliated", "other")
EXPENDITURE_KINDS = ("basic", "project", "to_superior", "operating", "to_affiliated")
FUNDS = ("government_fund", "state_capital")

# The 项 of the fixture, in document order: (类 index, 款 index, 项 index) in general_budget.functions.
ITEMS = ((0, 0, 0), (0, 0, 1), (1, 0, 0))
# 基本支出 by 部门支出经济分类 code: a few codes of each class (301, 303 人员经费; the rest 公用经费).
PERSONNEL_CODES = ("30101", "30102", "30113", "30302")
PUBLIC_CODES = ("30201", "30217", "30231", "30299", "30701", "31002", "39999")
ECONOMIC_CLASSES = ("301", "302", "303", "307", "310", "399")

SMALL_ODD = tuple(q for q in range(1, 100, 2) if q % 5)      # odd factors a tie base may take out


class Cents(int):
    """An amount: a whole number of cents of the file's unit; YAML `1234.56`."""

    def text(self) -> str:
        return f"{int(self) // 100}.{int(self) % 100:02d}"

    def __repr__(self) -> str:
        return self.text()


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


_Dumper.add_representer(Cents, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", v.text()))


def reason(tag: str) -> str:
    """A unique 主要原因 (a clause: no final 。), found again in the text by `tag`."""
    return f"说明-{tag}"


@dataclass
class Dataset:
    style: str
    unit: str           # the file's amount_unit
    data: dict          # the YAML document; amounts are Cents

    def yaml(self) -> str:
        return yaml.dump(self.data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)

    def __repr__(self) -> str:   # what hypothesis prints for a falsifying example
        return f"Dataset(style={self.style!r}, unit={self.unit!r}, data=<<<\n{self.yaml()}>>>)"


def _fixture() -> dict:
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


_FIXTURE_DATA = _fixture()


# --- amounts ---------------------------------------------------------------------------------
#
# The helpers take hypothesis' `draw` and use only the module-level strategies below: a
# strategy built anew for every draw would be validated anew each time, which made data
# generation cost more than building the document.

_SPAN = 2**40                                   # > MAX, so position·hi // _SPAN reaches every 0 … hi
_POSITION = st.integers(0, _SPAN)
_BOOL = st.booleans()
_SHAPE = st.sampled_from(("zero", "any", "medium", "small", "round", "half_wan"))
_PAIR = st.sampled_from(("free", "tie", "from_zero", "to_zero", "both_zero", "equal", "near"))
_BASE = st.sampled_from(("free", "zero", "equal", "near", "tie"))
_SPLIT = st.sampled_from(("cuts", "one", "tie"))
_TIE_UP, _TIE_DOWN = st.integers(0, 100_000), st.integers(0, 9_999)
_PART = st.sampled_from(("none", "all", "some"))
_UNIT = st.sampled_from(("元", "万元"))


def upto(draw, hi: int) -> int:
    """0 … hi (hi ≥ 0), shrinking towards 0."""
    return draw(_POSITION) * max(hi, 0) // _SPAN


def part_of(draw, whole: int) -> int:
    """0, whole, or anything between."""
    kind = draw(_PART)
    return 0 if kind == "none" else whole if kind == "all" else upto(draw, whole)


def amount(draw, hi: int = MAX) -> int:
    """0 … hi cents, with zero, tiny, round and …50.00 figures over-represented."""
    shape = draw(_SHAPE)
    if hi <= 0 or shape == "zero":
        return 0
    if shape == "medium":
        return upto(draw, min(hi, 10**8))                             # up to 1,000,000.00
    if shape == "small":
        return 1 + upto(draw, min(hi, 10_000) - 1)                     # 0.01 … 100.00
    if shape == "round" and hi >= 10**5:
        return 10**5 * (1 + upto(draw, hi // 10**5 - 1))              # 1,000.00, 2,000.00 …
    if shape == "half_wan" and hi >= 5_000:
        return 5_000 + 10_000 * upto(draw, (hi - 5_000) // 10_000)     # …50.00: half a cent of 万元
    return upto(draw, hi)


def tie_bases(current: int, hi: int = MAX) -> list[int]:
    """Bases b ≤ hi with current ÷ b × 100 (and so (current − b) ÷ b × 100) an exact half-cent
    percentage: b = current × TIE ÷ m for an odd multiple m of 5 that divides current × TIE."""
    if current <= 0:
        return []
    v5, c = 0, current
    while c % 5 == 0:
        v5, c = v5 + 1, c // 5
    found = set()
    for q in SMALL_ODD:
        if current % q:
            continue
        for a in range(1, 6 + min(v5, 6)):
            m = 5**a * q
            if (current * TIE) % m == 0 and 0 < current * TIE // m <= hi:
                found.add(current * TIE // m)
    return sorted(found)


def draw_tie_pair(draw, hi: int = MAX) -> tuple[int, int]:
    """(current, base) whose change rate is ± n/1000 % exactly, n an odd multiple of 5:
    0.005% … 99.995% down, 0.005% … 1,000.005% up."""
    up = draw(_BOOL)
    n = 10 * draw(_TIE_UP if up else _TIE_DOWN) + 5
    g = gcd(n, TIE)
    unit, step = TIE // g, n // g        # base = unit·k, change = step·k
    k = 1 + upto(draw, hi // (unit + step if up else unit) - 1)
    base = unit * k
    return (base + step * k, base) if up else (base - step * k, base)


@st.composite
def tie_pair(draw, hi: int = MAX) -> tuple[int, int]:
    return draw_tie_pair(draw, hi)


def pair(draw, hi: int = MAX) -> tuple[int, int]:
    """(current, base) for a figure and its 上年 or 预算, both free."""
    kind = draw(_PAIR)
    if kind == "tie":
        return draw_tie_pair(draw, hi)
    if kind == "both_zero":
        return 0, 0
    if kind == "from_zero":
        return 1 + upto(draw, hi - 1), 0
    if kind == "to_zero":
        return 0, 1 + upto(draw, hi - 1)
    current = amount(draw, hi)
    return current, base_for(draw, current, hi, kind)


def base_for(draw, current: int, hi: int = MAX, kind: str | None = None) -> int:
    """A base (上年 or 预算, ≤ hi) for a figure that is already fixed."""
    kind = kind or draw(_BASE)
    if kind == "tie" and (ties := tie_bases(current, hi)):
        return ties[upto(draw, len(ties) - 1)]
    if kind == "zero":
        return 0
    if kind == "equal" and current <= hi:
        return current
    if kind == "near":
        # a change of a few cents, or of …50.00 (half a cent of 万元)
        delta = 1 + upto(draw, 99) if draw(_BOOL) else 5_000 + 10_000 * upto(draw, 10**4)
        base = current + delta if draw(_BOOL) else current - delta
        if 0 <= base <= hi:
            return base
    return amount(draw, hi)


def tie_share(total: int) -> tuple[int, int] | None:
    """(step, count): part = total·m ÷ TIE is a whole number of cents and an exact half-cent
    percentage of total for m = step·(2s + 1), 0 ≤ s < count; None when no such m < TIE."""
    w = TIE // gcd(total, TIE)        # m must be a multiple of w
    if w % 2 == 0:
        return None
    step = w if w % 5 == 0 else 5 * w
    count = ((TIE - 1) // step + 1) // 2     # odd r with step·r < TIE
    return (step, count) if count else None


def split(draw, total: int, k: int) -> list[int]:
    """total cut into k parts ≥ 0 that add up to it exactly."""
    if k == 1:
        return [total]
    kind = draw(_SPLIT)
    if kind == "one":
        parts = [0] * k
        parts[upto(draw, k - 1)] = total
        return parts
    if kind == "tie" and (t := tie_share(total)) is not None:
        step, count = t
        first = total * step * (2 * upto(draw, count - 1) + 1) // TIE
        rest = split(draw, total - first, k - 1)
        i = upto(draw, k - 1)
        return rest[:i] + [first] + rest[i:]
    cuts = sorted(amount(draw, total) if draw(_BOOL) else upto(draw, total) for _ in range(k - 1))
    bounds = [0] + cuts + [total]
    return [b - a for a, b in zip(bounds, bounds[1:])]


# --- the data file ---------------------------------------------------------------------------------

@st.composite
def datasets(draw, style: str) -> Dataset:
    """A consistent data file for `style` (xinjiang or ningxia), in 元 or 万元."""
    C = Cents
    unit = draw(_UNIT)
    d = copy.deepcopy(_FIXTURE_DATA)
    d["style"], d["amount_unit"] = style, unit

    def state() -> bool:
        """State a total (equal to its parts) or leave it to be computed."""
        return draw(_BOOL)

    # 一般公共预算财政拨款支出 by 项: this year, last year, 年初预算, and the 基本/项目 split
    functions = d["general_budget"]["functions"]
    items = []
    for li, ki, ii in ITEMS:
        item = functions[li]["items"][ki]["items"][ii]
        current, prior = pair(draw)
        budget = base_for(draw, current)
        basic = part_of(draw, current)
        item.update(current=C(current), prior=C(prior), budget=C(budget), basic=C(basic),
                    project=C(current - basic), reason=reason(f"item-{item['code']}"),
                    budget_reason=reason(f"item-{item['code']}-budget"))
        items.append(item)
    gb_current = sum(i["current"] for i in items)
    for lei in functions:
        for column in ("current", "prior"):
            lei.pop(column, None)
            if state():
                lei[column] = C(sum(i[column] for k in lei["items"] for i in k["items"]))
        for kuan in lei["items"]:
            for column in ("current", "prior"):
                kuan.pop(column, None)
                if state():
                    kuan[column] = C(sum(i[column] for i in kuan["items"]))

    # 本年收入 by source; the 财政拨款 money and its 结转
    present = {f: draw(_BOOL) for f in FUNDS}
    sources = ["general_budget"] + [f for f in FUNDS if present[f]] + list(NON_FISCAL)
    income_total = amount(draw)
    income = dict.fromkeys(INCOME_SOURCES, 0)
    income.update(zip(sources, split(draw, income_total, len(sources))))
    general = income["general_budget"]
    x = amount(draw)
    delta = gb_current - general           # 年初结转 − 年末结转 of 一般公共预算 money
    gb_start, gb_end = (delta + x, x) if delta >= 0 else (x, x - delta)
    fund_start, fund_end, fund_spent = {}, {}, {}
    for f in FUNDS:
        if not present[f]:
            d.pop(f, None)
            continue
        start = amount(draw)
        spent, end = split(draw, start + income[f], 2)
        fund_start[f], fund_end[f], fund_spent[f] = start, end, spent
        d[f] = {"carryover_start": C(start), "income": C(income[f]), "expenditure": C(spent),
                "carryover_end": C(end), "prior": C(base_for(draw, spent)), "reason": reason(f)}
    fiscal_start = gb_start + sum(fund_start.values())
    fiscal_end = gb_end + sum(fund_end.values())
    fiscal_income = general + income["government_fund"] + income["state_capital"]
    fiscal_spending = gb_current + sum(fund_spent.values())
    balance_used = amount(draw)
    carryover_start = fiscal_start + amount(draw)
    grand_total = income_total + balance_used + carryover_start

    d["income"] = {k: C(v) for k, v in income.items() if v or k == "general_budget"}
    if state():
        d["income"]["stated_total"] = C(income_total)
    d["income"]["non_fiscal_balance_used"] = C(balance_used)
    d["income"]["carryover_start"] = C(carryover_start)
    if state():
        d["income"]["grand_total"] = C(grand_total)

    overall_prior = base_for(draw, grand_total)
    fiscal_total = fiscal_start + fiscal_income
    d["overall"] = {"prior_total": C(overall_prior), "reason": reason("overall")}
    d["fiscal"] = {"carryover_start": C(fiscal_start), "carryover_end": C(fiscal_end),
                   "prior_total": C(base_for(draw, fiscal_total, hi=overall_prior)),
                   # 财政拨款年初预算 is the 项' 年初预算 when all 财政拨款 is 一般公共预算 (rule LINE-SUMS)
                   "reason": reason("fiscal"), "budget": C(base_for(draw, fiscal_spending) if any(
                       present[f] for f in FUNDS) else sum(i["budget"] for i in items)),
                   "budget_reason": reason("fiscal-budget")}
    gb = d["general_budget"]
    gb.update(reason=reason("gb"), budget_reason=reason("gb-budget"))
    for column in ("prior", "budget"):
        gb.pop(column, None)
        if state():
            gb[column] = C(sum(i[column] for i in items))
    gb["functions"] = gb.pop("functions")       # keep the 项 last, as in the fixture

    # 本年支出 by kind: 支出总计 = 收入总计; the 财政拨款 money is part of it
    rest = grand_total - fiscal_end - fiscal_spending
    more_spent, distributed, more_end = split(draw, rest, 3)
    spending_total = fiscal_spending + more_spent
    basic_total = sum(i["basic"] for i in items)                  # 一般公共预算财政拨款基本支出
    kinds = split(draw, spending_total - basic_total, len(EXPENDITURE_KINDS))
    kinds[0] += basic_total
    expenditure = dict(zip(EXPENDITURE_KINDS, kinds))
    d["expenditure"] = {k: C(v) for k, v in expenditure.items() if v or k in ("basic", "project")}
    if state():
        d["expenditure"]["stated_total"] = C(spending_total)
    d["expenditure"]["balance_distribution"] = C(distributed)
    d["expenditure"]["carryover_end"] = C(fiscal_end + more_end)
    if state():
        d["expenditure"]["grand_total"] = C(grand_total)

    # the 项 rows of 公开02 and 公开03
    rows = {i["code"]: ({}, {}) for i in items}
    fiscal_parts = [("fiscal", fiscal_income)] + [(k, income[k]) for k in NON_FISCAL]
    for key, whole in fiscal_parts:
        for item, part in zip(items, split(draw, whole, len(items))):
            if part:
                rows[item["code"]][0][key] = C(part)
    for key, whole in expenditure.items():
        for item, part in zip(items, split(draw, whole, len(items))):
            if part:
                rows[item["code"]][1][key] = C(part)
    for item in items:
        item["income"], item["spending"] = rows[item["code"]]

    # 基本支出 = 人员经费 + 公用经费, by economic code
    personnel, public = split(draw, basic_total, 2)
    b = {}
    if personnel and public:
        amounts_by_code = dict(zip(PERSONNEL_CODES, split(draw, personnel, len(PERSONNEL_CODES))))
        amounts_by_code.update(zip(PUBLIC_CODES, split(draw, public, len(PUBLIC_CODES))))
        b["economic"] = {code: C(a) for code, a in amounts_by_code.items() if a}
        if state():
            b["personnel"] = C(personnel)
        if state():
            b["public"] = C(public)
    else:
        # one group is nil: its items are named as entered (an economic list without its codes
        # cannot name them); the other group's amount sits on one code, so each class is known
        amounts_by_code = {PERSONNEL_CODES[0]: personnel} if personnel else {PUBLIC_CODES[0]: public} if public else {}
        if amounts_by_code:
            b["economic"] = {code: C(a) for code, a in amounts_by_code.items()}
        b.update(personnel=C(personnel), personnel_items=["基本工资"], public=C(public), public_items=["办公费"])
    if state():
        b["stated_total"] = C(basic_total)
    b["classes"] = {}
    for code in ECONOMIC_CLASSES:
        current = sum(a for c, a in amounts_by_code.items() if c.startswith(code))
        b["classes"][code] = {"budget": C(base_for(draw, current)), "prior": C(base_for(draw, current)),
                              "budget_reason": reason(f"class-{code}-budget"), "reason": reason(f"class-{code}")}
    d["basic"] = b

    # 财政拨款“三公”经费
    t = d["three_public"]
    three = amount(draw)
    abroad, purchase, operation, reception = split(draw, three, 4)
    vehicles = purchase + operation
    t["abroad"].update(current=C(abroad), prior=C(base_for(draw, abroad)), budget=C(base_for(draw, abroad)),
                       reason=reason("abroad"), budget_reason=reason("abroad-budget"))
    v = t["vehicles"]
    vehicles_prior = base_for(draw, vehicles)
    v["reason"] = reason("vehicles")
    v["purchase"].update(current=C(purchase), budget=C(base_for(draw, purchase)),
                         budget_reason=reason("purchase-budget"))
    v["operation"].update(current=C(operation), budget=C(base_for(draw, operation)),
                          budget_reason=reason("operation-budget"))
    v.pop("prior", None)
    v["purchase"].pop("prior", None)
    v["operation"].pop("prior", None)
    if draw(_BOOL):                     # 上年 of the two together only (as seed 000 gives it)
        v["prior"] = C(vehicles_prior)
    else:                                       # 上年 by part, the sum stated or not
        p_prior, o_prior = split(draw, vehicles_prior, 2)
        v["purchase"]["prior"], v["operation"]["prior"] = C(p_prior), C(o_prior)
        if state():
            v["prior"] = C(vehicles_prior)
    v.pop("budget", None)
    if state():
        v["budget"] = C(v["purchase"]["budget"] + v["operation"]["budget"])
    r = t["reception"]
    r.update(current=C(reception), prior=C(base_for(draw, reception)), budget=C(base_for(draw, reception)),
             reason=reason("reception"), budget_reason=reason("reception-budget"))
    if style == "ningxia":
        foreign = part_of(draw, reception)
        r["foreign"] = {"current": C(foreign), "batches": 1, "people": 3, "content": "外宾接待"}
    t.update(reason=reason("three-public"), budget_reason=reason("three-public-budget"))
    for key, value in (("stated_current", three),
                       ("stated_prior", t["abroad"]["prior"] + vehicles_prior + r["prior"]),
                       ("stated_budget", t["abroad"]["budget"] + v["purchase"]["budget"] + v["operation"]["budget"]
                        + r["budget"])):
        t.pop(key, None)
        if state():
            t[key] = C(value)

    # 机关运行经费: the 公用经费 where the unit says the two coincide
    oc = d["operating_costs"]
    oc["equals_public"] = draw(_BOOL)
    if oc["equals_public"]:
        current = public
        prior = base_for(draw, current)
    else:
        current, prior = pair(draw)
    oc.update(current=C(current), prior=C(prior), reason=reason("operating-costs"))

    # 政府采购
    p = d["procurement"]
    whole = amount(draw)
    goods, works, services = split(draw, whole, 3)
    sme = split(draw, whole, 2)[0]
    small_micro = split(draw, whole, 2)[0]
    sme, small_micro = max(sme, small_micro), min(sme, small_micro)
    p.clear()
    p.update(goods=C(goods), works=C(works), services=C(services), sme=C(sme), small_micro=C(small_micro))
    if state():
        p["stated_total"] = C(whole)

    if style == "ningxia":
        d["performance"]["self_evaluation"] = {"first_level": 1, "second_level": 0,
                                               "funds": C(amount(draw)), "coverage": 100}
        d["performance"]["results"] = [{"project": "医保经办经费", "score": 95, "problems": "指标不够细化",
                                        "measures": "细化指标"}]
    return Dataset(style, unit, d)
