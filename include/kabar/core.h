/* kabar core: status codes, arenas, bounded buffers, string views, UTF-8,
 * hashing, embedded data files and a small JSON reader/writer.
 * Everything else in kabar stands on this header; it depends on nothing. */
#ifndef KABAR_CORE_H
#define KABAR_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. Numbers are never reused. */
typedef enum kb_status {
  KB_OK = 0,
  KB_ENOMEM = 1,    /* out of memory */
  KB_EIO = 2,       /* read/write failed */
  KB_EPARSE = 3,    /* input could not be understood */
  KB_ELIMIT = 4,    /* a size limit was hit */
  KB_EINVAL = 5,    /* bad argument */
  KB_EDB = 6,       /* the store failed */
  KB_ENOTFOUND = 7, /* no such item */
  KB_ROW = 100,     /* an iterator produced an item */
  KB_DONE = 101     /* an iterator is exhausted */
} kb_status;

/* Static English words for a status; never NULL. */
const char *kb_status_str(kb_status rc);

/* ---- string view ---------------------------------------------------- */
typedef struct kb_str {
  const char *p; /* not NUL-terminated in general; may be NULL when n == 0 */
  size_t n;      /* bytes */
} kb_str;

/* ---- arena -------------------------------------------------------------
 * Everything one document's processing allocates lives in its arena and
 * dies with it. kb_arena_reset keeps the first block for reuse. */
typedef struct kb_arena_block kb_arena_block;
typedef struct kb_arena {
  kb_arena_block *head; /* newest block; NULL when empty */
  size_t used;          /* bytes handed out since init/reset */
  size_t max;           /* cap in bytes; 0 = 1 GiB */
} kb_arena;

