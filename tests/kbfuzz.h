/* Shared pieces of the deterministic mutation tests (tests/unit, *_fuzz.c):
 * a xorshift generator each test seeds with its own constant (or
 * KB_FUZZ_SEED), and inserting bytes into a buffer. The mutators stay in
 * each test: they are tuned to what each parser reads. */
#ifndef KBFUZZ_H
#define KBFUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kabar/core.h"
#include "kabar/dates.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull; /* tests set their own seed */

static inline uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Seeds the generator and returns the number of rounds: the test's own
 * defaults, or KB_FUZZ_SEED / KB_FUZZ_ROUNDS from the environment for longer
 * searches. A default run is killed after 120 s: a hang is a failure, not a
 * stuck CI job. */
static inline int kbf_setup(uint64_t seed, int rounds) {
  rng = seed;
  alarm(120);
  const char *env = getenv("KB_FUZZ_ROUNDS");
  if (env && strtol(env, NULL, 10) > 0) {
    rounds = (int)strtol(env, NULL, 10);
    alarm(0);
  }
  env = getenv("KB_FUZZ_SEED");
  if (env && strtoull(env, NULL, 10) > 0)
    rng = strtoull(env, NULL, 10);
  return rounds;
}

static inline size_t rnd_below(size_t n) {
  return n ? (size_t)(rnd() % n) : 0;
}

/* Inserts s[0..n) into b at byte at. */
static inline void splice_in(kb_buf *b, size_t at, const char *s, size_t n) {
  kb_buf tail;
  kb_buf_init(&tail, 0);
  kb_buf_append(&tail, b->data + at, b->len - at);
  b->len = at;
  kb_buf_append(b, s, n);
  kb_buf_append(b, tail.data ? tail.data : "", tail.len);
  kb_buf_clear(&tail);
}

/* Byte flips, random bytes, deletions, inserts from dict, truncation,
 * duplication, and splicing a piece of another seed (other may be NULL).
 * Leaves b non-NULL and NUL-terminated. */
static inline void kbf_mutate(kb_buf *b, const kb_buf *other,
                              const char *const *dict, size_t ndict) {
  int edits = 1 + (int)rnd_below(8);
  for (int e = 0; e < edits && b->len > 0; e++) {
    size_t at = rnd_below(b->len);
    switch (rnd_below(7)) {
    case 0: b->data[at] ^= (char)(1u << rnd_below(8)); break;
    case 1: b->data[at] = (char)rnd(); break;
    case 2: {
      size_t n = 1 + rnd_below(64);
      if (n > b->len - at)
        n = b->len - at;
      memmove(b->data + at, b->data + at + n, b->len - at - n);
      b->len -= n;
      break;
    }
    case 3: {
      const char *s = dict[rnd_below(ndict)];
      splice_in(b, at, s, strlen(s) ? strlen(s) : 1);
      break;
    }
    case 4:
      if (rnd_below(4) == 0)
        b->len = at;
      break;
    case 5: {
      size_t n = 1 + rnd_below(256);
      if (n > b->len - at)
        n = b->len - at;
      kb_buf copy;
      kb_buf_init(&copy, 0);
      kb_buf_append(&copy, b->data + at, n);
      splice_in(b, rnd_below(b->len), copy.data, copy.len);
      kb_buf_clear(&copy);
      break;
    }
    default:
      if (other && other->len) {
        size_t from = rnd_below(other->len);
        size_t n = 1 + rnd_below(512);
        if (n > other->len - from)
          n = other->len - from;
        splice_in(b, at, other->data + from, n);
      }
    }
  }
  kb_buf_putc(b, 'x');
  b->len--;
  b->data[b->len] = '\0';
}

/* Prints a failing text with its bytes escaped. */
static inline void kbf_show(const char *what, const char *s) {
  fprintf(stderr, "%s: \"", what);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    fprintf(stderr, c < 0x20 || c >= 0x7f ? "\\x%02x" : "%c", c);
  }
  fprintf(stderr, "\"\n");
}

/* 1 when an extracted date is absent or a real day inside [1990, now + 1
 * day], as every date kabar outputs must be. */
static inline int kbf_date_ok(const kb_date *d, int64_t now) {
  if (d->from == KB_FROM_NONE)
    return 1;
  const kb_datetime *t = &d->t;
  if (t->year < 1990 || t->month < 1 || t->month > 12 || t->day < 1 ||
      t->day > kb_days_in_month(t->year, t->month))
    return 0;
  return kb_datetime_epoch(t) <= now + 86400;
}

/* 1 when s is NULL or valid UTF-8 without C0 controls other than \t and \n:
 * what every text field kabar outputs must be. */
static inline int text_ok(const char *s) {
  if (!s)
    return 1;
  size_t n = strlen(s);
  if (!kb_utf8_valid(s, n))
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 && c != '\t' && c != '\n')
      return 0;
  }
  return 1;
}

#endif
