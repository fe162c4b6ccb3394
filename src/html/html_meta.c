/* Metadata of an HTML page: title (without the site suffix), standfirst,
 * authors, site name, canonical URL, language, and what JSON-LD says about
 * the article (headline, authors, publisher, articleBody). Runs on the DOM
 * before the body pass in kb_html_extract. */
#define _GNU_SOURCE /* strcasestr */
#include <string.h>
#include <strings.h>

#include "html/html_int.h"

enum { MAX_AUTHORS = 8, MAX_H1 = 8, MAX_PERSONS = 32 };

static int is_space_ascii(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next word of t at or after *i, words split at spaces: sets *b to its
 * start and *i to its end; 0 when no word is left. */
static int next_word(kb_str t, size_t *i, size_t *b) {
  while (*i < t.n && t.p[*i] == ' ')
    (*i)++;
  *b = *i;
  while (*i < t.n && t.p[*i] != ' ')
    (*i)++;
  return *i > *b;
}

/* Class and id words the walk looks for, each with the lists it is in.
 * One pass over an element's class and id finds them all: the walk used
 * to tokenize the same attributes once per list, on every element. */
enum {
  CW_BYLINE = 1,  /* a byline or author box ("byline", "author") */
  CW_USER = 2,    /* forum and CMS user names ("Thread starter <a
                     class=username>") */
  CW_LOGO = 4,    /* a logo or brand <h1>: the site's name, no headline */
  CW_KICKER = 8,  /* a kicker, roofline or label printed next to a headline
                     inside its <h1> ("<span class=dachzeile>",
                     "<small class=article-subtitle>") */
  CW_COMMENT = 16 /* readers' comments; only a word opening a class token
                     counts (see class_flags) */
};

static const struct class_word {
  const char *w; /* lower-case ASCII, no '-' nor '_' */
  unsigned char n, lists;
} class_words[] = {
    {"byline", 6, CW_BYLINE},        {"author", 6, CW_BYLINE},
    {"authors", 7, CW_BYLINE},       {"writer", 6, CW_BYLINE},
    {"autor", 5, CW_BYLINE},         {"autorin", 7, CW_BYLINE},
    {"verfasser", 9, CW_BYLINE},     {"auteur", 6, CW_BYLINE},
    {"autore", 6, CW_BYLINE},        {"penulis", 7, CW_BYLINE},
    {"reporter", 8, CW_BYLINE},      {"creator", 7, CW_BYLINE},
    {"username", 8, CW_USER},        {"logo", 4, CW_LOGO},
    {"brand", 5, CW_LOGO},           {"site", 4, CW_LOGO},
    {"sitename", 8, CW_LOGO},        {"masthead", 8, CW_LOGO},
    {"kicker", 6, CW_KICKER},        {"overline", 8, CW_KICKER},
    {"supertitle", 10, CW_KICKER},   {"superline", 9, CW_KICKER},
    {"subtitle", 8, CW_KICKER},      {"dachzeile", 9, CW_KICKER},
    {"roofline", 8, CW_KICKER},      {"topline", 7, CW_KICKER},
    {"eyebrow", 7, CW_KICKER},       {"spitzmarke", 10, CW_KICKER},
    {"label", 5, CW_KICKER},         {"subheadline", 11, CW_KICKER},
    {"ueberschrift", 12, CW_KICKER}, {"comment", 7, CW_COMMENT},
    {"comments", 8, CW_COMMENT},     {"commentlist", 11, CW_COMMENT},
    {"kommentar", 9, CW_COMMENT},    {"kommentare", 10, CW_COMMENT},
    {"commentaire", 11, CW_COMMENT}, {"commentaires", 12, CW_COMMENT},
    {"comentarios", 11, CW_COMMENT}, {"komentar", 8, CW_COMMENT},
    {"disqus", 6, CW_COMMENT},       {"replies", 7, CW_COMMENT},
    {"respond", 7, CW_COMMENT}};
enum { N_CLASS_WORDS = sizeof class_words / sizeof class_words[0] };

/* Which (first letter, length) pairs some class word of a list has: most
 * tokens ("col", "md", "container") are rejected by one load; the others
 * are compared with the few words of their first letter only. */
typedef struct class_index {
  unsigned char lists[16][26];        /* by length, letter: CW_* lists */
  unsigned char first_at[27];         /* by letter: its words in order[] */
  unsigned char order[N_CLASS_WORDS]; /* class_words indices by letter */
} class_index;

static void class_index_init(class_index *ci) {
  memset(ci, 0, sizeof *ci);
  for (size_t i = 0; i < N_CLASS_WORDS; i++) {
    int f = class_words[i].w[0] - 'a';
    ci->lists[class_words[i].n][f] |= class_words[i].lists;
    ci->first_at[f + 1]++;
  }
  for (int f = 0; f < 26; f++)
    ci->first_at[f + 1] =
        (unsigned char)(ci->first_at[f + 1] + ci->first_at[f]);
  unsigned char fill[26];
  memcpy(fill, ci->first_at, sizeof fill);
  for (size_t i = 0; i < N_CLASS_WORDS; i++)
    ci->order[fill[class_words[i].w[0] - 'a']++] = (unsigned char)i;
}

/* Bytes that split class words: white space (as is_space_ascii), '-' and
 * '_', all with the bit CS_SEP; CS_END the string's end. */
enum { CS_WORD = 0, CS_SEP = 1, CS_SPACE = 1, CS_END = 2, CS_DASH = 5 };
static const unsigned char class_split[256] = {
    [0] = CS_END,      [' '] = CS_SPACE, ['\t'] = CS_SPACE, ['\n'] = CS_SPACE,
    ['\r'] = CS_SPACE, ['-'] = CS_DASH,  ['_'] = CS_DASH};

static unsigned char ascii_lower(unsigned char c) {
  return (unsigned char)(c + ((unsigned)(c - 'A') < 26u) * 32u);
}

/* strncasecmp(a, b, n) == 0 in the C locale, inline: the callers run it at
 * many positions and nearly always fail on the first byte */
static int ascii_ieq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char x = ascii_lower((unsigned char)a[i]),
                  y = ascii_lower((unsigned char)b[i]);
    if (x != y)
      return 0;
    if (!x)
      return 1;
  }
  return 1;
}

/* a == b for a literal b, inline: tag tests run on every element, where a
 * library strcmp call costs more than the few bytes it compares */
static int name_is(const char *a, const char *b) {
  while (*b && *a == *b)
    a++, b++;
  return *a == *b;
}

/* The same when b is lower case (a literal or a cue phrase: the cue files
 * are lower case), so only a needs folding; a NUL in b may only be its last
 * byte compared ("class" with n 6: the whole name). */
static int ascii_ieq_lower(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ascii_lower((unsigned char)a[i]) != (unsigned char)b[i])
      return 0;
  return 1;
}

/* The CW_* lists among want that the words of one class or id value are
 * in. Words are split at white space, '-' and '_' ("article-author" holds
 * "author"); CW_COMMENT words count only at the start of a white-space
 * token and before its end, '-' or '_' ("comments", "comment-list", but not
 * "category-kommentar" nor "recent_comments": a section named for
 * comments, not a tag or a widget title). So when only CW_COMMENT is
 * wanted, the rest of a token after its first word is not read. */
static unsigned class_value_flags(const class_index *ci, const char *s,
                                  unsigned want) {
  const char *start = s;
  unsigned flags = 0;
  int openers = !(want & ~(unsigned)CW_COMMENT);
  for (;;) {
    while (class_split[(unsigned char)*s] & CS_SEP)
      s++;
    if (!*s)
      break;
    const char *b = s;
    while (class_split[(unsigned char)*s] == CS_WORD)
      s++;
    size_t len = (size_t)(s - b);
    unsigned f = ascii_lower((unsigned char)*b) - 'a';
    int opens = b == start || class_split[(unsigned char)b[-1]] == CS_SPACE;
    if (openers && opens)
      while (class_split[(unsigned char)*s] == CS_WORD ||
             class_split[(unsigned char)*s] == CS_DASH)
        s++; /* the token's other words */
    if (len >= 16 || f >= 26 || !(ci->lists[len][f] & want))
      continue;
    for (size_t k = ci->first_at[f]; k < ci->first_at[f + 1]; k++) {
      const struct class_word *w = &class_words[ci->order[k]];
      if (w->n == len && ascii_ieq_lower(b + 1, w->w + 1, len - 1))
        flags |= w->lists & (opens ? ~0u : ~(unsigned)CW_COMMENT);
    }
  }
  return flags & want;
}

/* The lists among want that the element's class and id words are in;
 * CW_COMMENT is always asked with the others (an element that asks
 * anything tells a comment section it opens, as it always did). */
static unsigned class_flags(const class_index *ci, const char *cls,
                            const char *id, unsigned want) {
  want |= CW_COMMENT;
  return (cls ? class_value_flags(ci, cls, want) : 0) |
         (id ? class_value_flags(ci, id, want) : 0);
}

/* The values of the attributes names[0..k) (lower case), each as
 * kb_html_attr gives it (the first of that name in any letter case, ""
 * when without a value, NULL when absent), in one pass over the list
 * where kb_html_attr walks it once for each name. */
static void attrs_named(const xmlNode *n, const char *const *names, size_t k,
                        const char **vals) {
  for (size_t j = 0; j < k; j++)
    vals[j] = NULL;
  if (n->type != XML_ELEMENT_NODE)
    return;
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    const char *name = (const char *)a->name;
    if (!name)
      continue;
    for (size_t j = 0; j < k; j++)
      if (!vals[j] && ascii_ieq_lower(name, names[j], strlen(names[j]) + 1)) {
        vals[j] = a->children && a->children->content
                      ? (const char *)a->children->content
                      : "";
        break;
      }
  }
}

/* One <h1> of the page: its visible text and whether it sits in <article>. */
typedef struct h1_cand {
  const char *text;
  int in_article;
} h1_cand;

/* A JSON-LD node with an "@id" and a "name": authors given only as
 * {"@id": ...} are resolved against these (schema.org @graph pages). */
typedef struct ld_person {
  const char *id, *name;
} ld_person;

typedef struct meta_scan {
  const char *lang, *title_tag, *h1, *h1_article;
  const char *og_title, *tw_title, *og_site, *og_url, *og_locale;
  const char *description, *og_description, *content_lang, *app_name,
      *canonical;
  const char *meta_author, *rel_author, *prop_author, *byline, *author_href,
      *href_text[4], *href_url[4], /* author-page links: text, target */
      *text_byline;
  /* every value of the first meta author key (parsely-author, dc.creator
     repeated once per author) */
  const char *meta_authors[MAX_AUTHORS], *meta_author_key;
  size_t n_meta_authors;
  /* Yoast's reading cards: twitter:labelN "Written by" + twitter:dataN */
  const char *tw_label[4], *tw_data[4];
  const char *ld_org_author;     /* JSON-LD author that is an Organization */
  const kb_json *ld_page_author; /* WebPage "author" (older Yoast graphs) */
  const char *username;          /* class "username": forum/CMS user names */
  const char *date_byline;       /* "04.02.2022 | 13:10 Uhr | Jane Doe" */
  const char *signature; /* a name signing the article's last paragraph */
  const char *ld_headline, *ld_site, *ld_url, *ld_body, *ld_website;
  const char *ld_authors[MAX_AUTHORS];
  size_t n_ld_authors;
  const char *ld_author_ids[MAX_AUTHORS]; /* authors given by "@id" only */
  size_t n_ld_author_ids;
  ld_person persons[MAX_PERSONS];
  size_t n_persons;
  h1_cand h1s[MAX_H1];
  const char *h2s[MAX_H1]; /* <h2> texts: blog themes print the post's
                              title there */
  size_t n_h2s;
  size_t n_h1s;
  const char *logo; /* text of a logo/brand <h1>: the site's name */
  int in_comment;   /* > 0 inside a comment section: no bylines there */
  int in_nav;       /* > 0 inside <nav>: menus hold no byline either */
  int ld_article, h1_count;
  size_t n_hrefs;
  kb_arena *a;
  kb_buf tmp;
  class_index ci;
  /* looked up once: text_byline runs on every text node */
  const kb_html_tables *tab;
  const kb_html_cue *const *by; /* the byline cues */
  size_t nby;
  uint8_t by_short_last[256]; /* last bytes of byline cues of <= 4 bytes,
                                 both cases (see cue_at_end) */
} meta_scan;

static long find_words(const char *s, size_t n, const char *ph, size_t pn,
                       size_t from);
static size_t letters_of(const char *s, size_t n, char *buf, size_t cap);
static int org_words(const char *s, size_t n);
static int words_open(const char *s, size_t n, const char *ph, size_t pn);
static size_t count_words(const char *s, size_t n);

/* Text that screen readers get but the eye does not ("Headline:", " | Site"
 * inside an <h1>): whole class tokens of the common CSS frameworks, the
 * hidden attribute and inline display:none. */
static int hidden_node(const xmlNode *n) {
  static const char *const tokens[] = {"sr-only",
                                       "visually-hidden",
                                       "visuallyhidden",
                                       "element-invisible",
                                       "screen-reader-text",
                                       "screen-reader-only",
                                       "hidden",
                                       "invisible",
                                       "is-hidden",
                                       "u-hidden",
                                       "a11y-hidden",
                                       "offscreen",
                                       NULL};
  static const char *const names[] = {"hidden", "style", "class"};
  const char *at[3];
  attrs_named(n, names, 3, at);
  if (at[0])
    return 1;
  const char *st = at[1];
  if (st && (strstr(st, "display:none") || strstr(st, "display: none")))
    return 1;
  const char *s = at[2];
  while (s && *s) {
    while (*s == ' ' || *s == '\t' || *s == '\n')
      s++;
    const char *b = s;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n')
      s++;
    size_t len = (size_t)(s - b);
    for (int i = 0; len && tokens[i]; i++)
      if (strlen(tokens[i]) == len && !strncasecmp(b, tokens[i], len))
        return 1;
  }
  return 0;
}

/* <script>, <style>, <noscript>, <template> and ruby annotations (<rt>,
 * <rp>): no text of theirs is read as printed */
