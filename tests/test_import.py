"""The reading side of `disclose import`: workbooks written here another way than any exporter of
ours (openpyxl, xlwt), from the rows of the nine tables in golden/xiji-2024.txt, read back into the
figures of data/xiji-2024.yaml — in every layout the issue names — and each refusal naming its
sheet and cell."""
from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from conftest import DATA, GOLDEN
from disclose.errors import DiscloseError, Location
from disclose.load import load
from disclose.load.workbook import Imported, read, to_yaml
from disclose.model import EXPENDITURE_KINDS, INCOME_SOURCES, ItemIncome, ItemSpending
from disclose.numbers import quantize

XIJI = load(DATA / "xiji-2024.yaml")
AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*\.\d{2}$")


# --- the nine tables of the golden text, and workbooks made of them ----------------------------------------

def golden_tables() -> list[dict]:
    """Each table's block: title, 公开0N表, 部门, 金额单位, tab-separated rows, notes."""
    lines = (GOLDEN / "xiji-2024.txt").read_text(encoding="utf-8").splitlines()
    tables = []
    for i, line in enumerate(lines):
        if re.fullmatch(r"公开0\d表", line):
            j = i + 4
            rows = []
            while lines[j]:
                rows.append(lines[j].split("\t"))
                j += 1
            tables.append({"number": line[2:4], "title": lines[i - 1], "marker": line, "unit": lines[i + 1],
                           "money": lines[i + 2], "rows": rows, "notes": [lines[j + 1]],
                           "sheet": f"Sheet{len(tables) + 1}"})
    assert [t["number"] for t in tables] == [f"0{n}" for n in range(1, 10)]
    return tables


def header_height(t: dict) -> int:
    """The heading rows of a golden table: down to its 栏次 row (公开06 has none: two rows)."""
    for k, row in enumerate(t["rows"]):
        if row[0] == "栏次" or row[0] == "1":
            return k + 1
    return 2


def cell(text: str, codes_as_numbers: bool, amounts_as_text: bool):
    if not text:
        return None
    if AMOUNT.match(text):
        return text if amounts_as_text else float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,2}", text):
        return int(text)                                  # 行次, 栏次
    if re.fullmatch(r"\d{3}|\d{5}|\d{7}", text):
        return int(text) if codes_as_numbers else text     # 科目编码
    return text


def write(path: Path, tables: list[dict], *, shift: int = 0, extra_title: bool = False, one_sheet: bool = False,
          codes_as_numbers: bool = False, amounts_as_text: bool = False, merge: bool = False) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    ws, r = None, 1
    for t in tables:
        if ws is None or not one_sheet:
            ws, r = wb.create_sheet(t["sheet"] if not one_sheet else "部门决算"), 1
        lines = ([["第二部分 2024年度部门决算表"]] if extra_title else []) + \
            [[t["title"]]] + ([[t["marker"]]] if t["marker"] else []) + [[t["unit"]], [t["money"]], []]
        top = r + len(lines)
        lines += t["rows"] + [[]] + [[n] for n in t["notes"]] + [[]]
        for line in lines:
            for c, text in enumerate(line):
                value = cell(text, codes_as_numbers, amounts_as_text)
                if value is not None:
                    ws.cell(r, c + 1 + shift, value)
            r += 1
        if merge:       # a group heading merged over the columns it spans, as the 决算 software writes it
            width = max(len(row) for row in t["rows"])
            heads = [row + [""] * (width - len(row)) for row in t["rows"][:header_height(t)]
                     if row[0] not in ("栏次", "1")]
            for k, row in enumerate(heads[:-1]):
                for c, text in enumerate(row):
                    span = c
                    while span + 1 < width and not row[span + 1] and any(h[span + 1] for h in heads[k + 1:]):
                        span += 1
                    if text and span > c:
                        ws.merge_cells(start_row=top + k, start_column=c + 1 + shift, end_row=top + k,
                                       end_column=span + 1 + shift)
    wb.save(path)
    return path


