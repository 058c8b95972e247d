"""`disclose diff`: tokens, alignment, reports, and the redline's round trip."""
import io
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from conftest import CHANGJI, CHANGJI_TITLE, FIXTURES, edit
from disclose.diff import compare
from disclose.diff.outline import read
from disclose.diff.redline import redline
from disclose.diff.tokens import diff as token_diff, figure_changes, tokenize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# --- tokens ---------------------------------------------------------------------------------------

def test_a_figure_is_one_token():
    assert tokenize("增加12.52万元，增长2.91%") == ["增", "加", "12.52", "万", "元", "，", "增", "长", "2.91%"]
    assert tokenize("1,222.68万元") == ["1,222.68", "万", "元"]
    assert tokenize("预决算差异率-6.25%") [-1] == "-6.25%"


def test_two_changed_figures_in_a_sentence():
    ops = token_diff("增加12.52万元，增长2.91%", "增加8.10万元，增长1.83%")
    assert [(o.kind, o.text) for o in ops if o.kind != "equal"] == [
        ("delete", "12.52"), ("insert", "8.10"), ("delete", "2.91%"), ("insert", "1.83%")]
    changes = figure_changes("增加12.52万元，增长2.91%", "增加8.10万元，增长1.83%")
    assert [(f.context, f.old, f.new, f.difference) for f in changes] == [
        ("增加", "12.52", "8.10", "-4.42"), ("增长", "2.91%", "1.83%", "-1.08 pp")]


# --- the Changji example with three figures and one reason changed -------------------------------

@pytest.fixture
def changed(changji_copy):
    edit(changji_copy, "  current: 41.02\n  prior: 28.41", "  current: 41.02\n  prior: 30.00")   # 机关运行经费上年
    edit(changji_copy, "vehicle_value: 19.77", "vehicle_value: 21.50")                           # 车辆价值
    edit(changji_copy, "    current: 0.34\n    prior: 0.38", "    current: 0.36\n    prior: 0.38")  # 公务接待费
    edit(changji_copy, "reason: 本年增加办公费、差旅费等", "reason: 本年增加办公费、差旅费及培训费等")
    return changji_copy


def test_lists_exactly_the_changes_and_the_sentences_they_feed(cli, changed):
    r = cli("diff", CHANGJI, changed)
    assert r.code == 0
    changed_lines = [line.strip() for line in r.out.splitlines() if line.startswith("  ")]
    assert changed_lines == [
        # 公务接待费 0.34 → 0.36 feeds its sentence in 九, its share and change (the stated total
        # 7.65 stays), its 开支 sentence, its 预决算差异率, and 公开07
        "~ 公务接待费支出[-0.34-]{+0.36+}万元，占[-4.44%-]{+4.71%+}，比上年减少[-0.04-]{+0.02+}万元，下降"
        "[-10.53%-]{+5.26%+}，主要原因是：严格落实中央八项规定精神，厉行节约，减少公务接待费。",
        "~ 公务接待费[-0.34-]{+0.36+}万元，开支内容包括因医保经办调研活动产生的就餐费。",
        "~ 公务接待费全年预算数0.34万元，决算数[-0.34-]{+0.36+}万元，预决算差异率[-0.00%-]{+5.88%+}，"
        "主要原因是：严格按照预算执行，预决算无差异。",
        # 上年机关运行经费 28.41 → 30.00, and its reason
        "~ 2024年度昌吉回族自治州医疗保障局（行政单位和参照公务员法管理事业单位）机关运行经费支出41.02万元，"
        "比上年增加[-12.61-]{+11.02+}万元，增长[-44.39%-]{+36.73%+}，主要原因是：本年增加办公费、差旅费{+及培训费+}等。",
        # 车辆价值 19.77 → 21.50
        "~ 车辆1辆，价值[-19.77-]{+21.50+}万元，其中：副部（省）级及以上领导用车0辆、主要负责人用车0辆、机要通信用车0辆、"
        "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部服务用车0辆、其他用车1辆，其他用车主要是："
        "一般公务用车。",
        "~ 7.65 | 0.00 | 7.32 | 0.00 | 7.32 | 0.34 | 7.65 | 0.00 | 7.32 | 0.00 | 7.32 | [-0.34-]{+0.36+}",
    ]
    assert "【" not in r.out
    assert "6 changed, 0 added, 0 removed" in r.out


