/* Arenas and bounded growable buffers: the two ways kabar allocates.
 * An arena is a list of blocks that dies whole; a buffer has a cap so one
 * hostile page cannot take the machine's memory (KB_ELIMIT past it). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kabar/core.h"

#define KB_GIB ((size_t)1 << 30)
#define KB_ARENA_BLOCK 16384

struct kb_arena_block {
  kb_arena_block *prev;
  size_t size; /* usable bytes after the header */
  size_t used;
  _Alignas(16) unsigned char mem[];
};

const char *kb_status_str(kb_status rc) {
  switch (rc) {
  case KB_OK: return "ok";
  case KB_ENOMEM: return "out of memory";
  case KB_EIO: return "input/output error";
  case KB_EPARSE: return "could not parse input";
  case KB_ELIMIT: return "size limit reached";
  case KB_EINVAL: return "invalid argument";
  case KB_EDB: return "database error";
  case KB_ENOTFOUND: return "not found";
  case KB_ROW: return "row";
  case KB_DONE: return "done";
  }
  return "unknown status";
}

void kb_arena_init(kb_arena *a) {
  a->head = NULL;
  a->used = 0;
  a->max = 0;
}

void *kb_arena_alloc(kb_arena *a, size_t n) {
  size_t max = a->max ? a->max : KB_GIB;
  if (n > max)
    return NULL; /* also keeps the rounding below from wrapping */
  n = (n + 15) & ~(size_t)15;
  if (n == 0)
    n = 16;
  if (n > max || a->used > max - n)
    return NULL;
  kb_arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = n > KB_ARENA_BLOCK / 2 ? n : KB_ARENA_BLOCK;
    if (b && b->size * 2 > size && b->size < (1u << 20) && n <= b->size)
      size = b->size * 2;
    b = malloc(sizeof *b + size);
    if (!b)
      return NULL;
    b->prev = a->head;
    b->size = size;
    b->used = 0;
    a->head = b;
  }
  void *p = b->mem + b->used;
  b->used += n;
  a->used += n;
  return p;
}

void *kb_arena_calloc(kb_arena *a, size_t n) {
  void *p = kb_arena_alloc(a, n);
  if (p)
    memset(p, 0, n);
  return p;
}

char *kb_arena_strndup(kb_arena *a, const char *s, size_t n) {
  if (n == SIZE_MAX)
    return NULL;
  char *p = kb_arena_alloc(a, n + 1);
  if (!p)
    return NULL;
  if (n)
    memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *kb_arena_strdup(kb_arena *a, const char *s) {
  return s ? kb_arena_strndup(a, s, strlen(s)) : NULL;
}

char *kb_arena_printf(kb_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return NULL;
  char *p = kb_arena_alloc(a, (size_t)n + 1);
  if (!p)
    return NULL;
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

void kb_arena_reset(kb_arena *a) {
  kb_arena_block *b = a->head;
  if (!b)
    return;
  /* keep the oldest block: it is the one sized for a typical document */
  while (b->prev) {
    kb_arena_block *prev = b->prev;
    free(b);
    b = prev;
  }
  b->used = 0;
  a->head = b;
  a->used = 0;
}

void kb_arena_clear(kb_arena *a) {
  kb_arena_block *b = a->head;
  while (b) {
    kb_arena_block *prev = b->prev;
    free(b);
    b = prev;
  }
  a->head = NULL;
  a->used = 0;
}

void kb_buf_init(kb_buf *b, size_t max) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
  b->max = max ? max : KB_GIB;
}

static kb_status buf_reserve(kb_buf *b, size_t extra) {
  if (extra > b->max || b->len > b->max - extra)
    return KB_ELIMIT;
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return KB_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p)
    return KB_ENOMEM;
  b->data = p;
  b->cap = cap;
  return KB_OK;
}

kb_status kb_buf_append(kb_buf *b, const void *p, size_t n) {
  kb_status rc = buf_reserve(b, n);
  if (rc)
    return rc;
  if (n)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return KB_OK;
}

kb_status kb_buf_puts(kb_buf *b, const char *s) {
  return kb_buf_append(b, s, strlen(s));
}

kb_status kb_buf_putc(kb_buf *b, int c) {
  char ch = (char)c;
  return kb_buf_append(b, &ch, 1);
}

kb_status kb_buf_printf(kb_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return KB_EINVAL;
  kb_status rc = buf_reserve(b, (size_t)n);
  if (rc)
    return rc;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return KB_OK;
}

const char *kb_buf_cstr(kb_buf *b) {
  return b->data ? b->data : "";
}

void kb_buf_reset(kb_buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

void kb_buf_clear(kb_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}
