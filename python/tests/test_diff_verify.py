"""quotecheck.diff and quotecheck.verify: the records of the CLI's JSONL output; errors."""

import os
from pathlib import Path

import pytest

import quotecheck
from conftest import ROOT, read

VERSIONS = sorted((ROOT / "fixtures/versions").glob("case*.01.before_*.txt"))
ARTICLE = "fixtures/articles/putin-assad.txt"
EDITED = "fixtures/sources/putin-assad-edited.txt"


def after(before):
    return before.with_name(before.name.replace(".01.before_", ".02.after_"))


@pytest.mark.parametrize("before", VERSIONS, ids=lambda p: p.name.split(".")[0])
def test_diff_equals_the_cli_jsonl(cli_jsonl, before):
    old = str(before.relative_to(ROOT))
    new = str(after(before).relative_to(ROOT))
    want = cli_jsonl("diff", old, new, "--format", "jsonl")
    got = quotecheck.diff(read(old), read(new), old_name=old, new_name=new)
    assert got == want


def test_diff_names_each_side_and_reports_statuses():
    old = "“We have an opportunity,” Putin said."
    new = "“We have a chance,” Putin said. “Nothing else,” Assad said."
    pairs = quotecheck.diff(old, new)
    assert [p["status"] for p in pairs] == ["modified", "added"]
    assert pairs[0]["old"]["doc"] == "old" and pairs[0]["new"]["doc"] == "new"
    assert "wording" in pairs[0]["changes"]
    assert pairs[1]["old"] is None


def test_diff_of_identical_texts_is_all_unchanged():
    text = read(ARTICLE)
    assert {p["status"] for p in quotecheck.diff(text, text)} == {"unchanged"}


def test_diff_threshold_outside_zero_to_one_raises():
    with pytest.raises(ValueError, match="between 0 and 1"):
        quotecheck.diff("a", "b", threshold=1.5)


def test_diff_of_a_non_str_raises_type_error():
    with pytest.raises(TypeError, match="new must be a str"):
        quotecheck.diff("“Yes,” she said.", None)


@pytest.mark.parametrize("ext", ["txt", "srt", "vtt"])
def test_verify_equals_the_cli_jsonl(cli_jsonl, ext):
    source = f"fixtures/sources/putin-assad-remarks.{ext}"
    for article in (ARTICLE, EDITED):
        want = cli_jsonl("verify", article, "--source", source, "--format", "jsonl")
        got = quotecheck.verify(read(article), [source], doc=article)
        assert got == want


@pytest.mark.parametrize("before", VERSIONS[:3], ids=lambda p: p.name.split(".")[0])
def test_diff_quotes_only_equals_the_cli(cli_jsonl, before):
    old = str(before.relative_to(ROOT))
    new = str(after(before).relative_to(ROOT))
    want = cli_jsonl("diff", old, new, "--format", "jsonl", "--quotes-only")
    got = quotecheck.diff(read(old), read(new), old_name=old, new_name=new, quotes_only=True)
    assert got == want
    assert all(p["old"] is None or p["old"]["kind"] != "indirect" for p in got)


def test_reported_speech_is_a_paraphrase_unless_asked_or_left_out(cli_jsonl):
    source = "fixtures/sources/putin-assad-remarks.txt"
    text = read(ARTICLE)
    records = quotecheck.verify(text, [source], doc=ARTICLE)
    paraphrases = [r for r in records if r["kind"] == "indirect"]
    assert paraphrases and all(r["verdict"] == "paraphrase" for r in paraphrases)
    assert all(r["source"] is None and r["diff"] == [] for r in paraphrases)

    checked = quotecheck.verify(text, [source], doc=ARTICLE, check_paraphrase=True)
    assert checked == cli_jsonl(
        "verify", ARTICLE, "--source", source, "--format", "jsonl", "--check-paraphrase"
    )
    assert all(r["verdict"] != "paraphrase" for r in checked)

    quotes = quotecheck.verify(text, [source], doc=ARTICLE, quotes_only=True)
    # The same quotes and verdicts (numbered without the paraphrases between them).
    def same(rs):
        return [(r["text"], r["verdict"]) for r in rs if r["kind"] != "indirect"]

    assert same(records) == same(quotes) and len(quotes) == 16
    with pytest.raises(ValueError, match="cannot be used together"):
        quotecheck.verify(text, [source], quotes_only=True, check_paraphrase=True)


def test_a_source_as_path_pathlike_or_pair_gives_the_same_verdicts():
    source = "fixtures/sources/putin-assad-remarks.srt"
    text = read(ARTICLE)
    os.chdir(ROOT)
    by_path = quotecheck.verify(text, source)
    by_pathlike = quotecheck.verify(text, Path(source))
    by_pair = quotecheck.verify(text, [(source, read(source))])
    assert by_path == by_pathlike == by_pair
    assert {v["verdict"] for v in by_path} >= {"exact", "altered", "not_found"}


def test_verify_reports_meaning_changing_elisions():
    got = quotecheck.verify(read(EDITED), [ROOT / "fixtures/sources/putin-assad-remarks.txt"])
    assert any("meaning" in v["flags"] for v in got)


def test_a_subtitle_file_that_does_not_parse_raises_with_name_and_line():
    bad = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\nnot a timestamp\nWorld.\n"
    with pytest.raises(quotecheck.QuotecheckError, match=r"broken\.srt.*(line|:)\s*\d"):
        quotecheck.verify("“Hello,” he said.", [("broken.srt", bad)])


def test_a_missing_source_file_raises_naming_it():
    with pytest.raises(quotecheck.QuotecheckError, match="no-such-transcript.txt"):
        quotecheck.verify("“Hello,” he said.", ["/nonexistent/no-such-transcript.txt"])


def test_verify_needs_a_source_and_sources_of_the_right_type():
    with pytest.raises(ValueError, match="at least one source"):
        quotecheck.verify("“Hello,” he said.", [])
    with pytest.raises(TypeError, match="a source must be a path"):
        quotecheck.verify("“Hello,” he said.", [42])
    with pytest.raises(TypeError, match="text must be a str"):
        quotecheck.verify(b"bytes", ["x.txt"])


def test_quotecheck_error_is_a_value_error():
    assert issubclass(quotecheck.QuotecheckError, ValueError)
