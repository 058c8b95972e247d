"""完成率 and 指标得分 by the rules of the domain notes (seed 000)."""
from decimal import Decimal as D

import pytest

from disclose.numbers import ZeroBase, quantize
from disclose.scoring import Day, Quantity, funds_score, outcome, parse, score

MET = ["达到预期指标"]
Z = ZeroBase()


def proportional(weight, target, actual):
    result = outcome(target, actual, MET, Z)
    return quantize(result.completion * 100), score("proportional", D(weight), result, D(60))


@pytest.mark.parametrize("weight,target,actual,completion,points", [
    (10, ">=70%", "=100%", "142.86", "5.71"),      # overshoot is lost
    (10, ">=80%", "=100%", "125.00", "7.50"),
    (10, "<=450元/天/人", "=420元/天/人", "93.33", "8.33"),   # linear from 60%
    (10, "<=1.5万元", "=1.3万元", "86.67", "6.67"),
    (10, ">=114万人", "=115.76万人", "101.54", "9.85"),
    (20, ">=90%", "=100%", "111.11", "17.78"),
    (4, "<=22.5万元", "=22.455万元", "99.80", "3.98"),
    (13, "<=110万", "=109.99688万元", "100.00", "13.00"),    # 万 and 万元 are the same unit
    (10, ">=1294", "=1338", "103.40", "9.66"),
    (10, ">=180人", "=294人", "163.33", "3.67"),
])
def test_proportional_rule_reproduces_seed_000(weight, target, actual, completion, points):
    assert proportional(weight, target, actual) == (D(completion), D(points))


def test_nothing_at_or_below_the_floor_and_never_negative():
    assert proportional(10, ">=100人", "=60人")[1] == 0
    assert proportional(10, ">=100人", "=30人")[1] == 0
    assert proportional(10, ">=10人", "=35人")[1] == 0       # 350%: the overshoot exceeds the weight


def test_full_if_met():
    met = outcome(">=95%", "=100%", MET, Z)
    assert score("full_if_met", D(10), met, D(60)) == D("10.00")
    missed = outcome(">=95%", "=90%", MET, Z)
    assert score("full_if_met", D(10), missed, D(60)) is None     # the evaluator enters it
    cost = outcome("<=5万元", "=4万元", MET, Z)
    assert cost.met and score("full_if_met", D(4), cost, D(60)) == D("4.00")


def test_dates_and_texts():
    assert parse("2024年12月10日前") == Day("", __import__("datetime").date(2024, 12, 10))
    assert outcome("2024年12月10日前", "2024年8月27日", MET, Z).completion == 1
    late = outcome("2024年8月30日前", "2024年9月6日", MET, Z)
    assert late.completion is None and late.met is False
    assert outcome("有效保障", "达到预期指标", MET, Z).completion == 1
    unknown = outcome("有效保障", "部分达到", MET, Z)
    assert unknown.completion is None and "met_phrases" in unknown.why_not


def test_units_must_agree():
    result = outcome(">=10人", "=10次", MET, Z)
    assert result.completion is None and "人" in result.why_not and "次" in result.why_not
    assert parse("≥95%") == Quantity(">=", D("95"), "%")


def test_funds_rows():
    assert funds_score("full", D(10), D("0.834")) == D("10.00")
    assert funds_score("proportional", D(10), D("0.99904")) == D("9.99")
    assert funds_score("proportional", D(10), D("1.2")) == D("10.00")
