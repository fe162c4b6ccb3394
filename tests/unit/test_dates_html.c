/* Unit tests for kb_html_dates: the publication-date cascade on small HTML
 * pages written for these tests (metas, JSON-LD, <time>, printed lines,
 * comments and sidebars, UTC vs local day, the URL). */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <string.h>

#include "kabar/dates.h"
#include "kbtest.h"

#define NOW 1795348800 /* 2026-11-22 12:00 UTC */

static char got_from[16];
static char got_mod[11];

/* Runs kb_html_dates on a page written for the test; 1 when it ran. */
static int run_dates(const char *html, const char *url, int64_t now,
                     kb_date *pub, kb_date *mod) {
  htmlDocPtr doc =
      htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  kb_date_ctx ctx = {.now = now};
  int ok = doc && kb_html_dates(doc, url, &ctx, pub, mod) == KB_OK;
  if (doc)
    xmlFreeDoc(doc);
  return ok;
}

static const char *pub_day(const char *html, const char *url) {
  static char day[11];
  kb_date pub, mod;
  snprintf(day, sizeof day, "error");
  got_from[0] = got_mod[0] = '\0';
  if (run_dates(html, url, NOW, &pub, &mod)) {
    snprintf(got_from, sizeof got_from, "%s", kb_date_from_name(pub.from));
    if (mod.from != KB_FROM_NONE)
      kb_datetime_day(&mod.t, got_mod);
    if (pub.from == KB_FROM_NONE)
      snprintf(day, sizeof day, "null");
    else
      kb_datetime_day(&pub.t, day);
  }
  return day;
}

static void test_published_vs_modified(void) {
  CHECK_STR(pub_day("<html><head>"
                    "<meta property=\"article:modified_time\" "
                    "content=\"2024-03-09T10:00:00+01:00\">"
                    "<meta property=\"article:published_time\" "
                    "content=\"2024-03-02T10:00:00+01:00\">"
                    "</head><body><p>Text.</p></body></html>",
                    NULL),
            "2024-03-02");
  CHECK_STR(got_mod, "2024-03-09");
}

static void test_asides(void) {
  /* a comment's date and a sidebar teaser's date come before the article's
   * own printed date in document order; they do not count */
  const char *page =
      "<html><body>"
      "<div class=\"sidebar-left\"><div class=\"teaser\">"
      "<span class=\"date\">03.05.2021</span></div></div>"
      "<div class=\"content has-sidebar\"><h1>Judul</h1>"
      "<span class=\"post-date\">12.04.2021</span><p>Isi berita.</p>"
      "</div>"
      "<ol class=\"comment-list\"><li><time "
      "datetime=\"2021-06-01T10:00:00+02:00\">1 Juni 2021</time></li></ol>"
      "<footer><span class=\"date\">01.01.2022</span></footer>"
      "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-04-12");
  CHECK_STR(got_from, "printed");
  /* when the only date is in a comment, it is still a last resort */
  CHECK_STR(pub_day("<html><body><h1>T</h1><p>Text.</p>"
                    "<div id=\"comments\"><span class=\"date\">"
                    "7 May 2020</span></div></body></html>",
                    NULL),
            "2020-05-07");
}

static void test_utc_local_day(void) {
  /* a UTC meta whose instant the page also gives with its own offset: the
   * publication day is the local day */
  const char *page =
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2023-03-04T03:30:00+00:00\"></head><body><h1>T</h1>"
      "<time datetime=\"2023-03-03T22:30:00-05:00\">March 3, 2023</time>"
      "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2023-03-03");
  /* a full day in the URL one day off, explained by an offset */
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"2023-03-04T18:30:00Z\"></head><body></body>"
                    "</html>",
                    "https://news.example/2023/03/05/story"),
            "2023-03-05");
  /* no offset of -10..+12 hours turns 10:04 UTC into the day before */
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"2023-03-04T10:04:00Z\"></head><body></body>"
                    "</html>",
                    "https://news.example/2023/03/03/story"),
            "2023-03-04");
  /* a timestamp with a non-zero offset is already local */
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"2023-03-04T00:30:00+07:00\"></head><body>"
                    "</body></html>",
                    "https://news.example/2023/03/03/story"),
            "2023-03-04");
}

