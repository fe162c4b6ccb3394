/* kabar ingest: the reader. Turns a path (file, folder, "-") into a stream
 * of pages: picks the format of each file by name and content, reads single
 * pages (.txt, .html, .html.gz, sniffed files) itself and hands containers to
 * the WARC and JSONL readers. First stage of the pipeline. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest_int.h"

typedef enum file_kind {
  FK_UNKNOWN = 0,
  FK_TEXT,
  FK_HTML,
  FK_WARC,
  FK_JSONL
} file_kind;

/* Extension → kind, after an optional ".gz" (the stream gunzips anything
 * that starts with the gzip magic). */
static const struct {
  const char *ext;
  file_kind kind;
} extensions[] = {
    {".txt", FK_TEXT},    {".text", FK_TEXT},    {".html", FK_HTML},
    {".htm", FK_HTML},    {".xhtml", FK_HTML},   {".warc", FK_WARC},
    {".jsonl", FK_JSONL}, {".ndjson", FK_JSONL},
};

static int ends_with_ci(const char *s, size_t n, const char *suffix) {
  size_t m = strlen(suffix);
  if (m > n)
    return 0;
  for (size_t i = 0; i < m; i++) {
    char c = s[n - m + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c != suffix[i])
      return 0;
  }
  return 1;
}

static file_kind kind_by_name(const char *path) {
  size_t n = strlen(path);
  if (ends_with_ci(path, n, ".gz"))
    n -= 3;
  for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
    if (ends_with_ci(path, n, extensions[i].ext))
      return extensions[i].kind;
  return FK_UNKNOWN;
}

kb_status kb_reader_fail(kb_reader *r, kb_status rc, const char *fmt, ...) {
  va_list ap;
  char small[512];
  va_start(ap, fmt);
  vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  kb_buf_reset(&r->err);
  kb_buf_puts(&r->err, small);
  return rc;
}

kb_status kb_reader_open(const char *path, unsigned flags, kb_reader **out) {
  if (!path || !out || !*path)
    return KB_EINVAL;
  *out = NULL;
  kb_reader *r = calloc(1, sizeof *r);
  if (!r)
    return KB_ENOMEM;
  r->root = strdup(path);
  if (!r->root) {
    free(r);
    return KB_ENOMEM;
  }
  r->flags = flags;
  r->is_stdin = strcmp(path, "-") == 0;
  kb_walk_init(&r->walk, r->root);
  r->in.fd = -1;
  kb_arena_init(&r->arena);
  kb_buf_init(&r->line_buf, KB_INGEST_MAX_PAGE);
  kb_buf_init(&r->rec, KB_INGEST_MAX_PAGE + 1);
  kb_buf_init(&r->tmp, KB_INGEST_MAX_PAGE);
  kb_buf_init(&r->tmp2, KB_INGEST_MAX_PAGE);
  /* legacy bytes grow up to 3x in UTF-8 (U+FFFD, CJK) */
  kb_buf_init(&r->out, 3 * KB_INGEST_MAX_PAGE + 16);
  kb_buf_init(&r->err, 0);
  *out = r;
  return KB_OK;
}

static void close_file(kb_reader *r) {
  if (r->in.buf)
    kb_in_close(&r->in);
  free(r->cur);
  r->cur = NULL;
  r->mode = KB_MODE_NONE;
  r->record = r->line = 0;
  r->resync = r->dead = 0;
}

void kb_reader_free(kb_reader *r) {
  if (!r)
    return;
  close_file(r);
  kb_walk_clear(&r->walk);
  kb_arena_clear(&r->arena);
  kb_buf_clear(&r->line_buf);
  kb_buf_clear(&r->rec);
  kb_buf_clear(&r->tmp);
  kb_buf_clear(&r->tmp2);
  kb_buf_clear(&r->out);
  kb_buf_clear(&r->err);
  free(r->root);
  free(r);
}

const char *kb_reader_errmsg(const kb_reader *r) {
  return r && r->err.data ? r->err.data : "";
}

/* Big buffers from an earlier huge page are given back, so memory follows
 * the current page rather than the largest one seen. */
static void trim_buf(kb_buf *b) {
  if (b->cap > ((size_t)8 << 20)) {
    size_t max = b->max;
    kb_buf_clear(b);
    kb_buf_init(b, max);
  } else {
    kb_buf_reset(b);
  }
}

kb_status kb_ingest_emit(kb_reader *r, kb_page *page, const char *data,
                         size_t len, kb_input_kind kind, const char *declared,
                         int html_hint) {
  const char *used = NULL;
  /* --input text|html: every page of every format is that kind */
  if (r->flags & KB_READ_FORCE_TEXT)
    kind = KB_INPUT_TEXT, html_hint = 0;
  if (r->flags & KB_READ_FORCE_HTML)
    kind = KB_INPUT_HTML, html_hint = 1;
  kb_buf_reset(&r->out);
  kb_status rc = kb_to_utf8(data, len, declared, html_hint, &r->out, &used);
  if (rc == KB_ELIMIT)
    return kb_reader_fail(r, KB_ELIMIT, "%s: page too large after conversion",
                          page->source);
  if (rc)
    return rc;
  page->kind = kind;
  page->data = kb_buf_cstr(&r->out);
  page->len = r->out.len;
  page->charset = used;
  return KB_ROW;
}

