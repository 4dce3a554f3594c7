#!/usr/bin/env python3
"""Times `quotecheck extract` side by side with two references on the same input, in one run.

Prints MB/s (of document text) and ratios for:
  - quotecheck extract with --threads 1 and --threads 2 (JSONL out, to /dev/null);
  - a plain quote-mark count and a simple regex quote extractor (Python's C string and
    regex engines over the same JSONL documents), as references;
  - adversarial inputs against ordinary news text of the same size (each must be within
    10x of ordinary text);
  - peak RSS on a >= 1 GB generated JSONL corpus (/usr/bin/time -v), unless --no-memory.

Inputs: the PolNeAR and PDNC texts from ../shared/corpora (or $QUOTECHECK_SHARED) when
present, else a corpus generated from fixtures/articles/*.txt. Everything generated goes
into a temporary directory under /tmp and is removed at the end: nothing is copied into
the repository.

The machine may be shared: every timing is the median of --runs runs (interleaved), and
CPU time is reported beside wall time.

    python3 scripts/bench-side-by-side.py [--runs 5] [--no-memory] [--bin PATH]
"""

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1e6
MARKS = '"\'“”‘’„‚«»‹›「」『』‟‛'
QUOTE_RE = re.compile(r'“[^”\n]*”|"[^"\n]*"|«[^»\n]*»')


def shared_corpora():
    candidates = [os.environ.get("QUOTECHECK_SHARED"), ROOT / "../shared", ROOT / "../../shared"]
    for c in candidates:
        if c and (Path(c) / "corpora").is_dir():
            return (Path(c) / "corpora").resolve()
    return None


def load_texts(path):
    """(id, text) of every document of a JSONL corpus."""
    with open(path, encoding="utf-8") as f:
        return [(d["id"], d["text"]) for d in map(json.loads, f) if d.get("text")]


def fixture_texts():
    docs = []
    for p in sorted((ROOT / "fixtures/articles").glob("*.txt")):
        docs.append((p.stem, p.read_text(encoding="utf-8")))
    return docs


def write_corpus(path, docs, min_bytes):
    """Writes docs (repeated until their text reaches min_bytes) as {"id","text"} JSONL.
    Returns the bytes of text written."""
    total = 0
    round_ = 0
    with open(path, "w", encoding="utf-8") as f:
        while total < min_bytes or round_ == 0:
            for doc_id, text in docs:
                f.write(json.dumps({"id": f"{doc_id}#{round_}", "text": text}, ensure_ascii=False))
                f.write("\n")
                total += len(text.encode())
            round_ += 1
    return total


TIMEOUT = 60.0


def run(cmd, **kw):
    """Wall and CPU seconds of one run of cmd (stdout and stderr discarded); wall is
    infinite when the run took longer than TIMEOUT seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT, **kw
        )
    except subprocess.TimeoutExpired:
        return float("inf"), TIMEOUT
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{proc.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def median_runs(commands, runs):
    """Interleaves runs of several commands; per command the median wall and CPU time."""
    times = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            if times[name] and times[name][-1][0] == float("inf"):
                continue  # timed out once: not again
            times[name].append(run(cmd))
    return {
        name: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts))
        for name, ts in times.items()
    }


REFERENCE = r"""
import json, re, sys
MARKS = %r
QUOTE_RE = re.compile(%r)
mode, path = sys.argv[1], sys.argv[2]
n = 0
with open(path, encoding="utf-8") as f:
    for line in f:
        text = json.loads(line)["text"]
        if mode == "count":
            n += sum(text.count(m) for m in MARKS)
        else:
            n += sum(1 for _ in QUOTE_RE.finditer(text))
