/* Unit tests for src/ingest: files and folders, kinds by name and content,
 * gzip, JSONL with bad lines, WARC written here (gzip per record, whole-file
 * gzip, plain, corrupt and truncated records), charsets, limits, stdin. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "kabar/ingest.h"
#include "kbgz.h"
#include "kbtest.h"

static char tmpdir[64];

/* ---- helpers ---------------------------------------------------------- */

static void path_of(char *out, size_t n, const char *name) {
  snprintf(out, n, "%s/%s", tmpdir, name);
}

static void write_file(const char *name, const void *data, size_t len) {
  char p[256];
  path_of(p, sizeof p, name);
  FILE *f = fopen(p, "wb");
  if (!f) {
    fprintf(stderr, "cannot write %s\n", p);
    exit(2);
  }
  fwrite(data, 1, len, f);
  fclose(f);
}

static void write_str(const char *name, const char *s) {
  write_file(name, s, strlen(s));
}

static void make_dir(const char *name) {
  char p[256];
  path_of(p, sizeof p, name);
  mkdir(p, 0755);
}

/* Appends a WARC 1.1 record with the given block. */
static void warc_record(kb_buf *out, const char *type, const char *uri,
                        const char *ctype, const char *block, size_t blen) {
  kb_buf_printf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
  kb_buf_printf(out, "WARC-Record-ID: <urn:uuid:%08zx-0000>\r\n", out->len);
  kb_buf_puts(out, "WARC-Date: 2023-08-16T09:46:00Z\r\n");
  if (uri)
    kb_buf_printf(out, "WARC-Target-URI: %s\r\n", uri);
  if (ctype)
    kb_buf_printf(out, "Content-Type: %s\r\n", ctype);
  kb_buf_printf(out, "Content-Length: %zu\r\n\r\n", blen);
  kb_buf_append(out, block, blen);
  kb_buf_puts(out, "\r\n\r\n");
}

typedef struct got_page {
  kb_status rc;
  char source[256];
  char url[256];
  char charset[32];
  int64_t fetched;
  kb_input_kind kind;
  char data[512];
  char err[512];
} got_page;

/* Reads everything from path; returns the number of results (pages and
 * errors) stored in out. */
static int read_all(const char *path, unsigned flags, got_page *out, int max) {
  kb_reader *r;
  if (kb_reader_open(path, flags, &r) != KB_OK)
    return -1;
  int n = 0;
  kb_page pg;
  for (int guard = 0; guard < 1000; guard++) {
    kb_status rc = kb_reader_next(r, &pg);
    if (rc == KB_DONE)
      break;
    if (n < max) {
      got_page *g = &out[n];
      memset(g, 0, sizeof *g);
      g->rc = rc;
      if (rc == KB_ROW) {
        snprintf(g->source, sizeof g->source, "%s", pg.source);
        snprintf(g->url, sizeof g->url, "%s", pg.url ? pg.url : "");
        snprintf(g->charset, sizeof g->charset, "%s",
                 pg.charset ? pg.charset : "");
        snprintf(g->data, sizeof g->data, "%s", pg.data);
        g->fetched = pg.fetched;
        g->kind = pg.kind;
        CHECK(strlen(pg.data) == pg.len);
      } else {
        snprintf(g->err, sizeof g->err, "%s", kb_reader_errmsg(r));
      }
    }
    n++;
    if (rc != KB_ROW && rc != KB_EPARSE && rc != KB_EIO && rc != KB_ELIMIT)
      break;
  }
  kb_reader_free(r);
  return n;
}

static const char *after_tmp(const char *s) {
  size_t n = strlen(tmpdir);
  return strncmp(s, tmpdir, n) == 0 ? s + n : s;
}

/* ---- files and folders ---------------------------------------------- */

