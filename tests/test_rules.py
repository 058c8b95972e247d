"""Every rule of the catalogue: silent on a clean file, and firing at the right line
when one thing is changed (tests/fixtures/minimal-2024.yaml, amounts in 元)."""
import json
import shutil

import pytest

from conftest import CHANGJI, FIXTURES, edit, line_of
from disclose import check
from disclose.load import load
from disclose.style import load as load_style

MINIMAL = FIXTURES / "minimal-2024.yaml"
LAST_YEAR = FIXTURES / "minimal-2023.yaml"

# rule: (old text, new text, text of the line the problem must point at, words of the message, severity)
CASES = {
    "SILENCE": ("performance:\n", "checks:\n  silence:\n    - {rule: NO-SUCH-RULE, reason: test}\nperformance:\n",
                "NO-SUCH-RULE", "`NO-SUCH-RULE` is not a rule", "error"),
    "TEXT-KEY": ("performance:\n", "texts:\n  closing: 特此说明\nperformance:\n", "closing: 特此说明",
                 "style xinjiang prints no text `closing`", "error"),
    "FUNC-CODE": ('code: "2101599"', 'code: "2102599"', 'code: "2102599"',
                  "项 code `2102599` of 其他医疗保障管理事务支出 does not fit its 款 21015", "error"),
    "PLACEHOLDER": ("reason: 人员经费增加", "reason: TODO 待补充", "reason: TODO 待补充",
                    "still holds the placeholder `TODO`", "error"),
    "IDENTITY-YEAR": ("goal_actual: 已完成经办服务", "goal_actual: 截至2025年3月已完成经办服务",
                      "goal_actual: 截至2025年3月", "speaks of 截至2025年 in the accounts of 2024", "warning"),
    "IDENTITY-UNIT": ("      department: 示例县医疗保障局\n      implementer: 示例县医疗保障局",
                      "      department: 别的局\n      implementer: 别的局", "department: 别的局",
                      "neither 主管部门 `别的局` nor 实施单位 `别的局` is 示例县医疗保障局", "warning"),
    "TOTAL-INCOME": ("other: 20000.00", "other: 20000.01", "  stated_total: 1020000.00\n  carryover_start",
                     "本年收入合计 is stated as 1,020,000.00 but", "error"),
    "TOTAL-EXPENDITURE": ("  project: 240000.00", "  project: 240000.50", "  stated_total: 1020000.00\n  carryover_end",
                          "本年支出合计 is stated as 1,020,000.00 but", "error"),
    "BALANCE": ("  carryover_start: 5000.00\n  grand_total: 1025000.00",
                "  carryover_start: 6000.00\n  grand_total: 1026000.00", "  grand_total: 1025000.00\n\noverall",
                "收入总计 1,026,000.00 and 支出总计 1,025,000.00 differ by 1,000.00", "error"),
    "FISCAL-BALANCE": ("fiscal:\n", "fiscal:\n  carryover_end: 100.00\n", "fiscal:\n",
                       "财政拨款 does not balance", "error"),
    "FISCAL-WITHIN": ("fiscal:\n  prior_total: 1050000.00", "fiscal:\n  prior_total: 1200000.00",
                      "  prior_total: 1200000.00", "上年财政拨款收入支出总计 1,200,000.00 is more than 上年收入支出总计",
                      "error"),
    "FUNC-ROLLUP": ('      name: 卫生健康支出\n      current: 900000.00', '      name: 卫生健康支出\n      current: 900100.00',
                    "      current: 900100.00", "卫生健康支出(类)本年决算 is stated as 900,100.00 but", "error"),
    "LINE-SUMS": ("general_budget:\n  prior: 1050000.00", "general_budget:\n  prior: 1050100.00",
                  "  prior: 1050100.00", "一般公共预算财政拨款支出的上年决算数 is stated as 1,050,100.00", "error"),
    "LINE-TWICE": ("income:\n", "income:\n  compare:\n    grand_total: {prior: 1.00}\n", "grand_total: {prior: 1.00}",
                   "收入总计的上年决算数 is given twice", "error"),
    "BASIC-TOTAL": ("stated_total: 780000.00", "stated_total: 780100.00", "stated_total: 780100.00",
                    "一般公共预算财政拨款基本支出 is stated as 780,100.00 but 人员经费 + 公用经费 add up to 780,000.00",
                    "error"),
    "BASIC-WITHIN": ([("  basic: 780000.00\n  project: 240000.00", "  basic: 770000.00\n  project: 250000.00")],
                     None, "  stated_total: 780000.00",
                     "一般公共预算财政拨款基本支出 780,000.00 is more than the unit's whole 基本支出 770,000.00",
                     "error"),
    "ECON-CODE": ('"30299": 20000.00', '"30298": 20000.00', '"30298": 20000.00',
                  "`30298` is not a code of the 部门支出经济分类", "error"),
    "ECON-TOTALS": ('"30102": 200000.00', '"30102": 200100.00', "  personnel: 700000.00",
                    "人员经费 is stated as 700,000.00 but 基本工资 + 津贴补贴 + 住房公积金 add up to 700,100.00", "error"),
    "TABLE-SPLIT": ("              basic: 680000.00\n              project: 20000.00",
                    "              basic: 680000.00\n              project: 21000.00", "basic: 680000.00\n              project: 21000",
                    "行政运行(2101501): 基本支出 680,000.00 + 项目支出 21,000.00 = 701,000.00, not its 700,000.00",
                    "error"),
    "TABLE-MATCH": ("spending: {project: 220000.00}", "spending: {project: 219000.00}", "  project: 240000.00",
                    "公开03 支出决算表 项目支出 is stated as 240,000.00 but", "error"),
    "TABLE-DATA": ("              income: {fiscal: 100000.00}\n", "", 'code: "2210201"',
                   "住房公积金(2210201) has no `income:` row while other 项 have one", "error"),
    "OPERATING-COSTS": ("  current: 80000.00\n  prior: 75000.00", "  current: 80100.00\n  prior: 75000.00",
                        "  current: 80100.00", "机关运行经费 80,100.00 is not the 公用经费 80,000.00", "error"),
    "THREE-PUBLIC-TOTAL": ("stated_current: 30000.00", "stated_current: 30100.00", "stated_current: 30100.00",
                           "“三公”经费决算数 is stated as 30,100.00", "error"),
    "PROCUREMENT-TOTAL": ("small_micro: 30000.00", "small_micro: 60000.00", "small_micro: 60000.00",
                          "授予小微企业合同金额 60,000.00 is more than 授予中小企业合同金额 50,000.00", "error"),
    "ASSETS": ("vehicle_value: 150000.00", "vehicle_value: 0.00", "vehicle_value: 0.00",
               "车辆价值 is 0.00 but the 车辆 number count is 1", "error"),
    "REASON-MISSING": ("              reason: 项目经费减少\n", "", 'code: "2101599"',
                       "其他医疗保障管理事务支出(2101599) has no `reason` for its change against last year", "error"),
    "PERF-RULE": ("rule: 直接赋分", "rule: 看心情赋分", "rule: 看心情赋分", "赋分规则 `看心情赋分` is not known", "error"),
    "PERF-SCORE": ('actual: "=100件", rule: 按照完成比例赋分', 'actual: "=100件", rule: 按照完成比例赋分, score: 39',
                   "score: 39", "指标得分 is stated as 39.00 but 按照完成比例赋分 gives 40.00", "error"),
    "PERF-FUNDS": ("stated_total: {initial_budget: 200000.00, full_year_budget: 220000.00, executed: 210000.00}",
                   "stated_total: {initial_budget: 200000.00, full_year_budget: 220000.00, executed: 210000.00}\n"
                   "      execution_rate: 95.46", "execution_rate: 95.46",
                   "执行率 is stated as 95.46% but 210,000.00 ÷ 220,000.00 = 95.45%", "error"),
    "PERF-SUMMARY": ("stated_projects_executed: 210000.00", "stated_projects_executed: 210100.00",
                     "stated_projects_executed: 210100.00", "预算绩效评价项目全年执行数 is stated as 210,100.00", "error"),
    "PERF-TOTAL": ("      funds_weight: 10\n", "      funds_weight: 10\n      total_score: 99.5\n", "total_score: 99.5",
                   "总分 is stated as 99.50 but the scores add up to 100.00", "error"),
    "PERF-WEIGHTS": ("name: 经办业务量, weight: 40", "name: 经办业务量, weight: 41", "      funds_weight: 10",
                     "the funds weight and the indicator weights add up to 101.00, not 100", "error"),
}