def in_wan(tables: list[dict]) -> list[dict]:
    """A copy in 万元: every amount divided by 10000 and rounded to the cent."""
    out = copy.deepcopy(tables)
    for t in out:
        t["money"] = "金额单位：万元"
        t["rows"] = [[f"{quantize(Decimal(x.replace(',', '')) / 10000):,.2f}" if AMOUNT.match(x) else x for x in row]
                     for row in t["rows"]]
    return out


def renamed(tables: list[dict], words: dict[str, str]) -> list[dict]:
    out = copy.deepcopy(tables)
    for t in out:
        for row in t["rows"][:header_height(t)]:
            row[:] = [words.get(x, x) for x in row]
    return out


def spaced_codes(tables: list[dict]) -> list[dict]:
    """公开02, 03, 05 with codes such as `208 05 05 机关事业单位…` and the 科目名称 column left empty."""
    out = copy.deepcopy(tables)
    for t in out:
        if t["number"] in ("02", "03", "05"):
            for row in t["rows"][3:]:
                if row[0].isdigit():
                    code = " ".join(row[0][i:i + n] for i, n in ((0, 3), (3, 2), (5, 2)) if row[0][i:i + n])
                    row[0:2] = [f"{code} {row[1].strip()}", ""]
    return out


def split_codes(tables: list[dict]) -> list[dict]:
    """公开02, 03, 05 with separate 类/款/项 columns, each row giving only its own part of the code."""
    out = copy.deepcopy(tables)
    for t in out:
        if t["number"] not in ("02", "03", "05"):
            continue
        rows = t["rows"]
        rows[0][0:1] = ["项目", "", ""]
        rows[1][0:1] = ["类", "款", "项"]
        rows[2][0:1] = ["栏次", "", ""]
        for row in rows[3:]:
            code = row[0]
            row[0:1] = [code, "", ""] if not code.isdigit() or len(code) == 3 else \
                ["", code[3:5], ""] if len(code) == 5 else ["", "", code[5:]]
    return out


# --- the figures the nine tables carry, from a model ------------------------------------------------------

def figures(m, scale=lambda x: x) -> dict:
    """Every figure of the model that the nine tables carry, by a name of its own."""
    f = {f"income.{k}": getattr(m.income, k) for k in INCOME_SOURCES +
         ("stated_total", "non_fiscal_balance_used", "carryover_start", "grand_total")}
    f.update({f"expenditure.{k}": getattr(m.expenditure, k) for k in EXPENDITURE_KINDS +
              ("stated_total", "balance_distribution", "carryover_end", "grand_total")})
    f.update({"fiscal.carryover_start": m.fiscal.carryover_start, "fiscal.carryover_end": m.fiscal.carryover_end})
    for lei in m.general_budget.functions:
        f.update({lei.code: lei.name, f"{lei.code}.current": lei.current})
        for kuan in lei.items:
            f.update({kuan.code: kuan.name, f"{kuan.code}.current": kuan.current})
            for i in kuan.items:
                f.update({i.code: i.name, f"{i.code}.current": i.current, f"{i.code}.basic": i.basic,
                          f"{i.code}.project": i.project})
                for part, record in (("income", i.income or ItemIncome()), ("spending", i.spending or ItemSpending())):
                    f.update({f"{i.code}.{part}.{k}": v for k, v in vars(record).items() if k != "meta"})
    b = m.basic
    f.update({f"economic.{code}": v for code, v in b.economic.items()})
    f.update({"basic.personnel": b.personnel, "basic.public": b.public, "basic.stated_total": b.stated_total})
    tp = m.three_public
    f.update({"三公.stated_current": tp.stated_current, "三公.stated_budget": tp.stated_budget,
              "三公.vehicles.budget": tp.vehicles.budget})
    for name, part in (("abroad", tp.abroad), ("purchase", tp.vehicles.purchase),
                       ("operation", tp.vehicles.operation), ("reception", tp.reception)):
        f.update({f"三公.{name}.current": part.current, f"三公.{name}.budget": part.budget})
    return {k: scale(v) if isinstance(v, Decimal) else v for k, v in f.items()}


