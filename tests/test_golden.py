"""The expected output text: every sentence and table row of the Changji build."""
import difflib

from conftest import CHANGJI, CHANGJI_TITLE, GOLDEN


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
