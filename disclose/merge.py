"""This year's table figures into a file rolled forward from last year (`init --tables`).

`rollforward` leaves every 本年 figure empty; `load.workbook.read` gives the figures of the
nine tables. Here the second fills the first, node by node:

- the records of the accounts (收入, 支出, 财政拨款, 基本支出, “三公”, the special funds) take
  every figure the tables give;
- the 类/款/项 tree is the tables' this year: a 项 found in both keeps last year's 上年 and
  reasons and takes this year's figures; a 项 new this year enters with 上年 0.00; a 项 of last
  year that the tables no longer show stays with 本年 0.00, so that its fall is explained.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .errors import DiscloseError, Location, Problem
from .numbers import quantize
from .source import Map, Node, Scalar, Seq

RECORDS = ("income", "expenditure", "fiscal", "basic", "three_public", "government_fund", "state_capital")
STR, NUM = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int"


@dataclass
class Merged:
    node: Map
    appeared: list[str] = field(default_factory=list)     # 项 new this year: "code name"
    vanished: list[str] = field(default_factory=list)     # 项 of last year not in this year's tables


def merge(rolled: Map, tables: dict, tables_name: str) -> Merged:
    unit = _text(rolled.get("amount_unit"))
    if tables.get("amount_unit") and unit and tables["amount_unit"] != unit:
        raise DiscloseError([Problem(Location(tables_name), "IMPORT", f"the tables are in {tables['amount_unit']} and "
                                     f"last year's file in {unit}", "convert last year's file to the tables' "
                                     "unit first (or import the tables alone with `disclose import`)")])
    out = Merged(rolled)
    entries = []
    for key, loc, value in rolled.entries:
        if key in RECORDS and isinstance(tables.get(key), dict):
            value = _fill(value if isinstance(value, Map) else Map([], loc), tables[key])
        elif key == "general_budget" and isinstance(value, Map) and tables.get("general_budget"):
            value = _functions(value, tables["general_budget"].get("functions", []), out)
        entries.append((key, loc, value))
    for i, (key, loc, value) in enumerate(entries):          # tables that show no such money: none this year
        if key in ("government_fund", "state_capital") and key not in tables and isinstance(value, Map):
            entries[i] = (key, loc, _fill(value, {k: Decimal("0.00") for k in ("income", "expenditure")
                                                  if value.get(k) is not None} |
                                          ({"carryover_end": Decimal("0.00")} if value.get("carryover_end") else {})))
    present = {k for k, _, _ in entries}
    entries += [(k, None, _node(tables[k])) for k in RECORDS if k not in present and isinstance(tables.get(k), dict)]
    out.node = Map(entries, rolled.loc)
    return out


REPLACED = ("economic", "income", "spending")   # within a record: the tables' rows replace last year's keys


def _fill(node: Map, figures: dict) -> Map:
    """The record with every figure of `figures` put in (nested records filled the same way;
    a 项's income/spending rows and the economic codes are the tables' own, whole)."""
    entries, done = [], set()
    for key, loc, value in node.entries:
        if key in figures:
            new = figures[key]
            value = _fill(value, new) if isinstance(value, Map) and isinstance(new, dict) and key not in REPLACED \
                else _node(new)
            done.add(key)
        entries.append((key, loc, value))
    entries += [(k, None, _node(v)) for k, v in figures.items() if k not in done]
    return Map(entries, node.loc)


def _functions(gb: Map, functions: list[dict], out: Merged) -> Map:
    last_items: dict[str, tuple[Map, Map, Map]] = {}          # code → (类, 款, 项) nodes of last year
    old = gb.get("functions")
    for lei in (old.items if isinstance(old, Seq) else []):
        for kuan in _items(lei):
            for item in _items(kuan):
                last_items[_text(item.get("code"))] = (lei, kuan, item)
    seen: set[str] = set()
    leis = []
    for lei in functions:
        kuans = []
        for kuan in lei.get("items", []):
            items = []
            for item in kuan.get("items", []):
                code = item["code"]
                seen.add(code)
                if code in last_items:
                    items.append(_fill(last_items[code][2], {k: v for k, v in item.items() if k != "name"}))
                else:
                    out.appeared.append(f"{code} {item.get('name', '')}")
                    items.append(_fill(_node({"code": code, "name": item.get("name", ""), "prior": Decimal("0.00")}),
                                       {k: v for k, v in item.items() if k not in ("code", "name")}))
            kuans.append(_group(kuan, items))
        leis.append(_group(lei, kuans))
    for code, (lei, kuan, item) in last_items.items():       # last year's 项 the tables no longer show
        if code in seen:
            continue
        out.vanished.append(f"{code} {_text(item.get('name'))}")
        gone = Map([e for e in item.entries if e[0] not in ("income", "spending")], item.loc)   # no rows this year
        zero = {k: Decimal("0.00") for k in ("current", "basic", "project") if k == "current" or gone.get(k) is not None}
        leis = _place(leis, lei, kuan, _fill(gone, zero))
    return Map([(k, loc, Seq(leis, loc) if k == "functions" else v) for k, loc, v in gb.entries]
               + ([] if old is not None else [("functions", None, Seq(leis, None))]), gb.loc)


def _group(group: dict, children: list[Map]) -> Map:
    head = {k: v for k, v in group.items() if k in ("code", "name", "current")}
    node = _node(head)
    return Map(node.entries + [("items", None, Seq(children, None))], None)


def _place(leis: list[Map], lei: Map, kuan: Map, item: Map) -> list[Map]:
    """Put a vanished 项 under its 款 and 类 (made anew, without their printed totals, if gone)."""
    lei_code, kuan_code = _text(lei.get("code")), _text(kuan.get("code"))
    for i, l in enumerate(leis):
        if _text(l.get("code")) == lei_code:
            kuans = list(_items(l))
            for j, k in enumerate(kuans):
                if _text(k.get("code")) == kuan_code:
                    kuans[j] = _with_items(k, list(_items(k)) + [item])
                    break
            else:
                kuans.append(_with_items(_bare(kuan), [item]))
            leis[i] = _with_items(l, kuans)
            return leis
    return leis + [_with_items(_bare(lei), [_with_items(_bare(kuan), [item])])]


def _items(node: Node) -> list[Map]:
    items = node.get("items") if isinstance(node, Map) else None
    return [i for i in items.items if isinstance(i, Map)] if isinstance(items, Seq) else []


def _with_items(node: Map, items: list[Map]) -> Map:
    return Map([(k, loc, Seq(items, loc) if k == "items" else v) for k, loc, v in node.entries], node.loc)


def _bare(node: Map) -> Map:
    return Map([(k, loc, v) for k, loc, v in node.entries if k in ("code", "name")] + [("items", None, Seq([], None))],
               node.loc)


def _text(node: Node | None) -> str:
    return node.text if isinstance(node, Scalar) else ""


def _node(value) -> Node:
    if isinstance(value, dict):
        return Map([(str(k), None, _node(v)) for k, v in value.items()], None)
    if isinstance(value, list):
        return Seq([_node(v) for v in value], None)
    if isinstance(value, Decimal):
        return Scalar(f"{quantize(value):f}", NUM, None)
    if isinstance(value, int) and not isinstance(value, bool):
        return Scalar(str(value), NUM, None)
    return Scalar(str(value), STR, None, quoted=True)
