#!/usr/bin/env bash
# Reproduces the costs in docs/SCALE.md: a corpus of N copies of the article fixture, as text
# and as HTML pages in JSONL, run through `quotecheck extract` directly and through the Spark
# example in local mode. Usage: examples/spark/measure.sh [N] (default 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
qc=$(realpath "${QUOTECHECK:-target/release/quotecheck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$n" "$work" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
text = open("fixtures/articles/putin-assad.txt", encoding="utf-8").read()
page = open("fixtures/html/putin-assad.html", encoding="utf-8").read()
with open(f"{work}/text.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"t{i}", "text": text}, ensure_ascii=False) + "\n")
with open(f"{work}/html.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"h{i}", "html": page}, ensure_ascii=False) + "\n")
PY

for corpus in text html; do
  for threads in 1 0; do
    size=$(stat -c %s "$work/$corpus.jsonl")
    flag=$([ "$threads" = 0 ] && echo "" || echo "--threads $threads")
    start=$(date +%s.%N)
    "$qc" extract "$work/$corpus.jsonl" --format jsonl $flag > "$work/$corpus.direct.jsonl"
    end=$(date +%s.%N)
    label=$([ "$threads" = 0 ] && echo "all cores" || echo "1 thread")
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); b=int(sys.argv[3]); print(f'direct  $corpus ($label): {$n} docs, {b/1e6:.1f} MB in {s:.2f} s = {b/1e6/s:.1f} MB/s, {$n/s:.0f} docs/s')" "$start" "$end" "$size"
  done
done

start=$(date +%s.%N)
for i in $(seq 1 200); do "$qc" extract fixtures/articles/putin-assad.txt --format jsonl --threads 1 > /dev/null; done
end=$(date +%s.%N)
python3 -c "import sys; print(f'one process per document: {(float(sys.argv[2])-float(sys.argv[1]))/200*1000:.1f} ms each')" "$start" "$end"

if python3 -c "import pyspark" 2>/dev/null && command -v java >/dev/null; then
  for corpus in text html; do
    start=$(date +%s.%N)
    python3 examples/spark/extract.py "$work/$corpus.jsonl" --quotecheck "$qc" --partitions 2 > "$work/$corpus.spark.jsonl" 2>/dev/null
    end=$(date +%s.%N)
    cmp -s "$work/$corpus.spark.jsonl" "$work/$corpus.direct.jsonl" && same=same || same=DIFFERENT
    python3 -c "import sys; print(f'spark   $corpus: {float(sys.argv[2])-float(sys.argv[1]):.1f} s wall in local[*] (records {sys.argv[3]} as direct)')" "$start" "$end" "$same"
  done
else
  echo "spark: skipped (needs java and pyspark)"
fi