def wan(x: Decimal) -> Decimal:
    return quantize(x / 10000)


def completed(data: Imported, scale=lambda x: x) -> Imported:
    """The import with the texts (and the few figures no table holds) of the example added."""
    x = XIJI
    data.setdefault("year", 2024)
    data["overview"] = {"duties": list(x.overview.duties)}
    data["overall"] = {"prior_total": scale(x.overall.prior_total), "reason": x.overall.reason}
    data["fiscal"].update(prior_total=scale(x.fiscal.prior_total), reason=x.fiscal.reason,
                          budget=scale(x.fiscal.budget), budget_reason=x.fiscal.budget_reason)
    data["general_budget"].update(reason=x.general_budget.reason, budget_reason=x.general_budget.budget_reason)
    oc = x.operating_costs
    data["operating_costs"] = {"current": scale(oc.current), "prior": scale(oc.prior), "reason": oc.reason}
    data.update(procurement={}, assets={"vehicles": {}}, performance={})
    return data


def reload(data: Imported, tmp_path: Path, name: str = "imported.yaml"):
    target = tmp_path / name
    target.write_text(to_yaml(data, "2024公开表.xlsx"), encoding="utf-8")
    return load(target)


def no_floats(value) -> bool:
    if isinstance(value, dict):
        return all(no_floats(v) for v in value.values())
    if isinstance(value, list):
        return all(no_floats(v) for v in value)
    return not isinstance(value, float)


# --- reading back ------------------------------------------------------------------------------------------

def test_a_workbook_of_the_nine_tables_reads_back_every_figure(tmp_path):
    data = read(write(tmp_path / "2024公开表.xlsx", golden_tables()))
    assert data["unit"] == "宁夏西吉县医疗保障局本级" and data["year"] == 2024 and data["amount_unit"] == "元"
    assert no_floats(data)
    assert data["income"]["general_budget"] == Decimal("6822048.75")
    assert "government_fund" not in data and "state_capital" not in data    # 公开08/09 have no figures
    assert figures(reload(completed(data), tmp_path)) == figures(XIJI)


def test_every_figure_keeps_its_cell(tmp_path):
    path = write(tmp_path / "t.xlsx", golden_tables())
    data = read(path)
    at = data.locations
    assert at["income.general_budget"] == Location(str(path), sheet="Sheet1", cell="C9")
    assert at["expenditure.basic"] == Location(str(path), sheet="Sheet3", cell="D9")         # 公开03 合计
    assert at["general_budget.functions[2].items[2].items[1].spending.basic"].cell == "D19"   # 2101501
    assert at["general_budget.functions[2].items[2].items[1].basic"] == Location(str(path), sheet="Sheet5",
                                                                                cell="D19")
    assert at["basic.economic.30299"] == Location(str(path), sheet="Sheet6", cell="F35")
    text = to_yaml(data, "t.xlsx")
    assert "  general_budget: 6822048.75    # Sheet1!C9\n" in text
    assert '    "30299": 14734.50    # Sheet6!F35\n' in text and '- code: "2101501"' in text


def test_the_yaml_lacks_only_the_texts(tmp_path):
    """Alone, the imported file loads but for the texts (and figures) no table holds: each is MISSING."""
    target = tmp_path / "bare.yaml"
    target.write_text(to_yaml(read(write(tmp_path / "t.xlsx", golden_tables())), "t.xlsx"), encoding="utf-8")
    with pytest.raises(DiscloseError) as e:
        load(target)
    assert {p.rule for p in e.value.problems} == {"MISSING"}
    assert target.read_text(encoding="utf-8").startswith("# Figures of the nine 公开 tables imported from t.xlsx")


