"""README's walkthrough, run as a user runs it: last year's file and this year's tables give
this year's draft (`init`), `check` lists what is left to do, the finished file builds, and
`diff` shows what changed. The unit, 示例县文化馆, and its figures are invented:
data/demo-2023.yaml (last year), data/demo-2024公开表.xlsx (this year's nine tables, standing
for the 决算 software's export) and data/demo-2024.yaml (the finished result).

Every command and every line of output the walkthrough quotes is asserted here; once the
walkthrough is in README.md, `test_the_readme_quotes_what_the_commands_print` also runs the
section's commands and finds each quoted line in their output."""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROOT, line_of
from disclose import accounts
from disclose.load import load, load_with_empty
from disclose.model import UNREVIEWED

README = ROOT / "README.md"
HEADING = "### A walkthrough: from last year's file to this year's document"
DEMO = ["demo-2023.yaml", "demo-2024.yaml", "demo-2024公开表.xlsx"]
TITLE = "示例县文化馆2024年度部门决算公开说明"

INIT = ("init", "2024.yaml", "--from", "data/demo-2023.yaml", "--tables", "data/demo-2024公开表.xlsx")
INIT_PRINTS = (
    "wrote 2024.yaml: 22 figures to fill in, 29 reasons and explanations to review; "
    "`disclose check 2024.yaml` lists them\n"
    "项 new this year (上年 0.00): 2070199 其他文化和旅游支出\n"
    "项 in last year's file only (本年 0.00, so that its fall is explained): 2070111 文化创作与保护\n")

EMPTY_HINT = "enter this year's figure from the 决算 tables, or delete the key"
# the carried reason of 2070108 文化活动 says 增加; the figure fell from 45.00 to 38.00
CONTRADICTION = (
    "2024.yaml:112: error REASON-STALE: general_budget.functions[1].items[1].items[1].reason, carried from "
    "last year, says 增加 but the figure fell: 上年 45.00 → 本年 38.00: 本年举办“村晚”群众文化活动，活动经费增加 "
    f"— rewrite the reason for this year's figures and delete {UNREVIEWED}")
CHECK_QUOTES = [
    f"2024.yaml:18: error EMPTY: overview.staff.active.current is not filled in yet — {EMPTY_HINT}",
    CONTRADICTION,
    "2024.yaml:121: warning REASON-STALE: general_budget.functions[1].items[1].items[2].reason is last year's "
    "text, not yet reviewed (上年 168.40 → 本年 176.80): 本年在职人员增加，工资标准调整，人员经费增加 — check it "
    f"against the figures, rewrite it if needed, and delete {UNREVIEWED}",
    "2024.yaml:122: error REASON-MISSING: 其他文化和旅游支出(2070199) has no `reason` for its change against "
    "last year (0.00 → 12.00) — add `reason: …` (its 主要原因) to the 项",
    f"2024.yaml:250: error EMPTY: operating_costs.current is not filled in yet — {EMPTY_HINT}",
]
CHECK_SUMMARY = "27 errors, 25 warnings, 0 notes"

LEFT_TO_DO = [
    "2024.yaml → data/demo-2024.yaml",
    "  ~ 1.文化旅游体育与传媒支出(类)文化和旅游(款)文化活动(项)：支出决算数为38.00万元，比上年决算减少7.00万元，"
    f"下降15.56%，主要原因是：[-{UNREVIEWED}-]本年[-举办-]“村晚”[-群众文化-]活动{{+改由乡镇承办+}}，{{+县级+}}"
    "活动经费[-增加-]{+减少+}。",
    "21 changed, 0 added, 0 removed (paragraphs and table rows); 26 figures moved",
]
FINISHED_CHECK = ("data/demo-2024.yaml:84: info PRIOR-ITEMS: 其他文化和旅游支出(2070199) is new this year "
                  "(not in last year's file)\n0 errors, 0 warnings, 1 note\n")
