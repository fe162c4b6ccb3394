/* Deterministic mutation test for src/html: feeds kb_html_extract article
 * pages (JSON-LD, meta tags, <time>, tables, deep nesting, huge attributes,
 * broken entities, NUL bytes, invalid UTF-8) corrupted with a fixed seed, and
 * checks that it ends, returns KB_OK, and hands out only valid UTF-8. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "extract/extract_int.h"
#include "html/html_int.h"
#include "kbfuzz.h"
#include "kbtest.h"

/* Rounds per seed page; small pages take ~1 ms each under ASan. The big
 * pages (10,000 nested <div>s, a 1 MB text node) run BIG_ROUNDS.
 * KB_FUZZ_ROUNDS and KB_FUZZ_SEED in the environment run longer searches. */
#define ROUNDS 150
#define BIG_ROUNDS 2

#define SEED 0x9E3779B97F4A7C15ull /* this test's own generator seed */

/* Snippets that steer mutations into the extractors' corners. */
static const char *const dict[] = {
    "<script type=\"application/ld+json\">",
    "</script>",
    "{\"@type\":\"NewsArticle\",\"datePublished\":\"",
    "\"articleBody\":\"",
    "<meta property=\"article:published_time\" content=\"",
    "<meta name=\"author\" content=\"",
    "<time datetime=\"2023-08-16T09:46:00+07:00\">",
    "<table><tr><td>",
    "</td></tr></table>",
    "<div class=\"related read-more\">",
    "<p>",
    "</p>",
    "<article>",
    "&#x110000;",
    "&#0;",
    "&amp",
    "&#xD800;",
    "\xed\xa0\x80",
    "\xf4\x90\x80\x80",
    "\xc0\xaf",
    "\0",
    "\x01\x1b\x7f",
    "<!--",
    "<![CDATA[",
    "Rabu (16/8/2023)",
    "99999999999999999999",
    "[[[[[[[[{{{{",
    "\\u0000\\ud800",
    "<br><br><br>",
    "<h1>",
    "<og:title",
};

static void mutate(kb_buf *b, const kb_buf *other) {
  kbf_mutate(b, other, dict, sizeof dict / sizeof dict[0]);
}

static const int64_t now_fixed = 1700000000; /* 2023-11-14 */

static long slow_runs;

static void run_one(const char *page, size_t n) {
  kb_article a;
  kb_article_init(&a);
  kb_extract_opts o;
  memset(&o, 0, sizeof o);
  o.input = KB_INPUT_HTML;
  o.url = "https://news.example.org/2023/08/16/some-story";
  o.now = now_fixed;
  clock_t t0 = clock();
  kb_status rc = kb_html_extract(page, n, &o, &a);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  if (secs > 2.0 + (double)n / 1e6 * 4.0)
    slow_runs++;
  CHECK(rc == KB_OK || rc == KB_ELIMIT);
  for (size_t i = 0; i < a.nbody; i++) {
    CHECK(a.body[i] != NULL && a.body[i][0] != '\0');
    if (!text_ok(a.body[i])) {
      CHECK(!"body paragraph is not clean UTF-8");
      kbf_show("body", a.body[i]);
      break;
    }
  }
  CHECK(text_ok(a.title));
  CHECK(text_ok(a.standfirst));
  CHECK(text_ok(a.author));
  CHECK(text_ok(a.site_name));
  CHECK(kb_utf8_valid(a.url ? a.url : "", a.url ? strlen(a.url) : 0));
  CHECK(kbf_date_ok(&a.published, now_fixed));
  CHECK(kbf_date_ok(&a.modified, now_fixed));
  CHECK(a.confidence >= 0 && a.confidence <= 1);
  kb_article_free(&a);
}

