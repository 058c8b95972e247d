"""The outputs of a build, as a table of formats.

Each format is a module with `write(rendered) -> bytes` (`pipeline.Rendered`: the title,
the blocks of each part, the data): `text.py` (the .txt twin), `docx.py` (the Word file:
`wordml.py` writes the blocks in one pass into `skeleton.py`'s package, whose look is
`layout.py`; `chart.py` draws a style's charts; `assemble.py` joins the user's attachments), `xlsx.py` (the nine tables as a
workbook). `pdf.py` converts Word files through LibreOffice (`build --pdf`). A new format joins
by adding its module and a row to `FORMATS`. Modules are imported only when their format is written: `check` and
`--text-only` never load python-docx. `write.py` writes outputs atomically under safe names.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    description: str
    module: str                 # the module (in this package) whose write(rendered) makes the bytes

    def write(self, rendered) -> bytes:
        return importlib.import_module(f"{__package__}.{self.module}").write(rendered)


FORMATS = {f.name: f for f in (
    Format("txt", ".txt", "the plain-text twin (what the golden tests and diffs read)", "text"),
    Format("docx", ".docx", "the Word document (GB/T 9704 layout)", "docx"),
    Format("xlsx", ".xlsx", "the nine 公开 tables as a workbook, one sheet each (the 附表)", "xlsx"),
)}
