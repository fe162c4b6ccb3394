/* The extraction entry point: sniffs the page kind, runs the HTML or the
 * plain-text extractor, then the shared metadata pass (meta.c). */
#include <string.h>

#include "extract/extract_int.h"

void kb_extract_opts_init(kb_extract_opts *o) {
  memset(o, 0, sizeof *o);
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
