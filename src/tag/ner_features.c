/*
 * ner_features.c - the features of the named-entity recognizer
 * (features.h): the token and its host (clitics off: وبيروت is بيروت), the
 * host's letters at both ends and its vowel shape, its part of speech, the
 * gazetteer's types for it and for the multi-token names around it, and the
 * same for its neighbours, where titles (الرئيس) and trigger words (مدينة،
 * وزارة) are, and the organization trigger a few nouns before it (وزارة
 * التجارة الخارجية).
 */
#include "features.h"

#include "khabar.h"
#include "../tag/gazetteer.h"
#include "../tag/linear.h"
#include "../text/utf8.h"

#define STR(t, s, n) kh_feat_str(kh_feat(t), (s), (n))

/* The byte offset of the last k letters (0 when fewer). */
static size_t tail(const char *s, size_t n, int k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k--;
    }
    return k > 0 ? 0 : i;
}

/* The byte length of the first k letters (n when fewer). */
static size_t head(const char *s, size_t n, int k)
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

/* The host's vowel shape: each letter a consonant (0) or one of the long
 * vowels ا و ي (1), after a leading 1 bit, up to 12 letters (longer: the
 * first 12). Names spelled from other languages write their vowels out
 * (كونداليزا, ساركوزي), Arabic words mostly do not: a hint for the names
 * no training text has. */
static uint64_t shape(const char *s, size_t n)
{
    uint64_t v = 1;
    size_t i;
    int k = 0;
    for (i = 0; i < n && k < 12; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        v = v << 1 | (i + 1 < n &&
                      ((c == 0xD8 && (unsigned char)s[i + 1] == 0xA7) ||
                       (c == 0xD9 && ((unsigned char)s[i + 1] == 0x88 ||
                                      (unsigned char)s[i + 1] == 0x8A))));
        k++;
    }
    return v;
}

/* One feature per gazetteer type bit set in mask. */
static int gaz_bits(uint64_t *f, int m, uint32_t tmpl, unsigned mask,
                    unsigned extra)
{
    unsigned b;
    for (b = 0; mask >> b; b++) {
        if (mask >> b & 1)
            f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(tmpl), b), extra);
    }
    return m;
}

/* As in pos_features.c, the features come in two sorts: those of one token
 * alone (the token itself, or a token as the one before, two before, after
 * or two after it), which read nothing but the token's key, host, kind,
 * proclitics, part of speech, lexicon verdict, host gazetteer types and
 * cluster, and which the recognizer sums once per distinct token of a doc
 * (kh_ner_token_features); and those of its place in the doc: the
 * gazetteer's multi-token names around it, its other mentions, and the
 * pairs it makes with its neighbours (kh_ner_place_features).
 * kh_ner_features gives them all, in the order the trainer has always seen
 * them. */

/* The token itself: its forms, kind and letters, its host's types ... */
static int self_a(const kh_ner_token *x, uint64_t *f, int m)
{
    int s;
    f[m++] = kh_feat(200);
    f[m++] = kh_feat_mix(kh_feat(201), x->key_h);
    f[m++] = kh_feat_mix(kh_feat(202), x->host_h);
    f[m++] = kh_feat_mix(kh_feat(203), (uint64_t)x->kind | (uint64_t)x->pre << 8);
    f[m++] = kh_feat_mix(kh_feat(204), x->upos);
    for (s = 1; s <= 4; s++) {
        size_t a = tail(x->host, x->host_len, s);
        f[m++] = kh_feat_mix(STR(205, x->host + a, x->host_len - a), (uint64_t)s);
        f[m++] = kh_feat_mix(STR(206, x->host, head(x->host, x->host_len, s)),
                             (uint64_t)s);
    }
    {
        size_t letters = kh_utf8_count(x->host, x->host_len);
        f[m++] = kh_feat_mix(kh_feat(207), letters < 12 ? letters : 12);
    }
    f[m++] = kh_feat_mix(kh_feat(208), shape(x->host, x->host_len));
    return gaz_bits(f, m, 210, x->gaz, 0);
}

/* ... with its part of speech; names are words the lexicon does not know
 * and the news rarely writes (no cluster) ... */
static int self_b(const kh_ner_token *x, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(213), (uint64_t)x->gaz | (uint64_t)x->upos << 16);
    f[m++] = kh_feat_mix(kh_feat(215), (uint64_t)x->known |
                                           (uint64_t)(x->clen > 0) << 1 |
                                           (uint64_t)x->upos << 2);
    return m;
}

