/* Publication and modification dates of an HTML document, htmldate-style:
 * <meta> tags, JSON-LD, <time>, the URL, printed date lines in elements
 * whose class/id says date/byline, then short date lines anywhere, in that
 * order of trust; dates in comments, sidebars and footers only as a last
 * resort; the day is the site's local day. Called by the HTML extractor on
 * the parsed libxml2 tree. */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <string.h>

#include "dates/dates_int.h"

#define MAX_META_KEYS 64 /* at most 64: the lookups below use 64-bit masks */
#define MAX_CLASS_KEYS 48
#define MAX_ASIDE_KEYS 48
_Static_assert(MAX_META_KEYS <= 64 && MAX_CLASS_KEYS <= 64 &&
                   MAX_ASIDE_KEYS <= 64,
               "key lookups use one 64-bit mask per table");
#define MAX_STAMPS 24
#define TEXT_CAP 400
/* metas at this rank or worse ("date", "dc.date", "timestamp") are often
 * the render or crawl time (html-meta.tsv) */
#define WEAK_META_RANK 6
#define WEAK_META_DAYS 14

typedef struct meta_key {
  char key[48];
  size_t n;
  int mod;  /* 1: modification date */
  int rank; /* lower = trusted more */
} meta_key;

typedef struct class_key {
  char key[24];
  size_t n;
  int rank;
  int modified; /* html-class.tsv "modified": names a modification date */
} class_key;

static struct {
  meta_key meta[MAX_META_KEYS];
  size_t nmeta;
  class_key cls[MAX_CLASS_KEYS];
  size_t ncls;
  class_key aside[MAX_ASIDE_KEYS]; /* rank unused */
  size_t naside;
  /* by a token's first byte and by its length, the keys that have it (bit
   * k = key k): scan_tokens runs on every class and id of a page, and most
   * tokens meet no candidate at all */
  uint64_t cls_first[256], cls_len[24];
  uint64_t aside_first[256], aside_len[24];
  uint64_t meta_first[256], meta_len[48];
  /* a class/id byte: ASCII letters lower-cased and digits as themselves,
   * 0 for the bytes that end a token */
  unsigned char tok_byte[256];
} g_keys; /* immutable after g_keys_once */
static pthread_once_t g_keys_once = PTHREAD_ONCE_INIT;

static void load_keys(void) {
  size_t len;
  kb_lines it;
  kb_str line, f[3];
  const char *data = kb_data_get("dates/html-meta.tsv", &len);
  kb_lines_init(&it, data, data ? len : 0);
  while (data && kb_lines_next(&it, &line) && g_keys.nmeta < MAX_META_KEYS) {
    if (kb_str_split_tabs(line, f, 3) < 3 ||
        f[0].n >= sizeof g_keys.meta[0].key)
      continue;
    meta_key *k = &g_keys.meta[g_keys.nmeta++];
    memcpy(k->key, f[0].p, f[0].n);
    k->n = f[0].n;
    k->mod = kb_str_eq(f[1], "mod");
    k->rank = f[2].n ? f[2].p[0] - '0' : 9;
  }
  data = kb_data_get("dates/html-class.tsv", &len);
  kb_lines_init(&it, data, data ? len : 0);
  while (data && kb_lines_next(&it, &line) && g_keys.ncls < MAX_CLASS_KEYS) {
    size_t nf = kb_str_split_tabs(line, f, 3);
    if (nf < 2 || f[0].n >= sizeof g_keys.cls[0].key)
      continue;
    class_key *k = &g_keys.cls[g_keys.ncls++];
    memcpy(k->key, f[0].p, f[0].n);
    k->n = f[0].n;
    k->rank = f[1].n ? f[1].p[0] - '0' : 9;
    k->modified = nf == 3 && kb_str_eq(f[2], "modified");
  }
  data = kb_data_get("dates/html-aside.tsv", &len);
  kb_lines_init(&it, data, data ? len : 0);
  while (data && kb_lines_next(&it, &line) && g_keys.naside < MAX_ASIDE_KEYS) {
    if (kb_str_split_tabs(line, f, 1) < 1 || f[0].n == 0 ||
        f[0].n >= sizeof g_keys.aside[0].key)
      continue;
    class_key *k = &g_keys.aside[g_keys.naside++];
    memcpy(k->key, f[0].p, f[0].n);
    k->n = f[0].n;
    k->rank = 0;
  }
  for (size_t k = 0; k < g_keys.ncls; k++) {
    const class_key *ck = &g_keys.cls[k];
    if (ck->n == 0)
      continue; /* matches no token */
    g_keys.cls_first[(unsigned char)ck->key[0]] |= 1ull << k;
    g_keys.cls_len[ck->n] |= 1ull << k;
  }
  for (size_t k = 0; k < g_keys.naside; k++) {
    const class_key *ak = &g_keys.aside[k];
    if (ak->n == 0)
      continue; /* matches no token */
    g_keys.aside_first[(unsigned char)ak->key[0]] |= 1ull << k;
    g_keys.aside_len[ak->n] |= 1ull << k;
  }
  for (size_t k = 0; k < g_keys.nmeta; k++) {
    g_keys.meta_first[(unsigned char)g_keys.meta[k].key[0]] |= 1ull << k;
    g_keys.meta_len[g_keys.meta[k].n] |= 1ull << k;
  }
  for (int c = 0; c < 256; c++)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      g_keys.tok_byte[c] = (unsigned char)c;
    else if (c >= 'A' && c <= 'Z')
      g_keys.tok_byte[c] = (unsigned char)(c + 32);
}

/* ---- the best date seen so far of each kind ---------------------------- */
typedef struct found {
  kb_datetime t;
  int rank; /* lower = better; INT_MAX-ish when empty */
  kb_date_from from;
  int amb; /* 1: read from "11/01/2023", day and month could swap */
} found;

typedef struct hstate {
  const kb_date_ctx *ctx;
  int64_t now;
  found pub, mod;
  found time_pub; /* <time> with a published marker */
  int ntime_pub;  /* <time> elements with a published marker */
  found time_any; /* first <time datetime> inside article/header */
  found cls;      /* printed date in a date-class element */
  found line;     /* first short date line anywhere in the body */
  found title;    /* a date in <title> */
  found lead;     /* first text node that starts with a date */
  found aside;    /* first date in comments, sidebars, footers: last resort */
  found modprint; /* a printed "Updated ..." date outside asides */
  found copy;     /* a full date in a copyright line: the very last resort */
  found ddate;    /* first data-date="..." attribute in the article area */
  found desc;     /* a full date in the page's description meta */
  found rel;  /* a relative date ("2 jam lalu") alone in a date-class element,
                 resolved against the crawl time */
  int rel_ok; /* the caller gave the crawl time (ctx->now): relative dates
                 can be resolved; against the current time they cannot (an
                 archived page's "yesterday" is not today's) */
  /* distinct days of strong (rank <= 2) publication dates in metas and
   * JSON-LD: when they disagree, the page's printed date decides */
  found strong[4];
  size_t nstrong;
  /* full timestamps with a non-UTC offset seen in metas, JSON-LD and <time>:
   * the page's local form of a UTC publication time */
  kb_datetime stamps[MAX_STAMPS];
  size_t nstamps;
  /* the UTC ("Z") ones: some sites write their local clock with a Z */
  kb_datetime zstamps[MAX_STAMPS];
  size_t nzstamps;
  kb_arena arena; /* JSON-LD trees */
  int in_article;
  int in_aside;
  int depth;
} hstate;