/* Reads the rest of the open file into r->rec (at most the page cap). */
static kb_status read_whole(kb_reader *r, const char *name) {
  size_t got;
  kb_status rc = kb_in_read(&r->in, &r->rec, KB_INGEST_MAX_PAGE + 1, &got);
  if (rc == KB_ELIMIT || r->rec.len > KB_INGEST_MAX_PAGE)
    return kb_reader_fail(r, KB_ELIMIT, "%s: page larger than %zu MiB, skipped",
                          name, KB_INGEST_MAX_PAGE >> 20);
  if (rc)
    return rc;
  if (r->in.err)
    return kb_reader_fail(r, r->in.gz ? KB_EPARSE : KB_EIO, "%s: %s", name,
                          r->in.errmsg);
  return KB_OK;
}

/* One file or stdin holding a single page, or a container to step into.
 * Returns KB_DONE when the file became the current container. */
static kb_status open_input(kb_reader *r, const char *path, int fd,
                            kb_page *page) {
  kb_status rc;
  file_kind fk = r->is_stdin ? FK_UNKNOWN : kind_by_name(path);
  struct stat st;
  if (!r->is_stdin && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      (fk == FK_TEXT || fk == FK_HTML || fk == FK_UNKNOWN) &&
      (uint64_t)st.st_size > KB_INGEST_MAX_PAGE) {
    close(fd);
    return kb_reader_fail(r, KB_ELIMIT, "%s: page larger than %zu MiB, skipped",
                          path, KB_INGEST_MAX_PAGE >> 20);
  }
  if ((rc = kb_in_open_fd(&r->in, fd, !r->is_stdin))) {
    if (!r->is_stdin)
      close(fd);
    return rc;
  }
  if (!(r->cur = strdup(path))) {
    rc = KB_ENOMEM;
    goto done;
  }
  if (fk == FK_UNKNOWN) {
    /* a WARC under another name (or on stdin) is still a WARC; JSON Lines
     * on stdin (a crawler piping records) start with '{', which neither
     * HTML nor page text does */
    const unsigned char *p;
    size_t n = kb_in_peek(&r->in, 64, &p), k = 0;
    if (n >= 6 && memcmp(p, "WARC/", 5) == 0)
      fk = FK_WARC;
    while (k < n &&
           (p[k] == ' ' || p[k] == '\n' || p[k] == '\r' || p[k] == '\t'))
      k++;
    if (fk == FK_UNKNOWN && k < n && p[k] == '{' &&
        !(r->flags & (KB_READ_FORCE_TEXT | KB_READ_FORCE_HTML)))
      fk = FK_JSONL;
  }
  if (fk == FK_WARC || fk == FK_JSONL) {
    r->mode = fk == FK_WARC ? KB_MODE_WARC : KB_MODE_JSONL;
    return KB_DONE;
  }
  rc = read_whole(r, path);
  if (rc)
    goto done;
  const char *data = r->rec.data ? r->rec.data : "";
  size_t len = r->rec.len;
  kb_input_kind kind = KB_INPUT_AUTO;
  int html = 0;
  if (fk == FK_TEXT) {
    kind = KB_INPUT_TEXT;
  } else if (fk == FK_HTML) {
    kind = KB_INPUT_HTML, html = 1;
  } else {
    if (kb_ingest_sniff_binary(data, len)) {
      rc = kb_reader_fail(r, KB_EPARSE, "%s: binary file, not a page", path);
      goto done;
    }
    html = kb_sniff_html(data, len);
    /* stdin stays AUTO: the extractor sniffs again with more context */
    if (!r->is_stdin)
      kind = html ? KB_INPUT_HTML : KB_INPUT_TEXT;
  }
  if (!(page->source = kb_arena_strdup(&r->arena, path))) {
    rc = KB_ENOMEM;
    goto done;
  }
  rc = kb_ingest_emit(r, page, data, len, kind, NULL, html);
done:
  close_file(r);
  return rc;
}

kb_status kb_reader_next(kb_reader *r, kb_page *page) {
  kb_status rc;
  if (!r || !page)
    return KB_EINVAL;
  memset(page, 0, sizeof *page);
  kb_arena_reset(&r->arena);
  trim_buf(&r->line_buf);
  trim_buf(&r->rec);
  trim_buf(&r->tmp);
  trim_buf(&r->tmp2);
  trim_buf(&r->out);
  kb_buf_reset(&r->err);
  for (;;) {
    if (r->mode != KB_MODE_NONE) {
      rc = r->dead                   ? KB_DONE
           : r->mode == KB_MODE_WARC ? kb_warc_next(r, page)
                                     : kb_jsonl_next(r, page);
      if (rc != KB_DONE)
        return rc;
      close_file(r);
      continue;
    }
    if (r->is_stdin) {
      if (r->stdin_done)
        return KB_DONE;
      r->stdin_done = 1;
      rc = open_input(r, "-", 0, page);
      if (rc == KB_DONE)
        continue;
      return rc;
    }
    rc = kb_walk_next(&r->walk, &r->err);
    if (rc != KB_ROW)
      return rc;
    const char *path = r->walk.path.data;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      return kb_reader_fail(r, KB_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    rc = open_input(r, path, fd, page);
    if (rc == KB_DONE)
      continue;
    return rc;
  }
}
