/* bench_html: speed and output of the HTML extractor. Reads .html or
 * .html.gz pages (converted to UTF-8 as the ingest stage would), prints one
 * JSON article per page on stdout (first round), and on stderr pages/s for
 * parse only, for parse + metadata + dates (the metadata pass and the dates
 * pass alone, called as kb_html_extract calls them) and for parse +
 * extraction + metadata over N rounds on one core, the share of the full
 * extraction time that metadata and dates take, plus peak RSS. The A/B
 * line times, round by round, all extraction (kb_html_extract and the shared
 * pass kb_extract_finish) against the same pages with no date or metadata
 * work at all (parse, body pass, free): what that work adds, every cost
 * counted where it falls (cache misses, allocator work).
 * usage: bench_html [-n ROUNDS] [-q] FILE... */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include "bench_util.h"
#include "extract/extract_int.h"
#include "html/html_int.h"
#include "kabar/dates_parse.h"
#include "kabar/ingest.h"

typedef struct page {
  char *path;
  char *data;
  size_t len;
} page;

/* gzread reads plain files unchanged, so one reader serves both */
static int load(const char *path, page *p) {
  kb_buf b;
  kb_buf_init(&b, 1u << 28);
  if (!bench_load(path, &b)) {
    kb_buf_clear(&b);
    return -1;
  }
  /* the ingest stage hands the extractor UTF-8; do the same here, outside
     the timed loops */
  kb_buf u;
  kb_buf_init(&u, 1u << 28);
  if (b.len && kb_to_utf8(b.data, b.len, NULL, 1, &u, NULL) == KB_OK &&
      u.data) {
    kb_buf_clear(&b);
    b = u;
  } else {
    kb_buf_clear(&u);
  }
  p->path = strdup(path);
  p->data = b.data;
  p->len = b.len;
  return p->data ? 0 : -1;
}

