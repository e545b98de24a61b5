/*
 * lemmatize.c - edit scripts, features and the choice of a lemma (see
 * lemmatize.h). The trainer (tools/train/train_lemmatizer.c) uses the same
 * scripts and features, so what is learned is what runs.
 */
#include "lemmatize.h"

#include <string.h>

#include "../core/error.h"
#include "morph.h"

#define ALEF 0x0627
#define LAM 0x0644

enum { NODE_MATCH = 0, NODE_SUBST = 1 };

/* ------------------------------------------------------------------------ */
/* Scripts                                                                  */
/* ------------------------------------------------------------------------ */

/* Applies the tree at code[*pos] (checked) to w[0, n), appending to out. */
static int apply_tree(const uint32_t *code, uint32_t *pos, const uint32_t *w,
                      int n, uint32_t *out, int *k, int max)
{
    uint32_t tag = code[*pos], a = code[*pos + 1], b = code[*pos + 2];
    *pos += 3;
    if (tag == NODE_SUBST) {
        const uint32_t *from = code + *pos, *to = from + a;
        *pos += a + b;
        if ((uint32_t)n != a || (a && memcmp(w, from, a * sizeof *w) != 0) ||
            *k + (int)b > max)
            return -1;
        memcpy(out + *k, to, b * sizeof *to);
        *k += (int)b;
        return 0;
    }
    /* A match: a letters edited, the middle kept, b letters edited. */
    if ((int)(a + b) >= n)
        return -1;
    if (apply_tree(code, pos, w, (int)a, out, k, max) != 0)
        return -1;
    if (*k + n - (int)(a + b) > max)
        return -1;
    memcpy(out + *k, w + a, (size_t)(n - (int)(a + b)) * sizeof *w);
    *k += n - (int)(a + b);
    return apply_tree(code, pos, w + n - b, (int)b, out, k, max);
}

int kh_lem_apply(const uint32_t *code, const uint32_t *offsets, uint32_t i,
                 const uint32_t *host, int n, uint32_t *out, int max)
{
    uint32_t pos = offsets[i];
    int k = 0;
    if (code[pos++] & KH_LEM_ARTICLE) {
        if (n < 4 || host[0] != ALEF || host[1] != LAM)
            return -1;
        host += 2;
        n -= 2;
    }
    if (apply_tree(code, &pos, host, n, out, &k, max) != 0)
        return -1;
    return k;
}

/* Parses the tree at code[*pos] within [.., end); returns 0 or -1. */
static int check_tree(const uint32_t *code, uint32_t end, uint32_t *pos,
                      int depth)
{
    uint32_t tag, a, b;
    if (depth > KH_LEM_DEPTH || end - *pos < 3)
        return -1;
    tag = code[*pos];
    a = code[*pos + 1];
    b = code[*pos + 2];
    *pos += 3;
    if (a > KH_LEM_MAX || b > KH_LEM_MAX)
        return -1;
    if (tag == NODE_SUBST) {
        uint32_t j;
        if (end - *pos < a + b)
            return -1;
        for (j = 0; j < a + b; j++) {
            uint32_t c = code[*pos + j];
            if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                return -1;
        }
        *pos += a + b;
        return 0;
    }
    if (tag != NODE_MATCH)
        return -1;
    if (check_tree(code, end, pos, depth + 1) != 0)
        return -1;
    return check_tree(code, end, pos, depth + 1);
}

