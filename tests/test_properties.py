"""Property tests: every figure the narrative computes is printed as the half-up rounding of
its exact value.

For data files drawn by `generate.datasets` (consistent: `check` finds no error), the
document is built to text and every 增减 amount (增加/减少 X元 or 万元), rate (增长/下降 R%),
share (占 R%), completion rate (完成…的 R%), 预决算差异率 and the amounts printed beside them
are read back from the sentences and compared with the exact value computed here, from the
data, with fractions — independently of disclose's own arithmetic — and rounded half up
(四舍五入, as decimal's ROUND_HALF_UP) to two decimals.

The conventions for zero bases and unchanged figures are the shipped styles' settings as the
README documents them ("What is computed", "The settings"): 0 ÷ 0 is 0% and x ÷ 0 is 100%;
no change reads 增加0.00万元，增长0.00% in xinjiang and 持平 in ningxia.

Runs:

    pytest tests/test_properties.py                  # 200 examples per style, the same every run
    pytest -m slow tests/test_properties.py          # 10,000 new random examples per style
    DISCLOSE_PROPERTY_EXAMPLES=500 pytest …          # another count for either run

Add --hypothesis-show-statistics to see how many exact half-cent figures a run met.

The examples database is off (`database=None`) and the data files go to pytest's temporary
directory.  Hypothesis still caches the constants of the source in `.hypothesis/constants/`
(a folder it git-ignores itself with a `*` .gitignore).
"""
from __future__ import annotations

import io
import json
import os
import re
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from disclose.cli import main
from generate import ECONOMIC_CLASSES, FUNDS, INCOME_SOURCES, ITEMS, datasets, reason, tie_bases, tie_pair

STYLES = ("xinjiang", "ningxia")
NORMAL_EXAMPLES, SLOW_EXAMPLES = 200, 10_000
EXAMPLES = int(os.environ.get("DISCLOSE_PROPERTY_EXAMPLES") or 0)


def property_settings(examples: int, derandomize: bool) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
                    print_blob=not derandomize,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("properties")


# --- exact arithmetic ------------------------------------------------------------------------------

def half_up(q: Fraction, places: int = 2) -> Decimal:
    """q rounded to `places` decimals, halves away from zero: decimal's ROUND_HALF_UP of the
    exact value (q may have any denominator, so no Decimal context can hold it exactly)."""
    scaled = abs(q) * 10**places
    n = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)   # floor(|q|·10^p + ½)
    return Decimal(-n if q < 0 else n).scaleb(-places)


def is_tie(q: Fraction, places: int = 2) -> bool:
    """q lies exactly halfway between two printable values (a third decimal 5, then nothing)."""
    x = abs(q) * 10 ** (places + 1)
    return x.denominator == 1 and x.numerator % 10 == 5


def percent(numerator: int, denominator: int) -> Fraction:
    """numerator ÷ denominator in %, with both styles' zero base: 0 ÷ 0 = 0%, x ÷ 0 = ±100%."""
    if denominator == 0:
        return Fraction(0) if numerator == 0 else Fraction(100 if numerator > 0 else -100)
    return Fraction(100 * numerator, denominator)


def test_half_up_is_decimal_round_half_up():
    for n in range(-2000, 2001):
        for places in range(0, 5):
            exact = Decimal(n).scaleb(-places)
            assert half_up(Fraction(n, 10**places)) == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(tie_pair())
@settings(max_examples=200, deadline=None, database=None, derandomize=True)
def test_generator_makes_exact_half_cent_rates(pair):
    current, base = pair
    assert 0 <= current <= 10**11 and 0 < base <= 10**11
    assert is_tie(percent(current - base, base)) and is_tie(percent(current, base))


@given(st.integers(1, 10**11))
@settings(max_examples=200, deadline=None, database=None, derandomize=True)
def test_generator_finds_half_cent_bases(current):
    for base in tie_bases(current):
        assert is_tie(percent(current, base)) and is_tie(percent(current - base, base))


# --- reading the document back -------------------------------------------------------------------------

AMT = r"([\d,]+\.\d{2})(万元|元)"
PCT = r"(-?\d+\.\d{2})%"
CHANGE = rf"(?:(增加|减少){AMT}，(增长|下降){PCT}|(持平))"
END = r"(?=[。；，]|$)"
PRINT_UNIT = {"xinjiang": "万元", "ningxia": "元", "sichuan": "万元", "yunnan": "万元", "guangxi": "万元", "anhui": "万元"}
# README, "The settings": the words for no change (the from_zero words are the increase words)
EQUAL = {"xinjiang": ("增加", "增长"), "ningxia": "持平", "sichuan": "持平", "yunnan": "持平", "guangxi": "持平"}
CLASS_NAMES = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助",
               "307": "债务利息及费用支出", "310": "资本性支出", "399": "其他支出"}