static void found_init(found *f) {
  memset(f, 0, sizeof *f);
  f->rank = 1000;
}

static int in_window(const hstate *h, const kb_datetime *t) {
  if (t->year < 1990 || t->month < 1 || t->month > 12 || t->day < 1 ||
      t->day > kb_days_in_month(t->year, t->month))
    return 0;
  kb_datetime day = *t;
  if (day.hour < 0)
    day.has_tz = 0;
  return kb_datetime_epoch(&day) <= h->now + 86400;
}

static void keep_stamp(hstate *h, const kb_datetime *t) {
  if (t->hour >= 0 && t->has_tz && t->tz_min != 0 && !h->in_aside &&
      h->nstamps < MAX_STAMPS)
    h->stamps[h->nstamps++] = *t;
  if (t->hour >= 0 && t->has_tz && t->tz_min == 0 && !h->in_aside &&
      h->nzstamps < MAX_STAMPS)
    h->zstamps[h->nzstamps++] = *t;
}

/* 1 when s[0..n) has a digit run that can be a full date's year: four
 * digits from 1990 on, or two right after "<digit>/", "<digit>." or
 * "<digit>-" ("12.05.21"). Every date the walk keeps from text is full and
 * absolute (dmatch_valid_full: a year from 1990; relative ones are refused,
 * an archived page's "yesterday" is not relative to now), so text without
 * such a run is skipped before the tokenizer. A bare digit is not enough:
 * prices, counts and scores are in most text nodes of a page. */
static int may_hold_date(const char *s, size_t n) {
  const uint64_t ones = 0x0101010101010101ull;
  size_t i = 0;
  for (;;) {
    /* eight bytes at a time while none is a digit: x ^ '0' puts the
     * digits at 0..9, then "a byte below 10" is a borrow into its top bit */
    while (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      x ^= ones * '0';
      if (((x - ones * 10) & ~x & ones * 0x80) != 0)
        break;
      i += 8;
    }
    while (i < n && (unsigned char)(s[i] - '0') >= 10)
      i++;
    if (i >= n)
      return 0;
    size_t b = i;
    while (i < n && (unsigned char)(s[i] - '0') < 10)
      i++;
    if (i - b == 4 &&
        (s[b] > '1' || (s[b] == '1' && s[b + 1] == '9' && s[b + 2] == '9')))
      return 1;
    if (i - b == 2 && b >= 2 &&
        (s[b - 1] == '/' || s[b - 1] == '.' || s[b - 1] == '-') &&
        (unsigned char)(s[b - 2] - '0') < 10)
      return 1;
  }
}

/* ISO first (the common machine form), then free text ("Wed, 16 Aug 2023
 * 09:46:00 +0700", "16. August 2023"). */
static int parse_value_raw(const hstate *h, const char *s, kb_datetime *out) {
  if (!s)
    return 0;
  size_t n = strnlen(s, 512);
  while (n && (*s == ' ' || *s == '\n' || *s == '\t'))
    s++, n--;
  if (kb_datetime_parse_iso(s, n, out) && in_window(h, out))
    return 1;
  /* epoch seconds or milliseconds */
  size_t k = 0;
  while (k < n && s[k] >= '0' && s[k] <= '9')
    k++;
  if (k == n && (n == 10 || n == 13)) {
    int64_t v = 0;
    for (size_t i = 0; i < 10; i++)
      v = v * 10 + (s[i] - '0');
    kb_datetime_from_epoch(v, 0, out);
    return in_window(h, out);
  }
  return may_hold_date(s, n) &&
         kb_dates_find_ex(s, n, h->ctx, 0, out, NULL, NULL) &&
         in_window(h, out);
}

static int parse_value(hstate *h, const char *s, kb_datetime *out) {
  if (!parse_value_raw(h, s, out))
    return 0;
  keep_stamp(h, out);
  return 1;
}

static int completeness(const kb_datetime *t) {
  return (t->hour >= 0) + t->has_tz;
}

static void offer(found *f, const kb_datetime *t, int rank, kb_date_from from) {
  /* same rank: a fuller date line (time, zone) is more likely the article's */
  if (rank < f->rank ||
      (rank == f->rank && completeness(t) > completeness(&f->t))) {
    f->t = *t;
    f->rank = rank;
    f->from = from;
    f->amb = 0;
  }
}

