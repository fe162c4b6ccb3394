/* Article body from the DOM: one walk builds text blocks and per-element
 * statistics; candidates (semantic containers, a Readability-style content
 * score, JSON-LD articleBody) are compared with cheap features; the chosen
 * one is filtered for furniture and cut where the article ends. */
#include <string.h>
#ifdef KB_HTML_TRACE
#include <stdio.h>
#endif

#include "html/html_int.h"
#include "kabar/dates_parse.h"

enum tag_kind {
  T_OTHER = 0,
  T_DROP,
  T_BR,
  T_A,
  T_P,
  T_DIV,
  T_H1,
  T_H,
  T_LI,
  T_LIST,
  T_TD,
  T_TR,
  T_TABLE,
  T_PRE,
  T_QUOTE,
  T_ARTICLE,
  T_MAIN,
  T_SECTION,
  T_SOFT,
  T_BLOCK,
  T_BODY
};

enum { F_SOFT = 1, F_BODYCLASS = 2, F_SCORED = 4, F_ITEMPROP = 8 };

typedef struct ninfo ninfo;
struct ninfo {
  xmlNode *node;
  ninfo *parent;
  double score;   /* Readability-style content score */
  uint32_t text;  /* bytes of text below */
  uint32_t link;  /* bytes of link text below */
  uint32_t first; /* blocks [first, end) lie below */
  uint32_t end;
  uint32_t articles; /* <article> elements at or below this one */
  int16_t class_w;   /* summed class/id word weights */
  uint8_t kind;
  uint8_t flags;
};

typedef struct block {
  const char *text; /* scratch arena, trimmed, NUL-terminated */
  uint32_t len;
  uint32_t link;
  ninfo *owner; /* innermost block element */
  int in_soft;  /* below a furniture element */
  int cues;     /* KB_CUE_* kinds starting the text; -1 until computed */
} block;

typedef struct walker {
  const kb_html_tables *tab;
  kb_arena *a;
  kb_buf cur;        /* text of the block being built */
  uint32_t cur_link; /* its link bytes */
  ninfo *owner;
  int soft_depth;
  block *blocks;
  size_t nblocks, cap;
  size_t narticle; /* <article> elements */
  ninfo *article_nodes[128];
  size_t narticle_nodes;
  ninfo *body_nodes[64]; /* body-class containers, the first 64 */
  size_t nbody_nodes;
  kb_status rc;
} walker;

