/* Is a page HTML or plain text? One rule for ingest (which reads a file's
 * charset from <meta> only in HTML) and extraction (which picks the HTML or
 * the text extractor), so both treat a page alike. */
#include <string.h>

#include "kabar/core.h"

/* Tags that open almost every HTML document or fragment. */
static const char *const html_markers[] = {"<!doctype html",
                                           "<html",
                                           "<head",
                                           "<body",
                                           "<meta",
                                           "<title",
                                           "<div",
                                           "<p>",
                                           "<p ",
                                           "</p>",
                                           "<br",
                                           "<script",
                                           "<link",
                                           "<article",
                                           "<span",
                                           "<a href",
                                           "<table",
                                           "<h1",
                                           "<h2",
                                           "<ul",
                                           "<!--"};

static unsigned char lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* 1 when the lower-case needle occurs in s[0..n), in any ASCII case. */
static int has_ci(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  for (size_t i = 0; i + m <= n; i++) {
    size_t k = 0;
    while (k < m && lower((unsigned char)s[i + k]) == (unsigned char)needle[k])
      k++;
    if (k == m)
      return 1;
  }
  return 0;
}

int kb_sniff_html(const char *s, size_t n) {
  if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    s += 3, n -= 3;
  if (n > 1024)
    n = 1024; /* the head of the page decides */
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                   s[i] == '\r' || s[i] == '\f'))
    i++;
  /* a page opening with a tag ("<script>", "<?xml", "<!--") and naming one
   * HTML marker, or any text naming three: page text mentions '<' rarely */
  int starts_tag = i + 1 < n && s[i] == '<' &&
                   ((lower((unsigned char)s[i + 1]) >= 'a' &&
                     lower((unsigned char)s[i + 1]) <= 'z') ||
                    s[i + 1] == '!' || s[i + 1] == '?');
  int markers = 0;
  for (size_t k = 0; k < sizeof html_markers / sizeof html_markers[0]; k++)
    markers += has_ci(s, n, html_markers[k]);
  return (starts_tag && markers >= 1) || markers >= 3;
}