static int same_day(const kb_datetime *a, const kb_datetime *b) {
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* A structured (meta, JSON-LD) date: the best one of its kind, and the
 * distinct days of strong publication dates. */
static void offer_pub(hstate *h, int mod, const kb_datetime *t, int rank,
                      kb_date_from from) {
  offer(mod ? &h->mod : &h->pub, t, rank, from);
  if (mod || rank > 2)
    return;
  for (size_t i = 0; i < h->nstrong; i++)
    if (same_day(&h->strong[i].t, t)) {
      offer(&h->strong[i], t, rank, from); /* keep the fuller stamp */
      return;
    }
  if (h->nstrong < sizeof h->strong / sizeof h->strong[0]) {
    found *f = &h->strong[h->nstrong++];
    found_init(f);
    offer(f, t, rank, from);
  }
}

/* 1 for "11/01/2023 ...": two numbers <= 12 that differ, slash-separated,
 * then a four-digit year, so day-first and month-first both read. */
static int slash_ambiguous(const char *s) {
  int v[2] = {0, 0};
  size_t i = 0;
  while (s[i] == ' ')
    i++;
  for (int k = 0; k < 2; k++) {
    int nd = 0;
    while (s[i] >= '0' && s[i] <= '9' && nd < 3)
      v[k] = v[k] * 10 + (s[i++] - '0'), nd++;
    if (nd < 1 || nd > 2 || s[i++] != '/')
      return 0;
  }
  for (int k = 0; k < 4; k++)
    if (s[i + (size_t)k] < '0' || s[i + (size_t)k] > '9')
      return 0;
  return v[0] >= 1 && v[0] <= 12 && v[1] >= 1 && v[1] <= 12 && v[0] != v[1];
}

/* strcmp(a, b) == 0 without a library call: the walk compares every
 * element and attribute name against a few short constants. */
static int str_is(const char *a, const char *b) {
  while (*b && *a == *b)
    a++, b++;
  return *a == *b;
}

/* An attribute's value without allocating: libxml2 keeps it as a text child. */
static const char *attr_value(const xmlAttr *a) {
  if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
    return (const char *)a->children->content;
  return "";
}

static const char *attr(const xmlNode *node, const char *name) {
  for (const xmlAttr *a = node->properties; a; a = a->next) {
    /* the HTML parser lower-cases attribute names too */
    if (a->name && a->name[0] == (xmlChar)name[0] &&
        strcmp((const char *)a->name, name) == 0)
      return attr_value(a);
  }
  return NULL;
}

/* The attributes the walk reads, each the first of its name as attr()
 * finds it; NULL when absent. Gathered in one pass over the attribute list:
 * the walk used to scan the list up to six times per element. */
typedef struct elem_attrs {
  const char *cls, *id, *itemprop, *content, *datetime, *data_date;
  const char *pubdate, *name, *property, *http_equiv;
} elem_attrs;

static void attrs_of(const xmlNode *node, elem_attrs *ea) {
  memset(ea, 0, sizeof *ea);
  for (const xmlAttr *a = node->properties; a; a = a->next) {
    const char *n = (const char *)a->name;
    const char **slot = NULL;
    if (!n)
      continue;
    switch (n[0]) {
    case 'c':
      slot = str_is(n, "class")     ? &ea->cls
             : str_is(n, "content") ? &ea->content
                                    : NULL;
      break;
    case 'd':
      slot = str_is(n, "datetime")    ? &ea->datetime
             : str_is(n, "data-date") ? &ea->data_date
                                      : NULL;
      break;
    case 'h': slot = str_is(n, "http-equiv") ? &ea->http_equiv : NULL; break;
    case 'i':
      slot = str_is(n, "id")         ? &ea->id
             : str_is(n, "itemprop") ? &ea->itemprop
                                     : NULL;
      break;
    case 'n': slot = str_is(n, "name") ? &ea->name : NULL; break;
    case 'p':
      slot = str_is(n, "property")  ? &ea->property
             : str_is(n, "pubdate") ? &ea->pubdate
                                    : NULL;
      break;
    default: break;
    }
    if (slot && !*slot)
      *slot = attr_value(a);
  }
}

/* The elements the walk treats apart; all others are TAG_OTHER. */
typedef enum tag {
  TAG_OTHER,
  TAG_ARTICLE,
  TAG_ASIDE,
  TAG_BODY,
  TAG_FOOTER,
  TAG_H1,
  TAG_HEADER,
  TAG_HTML,
  TAG_MAIN,
  TAG_META,
  TAG_NAV,
  TAG_NOSCRIPT,
  TAG_SCRIPT,
  TAG_STYLE,
  TAG_TIME,
  TAG_TITLE
} tag;

/* libxml2's HTML parser lower-cases element names, so a plain compare
 * suffices. Asked once per element, by first byte: a chain of compares
 * over all the names cost a tenth of the pass. */
static tag tag_of(const xmlNode *node) {
  const char *n = (const char *)node->name;
  if (!n)
    return TAG_OTHER;
  switch (n[0]) {
  case 'a':
    return str_is(n, "article") ? TAG_ARTICLE
           : str_is(n, "aside") ? TAG_ASIDE
                                : TAG_OTHER;
  case 'b': return str_is(n, "body") ? TAG_BODY : TAG_OTHER;
  case 'f': return str_is(n, "footer") ? TAG_FOOTER : TAG_OTHER;
  case 'h':
    return str_is(n, "h1")       ? TAG_H1
           : str_is(n, "header") ? TAG_HEADER
           : str_is(n, "html")   ? TAG_HTML
                                 : TAG_OTHER;
  case 'm':
    return str_is(n, "meta")   ? TAG_META
           : str_is(n, "main") ? TAG_MAIN
                               : TAG_OTHER;
  case 'n':
    return str_is(n, "nav")        ? TAG_NAV
           : str_is(n, "noscript") ? TAG_NOSCRIPT
                                   : TAG_OTHER;
  case 's':
    return str_is(n, "script")  ? TAG_SCRIPT
           : str_is(n, "style") ? TAG_STYLE
                                : TAG_OTHER;
  case 't':
    return str_is(n, "time")    ? TAG_TIME
           : str_is(n, "title") ? TAG_TITLE
                                : TAG_OTHER;
  default: return TAG_OTHER;
  }
}

static unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Every <meta> asks up to four names; an ASCII name asks only the keys of
 * its first byte and length (bit masks), without lower-casing it first. */
static const meta_key *meta_lookup(const char *key) {
  size_t n = strnlen(key, 47);
  unsigned char high = 0;
  for (size_t i = 0; i < n; i++)
    high |= (unsigned char)key[i];
  if (n == 0)
    return NULL;
  if (high & 0x80) { /* Unicode lower-casing can change the length */
    char low[48];
    n = kb_dates_lower(key, n, low, sizeof low);
    if (n == 0)
      return NULL;
    for (size_t i = 0; i < g_keys.nmeta; i++)
      if (g_keys.meta[i].n == n && memcmp(g_keys.meta[i].key, low, n) == 0)
        return &g_keys.meta[i];
    return NULL;
  }
  uint64_t cand = g_keys.meta_first[ascii_lower((unsigned char)key[0])] &
                  g_keys.meta_len[n];
  while (cand) { /* lowest index first: the first matching row, as before */
    int k = __builtin_ctzll(cand);
    cand &= cand - 1;
    size_t i = 0;
    while (i < n && ascii_lower((unsigned char)key[i]) ==
                        (unsigned char)g_keys.meta[k].key[i])
      i++;
    if (i == n)
      return &g_keys.meta[k];
  }
  return NULL;
}

/* A <meta> (or an element with itemprop and content) naming a date. */
static void do_meta(hstate *h, const elem_attrs *ea) {
  const char *content = ea->content ? ea->content : ea->datetime;
  if (!content || !*content)
    return;
  const char *name = ea->name ? ea->name : ea->property;
  if (name && h->desc.rank == 1000 &&
      (strcmp(name, "description") == 0 ||
       strcmp(name, "og:description") == 0)) {
    /* "... (Notizia del 14 Gennaio 2020)": a CMS that prints the date
     * only into its summary; the last resort before no date at all */
    kb_datetime t;
    size_t n = strnlen(content, 400);
    if (may_hold_date(content, n) &&
        kb_dates_find_ex(content, n, h->ctx, 0, &t, NULL, NULL) &&
        in_window(h, &t))
      offer(&h->desc, &t, 0, KB_FROM_META);
    return;
  }
  const char *keys[4] = {ea->property, ea->name, ea->itemprop, ea->http_equiv};
  for (size_t i = 0; i < 4; i++) {
    const meta_key *mk = keys[i] ? meta_lookup(keys[i]) : NULL;
    if (!mk)
      continue;
    kb_datetime t;
    if (!parse_value(h, content, &t))
      continue;
    found *f = mk->mod ? &h->mod : &h->pub;
    offer_pub(h, mk->mod, &t, mk->rank, KB_FROM_META);
    if (f->rank == mk->rank && f->from == KB_FROM_META &&
        memcmp(&f->t, &t, sizeof t) == 0 && slash_ambiguous(content))
      f->amb = 1;
  }
}

/* ---- JSON-LD ----------------------------------------------------------- */
static int is_article_type(const kb_json *obj) {
  const char *type = kb_json_get_str(obj, "@type");
  if (!type) {
    const kb_json *arr = kb_json_get(obj, "@type");
    if (arr && arr->type == KB_JSON_ARR && arr->child &&
        arr->child->type == KB_JSON_STR)
      type = arr->child->str;
  }
  return type && (strstr(type, "Article") || strstr(type, "Posting") ||
                  strstr(type, "Report") || strstr(type, "Story"));
}

static void walk_jsonld(hstate *h, const kb_json *j, int depth) {
  if (!j || depth > 12)
    return;
  if (j->type == KB_JSON_OBJ) {
    /* an article's own dates rank above a page's or an image's */
    int bonus = is_article_type(j) ? 0 : 2;
    static const struct {
      const char *key;
      int mod, rank;
    } keys[] = {
        {"datePublished", 0, 1}, {"dateCreated", 0, 3}, {"dateModified", 1, 1}};
    for (size_t k = 0; k < 3; k++) {
      const char *v = kb_json_get_str(j, keys[k].key);
      kb_datetime t;
      if (v && parse_value(h, v, &t))
        offer_pub(h, keys[k].mod, &t, keys[k].rank + bonus, KB_FROM_JSONLD);
    }
    for (const kb_json *c = j->child; c; c = c->next)
      if (c->type == KB_JSON_OBJ || c->type == KB_JSON_ARR)
        walk_jsonld(h, c, depth + 1);
  } else if (j->type == KB_JSON_ARR) {
    for (const kb_json *c = j->child; c; c = c->next)
      walk_jsonld(h, c, depth + 1);
  }
}

/* JSON-LD that does not parse (an extra closing brace, an unescaped quote in
 * a headline: hand-written templates) still names its dates: read the
 * string after each "datePublished"/"dateModified" key, as htmldate's
 * regular-expression fallback does. */
static void scan_broken_jsonld(hstate *h, const char *s) {
  static const struct {
    const char *key;
    int mod;
  } keys[] = {{"\"datePublished\"", 0}, {"\"dateModified\"", 1}};
  int bonus = strstr(s, "Article\"") || strstr(s, "Posting\"") ? 0 : 2;
  for (size_t k = 0; k < 2; k++) {
    const char *p = strstr(s, keys[k].key);
    if (!p)
      continue;
    p += strlen(keys[k].key);
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    if (*p++ != ':')
      continue;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
      p++;
    if (*p++ != '"')
      continue;
    char val[64];
    size_t n = 0;
    while (p[n] && p[n] != '"' && n < sizeof val - 1)
      n++;
    if (p[n] != '"')
      continue;
    memcpy(val, p, n);
    val[n] = '\0';
    kb_datetime t;
    if (parse_value(h, val, &t))
      offer_pub(h, keys[k].mod, &t, 1 + bonus, KB_FROM_JSONLD);
  }
}

/* 1 when the JSON text s may hold one of the keys walk_jsonld() and
 * scan_broken_jsonld() read: literally, or spelt with an escape (the lenient
 * parser keeps the letter of an unknown one, "\\d"). Most JSON-LD blocks
 * (breadcrumbs, the site's organisation) hold none and are not parsed. */
static int may_name_date(const char *s) {
  for (const char *p = s; (p = strstr(p, "date")) != NULL; p += 4)
    if (strncmp(p + 4, "Published", 9) == 0 ||
        strncmp(p + 4, "Modified", 8) == 0 || strncmp(p + 4, "Created", 7) == 0)
      return 1;
  for (const char *p = s; (p = strchr(p, '\\')) != NULL; p += 2) {
    if (!p[1])
      break;
    if (!strchr("\"\\/bfnrt", p[1])) /* \u.... or an unknown escape */
      return 1;
  }
  return 0;
}

static void do_jsonld(hstate *h, const xmlNode *node) {
  const char *type = attr(node, "type");
  if (!type || !strstr(type, "ld+json"))
    return;
  for (const xmlNode *c = node->children; c; c = c->next) {
    if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) ||
        !c->content)
      continue;
    const char *s = (const char *)c->content;
    if (!may_name_date(s))
      continue;
    kb_json *root = NULL;
    if (kb_json_parse(&h->arena, s, strlen(s), KB_JSON_LENIENT, &root, NULL) ==
        KB_OK)
      walk_jsonld(h, root, 0);
    else
      scan_broken_jsonld(h, s);
  }
}

