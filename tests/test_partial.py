"""A partial document (issue 11, provinces.md §1): Anhui's stand-alone “三公” page builds from a file
that holds only `unit`, `year`, `amount_unit` and `three_public:`. Any record of the accounts may be
left out: what a sentence or table reads of it is NEEDED naming the record (never a 0), and the rules
that read it do not run."""
from __future__ import annotations

import copy

import openpyxl
import pytest

from conftest import DATA
from disclose import check
from disclose.check import RULES
from disclose.errors import DiscloseError
from disclose.load import load
from disclose.pipeline import OPTIONAL_RECORDS, render, resolve_style

PAGE = DATA / "three-public-example-2024.yaml"
TITLE = "示例市档案馆2024年度“三公”经费财政拨款支出决算情况"
TOP = "data/three-public-example-2024.yaml:7"          # the file's first key (`unit:`)


def test_the_page_builds_from_the_three_public_record_alone(cli, tmp_path):
    r = cli("build", PAGE, "-o", tmp_path)
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{TITLE}.docx", f"{TITLE}.txt", f"{TITLE}.xlsx"]
    lines = (tmp_path / f"{TITLE}.txt").read_text(encoding="utf-8").splitlines()
    # the table first …
    assert lines[:4] == [TITLE, "2024年度“三公”经费财政拨款支出决算表", "单位：示例市档案馆", "金额单位：万元"]
    assert lines[5:12] == ["项目\t预算数\t决算数", "合计\t6.10\t5.13", "1.因公出国（境）费\t0.00\t0.00",
                           "2.公务用车购置及运行维护费\t4.50\t3.86", "　（1）公务用车购置费\t0.00\t0.00",
                           "　（2）公务用车运行维护费\t4.50\t3.86", "3.公务接待费\t1.60\t1.27"]
    # … then the explanation, against the 预算 only (5.13 ÷ 6.10 = 84.10%; 1.27 ÷ 1.60 = 79.375% → 79.38%)
    assert lines[lines.index("说明："):][1:] == [
        "2024年度“三公”经费财政拨款支出预算6.10万元，决算5.13万元，完成预算的84.10%。决算数小于预算数的主要原因是："
        "严格落实中央八项规定精神，压减公务用车运行维护费和公务接待费。",
        "因公出国（境）费支出预算0.00万元，决算0.00万元，完成预算的0.00%。决算数等于预算数的主要原因是：本年度未安排"
        "因公出国（境）团组。全年安排因公出国（境）团组0个，累计0人次。",
        "公务用车购置及运行维护费支出预算4.50万元，决算3.86万元，完成预算的85.78%。其中：公务用车购置费支出预算0.00"
        "万元，决算0.00万元，完成预算的0.00%，决算数等于预算数的主要原因是：本年度未购置公务用车；公务用车运行维护费"
        "支出预算4.50万元，决算3.86万元，完成预算的85.78%，决算数小于预算数的主要原因是：合理安排用车，燃油费和维修费"
        "减少。2024年度公务用车购置数0辆，年末公务用车保有量2辆。",
        "公务接待费支出预算1.60万元，决算1.27万元，完成预算的79.38%。决算数小于预算数的主要原因是：严格控制接待标准"
        "和陪同人数。全年国内公务接待15批次，96人次。"]
    # the .xlsx holds the page's one table, its amounts numbers
    book = openpyxl.load_workbook(tmp_path / f"{TITLE}.xlsx")
    assert book.sheetnames == ["2024年度“三公”经费财政拨款支出决算表"]
    rows = [[c for c in row if c is not None] for row in book.active.iter_rows(values_only=True)]
    assert ["合计", 6.1, 5.13] in rows and ["3.公务接待费", 1.6, 1.27] in rows


def test_check_of_the_page_reports_nothing_false(cli):
    r = cli("check", PAGE)
    assert r.code == 0 and r.out.splitlines() == ["0 errors, 0 warnings, 0 notes"], r.out


def test_only_the_rules_of_the_records_present_run():
    data = load(PAGE, OPTIONAL_RECORDS)
    ran = {r.id for r in RULES if "disclosure" in r.kinds and not r.needs_prior and r.runs_on(data)}
    assert ran == {"SILENCE", "TEXT-KEY", "PLACEHOLDER", "IDENTITY-YEAR", "LINE-SUMS", "LINE-TWICE", "NEEDED",
                   "REASON-STALE", "THREE-PUBLIC-TOTAL"}


