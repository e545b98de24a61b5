/* memo.c - the tagger's memory of a doc's distinct words (see memo.h). */
#include "memo.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "linear.h"

void kh_memo_init(kh_memo *m, size_t width)
{
    memset(m, 0, sizeof *m);
    m->width = width;
}

void kh_memo_use(kh_memo *m, const kh_tagrows *known)
{
    m->known = NULL;
    /* Without room for a batch's scores apart (kh_memo_score), it does
     * without the table: slower, the same results. */
    if (known && known->n_entries && known->width == m->width &&
        kh_vec_reserve(&m->batch, sizeof(int32_t) * m->width,
                       KH_MEMO_BATCH) == 0)
        m->known = known;
}

void kh_memo_free(kh_memo *m)
{
    free(m->slots);
    kh_vec_free(&m->entries);
    kh_vec_free(&m->keys);
    kh_vec_free(&m->rows);
    kh_vec_free(&m->batch);
    kh_memo_init(m, m->width);
}

/* Makes cap slots (at least twice as many as now, or 1024) and places
 * every entry. */
static int rehash(kh_memo *m, size_t cap)
{
    size_t i;
    uint32_t *slots;
    if (cap < 1024)
        cap = 1024;
    while (m->slots && cap < 2 * ((size_t)m->mask + 1))
        cap *= 2;
    if (cap > UINT32_MAX)
        return -1;
    slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (i = 0; i < m->entries.len; i++) {
        size_t s = kh_memo_entry_at(m, (long)i)->hash & (cap - 1);
        while (slots[s])
            s = (s + 1) & (cap - 1);
        slots[s] = (uint32_t)i + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->mask = (uint32_t)(cap - 1);
    return 0;
}

int kh_memo_reserve(kh_memo *m, size_t n)
{
    size_t cap = 1024;
    while (cap < 2 * (m->entries.len + n))
        cap *= 2;
    if (kh_vec_reserve(&m->entries, sizeof(kh_memo_entry), n) != 0 ||
        kh_vec_reserve(&m->rows, sizeof(int32_t) * m->width, n) != 0 ||
        kh_vec_reserve(&m->keys, 1, 8 * n) != 0)
        return -1;
    return m->slots && cap <= (size_t)m->mask + 1 ? 0 : rehash(m, cap);
}

/* The 8 bytes at s, as a number (in the machine's order: hashes and
 * comparisons only). */
static inline uint64_t load8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return x;
}

/* The last (at most 8) bytes of s[0 .. n), for n < 8 and n >= 8 alike. */
static inline uint64_t tail8(const char *s, size_t n)
{
    uint32_t lo, hi;
    uint64_t x = 0;
    size_t i;
    if (n >= 8)
        return load8(s + n - 8);
    if (n >= 4) {
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)hi << 32 | lo;
    }
    for (i = 0; i < n; i++)
        x = x << 8 | (unsigned char)s[i];
    return x;
}

/* The table's hash of (key, attr): eight bytes at a time, where
 * kh_feat_bytes() takes one (that, the entry's bytes, is computed only for
 * a new entry). Equal keys hash equally; the last word may overlap the one
 * before, and the length is mixed in. */
static inline uint64_t key_hash(const char *key, size_t n, uint64_t attr)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    size_t i;
    for (i = 0; i + 8 < n; i += 8) {
        h = (h ^ load8(key + i)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 29;
    }
    return kh_feat_mix(h ^ tail8(key, n), attr);
}

/* Whether a[0 .. n) and b[0 .. n) are the same bytes. */
static inline int same_key(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i + 8 < n; i += 8) {
        if (load8(a + i) != load8(b + i))
            return 0;
    }
    return tail8(a, n) == tail8(b, n);
}

uint64_t kh_memo_hash(const char *key, size_t n, uint64_t attr)
{
    return key_hash(key, n, attr);
}

