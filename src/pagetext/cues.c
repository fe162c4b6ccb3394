/* Cue tables of the plain-text extractor: boilerplate phrases per language
 * (data/cues/boilerplate-*.txt), caption-credit words and agency names
 * (data/cues/agencies.txt). Built once per process, read-only afterwards. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pagetext/pagetext_int.h"

#define CUE_MAX 1024   /* cue phrases over all languages */
#define CUE_SLOTS 4096 /* exact-line hash slots, power of two */
#define CUE_KEY_MAX 96 /* longest normalised key compared */
#define AGENCY_MAX 256 /* spellings */
#define CAPWORD_MAX 128

typedef struct cue_prefix {
  const char *p; /* points into embedded data */
  size_t n;
  unsigned flags;
} cue_prefix;

typedef struct line_slot {
  uint64_t h;
  unsigned flags; /* 0 = empty */
} line_slot;

typedef struct agency {
  const char *spelling, *canonical; /* NUL-terminated copies in g_cues.strs */
  size_t n;
  int exact_case;
  unsigned char second; /* lower-cased second byte (n >= 2): a quick test */
} agency;

/* Lengths and first bytes of the words of a small list: most words of a
 * line are ruled out by it without hashing them. */
typedef struct word_filter {
  uint64_t lens;     /* bit n: a word of n bytes (bit 63: 63 or more) */
  uint64_t first[4]; /* bit b: a word starting with byte b */
} word_filter;

static void filter_add(word_filter *f, const char *w, size_t n) {
  unsigned char b = n ? (unsigned char)w[0] : 0;
  f->lens |= 1ull << (n < 63 ? n : 63);
  f->first[b >> 6] |= 1ull << (b & 63);
}

static int filter_maybe(const word_filter *f, const char *w, size_t n) {
  unsigned char b = n ? (unsigned char)w[0] : 0;
  return (f->lens >> (n < 63 ? n : 63) & 1u) &&
         (f->first[b >> 6] >> (b & 63) & 1u);
}

typedef struct cue_tables {
  line_slot lines[CUE_SLOTS];
  line_slot letters[CUE_SLOTS];   /* the same cues keyed on letters only */
  uint64_t endwords[CAPWORD_MAX]; /* words that head a comment section */
  size_t nendwords;
  word_filter endword_filter;
  cue_prefix suffixes[CAPWORD_MAX]; /* line endings of comment headers */
  size_t nsuffixes;
  uint64_t suffix_last[4]; /* bit b: a suffix ends in lower-cased byte b */
  cue_prefix prefixes[CUE_MAX];
  size_t nprefixes;
  uint16_t prefix_first[256][2]; /* bucket by lower-cased first byte */
  agency agencies[AGENCY_MAX];
  size_t nagencies;
  /* spellings by lower-cased first byte: [start, start + count) after sort */
  uint16_t by_first[256][2];
  uint64_t capwords[CAPWORD_MAX];
  size_t ncapwords;
  word_filter capword_filter;
  char strs[16384]; /* NUL-terminated agency strings */
  size_t strs_used;
} cue_tables;

static cue_tables g_cues; /* written once under pthread_once */
static pthread_once_t g_cues_once = PTHREAD_ONCE_INIT;

static int is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static size_t trim_key_end(char *out, size_t o);

/* Case- and space-folded key of a cue or line, with trailing separators
 * (: » > | . - and spaces) cut, so "Baca Juga:" and "BACA JUGA »" meet.
 * out holds n bytes. Eight bytes at a time while they hold no tab or
 * control and no two spaces in a row: such a block is copied lower-cased in
 * one step. */
