"""Outputs are written all or nothing: a reader never sees half a file, and a failed
build leaves the outputs of the last build whole and unchanged.

- `write_all` (in-process): the disk fails on the second output, a rename fails, or the
  second output is bigger than the file system takes; each old output must still hold
  its old bytes and no temporary file may be left.
- `disclose build` (in-process): the same, with a real build and its two outputs, and a
  build stopped by an error in the data.
- `disclose build` (a subprocess): killed with SIGKILL at moments spread over the whole
  build and, some of them, at the moment it starts writing; the .txt and .docx must stay
  whole each time (a kill cannot clean up, so temporary files may be left there).

The failures are made from outside `disclose.output.write` (through `os`, the file system and the
command line), so that the tests hold whatever way the writer is arranged inside.
"""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

import disclose.output.write
from conftest import CHANGJI, CHANGJI_TITLE, GOLDEN, ROOT, edit

# --- write_all, in-process --------------------------------------------------------------

OLD = {"a.txt": b"last build's text\n" * 50, "b.docx": b"PK last build's document" * 50}
NEW = {"a.txt": b"this build's text\n" * 100, "b.docx": b"PK this build's document" * 400}
assert len(NEW["a.txt"]) < 4096 < len(NEW["b.docx"])   # what `file_size_limit` below relies on


@contextmanager
def failing(name: str, nth: int, folder: Path, monkeypatch):
    """Make the `nth` call of os.<name> (fsync, or replace/rename) that touches `folder` raise
    OSError; calls elsewhere (pytest's, a library's) pass through. Restored on exit."""
    calls = []
    names = ("replace", "rename") if name == "replace" else (name,)
    folder = folder.resolve()

    def in_folder(arg) -> bool:
        if isinstance(arg, int):        # a file descriptor: where does it point?
            try:
                return Path(os.readlink(f"/proc/self/fd/{arg}")).parent == folder
            except OSError:
                return True             # no /proc: count every call
        return Path(arg).resolve().parent == folder

    def wrap(real):
        def fake(*args, **kwargs):
            if in_folder(args[0]):
                calls.append(args)
                if len(calls) == nth:
                    raise OSError(errno.ENOSPC if name == "fsync" else errno.EIO,
                                  f"injected failure of os.{name} call {nth}")
            return real(*args, **kwargs)
        return fake

    with monkeypatch.context() as m:
        for n in names:
            m.setattr(os, n, wrap(getattr(os, n)))
        yield


@contextmanager
def file_size_limit(limit: int):
    """RLIMIT_FSIZE: writing a file past `limit` bytes fails with EFBIG (as a full disk
    would), whatever code does the writing."""
    resource = pytest.importorskip("resource")
    if not hasattr(signal, "SIGXFSZ"):
        pytest.skip("no SIGXFSZ on this system")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # else the signal ends the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder holding the two outputs of the last build."""
    out = tmp_path / "out"
    out.mkdir()
    for name, content in OLD.items():
        (out / name).write_bytes(content)
    return out


def contents(folder: Path) -> dict[str, bytes]:
    """Every entry of the folder, hidden ones included, with its bytes."""
    return {name: (folder / name).read_bytes() for name in sorted(os.listdir(folder))}


FAILURES = {
    # name: (how it fails, what the error says)
    "second-output-fsync-fails": (lambda f, mp: failing("fsync", 2, f, mp), "injected failure of os.fsync"),
    "first-rename-fails": (lambda f, mp: failing("replace", 1, f, mp), "injected failure of os.replace"),
    # the first output already renamed into place: it is put back, so the two stay one build's
    "second-rename-fails": (lambda f, mp: failing("replace", 2, f, mp), "injected failure of os.replace"),
    "second-output-too-big": (lambda f, mp: file_size_limit(4096), "File too large"),
}


@pytest.mark.parametrize("failure", FAILURES, ids=list(FAILURES))
def test_a_failure_part_way_leaves_every_old_output_whole(folder, monkeypatch, failure):
    make, message = FAILURES[failure]
    with pytest.raises(OSError, match=message):      # the failure was really made, and not hidden
        with make(folder, monkeypatch):
            disclose.output.write.write_all({folder / name: content for name, content in NEW.items()})
    after = contents(folder)
    for name, old in OLD.items():
        assert after.get(name) == old, f"{name} must keep its old bytes when the writing fails"
    assert sorted(after) == sorted(OLD), "no temporary file may be left"


def test_without_a_failure_every_output_is_replaced(folder):
    """The other side of the test above: the same call, nothing failing, writes every output."""
    disclose.output.write.write_all({folder / name: content for name, content in NEW.items()})
    assert contents(folder) == NEW


# --- disclose build, in-process ----------------------------------------------------------

OLD_BUILD = {f"{CHANGJI_TITLE}.txt": b"last build's .txt\n", f"{CHANGJI_TITLE}.docx": b"PK last build's .docx"}


