/*
 * segment.c - candidates, features and the choice of a clitic segmentation
 * (see segment.h). The trainer (tools/train) uses the same candidates and
 * features, so what is learned is what runs.
 */
#include "segment.h"

#include <string.h>

#include "../core/error.h"
#include "../model/inline_key.h"
#include "../text/utf8.h"

/* ------------------------------------------------------------------------ */
/* Letters                                                                  */
/* ------------------------------------------------------------------------ */

#define WAW 0x0648
#define FEH 0x0641
#define BEH 0x0628
#define KAF 0x0643
#define LAM 0x0644
#define SEEN 0x0633
#define HEH 0x0647
#define ALEF 0x0627
#define YEH 0x064A
#define NOON 0x0646
#define MEEM 0x0645
#define TEH 0x062A
#define TEH_MARBUTA 0x0629
#define ALEF_MAQSURA 0x0649
#define HAMZA 0x0621
#define YEH_HAMZA 0x0626
#define WAW_HAMZA 0x0624
#define ALEF_HAMZA 0x0623

/* The enclitic pronouns, longest first. */
static const uint32_t enclitics[][4] = {
    {3, HEH, MEEM, ALEF}, {3, KAF, MEEM, ALEF}, {2, HEH, ALEF},
    {2, HEH, MEEM},       {2, HEH, NOON},       {2, KAF, MEEM},
    {2, KAF, NOON},       {2, NOON, YEH},       {2, NOON, ALEF},
    {1, HEH},             {1, KAF},             {1, YEH}};
#define N_ENCLITICS (sizeof enclitics / sizeof *enclitics)

static uint32_t fold(uint32_t cp)
{
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return ALEF;
    case ALEF_MAQSURA: return YEH;
    case TEH_MARBUTA: return HEH;
    default: return cp;
    }
}

size_t kh_seg_utf8(const uint32_t *cp, int n, char *out)
{
    size_t k = 0;
    int i;
    for (i = 0; i < n; i++)
        k += kh_utf8_put(out + k, cp[i]);
    return k;
}

/* ------------------------------------------------------------------------ */
/* The morph form                                                           */
/* ------------------------------------------------------------------------ */

/* The nunation written in a token's bytes (U+064B-U+064D, UTF-8 D9 8B-8D). */
static int tanwin_of(const unsigned char *s, size_t n)
{
    size_t i;
    int kind = KH_SEG_TANWIN_NONE;
    for (i = 0; i + 1 < n; i++) {
        if (s[i] == 0xD9 && (s[i + 1] == 0x8B || s[i + 1] == 0x8C))
            return KH_SEG_TANWIN_OTHER;
        if (s[i] == 0xD9 && s[i + 1] == 0x8D)
            kind = KH_SEG_TANWIN_KASRA;
    }
    return kind;
}

