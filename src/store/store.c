/* The SQLite store: schema and migrations (PRAGMA user_version), WAL,
 * batched writes of articles, clustering into events and storylines, and
 * named read queries. Last stage of the pipeline before the CLI/server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/store_int.h"

/* ---- schema ---------------------------------------------------------------
 * Each migration takes the schema from version i to i + 1. Append, never
 * edit: a store written by an older kabar is brought forward on open. */
static const char *const migrations[] = {
    /* 0 → 1 */
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  page_hash TEXT NOT NULL UNIQUE,"
    "  source TEXT, url TEXT, title TEXT, standfirst TEXT, outlet TEXT,"
    "  site_name TEXT, author TEXT, language TEXT, dateline TEXT,"
    "  credits TEXT," /* JSON array */
    "  published TEXT, published_from TEXT,"
    "  event_date TEXT, event_date_from TEXT, event_date_confidence REAL,"
    "  day INTEGER,"        /* days since epoch used for clustering, or NULL */
    "  body TEXT NOT NULL," /* paragraphs joined by blank lines */
    "  body_hash TEXT NOT NULL,"
    "  json TEXT NOT NULL," /* the whole extracted article */
    "  fetched INTEGER, ingested INTEGER NOT NULL"
    ");"
    "CREATE INDEX articles_body_hash ON articles(body_hash);"
    "CREATE TABLE storylines("
    "  id INTEGER PRIMARY KEY, title TEXT, first_day TEXT, last_day TEXT,"
    "  events INTEGER NOT NULL, articles INTEGER NOT NULL);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY, storyline_id INTEGER REFERENCES storylines(id),"
    "  day TEXT, headline TEXT, articles INTEGER NOT NULL);"
    "CREATE TABLE event_articles("
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  PRIMARY KEY(event_id, article_id)) WITHOUT ROWID;"
    "CREATE INDEX event_articles_article ON event_articles(article_id);"
    "CREATE TABLE state(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body,"
    "  tokenize = 'unicode61 remove_diacritics 2');",
};
#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof *migrations))

kb_status kb_store_fail(kb_store *s, const char *what) {
  snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what,
           s->db ? sqlite3_errmsg(s->db) : "no database");
  return KB_EDB;
}

static kb_status exec(kb_store *s, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
    snprintf(s->errmsg, sizeof s->errmsg, "%s", err ? err : "sqlite error");
    sqlite3_free(err);
    return KB_EDB;
  }
  return KB_OK;
}

sqlite3_stmt *kb_store_stmt(kb_store *s, int which, const char *sql) {
  sqlite3_stmt *st = s->stmts[which];
  if (st) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
  }
  if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                         NULL) != SQLITE_OK) {
    kb_store_fail(s, "preparing a statement");
    return NULL;
  }
  s->stmts[which] = st;
  return st;
}

/* Marks the clustering stale; inside a batch, once, at commit. */
static kb_status mark_stale(kb_store *s) {
  return exec(s, "INSERT OR REPLACE INTO state VALUES('cluster_stale', '1')");
}

static int user_version(kb_store *s) {
  sqlite3_stmt *st;
  int v = -1;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) ==
      SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW)
      v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  return v;
}

static kb_status migrate(kb_store *s) {
  int v = user_version(s);
  if (v < 0)
    return kb_store_fail(s, "reading the schema version");
  if (v > SCHEMA_VERSION) {
    snprintf(s->errmsg, sizeof s->errmsg,
             "the store has schema version %d; this kabar knows up to %d", v,
             SCHEMA_VERSION);
    return KB_EDB;
  }
  for (; v < SCHEMA_VERSION; v++) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
    kb_status rc = exec(s, "BEGIN IMMEDIATE");
    if (!rc)
      rc = exec(s, migrations[v]);
    if (!rc)
      rc = exec(s, pragma);
    if (!rc)
      rc = exec(s, "COMMIT");
    if (rc) {
      char why[400];
      snprintf(why, sizeof why, "%.380s", s->errmsg);
      sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
      snprintf(s->errmsg, sizeof s->errmsg, "migrating to version %d: %s",
               v + 1, why);
      return rc;
    }
  }
  s->version = v;
  return KB_OK;
}

