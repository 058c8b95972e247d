"""`disclose init NEW.yaml --from LAST.yaml`: next year's data file, rolled forward.

Last year's file is read twice: as typed data (for the sums: 上年收支总计, 财政拨款总计, the
“三公” and economic-class totals, from `accounts.py`) and as YAML nodes with their raw text,
which are rewritten record by record and written back in the same order:

- `year` + 1; the unit, its texts (职能, 机构, 科室, glossary additions, silences) carried;
- every 上年 figure := last year's 本年 figure of the same line (a 项 by its code, each “三公”
  part, 机关运行经费, each headcount, each economic class), every 年初 carry-over := last
  year's 年末;
- every 本年 figure (and 年初预算, counts, 资产) left empty: `check` names each (EMPTY) until it
  is filled in, by hand or from the tables;
- every reason and explanation carried with the marker `UNREVIEWED` in front: `check` lists
  each (REASON-STALE) beside both years' figures, and `build` refuses to print it until a
  person has reviewed it and deleted the marker;
- last year's self-evaluation forms and annex are not carried (a new year's targets are new
  data); the forms' project names are listed in a comment.
"""
from __future__ import annotations

import types
from dataclasses import dataclass, field, is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Union, get_args, get_origin

from . import accounts, yamltext
from .errors import display_path
from .ledger import ledger
from .load import load
from .model import OPTIONAL_RECORDS, UNREVIEWED, Disclosure
from .model.figures import COMPARED
from .numbers import quantize
from .schema import model_fields, type_hints
from .source import NULL, Map, Node, Scalar, Seq, read

REASONS = {"reason", "budget_reason", "fleet_difference_reason", "content"}
TEXT_LISTS = {"other_matters", "achievements", "problems", "measures"}   # explanations, one per item: marked
DROPPED = {"annex", "attachments", "stated_total", "grand_total", "stated_current", "stated_budget",
           "stated_projects_budget", "stated_projects_executed"}


@dataclass
class Rolled:
    text: str                   # the new data file
    reasons: int                # reasons and explanations marked unreviewed
    empty: int                  # figures left empty
    projects: list[str]         # last year's self-evaluation projects, not carried
    appeared: list[str] = field(default_factory=list)     # 项 in this year's tables only
    vanished: list[str] = field(default_factory=list)     # 项 of last year the tables no longer show


# The records whose lines take their bases from a `compare:` mapping (`model.figures.COMPARED`): init
# fills each line's 上年 there, unless a field of the file holds it (overall.prior_total,
# fiscal.prior_total: `ledger`).


