"""The guangxi style (provinces.md §1, Guangxi 2021+) on its invented example: 第三部分 in seven
sections whose headings end in “。”, and 一 on income and expenditure together, each income line that
is not 0 followed by its one-clause definition (`income.definitions`). The whole text is held by
golden/guangxi-example-2024.txt (tests/test_golden.py); these tests name what the style adds."""
import shutil

from conftest import DATA, edit

EXAMPLE = DATA / "guangxi-example-2024.yaml"
TITLE = "示例县文化艺术中心2024年度部门决算"


def build_lines(cli, data, out):
    r = cli("build", data, "-o", out, "--text-only")
    assert r.code == 0, r.err
    return (out / f"{TITLE}.txt").read_text(encoding="utf-8").splitlines()


def test_seven_sections_whose_headings_end_in_a_full_stop(cli, tmp_path):
    lines = build_lines(cli, EXAMPLE, tmp_path)
    part = lines[lines.index("第三部分 2024年度部门决算情况说明") + 1:lines.index("第四部分 名词解释")]
    headings = [line for line in part if line.endswith("。") and line[:1] in "一二三四五六七（" and len(line) < 40]
    assert headings == [
        "一、收入支出决算总体情况说明。", "二、财政拨款收入支出决算总体情况说明。", "三、一般公共预算财政拨款支出决算情况说明。",
        "（一）一般公共预算财政拨款支出决算总体情况。", "（二）一般公共预算财政拨款支出决算结构情况。",
        "（三）一般公共预算财政拨款支出决算具体情况。", "四、一般公共预算财政拨款基本支出决算情况说明。",
        "五、财政拨款“三公”经费支出决算情况说明。", "（一）财政拨款“三公”经费支出决算总体情况。",
        "（二）财政拨款“三公”经费支出决算具体情况。", "六、政府性基金预算和国有资本经营预算财政拨款支出决算情况说明。",
        "七、其他重要事项的情况说明。", "（一）机关运行经费支出情况。", "（二）政府采购支出情况。", "（三）国有资产占用情况。",
        "（四）预算绩效管理情况。"]
    assert lines[lines.index("第一部分 部门概况") + 1] == "一、主要职能。"


def test_section_one_defines_each_income_line_that_is_not_zero(cli, tmp_path):
    lines = build_lines(cli, EXAMPLE, tmp_path)
    one = lines.index("一、收入支出决算总体情况说明。")
    assert lines[one + 2:one + 4] == [
        "收入方面：本年收入合计280.10万元，其中：一般公共预算财政拨款收入278.10万元，占99.29%，为县本级财政当年拨付的资金；"
        "其他收入2.00万元，占0.71%，为单位取得的除上述收入以外的各项收入，主要是场地租借收入。"
        "年初结转和结余0.50万元，为以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
        "支出方面：本年支出合计280.40万元，其中：基本支出228.10万元，占81.35%；项目支出52.30万元，占18.65%。年末结转和结余0.20万元。"]


def test_an_income_line_printed_without_its_definition_is_needed(cli, tmp_path):
    data = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, data)
    edit(data, "    other: 为单位取得的除上述收入以外的各项收入，主要是场地租借收入\n", "")
    line = data.read_text(encoding="utf-8").split("\n").index("  definitions:              # 一 defines each income "
                                                              "line it prints (those not 0), in one clause") + 1
    r = cli("build", data, "-o", tmp_path / "out", "--text-only")
    assert r.code == 1 and not (tmp_path / "out").exists()
    assert f"{data.name}:{line}: error NEEDED: the document needs 其他收入的定义 and the file gives none" in r.err


def test_another_provinces_file_under_guangxi_names_the_data_to_add(cli, tmp_path):
    """Seed 003's file (no 单位性质, no 科室, no definitions) under --style guangxi: what the style prints
    and the file lacks is NEEDED at the file's line, never a template error; with --force it builds."""
    xiji = DATA / "xiji-2024.yaml"
    r = cli("build", xiji, "--style", "guangxi", "-o", tmp_path / "a", "--text-only")
    assert r.code == 1 and "TEMPLATE" not in r.err
    assert "data/xiji-2024.yaml:30: error NEEDED: the document needs 一般公共预算财政拨款收入的定义" in r.err
    # each line's definition on its own, though all point at the same `income:` line (only the first was)
    assert "data/xiji-2024.yaml:30: error NEEDED: the document needs 年初结转和结余的定义" in r.err
    assert "data/xiji-2024.yaml:67: error NEEDED: the document needs 社会保障和就业支出（208）的用途（主要用于）" in r.err
    r = cli("build", xiji, "--style", "guangxi", "-o", tmp_path / "b", "--text-only", "--force")
    assert r.code == 0, r.err
    lines = (tmp_path / "b" / "宁夏西吉县医疗保障局本级2024年度部门决算.txt").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("二、部门决算单位构成。") + 1] == "纳入本部门2024年度部门决算编制范围的单位共1个，包括：本级。"


def test_a_total_of_zero_lists_no_parts(cli, tmp_path):
    """一 lists the lines of 本年支出合计 after 其中：; with every kind 0 there is nothing to list, and the
    年末结转和结余 that follows is not one of them (it read 本年支出合计0.00万元，其中：年末结转和结余…)."""
    data = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, data)
    edit(data, "  basic: 228.10             # 基本支出\n  project: 52.30 ", "  basic: 0\n  project: 0 ")
    edit(data, "  stated_total: 280.40      # 本年支出合计\n", "")
    r = cli("build", data, "-o", tmp_path / "out", "--text-only", "--force")       # the totals no longer agree
    assert r.code == 0, r.err
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    assert "支出方面：本年支出合计0.00万元。年末结转和结余0.20万元。" in text.splitlines()
