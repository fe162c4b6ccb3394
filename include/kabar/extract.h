/* kabar extract: one page (HTML or plain page text) in, one article out.
 * HTML goes through the DOM extractor, text through the line classifier;
 * both end in the same metadata pass (dateline, outlet, credits, language,
 * event date). */
#ifndef KABAR_EXTRACT_H
#define KABAR_EXTRACT_H

#include "kabar/article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kb_input_kind {
  KB_INPUT_AUTO = 0, /* sniff: markup → HTML, else text */
  KB_INPUT_HTML,
  KB_INPUT_TEXT
} kb_input_kind;

typedef struct kb_site_memory
    kb_site_memory; /* lines seen across a site's pages */

typedef struct kb_extract_opts {
  kb_input_kind input;        /* what the page is */
  const char *source;         /* copied to article->source; may be NULL */
  const char *url;            /* the page's URL when known; may be NULL */
  int64_t fetched;            /* crawl time, unix seconds; 0 = unknown */
  int64_t now;                /* the crawl time relative dates are resolved
                                 against; 0 = fetched; when both are 0,
                                 relative dates stay unresolved */
  kb_site_memory *memory;     /* optional cross-page line memory; may be NULL */
  unsigned flags;             /* KB_EXTRACT_* */
  const char *title_hint;     /* metadata given with the page (a JSONL  */
  const char *author_hint;    /* record's fields); used when the page   */
  const char *published_hint; /* itself says nothing; may be NULL       */
} kb_extract_opts;

#define KB_EXTRACT_NO_EVENT_DATE 0x1u /* skip event-date reasoning */
#define KB_EXTRACT_NO_FALLBACK 0x2u   /* HTML: no line-classifier fallback */

void kb_extract_opts_init(kb_extract_opts *o);

/* Extracts page[0..n) (UTF-8) into *out, which must be initialised; it is
 * cleared first. Bad input becomes diagnostics on the article, not an error:
 * the return is KB_OK unless memory or a limit failed. */
kb_status kb_extract(const char *page, size_t n, const kb_extract_opts *opts,
                     kb_article *out);

/* Cross-page memory of lines per site (plain-text furniture detection).
 * Owned by the caller; kb_site_memory_free accepts NULL. */
kb_status kb_site_memory_new(kb_site_memory **out);
void kb_site_memory_free(kb_site_memory *m);
/* Lets the memory see a plain-text page without extracting it, as
 * kb_extract would have: ingest calls it for pages already stored, so a
 * rerun after a kill learns what a clean run learnt. opts gives the page's
 * url/source, which key its site. */
kb_status kb_site_memory_observe(kb_site_memory *m, const char *text, size_t n,
                                 const kb_extract_opts *opts);

#ifdef __cplusplus
}
#endif
#endif
