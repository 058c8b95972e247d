"""The reading side of `disclose import`: the nine 公开 tables of a workbook as a data file's figures.

    data = read("2024公开表.xlsx")            # an `Imported` dict in the data file's shape
    data["income"]["general_budget"]          # Decimal("6822048.75")
    data.locations["income.general_budget"]   # Location(…, sheet="公开01表", cell="C7")
    text = to_yaml(data, "2024公开表.xlsx")   # the figures as a data file (texts to be added)

`read` finds each table by its title on any sheet (`places.py`), its columns by their headings
and 栏次, its rows by 科目编码, code or name (`tables.py`, `forms.py`), checks the sums each
table holds, and raises `DiscloseError` with every problem, each naming its sheet and cell.
Amounts are `Decimal`s in the workbook's 金额单位 (`amount_unit`; a table in the other unit is
converted exactly, or refused).  `locations` maps each figure's dotted path — the one `disclose
check` prints: `general_budget.functions[2].items[1].items[1].basic`, `basic.economic.30101` —
to its cell.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

from .. import classification, yamltext
from ..errors import DiscloseError, Location, Problem, display_path
from ..model import EXPENDITURE_KINDS, INCOME_SOURCES
from .forms import READERS, amount_data_row
from .places import find_tables, read_header, unit_lines, years
from .sheets import RULE, open_sheets
from .tables import NAMES, Fig, Row, Table

TABLES = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
OPTIONAL = ("08", "09")          # a unit without such money may leave them out
INCOME = {"fiscal": "fiscal", "superior_subsidy": "superior_subsidy", "business": "business",
          "operating": "operating", "affiliated": "affiliated", "other": "other"}


class Imported(dict):
    """The figures in the data file's shape; `locations`: dotted path → the cell it was read from."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locations: dict[str, Location] = {}

    def put(self, path: str, value, loc: Location | None = None, into: dict | None = None) -> None:
        """Set `path` (dotted, from the top or inside `into` at that path) and remember its cell."""
        target = self if into is None else into
        keys = path.split(".") if into is None else [path.rsplit(".", 1)[-1]]
        for k in keys[:-1]:
            target = target.setdefault(k, {})
        target[keys[-1]] = value
        if loc is not None:
            self.locations[path] = loc


def read(path: str | Path) -> Imported:
    name = display_path(path)
    grids = open_sheets(path, name)
    places = find_tables(grids)
    problems: list[Problem] = []
    found = {}
    for number in TABLES:
        candidates = places.get(number, [])
        hit = next(((p, h) for p in candidates if (h := read_header(p, READERS[number][1])) is not None), None)
        if hit:
            found[number] = hit
        elif number in OPTIONAL and not any(amount_data_row(p.grid, r) for p in candidates
                                            for r in range(p.row + 1, p.end)):
            continue
        elif candidates:
            p = candidates[0]
            problems.append(Problem(p.grid.loc(p.row, p.col), RULE, f"公开{number}表 {NAMES[number]}: no header "
                                    "below its title", "give the table its heading rows (项目, 栏次…) as the "
                                    "national form does"))
        else:
            problems.append(Problem(Location(name), RULE, f"公开{number}表 {NAMES[number]} is in none of the "
                                    f"sheets ({'、'.join(g.name for g in grids) or 'the workbook is empty'})",
                                    f"add the table with its title {NAMES[number]}"))
    metas = {n: unit_lines(p.grid, p.row, h.top - 1) for n, (p, h) in found.items()}
    for number, (_, money) in list(metas.items()):
        if money and money[0] not in ("元", "万元"):
            problems.append(Problem(money[1], RULE, f"公开{number}表: its 金额单位 is {money[0]}, and a data file "
                                    "is in 元 or 万元", "export the tables in 元 (or 万元)"))
            del found[number], metas[number]
    # the workbook's unit: 公开01's, else the one most tables give
    units = Counter(m[1][0] for m in metas.values() if m[1])
    amount_unit = metas["01"][1][0] if "01" in metas and metas["01"][1] else \
        (units.most_common(1)[0][0] if units else None)
    money = next((m[1] for n, m in sorted(metas.items()) if m[1] and m[1][0] == amount_unit), None)
    if amount_unit is None and found:
        p = next(iter(found.values()))[0]
        problems.append(Problem(p.grid.loc(p.row, p.col), RULE, "no table says its 金额单位",
                                "add the line 金额单位：元 (or 万元) under each table's title"))
    tables: dict[str, Table] = {}
    for number, (place, header) in found.items():
        unit = metas[number][1][0] if metas[number][1] else amount_unit
        scale = Decimal(1) if unit == amount_unit else Decimal(10000) if unit == "万元" else Decimal("0.0001")
        t = Table(number, place, header, scale, unit == "万元", problems)
        READERS[number][0](t)
        tables[number] = t
    out = Imported()
    if amount_unit is not None:
        _assemble(out, tables, metas, amount_unit, money, name, problems)
    if problems:
        raise DiscloseError(problems)
    return out


