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
        uint32_t j;
        *pos += a + b;
        if ((uint32_t)n != a || *k + (int)b > max)
            return -1;
        for (j = 0; j < a; j++) {
            if (w[j] != from[j])
                return -1;
        }
        for (j = 0; j < b; j++)
            out[(*k)++] = to[j];
        return 0;
    }
    /* A match: a letters edited, the middle kept, b letters edited. */
    if ((int)(a + b) >= n)
        return -1;
    if (apply_tree(code, pos, w, (int)a, out, k, max) != 0)
        return -1;
    if (*k + n - (int)(a + b) > max)
        return -1;
    {
        int j;
        for (j = (int)a; j < n - (int)b; j++)
            out[(*k)++] = w[j];
    }
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

/* What a host part needs for the (checked) tree at code[*pos]: its first
 * and last letters (0: any) and its fewest letters. */
static void tree_sig(const uint32_t *code, uint32_t *pos, uint32_t *first,
                     uint32_t *last, uint32_t *min_n)
{
    uint32_t tag = code[*pos], a = code[*pos + 1], b = code[*pos + 2];
    uint32_t f1, l1, m1, f2, l2, m2;
    *pos += 3;
    if (tag == NODE_SUBST) {
        *first = a ? code[*pos] : 0;
        *last = a ? code[*pos + a - 1] : 0;
        *min_n = a;
        *pos += a + b;
        return;
    }
    tree_sig(code, pos, &f1, &l1, &m1);
    tree_sig(code, pos, &f2, &l2, &m2);
    *first = a ? f1 : 0;
    *last = b ? l2 : 0;
    *min_n = a + b + 1;
}

