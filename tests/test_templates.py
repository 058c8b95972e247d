"""Templates: user overrides file by file, strict variables, and --force."""
import re

import pytest

from conftest import CHANGJI, CHANGJI_TITLE, GOLDEN, ROOT, edit, write
from test_golden import build_text

STYLE = ROOT / "templates" / "xinjiang"


def test_the_readme_walkthrough_replaces_exactly_one_sentence(cli, tmp_path):
    """Follow README's *Changing the wording* to the letter."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    walkthrough = readme[readme.index("### Changing the wording"):readme.index("## Development")]
    before, after = [line.strip() for line in walkthrough.splitlines()
                     if line.startswith("    {{ year }}年度")]
    mine = tmp_path / "my-templates"
    mine.mkdir()
    text = (STYLE / "s10_1_operating_costs.j2").read_text(encoding="utf-8")
    assert text.count(before) == 1, "the README quotes the template's line exactly"
    (mine / "s10_1_operating_costs.j2").write_text(text.replace(before, after), encoding="utf-8")
    built = build_text(cli, tmp_path / "out", CHANGJI, "--templates", mine).splitlines()
    golden = (GOLDEN / "changji-2024.txt").read_text(encoding="utf-8").splitlines()
    assert len(built) == len(golden)
    changed = [(g, b) for g, b in zip(golden, built) if g != b]
    assert changed == [("2024年度昌吉回族自治州医疗保障局（行政单位和参照公务员法管理事业单位）机关运行经费支出41.02万元，"
                        "比上年增加12.61万元，增长44.39%，主要原因是：本年增加办公费、差旅费等。",
                        "2024年度本单位机关运行经费支出41.02万元，较上年增加12.61万元，增长44.39%，主要原因是：本年增加办公费、差旅费等。")]


def test_a_style_yaml_in_the_override_folder_changes_only_its_settings(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    write(mine, "style.yaml", "change:\n  equal: 持平\n")
    built = build_text(cli, tmp_path / "out", CHANGJI, "--templates", mine)
    assert "因公出国（境）费支出0.00万元，占0.00%，比上年持平，主要原因是" in built
    assert "比上年增加4.37万元，增长133.23%" in built


def test_an_unknown_variable_names_the_template_and_line(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    text = (STYLE / "s06_basic.j2").read_text(encoding="utf-8").splitlines()
    text.insert(2, "人员经费中工资福利支出{{ basic.salaries|amount }}。")
    (mine / "s06_basic.j2").write_text("\n".join(text) + "\n", encoding="utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", mine)
    assert r.code == 1
    assert f"{mine / 's06_basic.j2'}:3: error TEMPLATE: 'disclose.view.View object' has no attribute " \
           "'salaries' — the template uses a variable the data does not provide" in r.err, r.err
    assert not (tmp_path / "out").exists()


def test_a_template_syntax_error_names_the_template_and_line(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "s12_other_matters.j2").write_text("## 十二、其他需说明的事项\n{% for p in other_matters %}\n", "utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", mine)
    assert r.code == 1 and "s12_other_matters.j2:2: error TEMPLATE: template syntax error" in r.err


def test_force_writes_with_the_errors_on_the_title_page(cli, changji_copy, tmp_path):
    edit(changji_copy, "              reason: 本年减少驻寺人员补贴，导致经费减少\n", "")
    edit(changji_copy, "grand_total: 1239.70      # 支出总计", "grand_total: 1249.70      # 支出总计")
    r = cli("build", changji_copy, "-o", tmp_path, "--force")
    assert r.code == 0
    text = (tmp_path / f"{CHANGJI_TITLE}.txt").read_text(encoding="utf-8")
    head = text.split("第一部分")[0]
    assert "【本稿未通过检查，以下问题尚待更正】" in head
    assert "error TOTAL-EXPENDITURE: 支出总计 is stated as 1,249.70" in head
    assert "主要原因是：【待补充：宗教事务（2013404）的变动原因】。" in text
    assert (tmp_path / f"{CHANGJI_TITLE}.docx").is_file()


def test_styles_lists_the_shipped_styles(cli):
    r = cli("styles")
    assert r.code == 0
    assert [line.split("\t")[0] for line in r.out.splitlines() if not line.startswith(" ")] == \
        ["anhui", "guangxi", "hunan", "ningxia", "sichuan", "xinjiang", "yunnan"]


def test_variables_lists_what_templates_receive(cli):
    r = cli("variables", CHANGJI)
    assert r.code == 0
    assert "general_budget.items[0].reason  text '本年减少信息化建设项目，设备购置支出，相应支出减少'" in r.out
    assert "tables.t05.rows[0].basic  none (not given)" in r.out
    assert r.out.splitlines()[-1].startswith("settings  ")


def test_style_option_overrides_the_file(cli, tmp_path):
    r = cli("build", CHANGJI, "-o", tmp_path, "--text-only", "--style", "ningxia")
    # the Changji file lacks what style B's sentences need (年初预算 of each 项, …): named, not guessed
    assert r.code == 1 and "REASON-MISSING" in r.err and "has no `budget`" in r.err


def test_an_unknown_style_is_an_error(cli, tmp_path):
    r = cli("build", CHANGJI, "-o", tmp_path, "--style", "hubei")
    assert r.code == 1 and "there is no style `hubei`" in r.err and "xinjiang" in r.err


def test_the_format_knobs_of_style_yaml(cli, tmp_path):
    """Each knob a province changes in a style.yaml of its own, without Python."""
    mine = tmp_path / "mine"
    mine.mkdir()
    write(mine, "style.yaml", """
        amounts: {thousands: false, trim_zeros: true}
        percent: {decimals: 1}
        change:
          from_zero: 增加{amount}，无可比性
          equal: 无增减变化
    """)
    built = build_text(cli, tmp_path / "out", CHANGJI, "--templates", mine)
    assert "本年收入1238.41万元，其中：财政拨款收入1222.68万元，占98.7%" in built        # no separators, 1 decimal
    assert "年末结转和结余1.2万元" in built                                                 # trailing zero dropped
    assert "行政单位离退休(项)：支出决算数为0.25万元，比上年决算增加0.25万元，无可比性" in built  # from zero
    assert "因公出国（境）费支出0万元，占0.0%，比上年无增减变化" in built                         # equal


def test_a_bad_setting_names_its_line(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    write(mine, "style.yaml", "percent:\n  decimels: 1\n")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", mine)
    assert r.code == 1 and "style.yaml:2: error UNKNOWN-KEY: unknown key `decimels` in style.percent — did you " \
        "mean `decimals`?" in r.err


def test_the_glossary_can_be_extended_or_replaced(cli, changji_copy, tmp_path):
    edit(changji_copy, "other_matters: []", "other_matters: []\nglossary:\n  entries:\n"
         "    - {term: 长期护理保险, definition: 为失能人员提供护理保障的社会保险制度}\n"
         "    - {term: 机关运行经费, definition: 本单位的机关运行经费即公用经费}\n")
    text = build_text(cli, tmp_path / "a", changji_copy)
    glossary = text.split("第三部分 专业名词解释")[1].split("第四部分")[0].strip().splitlines()
    assert len(glossary) == 15
    assert glossary[13] == "十四、机关运行经费：本单位的机关运行经费即公用经费。"       # a term of the style's: replaced
    assert glossary[14] == "十五、长期护理保险：为失能人员提供护理保障的社会保险制度。"   # a new term: added
    edit(changji_copy, "glossary:\n  entries:", "glossary:\n  replace: true\n  entries:")
    text = build_text(cli, tmp_path / "b", changji_copy)
    glossary = text.split("第三部分 专业名词解释")[1].split("第四部分")[0].strip().splitlines()
    assert glossary == ["一、长期护理保险：为失能人员提供护理保障的社会保险制度。", "二、机关运行经费：本单位的机关运行经费即公用经费。"]


def test_a_typo_after_a_missing_value_is_an_error_not_missing_data():
    """A Missing answers only what it stands for: `change.rate` of a missing base is missing
    (reported as NEEDED with the data line); `change.ratte` is a template error."""
    import jinja2

    from disclose.errors import Location
    from disclose.render import Renderer
    from disclose.style import load as load_style
    from disclose.view import Missing

    missing = Missing(Location("2024.yaml", 12), "prior", "行政运行的上年决算数")
    renderer = Renderer(load_style("xinjiang"), "万元")
    assert renderer.env.from_string("{{ c.rate }}").render(c=missing) == "【待补充：行政运行的上年决算数】"
    assert [m.loc for m in renderer.missing] == [Location("2024.yaml", 12)]
    with pytest.raises(jinja2.UndefinedError, match="ratte"):
        renderer.env.from_string("{{ c.ratte }}").render(c=missing)


@pytest.mark.parametrize("section, block", [
    ("八、政府性基金", "government_fund:            # 八: none\n"),
    ("九、国有资本经营", "state_capital:              # 九: none\n")])
def test_ningxia_says_none_only_when_the_fund_spent_nothing(tmp_path, section, block):
    """Seed 003 prints 具体情况如下：无。 under a fund of 0.00; a unit that spent such money
    must not be told it has none."""
    import shutil

    from disclose.pipeline import build

    path = tmp_path / "xiji-2024.yaml"
    shutil.copy(ROOT / "data" / "xiji-2024.yaml", path)

    def part(text):
        start = text.rindex(section)                      # the section itself, not its line in the contents
        return re.split(r"\n[九十]、", text[start:])[0]

    built = part(build(path, force=True, formats=("txt",)).text)
    assert "具体情况如下：" in built and "无。" in built       # as published
    edit(path, block + "  income: 0.00\n  expenditure: 0.00\n",
         block + "  income: 12345.67\n  expenditure: 12345.67\n")
    built = part(build(path, force=True, formats=("txt",)).text)
    assert "12,345.67元" in built and "无。" not in built and "如下" not in built, built


def test_headcount_words_are_the_styles(cli, tmp_path):
    """They were fixed in Python (增加/减少); a style now says them, 持平 included."""
    mine = tmp_path / "mine"
    mine.mkdir()
    write(mine, "style.yaml", "counts:\n  decrease: 比上年少{count}{unit}\n  equal: 与上年持平\n")
    built = build_text(cli, tmp_path / "out", CHANGJI, "--templates", mine)
    assert "在职人员30人，比上年少1人；离休人员0人，与上年持平；退休人员1人，增加1人。" in built


def test_the_styles_inherit_the_common_base(cli):
    from disclose.style import load as load_style

    common = (ROOT / "templates" / "common" / "style.yaml").read_text(encoding="utf-8")
    for name in ("xinjiang", "ningxia"):
        own = (ROOT / "templates" / name / "style.yaml").read_text(encoding="utf-8")
        assert "base: common" in own and "met_phrases" not in own and "glossary:" not in own
        settings = load_style(name).settings
        assert "met_phrases: [达到预期指标" in common and settings.scoring.met_phrases[0] == "达到预期指标"
        assert settings.glossary == "glossary.yaml" and settings.percent.decimals == 2
    assert load_style("xinjiang").settings.scoring.funds.project == "full"         # its own setting wins
    assert load_style("ningxia").settings.scoring.funds.project == "proportional"  # the base's
    assert load_style("ningxia").settings.amounts.unit == "元"
    assert [line.split("\t")[0] for line in cli("styles").out.splitlines() if not line.startswith(" ")] == \
        ["anhui", "guangxi", "hunan", "ningxia", "sichuan", "xinjiang", "yunnan"]
    r = cli("build", CHANGJI, "--style", "common", "--text-only")
    assert r.code == 1 and "error STYLE: `common` is the base the styles share" in r.err


def test_a_shared_part_changed_once_changes_every_style(cli, tmp_path):
    """The glossary's body is written once (common/_glossary.j2); each style names only its part."""
    mine = tmp_path / "mine"
    mine.mkdir()
    shared = (ROOT / "templates" / "common" / "_glossary.j2").read_text(encoding="utf-8")
    (mine / "_glossary.j2").write_text(shared.replace("{{ loop.index|cn }}、", "（{{ loop.index }}）"),
                                       encoding="utf-8")
    changji = build_text(cli, tmp_path / "a", CHANGJI, "--templates", mine)
    assert cli("build", ROOT / "data" / "xiji-2024.yaml", "-o", tmp_path / "b", "--text-only",
               "--templates", mine).code == 0
    (built,) = (tmp_path / "b").glob("*.txt")
    xiji = built.read_text(encoding="utf-8")
    assert "第三部分 专业名词解释\n（1）财政拨款收入：" in changji
    assert "第四部分 名词解释\n（1）一般公共预算财政拨款收入：" in xiji


