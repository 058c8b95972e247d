"""The markup templates write, and its tables' merged cells."""
import pytest

from disclose.render.markup import Heading, MarkupError, Orientation, Paragraph, Table, parse


def test_blocks():
    blocks = parse("#! 标题\n# 第一部分\n## 一、节\n### （一）小节\n正文。\n::center （2024年度）\n::landscape\n")
    assert [type(b).__name__ for b in blocks] == ["Heading"] * 4 + ["Paragraph", "Paragraph", "Orientation"]
    assert blocks[0] == Heading(0, "标题") and blocks[5].align == "center" and blocks[6] == Orientation(True)


def test_merges_left_and_up_and_rectangles():
    t = parse("::table widths=1,1,1\nA\t<\tB\n^\t^\tC\nD\tE\t\\<\n::end\n")[0]
    assert isinstance(t, Table)
    a = t.rows[0][0]
    assert (a.colspan, a.rowspan) == (2, 2)
    assert all(t.rows[r][c].covered for r, c in [(0, 1), (1, 0), (1, 1)])
    assert t.rows[2][2].text == "<" and not t.rows[2][2].covered
    assert t.text_rows() == [["A", "", "B"], ["", "", "C"], ["D", "E", "<"]]


def test_page_break_attaches_to_the_next_block():
    blocks = parse("a\n::pagebreak\nb\n")
    assert blocks[1] == Paragraph("b", "body", True)


@pytest.mark.parametrize("text", ["::table widths=1,1\na\n::end\n", "::table widths=1\na\n",
                                  "::bogus x\n", "::table widths=1,1 align=lx\na\tb\n::end\n",
                                  "::table widths=1\n<\n::end\n"])
def test_bad_markup_is_refused(text):
    with pytest.raises(MarkupError):
        parse(text)