static enum tag_kind tag_kind(const char *t) {
  switch (t[0]) {
  case 'a':
    if (!t[1])
      return T_A;
    if (!strcmp(t, "article"))
      return T_ARTICLE;
    if (!strcmp(t, "aside") || !strcmp(t, "address"))
      return T_SOFT;
    if (!strcmp(t, "audio"))
      return T_DROP;
    break;
  case 'b':
    if (!strcmp(t, "br"))
      return T_BR;
    if (!strcmp(t, "blockquote"))
      return T_QUOTE;
    if (!strcmp(t, "button"))
      return T_DROP;
    if (!strcmp(t, "body"))
      return T_BODY;
    break;
  case 'c':
    if (!strcmp(t, "center"))
      return T_BLOCK;
    if (!strcmp(t, "canvas"))
      return T_DROP;
    if (!strcmp(t, "caption"))
      return T_SOFT;
    break;
  case 'd':
    if (!strcmp(t, "div"))
      return T_DIV;
    if (!strcmp(t, "dl"))
      return T_LIST;
    if (!strcmp(t, "dt") || !strcmp(t, "dd"))
      return T_LI;
    if (!strcmp(t, "details"))
      return T_BLOCK;
    if (!strcmp(t, "dialog"))
      return T_SOFT;
    break;
  case 'e':
    if (!strcmp(t, "embed"))
      return T_DROP;
    break;
  case 'f':
    if (!strcmp(t, "figure") || !strcmp(t, "figcaption") ||
        !strcmp(t, "footer") || !strcmp(t, "form"))
      return T_SOFT;
    if (!strcmp(t, "fieldset"))
      return T_BLOCK;
    break;
  case 'h':
    if (t[1] == '1' && !t[2])
      return T_H1;
    if (t[1] >= '2' && t[1] <= '6' && !t[2])
      return T_H;
    if (!strcmp(t, "header"))
      return T_SOFT;
    if (!strcmp(t, "hr"))
      return T_BLOCK;
    if (!strcmp(t, "head"))
      return T_DROP;
    break;
  case 'i':
    if (!strcmp(t, "iframe") || !strcmp(t, "input") || !strcmp(t, "img"))
      return T_DROP;
    break;
  case 'l':
    if (!strcmp(t, "li"))
      return T_LI;
    if (!strcmp(t, "label"))
      return T_DROP;
    break;
  case 'm':
    if (!strcmp(t, "main"))
      return T_MAIN;
    if (!strcmp(t, "menu"))
      return T_SOFT;
    if (!strcmp(t, "math"))
      return T_DROP;
    break;
  case 'n':
    if (!strcmp(t, "nav"))
      return T_SOFT;
    if (!strcmp(t, "noscript"))
      return T_DROP;
    break;
  case 'o':
    if (!strcmp(t, "ol"))
      return T_LIST;
    if (!strcmp(t, "object") || !strcmp(t, "option"))
      return T_DROP;
    break;
  case 'p':
    if (!t[1])
      return T_P;
    if (!strcmp(t, "pre"))
      return T_PRE;
    if (!strcmp(t, "picture"))
      return T_DROP;
    break;
  case 's':
    if (!strcmp(t, "section"))
      return T_SECTION;
    if (!strcmp(t, "script") || !strcmp(t, "style") || !strcmp(t, "svg") ||
        !strcmp(t, "select"))
      return T_DROP;
    if (!strcmp(t, "summary"))
      return T_BLOCK;
    break;
  case 't':
    if (!strcmp(t, "td") || !strcmp(t, "th"))
      return T_TD;
    if (!strcmp(t, "tr"))
      return T_TR;
    if (!strcmp(t, "table"))
      return T_TABLE;
    if (!strcmp(t, "template") || !strcmp(t, "textarea") || !strcmp(t, "title"))
      return T_DROP;
    if (!strcmp(t, "tbody") || !strcmp(t, "thead") || !strcmp(t, "tfoot"))
      return T_BLOCK;
    break;
  case 'u':
    if (!strcmp(t, "ul"))
      return T_LIST;
    break;
  case 'v':
    if (!strcmp(t, "video"))
      return T_DROP;
    break;
  default: break;
  }
  return T_OTHER;
}

static int is_block_kind(int k) {
  return k >= T_P;
}

