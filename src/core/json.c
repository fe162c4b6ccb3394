/* A small JSON reader into an arena, and the string writer every JSON
 * output in kabar uses. The lenient mode takes what web pages ship as
 * JSON-LD (trailing commas, raw newlines in strings, comments, stray
 * semicolons, <!-- -->), per trafilatura's experience with broken JSON-LD. */
#include <stdlib.h>
#include <string.h>

#include "kabar/core.h"

#define KB_JSON_MAX_DEPTH 256

typedef struct jp {
  kb_arena *a;
  const char *s;
  size_t n, i;
  unsigned flags;
  int depth;
  kb_buf tmp;
  kb_buf ok; /* a string's sanitized bytes, reused from string to string */
} jp;

static void skip_ws(jp *p) {
  for (;;) {
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\n' || p->s[p->i] == '\r'))
      p->i++;
    if (!(p->flags & KB_JSON_LENIENT) || p->i >= p->n)
      return;
    const char *c = p->s + p->i;
    size_t left = p->n - p->i;
    if (left >= 2 && c[0] == '/' && c[1] == '/') {
      while (p->i < p->n && p->s[p->i] != '\n')
        p->i++;
    } else if (left >= 2 && c[0] == '/' && c[1] == '*') {
      const char *e = NULL;
      for (size_t k = 2; k + 1 < left; k++)
        if (c[k] == '*' && c[k + 1] == '/') {
          e = c + k + 2;
          break;
        }
      p->i = e ? (size_t)(e - p->s) : p->n;
    } else if (left >= 4 && memcmp(c, "<!--", 4) == 0) {
      p->i += 4;
    } else if (left >= 3 && memcmp(c, "-->", 3) == 0) {
      p->i += 3;
    } else if ((unsigned char)c[0] == 0xEF && left >= 3 &&
               (unsigned char)c[1] == 0xBB && (unsigned char)c[2] == 0xBF) {
      p->i += 3;
    } else if ((unsigned char)c[0] == 0xC2 && left >= 2 &&
               (unsigned char)c[1] == 0xA0) {
      p->i += 2;
    } else {
      return;
    }
  }
}

static int read_hex4(jp *p, uint32_t *v) {
  if (p->n - p->i < 4)
    return 0;
  uint32_t x = 0;
  for (int k = 0; k < 4; k++) {
    int h = kb_hex_digit((unsigned char)p->s[p->i + (size_t)k]);
    if (h < 0)
      return 0;
    x = x << 4 | (uint32_t)h;
  }
  p->i += 4;
  *v = x;
  return 1;
}