INCOME_LABELS = {"superior_subsidy": "上级补助收入", "business": "事业收入", "operating": "经营收入",
                 "affiliated": "附属单位上缴收入", "other": "其他收入"}
EXPENDITURE_LABELS = {"basic": "基本支出", "project": "项目支出", "to_superior": "上缴上级支出",
                      "operating": "经营支出", "to_affiliated": "对附属单位补助支出"}


def line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


class Reader:
    """Finds the sentences of one built document and compares their figures with the data."""

    def __init__(self, text: str, style: str, file_unit: str):
        self.text, self.style, self.file_unit = text, style, file_unit
        self.unit = PRINT_UNIT[style]
        self.failures: list[str] = []
        self.kinds: Counter[str] = Counter()

    # finding
    def find(self, pattern: str, what: str, required: bool = True) -> re.Match | None:
        found = list(re.finditer(pattern, self.text))
        if len(found) == 1:
            return found[0]
        if found or required:
            self.failures.append(f"{what}: {len(found)} sentences match /{pattern}/ (expected 1)")
        return None

    def by_reason(self, tag: str, lead: str = "[，。]") -> str:
        return rf"{lead}主要原因是：?{re.escape(reason(tag))}{END}"

    # comparing
    def value(self, cents: int, unit: str | None = None) -> Fraction:
        """An amount of the data file in the unit it is printed in."""
        unit = unit or self.unit
        q = Fraction(cents, 100)
        if self.file_unit == unit:
            return q
        return q / 10000 if unit == "万元" else q * 10000

    def compare(self, kind: str, what: str, printed: str, exact: Fraction, m: re.Match) -> None:
        self.kinds[kind] += 1
        expected = half_up(exact)
        if is_tie(exact):
            event(f"exact half-cent {kind}")
        if printed.startswith("-0.00"):
            event("printed -0.00")
        if Decimal(printed.replace(",", "")) != expected:
            self.failures.append(f"{what}: {kind} printed {printed}, expected {expected} "
                                 f"(exact {float(exact)!r} = {exact})\n    in: {line_of(self.text, m.start())}")

    def amount(self, what: str, m: re.Match, group: int, cents: int, unit: str | None = None) -> None:
        unit = unit or self.unit
        if m.group(group + 1) != unit:
            self.failures.append(f"{what}: printed in {m.group(group + 1)}, expected {unit}")
        self.compare("amount", what, m.group(group), self.value(cents, unit), m)

    def change(self, what: str, m: re.Match, group: int, current: int, base: int) -> None:
        """The CHANGE groups starting at `group`: words, amount, unit, words, rate, 持平."""
        words, amount, unit, rate_words, rate, level = (m.group(group + i) for i in range(6))
        diff = current - base
        if diff == 0 and EQUAL[self.style] == "持平":
            expected_words = "持平"
        elif diff >= 0:
            expected_words = EQUAL[self.style] if diff == 0 else ("增加", "增长")
        else:
            expected_words = ("减少", "下降")
        printed_words = level or (words, rate_words)
        if printed_words != expected_words:
            self.failures.append(f"{what}: printed {''.join(printed_words)}, expected {''.join(expected_words)} "
                                 f"({current} against {base} cents)\n    in: {line_of(self.text, m.start())}")
            return
        if level:
            self.kinds["持平"] += 1
            return
        if unit != self.unit:
            self.failures.append(f"{what}: change printed in {unit}, expected {self.unit}")
        self.compare("change amount", what, amount, self.value(abs(diff)), m)
        self.compare("change rate", what, rate, abs(percent(diff, base)), m)

    # the sentences
    def change_by_reason(self, what: str, tag: str, current: int, base: int, required: bool = True) -> None:
        m = self.find(CHANGE + self.by_reason(tag), what, required)
        if m:
            self.change(what, m, 1, current, base)

    def share(self, what: str, pattern: str, part: int, whole: int, required: bool = True) -> None:
        m = self.find(pattern, what, required)
        if m:
            self.amount(what, m, 1, part)
            self.compare("share", what, m.group(3), percent(part, whole), m)

    def budget_difference(self, what: str, tag: str, current: int, budget: int) -> None:
        """xinjiang: 预算数X，决算数Y，预决算差异率R%，主要原因是：…"""
        m = self.find(rf"预算数{AMT}，决算数{AMT}，预决算差异率{PCT}" + self.by_reason(tag), what)
        if m:
            self.amount(f"{what} 预算数", m, 1, budget)
            self.amount(f"{what} 决算数", m, 3, current)
            self.compare("预决算差异率", what, m.group(5), percent(current - budget, budget), m)

    def completion(self, what: str, pattern: str, current: int, budget: int, required: bool = True) -> None:
        """ningxia: 预算为X，支出决算为Y，完成（年初）预算的R% [，决算数大于/小于/等于预算数]"""
        m = self.find(pattern, what, required)
        if not m:
            return
        self.amount(f"{what} 预算", m, 1, budget)
        self.amount(f"{what} 决算", m, 3, current)
        self.compare("completion rate", what, m.group(5), percent(current, budget), m)
        if m.lastindex >= 6 and m.group(6):
            self.kinds["大于/小于/等于"] += 1
            expected = "大于" if current > budget else "小于" if current < budget else "等于"
            if m.group(6) != expected:
                self.failures.append(f"{what}: printed 决算数{m.group(6)}预算数, expected {expected} "
                                     f"({current} against {budget} cents)\n    in: {line_of(self.text, m.start())}")