long kh_memo_get(kh_memo *m, const char *key, size_t n, uint64_t attr,
                 int *fresh)
{
    const uint64_t h = key_hash(key, n, attr);
    const char *keys = m->keys.data;
    kh_memo_entry *e;
    size_t s;
    *fresh = 0;
    if (m->slots) {
        for (s = h & m->mask; m->slots[s]; s = (s + 1) & m->mask) {
            e = kh_memo_entry_at(m, (long)m->slots[s] - 1);
            if (e->hash == h && e->attr == attr && e->key_len == n &&
                same_key(keys + e->key, key, n))
                return (long)m->slots[s] - 1;
        }
    }
    /* A new entry: the slots at most half full. */
    if ((!m->slots || 2 * (m->entries.len + 1) > (size_t)m->mask + 1) &&
        rehash(m, 0) != 0)
        return -1;
    if (m->keys.len + n > UINT32_MAX ||
        (m->keys.len + n + 1 > m->keys.cap &&
         kh_vec_reserve(&m->keys, 1, n + 1) != 0) ||
        (m->rows.len == m->rows.cap &&
         kh_vec_reserve(&m->rows, sizeof(int32_t) * m->width, 1) != 0))
        return -1;
    e = kh_vec_push(&m->entries, sizeof *e);
    if (!e)
        return -1;
    e->hash = h;
    e->bytes = kh_feat_bytes(key, n);
    e->attr = attr;
    e->value = 0;
    e->key = (uint32_t)m->keys.len;
    e->key_len = (uint32_t)n;
    memcpy((char *)m->keys.data + m->keys.len, key, n);
    m->keys.len += n;
    m->rows.len++;
    for (s = h & m->mask; m->slots[s]; s = (s + 1) & m->mask)
        ;
    m->slots[s] = (uint32_t)m->entries.len;
    *fresh = 1;
    return (long)m->entries.len - 1;
}

size_t kh_memo_known(kh_memo *m, const long *ent, uint32_t *fresh_at,
                     size_t n)
{
    const kh_tagrows *t = m->known;
    const unsigned char *found[KH_MEMO_BATCH];
    size_t j0, j, kept = 0;
    if (!t)
        return n;
    for (j0 = 0; j0 < n; j0 += KH_MEMO_BATCH) {
        size_t nb = n - j0 < KH_MEMO_BATCH ? n - j0 : KH_MEMO_BATCH;
        /* Each a wait for memory: the slots of the batch asked for at
         * once, then the entries they point to, then read. */
        for (j = 0; j < nb; j++)
            kh_tagrows_prefetch_slot(
                t, kh_memo_entry_at(m, ent[fresh_at[j0 + j]])->hash);
        for (j = 0; j < nb; j++) {
            const kh_memo_entry *e = kh_memo_entry_at(m, ent[fresh_at[j0 + j]]);
            found[j] = kh_tagrows_probe(t, e->hash);
        }
        for (j = 0; j < nb; j++) {
            const kh_memo_entry *e = kh_memo_entry_at(m, ent[fresh_at[j0 + j]]);
            if (found[j])
                found[j] = kh_tagrows_check(
                    t, found[j], (const char *)m->keys.data + e->key,
                    e->key_len, e->attr);
        }
        for (j = 0; j < nb; j++) {
            const long i = ent[fresh_at[j0 + j]];
            int32_t *row, base;
            size_t k;
            if (!found[j]) {
                fresh_at[kept++] = fresh_at[j0 + j];
                continue;
            }
            memcpy(&kh_memo_entry_at(m, i)->value, found[j] + 8, 8);
            memcpy(&base, found[j] + 16, 4);
            row = kh_memo_rows(m, i);
            if (kh_tagrows_wide(found[j])) {
                memcpy(row, found[j] + KH_TAGROWS_HEAD, 4 * m->width);
                continue;
            }
            for (k = 0; k < m->width; k++) {
                int16_t v;
                memcpy(&v, found[j] + KH_TAGROWS_HEAD + 2 * k, 2);
                row[k] = base + v;
            }
        }
    }
    return kept;
}

