"""Compare generated text with a published seed, sentence by sentence.

Both texts are folded the same way before comparing: full-width punctuation to its
half-width form (NFKC) and white space removed, since PDF extraction and hand typing
mix the two freely.  A text is cut into sentences at 。 (a heading or a line without
one is a sentence of its own).
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# The published documents the examples transcribe, kept beside the tests (tests/fixtures/seeds/
# README.md names their sources) so the suite runs from a clone of this repository alone.
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def sentences(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        for piece in line.split("。"):
            piece = fold(piece)
            if piece:
                out.append(piece)
    return out


def section(lines: list[str], start: str, end: str) -> list[str]:
    """The lines from the LAST one equal to `start` (folded; a table of contents may name it
    first) up to, not including, the next one equal to `end`."""
    folded = [fold(line) for line in lines]
    i = len(folded) - 1 - folded[::-1].index(fold(start))
    j = folded.index(fold(end), i + 1)
    return lines[i:j]


_HEADING = re.compile(r"^(第.部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))")


def unwrap(lines: list[str]) -> list[str]:
    """Undo the PDF's line wrapping: a line joins the one before unless either is a heading
    or the one before ends a sentence or a clause (。：；)."""
    def heading(text: str) -> bool:
        return bool(_HEADING.match(text)) and "。" not in text

    out: list[str] = []
    for line in lines:
        f = fold(line)
        if out and not heading(fold(out[-1])) and not heading(f) and \
                not fold(out[-1]).endswith(("。", ":", ";")):
            out[-1] += line
        else:
            out.append(line)
    return out


def without(lines: list[str], start: str, end: str) -> list[str]:
    """The lines without the block from `start` up to, not including, `end`."""
    folded = [fold(line) for line in lines]
    i = folded.index(fold(start))
    j = folded.index(fold(end), i + 1)
    return lines[:i] + lines[j:]


def seed_lines(name: str) -> list[str]:
    """The seed's lines of text (not its tables' cells), PDF line wraps undone."""
    path = next(SEEDS.glob(f"{name}-*.txt"))
    return unwrap([line for line in path.read_text(encoding="utf-8").splitlines()
                   if line.strip() and "\t" not in line and not line.startswith("[bookmark")])


def compare(published: list[str], generated: list[str], exceptions: list[tuple[str, str]]):
    """Published sentences with each listed exception (a run of published sentences) replaced
    by its computed text, and the generated sentences; returns (expected, actual, unused)."""
    expected = list(published)
    unused = []
    for pub, comp in exceptions:
        run = sentences([pub])                          # a slip may span several sentences
        for i in range(len(expected) - len(run) + 1):
            if expected[i:i + len(run)] == run:
                expected[i:i + len(run)] = sentences([comp])
                break
        else:
            unused.append(pub)
    return expected, generated, unused
