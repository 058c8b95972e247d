"""`disclose init NEW --from LAST`: next year's file, rolled forward; and the rules that
follow it until a person has filled in the figures (EMPTY) and reviewed the reasons
(REASON-STALE)."""
from __future__ import annotations

import re

import pytest

from conftest import CHANGJI, ROOT, edit, line_of
from disclose import accounts
from disclose.load import load, load_with_empty
from disclose.model import OPTIONAL_RECORDS, UNREVIEWED

XIJI = ROOT / "data" / "xiji-2024.yaml"


@pytest.fixture(params=[CHANGJI, XIJI], ids=["changji", "xiji"])
def rolled(request, cli, tmp_path):
    new = tmp_path / "2025.yaml"
    r = cli("init", new, "--from", request.param)
    assert r.code == 0, r.err
    assert "figures to fill in" in r.out and "reasons and explanations to review" in r.out
    return request.param, new


def test_every_prior_is_last_years_current(rolled):
    last_path, new_path = rolled
    last, (new, empty) = load(last_path), load_with_empty(new_path)
    assert new.year == last.year + 1 and new.unit == last.unit and empty
    last_items = {i.code: i for i in accounts.items(last)}
    new_items = {i.code: i for i in accounts.items(new)}
    assert set(new_items) == set(last_items)
    assert all(new_items[c].prior == last_items[c].current for c in new_items)
    assert new.overall.prior_total == accounts.grand_totals(last)[0]
    assert new.fiscal.prior_total == accounts.fiscal_total_in(last)
    assert new.fiscal.carryover_start == last.fiscal.carryover_end
    assert new.income.carryover_start == last.expenditure.carryover_end
    assert new.operating_costs.prior == last.operating_costs.current
    t, lt = new.three_public, last.three_public
    assert [t.abroad.prior, t.vehicles.purchase.prior, t.vehicles.operation.prior, t.reception.prior] == \
        [lt.abroad.current, lt.vehicles.purchase.current, lt.vehicles.operation.current, lt.reception.current]
    assert accounts.three_public_column(t, "prior") == accounts.three_public_column(lt, "current")
    if last.overview.staff:
        for kind in ("active", "retired_cadres", "retired"):
            assert getattr(new.overview.staff, kind).prior == getattr(last.overview.staff, kind).current
    assert new.overview.duties == last.overview.duties                       # texts carried
    assert new.performance.projects == [] and new.annex == []                 # forms not carried


def test_check_names_every_empty_figure_and_every_unreviewed_reason(rolled, cli):
    _, new_path = rolled
    text = new_path.read_text(encoding="utf-8")
    lines = text.splitlines()
    r = cli("check", new_path)
    assert r.code == 1
    reported = {(int(m.group(1)), m.group(2)) for m in re.finditer(r":(\d+): \w+ ([A-Z-]+):", r.out)}
    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" -"))

    # a key with nothing after it, and no lines indented under it: a figure waiting for a value
    empty = {n for n, line in enumerate(lines, 1) if re.match(r"^\s*(- )?[a-z_0-9\"]+:$", line)
             and (n == len(lines) or indent(lines[n]) <= indent(line))}
    assert empty and all((n, "EMPTY") in reported for n in empty), \
        sorted(n for n in empty if (n, "EMPTY") not in reported)[:5]
    marked = {n for n, line in enumerate(lines, 1) if UNREVIEWED in line and not line.startswith("#")}
    assert marked and all((n, "REASON-STALE") in reported for n in marked), \
        sorted(n for n in marked if (n, "REASON-STALE") not in reported)[:5]
    assert "本年 not filled in yet" in r.out


def test_init_does_not_overwrite(cli, tmp_path):
    new = tmp_path / "2025.yaml"
    new.write_text("mine\n", encoding="utf-8")
    r = cli("init", new, "--from", CHANGJI)
    assert r.code == 2 and "exists" in r.err and new.read_text(encoding="utf-8") == "mine\n"
    assert cli("init", new, "--from", CHANGJI, "--force").code == 0
    assert "rolled forward from" in new.read_text(encoding="utf-8")


def test_last_years_projects_are_listed_not_carried(cli, tmp_path):
    new = tmp_path / "2025.yaml"
    r = cli("init", new, "--from", CHANGJI)
    assert "11 self-evaluation forms were not carried" in r.out
    assert "#   - 扩面征收项目经费" in new.read_text(encoding="utf-8")


def test_an_unreviewed_reason_is_listed_and_stops_the_build(cli, changji_copy, tmp_path):
    line = edit(changji_copy, "reason: &base 本年在职人员", f"reason: &base {UNREVIEWED}本年在职人员")
    r = cli("check", changji_copy)
    assert r.code == 0                      # a warning: the reason may be right; a person decides
    assert f":{line}: warning REASON-STALE: general_budget.functions[3].items[1].items[1].reason is last " \
           "year's text, not yet reviewed (上年 10.26 → 本年 10.29)" in r.out
    r = cli("build", changji_copy, "-o", tmp_path / "out")
    assert r.code == 1 and f":{line}: warning REASON-STALE" in r.err and not (tmp_path / "out").exists()


def test_a_carried_reason_that_contradicts_the_figures_is_an_error(cli, changji_copy):
    edit(changji_copy, "reason: &base 本年在职人员", f"reason: &base {UNREVIEWED}本年在职人员")
    line = edit(changji_copy, "current: 10.29\n              prior: 10.26", "current: 9.50\n              prior: 10.26")
    r = cli("check", changji_copy)
    assert r.code == 1
    assert f":{line + 2}: error REASON-STALE: general_budget.functions[3].items[1].items[1].reason, carried from " \
           "last year, says 增加 but the figure fell: 上年 10.26 → 本年 9.50" in r.out
    assert line_of(changji_copy, "current: 9.50") == line


