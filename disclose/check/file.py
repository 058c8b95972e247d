"""Rules about the file itself: silences, codes, placeholders, the year and the unit."""
from __future__ import annotations

import difflib

import re
from dataclasses import fields, is_dataclass
from typing import Iterator

from ..errors import ERROR, WARNING, Location
from ..model import Record
from .rules import RULES, Context, rule

BOTH = ("disclosure", "evaluation")     # rules about any data file, whatever document it makes


def texts(record, path: str = "") -> Iterator[tuple[Record, str, str, str]]:
    """Every text of the data file: (record, key, value, dotted path). `text_location` gives the
    line of one (a list's item has a line of its own)."""
    for f in fields(record):
        if f.name == "meta":
            continue
        value = getattr(record, f.name)
        where = f"{path}.{f.name}" if path else f.name
        if isinstance(value, dict):
            pairs = [(f"{where}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            pairs = [(f"{where}[{i + 1}]", v) for i, v in enumerate(value)]
        else:
            pairs = [(where, value)]
        for w, v in pairs:
            if isinstance(v, str):
                yield record, f.name, v, w
            elif is_dataclass(v):
                yield from texts(v, w)


def text_location(record, key: str, where: str) -> Location:
    """The line of a text `texts()` gave: its key's, or its own within a list."""
    value = getattr(record, key)
    index = where.rsplit("[", 1)[-1].rstrip("]") if where.endswith("]") else ""
    locs = getattr(value, "locs", None)
    if index.isdigit() and isinstance(locs, list) and int(index) <= len(locs):
        return locs[int(index) - 1]
    return record.loc(key)


# --- the file itself ---------------------------------------------------------------------

@rule("SILENCE", ERROR, "a rule silenced for the file exists and says why", kinds=BOTH)
def silence(ctx: Context):
    known = {r.id for r in RULES}
    if not ctx.data.checks:
        return
    for s in ctx.data.checks.silence:
        if s.rule not in known:
            yield ctx.problem(s.loc("rule"), f"`{s.rule}` is not a rule", "`disclose check --rules` lists them")


@rule("FUNC-CODE", ERROR, "功能分类 codes are 3/5/7 digits and each 项 lies inside its 款, each 款 inside its 类",
      reads=("general_budget",))
def func_code(ctx: Context):
    seen: dict[str, Location] = {}
    for lei in ctx.data.general_budget.functions:
        if len(lei.code) != 3:
            yield ctx.problem(lei.loc("code"), f"类 code `{lei.code}` of {lei.name} has {len(lei.code)} digits",
                              "a 类 code has 3 digits, e.g. \"210\"")
        for kuan in lei.items:
            if len(kuan.code) != 5 or not kuan.code.startswith(lei.code):
                yield ctx.problem(kuan.loc("code"),
                                  f"款 code `{kuan.code}` of {kuan.name} does not fit its 类 {lei.code} {lei.name}",
                                  f"a 款 code has 5 digits and starts with its 类 code: {lei.code}xx")
            for item in kuan.items:
                if len(item.code) != 7 or not item.code.startswith(kuan.code):
                    yield ctx.problem(
                        item.loc("code"),
                        f"项 code `{item.code}` of {item.name} does not fit its 款 {kuan.code} {kuan.name}",
                        f"a 项 code has 7 digits and starts with its 款 code: {kuan.code}xx")
                if item.code in seen:
                    yield ctx.problem(item.loc("code"), f"项 code `{item.code}` appears twice "
                                      f"(first at line {seen[item.code].line})", "enter each 项 once")
                seen.setdefault(item.code, item.loc("code"))


@rule("TEXT-KEY", ERROR, "every key of `texts:` is one the style prints (its style.yaml's `texts:`)")
def text_key(ctx: Context):
    known = ctx.style.settings.texts
    for key in ctx.data.texts:
        close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
        if key not in known:
            yield ctx.problem(ctx.data.texts.locs[key], f"style {ctx.style.name} prints no text `{key}`",
                              f"did you mean `{close[0]}`?" if close else
                              (f"its texts are: {', '.join(known)}" if known else
                               "it prints none: remove the key, or add it to the style's `texts:` and a template"))


@rule("PLACEHOLDER", ERROR, "no text is left as a placeholder (TODO, XXX, 待补充…)", kinds=BOTH)
def placeholder(ctx: Context):
    pattern = re.compile(r"TODO|TBD|XXX|xxx|待补充|待填写|待完善|待定|此处填写|\?\?|？？|××|ＸＸ")
    for record, key, value, where in ctx.texts:
        m = pattern.search(value)
        if m:
            yield ctx.problem(text_location(record, key, where), f"{where} still holds the placeholder `{m.group(0)}`: {value[:40]}",
                              "write the real text")


@rule("IDENTITY-YEAR", WARNING, "texts speak of the file's year: no 截至/年度 of a later year", kinds=BOTH)
def identity_year(ctx: Context):
    year = ctx.data.year
    pattern = re.compile(r"(截至|截止)\s*(\d{4})\s*年|(\d{4})\s*年度")
    for record, key, value, where in ctx.texts:
        for m in pattern.finditer(value):
            y = int(m.group(2) or m.group(3))
            if y > year:
                yield ctx.problem(text_location(record, key, where), f"{where} speaks of {m.group(0).strip()} in the accounts "
                                  f"of {year}", f"check the year (the accounts are of {year})")


@rule("IDENTITY-UNIT", WARNING, "each 项目支出绩效自评表 belongs to the unit (主管部门 or 实施单位)",
      reads=("performance",))
def identity_unit(ctx: Context):
    for p in ctx.data.performance.projects:
        if ctx.data.unit not in (p.department, p.implementer):
            yield ctx.problem(p.loc("department"), f"项目支出绩效自评表 {p.name}: neither 主管部门 `{p.department}` "
                              f"nor 实施单位 `{p.implementer}` is {ctx.data.unit}",
                              "check the names against `unit:`")