static int invisible_tag(const char *t) {
  switch (t[0]) {
  case 's': return name_is(t, "script") || name_is(t, "style");
  case 'n': return name_is(t, "noscript");
  case 't': return name_is(t, "template");
  case 'r': return name_is(t, "rt") || name_is(t, "rp");
  default: return 0;
  }
}

enum {
  VT_SPACED = 1,   /* a space between elements */
  VT_NO_KICKER = 2 /* skip kicker/roofline/label elements (in an <h1>) */
};

/* Visible text of n: like kb_html_node_text but without hidden elements
 * (see hidden_node) nor ruby annotations (<rt>, <rp>: furigana readings
 * printed over the headline's characters); VT_SPACED puts a space between
 * elements, so a byline's "Name<span>3 days ago</span>" stays two words. */
static kb_status visible_from(const class_index *ci, const xmlNode *first,
                              kb_buf *out, int flags, int depth) {
  kb_status rc = KB_OK;
  if (depth > 100)
    return KB_OK;
  for (const xmlNode *c = first; c && !rc; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content)
        rc = kb_html_collapse(out, (const char *)c->content,
                              strlen((const char *)c->content));
    } else if (c->type == XML_ELEMENT_NODE) {
      if ((c->name && invisible_tag((const char *)c->name)) || hidden_node(c))
        continue;
      if ((flags & VT_NO_KICKER) &&
          (class_flags(ci, kb_html_attr(c, "class"), kb_html_attr(c, "id"),
                       CW_KICKER) &
           CW_KICKER))
        continue;
      if (((flags & VT_SPACED) || kb_html_is(c, "br")) && out->len &&
          out->data[out->len - 1] != ' ')
        rc = kb_buf_putc(out, ' ');
      if (!rc)
        rc = visible_from(ci, c->children, out, flags, depth + 1);
    }
  }
  return rc;
}

static kb_status visible_text(const class_index *ci, const xmlNode *n,
                              kb_buf *out, int flags, int depth) {
  return visible_from(ci, n->children, out, flags, depth);
}

/* 1 when the element's own text is only separator marks and spaces (": ",
 * " - ", " | ", dashes, bullets, guillemets) and holds at least one mark. */
static int separator_only(const xmlNode *e) {
  int marks = 0;
  for (const xmlNode *t = e->children; t; t = t->next) {
    if (t->type == XML_ELEMENT_NODE)
      return 0;
    if (t->type != XML_TEXT_NODE || !t->content)
      continue;
    for (const unsigned char *p = t->content; *p; p++) {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (*p == ':' || *p == '|' || *p == '-' || *p == '/' || *p == '.') {
        marks++;
      } else if (p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xB7 ||
                                  p[1] == 0xBB || p[1] == 0xAB)) {
        marks += p[1] != 0xA0; /* no-break space, middle dot, guillemets */
        p++;
      } else if (p[0] == 0xE2 && p[1] == 0x80 &&
                 (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0xA2)) {
        marks++; /* en/em dash, bullet */
        p += 2;
      } else {
        return 0;
      }
    }
  }
  return marks > 0;
}

/* A heading printed as "<span>Kicker</span><span class=sr-only>: </span>
 * <span>Headline</span>": the separator is there only for screen readers or
 * copied text (hidden, or aria-hidden), so the eye reads the kicker as its
 * own line above the headline. Returns the first child after the last such
 * separator when an element with text comes before it, else NULL. */
static const xmlNode *after_hidden_sep(const xmlNode *h) {
  const xmlNode *after = NULL;
  int text_before = 0;
  for (const xmlNode *c = h->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      const char *ah = kb_html_attr(c, "aria-hidden");
      if (text_before && (hidden_node(c) || (ah && !strcasecmp(ah, "true"))) &&
          separator_only(c)) {
        after = c->next;
        continue;
      }
      if (c->children)
        text_before = 1;
    }
  }
  return after;
}

/* Visible text of a node, copied into the scratch arena; NULL when empty. */
static const char *text_of_ex(meta_scan *m, const xmlNode *n, size_t max,
                              int flags) {
  kb_buf_reset(&m->tmp);
  kb_status rc = n->type == XML_ELEMENT_NODE
                     ? visible_text(&m->ci, n, &m->tmp, flags, 0)
                     : kb_html_node_text(n, &m->tmp);
  if (rc || m->tmp.len == 0)
    return NULL;
  kb_str s = kb_str_trim((kb_str){m->tmp.data, m->tmp.len});
  if (s.n == 0 || s.n > max)
    return NULL;
  return kb_arena_strndup(m->a, s.p, s.n);
}

static const char *text_of(meta_scan *m, const xmlNode *n, size_t max) {
  return text_of_ex(m, n, max, 0);
}

/* Text of a heading (<h1>, <h2>) as a headline: without a kicker that a
 * hidden separator sets apart (see after_hidden_sep) when two words or more
 * remain, and without kicker-class elements (flags VT_NO_KICKER). */
static const char *heading_text(meta_scan *m, const xmlNode *h, size_t max,
                                int flags) {
  const xmlNode *after = after_hidden_sep(h);
  if (after) {
    kb_buf_reset(&m->tmp);
    if (!visible_from(&m->ci, after, &m->tmp, flags, 0) && m->tmp.len) {
      kb_str s = kb_str_trim((kb_str){m->tmp.data, m->tmp.len});
      if (s.n && s.n <= max && count_words(s.p, s.n) >= 2)
        return kb_arena_strndup(m->a, s.p, s.n);
    }
  }
  return text_of_ex(m, h, max, flags);
}

/* ---- JSON-LD ------------------------------------------------------------ */
static int type_is_article(const kb_json *t) {
  static const char *const kinds[] = {"Article",
                                      "NewsArticle",
                                      "BlogPosting",
                                      "Report",
                                      "ReportageNewsArticle",
                                      "AnalysisNewsArticle",
                                      "OpinionNewsArticle",
                                      "ReviewNewsArticle",
                                      "BackgroundNewsArticle",
                                      "TechArticle",
                                      "ScholarlyArticle",
                                      "LiveBlogPosting",
                                      "SocialMediaPosting",
                                      "Blog",
                                      "posting",
                                      NULL};
  if (!t)
    return 0;
  if (t->type == KB_JSON_ARR) {
    for (const kb_json *c = t->child; c; c = c->next)
      if (type_is_article(c))
        return 1;
    return 0;
  }
  if (t->type != KB_JSON_STR)
    return 0;
  const char *s = t->str;
  const char *slash = strrchr(s, '/'); /* "http://schema.org/NewsArticle" */
  if (slash)
    s = slash + 1;
  for (int i = 0; kinds[i]; i++)
    if (strcmp(s, kinds[i]) == 0)
      return 1;
  return 0;
}

static int type_is(const kb_json *t, const char *name) {
  if (!t)
    return 0;
  if (t->type == KB_JSON_ARR) {
    for (const kb_json *c = t->child; c; c = c->next)
      if (type_is(c, name))
        return 1;
    return 0;
  }
  return t->type == KB_JSON_STR && strcmp(t->str, name) == 0;
}

static void ld_authors(meta_scan *m, const kb_json *v) {
  if (!v)
    return;
  if (v->type == KB_JSON_ARR) {
    for (const kb_json *c = v->child; c; c = c->next)
      ld_authors(m, c);
    return;
  }
  const char *name = NULL;
  if (v->type == KB_JSON_STR) {
    name = strstr(v->str, "://") ? NULL : v->str; /* a profile URL */
  } else if (v->type == KB_JSON_OBJ) {
    if (type_is(kb_json_get(v, "@type"), "Organization")) {
      /* not a person: used only when the page names none */
      const char *org = kb_json_get_str(v, "name");
      if (org && *org && !m->ld_org_author)
        m->ld_org_author = org;
      return;
    }
    name = kb_json_get_str(v, "name");
    const char *id = kb_json_get_str(v, "@id");
    if (!name && id && *id && m->n_ld_author_ids < MAX_AUTHORS)
      m->ld_author_ids[m->n_ld_author_ids++] = id; /* resolved after the walk */
  }
  if (name && *name && m->n_ld_authors < MAX_AUTHORS)
    m->ld_authors[m->n_ld_authors++] = name;
}

static const char *obj_name(const kb_json *v) {
  if (!v)
    return NULL;
  if (v->type == KB_JSON_ARR)
    v = v->child;
  if (!v)
    return NULL;
  if (v->type == KB_JSON_STR)
    return v->str;
  if (v->type == KB_JSON_OBJ)
    return kb_json_get_str(v, "name");
  return NULL;
}

static void ld_visit(meta_scan *m, const kb_json *v, int depth) {
  if (!v || depth > 8)
    return;
  if (v->type == KB_JSON_ARR) {
    for (const kb_json *c = v->child; c; c = c->next)
      ld_visit(m, c, depth + 1);
    return;
  }
  if (v->type != KB_JSON_OBJ)
    return;
  const kb_json *graph = kb_json_get(v, "@graph");
  if (graph)
    ld_visit(m, graph, depth + 1);
  const kb_json *type = kb_json_get(v, "@type");
  const char *pid = kb_json_get_str(v, "@id"),
             *pname = kb_json_get_str(v, "name");
  if (pid && pname && *pname && m->n_persons < MAX_PERSONS &&
      !type_is(type, "Organization") && !type_is(type, "WebSite") &&
      !type_is(type, "WebPage"))
    m->persons[m->n_persons++] = (ld_person){pid, pname};
  if (type_is_article(type)) {
    const char *s;
    if (!m->ld_article) { /* the first article object wins */
      m->ld_article = 1;
      if ((s = kb_json_get_str(v, "headline")) && *s)
        m->ld_headline = s;
      else if ((s = kb_json_get_str(v, "name")) && *s)
        m->ld_headline = s;
      if ((s = kb_json_get_str(v, "articleBody")) && *s)
        m->ld_body = s;
      if ((s = obj_name(kb_json_get(v, "publisher"))) && *s)
        m->ld_site = s;
      if ((s = kb_json_get_str(v, "url")) && *s)
        m->ld_url = s;
      ld_authors(m, kb_json_get(v, "author"));
      if (!m->n_ld_authors)
        ld_authors(m, kb_json_get(v, "creator"));
    }
  } else if (type_is(type, "WebPage") && !m->ld_page_author) {
    /* older Yoast graphs put the author on the WebPage node only */
    m->ld_page_author = kb_json_get(v, "author");
  } else if (type_is(type, "WebSite") ||
             type_is(type, "NewsMediaOrganization")) {
    const char *s = kb_json_get_str(v, "name");
    if (s && *s && !m->ld_website)
      m->ld_website = s;
  }
}

static void ld_script(meta_scan *m, const xmlNode *n, kb_article *out) {
  const char *src;
  size_t len;
  if (n->children && !n->children->next) { /* one text: read in place */
    src = n->children->content ? (const char *)n->children->content : "";
    len = strlen(src);
  } else {
    kb_buf_reset(&m->tmp);
    for (const xmlNode *c = n->children; c; c = c->next)
      if (c->content && kb_buf_puts(&m->tmp, (const char *)c->content))
        return;
    src = m->tmp.data;
    len = m->tmp.len;
  }
  if (!len)
    return;
  kb_json *root = NULL;
  size_t err = 0;
  /* the tree lives in the scratch arena with the rest of the page's scratch */
  if (kb_json_parse(m->a, src, len, KB_JSON_LENIENT, &root, &err) != KB_OK) {
    kb_article_add_diag(out, "bad-json-ld", -1,
                        "JSON-LD not readable near byte %zu", err);
    return;
  }
  ld_visit(m, root, 0);
}

/* ---- the walk ----------------------------------------------------------- */
static void on_meta(meta_scan *m, const xmlNode *n) {
  static const char *const names[] = {"property",   "name",    "itemprop",
                                      "http-equiv", "content", "value"};
  const char *at[6];
  attrs_named(n, names, 6, at);
  const char *key = at[0] ? at[0] : at[1] ? at[1] : at[2] ? at[2] : at[3];
  /* twitter:label1 value="Written by" */
  const char *v = at[4] ? at[4] : at[5];
  if (!key || !v || !*v)
    return;
  if (!strncasecmp(key, "twitter:label", 13) ||
      !strncasecmp(key, "twitter:data", 12)) {
    int label = (key[8] | 0x20) == 'l';
    char d = key[label ? 13 : 12];
    if (d >= '1' && d <= '4' && !key[label ? 14 : 13])
      (label ? m->tw_label : m->tw_data)[d - '1'] = v;
    return;
  }
  struct {
    const char *k;
    const char **slot;
  } map[] = {{"og:title", &m->og_title},
             {"twitter:title", &m->tw_title},
             {"og:site_name", &m->og_site},
             {"og:url", &m->og_url},
             {"og:locale", &m->og_locale},
             {"description", &m->description},
             {"og:description", &m->og_description},
             {"content-language", &m->content_lang},
             {"application-name", &m->app_name},
             {"author", &m->meta_author},
             {"article:author", &m->meta_author},
             {"dc.creator", &m->meta_author},
             {"dcterms.creator", &m->meta_author},
             {"byl", &m->meta_author},
             {"sailthru.author", &m->meta_author},
             {"parsely-author", &m->meta_author}};
  unsigned char k0 = ascii_lower((unsigned char)key[0]); /* keys: lower */
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (k0 == (unsigned char)map[i].k[0] && strcasecmp(key, map[i].k) == 0 &&
        !*map[i].slot) {
      /* article:author is often a profile URL, not a name */
      if (map[i].slot == &m->meta_author && (strstr(v, "://") || v[0] == '/'))
        return;
      *map[i].slot = v;
      if (map[i].slot == &m->meta_author) {
        m->meta_author_key = key;
        m->meta_authors[m->n_meta_authors++] = v;
      }
      return;
    } else if (map[i].slot == &m->meta_author && *map[i].slot &&
               m->meta_author_key && !strcasecmp(key, m->meta_author_key) &&
               m->n_meta_authors < MAX_AUTHORS && !strstr(v, "://")) {
      m->meta_authors[m->n_meta_authors++] = v; /* one tag per author */
      return;
    }
}

