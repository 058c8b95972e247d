"""The texts `disclose import` and `disclose init` write into a data file load back as written."""
import yaml
from hypothesis import given, settings, strategies as st

from disclose.source import parse
from disclose.yamltext import scalar

# what a data file may hold: any character but surrogates and the control characters YAML forbids
TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Co", "Cn"), blacklist_characters="\ufeff\ufffe\uffff"
                              "".join(chr(c) for c in range(32) if chr(c) not in "\t\n")
                              + "".join(chr(c) for c in range(0x7f, 0xa0) if c != 0x85)))


def test_texts_that_yaml_would_read_otherwise_are_quoted():
    for text in ["0x1F", "1:20", "off", "On", ".inf", "12.5", "null", "~", "- a", "a: b", "a #b", "#x", "@x", "",
                 " padded", "2101501", "true"]:
        assert scalar(text).startswith('"'), text
    for text in ["abc", "2024年", "医疗保障局（本级）", "it's", "文化 活动", "1,239.70"]:
        assert scalar(text) == text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_text_loads_back_as_written(text):
    assert yaml.safe_load(f"key: {scalar(text)}\n") == {"key": text}
    assert yaml.safe_load(f"{scalar(text)}: 1\n") == {text: 1}
    assert parse(f"key: {scalar(text)}\n", "t.yaml").get("key").text == text
