"""The four 公开 tables laid out as forms: 公开01 and 04 (a 收入 side and a 支出 side, rows by name,
else 行次), 公开06 (three groups of 经济分类 code, name and amount) and 公开07 (one row of “三公”
经费, 预算 then 决算).  Each reader fills `Table.figs` and checks the sums its table holds."""
from __future__ import annotations

import re

from .. import classification
from ..numbers import ZERO
from .sheets import amount, code_and_name, label, norm
from .tables import Fig, Table, hierarchy_data_row, read_functional

# --- 公开01 and 04: rows by name (else 行次), a 收入 side and a 支出 side ------------------------------------

LEFT = {   # role → the row's name, without its numbering
    "general_budget": r"一般公共预算财政拨款(收入)?", "government_fund": r"政府性基金预算财政拨款(收入)?",
    "state_capital": r"国有资本经营预算财政拨款(收入)?", "superior_subsidy": r"上级补助收入",
    "business": r"事业收入", "operating": r"经营收入", "affiliated": r"附属单位上缴收入", "other": r"其他收入",
    "stated_total": r"本年收入合计", "non_fiscal_balance_used": r"用事业基金弥补收支差额|使用非财政拨款结余.*",
    "carryover_start": r"年初(财政拨款)?结转和结余", "grand_total": r"(收入)?总计"}
RIGHT = {"stated_total": r"本年支出合计", "balance_distribution": r"结余分配",
         "carryover_end": r"年末(财政拨款)?结转和结余", "grand_total": r"(支出)?总计"}
SOURCES = ("general_budget", "government_fund", "state_capital", "superior_subsidy", "business", "operating",
           "affiliated", "other")
LINES = {"01": ({1: "general_budget", 2: "government_fund", 3: "superior_subsidy", 4: "business", 5: "operating",
                 6: "affiliated", 7: "other", 25: "stated_total", 26: "non_fiscal_balance_used",
                 27: "carryover_start", 28: "grand_total"},
                {55: "stated_total", 56: "balance_distribution", 57: "carryover_end", 58: "grand_total"}),
         "04": ({1: "general_budget", 2: "government_fund", 3: "state_capital", 27: "stated_total",
                 28: "carryover_start", 32: "grand_total"},
                {59: "stated_total", 60: "carryover_end", 64: "grand_total"})}
FUNDS = ("total", "general_budget", "government_fund", "state_capital")


def role_of(text: str, names: dict[str, str]) -> str | None:
    return next((role for role, pattern in names.items() if re.fullmatch(pattern, text)), None)


def summary_data_row(grid, r: int) -> bool:
    first = next((v for v in (grid.value(r, c) for c in range(grid.width)) if norm(v)), "")
    return role_of(label(first), LEFT) is not None


def _number(value) -> int | None:
    text = norm(value)
    return int(text) if text.isdigit() and len(text) <= 3 else None


def _first(*cols: int | None) -> int | None:
    return next((c for c in cols if c is not None), None)


def _summary_columns(t: Table, left: int, right: int) -> tuple[int | None, dict[str, int | None]]:
    """The 收入 side's 决算数 column and the 支出 side's (by kind of 财政拨款 in 公开04)."""
    h = t.header
    words = ("决算", "金额", "本年数", "合计")
    in_col = _first(h.find(*words, where=lambda c: left < c < right and "行次" not in h.full[c]), h.by_lanci(1))

    def after(c: int) -> bool:
        return c > right and "行次" not in h.full[c]

    if t.number == "01":
        return in_col, {"total": _first(h.find(*words, where=after), h.by_lanci(2))}
    return in_col, {"total": _first(h.find("合计", own=True, where=after), h.by_lanci(2),
                                    h.find(*words, where=after)),
                    "general_budget": _first(h.find("一般公共预算", own=True, where=after), h.by_lanci(3)),
                    "government_fund": _first(h.find("政府性基金", own=True, where=after), h.by_lanci(4)),
                    "state_capital": _first(h.find("国有资本", own=True, where=after), h.by_lanci(5))}


