#!/usr/bin/env python3
"""Hostile input shapes against ordinary news, side by side in one run (issue 14).

For each shape and size (1 MB and 10 MB by default) the script writes the input, runs the
quotecheck subcommand that reads it on one thread, and reports CPU time (user + system) per
byte against the same subcommand on ordinary news text of the same size and form (plain text,
HTML, two versions for `diff`, an article and its source for `verify`), and the run's peak
resident memory. The limits are those of issue 14: every shape within 10x of ordinary text
per byte, and at most 200 MB peak memory at 10 MB.

Ordinary text comes from ../shared/corpora (PolNeAR) when present, else from the repo's
fixtures. Usage:

    python3 scripts/adversarial.py                      # build --release, 1 MB and 10 MB
    python3 scripts/adversarial.py --bin target/fastrel/quotecheck --sizes 1
    python3 scripts/adversarial.py --only pronoun,div   # shapes whose name has these words

A run that exceeds --timeout seconds is stopped and shown as `timeout`.
"""

import argparse
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1000 * 1000


def ordinary_paragraphs():
    """Paragraphs of real news text: PolNeAR train when ../shared is there, else fixtures."""
    paras = []
    corpus = ROOT.parent / "shared" / "corpora"
    for path in [corpus / "polnear" / "train.jsonl"][: (corpus / "polnear" / "train.jsonl").exists()]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                paras.extend(p for p in text.split("\n") if p.strip())
                if len(paras) > 20000:
                    break
    if not paras:
        for path in sorted((ROOT / "fixtures").glob("**/*.txt")):
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            paras.extend(p for p in text.split("\n") if p.strip())
    if not paras:
        sys.exit("no ordinary text found (neither ../shared/corpora nor fixtures/)")
    return paras


def fill(paras, size, sep="\n"):
    out, total, i = [], 0, 0
    while total < size:
        p = paras[i % len(paras)]
        out.append(p)
        total += len(p.encode()) + len(sep)
        i += 1
    return cut(sep.join(out), size)


def cut(text, size):
    return text.encode()[:size].decode("utf-8", "ignore")