int kh_seg_token_init(kh_seg_token *t, kh_norm *n, const char *text,
                      size_t start, size_t end)
{
    const unsigned char *o;
    size_t i = 0;
    t->n = 0;
    n->len = 0;
    n->failed = 0;
    kh_norm_boundary(n);
    kh_normalize_text(n, text + start, end - start);
    if (n->failed)
        return -1;
    o = (const unsigned char *)n->buf;
    while (i < n->len) {
        uint32_t cp;
        int diag;
        size_t w = kh_utf8_next(o + i, o + n->len, &cp, &diag);
        const kh_cinfo *ci = kh_uc(cp);
        if (diag || t->n == KH_SEG_MAX || ci->cls != KH_C_AR_LETTER) {
            t->n = 0;
            return -1;
        }
        t->cp[t->n] = cp;
        t->fold[t->n] = fold(cp);
        t->src[t->n] = start + n->map_start[i];
        t->n++;
        i += w;
    }
    if (t->n == 0)
        return -1;
    t->src[t->n] = end;
    t->tanwin = tanwin_of((const unsigned char *)text + start, end - start);
    /* A boundary can fall before letter i when the letters on either side
     * come from different input characters (not inside a ligature). */
    t->splittable[0] = 1;
    for (i = 1; i < (size_t)t->n; i++)
        t->splittable[i] = t->src[i] > t->src[i - 1];
    t->splittable[t->n] = 1;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Candidates                                                               */
/* ------------------------------------------------------------------------ */

static int is_conj(uint32_t c) { return c == WAW || c == FEH; }

static int is_prep(uint32_t c)
{
    return c == BEH || c == KAF || c == LAM || c == SEEN;
}

/* The future particle only comes before an imperfect verb, whose letter
 * at pre is one of its prefixes; when strict, also one of three letters or
 * more (ام of سام is none), which no ة ends (نية of سنية, Sunni, is none).
 * The trainer learns against the candidates of the loose rule
 * (kh_seg_train_candidates); decoding applies the strict one. */
static int future_ok(const kh_seg_token *t, int pre, int host, int strict)
{
    uint32_t c = t->cp[pre];
    return (c == YEH || c == TEH || c == NOON || c == ALEF_HAMZA ||
            c == ALEF) &&
           (!strict || (host >= 3 && t->cp[pre + host - 1] != TEH_MARBUTA));
}

static int ends_with(const kh_seg_token *t, const uint32_t *e)
{
    int k, len = (int)e[0];
    if (len >= t->n)
        return 0;
    for (k = 0; k < len; k++) {
        if (t->cp[t->n - len + k] != e[1 + k])
            return 0;
    }
    return 1;
}

/* Restorations of the host's end before an enclitic, given its last letter. */
static int end_restores(uint32_t last, uint8_t out[2])
{
    out[0] = 0;
    switch (last) {
    case TEH: out[1] = KH_SEG_R_TEH; return 2;
    case ALEF: out[1] = KH_SEG_R_ALEF; return 2;
    case YEH: out[1] = KH_SEG_R_YEH; return 2;
    case YEH_HAMZA:
    case WAW_HAMZA: out[1] = KH_SEG_R_HAMZA; return 2;
    case WAW: out[1] = KH_SEG_R_WAW_ALEF; return 2;
    default: return 1;
    }
}

/* Nunation and clitics: no pronoun after it, and after ً or ٌ no
 * preposition or future particle before it (و and ف may come). */
static int tanwin_allows(const kh_seg_token *t, int pre, int enc)
{
    if (t->tanwin == KH_SEG_TANWIN_NONE)
        return 1;
    if (enc)
        return 0;
    return t->tanwin == KH_SEG_TANWIN_KASRA || pre == 0 ||
           is_conj(t->cp[pre - 1]);
}

static int candidates(const kh_seg_token *t, kh_seg_cand *out, int max,
                      int strict)
{
    int pres[3], n_pre = 1, encs[1 + N_ENCLITICS], n_enc = 1, k = 0, a, b;
    size_t e;
    if (max < 1)
        return 0;
    out[k].pre = out[k].enc = out[k].restore = 0;
    k++;
    if (t->n < 2)
        return k;
    pres[0] = 0;
    if (is_conj(t->cp[0])) {
        pres[n_pre++] = 1;
        if (t->n > 2 && is_prep(t->cp[1]))
            pres[n_pre++] = 2;
    } else if (is_prep(t->cp[0])) {
        pres[n_pre++] = 1;
    }
    encs[0] = 0;
    for (e = 0; e < N_ENCLITICS; e++) {
        if (ends_with(t, enclitics[e]))
            encs[n_enc++] = (int)enclitics[e][0];
    }
    for (a = 0; a < n_pre; a++) {
        for (b = 0; b < n_enc; b++) {
            int pre = pres[a], enc = encs[b], host = t->n - pre - enc;
            uint32_t first, last;
            uint8_t ends[2];
            int fronts, n_ends, f, g;
            if ((pre == 0 && enc == 0) || host < 1)
                continue;
            if (!t->splittable[pre] || !t->splittable[t->n - enc])
                continue;
            first = t->cp[pre];
            last = t->cp[pre + host - 1];
            /* A one-letter host is a preposition carrying a pronoun: به. */
            if (host == 1 && !(pre == 0 && enc > 0 &&
                               (first == BEH || first == LAM || first == KAF)))
                continue;
            if (pre && t->cp[pre - 1] == SEEN &&
                !future_ok(t, pre, host, strict))
                continue;
            if (!tanwin_allows(t, pre, enc))
                continue;
            /* The article needs a word after it: not ب+ال (the name بال),
             * not الأ+هم; but الي+ه is إلى with a pronoun. */
            if (first == ALEF && host <= 3 && t->cp[pre + 1] == LAM &&
                (host == 2 || (t->cp[pre + 2] != YEH &&
                               t->cp[pre + 2] != ALEF_MAQSURA)))
                continue;
            /* ة and ى never come before a suffix. */
            if (enc && (last == TEH_MARBUTA || last == ALEF_MAQSURA))
                continue;
            fronts = pre && t->cp[pre - 1] == LAM && first == LAM ? 2 : 1;
            n_ends = enc ? end_restores(last, ends) : 1;
            if (!enc)
                ends[0] = 0;
            for (f = 0; f < fronts; f++) {
                for (g = 0; g < n_ends; g++) {
                    if (k == max)
                        return k;
                    out[k].pre = (uint8_t)pre;
                    out[k].enc = (uint8_t)enc;
                    out[k].restore = (uint8_t)((f ? KH_SEG_R_AL : 0) | ends[g]);
                    k++;
                }
            }
        }
    }
    return k;
}

int kh_seg_candidates(const kh_seg_token *t, kh_seg_cand *out, int max)
{
    return candidates(t, out, max, 1);
}

int kh_seg_train_candidates(const kh_seg_token *t, kh_seg_cand *out, int max)
{
    return candidates(t, out, max, 0);
}

int kh_seg_host(const kh_seg_token *t, const kh_seg_cand *c, uint32_t *out)
{
    int k = 0, i, host = t->n - c->pre - c->enc;
    if (c->restore & KH_SEG_R_AL)
        out[k++] = ALEF;
    for (i = 0; i < host; i++)
        out[k++] = t->cp[c->pre + i];
    if (k && host > 0) {
        uint32_t *last = &out[k - 1];
        if (c->restore & KH_SEG_R_TEH)
            *last = TEH_MARBUTA;
        else if (c->restore & (KH_SEG_R_ALEF | KH_SEG_R_YEH))
            *last = ALEF_MAQSURA;
        else if (c->restore & KH_SEG_R_HAMZA)
            *last = HAMZA;
        else if (c->restore & KH_SEG_R_WAW_ALEF)
            out[k++] = ALEF;
    }
    return k;
}

/* ------------------------------------------------------------------------ */
/* Features                                                                 */
/* ------------------------------------------------------------------------ */

/* Only the news counts of the lexicon are features: its treebank analyses
 * (the HOST flag, parts of speech) come from the very sentences the
 * segmenter is trained on, and a model that learns "a right host is one the
 * treebank analyzed" splits every word the treebank never saw. */

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

static const kh_lex_entry *find_folded(const kh_lexicon *lex,
                                       const uint32_t *cp, int n,
                                       const kh_seg_hide *hide)
{
    char key[4 * (KH_SEG_MAX + 2)];
    uint32_t folded[KH_SEG_MAX + 2];
    size_t len;
    int i;
    if (!lex || !lex->n_slots || n <= 0)
        return NULL;
    for (i = 0; i < n; i++)
        folded[i] = fold(cp[i]);
    len = kh_seg_utf8(folded, n, key);
    for (i = 0; hide && i < 2; i++) {
        if (hide->key[i] && hide->len[i] == len &&
            memcmp(hide->key[i], key, len) == 0)
            return NULL;
    }
    return kh_lexicon_find(lex, key, len);
}

/* How many forms of the host's paradigm the news counted at least twice:
 * with other pronoun suffixes (for a candidate with an enclitic) or other
 * proclitics (for one with a proclitic). A productive paradigm is the best
 * sign that the letters really are clitics: كتابه كتابها كتابهم ... */
static int paradigm(const kh_lexicon *lex, const kh_seg_token *t,
                    const kh_seg_cand *c, int suffixes)
{
    static const uint32_t encs[][3] = {{1, HEH}, {2, HEH, ALEF},
                                       {2, HEH, MEEM}, {2, NOON, ALEF},
                                       {1, KAF}, {1, YEH}};
    static const uint32_t pres[][3] = {{1, WAW}, {1, BEH}, {1, LAM},
                                       {1, FEH}, {2, ALEF, LAM}};
    uint32_t w[KH_SEG_MAX + 4];
    char key[4 * (KH_SEG_MAX + 4)];
    int host = t->n - c->pre - c->enc, i, k, n = 0, found = 0;
    if (!lex || !lex->n_slots || host < 1)
        return 0;
    if (suffixes) {
        for (i = 0; i < 6; i++) {
            for (k = 0; k < host; k++)
                w[k] = fold(t->cp[c->pre + k]);
            n = host;
            for (k = 0; k < (int)encs[i][0]; k++)
                w[n++] = encs[i][1 + k];
            if (n == t->n - c->pre &&
                memcmp(w + host, t->cp + c->pre + host,
                       (size_t)(n - host) * sizeof *w) == 0)
                continue; /* the token itself */
            {
                const kh_lex_entry *e =
                    kh_lexicon_find(lex, key, kh_seg_utf8(w, n, key));
                found += e && (e->flags & KH_LEX_TOKEN) && e->count >= 2;
            }
        }
    } else {
        for (i = 0; i < 5; i++) {
            n = 0;
            for (k = 0; k < (int)pres[i][0]; k++)
                w[n++] = pres[i][1 + k];
            for (k = 0; k < host; k++)
                w[n++] = fold(t->cp[c->pre + k]);
            if ((int)pres[i][0] == c->pre && c->pre == 1 &&
                pres[i][1] == t->cp[0])
                continue; /* the token's own proclitic */
            {
                const kh_lex_entry *e =
                    kh_lexicon_find(lex, key, kh_seg_utf8(w, n, key));
                found += e && (e->flags & KH_LEX_TOKEN) && e->count >= 2;
            }
        }
    }
    return found;
}

/* 0 for unseen, else 1 + log2(count + 1), at most 24. */
static unsigned raw_bucket(uint32_t c)
{
    unsigned b = 1;
    if (!c)
        return 0;
    while (c > 1 && b < 24) {
        c >>= 1;
        b++;
    }
    return b;
}

/* The exact count of letters as spelled, 0 when hidden. */
static uint32_t exact_count(const kh_seg_counts *exact, const uint32_t *cp,
                            int n, const kh_seg_hide *hide)
{
    char key[4 * (KH_SEG_MAX + 2)];
    size_t len;
    int i;
    if (!exact || n <= 0)
        return 0;
    if (hide) {
        uint32_t folded[KH_SEG_MAX + 2];
        char fkey[4 * (KH_SEG_MAX + 2)];
        size_t flen;
        for (i = 0; i < n; i++)
            folded[i] = fold(cp[i]);
        flen = kh_seg_utf8(folded, n, fkey);
        for (i = 0; i < 2; i++) {
            if (hide->key[i] && hide->len[i] == flen &&
                memcmp(hide->key[i], fkey, flen) == 0)
                return 0;
        }
    }
    len = kh_seg_utf8(cp, n, key);
    return exact->count(exact->ctx, key, len);
}

int kh_seg_features(const kh_lexicon *lex, const kh_seg_counts *exact,
                    const kh_seg_token *t, const kh_seg_cand *c,
                    const kh_seg_hide *hide, uint64_t *f)
{
    uint32_t host[KH_SEG_MAX + 2];
    char pre_s[16], enc_s[16];
    size_t pre_n, enc_n;
    int hn = kh_seg_host(t, c, host), k = 0, split = c->pre || c->enc;
    int host_len = t->n - c->pre - c->enc;
    const kh_lex_entry *he = find_folded(lex, host, hn, hide);
    const kh_lex_entry *te = find_folded(lex, t->cp, t->n, hide);
    unsigned hb = count_bucket(he), tb = count_bucket(te);
    int ratio = (int)hb - (int)tb;
    uint32_t hfirst = t->cp[c->pre], hlast = t->cp[c->pre + host_len - 1];
    uint64_t base;
    if (ratio < -6)
        ratio = -6;
    if (ratio > 6)
        ratio = 6;
    pre_n = kh_seg_utf8(t->cp, c->pre, pre_s);
    enc_n = kh_seg_utf8(t->cp + t->n - c->enc, c->enc, enc_s);
    /* base: the affixes of this candidate, conjoined with most features. */
    base = kh_feat_str(kh_feat_str(kh_feat(1), pre_s, pre_n), enc_s, enc_n);
    f[k++] = base;
    f[k++] = kh_feat_str(kh_feat(2), pre_s, pre_n);
    f[k++] = kh_feat_str(kh_feat(3), enc_s, enc_n);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 4), hb);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(5), (uint64_t)split), tb);
    f[k++] = kh_feat_mix(kh_feat_mix(base, 6), (uint64_t)(ratio + 8));
    f[k++] = kh_feat_mix(kh_feat_mix(base, 8),
                         (uint64_t)(host_len < 8 ? host_len : 8));
    f[k++] = kh_feat_mix(kh_feat_str(kh_feat(9), pre_s, pre_n), hfirst);
    f[k++] = kh_feat_mix(kh_feat_str(kh_feat(10), enc_s, enc_n), hlast);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(12), c->restore), hb);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(13), (uint64_t)split),
                         (uint64_t)(t->n < 12 ? t->n : 12));
    f[k++] = kh_feat_mix(kh_feat_str(kh_feat(14), pre_s, pre_n),
                         (uint64_t)(hn >= 2 && host[0] == ALEF &&
                                    host[1] == LAM));
    if (host_len >= 2)
        f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(15), enc_s, enc_n),
                                         hlast),
                             t->cp[c->pre + host_len - 2]);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(16), pre_s, pre_n),
                                     t->cp[0]),
                         t->cp[1 < t->n ? 1 : 0]);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(17), enc_s, enc_n),
                                     t->cp[t->n - 1]),
                         t->cp[t->n >= 2 ? t->n - 2 : 0]);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(18), enc_s, enc_n),
                                     c->restore),
                         hlast);
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_mix(base, 19), hb), tb);
    if (exact) {
        unsigned ehb = raw_bucket(exact_count(exact, host, hn, hide));
        unsigned etb = raw_bucket(exact_count(exact, t->cp, t->n, hide));
        int eratio = (int)ehb - (int)etb;
        eratio = eratio < -6 ? -6 : eratio > 6 ? 6 : eratio;
        f[k++] = kh_feat_mix(kh_feat_mix(base, 24), ehb);
        f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(25), (uint64_t)split), etb);
        f[k++] = kh_feat_mix(kh_feat_mix(base, 26), (uint64_t)(eratio + 8));
        f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_mix(base, 27), ehb), etb);
        f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_mix(base, 30),
                                         (uint64_t)(ehb > 0)),
                             (uint64_t)(etb > 0));
    }
    if (host_len >= 2)
        f[k++] = kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(28), pre_s, pre_n),
                                         hfirst),
                             t->cp[c->pre + 1]);
    if (host_len >= 3)
        f[k++] = kh_feat_mix(
            kh_feat_mix(kh_feat_mix(kh_feat_str(kh_feat(29), enc_s, enc_n),
                                    hlast),
                        t->cp[c->pre + host_len - 2]),
            t->cp[c->pre + host_len - 3]);
    if (c->enc) {
        int para = hide ? 0 : paradigm(lex, t, c, 1);
        f[k++] = kh_feat_mix(kh_feat_str(kh_feat(22), enc_s, enc_n),
                             (uint64_t)para);
        /* The same evidence for any pronoun: the treebank, in the third
         * person, rarely shows ك or ي, whose weights alone would be
         * guesses. */
        f[k++] = kh_feat_mix(kh_feat(31), (uint64_t)para);
        f[k++] = kh_feat_mix(kh_feat(32), hb);
        f[k++] = kh_feat_mix(kh_feat(33), (uint64_t)(ratio + 8));
    }
    if (c->pre)
        f[k++] = kh_feat_mix(kh_feat_str(kh_feat(23), pre_s, pre_n),
                             (uint64_t)(hide ? 0 : paradigm(lex, t, c, 0)));
    f[k++] = kh_feat_mix(kh_feat_mix(kh_feat(20), c->restore),
                         (uint64_t)(hb > 0));
    return k;
}

