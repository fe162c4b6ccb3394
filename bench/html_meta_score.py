#!/usr/bin/env python3
"""Scores the HTML extractor's metadata on the meta set (trafilatura's
evaluation pages): title exact match (white space collapsed), the headline figure; next to it a
loose title figure: exact up to letter case, NFKC compatibility forms, dash
and quote variants, with the count of strict misses that differ only in
letter case (CSS text-transform on the site); author F1 over
name sets (per page: gold names = the list, or the string split at , ; & and
the words and/und/et/y/e/dan; predicted names = kabar's ", "-joined list;
a name is its lower-cased word tokens; averaged over pages whose gold author
is given), with the older word-token F1 next to it; published day accuracy;
site name: exact (case-insensitive) where gold has one, and how often a site
name is reported on pages whose HTML declares one (og:site_name,
application-name, JSON-LD publisher/WebSite name: checked with a regex when
--html DIR is given). Null gold fields are skipped.

With --html DIR it also prints what any extractor that copies text from the
page could reach: the gold titles found verbatim in the page (in its text,
an attribute or a JSON string, white space collapsed, entities decoded), and
the author F1 when every gold name found on the page (its words in order, any
letter case) were given and nothing else.

usage: html_meta_score.py GOLD.json PRED.jsonl [--misses] [--html DIR]
PRED: JSONL of kabar article records whose "source" ends in <id>.html[.gz]."""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def norm(s):
    return " ".join((s or "").split())


# dash and quote variants folded by the loose title figure
FOLD = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2033": '"'})


def loose(s):
    """Title up to letter case, NFKC compatibility forms, dash and quote
    variants (white space collapsed)."""
    s = unicodedata.normalize("NFKC", s or "").translate(FOLD)
    return norm(s).casefold()


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


NAME_SEP = re.compile(r"\s*(?:[,;&]|\s(?:and|und|et|y|e|dan)\s)\s*", re.I)


def names(v, pred=False):
    """Set of names, each a tuple of lower-cased word tokens."""
    if not v:
        return set()
    parts = v if isinstance(v, list) else (
        v.split(", ") if pred else NAME_SEP.split(v))
    out = set()
    for p in parts:
        t = tuple(w.lower() for w in WORD.findall(p))
        if t:
            out.add(t)
    return out


def name_f1(gold, pred):
    g, p = names(gold), names(pred, True)
    tp = len(g & p)
    if not tp:
        return 0.0
    prec, rec = tp / len(p), tp / len(g)
    return 2 * prec * rec / (prec + rec)


SITE_DECL = re.compile(
    rb"og:site_name|application-name|\"publisher\"|\"@type\"\s*:\s*\"WebSite\"",
    re.I)


def declares_site(html_dir, pid):
    import gzip
    path = os.path.join(html_dir, pid + ".html.gz")
    try:
        with gzip.open(path) as f:
            return bool(SITE_DECL.search(f.read()))
    except OSError:
        return False


def page_text(html_dir, pid):
    """The page's text three ways (markup kept, tags dropped, JSON \\u
    escapes decoded), entities decoded and white space collapsed."""
    import gzip
    import html as htmlmod
    with gzip.open(os.path.join(html_dir, pid + ".html.gz")) as f:
        raw = f.read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        t = raw.decode("cp1252", errors="replace")
    whole = htmlmod.unescape(t)
    text = htmlmod.unescape(re.sub(r"<[^>]*>", " ", t))
    js = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)),
                whole.replace("\\/", "/"))
    return [norm(x) for x in (whole, text, js)]


def name_on_page(name, texts_cf):
    pat = r"\W+".join(re.escape(w) for w in name)
    return any(re.search(r"(?<!\w)" + pat + r"(?!\w)", t) for t in texts_cf)


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    misses = "--misses" in sys.argv
    html_dir = sys.argv[sys.argv.index("--html") + 1] if "--html" in sys.argv else None
    name_f = []
    decl_n = decl_ok = 0
    preds = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            preds[os.path.basename(rec.get("source") or "").split(".")[0]] = rec
    title_ok = title_n = 0
    loose_ok = case_only = 0
    auth_f, date_ok, date_n, site_ok, site_n = [], 0, 0, 0, 0
    title_on_page = 0
    author_ceiling = []
    for pid, g in gold.items():
        p = preds.get(pid, {})
        texts = page_text(html_dir, pid) if html_dir and (
            g.get("title") or g.get("author")) else None
        if g.get("title"):
            title_n += 1
            if texts:
                title_on_page += any(norm(g["title"]) in t for t in texts)
            ok = norm(g["title"]) == norm(p.get("title"))
            title_ok += ok
            lok = loose(g["title"]) == loose(p.get("title"))
            loose_ok += lok
            # misses that differ only in letter case (CSS text-transform)
            case_only += not ok and norm(g["title"]).casefold() == norm(
                p.get("title")).casefold()
            if misses and not ok:
                tag = "~" if lok else " "
                print(f"TITLE {tag}{pid[:10]} {g['title']!r:60.60} | {p.get('title')!r:.60}")
        if g.get("author"):
            s = f1(g["author"], p.get("author"))
            auth_f.append(s)
            ns = name_f1(g["author"], p.get("author"))
            name_f.append(ns)
            if texts:
                gn = names(g["author"])
                cf = [t.casefold() for t in texts]
                r = sum(name_on_page(n, cf) for n in gn) / max(1, len(gn))
                author_ceiling.append(2 * r / (1 + r) if r else 0.0)
            if misses and ns < 1:
                print(f"AUTHOR {pid[:10]} {g['author']!r:40.40} | {p.get('author')!r:.60}")
        if g.get("date"):
            date_n += 1
            date_ok += (p.get("published") or "")[:10] == g["date"]
        if g.get("sitename"):
            site_n += 1
            site_ok += norm(g["sitename"]).lower() == norm(p.get("site_name")).lower()
        if html_dir and pid in preds and declares_site(html_dir, pid):
            decl_n += 1
            decl_ok += bool(norm(p.get("site_name")))
    print(f"title exact: {title_ok / max(1, title_n):.4f} ({title_ok}/{title_n})")
    print(f"title loose: {loose_ok / max(1, title_n):.4f} ({loose_ok}/{title_n}; exact up to "
          f"letter case, Unicode compatibility forms (NFKC), dash and quote variants; "
          f"{case_only} misses differ only in letter case)")
    print(f"author F1:   {sum(name_f) / max(1, len(name_f)):.4f} (name sets, pages {len(name_f)})")
    print(f"author tokF1:{sum(auth_f) / max(1, len(auth_f)):.4f} (word tokens, pages {len(auth_f)})")
    print(f"date day:    {date_ok / max(1, date_n):.4f} ({date_ok}/{date_n})")
    print(f"site name:   {site_ok / max(1, site_n):.4f} ({site_ok}/{site_n})")
    if html_dir:
        print(f"site given:  {decl_ok / max(1, decl_n):.4f} ({decl_ok}/{decl_n} pages declaring a site name)")
        print(f"ceiling:     title {title_on_page / max(1, title_n):.4f} ({title_on_page}/{title_n} "
              f"gold titles verbatim on the page); author F1 "
              f"{sum(author_ceiling) / max(1, len(author_ceiling)):.4f} (every gold name "
              f"on the page given, nothing else)")


if __name__ == "__main__":
    main()
