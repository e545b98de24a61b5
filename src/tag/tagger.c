/* tagger.c - loading a sequence labeller and Viterbi decoding (tagger.h). */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "../core/error.h"

/* A hint that memory will be read soon (no effect where unsupported). */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

/* How many features ahead the emission pass asks for its weights. */
#define PREFETCH_AHEAD 12

void kh_tag_scratch_free(kh_tag_scratch *s)
{
    free(s->score);
    free(s->back);
    memset(s, 0, sizeof *s);
}

khabar_code kh_tagger_open(kh_tagger *t, const kh_container *c,
                           khabar_error *err)
{
    kh_cursor k;
    uint32_t version, names_size, i;
    const char *names, *p, *end;
    khabar_code rc;
    memset(t, 0, sizeof *t);
    rc = kh_linear_open(&t->emit, c, err);
    if (rc != KHABAR_OK)
        return rc;
    kh_cursor_init(&k, kh_container_get(c, "tagger"));
    version = kh_cursor_u32(&k);
    t->n_labels = kh_cursor_u32(&k);
    names_size = kh_cursor_u32(&k);
    kh_cursor_u32(&k);
    if (k.bad || version != 1 || t->n_labels < 2 ||
        t->n_labels > KH_TAG_MAX_LABELS || t->n_labels != t->emit.n_labels)
        return kh_fail(err, KHABAR_EMODEL, "tagger: bad header", 0);
    t->trans = kh_cursor_array(&k, (size_t)(t->n_labels + 1) * t->n_labels, 2,
                               2);
    names = kh_cursor_array(&k, names_size, 1, 1);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL, "tagger: truncated or trailing bytes",
                       0);
    /* Exactly n_labels NUL-terminated names, filling the section. */
    for (i = 0, p = names, end = names + names_size; i < t->n_labels; i++) {
        const char *z = memchr(p, 0, (size_t)(end - p));
        if (!z || z == p)
            return kh_fail(err, KHABAR_EMODEL, "tagger: bad label names", 0);
        t->names[i] = p;
        p = z + 1;
    }
    if (p != end)
        return kh_fail(err, KHABAR_EMODEL, "tagger: bad label names", 0);
    kh_ok(err);
    return KHABAR_OK;
}

int kh_tagger_label(const kh_tagger *t, const char *name)
{
    uint32_t i;
    for (i = 0; i < t->n_labels; i++) {
        if (strcmp(t->names[i], name) == 0)
            return (int)i;
    }
    return -1;
}

static int grow(kh_tag_scratch *s, size_t n, size_t L)
{
    size_t cap;
    int32_t *sc;
    uint8_t *bk;
    if (n <= s->cap)
        return 0;
    cap = s->cap ? s->cap : 256;
    while (cap < n)
        cap *= 2;
    if (cap > SIZE_MAX / (L * sizeof(int32_t)))
        return -1;
    sc = realloc(s->score, cap * L * sizeof *sc);
    if (!sc)
        return -1;
    s->score = sc;
    bk = realloc(s->back, cap * L);
    if (!bk)
        return -1;
    s->back = bk;
    s->cap = cap;
    return 0;
}

/* Labels in blocks of this many: inner loops of a fixed count, which
 * compilers unroll (and may vectorize); the remainder runs one by one. */
#define BLOCK 8

/* row[y] += w[y] for y < L. */
static inline void add_row(int32_t *restrict row, const int16_t *restrict w,
                           size_t L)
{
    size_t y = 0, k;
    for (; y + BLOCK <= L; y += BLOCK)
        for (k = 0; k < BLOCK; k++)
            row[y + k] += w[y + k];
    for (; y < L; y++)
        row[y] += w[y];
}

/* One step of Viterbi: for each label y, the best previous label yp of
 * prev[yp] + trans[yp * L + y], taken over yp in order (the first best
 * wins), into best[] and arg[]. Previous labels outside, labels inside:
 * the inner loop reads a row of trans, without branches. */
