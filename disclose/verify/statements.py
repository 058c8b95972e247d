"""The figures of a sentence as a reader writes them: amounts (`1,239.70万元`, `5.48 万元`,
`7,143,754.56 元`), percentages (`17.70%`, `１７．７０％`) and the words around them.

`normal()` folds full-width digits, signs and punctuation to one width and drops the spaces a
PDF puts between digits and units, so one set of patterns reads every source.  An amount
keeps its text (for the separators and decimals it was printed with) and its `Decimal`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..numbers import decimals

_WIDE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")   # digits and signs; CJK punctuation stays
NUMBER = r"\d[\d,]*(?:\.\d+)?"
AMOUNT = re.compile(rf"({NUMBER})(万元|元)")
PERCENT = re.compile(rf"({NUMBER})%")


def normal(text: str) -> str:
    """One width, no spaces around figures: `2024 年度收入总计 7,143,754.56 元` → `2024年度收入总计7,143,754.56元`."""
    text = text.translate(_WIDE).replace(",", "，").replace("，", "，")
    text = re.sub(r"(?<=\d)，(?=\d{3}(?:\D|$))", ",", text)     # a thousands separator stays ASCII
    text = re.sub(r"(?<=[\d%])\s+(?=[^\s\da-zA-Z])|(?<=[^\s\da-zA-Z])\s+(?=\d)", "", text)
    return re.sub(r"(?<=\d)\s+(?=[\d%万元])", "", text)


@dataclass(frozen=True)
class Figure:
    text: str           # as printed: `1,239.70`
    value: Decimal
    start: int          # position in the normalised sentence
    end: int
    unit: str = ""      # 万元, 元, or % for a percentage

    @property
    def places(self) -> int:
        return decimals(self.value)

    @property
    def grouped(self) -> bool:
        return "," in self.text


def _figure(m: re.Match, unit: str) -> Figure | None:
    text = m.group(1)
    if re.search(r",\d{0,2}(?:\.|$)|,\d{4,}", text):     # 1,23.70 or 12,3456: not a number a person printed
        return None
    return Figure(text, Decimal(text.replace(",", "")), m.start(), m.end(), unit)


def amounts(text: str) -> list[Figure]:
    return [f for m in AMOUNT.finditer(text) if (f := _figure(m, m.group(2))) is not None]


def percents(text: str) -> list[Figure]:
    return [f for m in PERCENT.finditer(text) if (f := _figure(m, "%")) is not None]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised paragraph (ended by 。)."""
    out, start = [], 0
    for m in re.finditer("。", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out