kb_status kb_store_open(const char *path, unsigned flags, kb_store **out) {
  kb_store *s = calloc(1, sizeof *s);
  *out = s;
  if (!s)
    return KB_ENOMEM;
  int oflags = (flags & KB_STORE_READONLY)
                   ? SQLITE_OPEN_READONLY
                   : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK)
    return kb_store_fail(s, path);
  sqlite3_busy_timeout(s->db, 10000);
  kb_status rc = KB_OK;
  if (!(flags & KB_STORE_READONLY)) {
    rc = exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;");
    if (!rc)
      rc = migrate(s);
  } else {
    s->version = user_version(s);
    if (s->version < 0) {
      rc = kb_store_fail(s, path); /* not a database at all */
    } else if (s->version != SCHEMA_VERSION) {
      snprintf(s->errmsg, sizeof s->errmsg,
               s->version == 0 ? "%s is not a kabar store (empty)"
                               : "%s has schema version %d, expected %d",
               path, s->version, SCHEMA_VERSION);
      rc = KB_EDB;
    }
  }
  return rc;
}

void kb_store_close(kb_store *s) {
  if (!s)
    return;
  if (s->in_tx)
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  for (int i = 0; i < STMT_COUNT; i++)
    sqlite3_finalize(s->stmts[i]);
  sqlite3_close(s->db);
  free(s);
}

const char *kb_store_errmsg(const kb_store *s) {
  return s ? s->errmsg : "out of memory";
}

int kb_store_schema_version(const kb_store *s) {
  return s->version;
}

kb_status kb_store_begin(kb_store *s) {
  kb_status rc = exec(s, "BEGIN IMMEDIATE");
  if (!rc)
    s->in_tx = 1;
  return rc;
}

kb_status kb_store_commit(kb_store *s) {
  /* the stale mark goes in the same transaction as the articles */
  kb_status rc = s->dirty ? mark_stale(s) : KB_OK;
  if (!rc)
    rc = exec(s, "COMMIT");
  if (!rc)
    s->dirty = 0;
  if (!rc)
    s->in_tx = 0;
  return rc;
}

kb_status kb_store_rollback(kb_store *s) {
  s->in_tx = 0;
  s->dirty = 0;
  return exec(s, "ROLLBACK");
}

void kb_page_hash(const char *data, size_t n, char out[33]) {
  uint64_t a = kb_hash64(data, n, 0x6b61626172ULL);
  uint64_t b = kb_hash64(data, n, 0x9e3779b97f4a7c15ULL);
  snprintf(out, 33, "%016llx%016llx", (unsigned long long)a,
           (unsigned long long)b);
}

