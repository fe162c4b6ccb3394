/* The shared metadata pass that runs after the HTML or the plain-text
 * extractor: the dateline and outlet printed at the head of the body
 * ("ANTARANEWS.COM, MEDAN –", "WASHINGTON (Reuters) -"), the agencies the
 * article credits, the language, and the event date (kabar/dates_parse.h).
 * Names of agencies and places are data (data/cues/agencies.txt, places.txt).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "kabar/text.h"

/* ---- tables built once from data/ and immutable afterwards ------------- */

typedef struct spelling {
  kb_str text;         /* as listed */
  const char *display; /* the agency's display name (NUL-terminated) */
} spelling;

typedef struct meta_tables {
  spelling *spellings;
  size_t nspellings;
  /* spellings by the byte a match starts with (their first byte, and its
     capital): the body is scanned once, looking up each word start */
  uint16_t *by_first[256];
  uint16_t nby_first[256];
  /* bit b of second[c] set when a spelling starting with byte c may have b
     next (its second byte, or that byte's capital; every b for a spelling
     of one byte, b = 0 at the end of the text): most capitals starting a
     word ("After", "According") are answered without trying the spellings */
  uint64_t second[256][4];
  /* the bytes a spelling starts with outside 'A'..'Z' ("dpa"), for
     mark_spellings' 8-byte test; nextra > 4: that test is off */
  unsigned char extra[4];
  size_t nextra;
  kb_str *places;
  size_t nplaces;
  kb_arena arena;
} meta_tables;

static meta_tables
    g_tables; /* written once under pthread_once, then read-only */
static pthread_once_t g_tables_once = PTHREAD_ONCE_INIT;

/* The byte a match of spelling i may start with: its first byte, and the
 * capital of it ("REUTERS" for "Reuters"). */
static size_t start_bytes(const spelling *sp, unsigned char out[2]) {
  unsigned char f = (unsigned char)sp->text.p[0];
  out[0] = f;
  out[1] = f >= 'a' && f <= 'z' ? (unsigned char)(f - 32) : f;
  return out[1] != out[0] ? 2 : 1;
}

static void index_spellings(meta_tables *t) {
  unsigned char b[2];
  /* indices are 16 bits: a list past 65,535 spellings (it has ~100) is
     cut there */
  size_t n = t->nspellings < UINT16_MAX ? t->nspellings : UINT16_MAX;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0, nb = start_bytes(&t->spellings[i], b); k < nb; k++)
      t->nby_first[b[k]]++;
  for (int c = 0; c < 256; c++) {
    if (t->nby_first[c])
      t->by_first[c] =
          kb_arena_alloc(&t->arena, t->nby_first[c] * sizeof(uint16_t));
    t->nby_first[c] = 0; /* counted again while filling */
  }
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0, nb = start_bytes(&t->spellings[i], b); k < nb; k++)
      if (t->by_first[b[k]])
        t->by_first[b[k]][t->nby_first[b[k]]++] = (uint16_t)i;
  for (size_t i = 0; i < n; i++) {
    kb_str w = t->spellings[i].text;
    for (size_t k = 0, nb = start_bytes(&t->spellings[i], b); k < nb; k++) {
      uint64_t *bits = t->second[b[k]];
      if (w.n < 2) {
        bits[0] = bits[1] = bits[2] = bits[3] = ~0ull;
        continue;
      }
      unsigned char w1 = (unsigned char)w.p[1];
      unsigned char up = w1 >= 'a' && w1 <= 'z' ? (unsigned char)(w1 - 32) : w1;
      bits[w1 >> 6] |= 1ull << (w1 & 63);
      bits[up >> 6] |= 1ull << (up & 63);
    }
  }
  for (int c = 0; c < 256; c++)
    if (t->nby_first[c] && !(c >= 'A' && c <= 'Z') && t->nextra++ < 4)
      t->extra[t->nextra - 1] = (unsigned char)c;
}

