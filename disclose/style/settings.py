"""The settings of a style (`style.yaml`): each knob a field of a record, with its doc (the README's
settings table) and its bounds; `load` in `style/__init__.py` reads and merges them."""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Literal, Optional

from ..errors import DiscloseError, Problem
from ..numbers import HUNDRED, ZeroBase, chinese
from ..schema import Count, Number, Record, Text, model, spec

# Bounds of the number knobs a style folder (someone else's) may set: more decimals than figures
# carry, or a picture of a million pixels a side, would fail deep inside or exhaust the memory.
DECIMALS = (0, 6)


# --- the settings -----------------------------------------------------------------------

@model
class AmountFormat(Record):
    unit: Literal["万元", "元"] = spec("the unit sentences and tables print amounts in; "
                                      "figures entered in the other unit are converted when printed")
    thousands: bool = spec("thousands separators (1,239.70)", True)
    decimals: Count = spec("decimals of amounts (0 to 6)", 2, limits=DECIMALS)
    trim_zeros: bool = spec("drop trailing zeros (1,239.7); `trim` says more", False)
    trim: Optional[Literal["none", "all", "zeros"]] = spec(
        "trailing zeros: none dropped, all dropped (1,239.7), or only a whole .00 (1,239 but 1,239.70); "
        "when set, it wins over trim_zeros", None)
    zero: Optional[Text] = spec("how a zero amount prints, e.g. 0 (0万元) where other amounts keep .00", None)


@model
class PercentFormat(Record):
    decimals: Count = spec("decimals of percentages in sentences (2, 1 or 0; at most 6)", 2, limits=DECIMALS)
    trim: Literal["none", "all", "zeros"] = spec("trailing zeros of a percentage: none dropped, all (15.5%), "
                                                 "or only a whole .00 (100% but 15.50%)", "none")
    zero: Optional[Text] = spec("how a zero percentage prints, e.g. 0 (0%)", None)


@model
class NumberKnobs(Record):
    """A section's own way of printing amounts or percentages: each key left out is the style's."""

    decimals: Optional[Count] = spec("decimals (0 to 6)", None, limits=DECIMALS)
    thousands: Optional[bool] = spec("thousands separators (amounts)", None)
    trim: Optional[Literal["none", "all", "zeros"]] = spec("trailing zeros: none, all or only a whole .00", None)
    zero: Optional[Text] = spec("how zero prints", None)


@model
class ChangeOverride(Record):
    """A section's own words of a change: each key left out is the style's."""

    increase: Optional[Text] = spec("an increase, with {amount} and {rate}", None)
    decrease: Optional[Text] = spec("a decrease, likewise", None)
    equal: Optional[Text] = spec("no change (and 0 against 0)", None)
    from_zero: Optional[Text] = spec("an increase from a zero base", None)


@model
class Knobs(Record):
    """How a section (or a part of one) prints its figures, where it differs from the style."""

    amounts: Optional[NumberKnobs] = spec("its amounts", None)
    percent: Optional[NumberKnobs] = spec("its percentages", None)
    change: Optional[ChangeOverride] = spec("its words of a change", None)


@model
class ChangeWords(Record):
    increase: Text = spec("an increase; {amount} and {rate} are filled in")
    decrease: Text = spec("a decrease; {amount} and {rate} without sign")
    equal: Text = spec("no change, e.g. 持平 or 增加{amount}，增长{rate}")
    from_zero: Text = spec("an increase from zero, e.g. 增加{amount}，增长{rate} or 增加{amount}")


@model
class CountWords(Record):
    increase: Text = spec("a headcount that grew; {count} and {unit} are filled in", "增加{count}{unit}")
    decrease: Text = spec("a headcount that fell", "减少{count}{unit}")
    equal: Text = spec("an unchanged headcount, e.g. 持平 (the seeds print 增加0人)", "增加{count}{unit}")


@model
class ZeroBaseSetting(Record):
    both_zero: Number = spec("0 ÷ 0 as a percentage (0: 预决算差异率0.00%)", Decimal("0"))
    from_zero: Number = spec("x ÷ 0 as a percentage (100: 增长100.00%)", Decimal("100"))


@model
class Compare(Record):
    items: Literal["prior", "budget", "both"] = spec(
        "what each 项 of 五(三) is compared with: prior (上年), budget (年初预算) or both", "prior")