static void test_folder(void) {
  make_dir("f");
  make_dir("f/b");
  make_dir("f/.hidden");
  write_str("f/a.txt", "Satu dua tiga.\nEmpat lima.\n");
  write_str("f/b/c.html", "<html><head><title>T</title></head>"
                          "<body><p>Halo dunia</p></body></html>");
  write_str("f/.hidden/x.txt", "hidden");
  write_str("f/.dot.txt", "hidden too");
  /* a symlink back to the root folder: a loop that must not be followed */
  char target[256], link[256];
  path_of(target, sizeof target, "f");
  path_of(link, sizeof link, "f/b/loop");
  CHECK(symlink(target, link) == 0);
  const char *gzhtml = "<!DOCTYPE html><html><body><p>gz page</p></body>"
                       "</html>";
  kb_buf gz;
  kb_buf_init(&gz, 0);
  kbt_gzip_append(&gz, gzhtml, strlen(gzhtml), 6);
  write_file("f/d.HTML.gz", gz.data, gz.len);
  kb_buf_clear(&gz);
  write_str("f/e.page", "  <!doctype html>\n<html><body>sniffed</body></html>");
  write_str("f/f.dat", "Just some words in a file with no known name.\n");
  write_file("f/z.bin", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

  got_page g[16];
  char root[256];
  path_of(root, sizeof root, "f");
  int n = read_all(root, 0, g, 16);
  CHECK_INT(n, 6);
  if (n != 6)
    return;
  CHECK_STR(after_tmp(g[0].source), "/f/a.txt");
  CHECK_INT(g[0].kind, KB_INPUT_TEXT);
  CHECK_STR(g[0].data, "Satu dua tiga.\nEmpat lima.\n");
  CHECK_STR(g[0].charset, "UTF-8");
  CHECK_STR(after_tmp(g[1].source), "/f/b/c.html");
  CHECK_INT(g[1].kind, KB_INPUT_HTML);
  CHECK(strstr(g[1].data, "Halo dunia") != NULL);
  CHECK_STR(after_tmp(g[2].source), "/f/d.HTML.gz");
  CHECK_INT(g[2].kind, KB_INPUT_HTML);
  CHECK_STR(g[2].data, gzhtml);
  CHECK_STR(after_tmp(g[3].source), "/f/e.page");
  CHECK_INT(g[3].kind, KB_INPUT_HTML);
  CHECK_STR(after_tmp(g[4].source), "/f/f.dat");
  CHECK_INT(g[4].kind, KB_INPUT_TEXT);
  CHECK_INT(g[5].rc, KB_EPARSE);
  CHECK(strstr(g[5].err, "z.bin") != NULL);
  CHECK(strstr(g[5].err, "binary") != NULL);

  /* one file, forced kind, a trailing slash on a folder */
  char one[256];
  path_of(one, sizeof one, "f/b/c.html");
  n = read_all(one, KB_READ_FORCE_TEXT, g, 16);
  CHECK_INT(n, 1);
  CHECK_INT(g[0].kind, KB_INPUT_TEXT);
  CHECK_STR(g[0].source, one);
  /* from f/b the link leads up into f once; f/b/loop/b is b again */
  path_of(one, sizeof one, "f/b/");
  n = read_all(one, KB_READ_FORCE_HTML, g, 16);
  CHECK_INT(n, 6);
  CHECK_STR(after_tmp(g[0].source), "/f/b/c.html");
  CHECK_STR(after_tmp(g[1].source), "/f/b/loop/a.txt");
  CHECK_INT(g[1].kind, KB_INPUT_HTML);

  /* a path that does not exist: one KB_EIO naming it, then the end */
  path_of(one, sizeof one, "nope");
  n = read_all(one, 0, g, 16);
  CHECK_INT(n, 1);
  CHECK_INT(g[0].rc, KB_EIO);
  CHECK(strstr(g[0].err, "nope") != NULL);
  kb_reader *r;
  CHECK_INT(kb_reader_open(NULL, 0, &r), KB_EINVAL);
  kb_reader_free(NULL);
}

/* ---- charsets --------------------------------------------------------- */

static void conv_n(const char *s, size_t n, const char *declared, int html,
                   const char *want, const char *want_cs) {
  kb_buf b;
  kb_buf_init(&b, 0);
  const char *used = NULL;
  CHECK_INT(kb_to_utf8(s, n, declared, html, &b, &used), KB_OK);
  CHECK_STR(kb_buf_cstr(&b), want);
  CHECK_STR(used, want_cs);
  CHECK(kb_utf8_valid(b.data ? b.data : "", b.len));
  kb_buf_clear(&b);
}

static void conv(const char *s, const char *declared, int html,
                 const char *want, const char *want_cs) {
  conv_n(s, strlen(s), declared, html, want, want_cs);
}

static void test_charset(void) {
  /* latin-1 without any declaration → windows-1252 (0x93/0x94 = quotes) */
  conv("caf\xe9 \x93ok\x94", NULL, 0, "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d",
       "windows-1252");
  /* <meta charset="windows-1251"> in the first bytes */
  const char *cyr = "<html><head><meta charset=\"windows-1251\"></head>"
                    "<body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
  kb_buf b;
  kb_buf_init(&b, 0);
  const char *used = NULL;
  CHECK_INT(kb_to_utf8(cyr, strlen(cyr), NULL, 1, &b, &used), KB_OK);
  CHECK_STR(used, "windows-1251");
  CHECK(strstr(b.data, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82") !=
        NULL); /* Привет */
  kb_buf_clear(&b);
  /* the same bytes as text: no <meta> sniffing → windows-1252 */
  conv("\xcf\xf0", NULL, 0, "\xc3\x8f\xc3\xb0", "windows-1252");
  /* http-equiv and XML declarations */
  conv("<meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=ISO-8859-2\">\xb1",
       NULL, 1,
       "<meta http-equiv=\"Content-Type\" content=\"text/html; "
       "charset=ISO-8859-2\">\xc4\x85",
       "ISO-8859-2");
  conv("<?xml version=\"1.0\" encoding='koi8-r'?><p>\xc1</p>", NULL, 1,
       "<?xml version=\"1.0\" encoding='koi8-r'?><p>\xd0\xb0</p>", "KOI8-R");
  /* invalid UTF-8 in a UTF-8 page is repaired, never passed on */
  conv("J\xc3\xbamat \xc3\xa1 \xff ok \xc3\xa9", NULL, 0,
       "J\xc3\xbamat \xc3\xa1 \xef\xbf\xbd ok \xc3\xa9", "UTF-8");
  conv("a\xc3(b", "utf-8", 0, "a\xef\xbf\xbd(b", "UTF-8");
  /* a latin1 label on bytes that are UTF-8: the bytes win */
  conv("Jum\xc3\xa1t", "ISO-8859-1", 0, "Jum\xc3\xa1t", "UTF-8");
  /* aliases */
  conv("\xc4\xe3", "gb2312", 0, "\xe4\xbd\xa0", "GBK");       /* 你 */
  conv("\x82\xa0", "x-sjis", 0, "\xe3\x81\x82", "Shift_JIS"); /* あ */
  conv("\xe9", "latin1", 0, "\xc3\xa9", "windows-1252");
  conv("ok", "\"UTF8\"", 0, "ok", "UTF-8");
  conv("\xe9t\xe9", "no-such-charset", 0, "\xc3\xa9t\xc3\xa9", "windows-1252");
  CHECK_STR(kb_charset_canonical("Latin1", 6), "windows-1252");
  CHECK_STR(kb_charset_canonical("ks_c_5601-1987", 14), "EUC-KR");
  CHECK(kb_charset_canonical("klingon", 7) == NULL);
  /* bytes a charset does not allow become U+FFFD */
  conv("\x82\xa0\x85", "shift_jis", 0, "\xe3\x81\x82\xef\xbf\xbd", "Shift_JIS");
  /* BOMs; UTF-16 */
  conv("\xef\xbb\xbfhi", "windows-1251", 0, "hi", "UTF-8");
  conv_n("\xff\xfeh\0i\0", 6, NULL, 0, "hi", "UTF-16LE");
  /* C0 controls and NUL dropped, tabs and newlines kept */
  conv_n("a\0b\x01\tc\n", 7, NULL, 0, "ab\tc\n", "UTF-8");
  conv("", NULL, 1, "", "UTF-8");
}

/* A latin-1 page and a windows-1251 page read from files. */
static void test_charset_files(void) {
  make_dir("cs");
  write_str("cs/latin.txt", "Ni\xf1o en la ciudad, se\xf1or.\n");
  write_str("cs/ru.html", "<html><head><meta charset=\"windows-1251\">"
                          "</head><body>\xc4\xe0</body></html>");
  got_page g[4];
  char root[256];
  path_of(root, sizeof root, "cs");
  int n = read_all(root, 0, g, 4);
  CHECK_INT(n, 2);
  if (n != 2)
    return;
  CHECK_STR(g[0].data, "Ni\xc3\xb1o en la ciudad, se\xc3\xb1or.\n");
  CHECK_STR(g[0].charset, "windows-1252");
  CHECK_STR(g[1].charset, "windows-1251");
  CHECK(strstr(g[1].data, "\xd0\x94\xd0\xb0") != NULL); /* Да */
}

/* ---- JSONL ---------------------------------------------------------- */

static void test_jsonl(void) {
  make_dir("j");
  const char *lines =
      "{\"url\":\"https://example.org/a\",\"html\":\"<p>satu</p>\","
      "\"fetched\":\"2023-08-16T09:46:00+07:00\"}\n"
      "{\"url\": \"https://example.org/b\", \"html\": \"<p>broken\n"
      "\n"
      "{\"body\":\"dua \\u00e9\",\"timestamp\":1692154000000,"
      "\"url\":\"https://example.org/c\"}\r\n"
      "[1,2]\n"
      "{\"title\":\"no content\"}\n"
      "{\"raw_html\":\"\",\"text\":\"tiga\",\"crawl_time\":1692154000}";
  write_str("j/x.jsonl", lines);
  got_page g[8];
  char p[256];
  path_of(p, sizeof p, "j/x.jsonl");
  int n = read_all(p, 0, g, 8);
  CHECK_INT(n, 6);
  if (n != 6)
    return;
  CHECK_INT(g[0].rc, KB_ROW);
  CHECK_STR(after_tmp(g[0].source), "/j/x.jsonl:1");
  CHECK_STR(g[0].url, "https://example.org/a");
  CHECK_STR(g[0].data, "<p>satu</p>");
  CHECK_INT(g[0].kind, KB_INPUT_HTML);
  CHECK_INT(g[0].fetched, 1692153960); /* 02:46 UTC */
  CHECK_INT(g[1].rc, KB_EPARSE);
  CHECK(strstr(g[1].err, "x.jsonl:2:") != NULL);
  CHECK_INT(g[2].rc, KB_ROW);
  CHECK_STR(after_tmp(g[2].source), "/j/x.jsonl:4");
  CHECK_STR(g[2].data, "dua \xc3\xa9");
  CHECK_INT(g[2].kind, KB_INPUT_TEXT);
  CHECK_INT(g[2].fetched, 1692154000);
  CHECK_INT(g[3].rc, KB_EPARSE);
  CHECK(strstr(g[3].err, "x.jsonl:5: not a JSON object") != NULL);
  CHECK_INT(g[4].rc, KB_EPARSE);
  CHECK(strstr(g[4].err, "x.jsonl:6: no html or text field") != NULL);
  CHECK_INT(g[5].rc, KB_ROW);
  CHECK_STR(g[5].data, "tiga");
  CHECK_INT(g[5].fetched, 1692154000);
  CHECK_STR(g[5].url, "");
  /* --input text|html forces the kind of every record too */
  n = read_all(p, KB_READ_FORCE_TEXT, g, 8);
  CHECK_INT(n, 6);
  CHECK_INT(g[0].kind, KB_INPUT_TEXT);
  n = read_all(p, KB_READ_FORCE_HTML, g, 8);
  CHECK_INT(n, 6);
  CHECK_INT(g[2].kind, KB_INPUT_HTML);
  CHECK_STR(g[2].data, "dua \xc3\xa9");

  /* gzipped JSONL */
  kb_buf gz;
  kb_buf_init(&gz, 0);
  kbt_gzip_append(&gz, lines, strlen(lines), 6);
  write_file("j/y.jsonl.gz", gz.data, gz.len);
  kb_buf_clear(&gz);
  path_of(p, sizeof p, "j/y.jsonl.gz");
  CHECK_INT(read_all(p, 0, g, 8), 6);
}

/* ---- WARC ------------------------------------------------------------ */

static const char *html_latin =
    "<html><head><title>Berita</title></head><body><p>Caf\xe9 di "
    "Jakarta</p></body></html>";

/* The records of the test WARC, each a string of its own. */
static int warc_records(kb_buf *recs, size_t *ends, int max) {
  int n = 0;
  kb_buf b, body, chunked;
  kb_buf_init(&b, 0);
  kb_buf_init(&body, 0);
  kb_buf_init(&chunked, 0);
#define END() (ends[n++] = recs->len)
  warc_record(recs, "warcinfo", NULL, "application/warc-fields",
              "software: test\r\n", 16);
  END();
  const char *req = "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n";
  warc_record(recs, "request", "https://example.org/a",
              "application/http; msgtype=request", req, strlen(req));
  END();
  /* 3: gzip content-coding inside chunked transfer-coding */
  kbt_gzip_append(&body, html_latin, strlen(html_latin), 6);
  size_t half = body.len / 2;
  kb_buf_printf(&chunked, "%zx;ext=1\r\n", half);
  kb_buf_append(&chunked, body.data, half);
  kb_buf_printf(&chunked, "\r\n%zX\r\n", body.len - half);
  kb_buf_append(&chunked, body.data + half, body.len - half);
  kb_buf_puts(&chunked, "\r\n0\r\n\r\n");
  kb_buf_puts(&b, "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                  "charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\n"
                  "Content-Encoding: gzip\r\n\r\n");
  kb_buf_append(&b, chunked.data, chunked.len);
  warc_record(recs, "response", "https://example.org/a",
              "application/http; msgtype=response", b.data, b.len);
  END();
  /* 4: an image */
  kb_buf_reset(&b);
  kb_buf_puts(&b, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n");
  kb_buf_append(&b, "\x89PNG\r\n\x1a\n\0\0", 10);
  warc_record(recs, "response", "https://example.org/i.png",
              "application/http; msgtype=response", b.data, b.len);
  END();
  /* 5: metadata; 6: a resource in text/plain; 7: a redirect */
  warc_record(recs, "metadata", "https://example.org/a",
              "application/warc-fields", "via: x\r\n", 8);
  END();
  warc_record(recs, "resource", "file:///notes.txt",
              "text/plain; charset=utf-8", "Catatan singkat.", 16);
  END();
  const char *redirect = "HTTP/1.1 301 Moved\r\nLocation: /b\r\n"
                         "Content-Type: text/html\r\n\r\n<a href=/b>b</a>";
  warc_record(recs, "response", "https://example.org/r",
              "application/http; msgtype=response", redirect, strlen(redirect));
  END();
  /* 8: a plain XHTML response, no charset anywhere */
  const char *xhtml = "HTTP/1.0 200 OK\nContent-Type: application/xhtml+xml\n"
                      "\n<html><body><p>Selesai \xc3\xa9</p></body></html>";
  warc_record(recs, "response", "https://example.org/x",
              "application/http; msgtype=response", xhtml, strlen(xhtml));
  END();
  /* 9: the last response, to be truncated */
  const char *last = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                     "<html><body><p>This record will be cut in two by the "
                     "test before it is read.</p></body></html>";
  warc_record(recs, "response", "https://example.org/last",
              "application/http; msgtype=response", last, strlen(last));
  END();
#undef END
  kb_buf_clear(&b);
  kb_buf_clear(&body);
  kb_buf_clear(&chunked);
  (void)max;
  return n;
}

/* The pages and errors every variant of the test WARC must give. */
static void check_warc(const char *name, int corrupt_middle) {
  got_page g[16];
  char p[256];
  path_of(p, sizeof p, name);
  int n = read_all(p, 0, g, 16);
  int want = 4;
  CHECK_INT(n, want);
  if (n != want) {
    for (int i = 0; i < n && i < 16; i++)
      fprintf(stderr, "  [%d] rc=%d %s %s\n", i, g[i].rc, g[i].source,
              g[i].err);
    return;
  }
  int i = 0;
  CHECK_INT(g[i].rc, KB_ROW);
  CHECK(strstr(g[i].source, "#record=3") != NULL);
  CHECK_STR(g[i].url, "https://example.org/a");
  CHECK_INT(g[i].fetched, 1692179160);
  CHECK_INT(g[i].kind, KB_INPUT_HTML);
  CHECK_STR(g[i].charset, "windows-1252");
  CHECK(strstr(g[i].data, "Caf\xc3\xa9 di Jakarta") != NULL);
  i++;
  if (corrupt_middle) {
    /* record 6 was damaged: an error, then reading goes on */
    CHECK_INT(g[i].rc, KB_EPARSE);
    CHECK(strstr(g[i].err, name) != NULL);
    i++;
  } else {
    CHECK_INT(g[i].rc, KB_ROW);
    CHECK(strstr(g[i].source, "#record=6") != NULL);
    CHECK_STR(g[i].data, "Catatan singkat.");
    CHECK_INT(g[i].kind, KB_INPUT_TEXT);
    i++;
  }
  CHECK_INT(g[i].rc, KB_ROW);
  /* a destroyed version line shifts the numbers: check by URL there */
  if (!corrupt_middle)
    CHECK(strstr(g[i].source, "#record=8") != NULL);
  CHECK_STR(g[i].url, "https://example.org/x");
  CHECK_STR(g[i].data, "<html><body><p>Selesai \xc3\xa9</p></body></html>");
  CHECK_STR(g[i].charset, "UTF-8");
  i++;
  if (corrupt_middle) {
    CHECK_INT(g[i].rc, KB_ROW); /* the last one is whole in this variant */
    CHECK_STR(g[i].url, "https://example.org/last");
    return;
  }
  CHECK_INT(g[i].rc, KB_EPARSE);
  CHECK(strstr(g[i].err, name) != NULL);
  if (!corrupt_middle)
    CHECK(strstr(g[i].err, "record=9") != NULL);
  CHECK(strstr(g[i].err, "truncated") != NULL);
}

static void test_warc(void) {
  make_dir("w");
  kb_buf recs, file;
  size_t ends[16];
  kb_buf_init(&recs, 0);
  kb_buf_init(&file, 0);
  int n = warc_records(&recs, ends, 16);
  CHECK_INT(n, 9);

  /* gzip per record, the last member cut in half */
  size_t start = 0;
  for (int i = 0; i < n; i++) {
    size_t before = file.len;
    kbt_gzip_append(&file, recs.data + start, ends[i] - start, 6);
    if (i == n - 1)
      file.len = before + (file.len - before) / 2;
    start = ends[i];
  }
  write_file("w/per-record.warc.gz", file.data, file.len);
  check_warc("w/per-record.warc.gz", 0);

  /* the same, with record 6 damaged in the middle of its member and the
   * last record whole */
  kb_buf_reset(&file);
  start = 0;
  for (int i = 0; i < n; i++) {
    size_t before = file.len;
    kbt_gzip_append(&file, recs.data + start, ends[i] - start, 6);
    if (i == 5)
      for (size_t k = before + 12; k < file.len - 12; k++)
        file.data[k] ^= 0x55;
    start = ends[i];
  }
  write_file("w/corrupt.warc.gz", file.data, file.len);
  check_warc("w/corrupt.warc.gz", 1);

  /* one gzip stream over the whole file, cut short */
  kb_buf_reset(&file);
  kbt_gzip_append(&file, recs.data, ends[n - 1] - 40, 6);
  write_file("w/whole.warc.gz", file.data, file.len);
  check_warc("w/whole.warc.gz", 0);

  /* not compressed, cut short, with garbage between records 1 and 2 */
  kb_buf_reset(&file);
  kb_buf_append(&file, recs.data, ends[0]);
  kb_buf_puts(&file, "garbage line\r\nmore garbage\r\n");
  kb_buf_append(&file, recs.data + ends[0], ends[n - 1] - ends[0] - 40);
  write_file("w/plain.warc", file.data, file.len);
  got_page g[16];
  char p[256];
  path_of(p, sizeof p, "w/plain.warc");
  int k = read_all(p, 0, g, 16);
  CHECK_INT(k, 5);
  if (k == 5) {
    CHECK_INT(g[0].rc, KB_EPARSE);
    CHECK(strstr(g[0].err, "not a WARC record") != NULL);
    CHECK(strstr(g[1].source, "#record=3") != NULL);
    CHECK(strstr(g[4].err, "record=9") != NULL);
  }
  kb_buf_clear(&recs);
  kb_buf_clear(&file);
}

/* ---- limits and stdin ------------------------------------------------- */

static void test_limits(void) {
  /* a sparse 65 MiB text file: refused without reading it */
  char p[256];
  path_of(p, sizeof p, "big.txt");
  int fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  CHECK(fd >= 0);
  CHECK(ftruncate(fd, (off_t)65 << 20) == 0);
  close(fd);
  got_page g[2];
  CHECK_INT(read_all(p, 0, g, 2), 1);
  CHECK_INT(g[0].rc, KB_ELIMIT);
  CHECK(strstr(g[0].err, "big.txt") != NULL);
  unlink(p);

  /* a WARC record over the cap (a sparse hole as its block): KB_ELIMIT for
   * it, and the record after it is read */
  path_of(p, sizeof p, "big.warc");
  FILE *f = fopen(p, "wb");
  CHECK(f != NULL);
  if (!f)
    return;
  const long big = 70000000;
  fprintf(f,
          "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
          "Content-Length: %ld\r\n\r\n",
          big);
  fseek(f, big, SEEK_CUR);
  kb_buf rec;
  kb_buf_init(&rec, 0);
  kb_buf_puts(&rec, "\r\n\r\n");
  warc_record(&rec, "resource", "urn:x", "text/plain", "kecil", 5);
  fwrite(rec.data, 1, rec.len, f);
  fclose(f);
  kb_buf_clear(&rec);
  CHECK_INT(read_all(p, 0, g, 2), 2);
  CHECK_INT(g[0].rc, KB_ELIMIT);
  CHECK(strstr(g[0].err, "big.warc#record=1") != NULL);
  CHECK_INT(g[1].rc, KB_ROW);
  CHECK_STR(g[1].data, "kecil");
  CHECK_INT(g[1].kind, KB_INPUT_TEXT);
  CHECK_INT(read_all(p, KB_READ_FORCE_HTML, g, 2), 2);
  CHECK_INT(g[1].kind, KB_INPUT_HTML); /* --input html reaches WARC records */
  unlink(p);
}

/* Runs the reader on "-" with the given bytes arriving through a pipe. */
static int read_stdin(const char *data, size_t len, got_page *g, int max) {
  int pfd[2];
  if (pipe(pfd) != 0)
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(pfd[0]);
    size_t off = 0;
    while (off < len) {
      ssize_t k = write(pfd[1], data + off, len - off);
      if (k <= 0)
        _exit(1);
      off += (size_t)k;
    }
    _exit(0);
  }
  close(pfd[1]);
  int saved = dup(0);
  dup2(pfd[0], 0);
  close(pfd[0]);
  int n = read_all("-", 0, g, max);
  dup2(saved, 0);
  close(saved);
  int status;
  waitpid(pid, &status, 0);
  return n;
}

static void test_stdin(void) {
  got_page g[8];
  const char *html = "<html><body><p>dari stdin</p></body></html>";
  CHECK_INT(read_stdin(html, strlen(html), g, 8), 1);
  CHECK_STR(g[0].source, "-");
  CHECK_INT(g[0].kind, KB_INPUT_AUTO);
  CHECK_STR(g[0].data, html);
  /* a WARC on stdin is read as records */
  kb_buf recs;
  size_t ends[16];
  kb_buf_init(&recs, 0);
  warc_records(&recs, ends, 16);
  CHECK_INT(read_stdin(recs.data, recs.len, g, 8), 4);
  CHECK_STR(g[0].source, "-#record=3");
  kb_buf_clear(&recs);
}

static void rm_rf(const char *dir) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0)
    fprintf(stderr, "cannot remove %s\n", dir);
}

