/* Small pieces every benchmark driver needs: clocks and reading a page
 * file (plain or .gz) whole. Header-only; drivers link zlib through kabar. */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <time.h>
#include <zlib.h>

#include "kabar/core.h"

/* Wall-clock seconds (monotonic). */
static inline double bench_wall_sec(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds of this thread: on a machine shared with other jobs this
 * measures the work, where wall time would measure the neighbours too. */
static inline double bench_cpu_sec(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads path whole into out (reset first); gzread passes plain files
 * through unchanged, so .gz and plain files both work. 1 when it read
 * something. */
static inline int bench_load(const char *path, kb_buf *out) {
  gzFile f = gzopen(path, "rb");
  char chunk[65536];
  int n;
  if (!f)
    return 0;
  kb_buf_reset(out);
  while ((n = gzread(f, chunk, sizeof chunk)) > 0)
    if (kb_buf_append(out, chunk, (size_t)n) != KB_OK)
      break;
  gzclose(f);
  return out->len > 0;
}

#endif