class _Roll:
    def __init__(self, last: Disclosure):
        self.last = last
        self.lines = ledger(last)
        self.reasons = 0

    # --- nodes -------------------------------------------------------------------------------

    def empty_figure(self) -> Scalar:
        """A figure for a person to fill in (`_empty` counts them once the file is complete)."""
        return Scalar("", NULL, None)

    def mark(self, node: Node) -> Node:
        if isinstance(node, Scalar) and not node.is_null and node.text and not node.text.startswith(UNREVIEWED):
            self.reasons += 1
            return Scalar(UNREVIEWED + node.text, "tag:yaml.org,2002:str", node.loc, quoted=True)
        return node

    def figure(self, value) -> Scalar:
        return Scalar(f"{quantize(Decimal(value)):f}" if isinstance(value, Decimal) else str(value),
                      "tag:yaml.org,2002:int", None)

    # --- records -----------------------------------------------------------------------------

    def record(self, node: Node, path: str, cls: type | None = Disclosure) -> Node:
        """A mapping of the file, rolled forward by its keys; `path` is where it sits and `cls`
        the model record it is (None where the model has a plain mapping)."""
        if not isinstance(node, Map):
            return node
        names = {f.name for f in model_fields(cls)} if cls is not None else set()
        out: list[tuple[str, object, Node]] = []
        keys = node.keys()
        for key, loc, value in node.entries:
            here = f"{path}.{key}" if path else key
            new = self.field(key, value, here, node, keys, _part_type(cls, key))
            if new is not None:
                out.append((key, loc, new))
            current = node.get("current")
            if (key == "current" and "prior" in names and "prior" not in keys and isinstance(current, Scalar)
                    and not current.is_null):
                out.append(("prior", loc, Scalar(current.text, current.tag, loc)))   # 上年 := last year's 本年
        if path == "basic" and "classes" not in keys and self.last.basic.economic:
            out.append(("classes", node.loc, self.economic_classes(Map([], node.loc))))
        if path in COMPARED:
            out = [entry for entry in out if entry[0] != "compare"]
            out.append(("compare", node.loc, self.compare(path, node.get("compare"))))
        return Map(out, node.loc)

    def compare(self, path: str, last_compare: Node | None) -> Map:
        """A record's `compare:`: each line's 上年 := last year's 本年 of the line (from the
        ledger, so a total is the one last year's document printed); reasons carried, marked;
        年初 and 全年预算 left out (this year's budgets are new data)."""
        out = []
        for key in COMPARED[path]:
            line = f"{path}.{key}"
            entries = []
            entry = self.lines.get(line)
            if entry is not None and entry.current is not None and "prior" not in entry.inline:
                entries.append(("prior", None, self.figure(entry.current)))
            old = last_compare.get(key) if isinstance(last_compare, Map) else None
            if isinstance(old, Map):
                entries += [(k, loc, self.mark(v)) for k, loc, v in old.entries if k in REASONS]
            if entries:
                out.append((key, None, Map(entries, None)))
        return Map(out, None)

    def field(self, key: str, value: Node, here: str, parent: Map, keys: list[str],
              cls: type | None) -> Node | None:
        last = self.last
        if key in DROPPED:
            return None
        special = {
            "year": lambda: Scalar(str(last.year + 1), "tag:yaml.org,2002:int", value.loc),
            "overall.prior_total": lambda: self.figure(accounts.grand_totals(last)[0]),
            "fiscal.prior_total": lambda: self.figure(accounts.fiscal_total_in(last)),
            "fiscal.carryover_start": lambda: self.figure(last.fiscal.carryover_end),
            "income.carryover_start": lambda: self.figure(last.expenditure.carryover_end),
            "three_public.stated_prior": lambda: self.figure(accounts.three_public_column(last.three_public,
                                                                                          "current")),
            "three_public.vehicles.prior": lambda: self.figure(accounts.vehicles_column(last.three_public,
                                                                                         "current")),
            # last year's forms and results are not carried (a new year's targets are new data)
            "performance.unit": lambda: None,
            "performance.projects": lambda: None,
            "performance.results": lambda: None,
            "general_budget.prior": lambda: None,           # computed from the 项's 上年
        }
        if here in special:
            return special[here]()
        if key in REASONS:
            return self.mark(value)
        if key in TEXT_LISTS and isinstance(value, Seq):
            return Seq([self.mark(v) for v in value.items], value.loc)
        if key == "economic" and isinstance(value, Map):        # amounts by economic code: this year's
            return Map([(k, loc, self.empty_figure()) for k, loc, v in value.entries
                        if isinstance(v, Scalar) and Decimal(v.text or "0") != 0], value.loc)
        if key == "classes" and here == "basic.classes" and isinstance(value, Map):
            return self.economic_classes(value)
        if key == "current" and here.endswith(("functions[].current", "functions[].items[].current")):
            return None                                       # a 类's or 款's total as printed: computed
        if key == "current" and isinstance(value, Scalar):
            return self.empty_figure()                        # this year's 决算: new data
        if key == "prior":                                    # 上年 := last year's 本年 of the same line
            source = parent.get("current") or parent.get("expenditure")
            if isinstance(source, Scalar) and not source.is_null:
                return Scalar(source.text, source.tag, value.loc)
            return None
        if key == "carryover_start" and here.startswith(("government_fund", "state_capital")):
            fund = getattr(last, here.split(".")[0])
            return self.figure(fund.carryover_end) if fund else value
        if isinstance(value, Map):
            return self.record(value, here, cls)
        if isinstance(value, Seq):
            return Seq([self.record(v, f"{here}[]", cls) for v in value.items], value.loc)
        if isinstance(value, Scalar) and _is_figure(value) and not _is_identity(key):
            return self.empty_figure()
        return value

    def economic_classes(self, node: Map) -> Map:
        """basic.classes: each class entry rolled, and each economic line of last year's
        `economic` given its 上年 (a line already listed keeps its reasons)."""
        out = [(code, loc, self.economic_class(code, v)) for code, loc, v in node.entries]
        listed = set(node.keys())
        out += [(code, None, Map([("prior", None, self.figure(amount))], None))
                for code, amount in self.last.basic.economic.items() if code not in listed and amount != 0]
        return Map(out, node.loc)

    def economic_class(self, code: str, node: Node) -> Node:
        if not isinstance(node, Map):
            return node
        economic = self.last.basic.economic
        if not economic:
            prior = None
        else:
            prior = accounts.economic_class(economic, code) if len(code) == 3 else economic.get(code, Decimal("0"))
        out = []
        for key, loc, value in node.entries:
            if key == "prior" and prior is not None:
                out.append((key, loc, self.figure(prior)))
            elif key == "budget":
                continue                                       # this year's 年初预算: new data
            elif key in REASONS:
                out.append((key, loc, self.mark(value)))
            else:
                out.append((key, loc, value))
        return Map(out, node.loc)


