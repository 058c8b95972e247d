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
