"""Property test: `disclose verify` raises no false alarm on a document disclose built
(issue 12 §4: "every built example verifies clean; an unrecognised sentence is skipped, never
guessed").

For data files drawn by `generate.datasets` (consistent: `check` finds no error; zero bases,
exact half-cent rates, huge and tiny amounts), the document is built in every shipped style
that writes a disclosure — xinjiang and ningxia as drawn, sichuan, yunnan and guangxi with the
texts and figures they need added here (`complete`) — and its .txt and .docx are verified:
no finding at all, and at least `LEAST` statements recognised in each.

One case is held out, on purpose: a file in 元 built in a style that prints 万元.  The engine
computes a rate from the unrounded figures (README, "What is computed": "percentages are
rounded from the unrounded quotient"), while verify takes the amounts as printed (its RATE,
SHARE and COMPLETION rules; issue 12 §3, and the reason seed 000's 132.83% is found).  With
small amounts the two disagree — `0.10万元，比上年增加0.01万元，增长9.29%` is right for 1,003.00
against 918.00 元 and wrong for 0.10 against 0.09 万元 — so such a document is reported.
`test_a_yuan_file_printed_in_wan_is_reported` holds one of them; the property draws 万元 files
for the styles that print 万元 (every file drawn is then printed exactly as entered).

Runs:

    pytest tests/test_verify_properties.py                  # 25 examples per style, the same every run
    pytest -m slow tests/test_verify_properties.py          # 1,000 new random examples per style
    DISCLOSE_VERIFY_EXAMPLES=200 pytest …                    # another count for either run
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, event, given, note, settings
from hypothesis import strategies as st

from disclose.pipeline import build
from disclose.style import load as load_style
from disclose.verify import verify
from generate import Cents, base_for, datasets, pair, reason

STYLES = ("xinjiang", "ningxia", "sichuan", "yunnan", "guangxi")
NORMAL_EXAMPLES, SLOW_EXAMPLES = 25, 1_000
EXAMPLES = int(os.environ.get("DISCLOSE_VERIFY_EXAMPLES") or 0)
LEAST = 30          # statements recognised in every document, .txt and .docx


def property_settings(examples: int, derandomize: bool) -> settings:
    return settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
                    print_blob=not derandomize, phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("verify-properties")


@pytest.fixture(scope="module")
def slow_run(request):
    """The slow tests run only when selected: `pytest -m slow …`."""
    markexpr = request.config.getoption("markexpr") or ""
    if "slow" not in markexpr or "not slow" in markexpr:
        pytest.skip("the slow run is opt-in: pytest -m slow tests/test_verify_properties.py")


# --- what sichuan, yunnan and guangxi print beyond the drawn file ------------------------------------

def complete(draw, style: str, data: dict) -> None:
    """Add the texts and figures `style` needs and `datasets` does not draw (its NEEDED errors):
    sichuan 单位性质 and 接待人次的口径; yunnan and guangxi each 类's 用途, guangxi each income line's
    definition; yunnan also 单位简称, 会议费, 培训费, the 上年 of 本年收入合计
    and 本年支出合计, 政府采购的用途 and the 口径说明; guangxi 接待人次的口径."""
    reception = data["three_public"]["reception"]
    if style in ("sichuan", "yunnan", "guangxi"):
        reception["people_note"] = "不包括陪同人员"
    if style in ("sichuan", "yunnan"):
        data["overview"]["level"] = "一级预算单位"
    if style in ("yunnan", "guangxi"):
        for lei in data["general_budget"]["functions"]:
            lei["usage"] = f"{lei['name']}的日常工作"
    if style == "guangxi":
        data["income"]["definitions"] = {key: "为本年取得的该项收入" for key in INCOME_SOURCES + (
            "non_fiscal_balance_used", "carryover_start")}
    if style != "yunnan":
        return
    data["overview"]["short_name"] = "县医保局"
    for key, name in (("meetings", "meetings"), ("training", "training")):
        current, prior = pair(draw)
        data[key] = {"current": Cents(current), "prior": Cents(prior), "reason": reason(name)}
    for record, total in (("income", income_total(data)), ("expenditure", expenditure_total(data))):
        data[record]["compare"] = {"total": {"prior": Cents(base_for(draw, total)), "reason": reason(f"{record}-total")}}
    data["procurement"]["purposes"] = ["办公设备", "物业服务"]
    data["texts"] = {"scope_note": "本部门机关运行经费为行政单位和参照公务员法管理事业单位使用一般公共预算财政拨款"
                                   "安排的基本支出中的公用经费"}


INCOME_SOURCES = ("general_budget", "government_fund", "state_capital", "superior_subsidy", "business",
                  "operating", "affiliated", "other")
EXPENDITURE_KINDS = ("basic", "project", "to_superior", "operating", "to_affiliated")


def income_total(data: dict) -> int:
    return sum(data["income"].get(k, 0) for k in INCOME_SOURCES)


def expenditure_total(data: dict) -> int:
    return sum(data["expenditure"].get(k, 0) for k in EXPENDITURE_KINDS)


@st.composite
def documents(draw, style: str):
    """A data file for `style`, in 万元 when the style prints 万元 (see the module's docstring)."""
    ds = draw(datasets(style))
    assume(ds.unit == "万元" or load_style(style).settings.amounts.unit == "元")
    complete(draw, style, ds.data)
    return ds


# --- the property --------------------------------------------------------------------------------------

def check_verifies_clean(ds, workdir: Path) -> None:
    path = workdir / f"{ds.style}.yaml"
    path.write_text(ds.yaml(), encoding="utf-8")
    built = build(path, formats=("txt", "docx"))          # a check error raises: the drawn file is wrong
    event(f"file in {ds.unit}")
    for suffix in ("txt", "docx"):
        document = workdir / f"{ds.style}.{suffix}"
        document.write_bytes(built.outputs[suffix])
        result = verify(document)
        note(f"{suffix}: {len(result.recognised)} statements recognised")
        assert [f.format() + "\n    " + f.sentence for f in result.findings] == [], suffix
        assert len(result.recognised) >= LEAST, (suffix, len(result.recognised))


@pytest.mark.parametrize("style", STYLES)
@property_settings(EXAMPLES or NORMAL_EXAMPLES, derandomize=True)
@given(data=st.data())
def test_built_documents_verify_clean(style, workdir, data):
    """25 data files per style (the same ones every run), each built and verified, .txt and .docx."""
    check_verifies_clean(data.draw(documents(style), label="dataset"), workdir)


@pytest.mark.slow
@pytest.mark.parametrize("style", STYLES)
@property_settings(EXAMPLES or SLOW_EXAMPLES, derandomize=False)
@given(data=st.data())
def test_built_documents_verify_clean_slow(style, workdir, slow_run, data):
    """1,000 new random data files per style: `pytest -m slow tests/test_verify_properties.py`."""
    check_verifies_clean(data.draw(documents(style), label="dataset"), workdir)


# --- what the property found, held one by one ------------------------------------------------------------

def test_each_special_fund_keeps_its_own_figures(tmp_path):
    """SAME-FIGURE took the 本年支出 of 国有资本经营预算财政拨款 for the 政府性基金's printed the paragraph
    before (both were 财政拨款本年支出): each fund is its own line; a total printed twice still fires."""
    fund = "2024年度政府性基金预算财政拨款年初结转和结余0.00万元，本年收入50.00万元，本年支出50.00万元，年末结转和结余0.00万元。"
    capital = "2024年度国有资本经营预算财政拨款年初结转和结余0.01万元，本年收入0.00万元，本年支出0.01万元，年末结转和结余0.00万元。"
    path = tmp_path / "funds.txt"
    path.write_text("示例县医疗保障局2024年度部门决算公开说明\n" + fund + "\n" + capital + "\n", encoding="utf-8")
    assert verify(path).findings == []
    path.write_text("示例县医疗保障局2024年度部门决算公开说明\n" + fund + "\n" + fund.replace("本年支出50.00", "本年支出40.00")
                    + "\n", encoding="utf-8")
    assert [f.message for f in verify(path).findings] == [
        "政府性基金预算财政拨款本年支出 is printed as 40.00万元 here and as 50.00万元 at line 2"]


def test_state_capital_income_has_its_row_in_table_01(tmp_path):
    """公开01 (seed 003's form) had no row for 国有资本经营预算财政拨款收入, so its 收入 side did not add up to
    本年收入合计 (TABLE-SIDES) when a unit had such income: it gets the row, the rows after it renumbered."""
    fixture = Path(__file__).parent / "fixtures" / "minimal-2024.yaml"
    text = fixture.read_text(encoding="utf-8")
    path = tmp_path / "capital.yaml"
    # 5,000.00 of the 其他收入 comes as 国有资本经营预算财政拨款 instead, spent within the year
    data = __import__("yaml").safe_load(text)
    data["income"]["other"] -= 5000
    data["income"]["state_capital"] = 5000
    data["state_capital"] = {"carryover_start": 0, "income": 5000, "expenditure": 0, "carryover_end": 5000,
                             "prior": 0, "reason": "无"}
    data["fiscal"]["carryover_end"] = 5000                 # the fund's money, unspent: all of 年末结转和结余
    row = data["general_budget"]["functions"][0]["items"][0]["items"][1]["income"]   # 公开02: 其他 → 财政拨款
    row.update(fiscal=row["fiscal"] + 5000, other=row["other"] - 5000)
    path.write_text(__import__("yaml").safe_dump(data, allow_unicode=True), encoding="utf-8")
    built = build(path, formats=("txt",))
    rows = [line for line in built.outputs["txt"].decode("utf-8").splitlines() if "\t" in line]
    assert "三、国有资本经营预算财政拨款\t3\t0.50\t三、国防支出\t31\t0.00" in rows
    assert any(r.startswith("八、其他收入\t8\t") for r in rows)
    (tmp_path / "capital.txt").write_bytes(built.outputs["txt"])
    assert verify(tmp_path / "capital.txt").findings == []


def test_a_yuan_file_printed_in_wan_is_reported(tmp_path):
    """The case the property holds out (module docstring): 公务接待费 1,003.00元 against 918.00元 last
    year prints as 0.10万元，比上年增加0.01万元，增长9.26% — the engine's rate, from the figures in 元 —
    and verify, taking the amounts as printed, recomputes 0.01 ÷ 0.09 = 11.11%.  When one of the two
    changes its definition, this test fails and the property can draw 元 files for every style."""
    fixture = Path(__file__).parent / "fixtures" / "minimal-2024.yaml"
    yaml = __import__("yaml")
    data = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    assert data["amount_unit"] == "元" and data["style"] == "xinjiang"
    three = data["three_public"]
    for key in ("stated_current", "stated_prior", "stated_budget"):
        three.pop(key)
    three["reception"].update(current=1003, prior=918, budget=918)
    path = tmp_path / "yuan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    built = build(path, formats=("txt",))
    (tmp_path / "yuan.txt").write_bytes(built.outputs["txt"])
    text = built.outputs["txt"].decode("utf-8")
    assert "公务接待费支出0.10万元，占3.86%，比上年增加0.01万元，增长9.26%" in text
    assert [(f.rule, f.message) for f in verify(tmp_path / "yuan.txt").findings if "公务接待费支出0.10" in f.sentence
            and f.rule == "RATE"] == [("RATE", "增长13.46% — 2.60 against 2.29 is +13.54%"),     # the “三公” total
                                                    ("RATE", "增长9.26% — 0.10 against 0.09 is +11.11%")]


def test_a_funds_sentence_names_its_own_lines(tmp_path):
    """TABLE-FIGURE took 本年收入 and 本年支出 of `政府性基金预算财政拨款年初结转和结余X，本年收入Y，本年支出Z` for
    公开01's 本年收入合计 and 本年支出合计 when the heading did not name the fund (guangxi's 六 names both)."""
    path = tmp_path / "funds.txt"
    path.write_text("示例县医疗保障局2024年度部门决算公开说明\n公开01表\n金额单位：万元\n"
                    "收入\t\t\t支出\n本年收入合计\t25\t100.00\t本年支出合计\t55\t90.00\n"
                    "2024年度政府性基金预算财政拨款年初结转和结余0.31万元，本年收入0.00万元，本年支出0.00万元，"
                    "年末结转和结余0.31万元。\n", encoding="utf-8")
    assert [f for f in verify(path).findings if f.rule == "TABLE-FIGURE"] == []
