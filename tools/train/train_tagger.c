/*
 * train_tagger.c - the structured perceptron behind khabar's sequence
 * taggers, and `khabar-train pos`.
 *
 *   khabar-train pos --lexicon data/lexicon.kbm --out data/pos.kbm
 *       [--epochs N] [--buckets LOG2] TRAIN.conllu...
 *
 * TRAIN files are treebanks with multiword-token lines whose UPOS follow UD
 * v2 (tools/padt_convert.py --ud2; tools/pud_to_mwt.py for PUD). Words that
 * the converter tagged by guess (TagGuess=Yes) teach nothing: their position
 * is decoded but never updated.
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
#include "khabar.h"
#include "model/container.h"
#include "morph/lexicon.h"
#include "tag/features.h"
#include "tag/tagger.h"
#include "train.h"

/* ------------------------------------------------------------------------ */
/* Sequences                                                                */
/* ------------------------------------------------------------------------ */

typedef struct seq {
    size_t n;
    uint64_t *feats;
    uint32_t *off;  /* n + 1 */
    uint8_t *gold;
    uint8_t *skip;  /* 1: do not learn from this position */
    int heldout;
} seq;

typedef struct seqs {
    seq *v;
    size_t n, cap;
    const char *labels[KH_TAG_MAX_LABELS];
    int n_labels;
} seqs;

static int label_of(seqs *S, const char *name)
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

static void add_seq(seqs *S, seq *q)
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

