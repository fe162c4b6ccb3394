/* Cross-page line memory for the plain-text extractor: for each site (host
 * of the page URL, or the folder of its source path), how many distinct
 * pages held each line. Lines that recur on many pages of one site are
 * furniture (menus, footers, newsletter boxes) even when they look like
 * prose. Not thread-safe: one memory per extraction thread. */
#include <stdlib.h>
#include <string.h>

#include "pagetext/pagetext_int.h"

/* Bounds, so a crawl of a million sites cannot take the machine: a site's
 * furniture is a few hundred lines, so 64K distinct lines a site is ample,
 * and 2M lines in all (about 100 MB at worst) caps the whole memory. Past a
 * bound nothing new is learnt; what is known keeps counting. */
#define MEMORY_MAX_LINES (1u << 16) /* per site */
#define MEMORY_MAX_TOTAL (1u << 21) /* over all sites */
#define SITE_FIRST_SLOTS 64

typedef struct mem_slot {
  uint64_t line;      /* 0 = empty */
  uint64_t last_page; /* the page that counted last: a re-crawl counts once */
  uint32_t pages;
} mem_slot;

typedef struct mem_site {
  uint64_t site;
  mem_slot *slots;
  size_t cap, used; /* cap: power of two */
} mem_site;

struct kb_site_memory {
  mem_site *sites;
  size_t nsites, cap;
  uint32_t *index;  /* open addressing: site hash → 1 + position in sites */
  size_t index_cap; /* power of two; 0 before the first site */
  size_t total;     /* lines kept over all sites */
};

kb_status kb_site_memory_new(kb_site_memory **out) {
  *out = calloc(1, sizeof **out);
  return *out ? KB_OK : KB_ENOMEM;
}

void kb_site_memory_free(kb_site_memory *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->nsites; i++)
    free(m->sites[i].slots);
  free(m->sites);
  free(m->index);
  free(m);
}

/* The index slot of a site: its entry, or the empty slot where it goes. */
static uint32_t *site_slot(const kb_site_memory *m, uint64_t site) {
  size_t i = (size_t)(site ^ (site >> 29)) & (m->index_cap - 1);
  while (m->index[i] && m->sites[m->index[i] - 1].site != site)
    i = (i + 1) & (m->index_cap - 1);
  return &m->index[i];
}

static mem_site *find_site(const kb_site_memory *m, uint64_t site) {
  if (!m->index_cap)
    return NULL;
  uint32_t at = *site_slot(m, site);
  return at ? &m->sites[at - 1] : NULL;
}

static kb_status index_grow(kb_site_memory *m) {
  size_t ncap = m->index_cap ? m->index_cap * 2 : 64;
  uint32_t *old = m->index;
  size_t old_cap = m->index_cap;
  m->index = calloc(ncap, sizeof *m->index);
  if (!m->index) {
    m->index = old;
    return KB_ENOMEM;
  }
  m->index_cap = ncap;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i])
      *site_slot(m, m->sites[old[i] - 1].site) = old[i];
  free(old);
  return KB_OK;
}

static mem_slot *probe(mem_slot *slots, size_t cap, uint64_t line) {
  for (size_t i = (size_t)line & (cap - 1);; i = (i + 1) & (cap - 1))
    if (slots[i].line == line || slots[i].line == 0)
      return &slots[i];
}

uint32_t kb_pt_memory_count(const kb_site_memory *m, uint64_t site,
                            uint64_t line_hash) {
  if (!m)
    return 0;
  const mem_site *s = find_site(m, site);
  if (!s || !s->slots)
    return 0;
  const mem_slot *e = probe(s->slots, s->cap, line_hash);
  return e->line == line_hash ? e->pages : 0;
}

static kb_status grow(mem_site *s) {
  size_t ncap = s->cap ? s->cap * 2 : SITE_FIRST_SLOTS;
  if (ncap > MEMORY_MAX_LINES * 2)
    return KB_ELIMIT;
  mem_slot *ns = calloc(ncap, sizeof *ns);
  if (!ns)
    return KB_ENOMEM;
  for (size_t i = 0; i < s->cap; i++)
    if (s->slots[i].line)
      *probe(ns, ncap, s->slots[i].line) = s->slots[i];
  free(s->slots);
  s->slots = ns;
  s->cap = ncap;
  return KB_OK;
}

kb_status kb_pt_memory_add(kb_site_memory *m, uint64_t site, uint64_t page,
                           const uint64_t *line_hashes, size_t nlines) {
  if (!m)
    return KB_OK;
  mem_site *s = find_site(m, site);
  if (!s) {
    if (m->total >= MEMORY_MAX_TOTAL || m->nsites >= UINT32_MAX - 1)
      return KB_ELIMIT;
    if ((m->nsites + 1) * 2 > m->index_cap) {
      kb_status rc = index_grow(m);
      if (rc)
        return rc;
    }
    if (m->nsites == m->cap) {
      size_t ncap = m->cap ? m->cap * 2 : 16;
      mem_site *ns = realloc(m->sites, ncap * sizeof *ns);
      if (!ns)
        return KB_ENOMEM;
      m->sites = ns;
      m->cap = ncap;
    }
    s = &m->sites[m->nsites++];
    memset(s, 0, sizeof *s);
    s->site = site;
    *site_slot(m, site) = (uint32_t)m->nsites;
  }
  for (size_t i = 0; i < nlines; i++) {
    /* keep the load under one half */
    if ((s->used + 1) * 2 > s->cap) {
      kb_status rc = grow(s);
      if (rc)
        return rc;
    }
    mem_slot *e = probe(s->slots, s->cap, line_hashes[i]);
    if (e->line == 0) {
      if (m->total >= MEMORY_MAX_TOTAL)
        return KB_ELIMIT;
      e->line = line_hashes[i];
      s->used++;
      m->total++;
    } else if (e->last_page == page)
      continue;
    e->last_page = page;
    e->pages++;
  }
  return KB_OK;
}