/* ------------------------------------------------------------------------ */
/* Choosing                                                                 */
/* ------------------------------------------------------------------------ */

/* The prepositions that take pronoun suffixes, as their hosts are restored
 * (ى, not ي; hamza on alef folded away). */
static const uint32_t prepositions[][4] = {
    {2, MEEM, NOON},           /* من */
    {2, 0x0639, NOON},         /* عن */
    {3, 0x0639, LAM, ALEF_MAQSURA}, /* على */
    {3, ALEF, LAM, ALEF_MAQSURA},   /* إلى */
    {3, LAM, 0x062F, ALEF_MAQSURA}, /* لدى */
    {2, FEH, YEH},             /* في */
    {2, MEEM, 0x0639},         /* مع */
    {3, 0x0639, NOON, 0x062F}, /* عند */
    {3, BEH, YEH, NOON},       /* بين */
    {3, 0x062D, WAW, LAM},     /* حول */
    {3, 0x062F, WAW, NOON},    /* دون */
    {1, BEH},                  /* ب */
    {1, LAM}};                 /* ل */

/* A closed-class host: a preposition carrying a pronoun suffix (منك, عليك,
 * حولي, لي, بك), which the treebank, written in the third person, rarely
 * shows with ك or ي. A token that is a conjunction, a preposition and a
 * pronoun (ومنه) qualifies too. Not: ني (معني is one word), ي after على
 * (the name علي) or ب (بي in بي بي سي), لكن (one word). Returns the index
 * of the candidate, or -1. */
