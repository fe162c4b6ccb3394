/* Language-id benchmark for src/text (kb_langid): reads the DSLCC 2014 gold
 * TSV (lang<TAB>text) and reports accuracy on Indonesian (id) vs Malay (my).
 * Usage: bench_pagetext_langid [path]; skips when the data is absent. */
#include "kabar/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "../shared/data/langid/dslcc2014.tsv";
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("skip: %s not found\n", path);
    return 0;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  long n_id = 0, n_my = 0, ok_id = 0, ok_my = 0, other_id = 0, other_my = 0;
  while ((got = getline(&line, &cap, f)) > 0) {
    char *tab = memchr(line, '\t', (size_t)got);
    if (!tab)
      continue;
    size_t ln = (size_t)(tab - line);
    int is_id = ln == 2 && memcmp(line, "id", 2) == 0;
    int is_my = ln == 2 && memcmp(line, "my", 2) == 0;
    if (!is_id && !is_my)
      continue;
    const char *text = tab + 1;
    size_t tn = (size_t)got - ln - 1;
    const char *l = kb_langid(text, tn, NULL);
    if (is_id) {
      n_id++;
      if (l && strcmp(l, "id") == 0)
        ok_id++;
      else if (!l || strcmp(l, "ms") != 0)
        other_id++;
    } else {
      n_my++;
      if (l && strcmp(l, "ms") == 0)
        ok_my++;
      else if (!l || strcmp(l, "id") != 0)
        other_my++;
    }
  }
  free(line);
  fclose(f);
  printf("id: %ld/%ld correct (%.1f%%), %ld neither id nor ms\n", ok_id, n_id,
         n_id ? 100.0 * ok_id / n_id : 0, other_id);
  printf("my: %ld/%ld correct as ms (%.1f%%), %ld neither id nor ms\n", ok_my,
         n_my, n_my ? 100.0 * ok_my / n_my : 0, other_my);
  printf("id vs my accuracy: %.1f%%\n",
         n_id + n_my ? 100.0 * (ok_id + ok_my) / (n_id + n_my) : 0);
  return 0;
}