static void test_weak_meta(void) {
  /* a bare "date" meta (often the render time) a few days away from the
   * date the page prints as published */
  const char *page = "<html><head><meta name=\"date\" "
                     "content=\"2022-02-12\"></head><body><h1>T</h1>"
                     "<span class=\"published\">05.02.2022</span>"
                     "<p>Text.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-02-05");
  /* a strong meta is kept */
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"2022-02-12T08:00:00+01:00\"></head><body>"
                    "<h1>T</h1><span class=\"published\">05.02.2022</span>"
                    "</body></html>",
                    NULL),
            "2022-02-12");
}

static void test_page_lang(void) {
  CHECK_STR(pub_day("<html lang=\"en-US\"><body><h1>T</h1>"
                    "<span class=\"date\">05/08/2023</span></body></html>",
                    NULL),
            "2023-05-08");
  CHECK_STR(pub_day("<html lang=\"en\"><body><h1>T</h1>"
                    "<span class=\"date\">05/08/2023</span></body></html>",
                    NULL),
            "2023-08-05");
}

static void test_window(void) {
  /* before 1990 and after now + 1 day are not publication dates */
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"1985-01-01T10:00:00Z\"></head><body></body>"
                    "</html>",
                    NULL),
            "null");
  CHECK_STR(pub_day("<html><head><meta property=\"article:published_time\" "
                    "content=\"2027-01-01T10:00:00Z\"></head><body></body>"
                    "</html>",
                    NULL),
            "null");
}

static void test_shows_modified(void) {
  /* structured data says published 1 March, modified 20 May; the page
   * prints 20 May by its headline: it stands by the revised date */
  const char *head = "<html><head><script type=\"application/ld+json\">"
                     "{\"@type\":\"NewsArticle\","
                     "\"datePublished\":\"2021-03-01T09:00:00+01:00\","
                     "\"dateModified\":\"2021-05-20T09:00:00+02:00\"}"
                     "</script></head><body><article><h1>T</h1>";
  char page[1024];
  snprintf(page, sizeof page, "%s%s", head,
           "<span class=\"date\">20.05.2021</span><p>Text.</p>"
           "</article></body></html>");
  CHECK_STR(pub_day(page, NULL), "2021-05-20");
  /* both printed: the publication date stays */
  snprintf(page, sizeof page, "%s%s", head,
           "<span class=\"date\">01.03.2021</span><p>Text.</p>"
           "<p>Zuletzt aktualisiert: 20.05.2021</p></article></body></html>");
  CHECK_STR(pub_day(page, NULL), "2021-03-01");
  /* nothing printed: the publication date */
  snprintf(page, sizeof page, "%s%s", head,
           "<p>Text.</p></article></body></html>");
  CHECK_STR(pub_day(page, NULL), "2021-03-01");
}

static void test_modlabel_lines(void) {
  /* in a footer: "last change" first, then "published" */
  CHECK_STR(pub_day("<html lang=\"de\"><body><h1>T</h1><p>Text.</p>"
                    "<footer><p>Letzte \xc3\x84nderung: 30.10.2021 - 14:49<br>"
                    "Erschienen am: 02.11.2021</p></footer></body></html>",
                    NULL),
            "2021-11-02");
  /* only an update line: used when nothing else dates the page */
  CHECK_STR(pub_day("<html lang=\"de\"><body><h1>T</h1><p>Text.</p>"
                    "<footer><p>Zuletzt aktualisiert: 30.10.2021</p></footer>"
                    "</body></html>",
                    NULL),
            "2021-10-30");
  /* a paragraph that opens with its date in brackets */
  CHECK_STR(pub_day("<html lang=\"de\"><body><h1>T</h1><p>(14.09.2020) Der "
                    "Bericht beginnt hier und geht weiter mit vielen Worten "
                    "ueber das Thema, das uns beschaeftigt, und noch mehr "
                    "Worten, damit der Absatz lang genug ist, um kein "
                    "Datumszeile zu sein, sondern ein richtiger Absatz mit "
                    "Inhalt, der weit ueber dreihundert Zeichen hinausgeht, "
                    "wie es in Artikeln ueblich ist, wenn sie etwas erzaehlen "
                    "wollen.</p></body></html>",
                    NULL),
            "2020-09-14");
}

