/*
 * tagger.h - the sequence labeller shared by the POS tagger and the named
 * entity recognizer: a first-order linear model over hashed features (the
 * emission weights of src/tag/linear.h, one weight per feature and label)
 * with label-bigram transition weights, decoded exactly by Viterbi.
 *
 * The weights are those of an averaged structured perceptron trained by
 * tools/train (khabar-train pos / ner), stored as int16. Decoding costs
 * O(n L^2) for n positions and L labels, with per-position renormalization so
 * that scores stay in 32 bits whatever the sentence's length; the lattice is
 * caller-owned scratch (kh_tag_scratch), so one model serves any number of
 * threads.
 *
 * Model file sections (in addition to "weights", see linear.h):
 *   "tagger": u32 version 1, u32 n_labels L (<= KH_TAG_MAX_LABELS),
 *             u32 names_size, u32 reserved 0,
 *             int16 trans[(L + 1) * L] (row L: the start of a sentence),
 *             names: L NUL-terminated label names, names_size bytes in all
 */
#ifndef KH_TAGGER_H
#define KH_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "linear.h"

#define KH_TAG_MAX_LABELS 64

typedef struct kh_tagger {
    kh_linear emit;
    uint32_t n_labels;
    const int16_t *trans;              /* (n_labels + 1) x n_labels */
    const char *names[KH_TAG_MAX_LABELS];
} kh_tagger;

/* Lattice memory for kh_tagger_decode; grows as needed. Zero it to start,
 * free with kh_tag_scratch_free. */
typedef struct kh_tag_scratch {
    int32_t *score;   /* n x L */
    uint8_t *back;    /* n x L */
    size_t cap;       /* positions */
    int32_t *gap;     /* L x L, of the transitions at gap_of (tagger.c) */
    float *keyed;     /* (L + 1) x 16 when L <= 16, of the same (tagger.c) */
    const int16_t *gap_of;
} kh_tag_scratch;

void kh_tag_scratch_free(kh_tag_scratch *s);

/* Reads the "weights" and "tagger" sections of c (of any kind). */
khabar_code kh_tagger_open(kh_tagger *t, const kh_container *c,
                           khabar_error *err);

/* The label whose name is name, or -1. */
int kh_tagger_label(const kh_tagger *t, const char *name);

/* The best labels of n positions; the features of position i are
 * feats[off[i] .. off[i + 1]). Writes labels[0 .. n). Returns 0, or -1 when
 * the scratch cannot grow (out of memory). */
int kh_tagger_decode(const kh_tagger *t, size_t n, const uint64_t *feats,
                     const uint32_t *off, uint8_t *labels,
                     kh_tag_scratch *scratch);

/* kh_tagger_decode among the labels allowed at each position: bit y of
 * allow[i] set, label y may be chosen at i (allow NULL, or an allow[i]
 * without any of the model's labels: any label). */
int kh_tagger_decode_allowed(const kh_tagger *t, size_t n,
                             const uint64_t *feats, const uint32_t *off,
                             const uint64_t *allow, uint8_t *labels,
                             kh_tag_scratch *scratch);

/* The emission rows of n positions for kh_tagger_viterbi: n x n_labels
 * int32 in the scratch, row i for position i, to be filled by the caller
 * (their contents are undefined). NULL when the scratch cannot grow. */
int32_t *kh_tagger_rows(const kh_tagger *t, size_t n, kh_tag_scratch *scratch);

/* rows[i * n_labels + y] += the weights for label y of the features of
 * position i, feats[off[i] .. off[i + 1]), for i < n. */
void kh_tagger_emit(const kh_tagger *t, size_t n, const uint64_t *feats,
                    const uint32_t *off, int32_t *rows);

/* kh_tagger_emit into rows whose contents do not count: rows[i *
 * n_labels + y] = the weights summed (0 for a position without features). */
void kh_tagger_emit_set(const kh_tagger *t, size_t n, const uint64_t *feats,
                        const uint32_t *off, int32_t *rows);

/* row[y] += src[y] for y < L (in blocks of 8, which compilers unroll). */
static inline void kh_tag_row_add(int32_t *restrict row,
                                  const int32_t *restrict src, size_t L)
{
    size_t y = 0, k;
    for (; y + 8 <= L; y += 8)
        for (k = 0; k < 8; k++)
            row[y + k] += src[y + k];
    for (; y < L; y++)
        row[y] += src[y];
}

/* Viterbi over the emission rows that kh_tagger_rows gave and the caller
 * filled (for the same n), among the labels allowed at each position (as
 * kh_tagger_decode_allowed); the rows are overwritten. Returns 0, or -1
 * when the scratch cannot grow. kh_tagger_decode_allowed is this after
 * summing the features of each position. */
int kh_tagger_viterbi(const kh_tagger *t, size_t n, const uint64_t *allow,
                      uint8_t *labels, kh_tag_scratch *scratch);

#endif
