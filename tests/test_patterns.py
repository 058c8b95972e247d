"""Every pattern of provinces.md §1–§5 (what real disclosures of thirteen provinces say), produced
from data and a style alone: a `--templates` folder whose `style.yaml` and templates say it the
province's way over the Changji example (edited where the pattern needs data it lacks). Each test
asserts the exact sentence. The shipped provinces beyond xinjiang and ningxia (yunnan, sichuan, guangxi)
are tested by their golden files (tests/test_golden.py)."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import CHANGJI, ROOT, edit
from disclose.errors import DiscloseError
from disclose.pipeline import build


def say(tmp_path: Path, template: str | None, style: str = "", edits: tuple = (), data: Path = CHANGJI) -> list[str]:
    """The lines a style folder (its style.yaml and, unless None, a one-part document `probe.j2`)
    writes for the Changji example with `edits` (old, new) applied."""
    folder = tmp_path / "mine"
    folder.mkdir(parents=True, exist_ok=True)
    head = "parts: [probe.j2]\n" if template is not None else ""
    (folder / "style.yaml").write_text(head + textwrap.dedent(style), encoding="utf-8")
    if template is not None:          # a line ending in \ goes on with the next (read as one line)
        template = re.sub(r"\\\n\s*", "", textwrap.dedent(template))
        (folder / "probe.j2").write_text(textwrap.dedent(template).lstrip("\n"), encoding="utf-8")
    path = folder.parent / data.name
    shutil.copy(data, path)
    for old, new in edits:
        edit(path, old, new)
    return [line for line in build(path, templates=folder, formats=("txt",)).text.splitlines() if line.strip()]


UP_DOWN = '{"up": "增加", "down": "减少"}'
RISE_FALL = '{"up": "增长", "down": "下降"}'
HEALTH = ("      name: 卫生健康支出\n",
          "      name: 卫生健康支出\n      usage: 医疗保障经办和长期护理保险\n"
          "      reason: [医保经办服务经费减少, 长期护理保险试点经费减少]\n")
SEVERAL = ("  budget: *budget\n  reason: *fall", "  budget: *budget\n  reason: [扩面征收工作经费减少, 能力提升补助资金减少]")


# --- §2 comparisons ----------------------------------------------------------------------

def test_two_figures_in_one_sentence(tmp_path):
    lines = say(tmp_path, r"""
        {% set i, e = income.grand_total, expenditure.grand_total %}
        {{ year }}年度收、支总计各是{{ i|amount(false) }},{{ e|amount }}。与{{ prior_year }}年相比,收、支总计各\
        {{ UD[i.change.direction] }}{{ i.change.amount|amount(false) }},{{ e.change.amount|amount }},各\
        {{ RF[i.change.direction] }}{{ i.change.rate_size|percent }}、{{ e.change.rate_size|percent }}。
        """.replace("UD", UP_DOWN).replace("RF", RISE_FALL))
    assert lines == ["2024年度收、支总计各是1,239.70,1,239.70万元。与2023年相比,收、支总计各减少308.78,308.78万元,"
                     "各下降19.94%、19.94%。"]


def test_a_change_decomposed_by_class_with_each_share_of_it(tmp_path):
    lines = say(tmp_path, r"""
        {% set g = general_budget %}
        一般公共预算财政拨款支出{{ g|amount }}，比上年{{ g.change|change }}，主要原因是\
        {% for c in g.classes if c.change.direction == "down" %}{{ c.name }}减少{{ c.change.amount|amount }}，\
        占减少的{{ c.change_share|percent }}{{ "，" if not loop.last }}{% endfor %}。
        """)
    # 4.75 + 9.23 + 86.78 + 0.64 is more than 100%: 住房保障支出 rose by 4.56万元
    assert lines == ["一般公共预算财政拨款支出1,222.68万元，比上年减少325.48万元，下降21.02%，主要原因是一般公共服务支出减少"
                     "15.47万元，占减少的4.75%，社会保障和就业支出减少30.04万元，占减少的9.23%，卫生健康支出减少282.46万元，"
                     "占减少的86.78%，其他支出减少2.07万元，占减少的0.64%。"]


def test_the_prior_figure_stated(tmp_path):
    lines = say(tmp_path, "机关运行经费支出{{ operating_costs|amount }}，比上年累计支出{{ operating_costs.prior|amount }}"
                          "{{ operating_costs.change|change }}。\n")
    assert lines == ["机关运行经费支出41.02万元，比上年累计支出28.41万元增加12.61万元，增长44.39%。"]


def test_against_the_budget_in_each_wording(tmp_path):
    lines = say(tmp_path, """
        {% set g = general_budget %}{% set c = g.budget_change %}
        完成年初预算的{{ c.completion|percent }}。
        完成预算{{ c.completion|percent }}。
        支出预算为{{ g.budget|amount }}，支出决算为{{ g|amount }}，完成预算的{{ c.completion|percent }}。
        与{{ year }}年度预算相比，{{ c|change }}。
        比预算{{ UD[c.direction] }}{{ c.amount|amount }}。
        """.replace("UD", UP_DOWN))
    assert lines == ["完成年初预算的109.13%。", "完成预算109.13%。",
                     "支出预算为1,120.42万元，支出决算为1,222.68万元，完成预算的109.13%。",
                     "与2024年度预算相比，增加102.26万元，增长9.13%。", "比预算增加102.26万元。"]


def test_class_lines_with_their_own_usage_and_multi_clause_reason(tmp_path):
    lines = say(tmp_path, """
        {% import "_macros.j2" as m %}{% set c = general_budget.classes[2] %}
        {{ c.name }}(类){{ c|amount }}，比上年{{ c.change|change }}，主要用于{{ c.usage }}，主要原因是：{{ m.enumerate(c.reason|clauses) }}
        """, edits=[HEALTH])
    assert lines == ["卫生健康支出(类)1,092.66万元，比上年减少282.46万元，下降20.54%，主要用于医疗保障经办和长期护理保险，"
                     "主要原因是：一是医保经办服务经费减少；二是长期护理保险试点经费减少。"]


def test_reason_lead_ins_and_clauses(tmp_path):
    lines = say(tmp_path, """
        {% import "_macros.j2" as m %}{% set g = general_budget %}
        {{ g.change|change }}，{{ {"up": "增加原因主要是", "down": "下降的原因是"}[g.change.direction] }}{{ g.reason }}。
        决算数{{ m.versus(g.budget_change) }}预算数的主要原因是{{ g.budget_reason }}。
        主要原因：{{ m.enumerate(g.reason|clauses) }}
        主要变动原因是{{ g.reason|clauses|join("，") }}。
        """, edits=[SEVERAL])
    assert lines == ["减少325.48万元，下降21.02%，下降的原因是扩面征收工作经费减少；能力提升补助资金减少。",
                     "决算数大于预算数的主要原因是年中追加中央能力提升补助资金，追加职业年金经费等，导致预决算存在差异。",
                     "主要原因：一是扩面征收工作经费减少；二是能力提升补助资金减少。",
                     "主要变动原因是扩面征收工作经费减少，能力提升补助资金减少。"]


def test_a_reason_of_one_clause_is_one_clause():
    """`clauses` of a plain reason is the reason itself: a template need not know which the file wrote."""
    from disclose.render import clauses
    from disclose.schema import Clauses

    assert clauses("年中追加经费") == ["年中追加经费"]
    assert clauses(Clauses(["一", "二"])) == ["一", "二"] and Clauses(["一", "二"]) == "一；二"


# --- §3 no change, zero base, zero amounts -----------------------------------------------

def test_no_change_in_the_styles_words(tmp_path):
    template = """
        {% set a = three_public.abroad %}
        因公出国（境）费比预算{{ a.full_budget_change|change }}，比去年{{ a.change|change }}。
        {% if not a.current %}本年度未发生因公出国（境）费。{% endif %}
        """
    assert say(tmp_path, template, "change: {equal: 无增减变化}\n") == [
        "因公出国（境）费比预算无增减变化，比去年无增减变化。", "本年度未发生因公出国（境）费。"]
    assert say(tmp_path, template, "change: {equal: 与上年持平}\n")[0] == "因公出国（境）费比预算与上年持平，比去年与上年持平。"
    assert say(tmp_path, template, "change: {equal: 无增减}\n")[0] == "因公出国（境）费比预算无增减，比去年无增减。"
    both = "amounts: {unit: 元, zero: \"0\"}\npercent: {zero: \"0\"}\nchange: {equal: '增加{amount}，增长{rate}'}\n"
    assert say(tmp_path, template, both)[0] == "因公出国（境）费比预算增加0元，增长0%，比去年增加0元，增长0%。"
    assert say(tmp_path, template, "change: {equal: '增加{amount}，增长{rate}'}\npercent: {zero: \"0\"}\n")[0] == \
        "因公出国（境）费比预算增加0.00万元，增长0%，比去年增加0.00万元，增长0%。"


@pytest.mark.parametrize("words, sentence", [
    ("增加{amount}", "增加0.25万元"),
    ("增加{amount}，增长{rate}", "增加0.25万元，增长100%"),
    ("增加{amount}，上年无该预算，增长率无可比性", "增加0.25万元，上年无该预算，增长率无可比性")])
def test_a_zero_base(tmp_path, words, sentence):
    item = "{% set i = general_budget.items|selectattr('code', 'equalto', '2080501')|first %}"
    lines = say(tmp_path, item + "{{ i.name }}比上年{{ i.change|change }}。\n",
                f"change: {{from_zero: '{words}'}}\npercent: {{trim: zeros}}\n")
    assert lines == [f"行政单位离退休比上年{sentence}。"]


def test_zero_budget_and_zero_spending(tmp_path):
    template = ("{% set a = three_public.abroad %}完成预算{{ a.full_budget_change.completion|percent }}，"
                "预决算差异率{{ a.full_budget_change.rate|percent }}。\n")
    assert say(tmp_path, template, "percent: {trim: zeros}\n") == ["完成预算0%，预决算差异率0%。"]
    assert say(tmp_path, template) == ["完成预算0.00%，预决算差异率0.00%。"]


def test_zero_amounts(tmp_path):
    template = "{% set a = three_public.abroad %}因公出国（境）费{{ a|amount }}，公务接待费{{ three_public.reception|amount }}。\n"
    assert say(tmp_path, template, "amounts: {zero: \"0\"}\n") == ["因公出国（境）费0万元，公务接待费0.34万元。"]
    assert say(tmp_path, template) == ["因公出国（境）费0.00万元，公务接待费0.34万元。"]
    assert say(tmp_path, template, "amounts: {unit: 元, zero: \"0\"}\n") == ["因公出国（境）费0元，公务接待费3,400.00元。"]


# --- §4 number formatting ----------------------------------------------------------------

@pytest.mark.parametrize("knobs, sentence", [
    ("percent: {decimals: 2}", "占98.73%，下降19.94%，增长100.00%"),
    ("percent: {decimals: 1}", "占98.7%，下降19.9%，增长100.0%"),
    ("percent: {decimals: 0}", "占99%，下降20%，增长100%"),
    ("percent: {trim: zeros}", "占98.73%，下降19.94%，增长100%")])
def test_percent_decimals_and_trimming(tmp_path, knobs, sentence):
    item = "{% set i = general_budget.items|selectattr('code', 'equalto', '2080501')|first %}"
    lines = say(tmp_path, item + "占{{ income.fiscal.share|percent }}，下降{{ overall.change.rate_size|percent }}，"
                                 "增长{{ i.change.rate|percent }}\n", knobs + "\n")
    assert lines == [sentence]


@pytest.mark.parametrize("knobs, sentence", [
    ("amounts: {trim: none}", "1,239.70万元、7.32万元、0.34万元、1,230.00万元"),
    ("amounts: {trim: all}", "1,239.7万元、7.32万元、0.34万元、1,230万元"),
    ("amounts: {trim: zeros}", "1,239.70万元、7.32万元、0.34万元、1,230万元"),
    ("amounts: {trim: all, thousands: false}", "1239.7万元、7.32万元、0.34万元、1230万元"),
    ("amounts: {unit: 元, trim: all}", "12,397,000元、73,200元、3,400元、12,300,000元")])
def test_amount_decimals_separators_and_trimming(tmp_path, knobs, sentence):
    lines = say(tmp_path, "{{ income.grand_total|amount }}、{{ three_public.vehicles|amount }}、"
                          "{{ three_public.reception|amount }}、{{ expenditure.total.prior|amount }}\n", knobs + "\n",
                edits=[("  basic: 608.04", "  basic: 608.04\n  compare: {total: {prior: 1230.00}}")])
    assert lines == [sentence]


def test_a_truncated_rate_is_flagged(cli, tmp_path):
    """Half-up is the rule; a document that truncates is reported (12.488% printed as 12.48%)."""
    doc = tmp_path / "doc.txt"
    doc.write_text("一、收入支出决算总体情况说明\n本年支出1,124.88万元，比上年增加124.88万元，增长12.48%。\n", encoding="utf-8")
    r = cli("verify", doc)
    assert r.code == 1 and "error TRUNCATED: 增长12.48%" in r.out, r.out


# --- §5 content only some provinces print -------------------------------------------------

RECEPTION = ("    batches: 3\n    people: 28\n",
             "    batches: 3\n    people: 28\n    people_note: 不包括陪同人员\n"
             "    items:\n      - {name: 接待自治区医保局调研, amount: 0.20}\n      - {name: 接待兄弟地州学习交流, amount: 0.10}\n"
             "    foreign:\n      current: 0.00\n      items: []\n")


def test_named_receptions_with_amounts_and_the_people_qualifier(tmp_path):
    lines = say(tmp_path, r"""
        {% set r = three_public.reception %}
        公务接待费{{ r|amount }}，主要用于{% for i in r.items %}{{ i.name }}{{ i.amount|amount }}{{ "、" if not loop.last }}{% endfor %}等。\
        国内公务接待{{ r.batches }}批次，{{ r.people }}人次（{{ r.people_note }}）。
        """, edits=[RECEPTION])
    assert lines == ["公务接待费0.34万元，主要用于接待自治区医保局调研0.20万元、接待兄弟地州学习交流0.10万元等。"
                     "国内公务接待3批次，28人次（不包括陪同人员）。"]


def test_foreign_receptions_by_name(tmp_path):
    lines = say(tmp_path, r"""
        {% set f = three_public.reception.foreign %}
        外事接待支出{{ f.current|amount }}，{% for i in f.items %}{{ i.name }}{{ i.amount|amount }}{% endfor %}\
        国（境）外公务接待{{ f.batches }}批次，{{ f.people }}人次。
        """, edits=[(RECEPTION[0], RECEPTION[1].replace("      current: 0.00\n      items: []\n",
                     "      current: 0.05\n      batches: 1\n      people: 3\n"
                     "      items: [{name: 接待哈萨克斯坦医保代表团, amount: 0.05}]\n")),
                    ("    current: 0.34\n    prior: 0.38", "    current: 0.39\n    prior: 0.38"),
                    ("  stated_current: 7.65", "  stated_current: 7.70"), ("  stated_budget: 7.65", "  stated_budget: 7.70"),
                    ("    budget: 0.34", "    budget: 0.39")])
    assert lines == ["外事接待支出0.05万元，接待哈萨克斯坦医保代表团0.05万元国（境）外公务接待1批次，3人次。"]


def test_procurement_purposes_vehicles_by_type_and_groups_of_other_units(tmp_path):
    lines = say(tmp_path, """
        {% set v = three_public.vehicles %}{% set a = three_public.abroad %}
        政府采购支出总额{{ procurement.total|amount }}，主要用于{{ procurement.purposes|join("、") }}。
        公务用车保有量{{ v.fleet }}辆，其中：{% for t in v.fleet_types %}{{ t.name }}{{ t.count }}辆{{ "、" if not loop.last }}{% endfor %}。
        组织因公出国（境）团组{{ a.groups }}个，参加其他单位组织的因公出国（境）团组{{ a.joined_groups }}个、{{ a.joined_people }}人次。
        """, edits=[("  small_micro: 287.78       # 其中授予小微企业合同金额\n",
                     "  small_micro: 287.78\n  purposes: [医保信息系统运维服务, 办公设备购置]\n"),
                    ("    fleet: 1\n", "    fleet: 1\n    fleet_types: [{name: 越野车, count: 1}]\n"),
                    ("    groups: 0\n    people: 0\n", "    groups: 0\n    people: 0\n    joined_groups: 1\n    joined_people: 2\n")])
    assert lines == ["政府采购支出总额287.78万元，主要用于医保信息系统运维服务、办公设备购置。", "公务用车保有量1辆，其中：越野车1辆。",
                     "组织因公出国（境）团组0个，参加其他单位组织的因公出国（境）团组1个、2人次。"]


def test_the_units_short_name_level_and_composition(tmp_path):
    lines = say(tmp_path, r"""
        {{ overview.short_name }}为{{ overview.level }}。纳入本部门{{ year }}年度部门决算编制范围的单位共{{ overview.unit_count }}个，包括：本级\
        {% for u in overview.subordinate_units %}、{{ u }}{% endfor %}。
        """, edits=[("  level: 行政单位和参照公务员法管理事业单位",
                     "  short_name: 州医保局\n  subordinate_units: [州医疗保障经办服务中心]\n  level: 二级预算单位"),
                    ("  subordinate_units: []", "")])
    assert lines == ["州医保局为二级预算单位。纳入本部门2024年度部门决算编制范围的单位共2个，包括：本级、州医疗保障经办服务中心。"]


def test_income_line_definitions(tmp_path):
    template = "一般公共预算财政拨款收入{{ income.general_budget|amount }}，{{ income.general_budget.definition }}。\n"
    definition = ("  grand_total: 1239.70", "  grand_total: 1239.70\n  definitions: {general_budget: 为州本级财政当年拨付的资金}")
    assert say(tmp_path, template, edits=[definition]) == ["一般公共预算财政拨款收入1,222.68万元，为州本级财政当年拨付的资金。"]
    with pytest.raises(DiscloseError, match="error NEEDED: the document needs 一般公共预算财政拨款收入的定义"):
        say(tmp_path / "b", template)


def test_the_units_own_texts_definitions_and_citations(tmp_path):
    """相关口径说明, a regulation cited, 保密审查情况 and 部门主要负责人审签情况 (Shaanxi's header lines),
    政府购买服务情况 (Hubei): sentences of the unit's own, each a `texts:` key the style declares."""
    style = """
        texts:
          secrecy_review: 保密审查情况
          head_signoff: 部门主要负责人审签情况
          scope_note: 相关口径说明
          purchased_services: 政府购买服务情况
        """
    template = """
        保密审查情况：{{ texts.secrecy_review }}。
        部门主要负责人审签情况：{{ texts.head_signoff }}。
        {{ texts.purchased_services }}。
        相关口径说明：{{ texts.scope_note }}。
        """
    data = ("other_matters: []", "other_matters: []\ntexts:\n  secrecy_review: 已经审查\n  head_signoff: 已审签\n"
            "  scope_note: 机关运行经费按照《行政事业性国有资产管理条例》口径统计\n"
            "  purchased_services: 本年政府购买服务支出0.00万元")
    assert say(tmp_path, template, style, edits=[data]) == [
        "保密审查情况：已经审查。", "部门主要负责人审签情况：已审签。", "本年政府购买服务支出0.00万元。",
        "相关口径说明：机关运行经费按照《行政事业性国有资产管理条例》口径统计。"]


def test_staff(tmp_path):
    s = "{% set s = overview.staff %}实有人数{{ s.total }}人，其中：在职{{ s.active.current }}人，离休{{ s.retired_cadres.current }}人，" \
        "退休{{ s.retired.current }}人。\n"
    assert say(tmp_path, s) == ["实有人数31人，其中：在职30人，离休0人，退休1人。"]


# --- §1 sections -------------------------------------------------------------------------

def _items():
    shipped = yaml.safe_load((ROOT / "templates" / "xinjiang" / "style.yaml").read_text(encoding="utf-8"))
    return shipped["sections"]["items"]


def _headings(lines: list[str], start: str, stop: str) -> list[str]:
    body = lines[lines.index(start) + 1:lines.index(stop)]
    return [line for line in body if len(line) < 40 and line[:1] in "一二三四五六七八九十（" and line.endswith(("说明", "情况", "说明。", "情况。", "事项", "事项。"))]


def test_thirteen_sections_numbered_in_brackets(tmp_path):
    """Zhejiang: (一)…(十三) instead of 一、; Hunan's 一般性支出 (会议费, 培训费) as a thirteenth section."""
    items = _items() + [{"title": "一般性支出情况说明", "template": "general_costs.j2"}]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "general_costs.j2").write_text(
        "{{ year }}年度会议费支出{{ meetings|amount }}，比上年{{ meetings.change|change }}；"
        "培训费支出{{ training|amount }}，比上年{{ training.change|change }}。\n", encoding="utf-8")
    style = yaml.safe_dump({"sections": {"numbering": "({cn})", "items": items}}, allow_unicode=True)
    lines = say(tmp_path, None, style, edits=[("other_matters: []", "other_matters: []\n"
                                               "meetings: {current: 1.20, prior: 1.50}\ntraining: {current: 2.00, prior: 0.00}")])
    headings = [line for line in lines if line.startswith("(")]
    assert headings[0] == "(一)收入支出决算总体情况说明" and headings[8] == "(九)财政拨款“三公”经费支出决算情况说明"
    assert headings[-2:] == ["(十二)其他需说明的事项", "(十三)一般性支出情况说明"]
    assert lines[lines.index("(十三)一般性支出情况说明") + 1] == \
        "2024年度会议费支出1.20万元，比上年减少0.30万元，下降20.00%；培训费支出2.00万元，比上年增加2.00万元，增长100.00%。"