static void test_round3_rules(void) {
  /* a weak "date" meta (render time) against the page's first date line */
  CHECK_STR(pub_day("<html lang=\"de\"><head><meta name=\"date\" "
                    "content=\"2021-06-18\"></head><body><h1>T</h1>"
                    "<div class=\"x\"><div>09.06.2021 <span>- Redaktion"
                    "</span></div></div><p>Text.</p></body></html>",
                    NULL),
            "2021-06-09");
  /* "11/01/2023" in a meta, read day-first by default, is month-first when
   * the printed date shows 1 November and nothing shows 11 January */
  CHECK_STR(pub_day("<html lang=\"de\"><head><meta name=\"date\" "
                    "content=\"11/01/2023 12:43:42\"></head><body><h1>T</h1>"
                    "<p>Text.</p><p>Erstellt am: 01.11.2023</p></body></html>",
                    NULL),
            "2023-11-01");
  CHECK_STR(pub_day("<html lang=\"de\"><head><meta name=\"date\" "
                    "content=\"11/01/2023 12:43:42\"></head><body><h1>T</h1>"
                    "<p>Text.</p></body></html>",
                    NULL),
            "2023-01-11");
  /* a UTC stamp and a printed local clock time of the same instant */
  CHECK_STR(pub_day("<html><head><script type=\"application/ld+json\">"
                    "{\"@type\":\"NewsArticle\",\"datePublished\":"
                    "\"Wed, 04 May 2022 02:41:00 GMT\"}</script></head><body>"
                    "<h1>T</h1><div><b>Ana Perez</b> <span>3/5/2022 "
                    "22:41</span></div><p>Text.</p>"
                    "</body></html>",
                    NULL),
            "2022-05-03");
  /* a weak meta against a <time> the page prints a few days away */
  CHECK_STR(pub_day("<html><head><meta name=\"date\" "
                    "content=\"2022-01-26T14:32:06+02:00\"></head><body>"
                    "<h1>T</h1><div><time datetime=\"2022-01-21\">21.01.2022"
                    "</time></div><p>Text.</p></body></html>",
                    NULL),
            "2022-01-21");
}

static void test_lead_dateline(void) {
  /* a short opening paragraph with a dateline; a later events box (not an
   * aside by its class) lists other days */
  const char *page =
      "<html lang=\"de\"><body><h1>T</h1><p>Freiburg, (08.03.2021). Die "
      "Gemeinde feiert.</p><p>Mehr Text ohne Datum.</p><div class=\"box\">"
      "<div>Sa. 13.03.2021<br><a href=\"/x\">Konzert</a></div></div>"
      "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-03-13"); /* a date line still wins */
  page = "<html lang=\"de\"><body><h1>T</h1><p>Freiburg, (08.03.2021). Die "
         "Gemeinde feiert.</p><p>Mehr Text ohne Datum.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-03-08");
  page = "<html lang=\"de\"><body><h1>T</h1><p>Am 08.03.2021 feiert die "
         "Gemeinde ihr Fest mit allen.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "null"); /* a sentence, not a dateline */
}

