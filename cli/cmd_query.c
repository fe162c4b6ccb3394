/* The read commands: articles, show, events, storylines, timeline. Rows of
 * named store queries rendered as aligned tables or as JSON. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

/* Display width of UTF-8 text: code points, not bytes (good enough for the
 * Latin, Cyrillic and Indonesian text kabar shows). */
static size_t text_width(const char *s) {
  size_t w = 0;
  for (; *s; s++)
    w += ((unsigned char)*s & 0xC0) != 0x80;
  return w;
}

/* Writes s cut to at most width code points (with "…" when cut), padded. */
static void put_cell(const char *s, size_t width, int pad) {
  size_t w = 0;
  const char *p = s;
  size_t full = text_width(s);
  size_t keep = full > width ? (width > 0 ? width - 1 : 0) : full;
  while (*p && w < keep) {
    p++;
    while ((*p & 0xC0) == 0x80)
      p++;
    w++;
  }
  fwrite(s, 1, (size_t)(p - s), stdout);
  if (full > width)
    fputs("\xE2\x80\xA6", stdout), w++;
  if (pad)
    for (; w < width; w++)
      putchar(' ');
}

typedef struct table {
  size_t ncols, nrows, cap;
  char **names;
  char **cells; /* nrows * ncols, NULL for SQL NULL */
  int *numeric;
} table;

static void table_free(table *t) {
  for (size_t i = 0; i < t->nrows * t->ncols; i++)
    free(t->cells[i]);
  for (size_t i = 0; t->names && i < t->ncols; i++)
    free(t->names[i]);
  free(t->cells);
  free(t->names);
  free(t->numeric);
}

static char *dup_or_null(const char *s) {
  return s ? strdup(s) : NULL;
}

/* Columns to fit in: the terminal's, or $COLUMNS; 0 = no limit (output
 * piped to another program is never cut). */
static size_t terminal_width(void) {
  struct winsize ws;
  if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
    return ws.ws_col;
  const char *c = getenv("COLUMNS");
  long cols = c ? strtol(c, NULL, 10) : 0;
  return cols > 20 ? (size_t)cols : 0;
}

static void print_table(const table *t) {
  size_t *w = calloc(t->ncols, sizeof *w);
  if (!w)
    return;
  for (size_t c = 0; c < t->ncols; c++)
    w[c] = text_width(t->names[c]);
  for (size_t r = 0; r < t->nrows; r++)
    for (size_t c = 0; c < t->ncols; c++) {
      const char *v = t->cells[r * t->ncols + c];
      size_t vw = text_width(v ? v : "-");
      if (vw > w[c])
        w[c] = vw;
    }
  /* the last column takes what is left of the terminal, at least 20 */
  size_t used = 0, width = terminal_width();
  for (size_t c = 0; c + 1 < t->ncols; c++) {
    if (w[c] > 40)
      w[c] = 40;
    used += w[c] + 2;
  }
  size_t last = t->ncols - 1;
  if (width && used + w[last] > width)
    w[last] = width > used + 20 ? width - used : 20;
  for (size_t c = 0; c < t->ncols; c++) {
    put_cell(t->names[c], w[c], c != last);
    if (c != last)
      fputs("  ", stdout);
  }
  putchar('\n');
  for (size_t r = 0; r < t->nrows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      const char *v = t->cells[r * t->ncols + c];
      put_cell(v ? v : "-", w[c], c != last);
      if (c != last)
        fputs("  ", stdout);
    }
    putchar('\n');
  }
  free(w);
}

static void print_json(const table *t) {
  kb_buf b;
  kb_buf_init(&b, 0);
  fputs("[", stdout);
  for (size_t r = 0; r < t->nrows; r++) {
    kb_buf_reset(&b);
    kb_buf_puts(&b, r ? ",\n{" : "\n{");
    for (size_t c = 0; c < t->ncols; c++) {
      const char *v = t->cells[r * t->ncols + c];
      if (c)
        kb_buf_putc(&b, ',');
      kb_json_write_cstr(&b, t->names[c]);
      kb_buf_putc(&b, ':');
      if (v && t->numeric[r * t->ncols + c])
        kb_buf_puts(&b, v);
      else
        kb_json_write_cstr(&b, v);
    }
    kb_buf_putc(&b, '}');
    fputs(kb_buf_cstr(&b), stdout);
  }
  fputs(t->nrows ? "\n]\n" : "]\n", stdout);
  kb_buf_clear(&b);
}

