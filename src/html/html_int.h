/* Private seams of the HTML extractor (src/html/): the cue tables read from
 * data/html/, the metadata pass and the body pass over one libxml2 DOM.
 * Used only by the files in this folder. */
#ifndef KB_HTML_INT_H
#define KB_HTML_INT_H

#include <libxml/HTMLparser.h>

#include "extract/extract_int.h"

/* ---- cue tables (html_tables.c), built once, immutable ------------------ */
enum { KB_CUE_DROP = 1, KB_CUE_END = 2, KB_CUE_LINE = 4, KB_CUE_TAIL = 8 };

typedef struct kb_html_cue {
  const char *phrase; /* lower-case, static (points into embedded data) */
  size_t n;
  int kind; /* KB_CUE_* */
} kb_html_cue;

typedef struct kb_html_tables {
  /* class/id word weights: open addressing over lower-cased words */
  uint64_t word_hash[1024];
  int8_t word_weight[1024];
  uint8_t word_used[1024];
  /* whole class values naming an article-body container */
  uint64_t body_hash[256];
  uint8_t body_used[256];
  kb_html_cue *cues;
  size_t ncues;
  kb_html_cue *author_cues; /* kind: KB_AUTHOR_* */
  size_t nauthor_cues;
  uint8_t byline_first[256]; /* first bytes of byline cues, both cases */
} kb_html_tables;

enum {
  KB_AUTHOR_PREFIX = 1,
  KB_AUTHOR_CUT = 2,
  KB_AUTHOR_REJECT = 3,
  KB_AUTHOR_BYLINE = 4,
  KB_AUTHOR_ORG = 5,    /* a word that makes a name an organisation's */
  KB_AUTHOR_CREDIT = 6, /* a candidate starting with it is a photo credit */
  KB_AUTHOR_SEP = 7,    /* a phrase between two names ("im gespräch mit") */
  KB_AUTHOR_SIGN = 8,   /* a closing greeting before a signature ("euer") */
  KB_AUTHOR_VERB = 9,   /* a publishing verb before "by <a>Name</a>" */
  KB_AUTHOR_FOOTER = 10 /* a footer credit word ("© 2021 Theme by") */
};

/* Never NULL; the tables live for the whole process. */
const kb_html_tables *kb_html_tables_get(void);
/* The author cues of one kind (KB_AUTHOR_*) in file order, their count in
 * *n (0 when there are none; NULL for an unknown kind). The list lives for
 * the process. */
const kb_html_cue *const *kb_html_author_cues(int kind, size_t *n);
/* Weight of one lower-case class word; 0 when unknown. */
int kb_html_word_weight(const kb_html_tables *t, const char *w, size_t n);
/* 1 when the lower-case class token names a body container. */
int kb_html_is_body_class(const kb_html_tables *t, const char *w, size_t n);
/* KB_CUE_* kinds of the cue phrases that start text (ORed), 0 if none. */
int kb_html_cue_match(const kb_html_tables *t, const char *s, size_t n);
/* 1 when a KB_CUE_TAIL phrase occurs anywhere in s[0..n) as whole words. */
int kb_html_cue_tail(const kb_html_tables *t, const char *s, size_t n);

/* ---- parsing (html_extract.c) ------------------------------------------- */
/* Parses UTF-8 HTML with libxml2 and the extractor's flags: the one place
 * pages are parsed. The caller frees the result with xmlFreeDoc; NULL when
 * libxml2 gives no document. */
xmlDoc *kb_html_parse(const char *html, size_t n, const char *url);

/* ---- small DOM helpers (html_dom.c) ------------------------------------ */
/* Attribute value without allocating; NULL when absent. */
const char *kb_html_attr(const xmlNode *n, const char *name);
/* 1 when name (lower-case ASCII) equals the element's tag. */
int kb_html_is(const xmlNode *n, const char *name);
/* Appends the text under n with white space collapsed (skips script and
 * style). Adds a single space between blocks. */
kb_status kb_html_node_text(const xmlNode *n, kb_buf *out);
/* Collapses white space runs of s[0..n) into one space and trims; appends to
 * out. */
kb_status kb_html_collapse(kb_buf *out, const char *s, size_t n);

/* ---- metadata (html_meta.c) --------------------------------------------- */
typedef struct kb_html_meta {
  const char *ld_body; /* JSON-LD articleBody (scratch arena); may be NULL */
  size_t ld_body_len;
  const char *lang_tag; /* the page's declared language tag as written
                           ("en-US"; lives in the DOM); may be NULL */
  const char *h1;       /* chosen headline text from the DOM; may be NULL */
  int ld_article;       /* 1 when JSON-LD names an Article type */
} kb_html_meta;

kb_status kb_html_meta_extract(xmlDoc *doc, const kb_extract_opts *opts,
                               kb_arena *scratch, kb_article *out,
                               kb_html_meta *meta);

/* ---- body (html_body.c) ------------------------------------------------- */
kb_status kb_html_body_extract(xmlDoc *doc, const kb_html_meta *meta,
                               kb_arena *scratch, kb_article *out);

#endif
