/* Runs the plain-text extractor (src/pagetext) over a JSONL stream of pages
 * ({"id", "url", "body"} records, e.g. ../shared/data/id-stream) and
 * writes one JSON line per record: {"id", "language", "title", "body": [...]}
 * for checking residue and lost lines by hand (bench/pagetext_stream.sh).
 * Usage: bench_pagetext_stream in.jsonl [every-kth [limit]] > out.jsonl
 * Skips (exit 0) when the input is absent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"

int main(int argc, char **argv) {
  const char *in =
      argc > 1 ? argv[1] : "../shared/data/id-stream/2025-06-18.jsonl";
  long every = argc > 2 ? strtol(argv[2], NULL, 10) : 1;
  long limit = argc > 3 ? strtol(argv[3], NULL, 10) : -1;
  if (every < 1)
    every = 1;
  FILE *f = fopen(in, "rb");
  if (!f) {
    fprintf(stderr, "skip: %s not found\n", in);
    return 0;
  }
  int rc = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  long row = 0, done = 0;
  kb_arena arena;
  kb_arena_init(&arena);
  kb_buf out;
  kb_buf_init(&out, 0);
  kb_article art;
  kb_article_init(&art);
  while ((got = getline(&line, &cap, f)) > 0 && (limit < 0 || done < limit)) {
    if (row++ % every != 0)
      continue;
    kb_arena_reset(&arena);
    kb_json *rec = NULL;
    if (kb_json_parse(&arena, line, (size_t)got, 0, &rec, NULL) != KB_OK)
      continue;
    const char *id = kb_json_get_str(rec, "id");
    const char *body = kb_json_get_str(rec, "body");
    if (!id || !body)
      continue;
    kb_extract_opts o;
    memset(&o, 0, sizeof o);
    o.url = kb_json_get_str(rec, "url");
    o.input = KB_INPUT_TEXT;
    kb_article_clear(&art);
    if (kb_text_extract(body, strlen(body), &o, &art) != KB_OK) {
      rc = 1;
      break;
    }
    kb_buf_reset(&out);
    kb_buf_puts(&out, "{\"id\":");
    kb_json_write_cstr(&out, id);
    kb_buf_puts(&out, ",\"language\":");
    kb_json_write_cstr(&out, art.language);
    kb_buf_puts(&out, ",\"title\":");
    kb_json_write_cstr(&out, art.title);
    kb_buf_puts(&out, ",\"standfirst\":");
    kb_json_write_cstr(&out, art.standfirst);
    kb_buf_printf(&out, ",\"confidence\":%.2f,\"body\":[", art.confidence);
    for (size_t i = 0; i < art.nbody; i++) {
      if (i)
        kb_buf_puts(&out, ",");
      kb_json_write_cstr(&out, art.body[i]);
    }
    kb_buf_puts(&out, "]}\n");
    fwrite(out.data, 1, out.len, stdout);
    done++;
  }
  free(line);
  fclose(f);
  kb_article_clear(&art);
  kb_arena_clear(&art.arena);
  kb_buf_clear(&out);
  kb_arena_clear(&arena);
  return rc;
}
