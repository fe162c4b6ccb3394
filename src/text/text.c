/* kabar text: word tokens, stopword tables and language identification.
 * Sits under the extractors (stopword density of lines), dedup and
 * clustering (tokens). Tables come from data/lang/<code>/stopwords.txt and
 * are built once per process (pthread_once) and never change afterwards. */
#include "kabar/text.h"

#include <pthread.h>
#include <string.h>

#define TOK_MAX 64             /* longer tokens are never stopwords */
#define WORD_SLOTS 4096        /* open-addressing slots, power of two */
#define WORD_SLOT_BITS 12      /* log2(WORD_SLOTS) */
#define LANGID_MAX_BYTES 65536 /* enough text to decide; bounds the cost */

typedef struct word_slot {
  uint64_t key8; /* word_key8 of w: most words are decided by it alone */
  const char *w; /* points into the embedded data (static lifetime) */
  uint32_t len;
  uint32_t stop_mask;   /* languages whose stopword list has the word */
  uint32_t marker_mask; /* languages whose close-pair marker list has it */
} word_slot;

/* A two-byte UTF-8 code point (U+0080..U+07FF: Latin, Greek, Cyrillic,
 * Hebrew, Arabic letters) as kb_text_stats_langs needs it, so the common
 * accented letters skip decoding and the Unicode tables. */
typedef struct u2_entry {
  unsigned char alnum; /* kb_unicode_isalnum, and the lower case fits 3 bytes */
  unsigned char upper; /* kb_unicode_lower changes it */
  unsigned char len;   /* bytes of the lower-cased form */
  char low[3];         /* the lower-cased form, UTF-8 */
} u2_entry;

typedef struct lang_tables {
  int nlangs;
  char codes[KB_TEXT_MAX_LANGS][8];
  size_t nstop[KB_TEXT_MAX_LANGS]; /* list sizes, to normalise scores */
  int pair_of[KB_TEXT_MAX_LANGS];  /* close rival's index, or -1 */
  word_slot slots[WORD_SLOTS];
  /* quick filter before hashing: bit (first byte & 63) of maybe[len] is set
   * when some listed word has that length and first byte */
  uint64_t maybe[TOK_MAX + 1];
  u2_entry u2[0x800 - 0x80]; /* indexed by code point - 0x80 */
} lang_tables;

static lang_tables
    g_tables; /* written once under pthread_once, then read-only */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static int find_code(const char *s, size_t n) {
  for (int i = 0; i < g_tables.nlangs; i++)
    if (strlen(g_tables.codes[i]) == n && memcmp(g_tables.codes[i], s, n) == 0)
      return i;
  return -1;
}

/* The first 8 bytes of a word as a number (byte i in bits 8i..8i+7):
 * stopwords are short, so it compares most of them whole and hashes them
 * cheaply. */
static uint64_t word_key8(const char *w, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < n && i < 8; i++)
    k |= (uint64_t)(unsigned char)w[i] << (8 * i);
  return k;
}

/* word_key8 of a token in a buffer with 8 readable bytes. */
static inline uint64_t token_key8(const char *w, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  uint64_t k;
  memcpy(&k, w, 8);
  return n >= 8 ? k : k & ((1ull << (8 * n)) - 1);
#else
  return word_key8(w, n);
#endif
}

static size_t word_index(uint64_t key8, size_t n) {
  uint64_t h = (key8 ^ (uint64_t)n) * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> (64 - WORD_SLOT_BITS));
}

/* The slot of word w (n bytes, key8 = word_key8(w, n)), or NULL. */
static inline __attribute__((always_inline)) const word_slot *
find_word(const lang_tables *t, const char *w, size_t n, uint64_t key8) {
  if (n == 0 || n > TOK_MAX ||
      !(t->maybe[n] >> ((unsigned char)w[0] & 63) & 1u))
    return NULL;
  size_t mask = WORD_SLOTS - 1;
  for (size_t i = word_index(key8, n), probes = 0; probes < WORD_SLOTS;
       i = (i + 1) & mask, probes++) {
    const word_slot *s = &t->slots[i];
    if (!s->w)
      return NULL;
    if (s->key8 == key8 && s->len == n &&
        (n <= 8 || memcmp(s->w + 8, w + 8, n - 8) == 0))
      return s;
  }
  return NULL; /* table full: the word is simply not known */
}

