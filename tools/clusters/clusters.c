/*
 * clusters.c - hierarchical word clusters learned from raw text, for
 * khabar's taggers (data/clusters.kbm, read by src/tag/clusters.c).
 *
 *   build/khabar tokenize --format text CORPUS |
 *       clusters [-c 1000] [-m 5] [-i 30] [-b 12] -o data/clusters.kbm
 *
 * Input: the output of `khabar tokenize --format text`, one token a line
 * ("form<TAB>norm<TAB>kind<TAB>start<TAB>end"), an empty line after each
 * sentence. A word is the norm column (the search key), except that every
 * token of kind number, date, time, latin, url, email or mention becomes one
 * symbol of its kind: <NUM>, <DATE>, <TIME>, <LATIN>, <URL>, <EMAIL>,
 * <MENTION>. Tokens of kind invalid, and those whose norm is empty (a
 * tatweel used as a dash, a lone haraka), count as rare words.
 *
 * 1. Vocabulary: the words seen at least -m times (default 5), ordered by
 *    count (descending), then key bytes. Every rarer word is one pseudo-word
 *    <RARE>; sentence boundaries are a pseudo-word <S> (one between two
 *    sentences, one at each end). Each pseudo-word has a class of its own
 *    that never changes and never takes a word: they are context only.
 *
 * 2. Exchange clustering (Kneser & Ney 1993; Martin, Liermann & Ney 1998)
 *    of the two-sided class bigram model: maximize
 *        sum_{c,d} N(c,d) log N(c,d) - sum_c NL(c) log NL(c)
 *                                    - sum_d NR(d) log NR(d)
 *    (the average mutual information of adjacent classes, times the number
 *    of bigrams, up to a constant), where N(c,d) counts the bigrams of a
 *    word of class c followed by a word of class d, NL and NR its row and
 *    column sums. Initialization: the C most frequent words each open a
 *    class; every other word, in vocabulary order, joins the class that
 *    increases the objective most, given the words placed before it. Then
 *    passes over the vocabulary (same order) take each word out of its
 *    class and put it in the best one (it stays on ties; a class's last
 *    word never leaves it), until a pass moves fewer than 0.1% of the
 *    words or -i passes (default 30) are done. The gain of class c is
 *    computed exactly from the class counts of the word's left and right
 *    neighbours: O(C * distinct neighbour classes) per word.
 *
 * 3. Hierarchy: the C classes are merged bottom-up as Brown et al. (1992)
 *    merge words: each step merges the two clusters whose union loses the
 *    least mutual information (the loss table is kept up to date in O(C^2)
 *    per merge, as in Liang 2005), until one is left. To keep paths at most
 *    -b bits (default 12), a merge is allowed only while the roots can still
 *    be joined into a tree of that height: sum over roots of 2^height must
 *    stay <= 2^b (Kraft); merging the two lowest roots always is allowed, so
 *    the run never gets stuck. The path of a class is its branch from the
 *    root: 0 for the child with more tokens (ties: the older cluster), 1 for
 *    the other. Cluster ids number the leaves left to right.
 *
 * Deterministic: no randomness, every order fixed; the same input gives
 * the same bytes.
 *
 * Output (-o): a model file of kind "clusters", one section "clusters"
 * (layout in src/tag/clusters.h), written with its CRCs as
 * docs/model-format.md says, through a temporary file renamed into place.
 * -p FILE writes "path<TAB>word<TAB>count" lines (Liang's format), sorted by
 * path then count. --probe FILE prints, for each word of FILE (one search
 * key a line), its cluster and the 10 most frequent words of its cluster and
 * of its 8-bit prefix, as Markdown table rows.
 *
 * Build: cc -O2 -std=c11 -o build/clusters tools/clusters/clusters.c -lm
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* Utilities                                                                */
/* ------------------------------------------------------------------------ */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("clusters: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die("out of memory (%zu x %zu bytes)", n, size);
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory (%zu bytes)", n);
    return p;
}

static double t0;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "[%7.1fs] ", now() - t0);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* ------------------------------------------------------------------------ */
/* Word types: interned strings with counts                                 */
/* ------------------------------------------------------------------------ */

typedef struct {
    char *pool;
    size_t pool_len, pool_cap;
    uint64_t *off;   /* per type: offset in pool */
    uint32_t *len;   /* per type: byte length */
    uint64_t *count; /* per type: tokens */
    uint32_t n, cap;
    uint32_t *slots; /* type + 1, 0 = empty */
    uint32_t n_slots;
} types;

static const char *type_key(const types *t, uint32_t i)
{
    return t->pool + t->off[i];
}

static void types_grow_slots(types *t)
{
    uint32_t ns = t->n_slots ? t->n_slots * 2 : 1u << 16, i;
    uint32_t *s = xcalloc(ns, sizeof *s);
    for (i = 0; i < t->n; i++) {
        uint32_t h = fnv1a(type_key(t, i), t->len[i]) & (ns - 1);
        while (s[h])
            h = (h + 1) & (ns - 1);
        s[h] = i + 1;
    }
    free(t->slots);
    t->slots = s;
    t->n_slots = ns;
}

static uint32_t types_intern(types *t, const char *s, size_t n)
{
    uint32_t h, i;
    if ((uint64_t)(t->n + 1) * 2 > t->n_slots)
        types_grow_slots(t);
    h = fnv1a(s, n) & (t->n_slots - 1);
    while (t->slots[h]) {
        i = t->slots[h] - 1;
        if (t->len[i] == n && memcmp(type_key(t, i), s, n) == 0)
            return i;
        h = (h + 1) & (t->n_slots - 1);
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1u << 16;
        t->off = xrealloc(t->off, t->cap * sizeof *t->off);
        t->len = xrealloc(t->len, t->cap * sizeof *t->len);
        t->count = xrealloc(t->count, t->cap * sizeof *t->count);
    }
    if (t->pool_len + n + 1 > t->pool_cap) {
        while (t->pool_len + n + 1 > t->pool_cap)
            t->pool_cap = t->pool_cap ? t->pool_cap * 2 : 1u << 20;
        t->pool = xrealloc(t->pool, t->pool_cap);
    }
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = 0;
    i = t->n++;
    t->off[i] = t->pool_len;
    t->len[i] = (uint32_t)n;
    t->count[i] = 0;
    t->pool_len += n + 1;
    t->slots[h] = i + 1;
    return i;
}