static inline void best_previous(const int32_t *restrict prev,
                                 const int16_t *restrict trans, size_t L,
                                 int32_t *restrict best,
                                 int32_t *restrict arg)
{
    size_t y, yp, k;
    for (y = 0; y < L; y++) {
        best[y] = prev[0] + trans[y];
        arg[y] = 0;
    }
    for (yp = 1; yp < L; yp++) {
        const int32_t p = prev[yp], a = (int32_t)yp;
        const int16_t *tr = trans + yp * L;
        y = 0;
        for (; y + BLOCK <= L; y += BLOCK) {
            for (k = 0; k < BLOCK; k++) {
                int32_t s = p + tr[y + k];
                int more = s > best[y + k];
                best[y + k] = more ? s : best[y + k];
                arg[y + k] = more ? a : arg[y + k];
            }
        }
        for (; y < L; y++) {
            int32_t s = p + tr[y];
            if (s > best[y]) {
                best[y] = s;
                arg[y] = a;
            }
        }
    }
}

int kh_tagger_decode(const kh_tagger *t, size_t n, const uint64_t *feats,
                     const uint32_t *off, uint8_t *labels,
                     kh_tag_scratch *scratch)
{
    return kh_tagger_decode_allowed(t, n, feats, off, NULL, labels, scratch);
}

/* What a label that is not allowed scores: far below any path (a
 * position's emissions sum to a few million at most) and far above
 * INT32_MIN, so that one step of Viterbi cannot overflow. */
#define BARRED (-(1 << 28))

int kh_tagger_decode_allowed(const kh_tagger *t, size_t n,
                             const uint64_t *feats, const uint32_t *off,
                             const uint64_t *allow, uint8_t *labels,
                             kh_tag_scratch *scratch)
{
    const size_t L = t->n_labels;
    const int16_t *w = t->emit.w;
    uint64_t labels_mask;
    size_t i, y, f;
    int32_t *sc;
    uint8_t *bk;
    if (n == 0)
        return 0;
    if (grow(scratch, n, L) != 0)
        return -1;
    sc = scratch->score;
    bk = scratch->back;
    labels_mask = L < 64 ? ((uint64_t)1 << L) - 1 : ~(uint64_t)0;
    /* Emissions first, in one pass over all the features: the weight rows
     * are scattered over megabytes, so each is asked for a dozen features
     * before it is needed, and the lookups overlap instead of waiting one
     * by one. The rows land in sc, which Viterbi then turns into path
     * scores in place. */
    memset(sc, 0, n * L * sizeof *sc);
    for (i = 0; i < n; i++) {
        int32_t *row = sc + i * L;
        for (f = off[i]; f < off[i + 1]; f++) {
            if (f + PREFETCH_AHEAD < off[n])
                PREFETCH(w + (size_t)(feats[f + PREFETCH_AHEAD] & t->emit.mask) * L);
            add_row(row, w + (size_t)(feats[f] & t->emit.mask) * L, L);
        }
        if (allow && (allow[i] & labels_mask) &&
            (allow[i] & labels_mask) != labels_mask) {
            for (y = 0; y < L; y++) {
                if (!(allow[i] >> y & 1))
                    row[y] = BARRED;
            }
        }
    }
    for (i = 0; i < n; i++) {
        int32_t *row = sc + i * L, best_row = INT32_MIN;
        int32_t best[KH_TAG_MAX_LABELS], arg[KH_TAG_MAX_LABELS];
        if (i == 0) {
            for (y = 0; y < L; y++) {
                best[y] = t->trans[L * L + y];
                arg[y] = 0;
            }
        } else {
            best_previous(sc + (i - 1) * L, t->trans, L, best, arg);
        }
        for (y = 0; y < L; y++) {
            row[y] += best[y];
            bk[i * L + y] = (uint8_t)arg[y];
            if (row[y] > best_row)
                best_row = row[y];
        }
        /* Renormalize: the best path so far scores 0, so that scores stay
         * small however long the sentence (each step adds at most a few
         * million). */
        for (y = 0; y < L; y++)
            row[y] -= best_row;
    }
    {
        size_t best = 0;
        const int32_t *last = sc + (n - 1) * L;
        for (y = 1; y < L; y++) {
            if (last[y] > last[best])
                best = y;
        }
        for (i = n; i-- > 0;) {
            labels[i] = (uint8_t)best;
            best = bk[i * L + best];
        }
    }
    return 0;
}
