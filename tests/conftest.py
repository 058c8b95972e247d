"""Shared helpers: the example data, a CLI runner, and small data files written per test."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from disclose.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
GOLDEN = ROOT / "golden"
FIXTURES = Path(__file__).parent / "fixtures"
CHANGJI = DATA / "changji-2024.yaml"
CHANGJI_TITLE = "昌吉回族自治州医疗保障局2024年度部门决算公开说明"


class Run:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run `disclose ARGS…` in-process; returns exit code, stdout and stderr."""

    def run(*args, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def changji_copy(tmp_path) -> Path:
    """A copy of the Changji data file that a test may edit."""
    target = tmp_path / "changji-2024.yaml"
    shutil.copy(CHANGJI, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a data file; returns the 1-based line of the first change."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# The charts Sichuan prints (provinces.md §5), listed on the xinjiang style in a --templates
# folder: (section, part or None, chart, title, after).
XINJIANG_CHARTS = [
    (0, None, "totals_change", "收、支决算总计变动情况", None),
    (1, None, "income_structure", "收入决算结构", None),
    (2, None, "expenditure_structure", "支出决算结构", None),
    (3, None, "fiscal_change", "财政拨款收、支决算总计变动情况", None),
    (4, 0, "general_budget_change", "一般公共预算财政拨款支出决算变动情况", None),
    (4, 1, "general_budget_structure", "一般公共预算财政拨款支出决算结构", None),
    (8, None, "three_public_structure", "“三公”经费财政拨款支出结构", 1),
]


def chart_templates(folder: Path, charts=XINJIANG_CHARTS, extra: dict | None = None) -> Path:
    """A --templates folder whose style.yaml lists `charts` on the shipped xinjiang sections."""
    import yaml

    shipped = yaml.safe_load((ROOT / "templates" / "xinjiang" / "style.yaml").read_text(encoding="utf-8"))
    items = shipped["sections"]["items"]
    for section, part, chart, title, after in charts:
        where = items[section] if part is None else items[section]["parts"][part]
        entry = {"chart": chart, "title": title} | ({"after": after} if after is not None else {})
        where.setdefault("charts", []).append(entry)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.yaml").write_text(yaml.safe_dump({"sections": {"items": items}} | (extra or {}),
                                                      allow_unicode=True), encoding="utf-8")
    return folder