/* ------------------------------------------------------------------------ */
/* Reading the tokenizer's output                                           */
/* ------------------------------------------------------------------------ */

#define BOUNDARY UINT32_MAX
#define INVALID (UINT32_MAX - 1)

typedef struct {
    uint32_t *v;
    size_t n, cap;
} u32vec;

static void u32_push(u32vec *a, uint32_t x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 1u << 20;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = x;
}

static const char *kind_symbol(const char *kind, size_t n)
{
    static const char *const map[][2] = {
        {"number", "<NUM>"},  {"date", "<DATE>"}, {"time", "<TIME>"},
        {"latin", "<LATIN>"}, {"url", "<URL>"},   {"email", "<EMAIL>"},
        {"mention", "<MENTION>"}};
    size_t i;
    for (i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strlen(map[i][0]) == n && memcmp(map[i][0], kind, n) == 0)
            return map[i][1];
    }
    return NULL;
}

/* Reads tokens into the stream (type ids, BOUNDARY after each sentence). */
static void read_tokens(FILE *f, types *t, u32vec *stream)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int in_sentence = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        char *norm, *kind, *end, *p;
        const char *sym;
        size_t nlen, klen;
        uint32_t id;
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (len == 0) {
            if (in_sentence)
                u32_push(stream, BOUNDARY);
            in_sentence = 0;
            continue;
        }
        end = line + len;
        p = memchr(line, '\t', len);
        if (!p)
            die("line %zu: not a token line", lineno);
        norm = p + 1;
        p = memchr(norm, '\t', (size_t)(end - norm));
        if (!p)
            die("line %zu: not a token line", lineno);
        nlen = (size_t)(p - norm);
        kind = p + 1;
        p = memchr(kind, '\t', (size_t)(end - kind));
        klen = p ? (size_t)(p - kind) : (size_t)(end - kind);
        if ((klen == 7 && memcmp(kind, "invalid", 7) == 0) || nlen == 0) {
            id = INVALID;
        } else {
            sym = kind_symbol(kind, klen);
            if (sym)
                id = types_intern(t, sym, strlen(sym));
            else
                id = types_intern(t, norm, nlen);
            t->count[id]++;
        }
        u32_push(stream, id);
        in_sentence = 1;
    }
    if (ferror(f))
        die("read error: %s", strerror(errno));
    if (in_sentence)
        u32_push(stream, BOUNDARY);
    free(line);
}

/* ------------------------------------------------------------------------ */
/* Vocabulary and bigrams                                                   */
/* ------------------------------------------------------------------------ */

static const types *sort_types;