def run_rule(path, rule_id, prior=None):
    data = load(path)
    return [p for p in check.run(data, load_style("xinjiang"), load(prior) if prior else None) if p.rule == rule_id]


def test_the_minimal_file_is_clean():
    assert check.run(load(MINIMAL), load_style("xinjiang")) == []


def test_every_rule_has_a_case():
    tested = set(CASES) | {"UNIT-SCORE-RANGE", "UNIT-EXECUTED", "PRIOR-MATCH", "PRIOR-ITEMS", "NEEDED",
                           "REASON-STALE"}   # test_init.py
    tested |= {"EVAL-PROJECTS", "EVAL-PUBLIC", "EVAL-SPENDING", "EVAL-SCORE", "EVAL-WEIGHTS"}   # test_documents.py
    tested |= {"EVAL-ACCOUNTS"}     # test_package_accounts.py
    assert {r.id for r in check.RULES} == tested


@pytest.mark.parametrize("rule_id", CASES)
def test_rule_passes_then_fires_at_its_line(rule_id, tmp_path):
    old, new, at, words, severity = CASES[rule_id]
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    assert run_rule(path, rule_id) == [], "the clean file must pass"
    for o, n in (old if isinstance(old, list) else [(old, new)]):
        edit(path, o, n)
    found = run_rule(path, rule_id)
    assert found, f"{rule_id} did not fire"
    line = line_of(path, at) + (1 if at.startswith("\n") else 0)
    assert any(p.location.line == line and words in p.message and p.severity == severity for p in found), \
        [p.format() for p in found]


