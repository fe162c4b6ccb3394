#!/usr/bin/env bash
# Quality and speed of the HTML extractor (src/html/) against the anchors:
# builds bench_html in Release, extracts the aeb pages and scores them with
# the benchmark's metric next to every stored anchor, times kabar and
# Readability.js (installed here from npm) on the same pages on one core,
# and scores title/author on the meta set. Skips cleanly without the data.
# usage: bench/html_eval.sh   (env: KB_DATA, BUILD, ROUNDS, RJS_ROUNDS, BENCH_HTML)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${KB_DATA:-$ROOT/../shared/data}
AEB=$DATA/aeb
META=$DATA/meta
BUILD=${BUILD:-$ROOT/build-html-rel}
ROUNDS=${ROUNDS:-9}         # 123 pages x 9 = 1,107 pages in one process
RJS_ROUNDS=${RJS_ROUNDS:-3} # Readability.js runs ~40 pages/s; 3 rounds suffice
if [ ! -d "$AEB/html" ]; then
  echo "html_eval: $AEB not found; skipping"
  exit 0
fi
if [ -z "${BENCH_HTML:-}" ]; then
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" --target bench_html -j2 >/dev/null
  BENCH_HTML=$BUILD/bench_html
fi
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
pages=("$AEB"/html/*.html.gz)

echo "== quality: aeb, ${#pages[@]} pages (token 4-gram shingle F1)"
"$BENCH_HTML" "${pages[@]}" >"$OUT/kabar.jsonl" 2>/dev/null
printf '%-16s ' kabar
python3 "$ROOT/bench/aeb_score.py" "$AEB/ground-truth.json" "$OUT/kabar.jsonl"
for a in "$AEB"/anchors/*.json; do
  printf '%-16s ' "$(basename "$a" .json)"
  python3 "$ROOT/bench/aeb_score.py" "$AEB/ground-truth.json" "$a"
done

echo "== speed: one core, $ROUNDS rounds"
$PIN "$BENCH_HTML" -q -n "$ROUNDS" "${pages[@]}" 2>"$OUT/speed.txt" >/dev/null
cat "$OUT/speed.txt"
kabar_ps=$(sed -n "s/^parse + extraction + metadata: *\([0-9.]*\) pages\/s CPU.*/\1/p" "$OUT/speed.txt")

if command -v node >/dev/null && command -v npm >/dev/null; then
  (cd "$ROOT/bench/readability" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) || true
fi
if [ -d "$ROOT/bench/readability/node_modules/@mozilla/readability" ]; then
  $PIN node "$ROOT/bench/readability/run.js" "$OUT/rjs.json" "$RJS_ROUNDS" "${pages[@]}" \
    2>"$OUT/rjs.txt"
  cat "$OUT/rjs.txt"
  rjs_ps=$(sed -n "s/.* \([0-9.]*\) pages\/s CPU.*/\1/p" "$OUT/rjs.txt")
  printf '%-16s ' readability.js
  python3 "$ROOT/bench/aeb_score.py" "$AEB/ground-truth.json" "$OUT/rjs.json"
  awk -v k="$kabar_ps" -v r="$rjs_ps" \
    'BEGIN { if (r > 0) printf "speed ratio kabar / Readability.js (CPU pages/s): %.1fx\n", k / r }'
else
  echo "readability.js: node/npm not available; skipped"
fi

if [ -d "$META/html" ]; then
  echo "== metadata: meta set"
  "$BENCH_HTML" "$META"/html/*.html.gz >"$OUT/meta.jsonl" 2>/dev/null
  python3 "$ROOT/bench/html_meta_score.py" "$META/gold.json" "$OUT/meta.jsonl"
fi