int main(int argc, char **argv) {
  int rounds = 1, quiet = 0, argi = 1;
  while (argi < argc && argv[argi][0] == '-') {
    if (!strcmp(argv[argi], "-n") && argi + 1 < argc) {
      rounds = (int)strtol(argv[argi + 1], NULL, 10);
      argi += 2;
    } else if (!strcmp(argv[argi], "-q")) {
      quiet = 1;
      argi++;
    } else {
      break;
    }
  }
  if (rounds < 1)
    rounds = 1;
  if (argi >= argc) {
    fprintf(stderr, "usage: bench_html [-n ROUNDS] [-q] FILE...\n");
    return 2;
  }
  size_t npages = (size_t)(argc - argi);
  page *pages = calloc(npages, sizeof *pages);
  if (!pages)
    return 1;
  size_t loaded = 0, bytes = 0;
  for (size_t i = 0; i < npages; i++) {
    if (load(argv[argi + (int)i], &pages[loaded]) == 0) {
      bytes += pages[loaded].len;
      loaded++;
    } else {
      fprintf(stderr, "bench_html: cannot read %s\n", argv[argi + (int)i]);
    }
  }
  if (!loaded)
    return 1;

  /* (a) parse only */
  const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                    HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS |
                    HTML_PARSE_COMPACT;
  double t0 = bench_wall_sec(), c0 = bench_cpu_sec();
  for (int r = 0; r < rounds; r++)
    for (size_t i = 0; i < loaded; i++) {
      xmlDoc *d = htmlReadMemory(pages[i].data, (int)pages[i].len, NULL,
                                 "UTF-8", flags);
      if (d)
        xmlFreeDoc(d);
    }
  double parse_s = bench_wall_sec() - t0, parse_cpu = bench_cpu_sec() - c0;

  /* (b) parse + metadata + dates, without the body pass: (b) - (a) is what
     metadata and dates cost */
  kb_article art;
  kb_article_init(&art);
  double meta_only = 0, dates_only = 0; /* timed inside the loop too */
  t0 = bench_wall_sec();
  c0 = bench_cpu_sec();
  for (int r = 0; r < rounds; r++)
    for (size_t i = 0; i < loaded; i++) {
      xmlDoc *d = htmlReadMemory(pages[i].data, (int)pages[i].len, NULL,
                                 "UTF-8", flags);
      if (!d)
        continue;
      kb_arena scratch;
      kb_arena_init(&scratch);
      kb_html_meta meta;
      double m0 = bench_cpu_sec();
      kb_status mrc = kb_html_meta_extract(d, NULL, &scratch, &art, &meta);
      double m1 = bench_cpu_sec();
      meta_only += m1 - m0;
      if (mrc == KB_OK) {
        kb_date_ctx ctx;
        memset(&ctx, 0, sizeof ctx);
        ctx.lang = art.language;
        kb_date pub, mod;
        kb_html_dates(d, art.url, &ctx, &pub, &mod);
        dates_only += bench_cpu_sec() - m1;
      }
      kb_arena_clear(&scratch);
      kb_article_clear(&art);
      xmlFreeDoc(d);
    }
  double meta_cpu = bench_cpu_sec() - c0;

  /* (c) parse + extraction + metadata; one article reused */
  kb_buf json;
  kb_buf_init(&json, 0);
  kb_extract_opts opts;
  memset(&opts, 0, sizeof opts);
  opts.input = KB_INPUT_HTML;
  size_t empty = 0;
  double finish_cpu = 0; /* the shared pass, timed apart (see below) */
  /* (d) the same pages without any date or metadata work: parse, the body
     pass (with an empty kb_html_meta) and the DOM freed, as kb_html_extract
     does. Run after each round of (c) so both see the same machine; the
     per-round ratio of (c) + shared pass to (d) is what date and metadata
     work add, all costs counted where they fall (cache, malloc) */
  double full_round[64], html_round[64], body_round[64], body_cpu = 0;
  double full_wall = 0, full_cpu = 0;
  if (rounds > 64)
    rounds = 64;
  for (int r = 0; r < rounds; r++) {
    t0 = bench_wall_sec();
    c0 = bench_cpu_sec();
    double fin0 = finish_cpu;
    for (size_t i = 0; i < loaded; i++) {
      opts.source = pages[i].path;
      kb_status rc = kb_html_extract(pages[i].data, pages[i].len, &opts, &art);
      if (rc)
        fprintf(stderr, "%s: %s\n", pages[i].path, kb_status_str(rc));
      if (r == 0) {
        empty += art.nbody == 0;
        if (!quiet) {
          kb_buf_reset(&json);
          if (kb_article_to_json(&art, &json) == KB_OK) {
            fwrite(json.data, 1, json.len, stdout);
            fputc('\n', stdout);
          }
        }
      }
      /* the shared metadata pass kb_extract runs after the HTML extractor
         (dateline, outlet, credits, language, event date): timed apart and
         left out of the figures above, so they stay comparable */
      double f0 = bench_cpu_sec();
      kb_extract_finish(&opts, &art);
      finish_cpu += bench_cpu_sec() - f0;
      kb_article_clear(&art);
    }
    double round_cpu = bench_cpu_sec() - c0;
    full_wall += bench_wall_sec() - t0 - (finish_cpu - fin0);
    full_cpu += round_cpu - (finish_cpu - fin0);
    full_round[r] = round_cpu;                       /* with the shared pass */
    html_round[r] = round_cpu - (finish_cpu - fin0); /* kb_html_extract */

    c0 = bench_cpu_sec();
    for (size_t i = 0; i < loaded; i++) {
      kb_arena scratch;
      kb_arena_init(&scratch);
      xmlDoc *d = kb_html_parse(pages[i].data, pages[i].len, NULL);
      if (d && xmlDocGetRootElement(d)) {
        kb_html_meta none;
        memset(&none, 0, sizeof none);
        kb_html_body_extract(d, &none, &scratch, &art);
      }
      if (d)
        xmlFreeDoc(d);
      kb_arena_clear(&scratch);
      kb_article_clear(&art);
    }
    body_round[r] = bench_cpu_sec() - c0;
    body_cpu += body_round[r];
  }
  double full_s = full_wall;
  double add[64], add_html[64];
  for (int r = 0; r < rounds; r++) {
    add[r] = full_round[r] / body_round[r] - 1;
    add_html[r] = html_round[r] / body_round[r] - 1;
  }
  double add_med = bench_median(add, (size_t)rounds);
  double add_html_med = bench_median(add_html, (size_t)rounds);
  kb_buf_clear(&json);
  kb_arena_clear(&art.arena); /* kb_article_clear keeps one block for reuse */

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double total = (double)loaded * rounds;
  fprintf(
      stderr,
      "pages: %zu x %d rounds (%.1f MB), empty bodies: %zu\n"
      "parse only:                    %6.1f pages/s CPU, %6.1f pages/s "
      "wall (%.1f MB/s)\n"
      "parse + extraction + metadata: %6.1f pages/s CPU, %6.1f pages/s "
      "wall (%.1f MB/s)\n"
      "metadata + dates: %.1f%% of parse + extraction + metadata "
      "(CPU; timed alone: metadata %.1f%%, dates %.1f%%)\n"
      "with the shared pass (dateline, outlet, credits, language, event "
      "date: %.1f%%): metadata and dates %.1f%% of all extraction\n"
      "A/B: all extraction %.1f pages/s CPU, without date and metadata work "
      "%.1f pages/s CPU: they add %.1f%% (median of %d rounds; %.1f%% of "
      "all extraction); the HTML passes alone (kb_html_extract, without the "
      "shared pass) add %.1f%%\n"
      "peak RSS: %.1f MB\n",
      loaded, rounds, bytes / 1e6, empty, total / parse_cpu, total / parse_s,
      bytes * rounds / 1e6 / parse_s, total / full_cpu, total / full_s,
      bytes * rounds / 1e6 / full_s, 100.0 * (meta_cpu - parse_cpu) / full_cpu,
      100.0 * meta_only / full_cpu, 100.0 * dates_only / full_cpu,
      100.0 * finish_cpu / (full_cpu + finish_cpu),
      100.0 * (meta_only + dates_only + finish_cpu) / (full_cpu + finish_cpu),
      total / (full_cpu + finish_cpu), total / body_cpu, 100.0 * add_med,
      rounds, 100.0 * add_med / (1 + add_med), 100.0 * add_html_med,
      ru.ru_maxrss / 1024.0);
  for (size_t i = 0; i < loaded; i++) {
    free(pages[i].path);
    free(pages[i].data);
  }
  free(pages);
  return 0;
}
