/* Plain page text → article: a line classifier for the visible text of a
 * web page (one block a line, furniture included). Called by kb_extract for
 * text input; the shared metadata pass (src/extract/meta.c) runs after it.
 *
 * The method (ARCHITECTURE.md, lesson 4; jusText and trafilatura's
 * findings that precision is won at the body's edges):
 *   1. features per line: length, stopword density for the page language,
 *      sentence shape, capitals, cue phrases (data/cues), in-page repeats,
 *      cross-page site memory, printed dates, captions, credit lines;
 *   2. a weight per line (prose positive, furniture negative) and the
 *      contiguous run of maximal weight (the body is one run), where "the
 *      article is over" cues are barriers; a dateline paragraph fixes the
 *      start;
 *   3. inside the run furniture is dropped; before it the headline,
 *      standfirst and printed date are read; after it the credits.
 * Build with -DKB_PT_DEBUG to print every line's features to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "extract/extract_int.h"
#include "kabar/dates.h"
#include "kabar/text.h"
#include "pagetext/pagetext_int.h"

#define MAX_LINES 200000     /* lines of one page; past it: diagnostic */
#define HEADER_LOOKBACK 16   /* lines above the body searched for a title */
#define CREDIT_LOOKAHEAD 12  /* lines after the body searched for credits */
#define GOOD_WORDS_CAP 150.0 /* one huge line must not outweigh structure */

enum line_kind {
  K_EMPTY = 0, /* no words */
  K_GOOD,      /* prose: long, punctuated, normal function-word density */
  K_WEAK,      /* short prose: a sentence of a few words */
  K_SHORT,     /* short non-sentence: menu item, label, heading */
  K_LOW,       /* long but not prose: lists, tags, teasers */
  K_FURN,      /* known furniture: cue, caption, date, credit, repeat */
  K_LIST       /* a numbered or bulleted item: structure inside articles */
};

typedef struct pt_line {
  const char *s; /* trimmed text, points into the page */
  size_t n;
  size_t off; /* byte offset in the page */
  kb_text_stats st;
  unsigned cue;
  uint64_t hash;
  uint32_t rep, mem;
  int first_occ; /* 1 for the first of equal lines */
  int is_date, is_caption, is_credit, is_dateline, is_end;
  int date_rel; /* a relative date line ("2 jam lalu") without a crawl time:
                   furniture, but no date */
  int kind;
  double weight;
  kb_datetime date;
} pt_line;

typedef struct pt_page {
  pt_line *lines;
  size_t nlines;
  int lang;           /* kb_lang_index of the page, -1 unknown */
  double min_density; /* stopword share that marks prose on this page */
} pt_page;

/* ---- small text helpers ------------------------------------------------ */

static int starts_upper(const char *s, size_t n) {
  uint32_t cp = 0;
  if (n == 0)
    return 0;
  kb_utf8_decode(s, n, &cp);
  return kb_unicode_isalnum(cp) && kb_unicode_lower(cp) != cp;
}

static int is_dash_at(const char *s, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)s[i];
  if (c == '-') {
    *len = (i + 1 < n && s[i + 1] == '-') ? 2 : 1;
    return 1;
  }
  /* – U+2013, — U+2014 */
  if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
    *len = 3;
    return 1;
  }
  return 0;
}

/* A news dateline opens the paragraph: "ANTARANEWS.COM, MEDAN – ",
 * "JAKARTA, KOMPAS.com -", "MEDAN-WASPADA: ", "WASHINGTON (Reuters) - ". The
 * part before the dash or colon is a few capitalised words with an all-capitals
 * word or a domain among them. */
static int dateline_prefix(const char *s, size_t n) {
  size_t lim = n < 90 ? n : 90;
  for (size_t i = 1; i < lim; i++) {
    /* only a colon, a hyphen or the lead byte of a dash ends the prefix */
    unsigned char c0 = (unsigned char)s[i];
    if (c0 != ':' && c0 != '-' && c0 != 0xE2)
      continue;
    size_t dl = 0;
    int spaced = 0, colon = s[i] == ':';
    if (!colon && !is_dash_at(s, n, i, &dl))
      continue;
    if (s[i - 1] == ' ')
      spaced = 1;
    if (!colon && i + dl < n && s[i + dl] == ' ')
      spaced = 1;
    if (!colon && dl == 3)
      spaced = 1; /* en/em dash */
    if (!colon && dl == 2)
      spaced = 1; /* -- */
    /* examine the prefix words */
    size_t words = 0, caps_word = 0, domain = 0, lower_word = 0;
    int first_strong = 0;
    int comma = 0;
    for (size_t j = 0; j < i;) {
      while (j < i && (s[j] == ' ' || s[j] == ',' || s[j] == '(' ||
                       s[j] == ')' || s[j] == '-')) {
        if (s[j] == ',')
          comma = 1;
        j++;
      }
      if (j >= i)
        break;
      size_t w0 = j, letters = 0, uppers = 0, dots = 0;
      while (j < i && s[j] != ' ' && s[j] != ',' && s[j] != '(' &&
             s[j] != ')' && !(s[j] == '-' && !dots)) {
        unsigned char c = (unsigned char)s[j];
        if (c == '.')
          dots++;
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
          uppers++, letters++;
        else if (c >= 'a' && c <= 'z')
          letters++;
        j++;
      }
      words++;
      int strong = 0;
      if (dots && letters >= 4)
        domain = strong = 1;
      else if (letters >= 3 && uppers == letters)
        caps_word = strong = 1;
      if (words == 1)
        first_strong = strong;
      if (!starts_upper(s + w0, j - w0) && !dots)
        lower_word = 1;
    }
    if (words == 0 || words > 6 || lower_word)
      return 0;
    if (!(caps_word || domain))
      return 0;
    /* the dateline opens with the place in capitals or the outlet's
     * domain: "JAKARTA, ...", "KOMPAS.com, ...", "Liputan6.com, ..." */
    if (!first_strong)
      return 0;
    /* an unspaced hyphen joins words ("PBB-Rusia"): only a dateline when
     * the prefix is clearly one (a domain or a comma-separated place) */
    if (!colon && !spaced && !(domain || comma))
      continue;
    return 1;
  }
  return 0;
}