VARIANTS = {
    "shifted, extra title rows, titles with year and 公开0N表 in one cell": (
        lambda ts: [t | {"title": f"2024年度{t['title']}（{t['marker']}）", "marker": ""} for t in ts],
        {"shift": 1, "extra_title": True}),
    "headings worded otherwise": (
        lambda ts: renamed(ts, {"决算数": "本年决算数", "功能分类科目编码": "科目编码", "科目代码": "经济分类科目编码",
                                "项目(按功能分类)": "项目", "本年支出合计": "支出合计"}), {}),
    "codes as numbers, amounts as text": (lambda ts: ts, {"codes_as_numbers": True, "amounts_as_text": True}),
    "codes spaced, with the name in the code's cell": (spaced_codes, {}),
    "merged group headings, Chinese sheet names": (
        lambda ts: [t | {"sheet": t["marker"]} for t in ts], {"merge": True}),
    "all on one sheet, with notes and signatures under each table": (
        lambda ts: [t | {"notes": t["notes"] + ["注2：本表金额保留两位小数。", "单位负责人：张三    制表人：李四"]}
                    for t in ts], {"one_sheet": True}),
    "类, 款 and 项 in separate columns": (split_codes, {}),
    "rows of 公开01 by 行次 where unnamed, the new form's names": (
        lambda ts: renamed_rows(ts, "01", {"本年收入合计": "", "结余分配": "",
                                           "用事业基金弥补收支差额": "使用非财政拨款结余（含专用结余）"}), {}),
}


def renamed_rows(tables: list[dict], number: str, names: dict[str, str]) -> list[dict]:
    out = copy.deepcopy(tables)
    t = next(t for t in out if t["number"] == number)
    t["rows"] = [[names.get(x, x) if c in (0, 3) else x for c, x in enumerate(row)] for row in t["rows"]]
    return out


@pytest.mark.parametrize("variant", VARIANTS)
def test_layouts(tmp_path, variant):
    change, options = VARIANTS[variant]
    data = read(write(tmp_path / "t.xlsx", change(golden_tables()), **options))
    assert (data["unit"], data["year"], data["amount_unit"]) == ("宁夏西吉县医疗保障局本级", 2024, "元")
    assert figures(reload(completed(data), tmp_path)) == figures(XIJI)


def test_a_contents_sheet_a_hidden_old_copy_and_a_spacer_column(tmp_path):
    """Titles listed on a contents sheet and a stale copy on a hidden sheet are passed over; 公开0N表
    beside the title, 编制单位 and 金额单位 on one line, an empty column inside each table."""
    tables = golden_tables()
    wb = openpyxl.Workbook()
    wb.active.title = "目录"
    for i, t in enumerate(tables):
        wb.active.cell(i + 1, 1, f"{i + 1}. {t['title']}")
    old = wb.create_sheet("旧")
    old.sheet_state = "hidden"
    for r, line in enumerate([[tables[0]["title"]], [], ["项目", "行次", "决算数"], ["一、一般公共预算财政拨款收入", 1, 5.0]]):
        for c, v in enumerate(line):
            old.cell(r + 1, c + 1, v)
    for t in tables:
        ws = wb.create_sheet(t["number"])
        ws.cell(1, 1, t["title"])
        ws.cell(1, 9, t["marker"])
        ws.cell(2, 1, t["unit"].replace("部门", "编制单位"))
        ws.cell(2, 7, t["money"])
        for r, row in enumerate(t["rows"]):
            for c, text in enumerate(row):
                if (value := cell(text, False, False)) is not None:
                    ws.cell(r + 4, c + 1 + (c >= 2), value)
    wb.save(tmp_path / "t.xlsx")
    data = read(tmp_path / "t.xlsx")
    assert data["unit"] == "宁夏西吉县医疗保障局本级"
    assert data.locations["income.general_budget"].sheet == "01"
    assert figures(reload(completed(data), tmp_path)) == figures(XIJI)


