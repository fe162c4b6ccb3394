/* kabar ingest: JSON Lines → pages. One object a line with the page as HTML
 * ("html", "raw_html", ...) or plain text ("text", "body", ...), its URL and
 * its fetch time. A bad line is reported as "path:LINE: reason" and reading
 * goes on with the next line. */
#include <string.h>

#include "ingest/ingest_int.h"
#include "kabar/dates.h"

typedef unsigned long long ull;

/* Field names crawlers and scrapers use, most specific first. */
static const char *const html_fields[] = {"html", "raw_html", "content_html",
                                          "page_html"};
static const char *const text_fields[] = {"text", "body", "content",
                                          "page_text", "article"};
static const char *const time_fields[] = {"fetched", "fetch_time", "crawl_time",
                                          "crawled_at", "timestamp"};
/* Metadata scrapers keep beside the page; handed to extraction as hints.
 * A bare "date" is the article's (CC-News, news-please), not the crawl's. */
static const char *const title_fields[] = {"title", "headline"};
static const char *const author_fields[] = {"author", "authors", "byline"};
static const char *const published_fields[] = {"published",    "date_published",
                                               "publish_date", "pubdate",
                                               "date_raw",     "date"};

/* Epoch seconds from a number that may be in milliseconds: anything past
 * the year 5000 in seconds is read as milliseconds. */
static int64_t epoch_of(double v) {
  if (!(v > 0) || v > 9.2e15)
    return 0;
  if (v > 1e11)
    v /= 1000.0;
  return (int64_t)v;
}

static int digit2(const char *s, int *out) {
  if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
    return 0;
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return 1;
}

/* RFC 9110 IMF-fixdate, "Wed, 16 Aug 2023 09:46:00 GMT" (HTTP Date and
 * Last-Modified copied into crawl records). */
static int64_t parse_http_date(const char *s, size_t n) {
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  const char *comma = memchr(s, ',', n);
  if (!comma)
    return 0;
  size_t i = (size_t)(comma - s) + 1;
  while (i < n && s[i] == ' ')
    i++;
  if (i + 20 > n)
    return 0;
  int d, y1, y2, h, mi, sec, mon = 0;
  if (!digit2(s + i, &d) || s[i + 2] != ' ')
    return 0;
  i += 3;
  for (int k = 0; k < 12; k++) {
    int match = 1;
    for (int c = 0; c < 3; c++)
      if ((s[i + (size_t)c] | 0x20) != months[k * 3 + c])
        match = 0;
    if (match)
      mon = k + 1;
  }
  if (!mon || s[i + 3] != ' ')
    return 0;
  i += 4;
  if (!digit2(s + i, &y1) || !digit2(s + i + 2, &y2) || s[i + 4] != ' ')
    return 0;
  i += 5;
  if (!digit2(s + i, &h) || s[i + 2] != ':' || !digit2(s + i + 3, &mi) ||
      s[i + 5] != ':' || !digit2(s + i + 6, &sec))
    return 0;
  kb_datetime t = {.year = y1 * 100 + y2,
                   .month = mon,
                   .day = d,
                   .hour = h,
                   .minute = mi,
                   .second = sec,
                   .has_tz = 1};
  if (d < 1 || d > kb_days_in_month(t.year, mon) || h > 23 || mi > 59 ||
      sec > 60)
    return 0;
  return kb_datetime_epoch(&t);
}

static int64_t time_of(const kb_json *v) {
  if (v->type == KB_JSON_NUM)
    return epoch_of(v->num);
  if (v->type != KB_JSON_STR || v->len == 0)
    return 0;
  size_t digits = 0;
  while (digits < v->len && v->str[digits] >= '0' && v->str[digits] <= '9')
    digits++;
  if (digits == v->len && digits <= 16) {
    double x = 0;
    for (size_t i = 0; i < digits; i++)
      x = x * 10 + (v->str[i] - '0');
    return epoch_of(x);
  }
  kb_datetime t;
  if (kb_datetime_parse_iso(v->str, v->len, &t))
    return kb_datetime_epoch(&t);
  return parse_http_date(v->str, v->len);
}

static const kb_json *first_string(const kb_json *obj, const char *const *names,
                                   size_t n) {
  for (size_t i = 0; i < n; i++) {
    const kb_json *v = kb_json_get(obj, names[i]);
    if (v && v->type == KB_JSON_STR && v->len > 0)
      return v;
  }
  return NULL;
}

kb_status kb_jsonl_next(kb_reader *r, kb_page *page) {
  int overlong;
  kb_status rc;
  for (;;) {
    kb_buf_reset(&r->line_buf);
    if (kb_in_getline(&r->in, &r->line_buf, KB_INGEST_MAX_PAGE, &overlong) ==
        0) {
      if (!r->in.err)
        return KB_DONE;
      r->dead = 1;
      return kb_reader_fail(r, KB_EPARSE, "%s:%llu: %s", r->cur,
                            (ull)r->line + 1, r->in.errmsg);
    }
    r->line++;
    if (overlong)
      return kb_reader_fail(r, KB_ELIMIT,
                            "%s:%llu: line longer than %zu MiB, skipped",
                            r->cur, (ull)r->line, KB_INGEST_MAX_PAGE >> 20);
    const char *s = r->line_buf.data;
    size_t n = r->line_buf.len;
    if (r->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
      s += 3, n -= 3;
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' ||
                 s[n - 1] == '\t'))
      n--;
    while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
    if (n == 0)
      continue;
    kb_json *root;
    size_t err_off = 0;
    rc = kb_json_parse(&r->arena, s, n, 0, &root, &err_off);
    if (rc == KB_ENOMEM)
      return rc;
    if (rc)
      return kb_reader_fail(r, KB_EPARSE, "%s:%llu: invalid JSON at column %zu",
                            r->cur, (ull)r->line, err_off + 1);
    if (root->type != KB_JSON_OBJ)
      return kb_reader_fail(r, KB_EPARSE, "%s:%llu: not a JSON object", r->cur,
                            (ull)r->line);
    const kb_json *content = first_string(
        root, html_fields, sizeof html_fields / sizeof html_fields[0]);
    kb_input_kind kind = KB_INPUT_HTML;
    if (!content) {
      content = first_string(root, text_fields,
                             sizeof text_fields / sizeof text_fields[0]);
      kind = KB_INPUT_TEXT;
    }
    if (!content)
      return kb_reader_fail(r, KB_EPARSE, "%s:%llu: no html or text field",
                            r->cur, (ull)r->line);
    const char *url = kb_json_get_str(root, "url");
    page->url = url && *url ? url : NULL;
    for (size_t i = 0; i < sizeof time_fields / sizeof time_fields[0]; i++) {
      const kb_json *v = kb_json_get(root, time_fields[i]);
      if (v && (page->fetched = time_of(v)) != 0)
        break;
    }
    const kb_json *hint;
    /* first_string gives only non-empty strings */
    if ((hint = first_string(root, title_fields,
                             sizeof title_fields / sizeof *title_fields)))
      page->title = hint->str;
    if ((hint = first_string(root, author_fields,
                             sizeof author_fields / sizeof *author_fields)))
      page->author = hint->str;
    if ((hint =
             first_string(root, published_fields,
                          sizeof published_fields / sizeof *published_fields)))
      page->published = hint->str;
    page->source = kb_arena_printf(&r->arena, "%s:%llu", r->cur, (ull)r->line);
    if (!page->source)
      return KB_ENOMEM;
    /* JSON text is Unicode already (RFC 8259 §8.1): only sanitise */
    return kb_ingest_emit(r, page, content->str, content->len, kind, "utf-8",
                          0);
  }
}
