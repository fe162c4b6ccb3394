/* kabar text: word tokens, stopword tables and language identification.
 * Sits under the extractors (stopword density of lines), dedup and
 * clustering (tokens). Tables come from data/lang/<code>/stopwords.txt and
 * are built once per process (pthread_once) and never change afterwards. */
#include "kabar/text.h"

#include <pthread.h>
#include <string.h>

#define TOK_MAX 64             /* longer tokens are never stopwords */
#define WORD_SLOTS 8192        /* open-addressing slots, power of two */
#define LANGID_MAX_BYTES 65536 /* enough text to decide; bounds the cost */

typedef struct word_slot {
  const char *w; /* points into the embedded data (static lifetime) */
  uint32_t len;
  uint32_t stop_mask;   /* languages whose stopword list has the word */
  uint32_t marker_mask; /* languages whose close-pair marker list has it */
} word_slot;

typedef struct lang_tables {
  int nlangs;
  char codes[KB_TEXT_MAX_LANGS][8];
  size_t nstop[KB_TEXT_MAX_LANGS]; /* list sizes, to normalise scores */
  int pair_of[KB_TEXT_MAX_LANGS];  /* close rival's index, or -1 */
  word_slot slots[WORD_SLOTS];
  /* quick filter before hashing: bit (first byte & 63) of maybe[len] is set
   * when some listed word has that length and first byte */
  uint64_t maybe[TOK_MAX + 1];
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

/* FNV-1a: the keys are short words, where it beats a block hash */
static uint64_t word_hash(const char *w, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)w[i];
    h *= 0x100000001b3ull;
  }
  return h ^ (h >> 31);
}