def test_an_optional_list_left_out_is_needed_data_not_a_template_error(changji_copy, cli):
    """A loop or `join` over a list the file leaves out (basic.personnel_items) reports the data
    line to fill (NEEDED), never `'Missing' object is not iterable` in a shipped template."""
    from conftest import edit

    edit(changji_copy, "  personnel_items: [", "  # personnel_items: [")
    r = cli("build", changji_copy, "-o", changji_copy.parent / "out", "--formats", "txt")
    assert r.code == 1 and "TEMPLATE" not in r.err
    basic = changji_copy.read_text(encoding="utf-8").split("\nbasic:")[0].count("\n") + 2   # the top-level key
    assert f"{changji_copy.name}:{basic}: error NEEDED: the document needs " \
           "人员经费包括的经济科目 and the file gives none" in r.err.replace(str(changji_copy.parent) + "/", "")


def test_moving_a_section_renumbers_every_heading_after_it(tmp_path, cli):
    """Sections are data: one edit of the list in style.yaml (here in a --templates folder) moves
    “三公” before 政府性基金, and 七 to 九 are numbered anew; the section's own text is unchanged."""
    import yaml

    from conftest import CHANGJI

    shipped = yaml.safe_load((ROOT / "templates" / "xinjiang" / "style.yaml").read_text(encoding="utf-8"))
    items = shipped["sections"]["items"]
    moved = [items[i] for i in (0, 1, 2, 3, 4, 5, 8, 6, 7, 9, 10, 11)]
    override = tmp_path / "mine"
    override.mkdir()
    (override / "style.yaml").write_text(yaml.safe_dump({"sections": {"items": moved}}, allow_unicode=True),
                                         encoding="utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--formats", "txt", "--templates", override)
    assert r.code == 0, r.err
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line[:2] in ("六、", "七、", "八、", "九、", "十、")
                and line.endswith("说明") and len(line) < 40]
    assert headings == ["六、一般公共预算财政拨款基本支出决算情况说明", "七、财政拨款“三公”经费支出决算情况说明",
                        "八、政府性基金预算财政拨款收入支出决算情况说明", "九、国有资本经营预算财政拨款收入支出决算情况说明",
                        "十、其他重要事项的情况说明"]
    golden = (ROOT / "golden" / "changji-2024.txt").read_text(encoding="utf-8")
    three = golden.split("九、财政拨款“三公”经费支出决算情况说明\n")[1].split("\n十、")[0]
    assert three in text