/* Links to an author's page: /author/jane-doe, /autor/, /profile/ ...
 * The first of these path words (in this order) that the href holds as a
 * whole segment decides, at its first place: a person's page has a slug
 * after it, "/people/" alone is the section's index ("People" in the
 * menu). One pass over the href's segments: this runs on every link. */
static int is_author_href(const char *href) {
  static const struct {
    const char *w;
    size_t n;
  } parts[] = {{"author", 6},  {"authors", 7},     {"autor", 5},
               {"autoren", 7}, {"auteur", 6},      {"penulis", 7},
               {"profile", 7}, {"journalist", 10}, {"redakteur", 9},
               {"people", 6},  {"staff", 5},       {"writers", 7},
               {"profil", 6}};
  enum { N_PARTS = sizeof parts / sizeof parts[0] };
  if (!href)
    return 0;
  size_t best = N_PARTS;
  const char *after = NULL; /* the byte after the best part's '/' */
  const char *seg = strchr(href, '/'), *p; /* seg: at a segment's '/' */
  for (; seg && best > 0 && (p = strchr(seg + 1, '/')); seg = p) {
    size_t n = (size_t)(p - seg - 1);
    for (size_t k = 0; n >= 5 && n <= 10 && k < best; k++)
      if (parts[k].n == n && seg[1] == parts[k].w[0] &&
          !memcmp(seg + 1, parts[k].w, n)) {
        best = k;
        after = p + 1;
      }
  }
  return after && *after && *after != '?' && *after != '#';
}

/* The site part of a URL's host: its last two labels, three when the
 * top-level label has two letters and the next at most three ("co.uk",
 * "com.au"); taken after the last "://", so an archived URL names the
 * archived site. Empty for relative URLs. */
static kb_str site_domain(const char *url) {
  kb_str h = {NULL, 0};
  const char *p = NULL, *q = url;
  while (q && (q = strstr(q, "://")))
    p = q = q + 3;
  if (!p)
    return h;
  const char *e = p;
  while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
    e++;
  const char *dots[3] = {NULL, NULL, NULL}; /* last, second-last, third */
  size_t nd = 0;
  for (const char *c = e; c > p && nd < 3;)
    if (*--c == '.')
      dots[nd++] = c;
  const char *from = nd >= 2 ? dots[1] + 1 : p;
  if (nd >= 2 && e - dots[0] == 3 && dots[0] - dots[1] <= 4)
    from = nd >= 3 ? dots[2] + 1 : p; /* "example.co.uk" */
  h.p = from;
  h.n = (size_t)(e - from);
  return h;
}

/* 1 when href leaves the page's site (a profile on a social network) */
static int off_site(const char *href, const char *page_url) {
  kb_str a = site_domain(href), b = site_domain(page_url);
  return a.n && b.n && !(a.n == b.n && !strncasecmp(a.p, b.p, a.n));
}

/* 1 when some text under n is more than white space (a link around an
 * image only has none). */
static int has_text(const xmlNode *n, int depth) {
  for (const xmlNode *c = n->children; c && depth < 8; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content)
      for (const char *p = (const char *)c->content; *p; p++)
        if (!is_space_ascii(*p))
          return 1;
    if (c->type == XML_ELEMENT_NODE && has_text(c, depth + 1))
      return 1;
  }
  return 0;
}

/* Author-page links under n holding text: the first one and how many
 * different targets (up to 2). */
static void author_links(const xmlNode *n, int depth, const xmlNode **first,
                         int *count) {
  if (depth > 6)
    return;
  for (const xmlNode *c = n->children; c && *count < 2; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (kb_html_is(c, "a")) {
      const char *rel = kb_html_attr(c, "rel");
      const char *href = kb_html_attr(c, "href");
      if ((is_author_href(href) || (rel && !strcasecmp(rel, "author"))) &&
          has_text(c, 0)) {
        /* the same person linked twice (name and "more by") counts once */
        const char *h0 = *first ? kb_html_attr(*first, "href") : NULL;
        if (!*first)
          *first = c;
        else if (!h0 || !href || strcmp(h0, href))
          ++*count;
        *count += *count == 0;
        continue;
      }
    }
    author_links(c, depth + 1, first, count);
  }
}

/* The one author link of a byline; NULL when there is none or several
 * ("von <a>Jane Doe</a> und <a>John Roe</a>": the whole byline names
 * them). */
static const xmlNode *author_link(const xmlNode *n) {
  const xmlNode *first = NULL;
  int count = 0;
  author_links(n, 0, &first, &count);
  return count == 1 ? first : NULL;
}

/* The next sibling holding text: an element other than <br>, or a text
 * node that is not only white space. */
static const xmlNode *next_content(const xmlNode *t) {
  for (const xmlNode *nx = t->next; nx; nx = nx->next) {
    if (nx->type == XML_ELEMENT_NODE && !kb_html_is(nx, "br"))
      return nx;
    if (nx->type == XML_TEXT_NODE && nx->content) {
      const char *p = (const char *)nx->content;
      while (*p && (is_space_ascii(*p) || (unsigned char)*p == 0xC2 ||
                    (unsigned char)*p == 0xA0))
        p++; /* &nbsp; is C2 A0 */
      if (*p)
        return nx;
    }
  }
  return NULL;
}

static int upper_start(const char *p) {
  unsigned char c = (unsigned char)*p;
  /* Latin-1 supplement capitals (C3 80..C3 9E), other scripts let through */
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && (unsigned char)p[1] >= 0x80 &&
          (unsigned char)p[1] <= 0x9E) ||
         (c >= 0xC4 && c < 0xE0);
}

/* A short line that opens with a date and ends with a name: "04.02.2022 |
 * 13:10 Uhr | Jane Doe", "25.10.2022 - Jane Doe", "06.11.2023 13:30 von
 * Jane" (CMS article headers that print no byline word). Date and time
 * tokens, separators and the words Uhr/am/um/von/by/par/por are skipped;
 * what remains must be two or three capitalised words (one after
 * von/by), with no digits. Returns the name or NULL. */
static const char *date_line_name(meta_scan *m, kb_str s) {
  size_t i = 0, name_at = 0, words = 0;
  int cue = 0, digits = 0;
  if (s.n > 90 || !s.n || s.p[0] < '0' || s.p[0] > '9')
    return NULL;
  while (i < s.n) {
    while (i < s.n && (s.p[i] == ' ' || s.p[i] == '|' || s.p[i] == '-' ||
                       s.p[i] == ',' || s.p[i] == '/'))
      i++;
    if (i + 2 < s.n && (unsigned char)s.p[i] == 0xE2 &&
        (unsigned char)s.p[i + 1] == 0x80) {
      i += 3; /* en/em dash, bullet */
      continue;
    }
    size_t b = i;
    while (i < s.n && s.p[i] != ' ')
      i++;
    kb_str w = {s.p + b, i - b};
    if (!w.n)
      break;
    int has_digit = 0, only_date = 1;
    for (size_t k = 0; k < w.n; k++) {
      char ch = w.p[k];
      has_digit |= ch >= '0' && ch <= '9';
      only_date &= (ch >= '0' && ch <= '9') || ch == '.' || ch == ':' ||
                   ch == '/' || ch == '-';
    }
    if (has_digit && only_date && !name_at) {
      size_t seps = 0;
      for (size_t k = 1; k + 1 < w.n; k++)
        seps += w.p[k] == '.' || w.p[k] == '/' || w.p[k] == '-';
      digits |= seps >= 2; /* a date (04.02.2022, 2022-02-04), not "20" */
      continue;
    }
    static const char *const skip[] = {"uhr", "am", "um", "h", NULL};
    static const char *const cues[] = {"von", "by", "par", "por", NULL};
    int skipped = 0;
    for (int k = 0; !name_at && skip[k]; k++)
      skipped |= kb_str_ieq_ascii(w, skip[k]);
    for (int k = 0; !name_at && cues[k]; k++)
      if (kb_str_ieq_ascii(w, cues[k]))
        skipped = cue = 1;
    if (skipped)
      continue;
    if (has_digit || !upper_start(w.p))
      return NULL;
    if (!name_at)
      name_at = b + 1; /* +1: 0 means none */
    words++;
  }
  if (!digits || !name_at || words > 3 || (words < 2 && !cue))
    return NULL;
  kb_str name = kb_str_trim((kb_str){s.p + name_at - 1, s.n - name_at + 1});
  return kb_arena_strndup(m->a, name.p, name.n);
}

/* 1 when s[0..n) holds a date: a year 19xx/20xx standing alone, or
 * digits with two separators ("04.02.2022", "2022-02-04", "2/4/22"). */
static int has_date(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    if (s[i] < '0' || s[i] > '9') {
      i++;
      continue;
    }
    size_t b = i, digits = 0, seps = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
                     s[i] == '-' || s[i] == '/')) {
      digits += s[i] >= '0' && s[i] <= '9';
      seps += !(s[i] >= '0' && s[i] <= '9') && i + 1 < n && s[i + 1] >= '0' &&
              s[i + 1] <= '9';
      i++;
    }
    if (seps >= 2 || (digits == 4 && i - b == 4 &&
                      (!memcmp(s + b, "19", 2) || !memcmp(s + b, "20", 2))))
      return 1;
  }
  return 0;
}

/* "(last edited 2019-11-10 13:28 by <a>jdoe</a>)", "Posted on May 2, 2020
 * by <a>Jane Doe</a>": a text ending with a one-word byline cue (by, von,
 * par, por, oleh, door) after a date or a publishing verb (kind "verb"),
 * not in a footer's credit line (kind "footer": "© 2021 Theme by"); the
 * name is the next element. Sets m->text_byline and returns 1 when it applies.
 */
static int cue_at_end(meta_scan *m, const xmlNode *t, const char *c0) {
  if (!t->next)
    return 0; /* nothing follows in the element: no name can (most texts
                 end their element) */
  size_t len = strnlen(c0, 160);
  if (len >= 160 || len < 4)
    return 0;
  /* most texts end in a byte no short cue ends with: tell so before
     trimming, when the text ends in ASCII (else a Unicode space may
     follow the last word) */
  size_t e = len;
  while (e > 0 &&
         (c0[e - 1] == ' ' || (c0[e - 1] >= 0x09 && c0[e - 1] <= 0x0D)))
    e--;
  if (!e || ((unsigned char)c0[e - 1] < 0x80 &&
             !m->by_short_last[(unsigned char)c0[e - 1]]))
    return 0;
  kb_str s = kb_str_trim((kb_str){c0, len});
  size_t w = s.n;
  while (w > 0 && s.p[w - 1] != ' ' && s.n - w < 5)
    w--;
  if (w < 2 || s.p[w - 1] != ' ')
    return 0;
  const kb_html_tables *tab = m->tab;
  if (!tab->byline_first[(unsigned char)s.p[w]])
    return 0; /* no byline cue starts so */
  int cue = 0;
  for (size_t i = 0; i < m->nby && !cue; i++)
    cue = m->by[i]->n <= 4 && m->by[i]->n == s.n - w &&
          ascii_ieq_lower(s.p + w, m->by[i]->phrase, m->by[i]->n);
  if (!cue)
    return 0;
  int ok = has_date(s.p, w), footer = 0;
  for (size_t j = 0; j < tab->nauthor_cues && !footer; j++) {
    const kb_html_cue *r = &tab->author_cues[j];
    if (r->kind == KB_AUTHOR_VERB || r->kind == KB_AUTHOR_FOOTER) {
      int at = find_words(s.p, w, r->phrase, r->n, 0) >= 0;
      ok |= at && r->kind == KB_AUTHOR_VERB;
      footer = at && r->kind == KB_AUTHOR_FOOTER;
    }
  }
  ok &= !footer;
  const xmlNode *nx = ok ? t->next : NULL;
  while (nx && nx->type != XML_ELEMENT_NODE)
    nx = nx->next;
  if (!nx || kb_html_is(nx, "time"))
    return 0;
  m->text_byline = text_of(m, nx, 80);
  return m->text_byline != NULL;
}

/* A text node "By" / "Text von Jane Doe" / "par" followed by the name in
 * the next element: a byline printed in the page. */
static void text_byline(meta_scan *m, const xmlNode *t) {
  const kb_html_tables *tab = m->tab;
  /* cheap rejections first: this runs on every text node */
  const char *c0 = (const char *)t->content;
  while (class_split[(unsigned char)*c0] == CS_SPACE)
    c0++; /* is_space_ascii, one table load a byte */
  if (!*c0)
    return; /* white space between elements: most text nodes of a page */
  if (cue_at_end(m, t, c0))
    return;
  /* a separator before the byline ("05.02.2020 <span>- Redaktion: Jane
     Doe</span>"): dash, bar, bullet, then spaces */
  for (int sep = 0;;) {
    if (*c0 == '-' || *c0 == '|' || (sep && *c0 == ' '))
      c0++, sep = 1;
    else if ((unsigned char)c0[0] == 0xC2 &&
             (((unsigned char)c0[1] == 0xA0 && sep) ||
              (unsigned char)c0[1] == 0xB7))
      c0 += 2, sep = 1;
    else if ((unsigned char)c0[0] == 0xE2 && (unsigned char)c0[1] == 0x80 &&
             ((unsigned char)c0[2] == 0x93 || (unsigned char)c0[2] == 0x94 ||
              (unsigned char)c0[2] == 0xA2))
      c0 += 3, sep = 1;
    else
      break;
  }
  if (*c0 >= '0' && *c0 <= '9') {
    if (!m->date_byline) {
      size_t dl = strnlen(c0, 100);
      m->date_byline = date_line_name(m, kb_str_trim((kb_str){c0, dl}));
    }
    return;
  }
  if (!tab->byline_first[(unsigned char)*c0])
    return;
  size_t len = strnlen(c0, 200);
  if (len > 150)
    return;
  kb_str s = kb_str_trim((kb_str){c0, len});
  if (s.n < 2 || s.n > 100)
    return;
  for (size_t i = 0; i < m->nby; i++) {
    const kb_html_cue *c = m->by[i];
    if (c->n > s.n || !ascii_ieq_lower(s.p, c->phrase, c->n))
      continue;
    if (c->n == s.n || (s.p[c->n] == ':' && c->n + 1 == s.n)) {
      /* the name follows in the next element or text, here or after the
         parent ("<b>Von:</b><br><br>Jane Doe") */
      const xmlNode *nx = next_content(t);
      if (!nx && t->parent)
        nx = next_content(t->parent);
      if (nx)
        m->text_byline = text_of(m, nx, 100);
      return;
    }
    if (s.p[c->n] != ' ' &&
        !(s.p[c->n] == ':' && c->n + 1 < s.n && s.p[c->n + 1] == ' '))
      continue;
    /* "Text von Jane Doe", "Autorin: Jane Doe, Role": a capital letter must
       start the name */
    size_t k = c->n + (s.p[c->n] == ':');
    while (k < s.n && s.p[k] == ' ')
      k++;
    unsigned char first = (unsigned char)s.p[k];
    if (k < s.n && ((first >= 'A' && first <= 'Z') || first >= 0xC3))
      m->text_byline = kb_arena_strndup(m->a, s.p, s.n);
    return;
  }
}

