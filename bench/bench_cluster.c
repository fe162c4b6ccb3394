/* Clustering benchmark on ECB+ (../shared/data/ecb/docs.jsonl): events and
 * storylines scored with B-cubed precision, recall and F1 against the gold
 * event and topic of each document. Documents carry no dates here, so it
 * measures the text side of clustering; a date found in the text (ecbplus
 * documents often print one) is used when present.
 * usage: bench_cluster DOCS.jsonl [event_threshold storyline_threshold] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kabar/kabar.h"

/* B-cubed over n items: gold[i] and pred[i] are labels (integers). */
static void bcubed(const long *gold, const size_t *pred, size_t n, double *p,
                   double *r) {
  double sp = 0, sr = 0;
  for (size_t i = 0; i < n; i++) {
    size_t same_both = 0, same_pred = 0, same_gold = 0;
    for (size_t j = 0; j < n; j++) {
      int g = gold[j] == gold[i], q = pred[j] == pred[i];
      same_both += g && q;
      same_pred += q;
      same_gold += g;
    }
    sp += (double)same_both / same_pred;
    sr += (double)same_both / same_gold;
  }
  *p = sp / n;
  *r = sr / n;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_cluster DOCS.jsonl [event_t story_t]\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    printf("skipped: %s not found\n", argv[1]);
    return 0;
  }
  kb_arena a;
  kb_arena_init(&a);
  kb_cluster_doc *docs = NULL;
  long *gold_event = NULL, *gold_story = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  kb_date_ctx ctx = {.now = 1893456000}; /* 2030: any past date is fine */
  while ((len = getline(&line, &lcap, f)) > 0) {
    kb_json *j;
    if (kb_json_parse(&a, line, (size_t)len, 0, &j, NULL) != KB_OK)
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 512;
      docs = realloc(docs, cap * sizeof *docs);
      gold_event = realloc(gold_event, cap * sizeof *gold_event);
      gold_story = realloc(gold_story, cap * sizeof *gold_story);
      if (!docs || !gold_event || !gold_story)
        return 3;
    }
    const char *text = kb_json_get_str(j, "text");
    const char *ev = kb_json_get_str(j, "event");
    const kb_json *topic = kb_json_get(j, "topic");
    kb_cluster_doc *d = &docs[n];
    memset(d, 0, sizeof *d);
    d->id = (int64_t)n;
    d->text = text;
    d->language = "en";
    d->day = KB_DAY_UNKNOWN;
    kb_datetime t;
    size_t s0, sl;
    if (text &&
        kb_date_find(text, strlen(text) < 400 ? strlen(text) : 400, &ctx, &t,
                     &s0, &sl) &&
        t.day)
      d->day = (int32_t)kb_days_from_civil(t.year, t.month, t.day);
    gold_event[n] = (long)kb_hash64(ev, ev ? strlen(ev) : 0, 1);
    gold_story[n] = topic ? (long)topic->num : -1;
    n++;
  }
  fclose(f);
  free(line);
  kb_cluster_opts o;
  kb_cluster_opts_init(&o);
  if (argc >= 4) {
    o.event_threshold = atof(argv[2]);
    o.storyline_threshold = atof(argv[3]);
  }
  kb_clustering cl;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (kb_cluster_run(docs, n, &o, &cl) != KB_OK)
    return 3;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  size_t *story_of_doc = malloc(n * sizeof *story_of_doc);
  for (size_t i = 0; i < n; i++)
    story_of_doc[i] = cl.storyline_of[cl.event_of[i]];
  double ep, er, sp, sr;
  bcubed(gold_event, cl.event_of, n, &ep, &er);
  bcubed(gold_story, story_of_doc, n, &sp, &sr);
  printf("docs %zu  thresholds event %.2f storyline %.2f  time %.3fs\n", n,
         o.event_threshold, o.storyline_threshold,
         (double)(t1.tv_sec - t0.tv_sec) +
             (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
  printf("events:     %zu found (gold 42)  B3 P=%.3f R=%.3f F1=%.3f\n",
         cl.nevents, ep, er, 2 * ep * er / (ep + er));
  printf("storylines: %zu found (gold 21)  B3 P=%.3f R=%.3f F1=%.3f\n",
         cl.nstorylines, sp, sr, 2 * sp * sr / (sp + sr));
  free(story_of_doc);
  kb_clustering_clear(&cl);
  free(docs);
  free(gold_event);
  free(gold_story);
  kb_arena_clear(&a);
  return 0;
}
