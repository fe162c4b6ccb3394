#!/usr/bin/env bash
# End-to-end ingest speed: `kabar ingest` of a day of Indonesian news
# (../shared/data/id-stream, 1,973 JSONL page-text records) into a fresh
# store, with and without clustering; medians of RUNS runs. The anchor in
# the same run is `kabar extract` over the same file (extraction alone,
# no store), so the ratio shows what the store and clustering cost.
# usage: bench/ingest_e2e.sh [BUILD_DIR]   (skips without the data)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-rel}
IN=${KB_DATA:-$ROOT/../shared/data}/id-stream/2025-06-18.jsonl
RUNS=${RUNS:-5}
if [ ! -f "$IN" ]; then
  echo "ingest_e2e: $IN not found; skipping"
  exit 0
fi
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target kabar_cli -j2 >/dev/null
K=$BUILD/kabar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() { # command... → wall seconds
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}
pages=$(wc -l <"$IN")
for mode in extract ingest ingest-no-cluster; do
  for i in $(seq "$RUNS"); do
    rm -f "$tmp"/k.db*
    case $mode in
    extract) time_of "$K" extract "$IN" ;;
    ingest) time_of "$K" ingest -q --db "$tmp/k.db" "$IN" ;;
    ingest-no-cluster) time_of "$K" ingest -q --no-cluster --db "$tmp/k.db" "$IN" ;;
    esac
  done | median >"$tmp/$mode"
  printf '%-18s median %.3f s  %6.0f pages/s\n' "$mode" "$(cat "$tmp/$mode")" \
    "$(echo "$pages / $(cat "$tmp/$mode")" | bc -l)"
done
printf 'ratio ingest / extract (anchor): %.2f\n' \
  "$(echo "$(cat "$tmp/ingest") / $(cat "$tmp/extract")" | bc -l)"
rm -f "$tmp"/k.db*
"$K" ingest -q --db "$tmp/k.db" "$IN" 2>/dev/null || true
printf 'articles %s, events %s, storylines %s\n' \
  "$("$K" articles --db "$tmp/k.db" --json | grep -c '"id"')" \
  "$("$K" events --db "$tmp/k.db" --json | grep -c '"id"')" \
  "$("$K" storylines --db "$tmp/k.db" --json | grep -c '"id"')"
