/*
 * pos_features.c - the features of the part-of-speech tagger (features.h).
 *
 * A word is seen through its form and search key, its letters at both ends,
 * its place in its token (a proclitic, the host, an enclitic), the kind of
 * its token (number, punctuation, Latin...), its word cluster and gazetteer
 * types, how the news uses it (usage.h: with the article, after a
 * preposition, with a pronoun suffix, after قد/لم/لن/سوف, after or before a
 * definite word), and its
 * neighbours (and whether it agrees with them as an adjective with its
 * noun). The lexicon is not read: the treebank's own analyses in it would
 * tell the tagger the answer on its training data and nothing on new words,
 * and how the news writes a word (with the article or ة, or not) gained
 * about 0.1 UPOS (5-fold CV over PUD dev, four seeds) for three lookups a
 * word, a quarter of the stage's time; the usage signature, one lookup a
 * distinct word, computed ahead from the news by tools/usage, gained 0.5
 * (pos_cv.sh: 94.64 -> 95.12 gold segmentation, 93.92 -> 94.42 raw).
 */
#include "features.h"

#include <string.h>

#include "../tag/linear.h"
#include "../text/utf8.h"
#include "khabar.h"

/* The byte offset where the last k letters of s[0, n) start (0 when it has
 * fewer). Letters are UTF-8 code points. */
static size_t last_letters(const char *s, size_t n, int k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return k > 0 ? 0 : i;
}

/* The byte length of the first k letters of s[0, n) (n when fewer). */
static size_t first_letters(const char *s, size_t n, int k)
{
    size_t i = 0;
    int seen = 0;
    while (i < n) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == k)
                break;
            seen++;
        }
        i++;
    }
    return i;
}

#define STR(t, s, n) kh_feat_str(kh_feat(t), (s), (n))

int kh_tag_cluster(const kh_clusters *cl, int kind, const char *key,
                   size_t n, uint16_t *path)
{
    const char *k = kh_clusters_kind_key(kind);
    uint32_t p = 0;
    int len = 0;
    *path = 0;
    if (!cl || !cl->n_slots)
        return 0;
    if (kh_clusters_find(cl, k ? k : key, k ? strlen(k) : n, &p, &len) < 0)
        return 0;
    *path = (uint16_t)p;
    return len;
}

uint32_t kh_tag_usage(const kh_usage *us, int kind, const char *key,
                      size_t n)
{
    if (!us || kind != KHABAR_TOK_ARABIC)
        return 0;
    return kh_usage_find(us, kh_clusters_hash(key, n), key, n);
}

/* Features of how the news uses a word (usage.h): each share alone, the
 * article with the preposition, and the article with the suffix and the
 * frequency; the shares alone tied to the word's place in its token. */