static void tables_build(void) {
  meta_tables *t = &g_tables;
  kb_arena_init(&t->arena);
  size_t len;
  const char *src = kb_data_get("cues/agencies.txt", &len);
  kb_lines it;
  kb_str line, f[16];
  size_t cap = 0;
  kb_lines_init(&it, src, len);
  while (kb_lines_next(&it, &line))
    cap += kb_str_split_tabs(line, f, 16);
  t->spellings = kb_arena_alloc(&t->arena, (cap + 1) * sizeof *t->spellings);
  kb_lines_init(&it, src, len);
  while (t->spellings && kb_lines_next(&it, &line)) {
    size_t nf = kb_str_split_tabs(line, f, 16);
    const char *display = kb_arena_strndup(&t->arena, f[0].p, f[0].n);
    if (!display)
      break;
    if (nf == 1)
      t->spellings[t->nspellings++] = (spelling){f[0], display};
    for (size_t i = 1; i < nf; i++)
      if (f[i].n)
        t->spellings[t->nspellings++] = (spelling){f[i], display};
  }
  index_spellings(t);
  src = kb_data_get("cues/places.txt", &len);
  cap = 0;
  kb_lines_init(&it, src, len);
  while (kb_lines_next(&it, &line))
    cap++;
  t->places = kb_arena_alloc(&t->arena, (cap + 1) * sizeof *t->places);
  kb_lines_init(&it, src, len);
  while (t->places && kb_lines_next(&it, &line))
    t->places[t->nplaces++] = line;
}

static const meta_tables *tables(void) {
  pthread_once(&g_tables_once, tables_build);
  return &g_tables;
}

/* ---- small text predicates --------------------------------------------- */

static int is_upper_ascii(int c) {
  return c >= 'A' && c <= 'Z';
}
static int is_lower_ascii(int c) {
  return c >= 'a' && c <= 'z';
}
static int is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || is_upper_ascii(c) || is_lower_ascii(c) ||
         c >= 0x80;
}

/* s[0..n) equals lit in exact case or in all capitals (ASCII). */
static int eq_case_or_upper(const char *s, const char *lit, size_t n) {
  if (memcmp(s, lit, n) == 0)
    return 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)lit[i];
    if (is_lower_ascii(b))
      b -= 32;
    if (a != b)
      return 0;
  }
  return 1;
}

/* The agency named by text (whole of it), or NULL. */
static const char *agency_named(kb_str text) {
  const meta_tables *t = tables();
  for (size_t i = 0; i < t->nspellings; i++) {
    const spelling *sp = &t->spellings[i];
    if (sp->text.n == text.n && eq_case_or_upper(text.p, sp->text.p, text.n))
      return sp->display;
  }
  return NULL;
}

static int is_place(kb_str text) {
  const meta_tables *t = tables();
  for (size_t i = 0; i < t->nplaces; i++) {
    kb_str p = t->places[i];
    if (p.n != text.n)
      continue;
    size_t k = 0;
    while (k < p.n) {
      unsigned char a = (unsigned char)p.p[k], b = (unsigned char)text.p[k];
      if (is_upper_ascii(a))
        a += 32;
      if (is_upper_ascii(b))
        b += 32;
      if (a != b)
        break;
      k++;
    }
    if (k == p.n)
      return 1;
  }
  return 0;
}

/* "KOMPAS.COM", "detikNews.id", "Liputan6.com": a name with a dot
 * followed by letters, and no spaces. */
static int is_domain_like(kb_str s) {
  int dot = 0;
  for (size_t i = 0; i < s.n; i++) {
    unsigned char c = (unsigned char)s.p[i];
    if (c == ' ')
      return 0;
    if (c == '.' && i > 0 && i + 1 < s.n &&
        (is_lower_ascii(s.p[i + 1]) || is_upper_ascii(s.p[i + 1])))
      dot = 1;
  }
  return dot;
}

static int all_caps_word(kb_str s) {
  size_t letters = 0;
  for (size_t i = 0; i < s.n; i++) {
    unsigned char c = (unsigned char)s.p[i];
    if (is_lower_ascii(c))
      return 0;
    if (is_upper_ascii(c))
      letters++;
  }
  return letters >= 3;
}

/* ---- dateline ------------------------------------------------------------
 * A dateline is a short run of capitalised parts ending in a dash or colon
 * that is followed by a space, at the very start of the first paragraph. */

#define DATELINE_MAX 80

/* Length of the dateline separator at s[i..n) (" – ", " - ", ": ", "— ",
 * " -- "), or 0. The separator must end in a space: "MEDAN-WASPADA" joins
 * two parts, it does not end the dateline. */
/* Scrapers glue link text to its neighbours ("Liputan6.com, Jakarta -Harga",
 * "JAKARTA- Ketegangan", "TEMPO.CO,Jakarta-Ginjal"): a dash that lacks its
 * spaces still ends a dateline, but only where the prefix proves to be one
 * (see tight_ok in parse_dateline). */
