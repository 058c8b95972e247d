"""Rules of the narrative: the reasons the style explains, and what its sentences need."""
from __future__ import annotations

from ..accounts import items
from ..errors import ERROR
from .rules import NEEDED, Context, fmt, rule


# --- narrative prerequisites --------------------------------------------------------------------

@rule("REASON-MISSING", ERROR, "every change the house style explains has its 主要原因")
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
      "the text)", by_render=True)
def needed(ctx: Context):
    """Listed here so that it can be silenced and is in the catalogue; the render stage reports it
    (`view.Missing`), since only the style's templates know what their sentences need."""
    return ()
