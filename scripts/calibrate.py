#!/usr/bin/env python3
"""Speaker confidence that means what it says: fit it on annotated news, and check it.

  python3 scripts/calibrate.py fit   GOLD.jsonl [--out src/attribute/calibration.tsv]
  python3 scripts/calibrate.py check GOLD.jsonl [GOLD.jsonl ...] [--markdown]

`fit` runs `quotecheck extract --corpus GOLD --format jsonl`, judges every attributed quote
that matches a gold unit with a source exactly as `score.py` does (its own functions are
imported from the scoring directory), and writes the share judged right for each cell of
(method, mention class, kind, reach), smoothed towards the cell's parent (the same key
without its last part, down to everything) so that a cell seen a few times does not claim certainty. The
project ships the table fitted on PolNeAR train only:

  python3 scripts/calibrate.py fit ../shared/corpora/polnear/train.jsonl

`check` prints the reliability table (confidence bins against the share right), the
expected calibration error and how often quotes at confidence >= 0.9 are right, for each
file and for all of them together.

The mention class is what the record shows: `pronoun` when the mention is a third-person or
first-person pronoun (he, she, it, they, I, we, contracted or not), else the record's
`speaker_type` (person, group, organisation, document, unnamed), else `other`. The reach is
how many code points lie between the quote and the farther of its mention and cue: near
(up to 40), mid (up to 100) or far (a continuation, a speaker sentences away). The Rust
side (src/attribute/calibration.rs) computes the same key from the same fields.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PRONOUNS = {"he", "she", "it", "they", "i", "we"}
CONTRACTIONS = ["’s", "'s", "’re", "'re", "’ve", "'ve", "’d", "'d", "’ll", "'ll"]
SMOOTHING = 5.0  # pseudo-observations borrowed from the parent cell
FLOOR, CEILING = 0.05, 0.99
NEAR, MID = 40, 100  # code points between the quote and its farther evidence


def mention_class(p):
    m = p.get("mention") or ""
    for c in CONTRACTIONS:
        if m.endswith(c):
            m = m[: -len(c)]
            break
    if m.lower() in PRONOUNS:
        return "pronoun"
    return p.get("speaker_type") or "other"


def predictions(binary, gold):
    out = subprocess.run(
        [binary, "extract", "--corpus", gold, "--format", "jsonl"],
        check=True, capture_output=True, text=True,
    ).stdout
    preds = collections.defaultdict(list)
    for line in out.splitlines():
        if line.strip():
            p = json.loads(line)
            preds[p.get("doc")].append(p)
    return preds


def canonical_for(gold):
    path = gold[: -len(".jsonl")] + ".canonical.jsonl" if gold.endswith(".jsonl") else None
    canon = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            c = json.loads(line)
            if c.get("named") and c.get("canonical"):
                canon[(c["doc"], c["quote"])] = c
    return canon


def judged(binary, gold, scoring):
    """(record, right) for every attributed record matched to a gold unit with a source."""
    sys.path.insert(0, scoring)
    from score import inner, load_gold, overlap, speaker_ok  # noqa: E402

    docs = load_gold(gold)
    canon = canonical_for(gold)
    preds = predictions(binary, gold)
    out = []
    for doc, (text, units) in docs.items():
        spans = [(*inner(text, int(p["start"]), int(p["end"])), p) for p in preds.get(doc, [])]
        used = set()
        for u in units:  # score.py's matching: best overlap/union first, at least 0.5
            best, bi = 0.0, None
            for i, (s, e, _) in enumerate(spans):
                if i in used:
                    continue
                ov = overlap((s, e), u["span"])
                if ov:
                    r = ov / (max(e, u["span"][1]) - min(s, u["span"][0]))
                    if r > best:
                        best, bi = r, i
            if bi is None or best < 0.5:
                continue
            used.add(bi)
            p = spans[bi][2]
            if not u["speaker"] or p.get("kind") in ("term", "indirect") or not p.get("speaker"):
                continue
            out.append((p, bool(speaker_ok(p, u, canon.get((doc, u.get("qid")))))))
    return out


def gap(p, start, end):
    """Code points between the quote and the stretch p[start]..p[end] (0 when they meet)."""
    s, e = p.get(start), p.get(end)
    if s is None or e is None:
        return 0
    if e <= p["start"]:
        return p["start"] - e
    return max(0, s - p["end"])


def reach(p):
    """How far the evidence stands from the quote: the farther of mention and cue."""
    g = max(gap(p, "mention_start", "mention_end"), gap(p, "cue_start", "cue_end"))
    return "near" if g <= NEAR else "mid" if g <= MID else "far"


def key(p):
    return (p.get("method") or "none", mention_class(p), p.get("kind") or "none", reach(p))


def fit(records):
    """Every cell and its parents (a trailing `*`), with counts and smoothed confidence."""
    counts = collections.defaultdict(lambda: [0, 0])
    for p, ok in records:
        k = key(p)
        for level in range(len(k) + 1):
            cell = k[:level] + ("*",) * (len(k) - level)
            counts[cell][0] += 1
            counts[cell][1] += ok

    def parent(cell):
        stars = cell.count("*")
        if stars == len(cell):
            return None
        return cell[: len(cell) - stars - 1] + ("*",) * (stars + 1)

    memo = {}

    def conf(cell):
        if cell not in memo:
            n, right = counts[cell]
            up = parent(cell)
            prior = conf(up) if up else right / n
            memo[cell] = min(CEILING, max(FLOOR, (right + SMOOTHING * prior) / (n + SMOOTHING)))
        return memo[cell]

    order = sorted(counts, key=lambda cell: (cell.count("*"), cell))
    return [(cell, counts[cell][0], counts[cell][1], round(conf(cell), 3)) for cell in order]


def reliability(records, bins=10):
    rows = [[0, 0, 0.0] for _ in range(bins)]
    for p, ok in records:
        c = float(p.get("confidence") or 0.0)
        b = min(bins - 1, int(c * bins))
        rows[b][0] += 1
        rows[b][1] += ok
        rows[b][2] += c
    n = len(records)
    ece = sum(abs(r[1] - r[2]) for r in rows if r[0]) / n if n else 0.0
    high = [(p, ok) for p, ok in records if float(p.get("confidence") or 0) >= 0.9]
    high_acc = sum(ok for _, ok in high) / len(high) if high else 0.0
    return rows, ece, high, high_acc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["fit", "check"])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "quotecheck"))
    ap.add_argument("--scoring", default=os.path.join(ROOT, "..", "shared", "scoring"))
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "attribute", "calibration.tsv"))
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"calibrate.py: {a.bin} not found: run `cargo build --release` first")
    if not os.path.exists(os.path.join(a.scoring, "score.py")):
        sys.exit(f"calibrate.py: no score.py in {a.scoring}: give --scoring DIR")
    if a.command == "fit":
        if len(a.gold) != 1:
            sys.exit("calibrate.py: fit takes one gold file (train only)")
        table = fit(judged(a.bin, a.gold[0], a.scoring))
        tmp = a.out + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("# Speaker confidence by (method, mention class, kind, reach): the share of quotes\n")
            f.write(f"# judged right on {os.path.basename(a.gold[0])}, smoothed towards the parent cell.\n")
            f.write("# Rebuilt by: python3 scripts/calibrate.py fit ../shared/corpora/polnear/train.jsonl\n")
            f.write(f"# reach: near (<= {NEAR} code points between quote and evidence), mid (<= {MID}), far\n")
            f.write("# method\tclass\tkind\treach\tjudged\tright\tconfidence\n")
            for cell, n, right, conf in table:
                f.write("\t".join(cell) + f"\t{n}\t{right}\t{conf:.3f}\n")
        os.replace(tmp, a.out)
        print(f"wrote {a.out}: {len(table)} cells from {table[-1][1]} judged quotes")
        return
    every = []
    for gold in a.gold:
        records = judged(a.bin, gold, a.scoring)
        every += records
        report(os.path.basename(gold), records, a.markdown)
    if len(a.gold) > 1:
        report("all together", every, a.markdown)


def report(name, records, markdown):
    rows, ece, high, high_acc = reliability(records)
    print(f"\n{name}: {len(records)} judged quotes; ECE {ece:.3f}; "
          f"confidence >= 0.9: {len(high)} quotes, {high_acc:.3f} right")
    if markdown:
        print("\n| confidence | quotes | mean confidence | share right |\n|---|---|---|---|")
    for i, (n, right, total) in enumerate(rows):
        if not n:
            continue
        lo, hi = i / len(rows), (i + 1) / len(rows)
        if markdown:
            print(f"| {lo:.1f}–{hi:.1f} | {n} | {total / n:.3f} | {right / n:.3f} |")
        else:
            print(f"  {lo:.1f}-{hi:.1f}  {n:5}  mean {total / n:.3f}  right {right / n:.3f}")


if __name__ == "__main__":
    main()
