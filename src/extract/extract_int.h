/* Private seams between the extractors (HTML DOM, plain text) and the shared
 * metadata pass in src/extract/. Not installed. */
#ifndef KB_EXTRACT_INT_H
#define KB_EXTRACT_INT_H

#include "kabar/extract.h"

/* Plain page text → body paragraphs, title, standfirst, printed published
 * date, credit lines (src/pagetext/). */
kb_status kb_text_extract(const char *text, size_t n,
                          const kb_extract_opts *opts, kb_article *out);

/* HTML → body paragraphs, title, standfirst, author, site name, canonical
 * URL, language, published/modified dates (src/html/). */
kb_status kb_html_extract(const char *html, size_t n,
                          const kb_extract_opts *opts, kb_article *out);

/* The plain-text classifier over an HTML page's visible text, for pages
 * whose DOM gave no body (fallback.c). Adds to *out. */
kb_status kb_extract_text_fallback(const char *html, size_t n,
                                   const kb_extract_opts *opts,
                                   kb_article *out);

/* Shared pass after either extractor (meta.c): dateline, outlet, credits
 * found in the body, language when unset, event date. */
kb_status kb_extract_finish(const kb_extract_opts *opts, kb_article *out);

#endif