/* ---- seeds ------------------------------------------------------------ */
static void seed_article(kb_buf *b) {
  kb_buf_puts(
      b, "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
         "<title>Banjir melanda kota pesisir | Kabar Contoh</title>"
         "<meta property=\"og:title\" content=\"Banjir melanda kota pesisir\">"
         "<meta property=\"og:site_name\" content=\"Kabar Contoh\">"
         "<meta name=\"author\" content=\"Budi Santoso\">"
         "<meta property=\"article:published_time\" "
         "content=\"2023-08-16T09:46:00+07:00\">"
         "<meta property=\"article:modified_time\" content=\"2023-08-17\">"
         "<link rel=\"canonical\" href=\"https://news.example.org/a/1\">"
         "<script type=\"application/ld+json\">{\"@context\":\"https://"
         "schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":"
         "\"Banjir melanda\",\"datePublished\":\"2023-08-16T09:46:00+07:00\","
         "\"author\":[{\"@type\":\"Person\",\"name\":\"Budi\"}],"
         "\"articleBody\":\"Hujan deras turun sejak pagi. \\u00e9\\n"
         "Warga mengungsi.\"}]}</script></head><body>"
         "<header><nav><a href=\"/\">Beranda</a> <a href=\"/x\">Nasional</a>"
         "</nav></header><article><h1>Banjir melanda kota pesisir</h1>"
         "<p class=\"lead\">Ribuan warga mengungsi setelah hujan deras.</p>"
         "<time datetime=\"2023-08-16T09:46:00+07:00\">Rabu, 16 Agustus 2023 "
         "09:46 WIB</time><div class=\"content\">"
         "<p>JAKARTA - Hujan deras yang turun sejak Selasa (15/8) malam "
         "membuat sungai meluap dan merendam ratusan rumah warga di tepi "
         "pantai.</p><p>Menurut petugas, air mulai surut pada Rabu pagi, "
         "tetapi warga belum bisa kembali ke rumah mereka karena lumpur.</p>"
         "<figure><img src=\"a.jpg\"><figcaption>Foto: warga</figcaption>"
         "</figure><p>Pemerintah daerah menyiapkan dapur umum &amp; tenda "
         "darurat &mdash; bantuan terus berdatangan&hellip;</p>"
         "<div class=\"baca-juga\">Baca Juga: <a href=\"/y\">Berita lain</a>"
         "</div><p>(ant/rtr)</p></div></article><aside class=\"related\">"
         "<ul><li><a href=\"/z\">Terkait satu</a></li></ul></aside>"
         "<footer>&copy; 2023 Kabar Contoh</footer></body></html>");
}

static void seed_table(kb_buf *b) {
  kb_buf_puts(
      b, "<html><head><meta name=\"date\" content=\"16.08.2023\">"
         "<meta http-equiv=\"content-language\" content=\"de\"></head><body>"
         "<main><h1>Wahlergebnisse im Überblick</h1><p>Die Ergebnisse der "
         "Wahl vom Sonntag liegen nun vor und zeigen deutliche "
         "Verschiebungen zwischen den Parteien.</p><table><thead><tr><th>"
         "Partei</th><th>Stimmen</th></tr></thead><tbody><tr><td>A</td><td>"
         "31,2 %</td></tr><tr><td>B<td>28,9 %<tr><td colspan=99999999>C</td>"
         "</tbody></table><p>Die Wahlbeteiligung lag bei 61 Prozent, wie das "
         "Landesamt am 16. August 2023 mitteilte.</p><table><tr><td><table>"
         "<tr><td>verschachtelt</td></tr></table></td></tr></table>"
         "<p>Letzte Änderung: 17.08.2023, 10:12 Uhr</p></main></body></html>");
}

static void seed_broken(kb_buf *b) {
  kb_buf_puts(b, "<html><body><div id=\"x\" class=\"");
  for (int i = 0; i < 20000; i++) /* a 100 KB attribute */
    kb_buf_puts(b, "abcd ");
  kb_buf_puts(b, "\"><p>Entities &#; &#x; &#99999999999; &#xFFFFFFFFF; &bogus; "
                 "&lt&gt &#128512; &#x1F600 &nbsp;&nbsp;</p><p>NUL ");
  kb_buf_append(b, "a\0b\0c", 5);
  kb_buf_puts(b, " and bad UTF-8 \xff\xfe \xc3\x28 \xe2\x82 \xf0\x9f\x98 "
                 "\xed\xa0\x80 end of a long enough paragraph here.</p>"
                 "<p>\x01\x02\x03\x1b[31m controls \x7f in text</p><time "
                 "datetime=\"9999-99-99\">x</time><time datetime=\"\">y</time>"
                 "<script type=\"application/ld+json\">{\"datePublished\":"
                 "\"1999-02-30\",\"articleBody\":\"\\ud800\\udc00\\uDFFF\\u0"
                 "\"</script><script type=\"application/ld+json\">[[[[[[[[[["
                 "{]</script><meta content=\"2023-08-16\" "
                 "property=\"article:published_time\"></div></body>");
}

static void seed_deep(kb_buf *b) {
  kb_buf_puts(b, "<html><head><title>Deep</title></head><body>");
  for (int i = 0; i < 10000; i++)
    kb_buf_puts(b, "<div>");
  kb_buf_puts(b, "<p>A paragraph at the bottom of ten thousand divs, with "
                 "enough words to count as body text for a classifier.</p>");
  for (int i = 0; i < 10000; i++)
    kb_buf_puts(b, "</div>");
  kb_buf_puts(b, "</body></html>");
}

static void seed_big_text(kb_buf *b) {
  kb_buf_puts(b, "<html><body><article><p>");
  static const char *const words[] = {"warga ", "the ", "kota ", "banjir ",
                                      "dan ",   "of ",  "yang ", "rain. "};
  while (b->len < (1u << 20))
    kb_buf_puts(b, words[rnd_below(8)]);
  kb_buf_puts(b, "</p></article></body></html>");
}