static int is_sp(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Weight of one class token: its words ("article-body__newsletter" is
 * article, body, newsletter; "newsCaption" is news, caption) are matched
 * whole, so "ad" matches "ad-slot" but never "header" or "shadow". A
 * furniture word outweighs body words in the same token: a newsletter box
 * inside the article body is named after the body it sits in. */
static int token_weight(const kb_html_tables *tab, const char *tok, size_t tn) {
  char word[64];
  int neg = 0, pos = 0;
  size_t i = 0;
  while (i < tn) {
    while (i < tn && (tok[i] == '-' || tok[i] == '_'))
      i++;
    size_t m = 0;
    while (i < tn && tok[i] != '-' && tok[i] != '_' && m < sizeof word) {
      char c = tok[i];
      int upper = c >= 'A' && c <= 'Z';
      /* camelCase boundary: lower or digit followed by upper */
      if (upper && m > 0 && !(word[m - 1] >= 'A' && word[m - 1] <= 'Z') &&
          !(tok[i - 1] >= 'A' && tok[i - 1] <= 'Z'))
        break;
      word[m++] = (char)(upper ? c + 32 : c);
      i++;
    }
    if (m == sizeof word) {
      while (i < tn && tok[i] != '-' && tok[i] != '_')
        i++;
      continue;
    }
    if (!m)
      continue;
    int wt = kb_html_word_weight(tab, word, m);
    if (wt < neg)
      neg = wt;
    if (wt > pos)
      pos = wt;
  }
  return neg < 0 ? neg : pos;
}

/* Sums the token weights of class and id and notes body-container class
 * names (whole tokens, case-insensitive). */
static int class_weight(const kb_html_tables *tab, const xmlNode *n,
                        int *body_class) {
  int w = 0;
  const char *attrs[2] = {kb_html_attr(n, "class"), kb_html_attr(n, "id")};
  char low[64];
  for (int k = 0; k < 2; k++) {
    const char *s = attrs[k];
    if (!s)
      continue;
    while (*s) {
      while (*s && is_sp(*s))
        s++;
      const char *tok = s;
      while (*s && !is_sp(*s))
        s++;
      size_t tn = (size_t)(s - tok);
      if (!tn || tn >= sizeof low)
        continue;
      for (size_t i = 0; i < tn; i++)
        low[i] =
            (char)((tok[i] >= 'A' && tok[i] <= 'Z') ? tok[i] + 32 : tok[i]);
      if (kb_html_is_body_class(tab, low, tn))
        *body_class = 1;
      w += token_weight(tab, tok, tn);
    }
  }
  return w < -8 ? -8 : w > 8 ? 8 : w;
}

static int hidden(const xmlNode *n) {
  const char *st = kb_html_attr(n, "style");
  if (st) {
    char compact[64];
    size_t m = 0;
    for (const char *p = st; *p && m + 1 < sizeof compact; p++)
      if (!is_sp(*p))
        compact[m++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    compact[m] = 0;
    if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden"))
      return 1;
  }
  if (kb_html_attr(n, "hidden"))
    return 1;
  const char *ah = kb_html_attr(n, "aria-hidden");
  return ah && !strcmp(ah, "true");
}

static void push_block(walker *w, const char *s, size_t n, uint32_t link) {
  kb_str t = kb_str_trim((kb_str){s, n});
  if (!t.n || w->rc)
    return;
  if (w->nblocks == w->cap) {
    size_t nc = w->cap ? w->cap * 2 : 256;
    block *nb = kb_arena_alloc(w->a, nc * sizeof *nb);
    if (!nb) {
      w->rc = KB_ENOMEM;
      return;
    }
    if (w->nblocks)
      memcpy(nb, w->blocks, w->nblocks * sizeof *nb);
    w->blocks = nb;
    w->cap = nc;
  }
  block *b = &w->blocks[w->nblocks++];
  b->text = kb_arena_strndup(w->a, t.p, t.n);
  if (!b->text)
    w->rc = KB_ENOMEM;
  b->len = (uint32_t)t.n;
  b->link = link > b->len ? b->len : link;
  b->owner = w->owner;
  b->in_soft = w->soft_depth > 0;
  b->cues = -1;
}

/* Ends the current block; "<br><br>" (two newlines with only spaces
 * between) splits it into paragraphs, a single <br> is a space. */
static void flush(walker *w) {
  if (!w->cur.len) {
    w->cur_link = 0;
    return;
  }
  char *s = w->cur.data;
  size_t n = w->cur.len, start = 0, total = n;
  uint32_t link = w->cur_link;
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '\n')
      continue;
    size_t j = i + 1;
    while (j < n && s[j] == ' ')
      j++;
    if (j < n && s[j] == '\n') {
      size_t part = i - start;
      push_block(w, s + start, part, (uint32_t)((double)link * part / total));
      while (j < n && (s[j] == '\n' || s[j] == ' '))
        j++;
      start = j;
      i = j - 1;
    } else {
      s[i] = ' ';
    }
  }
  if (start < n)
    push_block(w, s + start, n - start,
               (uint32_t)((double)link * (n - start) / total));
  kb_buf_reset(&w->cur);
  w->cur_link = 0;
}