def _fig(out: Imported, path: str, fig: Fig | None) -> None:
    if fig is not None:
        out.put(path, fig.amount, fig.loc)


def _assemble(out: Imported, tables: dict[str, Table], metas, amount_unit: str, money, name: str,
              problems: list[Problem]) -> None:
    names = [m[0] for m in metas.values() if m[0]]
    unit = metas["01"][0] if "01" in metas and metas["01"][0] else (names[0] if names else None)
    if unit:
        out.put("unit", unit[0], unit[1])
    said = [y for t in tables.values() for y in years(t.place.grid, max(t.place.row - 3, 0), t.header.bottom)]
    if said:
        year = Counter(y for y, _ in said).most_common(1)[0][0]
        out.put("year", year, next(loc for y, loc in said if y == year))
    out.put("amount_unit", amount_unit, money[1] if money else None)
    t01, t03, t04 = tables.get("01"), tables.get("03"), tables.get("04")
    if t01 is not None:
        for role in INCOME_SOURCES + ("stated_total", "non_fiscal_balance_used", "carryover_start", "grand_total"):
            fig = t01.figs.get(("in", role))
            if fig is None and role == "state_capital" and t04 is not None:
                fig = t04.figs.get(("in", role))        # the form of seed 003 has it in 公开04 only
            _fig(out, f"income.{role}", fig)
        if ("in", "general_budget") not in t01.figs:
            t01.problem(t01.header.loc(), "no row 一般公共预算财政拨款收入", "give the 收入 rows as the national form does")
    if t03 is not None:
        if t03.total is None:
            t03.problem(t03.header.loc(), "no 合计 row", "give the table its 合计 row (本年支出 by kind)")
        for kind in EXPENDITURE_KINDS:
            _fig(out, f"expenditure.{kind}", (t03.total or {}).get(kind))
    if t01 is not None:
        for role in ("stated_total", "balance_distribution", "carryover_end", "grand_total"):
            _fig(out, f"expenditure.{role}", t01.figs.get(("out", role, "total")))
    if t04 is not None:
        _fig(out, "fiscal.carryover_start", t04.figs.get(("in", "carryover_start")))
        _fig(out, "fiscal.carryover_end", t04.figs.get(("out", "carryover_end", "total")))
    _functions(out, tables)
    _basic(out, tables)
    _three_public(out, tables.get("07"))
    _special_funds(out, tables, name, problems)


def _name(code: str, sources: list[dict], t: Table, loc: Location) -> str:
    row = next((s[code] for s in sources if code in s and s[code].name), None)
    if row is not None:
        return row.name
    if len(code) == 3 and code in classification.functional_classes():
        return classification.functional_classes()[code]
    t.problem(loc, f"no name for {'款' if len(code) == 5 else '类'} {code}: none of 公开02, 03 and 05 "
              "has its row", "give the 类 and 款 rows with their names, as the national form does")
    return ""


