/* A minimal unit-test harness: CHECK records a failure and goes on; main
 * returns non-zero when anything failed, which ctest reports. */
#ifndef KBTEST_H
#define KBTEST_H
#include <stdio.h>
#include <string.h>

static int kbt_failures, kbt_checks;

#define CHECK(cond)                                                       \
  do {                                                                    \
    kbt_checks++;                                                         \
    if (!(cond)) {                                                        \
      kbt_failures++;                                                     \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,    \
              #cond);                                                     \
    }                                                                     \
  } while (0)

#define CHECK_STR(got, want)                                              \
  do {                                                                    \
    const char *g_ = (got), *w_ = (want);                                 \
    kbt_checks++;                                                         \
    if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_) != 0)) {    \
      kbt_failures++;                                                     \
      fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__,       \
              __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)");          \
    }                                                                     \
  } while (0)

#define CHECK_INT(got, want)                                              \
  do {                                                                    \
    long long g_ = (long long)(got), w_ = (long long)(want);              \
    kbt_checks++;                                                         \
    if (g_ != w_) {                                                       \
      kbt_failures++;                                                     \
      fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__,          \
              __LINE__, #got, g_, w_);                                    \
    }                                                                     \
  } while (0)

#define KBT_DONE()                                                        \
  (fprintf(stderr, "%d checks, %d failed\n", kbt_checks, kbt_failures),   \
   kbt_failures ? 1 : 0)

#endif
