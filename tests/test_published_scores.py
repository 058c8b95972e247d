"""The self-evaluation figures of seed 000, recomputed by the style's score rules.

tests/fixtures/changji-2024-published-scores.tsv holds every 完成率, 指标得分, 执行率,
funds 得分 and 总分 as published.  The engine computes them from the targets, results
and weights; all agree but for the two slips listed here and in golden/NOTES.md.
"""
import csv

import pytest

from conftest import CHANGJI, FIXTURES, GOLDEN
from disclose.derive import derive
from disclose.load import load
from disclose.render import Formatter
from disclose.style import load as load_style

# (project, indicator) → (published completion, published score, computed completion, computed score)
SLIPS = {
    # 目标 <=95%, 业绩 =100%: 100 ÷ 95 = 105.26%, 按照完成比例赋分 → 20 × (1 − 0.0526) = 18.95
    ("长期护理保险工作经费", "长期护理保险鉴定执行率"): ("97.95%", "18.98", "105.26%", "18.95"),
    ("长期护理保险工作经费", "__total__"): ("", "84.82", "", "84.79"),
    # 目标 <=4.50万元, 业绩 =3.77万元: 3.77 ÷ 4.50 = 83.78% → 9 × 0.2378 ÷ 0.4 = 5.35
    # (the published 84% and 5.4 fit 3.78, not the 3.77 printed beside them)
    ("扩面征收项目经费", "扩面征收劳务费"): ("84%", "5.4", "83.78%", "5.35"),
    ("扩面征收项目经费", "__total__"): ("", "96.25", "", "96.20"),
}


@pytest.fixture(scope="module")
def view():
    style = load_style("xinjiang")
    return derive(load(CHANGJI), style), Formatter(style, "万元")


def published_rows():
    with open(FIXTURES / "changji-2024-published-scores.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def computed(view, row):
    v, f = view
    if row["table"] == "unit":
        u = v.performance.unit
        if row["indicator"] == "__funds__":
            return f.percent(u.total.execution, trim=True), f.number(u.total.score)
        i = next(x for x in u.indicators if x.name == row["indicator"])
        return "", f.number(i.score, trim=True)
    p = next(x for x in v.performance.projects if x.name == row["project"])
    if row["indicator"] == "__funds__":
        return f.percent(p.funds.total.execution), f.number(p.funds.total.score)
    if row["indicator"] == "__total__":
        return "", f.number(p.total_score)
    i = next(x for x in p.indicators if x.name == row["indicator"])
    return f.percent(i.completion, trim=True), f.number(i.score, trim=True)


def test_the_fixture_covers_every_form():
    rows = published_rows()
    assert len({r["project"] for r in rows if r["table"] == "project"}) == 11
    assert len(rows) == 126


@pytest.mark.parametrize("row", published_rows(), ids=lambda r: f"{r['project'][:8]}/{r['indicator'][:10]}")
def test_computed_equals_published(view, row):
    key = (row["project"], row["indicator"])
    got = computed(view, row)
    if key in SLIPS:
        pub_c, pub_s, comp_c, comp_s = SLIPS[key]
        assert (row["completion"], row["score"]) == (pub_c, pub_s)
        assert got == (comp_c, comp_s)
    else:
        assert got == (row["completion"], row["score"])


def test_the_slips_are_documented():
    notes = (GOLDEN / "NOTES.md").read_text(encoding="utf-8")
    for (project, indicator), (pub_c, pub_s, comp_c, comp_s) in SLIPS.items():
        assert project in notes and pub_s in notes and comp_s in notes
