"""A chart (`markup.Figure`) drawn as a PNG picture for the Word file, with matplotlib's Agg renderer.

matplotlib is imported here only, and this module only when a document has charts: `check`, the
.txt and a document without charts never load it.  The words are drawn in the first of the style's
`charts.fonts` that is installed (a CJK font: Noto Sans CJK SC where `.ci/run` installed
fonts-noto-cjk); none installed is an error naming what to install.  The picture is as wide as the
text (`width_mm`), at the style's `charts.dpi` (300 by default: print resolution), and its bytes
depend only on the figure: no date, no software version (`metadata={"Software": None}`), so two
builds of one file give the same .docx.

Every number on the picture is a label the document prints (`render/figures.py` formats the
`Decimal`s with the style's filters); the values become floats only here, to size the bars and the
slices, and matplotlib prints no number of its own (no value axis).
"""
from __future__ import annotations

import functools
import io

from ..errors import DiscloseError, Problem
from ..render.markup import Figure

MM_PER_INCH = 25.4
COLOURS = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#264478", "#9E480E", "#636363",
           "#997300")
SMALLEST_LABELLED = 0.1         # a slice narrower than this keeps its share in the legend only
FONT_PT = 10


@functools.cache
def _installed_fonts() -> frozenset[str]:
    from matplotlib import font_manager
    return frozenset(f.name for f in font_manager.fontManager.ttflist)


def font(settings) -> str:
    """The first of the style's chart fonts that is installed."""
    installed = _installed_fonts()
    chosen = next((name for name in settings.fonts if name in installed), None)
    if chosen is None:
        raise DiscloseError([Problem(settings.loc("fonts"), "CHART-FONT", "none of the fonts the charts are drawn in "
                                     f"is installed ({', '.join(settings.fonts) or 'none named'}), and the charts' "
                                     "Chinese words would print as empty boxes",
                                     "install a CJK font — on Debian or Ubuntu `apt-get install fonts-noto-cjk` "
                                     "(then delete matplotlib's font cache, ~/.cache/matplotlib, if it was made "
                                     "before) — or name an installed one in style.yaml's `charts.fonts`")])
    return chosen


def draw(figure: Figure, settings, width_mm: float) -> bytes:
    """The figure as PNG bytes, `width_mm` wide at `settings.dpi`."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as Canvas

    width = width_mm / MM_PER_INCH
    rc = {"font.family": [font(settings)], "font.size": FONT_PT, "axes.unicode_minus": False}
    with matplotlib.rc_context(rc):
        picture = Canvas(figsize=(width, width * (0.5 if figure.kind == "pie" else 0.55)))
        FigureCanvasAgg(picture)
        (_pie if figure.kind == "pie" else _bars)(picture, figure)
        out = io.BytesIO()
        picture.savefig(out, format="png", dpi=settings.dpi, metadata={"Software": None})
    return out.getvalue()


def _bars(picture, figure: Figure) -> None:
    """One group of bars per category (上年, 本年), each bar labelled with the amount the document prints."""
    ax = picture.add_axes((0.06, 0.12, 0.88, 0.74))
    count, per_group = len(figure.categories), len(figure.series)
    width = 0.7 / per_group
    tallest = max((float(v) for s in figure.series for v in s.values if v is not None), default=0.0) or 1.0
    for j, series in enumerate(figure.series):
        xs = [i + (j - (per_group - 1) / 2) * width for i in range(count)]
        heights = [float(v) if v is not None else 0.0 for v in series.values]
        ax.bar(xs, heights, width * 0.9, label=series.name, color=COLOURS[j % len(COLOURS)])
        for x, height, label in zip(xs, heights, series.labels):
            ax.text(x, height + tallest * 0.02, label, ha="center", va="bottom")
    ax.set_xticks(range(count), figure.categories)
    ax.set_xlim(-0.6, count - 0.4)
    ax.set_ylim(0, tallest * 1.15)
    ax.set_yticks([])
    ax.tick_params(axis="x", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.02), ncol=per_group, frameon=False)
    if figure.note:
        picture.text(0.02, 0.97, figure.note, ha="left", va="top")


def _pie(picture, figure: Figure) -> None:
    """The slices clockwise from the top, each wide enough labelled with its share; the legend names them."""
    series = figure.series[0]
    values = [float(v) for v in series.values]
    whole = sum(values)
    ax = picture.add_axes((0.02, 0.04, 0.44, 0.92))
    wedges, _ = ax.pie(values, colors=[COLOURS[i % len(COLOURS)] for i in range(len(values))], startangle=90,
                       counterclock=False, wedgeprops={"edgecolor": "white", "linewidth": 1})
    for wedge, value, label in zip(wedges, values, series.labels):
        if whole and value / whole >= SMALLEST_LABELLED:
            ax.annotate(label, _middle(wedge), ha="center", va="center", color="white")
    ax.set_aspect("equal")
    picture.legend(wedges, figure.categories, loc="center left", bbox_to_anchor=(0.48, 0.5), frameon=False)


def _middle(wedge) -> tuple[float, float]:
    """A point inside the slice, two thirds of the way out, halfway round it."""
    import math

    angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
    return (wedge.r * 0.62 * math.cos(angle) + wedge.center[0], wedge.r * 0.62 * math.sin(angle) + wedge.center[1])