static int closed_class(const kh_seg_token *t, const kh_seg_cand *cands,
                        int n)
{
    int i, p;
    for (i = 1; i < n; i++) {
        const kh_seg_cand *c = &cands[i];
        uint32_t host[KH_SEG_MAX + 2];
        int hn, k, lastenc = t->cp[t->n - 1];
        if (!c->enc || (c->restore & KH_SEG_R_AL) ||
            (c->pre && (c->pre != 1 || !is_conj(t->cp[0]))))
            continue;
        if (c->enc == 2 && t->cp[t->n - 2] == NOON && lastenc == YEH)
            continue;
        hn = kh_seg_host(t, c, host);
        for (k = 0; k < hn; k++) {
            if (host[k] == 0x0622 || host[k] == ALEF_HAMZA || host[k] == 0x0625)
                host[k] = ALEF;
        }
        for (p = 0; p < (int)(sizeof prepositions / sizeof *prepositions);
             p++) {
            if ((int)prepositions[p][0] != hn ||
                memcmp(host, prepositions[p] + 1, (size_t)hn * sizeof *host))
                continue;
            if (c->enc == 1 && lastenc == YEH &&
                (host[0] == BEH || (hn == 3 && host[0] == 0x0639)))
                break;
            if (hn == 1 && host[0] == LAM && c->enc == 2 &&
                t->cp[t->n - 2] == KAF && lastenc == NOON)
                break;
            return i;
        }
    }
    return -1;
}

