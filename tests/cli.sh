#!/usr/bin/env bash
# End-to-end tests of the kabar command: help and exit codes, ingest
# summary and failures, re-ingest without duplicates, a kill in the middle
# of a batch, and the read commands. usage: cli.sh KABAR SRCDIR
set -u
kabar=$(realpath "$1")
src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
check() { # name, then a command that must succeed
  local name=$1
  shift
  if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $name" >&2; fi
}
status() { "$@" >/dev/null 2>&1; echo $?; }

# help and usage
for c in ingest extract articles show events storylines timeline; do
  check "$c --help" bash -c "'$kabar' $c --help | grep -q '^usage: kabar $c'"
done
check "--version" bash -c "'$kabar' --version | grep -q '^kabar [0-9]'"
check "no command is a usage error" test "$(status "$kabar")" = 2
check "unknown command" test "$(status "$kabar" frobnicate)" = 2
check "unknown option" test "$(status "$kabar" ingest --bogus x)" = 2
check "missing store" test "$(status "$kabar" articles --db "$tmp/none.db")" = 3
printf 'not a database' >"$tmp/junk.db"
check "not a store" bash -c "'$kabar' articles --db '$tmp/junk.db' 2>&1 | grep -q 'not a database'"

# ingest the samples; the summary counts them
db=$tmp/k.db
out=$("$kabar" ingest -q --db "$db" "$src/data/samples"; echo "rc=$?")
check "quiet ingest exits 0" grep -q "rc=0" <<<"$out"
out=$("$kabar" ingest --db "$db" "$src/data/samples" 2>&1)
check "re-ingest changes nothing" grep -q "pages read 5, articles stored 0, unchanged 5, failed 0" <<<"$out"
n=$("$kabar" articles --db "$db" --json | grep -c '"id"')
check "five articles" test "$n" = 5

# a bad page among good ones: reported with its name, exit 1, others kept
mkdir -p "$tmp/mixed"
cp "$src/data/samples/000_a7f6cac26c6d8739.txt" "$tmp/mixed/good.txt"
printf '\x00\x01\x02\xff\xfe' >"$tmp/mixed/bad.bin"
printf 'Menu\nHome\n' >"$tmp/mixed/empty.txt"
out=$("$kabar" ingest --db "$tmp/m.db" "$tmp/mixed" 2>&1)
rc=$?
check "a failed page makes exit 1" test "$rc" = 1
check "failure names the file" grep -q "failed: .*empty.txt" <<<"$out"
check "good page stored" grep -q "articles stored 1," <<<"$out"

# killed in the middle of a batch: nothing half-written, a rerun completes
out=$(KABAR_FAULT_ABORT_AFTER=3 "$kabar" ingest -q --batch 2 --db "$tmp/kill.db" "$src/data/samples" 2>&1)
n=$("$kabar" articles --db "$tmp/kill.db" --json 2>/dev/null | grep -c '"id"')
check "killed run kept whole batches only" test "$n" = 2
"$kabar" ingest -q --db "$tmp/kill.db" "$src/data/samples"
n=$("$kabar" articles --db "$tmp/kill.db" --json | grep -c '"id"')
check "rerun completes without duplicates" test "$n" = 5
check "integrity" bash -c "'$kabar' events --db '$tmp/kill.db' --json | grep -q '\"day\"'"

# the rerun after a kill stores what a clean run stores, even where the
# cross-page site memory matters (pages it skips as stored are still seen)
mkdir -p "$tmp/site"
for i in 1 2 3 4 5; do
  printf 'Pembangunan jalan nomor %s dimulai\n\nPemerintah daerah mulai membangun jalan nomor %s yang diharapkan mengurangi kemacetan di pusat kota tahun depan.\n\nKepala dinas mengatakan pekerjaan jalan nomor %s selesai dalam dua tahun jika cuaca mendukung dan anggaran cair tepat waktu.\n\nWarga di sekitar jalan nomor %s menyambut baik rencana itu karena mereka sudah lama menunggu perbaikan akses ke pasar dan sekolah.\n\nMenurut kepala dinas, jalan nomor %s juga akan dilengkapi trotoar dan lampu penerangan agar aman bagi pejalan kaki pada malam hari.\n\nKami berkomitmen menyajikan berita yang akurat dan berimbang untuk para pembaca setia kami di seluruh tanah air setiap hari.\n' "$i" "$i" "$i" "$i" "$i" >"$tmp/site/p$i.txt"
done
"$kabar" ingest -q --db "$tmp/clean.db" "$tmp/site"
out=$(KABAR_FAULT_ABORT_AFTER=3 "$kabar" ingest -q --batch 2 --db "$tmp/rerun.db" "$tmp/site" 2>&1)
"$kabar" ingest -q --db "$tmp/rerun.db" "$tmp/site"
dump() { for id in 1 2 3 4 5; do "$kabar" show --json --db "$1" "$id"; done | sort; }
check "rerun after a kill equals a clean run" test "$(dump "$tmp/clean.db")" = "$(dump "$tmp/rerun.db")"
check "site memory took the repeated footer" bash -c "'$kabar' show --json --db '$tmp/clean.db' 5 | grep -vq 'Kami berkomitmen'"

