"""A 公开 table read from its grid (`Table`: its figures with their cells, the sums it holds), and
the five tables whose rows go by 功能分类科目编码: 公开02, 03, 05, 08 and 09.

Each column is found by its heading's words, else by its 栏次; each row by its code (one code
column, or 类/款/项 columns); each amount keeps its cell.  The sums each table holds are
checked: 合计 = Σ 类 = Σ 款 = Σ 项, and a total column = Σ its parts.  `forms.py` reads the
other four tables; `workbook.py` puts the figures into the data file's shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..errors import Location, Problem
from ..numbers import ZERO, quantize, tolerance
from .places import Header, Place
from .sheets import RULE, amount, code_and_name, is_note, label, norm

NAMES = {"01": "收入支出决算总表", "02": "收入决算表", "03": "支出决算表", "04": "财政拨款收入支出决算总表",
         "05": "一般公共预算财政拨款支出决算表", "06": "一般公共预算财政拨款基本支出决算明细表",
         "07": "一般公共预算财政拨款“三公”经费支出决算表", "08": "政府性基金预算财政拨款收入支出决算表",
         "09": "国有资本经营预算财政拨款支出决算表"}


class Fig(NamedTuple):
    value: Decimal | None       # None: a blank cell (0 where a figure is needed)
    loc: Location
    bad: bool = False           # not an amount (a problem already says so)

    @property
    def amount(self) -> Decimal:
        return ZERO if self.value is None else self.value


@dataclass
class Row:
    """A row of a 功能分类 table: its code (3, 5 or 7 digits), name and figures by column."""

    code: str
    name: str
    values: dict[str, Fig]
    loc: Location


@dataclass
class Table:
    number: str
    place: Place
    header: Header
    scale: Decimal                  # to the result's unit: 1, 10000 (万元 → 元) or 0.0001 (元 → 万元)
    rounded: bool                   # figures rounded to the cent of 万元: totals may differ by rounding
    problems: list[Problem]
    figs: dict = field(default_factory=dict)
    rows: dict[str, Row] = field(default_factory=dict)
    total: dict[str, Fig] | None = None

    @property
    def name(self) -> str:
        return f"公开{self.number}表"

    def problem(self, loc: Location, what: str, hint: str, related=()) -> None:
        self.problems.append(Problem(loc, RULE, f"{self.name}: {what}", hint, related=tuple(related)))

    def fig(self, r: int, c: int | None, what: str) -> Fig:
        grid = self.place.grid
        if c is None:
            return Fig(None, grid.loc(r, 0))
        loc = grid.loc(r, c)
        raw = grid.value(r, c)
        try:
            value = amount(raw)
        except ValueError as exc:
            self.problem(loc, f"`{raw}` in {what} {exc}", "write the amount as digits with at most two decimals "
                         "(leave the cell blank for 0)")
            return Fig(None, loc, bad=True)
        if value is not None and self.scale != 1:
            value = value * self.scale
            if value != quantize(value):
                self.problem(loc, f"{raw} in {what} cannot be written in the workbook's unit to the cent",
                             "give every table in the same 金额单位")
                return Fig(None, loc, bad=True)
        return Fig(value, loc)

    def data_rows(self):
        """The rows below the header up to the notes (注：…) or the next table; empty rows skipped."""
        grid = self.place.grid
        for r in range(self.header.data, self.place.end):
            texts = grid.row_texts(r)
            first = next((t for t in texts if t), "")
            if not first:
                continue
            if is_note(first):
                return
            yield r

    def check_sum(self, whole: Fig, parts: list[Fig], what: str, of: str) -> None:
        if all(p.value is None for p in parts) or whole.bad or any(p.bad for p in parts):
            return          # parts not given (all blank), or a cell that is not an amount (reported already)
        got = sum((p.amount for p in parts), ZERO)
        allowed = tolerance(len(parts), rounded=self.rounded) * (10000 if self.scale > 1 else 1)
        if abs(whole.amount - got) > allowed:
            cells = ", ".join(p.loc.cell for p in parts[:12]) + ("…" if len(parts) > 12 else "")
            self.problem(whole.loc, f"{what} is {whole.amount:,.2f}, but {of} add up to {got:,.2f}",
                         f"correct the total or the figure that is wrong ({cells})",
                         related=[p.loc for p in parts])

    def columns(self, specs, avoid=()) -> dict[str, int | None]:
        """Each role's column: by its heading's words, else by its 栏次; a required one missing is a problem.
        `specs`: (role, what, words, 栏次, required); words are tried in turn (a tuple: any of them)."""
        found, used = {}, set(avoid)
        for role, what, words, lanci, required in specs:
            col = next((c for w in words if (c := self.header.find(*w, where=lambda c: c not in used)) is not None),
                       None)
            if col is None and lanci:
                col = self.header.by_lanci(lanci)
                col = None if col in used else col
            if col is None and required:
                self.problem(self.header.loc(), f"cannot find the column {what} in the header ({self.header.rows()})",
                             f"head the column {what} as the national form does" +
                             (f", or give the 栏次 row with {lanci} over it" if lanci else ""))
            if col is not None:
                used.add(col)
            found[role] = col
        return found


# --- 公开02, 03, 05, 08, 09: rows by 功能分类科目编码 -----------------------------------------------------

TOTAL_LABELS = ("合计", "总计")
CODE_LENGTHS = {3: "类", 5: "款", 7: "项"}


def hierarchy_data_row(grid, r: int) -> bool:
    texts = [t for t in grid.row_texts(r) if t]
    if not texts:
        return False
    digits, _ = code_and_name(next(grid.value(r, c) for c in range(grid.width) if grid.text(r, c)))
    return texts[0] in TOTAL_LABELS or (len(digits) in CODE_LENGTHS and digits.startswith("2"))


def _code_columns(t: Table) -> tuple[dict, int | None]:
    h = t.header
    split = {k: h.find(k, own=True, exact=True) for k in ("类", "款", "项")}
    if all(c is not None for c in split.values()):
        return split, h.find("名称")
    code = h.find("编码", "代码")
    if code is None:
        code = h.find("科目", "项目", own=True, exclude=("名称", "支出", "收入"))
    name = h.find("名称", where=lambda c: c != code)
    if name is None and code is not None and h.full.get(code + 1) == h.full[code]:
        name = code + 1         # 项目 over both columns: the code, then the name
    if code is None:
        t.problem(h.loc(), f"cannot find the column 科目编码 in the header ({h.rows()})",
                  "head the code column 科目编码 (or 类, 款, 项) as the national form does")
    return {"code": code}, name


def read_hierarchy(t: Table, specs, sums: tuple[str, list[str]] | None) -> None:
    """Rows by code into `t.rows`, the 合计 row into `t.total`; `sums` = (the total column, its parts)."""
    grid = t.place.grid
    codes, name_col = _code_columns(t)
    if any(c is None for c in codes.values()):
        return
    cols = t.columns(specs, avoid=set(codes.values()) | {name_col})
    cols = {k: c for k, c in cols.items() if c is not None}
    lei = kuan = ""
    for r in t.data_rows():
        cells = {k: grid.value(r, c) for k, c in codes.items()}
        name = str(grid.value(r, name_col)).strip() if name_col is not None else ""
        if "code" in cells:
            code, rest = code_and_name(cells["code"])
            name = name or rest
        else:
            parts = {k: code_and_name(v)[0] for k, v in cells.items()}
            # a 款 or 项 part is two digits (05), also where the cell holds the number 5
            code, x, k = parts["类"], parts["项"].zfill(2 * bool(parts["项"])), parts["款"].zfill(2 * bool(parts["款"]))
            if x:
                code = x if len(x) == 7 else ((k if len(k) == 5 else (code or lei) + k) if k else kuan) + x
            elif k:
                code = k if len(k) == 5 else (code or lei) + k
        first = label(next((v for v in list(cells.values()) + [name] if norm(v)), ""))
        is_total = first in TOTAL_LABELS or label(name) in TOTAL_LABELS
        row_name = "the 合计 row" if is_total else f"{code} {name}".strip() or f"row {r + 1}"
        values = {role: t.fig(r, c, f"the {role_name(specs, role)} column of {row_name}") for role, c in cols.items()}
        if is_total:
            t.total = t.total or values
            continue
        if not code:
            if any(f.value for f in values.values()):
                t.problem(grid.loc(r, min(codes.values())), f"row {r + 1} has amounts but no 科目编码",
                          "give the row its 功能分类 code (类 3 digits, 款 5, 项 7)")
            continue
        if len(code) not in CODE_LENGTHS:
            t.problem(grid.loc(r, min(codes.values())), f"`{code}` is not a 功能分类 code: a 类 has 3 digits, "
                      "a 款 5 and a 项 7", "write the row's full code")
            continue
        if len(code) == 3:
            lei, kuan = code, ""
        elif len(code) == 5:
            kuan = code
        if code in t.rows:
            t.problem(grid.loc(r, min(codes.values())), f"the code {code} is given twice "
                      f"(first at {t.rows[code].loc.cell})", "keep one row per code")
            continue
        t.rows[code] = Row(code, name, values, grid.loc(r, min(codes.values())))
    _check_hierarchy(t, [k for k in cols], sums, specs)


def role_name(specs, role: str) -> str:
    return next((what for r, what, *_ in specs if r == role), role)


def _check_hierarchy(t: Table, roles: list[str], sums, specs) -> None:
    rows = list(t.rows.values())
    below: dict[str, list[Row]] = {}          # 类 and 款 code → the rows under it
    for x in rows:
        for n in (3, 5):
            if len(x.code) > n:
                below.setdefault(x.code[:n], []).append(x)
    top = [x for x in rows if len(x.code) == 3] or [x for x in rows if len(x.code) == 7]
    for role in roles:
        what = role_name(specs, role)
        for row in rows:
            if len(row.code) == 7:
                continue
            kuans = [x.values[role] for x in below.get(row.code, []) if len(x.code) == 5]
            items = [x.values[role] for x in below.get(row.code, []) if len(x.code) == 7]
            name = f"{row.code} {row.name}".strip()
            if kuans:
                t.check_sum(row.values[role], kuans, f"{name} {what}", "its 款 rows")
            if items:
                t.check_sum(row.values[role], items, f"{name} {what}", "its 项 rows")
            elif row.values[role].amount:
                t.problem(row.values[role].loc, f"{name} has {what} {row.values[role].amount:,.2f} but no 项 rows",
                          "give the 项 rows of the 类 and 款 (the data file holds figures by 项)")
        if t.total is not None and top:
            t.check_sum(t.total[role], [x.values[role] for x in top], f"the 合计 row's {what}",
                        f"the {CODE_LENGTHS[len(top[0].code)]} rows")
    required = {role for role, *_, needed in specs if needed}
    if sums and sums[0] in roles and required <= set(roles):   # an optional column not found counts 0
        whole, parts = sums[0], [p for p in sums[1] if p in roles]
        named = [(x.values, x.code) for x in rows] + ([(t.total, "合计")] if t.total is not None else [])
        for values, name in named:
            t.check_sum(values[whole], [values[p] for p in parts], f"{name} {role_name(specs, whole)}",
                        "its columns " + "、".join(role_name(specs, p) for p in parts))


def _words(*words):
    return [tuple(words)]


SPECS = {
    "02": [("total", "本年收入合计", [("本年收入合计", "收入合计"), ("合计",)], 1, True),
           ("fiscal", "财政拨款收入", [("财政拨款",)], 2, True),
           ("superior_subsidy", "上级补助收入", _words("上级补助"), 3, False),
           ("business", "事业收入", _words("事业收入"), 4, False),
           ("operating", "经营收入", _words("经营收入"), 5, False),
           ("affiliated", "附属单位上缴收入", _words("附属单位"), 6, False),
           ("other", "其他收入", _words("其他收入"), 7, True)],
    "03": [("total", "本年支出合计", [("本年支出合计", "支出合计"), ("合计",)], 1, True),
           ("basic", "基本支出", _words("基本支出"), 2, True),
           ("project", "项目支出", _words("项目支出"), 3, True),
           ("to_superior", "上缴上级支出", _words("上缴上级"), 4, False),
           ("operating", "经营支出", _words("经营支出"), 5, False),
           ("to_affiliated", "对附属单位补助支出", _words("附属单位"), 6, False)],
    "05": [("total", "本年支出合计", [("本年支出合计", "支出合计"), ("合计", "决算数")], 1, True),
           ("basic", "基本支出", _words("基本支出"), 2, True),
           ("project", "项目支出", _words("项目支出"), 3, True)],
    "08": [("carryover_start", "年初结转和结余", _words("年初"), 1, True),
           ("income", "本年收入", _words("本年收入"), 2, True),
           ("basic", "基本支出", _words("基本支出"), 4, False),
           ("project", "项目支出", _words("项目支出"), 5, False),
           ("expenditure", "本年支出", [("本年支出合计", "本年支出小计"), ("本年支出", "小计")], 3, True),
           ("carryover_end", "年末结转和结余", _words("年末"), 6, True)],
}
SPECS["09"] = SPECS["05"]
SUMS = {"02": ("total", ["fiscal", "superior_subsidy", "business", "operating", "affiliated", "other"]),
        "03": ("total", ["basic", "project", "to_superior", "operating", "to_affiliated"]),
        "05": ("total", ["basic", "project"]), "08": ("expenditure", ["basic", "project"]),
        "09": ("total", ["basic", "project"])}


def read_functional(t: Table) -> None:
    read_hierarchy(t, SPECS[t.number], SUMS[t.number])