static void test_round4_rules(void) {
  /* an <aside> classed as the article's metadata is a date box, not a
   * sidebar: its date beats a weak "date" meta; a classed sidebar still
   * is a sidebar */
  const char *page =
      "<html><head><meta name=\"date\" content=\"2021-06-20\"></head><body>"
      "<h1>T</h1><aside class=\"meta\"><div class=\"row posted\"><time "
      "datetime=\"2021-06-15\">15.06.2021</time></div></aside><p>Body "
      "text.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-06-15");
  page = "<html><body><h1>T</h1><aside class=\"meta sidebar\"><span "
         "class=\"date\">15.06.2021</span></aside><p>Body.</p>"
         "<p class=\"x\">20.06.2021</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-06-20");
  /* a weak meta that the page prints beside a different hidden <time>
   * marked published stays */
  page = "<html><head><meta name=\"date\" content=\"2021-10-28T13:00:00\">"
         "</head><body><div hidden><time itemprop=\"datePublished\" "
         "datetime=\"2021-10-27T20:00:00+01:00\">x</time></div><h1>T</h1>"
         "<p class=\"article-meta\">Berlin, 28.10.2021</p><p>Body.</p>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2021-10-28");
  /* a date-class element outranks an unmarked <time> in a header */
  page = "<html><body><header><time datetime=\"2023-11-01\">1 Nov</time>"
         "</header><h1>T</h1><span class=\"date\">31.10.2023</span>"
         "<p>Body.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2023-10-31");
  /* strong metas and JSON-LD disagree: the printed one wins */
  page = "<html><head><meta property=\"article:published_time\" "
         "content=\"2022-01-06T08:29:34\"><script type=\"application/ld+json\">"
         "{\"@type\":\"NewsArticle\",\"datePublished\":"
         "\"2022-01-04T07:29:00Z\"}</script></head><body><h1>T</h1>"
         "<div class=\"info\">06.01.2022</div><p>Body.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-01-06");
  page = "<html><head><meta property=\"article:published_time\" "
         "content=\"2022-01-06T08:29:34\"><script type=\"application/ld+json\">"
         "{\"@type\":\"NewsArticle\",\"datePublished\":"
         "\"2022-01-04T07:29:00Z\"}</script></head><body><h1>T</h1>"
         "<div class=\"info\">04.01.2022</div><p>Body.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-01-04");
  /* a forum poster's "joined" date is not the post's */
  page = "<html><body><h1>T</h1><dl><dd class=\"profile-joined\">"
         "18.09.2008, 05:56</dd></dl><p class=\"author\">21.01.2009, 05:42"
         "</p><p>Post text here.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2009-01-21");
  /* exactly 23:00:00 UTC: local midnight of the next day */
  page = "<html><head><meta property=\"article:published_time\" "
         "content=\"2022-11-06T23:00:00.000Z\"></head><body><p>B.</p>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-11-07");
  page = "<html><head><meta property=\"article:published_time\" "
         "content=\"2022-11-06T23:07:12Z\"></head><body><p>B.</p>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-11-06"); /* a real clock time */
}