static word_slot *slot_for(const char *w, size_t n, int create) {
  uint64_t key8 = word_key8(w, n);
  if (!create)
    return (word_slot *)find_word(&g_tables, w, n, key8);
  size_t mask = WORD_SLOTS - 1;
  for (size_t i = word_index(key8, n), probes = 0; probes < WORD_SLOTS;
       i = (i + 1) & mask, probes++) {
    word_slot *s = &g_tables.slots[i];
    if (!s->w) {
      s->w = w;
      s->len = (uint32_t)n;
      s->key8 = key8;
      return s;
    }
    if (s->len == n && memcmp(s->w, w, n) == 0)
      return s;
  }
  return NULL; /* table full: the word is simply not known */
}

static void load_words(const char *name, int lang, int markers) {
  size_t len = 0;
  const char *d = kb_data_get(name, &len);
  if (!d)
    return;
  kb_lines it;
  kb_str line;
  kb_lines_init(&it, d, len);
  while (kb_lines_next(&it, &line)) {
    if (line.n == 0 || line.n > TOK_MAX)
      continue;
    word_slot *s = slot_for(line.p, line.n, 1);
    if (!s)
      continue;
    g_tables.maybe[line.n] |= 1ull << ((unsigned char)line.p[0] & 63);
    if (markers)
      s->marker_mask |= 1u << lang;
    else {
      if (!(s->stop_mask & (1u << lang)))
        g_tables.nstop[lang]++;
      s->stop_mask |= 1u << lang;
    }
  }
}

static void build_u2(void) {
  for (uint32_t cp = 0x80; cp < 0x800; cp++) {
    u2_entry *e = &g_tables.u2[cp - 0x80];
    uint32_t lc = kb_unicode_lower(cp);
    char tmp[4];
    size_t len = kb_utf8_encode(lc, tmp);
    if (!kb_unicode_isalnum(cp) || len > sizeof e->low)
      continue; /* left to the general path */
    e->alnum = 1;
    e->upper = lc != cp;
    e->len = (unsigned char)len;
    memcpy(e->low, tmp, len);
  }
}

static void build_tables(void) {
  size_t i = 0;
  const char *name;
  build_u2();
  /* languages are the folders data/lang/<code>/ with a stopword list */
  while ((name = kb_data_next("lang/", &i)) != NULL) {
    const char *code = name + 5;
    const char *slash = strchr(code, '/');
    if (!slash || strcmp(slash, "/stopwords.txt") != 0)
      continue;
    size_t cn = (size_t)(slash - code);
    if (cn == 0 || cn >= sizeof g_tables.codes[0])
      continue;
    if (g_tables.nlangs >= KB_TEXT_MAX_LANGS)
      break;
    int li = g_tables.nlangs++;
    memcpy(g_tables.codes[li], code, cn);
    g_tables.codes[li][cn] = 0;
    g_tables.pair_of[li] = -1;
    load_words(name, li, 0);
  }
  char path[64];
  for (int li = 0; li < g_tables.nlangs; li++) {
    size_t k = 0;
    const char *c = g_tables.codes[li];
    memcpy(path, "lang/", 5);
    k = 5;
    size_t cl = strlen(c);
    memcpy(path + k, c, cl);
    k += cl;
    memcpy(path + k, "/markers.txt", 13);
    load_words(path, li, 1);
  }
  size_t plen = 0;
  const char *pairs = kb_data_get("lang/pairs.txt", &plen);
  if (pairs) {
    kb_lines it;
    kb_str line, f[2];
    kb_lines_init(&it, pairs, plen);
    while (kb_lines_next(&it, &line)) {
      if (kb_str_split_tabs(line, f, 2) != 2)
        continue;
      int a = find_code(f[0].p, f[0].n), b = find_code(f[1].p, f[1].n);
      if (a < 0 || b < 0)
        continue;
      g_tables.pair_of[a] = b;
      g_tables.pair_of[b] = a;
    }
  }
}

static const lang_tables *tables(void) {
  pthread_once(&g_once, build_tables);
  return &g_tables;
}

