#!/usr/bin/env python3
"""Hand-check helper for the plain-text extractor on the id-stream pages:
prints, per record, the input lines the extractor dropped (DROP) and the
short lines it kept (KEEP-short), so residue left and article lines lost can
be read quickly.

usage: pagetext_stream_check.py STREAM.jsonl EXTRACTED.jsonl
EXTRACTED.jsonl is the output of bench_pagetext_stream on STREAM.jsonl."""
import json
import sys


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    recs = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs[r["id"]] = r
    with open(sys.argv[2], encoding="utf-8") as f:
        outs = [json.loads(line) for line in f if line.strip()]
    for o in outs:
        r = recs[o["id"]]
        lines = [x.strip() for x in r["body"].split("\n") if x.strip()]
        body = o["body"]
        kept = set(body)
        print("=====", o["id"], r.get("outlet", ""), "lines", len(lines),
              "body", len(body), "standfirst", (o.get("standfirst") or "")[:60])
        for x in lines:
            if x not in kept:
                print("   DROP:", x[:150])
        for x in body:
            if len(x.split()) < 12:
                print("   KEEP-short:", x[:150])
    return 0


if __name__ == "__main__":
    sys.exit(main())
