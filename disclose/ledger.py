"""Every amount line of the accounts, and what it is compared with.

A line (收入总计, 事业收入, a 类/款/项, 人员经费, a 经济分类 line, 公务接待费, 会议费…) has its
本年 figure — from `accounts`, which defines every sum — and, where the file gives them, its
bases: 上年决算数 (`prior`), 年初预算数 (`budget`), 全年预算数 (`full_budget`), with the reasons
of the differences.  It also knows its *parent* (what its share is a share of) and its *parts*
(the lines it is the sum of), so that a total's base left out of the file is the sum of its
parts' bases, and a stated one is checked against them (rule LINE-SUMS).

The bases of a line come from the record that holds it: inline fields (an `Item`'s `prior`, the
“三公” parts' `budget`, which is their 全年预算) or the record's `compare:` mapping (`income`,
`expenditure`, `fiscal`, `basic`, `procurement`).  `derive.lines` turns each line into the
comparison object the templates receive; `rollforward` fills next year's bases from it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import accounts, classification
from .errors import Location
from .model import EXPENDITURE_KINDS, INCOME_SOURCES, Disclosure
from .numbers import total
from .schema import Record, Unfilled, model_fields

COLUMNS = ("prior", "budget", "full_budget")             # the bases an amount can be compared with
TEXTS = ("reason", "budget_reason")
WHAT = {"prior": "上年决算数", "budget": "年初预算数", "full_budget": "全年预算数",
        "reason": "变动原因", "budget_reason": "预决算差异原因"}
ALL = {c: c for c in COLUMNS + TEXTS}                      # inline fields named as the columns


@dataclass(frozen=True)
class Given:
    """A base or reason as the file gives it (`value` None: the key is there but empty)."""

    value: object
    loc: Location


@dataclass
class Entry:
    path: str                       # as in the view: income.business, general_budget.2101501…
    name: str                       # for messages: 事业收入, 行政运行（2101501）
    current: Decimal | None         # None: not known (基本支出 without 人员经费 and 公用经费)
    home: Location                  # where a missing base would be written
    parent: str | None = None       # its share is of this line
    parts: tuple[str, ...] = ()     # it is the sum of these lines
    given: dict[str, Given] = field(default_factory=dict)
    twice: list[tuple[str, Given, Given]] = field(default_factory=list)   # a base given in two places, differently
    sources: list[tuple[Record, dict[str, str]]] = field(default_factory=list)   # (record, column → its field)
    inline: set[str] = field(default_factory=set)   # columns a field of a record gives (not its `compare:` entry)

    def take(self, record: Record | None, names: dict[str, str], fallback: bool = False,
             inline: bool = True) -> "Entry":
        """The bases and reasons `record` gives this line: column → its field name there.
        A `fallback` source only fills what the others leave out; `inline` is false for the
        line's `compare:` entry (where `disclose init` writes what no field holds)."""
        if inline:
            self.inline |= set(names)
        if record is None:
            return self
        self.sources.append((record, names))
        for column, attr in names.items():
            value = getattr(record, attr)
            if value is None and not record.given(attr):
                continue
            mine = Given(None if value == "" else value, record.loc(attr))
            if column in self.given:
                earlier = self.given[column]
                if not fallback and earlier.value is not None and mine.value is not None and earlier.value != mine.value:
                    self.twice.append((column, earlier, mine))
                continue
            self.given[column] = mine
        return self


# The top-level records each record's lines are computed from (the first part of a line's path). A
# file may leave records out (a stand-alone “三公” page holds only `three_public:`): the lines of a
# record that reads an absent one are not in the ledger, and `Ledger.lacks` names the record to add.
READS = {"income": ("income",), "expenditure": ("expenditure",),
         "fiscal": ("fiscal", "income", "general_budget"), "general_budget": ("general_budget",),
         "basic": ("basic",), "three_public": ("three_public",), "operating_costs": ("operating_costs",),
         "procurement": ("procurement",)}


