/* Private seams of the plain-text extractor (src/pagetext/): cue tables
 * from data/cues/, agency credits, and the per-site line memory. */
#ifndef KB_PAGETEXT_INT_H
#define KB_PAGETEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "kabar/article.h"
#include "kabar/extract.h"

/* Cue kinds (bit flags; one line may carry several). */
#define CUE_LINE 0x1u   /* the whole line is furniture */
#define CUE_PREFIX 0x2u /* the line starts with furniture */
#define CUE_END 0x4u    /* the article is over after this line */
#define CUE_CREDIT 0x8u /* a credit line ("Sumber: Reuters") */
#define CUE_STOP 0x10u  /* a hard end: comments, article navigation */
#define CUE_BYLINE                                                             \
  0x20u /* a byline prefix ("By", "Oleh"): furniture when                      \
           names follow */

/* Cue flags of one trimmed line, from data/cues/boilerplate-*.txt.
 * line_hash: kb_pt_line_hash(s, n), or 0 to compute it here. *cue_len (may
 * be NULL) is the byte length of the matched prefix. */
unsigned kb_pt_cue_flags(const char *s, size_t n, uint64_t line_hash,
                         size_t *cue_len);

/* 1 when word (lower-cased, n bytes) is a caption-credit word
 * (data/cues/caption-words.txt). */
int kb_pt_caption_word(const char *w, size_t n);

/* Agency names found in s[0..n) as whole words, per data/cues/agencies.txt
 * and agency-abbrev.txt: calls fn(canonical, ctx) for each match (a name may
 * repeat); returns the number of bytes of s covered by agency names. */
typedef void (*kb_pt_agency_fn)(const char *canonical, void *ctx);
size_t kb_pt_agencies(const char *s, size_t n, kb_pt_agency_fn fn, void *ctx);

/* Normalised hash of a line for repeat detection: case and space folded. */
uint64_t kb_pt_line_hash(const char *s, size_t n);

/* Site memory: pages_with(line) counts earlier pages of the site (distinct
 * page keys) that held the line. */
uint32_t kb_pt_memory_count(const kb_site_memory *m, uint64_t site,
                            uint64_t line_hash);
/* Records the lines of one page (deduplicated by the caller). Returns
 * KB_ENOMEM or KB_ELIMIT when the memory cannot grow (it stays usable). */
kb_status kb_pt_memory_add(kb_site_memory *m, uint64_t site, uint64_t page,
                           const uint64_t *line_hashes, size_t nlines);

#endif
