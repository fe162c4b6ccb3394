/* Date benchmark driver: for each gzip'd HTML page, gunzip (zlib), parse
 * with libxml2 and run kb_html_dates; prints id<TAB>day|null<TAB>from<TAB>iso.
 * Pages come as arguments or as stdin lines "path<TAB>url". With --time it
 * also reports parse time vs kb_html_dates time on stderr. Scored by
 * bench/dates_eval.py. */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "bench_util.h"
#include "kabar/dates.h"

static const char *base_id(const char *path, char *buf, size_t cap) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  size_t n = strcspn(b, ".");
  if (n >= cap)
    n = cap - 1;
  memcpy(buf, b, n);
  buf[n] = '\0';
  return buf;
}

static double t_parse, t_dates;
static int timing;

static void run_one(const char *path, const char *url, kb_buf *html) {
  char id[256];
  base_id(path, id, sizeof id);
  if (!bench_load(path, html)) {
    printf("%s\tnull\tunreadable\t\n", id);
    return;
  }
  /* the pipeline hands libxml2 UTF-8 (ingest converts) and says so; pages
   * that are already valid UTF-8 are read the same way here, the others are
   * left to libxml2's own charset detection */
  const char *enc = kb_utf8_valid(html->data, html->len) ? "UTF-8" : NULL;
  double t0 = bench_wall_sec();
  htmlDocPtr doc =
      htmlReadMemory(html->data, (int)html->len, url, enc,
                     HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  double t1 = bench_wall_sec();
  kb_date pub, mod;
  kb_date_ctx ctx = {0};
  int ok = doc && kb_html_dates(doc, url && *url ? url : NULL, &ctx, &pub,
                                &mod) == KB_OK;
  double t2 = bench_wall_sec();
  if (timing && doc) {
    /* repeat the date pass to measure it above timer noise */
    for (int r = 0; r < 9; r++)
      kb_html_dates(doc, url && *url ? url : NULL, &ctx, &pub, &mod);
    t2 = t1 + (bench_wall_sec() - t1) / 10;
  }
  t_parse += t1 - t0;
  t_dates += t2 - t1;
  char day[11] = "null", iso[32] = "";
  if (ok && pub.from != KB_FROM_NONE) {
    kb_datetime_day(&pub.t, day);
    kb_datetime_iso(&pub.t, iso);
  }
  printf("%s\t%s\t%s\t%s\n", id, day,
         ok ? kb_date_from_name(pub.from) : "error", iso);
  if (doc)
    xmlFreeDoc(doc);
}

int main(int argc, char **argv) {
  kb_buf html;
  kb_buf_init(&html, 64u << 20);
  int args = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--time") == 0) {
      timing = 1;
      continue;
    }
    run_one(argv[i], NULL, &html);
    args++;
  }
  if (!args) {
    char line[8192];
    while (fgets(line, sizeof line, stdin)) {
      line[strcspn(line, "\r\n")] = '\0';
      char *tab = strchr(line, '\t');
      if (tab)
        *tab++ = '\0';
      run_one(line, tab, &html);
    }
  }
  if (timing)
    fprintf(stderr, "htmlReadMemory %.3f s, kb_html_dates %.3f s, ratio %.3f\n",
            t_parse, t_dates, t_dates / t_parse);
  kb_buf_clear(&html);
  return 0;
}
