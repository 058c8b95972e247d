"""The data file's field reference, written from the model itself (`disclose fields`).

The README carries this text; a test keeps the two equal, so the manual cannot drift
from the code.
"""
from __future__ import annotations

import types
import typing
from dataclasses import MISSING, is_dataclass
from typing import Annotated, Union, get_args, get_origin, get_type_hints

from .model import OPTIONAL_RECORDS, Disclosure
from .schema import Kind, key_of, model_fields


def _describe(hint) -> tuple[str, object | None]:
    """A readable type for the table, and the record class it holds (if any)."""
    origin = get_origin(hint)
    if origin is Annotated:
        base, kind = get_args(hint)[0], get_args(hint)[1]
        return (kind.name if isinstance(kind, Kind) else base.__name__), None
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        return _describe(args[0])
    if origin is list:
        inner, cls = _describe(get_args(hint)[0])
        return f"list of {inner}", cls
    if origin is dict:
        inner, cls = _describe(get_args(hint)[1])
        return f"mapping of name → {inner}", cls
    if origin is typing.Literal:
        return " or ".join(str(a) for a in get_args(hint)), None
    if is_dataclass(hint):
        return hint.__name__, hint
    return getattr(hint, "__name__", str(hint)), None


def field_reference(root=Disclosure) -> str:
    lines: list[str] = []
    seen: set = set()
    queue = [("(top level)", root)]
    while queue:
        title, cls = queue.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        doc = (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ and not cls.__doc__.startswith(
            cls.__name__ + "(") else ""
        lines.append(f"#### `{cls.__name__}` {('— ' + doc) if doc else ''}".rstrip())
        lines.append(f"Used at: {title}")
        lines.append("")
        lines.append("| key | kind | required | meaning |")
        lines.append("|---|---|---|---|")
        hints = get_type_hints(cls, include_extras=True)
        for f in model_fields(cls):
            kind, sub = _describe(hints[f.name])
            required = "yes" if f.default is MISSING and f.default_factory is MISSING else "no"
            if cls is root and f.name in OPTIONAL_RECORDS:
                required = "where printed"      # a record of the accounts: needed by the document that prints it
            if required == "no" and f.default not in (MISSING, None) and not isinstance(f.default, (list, dict)):
                required = f"no (default {f.default})"
            meaning = f.metadata.get("doc", "").replace("|", "\\|")
            lines.append(f"| `{key_of(f)}` | {kind} | {required} | {meaning} |")
            if sub is not None:
                queue.append((f"`{key_of(f)}` of `{cls.__name__}`", sub))
        lines.append("")
    lines.append("*where printed*: a record of the accounts the file may leave out when its document prints "
                 "nothing of it (a stand-alone “三公” page needs only `three_public`); a document that prints it "
                 "reports it as NEEDED (see *A partial document*).")
    lines.append("")
    lines.append("Kinds: *amount* ≥ 0 with at most two decimals, in the file's `amount_unit` (thousands "
                 "commas allowed); *number* ≥ 0, any decimals; *count* a whole number ≥ 0; *code* digits "
                 "(write them in quotes); *text* one paragraph (line breaks are folded); *clause* a text that a "
                 "sentence ends — leave its final 。 out; or a list of such texts, one clause each (一是…；二是…: "
                 "the template numbers them); *block* a table cell whose line breaks are kept.")
    return "\n".join(lines) + "\n"