int kb_lang_index(const char *lang) {
  if (!lang)
    return -1;
  tables();
  return find_code(lang, strlen(lang));
}

const char *kb_lang_code(int index) {
  const lang_tables *t = tables();
  if (index < 0 || index >= t->nlangs)
    return NULL;
  return t->codes[index];
}

/* Lower-cases tok into out (TOK_MAX bytes); returns the length or 0 when the
 * token is too long to be a stopword. */
static size_t lower_token(const char *tok, size_t n, char *out) {
  return kb_str_lower_into(tok, n, out, TOK_MAX);
}

static const word_slot *lookup(const char *tok, size_t n) {
  char low[TOK_MAX];
  size_t ln = lower_token(tok, n, low);
  if (ln == 0)
    return NULL;
  tables();
  return slot_for(low, ln, 0);
}

uint32_t kb_stopword_mask(const char *tok, size_t n) {
  const word_slot *s = lookup(tok, n);
  return s ? s->stop_mask : 0;
}

int kb_is_stopword(const char *lang, const char *tok, size_t n) {
  int li = kb_lang_index(lang);
  if (li < 0)
    return 0;
  return (kb_stopword_mask(tok, n) >> li) & 1u;
}

/* ---- tokens ------------------------------------------------------------ */

/* Scripts written without spaces: each ideograph or kana counts as a word
 * (about one word per character is what shingle-based scores assume). */
static int is_cjk(uint32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static int ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

kb_status kb_tokenize(const char *s, size_t n, kb_buf *scratch, kb_token_fn fn,
                      void *ctx) {
  kb_status rc = KB_OK;
  kb_buf_reset(scratch);
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp = c;
    size_t k = 1;
    int isword;
    if (c < 0x80)
      isword = ascii_alnum(c);
    else {
      k = kb_utf8_decode(s + i, n - i, &cp);
      /* an ideograph or kana is a token of its own (below), as
       * kb_count_words counts it: runs of them are not one word */
      isword = kb_unicode_isalnum(cp) && !is_cjk(cp);
    }
    if (isword) {
      if (c < 0x80) {
        char lc = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        rc = kb_buf_append(scratch, &lc, 1);
      } else {
        char tmp[4];
        rc = kb_buf_append(scratch, tmp,
                           kb_utf8_encode(kb_unicode_lower(cp), tmp));
      }
      if (rc != KB_OK)
        goto fail;
    } else if (scratch->len > 0) {
      if (fn(scratch->data, scratch->len, ctx))
        goto fail;
      kb_buf_reset(scratch);
    }
    if (!isword && c >= 0x80 && is_cjk(cp)) {
      if (fn(s + i, k, ctx))
        goto fail;
    }
    i += k;
  }
  if (scratch->len > 0) {
    fn(scratch->data, scratch->len, ctx);
    kb_buf_reset(scratch);
  }
fail:
  return rc;
}

size_t kb_count_words(const char *s, size_t n) {
  kb_text_stats st;
  kb_text_stats_of(s, n, -1, &st);
  return st.words;
}

/* ---- one-pass statistics ---------------------------------------------- */

static int is_closing(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
         cp == 0x2019 || cp == 0xBB || cp == 0x203A;
}

void kb_text_stats_of(const char *s, size_t n, int lang_index,
                      kb_text_stats *st) {
  kb_text_stats_langs(s, n, lang_index, st, NULL, NULL);
}

/* Running counts of kb_text_stats_langs, kept in locals (not behind the
 * caller's pointer, which a char store to the token buffer could alias). */
typedef struct stats_acc {
  size_t words, stopwords, capital, alpha, upper, sentences, letters, digits;
} stats_acc;

/* Token state of kb_text_stats_langs. */
typedef struct tok_state {
  char low[TOK_MAX + 8]; /* 8 spare bytes: ascii_run stores 8 at a time */
  size_t lown, letters, uppers;
  int first_upper, first_letter, too_long;
} tok_state;