BUILD_PRINTS = "".join(f"wrote out/{TITLE}.{ext}\n" for ext in ("txt", "docx", "xlsx"))
YEAR_TO_YEAR = [
    "data/demo-2023.yaml → data/demo-2024.yaml",
    "  + 3.文化旅游体育与传媒支出(类)文化和旅游(款)其他文化和旅游支出(项)：支出决算数为12.00万元，比上年决算增加"
    "12.00万元，增长100.00%，主要原因是：本年新增非遗展演补助经费。",
    "93 changed, 5 added, 4 removed (paragraphs and table rows); 249 figures moved; "
    "0 reasons repeated from last year",
]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder holding data/ with the three demo files, as the repository's root does."""
    (tmp_path / "data").mkdir()
    for name in DEMO:
        shutil.copy(DATA / name, tmp_path / "data" / name)
    return tmp_path


@pytest.fixture
def drafted(cli, folder) -> Path:
    r = cli(*INIT, cwd=folder)
    assert (r.code, r.out, r.err) == (0, INIT_PRINTS, "")
    return folder


def test_the_demo_files_say_they_are_invented():
    for name in ("demo-2023.yaml", "demo-2024.yaml"):
        header = (DATA / name).read_text(encoding="utf-8").split("\nunit:")[0]
        assert "示例县文化馆" in header and "an invented unit; its figures are made up" in header, name


def test_check_lists_what_is_left_to_do(cli, drafted):
    r = cli("check", "2024.yaml")
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[-1] == CHECK_SUMMARY
    for quoted in CHECK_QUOTES:
        assert quoted in lines, quoted
    # init's two counts are check's: one EMPTY per figure to fill in, one REASON-STALE per reason
    assert sum(" EMPTY: " in line for line in lines) == 22
    assert sum(" REASON-STALE: " in line for line in lines) == 29
    # four carried reasons say 增加 where the figure fell: errors, the other 25 warnings
    assert sum(" error REASON-STALE: " in line for line in lines) == 4
    # every 本年 the tables hold is filled in: only 机关运行经费, which no table holds, is not
    assert [line.split(": ")[2].split()[0] for line in lines if "本年 not filled in yet" in line] == \
        ["operating_costs.reason"]


def test_a_carried_reason_that_contradicts_the_figures_is_an_error(cli, drafted):
    r = cli("check", "2024.yaml")
    assert r.code == 1 and CONTRADICTION in r.out.splitlines()
    assert line_of(drafted / "2024.yaml", f"reason: \"{UNREVIEWED}本年举办“村晚”群众文化活动") == 112
    # last year the same words were right: 40.00 → 45.00
    assert "本年举办“村晚”群众文化活动，活动经费增加" in (DATA / "demo-2023.yaml").read_text(encoding="utf-8")


def _tree(data) -> list[tuple]:
    """类 and 款 as printed, by code."""
    return [(x.code, x.current) for lei in data.general_budget.functions for x in [lei, *lei.items]]


def _three_public(t, column: str) -> list:
    return [accounts.three_public_column(t, column), getattr(t.abroad, column), accounts.vehicles_column(t, column),
            getattr(t.vehicles.purchase, column), getattr(t.vehicles.operation, column), getattr(t.reception, column)]