class Ledger(dict):
    """path → `Entry`, in the order of the document."""

    def __init__(self, absent: frozenset = frozenset()):
        super().__init__()
        self.absent = absent             # the records of READS the file leaves out
        self._bases: dict[tuple[str, str], Decimal | None] = {}
        self._fields: dict[tuple[int, str], tuple[str, str]] | None = None

    def add(self, entry: Entry) -> Entry:
        path, n = entry.path, 2
        while path in self:              # a code entered twice: both lines are kept
            path, n = f"{entry.path}#{n}", n + 1
        entry.path = path
        self[path] = entry
        return entry

    def lacks(self, record: str) -> str | None:
        """The record the file must add for the lines of `record` (a path's first part), or None."""
        return next((r for r in READS.get(record.split(".")[0], ()) if r in self.absent), None)

    def stated(self, path: str, column: str) -> Decimal | None:
        g = self[path].given.get(column)
        return None if g is None else g.value

    def base(self, path: str, column: str) -> Decimal | None:
        """The line's base in `column`: as the file gives it, else the sum of its parts' (None if
        a part's is unknown, or the line has no parts)."""
        key = (path, column)
        if key not in self._bases:
            value = self.stated(path, column)
            parts = self[path].parts
            if value is None and parts and all(p in self for p in parts):
                values = [self.base(p, column) for p in parts]
                value = None if any(v is None for v in values) else total(values)
            self._bases[key] = value
        return self._bases[key]

    def current(self, path: str) -> Decimal | None:
        return self[path].current

    def unfilled(self, path: str) -> bool:
        """Whether the line's 本年 is, or sums, a figure still empty (`schema.Unfilled`)."""
        e = self[path]
        return isinstance(e.current, Unfilled) or any(self.unfilled(p) for p in e.parts if p in self)

    def field_of(self, record: Record, attr: str) -> tuple[str, str] | None:
        """(line, column) that `record`'s field `attr` gives a base or reason of, if any."""
        if self._fields is None:
            self._fields = {(id(source), name): (path, column) for path, e in self.items()
                            for source, names in e.sources for column, name in names.items()}
        return self._fields.get((id(record), attr))


def _compare(record: Record, key: str) -> Record | None:
    return record.compare.get(key)


def _home(record: Record, key: str | None = None) -> Location:
    """Where the bases of `record`'s line `key` go: its `compare:` entry, else the record."""
    if key is not None and key in record.compare:
        return record.compare.locs[key] if hasattr(record.compare, "locs") else record.loc("compare")
    return record.loc("compare") if record.given("compare") else record.loc()


def _docs(record_type: type) -> dict[str, str]:
    return {f.name: f.metadata["doc"] for f in model_fields(record_type)}


def ledger(data: Disclosure) -> Ledger:
    """Every amount line of `data`, with its bases as given (none of a record the file leaves out)."""
    out = Ledger(frozenset(r for names in READS.values() for r in names if getattr(data, r) is None))
    for record, add in (("income", _income), ("expenditure", _expenditure), ("fiscal", _fiscal),
                        ("general_budget", _general_budget), ("basic", _basic), ("three_public", _three_public)):
        if out.lacks(record) is None:
            add(out, data)
    _special_funds(out, data)
    _others(out, data)
    return out


def _record_lines(out: Ledger, prefix: str, record: Record, lines: list[tuple[str, str, Decimal, str | None, tuple]]):
    for key, name, current, parent, parts in lines:
        out.add(Entry(f"{prefix}.{key}", name, current, _home(record, key), parent and f"{prefix}.{parent}",
                      tuple(f"{prefix}.{p}" for p in parts))).take(_compare(record, key), ALL, inline=False)


def _income(out: Ledger, data: Disclosure) -> None:
    i = data.income
    docs = _docs(type(i))
    this_year, grand_total = accounts.income_totals(i)
    _record_lines(out, "income", i, [(k, docs[k], getattr(i, k), "total", ()) for k in INCOME_SOURCES] + [
        ("fiscal", "财政拨款收入", accounts.fiscal_income(i), "total", accounts.FISCAL_SOURCES),
        ("total", "本年收入合计", this_year, "grand_total", INCOME_SOURCES),
        ("non_fiscal_balance_used", "使用非财政拨款结余", i.non_fiscal_balance_used, "grand_total", ()),
        ("carryover_start", "年初结转和结余", i.carryover_start, "grand_total", ()),
        ("grand_total", "收入总计", grand_total, None, ("total", "non_fiscal_balance_used", "carryover_start"))])
    out["income.grand_total"].take(data.overall, {"prior": "prior_total", "reason": "reason"})