static int usage_feats(uint64_t *f, int m, uint32_t u, unsigned role)
{
    if (!u)
        return m;
    f[m++] = kh_feat_mix(kh_feat(150), KH_USAGE_ARTICLE(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(151), KH_USAGE_PREP(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(152), KH_USAGE_SUFFIX(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(153), KH_USAGE_VERB(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(154), KH_USAGE_ARTICLE(u) << 3 |
                                           KH_USAGE_PREP(u));
    f[m++] = kh_feat_mix(kh_feat(155), KH_USAGE_FREQ(u) << 6 |
                                           KH_USAGE_ARTICLE(u) << 3 |
                                           KH_USAGE_SUFFIX(u));
    f[m++] = kh_feat_mix(kh_feat(158), KH_USAGE_AFTER_DEF(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(159), KH_USAGE_BEFORE_DEF(u) | role << 4);
    f[m++] = kh_feat_mix(kh_feat(160), KH_USAGE_AFTER_DEF(u) << 3 |
                                           KH_USAGE_BEFORE_DEF(u));
    return m;
}

/* Features of a cluster path: its 4-, 6- and 8-bit prefixes and the whole
 * path, each tied to tmpl and extra. */
static int cluster_feats(uint64_t *f, int m, uint32_t tmpl, uint16_t path,
                         int len, uint64_t extra)
{
    static const int prefixes[] = {4, 6, 8, 16};
    int i;
    if (!len)
        return m;
    for (i = 0; i < 4; i++) {
        uint32_t p = kh_clusters_prefix(path, len, prefixes[i]);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(tmpl), (uint64_t)i << 20 | p),
                             extra);
    }
    return m;
}

int kh_tag_alef(const char *form, size_t len)
{
    const unsigned char *s = (const unsigned char *)form;
    if (len < 2)
        return 0;
    if (s[0] == 0xD8) {
        switch (s[1]) {
        case 0xA7:
            return 1;
        case 0xA3:
            return 2;
        case 0xA5:
            return 3;
        case 0xA2:
            return 4;
        default:
            return 0;
        }
    }
    return s[0] == 0xD9 && s[1] == 0xB1 ? 5 : 0;
}

int kh_tag_has_tanwin(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i + 1 < n; i++) {
        if ((unsigned char)s[i] == 0xD9 && (unsigned char)s[i + 1] >= 0x8B &&
            (unsigned char)s[i + 1] <= 0x8D)
            return 1;
    }
    return 0;
}

/* The kind of a word's token as the features see it: the kinds that the
 * treebanks have too seldom to teach anything (Latin words: 2 in all) or
 * never (times, dates, hashtags, URLs ...) folded into the nearest that
 * they have: a time or a date is a number, a Latin word is seen as an
 * unknown Arabic word would be, and hashtags, mentions, URLs, e-mail
 * addresses and emoji as symbols (kh_pos_allowed makes them SYM). */
static unsigned kind_class(unsigned kind)
{
    switch (kind) {
    case KHABAR_TOK_DATE:
    case KHABAR_TOK_TIME:
        return KHABAR_TOK_NUMBER;
    case KHABAR_TOK_LATIN:
    case KHABAR_TOK_WORD:
        return KHABAR_TOK_ARABIC;
    case KHABAR_TOK_URL:
    case KHABAR_TOK_EMAIL:
    case KHABAR_TOK_HASHTAG:
    case KHABAR_TOK_MENTION:
    case KHABAR_TOK_EMOJI:
    case KHABAR_TOK_INVALID:
        return KHABAR_TOK_SYMBOL;
    default:
        return kind;
    }
}

uint64_t kh_pos_allowed(int kind, uint64_t punct, uint64_t sym,
                        uint64_t propn, uint64_t all)
{
    if (kind == KHABAR_TOK_PUNCT)
        return punct | sym ? punct | sym : all;
    if (kind == KHABAR_TOK_LATIN && propn)
        return propn; /* a name or a brand (pos.c makes a word without a
                         capital X) */
    if (kind_class((unsigned)kind) == KHABAR_TOK_SYMBOL)
        return sym ? sym : all;
    return all & ~punct;
}

/* How a word is definite: 1 by the article (ال and at least two letters
 * after it), 2 by a pronoun suffix (the host before an enclitic), else 0. */
static unsigned definite(const kh_tag_word *w, size_t n, size_t i)
{
    const kh_tag_word *x = &w[i];
    if (x->key_len >= 8 && memcmp(x->key, "\xD8\xA7\xD9\x84", 4) == 0)
        return 1;
    if (i + 1 < n && w[i + 1].role == KHABAR_WORD_ENCLITIC)
        return 2;
    return 0;
}

/* The last letter of a word's key, as a number (0: none). */
static uint32_t last_letter(const kh_tag_word *x)
{
    size_t a = last_letters(x->key, x->key_len, 1);
    uint32_t v = 0;
    for (; a < x->key_len; a++)
        v = v << 8 | (unsigned char)x->key[a];
    return v;
}

/* kh_feat_bytes() of a word's key, which several features mix in. */
static uint64_t key_hash(const kh_tag_word *x)
{
    return x->key_h ? x->key_h : kh_feat_bytes(x->key, x->key_len);
}

/* The shape of a word that the features tie to its own and its
 * neighbours' forms: its place in its token, its token's kind. */
static uint64_t word_shape(const kh_tag_word *x)
{
    return (uint64_t)x->role | (uint64_t)kind_class(x->kind) << 4 |
           (uint64_t)x->first << 10 | (uint64_t)x->last << 11;
}

/* The features below come in two sorts: those of one word alone (of the
 * word itself, or of a word as the one before, after or two after it),
 * which the POS stage sums once per distinct word of a doc
 * (kh_pos_word_features), and those that tie a word to its neighbours
 * (kh_pos_pair_features). kh_pos_features gives them all, in the order the
 * trainer has always seen them. */

/* The word itself. */
static int own_self(const kh_tag_word *x, uint64_t *f, int m)
{
    const char *k = x->key;
    size_t kn = x->key_len, s;
    uint64_t shape = word_shape(x), kh = key_hash(x);
    f[m++] = kh_feat(100);
    f[m++] = kh_feat_mix(kh_feat(101), kh);
    f[m++] = kh_feat_mix(kh_feat(102), shape);
    f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(103), kh), shape);
    for (s = 1; s <= 4; s++) {
        size_t a = last_letters(k, kn, (int)s);
        if (a || s == 1)
            f[m++] = kh_feat_mix(STR(104, k + a, kn - a), s | x->role << 4);
    }
    for (s = 1; s <= 3; s++)
        f[m++] = kh_feat_mix(STR(105, k, first_letters(k, kn, (int)s)),
                             s | x->role << 4);
    {
        size_t letters = kh_utf8_count(k, kn);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(106), letters < 8 ? letters : 8),
                             x->role);
    }
    m = cluster_feats(f, m, 130, x->cpath, x->clen, x->role);
    m = usage_feats(f, m, x->usage, x->role);
    if (x->tanwin)
        f[m++] = kh_feat_mix(STR(108, k + last_letters(k, kn, 1),
                                 kn - last_letters(k, kn, 1)),
                             x->role);
    if (x->alef)
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(107), kh), x->alef);
    if (x->gaz) {
        unsigned b;
        for (b = 0; b < 9; b++) {
            if (x->gaz & (1u << b))
                f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(109), b), x->role);
        }
    }
    return m;
}

