/* kabar cluster: articles → events (similar articles within days of each
 * other) and events → storylines (similar events with no short time limit).
 * Pure functions over arrays; the store feeds them and keeps the result. */
#ifndef KABAR_CLUSTER_H
#define KABAR_CLUSTER_H

#include "kabar/core.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KB_DAY_UNKNOWN INT32_MIN

typedef struct kb_cluster_doc {
  int64_t id;           /* caller's id, carried through */
  int32_t day;          /* days since 1970-01-01 of the event (or publication);
                           KB_DAY_UNKNOWN when none */
  const char *title;    /* may be NULL */
  const char *text;     /* body text; may be NULL */
  const char *language; /* ISO 639-1 for stopwords; may be NULL */
} kb_cluster_doc;

typedef struct kb_cluster_opts {
  double event_threshold; /* min time-weighted similarity to join an event */
  double sigma_days;      /* time decay: exp(-d²/2σ²) */
  int window_days;        /* never join an event further than this */
  double storyline_threshold; /* min similarity of two events' articles */
} kb_cluster_opts;

void kb_cluster_opts_init(kb_cluster_opts *o); /* the defaults */

typedef struct kb_clustering {
  size_t ndocs;
  size_t *event_of; /* [ndocs]: event index of each doc */
  size_t nevents;
  size_t *storyline_of; /* [nevents]: storyline index of each event */
  int32_t *event_day;   /* [nevents]: the event's day, or KB_DAY_UNKNOWN */
  size_t nstorylines;
} kb_clustering;

/* Clusters docs. *out is filled with arrays the caller frees with
 * kb_clustering_clear. Events are numbered in order of day. */
kb_status kb_cluster_run(const kb_cluster_doc *docs, size_t n,
                         const kb_cluster_opts *opts, kb_clustering *out);
void kb_clustering_clear(kb_clustering *c);

/* Cosine similarity of two texts on TF-IDF-free term counts (for tests and
 * diagnostics). */
double kb_cluster_text_similarity(const char *a, const char *b,
                                  const char *language);

#ifdef __cplusplus
}
#endif
#endif
