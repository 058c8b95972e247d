"""Charts: which ones and where is style data (here xinjiang with Sichuan's charts, in a --templates
folder); the .docx holds them as inline pictures after the paragraph they illustrate, with their
captions numbered in document order; the .txt holds the caption lines."""
import io
import subprocess
import sys
import time
import zipfile
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from conftest import CHANGJI, CHANGJI_TITLE, ROOT, XINJIANG_CHARTS, chart_templates
from disclose.cli import main
from disclose.derive import charts as derived
from disclose.errors import Location
from disclose.ooxml import png_size
from disclose.pipeline import build, load_checked, render
from disclose.render.markup import Figure

CAPTIONS = ["（图1：收、支决算总计变动情况）", "（图2：收入决算结构）", "（图3：支出决算结构）",
            "（图4：财政拨款收、支决算总计变动情况）", "（图5：一般公共预算财政拨款支出决算变动情况）",
            "（图6：一般公共预算财政拨款支出决算结构）", "（图7：“三公”经费财政拨款支出结构）"]
# the paragraph each chart illustrates (its start) and the line after the caption
AROUND = [("收入支出总体与上年相比，减少308.78万元，下降19.94%", "二、收入决算情况说明"),
          ("本年收入1,238.41万元，其中：财政拨款收入1,222.68万元，占98.73%", "三、支出决算情况说明"),
          ("本年支出1,238.51万元，其中：基本支出608.04万元，占49.09%", "四、财政拨款收入支出决算总体情况说明"),
          ("财政拨款收入支出总体与上年相比，减少325.48万元，下降21.02%", "五、一般公共预算财政拨款支出决算情况说明"),
          ("2024年度一般公共预算财政拨款支出1,222.68万元，占本年支出合计的98.72%", "（二）一般公共预算财政拨款支出决算结构情况"),
          ("3.住房保障支出(类)45.34万元，占3.71%。", "（三）一般公共预算财政拨款支出决算具体情况"),
          ("2024年度财政拨款“三公”经费支出7.65万元，比上年增加4.37万元", "具体情况如下：")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("charts")
    templates = chart_templates(root / "sichuan-charts")
    assert main(["build", str(CHANGJI), "-o", str(root / "out"), "--templates", str(templates)]) == 0
    docx = (root / "out" / f"{CHANGJI_TITLE}.docx").read_bytes()
    text = (root / "out" / f"{CHANGJI_TITLE}.txt").read_text(encoding="utf-8")
    return docx, text, templates


def test_the_text_has_each_caption_after_the_paragraph_it_illustrates(built):
    _, text, _ = built
    lines = text.splitlines()
    captions = [i for i, line in enumerate(lines) if line.startswith("（图")]
    assert [lines[i] for i in captions] == CAPTIONS
    for i, (before, after) in zip(captions, AROUND):
        assert lines[i - 1].startswith(before) and lines[i + 1] == after


def _pictures(document) -> list[int]:
    """The indexes of the body's paragraphs that hold an inline picture."""
    return [i for i, p in enumerate(document.paragraphs)
            if p._p.find(".//" + qn("w:drawing")) is not None]


def test_the_docx_holds_each_chart_as_a_picture_before_its_caption(built):
    docx, _, _ = built
    document = Document(io.BytesIO(docx))
    paragraphs = document.paragraphs
    pictures = _pictures(document)
    assert len(pictures) == len(document.inline_shapes) == 7
    for i, caption, (before, _) in zip(pictures, CAPTIONS, AROUND):
        assert paragraphs[i + 1].text == caption and paragraphs[i - 1].text.startswith(before)
        assert paragraphs[i].alignment == 1 and paragraphs[i + 1].alignment == 1      # centred
    text_width = Document(io.BytesIO(docx)).sections[1]
    usable = text_width.page_width - text_width.left_margin - text_width.right_margin
    for shape in document.inline_shapes:
        assert abs(shape.width - usable) < 635          # as wide as the text (to the twip)


def test_the_pictures_are_png_parts_at_print_resolution(built):
    docx, _, _ = built
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
        assert media == [f"word/media/chart{n}.png" for n in range(1, 8)]
        assert '<Default Extension="png" ContentType="image/png"/>' in z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
        for n in range(1, 8):
            assert (f'<Relationship Id="rIdChart{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/image" Target="media/chart{n}.png"/>') in rels
        document = Document(io.BytesIO(docx))
        for name, shape in zip(media, document.inline_shapes):
            width_px, _ = png_size(z.read(name))
            inches = shape.width / 914400
            assert width_px / inches >= 200 and width_px == 1842        # 156 mm at 300 dpi
            assert b"Software" not in z.read(name) and b"tIME" not in z.read(name)


def test_two_builds_give_the_same_bytes(built, tmp_path):
    docx, _, templates = built
    time.sleep(1.1)         # a zip entry's date is to the second: a later build must not differ by it
    assert main(["build", str(CHANGJI), "-o", str(tmp_path), "--templates", str(templates), "--formats", "docx"]) == 0
    assert (tmp_path / f"{CHANGJI_TITLE}.docx").read_bytes() == docx


def test_bars_and_slices_carry_the_figures_the_sentences_print(built):
    _, _, templates = built
    checked = load_checked(CHANGJI, templates=templates)
    figures = [b for part in render(checked.data, checked.style).parts for b in part if isinstance(b, Figure)]
    assert [f.text for f in figures] == CAPTIONS
    totals, income, expenditure, fiscal, gb_change, gb_structure, three = figures
    assert totals.kind == "bar" and totals.categories == ["收入总计", "支出总计"] and totals.note == "单位：万元"
    assert [(s.name, s.values, s.labels) for s in totals.series] == [
        ("2023年", [Decimal("1548.48")] * 2, ["1,548.48"] * 2), ("2024年", [Decimal("1239.70")] * 2, ["1,239.70"] * 2)]
    assert income.kind == "pie" and income.categories == ["财政拨款收入 1,222.68万元（98.73%）", "其他收入 15.73万元（1.27%）"]
    assert income.series[0].values == [Decimal("1222.68"), Decimal("15.73")]
    assert expenditure.categories == ["基本支出 608.04万元（49.09%）", "项目支出 630.47万元（50.91%）"]
    assert fiscal.categories == ["财政拨款收入总计", "财政拨款支出总计"]
    assert [s.labels for s in fiscal.series] == [["1,548.16", "1,548.16"], ["1,222.68", "1,222.68"]]
    assert gb_change.categories == ["一般公共预算财政拨款支出"] and [s.labels for s in gb_change.series] == [
        ["1,548.16"], ["1,222.68"]]
    assert gb_structure.series[0].labels == ["6.93%", "89.37%", "3.71%"]
    assert gb_structure.categories[1] == "卫生健康支出 1,092.66万元（89.37%）"
    # 因公出国（境）费 is 0.00: no slice of its own
    assert three.categories == ["公务用车购置及运行维护费 7.32万元（95.69%）", "公务接待费 0.34万元（4.44%）"]
    assert all(isinstance(v, Decimal) for f in figures for s in f.series for v in s.values)


def test_a_chart_reads_the_very_lines_the_sentences_print():
    from disclose.derive import derive
    from disclose.ledger import ledger

    checked = load_checked(CHANGJI)
    view = derive(checked.data, checked.style)
    names = {path: e.name for path, e in ledger(checked.data).items()}
    bars = derived.totals_change(view, names)
    assert bars.items[0].current is view.income.grand_total.current
    assert bars.items[1].prior is view.expenditure.grand_total.prior
    pie = derived.three_public_structure(view, names)
    assert [s.share for s in pie.items] == [view.three_public.vehicles.share, view.three_public.reception.share]


def test_the_caption_words_are_the_styles(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", XINJIANG_CHARTS[:2], {"charts": {"caption": "图{n} {title}"}})
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--formats", "txt", "--templates", templates)
    assert r.code == 0
    text = (tmp_path / "out" / f"{CHANGJI_TITLE}.txt").read_text(encoding="utf-8")
    assert [line for line in text.splitlines() if line.startswith("图")] == ["图1 收、支决算总计变动情况", "图2 收入决算结构"]


def test_a_chart_listed_twice_in_one_section_keeps_its_order(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", [(3, None, "fiscal_change", "B", None),
                                                 (0, None, "totals_change", "A", None),
                                                 (3, None, "general_budget_change", "C", None)])
    assert cli("build", CHANGJI, "-o", tmp_path / "out", "--formats", "txt", "--templates", templates).code == 0
    lines = (tmp_path / "out" / f"{CHANGJI_TITLE}.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("（图")] == ["（图1：A）", "（图2：B）", "（图3：C）"]
    assert lines[lines.index("（图3：C）") + 1] == "五、一般公共预算财政拨款支出决算情况说明"


def test_an_unknown_chart_is_an_error_naming_style_yaml(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", [(1, None, "income_structur", "收入决算结构", None)])
    line = next(i for i, text in enumerate((templates / "style.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "income_structur" in text)
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", templates)
    assert r.code == 1 and not (tmp_path / "out").exists()
    assert (f"t/style.yaml:{line}: error STYLE: there is no chart `income_structur` — did you mean "
            "`income_structure`? use one of: totals_change, income_structure") in r.err.replace("\\", "/")


def test_a_paragraph_the_body_does_not_have_is_an_error(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", [(1, None, "income_structure", "收入决算结构", 2)])
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", templates)
    assert r.code == 1
    assert ("error STYLE: chart `income_structure` is to follow paragraph 2 of 二、收入决算情况说明, which has 1 — "
            "give `after:` a number from 1 to 1, or leave it out (after the whole body)") in r.err


def test_a_caption_field_the_caption_does_not_have_is_an_error(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", XINJIANG_CHARTS[:1], {"charts": {"caption": "图{number}"}})
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", templates)
    assert r.code == 1 and "error STYLE: charts.caption `图{number}` names {number}, which it does not have — use {n}, " \
        "{title}" in r.err


def test_no_cjk_font_is_an_error_naming_what_to_install(tmp_path, cli, monkeypatch):
    from disclose.output import chart

    monkeypatch.setattr(chart, "_installed_fonts", lambda: frozenset({"DejaVu Sans"}))
    templates = chart_templates(tmp_path / "t", XINJIANG_CHARTS[:1])
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", templates)
    assert r.code == 1 and not (tmp_path / "out").exists()
    assert "common/style.yaml" in r.err.replace("\\", "/") and "error CHART-FONT: none of the fonts the charts are " \
        "drawn in is installed (Noto Sans CJK SC, " in r.err and "`apt-get install fonts-noto-cjk`" in r.err


def test_a_pie_of_zeros_is_left_out_and_the_numbers_close_up(tmp_path, monkeypatch):
    empty = derived.Kind(lambda view, names: derived.Chart("pie", ()), "pie", "nothing")
    monkeypatch.setitem(derived.CHARTS, "income_structure", empty)
    checked = load_checked(CHANGJI, templates=chart_templates(tmp_path / "t", XINJIANG_CHARTS[:3]))
    figures = [b.text for part in render(checked.data, checked.style).parts for b in part if isinstance(b, Figure)]
    assert figures == ["（图1：收、支决算总计变动情况）", "（图2：支出决算结构）"]


def test_a_figure_the_file_lacks_is_needed(tmp_path, monkeypatch):
    from disclose.view import Missing

    lacking = Missing(Location("data/changji-2024.yaml", 9), "prior_total", "上年收入支出总计")
    bars = derived.Kind(lambda view, names: derived.Chart("bar", (derived.Group("收入总计", lacking, Decimal(1)),)),
                        "bar", "")
    monkeypatch.setitem(derived.CHARTS, "totals_change", bars)
    checked = load_checked(CHANGJI, templates=chart_templates(tmp_path / "t", XINJIANG_CHARTS[:1]))
    rendered = render(checked.data, checked.style)
    figure = next(b for part in rendered.parts for b in part if isinstance(b, Figure))
    assert figure.series[0].values == [None] and figure.series[0].labels == ["【待补充：上年收入支出总计】"]
    assert [p.format() for p in rendered.needed] == [
        "data/changji-2024.yaml:9: error NEEDED: the document needs 上年收入支出总计 and the file gives none — add "
        "`prior_total: …` to this entry"]


@pytest.mark.parametrize("charts", [False, True])
def test_matplotlib_is_loaded_only_to_draw_charts(tmp_path, charts):
    """A cold `check`, a build without charts, and the .txt of one with charts never import matplotlib."""
    templates = chart_templates(tmp_path / "t", XINJIANG_CHARTS[:1]) if charts else None
    option = f", templates={str(templates)!r}" if charts else ""
    script = ("import sys; from disclose import pipeline\n"
              f"pipeline.load_checked({str(CHANGJI)!r}{option})\n"
              f"pipeline.build({str(CHANGJI)!r}{option}, formats=('txt',) if {charts} else ('txt', 'docx'))\n"
              "print('matplotlib' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"


def test_a_chart_less_build_has_no_pictures():
    docx = build(CHANGJI).outputs["docx"]
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        assert "png" not in z.read("[Content_Types].xml").decode()



def test_a_chart_under_a_heading_the_document_does_not_print_is_an_error(tmp_path, cli):
    templates = chart_templates(tmp_path / "t", XINJIANG_CHARTS[:1])
    narrative = (ROOT / "templates" / "xinjiang" / "narrative.j2").read_text(encoding="utf-8")
    assert "## {{ section.heading }}" in narrative
    (templates / "narrative.j2").write_text(narrative.replace("## {{ section.heading }}", "## {{ section.title }}"),
                                            encoding="utf-8")
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--templates", templates)
    assert r.code == 1 and ("error STYLE: chart `totals_change` follows 一、收入支出决算总体情况说明, which the document "
                            "does not print — list the chart under a section or part whose heading the templates "
                            "print") in r.err