#define SEP_TIGHT 1 /* a dash without a space before or after it */

static size_t separator_at(const char *s, size_t n, size_t i, int *flags) {
  size_t k = i;
  *flags = 0;
  while (k < n && s[k] == ' ')
    k++;
  int spaced = k > i, dash = 0;
  if (k < n && s[k] == ':') {
    k++;
  } else if (k < n && s[k] == '-') {
    k++;
    if (k < n && s[k] == '-')
      k++;
    dash = 1;
  } else if (k + 2 < n && (unsigned char)s[k] == 0xE2 &&
             (unsigned char)s[k + 1] == 0x80 &&
             ((unsigned char)s[k + 2] == 0x93 ||
              (unsigned char)s[k + 2] == 0x94)) {
    k += 3; /* en or em dash */
    dash = 1;
  } else {
    return 0;
  }
  int spaced_after = k < n && s[k] == ' ';
  if (!spaced_after && !dash)
    return 0;
  if (dash && (!spaced || !spaced_after)) {
    /* glued on both sides, the next must start a word: "Jakarta-Ginjal" */
    if (k >= n ||
        !(is_upper_ascii(s[k]) || spaced_after || (unsigned char)s[k] >= 0x80))
      return 0;
    *flags = SEP_TIGHT;
  }
  while (k < n && s[k] == ' ')
    k++;
  return k - i;
}

typedef struct dateline_parts {
  kb_str place;
  kb_str outlet;
  const char *agency; /* display name of an agency named in the dateline */
  size_t body_offset; /* where the sentence starts after the dateline */
} dateline_parts;

static void classify_part(kb_str part, dateline_parts *d, kb_str *unknown,
                          size_t *nunknown, int *ok) {
  part = kb_str_trim(part);
  if (part.n == 0)
    return;
  if (part.p[0] == '(' && part.p[part.n - 1] == ')') {
    kb_str inner = kb_str_trim((kb_str){part.p + 1, part.n - 2});
    const char *ag = agency_named(inner);
    if (ag)
      d->agency = ag;
    else if (!d->outlet.n)
      d->outlet = inner;
    *ok = 1;
    return;
  }
  if (is_domain_like(part)) { /* before the digit test: "Liputan6.com" */
    if (!d->outlet.n)
      d->outlet = part;
    *ok = 1;
    return;
  }
  for (size_t i = 0; i < part.n; i++)
    if (part.p[i] >= '0' && part.p[i] <= '9')
      return; /* "Aug 16": a date */
  if (!d->place.n && is_place(part)) {
    d->place = part;
    *ok = 1;
  } else if (agency_named(part)) {
    d->agency = agency_named(part);
    *ok = 1;
  } else if (*nunknown < 4) {
    if (all_caps_word(part))
      *ok = 1;
    unknown[(*nunknown)++] = part;
  }
}

/* Every word of the dateline starts with a capital or a digit, or is a
 * domain ("detikNews.id") or a parenthesis. */
static int dateline_words_ok(kb_str pre) {
  size_t i = 0, words = 0;
  while (i < pre.n) {
    while (i < pre.n && (pre.p[i] == ' ' || pre.p[i] == ','))
      i++;
    if (i >= pre.n)
      break;
    size_t s = i;
    while (i < pre.n && pre.p[i] != ' ' && pre.p[i] != ',')
      i++;
    kb_str w = {pre.p + s, i - s};
    words++;
    unsigned char c = (unsigned char)w.p[0];
    if (!(is_upper_ascii(c) || (c >= '0' && c <= '9') || c == '(' ||
          c >= 0x80 || is_domain_like(w)))
      return 0;
  }
  return words > 0 && words <= 7;
}

/* A dash without its spaces ends a dateline only after a domain
 * ("TEMPO.CO,Jakarta-") or a shouted word ("JAKARTA-"). */
static int tight_ok(kb_str pre) {
  size_t i = pre.n;
  while (i > 0 && pre.p[i - 1] != ' ' && pre.p[i - 1] != ',')
    i--;
  kb_str last = {pre.p + i, pre.n - i};
  if (all_caps_word(last) && !is_domain_like(last))
    return 1;
  for (size_t k = 0; k < pre.n; k++) {
    size_t e = k;
    while (e < pre.n && pre.p[e] != ' ' && pre.p[e] != ',')
      e++;
    if (e > k && is_domain_like((kb_str){pre.p + k, e - k}))
      return 1;
    k = e;
  }
  return 0;
}

