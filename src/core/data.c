/* Access to the data/ files compiled into the library (tools/embed.c), and
 * the line iterator used to turn them into tables. */
#include <string.h>

#include "kabar/core.h"

struct kb_datafile {
  const char *name;
  const char *data;
  size_t len;
};
extern const struct kb_datafile kb_datafiles[];

const char *kb_data_get(const char *name, size_t *len) {
  for (const struct kb_datafile *f = kb_datafiles; f->name; f++) {
    if (strcmp(f->name, name) == 0) {
      if (len)
        *len = f->len;
      return f->data;
    }
  }
  if (len)
    *len = 0;
  return NULL;
}

const char *kb_data_next(const char *prefix, size_t *i) {
  size_t plen = strlen(prefix);
  for (const struct kb_datafile *f = kb_datafiles + *i; f->name; f++) {
    (*i)++;
    if (strncmp(f->name, prefix, plen) == 0)
      return f->name;
  }
  return NULL;
}

void kb_lines_init(kb_lines *it, const char *s, size_t n) {
  it->p = s;
  it->end = s ? s + n : s;
}

int kb_lines_next(kb_lines *it, kb_str *line) {
  while (it->p && it->p < it->end) {
    const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
    const char *e = nl ? nl : it->end;
    kb_str l = {it->p, (size_t)(e - it->p)};
    it->p = nl ? nl + 1 : it->end;
    l = kb_str_trim(l);
    if (l.n == 0 || l.p[0] == '#')
      continue;
    *line = l;
    return 1;
  }
  return 0;
}

size_t kb_str_split_tabs(kb_str line, kb_str *fields, size_t max) {
  size_t nf = 0;
  const char *p = line.p, *end = line.p + line.n;
  while (nf < max) {
    const char *t = memchr(p, '\t', (size_t)(end - p));
    const char *e = t ? t : end;
    fields[nf++] = kb_str_trim((kb_str){p, (size_t)(e - p)});
    if (!t)
      break;
    p = t + 1;
  }
  return nf;
}

/* 64-bit hash: a multiply-xorshift over 8-byte words (in the spirit of
 * wyhash/xxh64, not either). Good enough for content identity and MinHash. */
static uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

uint64_t kb_hash64(const void *p, size_t n, uint64_t seed) {
  const unsigned char *s = p;
  uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (n + 1));
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, s, 8);
    h = (h ^ mix(w)) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    s += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (n)
    memcpy(&w, s, n); /* s may be NULL when n == 0 */
  h = (h ^ mix(w ^ n)) * 0x9E3779B97F4A7C15ULL;
  return mix(h);
}