/* Reads all rows of a query into memory (columns are sized over all rows). */
static kb_status load(kb_store *st, const char *query, const char *arg,
                      table *t) {
  memset(t, 0, sizeof *t);
  kb_rows *rows;
  kb_status rc = kb_store_query(st, query, arg, &rows);
  if (rc)
    return rc;
  kb_row row;
  while ((rc = kb_rows_next(rows, &row)) == KB_ROW) {
    if (!t->names) {
      t->ncols = row.ncols;
      t->names = calloc(row.ncols, sizeof *t->names);
      if (!t->names) {
        rc = KB_ENOMEM;
        break;
      }
      for (size_t c = 0; c < row.ncols; c++)
        if (!(t->names[c] = strdup(row.names[c])))
          rc = KB_ENOMEM;
      if (rc == KB_ENOMEM)
        break;
    }
    if (t->nrows == t->cap) {
      size_t ncap = t->cap ? t->cap * 2 : 64;
      char **cells = realloc(t->cells, ncap * t->ncols * sizeof *cells);
      int *num = realloc(t->numeric, ncap * t->ncols * sizeof *num);
      if (cells)
        t->cells = cells;
      if (num)
        t->numeric = num;
      if (!cells || !num) {
        rc = KB_ENOMEM;
        break;
      }
      t->cap = ncap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
      t->cells[t->nrows * t->ncols + c] = dup_or_null(row.values[c]);
      t->numeric[t->nrows * t->ncols + c] = row.numeric[c];
    }
    t->nrows++;
  }
  kb_rows_free(rows);
  return rc == KB_DONE ? KB_OK : rc;
}

static kb_store *open_store(const char *cmd, const char *db) {
  kb_store *st = NULL;
  if (access(db, F_OK) != 0) {
    fprintf(stderr,
            "kabar %s: no store at %s (run 'kabar ingest PATH' first, or "
            "name one with --db)\n",
            cmd, db);
    return NULL;
  }
  if (kb_store_open(db, KB_STORE_READONLY, &st) != KB_OK) {
    fprintf(stderr, "kabar %s: %s\n", cmd, kb_store_errmsg(st));
    kb_store_close(st);
    return NULL;
  }
  return st;
}

int cli_print_query(kb_store *st, const char *query, const char *arg, int json,
                    const char *empty_note) {
  table t;
  kb_status rc = load(st, query, arg, &t);
  if (rc != KB_OK) {
    fprintf(stderr, "kabar %s: %s\n", query,
            rc == KB_ENOMEM ? kb_status_str(rc) : kb_store_errmsg(st));
    table_free(&t);
    return KB_EXIT_FATAL;
  }
  if (json)
    print_json(&t);
  else if (t.nrows == 0)
    printf("%s\n", empty_note);
  else
    print_table(&t);
  table_free(&t);
  return KB_EXIT_OK;
}

static int list_command(const char *name, const char *query, int argc,
                        char **argv, const char *empty) {
  const cli_cmd *cmd = cli_find(name);
  cli_common c;
  int ec = cli_parse_common(cmd, &argc, argv, &c);
  if (ec >= 0)
    return ec;
  if (argc > 1)
    return cli_usage_error(cmd, "unexpected argument '%s'", argv[1]);
  kb_store *st = open_store(name, c.db);
  if (!st)
    return KB_EXIT_FATAL;
  ec = cli_print_query(st, query, NULL, c.json, empty);
  kb_store_close(st);
  return ec;
}

int cmd_articles(int argc, char **argv) {
  return list_command("articles", "articles", argc, argv, "no articles stored");
}

int cmd_events(int argc, char **argv) {
  return list_command("events", "events", argc, argv, "no events");
}

int cmd_storylines(int argc, char **argv) {
  return list_command("storylines", "storylines", argc, argv, "no storylines");
}

/* Readable form of one article's stored JSON. */
static void show_article(const kb_json *a) {
  static const char *const fields[][2] = {
      {"title", "title"},           {"outlet", "outlet"},
      {"author", "author"},         {"language", "language"},
      {"dateline", "dateline"},     {"published", "published"},
      {"event_date", "event date"}, {"url", "url"},
      {"source", "source"}};
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
    const char *v = kb_json_get_str(a, fields[i][0]);
    if (!v)
      continue;
    printf("%-11s %s", fields[i][1], v);
    char from_key[32];
    snprintf(from_key, sizeof from_key, "%s_from", fields[i][0]);
    const char *from = kb_json_get_str(a, from_key);
    if (from)
      printf("  (%s)", from);
    putchar('\n');
  }
  const kb_json *credits = kb_json_get(a, "credits");
  if (credits && credits->len) {
    printf("%-11s ", "credits");
    for (const kb_json *c = credits->child; c; c = c->next)
      printf("%s%s", c->str ? c->str : "", c->next ? ", " : "\n");
  }
  const char *standfirst = kb_json_get_str(a, "standfirst");
  if (standfirst)
    printf("\n%s\n", standfirst);
  const kb_json *body = kb_json_get(a, "body");
  putchar('\n');
  for (const kb_json *p = body ? body->child : NULL; p; p = p->next)
    printf("%s\n\n", p->str ? p->str : "");
}

