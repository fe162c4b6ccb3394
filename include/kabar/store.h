/* kabar store: the embedded SQLite store of articles, events and storylines,
 * with a versioned schema (PRAGMA user_version), WAL and batched writes.
 * Readers get rows of named text columns, so a tool can print any of them
 * as a table or as JSON without knowing the schema. */
#ifndef KABAR_STORE_H
#define KABAR_STORE_H

#include "kabar/article.h"
#include "kabar/cluster.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kb_store kb_store;

#define KB_STORE_READONLY 0x1u /* open an existing store for reading only */

/* Opens (creating and migrating as needed) the store at path. On failure
 * *out may still be set so kb_store_errmsg can tell why; close it. */
kb_status kb_store_open(const char *path, unsigned flags, kb_store **out);
void kb_store_close(kb_store *s);               /* accepts NULL */
const char *kb_store_errmsg(const kb_store *s); /* owned by s */
int kb_store_schema_version(const kb_store *s);

/* Writes go in batches: kb_store_begin, many kb_store_put, kb_store_commit.
 * A process killed inside a batch loses only that batch. */
kb_status kb_store_begin(kb_store *s);
kb_status kb_store_commit(kb_store *s);
kb_status kb_store_rollback(kb_store *s);

/* Hex of a 128-bit hash of the page bytes: the page's identity. */
void kb_page_hash(const char *data, size_t n, char out[33]);

/* 1 when a page with this hash is stored, 0 when not, -1 on error. */
int kb_store_has_page(kb_store *s, const char *page_hash);

/* Stores the article extracted from the page with page_hash. *id gets the
 * article's id. Marks the clustering as stale. */
kb_status kb_store_put(kb_store *s, const char *page_hash, const kb_article *a,
                       int64_t *id);

/* Re-clusters every stored article into events and storylines, in one
 * transaction (a killed run leaves the previous clustering in place and
 * the store marked stale, so the next run does it again). */
kb_status kb_store_cluster(kb_store *s, const kb_cluster_opts *opts);
/* 1 when articles were added since the last clustering. */
int kb_store_cluster_stale(kb_store *s);

/* ---- reading: named queries with rows of text columns -------------------
 * "articles"   all articles (arg: none)
 * "article"    one article's stored JSON (arg: id) — column "json"
 * "events"     events with day, storyline, outlets, headline (arg: none)
 * "storylines" storylines with span and title (arg: none)
 * "timeline"   events in storyline and day order (arg: a full-text query,
 *              or NULL for all) */
typedef struct kb_rows kb_rows;
typedef struct kb_row {
  size_t ncols;
  const char *const *names;  /* column names */
  const char *const *values; /* text, or NULL for SQL NULL */
  const int *numeric;        /* 1 when the column holds a number */
} kb_row;                    /* valid until the next kb_rows_next */

kb_status kb_store_query(kb_store *s, const char *name, const char *arg,
                         kb_rows **out);
kb_status kb_rows_next(kb_rows *r, kb_row *row); /* KB_ROW / KB_DONE / KB_EDB */
void kb_rows_free(kb_rows *r);

#ifdef __cplusplus
}
#endif
#endif