def test_three_public_and_special_funds_with_figures(tmp_path):
    tables = golden_tables()
    t07, t08, t09 = tables[6:9]
    t07["rows"].append("10,000.00 0.00 8,000.00 0.00 8,000.00 2,000.00 9,500.00 0.00 7,600.00 0.00 7,600.00 "
                       "1,900.00".split())
    fund = ["100.00", "1,000.00", "900.00", "0.00", "900.00", "200.00"]
    t08["rows"][3:] = [["合计", ""] + fund, ["212", "城乡社区支出"] + fund, ["21208", "　国有土地使用权出让收入安排的支出"] + fund,
                       ["2120899", "　　其他国有土地使用权出让收入安排的支出"] + fund]
    t09["rows"][3:] = [["合计", "", "300.00", "0.00", "300.00"], ["223", "国有资本经营预算支出", "300.00", "0.00", "300.00"],
                       ["22301", "　解决历史遗留问题及改革成本支出", "300.00", "0.00", "300.00"],
                       ["2230199", "　　其他解决历史遗留问题及改革成本支出", "300.00", "0.00", "300.00"]]
    data = read(write(tmp_path / "t.xlsx", tables))
    d = Decimal
    assert data["three_public"] == {
        "stated_current": d("9500.00"), "stated_budget": d("10000.00"),
        "abroad": {"current": d("0.00"), "budget": d("0.00")},
        "vehicles": {"budget": d("8000.00"), "purchase": {"current": d("0.00"), "budget": d("0.00")},
                     "operation": {"current": d("7600.00"), "budget": d("8000.00")}},
        "reception": {"current": d("1900.00"), "budget": d("2000.00")}}
    assert data.locations["three_public.reception.current"] == Location(str(tmp_path / "t.xlsx"), sheet="Sheet7",
                                                                        cell="L10")
    assert data["government_fund"] == {"carryover_start": d("100.00"), "income": d("1000.00"),
                                       "expenditure": d("900.00"), "carryover_end": d("200.00")}
    assert data["state_capital"] == {"carryover_start": d("0.00"), "income": d("0.00"), "expenditure": d("300.00"),
                                     "carryover_end": d("0.00")}
    t07["rows"][-1][6] = "9,600.00"           # 决算 合计 ≠ 0.00 + 7,600.00 + 1,900.00
    found = problems(write(tmp_path / "t.xlsx", tables))
    assert [(at(p), p.message) for p in found] == [("Sheet7!G10", "公开07表: 决算数 合计 is 9,600.00, but 因公出国（境）费, "
                                                    "公务用车 and 公务接待费 add up to 9,500.00")]


def test_amounts_in_wan_yuan(tmp_path):
    """A copy in 万元 (each amount rounded to the cent): its totals differ from their rounded parts
    within half a cent a part, and every figure is the example's, rounded."""
    data = read(write(tmp_path / "t.xlsx", in_wan(golden_tables())))
    assert data["amount_unit"] == "万元"
    assert data["income"]["grand_total"] == Decimal("728.94")
    assert figures(reload(completed(data, wan), tmp_path)) == figures(XIJI, wan)


def test_an_xls_written_with_xlwt(tmp_path):
    xlwt = pytest.importorskip("xlwt", reason="xlwt (to write an .xls) does not install here")
    book = xlwt.Workbook(encoding="utf-8")
    for t in golden_tables():
        sheet = book.add_sheet(t["marker"])
        for r, line in enumerate([[t["title"]], [t["marker"]], [t["unit"]], [t["money"]], []] + t["rows"] +
                                 [[], t["notes"]]):
            for c, text in enumerate(line):
                value = cell(text, False, False)
                if value is not None:
                    sheet.write(r, c, value)
    book.save(str(tmp_path / "t.xls"))
    data = read(tmp_path / "t.xls")
    assert figures(reload(completed(data), tmp_path)) == figures(XIJI)


