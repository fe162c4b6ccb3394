#!/bin/sh
# Scores the plain-text extractor on the article-extraction-benchmark page
# text: runs bench_pagetext (built in $1, default build-release) and
# bench/aeb_score.py against the ground truth. Skips when the data is absent.
# Usage: bench/pagetext_eval.sh [build-dir] [--per-page]
set -e
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-release}
data=${KB_DATA:-$here/../../shared/data}/aeb
if [ ! -f "$data/pagetext.json" ] || [ ! -f "$data/ground-truth.json" ]; then
  echo "skip: $data not found"
  exit 0
fi
out=${TMPDIR:-/tmp}/kb-pagetext-pred.$$.json
"$build/bench_pagetext" "$data/pagetext.json" "$out" "${REPEATS:-5}"
python3 "$here/aeb_score.py" "$data/ground-truth.json" "$out" $2
echo "raw page text (no cleaning):"
python3 "$here/aeb_score.py" "$data/ground-truth.json" "$data/pagetext.json"
rm -f "$out"