def repeat_to(unit, size):
    return cut(unit * (size // len(unit.encode()) + 1), size)


def reworded(text):
    """A second version of an article: every tenth quote's words changed a little."""
    out, n = [], 0
    for part in text.split("”"):
        n += 1
        out.append(part.replace(" the ", " a ", 1) if n % 10 == 0 else part)
    return "”".join(out)


def shapes(paras, size):
    """(name, kind, files, baseline name): kind is the subcommand; files the inputs."""
    news = fill(paras, size)
    news_html = cut(
        "<html><body><article>"
        + "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in news.split("\n"))
        + "</article></body></html>",
        size,
    )
    marks = ["“", "”", '"', "‘", "’", "«", "»", "„", "'"]
    alternating = "".join(f"{marks[i % len(marks)]}a " for i in range(size // 4))
    n_div = size // 5
    yield "ordinary news text", "extract", {"a.txt": news}, None
    yield "pronoun flood (“a,” he said, one paragraph)", "extract", {
        "a.txt": repeat_to("“a,” he said ", size)}, "ordinary news text"
    yield "pronoun flood after a name (every “he” resolved)", "extract", {
        "a.txt": cut("Donald Trump spoke to reporters on Monday. " + repeat_to("“a,” he said ", size),
                     size)}, "ordinary news text"
    yield "100k+ one-word quotes (“a” “a” …)", "extract", {
        "a.txt": repeat_to("“a” ", size)}, "ordinary news text"
    yield "alternating mark types, one line", "extract", {
        "a.txt": cut(alternating, size)}, "ordinary news text"
    yield "ordinary news page (HTML)", "extract", {"a.html": news_html}, None
    yield "nested <div>s", "extract", {
        "a.html": cut("<div>" * (n_div // 2) + "“x,” he said." + "</div>" * (n_div // 2), size)
    }, "ordinary news page (HTML)"
    yield "unclosed <div>s", "extract", {"a.html": repeat_to("<div>", size)}, "ordinary news page (HTML)"
    yield "nested <b><i>", "extract", {
        "a.html": cut("<p>" + "<b><i>x " * (size // 8), size)}, "ordinary news page (HTML)"
    yield "entity flood in one <p>", "extract", {
        "a.html": cut("<p>“" + "&amp;&#8220;&quot;" * (size // 17), size)}, "ordinary news page (HTML)"
    yield "10 MB of attributes in one tag", "extract", {
        "a.html": cut("<p " + "".join(f'a{i}="v" ' for i in range(size // 8))
                      , size - 30) + ">“x,” he said.</p>"}, "ordinary news page (HTML)"
    yield "one 10 MB comment", "extract", {
        "a.html": "<p>“x,” he said.</p><!--" + repeat_to("“a -- > ", size - 40) + "-->"
    }, "ordinary news page (HTML)"
    yield "deep <table> nesting", "extract", {
        "a.html": repeat_to("<table><tr><td>“x,” he said.", size)}, "ordinary news page (HTML)"
    yield "nested <template>s", "extract", {
        "a.html": repeat_to("<template>x", size)}, "ordinary news page (HTML)"
    yield "svg/math foreign content", "extract", {
        "a.html": repeat_to("<svg><g>x<math><mi>y<foreignObject><p>z", size)
    }, "ordinary news page (HTML)"
    yield "unclosed <p>s and <li>s", "extract", {
        "a.html": repeat_to("<p>“a,” he said.<li>b ", size)}, "ordinary news page (HTML)"
    yield "nested <q>s", "extract", {
        "a.html": cut("<p>" + "<q>" * (size // 8) + "x" + "</q>" * (size // 8), size)
    }, "ordinary news page (HTML)"
    yield "unclosed <a> links", "extract", {
        "a.html": repeat_to('<p><a href="/x">“a,” he said ', size)}, "ordinary news page (HTML)"
    yield "ordinary news, diff of two versions", "diff", {
        "a.txt": news, "b.txt": reworded(news)}, None
    dense = repeat_to("“We will win,” he said. ", size)
    yield "diff, dense repeated quotes", "diff", {
        "a.txt": dense, "b.txt": dense.replace("win", "lose", size // 500)}, "ordinary news, diff of two versions"
    yield "ordinary news, verify against itself", "verify", {
        "a.txt": news, "src.txt": news}, None
    depth = 10000
    nested = "".join("“a " if i % 2 == 0 else "‘a " for i in range(depth))
    nested += "".join("a’ " if i % 2 else "a” " for i in reversed(range(depth)))
    deep = repeat_to(nested + "\n", size)
    yield "verify, 10k-deep nesting", "verify", {
        "a.txt": deep, "src.txt": deep}, "ordinary news, verify against itself"
    yield "ordinary news, review", "review", {"a.txt": news}, None
    yield "review, alternating mark types", "review", {
        "a.txt": cut(alternating, size)}, "ordinary news, review"


def command(qc, kind, paths):
    if kind == "extract":
        return [qc, "extract", "--format", "jsonl", "--threads", "1", paths[0]]
    if kind == "diff":
        return [qc, "diff", "--format", "jsonl", paths[0], paths[1]]
    if kind == "verify":
        return [qc, "verify", "--format", "jsonl", paths[0], "--source", paths[1]]
    if kind == "review":
        return [qc, "review", "--color", "never", paths[0]]
    raise ValueError(kind)


GNU_TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


def measure(cmd, timeout):
    """CPU seconds (user + system) and peak RSS in MB of one run; None on timeout.

    The run goes through GNU time when it is installed: a process forked from this script
    starts with the script's own peak RSS (tens of MB of generated inputs), which the kernel
    keeps across exec, so wait4's figure would be the script's and not the run's. GNU time
    is small, and what it forks starts small.
    """
    start = time.monotonic()
    # Warnings (stray marks) can run to megabytes: to a file, not a pipe that could fill.
    err = tempfile.TemporaryFile()
    report = tempfile.NamedTemporaryFile(mode="r", suffix=".time")
    wrapped = [GNU_TIME, "-q", "-f", "%U %S %M %x", "-o", report.name, *cmd] if GNU_TIME else cmd
    proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            os.killpg(proc.pid, 9)
            os.wait4(proc.pid, 0)
            return None
        time.sleep(0.01)
    code = os.waitstatus_to_exitcode(status)
    cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    if GNU_TIME:
        fields = report.read().split()[-4:]
        user, system, kb, code = float(fields[0]), float(fields[1]), int(fields[2]), int(fields[3])
        cpu, rss = user + system, kb / 1024
    if code not in (0, 1):
        err.seek(0)
        tail = err.read().decode(errors="replace")[-500:]
        sys.exit(f"{' '.join(map(str, cmd))}: exit {code}: {tail}")
    return cpu, rss


def binary(arg, tmp):
    if not arg:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        arg = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "quotecheck"
    copy = tmp / "quotecheck"
    shutil.copy2(arg, copy)
    return copy


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", help="the quotecheck binary [default: build --release]")
    ap.add_argument("--sizes", default="1,10", help="sizes in MB, comma-separated")
    ap.add_argument("--only", help="only shapes whose names contain one of these words")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--runs", type=int, default=1, help="runs per input (the median is kept)")
    args = ap.parse_args()
    paras = ordinary_paragraphs()
    worst_factor, worst_rss, failed = 0.0, 0.0, []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        qc = binary(args.bin, tmp)
        for size_mb in [float(s) for s in args.sizes.split(",")]:
            size = int(size_mb * MB)
            print(f"\n## {size_mb:g} MB inputs, one thread (limits: 10x ordinary CPU per byte, "
                  f"200 MB peak at 10 MB)")
            print(f"{'shape':48} {'cmd':8} {'MB':>6} {'CPU s':>8} {'x ord.':>8} {'peak MB':>8}")
            base = {}
            for name, kind, files, baseline in shapes(paras, size):
                words = args.only.split(",") if args.only else []
                if baseline and words and not any(w in name for w in words):
                    continue
                paths = []
                for fname, text in files.items():
                    p = tmp / fname
                    p.write_text(text, encoding="utf-8")
                    paths.append(p)
                nbytes = sum(p.stat().st_size for p in paths)
                runs = [measure(command(qc, kind, paths), args.timeout) for _ in range(args.runs)]
                if any(r is None for r in runs):
                    base.setdefault(name, None)
                    print(f"{name:48} {kind:8} {nbytes / MB:6.1f} {'timeout':>8}", flush=True)
                    failed.append(f"{name} at {size_mb:g} MB: over {args.timeout:g} s")
                    continue
                cpu = sorted(r[0] for r in runs)[len(runs) // 2]
                rss = max(r[1] for r in runs)
                per_byte = max(cpu, 0.005) / nbytes
                if baseline is None:
                    base[name] = per_byte
                    factor = 1.0
                elif base.get(baseline) is None:
                    factor = float("nan")
                else:
                    factor = per_byte / base[baseline]
                    worst_factor = max(worst_factor, factor)
                    if factor > 10:
                        failed.append(f"{name} at {size_mb:g} MB: {factor:.1f}x")
                if size_mb >= 10:
                    worst_rss = max(worst_rss, rss)
                    if rss > 200:
                        failed.append(f"{name} at {size_mb:g} MB: peak {rss:.0f} MB")
                print(f"{name:48} {kind:8} {nbytes / MB:6.1f} {cpu:8.3f} {factor:7.2f}x {rss:8.1f}",
                      flush=True)
                for p in paths:
                    p.unlink()
    print(f"\nworst: {worst_factor:.2f}x ordinary per byte; peak at 10 MB: {worst_rss:.0f} MB")
    if failed:
        print("OVER THE LIMITS:\n  " + "\n  ".join(failed))
        sys.exit(1)
    print("all within the limits")


if __name__ == "__main__":
    main()
