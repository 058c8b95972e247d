"""`disclose check` on the Changji example: clean as transcribed, and every amount guarded.

Each money amount of data/changji-2024.yaml is changed by 1.00 in turn (more than any
万元 rounding tolerance); at least one error must then name the changed line, or a
line that sums it (the error's own line or one of its `related` lines).  Only the
figures that the published document prints exactly once escape: nothing in the file
can contradict them (README, "What check cannot see").
"""
from decimal import Decimal

import yaml

from conftest import CHANGJI, edit, line_of
from disclose import check
from disclose.errors import ERROR
from disclose.load import load
from disclose.style import load as load_style

NOT_AMOUNTS = {"weight", "funds_weight", "score", "building_area"}

# (key, value): printed once in seed 000, so no other figure of the file can contradict them.
ONCE = {("prior_total", "1548.48"),    # 上年收入支出总计 — checked with --prior
        ("budget", "1120.42"),         # 年初预算数
        ("prior", "28.41"),            # 上年机关运行经费 — checked with --prior
        ("vehicle_value", "19.77")}    # 车辆价值


def amounts():
    """(start, end, line, key, value) of every money amount in the file, in file order."""
    text = CHANGJI.read_text(encoding="utf-8")
    found = []

    def walk(node, key=None):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, k.value)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                walk(v, key)
        elif node.tag == "tag:yaml.org,2002:float" and key not in NOT_AMOUNTS:
            found.append((node.start_mark.index, node.end_mark.index, node.start_mark.line + 1, key, node.value))

    walk(yaml.compose(text))
    unique = {(a, b): rest for a, b, *rest in found}      # an alias repeats its anchor's node
    return text, [(a, b, *rest) for (a, b), rest in unique.items()]


def test_the_example_has_no_error():
    problems = check.run(load(CHANGJI), load_style("xinjiang"))
    assert [p for p in problems if p.severity == ERROR] == []


def test_every_amount_is_guarded(tmp_path):
    text, targets = amounts()
    assert len(targets) > 150
    style = load_style("xinjiang")
    unguarded = set()
    for start, end, line, key, value in targets:
        span = text[start:end]
        k = span.rindex(value)                  # after an `&anchor`, if any
        mutated = text[:start] + span[:k] + str(Decimal(value) + 1) + span[k + len(value):] + text[end:]
        path = tmp_path / "m.yaml"
        path.write_text(mutated, encoding="utf-8")
        errors = [p for p in check.run(load(path), style) if p.severity == ERROR]
        if not any(p.location.line == line or any(r.line == line for r in p.related) for p in errors):
            unguarded.add((key, value))
    assert unguarded == ONCE


def test_a_changed_item_is_named_by_its_class(changji_copy):
    item_line = edit(changji_copy, "              current: 442.32", "              current: 452.32")
    problems = [p for p in check.run(load(changji_copy), load_style("xinjiang")) if p.rule == "FUNC-ROLLUP"]
    [p] = problems
    assert p.location.line == line_of(changji_copy, "current: 1092.66")
    assert p.message == "卫生健康支出(类)本年决算 is stated as 1,092.66 but its 8 parts add up to 1,102.66"
    assert item_line in [r.line for r in p.related] and f"{item_line}" in p.hint


def test_the_seed_000_self_evaluation_slip_is_caught(changji_copy, cli):
    line = edit(changji_copy, '          actual: "=100%"\n          basis: 计划标准\n          prior_result: "-"\n'
                "          rule: 按照完成比例赋分\n          evidence: 工作资料\n"
                "          deviation: 本年度鉴定通过人数超过预期值，属于正常。",
                '          actual: "=100%"\n          basis: 计划标准\n          prior_result: "-"\n'
                "          rule: 按照完成比例赋分\n          evidence: 工作资料\n"
                "          deviation: 本年度鉴定通过人数超过预期值，属于正常。\n"
                "          completion: 97.95\n          score: 18.98")
    r = cli("check", changji_copy)
    assert r.code == 1
    errors = [x for x in r.out.splitlines() if " error " in x]
    assert len(errors) == 2
    assert f":{line + 6}: error PERF-SCORE: 项目支出绩效自评表 长期护理保险工作经费 / 长期护理保险鉴定执行率: 完成率 is " \
           "stated as 97.95% but 业绩值 =100% against 目标值 <=95% gives 105.26%" in errors[0]
    assert f":{line + 7}: error PERF-SCORE: 项目支出绩效自评表 长期护理保险工作经费 / 长期护理保险鉴定执行率: 指标得分 is " \
           "stated as 18.98 but 按照完成比例赋分 gives 18.95" in errors[1]
