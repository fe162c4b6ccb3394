/* Cue tables of the HTML extractor, read once from data/html/ (class/id word
 * weights, body container class names, boilerplate phrases per language) and
 * shared read-only by every extraction afterwards. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "html/html_int.h"

static kb_html_tables g_tables; /* written once under pthread_once */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
/* author cues grouped by kind, in file order (pointers into
   g_tables.author_cues): written once under pthread_once with g_tables */
enum { N_AUTHOR_KINDS = KB_AUTHOR_FOOTER + 1 };
static const kb_html_cue **g_by_kind[N_AUTHOR_KINDS];
static size_t g_nkind[N_AUTHOR_KINDS];

#define WORD_SLOTS 1024u
#define BODY_SLOTS 256u

static uint64_t word_key(const char *w, size_t n) {
  return kb_hash64(w, n, 0x6b6162);
}

static void add_word(kb_html_tables *t, kb_str w, int weight) {
  uint64_t h = word_key(w.p, w.n);
  for (size_t i = 0; i < WORD_SLOTS; i++) {
    size_t s = (h + i) & (WORD_SLOTS - 1);
    if (!t->word_used[s] || t->word_hash[s] == h) {
      t->word_used[s] = 1;
      t->word_hash[s] = h;
      t->word_weight[s] = (int8_t)weight;
      return;
    }
  }
}

static void add_body(kb_html_tables *t, kb_str w) {
  uint64_t h = word_key(w.p, w.n);
  for (size_t i = 0; i < BODY_SLOTS; i++) {
    size_t s = (h + i) & (BODY_SLOTS - 1);
    if (!t->body_used[s] || t->body_hash[s] == h) {
      t->body_used[s] = 1;
      t->body_hash[s] = h;
      return;
    }
  }
}

static int small_int(kb_str s) {
  int sign = 1, v = 0;
  size_t i = 0;
  if (i < s.n && (s.p[i] == '-' || s.p[i] == '+'))
    sign = s.p[i++] == '-' ? -1 : 1;
  for (; i < s.n && s.p[i] >= '0' && s.p[i] <= '9' && v < 100; i++)
    v = v * 10 + (s.p[i] - '0');
  return sign * v;
}

/* Reads "kind<TAB>phrase" or "kind<TAB>lang<TAB>phrase" lines; kind_of maps
 * the kind word to a number. */
static void load_cues(const char *name, int (*kind_of)(kb_str),
                      kb_html_cue **out, size_t *nout) {
  size_t len = 0, cap = 0;
  kb_lines it;
  kb_str line, f[3];
  const char *d = kb_data_get(name, &len);
  if (!d)
    return;
  kb_lines_init(&it, d, len);
  while (kb_lines_next(&it, &line))
    cap++;
  *out = cap ? calloc(cap, sizeof **out) : NULL; /* lives for the process */
  kb_lines_init(&it, d, len);
  while (*out && kb_lines_next(&it, &line)) {
    size_t nf = kb_str_split_tabs(line, f, 3);
    if (nf < 2 || *nout >= cap)
      continue;
    kb_html_cue *c = &(*out)[(*nout)++];
    c->phrase = f[nf - 1].p;
    c->n = f[nf - 1].n;
    c->kind = kind_of(f[0]);
  }
}

static int boiler_kind(kb_str k) {
  return kb_str_eq(k, "end")    ? KB_CUE_END
         : kb_str_eq(k, "line") ? KB_CUE_LINE
         : kb_str_eq(k, "tail") ? KB_CUE_TAIL
                                : KB_CUE_DROP;
}

static int author_kind(kb_str k) {
  return kb_str_eq(k, "prefix")   ? KB_AUTHOR_PREFIX
         : kb_str_eq(k, "cut")    ? KB_AUTHOR_CUT
         : kb_str_eq(k, "byline") ? KB_AUTHOR_BYLINE
         : kb_str_eq(k, "org")    ? KB_AUTHOR_ORG
         : kb_str_eq(k, "credit") ? KB_AUTHOR_CREDIT
         : kb_str_eq(k, "sep")    ? KB_AUTHOR_SEP
         : kb_str_eq(k, "sign")   ? KB_AUTHOR_SIGN
         : kb_str_eq(k, "verb")   ? KB_AUTHOR_VERB
         : kb_str_eq(k, "footer") ? KB_AUTHOR_FOOTER
                                  : KB_AUTHOR_REJECT;
}

static void build(void) {
  kb_html_tables *t = &g_tables;
  size_t len = 0;
  kb_lines it;
  kb_str line, f[3];
  const char *d = kb_data_get("html/class_words.tsv", &len);
  if (d) {
    kb_lines_init(&it, d, len);
    while (kb_lines_next(&it, &line))
      if (kb_str_split_tabs(line, f, 2) == 2)
        add_word(t, f[0], small_int(f[1]));
  }
  d = kb_data_get("html/body_classes.txt", &len);
  if (d) {
    kb_lines_init(&it, d, len);
    while (kb_lines_next(&it, &line))
      add_body(t, line);
  }
  load_cues("html/boilerplate.tsv", boiler_kind, &t->cues, &t->ncues);
}

/* Room for the per-kind lists of author cues (the data file has ~250): a
 * fixed array, so building them cannot fail. */
