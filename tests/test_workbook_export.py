"""The 附表 workbook `disclose build` writes beside the .docx: the nine tables, one sheet each,
with the same figures as the document (read back with openpyxl, another library than the
writer's)."""
from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from conftest import CHANGJI, ROOT

XIJI = ROOT / "data" / "xiji-2024.yaml"
SHEETS = [f"公开0{n}表" for n in range(1, 10)]


def _built(cli, tmp_path, data, *extra):
    r = cli("build", data, "-o", tmp_path, *extra)
    assert r.code == 0, r.err
    return {p.suffix: p for p in tmp_path.iterdir()}


def _txt_tables(text: str) -> dict[str, list[list[str]]]:
    """The rows of each table in the .txt, by its 公开0N表 label."""
    tables, current, lines = {}, None, text.splitlines()
    for i, line in enumerate(lines):
        if line in SHEETS:
            current = tables.setdefault(line, [])
        elif current is not None and "\t" in line:
            current.append(line.split("\t"))
        elif current is not None and line.startswith("注："):
            current = None
    return tables


@pytest.mark.parametrize("data", [XIJI, CHANGJI], ids=["xiji (元)", "changji (万元)"])
def test_the_workbook_has_the_nine_tables_with_the_documents_figures(cli, tmp_path, data):
    files = _built(cli, tmp_path, data)
    assert set(files) == {".txt", ".docx", ".xlsx"}
    book = openpyxl.load_workbook(files[".xlsx"])
    assert book.sheetnames == SHEETS
    text_tables = _txt_tables(files[".txt"].read_text(encoding="utf-8"))
    assert set(text_tables) == set(SHEETS)
    for name in SHEETS:
        ws = book[name]
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows
        numbers = [Decimal(repr(c.value)) for row in ws.iter_rows() for c in row
                   if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
        assert all(c.number_format == "#,##0.00" for row in ws.iter_rows() for c in row
                   if isinstance(c.value, (int, float)))
        printed = [Decimal(cell.replace(",", "")) for row in text_tables[name] for cell in row
                   if cell and "." in cell and cell.replace(",", "").replace(".", "").lstrip("-").isdigit()]
        assert [n.quantize(Decimal("0.01")) for n in numbers] == printed, name


def test_the_sheets_are_laid_out_as_published(cli, tmp_path):
    book = openpyxl.load_workbook(_built(cli, tmp_path, XIJI)[".xlsx"])
    ws = book["公开05表"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "一般公共预算财政拨款支出决算表" and rows[1][-1] == "公开05表"
    assert rows[2][0] == "部门：宁夏西吉县医疗保障局本级" and rows[2][-1] == "金额单位：元"
    assert rows[3][:3] == ("项目", None, "本年支出合计") and rows[5][:3] == ("栏次", None, "1")
    assert rows[6][:3] == ("合计", None, 6822048.75)
    assert rows[7][:2] == ("208", "社会保障和就业支出")          # codes stay text
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:E1", "A4:B4", "C4:C5", "A6:B6", "A7:B7"} <= merged
    assert ws.print_title_rows == "$4:$6"
    assert rows[-1][0].startswith("注：")


def test_formats_choose_the_outputs(cli, tmp_path):
    assert set(_built(cli, tmp_path / "a", XIJI, "--formats", "txt,xlsx")) == {".txt", ".xlsx"}
    assert set(_built(cli, tmp_path / "b", XIJI, "--text-only")) == {".txt"}
    r = cli("build", XIJI, "-o", tmp_path / "c", "--formats", "txt,pdf")
    assert r.code == 2 and "unknown format pdf" in r.err and not (tmp_path / "c").exists()
