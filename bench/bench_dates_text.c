/* Text date driver. "lines": reads lines on stdin, prints
 * find-iso<TAB>line-iso<TAB>line (kb_date_find, kb_date_line; lang id).
 * "reason FILE [PUBLISHED-ISO]": runs kb_date_reason on the file's lines as
 * paragraphs and prints day<TAB>from<TAB>confidence. now = 2026-11-22 unless
 * KB_NOW (unix seconds) is set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "kabar/dates.h"

static int64_t now_arg(void) {
  const char *e = getenv("KB_NOW");
  return e ? strtoll(e, NULL, 10) : 1795348800; /* 2026-11-22 12:00 UTC */
}

static int do_lines(void) {
  char buf[4096];
  kb_date_ctx ctx = {.lang = "id", .now = now_arg()};
  while (fgets(buf, sizeof buf, stdin)) {
    size_t n = strcspn(buf, "\r\n");
    buf[n] = '\0';
    kb_datetime t;
    char a[32] = "none", b[32] = "none";
    if (kb_date_find(buf, n, &ctx, &t, NULL, NULL))
      kb_datetime_iso(&t, a);
    if (kb_date_line(buf, n, &ctx, &t))
      kb_datetime_iso(&t, b);
    printf("%s\t%s\t%s\n", a, b, buf);
  }
  return 0;
}

static int do_reason(const char *path, const char *pub_iso) {
  kb_buf text;
  kb_buf_init(&text, 16u << 20);
  int rc = 1;
  const char **paras = NULL;
  if (!bench_load(path, &text))
    goto fail;
  size_t np = 0, cap = 1;
  for (size_t i = 0; i < text.len; i++)
    cap += text.data[i] == '\n';
  paras = malloc(cap * sizeof *paras);
  if (!paras || !text.data)
    goto fail;
  for (char *p = text.data; p && *p && np < cap;) {
    char *e = strchr(p, '\n');
    if (e)
      *e = '\0';
    paras[np++] = p;
    p = e ? e + 1 : NULL;
  }
  kb_datetime pub;
  kb_date_ctx ctx = {.lang = "id", .now = now_arg()};
  if (pub_iso && kb_datetime_parse_iso(pub_iso, strlen(pub_iso), &pub))
    ctx.published = &pub;
  kb_date ev;
  if (kb_date_reason(paras, np, &ctx, &ev) != KB_OK)
    goto fail;
  char day[11] = "null";
  if (ev.from != KB_FROM_NONE)
    kb_datetime_day(&ev.t, day);
  printf("%s\t%s\t%.2f\n", day, kb_date_from_name(ev.from), ev.confidence);
  rc = 0;
fail:
  free(paras);
  kb_buf_clear(&text);
  return rc;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "lines") == 0)
    return do_lines();
  if (argc >= 3 && strcmp(argv[1], "reason") == 0)
    return do_reason(argv[2], argc > 3 ? argv[3] : NULL);
  fprintf(
      stderr,
      "usage: bench_dates_text lines < file | reason FILE [PUBLISHED-ISO]\n");
  return 2;
}
