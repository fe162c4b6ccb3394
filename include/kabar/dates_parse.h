/* kabar dates: free-text date parsing (month and weekday names from
 * data/dates/, many languages), printed date lines, dates in URLs, dates in
 * an HTML document, and event-date reasoning. Included by kabar/dates.h. */
#ifndef KABAR_DATES_PARSE_H
#define KABAR_DATES_PARSE_H

#ifdef __cplusplus
extern "C" {
#endif

/* What the parser may assume about the text it reads. */
typedef struct kb_date_ctx {
  const char *lang;             /* ISO 639-1 of the text; NULL = any */
  int64_t now;                  /* crawl/fetch time, unix seconds; 0 = the
                                   current time. Dates after now + 1 day and
                                   before 1990 are rejected. */
  const kb_datetime *published; /* publication time when known, else NULL */
} kb_date_ctx;

/* Finds the first date expression in s[0..n): absolute dates in the
 * supported languages ("Rabu, 16 Agustus 2023 09:46 WIB", "Aug 16, 2023",
 * "16/08/2023"), and relative ones ("2 jam lalu", "kemarin", "3 hours ago")
 * resolved against ctx->now. Fills *out and the match's byte range. Returns 1
 * when found, 0 otherwise. */
int kb_date_find(const char *s, size_t n, const kb_date_ctx *ctx,
                 kb_datetime *out, size_t *start, size_t *len);

/* kb_date_find for absolute dates only ("2 jam lalu" is passed over): for a
 * caller without a crawl time, who cannot resolve relative ones. */
int kb_date_find_abs(const char *s, size_t n, const kb_date_ctx *ctx,
                     kb_datetime *out, size_t *start, size_t *len);

/* 1 when the whole line is a printed date line (a date, perhaps with a
 * weekday, time, zone, separators, "Diperbarui", "Published:", an author
 * name before a '|'), and fills *out. For the plain-text classifier. */
int kb_date_line(const char *s, size_t n, const kb_date_ctx *ctx,
                 kb_datetime *out);

/* kb_date_line reading the line once for two answers: KB_DATE_LINE_ANY
 * when it is a date line with relative dates allowed ("2 jam lalu" resolved
 * against ctx->now, into *out, as kb_date_line), KB_DATE_LINE_ABS when it is
 * one with absolute dates only (into *abs, which may be NULL). A line with
 * ANY but not ABS is dated only relatively: a caller without a crawl time
 * leaves it unresolved. */
enum { KB_DATE_LINE_ANY = 1, KB_DATE_LINE_ABS = 2 };
int kb_date_line_kinds(const char *s, size_t n, const kb_date_ctx *ctx,
                       kb_datetime *out, kb_datetime *abs);

/* A date in a URL path (/2023/08/16/, /20230816/, ?date=...). 1 if found. */
int kb_date_from_url(const char *url, kb_datetime *out);

/* Reasons the date of the reported event from the article's paragraphs:
 * explicit dates, weekday + day/month cues "Kamis (4/5)", "(4/5/2023)",
 * anniversaries ("ke-78", "78 tahun", "30th anniversary") with a base date or
 * year stated in the text, "tahun lalu"/"last year", the years the text
 * mentions, consistency between mentions, bounded by ctx->now and
 * ctx->published. Sets *event (from = KB_FROM_INTEXT for a single explicit
 * cue, KB_FROM_INFERRED when combined; confidence 0..1), or from =
 * KB_FROM_NONE when nothing fixes the day. */
kb_status kb_date_reason(const char *const *paras, size_t npara,
                         const kb_date_ctx *ctx, kb_date *event);

/* Publication and modification dates of an HTML document (libxml2 xmlDoc*),
 * from meta tags, JSON-LD, <time>, the URL and printed lines, in that order
 * of trust; each result carries its provenance. url may be NULL. */
kb_status kb_html_dates(void *xml_doc, const char *url, const kb_date_ctx *ctx,
                        kb_date *published, kb_date *modified);

#ifdef __cplusplus
}
#endif
#endif