/* ---- printed dates ----------------------------------------------------- */
static void text_of(const xmlNode *node, char *buf, size_t *len, int depth) {
  for (const xmlNode *c = node->children; c && *len < TEXT_CAP - 1;
       c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      size_t n = strlen((const char *)c->content);
      if (*len + n + 1 >= TEXT_CAP)
        n = TEXT_CAP - 2 - *len;
      memcpy(buf + *len, c->content, n);
      *len += n;
      buf[(*len)++] = ' ';
    } else if (c->type == XML_ELEMENT_NODE && depth < 6 &&
               tag_of(c) != TAG_SCRIPT && tag_of(c) != TAG_STYLE) {
      text_of(c, buf, len, depth + 1);
    }
  }
  buf[*len < TEXT_CAP ? *len : TEXT_CAP - 1] = '\0';
}

/* What the class/id tokens of an element say. */
typedef struct elem_tokens {
  int class_rank; /* best date-class rank of the class tokens; 1000 none */
  int rank;       /* the same over class and id */
  int aside;      /* a class/id token marks comments, sidebars, footers */
  int modified;   /* a class token names a modification date ("updated") */
} elem_tokens;

/* The best rank of the keys in cand (all of the token's length) equal to
 * the token v[0..n), which is compared lower-cased. */
static int key_rank(const class_key *keys, uint64_t cand, const char *v,
                    size_t n, int *modified) {
  int best = 1000;
  while (cand) {
    int k = __builtin_ctzll(cand);
    cand &= cand - 1;
    size_t i = 0;
    while (i < n && g_keys.tok_byte[(unsigned char)v[i]] ==
                        (unsigned char)keys[k].key[i])
      i++;
    if (i < n)
      continue;
    if (keys[k].rank < best)
      best = keys[k].rank;
    if (modified && keys[k].modified)
      *modified = 1;
  }
  return best;
}

/* 1 when the token v[0..n) is the lower-case word w, in any case. */
static int token_is(const char *v, size_t n, const char *w) {
  size_t i = 0;
  while (i < n && w[i] && g_keys.tok_byte[(unsigned char)v[i]] == w[i])
    i++;
  return i == n && w[i] == '\0';
}

static int is_layout_modifier(const char *tok, size_t n) {
  return token_is(tok, n, "has") || token_is(tok, n, "with") ||
         token_is(tok, n, "no");
}

/* Scans a class/id value once, token by token ("post-date" has "post" and
 * "date"), in place and lower-cased only where a key may match; whole
 * tokens only, so "update" is not "date" (ARCHITECTURE.md lesson 3).
 * Tokens end at the first separator from byte TEXT_CAP on. */