/* 1 when the separator found at s[sep..sep+len) is a colon. */
static int separator_is_colon(const char *s, size_t sep, size_t len) {
  for (size_t i = sep; i < sep + len; i++)
    if (s[i] == ':')
      return 1;
  return 0;
}

static int parse_dateline(const char *s, size_t n, dateline_parts *d) {
  memset(d, 0, sizeof *d);
  size_t lim = n < DATELINE_MAX ? n : DATELINE_MAX;
  /* the first separator whose prefix reads as a dateline; a dash glued to
   * its neighbours only when no spaced separator qualifies ("MEDAN-WASPADA:"
   * is one dateline, not "MEDAN") */
  size_t sep = 0, seplen = 0, tsep = 0, tseplen = 0;
  for (size_t i = 1; i < lim && !sep; i++) {
    if (s[i] == '.' && !(i + 1 < n && is_word_byte((unsigned char)s[i + 1])))
      break; /* a sentence ended before any separator */
    int flags;
    size_t len = separator_at(s, n, i, &flags);
    if (!len)
      continue;
    kb_str p = kb_str_trim((kb_str){s, i});
    if (p.n < 2 || !dateline_words_ok(p))
      continue;
    if (!(flags & SEP_TIGHT))
      sep = i, seplen = len;
    else if (!tsep && tight_ok(p))
      tsep = i, tseplen = len;
  }
  if (!sep)
    sep = tsep, seplen = tseplen;
  if (!sep)
    return 0;
  kb_str pre = kb_str_trim((kb_str){s, sep});
  /* split on commas, around parentheses, and on a hyphen that joins two
   * shouted parts ("MEDAN-WASPADA") */
  kb_str unknown[4];
  size_t nunknown = 0;
  int ok = 0;
  size_t start = 0;
  for (size_t i = 0; i <= pre.n; i++) {
    if (i < pre.n && pre.p[i] == '(') {
      const char *close = memchr(pre.p + i, ')', pre.n - i);
      size_t end = close ? (size_t)(close - pre.p) + 1 : pre.n;
      classify_part((kb_str){pre.p + start, i - start}, d, unknown, &nunknown,
                    &ok);
      classify_part((kb_str){pre.p + i, end - i}, d, unknown, &nunknown, &ok);
      start = end;
      i = end - 1;
      continue;
    }
    int join = i < pre.n && pre.p[i] == '-' && i > start &&
               pre.p[i - 1] != ' ' && i + 1 < pre.n && pre.p[i + 1] != ' ' &&
               all_caps_word((kb_str){pre.p + start, i - start});
    if (i == pre.n || pre.p[i] == ',' || join) {
      classify_part((kb_str){pre.p + start, i - start}, d, unknown, &nunknown,
                    &ok);
      start = i + 1;
    }
  }
  if (!ok)
    return 0;
  /* A single word nobody recognised before a colon is a label ("UPDATE:",
   * "BREAKING:", "FOTO:"), not a dateline: a dateline's colon follows a
   * place and an outlet ("MEDAN-WASPADA:") */
  int colon = separator_is_colon(s, sep, seplen);
  if (colon && !d->place.n && !d->outlet.n && !d->agency && nunknown <= 1)
    return 0;
  /* Parts nobody recognised: the first is the place when there is none yet
   * ("KARAWANG, KOMPAS.com"), the next the outlet ("GARUT-WARTAKOTA:"). */
  size_t u = 0;
  if (!d->place.n && u < nunknown)
    d->place = unknown[u++];
  if (!d->outlet.n && u < nunknown)
    d->outlet = unknown[u++];
  d->body_offset = sep + seplen;
  return d->place.n || d->outlet.n || d->agency;
}

/* "ANTARANEWS.COM" → "Antaranews", "Liputan6.com" → "Liputan6": the name
 * without its domain suffix; a shouted name of 4+ letters is title-cased. */
/* Strips the domain endings a news site's name carries; returns how many. */
static size_t strip_domain_suffixes(kb_str *name) {
  static const char *const suffixes[] = {
      ".co.id", ".or.id", ".go.id", ".com.my", ".co.uk", ".com", ".co",
      ".id",    ".net",   ".org",   ".tv",     ".news",  ".my",  ".sg",
      ".uk",    ".de",    ".fr",    ".es",     ".it",    ".nl",  ".info"};
  size_t stripped = 0;
  int changed = 1;
  while (changed) {
    changed = 0;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
      size_t k = strlen(suffixes[i]);
      if (name->n > k + 1 &&
          kb_str_ieq_ascii((kb_str){name->p + name->n - k, k}, suffixes[i])) {
        name->n -= k;
        changed = 1;
        stripped++;
      }
    }
  }
  return stripped;
}

