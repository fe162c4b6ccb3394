/* One gzip member appended to a buffer: how the ingest tests and the ingest
 * benchmark build .warc.gz / .jsonl.gz inputs (zlib, link with it). */
#ifndef KBGZ_H
#define KBGZ_H

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "kabar/core.h"

/* Appends data[0..len) to out as one gzip member at the given zlib level
 * (1 fast .. 9 small). */
static inline void kbt_gzip_append(kb_buf *out, const void *data, size_t len,
                                   int level) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  uLong bound = deflateBound(&zs, (uLong)len) + 32;
  unsigned char *tmp = malloc(bound);
  if (tmp) {
    zs.next_in = (unsigned char *)data;
    zs.avail_in = (uInt)len;
    zs.next_out = tmp;
    zs.avail_out = (uInt)bound;
    deflate(&zs, Z_FINISH);
    kb_buf_append(out, tmp, bound - zs.avail_out);
  }
  deflateEnd(&zs);
  free(tmp);
}

#endif
