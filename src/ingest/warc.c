/* kabar ingest: WARC 1.0/1.1 records (ISO 28500; the IIPC "WARC File
 * Format 1.1" text) → pages. Yields HTML and plain-text `response` and
 * `resource` records; parses the HTTP head, de-chunks, gunzips, and takes the
 * charset from Content-Type. Corrupt records become KB_EPARSE and reading
 * resynchronises at the next "WARC/" line. */
#include <stdio.h>
#include <string.h>

#include "ingest/ingest_int.h"
#include "kabar/dates.h"

/* The HTTP head must fit in this much of the record block; browsers and
 * servers cap headers lower than that. */
#define HTTP_HEAD_MAX ((size_t)64 << 10)
#define WARC_LINE_MAX ((size_t)64 << 10)
#define WARC_FIELDS_MAX 1000

typedef struct warc_head {
  kb_str type;  /* WARC-Type */
  kb_str uri;   /* WARC-Target-URI */
  kb_str date;  /* WARC-Date */
  kb_str ctype; /* Content-Type of the block */
  kb_str ptype; /* WARC-Identified-Payload-Type */
  uint64_t length;
  int has_length;
} warc_head;

typedef struct http_head {
  int status;
  kb_str ctype; /* Content-Type */
  kb_str te;    /* Transfer-Encoding */
  kb_str ce;    /* Content-Encoding */
  size_t body;  /* offset of the body in the block */
} http_head;

typedef unsigned long long ull;

/* Views into a buffer that may move: kept as offsets across the move. */
#define NOT_IN_BUF SIZE_MAX
static size_t view_offset(kb_str v, const kb_buf *b) {
  if (v.p && b->data && v.p >= b->data && v.p < b->data + b->len)
    return (size_t)(v.p - b->data);
  return NOT_IN_BUF;
}
static void view_restore(kb_str *v, size_t off, const kb_buf *b) {
  if (off != NOT_IN_BUF)
    v->p = b->data + off;
}

