"""`disclose indicators`: the common evaluation indicators, against the values and scores seeds 004
(奇台 2024) and 002 (乌鲁木齐 2022) publish, read from their text in tests/fixtures/seeds/."""
from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal

import openpyxl
import pytest

from conftest import CHANGJI, DATA, FIXTURES, ROOT, edit, line_of
from disclose.indicators import expression, rules
from disclose.indicators.spec import Band, Deduction, IndicatorFile, IndicatorSpec, ScoreRule, Step
from disclose.schema import model_fields
from disclose.numbers import ZeroBase
from disclose.load import load
from disclose.model import OPTIONAL_RECORDS

QITAI = DATA / "qitai-2024.yaml"
URUMQI_RULES = DATA / "indicators-urumqi-2022.yaml"
SEED004 = (FIXTURES / "seeds" / "004-qitai-2024-indicators.txt").read_text(encoding="utf-8")
SEED002 = (FIXTURES / "seeds" / "002-urumqi-2022-indicators.txt").read_text(encoding="utf-8")


def _run(cli, *args) -> dict:
    r = cli("indicators", *args, "--format", "json")
    assert r.code == 0, r.err
    return {i["code"]: i for i in json.loads(r.out)["indicators"]}


def _published_rows() -> dict[str, tuple[Decimal, str, str, Decimal]]:
    """表3-2 and 表3-3 of seed 004: code → (权重, 标杆值, 业绩值, 得分)."""
    out = {}
    for line in SEED004.splitlines():
        m = re.match(r"([BC]\d\d) [^\t]+\t(\d+)\t([^\t]+)\t([^\t]+)\t(\d+)\t", line)
        if m:
            out[m.group(1)] = (Decimal(m.group(2)), m.group(3), m.group(4), Decimal(m.group(5)))
    return out


def _percent(text: str) -> Decimal:
    return Decimal(text.rstrip("%"))


# --- seed 004: every value the issue lists and every score that follows from its rule -----------------

def test_the_published_table_is_read():
    rows = _published_rows()
    assert rows["B42"] == (Decimal("4"), "±10%以内", "7650.91%", Decimal("0"))
    assert rows["C32"] == (Decimal("5"), "逐步降低", "逐步降低", Decimal("5"))


@pytest.mark.parametrize("code, value, score", [
    ("B31", "100.00", "2.00"), ("B42", "7650.91", "0.00"), ("B52", "99.63", "2.00"),
    ("C21", "100.00", "5.00"), ("C22", "17.28", "0.00")])
def test_seed004_scored_indicators(cli, code, value, score):
    got = _run(cli, QITAI)[code]
    weight, _, published_value, published_score = _published_rows()[code]
    assert (got["value"], got["score"]) == (value, score)
    assert Decimal(got["value"]) == _percent(published_value) and Decimal(got["score"]) == published_score
    assert Decimal(got["weight"]) == weight


def test_seed004_debt_ratio_against_last_year(cli):
    got = _run(cli, QITAI)["C32"]
    m = re.search(r"资产负债率 \$= 3\.96/16\.71 \\times 100\\% = ([\d.]+)\\%\$.*资产负债率 \$= 5\.21/19\.07 \\times "
                  r"100\\% = ([\d.]+)\\%\$", SEED004)
    assert (got["value"], got["last_year"]["value"]) == ("23.70", "27.32") == m.groups()
    assert [f["value"] for f in got["inputs"] + got["last_year"]["inputs"]] == ["3.96", "16.71", "5.21", "19.07"]
    assert got["score"] == "5.00" and Decimal(got["score"]) == _published_rows()["C32"][3]


def test_seed004_unscored_rates(cli):
    got = _run(cli, QITAI)
    assert "政府采购年初预算执行率为 58.83%" in SEED004 and got["procurement"]["value"] == "58.83"
    assert "预算调整率为 28.85%" in SEED004 and got["budget-adjustment"]["value"] == "28.85"
    assert got["procurement"]["score"] is None and got["carryover"]["value"] == "0.00"
    assert got["budget-adjustment"]["score"] == "0.00"          # seed 002's rule: 10% or more scores nothing