FUND_NAMES = {"total": "决算数 合计", "general_budget": "一般公共预算财政拨款",
              "government_fund": "政府性基金预算财政拨款", "state_capital": "国有资本经营预算财政拨款"}


def read_summary(t: Table) -> None:
    """公开01 or 04 into t.figs: ('in', role), ('start', source) and ('out', role, kind) → Fig."""
    h, grid = t.header, t.place.grid
    names = [c for c in sorted(h.own) if "项目" in h.own[c]]
    if len(names) < 2:
        t.problem(h.loc(), f"cannot find the two 项目 columns (收入 and 支出) in the header ({h.rows()})",
                  "head the row names of each side 项目, as the national form does")
        return
    left, right = names[0], names[1]
    in_col, out_cols = _summary_columns(t, left, right)
    missing = [("收入 决算数", in_col)] + [(f"支出 {FUND_NAMES[k]}", c) for k, c in out_cols.items()]
    for what, col in missing:
        if col is None:
            t.problem(h.loc(), f"cannot find the column {what} in the header ({h.rows()})",
                      "head it as the national form does, or give the 栏次 row")
    if any(col is None for _, col in missing):
        return
    in_line = h.find("行次", where=lambda c: left < c < right)
    out_line = h.find("行次", where=lambda c: c > right)
    lines_in, lines_out = LINES[t.number]
    after_carryover, out_done, classes = False, False, []
    for r in t.data_rows():
        name_in, name_out = label(grid.value(r, left)), label(grid.value(r, right))
        role = role_of(name_in, LEFT) if name_in else \
            lines_in.get(_number(grid.value(r, in_line)) if in_line is not None else None)
        fig = t.fig(r, in_col, f"the 收入 row {name_in or r + 1}")
        if role and after_carryover and role in SOURCES:
            t.figs.setdefault(("start", role), fig)
        elif role:
            t.figs.setdefault(("in", role), fig)
            after_carryover = after_carryover or role == "carryover_start"
        elif fig.value:
            t.problem(fig.loc, f"the 收入 row `{name_in}` is not a row of the national form",
                      "name the row as the national form does (e.g. 七、其他收入)")
        role = role_of(name_out, RIGHT) if name_out else \
            lines_out.get(_number(grid.value(r, out_line)) if out_line is not None else None)
        figs = {k: t.fig(r, c, f"the 支出 row {name_out or r + 1}") for k, c in out_cols.items()}
        if role:
            for k, f in figs.items():
                t.figs.setdefault(("out", role, k), f)
            out_done = out_done or role == "stated_total"
        elif name_out and not out_done:
            classes.append(figs)
        elif any(f.value for f in figs.values()):
            t.problem(figs["total"].loc, f"the 支出 row `{name_out}` is not a row of the national form",
                      "name the row as the national form does (e.g. 结余分配)")
    _check_summary(t, classes, list(out_cols))


