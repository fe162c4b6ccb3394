/* Events and storylines. Articles become TF-IDF vectors (title words count
 * double); an article joins the event whose members it resembles most once
 * time is weighed in (exp(-d²/2σ²), σ ≈ 3 days, nothing beyond a window),
 * as news-clustering systems do; events join storylines by the similarity
 * of their centroids with no short time limit, since a story recurs every
 * year (ARCHITECTURE.md, lesson 7). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kabar/cluster.h"
#include "kabar/text.h"

void kb_cluster_opts_init(kb_cluster_opts *o) {
  o->event_threshold = 0.20;
  o->sigma_days = 3.0;
  o->window_days = 7;
  o->storyline_threshold = 0.22;
}

/* ---- sparse vectors --------------------------------------------------- */

typedef struct term {
  uint64_t h;
  float w;
} term;

typedef struct vec {
  term *t; /* sorted by h */
  size_t n;
} vec;

static int term_cmp(const void *a, const void *b) {
  uint64_t x = ((const term *)a)->h, y = ((const term *)b)->h;
  return x < y ? -1 : x > y;
}

/* First index in t[lo..n) whose hash is >= h. */
static size_t lower_bound(const term *t, size_t lo, size_t n, uint64_t h) {
  size_t hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].h < h)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static double dot(const vec *a, const vec *b) {
  if (a->n > b->n) {
    const vec *t = a;
    a = b;
    b = t;
  }
  double s = 0;
  if (a->n * 8 < b->n) {
    /* an article against an event's long sum: look each term up instead
     * of walking the long side (the merge was half of clustering time) */
    size_t j = 0;
    for (size_t i = 0; i < a->n && j < b->n; i++) {
      j = lower_bound(b->t, j, b->n, a->t[i].h);
      if (j < b->n && b->t[j].h == a->t[i].h)
        s += (double)a->t[i].w * b->t[j++].w;
    }
    return s;
  }
  size_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->t[i].h == b->t[j].h)
      s += (double)a->t[i++].w * b->t[j++].w;
    else if (a->t[i].h < b->t[j].h)
      i++;
    else
      j++;
  }
  return s;
}

/* Euclidean length of v. */
static double vec_norm(const vec *v) {
  double s = 0;
  for (size_t i = 0; i < v->n; i++)
    s += (double)v->t[i].w * v->t[i].w;
  return sqrt(s);
}

static void normalise(vec *v) {
  double s = vec_norm(v);
  if (s <= 0)
    return;
  float inv = (float)(1.0 / s);
  for (size_t i = 0; i < v->n; i++)
    v->t[i].w *= inv;
}

/* Sorts terms and merges equal hashes by adding weights. */
static void compact(vec *v) {
  if (v->n == 0)
    return;
  qsort(v->t, v->n, sizeof *v->t, term_cmp);
  size_t o = 0;
  for (size_t i = 1; i < v->n; i++) {
    if (v->t[i].h == v->t[o].h)
      v->t[o].w += v->t[i].w;
    else
      v->t[++o] = v->t[i];
  }
  v->n = o + 1;
}

typedef struct collect {
  term *t;
  size_t n, cap;
  float weight;
  const char *lang;
  int oom;
} collect;

static int collect_token(const char *tok, size_t n, void *ctx) {
  collect *c = ctx;
  if (n < 2)
    return 0;
  size_t digits = 0;
  for (size_t i = 0; i < n; i++)
    digits += tok[i] >= '0' && tok[i] <= '9';
  if (digits == n)
    return 0; /* numbers say little about the subject */
  if (kb_is_stopword(c->lang, tok, n))
    return 0;
  if (c->n == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 256;
    term *p = realloc(c->t, ncap * sizeof *p);
    if (!p) {
      c->oom = 1;
      return 1;
    }
    c->t = p;
    c->cap = ncap;
  }
  c->t[c->n++] = (term){kb_hash64(tok, n, 0x5eed), c->weight};
  return 0;
}

