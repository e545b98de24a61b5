/*
 * background.h - how common each lemma is in news in general: the number
 * of articles of a reference collection that use it (document frequency),
 * against which keywords are weighed. Built by `khabar-train background`
 * from raw news (tools/models.sh names the collection).
 *
 * Lemmas are keyed by kh_background_key(): FNV-1a 64 of the lemma folded as
 * the lexicon's keys are (أ إ آ ٱ -> ا, ى -> ي, ة -> ه). Only lemmas used by
 * two articles or more are stored; any other has frequency 0.
 *
 * File background.kbm, kind "background", one section "df" (little-endian,
 * see docs/model-format.md):
 *
 *   u32 version       1
 *   u32 n_docs        articles in the collection (>= 1)
 *   u32 n_entries
 *   u32 reserved      0
 *   u64 key[n_entries]  strictly increasing
 *   u32 df[n_entries]   each in 1 .. n_docs
 */
#ifndef KH_BACKGROUND_H
#define KH_BACKGROUND_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"

typedef struct kh_background {
    uint32_t n_docs, n_entries;
    const uint64_t *keys;
    const uint32_t *df;
} kh_background;

/* Reads and checks a container of kind "background". Allocates nothing. */
khabar_code kh_background_open(kh_background *bg, const kh_container *c,
                               khabar_error *err);

/* The key of a lemma (n bytes, undiacritized). */
uint64_t kh_background_key(const char *lemma, size_t n);

/* The number of articles that use the lemma of a key, 0 if unknown. */
uint32_t kh_background_df(const kh_background *bg, uint64_t key);

#endif
