/* UTF-8 decoding and repair, simple case mapping and character classes.
 * Pages arrive with broken bytes; nothing here fails on them: an invalid
 * sequence decodes as U+FFFD one byte at a time (WHATWG "maximal subpart"
 * is not needed for our uses). */
#include <string.h>

#include "kabar/core.h"

size_t kb_utf8_decode(const char *str, size_t n, uint32_t *cp) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t need;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) {
    need = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    need = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    need = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (n < need) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return need;
}

size_t kb_utf8_encode(uint32_t cp, char out[4]) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    cp = 0xFFFD;
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

int kb_utf8_valid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    if (cp == 0xFFFD && k == 1)
      return 0;
    i += k;
  }
  return 1;
}

kb_status kb_utf8_sanitize(kb_buf *out, const char *s, size_t n) {
  size_t i = 0, run = 0; /* run: start of bytes to copy unchanged */
  kb_status rc;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
      continue;
    }
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      if ((rc = kb_buf_append(out, s + run, i - run)))
        return rc;
      run = ++i;
      continue;
    }
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    if (cp == 0xFFFD && k == 1) {
      if ((rc = kb_buf_append(out, s + run, i - run)))
        return rc;
      if ((rc = kb_buf_append(out, "\xEF\xBF\xBD", 3)))
        return rc;
      run = ++i;
      continue;
    }
    i += k;
  }
  return kb_buf_append(out, s + run, i - run);
}

uint32_t kb_unicode_lower(uint32_t c) {
  if (c < 0x80)
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return c + 32;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130)
      return 'i';
    if (c == 0x178)
      return 0xFF;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
      return (c & 1) ? c + 1 : c;
    return (c & 1) ? c : c + 1;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
    return c + 32;
  if (c >= 0x410 && c <= 0x42F)
    return c + 32;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  return c;
}

int kb_unicode_isspace(uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

int kb_unicode_isalnum(uint32_t c) {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
  if (c == 0xD7 || c == 0xF7)
    return 0;
  if (c >= 0xC0 && c <= 0x24F)
    return 1; /* Latin */
  if (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387)
    return 1; /* Greek */
  if (c >= 0x400 && c <= 0x52F)
    return 1; /* Cyrillic */
  if (c >= 0x5D0 && c <= 0x5EA)
    return 1; /* Hebrew */
  if ((c >= 0x620 && c <= 0x64A) || (c >= 0x660 && c <= 0x669))
    return 1;
  if (c >= 0x900 && c <= 0xDFF)
    return 1; /* Indic */
  if (c >= 0xE00 && c <= 0xEFF)
    return 1; /* Thai, Lao */
  if (c >= 0x1E00 && c <= 0x1EFF)
    return 1; /* Latin Ext Add. */
  if (c >= 0x3040 && c <= 0x30FF)
    return 1; /* kana */
  if (c >= 0x3400 && c <= 0x9FFF)
    return 1; /* CJK */
  if (c >= 0xAC00 && c <= 0xD7A3)
    return 1; /* Hangul */
  return 0;
}

kb_status kb_str_lower(kb_buf *out, const char *s, size_t n) {
  size_t i = 0;
  kb_status rc;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if ((rc = kb_buf_putc(out, (c >= 'A' && c <= 'Z') ? c + 32 : c)))
        return rc;
      i++;
      continue;
    }
    uint32_t cp;
    i += kb_utf8_decode(s + i, n - i, &cp);
    char tmp[4];
    if ((rc = kb_buf_append(out, tmp,
                            kb_utf8_encode(kb_unicode_lower(cp), tmp))))
      return rc;
  }
  return KB_OK;
}

size_t kb_str_lower_into(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (o + 1 > cap)
        return 0;
      out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
      i++;
      continue;
    }
    uint32_t cp;
    i += kb_utf8_decode(s + i, n - i, &cp);
    char tmp[4];
    size_t k = kb_utf8_encode(kb_unicode_lower(cp), tmp);
    if (o + k > cap)
      return 0;
    memcpy(out + o, tmp, k);
    o += k;
  }
  return o;
}

static size_t space_prefix(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    size_t k = kb_utf8_decode(s + i, n - i, &cp);
    if (!kb_unicode_isspace(cp))
      break;
    i += k;
  }
  return i;
}

kb_str kb_str_trim(kb_str s) {
  if (s.n == 0) /* p may be NULL then, and NULL + 0 is undefined in C */
    return s;
  size_t lead = space_prefix(s.p, s.n);
  s.p += lead;
  s.n -= lead;
  while (s.n > 0) {
    /* step back to the start of the last code point */
    size_t k = s.n - 1;
    while (k > 0 && ((unsigned char)s.p[k] & 0xC0) == 0x80 && s.n - k < 4)
      k--;
    uint32_t cp;
    kb_utf8_decode(s.p + k, s.n - k, &cp);
    if (!kb_unicode_isspace(cp))
      break;
    s.n = k;
  }
  return s;
}

int kb_hex_digit(int c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

int kb_str_eq(kb_str a, const char *b) {
  size_t n = strlen(b);
  return a.n == n && (n == 0 || memcmp(a.p, b, n) == 0);
}

int kb_str_ieq_ascii(kb_str a, const char *b) {
  size_t n = strlen(b);
  if (a.n != n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a.p[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z')
      x += 32;
    if (y >= 'A' && y <= 'Z')
      y += 32;
    if (x != y)
      return 0;
  }
  return 1;
}
