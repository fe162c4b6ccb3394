/* kabar: the command-line tool. Subcommands are rows of a static table;
 * each lives in its own file and uses only the public API. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define STORE_OPTS                                                             \
  "  --db PATH     the store (default ./kabar.db)\n"                           \
  "  --json        JSON instead of a table\n"                                  \
  "  -h, --help    this help\n"

static const cli_cmd commands[] = {
    {"ingest", cmd_ingest, "read pages into the store, then group them",
     "usage: kabar ingest [options] PATH...\n"
     "Reads pages (files or folders, recursively: .txt page text, .html/.htm,\n"
     ".warc/.warc.gz, .jsonl; '-' reads stdin: a page, or JSON Lines), "
     "extracts\n"
     "each article into the store, skips pages already stored (same content),\n"
     "then groups articles into events and storylines.\n\n"
     "options:\n"
     "  --db PATH        the store (default ./kabar.db)\n"
     "  --input KIND     auto (default), text or html: how to read files\n"
     "  --now TIME       the crawl time for relative dates (\"2 jam lalu\") "
     "and\n"
     "                   date reasoning (ISO 8601; default: WARC-Date or a\n"
     "                   JSONL fetched field; without one, relative dates are\n"
     "                   left unresolved)\n"
     "  --batch N        pages per transaction (default 200)\n"
     "  --no-cluster     do not regroup events afterwards\n"
     "  -q, --quiet      no progress bar and no summary\n"
     "  -h, --help       this help\n\n"
     "exit status: 0 all pages read, 1 some pages failed (listed on stderr),\n"
     "2 bad usage, 3 the store or a read failed fatally\n"},
    {"extract", cmd_extract, "print the article of each page as JSON lines",
     "usage: kabar extract [options] FILE...\n"
     "Extracts the article of each page (the same inputs as ingest) and "
     "prints\n"
     "one JSON object per page on stdout; nothing is stored.\n\n"
     "options:\n"
     "  --format F    json (default, one line per page), text or markdown\n"
     "  --input KIND  auto (default), text or html\n"
     "  --now TIME    the crawl time for relative dates (\"2 jam lalu\") and\n"
     "                date reasoning (ISO 8601; default: WARC-Date or a JSONL\n"
     "                fetched field; without one, relative dates are left\n"
     "                unresolved)\n"
     "  -h, --help    this help\n\n"
     "exit status: 0 all pages extracted, 1 some pages could not be read,\n"
     "2 bad usage, 3 fatal error\n"},
    {"articles", cmd_articles, "list stored articles",
     "usage: kabar articles [--db PATH] [--json]\n"
     "Lists stored articles: id, published, event date, outlet, language,\n"
     "title and source.\n\noptions:\n" STORE_OPTS},
    {"show", cmd_show, "show one article",
     "usage: kabar show [--db PATH] [--json] ID\n"
     "Shows one stored article: its metadata and body.\n\noptions:\n" STORE_OPTS
     "\nexit status: 4 when there is no article ID\n"},
    {"events", cmd_events, "list events (one happening, reported within days)",
     "usage: kabar events [--db PATH] [--json]\n"
     "Lists events: day, storyline, number of articles, outlets, headline.\n\n"
     "options:\n" STORE_OPTS},
    {"storylines", cmd_storylines, "list storylines (series of events)",
     "usage: kabar storylines [--db PATH] [--json]\n"
     "Lists storylines: first and last day, events, articles, title.\n\n"
     "options:\n" STORE_OPTS},
    {"timeline", cmd_timeline, "show storylines as timelines of events",
     "usage: kabar timeline [--db PATH] [--json] [QUERY]\n"
     "Shows each storyline with its events in order of day. With QUERY, only\n"
     "storylines with an article containing all of its words.\n\n"
     "options:\n" STORE_OPTS},
};

const cli_cmd *cli_find(const char *name) {
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (strcmp(commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int cli_usage_error(const cli_cmd *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "kabar %s: ", cmd->name);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\n(see 'kabar %s --help')\n", cmd->name);
  return KB_EXIT_USAGE;
}

int cli_parse_common(const cli_cmd *cmd, int *argc, char **argv,
                     cli_common *c) {
  c->db = "kabar.db";
  c->json = 0;
  int out = 1;
  for (int i = 1; i < *argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(cmd->usage, stdout);
      return KB_EXIT_OK;
    } else if (strcmp(a, "--json") == 0) {
      c->json = 1;
    } else if (strcmp(a, "--db") == 0) {
      if (i + 1 >= *argc)
        return cli_usage_error(cmd, "--db needs a path");
      c->db = argv[++i];
    } else if (strncmp(a, "--db=", 5) == 0) {
      c->db = a + 5;
    } else {
      argv[out++] = argv[i];
    }
  }
  *argc = out;
  return -1;
}

int64_t cli_parse_time(const char *s) {
  kb_datetime t;
  if (!kb_datetime_parse_iso(s, strlen(s), &t))
    return -1;
  return kb_datetime_epoch(&t);
}

static void print_help(void) {
  printf("kabar %s: news pages in, articles, events, storylines and a "
         "timeline out\n\nusage: kabar COMMAND [options] [args]\n\ncommands:\n",
         KB_VERSION);
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    printf("  %-11s %s\n", commands[i].name, commands[i].summary);
  printf("\n'kabar COMMAND --help' tells more. Store commands take --db PATH "
         "(default ./kabar.db).\n\n"
         "exit status: 0 ok, 1 some pages failed, 2 bad usage, 3 fatal error "
         "(store, I/O, memory), 4 not found\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_help();
    return KB_EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 ||
      strcmp(name, "help") == 0) {
    if (argc > 2 && cli_find(argv[2])) {
      fputs(cli_find(argv[2])->usage, stdout);
      return KB_EXIT_OK;
    }
    print_help();
    return KB_EXIT_OK;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
    printf("kabar %s\n", KB_VERSION);
    return KB_EXIT_OK;
  }
  const cli_cmd *cmd = cli_find(name);
  if (!cmd) {
    fprintf(stderr, "kabar: unknown command '%s' (see 'kabar --help')\n", name);
    return KB_EXIT_USAGE;
  }
  return cmd->run(argc - 1, argv + 1);
}
