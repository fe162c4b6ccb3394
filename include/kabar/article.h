/* kabar article: what extraction keeps from a page (body paragraphs and
 * metadata with provenance), and its JSON form. Every pointer in a kb_article
 * is owned by the article's arena and lives until kb_article_clear. */
#ifndef KABAR_ARTICLE_H
#define KABAR_ARTICLE_H

#include "kabar/core.h"
#include "kabar/dates.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A note about a page that did not stop its processing. */
typedef struct kb_diag {
  const char *code;    /* stable identifier, e.g. "no-body", "bad-json" */
  const char *message; /* human words */
  int64_t offset;      /* byte offset in the page, or -1 */
} kb_diag;

typedef struct kb_article {
  const char *source;     /* input path, URL or record name; may be NULL */
  const char *url;        /* canonical URL; NULL when unknown */
  const char *title;      /* headline without the site suffix; may be NULL */
  const char *standfirst; /* the line under the headline; may be NULL */
  const char *outlet;     /* who published it, from the page; may be NULL */
  const char *site_name;  /* site name from metadata (og:site_name); may be NULL */
  const char *author;     /* authors joined by ", "; may be NULL */
  const char *language;   /* ISO 639-1, e.g. "id"; may be NULL */
  const char *dateline;   /* place of the dateline ("MEDAN"); may be NULL */
  const char **credits;   /* agencies credited (KCNA, Reuters, ...) */
  size_t ncredits;
  const char **body;      /* paragraphs, UTF-8, trimmed, none empty */
  size_t nbody;
  kb_date published;      /* from == KB_FROM_NONE when unknown */
  kb_date modified;
  kb_date event;          /* event_date: day only */
  double confidence;      /* how sure the extractor is of the body, 0..1 */
  int64_t fetched;        /* crawl time, unix seconds; 0 = unknown */
  kb_diag *diags;
  size_t ndiags;
  kb_arena arena;         /* owns everything above */
  size_t cap_body, cap_credits, cap_diags; /* internal */
} kb_article;

void kb_article_init(kb_article *a);
/* Forgets the article's contents, keeping one arena block so the next page
 * allocates nothing new; a is ready for the next page. */
void kb_article_clear(kb_article *a);
/* Frees everything the article holds; a may be initialised again. */
void kb_article_free(kb_article *a);

/* Setters copy their input into the article's arena. */
kb_status kb_article_set(kb_article *a, const char **field, const char *s,
                         size_t n);
kb_status kb_article_add_para(kb_article *a, const char *s, size_t n);
/* Adds a credit unless an equal one (ASCII case-insensitive) is there. */
kb_status kb_article_add_credit(kb_article *a, const char *s, size_t n);
kb_status kb_article_add_diag(kb_article *a, const char *code, int64_t offset,
                              const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Appends the article as one line of JSON (no newline). Fields: source,
 * url, title, standfirst, outlet, site_name, author, language, dateline,
 * credits, published, published_from, modified, modified_from, event_date,
 * event_date_from, event_date_confidence, confidence, body, diagnostics. */
kb_status kb_article_to_json(const kb_article *a, kb_buf *out);

/* The whole body as one text, paragraphs joined by "\n\n". */
kb_status kb_article_body_text(const kb_article *a, kb_buf *out);

#ifdef __cplusplus
}
#endif
#endif