static void walk(walker *w, xmlNode *n, ninfo *parent, int depth, int in_link) {
  for (xmlNode *c = n->children; c && !w->rc; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (!c->content)
        continue;
      size_t before = w->cur.len;
      if ((w->rc = kb_html_collapse(&w->cur, (const char *)c->content,
                                    strlen((const char *)c->content))))
        return;
      uint32_t added = (uint32_t)(w->cur.len - before);
      parent->text += added;
      if (in_link) {
        parent->link += added;
        w->cur_link += added;
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || !c->name)
      continue;
    int kind = tag_kind((const char *)c->name);
    if (kind == T_DROP)
      continue;
    if (kind == T_BR) {
      if ((w->rc = kb_buf_putc(&w->cur, '\n')))
        return;
      continue;
    }
    ninfo *in = kb_arena_calloc(w->a, sizeof *in);
    if (!in) {
      w->rc = KB_ENOMEM;
      return;
    }
    c->_private = in;
    in->node = c;
    in->parent = parent;
    in->kind = (uint8_t)kind;
    int body_class = 0;
    in->class_w = (int16_t)class_weight(w->tab, c, &body_class);
    const char *ip = kb_html_attr(c, "itemprop");
    if (ip && !strcmp(ip, "articleBody") && kind != T_BODY)
      in->flags |= F_ITEMPROP | F_BODYCLASS;
    if (body_class && kind != T_BODY &&
        strcmp((const char *)c->name, "html") != 0)
      in->flags |= F_BODYCLASS;
    if (kind == T_SOFT || (in->class_w <= -3 && !(in->flags & F_BODYCLASS)) ||
        hidden(c))
      in->flags |= F_SOFT;
    if (kind == T_ARTICLE)
      w->narticle++;
    if ((in->flags & F_BODYCLASS) &&
        w->nbody_nodes < sizeof w->body_nodes / sizeof w->body_nodes[0])
      w->body_nodes[w->nbody_nodes++] = in;
    /* furniture gets a block of its own so pruning can see it */
    int is_block = is_block_kind(kind) || (in->flags & F_SOFT);
    ninfo *saved_owner = w->owner;
    if (is_block) {
      flush(w);
      w->owner = in;
    }
    if (in->flags & F_SOFT)
      w->soft_depth++;
    in->first = (uint32_t)w->nblocks;
    if (depth < 256)
      walk(w, c, in, depth + 1, in_link || kind == T_A);
    if (is_block) {
      flush(w);
      w->owner = saved_owner;
    } else if (kind == T_TD && w->cur.len) {
      kb_buf_putc(&w->cur, ' ');
    }
    if (in->flags & F_SOFT)
      w->soft_depth--;
    in->end = (uint32_t)w->nblocks;
    if (in->flags & F_SOFT) {
      in->articles = 0; /* teasers in furniture do not make a listing */
    } else if (kind == T_ARTICLE) {
      in->articles++;
      if (w->narticle_nodes <
          sizeof w->article_nodes / sizeof w->article_nodes[0])
        w->article_nodes[w->narticle_nodes++] = in;
    }
    parent->articles += in->articles;
    parent->text += in->text;
    parent->link += in->link;
  }
}

/* ---- Readability-style content score ------------------------------------ */
static void init_score(ninfo *n) {
  if (n->flags & F_SCORED)
    return;
  n->flags |= F_SCORED;
  double s = 0;
  switch (n->kind) {
  case T_DIV:
  case T_ARTICLE:
  case T_MAIN:
  case T_SECTION: s = 5; break;
  case T_PRE:
  case T_TD:
  case T_QUOTE: s = 3; break;
  case T_LIST:
  case T_LI:
  case T_SOFT: s = -3; break;
  case T_H1:
  case T_H: s = -5; break;
  default: break;
  }
  s += 8.0 * n->class_w;
  if (n->flags & F_BODYCLASS)
    s += 25;
  n->score = s;
}

static size_t count_commas(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] == ',')
      c++;
  return c;
}

/* Furniture for scoring: a furniture element holding half the page's text
 * is a mislabelled wrapper (lesson 3), not furniture. */
static int soft_for_scoring(const block *b, uint32_t page_text) {
  if (!b->in_soft)
    return 0;
  for (const ninfo *a = b->owner; a; a = a->parent)
    if ((a->flags & F_SOFT) && (uint64_t)a->text * 2 < page_text)
      return 1;
  return 0;
}

static void score_blocks(walker *w, uint32_t page_text) {
  for (size_t i = 0; i < w->nblocks; i++) {
    block *b = &w->blocks[i];
    if (b->len < 25 || !b->owner || soft_for_scoring(b, page_text))
      continue;
    int k = b->owner->kind;
    if (k == T_LI || k == T_H1 || k == T_LIST)
      continue;
    if (b->link * 2 > b->len)
      continue;
    double s = 1 + (double)count_commas(b->text, b->len) +
               (b->len / 100 > 3 ? 3 : b->len / 100);
    /* text straight in a container counts for the container as Readability
       converts such divs to paragraphs */
    ninfo *anc = b->owner->kind == T_P || k == T_PRE || k == T_TD || k == T_H ||
                         k == T_QUOTE
                     ? b->owner->parent
                     : b->owner;
    for (int level = 0; anc && level < 5; level++, anc = anc->parent) {
      if (anc->kind == T_BODY)
        break;
      init_score(anc);
      anc->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3.0);
    }
  }
}