def test_a_table_in_the_other_unit_is_converted_exactly(tmp_path):
    tables = golden_tables()
    tables[6:7] = in_wan(tables[6:7])        # 公开07 in 万元 (all zeros), the others in 元
    assert read(write(tmp_path / "t.xlsx", tables))["three_public"]["abroad"]["current"] == Decimal("0.00")
    tables = golden_tables()
    tables[5:6] = in_wan(tables[5:6])        # 公开06 in 万元: its cents of 万元 are whole 元 × 100
    data = read(write(tmp_path / "t.xlsx", tables, one_sheet=True))
    assert data["basic"]["economic"]["30101"] == Decimal("1002100.00")


@pytest.mark.parametrize("example", ["xiji-2024.yaml", "changji-2024.yaml"])
def test_the_workbook_disclose_build_writes_reads_back(cli, tmp_path, example):
    """Our own 附表 (`disclose build --formats xlsx`) imported: every figure the data file states comes
    back (Changji's tables leave unknown cells blank: a column blank in every row is not given)."""
    assert cli("build", DATA / example, "-o", tmp_path, "--formats", "xlsx").code == 0
    data = read(next(tmp_path.glob("*.xlsx")))
    model = load(DATA / example)
    # a 项 with nothing this year (Changji's 2010607, 2013404: last year's only) is in no table
    silent = {i.code for lei in model.general_budget.functions for kuan in lei.items for i in kuan.items
              if i.current == 0 and i.income is None and i.spending is None}
    silent |= {c for c in {x[:n] for x in silent for n in (3, 5)}
               if all(i in silent for lei in model.general_budget.functions for kuan in lei.items
                      for i in (x.code for x in kuan.items) if i.startswith(c))}
    stated = {k: v for k, v in figures(model).items() if v is not None and k.split(".")[0] not in silent}
    got = figures(reload(completed(data), tmp_path))
    assert {k: got[k] for k in stated} == stated


# --- refusals, each at its sheet and cell ---------------------------------------------------------------------

def problems(path: Path) -> list:
    with pytest.raises(DiscloseError) as e:
        read(path)
    return e.value.problems


def at(problem) -> str:
    return f"{problem.location.sheet}!{problem.location.cell}"


def edit(tables: list[dict], number: str, old: str, new: str) -> list[dict]:
    t = next(t for t in tables if t["number"] == number)
    t["rows"] = [[new if x == old else x for x in row] for row in t["rows"]]
    return tables


def test_a_missing_table(tmp_path):
    found = problems(write(tmp_path / "t.xlsx", [t for t in golden_tables() if t["number"] != "06"]))
    assert len(found) == 1 and found[0].rule == "IMPORT"
    assert "公开06表 一般公共预算财政拨款基本支出决算明细表 is in none of the sheets (Sheet1、Sheet2、Sheet3、Sheet4、" \
           "Sheet5、Sheet7、Sheet8、Sheet9)" in found[0].message
    assert found[0].location == Location(str(tmp_path / "t.xlsx"))


def test_a_header_it_cannot_read(tmp_path):
    tables = edit(golden_tables(), "05", "基本支出", "某某经费")
    t05 = tables[4]
    t05["rows"] = [row for row in t05["rows"] if row[0] != "栏次"]       # and no 栏次 to find it by
    found = problems(write(tmp_path / "t.xlsx", tables))
    assert [(at(p), p.message) for p in found] == [
        ("Sheet5!A6", "公开05表: cannot find the column 基本支出 in the header (rows 6–7)")]


def test_text_in_an_amount_cell(tmp_path):
    tables = edit(golden_tables(), "05", "287,628.60", "二十八万")       # 2210201 住房公积金: 本年 and 基本
    found = problems(write(tmp_path / "t.xlsx", tables))
    assert sorted((at(p), p.message) for p in found) == [      # and no sum on top of them
        ("Sheet5!C24", "公开05表: `二十八万` in the 本年支出合计 column of 2210201 住房公积金 is not an amount"),
        ("Sheet5!D24", "公开05表: `二十八万` in the 基本支出 column of 2210201 住房公积金 is not an amount")]


