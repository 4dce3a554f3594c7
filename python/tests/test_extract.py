"""quotecheck.extract: the CLI's records, field for field, with code-point offsets."""

import pytest

import quotecheck
from conftest import read

ARTICLE = "fixtures/articles/putin-assad.txt"


def test_fixture_records_equal_the_cli_jsonl(cli_jsonl):
    want = cli_jsonl("extract", ARTICLE, "--format", "jsonl")
    got = quotecheck.extract(read(ARTICLE), doc=ARTICLE)
    assert len(want) > 10
    assert got == want


def test_field_order_is_the_jsonl_order(cli_jsonl):
    want = cli_jsonl("extract", ARTICLE, "--format", "jsonl")
    got = quotecheck.extract(read(ARTICLE), doc=ARTICLE)
    assert [list(r) for r in got] == [list(r) for r in want]


def test_kinds_filter_equals_the_cli_kinds_option(cli_jsonl):
    want = cli_jsonl("extract", ARTICLE, "--format", "jsonl", "--kinds", "direct")
    got = quotecheck.extract(read(ARTICLE), doc=ARTICLE, kinds=["direct"])
    assert got == want
    assert {r["kind"] for r in got} == {"direct"}


def test_explanations_are_the_cli_explain_output_record_by_record(cli):
    _, want = cli("extract", ARTICLE, "--explain")
    got = quotecheck.extract(read(ARTICLE), doc=ARTICLE, explain=True)
    assert "".join(r["explanation"] + "\n" for r in got) == want
    assert all(r["explanation"].startswith(f"{ARTICLE}#{r['index']} ") for r in got)


def test_without_explain_there_is_no_explanation_field():
    got = quotecheck.extract("“We have an opportunity,” Putin said.")
    assert "explanation" not in got[0]


def test_offsets_slice_the_quote_with_its_marks():
    text = read(ARTICLE)
    for q in quotecheck.extract(text):
        if "multi_paragraph" in q["flags"] or "unclosed" in q["flags"]:
            continue
        stretch = text[q["start"] : q["end"]]
        assert q["text"] in stretch
        if q["kind"] == "indirect":  # reported speech: the content, no marks
            assert q["text"] == stretch
            continue
        assert stretch[0] in "“\"'‘«" and stretch[-1] in "”\"'’»"


def test_emoji_and_cjk_offsets_are_code_points():
    text = (
        "😀🎉 上海消息。\n“我们有机会。”他说。 👍🏽 "
        "“We have an opportunity 🙂,” Putin said. 「東京は晴れです」と田中さんは言った。"
    )
    quotes = quotecheck.extract(text)
    assert [q["text"] for q in quotes] == ["我们有机会。", "We have an opportunity 🙂,", "東京は晴れです"]
    encoded = text.encode("utf-8")
    for q in quotes:
        assert text[q["start"] : q["end"]][1:-1] == q["text"]
        assert encoded[q["byte_start"] : q["byte_end"]].decode("utf-8") == text[q["start"] : q["end"]]


def test_mention_and_cue_offsets_slice_their_words_after_emoji():
    text = "🌍🌍🌍 “We have an opportunity,” Vladimir Putin said on Tuesday."
    (q,) = quotecheck.extract(text)
    assert q["speaker"] == "Vladimir Putin"
    assert text[q["mention_start"] : q["mention_end"]] == q["mention"]
    assert text[q["cue_start"] : q["cue_end"]] == q["cue"] == "said"


def test_default_doc_is_standard_inputs_name_and_doc_sets_it():
    text = "“It is time,” said Angela Merkel."
    assert quotecheck.extract(text)[0]["doc"] == "-"
    assert quotecheck.extract(text, doc="merkel-1")[0]["doc"] == "merkel-1"


def test_text_without_quotes_and_empty_text_give_no_records():
    assert quotecheck.extract("") == []
    assert quotecheck.extract("The council met on Tuesday and adjourned early.") == []


def test_an_unclosed_quote_is_flagged():
    (q,) = quotecheck.extract("“We will not leave, the mayor said as the meeting ended.")
    assert "unclosed" in q["flags"]


def test_unattributed_quote_has_no_speaker_and_says_so():
    # No cue and no one in the sentence: nobody is said to have said it.
    (q,) = quotecheck.extract("The shop was dark. “Closed for the season. Come back in spring.”")
    assert q["speaker"] is None
    assert "unattributed" in q["flags"]


def test_a_term_in_scare_quotes_is_a_term():
    kinds = {q["text"]: q["kind"] for q in quotecheck.extract("As of 2024, the “caliphate” has long fallen.")}
    assert kinds == {"caliphate": "term"}


@pytest.mark.parametrize("bad", [b"bytes", None, 12, ["a list"]])
def test_text_that_is_not_a_str_raises_type_error(bad):
    with pytest.raises(TypeError, match="text must be a str"):
        quotecheck.extract(bad)


def test_an_unknown_kind_raises_value_error_naming_it():
    with pytest.raises(ValueError, match="unknown kind \"quote\""):
        quotecheck.extract("“Yes,” he said.", kinds=["direct", "quote"])


def test_a_lone_surrogate_raises_instead_of_crashing():
    with pytest.raises(UnicodeError):
        quotecheck.extract("“Yes \ud800,” he said.")


@pytest.mark.parametrize(
    "hostile",
    [
        "“" * 20000,
        "”" * 20000,
        "\x00“a\x00”\x00" * 5000,
        "«‹“‘" * 5000 + "’”›»" * 5000,
        "\"" + "x" * 200000,
        "\n\n".join("“a" for _ in range(5000)),
    ],
    ids=["openers", "closers", "nul", "nesting", "one-long-quote", "many-unclosed"],
)
def test_hostile_text_gives_records_with_offsets_in_bounds(hostile):
    records = quotecheck.extract(hostile)
    for q in records:
        assert 0 <= q["start"] <= q["end"] <= len(hostile)