/* Bytes of text under n, counted up to limit (then limit + 1): a bounded
 * length test that does not copy. */
static size_t text_len_upto(const xmlNode *n, size_t limit, int depth) {
  size_t len = 0;
  for (const xmlNode *c = n->children; c && len <= limit && depth < 8;
       c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content)
      len += strnlen((const char *)c->content, limit + 1 - len);
    else if (c->type == XML_ELEMENT_NODE && !kb_html_is(c, "script") &&
             !kb_html_is(c, "style"))
      len += text_len_upto(c, limit - len, depth + 1);
  }
  return len > limit ? limit + 1 : len;
}

/* 1 when an inline style aligns the text right ("text-align: right"), not
 * when "right" is only part of another property ("margin-right"). */
static int style_right(const char *st) {
  for (const char *p = strcasestr(st, "text-align"); p;
       p = strcasestr(p + 1, "text-align")) {
    const char *v = p + 10;
    while (*v == ' ' || *v == '\t')
      v++;
    if (*v++ != ':')
      continue;
    while (*v == ' ' || *v == '\t')
      v++;
    if (!strncasecmp(v, "right", 5))
      return 1;
  }
  return 0;
}

/* How a signature is set apart: 2 for a paragraph aligned right, 1 for
 * emphasis around all of it (<em>, <strong>, <b>, <i>), else 0. */
static int set_apart(const xmlNode *p) {
  const char *al = kb_html_attr(p, "align");
  const char *st = kb_html_attr(p, "style");
  if ((al && !strcasecmp(al, "right")) || (st && style_right(st)))
    return 2;
  const xmlNode *only = NULL;
  for (const xmlNode *c = p->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const char *q = (const char *)c->content; *q; q++)
        if (!is_space_ascii(*q))
          return 0;
    } else if (c->type == XML_ELEMENT_NODE) {
      if (only)
        return 0;
      only = c;
    }
  }
  if (!only)
    return 0;
  if (kb_html_is(only, "em") || kb_html_is(only, "strong") ||
      kb_html_is(only, "b") || kb_html_is(only, "i"))
    return 1;
  return kb_html_is(only, "font") || kb_html_is(only, "span") ? set_apart(only)
                                                              : 0;
}

static int upper_start(const char *p);
static int is_particle(const char *w, size_t n);

/* 1 when a run of exactly four digits 19xx or 20xx (a year) is in s */
static int has_year(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t b = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
      i++;
    if (i - b == 4 && (!memcmp(s + b, "19", 2) || !memcmp(s + b, "20", 2)))
      return 1;
    i += i == b;
  }
  return 0;
}

/* 1 when only paragraphs and breaks follow p among its siblings: a line
 * in bold before a list, a table or a box ("Weitere Informationen") is a
 * heading, not a signature */
static int last_p(const xmlNode *p) {
  for (const xmlNode *a = p->next; a; a = a->next)
    if (a->type == XML_ELEMENT_NODE && !kb_html_is(a, "p") &&
        !kb_html_is(a, "br") && !kb_html_is(a, "hr") &&
        !kb_html_is(a, "script"))
      return 0;
  return 1;
}

static int has_link(const xmlNode *n, int depth) {
  for (const xmlNode *c = n->children; c && depth < 8; c = c->next)
    if (c->type == XML_ELEMENT_NODE &&
        (kb_html_is(c, "a") || has_link(c, depth + 1)))
      return 1;
  return 0;
}

/* A paragraph that signs the article: after prose (one of the three
 * element siblings before it holds a long paragraph) and with no long
 * paragraph after it but notes ("(1) ...", "* ..."), its text is a name of
 * 1-3 capitalised words, set apart: after a closing greeting ("Euer Jane",
 * kind "sign" of author_noise.tsv), before a date ("Jane<br>10. September
 * 2017"), or, two words or more, aligned right or in emphasis as the last
 * paragraph. Not in capitals, not a link. Returns the name or NULL. Only
 * short paragraphs are read. */
static const char *signature(meta_scan *m, const xmlNode *p) {
  enum { LONG = 120 };
  if (text_len_upto(p, 60, 0) > 60 || has_link(p, 0))
    return NULL; /* a link is a teaser or a reference, not a signature */
  int prose = 0, k = 0;
  for (const xmlNode *b = p->prev; b && k < 3 && !prose; b = b->prev)
    if (b->type == XML_ELEMENT_NODE) {
      k++;
      prose = kb_html_is(b, "p") && text_len_upto(b, LONG, 0) > LONG;
    }
  if (!prose)
    return NULL;
  k = 0;
  for (const xmlNode *a = p->next; a && k < 20; a = a->next) {
    if (a->type != XML_ELEMENT_NODE || !kb_html_is(a, "p"))
      continue;
    k++;
    if (text_len_upto(a, LONG, 0) <= LONG)
      continue;
    const xmlNode *t = a->children;
    while (t && t->type == XML_ELEMENT_NODE && t->children)
      t = t->children;
    const char *q = t && t->content ? (const char *)t->content : "";
    while (is_space_ascii(*q))
      q++;
    if (*q != '(' && *q != '[' && *q != '*' && !(*q >= '0' && *q <= '9'))
      return NULL; /* more article text follows */
  }
  const char *text = text_of_ex(m, p, 60, VT_SPACED);
  if (!text)
    return NULL;
  kb_str t = kb_str_trim((kb_str){text, strlen(text)});
  /* a closing greeting: "Euer", "Viele Grüße", "Best," */
  size_t nsign;
  const kb_html_cue *const *sign = kb_html_author_cues(KB_AUTHOR_SIGN, &nsign);
  int greeting = 0, dated = 0, apart = 0;
  for (size_t i = 0; i < nsign && !greeting; i++) {
    const kb_html_cue *c = sign[i];
    if (c->n < t.n && words_open(t.p, t.n, c->phrase, c->n)) {
      size_t j = c->n;
      while (j < t.n && (t.p[j] == ',' || t.p[j] == ' '))
        j++;
      t = (kb_str){t.p + j, t.n - j};
      greeting = 1;
    }
  }
  size_t words = 0, end = 0;
  for (size_t i = 0, b; next_word(t, &i, &b);) {
    if (t.p[b] >= '0' && t.p[b] <= '9') { /* a date line after the name */
      size_t nums = 0; /* a day and a year, not a year alone */
      for (size_t j = b; j < t.n; j++)
        nums += t.p[j] >= '0' && t.p[j] <= '9' &&
                (j == b || !(t.p[j - 1] >= '0' && t.p[j - 1] <= '9'));
      dated = words > 0 && nums >= 2 && has_year(t.p + b, t.n - b);
      if (!dated)
        return NULL;
      break;
    }
    if (!upper_start(t.p + b) && !(words && is_particle(t.p + b, i - b)))
      return NULL;
    for (size_t j = b; j < i; j++) {
      unsigned char ch = (unsigned char)t.p[j];
      if (ch < 0x80 && !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') &&
          ch != '-' && ch != '.' && ch != '\'')
        return NULL; /* "Fazit:", "Ende!", "(dpa)" */
    }
    size_t caps = 0; /* "RELATED STORIES": a block title in capitals */
    for (size_t j = b; j < i; j++)
      caps += t.p[j] >= 'A' && t.p[j] <= 'Z';
    if (caps == i - b && caps > 1)
      return NULL;
    words++;
    end = i;
  }
  if (!words || words > 3 ||
      !(greeting || dated ||
        (words >= 2 && (apart = set_apart(p)) && (apart == 2 || last_p(p)))))
    return NULL;
  return kb_arena_strndup(m->a, t.p, end);
}

/* 1 when href points at a site's home page: "/", "https://host/",
 * "https://host" (also behind an archive prefix: the part after the last
 * "://"). */
static int is_root_href(const char *href) {
  const char *p = href, *q;
  while ((q = strstr(p, "://")))
    p = q + 3;
  if (p == href)
    return href[0] == '/' && href[1] == 0;
  const char *slash = strchr(p, '/');
  return !slash || slash[1] == 0;
}

/* 1 when the <h1>'s only content is a short link to the home page: the
 * site's name as a logo, not a headline. */
static int root_link_only(const xmlNode *h) {
  const xmlNode *link = NULL;
  for (const xmlNode *c = h->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      for (const char *p = (const char *)c->content; p && *p; p++)
        if (!is_space_ascii(*p))
          return 0;
    } else if (c->type == XML_ELEMENT_NODE) {
      if (link || !kb_html_is(c, "a"))
        return 0;
      link = c;
    }
  }
  const char *href = link ? kb_html_attr(link, "href") : NULL;
  return href && is_root_href(href);
}

/* Tags the walk treats apart; the rest are TAG_OTHER. */
enum {
  TAG_OTHER,
  TAG_A,
  TAG_SPAN,
  TAG_P,
  TAG_H1,
  TAG_H2,
  TAG_META,
  TAG_TITLE,
  TAG_LINK,
  TAG_SCRIPT,
  TAG_SKIP, /* style, svg: nothing of the page's metadata inside */
  TAG_HTML,
  TAG_ARTICLE,
  TAG_NAV
};

/* The walk's tag kind: the first byte picks the few names to compare,
 * where a chain of strcmp ran on every element. */
static int tag_kind(const char *t) {
  switch (t[0]) {
  case 'a':
    return !t[1] ? TAG_A : name_is(t, "article") ? TAG_ARTICLE : TAG_OTHER;
  case 'h':
    if (t[1] == '1' && !t[2])
      return TAG_H1;
    if (t[1] == '2' && !t[2])
      return TAG_H2;
    return name_is(t, "html") ? TAG_HTML : TAG_OTHER;
  case 'l': return name_is(t, "link") ? TAG_LINK : TAG_OTHER;
  case 'm': return name_is(t, "meta") ? TAG_META : TAG_OTHER;
  case 'n': return name_is(t, "nav") ? TAG_NAV : TAG_OTHER;
  case 'p': return !t[1] ? TAG_P : TAG_OTHER;
  case 's':
    return name_is(t, "span")                         ? TAG_SPAN
           : name_is(t, "script")                     ? TAG_SCRIPT
           : name_is(t, "style") || name_is(t, "svg") ? TAG_SKIP
                                                      : TAG_OTHER;
  case 't': return name_is(t, "title") ? TAG_TITLE : TAG_OTHER;
  default: return TAG_OTHER;
  }
}

/* The attributes the walk reads on an ordinary element, NULL when absent;
 * as kb_html_attr gives them (first of a name, any letter case, "" when
 * without a value), gathered in one pass over the attribute list. */
typedef struct el_attrs {
  const char *cls, *id, *rel, *itemprop, *href;
} el_attrs;

/* name equals lit in any letter case, for a literal of lower-case ASCII
 * letters: (c | 0x20) equals a lower-case letter only when c is that
 * letter or its capital, so each byte costs one compare */
static int attr_name_is(const char *name, const char *lit) {
  for (; *lit; name++, lit++)
    if ((*name | 0x20) != *lit)
      return 0;
  return !*name;
}

static void gather_attrs(const xmlNode *n, el_attrs *at) {
  memset(at, 0, sizeof *at);
  for (const xmlAttr *a = n->properties; a; a = a->next) {
    const char *name = (const char *)a->name, **slot = NULL;
    if (!name)
      continue;
    switch (name[0] | 0x20) {
    case 'c': slot = attr_name_is(name, "class") ? &at->cls : NULL; break;
    case 'h': slot = attr_name_is(name, "href") ? &at->href : NULL; break;
    case 'i':
      slot = attr_name_is(name, "id")         ? &at->id
             : attr_name_is(name, "itemprop") ? &at->itemprop
                                              : NULL;
      break;
    case 'r': slot = attr_name_is(name, "rel") ? &at->rel : NULL; break;
    default: break;
    }
    if (slot && !*slot)
      *slot = a->children && a->children->content
                  ? (const char *)a->children->content
                  : "";
  }
}

