/*
 * usage.h - how the news uses a word, for the POS tagger: a search key ->
 * a signature of buckets (how frequent the word's stem is, and how often it
 * takes the article ال, follows a preposition, carries a pronoun suffix,
 * follows قد/لم/لن/سوف, follows a definite word when definite, comes before
 * one when not). Built from the raw news text by
 * tools/usage/build_usage.py, whose header defines the buckets.
 *
 * File usage.kbm, kind "usage", one section "usage" (little-endian, see
 * docs/model-format.md):
 *
 *   u32 version      1
 *   u32 n_entries
 *   u32 n_slots      a power of two, >= 2 n_entries
 *   slots[n_slots]   kh_usage_slot, placed from kh_clusters_hash(key) &
 *                    (n_slots - 1) by linear probing; check 0: empty
 *
 * No key is stored: a slot is the key's when its check (kh_usage_check)
 * is the key's. A key the file lacks may, once in billions of probes, take
 * another's signature; a bad file gives wrong signatures, never a read out
 * of bounds.
 */
#ifndef KH_USAGE_H
#define KH_USAGE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/prefetch.h"
#include "../model/container.h"

typedef struct kh_usage_slot {
    uint32_t check;     /* kh_usage_check(key), 0: an empty slot */
    uint32_t signature; /* the buckets (build_usage.py): 21 bits */
} kh_usage_slot;

typedef struct kh_usage {
    uint32_t n_entries, n_slots;
    const kh_usage_slot *slots;
} kh_usage;

/* The signature's fields. */
#define KH_USAGE_FREQ(s) ((s) & 7u)
#define KH_USAGE_ARTICLE(s) ((s) >> 3 & 7u)
#define KH_USAGE_PREP(s) ((s) >> 6 & 7u)
#define KH_USAGE_SUFFIX(s) ((s) >> 9 & 7u)
#define KH_USAGE_VERB(s) ((s) >> 12 & 7u)
#define KH_USAGE_AFTER_DEF(s) ((s) >> 15 & 7u)
#define KH_USAGE_BEFORE_DEF(s) ((s) >> 18 & 7u)
#define KH_USAGE_BITS 21

/* The second hash of a key: FNV-1a 32 from another offset basis, its low
 * bit set (never 0). */
static inline uint32_t kh_usage_check(const char *s, size_t n)
{
    uint32_t h = 0x9E3779B9u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h | 1u;
}

/* Reads and checks a container of kind "usage". */
khabar_code kh_usage_open(kh_usage *u, const kh_container *c,
                          khabar_error *err);

/* The signature of a search key whose kh_clusters_hash is hash, 0 when
 * the file has none. Allocates nothing. */
uint32_t kh_usage_find(const kh_usage *u, uint32_t hash, const char *key,
                       size_t n);

/* Asks for the slot kh_usage_find will read first. */
static inline void kh_usage_prefetch(const kh_usage *u, uint32_t hash)
{
    if (u->n_slots)
        KH_PREFETCH(u->slots + (hash & (u->n_slots - 1)));
}

#endif
