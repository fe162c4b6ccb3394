#!/usr/bin/env python3
"""Scores the HTML extractor's metadata on the meta set (trafilatura's
evaluation pages): title exact match (white space collapsed), author F1
(per page, over lower-cased word tokens of all names; averaged over pages
whose gold author is given), published day accuracy, site name match.
Null gold fields are skipped.

usage: html_meta_score.py GOLD.json PRED.jsonl [--misses]
PRED: JSONL of kabar article records whose "source" ends in <id>.html[.gz]."""
import json
import os
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def norm(s):
    return " ".join((s or "").split())


def tokens(v):
    if v is None:
        return Counter()
    if isinstance(v, list):
        v = " ".join(v)
    return Counter(t.lower() for t in WORD.findall(v))


def f1(gold, pred):
    g, p = tokens(gold), tokens(pred)
    tp = sum((g & p).values())
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    misses = "--misses" in sys.argv
    preds = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            preds[os.path.basename(rec.get("source") or "").split(".")[0]] = rec
    title_ok = title_n = 0
    auth_f, date_ok, date_n, site_ok, site_n = [], 0, 0, 0, 0
    for pid, g in gold.items():
        p = preds.get(pid, {})
        if g.get("title"):
            title_n += 1
            ok = norm(g["title"]) == norm(p.get("title"))
            title_ok += ok
            if misses and not ok:
                print(f"TITLE  {g['title']!r:60.60} | {p.get('title')!r:.60}")
        if g.get("author"):
            s = f1(g["author"], p.get("author"))
            auth_f.append(s)
            if misses and s < 1:
                print(f"AUTHOR {g['author']!r:40.40} | {p.get('author')!r:.60}")
        if g.get("date"):
            date_n += 1
            date_ok += (p.get("published") or "")[:10] == g["date"]
        if g.get("sitename"):
            site_n += 1
            site_ok += norm(g["sitename"]).lower() == norm(p.get("site_name")).lower()
    print(f"title exact: {title_ok / max(1, title_n):.4f} ({title_ok}/{title_n})")
    print(f"author F1:   {sum(auth_f) / max(1, len(auth_f)):.4f} (pages {len(auth_f)})")
    print(f"date day:    {date_ok / max(1, date_n):.4f} ({date_ok}/{date_n})")
    print(f"site name:   {site_ok / max(1, site_n):.4f} ({site_ok}/{site_n})")


if __name__ == "__main__":
    main()
