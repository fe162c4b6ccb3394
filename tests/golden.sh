#!/usr/bin/env bash
# Golden end-to-end cases: the bundled sample pages through `kabar extract`
# and through ingest + timeline, compared with the expected JSON in
# tests/golden/. After a deliberate change, regenerate with
# tests/golden.sh KABAR SRCDIR --update and review the diff.
# usage: golden.sh KABAR SRCDIR [--update]
set -u
kabar=$(realpath "$1")
src=$(realpath "$2")
update=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
now=2026-11-22T00:00:00Z
cd "$src/data/samples" || exit 1
"$kabar" extract --now "$now" ./*.txt >"$tmp/samples.jsonl"
"$kabar" ingest -q --now "$now" --db "$tmp/k.db" . >/dev/null
"$kabar" timeline --json --db "$tmp/k.db" >"$tmp/timeline.json"
fail=0
pass=0
for f in samples.jsonl timeline.json; do
  if [ "$update" = "--update" ]; then
    cp "$tmp/$f" "$src/tests/golden/$f"
  fi
  if diff -u "$src/tests/golden/$f" "$tmp/$f"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: golden $f differs (see diff above)" >&2
  fi
done
echo "golden: $pass passed, $fail failed"
test "$fail" = 0