print(n)
""" % (MARKS, QUOTE_RE.pattern)


def side_by_side(qc, name, corpus, text_bytes, runs, tmp):
    ref = tmp / "reference.py"
    ref.write_text(REFERENCE)
    commands = {
        "quotecheck --threads 1": [qc, "extract", "--format", "jsonl", "--threads", "1", corpus],
        "quotecheck --threads 2": [qc, "extract", "--format", "jsonl", "--threads", "2", corpus],
        "reference: mark count": [sys.executable, ref, "count", corpus],
        "reference: regex extractor": [sys.executable, ref, "regex", corpus],
    }
    results = median_runs(commands, runs)
    base = results["quotecheck --threads 1"][0]
    print(f"\n## {name}: {text_bytes / MB:.1f} MB of text, median of {runs} runs")
    print(f"{'':32} {'wall s':>8} {'MB/s':>8} {'CPU s':>8} {'MB/CPU-s':>9} {'vs qc -j1':>10}")
    for label, (wall, cpu) in results.items():
        print(
            f"{label:32} {wall:8.3f} {text_bytes / MB / wall:8.1f} {cpu:8.3f} "
            f"{text_bytes / MB / cpu:9.1f} {base / wall:9.2f}x"
        )
    speedup = results["quotecheck --threads 1"][0] / results["quotecheck --threads 2"][0]
    print(f"speed-up with 2 threads: {speedup:.2f}x", flush=True)
    return results


def news_text(docs, size):
    """Ordinary news text of `size` bytes, one paragraph per line."""
    parts, total = [], 0
    while total < size:
        for _, text in docs:
            parts.append(text)
            total += len(text.encode()) + 1
            if total >= size:
                break
    return "\n".join(parts).encode()[:size].decode("utf-8", "ignore")


def repeat_to(unit, size):
    return (unit * (size // len(unit.encode()) + 1)).encode()[:size].decode("utf-8", "ignore")


def adversarial(qc, docs, runs, tmp):
    size = 10 * 1000 * 1000
    ordinary = news_text(docs, size)
    depth = 20000
    nested = "".join("“a " if i % 2 == 0 else "‘a " for i in range(depth))
    nested += "".join("a’ " if i % 2 else "a” " for i in reversed(range(depth)))
    cases = {
        "ordinary news text": ordinary,
        # Closing marks with nothing open, and opening marks never closed.
        "unmatched marks": repeat_to('it ended.” then" done’ and “ so ', size),
        "one 10 MB paragraph": ordinary.replace("\n", " "),
        "deep nesting (20k levels)": repeat_to(nested + "\n", size),
        "NUL bytes": repeat_to(ordinary[:100000].replace(" ", "\0 ", 2000) + "\n", size),
        "CR line ends": ordinary.replace("\n", "\r"),
        "CRLF line ends": ordinary.replace("\n", "\r\n")[:size],
    }
    # Not in the list, reported apart: a paragraph that is nothing but one-word
    # quotes (“a” “a” ...), a quote every 4 bytes and no sentence end.
    limitation = {"dense quotes, no sentence end": repeat_to("“a” ", 200 * 1000)}
    commands = {}
    sizes = {}
    for name, text in {**cases, **limitation}.items():
        path = tmp / (re.sub(r"\W+", "-", name) + ".txt")
        path.write_text(text, encoding="utf-8")
        sizes[name] = path.stat().st_size
        commands[name] = [qc, "extract", "--format", "jsonl", "--threads", "1", path]
    # A 50 MB corpus line against the same text in ordinary documents.
    line_text = news_text(docs, 50 * 1000 * 1000)
    big = tmp / "line-50mb.jsonl"
    big.write_text(json.dumps({"id": "big", "text": line_text}, ensure_ascii=False) + "\n")
    small = tmp / "docs-50mb.jsonl"
    write_corpus(small, docs, 50 * 1000 * 1000)
    commands["corpus: one 50 MB line"] = [qc, "extract", "--format", "jsonl", "--threads", "1", big]
    commands["corpus: 50 MB in ordinary docs"] = [qc, "extract", "--format", "jsonl", "--threads", "1", small]
    sizes["corpus: one 50 MB line"] = big.stat().st_size
    sizes["corpus: 50 MB in ordinary docs"] = small.stat().st_size
    results = median_runs(commands, runs)
    print(f"\n## Adversarial inputs, --threads 1, median of {runs} runs (limit: 10x ordinary)")
    print(f"{'':32} {'MB':>6} {'wall s':>8} {'MB/s':>8} {'CPU s':>7} {'x ordinary':>10}")
    worst = 0.0
    for name, (wall, cpu) in results.items():
        base = "corpus: 50 MB in ordinary docs" if name.startswith("corpus") else "ordinary news text"
        # Time per byte against ordinary text's time per byte.
        factor = (wall / sizes[name]) / (results[base][0] / sizes[base])
        if name not in limitation:
            worst = max(worst, factor)
        mb = sizes[name] / MB
        note = "  (known limitation)" if name in limitation else ""
        print(f"{name:32} {mb:6.1f} {wall:8.3f} {mb / wall:8.1f} {cpu:7.2f} {factor:9.2f}x{note}")
    print(f"worst: {worst:.2f}x ordinary text ({'within' if worst <= 10 else 'OVER'} the 10x limit)", flush=True)


def memory(qc, docs, tmp, gigabytes=1.0):
    path = tmp / "corpus-1gb.jsonl"
    text_bytes = write_corpus(path, docs, gigabytes * 1e9)
    size = path.stat().st_size
    print(f"\n## Peak memory on a {size / 1e9:.2f} GB JSONL corpus ({text_bytes / 1e9:.2f} GB of text)")
    for threads in ("1", "2"):
        cmd = ["/usr/bin/time", "-v", qc, "extract", "--format", "jsonl", "--threads", threads, path]
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        if proc.returncode != 0 or not rss:
            sys.exit(f"memory run failed: {proc.stderr[-2000:]}")
        print(
            f"--threads {threads}: peak RSS {int(rss.group(1)) / 1024:.1f} MB, "
            f"{wall:.1f} s, {text_bytes / MB / wall:.1f} MB/s"
        )
    path.unlink()


def binary(arg, tmp):
    """The binary to time, copied into `tmp` so that another build sharing the target
    directory cannot replace it mid-run."""
    if not arg:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        arg = target / "release" / "quotecheck"
    copy = tmp / "quotecheck"
    shutil.copy2(arg, copy)
    return copy


def main():
    global TIMEOUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bin", help="the quotecheck binary [default: cargo build --release]")
    ap.add_argument("--no-memory", action="store_true", help="skip the 1 GB peak-RSS run")
    ap.add_argument("--no-adversarial", action="store_true")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds before a run is given up (inf)")
    ap.add_argument("--min-mb", type=float, default=64, help="repeat corpora to at least this much text")
    args = ap.parse_args()
    TIMEOUT = args.timeout
    tmp = Path(tempfile.mkdtemp(prefix="quotecheck-bench-"))
    qc = binary(args.bin, tmp)
    print(f"machine: {os.cpu_count()} cores, {platform_cpu()}; load average {os.getloadavg()[0]:.2f}")
    print(f"quotecheck: {args.bin or 'cargo build --release'}", flush=True)
    try:
        corpora = shared_corpora()
        inputs = []
        if corpora:
            news = [d for split in ("train", "dev") for d in load_texts(corpora / f"polnear/{split}.jsonl")]
            inputs.append(("news: PolNeAR texts", news))
            inputs.append(("fiction: PDNC novels", load_texts(corpora / "pdnc/train.jsonl")))
        else:
            print("shared corpora absent: generating a corpus from fixtures/articles")
            news = fixture_texts()
            inputs.append(("news: fixture articles", news))
        for name, docs in inputs:
            path = tmp / (name.split(":")[0] + ".jsonl")
            text_bytes = write_corpus(path, docs, args.min_mb * MB)
            side_by_side(qc, name, path, text_bytes, args.runs, tmp)
            path.unlink()
        if not args.no_adversarial:
            adversarial(qc, news, max(3, args.runs // 2), tmp)
        if not args.no_memory:
            memory(qc, news, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def platform_cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