static double final_score(const ninfo *n) {
  double ld = n->text ? (double)n->link / n->text : 0;
  return n->score * (1 - ld);
}

static int is_inside(const ninfo *n, const ninfo *anc) {
  for (; n; n = n->parent)
    if (n == anc)
      return 1;
  return 0;
}

/* ---- filtering inside the chosen container ------------------------------ */
typedef struct choice {
  ninfo *roots[32]; /* top candidate and accepted siblings, document order */
  size_t nroots;
} choice;

/* 1 when a furniture element between the block and root hides the block;
 * furniture holding half the root's text is not pruned (lesson 3: never let
 * pruning remove most of the text). */
static int pruned(const block *b, const ninfo *root) {
  for (const ninfo *a = b->owner; a && a != root; a = a->parent)
    if ((a->flags & F_SOFT) && (uint64_t)a->text * 2 < root->text)
      return 1;
  return 0;
}

static int ends_sentence(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' ||
               s[n - 1] == ')'))
    n--;
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
      (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99 ||
       (unsigned char)s[n - 1] == 0xA6))
    return 1; /* closing quotes, ellipsis */
  return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
               s[n - 1] == ':');
}

/* A short line that is mostly a date or time ("Nov 19, 2019 at 6:46 pm ET",
 * "18.11.2019 09:38"): a year or a clock time and few words, or a date line
 * the dates parser reads whole. */
static int date_line(const char *s, size_t n) {
  int year = 0, clock = 0, words = 0, in = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9';
    if (d && i + 3 < n && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
        (s[i] == '1' || s[i] == '2') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
        s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' &&
        s[i + 3] <= '9' &&
        (i + 4 == n || !(s[i + 4] >= '0' && s[i + 4] <= '9')))
      year = 1;
    if (c == ':' && i > 0 && i + 2 < n && s[i - 1] >= '0' && s[i - 1] <= '9' &&
        s[i + 1] >= '0' && s[i + 1] <= '5' && s[i + 2] >= '0' &&
        s[i + 2] <= '9')
      clock = 1;
    int sp = c == ' ';
    if (!sp && !in)
      words++;
    in = !sp;
  }
  if ((year || clock) && words <= 10)
    return 1;
  /* a relative time alone ("2 jam lalu", "3 hours ago", "Kemarin"): a line
     the dates parser reads whole with relative dates and not without them */
  kb_datetime t;
  return words <= 5 &&
         kb_date_line_kinds(s, n, NULL, &t, NULL) == KB_DATE_LINE_ANY;
}

/* Cue kinds of a block, computed once: every candidate is filtered with
 * them. */
static int block_cues(walker *w, block *b) {
  if (b->cues < 0)
    b->cues = kb_html_cue_match(w->tab, b->text, b->len);
  return b->cues;
}

/* Share of a text taken by URLs (tokens starting "http" or "www."): image
 * lists and tracking data leaked into the page text. */
static double url_share(const char *s, size_t n) {
  size_t in_url = 0;
  for (size_t i = 0; i < n;) {
    if ((i == 0 || s[i - 1] == ' ') &&
        ((n - i >= 4 && !memcmp(s + i, "http", 4)) ||
         (n - i >= 4 && !memcmp(s + i, "www.", 4)))) {
      size_t j = i;
      while (j < n && s[j] != ' ')
        j++;
      in_url += j - i;
      i = j;
    } else {
      i++;
    }
  }
  return n ? (double)in_url / n : 0;
}

/* Gathers the blocks of the roots that look like body: not furniture, not
 * link lists, not cue-phrase teasers; then cuts where the article ends. */