def test_the_tables_fill_this_years_figures_and_last_year_the_prior_ones(drafted):
    draft, _ = load_with_empty(drafted / "2024.yaml")
    done, last = load(DATA / "demo-2024.yaml"), load(DATA / "demo-2023.yaml")
    # this year's figures, from the nine tables: the finished file's, 项 by code
    def by_code(d):
        return {i.code: (i.name, i.current, i.basic, i.project, i.income, i.spending) for i in accounts.items(d)}
    assert by_code(draft) == by_code(done)
    assert by_code(draft)["2070111"][1:] == (0, 0, 0, None, None)     # gone: 0.00, no 公开02/03 rows
    assert _tree(draft) == _tree(done)
    assert accounts.income_parts(draft.income) == accounts.income_parts(done.income)
    assert accounts.expenditure_parts(draft.expenditure) == accounts.expenditure_parts(done.expenditure)
    assert accounts.income_totals(draft.income) == accounts.income_totals(done.income)
    assert accounts.expenditure_totals(draft.expenditure) == accounts.expenditure_totals(done.expenditure)
    assert accounts.grand_totals(draft) == accounts.grand_totals(done)
    assert (draft.income.carryover_start, draft.expenditure.carryover_end) == \
        (done.income.carryover_start, done.expenditure.carryover_end)
    assert (draft.fiscal.carryover_start, draft.fiscal.carryover_end) == \
        (done.fiscal.carryover_start, done.fiscal.carryover_end)
    assert draft.basic.economic == done.basic.economic
    assert accounts.personnel_and_public(draft.basic) == accounts.personnel_and_public(done.basic)
    assert accounts.basic_total(draft.basic) == accounts.basic_total(done.basic)
    for column in ("current", "budget"):
        assert _three_public(draft.three_public, column) == _three_public(done.three_public, column), column

    # every 上年 is 2023's 本年 (and the finished file's 上年); a 项 new in 2024 starts at 0.00
    priors = {i.code: i.prior for i in accounts.items(draft)}
    assert priors == {i.code: i.prior for i in accounts.items(done)}
    assert priors == {**{i.code: i.current for i in accounts.items(last)}, "2070199": 0}
    assert draft.overall.prior_total == done.overall.prior_total == accounts.grand_totals(last)[0]
    assert draft.fiscal.prior_total == done.fiscal.prior_total == accounts.fiscal_total_in(last)
    assert draft.operating_costs.prior == done.operating_costs.prior == last.operating_costs.current
    assert _three_public(draft.three_public, "prior") == _three_public(done.three_public, "prior") == \
        _three_public(last.three_public, "current")
    for kind in ("active", "retired_cadres", "retired"):
        assert getattr(draft.overview.staff, kind).prior == getattr(done.overview.staff, kind).prior == \
            getattr(last.overview.staff, kind).current, kind


def test_diff_against_the_finished_file_shows_what_is_left(cli, drafted):
    r = cli("diff", "2024.yaml", "data/demo-2024.yaml")
    assert r.code == 0
    lines = r.out.splitlines()
    for quoted in LEFT_TO_DO:
        assert quoted in lines, quoted
    assert lines[-1] == LEFT_TO_DO[-1]
    assert CONTRADICTION in r.err       # the draft's check errors, printed as notes


def test_the_finished_file_checks_and_builds(cli, folder):
    r = cli("check", "data/demo-2024.yaml", "--prior", "data/demo-2023.yaml", cwd=folder)
    assert (r.code, r.out) == (0, FINISHED_CHECK)
    r = cli("build", "data/demo-2024.yaml", "-o", "out")
    assert (r.code, r.out) == (0, BUILD_PRINTS), r.err
    assert sorted(p.name for p in (folder / "out").iterdir()) == [f"{TITLE}.{ext}" for ext in ("docx", "txt", "xlsx")]
    assert all((folder / "out" / f"{TITLE}.{ext}").stat().st_size > 0 for ext in ("docx", "txt", "xlsx"))


def test_diff_between_the_years(cli, folder):
    r = cli("diff", "data/demo-2023.yaml", "data/demo-2024.yaml", cwd=folder)
    assert r.code == 0 and r.err == ""
    lines = r.out.splitlines()
    for quoted in YEAR_TO_YEAR:
        assert quoted in lines, quoted
    assert lines[-1] == YEAR_TO_YEAR[-1]


# --- README.md's walkthrough, once it is there --------------------------------------------------

def _section(text: str) -> str | None:
    if HEADING not in text:
        return None
    rest = text[text.index(HEADING) + len(HEADING):]
    end = re.search(r"^#{1,3} ", rest, re.M)
    return rest[: end.start()] if end else rest


