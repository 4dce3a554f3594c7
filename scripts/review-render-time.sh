#!/usr/bin/env bash
# How long a browser takes to render the review report of a ~200 KB article.
#
# Builds a 200 KB article from the fixture (repeated, paragraphs renumbered by position),
# writes its report with `quotecheck review --html`, and loads a copy of the report in
# headless Chromium with a timing probe added (the report itself carries no script): the
# probe forces style and layout of the whole page in the load handler and records
# performance.now(), i.e. navigation start -> document parsed, styled and laid out.
#
# Usage: scripts/review-render-time.sh [KB] [RUNS]     (defaults: 200 KB, 5 runs)
# Needs: chromium, python3. Uses CARGO_TARGET_DIR if set.
set -euo pipefail
cd "$(dirname "$0")/.."
kb=${1:-200}
runs=${2:-5}
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin="$target/release/quotecheck"

python3 - "$kb" "$work/article.txt" <<'PY'
import sys
kb, out = int(sys.argv[1]), sys.argv[2]
text = open("fixtures/articles/putin-assad.txt", encoding="utf-8").read().strip()
parts = []
size = 0
while size < kb * 1024:
    parts.append(text)
    size += len(text.encode()) + 1
open(out, "w", encoding="utf-8").write("\n".join(parts) + "\n")
PY

start=$(date +%s.%N)
"$bin" review "$work/article.txt" --html "$work/report.html"
end=$(date +%s.%N)
quotes=$(grep -o 'tabindex="0" data-quote=' "$work/report.html" | wc -l)
printf 'article: %s bytes, %s quotes; report: %s bytes; quotecheck review --html: %.0f ms\n' \
  "$(stat -c %s "$work/article.txt")" "$quotes" "$(stat -c %s "$work/report.html")" \
  "$(echo "($end - $start) * 1000" | bc)"

# The probe: drop the CSP (it forbids scripts, as it should) and time parse + style + layout.
python3 - "$work/report.html" "$work/probe.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", html, count=1)
probe = ("<script>addEventListener('load',function(){"
         "document.body.offsetHeight;document.documentElement.getBoundingClientRect();"
         "var n=performance.getEntriesByType('navigation')[0];"
         "document.body.setAttribute('data-timing','parsed='+n.domInteractive.toFixed(0)"
         "+' loaded='+n.loadEventStart.toFixed(0)+' laidout='+performance.now().toFixed(0));});</script>")
html = html.replace("</body>", probe + "</body>", 1)
open(sys.argv[2], "w", encoding="utf-8").write(html)
PY

for i in $(seq "$runs"); do
  profile=$(mktemp -d)
  t0=$(date +%s.%N)
  timing=$(chromium --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --disable-quic \
      --user-data-dir="$profile" --window-size=1280,1000 --dump-dom "file://$work/probe.html" 2>/dev/null \
    | grep -o 'data-timing="[^"]*"' || true)
  t1=$(date +%s.%N)
  rm -rf "$profile"
  printf 'run %s: %s (ms since navigation start); whole chromium process %.0f ms\n' \
    "$i" "$timing" "$(echo "($t1 - $t0) * 1000" | bc)"
done
