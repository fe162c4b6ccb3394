/* kabar ingest and kabar extract: pages in through the readers, articles out
 * to the store (batched transactions) or to stdout. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static volatile sig_atomic_t g_interrupted; /* tool-only; set by SIGINT/TERM */

static void on_signal(int sig) {
  (void)sig;
  g_interrupted = 1;
}

typedef struct failure {
  char *what;
  struct failure *next;
} failure;

typedef struct tally {
  long pages, stored, unchanged, failed;
  failure *failures, **tail;
  struct timespec shown; /* when the progress line was last drawn */
  int quiet;             /* -q: no progress line */
} tally;

static void tally_fail(tally *t, const char *fmt, const char *a,
                       const char *b) {
  t->failed++;
  failure *f = malloc(sizeof *f);
  if (!f)
    return;
  size_t n = strlen(a) + strlen(b) + strlen(fmt) + 1;
  f->what = malloc(n);
  if (!f->what) {
    free(f);
    return;
  }
  snprintf(f->what, n, fmt, a, b);
  f->next = NULL;
  *t->tail = f;
  t->tail = &f->next;
}

static void tally_report(tally *t) {
  for (failure *f = t->failures, *next; f; f = next) {
    next = f->next;
    fprintf(stderr, "failed: %s\n", f->what);
    free(f->what);
    free(f);
  }
  t->failures = NULL;
}

/* A progress line on stderr when it is a terminal, at most 10 times/s. */
static void progress(tally *t, int force) {
  if (t->quiet || !isatty(2))
    return;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double dt = (double)(now.tv_sec - t->shown.tv_sec) +
              (double)(now.tv_nsec - t->shown.tv_nsec) / 1e9;
  if (!force && dt < 0.1)
    return;
  t->shown = now;
  fprintf(stderr, "\r\033[Kpages %ld  stored %ld  unchanged %ld  failed %ld",
          t->pages, t->stored, t->unchanged, t->failed);
  if (force)
    fputc('\n', stderr);
}

/* What extraction is told about a page: its kind (the reader applied
 * --input), where it
 * came from, and the metadata its container gave. Ingest and extract both
 * use it, so they extract a page alike. */
static void opts_for_page(kb_extract_opts *o, const kb_page *page, int64_t now,
                          kb_site_memory *memory) {
  kb_extract_opts_init(o);
  o->input = page->kind;
  o->source = page->source;
  o->url = page->url;
  o->fetched = page->fetched;
  o->now = now;
  o->memory = memory;
  o->title_hint = page->title;
  o->author_hint = page->author;
  o->published_hint = page->published;
}

/* --input KIND as reader flags */
static int parse_input(const char *s, unsigned *flags) {
  if (strcmp(s, "auto") == 0)
    *flags = 0;
  else if (strcmp(s, "text") == 0)
    *flags = KB_READ_FORCE_TEXT;
  else if (strcmp(s, "html") == 0)
    *flags = KB_READ_FORCE_HTML;
  else
    return 0;
  return 1;
}

