"""Seed 003 (Xiji 2024, style B) sentence by sentence, and its nine tables figure by figure.

Every sentence of 第三部分 comes out as published, except where the published text is a
slip — it contradicts its own tables, or is a typo, a broken sentence or a format it
does not use elsewhere (golden/NOTES.md lists each, published beside generated).
"""
import re

import pytest

from conftest import DATA, GOLDEN
from sentences import compare, fold, section, seed_lines, sentences, SEEDS

XIJI = DATA / "xiji-2024.yaml"
TITLE = "2024年度宁夏西吉县医疗保障局本级部门决算"

EXCEPTIONS = [
    # 1, 2: 收入总计 is 7,289,400.60 (公开01); 7,143,754.56 is the 本年收入合计. The change
    #       1,095,976.57 and its rate 17.70% are reckoned on 收入总计; 17.700% has three decimals
    #       where every other rate has two.
    ("2024 年度收入总计 7,143,754.56 元，支出总计 7,289,400.60 元。与 2023 年度相比，收、支总计各增加 "
     "1,095,976.57 元，增长 17.700%，主要原因是 2101599 科目中央财政对医疗服务与保障能力提升补助资金较上年增加。",
     "2024年度收入总计7,289,400.60元，支出总计7,289,400.60元。与2023年度相比，收、支总计各增加"
     "1,095,976.57元，增长17.70%，主要原因是2101599科目中央财政对医疗服务与保障能力提升补助资金较上年增加。"),
    # 3: the only amount printed without thousands separators
    ("1. 工资福利支出 3,944,569.65 元,较 2024 年度年初预算数减少 89638.35 元,下降 2.22%。",
     "1. 工资福利支出3,944,569.65元，较2024年度年初预算数减少89,638.35元，下降2.22%。"),
    # 4: a broken sentence (支出决算数比2023年度其中：): the comparison with last year is missing
    ("2024 年度“三公”经费一般公共预算财政拨款支出预算为 0.00 元，支出决算为 0.00 元，完成预算的 0.00%，"
     "2024 年度“三公”经费一般公共预算财政拨款支出决算数比 2023 年度其中：因公出国（境）费支出决算持平。",
     "2024年度“三公”经费一般公共预算财政拨款支出预算为0.00元，支出决算为0.00元，完成预算的0.00%，"
     "2024年度“三公”经费一般公共预算财政拨款支出决算数较2023年度持平。其中：因公出国（境）费支出决算持平。"),
    # 5: 支出决 (a word cut short) and ；。 (two ends of sentence)
    ("2024 年度“三公”经费一般公共预算财政拨款支出决算中，因公出国（境）费支出决算 0.00 元，占 0.00%；"
     "公务用车购置及运行费支出决 0.00 元，占 0.00%；公务接待费支出决算 0.00 元，占 0.00%；。",
     "2024年度“三公”经费一般公共预算财政拨款支出决算中，因公出国（境）费支出决算0.00元，占0.00%；"
     "公务用车购置及运行费支出决算0.00元，占0.00%；公务接待费支出决算0.00元，占0.00%。"),
    # 6: 0 ÷ 0 is 0.00% everywhere else in the document (and in the style); here 100.00%
    ("2. 公务用车购置及运行维护费预算为 0.00 元，支出决算为 0.00 元，完成预算的 100.00%；其中：公务用车购置费支出为 "
     "0.00 元，公务用车运行维护费支出 0.00 元，主要用于 无等。",
     "2. 公务用车购置及运行维护费预算为0.00元，支出决算为0.00元，完成预算的0.00%；其中：公务用车购置费支出为"
     "0.00元，公务用车运行维护费支出0.00元，主要用于无等。"),
    # 7: a stray 。 inside the project's name, twice
    ("宁夏西吉县医疗保障局本级今年在部门决算中增加“中央财政对医疗保障与服务能力提升补助资金。”项目绩效评价结果。"
     "根据年初设定的绩效目标，中央财政对医疗保障与服务能力提升补助资金。项目自评得分为 99 分。",
     "宁夏西吉县医疗保障局本级今年在部门决算中增加“中央财政对医疗保障与服务能力提升补助资金”项目绩效评价结果。"
     "根据年初设定的绩效目标，中央财政对医疗保障与服务能力提升补助资金项目自评得分为99分。"),
]

PART3 = ("第三部分 2024 年度部门决算情况说明", "第四部分 名词解释")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from disclose.cli import main
    out = tmp_path_factory.mktemp("xiji")
    assert main(["build", str(XIJI), "-o", str(out), "--text-only"]) == 0
    return (out / f"{TITLE}.txt").read_text(encoding="utf-8")


def test_matches_golden(built):
    assert built == (GOLDEN / "xiji-2024.txt").read_text(encoding="utf-8")


def test_every_published_sentence_of_part_three_comes_out(built):
    published = sentences(section(seed_lines("003"), *PART3))
    generated = sentences(section(built.splitlines(), *PART3))
    expected, actual, unused = compare(published, generated, EXCEPTIONS)
    assert unused == []
    assert actual == expected


def test_the_exceptions_are_documented():
    notes = fold((GOLDEN / "NOTES.md").read_text(encoding="utf-8"))
    for pub, comp in EXCEPTIONS:
        assert fold(pub) in notes and fold(comp) in notes


def test_glossary_as_published(built):
    published = sentences([line.replace("**", "") for line in section(seed_lines("003"), "第四部分 名词解释",
                                                                       "第五部分 附件")])
    assert sentences(section(built.splitlines(), "第四部分 名词解释", "第五部分 附件")) == published


TABLES = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
          "一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款“三公”经费支出决算表",
          "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"]
AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")


def table_figures(lines: list[str], title: str) -> list[str]:
    """The amounts of one table, in reading order: from its title to its 注 line."""
    start = [i for i, line in enumerate(lines) if line.strip() == title][-1]
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注："))
    return [m for line in lines[start:end] for m in AMOUNT.findall(line)]


@pytest.mark.parametrize("title", TABLES)
def test_the_tables_carry_the_published_figures(built, title):
    seed = next(SEEDS.glob("003-*.txt")).read_text(encoding="utf-8").splitlines()
    part2 = seed[:[i for i, line in enumerate(seed) if fold(line) == fold("第三部分 2024 年度部门决算情况说明")][-1]]
    published = table_figures(part2, title)
    if title == "财政拨款收入支出决算总表":
        # the PDF prints the row 本年收入合计 (行次 27) twice: once with 本年支出合计 beside it and
        # once alone, label and figure split; the form has the row once
        row27 = ["6,822,048.75"] * 3 + ["0.00"] * 2 + ["6,822,048.75"]
        at = next(i for i in range(len(published)) if published[i:i + 6] == row27)
        published = published[:at + 5] + published[at + 6:]
    generated = table_figures(built.splitlines(), title)
    assert generated == published
    if title in ("收入支出决算总表", "收入决算表", "支出决算表", "一般公共预算财政拨款基本支出决算明细表"):
        assert len(published) > 20
