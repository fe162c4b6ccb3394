/* Unit tests for free-text date parsing: kb_date_find, kb_date_line and
 * kb_date_from_url. Inputs are written here, not cut from evaluation data. */
#include <stdlib.h>
#include <string.h>

#include "dates/dates_int.h" /* kb_dates_find_pub */
#include "kabar/dates.h"
#include "kbtest.h"

/* 2026-11-22 12:00:00 UTC */
#define NOW 1795348800

static const char *find_iso(const char *s, const char *lang) {
  static char buf[32];
  kb_date_ctx ctx = {.lang = lang, .now = NOW};
  kb_datetime t;
  if (!kb_date_find(s, strlen(s), &ctx, &t, NULL, NULL))
    return "none";
  kb_datetime_iso(&t, buf);
  return buf;
}

static const char *line_iso(const char *s) {
  static char buf[32];
  kb_date_ctx ctx = {.lang = "id", .now = NOW};
  kb_datetime t;
  if (!kb_date_line(s, strlen(s), &ctx, &t))
    return "none";
  kb_datetime_iso(&t, buf);
  return buf;
}

static const char *url_day(const char *u) {
  static char buf[11];
  kb_datetime t;
  if (!kb_date_from_url(u, &t))
    return "none";
  kb_datetime_day(&t, buf);
  return buf;
}