def test_the_figures_table(cli, changed):
    r = cli("diff", CHANGJI, changed, "--figures")
    rows = [line.split("\t") for line in r.out.splitlines()]
    assert rows[0] == ["section", "item", "name", "old", "new", "difference"]
    assert ["（一）机关运行经费及公用经费支出情况", "", "机关运行经费支出…比上年增加", "12.61", "11.02", "-1.59"] in rows
    assert ["（三）国有资产占用情况说明", "", "车辆1辆，价值", "19.77", "21.50", "+1.73"] in rows
    assert ["九、财政拨款“三公”经费支出决算情况说明", "", "公务接待费支出…占", "4.44%", "4.71%", "+0.27 pp"] in rows
    assert [r for r in rows if r[0] == "一般公共预算财政拨款“三公”经费支出决算表"] == [
        ["一般公共预算财政拨款“三公”经费支出决算表", "", "2024年度决算数·公务接待费", "0.34", "0.36",
         "+0.02"]]
    assert len(rows) == 1 + 11


def test_stat_counts_per_section(cli, changed):
    r = cli("diff", CHANGJI, changed, "--stat")
    lines = r.out.splitlines()
    assert lines[0].split() == ["section", "changed", "added", "removed"]
    assert any(line.startswith("九、财政拨款“三公”经费支出决算情况说明") and line.split()[1:] == ["3", "0", "0"]
               for line in lines)


def test_html_side_by_side(cli, changed, tmp_path):
    page = tmp_path / "diff.html"
    r = cli("diff", CHANGJI, changed, "--html", page)
    text = page.read_text(encoding="utf-8")
    assert r.code == 0 and text.startswith("<!DOCTYPE html>")
    assert "<del>19.77</del>" in text and "<ins>21.50</ins>" in text


def test_colour_only_when_asked_or_on_a_terminal(cli, changed):
    assert "\033[" not in cli("diff", CHANGJI, changed).out
    assert "\033[31m0.34\033[0m" in cli("diff", CHANGJI, changed, "--color", "always").out


# --- alignment ---------------------------------------------------------------------------------------

def test_an_inserted_item_does_not_make_later_sentences_look_changed(cli, changji_copy):
    edit(changji_copy, '            - code: "2101502"', '            - code: "2101503"\n'
         "              name: 机关服务\n              current: 0.00\n              prior: 3.00\n"
         "              reason: 本年无机关服务支出\n"
         '            - code: "2101502"')
    r = cli("diff", CHANGJI, changji_copy)
    changes = [line.strip() for line in r.out.splitlines() if line.startswith("  ")]
    assert changes == ["+ 12.卫生健康支出(类)医疗保障管理事务(款)机关服务(项)：支出决算数为0.00万元，比上年决算减少3.00万元，"
                       "下降100.00%，主要原因是：本年无机关服务支出。"]
    assert "5 renumbered only" in r.out       # items 12–16 became 13–17


def test_alignment_keys_ignore_figures_and_ordinals():
    from disclose.diff.outline import paragraph_key

    assert paragraph_key("11.卫生健康支出(类)医疗保障管理事务(款)行政运行(项)：支出决算数为442.32万元") == \
        paragraph_key("12.卫生健康支出(类)医疗保障管理事务(款)行政运行(项)：支出决算数为438.00万元")
    assert paragraph_key("本年收入1,238.41万元") == paragraph_key("本年收入1,300.00万元")


# --- inputs -------------------------------------------------------------------------------------------

def test_built_outputs_compare_like_their_data(cli, changji_copy, tmp_path):
    # changes that keep the file consistent, so that it builds
    edit(changji_copy, "  current: 41.02\n  prior: 28.41", "  current: 41.02\n  prior: 30.00")
    edit(changji_copy, "vehicle_value: 19.77", "vehicle_value: 21.50")
    edit(changji_copy, "reason: 本年增加办公费、差旅费等", "reason: 本年增加办公费、差旅费及培训费等")
    changed = changji_copy
    assert cli("build", CHANGJI, "-o", tmp_path / "a").code == 0
    assert cli("build", changed, "-o", tmp_path / "b").code == 0
    from_data = cli("diff", CHANGJI, changed).out
    assert from_data.count("\n  ~ ") == 2
    for ext in ("txt", "docx"):
        r = cli("diff", tmp_path / "a" / f"{CHANGJI_TITLE}.{ext}", tmp_path / "b" / f"{CHANGJI_TITLE}.{ext}")
        assert r.code == 0
        body = lambda out: [line for line in out.splitlines() if line.startswith("  ")]  # noqa: E731
        assert body(r.out) == body(from_data), ext