def _check_summary(t: Table, classes: list[dict[str, Fig]], kinds: list[str]) -> None:
    f = t.figs
    blank = Fig(None, t.header.loc())

    def get(*key) -> Fig:
        return f.get(key, blank)

    if ("in", "stated_total") in f:
        t.check_sum(f["in", "stated_total"], [f[k] for k in f if k[0] == "in" and k[1] in SOURCES],
                    "本年收入合计", "the sources of 本年收入")
    if ("in", "grand_total") in f:
        t.check_sum(f["in", "grand_total"], [get("in", "stated_total"), get("in", "non_fiscal_balance_used"),
                                             get("in", "carryover_start")], "收入 总计",
                    "本年收入合计, 结余 and 年初结转和结余")
    start = [f[k] for k in f if k[0] == "start"]
    if start and ("in", "carryover_start") in f:
        t.check_sum(f["in", "carryover_start"], start, "年初财政拨款结转和结余", "its rows by kind of 财政拨款")
    for kind in kinds:
        column = f" ({FUND_NAMES[kind]})" if t.number == "04" else ""
        if ("out", "stated_total", kind) in f and any(c[kind].value is not None for c in classes):
            t.check_sum(f["out", "stated_total", kind], [c[kind] for c in classes], f"本年支出合计{column}",
                        "the 类 rows")
        if ("out", "grand_total", kind) in f:
            t.check_sum(f["out", "grand_total", kind], [get("out", "stated_total", kind),
                                                        get("out", "balance_distribution", kind),
                                                        get("out", "carryover_end", kind)],
                        f"支出 总计{column}", "本年支出合计, 结余分配 and 年末结转和结余")
    if t.number == "04":
        rows = classes + [{k: f["out", role, k] for k in kinds if ("out", role, k) in f} for role in RIGHT]
        for row in rows:
            if len(row) == len(FUNDS) and row["total"].value is not None:
                t.check_sum(row["total"], [row[k] for k in FUNDS[1:]], "合计", "its three kinds of 财政拨款")


# --- 公开06: amounts by 部门支出经济分类 code --------------------------------------------------------------

def economic_data_row(grid, r: int) -> bool:
    for c in range(grid.width):
        digits, _ = code_and_name(grid.value(r, c)) if norm(grid.value(r, c)) else ("", "")
        if len(digits) in (3, 5) and digits.startswith("3"):
            return True
    return False


TOTALS06 = {"人员经费合计": "personnel", "人员经费": "personnel", "公用经费合计": "public", "公用经费": "public"}


def read_economic(t: Table) -> None:
    """公开06 into t.figs: ('code', code) → Fig, ('personnel',) and ('public',) → Fig."""
    h, grid = t.header, t.place.grid
    codes = [c for c in sorted(h.own) if "代码" in h.own[c] or "编码" in h.own[c]]
    amounts = [c for c in sorted(h.own) if any(w in h.own[c] for w in ("金额", "决算数"))]
    if not codes or not amounts:
        t.problem(h.loc(), f"cannot find the columns 科目代码 and 金额 in the header ({h.rows()})",
                  "head each group of columns 科目代码, 科目名称, 金额 as the national form does")
        return
    groups = [(c, next((a for a in amounts if a > c), None)) for c in codes]
    entries = classification.economic()
    for r in t.data_rows():
        for code_col, amount_col in groups:
            raw = grid.value(r, code_col)
            if not norm(raw):
                continue
            digits, _ = code_and_name(raw)
            if not digits:
                continue
            if len(digits) not in (3, 5) or not digits.startswith("3"):
                t.problem(grid.loc(r, code_col), f"`{digits}` is not a code of the 部门支出经济分类",
                          "write the 3-digit class or 5-digit code (e.g. 30101)")
                continue
            fig = t.fig(r, amount_col, f"the amount of {digits}")
            if ("code", digits) in t.figs:
                t.problem(fig.loc, f"the code {digits} is given twice", "keep one row per code")
            t.figs[("code", digits)] = fig
        labels = {c: key for c in range(grid.width) if (key := TOTALS06.get(label(grid.value(r, c))))}
        for c, key in labels.items():      # its amount: in the first amount column before the next label
            stop = min([x for x in labels if x > c] + [grid.width])
            col = next((a for a in amounts if c < a < stop and grid.text(r, a)), None)
            t.figs.setdefault((key,), t.fig(r, col, key) if col is not None else Fig(None, grid.loc(r, c)))
    codes5 = {k[1]: f for k, f in t.figs.items() if k[0] == "code" and len(k[1]) == 5}
    classes = {k[1]: f for k, f in t.figs.items() if k[0] == "code" and len(k[1]) == 3}
    for code, f in classes.items():
        parts = [x for c, x in codes5.items() if c.startswith(code)]
        name = entries[code].name if code in entries else ""
        t.check_sum(f, parts, f"{code} {name}".strip(), "its codes")
    for key, group in (("personnel", "人员经费"), ("public", "公用经费")):
        def of_group(c: str) -> bool:
            return (entries[c[:3]].group if c[:3] in entries else "公用经费") == group
        parts = [f for c, f in codes5.items() if of_group(c)] or [f for c, f in classes.items() if of_group(c)]
        if (key,) in t.figs:
            t.check_sum(t.figs[key,], parts, f"{group}合计", "its codes")