# --- init --tables: this year's figures from the nine tables -----------------------------------------

def _tables(cli, data, folder):
    assert cli("build", data, "-o", folder, "--formats", "xlsx").code == 0, "the example builds"
    return next(folder.glob("*.xlsx"))


def test_tables_fill_every_figure_they_hold(cli, tmp_path):
    tables = _tables(cli, XIJI, tmp_path / "t")         # "this year's" tables: the example's own figures
    new = tmp_path / "2025.yaml"
    r = cli("init", new, "--from", XIJI, "--tables", tables)
    assert r.code == 0, r.err
    data, empty = load_with_empty(new)
    last = load(XIJI)
    assert {i.code: (i.current, i.basic, i.project, i.income, i.spending) for i in accounts.items(data)} == \
        {i.code: (i.current, i.basic, i.project, i.income, i.spending) for i in accounts.items(last)}
    assert {i.code: i.prior for i in accounts.items(data)} == {i.code: i.current for i in accounts.items(last)}
    assert accounts.income_totals(data.income) == accounts.income_totals(last.income)
    assert accounts.expenditure_totals(data.expenditure) == accounts.expenditure_totals(last.expenditure)
    assert data.basic.economic == last.basic.economic and data.fiscal.carryover_end == last.fiscal.carryover_end
    # what no table holds stays empty, and check names it: 机关运行经费, 政府采购, 国有资产, counts,
    # each 项's 年初预算 (the nine tables print 决算 only)
    empty_paths = {p.message.split(" ")[0] for p in empty}
    assert "operating_costs.current" in empty_paths and "procurement.goods" in empty_paths
    assert "general_budget.functions[1].items[1].items[1].budget" in empty_paths
    assert not [p for p in empty_paths if p.startswith(("income.", "expenditure.", "general_budget.", "basic."))
                and not p.endswith(".budget")]


def test_items_that_appeared_or_vanished_are_listed(cli, tmp_path):
    this_year = tmp_path / "2025-source.yaml"
    this_year.write_text(XIJI.read_text(encoding="utf-8").replace('"2101103"', '"2101199"').replace(
        "name: 公务员医疗补助", "name: 其他行政事业单位医疗支出"), encoding="utf-8")
    new = tmp_path / "2025.yaml"
    r = cli("init", new, "--from", XIJI, "--tables", _tables(cli, this_year, tmp_path / "t"))
    assert r.code == 0, r.err
    assert "项 new this year (上年 0.00): 2101199 其他行政事业单位医疗支出" in r.out
    assert "项 in last year's file only (本年 0.00, so that its fall is explained): 2101103 公务员医疗补助" in r.out
    items = {i.code: i for i in accounts.items(load_with_empty(new)[0])}
    assert (items["2101199"].prior, items["2101199"].current) == (0, load(XIJI).general_budget.functions[1]
                                                                 .items[0].items[1].current)
    assert (items["2101103"].prior, items["2101103"].current) == (items["2101199"].current, 0)
    assert UNREVIEWED in items["2101103"].budget_reason


def test_tables_in_another_unit_are_refused(cli, tmp_path):
    new = tmp_path / "2025.yaml"
    r = cli("init", new, "--from", CHANGJI, "--tables", _tables(cli, XIJI, tmp_path / "t"))
    assert r.code == 1 and "the tables are in 元 and last year's file in 万元" in r.err and not new.exists()


def test_a_carried_three_public_reason_is_held_to_its_sums(cli, changji_copy):
    """The “三公” total and 公务用车 are sums of their parts (no `current` of their own)."""
    line = edit(changji_copy, "  reason: &fuel 本年因业务需求", f"  reason: &fuel {UNREVIEWED}本年因业务需求")
    r = cli("check", changji_copy)
    assert f"{line}: warning REASON-STALE: three_public.reason is last year's text, not yet reviewed " \
           "(上年 3.28 → 本年 7.65)" in r.out, r.out
    edit(changji_copy, "stated_current: 7.65", "stated_current: 3.00")
    r = cli("check", changji_copy)
    assert f"{line}: error REASON-STALE: three_public.reason, carried from last year, says 增加 but the figure " \
           "fell: 上年 3.28 → 本年 3.00" in r.out, r.out


def test_a_file_that_leaves_records_out_rolls_forward_as_it_is(cli, tmp_path):
    """The stand-alone “三公” page holds only `three_public:`: next year's file holds only it too (each
    本年 becomes the 上年, the figures empty), and check names what to fill in, not the absent records."""
    r = cli("init", tmp_path / "2025.yaml", "--from", ROOT / "data" / "three-public-example-2024.yaml")
    assert r.code == 0, r.err
    rolled = load_with_empty(tmp_path / "2025.yaml", OPTIONAL_RECORDS)[0]
    last = load(ROOT / "data" / "three-public-example-2024.yaml", OPTIONAL_RECORDS)
    assert rolled.income is None and rolled.general_budget is None
    assert rolled.three_public.vehicles.operation.prior == last.three_public.vehicles.operation.current
    check = cli("check", tmp_path / "2025.yaml")
    assert check.code == 1 and "error EMPTY: three_public.vehicles.operation.current is not filled in yet" in check.out
    assert "MISSING" not in check.out + check.err and "`income:`" not in check.out      # no absent record asked for