/* Agreement of a noun and its adjective: the definiteness and last letter
 * of word i against those of the word before (over its pronoun suffix) and
 * after. */
static int pair_agreement(const kh_tag_word *w, size_t n, size_t i,
                          uint64_t *f, int m)
{
    unsigned d = definite(w, n, i);
    uint64_t me = (uint64_t)d << 32 | last_letter(&w[i]);
    size_t j = i;
    if (j > 0 && w[j - 1].role == KHABAR_WORD_ENCLITIC)
        j--;
    if (j > 0 && w[j - 1].kind == KHABAR_TOK_ARABIC) {
        const kh_tag_word *p = &w[j - 1];
        uint64_t them = (uint64_t)definite(w, n, j - 1) << 32 | last_letter(p);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(140), me), them);
        f[m++] = kh_feat_mix(kh_feat(141), (uint64_t)d << 4 | definite(w, n, j - 1));
    }
    if (i + 1 < n && w[i + 1].kind == KHABAR_TOK_ARABIC &&
        w[i + 1].role != KHABAR_WORD_ENCLITIC) {
        const kh_tag_word *q = &w[i + 1];
        uint64_t them = (uint64_t)definite(w, n, i + 1) << 32 | last_letter(q);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(142), me), them);
    }
    return m;
}

/* The word before: its form, its place in its token, its types ... */
static int own_prev_a(const kh_tag_word *p, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(110), key_hash(p));
    f[m++] = kh_feat_mix(kh_feat(111), p->role | kind_class(p->kind) << 4);
    if (p->alef)
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(117), key_hash(p)), p->alef);
    if (p->gaz)
        f[m++] = kh_feat_mix(kh_feat(116), p->gaz);
    if (p->clen)
        f[m++] = kh_feat_mix(kh_feat(131), p->cpath | (uint64_t)p->clen << 16);
    return m;
}

/* ... and its last two letters. */
static int own_prev_b(const kh_tag_word *p, uint64_t *f, int m)
{
    size_t a = last_letters(p->key, p->key_len, 2);
    f[m++] = STR(113, p->key + a, p->key_len - a);
    return m;
}

