/*
 * hosts.h - the analyses of the news's most frequent hosts, computed ahead.
 *
 * A host's lemma, root, stem and their flags depend on its letters alone
 * (words.c, kh_host_compute), but computing them asks the lexicon, the
 * lemmatizer's cache and its model, each a lookup somewhere in megabytes of
 * tables. The most frequent hosts of the news, analyzed ahead by
 * `khabar-train hosts` with the very function the words stage runs, settle
 * most words with one lookup. The table is a cache of that function: it
 * holds the file checksums (the final CRC-32 of each .kbm) of the lexicon
 * and the lemmatizer it was made with, and the model uses it only with those
 * two (a table left from other models is ignored, not wrong).
 *
 * File hosts.kbm, kind "hosts", section "hosts":
 *   u32 version 1, u32 lexicon CRC, u32 lemmatizer CRC, u32 n_entries,
 *   u32 n_slots (a power of two > n_entries), u32 pool_size,
 *   slots[n_slots], 16 bytes each: u32 kh_lex_hash of the host's UTF-8,
 *   u32 offset in the pool, u8 lengths of the host, lemma, root and stem
 *   (UTF-8 bytes), u8 flags (KHABAR_WORD_LEMMA_GUESSED,
 *   KHABAR_WORD_ROOT_GUESSED), u8 1 for a used slot (0: empty, all zero),
 *   u16 0; open addressing from the hash, linear probing.
 *   pool[pool_size]: per entry, its host, lemma, root and stem, one after
 *   the other.
 */
#ifndef KH_HOSTS_H
#define KH_HOSTS_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"

typedef struct kh_host_slot {
    uint32_t hash, off;
    uint8_t host_len, lemma_len, root_len, stem_len;
    uint8_t flags, used;
    uint16_t reserved;
} kh_host_slot;

typedef struct kh_hosts {
    uint32_t lexicon_crc, lemmatizer_crc;
    uint32_t n_entries, n_slots, pool_size;
    const kh_host_slot *slots;
    const char *pool;
} kh_hosts;

/* Reads and checks the table in a container of kind "hosts". */
khabar_code kh_hosts_open(kh_hosts *h, const kh_container *c,
                          khabar_error *err);

/* The slot of a host (UTF-8 key[0, n)), or NULL. Its strings are at
 * h->pool + slot->off: the host, then the lemma, root and stem. */
const kh_host_slot *kh_hosts_find(const kh_hosts *h, const char *key,
                                  size_t n);

#endif