int kh_lem_check_scripts(const uint32_t *code, uint32_t code_size,
                         const uint32_t *offsets, uint32_t n_scripts)
{
    static const uint32_t identity[10] = {0, NODE_MATCH, 0, 0, NODE_SUBST,
                                          0, 0, NODE_SUBST, 0, 0};
    uint32_t i;
    if (n_scripts == 0 || offsets[0] != 0 || offsets[n_scripts] != code_size)
        return -1;
    for (i = 0; i < n_scripts; i++) {
        uint32_t pos = offsets[i], end = offsets[i + 1];
        if (end < pos || end > code_size || end - pos < 4 || code[pos] > 1)
            return -1;
        pos++;
        if (check_tree(code, end, &pos, 0) != 0 || pos != end)
            return -1;
    }
    if (offsets[1] != 10 || memcmp(code, identity, sizeof identity) != 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Features                                                                 */
/* ------------------------------------------------------------------------ */

/* 0 for unseen, else 1 + log2(count + 1), at most 24. */
static unsigned count_bucket(const kh_lex_entry *e)
{
    unsigned b = 1;
    uint32_t c;
    if (!e || !(e->flags & KH_LEX_TOKEN))
        return 0;
    c = e->count;
    while (c > 1 && b < 24) {
        c >>= 1;
        b++;
    }
    return b;
}

/* The entry of the folded letters; *hidden tells whether its analyses are
 * to be ignored. key receives the folded UTF-8 (room for 4 * n bytes). */
static const kh_lex_entry *find(const kh_lexicon *lex, const uint32_t *cp,
                                int n, const kh_lem_hide *hide, int *hidden)
{
    uint32_t folded[KH_LEM_MAX];
    char key[4 * KH_LEM_MAX];
    size_t len;
    int i;
    *hidden = 0;
    if (!lex || !lex->n_slots || n <= 0 || n > KH_LEM_MAX)
        return NULL;
    for (i = 0; i < n; i++)
        folded[i] = kh_morph_fold(cp[i]);
    len = kh_seg_utf8(folded, n, key);
    if (hide && hide->hidden)
        *hidden = hide->hidden(hide->ctx, key, len);
    return kh_lexicon_find(lex, key, len);
}

void kh_lem_word_init(kh_lem_word *w, const kh_lexicon *lex,
                      const uint32_t *host, int n, const kh_lem_hide *hide)
{
    int hidden;
    w->cp = host;
    w->n = n;
    w->entry = find(lex, host, n, hide, &hidden);
    w->analyzed = w->entry && w->entry->n_analyses && !hidden;
    w->bucket = count_bucket(w->entry);
}

/* How a lemma compares with the analyses of an entry: 1 it is the first
 * analysis's lemma, 2 another's, 4 none; its part of speech in *upos (0
 * when none). */
static int match_lemma(const kh_lexicon *lex, const kh_lex_entry *e,
                       const char *u, size_t un, int *upos)
{
    uint16_t j;
    *upos = 0;
    for (j = 0; j < e->n_analyses; j++) {
        const kh_lex_analysis *a = &lex->analyses[e->analyses + j];
        if (a->lemma_len == un && memcmp(lex->pool + a->lemma, u, un) == 0) {
            *upos = a->upos;
            return j == 0 ? 1 : 2;
        }
    }
    return 4;
}

/* Mixes letters into h. */
static uint64_t mix_letters(uint64_t h, const uint32_t *cp, int n)
{
    int i;
    for (i = 0; i < n; i++)
        h = kh_feat_mix(h, cp[i]);
    return kh_feat_mix(h, (uint64_t)n);
}

int kh_lem_features(const kh_lexicon *lex, const kh_lem_word *w, uint32_t i,
                    const uint32_t *r, int rn, const kh_lem_hide *hide,
                    uint64_t *f)
{
    char u[4 * KH_LEM_MAX];
    size_t un;
    int k = 0, j, hidden, lemma_st = 0, input_st = 0, upos = 0, iupos = 0;
    int identity = i == 0, diff, n = w->n;
    const kh_lex_entry *e = find(lex, r, rn, hide, &hidden);
    unsigned rb = count_bucket(e);
    uint64_t base = kh_feat_mix(kh_feat(1), i);
    un = rn <= KH_LEM_MAX ? kh_seg_utf8(r, rn, u) : 0;
    /* Is the candidate a lemma PADT has, of some word (its own form)? */
    if (e && e->n_analyses && !hidden && un)
        lemma_st = match_lemma(lex, e, u, un, &upos);
    /* Is it a lemma PADT gave this very host? */
    if (w->analyzed && un)
        input_st = match_lemma(lex, w->entry, u, un, &iupos);
    diff = (int)rb - (int)w->bucket;
    if (diff < -6)
        diff = -6;
    if (diff > 6)
        diff = 6;
    f[k++] = base;
    for (j = 1; j <= 4 && j <= n; j++)
        f[k++] = mix_letters(kh_feat_mix(kh_feat(2), i), w->cp + n - j, j);
    for (j = 1; j <= 3 && j <= n; j++)
        f[k++] = mix_letters(kh_feat_mix(kh_feat(3), i), w->cp, j);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 4), (uint64_t)(n < 12 ? n : 12));
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(5), (uint64_t)identity), rb);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 6), rb);
    f[k++] = kh_feat_mix(kh_feat(7), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 8), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat(9), (uint64_t)input_st);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 10), (uint64_t)input_st);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(11), (uint64_t)lemma_st),
                         (uint64_t)upos);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 12), (uint64_t)upos);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(13), (uint64_t)identity),
                         (uint64_t)(diff + 8));
    f[k++] = kh_feat_mix(kh_feat_mix(base, 14), (uint64_t)(diff + 8));
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(15), (uint64_t)lemma_st),
                         (uint64_t)input_st);
    f[k++] = kh_feat_mix(kh_feat(16), (uint64_t)(rn < 10 ? rn : 10));
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(17), rb), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(18), (uint64_t)w->analyzed),
                         (uint64_t)identity);
    return k;
}