static size_t norm_key_fit(const char *s, size_t n, char *out) {
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  size_t o = 0, i = 0;
  int space = 0;
  while (i < n) {
    if (i + 8 <= n && s[i] != ' ') {
      uint64_t w;
      memcpy(&w, s + i, 8);
      uint64_t ascii = ~w & highs; /* high bit set: an ASCII byte */
      uint64_t low7 = w & ~highs;  /* each byte's low seven bits */
      uint64_t ctl = ascii & ~(low7 + 0x60 * ones); /* ASCII under 0x20 */
      uint64_t t = w ^ (0x20 * ones);
      uint64_t sp = ~(((t & ~highs) + ~highs) | t) & highs; /* 0x20 bytes */
      if (!ctl && !(sp & (sp << 8))) {
        if (space && o > 0)
          out[o++] = ' ';
        /* fold A-Z (0x41..0x5A) to lower case */
        uint64_t ge_a = low7 + 0x3F * ones; /* high bit: low7 >= 0x41 */
        uint64_t gt_z = low7 + 0x25 * ones; /* high bit: low7 > 0x5A */
        w |= (ascii & ge_a & ~gt_z) >> 2;
        memcpy(out + o, &w, 8);
        /* a space ending the block is written when text follows it */
        space = s[i + 7] == ' ';
        o += space ? 7 : 8;
        i += 8;
        continue;
      }
    }
    unsigned char c = (unsigned char)s[i++];
    if (c == ' ' || c == '\t' || c == '\r') {
      space = 1;
      continue;
    }
    if (space && o > 0)
      out[o++] = ' ';
    space = 0;
    out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  return trim_key_end(out, o);
}

/* Cuts trailing separators off a key of o bytes; returns the new length. */
static size_t trim_key_end(char *out, size_t o) {
  for (;;) {
    if (o > 0 && (out[o - 1] == ':' || out[o - 1] == '>' || out[o - 1] == '|' ||
                  out[o - 1] == '.' || out[o - 1] == ' ' || out[o - 1] == '-' ||
                  out[o - 1] == '*')) {
      o--;
      continue;
    }
    /* » (C2 BB) and › (E2 80 BA) */
    if (o >= 2 && (unsigned char)out[o - 2] == 0xC2 &&
        (unsigned char)out[o - 1] == 0xBB) {
      o -= 2;
      continue;
    }
    if (o >= 3 && (unsigned char)out[o - 3] == 0xE2 &&
        (unsigned char)out[o - 2] == 0x80 &&
        (unsigned char)out[o - 1] == 0xBA) {
      o -= 3;
      continue;
    }
    break;
  }
  return o;
}

/* Letters and single spaces only: "[ 167 comments ]" and "Comments (3)"
 * meet "Comments". */
static size_t letters_key(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0, words = 1;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!letter) {
      space = 1;
      continue;
    }
    if (o + 2 > cap)
      return 0; /* too long to be a cue */
    if (space && o > 0) {
      if (++words > 6)
        return 0; /* cue phrases are short */
      out[o++] = ' ';
    }
    space = 0;
    out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  return o;
}

static void table_add(line_slot *t, uint64_t h, unsigned flags) {
  for (size_t i = (size_t)h & (CUE_SLOTS - 1), probes = 0; probes < CUE_SLOTS;
       i = (i + 1) & (CUE_SLOTS - 1), probes++) {
    if (t[i].h == h || t[i].flags == 0) {
      t[i].h = h;
      t[i].flags |= flags;
      return;
    }
  }
}

static unsigned table_get(const line_slot *t, uint64_t h) {
  for (size_t i = (size_t)h & (CUE_SLOTS - 1), probes = 0;
       probes < CUE_SLOTS && t[i].flags;
       i = (i + 1) & (CUE_SLOTS - 1), probes++)
    if (t[i].h == h)
      return t[i].flags;
  return 0;
}

static void add_line_cue(const char *s, size_t n, unsigned flags) {
  char key[CUE_KEY_MAX];
  if (n == 0 || n > CUE_KEY_MAX || norm_key_fit(s, n, key) == 0)
    return; /* empty once folded, or longer than any cue may be */
  /* the same key and hash that lines are looked up with */
  table_add(g_cues.lines, kb_pt_line_hash(s, n), flags);
  size_t k = letters_key(s, n, key, sizeof key);
  if (k > 0)
    table_add(g_cues.letters, kb_hash64(key, k, 5) | 1u, flags);
}

static const char *keep_str(const char *s, size_t n) {
  if (g_cues.strs_used + n + 1 > sizeof g_cues.strs)
    return NULL;
  char *d = g_cues.strs + g_cues.strs_used;
  memcpy(d, s, n);
  d[n] = 0;
  g_cues.strs_used += n + 1;
  return d;
}