/* The last segment of a caption credits the photo: "... 2019. Alexander
 * Zemlianichenko/Pool via REUTERS", "... (kanan). Foto Ist", "Foto:
 * EPA-EFE/KCNA". Short, unpunctuated, with a caption word, an agency or a
 * slash. */
/* "1. Bandung", "2) ...", "• item", "- item", "* item" */
static int list_item(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
    i++;
  if (i > 0)
    return i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
  if (n > 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
    return 1;
  /* • U+2022, · U+00B7 */
  if (n > 4 && memcmp(s, "\xe2\x80\xa2", 3) == 0)
    return 1;
  if (n > 3 && memcmp(s, "\xc2\xb7", 2) == 0)
    return 1;
  return 0;
}

static int caption_line(const pt_line *l) {
  if (l->st.final_punct || l->st.words == 0)
    return 0;
  /* the last ". " or ") " opens the last segment: search from the end */
  size_t seg = 0;
  for (size_t i = l->n >= 2 ? l->n - 1 : 0; i-- > 0;)
    if ((l->s[i] == '.' || l->s[i] == ')') && l->s[i + 1] == ' ') {
      seg = i + 2;
      break;
    }
  const char *t = l->s + seg;
  size_t tn = l->n - seg;
  /* the whole line's words are counted already; only a last segment needs
   * its own count */
  size_t words = seg == 0 ? l->st.words : kb_count_words(t, tn);
  if (words == 0 || words > 7)
    return 0;
  if (memchr(t, '/', tn))
    return 1;
  /* a caption word among the segment's words */
  char low[32];
  for (size_t i = 0; i < tn;) {
    while (i < tn && !((unsigned char)t[i] >= 0x80 ||
                       ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')))
      i++;
    size_t w0 = i;
    while (i < tn && ((unsigned char)t[i] >= 0x80 ||
                      ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')))
      i++;
    size_t wn = i - w0;
    if (wn == 0 || wn >= sizeof low)
      continue;
    for (size_t k = 0; k < wn; k++) {
      char c = t[w0 + k];
      low[k] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (kb_pt_caption_word(low, wn))
      return seg > 0 || words <= 4;
  }
  /* an agency ending the caption: "... via REUTERS" */
  if (seg > 0 && kb_pt_agencies(t, tn, NULL, NULL) > 0)
    return 1;
  return 0;
}

typedef struct credit_acc {
  kb_article *out;
  size_t found;
  kb_status rc;
} credit_acc;

static void on_agency(const char *canon, void *ctx) {
  credit_acc *acc = ctx;
  acc->found++;
  if (acc->out && acc->rc == KB_OK)
    acc->rc = kb_article_add_credit(acc->out, canon, strlen(canon));
}

/* A credit line: "sumber : Reuters", "(Aljazeera, Nama Penulis)", "(ant)",
 * "KCNA WATCH | REUTERS", "— AFP". Adds the agencies when out != NULL. */
static int credit_line(const pt_line *l, kb_article *out, kb_status *rc) {
  credit_acc acc = {out, 0, KB_OK};
  if (l->st.words > 8 || l->n == 0)
    return 0;
  int yes = 0;
  if (l->cue & CUE_CREDIT) {
    size_t cl = 0;
    kb_pt_cue_flags(l->s, l->n, l->hash, &cl);
    const char *r = l->s + cl;
    size_t rn = l->n - cl;
    while (rn && (*r == ' ' || *r == ':'))
      r++, rn--;
    /* "Sumber daya ..." is prose: the rest must be empty or name-like */
    if (rn == 0 || starts_upper(r, rn) || *r == '(') {
      kb_pt_agencies(r, rn, on_agency, &acc);
      yes = 1;
    }
  } else if (l->s[0] == '(' && l->s[l->n - 1] == ')' && l->st.words <= 6) {
    if (kb_pt_agencies(l->s, l->n, NULL, NULL) > 0) {
      kb_pt_agencies(l->s, l->n, on_agency, &acc);
      yes = 1;
    }
  } else if (l->st.words <= 5 && !l->st.final_punct) {
    size_t covered = kb_pt_agencies(l->s, l->n, NULL, NULL);
    /* agencies make most of the letters: "KCNA WATCH | REUTERS", "— AFP" */
    if (covered > 0 && covered * 2 >= l->st.letters &&
        (l->st.upper == l->st.alpha || l->st.words <= 2)) {
      kb_pt_agencies(l->s, l->n, on_agency, &acc);
      yes = 1;
    }
  }
  if (rc && acc.rc)
    *rc = acc.rc;
  return yes;
}

/* ---- features ---------------------------------------------------------- */

/* 1 when a line is valid UTF-8 without C0 controls other than tab. Eight
 * bytes at a time: a block of printable ASCII (no byte under 0x20 or over
 * 0x7F) needs no closer look, and an all-ASCII line no UTF-8 check. */
static int line_is_clean(kb_str t) {
  const unsigned char *p = (const unsigned char *)t.p;
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  int high = 0;
  size_t i = 0;
  for (; i + 8 <= t.n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    /* a borrow out of a byte starts only at a byte under 0x20 */
    if (!(((w - 0x20 * ones) | w) & highs))
      continue;
    for (size_t k = i; k < i + 8; k++) {
      if (p[k] < 0x20 && p[k] != '\t')
        return 0;
      high |= p[k] >= 0x80;
    }
  }
  for (; i < t.n; i++) {
    if (p[i] < 0x20 && p[i] != '\t')
      return 0;
    high |= p[i] >= 0x80;
  }
  return !high || kb_utf8_valid(t.p, t.n);
}

/* A copy of a line with invalid bytes as U+FFFD, a lone \r as a space and
 * other controls dropped, trimmed: paragraphs must be clean text even when
 * a caller hands in bytes that did not come through ingest. p is NULL on
 * out-of-memory. */
static kb_str clean_line(kb_arena *a, kb_str t) {
  kb_str r = {NULL, 0};
  if (t.n > (SIZE_MAX - 1) / 3)
    return r;
  char *o = kb_arena_alloc(a, t.n * 3 + 1);
  if (!o)
    return r;
  size_t m = 0;
  for (size_t i = 0; i < t.n;) {
    unsigned char c = (unsigned char)t.p[i];
    if (c < 0x80) {
      if (c >= 0x20 || c == '\t')
        o[m++] = (char)c;
      else if (c == '\r')
        o[m++] = ' ';
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(t.p + i, t.n - i, &cp);
    if (k == 1) { /* an invalid byte */
      memcpy(o + m, "\xEF\xBF\xBD", 3);
      m += 3;
    } else {
      memcpy(o + m, t.p + i, k);
      m += k;
    }
    i += k;
  }
  o[m] = '\0';
  return kb_str_trim((kb_str){o, m});
}

static kb_status split_lines(const char *text, size_t n, kb_arena *a,
                             pt_page *pg) {
  size_t count = 1;
  /* text is NULL when n is 0, and NULL + 0 is undefined */
  for (const char *p = text, *e = n ? text + n : text;
       p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
    count++;
  if (count > MAX_LINES)
    count = MAX_LINES;
  /* not zeroed here: a line is cleared when it is taken (blank lines,
   * often a third of a page, never are) */
  pg->lines = kb_arena_alloc(a, count * sizeof *pg->lines);
  if (!pg->lines)
    return KB_ENOMEM;
  pg->nlines = 0;
  for (size_t i = 0; i < n && pg->nlines < count;) {
    const char *nl = memchr(text + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - text) : n;
    kb_str t = kb_str_trim((kb_str){text + i, e - i});
    size_t off = (size_t)(t.p - text); /* in the input, before any copy */
    if (t.n > 0 && !line_is_clean(t) && !(t = clean_line(a, t)).p)
      return KB_ENOMEM;
    if (t.n > 0) {
      pt_line *l = &pg->lines[pg->nlines++];
      memset(l, 0, sizeof *l);
      l->s = t.p;
      l->n = t.n;
      l->off = off;
    }
    i = e + 1;
  }
  return KB_OK;
}

typedef struct rep_slot {
  uint64_t h;
  uint32_t count;
} rep_slot;

static kb_status count_repeats(pt_page *pg, kb_arena *a) {
  size_t cap = 64;
  while (cap < pg->nlines * 2)
    cap *= 2;
  rep_slot *t = kb_arena_calloc(a, cap * sizeof *t);
  if (!t)
    return KB_ENOMEM;
  for (size_t i = 0; i < pg->nlines; i++) {
    pt_line *l = &pg->lines[i];
    l->hash = kb_pt_line_hash(l->s, l->n);
    size_t k = (size_t)l->hash & (cap - 1);
    while (t[k].h && t[k].h != l->hash)
      k = (k + 1) & (cap - 1);
    l->first_occ = t[k].h == 0;
    t[k].h = l->hash;
    t[k].count++;
  }
  for (size_t i = 0; i < pg->nlines; i++) {
    pt_line *l = &pg->lines[i];
    size_t k = (size_t)l->hash & (cap - 1);
    while (t[k].h != l->hash)
      k = (k + 1) & (cap - 1);
    l->rep = t[k].count;
  }
  return KB_OK;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Function-word share that marks prose on this page: half the median share
 * of its long lines (language-independent; jusText uses fixed per-language
 * thresholds, the page's own prose is a better yardstick). */
static void page_density(pt_page *pg, kb_arena *a) {
  pg->min_density = 0;
  if (pg->lang < 0)
    return;
  size_t m = 0;
  double *d = kb_arena_alloc(a, (pg->nlines + 1) * sizeof *d);
  if (!d)
    return;
  for (size_t i = 0; i < pg->nlines; i++) {
    const pt_line *l = &pg->lines[i];
    if (l->st.words >= 15)
      d[m++] = (double)l->st.stopwords / (double)l->st.words;
  }
  double med = 0.3;
  if (m >= 3) {
    qsort(d, m, sizeof *d, cmp_double);
    med = d[m / 2];
  }
  pg->min_density = med * 0.5;
  if (pg->min_density > 0.2)
    pg->min_density = 0.2;
}

/* Lines of the page the site memory has seen on earlier pages. When they are
 * most of the page's prose, the page repeats an article already seen (the
 * same story under another address), not furniture: the memory is then
 * ignored for prose, as pruning must never take most of the text
 * (ARCHITECTURE.md, lesson 3). */
static int memory_trusted_for_prose(pt_page *pg, const kb_site_memory *mem,
                                    uint64_t site) {
  size_t prose = 0, seen = 0;
  for (size_t i = 0; i < pg->nlines; i++) {
    pt_line *l = &pg->lines[i];
    l->mem = mem ? kb_pt_memory_count(mem, site, l->hash) : 0;
    if (l->st.words >= 12 && l->st.final_punct) {
      prose++;
      seen += l->mem >= 2;
    }
  }
  return seen * 2 <= prose;
}

static void classify(pt_page *pg, const kb_date_ctx *dctx,
                     const kb_site_memory *mem, uint64_t site) {
  int mem_prose = memory_trusted_for_prose(pg, mem, site);
  for (size_t i = 0; i < pg->nlines; i++) {
    pt_line *l = &pg->lines[i];
    const kb_text_stats *st = &l->st;
    size_t cue_len = 0;
    l->cue = kb_pt_cue_flags(l->s, l->n, l->hash, &cue_len);
    /* long prose that opens with a cue word is still prose; a long cue
     * phrase ("This website uses cookies") is not chance */
    if (st->words > 25 && cue_len < 16)
      l->cue &= ~(unsigned)(CUE_PREFIX | CUE_CREDIT);
    /* a hard end (comments, article navigation) is a barrier; a soft one
     * ("Related articles") may also be a box inside the article */
    if (l->cue & CUE_STOP)
      l->is_end = 1;
    /* "By Jane Doe", "Oleh Nama Penulis": a byline, not a headline */
    if ((l->cue & CUE_BYLINE) &&
        !(st->words <= 6 && st->capital * 2 > st->alpha))
      l->cue &= ~(unsigned)CUE_BYLINE;
    if (st->words <= 14 && st->digits > 0) {
      kb_datetime abs;
      int kinds = kb_date_line_kinds(l->s, l->n, dctx, &l->date, &abs);
      l->is_date = (kinds & KB_DATE_LINE_ANY) != 0;
      /* no crawl time: only an absolute date of the line counts ("3 hours
         ago - August 16, 2023" is dated by its second part) */
      if (l->is_date && dctx->now <= 0) {
        if (kinds & KB_DATE_LINE_ABS)
          l->date = abs;
        else
          l->date_rel = 1;
      }
    }
    l->is_caption = caption_line(l);
    l->is_credit = credit_line(l, NULL, NULL);
    if (st->words >= 6)
      l->is_dateline = dateline_prefix(l->s, l->n);

    double words = (double)st->words;
    double density = st->words ? (double)st->stopwords / (double)st->words : 0;
    int dense = pg->lang < 0 || density >= pg->min_density;
    int truncated =
        l->n >= 3 && (memcmp(l->s + l->n - 3, "...", 3) == 0 ||
                      memcmp(l->s + l->n - 3, "\xe2\x80\xa6", 3) == 0);
    int sentence = st->final_punct && !truncated;
    int prose = words >= 12 && sentence && st->letters > st->digits * 2;
    if (st->words == 0) {
      l->kind = K_EMPTY;
      l->weight = 0;
    } else if ((l->cue & CUE_END) && !l->is_end) {
      l->kind = K_FURN;
      l->weight = -10.0;
    } else if ((l->cue & (CUE_LINE | CUE_PREFIX | CUE_CREDIT | CUE_BYLINE)) ||
               l->is_date || l->is_caption || l->is_credit ||
               (l->mem >= 2 && (mem_prose || !prose)) ||
               (l->rep >= 2 && !prose)) {
      l->kind = K_FURN;
      /* furniture inside an article ("Baca Juga", a caption) must not cut
       * it in two; a block of it outside one adds up */
      l->weight = -2.0 - 0.1 * (words > 30 ? 30 : words);
    } else if (words >= 12 && dense && (sentence || words >= 30) &&
               st->letters > st->digits * 2) {
      l->kind = K_GOOD;
      l->weight = words > GOOD_WORDS_CAP ? GOOD_WORDS_CAP : words;
      if (!sentence)
        l->weight *= 0.5;
    } else if (words >= 5 && sentence && dense &&
               st->capital * 2 <= st->alpha + 1) {
      l->kind = K_WEAK;
      l->weight = 0.5 * words;
    } else if (words >= 12 && sentence) {
      /* a sentence with few function words (names, numbers): body when its
       * neighbours are, barely positive on its own */
      l->kind = K_WEAK;
      l->weight = 0.3 * words;
    } else if (list_item(l->s, l->n) && words >= 2 && words < 12) {
      l->kind = K_LIST;
      l->weight = -0.5;
    } else if (words < 12) {
      l->kind = K_SHORT;
      l->weight = -(3.0 + 0.3 * words);
    } else {
      l->kind = K_LOW;
      l->weight = -0.5 * words;
    }
  }
}

/* ---- body run ---------------------------------------------------------- */

/* Maximum-weight contiguous run (Kadane). Barriers: end cues, and a long
 * gap of non-prose lines (a menu, a related list, an author box): inside an
 * article furniture comes in ones and twos ("Baca Juga" and a title, a
 * caption and its credit), so the article does not continue past a gap of
 * MAX_GAP_LINES. */
#define MAX_GAP_LINES 10
static int best_run(const pt_page *pg, size_t *rs, size_t *re) {
  double best = 0, cur = 0, prose_words = 0, after_end = 1.0;
  size_t cs = 0, gap = 0;
  int found = 0;
  for (size_t i = 0; i < pg->nlines; i++) {
    const pt_line *l = &pg->lines[i];
    if (l->weight < 0 && l->kind != K_LIST)
      gap++;
    else if (l->weight > 0)
      gap = 0;
    if (l->kind == K_GOOD)
      prose_words += (double)l->st.words;
    if (l->is_end || gap >= MAX_GAP_LINES) {
      /* after an article has ended (an end cue behind real prose) comes
       * comments and related teasers: they may be long, but count less */
      if (l->is_end && prose_words >= 80)
        after_end = 0.3;
      cur = 0;
      cs = i + 1;
      continue;
    }
    if (cur <= 0) {
      cur = 0;
      cs = i;
    }
    cur += l->weight > 0 ? l->weight * after_end : l->weight;
    if (cur > best) {
      best = cur;
      *rs = cs;
      *re = i;
      found = 1;
    }
  }
  /* skip leading lines that add nothing */
  while (found && *rs < *re && pg->lines[*rs].weight <= 0)
    (*rs)++;
  return found;
}

static int keep_in_body(const pt_line *l) {
  return l->kind == K_GOOD || l->kind == K_WEAK || l->kind == K_LIST;
}

/* headline-like: a few words, not a sentence ending in '.', not furniture */
static int headline_like(const pt_line *l) {
  if (l->kind == K_FURN || l->kind == K_EMPTY || l->is_end)
    return 0;
  if (l->st.words < 3 || l->st.words > 30)
    return 0;
  /* headlines end without a full stop; a repeated line is a caption or a
   * teaser */
  if (l->n > 0 && l->s[l->n - 1] == '.')
    return 0;
  if (l->rep >= 2)
    return 0;
  return 1;
}

/* a standfirst reads as a sentence, not a Title-Case label or a caption */
static int standfirst_like(const pt_line *l) {
  if (l->kind == K_FURN || l->kind == K_EMPTY || l->is_end)
    return 0;
  if (l->st.words < 5 || l->st.words > 60)
    return 0;
  return l->st.capital * 2 < l->st.alpha;
}

static int skippable_header(const pt_line *l) {
  return l->kind == K_FURN || l->kind == K_EMPTY || l->st.words <= 2 ||
         l->rep >= 2 || l->is_caption;
}

static kb_status set_line(kb_article *out, const char **field,
                          const pt_line *l) {
  return kb_article_set(out, field, l->s, l->n);
}

/* Title and standfirst among the lines above the body. Meta lines (a
 * printed date, "waktu baca 2 menit") sit right under the headline, so the
 * headline-like line just above one is the title; otherwise the closest
 * headline-like line above the body is, unless it reads as a standfirst and
 * another headline-like line stands above it. */
static kb_status find_header(const pt_page *pg, size_t body_start,
                             kb_article *out, size_t *standfirst_at) {
  kb_status rc = KB_OK;
  size_t lo = body_start > HEADER_LOOKBACK ? body_start - HEADER_LOOKBACK : 0;
  ssize_t title = -1, sf = -1;
  /* 1. a meta line with a headline right above it */
  for (size_t i = lo; i < body_start && title < 0; i++) {
    const pt_line *l = &pg->lines[i];
    int meta = l->is_date || ((l->cue & (CUE_LINE | CUE_PREFIX)) &&
                              l->st.digits > 0 && l->st.words <= 6);
    if (!meta)
      continue;
    for (size_t j = i; j-- > lo;) {
      const pt_line *h = &pg->lines[j];
      /* a byline or a second meta line may sit between */
      if (h->kind == K_EMPTY || (h->kind == K_FURN && !h->is_caption))
        continue;
      if (headline_like(h) && !h->is_caption)
        title = (ssize_t)j;
      break;
    }
  }
  /* 2. the closest headline-like lines above the body */
  if (title < 0) {
    ssize_t near = -1, above = -1;
    for (size_t j = body_start; j-- > lo;) {
      const pt_line *h = &pg->lines[j];
      if (h->is_end)
        break;
      if (skippable_header(h))
        continue;
      if (!headline_like(h))
        break;
      if (near < 0)
        near = (ssize_t)j;
      else {
        above = (ssize_t)j;
        break;
      }
    }
    if (near >= 0 && above >= 0 && standfirst_like(&pg->lines[near]) &&
        !standfirst_like(&pg->lines[above])) {
      title = above;
      sf = near;
    } else if (near >= 0)
      title = near;
  }
  /* 3. the standfirst: the first sentence-like line between title and body */
  if (title >= 0 && sf < 0) {
    for (size_t j = (size_t)title + 1; j < body_start; j++) {
      const pt_line *h = &pg->lines[j];
      if (h->is_caption || h->rep >= 2)
        continue;
      if (standfirst_like(h)) {
        sf = (ssize_t)j;
        break;
      }
    }
  }
  if (title >= 0)
    rc = set_line(out, &out->title, &pg->lines[title]);
  if (!rc && sf >= 0)
    rc = set_line(out, &out->standfirst, &pg->lines[sf]);
  *standfirst_at = sf >= 0 ? (size_t)sf : (size_t)-1;
  return rc;
}

static uint64_t site_key(const kb_extract_opts *opts) {
  const char *u = opts ? opts->url : NULL;
  if (u && *u) {
    const char *h = strstr(u, "://");
    h = h ? h + 3 : u;
    size_t hn = strcspn(h, "/?#:");
    /* www.example.com and example.com are one site */
    if (hn > 4 && memcmp(h, "www.", 4) == 0)
      h += 4, hn -= 4;
    return kb_hash64(h, hn, 17) | 1u;
  }
  const char *src = opts ? opts->source : NULL;
  if (src && *src) {
    const char *slash = strrchr(src, '/');
    size_t dn = slash ? (size_t)(slash - src) : 0;
    return kb_hash64(src, dn, 19) | 1u;
  }
  return 1u;
}

static uint64_t page_key(const kb_extract_opts *opts, const char *text,
                         size_t n) {
  const char *k = opts && opts->url ? opts->url : opts ? opts->source : NULL;
  if (k)
    return kb_hash64(k, strlen(k), 23) | 1u;
  return kb_hash64(text, n, 23) | 1u;
}

static kb_status remember_page(const pt_page *pg, const kb_extract_opts *opts,
                               const char *text, size_t n, uint64_t site,
                               kb_arena *a) {
  if (!opts || !opts->memory || pg->nlines == 0)
    return KB_OK;
  uint64_t *hs = kb_arena_alloc(a, pg->nlines * sizeof *hs);
  if (!hs)
    return KB_ENOMEM;
  size_t m = 0;
  for (size_t i = 0; i < pg->nlines; i++)
    if (pg->lines[i].first_occ)
      hs[m++] = pg->lines[i].hash;
  kb_status rc =
      kb_pt_memory_add(opts->memory, site, page_key(opts, text, n), hs, m);
  /* a full memory only stops learning */
  return rc == KB_ELIMIT ? KB_OK : rc;
}

/* The repeated lines already put in the body (a page that prints its text
 * twice, or a paragraph quoted again as a pull quote): a set of line hashes,
 * so a page of doubled lines stays linear (it was a quadratic scan). */
typedef struct emitted_set {
  uint64_t *keys; /* 0 = empty; a zero hash is stored as 1 */
  size_t cap;     /* power of two */
} emitted_set;

/* Adds h; returns 1 when it was there already. */
static int emitted_add(emitted_set *set, uint64_t h) {
  if (h == 0)
    h = 1;
  size_t i = (size_t)h & (set->cap - 1);
  while (set->keys[i] && set->keys[i] != h)
    i = (i + 1) & (set->cap - 1);
  if (set->keys[i])
    return 1;
  set->keys[i] = h;
  return 0;
}

kb_status kb_text_extract(const char *text, size_t n,
                          const kb_extract_opts *opts, kb_article *out) {
  kb_status rc = KB_OK;
  kb_arena scratch;
  kb_arena_init(&scratch);
  const char *lang = NULL;
  pt_page pg;
  memset(&pg, 0, sizeof pg);
  if (!text)
    n = 0;

  if ((rc = split_lines(text, n, &scratch, &pg)))
    goto fail;
  if (n && pg.nlines == MAX_LINES &&
      (rc = kb_article_add_diag(out, "too-many-lines", -1,
                                "page text has over %d lines; the rest was "
                                "ignored",
                                MAX_LINES)))
    goto fail;
  /* one pass measures the lines and gathers the page's language evidence;
   * each line's stopword count is then read for the page language */
  {
    kb_lang_counts lc;
    memset(&lc, 0, sizeof lc);
    uint16_t *per = kb_arena_alloc(
        &scratch, (pg.nlines + 1) * KB_TEXT_MAX_LANGS * sizeof *per);
    if (!per) {
      rc = KB_ENOMEM;
      goto fail;
    }
    for (size_t i = 0; i < pg.nlines; i++)
      kb_text_stats_langs(pg.lines[i].s, pg.lines[i].n, -1, &pg.lines[i].st,
                          &lc, per + i * KB_TEXT_MAX_LANGS);
    double lscore = 0;
    lang = kb_langid_counts(&lc, &lscore);
    if (lang && (rc = kb_article_set(out, &out->language, lang, strlen(lang))))
      goto fail;
    pg.lang = kb_lang_index(lang);
    if (pg.lang >= 0)
      for (size_t i = 0; i < pg.nlines; i++)
        pg.lines[i].st.stopwords = per[i * KB_TEXT_MAX_LANGS + (size_t)pg.lang];
  }
  if ((rc = count_repeats(&pg, &scratch)))
    goto fail;
  page_density(&pg, &scratch);

  kb_date_ctx dctx;
  memset(&dctx, 0, sizeof dctx);
  dctx.lang = lang;
  dctx.now = opts ? (opts->now ? opts->now : opts->fetched) : 0;
  uint64_t site = site_key(opts);
  classify(&pg, &dctx, opts ? opts->memory : NULL, site);

  size_t rs = 0, re = 0;
  int have = best_run(&pg, &rs, &re);
#ifdef KB_PT_DEBUG
  for (size_t i = 0; i < pg.nlines; i++) {
    const pt_line *l = &pg.lines[i];
    fprintf(stderr,
            "%3zu k=%d w=%6.1f cue=%u rep=%u d=%d cap=%d cr=%d dl=%d end=%d "
            "sw=%zu/%zu fp=%d sn=%zu| %.70s\n",
            i, l->kind, l->weight, l->cue, l->rep, l->is_date, l->is_caption,
            l->is_credit, l->is_dateline, l->is_end, l->st.stopwords,
            l->st.words, l->st.final_punct, l->st.sentences, l->s);
  }
  fprintf(stderr, "run %zu..%zu have=%d mind=%.3f\n", rs, re, have,
          pg.min_density);
#endif

  /* the dateline paragraph opens the article: start there when one is just
   * above or among the first lines of the run */
  if (have) {
    /* forward only across lines that are not prose paragraphs (captions,
     * a standfirst): a dateline never follows the article's own text */
    size_t lo = rs > 4 ? rs - 4 : 0, hi = rs + 6 < re ? rs + 6 : re;
    for (size_t i = lo; i <= hi; i++) {
      if (i > rs && pg.lines[i - 1].kind == K_GOOD)
        break;
      if (pg.lines[i].is_dateline && pg.lines[i].kind != K_FURN &&
          pg.lines[i].st.words >= 8) {
        rs = i;
        if (pg.lines[i].kind != K_GOOD)
          pg.lines[i].kind = K_WEAK;
        break;
      }
    }
  }
  /* no prose run, but the page is just one or two long lines of text (a
   * paywall lead, an unpunctuated teaser): that text is the article */
  if (!have) {
    size_t text_lines = 0, first = 0, last = 0;
    int all_long = 1;
    for (size_t i = 0; i < pg.nlines; i++) {
      const pt_line *l = &pg.lines[i];
      if (l->kind == K_FURN || l->kind == K_EMPTY)
        continue;
      if (text_lines++ == 0)
        first = i;
      last = i;
      if (l->st.words < 15)
        all_long = 0;
    }
    if (text_lines >= 1 && text_lines <= 2 && all_long) {
      have = 1;
      rs = first;
      re = last;
      for (size_t i = rs; i <= re; i++)
        if (pg.lines[i].kind != K_FURN && pg.lines[i].kind != K_EMPTY)
          pg.lines[i].kind = K_WEAK;
    }
  }

  /* the article must hold some prose; a listing (teasers between links)
   * or a home page gives no body */
  size_t good = 0, kept = 0, neg = 0, kept_words = 0, long_para = 0;
  if (have)
    for (size_t i = rs; i <= re; i++) {
      const pt_line *l = &pg.lines[i];
      if (l->kind == K_GOOD)
        good++;
      if (keep_in_body(l)) {
        kept++;
        kept_words += l->st.words;
        if (l->st.words >= 20 || l->st.sentences >= 2)
          long_para++;
      } else if (l->weight < 0)
        neg++;
    }
  /* teasers: short prose lines each wrapped in links and labels */
  int listing = kept >= 3 && neg >= kept * 2 && kept_words < kept * 30;
  /* a body needs prose: a paragraph of normal function-word density, or a
   * long sentence-shaped one (glued link text lowers the density) */
  /* text with nothing around it (an article container's text, a paywall
   * lead) is the article however short */
  size_t outside = 0;
  for (size_t i = 0; have && i < pg.nlines; i++)
    if ((i < rs || i > re) && pg.lines[i].kind != K_FURN &&
        pg.lines[i].kind != K_EMPTY)
      outside++;
  int bare = have && outside == 0 && kept_words >= 15;
  if (!have || (!bare && (kept_words < 25 || (long_para == 0 && kept < 3) ||
                          listing || (good == 0 && kept_words < 40)))) {
    out->confidence = 0;
    rc = kb_article_add_diag(out, "no-body", -1,
                             listing ? "the page reads as a listing of "
                                       "teasers, not an article"
                                     : "no article-like text in the page");
    goto remember;
  }

  /* header: title, standfirst, printed date */
  size_t sf_at = (size_t)-1;
  if ((rc = find_header(&pg, rs, out, &sf_at)))
    goto fail;
  int date_set = 0;
  {
    size_t lo = rs > HEADER_LOOKBACK * 2 ? rs - HEADER_LOOKBACK * 2 : 0;
    for (size_t i = lo; i < rs && !date_set; i++)
      if (pg.lines[i].is_date && !pg.lines[i].date_rel) {
        out->published.t = pg.lines[i].date;
        out->published.from = KB_FROM_PRINTED;
        out->published.confidence = 0.9;
        date_set = 1;
      }
  }

  /* a page without a headline that opens with one short sentence opens
   * with its standfirst (the summary under a headline the copy lost) */
  /* only on a whole page (one that ends in article navigation or a comment
   * form): the text of a bare article container starts with its lead */
  int whole_page = 0;
  for (size_t i = re + 1; i < pg.nlines; i++)
    if (pg.lines[i].is_end)
      whole_page = 1;
  if (!out->title && !out->standfirst && !pg.lines[rs].is_dateline &&
      whole_page) {
    int first_text = 1;
    for (size_t i = 0; i < rs; i++)
      if (!skippable_header(&pg.lines[i]))
        first_text = 0;
    const pt_line *f = &pg.lines[rs];
    size_t next = rs + 1;
    while (next <= re && !keep_in_body(&pg.lines[next]))
      next++;
    if (first_text && f->st.sentences <= 1 && f->st.words <= 30 && next <= re &&
        pg.lines[next].st.words > f->st.words * 3 / 2 && kept >= 5) {
      if ((rc = set_line(out, &out->standfirst, f)))
        goto fail;
      rs = next;
    }
  }

  size_t body_words = 0, body_lines = 0, body_good = 0;
  emitted_set emitted = {NULL, 16};
  size_t span = re >= rs ? re - rs + 1 : 1;
  while (emitted.cap < 2 * span)
    emitted.cap *= 2;
  emitted.keys = kb_arena_calloc(&scratch, emitted.cap * sizeof *emitted.keys);
  if (!emitted.keys) {
    rc = KB_ENOMEM;
    goto fail;
  }
  for (size_t i = rs; i <= re; i++) {
    const pt_line *l = &pg.lines[i];
    if (i == sf_at)
      continue;
    /* a short line between two body lines: a subheading or a list line;
     * a short line ending in ':' after body text introduces a quote */
    int inner = l->kind == K_SHORT && l->st.words >= 2 && i > rs && i < re &&
                keep_in_body(&pg.lines[i - 1]);
    int intro = inner && l->st.words >= 3 && l->s[l->n - 1] == ':';
    if (!keep_in_body(l) &&
        !(inner && (intro || keep_in_body(&pg.lines[i + 1]))))
      continue;
    if (l->rep >= 2 && emitted_add(&emitted, l->hash))
      continue;
    if ((rc = kb_article_add_para(out, l->s, l->n)))
      goto fail;
    body_words += l->st.words;
    body_lines++;
    if (l->kind == K_GOOD)
      body_good++;
  }
  if (!date_set)
    for (size_t i = re + 1; i < pg.nlines && i <= re + 4; i++)
      if (pg.lines[i].is_date && !pg.lines[i].date_rel) {
        out->published.t = pg.lines[i].date;
        out->published.from = KB_FROM_PRINTED;
        out->published.confidence = 0.8;
        break;
      }

  /* credits: credit lines inside the body and just after it */
  for (size_t i = rs; i < pg.nlines && i <= re + CREDIT_LOOKAHEAD; i++)
    if (pg.lines[i].is_credit) {
      credit_line(&pg.lines[i], out, &rc);
      if (rc)
        goto fail;
    }

  {
    double amount = body_words >= 250 ? 1.0 : (double)body_words / 250.0;
    double purity = body_lines ? (double)body_good / (double)body_lines : 0;
    out->confidence = 0.2 + 0.5 * amount + 0.3 * purity;
    if (out->confidence > 1)
      out->confidence = 1;
  }

remember:
  if (!rc)
    rc = remember_page(&pg, opts, text, n, site, &scratch);
fail:
  kb_arena_clear(&scratch);
  return rc;
}

kb_status kb_site_memory_observe(kb_site_memory *m, const char *text, size_t n,
                                 const kb_extract_opts *opts) {
  if (!m || !text)
    return KB_OK;
  kb_extract_opts o;
  if (opts)
    o = *opts;
  else
    memset(&o, 0, sizeof o); /* kb_extract_opts_init is a later stage's */
  o.memory = m;
  kb_arena scratch;
  kb_arena_init(&scratch);
  pt_page pg;
  memset(&pg, 0, sizeof pg);
  kb_status rc = split_lines(text, n, &scratch, &pg);
  if (!rc)
    rc = count_repeats(&pg, &scratch);
  if (!rc)
    rc = remember_page(&pg, &o, text, n, site_key(&o), &scratch);
  kb_arena_clear(&scratch);
  return rc;
}
