"""A self-evaluation form (绩效自评表) recomputed with the styles' score rules (`scoring.py`):
each indicator's 完成率 and 指标得分."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...errors import ERROR
from ...numbers import quantize
from ..statements import percents
from .base import Statement, fmt, judge_rate, number, table_rule

_FORM_COLUMNS = {"target": ("目标值", "年度指标值", "指标值"), "actual": ("业绩值", "实际完成值", "完成值"),
                 "completion": ("完成率",), "weight": ("权重", "分值"), "score": ("指标得分", "得分"),
                 "rule": ("赋分规则",)}


def find_columns(header: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Where each kind of column is, by the first of its names a cell of `header` is."""
    found: dict[str, int] = {}
    for key, names in columns.items():
        for name in names:
            at = next((i for i, c in enumerate(header) if c.strip() == name), None)
            if at is not None:
                found[key] = at
                break
    return found


@table_rule("FORM-SCORE", ERROR, "a self-evaluation form's 完成率 (业绩值 ÷ 目标值) and 指标得分 (by its 赋分规则, "
            "as the shipped styles score)", "完成率 at its printed decimals, half up; 得分 to the cent; rows whose "
            "赋分规则 or values the styles cannot score are skipped")
def form_score(rows: list[list[str]], rounded: bool) -> Iterator[tuple[int, Statement]]:
    from ... import scoring
    from ...style import DEFAULT, load

    settings = None
    columns: dict[str, int] = {}
    for i, row in enumerate(rows):
        found = find_columns(row, _FORM_COLUMNS)
        if {"target", "actual", "completion"} <= set(found):
            columns = found
            continue
        if not columns or max(columns.values()) >= len(row):
            continue
        target, actual = row[columns["target"]].strip(), row[columns["actual"]].strip()
        printed = percents(row[columns["completion"]].strip())
        if not target or not actual or not printed:
            continue
        settings = settings or load(DEFAULT).settings
        result = scoring.outcome(target, actual, list(settings.scoring.met_phrases), settings.zero)
        if result.completion is None:
            continue
        kind, shown = judge_rate(printed[-1], result.completion * 100, Decimal(100))
        what = f"{target} → {actual}"
        if printed[-1].places == 0 and kind and quantize(result.completion * 100, 2).normalize() == printed[-1].value:
            kind = None         # a completion printed trimmed (100% for 100.00%)
        yield i, Statement("FORM-SCORE", what, f"{actual} ÷ {target} = {shown}", ERROR if kind else None,
                           f"完成率{printed[-1].text}% — {actual} against {target} is {shown}" if kind else "")
        if "weight" not in columns or "score" not in columns or "rule" not in columns:
            continue
        method = settings.scoring.rules.get(row[columns["rule"]].strip())
        weight, stated = number(row[columns["weight"]]), number(row[columns["score"]])
        if method is None or weight is None or stated is None:
            continue
        expected = scoring.score(method, weight, result, settings.scoring.floor)
        if expected is None:
            continue
        ok = stated == expected
        at = f"{quantize(result.completion * 100, 2)}%"
        yield i, Statement("FORM-SCORE", what, f"{row[columns['rule']].strip()} of {fmt(weight)} at {at} = "
                           f"{fmt(expected)}", None if ok else ERROR,
                           "" if ok else f"得分{row[columns['score']].strip()} — {row[columns['rule']].strip()} "
                           f"gives {fmt(expected)} of {fmt(weight)} at {at}")
