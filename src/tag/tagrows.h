/*
 * tagrows.h - the taggers' scores of the news's most frequent words,
 * worked out ahead.
 *
 * Each tagging stage scores a doc's distinct words once (memo.h): a word's
 * own features are hashed and their weights summed into rows of label
 * scores, about thirty weight rows fetched from megabytes of tables. The
 * words a doc meets for the first time are mostly words every doc has
 * (وقال, الرئيس, الحكومة), and `khabar-train tagrows` works their rows out
 * ahead, with the very functions the stages run, over the news corpus: one
 * lookup then settles such a word. The table is a cache of those functions:
 * each part names the files it was computed with (the final CRC-32 of the
 * tagger's .kbm and of the gazetteer, the clusters and the usage table the
 * words' lookups read), and the model uses a part only with those files (a
 * table left from other models is ignored, not wrong).
 *
 * File tagrows.kbm, kind "tagrows", one section per tagger ("pos", "ner"):
 *   u32 version 1, u32 the tagger's file CRC, u32 gazetteer CRC,
 *   u32 clusters CRC, u32 usage CRC (0 for a file absent), u32 width (the
 *   memo's scores per entry: parts x labels), u32 n_entries, u32 n_slots (a
 *   power of two > n_entries), u32 pool_size (a multiple of 8), u32 0,
 *   slots[n_slots], 8 bytes each: u32 the high half of the kh_memo_hash()
 *   of the entry's key and attributes, u32 the entry's offset in the pool
 *   divided by 8, plus 1 (0: an empty slot, all zero); open addressing from
 *   the low bits of the hash, linear probing;
 *   pool[pool_size]: per entry, u64 attributes, u64 value (memo.h: what the
 *   stage keeps of the word's lookups), i32 base, u16 the key's length
 *   (1..1024), u8 wide (0 or 1), u8 0, the scores: int16[width] when not
 *   wide (each score is base + the number), else int32[width] (base 0),
 *   then the key's bytes, zero padding to a multiple of 8. Loading checks
 *   the slots; an entry is checked when a lookup reads it (one that does
 *   not fit the pool is never found), so that loading reads none of them.
 *
 * The hash reads the key eight bytes at a time in the machine's order: on a
 * big-endian machine no entry is found, and the taggers score every word
 * (the same results, slower).
 */
#ifndef KH_TAGROWS_H
#define KH_TAGROWS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../core/prefetch.h"
#include "../model/container.h"

typedef struct kh_tagrows_slot {
    uint32_t check; /* the hash's high half */
    uint32_t at;    /* offset / 8 + 1, or 0 */
} kh_tagrows_slot;

/* One tagger's part of the table. */
typedef struct kh_tagrows {
    uint32_t tagger_crc, gazetteer_crc, clusters_crc, usage_crc;
    uint32_t width, n_entries, n_slots, pool_size;
    const kh_tagrows_slot *slots;
    const unsigned char *pool;
} kh_tagrows;

/* Bytes of an entry before its scores. */
#define KH_TAGROWS_HEAD 24

/* Entry e's key length, and whether its scores take 32 bits each. */
static inline size_t kh_tagrows_key_len(const unsigned char *e)
{
    uint16_t n;
    memcpy(&n, e + 20, 2);
    return n;
}

static inline int kh_tagrows_wide(const unsigned char *e) { return e[22]; }

/* Where the key of an entry of width scores begins in it. */
static inline size_t kh_tagrows_key_at(size_t width, int wide)
{
    return KH_TAGROWS_HEAD + (wide ? 4 : 2) * width;
}

/* Bytes of the pool an entry of width scores and key_len key bytes takes. */
static inline size_t kh_tagrows_entry_size(size_t width, size_t key_len,
                                           int wide)
{
    return (kh_tagrows_key_at(width, wide) + key_len + 7) & ~(size_t)7;
}

/* Reads and checks the part of a "tagrows" container with the given tag
 * ("pos" or "ner"). A part that is not there leaves t empty (n_slots 0)
 * and is no error. */
khabar_code kh_tagrows_open(kh_tagrows *t, const kh_container *c,
                            const char *tag, khabar_error *err);

/* The entry of (key[0, n), attr), whose kh_memo_hash() is hash: its bytes in
 * the pool (attributes, value, scores), or NULL (kh_tagrows_probe, then
 * kh_tagrows_check). */
const unsigned char *kh_tagrows_find(const kh_tagrows *t, uint64_t hash,
                                     const char *key, size_t n, uint64_t attr);

/* kh_tagrows_find() in three steps, for a batch of keys whose waits for
 * memory overlap: asks for the slot of hash; the first entry whose slot has
 * that hash, or NULL (and asks for its bytes); whether that entry is (key,
 * attr): the entry, or NULL (another of the same hash, which almost never
 * happens, is then missed, not mistaken). */
static inline void kh_tagrows_prefetch_slot(const kh_tagrows *t,
                                            uint64_t hash)
{
    if (t->n_slots)
        KH_PREFETCH(&t->slots[(uint32_t)hash & (t->n_slots - 1)]);
}
const unsigned char *kh_tagrows_probe(const kh_tagrows *t, uint64_t hash);
const unsigned char *kh_tagrows_check(const kh_tagrows *t,
                                      const unsigned char *e, const char *key,
                                      size_t n, uint64_t attr);

#endif
