/* Unit tests for kb_date_reason: event dates reasoned from paragraphs
 * written for these tests (Indonesian and English), including null results
 * and conflicting cues; and the date table's word lookups they rest on. */
#include <stdio.h>
#include <string.h>

#include "kabar/dates.h"
#include "kabar/dates_parse.h"
#include "kbtest.h"

#define NOW 1795348800 /* 2026-11-22 12:00 UTC */

static char got_from[16];

/* paras: NUL-separated paragraphs ending with an empty one. */
static const char *reason(const char *pub_iso, const char *const *paras,
                          size_t n) {
  static char day[11];
  kb_datetime pub;
  kb_date_ctx ctx = {.lang = "id", .now = NOW};
  if (pub_iso) {
    kb_datetime_parse_iso(pub_iso, strlen(pub_iso), &pub);
    ctx.published = &pub;
  }
  kb_date ev;
  if (kb_date_reason(paras, n, &ctx, &ev) != KB_OK)
    return "error";
  snprintf(got_from, sizeof got_from, "%s", kb_date_from_name(ev.from));
  if (ev.from == KB_FROM_NONE)
    return "null";
  CHECK(ev.confidence > 0 && ev.confidence <= 1);
  kb_datetime_day(&ev.t, day);
  return day;
}

/* The day of the first date kb_date_find sees in s, or "none". */
static const char *find_day(const char *s) {
  static char day[11];
  kb_date_ctx ctx = {.lang = "id", .now = NOW};
  kb_datetime t;
  size_t start, len;
  if (!kb_date_find(s, strlen(s), &ctx, &t, &start, &len))
    return "none";
  kb_datetime_day(&t, day);
  return day;
}

/* Words the date table knows, found through its cheap first tests (one bit
 * for both ends of a word, one for the first word of a phrase): month names
 * with non-ASCII letters and in capitals, phrases of several words. */
static void test_table_words(void) {
  CHECK_STR(find_day("Die Gespräche fanden am 3. März 2023 in Genf statt."),
            "2023-03-03");
  CHECK_STR(find_day("GENF, 3. MÄRZ 2023"), "2023-03-03");
  CHECK_STR(find_day("Toplantı 12 Mayıs 2023 tarihinde yapıldı."),
            "2023-05-12");
  CHECK_STR(find_day("Встреча прошла 5 мая 2023 года в Москве."), "2023-05-05");
  CHECK_STR(find_day("МОСКВА, 5 МАЯ 2023"), "2023-05-05");
  CHECK_STR(find_day("Kesepakatan diteken pada Jum'at, 4 Agustus 2023."),
            "2023-08-04");
  /* a month of two words ("كانون الثاني"), an "ago" of two ("yang lalu"),
   * a relative day of two ("hari ini"); "vor" stands before the count */
  CHECK_STR(find_day("\xd9\x81\xd9\x8a 15 \xd9\x83\xd8\xa7\xd9\x86\xd9"
                     "\x88\xd9\x86 \xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9"
                     "\x86\xd9\x8a 2024"),
            "2024-01-15");
  CHECK_STR(find_day("Diperbarui 30 jam yang lalu"), "2026-11-21");
  CHECK_STR(find_day("Aktualisiert vor 3 Tagen"), "2026-11-19");
  CHECK_STR(find_day("Rapat itu digelar hari ini di Jakarta."), "2026-11-22");
  CHECK_STR(find_day("Harga beras naik tajam di pasar tradisional."), "none");
}

