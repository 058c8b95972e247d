"""The document as a reader sees it: LibreOffice renders the .docx to PDF, poppler reads it.

Skipped only where LibreOffice (`soffice`) is not installed; `.ci/run` installs it.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHANGJI, CHANGJI_TITLE, DATA

SICHUAN = DATA / "sichuan-example-2024.yaml"     # style sichuan: seven charts
from sentences import fold

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                "apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils")


def to_pdf(docx: Path, out: Path) -> Path:
    profile = out / "lo-profile"   # a private profile: parallel or leftover soffice runs do not collide
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=300)
    pdf = out / (docx.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice did not produce a PDF"
    return pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    from disclose.cli import main
    out = tmp_path_factory.mktemp("lo")
    assert main(["build", str(CHANGJI), "-o", str(out)]) == 0
    pdf = to_pdf(out / f"{CHANGJI_TITLE}.docx", out)
    # reading order (not -layout): a table cell's wrapped lines stay together
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return pdf, text


# One sentence (a distinctive piece of it) from every part and section of the document.
EVERY_SECTION = [
    "昌吉回族自治州医疗保障局2024年度部门决算公开说明",
    "（10）与自治州卫生健康委员会的有关职责分工",
    "实有人数31人，其中：在职人员30人，减少1人",
    "收入支出总体与上年相比，减少308.78万元，下降19.94%",
    "财政拨款收入1,222.68万元，占98.73%",
    "基本支出608.04万元，占49.09%",
    "财政拨款收入支出总体与上年相比，减少325.48万元，下降21.02%",
    "2.卫生健康支出(类)1,092.66万元，占89.37%",
    "11.卫生健康支出(类)医疗保障管理事务(款)行政运行(项)：支出决算数为442.32万元，比上年决算增加12.52万元，增长2.91%",
    "人员经费567.02万元，包括：基本工资",
    "政府性基金预算财政拨款收入支出决算表为空表",
    "国有资本经营预算财政拨款收入支出决算表为空表",
    "比上年增加4.37万元，增长133.23%",
    "机关运行经费支出41.02万元，比上年增加12.61万元，增长44.39%",
    "政府采购支出总额287.78万元",
    "车辆1辆，价值19.77万元",
    "预算绩效评价项目11个，全年预算数682.26万元，全年执行数680.70万元",
    "本单位无其他需说明的事项",
    "十四、机关运行经费：行政单位和参照公务员法管理的事业单位财政拨款基本支出中的公用经费支出",
    "九、《财政拨款“三公”经费支出决算表》",
]

FORM_HEADERS = ["单位整体支出绩效自评表", "项目支出绩效自评表", "年度绩效指标完成情况", "一级指标", "二级指标",
                "三级指标", "指标值设定依据", "赋分规则", "偏差原因分析及改进措施", "年初预算数", "全年执行数"]


@pytest.mark.parametrize("piece", EVERY_SECTION)
def test_a_sentence_of_every_section_is_on_the_page(rendered, piece):
    _, text = rendered
    assert fold(piece) in fold(text)


@pytest.mark.parametrize("header", FORM_HEADERS)
def test_the_form_headers_are_on_the_page(rendered, header):
    _, text = rendered
    assert fold(header) in fold(text)


def test_every_form_is_there(rendered):
    _, text = rendered
    captions = [line for line in text.splitlines() if line.strip() == "项目支出绩效自评表"]
    assert len(captions) == 11
    assert fold("92.58分") in fold(text) and fold("84.79分") in fold(text)


def test_the_pages_render(rendered, tmp_path):
    pdf, _ = rendered
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 30 <= pages <= 60
    subprocess.run(["pdftoppm", "-r", "12", "-gray", str(pdf), str(tmp_path / "p")], check=True, timeout=300)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == pages
    for image in images:
        assert ink(image) > 0.001, f"{image.name} is blank"
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)], capture_output=True,
                           text=True).stdout
    dims = [tuple(map(float, m.groups())) for m in re.finditer(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)",
                                                                sizes, re.M)]
    assert len(dims) == pages
    landscape = [d for d in dims if d[0] > d[1]]
    assert len(landscape) >= 12, "the self-evaluation forms are on landscape pages"


def images(pdf: Path) -> list[dict]:
    """The pictures of a PDF as `pdfimages -list` reports them (their soft masks left out)."""
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    return [{"page": int(r[0]), "width": int(r[3]), "height": int(r[4]), "x-ppi": int(r[12])}
            for r in rows if r[2] == "image"]


@pytest.fixture(scope="module")
def charted(tmp_path_factory):
    """The shipped Sichuan example (style sichuan: its seven charts are style data), as a PDF."""
    from disclose.cli import main
    out = tmp_path_factory.mktemp("lo-charts")
    assert main(["build", str(SICHUAN), "-o", str(out), "--formats", "docx"]) == 0
    pdf = to_pdf(out / "示例县群众艺术馆2024年度部门决算.docx", out)
    pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split("\f")
    return pdf, pages


def test_the_charts_are_pictures_on_the_pages_of_their_captions(charted, rendered):
    pdf, pages = charted
    pictures = images(pdf)
    assert len(pictures) == 7
    captions = [next(n for n, page in enumerate(pages, 1) if fold(f"图{k}：") in fold(page)) for k in range(1, 8)]
    assert [p["page"] for p in pictures] == captions
    assert all(p["width"] == 1842 and p["x-ppi"] >= 200 for p in pictures)
    assert images(rendered[0]) == []                # the document without charts has no picture


def test_a_chart_is_drawn_not_blank(charted, tmp_path):
    """图1's picture, taken back out of the PDF, has its bars: many pixels of the first bar colour."""
    from PIL import Image           # matplotlib's own dependency

    pdf, _ = charted
    first = images(pdf)[0]["page"]
    subprocess.run(["pdfimages", "-png", "-f", str(first), "-l", str(first), str(pdf), str(tmp_path / "c")],
                   check=True, timeout=300)
    picture = Image.open(tmp_path / "c-000.png").convert("RGB")
    blue = sum(n for n, (r, g, b) in picture.getcolors(1 << 24) if abs(r - 0x44) + abs(g - 0x72) + abs(b - 0xC4) < 30)
    assert blue / (picture.width * picture.height) > 0.05


def ink(pgm: Path) -> float:
    """The share of dark pixels of a binary PGM (P5) image."""
    data = pgm.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P5"
    pixels = parts[4]
    return sum(1 for b in pixels if b < 128) / max(len(pixels), 1)
