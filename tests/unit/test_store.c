/* Unit tests for src/store: schema version, put/has, batches, rollback,
 * clustering and the named queries. */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "kabar/store.h"
#include "kbtest.h"

static void make_article(kb_article *a, const char *title, const char *body,
                         int y, int m, int d) {
  kb_article_clear(a);
  kb_article_set(a, &a->title, title, strlen(title));
  kb_article_set(a, &a->outlet, "Harian", 6);
  kb_article_set(a, &a->language, "en", 2);
  kb_article_add_para(a, body, strlen(body));
  a->published = (kb_date){{y, m, d, 9, 30, 0, 420, 1}, KB_FROM_PRINTED, 0.9};
}

static int count_rows(kb_store *s, const char *q, const char *arg) {
  kb_rows *r;
  kb_row row;
  int n = 0;
  if (kb_store_query(s, q, arg, &r) != KB_OK)
    return -1;
  while (kb_rows_next(r, &row) == KB_ROW)
    n++;
  kb_rows_free(r);
  return n;
}

int main(void) {
  char path[] = "/tmp/kb_test_store_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  close(fd);
  unlink(path);
  kb_store *s;
  CHECK_INT(kb_store_open(path, 0, &s), KB_OK);
  CHECK_INT(kb_store_schema_version(s), 1);
  kb_article a;
  kb_article_init(&a);
  char h1[33], h2[33];
  kb_page_hash("page one", 8, h1);
  kb_page_hash("page two", 8, h2);
  CHECK(strcmp(h1, h2) != 0);
  CHECK_INT(kb_store_has_page(s, h1), 0);

  /* a rolled-back batch leaves nothing */
  int64_t id;
  make_article(&a, "Flood in the valley", "Heavy rain flooded the valley.",
               2023, 3, 1);
  CHECK_INT(kb_store_begin(s), KB_OK);
  CHECK_INT(kb_store_put(s, h1, &a, &id), KB_OK);
  CHECK_INT(kb_store_rollback(s), KB_OK);
  CHECK_INT(kb_store_has_page(s, h1), 0);

  CHECK_INT(kb_store_begin(s), KB_OK);
  CHECK_INT(kb_store_put(s, h1, &a, &id), KB_OK);
  CHECK_INT(id, 1);
  make_article(&a, "Valley flood: thousands evacuated",
               "Heavy rain flooded the valley and thousands were evacuated.",
               2023, 3, 2);
  CHECK_INT(kb_store_put(s, h2, &a, &id), KB_OK);
  /* the same page twice is refused by the unique key */
  CHECK(kb_store_put(s, h2, &a, &id) == KB_EDB);
  CHECK_INT(kb_store_commit(s), KB_OK);
  CHECK_INT(kb_store_has_page(s, h2), 1);
  CHECK_INT(kb_store_cluster_stale(s), 1);

  CHECK_INT(kb_store_cluster(s, NULL), KB_OK);
  CHECK_INT(kb_store_cluster_stale(s), 0);
  CHECK_INT(count_rows(s, "articles", NULL), 2);
  CHECK_INT(count_rows(s, "events", NULL), 1);
  CHECK_INT(count_rows(s, "storylines", NULL), 1);
  CHECK_INT(count_rows(s, "timeline", "flooded valley"), 1);
  CHECK_INT(count_rows(s, "timeline", "volcano"), 0);
  CHECK_INT(count_rows(s, "timeline", "\"unbalanced ( query"), 0);
  CHECK_INT(count_rows(s, "article", "2"), 1);
  kb_rows *r;
  CHECK_INT(kb_store_query(s, "article", "x", &r), KB_EINVAL);
  CHECK_INT(kb_store_query(s, "nonsense", NULL, &r), KB_EINVAL);

  /* the event row names the outlet and the earliest title */
  kb_row row;
  CHECK_INT(kb_store_query(s, "events", NULL, &r), KB_OK);
  CHECK_INT(kb_rows_next(r, &row), KB_ROW);
  CHECK_STR(row.names[1], "day");
  CHECK_STR(row.values[1], "2023-03-01");
  CHECK_STR(row.values[4], "Harian");
  CHECK_STR(row.values[5], "Flood in the valley");
  kb_rows_free(r);
  kb_store_close(s);

  /* reopened read-only, the data is there */
  CHECK_INT(kb_store_open(path, KB_STORE_READONLY, &s), KB_OK);
  CHECK_INT(count_rows(s, "articles", NULL), 2);
  kb_store_close(s);

  /* a store from a newer kabar is refused, not damaged */
  sqlite3 *db;
  CHECK(sqlite3_open(path, &db) == SQLITE_OK);
  CHECK(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL) ==
        SQLITE_OK);
  sqlite3_close(db);
  CHECK_INT(kb_store_open(path, 0, &s), KB_EDB);
  CHECK(strstr(kb_store_errmsg(s), "99") != NULL);
  kb_store_close(s);
  kb_article_free(&a);
  unlink(path);
  char wal[64];
  snprintf(wal, sizeof wal, "%s-wal", path);
  unlink(wal);
  snprintf(wal, sizeof wal, "%s-shm", path);
  unlink(wal);
  return KBT_DONE();
}
