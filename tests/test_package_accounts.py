"""Issue 13: the Hunan package's 附件一 from the one set of accounts.  Where the file has the
disclosure's records, 附件一's “三公” parts, 项目支出, 公用经费 and 政府采购金额 come from them (through
the ledger); typed again under `evaluation.cost_control` they must be the same figures (EVAL-ACCOUNTS);
a file for the package alone types them (seed 001, whose golden file is unchanged)."""
import pytest

from conftest import DATA, FIXTURES, GOLDEN, line_of

BOTH = FIXTURES / "package-accounts-2024.yaml"
STEM = "示例县医疗保障局2024年度部门整体支出绩效自评"

# 附件一's 经费控制情况 as the accounts of the fixture give it (上年决算数, 本年预算数, 本年决算数)
ANNEX_ONE = [
    "三公经费：\t2.8\t\t3.2\t\t3",
    "1、公务用车购置和维护经费\t2.2\t\t2.6\t\t2.5",
    "其中：公车购置\t0\t\t0\t\t0",
    "公车运行维护\t2.2\t\t2.6\t\t2.5",
    "2、出国经费\t0\t\t0\t\t0",
    "3、公务接待\t0.6\t\t0.6\t\t0.5",
    "项目支出：\t30\t\t20\t\t24",
    "1、业务工作经费\t30\t\t20\t\t24",
    "2、运行维护经费",
    "3、工资福利支出",
    "4、省级专项资金（每个专项一行）",
    "……",
    "公用经费\t7.5\t\t9\t\t8",
    "其中：办公经费\t2.5\t\t3\t\t3",
    "水费、电费、差旅费",
    "会议费、培训费",
    "政府采购金额\t——\t\t6\t\t5",
]

# the same figures typed under `evaluation.cost_control`, as a file for the package alone types them
TYPED = """  cost_control:
    three_public:
      purchase: {prior: 0, budget: 0, current: 0}
      operation: {prior: 2.2, budget: 2.6, current: 2.5}
      abroad: {prior: 0, budget: 0, current: 0}
      reception: {prior: 0.6, budget: 0.6, current: 0.5}
    projects:
      business: {prior: 30, budget: 20, current: 24}
      stated: {prior: 30, budget: 20, current: 24}
    public:
      prior: 7.5
      budget: 9
      current: 8
      office: {prior: 2.5, budget: 3, current: 3}
    procurement: {budget: 6, current: 5}
"""
LINKED_ROWS = """  cost_control:
    projects:
      business: {prior: 30, budget: 20, current: 24}
    public:
      office: {prior: 2.5, budget: 3, current: 3}
"""


