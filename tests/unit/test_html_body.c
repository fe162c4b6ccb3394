/* Unit tests of the HTML body pass (src/html/html_body.c) on lines the
 * furniture filters decide: printed date lines, absolute and relative, are
 * not body; short lines that only look like them are. Pages written for the
 * test. */
#include <stdio.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kbtest.h"

#define PARA1                                                                  \
  "<p>Banjir setinggi satu meter merendam ratusan rumah warga di kawasan "     \
  "pesisir sejak pagi hari, menurut petugas yang berada di lokasi.</p>"
#define PARA2                                                                  \
  "<p>Warga mengungsi ke balai desa dan masjid terdekat sambil menunggu air "  \
  "surut, sementara petugas membagikan makanan dan selimut.</p>"
#define PARA3                                                                  \
  "<p>Hujan deras diperkirakan masih turun hingga akhir pekan, sehingga "      \
  "warga diminta tetap waspada terhadap banjir susulan.</p>"

static int body_has(const kb_article *a, const char *line) {
  for (size_t i = 0; i < a->nbody; i++)
    if (!strcmp(a->body[i], line))
      return 1;
  return 0;
}

static void extract_with_line(const char *line, kb_article *a) {
  char html[2048];
  snprintf(html, sizeof html,
           "<html lang=\"id\"><body><article><h1>Banjir melanda kota "
           "pesisir</h1><div class=\"info\">%s</div>" PARA1 PARA2 PARA3
           "</article></body></html>",
           line);
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.input = KB_INPUT_HTML;
  kb_article_clear(a);
  CHECK_INT(kb_html_extract(html, strlen(html), &o, a), KB_OK);
}

static void test_date_lines_dropped(void) {
  static const char *const lines[] = {"2 jam lalu",
                                      "3 hours ago",
                                      "Kemarin, 10:15 WIB",
                                      "vor 2 Stunden",
                                      "Selasa, 23/02/2016 15:32 WIB",
                                      "Nov 19, 2019 at 6:46 pm ET"};
  kb_article a;
  kb_article_init(&a);
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
    extract_with_line(lines[i], &a);
    CHECK_INT(a.nbody, 3);
    if (body_has(&a, lines[i]))
      fprintf(stderr, "kept as body: %s\n", lines[i]);
    CHECK(!body_has(&a, lines[i]));
  }
  kb_article_clear(&a);
  kb_arena_clear(&a.arena);
}

static void test_short_lines_kept(void) {
  /* a short line of the article with a number in it is not a date line */
  static const char *const lines[] = {"Dua orang terluka dalam 3 kejadian"};
  kb_article a;
  kb_article_init(&a);
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
    extract_with_line(lines[i], &a);
    CHECK(body_has(&a, lines[i]));
  }
  kb_article_clear(&a);
  kb_arena_clear(&a.arena);
}

int main(void) {
  test_date_lines_dropped();
  test_short_lines_kept();
  return KBT_DONE();
}
