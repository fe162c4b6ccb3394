/* The dates word table: month and weekday names, zones, relative words,
 * date-line words and reasoning cues from data/dates/ TSV files, merged into
 * one open-addressing hash table keyed by the lower-cased word or phrase. Built
 * once (pthread_once) and read-only afterwards. */
#include <pthread.h>
#include <string.h>

#include "dates/dates_int.h"

#define DT_SLOTS 4096u /* power of two; the data has < 1000 keys */

struct kb_dtables {
  kb_dword slot[DT_SLOTS];
  uint8_t used[DT_SLOTS];
  /* bit quad_of(k) set for every key k: most words of a text are no key,
   * and this answers them before hashing. It mixes both ends of the word:
   * tested apart (first two bytes; length and last byte) they let ~60% of
   * the words of news through, as keys in a dozen languages cover most
   * common starts and endings; together ~10% (aeb pages, 2026-11) */
  uint64_t quad[65536 / 64];
  /* bit quad_of(w) set for the first word w of every key of several words
   * ("tahun lalu": "tahun"): phrase_at looks past a word only when a phrase
   * may start with it */
  uint64_t phrase_head[65536 / 64];
  /* bit (hash >> 16 & 0xffff) set for every key: a third of the words
   * that pass quad are still no key */
  uint64_t bloom[65536 / 64];
};

static kb_dtables g_tables; /* immutable after g_once */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* kb_str_lower_into with typographic apostrophes (U+2018, U+2019) as
 * ASCII ones: "Jum’at" is the key "jum'at". 0 when it does not fit in
 * cap (before the apostrophes are folded). */
size_t kb_dates_lower(const char *s, size_t n, char *out, size_t cap) {
  size_t len = kb_str_lower_into(s, n, out, cap), o = 0;
  for (size_t i = 0; i < len;) {
    if (i + 2 < len && (unsigned char)out[i] == 0xE2 &&
        (unsigned char)out[i + 1] == 0x80 &&
        ((unsigned char)out[i + 2] == 0x98 ||
         (unsigned char)out[i + 2] == 0x99)) {
      out[o++] = '\'';
      i += 3;
    } else {
      out[o++] = out[i++];
    }
  }
  return o;
}

