/* Deterministic mutation test for src/dates: kb_date_find, kb_date_line,
 * kb_date_from_url and kb_date_reason on date strings in many languages,
 * random and corrupted with a fixed seed. Checks that every date returned is
 * a real calendar day inside the documented window and that match ranges lie
 * inside the input; ASan/UBSan watch the rest. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kabar/dates.h"
#include "kbfuzz.h"
#include "kbtest.h"

/* Rounds per seed line; KB_FUZZ_ROUNDS and KB_FUZZ_SEED in the environment
 * run longer searches. */
#define ROUNDS 120

#define SEED 0xD1B54A32D192ED03ull /* this test's own generator seed */

static const int64_t now_fixed = 1700000000; /* 2023-11-14 22:13 UTC */

static const char *const seeds[] = {
    "Rabu, 16 Agustus 2023 09:46 WIB",
    "Senin (15/8) malam",
    "Kamis (4/5/2023)",
    "Jumat, 3 Des 2021 | 14:05 WITA",
    "Diperbarui 17 Agt 2023, 10:12 WIT",
    "2 jam lalu",
    "2 jam yang lalu",
    "kemarin",
    "Aug 16, 2023 9:46 a.m. ET",
    "Published: Wednesday 16 August 2023 at 09:46 BST",
    "3 hours ago",
    "yesterday",
    "16/08/2023",
    "08/16/2023",
    "2023-08-16T09:46:00+07:00",
    "2023-08-16 09:46:00",
    "16. August 2023, 09:46 Uhr",
    "vor 2 Stunden",
    "Letzte Änderung: 31.10.2023",
    "le 16 août 2023 à 09h46",
    "mercredi 16 août 2023",
    "16 de agosto de 2023",
    "miércoles, 16 ago. 2023 09:46",
    "16 августа 2023 года, 09:46",
    "2023年8月16日 09:46",
    "2023년 8월 16일",
    "١٦ أغسطس ٢٠٢٣",
    "16 Ağustos 2023 Çarşamba",
    "Budi Santoso | Rabu, 16 Agustus 2023",
    "14:05, 18 June 2025",
    "peringatan 77 tahun kemerdekaan",
    "31/02/2023 and 29/02/2024",
    "99999999999999999999/99999999999/999999999999",
    "-2147483648 jam lalu",
    "999 jam lalu 999 hari lalu 999 tahun lalu",
    "0/0/0 00:00",
    "((((((15/8)))))) (32/13) (0/1)",
    "Sabtu 1 Januari 1990 00:00 WIB",
    "Selasa, 31 Desember 1989",
};

static const char *const dict[] = {
    " ",
    "/",
    "(",
    ")",
    "-",
    ":",
    ",",
    "2023",
    "1990",
    "2099",
    "9999",
    "0",
    "31",
    "29",
    "12",
    "13",
    "Agt",
    "Okt",
    "Des",
    "Nop",
    "Mei",
    "August",
    "Sept",
    "WIB",
    "GMT+",
    "+14:00",
    "-12:60",
    "jam",
    "lalu",
    "hari",
    "tahun",
    "ago",
    "Senin",
    "Kamis",
    "(15/8)",
    "\xff",
    "\xe2\x80",
    "\0",
    "\xc2\xa0",
    "\xe3\x80\x80",
    "ke-78",
    "tahun lalu",
    "last year",
    "anniversary",
    "9223372036854775807",
    "4294967296",
};

static void mutate(kb_buf *b) {
  int edits = 1 + (int)rnd_below(6);
  for (int e = 0; e < edits; e++) {
    size_t at = rnd_below(b->len + 1);
    switch (rnd_below(7)) {
    case 0:
      if (at < b->len)
        b->data[at] ^= (char)(1u << rnd_below(8));
      break;
    case 1:
      if (at < b->len)
        b->data[at] = (char)('0' + rnd_below(10));
      break;
    case 2: {
      size_t n = 1 + rnd_below(8);
      if (n > b->len - at)
        n = b->len - at;
      memmove(b->data + at, b->data + at + n, b->len - at - n);
      b->len -= n;
      break;
    }
    case 3:
    case 4: {
      const char *s = dict[rnd_below(sizeof dict / sizeof dict[0])];
      splice_in(b, at, s, strlen(s) ? strlen(s) : 1);
      break;
    }
    case 5: {
      const char *s = seeds[rnd_below(sizeof seeds / sizeof seeds[0])];
      splice_in(b, at, s, strlen(s));
      break;
    }
    default: b->len = at;
    }
  }
  kb_buf_putc(b, 'x'); /* keeps data non-NULL and NUL-terminated */
  b->len--;
  b->data[b->len] = '\0';
}

static int day_ok(const kb_datetime *t, int64_t now, int max_year) {
  if (t->year < 1990 || t->year > max_year || t->month < 1 || t->month > 12 ||
      t->day < 1 || t->day > kb_days_in_month(t->year, t->month))
    return 0;
  if (t->hour != -1 && (t->hour < 0 || t->hour > 23 || t->minute < 0 ||
                        t->minute > 59 || t->second < 0 || t->second > 60))
    return 0;
  /* the window is on the instant: "Nop 16, 2023 9:46 +14:00" is 15 Nov
   * 19:46 UTC, inside now + 1 day of 14 Nov 22:13 UTC */
  if (now && kb_datetime_epoch(t) > now + 86400)
    return 0;
  return 1;
}