/* ... and its cluster. */
static int self_c(const kh_ner_token *x, uint64_t *f, int m)
{
    if (x->clen) {
        static const int prefixes[] = {4, 6, 8, 16};
        int s;
        for (s = 0; s < 4; s++)
            f[m++] = kh_feat_mix(kh_feat(214),
                                 (uint64_t)s << 20 |
                                     kh_clusters_prefix(x->cpath, x->clen,
                                                        prefixes[s]));
    }
    return m;
}

/* The names of the gazetteer that begin at or run over the token. */
static int place_names(const kh_ner_token *x, uint64_t *f, int m)
{
    m = gaz_bits(f, m, 211, x->gaz_begin, 0);
    return gaz_bits(f, m, 212, x->gaz_inside, 0);
}

/* Whether a token can stand inside a name that a trigger word opens: a
 * noun, an adjective or a proper noun (وزارة الخارجية الامريكية). */
static int name_part(const kh_ner_token *x)
{
    return x->upos == KHABAR_UPOS_NOUN || x->upos == KHABAR_UPOS_ADJ ||
           x->upos == KHABAR_UPOS_PROPN;
}

/* The nearest organization trigger (وزارة، حزب، جامعة) up to TRIGGER_REACH
 * tokens before, with only name parts between: how far, and which trigger
 * with this token's cluster, so that the tagger can carry an organization
 * name past the words the gazetteer does not know. */
#define TRIGGER_REACH 4
static int place_trigger(const kh_ner_token *t, size_t i, uint64_t *f, int m)
{
    const kh_ner_token *x = &t[i];
    size_t d;
    for (d = 1; d <= TRIGGER_REACH && d <= i; d++) {
        const kh_ner_token *p = &t[i - d];
        if (p->gaz & KH_GAZ_ORG_TRIGGER) {
            uint64_t c = x->clen ? kh_clusters_prefix(x->cpath, x->clen, 6)
                                 : 0xFFFF;
            f[m++] = kh_feat_mix(kh_feat(245),
                                 (uint64_t)d | (uint64_t)x->upos << 8);
            f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(246), p->host_h), c);
            return m;
        }
        if (!name_part(p))
            break;
    }
    return m;
}

/* The word's other mentions in the doc, and where they stand. */
static int place_doc(const kh_ner_token *x, uint64_t *f, int m)
{
    if (x->doc_seen) {
        unsigned c;
        f[m++] = kh_feat_mix(kh_feat(216), x->doc_seen < 3 ? x->doc_seen : 3);
        for (c = 0; c < KH_NER_CUES; c++) {
            if (x->doc_cues >> c & 1)
                f[m++] = kh_feat_mix(kh_feat(217), c);
        }
    }
    return m;
}

uint64_t kh_ner_history_key(const kh_ner_token *x)
{
    return x->kind == KHABAR_TOK_ARABIC || x->kind == KHABAR_TOK_LATIN ||
                   x->kind == KHABAR_TOK_WORD
               ? x->host_h
               : 0;
}

/* How the host's earlier mentions were tagged: the set of types, and each
 * type; and the sets of the tokens before and after it. */
int kh_ner_history_features(unsigned prev, unsigned hist, unsigned next,
                            uint64_t *f)
{
    int m = 0;
    unsigned b;
    if (hist) {
        f[m++] = kh_feat_mix(kh_feat(240), hist);
        for (b = 0; b < 4; b++) {
            if (hist >> b & 1)
                f[m++] = kh_feat_mix(kh_feat(241), b);
        }
    }
    if (prev)
        f[m++] = kh_feat_mix(kh_feat(242), prev);
    if (next)
        f[m++] = kh_feat_mix(kh_feat(243), next);
    return m;
}

/* The token before: its host, cluster, part of speech and kind. */
static int own_prev(const kh_ner_token *p, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(220), p->host_h);
    if (p->clen)
        f[m++] = kh_feat_mix(kh_feat(228), p->cpath | (uint64_t)p->clen << 16);
    f[m++] = kh_feat_mix(kh_feat(221), p->upos | (unsigned)p->kind << 8);
    return m;
}

/* The token before as a place in the doc (the names it may begin), and
 * with this one. */
static int place_prev(const kh_ner_token *p, const kh_ner_token *x,
                      uint64_t *f, int m)
{
    m = gaz_bits(f, m, 222, p->gaz | p->gaz_begin, 0);
    f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(223), p->host_h), x->upos);
    f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(227), p->host_h), x->host_h);
    return m;
}

