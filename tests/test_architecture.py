"""The layout the README's *Where each kind of change goes* promises: no import cycle, no
module over 450 lines, and each sum of the accounts written once (`accounts.py`), so that the
figure a sentence prints is the one a rule checks."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT
from disclose import accounts
from disclose.load import load
from disclose.pipeline import resolve_style
from disclose.derive import derive

PACKAGE = ROOT / "disclose"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "classification" not in p.parts)


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The disclose modules this one imports when it is imported (not inside functions)."""
    here = _name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")
            base = base[:len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if (ROOT / sub.replace(".", "/")).with_suffix(".py").exists()
                          or (ROOT / sub.replace(".", "/")).is_dir() else target)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("disclose"):
            found.add(node.module)
    return found - {here}


def test_no_import_cycle():
    graph = {_name(p): _imports(p) for p in MODULES}
    done: set[str] = set()

    def visit(node: str, path: list[str]):
        if node in path:
            pytest.fail("import cycle: " + " → ".join(path[path.index(node):] + [node]))
        if node in done or node not in graph:
            return
        for nxt in graph[node]:
            visit(nxt, path + [node])
        done.add(node)

    for module in graph:
        visit(module, [])
    assert "disclose.derive.tables" in graph["disclose.derive"]      # the graph is read at all


def test_no_module_is_over_450_lines():
    long = {_name(p): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not long, f"split these modules: {long}"


# The arithmetic of each sum of the accounts, as it was written out in check, derive and the
# tables before `accounts.py` (each pattern matches those old lines), and the one function
# that now computes it. Outside accounts.py none of them may come back.
SUMS = {
    "财政拨款收入": (r"general_budget\s*\+\s*[\w.]*government_fund", "fiscal_income"),
    "财政拨款收入总计": (r"carryover_start\s*\+\s*[\w.]*(income|general_budget)\b", "fiscal_total_in"),
    "本年财政拨款支出": (r"expenditure for \w+ in \(\w*\.?government_fund", "fiscal_spending"),
    "the 类/款/项 flattening": (r"for \w+ in \w+\.items for \w+ in \w+\.items", "items"),
    "公务用车 = 购置 + 运行维护": (r"purchase\.current\s*\+\s*[\w.]*operation\.current", "vehicles_column"),
    "a 项's 基本 = 本年 − 项目": (r"\.current\s*-\s*[\w.]*project\b", "item_split"),
    "政府采购 = 货物 + 工程 + 服务": (r"goods,\s*[\w.]*works,\s*[\w.]*services\]", "procurement_total"),
    "人员经费/公用经费 by economic group": (r"group\.get\(c\) == \"人员经费\"", "economic_group"),
}


@pytest.mark.parametrize("what", SUMS)
def test_each_sum_is_written_once(what):
    pattern, function = re.compile(SUMS[what][0]), SUMS[what][1]
    assert callable(getattr(accounts, function))
    places = [f"{p.relative_to(ROOT)}:{i}" for p in MODULES if p.name != "accounts.py"
              for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not places, f"{what} is written out again; call accounts.{function}: {places}"


@pytest.mark.parametrize("example", ["changji-2024.yaml", "xiji-2024.yaml"])
def test_the_totals_the_sentences_print_are_the_ones_the_rules_check(example):
    data = load(ROOT / "data" / example)
    v = derive(data, resolve_style(data, None, None))
    this_in, grand_in = accounts.income_totals(data.income)
    this_out, grand_out = accounts.expenditure_totals(data.expenditure)
    printed_and_checked = [
        (v.income.total.current, this_in), (v.income.grand_total.current, grand_in),
        (v.expenditure.total.current, this_out), (v.expenditure.grand_total.current, grand_out),
        (v.income.fiscal.current, accounts.fiscal_income(data.income)),
        (v.fiscal.income.current, accounts.fiscal_income(data.income)),
        (v.fiscal.spending.current, accounts.fiscal_spending(data)),
        (v.fiscal.total_in.current, accounts.fiscal_total_in(data)),
        (v.fiscal.total_out.current, accounts.fiscal_total_out(data)),
        (v.general_budget.current, accounts.general_budget_spending(data)),
        (v.basic.total.current, accounts.basic_total(data.basic)),
        (v.three_public.current, accounts.three_public_column(data.three_public, "current")),
        (v.three_public.vehicles.current, accounts.vehicles_column(data.three_public, "current")),
        (v.procurement.total.current, accounts.procurement_total(data.procurement)),
        (v.assets.vehicle_count, accounts.vehicle_count(data.assets.vehicles)),
        (v.tables.t04.spending.total, accounts.fiscal_spending(data)),
        (v.tables.t05.total.total, accounts.general_budget_spending(data)),
    ]
    assert [a for a, _ in printed_and_checked] == [b for _, b in printed_and_checked]


def test_a_cold_check_imports_no_writer():
    """`disclose check` needs neither the outputs' libraries nor what xml.sax.saxutils and
    importlib.resources drag in (each costs a cold start milliseconds: README *Speed*)."""
    import subprocess
    import sys

    script = ("import sys\nfrom disclose.cli import main\n"
              "try:\n    main(['check', 'data/changji-2024.yaml'])\nexcept SystemExit:\n    pass\n"
              "print(sorted(sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    modules = set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))
    loaded = {m.split(".")[0] for m in modules}
    heavy = {"docx", "docxcompose", "xlsxwriter", "matplotlib", "rich", "lxml", "openpyxl", "python_calamine", "http",
             "email", "importlib_resources"}
    assert loaded & heavy == set()
    assert "urllib.request" not in modules and "xml" not in loaded and "importlib.resources" not in modules


def test_every_package_is_installed():
    """pyproject lists the packages by hand (templates/ is mapped in): a subpackage left out is missing
    from a plain `pip install .` (disclose.verify.rules was, and `disclose verify` failed there)."""
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in Python 3.11 and later")
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "disclose").rglob("__init__.py")}
    assert found | {"disclose.templates"} == listed