def test_a_numbering_scheme_is_data(tmp_path, cli):
    from conftest import CHANGJI

    override = tmp_path / "mine"
    override.mkdir()
    (override / "style.yaml").write_text('sections:\n  numbering: "（{cn}）"\n', encoding="utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--formats", "txt", "--templates", override)
    assert r.code == 0, r.err
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    assert "（九）财政拨款“三公”经费支出决算情况说明" in text.splitlines()


def test_moving_a_part_of_a_section_renumbers_its_parts(tmp_path, cli):
    import yaml

    from conftest import CHANGJI

    shipped = yaml.safe_load((ROOT / "templates" / "xinjiang" / "style.yaml").read_text(encoding="utf-8"))
    items = shipped["sections"]["items"]
    items[9]["parts"] = list(reversed(items[9]["parts"]))          # 十: 国有资产 first
    override = tmp_path / "mine"
    override.mkdir()
    (override / "style.yaml").write_text(yaml.safe_dump({"sections": {"items": items}}, allow_unicode=True),
                                         encoding="utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--formats", "txt", "--templates", override)
    assert r.code == 0, r.err
    lines = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8").splitlines()
    start = lines.index("十、其他重要事项的情况说明")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("十一、"))
    assert [line for line in lines[start:end] if line[:1] == "（" and line.endswith(("说明", "情况"))] == [
        "（一）国有资产占用情况说明", "（二）政府采购情况", "（三）机关运行经费及公用经费支出情况"]


