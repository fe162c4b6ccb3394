/* Unit tests for src/core: arena, buffer caps, UTF-8 repair, JSON. */
#include <stdlib.h>
#include <string.h>

#include "kabar/core.h"
#include "kabar/dates.h"
#include "kbtest.h"

static void test_arena(void) {
  kb_arena a;
  kb_arena_init(&a);
  char *s = kb_arena_strdup(&a, "halo");
  CHECK_STR(s, "halo");
  void *big = kb_arena_alloc(&a, 100000);
  CHECK(big != NULL);
  CHECK(((uintptr_t)big & 15) == 0);
  CHECK_STR(kb_arena_printf(&a, "%d-%s", 7, "x"), "7-x");
  a.max = 1000;
  kb_arena_reset(&a);
  CHECK(kb_arena_alloc(&a, 2000) == NULL);
  /* a size near SIZE_MAX must not wrap when rounded up */
  CHECK(kb_arena_alloc(&a, SIZE_MAX - 3) == NULL);
  CHECK(kb_arena_calloc(&a, SIZE_MAX) == NULL);
  kb_arena_clear(&a);
  CHECK(a.head == NULL);
}

static void test_buf(void) {
  kb_buf b;
  kb_buf_init(&b, 8);
  CHECK_STR(kb_buf_cstr(&b), "");
  CHECK_INT(kb_buf_puts(&b, "abcd"), KB_OK);
  CHECK_INT(kb_buf_printf(&b, "%d", 123), KB_OK);
  CHECK_STR(kb_buf_cstr(&b), "abcd123");
  CHECK_INT(kb_buf_puts(&b, "xy"), KB_ELIMIT);
  CHECK_STR(kb_buf_cstr(&b), "abcd123");
  kb_buf_clear(&b);
}

static void test_utf8(void) {
  kb_buf b;
  kb_buf_init(&b, 0);
  CHECK(kb_utf8_valid("Jum\xC3\xA1t", 6));
  CHECK(!kb_utf8_valid("a\xC3(b", 4));
  kb_utf8_sanitize(&b, "a\xC3(b\x01", 5);
  CHECK_STR(kb_buf_cstr(&b), "a\xEF\xBF\xBD(b");
  kb_buf_reset(&b);
  kb_str_lower(&b, "\xC3\x89T\xC3\x89 \xD0\x9C", 8); /* ÉTÉ М */
  CHECK_STR(kb_buf_cstr(&b), "\xC3\xA9t\xC3\xA9 \xD0\xBC");
  char low[8];
  CHECK_INT(kb_str_lower_into("\xC3\x89T\xC3\x89", 5, low, sizeof low), 5);
  CHECK(memcmp(low, "\xC3\xA9t\xC3\xA9", 5) == 0);
  CHECK_INT(kb_str_lower_into("ABCDEFGHI", 9, low, sizeof low),
            0); /* too long */
  kb_str t = kb_str_trim((kb_str){"\xC2\xA0 x y \xC2\xA0", 9});
  CHECK_INT(t.n, 3);
  CHECK(kb_unicode_isalnum(0x4E2D));
  CHECK(!kb_unicode_isalnum('-'));
  CHECK_INT(kb_hex_digit('7'), 7);
  CHECK_INT(kb_hex_digit('b'), 11);
  CHECK_INT(kb_hex_digit('F'), 15);
  CHECK_INT(kb_hex_digit('g'), -1);
  CHECK_INT(kb_hex_digit(0xC3), -1);
  kb_buf_clear(&b);
}

static void test_json_write(void) {
  kb_buf b;
  kb_buf_init(&b, 0);
  const char *strs[] = {"AFP", "say \"hi\""};
  CHECK_INT(kb_json_write_strs(&b, strs, 2), KB_OK);
  CHECK_STR(kb_buf_cstr(&b), "[\"AFP\",\"say \\\"hi\\\"\"]");
  kb_buf_reset(&b);
  CHECK_INT(kb_json_write_strs(&b, strs, 0), KB_OK);
  CHECK_STR(kb_buf_cstr(&b), "[]");
  kb_buf_clear(&b);
}

