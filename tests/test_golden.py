"""The expected output text: every sentence and table row of the Changji build."""
import difflib

import pytest

from conftest import CHANGJI, CHANGJI_TITLE, DATA, GOLDEN


def build_text(cli, tmp_path, data=CHANGJI, *extra) -> str:
    r = cli("build", data, "-o", tmp_path, "--text-only", *extra)
    assert r.code == 0, r.err
    return (tmp_path / f"{CHANGJI_TITLE}.txt").read_text(encoding="utf-8")


def test_changji_matches_golden(cli, tmp_path):
    produced = build_text(cli, tmp_path)
    expected = (GOLDEN / "changji-2024.txt").read_text(encoding="utf-8")
    if produced != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), produced.splitlines(),
                                              "golden/changji-2024.txt", "built", lineterm="", n=1))
        raise AssertionError("the built text differs from the golden file:\n" + diff[:6000])


def test_text_is_deterministic(cli, tmp_path):
    first = build_text(cli, tmp_path / "a")
    second = build_text(cli, tmp_path / "b")
    assert first == second


# The shipped styles beyond seed 000's and seed 003's: each has an example data file for an
# invented unit and a golden file built from it (golden/NOTES.md).
EXAMPLES = {"yunnan-example-2024": "示例县文化和旅游局2024年度部门决算",
            "sichuan-example-2024": "示例县群众艺术馆2024年度部门决算",
            "guangxi-example-2024": "示例县文化艺术中心2024年度部门决算",
            "three-public-example-2024": "示例市档案馆2024年度“三公”经费财政拨款支出决算情况"}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_style_examples_match_their_golden_files(cli, tmp_path, name):
    r = cli("build", DATA / f"{name}.yaml", "-o", tmp_path, "--text-only")
    assert r.code == 0, r.err
    produced = (tmp_path / f"{EXAMPLES[name]}.txt").read_text(encoding="utf-8")
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    if produced != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), produced.splitlines(),
                                              f"golden/{name}.txt", "built", lineterm="", n=1))
        raise AssertionError("the built text differs from the golden file:\n" + diff[:6000])


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_style_examples_check_clean(cli, name):
    r = cli("check", DATA / f"{name}.yaml")
    assert r.code == 0 and r.out.splitlines()[-1] == "0 errors, 0 warnings, 0 notes", r.out
