/* Small read-only helpers over the libxml2 DOM for the HTML extractor:
 * attributes without allocation, tag tests and collapsed node text. */
#include <string.h>

#include "html/html_int.h"

/* strcasecmp in the C locale, inline: this runs for every attribute of
 * every element, several times, and nearly always fails on the first byte */
static int attr_name_eq(const unsigned char *a, const unsigned char *b) {
  for (;; a++, b++) {
    unsigned x = *a, y = *b;
    x += (x - 'A' < 26u) << 5;
    y += (y - 'A' < 26u) << 5;
    if (x != y)
      return 0;
    if (!x)
      return 1;
  }
}

const char *kb_html_attr(const xmlNode *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE)
    return NULL;
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    if (!a->name || !attr_name_eq(a->name, (const unsigned char *)name))
      continue;
    /* the HTML parser stores a value as one text child; an empty or
       value-less attribute has none */
    if (a->children && a->children->content)
      return (const char *)a->children->content;
    return "";
  }
  return NULL;
}

int kb_html_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         strcmp((const char *)n->name, name) == 0;
}

kb_status kb_html_collapse(kb_buf *out, const char *s, size_t n) {
  /* a space is written at once (never twice, never first), so adjacent
     text nodes "foo<b>bar</b>" stay one word; callers trim the end */
  kb_status rc = KB_OK;
  size_t i = 0;
  while (i < n && !rc) {
    size_t run = i;
    unsigned char c = (unsigned char)s[i];
    int space;
    if (c < 0x80) {
      space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
              c == '\v';
      if (!space) {
        while (i < n && (unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x80)
          i++;
        if (i == run) { /* other C0 control: dropped */
          i++;
          continue;
        }
      } else {
        i++;
      }
    } else {
      uint32_t cp;
      i += kb_utf8_decode(s + i, n - i, &cp);
      space = kb_unicode_isspace(cp);
    }
    if (space) {
      if (out->len && out->data[out->len - 1] != ' ')
        rc = kb_buf_putc(out, ' ');
    } else if (c >= 0x80 && i - run == 1) {
      /* an invalid byte (libxml2 passes them through when a page lies about
         its charset): U+FFFD, so paragraphs stay valid UTF-8 */
      rc = kb_buf_append(out, "\xEF\xBF\xBD", 3);
    } else {
      rc = kb_buf_append(out, s + run, i - run);
    }
  }
  return rc;
}

static int skip_tag(const xmlNode *n) {
  return kb_html_is(n, "script") || kb_html_is(n, "style") ||
         kb_html_is(n, "noscript") || kb_html_is(n, "template");
}

static kb_status node_text_rec(const xmlNode *n, kb_buf *out, int depth) {
  kb_status rc = KB_OK;
  if (depth > 200)
    return KB_OK;
  for (const xmlNode *c = n->children; c && !rc; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) {
        rc = kb_html_collapse(out, (const char *)c->content,
                              strlen((const char *)c->content));
      }
    } else if (c->type == XML_ELEMENT_NODE && !skip_tag(c)) {
      if (kb_html_is(c, "br") && out->len && out->data[out->len - 1] != ' ')
        rc = kb_buf_putc(out, ' ');
      if (!rc)
        rc = node_text_rec(c, out, depth + 1);
    }
  }
  return rc;
}

kb_status kb_html_node_text(const xmlNode *n, kb_buf *out) {
  if (!n)
    return KB_OK;
  if (n->type == XML_TEXT_NODE)
    return n->content ? kb_html_collapse(out, (const char *)n->content,
                                         strlen((const char *)n->content))
                      : KB_OK;
  return node_text_rec(n, out, 0);
}
