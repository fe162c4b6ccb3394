/* Free-text date parsing: a tokenizer over UTF-8 and hand-written patterns
 * over its tokens (numeric, day-month-name, month-name-day, ISO, times,
 * zones, relative "2 jam lalu"). Serves kb_date_find / kb_date_line (the
 * plain-text extractor's printed-date lines) and the event-date reasoner. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dates/dates_int.h"

int64_t kb_dates_now(const kb_date_ctx *ctx) {
  if (ctx && ctx->now > 0)
    return ctx->now;
  return (int64_t)time(NULL);
}

static int is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

static int lang_is_mdy(const char *lang) {
  /* Month-first numeric dates are a US habit. Plain "en" is written day-first
   * in most of the English-speaking world (UK, India, Australia, Nigeria...),
   * so only an explicit en-US turns month-first on; elsewhere 8/16/2023 is
   * still read month-first because 16 cannot be a month (dscan_match). */
  if (!lang)
    return 0;
  kb_str l = {lang, strnlen(lang, 6)};
  return kb_str_ieq_ascii(l, "en-us") || kb_str_ieq_ascii(l, "en_us");
}

/* A text past this many tokens is cut. The array grows by doubling from the
 * 96 of dscan.small and the cut was "full at a capacity of 200000 or more",
 * which falls at the first doubling past it: 96 << 12 tokens. */
#define TOKEN_CUT (96u << 12)
_Static_assert(sizeof((dscan *)0)->small / sizeof(dtok) == 96,
               "TOKEN_CUT is counted from the 96 tokens of dscan.small");

/* Makes room for one more token; KB_ELIMIT when the text is cut there. */
static kb_status grow(dscan *sc, size_t *cap) {
  if (*cap >= TOKEN_CUT)
    return KB_ELIMIT;
  size_t ncap = *cap * 2;
  dtok *nt = malloc(ncap * sizeof *nt);
  if (!nt)
    return KB_ENOMEM;
  memcpy(nt, sc->tok, sc->ntok * sizeof *nt);
  if (sc->tok != sc->small)
    free(sc->tok);
  sc->tok = nt;
  *cap = ncap;
  return KB_OK;
}

/* is_letter() for a byte below 0x80 (kb_unicode_isalnum's ASCII rule) */
static int is_ascii_letter(unsigned char c) {
  return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int is_letter(uint32_t cp) {
  return kb_unicode_isalnum(cp) && !(cp >= '0' && cp <= '9');
}

/* kb_utf8_decode with two-byte sequences (Latin, Greek, Cyrillic, Arabic
 * letters) decoded here: the same code point and length */
static size_t decode(const char *s, size_t n, uint32_t *cp) {
  unsigned char c = (unsigned char)s[0];
  if (c >= 0xC2 && c <= 0xDF && n >= 2 &&
      ((unsigned char)s[1] & 0xC0) == 0x80) {
    *cp = (uint32_t)(c & 0x1F) << 6 | ((unsigned char)s[1] & 0x3F);
    return 2;
  }
  return kb_utf8_decode(s, n, cp);
}

/* ascii_letters8 counts bytes from the low end of a word: little-endian */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_OK 1
#else
#define SWAR_OK 0
#endif

/* How many of the 8 bytes at p lead with ASCII letters; writes the 8 bytes
 * with bit 0x20 set (the lower case of those letters) to out. */
static size_t ascii_letters8(const char *p, char *out) {
  const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
  uint64_t x;
  memcpy(&x, p, 8);
  uint64_t y = x | ones * 0x20;
  memcpy(out, &y, 8);
  /* per byte, with the high bit clear: y + 0x80 - 'a' has it set when
   * y >= 'a', y + 0x80 - 'z' - 1 when y > 'z'; no byte carries over */
  uint64_t y7 = y & ~high;
  uint64_t ge_a = y7 + ones * (0x80 - 'a');
  uint64_t gt_z = y7 + ones * (0x80 - 'z' - 1);
  uint64_t letter = ge_a & ~gt_z & ~x & high;
  uint64_t miss = ~letter & high;
  return miss ? (size_t)__builtin_ctzll(miss) / 8 : 8;
}

/* Appends the lower-cased form of the character cp (the k valid bytes at
 * src) to low at *o, as kb_dates_lower does; *o counts on past the buffer so
 * the caller can tell a word that does not fit. */
static void low_put(char *low, size_t *o, uint32_t cp, const char *src,
                    size_t k) {
  char enc[4];
  const char *b = src;
  if (cp == 0x2019 || cp == 0x2018) {
    enc[0] = '\'';
    b = enc;
    k = 1;
  } else {
    uint32_t lc = kb_unicode_lower(cp);
    if (lc != cp) { /* else: the decoder only passes shortest forms, so the
                       bytes are already the encoding of cp */
      k = kb_utf8_encode(lc, enc);
      b = enc;
    }
  }
  if (*o + k <= sizeof((dtok *)0)->low)
    for (size_t q = 0; q < k; q++) /* 1..4 bytes: no memcpy call */
      low[*o + q] = b[q];
  *o += k;
}

kb_status dscan_init(dscan *sc, const char *s, size_t n,
                     const kb_date_ctx *ctx) {
  size_t cap = sizeof sc->small / sizeof sc->small[0];
  sc->s = s;
  sc->n = n;
  sc->tok = sc->small;
  sc->ntok = 0;
  sc->tb = kb_dtables_get();
  sc->mdy = ctx ? lang_is_mdy(ctx->lang) : 0;
  sc->now = kb_dates_now(ctx);
  int space = 1;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    /* white space first: it makes no token */
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      space = 1;
      i++;
      continue;
    }
    uint32_t cp = c;
    size_t k = 1;
    if (c >= 0x80) {
      k = decode(s + i, n - i, &cp);
      if (kb_unicode_isspace(cp)) {
        space = 1;
        i += k;
        continue;
      }
    }
    if (sc->ntok == cap) {
      kb_status rc = grow(sc, &cap);
      if (rc == KB_ELIMIT)
        break;
      if (rc != KB_OK) {
        dscan_clear(sc); /* callers clear only a scan that succeeded */
        return rc;
      }
    }
    /* built in place: a token is ~70 bytes, most of them low */
    dtok *t = &sc->tok[sc->ntok];
    t->sp = (uint8_t)space;
    t->b0 = (uint32_t)i;
    t->w = NULL;
    t->lowlen = 0;
    t->cap = 0;
    t->ndig = 0;
    t->num = 0;
    t->cp = 0;
    if (is_digit(c)) {
      int v = 0, nd = 0;
      while (i < n && is_digit((unsigned char)s[i])) {
        if (v < 100000000)
          v = v * 10 + (s[i] - '0');
        nd++;
        i++;
      }
      t->type = DT_NUM;
      t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
      t->num = v;
    } else if (c < 0x80 ? is_ascii_letter(c) : is_letter(cp)) {
      /* the word is lower-cased into low while it is scanned (the same
       * bytes kb_dates_lower gives, 0 when they pass sizeof low) */
      size_t j = i, o = 0;
      char *low = t->low;
      t->cap = c < 0x80 ? c <= 'Z' : cp != kb_unicode_lower(cp);
      while (j < n) {
        unsigned char b = (unsigned char)s[j];
        /* ASCII without the decoder (most words); the apostrophe rule
         * below needs the next character */
        if (b < 0x80 && b != '\'') {
          if (!is_ascii_letter(b))
            break;
          /* the run of ASCII letters, lower-cased: 8 bytes at a time while
           * they fit, then one at a time */
          while (SWAR_OK && j + 8 <= n && o + 8 <= sizeof t->low) {
            size_t m = ascii_letters8(s + j, low + o);
            j += m;
            o += m;
            if (m < 8)
              break;
          }
          if (j == n)
            break;
          b = (unsigned char)s[j];
          while (is_ascii_letter(b)) {
            if (o < sizeof t->low)
              low[o] = (char)(b | 32);
            o++;
            if (++j == n)
              break;
            b = (unsigned char)s[j];
          }
          continue;
        }
        uint32_t c2;
        size_t k2 = decode(s + j, n - j, &c2);
        if (is_letter(c2)) {
          low_put(low, &o, c2, s + j, k2);
          j += k2;
          continue;
        }
        /* an apostrophe inside a word: "jum'at", "aujourd'hui" */
        if ((c2 == '\'' || c2 == 0x2019) && j + k2 < n) {
          uint32_t c3;
          decode(s + j + k2, n - j - k2, &c3);
          if (is_letter(c3)) {
            low_put(low, &o, c2, s + j, k2);
            j += k2;
            continue;
          }
        }
        break;
      }
      t->type = DT_WORD;
      if (o <= sizeof t->low) {
        t->lowlen = (uint8_t)o;
        t->w = kb_dtables_find(sc->tb, low, o);
      }
      i = j;
    } else {
      t->type = DT_PUNCT;
      t->cp = cp;
      i += k;
    }
    t->b1 = (uint32_t)i;
    space = 0;
    sc->ntok++;
  }
  return KB_OK;
}

