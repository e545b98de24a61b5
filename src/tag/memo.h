/*
 * memo.h - a tagger's memory of the distinct words of one doc: the same
 * word (its key bytes and a few attributes) met again finds what was worked
 * out for it the first time, a value and rows of label scores, instead of
 * hashing its features and summing their weights once more. The words of a
 * news article repeat (و, في, ال..., the names it is about): about half of
 * the occurrences are met again.
 *
 * Per-stage scratch, never shared: one table per call of a tagging stage,
 * grown as needed (allocations double, none per word).
 */
#ifndef KH_MEMO_H
#define KH_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "../core/vec.h"
#include "features.h"
#include "tagger.h"
#include "tagrows.h"

typedef struct kh_memo_entry {
    uint64_t hash;
    uint64_t bytes;  /* kh_feat_bytes() of the key */
    uint64_t attr;   /* the caller's attributes, part of the key */
    uint64_t value;  /* the caller's, set when the entry is new */
    uint32_t key;    /* offset of the key bytes in keys */
    uint32_t key_len;
} kh_memo_entry;

typedef struct kh_memo {
    uint32_t *slots;  /* entry index + 1, 0: empty; open addressing */
    uint32_t mask;    /* slots - 1 */
    size_t width;     /* int32 scores per entry */
    kh_vec entries;   /* kh_memo_entry */
    kh_vec keys;      /* bytes */
    kh_vec rows;      /* int32, width per entry */
    const kh_tagrows *known; /* rows worked out ahead, or NULL */
    kh_vec batch;     /* int32, width per entry of a batch: with known */
} kh_memo;

/* An empty memo of width scores per entry. Allocates nothing. */
void kh_memo_init(kh_memo *m, size_t width);

/* Makes kh_memo_known() take new entries' values and scores from known,
 * the model's rows worked out ahead (tagrows.h). known must have the memo's
 * width (else it is not used), and outlive the memo. Call it before any
 * entry is added; without memory for it, the memo does without known. */
void kh_memo_use(kh_memo *m, const kh_tagrows *known);

/* The hash of (key[0, n), attr) by which the memo and tagrows.h find an
 * entry. */
uint64_t kh_memo_hash(const char *key, size_t n, uint64_t attr);

void kh_memo_free(kh_memo *m);

/* Makes room for n more entries (about 8 key bytes each) at once, for a
 * caller that knows how many it may add. Returns 0, or -1 when memory runs
 * out. */
int kh_memo_reserve(kh_memo *m, size_t n);

/* The index of the entry of (key, attr), added (value 0, rows undefined)
 * when there is none, and then *fresh set to 1 (else 0). -1 when memory
 * runs out. */
long kh_memo_get(kh_memo *m, const char *key, size_t n, uint64_t attr,
                 int *fresh);

static inline kh_memo_entry *kh_memo_entry_at(const kh_memo *m, long i)
{
    return (kh_memo_entry *)m->entries.data + i;
}

/* The width scores of entry i. Entries are numbered in the order they
 * were added, from 0, and the scores of consecutive entries follow one
 * another. */
static inline int32_t *kh_memo_rows(const kh_memo *m, long i)
{
    return (int32_t *)m->rows.data + (size_t)i * m->width;
}

/* Items scored at once by kh_memo_score, and the room for their features
 * that it needs. */
#define KH_MEMO_BATCH 32
#define KH_MEMO_PARTS_MAX 8
#define KH_MEMO_FEATS (KH_MEMO_BATCH * KH_MEMO_PARTS_MAX * KH_TAG_MAX_FEATS)

/* The new entries ent[fresh_at[j]], j < n, that the rows worked out ahead
 * (kh_memo_use) have, take their value and scores from them; the others
 * stay in fresh_at, in order, and their count is returned. */
size_t kh_memo_known(kh_memo *m, const long *ent, uint32_t *fresh_at,
                     size_t n);

/* The scores of new entries: items[fresh_at[j]] (items of item_size bytes)
 * has entry ent[fresh_at[j]], for j < n, entries in the order they were
 * added. Its rows (m->width / t->n_labels parts, at most
 * KH_MEMO_PARTS_MAX) become the weights summed of the features that
 * part(item, p, f) writes for each part p. In one pass over the features
 * of a batch of items, so that the weights of each are asked for ahead. f:
 * room for KH_MEMO_FEATS features. */
void kh_memo_score(kh_memo *m, const kh_tagger *t, const long *ent,
                   const void *items, size_t item_size,
                   const uint32_t *fresh_at, size_t n,
                   int (*part)(const void *item, int p, uint64_t *f),
                   uint64_t *f);

/* The emissions of n positions whose entries are ent[0 .. n), into em
 * (n x L): row i is the sum over the parts p (at most KH_MEMO_PARTS_MAX) of
 * part p's row of the entry at i + at[p], where that is inside [0, n).
 * at[0] must be 0 (part 0: the position's own). */
void kh_memo_sum(const kh_memo *m, size_t L, const long *ent, size_t n,
                 const int *at, int parts, int32_t *em);

#endif
