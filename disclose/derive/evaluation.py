"""The 整体支出绩效自评 package (document kind `evaluation`): every figure its four 附件 print.

Typed figures come from `evaluation:` (model/evaluation.py), the 主要职能 from `overview`;
附件一's rows that are lines of the accounts (`LINKS`: the “三公” parts, 项目支出, 公用经费, 政府采购)
come from the accounts where the file has them — through the ledger and `derive.lines`, as the
disclosure reads them — and from `evaluation.cost_control` where it does not (check EVAL-ACCOUNTS
holds a figure typed in both places to the accounts').  Computed here, once: the totals of 附件一's rows, 实际在职人数 and its 控制率, the 楼堂馆所
控制率, each form's 年度资金总额, 执行率, funds 得分 (the style's `scoring.funds`, as for the
disclosure's forms: `scoring.funds_score`) and 总分, the 报告's 基本支出, 项目支出 and score.
A record the package needs and the file leaves out is a `Missing` naming its line (NEEDED).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import classification, scoring
from ..errors import Location
from ..ledger import Ledger, ledger
from ..model import Disclosure
from ..model.evaluation import CostRow, Evaluation, Funds, IncomeSources, Report, Spending, Staffing, UnitForm
from ..numbers import ZERO, ZeroBase, ratio, total
from ..style import Style
from ..view import Missing, View, attrs_of
from .lines import lines

COLUMNS = ("prior", "budget", "current")
FUNDS = ("initial_budget", "full_year_budget", "executed")


@dataclass(frozen=True)
class Link:
    """A row of 附件一 that is a line of the accounts."""

    row: str        # the row under `evaluation.cost_control`
    name: str       # as 附件一 prints it
    line: str       # the ledger's line (README: *Every line and its comparisons*)
    budget: str     # the line's base that 附件一's 本年预算数 is: the accounts' 预算数 of that line
    field: str      # where the file writes the line's 本年 (for messages)


# 上年决算数 is the line's `prior`, 本年决算数 its 本年; 本年预算数 is what the accounts call the line's
# 预算数: the “三公” table's is the 全年预算 (`three_public`'s `budget`), elsewhere the 年初预算.
LINKS = (
    Link("three_public.purchase", "公车购置", "three_public.vehicles.purchase", "full_budget",
         "three_public.vehicles.purchase.current"),
    Link("three_public.operation", "公车运行维护", "three_public.vehicles.operation", "full_budget",
         "three_public.vehicles.operation.current"),
    Link("three_public.abroad", "出国经费", "three_public.abroad", "full_budget", "three_public.abroad.current"),
    Link("three_public.reception", "公务接待", "three_public.reception", "full_budget",
         "three_public.reception.current"),
    Link("projects.stated", "项目支出", "expenditure.project", "budget", "expenditure.project"),
    Link("public", "公用经费", "basic.public", "budget", "basic.public"),
    Link("procurement", "政府采购金额", "procurement.total", "budget", "procurement.stated_total"),
)
# The top-level records the ledger reads: the accounts are read when the file has every one.
ACCOUNTS = ("income", "expenditure", "fiscal", "general_budget", "basic", "three_public", "operating_costs",
            "procurement")


def accounts_records(data: Disclosure) -> tuple[list[str], list[str]]:
    """(the accounts' records the file has, those it lacks)."""
    given = [name for name in ACCOUNTS if getattr(data, name) is not None]
    return given, [name for name in ACCOUNTS if name not in given]


def _where(data: Disclosure, dotted: str) -> Location:
    """The line of a field of the file, or of its record where the field is computed."""
    *records, key = dotted.split(".")
    record = data
    for name in records:
        record = getattr(record, name)
    return record.loc(key) if record.given(key) else record.loc()


def accounts(data: Disclosure, zero: ZeroBase, book: Ledger | None = None) -> dict[str, View]:
    """Each row of `LINKS` as the accounts give it: `prior`, `budget`, `current` (None where they
    do not) and `locs` (column → where it is written).  Empty without the accounts.  `book`: the
    file's ledger, where the caller has it."""
    if accounts_records(data)[1]:
        return {}
    book = book if book is not None else ledger(data)
    found = lines(book, zero)
    out = {}
    for link in LINKS:
        entry, line = book[link.line], found[link.line]
        row = View(locs={})
        for column, base in (("prior", "prior"), ("budget", link.budget), ("current", "current")):
            value = getattr(line, base)
            setattr(row, column, value if isinstance(value, Decimal) else None)
            stated = entry.given.get(base)
            row.locs[column] = (_where(data, link.field) if base == "current" else
                                stated.loc if stated is not None else entry.home)
        out[link.row] = row
    return out


def typed_row(cost_control, row: str):
    """The record of 附件一's `row` under `evaluation.cost_control` (None: not typed)."""
    record = cost_control
    for name in row.split("."):
        record = getattr(record, name) if record is not None else None
    return record


def linked(typed, found: View | None) -> View:
    """A row of 附件一: each column from the accounts where they give it, else as typed."""
    out = View()
    for c in COLUMNS:
        theirs = getattr(found, c) if found is not None else None
        setattr(out, c, theirs if theirs is not None else getattr(typed, c) if typed is not None else None)
    return out


def row_sum(rows: list, columns=COLUMNS) -> View:
    """The sum of rows, column by column: a column none of them fills stays blank (None)."""
    out = View()
    for c in columns:
        given = [getattr(r, c) for r in rows if getattr(r, c) is not None]
        setattr(out, c, total(given) if given else None)
    return out


def spending_total(amounts: dict) -> Decimal:
    return total(amounts.values())


def _row(r: CostRow) -> View:
    return View(**{c: getattr(r, c) for c in COLUMNS})


def _stated_or_sum(stated: View, rows: list) -> View:
    """A total row: each column as the file states it (checked, EVAL-PROJECTS), else the sum."""
    out = row_sum(rows)
    for c in COLUMNS:
        if stated is not None and getattr(stated, c) is not None:
            setattr(out, c, getattr(stated, c))
    return out


def _missing(owner, key: str, what: str, *extra: str, records=()) -> Missing:
    if key == "evaluation":            # the file has no `evaluation:` at all: one error says so
        what = "整体支出绩效自评的数据 (`evaluation:` with staffing, spending, unit_form, projects, report…)"
    return Missing(owner.loc(key), key, what, attrs=attrs_of(*records) | frozenset(extra) if records else
                   frozenset(extra))


def evaluation(data: Disclosure, style: Style, check_errors=()) -> View:
    """What the templates of an `evaluation` document receive (`disclose variables --document`)."""
    zero = style.settings.zero
    e = data.evaluation or Evaluation(meta=None)
    v = View(unit=data.unit, year=data.year, prior_year=data.year - 1, amount_unit=data.amount_unit,
             check_errors=[p.format() for p in check_errors])
    v.overview = (View(duties=data.overview.duties) if data.overview is not None else
                  _missing(data, "overview", "主要职能 (overview.duties)", "duties"))
    v.government_fund = data.government_fund.expenditure if data.government_fund is not None else None
    v.state_capital = data.state_capital.expenditure if data.state_capital is not None else None
    owner = data.evaluation if data.evaluation is not None else data
    key = (lambda k: k) if data.evaluation is not None else (lambda k: "evaluation")
    v.staffing = (_staffing(e.staffing, zero, owner, key) if e.staffing is not None else
                  _missing(owner, key("staffing"), "人员编制情况 (evaluation.staffing)", "actual", "control_rate",
                           records=(Staffing,)))
    found = accounts(data, zero)
    v.costs = _costs(e, found)
    v.buildings = ([_building(b, zero) for b in e.buildings] if e.buildings is not None else
                   _missing(owner, key("buildings"), "楼堂馆所控制情况 (evaluation.buildings; `[]` when none)"))
    v.thrift_measures = (e.thrift_measures if e.thrift_measures is not None else
                         _missing(owner, key("thrift_measures"), "厉行节约保障措施 (evaluation.thrift_measures)"))
    v.spending = (_spending(e.spending) if e.spending is not None else
                  _missing(owner, key("spending"), "本年支出 by 经济分类 (evaluation.spending)", "basic", "project",
                           "total", "classes"))
    if e.spending is not None and linked(None, found.get("projects.stated")).current is None:
        # 项目支出's 本年: the accounts', else the sum of `spending` (EVAL-PROJECTS holds the stated one to it)
        v.costs.projects.total.current = v.spending.project.total
    v.social_insurance = e.social_insurance
    v.unit_form = (_unit_form(e.unit_form, style, zero, v) if e.unit_form is not None else
                   _missing(owner, key("unit_form"), "部门整体支出绩效自评表 (evaluation.unit_form)", "total",
                            "execution", "weight", "score", "total_score", "weight_total",
                            records=(UnitForm, Funds, IncomeSources)))
    v.projects = [_project_form(p, style, zero) for p in e.projects]
    v.report = e.report if e.report is not None else _missing(owner, key("report"), "自评报告 (evaluation.report)",
                                                              records=(Report,))
    return v


def _staffing(s: Staffing, zero: ZeroBase, owner, key) -> View:
    actual = sum(p.filled for p in s.posts) + s.temporary
    establishment = (s.establishment if s.establishment is not None else
                     Missing(s.loc("establishment"), "establishment", "编制数 (evaluation.staffing.establishment)"))
    rate = (ratio(Decimal(actual), Decimal(s.establishment), zero) if s.establishment is not None else
            establishment)
    return View(description=s.description, posts=s.posts, temporary=s.temporary, actual=actual,
                establishment=establishment, control_rate=rate)


def _costs(e: Evaluation, found: dict[str, View]) -> View:
    c = e.cost_control
    rows = {link.row: linked(typed_row(c, link.row), found.get(link.row)) for link in LINKS}
    tp = [rows[f"three_public.{k}"] for k in ("purchase", "operation", "abroad", "reception")]
    three_public = View(total=row_sum(tp), vehicles=row_sum(tp[:2]), purchase=tp[0], operation=tp[1], abroad=tp[2],
                        reception=tp[3])
    p = c.projects
    total = _stated_or_sum(rows["projects.stated"], [p.business, p.operation, p.salaries, *p.provincial])
    projects = View(total=total, business=_row(p.business), operation=_row(p.operation), salaries=_row(p.salaries),
                    provincial=[View(name=r.name, **vars(_row(r))) for r in p.provincial])
    pub = c.public
    public = View(total=rows["public"], office=_row(pub.office), utilities_travel=_row(pub.utilities_travel),
                  meetings_training=_row(pub.meetings_training))
    return View(three_public=three_public, projects=projects, public=public, procurement=rows["procurement"],
                basic_adjustment=_row(c.basic_adjustment))


def _building(b, zero: ZeroBase) -> View:
    return View(approved_area=b.approved_area, actual_area=b.actual_area,
                area_rate=ratio(b.actual_area, b.approved_area, zero), budget=b.budget, actual=b.actual,
                investment_rate=ratio(b.actual, b.budget, zero))


def _spending(s: Spending) -> View:
    names = classification.economic()

    def part(amounts: dict) -> View:
        classes = [View(code=code, name=names[code].name if code in names else code, amount=amount)
                   for code, amount in amounts.items()]
        return View(total=spending_total(amounts), classes=classes)

    basic, project = part(s.basic), part(s.project)
    return View(basic=basic, project=project, total=basic.total + project.total)


def _funds(rows: list[Funds], weight: Decimal, method: str, zero: ZeroBase) -> View:
    """A form's 年度资金总额: the sum of its rows, its 执行率 (a blank budget counts as 0: the style's
    zero base) and its 得分 by the style's funds rule."""
    out = row_sum(rows, FUNDS)
    out.execution = ratio(out.executed or ZERO, out.full_year_budget or ZERO, zero)
    out.weight = weight
    out.score = scoring.funds_score(method, weight, out.execution)
    return out


def _indicators(items: list) -> list[View]:
    rows = [View(level1=i.level1, level2=i.level2, name=i.name, target=i.target, actual=i.actual, weight=i.weight,
                 score=i.score, deviation=i.deviation) for i in items]
    for n, r in enumerate(rows):
        prev = rows[n - 1] if n else None
        r.level1_starts = prev is None or prev.level1 != r.level1
        r.level2_starts = r.level1_starts or prev.level2 != r.level2
    return rows


def _scored(view: View, form, funds: View) -> View:
    view.indicators = _indicators(form.indicators)
    view.weight_total = funds.weight + total(i.weight for i in form.indicators)
    view.total_score = funds.score + total(i.score for i in form.indicators)
    return view


def _unit_form(u: UnitForm, style: Style, zero: ZeroBase, v: View) -> View:
    funds = _funds([u.funds], u.funds_weight, style.settings.scoring.funds.unit, zero)
    s = u.sources
    sources = View(general_budget=s.general_budget, government_fund=s.government_fund,
                   special_account=s.special_account, other=s.other,
                   total=total(x for x in (s.general_budget, s.government_fund, s.special_account, s.other)
                               if x is not None))
    return _scored(View(funds=funds, sources=sources, goal_expected=u.goal_expected, goal_actual=u.goal_actual),
                   u, funds)


def _project_form(p, style: Style, zero: ZeroBase) -> View:
    rows = [View(**{c: getattr(r, c) for c in FUNDS}) for r in (p.fiscal, p.carryover, p.other)]
    funds = _funds([p.fiscal, p.carryover, p.other], p.funds_weight, style.settings.scoring.funds.project, zero)
    return _scored(View(name=p.name, department=p.department, implementer=p.implementer, funds=funds,
                        fiscal=rows[0], carryover=rows[1], other=rows[2], goal_expected=p.goal_expected,
                        goal_actual=p.goal_actual, signature=p.signature), p, funds)
