/* The kabar command: shared declarations of the subcommands and helpers.
 * The tool uses only the public API in include/kabar/. */
#ifndef KABAR_CLI_H
#define KABAR_CLI_H

#include <stdio.h>

#include "kabar/kabar.h"

/* Exit codes (documented in `kabar --help` and README.md). */
enum {
  KB_EXIT_OK = 0,      /* everything worked */
  KB_EXIT_PARTIAL = 1, /* ran, but some pages failed (listed on stderr) */
  KB_EXIT_USAGE = 2,   /* bad command line */
  KB_EXIT_FATAL = 3,   /* could not run: store, I/O or memory failure */
  KB_EXIT_NOTFOUND = 4 /* the thing asked for does not exist */
};

typedef struct cli_cmd {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary; /* one line for `kabar --help` */
  const char *usage;   /* the whole `kabar CMD --help` text */
} cli_cmd;

/* Common options every store command takes. */
typedef struct cli_common {
  const char *db; /* --db PATH, default ./kabar.db */
  int json;       /* --json */
} cli_common;

/* Parses --db/--json/--help in argv, compacting argv to the remaining
 * arguments. Returns -1 to go on, or an exit code to return now. */
int cli_parse_common(const cli_cmd *cmd, int *argc, char **argv, cli_common *c);
const cli_cmd *cli_find(const char *name);
int cli_usage_error(const cli_cmd *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "2026-11-22" or "2026-11-22T10:00:00+07:00" → epoch seconds; -1 if bad. */
int64_t cli_parse_time(const char *s);

/* Prints the rows of a named store query as an aligned table, or as a
 * JSON array with --json. Returns an exit code. */
int cli_print_query(kb_store *st, const char *query, const char *arg, int json,
                    const char *empty_note);

int cmd_ingest(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_articles(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_storylines(int argc, char **argv);
int cmd_timeline(int argc, char **argv);

#endif