def test_year_to_year_lists_reasons_repeated_from_last_year(cli):
    r = cli("diff", FIXTURES / "minimal-2023.yaml", FIXTURES / "minimal-2024.yaml")
    assert "Reasons repeated word for word from last year while their figures changed:" in r.out
    stale = r.out.split("Reasons repeated word for word")[1]
    assert "行政运行(项): 主要原因是人员经费增加" in stale
    assert "其他医疗保障管理事务支出(项): 主要原因是项目经费减少" in stale
    # unchanged figures keep their reason without blame: 住房公积金 (100,000.00 both years) and
    # 因公出国（境）费 (0 both years) repeat theirs, rightly
    assert "住房公积金" not in stale and "因公出国" not in stale
    assert "13 reasons repeated from last year" in r.out


def test_unknown_input_kind(cli, tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    r = cli("diff", tmp_path / "a.pdf", tmp_path / "a.pdf")
    assert r.code == 1 and "cannot compare this kind of file" in r.err


# --- the redline ------------------------------------------------------------------------------------

def text_of(element) -> str:
    """The text of a paragraph or cell: its w:t, and U+2028 for each line break (w:br)."""
    return "".join((t.text or "") if t.tag == f"{W}t" else "\u2028" for t in element.iter(f"{W}t", f"{W}br"))


def body_text(xml_root) -> list[str]:
    """What a reader sees: paragraphs and table rows, in order, without empty paragraphs."""
    out = []
    body = xml_root.find(f"{W}body")
    for el in body:
        if el.tag == f"{W}p":
            text = text_of(el)
            if text:
                out.append(text)
        elif el.tag == f"{W}tbl":
            for tr in el.findall(f"{W}tr"):
                cells = [text_of(tc) for tc in tr.findall(f"{W}tc")]
                while cells and not cells[-1]:
                    cells.pop()
                out.append("\t".join(cells))
    return out


def unwrap_revisions(root, tag: str) -> None:
    """Keep the content of every w:ins or w:del, without the revision around it; the marks
    on a paragraph (pPr/rPr) or a row (trPr) just go."""
    for r in list(root.iter(f"{W}{tag}")):
        parent = r.getparent()
        index = parent.index(r)
        if parent.tag not in (f"{W}rPr", f"{W}trPr"):
            for child in list(r):
                parent.insert(index, child)
                index += 1
        parent.remove(r)


def accept_all(root):
    """What Word's Accept All Changes does."""
    for tr in list(root.iter(f"{W}tr")):
        if tr.find(f"{W}trPr/{W}del") is not None:
            tr.getparent().remove(tr)
    for p in list(root.iter(f"{W}p")):
        if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:     # a deleted paragraph (mark and all)
            p.getparent().remove(p)
    for d in list(root.iter(f"{W}del")):
        d.getparent().remove(d)
    unwrap_revisions(root, "ins")
    return root


def reject_all(root):
    """What Word's Reject All Changes does."""
    for tr in list(root.iter(f"{W}tr")):
        if tr.find(f"{W}trPr/{W}ins") is not None:
            tr.getparent().remove(tr)
    for p in list(root.iter(f"{W}p")):
        if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
            p.getparent().remove(p)
    for i in list(root.iter(f"{W}ins")):
        i.getparent().remove(i)
    for t in list(root.iter(f"{W}delText")):
        t.tag = f"{W}t"
    unwrap_revisions(root, "del")
    return root


def document_xml(docx: bytes):
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def units_text(doc) -> list[str]:
    out = []
    for s in doc.sections:
        if s.heading:
            out.append(s.heading)
        out += [u.text.rstrip("\t") for u in s.units]
    return [line.rstrip("\t") for line in out]


@pytest.mark.parametrize("edits", ["figures", "inserted item", "removed item"])
def test_redline_accept_all_gives_the_new_text_and_reject_all_the_old(changji_copy, edits):
    if edits == "figures":
        edit(changji_copy, "vehicle_value: 19.77", "vehicle_value: 21.50")
        edit(changji_copy, "reason: 本年增加办公费、差旅费等", "reason: 本年增加办公费等")
    else:   # an item inserted; compared the other way round, the same item removed
        edit(changji_copy, '            - code: "2101502"', '            - code: "2101503"\n'
             "              name: 机关服务\n              current: 0.00\n              prior: 3.00\n"
             "              reason: 本年无机关服务支出\n"
             '            - code: "2101502"')
    old, new = read(CHANGJI), read(changji_copy)
    c = compare(old, new) if edits != "removed item" else compare(new, old)
    docx = redline(c, "审核人")
    xml = document_xml(docx)
    revision = xml.find(f".//{W}ins") if edits != "removed item" else xml.find(f".//{W}del")
    assert revision is not None and revision.get(f"{W}author") == "审核人"
    assert body_text(accept_all(document_xml(docx))) == units_text(c.new)
    assert body_text(reject_all(document_xml(docx))) == units_text(c.old)


def test_redline_of_a_diff_shown_by_libreoffice(cli, changed, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "r.docx"
    assert cli("diff", CHANGJI, changed, "--redline", out).code == 0
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())
    assert "19.7721.50" in flat, "the deleted and the inserted figure are both shown"
    assert "差旅费及培训费等" in flat


def test_stale_reasons_are_found_by_the_styles_words(cli, tmp_path):
    """diff looked for 主要原因是 only; a style that writes 原因为 lost every stale reason."""
    texts = []
    for year in (2023, 2024):
        out = tmp_path / str(year)
        assert cli("build", FIXTURES / f"minimal-{year}.yaml", "-o", out, "--text-only").code == 0
        (built,) = out.glob("*.txt")
        built.write_text(built.read_text(encoding="utf-8").replace("主要原因是：", "原因为："), encoding="utf-8")
        texts.append(built)
    assert "Reasons repeated" not in cli("diff", *texts).out      # the shipped styles' words only
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "style.yaml").write_text("reason_leads: [原因为]\n", encoding="utf-8")
    r = cli("diff", *texts, "--templates", mine)
    stale = r.out.split("Reasons repeated word for word")[1]
    assert "行政运行(项): 原因为人员经费增加" in stale
    assert "13 reasons repeated from last year" in r.out


