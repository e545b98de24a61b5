/*
 * perceptron.c - the structured perceptron behind khabar's sequence
 * taggers (see perceptron.h).
 *
 * Learning: averaged structured perceptron (Collins 2002) over the emission
 * features of src/tag/features.h and label-bigram transitions, decoded by
 * Viterbi; one sentence in ten is held out, training stops when held-out
 * accuracy has not improved for three epochs, and the best epoch's averaged
 * weights are quantized to int16 (one scale for emissions and transitions).
 * Deterministic: examples are shuffled with a fixed seed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kbm_write.h"
#include "perceptron.h"
#include "khabar.h"
#include "model/container.h"
#include "morph/lexicon.h"
#include "tag/features.h"
#include "tag/ner_history.h"
#include "tag/tagger.h"
#include "train.h"

/* Room for the history features of a position (seqs.hist_feats). */
#define HX KH_NER_HISTORY_FEATS

/* ------------------------------------------------------------------------ */
/* Sequences                                                                */
/* ------------------------------------------------------------------------ */

int label_of(seqs *S, const char *name)
{
    int i;
    for (i = 0; i < S->n_labels; i++) {
        if (strcmp(S->labels[i], name) == 0)
            return i;
    }
    if (S->n_labels == KH_TAG_MAX_LABELS)
        die("too many labels");
    S->labels[S->n_labels] = strdup(name);
    return S->n_labels++;
}

void add_seq(seqs *S, seq *q)
{
    if (S->n == S->cap) {
        S->cap = S->cap ? 2 * S->cap : 1024;
        S->v = realloc(S->v, S->cap * sizeof *S->v);
        if (!S->v)
            die("out of memory");
    }
    S->v[S->n++] = *q;
}

/* ------------------------------------------------------------------------ */
/* The averaged perceptron                                                  */
/* ------------------------------------------------------------------------ */

typedef struct model {
    uint32_t mask;
    int L;
    double *w, *total;     /* (mask + 1) * L */
    uint64_t *stamp;
    double *tw, *ttotal;   /* (L + 1) * L */
    uint64_t *tstamp;
    uint64_t time;
} model;

static void bump(double *w, double *total, uint64_t *stamp, size_t i,
                 uint64_t time, double d)
{
    total[i] += (double)(time - stamp[i]) * w[i];
    stamp[i] = time;
    w[i] += d;
}

static double *averaged(const double *w, const double *total,
                        const uint64_t *stamp, size_t n, uint64_t time)
{
    double *a = malloc(n * sizeof *a);
    size_t i;
    if (!a)
        die("out of memory");
    for (i = 0; i < n; i++)
        a[i] = (total[i] + (double)(time - stamp[i]) * w[i]) / (double)time;
    return a;
}

/* The history features of q's positions (HX a position into xf, their
 * counts into xn) from the types h holds for their keys (into hs). */
static void history_feats(const seqs *S, const seq *q,
                          const kh_ner_history *h, uint8_t *hs, uint64_t *xf,
                          uint8_t *xn)
{
    size_t i;
    for (i = 0; i < q->n; i++)
        hs[i] = (uint8_t)(q->hkey ? kh_ner_history_get(h, q->hkey[i]) : 0);
    for (i = 0; i < q->n; i++)
        xn[i] = (uint8_t)S->hist_feats(i > 0 ? hs[i - 1] : 0, hs[i],
                                       i + 1 < q->n ? hs[i + 1] : 0,
                                       xf + i * HX);
}

/* Records the types of labels out at q's positions in h. */
static void history_add(const seqs *S, const seq *q, kh_ner_history *h,
                        const uint8_t *out)
{
    size_t i;
    for (i = 0; q->hkey && i < q->n; i++) {
        if (S->hist_type[out[i]] &&
            kh_ner_history_add(h, q->hkey[i], S->hist_type[out[i]]) != 0)
            die("out of memory");
    }
}

/* Viterbi with double weights w (emissions) and t (transitions), plus w2
 * and t2 unless w2 is NULL (a domain's own weights); with xf, the
 * positions' history features too (history_feats). */
