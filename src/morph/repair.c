/*
 * repair.c - glued-word repair (see repair.h).
 */
#include "repair.h"

#include <string.h>

#include "../model/model.h"
#include "segment.h"

#define ALEF 0x0627
#define ALEF_HAMZA_BELOW 0x0625
#define LAM 0x0644
#define WAW 0x0648
#define TEH_MARBUTA 0x0629
#define ALEF_MAQSURA 0x0649

#define NEG_INF (-1e300)

/* The natural log of x > 0, without libm: x = m 2^e with m in [1, 2), then
 * ln m = 2 atanh((m - 1) / (m + 1)) by its series (|z| <= 1/3; 8 terms give
 * 1e-9). */
static double ln(double x)
{
    double z, z2, sum, term;
    int e = 0, k;
    if (x <= 0)
        return NEG_INF;
    while (x >= 2) {
        x *= 0.5;
        e++;
    }
    while (x < 1) {
        x *= 2;
        e--;
    }
    z = (x - 1) / (x + 1);
    z2 = z * z;
    sum = 0;
    term = z;
    for (k = 1; k <= 17; k += 2) {
        sum += term / k;
        term *= z2;
    }
    return 2 * sum + e * 0.69314718055994530942;
}

/* What is known of one stretch [i, j) of the token's letters as a word. */
typedef struct part {
    uint8_t done, pre, enc, ok, known, upos, host_upos;
    uint32_t count;      /* token count of its key (0 when not KH_LEX_TOKEN) */
    uint32_t host;       /* count of its host when it has clitics, else 0 */
    double logv;         /* log of its plausibility as a word (when ok) */
} part;

typedef struct job {
    const khabar_model *m;
    kh_seg_token t;
    part *parts;         /* (n + 1) * (n + 1), index i * (n + 1) + j */
} job;

static uint32_t fold(uint32_t c)
{
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return ALEF;
    case ALEF_MAQSURA: return 0x064A;
    case TEH_MARBUTA: return 0x0647;
    default: return c;
    }
}

/* The token count of letters (folded here), 0 when unknown or below the
 * lexicon's threshold; *host_only is set when the key is a treebank host. */
static uint32_t lex_count(const khabar_model *m, const uint32_t *cp, int n,
                          int *known, int *upos)
{
    char key[4 * (KH_SEG_MAX + 2)];
    uint32_t f[KH_SEG_MAX + 2];
    const kh_lex_entry *e;
    int i;
    *known = 0;
    *upos = 0;
    if (n <= 0 || n > KH_SEG_MAX + 2)
        return 0;
    for (i = 0; i < n; i++)
        f[i] = fold(cp[i]);
    e = kh_lexicon_find(&m->lex, key, kh_seg_utf8(f, n, key));
    if (!e)
        return 0;
    *known = 1;
    if (e->n_analyses)
        *upos = m->lex.analyses[e->analyses].upos;
    return (e->flags & KH_LEX_TOKEN) ? e->count : 0;
}

/* ------------------------------------------------------------------------ */
/* Parameters (tuned with tools/eval/repair_eval.py, see the end)           */
/* ------------------------------------------------------------------------ */

/* A part is a word when its own count is at least PART_MIN, or its host's
 * (clitics off) at least HOST_MIN; a host's count stands for the part's
 * with the factor HOST_SHARE. */
#define PART_MIN 5
#define HOST_MIN 20
#define HOST_SHARE 0.05
/* A whole token counted at least WHOLE_MAX times is a word. */
#define WHOLE_MAX 50
/* A token whose host (clitics off) is counted at least this is a word. */
#define WHOLE_HOST_MAX 50

#define YEH 0x064A
#define NOON 0x0646
#define TEH 0x062A

/* Inflectional endings, longest first: count, letters, and whether the stem
 * takes ة back (صحفيتان -> صحفية). */
static const uint32_t endings[][5] = {
    {3, YEH, YEH, NOON, 0}, {3, YEH, WAW, NOON, 0}, {3, YEH, ALEF, NOON, 0},
    {3, YEH, ALEF, TEH, 0}, {3, TEH, ALEF, NOON, 1}, {3, TEH, YEH, NOON, 1},
    {2, ALEF, NOON, 0},     {2, YEH, NOON, 0},     {2, WAW, NOON, 0},
    {2, ALEF, TEH, 1},      {2, YEH, TEH_MARBUTA, 0}, {2, WAW, ALEF, 0},
    {1, YEH, 0, 0},         {1, TEH_MARBUTA, 0, 0}};
#define N_ENDINGS (sizeof endings / sizeof *endings)

/* The best count of what explains the token as one word: a host under any
 * of its clitic segmentations, or the stem of an inflected host. */