void kb_arena_init(kb_arena *a);
/* 16-byte aligned; NULL on out-of-memory or past the cap. Never freed alone. */
void *kb_arena_alloc(kb_arena *a, size_t n);
void *kb_arena_calloc(kb_arena *a, size_t n);
/* Copies s[0..n) and adds a NUL. NULL on out-of-memory. */
char *kb_arena_strndup(kb_arena *a, const char *s, size_t n);
char *kb_arena_strdup(kb_arena *a, const char *s);
char *kb_arena_printf(kb_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void kb_arena_reset(kb_arena *a); /* forget all, keep one block */
void kb_arena_clear(kb_arena *a); /* free all */

/* ---- growable buffer with a cap --------------------------------------- */
typedef struct kb_buf {
  char *data; /* always NUL-terminated after a successful append; may be NULL
                 before the first one */
  size_t len; /* bytes in use, excluding the NUL */
  size_t cap; /* bytes allocated */
  size_t max; /* cap on len; 0 = 1 GiB; appends past it fail with KB_ELIMIT */
} kb_buf;

void kb_buf_init(kb_buf *b, size_t max);
kb_status kb_buf_append(kb_buf *b, const void *p, size_t n);
kb_status kb_buf_puts(kb_buf *b, const char *s);
kb_status kb_buf_putc(kb_buf *b, int c);
kb_status kb_buf_printf(kb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *kb_buf_cstr(kb_buf *b); /* "" when empty; owned by b */
void kb_buf_reset(kb_buf *b);       /* len = 0, keeps memory */
void kb_buf_clear(kb_buf *b);       /* frees memory */

/* ---- UTF-8 -------------------------------------------------------------- */
/* Decodes one code point at s (n > 0 bytes available). Returns the bytes
 * consumed (1..4); an invalid or truncated sequence consumes 1 byte and
 * yields U+FFFD. */
size_t kb_utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t kb_utf8_encode(uint32_t cp, char out[4]);
int kb_utf8_valid(const char *s, size_t n);
/* Appends s to out with every invalid sequence replaced by U+FFFD and NUL
 * and other C0 controls except \t \n \r dropped. */
kb_status kb_utf8_sanitize(kb_buf *out, const char *s, size_t n);
/* Simple lower-casing of one code point (ASCII, Latin-1, Latin Ext-A,
 * Greek, Cyrillic); other code points are returned unchanged. */
uint32_t kb_unicode_lower(uint32_t cp);
/* 1 for letters and digits (Unicode-aware for the common scripts). */
int kb_unicode_isalnum(uint32_t cp);
/* 1 for Unicode white space, including U+00A0 and U+200B..U+200D. */
int kb_unicode_isspace(uint32_t cp);

/* ---- hashing ------------------------------------------------------------ */
uint64_t kb_hash64(const void *p, size_t n, uint64_t seed);

/* ---- embedded data files -------------------------------------------------
 * Every file under data/ (except data/samples) is compiled into the library.
 * name is the path below data/, e.g. "dates/months.tsv". The returned
 * pointer has static lifetime; NULL when there is no such file. */
const char *kb_data_get(const char *name, size_t *len);
/* Iterates the data files whose names start with prefix: *i starts at 0.
 * Returns the name or NULL at the end. */
const char *kb_data_next(const char *prefix, size_t *i);

/* Steps through the lines of a text, skipping blank lines and lines whose
 * first non-space character is '#'. Lines are trimmed of surrounding space
 * and of a trailing \r. Returns 0 at the end. */
typedef struct kb_lines {
  const char *p;
  const char *end;
} kb_lines;
void kb_lines_init(kb_lines *it, const char *s, size_t n);
int kb_lines_next(kb_lines *it, kb_str *line);
/* Splits a line on tabs: fills up to max fields, returns the field count. */
size_t kb_str_split_tabs(kb_str line, kb_str *fields, size_t max);

/* ---- page kind --------------------------------------------------------- */
/* 1 when the bytes look like HTML markup (the first 1 KB decides). */
int kb_sniff_html(const char *s, size_t n);

/* ---- small string helpers ---------------------------------------------- */
kb_str kb_str_trim(kb_str s); /* strips Unicode space at both ends */
int kb_str_eq(kb_str a, const char *b);
int kb_str_ieq_ascii(kb_str a, const char *b); /* ASCII case-insensitive */
int kb_hex_digit(int c); /* value of a hex digit 0-9a-fA-F, else -1 */
/* Writes the simple lower-cased form of s (see kb_unicode_lower) into out. */
kb_status kb_str_lower(kb_buf *out, const char *s, size_t n);
/* The same into out[0..cap): returns the length, or 0 when it does not fit
 * (a word too long to be in a table). */
size_t kb_str_lower_into(const char *s, size_t n, char *out, size_t cap);

/* ---- JSON ----------------------------------------------------------------
 * A small DOM reader: all nodes and strings live in the caller's arena. */
typedef enum kb_json_type {
  KB_JSON_NULL,
  KB_JSON_BOOL,
  KB_JSON_NUM,
  KB_JSON_STR,
  KB_JSON_ARR,
  KB_JSON_OBJ
} kb_json_type;

typedef struct kb_json kb_json;
struct kb_json {
  kb_json_type type;
  const char *key; /* member name when inside an object; else NULL */
  const char *str; /* KB_JSON_STR: unescaped UTF-8, NUL-terminated */
  size_t len;      /* KB_JSON_STR: bytes; ARR/OBJ: number of children */
  double num;      /* KB_JSON_NUM; KB_JSON_BOOL: 0 or 1 */
  kb_json *child;  /* ARR/OBJ: first child; NULL when empty */
  kb_json *next;   /* next sibling; NULL at the end */
};

/* Tolerate what pages ship in JSON-LD: trailing commas, control characters
 * in strings, // and block comments, a trailing ';', HTML comment markers. */
#define KB_JSON_LENIENT 0x1u

/* Parses s[0..n). On KB_EPARSE *err_off (if not NULL) is the byte offset of
 * the error. The tree lives in arena a until it is reset. */
kb_status kb_json_parse(kb_arena *a, const char *s, size_t n, unsigned flags,
                        kb_json **out, size_t *err_off);
/* Member of an object by name (first match), or NULL. */
const kb_json *kb_json_get(const kb_json *obj, const char *key);
/* String value of a member, or NULL when absent or not a string. */
const char *kb_json_get_str(const kb_json *obj, const char *key);

/* Appends s as a quoted, escaped JSON string (invalid UTF-8 → U+FFFD). */
kb_status kb_json_write_str(kb_buf *out, const char *s, size_t n);
/* Appends s (NUL-terminated) as a JSON string, or null when s is NULL. */
kb_status kb_json_write_cstr(kb_buf *out, const char *s);
/* Appends the strings as a JSON array ["a","b"]. */
kb_status kb_json_write_strs(kb_buf *out, const char *const *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