def test_the_text_table(cli):
    r = cli("indicators", QITAI)
    assert r.code == 0
    assert "B42                项目支出预算调整率  7650.91%             ±10%以内   0.00 / 4" in r.out
    assert "C32                资产负债率          23.70%    27.32%     逐步降低   5.00 / 5" in r.out
    assert "scored: 14.00 of 25 (7 indicators)" in r.out
    assert "    expenditure.project.budget               0.55  项目支出的年初预算数" in r.out


def test_the_workbook(cli, tmp_path):
    target = tmp_path / "indicators.xlsx"
    r = cli("indicators", QITAI, "--xlsx", target)
    assert r.code == 0 and f"wrote {target}" in r.err
    sheet = openpyxl.load_workbook(target)["指标"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert [c.value for c in sheet[2]][:10] == ["指标编码", "指标名称", "计算公式", "取值", "指标值", "上年值", "标杆值",
                                                 "权重", "得分", "得分率"]
    assert rows["B42"][4:10] == ("7650.91%", None, "±10%以内", "4", "0.00", "0.00%")
    assert rows["C32"][4:6] == ("23.70%", "27.32%")


# --- seed 002's rules, as a province's override --------------------------------------------------------

def test_seed002_rules_by_override(cli, tmp_path):
    """Seed 002's figures in a copy of the Qitai file, scored by seed 002's rules (--indicators)."""
    data = tmp_path / "urumqi.yaml"
    shutil.copy(QITAI, data)
    edit(data, "basic: 494.77             # 基本支出", "basic: 1710.89")
    edit(data, "project: 42.63            # 项目支出", "project: 316.26")
    edit(data, "stated_total: 537.40      # 支出合计", "stated_total: 2027.15")
    edit(data, "total: {budget: 417.08, full_budget: 537.40}     # B31: 537.4 / 537.4", "total: {budget: 1481.37, full_budget: 2072.51}")
    edit(data, "fixed_assets: 46.53", "fixed_assets: 268.91")
    edit(data, "fixed_assets_in_use: 46.36", "fixed_assets_in_use: 268.91")
    got = _run(cli, data, "--indicators", URUMQI_RULES)
    assert "97.81\\%=(2027.15/2072.51)*100\\%" in SEED002 and "（4）预算执行率，权重 3 分，得分 3 分" in SEED002
    assert (got["B31"]["value"], got["B31"]["score"], got["B31"]["weight"]) == ("97.81", "3.00", "3")
    assert "预算调整率 $39.90\\% = [(591.14/1481.37) * 100\\%]$" in SEED002
    assert (got["budget-adjustment"]["value"], got["budget-adjustment"]["score"]) == ("39.90", "0.00")
    assert (got["B52"]["value"], got["B52"]["score"]) == ("100.00", "2.00")
    assert "B42" not in got and "C22" not in got                                  # dropped by the override
    assert got["C21"]["score"] == "5.00"                                          # left as shipped


def test_seed002_steps_and_limit_in_between(cli, tmp_path):
    data = tmp_path / "q.yaml"
    shutil.copy(QITAI, data)
    edit(data, "total: {budget: 417.08, full_budget: 537.40}     # B31: 537.4 / 537.4", "total: {budget: 417.08, full_budget: 700.00}")
    edit(data, "fixed_assets_in_use: 46.36", "fixed_assets_in_use: 41.00")
    got = _run(cli, data, "--indicators", URUMQI_RULES)
    assert got["B31"]["value"] == "76.77" and got["B31"]["score"] == "2.10"      # 75%~80%: 70% of 3
    assert got["B52"]["value"] == "88.12" and got["B52"]["score"] == "1.17"      # 2 − 6.88 × 6% × 2 = 1.1744
    edit(data, "fixed_assets_in_use: 41.00", "fixed_assets_in_use: 39.00")
    assert _run(cli, data, "--indicators", URUMQI_RULES)["B52"]["score"] == "0.00"   # 83.82%: below 85%


def test_an_override_in_a_templates_folder(cli, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "indicators.yaml").write_text(
        "indicators:\n"
        "  - code: C22\n"
        "    benchmark: ≤20%\n"
        "    score: {rule: band, band: {max: 20}}\n"
        "  - code: B42\n"
        "    drop: true\n"
        "  - code: staff\n"
        "    name: 人员经费占比\n"
        "    formula: basic.personnel / expenditure.total\n", encoding="utf-8")
    got = _run(cli, QITAI, "--templates", folder)
    assert (got["C22"]["value"], got["C22"]["score"], got["C22"]["benchmark"]) == ("17.28", "5.00", "≤20%")
    assert got["C22"]["weight"] == "5" and "B42" not in got
    assert got["staff"]["value"] == "89.13" and got["staff"]["score"] is None


# --- what a file lacks, and bad indicator files -------------------------------------------------------------

def test_a_missing_input_is_named_with_its_line(cli):
    r = cli("indicators", CHANGJI)
    assert r.code == 0
    line = line_of(CHANGJI, "assets:")
    assert (f"note: data/changji-2024.yaml:{line}: B52 固定资产利用率 is not evaluated: 固定资产（期末原值） "
            "(`assets.fixed_assets`) is not given — add `fixed_assets: …` under `assets:`") in r.out
    assert re.search(r"B52 +固定资产利用率 +— +≥95% +skipped \(see its note\)", r.out)
    expenditure = line_of(CHANGJI, "\nexpenditure:") + 1
    assert (f"data/changji-2024.yaml:{expenditure}: B42 项目支出预算调整率 is not evaluated: 项目支出的年初预算数 "
            "(`expenditure.project.budget`) is not given — add `budget: …` (年初预算数) under `expenditure:` → "
            "`compare:` → `project:`") in r.out


def test_last_year_from_the_prior_file(cli, tmp_path):
    last = tmp_path / "2023.yaml"
    shutil.copy(QITAI, last)
    edit(last, "year: 2024", "year: 2023")
    edit(last, "liabilities: {current: 3.96, prior: 5.21}", "liabilities: {current: 3.00}")
    got = _run(cli, QITAI, "--prior", last)["C32"]
    assert got["last_year"]["value"] == "17.95" and got["score"] == "0.00"      # 23.70% rose from 3.00/16.71
    data = tmp_path / "2024.yaml"
    shutil.copy(QITAI, data)
    edit(data, "liabilities: {current: 3.96, prior: 5.21}", "liabilities: {current: 3.96}")
    got = _run(cli, data)["C32"]
    assert got["score"] is None and got["last_year"]["value"] is None
    assert "负债合计（期初数） (`assets.balance_sheet.liabilities.prior`) is not given" in got["notes"][0]


def test_an_unknown_name_is_an_error_with_its_line(cli, tmp_path):
    over = tmp_path / "o.yaml"
    over.write_text("indicators:\n  - code: B31\n    formula: expenditure.totl / expenditure.total.full_budget\n",
                    encoding="utf-8")
    r = cli("indicators", QITAI, "--indicators", over)
    assert r.code == 1 and r.out == ""
    assert (f"{over}:3: error INDICATOR: the formula of B31 names `expenditure.totl`, which is no figure of a data "
            "file — did you mean `expenditure.total`?") in r.err


@pytest.mark.parametrize("text, message", [
    ("indicators:\n  - code: B31\n    wieght: 3\n", "3: error UNKNOWN-KEY: unknown key `wieght`"),
    ("indicators:\n  - code: B31\n    formula: __import__('os').system('id')\n", "3: error INDICATOR: the formula of "
     "B31 `__import__('os').system('id')`, at column 1: `__import__(…)` is not allowed: the only function is abs(…)"),
    ("indicators:\n  - code: new\n    formula: a / b\n", "2: error INDICATOR: indicator new has no `name`"),
    ("indicators:\n  - code: C32\n    direction: none\n", "3: error INDICATOR: indicator C32 compares with last year "
     "but its direction is `none`"),
    ("indicators:\n  - code: B52\n    score: {rule: band, band: {min: 95}, deduct: {per: 1}}\n",
     "3: error INDICATOR: the deduction of B52 needs one of `points` and `share`"),
])
def test_a_bad_indicator_file(cli, tmp_path, text, message):
    over = tmp_path / "o.yaml"
    over.write_text(text, encoding="utf-8")
    r = cli("indicators", QITAI, "--indicators", over)
    assert r.code == 1 and f"{over}:{message}" in r.err


# --- the formula: arithmetic on names, nothing else -------------------------------------------------------

@pytest.mark.parametrize("formula, column, message", [
    ("a ** 2", 3, "`**` is not an operation"),
    ("a // 2", 3, "`//` is not an operation"),
    ("open('x')", 1, "`open(…)` is not allowed"),
    ("a.b(1)", 1, "`a.b(…)` is not allowed"),
    ("'a' + 1", 1, "`'` is not part of a formula"),
    ("a[0]", 2, "`[` is not part of a formula"),
    ("lambda: 1", 7, "`:` is not part of a formula"),
    ("a if b else c", 3, "unexpected `if` after a complete formula"),
    ("abs(a, b)", 6, "`,` is not part of a formula"),
    ("(a + b", 7, "expected `)` but found the end of the formula"),
    ("a +", 4, "expected a name, a number or `(` but found the end of the formula"),
    ("1e3", 2, "unexpected `e3` after a complete formula"),
    ("(" * 21 + "a" + ")" * 21, 21, "brackets nested more than 20 deep"),
    ("a" * 501, 501, "the formula has 501 characters; at most 500"),
])
def test_the_parser_refuses_anything_but_arithmetic_on_names(formula, column, message):
    with pytest.raises(expression.FormulaError) as exc:
        expression.parse(formula)
    assert str(exc.value).startswith(message) and exc.value.column == column


def test_the_formula_is_decimal_arithmetic():
    tree = expression.parse("abs(full - budget) / budget * 100 - -1")
    figures = {"full": Decimal("15.80"), "budget": Decimal("19.10")}
    assert expression.names(tree) == ["full", "budget"]
    value = expression.evaluate(tree, figures.__getitem__, ZeroBase())
    assert str(value) == "18.27748691099476439790575916230366"         # 3.3/19.1, 34 digits, then +1
    zero_divisions: list[str] = []
    assert expression.evaluate(expression.parse("a / (b - b)"), {"a": Decimal(2), "b": Decimal(1)}.__getitem__,
                               ZeroBase(), zero_divisions) == Decimal(1)
    assert zero_divisions == ["(b - b)"]


# --- the score rules ---------------------------------------------------------------------------------------

def _band(**kwargs) -> ScoreRule:
    return ScoreRule(rule="band", **kwargs)


@pytest.mark.parametrize("rule, value, score", [
    (_band(band=Band(max=Decimal(10)), abs=True, deduct=Deduction(points=Decimal("0.1"))), Decimal("-12.5"), "3.75"),
    (_band(band=Band(max=Decimal(10)), abs=True, deduct=Deduction(points=Decimal("0.1"))), Decimal("10.00"), "4.00"),
    (_band(band=Band(max=Decimal(10)), deduct=Deduction(points=Decimal("0.1"), count="whole")), Decimal("12.5"), "3.80"),
    (_band(band=Band(max=Decimal(10)), deduct=Deduction(points=Decimal("0.1"), count="started")), Decimal("12.1"),
     "3.70"),
    (_band(band=Band(below=Decimal(10))), Decimal("10.00"), "0.00"),
    (_band(band=Band(min=Decimal(95)), deduct=Deduction(share=Decimal(6)), limit=Band(min=Decimal(85))), Decimal(85),
     "1.60"),
    (ScoreRule(rule="steps", steps=[Step(min=Decimal(95), share=Decimal(100)), Step(min=Decimal(80), share=Decimal(90))]),
     Decimal("80.00"), "3.60"),
    (ScoreRule(rule="steps", steps=[Step(min=Decimal(95), share=Decimal(100))]), Decimal("94.99"), "0.00"),
    (ScoreRule(rule="proportional"), Decimal("97.815"), "3.91"),
    (ScoreRule(rule="proportional"), Decimal("120"), "4.00"),
])
def test_score_rules(rule, value, score):
    assert str(rules.score(rule, Decimal(4), value, True, "none")) == score


def test_the_prior_rule():
    rule = ScoreRule(rule="prior")
    assert rules.score(rule, Decimal(5), Decimal("23.70"), True, "lower", Decimal("27.32")) == Decimal("5.00")
    assert rules.score(rule, Decimal(5), Decimal("27.32"), True, "lower", Decimal("27.32")) == Decimal("0.00")
    assert rules.score(ScoreRule(rule="prior", equal="full"), Decimal(5), Decimal("27.32"), True, "lower",
                       Decimal("27.32")) == Decimal("5.00")
    assert rules.score(rule, Decimal(5), Decimal("23.70"), True, "higher", Decimal("27.32")) == Decimal("0.00")
    assert rules.score(rule, Decimal(5), Decimal("23.70"), True, "lower", None) is None


# --- templates and the data file -------------------------------------------------------------------------

def test_templates_print_the_indicators(cli, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "s12_other_matters.j2").write_text(
        "{% for i in indicators %}{{ i.code }} {{ i.name }} {{ i.value|percent }} {{ i.shown }} "
        "{{ i.score if i.score is not none else '—' }}\n{% endfor %}", encoding="utf-8")
    # the Qitai file is no whole disclosure (NEEDED for what it leaves out): --force prints the rest
    r = cli("build", QITAI, "-o", tmp_path / "out", "--text-only", "--templates", folder, "--force")
    assert r.code == 0, r.err
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    assert "B42 项目支出预算调整率 7650.91% 7650.91% 0.00" in text
    assert "C32 资产负债率 23.70% 23.70% 5.00" in text and "procurement 政府采购执行率 58.83% 58.83% —" in text
    r = cli("build", CHANGJI, "-o", tmp_path / "out2", "--text-only", "--templates", folder)
    line = line_of(CHANGJI, "assets:")
    assert r.code == 1 and (f"data/changji-2024.yaml:{line}: error NEEDED: the document needs "
                            "固定资产利用率的在用固定资产 and the file gives none") in r.err


def test_the_qitai_file_breaks_no_rule_and_says_what_a_disclosure_would_need(cli, tmp_path):
    """The report's figures are transcribed, nothing made up: the records it does not publish are left
    out, so every rule it can run passes, and check and build name what a 决算公开说明 would also need."""
    r = cli("check", QITAI)
    errors = [line for line in r.out.splitlines() if " error " in line]
    assert r.code == 1 and errors and all(" error NEEDED: " in line for line in errors)
    assert "silenced for this file: THREE-PUBLIC-TOTAL" in r.out
    data = load(QITAI, OPTIONAL_RECORDS)
    assert data.overall is None and data.fiscal is None and data.general_budget is None
    assert cli("build", QITAI, "-o", tmp_path / "out").code == 1 and not (tmp_path / "out").exists()


def test_init_carries_the_balance_sheet(cli, tmp_path):
    r = cli("init", tmp_path / "2025.yaml", "--from", QITAI)
    assert r.code == 0
    text = (tmp_path / "2025.yaml").read_text(encoding="utf-8")
    assert "  balance_sheet:\n    assets:\n      current:\n      prior: 16.71\n" in text
    assert "  fixed_assets:\n  fixed_assets_in_use:\n" in text


def test_the_readme_documents_every_key_of_the_indicator_file():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Indicators"):text.index("### `disclose styles`")]
    keys = {f.name for record in (IndicatorFile, IndicatorSpec, ScoreRule, Band, Step, Deduction)
            for f in model_fields(record)}
    assert len(keys) == 29
    assert [k for k in sorted(keys) if f"`{k}`" not in section and f"{k}:" not in section] == []


def test_a_file_with_some_records_gives_the_indicators_it_can(cli):
    """A file may hold only some records of the accounts (the stand-alone “三公” page's): the indicators
    over them are evaluated, each of the others is skipped with the record to add."""
    page = DATA / "three-public-example-2024.yaml"
    r = cli("indicators", page)
    assert r.code == 0
    assert "C21                “三公”经费控制率    84.10%             ≤100%      5.00 / 5" in r.out
    assert "scored: 5.00 of 5 (1 indicator)" in r.out
    assert ("B31 支出预算执行率 is not evaluated: `expenditure:` (`expenditure.total`) is not given — add "
            "`expenditure:` with its figures to the file") in r.out