static void scan_tokens(const char *v, int is_class, elem_tokens *et) {
  const unsigned char *tb = g_keys.tok_byte;
  /* a class name opening with "has-", "with-" or "no-" ("main-content
   * has-double-sidebar", "with-sidebar") describes a layout around
   * the article, not a sidebar: its aside tokens do not count */
  int first_tok = 1, modifier = 0;
  for (size_t i = 0;; i++) {
    size_t b = i;
    while (tb[(unsigned char)v[i]])
      i++;
    size_t n = i - b;
    if (n && n < sizeof g_keys.cls[0].key) { /* no key is longer */
      unsigned char f0 = tb[(unsigned char)v[b]];
      if (first_tok && n <= 4 && (f0 == 'h' || f0 == 'w' || f0 == 'n') &&
          is_layout_modifier(v + b, n))
        modifier = 1;
      uint64_t cand = g_keys.cls_first[f0] & g_keys.cls_len[n];
      if (cand) {
        int r = key_rank(g_keys.cls, cand, v + b, n,
                         is_class ? &et->modified : NULL);
        if (r < et->rank)
          et->rank = r;
        if (is_class && r < et->class_rank)
          et->class_rank = r;
      }
      cand = g_keys.aside_first[f0] & g_keys.aside_len[n];
      if (cand && !et->aside && !modifier &&
          key_rank(g_keys.aside, cand, v + b, n, NULL) < 1000)
        et->aside = 1;
    }
    if (n)
      first_tok = 0;
    unsigned char c = (unsigned char)v[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      first_tok = 1, modifier = 0;
    if (c == 0 || i >= TEXT_CAP)
      break;
  }
}

static void elem_tokens_of(const elem_attrs *ea, elem_tokens *et) {
  et->class_rank = et->rank = 1000;
  et->aside = et->modified = 0;
  if (ea->cls)
    scan_tokens(ea->cls, 1, et);
  if (ea->id)
    scan_tokens(ea->id, 0, et);
}

/* 1 when the subtree holds an <h1>: the article's headline. */
static int has_headline(const xmlNode *node, int depth) {
  for (const xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        (tag_of(c) == TAG_H1 || (depth < 64 && has_headline(c, depth + 1))))
      return 1;
  return 0;
}

/* 1 when the element holds content beside the article (comments, sidebar,
 * related links, footer) by its name or a class/id token. Layout wrappers
 * named for what sits beside them ("content-area has-sidebar") hold the
 * headline too and are not asides. */
static int is_aside(const hstate *h, const xmlNode *node, tag t,
                    const elem_tokens *et) {
  if (h->in_aside || t == TAG_BODY || t == TAG_MAIN || t == TAG_ARTICLE ||
      t == TAG_HTML)
    return 0;
  if (!et->aside && t != TAG_ASIDE && t != TAG_FOOTER && t != TAG_NAV)
    return 0;
  /* an <aside>/<footer> whose own class names the article's metadata or
   * date ("aside.meta", WordPress "footer.entry-meta") and nothing beside
   * the article is the article's date box, not a sidebar */
  if (!et->aside && et->class_rank < 1000 && t != TAG_NAV)
    return 0;
  return !has_headline(node, 0);
}

static void do_time(hstate *h, const xmlNode *node, const elem_attrs *ea,
                    const elem_tokens *et) {
  const char *dt = ea->datetime;
  kb_datetime t;
  if (!dt || !parse_value(h, dt, &t)) {
    /* <time> without datetime: its text */
    char buf[TEXT_CAP];
    size_t len = 0;
    text_of(node, buf, &len, 0);
    if (!may_hold_date(buf, len) ||
        !kb_dates_find_ex(buf, len, h->ctx, 0, &t, NULL, NULL) ||
        !in_window(h, &t))
      return;
  }
  if (h->in_aside) {
    offer(&h->aside, &t, 0, KB_FROM_TIME);
    return;
  }
  const char *ip = ea->itemprop;
  int published = ea->pubdate != NULL || (ip && strstr(ip, "datePublished")) ||
                  et->class_rank <= 2;
  int shown_mod = et->modified; /* a visible "Updated ..." */
  int modified = (ip && strstr(ip, "dateModified")) || shown_mod;
  if (modified) {
    offer(&h->mod, &t, 6, KB_FROM_TIME);
    if (shown_mod)
      offer(&h->modprint, &t, 0, KB_FROM_TIME);
  } else if (published) {
    h->ntime_pub++;
    offer(&h->time_pub, &t, h->in_article ? 0 : 1, KB_FROM_TIME);
  } else {
    offer(&h->time_any, &t, h->in_article ? 0 : 1, KB_FROM_TIME);
  }
}

static void do_printed(hstate *h, const xmlNode *node, int rank) {
  if (rank >= 1000)
    return;
  if (h->in_aside ? h->aside.rank < 1000
                  : (rank > h->cls.rank ||
                     (rank == h->cls.rank && completeness(&h->cls.t) == 2)))
    return;
  char buf[TEXT_CAP];
  size_t len = 0;
  text_of(node, buf, &len, 0);
  kb_datetime t;
  if (h->rel_ok && !h->in_aside && h->rel.rank == 1000 && len && len < 60) {
    /* the element says only "2 jam lalu" / "yesterday": a line the parser
       reads whole with relative dates allowed, and not without them */
    dscan sc;
    kb_datetime abs;
    if (dscan_init(&sc, buf, len, h->ctx) == KB_OK) {
      if (kb_dates_line_scan(&sc, 1, &t) && in_window(h, &t) &&
          !kb_dates_line_scan(&sc, 0, &abs))
        offer(&h->rel, &t, 0, KB_FROM_PRINTED);
      dscan_clear(&sc);
    }
  }
  if (len == 0 || len >= TEXT_CAP - 2 || !may_hold_date(buf, len))
    return; /* a container, not a date line; or no date at all */
  int mod = 0;
  if (!kb_dates_find_pub(buf, len, h->ctx, &t, &mod) || !in_window(h, &t))
    return;
  if (mod) { /* "Updated: ...": the page's modification date */
    offer(&h->mod, &t, 7, KB_FROM_PRINTED);
    if (!h->in_aside)
      offer(&h->modprint, &t, 0, KB_FROM_PRINTED);
  } else
    offer(h->in_aside ? &h->aside : &h->cls, &t, h->in_aside ? 0 : rank,
          KB_FROM_PRINTED);
}

/* 1 when s[0..st) may stand before a paragraph's opening date: nothing but
 * space and brackets, or a dateline place ("Karlsruhe, (", "New York -"):
 * at most three capitalised words without digits, ending in ',' or '-'. */
static int lead_prefix(const char *s, size_t st) {
  size_t i = 0, e = st;
  while (i < e && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
    i++;
  while (e > i && (s[e - 1] == ' ' || s[e - 1] == '(' || s[e - 1] == '[' ||
                   s[e - 1] == '\n' || s[e - 1] == '\t'))
    e--;
  if (e == i)
    return 1;
  if (e - i > 40 || !(s[e - 1] == ',' || s[e - 1] == '-') ||
      !((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0xC0))
    return 0;
  int words = 1;
  for (size_t k = i; k < e - 1; k++) {
    if (s[k] >= '0' && s[k] <= '9')
      return 0;
    if (s[k] == ' ' && s[k + 1] != ' ')
      words++;
  }
  return words <= 3;
}

/* 1 for a copyright line: "©" or "Copyright". Pages generated on request
 * print the build day there ("Copyright © 19.12.2019 - 12:14 h"); a static
 * page's build day is its publication day when it prints no other. Only
 * footers (asides) are asked. */
static int is_copyright(const char *s, size_t n) {
  for (const char *p = s, *e = s + n; (p = memchr(p, 0xC2, (size_t)(e - p)));
       p++)
    if (p + 1 < e && p[1] == '\xA9')
      return 1;
  for (const char *p = s, *e = s + n; (p = memchr(p, 'o', (size_t)(e - p)));
       p++)
    if (p > s && (p[-1] == 'C' || p[-1] == 'c') && e - p >= 8 &&
        memcmp(p, "opyright", 8) == 0)
      return 1;
  return 0;
}

/* A text node; in_title: its parent is <title>. */
static void do_text(hstate *h, const xmlNode *node, int in_title) {
  if (!node->content)
    return;
  /* nothing left to fill for this text (once a full date line is found, most
   * of the page's text nodes): skip it before reading it */
  if (in_title      ? h->title.rank < 1000
      : h->in_aside ? h->copy.rank < 1000 && h->aside.rank < 1000
                    : h->line.rank < 1000 && completeness(&h->line.t) == 2)
    return;
  const char *s = (const char *)node->content;
  size_t n = strnlen(s, 301);
  if (n < 6 || !may_hold_date(s, n))
    return;
  kb_datetime t;
  if (in_title) {
    if (kb_dates_find_ex(s, n, h->ctx, 0, &t, NULL, NULL) && in_window(h, &t))
      offer(&h->title, &t, 0, KB_FROM_PRINTED);
    return;
  }
  if (h->in_aside && h->copy.rank == 1000 && is_copyright(s, n) &&
      kb_dates_find_ex(s, n, h->ctx, 0, &t, NULL, NULL) && in_window(h, &t))
    offer(&h->copy, &t, 0, KB_FROM_PRINTED);
  if (h->in_aside) {
    int amod = 0;
    if (h->aside.rank == 1000 && n <= 300 &&
        kb_dates_line_ex(s, n, h->ctx, 0, &t) && in_window(h, &t) &&
        kb_dates_find_pub(s, n, h->ctx, &t, &amod) && in_window(h, &t))
      offer(amod ? &h->mod : &h->aside, &t, amod ? 8 : 0, KB_FROM_PRINTED);
    return;
  }
  int have_line = h->line.rank < 1000 && completeness(&h->line.t) == 2;
  if (!have_line && n <= 300 && kb_dates_line_ex(s, n, h->ctx, 0, &t) &&
      in_window(h, &t)) {
    int mod = 0;
    if (!kb_dates_find_pub(s, n, h->ctx, &t, &mod) || !in_window(h, &t))
      return;
    if (mod) {
      offer(&h->mod, &t, 7, KB_FROM_PRINTED);
      offer(&h->modprint, &t, 0, KB_FROM_PRINTED);
    } else {
      offer(&h->line, &t, h->in_article ? 0 : 1, KB_FROM_PRINTED);
    }
    return;
  }
  if (h->lead.rank == 1000 && h->line.rank == 1000) {
    /* "27.1.2022 - Bei der ...", "Karlsruhe, (12.11.2021). Die ...": a
     * paragraph that opens with its date or a dateline */
    size_t st = 0, len = 0;
    if (kb_dates_find_ex(s, n, h->ctx, 0, &t, &st, &len) && in_window(h, &t) &&
        lead_prefix(s, st))
      offer(&h->lead, &t, 0, KB_FROM_PRINTED);
  }
}

/* node and its siblings; in_title: their parent is <title>. */
static void walk(hstate *h, const xmlNode *node, int in_title) {
  for (const xmlNode *c = node; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      do_text(h, c, in_title);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE)
      continue;
    tag t = tag_of(c);
    elem_attrs ea;
    if (t == TAG_META) {
      if (!h->in_aside) {
        attrs_of(c, &ea);
        do_meta(h, &ea);
      }
      continue;
    }
    if (t == TAG_SCRIPT) {
      do_jsonld(h, c);
      continue;
    }
    if (t == TAG_STYLE || t == TAG_NOSCRIPT)
      continue;
    elem_tokens et = {1000, 1000, 0, 0};
    /* inside a sidebar whose date is already kept, the tokens change
     * nothing: is_aside() stops at in_aside, do_printed() at the kept
     * date, and do_time() reads them only outside asides; of the
     * attributes, only a <time>'s datetime is read there */
    if (!h->in_aside || h->aside.rank == 1000) {
      attrs_of(c, &ea);
      elem_tokens_of(&ea, &et);
    } else if (t == TAG_TIME) {
      attrs_of(c, &ea);
    } else {
      memset(&ea, 0, sizeof ea);
    }
    int aside = is_aside(h, c, t, &et);
    if (aside && t == TAG_NAV)
      continue; /* a menu: its dates are other pages' (is_aside: no h1) */
    h->in_aside += aside;
    if (t == TAG_TIME)
      do_time(h, c, &ea, &et);
    else if (!h->in_aside && ea.itemprop && ea.content)
      do_meta(h, &ea);
    if (et.rank < 1000)
      do_printed(h, c, et.rank);
    if (h->in_article && !h->in_aside && h->ddate.rank == 1000 &&
        ea.data_date) {
      /* a script-drawn widget in the article header keeps the day in
       * data-date ("<div data-date='18. März 2020'>"): used only when the
       * article area prints no date of its own */
      kb_datetime dt;
      if (parse_value_raw(h, ea.data_date, &dt))
        offer(&h->ddate, &dt, 0, KB_FROM_PRINTED);
    }
    int article = t == TAG_ARTICLE || t == TAG_HEADER || t == TAG_MAIN;
    h->in_article += article;
    if (h->depth < 256 && c->children) {
      h->depth++;
      walk(h, c->children, t == TAG_TITLE);
      h->depth--;
    }
    h->in_article -= article;
    h->in_aside -= aside;
  }
}

/* The date the page marks as its publication date in the article area: a
 * <time> marked published, a printed line in a "date"/"published" element,
 * or the first <time> inside <article>/<header>/<main>. NULL when none. */
static const found *marked_printed(const hstate *h) {
  if (h->time_pub.rank < 1000)
    return &h->time_pub;
  if (h->cls.rank <= 3)
    return &h->cls;
  if (h->time_any.rank == 0)
    return &h->time_any;
  return NULL;
}

static int64_t day_of(const kb_datetime *t) {
  return kb_days_from_civil(t->year, t->month, t->day);
}

/* The date printed in the article area: a marked one, else the first short
 * date line inside <article>/<header>/<main>. NULL when none. */
static const found *shown_date(const hstate *h) {
  const found *m = marked_printed(h);
  if (m)
    return m;
  if (h->line.rank == 0)
    return &h->line;
  return NULL;
}

/* 1 when a date printed in a date-class element or as a short date line
 * (visible text, not a <time> attribute) falls on t's day. */
static int printed_day(const hstate *h, const kb_datetime *t) {
  return (h->cls.rank < 1000 && same_day(&h->cls.t, t)) ||
         (h->line.rank < 1000 && same_day(&h->line.t, t));
}

/* 1 when the structured data has distinct publication and modification
 * days and the date the page prints is the modification day, not the
 * publication day. */
static int shows_modified(const hstate *h) {
  const found *p = shown_date(h);
  if ((!p || !same_day(&p->t, &h->mod.t)) && h->modprint.rank < 1000)
    p = &h->modprint; /* "Updated Mar 12, 2020" as the only printed date */
  if (!p || h->mod.rank >= 1000 || h->mod.from == KB_FROM_PRINTED ||
      day_of(&h->mod.t) <= day_of(&h->pub.t) || !same_day(&p->t, &h->mod.t))
    return 0;
  /* the publication day printed anywhere in the article area keeps it */
  const found *all[4] = {&h->time_pub, &h->cls, &h->time_any, &h->line};
  for (size_t k = 0; k < 4; k++)
    if (all[k]->rank < 1000 && same_day(&all[k]->t, &h->pub.t))
      return 0;
  return 1;
}

/* 1 when the only date the page prints is an "Updated <date>" line later
 * than the structured publication date (which the page then no longer
 * shows): a revised evergreen article stands by its revision day, also
 * when the structured modification date is a later silent re-save. */
static int only_update_shown(const hstate *h) {
  return h->modprint.rank < 1000 && h->pub.rank < 1000 &&
         h->time_pub.rank >= 1000 && h->cls.rank >= 1000 &&
         h->time_any.rank >= 1000 && h->line.rank >= 1000 &&
         day_of(&h->modprint.t) > day_of(&h->pub.t);
}

/* The publication DAY is the day in the site's own time zone. A UTC
 * timestamp (metas and JSON-LD often carry one) can fall on the neighbouring
 * day: take the local form of the same instant when the page has one, else
 * the neighbouring day that the URL or the printed date shows, when a UTC
 * offset between -10 and +12 hours explains the difference. A timestamp
 * with a non-zero offset is already local and stays. */
/* Some sites write their local clock with a "Z" ("15:32:01Z" in a meta
 * where the page prints "15:32 WIB"). When a UTC stamp of the page shows the
 * same day, hour and minute as a printed time with a named zone, every UTC
 * stamp of the page is that zone's wall clock: returns the printed time
 * (its zone), else NULL. Equal clocks across a real offset do not happen by
 * chance. */
static const kb_datetime *false_utc(const hstate *h) {
  const found *fs[3] = {&h->cls, &h->line, &h->aside};
  for (size_t k = 0; k < 3; k++) {
    const kb_datetime *c = &fs[k]->t;
    if (fs[k]->rank >= 1000 || c->hour < 0 || !c->has_tz || c->tz_min == 0)
      continue;
    for (size_t i = 0; i < h->nzstamps; i++) {
      const kb_datetime *z = &h->zstamps[i];
      if (same_day(z, c) && z->hour == c->hour && z->minute == c->minute)
        return c;
    }
  }
  return NULL;
}

static void local_day(const hstate *h, kb_date *pub, const kb_datetime *url) {
  kb_datetime *t = &pub->t;
  if (pub->from == KB_FROM_NONE || pub->from == KB_FROM_URL)
    return;
  int utc = t->hour >= 0 && t->has_tz && t->tz_min == 0;
  const kb_datetime *zone = utc ? false_utc(h) : NULL;
  if (zone) { /* the same wall clock, in the zone the page prints */
    t->tz_min = zone->tz_min;
    return;
  }
  if (utc) {
    int64_t e = kb_datetime_epoch(t);
    for (size_t i = 0; i < h->nstamps; i++) {
      int64_t d = kb_datetime_epoch(&h->stamps[i]) - e;
      if (d >= -60 && d <= 60) {
        *t = h->stamps[i];
        return;
      }
    }
  } else if (t->has_tz && t->hour >= 0) {
    return;
  }
  if (utc) {
    /* a printed time that is the same instant on a local clock (minutes
     * equal, a whole quarter-hour offset between -12 and +14 hours) gives
     * the local day: "3/5/2022 22:41" for 2022-05-04T02:41Z */
    kb_datetime u = *t;
    u.second = 0;
    int64_t e = kb_datetime_epoch(&u);
    /* the same instant counts also from a box the walk took for a sidebar
     * (a share bar or metadata column beside the text): minutes equal and
     * a zone-shaped offset are hard to meet by chance */
    const found *fs[5] = {&h->time_pub, &h->cls, &h->time_any, &h->line,
                          &h->aside};
    for (size_t k = 0; k < 5; k++) {
      const kb_datetime *c = &fs[k]->t;
      if (fs[k]->rank >= 1000 || c->hour < 0 || c->has_tz)
        continue;
      kb_datetime cw = *c;
      cw.second = 0;
      int64_t off = kb_datetime_epoch(&cw) - e;
      if (off == 0 || off < -12 * 3600 || off > 14 * 3600 || off % 900 != 0)
        continue;
      kb_datetime_from_epoch(kb_datetime_epoch(t), (int)(off / 60), t);
      return;
    }
  }
  if (utc && t->hour >= 20 && t->minute == 0 && t->second == 0) {
    /* exactly 20:00-23:00 UTC: a date-only value stored as local midnight
     * of the next day east of Greenwich (UTC+1..+4); a real publication
     * time is seldom a whole hour to the second */
    int off = (24 - t->hour) * 60;
    kb_datetime_from_epoch(kb_datetime_epoch(t), off, t);
    return;
  }
  const kb_datetime *alt[2] = {url, NULL};
  const found *m = marked_printed(h);
  /* a marked printed date counts only with its clock time showing the same
   * instant (minutes equal; handled above for UTC) */
  if (!utc && m && m != &h->time_any && m->t.hour >= 0 && !m->t.has_tz) {
    kb_datetime a = m->t, b = *t;
    a.second = b.second = 0;
    int64_t wall = kb_datetime_epoch(&a) - kb_datetime_epoch(&b);
    if (wall >= -11 * 3600 && wall <= 15 * 3600 && wall % 900 == 0)
      alt[1] = &m->t;
  }
  for (size_t k = 0; k < 2; k++) {
    const kb_datetime *a = alt[k];
    if (!a)
      continue;
    int64_t diff = day_of(a) - day_of(t);
    /* without a zone or a time the shift's direction cannot be checked */
    int ok =
        !utc ? (diff == 1 || diff == -1)
             : ((diff == 1 && t->hour >= 12) || (diff == -1 && t->hour < 10));
    if (!ok)
      continue;
    if (a == url) {
      t->year = a->year, t->month = a->month, t->day = a->day;
      t->hour = -1, t->minute = t->second = 0, t->has_tz = 0, t->tz_min = 0;
      pub->from = KB_FROM_URL;
    } else {
      *t = *a;
      pub->from = m->from;
    }
    return;
  }
}

/* "11/01/2023" read day-first (the default outside en-US) when the URL or a
 * date printed on the page shows the month-first day and none the day-first
 * one: machine-made metas often carry a US format on any page. */
static void swap_day_month(const hstate *h, kb_date *pub,
                           const kb_datetime *url) {
  kb_datetime sw = pub->t;
  sw.day = pub->t.month, sw.month = pub->t.day;
  const kb_datetime *all[5] = {url, NULL, NULL, NULL, NULL};
  const found *fs[4] = {&h->time_pub, &h->cls, &h->time_any, &h->line};
  for (size_t k = 0; k < 4; k++)
    if (fs[k]->rank < 1000)
      all[k + 1] = &fs[k]->t;
  int as_read = 0, swapped = 0;
  for (size_t k = 0; k < 5; k++) {
    if (!all[k])
      continue;
    as_read += same_day(all[k], &pub->t);
    swapped += same_day(all[k], &sw);
  }
  if (swapped && !as_read)
    pub->t = sw;
}

#ifdef KB_DATES_DEBUG
#include <stdio.h>
/* developer trace, compiled only with -DKB_DATES_DEBUG */
static void dbg_found(const char *name, const found *f) {
  char iso[32];
  if (f->rank >= 1000)
    return;
  kb_datetime_iso(&f->t, iso);
  fprintf(stderr, "  %-9s %-25s rank %d from %s\n", name, iso, f->rank,
          kb_date_from_name(f->from));
}
static void dbg_state(const hstate *h) {
  dbg_found("pub", &h->pub);
  dbg_found("mod", &h->mod);
  dbg_found("time_pub", &h->time_pub);
  dbg_found("time_any", &h->time_any);
  dbg_found("cls", &h->cls);
  dbg_found("line", &h->line);
  dbg_found("title", &h->title);
  dbg_found("lead", &h->lead);
  dbg_found("aside", &h->aside);
  dbg_found("modprint", &h->modprint);
  dbg_found("copy", &h->copy);
  dbg_found("ddate", &h->ddate);
  dbg_found("desc", &h->desc);
  for (size_t i = 0; i < h->nstrong; i++)
    dbg_found("strong", &h->strong[i]);
}
#endif

static void set_out(kb_date *out, const found *f, double conf) {
  memset(out, 0, sizeof *out);
  out->t = f->t;
  out->from = f->from;
  out->confidence = conf;
}

kb_status kb_html_dates(void *xml_doc, const char *url, const kb_date_ctx *ctx,
                        kb_date *published, kb_date *modified) {
  if (!published || !modified)
    return KB_EINVAL;
  memset(published, 0, sizeof *published);
  memset(modified, 0, sizeof *modified);
  published->t.hour = modified->t.hour = -1;
  xmlDoc *doc = xml_doc;
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root)
    return KB_EINVAL;
  pthread_once(&g_keys_once, load_keys);
  /* without a language from the caller, the page's own <html lang>: an
   * explicit "en-US" reads 05/08/2023 month-first */
  kb_date_ctx page_ctx = {0};
  if (ctx)
    page_ctx = *ctx;
  if (!page_ctx.lang) {
    page_ctx.lang = attr(root, "lang");
    if (!page_ctx.lang)
      page_ctx.lang = attr(root, "xml:lang");
  }
  hstate h;
  memset(&h, 0, sizeof h);
  h.ctx = &page_ctx;
  h.now = kb_dates_now(ctx);
  found_init(&h.pub);
  found_init(&h.mod);
  found_init(&h.time_pub);
  found_init(&h.time_any);
  found_init(&h.cls);
  found_init(&h.line);
  found_init(&h.title);
  found_init(&h.lead);
  found_init(&h.aside);
  found_init(&h.modprint);
  found_init(&h.copy);
  found_init(&h.rel);
  h.rel_ok = ctx && ctx->now > 0;
  found_init(&h.ddate);
  found_init(&h.desc);
  kb_arena_init(&h.arena);
  h.arena.max = 8u << 20;
  walk(&h, root, 0);
  /* the article's own date is marked once (twice with a print header); a
   * "pubdate" marker on many <time> elements is a teaser list's template,
   * and its first item says nothing about the article */
  if (h.ntime_pub >= 3)
    found_init(&h.time_pub);
#ifdef KB_DATES_DEBUG
  dbg_state(&h);
#endif

  kb_datetime ut;
  int has_url = url && kb_date_from_url(url, &ut) && in_window(&h, &ut);
  const found *marked = marked_printed(&h);
  /* against a weak meta, the first short date line of the page counts too */
  const found *weak_alt = marked ? marked : h.line.rank < 1000 ? &h.line : NULL;
  if (h.pub.rank < 1000) {
    /* a URL day that disagrees with a weak meta date wins: URLs are made at
     * publication, "date" metas are often the crawl or render time */
    if (has_url && h.pub.rank >= WEAK_META_RANK && h.pub.t.year &&
        h.pub.t.month && h.pub.t.day && ut.year && ut.month && ut.day &&
        !same_day(&h.pub.t, &ut)) {
      found u = {.t = ut, .rank = 0, .from = KB_FROM_URL};
      set_out(published, &u, 0.8);
    } else if (h.pub.rank >= WEAK_META_RANK && weak_alt &&
               !same_day(&weak_alt->t, &h.pub.t) &&
               !printed_day(&h, &h.pub.t) &&
               day_of(&weak_alt->t) - day_of(&h.pub.t) <= WEAK_META_DAYS &&
               day_of(&h.pub.t) - day_of(&weak_alt->t) <= WEAK_META_DAYS) {
      /* same for a date the page prints as its publication date a few days
       * away; one far away more likely belongs to another item */
      set_out(published, weak_alt, 0.75);
    } else if (shows_modified(&h)) {
      /* the page shows its readers the modification day as its date (a
       * republished or revised article): that is the date it stands by */
      set_out(published, &h.mod, 0.7);
    } else if (only_update_shown(&h)) {
      set_out(published, &h.modprint, 0.65);
    } else {
      set_out(published, &h.pub, h.pub.rank <= 3 ? 0.95 : 0.8);
    }
  } else if (h.time_pub.rank < 1000) {
    set_out(published, &h.time_pub, 0.9);
  } else if (has_url) {
    found u = {.t = ut, .rank = 0, .from = KB_FROM_URL};
    /* the printed line knows the time of day the URL lacks */
    const found *ps[3] = {&h.cls, &h.time_any, &h.line};
    int best = 0;
    for (size_t k = 0; k < 3; k++) {
      const found *p = ps[k];
      if (p->rank < 1000 && completeness(&p->t) > best &&
          same_day(&p->t, &ut)) {
        u.t = p->t;
        best = completeness(&p->t);
      }
    }
    set_out(published, &u, 0.85);
  } else if (h.cls.rank <= 3) {
    /* a date printed in a "date"/"published" element outranks an unmarked
     * <time> (often the page's clock in the site header), as in
     * marked_printed */
    int fuller = h.time_any.rank < 1000 && same_day(&h.time_any.t, &h.cls.t) &&
                 completeness(&h.time_any.t) > completeness(&h.cls.t);
    set_out(published, fuller ? &h.time_any : &h.cls, 0.75);
  } else if (h.time_any.rank < 1000) {
    set_out(published, &h.time_any, 0.75);
  } else if (h.cls.rank < 1000) {
    set_out(published, &h.cls, 0.7);
  } else if (h.line.rank < 1000) {
    set_out(published, &h.line, 0.5);
  } else if (h.rel.rank < 1000) {
    set_out(published, &h.rel, 0.45);
  } else if (h.title.rank < 1000) {
    set_out(published, &h.title, 0.4);
  } else if (h.lead.rank < 1000) {
    set_out(published, &h.lead, 0.3);
  } else if (h.ddate.rank < 1000) {
    set_out(published, &h.ddate, 0.25);
  } else if (h.aside.rank < 1000) {
    set_out(published, &h.aside, 0.2);
  } else if (h.mod.rank < 1000) {
    /* only "Updated ..." anywhere: the best bound on publication there is */
    set_out(published, &h.mod, 0.2);
  } else if (h.desc.rank < 1000) {
    set_out(published, &h.desc, 0.15);
  } else if (h.copy.rank < 1000) {
    set_out(published, &h.copy, 0.1);
  }
  if (h.nstrong > 1 &&
      (published->from == KB_FROM_META || published->from == KB_FROM_JSONLD) &&
      same_day(&published->t, &h.pub.t) && !printed_day(&h, &h.pub.t)) {
    /* strong metas and JSON-LD disagree on the day: the one the page
     * prints (exactly one) is the article's; the others are often a
     * template's or a syndication copy's */
    const found *hit = NULL;
    int nhit = 0;
    for (size_t i = 0; i < h.nstrong; i++)
      if (printed_day(&h, &h.strong[i].t))
        hit = &h.strong[i], nhit++;
    if (nhit == 1)
      set_out(published, hit, 0.8);
  }
  if (published->from == KB_FROM_META && h.pub.amb &&
      same_day(&published->t, &h.pub.t))
    swap_day_month(&h, published, has_url ? &ut : NULL);
  local_day(&h, published, has_url ? &ut : NULL);
  /* a meta date without a time of day: take the time from a printed line of
   * the same day */
  if (published->from == KB_FROM_META || published->from == KB_FROM_JSONLD) {
    const found *p = h.cls.rank < 1000    ? &h.cls
                     : h.line.rank < 1000 ? &h.line
                                          : NULL;
    if (published->t.hour < 0 && p && p->t.hour >= 0 &&
        p->t.year == published->t.year && p->t.month == published->t.month &&
        p->t.day == published->t.day)
      published->t = p->t;
  }
  if (h.mod.rank < 1000)
    set_out(modified, &h.mod, 0.9);
  kb_arena_clear(&h.arena);
  return KB_OK;
}
