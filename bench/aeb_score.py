#!/usr/bin/env python3
"""Scores extracted article bodies with the article-extraction-benchmark's
metric: per page, 4-word shingles of \\w+ tokens (counted); tp/fp/fn from the
counts, normalised per page to sum 1; precision and recall averaged over
pages; F1 of those two means.

usage: aeb_score.py GROUND_TRUTH.json PREDICTIONS [--per-page]
PREDICTIONS: a JSON file {id: {"articleBody": text}} (optionally wrapped in
{"output": ...}), or a JSONL file of kabar extract records whose "source" ends
in <id>.html[.gz] and whose "body" is a list of paragraphs."""
import json
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    # a text shorter than n tokens is one short shingle, as in the benchmark
    toks = TOKEN.findall(text or "")
    return Counter(t for t in (tuple(toks[i:i + n])
                               for i in range(max(1, len(toks) - n + 1))) if t)


def page_counts(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def load_predictions(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        obj = json.loads(text)
        if isinstance(obj, dict) and "output" in obj:
            obj = obj["output"]
        return {k: v.get("articleBody", "") for k, v in obj.items()}
    except json.JSONDecodeError:
        pass
    preds = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        name = os.path.basename(rec.get("source") or "")
        pid = name.split(".")[0]
        body = rec.get("body") or []
        preds[pid] = "\n".join(body) if isinstance(body, list) else body
    return preds


def score(gold, preds, per_page=False):
    # precision is averaged over pages where something was predicted, recall
    # over pages with a gold body (the benchmark's convention)
    ps, rs = [], []
    rows = []
    for pid, item in gold.items():
        tp, fp, fn = page_counts(item["articleBody"], preds.get(pid, ""))
        exact = fp == 0 and fn == 0
        p = 1.0 if exact else (tp / (tp + fp) if tp + fp > 0 else 0.0)
        r = 1.0 if exact else (tp / (tp + fn) if tp + fn > 0 else 0.0)
        if tp + fp > 0:
            ps.append(p)
        if tp + fn > 0:
            rs.append(r)
        rows.append((pid, p, r))
    P = sum(ps) / len(ps)
    R = sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    if per_page:
        for pid, p, r in sorted(rows, key=lambda x: x[1] + x[2]):
            print(f"{pid[:16]}  P={p:.3f}  R={r:.3f}")
    return F, P, R


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        gold = json.load(f)
    F, P, R = score(gold, load_predictions(sys.argv[2]), "--per-page" in sys.argv)
    print(f"F1={F:.4f} precision={P:.4f} recall={R:.4f} pages={len(gold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