void kh_lem_index(kh_lemmatizer *lz)
{
    uint32_t i;
    lz->n_sig = lz->n_scripts < KH_LEM_SIG ? lz->n_scripts : KH_LEM_SIG;
    for (i = 0; i < lz->n_sig; i++) {
        kh_lem_sig *g = &lz->sig[i];
        uint32_t pos = lz->offsets[i], min_n;
        g->article = (uint8_t)(lz->code[pos++] & KH_LEM_ARTICLE);
        tree_sig(lz->code, &pos, &g->first, &g->last, &min_n);
        if (g->article && min_n < 2)
            min_n = 2; /* the article needs 4 letters in all */
        min_n += g->article ? 2 : 0;
        g->min_n = (uint8_t)(min_n < 255 ? min_n : 255);
    }
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

unsigned kh_lem_bucket(uint64_t count)
{
    unsigned b = 1;
    while (count > 1 && b < 24) {
        count >>= 1;
        b++;
    }
    return b;
}

/* 0 for unseen, else kh_lem_bucket() of its count. */
static unsigned count_bucket(const kh_lex_entry *e)
{
    if (!e || !(e->flags & KH_LEX_TOKEN))
        return 0;
    return kh_lem_bucket(e->count);
}

/* The lexicon entry of the letters (folded for the lookup), or NULL;
 * *hidden tells whether its analyses are to be ignored (training). With
 * def, also the entry of the letters with the article in *def (that of
 * the letters themselves when they have it; NULL when none or when that
 * would be more than KH_LEM_MAX letters), from the same folded key. The
 * count with the article tells more than the count alone: a noun or an
 * adjective is seen with it, whatever its spelling without (هاتفة has no
 * count of its own, the keys folding ة into ه: it would be that of هاتفه,
 * his telephone; الهاتفة cannot be a telephone's), and the words that are
 * not lemmas are seen less with it than their lemmas are (الكرب,
 * الكربون). */
static const kh_lex_entry *find_def(const kh_lexicon *lex, const uint32_t *cp,
                                    int n, const kh_lem_hide *hide,
                                    int *hidden, const kh_lex_entry **def)
{
    uint32_t folded[KH_LEM_MAX];
    char buf[4 + 4 * KH_LEM_MAX], *key = buf + 4;
    size_t len;
    int i;
    const kh_lex_entry *e;
    *hidden = 0;
    if (def)
        *def = NULL;
    if (!lex || !lex->n_slots || n <= 0 || n > KH_LEM_MAX)
        return NULL;
    for (i = 0; i < n; i++)
        folded[i] = kh_morph_fold(cp[i]);
    len = kh_seg_utf8(folded, n, key);
    if (hide && hide->hidden)
        *hidden = hide->hidden(hide->ctx, key, len);
    e = kh_lexicon_find(lex, key, len);
    if (def) {
        if (n >= 4 && cp[0] == ALEF && cp[1] == LAM)
            *def = e;
        else if (n + 2 <= KH_LEM_MAX) {
            memcpy(buf, "\xd8\xa7\xd9\x84", 4); /* ال */
            *def = kh_lexicon_find(lex, buf, len + 4);
        }
    }
    return e;
}

static const kh_lex_entry *find(const kh_lexicon *lex, const uint32_t *cp,
                                int n, const kh_lem_hide *hide, int *hidden)
{
    return find_def(lex, cp, n, hide, hidden, NULL);
}

/* Whether PADT analyzed the words of entry e (X is "unanalysed"). */
static int analyzed(const kh_lexicon *lex, const kh_lex_entry *e)
{
    uint16_t j;
    for (j = 0; j < e->n_analyses; j++) {
        if (lex->analyses[e->analyses + j].upos != KH_UPOS_X)
            return 1;
    }
    return 0;
}

/* The pattern of a lemma: its long vowels, hamzas, ة and ى as they are,
 * every other letter one consonant (C); هاتف is CاCC, كربون CCCوC, and a
 * verb's perfect cannot be اCCC (انام, اصدق). */
static uint64_t pattern(const uint32_t *cp, int n)
{
    uint64_t h = kh_feat(40);
    int i;
    for (i = 0; i < n; i++) {
        uint32_t c = cp[i];
        int kept = c == ALEF || c == 0x0648 || c == 0x064A || c == 0x0629 ||
                   c == 0x0649 || (c >= 0x0621 && c <= 0x0626);
        h = kh_feat_mix(h, kept ? c : 'C');
    }
    return kh_feat_mix(h, (uint64_t)n);
}

void kh_lem_word_init(kh_lem_word *w, const kh_lexicon *lex,
                      const uint32_t *host, int n, const kh_lem_hide *hide)
{
    const kh_lex_entry *def;
    int hidden;
    w->cp = host;
    w->n = n;
    w->entry = find_def(lex, host, n, hide, &hidden, &def);
    w->analyzed = w->entry && !hidden && analyzed(lex, w->entry);
    w->bucket = w->bare_bucket = count_bucket(w->entry);
    if (n >= 4 && host[0] == ALEF && host[1] == LAM)
        w->bare_bucket = count_bucket(find(lex, host + 2, n - 2, NULL,
                                           &hidden));
    w->def_bucket = count_bucket(def);
    w->pattern = n >= 4 && host[0] == ALEF && host[1] == LAM
                     ? pattern(host + 2, n - 2)
                     : pattern(host, n);
}

/* How a lemma compares with the analyses of an entry: 1 it is the first
 * analysis's lemma, 2 another's, 4 none; its part of speech in *upos (0
 * when none). */
static int match_lemma(const kh_lexicon *lex, const kh_lex_entry *e,
                       const char *u, size_t un, int *upos)
{
    uint16_t j;
    int first = 1;
    *upos = 0;
    for (j = 0; j < e->n_analyses; j++) {
        const kh_lex_analysis *a = &lex->analyses[e->analyses + j];
        if (a->upos == KH_UPOS_X)
            continue; /* unanalysed: PADT's lemma is a copy of the form */
        if (a->lemma_len == un && memcmp(lex->pool + a->lemma, u, un) == 0) {
            *upos = a->upos;
            return first ? 1 : 2;
        }
        first = 0;
    }
    return 4;
}

static int clip6(int d) { return d < -6 ? -6 : d > 6 ? 6 : d; }

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
                    unsigned ext, uint64_t *f)
{
    char u[4 * KH_LEM_MAX];
    size_t un;
    int k = 0, j, hidden, lemma_st = 0, input_st = 0, upos = 0, input_upos;
    int identity = i == 0, diff, diff2, diff3, n = w->n;
    unsigned db;
    uint64_t pat;
    int article = n >= 4 && w->cp[0] == ALEF && w->cp[1] == LAM;
    const kh_lex_entry *def;
    const kh_lex_entry *e = find_def(lex, r, rn, hide, &hidden, &def);
    /* The evidence's fields (lemmatize.h): the analyzer's code, the news
     * bucket and difference. */
    unsigned an = ext & 15, nb = (ext >> 4) & 31, nd = (ext >> 9) & 15;
    unsigned sib = (ext >> 13) & 15;
    /* (51 features at most: see KH_LEM_MAX_FEATS.) */
    unsigned rb = count_bucket(e);
    uint64_t base = kh_feat_mix(kh_feat(1), i);
    un = rn <= KH_LEM_MAX ? kh_seg_utf8(r, rn, u) : 0;
    /* Is the candidate a lemma PADT has, of some word (its own form)? */
    if (e && !hidden && un && analyzed(lex, e))
        lemma_st = match_lemma(lex, e, u, un, &upos);
    /* Is it a lemma PADT gave this very host? */
    if (w->analyzed && un)
        input_st = match_lemma(lex, w->entry, u, un, &input_upos);
    diff = clip6((int)rb - (int)w->bucket);
    diff2 = clip6((int)rb - (int)w->bare_bucket);
    db = count_bucket(def);
    diff3 = clip6((int)db - (int)w->def_bucket);
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
    f[k++] = kh_feat_mix(kh_feat_mix(base, 20), (uint64_t)(diff2 + 8));
    /* The same with the article (find_def()). */
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(36), db), (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 37), db);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(38), (uint64_t)(diff3 + 8)),
                         (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 39), (uint64_t)(diff3 + 8));
    /* The shape of the lemma itself: how lemmas begin and end. */
    for (j = 1; j <= 2 && j <= rn; j++) {
        f[k++] = mix_letters(kh_feat(21), r + rn - j, j);
        f[k++] = mix_letters(kh_feat(22), r, j);
    }
    pat = pattern(r, rn);
    f[k++] = pat;
    /* The host's pattern with the script, and with the lemma's: a broken
     * plural's template (هواتف, CواCC) and its singular's (هاتف, CاCC). */
    f[k++] = kh_feat_mix(kh_feat_mix(w->pattern, 43), i);
    f[k++] = kh_feat_mix(kh_feat_mix(w->pattern, 44), pat);
    f[k++] = kh_feat_mix(kh_feat_mix(pat, 41), (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(pat, 42), (uint64_t)upos);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(19), (uint64_t)article),
                         (uint64_t)(lemma_st * 32 + upos));
    /* Outside evidence, alone and with what the lexicon says: the
     * analyzer's, then the news's (lemmatize.h). */
    f[k++] = kh_feat_mix(kh_feat(23), an);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 24), an);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(25), an), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(26), an), (uint64_t)input_st);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(27), an), (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(28), an), rb);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(29), nb), (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 30), nb);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(31), nd), (uint64_t)identity);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 32), nd);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(33), nb), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(34), nd), (uint64_t)lemma_st);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 35), sib);
    return k;
}

