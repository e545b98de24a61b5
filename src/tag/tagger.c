/* tagger.c - loading a sequence labeller and Viterbi decoding (tagger.h). */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "prefetch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif


/* A function whose copies must each be compiled with their own constant
 * arguments (forward). */
#if defined(__GNUC__) || defined(__clang__)
#define INLINE_ALWAYS inline __attribute__((always_inline))
#else
#define INLINE_ALWAYS inline
#endif

/* How many features ahead the emission pass asks for its weights. */
#define PREFETCH_AHEAD 12

void kh_tag_scratch_free(kh_tag_scratch *s)
{
    free(s->score);
    free(s->back);
    free(s->gap);
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

/* row[y] += c for y < L. */
static INLINE_ALWAYS void add_const(int32_t *row, int32_t c, size_t L)
{
    size_t y = 0, k;
    for (; y + BLOCK <= L; y += BLOCK)
        for (k = 0; k < BLOCK; k++)
            row[y + k] += c;
    for (; y < L; y++)
        row[y] += c;
}

/* The largest of row[0 .. L). */
static INLINE_ALWAYS int32_t row_max(const int32_t *row, size_t L)
{
    int32_t m[BLOCK], top;
    size_t y = 0, k;
    for (k = 0; k < BLOCK; k++)
        m[k] = INT32_MIN;
    for (; y + BLOCK <= L; y += BLOCK)
        for (k = 0; k < BLOCK; k++)
            m[k] = row[y + k] > m[k] ? row[y + k] : m[k];
    top = m[0];
    for (k = 1; k < BLOCK; k++)
        top = m[k] > top ? m[k] : top;
    for (; y < L; y++)
        top = row[y] > top ? row[y] : top;
    return top;
}

/* One step of Viterbi: for each label y, the best previous label yp of
 * prev[yp] + trans[yp * L + y], taken over the live labels yp (in
 * increasing order, at least one) so that the first best wins, into best[]
 * and arg[]. Previous labels outside, labels inside: the inner loop reads a
 * row of trans, without branches. */
static INLINE_ALWAYS void best_previous(const int32_t *restrict prev,
                                 const int16_t *restrict trans, size_t L,
                                 const int32_t *restrict live, size_t n_live,
                                 int32_t *restrict best,
                                 int32_t *restrict arg)
{
    size_t y = 0, j, k;
    {
        const int32_t p = prev[live[0]], a = live[0];
        const int16_t *tr = trans + (size_t)a * L;
        for (; y + BLOCK <= L; y += BLOCK) {
            for (k = 0; k < BLOCK; k++) {
                best[y + k] = p + tr[y + k];
                arg[y + k] = a;
            }
        }
        for (; y < L; y++) {
            best[y] = p + tr[y];
            arg[y] = a;
        }
    }
    for (j = 1; j < n_live; j++) {
        const int32_t a = live[j], p = prev[a];
        const int16_t *tr = trans + (size_t)a * L;
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

int32_t *kh_tagger_rows(const kh_tagger *t, size_t n, kh_tag_scratch *scratch)
{
    if (grow(scratch, n ? n : 1, t->n_labels) != 0)
        return NULL;
    return scratch->score;
}

/* ---------------------------------------------------------------------
 * Emissions: sums of weight rows.
 *
 * In one pass over all the features, the weight rows are scattered over
 * megabytes, so each is asked for a dozen features before it is needed,
 * and the lookups overlap instead of waiting one by one. A position's sum
 * is kept in registers over its features and written once: added to its
 * row (kh_tagger_emit) or stored there (kh_tagger_emit_set, which needs no
 * zeroed rows). Integer sums: any order gives the same result.
 * ------------------------------------------------------------------- */

/* Asks for the weight row of feature f + PREFETCH_AHEAD, when there is one
 * (before end). */
static INLINE_ALWAYS void ask_ahead(const int16_t *w, uint32_t mask,
                                    const uint64_t *feats, size_t f,
                                    size_t end, size_t L)
{
    if (f + PREFETCH_AHEAD < end)
        KH_PREFETCH(w + (size_t)(feats[f + PREFETCH_AHEAD] & mask) * L);
}

/* The portable emission pass for L labels: the sum of a position in a
 * local row (which compilers keep in registers for a constant L). */
static INLINE_ALWAYS void emit_plain(const int16_t *restrict w, uint32_t mask,
                                     size_t n, const uint64_t *restrict feats,
                                     const uint32_t *restrict off,
                                     int32_t *restrict rows, const size_t L,
                                     int set)
{
    const size_t end = off[n];
    size_t i, f = off[0], y;
    for (i = 0; i < n; i++, rows += L) {
        int32_t acc[KH_TAG_MAX_LABELS];
        const size_t stop = off[i + 1];
        for (y = 0; y < L; y++)
            acc[y] = 0;
        for (; f < stop; f++) {
            const int16_t *r = w + (size_t)(feats[f] & mask) * L;
            ask_ahead(w, mask, feats, f, end, L);
            for (y = 0; y < L; y++)
                acc[y] += r[y];
        }
        if (set) {
            for (y = 0; y < L; y++)
                rows[y] = acc[y];
        } else {
            for (y = 0; y < L; y++)
                rows[y] += acc[y];
        }
    }
}

#if defined(__SSE2__)
/* SSE2 (every x86-64 has it): two weight rows at a time, their int16
 * weights interleaved label by label, and pmaddwd against ones sums each
 * pair exactly into int32, which costs less than widening each row. The
 * first 8 labels of a row here; 16 labels: two calls, 9: one and a scalar. */
static INLINE_ALWAYS void sum8_pair(__m128i *lo, __m128i *hi,
                                    const int16_t *a, const int16_t *b)
{
    const __m128i one = _mm_set1_epi16(1);
    const __m128i va = _mm_loadu_si128((const __m128i *)(const void *)a);
    const __m128i vb = _mm_loadu_si128((const __m128i *)(const void *)b);
    *lo = _mm_add_epi32(*lo, _mm_madd_epi16(_mm_unpacklo_epi16(va, vb), one));
    *hi = _mm_add_epi32(*hi, _mm_madd_epi16(_mm_unpackhi_epi16(va, vb), one));
}

/* Adds (or, set, stores) v to the 4 int32 at p. */
static INLINE_ALWAYS void put4(int32_t *p, __m128i v, int set)
{
    __m128i *q = (__m128i *)(void *)p;
    if (!set)
        v = _mm_add_epi32(v, _mm_loadu_si128(q));
    _mm_storeu_si128(q, v);
}

/* The emission pass for L = 16 or L = 9 labels. A lone feature (the last
 * of an odd count) is paired with a row of zeros. */
static INLINE_ALWAYS void emit_sse2(const int16_t *restrict w, uint32_t mask,
                                    size_t n, const uint64_t *restrict feats,
                                    const uint32_t *restrict off,
                                    int32_t *restrict rows, const size_t L,
                                    int set)
{
    static const int16_t zeros[16] = {0};
    const size_t end = off[n];
    size_t i, f = off[0];
    for (i = 0; i < n; i++, rows += L) {
        const size_t stop = off[i + 1];
        __m128i s0 = _mm_setzero_si128(), s1 = s0, s2 = s0, s3 = s0;
        int32_t s8 = 0;
        while (f < stop) {
            const int16_t *a = w + (size_t)(feats[f] & mask) * L, *b = zeros;
            ask_ahead(w, mask, feats, f, end, L);
            if (f + 1 < stop) {
                b = w + (size_t)(feats[f + 1] & mask) * L;
                ask_ahead(w, mask, feats, f + 1, end, L);
                f += 2;
            } else {
                f++;
            }
            sum8_pair(&s0, &s1, a, b);
            if (L == 16)
                sum8_pair(&s2, &s3, a + 8, b + 8);
            else
                s8 += (int32_t)a[8] + b[8];
        }
        put4(rows, s0, set);
        put4(rows + 4, s1, set);
        if (L == 16) {
            put4(rows + 8, s2, set);
            put4(rows + 12, s3, set);
        } else {
            rows[8] = set ? s8 : rows[8] + s8;
        }
    }
}
#endif

/* kh_tagger_emit (set 0) and kh_tagger_emit_set (set 1). */
static void emit(const kh_tagger *t, size_t n, const uint64_t *feats,
                 const uint32_t *off, int32_t *rows, int set)
{
    const int16_t *w = t->emit.w;
    const uint32_t mask = t->emit.mask;
    /* As forward(): the models' label counts, compiled apart. */
#if defined(__SSE2__)
    if (t->n_labels == 16)
        emit_sse2(w, mask, n, feats, off, rows, 16, set);
    else if (t->n_labels == 9)
        emit_sse2(w, mask, n, feats, off, rows, 9, set);
#else
    if (t->n_labels == 16)
        emit_plain(w, mask, n, feats, off, rows, 16, set);
    else if (t->n_labels == 9)
        emit_plain(w, mask, n, feats, off, rows, 9, set);
#endif
    else
        emit_plain(w, mask, n, feats, off, rows, t->n_labels, set);
}

void kh_tagger_emit(const kh_tagger *t, size_t n, const uint64_t *feats,
                    const uint32_t *off, int32_t *rows)
{
    emit(t, n, feats, off, rows, 0);
}

void kh_tagger_emit_set(const kh_tagger *t, size_t n, const uint64_t *feats,
                        const uint32_t *off, int32_t *rows)
{
    emit(t, n, feats, off, rows, 1);
}

int kh_tagger_decode_allowed(const kh_tagger *t, size_t n,
                             const uint64_t *feats, const uint32_t *off,
                             const uint64_t *allow, uint8_t *labels,
                             kh_tag_scratch *scratch)
{
    int32_t *sc;
    if (n == 0)
        return 0;
    sc = kh_tagger_rows(t, n, scratch);
    if (!sc)
        return -1;
    kh_tagger_emit_set(t, n, feats, off, sc);
    return kh_tagger_viterbi(t, n, allow, labels, scratch);
}

/* How far below the best previous label b another, p, may score and still
 * begin the best path to some label: gap[b * L + p], the most that a step
 * from p gains on a step from b, max over y of trans[p][y] - trans[b][y].
 * When prev[p] + gap < prev[b] = 0, every path through p scores strictly
 * less than the same path through b (it cannot even tie), so Viterbi may
 * leave p out and choose exactly as before: most steps keep 2 or 3 labels
 * of the 9 or 16. Computed once per scratch and tagger, L^3 steps. */
static const int32_t *gaps(const kh_tagger *t, kh_tag_scratch *s)
{
    const size_t L = t->n_labels;
    const int16_t *tr = t->trans;
    size_t b, p, y;
    if (s->gap && s->gap_of == tr)
        return s->gap;
    free(s->gap);
    s->gap_of = NULL;
    s->gap = malloc(L * L * sizeof *s->gap);
    if (!s->gap)
        return NULL;
    for (b = 0; b < L; b++) {
        for (p = 0; p < L; p++) {
            int32_t most = INT32_MIN;
            for (y = 0; y < L; y++) {
                int32_t d = (int32_t)tr[p * L + y] - tr[b * L + y];
                most = d > most ? d : most;
            }
            s->gap[b * L + p] = most;
        }
    }
    s->gap_of = tr;
    return s->gap;
}

/* Viterbi's forward pass over the emission rows sc of n positions: each
 * row becomes the best scores of the paths that end there in each label,
 * renormalized (the best 0), and bk[i * L + y] the label before y on the
 * best path to y at i. */
static INLINE_ALWAYS void forward(const int16_t *restrict tr,
                           const int32_t *restrict gap, size_t n,
                           int32_t *restrict sc, uint8_t *restrict bk,
                           const size_t L)
{
    size_t i, y, top = 0;
    for (i = 0; i < n; i++) {
        int32_t *row = sc + i * L, hi;
        int32_t best[KH_TAG_MAX_LABELS], arg[KH_TAG_MAX_LABELS];
        if (i == 0) {
            for (y = 0; y < L; y++) {
                best[y] = tr[L * L + y];
                arg[y] = 0;
            }
        } else {
            /* The previous row's best, at top, scores 0. */
            const int32_t *prev = row - L, *g = gap + top * L;
            int32_t live[KH_TAG_MAX_LABELS];
            size_t n_live = 0;
            for (y = 0; y < L; y++) {
                live[n_live] = (int32_t)y;
                n_live += prev[y] + g[y] >= 0;
            }
            best_previous(prev, tr, L, live, n_live, best, arg);
        }
        for (y = 0; y < L; y++)
            bk[i * L + y] = (uint8_t)arg[y];
        kh_tag_row_add(row, best, L);
        hi = row_max(row, L);
        /* Renormalize: the best path so far scores 0, so that scores stay
         * small however long the sentence (each step adds at most a few
         * million). */
        add_const(row, -hi, L);
        for (top = 0; row[top] != 0; top++)
            ;
    }
}

/* What a label that is not allowed scores: far below any path (a
 * position's emissions sum to a few million at most) and far above
 * INT32_MIN, so that one step of Viterbi cannot overflow. */
#define BARRED (-(1 << 28))

int kh_tagger_viterbi(const kh_tagger *t, size_t n, const uint64_t *allow,
                      uint8_t *labels, kh_tag_scratch *scratch)
{
    const size_t L = t->n_labels;
    const int16_t *tr = t->trans;
    uint64_t labels_mask;
    const int32_t *gap;
    size_t i, y;
    int32_t *sc;
    uint8_t *bk;
    if (n == 0)
        return 0;
    if (grow(scratch, n, L) != 0)
        return -1;
    sc = scratch->score;
    bk = scratch->back;
    labels_mask = L < 64 ? ((uint64_t)1 << L) - 1 : ~(uint64_t)0;
    if (allow) {
        for (i = 0; i < n; i++) {
            int32_t *row = sc + i * L;
            uint64_t a = allow[i] & labels_mask;
            if (a && a != labels_mask) {
                for (y = 0; y < L; y++) {
                    if (!(a >> y & 1))
                        row[y] = BARRED;
                }
            }
        }
    }
    gap = gaps(t, scratch);
    if (!gap)
        return -1;
    /* The label counts of the models shipped get copies of their own,
     * with constant loop bounds that the compiler unrolls and
     * vectorizes. */
    if (L == 16)
        forward(tr, gap, n, sc, bk, 16);
    else if (L == 9)
        forward(tr, gap, n, sc, bk, 9);
    else
        forward(tr, gap, n, sc, bk, L);
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
