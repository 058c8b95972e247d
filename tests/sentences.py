"""Compare generated text with a published seed, sentence by sentence.

Both texts are folded the same way before comparing: full-width punctuation to its
half-width form (NFKC) and white space removed, since PDF extraction and hand typing
mix the two freely.  A text is cut into sentences at 。 (a heading or a line without
one is a sentence of its own).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


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
    """The lines from the one equal to `start` (folded) up to, not including, `end`."""
    folded = [fold(line) for line in lines]
    i = folded.index(fold(start))
    j = folded.index(fold(end), i + 1)
    return lines[i:j]


def without(lines: list[str], start: str, end: str) -> list[str]:
    """The lines without the block from `start` up to, not including, `end`."""
    folded = [fold(line) for line in lines]
    i = folded.index(fold(start))
    j = folded.index(fold(end), i + 1)
    return lines[:i] + lines[j:]


def seed_lines(name: str) -> list[str]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("\t") and not line.startswith("[bookmark")]


def compare(published: list[str], generated: list[str], exceptions: list[tuple[str, str]]):
    """Published sentences with each listed exception replaced by its computed text, and the
    generated sentences; returns (expected, actual, unused exceptions)."""
    expected = list(published)
    unused = []
    for pub, comp in exceptions:
        fp, fc = fold(pub), fold(comp)
        if fp in expected:
            expected[expected.index(fp)] = fc
        else:
            unused.append(pub)
    return expected, generated, unused
