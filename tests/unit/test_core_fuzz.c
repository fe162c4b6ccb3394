/* Deterministic mutation test for src/core's JSON reader and UTF-8 helpers:
 * JSON-LD blocks as pages ship them, corrupted with a fixed seed, parsed in
 * strict and lenient mode. Checks that parsing ends, that deep nesting is
 * KB_ELIMIT, that every string handed out is valid NUL-terminated UTF-8, and
 * that written strings read back the same; ASan/UBSan watch the rest. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kabar/core.h"
#include "kbfuzz.h"
#include "kbtest.h"

/* Rounds per seed; KB_FUZZ_ROUNDS and KB_FUZZ_SEED in the environment run
 * longer searches. */
#define ROUNDS 1500

#define SEED 0xE7037ED1A0B428DBull /* this test's own generator seed */

static const char *const seeds[] = {
    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"headline\":\"Banjir melanda \\\"kota\\\" pesisir\",\"datePublished\":"
    "\"2023-08-16T09:46:00+07:00\",\"author\":[{\"@type\":\"Person\","
    "\"name\":\"Budi\"},{\"@type\":\"Person\",\"name\":\"Sit\\u00ed\"}],"
    "\"articleBody\":\"Hujan deras.\\nWarga \\ud83d\\ude00 mengungsi.\","
    "\"wordCount\":1234,\"isAccessibleForFree\":true,\"x\":null,"
    "\"n\":-1.5e+300}",
    "{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Kabar\"},{\"@type\":["
    "\"NewsArticle\",\"Article\"],\"mainEntityOfPage\":{\"@id\":\"https://"
    "x.example/a\"},\"image\":{\"url\":\"a.jpg\",\"width\":1200}}]}",
    "<!-- {\"headline\":\"raw\nnewline\ttab\",// comment\n\"a\":[1,2,],"
    "/* block */\"b\":{\"c\":\"\\q\",},}; -->",
    "[\"\\u0000\\u0001\\ud800\\udc00\\udfff\\ud800x\",\"\xff\xfe\","
    "\"\xed\xa0\x80\",\"\xc0\xaf\",\"\xf4\x90\x80\x80\",1e999,-0,0.0e-0]",
    "\xef\xbb\xbf {\"a\":\xc2\xa0\"b\"}",
};

static const char *const dict[] = {
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\u00",
    "//",
    "/*",
    "*/",
    "<!--",
    "-->",
    ";",
    "\xef\xbb\xbf",
    "\xc2\xa0",
    "\0",
    "\xff",
    "\x01",
    "1e",
    "-",
    "1e99999",
    "true",
    "nul",
    "\"a\":",
    "[[[[[[[[",
    "{\"a\":{\"a\":",
    "\n",
    "0x10",
    "123456789012345678901234567890",
};

static void mutate(kb_buf *b) {
  kbf_mutate(b, NULL, dict, sizeof dict / sizeof dict[0]);
}

/* Walks the tree; checks children counts, strings, depth. */
static size_t check_tree(const kb_json *j, int depth, kb_buf *w) {
  size_t nodes = 1;
  CHECK(depth <= 257);
  if (j->key)
    CHECK(kb_utf8_valid(j->key, strlen(j->key)));
  if (j->type == KB_JSON_STR) {
    CHECK(j->str != NULL && j->str[j->len] == '\0');
    CHECK(strlen(j->str) == j->len); /* no NUL inside */
    CHECK(kb_utf8_valid(j->str, j->len));
    /* written and read back: the same string */
    kb_buf_reset(w);
    CHECK_INT(kb_json_write_str(w, j->str, j->len), KB_OK);
    CHECK(kb_utf8_valid(w->data, w->len));
    kb_arena a;
    kb_arena_init(&a);
    kb_json *back = NULL;
    CHECK_INT(kb_json_parse(&a, w->data, w->len, 0, &back, NULL), KB_OK);
    CHECK(back && back->type == KB_JSON_STR && back->len == j->len &&
          memcmp(back->str, j->str, j->len) == 0);
    kb_arena_clear(&a);
  }
  if (j->type == KB_JSON_ARR || j->type == KB_JSON_OBJ) {
    size_t count = 0;
    for (const kb_json *c = j->child; c; c = c->next) {
      count++;
      CHECK((j->type == KB_JSON_OBJ) == (c->key != NULL));
      nodes += check_tree(c, depth + 1, w);
    }
    CHECK_INT(count, j->len);
  }
  return nodes;
}

