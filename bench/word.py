"""The Word stage against docxtpl writing the same content, side by side in one process.

    pip install docxtpl && python bench/word.py [--rounds N]

Both start from the example's rendered blocks (`pipeline.render`), so only the writing of
the .docx is timed:

- disclose: `output.docx.write` (one pass, python-docx, every paragraph with its style and
  fonts, the tables with merged cells and repeated header rows, sections and page numbers);
- docxtpl: a template .docx (made here, once) with a loop of paragraphs and a loop of tables
  (`{%tr %}` rows of `{%tc %}` cells), rendered with the same texts and cell texts, and saved.

docxtpl's document is plainer (no merged cells, no per-run fonts, no sections), so the
comparison favours it.  Rounds alternate the two and the ratio is the median of the
per-round ratios, which a noisy machine disturbs least.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from disclose.output import docx as word  # noqa: E402
from disclose.pipeline import load_checked, render  # noqa: E402
from disclose.render.markup import Heading, Paragraph, Table  # noqa: E402


def docxtpl_template(folder: Path) -> Path:
    """A template with a paragraph loop and a table loop (docxtpl's own tags)."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{%p for p in paragraphs %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for t in tables %}")
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).text = "{%tr for row in t %}"
    for i, tag in enumerate(("{%tc for cell in row %}", "{{ cell }}", "{%tc endfor %}")):
        table.cell(1, i).text = tag
    table.cell(2, 0).text = "{%tr endfor %}"
    doc.add_paragraph("{%p endfor %}")
    path = folder / "template.docx"
    doc.save(path)
    return path


def main() -> None:
    from docxtpl import DocxTemplate

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    checked = load_checked(ROOT / "data" / "changji-2024.yaml")
    rendered = render(checked.data, checked.style, checked.errors, checked.path)
    blocks = [b for part in rendered.parts for b in part]
    paragraphs = [b.text for b in blocks if isinstance(b, (Heading, Paragraph))]
    tables = [[[c.text for c in row] for row in b.rows] for b in blocks if isinstance(b, Table)]
    template = docxtpl_template(Path(tempfile.mkdtemp()))

    def ours() -> int:
        return len(word.write(rendered))

    def theirs() -> int:
        doc = DocxTemplate(template)
        doc.render({"paragraphs": paragraphs, "tables": tables})
        buffer = io.BytesIO()
        doc.save(buffer)
        return len(buffer.getvalue())

    ours(), theirs()                        # warm up: imports and caches of both
    times = {"disclose": [], "docxtpl": []}
    for _ in range(rounds):
        for name, fn in (("disclose", ours), ("docxtpl", theirs)):
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    ratios = [a / b for a, b in zip(times["disclose"], times["docxtpl"])]
    print(f"content: {len(paragraphs)} paragraphs, {len(tables)} tables, "
          f"{sum(len(t) for t in tables)} rows; {rounds} alternating rounds")
    for name, runs in times.items():
        print(f"{name:<9} median {statistics.median(runs) * 1000:7.1f} ms   fastest {min(runs) * 1000:7.1f} ms")
    print(f"ratio disclose / docxtpl: median of rounds {statistics.median(ratios):.2f} (target ≤ 0.50)")


if __name__ == "__main__":
    main()
