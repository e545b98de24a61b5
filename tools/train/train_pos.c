/*
 * train_pos.c - `khabar-train pos`: the part-of-speech tagger.
 *
 *   khabar-train pos --lexicon data/lexicon.kbm --out data/pos.kbm
 *       [--epochs N] [--buckets LOG2] TRAIN.conllu...
 *
 * TRAIN files are treebanks with multiword-token lines whose UPOS follow UD
 * v2 (tools/padt_convert.py --ud2; tools/pud_to_mwt.py for PUD). Words that
 * the converter tagged by guess (TagGuess=Yes) teach nothing: their position
 * is decoded but never updated. The perceptron is perceptron.c's; the
 * features are the library's (src/tag/pos_features.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khabar.h"
#include "model/container.h"
#include "model/model.h"
#include "morph/lexicon.h"
#include "morph/segment.h"
#include "perceptron.h"
#include "tag/features.h"
#include "train.h"

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

/* A word's form as the library would give it: Arabic letters as spelled,
 * without diacritics (the morph form); anything else search-normalized
 * (digits in ASCII). */
static size_t runtime_form(const khabar_model *m, const char *form, char *out,
                           size_t cap)
{
    khabar_normalized nz;
    size_t n;
    unsigned flags = kind_of(form) == KHABAR_TOK_ARABIC ? KH_NORM_MORPH : 0;
    if (khabar_normalize(m, form, strlen(form), flags, 0, &nz, NULL) !=
        KHABAR_OK)
        die("normalize failed");
    n = nz.len < cap - 1 ? nz.len : cap - 1;
    memcpy(out, nz.text, n);
    khabar_normalized_free(&nz);
    return n;
}

static void pos_sentences(seqs *S, const khabar_model *m, const kh_tag_ctx *ctx,
                          const char *path, int test)
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
                x->tanwin = (uint8_t)kh_tag_has_tanwin(w->form, strlen(w->form));
                x->clen = (uint8_t)kh_tag_cluster(
                    m->has_clusters ? &m->clusters : NULL, x->kind, x->key,
                    x->key_len, &x->cpath);
                x->gaz = 0;
                if (m->has_gazetteer) {
                    const kh_gaz_entry *ge =
                        kh_gazetteer_lookup(&m->gaz, x->key, x->key_len);
                    x->gaz = ge ? (uint16_t)ge->mask : 0;
                }
                q.gold[k] = (uint8_t)label_of(S, w->upos);
                q.skip[k] = w->tag_guess;
            }
        }
        q.off[0] = 0;
        for (i = 0; i < nw; i++)
            q.off[i + 1] = q.off[i] +
                           (uint32_t)kh_pos_features(ctx, tw, nw, i,
                                                     q.feats + q.off[i]);
        q.heldout = !test && s % 10 == 9;
        q.excluded = test;
        add_seq(S, &q);
        free(tw);
        free(keys);
        free(forms);
    }
    tb_free(&tb);
}

/* Accuracy of weights tr on the excluded (test) sequences. */
static double excluded_accuracy(const seqs *S, const trained *tr)
{
    size_t s, i, maxlen = 0, right = 0, total = 0;
    double *sc;
    uint8_t *bk, *out;
    for (s = 0; s < S->n; s++)
        maxlen = S->v[s].n > maxlen ? S->v[s].n : maxlen;
    sc = malloc((maxlen + 1) * (size_t)tr->L * sizeof *sc);
    bk = malloc((maxlen + 1) * (size_t)tr->L);
    out = malloc(maxlen + 1);
    if (!sc || !bk || !out)
        die("out of memory");
    for (s = 0; s < S->n; s++) {
        const seq *q = &S->v[s];
        if (!q->excluded)
            continue;
        decode(q, tr->L, tr->mask, tr->w, tr->t, out, sc, bk);
        for (i = 0; i < q->n; i++) {
            right += out[i] == q->gold[i];
            total++;
        }
    }
    free(sc);
    free(bk);
    free(out);
    return total ? (double)right / (double)total : 0;
}

int train_pos(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL;
    char *train[64], *test[16];
    int n_train = 0, n_test = 0, i, epochs = 30, log2b = 17;
    seqs S;
    kh_container lc;
    kh_lexicon lex;
    kh_tag_ctx ctx;
    khabar_error err;
    khabar_model *m;
    char *lex_bytes = NULL;
    size_t lex_len;
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--lexicon") && i + 1 < argc)
            lex_path = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--buckets") && i + 1 < argc)
            log2b = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--test") && i + 1 < argc && n_test < 16)
            test[n_test++] = argv[++i];
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
        pos_sentences(&S, m, &ctx, train[i], 0);
    for (i = 0; i < n_test; i++)
        pos_sentences(&S, m, &ctx, test[i], 1);
    printf("sentences: %zu, labels: %d\n", S.n, S.n_labels);
    {
        trained tr = train_best(&S, epochs, log2b);
        if (n_test)
            printf("test (gold segmentation): accuracy %.2f\n",
                   100 * excluded_accuracy(&S, &tr));
        write_model(&S, &tr, "pos", out_path);
        free(tr.w);
        free(tr.t);
    }
    seqs_free(&S);
    khabar_model_free(m);
    free(lex_bytes);
    return 0;
}
