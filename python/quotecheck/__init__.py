"""quotecheck: find every quotation in news text and say who said it.

A thin layer over the Rust crate of the same name (pyo3). Each record is a dict with the
fields of the command line's JSONL output, in the same order (docs/FORMATS.md); offsets
``start``/``end`` are code points, so ``text[q["start"]:q["end"]]`` is the quote with its
marks.

>>> import quotecheck
>>> q = quotecheck.extract("“We have an opportunity,” Putin said.")[0]
>>> q["text"], q["speaker"], (q["start"], q["end"])
('We have an opportunity,', 'Putin', (0, 25))
"""

from ._quotecheck import (
    QuotecheckError,
    RecordIterator,
    __version__,
    diff,
    extract,
    extract_many,
    verify,
)

__all__ = [
    "QuotecheckError",
    "RecordIterator",
    "__version__",
    "diff",
    "extract",
    "extract_many",
    "speakers",
    "to_dataframe",
    "verify",
]


def to_dataframe(records):
    """A pandas DataFrame with one row per record and one column per field.

    ``records`` is any iterable of record dicts: what ``extract``, ``extract_many``,
    ``diff`` or ``verify`` return. pandas is imported only when this is called (install it
    with ``pip install pandas``). List fields (``flags``) stay lists in their cells.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("quotecheck.to_dataframe needs pandas: pip install pandas") from e
    return pd.DataFrame.from_records(list(records))


def speakers(records):
    """Who is quoted how often: the recipe from the README as a function.

    One row per speaker (unattributed quotes under ``None`` are left out), with the number
    of quotes, of documents they are quoted in, and of direct quotes, most quoted first.
    """
    df = to_dataframe(records)
    if df.empty:
        import pandas as pd

        return pd.DataFrame(columns=["quotes", "documents", "direct"])
    return (
        df.groupby("speaker")
        .agg(
            quotes=("index", "size"),
            documents=("doc", "nunique"),
            direct=("kind", lambda k: int((k == "direct").sum())),
        )
        .sort_values(["quotes", "documents"], ascending=False)
    )
