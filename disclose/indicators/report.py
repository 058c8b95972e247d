"""The evaluated indicators as a text table, as JSON and as a workbook (XlsxWriter)."""
from __future__ import annotations

import io
import json
import unicodedata
from decimal import Decimal

from ..numbers import HUNDRED, quantize
from .evaluate import Evaluated, total

HEAD = ("code", "indicator", "value", "last year", "benchmark", "score / weight")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _number(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:f}"


def score_text(r: Evaluated) -> str:
    if r.value is None:
        return "skipped (see its note)"
    if r.score is None:
        return "—" if r.spec.score is None or r.spec.score.rule == "none" else "not scored (see its note)"
    return f"{_number(r.score)} / {_number(r.spec.weight)}"


def _rate(r: Evaluated) -> str:
    return "" if r.rate is None else f"{quantize(r.rate * HUNDRED, 2):f}%"


def text(results: list[Evaluated], header: str) -> str:
    rows = [HEAD] + [(r.spec.code, r.spec.name, r.text(r.shown), r.text(r.prior_shown) if r.prior_inputs else "",
                      r.spec.benchmark, score_text(r)) for r in results]
    widths = [max(_width(row[c]) for row in rows) for c in range(len(HEAD))]
    out = [header, ""]
    out += ["  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    scored, weight = total(results)
    count = len([r for r in results if r.score is not None])
    out.append(f"scored: {_number(scored)} of {_number(weight)} ({count} indicator{'s' * (count != 1)})")
    for r in results:
        out += ["", f"{r.spec.code} {r.spec.name} = {r.spec.formula}"]
        names = max((len(f.name) for f in r.inputs + r.prior_inputs), default=0)
        out += [f"    {f.name.ljust(names)}  {_number(f.value):>12}  {f.label}" for f in r.inputs + r.prior_inputs]
        if r.shown is not None:
            line = f"    = {r.text(r.shown)}"
            if r.prior_shown is not None:
                line += f" (last year {r.text(r.prior_shown)})"
            out.append(line + (f"; score {score_text(r)} ({_rate(r)})" if r.score is not None else ""))
        if r.spec.rule_text:
            out.append(f"    评分标准: {r.spec.rule_text}")
        out += [f"    note: {n}" for n in r.notes]
    return "\n".join(out) + "\n"


def as_dict(r: Evaluated) -> dict:
    figure = lambda f: {"name": f.name, "label": f.label, "value": _number(f.value) if f.value is not None else None,
                        **({"missing": f"{f.loc}: {f.hint}"} if f.value is None else {})}
    return {
        "code": r.spec.code, "name": r.spec.name, "formula": r.spec.formula, "unit": r.spec.unit,
        "direction": r.spec.direction, "benchmark": r.spec.benchmark, "weight": _number(r.spec.weight),
        "inputs": [figure(f) for f in r.inputs],
        "value": _number(r.shown) if r.shown is not None else None,
        "last_year": {"inputs": [figure(f) for f in r.prior_inputs],
                      "value": _number(r.prior_shown) if r.prior_shown is not None else None} if r.prior_inputs else None,
        "score": _number(r.score) if r.score is not None else None,
        "score_rate": _rate(r) or None,
        "rule": r.spec.rule_text, "source": r.spec.source, "notes": r.notes,
    }


def to_json(results: list[Evaluated], file: str, prior: str | None) -> str:
    scored, weight = total(results)
    return json.dumps({"file": file, "prior": prior, "indicators": [as_dict(r) for r in results],
                       "total": {"score": _number(scored), "weight": _number(weight)}},
                      ensure_ascii=False, indent=2) + "\n"


COLUMNS = ("指标编码", "指标名称", "计算公式", "取值", "指标值", "上年值", "标杆值", "权重", "得分", "得分率", "评分标准",
           "说明")
WIDTHS = (10, 18, 40, 50, 12, 12, 12, 8, 8, 10, 60, 60)


def workbook(results: list[Evaluated], title: str) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet("指标")
    sheet.write(0, 0, title, bold)
    for c, (name, width) in enumerate(zip(COLUMNS, WIDTHS)):
        sheet.write(1, c, name, bold)
        sheet.set_column(c, c, width, wrap)
    for i, r in enumerate(results, 2):
        inputs = "\n".join(f"{f.label}（{f.name}）= {_number(f.value)}" for f in r.inputs + r.prior_inputs)
        sheet.write_row(i, 0, [r.spec.code, r.spec.name, r.spec.formula, inputs, r.text(r.shown),
                               r.text(r.prior_shown) if r.prior_inputs else "", r.spec.benchmark,
                               _number(r.spec.weight), score_text(r) if r.score is None else _number(r.score),
                               _rate(r), r.spec.rule_text, "\n".join(r.notes)], wrap)
    sheet.freeze_panes(2, 0)
    book.close()
    return buffer.getvalue()