static void test_round5_rules(void) {
  /* JSON-LD that does not parse (an extra closing brace) still gives its
   * datePublished; a printed line elsewhere does not beat it */
  const char *page =
      "<html><head><script type=\"application/ld+json\">{\"@type\": "
      "\"NewsArticle\", \"headline\": \"X\", \"datePublished\": "
      "\"2020-05-04T10:00:00+02:00\"}}</script></head><body><h1>T</h1>"
      "<div class=\"related\"><span class=\"date\">01.02.2020</span></div>"
      "<p class=\"x\">02.02.2020</p><p>Body.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2020-05-04");
  CHECK_STR(got_from, "json-ld");
  /* a layout class "has-sidebar" / "with-sidebar" is not a sidebar: the
   * opening date of its paragraph counts; a real sidebar's list does not */
  page = "<html><body><div class=\"main has-double-sidebar\">"
         "<h6>Titel</h6><p>(21. M\xC3\xA4rz 2022) Die Preise steigen, "
         "sagen die Verb\xC3\xA4nde heute.</p></div><div "
         "class=\"sidebar\"><p>Anderes 29.03.2022</p></div></body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-03-21");
  page = "<html><body><div class=\"main page-sidebar\">"
         "<h6>Titel</h6><p>(21. M\xC3\xA4rz 2022) Die Preise steigen, "
         "sagen die Verb\xC3\xA4nde heute.</p><p>29.03.2022</p></div>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-03-29"); /* an aside's first line */
  /* a menu's dates are other pages' (an archive, a teaser): not even a
     last resort; a <nav> holding the headline is the article's header */
  CHECK_STR(pub_day("<html><body><nav><ul><li><a href='/a'>Other story</a>"
                    "<span>12.03.2022</span></li></ul></nav><h1>T</h1>"
                    "<p>Text.</p></body></html>",
                    NULL),
            "null");
  CHECK_STR(pub_day("<html><body><nav><h1>T</h1><span class='date'>"
                    "12.03.2022</span></nav><p>Text.</p></body></html>",
                    NULL),
            "2022-03-12");
  /* the only printed date is "Updated <day>" after the JSON-LD date */
  page = "<html><head><script type=\"application/ld+json\">{\"@type\":"
         "\"Article\",\"datePublished\":\"2016-08-29T21:54:39Z\","
         "\"dateModified\":\"2020-10-01T13:00:00Z\"}</script></head><body>"
         "<h1>T</h1><div class=\"byline\">By A. Writer</div><p>Updated May "
         "06, 2019</p><p>Body text.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2019-05-06");
  /* ... not when the page also prints another date */
  page = "<html><head><script type=\"application/ld+json\">{\"@type\":"
         "\"Article\",\"datePublished\":\"2016-08-29T21:54:39Z\","
         "\"dateModified\":\"2020-10-01T13:00:00Z\"}</script></head><body>"
         "<h1>T</h1><p class=\"date\">August 29, 2016</p><p>Updated May "
         "06, 2019</p><p>Body text.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2016-08-29");
  /* a UTC stamp and a clock time in a share box beside the text: the same
   * instant at UTC-3 gives the local day */
  page = "<html><head><meta property=\"article:published_time\" "
         "content=\"2022-05-04T00:25:56Z\"></head><body><h1>T</h1><div "
         "class=\"widget\"><span>3 de mayo de 2022 21:25</span></div>"
         "<p>Body.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2022-05-03");
  /* the site's clock in the header is not the article's date */
  page = "<html><body><span id=\"uhr\">Donnerstag, 16. Februar 2012</span>"
         "<div class=\"box\"><span>14. Februar 2012</span><p>Text.</p>"
         "</div></body></html>";
  CHECK_STR(pub_day(page, NULL), "2012-02-14");
  /* a "pubdate" marker on every teaser of a list says nothing; the
   * unmarked <time> in the article header does */
  page = "<html><body><header><h1>T</h1><time datetime=\"2019-06-28T13:49:"
         "45Z\">28 juin 2019</time></header><p>Body.</p><ul>"
         "<li><time pubdate datetime=\"2019-09-24T13:34:33Z\">a</time></li>"
         "<li><time pubdate datetime=\"2019-09-24T13:34:33Z\">b</time></li>"
         "<li><time pubdate datetime=\"2019-09-24T13:34:33Z\">c</time></li>"
         "</ul></body></html>";
  CHECK_STR(pub_day(page, NULL), "2019-06-28");
  page = "<html><body><header><h1>T</h1><time datetime=\"2019-06-28T13:49:"
         "45Z\">28 juin 2019</time></header><p>Body.</p><ul>"
         "<li><time pubdate datetime=\"2019-09-24T13:34:33Z\">a</time></li>"
         "</ul></body></html>";
  CHECK_STR(pub_day(page, NULL), "2019-09-24"); /* one marker still counts */
  /* data-date in the article header when nothing is printed */
  page = "<html><body><article><header><h1>T</h1><div data-date=\"18. "
         "M\xC3\xA4rz 2020\" class=\"arrow\"></div></header><p>Body.</p>"
         "</article><div class=\"teaser\"><span>01. Juli 2020</span></div>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2020-03-18");
  /* a date only in the description meta, then only in a copyright line */
  page = "<html><head><meta name=\"description\" content=\"Il parco: un "
         "anno (Notizia del 14 Gennaio 2020)\"></head><body><h1>T</h1>"
         "<p>Testo.</p></body></html>";
  CHECK_STR(pub_day(page, NULL), "2020-01-14");
  page = "<html><body><h1>T</h1><p>Text.</p><div class=\"footer\"><p>"
         "Copyright \xC2\xA9 19.12.2019 - 12:14 h by Firma GmbH</p></div>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "2019-12-19");
  page = "<html><body><h1>T</h1><p>Text.</p><div class=\"footer\"><p>"
         "Kontakt 19.12.2019 - 12:14 h by Firma GmbH, Hauptstr. 1</p></div>"
         "</body></html>";
  CHECK_STR(pub_day(page, NULL), "null");
}

/* Publication time as ISO 8601 with the caller's "now" (0: none given). */
static const char *pub_iso(const char *html, int64_t now) {
  static char iso[32];
  kb_date pub, mod;
  snprintf(iso, sizeof iso, "error");
  if (run_dates(html, NULL, now, &pub, &mod)) {
    if (pub.from == KB_FROM_NONE)
      snprintf(iso, sizeof iso, "null");
    else
      kb_datetime_iso(&pub.t, iso);
  }
  return iso;
}