static void walk(meta_scan *m, const xmlNode *n, int in_article, int depth,
                 kb_article *out) {
  for (const xmlNode *c = n; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content && !m->text_byline &&
        depth > 2 && !m->in_comment && !m->in_nav)
      text_byline(m, c);
    if (c->type != XML_ELEMENT_NODE || !c->name)
      continue;
    int tag = tag_kind((const char *)c->name);
    if (tag == TAG_SCRIPT) {
      const char *type = kb_html_attr(c, "type");
      if (type && !strcasecmp(type, "application/ld+json"))
        ld_script(m, c, out);
      continue;
    }
    if (tag == TAG_SKIP)
      continue;
    int art = in_article;
    /* the class words this element is asked about: nothing needs more
       than the first byline and user name, nor comments inside comments;
       bylines and user names are read only on the elements that reach the
       byline checks below (not <meta>, <title>, <link>, <h1> ...) */
    int nav = tag == TAG_NAV;
    int outside = !m->in_comment && !m->in_nav && !nav;
    int bylines = tag != TAG_META && tag != TAG_TITLE && tag != TAG_LINK &&
                  tag != TAG_HTML && tag != TAG_H1 && tag != TAG_ARTICLE &&
                  !m->in_comment && !m->in_nav;
    unsigned want =
        (tag == TAG_H1 ? CW_LOGO : 0) |
        (outside && c->children && depth < 200 ? CW_COMMENT : 0) |
        (outside && bylines && !m->byline ? CW_BYLINE : 0) |
        (outside && bylines && !m->username && (tag == TAG_A || tag == TAG_SPAN)
             ? CW_USER
             : 0);
    /* the attribute list is read only when something asks: most elements
       of a menu or a comment section ask nothing */
    el_attrs at = {0};
    if (want || tag == TAG_LINK ||
        (bylines && (!m->rel_author || !m->prop_author ||
                     (tag == TAG_A && m->n_hrefs < 4))))
      gather_attrs(c, &at);
    unsigned words = want ? class_flags(&m->ci, at.cls, at.id, want) : 0;
    if (tag == TAG_H2 && m->n_h2s < MAX_H1 && !m->in_comment &&
        !hidden_node(c)) {
      const char *t = heading_text(m, c, 600, 0); /* and walked as usual */
      if (t)
        m->h2s[m->n_h2s++] = t;
    }
    if (tag == TAG_META) {
      on_meta(m, c);
    } else if (tag == TAG_TITLE) {
      if (!m->title_tag)
        m->title_tag = text_of(m, c, 600);
    } else if (tag == TAG_LINK) {
      if (at.rel && at.href && !strcasecmp(at.rel, "canonical") &&
          !m->canonical)
        m->canonical = at.href;
    } else if (tag == TAG_HTML) {
      const char *l = kb_html_attr(c, "lang");
      if (!l)
        l = kb_html_attr(c, "xml:lang");
      if (l && *l)
        m->lang = l;
    } else if (tag == TAG_H1) {
      if (words & CW_LOGO) {
        if (!m->logo) /* the site's name, not a headline */
          m->logo = text_of(m, c, 120);
        continue;
      }
      if (hidden_node(c))
        continue;
      if (root_link_only(c)) { /* a logo <h1> linking to the home page */
        if (!m->logo)
          m->logo = text_of(m, c, 120);
        continue;
      }
      m->h1_count++;
      /* the headline without its kicker; the whole <h1> when that leaves
         less than two words */
      const char *t = heading_text(m, c, 600, VT_NO_KICKER);
      if (!t || !strchr(t, ' '))
        t = text_of(m, c, 600);
      if (!m->h1)
        m->h1 = t;
      if (in_article && !m->h1_article)
        m->h1_article = t;
      if (t && m->n_h1s < MAX_H1)
        m->h1s[m->n_h1s++] = (h1_cand){t, in_article};
      continue;
    } else if (tag == TAG_ARTICLE) {
      art = 1;
    } else if (!m->in_comment && !m->in_nav) {
      if (!m->rel_author && at.rel && !strcasecmp(at.rel, "author"))
        m->rel_author = text_of_ex(m, c, 120, VT_SPACED);
      if (!m->prop_author && at.itemprop &&
          !strcasecmp(at.itemprop, "author")) {
        /* <span itemprop="author"><span itemprop="name">..</span></span> */
        const xmlNode *name = NULL;
        for (const xmlNode *d = c->children; d && !name; d = d->next) {
          const char *dp = kb_html_attr(d, "itemprop");
          if (dp && !strcasecmp(dp, "name"))
            name = d;
        }
        m->prop_author = text_of_ex(m, name ? name : c, 160, VT_SPACED);
      }
      if (!m->byline && (words & CW_BYLINE)) {
        const xmlNode *link = author_link(c);
        m->byline = text_of_ex(m, link ? link : c, 160, VT_SPACED);
      }
      if (!m->username && (tag == TAG_A || tag == TAG_SPAN) &&
          (words & CW_USER)) /* names are links or spans */
        m->username = text_of(m, c, 60);
      if (m->n_hrefs < 4 && tag == TAG_A && is_author_href(at.href)) {
        m->href_url[m->n_hrefs] = at.href;
        m->href_text[m->n_hrefs++] = text_of(m, c, 120);
      }
      if (!m->signature && depth > 2 && tag == TAG_P)
        m->signature = signature(m, c);
    }
    if (c->children && depth < 200) {
      /* readers' comments carry their own "author" classes and names */
      int comment = (words & CW_COMMENT) != 0;
      m->in_comment += comment;
      m->in_nav += nav;
      walk(m, c->children, art, depth + 1, out);
      m->in_nav -= nav;
      m->in_comment -= comment;
    }
  }
}

/* ---- cleaning ----------------------------------------------------------- */
/* Appends s[0..n) with HTML character references decoded: JSON-LD strings
 * and doubly escaped meta values carry "&#8211;" and "&oacute;" literally. */
static kb_status decode_entities(kb_buf *out, const char *s, size_t n) {
  kb_status rc = KB_OK;
  size_t i = 0;
  while (i < n && !rc) {
    const char *amp = memchr(s + i, '&', n - i);
    size_t upto = amp ? (size_t)(amp - s) : n;
    if (upto > i && (rc = kb_buf_append(out, s + i, upto - i)))
      break;
    i = upto;
    if (i >= n)
      break;
    size_t j = i + 1;
    while (j < n && j - i < 12 && s[j] != ';' && s[j] != '&' && s[j] != ' ')
      j++;
    uint32_t cp = 0;
    if (j < n && s[j] == ';' && j > i + 1) {
      char name[16];
      size_t nl = j - i - 1;
      memcpy(name, s + i + 1, nl);
      name[nl] = 0;
      if (name[0] == '#') {
        int hex = name[1] == 'x' || name[1] == 'X';
        for (size_t k = hex ? 2 : 1; k < nl && cp < 0x110000; k++) {
          int d = kb_hex_digit((unsigned char)name[k]);
          if (!hex && d > 9)
            d = -1;
          if (d < 0) {
            cp = 0;
            break;
          }
          cp = cp * (hex ? 16u : 10u) + (uint32_t)d;
        }
      } else {
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e)
          cp = e->value;
      }
    }
    if (cp && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
      char enc[4];
      size_t el = kb_utf8_encode(cp, enc);
      rc = kb_buf_append(out, enc, el);
      i = j + 1;
    } else {
      rc = kb_buf_putc(out, '&');
      i++;
    }
  }
  return rc;
}