static int cmp_type(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint32_t lx = sort_types->len[x], ly = sort_types->len[y];
    int r;
    if (sort_types->count[x] != sort_types->count[y])
        return sort_types->count[x] > sort_types->count[y] ? -1 : 1;
    r = memcmp(type_key(sort_types, x), type_key(sort_types, y),
               lx < ly ? lx : ly);
    if (r)
        return r;
    return lx < ly ? -1 : lx > ly;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The corpus as word ids 0..W-1: V real words, then <S> (V), <RARE> (V+1).
 * Bigrams are kept per word as neighbour lists without the word itself
 * (self-bigrams apart). */
typedef struct {
    uint32_t V, W;            /* real words, all words */
    uint32_t *type;           /* word -> type id (real words) */
    uint64_t *count;          /* word -> tokens (pseudo-words: bigram use) */
    uint64_t *succ_off;       /* CSR of right neighbours: W + 1 */
    uint32_t *succ_w, *succ_n;
    uint64_t *pred_off;       /* CSR of left neighbours */
    uint32_t *pred_w, *pred_n;
    uint32_t *self;           /* bigram (w, w) */
    uint64_t n_bigrams, n_pairs;
} corpus;

static void build_corpus(corpus *c, const types *t, const u32vec *stream,
                         uint64_t min_count)
{
    uint32_t *order = xmalloc((size_t)t->n * sizeof *order), *map, i, V = 0;
    uint64_t *pairs, np = 0, j, k, n_unique = 0;
    uint32_t S, R, prev;
    for (i = 0; i < t->n; i++) {
        if (t->count[i] >= min_count && t->len[i] <= 255)
            order[V++] = i;
    }
    sort_types = t;
    qsort(order, V, sizeof *order, cmp_type);
    c->V = V;
    c->W = V + 2;
    S = V;
    R = V + 1;
    c->type = order;
    c->count = xcalloc(c->W, sizeof *c->count);
    map = xmalloc((size_t)t->n * sizeof *map);
    for (i = 0; i < t->n; i++)
        map[i] = R;
    for (i = 0; i < V; i++) {
        map[order[i]] = i;
        c->count[i] = t->count[order[i]];
    }
    /* bigrams as (left << 32 | right) */
    pairs = xmalloc((stream->n + 2) * sizeof *pairs);
    prev = S;
    for (j = 0; j < stream->n; j++) {
        uint32_t x = stream->v[j], w;
        if (x == BOUNDARY) {
            if (prev != S)
                pairs[np++] = (uint64_t)prev << 32 | S;
            prev = S;
            continue;
        }
        w = x == INVALID ? R : map[x];
        if (w == R)
            c->count[R]++;
        pairs[np++] = (uint64_t)prev << 32 | w;
        prev = w;
    }
    if (prev != S)
        pairs[np++] = (uint64_t)prev << 32 | S;
    free(map);
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    c->n_bigrams = np;
    /* unique pairs with counts, in place: pairs[k] = key, cnt kept aside */
    {
        uint32_t *cnt = xmalloc((np + 1) * sizeof *cnt);
        uint64_t *pcount_l = xcalloc(c->W + 1, sizeof *pcount_l);
        uint64_t *pcount_r = xcalloc(c->W + 1, sizeof *pcount_r);
        uint64_t *fill;
        c->self = xcalloc(c->W, sizeof *c->self);
        for (j = 0; j < np; j = k) {
            for (k = j + 1; k < np && pairs[k] == pairs[j]; k++)
                ;
            pairs[n_unique] = pairs[j];
            cnt[n_unique] = (uint32_t)(k - j);
            n_unique++;
        }
        c->n_pairs = n_unique;
        for (j = 0; j < n_unique; j++) {
            uint32_t u = (uint32_t)(pairs[j] >> 32), v = (uint32_t)pairs[j];
            if (u == v) {
                c->self[u] = cnt[j];
                continue;
            }
            pcount_l[u + 1]++;
            pcount_r[v + 1]++;
        }
        for (i = 0; i < c->W; i++) {
            pcount_l[i + 1] += pcount_l[i];
            pcount_r[i + 1] += pcount_r[i];
        }
        c->succ_off = pcount_l;
        c->pred_off = pcount_r;
        c->succ_w = xmalloc((pcount_l[c->W] + 1) * sizeof *c->succ_w);
        c->succ_n = xmalloc((pcount_l[c->W] + 1) * sizeof *c->succ_n);
        c->pred_w = xmalloc((pcount_r[c->W] + 1) * sizeof *c->pred_w);
        c->pred_n = xmalloc((pcount_r[c->W] + 1) * sizeof *c->pred_n);
        fill = xmalloc((c->W + 1) * sizeof *fill);
        memcpy(fill, pcount_r, (c->W + 1) * sizeof *fill);
        k = 0;
        for (j = 0; j < n_unique; j++) {
            uint32_t u = (uint32_t)(pairs[j] >> 32), v = (uint32_t)pairs[j];
            if (u == v)
                continue;
            /* pairs are sorted by (u, v): successor lists fill in order */
            c->succ_w[k] = v;
            c->succ_n[k] = cnt[j];
            k++;
            c->pred_w[fill[v]] = u;
            c->pred_n[fill[v]] = cnt[j];
            fill[v]++;
        }
        free(fill);
        free(cnt);
    }
    free(pairs);
}

/* ------------------------------------------------------------------------ */
/* Exchange clustering                                                      */
/* ------------------------------------------------------------------------ */

#define FTAB (1u << 18)
static double *ftab;

/* x log x */
static inline double F(int64_t x)
{
    return x < (int64_t)FTAB ? ftab[x] : (double)x * log((double)x);
}

typedef struct {
    uint32_t C, K;           /* movable classes, all classes (C + 2) */
    int32_t *cls;            /* word -> class, -1 = not placed yet */
    int32_t *N, *NT;         /* N[a*K+b]: bigrams class a then b; NT its
                                transpose */
    int64_t *NL, *NR;        /* row and column sums */
    uint32_t *size;          /* words per class */
    /* scratch: the word's neighbour classes */
    int32_t *sd, *sv, *pd, *pv, *sdense, *pdense;
    uint32_t ns, np;
    int64_t tl, tr, self;
} exch;

/* Gathers the classes of w's placed neighbours (w itself excluded). */
static void gather(exch *x, const corpus *c, uint32_t w)
{
    uint64_t j;
    x->ns = x->np = 0;
    x->tl = x->tr = x->self = c->self[w];
    for (j = c->succ_off[w]; j < c->succ_off[w + 1]; j++) {
        int32_t d = x->cls[c->succ_w[j]];
        if (d < 0)
            continue;
        if (!x->sdense[d])
            x->sd[x->ns++] = d;
        x->sdense[d] += (int32_t)c->succ_n[j];
        x->tl += c->succ_n[j];
    }
    for (j = c->pred_off[w]; j < c->pred_off[w + 1]; j++) {
        int32_t d = x->cls[c->pred_w[j]];
        if (d < 0)
            continue;
        if (!x->pdense[d])
            x->pd[x->np++] = d;
        x->pdense[d] += (int32_t)c->pred_n[j];
        x->tr += c->pred_n[j];
    }
    for (j = 0; j < x->ns; j++)
        x->sv[j] = x->sdense[x->sd[j]];
    for (j = 0; j < x->np; j++)
        x->pv[j] = x->pdense[x->pd[j]];
}

static void ungather(exch *x)
{
    uint32_t j;
    for (j = 0; j < x->ns; j++)
        x->sdense[x->sd[j]] = 0;
    for (j = 0; j < x->np; j++)
        x->pdense[x->pd[j]] = 0;
}

/* Adds (sign 1) or removes (sign -1) the gathered word to/from class c. */
static void apply(exch *x, int32_t c, int sign)
{
    uint32_t j, K = x->K;
    for (j = 0; j < x->ns; j++) {
        int32_t d = x->sd[j], v = sign * x->sv[j];
        x->N[(size_t)c * K + d] += v;
        x->NT[(size_t)d * K + c] += v;
        x->NR[d] += v;
    }
    for (j = 0; j < x->np; j++) {
        int32_t d = x->pd[j], v = sign * x->pv[j];
        x->N[(size_t)d * K + c] += v;
        x->NT[(size_t)c * K + d] += v;
        x->NL[d] += v;
    }
    x->N[(size_t)c * K + c] += sign * (int32_t)x->self;
    x->NT[(size_t)c * K + c] += sign * (int32_t)x->self;
    x->NL[c] += sign * x->tl;
    x->NR[c] += sign * x->tr;
    x->size[c] += sign;
}

/* The change of the objective if the gathered (unplaced) word joins c. */
static double gain(const exch *x, uint32_t c)
{
    const int32_t *row = x->N + (size_t)c * x->K;
    const int32_t *col = x->NT + (size_t)c * x->K;
    double g = 0;
    int32_t scc = x->sdense[c], pcc = x->pdense[c], ncc = row[c];
    uint32_t j;
    for (j = 0; j < x->ns; j++) {
        int32_t a = row[x->sd[j]];
        g += F(a + x->sv[j]) - F(a);
    }
    for (j = 0; j < x->np; j++) {
        int32_t a = col[x->pd[j]];
        g += F(a + x->pv[j]) - F(a);
    }
    /* the cell (c, c) gets both sides and the self-bigrams at once */
    if (scc || pcc || x->self) {
        if (scc)
            g -= F(ncc + scc) - F(ncc);
        if (pcc)
            g -= F(ncc + pcc) - F(ncc);
        g += F((int64_t)ncc + scc + pcc + x->self) - F(ncc);
    }
    /* the margins: w's bigrams add tl to NL[c] and tr to NR[c]; its
     * neighbours' sides (pcc to NL[c], scc to NR[c], and the like for every
     * other class) are the same whatever c is, so they are left out */
    g -= F(x->NL[c] + pcc + x->tl) - F(x->NL[c] + pcc);
    g -= F(x->NR[c] + scc + x->tr) - F(x->NR[c] + scc);
    return g;
}

/* The best movable class for the gathered word; `stay` wins ties. */
static int32_t best_class(const exch *x, int32_t stay)
{
    double best = stay >= 0 ? gain(x, (uint32_t)stay) : -HUGE_VAL;
    int32_t bc = stay;
    uint32_t c;
    for (c = 0; c < x->C; c++) {
        double g;
        if ((int32_t)c == stay)
            continue;
        g = gain(x, c);
        if (bc < 0 || g > best + 1e-7 * (1 + fabs(best))) {
            best = g;
            bc = (int32_t)c;
        }
    }
    return bc;
}

/* Average mutual information of adjacent classes, in bits. */
static double class_mi(const exch *x, uint64_t total)
{
    double s = 0;
    size_t i, KK = (size_t)x->K * x->K;
    for (i = 0; i < KK; i++)
        s += F(x->N[i]);
    for (i = 0; i < x->K; i++)
        s -= F(x->NL[i]) + F(x->NR[i]);
    s += F((int64_t)total);
    return s / (double)total / log(2.0);
}

static void exchange(exch *x, const corpus *c, uint32_t C, int max_iter)
{
    uint32_t w, K = C + 2;
    int iter;
    x->C = C;
    x->K = K;
    x->cls = xmalloc(c->W * sizeof *x->cls);
    for (w = 0; w < c->W; w++)
        x->cls[w] = -1;
    x->N = xcalloc((size_t)K * K, sizeof *x->N);
    x->NT = xcalloc((size_t)K * K, sizeof *x->NT);
    x->NL = xcalloc(K, sizeof *x->NL);
    x->NR = xcalloc(K, sizeof *x->NR);
    x->size = xcalloc(K, sizeof *x->size);
    x->sd = xmalloc(K * sizeof *x->sd);
    x->sv = xmalloc(K * sizeof *x->sv);
    x->pd = xmalloc(K * sizeof *x->pd);
    x->pv = xmalloc(K * sizeof *x->pv);
    x->sdense = xcalloc(K, sizeof *x->sdense);
    x->pdense = xcalloc(K, sizeof *x->pdense);
    /* the pseudo-words first, in their fixed classes */
    for (w = c->V; w < c->W; w++) {
        int32_t k = (int32_t)(C + (w - c->V));
        gather(x, c, w);
        apply(x, k, 1);
        x->cls[w] = k;
        ungather(x);
    }
    /* then every word in vocabulary order */
    for (w = 0; w < c->V; w++) {
        int32_t k;
        gather(x, c, w);
        k = w < C ? (int32_t)w : best_class(x, -1);
        apply(x, k, 1);
        x->cls[w] = k;
        ungather(x);
        if (w && w % 20000 == 0)
            say("init: %u words placed", w);
    }
    say("init: MI %.4f bits", class_mi(x, c->n_bigrams));
    for (iter = 1; iter <= max_iter; iter++) {
        uint32_t moved = 0;
        for (w = 0; w < c->V; w++) {
            int32_t old = x->cls[w], k;
            if (x->size[old] == 1)
                continue;
            gather(x, c, w);
            apply(x, old, -1);
            x->cls[w] = -1;
            k = best_class(x, old);
            apply(x, k, 1);
            x->cls[w] = k;
            ungather(x);
            moved += k != old;
        }
        say("pass %d: %u words moved, MI %.4f bits", iter, moved,
            class_mi(x, c->n_bigrams));
        if ((uint64_t)moved * 1000 < c->V)
            break;
    }
}

/* ------------------------------------------------------------------------ */
/* Hierarchy: Brown merging of the classes                                  */
/* ------------------------------------------------------------------------ */

typedef struct {
    uint32_t C, K;
    double *M;          /* K x K bigram counts of current clusters */
    double *L, *R;      /* row / column sums */
    double T;
    unsigned char *live; /* movable clusters still roots */
    double *S;          /* per cluster: its MI terms (row + column) */
    double *loss;       /* C x C, i < j */
    int *height;
    uint32_t *node;     /* cluster slot -> tree node */
    uint64_t *tokens;   /* cluster slot -> word tokens */
} brown;

static inline double q(const brown *b, double n, double l, double r)
{
    return n > 0 ? n / b->T * log(n * b->T / (l * r)) : 0;
}

#define BM(b, i, j) ((b)->M[(size_t)(i) * (b)->K + (j)])

static int is_node(const brown *b, uint32_t d)
{
    return d >= b->C || b->live[d];
}

static double node_terms(const brown *b, uint32_t i)
{
    double s = -q(b, BM(b, i, i), b->L[i], b->R[i]);
    uint32_t d;
    for (d = 0; d < b->K; d++) {
        if (!is_node(b, d))
            continue;
        s += q(b, BM(b, i, d), b->L[i], b->R[d]) +
             q(b, BM(b, d, i), b->L[d], b->R[i]);
    }
    return s;
}

/* MI lost by merging clusters i and j. */
static double pair_loss(const brown *b, uint32_t i, uint32_t j)
{
    double lk = b->L[i] + b->L[j], rk = b->R[i] + b->R[j], after;
    double before = b->S[i] + b->S[j] - q(b, BM(b, i, j), b->L[i], b->R[j]) -
                    q(b, BM(b, j, i), b->L[j], b->R[i]);
    uint32_t d;
    after = q(b, BM(b, i, i) + BM(b, i, j) + BM(b, j, i) + BM(b, j, j), lk, rk);
    for (d = 0; d < b->K; d++) {
        if (d == i || d == j || !is_node(b, d))
            continue;
        after += q(b, BM(b, i, d) + BM(b, j, d), lk, b->R[d]) +
                 q(b, BM(b, d, i) + BM(b, d, j), b->L[d], rk);
    }
    return before - after;
}

typedef struct {
    uint32_t n_nodes;
    uint32_t *left, *right; /* internal node (>= C) children */
    uint64_t *tokens;
} tree;

static void agglomerate(brown *b, const exch *x, const corpus *c, tree *t,
                        int max_bits)
{
    uint32_t C = x->C, K = x->K, i, j, d, step;
    uint64_t kraft = C, cap = (uint64_t)1 << max_bits;
    double *u = xmalloc(C * sizeof *u), *v = xmalloc(C * sizeof *v);
    double *rowa = xmalloc(K * sizeof *rowa), *cola = xmalloc(K * sizeof *cola);
    if (C > cap)
        die("%u classes do not fit in paths of %d bits", C, max_bits);
    b->C = C;
    b->K = K;
    b->M = xmalloc((size_t)K * K * sizeof *b->M);
    for (i = 0; i < K * K; i++)
        b->M[i] = x->N[i];
    b->L = xmalloc(K * sizeof *b->L);
    b->R = xmalloc(K * sizeof *b->R);
    for (i = 0; i < K; i++) {
        b->L[i] = (double)x->NL[i];
        b->R[i] = (double)x->NR[i];
    }
    b->T = (double)c->n_bigrams;
    b->live = xmalloc(C);
    b->height = xcalloc(C, sizeof *b->height);
    b->node = xmalloc(C * sizeof *b->node);
    b->tokens = xcalloc(C, sizeof *b->tokens);
    t->n_nodes = 2 * C - 1;
    t->left = xcalloc(t->n_nodes, sizeof *t->left);
    t->right = xcalloc(t->n_nodes, sizeof *t->right);
    t->tokens = xcalloc(t->n_nodes, sizeof *t->tokens);
    for (i = 0; i < c->V; i++)
        b->tokens[x->cls[i]] += c->count[i];
    for (i = 0; i < C; i++) {
        b->live[i] = 1;
        b->node[i] = i;
        t->tokens[i] = b->tokens[i];
    }
    b->S = xmalloc(C * sizeof *b->S);
    for (i = 0; i < C; i++)
        b->S[i] = node_terms(b, i);
    b->loss = xmalloc((size_t)C * C * sizeof *b->loss);
    for (i = 0; i < C; i++)
        for (j = i + 1; j < C; j++)
            b->loss[(size_t)i * C + j] = pair_loss(b, i, j);
    say("merge table ready");
    for (step = 0; step + 1 < C; step++) {
        double best = HUGE_VAL, la, ra, lb, rb;
        uint32_t a = 0, bb = 0, keep, gone;
        uint64_t need;
        /* the cheapest merge that keeps the tree within max_bits */
        for (i = 0; i < C; i++) {
            if (!b->live[i])
                continue;
            for (j = i + 1; j < C; j++) {
                int h;
                if (!b->live[j])
                    continue;
                h = (b->height[i] > b->height[j] ? b->height[i]
                                                  : b->height[j]) + 1;
                need = kraft - ((uint64_t)1 << b->height[i]) -
                       ((uint64_t)1 << b->height[j]) + ((uint64_t)1 << h);
                if (need > cap)
                    continue;
                if (b->loss[(size_t)i * C + j] < best) {
                    best = b->loss[(size_t)i * C + j];
                    a = i;
                    bb = j;
                }
            }
        }
        if (best == HUGE_VAL)
            die("no merge allowed (cannot happen)");
        /* a keeps the merged cluster */
        la = b->L[a];
        ra = b->R[a];
        lb = b->L[bb];
        rb = b->R[bb];
        for (d = 0; d < K; d++) {
            rowa[d] = BM(b, a, d) + BM(b, bb, d);
            cola[d] = BM(b, d, a) + BM(b, d, bb);
        }
        rowa[a] = cola[a] = BM(b, a, a) + BM(b, a, bb) + BM(b, bb, a) +
                            BM(b, bb, bb);
        rowa[bb] = cola[bb] = 0;
        /* per cluster i: its terms with a and b before, with a' after */
        for (i = 0; i < C; i++) {
            if (!b->live[i] || i == a || i == bb)
                continue;
            u[i] = q(b, BM(b, i, a), b->L[i], ra) + q(b, BM(b, a, i), la, b->R[i]) +
                   q(b, BM(b, i, bb), b->L[i], rb) +
                   q(b, BM(b, bb, i), lb, b->R[i]);
            v[i] = q(b, cola[i], b->L[i], ra + rb) +
                   q(b, rowa[i], la + lb, b->R[i]);
        }
        /* update the loss of every pair that involves neither */
        for (i = 0; i < C; i++) {
            if (!b->live[i] || i == a || i == bb)
                continue;
            for (j = i + 1; j < C; j++) {
                double lk, rk, kold, knew, mia, mai, mib, mbi;
                if (!b->live[j] || j == a || j == bb)
                    continue;
                lk = b->L[i] + b->L[j];
                rk = b->R[i] + b->R[j];
                mia = BM(b, i, a) + BM(b, j, a);
                mai = BM(b, a, i) + BM(b, a, j);
                mib = BM(b, i, bb) + BM(b, j, bb);
                mbi = BM(b, bb, i) + BM(b, bb, j);
                kold = q(b, mia, lk, ra) + q(b, mai, la, rk) +
                       q(b, mib, lk, rb) + q(b, mbi, lb, rk);
                knew = q(b, mia + mib, lk, ra + rb) +
                       q(b, mai + mbi, la + lb, rk);
                b->loss[(size_t)i * C + j] +=
                    (v[i] - u[i]) + (v[j] - u[j]) - (knew - kold);
            }
        }
        /* merge bb into a */
        for (d = 0; d < K; d++) {
            BM(b, a, d) = rowa[d];
            BM(b, d, a) = cola[d];
            BM(b, bb, d) = 0;
            BM(b, d, bb) = 0;
        }
        b->L[a] = la + lb;
        b->R[a] = ra + rb;
        b->L[bb] = b->R[bb] = 0;
        b->live[bb] = 0;
        for (i = 0; i < C; i++) {
            if (b->live[i] && i != a)
                b->S[i] += v[i] - u[i];
        }
        b->S[a] = node_terms(b, a);
        /* the tree: the child with more tokens takes bit 0 */
        {
            uint32_t n = C + step, na = b->node[a], nb = b->node[bb];
            keep = na;
            gone = nb;
            if (t->tokens[nb] > t->tokens[na]) {
                keep = nb;
                gone = na;
            }
            t->left[n] = keep;
            t->right[n] = gone;
            t->tokens[n] = t->tokens[na] + t->tokens[nb];
            kraft -= ((uint64_t)1 << b->height[a]) +
                     ((uint64_t)1 << b->height[bb]);
            b->height[a] = (b->height[a] > b->height[bb] ? b->height[a]
                                                         : b->height[bb]) + 1;
            kraft += (uint64_t)1 << b->height[a];
            b->node[a] = n;
        }
        for (j = 0; j < C; j++) {
            if (!b->live[j] || j == a)
                continue;
            if (j < a)
                b->loss[(size_t)j * C + a] = pair_loss(b, j, a);
            else
                b->loss[(size_t)a * C + j] = pair_loss(b, a, j);
        }
        if ((step + 1) % 100 == 0)
            say("merge %u: loss %.5f bits, height %d", step + 1,
                best / log(2.0), b->height[a]);
    }
    free(u);
    free(v);
    free(rowa);
    free(cola);
}

/* Paths of the leaves (classes 0..C-1) and their ids in left-to-right
 * order. */
static void assign_paths(const tree *t, uint32_t C, uint32_t *path,
                         uint8_t *plen, uint16_t *id)
{
    uint32_t *stack = xmalloc(2 * C * sizeof *stack);
    uint32_t *sp = xmalloc(2 * C * sizeof *sp);
    uint8_t *sl = xmalloc(2 * C);
    uint32_t top = 0, next = 0;
    stack[top] = t->n_nodes - 1;
    sp[top] = 0;
    sl[top] = 0;
    top++;
    if (C == 1) {
        stack[0] = 0;
    }
    while (top) {
        uint32_t n, p;
        uint8_t l;
        top--;
        n = stack[top];
        p = sp[top];
        l = sl[top];
        if (n < C) {
            path[n] = p;
            plen[n] = l;
            id[n] = (uint16_t)next++;
            continue;
        }
        /* push right first so that the left subtree is numbered first */
        stack[top] = t->right[n];
        sp[top] = p << 1 | 1;
        sl[top] = (uint8_t)(l + 1);
        top++;
        stack[top] = t->left[n];
        sp[top] = p << 1;
        sl[top] = (uint8_t)(l + 1);
        top++;
    }
    free(stack);
    free(sp);
    free(sl);
}

/* ------------------------------------------------------------------------ */
/* Output                                                                   */
/* ------------------------------------------------------------------------ */

typedef struct {
    unsigned char *d;
    size_t n, cap;
} buf;

static void put(buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        while (b->n + n > b->cap)
            b->cap = b->cap ? b->cap * 2 : 4096;
        b->d = xrealloc(b->d, b->cap);
    }
    memcpy(b->d + b->n, p, n);
    b->n += n;
}