int kb_store_has_page(kb_store *s, const char *page_hash) {
  sqlite3_stmt *st = kb_store_stmt(
      s, STMT_HAS_PAGE, "SELECT 1 FROM articles WHERE page_hash = ?");
  if (!st)
    return -1;
  sqlite3_bind_text(st, 1, page_hash, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  kb_store_fail(s, "looking up a page");
  return -1;
}

static int bind_date(sqlite3_stmt *st, int col, const kb_date *d, int day) {
  char iso[32];
  if (d->from == KB_FROM_NONE ||
      !(day ? kb_datetime_day(&d->t, iso) : kb_datetime_iso(&d->t, iso)))
    return sqlite3_bind_null(st, col) || sqlite3_bind_null(st, col + 1);
  return sqlite3_bind_text(st, col, iso, -1, SQLITE_TRANSIENT) ||
         sqlite3_bind_text(st, col + 1, kb_date_from_name(d->from), -1,
                           SQLITE_STATIC);
}

/* The day an article is clustered by: the event's, else the publication's,
 * else the crawl's. */
static int64_t cluster_day(const kb_article *a, int *known) {
  *known = 1;
  if (a->event.from && a->event.t.day)
    return kb_days_from_civil(a->event.t.year, a->event.t.month,
                              a->event.t.day);
  if (a->published.from && a->published.t.day)
    return kb_days_from_civil(a->published.t.year, a->published.t.month,
                              a->published.t.day);
  if (a->fetched)
    return a->fetched / 86400;
  *known = 0;
  return 0;
}

kb_status kb_store_put(kb_store *s, const char *page_hash, const kb_article *a,
                       int64_t *id) {
  static const char *sql =
      "INSERT INTO articles(page_hash, source, url, title, standfirst, outlet,"
      " site_name, author, language, dateline, credits, published,"
      " published_from, event_date, event_date_from, event_date_confidence,"
      " day, body, body_hash, json, fetched, ingested)"
      " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, "
      "strftime('%s','now'))";
  kb_buf body, json, credits;
  kb_buf_init(&body, 0);
  kb_buf_init(&json, 0);
  kb_buf_init(&credits, 0);
  sqlite3_stmt *st = NULL;
  kb_status rc = kb_article_body_text(a, &body);
  if (!rc)
    rc = kb_article_to_json(a, &json);
  if (!rc)
    rc = kb_json_write_strs(&credits, a->credits, a->ncredits);
  if (rc)
    goto fail;
  char body_hash[33];
  kb_page_hash(kb_buf_cstr(&body), body.len, body_hash);
  if (!(st = kb_store_stmt(s, STMT_PUT, sql))) {
    rc = KB_EDB;
    goto fail;
  }
  const char *text[] = {page_hash,     a->source,  a->url,       a->title,
                        a->standfirst, a->outlet,  a->site_name, a->author,
                        a->language,   a->dateline};
  for (int i = 0; i < 10; i++)
    sqlite3_bind_text(st, i + 1, text[i], -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 11, kb_buf_cstr(&credits), -1, SQLITE_STATIC);
  bind_date(st, 12, &a->published, 0);
  bind_date(st, 14, &a->event, 1);
  if (a->event.from)
    sqlite3_bind_double(st, 16, a->event.confidence);
  int known;
  int64_t day = cluster_day(a, &known);
  if (known)
    sqlite3_bind_int64(st, 17, day);
  sqlite3_bind_text(st, 18, kb_buf_cstr(&body), (int)body.len, SQLITE_STATIC);
  sqlite3_bind_text(st, 19, body_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 20, kb_buf_cstr(&json), (int)json.len, SQLITE_STATIC);
  if (a->fetched)
    sqlite3_bind_int64(st, 21, a->fetched);
  if (sqlite3_step(st) != SQLITE_DONE) {
    rc = kb_store_fail(s, "storing an article");
    goto fail;
  }
  *id = sqlite3_last_insert_rowid(s->db);
  sqlite3_reset(st);
  if (!(st = kb_store_stmt(s, STMT_PUT_FTS,
                           "INSERT INTO articles_fts(rowid, title, body) "
                           "VALUES(?,?,?)"))) {
    rc = KB_EDB;
    goto fail;
  }
  sqlite3_bind_int64(st, 1, *id);
  sqlite3_bind_text(st, 2, a->title, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, kb_buf_cstr(&body), (int)body.len, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE) {
    rc = kb_store_fail(s, "indexing an article");
    goto fail;
  }
  s->dirty = 1;
  if (!s->in_tx) /* no batch: mark now, in autocommit */
    rc = mark_stale(s);
fail:
  if (st)
    sqlite3_reset(st); /* kept prepared; its bindings point at our buffers */
  kb_buf_clear(&credits);
  kb_buf_clear(&json);
  kb_buf_clear(&body);
  return rc;
}

int kb_store_cluster_stale(kb_store *s) {
  sqlite3_stmt *st;
  int stale = 0;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT value FROM state WHERE key = 'cluster_stale'",
                         -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW)
      stale = sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
  }
  return stale;
}