def _part_type(cls: type | None, key: str) -> type | None:
    """The model record a key of `cls` holds (the item type of a list), or None."""
    if cls is None:
        return None
    hint = type_hints(cls).get(key)
    while hint is not None and get_origin(hint) in (list, Union, types.UnionType):
        hint = next((a for a in get_args(hint) if a is not type(None)), None)
    return hint if is_dataclass(hint) else None


def _is_figure(node: Scalar) -> bool:
    return not node.quoted and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _is_identity(key: str) -> bool:
    """Keys whose numbers are not figures of the year: the year itself, codes, weights."""
    return key in ("year", "code", "weight", "funds_weight", "both_zero", "from_zero")


def roll_forward(last_path: str | Path, tables: str | Path | None = None) -> Rolled:
    """Next year's file from last year's; with `tables`, this year's figures filled in from
    the workbook of the nine tables (`load.workbook`, `merge`)."""
    last = load(last_path, OPTIONAL_RECORDS)     # a file may leave records out: they stay out
    node = read(last_path, display_path(last_path))
    roll = _Roll(last)
    rolled = roll.record(node, "")
    appeared: list[str] = []
    vanished: list[str] = []
    if tables is not None:
        from .load.workbook import read as read_tables
        from .merge import merge

        merged = merge(rolled, read_tables(tables), display_path(tables))
        rolled, appeared, vanished = merged.node, merged.appeared, merged.vanished
    projects = [p.name for p in last.performance.projects] if last.performance is not None else []
    header = [
        f"# {last.unit} {last.year + 1}年度 — rolled forward from {display_path(last_path)} by `disclose init`.",
        f"# 上年 figures are {last.year}'s 本年; {last.year + 1}'s figures are empty: `disclose check` names each",
        "# (EMPTY) until they are filled in. Reasons and explanations carried from last year begin with",
        f"# {UNREVIEWED}: review each (check lists them as REASON-STALE beside both years' figures),",
        "# rewrite it if the figures moved, and delete the marker; build refuses to print it before.",
    ]
    if projects:
        header += [f"# {last.year}'s 项目支出绩效自评表 (not carried: a new year's targets are new data):"]
        header += [f"#   - {name}" for name in projects]
    if tables is not None:
        header.insert(1, f"# {last.year + 1}'s figures of the nine tables are read from {display_path(tables)}.")
    return Rolled("\n".join(header) + "\n" + emit(rolled), roll.reasons, _empty(rolled), projects, appeared, vanished)


def _empty(node: Node) -> int:
    """Figures still empty (keys with nothing after them)."""
    if isinstance(node, Map):
        return sum(_empty(v) for _, _, v in node.entries)
    if isinstance(node, Seq):
        return sum(_empty(v) for v in node.items)
    return 1 if isinstance(node, Scalar) and node.is_null and not node.text else 0


# --- writing YAML back -----------------------------------------------------------------------

def emit(node: Node, indent: int = 0) -> str:
    return "".join(_lines(node, indent))


def _lines(node: Node, indent: int):
    pad = "  " * indent
    if isinstance(node, Map):
        for key, _, value in node.entries:
            k = yamltext.scalar(key)
            if isinstance(value, Scalar):
                yield f"{pad}{k}:{_scalar(value)}\n"
            elif isinstance(value, Map) and not value.entries:
                yield f"{pad}{k}: {{}}\n"
            elif isinstance(value, Map) and all(isinstance(v, Scalar) and _is_figure(v) for _, _, v in value.entries):
                inner = ", ".join(f"{name}:{_scalar(v)}" for name, _, v in value.entries)   # {prior: 12.00}
                yield f"{pad}{k}: {{{inner}}}\n"
            elif isinstance(value, Seq) and not value.items:
                yield f"{pad}{k}: []\n"
            else:
                yield f"{pad}{k}:\n"
                yield from _lines(value, indent + 1)
    elif isinstance(node, Seq):
        for item in node.items:
            if isinstance(item, Scalar):
                yield f"{pad}-{_scalar(item)}\n"
            else:
                inner = list(_lines(item, indent + 1))
                if inner:
                    inner[0] = f"{pad}- " + inner[0].lstrip()
                yield from inner
    else:
        yield f"{pad}{_scalar(node).strip()}\n"


def _scalar(node: Scalar) -> str:
    if node.is_null and not node.text:
        return ""
    if node.quoted:
        return " " + yamltext.quoted(node.text)
    if node.tag == "tag:yaml.org,2002:str":
        return " " + yamltext.scalar(node.text)
    return " " + node.text
