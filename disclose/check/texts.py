"""Rules of the narrative: the reasons the style explains, and what its sentences need."""
from __future__ import annotations

from ..accounts import items
from ..errors import ERROR, WARNING
from ..model import UNREVIEWED
from ..schema import Unfilled
from .file import text_location
from .rules import NEEDED, Context, fmt, rule


# --- narrative prerequisites --------------------------------------------------------------------

@rule("REASON-MISSING", ERROR, "every change the house style explains has its 主要原因",
      reads=("general_budget",))
def reason_missing(ctx: Context):
    compare = ctx.style.settings.compare.items
    for i in items(ctx.data):
        if compare in ("prior", "both") and not i.reason:
            yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `reason` for its change against last year "
                              f"({fmt(i.prior)} → {fmt(i.current)})", "add `reason: …` (its 主要原因) to the 项")
        if compare in ("budget", "both"):
            if i.budget is None:
                yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `budget`, which style "
                                  f"{ctx.style.name} compares each 项 with", "add `budget: …` (年初预算数)")
            elif not i.budget_reason:
                yield ctx.problem(i.loc(), f"{i.name}({i.code}) has no `budget_reason` for its 决算 "
                                  f"{fmt(i.current)} against 年初预算 {fmt(i.budget)}",
                                  "add `budget_reason: …` to the 项")


@rule(NEEDED, ERROR, "every figure and text a sentence of the style needs is in the file (found by rendering "
      "the text)", by_render=True, kinds=("disclosure", "evaluation"))
def needed(ctx: Context):
    """Listed here so that it can be silenced and is in the catalogue; the render stage reports it
    (`view.Missing`), since only the style's templates know what their sentences need."""
    return ()


# --- reasons carried from last year (disclose init) ---------------------------------------------

REASON_STALE = "REASON-STALE"
_UP = ("增加", "增长", "上升", "提高", "新增", "上涨", "增多")
_DOWN = ("减少", "下降", "降低", "减小", "压减", "下调", "缩减")


def _figures(ctx: Context, record, key: str):
    """The two figures a reason explains — (base, this year's, what the base is) — from the line
    of the ledger the reason belongs to, or None; a total summed from a figure still empty is
    itself `Unfilled`."""
    book = ctx.ledger
    found = book.field_of(record, key)
    if found is None or found[1] not in ("reason", "budget_reason"):
        return None
    path, column = found
    if column == "reason":
        base, against = book.base(path, "prior"), "上年"
    elif book.base(path, "budget") is not None:
        base, against = book.base(path, "budget"), "年初预算"
    else:
        base, against = book.base(path, "full_budget"), "全年预算"
    current = book.current(path)
    if current is None:
        return None
    return base, Unfilled(current) if book.unfilled(path) else current, against


@rule(REASON_STALE, WARNING, "a reason carried from last year by `disclose init` is reviewed (its mark deleted); "
      "one that says 增加 over a figure that fell, or 减少 over one that rose, is an error", blocks_build=True)
def reason_stale(ctx: Context):
    for record, key, value, where in ctx.texts:
        if not value.startswith(UNREVIEWED):
            continue
        text = value[len(UNREVIEWED):]
        loc = text_location(record, key, where)
        figures = _figures(ctx, record, key)
        if figures is None or figures[0] is None:
            yield ctx.problem(loc, f"{where} is last year's text, not yet reviewed: {text[:60]}",
                              f"check it against this year's figures, rewrite it if needed, and delete {UNREVIEWED}")
            continue
        base, current, against = figures
        unfilled = isinstance(current, Unfilled) or isinstance(base, Unfilled)
        now = "not filled in yet" if isinstance(current, Unfilled) else fmt(current)
        then = "not filled in yet" if isinstance(base, Unfilled) else fmt(base)
        said_up, said_down = any(w in text for w in _UP), any(w in text for w in _DOWN)
        wrong = not unfilled and ((said_up and not said_down and current < base) or
                                  (said_down and not said_up and current > base))
        if wrong:
            yield ctx.problem(loc, f"{where}, carried from last year, says "
                              f"{'增加' if said_up else '减少'} but the figure {'fell' if current < base else 'rose'}: "
                              f"{against} {then} → 本年 {now}: {text[:60]}",
                              f"rewrite the reason for this year's figures and delete {UNREVIEWED}", severity=ERROR)
        else:
            yield ctx.problem(loc, f"{where} is last year's text, not yet reviewed ({against} {then} "
                              f"→ 本年 {now}): {text[:60]}",
                              f"check it against the figures, rewrite it if needed, and delete {UNREVIEWED}")