static inline __attribute__((always_inline)) void
end_token(tok_state *ts, const lang_tables *t, int lang_index, stats_acc *sa,
          kb_lang_counts *acc, uint16_t *line_stop) {
  sa->words++;
  if (acc)
    acc->tokens++;
  if (ts->first_letter) {
    sa->alpha++;
    if (ts->first_upper)
      sa->capital++;
    if (ts->letters >= 2 && ts->uppers == ts->letters)
      sa->upper++;
  }
  if (t && !ts->too_long && ts->lown > 0) {
    const word_slot *ws =
        find_word(t, ts->low, ts->lown, token_key8(ts->low, ts->lown));
    if (ws) {
      if (lang_index >= 0 && ((ws->stop_mask >> lang_index) & 1u))
        sa->stopwords++;
      if (acc || line_stop)
        for (uint32_t m = ws->stop_mask; m; m &= m - 1) {
          int li = __builtin_ctz(m);
          if (acc)
            acc->stop[li]++;
          if (line_stop && line_stop[li] < 65535)
            line_stop[li]++;
        }
      if (acc)
        for (uint32_t m = ws->marker_mask; m; m &= m - 1)
          acc->mark[__builtin_ctz(m)]++;
    }
  }
  ts->lown = ts->letters = ts->uppers = 0;
  ts->too_long = 0;
}

/* ASCII classes: 1 digit, 2 lower, 3 upper, 0 other */
static const unsigned char ascii_class[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2,
    ['e'] = 2, ['f'] = 2, ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2,
    ['l'] = 2, ['m'] = 2, ['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2,
    ['s'] = 2, ['t'] = 2, ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2,
    ['z'] = 2, ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3,
    ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3,
    ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3,
    ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3};

/* Byte ranges of 8 bytes at once (SWAR): the high bit of each byte of the
 * result is set when that byte's low seven bits are >= c (1 <= c <= 0x80). */
#define SWAR_ONES 0x0101010101010101ull
#define SWAR_HIGHS 0x8080808080808080ull
#define SWAR_GE(low7, c) ((low7) + (0x80u - (c)) * SWAR_ONES)
/* number of bytes with the high bit set in a mask of high bits */
#define SWAR_COUNT(m) ((size_t)((((m) >> 7) * SWAR_ONES) >> 56))

/* Appends the run of ASCII letters and digits at s[i] (s[i] is one) to the
 * token, lower-cased (past TOK_MAX bytes the token is too long); counts its
 * upper-case letters and digits; returns the index after the run. */
static size_t ascii_run(const char *s, size_t i, size_t n, tok_state *ts,
                        size_t *up, size_t *dig) {
  size_t j = i;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  /* eight bytes at a time; the run ends at the first byte (lowest address,
   * lowest bits) that is not ASCII alphanumeric */
  while (j + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + j, 8);
    uint64_t ascii = ~w & SWAR_HIGHS, low7 = w & ~SWAR_HIGHS;
    uint64_t d = SWAR_GE(low7, 0x30) & ~SWAR_GE(low7, 0x3A);
    uint64_t u = SWAR_GE(low7, 0x41) & ~SWAR_GE(low7, 0x5B);
    uint64_t l = SWAR_GE(low7, 0x61) & ~SWAR_GE(low7, 0x7B);
    uint64_t alnum = ascii & (d | u | l);
    uint64_t stop = ~alnum & SWAR_HIGHS;
    size_t len = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
    uint64_t keep = len == 8 ? ~0ull : (1ull << (8 * len)) - 1;
    u &= ascii & keep;
    *up += SWAR_COUNT(u);
    *dig += SWAR_COUNT(d & ascii & keep);
    uint64_t lw = w | (u >> 2); /* A-Z to a-z */
    memcpy(ts->low + ts->lown, &lw, 8);
    size_t room = TOK_MAX - ts->lown;
    if (len > room) {
      ts->lown = TOK_MAX;
      ts->too_long = 1;
    } else
      ts->lown += len;
    j += len;
    if (len < 8)
      return j;
  }
#endif
  for (unsigned cl; j < n && (cl = ascii_class[(unsigned char)s[j]]) != 0;
       j++) {
    *up += cl == 3;
    *dig += cl == 1;
    if (ts->lown < TOK_MAX) {
      unsigned char b = (unsigned char)s[j];
      ts->low[ts->lown++] = (char)(cl == 3 ? b + 32 : b);
    } else
      ts->too_long = 1;
  }
  return j;
}