def _built_with(tmp_path, cli, style_yaml: str) -> list[str]:
    from conftest import CHANGJI

    override = tmp_path / "mine"
    override.mkdir(exist_ok=True)
    (override / "style.yaml").write_text(style_yaml, encoding="utf-8")
    out = tmp_path / "out"
    r = cli("build", CHANGJI, "-o", out, "--formats", "txt", "--templates", override)
    assert r.code == 0, r.err
    return next(out.glob("*.txt")).read_text(encoding="utf-8").splitlines()


def test_number_knobs_for_the_whole_style(tmp_path, cli):
    """Zero printed as 0 while other amounts keep .00; only a whole .00 dropped from percentages."""
    lines = _built_with(tmp_path, cli, 'amounts:\n  zero: "0"\npercent:\n  trim: zeros\n')
    assert "本年收入1,238.41万元，其中：财政拨款收入1,222.68万元，占98.73%；上级补助收入0万元，占0%；" in lines[25]
    assert "支出决算数为0万元，比上年决算减少14.27万元，下降100%" in lines[39]


def test_number_knobs_for_one_section(tmp_path, cli):
    """九 prints its rates with one decimal and in its own words; every other section keeps the style's."""
    import yaml

    shipped = yaml.safe_load((ROOT / "templates" / "xinjiang" / "style.yaml").read_text(encoding="utf-8"))
    items = shipped["sections"]["items"]
    items[8]["format"] = {"percent": {"decimals": 1}, "change": {"increase": "增加{amount}，增幅{rate}"}}
    lines = _built_with(tmp_path, cli, yaml.safe_dump({"sections": {"items": items}}, allow_unicode=True))
    three = next(line for line in lines if line.startswith("2024年度财政拨款“三公”经费支出"))
    assert three.startswith("2024年度财政拨款“三公”经费支出7.65万元，比上年增加4.37万元，增幅133.2%")
    assert "占98.73%" in lines[25]                       # 二 keeps two decimals


def test_compiled_templates_are_kept_per_renderer_version():
    from disclose.render import _fingerprint, cache_folder

    folder = cache_folder()
    assert folder is None or folder.name == _fingerprint()


def test_the_units_own_sentences_by_key(tmp_path, cli, changji_copy):
    """A style declares the `texts:` it prints; the data file gives them; one left out is NEEDED."""
    override = tmp_path / "mine"
    override.mkdir()
    (override / "style.yaml").write_text("texts:\n  closing: 结束语\n", encoding="utf-8")
    body = (ROOT / "templates" / "xinjiang" / "s12_other_matters.j2").read_text(encoding="utf-8")
    (override / "s12_other_matters.j2").write_text(body + "{{ texts.closing }}\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli("build", changji_copy, "-o", out, "--formats", "txt", "--templates", override)
    assert r.code == 1 and "error NEEDED: the document needs 结束语 and the file gives none" in r.err
    with changji_copy.open("a", encoding="utf-8") as f:
        f.write("texts:\n  closing: 特此说明。\n")
    r = cli("build", changji_copy, "-o", out, "--formats", "txt", "--templates", override)
    assert r.code == 0, r.err
    assert "特此说明" in next(out.glob("*.txt")).read_text(encoding="utf-8").splitlines()
