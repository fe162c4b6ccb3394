/* Internal to src/dates: the word table built once from data/dates/ TSV files
 * and the token scanner shared by the free-text parser (parse.c), the
 * event-date reasoner (reason.c) and the HTML date cascade (html_dates.c). */
#ifndef KB_DATES_INT_H
#define KB_DATES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kabar/dates.h"

/* What a word (or a phrase of up to 3 words) may be. One entry per distinct
 * lower-cased key; a key can be several things ("mar": month and weekday). */
enum {
  DW_LABEL = 1u << 0,    /* "diperbarui", "published" on a date line */
  DW_JOIN = 1u << 1,     /* "pukul", "at": between date and time */
  DW_AUTHOR = 1u << 2,   /* "oleh", "by" */
  DW_AMPM = 1u << 3,     /* am/pm, hour offset in ampm */
  DW_DATEWORD = 1u << 4, /* "de", "of" inside a date */
  DW_UNIT = 1u << 5,     /* relative unit, seconds in unit_secs */
  DW_AGO = 1u << 6,      /* "lalu", "ago" after "N unit" */
  DW_BEFORE = 1u << 7,   /* "vor", "il y a" before "N unit" */
  DW_RELDAY = 1u << 8,   /* "kemarin": relday days from now */
  /* reasoning cues (reason-*.tsv) */
  DW_REPORT = 1u << 9,    /* reporting verb: "melaporkan", "reported" */
  DW_ANNIV = 1u << 10,    /* "peringatan", "anniversary", "HUT" */
  DW_YEARS = 1u << 11,    /* "tahun", "years" (after a count) */
  DW_LASTYEAR = 1u << 12, /* "tahun lalu", "last year" */
  DW_ON = 1u << 13,       /* "pada", "on": introduces the event's day */
  DW_SCHED = 1u << 14,    /* "akan", "will", "dijadwalkan": future */
  DW_NEXTWEEK = 1u << 15, /* after a weekday: not a past weekday
                             ("Kamis depan") */
  DW_SINCE = 1u << 16,    /* "sejak", "since" after "N tahun" */
  DW_MODLABEL = 1u << 17, /* "Updated", "Letzte Änderung": the date after it
                             is a modification date (also a DW_LABEL) */
  DW_ONE = 1u << 18,      /* "an", "einer", "une": the count one before a
                             relative unit ("an hour ago") */
  DW_LONE = 1u << 19      /* a unit that says one of itself without a count
                             before "ago" (Russian "час назад", Italian
                             "un'ora fa"), seconds in unit_secs */
};

typedef struct kb_dword {
  char key[40];
  uint8_t klen;
  uint8_t month;      /* 1..12; 0 = not a month */
  uint8_t month_full; /* 1 for a full name, 0 for an abbreviation */
  int8_t wday;        /* 0 = Monday .. 6; -1 = not a weekday */
  uint8_t wday_full;
  uint8_t has_zone;
  int16_t zone_min;
  int8_t ampm;
  int8_t relday;
  uint32_t flags;
  int32_t unit_secs;
} kb_dword;

typedef struct kb_dtables kb_dtables;
const kb_dtables *kb_dtables_get(void); /* built once; never NULL */
const kb_dword *kb_dtables_find(const kb_dtables *tb, const char *key,
                                size_t n);

/* ---- tokens ---------------------------------------------------------- */
enum { DT_NUM = 1, DT_WORD, DT_PUNCT };

typedef struct dtok {
  uint32_t b0, b1;   /* byte range in the text */
  uint8_t type;      /* DT_* */
  uint8_t ndig;      /* DT_NUM: digits */
  uint8_t sp;        /* 1 when white space precedes the token */
  uint8_t cap;       /* DT_WORD: first letter upper case */
  uint8_t lowlen;    /* DT_WORD: bytes in low; 0 when too long */
  uint32_t cp;       /* DT_PUNCT: the code point */
  int32_t num;       /* DT_NUM: value (capped) */
  const kb_dword *w; /* DT_WORD: table entry, or NULL */
  char low[40];      /* DT_WORD: lower-cased */
} dtok;

typedef struct dscan {
  const char *s;
  size_t n;
  dtok *tok; /* ntok tokens; owned by the scan */
  size_t ntok;
  const kb_dtables *tb;
  int mdy;     /* 1: read a/b/y as month/day (en-US) */
  int64_t now; /* unix seconds */
  dtok small[96];
} dscan;

/* Tokenizes s[0..n); tokens live in sc (heap only for long texts).
 * Returns KB_OK or KB_ENOMEM. */
kb_status dscan_init(dscan *sc, const char *s, size_t n,
                     const kb_date_ctx *ctx);
void dscan_clear(dscan *sc);

/* A date expression found at a token. Fields 0 / -1 when unknown. */
typedef struct dmatch {
  int y, m, d;
  int wday;           /* weekday printed with it; -1 none */
  int hour, min, sec; /* hour -1: no time */
  int tz, has_tz;
  int relative;  /* 1: resolved from "2 jam lalu"/"kemarin" */
  int numeric;   /* 1: digits only (4/5/2023) */
  size_t t0, t1; /* token range [t0, t1) */
} dmatch;

/* Tries a date at token i (partial dates allowed: day+month, month+year).
 * Returns 1 and fills *m. Relative expressions are resolved against now. */
int dscan_match(const dscan *sc, size_t i, dmatch *m);
/* 1 when m is a full date inside [1990, now + 1 day]. */
int dmatch_valid_full(const dscan *sc, const dmatch *m);
void dmatch_to_datetime(const dmatch *m, kb_datetime *out);

/* kb_date_find / kb_date_line with relative dates ("kemarin") optionally
 * refused: an archived page's "yesterday" is not relative to now. */
int kb_dates_find_ex(const char *s, size_t n, const kb_date_ctx *ctx,
                     int allow_relative, kb_datetime *out, size_t *start,
                     size_t *len);
int kb_dates_line_ex(const char *s, size_t n, const kb_date_ctx *ctx,
                     int allow_relative, kb_datetime *out);
/* The same test on a text already tokenized (at most 300 bytes), for a
 * caller that scans the text for other dates too. */
int kb_dates_line_scan(const dscan *sc, int allow_relative, kb_datetime *out);

/* The first absolute date of s[0..n) that no modification label
 * ("Updated:", "Letzte Änderung:") introduces; when every date has one, the
 * first of them with *mod = 1. For printed dates in HTML. */
int kb_dates_find_pub(const char *s, size_t n, const kb_date_ctx *ctx,
                      kb_datetime *out, int *mod);

int64_t kb_dates_now(const kb_date_ctx *ctx);
/* Lower-cases s[0..n) into out (cap bytes) as kb_str_lower_into does, with
 * typographic apostrophes folded to '; returns the length, or 0 when it does
 * not fit. */
size_t kb_dates_lower(const char *s, size_t n, char *out, size_t cap);

/* 0 when no key of several words starts with the word w[0..n) (lower-cased,
 * no space): then only the word itself can be a table phrase there. */
int kb_dtables_phrase_head(const kb_dtables *tb, const char *w, size_t n);

#endif