/* A token the news never showed, whose proclitics leave a host with the
 * article (والمستكشفون, وبالمستكشفين, وللمستكشفين): the article makes the
 * letters before it clitics, whatever the weights, which have few unseen
 * words to learn from. Names spelled وال... (والتر) are seen. Returns the
 * index of the candidate with the most proclitics, or -1. */
static int unseen_article(const kh_lexicon *lex, const kh_seg_counts *exact,
                          const kh_seg_token *t, const kh_seg_cand *cands,
                          int n)
{
    uint32_t host[KH_SEG_MAX + 2];
    int i, best = -1;
    if (!lex || !lex->n_slots || find_folded(lex, t->cp, t->n, NULL) ||
        exact_count(exact, t->cp, t->n, NULL))
        return -1;
    for (i = 1; i < n; i++) {
        int hn;
        if (!cands[i].pre || cands[i].enc)
            continue;
        hn = kh_seg_host(t, &cands[i], host);
        if (hn >= 5 && host[0] == ALEF && host[1] == LAM &&
            (best < 0 || cands[i].pre > cands[best].pre))
            best = i;
    }
    return best;
}

/* The second person plural and dual suffixes (كن, كما): the treebank never
 * shows them, so the weights know nothing of them; a token the news never
 * showed either is a name sooner than a word with one (بلينكن). */
