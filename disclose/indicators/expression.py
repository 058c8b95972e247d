"""The formula of an indicator: arithmetic on named figures, parsed here, never by Python.

    formula  := sum
    sum      := product (('+' | '-') product)*
    product  := unary (('*' | '/') unary)*
    unary    := '-' unary | atom
    atom     := NUMBER | NAME | 'abs' '(' sum ')' | '(' sum ')'
    NAME     := a dotted name of the data, e.g. expenditure.project.full_budget

An indicator file comes from someone else (a province's style folder, `--indicators FILE`),
so its formulas are data: this recursive-descent parser admits the four operations,
brackets, `abs(…)`, decimal numbers and names — anything else (a call, an attribute of
Python, a string, `**`) is a `FormulaError` naming the column. A formula is at most
`MAX_LENGTH` characters and `MAX_DEPTH` brackets deep. Evaluation is `Decimal` throughout;
a division goes through `numbers.ratio`, so nothing divides by zero (the style's zero-base
values stand in, and the evaluation says so).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Union

from ..numbers import ZeroBase, exact, ratio

MAX_LENGTH = 500
MAX_DEPTH = 20
FUNCTIONS = ("abs",)

_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)"
                    r"|(?P<op>[-+*/()]))")


class FormulaError(ValueError):
    def __init__(self, message: str, column: int):
        super().__init__(message)
        self.column = column          # 1-based, in the formula's text


@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Negate:
    operand: "Node"


@dataclass(frozen=True)
class Abs:
    operand: "Node"


@dataclass(frozen=True)
class Binary:
    op: str
    left: "Node"
    right: "Node"


Node = Union[Number, Name, Negate, Abs, Binary]


def _tokens(text: str):
    """The formula's tokens (kind, text, 1-based column), read as the parser asks for them: the
    first thing that is not arithmetic is the one reported."""
    pos = 0
    while text[pos:].strip():
        m = _TOKEN.match(text, pos)
        if m is None:
            start = len(text) - len(text[pos:].lstrip())
            raise FormulaError(f"`{text[start]}` is not part of a formula (names, numbers, + - * / ( ) and abs(…) "
                               "only)", start + 1)
        kind = m.lastgroup
        yield kind, m.group(kind), m.start(kind) + 1
        pos = m.end()
    yield "end", "", len(text) + 1


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.next = next(self.tokens)
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.next

    def take(self) -> tuple[str, str, int]:
        token = self.next
        if token[0] != "end":
            self.next = next(self.tokens)
        return token

    def expect(self, value: str) -> None:
        kind, text, col = self.take()
        if text != value or kind != "op":
            raise FormulaError(f"expected `{value}` but found {_what(kind, text)}", col)

    def sum(self) -> Node:
        node = self.product()
        while self.peek()[1] in ("+", "-") and self.peek()[0] == "op":
            op = self.take()[1]
            node = Binary(op, node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
            op = self.take()[1]
            if self.peek()[1] in ("*", "/") and self.peek()[0] == "op":
                raise FormulaError(f"`{op}{self.peek()[1]}` is not an operation", self.peek()[2] - 1)
            node = Binary(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek()[0] == "op" and self.peek()[1] == "-":
            self.take()
            return Negate(self.unary())
        return self.atom()

    def nested(self, col: int) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"brackets nested more than {MAX_DEPTH} deep", col)
        node = self.sum()
        self.expect(")")
        self.depth -= 1
        return node

    def atom(self) -> Node:
        kind, text, col = self.take()
        if kind == "number":
            return Number(Decimal(text))
        if kind == "name":
            if self.peek()[0] == "op" and self.peek()[1] == "(":
                if text not in FUNCTIONS:
                    raise FormulaError(f"`{text}(…)` is not allowed: the only function is abs(…)", col)
                self.take()
                return Abs(self.nested(col))
            return Name(text)
        if kind == "op" and text == "(":
            return self.nested(col)
        raise FormulaError(f"expected a name, a number or `(` but found {_what(kind, text)}", col)


def _what(kind: str, text: str) -> str:
    return "the end of the formula" if kind == "end" else f"`{text}`"


def parse(text: str) -> Node:
    """The formula's tree, or a FormulaError (with the column) for anything but arithmetic on names."""
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"the formula has {len(text)} characters; at most {MAX_LENGTH}", MAX_LENGTH + 1)
    parser = _Parser(text)
    node = parser.sum()
    kind, rest, col = parser.peek()
    if kind != "end":
        raise FormulaError(f"unexpected {_what(kind, rest)} after a complete formula", col)
    return node


def names(node: Node) -> list[str]:
    """The names a formula reads, in order, each once."""
    out: list[str] = []

    def visit(n: Node) -> None:
        if isinstance(n, Name):
            if n.name not in out:
                out.append(n.name)
        elif isinstance(n, (Negate, Abs)):
            visit(n.operand)
        elif isinstance(n, Binary):
            visit(n.left)
            visit(n.right)

    visit(node)
    return out


def evaluate(node: Node, value_of: Callable[[str], Decimal], zero: ZeroBase,
             zero_divisions: list[str] | None = None) -> Decimal:
    """The formula's value, unrounded (34 digits, as `numbers.divide`); `value_of` gives each name's
    figure. A division by zero takes the style's zero-base value and is noted in `zero_divisions`."""
    with exact():
        return _evaluate(node, value_of, zero, zero_divisions)


def _evaluate(node: Node, value_of, zero: ZeroBase, zero_divisions: list[str] | None) -> Decimal:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        return value_of(node.name)
    if isinstance(node, Negate):
        return -_evaluate(node.operand, value_of, zero, zero_divisions)
    if isinstance(node, Abs):
        return abs(_evaluate(node.operand, value_of, zero, zero_divisions))
    left = _evaluate(node.left, value_of, zero, zero_divisions)
    right = _evaluate(node.right, value_of, zero, zero_divisions)
    if node.op == "+":
        return left + right
    if node.op == "-":
        return left - right
    if node.op == "*":
        return left * right
    if right == 0 and zero_divisions is not None:
        zero_divisions.append(text(node.right))
    return ratio(left, right, zero)


def text(node: Node) -> str:
    """The formula written back (for messages)."""
    if isinstance(node, Number):
        return f"{node.value}"
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Negate):
        return f"-{text(node.operand)}"
    if isinstance(node, Abs):
        return f"abs({text(node.operand)})"
    return f"({text(node.left)} {node.op} {text(node.right)})"