static void test_json(void) {
  kb_arena a;
  kb_arena_init(&a);
  kb_json *j;
  size_t off = 0;
  const char *doc =
      "{\"a\": [1, 2.5, true, null], \"b\": \"x\\u00e9\\n\\ud83d\\ude00\"}";
  CHECK_INT(kb_json_parse(&a, doc, strlen(doc), 0, &j, &off), KB_OK);
  CHECK_INT(kb_json_get(j, "a")->len, 4);
  CHECK_STR(kb_json_get_str(j, "b"), "x\xC3\xA9\n\xF0\x9F\x98\x80");
  const char *bad = "{\"a\": [1, 2,], }";
  CHECK_INT(kb_json_parse(&a, bad, strlen(bad), 0, &j, &off), KB_EPARSE);
  CHECK_INT(off, 12);
  CHECK_INT(kb_json_parse(&a, bad, strlen(bad), KB_JSON_LENIENT, &j, &off),
            KB_OK);
  /* out-of-range numbers are kept, not an error */
  const char *huge = "{\"fetched\": 1e400, \"n\": -1e400}";
  CHECK_INT(kb_json_parse(&a, huge, strlen(huge), 0, &j, &off), KB_OK);
  CHECK(kb_json_get(j, "fetched")->num > 1e300);
  const char *ld =
      "<!-- {\"@type\": \"NewsArticle\", /* c */ \"headline\": \"a\tb\"}; -->";
  CHECK_INT(kb_json_parse(&a, ld, strlen(ld), KB_JSON_LENIENT, &j, &off),
            KB_OK);
  CHECK_STR(kb_json_get_str(j, "headline"), "a\tb");
  /* deep nesting is a limit, not a stack overflow */
  char *deep = malloc(100001);
  memset(deep, '[', 100000);
  deep[100000] = 0;
  CHECK_INT(kb_json_parse(&a, deep, 100000, 0, &j, &off), KB_ELIMIT);
  free(deep);
  kb_buf b;
  kb_buf_init(&b, 0);
  kb_json_write_str(&b, "a\"\\\n\x01\xFF", 6);
  CHECK_STR(kb_buf_cstr(&b), "\"a\\\"\\\\\\n\\u0001\xEF\xBF\xBD\"");
  kb_buf_clear(&b);
  kb_arena_clear(&a);
}

static void test_data(void) {
  kb_lines it;
  kb_str line, f[3];
  const char *txt = "# c\n\n a\tb \r\nc\n";
  kb_lines_init(&it, txt, strlen(txt));
  CHECK(kb_lines_next(&it, &line));
  CHECK_INT(kb_str_split_tabs(line, f, 3), 2);
  CHECK(kb_str_eq(f[1], "b"));
  CHECK(kb_lines_next(&it, &line));
  CHECK(kb_str_eq(line, "c"));
  CHECK(!kb_lines_next(&it, &line));
  CHECK(kb_hash64("abc", 3, 0) != kb_hash64("abd", 3, 0));
  CHECK(kb_hash64("abc", 3, 0) != kb_hash64("abc", 3, 1));
  CHECK(kb_hash64(NULL, 0, 7) == kb_hash64("", 0, 7));
}

static const char *iso_of(const char *s) {
  static char out[32];
  kb_datetime t;
  if (!kb_datetime_parse_iso(s, strlen(s), &t))
    return "none";
  kb_datetime_iso(&t, out);
  return out;
}

static void test_parse_iso(void) {
  CHECK_STR(iso_of("2023-08-16T09:46:00+07:00"), "2023-08-16T09:46:00+07:00");
  CHECK_STR(iso_of("2023-08-16 09:46"), "2023-08-16T09:46:00");
  CHECK_STR(iso_of("2016-02-23 T16:00:20Z"), "2016-02-23T16:00:20+00:00");
  CHECK_STR(iso_of("2016-02-23 t16:00"), "2016-02-23T16:00:00");
  CHECK_STR(iso_of("2016-02-23 Tuesday"), "2016-02-23"); /* a day only */
  CHECK_STR(iso_of("2016-02-30"), "none");
}

int main(void) {
  test_arena();
  test_buf();
  test_utf8();
  test_json();
  test_json_write();
  test_data();
  test_parse_iso();
  return KBT_DONE();
}
