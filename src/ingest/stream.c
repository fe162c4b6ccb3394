/* kabar ingest: a buffered byte stream over a file descriptor that gunzips
 * on the fly (multi-member, as WARC files gzip each record alone) and
 * resynchronises to the next gzip member after corrupt data. Memory is two
 * fixed windows, whatever the size of the file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/ingest_int.h"

#define RAW_CAP ((size_t)256 << 10)
#define BUF_CAP ((size_t)1 << 20)

static const unsigned char gz_magic[3] = {0x1f, 0x8b, 0x08};

kb_status kb_in_open_fd(kb_in *in, int fd, int own_fd) {
  memset(in, 0, sizeof *in);
  in->fd = fd;
  in->own_fd = own_fd;
  in->buf = malloc(BUF_CAP);
  in->raw = malloc(RAW_CAP);
  if (!in->buf || !in->raw) {
    kb_in_close(in);
    return KB_ENOMEM;
  }
  in->cap = BUF_CAP;
  return KB_OK;
}

void kb_in_close(kb_in *in) {
  if (in->z_live)
    inflateEnd(&in->zs);
  if (in->own_fd && in->fd >= 0)
    close(in->fd);
  free(in->buf);
  free(in->raw);
  memset(in, 0, sizeof *in);
  in->fd = -1;
}

static void set_err(kb_in *in, const char *what) {
  in->err = 1;
  snprintf(in->errmsg, sizeof in->errmsg, "%s", what);
}

/* read() into dst, retrying on EINTR; -1 sets the stream error. */
static ssize_t read_some(kb_in *in, unsigned char *dst, size_t n) {
  for (;;) {
    ssize_t k = read(in->fd, dst, n);
    if (k >= 0)
      return k;
    if (errno == EINTR)
      continue;
    set_err(in, strerror(errno));
    return -1;
  }
}

/* Tops up the compressed window; 0 at end of file or on error. */
static size_t raw_refill(kb_in *in) {
  if (in->raw_eof || in->err)
    return 0;
  if (in->raw_pos > 0) {
    memmove(in->raw, in->raw + in->raw_pos, in->raw_len - in->raw_pos);
    in->raw_len -= in->raw_pos;
    in->raw_pos = 0;
  }
  if (in->raw_len == RAW_CAP)
    return 0;
  ssize_t k = read_some(in, in->raw + in->raw_len, RAW_CAP - in->raw_len);
  if (k <= 0) {
    in->raw_eof = 1;
    return 0;
  }
  in->raw_len += (size_t)k;
  return (size_t)k;
}

/* Decides once, from the first bytes, whether the stream is gzip. */
static int detect_gzip(kb_in *in) {
  while (in->raw_len < 2 && raw_refill(in) > 0) {
  }
  if (in->raw_len >= 2 && in->raw[0] == 0x1f && in->raw[1] == 0x8b) {
    memset(&in->zs, 0, sizeof in->zs);
    if (inflateInit2(&in->zs, 15 + 16) != Z_OK) {
      set_err(in, "cannot initialise zlib");
      return -1;
    }
    in->z_live = 1;
    in->gz = 1;
  }
  return 0;
}

/* Looks for the next gzip member header in the compressed window. 1 when
 * the stream sits on one, 0 at the end of the file. */
static int find_member(kb_in *in) {
  for (;;) {
    size_t avail = in->raw_len - in->raw_pos;
    const unsigned char *p = in->raw + in->raw_pos;
    for (size_t i = 0; i + 3 <= avail; i++) {
      if (p[i] == gz_magic[0] && memcmp(p + i, gz_magic, 3) == 0) {
        in->raw_pos += i;
        return 1;
      }
    }
    /* keep a possible partial magic at the end of the window */
    if (avail > 2)
      in->raw_pos += avail - 2;
    if (raw_refill(in) == 0) {
      in->raw_pos = in->raw_len;
      return 0;
    }
  }
}

/* Produces decoded bytes at buf[end..cap); returns how many (0 = end or
 * error). */