int cmd_ingest(int argc, char **argv) {
  const cli_cmd *cmd = cli_find("ingest");
  cli_common c;
  int ec = cli_parse_common(cmd, &argc, argv, &c);
  if (ec >= 0)
    return ec;
  unsigned rflags = 0;
  int64_t now = 0;
  long batch = 200;
  int cluster = 1, quiet = 0, npaths = 0;
  char **paths = argv + 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--input") == 0 && i + 1 < argc) {
      if (!parse_input(argv[++i], &rflags))
        return cli_usage_error(cmd, "--input takes auto, text or html");
    } else if (strcmp(a, "--now") == 0 && i + 1 < argc) {
      if ((now = cli_parse_time(argv[++i])) < 0)
        return cli_usage_error(cmd, "--now: '%s' is not an ISO 8601 time",
                               argv[i]);
    } else if (strcmp(a, "--batch") == 0 && i + 1 < argc) {
      char *end;
      batch = strtol(argv[++i], &end, 10);
      if (*end || batch < 1 || batch > 1000000)
        return cli_usage_error(cmd, "--batch takes a number from 1 to 1000000");
    } else if (strcmp(a, "--no-cluster") == 0) {
      cluster = 0;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if (a[0] == '-' && a[1] != '\0') {
      return cli_usage_error(cmd, "unknown option '%s'", a);
    } else {
      paths[npaths++] = argv[i];
    }
  }
  if (npaths == 0)
    return cli_usage_error(cmd, "name at least one PATH");

  kb_store *st = NULL;
  if (kb_store_open(c.db, 0, &st) != KB_OK) {
    fprintf(stderr, "kabar ingest: cannot open the store %s: %s\n", c.db,
            kb_store_errmsg(st));
    kb_store_close(st);
    return KB_EXIT_FATAL;
  }
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);

  tally t = {0};
  t.tail = &t.failures;
  t.quiet = quiet;
  kb_site_memory *memory = NULL;
  kb_article art;
  kb_article_init(&art);
  int fatal = 0;
  long in_batch = 0;
  /* Fault injection for the tests: die like a killed process after N
   * articles, in the middle of a batch. */
  const char *abort_env = getenv("KABAR_FAULT_ABORT_AFTER");
  long abort_after = abort_env ? strtol(abort_env, NULL, 10) : -1;
  if (kb_site_memory_new(&memory) != KB_OK)
    fatal = 1;
  if (!fatal && kb_store_begin(st) != KB_OK)
    fatal = 1;
  for (int p = 0; p < npaths && !fatal && !g_interrupted; p++) {
    kb_reader *r = NULL;
    kb_status rc = kb_reader_open(paths[p], rflags, &r);
    if (rc != KB_OK) {
      tally_fail(&t, "%s: %s", paths[p],
                 r ? kb_reader_errmsg(r) : kb_status_str(rc));
      kb_reader_free(r);
      continue;
    }
    kb_page page;
    while (!g_interrupted && (rc = kb_reader_next(r, &page)) != KB_DONE) {
      if (rc == KB_EPARSE || rc == KB_EIO || rc == KB_ELIMIT) {
        t.pages++;
        tally_fail(&t, "%s%s", kb_reader_errmsg(r), "");
        progress(&t, 0);
        continue;
      }
      if (rc != KB_ROW) { /* out of memory or a broken reader: stop */
        fprintf(stderr, "kabar ingest: %s: %s\n", paths[p],
                kb_reader_errmsg(r));
        fatal = 1;
        break;
      }
      t.pages++;
      char hash[33];
      kb_page_hash(page.data, page.len, hash);
      int have = kb_store_has_page(st, hash);
      if (have < 0) {
        fatal = 1;
        break;
      }
      kb_extract_opts o;
      opts_for_page(&o, &page, now, memory);
      if (have) {
        /* not extracted again, but seen: the site memory then holds what
         * a clean run's would, and a rerun extracts the rest alike */
        int text =
            o.input == KB_INPUT_TEXT ||
            (o.input == KB_INPUT_AUTO && !kb_sniff_html(page.data, page.len));
        if (text && kb_site_memory_observe(memory, page.data, page.len, &o) ==
                        KB_ENOMEM) {
          fatal = 1;
          break;
        }
        t.unchanged++;
        progress(&t, 0);
        continue;
      }
      rc = kb_extract(page.data, page.len, &o, &art);
      if (rc == KB_ENOMEM) {
        fprintf(stderr, "kabar ingest: %s: out of memory\n", page.source);
        fatal = 1;
        break;
      }
      if (rc != KB_OK) {
        tally_fail(&t, "%s: %s", page.source, kb_status_str(rc));
        continue;
      }
      if (art.nbody == 0) {
        tally_fail(&t, "%s: %s", page.source,
                   art.ndiags ? art.diags[0].message : "no article text");
        continue;
      }
      int64_t id;
      if (kb_store_put(st, hash, &art, &id) != KB_OK) {
        fatal = 1;
        break;
      }
      t.stored++;
      if (abort_after >= 0 && t.stored >= abort_after) {
        signal(SIGABRT, SIG_DFL);
        abort();
      }
      if (++in_batch >= batch) {
        if (kb_store_commit(st) != KB_OK || kb_store_begin(st) != KB_OK) {
          fatal = 1;
          break;
        }
        in_batch = 0;
      }
      progress(&t, 0);
    }
    kb_reader_free(r);
  }
  if (!fatal && kb_store_commit(st) != KB_OK)
    fatal = 1;
  progress(&t, 1);
  if (!fatal && cluster && !g_interrupted && kb_store_cluster_stale(st)) {
    kb_cluster_opts co;
    kb_cluster_opts_init(&co);
    if (kb_store_cluster(st, &co) != KB_OK)
      fatal = 1;
  }
  if (fatal)
    fprintf(stderr,
            "kabar ingest: %s (stored work up to the last batch is kept)\n",
            kb_store_errmsg(st));
  tally_report(&t);
  if (!quiet)
    printf("pages read %ld, articles stored %ld, unchanged %ld, failed %ld%s\n",
           t.pages, t.stored, t.unchanged, t.failed,
           g_interrupted ? " (interrupted)" : "");
  kb_article_free(&art);
  kb_site_memory_free(memory);
  kb_store_close(st);
  if (fatal)
    return KB_EXIT_FATAL;
  if (g_interrupted)
    return 130;
  return t.failed ? KB_EXIT_PARTIAL : KB_EXIT_OK;
}