static void decode2(const seq *q, int L, uint32_t mask, const double *w,
                    const double *t, const double *w2, const double *t2,
                    const uint64_t *xf, const uint8_t *xn, uint8_t *out,
                    double *sc, uint8_t *bk)
{
    size_t i, f;
    int y, yp;
    const uint64_t all = L < 64 ? ((uint64_t)1 << L) - 1 : ~(uint64_t)0;
    for (i = 0; i < q->n; i++) {
        double emit[KH_TAG_MAX_LABELS];
        for (y = 0; y < L; y++)
            emit[y] = 0;
        for (f = q->off[i]; f < q->off[i + 1] + (xf ? xn[i] : 0); f++) {
            uint64_t h = f < q->off[i + 1] ? q->feats[f]
                                           : xf[i * HX + f - q->off[i + 1]];
            size_t b = (size_t)(h & mask) * (size_t)L;
            for (y = 0; y < L; y++)
                emit[y] += w[b + (size_t)y];
            if (w2) {
                for (y = 0; y < L; y++)
                    emit[y] += w2[b + (size_t)y];
            }
        }
        if (q->allow && (q->allow[i] & all) && (q->allow[i] & all) != all) {
            for (y = 0; y < L; y++) {
                if (!(q->allow[i] >> y & 1))
                    emit[y] = -1e30;
            }
        }
        for (y = 0; y < L; y++) {
            double best;
            int arg = 0;
            if (i == 0) {
                best = t[L * L + y] + (w2 ? t2[L * L + y] : 0);
            } else {
                best = sc[(i - 1) * (size_t)L] + t[y] + (w2 ? t2[y] : 0);
                for (yp = 1; yp < L; yp++) {
                    double s = sc[(i - 1) * (size_t)L + yp] + t[yp * L + y] +
                               (w2 ? t2[yp * L + y] : 0);
                    if (s > best) {
                        best = s;
                        arg = yp;
                    }
                }
            }
            sc[i * (size_t)L + y] = best + emit[y];
            bk[i * (size_t)L + y] = (uint8_t)arg;
        }
    }
    if (q->n) {
        int best = 0;
        for (y = 1; y < L; y++) {
            if (sc[(q->n - 1) * (size_t)L + y] > sc[(q->n - 1) * (size_t)L + best])
                best = y;
        }
        for (i = q->n; i-- > 0;) {
            out[i] = (uint8_t)best;
            best = bk[i * (size_t)L + best];
        }
    }
}

void decode(const seq *q, int L, uint32_t mask, const double *w,
            const double *t, uint8_t *out, double *sc, uint8_t *bk)
{
    decode2(q, L, mask, w, t, NULL, NULL, NULL, NULL, out, sc, bk);
}

/* The number of weight tables of M: the shared one, then one per domain. */
static size_t tables(const seqs *S)
{
    return S->domains > 1 ? 1 + (size_t)S->domains : 1;
}

/* Decodes q with the weights of its domain: table 0 plus the domain's. */
static void decode_in(const seqs *S, const seq *q, int L, uint32_t mask,
                      const double *w, const double *t, size_t n_w, size_t n_t,
                      const uint64_t *xf, const uint8_t *xn, uint8_t *out,
                      double *sc, uint8_t *bk)
{
    size_t d = tables(S) > 1 ? 1 + (size_t)q->source : 0;
    decode2(q, L, mask, w, t, d ? w + d * n_w : NULL, d ? t + d * n_t : NULL,
            xf, xn, out, sc, bk);
}

/* Whether sequence s begins a document (seq.doc, seq.source). */
static int doc_begins(const seqs *S, size_t s)
{
    return s == 0 || S->v[s].doc != S->v[s - 1].doc ||
           S->v[s].source != S->v[s - 1].source;
}

/* With history, every sequence of domain 0 is tagged, in order, so that
 * the held-out ones have the history they would have. */
