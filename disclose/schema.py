"""Build typed dataclasses from located YAML nodes.

The model (`model.py`) is plain dataclasses whose fields carry a one-line doc and,
through `Annotated`, the kind of value they hold (an amount, a count, a clause…).
`build()` walks a node against a class, converting every scalar, and collects every
problem — unknown keys with a did-you-mean, missing fields, text where a number
belongs — so that the user sees them all at once, each with its line.
"""
from __future__ import annotations

import difflib
import functools
import re
import types
import typing
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from decimal import Decimal
from functools import partial
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from .errors import Location, Problem
from .numbers import decimals, parse_decimal
from .source import BOOL, FLOAT, INT, Map, Node, Scalar, Seq


# --- kinds of value -----------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    name: str
    what: str            # how the error message names it
    example: str         # what the hint suggests


AMOUNT = Kind("amount", "an amount", "an amount such as 1239.70")
NUMBER = Kind("number", "a number", "a number such as 12.5")
SIGNED = Kind("signed", "a number", "a number such as -10 or 95")
COUNT = Kind("count", "a whole number", "a whole number such as 3")
CODE = Kind("code", "a classification code", 'digits in quotes, e.g. "2101501"')
TEXT = Kind("text", "a text", "a text on one line")
CLAUSE = Kind("clause", "a text", "a text; the sentence around it adds the final 。")
BLOCK = Kind("block", "a text", "a text (a `|` block keeps its line breaks)")

Amount = Annotated[Decimal, AMOUNT]     # ≥ 0, at most two decimals
Number = Annotated[Decimal, NUMBER]     # ≥ 0, any decimals (areas, weights)
Signed = Annotated[Decimal, SIGNED]     # any sign, any decimals (the bounds of an indicator's band)
Count = Annotated[int, COUNT]           # ≥ 0
Code = Annotated[str, CODE]
Text = Annotated[str, TEXT]             # one paragraph; line breaks are folded away
Clause = Annotated[str, CLAUSE]         # a reason or content that a sentence ends
Block = Annotated[str, BLOCK]           # a table cell; line breaks are kept


def spec(doc: str, default: Any = MISSING, *, key: str | None = None, choices: tuple = (),
         keys: tuple = (), default_factory: Any = MISSING, limits: tuple[int, int] | None = None):
    """A model field: its doc (printed in the README's field reference) and options:
    `choices` of a text, `keys` a mapping may use, `limits` (lowest, highest) of a count."""
    meta = {"doc": doc, "key": key, "choices": choices, "keys": keys, "limits": limits}
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata=meta)
    return field(default=default, metadata=meta)


class Clauses(str):
    """A clause given as a list of clauses (一是…；二是…): the text is the clauses joined by ；
    (what checks and `diff` read), `items` the clauses themselves (what the `clauses` filter
    gives a template to number in the style's words)."""

    items: tuple[str, ...]

    def __new__(cls, items):
        obj = super().__new__(cls, "；".join(items))
        obj.items = tuple(items)
        return obj


class LocatedList(list):
    """A list from the file that remembers the line of each item."""

    locs: list


class LocatedDict(dict):
    """A mapping from the file that remembers the line of each key."""

    locs: dict


@dataclass
class Meta:
    loc: Location
    keys: dict[str, Location]


@dataclass(init=False, repr=False, eq=False)
class Record:
    """Base of every model class: remembers where it and each of its keys were written."""

    meta: Meta | None = field(default=None, repr=False, compare=False, kw_only=True)

    def __init__(self, **values: Any) -> None:
        # One generic keyword initialiser instead of one generated (exec'd) per class: the 60
        # record classes of the model and the style are built at every start of the program.
        for name, default, factory in _initialiser(type(self)):
            if name in values:
                value = values.pop(name)
            elif factory is not MISSING:
                value = factory()
            elif default is not MISSING:
                value = default
            else:
                raise TypeError(f"{type(self).__name__}() missing keyword argument {name!r}")
            setattr(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword arguments {sorted(values)}")

    def __repr__(self) -> str:
        inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in model_fields(type(self)))
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in model_fields(type(self)))

    __hash__ = None         # mutable, like a dataclass with eq

    def loc(self, name: str | None = None) -> Location:
        if self.meta is None:
            return Location("<memory>")
        if name is None:
            return self.meta.loc
        return self.meta.keys.get(name, self.meta.loc)

    def given(self, name: str) -> bool:
        """Whether the file wrote this key (as opposed to taking the default)."""
        return self.meta is not None and name in self.meta.keys


