/* kabar ingest: walks a folder recursively, files in byte order of their
 * names, skipping hidden entries and never entering a folder that is already
 * open above (symlink loops). Feeds file paths to the reader. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest/ingest_int.h"

/* Deeper than this is a loop the dev/inode check missed, or abuse. */
#define WALK_MAX_DEPTH 64

struct kb_walk_dir {
  char *path;   /* folder path, no trailing '/' (except for "/") */
  char **names; /* sorted entry names */
  size_t n, i;  /* entries, next one */
  dev_t dev;
  ino_t ino;
};

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void dir_free(kb_walk_dir *d) {
  for (size_t k = 0; k < d->n; k++)
    free(d->names[k]);
  free(d->names);
  free(d->path);
  memset(d, 0, sizeof *d);
}

void kb_walk_init(kb_walk *w, const char *root) {
  memset(w, 0, sizeof *w);
  w->root = root;
  kb_buf_init(&w->path, 0);
}

void kb_walk_clear(kb_walk *w) {
  for (size_t k = 0; k < w->depth; k++)
    dir_free(&w->stack[k]);
  free(w->stack);
  kb_buf_clear(&w->path);
  memset(w, 0, sizeof *w);
}

/* Opens a folder and pushes its sorted entries. */
static kb_status push_dir(kb_walk *w, const char *path, const struct stat *st,
                          kb_buf *msg) {
  for (size_t k = 0; k < w->depth; k++)
    if (w->stack[k].dev == st->st_dev && w->stack[k].ino == st->st_ino)
      return KB_OK; /* a symlink back to an open folder: a loop */
  if (w->depth >= WALK_MAX_DEPTH) {
    kb_buf_reset(msg);
    kb_buf_printf(msg, "%s: folders nested too deep, not entered", path);
    return KB_EIO;
  }
  if (w->depth == w->cap) {
    size_t cap = w->cap ? w->cap * 2 : 8;
    kb_walk_dir *s = realloc(w->stack, cap * sizeof *s);
    if (!s)
      return KB_ENOMEM;
    w->stack = s;
    w->cap = cap;
  }
  DIR *dir = opendir(path);
  if (!dir) {
    kb_buf_reset(msg);
    kb_buf_printf(msg, "%s: cannot open folder: %s", path, strerror(errno));
    return KB_EIO;
  }
  kb_walk_dir d = {.dev = st->st_dev, .ino = st->st_ino};
  size_t cap = 0;
  kb_status rc = KB_ENOMEM;
  d.path = strdup(path);
  if (!d.path)
    goto fail;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.')
      continue; /* hidden, "." and ".." */
    if (d.n == cap) {
      cap = cap ? cap * 2 : 32;
      char **nn = realloc(d.names, cap * sizeof *nn);
      if (!nn)
        goto fail;
      d.names = nn;
    }
    if (!(d.names[d.n] = strdup(e->d_name)))
      goto fail;
    d.n++;
  }
  closedir(dir);
  dir = NULL;
  if (d.n)
    qsort(d.names, d.n, sizeof *d.names, cmp_names);
  w->stack[w->depth++] = d;
  return KB_OK;
fail:
  if (dir)
    closedir(dir);
  dir_free(&d);
  return rc;
}

static kb_status join(kb_buf *b, const char *dir, const char *name) {
  kb_buf_reset(b);
  kb_status rc = kb_buf_puts(b, dir);
  size_t n = strlen(dir);
  if (!rc && (n == 0 || dir[n - 1] != '/'))
    rc = kb_buf_putc(b, '/');
  if (!rc)
    rc = kb_buf_puts(b, name);
  return rc;
}

kb_status kb_walk_next(kb_walk *w, kb_buf *msg) {
  struct stat st;
  kb_status rc;
  if (!w->started) {
    w->started = 1;
    if (stat(w->root, &st) != 0) {
      kb_buf_reset(msg);
      kb_buf_printf(msg, "%s: %s", w->root, strerror(errno));
      return KB_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
      /* "dir/" and "dir" give the same paths */
      size_t n = strlen(w->root);
      while (n > 1 && w->root[n - 1] == '/')
        n--;
      char *root = strndup(w->root, n);
      if (!root)
        return KB_ENOMEM;
      rc = push_dir(w, root, &st, msg);
      free(root);
      if (rc)
        return rc;
    } else {
      kb_buf_reset(&w->path);
      if ((rc = kb_buf_puts(&w->path, w->root)))
        return rc;
      return KB_ROW;
    }
  }
  while (w->depth > 0) {
    kb_walk_dir *d = &w->stack[w->depth - 1];
    if (d->i == d->n) {
      dir_free(d);
      w->depth--;
      continue;
    }
    const char *name = d->names[d->i++];
    if ((rc = join(&w->path, d->path, name)))
      return rc;
    if (stat(w->path.data, &st) != 0) {
      kb_buf_reset(msg);
      kb_buf_printf(msg, "%s: %s", w->path.data, strerror(errno));
      return KB_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
      char *sub = strdup(w->path.data);
      if (!sub)
        return KB_ENOMEM;
      rc = push_dir(w, sub, &st, msg);
      free(sub);
      if (rc)
        return rc;
      continue;
    }
    if (S_ISREG(st.st_mode))
      return KB_ROW;
    /* fifos, sockets and devices are not pages (and could block) */
  }
  return KB_DONE;
}