/* Viterbi with double weights w (emissions) and t (transitions). */
static void decode(const seq *q, int L, uint32_t mask, const double *w,
                   const double *t, uint8_t *out, double *sc, uint8_t *bk)
{
    size_t i, f;
    int y, yp;
    for (i = 0; i < q->n; i++) {
        double emit[KH_TAG_MAX_LABELS];
        for (y = 0; y < L; y++)
            emit[y] = 0;
        for (f = q->off[i]; f < q->off[i + 1]; f++) {
            const double *wf = w + (size_t)(q->feats[f] & mask) * (size_t)L;
            for (y = 0; y < L; y++)
                emit[y] += wf[y];
        }
        for (y = 0; y < L; y++) {
            double best;
            int arg = 0;
            if (i == 0) {
                best = t[L * L + y];
            } else {
                best = sc[(i - 1) * (size_t)L] + t[y];
                for (yp = 1; yp < L; yp++) {
                    double s = sc[(i - 1) * (size_t)L + yp] + t[yp * L + y];
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

static double heldout_accuracy(const seqs *S, const model *M, const double *w,
                               const double *t, double *sc, uint8_t *bk,
                               uint8_t *out)
{
    size_t s, i, right = 0, total = 0;
    for (s = 0; s < S->n; s++) {
        const seq *q = &S->v[s];
        if (!q->heldout)
            continue;
        decode(q, M->L, M->mask, w, t, out, sc, bk);
        for (i = 0; i < q->n; i++) {
            if (q->skip[i])
                continue;
            right += out[i] == q->gold[i];
            total++;
        }
    }
    return total ? (double)right / (double)total : 0;
}

/* Trains on S and writes the model (kind) to path. */
static void train_and_write(seqs *S, const char *kind, const char *path,
                            int epochs, int log2b)
{
    model M;
    size_t n_w, n_t, s, i, maxlen = 0, *order;
    double *sc, best_acc = -1, *best_w = NULL, *best_t = NULL;
    uint8_t *bk, *out;
    uint64_t seed = 0x7A66E5EDull;
    int epoch, stale = 0, best_epoch = 0;
    memset(&M, 0, sizeof M);
    M.L = S->n_labels;
    M.mask = (1u << log2b) - 1;
    n_w = ((size_t)M.mask + 1) * (size_t)M.L;
    n_t = (size_t)(M.L + 1) * (size_t)M.L;
    M.w = calloc(n_w, sizeof(double));
    M.total = calloc(n_w, sizeof(double));
    M.stamp = calloc(n_w, sizeof(uint64_t));
    M.tw = calloc(n_t, sizeof(double));
    M.ttotal = calloc(n_t, sizeof(double));
    M.tstamp = calloc(n_t, sizeof(uint64_t));
    for (s = 0; s < S->n; s++)
        maxlen = S->v[s].n > maxlen ? S->v[s].n : maxlen;
    sc = malloc((maxlen + 1) * (size_t)M.L * sizeof *sc);
    bk = malloc((maxlen + 1) * (size_t)M.L);
    out = malloc(maxlen + 1);
    order = malloc((S->n + 1) * sizeof *order);
    if (!M.w || !M.total || !M.stamp || !M.tw || !M.ttotal || !M.tstamp ||
        !sc || !bk || !out || !order)
        die("out of memory");
    for (s = 0; s < S->n; s++)
        order[s] = s;
    M.time = 1;
    for (epoch = 1; epoch <= epochs; epoch++) {
        size_t errors = 0, seen = 0;
        double acc, *aw, *at;
        for (s = S->n; s > 1; s--) {
            size_t r, tmp;
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            r = (size_t)(seed % s);
            tmp = order[s - 1];
            order[s - 1] = order[r];
            order[r] = tmp;
        }
        for (s = 0; s < S->n; s++) {
            const seq *q = &S->v[order[s]];
            if (q->heldout)
                continue;
            decode(q, M.L, M.mask, M.w, M.tw, out, sc, bk);
            for (i = 0; i < q->n; i++) {
                size_t f;
                int g = q->gold[i], p = out[i];
                int gp = i ? q->gold[i - 1] : M.L, pp = i ? out[i - 1] : M.L;
                seen++;
                if (q->skip[i])
                    continue;
                if (g != p) {
                    errors++;
                    for (f = q->off[i]; f < q->off[i + 1]; f++) {
                        size_t b = (size_t)(q->feats[f] & M.mask) * (size_t)M.L;
                        bump(M.w, M.total, M.stamp, b + (size_t)g, M.time, 1);
                        bump(M.w, M.total, M.stamp, b + (size_t)p, M.time, -1);
                    }
                }
                if (g != p || gp != pp) {
                    bump(M.tw, M.ttotal, M.tstamp, (size_t)(gp * M.L + g),
                         M.time, 1);
                    bump(M.tw, M.ttotal, M.tstamp, (size_t)(pp * M.L + p),
                         M.time, -1);
                }
            }
            M.time++;
        }
        aw = averaged(M.w, M.total, M.stamp, n_w, M.time);
        at = averaged(M.tw, M.ttotal, M.tstamp, n_t, M.time);
        acc = heldout_accuracy(S, &M, aw, at, sc, bk, out);
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
    {
        kbm_section sec[2];
        double max = 0, scale;
        size_t names = 0;
        int y;
        memset(sec, 0, sizeof sec);
        for (i = 0; i < n_w; i++)
            max = fabs(best_w[i]) > max ? fabs(best_w[i]) : max;
        for (i = 0; i < n_t; i++)
            max = fabs(best_t[i]) > max ? fabs(best_t[i]) : max;
        scale = max > 0 ? 32767.0 / max : 1;
        strcpy(sec[0].tag, "weights");
        buf_u32(&sec[0].data, 1);
        buf_u32(&sec[0].data, M.mask + 1);
        buf_u32(&sec[0].data, (uint32_t)M.L);
        buf_u32(&sec[0].data, 0);
        for (i = 0; i < n_w; i++)
            buf_u16(&sec[0].data, (uint16_t)(int16_t)lround(best_w[i] * scale));
        strcpy(sec[1].tag, "tagger");
        for (y = 0; y < M.L; y++)
            names += strlen(S->labels[y]) + 1;
        buf_u32(&sec[1].data, 1);
        buf_u32(&sec[1].data, (uint32_t)M.L);
        buf_u32(&sec[1].data, (uint32_t)names);
        buf_u32(&sec[1].data, 0);
        for (i = 0; i < n_t; i++)
            buf_u16(&sec[1].data, (uint16_t)(int16_t)lround(best_t[i] * scale));
        for (y = 0; y < M.L; y++)
            buf_put(&sec[1].data, S->labels[y], strlen(S->labels[y]) + 1);
        if (kbm_write(path, kind, sec, 2) != 0)
            die("cannot write the model");
        printf("wrote %s (%d labels)\n", path, M.L);
        buf_free(&sec[0].data);
        buf_free(&sec[1].data);
    }
    free(best_w);
    free(best_t);
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
}

/* ------------------------------------------------------------------------ */
/* POS: treebank words as the tagger sees them                              */
/* ------------------------------------------------------------------------ */

static const char *const proclitic_forms[] = {"و", "ف", "ب", "ك", "ل", "س",
                                              NULL};

static int in_list(const char *s, const char *const *list)
{
    int i;
    for (i = 0; list[i]; i++) {
        if (strcmp(s, list[i]) == 0)
            return 1;
    }
    return 0;
}

/* The kind of token a word's form would come from. */
static int kind_of(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int digits = 0, arabic = 0, latin = 0, other = 0;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            latin++;
        else if (*p == 0xD9 && p[1] >= 0xA0 && p[1] <= 0xA9) {
            digits++; /* ٠-٩ */
            p++;
        } else if ((*p >= 0xD8 && *p <= 0xDB) && p[1]) {
            arabic++;
            p++;
        } else if (*p >= 0x80) {
            other++;
        } else {
            other++;
        }
    }
    if (arabic)
        return KHABAR_TOK_ARABIC;
    if (digits && !latin)
        return KHABAR_TOK_NUMBER;
    if (latin)
        return KHABAR_TOK_LATIN;
    return KHABAR_TOK_PUNCT;
}

/* A word's form as the library would give it: Arabic letters as spelled;
 * anything else search-normalized (digits in ASCII). */
static size_t runtime_form(const khabar_model *m, const char *form, char *out,
                           size_t cap)
{
    khabar_normalized nz;
    size_t n;
    if (kind_of(form) == KHABAR_TOK_ARABIC) {
        n = strlen(form);
        if (n >= cap)
            n = cap - 1;
        memcpy(out, form, n);
        return n;
    }
    if (khabar_normalize(m, form, strlen(form), 0, 0, &nz, NULL) != KHABAR_OK)
        die("normalize failed");
    n = nz.len < cap - 1 ? nz.len : cap - 1;
    memcpy(out, nz.text, n);
    khabar_normalized_free(&nz);
    return n;
}

static void pos_sentences(seqs *S, const khabar_model *m, const kh_tag_ctx *ctx,
                          const char *path)
{
    treebank tb;
    size_t s, t;
    if (tb_read(&tb, path) != 0)
        die("cannot read a treebank");
    for (s = 0; s < tb.n_sentences; s++) {
        const tb_sentence *ts = &tb.sentences[s];
        size_t nw = 0, k = 0, i;
        kh_tag_word *tw;
        char *keys, *forms;
        seq q;
        for (t = ts->first; t < ts->first + ts->n_tokens; t++)
            nw += (size_t)tb.tokens[t].n_words;
        if (!nw)
            continue;
        memset(&q, 0, sizeof q);
        q.n = nw;
        tw = calloc(nw, sizeof *tw);
        keys = malloc(nw * 256);
        forms = malloc(nw * 256);
        q.gold = malloc(nw);
        q.skip = calloc(nw, 1);
        q.off = malloc((nw + 1) * sizeof *q.off);
        q.feats = malloc(nw * KH_TAG_MAX_FEATS * sizeof *q.feats);
        if (!tw || !keys || !forms || !q.gold || !q.skip || !q.off || !q.feats)
            die("out of memory");
        for (t = ts->first; t < ts->first + ts->n_tokens; t++) {
            const tb_token *tok = &tb.tokens[t];
            int j, host = 0;
            while (host < tok->n_words - 1 &&
                   in_list(tok->words[host].form, proclitic_forms))
                host++;
            for (j = 0; j < tok->n_words; j++, k++) {
                const tb_word *w = &tok->words[j];
                const char *form = w->restored[0] ? w->restored : w->form;
                kh_tag_word *x = &tw[k];
                x->form = forms + k * 256;
                x->form_len = (uint16_t)runtime_form(m, form, forms + k * 256,
                                                     256);
                x->key = keys + k * 256;
                x->key_len = (uint16_t)kh_tag_fold(x->form, x->form_len,
                                                   keys + k * 256);
                x->kind = (uint8_t)kind_of(w->form);
                if (tok->n_words == 1)
                    x->role = KHABAR_WORD_WHOLE;
                else if (j < host)
                    x->role = KHABAR_WORD_PROCLITIC;
                else if (j == host)
                    x->role = KHABAR_WORD_HOST;
                else
                    x->role = KHABAR_WORD_ENCLITIC;
                x->first = j == 0;
                x->last = j + 1 == tok->n_words;
                q.gold[k] = (uint8_t)label_of(S, w->upos);
                q.skip[k] = w->tag_guess;
            }
        }
        q.off[0] = 0;
        for (i = 0; i < nw; i++)
            q.off[i + 1] = q.off[i] +
                           (uint32_t)kh_pos_features(ctx, tw, nw, i,
                                                     q.feats + q.off[i]);
        q.heldout = s % 10 == 9;
        add_seq(S, &q);
        free(tw);
        free(keys);
        free(forms);
    }
    tb_free(&tb);
}

int train_pos(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL;
    char *train[64];
    int n_train = 0, i, epochs = 30, log2b = 18;
    seqs S;
    kh_container lc;
    kh_lexicon lex;
    kh_tag_ctx ctx;
    khabar_error err;
    khabar_model *m;
    char *lex_bytes = NULL;
    size_t lex_len, s;
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--lexicon") && i + 1 < argc)
            lex_path = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--buckets") && i + 1 < argc)
            log2b = atoi(argv[++i]);
        else if (argv[i][0] == '-')
            die("pos: unknown option");
        else if (n_train < 64)
            train[n_train++] = argv[i];
    }
    if (!out_path || !n_train || log2b < 10 || log2b > 22)
        die("usage: khabar-train pos [--lexicon LEX] --out OUT TRAIN.conllu...");
    memset(&S, 0, sizeof S);
    memset(&ctx, 0, sizeof ctx);
    if (lex_path) {
        lex_bytes = read_file(lex_path, &lex_len);
        if (kh_container_open(&lc, lex_bytes, lex_len, "lexicon", &err) ||
            kh_lexicon_open(&lex, &lc, &err))
            die(err.msg);
        ctx.lex = &lex;
    }
    m = khabar_model_new(&err);
    if (!m)
        die(err.msg);
    for (i = 0; i < n_train; i++)
        pos_sentences(&S, m, &ctx, train[i]);
    printf("sentences: %zu, labels: %d\n", S.n, S.n_labels);
    train_and_write(&S, "pos", out_path, epochs, log2b);
    for (s = 0; s < S.n; s++) {
        free(S.v[s].feats);
        free(S.v[s].off);
        free(S.v[s].gold);
        free(S.v[s].skip);
    }
    for (i = 0; i < S.n_labels; i++)
        free((char *)S.labels[i]);
    free(S.v);
    khabar_model_free(m);
    free(lex_bytes);
    return 0;
}