static void add_agency(kb_str spelling, const char *canonical, int exact) {
  if (g_cues.nagencies >= AGENCY_MAX || spelling.n == 0)
    return;
  const char *sp = keep_str(spelling.p, spelling.n);
  if (!sp)
    return;
  agency *a = &g_cues.agencies[g_cues.nagencies++];
  a->spelling = sp;
  a->canonical = canonical;
  a->n = spelling.n;
  /* agencies.txt: spellings under 4 letters match in exact case only
   * ("AP" the agency, not "ap" in a word) */
  a->exact_case = exact || spelling.n < 4;
  unsigned char b = spelling.n >= 2 ? (unsigned char)sp[1] : 0;
  a->second = (unsigned char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
}

static void load_cue_file(const char *d, size_t len) {
  kb_lines it;
  kb_str line, f[2];
  kb_lines_init(&it, d, len);
  while (kb_lines_next(&it, &line)) {
    if (kb_str_split_tabs(line, f, 2) != 2 || f[1].n == 0)
      continue;
    unsigned flags = 0;
    int prefix = 0;
    if (kb_str_eq(f[0], "line"))
      flags = CUE_LINE;
    else if (kb_str_eq(f[0], "prefix"))
      flags = CUE_PREFIX, prefix = 1;
    else if (kb_str_eq(f[0], "end"))
      flags = CUE_END;
    else if (kb_str_eq(f[0], "endprefix"))
      flags = CUE_END, prefix = 1;
    else if (kb_str_eq(f[0], "stop"))
      flags = CUE_END | CUE_STOP;
    else if (kb_str_eq(f[0], "stopprefix"))
      flags = CUE_END | CUE_STOP, prefix = 1;
    else if (kb_str_eq(f[0], "credit"))
      flags = CUE_CREDIT, prefix = 1;
    else if (kb_str_eq(f[0], "byline"))
      flags = CUE_BYLINE, prefix = 1;
    else if (kb_str_eq(f[0], "endword")) {
      char low[64];
      size_t k = letters_key(f[1].p, f[1].n, low, sizeof low);
      if (k && g_cues.nendwords < CAPWORD_MAX) {
        g_cues.endwords[g_cues.nendwords++] = kb_hash64(low, k, 29);
        filter_add(&g_cues.endword_filter, low, k);
      }
      continue;
    } else if (kb_str_eq(f[0], "endsuffix")) {
      if (g_cues.nsuffixes < CAPWORD_MAX) {
        g_cues.suffixes[g_cues.nsuffixes++] =
            (cue_prefix){f[1].p, f[1].n, CUE_END | CUE_STOP};
        unsigned char b = (unsigned char)f[1].p[f[1].n - 1];
        if (b >= 'A' && b <= 'Z')
          b += 32;
        g_cues.suffix_last[b >> 6] |= 1ull << (b & 63);
      }
      continue;
    } else
      continue;
    if (prefix) {
      if (g_cues.nprefixes < CUE_MAX)
        g_cues.prefixes[g_cues.nprefixes++] =
            (cue_prefix){f[1].p, f[1].n, flags};
      /* a prefix cue standing alone on its line is the same cue */
      if (flags != CUE_BYLINE)
        add_line_cue(f[1].p, f[1].n, flags == CUE_PREFIX ? CUE_LINE : flags);
    } else
      add_line_cue(f[1].p, f[1].n, flags);
  }
}

static void load_abbrev(const char *d, size_t len);
static void index_agencies(void);

static int prefix_first(const cue_prefix *c) {
  unsigned char f = (unsigned char)c->p[0];
  return (f >= 'A' && f <= 'Z') ? f + 32 : f;
}

static int cmp_prefix(const void *x, const void *y) {
  return prefix_first(x) - prefix_first(y);
}

static void index_prefixes(void) {
  qsort(g_cues.prefixes, g_cues.nprefixes, sizeof g_cues.prefixes[0],
        cmp_prefix);
  for (size_t i = 0; i < g_cues.nprefixes; i++) {
    int f = prefix_first(&g_cues.prefixes[i]);
    if (g_cues.prefix_first[f][1] == 0)
      g_cues.prefix_first[f][0] = (uint16_t)i;
    g_cues.prefix_first[f][1]++;
  }
}

static void build_cues(void) {
  size_t i = 0, len = 0;
  const char *name;
  while ((name = kb_data_next("cues/boilerplate-", &i)) != NULL) {
    const char *d = kb_data_get(name, &len);
    if (d)
      load_cue_file(d, len);
  }
  const char *d = kb_data_get("cues/caption-words.txt", &len);
  if (d) {
    kb_lines it;
    kb_str line;
    kb_lines_init(&it, d, len);
    while (kb_lines_next(&it, &line) && g_cues.ncapwords < CAPWORD_MAX) {
      g_cues.capwords[g_cues.ncapwords++] = kb_hash64(line.p, line.n, 3);
      filter_add(&g_cues.capword_filter, line.p, line.n);
    }
  }
  d = kb_data_get("cues/agencies.txt", &len);
  if (d) {
    kb_lines it;
    kb_str line, f[8];
    kb_lines_init(&it, d, len);
    while (kb_lines_next(&it, &line)) {
      size_t nf = kb_str_split_tabs(line, f, 8);
      if (nf == 0 || f[0].n == 0)
        continue;
      const char *canon = keep_str(f[0].p, f[0].n);
      if (!canon)
        break;
      for (size_t k = 0; k < nf; k++)
        add_agency(kb_str_trim(f[k]), canon, 0);
    }
  }
  d = kb_data_get("cues/agency-abbrev.txt", &len);
  load_abbrev(d, len);
  index_agencies();
  index_prefixes();
}

static int agency_first(const agency *a) {
  unsigned char c = (unsigned char)a->spelling[0];
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int cmp_agency(const void *x, const void *y) {
  return agency_first(x) - agency_first(y);
}

/* Sorts the spellings by first letter so a word start tries only its own
 * bucket (the scan runs on every short line of a page). */
static void index_agencies(void) {
  qsort(g_cues.agencies, g_cues.nagencies, sizeof g_cues.agencies[0],
        cmp_agency);
  for (size_t i = 0; i < g_cues.nagencies; i++) {
    int f = agency_first(&g_cues.agencies[i]);
    if (g_cues.by_first[f][1] == 0)
      g_cues.by_first[f][0] = (uint16_t)i;
    g_cues.by_first[f][1]++;
  }
}

static void load_abbrev(const char *d, size_t len) {
  if (!d)
    return;
  kb_lines it;
  kb_str line, f[2];
  kb_lines_init(&it, d, len);
  while (kb_lines_next(&it, &line)) {
    if (kb_str_split_tabs(line, f, 2) != 2)
      continue;
    const char *canon = keep_str(f[0].p, f[0].n);
    if (canon)
      add_agency(f[1], canon, 1);
  }
}

static void cues(void) {
  pthread_once(&g_cues_once, build_cues);
}

static inline unsigned ascii_fold(unsigned char c) {
  return c + (((unsigned)(c - 'A') < 26u) << 5);
}

static int ascii_ieq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ascii_fold((unsigned char)a[i]) != ascii_fold((unsigned char)b[i]))
      return 0;
  return 1;
}

