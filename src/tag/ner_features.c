/*
 * ner_features.c - the features of the named-entity recognizer
 * (features.h): the token and its host (clitics off: وبيروت is بيروت), the
 * host's letters at both ends, its part of speech, the gazetteer's types for
 * it and for the multi-token names around it, and the same for its
 * neighbours, where titles (الرئيس) and trigger words (مدينة، وزارة) are.
 */
#include "features.h"

#include "../tag/linear.h"

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

int kh_ner_features(const kh_tag_ctx *ctx, const kh_ner_token *t, size_t n,
                    size_t i, uint64_t *f)
{
    const kh_ner_token *x = &t[i];
    int m = 0, s;
    (void)ctx;
    f[m++] = kh_feat(200);
    f[m++] = kh_feat_mix(kh_feat(201), x->key_h);
    f[m++] = kh_feat_mix(kh_feat(202), x->host_h);
    f[m++] = kh_feat_mix(kh_feat(203), (uint64_t)x->kind | (uint64_t)x->pre << 8);
    f[m++] = kh_feat_mix(kh_feat(204), x->upos);
    for (s = 1; s <= 3; s++) {
        size_t a = tail(x->host, x->host_len, s);
        f[m++] = kh_feat_mix(STR(205, x->host + a, x->host_len - a), (uint64_t)s);
        f[m++] = kh_feat_mix(STR(206, x->host, head(x->host, x->host_len, s)),
                             (uint64_t)s);
    }
    {
        size_t letters = 0, j;
        for (j = 0; j < x->host_len; j++)
            letters += ((unsigned char)x->host[j] & 0xC0) != 0x80;
        f[m++] = kh_feat_mix(kh_feat(207), letters < 12 ? letters : 12);
    }
    m = gaz_bits(f, m, 210, x->gaz, 0);
    m = gaz_bits(f, m, 211, x->gaz_begin, 0);
    m = gaz_bits(f, m, 212, x->gaz_inside, 0);
    f[m++] = kh_feat_mix(kh_feat(213), (uint64_t)x->gaz | (uint64_t)x->upos << 16);
    /* Names are words the lexicon does not know and the news rarely
     * writes (no cluster). */
    f[m++] = kh_feat_mix(kh_feat(215), (uint64_t)x->known |
                                           (uint64_t)(x->clen > 0) << 1 |
                                           (uint64_t)x->upos << 2);
    if (x->doc_seen) {
        /* The word's other mentions in the doc, and where they stand. */
        unsigned c;
        f[m++] = kh_feat_mix(kh_feat(216), x->doc_seen < 3 ? x->doc_seen : 3);
        for (c = 0; c < KH_NER_CUES; c++) {
            if (x->doc_cues >> c & 1)
                f[m++] = kh_feat_mix(kh_feat(217), c);
        }
    }
    if (x->clen) {
        static const int prefixes[] = {4, 6, 8, 16};
        for (s = 0; s < 4; s++)
            f[m++] = kh_feat_mix(kh_feat(214),
                                 (uint64_t)s << 20 |
                                     kh_clusters_prefix(x->cpath, x->clen,
                                                        prefixes[s]));
    }
    if (i > 0) {
        const kh_ner_token *p = &t[i - 1];
        f[m++] = kh_feat_mix(kh_feat(220), p->host_h);
        if (p->clen)
            f[m++] = kh_feat_mix(kh_feat(228), p->cpath | (uint64_t)p->clen << 16);
        f[m++] = kh_feat_mix(kh_feat(221), p->upos | (unsigned)p->kind << 8);
        m = gaz_bits(f, m, 222, p->gaz | p->gaz_begin, 0);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(223), p->host_h), x->upos);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(227), p->host_h), x->host_h);
        if (i > 1) {
            f[m++] = kh_feat_mix(kh_feat(224), t[i - 2].host_h);
            m = gaz_bits(f, m, 225, t[i - 2].gaz, 0);
        }
    } else {
        f[m++] = kh_feat(226);
    }
    if (i + 1 < n) {
        const kh_ner_token *q = &t[i + 1];
        f[m++] = kh_feat_mix(kh_feat(230), q->host_h);
        if (q->clen)
            f[m++] = kh_feat_mix(kh_feat(238), q->cpath | (uint64_t)q->clen << 16);
        f[m++] = kh_feat_mix(kh_feat(231), q->upos | (unsigned)q->kind << 8);
        m = gaz_bits(f, m, 232, q->gaz | q->gaz_inside, 0);
        if (i + 2 < n)
            f[m++] = kh_feat_mix(kh_feat(233), t[i + 2].host_h);
        f[m++] = kh_feat_mix(kh_feat_mix(kh_feat(234), x->host_h), q->host_h);
    } else {
        f[m++] = kh_feat(236);
    }
    return m < KH_TAG_MAX_FEATS ? m : KH_TAG_MAX_FEATS;
}