void kb_text_stats_langs(const char *s, size_t n, int lang_index,
                         kb_text_stats *st, kb_lang_counts *acc,
                         uint16_t *line_stop) {
  if (line_stop)
    memset(line_stop, 0, KB_TEXT_MAX_LANGS * sizeof *line_stop);
  const lang_tables *t =
      (lang_index >= 0 || acc || line_stop) ? tables() : NULL;
  const lang_tables *u2t = NULL; /* tables() once a two-byte letter comes */
  stats_acc sa = {0, 0, 0, 0, 0, 0, 0, 0};
  tok_state ts;
  memset(ts.low, 0, sizeof ts.low); /* token_key8 reads 8 bytes */
  ts.lown = ts.letters = ts.uppers = 0;
  ts.too_long = ts.first_upper = ts.first_letter = 0;
  int in_tok = 0;
  /* last non-space character, and the last one that was not a closing
   * quote or bracket: a sentence ends at . ! ? before closers */
  uint32_t last_cp = 0, prev_nonclose = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      unsigned cls = ascii_class[c];
      if (cls) {
        if (!in_tok) {
          in_tok = 1;
          ts.first_upper = cls == 3;
          ts.first_letter = cls >= 2;
        }
        /* a run of ASCII letters and digits (most text) */
        size_t up = 0, dig = 0, j = ascii_run(s, i, n, &ts, &up, &dig);
        ts.letters += (j - i) - dig;
        ts.uppers += up;
        sa.digits += dig;
        i = j;
        last_cp = prev_nonclose = (unsigned char)s[i - 1];
        continue;
      }
      if (in_tok) {
        sa.letters += ts.letters;
        end_token(&ts, t, lang_index, &sa, acc, line_stop);
        in_tok = 0;
      }
      if (c == ' ' || c == '\t') {
        if (prev_nonclose == '.' || prev_nonclose == '!' ||
            prev_nonclose == '?')
          sa.sentences++;
        prev_nonclose = 0;
      } else {
        last_cp = c;
        if (!is_closing(c))
          prev_nonclose = c;
      }
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
        ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      /* a well-formed two-byte sequence: a letter from the table */
      if (!u2t)
        u2t = tables();
      uint32_t cp2 =
          ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)s[i + 1] & 0x3F);
      const u2_entry *e = &u2t->u2[cp2 - 0x80];
      if (e->alnum) {
        i += 2;
        if (!in_tok) {
          in_tok = 1;
          ts.first_upper = e->upper;
          ts.first_letter = 1;
        }
        ts.letters++;
        ts.uppers += e->upper;
        if (ts.lown + e->len <= TOK_MAX) {
          for (size_t b = 0; b < e->len; b++)
            ts.low[ts.lown++] = e->low[b];
        } else
          ts.too_long = 1;
        last_cp = prev_nonclose = cp2;
        continue;
      }
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    i += k;
    if (is_cjk(cp)) {
      if (in_tok) {
        sa.letters += ts.letters;
        end_token(&ts, t, lang_index, &sa, acc, line_stop);
        in_tok = 0;
      }
      sa.words++;
      sa.alpha++;
      sa.letters++;
      last_cp = prev_nonclose = cp;
      continue;
    }
    if (kb_unicode_isalnum(cp)) {
      uint32_t lc = kb_unicode_lower(cp);
      if (!in_tok) {
        in_tok = 1;
        ts.first_upper = lc != cp;
        ts.first_letter = 1;
      }
      ts.letters++;
      if (lc != cp)
        ts.uppers++;
      char tmp[4];
      size_t e = kb_utf8_encode(lc, tmp);
      if (ts.lown + e <= TOK_MAX) {
        for (size_t b = 0; b < e; b++) {
          ts.low[ts.lown++] = tmp[b];
        }
      } else
        ts.too_long = 1;
      last_cp = prev_nonclose = cp;
      continue;
    }
    if (in_tok) {
      sa.letters += ts.letters;
      end_token(&ts, t, lang_index, &sa, acc, line_stop);
      in_tok = 0;
    }
    if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
      /* 。！？ end a sentence without a following space */
      sa.sentences++;
      last_cp = cp;
      prev_nonclose = 0;
      continue;
    }
    if (cp == 0xA0 || kb_unicode_isspace(cp)) {
      if (prev_nonclose == '.' || prev_nonclose == '!' || prev_nonclose == '?')
        sa.sentences++;
      prev_nonclose = 0;
    } else {
      last_cp = cp;
      if (!is_closing(cp))
        prev_nonclose = cp;
    }
  }
  if (in_tok) {
    sa.letters += ts.letters;
    end_token(&ts, t, lang_index, &sa, acc, line_stop);
  }
  int final_punct = 0;
  if (last_cp == 0x3002 || last_cp == 0xFF01 || last_cp == 0xFF1F)
    final_punct = 1;
  else if (prev_nonclose == '.' || prev_nonclose == '!' ||
           prev_nonclose == '?' || prev_nonclose == 0x2026) {
    sa.sentences++;
    final_punct = 1;
  } else if (prev_nonclose == ':' || prev_nonclose == ';')
    final_punct = 1;
  memset(st, 0, sizeof *st);
  st->words = sa.words;
  st->stopwords = sa.stopwords;
  st->capital = sa.capital;
  st->alpha = sa.alpha;
  st->upper = sa.upper;
  st->sentences = sa.sentences;
  st->letters = sa.letters;
  st->digits = sa.digits;
  st->final_punct = final_punct;
}