static size_t produce_gz(kb_in *in) {
  size_t before = in->end;
  while (in->end == before) {
    if (in->z_resync) {
      if (!find_member(in))
        return 0;
      inflateReset(&in->zs);
      in->z_resync = 2; /* probing: a false magic fails quietly */
    }
    if (in->raw_pos == in->raw_len)
      raw_refill(in);
    if (in->err)
      return in->end - before;
    in->zs.next_in = in->raw + in->raw_pos;
    in->zs.avail_in = (uInt)(in->raw_len - in->raw_pos);
    in->zs.next_out = in->buf + in->end;
    in->zs.avail_out = (uInt)(in->cap - in->end);
    int zr = inflate(&in->zs, Z_NO_FLUSH);
    in->raw_pos = in->raw_len - in->zs.avail_in;
    in->end = in->cap - in->zs.avail_out;
    if (in->end > before && in->z_resync == 2)
      in->z_resync = 0;
    if (zr == Z_STREAM_END) {
      in->z_resync = 0;
      /* another member may follow: gzip per record, or concatenated files;
       * anything else after the end (padding) is skipped quietly */
      if (in->raw_pos == in->raw_len)
        raw_refill(in);
      if (in->raw_pos == in->raw_len) {
        in->raw_eof = 1;
        return in->end - before;
      }
      if (in->raw_len - in->raw_pos >= 3 &&
          memcmp(in->raw + in->raw_pos, gz_magic, 3) == 0) {
        inflateReset(&in->zs);
      } else {
        in->z_resync = 2;
      }
      continue;
    }
    if (zr == Z_OK)
      continue;
    if (zr == Z_BUF_ERROR) {
      /* no progress: more input is needed and there is none */
      if (in->raw_pos == in->raw_len) {
        if (!in->raw_eof)
          continue;
        if (in->z_resync != 2)
          set_err(in, "truncated gzip data");
        return in->end - before;
      }
    }
    if (zr == Z_MEM_ERROR) {
      set_err(in, "out of memory in zlib");
      return in->end - before;
    }
    /* Z_DATA_ERROR and friends: step past this header and look again */
    if (in->raw_pos < in->raw_len)
      in->raw_pos++;
    if (in->z_resync == 2) {
      in->z_resync = 1;
      continue;
    }
    in->z_resync = 1;
    in->gz_errors++;
    char msg[96];
    snprintf(msg, sizeof msg, "corrupt gzip data (%s)",
             in->zs.msg ? in->zs.msg : "inflate failed");
    set_err(in, msg);
    return in->end - before;
  }
  return in->end - before;
}

/* Makes room and produces more decoded bytes; 0 at the end. */
static size_t fill(kb_in *in) {
  if (in->err)
    return 0;
  if (in->start == in->end) {
    in->start = in->end = 0;
  } else if (in->end == in->cap) {
    memmove(in->buf, in->buf + in->start, in->end - in->start);
    in->end -= in->start;
    in->start = 0;
  }
  if (!in->raw && !in->buf)
    return 0;
  if (!in->gz && !in->raw_eof && in->raw_len == 0 && in->pos == 0 &&
      in->end == 0) {
    if (detect_gzip(in) < 0)
      return 0;
  }
  if (in->gz)
    return produce_gz(in);
  /* plain: hand over what detect_gzip already read, then read directly */
  if (in->raw_pos < in->raw_len) {
    size_t k = in->raw_len - in->raw_pos;
    if (k > in->cap - in->end)
      k = in->cap - in->end;
    memcpy(in->buf + in->end, in->raw + in->raw_pos, k);
    in->raw_pos += k;
    in->end += k;
    return k;
  }
  if (in->raw_eof)
    return 0;
  ssize_t k = read_some(in, in->buf + in->end, in->cap - in->end);
  if (k <= 0) {
    in->raw_eof = 1;
    return 0;
  }
  in->end += (size_t)k;
  return (size_t)k;
}

size_t kb_in_peek(kb_in *in, size_t want, const unsigned char **p) {
  if (want > in->cap / 2)
    want = in->cap / 2;
  while (in->end - in->start < want) {
    if (in->cap - in->start < want) {
      memmove(in->buf, in->buf + in->start, in->end - in->start);
      in->end -= in->start;
      in->start = 0;
    }
    if (fill(in) == 0)
      break;
  }
  *p = in->buf + in->start;
  return in->end - in->start;
}

static void consume(kb_in *in, size_t n) {
  in->start += n;
  in->pos += n;
}

size_t kb_in_getline(kb_in *in, kb_buf *line, size_t max, int *overlong) {
  size_t total = 0, kept = 0;
  *overlong = 0;
  for (;;) {
    if (in->start == in->end && fill(in) == 0)
      return total;
    const unsigned char *s = in->buf + in->start;
    size_t avail = in->end - in->start;
    const unsigned char *nl = memchr(s, '\n', avail);
    size_t take = nl ? (size_t)(nl - s) + 1 : avail;
    size_t keep = take;
    if (keep > max - kept) {
      keep = max - kept;
      *overlong = 1;
    }
    if (keep && kb_buf_append(line, s, keep) != KB_OK)
      *overlong = 1;
    kept += keep;
    total += take;
    consume(in, take);
    if (nl)
      return total;
  }
}

kb_status kb_in_read(kb_in *in, kb_buf *out, size_t n, size_t *got) {
  *got = 0;
  while (*got < n) {
    if (in->start == in->end && fill(in) == 0)
      break;
    size_t take = in->end - in->start;
    if (take > n - *got)
      take = n - *got;
    kb_status rc = kb_buf_append(out, in->buf + in->start, take);
    if (rc)
      return rc;
    consume(in, take);
    *got += take;
  }
  return KB_OK;
}

uint64_t kb_in_skip(kb_in *in, uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    if (in->start == in->end && fill(in) == 0)
      break;
    size_t take = in->end - in->start;
    if (take > n - done)
      take = (size_t)(n - done);
    consume(in, take);
    done += take;
  }
  return done;
}

int kb_in_recover(kb_in *in) {
  if (!in->err)
    return 1;
  if (!in->gz || !in->z_resync)
    return 0; /* read errors and truncation */
  in->err = 0;
  in->errmsg[0] = '\0';
  in->pos += in->end - in->start;
  in->start = in->end = 0;
  return 1;
}