def test_headings_that_end_in_a_full_stop_and_a_section_on_income_and_spending_together(tmp_path):
    """Guangxi: seven sections, the first on income and expenditure together; headings end in “。”."""
    items = _items()
    guangxi = [{"title": "收入支出决算总体情况说明。", "template": "s01_totals.j2", "contents": "收入支出决算总体情况说明"},
               {"title": "收入支出决算情况说明。", "template": "income_and_spending.j2"}] + \
        [dict(i, title=i["title"] + "。") for i in (items[4], items[5], items[8])] + \
        [dict(items[9], title=items[9]["title"] + "。"), {"title": "其他需说明的事项。", "template": "s12_other_matters.j2"}]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "income_and_spending.j2").write_text(
        "{% import \"_macros.j2\" as m %}本年收入合计{{ income.total|amount }}，其中：{{ m.part(\"财政拨款收入\", income.fiscal) }}。"
        "本年支出合计{{ expenditure.total|amount }}，其中：{{ m.part(\"基本支出\", expenditure.basic) }}。\n", encoding="utf-8")
    lines = say(tmp_path, None, yaml.safe_dump({"sections": {"items": guangxi}}, allow_unicode=True))
    assert _headings(lines, "第二部分 部门决算情况说明", "第三部分 专业名词解释") == [
        "一、收入支出决算总体情况说明。", "二、收入支出决算情况说明。", "三、一般公共预算财政拨款支出决算情况说明。",
        "（一）一般公共预算财政拨款支出决算总体情况", "（二）一般公共预算财政拨款支出决算结构情况",
        "（三）一般公共预算财政拨款支出决算具体情况", "四、一般公共预算财政拨款基本支出决算情况说明。",
        "五、财政拨款“三公”经费支出决算情况说明。", "六、其他重要事项的情况说明。", "（一）机关运行经费及公用经费支出情况",
        "（二）政府采购情况", "（三）国有资产占用情况说明", "七、其他需说明的事项。"]
    assert lines[lines.index("二、收入支出决算情况说明。") + 1] == \
        "本年收入合计1,238.41万元，其中：财政拨款收入1,222.68万元，占98.73%。本年支出合计1,238.51万元，其中：基本支出608.04万元，占49.09%。"