def test_a_rule_of_a_record_present_still_finds_its_error(cli, tmp_path):
    wrong = tmp_path / "page.yaml"
    wrong.write_text(PAGE.read_text(encoding="utf-8").replace(
        "  budget_reason: 严格落实", "  stated_current: 5.31\n  budget_reason: 严格落实"), encoding="utf-8")
    r = cli("check", wrong)
    assert r.code == 1
    assert f"{wrong}:13: error THREE-PUBLIC-TOTAL: “三公”经费决算数 is stated as 5.31 but 因公出国（境）费 + 公务用车购置费 + " \
           "公务用车运行维护费 + 公务接待费 add up to 5.13" in r.out


def test_the_small_file_as_a_full_disclosure_names_each_absent_record(cli, tmp_path):
    r = cli("build", PAGE, "--style", "xinjiang", "-o", tmp_path / "out")
    assert r.code == 1 and not (tmp_path / "out").exists()
    assert "Traceback" not in r.err and "TEMPLATE" not in r.err
    absent = [line.split("needs `")[1].split(":`")[0] for line in r.err.splitlines()
              if line.startswith(f"{TOP}: error NEEDED: the document needs `")]
    assert absent == ["assets", "basic", "expenditure", "fiscal", "general_budget", "income", "operating_costs",
                      "overall", "overview", "performance", "procurement"]
    assert f"{TOP}: error NEEDED: the document needs `income:` (本年收入 by source, 结转 and 收入总计) and the file " \
           "gives none — add `income:` with its figures to the file (the README's *Field reference* lists them)" in r.err
    # the disclosure compares the “三公” with last year: what the page did not need is needed now
    assert "data/three-public-example-2024.yaml:12: error NEEDED: the document needs “三公”经费的上年决算数 and the " \
           "file gives none — add `prior: …` to this entry" in r.err
    # and no rule reported a false error for the records that are not there
    checked = cli("check", PAGE, "--style", "xinjiang")
    assert {line.split(" error ")[1].split(":")[0] for line in checked.out.splitlines() if " error " in line} == {
        "NEEDED"}


def test_an_absent_record_is_never_printed_as_zero(cli, tmp_path):
    r = cli("build", PAGE, "--style", "xinjiang", "-o", tmp_path, "--text-only", "--force")
    assert r.code == 0
    text = next(tmp_path.glob("*.txt")).read_text(encoding="utf-8")
    assert "2024年度收入总计【待补充：`income:` (本年收入 by source, 结转 and 收入总计)】，其中：本年收入合计【待补充：" \
           "`income:` (本年收入 by source, 结转 and 收入总计)】" in text
    assert "国有资产占用情况中固定资产车辆【待补充：`assets:` (国有资产占用情况)】辆" in text


def test_the_page_without_its_record_names_it(cli, tmp_path):
    bare = tmp_path / "bare.yaml"
    text = PAGE.read_text(encoding="utf-8")
    bare.write_text(text[:text.index("\nthree_public:")], encoding="utf-8")
    r = cli("build", bare, "-o", tmp_path / "out")
    assert r.code == 1
    assert r.err.splitlines()[0] == f"{bare}:7: error NEEDED: the document needs `three_public:` (财政拨款“三公”经费) " \
        "and the file gives none — add `three_public:` with its figures to the file (the README's *Field reference* " \
        "lists them)"


# Each shipped example with one of its records left out: no rule reports a false error, and the
# document names the record as NEEDED — unless its style prints nothing of it (yunnan has no 收支总体).
EXAMPLES = ["changji-2024", "xiji-2024", "sichuan-example-2024", "yunnan-example-2024", "guangxi-example-2024",
            "demo-2024"]
NOT_PRINTED = {("yunnan-example-2024", "overall")}


@pytest.mark.parametrize("name", EXAMPLES)
def test_any_record_left_out_is_needed_never_a_crash(name):
    data = load(DATA / f"{name}.yaml")
    style = resolve_style(data, None, None)
    full = {p.format() for p in check.run(data, style)}
    for record in sorted(r for r in OPTIONAL_RECORDS if getattr(data, r) is not None and r != "evaluation"):
        partial = copy.copy(data)
        setattr(partial, record, None)
        assert {p.format() for p in check.run(partial, style)} <= full, record
        needed = {p.message for p in render(partial, style).needed}
        named = f"the document needs `{record}:` " in " ".join(needed)
        assert named != ((name, record) in NOT_PRINTED), (record, needed)


def test_variables_of_the_page_name_the_absent_records(cli):
    r = cli("variables", PAGE)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "income  missing: `income:` (本年收入 by source, 结转 and 收入总计)" in lines
    assert "tables.t06  missing: `basic:` (一般公共预算财政拨款基本支出)" in lines
    assert "three_public.full_budget  figure 6.10" in lines
    # the indicators read the accounts the page leaves out: not evaluated, and no error blamed on them
    assert any(line.startswith("indicators[0].notes[0]  text 'data/three-public-example-2024.yaml:7: B31 ")
               for line in lines)