void kh_memo_score(kh_memo *m, const kh_tagger *t, const long *ent,
                   const void *items, size_t item_size,
                   const uint32_t *fresh_at, size_t n,
                   int (*part)(const void *item, int p, uint64_t *f),
                   uint64_t *f)
{
    uint32_t off[KH_MEMO_BATCH * KH_MEMO_PARTS_MAX + 1];
    const int parts = (int)(m->width / t->n_labels);
    size_t j0, j;
    int p;
    for (j0 = 0; j0 < n; j0 += KH_MEMO_BATCH) {
        size_t nb = n - j0 < KH_MEMO_BATCH ? n - j0 : KH_MEMO_BATCH, k = 0;
        const long first = ent[fresh_at[j0]];
        int in_order = 1;
        off[0] = 0;
        for (j = j0; j < j0 + nb; j++) {
            const void *item = (const char *)items + fresh_at[j] * item_size;
            in_order &= ent[fresh_at[j]] == first + (long)(j - j0);
            for (p = 0; p < parts; p++, k++)
                off[k + 1] = off[k] + (uint32_t)part(item, p, f + off[k]);
        }
        if (in_order) {
            kh_tagger_emit_set(t, nb * (size_t)parts, f, off,
                               kh_memo_rows(m, first));
            continue;
        }
        /* Entries apart (those between came from the rows worked out
         * ahead, kh_memo_use made room): scored together all the same,
         * then put in place. */
        kh_tagger_emit_set(t, nb * (size_t)parts, f, off, m->batch.data);
        for (j = 0; j < nb; j++)
            memcpy(kh_memo_rows(m, ent[fresh_at[j0 + j]]),
                   (int32_t *)m->batch.data + j * m->width,
                   m->width * sizeof(int32_t));
    }
}

/* kh_memo_sum for any L: row by row. */
static void sum_plain(const kh_memo *m, size_t L, const long *ent, size_t n,
                      const int *at, int parts, int32_t *em)
{
    size_t i;
    int p;
    for (i = 0; i < n; i++) {
        int32_t *row = em + i * L;
        memcpy(row, kh_memo_rows(m, ent[i]), L * sizeof *row);
        for (p = 1; p < parts; p++) {
            size_t j = i + (size_t)(ptrdiff_t)at[p];
            if (j < n) /* j wraps round below 0 */
                kh_tag_row_add(row, kh_memo_rows(m, ent[j]) + (size_t)p * L, L);
        }
    }
}

#if defined(__SSE2__)
/* kh_memo_sum for 16 or 9 labels (two vectors of 4, and two more or a
 * scalar): a row summed in registers and written once. */
static inline __m128i load4(const int32_t *p)
{
    return _mm_loadu_si128((const __m128i *)(const void *)p);
}

static inline void put4(int32_t *p, __m128i v)
{
    _mm_storeu_si128((__m128i *)(void *)p, v);
}

static inline void sum_sse2(const kh_memo *m, const size_t L, const long *ent,
                            size_t n, const int *at, int parts, int32_t *em)
{
    const int32_t *rows = m->rows.data;
    const size_t width = m->width;
    size_t i;
    for (i = 0; i < n; i++, em += L) {
        const int32_t *r = rows + (size_t)ent[i] * width;
        __m128i a = load4(r), b = load4(r + 4), c = a, d = a;
        int32_t e = 0;
        int p;
        if (L == 16) {
            c = load4(r + 8);
            d = load4(r + 12);
        } else {
            e = r[8];
        }
        for (p = 1; p < parts; p++) {
            size_t j = i + (size_t)(ptrdiff_t)at[p];
            if (j >= n) /* j wraps round below 0 */
                continue;
            r = rows + (size_t)ent[j] * width + (size_t)p * L;
            a = _mm_add_epi32(a, load4(r));
            b = _mm_add_epi32(b, load4(r + 4));
            if (L == 16) {
                c = _mm_add_epi32(c, load4(r + 8));
                d = _mm_add_epi32(d, load4(r + 12));
            } else {
                e += r[8];
            }
        }
        put4(em, a);
        put4(em + 4, b);
        if (L == 16) {
            put4(em + 8, c);
            put4(em + 12, d);
        } else {
            em[8] = e;
        }
    }
}
#endif

void kh_memo_sum(const kh_memo *m, size_t L, const long *ent, size_t n,
                 const int *at, int parts, int32_t *em)
{
#if defined(__SSE2__)
    if (L == 16) {
        sum_sse2(m, 16, ent, n, at, parts, em);
        return;
    }
    if (L == 9) {
        sum_sse2(m, 9, ent, n, at, parts, em);
        return;
    }
#endif
    sum_plain(m, L, ent, n, at, parts, em);
}