static uint64_t load64(const char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static uint64_t load32(const char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Whole-word loads (overlapping at the end) instead of a byte loop: keys
 * are 1..39 bytes and only this file places them (callers check n; so does
 * quad_of's key[n - 1]). */
static uint32_t hash_of(const char *key, size_t n) {
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = n * k;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8)
      h = (h ^ load64(key + i)) * k;
    h ^= load64(key + n - 8);
  } else if (n >= 4) {
    h ^= load32(key) << 32 | load32(key + n - 4);
  } else {
    h ^= (uint64_t)(unsigned char)key[0] << 16 |
         (uint64_t)(unsigned char)key[n / 2] << 8 | (unsigned char)key[n - 1];
  }
  h *= k;
  return (uint32_t)(h >> 32 ^ h);
}

static size_t slot_of(uint32_t h) {
  return (size_t)h & (DT_SLOTS - 1);
}

static unsigned bloom_of(uint32_t h) {
  return h >> 16 & 0xffffu;
}

/* 16 bits of the first two bytes, the length and the last byte */
static unsigned quad_of(const char *key, size_t n) {
  uint32_t k1 = n > 1 ? (unsigned char)key[1] : 0u;
  uint32_t q = (unsigned char)key[0] | k1 << 8 |
               (uint32_t)(unsigned char)key[n - 1] << 16 | (uint32_t)n << 24;
  return (q * 0x9E3779B1u) >> 16;
}

/* Kept out of line: most calls end at the bit tests in kb_dtables_find,
 * which then needs no registers saved. */
static __attribute__((noinline)) const kb_dword *
probe(const kb_dtables *tb, const char *key, size_t n) {
  uint32_t hash = hash_of(key, n);
  unsigned b = bloom_of(hash);
  if (!(tb->bloom[b >> 6] >> (b & 63) & 1))
    return NULL;
  for (size_t h = slot_of(hash), k = 0; k < DT_SLOTS;
       k++, h = (h + 1) & (DT_SLOTS - 1)) {
    if (!tb->used[h])
      return NULL;
    const kb_dword *w = &tb->slot[h];
    if (w->klen == n && memcmp(w->key, key, n) == 0)
      return w;
  }
  return NULL;
}

const kb_dword *kb_dtables_find(const kb_dtables *tb, const char *key,
                                size_t n) {
  if (n == 0 || n >= sizeof tb->slot[0].key)
    return NULL;
  unsigned q = quad_of(key, n);
  if (!(tb->quad[q >> 6] >> (q & 63) & 1))
    return NULL;
  return probe(tb, key, n);
}

int kb_dtables_phrase_head(const kb_dtables *tb, const char *word, size_t n) {
  if (n == 0 || n >= sizeof tb->slot[0].key)
    return 0;
  unsigned q = quad_of(word, n);
  return tb->phrase_head[q >> 6] >> (q & 63) & 1;
}

/* Finds or adds the entry for a raw (not yet lower-cased) key. */
static kb_dword *entry(kb_dtables *tb, kb_str raw) {
  char key[40];
  size_t n = kb_dates_lower(raw.p, raw.n, key, sizeof key - 1);
  if (n == 0)
    return NULL;
  uint32_t hash = hash_of(key, n);
  size_t h = slot_of(hash);
  for (size_t k = 0; k < DT_SLOTS; k++, h = (h + 1) & (DT_SLOTS - 1)) {
    kb_dword *w = &tb->slot[h];
    if (!tb->used[h]) {
      tb->used[h] = 1;
      memset(w, 0, sizeof *w);
      memcpy(w->key, key, n);
      w->klen = (uint8_t)n;
      unsigned q = quad_of(key, n);
      tb->quad[q >> 6] |= 1ull << (q & 63);
      const char *space = memchr(key, ' ', n);
      if (space && space > key) {
        q = quad_of(key, (size_t)(space - key));
        tb->phrase_head[q >> 6] |= 1ull << (q & 63);
      }
      unsigned b = bloom_of(hash);
      tb->bloom[b >> 6] |= 1ull << (b & 63);
      w->wday = -1;
      return w;
    }
    if (w->klen == n && memcmp(w->key, key, n) == 0)
      return w;
  }
  return NULL; /* table full: the data outgrew DT_SLOTS */
}

static int str_int(kb_str s, int *out) {
  int sign = 1, v = 0;
  size_t i = 0;
  if (i < s.n && (s.p[i] == '-' || s.p[i] == '+'))
    sign = s.p[i++] == '-' ? -1 : 1;
  if (i >= s.n)
    return 0;
  for (; i < s.n; i++) {
    if (s.p[i] < '0' || s.p[i] > '9' || v > 100000000)
      return 0;
    v = v * 10 + (s.p[i] - '0');
  }
  *out = sign * v;
  return 1;
}

/* Calls fn for each comma-separated item of list. */
static void each_item(kb_dtables *tb, kb_str list,
                      void (*fn)(kb_dword *, int, int), int a, int b) {
  const char *p = list.p, *end = list.p + list.n;
  while (p < end) {
    const char *c = memchr(p, ',', (size_t)(end - p));
    const char *e = c ? c : end;
    kb_str item = kb_str_trim((kb_str){p, (size_t)(e - p)});
    kb_dword *w = item.n ? entry(tb, item) : NULL;
    if (w)
      fn(w, a, b);
    p = c ? c + 1 : end;
  }
}

static void set_month(kb_dword *w, int month, int full) {
  if (!w->month || (full && !w->month_full)) {
    w->month = (uint8_t)month;
    w->month_full = (uint8_t)full;
  }
}

static void set_wday(kb_dword *w, int wday, int full) {
  if (w->wday < 0 || (full && !w->wday_full)) {
    w->wday = (int8_t)wday;
    w->wday_full = (uint8_t)full;
  }
}

static void load_names(kb_dtables *tb, const char *file, int weekday) {
  size_t len;
  const char *data = kb_data_get(file, &len);
  kb_lines it;
  kb_str line, f[4];
  if (!data)
    return;
  kb_lines_init(&it, data, len);
  while (kb_lines_next(&it, &line)) {
    size_t nf = kb_str_split_tabs(line, f, 4);
    int num;
    if (nf < 3 || !str_int(f[1], &num))
      continue;
    if (weekday) {
      each_item(tb, f[2], set_wday, num - 1, 1);
      if (nf > 3)
        each_item(tb, f[3], set_wday, num - 1, 0);
    } else {
      each_item(tb, f[2], set_month, num, 1);
      if (nf > 3)
        each_item(tb, f[3], set_month, num, 0);
    }
  }
}

static void load_zones(kb_dtables *tb) {
  size_t len;
  const char *data = kb_data_get("dates/zones.tsv", &len);
  kb_lines it;
  kb_str line, f[2];
  if (!data)
    return;
  kb_lines_init(&it, data, len);
  while (kb_lines_next(&it, &line)) {
    if (kb_str_split_tabs(line, f, 2) < 2 || f[1].n != 6)
      continue;
    int hh = (f[1].p[1] - '0') * 10 + (f[1].p[2] - '0');
    int mm = (f[1].p[4] - '0') * 10 + (f[1].p[5] - '0');
    kb_dword *w = entry(tb, f[0]);
    if (!w)
      continue;
    w->has_zone = 1;
    w->zone_min = (int16_t)((f[1].p[0] == '-' ? -1 : 1) * (hh * 60 + mm));
  }
}

struct kind_flag {
  const char *name;
  uint32_t flag;
};

static const struct kind_flag kinds[] = {
    {"label", DW_LABEL},       {"join", DW_JOIN},
    {"author", DW_AUTHOR},     {"ampm", DW_AMPM},
    {"dateword", DW_DATEWORD}, {"unit", DW_UNIT},
    {"ago", DW_AGO},           {"before", DW_BEFORE},
    {"day", DW_RELDAY},        {"report", DW_REPORT},
    {"anniv", DW_ANNIV},       {"years", DW_YEARS},
    {"lastyear", DW_LASTYEAR}, {"on", DW_ON},
    {"sched", DW_SCHED},       {"notweekday", DW_NEXTWEEK},
    {"since", DW_SINCE},       {"modlabel", DW_LABEL | DW_MODLABEL},
    {"one", DW_ONE},           {"lone", DW_LONE}};

/* Files of lines "lang<TAB>kind<TAB>phrase[<TAB>value]". */
static void load_kinds(kb_dtables *tb, const char *file) {
  size_t len;
  const char *data = kb_data_get(file, &len);
  kb_lines it;
  kb_str line, f[4];
  if (!data)
    return;
  kb_lines_init(&it, data, len);
  while (kb_lines_next(&it, &line)) {
    size_t nf = kb_str_split_tabs(line, f, 4);
    if (nf < 3)
      continue;
    uint32_t flag = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
      if (kb_str_eq(f[1], kinds[k].name))
        flag = kinds[k].flag;
    kb_dword *w = flag ? entry(tb, f[2]) : NULL;
    if (!w)
      continue;
    int v = 0;
    if (nf > 3)
      str_int(f[3], &v);
    w->flags |= flag;
    if (flag == DW_UNIT || flag == DW_LONE)
      w->unit_secs = v;
    else if (flag == DW_AMPM)
      w->ampm = (int8_t)v;
    else if (flag == DW_RELDAY)
      w->relday = (int8_t)v;
  }
}

static void build(void) {
  kb_dtables *tb = &g_tables;
  load_names(tb, "dates/months.tsv", 0);
  load_names(tb, "dates/weekdays.tsv", 1);
  load_zones(tb);
  load_kinds(tb, "dates/relative.tsv");
  load_kinds(tb, "dates/line.tsv");
  size_t i = 0;
  const char *name;
  while ((name = kb_data_next("dates/reason-", &i)) != NULL)
    load_kinds(tb, name);
}

const kb_dtables *kb_dtables_get(void) {
  pthread_once(&g_once, build);
  return &g_tables;
}
