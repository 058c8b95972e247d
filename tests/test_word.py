"""The .docx itself: page set-up, fonts, tables, sections and page numbers."""
import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import CHANGJI, edit
from disclose.pipeline import build

W = lambda tag: qn(f"w:{tag}")  # noqa: E731


@pytest.fixture(scope="module")
def doc():
    return Document(io.BytesIO(build(CHANGJI).outputs["docx"]))


def test_every_page_is_a4(doc):
    for section in doc.sections:
        size = sorted([section.page_width, section.page_height])
        assert abs(size[0] - Mm(210)) < Mm(1) and abs(size[1] - Mm(297)) < Mm(1)


def test_forms_are_on_landscape_pages_between_portrait_ones(doc):
    kinds = ["landscape" if s.page_width > s.page_height else "portrait" for s in doc.sections]
    # cover, narrative up to 十一, the twelve forms, 十二 to 第四部分, the nine tables
    assert kinds == ["portrait", "portrait", "landscape", "portrait", "landscape"]
    landscape = doc.sections[2]
    assert landscape._sectPr.find(W("pgSz")).get(W("orient")) == "landscape"


def test_every_run_has_an_east_asian_font(doc):
    runs = [r for r in doc.element.body.iter(W("r")) if r.find(W("t")) is not None]
    assert len(runs) > 1000
    for r in runs:
        fonts = r.find(W("rPr")).find(W("rFonts"))
        assert fonts is not None and fonts.get(W("eastAsia")), r.xml[:200]


def test_house_fonts_and_sizes(doc):
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert title.runs[0].font.size.pt == 22
    assert title.runs[0]._r.rPr.rFonts.get(W("eastAsia")) == "方正小标宋简体"
    heading = next(p for p in doc.paragraphs if p.text == "一、收入支出决算总体情况说明")
    assert heading.runs[0]._r.rPr.rFonts.get(W("eastAsia")) == "黑体"
    sub = next(p for p in doc.paragraphs if p.text.startswith("（一）一般公共预算"))
    assert sub.runs[0]._r.rPr.rFonts.get(W("eastAsia")) == "楷体_GB2312"
    body = next(p for p in doc.paragraphs if p.text.startswith("本年收入1,238.41万元"))
    assert body.runs[0]._r.rPr.rFonts.get(W("eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16


def test_body_has_two_character_indent_and_fixed_28pt_lines(doc):
    normal = doc.styles["Normal"]
    ind = normal.element.pPr.find(W("ind"))
    assert ind.get(W("firstLineChars")) == "200"
    spacing = normal.element.pPr.find(W("spacing"))
    assert spacing.get(W("lineRule")) == "exact" and spacing.get(W("line")) == "560"


def test_forms_are_real_tables_with_merged_cells_and_repeated_headers(doc):
    tables = doc.tables
    assert len(tables) == 24 + 9      # 单位整体 + 11 项目 forms (a head and an indicator table each), 公开01–09
    indicators = tables[3]            # the first 项目 form's indicators
    header_rows = [tr for tr in indicators._tbl.findall(W("tr")) if tr.find(W("trPr")).find(W("tblHeader")) is not None]
    assert len(header_rows) == 2
    assert "一级指标" in indicators.rows[1].cells[0].text
    xml = indicators._tbl.xml
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml    # 一级/二级指标 merged down
    head = tables[2]
    assert '<w:gridSpan w:val="7"/>' in head._tbl.xml                     # 项目名称 across the form


def test_amounts_are_right_aligned(doc):
    cell = next(c for c in doc.tables[0]._tbl.iter(W("tc"))
                if "".join(t.text for t in c.iter(W("t"))) == "1,140.42")
    assert cell.find(W("p")).find(W("pPr")).find(W("jc")).get(W("val")) == "right"


def test_page_numbers_start_after_the_cover(doc):
    cover, first = doc.sections[0], doc.sections[1]
    assert cover._sectPr.find(W("footerReference")) is None
    assert first._sectPr.find(W("pgNumType")).get(W("start")) == "1"
    footer = first.footer._element.xml
    assert 'w:instr=" PAGE "' in footer and "—" in footer
    for later in doc.sections[2:]:
        assert later._sectPr.find(W("footerReference")) is None   # inherited from the first



def test_attachments_are_appended_with_their_own_page_setup(changji_copy, tmp_path):
    from docx.enum.section import WD_ORIENT

    att = Document()
    att.add_paragraph("附件：评价报告正文")
    section = att.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    att.save(tmp_path / "report.docx")
    edit(changji_copy, "other_matters: []", "other_matters: []\nattachments: [report.docx]")
    doc = Document(io.BytesIO(build(changji_copy).outputs["docx"]))
    assert doc.paragraphs[-1].text == "附件：评价报告正文" or any(
        p.text == "附件：评价报告正文" for p in doc.paragraphs[-3:])
    last = doc.sections[-1]
    assert last.page_width > last.page_height, "docxcompose #67: the attachment keeps its landscape page"


def test_a_missing_attachment_is_an_error(cli, changji_copy, tmp_path):
    line = edit(changji_copy, "other_matters: []", "other_matters: []\nattachments: [nope.docx]") + 1
    r = cli("build", changji_copy, "-o", tmp_path / "out")
    assert r.code == 1
    assert f":{line}: error ATTACHMENT: attachment" in r.err and "nope.docx does not exist" in r.err


@pytest.mark.parametrize("name", ["changji-2024", "xiji-2024", "demo-2024"])
def test_the_one_pass_writer_writes_what_the_composed_parts_did(name, tmp_path):
    """tests/fixtures/docx/NAME.json is the structure the previous writer (each part its own
    document, joined with docxcompose, as of commit 4a88759) wrote for the example:
    every paragraph's style, alignment, spacing, text and run fonts, every table's grid, cells,
    merges and header rows, every section's page size, orientation, margins, footer and
    page-number start."""
    import json

    from conftest import DATA, FIXTURES
    from docx_structure import structure

    path = tmp_path / "out.docx"
    path.write_bytes(build(DATA / f"{name}.yaml").outputs["docx"])
    expected = json.loads((FIXTURES / "docx" / f"{name}.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(structure(path), ensure_ascii=False))     # tuples as JSON lists
    assert got["sections"] == expected["sections"]
    assert len(got["body"]) == len(expected["body"])
    for i, (a, b) in enumerate(zip(got["body"], expected["body"])):
        assert a == b, f"body element {i}"


def test_the_shipped_skeleton_is_what_the_house_styles_make():
    """disclose/output/skeleton.docx (the package around every body) is derived, not edited:
    regenerate it with `python -m disclose.output.skeleton` after changing layout.py."""
    from disclose.output.skeleton import SKELETON, make, parts

    assert parts(SKELETON.read_bytes()) == parts(make())


def test_attachments_are_joined_after_the_document(tmp_path):
    import shutil

    from docx import Document as NewDocument

    from conftest import CHANGJI as SOURCE

    attachment = NewDocument()
    attachment.add_paragraph("附件：评价报告正文")
    attachment.save(tmp_path / "report.docx")
    data = tmp_path / "2024.yaml"
    shutil.copy(SOURCE, data)
    with data.open("a", encoding="utf-8") as f:
        f.write("attachments:\n  - report.docx\n")
    doc = Document(io.BytesIO(build(data).outputs["docx"]))
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert texts[-1] == "附件：评价报告正文"
    assert doc.sections[1].footer.paragraphs[0].text.startswith("— ")