def _expenditure(out: Ledger, data: Disclosure) -> None:
    e = data.expenditure
    docs = _docs(type(e))
    this_year, grand_total = accounts.expenditure_totals(e)
    _record_lines(out, "expenditure", e, [(k, docs[k], getattr(e, k), "total", ()) for k in EXPENDITURE_KINDS] + [
        ("total", "本年支出合计", this_year, "grand_total", EXPENDITURE_KINDS),
        ("balance_distribution", "结余分配", e.balance_distribution, "grand_total", ()),
        ("carryover_end", "年末结转和结余", e.carryover_end, "grand_total", ()),
        ("grand_total", "支出总计", grand_total, None, ("total", "balance_distribution", "carryover_end"))])
    # 支出总计 equals 收入总计: its 上年 is the same 上年收入支出总计 unless the file says otherwise
    out["expenditure.grand_total"].take(data.overall, {"prior": "prior_total"}, fallback=True)


def _fiscal(out: Ledger, data: Disclosure) -> None:
    f = data.fiscal
    spent = ["general_budget"] + [f"{name}.expenditure" for name in ("government_fund", "state_capital")
                                  if getattr(data, name) is not None]
    _record_lines(out, "fiscal", f, [
        ("carryover_start", "年初财政拨款结转和结余", f.carryover_start, "total_in", ()),
        ("income", "本年财政拨款收入", accounts.fiscal_income(data.income), "total_in", ()),
        ("total_in", "财政拨款收入总计", accounts.fiscal_total_in(data), None, ("carryover_start", "income")),
        ("carryover_end", "年末财政拨款结转和结余", f.carryover_end, "total_out", ()),
        ("spending", "本年财政拨款支出", accounts.fiscal_spending(data), "total_out", ()),
        ("total_out", "财政拨款支出总计", accounts.fiscal_total_out(data), None, ("carryover_end", "spending"))])
    out["fiscal.income"].parts = tuple(f"income.{k}" for k in accounts.FISCAL_SOURCES)
    out["fiscal.spending"].parts = tuple(spent)
    out["fiscal.total_in"].take(f, {"prior": "prior_total", "reason": "reason"})
    out["fiscal.total_out"].take(f, {"prior": "prior_total"}, fallback=True)
    out["fiscal.spending"].take(f, {"budget": "budget", "budget_reason": "budget_reason"})


def _general_budget(out: Ledger, data: Disclosure) -> None:
    g = data.general_budget
    top = out.add(Entry("general_budget", "一般公共预算财政拨款支出", accounts.general_budget_spending(data),
                        g.loc(), "expenditure.total")).take(g, {c: c for c in COLUMNS + TEXTS})
    leis = []
    for lei in g.functions:
        kuans = []
        for kuan in lei.items:
            items = [out.add(Entry(f"general_budget.{i.code}", f"{i.name}（{i.code}）", i.current, i.loc(),
                                   f"general_budget.{kuan.code}")).take(i, ALL).path for i in kuan.items]
            k = out.add(Entry(f"general_budget.{kuan.code}", f"{kuan.name}（{kuan.code}）",
                              accounts.function_current(kuan), kuan.loc(),
                              f"general_budget.{lei.code}", tuple(items))).take(kuan, ALL)
            kuans.append(k.path)
        leis.append(out.add(Entry(f"general_budget.{lei.code}", f"{lei.name}（{lei.code}）",
                                  accounts.function_current(lei), lei.loc(),
                                  "general_budget", tuple(kuans))).take(lei, ALL).path)
    top.parts = tuple(leis)


def _special_funds(out: Ledger, data: Disclosure) -> None:
    for name, what in (("government_fund", "政府性基金预算财政拨款支出"), ("state_capital", "国有资本经营预算财政拨款支出")):
        f = getattr(data, name)
        if f is not None:
            out.add(Entry(f"{name}.expenditure", what, f.expenditure, f.loc(), "fiscal.spending")).take(
                f, {"prior": "prior", "reason": "reason"})


