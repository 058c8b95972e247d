"""Decimal arithmetic: half-up rounding, zero bases, the 万元 tolerance, parsing."""
from decimal import Decimal as D

import pytest

from disclose.numbers import Change, ZeroBase, parse_decimal, quantize, ratio, tolerance


@pytest.mark.parametrize("value,expected", [("2.345", "2.35"), ("2.355", "2.36"), ("-2.345", "-2.35"),
                                            ("0.005", "0.01"), ("0.004999", "0.00")])
def test_half_up_not_half_even(value, expected):
    assert quantize(D(value)) == D(expected)     # round() would give 2.34 and 2.36


def test_changes_of_seed_000():
    c = Change(D("1239.70"), D("1548.48"))
    assert c.direction == "down" and c.amount == D("308.78")
    assert quantize(c.rate * 100) == D("-19.94")
    assert quantize(Change(D("7.65"), D("3.28")).rate * 100) == D("133.23")
    assert quantize(Change(D("1222.68"), D("1120.42")).rate * 100) == D("9.13")   # 预决算差异率


def test_zero_bases_never_divide_by_zero():
    assert Change(D("0.25"), D("0")).rate == 1 and Change(D("0.25"), D("0")).from_zero
    assert Change(D("0"), D("0")).rate == 0 and Change(D("0"), D("0")).direction == "equal"
    assert Change(D("0"), D("14.27")).rate == -1
    other = ZeroBase(both_zero=D("1"), from_zero=D("0"))
    assert ratio(D("0"), D("0"), other) == 1 and ratio(D("5"), D("0"), other) == 0


def test_percentages_are_rounded_once_from_the_unrounded_quotient():
    # 0.34 ÷ 7.65 = 4.444…%: rounding the quotient to 4 places first would still give 4.44,
    # but 1 ÷ 6 = 16.666…% must not become 16.66 by truncation nor 16.7 by double rounding
    assert quantize(ratio(D("1"), D("6")) * 100) == D("16.67")
    assert quantize(ratio(D("0.34"), D("7.65")) * 100) == D("4.44")


def test_tolerance_is_half_a_cent_per_part_in_wanyuan_and_nothing_in_yuan():
    assert tolerance(3) == D("0.015")
    assert tolerance(16) == D("0.080")
    assert tolerance(3, rounded=False) == 0
    assert tolerance(3, unit_places=0) == D("1.5") and tolerance(2, unit_places=1) == D("0.10")


@pytest.mark.parametrize("text,expected", [("1239.70", "1239.70"), ("1,239.70", "1239.70"),
                                           ("6,822,048.75", "6822048.75"), ("0", "0"), ("-3.5", "-3.5")])
def test_parse_numbers(text, expected):
    assert parse_decimal(text) == D(expected)


@pytest.mark.parametrize("text", ["1,23.70", "12,34", "一千", "1.2.3", "", "1e3", "NaN"])
def test_refuse_what_is_not_a_figure(text):
    assert parse_decimal(text) is None


def test_a_tiny_negative_prints_as_zero_not_minus_zero():
    """决算 a cent below a 预算 of 1,000,000.01 is a 差异率 of -0.000001%: it prints 0.00%."""
    from disclose.render import Formatter
    from disclose.style import load

    fmt = Formatter(load("xinjiang"), "万元")
    assert fmt.percent(D("-0.00000001")) == "0.00%"
    assert fmt.number(D("-0.004")) == "0.00"
    assert fmt.percent(D("-0.0001")) == "-0.01%"


@pytest.mark.parametrize("n, text", [
    (0, "零"), (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (22, "二十二"), (99, "九十九"),
    (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (1000, "一千"),
    (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (10000, "一万"), (10001, "一万零一"),
    (10100, "一万零一百"), (100000, "十万"), (110000, "十一万"), (1000000, "一百万"),
    (10010000, "一千零一万"), (12345678, "一千二百三十四万五千六百七十八"), (99999999, "九千九百九十九万九千九百九十九")])
def test_chinese_numerals(n, text):
    """The ordinals of 一、二、… and 一是、二是… (checked against cn2an for 0…200,000 when the
    few lines replaced it)."""
    from disclose.numbers import chinese

    assert chinese(n) == text


def test_chinese_numerals_refuse_what_no_document_numbers():
    from disclose.numbers import chinese

    with pytest.raises(ValueError):
        chinese(10**8)
