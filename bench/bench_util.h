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

/* The median of v[0..n) (sorted in place); 0 when n is 0. */
static inline double bench_median(double *v, size_t n) {
  for (size_t i = 1; i < n; i++) /* insertion sort: n is a few rounds */
    for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
      double t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