/* ------------------------------------------------------------------------ */
/* Choosing                                                                 */
/* ------------------------------------------------------------------------ */

uint32_t kh_lemmatize_score(const kh_lemmatizer *lz, const kh_lexicon *lex,
                            const uint32_t *host, int n)
{
    return kh_lemmatize_score_ext(lz, lex, host, n, NULL, NULL);
}

uint32_t kh_lemmatize_score_ext(const kh_lemmatizer *lz,
                                const kh_lexicon *lex, const uint32_t *host,
                                int n, kh_lem_ext_fn ext, const void *ctx)
{
    uint32_t r[KH_LEM_MAX], i, best = 0;
    int64_t best_score = 0;
    int found = 0;
    kh_lem_word w;
    if (!lz || !lz->n_scripts || !lz->lin.w || n <= 0 || n > KH_LEM_MAX)
        return 0;
    kh_lem_word_init(&w, lex, host, n, NULL);
    for (i = 0; i < lz->n_scripts; i++) {
        uint64_t f[KH_LEM_MAX_FEATS];
        int rn, nf, j;
        int64_t score = 0;
        if (i < lz->n_sig) {
            const kh_lem_sig *g = &lz->sig[i];
            if (n < g->min_n || (g->last && host[n - 1] != g->last) ||
                (g->article && (host[0] != ALEF || host[1] != LAM)) ||
                (g->first && host[g->article ? 2 : 0] != g->first))
                continue;
        }
        rn = kh_lem_apply(lz->code, lz->offsets, i, host, n, r, KH_LEM_MAX);
        if (rn <= 0)
            continue;
        nf = kh_lem_features(lex, &w, i, r, rn, NULL,
                             ext ? ext(ctx, r, rn) : 0, f);
        for (j = 0; j < nf; j++)
            score += kh_linear_w(&lz->lin, f[j], 0);
        if (!found || score > best_score) {
            best = i;
            best_score = score;
            found = 1;
        }
    }
    return best;
}

