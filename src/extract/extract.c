/* The extraction entry point: sniffs the page kind, runs the HTML or the
 * plain-text extractor, then the shared metadata pass (meta.c). */
#include <string.h>
#include <time.h>

#include "extract/extract_int.h"

void kb_extract_opts_init(kb_extract_opts *o) {
  memset(o, 0, sizeof *o);
}

static int ieq_prefix(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  if (n < k)
    return 0;
  for (size_t i = 0; i < k; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z')
      c += 32;
    if (c != (unsigned char)lit[i])
      return 0;
  }
  return 1;
}

int kb_sniff_html(const char *s, size_t n) {
  /* Markup near the start decides: a doctype, <html>, <head>, <body>, or
   * several tags in the first 1 KB. Page text mentions "<" rarely. */
  size_t lim = n < 1024 ? n : 1024, tags = 0;
  size_t i = 0;
  if (n >= 3 && (unsigned char)s[0] == 0xEF)
    i = 3; /* BOM */
  while (i < lim &&
         (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
    i++;
  if (ieq_prefix(s + i, n - i, "<!doctype html") ||
      ieq_prefix(s + i, n - i, "<html") || ieq_prefix(s + i, n - i, "<head") ||
      ieq_prefix(s + i, n - i, "<?xml"))
    return 1;
  for (; i + 1 < lim; i++) {
    if (s[i] != '<')
      continue;
    const char *t = s + i + 1;
    size_t left = n - i - 1;
    if (ieq_prefix(t, left, "body") || ieq_prefix(t, left, "div") ||
        ieq_prefix(t, left, "p>") || ieq_prefix(t, left, "meta") ||
        ieq_prefix(t, left, "script") || ieq_prefix(t, left, "title") ||
        ieq_prefix(t, left, "article") || ieq_prefix(t, left, "/p>") ||
        ieq_prefix(t, left, "span") || ieq_prefix(t, left, "a href"))
      tags++;
  }
  return tags >= 3;
}

static int has_diag(const kb_article *a, const char *code) {
  for (size_t i = 0; i < a->ndiags; i++)
    if (strcmp(a->diags[i].code, code) == 0)
      return 1;
  return 0;
}

/* Metadata that came with the page fills what the page did not say. */
static kb_status apply_hints(const kb_extract_opts *o, kb_article *a) {
  kb_status rc = KB_OK;
  if (!a->title && o->title_hint)
    rc = kb_article_set(a, &a->title, o->title_hint, strlen(o->title_hint));
  if (!rc && !a->author && o->author_hint)
    rc = kb_article_set(a, &a->author, o->author_hint, strlen(o->author_hint));
  if (!rc && !a->published.from && o->published_hint) {
    kb_date_ctx ctx = {.now = o->now};
    kb_datetime t;
    size_t start, len;
    const char *h = o->published_hint;
    /* a relative hint ("2 jam lalu") only against a known crawl time */
    if (kb_datetime_parse_iso(h, strlen(h), &t) ||
        (o->now > 0 ? kb_date_find(h, strlen(h), &ctx, &t, &start, &len)
                    : kb_date_find_abs(h, strlen(h), &ctx, &t, &start, &len)))
      a->published = (kb_date){t, KB_FROM_META, 0.9};
  }
  return rc;
}

kb_status kb_extract(const char *page, size_t n, const kb_extract_opts *opts,
                     kb_article *out) {
  kb_extract_opts o;
  if (opts)
    o = *opts;
  else
    kb_extract_opts_init(&o);
  /* "now" is the crawl time when known; 0 otherwise, so the date passes
     bound dates by the current time but resolve no relative date ("2 jam
     lalu") against it: an old page's "yesterday" is not today's */
  if (!o.now)
    o.now = o.fetched;
  kb_article_clear(out);
  out->fetched = o.fetched;
  kb_status rc = kb_article_set(out, &out->source, o.source,
                                o.source ? strlen(o.source) : 0);
  if (!rc && o.url)
    rc = kb_article_set(out, &out->url, o.url, strlen(o.url));
  if (rc)
    return rc;
  kb_input_kind kind = o.input;
  if (kind == KB_INPUT_AUTO)
    kind = kb_sniff_html(page, n) ? KB_INPUT_HTML : KB_INPUT_TEXT;
  rc = kind == KB_INPUT_HTML ? kb_html_extract(page, n, &o, out)
                             : kb_text_extract(page, n, &o, out);
  if (!rc && kind == KB_INPUT_HTML && out->nbody == 0 &&
      !(o.flags & KB_EXTRACT_NO_FALLBACK) && !has_diag(out, "listing"))
    rc = kb_extract_text_fallback(page, n, &o, out);
  if (!rc)
    rc = apply_hints(&o, out);
  if (rc)
    return rc;
  if (out->nbody == 0 && out->ndiags == 0)
    rc = kb_article_add_diag(out, "no-body", -1,
                             "no article text found on the page");
  if (!rc)
    rc = kb_extract_finish(&o, out);
  return rc;
}