static int is_sp(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static kb_str trim(const char *p, size_t n) {
  while (n && is_sp(*p))
    p++, n--;
  while (n && is_sp(p[n - 1]))
    n--;
  return (kb_str){p, n};
}

static int prefix_ci(kb_str s, const char *pre) {
  size_t m = strlen(pre);
  return s.n >= m && kb_str_ieq_ascii((kb_str){s.p, m}, pre);
}

/* Copies a view into the arena as a C string. */
static char *dup_str(kb_reader *r, kb_str s) {
  return kb_arena_strndup(&r->arena, s.p ? s.p : "", s.n);
}

/* "text/html; charset=utf-8" → media type "text/html", charset "utf-8". */
static kb_str media_type(kb_str ct, kb_str *charset) {
  const char *semi = ct.n ? memchr(ct.p, ';', ct.n) : NULL;
  kb_str mt = trim(ct.p, semi ? (size_t)(semi - ct.p) : ct.n);
  *charset = (kb_str){NULL, 0};
  while (semi) {
    const char *p = semi + 1, *end = ct.p + ct.n;
    semi = memchr(p, ';', (size_t)(end - p));
    kb_str param = trim(p, (size_t)((semi ? semi : end) - p));
    if (!prefix_ci(param, "charset"))
      continue;
    kb_str v = trim(param.p + 7, param.n - 7);
    if (!v.n || v.p[0] != '=')
      continue;
    v = trim(v.p + 1, v.n - 1);
    if (v.n >= 2 && (v.p[0] == '"' || v.p[0] == '\''))
      v.p++, v.n -= 2;
    *charset = v;
  }
  return mt;
}

/* The page kind a media type gives, or -1 for payloads that are not pages. */
static int kind_of_media(kb_str mt) {
  if (kb_str_ieq_ascii(mt, "text/html") ||
      kb_str_ieq_ascii(mt, "application/xhtml+xml"))
    return KB_INPUT_HTML;
  if (kb_str_ieq_ascii(mt, "text/plain"))
    return KB_INPUT_TEXT;
  return -1;
}

/* Parses an HTTP response head at s[0..n). 1 = complete, 0 = the head does
 * not end within n bytes, -1 = not an HTTP response. */
static int http_parse(const char *s, size_t n, http_head *h) {
  memset(h, 0, sizeof *h);
  if (n < 12 || memcmp(s, "HTTP/", 5) != 0)
    return -1;
  size_t i = 5;
  while (i < n && s[i] != ' ' && s[i] != '\n')
    i++;
  while (i < n && s[i] == ' ')
    i++;
  if (i + 3 > n)
    return -1;
  for (int k = 0; k < 3; k++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    h->status = h->status * 10 + (s[i++] - '0');
  }
  const char *nl = memchr(s + i, '\n', n - i);
  if (!nl)
    return 0;
  i = (size_t)(nl - s) + 1;
  while (i < n) {
    nl = memchr(s + i, '\n', n - i);
    if (!nl)
      return 0;
    kb_str line = {s + i, (size_t)(nl - (s + i))};
    i = (size_t)(nl - s) + 1;
    if (line.n && line.p[line.n - 1] == '\r')
      line.n--;
    if (line.n == 0) {
      h->body = i;
      return 1;
    }
    const char *colon = memchr(line.p, ':', line.n);
    if (!colon)
      continue; /* tolerated: real servers send junk lines */
    kb_str name = trim(line.p, (size_t)(colon - line.p));
    kb_str value = trim(colon + 1, (size_t)(line.p + line.n - colon - 1));
    if (kb_str_ieq_ascii(name, "content-type"))
      h->ctype = value;
    else if (kb_str_ieq_ascii(name, "transfer-encoding"))
      h->te = value;
    else if (kb_str_ieq_ascii(name, "content-encoding"))
      h->ce = value;
  }
  return 0;
}

/* RFC 9112 §7.1 chunked coding. -1 when the body is not chunked at all
 * (some WARC writers store the de-chunked body and keep the header); a
 * truncated last chunk keeps what arrived. */
static kb_status dechunk(const char *s, size_t n, kb_buf *out, int *ok) {
  size_t i = 0, chunks = 0;
  *ok = 0;
  while (i < n) {
    size_t size = 0, digits = 0;
    int v;
    while (i < n && (v = kb_hex_digit((unsigned char)s[i])) >= 0) {
      if (size > (SIZE_MAX >> 4))
        return KB_OK;
      size = size * 16 + (size_t)v;
      i++, digits++;
    }
    if (!digits)
      break;
    while (i < n && s[i] != '\n')
      i++; /* chunk extensions */
    if (i < n)
      i++;
    if (size == 0)
      break;
    if (size > n - i)
      size = n - i;
    kb_status rc = kb_buf_append(out, s + i, size);
    if (rc)
      return rc;
    i += size, chunks++;
    if (i < n && s[i] == '\r')
      i++;
    if (i < n && s[i] == '\n')
      i++;
  }
  *ok = chunks > 0 || (n > 0 && s[0] == '0');
  return KB_OK;
}

kb_status kb_ingest_inflate(const char *s, size_t n, kb_buf *out) {
  unsigned char chunk[65536];
  z_stream zs;
  int raw = 0;
  size_t start_len = out->len;
retry:
  memset(&zs, 0, sizeof zs);
  /* 15+32: gzip or zlib by header; -15: raw deflate (what many servers
   * send as "Content-Encoding: deflate", against RFC 9110) */
  if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK)
    return KB_ENOMEM;
  zs.next_in = (unsigned char *)s;
  zs.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
  kb_status rc = KB_OK;
  for (;;) {
    zs.next_out = chunk;
    zs.avail_out = sizeof chunk;
    int zr = inflate(&zs, Z_NO_FLUSH);
    size_t made = sizeof chunk - zs.avail_out;
    if (made && (rc = kb_buf_append(out, chunk, made)))
      break;
    if (zr == Z_STREAM_END) {
      /* concatenated gzip members */
      if (zs.avail_in > 0 && !raw && zs.next_in[0] == 0x1f) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (zr == Z_OK)
      continue;
    if (zr == Z_BUF_ERROR && made)
      continue;
    if (zr != Z_BUF_ERROR && out->len == start_len && !raw) {
      inflateEnd(&zs);
      raw = 1;
      goto retry;
    }
    /* truncated or corrupt: keep what came out, if anything */
    if (out->len == start_len)
      rc = KB_EPARSE;
    break;
  }
  inflateEnd(&zs);
  return rc;
}

/* Reports a record that ended early (end of file or a gzip error) and
 * arranges to go on after it. */
static kb_status truncated(kb_reader *r, uint64_t rec, uint64_t off,
                           const char *what) {
  const char *why = r->in.err ? r->in.errmsg : "unexpected end of file";
  kb_status rc = kb_reader_fail(r, KB_EPARSE,
                                "%s#record=%llu (byte %llu): truncated %s: %s",
                                r->cur, (ull)rec, (ull)off, what, why);
  if (kb_in_recover(&r->in))
    r->resync = 1;
  else
    r->dead = 1;
  return rc;
}

static int parse_u64(kb_str s, uint64_t *out) {
  uint64_t v = 0;
  if (s.n == 0 || s.n > 19)
    return 0;
  for (size_t i = 0; i < s.n; i++) {
    if (s.p[i] < '0' || s.p[i] > '9')
      return 0;
    v = v * 10 + (uint64_t)(s.p[i] - '0');
  }
  *out = v;
  return 1;
}

/* Reads the named fields up to the blank line. The views point into the
 * arena. Returns KB_OK, or an error already reported. */
static kb_status read_fields(kb_reader *r, warc_head *h, uint64_t rec,
                             uint64_t off) {
  int overlong;
  memset(h, 0, sizeof *h);
  for (int fields = 0;; fields++) {
    kb_buf_reset(&r->line_buf);
    if (kb_in_getline(&r->in, &r->line_buf, WARC_LINE_MAX, &overlong) == 0)
      return truncated(r, rec, off, "record header");
    kb_str line = trim(r->line_buf.data, r->line_buf.len);
    if (line.n == 0)
      return KB_OK;
    if (fields >= WARC_FIELDS_MAX || overlong) {
      r->resync = 1;
      return kb_reader_fail(
          r, KB_EPARSE, "%s#record=%llu (byte %llu): record header too long",
          r->cur, (ull)rec, (ull)off);
    }
    if (r->line_buf.data[0] == ' ' || r->line_buf.data[0] == '\t')
      continue; /* a folded value: none of the fields we use are folded */
    const char *colon = memchr(line.p, ':', line.n);
    if (!colon) {
      r->resync = 1;
      return kb_reader_fail(r, KB_EPARSE,
                            "%s#record=%llu (byte %llu): malformed header line",
                            r->cur, (ull)rec, (ull)off);
    }
    kb_str name = trim(line.p, (size_t)(colon - line.p));
    kb_str value = trim(colon + 1, (size_t)(line.p + line.n - colon - 1));
    kb_str *slot = NULL;
    if (kb_str_ieq_ascii(name, "WARC-Type"))
      slot = &h->type;
    else if (kb_str_ieq_ascii(name, "WARC-Target-URI"))
      slot = &h->uri;
    else if (kb_str_ieq_ascii(name, "WARC-Date"))
      slot = &h->date;
    else if (kb_str_ieq_ascii(name, "Content-Type"))
      slot = &h->ctype;
    else if (kb_str_ieq_ascii(name, "WARC-Identified-Payload-Type"))
      slot = &h->ptype;
    else if (kb_str_ieq_ascii(name, "Content-Length")) {
      if (!parse_u64(value, &h->length)) {
        r->resync = 1;
        return kb_reader_fail(r, KB_EPARSE,
                              "%s#record=%llu (byte %llu): bad Content-Length",
                              r->cur, (ull)rec, (ull)off);
      }
      h->has_length = 1;
    }
    if (slot) {
      char *copy = dup_str(r, value);
      if (!copy)
        return KB_ENOMEM;
      *slot = (kb_str){copy, value.n};
    }
  }
}

/* Finds the next version line; KB_OK when found (r->record counts it). */
static kb_status find_record(kb_reader *r, uint64_t *off) {
  int overlong;
  for (;;) {
    *off = r->in.pos;
    kb_buf_reset(&r->line_buf);
    if (kb_in_getline(&r->in, &r->line_buf, 64, &overlong) == 0) {
      if (!r->in.err)
        return KB_DONE;
      if (r->resync && kb_in_recover(&r->in))
        continue; /* the damage was reported already */
      kb_status rc =
          kb_reader_fail(r, KB_EPARSE, "%s (byte %llu, after record %llu): %s",
                         r->cur, (ull)*off, (ull)r->record, r->in.errmsg);
      if (kb_in_recover(&r->in))
        r->resync = 1;
      else
        r->dead = 1;
      return rc;
    }
    kb_str line = trim(r->line_buf.data, r->line_buf.len);
    if (line.n == 0)
      continue;
    if (line.n >= 6 && memcmp(line.p, "WARC/", 5) == 0 && !overlong) {
      r->resync = 0;
      r->record++;
      return KB_OK;
    }
    if (!r->resync) {
      r->resync = 1;
      return kb_reader_fail(r, KB_EPARSE,
                            "%s (byte %llu, after record %llu): not a WARC "
                            "record; skipping to the next one",
                            r->cur, (ull)*off, (ull)r->record);
    }
  }
}

/* Undoes transfer and content codings of an HTTP body; *body may end up
 * in r->tmp or r->tmp2. */
static kb_status decode_body(kb_reader *r, const http_head *hh,
                             const char **body, size_t *len, uint64_t rec,
                             uint64_t off) {
  kb_status rc;
  if (hh->te.n && prefix_ci(hh->te, "chunked")) {
    int ok;
    if ((rc = dechunk(*body, *len, &r->tmp, &ok)))
      return rc;
    if (ok)
      *body = r->tmp.data ? r->tmp.data : "", *len = r->tmp.len;
  }
  kb_str ce = hh->ce;
  if (!ce.n || kb_str_ieq_ascii(ce, "identity"))
    return KB_OK;
  int gz = kb_str_ieq_ascii(ce, "gzip") || kb_str_ieq_ascii(ce, "x-gzip");
  if (!gz && !kb_str_ieq_ascii(ce, "deflate"))
    return kb_reader_fail(
        r, KB_EPARSE,
        "%s#record=%llu (byte %llu): Content-Encoding %.*s not "
        "supported",
        r->cur, (ull)rec, (ull)off, (int)(ce.n > 32 ? 32 : ce.n), ce.p);
  /* writers that store the decoded body but keep the header */
  if (gz && (*len < 2 || (unsigned char)(*body)[0] != 0x1f ||
             (unsigned char)(*body)[1] != 0x8b))
    return KB_OK;
  rc = kb_ingest_inflate(*body, *len, &r->tmp2);
  if (rc == KB_ELIMIT)
    return kb_reader_fail(r, KB_ELIMIT,
                          "%s#record=%llu (byte %llu): decoded body larger "
                          "than %zu MiB, skipped",
                          r->cur, (ull)rec, (ull)off, KB_INGEST_MAX_PAGE >> 20);
  if (rc == KB_EPARSE) {
    if (!gz)
      return KB_OK; /* "deflate" that was not: keep the bytes */
    return kb_reader_fail(r, KB_EPARSE,
                          "%s#record=%llu (byte %llu): cannot gunzip body",
                          r->cur, (ull)rec, (ull)off);
  }
  if (rc)
    return rc;
  *body = r->tmp2.data ? r->tmp2.data : "";
  *len = r->tmp2.len;
  return KB_OK;
}

/* Skips what is left of a record block; reports a truncation. */
static kb_status skip_rest(kb_reader *r, uint64_t left, uint64_t rec,
                           uint64_t off) {
  if (kb_in_skip(&r->in, left) < left)
    return truncated(r, rec, off, "record");
  return KB_OK;
}

kb_status kb_warc_next(kb_reader *r, kb_page *page) {
  kb_status rc;
  for (;;) {
    uint64_t off;
    if ((rc = find_record(r, &off)))
      return rc;
    uint64_t rec = r->record;
    warc_head h;
    if ((rc = read_fields(r, &h, rec, off)))
      return rc;
    if (!h.has_length) {
      r->resync = 1;
      return kb_reader_fail(r, KB_EPARSE,
                            "%s#record=%llu (byte %llu): no Content-Length",
                            r->cur, (ull)rec, (ull)off);
    }
    int response = kb_str_ieq_ascii(h.type, "response");
    if (!response && !kb_str_ieq_ascii(h.type, "resource")) {
      /* request, metadata, warcinfo, revisit, conversion, continuation */
      r->skipped++;
      if ((rc = skip_rest(r, h.length, rec, off)))
        return rc;
      continue;
    }
    /* first the head of the block: enough to decide without reading a
     * large non-page payload (video, archives) into memory */
    kb_buf_reset(&r->rec);
    size_t first = h.length < HTTP_HEAD_MAX ? (size_t)h.length : HTTP_HEAD_MAX;
    size_t got;
    if ((rc = kb_in_read(&r->in, &r->rec, first, &got)))
      return rc;
    if (got < first)
      return truncated(r, rec, off, "record");
    const char *blk = r->rec.data ? r->rec.data : "";
    http_head hh = {0};
    kb_str mt, charset = {NULL, 0};
    if (response) {
      int is_http = h.ctype.n ? prefix_ci(h.ctype, "application/http")
                              : (got >= 5 && memcmp(blk, "HTTP/", 5) == 0);
      int hr = is_http ? http_parse(blk, got, &hh) : -1;
      if (hr <= 0 || hh.status < 200 || hh.status > 299) {
        /* dns:, ftp, redirects, errors, heads too long: not pages */
        r->skipped++;
        if ((rc = skip_rest(r, h.length - got, rec, off)))
          return rc;
        continue;
      }
      mt = media_type(hh.ctype.n ? hh.ctype : h.ptype, &charset);
    } else {
      mt = media_type(h.ctype, &charset);
    }
    int kind = mt.n ? kind_of_media(mt) : (int)KB_INPUT_AUTO;
    if (kind < 0) {
      r->skipped++;
      if ((rc = skip_rest(r, h.length - got, rec, off)))
        return rc;
      continue;
    }
    if (h.length > KB_INGEST_MAX_PAGE) {
      if ((rc = skip_rest(r, h.length - got, rec, off)))
        return rc;
      return kb_reader_fail(r, KB_ELIMIT,
                            "%s#record=%llu (byte %llu): record of %llu bytes "
                            "is larger than %zu MiB, skipped",
                            r->cur, (ull)rec, (ull)off, (ull)h.length,
                            KB_INGEST_MAX_PAGE >> 20);
    }
    size_t more = (size_t)h.length - got, got2;
    /* reading the rest may move the buffer: the header views into it
     * must follow (they dangled before, on records over 64 KiB) */
    size_t o_ctype = view_offset(hh.ctype, &r->rec),
           o_te = view_offset(hh.te, &r->rec),
           o_ce = view_offset(hh.ce, &r->rec),
           o_charset = view_offset(charset, &r->rec);
    if ((rc = kb_in_read(&r->in, &r->rec, more, &got2)))
      return rc;
    view_restore(&hh.ctype, o_ctype, &r->rec);
    view_restore(&hh.te, o_te, &r->rec);
    view_restore(&hh.ce, o_ce, &r->rec);
    view_restore(&charset, o_charset, &r->rec);
    if (got2 < more)
      return truncated(r, rec, off, "record");
    const char *body = r->rec.data + hh.body;
    size_t blen = r->rec.len - hh.body;
    if (response && (rc = decode_body(r, &hh, &body, &blen, rec, off)))
      return rc;
    if (kind == KB_INPUT_AUTO) {
      /* no media type anywhere: keep it only when it is clearly HTML */
      if (!kb_sniff_html(body, blen)) {
        r->skipped++;
        continue;
      }
      kind = KB_INPUT_HTML;
    }
    int html = kind == KB_INPUT_HTML;
    page->source =
        kb_arena_printf(&r->arena, "%s#record=%llu", r->cur, (ull)rec);
    page->url = h.uri.n ? h.uri.p : NULL;
    const char *declared = charset.n ? dup_str(r, charset) : NULL;
    if (!page->source || (charset.n && !declared))
      return KB_ENOMEM;
    kb_datetime dt;
    if (h.date.n && kb_datetime_parse_iso(h.date.p, h.date.n, &dt))
      page->fetched = kb_datetime_epoch(&dt);
    return kb_ingest_emit(r, page, body, blen, (kb_input_kind)kind, declared,
                          html);
  }
}