int cmd_show(int argc, char **argv) {
  const cli_cmd *cmd = cli_find("show");
  cli_common c;
  int ec = cli_parse_common(cmd, &argc, argv, &c);
  if (ec >= 0)
    return ec;
  if (argc != 2)
    return cli_usage_error(cmd, "name one article ID");
  kb_store *st = open_store("show", c.db);
  if (!st)
    return KB_EXIT_FATAL;
  kb_rows *rows = NULL;
  kb_row row;
  kb_status rc = kb_store_query(st, "article", argv[1], &rows);
  if (rc == KB_EINVAL) {
    kb_store_close(st);
    return cli_usage_error(cmd, "'%s' is not an article id", argv[1]);
  }
  if (rc == KB_OK)
    rc = kb_rows_next(rows, &row);
  if (rc == KB_DONE) {
    fprintf(stderr, "kabar show: no article %s in %s\n", argv[1], c.db);
    ec = KB_EXIT_NOTFOUND;
  } else if (rc != KB_ROW) {
    fprintf(stderr, "kabar show: %s\n", kb_store_errmsg(st));
    ec = KB_EXIT_FATAL;
  } else if (c.json) {
    printf("%s\n", row.values[0]);
    ec = KB_EXIT_OK;
  } else {
    kb_arena a;
    kb_arena_init(&a);
    kb_json *j;
    if (kb_json_parse(&a, row.values[0], strlen(row.values[0]), 0, &j, NULL) ==
        KB_OK)
      show_article(j);
    kb_arena_clear(&a);
    ec = KB_EXIT_OK;
  }
  kb_rows_free(rows);
  kb_store_close(st);
  return ec;
}

int cmd_timeline(int argc, char **argv) {
  const cli_cmd *cmd = cli_find("timeline");
  cli_common c;
  int ec = cli_parse_common(cmd, &argc, argv, &c);
  if (ec >= 0)
    return ec;
  /* the query is every remaining word */
  char query[1024] = "";
  size_t qn = 0;
  for (int i = 1; i < argc; i++) {
    int k = snprintf(query + qn, sizeof query - qn, "%s%s", i > 1 ? " " : "",
                     argv[i]);
    if (k < 0 || (size_t)k >= sizeof query - qn)
      return cli_usage_error(cmd, "the query is too long");
    qn += (size_t)k;
  }
  kb_store *st = open_store("timeline", c.db);
  if (!st)
    return KB_EXIT_FATAL;
  if (c.json) {
    ec = cli_print_query(st, "timeline", qn ? query : NULL, 1, "");
    kb_store_close(st);
    return ec;
  }
  table t;
  if (load(st, "timeline", qn ? query : NULL, &t) != KB_OK) {
    fprintf(stderr, "kabar timeline: %s\n", kb_store_errmsg(st));
    table_free(&t);
    kb_store_close(st);
    return KB_EXIT_FATAL;
  }
  if (t.nrows == 0)
    printf(qn ? "no storyline matches '%s'\n" : "no events stored%s\n",
           qn ? query : "");
  /* columns: storyline, day, event, articles, outlets, headline */
  const char *prev = NULL;
  size_t width = terminal_width();
  for (size_t r = 0; r < t.nrows; r++) {
    char **row = t.cells + r * t.ncols;
    if (!prev || strcmp(prev, row[0] ? row[0] : "") != 0) {
      /* the rows come grouped by storyline: count this one's run */
      size_t nev = 0;
      for (size_t k = r;
           k < t.nrows &&
           strcmp(t.cells[k * t.ncols] ? t.cells[k * t.ncols] : "",
                  row[0] ? row[0] : "") == 0;
           k++)
        nev++;
      printf("%sstoryline %s  (%zu event%s)\n", prev ? "\n" : "",
             row[0] ? row[0] : "-", nev, nev == 1 ? "" : "s");
      prev = row[0] ? row[0] : "";
    }
    printf("  %-10s  ", row[1] ? row[1] : "undated");
    const char *headline = row[5] ? row[5] : "-";
    put_cell(headline,
             width == 0   ? text_width(headline)
             : width > 40 ? width - 14
                          : 26,
             0);
    printf("\n  %-10s  %s article%s: %s\n", "", row[3] ? row[3] : "0",
           row[3] && strcmp(row[3], "1") == 0 ? "" : "s",
           row[4] ? row[4] : "outlet not printed");
  }
  table_free(&t);
  kb_store_close(st);
  return KB_EXIT_OK;
}