/* p->i at the opening quote. */
static kb_status parse_string(jp *p, const char **out, size_t *len) {
  p->i++;
  kb_buf_reset(&p->tmp);
  size_t run = p->i;
  int escaped = 0; /* without escapes the string is its source bytes */
  kb_status rc;
  while (p->i < p->n) {
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"') {
      const char *raw = p->s + run;
      size_t nraw = p->i - run;
      if (escaped) {
        if ((rc = kb_buf_append(&p->tmp, raw, nraw)))
          return rc;
        raw = p->tmp.data ? p->tmp.data : "";
        nraw = p->tmp.len;
      }
      p->i++;
      kb_buf_reset(&p->ok);
      rc = kb_utf8_sanitize(&p->ok, raw, nraw);
      if (rc == KB_OK) {
        *out = kb_arena_strndup(p->a, p->ok.data ? p->ok.data : "", p->ok.len);
        *len = p->ok.len;
        if (!*out)
          rc = KB_ENOMEM;
      }
      return rc;
    }
    if (c < 0x20 && !(p->flags & KB_JSON_LENIENT))
      return KB_EPARSE;
    if (c != '\\') {
      p->i++;
      continue;
    }
    if ((rc = kb_buf_append(&p->tmp, p->s + run, p->i - run)))
      return rc;
    escaped = 1;
    p->i++;
    if (p->i >= p->n)
      return KB_EPARSE;
    char e = p->s[p->i++];
    char ch = 0;
    switch (e) {
    case '"': ch = '"'; break;
    case '\\': ch = '\\'; break;
    case '/': ch = '/'; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;
    case 'u': {
      uint32_t cp;
      if (!read_hex4(p, &cp))
        return KB_EPARSE;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo;
        if (p->n - p->i >= 6 && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
          p->i += 2;
          if (!read_hex4(p, &lo))
            return KB_EPARSE;
          if (lo >= 0xDC00 && lo <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          else
            cp = 0xFFFD;
        } else {
          cp = 0xFFFD;
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      char u[4];
      if ((rc = kb_buf_append(&p->tmp, u, kb_utf8_encode(cp, u))))
        return rc;
      run = p->i;
      continue;
    }
    default:
      if (!(p->flags & KB_JSON_LENIENT))
        return KB_EPARSE;
      ch = e; /* keep the character, drop the backslash */
    }
    if ((rc = kb_buf_putc(&p->tmp, ch)))
      return rc;
    run = p->i;
  }
  return KB_EPARSE;
}

static kb_status parse_value(jp *p, kb_json **out);

static kb_status parse_container(jp *p, kb_json *node, char close) {
  p->i++;
  kb_json **tail = &node->child;
  kb_status rc;
  if (++p->depth > KB_JSON_MAX_DEPTH)
    return KB_ELIMIT;
  for (;;) {
    skip_ws(p);
    if (p->i >= p->n)
      return KB_EPARSE;
    if (p->s[p->i] == close) {
      p->i++;
      p->depth--;
      return KB_OK;
    }
    if (node->len > 0) {
      if (p->s[p->i] != ',')
        return KB_EPARSE;
      p->i++;
      skip_ws(p);
      if ((p->flags & KB_JSON_LENIENT) && p->i < p->n && p->s[p->i] == close)
        continue; /* trailing comma */
    }
    const char *key = NULL;
    if (close == '}') {
      size_t klen;
      if (p->i >= p->n || p->s[p->i] != '"')
        return KB_EPARSE;
      if ((rc = parse_string(p, &key, &klen)))
        return rc;
      skip_ws(p);
      if (p->i >= p->n || p->s[p->i] != ':')
        return KB_EPARSE;
      p->i++;
    }
    kb_json *child;
    if ((rc = parse_value(p, &child)))
      return rc;
    child->key = key;
    *tail = child;
    tail = &child->next;
    node->len++;
  }
}

static kb_status parse_value(jp *p, kb_json **out) {
  skip_ws(p);
  if (p->i >= p->n)
    return KB_EPARSE;
  kb_json *v = kb_arena_calloc(p->a, sizeof *v);
  if (!v)
    return KB_ENOMEM;
  *out = v;
  char c = p->s[p->i];
  const char *rest = p->s + p->i;
  size_t left = p->n - p->i;
  if (c == '{') {
    v->type = KB_JSON_OBJ;
    return parse_container(p, v, '}');
  }
  if (c == '[') {
    v->type = KB_JSON_ARR;
    return parse_container(p, v, ']');
  }
  if (c == '"') {
    v->type = KB_JSON_STR;
    return parse_string(p, &v->str, &v->len);
  }
  if (left >= 4 && memcmp(rest, "true", 4) == 0) {
    v->type = KB_JSON_BOOL, v->num = 1, p->i += 4;
    return KB_OK;
  }
  if (left >= 5 && memcmp(rest, "false", 5) == 0) {
    v->type = KB_JSON_BOOL, p->i += 5;
    return KB_OK;
  }
  if (left >= 4 && memcmp(rest, "null", 4) == 0) {
    v->type = KB_JSON_NULL, p->i += 4;
    return KB_OK;
  }
  if (c == '-' || (c >= '0' && c <= '9')) {
    size_t k = p->i + 1;
    while (k < p->n && p->s[k] && strchr("0123456789.eE+-", p->s[k]))
      k++;
    char num[64];
    size_t len = k - p->i;
    if (len >= sizeof num)
      return KB_EPARSE;
    memcpy(num, rest, len);
    num[len] = '\0';
    char *end;
    v->type = KB_JSON_NUM;
    v->num = strtod(num, &end);
    /* 1e400 is valid JSON: it becomes ±HUGE_VAL rather than losing the
     * record (RFC 8259 §6 leaves the range to the implementation) */
    if (end != num + len)
      return KB_EPARSE;
    p->i = k;
    return KB_OK;
  }
  return KB_EPARSE;
}

kb_status kb_json_parse(kb_arena *a, const char *s, size_t n, unsigned flags,
                        kb_json **out, size_t *err_off) {
  jp p = {.a = a, .s = s, .n = n, .flags = flags};
  kb_buf_init(&p.tmp, 0);
  kb_buf_init(&p.ok, 0);
  *out = NULL;
  kb_status rc = parse_value(&p, out);
  if (rc == KB_OK) {
    skip_ws(&p);
    while ((flags & KB_JSON_LENIENT) && p.i < n && s[p.i] == ';') {
      p.i++;
      skip_ws(&p);
    }
    if (p.i != n)
      rc = KB_EPARSE;
  }
  kb_buf_clear(&p.tmp);
  kb_buf_clear(&p.ok);
  if (rc != KB_OK) {
    if (err_off)
      *err_off = p.i;
    *out = NULL;
  }
  return rc;
}

const kb_json *kb_json_get(const kb_json *obj, const char *key) {
  if (!obj || obj->type != KB_JSON_OBJ)
    return NULL;
  for (const kb_json *c = obj->child; c; c = c->next)
    if (c->key && strcmp(c->key, key) == 0)
      return c;
  return NULL;
}

const char *kb_json_get_str(const kb_json *obj, const char *key) {
  const kb_json *v = kb_json_get(obj, key);
  return v && v->type == KB_JSON_STR ? v->str : NULL;
}

kb_status kb_json_write_str(kb_buf *out, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  kb_status rc = kb_buf_putc(out, '"');
  size_t i = 0, run = 0;
  while (rc == KB_OK && i < n) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char u[6];
    size_t elen = 2;
    if (c == '"')
      esc = "\\\"";
    else if (c == '\\')
      esc = "\\\\";
    else if (c == '\n')
      esc = "\\n";
    else if (c == '\r')
      esc = "\\r";
    else if (c == '\t')
      esc = "\\t";
    else if (c < 0x20) {
      u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0';
      u[4] = hex[c >> 4], u[5] = hex[c & 15];
      esc = u, elen = 6;
    } else if (c >= 0x80) {
      uint32_t cp;
      size_t k = kb_utf8_decode(s + i, n - i, &cp);
      if (cp == 0xFFFD && k == 1) {
        rc = kb_buf_append(out, s + run, i - run);
        if (rc == KB_OK)
          rc = kb_buf_append(out, "\xEF\xBF\xBD", 3);
        run = ++i;
        continue;
      }
      i += k;
      continue;
    }
    if (esc) {
      rc = kb_buf_append(out, s + run, i - run);
      if (rc == KB_OK)
        rc = kb_buf_append(out, esc, elen);
      run = ++i;
      continue;
    }
    i++;
  }
  if (rc == KB_OK)
    rc = kb_buf_append(out, s + run, i - run);
  if (rc == KB_OK)
    rc = kb_buf_putc(out, '"');
  return rc;
}

kb_status kb_json_write_cstr(kb_buf *out, const char *s) {
  return s ? kb_json_write_str(out, s, strlen(s)) : kb_buf_puts(out, "null");
}

kb_status kb_json_write_strs(kb_buf *out, const char *const *s, size_t n) {
  kb_status rc = kb_buf_putc(out, '[');
  for (size_t i = 0; !rc && i < n; i++) {
    if (i)
      rc = kb_buf_putc(out, ',');
    if (!rc)
      rc = kb_json_write_cstr(out, s[i]);
  }
  return rc ? rc : kb_buf_putc(out, ']');
}
