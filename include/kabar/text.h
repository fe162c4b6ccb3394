/* kabar text: tokens, stopwords and language identification. Used by the
 * extractors (stopword density), dedup and clustering (tokens). */
#ifndef KABAR_TEXT_H
#define KABAR_TEXT_H

#include "kabar/core.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Word tokens: runs of letters/digits (Unicode-aware), lower-cased into buf.
 * Calls fn for each token; stops early when fn returns non-zero. */
typedef int (*kb_token_fn)(const char *tok, size_t n, void *ctx);
kb_status kb_tokenize(const char *s, size_t n, kb_buf *scratch, kb_token_fn fn,
                      void *ctx);

/* Counts word tokens in s. */
size_t kb_count_words(const char *s, size_t n);

/* 1 when the lower-cased token is a stopword of lang ("id", "en", ...). */
int kb_is_stopword(const char *lang, const char *tok, size_t n);

/* Identifies the language of s: ISO 639-1 code with static lifetime, or
 * NULL when too little text. *score (may be NULL) is 0..1. */
const char *kb_langid(const char *s, size_t n, double *score);

/* ---- helpers for classifiers (src/pagetext, src/html) ------------------ */

#define KB_TEXT_MAX_LANGS 32

/* Index of lang in the stopword tables (data/lang/<code>/stopwords.txt),
 * or -1 when there is no list for it. */
int kb_lang_index(const char *lang);
/* Code of a language index; static lifetime; NULL when out of range. */
const char *kb_lang_code(int index);
/* Bit mask (bit = kb_lang_index) of the languages whose stopword list holds
 * tok; tok is lower-cased here when needed. 0 for none. */
uint32_t kb_stopword_mask(const char *tok, size_t n);

/* What the line classifiers need to know about a short text, in one pass. */
typedef struct kb_text_stats {
  size_t words;     /* word tokens */
  size_t stopwords; /* tokens in the stopword list of the chosen language */
  size_t capital;   /* alphabetic words starting with an upper-case letter */
  size_t alpha;     /* words starting with a letter */
  size_t upper;     /* all-upper-case words of 2+ letters */
  size_t sentences; /* sentence ends (. ! ? followed by space or end) */
  size_t letters;   /* letter code points */
  size_t digits;    /* digit code points */
  int final_punct;  /* 1 when the text ends with . ! ? : ; or a closing
                       quote/bracket after one of them */
} kb_text_stats;

/* Fills *st for s[0..n); lang_index from kb_lang_index (-1: no stopwords
 * counted). Never allocates. */
void kb_text_stats_of(const char *s, size_t n, int lang_index,
                      kb_text_stats *st);

/* Language evidence summed over texts, for identifying a page's language in
 * the same pass that measures its lines. */
typedef struct kb_lang_counts {
  uint32_t stop[KB_TEXT_MAX_LANGS]; /* stopword tokens per language index */
  uint32_t mark[KB_TEXT_MAX_LANGS]; /* close-pair marker tokens */
  uint32_t tokens;                  /* all word tokens */
} kb_lang_counts;

/* kb_text_stats_of plus language evidence: adds to *acc (may be NULL) and
 * writes the text's stopword count per language index into line_stop
 * (KB_TEXT_MAX_LANGS entries, may be NULL; saturates at 65535). */
void kb_text_stats_langs(const char *s, size_t n, int lang_index,
                         kb_text_stats *st, kb_lang_counts *acc,
                         uint16_t *line_stop);

/* The language the summed evidence points to (as kb_langid); NULL when too
 * little. Static lifetime. */
const char *kb_langid_counts(const kb_lang_counts *acc, double *score);

#ifdef __cplusplus
}
#endif
#endif