@model
class FundsScoring(Record):
    project: Literal["full", "proportional"] = spec(
        "项目 funds score: full weight, or weight × 执行率 (capped at the weight)", "proportional")
    unit: Literal["full", "proportional"] = spec("单位整体 funds score, likewise", "proportional")


@model
class Scoring(Record):
    floor: Number = spec("完成率 (%) at or below which a proportional indicator scores nothing", Decimal("60"))
    funds: FundsScoring = spec("how the funds row scores")
    rules: dict[str, Literal["proportional", "full_if_met", "entered"]] = spec(
        "each 赋分规则 of the forms → how it scores: proportional (完成率 below 100% scores linearly from "
        "the floor, above 100% loses the overshoot), full_if_met (full weight when the target is met; "
        "otherwise the score is entered), entered (the evaluator's score is data)")
    met_phrases: list[Text] = spec("业绩值 texts that mean a text target was met", default_factory=list)


@model
class ChartPlace(Record):
    """A chart printed after the body of a section (or part): which one, and its caption's title."""

    chart: Text = spec("the chart's name (the README's *Charts* lists them): what it plots, as a bar or pie chart")
    title: Text = spec("its title, the caption's {title}, e.g. 收入决算结构")
    after: Optional[Count] = spec("after the Nth paragraph of the body (1: the first); left out, after the "
                                  "whole body", None)


@model
class Section(Record):
    title: Text = spec("the section's heading without its ordinal, e.g. 收入决算情况说明")
    template: Optional[Text] = spec("the template that writes its body (before its parts, if it has any), "
                                    "e.g. s02_income.j2", None)
    contents: Optional[Text] = spec("its title in the 目录 where that differs from the heading", None)
    parts: list["Section"] = spec("its own numbered parts (（一）, （二）…; a part's own parts 1. 2. …), each a title "
                                  "and a template",
                                  default_factory=list)
    note: Optional[Text] = spec("a note printed in parentheses after the section's text, e.g. 数据来源于财决07表 "
                                "(`section.note` in narrative.j2)", None)
    format: Optional[Knobs] = spec("how its figures print where that differs from the style (its parts inherit "
                                   "it)", None)
    charts: list[ChartPlace] = spec("the charts printed after its body (not its parts', which list their own), "
                                    "in order, numbered 图1, 图2… in the order of the document",
                                    default_factory=list)


@model
class Sections(Record):
    """The numbered sections of the 情况说明, in order: moving, adding or dropping one (or one of
    their parts) is an edit of this list, and every heading after it is renumbered."""

    numbering: Text = spec("how a section's ordinal is written: {cn} a Chinese numeral, {n} a number, e.g. "
                           "`{cn}、` (一、), `（{cn}）` (（一）), `{n}.` (1.)", "{cn}、")
    part_numbering: Text = spec("how the ordinal of a section's part is written, likewise", "（{cn}）")
    subpart_numbering: Text = spec("how the ordinal of a part's own part is written (1.总体情况), likewise", "{n}.")
    items: list[Section] = spec("the sections, in order", default_factory=list)

    @property
    def numbered(self) -> list[SimpleNamespace]:
        """Each section with its heading (ordinal and title), 目录 line, template and numbered parts,
        for `narrative.j2` and the 目录."""
        levels = [(self.numbering, "numbering"), (self.part_numbering, "part_numbering"),
                  (self.subpart_numbering, "subpart_numbering")]
        return self._number(self.items, levels, None)

    def _number(self, items: list[Section], levels: list[tuple[str, str]],
                inherited: Knobs | None) -> list[SimpleNamespace]:
        out = []
        (numbering, key), inner = levels[0], levels[1:]
        for i, s in enumerate(items, 1):
            try:
                ordinal = numbering.format(cn=chinese(i), n=i)
            except (KeyError, IndexError, ValueError) as exc:
                raise DiscloseError([Problem(self.loc(key), "STYLE", f"sections.{key} `{numbering}` is not a "
                                             f"numbering ({exc})", "write it with {cn} (一) or {n} (1), e.g. "
                                             "`{cn}、` or `（{cn}）`")]) from None
            knobs = s.format or inherited
            parts = self._number(s.parts, inner, knobs) if inner else []
            out.append(SimpleNamespace(heading=ordinal + s.title, contents=ordinal + (s.contents or s.title),
                                       title=s.title, template=s.template, number=i, parts=parts, format=knobs,
                                       note=s.note, charts=s.charts))
        return out


DISCLOSURE = "disclosure"     # the document every style writes by default: the 部门决算公开说明