static double heldout_accuracy(const seqs *S, const model *M, const double *w,
                               const double *t, size_t n_w, size_t n_t,
                               double *sc, uint8_t *bk, uint8_t *out,
                               kh_ner_history *hist, uint8_t *hs, uint64_t *xf,
                               uint8_t *xn)
{
    size_t s, i, right = 0, total = 0;
    for (s = 0; s < S->n; s++) {
        const seq *q = &S->v[s];
        if (S->hist_feats && doc_begins(S, s))
            kh_ner_history_clear(hist);
        if ((!q->heldout && !S->hist_feats) || q->excluded ||
            (tables(S) > 1 && q->source != 0))
            continue;
        if (S->hist_feats)
            history_feats(S, q, hist, hs, xf, xn);
        decode_in(S, q, M->L, M->mask, w, t, n_w, n_t,
                  S->hist_feats ? xf : NULL, xn, out, sc, bk);
        if (S->hist_feats)
            history_add(S, q, hist, out);
        if (!q->heldout)
            continue;
        for (i = 0; i < q->n; i++) {
            if (q->skip[i])
                continue;
            right += out[i] == q->gold[i];
            total++;
        }
    }
    return total ? (double)right / (double)total : 0;
}

/* Trains on the sequences of S that are neither excluded nor held out,
 * stopping on the held-out ones; returns the best epoch's weights. */
trained train_best(seqs *S, int epochs, int log2b)
{
    return train_seeded(S, epochs, log2b, 0);
}