static long total_rounds;

static void fuzz(const kb_buf *seed, const kb_buf *other, int rounds) {
  kb_buf b;
  kb_buf_init(&b, 0);
  run_one(seed->data, seed->len);
  for (int i = 0; i < rounds; i++) {
    kb_buf_reset(&b);
    kb_buf_append(&b, seed->data, seed->len);
    mutate(&b, other);
    run_one(b.data ? b.data : "", b.len);
    total_rounds++;
  }
  kb_buf_clear(&b);
}

/* Fixed regressions found by fuzzing, kept as plain cases. */
static void regressions(void) {
  static const char *const cases[] = {
      "<p>",
      "<",
      "<html><body><p>\xff</p></body></html>",
      "<script type=\"application/ld+json\">",
      "<time datetime=\"2023-02-29\">29 Februari 2023</time>",
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    run_one(cases[i], strlen(cases[i]));
  /* invalid bytes in a text node used to reach body paragraphs raw
   * (html_dom.c kb_html_collapse); now each is U+FFFD */
  kb_buf b;
  kb_buf_init(&b, 0);
  CHECK_INT(kb_html_collapse(&b, "a\xff b\xc0\xaf\xed\xa0\x80", 9), KB_OK);
  CHECK_STR(kb_buf_cstr(&b), "a\xef\xbf\xbd b\xef\xbf\xbd\xef\xbf\xbd"
                             "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  kb_buf_reset(&b);
  kb_buf_puts(&b, "<html><body><article>");
  for (int i = 0; i < 6; i++)
    kb_buf_puts(&b, "<p>Warga di kota itu mengungsi \x83 setelah hujan "
                    "deras turun sejak pagi dan sungai meluap \xff.</p>");
  kb_buf_puts(&b, "</article></body></html>");
  kb_article a;
  kb_article_init(&a);
  CHECK_INT(kb_html_extract(b.data, b.len, NULL, &a), KB_OK);
  CHECK(a.nbody > 0);
  for (size_t i = 0; i < a.nbody; i++)
    CHECK(text_ok(a.body[i]) && strstr(a.body[i], "\xef\xbf\xbd"));
  kb_article_free(&a);
  /* og:site_name was copied raw from the attribute (html_meta.c) */
  kb_article_init(&a);
  const char *site = "<html><head><meta property=\"og:site_name\" "
                     "content=\"Kabar\x01 Contoh\xff\"></head></html>";
  CHECK_INT(kb_html_extract(site, strlen(site), NULL, &a), KB_OK);
  /* (libxml2 reads the rest of a page after a bad byte as Latin-1) */
  CHECK(a.site_name && !strncmp(a.site_name, "Kabar Contoh", 12) &&
        text_ok(a.site_name));
  kb_article_free(&a);
  kb_article_init(&a);
  site = "<html><head><meta property=\"og:site_name\" "
         "content=\"Kabar Contoh\"></head></html>";
  CHECK_INT(kb_html_extract(site, strlen(site), NULL, &a), KB_OK);
  CHECK_STR(a.site_name, "Kabar Contoh");
  kb_article_free(&a);
  /* a site name of controls only collapses to nothing (trim of an empty,
   * never-allocated buffer: NULL + 0 in kb_str_trim under clang UBSan) */
  kb_article_init(&a);
  site = "<html><head><meta property=\"og:site_name\" "
         "content=\"\x08\"></head></html>";
  CHECK_INT(kb_html_extract(site, strlen(site), NULL, &a), KB_OK);
  CHECK(a.site_name == NULL);
  kb_article_free(&a);
  kb_buf_clear(&b);
  run_one("", 0);
  run_one(NULL, 0);
}

int main(void) {
  int rounds = kbf_setup(SEED, ROUNDS);
  int big = rounds == ROUNDS ? BIG_ROUNDS : rounds / 50 + 1;

  regressions();
  kb_buf s[5];
  for (int i = 0; i < 5; i++)
    kb_buf_init(&s[i], 0);
  seed_article(&s[0]);
  seed_table(&s[1]);
  seed_broken(&s[2]);
  seed_deep(&s[3]);
  seed_big_text(&s[4]);
  fuzz(&s[0], &s[1], rounds);
  fuzz(&s[1], &s[0], rounds);
  fuzz(&s[2], &s[0], rounds);
  fuzz(&s[3], &s[0], big);
  fuzz(&s[4], &s[2], big);
  CHECK_INT(slow_runs, 0);
  fprintf(stderr, "%ld mutated pages\n", total_rounds);
  for (int i = 0; i < 5; i++)
    kb_buf_clear(&s[i]);
  return KBT_DONE();
}