@model
class Document(Record):
    """Another document the style writes from the same data file (`build --document NAME`)."""

    title: Text = spec("what the document is, for `disclose styles`, e.g. 部门整体支出绩效自评材料")
    kind: Literal["disclosure", "evaluation"] = spec(
        "what the engine derives and checks for it: `disclosure` (the accounts and their rules; a document that prints "
        "part of them, such as anhui's `three-public`, needs only the records it prints) or `evaluation` (the "
        "整体支出绩效自评 package: `evaluation:` and the records it reads)")
    parts: list[Text] = spec("its templates, in order; each part starts on a new page")
    sections: Sections = spec("its numbered sections, as the style's `sections`", default_factory=lambda: Sections())
    file_name: Optional[Text] = spec("the name of its files, with {unit} and {year} filled in (default: its "
                                     "title heading)", None)
    workbook: list[Text] = spec("the templates of its .xlsx, one sheet each (none: no .xlsx)", default_factory=list)


@model
class ChartSettings(Record):
    """How the charts a style's sections list (`sections.items[].charts`) are drawn and captioned."""

    caption: Text = spec("the caption line under a chart: {n} its number in the document (图1, 图2…), {title} "
                         "the title its section gives it, e.g. （图{n}：{title}）")
    year: Text = spec("a bar chart's legend entry for a year, with {year}, e.g. {year}年")
    unit: Text = spec("the line above a chart naming the unit of its amounts, with {unit}, e.g. 单位：{unit}")
    slice: Text = spec("a pie chart's legend entry for a slice, with {name}, {amount} and {share}, e.g. "
                       "{name} {amount}（{share}）")
    fonts: list[Text] = spec("the fonts to draw the charts' words in: the first one installed is used (a CJK font)",
                             default_factory=list)
    dpi: Count = spec("the pictures' resolution in dots per inch (print needs 200 or more; 72 to 1200)", 300,
                      limits=(72, 1200))


@model
class StyleSettings(Record):
    name: Text = spec("the style's name (its folder)")
    description: Text = spec("one line for `disclose styles`")
    base: Optional[Text] = spec("a style whose templates and settings this one inherits", None)
    amounts: AmountFormat = spec("how amounts print")
    percent: PercentFormat = spec("how percentages print")
    change: ChangeWords = spec("the words of a change against a base")
    reason_leads: list[Text] = spec("the words that open a 主要原因 in this style's sentences; `diff` finds "
                                    "reasons repeated from last year by them", default_factory=lambda: ["主要原因是"])
    counts: CountWords = spec("the words of a change in a headcount (在职人员…比上年增加1人)",
                              default_factory=CountWords)
    zero_base: ZeroBaseSetting = spec("quotients with a zero base")
    compare: Compare = spec("what sections compare with")
    scoring: Scoring = spec("self-evaluation score rules")
    texts: dict[str, Text] = spec("the keys of the data file's `texts:` this style prints, each with what it "
                                  "is (a data file's other keys are an error, TEXT-KEY)", default_factory=dict)
    sections: Sections = spec("the numbered sections of the 情况说明 (第二部分 in style A), in order",
                              default_factory=lambda: Sections())
    section_lists: dict[str, Sections] = spec(
        "further numbered lists of sections, by name, for a document that numbers the sections of two parts "
        "(yunnan's 第四部分 其他重要事项及相关口径情况说明): a template loops over "
        "`settings.section_lists.NAME.numbered` as narrative.j2 does over `settings.sections.numbered`",
        default_factory=dict)
    parts: list[Text] = spec("the templates that make the document's parts, in order; each part "
                             "starts on a new page (a new section of the Word file)")
    glossary: Text = spec("the file (in the template folders) holding the default glossary")
    charts: ChartSettings = spec("how charts are drawn and captioned; which charts, and where, is each section's "
                                 "`charts:`")
    workbook: list[Text] = spec("the templates of the 附表 workbook (the .xlsx output), one sheet each, in order: "
                                "the nine 公开 tables", default_factory=lambda: [f"tables/t0{n}.j2" for n in range(1, 10)])
    documents: dict[str, Document] = spec("the style's other documents by name (`build --document NAME`); the "
                                          "disclosure, made of `parts`, is `disclosure`", default_factory=dict)
    default_document: Text = spec("the document `build` writes without --document", DISCLOSURE)

    @property
    def zero(self) -> ZeroBase:
        return ZeroBase(self.zero_base.both_zero / HUNDRED, self.zero_base.from_zero / HUNDRED)
