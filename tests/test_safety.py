"""Files from other people: templates run sandboxed, output names stay inside `-o DIR`,
input is bounded.  Each attack here worked on the code before the sandbox and the bounds."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from conftest import ROOT, edit, write
from disclose.output.write import NAME_BYTES, safe_stem

XINJIANG = ROOT / "templates" / "xinjiang"
LAST_PART = "s12_other_matters.j2"     # the last template of the style's document


def _template_dir(tmp_path: Path, extra: str) -> Path:
    """A --templates folder whose last part ends with `extra`."""
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(XINJIANG / LAST_PART, folder / LAST_PART)
    with (folder / LAST_PART).open("a", encoding="utf-8") as fh:
        fh.write(extra + "\n")
    return folder


def _last_line(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


# --- templates ----------------------------------------------------------------------------

@pytest.mark.parametrize("attack", [
    '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
    '{{ "".__class__.__mro__[1].__subclasses__() }}',
    '{{ settings.__class__.__init__.__globals__ }}',
    '{{ amount.__globals__ }}',
    '{{ lipsum.__globals__["os"].popen("id").read() }}',
])
def test_a_template_cannot_reach_python(tmp_path, cli, changji_copy, attack):
    folder = _template_dir(tmp_path, attack)
    out = tmp_path / "out"
    r = cli("build", changji_copy, "-o", out, "--text-only", "--templates", folder)
    assert r.code == 1
    assert f"{LAST_PART}:{_last_line(folder / LAST_PART)}: error TEMPLATE" in r.err
    assert "uid=" not in r.err + r.out
    assert not out.exists()


def test_a_template_cannot_change_what_it_is_given(tmp_path, cli, changji_copy):
    folder = _template_dir(tmp_path, "{{ settings.parts.append('x') }}")
    r = cli("build", changji_copy, "-o", tmp_path / "out", "--text-only", "--templates", folder)
    assert r.code == 1 and "error TEMPLATE" in r.err and "unsafe" in r.err


@pytest.mark.parametrize("target", ["../../../etc/passwd", "/etc/passwd", "../xinjiang/style.yaml"])
def test_includes_stay_inside_the_template_folders(tmp_path, cli, changji_copy, target):
    folder = _template_dir(tmp_path, f"{{% include '{target}' %}}")
    out = tmp_path / "out"
    r = cli("build", changji_copy, "-o", out, "--text-only", "--templates", folder)
    assert r.code == 1
    assert f"{LAST_PART}:{_last_line(folder / LAST_PART)}: error TEMPLATE" in r.err
    assert "not found" in r.err and "root:" not in r.err
    assert not out.exists()


def test_shipped_templates_still_render_in_the_sandbox(tmp_path, cli):
    r = cli("build", ROOT / "data" / "xiji-2024.yaml", "-o", tmp_path, "--text-only")
    assert r.code == 0, r.err
    (written,) = tmp_path.glob("*.txt")
    assert written.read_text(encoding="utf-8") == (ROOT / "golden" / "xiji-2024.txt").read_text(encoding="utf-8")


# --- output names -------------------------------------------------------------------------

@pytest.mark.parametrize("unit, expected", [
    ("../../evil", "____evil"),
    ("上级/下级", "上级_下级"),
    ("a\\\\b", "a_b"),
    ("a\\tb\\u202ec\\u0007d", "a_b_c_d"),
    ('a<b>c:d|e?f*g\\"h', "a_b_c_d_e_f_g_h"),
    ("..", "_"),
    (".隐藏", "隐藏"),
])
def test_unit_names_make_safe_file_names(tmp_path, cli, changji_copy, unit, expected):
    edit(changji_copy, "unit: 昌吉回族自治州医疗保障局", f'unit: "{unit}"')
    out = tmp_path / "a" / "out"
    r = cli("build", changji_copy, "-o", out, "--text-only")
    assert r.code == 0, r.err
    written = [p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ".txt"]
    assert written == [Path("a/out") / f"{expected}2024年度部门决算公开说明.txt"]


def test_a_long_unit_name_is_cut_to_what_file_systems_take(tmp_path, cli, changji_copy):
    edit(changji_copy, "unit: 昌吉回族自治州医疗保障局", "unit: " + "长" * 300)
    out = tmp_path / "out"
    r = cli("build", changji_copy, "-o", out)
    assert r.code == 0, r.err
    names = sorted(p.name for p in out.iterdir())
    assert [Path(n).suffix for n in names] == [".docx", ".txt", ".xlsx"]
    assert len({Path(n).stem for n in names}) == 1             # one stem for all
    assert all(len(n.encode("utf-8")) <= NAME_BYTES for n in names)
    assert all(len(str(out.resolve() / n)) <= 259 for n in names)


@pytest.mark.parametrize("name", ["CON", "nul.txt", "Com1", "LPT9"])
def test_windows_device_names_are_not_used(name):
    assert safe_stem(name).startswith("_")


def test_cut_names_keep_whole_characters():
    stem = safe_stem("医" * 100 + "x", suffix=".docx")
    assert len((stem + ".docx").encode("utf-8")) <= NAME_BYTES
    stem.encode("utf-8").decode("utf-8")
    assert set(stem) == {"医"}


# --- bounded input ------------------------------------------------------------------------

BOMB = "\n".join(
    [f'a0: &a0 [{", ".join(["lol"] * 9)}]']
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]) + "\n"


def test_an_alias_bomb_is_refused_at_once(tmp_path, cli):
    bomb = write(tmp_path, "bomb.yaml", BOMB)
    assert len(BOMB) < 500
    start = time.perf_counter()
    r = cli("check", bomb)
    elapsed = time.perf_counter() - start
    assert r.code == 1
    assert "bomb.yaml:" in r.err and "error TOO-LARGE" in r.err and "aliases" in r.err
    assert elapsed < 0.5


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path, cli):
    r = cli("check", write(tmp_path, "loop.yaml", "a: &a\n  - *a\n"))
    assert r.code == 1 and "loop.yaml:1: error TOO-LARGE" in r.err


def test_many_aliases_are_refused(tmp_path, cli):
    text = "x: &x 1\nlist:\n" + "".join("  - *x\n" for _ in range(2500))
    r = cli("check", write(tmp_path, "many.yaml", text))
    assert r.code == 1 and "error TOO-LARGE" in r.err and "2,000" in r.err


def test_deep_nesting_is_refused(tmp_path, cli):
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"
    r = cli("check", write(tmp_path, "deep.yaml", text))
    assert r.code == 1 and "error TOO-LARGE" in r.err and "nested" in r.err


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, cli):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (6 * 1024 * 1024) + "\n", encoding="utf-8")
    r = cli("check", big)
    assert r.code == 1 and "big.yaml: error FILE" in r.err and "bytes" in r.err


def test_a_control_character_is_reported_with_its_line(tmp_path, cli):
    r = cli("check", write(tmp_path, "ctl.yaml", 'year: 2024\nunit: "a\x01b"\n'))
    assert r.code == 1 and "ctl.yaml:2: error SYNTAX: character U+0001" in r.err


def test_ordinary_aliases_still_work(cli):
    # the Changji file shares reasons with `&anchor`/`*alias`
    assert "*" in (ROOT / "data" / "changji-2024.yaml").read_text(encoding="utf-8")
    assert cli("check", ROOT / "data" / "changji-2024.yaml").code == 0


@pytest.mark.parametrize("setting, line, message", [
    ("amounts:\n  decimals: 60\n", 2, "style.amounts.decimals is 60, outside 0…6"),
    ("percent:\n  decimals: 7\n", 2, "style.percent.decimals is 7, outside 0…6"),
    ("charts:\n  dpi: 100000\n", 2, "style.charts.dpi is 100000, outside 72…1200"),
])
def test_a_style_number_out_of_bounds_is_refused_with_its_line(cli, tmp_path, setting, line, message):
    """A style folder is someone else's: 60 decimals failed inside the arithmetic (blamed on a shipped
    template), 100,000 dpi exhausted the memory drawing the Sichuan charts."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "style.yaml").write_text(setting, encoding="utf-8")
    r = cli("build", ROOT / "data" / "sichuan-example-2024.yaml", "--templates", folder, "-o", tmp_path / "out")
    assert r.code == 1 and not (tmp_path / "out").exists()
    assert f"style.yaml:{line}: error RANGE: {message}" in r.err