/* Decoded copy of s in the scratch arena (s itself when it has no '&'). */
static const char *decoded(meta_scan *m, const char *s) {
  if (!s || !strchr(s, '&'))
    return s;
  kb_buf_reset(&m->tmp);
  if (decode_entities(&m->tmp, s, strlen(s)) || !m->tmp.len)
    return s;
  return kb_arena_strndup(m->a, m->tmp.data, m->tmp.len);
}
static int word_char(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') ||
         ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* 1 when phrase (pn > 0 bytes) stands at s + i as whole words, ASCII
 * case-insensitive; i + pn <= n. */
static int words_at(const char *s, size_t n, size_t i, const char *ph,
                    size_t pn) {
  return !(i > 0 && word_char((unsigned char)s[i - 1])) &&
         ascii_ieq(s + i, ph, pn) &&
         !(i + pn < n && word_char((unsigned char)s[i + pn]) &&
           word_char((unsigned char)ph[pn - 1]));
}

/* 1 when phrase opens s as whole words: find_words(...) == 0, without
 * looking further. */
static int words_open(const char *s, size_t n, const char *ph, size_t pn) {
  return pn && pn <= n && words_at(s, n, 0, ph, pn);
}

/* Position of phrase as whole words in s (ASCII case-insensitive), or -1. */
static long find_words(const char *s, size_t n, const char *ph, size_t pn,
                       size_t from) {
  if (!pn)
    return -1; /* no cue is empty (words_at reads ph[pn - 1]) */
  /* the first byte inline: a call per position was most of this scan */
  unsigned char first = ascii_lower((unsigned char)ph[0]);
  for (size_t i = from; i + pn <= n; i++)
    if (ascii_lower((unsigned char)s[i]) == first && words_at(s, n, i, ph, pn))
      return (long)i;
  return -1;
}

/* Letters that open a word of s[0..n) (at 0 or after a byte that is no
 * word character, where find_words looks): bit (letter - 'a'). A phrase
 * whose first letter is not among them is nowhere in s, so of a list of
 * cues only the few that can be there are searched. */
static uint32_t word_initials(const char *s, size_t n) {
  uint32_t bits = 0;
  for (size_t i = 0; i < n; i++)
    if (i == 0 || !word_char((unsigned char)s[i - 1])) {
      unsigned f = ascii_lower((unsigned char)s[i]) - 'a';
      bits |= f < 26 ? 1u << f : 0;
    }
  return bits;
}

/* find_words, answered at once when the phrase opens with an ASCII letter
 * that opens no word of s (initials: word_initials of s or of a longer
 * string that s starts) */
static long find_words_in(uint32_t initials, const char *s, size_t n,
                          const char *ph, size_t pn, size_t from) {
  unsigned f = pn ? ascii_lower((unsigned char)ph[0]) - 'a' : 0;
  if (pn && f < 26 && !(initials >> f & 1))
    return -1;
  return find_words(s, n, ph, pn, from);
}

/* Name particles written in lower case inside a name (von der Leyen, da
 * Silva); any other lower-case word makes a part a role or a phrase. */
static int is_particle(const char *w, size_t n) {
  static const char *const particles[] = {
      "von", "van", "der", "den", "de",  "da",  "di", "du",  "del", "della",
      "la",  "le",  "zu",  "ten", "ter", "y",   "e",  "bin", "al",  "el",
      "dos", "das", "do",  "des", "vom", "zum", "af", "av",  NULL};
  for (int i = 0; particles[i]; i++)
    if (kb_str_ieq_ascii((kb_str){w, n}, particles[i]))
      return 1;
  return 0;
}

/* 1 when the word starts with a lower-case letter, ASCII or Latin ("über",
 * "été"): U+00DF..U+00FF but the division sign; in Latin Extended-A/B the
 * lower case is the code point its upper-case neighbour maps to. */
static int lower_start(const char *w, size_t n) {
  uint32_t cp = 0;
  if (!n)
    return 0;
  if ((unsigned char)w[0] < 0x80)
    return w[0] >= 'a' && w[0] <= 'z';
  kb_utf8_decode(w, n, &cp);
  if (cp >= 0xDF && cp <= 0xFF)
    return cp != 0xF7;
  return cp > 0x100 && cp < 0x250 && kb_unicode_lower(cp - 1) == cp;
}

/* 1 when the part after a comma is a role ("Jane Doe, Projektleiterin der
 * Stiftung in Tunis"), not another name: it holds a word that starts in
 * lower case and is no name particle. */
static int is_role(kb_str t) {
  for (size_t i = 0, b; next_word(t, &i, &b);) {
    if (t.p[b] >= '0' && t.p[b] <= '9')
      return 0; /* a date or time ends the name: "Jane Doe Hace 3 horas" */
    if (lower_start(t.p + b, i - b) && !is_particle(t.p + b, i - b))
      return 1;
  }
  return 0;
}

/* "Posted on May 2, 2020 by Jane Doe", "06.11.2023 von Jane": a byline
 * word after a date or a publishing verb starts the name. Returns the
 * offset of the name, 0 when none. */
static size_t name_after_cue(kb_str t) {
  size_t nby, nrej;
  const kb_html_cue *const *by = kb_html_author_cues(KB_AUTHOR_BYLINE, &nby);
  const kb_html_cue *const *rej = kb_html_author_cues(KB_AUTHOR_REJECT, &nrej);
  size_t best = 0;
  uint32_t initials = word_initials(t.p, t.n);
  for (size_t i = 0; i < nby; i++) {
    const kb_html_cue *c = by[i];
    if (c->n > 4)
      continue; /* the one-word cues: by, von, par, por, oleh, door */
    long at = find_words_in(initials, t.p, t.n, c->phrase, c->n, 1);
    if (at <= 0 || (size_t)at + c->n + 1 >= t.n || (size_t)at < best)
      continue;
    int ok = 0;
    for (long k = 0; k < at && !ok; k++)
      ok = t.p[k] >= '0' && t.p[k] <= '9';
    for (size_t j = 0; j < nrej && !ok; j++)
      ok = find_words_in(initials, t.p, (size_t)at, rej[j]->phrase, rej[j]->n,
                         0) >= 0;
    if (ok)
      best = (size_t)at + c->n;
  }
  return best;
}

/* 1 when the word w, or its leading hyphen-joined parts, spell the site
 * name's letters: "PhillyVoice" on PhillyVoice, "FOCUS-Online-Experte" on
 * FOCUS Online. */
static int site_word(const char *w, size_t n, const char *site_letters,
                     size_t sn) {
  char buf[128];
  size_t k = 0;
  for (size_t i = 0; i <= n && sn >= 3; i++) {
    if (i == n || w[i] == '-') {
      if (k == sn && !memcmp(buf, site_letters, sn))
        return 1;
      if (k > sn)
        return 0;
      continue;
    }
    k += letters_of(w + i, 1, buf + k, sizeof buf - k);
  }
  return 0;
}

/* A byline's brand words: "unocero - Jane Doe", "Jane Doe PhillyVoice
 * Staff", "FOCUS-Online-Experte Jane Doe" name the site, not the person.
 * A site word at the start is dropped with the separator after it; one
 * later ends the name. Unchanged when nothing would be left. */
static kb_str without_site_words(kb_str t, const char *site) {
  char sl[128];
  size_t sn = site ? letters_of(site, strlen(site), sl, sizeof sl) : 0;
  if (sn < 3 || sn >= sizeof sl - 4)
    return t;
  for (size_t i = 0, b; next_word(t, &i, &b);) {
    if (!site_word(t.p + b, i - b, sl, sn))
      continue;
    if (b > 0) /* the name ends before the brand */
      return kb_str_trim((kb_str){t.p, b});
    size_t k = i;
    while (k < t.n) { /* the separator: " - ", ": ", " – " */
      if (t.p[k] == ' ' || t.p[k] == '-' || t.p[k] == ':')
        k++;
      else if (k + 2 < t.n && (unsigned char)t.p[k] == 0xE2 &&
               (unsigned char)t.p[k + 1] == 0x80)
        k += 3; /* en/em dash */
      else
        break;
    }
    if (k < t.n && k > i)
      return kb_str_trim((kb_str){t.p + k, t.n - k});
    return t;
  }
  return t;
}

/* 1 when a word of t is a host name: letters, a dot, and a top-level
 * label of 2-6 lower-case letters ("example.com"); user names like
 * "Jane.DoeSmith" and initials ("J. Doe") are not. */
static int has_domain_word(kb_str t) {
  for (size_t i = 0, b; next_word(t, &i, &b);) {
    size_t dot = 0; /* after the word's last '.' */
    for (size_t k = b; k < i; k++)
      if (t.p[k] == '.')
        dot = k + 1;
    if (!dot || dot - b < 3 || i - dot < 2 || i - dot > 6)
      continue;
    size_t k = dot;
    while (k < i && t.p[k] >= 'a' && t.p[k] <= 'z')
      k++;
    if (k == i)
      return 1;
  }
  return 0;
}

/* flags of add_author(s) */
enum {
  AA_LATER = 1,   /* a part after the first: a role there is no name */
  AA_PRINTED = 2, /* found in running text ("Von ..."): every word left must
                     be a name's (capitalised or a particle) */
  AA_LAST = 4     /* the last round, nothing else names an author: a byline
                     that is only a host name ("example.com") is the site
                     crediting itself and is kept */
};

/* 1 when the ", "-joined list has the entry e[0..n) (case-insensitive) */
static int has_name(const kb_buf *list, const char *e, size_t n) {
  for (size_t i = 0; i < list->len;) {
    size_t j = i;
    while (j < list->len && list->data[j] != ',')
      j++;
    if (j - i == n && !strncasecmp(list->data + i, e, n))
      return 1;
    i = j + 2;
  }
  return 0;
}

/* Cleans one author name with the cue table (data/html/author_noise.tsv):
 * strips "By ", cuts before dates and "Alle Artikel", rejects "Posted on";
 * appends it to out (", "-joined) unless empty or already there. Returns
 * -1 when a printed line reads as a phrase, else 0. */
static int add_author(kb_buf *out, const char *s, size_t n, const char *site,
                      int flags) {
  size_t ncredit, npre, nby, nrej, ncut;
  const kb_html_cue *const *credit =
      kb_html_author_cues(KB_AUTHOR_CREDIT, &ncredit);
  const kb_html_cue *const *pre = kb_html_author_cues(KB_AUTHOR_PREFIX, &npre);
  const kb_html_cue *const *by = kb_html_author_cues(KB_AUTHOR_BYLINE, &nby);
  const kb_html_cue *const *rej = kb_html_author_cues(KB_AUTHOR_REJECT, &nrej);
  const kb_html_cue *const *cut = kb_html_author_cues(KB_AUTHOR_CUT, &ncut);
  kb_str t = kb_str_trim((kb_str){s, n});
  for (size_t i = 0; i < ncredit; i++)
    if (words_open(t.p, t.n, credit[i]->phrase, credit[i]->n))
      return 0; /* "Foto: Jane Doe" credits a picture, not the text */
  size_t from = name_after_cue(t);
  if (from)
    t = kb_str_trim((kb_str){t.p + from, t.n - from});
  else if ((flags & AA_LATER) && is_role(t))
    return 0;
  for (int again = 1; again;) {
    again = 0;
    /* prefixes and byline cues in the file's order (one array: pointers
       in order) */
    for (size_t i = 0, j = 0; i < npre || j < nby;) {
      const kb_html_cue *c =
          j >= nby || (i < npre && pre[i] < by[j]) ? pre[i++] : by[j++];
      if (!words_open(t.p, t.n, c->phrase, c->n))
        continue;
      if (c->n == t.n)
        return 0; /* only the prefix */
      t.p += c->n;
      t.n -= c->n;
      while (t.n && (*t.p == ':' || *t.p == ' ' || *t.p == '-')) {
        t.p++;
        t.n--;
      }
      again = 1;
    }
  }
  uint32_t initials = word_initials(t.p, t.n);
  for (size_t i = 0; i < nrej; i++)
    if (find_words_in(initials, t.p, t.n, rej[i]->phrase, rej[i]->n, 0) >= 0)
      return 0;
  for (size_t i = 0; i < ncut; i++) { /* cut after rejecting */
    /* at 0 too: a part that is only "PhD" or "Updated" is no name */
    long at = find_words_in(initials, t.p, t.n, cut[i]->phrase, cut[i]->n, 0);
    if (at >= 0)
      t.n = (size_t)at;
  }
  /* a name ends before digits (dates, times), '|' and bullets */
  size_t end = 0;
  while (end < t.n) {
    char c = t.p[end];
    if ((c >= '0' && c <= '9' && (end == 0 || t.p[end - 1] == ' ')) ||
        c == '|' || c == '@' || c == '(' || c == 0x7f || c == '\n' ||
        c == '[' || c == '*')
      break;
    if ((unsigned char)c == 0xE2 && end + 2 < t.n &&
        (unsigned char)t.p[end + 1] == 0x80 &&
        ((unsigned char)t.p[end + 2] == 0xA2 ||
         (unsigned char)t.p[end + 2] == 0x94 ||
         (unsigned char)t.p[end + 2] == 0x93))
      break; /* bullet, em dash, en dash */
    if ((unsigned char)c == 0xC2 && end + 1 < t.n &&
        ((unsigned char)t.p[end + 1] == 0xBB ||
         (unsigned char)t.p[end + 1] == 0xAB))
      break; /* "»" "«": a forum post's "Beitrag von user » date" */
    end++;
  }
  t.n = end;
  t = kb_str_trim(t);
  while (t.n && (t.p[t.n - 1] == ',' || t.p[t.n - 1] == '-' ||
                 t.p[t.n - 1] == ':' || t.p[t.n - 1] == ';'))
    t = kb_str_trim((kb_str){t.p, t.n - 1});
  if (t.n < 2 || t.n > 80)
    return 0;
  if ((flags & AA_PRINTED) && is_role(t))
    return -1; /* "Von Atemschutzmaske über Exit-Strategie": a phrase */
  t = without_site_words(t, site);
  size_t words = 1, dots = 0;
  for (size_t i = 0; i < t.n; i++) {
    words += t.p[i] == ' ';
    dots += t.p[i] == '.';
  }
  if (words > 6)
    return 0; /* a sentence, not a name */
  if (dots && has_domain_word(t) && (words > 1 || !(flags & AA_LAST)))
    return 0; /* "example.com", "stol.it / Site": a site, not a person */
  if (site && kb_str_ieq_ascii(t, site))
    return 0; /* the site, not a person */
  /* "Jane Doe Jane Doe": a picture's alt text next to the name */
  if (t.n >= 5 && t.n % 2 == 1 && t.p[t.n / 2] == ' ' &&
      memchr(t.p, ' ', t.n / 2) && !strncmp(t.p, t.p + t.n / 2 + 1, t.n / 2))
    t.n /= 2;
  if (has_name(out, t.p, t.n)) /* already there */
    return 0;
  if (out->len)
    kb_buf_puts(out, ", ");
  kb_buf_append(out, t.p, t.n);
  return 0;
}

/* Length of " phrase " at s when phrase is a name separator of kind
 * "sep" in data/html/author_noise.tsv ("Jane Doe im Gespräch mit John
 * Roe"), else 0. */
static size_t sep_phrase(const char *s, size_t n) {
  size_t nsep;
  const kb_html_cue *const *sep = kb_html_author_cues(KB_AUTHOR_SEP, &nsep);
  for (size_t i = 0; i < nsep; i++) {
    const kb_html_cue *c = sep[i];
    if (c->n + 2 <= n && s[c->n + 1] == ' ' &&
        ascii_ieq_lower(s + 1, c->phrase, c->n))
      return c->n + 2;
  }
  return 0;
}

/* Splits a byline holding several names ("A, B and C") and adds each. */
static void add_authors(kb_buf *out, const char *raw, const char *site,
                        int flags) {
  /* JSON-LD names may hold raw newlines and runs of spaces */
  kb_buf clean, dec;
  kb_buf_init(&clean, 4096);
  kb_buf_init(&dec, 4096);
  /* doubly escaped values ("Redacci&oacute;n") would split at the ';' */
  if (decode_entities(&dec, raw, strlen(raw)) || !dec.len ||
      kb_html_collapse(&clean, dec.data, dec.len) || !clean.len) {
    kb_buf_clear(&dec);
    kb_buf_clear(&clean);
    return;
  }
  kb_buf_clear(&dec);
  const char *s = clean.data;
  static const char *const seps[] = {",",     ";",     " and ", " & ",
                                     " und ", " dan ", " y ",   " et ",
                                     " e ",   " en ",  " i ",   NULL};
  size_t n = strlen(s);
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    size_t cut = 0;
    if (i == n) {
      cut = 1;
    } else if (s[i] == ',' || s[i] == ';' || s[i] == ' ') {
      /* the separators' first bytes: no compare at other positions */
      for (int k = 0; seps[k]; k++) {
        size_t kl = strlen(seps[k]);
        if (i + kl <= n && strncasecmp(s + i, seps[k], kl) == 0) {
          cut = kl;
          break;
        }
      }
    }
    if (!cut && s[i] == ' ')
      cut = sep_phrase(s + i, n - i);
    if (!cut)
      continue;
    if (i > start)
      if (add_author(out, s + start, i - start, site,
                     flags | (start > 0 ? AA_LATER : 0)) < 0)
        break; /* a printed phrase: the rest is no name either */
    start = i + (i == n ? 0 : cut);
    if (i < n)
      i += cut - 1;
  }
  kb_buf_clear(&clean);
}

/* Host of a URL without "www.", for matching "Example.com" title parts. */
static kb_str url_host(const char *url) {
  kb_str h = {NULL, 0};
  if (!url)
    return h;
  const char *p = strstr(url, "://");
  p = p ? p + 3 : url;
  if (!strncasecmp(p, "www.", 4))
    p += 4;
  const char *e = p;
  while (*e && *e != '/' && *e != ':' && *e != '?')
    e++;
  h.p = p;
  h.n = (size_t)(e - p);
  return h;
}

static size_t count_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ';
    if (!sp && !in)
      w++;
    in = !sp;
  }
  return w;
}

/* Words of s[0..n) that hold a letter or digit ("[> Jane Doe" has two). */
static size_t real_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0, counted = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == ' ') {
      in = 0;
      continue;
    }
    if (!in)
      counted = 0;
    in = 1;
    if (!counted && word_char((unsigned char)s[i])) {
      w++;
      counted = 1;
    }
  }
  return w;
}

/* 1 when a title part names the site: equal to the site name, or to the host,
 * or the host without its top-level domain ("Example" for example.com). */
static int names_site(kb_str part, const char *site, kb_str host) {
  part = kb_str_trim(part);
  if (!part.n)
    return 0;
  if (site && *site) {
    size_t sn = strlen(site);
    if (kb_str_ieq_ascii(part, site))
      return 1;
    /* "Example News" vs "Example", or the reverse */
    char pbuf[256];
    if (part.n < sizeof pbuf && part.n >= 4 && sn >= 4 &&
        count_words(part.p, part.n) <= count_words(site, sn) + 2) {
      memcpy(pbuf, part.p, part.n);
      pbuf[part.n] = 0;
      if (strcasestr(pbuf, site) || strcasestr(site, pbuf))
        return 1;
    }
  }
  if (host.n && part.n <= host.n && strncasecmp(part.p, host.p, part.n) == 0 &&
      (part.n == host.n || host.p[part.n] == '.'))
    return 1;
  /* "Anwalt Muster" on anwaltmuster.de: the host's letters without its
     top-level domain */
  char a[64], b[64];
  size_t hn = host.n;
  while (hn && host.p[hn - 1] != '.')
    hn--;
  if (hn < 2 || part.n >= sizeof a)
    return 0;
  size_t an = letters_of(part.p, part.n, a, sizeof a);
  size_t bn = letters_of(host.p, hn - 1, b, sizeof b);
  return an >= 4 && an == bn && !memcmp(a, b, an);
}

/* 1 when at least half of a's words (3+ bytes) occur in b, case-insensitive:
 * an <h1> that is the headline shares its words with the metadata title. */
static int shares_words(const char *a, const char *b) {
  size_t words = 0, found = 0;
  const char *s = a;
  while (*s) {
    while (*s && !word_char((unsigned char)*s))
      s++;
    const char *w = s;
    while (*s && word_char((unsigned char)*s))
      s++;
    size_t n = (size_t)(s - w);
    if (n < 3)
      continue;
    words++;
    if (find_words(b, strlen(b), w, n, 0) >= 0)
      found++;
  }
  return words == 0 || found * 2 >= words;
}

/* Title separators: kind 0 strong (" | "), 1 weak (" - "), 2 only before
 * or after a part that names the site ("Title: Site", "Title : Site"). */
static const struct {
  const char *s;
  size_t n;
  int kind;
} title_seps[] = {{" | ", 3, 0},
                  {" - ", 3, 1},
                  {" \xe2\x80\x93 ", 5, 1},
                  {" \xe2\x80\x94 ", 5, 1},
                  {" :: ", 4, 0},
                  {" \xc2\xb7 ", 4, 0},
                  {" \xc2\xbb ", 4, 0},
                  {" \xc2\xab ", 4, 0},
                  {" // ", 4, 0},
                  {" : ", 3, 2},
                  {": ", 2, 2}};
enum { N_TITLE_SEPS = sizeof title_seps / sizeof title_seps[0] };

/* 1 when part names the site: the metadata site name or a logo <h1>. */
static int names_site2(kb_str part, const char *site, const char *logo,
                       kb_str host) {
  return names_site(part, site, host) ||
         (logo && names_site(part, logo, (kb_str){NULL, 0}));
}

/* Strips " - Site", " | Site" and "Site | " from a title; strict: only parts
 * that name the site. */