# read commands
check "show 1" bash -c "'$kabar' show --db '$db' 1 | grep -q '^title '"
check "show --json" bash -c "'$kabar' show --db '$db' --json 1 | grep -q '\"body\":\\['"
check "show missing id" test "$(status "$kabar" show --db "$db" 999)" = 4
check "show bad id" test "$(status "$kabar" show --db "$db" abc)" = 2
check "show huge id" test "$(status "$kabar" show --db "$db" 99999999999999999999999)" = 2
check "events table" bash -c "'$kabar' events --db '$db' | head -1 | grep -q '^id '"
check "storylines" bash -c "'$kabar' storylines --db '$db' --json | grep -q '\"title\"'"
check "timeline query with punctuation" test "$(status "$kabar" timeline --db "$db" 'Kim-Jong "Un')" = 0
check "timeline query without match" bash -c "'$kabar' timeline --db '$db' zzzqqq | grep -q 'no storyline matches'"

# extract: JSON lines, stdin, formats
n=$("$kabar" extract "$src/data/samples"/*.txt | wc -l)
check "extract prints one line per page" test "$n" = 5
check "extract from stdin" bash -c "'$kabar' extract - <'$src/data/samples/003_c6cf95386d819e1d.txt' | grep -q '\"source\":\"-\"'"
check "extract --format markdown" bash -c "'$kabar' extract --format markdown '$src/data/samples/002_6faa7d76818c4bcc.txt' | head -1 | grep -q '^# '"
check "extract missing file" test "$(status "$kabar" extract "$tmp/nope.txt")" = 1

# JSONL records: the record's title, author and date fill what the text lacks
printf '%s\n' '{"url":"https://example.co.id/a/1","title":"Banjir melanda Medan","author":"Budi","date_raw":"Rabu, 18 Jun 2025 07:30 WIB","body":"MEDAN - Banjir melanda sejumlah kawasan di kota itu sejak malam setelah hujan deras turun selama berjam-jam.\n\nWarga mengungsi ke masjid dan sekolah terdekat, kata petugas yang ditemui di lokasi."}' 'not json' >"$tmp/r.jsonl"
out=$("$kabar" extract "$tmp/r.jsonl" 2>"$tmp/err")
rc=$?
check "jsonl bad line makes exit 1" test "$rc" = 1
check "jsonl bad line named" grep -q "r.jsonl:2" "$tmp/err"
check "jsonl title hint" grep -q '"title":"Banjir melanda Medan"' <<<"$out"
check "jsonl author hint" grep -q '"author":"Budi"' <<<"$out"
check "jsonl published hint" grep -q '"published":"2025-06-18T07:30:00+07:00","published_from":"meta"' <<<"$out"

# JSON Lines on stdin are records, not one page
n=$(head -n 1 "$tmp/r.jsonl" | sed 's/"url"/"u"/' | cat - "$tmp/r.jsonl" | "$kabar" extract - 2>/dev/null | wc -l)
check "jsonl on stdin gives a page per good record" test "$n" = 2

# relative dates: resolved against the crawl time (WARC-Date) or --now, and
# left unresolved without either
page='<html lang="id"><body><article><h1>Banjir melanda kota pesisir</h1><span class="date">2 jam lalu</span><p>Banjir setinggi satu meter merendam ratusan rumah warga di kawasan pesisir sejak pagi hari, menurut petugas di lokasi.</p><p>Warga mengungsi ke balai desa dan masjid terdekat sambil menunggu air surut.</p></article></body></html>'
printf '%s' "$page" >"$tmp/rel.html"
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$page")
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-03-10T08:00:00Z\r\nWARC-Target-URI: https://berita.example.id/2025/banjir\r\nWARC-Record-ID: <urn:uuid:rel-1>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http" >"$tmp/rel.warc"
check "relative date against WARC-Date" bash -c "'$kabar' extract '$tmp/rel.warc' | grep -q '\"published\":\"2025-03-10T06:00:00+00:00\"'"
check "relative date against --now" bash -c "'$kabar' extract --now 2025-01-01T12:00:00+07:00 '$tmp/rel.html' | grep -q '\"published\":\"2025-01-01T03:00:00+00:00\"'"
check "relative date without a crawl time" bash -c "'$kabar' extract '$tmp/rel.html' | grep -q '\"published\":null'"
printf '%s\n' '{"url":"https://example.co.id/a/2","date_raw":"2 jam lalu","body":"MEDAN - Banjir melanda sejumlah kawasan di kota itu sejak malam setelah hujan deras turun selama berjam-jam.\n\nWarga mengungsi ke masjid dan sekolah terdekat, kata petugas yang ditemui di lokasi."}' >"$tmp/rel.jsonl"
check "relative JSONL date without a crawl time" bash -c "'$kabar' extract '$tmp/rel.jsonl' | grep -q '\"published\":null'"
check "relative JSONL date against --now" bash -c "'$kabar' extract --now 2025-06-18T10:00:00Z '$tmp/rel.jsonl' | grep -q '\"published\":\"2025-06-18T08:00:00+00:00\"'"
check "relative date line is not body" bash -c "! '$kabar' extract '$tmp/rel.html' | grep -q '\"2 jam lalu\"'"

echo "cli: $pass passed, $fail failed"
test "$fail" = 0
