#!/usr/bin/env python3
"""Scores kb_html_dates (through the bench_dates driver) on the shared date sets:
  dates     htmldate's evaluation pages: day accuracy (null gold right only when no
            date is returned), coverage, precision when answering
  meta      trafilatura's evaluation pages, the "date" field (null = not annotated,
            not scored)
  id-pages  Indonesian pages: day and minute accuracy against ISO +07:00 gold
Usage: dates_eval.py BENCH_DATES_BINARY [--fail-list N | --failures]
  --failures prints every failing page (set, id, gold, answer, source)
Skips (exit 0) when ../shared/data (beside the repository; or $KB_DATA) is
absent."""
import collections, datetime, json, os, subprocess, sys

DATA = os.environ.get(
    "KB_DATA",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data"))


def run(binary, items, timing=False):
    inp = "".join(f"{path}\t{url or ''}\n" for path, url in items)
    args = [binary] + (["--time"] if timing else [])
    p = subprocess.run(args, input=inp, capture_output=True, text=True)
    out = {}
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if len(f) >= 3:
            out[f[0]] = (None if f[1] == "null" else f[1], f[2], f[3] if len(f) > 3 else "")
    return out, p.stderr.strip()


def score_days(name, gold, got, score_null, fails):
    n = right = answered = right_answered = 0
    kinds = collections.Counter()
    by_from = collections.Counter()
    for gid, g in gold.items():
        gd = g.get("date")
        if gd is None and not score_null:
            continue
        n += 1
        day, frm, _ = got.get(gid, (None, "", ""))
        if day is not None:
            answered += 1
            by_from[frm] += 1
        ok = day == gd
        right += ok
        if day is not None and ok:
            right_answered += 1
        if not ok:
            if gd is None:
                kinds["date given, gold null (" + frm + ")"] += 1
                fails.append((name, gid, "null", day, frm))
            elif day is None:
                kinds["no date found"] += 1
                fails.append((name, gid, gd, "null", "none"))
            else:
                try:
                    dd = abs((datetime.date.fromisoformat(day) - datetime.date.fromisoformat(gd)).days)
                except ValueError:
                    dd = 999
                k = "off by 1 day" if dd == 1 else "off <= 31 days" if dd <= 31 else "off > 31 days"
                kinds[k + " (" + frm + ")"] += 1
                fails.append((name, gid, gd, day, frm))
    print(f"## {name}: {n} pages")
    print(f"accuracy {right / n:.3f}  coverage {answered / n:.3f}  "
          f"precision when answering {right_answered / max(answered, 1):.3f}")
    print("answers by source: " + ", ".join(f"{k or 'none'} {v}" for k, v in by_from.most_common()))
    print("| failure kind | pages |\n|---|---|")
    for k, v in kinds.most_common():
        print(f"| {k} | {v} |")
    print()


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    nfail = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--fail-list" else 0
    if "--failures" in sys.argv[2:]:
        nfail = 1 << 30
    if not os.path.isdir(DATA):
        print(f"no {DATA}: skipped")
        return 0
    fails = []
    for name, score_null in (("dates", True), ("meta", False)):
        gold = json.load(open(f"{DATA}/{name}/gold.json"))
        items = [(f"{DATA}/{name}/html/{gid}.html.gz", g.get("url")) for gid, g in gold.items()]
        got, err = run(binary, items, timing=(name == "dates"))
        if err:
            print(err)
        score_days(name, gold, got, score_null, fails)
    gold = json.load(open(f"{DATA}/id-pages/gold.json"))
    items = [(f"{DATA}/id-pages/html/{gid}.html.gz", g.get("url")) for gid, g in gold.items()]
    got, _ = run(binary, items)
    n = day_ok = minute_ok = 0
    for gid, g in gold.items():
        n += 1
        day, frm, iso = got.get(gid, (None, "", ""))
        gdt = datetime.datetime.fromisoformat(g["date"])
        if day == g["date"][:10]:
            day_ok += 1
        try:
            dt = datetime.datetime.fromisoformat(iso)
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=gdt.tzinfo)  # an unzoned printed time read as WIB
            if abs((dt - gdt).total_seconds()) < 60:
                minute_ok += 1
            else:
                fails.append(("id-pages", gid, g["date"], iso, frm))
        except ValueError:
            fails.append(("id-pages", gid, g["date"], iso or "null", frm))
    print(f"## id-pages: {n} pages\nday accuracy {day_ok / n:.3f}  minute accuracy {minute_ok / n:.3f}\n")
    for f in fails[:nfail]:
        print("FAIL", *f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