enum { MAX_AUTHOR_CUES = 2048 };

static void build_all(void) {
  build();
  load_cues("html/author_noise.tsv", author_kind, &g_tables.author_cues,
            &g_tables.nauthor_cues);
  for (size_t i = 0; i < g_tables.nauthor_cues; i++) {
    const kb_html_cue *c = &g_tables.author_cues[i];
    if (c->kind == KB_AUTHOR_BYLINE && c->n) {
      unsigned char f = (unsigned char)c->phrase[0];
      g_tables.byline_first[f] = 1;
      if (f >= 'a' && f <= 'z')
        g_tables.byline_first[f - 32] = 1;
    }
  }
  /* the callers each want one or two kinds out of ~250 cues: a list per
     kind spares them a pass over all of them per candidate string */
  static const kb_html_cue *all[MAX_AUTHOR_CUES]; /* written once, here */
  size_t n = g_tables.nauthor_cues < MAX_AUTHOR_CUES ? g_tables.nauthor_cues
                                                     : MAX_AUTHOR_CUES;
  size_t at = 0;
  for (int k = 0; k < N_AUTHOR_KINDS; k++) {
    g_by_kind[k] = all + at;
    for (size_t i = 0; i < n; i++)
      if (g_tables.author_cues[i].kind == k)
        all[at++] = &g_tables.author_cues[i];
    g_nkind[k] = (size_t)(all + at - g_by_kind[k]);
  }
}

const kb_html_tables *kb_html_tables_get(void) {
  pthread_once(&g_once, build_all);
  return &g_tables;
}

const kb_html_cue *const *kb_html_author_cues(int kind, size_t *n) {
  pthread_once(&g_once, build_all);
  if (kind < 0 || kind >= N_AUTHOR_KINDS || !g_by_kind[kind]) {
    *n = 0;
    return NULL;
  }
  *n = g_nkind[kind];
  return g_by_kind[kind];
}

int kb_html_word_weight(const kb_html_tables *t, const char *w, size_t n) {
  uint64_t h = word_key(w, n);
  for (size_t i = 0; i < WORD_SLOTS; i++) {
    size_t s = (h + i) & (WORD_SLOTS - 1);
    if (!t->word_used[s])
      return 0;
    if (t->word_hash[s] == h)
      return t->word_weight[s];
  }
  return 0;
}

int kb_html_is_body_class(const kb_html_tables *t, const char *w, size_t n) {
  uint64_t h = word_key(w, n);
  for (size_t i = 0; i < BODY_SLOTS; i++) {
    size_t s = (h + i) & (BODY_SLOTS - 1);
    if (!t->body_used[s])
      return 0;
    if (t->body_hash[s] == h)
      return 1;
  }
  return 0;
}

/* Lower-cases s into low (at most cap - 4 bytes); returns the length. */
static size_t lower_into(const char *s, size_t n, char *low, size_t cap) {
  size_t m = 0, i = 0;
  while (i < n && m + 4 < cap) {
    uint32_t cp;
    i += kb_utf8_decode(s + i, n - i, &cp);
    m += kb_utf8_encode(kb_unicode_lower(cp), low + m);
  }
  return m;
}

int kb_html_cue_tail(const kb_html_tables *t, const char *s, size_t n) {
  char low[512];
  size_t m = lower_into(s, n, low, sizeof low);
  for (size_t c = 0; c < t->ncues; c++) {
    const kb_html_cue *q = &t->cues[c];
    if (q->kind != KB_CUE_TAIL)
      continue;
    for (size_t i = 0; i + q->n <= m; i++) {
      /* first byte inline: a call per position was most of this scan */
      if ((q->n && low[i] != q->phrase[0]) ||
          memcmp(low + i, q->phrase, q->n) != 0)
        continue;
      int before = i == 0 || !kb_unicode_isalnum((unsigned char)low[i - 1]);
      int after =
          i + q->n == m || !kb_unicode_isalnum((unsigned char)low[i + q->n]);
      if (before && after)
        return 1;
    }
  }
  return 0;
}

int kb_html_cue_match(const kb_html_tables *t, const char *s, size_t n) {
  char low[128];
  size_t m = 0, i = 0;
  /* lower-case the head of the text; cues are short */
  while (i < n && m + 4 < sizeof low) {
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    i += k;
    if (m == 0 &&
        (kb_unicode_isspace(cp) || cp == 0x25B6 || cp == 0xBB || cp == '>' ||
         cp == '-' || cp == 0x2022 || cp == '[' || cp == '('))
      continue; /* leading bullets and arrows */
    m += kb_utf8_encode(kb_unicode_lower(cp), low + m);
  }
  int kinds = 0;
  for (size_t c = 0; c < t->ncues; c++) {
    const kb_html_cue *q = &t->cues[c];
    if (q->n > m || memcmp(low, q->phrase, q->n) != 0)
      continue;
    if (q->n < m && q->phrase[q->n - 1] != ':') {
      uint32_t cp;
      kb_utf8_decode(low + q->n, m - q->n, &cp);
      if (kb_unicode_isalnum(cp))
        continue; /* "related" must not match "relatedly" */
    }
    if (q->kind != KB_CUE_TAIL)
      kinds |= q->kind;
  }
  return kinds;
}