static uint32_t explain(const khabar_model *m, const kh_seg_token *t)
{
    kh_seg_cand cands[KH_SEG_MAX_CANDS];
    uint32_t host[KH_SEG_MAX + 4], best = 0, c;
    int nc = kh_seg_candidates(t, cands, KH_SEG_MAX_CANDS), i, hn, known,
        upos;
    size_t e;
    for (i = 0; i < nc; i++) {
        hn = kh_seg_host(t, &cands[i], host);
        if (i > 0 && hn >= 2) {
            c = lex_count(m, host, hn, &known, &upos);
            if (c > best)
                best = c;
        }
        for (e = 0; e < N_ENDINGS; e++) {
            int k, len = (int)endings[e][0], sn = hn - len;
            if (sn < 3)
                continue;
            for (k = 0; k < len; k++) {
                if (host[sn + k] != endings[e][1 + k])
                    break;
            }
            if (k < len)
                continue;
            c = lex_count(m, host, sn, &known, &upos);
            if (c > best)
                best = c;
            if (len == 3 ? endings[e][4] : len == 2 ? endings[e][3] : 0) {
                host[sn] = TEH_MARBUTA;
                c = lex_count(m, host, sn + 1, &known, &upos);
                if (c > best)
                    best = c;
                host[sn] = endings[e][1];
            }
        }
    }
    return best;
}

static void eval_part(job *jb, int i, int j)
{
    part *p = &jb->parts[i * (jb->t.n + 1) + j];
    const kh_seg_token *t = &jb->t;
    kh_seg_token s;
    kh_seg_cand c = {0, 0, 0};
    uint32_t host[KH_SEG_MAX + 4];
    int n = j - i, k, known, hn, upos;
    double v = 0;
    if (p->done)
        return;
    memset(p, 0, sizeof *p);
    p->done = 1;
    p->count = lex_count(jb->m, &t->cp[i], n, &known, &upos);
    p->upos = (uint8_t)upos;
    if (jb->m->has_segmenter && n >= 2) {
        s.n = n;
        for (k = 0; k < n; k++) {
            s.cp[k] = t->cp[i + k];
            s.fold[k] = t->fold[i + k];
            s.src[k] = t->src[i + k];
            s.splittable[k] = k == 0 ? 1 : t->splittable[i + k];
        }
        s.src[n] = t->src[j];
        s.splittable[n] = 1;
        c = kh_segment(&jb->m->seg, &jb->m->lex, &s);
        if (c.pre || c.enc) {
            hn = kh_seg_host(&s, &c, host);
            p->host = lex_count(jb->m, host, hn, &known, &upos);
            p->host_upos = (uint8_t)upos;
            if (!p->host && known)
                p->host = 1;
        }
    }
    p->pre = c.pre;
    p->enc = c.enc;
    p->known = p->count > 0 || p->host > 0;
    if (p->count >= PART_MIN)
        v = p->count;
    if (p->host >= HOST_MIN && HOST_SHARE * p->host > v)
        v = HOST_SHARE * p->host;
    p->ok = v > 0;
    p->logv = v > 0 ? ln(v) : 0;
}

static part *get(job *jb, int i, int j)
{
    eval_part(jb, i, j);
    return &jb->parts[i * (jb->t.n + 1) + j];
}

/* ------------------------------------------------------------------------ */
/* Scoring                                                                  */
/* ------------------------------------------------------------------------ */

/* Spelling cue at a cut before letter j: ة or ى end only words; إ begins
 * only words (after a proclitic or the article). */
static double cut_cue(const kh_seg_token *t, int j)
{
    uint32_t left = t->cp[j - 1];
    double cue = 0;
    if (left == TEH_MARBUTA || left == ALEF_MAQSURA)
        cue += 6.0;
    (void)ALEF_HAMZA_BELOW;
    return cue;
}

static double score_cuts(job *jb, const int *cut, int ncut, double whole)
{
    int b[4], k;
    double s = -whole - ncut * 5.0;
    b[0] = 0;
    for (k = 0; k < ncut; k++)
        b[k + 1] = cut[k];
    b[ncut + 1] = jb->t.n;
    for (k = 0; k <= ncut; k++) {
        part *p = get(jb, b[k], b[k + 1]);
        if (!p->ok)
            return -1e300;
        s += p->logv - ln((double)jb->m->lex.total);
    }
    for (k = 0; k < ncut; k++)
        s += cut_cue(&jb->t, cut[k]);
    return s;
}

/* The log plausibility of the whole token as one word. */
static double whole_logv(job *jb, const part *w)
{
    const kh_seg_token *t = &jb->t;
    double v = 1.0, lt = ln((double)jb->m->lex.total);
    int i;
    if (w->count > v)
        v = w->count;
    if (HOST_SHARE * w->host > v)
        v = HOST_SHARE * w->host;
    for (i = 0; i + 1 < t->n; i++) {
        if (t->cp[i] == TEH_MARBUTA || t->cp[i] == ALEF_MAQSURA)
            break;
    }
    (void)i;
    return ln(v) - lt;
}

