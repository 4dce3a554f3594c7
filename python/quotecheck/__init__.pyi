"""Type stubs for quotecheck: every record is a dict of the CLI's JSONL fields (docs/FORMATS.md)."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

__version__: str

Record = Dict[str, Any]
"""One quote: doc, index, start, end, byte_start, byte_end, paragraph, text, kind, speaker,
mention, mention_start, mention_end, cue, cue_start, cue_end, method, confidence, flags,
and source_start/source_end for HTML documents; "explanation" with explain=True."""

DocumentItem = Union[str, Tuple[Union[str, int], str], Dict[str, Any]]
"""A str (its id is its 0-based position), an (id, text) tuple, or a dict with "text" and
optionally "id"."""

Source = Union[str, "os.PathLike[str]", Tuple[str, str]]
"""A path to a .txt, .srt or .vtt file, or a (name, text) pair parsed by the name's extension."""

class QuotecheckError(ValueError):
    """Input quotecheck cannot use; the message is the crate's, naming the file and line."""

class RecordIterator(Iterator[Record]):
    """Records of many documents, in input order, as they are extracted."""

    def __iter__(self) -> "RecordIterator": ...
    def __next__(self) -> Record: ...

def extract(
    text: str,
    *,
    doc: Optional[str] = None,
    kinds: Optional[Sequence[str]] = None,
    explain: bool = False,
) -> List[Record]:
    """Extract every quotation of `text`: one dict per quote, the JSONL record field for field.

    `doc` is the records' "doc" (default "-", as for standard input); `kinds` keeps only
    "direct", "partial" and/or "term" quotes; `explain` adds each quote's "explanation",
    the CLI's --explain text. Offsets are code points: text[q["start"]:q["end"]] is the quote
    with its marks. Raises TypeError when `text` is not a str, ValueError on an unknown kind.
    """
    ...

def extract_many(
    docs: Iterable[DocumentItem],
    *,
    threads: Optional[int] = None,
    kinds: Optional[Sequence[str]] = None,
) -> RecordIterator:
    """Extract the quotations of many documents on a thread pool (one worker per core unless
    `threads` is given), with the interpreter lock released; records come as a generator in
    input order, reading the input in bounded batches (1024 documents or 1 MiB of text). A bad
    item raises TypeError after the records of the items before it.
    """
    ...

def diff(
    old: str,
    new: str,
    *,
    old_name: str = "old",
    new_name: str = "new",
    threshold: float = 0.5,
    quotes_only: bool = False,
) -> List[Record]:
    """What happened to each quote between two versions: the pairs of `quotecheck diff
    --format jsonl` (id, status, changes, similarity, old, new, word_diff). Reported speech
    (kind indirect) is compared like a quote unless `quotes_only`."""
    ...

def verify(
    text: str,
    sources: Union[Source, Iterable[Source]],
    *,
    doc: Optional[str] = None,
    quotes_only: bool = False,
    check_paraphrase: bool = False,
) -> List[Record]:
    """Check each direct and partial quote of `text` against the sources: the records of
    `quotecheck verify --format jsonl`. Reported speech (kind indirect) gets the verdict
    `paraphrase` without being checked, unless `check_paraphrase` (aligned like a quote) or
    `quotes_only` (left out). Raises QuotecheckError when a source cannot be read or does
    not parse."""
    ...

def to_dataframe(records: Iterable[Record]) -> Any:
    """A pandas DataFrame with one row per record (pandas imported only when called)."""
    ...

def speakers(records: Iterable[Record]) -> Any:
    """One row per speaker: quotes, documents and direct quotes, most quoted first."""
    ...