# --- 公开07: “三公”经费, 预算 and 决算 ----------------------------------------------------------------------

THREE_PUBLIC = (("total", lambda own: own == "合计"), ("abroad", lambda own: "因公出国" in own),
                ("vehicles", lambda own: own == "小计" or own.startswith("公务用车购置及运行维护")),
                ("purchase", lambda own: "购置费" in own and "运行" not in own),
                ("operation", lambda own: "运行维护费" in own and "购置" not in own),
                ("reception", lambda own: "接待" in own))


def amount_data_row(grid, r: int) -> bool:
    for c in range(grid.width):
        try:
            if amount(grid.value(r, c)) is not None:
                return True
        except ValueError:
            pass
    return False


def read_three_public(t: Table) -> None:
    """公开07 into t.figs: (group, role) → Fig for group budget / current; an empty table is zeros."""
    h, grid = t.header, t.place.grid
    cols: dict[tuple[str, str], int] = {}
    for group, word, offset in (("budget", "预算", 0), ("current", "决算", 6)):
        for i, (role, test) in enumerate(THREE_PUBLIC):
            col = next((c for c in sorted(h.own) if word in h.full[c] and h.own[c] and test(h.own[c])), None)
            col = h.by_lanci(offset + i + 1) if col is None else col
            if col is None:
                t.problem(h.loc(), f"cannot find the column {'预算数' if group == 'budget' else '决算数'} "
                          f"{dict(THREE_PUBLIC_NAMES)[role]} in the header ({h.rows()})",
                          "head the columns as the national form does, or give the 栏次 row 1 … 12")
            else:
                cols[group, role] = col
    if len(cols) < 12:
        return
    row = next((r for r in t.data_rows() if any(norm(grid.value(r, c)) for c in cols.values())), None)
    for key, c in cols.items():
        t.figs[key] = t.fig(row, c, f"the {dict(THREE_PUBLIC_NAMES)[key[1]]} column") if row is not None \
            else Fig(ZERO, grid.loc(h.bottom, c))
    for group in ("budget", "current"):
        f = {role: t.figs[group, role] for role, _ in THREE_PUBLIC}
        what = "预算数" if group == "budget" else "决算数"
        t.check_sum(f["vehicles"], [f["purchase"], f["operation"]], f"{what} 公务用车购置及运行维护费",
                    "公务用车购置费 and 运行维护费")
        t.check_sum(f["total"], [f["abroad"], f["vehicles"], f["reception"]], f"{what} 合计",
                    "因公出国（境）费, 公务用车 and 公务接待费")


THREE_PUBLIC_NAMES = (("total", "合计"), ("abroad", "因公出国（境）费"), ("vehicles", "公务用车购置及运行维护费小计"),
                      ("purchase", "公务用车购置费"), ("operation", "公务用车运行维护费"), ("reception", "公务接待费"))

READERS = {"01": (read_summary, summary_data_row), "02": (read_functional, hierarchy_data_row),
           "03": (read_functional, hierarchy_data_row), "04": (read_summary, summary_data_row),
           "05": (read_functional, hierarchy_data_row), "06": (read_economic, economic_data_row),
           "07": (read_three_public, amount_data_row), "08": (read_functional, hierarchy_data_row),
           "09": (read_functional, hierarchy_data_row)}
"""Each table's reader and the test of its first data row (which ends its header)."""