@pytest.fixture
def built_before(tmp_path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    for name, content in OLD_BUILD.items():
        (out / name).write_bytes(content)
    return out


def test_a_build_stopped_by_its_data_leaves_the_outputs(cli, changji_copy, built_before):
    edit(changji_copy, "general_budget: 1222.68", "general_budget: x")
    r = cli("build", changji_copy, "-o", built_before)
    assert r.code == 1 and "NOT-A-NUMBER" in r.err
    assert contents(built_before) == OLD_BUILD


BUILD_FAILURES = {
    **{name: FAILURES[name] for name in ("second-output-fsync-fails", "first-rename-fails")},
    # the .txt (the golden text) fits, the .docx (about 90 kB) does not
    "docx-too-big": (lambda f, mp: file_size_limit((GOLDEN / "changji-2024.txt").stat().st_size + 1024),
                     "File too large"),
}


@pytest.mark.parametrize("failure", BUILD_FAILURES, ids=list(BUILD_FAILURES))
def test_a_build_failing_while_it_writes_leaves_the_outputs(cli, built_before, monkeypatch, failure):
    make, message = BUILD_FAILURES[failure]
    with pytest.raises(OSError, match=message):
        with make(built_before, monkeypatch):
            cli("build", CHANGJI, "-o", built_before, "--formats", "txt,docx")
    assert contents(built_before) == OLD_BUILD, "the old outputs, whole, and nothing else"


# --- disclose build, killed -------------------------------------------------------------

# A build takes about 1-3 s on a 2-core machine: 30 kills keep this test near a minute or two.
KILLS = 30              # SIGKILLs in all; of them,
WRITE_PHASE_KILLS = 10  # these come after the build's first change to the folder, spread over
                        # twice the time its writing takes; the others come spread over
SPREAD = 1.2            # [0, SPREAD × the duration of a build] from its start
SEED = 20240601


def listing(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each entry's inode, size and mtime: any write into the folder changes it."""
    entries = {}
    with os.scandir(folder) as it:
        for entry in it:
            try:
                st = entry.stat()
            except FileNotFoundError:
                continue
            entries[entry.name] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return entries


def watch(proc: subprocess.Popen, folder: Path, before: dict) -> float | None:
    """Wait for the folder to change (the build starts writing); the time it did, or None
    when the build ended first."""
    while proc.poll() is None:
        if listing(folder) != before:
            return time.monotonic()
        time.sleep(0.0001)
    return None


def docx_paragraphs(path: Path) -> list[str]:
    """The text of every paragraph of the body, table cells included, in order; the file must
    be a whole zip (every member's CRC checked) that python-docx opens."""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, f"{path.name}: a damaged member"
    body = docx.Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def spread(n: int, length: float, rng: random.Random) -> list[float]:
    """n moments, uniform over [0, length] and stratified: one in each n-th of it."""
    return [(i + rng.random()) * length / n for i in range(n)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_a_killed_build_leaves_whole_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "disclose", "build", str(CHANGJI), "-o", str(out), "--formats", "txt,docx"]
    golden = (GOLDEN / "changji-2024.txt").read_bytes()
    last_paragraph = golden.decode("utf-8").rstrip("\n").rsplit("\n", 1)[-1]

    # A first build, watched: how long a build takes, and how long its writing lasts (from
    # the folder's first change to its last).
    log = tmp_path / "stderr"
    with log.open("wb") as err:
        first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    start, changes, before = time.monotonic(), [], listing(out)
    while first.poll() is None:
        if (now := listing(out)) != before:
            changes.append(time.monotonic())
            before = now
        time.sleep(0.0002)
    duration = time.monotonic() - start
    assert first.returncode == 0, log.read_text(encoding="utf-8")
    window = max(changes[-1] - changes[0], 0.002) if changes else 0.01
    outputs = sorted(name for name in os.listdir(out) if not name.startswith("."))
    assert sorted(Path(n).suffix for n in outputs) == [".docx", ".txt"], outputs
    text, document = (out / n for n in sorted(outputs, key=lambda n: n.endswith(".docx")))
    assert text.read_bytes() == golden
    reference = docx_paragraphs(document)
    assert [p for p in reference if p][-1] == last_paragraph

    rng = random.Random(SEED)
    plan = [("spread", t) for t in spread(KILLS - WRITE_PHASE_KILLS, SPREAD * duration, rng)]
    plan += [("writing", t) for t in spread(WRITE_PHASE_KILLS, 2 * window, rng)]
    killed, replaced = {"spread": 0, "writing": 0}, [0, 0, 0]
    for kind, moment in plan:
        before = listing(out)
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        if kind == "writing":       # `moment` counts from the folder's first change
            time.sleep(0.3 * duration)   # the writing comes at the end of a build
            start = watch(proc, out, before) or start
        time.sleep(max(0.0, start + moment - time.monotonic() - 0.001))
        while time.monotonic() < start + moment:
            pass
        proc.kill()                 # a no-op when the build has already ended
        code = proc.wait()
        assert code in (0, -signal.SIGKILL), f"the build failed by itself (exit status {code})"
        killed[kind] += code == -signal.SIGKILL
        what = f"after a SIGKILL {moment:.4f} s " + ("into a build" if kind == "spread" else "into its writing")
        after = listing(out)
        print(f"{what}: exit status {code}, left {sorted(set(after) - set(outputs))}")  # shown on failure
        assert set(outputs) <= set(after), f"an output is missing {what}"
        replaced[sum(after[n] != before[n] for n in outputs)] += 1
        assert text.read_bytes() == golden, f"{text.name} {what}: not the whole text"
        assert docx_paragraphs(document) == reference, f"{document.name} {what}: not the whole document"

    print(f"\n{KILLS} kills: a build {duration:.2f} s, its writing {window * 1000:.1f} ms; the build killed "
          f"{killed['spread']}/{KILLS - WRITE_PHASE_KILLS} times spread over it, {killed['writing']}/"
          f"{WRITE_PHASE_KILLS} times in its writing; outputs replaced by a killed or finished build: "
          f"none {replaced[0]}, one {replaced[1]}, both {replaced[2]}; left in the folder: "
          f"{sorted(set(os.listdir(out)) - set(outputs)) or 'nothing'}")
    assert sum(killed.values()) >= KILLS // 2, "most kills must hit a running build, else this tests nothing"