unsigned kb_pt_cue_flags(const char *s, size_t n, uint64_t line_hash,
                         size_t *cue_len) {
  cues();
  unsigned flags = 0;
  if (cue_len)
    *cue_len = 0;
  char key[CUE_KEY_MAX];
  if (n <= CUE_KEY_MAX) {
    /* the line hash is the folded key's hash (kb_pt_line_hash) */
    if (!line_hash)
      line_hash = kb_pt_line_hash(s, n);
    flags = table_get(g_cues.lines, line_hash);
    size_t k = letters_key(s, n, key, sizeof key);
    if (!flags && k > 0)
      flags = table_get(g_cues.letters, kb_hash64(key, k, 5) | 1u);
    {
      /* a short line naming the comment section: "Top Rated Comments",
       * "[ 167 comments ]", "Komentar (3)" */
      size_t words = 1;
      for (size_t i = 0; i < k; i++)
        words += key[i] == ' ';
      for (size_t i = 0; k > 0 && words <= 5 && i < k;) {
        size_t j = i;
        while (j < k && key[j] != ' ')
          j++;
        if (filter_maybe(&g_cues.endword_filter, key + i, j - i)) {
          uint64_t h = kb_hash64(key + i, j - i, 29);
          for (size_t e = 0; e < g_cues.nendwords; e++)
            if (g_cues.endwords[e] == h)
              flags |= CUE_END | CUE_STOP;
        }
        i = j + 1;
      }
    }
    if (flags && cue_len)
      *cue_len = n;
  }
  /* comment headers: "Name on May 2, 2019 at 4:47 pm said:"; only lines
   * ending in the last byte of some suffix can match */
  unsigned char end = n ? (unsigned char)s[n - 1] : 0;
  if (end >= 'A' && end <= 'Z')
    end += 32;
  int may_end = n > 0 && (g_cues.suffix_last[end >> 6] >> (end & 63) & 1u);
  for (size_t i = 0; may_end && i < g_cues.nsuffixes && n <= 200; i++) {
    const cue_prefix *c = &g_cues.suffixes[i];
    if (c->n <= n && ascii_ieq(s + n - c->n, c->p, c->n))
      flags |= CUE_END | CUE_STOP;
  }
  if (flags)
    return flags;
  unsigned char first = n ? (unsigned char)s[0] : 0;
  if (first >= 'A' && first <= 'Z')
    first += 32;
  size_t from = g_cues.prefix_first[first][0],
         cnt = g_cues.prefix_first[first][1];
  for (size_t i = from; i < from + cnt; i++) {
    const cue_prefix *c = &g_cues.prefixes[i];
    /* the bucket matched the first byte; the second rules most out */
    if (c->n > n ||
        (c->n >= 2 && ascii_fold((unsigned char)s[1]) !=
                          ascii_fold((unsigned char)c->p[1])) ||
        !ascii_ieq(s + 1, c->p + 1, c->n - 1))
      continue;
    if (c->n < n) {
      /* a word boundary after the cue, or glued link text: "Previous
       * articleSetidaknya" (a lower-case cue end then an upper-case start) */
      unsigned char last = (unsigned char)c->p[c->n - 1];
      unsigned char next = (unsigned char)s[c->n];
      if (is_ascii_alnum(last) && is_ascii_alnum(next) &&
          !(last >= 'a' && last <= 'z' && next >= 'A' && next <= 'Z'))
        continue;
    }
    flags |= c->flags;
    if (cue_len && c->n > *cue_len)
      *cue_len = c->n;
  }
  return flags;
}