#define R(pub, ...)                                                            \
  reason(pub, (const char *const[]){__VA_ARGS__},                              \
         sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

int main(void) {
  /* 1. explicit full date with weekday */
  CHECK_STR(R(NULL, "Menteri itu tiba di Surabaya, Selasa (14/3/2023), untuk "
                    "meninjau banjir."),
            "2023-03-14");
  CHECK_STR(got_from, "in-text");
  /* 2. weekday contradicts the date: nothing else fixes the day */
  CHECK_STR(R(NULL, "Menteri itu tiba di Surabaya, Rabu (14/3/2023), untuk "
                    "meninjau banjir."),
            "null");
  /* 3. weekday + day/month, publication known */
  CHECK_STR(R("2021-05-12T10:00:00+07:00",
              "Gubernur meresmikan jembatan itu pada Senin (10/5)."),
            "2021-05-10");
  /* 4. weekday + day/month, no publication: years mentioned bound it */
  CHECK_STR(R(NULL, "Proyek itu dimulai pada tahun 2018.",
              "Gubernur meresmikan jembatan itu pada Senin (10/5)."),
            "2021-05-10");
  CHECK_STR(got_from, "inferred");
  /* 5. day/month after publication day goes to the previous year */
  CHECK_STR(R("2024-01-03T08:00:00+07:00",
              "Banjir melanda kota itu pada 28 Desember."),
            "2023-12-28");
  /* 6. a date after publication is a scheduled thing, not the event */
  CHECK_STR(R("2023-08-16T09:00:00+07:00",
              "Rapat digelar pada Selasa (15/8/2023) di Jakarta.",
              "Pertemuan berikutnya dijadwalkan Kamis (17/8/2023)."),
            "2023-08-15");
  /* 7. a reporting verb's date is the report's, not the event's */
  CHECK_STR(
      R("2024-03-09T11:00:00+07:00",
        "Kantor berita itu melaporkan pada Jumat, 8 Maret 2024, bahwa uji coba "
        "dilakukan pada 7 Maret 2024 di pantai timur."),
      "2024-03-07");
  /* 8. weekday alone with publication: the most recent such day */
  CHECK_STR(R("2022-06-10T12:00:00+07:00",
              "Polisi menangkap tersangka pada hari Rabu."),
            "2022-06-08");
  /* 9. anniversary + base date + weekday, no publication */
  CHECK_STR(
      R(NULL,
        "Upacara itu menandai peringatan 50 tahun berdirinya sekolah, kata "
        "panitia pada hari Sabtu.",
        "Sekolah itu didirikan pada 9 Oktober 1971 oleh para guru."),
      "2021-10-09");
  /* 10. only a month: nothing fixes the day */
  CHECK_STR(R(NULL, "Pada bulan Juli, harga beras naik tajam."), "null");
  /* 11. nothing at all */
  CHECK_STR(R(NULL, "Harga beras naik tajam di pasar tradisional."), "null");
  CHECK_STR(R(NULL, NULL), "null");
  /* 12. a date before 1990 is not the event */
  CHECK_STR(R(NULL, "Perjanjian itu ditandatangani pada 5 Juli 1985."), "null");
  /* 13. English: explicit date */
  CHECK_STR(
      R(NULL,
        "The ministry said the talks took place on March 3, 2022 in Geneva."),
      "2022-03-03");
  /* 14. English: weekday alone with publication */
  CHECK_STR(R("2020-02-14T09:00:00Z",
              "Officials said on Tuesday that the bridge would reopen."),
            "2020-02-11");
  /* 15. English: anniversary with base year and weekday */
  CHECK_STR(R("2019-11-10T09:00:00Z", "Crowds gathered on Saturday to mark the "
                                      "30th anniversary of the fall of the "
                                      "wall on November 9, 1989."),
            "2019-11-09");
  /* 16. two equally strong dates without publication: a conflict */
  CHECK_STR(R(NULL, "Gempa terjadi pada 3 Mei 2022.",
              "Gempa terjadi pada 4 Mei 2022."),
            "null");
  /* 17. captions repeating an old date lose to the dated event near publication
   */
  CHECK_STR(R("2023-05-20T10:00:00+07:00", "Foto arsip, Jakarta, 2 April 2023.",
              "Foto arsip, Jakarta, 2 April 2023.",
              "Warga berunjuk rasa di depan gedung DPR, Jumat (19/5/2023)."),
            "2023-05-19");
  /* 18. day/month + "tahun lalu" with publication, across the new year */
  CHECK_STR(R("2024-01-10T10:00:00+07:00",
              "Kebakaran terjadi pada 28 Desember tahun lalu."),
            "2023-12-28");
  /* ... but a date more than a month before publication is background */
  CHECK_STR(R("2024-02-01T10:00:00+07:00",
              "Kebakaran terjadi pada 5 Maret tahun lalu."),
            "null");
  /* 19. "Minggu lalu" is last week, not Sunday */
  CHECK_STR(R("2022-06-10T12:00:00+07:00", "Minggu lalu harga cabai naik."),
            "null");
  /* 20. a printed date line among the paragraphs is not an event cue */
  CHECK_STR(R("2024-08-16T11:55:00+07:00", "Jumat, 16 Agustus 2024 11:55 WIB",
              "Kesepakatan itu diteken pada 15 Agustus 2024 di ibu kota."),
            "2024-08-15");
  /* month + "tahun lalu"/"last year": a day of that month given elsewhere
   * without a year is in the year before publication — which, published in
   * March, is background, while this year's February is the event */
  CHECK_STR(R("2026-03-10T08:00:00+07:00",
              "Banjir besar melanda kota itu pada Februari tahun lalu.",
              "Warga mengingat air naik pada 14 Februari, saat hujan turun "
              "semalaman."),
            "null");
  CHECK_STR(R("2026-03-10T08:00:00+07:00",
              "Banjir besar melanda kota itu pada bulan Februari.",
              "Warga mengingat air naik pada 14 Februari, saat hujan turun "
              "semalaman."),
            "2026-02-14");
  CHECK_STR(R("2026-01-10T08:00:00+07:00",
              "The floods came in December last year, officials said.",
              "Residents recall the water rising on 24 December."),
            "2025-12-24");
  /* background dates years before publication are not the event (a
   * birthdate, "since 2000", an earlier match), whatever their form */
  CHECK_STR(R("2025-06-18T19:45:00+07:00",
              "Pria kelahiran 29 Juli 1995 itu harus lebih dulu memutus "
              "kontraknya dengan klub lamanya."),
            "null");
  CHECK_STR(R("2025-06-18T21:27:00+07:00",
              "Perusahaan itu terdaftar di bursa sejak 20 Juli 2000.",
              "Sahamnya turun tajam pada Selasa (17/6/2025) setelah laporan "
              "keuangan diumumkan."),
            "2025-06-17");
  CHECK_STR(R(NULL, "Banjir besar melanda kota itu pada Februari tahun lalu.",
              "Warga mengingat air naik pada 14 Februari."),
            "2025-02-14");
  /* the month alone fixes no day */
  CHECK_STR(R("2026-06-10T08:00:00+07:00",
              "Banjir besar melanda kota itu pada Februari tahun lalu."),
            "null");
  /* cues that stand on a weekday, a relative day or a month name alone, in
   * paragraphs without a digit; and a paragraph of numbers alone */
  CHECK_STR(R("2022-06-10T12:00:00+07:00",
              "Polisi menangkap tersangka pada Selasa, kata polisi."),
            "2022-06-07");
  CHECK_STR(
      R("2022-06-10T12:00:00+07:00", "Polisi menangkap tersangka itu kemarin."),
      "2022-06-09");
  CHECK_STR(R("2022-06-10T12:00:00+07:00",
              "Polisi menangkap tersangka itu kemarin.",
              "Ia ditahan sejak Juni tahun lalu."),
            "2022-06-09");
  CHECK_STR(R("2023-03-20T12:00:00+07:00", "Harga beras naik.", "(14/3)"),
            "2023-03-14");
  CHECK_STR(R(NULL, "Die Gespräche fanden am 3. März 2023 in Genf statt."),
            "2023-03-03");
  CHECK_STR(R(NULL, "Встреча прошла 5 мая 2023 года в Москве."), "2023-05-05");
  /* a date line's cues are taken back, also when it is the only paragraph,
   * and when the cue lists are already full */
  CHECK_STR(R("2024-08-16T11:55:00+07:00", "Jumat, 16 Agustus 2024 11:55 WIB"),
            "null");
  {
    const char *many[300];
    for (size_t i = 0; i < 299; i++)
      many[i] = "Gempa terjadi pada 3 Mei 2022, Selasa (3/5/2022).";
    many[299] = "Selasa, 3 Mei 2022 10:00 WIB";
    CHECK_STR(reason(NULL, many, 300), "2022-05-03");
  }
  test_table_words();
  return KBT_DONE();
}