void dscan_clear(dscan *sc) {
  if (sc->tok && sc->tok != sc->small)
    free(sc->tok);
  sc->tok = NULL;
  sc->ntok = 0;
}

/* ---- token helpers ----------------------------------------------------- */
static const dtok *tk(const dscan *sc, size_t i) {
  return i < sc->ntok ? &sc->tok[i] : NULL;
}

static int is_p(const dscan *sc, size_t i, uint32_t cp) {
  const dtok *t = tk(sc, i);
  return t && t->type == DT_PUNCT && t->cp == cp;
}

static int is_num(const dscan *sc, size_t i, int mind, int maxd) {
  const dtok *t = tk(sc, i);
  return t && t->type == DT_NUM && t->ndig >= mind && t->ndig <= maxd;
}

static int is_word(const dscan *sc, size_t i, const char *w) {
  const dtok *t = tk(sc, i);
  size_t n = strlen(w);
  return t && t->type == DT_WORD && t->lowlen == n && memcmp(t->low, w, n) == 0;
}

static const kb_dword *word_at(const dscan *sc, size_t i) {
  const dtok *t = tk(sc, i);
  return t && t->type == DT_WORD ? t->w : NULL;
}

/* The longest table phrase of 1..3 words at token i; *nt = tokens used. */
static const kb_dword *phrase_at(const dscan *sc, size_t i, size_t *nt) {
  const dtok *t0 = tk(sc, i);
  if (t0 && t0->type == DT_WORD && t0->lowlen &&
      !kb_dtables_phrase_head(sc->tb, t0->low, t0->lowlen)) {
    if (t0->w)
      *nt = 1;
    return t0->w; /* no phrase of several words starts here */
  }
  char buf[40];
  size_t len = 0;
  const kb_dword *best = NULL;
  for (size_t k = 0; k < 3; k++) {
    const dtok *t = tk(sc, i + k);
    if (!t || t->type != DT_WORD || !t->lowlen)
      break;
    if (k > 0 && !t->sp)
      break;
    if (len + (k > 0) + t->lowlen >= sizeof buf)
      break;
    if (k > 0)
      buf[len++] = ' ';
    memcpy(buf + len, t->low, t->lowlen);
    len += t->lowlen;
    const kb_dword *w = k == 0 ? t->w : kb_dtables_find(sc->tb, buf, len);
    if (w) {
      best = w;
      *nt = k + 1;
    }
  }
  return best;
}

/* Skips an ordinal suffix glued to a number: 16th, 1st, 1er, 16. */
static size_t skip_ordinal(const dscan *sc, size_t i) {
  static const char *const suf[] = {"st", "nd", "rd", "th", "er",
                                    "e",  "o",  "º",  "ª"};
  const dtok *t = tk(sc, i);
  if (!t || t->sp || t->type != DT_WORD)
    return i;
  for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++)
    if (is_word(sc, i, suf[k]))
      return i + 1;
  return i;
}