int kb_pt_caption_word(const char *w, size_t n) {
  cues();
  if (!filter_maybe(&g_cues.capword_filter, w, n))
    return 0;
  uint64_t h = kb_hash64(w, n, 3);
  for (size_t i = 0; i < g_cues.ncapwords; i++)
    if (g_cues.capwords[i] == h)
      return 1;
  return 0;
}

size_t kb_pt_agencies(const char *s, size_t n, kb_pt_agency_fn fn, void *ctx) {
  cues();
  size_t covered = 0;
  for (size_t i = 0; i < n;) {
    /* at a word start: try every spelling */
    if (i > 0 && is_ascii_alnum((unsigned char)s[i - 1])) {
      i++;
      continue;
    }
    size_t best = 0;
    const char *canon = NULL;
    unsigned char c0 = (unsigned char)s[i];
    if (c0 >= 'A' && c0 <= 'Z')
      c0 += 32;
    size_t from = g_cues.by_first[c0][0], cnt = g_cues.by_first[c0][1];
    for (size_t k = from; k < from + cnt; k++) {
      const agency *a = &g_cues.agencies[k];
      if (a->n > n - i || a->n <= best)
        continue;
      /* equal spellings (in either case) agree in the second byte */
      if (a->n >= 2 && ascii_fold((unsigned char)s[i + 1]) != a->second)
        continue;
      int eq = a->exact_case ? memcmp(s + i, a->spelling, a->n) == 0
                             : ascii_ieq(s + i, a->spelling, a->n);
      if (!eq)
        continue;
      if (i + a->n < n && is_ascii_alnum((unsigned char)s[i + a->n]))
        continue;
      best = a->n;
      canon = a->canonical;
    }
    if (best) {
      if (fn)
        fn(canon, ctx);
      covered += best;
      i += best;
    } else
      i++;
  }
  return covered;
}

uint64_t kb_pt_line_hash(const char *s, size_t n) {
  /* long lines repeat byte for byte; only short labels vary in case */
  if (n > 160)
    return kb_hash64(s, n, 13) | 1u;
  char key[256];
  size_t k = norm_key_fit(s, n, key);
  return kb_hash64(key, k, 11) | 1u;
}
