/* Benchmark of the plain-text extractor (src/pagetext): runs kb_text_extract
 * on every page of the article-extraction-benchmark's page text
 * (../shared/data/aeb/pagetext.json), writes {id: {"articleBody": ...}}
 * for bench/aeb_score.py, and reports the extraction speed on one core.
 * Usage: bench_pagetext [pagetext.json [out.json [repeats]]]
 * Skips (exit 0) when the data is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"
#include "extract/extract_int.h"

int main(int argc, char **argv) {
  const char *in = argc > 1 ? argv[1] : "../shared/data/aeb/pagetext.json";
  const char *outp = argc > 2 ? argv[2] : "pagetext-pred.json";
  int repeats = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 5;
  if (repeats < 1)
    repeats = 1;
  int rc = 1;
  kb_buf input;
  kb_buf_init(&input, 0);
  char *data = bench_load(in, &input) ? input.data : NULL;
  size_t n = input.len;
  kb_arena arena;
  kb_arena_init(&arena);
  kb_buf out;
  kb_buf_init(&out, 0);
  kb_article art;
  kb_article_init(&art);
  if (!data) {
    printf("skip: %s not found\n", in);
    rc = 0;
    goto done;
  }
  kb_json *root = NULL;
  size_t err = 0;
  if (kb_json_parse(&arena, data, n, 0, &root, &err) != KB_OK) {
    fprintf(stderr, "bad JSON at byte %zu\n", err);
    goto done;
  }
  const kb_json *pages = kb_json_get(root, "output");
  if (!pages)
    pages = root;
  size_t npages = 0, bytes = 0, empty = 0;
  double secs = 0;
  kb_extract_opts opts;
  memset(&opts, 0, sizeof opts);
  opts.input = KB_INPUT_TEXT;
  kb_buf_puts(&out, "{");
  for (int r = 0; r < repeats; r++) {
    for (const kb_json *p = pages->child; p; p = p->next) {
      const char *text = kb_json_get_str(p, "articleBody");
      if (!text)
        continue;
      size_t tn = strlen(text);
      kb_article_clear(&art);
      double t0 = bench_cpu_sec();
      kb_status st = kb_text_extract(text, tn, &opts, &art);
      secs += bench_cpu_sec() - t0;
      if (st != KB_OK) {
        fprintf(stderr, "%s: %s\n", p->key, kb_status_str(st));
        goto done;
      }
      bytes += tn;
      if (r > 0)
        continue;
      npages++;
      if (art.nbody == 0)
        empty++;
      if (npages > 1)
        kb_buf_puts(&out, ",");
      kb_json_write_cstr(&out, p->key);
      kb_buf_puts(&out, ":{\"articleBody\":");
      kb_buf body;
      kb_buf_init(&body, 0);
      for (size_t i = 0; i < art.nbody; i++) {
        if (i)
          kb_buf_puts(&body, "\n");
        kb_buf_puts(&body, art.body[i]);
      }
      kb_json_write_str(&out, body.data ? body.data : "", body.len);
      kb_buf_clear(&body);
      kb_buf_puts(&out, "}");
    }
  }
  kb_buf_puts(&out, "}\n");
  FILE *f = fopen(outp, "wb");
  if (!f || fwrite(out.data, 1, out.len, f) != out.len) {
    fprintf(stderr, "cannot write %s\n", outp);
    if (f)
      fclose(f);
    goto done;
  }
  fclose(f);
  printf("pages %zu (empty body: %zu), %d passes, %.1f MB in %.3f s: %.1f "
         "MB/s on one core\n",
         npages, empty, repeats, (double)bytes / 1e6, secs,
         secs > 0 ? (double)bytes / 1e6 / secs : 0);
  printf("predictions: %s\n", outp);
  rc = 0;
done:
  kb_article_clear(&art);
  kb_arena_clear(&art.arena);
  kb_buf_clear(&out);
  kb_arena_clear(&arena);
  kb_buf_clear(&input);
  return rc;
}