static kb_str strip_site(kb_str t, const char *site, const char *logo,
                         kb_str host, int strict) {
  for (int round = 0; round < 2; round++) {
    const char *best = NULL, *first = NULL;
    size_t best_len = 0, first_len = 0;
    int best_kind = 0;
    /* one scan for all separators: each starts with ' ' or ':'; at one
       place the first in the table wins, as for the last and the first */
    for (size_t i = 0; i < t.n; i++) {
      if (t.p[i] != ' ' && t.p[i] != ':')
        continue;
      for (size_t k = 0; k < N_TITLE_SEPS; k++) {
        size_t kl = title_seps[k].n;
        if (i + kl > t.n || t.p[i] != title_seps[k].s[0] ||
            t.p[i + 1] != title_seps[k].s[1] ||
            memcmp(t.p + i, title_seps[k].s, kl) != 0)
          continue;
        if (!best || t.p + i > best) {
          best = t.p + i;
          best_len = kl;
          best_kind = title_seps[k].kind;
        }
        if (!first) {
          first = t.p + i;
          first_len = kl;
        }
      }
    }
    if (!best)
      break;
    kb_str head = {t.p, (size_t)(best - t.p)};
    kb_str tail = {best + best_len, t.n - (size_t)(best - t.p) - best_len};
    size_t hw = count_words(head.p, head.n), tw = count_words(tail.p, tail.n);
    /* a guessed suffix reads like a name: it starts with a capital or a
       digit and does not end a question or exclamation ("Title – was
       lohnt sich mehr?", "Part – die Dritte" belong to the title) */
    int name_like = tail.n && !(tail.p[0] >= 'a' && tail.p[0] <= 'z') &&
                    tail.p[tail.n - 1] != '?' && tail.p[tail.n - 1] != '!';
    if (names_site2(tail, site, logo, host) ||
        (!strict && name_like &&
         ((best_kind == 0 && tw <= 4 && hw >= 2 && hw > tw) ||
          (best_kind == 1 && tw <= 3 && hw >= 4)))) {
      t = kb_str_trim(head);
      continue;
    }
    /* "Site | Title": the first part names the site */
    if (first &&
        names_site2((kb_str){t.p, (size_t)(first - t.p)}, site, logo, host)) {
      t = kb_str_trim(
          (kb_str){first + first_len, t.n - (size_t)(first - t.p) - first_len});
      continue;
    }
    break;
  }
  return t;
}

/* Length of a separator mark opening a title ("» ", "| ", "- ", ": "),
 * 0 when none. */
static size_t lead_mark(kb_str t) {
  static const char *const marks[] = {"\xc2\xbb ",     "| ", "- ", ": ", "// ",
                                      "\xe2\x80\x93 ", NULL};
  for (int i = 0; marks[i]; i++) {
    size_t n = strlen(marks[i]);
    if (t.n > n && !memcmp(t.p, marks[i], n))
      return n;
  }
  return 0;
}

/* Where short occurs in long at its start (1) or end (2) on a word boundary,
 * ASCII case-insensitive; 0 when not, or when short is not shorter or has
 * fewer than two words. An <h1> "Kicker Headline" ends with the metadata's
 * "Headline"; og:title "Kicker: Headline" ends with the <h1>'s. */
static int word_affix_min(kb_str lng, kb_str shrt, size_t min_words) {
  if (shrt.n < 8 || shrt.n >= lng.n || count_words(shrt.p, shrt.n) < min_words)
    return 0;
  if (!strncasecmp(lng.p, shrt.p, shrt.n) &&
      !word_char((unsigned char)lng.p[shrt.n]))
    return 1;
  size_t off = lng.n - shrt.n;
  if (!strncasecmp(lng.p + off, shrt.p, shrt.n) &&
      !word_char((unsigned char)lng.p[off - 1]))
    return 2;
  return 0;
}

static int word_affix(kb_str lng, kb_str shrt) {
  return word_affix_min(lng, shrt, 2);
}

/* 1 when the <h1> h is the headline inner plus a kicker before it ("Local
 * News | Headline", "Roofline Headline") or a date line after it
 * ("Headline 02.02.2022 • Section"). A colon written straight after the
 * first words ("Pure Leere": Headline) or a subtitle after a colon belongs
 * to the headline itself. */
static int kicker_around(kb_str h, kb_str inner) {
  int where = word_affix(h, inner);
  if (where == 2) {
    size_t j = h.n - inner.n;
    while (j > 0 && h.p[j - 1] == ' ')
      j--;
    return !(j >= 2 && h.p[j - 1] == ':' && h.p[j - 2] != ' ');
  }
  if (where == 1) {
    size_t j = inner.n;
    while (j < h.n && h.p[j] == ' ')
      j++;
    unsigned char c = j < h.n ? (unsigned char)h.p[j] : 0;
    return (c >= '0' && c <= '9') || c == '|' || c == '(' || c == '[' ||
           c == 0xE2; /* bullet, dash */
  }
  return 0;
}

/* What follows "Kicker: " in t, the kicker at most three words with the
 * colon straight after it; empty when t has no such kicker. */
static kb_str colon_tail(kb_str t) {
  kb_str none = {NULL, 0};
  for (size_t i = 1; i + 2 < t.n; i++)
    if (t.p[i] == ':' && t.p[i + 1] == ' ' && t.p[i - 1] != ' ') {
      if (count_words(t.p, i) > 3)
        return none;
      return kb_str_trim((kb_str){t.p + i + 1, t.n - i - 1});
    }
  return none;
}

static int str_ieq(kb_str a, kb_str b) {
  return a.n == b.n && !strncasecmp(a.p, b.p, a.n);
}

/* A title candidate, white space collapsed and entities decoded, in the
 * scratch arena. */
static kb_str title_cand(meta_scan *m, const char *raw) {
  kb_str t = {NULL, 0};
  if (!raw)
    return t;
  raw = decoded(m, raw);
  kb_buf_reset(&m->tmp);
  if (kb_html_collapse(&m->tmp, raw, strlen(raw)) || !m->tmp.len)
    return t;
  kb_str s = kb_str_trim((kb_str){m->tmp.data, m->tmp.len});
  char *copy = s.n ? kb_arena_strndup(m->a, s.p, s.n) : NULL;
  if (copy) {
    t.p = copy;
    t.n = s.n;
  }
  return t;
}

/* 1 when an <h1> and a metadata title agree: equal, or one holds the other
 * at its start or end (a kicker, a date line or a site name around it). */
static int title_part_min(kb_str title, kb_str part, size_t min_words);

static int titles_agree(kb_str h1, kb_str meta) {
  return h1.n && meta.n &&
         (str_ieq(h1, meta) || word_affix(meta, h1) || word_affix(h1, meta) ||
          /* a one-word title (8 bytes or more: "Project:Page/Sub") that is
             one whole part of the metadata title at a separator */
          title_part_min(meta, h1, 1));
}

/* 1 when part is one whole part of title split at a separator: "Blog »
 * Part", "Part | Site", "Owner's Home | Part" (two words at least). */
static int title_part_min(kb_str title, kb_str part, size_t min_words) {
  int at = word_affix_min(title, part, min_words);
  if (!at)
    return 0;
  /* the rest must begin (at == 1) or end (at == 2) with a separator */
  kb_str rest = at == 1
                    ? kb_str_trim((kb_str){title.p + part.n, title.n - part.n})
                    : kb_str_trim((kb_str){title.p, title.n - part.n});
  if (!rest.n)
    return 0;
  unsigned char c = (unsigned char)(at == 1 ? rest.p[0] : rest.p[rest.n - 1]);
  if (c == '|' || c == '-' || c == ':' || c == '/')
    return 1;
  /* "»", "«", "–", "—", "·" */
  const char *u = at == 1 ? rest.p : rest.p + rest.n - 2;
  if (rest.n >= 2 && (unsigned char)u[0] == 0xC2 &&
      ((unsigned char)u[1] == 0xBB || (unsigned char)u[1] == 0xAB ||
       (unsigned char)u[1] == 0xB7))
    return 1;
  u = at == 1 ? rest.p : rest.p + rest.n - 3;
  return rest.n >= 3 && (unsigned char)u[0] == 0xE2 &&
         (unsigned char)u[1] == 0x80 &&
         ((unsigned char)u[2] == 0x93 || (unsigned char)u[2] == 0x94);
}

static int title_part(kb_str title, kb_str part) {
  return title_part_min(title, part, 2);
}

/* Lower-case ASCII letters and digits of s[0..n), into buf (cap bytes). */
static size_t letters_of(const char *s, size_t n, char *buf, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    char c = s[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      buf[k++] = c;
    else if (c >= 'A' && c <= 'Z')
      buf[k++] = (char)(c | 0x20);
  }
  return k;
}

/* 1 when a reading-card label ("Written by", "Verfasst von", "Autor")
 * introduces a name: it equals a prefix or byline phrase of
 * data/html/author_noise.tsv. */
static int is_author_label(const char *label) {
  kb_str l = kb_str_trim((kb_str){label, strlen(label)});
  while (l.n && l.p[l.n - 1] == ':')
    l.n--;
  static const int kinds[] = {KB_AUTHOR_PREFIX, KB_AUTHOR_BYLINE};
  for (int k = 0; k < 2; k++) {
    size_t nc;
    const kb_html_cue *const *c = kb_html_author_cues(kinds[k], &nc);
    for (size_t i = 0; i < nc; i++)
      if (c[i]->n == l.n && ascii_ieq_lower(l.p, c[i]->phrase, l.n))
        return 1;
  }
  return 0;
}

/* 1 when a meta author names an organisation: a word of kind "org" in
 * data/html/author_noise.tsv (GmbH, e.V., Verlag...), the site name, or the
 * host's letters ("Example" on ex-ample.com). */
static int is_org_name(const char *name, const char *site, kb_str host) {
  size_t n = strlen(name);
  if (org_words(name, n))
    return 1;
  kb_str t = kb_str_trim((kb_str){name, n});
  if (site && kb_str_ieq_ascii(t, site))
    return 1;
  char a[128], b[128];
  size_t an = letters_of(t.p, t.n, a, sizeof a);
  if (an < 3 || !host.n)
    return 0;
  /* the host without its top-level domain, then whole */
  size_t hn = host.n;
  while (hn && host.p[hn - 1] != '.')
    hn--;
  size_t bn = letters_of(host.p, hn ? hn - 1 : host.n, b, sizeof b);
  if (an == bn && !memcmp(a, b, an))
    return 1;
  bn = letters_of(host.p, host.n, b, sizeof b);
  return an == bn && !memcmp(a, b, an);
}

/* 1 when name is a whole part at an end of the <title> or og:site_name
 * ("Headline | Example Paper"): a meta author naming the site, not a
 * person. */
static int title_site_part(meta_scan *m, const char *name) {
  kb_str nm = kb_str_trim((kb_str){name, strlen(name)});
  const char *titles[2] = {m->title_tag, m->og_site};
  for (int k = 0; k < 2; k++)
    if (titles[k] && title_part((kb_str){titles[k], strlen(titles[k])}, nm))
      return 1;
  return 0;
}

/* 1 when s[0..n) holds a word of kind "org" (Staff, Verlag, GmbH...) */
static int org_words(const char *s, size_t n) {
  size_t norg;
  const kb_html_cue *const *org = kb_html_author_cues(KB_AUTHOR_ORG, &norg);
  uint32_t initials = word_initials(s, n);
  for (size_t i = 0; i < norg; i++)
    if (find_words_in(initials, s, n, org[i]->phrase, org[i]->n, 0) >= 0)
      return 1;
  return 0;
}

/* 1 when every name of have is in more and more adds at least one
 * person's name: 2-4 words, each capitalised or a particle ("Simon
 * Kohler"; not "Reuters", "Washington" nor "7 News"). */
static int more_names(const kb_buf *have, const kb_buf *more) {
  for (size_t i = 0; i < have->len;) {
    size_t j = i;
    while (j < have->len && have->data[j] != ',')
      j++;
    if (!has_name(more, have->data + i, j - i))
      return 0;
    i = j + 2;
  }
  int added = 0;
  for (size_t i = 0; i < more->len;) {
    size_t j = i;
    while (j < more->len && more->data[j] != ',')
      j++;
    if (!has_name(have, more->data + i, j - i)) {
      size_t words = 0;
      for (size_t k = i; k < j;) {
        while (k < j && more->data[k] == ' ')
          k++;
        size_t b = k;
        while (k < j && more->data[k] != ' ')
          k++;
        if (k == b)
          continue;
        words++;
        if (!upper_start(more->data + b) && !is_particle(more->data + b, k - b))
          return 0;
      }
      if (words < 2 || words > 4 || org_words(more->data + i, j - i))
        return 0; /* "Staff Attorney": a role in title case */
      added = 1;
    }
    i = j + 2;
  }
  return added;
}

static void set_lang(kb_article *out, const char *l) {
  if (!l || out->language)
    return;
  size_t n = 0;
  char code[4];
  while (n < 3 &&
         ((l[n] >= 'a' && l[n] <= 'z') || (l[n] >= 'A' && l[n] <= 'Z'))) {
    code[n] = (char)(l[n] | 0x20);
    n++;
  }
  if ((n == 2 || n == 3) && (l[n] == 0 || l[n] == '-' || l[n] == '_'))
    kb_article_set(out, &out->language, code, n);
}

/* 1 when s is valid UTF-8 without C0 controls other than \t and \n. */
static int plain_utf8(kb_str s) {
  for (size_t i = 0; i < s.n; i++) {
    unsigned char c = (unsigned char)s.p[i];
    if (c < 0x20 && c != '\t' && c != '\n')
      return 0;
  }
  return kb_utf8_valid(s.p, s.n);
}

static const char *nonempty(const char *a, const char *b) {
  return a && *a ? a : b;
}

