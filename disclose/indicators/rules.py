"""The 评分标准 of an indicator, as its file writes it (`spec.ScoreRule`), applied to a value.

The value scored is the one printed: rounded half up to the indicator's decimals (an
evaluator reads 99.63% against ≥95%), in its unit (percentage points for a `%` indicator).
Scores are rounded half up to the cent, like every score of `disclose`.

- `band`: full weight inside the band; beyond it, `deduct` — `points` (or `share` % of the
  weight) per `per` of the distance to the band, counted exactly, in whole steps or in steps
  begun — down to 0; without `deduct`, nothing (all or nothing); outside `limit`, nothing.
- `steps`: the share of the first step whose band holds the value; none: nothing.
- `proportional`: weight × the value as a ratio (100% → 1), between 0 and the weight.
- `prior`: full weight when the value moved the better way (`direction`) from last year's,
  nothing when it moved the other way; `equal` says what no move scores.
"""
from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..numbers import HUNDRED, ONE, ZERO, divide, quantize
from .spec import Band, ScoreRule


def inside(band: Band, v: Decimal) -> bool:
    return ((band.min is None or v >= band.min) and (band.max is None or v <= band.max)
            and (band.above is None or v > band.above) and (band.below is None or v < band.below))


def beyond(band: Band, v: Decimal) -> Decimal:
    """How far the value lies outside the band (0 inside)."""
    gaps = [ZERO]
    if band.min is not None and v < band.min:
        gaps.append(band.min - v)
    if band.max is not None and v > band.max:
        gaps.append(v - band.max)
    if band.above is not None and v <= band.above:
        gaps.append(band.above - v)
    if band.below is not None and v >= band.below:
        gaps.append(v - band.below)
    return max(gaps)


def _band(rule: ScoreRule, weight: Decimal, v: Decimal) -> Decimal:
    if rule.limit is not None and not inside(rule.limit, v):
        return ZERO
    if inside(rule.band, v):
        return weight
    d = rule.deduct
    if d is None:
        return ZERO
    steps = divide(beyond(rule.band, v), d.per)
    if d.count == "whole":
        steps = steps.to_integral_value(rounding=ROUND_FLOOR)
    elif d.count == "started":
        steps = steps.to_integral_value(rounding=ROUND_CEILING)
    each = d.points if d.points is not None else weight * d.share / HUNDRED
    return max(weight - steps * each, ZERO)


def _steps(rule: ScoreRule, weight: Decimal, v: Decimal) -> Decimal:
    step = next((s for s in rule.steps if inside(s, v)), None)
    return ZERO if step is None else weight * step.share / HUNDRED


def score(rule: ScoreRule | None, weight: Decimal, value: Decimal, percent: bool, direction: str,
          prior: Decimal | None = None) -> Decimal | None:
    """The score of the printed `value`; None where the rule does not score it (rule none, or
    rule prior without last year's value)."""
    if rule is None or rule.rule == "none":
        return None
    v = abs(value) if rule.abs else value
    if rule.rule == "band":
        return quantize(_band(rule, weight, v))
    if rule.rule == "steps":
        return quantize(_steps(rule, weight, v))
    if rule.rule == "proportional":
        ratio = divide(v, HUNDRED) if percent else v
        return quantize(weight * min(max(ratio, ZERO), ONE))
    if prior is None:
        return None
    better = v < prior if direction == "lower" else v > prior
    if v == prior:
        return quantize(weight) if rule.equal == "full" else quantize(ZERO)
    return quantize(weight) if better else quantize(ZERO)


def rate(score: Decimal | None, weight: Decimal) -> Decimal | None:
    """得分率: the score's share of the weight, a ratio (printed as a percentage)."""
    if score is None or weight == 0:
        return None
    return divide(score, weight)