static void print_text(const kb_article *a, int markdown) {
  if (a->title)
    printf(markdown ? "# %s\n\n" : "%s\n\n", a->title);
  if (a->standfirst)
    printf(markdown ? "*%s*\n\n" : "%s\n\n", a->standfirst);
  for (size_t i = 0; i < a->nbody; i++)
    printf("%s\n\n", a->body[i]);
}

int cmd_extract(int argc, char **argv) {
  const cli_cmd *cmd = cli_find("extract");
  unsigned rflags = 0;
  int64_t now = 0;
  int format = 0; /* 0 json, 1 text, 2 markdown */
  int nfiles = 0;
  char **files = argv + 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(cmd->usage, stdout);
      return KB_EXIT_OK;
    } else if (strcmp(a, "--input") == 0 && i + 1 < argc) {
      if (!parse_input(argv[++i], &rflags))
        return cli_usage_error(cmd, "--input takes auto, text or html");
    } else if (strcmp(a, "--format") == 0 && i + 1 < argc) {
      const char *f = argv[++i];
      if (strcmp(f, "json") == 0)
        format = 0;
      else if (strcmp(f, "text") == 0)
        format = 1;
      else if (strcmp(f, "markdown") == 0)
        format = 2;
      else
        return cli_usage_error(cmd, "--format takes json, text or markdown");
    } else if (strcmp(a, "--now") == 0 && i + 1 < argc) {
      if ((now = cli_parse_time(argv[++i])) < 0)
        return cli_usage_error(cmd, "--now: '%s' is not an ISO 8601 time",
                               argv[i]);
    } else if (a[0] == '-' && a[1] != '\0') {
      return cli_usage_error(cmd, "unknown option '%s'", a);
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (nfiles == 0)
    return cli_usage_error(cmd, "name at least one FILE");
  kb_article art;
  kb_article_init(&art);
  kb_buf out;
  kb_buf_init(&out, 0);
  int failed = 0, fatal = 0;
  /* the same cross-page line memory as ingest, so both see pages alike */
  kb_site_memory *memory = NULL;
  if (kb_site_memory_new(&memory) != KB_OK)
    fatal = 1;
  for (int f = 0; f < nfiles && !fatal; f++) {
    kb_reader *r = NULL;
    kb_status rc = kb_reader_open(files[f], rflags, &r);
    if (rc != KB_OK) {
      fprintf(stderr, "kabar extract: %s: %s\n", files[f],
              r ? kb_reader_errmsg(r) : kb_status_str(rc));
      kb_reader_free(r);
      failed++;
      continue;
    }
    kb_page page;
    while ((rc = kb_reader_next(r, &page)) != KB_DONE) {
      if (rc != KB_ROW) {
        fprintf(stderr, "kabar extract: %s\n", kb_reader_errmsg(r));
        failed++;
        if (rc == KB_EPARSE || rc == KB_EIO || rc == KB_ELIMIT)
          continue;
        fatal = 1; /* out of memory or a broken reader */
        break;
      }
      kb_extract_opts o;
      opts_for_page(&o, &page, now, memory);
      if ((rc = kb_extract(page.data, page.len, &o, &art)) != KB_OK) {
        fprintf(stderr, "kabar extract: %s: %s\n", page.source,
                kb_status_str(rc));
        failed++;
        if (rc == KB_ENOMEM) { /* fatal: a later page must not clear it */
          fatal = 1;
          break;
        }
        continue;
      }
      if (format == 0) {
        kb_buf_reset(&out);
        if (kb_article_to_json(&art, &out) == KB_OK)
          printf("%s\n", kb_buf_cstr(&out));
      } else {
        print_text(&art, format == 2);
      }
    }
    kb_reader_free(r);
  }
  kb_buf_clear(&out);
  kb_article_free(&art);
  kb_site_memory_free(memory);
  if (fflush(stdout) != 0)
    return KB_EXIT_FATAL;
  if (fatal)
    return KB_EXIT_FATAL;
  return failed ? KB_EXIT_PARTIAL : KB_EXIT_OK;
}