long kh_lem_cached(const kh_lemmatizer *lz, const uint32_t *host, int n)
{
    char key[4 * KH_LEM_MAX];
    size_t len;
    uint32_t mask, i, p;
    if (!lz || !lz->n_slots || n <= 0 || n > KH_LEM_MAX)
        return -1;
    len = kh_seg_utf8(host, n, key);
    mask = lz->n_slots - 1;
    i = kh_lex_hash(key, len) & mask;
    for (p = 0; p <= mask; p++, i = (i + 1) & mask) {
        uint32_t slot = lz->slots[i], off;
        const uint8_t *e;
        if (!slot)
            return -1;
        e = lz->cache + 8 * (size_t)(slot - 1);
        memcpy(&off, e, 4);
        if (e[6] == len && memcmp(lz->pool + off, key, len) == 0) {
            uint16_t script;
            memcpy(&script, e + 4, 2);
            return script;
        }
    }
    return -1;
}

/* Closed-class words: PADT's lemma, as the treebank teaches it, is not
 * PUD's. PUD lemmatizes a time adverb with ما as the adverb (عندما, بعدما),
 * writes جدا with its tanwin alef and أولائك with a long alef, gives إحدى
 * the masculine أحد, and leaves the numbers ثلاث أربع خمس سبع ثماني تسع as
 * they are where PADT gives the form in ة. */
static const struct convention {
    uint8_t n, m;
    uint16_t host[5], lemma[6];
} conventions[] = {
    {5, 3, {0x0639, 0x0646, 0x062F, 0x0645, 0x0627}, {0x0639, 0x0646, 0x062F}},
    {5, 3, {0x0628, 0x0639, 0x062F, 0x0645, 0x0627}, {0x0628, 0x0639, 0x062F}},
    {3, 3, {0x062C, 0x062F, 0x0627}, {0x062C, 0x062F, 0x0627}},
    {4, 3, {0x0625, 0x062D, 0x062F, 0x0649}, {0x0623, 0x062D, 0x062F}},
    {5, 6, {0x0623, 0x0648, 0x0644, 0x0626, 0x0643},
     {0x0623, 0x0648, 0x0644, 0x0627, 0x0626, 0x0643}},
    {4, 4, {0x062B, 0x0644, 0x0627, 0x062B}, {0x062B, 0x0644, 0x0627, 0x062B}},
    {4, 4, {0x0623, 0x0631, 0x0628, 0x0639}, {0x0623, 0x0631, 0x0628, 0x0639}},
    {3, 3, {0x062E, 0x0645, 0x0633}, {0x062E, 0x0645, 0x0633}},
    {3, 3, {0x0633, 0x0628, 0x0639}, {0x0633, 0x0628, 0x0639}},
    {3, 3, {0x062A, 0x0633, 0x0639}, {0x062A, 0x0633, 0x0639}},
    {5, 5, {0x062B, 0x0645, 0x0627, 0x0646, 0x064A},
     {0x062B, 0x0645, 0x0627, 0x0646, 0x064A}},
};

