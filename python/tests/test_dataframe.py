"""to_dataframe and the speaker-table recipe; pandas only when asked for."""

import subprocess
import sys

import pytest

import quotecheck
from conftest import corpus, read

pd = pytest.importorskip("pandas", reason="pandas is not installed")


def test_one_row_per_record_and_one_column_per_field():
    records = quotecheck.extract(read("fixtures/articles/putin-assad.txt"))
    df = quotecheck.to_dataframe(records)
    assert len(df) == len(records)
    assert list(df.columns) == list(records[0])
    assert df["text"].tolist() == [r["text"] for r in records]


def test_a_generator_of_records_becomes_a_frame():
    docs = corpus("fixtures/corpora/articles.jsonl")
    want = sum(len(quotecheck.extract(t, doc=d)) for d, t in docs)
    df = quotecheck.to_dataframe(quotecheck.extract_many(docs))
    assert len(df) == want
    assert df["doc"].nunique() == len(docs)


def test_no_records_make_an_empty_frame():
    assert len(quotecheck.to_dataframe([])) == 0


def test_the_readme_speaker_recipe_counts_quotes_per_speaker():
    docs = corpus("fixtures/corpora/articles.jsonl")
    records = list(quotecheck.extract_many(docs))
    df = quotecheck.to_dataframe(records)
    table = df.groupby("speaker").agg(quotes=("index", "size"), documents=("doc", "nunique"))
    for speaker, row in table.iterrows():
        assert row["quotes"] == sum(r["speaker"] == speaker for r in records)
    assert quotecheck.speakers(records)["quotes"].sum() == sum(r["speaker"] is not None for r in records)


def test_diff_and_verify_records_make_frames_too():
    text = read("fixtures/articles/putin-assad.txt")
    # diff pairs every record extract gives by default, reported speech included
    records = quotecheck.extract(text)
    assert len(quotecheck.to_dataframe(quotecheck.diff(text, text))) == len(records)
    quoted = quotecheck.extract(text, kinds=["direct", "partial", "term"])
    assert len(quotecheck.to_dataframe(quotecheck.diff(text, text, quotes_only=True))) == len(quoted)


def test_importing_quotecheck_does_not_import_pandas():
    code = "import sys, quotecheck; quotecheck.extract('“Yes,” she said.'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