def _write(tmp_path, text: str, name: str = "p.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _both(tmp_path, old: str = "", new: str = ""):
    """The fixture with 附件一's figures typed as well, `old` replaced by `new`."""
    text = BOTH.read_text(encoding="utf-8").replace(LINKED_ROWS, TYPED)
    assert old in text
    return _write(tmp_path, text.replace(old, new, 1) if old else text)


def _package_alone(tmp_path):
    """The typed file without the disclosure's records (`income:` … `performance:`)."""
    text = BOTH.read_text(encoding="utf-8").replace(LINKED_ROWS, TYPED)
    start, end = text.index("\nincome:"), text.index("\nevaluation:")
    return _write(tmp_path, text[:start] + text[end:], "alone.yaml")


def _annex_one(cli, path, tmp_path) -> list[str]:
    out = tmp_path / f"out-{path.stem}"
    r = cli("build", path, "-o", out, "--text-only")
    assert r.code == 0, r.err
    lines = (out / f"{STEM}.txt").read_text(encoding="utf-8").splitlines()
    first = lines.index(next(line for line in lines if line.startswith("三公经费：")))
    return lines[first:first + len(ANNEX_ONE)]


def test_the_fixture_needs_its_linked_rows_replaced():
    assert BOTH.read_text(encoding="utf-8").count(LINKED_ROWS) == 1


def test_a_file_with_only_the_disclosure_records_fills_annex_one_from_them(cli, tmp_path):
    assert _annex_one(cli, BOTH, tmp_path) == ANNEX_ONE


def test_typed_twice_or_alone_gives_the_same_annex_one(cli, tmp_path):
    both, alone = _both(tmp_path), _package_alone(tmp_path)
    assert _annex_one(cli, both, tmp_path) == ANNEX_ONE
    assert _annex_one(cli, alone, tmp_path) == ANNEX_ONE
    r = cli("check", both)
    assert r.code == 0 and r.out.splitlines()[-1] == "0 errors, 0 warnings, 0 notes", r.out


@pytest.mark.parametrize("old,new,typed,accounts,message", [
    ("reception: {prior: 0.6, budget: 0.6, current: 0.5}", "reception: {prior: 0.6, budget: 0.6, current: 0.6}",
     "reception: {prior: 0.6, budget: 0.6, current: 0.6}", "  reception: {current: 0.5",
     "附件一 公务接待 本年决算数 is typed as 0.60 here but the accounts give 0.50"),
    ("      prior: 7.5\n      budget: 9\n", "      prior: 7.5\n      budget: 9.5\n", "      budget: 9.5",
     "    public: {prior: 7.5, budget: 9}", "附件一 公用经费 本年预算数 is typed as 9.50 here but the accounts give 9.00"),
    ("stated: {prior: 30, budget: 20, current: 24}", "stated: {prior: 31, budget: 20, current: 24}",
     "stated: {prior: 31", "    project: {prior: 30, budget: 20}",
     "附件一 项目支出 上年决算数 is typed as 31.00 here but the accounts give 30.00"),
    ("procurement: {budget: 6, current: 5}", "procurement: {budget: 6, current: 5.01}",
     "procurement: {budget: 6, current: 5.01}", "  stated_total: 5\n",
     "附件一 政府采购金额 本年决算数 is typed as 5.01 here but the accounts give 5.00"),
])
def test_a_contradiction_is_reported_with_both_lines(cli, tmp_path, old, new, typed, accounts, message):
    path = _both(tmp_path, old, new)
    here, there = line_of(path, typed), line_of(path, accounts)
    r = cli("check", path)
    assert r.code == 1
    errors = [line for line in r.out.splitlines() if " error " in line]
    assert errors == [f"{path}:{here}: error EVAL-ACCOUNTS: {message} at line {there} — the package prints the "
                      "accounts' figure: delete this one, or correct the one that is wrong"]
    assert cli("build", path, "-o", tmp_path / "out", "--text-only").code == 1
    assert not (tmp_path / "out").exists()


def test_the_accounts_total_holds_the_kinds_of_projects(cli, tmp_path):
    path = _write(tmp_path, BOTH.read_text(encoding="utf-8").replace(
        "business: {prior: 30, budget: 20, current: 24}", "business: {prior: 30, budget: 20, current: 25}"))
    r = cli("check", path)
    assert f"{path}:{line_of(path, '  project: 24')}: error EVAL-PROJECTS: 附件一 项目支出 本年决算数 is stated as " \
           "24.00 but 业务工作经费 add up to 25.00" in r.out


def test_spending_adds_up_to_the_accounts_kinds(cli, tmp_path):
    path = _write(tmp_path, BOTH.read_text(encoding="utf-8").replace('project: {"302": 24}', 'project: {"302": 25}'))
    part = line_of(path, 'project: {"302": 25}')
    r = cli("check", path)
    assert f"{path}:{line_of(path, '  project: 24')}: error EVAL-ACCOUNTS: the accounts' 项目支出 (expenditure.project) " \
           "is stated as 24.00 but spending.project 商品和服务支出（302） add up to 25.00 — correct the total, or the part " \
           f"that is wrong (line {part}); more than rounding can explain (0.005)" in r.out


def test_accounts_given_in_part_are_refused(cli, tmp_path):
    text = (DATA / "hengshan-2024.yaml").read_text(encoding="utf-8")
    three_public = BOTH.read_text(encoding="utf-8")
    start = three_public.index("\nthree_public:")
    end = three_public.index("\noperating_costs:")
    path = _write(tmp_path, text.replace("\nevaluation:", three_public[start:end] + "\n\nevaluation:", 1))
    r = cli("check", path)
    assert r.code == 1
    assert f"{path}:{line_of(path, 'three_public:')}: error EVAL-ACCOUNTS: the file has the accounts' " \
           "`three_public` but not `income`, `expenditure`, `fiscal`, `general_budget`, `basic`, `operating_costs`, " \
           "`procurement`: 附件一 reads its figures from the whole accounts — add the records it lacks, or type " \
           "附件一's figures under evaluation.cost_control instead (a file for the package alone)" in r.out


def test_verify_reads_the_built_package_cleanly(cli):
    r = cli("verify", GOLDEN / "hengshan-2024.txt")
    assert r.code == 0
    assert r.out.splitlines()[-1].startswith("0 errors, 0 warnings")


def test_indicators_read_a_full_file_with_the_package(cli):
    r = cli("indicators", BOTH)
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert "C21                “三公”经费控制率    93.75%             ≤100%      5.00 / 5" in lines     # 3 / 3.2
    assert "procurement        政府采购执行率      83.33%                        —" in lines        # 5 / 6


def test_indicators_of_a_file_for_the_package_alone_name_what_it_lacks(cli):
    r = cli("indicators", DATA / "hengshan-2024.yaml")
    assert r.code == 1
    assert ("B31 支出预算执行率 is not evaluated: `expenditure:` (`expenditure.total`) is not given — add "
            "`expenditure:` with its figures to the file") in r.out
    assert "no indicator could be evaluated: the file lacks the records they read" in r.err


def test_the_readme_lists_the_links_as_the_code_has_them():
    from conftest import ROOT
    from disclose.derive.evaluation import LINKS

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("<!-- package-links:start -->"):text.index("<!-- package-links:end -->")]
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| 附件一")]
    assert rows == [f"| {k.name} | `{k.row}` | `{k.line}` | `{k.budget}` |" for k in LINKS]


def test_the_lines_of_public_are_held_to_the_accounts_public(cli, tmp_path):
    path = _write(tmp_path, BOTH.read_text(encoding="utf-8").replace(
        "office: {prior: 2.5, budget: 3, current: 3}", "office: {prior: 2.5, budget: 3, current: 9}"))
    r = cli("check", path)
    assert r.code == 1
    assert f"{path}:{line_of(path, 'office: {prior')}: error EVAL-PUBLIC: 附件一 办公经费 本年决算数 9.00 is more than " \
           "公用经费 8.00" in r.out