static int is_dash(uint32_t cp) {
  return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2212;
}

/* ---- zones and times --------------------------------------------------- */
/* "+07:00", "+0700", "WIB", "GMT+7", "UTC+07:00". Returns the next token. */
static size_t parse_zone(const dscan *sc, size_t i, int *tz) {
  const kb_dword *w = word_at(sc, i);
  const dtok *t = tk(sc, i);
  int base = 0;
  size_t j = i;
  if (w && w->has_zone) {
    base = w->zone_min;
    j = i + 1;
    *tz = base;
    if (!(is_p(sc, j, '+') || is_p(sc, j, '-') || is_p(sc, j, 0x2212)) ||
        tk(sc, j)->sp)
      return j;
  } else if (!t || t->type != DT_PUNCT ||
             !(t->cp == '+' || t->cp == '-' || t->cp == 0x2212)) {
    return i;
  }
  const dtok *sign = tk(sc, j);
  const dtok *num = tk(sc, j + 1);
  if (!num || num->type != DT_NUM || num->sp)
    return j;
  int s = sign->cp == '+' ? 1 : -1, off;
  size_t e = j + 2;
  if (num->ndig == 4) {
    off = (num->num / 100) * 60 + num->num % 100;
  } else if (num->ndig <= 2) {
    off = num->num * 60;
    if (is_p(sc, e, ':') && is_num(sc, e + 1, 2, 2) && !tk(sc, e)->sp) {
      off += tk(sc, e + 1)->num;
      e += 2;
    }
  } else {
    return j;
  }
  if (off > 14 * 60)
    return j;
  *tz = base + s * off;
  return e;
}

static size_t parse_ampm(const dscan *sc, size_t i, int *ampm) {
  const kb_dword *w = word_at(sc, i);
  if (w && (w->flags & DW_AMPM)) {
    *ampm = w->ampm;
    return is_p(sc, i + 1, '.') ? i + 2 : i + 1;
  }
  /* "a.m." / "p.m." come as letter, dot, letter */
  if ((is_word(sc, i, "a") || is_word(sc, i, "p")) && is_p(sc, i + 1, '.') &&
      is_word(sc, i + 2, "m")) {
    *ampm = is_word(sc, i, "p") ? 12 : 0;
    return is_p(sc, i + 3, '.') ? i + 4 : i + 3;
  }
  return i;
}

/* "09:46", "9.46", "09:46:00", "9:46 AM", "14h30", "9 PM", then an optional
 * "Uhr" and zone. Returns the next token, or i when there is no time. */
static size_t parse_time(const dscan *sc, size_t i, dmatch *m) {
  if (!is_num(sc, i, 1, 2))
    return i;
  int h = tk(sc, i)->num, mi = 0, se = 0, has_min = 0;
  size_t j = i + 1;
  const dtok *sep = tk(sc, j);
  if (sep && !sep->sp &&
      ((sep->type == DT_PUNCT && (sep->cp == ':' || sep->cp == '.')) ||
       (sep->type == DT_WORD &&
        (is_word(sc, j, "h") || is_word(sc, j, "u")))) &&
      is_num(sc, j + 1, 2, 2) && !tk(sc, j + 1)->sp) {
    mi = tk(sc, j + 1)->num;
    has_min = 1;
    j += 2;
    if (is_p(sc, j, ':') && is_num(sc, j + 1, 2, 2) && !tk(sc, j)->sp &&
        !tk(sc, j + 1)->sp) {
      se = tk(sc, j + 1)->num;
      j += 2;
      if (is_p(sc, j, '.') && is_num(sc, j + 1, 1, 9) && !tk(sc, j + 1)->sp)
        j += 2; /* fractions of a second */
    }
  }
  int ampm = -1;
  size_t k = parse_ampm(sc, j, &ampm);
  if (k == j)
    ampm = -1;
  if (!has_min && ampm < 0)
    return i;
  if (ampm >= 0) {
    if (h < 1 || h > 12)
      return i;
    h = h % 12 + ampm;
  }
  if (h > 23 || mi > 59 || se > 60)
    return i;
  j = k;
  if (is_word(sc, j, "uhr") || is_word(sc, j, "h") || is_word(sc, j, "hrs"))
    j++;
  if (is_word(sc, j, "z") && !tk(sc, j)->sp) {
    m->tz = 0, m->has_tz = 1;
    j++;
  } else {
    int tz = 0;
    size_t z = parse_zone(sc, j, &tz);
    if (z == j && is_p(sc, j, '(')) { /* "09:46 (WIB)" */
      size_t z2 = parse_zone(sc, j + 1, &tz);
      if (z2 > j + 1 && is_p(sc, z2, ')'))
        z = z2 + 1;
    }
    if (z > j) {
      m->tz = tz, m->has_tz = 1;
      j = z;
    }
  }
  m->hour = h, m->min = mi, m->sec = se > 59 ? 59 : se;
  return j;
}

/* Separators and words allowed between a date and its time. */
static size_t skip_joiners(const dscan *sc, size_t i) {
  size_t j = i;
  for (int k = 0; k < 3; k++) {
    const dtok *t = tk(sc, j);
    if (!t)
      break;
    if (t->type == DT_PUNCT &&
        (t->cp == ',' || t->cp == '|' || is_dash(t->cp) || t->cp == '@' ||
         t->cp == '/' || t->cp == 0xB7 || t->cp == 0x2022 || t->cp == ';')) {
      j++;
      continue;
    }
    size_t nt = 0;
    const kb_dword *w = phrase_at(sc, j, &nt);
    if (w && (w->flags & DW_JOIN)) {
      j += nt;
      continue;
    }
    if (is_word(sc, j, "t") && !t->sp) { /* ISO 'T' */
      j++;
      continue;
    }
    break;
  }
  return j;
}