/* The token two before. */
static int own_prev2(const kh_ner_token *pp, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(224), pp->host_h);
    return gaz_bits(f, m, 225, pp->gaz, 0);
}

/* The token after: its host, cluster, part of speech and kind. */
static int own_next(const kh_ner_token *q, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(230), q->host_h);
    if (q->clen)
        f[m++] = kh_feat_mix(kh_feat(238), q->cpath | (uint64_t)q->clen << 16);
    f[m++] = kh_feat_mix(kh_feat(231), q->upos | (unsigned)q->kind << 8);
    return m;
}

/* The token after as a place in the doc (the names it continues). */
static int place_next(const kh_ner_token *q, uint64_t *f, int m)
{
    return gaz_bits(f, m, 232, q->gaz | q->gaz_inside, 0);
}

/* The token two after. */
static int own_next2(const kh_ner_token *r, uint64_t *f, int m)
{
    f[m++] = kh_feat_mix(kh_feat(233), r->host_h);
    return m;
}

/* This token's host with the next one's. */
static uint64_t pair_next(const kh_ner_token *x, const kh_ner_token *q)
{
    return kh_feat_mix(kh_feat_mix(kh_feat(234), x->host_h), q->host_h);
}

int kh_ner_features(const kh_tag_ctx *ctx, const kh_ner_token *t, size_t n,
                    size_t i, uint64_t *f)
{
    const kh_ner_token *x = &t[i];
    int m;
    (void)ctx;
    m = self_a(x, f, 0);
    m = place_names(x, f, m);
    m = self_b(x, f, m);
    m = place_doc(x, f, m);
    m = place_trigger(t, i, f, m);
    m = self_c(x, f, m);
    if (i > 0) {
        m = own_prev(&t[i - 1], f, m);
        m = place_prev(&t[i - 1], x, f, m);
        if (i > 1)
            m = own_prev2(&t[i - 2], f, m);
    } else {
        f[m++] = kh_feat(226);
    }
    if (i + 1 < n) {
        m = own_next(&t[i + 1], f, m);
        m = place_next(&t[i + 1], f, m);
        if (i + 2 < n)
            m = own_next2(&t[i + 2], f, m);
        f[m++] = pair_next(x, &t[i + 1]);
    } else {
        f[m++] = kh_feat(236);
    }
    m += kh_ner_history_features(i > 0 ? t[i - 1].doc_hist : 0, x->doc_hist,
                                 i + 1 < n ? t[i + 1].doc_hist : 0, f + m);
    return m < KH_TAG_MAX_FEATS ? m : KH_TAG_MAX_FEATS;
}

const int kh_ner_part_at[KH_NER_AS_COUNT] = {
    [KH_NER_AS_SELF] = 0, [KH_NER_AS_PREV] = -1, [KH_NER_AS_PREV2] = -2,
    [KH_NER_AS_NEXT] = 1, [KH_NER_AS_NEXT2] = 2};

int kh_ner_token_features(const kh_ner_token *x, int as, uint64_t *f)
{
    switch (as) {
    case KH_NER_AS_SELF:
        return self_c(x, f, self_b(x, f, self_a(x, f, 0)));
    case KH_NER_AS_PREV:
        return own_prev(x, f, 0);
    case KH_NER_AS_PREV2:
        return own_prev2(x, f, 0);
    case KH_NER_AS_NEXT:
        return own_next(x, f, 0);
    default:
        return own_next2(x, f, 0);
    }
}

int kh_ner_place_features(const kh_ner_token *t, size_t n, size_t i,
                          uint64_t *f)
{
    const kh_ner_token *x = &t[i];
    int m = place_trigger(t, i, f, place_doc(x, f, place_names(x, f, 0)));
    if (i > 0)
        m = place_prev(&t[i - 1], x, f, m);
    else
        f[m++] = kh_feat(226);
    if (i + 1 < n) {
        m = place_next(&t[i + 1], f, m);
        f[m++] = pair_next(x, &t[i + 1]);
    } else {
        f[m++] = kh_feat(236);
    }
    return m + kh_ner_history_features(i > 0 ? t[i - 1].doc_hist : 0,
                                       x->doc_hist,
                                       i + 1 < n ? t[i + 1].doc_hist : 0,
                                       f + m);
}
