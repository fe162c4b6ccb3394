/* kabar ingest: turns paths into pages. Files and folders (recursive),
 * plain text, HTML, WARC (.warc, .warc.gz), JSONL, and "-" for stdin; every
 * page comes out as UTF-8 with its URL and fetch time when known. */
#ifndef KABAR_INGEST_H
#define KABAR_INGEST_H

#include "kabar/core.h"
#include "kabar/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kb_page {
  const char *source;  /* "path", "path#record=N" (WARC), "path:LINE" (JSONL) */
  const char *url;     /* NULL when unknown */
  int64_t fetched;     /* unix seconds; 0 = unknown */
  kb_input_kind kind;  /* HTML, TEXT, or AUTO when the container did not say */
  const char *data;    /* UTF-8, NUL-terminated */
  size_t len;          /* bytes of data */
  const char *charset; /* the charset the bytes were converted from */
  const char *title;     /* metadata a container gave with the page (JSONL */
  const char *author;    /* "title", "author", "published"/"date_raw"...); */
  const char *published; /* raw text, NULL when absent */
} kb_page;             /* all pointers owned by the reader until the next call */

typedef struct kb_reader kb_reader;

/* Forces how files are read, instead of sniffing by name and content. */
#define KB_READ_FORCE_TEXT 0x1u /* every file or record is plain text */
#define KB_READ_FORCE_HTML 0x2u /* every file or record is HTML */

/* Opens path ("-" = one page from standard input; a folder is walked
 * recursively in name order). Free with kb_reader_free. */
kb_status kb_reader_open(const char *path, unsigned flags, kb_reader **out);

/* Next page: KB_ROW with *page filled; KB_DONE at the end; KB_EPARSE or
 * KB_EIO when one page or file could not be read (kb_reader_errmsg says which
 * and why; call again to go on); other codes are fatal.
 * KB_ELIMIT is not fatal either: one page (file, WARC record, JSONL line)
 * was over the 64 MiB cap and was skipped; call again to go on. Only
 * KB_ENOMEM and KB_EINVAL end the reading. */
kb_status kb_reader_next(kb_reader *r, kb_page *page);
const char *kb_reader_errmsg(const kb_reader *r);
void kb_reader_free(kb_reader *r);

/* Converts bytes in a declared or detected charset to UTF-8 (appended to
 * out). declared may be NULL (then: BOM, <meta charset>, XML declaration,
 * UTF-8 validity, windows-1252). *used (may be NULL) gets a static name. */
kb_status kb_to_utf8(const char *s, size_t n, const char *declared,
                     int is_html, kb_buf *out, const char **used);

/* The WHATWG name of a charset label ("latin1" → "windows-1252", "x-sjis"
 * → "Shift_JIS"), or NULL when the label is unknown. Static storage. */
const char *kb_charset_canonical(const char *label, size_t n);

#ifdef __cplusplus
}
#endif
#endif
