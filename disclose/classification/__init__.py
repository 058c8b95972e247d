"""The shipped classification tables (部门支出经济分类, the 类 of the 支出功能分类)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    group: str = ""

    @property
    def level(self) -> str:
        """'class' for a 3-digit 类, 'item' for a 5-digit 款."""
        return "class" if len(self.code) == 3 else "item"


def _read(name: str) -> list[Entry]:
    text = (Path(__file__).parent / name).read_text(encoding="utf-8")   # not importlib.resources: 5 ms of imports
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [Entry(*row) for row in rows]


@functools.cache
def economic() -> dict[str, Entry]:
    """部门支出经济分类: code → entry, in the order of the 基本支出决算明细表."""
    return {e.code: e for e in _read("economic.tsv")}


@functools.cache
def functional_classes() -> dict[str, str]:
    """支出功能分类 类: code → name."""
    return {e.code: e.name for e in _read("functional_classes.tsv")}
