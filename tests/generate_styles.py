"""Consistent data files for the property tests of the styles added after xinjiang and ningxia
(tests/test_properties_styles.py).

`full_datasets(style)` draws a file of `generate.datasets` — every figure consistent, the
same edge cases (zero bases, exact half-cent rates and shares, …50.00元) — and adds what
sichuan, yunnan and guangxi print beyond xinjiang and ningxia, as their example files
(data/<style>-example-2024.yaml) show it: each 类's usage, the 机构设置 texts, 本年收入合计 and
本年支出合计 against last year (`income.compare`, `expenditure.compare`), the receptions by
name, the 国（境）外 reception, 会议费 and 培训费, each income line's definition…  Every new
reason is again a unique tag (`说明-income-total`…).

`three_public_datasets()` draws Anhui's stand-alone “三公” page: a file of `unit`, `year`,
`amount_unit` and `three_public:` only (README, *A partial document*), each part against its
全年预算 — the parts drawn as pairs, so exact half-cent completion rates come often.
"""
from __future__ import annotations

from hypothesis import strategies as st

from generate import FUNDS, ITEMS, Cents, Dataset, _BOOL, _UNIT, base_for, datasets, pair, part_of, reason, split

FULL_STYLES = ("sichuan", "yunnan", "guangxi")
_SUBORDINATES = st.sampled_from(([], ["示例县医疗保障服务中心"]))
_COUNT = st.integers(0, 30)


def _definitions(income: dict) -> dict:
    """guangxi: a clause defining each income line it prints (those not 0)."""
    keys = [k for k, v in income.items() if v and k not in ("stated_total", "grand_total", "compare")]
    return {k: f"为{k}的定义" for k in keys}


@st.composite
def full_datasets(draw, style: str) -> Dataset:
    """A consistent data file for `style` (sichuan, yunnan or guangxi), in 元 or 万元."""
    ds = draw(datasets(style))
    d, C = ds.data, Cents

    d["overview"].update(level="行政单位", short_name="县医保局", subordinate_units=draw(_SUBORDINATES))
    for lei in d["general_budget"]["functions"]:
        lei["usage"] = f"用途{lei['code']}"

    # 本年收入合计 and 本年支出合计 against last year (yunnan; sichuan and guangxi may hold them)
    inc, exp = d["income"], d["expenditure"]
    income_total = sum(v for k, v in inc.items() if k in (
        "general_budget", "government_fund", "state_capital", "superior_subsidy", "business", "operating",
        "affiliated", "other"))
    spending_total = sum(v for k, v in exp.items() if k in (
        "basic", "project", "to_superior", "operating", "to_affiliated"))
    if style == "guangxi":
        inc["definitions"] = _definitions(inc)
    inc["compare"] = {"total": {"prior": C(base_for(draw, income_total)), "reason": reason("income-total")}}
    exp["compare"] = {"total": {"prior": C(base_for(draw, spending_total)), "reason": reason("expenditure-total")}}

    # “三公”经费: the counts, the 国（境）外 reception apart, the receptions by name
    t = d["three_public"]
    t["abroad"].update(groups=draw(_COUNT), people=draw(_COUNT))
    v = t["vehicles"]
    v["fleet_types"] = [{"name": "越野车", "count": v["fleet"]}]
    r = t["reception"]
    foreign = r.get("foreign", {}).get("current", 0)
    if style == "sichuan" and "foreign" not in r:
        foreign = part_of(draw, r["current"])
        r["foreign"] = {"current": C(foreign), "batches": 1, "people": 3, "content": "外宾接待"}
    domestic = r["current"] - foreign
    r["items"] = [{"name": f"接待{n}", "amount": C(a)} for n, a in enumerate(split(draw, domestic, 2), 1)]
    r["people_note"] = "不包括陪同人员"

    d["procurement"]["purposes"] = ["办公设备"]
    d["other_matters"] = []
    if style == "yunnan":
        for key in ("meetings", "training"):
            current, prior = pair(draw)
            d[key] = {"current": C(current), "prior": C(prior), "reason": reason(key)}
        d["texts"] = {"scope_note": "本部门机关运行经费的口径"}
        fiscal_spending = sum(i["current"] for i in _items(d)) + sum(d[f]["expenditure"] for f in FUNDS if f in d)
        other_spending = spending_total - fiscal_spending
        d["performance"]["unit"] = {
            "funds": [{"source": "财政拨款", "initial_budget": d["fiscal"]["budget"],
                       "full_year_budget": C(fiscal_spending), "executed": C(fiscal_spending)},
                      # the form's 全年执行数 is 本年支出合计 (rule UNIT-EXECUTED)
                      {"source": "其他资金", "initial_budget": C(0), "full_year_budget": C(other_spending),
                       "executed": C(other_spending)}],
            "funds_weight": 10, "goal_expected": "完成经办服务", "goal_actual": "已完成经办服务",
            "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "经办业务量", "target": ">=100件",
                            "weight": 90, "actual": "=100件", "score": 90}]}
    return ds


def _items(d: dict) -> list[dict]:
    functions = d["general_budget"]["functions"]
    return [functions[a]["items"][b]["items"][c] for a, b, c in ITEMS]


@st.composite
def three_public_datasets(draw) -> Dataset:
    """Anhui's “三公” page: unit, year, amount_unit and three_public only, in 元 or 万元."""
    C = Cents
    unit = draw(_UNIT)

    def part(tag: str) -> dict:
        current, budget = pair(draw)
        return {"current": C(current), "budget": C(budget), "budget_reason": reason(f"{tag}-budget")}

    abroad = part("abroad") | {"groups": draw(_COUNT), "people": draw(_COUNT)}
    t = {"budget_reason": reason("three-public-budget"), "abroad": abroad,
         "vehicles": {"purchase": part("purchase"), "operation": part("operation"),
                      "purchased": draw(_COUNT), "fleet": draw(_COUNT)},
         "reception": part("reception") | {"batches": draw(_COUNT), "people": draw(_COUNT)}}
    if draw(_BOOL):       # the totals stated, equal to their parts
        parts = (abroad, t["vehicles"]["purchase"], t["vehicles"]["operation"], t["reception"])
        t["stated_current"] = C(sum(p["current"] for p in parts))
        t["stated_budget"] = C(sum(p["budget"] for p in parts))
    data = {"unit": "示例市档案馆", "year": 2024, "amount_unit": unit, "style": "anhui", "three_public": t}
    return Dataset("anhui", unit, data)