def test_a_change_of_one_cent_in_yuan_is_an_error(tmp_path):
    # 元 are exact: no rounding tolerance
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "goods: 10000.00", "goods: 10000.01")
    [p] = run_rule(path, "PROCUREMENT-TOTAL")
    assert p.severity == "error" and "政府采购支出总额 is stated as 50,000.00 but 货物 + 工程 + 服务 add up to 50,000.01" \
        in p.message and p.related[0].line == line_of(path, "goods:")


def test_a_split_left_out_of_one_item(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "              basic: 100000.00\n", "")
    [p] = [p for p in run_rule(path, "TABLE-DATA") if p.severity == "error"]
    assert "住房公积金(2210201) has neither `basic:` nor `project:` while other 项 have them" in p.message
    assert p.location.line == line_of(path, 'code: "2210201"')


def test_uncomputable_score_must_be_entered(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, 'actual: "=100件"', 'actual: "=100次"')
    [p] = run_rule(path, "PERF-SCORE")
    assert "指标得分 cannot be computed under 按照完成比例赋分 (目标值 is in `件` but 业绩值 in `次`)" in p.message
    assert "enter the evaluator's score as `score:`" in p.hint


def test_unit_form_rules_on_changji(changji_copy):
    assert run_rule(changji_copy, "UNIT-SCORE-RANGE") == [] and run_rule(changji_copy, "UNIT-EXECUTED") == []
    edit(changji_copy, "    stated_total: {initial_budget: 1140.42, full_year_budget: 1239.70, executed: 1238.51}",
         "    stated_total: {initial_budget: 1140.42, full_year_budget: 1239.70, executed: 1228.51}")
    edit(changji_copy, "executed: 831.59", "executed: 821.59")
    [p] = run_rule(changji_copy, "UNIT-EXECUTED")
    assert p.severity == "warning" and "全年执行数 1,228.51 is not 本年支出合计 1,238.51" in p.message
    line = edit(changji_copy, "        score: 5\n", "        score: 7\n")
    [p] = run_rule(changji_copy, "UNIT-SCORE-RANGE")
    assert p.location.line == line and "得分 7.00 is outside 0…6.00" in p.message


def test_prior_match_and_items(tmp_path):
    this = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, this)
    assert run_rule(this, "PRIOR-MATCH", LAST_YEAR) == [] and run_rule(this, "PRIOR-ITEMS", LAST_YEAR) == []
    line = edit(this, "              prior: 650000.00", "              prior: 651000.00")
    [p] = run_rule(this, "PRIOR-MATCH", LAST_YEAR)
    assert p.location.line == line
    assert "行政运行(2101501) 上年决算: this file says last year was 651,000.00, last year's file says 650,000.00" \
        in p.message and p.related[0].line == line_of(LAST_YEAR, "current: 650000.00")
    edit(this, "active: {current: 10, prior: 9}", "active: {current: 10, prior: 8}")
    assert any("在职人员: this file says last year was 8" in p.message for p in run_rule(this, "PRIOR-MATCH", LAST_YEAR))


def test_prior_items_that_vanished_or_appeared(tmp_path):
    this = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, this)
    edit(this, 'code: "2101599"\n              name: 其他医疗保障管理事务支出',
         'code: "2101506"\n              name: 医疗保障经办事务')
    found = run_rule(this, "PRIOR-ITEMS", LAST_YEAR)
    assert {p.severity for p in found} == {"warning", "info"}
    assert any("其他医疗保障管理事务支出(2101599) had 300,000.00 last year" in p.message for p in found)
    assert any("医疗保障经办事务(2101506) is new this year" in p.message for p in found)
    # and its 上年 figure has nothing to match in last year's file
    assert any("had 300,000.00 last year, but last year's file has no such 项" in p.message
               for p in run_rule(this, "PRIOR-MATCH", LAST_YEAR))