def test_three_levels_of_numbering(tmp_path):
    """Chongqing: 一、部门基本情况 (一)职能职责 …, 二、部门决算情况说明 (一)收入支出决算总体情况说明 1.总体情况 2.收入情况 3.支出情况."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "page.j2").write_text(
        "{% for s in settings.sections.numbered %}\n## {{ s.heading }}\n{% for p in s.parts %}\n### {{ p.heading }}\n"
        "{% for q in p.parts %}\n{{ q.heading }}\n{% include q.template %}\n{% endfor %}\n"
        "{% if p.template %}{% include p.template %}{% endif %}\n{% endfor %}\n{% endfor %}\n", encoding="utf-8")
    (mine / "total.j2").write_text("收入支出总计{{ income.grand_total|amount }}。\n", encoding="utf-8")
    (mine / "composition.j2").write_text("纳入决算编制范围的单位共{{ overview.unit_count }}个。\n", encoding="utf-8")
    (mine / "empty.j2").write_text("", encoding="utf-8")
    style = """
        parts: [page.j2]
        sections:
          subpart_numbering: "{n}."
          items:
            - title: 部门基本情况
              parts:
                - {title: 职能职责, template: empty.j2}
                - {title: 机构设置, template: empty.j2}
                - {title: 单位构成, template: composition.j2}
            - title: 部门决算情况说明
              parts:
                - title: 收入支出决算总体情况说明
                  parts:
                    - {title: 总体情况, template: total.j2}
                    - {title: 收入情况, template: empty.j2}
                    - {title: 支出情况, template: empty.j2}
        """
    lines = say(tmp_path, None, style)
    assert lines == ["一、部门基本情况", "（一）职能职责", "（二）机构设置", "（三）单位构成", "纳入决算编制范围的单位共1个。",
                     "二、部门决算情况说明", "（一）收入支出决算总体情况说明", "1.总体情况", "收入支出总计1,239.70万元。",
                     "2.收入情况", "3.支出情况"]


def test_three_public_last_and_performance_a_part_of_its_own(tmp_path):
    """Gansu: “三公” is the last section; 绩效 is a part of its own, not a section."""
    items = _items()
    gansu = [i for n, i in enumerate(items) if n not in (8, 10)] + [items[8]]
    style = yaml.safe_dump({"sections": {"items": gansu}, "parts": ["cover.j2", "narrative.j2", "perf.j2"]},
                           allow_unicode=True)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "perf.j2").write_text("# 第五部分 绩效自评情况\n{% include \"s11_performance.j2\" %}\n",
                                                encoding="utf-8")
    lines = say(tmp_path, None, style)
    assert _headings(lines, "第二部分 部门决算情况说明", "第三部分 专业名词解释")[-1] == "十一、财政拨款“三公”经费支出决算情况说明"
    assert "第五部分 绩效自评情况" in lines and "十一、预算绩效的情况说明" not in lines


def test_styles_lists_every_shipped_style_with_its_description(cli):
    from disclose.style import load as load_style

    r = cli("styles")
    names = ["anhui", "guangxi", "hunan", "ningxia", "sichuan", "xinjiang", "yunnan"]
    styles = [line for line in r.out.splitlines() if not line.startswith(" ")]      # under each: its documents
    assert r.code == 0 and styles == [f"{n}\t{load_style(n).settings.description}" for n in names]
    assert "  --document disclosure\t部门决算公开说明 (default)" in r.out
    assert "四川 style, 万元; 第二部分 narrative in ten sections with source notes" in r.out


def test_sichuan_lists_every_income_source_the_unit_has(cli, tmp_path):
    """二's 本年收入合计 names each source that is not 0: 上级补助收入 and 附属单位上缴收入 were left out,
    so the parts printed did not add up to the total (verify's PARTS found it)."""
    from conftest import DATA, edit

    data = tmp_path / "sichuan.yaml"
    shutil.copy(DATA / "sichuan-example-2024.yaml", data)
    edit(data, "  other: 2.00               # 其他收入\n  stated_total: 280.10",
         "  other: 2.00               # 其他收入\n  superior_subsidy: 3.00\n  affiliated: 1.50\n  stated_total: 284.60")
    r = cli("build", data, "-o", tmp_path / "out", "--text-only", "--force")     # 总计 no longer balance: --force
    assert r.code == 0, r.err
    text = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if line.startswith("2024年本年收入合计"))
    assert "；上级补助收入3.00万元，占1.05%；" in sentence and "；附属单位上缴收入1.50万元，占0.53%；" in sentence