static int year_of(const dscan *sc, const dtok *t) {
  if (t->ndig == 4)
    return t->num;
  if (t->ndig == 2) {
    int64_t days = sc->now / 86400;
    int y, mo, d;
    kb_civil_from_days(days, &y, &mo, &d);
    return t->num <= (y % 100) + 1 ? 2000 + t->num : 1900 + t->num;
  }
  return 0;
}

/* A month name at token i, one word or a phrase ("كانون الثاني"); *nt =
 * tokens used. A second name of the same month after a slash ("نيسان /
 * أبريل": Levantine and Egyptian names side by side) is part of it. */
static int month_at(const dscan *sc, size_t i, size_t *nt) {
  size_t n1 = 1;
  const kb_dword *w = phrase_at(sc, i, &n1);
  if (!w || !w->month) {
    w = word_at(sc, i);
    n1 = 1;
  }
  if (!w || !w->month)
    return 0;
  *nt = n1;
  size_t n2 = 0;
  const kb_dword *w2;
  if (is_p(sc, i + n1, '/') && (w2 = phrase_at(sc, i + n1 + 1, &n2)) &&
      w2->month == w->month)
    *nt = n1 + 1 + n2;
  return w->month;
}

/* CJK/Korean unit characters glued after a number: 年 月 日, 년 월 일. */
static int cjk_unit(const dscan *sc, size_t i, uint32_t han, uint32_t hangul) {
  const dtok *t = tk(sc, i);
  if (!t || t->type != DT_WORD)
    return 0;
  uint32_t cp;
  kb_utf8_decode(sc->s + t->b0, t->b1 - t->b0, &cp);
  return cp == han || cp == hangul;
}

/* "2020年6月24日", "2020년 3월 4일", "6月24日" (no year); times and other
 * words may be glued after 日 in CJK text, so only the first character of
 * each word counts. Returns the next token or 0. */
static size_t parse_cjk(const dscan *sc, size_t i, dmatch *m) {
  size_t j = i;
  int y = 0;
  if (is_num(sc, j, 4, 4) && cjk_unit(sc, j + 1, 0x5E74, 0xB144)) {
    y = tk(sc, j)->num;
    j += 2;
  }
  if (!is_num(sc, j, 1, 2) || !cjk_unit(sc, j + 1, 0x6708, 0xC6D4) ||
      !is_num(sc, j + 2, 1, 2) || !cjk_unit(sc, j + 3, 0x65E5, 0xC77C))
    return 0;
  m->y = y, m->m = tk(sc, j)->num, m->d = tk(sc, j + 2)->num;
  m->numeric = 1;
  return j + 4;
}

/* The core date (without weekday or time) at token i; returns the next token
 * or 0. Partial dates come back with y = 0 or d = 0. */