static size_t select_blocks(walker *w, const choice *ch,
                            const kb_html_meta *meta, const char *title,
                            uint32_t *keep, size_t cap, size_t *chars,
                            size_t *prose) {
  size_t nk = 0, total = 0;
  for (size_t r = 0; r < ch->nroots; r++) {
    const ninfo *root = ch->roots[r];
    for (uint32_t i = root->first; i < root->end && nk < cap; i++) {
      block *b = &w->blocks[i];
      if (pruned(b, root))
        continue;
      if (b->owner && b->owner->kind == T_H1) {
        /* the headline is metadata, not body */
        if ((title && strstr(title, b->text)) ||
            (meta->h1 && !strcmp(meta->h1, b->text)) || b->len < 200)
          continue;
      }
      double ld = b->len ? (double)b->link / b->len : 0;
      int sentence = b->len > 60 && ends_sentence(b->text, b->len);
      /* a sentence may carry a long link; a short line mostly linked is a
         teaser or navigation */
      if (ld > (sentence ? 0.8 : 0.5) ||
          (!sentence && ld > 0.25 && b->len < 120))
        continue;
      if (url_share(b->text, b->len) > 0.5)
        continue;
      if (b->len < 200) {
        int cue = block_cues(w, b);
        if ((cue & KB_CUE_DROP) || ((cue & KB_CUE_LINE) && b->len < 80))
          continue;
        if (b->len < 80 && !sentence && date_line(b->text, b->len))
          continue;
      }
      keep[nk++] = i;
      total += b->len;
    }
  }
  /* the end: a short block with an end cue in the last part of the text
     (a "Related" heading, "Comments") closes the article */
  size_t acc = 0;
  for (size_t k = 0; k < nk; k++) {
    const block *b = &w->blocks[keep[k]];
    if (acc * 2 >= total && b->len < 80 &&
        (block_cues(w, &w->blocks[keep[k]]) & KB_CUE_END)) {
      nk = k;
      break;
    }
    acc += b->len;
  }
  /* trailing short lines that are not sentences (headings of what follows,
     bylines, tags) */
  while (nk) {
    const block *b = &w->blocks[keep[nk - 1]];
    if (b->owner && b->owner->kind == T_LI && b->link * 4 < b->len)
      break; /* a list ends it */
    int heading = b->owner && (b->owner->kind == T_H || b->owner->kind == T_H1);
    if (heading || (b->len < 60 && !ends_sentence(b->text, b->len)) ||
        (b->len < 300 && kb_html_cue_tail(w->tab, b->text, b->len)))
      nk--;
    else
      break;
  }
  *chars = 0;
  *prose = 0;
  for (size_t k = 0; k < nk; k++) {
    const block *b = &w->blocks[keep[k]];
    *chars += b->len;
    /* prose: sentences of some length with few links */
    if (b->len >= 60 && b->link * 5 < b->len && ends_sentence(b->text, b->len))
      *prose += b->len;
  }
  return nk;
}

/* Text of a candidate as the filter would keep it, for comparing. */
static size_t good_chars(walker *w, ninfo *root, const kb_html_meta *meta,
                         const char *title, uint32_t *scratch, size_t cap,
                         size_t *prose) {
  choice ch = {.nroots = 1};
  ch.roots[0] = root;
  size_t chars = 0;
  select_blocks(w, &ch, meta, title, scratch, cap, &chars, prose);
  return chars;
}

/* Readability's sibling step: siblings of the top candidate that score well
 * or hold plain paragraphs belong to the article too. */
static void add_siblings(choice *ch, ninfo *top) {
  ch->nroots = 0;
  double top_score = final_score(top);
  double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
  xmlNode *parent = top->node->parent;
  if (!parent || !top->parent || top->parent->kind == T_BODY ||
      !parent->_private) {
    ch->roots[ch->nroots++] = top;
    return;
  }
  for (xmlNode *s = parent->children; s && ch->nroots < 32; s = s->next) {
    ninfo *si = s->type == XML_ELEMENT_NODE ? s->_private : NULL;
    if (!si || si->parent != top->parent)
      continue;
    if (si == top) {
      ch->roots[ch->nroots++] = si;
      continue;
    }
    if (si->flags & F_SOFT)
      continue;
    double ld = si->text ? (double)si->link / si->text : 1;
    int ok = (si->flags & F_SCORED) && final_score(si) >= threshold;
    if (!ok && si->kind == T_P)
      ok = (si->text > 80 && ld < 0.25) || (si->text > 0 && ld == 0);
    if (ok)
      ch->roots[ch->nroots++] = si;
  }
}

