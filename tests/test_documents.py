"""Document kinds: a style writes the disclosure and/or other documents from the same data file
(`--document NAME`); the Hunan 整体支出绩效自评 package needs only its own records and names
each one it lacks."""
import pytest

from conftest import CHANGJI, DATA

HENGSHAN = DATA / "hengshan-2024.yaml"
STEM = "衡山县医疗保障局2024年度部门整体支出绩效自评"


def test_styles_lists_each_styles_documents(cli):
    r = cli("styles")
    assert r.code == 0
    lines = r.out.splitlines()
    hunan = lines.index(next(line for line in lines if line.startswith("hunan\t")))
    assert lines[hunan + 1].startswith("  --document self-evaluation\t部门整体支出绩效自评材料")
    assert lines[hunan + 1].endswith("(default)")
    assert lines[hunan + 2] == "  (no disclosure: this style writes only the documents above)"
    assert "  --document disclosure\t部门决算公开说明 (default)" in lines


@pytest.mark.parametrize("data,document,known", [(CHANGJI, "self-evaluation", "disclosure"),
                                                 (HENGSHAN, "disclosure", "self-evaluation")])
def test_an_unknown_document_is_a_clear_error(cli, tmp_path, data, document, known):
    r = cli("build", data, "--document", document, "-o", tmp_path)
    assert r.code == 1
    assert f"error DOCUMENT: style {'xinjiang' if data == CHANGJI else 'hunan'} has no document `{document}` — " \
           f"use one of: {known}" in r.err
    assert list(tmp_path.iterdir()) == []


def test_the_package_is_written_as_word_and_text(cli, tmp_path):
    r = cli("build", HENGSHAN, "-o", tmp_path)
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{STEM}.docx", f"{STEM}.txt"]   # no 附表 workbook


def _without(tmp_path, *cuts: str):
    text = HENGSHAN.read_text(encoding="utf-8")
    for cut in cuts:
        assert cut in text
        text = text.replace(cut, "")
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_missing_package_field_is_named_with_its_line(cli, tmp_path):
    path = _without(tmp_path, '  thrift_measures: ""       # 厉行节约保障措施: blank on the form\n',
                    "    establishment: 44       # 附件一 编制数 as printed\n")
    r = cli("build", path, "-o", tmp_path / "out", "--text-only")
    assert r.code == 1
    errors = sorted(line for line in r.err.splitlines() if " error " in line)
    # the line of the record the field belongs in (`staffing:`, `evaluation:`), the field, and what to add
    assert errors == [
        f"{path}:26: error NEEDED: the document needs 厉行节约保障措施 (evaluation.thrift_measures) and the file "
        "gives none — add `thrift_measures: …` to this entry",
        f"{path}:27: error NEEDED: the document needs 编制数 (evaluation.staffing.establishment) and the file gives "
        "none — add `establishment: …` to this entry"]
    forced = cli("build", path, "-o", tmp_path / "out", "--text-only", "--force")
    assert forced.code == 0
    text = (tmp_path / "out" / f"{STEM}.txt").read_text(encoding="utf-8")
    assert "厉行节约保障措施\t【待补充：厉行节约保障措施 (evaluation.thrift_measures)】" in text


def test_a_disclosure_file_without_the_package_names_what_it_lacks(cli, tmp_path):
    r = cli("check", CHANGJI, "--style", "hunan")
    assert r.code == 1
    assert "data/changji-2024.yaml:8: error NEEDED: the document needs 整体支出绩效自评的数据 (`evaluation:` with " \
           "staffing, spending, unit_form, projects, report…) and the file gives none" in r.out
    assert "FUNC-ROLLUP" not in r.out and "TABLE-DATA" not in r.out      # only what the package needs


def test_the_disclosure_still_needs_its_records(cli, tmp_path):
    """The package's file holds no accounts: as a disclosure, each record its sentences read is NEEDED."""
    r = cli("check", HENGSHAN, "--style", "xinjiang")
    assert r.code == 1
    lead = "data/hengshan-2024.yaml:7: error NEEDED: the document needs `"
    needed = [line[len(lead):].split(":`")[0] for line in r.out.splitlines() if line.startswith(lead)]
    assert needed == ["assets", "basic", "expenditure", "fiscal", "general_budget", "income", "operating_costs",
                      "overall", "performance", "procurement", "three_public"]
    assert "data/hengshan-2024.yaml:7: error NEEDED: the document needs `income:` (本年收入 by source, 结转 and 收入总计) " \
           "and the file gives none — add `income:` with its figures to the file (the README's *Field reference* " \
           "lists them)" in r.out
    assert r.out.splitlines()[-1] == "12 errors, 0 warnings, 0 notes"     # and 人员情况 of `overview:`


def test_check_of_the_package(cli):
    r = cli("check", HENGSHAN, "--document", "self-evaluation")
    assert r.code == 0
    assert r.out.splitlines()[-1] == "0 errors, 0 warnings, 3 notes"
    assert "info EVAL-SPENDING: 附件二 全年执行数 is stated as 951.72 while 基本支出 + 项目支出 add up to 951.73" in r.out


@pytest.mark.parametrize("old,new,message", [
    ("name: 工作完成达标率, target: 及时, actual: 及时, weight: 5, score: 5}",
     "name: 工作完成达标率, target: 及时, actual: 及时, weight: 5, score: 6}",
     "error EVAL-SCORE: 部门整体支出绩效自评表 / 工作完成达标率: 自评得分 6.00 is outside 0…5.00"),
    ("name: 召开培训, target: 两次, actual: 两次, weight: 10,",
     "name: 召开培训, target: 两次, actual: 两次, weight: 11,",
     "error EVAL-WEIGHTS: 项目支出绩效自评表 医疗保障基金监管事务中心经费: the 分值 add up to 101.00, not 100"),
    ("      office: {prior: 25.14, budget: 15, current: 17.22}",
     "      office: {prior: 25.14, budget: 75, current: 17.22}",
     "error EVAL-PUBLIC: 附件一 办公经费 本年预算数 75.00 is more than 公用经费 71.39"),
    ('project: {"301": 32.62, "302": 369.23}', 'project: {"301": 32.62, "302": 379.23}',
     "error EVAL-PROJECTS: 附件一 项目支出 本年决算数 is stated as 401.85 but the 项目支出 of `spending` add up to "
     "411.85"),
    ('basic: {"301": 486.08', 'basic: {"30101": 486.08',
     "error EVAL-SPENDING: `30101` in spending.basic is not a 类 of the 部门支出经济分类"),
])
def test_every_typed_figure_is_checked(cli, tmp_path, old, new, message):
    text = HENGSHAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "h.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    r = cli("check", path)
    assert r.code == 1
    assert message in r.out, r.out
