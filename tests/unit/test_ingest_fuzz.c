/* Deterministic mutation test for src/ingest: corrupts WARC (plain, gzip per
 * record, whole-file gzip) and JSONL bytes with a fixed seed, feeds them to
 * the reader and checks that it never crashes (ASan/UBSan watch), always
 * ends, and only hands out valid, NUL-terminated UTF-8. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "kabar/ingest.h"
#include "kbfuzz.h"
#include "kbgz.h"
#include "kbtest.h"

/* Rounds per base input; 400 keep the test near two seconds under ASan.
 * KB_FUZZ_ROUNDS and KB_FUZZ_SEED in the environment run longer searches. */
#define ROUNDS 400

#define SEED 0x2545F4914F6CDD1Dull /* this test's own generator seed */

static void record(kb_buf *out, const char *type, const char *ctype,
                   const char *block, size_t len) {
  kb_buf_printf(out,
                "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: "
                "2024-02-29T23:59:59Z\r\nWARC-Target-URI: "
                "http://example.net/p\r\nContent-Type: %s\r\n"
                "Content-Length: %zu\r\n\r\n",
                type, ctype, len);
  kb_buf_append(out, block, len);
  kb_buf_puts(out, "\r\n\r\n");
}

/* A small WARC: each record in recs, ends[i] = end offset of record i. */
static int base_warc(kb_buf *recs, size_t *ends) {
  int n = 0;
  kb_buf b, z;
  kb_buf_init(&b, 0);
  kb_buf_init(&z, 0);
  const char *http = "application/http; msgtype=response";
  record(recs, "warcinfo", "application/warc-fields", "a: b\r\n", 6);
  ends[n++] = recs->len;
  const char *p1 = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=koi8-r"
                   "\r\n\r\n<html><body><p>\xc1\xc2\xd7 abc</p></body></html>";
  record(recs, "response", http, p1, strlen(p1));
  ends[n++] = recs->len;
  const char *page = "<html><head><meta charset=\"windows-1251\"></head>"
                     "<body><p>\xcf\xf0\xe8\xe2\xe5\xf2 text text</p></body>"
                     "</html>";
  kbt_gzip_append(&z, page, strlen(page), 6);
  kb_buf_printf(&b,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                "%zx\r\n",
                z.len);
  kb_buf_append(&b, z.data, z.len);
  kb_buf_puts(&b, "\r\n0\r\n\r\n");
  record(recs, "response", http, b.data, b.len);
  ends[n++] = recs->len;
  record(recs, "request", "application/http; msgtype=request",
         "GET / HTTP/1.1\r\n\r\n", 18);
  ends[n++] = recs->len;
  record(recs, "resource", "text/plain", "plain words here", 16);
  ends[n++] = recs->len;
  kb_buf_clear(&b);
  kb_buf_clear(&z);
  return n;
}

static const char *jsonl_base =
    "{\"url\":\"u1\",\"html\":\"<p>a "
    "\\u00e9</p>\",\"fetched\":\"2024-01-01\"}\n"
    "{\"url\":\"u2\",\"text\":\"b\",\"timestamp\":1700000000123}\n"
    "{\"body\":\"c\",\"date\":\"Mon, 01 Jan 2024 10:00:00 GMT\"}\n"
    "{\"article\":\"d\",\"nested\":[[[{\"x\":[1,2,{}]}]]]}\n";

/* Snippets that steer mutations into the parsers' corners. */
static const char *const dict[] = {
    "WARC/1.1\r\n",
    "Content-Length: 99999999999\r\n",
    "Content-Length: 5\r\n",
    "\r\n\r\n",
    "WARC-Type: response\r\n",
    "HTTP/1.1 200 OK\r\n",
    "Transfer-Encoding: chunked\r\n",
    "ffffffffffffffff\r\n",
    "Content-Encoding: gzip\r\n",
    "\x1f\x8b\x08\x00",
    "{\"html\":\"",
    "\\ud800",
    "[[[[[[[[",
    "\n",
    "\0",
    "<meta charset=utf-16>",
    "Content-Type: text/html; charset=\"x-sjis\"\r\n"};

static void mutate(kb_buf *b) {
  kbf_mutate(b, NULL, dict, sizeof dict / sizeof dict[0]);
}