/* Raw term counts of a document (title counted twice). */
static kb_status doc_terms(const kb_cluster_doc *d, kb_buf *scratch, vec *out) {
  collect c = {.lang = d->language ? d->language : "en"};
  kb_status rc = KB_OK;
  if (d->title) {
    c.weight = 2.0f;
    rc = kb_tokenize(d->title, strlen(d->title), scratch, collect_token, &c);
  }
  if (!rc && d->text) {
    c.weight = 1.0f;
    rc = kb_tokenize(d->text, strlen(d->text), scratch, collect_token, &c);
  }
  if (!rc && c.oom)
    rc = KB_ENOMEM;
  if (rc) {
    free(c.t);
    return rc;
  }
  out->t = c.t;
  out->n = c.n;
  compact(out);
  return KB_OK;
}

/* ---- document frequencies: open addressing on term hashes -------------- */

typedef struct df_table {
  uint64_t *keys; /* 0 = empty (hash 0 is remapped to 1) */
  uint32_t *counts;
  size_t cap;
} df_table;

static uint32_t *df_slot(df_table *t, uint64_t h) {
  if (h == 0)
    h = 1;
  size_t i = (size_t)h & (t->cap - 1);
  while (t->keys[i] && t->keys[i] != h)
    i = (i + 1) & (t->cap - 1);
  t->keys[i] = h;
  return &t->counts[i];
}

static kb_status df_build(df_table *t, vec *docs, size_t n) {
  size_t total = 0;
  for (size_t i = 0; i < n; i++)
    total += docs[i].n;
  t->cap = 1024;
  while (t->cap < total * 2)
    t->cap *= 2;
  t->keys = calloc(t->cap, sizeof *t->keys);
  t->counts = calloc(t->cap, sizeof *t->counts);
  if (!t->keys || !t->counts)
    return KB_ENOMEM;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < docs[i].n; k++)
      (*df_slot(t, docs[i].t[k].h))++;
  return KB_OK;
}

static void tfidf(vec *v, df_table *df, size_t ndocs) {
  for (size_t k = 0; k < v->n; k++) {
    double tf = 1.0 + log(v->t[k].w);
    double idf = log((ndocs + 1.0) / (*df_slot(df, v->t[k].h) + 1.0)) + 1.0;
    v->t[k].w = (float)(tf * idf);
  }
  normalise(v);
}

/* ---- events ----------------------------------------------------------------
 */

typedef struct event {
  size_t *members; /* doc indexes */
  size_t n, cap;
  vec sum;     /* sum of the members' vectors: the mean similarity of a
                  doc to the members is dot(doc, sum) / n */
  int32_t day; /* day of the first member; KB_DAY_UNKNOWN if none */
  int32_t last_day;
} event;

/* sum += v, both sorted by term hash. */
static kb_status vec_add(vec *sum, const vec *v) {
  term *t = malloc((sum->n + v->n + 1) * sizeof *t);
  if (!t)
    return KB_ENOMEM;
  size_t i = 0, j = 0, o = 0;
  while (i < sum->n || j < v->n) {
    if (j >= v->n || (i < sum->n && sum->t[i].h < v->t[j].h))
      t[o++] = sum->t[i++];
    else if (i >= sum->n || v->t[j].h < sum->t[i].h)
      t[o++] = v->t[j++];
    else {
      t[o] = sum->t[i++];
      t[o++].w += v->t[j++].w;
    }
  }
  free(sum->t);
  sum->t = t;
  sum->n = o;
  return KB_OK;
}

static kb_status event_add(event *e, size_t doc, const vec *v) {
  kb_status rc = vec_add(&e->sum, v);
  if (rc)
    return rc;
  if (e->n == e->cap) {
    size_t ncap = e->cap ? e->cap * 2 : 4;
    size_t *p = realloc(e->members, ncap * sizeof *p);
    if (!p)
      return KB_ENOMEM;
    e->members = p;
    e->cap = ncap;
  }
  e->members[e->n++] = doc;
  return KB_OK;
}

typedef struct order_item {
  int32_t day;
  size_t idx;
} order_item;

