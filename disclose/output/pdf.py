"""PDFs of built Word files through LibreOffice, one converter process for a whole batch.

`soffice --headless --convert-to pdf --outdir DIR a.docx b.docx …` converts many files in one
start of LibreOffice (its start is most of the cost).  It runs with a private profile (a
temporary folder), so a LibreOffice the user has open, or another batch, does not interfere;
each PDF is then moved next to its .docx whole (`write.write_all`).  Files with the same name
in different folders go to separate runs, since the converter names its output after the input.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DiscloseError, Location, Problem
from .write import write_all

TIMEOUT_PER_FILE = 60      # seconds: LibreOffice takes 1–3 s for a disclosure


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require() -> str:
    exe = soffice()
    if exe is None:
        raise DiscloseError([Problem(Location("--pdf"), "PDF", "--pdf needs LibreOffice, and `soffice` is not on "
                                     "the PATH", "install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui "
                                     "fonts-noto-cjk), or leave out --pdf")])
    return exe


def _groups(files: list[Path]) -> list[list[Path]]:
    """Runs in which no two files share a name."""
    groups: list[list[Path]] = []
    for f in files:
        for g in groups:
            if all(x.name != f.name for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def convert(files: list[Path]) -> dict[Path, str | None]:
    """docx → the error converting it (None: its PDF was written beside it)."""
    exe = require()
    result: dict[Path, str | None] = {}
    with tempfile.TemporaryDirectory(prefix="disclose-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        for n, group in enumerate(_groups(files)):
            out = Path(tmp) / f"out{n}"
            try:
                run = subprocess.run([exe, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                                      "--convert-to", "pdf", "--outdir", str(out), *map(str, group)],
                                     capture_output=True, text=True, timeout=TIMEOUT_PER_FILE * len(group) + 30)
                failure = run.stderr.strip().splitlines()[-1] if run.returncode else None
            except subprocess.TimeoutExpired:
                failure = "LibreOffice did not finish in time"
            for docx in group:
                pdf = out / (docx.stem + ".pdf")
                if pdf.is_file() and pdf.stat().st_size > 0:
                    write_all({docx.with_suffix(".pdf"): pdf.read_bytes()})
                    result[docx] = None
                else:
                    result[docx] = failure or "LibreOffice wrote no PDF for it"
    return result