static void put_u8(buf *b, uint8_t v) { put(b, &v, 1); }

static void put_u32(buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8),
                          (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
    put(b, x, 4);
}

static void put_u64(buf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

static void put_tag(buf *b, const char *s)
{
    char t[16] = {0};
    memcpy(t, s, strlen(s));
    put(b, t, 16);
}

static void pad_to(buf *b, size_t a)
{
    while (b->n % a)
        put_u8(b, 0);
}

static uint32_t crc32_ieee(const unsigned char *p, size_t n)
{
    static uint32_t tab[256];
    uint32_t c = 0xFFFFFFFFu;
    if (!tab[1]) {
        uint32_t i, k, v;
        for (i = 0; i < 256; i++) {
            v = i;
            for (k = 0; k < 8; k++)
                v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
            tab[i] = v;
        }
    }
    while (n--)
        c = tab[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* A container with one section (docs/model-format.md). */
static void write_kbm(const char *path, const char *kind, const char *tag,
                      const buf *sec)
{
    buf f = {0};
    char *tmp = xmalloc(strlen(path) + 8);
    FILE *out;
    size_t start;
    put(&f, "KHBRMDL", 8);
    put_u32(&f, 1);
    put_u32(&f, 1);
    put_tag(&f, kind);
    start = 32 + 40;
    start += (8 - start % 8) % 8;
    put_tag(&f, tag);
    put_u64(&f, start);
    put_u64(&f, sec->n);
    put_u32(&f, crc32_ieee(sec->d, sec->n));
    put_u32(&f, 0);
    pad_to(&f, 8);
    put(&f, sec->d, sec->n);
    pad_to(&f, 8);
    put_u32(&f, crc32_ieee(f.d, f.n));
    sprintf(tmp, "%s.tmp", path);
    out = fopen(tmp, "wb");
    if (!out || fwrite(f.d, 1, f.n, out) != f.n || fclose(out) != 0)
        die("%s: %s", tmp, strerror(errno));
    if (rename(tmp, path) != 0)
        die("%s: %s", path, strerror(errno));
    say("wrote %s: %zu bytes", path, f.n);
    free(tmp);
    free(f.d);
}

static const types *out_types;
static const corpus *out_corpus;

static int cmp_key(const void *pa, const void *pb)
{
    uint32_t a = out_corpus->type[*(const uint32_t *)pa];
    uint32_t b = out_corpus->type[*(const uint32_t *)pb];
    uint32_t la = out_types->len[a], lb = out_types->len[b];
    int r = memcmp(type_key(out_types, a), type_key(out_types, b),
                   la < lb ? la : lb);
    if (r)
        return r;
    return la < lb ? -1 : la > lb;
}

/*
 * Section "clusters" (see src/tag/clusters.h):
 *   u32 version 2, u32 n_entries, u32 n_slots, u32 n_clusters,
 *   u32 pool_size, u32 max_path_len,
 *   slots[n_slots], 32 bytes each: u32 key, u16 cluster, u16 path,
 *       u8 key_len, u8 path_len, u16 reserved, the key's first INLINE
 *       bytes 0-padded (all 0: empty), placed by linear probing
 *   pool[pool_size]: the keys, sorted by their bytes
 */
#define INLINE 20 /* KH_CLUSTERS_INLINE */
#define SLOT 32

static void write_model(const char *path, const corpus *c, const types *t,
                        const exch *x, const uint32_t *cpath,
                        const uint8_t *cplen, const uint16_t *cid)
{
    uint32_t n = c->V, i, n_slots = 1, pool = 0, *order, maxlen = 0;
    unsigned char *slots;
    buf s = {0};
    order = xmalloc(n * sizeof *order);
    for (i = 0; i < n; i++)
        order[i] = i;
    out_types = t;
    out_corpus = c;
    qsort(order, n, sizeof *order, cmp_key);
    while (n_slots < n + n / 2 || n_slots <= n)
        n_slots *= 2;
    slots = xcalloc(n_slots, SLOT);
    for (i = 0; i < x->C; i++)
        if (cplen[i] > maxlen)
            maxlen = cplen[i];
    for (i = 0; i < n; i++)
        pool += t->len[c->type[order[i]]];
    put_u32(&s, 2);
    put_u32(&s, n);
    put_u32(&s, n_slots);
    put_u32(&s, x->C);
    put_u32(&s, pool);
    put_u32(&s, maxlen);
    pool = 0;
    for (i = 0; i < n; i++) {
        uint32_t w = order[i], ty = c->type[w], h, len = t->len[ty];
        int32_t k = x->cls[w];
        unsigned char *e;
        h = fnv1a(type_key(t, ty), len) & (n_slots - 1);
        while (slots[(size_t)h * SLOT + 8])
            h = (h + 1) & (n_slots - 1);
        e = slots + (size_t)h * SLOT;
        /* Little-endian, field by field. */
        e[0] = (unsigned char)pool;
        e[1] = (unsigned char)(pool >> 8);
        e[2] = (unsigned char)(pool >> 16);
        e[3] = (unsigned char)(pool >> 24);
        e[4] = (unsigned char)cid[k];
        e[5] = (unsigned char)(cid[k] >> 8);
        e[6] = (unsigned char)cpath[k];
        e[7] = (unsigned char)(cpath[k] >> 8);
        e[8] = (unsigned char)len;
        e[9] = cplen[k];
        memcpy(e + 12, type_key(t, ty), len < INLINE ? len : INLINE);
        pool += len;
    }
    put(&s, (const char *)slots, (size_t)n_slots * SLOT);
    for (i = 0; i < n; i++) {
        uint32_t ty = c->type[order[i]];
        put(&s, type_key(t, ty), t->len[ty]);
    }
    write_kbm(path, "clusters", "clusters", &s);
    say("%u entries, %u slots, pool %u bytes, paths up to %u bits", n,
        n_slots, pool, maxlen);
    free(s.d);
    free(slots);
    free(order);
}

static void bits_str(char *out, uint32_t p, int len)
{
    int i;
    for (i = 0; i < len; i++)
        out[i] = (char)('0' + ((p >> (len - 1 - i)) & 1));
    out[len] = 0;
}

static const exch *px;
static const uint32_t *ppath;
static const uint8_t *pplen;

static int cmp_path_word(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    int32_t ka = px->cls[a], kb = px->cls[b];
    char sa[33], sb[33];
    int r;
    bits_str(sa, ppath[ka], pplen[ka]);
    bits_str(sb, ppath[kb], pplen[kb]);
    r = strcmp(sa, sb);
    if (r)
        return r;
    return a < b ? -1 : a > b; /* word ids are in count order */
}

static void write_paths(const char *path, const corpus *c, const types *t,
                        const exch *x, const uint32_t *cpath,
                        const uint8_t *cplen)
{
    uint32_t *order = xmalloc(c->V * sizeof *order), i;
    FILE *f = fopen(path, "w");
    if (!f)
        die("%s: %s", path, strerror(errno));
    for (i = 0; i < c->V; i++)
        order[i] = i;
    px = x;
    ppath = cpath;
    pplen = cplen;
    qsort(order, c->V, sizeof *order, cmp_path_word);
    for (i = 0; i < c->V; i++) {
        uint32_t w = order[i];
        int32_t k = x->cls[w];
        char bits[33];
        bits_str(bits, cpath[k], cplen[k]);
        fprintf(f, "%s\t%s\t%llu\n", bits, type_key(t, c->type[w]),
                (unsigned long long)c->count[w]);
    }
    if (fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
    free(order);
}

/* A word in a Markdown table cell: | escaped. */
static void md_word(const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            putchar('\\');
        putchar(*s);
    }
}

/* The first k bits of a path, as kh_clusters_prefix() takes them: the whole
 * path when it is shorter (the length then tells the groups apart). */
static uint32_t prefix_key(uint32_t path, int len, int k)
{
    return len > k ? path >> (len - k) : (path | 1u << 31) + ((uint32_t)len << 24);
}

/* Markdown rows: word | id | path | cluster words | 8-bit prefix words. */
static void probe(const char *file, const corpus *c, const types *t,
                  const exch *x, const uint32_t *cpath, const uint8_t *cplen,
                  const uint16_t *cid)
{
    FILE *f = fopen(file, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    if (!f)
        die("%s: %s", file, strerror(errno));
    printf("| word | cluster | path | 10 most frequent words of the cluster "
           "| 10 most frequent words of the 8-bit prefix |\n");
    printf("|---|---|---|---|---|\n");
    while ((len = getline(&line, &cap, f)) >= 0) {
        uint32_t w, n, found = UINT32_MAX, pre;
        int32_t k;
        char bits[33];
        int pass;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!len)
            continue;
        for (w = 0; w < c->V; w++) {
            uint32_t ty = c->type[w];
            if (t->len[ty] == (size_t)len &&
                memcmp(type_key(t, ty), line, (size_t)len) == 0) {
                found = w;
                break;
            }
        }
        printf("| ");
        md_word(line);
        if (found == UINT32_MAX) {
            printf(" | - | - | (not in the vocabulary) | |\n");
            continue;
        }
        k = x->cls[found];
        bits_str(bits, cpath[k], cplen[k]);
        printf(" | %u | %s |", cid[k], bits);
        pre = prefix_key(cpath[k], cplen[k], 8);
        for (pass = 0; pass < 2; pass++) {
            n = 0;
            for (w = 0; w < c->V && n < 10; w++) {
                int32_t kw = x->cls[w];
                if (pass == 0 ? kw != k
                              : prefix_key(cpath[kw], cplen[kw], 8) != pre)
                    continue;
                printf("%s", n ? "، " : " ");
                md_word(type_key(t, c->type[w]));
                n++;
            }
            printf(" |");
        }
        printf("\n");
    }
    free(line);
    fclose(f);
}

/* ------------------------------------------------------------------------ */

static void usage(void)
{
    fputs("usage: clusters [-c CLASSES] [-m MIN_COUNT] [-i MAX_PASSES] "
          "[-b MAX_BITS]\n"
          "                [-o OUT.kbm] [-p PATHS.txt] [--probe WORDS] "
          "[TOKENS]\n"
          "TOKENS: output of `khabar tokenize --format text` (stdin if "
          "absent)\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *in = NULL, *out = NULL, *paths = NULL, *probes = NULL;
    long C = 1000, min_count = 5, max_iter = 30, max_bits = 12;
    types t = {0};
    u32vec stream = {0};
    corpus c = {0};
    exch x = {0};
    brown b = {0};
    tree tr = {0};
    uint32_t *cpath, i;
    uint8_t *cplen;
    uint16_t *cid;
    int a;
    FILE *f;
    t0 = now();
    for (a = 1; a < argc; a++) {
        const char *s = argv[a];
        if (!strcmp(s, "-c") && a + 1 < argc)
            C = atol(argv[++a]);
        else if (!strcmp(s, "-m") && a + 1 < argc)
            min_count = atol(argv[++a]);
        else if (!strcmp(s, "-i") && a + 1 < argc)
            max_iter = atol(argv[++a]);
        else if (!strcmp(s, "-b") && a + 1 < argc)
            max_bits = atol(argv[++a]);
        else if (!strcmp(s, "-o") && a + 1 < argc)
            out = argv[++a];
        else if (!strcmp(s, "-p") && a + 1 < argc)
            paths = argv[++a];
        else if (!strcmp(s, "--probe") && a + 1 < argc)
            probes = argv[++a];
        else if (s[0] == '-' && s[1])
            usage();
        else if (!in)
            in = s;
        else
            usage();
    }
    if (C < 2 || C > 65535 || min_count < 1 || max_iter < 0 || max_bits < 1 ||
        max_bits > 16)
        usage();
    ftab = xmalloc(FTAB * sizeof *ftab);
    ftab[0] = 0;
    for (i = 1; i < FTAB; i++)
        ftab[i] = (double)i * log((double)i);
    f = in ? fopen(in, "r") : stdin;
    if (!f)
        die("%s: %s", in, strerror(errno));
    read_tokens(f, &t, &stream);
    if (in)
        fclose(f);
    say("read %zu tokens and boundaries, %u types", stream.n, t.n);
    build_corpus(&c, &t, &stream, (uint64_t)min_count);
    free(stream.v);
    say("vocabulary: %u words with count >= %ld; %llu bigrams, %llu distinct",
        c.V, min_count, (unsigned long long)c.n_bigrams,
        (unsigned long long)c.n_pairs);
    if (c.V < (uint32_t)C)
        die("only %u words for %ld classes", c.V, C);
    exchange(&x, &c, (uint32_t)C, (int)max_iter);
    agglomerate(&b, &x, &c, &tr, (int)max_bits);
    cpath = xcalloc((size_t)C, sizeof *cpath);
    cplen = xcalloc((size_t)C, 1);
    cid = xcalloc((size_t)C, sizeof *cid);
    assign_paths(&tr, (uint32_t)C, cpath, cplen, cid);
    if (out)
        write_model(out, &c, &t, &x, cpath, cplen, cid);
    if (paths)
        write_paths(paths, &c, &t, &x, cpath, cplen);
    if (probes)
        probe(probes, &c, &t, &x, cpath, cplen, cid);
    say("done");
    return 0;
}