def test_rows_and_items_are_paired_by_code_never_by_likeness():
    """A 项 that vanished and another that appeared are a removal and an addition, however alike their
    rows or sentences read (between years 2070111 gave way to 2070199 and was shown as one changed row)."""
    from disclose.diff.outline import Document, Section, Unit

    def doc(year, row, item):
        units = [Unit("row", "\t".join(row), row[0], cells=row),
                 Unit("para", item, item.split("：")[0])]
        return Document("x", "t", year, [], [Section("表", "表", units)], [])

    old = doc(2023, ["2070111", "文化活动", "12.00"], "1.文化旅游体育与传媒支出(类)文化和旅游(款)文化活动(项)：支出12.00万元。")
    new = doc(2024, ["2070199", "其他文化和旅游支出", "12.00"],
              "1.文化旅游体育与传媒支出(类)文化和旅游(款)其他文化和旅游支出(项)：支出12.00万元。")
    statuses = [(p.status, (p.old or p.new).key) for p in compare(old, new).sections[0].pairs]
    assert sorted(statuses) == sorted([("removed", "2070111"), ("added", "2070199"),
                                       ("removed", "1.文化旅游体育与传媒支出(类)文化和旅游(款)文化活动(项)"),
                                       ("added", "1.文化旅游体育与传媒支出(类)文化和旅游(款)其他文化和旅游支出(项)")])
    same = compare(old, doc(2024, ["2070111", "文化活动", "15.00"],
                            "1.文化旅游体育与传媒支出(类)文化和旅游(款)文化活动(项)：支出15.00万元。"))
    assert [p.status for p in same.sections[0].pairs] == ["changed", "changed"]