def _quoted(line: str, output: list[str]) -> bool:
    """A quoted output line is a line of the output, or, abridged with …, its pieces in order."""
    if line in output:
        return True
    pieces = [p for p in line.split("…") if p.strip()]
    return bool(pieces) and any(re.search(".*".join(map(re.escape, pieces)), o) for o in output)


RUN = {INIT, ("check", "2024.yaml"), ("diff", "2024.yaml", "data/demo-2024.yaml"),
       ("check", "data/demo-2024.yaml", "--prior", "data/demo-2023.yaml"),
       ("build", "data/demo-2024.yaml", "-o", "out"), ("diff", "data/demo-2023.yaml", "data/demo-2024.yaml")}


def test_the_readme_quotes_what_the_commands_print(cli, folder):
    section = _section(README.read_text(encoding="utf-8"))
    if section is None:
        pytest.skip(f"README.md has no {HEADING!r} yet")
    blocks: list[tuple[tuple[str, ...], list[str]]] = []      # (command, the lines quoted after it)
    quoting = False
    for line in section.splitlines():
        if line.startswith("    $ "):
            words = shlex.split(line[6:], comments=True)
            assert words[0] == "disclose", line
            blocks.append((tuple(words[1:]), []))
            quoting = True
        elif line.startswith("    ") and quoting:
            if line.strip() != "…":
                blocks[-1][1].append(line[4:].rstrip())
        elif line.strip():
            quoting = False                                     # prose: the block has ended
    commands = [c for c, _ in blocks]
    assert commands and commands[0] == INIT and set(commands) <= RUN, commands
    for command, quoted in blocks:
        r = cli(*command, cwd=folder)
        output = (r.out + r.err).splitlines()
        missing = [q for q in quoted if not _quoted(q, output)]
        assert not missing, (command, missing)


def test_adapting_to_your_province(tmp_path, cli):
    """README's *Adapting to your province*: its two files, as printed there, make the paragraph it
    starts from and move “三公” last with every heading ending in “。”."""
    import re
    import textwrap

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index("### Adapting to your province"):readme.index("## Speed")]
    files, lines = {}, part.splitlines()
    for n, line in enumerate(lines):
        if line.strip().startswith(("# my-province/", "{# my-province/")):
            indent = len(line) - len(line.lstrip())
            block = [line]
            for more in lines[n + 1:]:
                if more.strip() and len(more) - len(more.lstrip()) < indent:
                    break
                block.append(more)
            files[line.split("my-province/")[1].split()[0]] = textwrap.dedent("\n".join(block).rstrip() + "\n")
    assert sorted(files) == ["s01_totals.j2", "style.yaml"]
    mine = tmp_path / "my-province"
    mine.mkdir()
    for name, text in files.items():
        (mine / name).write_text(text, encoding="utf-8")
    r = cli("build", ROOT / "data" / "changji-2024.yaml", "-o", tmp_path / "out", "--formats", "txt",
            "--templates", mine)
    assert r.code == 0, r.err
    lines = next((tmp_path / "out").glob("*.txt")).read_text(encoding="utf-8").splitlines()
    start = part.split("\n    一、收入支出决算总体情况说明。\n    ")[1].split("……")[0]
    i = lines.index("一、收入支出决算总体情况说明。")
    assert lines[i + 1].startswith(start), lines[i + 1]
    body = lines[lines.index("第二部分 部门决算情况说明"):lines.index("第三部分 专业名词解释")]
    headings = [line for line in body if re.match(r"^[一二三四五六七八九十]+、.*。$", line) and len(line) < 40]
    assert len(headings) == 12 and headings[-1] == "十二、财政拨款“三公”经费支出决算情况说明。"
    assert "增长100%" in "\n".join(lines) and "增长100.00%" not in "\n".join(lines)