static size_t parse_core(const dscan *sc, size_t i, dmatch *m) {
  const dtok *t = tk(sc, i);
  if (!t)
    return 0;
  size_t cj = parse_cjk(sc, i, m);
  if (cj)
    return cj;
  if (t->type == DT_NUM && t->ndig == 4 && t->num >= 1900 && t->num <= 2100) {
    /* "2020. június 24." (Hungarian): year, dot, month name, day */
    size_t j = i + 1, mn = 0;
    int mo = 0;
    if (is_p(sc, j, '.') && !tk(sc, j)->sp && tk(sc, j + 1) &&
        tk(sc, j + 1)->sp)
      mo = month_at(sc, ++j, &mn);
    if (mo && is_num(sc, j + mn, 1, 2) &&
        !(is_p(sc, j + mn + 1, ':') || is_p(sc, j + mn + 1, '/'))) {
      m->y = t->num, m->m = mo, m->d = tk(sc, j + mn)->num;
      j += mn + 1;
      if (is_p(sc, j, '.') && !tk(sc, j)->sp)
        j++;
      return j;
    }
    /* 2023-08-16, 2023/08/16, 2023.08.16 */
    const dtok *s1 = tk(sc, i + 1);
    if (s1 && s1->type == DT_PUNCT && !s1->sp &&
        (s1->cp == '-' || s1->cp == '/' || s1->cp == '.') &&
        is_num(sc, i + 2, 1, 2) && is_p(sc, i + 3, s1->cp) &&
        is_num(sc, i + 4, 1, 2) && !tk(sc, i + 2)->sp && !tk(sc, i + 4)->sp) {
      m->y = t->num, m->m = tk(sc, i + 2)->num, m->d = tk(sc, i + 4)->num;
      m->numeric = 1;
      return i + 5;
    }
    return 0;
  }
  if (t->type == DT_NUM && t->ndig <= 2) {
    const dtok *s1 = tk(sc, i + 1);
    /* numeric d/m/y (or m/d/y) */
    if (s1 && s1->type == DT_PUNCT && !s1->sp &&
        (s1->cp == '/' || s1->cp == '.' || s1->cp == '-') &&
        is_num(sc, i + 2, 1, 2) && !tk(sc, i + 2)->sp) {
      /* not a piece of a longer number chain (1.2.3.4, versions) */
      if (i >= 2 && tk(sc, i - 1)->type == DT_PUNCT && !t->sp &&
          tk(sc, i - 1)->cp == s1->cp && tk(sc, i - 2)->type == DT_NUM)
        return 0;
      int a = t->num, b = tk(sc, i + 2)->num, y = 0;
      size_t e = i + 3;
      if (is_p(sc, e, s1->cp) && !tk(sc, e)->sp && is_num(sc, e + 1, 2, 4) &&
          !tk(sc, e + 1)->sp && tk(sc, e + 1)->ndig != 3) {
        y = year_of(sc, tk(sc, e + 1));
        e += 2;
        if (is_p(sc, e, s1->cp) && is_num(sc, e + 1, 1, 9) && !tk(sc, e)->sp)
          return 0;
      } else if (s1->cp != '/') {
        return 0; /* "10.15" and "2-1" are times and scores, not dates */
      }
      if (y == 0 && is_p(sc, e, s1->cp))
        return 0;
      int mdy = sc->mdy;
      if (a > 12 && b <= 12)
        mdy = 0;
      else if (b > 12 && a <= 12)
        mdy = 1;
      m->d = mdy ? b : a;
      m->m = mdy ? a : b;
      m->y = y;
      m->numeric = 1;
      return e;
    }
    /* "26 | 01 | 2022": numbers set apart by bars as a design style; only
     * with a four-digit year (table cells and scores have none) */
    if (is_p(sc, i + 1, '|') && is_num(sc, i + 2, 1, 2) &&
        is_p(sc, i + 3, '|') && is_num(sc, i + 4, 4, 4) &&
        tk(sc, i + 4)->num >= 1990 && tk(sc, i + 2)->num >= 1 &&
        tk(sc, i + 2)->num <= 12 && !(i >= 1 && is_p(sc, i - 1, '|'))) {
      m->d = t->num, m->m = tk(sc, i + 2)->num, m->y = tk(sc, i + 4)->num;
      m->numeric = 1;
      return i + 5;
    }
    /* "4. 2. 2022": the dotted day-month-year written with spaces (German,
     * Czech, Polish); the four-digit year keeps list numbers out */
    if (is_p(sc, i + 1, '.') && !s1->sp && is_num(sc, i + 2, 1, 2) &&
        tk(sc, i + 2)->sp && is_p(sc, i + 3, '.') && !tk(sc, i + 3)->sp &&
        is_num(sc, i + 4, 4, 4) && tk(sc, i + 4)->sp &&
        !(i >= 2 && is_p(sc, i - 1, '.') && is_num(sc, i - 2, 1, 2))) {
      m->d = t->num, m->m = tk(sc, i + 2)->num, m->y = tk(sc, i + 4)->num;
      m->numeric = 1;
      return i + 5;
    }
    /* 16 August 2023, 16. August 2023, 16 de agosto de 2023, 16th of May */
    size_t j = skip_ordinal(sc, i + 1);
    if (is_p(sc, j, '.') && !tk(sc, j)->sp)
      j++;
    const kb_dword *dw = word_at(sc, j);
    if (dw && (dw->flags & DW_DATEWORD) && !dw->month)
      j++;
    size_t mn = 0;
    int mo = month_at(sc, j, &mn);
    if (!mo)
      return 0;
    m->d = t->num;
    m->m = mo;
    j += mn;
    if (is_p(sc, j, '.') && !tk(sc, j)->sp)
      j++;
    size_t k = j;
    if (is_p(sc, k, ','))
      k++;
    dw = word_at(sc, k);
    if (dw && (dw->flags & DW_DATEWORD))
      k++;
    if (is_num(sc, k, 4, 4) && tk(sc, k)->num >= 1900 &&
        tk(sc, k)->num <= 2100) {
      m->y = tk(sc, k)->num;
      j = k + 1;
      dw = word_at(sc, j);
      if (dw && (dw->flags & DW_DATEWORD)) { /* "2023 года", "2023 г." */
        j++;
        if (is_p(sc, j, '.'))
          j++;
      }
    }
    return j;
  }
  size_t mn = 0;
  if (t->type == DT_WORD && month_at(sc, i, &mn)) {
    /* August 16, 2023; Aug. 16th 2023; August 2023 */
    size_t j = i + mn;
    const kb_dword *mw = word_at(sc, i);
    int month = month_at(sc, i, &mn), full = mn > 1 || (mw && mw->month_full);
    if (is_p(sc, j, '.') && !tk(sc, j)->sp)
      j++;
    if (is_num(sc, j, 1, 2)) {
      int d = tk(sc, j)->num;
      size_t k = skip_ordinal(sc, j + 1);
      size_t e = k;
      if (is_p(sc, k, ','))
        k++;
      if (is_num(sc, k, 4, 4) && tk(sc, k)->num >= 1900 &&
          tk(sc, k)->num <= 2100) {
        m->y = tk(sc, k)->num;
        e = k + 1;
      } else if (!full) {
        return 0; /* "Mar 3" without a year is too weak */
      }
      m->m = month;
      m->d = d;
      return e;
    }
    if (is_num(sc, j, 4, 4) && tk(sc, j)->num >= 1900 &&
        tk(sc, j)->num <= 2100 && full) {
      m->m = month;
      m->y = tk(sc, j)->num;
      return j + 1;
    }
  }
  return 0;
}

static int day_ok(int y, int mo, int d) {
  if (mo < 1 || mo > 12)
    return 0;
  if (d == 0)
    return 1;
  return d >= 1 && d <= (y ? kb_days_in_month(y, mo)
                           : (mo == 2 ? 29 : kb_days_in_month(2001, mo)));
}

/* "2 jam lalu", "2 jam yang lalu", "3 hours ago", "vor 2 Stunden",
 * "час назад", "kemarin", "yesterday". Resolved against sc->now (UTC). */
/* The count at token i before a relative unit: a number of 1 to 3 digits,
 * or a word for one ("an hour ago", "vor einer Stunde"); -1 when neither. */
static int count_at(const dscan *sc, size_t i) {
  if (is_num(sc, i, 1, 3))
    return tk(sc, i)->num;
  const kb_dword *w = word_at(sc, i);
  return w && (w->flags & DW_ONE) ? 1 : -1;
}