static int run(const khabar_model *m, kh_norm *morph, const char *text,
               size_t start, size_t end, kh_repair *out, int best_only)
{
    job jb;
    part table[(KH_REPAIR_MAX_LETTERS + 1) * (KH_REPAIR_MAX_LETTERS + 1)];
    const part *w;
    int n, i, j, cut[2];
    double whole, best = -1e300, s;
    out->n_parts = 1;
    out->split[0] = out->split[1] = 0;
    out->score = 0;
    if (!m || !m->has_lexicon || !text || end <= start ||
        end - start > KH_REPAIR_MAX_BYTES)
        return 0;
    if (kh_seg_token_init(&jb.t, morph, text, start, end) != 0)
        return morph->failed ? -1 : 0;
    n = jb.t.n;
    if (n < 2 * KH_REPAIR_MIN_PART || n > KH_REPAIR_MAX_LETTERS)
        return 0;
    jb.m = m;
    jb.parts = table;
    for (i = 0; i <= n; i++) {
        for (j = 0; j <= n; j++)
            table[i * (n + 1) + j].done = 0;
    }
    w = get(&jb, 0, n);
    if (!best_only && (w->count >= WHOLE_MAX || w->host >= WHOLE_HOST_MAX))
        return 0;
    whole = whole_logv(&jb, w);
    for (i = KH_REPAIR_MIN_PART; i + KH_REPAIR_MIN_PART <= n; i++) {
        if (!jb.t.splittable[i] || !get(&jb, 0, i)->ok)
            continue;
        cut[0] = i;
        s = score_cuts(&jb, cut, 1, whole);
        if (s > best) {
            best = s;
            out->n_parts = 2;
            out->split[0] = jb.t.src[i];
        }
        for (j = i + KH_REPAIR_MIN_PART; j + KH_REPAIR_MIN_PART <= n; j++) {
            if (!jb.t.splittable[j] || !get(&jb, i, j)->ok)
                continue;
            cut[1] = j;
            s = score_cuts(&jb, cut, 2, whole);
            if (s > best) {
                best = s;
                out->n_parts = 3;
                out->split[0] = jb.t.src[i];
                out->split[1] = jb.t.src[j];
            }
        }
    }
    if (out->n_parts == 1)
        return 0;
    s = 1000.0 * best;
    if (!best_only)
        s -= KH_REPAIR_THRESHOLD;
    out->score = s > 2e9 ? 2000000000 : s < -2e9 ? -2000000000 : (int32_t)s;
    if (!best_only && out->score < 0) {
        out->n_parts = 1;
        out->split[0] = out->split[1] = 0;
    }
    return out->n_parts - 1;
}

static void fill_part(kh_repair_cand *c, int k, const part *p, int len)
{
    c->part[k].len = len;
    c->part[k].count = p->count;
    c->part[k].host = p->host;
    c->part[k].pre = p->pre;
    c->part[k].enc = p->enc;
    c->part[k].upos = p->upos;
    c->part[k].host_upos = p->host_upos;
}

int kh_repair_visit(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair_visit_fn fn,
                    void *ctx)
{
    job jb;
    part table[(KH_REPAIR_MAX_LETTERS + 1) * (KH_REPAIR_MAX_LETTERS + 1)];
    kh_repair_cand c;
    int n, i, j;
    if (!m || !m->has_lexicon || !text || end <= start ||
        end - start > KH_REPAIR_MAX_BYTES)
        return 0;
    if (kh_seg_token_init(&jb.t, morph, text, start, end) != 0)
        return morph->failed ? -1 : 0;
    n = jb.t.n;
    if (n > KH_REPAIR_MAX_LETTERS)
        return 0;
    jb.m = m;
    jb.parts = table;
    for (i = 0; i < (n + 1) * (n + 1); i++)
        table[i].done = 0;
    memset(&c, 0, sizeof c);
    c.n_parts = 1;
    fill_part(&c, 0, get(&jb, 0, n), n);
    c.explained = explain(m, &jb.t);
    fn(ctx, jb.t.cp, n, &c);
    for (i = KH_REPAIR_MIN_PART; i + KH_REPAIR_MIN_PART <= n; i++) {
        const part *a = get(&jb, 0, i), *b;
        if (!jb.t.splittable[i] || !a->known)
            continue;
        c.cut[0] = i;
        c.split[0] = jb.t.src[i];
        fill_part(&c, 0, a, i);
        b = get(&jb, i, n);
        if (b->known) {
            c.n_parts = 2;
            fill_part(&c, 1, b, n - i);
            fn(ctx, jb.t.cp, n, &c);
        }
        for (j = i + KH_REPAIR_MIN_PART; j + KH_REPAIR_MIN_PART <= n; j++) {
            const part *d;
            b = get(&jb, i, j);
            if (!jb.t.splittable[j] || !b->known)
                continue;
            d = get(&jb, j, n);
            if (!d->known)
                continue;
            c.n_parts = 3;
            c.cut[1] = j;
            c.split[1] = jb.t.src[j];
            fill_part(&c, 1, b, j - i);
            fill_part(&c, 2, d, n - j);
            fn(ctx, jb.t.cp, n, &c);
        }
    }
    return 0;
}

int kh_repair_token(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair *out)
{
    return run(m, morph, text, start, end, out, 0);
}

int kh_repair_best(const khabar_model *m, kh_norm *morph, const char *text,
                   size_t start, size_t end, kh_repair *out)
{
    return run(m, morph, text, start, end, out, 1);
}
