"""The README is the manual: its field reference and its commands must match the code."""
import re

from conftest import ROOT
from disclose.reference import field_reference


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_field_reference_is_current():
    text = readme()
    start = text.index("<!-- fields:start -->") + len("<!-- fields:start -->")
    end = text.index("<!-- fields:end -->")
    assert text[start:end].strip() == field_reference().strip(), \
        "run `disclose fields` and paste its output between the fields markers of README.md"


def test_the_two_setup_commands_are_there():
    text = readme()
    assert "    pip install -e . && disclose build data/changji-2024.yaml -o out/\n" in text
    assert "    pip install -e '.[test]' && pytest\n" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && pytest" in ci


def test_every_command_and_option_is_documented():
    text = readme()
    source = (ROOT / "disclose" / "cli.py").read_text(encoding="utf-8")
    for command in re.findall(r'sub\.add_parser\("([a-z]+)"', source):
        assert f"disclose {command}" in text, command
    for option in re.findall(r'"(--[a-z][-a-z]*)"', source):
        assert f"`{option}" in text, option


def test_every_rule_is_documented():
    from disclose.check import RULES

    text = readme()
    for rule in RULES:
        assert f"`{rule.id}`" in text, rule.id


def test_every_verify_rule_is_documented_as_the_catalogue_says():
    from disclose.verify.rules import DOCUMENT_RULES, RULES, TABLE_RULES

    text = readme()
    table = text[text.index("<!-- verify-rules:start -->"):text.index("<!-- verify-rules:end -->")]
    for r in RULES + TABLE_RULES + DOCUMENT_RULES:
        assert f"| `{r.id}` | {r.severity} | {r.description} | {r.tolerance} |" in table, r.id


def test_every_chart_is_documented_as_the_catalogue_says():
    from disclose.derive.charts import CHARTS

    text = readme()
    table = text[text.index("<!-- charts:start -->"):text.index("<!-- charts:end -->")]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{name}` | {k.kind} | {k.plots} |" for name, k in CHARTS.items()]