def test_a_total_that_disagrees_with_its_rows(tmp_path):
    tables = edit(golden_tables(), "05", "6,822,048.75", "6,822,058.75")     # the 合计 row of 公开05
    found = problems(write(tmp_path / "t.xlsx", tables))
    assert {at(p) for p in found} == {"Sheet5!C9"}
    assert "公开05表: the 合计 row's 本年支出合计 is 6,822,058.75, but the 类 rows add up to 6,822,048.75" in \
        [p.message for p in found]
    tables = edit(golden_tables(), "02", "202,831.42", "202,832.42")         # a 款 of 公开02 off by 1.00
    found = problems(write(tmp_path / "t.xlsx", tables))
    assert "公开02表: 21011 行政事业单位医疗 本年收入合计 is 202,832.42, but its 项 rows add up to 202,831.42" in \
        [p.message for p in found]


def test_every_problem_at_once(tmp_path):
    tables = edit(edit(golden_tables(), "05", "6,822,048.75", "6,822,058.75"), "03", "751,463.15", "abc")
    found = problems(write(tmp_path / "t.xlsx", [t for t in tables if t["number"] != "07"]))
    assert {re.match(r"公开0\d表", p.message).group() for p in found} == {"公开03表", "公开05表", "公开07表"}
    assert {at(p) for p in found if p.location.sheet} >= {"Sheet3!C10", "Sheet3!D10", "Sheet5!C9"}


def test_amounts_to_the_cent(tmp_path):
    tables = edit(golden_tables(), "06", "10,000.00", "10,000.005")          # 30206 电费
    found = problems(write(tmp_path / "t.xlsx", tables, amounts_as_text=True))
    assert any(at(p) == "Sheet6!F14" and "has more than two decimals" in p.message for p in found)
    path = write(tmp_path / "noise.xlsx", golden_tables())
    wb = openpyxl.load_workbook(path)
    wb["Sheet6"]["F14"] = 0.1 + 0.2 + 9999.7          # binary noise of a SUM: 10000.000000000002
    wb.save(path)
    assert read(path)["basic"]["economic"]["30206"] == Decimal("10000.00")


def test_bounds(tmp_path):
    path = write(tmp_path / "t.xlsx", golden_tables())
    wb = openpyxl.load_workbook(path)
    wb["Sheet2"].cell(5001, 1, "x")
    wb["Sheet3"].cell(1, 201, "x")
    wb.save(path)
    found = problems(path)
    assert sorted((p.rule, p.location.sheet) for p in found) == [("TOO-LARGE", "Sheet2"), ("TOO-LARGE", "Sheet3")]
    big = tmp_path / "big.xlsx"
    with open(big, "wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    assert [p.rule for p in problems(big)] == ["TOO-LARGE"]
    (tmp_path / "t.txt").write_text("x")
    assert [p.rule for p in problems(tmp_path / "t.txt")] == ["FILE"]


# --- the command ----------------------------------------------------------------------------------------

def test_the_import_command_writes_the_figures_and_nothing_on_error(cli, tmp_path):
    assert cli("build", DATA / "xiji-2024.yaml", "-o", tmp_path, "--formats", "xlsx").code == 0
    book = next(tmp_path.glob("*.xlsx"))
    target = tmp_path / "2024.yaml"
    r = cli("import", book, "-o", target)
    assert r.code == 0 and "figures from" in r.out
    text = target.read_text(encoding="utf-8")
    assert "  general_budget: 6822048.75    # 公开01表!C7" in text
    assert cli("import", book, "-o", target).code == 2                  # never overwrites without --force
    broken = tmp_path / "broken.xlsx"
    wb = openpyxl.load_workbook(book)
    wb["公开05表"]["C7"] = "六百万"
    wb.save(broken)
    r = cli("import", broken, "-o", tmp_path / "b.yaml")
    assert r.code == 1 and "broken.xlsx:公开05表!C7: error IMPORT" in r.err
    assert not (tmp_path / "b.yaml").exists()
