/*
 * clusters.h - word clusters for the taggers: a search key -> its cluster
 * and the cluster's path in a binary tree of clusters, so that prefixes of
 * the path are coarser clusters (Brown clusters). Learned from the raw news
 * text by tools/clusters/clusters.c (see tools/clusters/README.md).
 *
 * Keys are search keys: the norm column of `khabar tokenize` (default
 * `search` preset). Tokens of some kinds are one key each, whatever their
 * text: kh_clusters_kind_key() gives it (<NUM>, <DATE>, <TIME>, <LATIN>,
 * <URL>, <EMAIL>, <MENTION>). Words seen fewer than 5 times in the corpus
 * have no entry, nor has the empty key (the norm of a tatweel dash).
 *
 * File clusters.kbm, kind "clusters", one section "clusters" read in this
 * order (little-endian, see docs/model-format.md):
 *
 *   u32 version            2
 *   u32 n_entries
 *   u32 n_slots            a power of two, > n_entries
 *   u32 n_clusters         cluster ids are 0 .. n_clusters - 1 (<= 65536)
 *   u32 pool_size
 *   u32 max_path_len       the longest path, in bits (<= 16)
 *   slots[n_slots]         kh_cluster_slot: the entries themselves, placed
 *                          from kh_clusters_hash(key) & (n_slots - 1) by
 *                          linear probing; key_len 0 (every byte 0): empty
 *   pool[pool_size]        the bytes of the keys
 *
 * A slot holds the first KH_CLUSTERS_INLINE bytes of its key, all of most
 * (src/model/inline_key.h): a lookup reads one slot, or a few side by side.
 *
 * A path is path_len bits, the first (the branch at the root) the most
 * significant: its first k bits are path >> (path_len - k) when
 * path_len >= k. Cluster ids number the leaves of the tree from left
 * (paths of 0s) to right, so nearby ids are nearby clusters.
 *
 * The loader checks the header and the sizes of the arrays; a lookup checks
 * each slot it reads (offsets, lengths, cluster and path), so that a bad
 * file gives wrong clusters at worst, never a read out of bounds.
 */
#ifndef KH_CLUSTERS_H
#define KH_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"
#include "../core/prefetch.h"

#define KH_CLUSTERS_MAX_PATH 16

#define KH_CLUSTERS_INLINE 20

typedef struct kh_cluster_slot {
    uint32_t key;      /* offset in the pool */
    uint16_t cluster;  /* cluster id */
    uint16_t path;     /* path bits, path_len of them */
    uint8_t key_len;   /* 0: an empty slot */
    uint8_t path_len;  /* 1 .. max_path_len */
    uint16_t reserved; /* 0 */
    char head[KH_CLUSTERS_INLINE]; /* the key's first bytes, 0-padded */
} kh_cluster_slot;

typedef struct kh_clusters {
    uint32_t n_entries, n_slots, n_clusters, pool_size, max_path_len;
    const kh_cluster_slot *slots;
    const char *pool;
} kh_clusters;

/* FNV-1a, 32 bits (the hash of lexicon.h). */
static inline uint32_t kh_clusters_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* Reads and checks the clusters in a container of kind "clusters". */
khabar_code kh_clusters_open(kh_clusters *cl, const kh_container *c,
                             khabar_error *err);

/* The cluster id of a search key, or -1 when it has none. On success sets
 * *path and *path_len (either may be NULL). Allocates nothing. */
int kh_clusters_find(const kh_clusters *cl, const char *key, size_t n,
                     uint32_t *path, int *path_len);

/* Asks for what kh_clusters_find will read for a key whose
 * kh_clusters_hash is hash: its first slot, which holds the rest. */
static inline void kh_clusters_prefetch(const kh_clusters *cl, uint32_t hash)
{
    if (cl->n_slots)
        KH_PREFETCH(cl->slots + (hash & (cl->n_slots - 1)));
}

/* The first k bits of a path of len bits; the whole path when it is
 * shorter (a feature should then also say its length). */
static inline uint32_t kh_clusters_prefix(uint32_t path, int len, int k)
{
    return len > k ? path >> (len - k) : path;
}

/* The key that stands for every token of that kind (khabar_token_kind),
 * or NULL when tokens of the kind are looked up by their own norm. */
const char *kh_clusters_kind_key(int kind);

#endif