trained train_seeded(seqs *S, int epochs, int log2b, unsigned run)
{
    model M;
    size_t n_w, n_t, s, i, k, maxlen = 0, *order, *walk, *docs, n_docs = 0;
    double *sc, best_acc = -1, *best_w = NULL, *best_t = NULL;
    uint8_t *bk, *out, *xn, *hs;
    uint64_t *xf;
    kh_ner_history hist;
    uint64_t seed = 0x7A66E5EDull + 0x9E3779B97F4A7C15ull * run;
    int epoch, stale = 0, best_epoch = 0;
    memset(&M, 0, sizeof M);
    M.L = S->n_labels;
    M.mask = (1u << log2b) - 1;
    n_w = ((size_t)M.mask + 1) * (size_t)M.L;
    n_t = (size_t)(M.L + 1) * (size_t)M.L;
    k = tables(S);
    M.w = calloc(k * n_w, sizeof(double));
    M.total = calloc(k * n_w, sizeof(double));
    M.stamp = calloc(k * n_w, sizeof(uint64_t));
    M.tw = calloc(k * n_t, sizeof(double));
    M.ttotal = calloc(k * n_t, sizeof(double));
    M.tstamp = calloc(k * n_t, sizeof(uint64_t));
    for (s = 0; s < S->n; s++)
        maxlen = S->v[s].n > maxlen ? S->v[s].n : maxlen;
    sc = malloc((maxlen + 1) * (size_t)M.L * sizeof *sc);
    bk = malloc((maxlen + 1) * (size_t)M.L);
    out = malloc(maxlen + 1);
    order = malloc((S->n + 1) * sizeof *order);
    walk = malloc((S->n + 1) * sizeof *walk);
    docs = malloc((S->n + 2) * sizeof *docs);
    xf = malloc((maxlen + 1) * HX * sizeof *xf);
    xn = calloc(maxlen + 1, 1);
    hs = malloc(maxlen + 1);
    if (!M.w || !M.total || !M.stamp || !M.tw || !M.ttotal || !M.tstamp ||
        !sc || !bk || !out || !order || !walk || !docs || !xf || !xn || !hs)
        die("out of memory");
    memset(&hist, 0, sizeof hist);
    for (s = 0; s < S->n; s++) {
        order[s] = s;
        if (doc_begins(S, s))
            docs[n_docs++] = s;
    }
    docs[n_docs] = S->n;
    M.time = 1;
    for (epoch = 1; epoch <= epochs; epoch++) {
        size_t errors = 0, seen = 0;
        double acc, *aw, *at;
        if (!S->hist_feats) {
            shuffle(order, S->n, &seed);
            memcpy(walk, order, S->n * sizeof *walk);
        } else {
            /* The documents shuffled, the sequences of each in order. */
            size_t d, w = 0;
            shuffle(order, n_docs, &seed);
            for (d = 0; d < n_docs; d++) {
                for (s = docs[order[d]]; s < docs[order[d] + 1]; s++)
                    walk[w++] = s;
            }
        }
        for (s = 0; s < S->n; s++) {
            const seq *q = &S->v[walk[s]];
            /* The tables this sequence is scored by: the shared one, then
             * its domain's (offsets into M's arrays). */
            size_t dom[2], n_dom = 1, j;
            if (S->hist_feats && doc_begins(S, walk[s]))
                kh_ner_history_clear(&hist);
            if (q->heldout || q->excluded)
                continue;
            dom[0] = 0;
            if (k > 1)
                dom[n_dom++] = 1 + (size_t)q->source;
            if (S->hist_feats)
                history_feats(S, q, &hist, hs, xf, xn);
            decode_in(S, q, M.L, M.mask, M.w, M.tw, n_w, n_t,
                      S->hist_feats ? xf : NULL, xn, out, sc, bk);
            if (S->hist_feats)
                history_add(S, q, &hist, out);
            for (i = 0; i < q->n; i++) {
                size_t f, f_end = q->off[i + 1] + (S->hist_feats ? xn[i] : 0);
                int g = q->gold[i], p = out[i];
                int gp = i ? q->gold[i - 1] : M.L, pp = i ? out[i - 1] : M.L;
                seen++;
                if (q->skip[i])
                    continue;
                if (g != p) {
                    errors++;
                    for (f = q->off[i]; f < f_end; f++) {
                        uint64_t h = f < q->off[i + 1]
                                         ? q->feats[f]
                                         : xf[i * HX + f - q->off[i + 1]];
                        size_t b = (size_t)(h & M.mask) * (size_t)M.L;
                        for (j = 0; j < n_dom; j++) {
                            size_t o = dom[j] * n_w + b;
                            bump(M.w, M.total, M.stamp, o + (size_t)g, M.time, 1);
                            bump(M.w, M.total, M.stamp, o + (size_t)p, M.time, -1);
                        }
                    }
                }
                if (g != p || gp != pp) {
                    for (j = 0; j < n_dom; j++) {
                        size_t o = dom[j] * n_t;
                        bump(M.tw, M.ttotal, M.tstamp,
                             o + (size_t)(gp * M.L + g), M.time, 1);
                        bump(M.tw, M.ttotal, M.tstamp,
                             o + (size_t)(pp * M.L + p), M.time, -1);
                    }
                }
            }
            M.time++;
        }
        aw = averaged(M.w, M.total, M.stamp, k * n_w, M.time);
        at = averaged(M.tw, M.ttotal, M.tstamp, k * n_t, M.time);
        acc = heldout_accuracy(S, &M, aw, at, n_w, n_t, sc, bk, out, &hist,
                               hs, xf, xn);
        printf("epoch %d: %zu errors in %zu training positions, held-out "
               "accuracy %.4f\n",
               epoch, errors, seen, acc);
        if (acc > best_acc) {
            free(best_w);
            free(best_t);
            best_w = aw;
            best_t = at;
            best_acc = acc;
            best_epoch = epoch;
            stale = 0;
        } else {
            free(aw);
            free(at);
            if (++stale >= 3)
                break;
        }
    }
    printf("best epoch %d: held-out accuracy %.4f\n", best_epoch, best_acc);
    free(M.w);
    free(M.total);
    free(M.stamp);
    free(M.tw);
    free(M.ttotal);
    free(M.tstamp);
    free(sc);
    free(bk);
    free(out);
    free(order);
    free(walk);
    free(docs);
    free(xf);
    free(xn);
    free(hs);
    kh_ner_history_free(&hist);
    if (k > 1) {
        /* Domain 0's model: the shared weights plus its own. */
        for (i = 0; i < n_w; i++)
            best_w[i] += best_w[n_w + i];
        for (i = 0; i < n_t; i++)
            best_t[i] += best_t[n_t + i];
    }
    {
        trained tr;
        tr.w = best_w;
        tr.t = best_t;
        tr.mask = M.mask;
        tr.L = M.L;
        return tr;
    }
}

