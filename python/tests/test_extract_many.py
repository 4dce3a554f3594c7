"""quotecheck.extract_many: input order, equality with extract, streaming, errors."""

import itertools

import pytest

import quotecheck
from conftest import corpus

ARTICLES = corpus("fixtures/corpora/articles.jsonl")


def per_document(docs):
    return [r for doc_id, text in docs for r in quotecheck.extract(text, doc=doc_id)]


def test_fixture_corpus_equals_the_cli_jsonl(cli_jsonl):
    want = cli_jsonl("extract", "fixtures/corpora/articles.jsonl", "--format", "jsonl")
    assert len(want) > 5
    assert list(quotecheck.extract_many(ARTICLES)) == want


def test_equals_extract_per_document_in_input_order_across_batches():
    # More documents than one batch holds (1024), shuffled so order is not text order.
    docs = [(f"{i}:{doc_id}", text) for i, (doc_id, text) in enumerate(ARTICLES * 900)]
    docs = docs[::-1]
    got = list(quotecheck.extract_many(docs))
    assert got == per_document(docs)
    assert [r["doc"] for r in got][:3] != [r["doc"] for r in got][-3:]


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_any_thread_count_gives_the_same_records(threads):
    docs = ARTICLES * 50
    assert list(quotecheck.extract_many(docs, threads=threads)) == per_document(docs)


def test_plain_strings_get_their_position_as_id():
    texts = ["No quotes.", "“We have an opportunity,” Putin said.", "“Yes,” she said."]
    got = list(quotecheck.extract_many(texts))
    assert [r["doc"] for r in got] == ["1", "2"]


def test_pairs_dicts_and_int_ids_are_accepted():
    text = "“It is time,” said Angela Merkel."
    items = [("a", text), {"id": "b", "text": text}, {"text": text}, (7, text), ["l", text]]
    with pytest.raises(TypeError):
        # A list is not a pair: only tuples are.
        list(quotecheck.extract_many(items))
    got = list(quotecheck.extract_many(items[:4]))
    assert [r["doc"] for r in got] == ["a", "b", "2", "7"]


def test_a_generator_input_streams_without_reading_everything():
    read = itertools.count()

    def endless():
        for i in read:
            yield (str(i), "“We have an opportunity,” Putin said.")

    first = list(itertools.islice(quotecheck.extract_many(endless()), 5))
    assert [r["doc"] for r in first] == ["0", "1", "2", "3", "4"]
    # At most the batch being handed out and the one read ahead.
    assert next(read) <= 2 * 1024 + 1


def test_records_before_a_bad_item_come_first_then_type_error():
    items = [("a", "“Yes,” she said."), ("b", 3.5), ("c", "“No,” he said.")]
    it = quotecheck.extract_many(items)
    assert next(it)["doc"] == "a"
    with pytest.raises(TypeError, match="item 1: the text must be a str, not float"):
        next(it)
    assert list(it) == []


def test_an_exception_in_the_input_propagates_after_earlier_records():
    def failing():
        yield "“Yes,” she said."
        raise RuntimeError("feed broke")

    it = quotecheck.extract_many(failing())
    assert next(it)["doc"] == "0"
    with pytest.raises(RuntimeError, match="feed broke"):
        next(it)


@pytest.mark.parametrize(
    "item, message",
    [
        (3, "item 0 is a int"),
        ({"id": "x"}, "needs a \"text\" key"),
        ({"id": 1.5, "text": "a"}, "the id must be a str or an int"),
        (("a", "b", "c"), "item 0 is a tuple"),
    ],
)
def test_bad_items_raise_type_error_naming_the_item(item, message):
    with pytest.raises(TypeError, match=message):
        list(quotecheck.extract_many([item]))


def test_a_single_str_is_refused():
    with pytest.raises(TypeError, match="not one str"):
        quotecheck.extract_many("“Yes,” she said.")


def test_a_non_iterable_is_refused():
    with pytest.raises(TypeError):
        quotecheck.extract_many(42)


def test_zero_threads_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        quotecheck.extract_many([], threads=0)


def test_kinds_filter_matches_extract():
    docs = ARTICLES
    got = list(quotecheck.extract_many(docs, kinds=["partial"]))
    want = [r for d, t in docs for r in quotecheck.extract(t, doc=d, kinds=["partial"])]
    assert got == want and got


def test_empty_input_and_exhaustion():
    it = quotecheck.extract_many([])
    assert iter(it) is it
    assert list(it) == []
    with pytest.raises(StopIteration):
        next(it)


def test_a_document_larger_than_a_batch_is_extracted_whole():
    text = "“We have an opportunity,” Putin said. " * 40000  # about 1.5 MB
    got = list(quotecheck.extract_many([("big", text), ("small", "“Yes,” she said.")]))
    assert len(got) == 40001
    assert got[-1]["doc"] == "small"
    assert got[-2]["start"] == len(text) - len("“We have an opportunity,” Putin said. ")


def test_abandoning_the_generator_midway_is_safe():
    it = quotecheck.extract_many(ARTICLES * 2000)
    next(it)
    del it
    assert quotecheck.extract("“Yes,” she said.")