static size_t parse_relative(const dscan *sc, size_t i, dmatch *m) {
  size_t nt = 0;
  const kb_dword *w = phrase_at(sc, i, &nt);
  int64_t secs = -1;
  size_t e = 0;
  if (w && (w->flags & DW_RELDAY)) {
    int64_t day = sc->now / 86400 + w->relday;
    kb_civil_from_days(day, &m->y, &m->m, &m->d);
    m->relative = 1;
    return i + nt;
  }
  int count;
  if (w && (w->flags & DW_BEFORE) && (count = count_at(sc, i + nt)) >= 0) {
    size_t nt2 = 0;
    const kb_dword *u = phrase_at(sc, i + nt + 1, &nt2);
    if (u && (u->flags & DW_UNIT)) {
      secs = (int64_t)count * u->unit_secs;
      e = i + nt + 1 + nt2;
    }
  } else if (w && (w->flags & DW_LONE)) { /* "час назад": one hour */
    size_t nt2 = 0;
    const kb_dword *a = phrase_at(sc, i + nt, &nt2);
    if (a && (a->flags & DW_AGO)) {
      secs = w->unit_secs;
      e = i + nt + nt2;
    }
  } else if ((count = count_at(sc, i)) >= 0) {
    size_t nt2 = 0, nt3 = 0;
    const kb_dword *u = phrase_at(sc, i + 1, &nt2);
    if (u && (u->flags & DW_UNIT)) {
      const kb_dword *a = phrase_at(sc, i + 1 + nt2, &nt3);
      if (a && (a->flags & DW_AGO)) {
        secs = (int64_t)count * u->unit_secs;
        e = i + 1 + nt2 + nt3;
      }
    }
  }
  if (secs < 0)
    return 0;
  kb_datetime t;
  kb_datetime_from_epoch(sc->now - secs, 0, &t);
  m->y = t.year, m->m = t.month, m->d = t.day;
  if (secs < 2 * 86400)
    m->hour = t.hour, m->min = t.minute, m->has_tz = 1;
  m->relative = 1;
  return e;
}

/* "14. - 20. Januar 2022", "14 – 20 January 2022": a day range before a
 * written-out month; the text is dated by the range's first day (a weekly
 * report, a festival). The first day is written like the second (with or
 * without its dot) and is smaller; "13.1. - 20. Januar" (its own month) is
 * left alone. Moves m->t0 and m->d to the first day. */
static void range_start(const dscan *sc, size_t i, dmatch *m) {
  if (!m->d || m->numeric || i < 2 || tk(sc, i)->type != DT_NUM)
    return;
  const dtok *dash = tk(sc, i - 1);
  if (dash->type != DT_PUNCT || !is_dash(dash->cp))
    return;
  size_t k = i - 2;
  int dotted = is_p(sc, i + 1, '.');
  if (dotted) {
    if (!is_p(sc, k, '.') || k == 0 || tk(sc, k)->sp)
      return;
    k--;
  }
  if (!is_num(sc, k, 1, 2) || tk(sc, k)->num < 1 || tk(sc, k)->num >= m->d)
    return;
  if (k >= 1 && tk(sc, k - 1)->type == DT_PUNCT && !tk(sc, k)->sp &&
      (tk(sc, k - 1)->cp == '.' || tk(sc, k - 1)->cp == '/'))
    return; /* a longer number chain ends there */
  m->d = tk(sc, k)->num;
  m->t0 = k;
}

int dscan_match(const dscan *sc, size_t i, dmatch *m) {
  memset(m, 0, sizeof *m);
  m->wday = -1;
  m->hour = -1;
  size_t e = parse_relative(sc, i, m);
  if (e) {
    m->t0 = i, m->t1 = e;
    return 1;
  }
  memset(m, 0, sizeof *m);
  m->wday = -1;
  m->hour = -1;
  /* a time before the date: "14:05, 18 June 2025" */
  dmatch tm = *m;
  size_t te = parse_time(sc, i, &tm);
  if (te > i) {
    size_t j = skip_joiners(sc, te);
    dmatch dm = *m;
    size_t de = parse_core(sc, j, &dm);
    if (de && dm.y && dm.d && day_ok(dm.y, dm.m, dm.d)) {
      *m = dm;
      m->hour = tm.hour, m->min = tm.min, m->sec = tm.sec;
      m->tz = tm.tz, m->has_tz = tm.has_tz;
      m->t0 = i, m->t1 = de;
      return 1;
    }
  }
  e = parse_core(sc, i, m);
  if (!e || !day_ok(m->y, m->m, m->d))
    return 0;
  m->t0 = i;
  m->t1 = e;
  range_start(sc, i, m);
  if (m->d) {
    size_t j = skip_joiners(sc, e);
    size_t te2 = parse_time(sc, j, m);
    if (te2 > j) {
      m->t1 = te2;
    } else {
      int tz = 0;
      size_t z = parse_zone(sc, e, &tz);
      if (z > e && word_at(sc, e)) {
        m->tz = tz, m->has_tz = 1;
      }
    }
  }
  /* a weekday before it: "Rabu, 3 ...", "Kamis (4/5)" */
  size_t b = m->t0;
  if (b > 0 &&
      (is_p(sc, b - 1, ',') || is_p(sc, b - 1, '(') || is_p(sc, b - 1, 0x060C)))
    b--;
  if (b > 0) {
    const kb_dword *w = word_at(sc, b - 1);
    if (w && w->wday >= 0 && (w->wday_full || tk(sc, b - 1)->lowlen >= 3)) {
      m->wday = w->wday;
      m->t0 = b - 1;
    }
  }
  return 1;
}

int dmatch_valid_full(const dscan *sc, const dmatch *m) {
  if (!m->y || !m->m || !m->d)
    return 0;
  if (m->y < 1990 || !day_ok(m->y, m->m, m->d))
    return 0;
  kb_datetime t;
  dmatch_to_datetime(m, &t);
  if (t.hour < 0)
    t.tz_min = 0, t.has_tz = 0;
  return kb_datetime_epoch(&t) <= sc->now + 86400;
}

void dmatch_to_datetime(const dmatch *m, kb_datetime *out) {
  memset(out, 0, sizeof *out);
  out->year = m->y;
  out->month = m->m;
  out->day = m->d;
  out->hour = m->hour;
  if (m->hour >= 0) {
    out->minute = m->min;
    out->second = m->sec;
  }
  out->tz_min = m->tz;
  out->has_tz = m->has_tz;
}

