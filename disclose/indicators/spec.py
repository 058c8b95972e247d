"""The indicator file: each common evaluation indicator as data, and how a province overrides it.

`templates/common/indicators.yaml` ships the set seeds 002 and 004 use. Every folder of the
style (its own, its base's), then `--templates DIR`, then `--indicators FILE` may hold an
`indicators.yaml` that changes the entries it names: an entry with the code of an earlier one
changes the keys it writes (each replaced whole: a `score:` written again is the whole new
rule), `drop: true` removes it, a new code adds one. The merged list is read with the data file's schema builder, so a wrong key
or value is an error with its file and line; every formula is parsed here, once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal, Optional

from ..errors import DiscloseError, Location, Problem, display_path
from ..schema import Builder, Count, Number, Record, Signed, Text, model, spec
from ..source import Map, Node, Scalar, Seq, read
from . import expression

FILE = "indicators.yaml"


@model
class Band(Record):
    """Where a value lies: each bound left out is open. `min`/`max` include the bound, `above`/`below` do not."""

    min: Optional[Signed] = spec("the value is at least this (≥)", None)
    max: Optional[Signed] = spec("the value is at most this (≤)", None)
    above: Optional[Signed] = spec("the value is more than this (>)", None)
    below: Optional[Signed] = spec("the value is less than this (<)", None)


@model
class Step(Band):
    share: Number = spec("the share of the weight (in %) a value in this band scores")


@model
class Deduction(Record):
    points: Optional[Number] = spec("score points lost per `per` of the value beyond the band (0.1: 扣0.1分)", None)
    share: Optional[Number] = spec("or: % of the weight lost per `per` beyond the band (6: 扣权重分的6%)", None)
    per: Number = spec("the step of the value the loss is counted in (1: 每1%)", Decimal("1"))
    count: Literal["exact", "whole", "started"] = spec(
        "how the distance beyond the band counts: exact (pro rata), whole (only whole steps), started "
        "(every step begun)", "exact")


@model
class ScoreRule(Record):
    rule: Literal["band", "steps", "proportional", "prior", "none"] = spec(
        "band: full weight inside `band`, beyond it `deduct` (or nothing); steps: the first of `steps` the value "
        "lies in gives its share; proportional: weight × the value (capped at the weight); prior: full weight "
        "when the value moved the way `direction` says is better than last year's; none: not scored")
    band: Optional[Band] = spec("where the value scores full weight (rule band)", None)
    abs: bool = spec("compare the value without its sign (±10%以内)", False)
    deduct: Optional[Deduction] = spec("what is lost beyond the band; left out: nothing is scored there", None)
    limit: Optional[Band] = spec("outside this band nothing is scored, whatever the deduction (85%以下不得分)", None)
    steps: list[Step] = spec("rule steps: the bands in order, each with its share", default_factory=list)
    equal: Literal["full", "nothing"] = spec("rule prior: what a value equal to last year's scores (it did not move the "
                                             "better way: nothing, unless `full`)", "nothing")


@model
class IndicatorSpec(Record):
    code: Text = spec("the indicator's code in the evaluation's table, e.g. B31 (overrides match by it)")
    name: Optional[Text] = spec("its name, e.g. 支出预算执行率", None)
    formula: Optional[Text] = spec("its value: + - * / ( ) abs(…) over the data's figures (see the README)", None)
    unit: Text = spec("`%` (the value is a ratio, printed ×100) or the unit printed after the value", "%")
    decimals: Count = spec("decimals the value is printed (and scored) with (0 to 6)", 2, limits=(0, 6))
    direction: Literal["higher", "lower", "within", "none"] = spec(
        "which way is better: higher, lower, within (a band), none", "none")
    benchmark: Text = spec("标杆值 as the evaluation prints it, e.g. ≤100%, ±10%以内, 逐步降低", "")
    weight: Number = spec("权重 (its full score)", Decimal("0"))
    score: Optional[ScoreRule] = spec("评分标准 as data", None)
    rule_text: Text = spec("评分标准 in the evaluation's words, printed beside the score", "")
    source: Text = spec("where the formula and rule were published", "")
    drop: bool = spec("true: remove this indicator (in an override file)", False)


@model
class IndicatorFile(Record):
    description: Text = spec("what the set is", "")
    indicators: list[IndicatorSpec] = spec("the indicators, in the order they are printed")


@dataclass
class Indicator:
    """An indicator of the merged file, its formula parsed."""

    spec: IndicatorSpec
    tree: expression.Node

    @property
    def code(self) -> str:
        return self.spec.code


def _entries(node: Node) -> list[Node]:
    items = node.get("indicators") if isinstance(node, Map) else None
    return items.items if isinstance(items, Seq) else []


def _code(entry: Node) -> str | None:
    code = entry.get("code") if isinstance(entry, Map) else None
    return code.text if isinstance(code, Scalar) else None


def _override(base: Node, over: Node) -> Node:
    """An entry changed by a later file's entry of the same code: each key it writes replaces the
    earlier one whole (a `score:` written again is the whole new rule), the others stay."""
    if not (isinstance(base, Map) and isinstance(over, Map)):
        return over
    written = set(over.keys())
    return Map([(k, loc, v) for k, loc, v in base.entries if k not in written] + list(over.entries), over.loc)


def merge(files: list[Node]) -> Node:
    """The files in order, later ones overriding earlier entries by code, key by key."""
    order: list[Node] = []
    description = None
    for node in files:
        for entry in _entries(node):
            code = _code(entry)
            at = next((i for i, e in enumerate(order) if code is not None and _code(e) == code), None)
            if at is None:
                order.append(entry)
            else:
                order[at] = _override(order[at], entry)
        if isinstance(node, Map) and node.get("description") is not None:
            description = (node.key_loc("description"), node.get("description"))
    last = files[-1]
    top = [("description", *description)] if description is not None else []
    return Map(top + [("indicators", last.loc, Seq(order, last.loc))], last.loc)


def files_of(folders: list[Path], extra: str | Path | None = None) -> list[Path]:
    """The indicator files that apply: the style's folders from the last searched (common) to the
    first (`--templates`), then `--indicators FILE`."""
    found = [folder / FILE for folder in reversed(folders) if (folder / FILE).is_file()]
    if extra is not None:
        path = Path(extra)
        if not path.is_file():
            raise DiscloseError([Problem(Location(display_path(path)), "FILE", "the --indicators file does not exist",
                                         "give the path of an indicators.yaml (see the README's *Indicators*)")])
        found.append(path)
    return found


_CACHE: dict[tuple, list[Indicator]] = {}


def load(folders: list[Path], extra: str | Path | None = None) -> list[Indicator]:
    """The merged, checked indicators of a style's folders (and `--indicators FILE`)."""
    paths = files_of(folders, extra)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    if key not in _CACHE:
        _CACHE[key] = _load(paths)
    return _CACHE[key]


