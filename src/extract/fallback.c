/* When the DOM gives no article (weak structure: text in bare <div>s and
 * <br>s, scripts that drew the page), the page's visible text goes through
 * the plain-text line classifier instead: one block element, one line, as a
 * browser would show it. Called by kb_extract after kb_html_extract. */
#include <string.h>

#include <libxml/HTMLparser.h>

#include "extract/extract_int.h"

/* Elements whose text a reader never sees. */
static int invisible(const char *name) {
  static const char *const names[] = {
      "script", "style",  "noscript", "template", "head",   "svg",
      "iframe", "select", "button",   "object",   "canvas", "math"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(name, names[i]) == 0)
      return 1;
  return 0;
}

/* Elements that start a new line of text. */
static int block(const char *name) {
  static const char *const names[] = {
      "p",       "div",     "br",      "li",         "ul",     "ol",
      "h1",      "h2",      "h3",      "h4",         "h5",     "h6",
      "tr",      "table",   "section", "article",    "header", "footer",
      "nav",     "aside",   "main",    "blockquote", "pre",    "dd",
      "dt",      "dl",      "figure",  "figcaption", "form",   "hr",
      "address", "details", "summary"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(name, names[i]) == 0)
      return 1;
  return 0;
}

static void newline(kb_buf *out) {
  if (out->len && out->data[out->len - 1] != '\n')
    kb_buf_putc(out, '\n');
}

/* Appends the visible text below n; white space inside a line collapses. */
static void visible_text(xmlNode *n, kb_buf *out, int depth) {
  if (depth > 256)
    return; /* pathological nesting: the rest is not prose */
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE && n->content) {
      const char *s = (const char *)n->content;
      for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
          if (out->len && out->data[out->len - 1] != ' ' &&
              out->data[out->len - 1] != '\n')
            kb_buf_putc(out, ' ');
        } else {
          kb_buf_putc(out, c);
        }
      }
    } else if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      if (invisible(name))
        continue;
      int b = block(name);
      if (b)
        newline(out);
      visible_text(n->children, out, depth + 1);
      if (b)
        newline(out);
    }
  }
}

kb_status kb_extract_text_fallback(const char *html, size_t n,
                                   const kb_extract_opts *opts,
                                   kb_article *out) {
  if (n > (size_t)INT32_MAX)
    return KB_ELIMIT;
  htmlDocPtr doc =
      htmlReadMemory(html, (int)n, NULL, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (!doc)
    return KB_OK;
  kb_buf text;
  kb_buf_init(&text, 0);
  xmlNode *root = xmlDocGetRootElement(doc);
  if (root)
    visible_text(root, &text, 0);
  xmlFreeDoc(doc);
  kb_article tmp;
  kb_article_init(&tmp);
  kb_status rc = kb_text_extract(kb_buf_cstr(&text), text.len, opts, &tmp);
  if (rc == KB_OK && tmp.nbody > 0) {
    for (size_t i = 0; !rc && i < tmp.nbody; i++)
      rc = kb_article_add_para(out, tmp.body[i], strlen(tmp.body[i]));
    for (size_t i = 0; !rc && i < tmp.ncredits; i++)
      rc = kb_article_add_credit(out, tmp.credits[i], strlen(tmp.credits[i]));
    if (!rc && !out->title && tmp.title)
      rc = kb_article_set(out, &out->title, tmp.title, strlen(tmp.title));
    if (!rc && !out->published.from && tmp.published.from)
      out->published = tmp.published;
    out->confidence = tmp.confidence * 0.8; /* a second-best route */
    if (!rc)
      rc = kb_article_add_diag(out, "text-fallback", -1,
                               "no article in the page structure; body taken "
                               "from its visible text by the line classifier");
  }
  kb_article_free(&tmp);
  kb_buf_clear(&text);
  return rc;
}