/* ---- language identification ------------------------------------------ */

typedef struct langid_acc {
  size_t stop[KB_TEXT_MAX_LANGS];
  size_t mark[KB_TEXT_MAX_LANGS];
  size_t tokens;
} langid_acc;

static int langid_token(const char *tok, size_t n, void *ctx) {
  langid_acc *acc = ctx;
  acc->tokens++;
  if (n > TOK_MAX)
    return 0;
  const word_slot *s = slot_for(tok, n, 0);
  if (!s)
    return 0;
  for (uint32_t m = s->stop_mask; m; m &= m - 1)
    acc->stop[__builtin_ctz(m)]++;
  for (uint32_t m = s->marker_mask; m; m &= m - 1)
    acc->mark[__builtin_ctz(m)]++;
  return 0;
}

const char *kb_langid(const char *s, size_t n, double *score) {
  const lang_tables *t = tables();
  langid_acc acc;
  memset(&acc, 0, sizeof acc);
  if (score)
    *score = 0;
  if (n > LANGID_MAX_BYTES) {
    /* cut at a character boundary */
    n = LANGID_MAX_BYTES;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  kb_buf scratch;
  kb_buf_init(&scratch, 0);
  kb_status rc = kb_tokenize(s, n, &scratch, langid_token, &acc);
  kb_buf_clear(&scratch);
  if (rc != KB_OK)
    return NULL;
  kb_lang_counts c;
  memset(&c, 0, sizeof c);
  for (int i = 0; i < t->nlangs; i++) {
    c.stop[i] = (uint32_t)acc.stop[i];
    c.mark[i] = (uint32_t)acc.mark[i];
  }
  c.tokens = (uint32_t)acc.tokens;
  return kb_langid_counts(&c, score);
}

const char *kb_langid_counts(const kb_lang_counts *acc, double *score) {
  const lang_tables *t = tables();
  if (score)
    *score = 0;
  if (acc->tokens < 3 || t->nlangs == 0)
    return NULL;
  int best = -1;
  for (int i = 0; i < t->nlangs; i++)
    if (best < 0 || acc->stop[i] > acc->stop[best])
      best = i;
  if (best < 0 || acc->stop[best] == 0)
    return NULL;
  double share = (double)acc->stop[best] / (double)acc->tokens;
  /* function words make up 25-50% of running text; one hit in a handful of
   * tokens is not evidence */
  if (acc->stop[best] < 2 && acc->tokens > 4)
    return NULL;
  int rival = t->pair_of[best];
  if (rival >= 0) {
    /* close pair: shared function words say little; the marker words decide,
     * and a tie keeps the stopword winner */
    if (acc->mark[rival] > acc->mark[best])
      best = rival;
  }
  if (score) {
    double sc = share * 2.5;
    *score = sc > 1 ? 1 : sc;
  }
  return t->codes[best];
}