def key_of(f) -> str:
    return f.metadata.get("key") or f.name


@functools.cache
def _initialiser(cls) -> tuple:
    return tuple((f.name, f.default, f.default_factory) for f in fields(cls))


@functools.cache
def model_fields(cls) -> tuple:
    return tuple(f for f in fields(cls) if f.name != "meta")


@functools.cache
def type_hints(cls) -> dict:
    """The class's field types, evaluated once (they are strings under `from __future__`)."""
    return get_type_hints(cls, include_extras=True)


# --- the builder ----------------------------------------------------------------------

class Unfilled(Decimal):
    """A figure left empty in a file rolled forward (`disclose init`): it counts as 0, and rules
    that compare it (REASON-STALE) know it is not this year's figure yet."""


class Builder:
    def __init__(self, amount_places: int = 2, empty_figures: bool = False, optional: frozenset = frozenset()):
        self.problems: list[Problem] = []
        # `optional`: required fields of the top level that this reading does without (a document
        # that is not the disclosure needs only some of them: `pipeline.load_checked`)
        self.optional = optional
        self.amount_places = amount_places
        # `empty_figures`: an amount or count left empty (a file rolled forward by `disclose init`
        # before this year's figures are in) is reported as EMPTY and read as 0, so that every
        # other rule can still run; the problem is an error all the same.
        self.empty_figures = empty_figures

    def error(self, loc: Location, rule: str, message: str, hint: str) -> None:
        self.problems.append(Problem(loc, rule, message, hint))

    def _empty(self, node: Node, where: str) -> None:
        self.error(node.loc, "EMPTY", f"{where} is not filled in yet",
                   "enter this year's figure from the 决算 tables, or delete the key")

    def build(self, cls, node: Node, where: str, at: Location | None = None):
        """A record of `cls` from a mapping; `at` is the line of the key that holds it."""
        hints = type_hints(cls)
        label = where or "the file's top level"
        if not isinstance(node, Map):
            self.error(node.loc, "TYPE", f"{label} must be a mapping of `key: value` lines",
                       f"indent its fields under `{where.split('.')[-1]}:`" if where else
                       "start the file with `unit: …`, `year: …` lines")
            return None
        known = {key_of(f): f for f in model_fields(cls)}
        values: dict[str, Any] = {}
        suggested: set[str] = set()     # a misspelt key: its field is not also reported missing
        for key, kloc, value in node.entries:
            f = known.get(key)
            if f is None:
                close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
                suggested.update(close)
                hint = (f"did you mean `{close[0]}`?" if close else
                        f"the keys here are: {', '.join(known)}")
                self.error(kloc, "UNKNOWN-KEY", f"unknown key `{key}` in {label}", hint)
                continue
            converted = self.convert(hints[f.name], value, f"{where}.{key}" if where else key, f, kloc)
            if converted is not _BAD:
                values[f.name] = converted
        present = set(node.keys())
        missing = [f for f in model_fields(cls)
                   if f.name not in values and key_of(f) not in present
                   and f.default is MISSING and f.default_factory is MISSING
                   and not (not where and f.name in self.optional)]
        for f in missing:
            if key_of(f) in suggested:
                continue
            self.error(at or node.loc, "MISSING", f"{label} has no `{key_of(f)}` ({f.metadata.get('doc', '')})",
                       f"add `{key_of(f)}:` under it" if where else f"add a line `{key_of(f)}: …`")
        if missing or any(key_of(f) in present and f.name not in values for f in model_fields(cls)):
            return None
        if not where:
            values.update({f.name: None for f in model_fields(cls) if f.name not in values and f.name in self.optional})
        obj = cls(**values)
        obj.meta = Meta(at or node.loc, {k: loc for k, loc, _ in node.entries})
        return obj

    def convert(self, hint, node: Node, where: str, f=None, at: Location | None = None):
        origin = get_origin(hint)
        if origin is Annotated:
            base, kind = get_args(hint)[0], get_args(hint)[1]
            return self.scalar(base, kind, node, where, f)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(hint) if a is not type(None)]
            if isinstance(node, Scalar) and node.is_null:
                if self.empty_figures and get_origin(args[0]) is Annotated and \
                        get_args(args[0])[1] in (AMOUNT, NUMBER, COUNT):
                    self._empty(node, where)            # an optional figure whose key waits for it
                return None
            return self.convert(args[0], node, where, f, at)
        if origin is list:
            (item,) = get_args(hint)
            if isinstance(node, Scalar) and node.is_null:
                return []
            if not isinstance(node, Seq):
                self.error(node.loc, "TYPE", f"{where} must be a list", "write one `- item` per line under it")
                return _BAD
            out = LocatedList()
            out.locs = []
            for i, child in enumerate(node.items):
                value = self.convert(item, child, f"{where}[{i + 1}]", f)
                if value is not _BAD and value is not None:
                    out.append(value)
                    out.locs.append(child.loc)
            return out if len(out) == len(node.items) else _BAD
        if origin is dict:
            _, item = get_args(hint)
            if not isinstance(node, Map):
                self.error(node.loc, "TYPE", f"{where} must be a mapping", "write `name: value` lines under it")
                return _BAD
            out = LocatedDict()
            out.locs = {}
            bad = False
            allowed = f.metadata.get("keys") if f is not None else ()
            for key, kloc, child in node.entries:
                if allowed and key not in allowed:
                    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
                    self.error(kloc, "UNKNOWN-KEY", f"unknown key `{key}` in {where}",
                               f"did you mean `{close[0]}`?" if close else f"the keys here are: {', '.join(allowed)}")
                    bad = True
                    continue
                value = self.convert(item, child, f"{where}.{key}", f, kloc)
                if value is _BAD:
                    bad = True
                    continue
                out[key] = value
                out.locs[key] = kloc
            return _BAD if bad else out
        if origin is typing.Literal:
            return self.literal(get_args(hint), node, where)
        if is_dataclass(hint):
            built = self.build(hint, node, where, at)
            return _BAD if built is None else built
        if hint is bool:
            if isinstance(node, Scalar) and node.tag == BOOL:
                return node.text.lower() in ("true", "yes", "on")
            self.error(node.loc, "TYPE", f"{where} must be true or false", "write `true` or `false`")
            return _BAD
        if hint is int:
            return self.scalar(int, COUNT, node, where, f)
        if hint is str:
            return self.scalar(str, TEXT, node, where, f)
        raise TypeError(f"schema cannot build {hint!r} at {where}")  # pragma: no cover

    def clauses(self, node: Seq, where: str, f):
        """A clause written as a list, one clause per item (a reason of several clauses)."""
        items = [self.scalar(str, CLAUSE, child, f"{where}[{i + 1}]", None) for i, child in enumerate(node.items)]
        return _BAD if any(item is _BAD for item in items) else Clauses(items)

    def literal(self, choices, node: Node, where: str):
        if isinstance(node, Scalar) and node.text in choices:
            return node.text
        got = node.text if isinstance(node, Scalar) else "a list or mapping"
        self.error(node.loc, "TYPE", f"{where} is `{got}`, which is not one of: {', '.join(map(str, choices))}",
                   f"write one of: {', '.join(map(str, choices))}")
        return _BAD

    def scalar(self, base, kind: Kind, node: Node, where: str, f):
        if kind is CLAUSE and isinstance(node, Seq) and node.items:
            return self.clauses(node, where, f)
        if not isinstance(node, Scalar):
            self.error(node.loc, "TYPE", f"{where} must be {kind.what}, not a list or mapping",
                       f"write {kind.example}")
            return _BAD
        if node.is_null:
            if self.empty_figures and kind in (AMOUNT, COUNT, NUMBER):
                self._empty(node, where)
                return 0 if kind is COUNT else Unfilled("0.00")
            self.error(node.loc, "MISSING", f"{where} is empty", f"write {kind.example}, or remove the key")
            return _BAD
        text = node.text
        if kind in (AMOUNT, NUMBER, SIGNED):
            value = parse_decimal(text) if not node.quoted or node.tag not in (INT, FLOAT) else None
            if value is None:
                self.error(node.loc, "NOT-A-NUMBER", f"{where} is `{text}`, which is not a number",
                           f"write {kind.example} (digits, a decimal point, optional thousands commas)")
                return _BAD
            if value < 0 and kind is not SIGNED:
                self.error(node.loc, "NEGATIVE", f"{where} is {text}: it cannot be negative",
                           "enter the figure as the 决算 software shows it; a decrease is computed, not entered")
                return _BAD
            if kind is AMOUNT and decimals(value) > self.amount_places:
                self.error(node.loc, "PRECISION", f"{where} is {text}, with more than "
                           f"{self.amount_places} decimals", "enter the amount to the cent, as the 决算 tables print it")
                return _BAD
            return value
        if kind is COUNT:
            if not re.fullmatch(r"\d+", text.strip()):
                self.error(node.loc, "NOT-A-NUMBER", f"{where} is `{text}`, which is not a whole number",
                           f"write {kind.example}")
                return _BAD
            limits = f.metadata.get("limits") if f is not None else None
            if limits is not None and not limits[0] <= int(text) <= limits[1]:
                self.error(node.loc, "RANGE", f"{where} is {int(text)}, outside {limits[0]}…{limits[1]}",
                           f"write a whole number from {limits[0]} to {limits[1]}")
                return _BAD
            return int(text)
        if kind is CODE:
            if not re.fullmatch(r"\d+", text.strip()):
                self.error(node.loc, "TYPE", f"{where} is `{text}`, which is not a code of digits",
                           f"write {kind.example}")
                return _BAD
            return text.strip()
        # texts
        if f is not None and f.metadata.get("choices"):
            choices = f.metadata["choices"]
            if text not in choices:
                self.error(node.loc, "TYPE", f"{where} is `{text}`, which is not one of: {', '.join(choices)}",
                           f"write one of: {', '.join(choices)}")
                return _BAD
        if kind is BLOCK:
            return "\n".join(line.strip() for line in text.strip().splitlines())
        value = fold_lines(text)
        if kind is CLAUSE:
            value = value.rstrip("。；;，,.")
        if not value and (f is None or f.default is MISSING):
            self.error(node.loc, "MISSING", f"{where} is empty", "write the text, or remove the key")
            return _BAD
        return value


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


def fold_lines(text: str) -> str:
    """One paragraph from a possibly wrapped text: a line break between two Chinese
    characters disappears, elsewhere it becomes one space (as a reader expects)."""
    out = ""
    for line in (ln.strip() for ln in text.strip().splitlines()):
        if not line:
            continue
        if out and not (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += " "
        out += line
    return out


class _Bad:
    def __repr__(self):  # pragma: no cover
        return "<bad>"


_BAD = _Bad()


# The decorator of every record (the data file's and the style's): keyword-only, so that a
# class may add required fields after its base's optional ones.  `Record` gives every record
# its initialiser, repr and equality (the same as a dataclass's), so that making a class
# costs no generated code.
model = partial(dataclass, kw_only=True, init=False, repr=False, eq=False)