def _load(paths: list[Path]) -> list[Indicator]:
    if not paths:
        return []
    nodes = [read(p, display_path(p)) for p in paths]
    builder = Builder(amount_places=2)
    built = builder.build(IndicatorFile, merge(nodes), "")
    problems = list(builder.problems)
    out: list[Indicator] = []
    for entry in (built.indicators if built is not None else []):
        if entry.drop:
            continue
        problems += _complete(entry)
        if entry.formula is None:
            continue
        try:
            out.append(Indicator(entry, expression.parse(entry.formula)))
        except expression.FormulaError as exc:
            problems.append(Problem(entry.loc("formula"), "INDICATOR", f"the formula of {entry.code} `{entry.formula}`"
                                    f", at column {exc.column}: {exc}",
                                    "write arithmetic on the data's names: + - * / ( ) abs(…), e.g. "
                                    "`expenditure.total / expenditure.total.full_budget`"))
    if problems:
        raise DiscloseError(problems)
    return out


def _complete(entry: IndicatorSpec) -> list[Problem]:
    """What an entry needs besides its keys' types: a name and formula, the parts its rule uses."""
    out = []
    for key in ("name", "formula"):
        if getattr(entry, key) is None:
            out.append(Problem(entry.loc(), "INDICATOR", f"indicator {entry.code} has no `{key}`",
                               f"add `{key}: …` to it (or `drop: true` to remove it)"))
    rule = entry.score
    if rule is None:
        return out
    needs = {"band": ("band", rule.band), "steps": ("steps", rule.steps)}.get(rule.rule)
    if needs is not None and not needs[1]:
        out.append(Problem(rule.loc(), "INDICATOR", f"indicator {entry.code} scores by rule {rule.rule} but gives no "
                           f"`{needs[0]}`", f"add `{needs[0]}:` under its `score:`"))
    if rule.rule == "prior" and entry.direction not in ("higher", "lower"):
        out.append(Problem(entry.loc("direction"), "INDICATOR", f"indicator {entry.code} compares with last year but "
                           f"its direction is `{entry.direction}`", "set `direction: lower` or `direction: higher`"))
    if rule.deduct is not None and (rule.deduct.points is None) == (rule.deduct.share is None):
        out.append(Problem(rule.deduct.loc(), "INDICATOR", f"the deduction of {entry.code} needs one of `points` "
                           "and `share`", "write `points: 0.1` (score points) or `share: 6` (% of the weight)"))
    return out
