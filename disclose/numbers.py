"""Decimal arithmetic, the one way it is done everywhere.

Amounts are `Decimal` from the data file to the printed page; nothing here uses floats
or `round()` (which rounds half to even).  Quotients are kept unrounded and rounded
once, half up (四舍五入), when they are printed or stored as a score.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext

ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")
HALF_CENT = Decimal("0.005")

# 34 significant digits: far more than any budget needs, so quotients carry no
# rounding of their own before the one half-up rounding at the end.
_CTX = Context(prec=34, rounding=ROUND_HALF_UP)

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def parse_decimal(text: str) -> Decimal | None:
    """'1,239.70' or '1239.7' → Decimal; anything else → None.

    Thousands separators are accepted only where they belong, so that a typo such as
    '1,23.70' is refused instead of read as 123.70.
    """
    text = text.strip().replace("，", ",")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def quantize(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def decimals(value: Decimal) -> int:
    """How many decimals the figure was written with (Decimal keeps '3.50')."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def total(values) -> Decimal:
    return sum(values, ZERO)


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    return _CTX.divide(numerator, denominator)


def exact():
    """A context for a chain of operations on quotients (an indicator's formula): the 34 digits
    `divide` keeps, so that a product or sum of them rounds no earlier than the quotient did."""
    return localcontext(_CTX)


@dataclass(frozen=True)
class ZeroBase:
    """What a quotient is when its base is zero: the seeds disagree, so a style says.

    `both_zero` is the value of 0 ÷ 0 (seed 000 prints 预决算差异率0.00%);
    `from_zero` the value of x ÷ 0 for x ≠ 0, signed like x (seed 000 prints
    增长100.00% for an item that was 0 last year).
    """

    both_zero: Decimal = ZERO
    from_zero: Decimal = ONE


def ratio(numerator: Decimal, denominator: Decimal, zero: ZeroBase = ZeroBase()) -> Decimal:
    """numerator ÷ denominator, unrounded; never divides by zero."""
    if denominator == 0:
        if numerator == 0:
            return zero.both_zero
        return zero.from_zero if numerator > 0 else -zero.from_zero
    return divide(numerator, denominator)


def tolerance(parts: int, unit_places: int = 2, rounded: bool = True) -> Decimal:
    """How far a stated total may be from the sum of its rounded parts.

    Each part entered in 万元 was rounded to the cent, so it can be off by half a cent;
    n parts together by n half-cents (seed 000: 1,238.41 + 0.00 + 1.30 = 1,239.71 is
    printed as 1,239.70).  Figures entered in 元 are exact: no tolerance.  Parts rounded to
    `unit_places` decimals miss by half a unit of that place each (percentages printed to
    two decimals: n × 0.005; to none: n × 0.5).
    """
    if not rounded:
        return ZERO
    return HALF_CENT.scaleb(2 - unit_places) * max(parts, 1)


@dataclass(frozen=True)
class Change:
    """A figure against its base (last year's 决算, or the 预算).

    `diff` is signed; `rate` is diff ÷ base, unrounded, with the style's convention
    for a zero base.  Templates choose their words from `direction` and `from_zero`.
    """

    current: Decimal
    base: Decimal
    zero: ZeroBase = ZeroBase()

    @property
    def diff(self) -> Decimal:
        return self.current - self.base

    @property
    def amount(self) -> Decimal:
        """The size of the change, without sign (减少14.27万元)."""
        return abs(self.diff)

    @property
    def rate(self) -> Decimal:
        return ratio(self.diff, self.base, self.zero)

    @property
    def rate_size(self) -> Decimal:
        """The rate without sign (下降19.94%), for a sentence that says the direction in its own words."""
        return abs(self.rate)

    @property
    def completion(self) -> Decimal:
        """current ÷ base: 完成年初预算的Y%, 执行率."""
        return ratio(self.current, self.base, self.zero)

    @property
    def direction(self) -> str:
        if self.diff > 0:
            return "up"
        if self.diff < 0:
            return "down"
        return "equal"

    @property
    def from_zero(self) -> bool:
        return self.base == 0 and self.current != 0


# --- Chinese numerals ----------------------------------------------------------------------

def chinese(n: int) -> str:
    """22 → 二十二, 110 → 一百一十, 10100 → 一万零一百 (for 一、二、… and 一是、二是…): the
    ordinary reading of a whole number, 0 to 99,999,999 (tests/test_numbers.py holds the rules)."""
    n = int(n)
    if not 0 <= n < 10**8:
        raise ValueError(f"{n} is outside 0…99,999,999: it has no ordinal in a document")
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    text = _below_10000(high) + "万" if high else ""
    if low:
        text += ("零" if high and low < 1000 else "") + _below_10000(low)
    return text[1:] if text.startswith("一十") else text      # 十一, not 一十一


def _below_10000(n: int) -> str:
    out, gap = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if gap and out else "") + "零一二三四五六七八九"[digit] + unit
        gap = not digit
    return out
