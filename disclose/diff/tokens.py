"""Chinese-aware tokens for comparing sentences.

A figure is one token (`1,222.68`, `2.91%`, `-5.00%`), never split into digits; every
other Chinese character is a token of its own; Latin words are tokens.  So
`增加12.52万元，增长2.91%` against `增加8.10万元，增长1.83%` differs in exactly two tokens.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

FIGURE = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_TOKEN = re.compile(FIGURE.pattern + r"|[A-Za-z]+|\s+|.", re.S)


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text)


def is_figure(token: str) -> bool:
    return bool(FIGURE.fullmatch(token))


def value(token: str) -> Decimal | None:
    """The number a figure token stands for (a percentage as its number of percent)."""
    try:
        return Decimal(token.rstrip("%").replace(",", ""))
    except InvalidOperation:
        return None


def mask(text: str) -> str:
    """The text with its figures replaced by #: what a sentence says, whatever its numbers."""
    return FIGURE.sub("#", text)


@dataclass(frozen=True)
class Op:
    kind: str          # "equal", "delete" or "insert"
    text: str


def diff(old: str, new: str) -> list[Op]:
    """The changes from old to new, token by token (deletions before insertions)."""
    a, b = tokenize(old), tokenize(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(Op("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(Op("insert", "".join(b[j1:j2])))
    return ops


@dataclass(frozen=True)
class FigureChange:
    context: str       # the words before the figure in the new text
    old: str
    new: str

    @property
    def difference(self) -> str:
        a, b = value(self.old), value(self.new)
        if a is None or b is None:
            return ""
        d = b - a
        unit = " pp" if self.new.endswith("%") and self.old.endswith("%") else ""
        places = max(-d.as_tuple().exponent if isinstance(d.as_tuple().exponent, int) else 0, 0)
        return f"{d:+,.{min(places, 2) or 0}f}{unit}" if places else f"{d:+,}{unit}"


def figure_changes(old: str, new: str) -> list[FigureChange]:
    """Each figure of `old` that became another figure in `new`, with the words before it."""
    a, b = tokenize(old), tokenize(new)
    out: list[FigureChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "replace":
            continue
        olds = [t for t in a[i1:i2] if is_figure(t)]
        news = [t for t in b[j1:j2] if is_figure(t)]
        if len(olds) == len(news):
            for o, n in zip(olds, news):
                out.append(FigureChange(context_before(b, j1), o, n))
    return out


def context_before(tokens: list[str], index: int, width: int = 10) -> str:
    """The words just before a position, back to the previous punctuation or figure."""
    words: list[str] = []
    for t in reversed(tokens[max(0, index - width):index]):
        if is_figure(t) or t in "，。；：,;:（）()、":
            break
        words.append(t)
    return "".join(reversed(words)).strip()