static char path[128];

/* Reads the file to the end; checks every page; returns the results. */
static long read_file(const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return -1;
  fwrite(data, 1, len, f);
  fclose(f);
  kb_reader *r;
  if (kb_reader_open(path, 0, &r) != KB_OK)
    return -1;
  kb_page pg;
  long results = 0;
  /* each result consumes at least one byte of decoded input (a record, a
   * line, an error at a position): far more than that means a loop */
  long cap = 64 * (long)len + 1000;
  for (;;) {
    kb_status rc = kb_reader_next(r, &pg);
    if (rc == KB_DONE)
      break;
    results++;
    if (rc == KB_ROW) {
      CHECK(pg.data != NULL && pg.data[pg.len] == '\0');
      CHECK(kb_utf8_valid(pg.data, pg.len));
      CHECK(pg.source != NULL);
    } else {
      CHECK(rc == KB_EPARSE || rc == KB_EIO || rc == KB_ELIMIT);
      CHECK(kb_reader_errmsg(r)[0] != '\0');
      if (rc != KB_EPARSE && rc != KB_EIO && rc != KB_ELIMIT)
        break;
    }
    if (results > cap) {
      CHECK(!"reader does not end");
      break;
    }
  }
  kb_reader_free(r);
  return results;
}

static void fuzz(const char *name, const kb_buf *base, int rounds) {
  snprintf(path, sizeof path, "/tmp/kb-ingest-fuzz-%d-%s", (int)getpid(), name);
  CHECK(read_file(base->data, base->len) > 0);
  kb_buf b;
  kb_buf_init(&b, 0);
  for (int i = 0; i < rounds; i++) {
    kb_buf_reset(&b);
    kb_buf_append(&b, base->data, base->len);
    mutate(&b);
    CHECK(read_file(b.data ? b.data : "", b.len) >= 0);
  }
  kb_buf_clear(&b);
  unlink(path);
}

/* kb_to_utf8 on random bytes with random labels. */
static void fuzz_charset(void) {
  static const char *const labels[] = {
      NULL,          "utf-8",  "latin1", "windows-1251", "shift_jis", "gbk",
      "iso-2022-jp", "utf-16", "euc-kr", "big5",         "koi8-u",    "bogus"};
  char bytes[512];
  kb_buf out;
  kb_buf_init(&out, 0);
  for (int i = 0; i < 400; i++) {
    size_t n = rnd_below(sizeof bytes);
    for (size_t k = 0; k < n; k++)
      bytes[k] = (char)rnd();
    if (i % 3 == 0 && n > 20)
      memcpy(bytes, "<meta charset=\"big5\">", 21);
    const char *used = NULL;
    kb_buf_reset(&out);
    kb_status rc =
        kb_to_utf8(bytes, n, labels[rnd_below(12)], (int)(i & 1), &out, &used);
    CHECK_INT(rc, KB_OK);
    CHECK(used != NULL);
    CHECK(kb_utf8_valid(out.data ? out.data : "", out.len));
  }
  kb_buf_clear(&out);
}

int main(void) {
  int rounds = kbf_setup(SEED, ROUNDS);
  kb_buf recs, file;
  size_t ends[8];
  kb_buf_init(&recs, 0);
  kb_buf_init(&file, 0);
  int n = base_warc(&recs, ends);

  fuzz("plain.warc", &recs, rounds);

  size_t start = 0;
  for (int i = 0; i < n; i++) {
    kbt_gzip_append(&file, recs.data + start, ends[i] - start, 6);
    start = ends[i];
  }
  fuzz("records.warc.gz", &file, rounds);

  kb_buf_reset(&file);
  kbt_gzip_append(&file, recs.data, recs.len, 6);
  fuzz("whole.warc.gz", &file, rounds);

  kb_buf_reset(&file);
  kb_buf_puts(&file, jsonl_base);
  fuzz("x.jsonl", &file, rounds);

  kb_buf_reset(&file);
  kbt_gzip_append(&file, jsonl_base, strlen(jsonl_base), 6);
  fuzz("x.jsonl.gz", &file, rounds);

  fuzz_charset();
  kb_buf_clear(&recs);
  kb_buf_clear(&file);
  return KBT_DONE();
}
