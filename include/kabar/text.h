/* kabar text: tokens, stopwords and language identification. Used by the
 * extractors (stopword density), dedup and clustering (tokens). */
#ifndef KABAR_TEXT_H
#define KABAR_TEXT_H

#include "kabar/core.h"

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

#ifdef __cplusplus
}
#endif
#endif
