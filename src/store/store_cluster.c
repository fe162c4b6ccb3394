/* Clustering inside the store: reads every article, runs kb_cluster_run,
 * and writes events and storylines back in one transaction, with a
 * headline for each event and a title for each storyline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/store_int.h"

static char *dup_col(sqlite3_stmt *st, int col) {
  const unsigned char *t = sqlite3_column_text(st, col);
  if (!t)
    return NULL;
  size_t n = (size_t)sqlite3_column_bytes(st, col);
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, t, n);
    p[n] = '\0';
  }
  return p;
}

static void day_text(int32_t day, char out[11]) {
  int y, m, d;
  kb_civil_from_days(day, &y, &m, &d);
  kb_datetime t = {.year = y, .month = m, .day = d, .hour = -1};
  kb_datetime_day(&t, out);
}

/* The headline of a group of articles: the title of the earliest-published
 * member that has one, preferring pages that print their publication time
 * (SQL orders them); else a standfirst, else the start
 * of the first paragraph. */
static const char *event_headline_sql =
    "UPDATE events SET headline = (SELECT COALESCE(a.title, a.standfirst,"
    " substr(a.body, 1, 120)) FROM event_articles ea JOIN articles a ON"
    " a.id = ea.article_id WHERE ea.event_id = events.id"
    " ORDER BY a.title IS NULL, a.published IS NULL,"
    " a.published, a.event_date, a.id LIMIT 1);"
    "UPDATE storylines SET"
    " first_day = (SELECT min(day) FROM events e WHERE e.storyline_id = "
    "storylines.id),"
    " last_day = (SELECT max(day) FROM events e WHERE e.storyline_id = "
    "storylines.id),"
    " events = (SELECT count(*) FROM events e WHERE e.storyline_id = "
    "storylines.id),"
    " articles = (SELECT count(*) FROM events e JOIN event_articles ea ON"
    "  ea.event_id = e.id WHERE e.storyline_id = storylines.id),"
    " title = (SELECT e.headline FROM events e WHERE e.storyline_id = "
    "storylines.id"
    "  ORDER BY e.articles DESC, e.day LIMIT 1);"
    "INSERT OR REPLACE INTO state VALUES('cluster_stale', '0');";

kb_status kb_store_cluster(kb_store *s, const kb_cluster_opts *opts) {
  sqlite3_stmt *st = NULL;
  kb_cluster_doc *docs = NULL;
  size_t n = 0, cap = 0;
  kb_clustering cl = {0};
  kb_status rc = KB_OK;
  char *err = NULL;

  if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK) {
    sqlite3_free(err);
    return kb_store_fail(s, "starting the clustering");
  }
  if (sqlite3_prepare_v2(s->db,
                         "SELECT id, day, title, body, language FROM articles"
                         " ORDER BY id",
                         -1, &st, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "reading articles");
    goto done;
  }
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      size_t ncap = cap ? cap * 2 : 256;
      kb_cluster_doc *p = realloc(docs, ncap * sizeof *docs);
      if (!p) {
        rc = KB_ENOMEM;
        goto done;
      }
      docs = p;
      cap = ncap;
    }
    kb_cluster_doc *d = &docs[n++];
    d->id = sqlite3_column_int64(st, 0);
    d->day = sqlite3_column_type(st, 1) == SQLITE_NULL
                 ? KB_DAY_UNKNOWN
                 : (int32_t)sqlite3_column_int64(st, 1);
    d->title = dup_col(st, 2);
    d->text = dup_col(st, 3);
    d->language = dup_col(st, 4);
    if ((sqlite3_column_type(st, 2) != SQLITE_NULL && !d->title) ||
        (sqlite3_column_type(st, 3) != SQLITE_NULL && !d->text) ||
        (sqlite3_column_type(st, 4) != SQLITE_NULL && !d->language)) {
      rc = KB_ENOMEM; /* clustering a page as if it had no text is wrong */
      goto done;
    }
  }
  if (step != SQLITE_DONE) {
    rc = kb_store_fail(s, "reading articles");
    goto done;
  }
  sqlite3_finalize(st);
  st = NULL;
  if ((rc = kb_cluster_run(docs, n, opts, &cl))) {
    snprintf(s->errmsg, sizeof s->errmsg, "clustering: %s", kb_status_str(rc));
    goto done;
  }
  if (sqlite3_exec(s->db,
                   "DELETE FROM event_articles; DELETE FROM events;"
                   " DELETE FROM storylines;",
                   NULL, NULL, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "clearing events");
    goto done;
  }
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO storylines(id, events, articles)"
                         " VALUES(?, 0, 0)",
                         -1, &st, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "writing storylines");
    goto done;
  }
  for (size_t i = 0; i < cl.nstorylines; i++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (int64_t)i + 1);
    if (sqlite3_step(st) != SQLITE_DONE) {
      rc = kb_store_fail(s, "writing storylines");
      goto done;
    }
  }
  sqlite3_finalize(st);
  st = NULL;
  if (sqlite3_prepare_v2(s->db,
                         "INSERT INTO events(id, storyline_id, day, articles)"
                         " VALUES(?,?,?,0)",
                         -1, &st, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "writing events");
    goto done;
  }
  for (size_t e = 0; e < cl.nevents; e++) {
    char day[11];
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (int64_t)e + 1);
    sqlite3_bind_int64(st, 2, (int64_t)cl.storyline_of[e] + 1);
    if (cl.event_day[e] != KB_DAY_UNKNOWN) {
      day_text(cl.event_day[e], day);
      sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(st, 3);
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
      rc = kb_store_fail(s, "writing events");
      goto done;
    }
  }
  sqlite3_finalize(st);
  st = NULL;
  if (sqlite3_prepare_v2(s->db, "INSERT INTO event_articles VALUES(?,?)", -1,
                         &st, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "writing event members");
    goto done;
  }
  for (size_t i = 0; i < n; i++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (int64_t)cl.event_of[i] + 1);
    sqlite3_bind_int64(st, 2, docs[i].id);
    if (sqlite3_step(st) != SQLITE_DONE) {
      rc = kb_store_fail(s, "writing event members");
      goto done;
    }
  }
  sqlite3_finalize(st);
  st = NULL;
  if (sqlite3_exec(s->db,
                   "UPDATE events SET articles = (SELECT count(*) FROM"
                   " event_articles ea WHERE ea.event_id = events.id);",
                   NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(s->db, event_headline_sql, NULL, NULL, NULL) != SQLITE_OK) {
    rc = kb_store_fail(s, "naming events");
    goto done;
  }
done:
  sqlite3_finalize(st);
  if (rc == KB_OK) {
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
      rc = kb_store_fail(s, "committing the clustering");
  } else {
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  }
  for (size_t i = 0; i < n; i++) {
    free((char *)docs[i].title);
    free((char *)docs[i].text);
    free((char *)docs[i].language);
  }
  free(docs);
  kb_clustering_clear(&cl);
  return rc;
}