int kh_lem_convention(const uint32_t *host, int n, uint32_t *out, int max)
{
    size_t i;
    int j;
    if (n < 3 || n > 5)
        return 0;
    for (i = 0; i < sizeof conventions / sizeof *conventions; i++) {
        const struct convention *c = &conventions[i];
        if (c->n != n || c->host[0] != host[0])
            continue;
        for (j = 1; j < n && c->host[j] == host[j]; j++)
            ;
        if (j < n)
            continue;
        for (j = 0; j < c->m && j < max; j++)
            out[j] = c->lemma[j];
        return j;
    }
    return 0;
}

int kh_lemmatize(const kh_lemmatizer *lz, const kh_lexicon *lex,
                 const uint32_t *host, int n, uint32_t *out, int max)
{
    uint32_t r[KH_LEM_MAX];
    long script;
    int rn;
    if (max <= 0 || n <= 0)
        return 0;
    if (!lz || !lz->n_scripts || !lz->lin.w || n > KH_LEM_MAX) {
        if (n > max)
            n = max;
        memcpy(out, host, (size_t)n * sizeof *host);
        return n;
    }
    script = kh_lem_cached(lz, host, n);
    if (script < 0)
        script = (long)kh_lemmatize_score(lz, lex, host, n);
    rn = kh_lem_apply(lz->code, lz->offsets, (uint32_t)script, host, n, r,
                      KH_LEM_MAX);
    if (rn <= 0) { /* a cache entry that does not fit; the identity */
        memcpy(r, host, (size_t)n * sizeof *host);
        rn = n;
    }
    if (rn > max)
        rn = max;
    memcpy(out, r, (size_t)rn * sizeof *r);
    return rn;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

khabar_code kh_lemmatizer_open(kh_lemmatizer *lz, const kh_container *c,
                               khabar_error *err)
{
    kh_cursor k;
    uint32_t version, reserved, i;
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
    kh_lem_index(lz);
    kh_cursor_init(&k, kh_container_get(c, "cache"));
    version = kh_cursor_u32(&k);
    lz->n_cache = kh_cursor_u32(&k);
    lz->n_slots = kh_cursor_u32(&k);
    lz->pool_size = kh_cursor_u32(&k);
    if (k.bad || version != 1 || lz->n_slots == 0 ||
        (lz->n_slots & (lz->n_slots - 1)) || lz->n_slots <= lz->n_cache)
        return kh_fail(err, KHABAR_EMODEL, "lemmatizer: bad cache header", 0);
    lz->cache = kh_cursor_array(&k, lz->n_cache, 8, 4);
    lz->slots = kh_cursor_array(&k, lz->n_slots, 4, 4);
    lz->pool = kh_cursor_array(&k, lz->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "lemmatizer: truncated or trailing cache", 0);
    for (i = 0; i < lz->n_cache; i++) {
        const uint8_t *e = lz->cache + 8 * (size_t)i;
        uint32_t off;
        uint16_t script;
        memcpy(&off, e, 4);
        memcpy(&script, e + 4, 2);
        if (off > lz->pool_size || e[6] > lz->pool_size - off ||
            e[6] > 4 * KH_LEM_MAX || e[7] != 0 || script >= lz->n_scripts)
            return kh_fail(err, KHABAR_EMODEL,
                           "lemmatizer: cache entry out of range", 0);
    }
    for (i = 0; i < lz->n_slots; i++) {
        if (lz->slots[i] > lz->n_cache)
            return kh_fail(err, KHABAR_EMODEL,
                           "lemmatizer: cache slot out of range", 0);
    }
    kh_ok(err);
    return KHABAR_OK;
}
