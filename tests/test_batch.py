"""Many units in one command: `disclose build FOLDER` and `disclose check FOLDER`, with a unit
that fails among them, `--jobs`, `--flat` and `--pdf`."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import CHANGJI, DATA

XIJI, DEMO = DATA / "xiji-2024.yaml", DATA / "demo-2024.yaml"
BROKEN = "unit: 坏单位\nyear: 2024\namount_unit: 万元\n"


@pytest.fixture
def units(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    for f in (CHANGJI, XIJI, DEMO):
        shutil.copy(f, folder / f.name)
    (folder / "broken-2024.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "notes.txt").write_text("not a data file", encoding="utf-8")
    return folder


def test_a_broken_unit_does_not_stop_the_others(cli, units, tmp_path):
    out = tmp_path / "out"
    r = cli("build", units, "-o", out, "--jobs", "2", "--formats", "txt")
    assert r.code == 1
    built = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert built == ["changji-2024/昌吉回族自治州医疗保障局2024年度部门决算公开说明.txt",
                     "demo-2024/示例县文化馆2024年度部门决算公开说明.txt",
                     "xiji-2024/2024年度宁夏西吉县医疗保障局本级部门决算.txt"]
    assert not (out / "broken-2024").exists()
    # the broken unit is named with its first errors, and counted in the summary
    assert "broken-2024.yaml failed:" in r.err
    assert "broken-2024.yaml:1: error NEEDED: the document needs `assets:` (国有资产占用情况) and the file gives " \
           "none" in r.err
    assert "… and " in r.err and "more: disclose check" in r.err
    row = [line for line in r.err.splitlines() if line.strip().startswith("4 ")]
    assert row and row[0].split()[:3] == ["4", "│", "3"]


def test_workers_write_what_one_process_writes(cli, units, tmp_path):
    (units / "broken-2024.yaml").unlink()
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("build", units, "-o", one, "--jobs", "1", "--formats", "txt,xlsx").code == 0
    assert cli("build", units, "-o", two, "--jobs", "2", "--formats", "txt,xlsx").code == 0
    files = sorted(p.relative_to(one) for p in one.rglob("*.txt"))
    assert len(files) == 3
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_flat_writes_every_unit_into_the_folder(cli, units, tmp_path):
    (units / "broken-2024.yaml").unlink()
    out = tmp_path / "out"
    assert cli("build", CHANGJI, DEMO, "-o", out, "--flat", "--formats", "txt").code == 0
    assert sorted(p.name for p in out.iterdir()) == ["昌吉回族自治州医疗保障局2024年度部门决算公开说明.txt",
                                                     "示例县文化馆2024年度部门决算公开说明.txt"]


def test_check_of_a_folder_says_one_line_per_unit(cli, units):
    r = cli("check", units, "--jobs", "2")
    assert r.code == 1
    lines = r.out.splitlines()
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == [
        "broken-2024.yaml", "changji-2024.yaml", "demo-2024.yaml", "xiji-2024.yaml"]
    assert lines[0].split(": ", 1)[1].startswith("12 errors, 0 warnings, 0 notes — first: ")
    assert lines[1].endswith("changji-2024.yaml: 0 errors, 5 warnings, 6 notes")
    r = cli("check", units, "--format", "json")
    report = json.loads(r.out)
    assert [u["ok"] for u in report] == [False, True, True, True] and report[0]["errors"] == 12


def test_pdf_without_libreoffice_is_refused_before_anything_is_written(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    r = cli("build", CHANGJI, "-o", tmp_path / "out", "--pdf")
    assert r.code == 1 and "--pdf needs LibreOffice" in r.err and "apt-get install" in r.err
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler's pdftotext is not installed; .ci/run installs both")
def test_pdfs_of_a_batch_read_back(cli, units, tmp_path):
    (units / "broken-2024.yaml").unlink()
    (units / "xiji-2024.yaml").unlink()
    out = tmp_path / "out"
    r = cli("build", units, "-o", out, "--pdf", "--formats", "txt")
    assert r.code == 0, r.err
    pdfs = sorted(out.rglob("*.pdf"))
    assert [p.parent.name for p in pdfs] == ["changji-2024", "demo-2024"]
    text = subprocess.run(["pdftotext", "-layout", pdfs[1], "-"], capture_output=True, text=True).stdout
    assert "示例县文化馆" in text and "部门决算公开说明" in text.replace(" ", "")


def test_the_collector_is_off_for_one_command_and_on_for_a_batch(tmp_path):
    """`cli.main` runs with the cycle collector off (a cold start is a tenth faster) and gives it back
    as it found it; a batch turns it on for its units, so that memory stays flat over thousands."""
    import gc

    from disclose import batch
    from disclose.cli import main

    assert gc.isenabled()
    main(["styles"])
    assert gc.isenabled()
    seen = []
    gc.disable()
    try:
        batch.run([tmp_path / "a.yaml", tmp_path / "b.yaml"], lambda p: seen.append(gc.isenabled()) or
                  batch.Result(p, True), 1, "testing", batch.console_for_progress())
        assert seen == [True, True] and not gc.isenabled()
    finally:
        gc.enable()