/* The word after: its form and its place in its token ... */
static int own_next_a(const kh_tag_word *q, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(120), key_hash(q));
    f[m++] = kh_feat_mix(kh_feat(121), q->role | kind_class(q->kind) << 4);
    return m;
}

/* ... its first two letters and its cluster. */
static int own_next_b(const kh_tag_word *q, uint64_t *f, int m)
{
    f[m++] = STR(123, q->key, first_letters(q->key, q->key_len, 2));
    if (q->clen)
        f[m++] = kh_feat_mix(kh_feat(132), q->cpath | (uint64_t)q->clen << 16);
    return m;
}

/* The word two after. */
static int own_next2(const kh_tag_word *r, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(124), key_hash(r));
    return m;
}

/* The word before's form with this word's shape. */
static uint64_t pair_prev_form(const kh_tag_word *p, uint64_t shape)
{
    return kh_feat_mix(kh_feat_mix(kh_feat(112), key_hash(p)), shape);
}

/* The form of the word two before with the place of the one before. */
static uint64_t pair_prev2(const kh_tag_word *pp, const kh_tag_word *p)
{
    return kh_feat_mix(kh_feat_mix(kh_feat(114), key_hash(pp)), p->role);
}

/* The word after's form with this word's shape. */
static uint64_t pair_next_form(const kh_tag_word *q, uint64_t shape)
{
    return kh_feat_mix(kh_feat_mix(kh_feat(122), key_hash(q)), shape);
}

int kh_pos_features(const kh_tag_ctx *ctx, const kh_tag_word *w, size_t n,
                    size_t i, uint64_t *f)
{
    const kh_tag_word *x = &w[i];
    uint64_t shape = word_shape(x);
    int m;
    (void)ctx; /* no feature reads the lexicon (see above) */
    m = own_self(x, f, 0);
    m = pair_agreement(w, n, i, f, m);
    /* Neighbours: forms, and their place in their tokens. */
    if (i > 0) {
        m = own_prev_a(&w[i - 1], f, m);
        f[m++] = pair_prev_form(&w[i - 1], shape);
        m = own_prev_b(&w[i - 1], f, m);
        if (i > 1)
            f[m++] = pair_prev2(&w[i - 2], &w[i - 1]);
    } else {
        f[m++] = kh_feat(115);
    }
    if (i + 1 < n) {
        m = own_next_a(&w[i + 1], f, m);
        f[m++] = pair_next_form(&w[i + 1], shape);
        m = own_next_b(&w[i + 1], f, m);
        if (i + 2 < n)
            m = own_next2(&w[i + 2], f, m);
    } else {
        f[m++] = kh_feat(125);
    }
    return m;
}

const int kh_pos_part_at[KH_POS_AS_COUNT] = {
    [KH_POS_AS_SELF] = 0, [KH_POS_AS_PREV] = -1, [KH_POS_AS_NEXT] = 1,
    [KH_POS_AS_NEXT2] = 2};

int kh_pos_word_features(const kh_tag_word *x, int as, uint64_t *f)
{
    switch (as) {
    case KH_POS_AS_SELF:
        return own_self(x, f, 0);
    case KH_POS_AS_PREV:
        return own_prev_b(x, f, own_prev_a(x, f, 0));
    case KH_POS_AS_NEXT:
        return own_next_b(x, f, own_next_a(x, f, 0));
    default:
        return own_next2(x, f, 0);
    }
}

int kh_pos_pair_features(const kh_tag_word *w, size_t n, size_t i,
                         uint64_t *f)
{
    uint64_t shape = word_shape(&w[i]);
    int m = pair_agreement(w, n, i, f, 0);
    if (i > 0) {
        f[m++] = pair_prev_form(&w[i - 1], shape);
        if (i > 1)
            f[m++] = pair_prev2(&w[i - 2], &w[i - 1]);
    } else {
        f[m++] = kh_feat(115);
    }
    if (i + 1 < n)
        f[m++] = pair_next_form(&w[i + 1], shape);
    else
        f[m++] = kh_feat(125);
    return m;
}