kb_status kb_html_body_extract(xmlDoc *doc, const kb_html_meta *meta,
                               kb_arena *scratch, kb_article *out) {
  walker w;
  memset(&w, 0, sizeof w);
  w.tab = kb_html_tables_get();
  w.a = scratch;
  kb_buf_init(&w.cur, 1u << 26);
  uint32_t *keep = NULL;
  kb_status rc = KB_OK;
  xmlNode *root = xmlDocGetRootElement(doc);
  ninfo top_info;
  memset(&top_info, 0, sizeof top_info);
  top_info.kind = T_BODY;
  if (root) {
    xmlNode *html = root;
    /* walk the root element itself as a child of a virtual parent */
    xmlNode fake;
    memset(&fake, 0, sizeof fake);
    fake.children = html;
    walk(&w, &fake, &top_info, 0, 0);
    flush(&w);
    top_info.end = (uint32_t)w.nblocks;
  }
  if ((rc = w.rc))
    goto fail;
  keep = kb_arena_alloc(scratch, (w.nblocks + 1) * sizeof *keep);
  if (!keep) {
    rc = KB_ENOMEM;
    goto fail;
  }
  score_blocks(&w, top_info.text);

  /* candidate 1: the best Readability score over all elements */
  ninfo *top = NULL;
  double best = 0;
  for (size_t i = 0; i < w.nblocks; i++) {
    for (ninfo *a = w.blocks[i].owner; a; a = a->parent) {
      if (!(a->flags & F_SCORED))
        continue;
      double s = final_score(a);
      if (!top || s > best) {
        top = a;
        best = s;
      }
    }
  }
  const char *title = out->title;
  size_t top_prose = 0, sem_prose = 0, prose = 0;
  size_t top_chars =
      top ? good_chars(&w, top, meta, title, keep, w.nblocks, &top_prose) : 0;

  /* candidate 2: the semantic container (itemprop=articleBody, a body class
     name, else the one <article>) with the most text */
  ninfo *sem = NULL;
  size_t sem_chars = 0;
  for (size_t i = 0; i < w.nbody_nodes; i++) {
    ninfo *n = w.body_nodes[i];
    if (n->flags & F_SOFT)
      continue;
    size_t pr = 0;
    size_t c = good_chars(&w, n, meta, title, keep, w.nblocks, &pr);
    if (c > sem_chars) {
      sem = n;
      sem_chars = c;
      sem_prose = pr;
    }
  }
  if (!sem && w.narticle == 1 && top) {
    for (ninfo *a = top; a; a = a->parent)
      if (a->kind == T_ARTICLE)
        sem = a;
    if (sem)
      sem_chars = good_chars(&w, sem, meta, title, keep, w.nblocks, &sem_prose);
  }

  /* choose by prose (sentences with few links): a container that holds
     notably more prose than the other candidate inside or around it is
     where the article continues; otherwise the tighter one wins */
  choice ch = {0};
  ninfo *chosen = top;
  const char *why = "score";
  if (sem && top) {
    if (is_inside(top, sem)) {
      if (sem_prose * 10 >= top_prose * 13 ||
          sem_chars <= top_chars + top_chars / 4 + 200 ||
          (sem->flags & F_ITEMPROP)) {
        chosen = sem;
        why = "semantic";
      }
    } else if (is_inside(sem, top)) {
      if (sem_prose * 10 >= top_prose * 8) {
        chosen = sem;
        why = "semantic";
      }
    } else if (sem_prose > top_prose) {
      chosen = sem;
      why = "semantic";
    }
  } else if (sem) {
    chosen = sem;
    why = "semantic";
  }
  if (chosen == top && top) {
    add_siblings(&ch, top);
  } else if (chosen) {
    ch.roots[0] = chosen;
    ch.nroots = 1;
  }

  size_t chars = 0;
  size_t nk = ch.nroots ? select_blocks(&w, &ch, meta, title, keep, w.nblocks,
                                        &chars, &prose)
                        : 0;

  /* candidate 3: JSON-LD articleBody, when the DOM gave much less */
  int use_ld = meta->ld_body && meta->ld_body_len > 400 &&
               meta->ld_body_len > 2 * chars + 200;

  /* pages that are not articles: listings, home pages, errors */
  /* a pick spanning several <article>s is a listing, unless one of them
     holds most of the text (an article followed by teasers) */
  int listing = 0;
  uint32_t picked_articles = 0;
  for (size_t r = 0; r < ch.nroots; r++)
    picked_articles += ch.roots[r]->articles;
  if (picked_articles >= 3 && !use_ld) {
    ninfo *best_article = NULL;
    size_t best_chars = 0, pr = 0;
    for (size_t i = 0; i < w.narticle_nodes; i++) {
      ninfo *art = w.article_nodes[i];
      int inside = 0;
      for (size_t r = 0; r < ch.nroots && !inside; r++)
        inside = is_inside(art, ch.roots[r]);
      if (!inside)
        continue;
      size_t c = good_chars(&w, art, meta, title, keep, w.nblocks, &pr);
      if (c > best_chars) {
        best_chars = c;
        best_article = art;
      }
    }
    if (best_article && best_chars * 2 >= chars && best_chars >= 200) {
      ch.roots[0] = best_article;
      ch.nroots = 1;
      nk = select_blocks(&w, &ch, meta, title, keep, w.nblocks, &chars, &prose);
      why = "article";
    } else {
      listing = !meta->ld_article;
    }
  }
#ifdef KB_HTML_TRACE
  fprintf(stderr,
          "top=%s score=%.1f chars=%zu sem=%s chars=%zu chosen=%s nroots=%zu "
          "kept=%zu narticle=%zu\n",
          top ? (const char *)top->node->name : "-",
          top ? final_score(top) : 0.0, top_chars,
          sem ? (const char *)sem->node->name : "-", sem_chars, why, ch.nroots,
          chars, w.narticle);
#endif
  if (!use_ld && (chars < 200 || listing) &&
      !(chars >= 100 && prose >= 100 && !listing)) {
    /* "listing" is a verdict (not an article); "no-body" only says the DOM
     * held none, and kb_extract may try the page's text instead */
    kb_article_add_diag(out, listing ? "listing" : "no-body", -1, "%s",
                        listing ? "page lists several articles; no body kept"
                                : "no article body found");
    out->confidence = 0.05;
    goto done;
  }
  if (use_ld) {
    kb_buf_reset(&w.cur);
    const char *s = meta->ld_body, *e = s + meta->ld_body_len;
    while (s < e && !rc) {
      const char *nl = memchr(s, '\n', (size_t)(e - s));
      if (!nl)
        nl = e;
      kb_buf_reset(&w.cur);
      if ((rc = kb_html_collapse(&w.cur, s, (size_t)(nl - s))))
        break;
      kb_str t = kb_str_trim((kb_str){w.cur.data, w.cur.len});
      if (t.n)
        rc = kb_article_add_para(out, t.p, t.n);
      s = nl + 1;
    }
    out->confidence = 0.6;
    kb_article_add_diag(out, "body-json-ld", -1,
                        "body taken from JSON-LD articleBody");
    goto done;
  }
  for (size_t k = 0; k < nk && !rc; k++)
    rc =
        kb_article_add_para(out, w.blocks[keep[k]].text, w.blocks[keep[k]].len);

  /* confidence from agreement and size */
  double conf = 0.5;
  if (sem && top && (is_inside(top, sem) || is_inside(sem, top)))
    conf += 0.2;
  if (meta->ld_article)
    conf += 0.1;
  if (chars > 1500)
    conf += 0.1;
  if (chars < 500)
    conf -= 0.2;
  if (meta->ld_body && meta->ld_body_len > 400) {
    double r = (double)chars / meta->ld_body_len;
    if (r > 0.8 && r < 1.25)
      conf += 0.1;
  }
  out->confidence = conf < 0 ? 0 : conf > 1 ? 1 : conf;
#ifdef KB_HTML_TRACE
  fprintf(stderr,
          "top=%s(%p) score=%.1f chars=%zu sem=%s chars=%zu chosen=%s "
          "nroots=%zu kept=%zu\n",
          top ? (const char *)top->node->name : "-", (void *)top,
          top ? final_score(top) : 0.0, top_chars,
          sem ? (const char *)sem->node->name : "-", sem_chars, why, ch.nroots,
          chars);
#endif
  (void)why;
done:
fail:
  kb_buf_clear(&w.cur);
  return rc;
}
