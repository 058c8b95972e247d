"""What every rule of `disclose verify` shares: the `Statement` a rule yields, the three
registries (sentences, tables, the whole document), the document as the rules read it, and
the judgement of a printed rate against the arithmetic of `numbers` (half-up `quantize`,
the rounding tolerance) — the one implementation `derive` and `check` use."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Callable, Iterator

from ...numbers import HUNDRED, divide, quantize
from ..statements import AMOUNT, Figure

A = AMOUNT.pattern
P = r"(\d[\d,]*(?:\.\d+)?)%"


@dataclass
class Statement:
    rule: str
    text: str                       # the statement as printed
    check: str                      # what was recomputed, e.g. `4.37 ÷ (7.65 − 4.37) = 133.23%`
    severity: str | None = None     # None: it holds
    message: str = ""
    zero_base: Decimal | None = None    # a 0-of-0 rate as printed (ZERO-BASE compares them)
    skipped: bool = False           # recognised but not read (`check` says why): listed by --explain


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str
    tolerance: str
    run: Callable


RULES: list[Rule] = []              # run(text) → Statements, over each paragraph
TABLE_RULES: list[Rule] = []        # run(rows, rounded) → (row index, Statement), over each table
DOCUMENT_RULES: list[Rule] = []     # run(Document) → (place, sentence, Statement), once per document


def _registrar(registry: list[Rule]):
    def decorator(id: str, severity: str, description: str, tolerance: str):
        def register(func):
            registry.append(Rule(id, severity, description, tolerance, func))
            return func
        return register
    return decorator


rule = _registrar(RULES)
table_rule = _registrar(TABLE_RULES)
document_rule = _registrar(DOCUMENT_RULES)


# --- the document as the document rules read it ---------------------------------------------------------

@dataclass
class Text:
    """A paragraph: where it is, the heading it sits under, as printed and normalised, its figures."""
    place: str
    heading: str
    raw: str
    text: str
    percents: list[Figure]
    amounts: list[Figure]


@dataclass
class Grid:
    """A table: where it is, the 公开NN and the title printed above it, its cells, its 金额单位."""
    place: str
    number: str                     # `04` from 公开04表 (or 公开 04 表), "" when none is printed
    title: str                      # the centred line above it (财政拨款收入支出决算总表), "" when none
    rows: list[list[str]]
    unit: str                       # 万元, 元 or ""

    @property
    def rounded(self) -> bool:
        return self.unit == "万元"


@dataclass
class Document:
    texts: list[Text]
    grids: list[Grid]
    year: int | None                # the title's year
    statements: list[tuple[str, Statement]] = field(default_factory=list)   # the sentence rules' (place, …)


# --- shared arithmetic ----------------------------------------------------------------------------------

def fmt(value: Decimal) -> str:
    return f"{value:,f}"


def judge_rate(printed: Figure, numerator: Decimal, denominator: Decimal) -> tuple[str | None, str]:
    """(None or the problem's kind, the recomputed rate as text) for a printed percentage."""
    if denominator == 0:
        return None, "no base (0)"
    exact = divide(HUNDRED * numerator, denominator)
    places = printed.places
    expected = quantize(exact, places)
    shown = rate_text(numerator, denominator, places)
    if printed.value == expected:
        return None, shown
    if printed.value == exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN):
        return "TRUNCATED", shown
    return "wrong", shown


def rate_text(numerator: Decimal, denominator: Decimal, places: int) -> str:
    """numerator ÷ denominator as a percentage rounded half up to `places` decimals: `147.73%`."""
    return f"{quantize(divide(HUNDRED * numerator, denominator), places):.{places}f}%"


def clause_start(text: str, end: int) -> int:
    """Where the clause holding position `end` begins: after the last 。, ； or 其中： before it."""
    cut = max(text.rfind("。", 0, end), text.rfind("；", 0, end), text.rfind(";", 0, end))
    inner = text.rfind("其中：", 0, end)
    return max(cut + 1, inner + 3 if inner >= 0 else 0)


_CELL = re.compile(r"^-?\d[\d,]*(?:\.\d+)?$")


def number(cell: str) -> Decimal | None:
    """A table cell's figure (`1,222.68`, `-3.00`), or None for text and blanks."""
    text = cell.strip().replace("，", ",")
    return Decimal(text.replace(",", "")) if _CELL.match(text) else None