/* Holds out every tenth sequence for run r's early stopping, from the
 * (9 - r % 10)th: run 0 holds out the sequences 9, 19, 29 ... */
static void held_out(seqs *S, int r)
{
    size_t s;
    for (s = 0; s < S->n; s++)
        S->v[s].heldout = s % 10 == (size_t)(9 - r % 10);
}

trained train_mean(seqs *S, int epochs, int log2b, int runs)
{
    trained tr;
    size_t n_w, n_t, i;
    int r;
    held_out(S, 0);
    tr = train_seeded(S, epochs, log2b, 0);
    n_w = ((size_t)tr.mask + 1) * (size_t)tr.L;
    n_t = (size_t)(tr.L + 1) * (size_t)tr.L;
    for (r = 1; r < runs; r++) {
        trained o;
        held_out(S, r);
        o = train_seeded(S, epochs, log2b, (unsigned)r);
        for (i = 0; i < n_w; i++)
            tr.w[i] += o.w[i];
        for (i = 0; i < n_t; i++)
            tr.t[i] += o.t[i];
        free(o.w);
        free(o.t);
    }
    for (i = 0; i < n_w; i++)
        tr.w[i] /= runs;
    for (i = 0; i < n_t; i++)
        tr.t[i] /= runs;
    held_out(S, 0);
    return tr;
}

/* Writes trained weights as a model file of kind. */
void write_model(const seqs *S, const trained *tr, const char *kind,
                 const char *path)
{
    kbm_section sec[2];
    size_t n_w = ((size_t)tr->mask + 1) * (size_t)tr->L;
    size_t n_t = (size_t)(tr->L + 1) * (size_t)tr->L, i, names = 0;
    double max = 0, scale;
    int y;
    memset(sec, 0, sizeof sec);
    for (i = 0; i < n_w; i++)
        max = fabs(tr->w[i]) > max ? fabs(tr->w[i]) : max;
    for (i = 0; i < n_t; i++)
        max = fabs(tr->t[i]) > max ? fabs(tr->t[i]) : max;
    scale = max > 0 ? 32767.0 / max : 1;
    strcpy(sec[0].tag, "weights");
    buf_u32(&sec[0].data, 1);
    buf_u32(&sec[0].data, tr->mask + 1);
    buf_u32(&sec[0].data, (uint32_t)tr->L);
    buf_u32(&sec[0].data, 0);
    for (i = 0; i < n_w; i++)
        buf_u16(&sec[0].data, (uint16_t)(int16_t)lround(tr->w[i] * scale));
    strcpy(sec[1].tag, "tagger");
    for (y = 0; y < tr->L; y++)
        names += strlen(S->labels[y]) + 1;
    buf_u32(&sec[1].data, 1);
    buf_u32(&sec[1].data, (uint32_t)tr->L);
    buf_u32(&sec[1].data, (uint32_t)names);
    buf_u32(&sec[1].data, 0);
    for (i = 0; i < n_t; i++)
        buf_u16(&sec[1].data, (uint16_t)(int16_t)lround(tr->t[i] * scale));
    for (y = 0; y < tr->L; y++)
        buf_put(&sec[1].data, S->labels[y], strlen(S->labels[y]) + 1);
    if (kbm_write(path, kind, sec, 2) != 0)
        die("cannot write the model");
    printf("wrote %s (%d labels)\n", path, tr->L);
    buf_free(&sec[0].data);
    buf_free(&sec[1].data);
}

void train_and_write(seqs *S, const char *kind, const char *path,
                     int epochs, int log2b)
{
    trained tr = train_best(S, epochs, log2b);
    write_model(S, &tr, kind, path);
    free(tr.w);
    free(tr.t);
}


void seqs_free(seqs *S)
{
    size_t s;
    int i;
    for (s = 0; s < S->n; s++) {
        free(S->v[s].feats);
        free(S->v[s].off);
        free(S->v[s].gold);
        free(S->v[s].skip);
        free(S->v[s].allow);
        free(S->v[s].hkey);
    }
    for (i = 0; i < S->n_labels; i++)
        free((char *)S->labels[i]);
    free(S->v);
    memset(S, 0, sizeof *S);
}