def _functions(out: Imported, tables: dict[str, Table]) -> None:
    t02, t03, t05 = (tables.get(n) for n in ("02", "03", "05"))
    by = [t.rows if t else {} for t in (t05, t02, t03)]
    rows05, rows02, rows03 = by
    codes = sorted({c for rows in by for c in rows if len(c) == 7})
    some = next((t for t in (t05, t02, t03) if t), None)
    if some is None:
        return
    functions = out.setdefault("general_budget", {}).setdefault("functions", [])
    # a column of 公开05 blank in every 项 row is not given (an export of a file without the split)
    given = {role for role in ("total", "basic", "project")
             if any(r.values.get(role, Fig(None, r.loc)).value is not None for c, r in rows05.items() if len(c) == 7)}
    for i, lei_code in enumerate(sorted({c[:3] for c in codes}), 1):
        base = f"general_budget.functions[{i}]"
        first = next(rows[c] for rows in by for c in codes if c.startswith(lei_code) and c in rows)
        lei = {"code": lei_code, "name": _name(lei_code, by, some, first.loc)}
        if "total" in rows05.get(lei_code, Row("", "", {}, None)).values:
            out.put(f"{base}.current", rows05[lei_code].values["total"].amount, rows05[lei_code].values["total"].loc,
                    into=lei)
        lei["items"] = []
        for j, kuan_code in enumerate(sorted({c[:5] for c in codes if c.startswith(lei_code)}), 1):
            kbase = f"{base}.items[{j}]"
            first = next(rows[c] for rows in by for c in codes if c.startswith(kuan_code) and c in rows)
            kuan = {"code": kuan_code, "name": _name(kuan_code, by, some, first.loc)}
            if "total" in rows05.get(kuan_code, Row("", "", {}, None)).values:
                out.put(f"{kbase}.current", rows05[kuan_code].values["total"].amount,
                        rows05[kuan_code].values["total"].loc, into=kuan)
            kuan["items"] = []
            for k, code in enumerate((c for c in codes if c.startswith(kuan_code)), 1):
                ibase = f"{kbase}.items[{k}]"
                row = rows05.get(code)
                own = next(rows[code] for rows in by if code in rows)
                item = {"code": code, "name": _name(code, by, some, own.loc)}
                if row is None:
                    item["current"] = Decimal("0.00")      # a 项 paid only from other money
                else:
                    for key, role in (("current", "total"), ("basic", "basic"), ("project", "project")):
                        if role in row.values and (role in given or key == "current"):
                            out.put(f"{ibase}.{key}", row.values[role].amount, row.values[role].loc, into=item)
                for key, rows, roles in (("income", rows02, INCOME), ("spending", rows03, EXPENDITURE_KINDS)):
                    if any(len(c) == 7 for c in rows):
                        item[key] = {}
                        if code in rows:
                            for role in roles:
                                fig = rows[code].values.get(role)
                                if fig is not None and fig.amount:
                                    out.put(f"{ibase}.{key}.{role}", fig.amount, fig.loc, into=item[key])
                kuan["items"].append(item)
            lei["items"].append(kuan)
        functions.append(lei)


def _basic(out: Imported, tables: dict[str, Table]) -> None:
    t05, t06 = tables.get("05"), tables.get("06")
    basic = out.setdefault("basic", {})
    if t06 is not None:
        economic = basic.setdefault("economic", {})
        for key in sorted(k for k in t06.figs if k[0] == "code" and len(k[1]) == 5):
            fig = t06.figs[key]
            if fig.amount:
                out.put(f"basic.economic.{key[1]}", fig.amount, fig.loc, into=economic)
        _fig(out, "basic.personnel", t06.figs.get(("personnel",)))
        _fig(out, "basic.public", t06.figs.get(("public",)))
    if t05 is not None and t05.total is not None:
        _fig(out, "basic.stated_total", t05.total.get("basic"))


def _three_public(out: Imported, t: Table | None) -> None:
    if t is None or len(t.figs) < 12:
        return
    f = t.figs
    _fig(out, "three_public.stated_current", f["current", "total"])
    _fig(out, "three_public.stated_budget", f["budget", "total"])
    _fig(out, "three_public.abroad.current", f["current", "abroad"])
    _fig(out, "three_public.abroad.budget", f["budget", "abroad"])
    _fig(out, "three_public.vehicles.budget", f["budget", "vehicles"])
    for part, path in (("purchase", "vehicles.purchase"), ("operation", "vehicles.operation"),
                       ("reception", "reception")):
        _fig(out, f"three_public.{path}.current", f["current", part])
        _fig(out, f"three_public.{path}.budget", f["budget", part])


