"""Rules of the lines' bases: a stated 上年, 年初预算 or 全年预算 of a total against its parts', at
every level the ledger knows (收入, 支出, 财政拨款, 类/款/项, 经济分类, “三公”, 政府采购), and a
base given in two places."""
from __future__ import annotations

from ..errors import ERROR
from ..ledger import COLUMNS, WHAT
from .rules import Context, Part, fmt, rule


@rule("LINE-SUMS", ERROR, "a stated 上年, 年初预算 or 全年预算 of a total equals the sum of its parts', at every level")
def line_sums(ctx: Context):
    book = ctx.ledger
    for path, e in book.items():
        if not e.parts:
            continue
        for column in COLUMNS:
            g = e.given.get(column)
            if g is None or g.value is None:
                continue
            parts = [leaf for p in e.parts for leaf in _stated_parts(book, p, column)]
            yield from ctx.sum_check_at(g.loc, f"{e.name}的{WHAT[column]}", g.value, parts)


def _stated_parts(book, path: str, column: str) -> list[Part]:
    """The part as stated, or — when the file leaves its base out — the parts it sums, down to
    the lines that state it: the error then names the lines a person would correct."""
    e = book[path]
    given = e.given.get(column)
    if given is not None and given.value is not None or not e.parts:
        return [(e.name, book.base(path, column), given.loc if given else e.home)]
    return [leaf for p in e.parts for leaf in _stated_parts(book, p, column)]


@rule("LINE-TWICE", ERROR, "a line's 上年, 预算 or reason is given in one place only")
def line_twice(ctx: Context):
    for e in ctx.ledger.values():
        for column, first, second in e.twice:
            yield ctx.problem(first.loc, f"{e.name}的{WHAT[column]} is given twice: {fmt(first.value)} here and "
                              f"{fmt(second.value)} at line {second.loc.line}",
                              "keep one of them (the `compare:` entry or the field of the record)",
                              related=[second.loc])