static int untaught_suffix(const kh_seg_token *t, const kh_seg_cand *c)
{
    return (c->enc == 2 && t->cp[t->n - 2] == KAF && t->cp[t->n - 1] == NOON) ||
           (c->enc == 3 && t->cp[t->n - 3] == KAF && t->cp[t->n - 2] == MEEM);
}

static kh_seg_cand best_scored(const kh_linear *lin, const kh_lexicon *lex,
                               const kh_seg_counts *exact,
                               const kh_seg_token *t, int depth)
{
    kh_seg_cand cands[KH_SEG_MAX_CANDS], c;
    int n = kh_seg_candidates(t, cands, KH_SEG_MAX_CANDS), i, best = 0;
    int64_t best_score = 0;
    int unseen = !find_folded(lex, t->cp, t->n, NULL) &&
                 !exact_count(exact, t->cp, t->n, NULL);
    if (n <= 1 || !lin || !lin->w)
        return cands[0];
    i = closed_class(t, cands, n);
    if (i > 0)
        return cands[i];
    i = unseen_article(lex, exact, t, cands, n);
    if (i > 0)
        return cands[i];
    for (i = 0; i < n; i++) {
        uint64_t f[KH_SEG_MAX_FEATS];
        int nf, j;
        int64_t score = 0;
        if (unseen && untaught_suffix(t, &cands[i]))
            continue;
        nf = kh_seg_features(lex, exact, t, &cands[i], NULL, f);
        for (j = 0; j < nf; j++)
            score += kh_linear_w(lin, f[j], 0);
        if (i == 0 || score > best_score) {
            best = i;
            best_score = score;
        }
    }
    c = cands[best];
    if (depth == 0 && c.pre && !c.enc && !(c.restore & KH_SEG_R_AL)) {
        /* A proclitic and nothing else: the rest is decided as a token of
         * its own, and keeps its pronoun suffix if it has one. The perceptron
         * weighs ب+طبيعتها against ب+طبيعت+ها with the counts of whole
         * tokens, where طبيعتها alone is plainly طبيعت+ها. */
        kh_seg_token sub;
        kh_seg_cand r;
        int k, pre = c.pre;
        sub.n = t->n - pre;
        for (k = 0; k < sub.n; k++) {
            sub.cp[k] = t->cp[pre + k];
            sub.fold[k] = t->fold[pre + k];
            sub.src[k] = t->src[pre + k];
            sub.splittable[k] = k == 0 ? 1 : t->splittable[pre + k];
        }
        sub.src[sub.n] = t->src[t->n];
        sub.splittable[sub.n] = 1;
        sub.tanwin = t->tanwin;
        r = best_scored(lin, lex, exact, &sub, depth + 1);
        if (r.pre == 0 && r.enc && sub.n - r.enc >= 2 &&
            t->splittable[t->n - r.enc]) {
            c.enc = r.enc;
            c.restore = r.restore;
        }
    }
    return c;
}