/* ---- public ------------------------------------------------------------ */
/* 0 for a token no date can start at: punctuation, or a word that is no
 * table key and starts none of several words ("il" starts "il y a"). */
static int may_start(const dscan *sc, const dtok *t) {
  if (t->type == DT_PUNCT)
    return 0;
  return t->type != DT_WORD || t->w ||
         (t->lowlen && kb_dtables_phrase_head(sc->tb, t->low, t->lowlen));
}

static int find_in(const dscan *sc, dmatch *best, int allow_relative) {
  for (size_t i = 0; i < sc->ntok; i++) {
    if (!may_start(sc, &sc->tok[i]))
      continue;
    dmatch m;
    if (dscan_match(sc, i, &m) && dmatch_valid_full(sc, &m) &&
        (allow_relative || !m.relative)) {
      *best = m;
      return 1;
    }
  }
  return 0;
}

/* 1 when a modification label ends right before token t0, perhaps with
 * punctuation between ("Letzte Änderung: 31.10.2023"). */
static int after_modlabel(const dscan *sc, size_t t0) {
  size_t e = t0;
  while (e > 0 && sc->tok[e - 1].type == DT_PUNCT && t0 - e < 2)
    e--;
  for (size_t k = 1; k <= 3 && k <= e; k++) {
    size_t nt = 0;
    const kb_dword *w = phrase_at(sc, e - k, &nt);
    if (w && (w->flags & DW_MODLABEL) && e - k + nt == e)
      return 1;
  }
  return 0;
}

int kb_dates_find_pub(const char *s, size_t n, const kb_date_ctx *ctx,
                      kb_datetime *out, int *mod) {
  dscan sc;
  int found = 0;
  *mod = 0;
  if (!s || dscan_init(&sc, s, n, ctx) != KB_OK)
    return 0;
  for (size_t i = 0; i < sc.ntok; i++) {
    dmatch m;
    if (!may_start(&sc, &sc.tok[i]) || !dscan_match(&sc, i, &m) ||
        !dmatch_valid_full(&sc, &m) || m.relative)
      continue;
    int is_mod = after_modlabel(&sc, m.t0);
    if (!found || (*mod && !is_mod)) {
      dmatch_to_datetime(&m, out);
      *mod = is_mod;
      found = 1;
    }
    if (!is_mod)
      break;
    i = m.t1 - 1;
  }
  dscan_clear(&sc);
  return found;
}

int kb_date_find_abs(const char *s, size_t n, const kb_date_ctx *ctx,
                     kb_datetime *out, size_t *start, size_t *len) {
  return kb_dates_find_ex(s, n, ctx, 0, out, start, len);
}

int kb_date_find(const char *s, size_t n, const kb_date_ctx *ctx,
                 kb_datetime *out, size_t *start, size_t *len) {
  return kb_dates_find_ex(s, n, ctx, 1, out, start, len);
}

int kb_dates_find_ex(const char *s, size_t n, const kb_date_ctx *ctx,
                     int allow_relative, kb_datetime *out, size_t *start,
                     size_t *len) {
  dscan sc;
  dmatch m;
  int found = 0;
  if (!s || dscan_init(&sc, s, n, ctx) != KB_OK)
    return 0;
  if (find_in(&sc, &m, allow_relative)) {
    if (out)
      dmatch_to_datetime(&m, out);
    if (start)
      *start = sc.tok[m.t0].b0;
    if (len)
      *len = sc.tok[m.t1 - 1].b1 - sc.tok[m.t0].b0;
    found = 1;
  }
  dscan_clear(&sc);
  return found;
}

static int is_delim(const dtok *t) {
  return t->type == DT_PUNCT &&
         (t->cp == '|' || is_dash(t->cp) || t->cp == '/' || t->cp == ':' ||
          t->cp == 0xB7 || t->cp == 0x2022 || t->cp == 0x25CF);
}

/* Counts words around the date that are not date-line words. Before the
 * date, unknown words (an author, an outlet) are fine when a delimiter
 * separates them from the date; after it only behind a delimiter or an
 * author cue. A sentence that contains a date fails both. */
int kb_date_line(const char *s, size_t n, const kb_date_ctx *ctx,
                 kb_datetime *out) {
  return kb_dates_line_ex(s, n, ctx, 1, out);
}

int kb_date_line_kinds(const char *s, size_t n, const kb_date_ctx *ctx,
                       kb_datetime *out, kb_datetime *abs) {
  dscan sc;
  if (!s || n > 300 || dscan_init(&sc, s, n, ctx) != KB_OK)
    return 0;
  int r = kb_dates_line_scan(&sc, 1, out) ? KB_DATE_LINE_ANY : 0;
  if (r && kb_dates_line_scan(&sc, 0, abs))
    r |= KB_DATE_LINE_ABS;
  dscan_clear(&sc);
  return r;
}

int kb_dates_line_ex(const char *s, size_t n, const kb_date_ctx *ctx,
                     int allow_relative, kb_datetime *out) {
  dscan sc;
  if (!s || n > 300 || dscan_init(&sc, s, n, ctx) != KB_OK)
    return 0;
  int ok = kb_dates_line_scan(&sc, allow_relative, out);
  dscan_clear(&sc);
  return ok;
}

