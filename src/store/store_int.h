/* Private to src/store: the store handle shared by its files. */
#ifndef KB_STORE_INT_H
#define KB_STORE_INT_H

#include <sqlite3.h>

#include "kabar/store.h"

enum { STMT_HAS_PAGE, STMT_PUT, STMT_PUT_FTS, STMT_COUNT };

struct kb_store {
  sqlite3 *db;
  char errmsg[512]; /* the last error, for kb_store_errmsg */
  int version;      /* schema version after open */
  int in_tx;        /* 1 inside kb_store_begin .. commit/rollback */
  int dirty;        /* articles added in this batch: clustering is stale */
  sqlite3_stmt *stmts[STMT_COUNT]; /* prepared once, reused for every page */
};

/* Records "what: sqlite's message" as the store's error; returns KB_EDB. */
kb_status kb_store_fail(kb_store *s, const char *what);

/* A statement prepared on first use and kept until the store closes;
 * reset and unbound, ready to bind. NULL on error (errmsg set). */
sqlite3_stmt *kb_store_stmt(kb_store *s, int which, const char *sql);

/* Rows of a named query being read. */
struct kb_rows {
  kb_store *store;
  sqlite3_stmt *st;
  size_t ncols;
  const char **names;
  const char **values;
  int *numeric;
};

#endif