def read_figures(text: str, style: str, unit: str, d: dict) -> Reader:
    """Compare every computed figure of the narrative with the data of file `d`."""
    r = Reader(text, style, unit)
    ningxia = style == "ningxia"

    # the data, summed here
    inc, exp = d["income"], d["expenditure"]
    sources = {k: inc.get(k, 0) for k in INCOME_SOURCES}
    income_total = sum(sources.values())
    fiscal_income = sources["general_budget"] + sources["government_fund"] + sources["state_capital"]
    grand_total = income_total + inc["non_fiscal_balance_used"] + inc["carryover_start"]
    kinds = {k: exp.get(k, 0) for k in EXPENDITURE_LABELS}
    spending_total = sum(kinds.values())
    functions = d["general_budget"]["functions"]
    items = [(functions[a]["name"], functions[a]["items"][b]["items"][c]) for a, b, c in ITEMS]
    gb_current = sum(i["current"] for _, i in items)
    gb_prior = sum(i["prior"] for _, i in items)
    gb_budget = sum(i["budget"] for _, i in items)
    funds = {f: d[f] for f in FUNDS if f in d}
    fiscal = d["fiscal"]
    fiscal_total = fiscal["carryover_start"] + fiscal_income
    fiscal_spending = gb_current + sum(f["expenditure"] for f in funds.values())

    # 一 收入支出总体
    m = r.find(rf"\d{{4}}年度收入总计{AMT}", "收入总计")
    if m:
        r.amount("收入总计", m, 1, grand_total)
    r.change_by_reason("收入支出总计 against last year", "overall", grand_total, d["overall"]["prior_total"])

    # 二 收入, 三 支出: shares of 本年收入合计 and 本年支出合计
    r.share("财政拨款收入", rf"[：；]财政拨款收入{AMT}，占{PCT}", fiscal_income, income_total)
    for key, label in INCOME_LABELS.items():
        r.share(label, rf"[：；]{label}{AMT}，占{PCT}", sources[key], income_total)
    for key, label in EXPENDITURE_LABELS.items():
        r.share(label, rf"[：；]{label}{AMT}，占{PCT}", kinds[key], spending_total)

    # 四 财政拨款
    r.change_by_reason("财政拨款收支总计 against last year", "fiscal", fiscal_total, fiscal["prior_total"])
    if not ningxia:
        r.budget_difference("财政拨款 against 年初预算", "fiscal-budget", fiscal_spending, fiscal["budget"])

    # 五 一般公共预算财政拨款支出
    r.share("一般公共预算财政拨款支出", rf"一般公共预算财政拨款支出{AMT}，占本年支出合计的{PCT}",
            gb_current, spending_total)
    r.change_by_reason("一般公共预算财政拨款支出 against last year", "gb", gb_current, gb_prior)
    for lei in functions:
        current = sum(i["current"] for k in lei["items"] for i in k["items"])
        stem = lei["name"][:-2] if lei["name"].endswith("支出") else lei["name"]
        r.share(f"{lei['name']}(类)", rf"{stem}(?:支出)?\(类\)(?:支出)?{AMT}，占{PCT}", current, gb_current,
                required=current != 0)
    if ningxia:
        r.completion("一般公共预算财政拨款支出 against 年初预算",
                     rf"支出年初预算为{AMT}，支出决算为{AMT}，完成年初预算的{PCT}[，。]决算数(大于|小于|等于)预算数"
                     + r.by_reason("gb-budget", lead="的"), gb_current, gb_budget)
    else:
        r.budget_difference("一般公共预算财政拨款支出 against 年初预算", "gb-budget", gb_current, gb_budget)
    for lei_name, i in items:
        what = f"{i['name']}(项)"
        shown = bool(i["current"] or i["prior"] or i["budget"])     # a 项 of none of them may be left out
        if ningxia:
            r.completion(f"{what} against 年初预算",
                         rf"\(项\)年初预算为{AMT}，支出决算为{AMT}，完成年初预算的{PCT}[，。]决算数(大于|小于|等于)"
                         rf"预算数" + r.by_reason(f"item-{i['code']}-budget", lead="的"), i["current"], i["budget"],
                         required=shown)
        else:
            m = r.find(rf"{i['name']}\(项\)：支出决算数为{AMT}", what, required=shown)
            if m:
                r.amount(what, m, 1, i["current"])
            r.change_by_reason(f"{what} against last year", f"item-{i['code']}", i["current"], i["prior"],
                               required=shown)

    # 六 基本支出 by economic class (ningxia)
    if ningxia:
        economic = d["basic"].get("economic", {})
        for code in ECONOMIC_CLASSES:
            c = d["basic"]["classes"][code]
            current = sum(a for k, a in economic.items() if k.startswith(code))
            name = CLASS_NAMES[code]
            m = r.find(rf"\d+\. {name}{AMT}，较", f"{name} ({code})")
            if m:
                r.amount(name, m, 1, current)
            r.change_by_reason(f"{name} against 年初预算", f"class-{code}-budget", current, c["budget"])
            r.change_by_reason(f"{name} against last year", f"class-{code}", current, c["prior"])

    # 七/八 (xinjiang), 八/九 (ningxia): 政府性基金, 国有资本经营
    for key, f in funds.items():
        r.change_by_reason(f"{key} 本年支出 against last year", key, f["expenditure"], f["prior"])

    # 九 (xinjiang), 七 (ningxia): “三公”经费
    t = d["three_public"]
    a, v, rec = t["abroad"], t["vehicles"], t["reception"]
    purchase, operation = v["purchase"], v["operation"]
    vehicles = purchase["current"] + operation["current"]
    vehicles_prior = v["prior"] if "prior" in v else purchase["prior"] + operation["prior"]
    vehicles_budget = purchase["budget"] + operation["budget"]
    three = a["current"] + vehicles + rec["current"]
    three_prior = a["prior"] + vehicles_prior + rec["prior"]
    three_budget = a["budget"] + vehicles_budget + rec["budget"]
    if ningxia:
        m = r.find(rf"支出决算数较\d{{4}}年度{CHANGE}。其中", "“三公”经费 against last year")
        if m:
            r.change("“三公”经费 against last year", m, 1, three, three_prior)
        r.completion("“三公”经费 against 预算",
                     rf"“三公”经费一般公共预算财政拨款支出预算为{AMT}，支出决算为{AMT}，完成预算的{PCT}",
                     three, three_budget)
        for label, figure, budget in (("因公出国（境）费", a["current"], a["budget"]),
                                      ("公务用车购置及运行维护费", vehicles, vehicles_budget),
                                      ("公务接待费", rec["current"], rec["budget"])):
            r.completion(f"{label} against 预算", rf"{label}预算为{AMT}，支出决算为{AMT}，完成预算的{PCT}",
                         figure, budget)
        foreign = rec["foreign"]["current"]
        for label, cents in (("国内接待费", rec["current"] - foreign), ("国（境）外接待费", foreign)):
            m = r.find(rf"{label}支出{AMT}", label)
            if m:
                r.amount(label, m, 1, cents)
    else:
        r.change_by_reason("“三公”经费 against last year", "three-public", three, three_prior)
        r.budget_difference("“三公”经费 against 预算", "three-public-budget", three, three_budget)
        for what, tag, figure, budget in (("因公出国（境）费", "abroad-budget", a["current"], a["budget"]),
                                          ("公务用车购置费", "purchase-budget", purchase["current"], purchase["budget"]),
                                          ("公务用车运行维护费", "operation-budget", operation["current"],
                                           operation["budget"]),
                                          ("公务接待费", "reception-budget", rec["current"], rec["budget"])):
            r.budget_difference(f"{what} against 预算", tag, figure, budget)
    for label, pattern, tag, figure, prior in (
            ("因公出国（境）费", "因公出国（境）费", "abroad", a["current"], a["prior"]),
            ("公务用车购置及运行维护费", "公务用车购置及运行(?:维护)?费", "vehicles", vehicles, vehicles_prior),
            ("公务接待费", "公务接待费", "reception", rec["current"], rec["prior"])):
        r.share(f"{label} in “三公”经费", rf"{pattern}支出(?:决算)?{AMT}，占{PCT}", figure, three)
        r.change_by_reason(f"{label} against last year", tag, figure, prior)

    # 十 机关运行经费, 政府采购
    oc = d["operating_costs"]
    r.change_by_reason("机关运行经费 against last year", "operating-costs", oc["current"], oc["prior"])
    p = d["procurement"]
    whole = p["goods"] + p["works"] + p["services"]
    r.share("授予中小企业合同金额", rf"授予中小企业合同金额{AMT}，占政府采购支出总额的{PCT}", p["sme"], whole)
    r.share("授予小微企业合同金额", rf"授予小微企业合同金额{AMT}，占政府采购支出总额的{PCT}", p["small_micro"], whole)
    if ningxia:   # 十(四): the funds of the self-evaluation, in 万元 whatever the style's unit
        m = r.find(rf"共涉及预算资金{AMT}", "自评预算资金")
        if m:
            r.amount("自评预算资金", m, 1, d["performance"]["self_evaluation"]["funds"], unit="万元")
    return r