def test_prior_must_be_the_year_before():
    [p] = run_rule(MINIMAL, "PRIOR-MATCH", MINIMAL)
    assert "the years are 2024 and 2024" in p.message


def test_silencing_a_rule_keeps_the_reason_in_the_file(tmp_path, cli):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "name: 经办业务量, weight: 40", "name: 经办业务量, weight: 41")
    assert cli("check", path).code == 1
    edit(path, "performance:\n", "checks:\n  silence:\n    - rule: PERF-WEIGHTS\n"
         "      reason: 本年自评表按市局模板，权重合计101分\nperformance:\n")
    r = cli("check", path)
    assert r.code == 0
    assert r.out.splitlines() == ["0 errors, 0 warnings, 0 notes; silenced for this file: PERF-WEIGHTS"]
    edit(path, "      reason: 本年自评表按市局模板，权重合计101分\n", "")
    r = cli("check", path)
    assert r.code == 1 and "has no `reason`" in r.err


# --- the command -----------------------------------------------------------------------------

def test_check_changji_has_no_error(cli):
    r = cli("check", CHANGJI)
    assert r.code == 0
    assert " error " not in r.out
    assert r.out.splitlines()[-1] == "0 errors, 5 warnings, 6 notes"
    assert "info TOTAL-INCOME: 收入总计 is stated as 1,239.70" in r.out


def test_output_is_sorted_by_line_with_the_summary_last(cli, changji_copy):
    edit(changji_copy, "services: 268.05", "services: 278.05")
    edit(changji_copy, "other: 15.73", "other: 25.73")
    r = cli("check", changji_copy)
    assert r.code == 1
    lines = r.out.splitlines()
    numbers = [int(line.split(":")[1]) for line in lines[:-1]]
    assert numbers == sorted(numbers)
    assert lines[-1].startswith("2 errors, 5 warnings, ")


def test_json_format(cli, changji_copy):
    edit(changji_copy, "services: 268.05", "services: 278.05")
    r = cli("check", changji_copy, "--format", "json")
    report = json.loads(r.out)
    assert r.code == 1 and report["summary"] == {"errors": 1, "warnings": 5, "notes": 6}
    [error] = [p for p in report["problems"] if p["severity"] == "error"]
    assert error["rule"] == "PROCUREMENT-TOTAL" and error["line"] == line_of(changji_copy, "stated_total: 287.78")
    assert line_of(changji_copy, "services: 278.05") in [r["line"] for r in error["related"]]


def test_strict_makes_warnings_errors(cli):
    assert cli("check", CHANGJI).code == 0
    r = cli("check", CHANGJI, "--strict")
    assert r.code == 1 and "error IDENTITY-YEAR" in r.out


def test_rules_lists_the_catalogue(cli):
    r = cli("check", "--rules")
    assert r.code == 0
    ids = [line.split()[0] for line in r.out.splitlines()]
    assert ids == [rule.id for rule in check.RULES]


def test_check_reports_what_the_sentences_need(cli, tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "  budget: 980000.00\n  reason: 项目经费减少", "  reason: 项目经费减少")
    r = cli("check", path)
    assert r.code == 1
    assert f":{line_of(path, chr(10) + 'general_budget:') + 1}: error NEEDED: the document needs 一般公共预算财政拨款支出的年初预算数" \
        in r.out


def test_build_refuses_while_an_error_stands(cli, changji_copy, tmp_path):
    edit(changji_copy, "services: 268.05", "services: 278.05")
    r = cli("build", changji_copy, "-o", tmp_path / "out")
    assert r.code == 1 and "error PROCUREMENT-TOTAL" in r.err and not (tmp_path / "out").exists()


def test_needed_is_in_the_catalogue_and_can_be_silenced(cli, tmp_path):
    """The README allows silencing NEEDED; it used to be refused as `SILENCE: NEEDED is not a rule`."""
    assert "NEEDED" in [line.split()[0] for line in cli("check", "--rules").out.splitlines()]
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "  budget: 980000.00\n  reason: 项目经费减少", "  reason: 项目经费减少")
    edit(path, "performance:\n", "checks:\n  silence:\n    - rule: NEEDED\n"
         "      reason: 本单位无年初预算，句子另行改写\nperformance:\n")
    r = cli("check", path)
    assert r.code == 0, r.out
    assert "SILENCE" not in r.out and "error NEEDED" not in r.out
    assert r.out.splitlines()[-1].endswith("silenced for this file: NEEDED")
    out = tmp_path / "out"
    r = cli("build", path, "-o", out, "--text-only")
    assert r.code == 0, r.err
    (text,) = out.glob("*.txt")
    assert "【待补充：一般公共预算财政拨款支出的年初预算数】" in text.read_text(encoding="utf-8")
