"""Every amount line of the accounts is one kind of object: 本年, its bases (上年, 年初预算,
全年预算), the comparisons against each, its share of its parent and of the parent's change —
computed once (`ledger`, `derive.lines`), checked at every level (LINE-SUMS), rolled forward
line by line (`disclose init`)."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest

from conftest import CHANGJI, FIXTURES, ROOT, edit, line_of
from disclose import check
from disclose.derive import derive
from disclose.derive.lines import LINE_FIELDS
from disclose.ledger import ledger
from disclose.load import load, load_with_empty
from disclose.numbers import Change
from disclose.pipeline import resolve_style
from disclose.style import load as load_style
from disclose.view import Line, Missing

MINIMAL = FIXTURES / "minimal-2024.yaml"
XIJI = ROOT / "data" / "xiji-2024.yaml"
D = Decimal


def view_of(path):
    data = load(path)
    return derive(data, resolve_style(data, None, None))


def scope_lines(v):
    """The lines issue 9 lists, as the templates reach them."""
    named = {f"income.{k}": getattr(v.income, k) for k in vars(v.income)}
    named |= {f"expenditure.{k}": getattr(v.expenditure, k) for k in vars(v.expenditure)}
    named |= {f"fiscal.{k}": getattr(v.fiscal, k) for k in vars(v.fiscal)}
    named["general_budget"] = v.general_budget
    for c in v.general_budget.classes:
        named[f"类 {c.code}"] = c
        for k in c.kuans:
            named[f"款 {k.code}"] = k
            named |= {f"项 {i.code}": i for i in k.items}
    named |= {f"basic.{k}": getattr(v.basic, k) for k in ("total", "personnel", "public")}
    named |= {f"经济分类 {c.code}": c for c in v.basic.classes + v.basic.lines}
    t = v.three_public
    named |= {"三公": t, "因公出国": t.abroad, "公务用车": t.vehicles, "购置": t.vehicles.purchase,
              "运行维护": t.vehicles.operation, "公务接待": t.reception}
    named["机关运行经费"] = v.operating_costs
    named |= {f"政府采购 {k}": getattr(v.procurement, k) for k in ("goods", "works", "services", "total")}
    named |= {"会议费": v.meetings, "培训费": v.training}
    return named


@pytest.mark.parametrize("path", [CHANGJI, XIJI], ids=["changji", "xiji"])
def test_every_line_of_the_scope_is_the_same_object(path):
    v = view_of(path)
    lines = scope_lines(v)
    assert len(lines) > 60
    for name, line in lines.items():
        if isinstance(line, Missing):                    # 会议费, 培训费: not in these files
            assert name in ("会议费", "培训费") and line.change.rate is line
            continue
        assert isinstance(line, Line), name
        has = set(vars(line))
        roots = {"income.grand_total", "expenditure.grand_total", "fiscal.total_in", "fiscal.total_out",
                 "三公", "机关运行经费", "政府采购 total", "basic.total"}
        expected = LINE_FIELDS - ({"share", "change_share"} if name in roots else set())
        assert expected <= has, (name, expected - has)
        for comparison in ("change", "budget_change", "full_budget_change"):
            value = getattr(line, comparison)
            assert isinstance(value, (Change, Missing)), (name, comparison)


def test_the_comparisons_are_computed_once_in_decimal(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    data = load(path)
    business, total = data.income.business, data.income.general_budget + data.income.business + data.income.other
    edit(path, "income:\n", "income:\n  compare:\n    business: {prior: 30000.00, budget: 40000.00, "
                            "full_budget: 45000.00, reason: 服务量增加}\n"
                            "    total: {prior: 900000.00}\n")
    v = view_of(path)
    line = v.income.business
    assert line.current == business and line.prior == D("30000.00")
    assert line.change.diff == business - D("30000.00") and line.change.rate == (business - 30000) / D(30000)
    assert line.budget_change.completion == business / D(40000)
    assert line.full_budget_change.rate == (business - 45000) / D(45000)
    assert line.reason == "服务量增加"
    assert line.share == business / total
    assert line.change_share == (business - 30000) / (total - D(900000))
    assert isinstance(v.income.other.prior, Missing)                   # to be added under `compare:`
    assert v.income.other.prior.loc.line == line_of(path, "compare:")


def test_a_total_left_out_is_the_sum_of_its_parts():
    book = ledger(load(CHANGJI))
    assert book.base("general_budget", "prior") == book.stated("general_budget", "prior") == D("1548.16")
    unstated = [p for p, e in book.items() if p.startswith("general_budget.") and len(p) == len("general_budget.")
                + 5 and book.stated(p, "prior") is None and len(e.parts) > 1]
    assert unstated, "a 款 of several 项 without a stated 上年"
    for p in unstated:
        assert book.base(p, "prior") == sum(book.base(i, "prior") for i in book[p].parts)


def test_a_stated_base_is_checked_against_its_parts_at_every_level(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    zeros = "".join(f"    {k}: {{prior: 0.00}}\n" for k in ("government_fund", "state_capital", "superior_subsidy",
                                                                  "operating", "affiliated"))
    edit(path, "income:\n", "income:\n  compare:\n    general_budget: {prior: 800000.00}\n    business: "
                            "{prior: 30000.00}\n    other: {prior: 10000.00}\n" + zeros + "    total: {prior: 850000.00}\n")
    found = [p for p in check.run(load(path), load_style("xinjiang")) if p.rule == "LINE-SUMS"]
    [p] = found
    assert p.location.line == line_of(path, "total: {prior: 850000.00}")
    assert "本年收入合计的上年决算数 is stated as 850,000.00 but" in p.message and "840,000.00" in p.message
    assert line_of(path, "business: {prior") in [r.line for r in p.related]


def test_an_unknown_line_in_compare_is_named(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    edit(path, "income:\n", "income:\n  compare:\n    busines: {prior: 1.00}\n")
    from disclose.errors import DiscloseError
    with pytest.raises(DiscloseError) as e:
        load(path)
    [p] = e.value.problems
    assert p.location.line == line_of(path, "busines:") and "did you mean `business`?" in p.hint


@pytest.mark.parametrize("last_path", [CHANGJI, XIJI], ids=["changji", "xiji"])
def test_init_gives_every_line_last_years_figure(last_path, cli, tmp_path):
    new_path = tmp_path / "2025.yaml"
    assert cli("init", new_path, "--from", last_path).code == 0
    last, (new, _) = ledger(load(last_path)), load_with_empty(new_path)
    book = ledger(new)
    compared = [p for p in last if last[p].current is not None and p in book]
    assert len(compared) > 60
    for p in compared:
        if p in ("basic.total", "basic.personnel", "basic.public") and last[p].current is None:
            continue
        assert book.base(p, "prior") == last[p].current, p


def test_meetings_and_training_are_lines(tmp_path):
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    with path.open("a", encoding="utf-8") as f:
        f.write("meetings: {current: 1200.00, prior: 1500.00, reason: 压缩会议规模}\ntraining: {current: 800.00}\n")
    v = view_of(path)
    assert v.meetings.change.diff == D("-300.00") and v.meetings.change.direction == "down"
    assert v.meetings.reason == "压缩会议规模"
    assert isinstance(v.training.change, Missing) and v.training.current == D("800.00")


def _doc_token(path: str) -> str:
    """How the README's table of lines names a line of the ledger."""
    import re
    from disclose.model import EXPENDITURE_KINDS, INCOME_SOURCES

    head, _, last = path.partition(".")
    if head == "general_budget" and re.fullmatch(r"\d+", last):
        return {3: "`general_budget.classes[]`", 5: "`.classes[].kuans[]`", 7: "`.classes[].kuans[].items[]`"}[len(last)]
    if head == "basic" and re.fullmatch(r"\d+", last):
        return "`basic.classes[]`" if len(last) == 3 else "`basic.lines[]`"
    if (head, last) in {("income", s) for s in INCOME_SOURCES} | {("expenditure", k) for k in EXPENDITURE_KINDS}:
        return f"`{last}`"
    return f"`{path}`"


