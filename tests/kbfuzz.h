/* Shared pieces of the deterministic mutation tests (tests/unit, *_fuzz.c):
 * a xorshift generator each test seeds with its own constant (or
 * KB_FUZZ_SEED), and inserting bytes into a buffer. The mutators stay in
 * each test: they are tuned to what each parser reads. */
#ifndef KBFUZZ_H
#define KBFUZZ_H

#include <stdint.h>

#include "kabar/core.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull; /* tests set their own seed */

static inline uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
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

#endif