static kb_status set_outlet_name(kb_article *a, kb_str name) {
  strip_domain_suffixes(&name);
  char buf[128];
  if (name.n == 0 || name.n >= sizeof buf)
    return KB_OK;
  memcpy(buf, name.p, name.n);
  buf[name.n] = '\0';
  if (all_caps_word(name) && name.n >= 4) {
    for (size_t i = 1; i < name.n; i++)
      if (is_upper_ascii(buf[i]) && buf[i - 1] != ' ')
        buf[i] += 32;
  }
  return kb_article_set(a, &a->outlet, buf, name.n);
}

/* The site's own name from its host: "oto.detik.com" → "Detik",
 * "www.liputan6.com" → "Liputan6" (subdomains are sections, not outlets;
 * the first letter is raised as a name's would be). */
static kb_status outlet_from_host(kb_article *a, const char *url) {
  const char *h = strstr(url, "://");
  if (!h)
    return KB_OK;
  h += 3;
  size_t n = strcspn(h, "/:?#@");
  kb_str host = {h, n};
  strip_domain_suffixes(&host);
  const char *dot = NULL;
  for (size_t i = 0; i < host.n; i++)
    if (host.p[i] == '.')
      dot = host.p + i;
  if (dot) {
    host.n -= (size_t)(dot + 1 - host.p);
    host.p = dot + 1;
  }
  char buf[128];
  if (host.n == 0 || host.n >= sizeof buf)
    return KB_OK;
  memcpy(buf, host.p, host.n);
  buf[host.n] = '\0';
  if (is_lower_ascii((unsigned char)buf[0]))
    buf[0] = (char)(buf[0] - 32);
  return kb_article_set(a, &a->outlet, buf, host.n);
}

/* ---- credits ------------------------------------------------------------ */

/* Tries the spellings that start with the byte at s[i], a word start. */
static void mark_at(const meta_tables *t, const char *s, size_t n, size_t i,
                    unsigned char *seen) {
  unsigned char c = (unsigned char)s[i];
  unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
  if (!(t->second[c][c1 >> 6] >> (c1 & 63) & 1))
    return;
  for (size_t k = 0; k < t->nby_first[c]; k++) {
    size_t j = t->by_first[c][k];
    kb_str w = t->spellings[j].text;
    if (!seen[j] && w.n <= n - i &&
        (i + w.n == n || !is_word_byte((unsigned char)s[i + w.n])) &&
        eq_case_or_upper(s + i, w.p, w.n))
      seen[j] = 1;
  }
}

#define ONES8 0x0101010101010101ull
#define HIGH8 (ONES8 * 0x80)

/* 8-byte tests for mark_spellings: bit 7 of each byte of the result says
 * something of that byte of x. On the low 7 bits x7 of a byte,
 * x7 + 0x80 - lo has bit 7 set when x7 >= lo, and no byte carries into the
 * next. */
static uint64_t at_least8(uint64_t x7, unsigned char lo) {
  return x7 + ONES8 * (0x80u - lo);
}

/* no word byte (is_word_byte): ASCII other than a letter or a digit */
static uint64_t nonword8(uint64_t x) {
  uint64_t x7 = x & ~HIGH8, l7 = x7 | ONES8 * 0x20;
  uint64_t digit = at_least8(x7, '0') & ~at_least8(x7, '9' + 1);
  uint64_t letter = at_least8(l7, 'a') & ~at_least8(l7, 'z' + 1);
  return ~(digit | letter | x) & HIGH8;
}

/* a byte a spelling may start with: 'A'..'Z' or one of t->extra (the
 * zero-byte test may also flag a byte above a match: the caller checks
 * nby_first) */
static uint64_t start8(const meta_tables *t, uint64_t x) {
  uint64_t x7 = x & ~HIGH8;
  uint64_t m = at_least8(x7, 'A') & ~at_least8(x7, 'Z' + 1) & ~x & HIGH8;
  for (size_t e = 0; e < t->nextra; e++) {
    uint64_t v = x ^ ONES8 * t->extra[e];
    m |= (v - ONES8) & ~v & HIGH8;
  }
  return m;
}

