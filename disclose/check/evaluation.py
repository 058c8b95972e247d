"""Rules of the 整体支出绩效自评 package (`evaluation:`; document kind `evaluation`): every figure
the forms type is held to the others; what they compute (控制率, 执行率, 得分, 总分) is not typed."""
from __future__ import annotations

from .. import classification
from ..derive.evaluation import COLUMNS, LINKS, accounts, accounts_records, linked, spending_total, typed_row
from ..errors import ERROR
from ..numbers import HUNDRED, ZERO, tolerance, total
from .rules import Context, fmt, rule

KINDS = ("evaluation",)
_COLUMN_NAMES = {"prior": "上年决算数", "budget": "本年预算数", "current": "本年决算数"}


def _evaluation(ctx: Context):
    return ctx.data.evaluation


def _accounts(ctx: Context) -> dict:
    """附件一's rows as the file's accounts give them (`derive.evaluation.accounts`), from the ledger
    the other rules read; none for a file without the (whole) accounts."""
    return {} if accounts_records(ctx.data)[1] else accounts(ctx.data, ctx.style.settings.zero, ctx.ledger)


@rule("EVAL-ACCOUNTS", ERROR, "附件一's figures the accounts give (the “三公” parts, 项目支出, 公用经费, 政府采购) are "
      "theirs: one typed again under evaluation.cost_control equals it; `spending` adds up to expenditure's "
      "基本支出 and 项目支出", kinds=KINDS)
def eval_accounts(ctx: Context):
    e = _evaluation(ctx)
    if e is None:
        return
    given, lacking = accounts_records(ctx.data)
    if given and lacking:
        yield ctx.problem(ctx.data.loc(given[0]), f"the file has the accounts' `{'`, `'.join(given)}` but not "
                          f"`{'`, `'.join(lacking)}`: 附件一 reads its figures from the whole accounts",
                          "add the records it lacks, or type 附件一's figures under evaluation.cost_control "
                          "instead (a file for the package alone)")
        return
    found = _accounts(ctx)
    tol = tolerance(1, rounded=ctx.rounded)      # one figure copied: no rounding of its own
    for link in LINKS:
        typed = typed_row(e.cost_control, link.row)
        if link.row not in found or typed is None:
            continue
        for column in COLUMNS:
            mine, theirs = getattr(typed, column), getattr(found[link.row], column)
            if mine is not None and theirs is not None and abs(mine - theirs) > tol:
                at = found[link.row].locs[column]
                yield ctx.problem(typed.loc(column), f"附件一 {link.name} {_COLUMN_NAMES[column]} is typed as "
                                  f"{fmt(mine)} here but the accounts give {fmt(theirs)} at line {at.line}",
                                  "the package prints the accounts' figure: delete this one, or correct the one "
                                  "that is wrong", related=[at])
    if found and e.spending is not None:
        spent, known = ctx.data.expenditure, classification.economic()
        for kind, name in (("basic", "基本支出"), ("project", "项目支出")):
            amounts = getattr(e.spending, kind)
            parts = [(f"spending.{kind} {known[code].name if code in known else ''}（{code}）", amount,
                      amounts.locs[code] if hasattr(amounts, "locs") else None) for code, amount in amounts.items()]
            yield from ctx.sum_check(spent, kind, f"the accounts' {name} (expenditure.{kind})", getattr(spent, kind),
                                     parts)


@rule("EVAL-PROJECTS", ERROR, "附件一's 项目支出 row (the accounts', else as stated) is the sum of its rows, and its "
      "本年决算数 the 报告's 项目支出", kinds=KINDS)