/* A response larger than the first read (64 KiB), chunked and with a
 * charset: the header views must survive the buffer growing (they were read
 * after free before; found by review under ASan). */
static void test_warc_big_record(void) {
  kb_buf body, http, file;
  kb_buf_init(&body, 0);
  kb_buf_init(&http, 0);
  kb_buf_init(&file, 0);
  kb_buf_puts(&body, "<html><body>");
  while (body.len < 200000)
    kb_buf_puts(&body, "<p>Caf\xe9 kota lama.</p>");
  kb_buf_puts(&body, "<p>AKHIR</p></body></html>");
  kb_buf_puts(&http,
              "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
              "charset=iso-8859-1\r\nTransfer-Encoding: chunked\r\n\r\n");
  kb_buf_printf(&http, "%zx\r\n", body.len);
  kb_buf_append(&http, body.data, body.len);
  kb_buf_puts(&http, "\r\n0\r\n\r\n");
  warc_record(&file, "response", "https://example.org/big",
              "application/http; msgtype=response", http.data, http.len);
  write_file("big.warc", file.data, file.len);
  char path[128];
  path_of(path, sizeof path, "big.warc");
  kb_reader *r;
  kb_page pg;
  CHECK_INT(kb_reader_open(path, 0, &r), KB_OK);
  CHECK_INT(kb_reader_next(r, &pg), KB_ROW);
  CHECK_STR(pg.charset, "windows-1252");
  CHECK(pg.len > body.len); /* é became two bytes */
  CHECK(strstr(pg.data, "Caf\xc3\xa9") != NULL);
  CHECK(strstr(pg.data, "AKHIR</p>") != NULL);
  CHECK_INT(kb_reader_next(r, &pg), KB_DONE);
  kb_reader_free(r);
  kb_buf_clear(&body);
  kb_buf_clear(&http);
  kb_buf_clear(&file);
}

int main(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/kb-ingest-XXXXXX");
  if (!mkdtemp(tmpdir)) {
    perror("mkdtemp");
    return 2;
  }
  test_folder();
  test_charset();
  test_charset_files();
  test_jsonl();
  test_warc();
  test_warc_big_record();
  test_limits();
  test_stdin();
  rm_rf(tmpdir);
  return KBT_DONE();
}