int kb_dates_line_scan(const dscan *sc, int allow_relative, kb_datetime *out) {
  dmatch m;
  if (sc->n > 300 || !find_in(sc, &m, allow_relative))
    return 0;
  int other_before = 0, pending = 0, glued = 0, other_after = 0, gate = 0;
  int nums = 0;
  /* "1. Februar 2022, Daniel Dillenburg": a comma right after the date
   * followed only by capitalised words is a byline name, like "| Name" */
  int name_gate = 0, named = 0;
  for (size_t i = 0; i < sc->ntok; i++) {
    if (i >= m.t0 && i < m.t1) {
      if (i == m.t0)
        glued = pending; /* unknown words right before the date */
      continue;
    }
    const dtok *t = &sc->tok[i];
    int after = i >= m.t1;
    if (t->type == DT_PUNCT) {
      if (after && i == m.t1 && t->cp == ',')
        name_gate = 1;
      else if (after && name_gate == 1) {
        name_gate = 2; /* more punctuation: not a plain name */
        if (!gate)
          other_after += 2 * named;
      }
      if (is_delim(t)) {
        if (after)
          gate = 1;
        else
          pending = 0;
      } else if (!after && t->cp == ',' && pending == 1 && i + 1 == m.t0 &&
                 (other_before == 1 ||
                  (i > 0 && sc->tok[i - 1].type == DT_WORD &&
                   sc->tok[i - 1].cap))) {
        /* a place dateline: "Jakarta, 16 Agustus 2023", also after other
         * places or a source: "Hofheim | Wiesbaden, 11. November 2021" */
        pending = 0;
      }
      continue;
    }
    if (t->type == DT_NUM) {
      nums++;
      if (!after)
        pending++;
      continue;
    }
    size_t nt = 1;
    const kb_dword *w = phrase_at(sc, i, &nt);
    if (w && (w->flags & (DW_AUTHOR)) && after)
      gate = 1;
    if (w && (w->wday >= 0 || w->has_zone ||
              (w->flags &
               (DW_LABEL | DW_JOIN | DW_AUTHOR | DW_AMPM | DW_DATEWORD)))) {
      i += nt - 1;
      continue;
    }
    if (after && name_gate == 1 && !t->cap) {
      name_gate = 2; /* a sentence after all: the words count in full */
      if (!gate)
        other_after += 2 * named;
    }
    if (after) {
      if (!gate && name_gate == 1)
        named++;
      else if (!gate)
        other_after += 2;
      other_after++;
    } else {
      other_before++;
      pending++;
    }
  }
  /* before the date: at most 4 unknown words, none glued to the date */
  int ok = other_before <= 4 && glued == 0 && other_after <= 4 && nums <= 2;
  if (ok && out)
    dmatch_to_datetime(&m, out);
  return ok;
}

/* ---- URLs -------------------------------------------------------------- */
static int dig_run(const char *s, size_t n, size_t i) {
  size_t k = i;
  while (k < n && is_digit((unsigned char)s[k]))
    k++;
  return (int)(k - i);
}

static int num_at(const char *s, size_t i, int nd) {
  int v = 0;
  for (int k = 0; k < nd; k++)
    v = v * 10 + (s[i + k] - '0');
  return v;
}

static int url_ymd(int y, int mo, int d, kb_datetime *out) {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 ||
      d > kb_days_in_month(y, mo))
    return 0;
  memset(out, 0, sizeof *out);
  out->year = y, out->month = mo, out->day = d, out->hour = -1;
  return 1;
}

int kb_date_from_url(const char *url, kb_datetime *out) {
  if (!url)
    return 0;
  size_t n = strlen(url);
  size_t i = 0;
  const char *scheme = strstr(url, "://");
  if (scheme) {
    const char *slash = strchr(scheme + 3, '/');
    if (!slash)
      return 0;
    i = (size_t)(slash - url);
  }
  kb_datetime tmp;
  if (!out)
    out = &tmp;
  for (; i < n; i++) {
    if (!is_digit((unsigned char)url[i]) ||
        (i > 0 && is_digit((unsigned char)url[i - 1])))
      continue;
    char before = i > 0 ? url[i - 1] : '/';
    int run = dig_run(url, n, i);
    if (run == 8 && !(before >= 'a' && before <= 'z') &&
        !(before >= 'A' && before <= 'Z')) {
      /* /20230816/ -- exactly 8 digits, so long ids do not match */
      if (url_ymd(num_at(url, i, 4), num_at(url, i + 4, 2),
                  num_at(url, i + 6, 2), out))
        return 1;
    }
    if ((run == 1 || run == 2) &&
        (before == '/' || before == '-' || before == '_')) {
      /* /23-01-2022-title: day-month-year, the European order */
      size_t j = i + (size_t)run;
      char sep = j < n ? url[j] : 0;
      int r2 = (sep == '-' || sep == '_') ? dig_run(url, n, j + 1) : 0;
      size_t k = j + 1 + (size_t)r2;
      if (r2 >= 1 && r2 <= 2 && k < n && url[k] == sep &&
          dig_run(url, n, k + 1) == 4 &&
          url_ymd(num_at(url, k + 1, 4), num_at(url, j + 1, r2),
                  num_at(url, i, run), out))
        return 1;
    }
    if (run != 4) {
      i += (size_t)run - 1;
      continue;
    }
    int y = num_at(url, i, 4);
    size_t j = i + 4;
    if (j >= n ||
        (url[j] != '/' && url[j] != '-' && url[j] != '_' && url[j] != '.'))
      continue;
    char sep = url[j];
    int r2 = dig_run(url, n, j + 1);
    if (r2 < 1 || r2 > 2) {
      /* /2023/0816/ */
      if (r2 == 4 && sep == '/' &&
          url_ymd(y, num_at(url, j + 1, 2), num_at(url, j + 3, 2), out) &&
          (j + 5 >= n || !is_digit((unsigned char)url[j + 5])))
        return 1;
      continue;
    }
    int mo = num_at(url, j + 1, r2);
    size_t k = j + 1 + (size_t)r2;
    /* the same separator, or /2012-06/04/ (year-month folder, day folder) */
    if (k >= n || (url[k] != sep && !(sep == '-' && url[k] == '/')))
      continue;
    int r3 = dig_run(url, n, k + 1);
    if (r3 < 1 || r3 > 2)
      continue;
    int d = num_at(url, k + 1, r3);
    if (url_ymd(y, mo, d, out))
      return 1;
  }
  return 0;
}