static uint64_t load8(const char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  return x;
}

/* Agencies named anywhere in the body (whole words, exact case or all
 * capitals), in the order of the spelling list. Each paragraph is scanned
 * once (a paragraph's ends are word boundaries, so no name spans two); at
 * each word start only the spellings beginning with that byte are tried.
 * Word starts with such a byte (a capital, mostly) are found 8 bytes at a
 * time: a loop over every byte was a sixth of the shared pass's time (aeb
 * pages). */
static void mark_spellings(const meta_tables *t, const char *s, size_t n,
                           unsigned char *seen) {
  if (n && t->nby_first[(unsigned char)s[0]])
    mark_at(t, s, n, 0, seen);
  size_t i = 1; /* a start i needs s[i - 1] */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (t->nextra <= 4)
    for (; i + 8 <= n; i += 8) {
      uint64_t m = start8(t, load8(s + i)) & nonword8(load8(s + i - 1));
      while (m) {
        size_t k = i + (size_t)__builtin_ctzll(m) / 8;
        m &= m - 1;
        if (t->nby_first[(unsigned char)s[k]])
          mark_at(t, s, n, k, seen);
      }
    }
#endif
  for (; i < n; i++)
    if (t->nby_first[(unsigned char)s[i]] &&
        !is_word_byte((unsigned char)s[i - 1]))
      mark_at(t, s, n, i, seen);
}

static kb_status credits_from_body(kb_article *a) {
  const meta_tables *t = tables();
  unsigned char small[512]; /* the list has ~100 spellings */
  unsigned char *seen = t->nspellings < sizeof small
                            ? memset(small, 0, t->nspellings + 1)
                            : calloc(t->nspellings + 1, 1);
  if (!seen)
    return KB_ENOMEM;
  for (size_t p = 0; p < a->nbody; p++)
    mark_spellings(t, a->body[p], strlen(a->body[p]), seen);
  kb_status rc = KB_OK;
  for (size_t j = 0; !rc && j < t->nspellings; j++)
    if (seen[j])
      rc = kb_article_add_credit(a, t->spellings[j].display,
                                 strlen(t->spellings[j].display));
  if (seen != small)
    free(seen);
  return rc;
}

/* Credits found by the extractors may be spelled as on the page
 * ("REUTERS"): give them their display names. */
static void canonical_credits(kb_article *a) {
  for (size_t i = 0; i < a->ncredits; i++) {
    const char *d =
        agency_named((kb_str){a->credits[i], strlen(a->credits[i])});
    if (d)
      a->credits[i] = d; /* static-lifetime table string */
  }
}

kb_status kb_extract_finish(const kb_extract_opts *opts, kb_article *a) {
  kb_status rc = KB_OK;
  canonical_credits(a);
  if (a->nbody > 0) {
    dateline_parts d;
    const char *first = a->body[0];
    if (parse_dateline(first, strlen(first), &d)) {
      if (d.place.n)
        rc = kb_article_set(a, &a->dateline, d.place.p, d.place.n);
      if (!rc && d.outlet.n)
        rc = set_outlet_name(a, d.outlet);
      if (!rc && d.agency)
        rc = kb_article_add_credit(a, d.agency, strlen(d.agency));
    }
  }
  if (!rc && !a->outlet && a->site_name)
    rc = kb_article_set(a, &a->outlet, a->site_name, strlen(a->site_name));
  if (!rc && !a->outlet && a->url)
    rc = outlet_from_host(a, a->url);
  if (!rc)
    rc = credits_from_body(a);
  if (rc)
    return rc;

  if (!a->language && a->nbody > 0) {
    kb_buf text;
    kb_buf_init(&text, 1 << 16);
    for (size_t i = 0; i < a->nbody && text.len < 8192; i++) {
      kb_buf_puts(&text, a->body[i]);
      kb_buf_putc(&text, '\n');
    }
    const char *lang = kb_langid(kb_buf_cstr(&text), text.len, NULL);
    kb_buf_clear(&text);
    if (lang)
      rc = kb_article_set(a, &a->language, lang, strlen(lang));
  }
  if (!rc && a->nbody > 0 && !(opts->flags & KB_EXTRACT_NO_EVENT_DATE)) {
    kb_date_ctx ctx = {.lang = a->language,
                       .now = opts->now,
                       .published = a->published.from ? &a->published.t : NULL};
    rc = kb_date_reason(a->body, a->nbody, &ctx, &a->event);
  }
  return rc;
}
