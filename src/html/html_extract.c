/* kb_html_extract: one HTML page (UTF-8) to one article. Parses once with
 * libxml2, then runs the metadata pass, the dates pass (src/dates/) and the
 * body pass over the same DOM. Called by kb_extract for HTML input. */
#include <string.h>

#include "html/html_int.h"

/* libxml2 reports parse problems through a global handler; recovery mode
 * plus NOERROR/NOWARNING keeps it quiet, the tree is all we use. */
static const int parse_flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                               HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;

xmlDoc *kb_html_parse(const char *html, size_t n, const char *url) {
  if (!html || n > (size_t)0x7fffffff)
    return NULL;
  return htmlReadMemory(html, (int)n, url, "UTF-8", parse_flags);
}

kb_status kb_html_extract(const char *html, size_t n,
                          const kb_extract_opts *opts, kb_article *out) {
  kb_status rc = KB_OK;
  kb_arena scratch;
  kb_arena_init(&scratch);
  xmlDoc *doc = NULL;
  if (!out)
    return KB_EINVAL;
  if (opts && opts->source && !out->source &&
      (rc = kb_article_set(out, &out->source, opts->source,
                           strlen(opts->source))))
    goto fail;
  if (opts && opts->fetched)
    out->fetched = opts->fetched;
  if (!html || n == 0) {
    kb_article_add_diag(out, "empty", -1, "empty page");
    goto fail;
  }
  if (n > (size_t)0x7fffffff) {
    rc = KB_ELIMIT;
    goto fail;
  }
  doc = kb_html_parse(html, n, opts && opts->url ? opts->url : NULL);
  if (!doc || !xmlDocGetRootElement(doc)) {
    kb_article_add_diag(out, "bad-html", -1,
                        "page could not be parsed as HTML");
    goto fail;
  }
  kb_html_meta meta;
  if ((rc = kb_html_meta_extract(doc, opts, &scratch, out, &meta)))
    goto fail;

  kb_date_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  /* the whole tag: "en-US" reads 05/08/2023 month-first, "en" does not */
  ctx.lang = meta.lang_tag ? meta.lang_tag : out->language;
  ctx.now = opts ? (opts->now ? opts->now : opts->fetched) : 0;
  kb_date pub, mod;
  memset(&pub, 0, sizeof pub);
  memset(&mod, 0, sizeof mod);
  if (kb_html_dates(doc, out->url, &ctx, &pub, &mod) == KB_OK) {
    out->published = pub;
    out->modified = mod;
  }

  rc = kb_html_body_extract(doc, &meta, &scratch, out);
fail:
  if (doc)
    xmlFreeDoc(doc);
  kb_arena_clear(&scratch);
  return rc;
}