def eval_projects(ctx: Context):
    e = _evaluation(ctx)
    if e is None:
        return
    p = e.cost_control.projects
    rows = [p.business, p.operation, p.salaries, *p.provincial]
    theirs = _accounts(ctx).get("projects.stated")
    total_row = linked(p.stated, theirs)        # the accounts' 项目支出, else the stated row
    for column in COLUMNS:
        stated = getattr(total_row, column)
        at = (theirs.locs[column] if theirs is not None and getattr(theirs, column) is not None else
              p.stated.loc(column) if p.stated is not None else None)
        parts = [(name, getattr(r, column), r.loc(column)) for name, r in
                 zip(["业务工作经费", "运行维护经费", "工资福利支出"] + [r.name for r in p.provincial], rows)
                 if getattr(r, column) is not None]
        yield from ctx.sum_check_at(at, f"附件一 项目支出 {_COLUMN_NAMES[column]}", stated, parts) \
            if stated is not None else ()
    if theirs is None and p.stated is not None and p.stated.current is not None and e.spending is not None:
        spent = spending_total(e.spending.project)
        if spent != p.stated.current:
            yield ctx.problem(p.stated.loc("current"), f"附件一 项目支出 本年决算数 is stated as {fmt(p.stated.current)} "
                              f"but the 项目支出 of `spending` add up to {fmt(spent)}",
                              "correct the one that is wrong: both are the year's 项目支出",
                              related=[e.spending.loc("project")])


@rule("EVAL-PUBLIC", ERROR, "附件一's 办公经费, 水电差旅 and 会议培训 are each no more than 公用经费", kinds=KINDS)
def eval_public(ctx: Context):
    e = _evaluation(ctx)
    if e is None:
        return
    pub = e.cost_control.public
    theirs = _accounts(ctx).get("public")
    whole_row = linked(pub, theirs)             # the accounts' 公用经费, else the typed one
    for name, row in (("办公经费", pub.office), ("水费、电费、差旅费", pub.utilities_travel),
                      ("会议费、培训费", pub.meetings_training)):
        for column in COLUMNS:
            part, whole = getattr(row, column), getattr(whole_row, column)
            if part is not None and whole is not None and part > whole:
                at = (theirs.locs[column] if theirs is not None and getattr(theirs, column) is not None else
                      pub.loc(column))
                yield ctx.problem(row.loc(column), f"附件一 {name} {_COLUMN_NAMES[column]} {fmt(part)} is more than "
                                  f"公用经费 {fmt(whole)}", "其中 names a part of 公用经费: correct one of the two",
                                  related=[at])


@rule("EVAL-SPENDING", ERROR, "附件二: 基本支出 + 项目支出 (按支出性质分) = 全年执行数; `spending` by 经济分类 类",
      kinds=KINDS)
def eval_spending(ctx: Context):
    e = _evaluation(ctx)
    if e is None or e.spending is None:
        return
    known = classification.economic()
    for kind in ("basic", "project"):
        amounts = getattr(e.spending, kind)
        for code in amounts:
            if len(code) != 3 or code not in known:
                yield ctx.problem(amounts.locs[code], f"`{code}` in spending.{kind} is not a 类 of the 部门支出经济分类",
                                  "use a 3-digit 类 code: 301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭的补助…")
    if e.unit_form is not None and e.unit_form.funds.executed is not None:
        parts = [("基本支出", spending_total(e.spending.basic), e.spending.loc("basic")),
                 ("项目支出", spending_total(e.spending.project), e.spending.loc("project"))]
        yield from ctx.sum_check(e.unit_form.funds, "executed", "附件二 全年执行数", e.unit_form.funds.executed, parts)


def _forms(e):
    if e.unit_form is not None:
        yield "部门整体支出绩效自评表", e.unit_form
    for p in e.projects:
        yield f"项目支出绩效自评表 {p.name}", p


@rule("EVAL-SCORE", ERROR, "every 自评得分 of the package's forms lies between 0 and its 分值", kinds=KINDS)
def eval_score(ctx: Context):
    e = _evaluation(ctx)
    if e is None:
        return
    for form, f in _forms(e):
        for i in f.indicators:
            if not (ZERO <= i.score <= i.weight):
                yield ctx.problem(i.loc("score"), f"{form} / {i.name}: 自评得分 {fmt(i.score)} is outside "
                                  f"0…{fmt(i.weight)}", "a score lies between 0 and the indicator's 分值")


@rule("EVAL-WEIGHTS", ERROR, "the 分值 of each of the package's forms (funds and indicators) add up to 100", kinds=KINDS)
def eval_weights(ctx: Context):
    e = _evaluation(ctx)
    if e is None:
        return
    for form, f in _forms(e):
        weights = f.funds_weight + total(i.weight for i in f.indicators)
        if weights != HUNDRED:
            yield ctx.problem(f.loc("indicators"), f"{form}: the 分值 add up to {fmt(weights)}, not 100",
                              "correct the 分值 of the funds row or of an indicator")