kb_status kb_html_meta_extract(xmlDoc *doc, const kb_extract_opts *opts,
                               kb_arena *scratch, kb_article *out,
                               kb_html_meta *meta) {
  kb_status rc = KB_OK;
  meta_scan m;
  memset(&m, 0, sizeof m);
  m.a = scratch;
  kb_buf_init(&m.tmp, 1u << 24);
  class_index_init(&m.ci);
  m.tab = kb_html_tables_get();
  m.by = kb_html_author_cues(KB_AUTHOR_BYLINE, &m.nby);
  for (size_t i = 0; i < m.nby; i++)
    if (m.by[i]->n && m.by[i]->n <= 4) {
      unsigned char l =
          ascii_lower((unsigned char)m.by[i]->phrase[m.by[i]->n - 1]);
      m.by_short_last[l] = 1;
      if (l >= 'a' && l <= 'z')
        m.by_short_last[l - 32] = 1;
    }
  memset(meta, 0, sizeof *meta);
  xmlNode *root = xmlDocGetRootElement(doc);
  if (root)
    walk(&m, root, 0, 0, out);

  /* site name, URL, language */
  const char *site = nonempty(
      m.og_site, nonempty(m.ld_site, nonempty(m.app_name, m.ld_website)));
  if (site) {
    kb_str s = kb_str_trim((kb_str){site, strlen(site)});
    if (s.n && s.n < 200 && !plain_utf8(s)) {
      /* a raw attribute or JSON-LD string may hold invalid bytes or
         controls ("\u0001"): the collapsed text, as for titles */
      kb_buf_reset(&m.tmp);
      if ((rc = kb_html_collapse(&m.tmp, s.p, s.n)))
        goto fail;
      s = kb_str_trim((kb_str){m.tmp.data, m.tmp.len});
    }
    if (s.n && s.n < 200 &&
        (rc = kb_article_set(out, &out->site_name, s.p, s.n)))
      goto fail;
  }
  if (!out->url) {
    const char *u = opts && opts->url
                        ? opts->url
                        : nonempty(m.canonical, nonempty(m.og_url, m.ld_url));
    if (u && (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8) ||
              (opts && opts->url)))
      if ((rc = kb_article_set(out, &out->url, u, strlen(u))))
        goto fail;
  }
  set_lang(out, m.lang);
  set_lang(out, m.content_lang);
  set_lang(out, m.og_locale);

  /* title: the <h1> that agrees with a metadata title (equal, or one
     holding the other at an end); when that <h1> carries a kicker or a date
     line around the metadata's headline, the headline alone. Without an
     agreeing <h1>: the <article>'s <h1>, a lone <h1> sharing words with the
     metadata, else the metadata headline with the site suffix stripped. */
  kb_str host = url_host(out->url ? out->url : m.canonical);
  const char *meta_title = nonempty(
      m.og_title, nonempty(m.ld_headline, nonempty(m.tw_title, m.title_tag)));
  kb_str metas[4] = {title_cand(&m, m.og_title), title_cand(&m, m.ld_headline),
                     title_cand(&m, m.tw_title), title_cand(&m, m.title_tag)};
  kb_str loose[4], strict[4];
  for (int k = 0; k < 4; k++) {
    loose[k] =
        metas[k].n ? strip_site(metas[k], site, m.logo, host, 0) : metas[k];
    strict[k] =
        metas[k].n ? strip_site(metas[k], site, m.logo, host, 1) : metas[k];
  }
  /* pass 0/1: an <h1> (in <article> first) equal to a metadata title, with
     or without its site part; pass 2/3: one agreeing at an end */
  const char *h1 = NULL;
  int h1_equal = 0;
  for (int pass = 0; pass < 4 && !h1; pass++)
    for (size_t i = 0; i < m.n_h1s && !h1; i++) {
      kb_str h = {m.h1s[i].text, strlen(m.h1s[i].text)};
      if (m.h1s[i].in_article != !(pass & 1) ||
          names_site2(h, site, m.logo, host))
        continue;
      for (int k = 0; k < 4 && !h1; k++)
        if (pass < 2 ? str_ieq(h, metas[k]) || str_ieq(h, loose[k]) ||
                           str_ieq(h, strict[k])
                     : titles_agree(h, metas[k]))
          h1 = m.h1s[i].text;
      h1_equal = h1 && pass < 2;
    }
  if (!h1) {
    h1 = m.h1_article ? m.h1_article : (m.h1_count == 1 ? m.h1 : NULL);
    if (h1 && names_site2((kb_str){h1, strlen(h1)}, site, m.logo, host))
      h1 = NULL;
    /* a text several <h1>s repeat is a block title ("Read also:") */
    size_t same = 0;
    for (size_t i = 0; h1 && i < m.n_h1s; i++)
      same += !strcmp(m.h1s[i].text, h1);
    if (same > 1)
      h1 = NULL;
    /* an <h1> inside the <article> is the headline; a lone page <h1> of
       one or two words (a section, place or site label) must agree with
       the metadata, unless the metadata title only names the site. One of
       three words or more is the headline as printed: the metadata title
       is often reworded for search and sharing */
    if (h1 && h1 != m.h1_article && meta_title &&
        count_words(h1, strlen(h1)) < 3 && !shares_words(h1, meta_title) &&
        !(m.title_tag && shares_words(h1, m.title_tag)) &&
        !(strip_site(title_cand(&m, meta_title), site, m.logo, host, 1).n ==
              0 ||
          names_site2(title_cand(&m, meta_title), site, m.logo, host)))
      h1 = NULL;
  }
  /* no <h1> headline: an <h2> that is the metadata title without its site
     part, or one whole part of it ("Blog » Title", "Owner's Home | Title"),
     is the post's title as printed (a WordPress theme's <h2>) */
  for (size_t i = 0; i < m.n_h2s && !h1 && meta_title; i++) {
    kb_str h = {m.h2s[i], strlen(m.h2s[i])};
    if (names_site2(h, site, m.logo, host))
      continue;
    for (int k = 0; k < 4 && !h1; k++)
      if (str_ieq(h, loose[k]) || str_ieq(h, strict[k]) ||
          title_part(metas[k], h))
        h1 = m.h2s[i];
  }
  /* a page without any <h1>: the first <h2> of three words or more that
     shares most of its words with the metadata title, and the title most
     of its words with it, is the headline as printed (the metadata title
     reworded or carrying an issue number: "Title (2021/5)") */
  if (!h1 && meta_title && m.h1_count == 0) {
    kb_str mt = {NULL, 0};
    for (int k = 0; k < 4 && !mt.n; k++)
      mt = strict[k];
    const char *mz = mt.n ? kb_arena_strndup(m.a, mt.p, mt.n) : NULL;
    for (size_t i = 0; i < m.n_h2s && !h1 && mz; i++) {
      kb_str h = {m.h2s[i], strlen(m.h2s[i])};
      if (real_words(h.p, h.n) >= 3 && !names_site2(h, site, m.logo, host) &&
          shares_words(h.p, mz) && shares_words(mz, h.p))
        h1 = m.h2s[i];
    }
  }
  kb_str t = {NULL, 0};
  if (h1) {
    kb_str h = {h1, strlen(h1)}, inner = {NULL, 0};
    for (int k = 0; k < 4 && !h1_equal; k++) {
      kb_str c[2] = {metas[k], strict[k]};
      for (int j = 0; j < 2; j++)
        if (c[j].n > inner.n && kicker_around(h, c[j]))
          inner = c[j];
    }
    t = inner.n ? inner : h;
    /* an <h1> equal to a metadata title is taken as it is (in the
       metadata's letter case); else it carries no site suffix unless one
       names the site */
    if (h1_equal) {
      for (int k = 0; k < 4; k++)
        if (str_ieq(h, metas[k]) && memcmp(h.p, metas[k].p, h.n)) {
          t = metas[k];
          break;
        }
    } else {
      t = strip_site(t, site, m.logo, host, 1);
    }
  } else {
    int first = 0;
    for (int k = 0; k < 4 && !t.n; k++)
      t = metas[first = k];
    t = strip_site(t, site, m.logo, host, 0);
    /* "Kicker: Headline" where another metadata title is "Headline" alone,
       or "Other kicker: Headline" (r >= 3): the kicker is a topic label
       added for sharing (og:title), not part of the headline the other
       fields agree on */
    for (int r = 0; r < 6; r++) {
      int k = first + 1 + r % 3;
      if (k >= 4)
        continue;
      kb_str o = r < 3 ? strict[k] : colon_tail(strict[k]);
      if (r >= 3 && str_ieq(strict[k], t))
        continue;
      if (o.n && o.n + 2 < t.n && word_affix(t, o) == 2 &&
          count_words(t.p, t.n - o.n) <= 3) {
        size_t j = t.n - o.n;
        while (j > 0 && t.p[j - 1] == ' ')
          j--;
        if (j >= 2 && t.p[j - 1] == ':' && t.p[j - 2] != ' ') {
          t = o;
          break;
        }
      }
    }
  }
  /* a separator left at the start ("Site // » Title" without its site) */
  while (lead_mark(t)) {
    size_t k = lead_mark(t);
    t = kb_str_trim((kb_str){t.p + k, t.n - k});
  }
  if (t.n && (rc = kb_article_set(out, &out->title, t.p, t.n)))
    goto fail;
  meta->h1 = h1 ? h1 : m.h1;

  /* authors: JSON-LD persons (also those given by "@id"), then meta tags,
     then marked-up bylines; a meta author naming an organisation or the site
     itself ("Example Verlag GmbH") only when no person is found */
  if (!m.n_ld_authors && !m.n_ld_author_ids && m.ld_page_author)
    ld_authors(&m, m.ld_page_author); /* no Article node named one */
  for (size_t i = 0; i < m.n_ld_author_ids; i++)
    for (size_t j = 0; j < m.n_persons; j++)
      if (!strcmp(m.ld_author_ids[i], m.persons[j].id) &&
          m.n_ld_authors < MAX_AUTHORS) {
        m.ld_authors[m.n_ld_authors++] = m.persons[j].name;
        break;
      }
  /* the first author-page link that stays on the page's site (not a
     profile on a social network) */
  const char *page_url = out->url ? out->url : m.canonical;
  for (int pass = 0; pass < 2 && !m.author_href; pass++)
    for (size_t i = 0; i < m.n_hrefs && !m.author_href; i++)
      if (!off_site(m.href_url[i], page_url) &&
          (pass || page_url || !strstr(m.href_url[i], "://")))
        m.author_href = m.href_text[i]; /* without a page URL, a relative
                                           link first: surely on the site */
  int meta_org = m.meta_author && (is_org_name(m.meta_author, site, host) ||
                                   title_site_part(&m, m.meta_author));
  const char *tw_author = NULL;
  for (int k = 0; k < 4 && !tw_author; k++)
    if (m.tw_label[k] && m.tw_data[k] && is_author_label(m.tw_label[k]))
      tw_author = m.tw_data[k];
  /* sources in order of trust; a source counts when it yields a name. The
     site's own name is skipped as an author in the first round and taken
     in the second when nothing else names one (a byline "By Example
     News"). */
  const char *const *lists[] = {m.ld_authors,    &tw_author,     m.meta_authors,
                                &m.prop_author,  &m.rel_author,  &m.byline,
                                &m.author_href,  &m.text_byline, &m.date_byline,
                                &m.signature,    &m.username,    m.meta_authors,
                                &m.ld_org_author};
  size_t counts[] = {m.n_ld_authors,
                     1,
                     meta_org ? 0 : m.n_meta_authors,
                     1,
                     1,
                     1,
                     1,
                     1,
                     1,
                     1,
                     1,
                     meta_org ? m.n_meta_authors : 0,
                     1};
  _Static_assert(sizeof lists / sizeof lists[0] ==
                     sizeof counts / sizeof counts[0],
                 "one count per author source");
  /* the marked-up sources come before the first printed one
     (&m.text_byline, lists[PRINTED_FROM]) */
  enum { PRINTED_FROM = 7 };
  kb_buf_reset(&m.tmp);
  size_t from = 0;
  for (int round = 0; round < 2 && !m.tmp.len; round++)
    for (size_t l = 0; l < sizeof lists / sizeof lists[0] && !m.tmp.len; l++)
      for (size_t i = 0; i < counts[l]; i++)
        if (lists[l][i]) {
          add_authors(&m.tmp, lists[l][i], round ? NULL : site,
                      (lists[l] == &m.text_byline ? AA_PRINTED : 0) |
                          (round ? AA_LAST : 0));
          from = round ? 99 : l;
        }
  /* a later marked-up source that names the same people and more (a
     byline "von Jane Doe, John Roe", Jane Doe alone in JSON-LD) completes
     the list; not running text, which names people in other roles */
  if (m.tmp.len && from < PRINTED_FROM &&
      lists[PRINTED_FROM] == &m.text_byline) {
    kb_buf more;
    kb_buf_init(&more, 4096);
    for (size_t l = from + 1; l < PRINTED_FROM; l++) {
      kb_buf_reset(&more);
      for (size_t i = 0; i < counts[l]; i++)
        if (lists[l][i])
          add_authors(&more, lists[l][i], site,
                      lists[l] == &m.text_byline ? AA_PRINTED : 0);
      if (more.len && more_names(&m.tmp, &more)) {
        kb_buf_reset(&m.tmp);
        if ((rc = kb_buf_append(&m.tmp, more.data, more.len)))
          break;
      }
    }
    kb_buf_clear(&more);
    if (rc)
      goto fail;
  }
  if (m.tmp.len &&
      (rc = kb_article_set(out, &out->author, m.tmp.data, m.tmp.len)))
    goto fail;

  /* standfirst: the page's own summary line */
  const char *sf = nonempty(m.og_description, m.description);
  if (sf) {
    kb_buf_reset(&m.tmp);
    if ((rc = kb_html_collapse(&m.tmp, sf, strlen(sf))))
      goto fail;
    kb_str s = kb_str_trim((kb_str){m.tmp.data, m.tmp.len});
    if (s.n >= 20 && (rc = kb_article_set(out, &out->standfirst, s.p, s.n)))
      goto fail;
  }

  meta->ld_article = m.ld_article;
  if (m.ld_body) {
    meta->ld_body = m.ld_body;
    meta->ld_body_len = strlen(m.ld_body);
  }
  meta->lang_tag = nonempty(m.lang, nonempty(m.content_lang, m.og_locale));
fail:
  kb_buf_clear(&m.tmp);
  return rc;
}