# --- the properties -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def slow_run(request):
    """The slow tests run only when selected: `pytest -m slow …`."""
    markexpr = request.config.getoption("markexpr") or ""
    if "slow" not in markexpr or "not slow" in markexpr:
        pytest.skip("the slow run is opt-in: pytest -m slow tests/test_properties.py")


def disclose(*args: str) -> tuple[int, str, str]:
    """`disclose ARGS…` in-process: the exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def build_text(path, outdir) -> str:
    """`disclose build DATA -o DIR --text-only`, and the .txt it wrote."""
    code, out, err = disclose("build", str(path), "-o", str(outdir), "--text-only")
    assert code == 0, f"disclose build exited {code}:\n{err}{out}"   # e.g. a check error: the data is wrong
    [txt] = outdir.glob("*.txt")
    return txt.read_text(encoding="utf-8")


def check_printed_figures(ds, workdir) -> Reader:
    path = workdir / f"{ds.style}-{ds.unit}.yaml"
    path.write_text(ds.yaml(), encoding="utf-8")
    text = build_text(path, workdir / f"out-{ds.style}")
    r = read_figures(text, ds.style, ds.unit, ds.data)
    event(f"file in {ds.unit}")
    if r.failures:
        note(f"{len(r.failures)} wrong figures of {sum(r.kinds.values())} checked")
    assert not r.failures, "\n".join(r.failures)
    return r


@pytest.mark.parametrize("style", STYLES)
@property_settings(EXAMPLES or NORMAL_EXAMPLES, derandomize=True)
@given(data=st.data())
def test_printed_figures(style, workdir, data):
    """200 data files per style (the same ones every run), each built and read back."""
    check_printed_figures(data.draw(datasets(style), label="dataset"), workdir)


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@property_settings(EXAMPLES or SLOW_EXAMPLES, derandomize=False)
@given(data=st.data())
def test_printed_figures_slow(style, workdir, slow_run, data):
    """10,000 new random data files per style: `pytest -m slow tests/test_properties.py`."""
    check_printed_figures(data.draw(datasets(style), label="dataset"), workdir)


@pytest.mark.parametrize("style", STYLES)
@property_settings(10, derandomize=True)
@given(data=st.data())
def test_generated_files_pass_check(style, workdir, data):
    """The generated files are consistent as `disclose check` sees them: no error (the only
    warnings are TABLE-DATA's, for 政府性基金 and 国有资本经营 money the tables cannot break down)."""
    ds = data.draw(datasets(style), label="dataset")
    path = workdir / f"check-{style}.yaml"
    path.write_text(ds.yaml(), encoding="utf-8")
    code, out, err = disclose("check", str(path), "--format", "json")
    assert code == 0, err + out
    assert {p["rule"] for p in json.loads(out)["problems"]} <= {"TABLE-DATA"}, err + out