kh_seg_cand kh_seg_best(const kh_linear *lin, const kh_lexicon *lex,
                        const kh_seg_counts *exact, const kh_seg_token *t)
{
    return best_scored(lin, lex, exact, t, 0);
}

kh_seg_cand kh_segment_score(const kh_segmenter *s, const kh_lexicon *lex,
                             const kh_seg_token *t)
{
    kh_seg_counts exact;
    exact.count = kh_segmenter_count;
    exact.ctx = s;
    return kh_seg_best(s ? &s->lin : NULL, lex,
                       s && s->n_forms ? &exact : NULL, t);
}

/* A cached decision is used only if it fits the token: its clitics leave a
 * host and fall on boundaries between letters, and the future particle
 * comes before what may be a verb. (The cache is built from the token's own
 * candidates; this guards against a model for other forms, and against a
 * table made before the candidates' rules.) */
static int valid_for(const kh_seg_token *t, kh_seg_cand c)
{
    return c.pre <= 2 && c.enc <= 3 && c.pre + c.enc < t->n &&
           t->splittable[c.pre] && t->splittable[t->n - c.enc] &&
           tanwin_allows(t, c.pre, c.enc) &&
           !(c.pre && t->cp[c.pre - 1] == SEEN &&
             !future_ok(t, c.pre, t->n - c.pre - c.enc, 1));
}

