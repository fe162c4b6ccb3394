/* Benchmark of the ingest stage: writes a synthetic WARC (~200 MB of
 * records: requests, HTML responses, some gzip-encoded and chunked, some
 * images) in /tmp, as .warc.gz (gzip per record) and as plain .warc, then
 * times kb_reader over each. Usage: bench_ingest [MB] (default 200). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../tests/kbgz.h"
#include "bench_util.h"
#include "kabar/ingest.h"

/* xorshift: the same corpus on every run */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static const char *const words[] = {
    "yang",    "dan",     "di",       "pemerintah", "Jakarta", "presiden",
    "rakyat",  "ekonomi", "menurut",  "kebijakan",  "tahun",   "dalam",
    "the",     "of",      "minister", "said",       "on",      "Tuesday",
    "markets", "growth",  "café",     "über",       "наука",   "新闻"};

static void sentence(kb_buf *b, int nwords) {
  for (int i = 0; i < nwords; i++) {
    if (i)
      kb_buf_putc(b, ' ');
    kb_buf_puts(b, words[next_rand() % (sizeof words / sizeof words[0])]);
  }
  kb_buf_puts(b, ". ");
}

static void html_page(kb_buf *b, int id) {
  kb_buf_printf(b,
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                "<title>Berita %d</title></head><body><article>",
                id);
  int paras = 8 + (int)(next_rand() % 20);
  for (int p = 0; p < paras; p++) {
    kb_buf_puts(b, "<p>");
    for (int s = 0; s < 4; s++)
      sentence(b, 8 + (int)(next_rand() % 12));
    kb_buf_puts(b, "</p>\n");
  }
  kb_buf_puts(b, "</article></body></html>");
}

static void record(kb_buf *out, const char *type, int id, const char *block,
                   size_t len) {
  kb_buf_printf(out,
                "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: "
                "<urn:uuid:%08d-bench>\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
                "WARC-Target-URI: https://news.example/%d\r\nContent-Type: "
                "application/http; msgtype=%s\r\nContent-Length: %zu\r\n\r\n",
                type, id, id, type, len);
  kb_buf_append(out, block, len);
  kb_buf_puts(out, "\r\n\r\n");
}

/* Writes both files; returns the uncompressed bytes. */
static size_t generate(const char *gz_path, const char *plain_path,
                       size_t target, long *pages) {
  FILE *fgz = fopen(gz_path, "wb"), *fpl = fopen(plain_path, "wb");
  if (!fgz || !fpl)
    return 0;
  kb_buf page, body, rec, z;
  kb_buf_init(&page, 0);
  kb_buf_init(&body, 0);
  kb_buf_init(&rec, 0);
  kb_buf_init(&z, 0);
  size_t total = 0;
  *pages = 0;
  for (int id = 0; total < target; id++) {
    kb_buf_reset(&rec);
    kb_buf_reset(&body);
    kb_buf_reset(&page);
    const char *req = "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n";
    record(&rec, "request", id, req, strlen(req));
    int variant = id % 10;
    if (variant == 9) {
      kb_buf_puts(&body, "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n");
      for (int k = 0; k < 2000; k++) {
        uint64_t v = next_rand();
        kb_buf_append(&body, &v, sizeof v);
      }
    } else {
      html_page(&page, id);
      if (variant < 3) {
        /* gzip content-coding, as crawlers that keep raw bytes store it */
        kb_buf_reset(&z);
        kbt_gzip_append(&z, page.data, page.len, 1);
        kb_buf_printf(&body,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                      "charset=utf-8\r\nContent-Encoding: gzip\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n%zx\r\n",
                      z.len);
        kb_buf_append(&body, z.data, z.len);
        kb_buf_puts(&body, "\r\n0\r\n\r\n");
      } else {
        kb_buf_puts(&body,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
        kb_buf_append(&body, page.data, page.len);
      }
      (*pages)++;
    }
    record(&rec, "response", id, body.data, body.len);
    kb_buf_reset(&z);
    kbt_gzip_append(&z, rec.data, rec.len, 1);
    fwrite(z.data, 1, z.len, fgz);
    fwrite(rec.data, 1, rec.len, fpl);
    total += rec.len;
  }
  fclose(fgz);
  fclose(fpl);
  kb_buf_clear(&page);
  kb_buf_clear(&body);
  kb_buf_clear(&rec);
  kb_buf_clear(&z);
  return total;
}

static int run(const char *path, size_t bytes, long want_pages) {
  kb_reader *r;
  kb_page pg;
  if (kb_reader_open(path, 0, &r) != KB_OK)
    return 1;
  long pages = 0, errors = 0;
  size_t out_bytes = 0;
  double t0 = bench_wall_sec();
  kb_status rc;
  while ((rc = kb_reader_next(r, &pg)) != KB_DONE) {
    if (rc == KB_ROW) {
      pages++;
      out_bytes += pg.len;
    } else {
      errors++;
      if (errors < 5)
        fprintf(stderr, "%s\n", kb_reader_errmsg(r));
      if (rc != KB_EPARSE && rc != KB_EIO && rc != KB_ELIMIT)
        break;
    }
  }
  double dt = bench_wall_sec() - t0;
  kb_reader_free(r);
  printf("%-10s %8.1f MB in %6.3f s: %7.1f MB/s (WARC bytes), %8.0f "
         "pages/s, %ld pages (want %ld), %ld errors, %.1f MB text out\n",
         strstr(path, ".gz") ? "warc.gz" : "warc", bytes / 1e6, dt,
         bytes / 1e6 / dt, pages / dt, pages, want_pages, errors,
         out_bytes / 1e6);
  return pages == want_pages && errors == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  size_t mb = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 200;
  if (mb == 0)
    mb = 200;
  char dir[] = "/tmp/kb-bench-ingest-XXXXXX";
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  char gz[96], plain[96];
  snprintf(gz, sizeof gz, "%s/bench.warc.gz", dir);
  snprintf(plain, sizeof plain, "%s/bench.warc", dir);
  long pages;
  double t0 = bench_wall_sec();
  size_t bytes = generate(gz, plain, mb << 20, &pages);
  if (!bytes)
    return 1;
  printf("generated %.1f MB of WARC records (%ld HTML pages) in %.1f s\n",
         bytes / 1e6, pages, bench_wall_sec() - t0);
  int bad = run(gz, bytes, pages);
  bad |= run(plain, bytes, pages);
  unlink(gz);
  unlink(plain);
  rmdir(dir);
  return bad;
}