/* Prints a failing input so it can become a regression case. */
static void dump(const char *what, const char *s, size_t n,
                 const kb_datetime *t, const char *lang) {
  fprintf(stderr, "%s lang=%s -> %04d-%02d-%02d %02d:%02d:%02d: \"", what,
          lang ? lang : "-", t->year, t->month, t->day, t->hour, t->minute,
          t->second);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    fprintf(stderr,
            c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? "\\x%02x\"\""
                                                           : "%c",
            c);
  }
  fprintf(stderr, "\"\n");
}

static const char *lang_of(void) {
  static const char *const langs[] = {NULL, "id", "en", "de", "fr",
                                      "es", "ru", "ja", "xx"};
  return langs[rnd_below(sizeof langs / sizeof langs[0])];
}

static void check_text(const char *s, size_t n) {
  kb_date_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.now = now_fixed;
  ctx.lang = lang_of();
  kb_datetime t, pub;
  size_t start = 99999, len = 99999;
  if (kb_date_find(s, n, &ctx, &t, &start, &len)) {
    CHECK(day_ok(&t, now_fixed, 9999));
    if (!day_ok(&t, now_fixed, 9999))
      dump("kb_date_find", s, n, &t, ctx.lang);
    CHECK(start <= n && len <= n - start && len > 0);
  }
  if (kb_date_line(s, n, &ctx, &t)) {
    CHECK(day_ok(&t, now_fixed, 9999));
    if (!day_ok(&t, now_fixed, 9999))
      dump("kb_date_line", s, n, &t, ctx.lang);
  }

  /* reasoning over paragraphs cut from the text, with a published date */
  const char *paras[3] = {s, s + n / 3, s + 2 * n / 3};
  memset(&pub, 0, sizeof pub);
  pub.year = 2023, pub.month = 8, pub.day = 16, pub.hour = -1;
  ctx.published = (rnd() & 1) ? &pub : NULL;
  kb_date ev;
  memset(&ev, 0, sizeof ev);
  kb_status rc = kb_date_reason(paras, 3, &ctx, &ev);
  CHECK(rc == KB_OK || rc == KB_ELIMIT);
  if (rc == KB_OK && ev.from != KB_FROM_NONE) {
    CHECK(day_ok(&ev.t, now_fixed, 9999));
    if (!day_ok(&ev.t, now_fixed, 9999))
      dump("kb_date_reason", s, n, &ev.t, ctx.lang);
    CHECK(ev.confidence >= 0 && ev.confidence <= 1);
  }

  /* the same bytes as a URL path */
  char url[512];
  size_t m = n < 400 ? n : 400;
  memcpy(url, "https://example.com/", 20);
  memcpy(url + 20, s, m);
  url[20 + m] = '\0';
  if (kb_date_from_url(url, &t)) {
    CHECK(day_ok(&t, 0, 2100));
    if (!day_ok(&t, 0, 2100))
      dump("kb_date_from_url", url, strlen(url), &t, NULL);
  }
  if (kb_date_from_url(s, &t))
    CHECK(day_ok(&t, 0, 2100));
}

static void random_text(kb_buf *b) {
  kb_buf_reset(b);
  size_t n = rnd_below(200);
  for (size_t i = 0; i < n; i++) {
    uint64_t r = rnd();
    kb_buf_putc(b, (r & 3) == 0   ? (int)((r >> 8) & 0xff)
                   : (r & 3) == 1 ? '0' + (int)((r >> 8) % 10)
                                  : " /-.:(),"[(r >> 8) % 8]);
  }
  kb_buf_putc(b, 'x');
  b->len--;
  b->data[b->len] = '\0';
}

/* Inputs that once went wrong, kept as plain cases. */
static void regressions(void) {
  static const char *const cases[] = {
      "",          "(",          "(1",
      "(1/",       "(1/2",       "Senin (",
      "2023-",     "2023/08/",   "https://x/2023/08/",
      "/20230816", "/2023/0816", "Aug Nop16, 2023 9:46 a.m.+14:00 ET",
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_text(cases[i], strlen(cases[i]));
}

int main(void) {
  int rounds = kbf_setup(SEED, ROUNDS);

  regressions();
  kb_buf b;
  kb_buf_init(&b, 0);
  size_t nseeds = sizeof seeds / sizeof seeds[0];
  for (size_t s = 0; s < nseeds; s++) {
    check_text(seeds[s], strlen(seeds[s]));
    for (int i = 0; i < rounds; i++) {
      kb_buf_reset(&b);
      kb_buf_puts(&b, seeds[s]);
      mutate(&b);
      check_text(b.data, b.len);
    }
  }
  for (int i = 0; i < rounds * 4; i++) {
    random_text(&b);
    check_text(b.data, b.len);
  }
  /* a very long line: 200 KB of dates and noise, then 1 MB of digits */
  kb_buf_reset(&b);
  while (b.len < 200000) {
    kb_buf_puts(&b, seeds[rnd_below(nseeds)]);
    kb_buf_puts(&b, rnd() & 1 ? " " : " (15/8) ");
  }
  clock_t t0 = clock();
  check_text(b.data, b.len);
  kb_buf_reset(&b);
  for (int i = 0; i < (1 << 20); i++)
    kb_buf_putc(&b, i % 7 == 6 ? '/' : '1' + i % 9);
  check_text(b.data, b.len);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(secs < 3.0);
  fprintf(stderr, "long lines: %.2f s\n", secs);
  kb_buf_clear(&b);
  return KBT_DONE();
}