static void test_find(void) {
  CHECK_STR(find_iso("Rabu 16 Aug 2023 09:46 WIB", "id"),
            "2023-08-16T09:46:00+07:00");
  CHECK_STR(find_iso("Jumat, 16 Agustus 2024 11:55 WIB", "id"),
            "2024-08-16T11:55:00+07:00");
  CHECK_STR(find_iso("Senin, 15 Agustus 2022 | 09:15 WIB", "id"),
            "2022-08-15T09:15:00+07:00");
  CHECK_STR(find_iso("Rabu, 18 Jun 2025 07:30 WIB", "id"),
            "2025-06-18T07:30:00+07:00");
  CHECK_STR(find_iso("Diperbarui 18 Jun 2025, 14:05 WIB", "id"),
            "2025-06-18T14:05:00+07:00");
  CHECK_STR(find_iso(",\xc2\xa0Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "id"),
            "2025-06-16T15:20:00+07:00");
  CHECK_STR(find_iso("Kamis, 19 Juni 2025 - 10:15 WIB", "id"),
            "2025-06-19T10:15:00+07:00");
  CHECK_STR(find_iso("18/06/2025, 07:30 WIB", "id"),
            "2025-06-18T07:30:00+07:00");
  CHECK_STR(find_iso("12 Maret 2019 | 20.04 WIB", "id"),
            "2019-03-12T20:04:00+07:00");
  CHECK_STR(find_iso("Jum'at, 13 Juni 2025 |19:04 WIB", "id"),
            "2025-06-13T19:04:00+07:00");
  CHECK_STR(find_iso("Rabu   18 Jun 2025  22:02 WIB", "id"),
            "2025-06-18T22:02:00+07:00");
  CHECK_STR(find_iso("Selasa (15/8/2023)", "id"), "2023-08-15");
  CHECK_STR(find_iso("Selasa (5/8/2023)", "id"), "2023-08-05");
  CHECK_STR(find_iso("Aug 16, 2023 9:46 AM EDT", "en"),
            "2023-08-16T09:46:00-04:00");
  CHECK_STR(find_iso("August 16th, 2023 at 9:46 p.m. PDT", "en"),
            "2023-08-16T21:46:00-07:00");
  CHECK_STR(find_iso("16 August 2023", "en"), "2023-08-16");
  CHECK_STR(find_iso("2023-08-16T09:46:00+07:00", NULL),
            "2023-08-16T09:46:00+07:00");
  CHECK_STR(find_iso("2023-08-16 09:46:00Z", NULL),
            "2023-08-16T09:46:00+00:00");
  CHECK_STR(find_iso("16. August 2023, 14:30 Uhr", "de"),
            "2023-08-16T14:30:00");
  CHECK_STR(find_iso("16 août 2023", "fr"), "2023-08-16");
  CHECK_STR(find_iso("le 1er décembre 2022 à 14h30", "fr"),
            "2022-12-01T14:30:00");
  CHECK_STR(find_iso("16 de agosto de 2023", "es"), "2023-08-16");
  CHECK_STR(find_iso("16 августа 2023 года", "ru"), "2023-08-16");
  CHECK_STR(find_iso("16 Ağustos 2023", "tr"), "2023-08-16");
  CHECK_STR(find_iso("16 agosto 2023", "it"), "2023-08-16");
  CHECK_STR(find_iso("16 augustus 2023", "nl"), "2023-08-16");
  CHECK_STR(find_iso("16 Ogos 2023", "ms"), "2023-08-16");
  CHECK_STR(find_iso("16 Okt 2023", "id"), "2023-10-16");
  CHECK_STR(find_iso("3 Nop 2015 21:04 WIB", "id"),
            "2015-11-03T21:04:00+07:00");
  CHECK_STR(find_iso("30 Des 2015", "id"), "2015-12-30");
  CHECK_STR(find_iso("14:05 WIB, 18 Juni 2025", "id"),
            "2025-06-18T14:05:00+07:00");
  /* d/m first unless en or the first number is > 12 */
  CHECK_STR(find_iso("05/08/2023", "id"), "2023-08-05");
  /* day-first unless the language is explicitly en-US or the second number
   * cannot be a month */
  CHECK_STR(find_iso("05/08/2023", "en"), "2023-08-05");
  CHECK_STR(find_iso("05/08/2023", "en-GB"), "2023-08-05");
  CHECK_STR(find_iso("05/08/2023", "en-US"), "2023-05-08");
  CHECK_STR(find_iso("05/08/2023", "en_us"), "2023-05-08");
  CHECK_STR(find_iso("08/16/2023", "en"), "2023-08-16");
  CHECK_STR(find_iso("08/16/2023", "de"), "2023-08-16");
  CHECK_STR(find_iso("16/08/2023", "en-US"), "2023-08-16");
  CHECK_STR(find_iso("25/08/2023", "en"), "2023-08-25");
  CHECK_STR(find_iso("16.08.2023", "de"), "2023-08-16");
  CHECK_STR(find_iso("16/08/23", "id"), "2023-08-16");
  /* relative to now = 2026-11-22 12:00 UTC */
  CHECK_STR(find_iso("2 jam lalu", "id"), "2026-11-22T10:00:00+00:00");
  CHECK_STR(find_iso("5 menit yang lalu", "id"), "2026-11-22T11:55:00+00:00");
  CHECK_STR(find_iso("1 hari lalu", "id"), "2026-11-21T12:00:00+00:00");
  CHECK_STR(find_iso("kemarin", "id"), "2026-11-21");
  CHECK_STR(find_iso("Hari ini", "id"), "2026-11-22");
  CHECK_STR(find_iso("3 hours ago", "en"), "2026-11-22T09:00:00+00:00");
  CHECK_STR(find_iso("yesterday", "en"), "2026-11-21");
  CHECK_STR(find_iso("vor 2 Stunden", "de"), "2026-11-22T10:00:00+00:00");
  /* a phrase of several words opens the date, its first word no key of its
     own ("il" of "il y a") */
  CHECK_STR(find_iso("il y a 2 heures", "fr"), "2026-11-22T10:00:00+00:00");
  CHECK_STR(find_iso("Publi\xC3\xA9 il y a 3 jours", "fr"),
            "2026-11-19"); /* days away: the day only */
  CHECK_STR(find_iso("Il est venu il y a longtemps", "fr"), "none");
  /* the count one written as a word ("an hour ago"); "0 hours ago" still
     reads as now */
  CHECK_STR(find_iso("Updated an hour ago", "en"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("a day ago", "en"), "2026-11-21T12:00:00+00:00");
  CHECK_STR(find_iso("vor einer Stunde", "de"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("il y a une heure", "fr"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("hace una hora", "es"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("een uur geleden", "nl"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("0 hours ago", "en"), "2026-11-22T12:00:00+00:00");
  CHECK_STR(find_iso("a man ago", "en"), "none");
  /* a unit that says one of itself, without a count ("lone" in
     relative.tsv): Russian "час назад", Italian "un'ora fa" (the elided
     article joins the unit into one word); the unit alone is no date */
  CHECK_STR(find_iso("\xD1\x87\xD0\xB0\xD1\x81 \xD0\xBD\xD0\xB0\xD0\xB7\xD0"
                     "\xB0\xD0\xB4",
                     "ru"),
            "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("un'ora fa", "it"), "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("un\xE2\x80\x99ora fa", "it"),
            "2026-11-22T11:00:00+00:00");
  CHECK_STR(find_iso("\xD1\x87\xD0\xB0\xD1\x81", "ru"), "none");
  CHECK_STR(find_iso("hour ago", "en"), "none");
  /* a typographic apostrophe reads as the ASCII one in the tables' keys */
  CHECK_STR(find_iso("aujourd\xE2\x80\x99hui", "fr"), "2026-11-22");
  CHECK_STR(find_iso("Jum\xE2\x80\x99"
                     "at, 4 Agustus 2023",
                     "id"),
            "2023-08-04");
  CHECK_STR(find_iso("an hour", "en"), "none");
  /* rejected: before 1990, after now + 1 day, not dates */
  CHECK_STR(find_iso("16 Agustus 1985", "id"), "none");
  CHECK_STR(find_iso("16 Agustus 2027", "id"), "none");
  CHECK_STR(find_iso("31 Februari 2023", "id"), "none");
  CHECK_STR(find_iso("skor 2-1 pada menit 10.15", "id"), "none");
  CHECK_STR(find_iso("versi 1.2.3.4", NULL), "none");
  CHECK_STR(find_iso("selama 2 jam", "id"), "none");
  CHECK_STR(find_iso("", NULL), "none");
  /* byte range */
  kb_date_ctx ctx = {.lang = "id", .now = NOW};
  size_t st = 0, len = 0;
  kb_datetime t;
  const char *s = "Kim tiba pada Selasa, 15 Agustus 2023 di Moskow";
  CHECK(kb_date_find(s, strlen(s), &ctx, &t, &st, &len));
  CHECK_INT(st, 14);
  CHECK_INT(len, strlen("Selasa, 15 Agustus 2023"));
}

static void test_line(void) {
  CHECK_STR(line_iso("Rabu 16 Aug 2023 09:46 WIB"),
            "2023-08-16T09:46:00+07:00");
  CHECK_STR(line_iso("Diperbarui 18 Jun 2025, 14:05 WIB"),
            "2025-06-18T14:05:00+07:00");
  CHECK_STR(line_iso(",\xc2\xa0Jurnalis-Senin, 16 Juni 2025 |15:20 WIB"),
            "2025-06-16T15:20:00+07:00");
  CHECK_STR(line_iso("Portal.com- 18/06/2025, 21:35 WIB"),
            "2025-06-18T21:35:00+07:00");
  CHECK_STR(line_iso("Andi Saputra | Senin, 15 Agustus 2022 | 09:15 WIB"),
            "2022-08-15T09:15:00+07:00");
  CHECK_STR(line_iso("Published: August 16, 2023 at 9:46 am"),
            "2023-08-16T09:46:00");
  CHECK_STR(line_iso("Updated 3 hours ago"), "2026-11-22T09:00:00+00:00");
  CHECK_STR(line_iso("16 Agustus 2023, 09:46 WIB oleh Budi Santoso"),
            "2023-08-16T09:46:00+07:00");
  /* sentences that merely contain a date */
  CHECK_STR(
      line_iso("Presiden tiba di Jakarta pada 16 Agustus 2023 untuk rapat."),
      "none");
  CHECK_STR(line_iso("Dalam suratnya ke Moskow, Selasa (15/8/2023), ia "
                     "menyatakan dukungan."),
            "none");
  CHECK_STR(line_iso("Kim menyatakan, 16 Agustus 2023"), "none");
  CHECK_STR(line_iso("16 Agustus 2023 Presiden tiba di Jakarta untuk rapat"),
            "none");
  CHECK_STR(line_iso("Baca Juga"), "none");
}

static void test_more_languages(void) {
  /* month and weekday names added in round 3 (sentences written for the
   * test) */
  CHECK_STR(find_iso("Publicat duminică, 14 martie 2021", NULL), "2021-03-14");
  CHECK_STR(find_iso("Opublikowano: środa, 3 lutego 2021", NULL), "2021-02-03");
  CHECK_STR(find_iso("Aktualizováno 7. října 2019", NULL), "2019-10-07");
  CHECK_STR(find_iso("Publicerad 12 augusti 2020", NULL), "2020-08-12");
  CHECK_STR(find_iso("Publiceret 5. marts 2018", NULL), "2018-03-05");
  CHECK_STR(find_iso("Julkaistu 9. joulukuuta 2017", NULL), "2017-12-09");
  CHECK_STR(
      find_iso(
          "\xce\x94\xce\xb5\xcf\x85\xcf\x84\xce\xad\xcf\x81\xce\xb1 "
          "2 \xce\x9c\xce\xb1\xcf\x81\xcf\x84\xce\xaf\xce\xbf\xcf\x85 2020",
          NULL),
      "2020-03-02"); /* Δευτέρα 2 Μαρτίου 2020 */
  /* Hungarian: year first */
  CHECK_STR(find_iso("Frissítve: 2019. május 6. 14:20", NULL),
            "2019-05-06T14:20:00");
  /* Arabic: Egyptian and Levantine names, Arabic comma, م = pm */
  CHECK_STR(
      find_iso("\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3\xd8\x8c 3 "
               "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88 2021 - 04:15 \xd9\x85",
               NULL),
      "2021-06-03T16:15:00"); /* الخميس، 3 يونيو 2021 - 04:15 م */
  CHECK_STR(find_iso("9 \xd8\xb4\xd8\xa8\xd8\xa7\xd8\xb7 / "
                     "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1 "
                     "2019",
                     NULL),
            "2019-02-09"); /* 9 شباط / فبراير 2019 */
  CHECK_STR(find_iso("5 \xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd9\x86 "
                     "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x88\xd9\x84 2018",
                     NULL),
            "2018-12-05"); /* 5 كانون الأول 2018 */
  /* CJK and Korean numeric dates */
  CHECK_STR(find_iso("\xe7\x99\xba\xe8\xa1\xa8 2021\xe5\xb9\xb4"
                     "3\xe6\x9c\x88"
                     "9\xe6\x97\xa5\xe5\x8d\x88\xe5\xbe\x8c",
                     NULL),
            "2021-03-09"); /* 発表 2021年3月9日午後 */
  CHECK_STR(find_iso("2019\xeb\x85\x84 11\xec\x9b\x94 2\xec\x9d\xbc", NULL),
            "2019-11-02"); /* 2019년 11월 2일 */
  CHECK_STR(find_iso("3\xe6\x9c\x88"
                     "9\xe6\x97\xa5",
                     NULL),
            "none"); /* 3月9日: no year, not a full date */
  /* the dotted German form with spaces */
  CHECK_STR(find_iso("Von der Redaktion 7. 3. 2022. Heute", "de"),
            "2022-03-07");
  CHECK_STR(find_iso("Punkte 1. 2. 3. 2022", "de"), "none");
}

static void test_modlabel(void) {
  kb_date_ctx ctx = {.lang = "de", .now = NOW};
  kb_datetime t;
  int mod = 0;
  const char *s = "Letzte \xc3\x84nderung: 31.10.2021 - 14:49 Erschienen am: "
                  "02.11.2021";
  CHECK(kb_dates_find_pub(s, strlen(s), &ctx, &t, &mod));
  CHECK_INT(t.day, 2);
  CHECK_INT(mod, 0);
  s = "Updated: 5 May 2020";
  CHECK(kb_dates_find_pub(s, strlen(s), &ctx, &t, &mod));
  CHECK_INT(t.day, 5);
  CHECK_INT(mod, 1);
  s = "Published 4 May 2020, updated 5 May 2020";
  CHECK(kb_dates_find_pub(s, strlen(s), &ctx, &t, &mod));
  CHECK_INT(t.day, 4);
  CHECK_INT(mod, 0);
}

static void test_url(void) {
  CHECK_STR(url_day("https://x.example/2023/08/16/berita-satu"), "2023-08-16");
  CHECK_STR(url_day("https://x.example/news/2023-08-16/berita"), "2023-08-16");
  CHECK_STR(url_day("https://x.example/read/20230816/123/berita"),
            "2023-08-16");
  CHECK_STR(url_day("https://x.example/2023/08/berita"), "none");
  CHECK_STR(url_day("https://x.example/news/2021-03/07/content_1.htm"),
            "2021-03-07");
  CHECK_STR(url_day("https://x.example/news/2021-03/content_7.htm"), "none");
  CHECK_STR(url_day("https://x.example/berita/d-7123456/judul"), "none");
  CHECK_STR(url_day("https://x.example/a/202308161234567/judul"), "none");
  CHECK_STR(url_day("https://x.example/berita/20231345/judul"), "none");
  CHECK_STR(url_day("https://2023.example/berita"), "none");
  CHECK_STR(url_day("/2015/11/04/21040011/judul"), "2015-11-04");
}

static void test_line_round4(void) {
  kb_date_ctx ctx = {.lang = "de", .now = NOW};
  kb_datetime t;
  /* a byline name after a comma */
  const char *s = "1. Februar 2022 , Daniel Dillenburg";
  CHECK(kb_date_line(s, strlen(s), &ctx, &t));
  CHECK_INT(t.day, 1);
  s = "3 May 2020, Alice Bob";
  CHECK(kb_date_line(s, strlen(s), &ctx, &t));
  s = "3 May 2020, Alice went home";
  CHECK(!kb_date_line(s, strlen(s), &ctx, &t));
  s = "3 May 2020, the council said";
  CHECK(!kb_date_line(s, strlen(s), &ctx, &t));
  /* a press-release dateline with several places */
  s = "Hofheim am Taunus | Wiesbaden, 11. November 2021";
  CHECK(kb_date_line(s, strlen(s), &ctx, &t));
  CHECK_INT(t.month, 11);
  s = "the meeting in Paris, 11. November 2021";
  CHECK(!kb_date_line(s, strlen(s), &ctx, &t));
}

static void test_round5_forms(void) {
  /* a day range before a written-out month: the first day */
  CHECK_STR(find_iso("Bericht 3. - 9. Februar 2023", "de"), "2023-02-03");
  CHECK_STR(find_iso("Festival 10 \xE2\x80\x93 12 June 2021", "en"),
            "2021-06-10");
  CHECK_STR(find_iso("Woche 5.-11. April 2021", "de"), "2021-04-05");
  /* not a range: the earlier number is larger, has its own month, or the
   * second date is numeric */
  CHECK_STR(find_iso("Seite 12 - 3. April 2021", "de"), "2021-04-03");
  CHECK_STR(find_iso("vom 28.3. - 4. April 2021", "de"), "2021-04-04");
  CHECK_STR(find_iso("Nr. 2 - 14.05.2021", "de"), "2021-05-14");
  /* bars between day, month and a four-digit year */
  CHECK_STR(find_iso("Neu 07 | 03 | 2022 Praxis", "de"), "2022-03-07");
  CHECK_STR(find_iso("Tabelle 7 | 3 | 12 | 2022", "de"), "none");
  CHECK_STR(find_iso("Score 3 | 4 | 87", "de"), "none");
}

int main(void) {
  test_round5_forms();
  test_find();
  test_line();
  test_url();
  test_more_languages();
  test_modlabel();
  test_line_round4();
  return KBT_DONE();
}
