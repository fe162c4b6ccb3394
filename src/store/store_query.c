/* Named read queries over the store. A query is a row in a static table
 * (name, SQL, what its argument is), so adding one is adding a row; rows
 * come back as named text columns for the CLI and server to render. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

#define OUTLETS_OF_EVENT(e)                                                    \
  "(SELECT group_concat(o, ', ') FROM (SELECT DISTINCT a.outlet AS o FROM"     \
  " event_articles ea JOIN articles a ON a.id = ea.article_id WHERE"           \
  " ea.event_id = " e " AND a.outlet IS NOT NULL ORDER BY a.outlet))"

typedef enum arg_kind { ARG_NONE, ARG_ID, ARG_FTS_OPTIONAL } arg_kind;

static const struct named_query {
  const char *name;
  arg_kind arg;
  const char *sql;
} queries[] = {
    {"articles", ARG_NONE,
     "SELECT id, published, event_date, outlet, language, source, title"
     " FROM articles ORDER BY COALESCE(event_date, substr(published, 1, 10)),"
     " id"},
    {"article", ARG_ID, "SELECT json FROM articles WHERE id = ?1"},
    {"events", ARG_NONE,
     "SELECT e.id, e.day, e.storyline_id AS storyline, "
     "e.articles, " OUTLETS_OF_EVENT(
         "e.id") " AS outlets, e.headline FROM events e ORDER BY e.day IS NULL,"
                 " e.day, e.id"},
    {"storylines", ARG_NONE,
     "SELECT id, first_day, last_day, events, articles, title FROM storylines"
     " ORDER BY first_day IS NULL, first_day, id"},
    {"timeline", ARG_FTS_OPTIONAL,
     "SELECT e.storyline_id AS storyline, e.day, e.id AS event,"
     " e.articles, " OUTLETS_OF_EVENT(
         "e.id") " AS outlets, e.headline"
                 " FROM events e JOIN storylines s ON s.id = e.storyline_id"
                 " WHERE ?1 IS NULL OR e.storyline_id IN (SELECT "
                 "e2.storyline_id FROM"
                 " articles_fts f JOIN event_articles ea ON ea.article_id = "
                 "f.rowid"
                 " JOIN events e2 ON e2.id = ea.event_id WHERE articles_fts "
                 "MATCH ?1)"
                 " ORDER BY s.first_day IS NULL, s.first_day, s.id, e.day IS "
                 "NULL, e.day,"
                 " e.id"},
};

/* A user's words → an FTS5 query that cannot be a syntax error: each word
 * quoted, all required. */
static char *fts_query(const char *q) {
  size_t n = strlen(q);
  char *out = malloc(n * 3 + 3);
  if (!out)
    return NULL;
  size_t o = 0;
  int in_word = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)q[i];
    int word = c >= 0x80 || (c >= '0' && c <= '9') ||
               ((c | 32) >= 'a' && (c | 32) <= 'z');
    if (word && !in_word) {
      if (o)
        out[o++] = ' ';
      out[o++] = '"';
    } else if (!word && in_word) {
      out[o++] = '"';
    }
    if (word)
      out[o++] = (char)c;
    in_word = word;
  }
  if (in_word)
    out[o++] = '"';
  out[o] = '\0';
  return out;
}

kb_status kb_store_query(kb_store *s, const char *name, const char *arg,
                         kb_rows **out) {
  *out = NULL;
  const struct named_query *q = NULL;
  for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
    if (strcmp(queries[i].name, name) == 0)
      q = &queries[i];
  if (!q) {
    snprintf(s->errmsg, sizeof s->errmsg, "no query named '%s'", name);
    return KB_EINVAL;
  }
  kb_rows *r = calloc(1, sizeof *r);
  if (!r)
    return KB_ENOMEM;
  r->store = s;
  if (sqlite3_prepare_v2(s->db, q->sql, -1, &r->st, NULL) != SQLITE_OK) {
    snprintf(s->errmsg, sizeof s->errmsg, "query %s: %s", name,
             sqlite3_errmsg(s->db));
    kb_rows_free(r);
    return KB_EDB;
  }
  if (q->arg == ARG_ID) {
    char *end = NULL;
    errno = 0;
    long long id = arg ? strtoll(arg, &end, 10) : 0;
    if (!arg || *end || id <= 0 || errno == ERANGE) {
      snprintf(s->errmsg, sizeof s->errmsg, "'%s' is not an article id",
               arg ? arg : "");
      kb_rows_free(r);
      return KB_EINVAL;
    }
    sqlite3_bind_int64(r->st, 1, id);
  } else if (q->arg == ARG_FTS_OPTIONAL && arg && *arg) {
    char *fq = fts_query(arg);
    if (!fq) {
      kb_rows_free(r);
      return KB_ENOMEM;
    }
    if (*fq)
      sqlite3_bind_text(r->st, 1, fq, -1, SQLITE_TRANSIENT);
    free(fq);
  }
  r->ncols = (size_t)sqlite3_column_count(r->st);
  r->names = calloc(r->ncols + 1, sizeof *r->names);
  r->values = calloc(r->ncols + 1, sizeof *r->values);
  r->numeric = calloc(r->ncols + 1, sizeof *r->numeric);
  if (!r->names || !r->values || !r->numeric) {
    kb_rows_free(r);
    return KB_ENOMEM;
  }
  for (size_t i = 0; i < r->ncols; i++)
    r->names[i] = sqlite3_column_name(r->st, (int)i);
  *out = r;
  return KB_OK;
}

kb_status kb_rows_next(kb_rows *r, kb_row *row) {
  int rc = sqlite3_step(r->st);
  if (rc == SQLITE_DONE)
    return KB_DONE;
  if (rc != SQLITE_ROW) {
    snprintf(r->store->errmsg, sizeof r->store->errmsg, "reading rows: %s",
             sqlite3_errmsg(r->store->db));
    return KB_EDB;
  }
  for (size_t i = 0; i < r->ncols; i++) {
    int t = sqlite3_column_type(r->st, (int)i);
    r->numeric[i] = t == SQLITE_INTEGER || t == SQLITE_FLOAT;
    r->values[i] = (const char *)sqlite3_column_text(r->st, (int)i);
  }
  row->ncols = r->ncols;
  row->names = r->names;
  row->values = r->values;
  row->numeric = r->numeric;
  return KB_ROW;
}

void kb_rows_free(kb_rows *r) {
  if (!r)
    return;
  sqlite3_finalize(r->st);
  free(r->names);
  free(r->values);
  free(r->numeric);
  free(r);
}
