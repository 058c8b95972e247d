"""`disclose variables`: what a template receives, as dotted names with example values.

Template authors read this instead of the code: every name printed here can be used in
a template (`{{ general_budget.items[0].change|change }}`); anything else is an error.
"""
from __future__ import annotations

from decimal import Decimal

from ..view import Missing, View
from ..numbers import Change

WIDTH = 60


def describe(value) -> str:
    if isinstance(value, Missing):
        return f"missing: {value.what}"
    if isinstance(value, Change):
        return (f"Change: current {value.current}, base {value.base}, diff {value.diff}, direction "
                f"{value.direction} (use |change; .rate, .completion, .amount, .from_zero)")
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return f"figure {text[:12] + '… (a ratio: use |percent)' if len(text) > 14 else text}"
    if isinstance(value, bool):
        return f"flag {value}"
    if isinstance(value, int):
        return f"count {value}"
    if isinstance(value, str):
        text = value if len(value) <= WIDTH else value[:WIDTH] + "…"
        return f"text {text!r}"
    if value is None:
        return "none (not given)"
    return type(value).__name__


def walk(value, path: str, out: list[str], depth: int = 0) -> None:
    if depth > 8:
        return
    if isinstance(value, View):
        for key, child in value.__dict__.items():
            if key == "source":
                continue
            walk(child, f"{path}.{key}" if path else key, out, depth + 1)
    elif isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        first = next(iter(value))
        out.append(f"{path}  mapping of {len(value)} ({', '.join(list(value)[:6])}{'…' if len(value) > 6 else ''})")
        walk(value[first], f'{path}["{first}"]', out, depth + 1)
    elif isinstance(value, (list, tuple)):
        out.append(f"{path}  list of {len(value)}")
        if value:
            walk(value[0], f"{path}[0]", out, depth + 1)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, (Change, Missing)):
        for key in value.__dataclass_fields__:
            if key != "meta":
                walk(getattr(value, key), f"{path}.{key}", out, depth + 1)
    else:
        out.append(f"{path}  {describe(value)}")


def variables(view: View, settings) -> str:
    out: list[str] = []
    walk(view, "", out)
    out.append("settings  the style's settings (style.yaml), e.g. settings.compare.items "
               f"= {settings.compare.items!r}, settings.amounts.unit = {settings.amounts.unit!r}")
    return "\n".join(out) + "\n"