static word_slot *slot_for(const char *w, size_t n, int create) {
  if (!create &&
      (n > TOK_MAX || !(g_tables.maybe[n] >> ((unsigned char)w[0] & 63) & 1u)))
    return NULL;
  uint64_t h = word_hash(w, n);
  size_t mask = WORD_SLOTS - 1;
  for (size_t i = (size_t)h & mask, probes = 0; probes < WORD_SLOTS;
       i = (i + 1) & mask, probes++) {
    word_slot *s = &g_tables.slots[i];
    if (!s->w) {
      if (!create)
        return NULL;
      s->w = w;
      s->len = (uint32_t)n;
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

static void build_tables(void) {
  size_t i = 0;
  const char *name;
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
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)tok[i];
    if (c < 0x80) {
      if (o + 1 > TOK_MAX)
        return 0;
      out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      i++;
      continue;
    }
    uint32_t cp;
    i += kb_utf8_decode(tok + i, n - i, &cp);
    char tmp[4];
    size_t k = kb_utf8_encode(kb_unicode_lower(cp), tmp);
    if (o + k > TOK_MAX)
      return 0;
    memcpy(out + o, tmp, k);
    o += k;
  }
  return o;
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

/* Token state of kb_text_stats_langs. */
typedef struct tok_state {
  char low[TOK_MAX];
  size_t lown, letters, uppers;
  int first_upper, first_letter, too_long;
} tok_state;

static void end_token(tok_state *ts, const lang_tables *t, int lang_index,
                      kb_text_stats *st, kb_lang_counts *acc,
                      uint16_t *line_stop) {
  st->words++;
  if (acc)
    acc->tokens++;
  if (ts->first_letter) {
    st->alpha++;
    if (ts->first_upper)
      st->capital++;
    if (ts->letters >= 2 && ts->uppers == ts->letters)
      st->upper++;
  }
  if (t && !ts->too_long && ts->lown > 0) {
    const word_slot *ws = slot_for(ts->low, ts->lown, 0);
    if (ws) {
      if (lang_index >= 0 && ((ws->stop_mask >> lang_index) & 1u))
        st->stopwords++;
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
static const unsigned char ascii_class[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1, ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2,
    ['e'] = 2, ['f'] = 2, ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2,
    ['l'] = 2, ['m'] = 2, ['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2,
    ['s'] = 2, ['t'] = 2, ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2,
    ['z'] = 2, ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3,
    ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3,
    ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3,
    ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3};

void kb_text_stats_langs(const char *s, size_t n, int lang_index,
                         kb_text_stats *st, kb_lang_counts *acc,
                         uint16_t *line_stop) {
  memset(st, 0, sizeof *st);
  if (line_stop)
    memset(line_stop, 0, KB_TEXT_MAX_LANGS * sizeof *line_stop);
  const lang_tables *t =
      (lang_index >= 0 || acc || line_stop) ? tables() : NULL;
  tok_state ts;
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
        if (cls >= 2) {
          ts.letters++;
          st->letters++;
          if (cls == 3)
            ts.uppers++;
        } else
          st->digits++;
        if (ts.lown < TOK_MAX)
          ts.low[ts.lown++] = (char)(cls == 3 ? c + 32 : c);
        else
          ts.too_long = 1;
        last_cp = prev_nonclose = c;
        i++;
        continue;
      }
      if (in_tok) {
        end_token(&ts, t, lang_index, st, acc, line_stop);
        in_tok = 0;
      }
      if (c == ' ' || c == '\t') {
        if (prev_nonclose == '.' || prev_nonclose == '!' ||
            prev_nonclose == '?')
          st->sentences++;
        prev_nonclose = 0;
      } else {
        last_cp = c;
        if (!is_closing(c))
          prev_nonclose = c;
      }
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    i += k;
    if (is_cjk(cp)) {
      if (in_tok) {
        end_token(&ts, t, lang_index, st, acc, line_stop);
        in_tok = 0;
      }
      st->words++;
      st->alpha++;
      st->letters++;
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
      st->letters++;
      if (lc != cp)
        ts.uppers++;
      char tmp[4];
      size_t e = kb_utf8_encode(lc, tmp);
      if (ts.lown + e <= TOK_MAX) {
        memcpy(ts.low + ts.lown, tmp, e);
        ts.lown += e;
      } else
        ts.too_long = 1;
      last_cp = prev_nonclose = cp;
      continue;
    }
    if (in_tok) {
      end_token(&ts, t, lang_index, st, acc, line_stop);
      in_tok = 0;
    }
    if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
      /* 。！？ end a sentence without a following space */
      st->sentences++;
      last_cp = cp;
      prev_nonclose = 0;
      continue;
    }
    if (cp == 0xA0 || kb_unicode_isspace(cp)) {
      if (prev_nonclose == '.' || prev_nonclose == '!' || prev_nonclose == '?')
        st->sentences++;
      prev_nonclose = 0;
    } else {
      last_cp = cp;
      if (!is_closing(cp))
        prev_nonclose = cp;
    }
  }
  if (in_tok)
    end_token(&ts, t, lang_index, st, acc, line_stop);
  if (last_cp == 0x3002 || last_cp == 0xFF01 || last_cp == 0xFF1F)
    st->final_punct = 1;
  else if (prev_nonclose == '.' || prev_nonclose == '!' ||
           prev_nonclose == '?' || prev_nonclose == 0x2026) {
    st->sentences++;
    st->final_punct = 1;
  } else if (prev_nonclose == ':' || prev_nonclose == ';')
    st->final_punct = 1;
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

/* Lower-cased tokens into a stack buffer, without allocation; tokens longer
 * than TOK_MAX are passed with n = TOK_MAX + 1 (never a stopword). */
static void scan_tokens(const char *s, size_t n, kb_token_fn fn, void *ctx) {
  char low[TOK_MAX];
  size_t o = 0;
  int in = 0, over = 0;
  for (size_t i = 0; i <= n;) {
    unsigned char c = i < n ? (unsigned char)s[i] : ' ';
    uint32_t cp = c;
    size_t k = 1;
    int isword;
    if (c < 0x80)
      isword = ascii_alnum(c);
    else {
      k = kb_utf8_decode(s + i, n - i, &cp);
      isword = kb_unicode_isalnum(cp) && !is_cjk(cp);
    }
    if (isword) {
      in = 1;
      if (c < 0x80) {
        if (o < TOK_MAX)
          low[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        else
          over = 1;
      } else {
        char tmp[4];
        size_t e = kb_utf8_encode(kb_unicode_lower(cp), tmp);
        if (o + e <= TOK_MAX) {
          memcpy(low + o, tmp, e);
          o += e;
        } else
          over = 1;
      }
    } else if (in) {
      fn(low, over ? TOK_MAX + 1 : o, ctx);
      in = over = 0;
      o = 0;
    }
    i += k;
  }
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
  scan_tokens(s, n, langid_token, &acc);
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