static void test_relative_with_crawl_time(void) {
  /* "2 jam lalu" in the date element: resolved against the crawl time the
   * caller gives; without one it stays unresolved (an old page's "2 hours
   * ago" is not relative to today) */
  const char *page = "<html lang=\"id\"><body><article><h1>Judul berita</h1>"
                     "<span class=\"date\">2 jam lalu</span>"
                     "<p>Isi berita yang cukup panjang.</p></article></body>"
                     "</html>";
  CHECK_STR(pub_iso(page, NOW), "2026-11-22T10:00:00+00:00");
  CHECK_STR(pub_iso(page, 0), "null");
  const char *en = "<html lang=\"en\"><body><article><h1>A headline</h1>"
                   "<div class=\"post-date\">Yesterday</div>"
                   "<p>The text of the article.</p></article></body></html>";
  CHECK_STR(pub_day(en, NULL), "2026-11-21");
  /* an absolute printed date wins over a relative one elsewhere */
  const char *both = "<html lang=\"id\"><body><article><h1>Judul</h1>"
                     "<span class=\"date\">3 jam lalu</span>"
                     "<p class=\"date\">Senin, 16 November 2026 09:15 WIB</p>"
                     "<p>Isi berita.</p></article></body></html>";
  CHECK_STR(pub_iso(both, NOW), "2026-11-16T09:15:00+07:00");
}

static void test_false_utc(void) {
  /* the meta writes the local clock with a "Z": its twin stamp shows the
   * printed WIB time to the minute, so the page's Z stamps are WIB */
  const char *page =
      "<html><head><meta name=\"pubdate\" content=\"2016-02-23 "
      "T16:00:20Z\" itemprop=\"datePublished\">"
      "<meta content=\"2016-02-23 T15:32:01Z\" itemprop=\"dateCreated\">"
      "</head><body><article><h1>Judul</h1><div class=\"date\">Selasa, "
      "23/02/2016 15:32 WIB</div><p>Isi berita.</p></article></body></html>";
  CHECK_STR(pub_iso(page, NOW), "2016-02-23T16:00:20+07:00");
  /* a real UTC stamp (the printed WIB clock is 7 hours later) is kept as
   * it is, not read as WIB */
  const char *real =
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2016-02-23T08:32:00Z\"></head><body><article><h1>Judul</h1>"
      "<div class=\"date\">Selasa, 23/02/2016 15:32 WIB</div><p>Isi.</p>"
      "</article></body></html>";
  CHECK_STR(pub_iso(real, NOW), "2016-02-23T08:32:00+00:00");
}

static void test_updated_class(void) {
  /* a <time> whose class has the token "updated" shows the modification
   * date; "lastupdated" is another token, not a modification marker */
  const char *both = "<html><body><article><h1>Judul</h1>"
                     "<time class=\"entry-date published\" "
                     "datetime=\"2024-03-02T10:00:00+01:00\">"
                     "2 March</time> <time class=\"%s\" "
                     "datetime=\"2024-03-09T10:00:00+01:00\">"
                     "9 March</time><p>Text.</p></article></body></html>";
  char page[512];
  snprintf(page, sizeof page, both, "entry-date updated");
  CHECK_STR(pub_day(page, NULL), "2024-03-02");
  CHECK_STR(got_mod, "2024-03-09");
  snprintf(page, sizeof page, both, "lastupdated");
  CHECK_STR(pub_day(page, NULL), "2024-03-02");
  CHECK_STR(got_mod, "");
}

static void test_aside_with_headline(void) {
  /* a box classed as a widget that holds the <h1> is no sidebar, also when
   * its date comes before the <h1> and when the <h1> sits in a <noscript>
   * the walk does not enter; as a sidebar its date would lose to the later
   * date line */
  const char *page = "<html><body><div class=\"widget-wrap\">"
                     "<span class=\"date\">12.04.2021</span>%s</div>"
                     "<p>05.06.2020</p></body></html>";
  char buf[512];
  snprintf(buf, sizeof buf, page, "<div><div><h1>T</h1></div></div>");
  CHECK_STR(pub_day(buf, NULL), "2021-04-12");
  snprintf(buf, sizeof buf, page, "<noscript><h1>T</h1></noscript>");
  CHECK_STR(pub_day(buf, NULL), "2021-04-12");
  snprintf(buf, sizeof buf, page, "<h2>T</h2>");
  CHECK_STR(pub_day(buf, NULL), "2020-06-05");
}

int main(void) {
  test_aside_with_headline();
  test_updated_class();
  test_relative_with_crawl_time();
  test_false_utc();
  test_round5_rules();
  test_published_vs_modified();
  test_asides();
  test_utc_local_day();
  test_weak_meta();
  test_page_lang();
  test_window();
  test_shows_modified();
  test_modlabel_lines();
  test_round3_rules();
  test_lead_dateline();
  test_round4_rules();
  return KBT_DONE();
}
