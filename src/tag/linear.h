/*
 * linear.h - the runtime of khabar's learner: a linear model over hashed
 * features with integer weights, shared by the segmenter and the taggers.
 *
 * A feature is a 64-bit hash of a template id and its values (kh_feat_*);
 * its weight for label y is w[(h & mask) * n_labels + y]. Weights are
 * averaged-perceptron weights trained by tools/train (never by the library),
 * stored as int16 with one scale per model. Scoring a candidate or a label is
 * a sum of weights: no floating point, no allocation.
 *
 * Section "weights" of a model file:
 *   u32 version 1, u32 n_buckets (a power of two), u32 n_labels,
 *   u32 reserved 0, int16 w[n_buckets * n_labels]
 */
#ifndef KH_LINEAR_H
#define KH_LINEAR_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"

typedef struct kh_linear {
    uint32_t n_buckets, n_labels, mask;
    const int16_t *w;
} kh_linear;

/* Reads the "weights" section of c. */
khabar_code kh_linear_open(kh_linear *m, const kh_container *c,
                           khabar_error *err);

/* Feature hashing: start from a template id, mix in values. */
static inline uint64_t kh_feat_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

static inline uint64_t kh_feat(uint32_t tmpl) { return kh_feat_mix(0x6B68, tmpl); }

/* The value kh_feat_str mixes in for a byte string: computed once, it can
 * be mixed into several templates (kh_feat_mix). */
static inline uint64_t kh_feat_bytes(const char *s, size_t n)
{
    uint64_t v = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++)
        v = (v ^ (unsigned char)s[i]) * 1099511628211ull;
    return v ^ n;
}

/* Mixes a byte string (a form, an affix) into h. */
static inline uint64_t kh_feat_str(uint64_t h, const char *s, size_t n)
{
    return kh_feat_mix(h, kh_feat_bytes(s, n));
}

/* The weight of feature h for label y. */
static inline int32_t kh_linear_w(const kh_linear *m, uint64_t h, uint32_t y)
{
    return m->w[(size_t)(h & m->mask) * m->n_labels + y];
}

#endif
