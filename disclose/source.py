"""Read a YAML file into nodes that remember their line.

PyYAML's composer already knows where every node starts; the constructor throws that
away (and turns 0.1 into a float).  We stop at the node graph and keep, for every
value, its raw text, its resolved YAML tag and its line.  Numbers are never turned
into floats here: the schema layer makes `Decimal`s from the raw text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Union

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .errors import DiscloseError, Location, Problem

INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
# libyaml's parser when PyYAML was built with it (ten times faster, same nodes and marks)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULL = "tag:yaml.org,2002:null"

# Bounds on a file from someone else (a 财政局 reads every unit's file): a real data file is
# under 100 KB, a few thousand values, nested six deep and uses a few dozen aliases.
MAX_BYTES = 5 * 1024 * 1024     # the file itself
MAX_VALUES = 200_000            # values once every alias is expanded (stops a "billion laughs")
MAX_ALIASES = 2_000             # uses of an anchor
MAX_DEPTH = 40                  # mappings and lists inside each other


@dataclass
class Scalar:
    text: str
    tag: str
    loc: Location
    quoted: bool = False

    @property
    def is_null(self) -> bool:
        return self.tag == NULL


@dataclass
class Seq:
    items: list["Node"]
    loc: Location


@dataclass
class Map:
    # (key, key location, value) in file order; keys are unique (checked on reading).
    entries: list[tuple[str, Location, "Node"]]
    loc: Location

    def keys(self) -> list[str]:
        return [k for k, _, _ in self.entries]

    def get(self, key: str) -> "Node | None":
        for k, _, v in self.entries:
            if k == key:
                return v
        return None

    def key_loc(self, key: str) -> Location:
        for k, loc, _ in self.entries:
            if k == key:
                return loc
        return self.loc


Node = Union[Scalar, Seq, Map]


def read(path: str | Path, display: str | None = None) -> Node:
    """Parse one YAML document; syntax errors become Problems with the line."""
    name = display or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise DiscloseError([Problem(Location(name), "FILE", f"the file has {size:,} bytes, more than a data "
                                         f"file may ({MAX_BYTES:,})", "check that this is the unit's data file")])
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DiscloseError([Problem(Location(name), "FILE", "no such file",
                                     "check the path, or create the file from data/changji-2024.yaml")])
    except UnicodeDecodeError as exc:
        raise DiscloseError([Problem(Location(name), "FILE", f"not UTF-8 text ({exc.reason})",
                                     "save the file as UTF-8")])
    return parse(text, name)


def parse(text: str, name: str) -> Node:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or str(exc)
        if exc.context:
            what = f"{exc.context}, {what}"
        if "alias" in what:
            hint = "define the anchor (`&name value`) before the alias (`*name`) that repeats it"
        elif "tab" in what:
            hint = "indent with spaces, not tabs"
        else:
            hint = ("fix the indentation or quoting on this line (a value that starts with >, <, =, - or : "
                    "needs quotes)")
        raise DiscloseError([Problem(Location(name, line), "SYNTAX", f"YAML syntax error: {what}", hint)])
    except yaml.reader.ReaderError as exc:   # a character YAML does not allow in a file
        line = text.count("\n", 0, exc.position) + 1
        raise DiscloseError([Problem(Location(name, line), "SYNTAX", f"character U+{exc.character:04X} is not "
                                     "allowed in a YAML file", "delete it (a control character copied in "
                                     "by accident), or write it as an escape inside double quotes")])
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises Marked errors for text input
        raise DiscloseError([Problem(Location(name), "SYNTAX", f"YAML error: {exc}", "fix the file")])
    if node is None:
        return Map([], Location(name, 1))
    if "&" in text:
        _bound(node, name)       # anchors: count what their aliases would expand to, before expanding
    problems: list[Problem] = []
    out = _convert(node, name, problems, 0, [0])
    if problems:
        raise DiscloseError(problems)
    return out


def _bound(root: yaml.Node, name: str) -> None:
    """Refuse a node graph that would expand past the bounds, before expanding it: sizes are
    counted once per node (an alias shares its anchor's node), so this takes linear time."""
    sizes: dict[int, int] = {}
    seen: set[int] = set()
    aliases = 0

    def refuse(node: yaml.Node, what: str, hint: str):
        raise DiscloseError([Problem(Location(name, node.start_mark.line + 1), "TOO-LARGE", what, hint)])

    open_: set[int] = set()            # the nodes being counted: an alias to one of them is a cycle

    def size(node: yaml.Node, depth: int) -> int:
        nonlocal aliases
        if id(node) in open_:
            refuse(node, "an alias refers to the value that contains it", "an anchor cannot repeat itself")
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                refuse(node, f"the file repeats anchors more than {MAX_ALIASES:,} times",
                       "write the values out, or use fewer aliases (`*name`)")
        seen.add(id(node))
        if id(node) in sizes:
            return sizes[id(node)]
        if depth > MAX_DEPTH:
            refuse(node, f"values are nested more than {MAX_DEPTH} deep", "a data file is nested a few levels deep")
        total = 1
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        open_.add(id(node))
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_VALUES:
                refuse(node, f"the file expands to more than {MAX_VALUES:,} values (aliases included)",
                       "a data file holds a few thousand values: remove the aliases that repeat aliases")
        open_.discard(id(node))
        sizes[id(node)] = total
        return total

    size(root, 0)


def _convert(node: yaml.Node, name: str, problems: list[Problem], depth: int, count: list[int]) -> Node:
    """Our nodes from PyYAML's; without anchors the bounds are checked here, in the same walk."""
    loc = Location(name, node.start_mark.line + 1)
    count[0] += 1
    if depth > MAX_DEPTH or count[0] > MAX_VALUES:
        what = (f"values are nested more than {MAX_DEPTH} deep" if depth > MAX_DEPTH
                else f"the file has more than {MAX_VALUES:,} values")
        raise DiscloseError([Problem(loc, "TOO-LARGE", what, "a data file is nested a few levels deep and holds "
                                     "a few thousand values")])
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.tag, loc, quoted=node.style in ("'", '"', "|", ">"))
    if isinstance(node, yaml.SequenceNode):
        return Seq([_convert(n, name, problems, depth + 1, count) for n in node.value], loc)
    if isinstance(node, yaml.MappingNode):
        own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
        if len(own) < len(node.value):
            try:
                SafeConstructor().flatten_mapping(node)  # resolves `<<: *anchor` merge keys
            except ConstructorError as exc:
                problems.append(Problem(loc, "SYNTAX", f"bad merge key: {exc.problem}", "merge only mappings"))
        entries: list[tuple[str, Location, Node]] = []
        seen: dict[str, Location] = {}
        merged: set[str] = set()
        for knode, vnode in node.value:
            kloc = Location(name, knode.start_mark.line + 1)
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(Problem(kloc, "SYNTAX", "a key must be a plain word",
                                        "write `name: value`"))
                continue
            key = knode.value
            if key in merged and id(knode) in own:
                # A key of the mapping itself overrides one brought in by `<<:`.
                entries = [e for e in entries if e[0] != key]
                merged.discard(key)
                del seen[key]
            if key in seen:
                problems.append(Problem(kloc, "DUPLICATE-KEY", f"`{key}` is given twice "
                                        f"(first at line {seen[key].line})",
                                        "keep one of them: YAML would silently use the last"))
                continue
            seen[key] = kloc
            if id(knode) not in own:
                merged.add(key)
            entries.append((key, kloc, _convert(vnode, name, problems, depth + 1, count)))
        return Map(entries, loc)
    raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover
