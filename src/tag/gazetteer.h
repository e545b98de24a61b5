/*
 * gazetteer.h - the read-only name gazetteer: names of people, places and
 * organizations, the titles and trigger words around them, and nationality
 * adjectives, each with a bitmask of types.
 *
 * Keys are search keys: the name tokenized by khabar and each token
 * normalized with KHABAR_NORM_SEARCH (no diacritics, one alef, ي for ى, ه
 * for ة), the tokens joined by one space (U+0020). A name of n tokens is
 * found by joining the norm forms of n consecutive tokens with one space;
 * no name has more than max_tokens tokens. Built by
 * tools/ner/build_gazetteer.py (sources and terms in tools/ner/README.md).
 *
 * File gazetteer.kbm, kind "gazetteer", one section "names" read in this
 * order (little-endian, see docs/model-format.md):
 *
 *   u32 version            2
 *   u32 n_entries
 *   u32 n_slots            a power of two, > n_entries (the builder uses
 *                          the smallest one >= 2 * n_entries)
 *   u32 pool_size
 *   u32 max_tokens         tokens in the longest name (>= 1 when there are
 *                          entries)
 *   u32 max_key_bytes      bytes in the longest key
 *   u32 reserved[2]        0
 *   slots[n_slots]         kh_gaz_slot (32 bytes): the entries themselves,
 *                          keys unique, placed from kh_gaz_hash(key) &
 *                          (n_slots - 1) (FNV-1a, 32 bits) by linear
 *                          probing; key_len 0, every byte 0: empty
 *   pool[pool_size]        the bytes of the keys, in key order
 *
 * A slot holds the first KH_GAZ_INLINE bytes of its key, all of most
 * (src/model/inline_key.h): a lookup reads one slot, or a few side by side.
 *
 * kh_gazetteer_open() checks every offset and length against the pool and
 * every mask against the known types, so lookups need no checks of their
 * own.
 */
#ifndef KH_GAZETTEER_H
#define KH_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"
#include "../core/prefetch.h"

/* Types (kh_gaz_entry.mask): one name may have several. */
enum {
    KH_GAZ_FIRST_NAME  = 1u << 0, /* a person's first name: محمد, فلاديمير */
    KH_GAZ_PERSON      = 1u << 1, /* a family name or a full person name:
                                     بوتين, بشار الاسد */
    KH_GAZ_COUNTRY     = 1u << 2, /* a country: سوريا, الولايات المتحده */
    KH_GAZ_PLACE       = 1u << 3, /* a city, region, sea, river ...: دمشق */
    KH_GAZ_ORG         = 1u << 4, /* an organization: الامم المتحده */
    KH_GAZ_TITLE       = 1u << 5, /* a person title or trigger: الرئيس,
                                     وزير الخارجيه */
    KH_GAZ_LOC_TRIGGER = 1u << 6, /* a word before a place name: مدينه */
    KH_GAZ_ORG_TRIGGER = 1u << 7, /* a word before an organization name:
                                     وزاره, حزب */
    KH_GAZ_NISBA       = 1u << 8, /* a nationality adjective: الروسي */
    KH_GAZ_TYPES       = (1u << 9) - 1
};

/* Sources (kh_gaz_entry.sources): which inputs gave the entry. A trainer
 * can leave out entries that only the training corpora gave. */
enum {
    KH_GAZ_SRC_LISTS     = 1u << 0, /* tools/ner/lists (hand-written) */
    KH_GAZ_SRC_CLDR      = 1u << 1, /* Unicode CLDR 41 */
    KH_GAZ_SRC_ANERGAZET = 1u << 2, /* ANERgazet */
    KH_GAZ_SRC_AKHATEEB  = 1u << 3, /* names-akhateeb */
    KH_GAZ_SRC_ANERCORP  = 1u << 4, /* ANERcorp train entities */
    KH_GAZ_SRC_NEWSFANE  = 1u << 5, /* NewsFANE entities */
    KH_GAZ_SRC_WIKIFANE  = 1u << 6  /* WikiFANE entities */
};

/* The sources that are the NER corpora themselves: the trainers leave
 * them out, and a name they alone give may be written with a clitic (وعبد,
 * as ANERcorp tags its tokens whole). */
#define KH_GAZ_CORPUS_SOURCES                                                \
    (KH_GAZ_SRC_ANERCORP | KH_GAZ_SRC_NEWSFANE | KH_GAZ_SRC_WIKIFANE)

typedef struct kh_gaz_entry {
    uint32_t key;      /* offset in the pool */
    uint32_t mask;     /* KH_GAZ_* types, never 0 */
    uint16_t key_len;  /* bytes, >= 1 */
    uint8_t n_tokens;  /* 1 + spaces in the key, <= max_tokens */
    uint8_t sources;   /* KH_GAZ_SRC_* */
} kh_gaz_entry;

#define KH_GAZ_INLINE 20

typedef struct kh_gaz_slot {
    kh_gaz_entry e;              /* key_len 0: an empty slot */
    char head[KH_GAZ_INLINE];    /* the key's first bytes, 0-padded */
} kh_gaz_slot;

typedef struct kh_gazetteer {
    uint32_t n_entries, n_slots, pool_size, max_tokens, max_key_bytes;
    const kh_gaz_slot *slots;
    const char *pool;
    /* Built at load (kh_gazetteer_index_prefixes), owned: a bit per hash of
     * every proper prefix, in words, of a name of two words or more, and
     * (names, in the same allocation) of every such name. */
    uint64_t *prefixes, *names;
    uint32_t prefix_mask;  /* bits - 1, of each */
    /* Built by kh_gazetteer_without, owned: the slots, when not the
     * file's. */
    kh_gaz_slot *own_slots;
} kh_gazetteer;

/* FNV-1a, 32 bits (as kh_lex_hash), and the same of a key's n more
 * bytes, h being that of the key so far. */
static inline uint32_t kh_gaz_hash_more(uint32_t h, const char *s, size_t n)
{
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

static inline uint32_t kh_gaz_hash(const char *s, size_t n)
{
    return kh_gaz_hash_more(2166136261u, s, n);
}

/* Reads and checks the gazetteer in a container of kind "gazetteer". The
 * gazetteer points into the container's image, which must outlive it.
 * Allocates nothing. */
khabar_code kh_gazetteer_open(kh_gazetteer *g, const kh_container *c,
                              khabar_error *err);

/* Builds the prefix filter (allocates; kh_gazetteer_free frees). Returns 0,
 * or -1 when memory runs out. */
int kh_gazetteer_index_prefixes(kh_gazetteer *g);

/* Frees what kh_gazetteer_index_prefixes and kh_gazetteer_without
 * allocated. */
void kh_gazetteer_free(kh_gazetteer *g);

/* Into *out, g without the entries that only sources in ignore gave (a
 * trainer's own corpora: every lookup then misses them, the POS stage's
 * and the doc rules' as well as the recognizer's), with its own slots and
 * prefix filter (kh_gazetteer_free frees them); the pool stays g's. An
 * entry that other sources gave too keeps all its types. Returns 0, or -1
 * when memory runs out. */
int kh_gazetteer_without(const kh_gazetteer *g, unsigned ignore,
                         kh_gazetteer *out);

/* Whether some name of the gazetteer may start with the words of a key
 * whose kh_gaz_hash is h (and go on after it): 0 means surely not, so no
 * longer key that starts with it need be looked up. Always 1 without the
 * filter. */
static inline int kh_gazetteer_may_extend(const kh_gazetteer *g, uint32_t h)
{
    if (!g->prefixes)
        return 1;
    h &= g->prefix_mask;
    return (int)((g->prefixes[h >> 6] >> (h & 63)) & 1);
}

/* Whether a key of two words or more whose kh_gaz_hash is h may be a name
 * (0: it is none; 1: look it up). */
static inline int kh_gazetteer_may_be_name(const kh_gazetteer *g, uint32_t h)
{
    if (!g->names)
        return 1;
    h &= g->prefix_mask;
    return (int)((g->names[h >> 6] >> (h & 63)) & 1);
}

/* Asks for what kh_gazetteer_lookup will read for a key whose kh_gaz_hash
 * is hash: its first slot, which holds the rest. */
static inline void kh_gazetteer_prefetch(const kh_gazetteer *g, uint32_t hash)
{
    if (g->n_slots)
        KH_PREFETCH(g->slots + (hash & (g->n_slots - 1)));
}

/* The entry of a key (n bytes, no NUL needed), or NULL. */
const kh_gaz_entry *kh_gazetteer_lookup(const kh_gazetteer *g,
                                        const char *key, size_t n);

/* The KH_GAZ_* mask of a key, 0 when it is absent. */
uint32_t kh_gazetteer_find(const kh_gazetteer *g, const char *key, size_t n);

#endif