/* The form table entry of a UTF-8 key, or NULL. */
_Static_assert(sizeof(kh_seg_form) == 32, "a form slot is 32 bytes");

static const kh_seg_form *find_form(const kh_segmenter *s, const char *key,
                                    size_t n)
{
    uint32_t mask, i, p;
    if (!s || !s->n_slots || n == 0 || n > 255)
        return NULL;
    mask = s->n_slots - 1;
    i = kh_lex_hash(key, n) & mask;
    for (p = 0; p <= mask; p++, i = (i + 1) & mask) {
        const kh_seg_form *e = &s->slots[i];
        if (!e->key_len)
            return NULL;
        /* The loader reads no slot (that would bring the whole table
         * into memory at each start-up): a lookup checks the key of the
         * slot it reads, and passes over a bad one. (A decision is
         * checked where it is used: valid_for.) */
        if (e->key <= s->pool_size && e->key_len <= s->pool_size - e->key &&
            kh_inline_key_is(e->head, KH_SEG_FORM_INLINE, s->pool, e->key,
                             e->key_len, key, n))
            return e;
    }
    return NULL;
}

uint32_t kh_segmenter_count(const void *segmenter, const char *key, size_t n)
{
    const kh_seg_form *e = find_form(segmenter, key, n);
    return e ? e->count : 0;
}

kh_seg_cand kh_segment(const kh_segmenter *s, const kh_lexicon *lex,
                       const kh_seg_token *t)
{
    if (s && s->n_slots) {
        char key[4 * KH_SEG_MAX];
        size_t n = kh_seg_utf8(t->cp, t->n, key);
        const kh_seg_form *e = find_form(s, key, n);
        if (e) {
            kh_seg_cand c = kh_seg_from_decision(e->decision);
            if (valid_for(t, c))
                return c;
        }
    }
    return kh_segment_score(s, lex, t);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                  */
/* ------------------------------------------------------------------------ */

khabar_code kh_segmenter_open(kh_segmenter *s, const kh_container *c,
                              khabar_error *err)
{
    kh_cursor k;
    uint32_t version;
    khabar_code rc;
    memset(s, 0, sizeof *s);
    rc = kh_linear_open(&s->lin, c, err);
    if (rc != KHABAR_OK)
        return rc;
    if (s->lin.n_labels != 1)
        return kh_fail(err, KHABAR_EMODEL, "segmenter: bad weights", 0);
    kh_cursor_init(&k, kh_container_get(c, "forms"));
    version = kh_cursor_u32(&k);
    s->n_forms = kh_cursor_u32(&k);
    s->n_slots = kh_cursor_u32(&k);
    s->pool_size = kh_cursor_u32(&k);
    if (k.bad || version != 3 || s->n_slots == 0 ||
        (s->n_slots & (s->n_slots - 1)) || s->n_slots <= s->n_forms)
        return kh_fail(err, KHABAR_EMODEL, "segmenter: bad form table header",
                       0);
    s->slots = kh_cursor_array(&k, s->n_slots, sizeof(kh_seg_form), 4);
    s->pool = kh_cursor_array(&k, s->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "segmenter: truncated or trailing bytes", 0);
    kh_ok(err);
    return KHABAR_OK;
}