def test_the_readme_lists_every_line(tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("| line (path in the view) |")
    table = text[start:text.index("\n\n", start)]
    path = tmp_path / "2024.yaml"
    shutil.copy(MINIMAL, path)
    with path.open("a", encoding="utf-8") as f:
        f.write("meetings: {current: 1.00}\ntraining: {current: 1.00}\n")
    paths = {p.split("#")[0] for source in (CHANGJI, XIJI, path) for p in ledger(load(source))}
    assert {p for p in paths if _doc_token(p) not in table} == set()
    documented = set(re.findall(r"^\| `([a-z_.]+)`", table, re.M))
    assert documented - paths == set()


def test_compare_names_exactly_the_lines_of_its_record():
    """The keys a `compare:` mapping accepts (model) are the lines the ledger makes of that record."""
    from disclose.model.figures import (BASIC_LINES, EXPENDITURE_LINES, FISCAL_LINES, INCOME_LINES,
                                        PROCUREMENT_LINES)

    book = ledger(load(XIJI))
    for prefix, keys in (("income", INCOME_LINES), ("expenditure", EXPENDITURE_LINES), ("fiscal", FISCAL_LINES),
                         ("basic", BASIC_LINES), ("procurement", PROCUREMENT_LINES)):
        made = {p[len(prefix) + 1:] for p in book if p.startswith(prefix + ".")}
        assert set(keys) == {k for k in made if not k.isdigit()}, prefix
