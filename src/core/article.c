/* The article model: setters that copy into the article's arena, and the
 * JSON line that `kabar extract` prints and the store keeps. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kabar/article.h"

void kb_article_init(kb_article *a) {
  memset(a, 0, sizeof *a);
  kb_arena_init(&a->arena);
}

void kb_article_clear(kb_article *a) {
  kb_arena arena = a->arena;
  kb_arena_reset(&arena);
  memset(a, 0, sizeof *a);
  a->arena = arena;
}

void kb_article_free(kb_article *a) {
  kb_arena_clear(&a->arena);
  kb_article_init(a);
}

kb_status kb_article_set(kb_article *a, const char **field, const char *s,
                         size_t n) {
  if (!s) {
    *field = NULL;
    return KB_OK;
  }
  kb_str t = kb_str_trim((kb_str){s, n});
  char *p = kb_arena_strndup(&a->arena, t.p, t.n);
  if (!p)
    return KB_ENOMEM;
  *field = p;
  return KB_OK;
}

/* Grows an arena-owned pointer array; the old copy stays in the arena. */
static kb_status grow(kb_arena *ar, void **arr, size_t *cap, size_t n,
                      size_t elem) {
  if (n < *cap)
    return KB_OK;
  size_t ncap = *cap ? *cap * 2 : 16;
  if (ncap > ((size_t)1 << 24))
    return KB_ELIMIT;
  void *p = kb_arena_alloc(ar, ncap * elem);
  if (!p)
    return KB_ENOMEM;
  if (n)
    memcpy(p, *arr, n * elem);
  *arr = p;
  *cap = ncap;
  return KB_OK;
}

kb_status kb_article_add_para(kb_article *a, const char *s, size_t n) {
  kb_str t = kb_str_trim((kb_str){s, n});
  if (t.n == 0)
    return KB_OK;
  kb_status rc = grow(&a->arena, (void **)&a->body, &a->cap_body, a->nbody,
                      sizeof *a->body);
  if (rc)
    return rc;
  char *p = kb_arena_strndup(&a->arena, t.p, t.n);
  if (!p)
    return KB_ENOMEM;
  a->body[a->nbody++] = p;
  return KB_OK;
}

kb_status kb_article_add_credit(kb_article *a, const char *s, size_t n) {
  kb_str t = kb_str_trim((kb_str){s, n});
  if (t.n == 0)
    return KB_OK;
  for (size_t i = 0; i < a->ncredits; i++) {
    kb_str have = {a->credits[i], strlen(a->credits[i])};
    char tmp[256];
    if (t.n < sizeof tmp) {
      memcpy(tmp, t.p, t.n);
      tmp[t.n] = '\0';
      if (kb_str_ieq_ascii(have, tmp))
        return KB_OK;
    }
  }
  kb_status rc = grow(&a->arena, (void **)&a->credits, &a->cap_credits,
                      a->ncredits, sizeof *a->credits);
  if (rc)
    return rc;
  char *p = kb_arena_strndup(&a->arena, t.p, t.n);
  if (!p)
    return KB_ENOMEM;
  a->credits[a->ncredits++] = p;
  return KB_OK;
}

kb_status kb_article_add_diag(kb_article *a, const char *code, int64_t offset,
                              const char *fmt, ...) {
  kb_status rc = grow(&a->arena, (void **)&a->diags, &a->cap_diags, a->ndiags,
                      sizeof *a->diags);
  if (rc)
    return rc;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  kb_diag *d = &a->diags[a->ndiags];
  d->code = kb_arena_strdup(&a->arena, code);
  d->message = kb_arena_strdup(&a->arena, msg);
  d->offset = offset;
  if (!d->code || !d->message)
    return KB_ENOMEM;
  a->ndiags++;
  return KB_OK;
}

static kb_status put_field(kb_buf *o, const char *name, const char *v) {
  kb_status rc = kb_buf_printf(o, ",\"%s\":", name);
  return rc ? rc : kb_json_write_cstr(o, v);
}

static kb_status put_date(kb_buf *o, const char *name, const kb_date *d,
                          int day_only) {
  char iso[32];
  const char *v = NULL;
  if (d->from != KB_FROM_NONE &&
      (day_only ? kb_datetime_day(&d->t, iso) : kb_datetime_iso(&d->t, iso)))
    v = iso;
  kb_status rc = put_field(o, name, v);
  if (rc)
    return rc;
  rc = kb_buf_printf(o, ",\"%s_from\":", name);
  if (rc)
    return rc;
  return kb_json_write_cstr(o, v ? kb_date_from_name(d->from) : NULL);
}

kb_status kb_article_to_json(const kb_article *a, kb_buf *o) {
  kb_status rc = kb_buf_puts(o, "{\"source\":");
  if (!rc)
    rc = kb_json_write_cstr(o, a->source);
  if (!rc)
    rc = put_field(o, "url", a->url);
  if (!rc)
    rc = put_field(o, "title", a->title);
  if (!rc)
    rc = put_field(o, "standfirst", a->standfirst);
  if (!rc)
    rc = put_field(o, "outlet", a->outlet);
  if (!rc)
    rc = put_field(o, "site_name", a->site_name);
  if (!rc)
    rc = put_field(o, "author", a->author);
  if (!rc)
    rc = put_field(o, "language", a->language);
  if (!rc)
    rc = put_field(o, "dateline", a->dateline);
  if (!rc)
    rc = kb_buf_puts(o, ",\"credits\":");
  if (!rc)
    rc = kb_json_write_strs(o, a->credits, a->ncredits);
  if (!rc)
    rc = put_date(o, "published", &a->published, 0);
  if (!rc)
    rc = put_date(o, "modified", &a->modified, 0);
  if (!rc)
    rc = put_date(o, "event_date", &a->event, 1);
  if (!rc)
    rc = kb_buf_printf(o, ",\"event_date_confidence\":%.2f",
                       a->event.from ? a->event.confidence : 0.0);
  if (!rc)
    rc = kb_buf_printf(o, ",\"confidence\":%.2f", a->confidence);
  if (!rc)
    rc = kb_buf_puts(o, ",\"body\":[");
  for (size_t i = 0; !rc && i < a->nbody; i++) {
    if (i)
      rc = kb_buf_putc(o, ',');
    if (!rc)
      rc = kb_json_write_cstr(o, a->body[i]);
  }
  if (!rc)
    rc = kb_buf_puts(o, "],\"diagnostics\":[");
  for (size_t i = 0; !rc && i < a->ndiags; i++) {
    const kb_diag *d = &a->diags[i];
    if (i)
      rc = kb_buf_putc(o, ',');
    if (!rc)
      rc = kb_buf_puts(o, "{\"code\":");
    if (!rc)
      rc = kb_json_write_cstr(o, d->code);
    if (!rc)
      rc = kb_buf_puts(o, ",\"message\":");
    if (!rc)
      rc = kb_json_write_cstr(o, d->message);
    if (!rc)
      rc = kb_buf_printf(o, ",\"offset\":%lld}", (long long)d->offset);
  }
  if (!rc)
    rc = kb_buf_puts(o, "]}");
  return rc;
}

kb_status kb_article_body_text(const kb_article *a, kb_buf *out) {
  kb_status rc = KB_OK;
  for (size_t i = 0; !rc && i < a->nbody; i++) {
    if (i)
      rc = kb_buf_puts(out, "\n\n");
    if (!rc)
      rc = kb_buf_puts(out, a->body[i]);
  }
  return rc;
}
