/* tagger.c - loading a sequence labeller and Viterbi decoding (tagger.h). */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../core/prefetch.h"

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
    free(s->keyed);
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
 * of the 9 or 16. Computed once per scratch and tagger, L^3 steps.
 *
 * For at most LANES labels, the tables of the SSE2 step (forward_sse2),
 * in rows of LANES (0 beyond L): after the gaps in the same block,
 *   gap_lanes[L * LANES]: gap[b * L + p] at [b * LANES + p],
 * and in s->keyed (whole numbers below 2^22, which floats hold exactly)
 *   keyed[(L + 1) * LANES]: trans[a][y] * 64 + 63 - a. */
#define LANES 16

static const int32_t *gaps(const kh_tagger *t, kh_tag_scratch *s)
{
    const size_t L = t->n_labels;
    const int16_t *tr = t->trans;
    const size_t lanes = L <= LANES ? L * LANES : 0;
    size_t b, p, y;
    if (s->gap && s->gap_of == tr)
        return s->gap;
    free(s->gap);
    free(s->keyed);
    s->gap_of = NULL;
    s->keyed = NULL;
    s->gap = malloc((L * L + lanes) * sizeof *s->gap);
    if (!s->gap)
        return NULL;
    if (lanes) {
        s->keyed = malloc((L + 1) * LANES * sizeof *s->keyed);
        if (!s->keyed)
            return NULL;
    }
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
    if (lanes) {
        int32_t *gl = s->gap + L * L;
        for (b = 0; b < L; b++) {
            for (p = 0; p < LANES; p++)
                gl[b * LANES + p] = p < L ? s->gap[b * L + p] : 0;
        }
        for (b = 0; b <= L; b++) {
            for (y = 0; y < LANES; y++)
                s->keyed[b * LANES + y] =
                    y < L ? (float)(tr[b * L + y] * 64 + 63 - (int32_t)b) : 0;
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

#if defined(__SSE2__)
/* The lowest set bit of x (not 0). */
static INLINE_ALWAYS unsigned low_bit(unsigned x)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctz(x);
#else
    unsigned k = 0;
    while (!(x >> k & 1))
        k++;
    return k;
#endif
}

/* max(a, b) of int32 lanes (SSE2 has no pmaxsd). */
static INLINE_ALWAYS __m128i max4(__m128i a, __m128i b)
{
    const __m128i gt = _mm_cmpgt_epi32(a, b);
    return _mm_or_si128(_mm_and_si128(gt, a), _mm_andnot_si128(gt, b));
}

/* 16 lanes of int32 in 4 vectors, each named, so that the compiler keeps
 * them in registers (it does not unroll loops over an array of 4 at
 * -O2). */
typedef struct lanes16 {
    __m128i a, b, c, d;
} lanes16;

static INLINE_ALWAYS __m128i load4(const int32_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* 16 lanes of floats, as lanes16. */
typedef struct flanes16 {
    __m128 a, b, c, d;
} flanes16;

/* k + the 16 lanes at p. */
static INLINE_ALWAYS flanes16 fadd16(__m128 k, const float *p)
{
    flanes16 r;
    r.a = _mm_add_ps(k, _mm_loadu_ps(p));
    r.b = _mm_add_ps(k, _mm_loadu_ps(p + 4));
    r.c = _mm_add_ps(k, _mm_loadu_ps(p + 8));
    r.d = _mm_add_ps(k, _mm_loadu_ps(p + 12));
    return r;
}

/* Bit y of the result set when lane y of v is set (all ones) or clear. */
static INLINE_ALWAYS unsigned bits16(lanes16 v)
{
    return (unsigned)_mm_movemask_epi8(_mm_packs_epi16(
        _mm_packs_epi32(v.a, v.b), _mm_packs_epi32(v.c, v.d)));
}

/* The lanes of e (emissions) whose bit in a is clear, BARRED. */
static INLINE_ALWAYS __m128i bar4(__m128i e, unsigned a)
{
    const __m128i bit = _mm_set_epi32(8, 4, 2, 1);
    const __m128i no = _mm_cmpeq_epi32(
        _mm_and_si128(_mm_set1_epi32((int)(a & 15)), bit), _mm_setzero_si128());
    return _mm_or_si128(_mm_and_si128(no, _mm_set1_epi32(BARRED)),
                        _mm_andnot_si128(no, e));
}

/* forward() for L <= LANES labels, the same choices by the same integer
 * arithmetic, on 16 lanes of int32 whatever L: lanes from L on score far
 * below any label (PAD), so that they are never the best nor live. The
 * previous row stays in registers; the rows of sc are read, never
 * written.
 *
 * A step keeps no label of its best previous apart: it takes the max of
 * keys prev[a] * 64 + keyed[a][y] = (prev[a] + trans[a][y]) * 64 + 63 - a
 * over the live labels a. The score is key >> 6 and the label 63 -
 * (key & 63): of equal scores, the lowest label has the largest key, so
 * the first best wins, as in best_previous(). A live label scores at
 * least -65535 (the most a gap can be), so the keys and their parts are
 * whole numbers of at most 23 bits and a sign, which floats add and
 * compare exactly (SSE2 has a max of floats, not of int32). allow: as
 * kh_tagger_viterbi, masked to the model's labels (all set: none barred).
 * Returns the best last label. */
#define PAD (-(1 << 29))

static INLINE_ALWAYS size_t forward_sse2(const int32_t *restrict tables,
                                         const float *restrict keyed,
                                         const uint64_t *restrict allow,
                                         uint64_t all, size_t n,
                                         const int32_t *restrict sc,
                                         uint8_t *restrict bk, const size_t L)
{
    const int32_t *gl = tables + L * L;
    const __m128i low6 = _mm_set1_epi32(63), zero = _mm_setzero_si128();
    int32_t prev[LANES], em[LANES];
    lanes16 pv = {zero, zero, zero, zero}, r;
    size_t i, y, top = 0;
    for (y = L; y < LANES; y++)
        em[y] = PAD;
    for (i = 0; i < n; i++) {
        const int32_t *e = sc + i * L;
        uint64_t a = allow ? allow[i] & all : 0;
        lanes16 key;
        __m128i m;
        if (L != LANES) {
            memcpy(em, e, L * sizeof *em);
            e = em;
        }
        if (i == 0) {
            /* From the start: label 0 is the one before every label. */
            const float *k0 = keyed + L * LANES;
            memset(bk, 0, L);
            key.a = _mm_cvttps_epi32(_mm_loadu_ps(k0));
            key.b = _mm_cvttps_epi32(_mm_loadu_ps(k0 + 4));
            key.c = _mm_cvttps_epi32(_mm_loadu_ps(k0 + 8));
            key.d = _mm_cvttps_epi32(_mm_loadu_ps(k0 + 12));
        } else {
            const int32_t *g = gl + top * LANES;
            const __m128i minus1 = _mm_set1_epi32(-1);
            unsigned live, b;
            flanes16 fk;
            lanes16 lab;
            uint8_t arg[LANES];
            key.a = _mm_cmpgt_epi32(_mm_add_epi32(pv.a, load4(g)), minus1);
            key.b = _mm_cmpgt_epi32(_mm_add_epi32(pv.b, load4(g + 4)), minus1);
            key.c = _mm_cmpgt_epi32(_mm_add_epi32(pv.c, load4(g + 8)), minus1);
            key.d = _mm_cmpgt_epi32(_mm_add_epi32(pv.d, load4(g + 12)), minus1);
            live = bits16(key);
            b = low_bit(live);
            fk = fadd16(_mm_set1_ps((float)(prev[b] * 64)), keyed + b * LANES);
            for (live &= live - 1; live; live &= live - 1) {
                flanes16 k;
                b = low_bit(live);
                k = fadd16(_mm_set1_ps((float)(prev[b] * 64)),
                           keyed + b * LANES);
                fk.a = _mm_max_ps(fk.a, k.a);
                fk.b = _mm_max_ps(fk.b, k.b);
                fk.c = _mm_max_ps(fk.c, k.c);
                fk.d = _mm_max_ps(fk.d, k.d);
            }
            key.a = _mm_cvttps_epi32(fk.a);
            key.b = _mm_cvttps_epi32(fk.b);
            key.c = _mm_cvttps_epi32(fk.c);
            key.d = _mm_cvttps_epi32(fk.d);
            lab.a = _mm_sub_epi32(low6, _mm_and_si128(key.a, low6));
            lab.b = _mm_sub_epi32(low6, _mm_and_si128(key.b, low6));
            lab.c = _mm_sub_epi32(low6, _mm_and_si128(key.c, low6));
            lab.d = _mm_sub_epi32(low6, _mm_and_si128(key.d, low6));
            _mm_storeu_si128((__m128i *)(void *)arg,
                             _mm_packus_epi16(_mm_packs_epi32(lab.a, lab.b),
                                              _mm_packs_epi32(lab.c, lab.d)));
            memcpy(bk + i * L, arg, L);
        }
        r.a = _mm_srai_epi32(key.a, 6);
        r.b = _mm_srai_epi32(key.b, 6);
        r.c = _mm_srai_epi32(key.c, 6);
        r.d = _mm_srai_epi32(key.d, 6);
        if (a && a != all) {
            r.a = _mm_add_epi32(r.a, bar4(load4(e), (unsigned)a));
            r.b = _mm_add_epi32(r.b, bar4(load4(e + 4), (unsigned)(a >> 4)));
            r.c = _mm_add_epi32(r.c, bar4(load4(e + 8), (unsigned)(a >> 8)));
            r.d = _mm_add_epi32(r.d, bar4(load4(e + 12), (unsigned)(a >> 12)));
        } else {
            r.a = _mm_add_epi32(r.a, load4(e));
            r.b = _mm_add_epi32(r.b, load4(e + 4));
            r.c = _mm_add_epi32(r.c, load4(e + 8));
            r.d = _mm_add_epi32(r.d, load4(e + 12));
        }
        /* Renormalize: the best scores 0 (see forward()). */
        m = max4(max4(r.a, r.b), max4(r.c, r.d));
        m = max4(m, _mm_shuffle_epi32(m, 0x4E));
        m = max4(m, _mm_shuffle_epi32(m, 0xB1));
        m = _mm_shuffle_epi32(m, 0);
        pv.a = _mm_sub_epi32(r.a, m);
        pv.b = _mm_sub_epi32(r.b, m);
        pv.c = _mm_sub_epi32(r.c, m);
        pv.d = _mm_sub_epi32(r.d, m);
        _mm_storeu_si128((__m128i *)(void *)prev, pv.a);
        _mm_storeu_si128((__m128i *)(void *)(prev + 4), pv.b);
        _mm_storeu_si128((__m128i *)(void *)(prev + 8), pv.c);
        _mm_storeu_si128((__m128i *)(void *)(prev + 12), pv.d);
        r.a = _mm_cmpeq_epi32(pv.a, zero);
        r.b = _mm_cmpeq_epi32(pv.b, zero);
        r.c = _mm_cmpeq_epi32(pv.c, zero);
        r.d = _mm_cmpeq_epi32(pv.d, zero);
        top = low_bit(bits16(r));
    }
    return top;
}
#endif

/* Viterbi's forward pass by forward(), after barring the labels not
 * allowed; returns the best last label. */
static size_t forward_plain(const int16_t *tr, const int32_t *gap,
                            const uint64_t *allow, uint64_t all, size_t n,
                            int32_t *sc, uint8_t *bk, size_t L)
{
    const int32_t *last = sc + (n - 1) * L;
    size_t i, y, best = 0;
    if (allow) {
        for (i = 0; i < n; i++) {
            int32_t *row = sc + i * L;
            uint64_t a = allow[i] & all;
            if (a && a != all) {
                for (y = 0; y < L; y++) {
                    if (!(a >> y & 1))
                        row[y] = BARRED;
                }
            }
        }
    }
    /* The label counts of the models shipped get copies of their own,
     * with constant loop bounds that the compiler unrolls and
     * vectorizes. */
    if (L == 16)
        forward(tr, gap, n, sc, bk, 16);
    else if (L == 9)
        forward(tr, gap, n, sc, bk, 9);
    else
        forward(tr, gap, n, sc, bk, L);
    for (y = 1; y < L; y++) {
        if (last[y] > last[best])
            best = y;
    }
    return best;
}

int kh_tagger_viterbi(const kh_tagger *t, size_t n, const uint64_t *allow,
                      uint8_t *labels, kh_tag_scratch *scratch)
{
    const size_t L = t->n_labels;
    const uint64_t all = L < 64 ? ((uint64_t)1 << L) - 1 : ~(uint64_t)0;
    const int32_t *gap;
    size_t i, best;
    if (n == 0)
        return 0;
    if (grow(scratch, n, L) != 0)
        return -1;
    gap = gaps(t, scratch);
    if (!gap)
        return -1;
#if defined(__SSE2__)
    /* As forward_plain(), copies for the label counts of the models
     * shipped. */
    if (L == 16)
        best = forward_sse2(gap, scratch->keyed, allow, all, n,
                            scratch->score, scratch->back, 16);
    else if (L == 9)
        best = forward_sse2(gap, scratch->keyed, allow, all, n,
                            scratch->score, scratch->back, 9);
    else if (L <= LANES)
        best = forward_sse2(gap, scratch->keyed, allow, all, n,
                            scratch->score, scratch->back, L);
    else
#endif
        best = forward_plain(t->trans, gap, allow, all, n, scratch->score,
                             scratch->back, L);
    for (i = n; i-- > 0;) {
        labels[i] = (uint8_t)best;
        best = scratch->back[i * L + best];
    }
    return 0;
}