def _basic(out: Ledger, data: Disclosure) -> None:
    b = data.basic
    entries = classification.economic()
    personnel, public = accounts.personnel_and_public(b)
    groups = {"人员经费": "personnel", "公用经费": "public"}
    classes = {code: e for code, e in entries.items() if e.level == "class"}
    _record_lines(out, "basic", b, [
        ("total", "一般公共预算财政拨款基本支出", accounts.basic_total(b), None, ("personnel", "public")),
        ("personnel", "人员经费", personnel, "total", tuple(c for c, e in classes.items() if e.group == "人员经费")),
        ("public", "公用经费", public, "total", tuple(c for c, e in classes.items() if e.group == "公用经费"))])
    out["basic.total"].parent = "general_budget"
    lines = [c for c in entries if len(c) == 5 and (c in b.economic or c in b.classes)]
    def home(code: str) -> Location:
        return b.classes.locs[code] if code in b.classes and hasattr(b.classes, "locs") else b.loc("classes")

    for code, e in sorted(classes.items()):
        mine = tuple(f"basic.{c}" for c in lines if c.startswith(code))
        group_total = personnel if e.group == "人员经费" else public
        if b.economic:
            current = accounts.economic_class(b.economic, code)
        else:       # without the economic codes a class is known only when its whole group is nil
            current = Decimal("0") if group_total == 0 else None
        out.add(Entry(f"basic.{code}", f"{e.name}（{code}）", current,
                      home(code), f"basic.{groups[e.group]}", mine)).take(b.classes.get(code), ALL)
    for code in lines:
        out.add(Entry(f"basic.{code}", f"{entries[code].name}（{code}）", b.economic.get(code, Decimal("0")),
                      home(code), f"basic.{code[:3]}")).take(b.classes.get(code), ALL)


def _three_public(out: Ledger, data: Disclosure) -> None:
    """The “三公” parts give their 全年预算 as `budget` (the 决算 table's only budget column)."""
    t = data.three_public
    v = t.vehicles
    costs = {"prior": "prior", "full_budget": "budget", "reason": "reason", "budget_reason": "budget_reason"}
    out.add(Entry("three_public", "“三公”经费", accounts.three_public_column(t, "current"), t.loc(), None,
                  ("three_public.abroad", "three_public.vehicles", "three_public.reception"))).take(
        t, {"prior": "stated_prior", "full_budget": "stated_budget", "reason": "reason",
            "budget_reason": "budget_reason"})
    out.add(Entry("three_public.abroad", "因公出国（境）费", t.abroad.current, t.abroad.loc(),
                  "three_public")).take(t.abroad, costs)
    out.add(Entry("three_public.vehicles", "公务用车购置及运行维护费", accounts.vehicles_column(t, "current"),
                  v.loc(), "three_public", ("three_public.vehicles.purchase", "three_public.vehicles.operation"))
            ).take(v, costs)
    for key, what in (("purchase", "公务用车购置费"), ("operation", "公务用车运行维护费")):
        part = getattr(v, key)
        out.add(Entry(f"three_public.vehicles.{key}", what, part.current, part.loc(),
                      "three_public.vehicles")).take(part, costs)
    out.add(Entry("three_public.reception", "公务接待费", t.reception.current, t.reception.loc(),
                  "three_public")).take(t.reception, costs)


def _others(out: Ledger, data: Disclosure) -> None:
    oc = data.operating_costs
    if oc is not None:
        out.add(Entry("operating_costs", "机关运行经费", oc.current, oc.loc())).take(oc, ALL)
    p = data.procurement
    if p is not None:
        _procurement(out, p)
    for name, what in (("meetings", "会议费"), ("training", "培训费")):
        cost = getattr(data, name)
        if cost is not None:
            out.add(Entry(name, what, cost.current, cost.loc())).take(cost, ALL)


def _procurement(out: Ledger, p) -> None:
    _record_lines(out, "procurement", p, [
        ("goods", "政府采购货物支出", p.goods, "total", ()), ("works", "政府采购工程支出", p.works, "total", ()),
        ("services", "政府采购服务支出", p.services, "total", ()),
        ("total", "政府采购支出总额", accounts.procurement_total(p), None, ("goods", "works", "services"))])