static void parse_both(const char *s, size_t n, kb_buf *w) {
  for (unsigned flags = 0; flags <= KB_JSON_LENIENT; flags++) {
    kb_arena a;
    kb_arena_init(&a);
    kb_json *root = NULL;
    size_t off = (size_t)-1;
    kb_status rc = kb_json_parse(&a, s, n, flags, &root, &off);
    CHECK(rc == KB_OK || rc == KB_EPARSE || rc == KB_ELIMIT);
    if (rc == KB_OK) {
      CHECK(root != NULL);
      if (root)
        check_tree(root, 0, w);
    } else if (rc == KB_EPARSE) {
      CHECK(off <= n);
    }
    kb_arena_clear(&a);
  }
}

static void deep(kb_buf *b, int levels, const char *open, const char *close,
                 const char *mid) {
  kb_buf_reset(b);
  for (int i = 0; i < levels; i++)
    kb_buf_puts(b, open);
  kb_buf_puts(b, mid);
  for (int i = 0; i < levels; i++)
    kb_buf_puts(b, close);
}

static void test_depth(kb_buf *w) {
  kb_buf b;
  kb_buf_init(&b, 0);
  kb_arena a;
  kb_arena_init(&a);
  kb_json *root;
  for (unsigned flags = 0; flags <= KB_JSON_LENIENT; flags++) {
    deep(&b, 100000, "[", "]", "1");
    CHECK_INT(kb_json_parse(&a, b.data, b.len, flags, &root, NULL), KB_ELIMIT);
    deep(&b, 300, "{\"a\":", "}", "{}");
    CHECK_INT(kb_json_parse(&a, b.data, b.len, flags, &root, NULL), KB_ELIMIT);
    deep(&b, 300, "[", "", ""); /* unclosed too */
    CHECK_INT(kb_json_parse(&a, b.data, b.len, flags, &root, NULL), KB_ELIMIT);
    deep(&b, 200, "[{\"k\":", "}]", "\"v\"");
    CHECK_INT(kb_json_parse(&a, b.data, b.len, flags, &root, NULL), KB_ELIMIT);
    deep(&b, 100, "[{\"k\":", "}]", "\"v\"");
    CHECK_INT(kb_json_parse(&a, b.data, b.len, flags, &root, NULL), KB_OK);
    check_tree(root, 0, w);
    kb_arena_reset(&a);
  }
  kb_arena_clear(&a);
  kb_buf_clear(&b);
}

/* UTF-8 helpers on random bytes: sanitize gives valid text without NUL,
 * decode consumes 1..4 bytes and never reads past n. */
static void test_utf8(void) {
  char bytes[64];
  kb_buf out, low;
  kb_buf_init(&out, 0);
  kb_buf_init(&low, 0);
  for (int r = 0; r < 3000; r++) {
    size_t n = rnd_below(sizeof bytes);
    for (size_t i = 0; i < n; i++)
      bytes[i] = (char)(r & 1 ? rnd() : 0x80 | rnd());
    char *heap = malloc(n ? n : 1); /* exact size: ASan sees overreads */
    memcpy(heap, bytes, n);
    kb_buf_reset(&out);
    CHECK_INT(kb_utf8_sanitize(&out, heap, n), KB_OK);
    CHECK(kb_utf8_valid(out.data ? out.data : "", out.len));
    CHECK(out.len == 0 || strlen(out.data) == out.len);
    for (size_t i = 0; i < n;) {
      uint32_t cp;
      size_t k = kb_utf8_decode(heap + i, n - i, &cp);
      CHECK(k >= 1 && k <= 4 && k <= n - i && cp <= 0x10FFFF);
      i += k;
    }
    kb_buf_reset(&low);
    CHECK_INT(kb_str_lower(&low, heap, n), KB_OK);
    kb_str t = kb_str_trim((kb_str){heap, n});
    CHECK(t.n <= n);
    free(heap);
  }
  kb_buf_clear(&out);
  kb_buf_clear(&low);
  /* an empty view may have p == NULL (core.h); trimming it did NULL + 0,
   * which clang's UBSan reports (found through og:site_name="\x08") */
  kb_str e = kb_str_trim((kb_str){NULL, 0});
  CHECK(e.p == NULL && e.n == 0);
}

int main(void) {
  int rounds = kbf_setup(SEED, ROUNDS);

  kb_buf w, b;
  kb_buf_init(&w, 0);
  kb_buf_init(&b, 0);
  test_depth(&w);
  test_utf8();
  size_t nseeds = sizeof seeds / sizeof seeds[0];
  for (size_t s = 0; s < nseeds; s++) {
    parse_both(seeds[s], strlen(seeds[s]), &w);
    for (int i = 0; i < rounds; i++) {
      kb_buf_reset(&b);
      kb_buf_puts(&b, seeds[s]);
      mutate(&b);
      parse_both(b.data, b.len, &w);
    }
  }
  kb_buf_clear(&w);
  kb_buf_clear(&b);
  return KBT_DONE();
}
