#!/usr/bin/env python3
"""Times the Python package's extract_many side by side with the binary, in one run.

Prints MB/s of document text, wall and per CPU-second, for:
  - `quotecheck extract --threads 1 CORPUS.jsonl --format jsonl > /dev/null` (the binary on
    one core: the reference of issue 18's target, extract_many >= 80% of it);
  - `extract_many(docs)` (default threads: one per core) and `extract_many(docs, threads=1)`,
    every record consumed as a dict, the documents already in memory as (id, text) pairs;
and the ratios to the binary. The machine may be shared: runs are interleaved, each figure
is the median of --runs, and CPU time (user + system of the process and all its threads) is
reported beside wall time, since a loaded machine starves the multi-threaded runs first.

Input: the PolNeAR train and dev texts from ../shared/corpora (or $QUOTECHECK_SHARED) when
present, else the fixture articles repeated to about 10 MB. The corpus file is written to a
temporary directory and removed at the end.

Run it with the Python that has the package installed (`pip install ./python`), after
`cargo build --release`:

    python scripts/bench-python.py [--runs 5] [--bin target/release/quotecheck]
"""

import argparse
import collections
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quotecheck

ROOT = Path(__file__).resolve().parent.parent
MB = 1e6


def news():
    candidates = [os.environ.get("QUOTECHECK_SHARED"), ROOT / "../shared"]
    for c in candidates:
        corpora = Path(c) / "corpora" / "polnear" if c else None
        if corpora and corpora.is_dir():
            docs = []
            for split in ("train", "dev"):
                with open(corpora / f"{split}.jsonl", encoding="utf-8") as f:
                    docs += [(d["id"], d["text"]) for d in map(json.loads, f) if d.get("text")]
            return "PolNeAR train+dev texts", docs
    with open(ROOT / "fixtures/corpora/articles.jsonl", encoding="utf-8") as f:
        unit = [(d["id"], d["text"]) for d in map(json.loads, f) if d.get("text")]
    unit.append(("putin-assad", (ROOT / "fixtures/articles/putin-assad.txt").read_text("utf-8")))
    size = sum(len(t.encode()) for _, t in unit)
    docs = [(f"{i}-{d}", t) for i in range(int(10 * MB / size) + 1) for d, t in unit]
    return "fixture articles repeated (no ../shared)", docs


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def time_binary(binary, corpus):
    cpu0, t0 = children_cpu(), time.perf_counter()
    with open(os.devnull, "wb") as null:
        subprocess.run(
            [binary, "extract", "--threads", "1", "--format", "jsonl", str(corpus)],
            stdout=null,
            check=True,
        )
    return time.perf_counter() - t0, children_cpu() - cpu0


def time_python(docs, threads):
    cpu0, t0 = time.process_time(), time.perf_counter()
    collections.deque(quotecheck.extract_many(docs, threads=threads), maxlen=0)
    return time.perf_counter() - t0, time.process_time() - cpu0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bin", default=str(ROOT / "target/release/quotecheck"))
    args = ap.parse_args()
    if not Path(args.bin).exists():
        sys.exit(f"bench-python: no binary at {args.bin}: run cargo build --release or pass --bin")

    name, docs = news()
    text_bytes = sum(len(t.encode("utf-8")) for _, t in docs)
    records = sum(1 for _ in quotecheck.extract_many(docs))
    print(f"input: {name}: {len(docs)} documents, {text_bytes / MB:.1f} MB of text, {records} records")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")

    timings = {"binary --threads 1": [], "extract_many (all cores)": [], "extract_many(threads=1)": []}
    with tempfile.TemporaryDirectory(prefix="qc-bench-python-") as tmp:
        corpus = Path(tmp) / "news.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for doc_id, text in docs:
                f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        time_binary(args.bin, corpus)  # warm the page cache
        for _ in range(args.runs):
            timings["binary --threads 1"].append(time_binary(args.bin, corpus))
            timings["extract_many (all cores)"].append(time_python(docs, None))
            timings["extract_many(threads=1)"].append(time_python(docs, 1))

    base_wall = statistics.median(w for w, _ in timings["binary --threads 1"])
    base_cpu = statistics.median(c for _, c in timings["binary --threads 1"])
    print(f"\n{'':28} {'MB/s wall':>10} {'MB/CPU-s':>10} {'x binary (wall)':>16} {'x binary (CPU)':>15}")
    for label, runs in timings.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(
            f"{label:28} {text_bytes / MB / wall:10.1f} {text_bytes / MB / cpu:10.1f}"
            f" {base_wall / wall:16.2f} {base_cpu / cpu:15.2f}"
        )
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end; {args.runs} interleaved runs, medians")


if __name__ == "__main__":
    main()