static int order_cmp(const void *a, const void *b) {
  const order_item *x = a, *y = b;
  int ux = x->day == KB_DAY_UNKNOWN, uy = y->day == KB_DAY_UNKNOWN;
  if (ux != uy)
    return ux - uy;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct storyline {
  vec sum;     /* sum of its events' unit centroids */
  double norm; /* |sum| */
} storyline;

/* ---- candidate index: term → events holding it ---------------------------
 * An article is compared only with events that share one of its strongest
 * terms; without it every article meets every active event, which is
 * quadratic on a busy news day. */

#define KB_TOP_TERMS 8

typedef struct posting {
  size_t event;
  size_t next; /* index of the next posting of the same term; SIZE_MAX ends */
} posting;

typedef struct term_index {
  uint64_t *keys; /* term hashes; 0 = empty slot (hash 0 is remapped to 1) */
  size_t *heads;  /* first posting of each term */
  size_t cap, used;
  posting *post;
  size_t npost, cappost;
} term_index;

static size_t *index_slot(term_index *ix, uint64_t h) {
  if (h == 0)
    h = 1;
  size_t i = (size_t)h & (ix->cap - 1);
  while (ix->keys[i] && ix->keys[i] != h)
    i = (i + 1) & (ix->cap - 1);
  if (!ix->keys[i]) {
    ix->keys[i] = h;
    ix->heads[i] = SIZE_MAX;
    ix->used++;
  }
  return &ix->heads[i];
}

static kb_status index_grow(term_index *ix) {
  size_t ncap = ix->cap ? ix->cap * 2 : 4096;
  uint64_t *keys = calloc(ncap, sizeof *keys);
  size_t *heads = malloc(ncap * sizeof *heads);
  if (!keys || !heads) {
    free(keys);
    free(heads);
    return KB_ENOMEM;
  }
  term_index old = *ix;
  ix->keys = keys;
  ix->heads = heads;
  ix->cap = ncap;
  ix->used = 0;
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i])
      *index_slot(ix, old.keys[i]) = old.heads[i];
  free(old.keys);
  free(old.heads);
  return KB_OK;
}

static kb_status index_add(term_index *ix, uint64_t h, size_t ev_id) {
  if ((ix->used + 1) * 2 > ix->cap) {
    kb_status rc = index_grow(ix);
    if (rc)
      return rc;
  }
  if (ix->npost == ix->cappost) {
    size_t ncap = ix->cappost ? ix->cappost * 2 : 4096;
    posting *p = realloc(ix->post, ncap * sizeof *p);
    if (!p)
      return KB_ENOMEM;
    ix->post = p;
    ix->cappost = ncap;
  }
  size_t *head = index_slot(ix, h);
  ix->post[ix->npost] = (posting){ev_id, *head};
  *head = ix->npost++;
  return KB_OK;
}

/* Indexes under id the terms of v that the group's sum does not hold yet
 * (v is about to join group id). Both are sorted by hash. */
static kb_status index_new_terms(term_index *ix, const vec *sum, const vec *v,
                                 size_t id) {
  size_t lo = 0;
  for (size_t k = 0; k < v->n; k++) {
    lo = lower_bound(sum->t, lo, sum->n, v->t[k].h);
    if (lo == sum->n || sum->t[lo].h != v->t[k].h) {
      kb_status rc = index_add(ix, v->t[k].h, id);
      if (rc)
        return rc;
    }
  }
  return KB_OK;
}

static size_t index_head(const term_index *ix, uint64_t h) {
  if (!ix->cap)
    return SIZE_MAX;
  if (h == 0)
    h = 1;
  size_t i = (size_t)h & (ix->cap - 1);
  while (ix->keys[i] && ix->keys[i] != h)
    i = (i + 1) & (ix->cap - 1);
  return ix->keys[i] ? ix->heads[i] : SIZE_MAX;
}

static void index_free(term_index *ix) {
  free(ix->keys);
  free(ix->heads);
  free(ix->post);
}

/* The hashes of v's strongest terms (at most KB_TOP_TERMS). */
static size_t top_terms(const vec *v, df_table *df, uint64_t *out) {
  float w[KB_TOP_TERMS];
  size_t k = 0;
  for (size_t i = 0; i < v->n; i++) {
    float x = v->t[i].w;
    if (k == KB_TOP_TERMS && x <= w[k - 1])
      continue;
    /* a term no other article has finds nobody: the rarest terms weigh
     * most, so without this a small corpus found no candidates at all */
    if (*df_slot(df, v->t[i].h) < 2)
      continue;
    size_t j = k < KB_TOP_TERMS ? k++ : k - 1;
    while (j > 0 && w[j - 1] < x) {
      w[j] = w[j - 1];
      out[j] = out[j - 1];
      j--;
    }
    w[j] = x;
    out[j] = v->t[i].h;
  }
  return k;
}