/* ------------------------------------------------------------------------ */
/* Choosing                                                                 */
/* ------------------------------------------------------------------------ */

int kh_lemmatize(const kh_lemmatizer *lz, const kh_lexicon *lex,
                 const uint32_t *host, int n, uint32_t *out, int max)
{
    uint32_t best[KH_LEM_MAX], r[KH_LEM_MAX];
    int best_n = -1, i;
    int64_t best_score = 0;
    kh_lem_word w;
    if (max <= 0 || n <= 0)
        return 0;
    if (!lz || !lz->n_scripts || !lz->lin.w || n > KH_LEM_MAX) {
        if (n > max)
            n = max;
        memcpy(out, host, (size_t)n * sizeof *host);
        return n;
    }
    kh_lem_word_init(&w, lex, host, n, NULL);
    for (i = 0; i < (int)lz->n_scripts; i++) {
        uint64_t f[KH_LEM_MAX_FEATS];
        int rn = kh_lem_apply(lz->code, lz->offsets, (uint32_t)i, host, n, r,
                              KH_LEM_MAX),
            nf, j;
        int64_t score = 0;
        if (rn <= 0)
            continue;
        nf = kh_lem_features(lex, &w, (uint32_t)i, r, rn, NULL, f);
        for (j = 0; j < nf; j++)
            score += kh_linear_w(&lz->lin, f[j], 0);
        if (best_n < 0 || score > best_score) {
            best_score = score;
            best_n = rn;
            memcpy(best, r, (size_t)rn * sizeof *r);
        }
    }
    if (best_n < 0) { /* cannot happen: the identity always applies */
        memcpy(best, host, (size_t)n * sizeof *host);
        best_n = n;
    }
    if (best_n > max)
        best_n = max;
    memcpy(out, best, (size_t)best_n * sizeof *best);
    return best_n;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

khabar_code kh_lemmatizer_open(kh_lemmatizer *lz, const kh_container *c,
                               khabar_error *err)
{
    kh_cursor k;
    uint32_t version, reserved;
    khabar_code rc;
    memset(lz, 0, sizeof *lz);
    rc = kh_linear_open(&lz->lin, c, err);
    if (rc != KHABAR_OK)
        return rc;
    if (lz->lin.n_labels != 1)
        return kh_fail(err, KHABAR_EMODEL, "lemmatizer: bad weights", 0);
    kh_cursor_init(&k, kh_container_get(c, "scripts"));
    version = kh_cursor_u32(&k);
    lz->n_scripts = kh_cursor_u32(&k);
    lz->code_size = kh_cursor_u32(&k);
    reserved = kh_cursor_u32(&k);
    if (k.bad || version != 1 || reserved != 0 || lz->n_scripts == 0 ||
        lz->n_scripts > (1u << 20) || lz->code_size > (1u << 26))
        return kh_fail(err, KHABAR_EMODEL, "lemmatizer: bad scripts header",
                       0);
    lz->offsets = kh_cursor_array(&k, (size_t)lz->n_scripts + 1, 4, 4);
    lz->code = kh_cursor_array(&k, lz->code_size, 4, 4);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "lemmatizer: truncated or trailing bytes", 0);
    if (kh_lem_check_scripts(lz->code, lz->code_size, lz->offsets,
                             lz->n_scripts) != 0)
        return kh_fail(err, KHABAR_EMODEL, "lemmatizer: bad scripts", 0);
    kh_ok(err);
    return KHABAR_OK;
}