def _special_funds(out: Imported, tables: dict[str, Table], name: str, problems: list[Problem]) -> None:
    t04, t08, t09 = (tables.get(n) for n in ("04", "08", "09"))
    f04 = t04.figs if t04 else {}
    funds = {
        "government_fund": [("carryover_start", (t08.total or {}).get("carryover_start") if t08 else None),
                            ("income", (t08.total or {}).get("income") if t08 else None),
                            ("expenditure", (t08.total or {}).get("expenditure") if t08 else None),
                            ("carryover_end", (t08.total or {}).get("carryover_end") if t08 else None)],
        "state_capital": [("carryover_start", f04.get(("start", "state_capital"))),
                          ("income", f04.get(("in", "state_capital"))),
                          ("expenditure", (t09.total or {}).get("total") if t09 else None),
                          ("carryover_end", f04.get(("out", "carryover_end", "state_capital")))]}
    for key, figs in funds.items():
        if any(fig is not None and fig.amount for _, fig in figs):
            for role, fig in figs:
                _fig(out, f"{key}.{role}", fig)
    for key, number in (("government_fund", "08"), ("state_capital", "09")):
        spent = f04.get(("out", "stated_total", key))
        if number not in tables and ((spent is not None and spent.amount) or out.get("income", {}).get(key)):
            problems.append(Problem(Location(name), RULE, f"公开{number}表 {NAMES[number]} is in none of the "
                                        f"sheets, while 公开01 or 04 show such money", "add the table"))


# --- the figures as a data file --------------------------------------------------------------------------

def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return yamltext.scalar(value)
    raise TypeError(f"cannot write {type(value).__name__} {value!r} into a data file")


def _key(key) -> str:
    return yamltext.scalar(str(key))


def _lines(value, path: str, indent: int, locs: dict[str, Location]) -> list[str]:
    out = []
    pad = " " * indent
    for key, v in value.items():
        p = f"{path}.{key}" if path else str(key)
        if isinstance(v, dict) and v:
            out += [f"{pad}{_key(key)}:"] + _lines(v, p, indent + 2, locs)
        elif isinstance(v, list) and v:
            out.append(f"{pad}{_key(key)}:")
            for i, item in enumerate(v, 1):
                if isinstance(item, dict):
                    inner = _lines(item, f"{p}[{i}]", indent + 4, locs)
                    out += [f"{pad}  - {inner[0].lstrip()}"] + inner[1:]
                else:
                    out.append(f"{pad}  - {_scalar(item)}")
        else:
            text = "{}" if isinstance(v, dict) else "[]" if isinstance(v, list) else _scalar(v)
            loc = locs.get(p)
            out.append(f"{pad}{_key(key)}: {text}" + (f"    # {loc.sheet}!{loc.cell}" if loc and loc.sheet else ""))
    return out


def to_yaml(data: dict, source: str) -> str:
    """A data file holding the figures (UTF-8 text, block style), each with its cell as a comment
    when `data` is an `Imported`; the texts the tables do not hold are named in the header."""
    src = re.sub(r"[\x00-\x1f\x7f]", " ", str(source))
    header = [
        f"# Figures of the nine 公开 tables imported from {src} by `disclose import`;",
        f"# amounts in {data.get('amount_unit', 'the workbook’s unit')}, each with the sheet!cell it was read from.",
        "# The tables hold no texts: add them before `disclose build` — overview.duties; overall",
        "# (prior_total, reason); fiscal (prior_total, reason, budget, budget_reason); general_budget",
        "# (reason, budget_reason; a prior, budget or reason per 项 where the style explains it); the",
        "# reasons of government_fund and state_capital where given; three_public's prior figures, reasons",
        "# and contents; operating_costs, procurement, assets and performance — then run `disclose check`.",
        "",
    ]
    return "\n".join(header + _lines(data, "", 0, getattr(data, "locations", {}))) + "\n"