/* Events sharing a strong term with v, each once (stamp marks them). */
static size_t candidates(const term_index *ix, df_table *df, const vec *v,
                         size_t *stamp, size_t mark, size_t *out, size_t max) {
  uint64_t top[KB_TOP_TERMS];
  size_t nt = top_terms(v, df, top), n = 0;
  for (size_t t = 0; t < nt; t++)
    for (size_t p = index_head(ix, top[t]); p != SIZE_MAX && n < max;
         p = ix->post[p].next) {
      size_t e = ix->post[p].event;
      if (stamp[e] == mark)
        continue;
      stamp[e] = mark;
      out[n++] = e;
    }
  return n;
}

kb_status kb_cluster_run(const kb_cluster_doc *docs, size_t n,
                         const kb_cluster_opts *opts, kb_clustering *out) {
  kb_cluster_opts def;
  if (!opts) {
    kb_cluster_opts_init(&def);
    opts = &def;
  }
  memset(out, 0, sizeof *out);
  kb_status rc = KB_OK;
  vec *v = calloc(n ? n : 1, sizeof *v);
  order_item *order = calloc(n ? n : 1, sizeof *order);
  event *ev = calloc(n ? n : 1, sizeof *ev);
  vec *centroid = NULL;
  size_t *story_of = NULL, *stamp = NULL, *cand = NULL;
  storyline *story = NULL;
  size_t nev = 0;
  term_index ix = {0}, six = {0};
  df_table df = {0};
  kb_buf scratch;
  kb_buf_init(&scratch, 0);
  if (!v || !order || !ev) {
    rc = KB_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n && !rc; i++)
    rc = doc_terms(&docs[i], &scratch, &v[i]);
  if (!rc)
    rc = df_build(&df, v, n);
  if (rc)
    goto done;
  for (size_t i = 0; i < n; i++)
    tfidf(&v[i], &df, n);

  /* articles in day order join the best event nearby in time (or any,
   * when either side is undated), or open a new one */
  stamp = malloc((n ? n : 1) * sizeof *stamp);
  cand = malloc((n ? n : 1) * sizeof *cand);
  if (!stamp || !cand) {
    rc = KB_ENOMEM;
    goto done;
  }
  for (size_t i = 0; i < n; i++)
    stamp[i] = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    order[i] = (order_item){docs[i].day, i};
  qsort(order, n, sizeof *order, order_cmp);
  double two_sigma2 = 2.0 * opts->sigma_days * opts->sigma_days;
  for (size_t oi = 0; oi < n; oi++) {
    size_t d = order[oi].idx;
    int32_t day = docs[d].day;
    double best = 0;
    size_t best_e = SIZE_MAX;
    size_t nc = candidates(&ix, &df, &v[d], stamp, oi, cand, n);
    for (size_t c = 0; c < nc; c++) {
      size_t e = cand[c];
      double decay = 1.0;
      if (day != KB_DAY_UNKNOWN && ev[e].day != KB_DAY_UNKNOWN) {
        if (ev[e].last_day < day - opts->window_days)
          continue;
        double dd = (double)(day - ev[e].day);
        if (fabs(dd) > opts->window_days)
          continue;
        decay = exp(-dd * dd / two_sigma2);
      }
      double sim = dot(&v[d], &ev[e].sum) / (double)ev[e].n * decay;
      if (sim > best || (sim == best && best_e != SIZE_MAX && e < best_e)) {
        best = sim;
        best_e = e;
      }
    }
    if (best_e == SIZE_MAX || best < opts->event_threshold) {
      best_e = nev++;
      ev[best_e].day = ev[best_e].last_day = day;
    }
    /* index the terms this member brings to its event */
    if ((rc = index_new_terms(&ix, &ev[best_e].sum, &v[d], best_e)))
      goto done;
    if ((rc = event_add(&ev[best_e], d, &v[d])))
      goto done;
    if (day != KB_DAY_UNKNOWN && day > ev[best_e].last_day)
      ev[best_e].last_day = day;
  }

  /* storylines: events in day order join the storyline whose centroid they
   * resemble most, at any distance in time. Comparing with the centroid, not
   * with any one member, keeps a storyline from chaining through loosely
   * related events (single linkage did: one "storyline" of 286 articles on
   * a day of Indonesian news). */
  centroid = calloc(nev ? nev : 1, sizeof *centroid);
  story_of = malloc((nev ? nev : 1) * sizeof *story_of);
  story = calloc(nev ? nev : 1, sizeof *story);
  if (!centroid || !story_of || !story) {
    rc = KB_ENOMEM;
    goto done;
  }
  for (size_t e = 0; e < nev; e++) {
    centroid[e] = ev[e].sum; /* taken over: normalised in place */
    ev[e].sum = (vec){0};
    normalise(&centroid[e]);
  }
  for (size_t i = 0; i < n; i++)
    stamp[i] = SIZE_MAX;
  size_t nstory = 0;
  for (size_t e = 0; e < nev; e++) {
    size_t nc = candidates(&six, &df, &centroid[e], stamp, e, cand, n);
    double best = 0;
    size_t best_s = SIZE_MAX;
    for (size_t c = 0; c < nc; c++) {
      size_t st = cand[c];
      double sim = story[st].norm > 0
                       ? dot(&centroid[e], &story[st].sum) / story[st].norm
                       : 0;
      if (sim > best || (sim == best && best_s != SIZE_MAX && st < best_s)) {
        best = sim;
        best_s = st;
      }
    }
    if (best_s == SIZE_MAX || best < opts->storyline_threshold)
      best_s = nstory++;
    if ((rc = index_new_terms(&six, &story[best_s].sum, &centroid[e], best_s)))
      goto done;
    if ((rc = vec_add(&story[best_s].sum, &centroid[e])))
      goto done;
    story[best_s].norm = vec_norm(&story[best_s].sum);
    story_of[e] = best_s;
  }

  /* storylines are numbered by their first event, events by their order */
  out->ndocs = n;
  out->nevents = nev;
  out->nstorylines = nstory;
  out->event_of = malloc((n ? n : 1) * sizeof *out->event_of);
  out->storyline_of = malloc((nev ? nev : 1) * sizeof *out->storyline_of);
  out->event_day = malloc((nev ? nev : 1) * sizeof *out->event_day);
  if (!out->event_of || !out->storyline_of || !out->event_day) {
    rc = KB_ENOMEM;
    goto done;
  }
  for (size_t e = 0; e < nev; e++) {
    out->storyline_of[e] = story_of[e];
    out->event_day[e] = ev[e].day;
    for (size_t m = 0; m < ev[e].n; m++)
      out->event_of[ev[e].members[m]] = e;
  }
done:
  if (rc)
    kb_clustering_clear(out);
  for (size_t i = 0; v && i < n; i++)
    free(v[i].t);
  for (size_t e = 0; e < nev; e++) {
    free(ev[e].members);
    free(ev[e].sum.t); /* NULL once a centroid took it over */
    if (centroid)
      free(centroid[e].t);
  }
  free(v);
  free(order);
  free(ev);
  free(centroid);
  for (size_t st = 0; story && st < nev; st++)
    free(story[st].sum.t);
  free(story);
  free(story_of);
  index_free(&six);
  free(df.keys);
  free(df.counts);
  free(stamp);
  free(cand);
  index_free(&ix);
  kb_buf_clear(&scratch);
  return rc;
}

void kb_clustering_clear(kb_clustering *c) {
  free(c->event_of);
  free(c->storyline_of);
  free(c->event_day);
  memset(c, 0, sizeof *c);
}

double kb_cluster_text_similarity(const char *a, const char *b,
                                  const char *language) {
  kb_cluster_doc d[2] = {{.text = a, .language = language},
                         {.text = b, .language = language}};
  vec v[2] = {{0}, {0}};
  kb_buf scratch;
  kb_buf_init(&scratch, 0);
  double sim = 0;
  if (doc_terms(&d[0], &scratch, &v[0]) == KB_OK &&
      doc_terms(&d[1], &scratch, &v[1]) == KB_OK) {
    for (int i = 0; i < 2; i++)
      for (size_t k = 0; k < v[i].n; k++)
        v[i].t[k].w = (float)(1.0 + log(v[i].t[k].w));
    normalise(&v[0]);
    normalise(&v[1]);
    sim = dot(&v[0], &v[1]);
  }
  free(v[0].t);
  free(v[1].t);
  kb_buf_clear(&scratch);
  return sim;
}
