/*
 * train_pos.c - `khabar-train pos`: the part-of-speech tagger.
 *
 *   khabar-train pos --lexicon data/lexicon.kbm --out data/pos.kbm
 *       [--runs R] [--epochs N] [--buckets LOG2]
 *       [--test TEST.conllu... [--predict OUT.tsv]]
 *       [--weight K] TRAIN.conllu...
 *
 * TRAIN files are treebanks with multiword-token lines whose UPOS follow UD
 * v2 (tools/padt_convert.py --ud2; tools/pud_to_mwt.py for PUD). Words
 * that the converter tagged by guess (TagGuess=Yes) teach nothing: their
 * position is decoded but never updated. The model is the mean of R
 * perceptrons (--runs, 8 by default; perceptron.c's train_mean), each
 * stopped early on its own tenth of the sentences. The features are the
 * library's (src/tag/pos_features.c), on words seen as the library sees
 * them: the kind of their token as its tokenizer gives it, roles as its
 * segmenter gives them (a preposition carrying a pronoun is the host), a
 * number and its percent sign one token.
 *
 * --weight K: the TRAIN files after it are read K times (their sentences
 * learned from K times an epoch; one copy of a sentence is held out for
 * early stopping with all the others when the file's sentences are a
 * multiple of ten), till the next --weight: PUD's conventions count more
 * than converted PADT's.
 *
 * --test files are tagged with the final weights and scored (gold
 * segmentation), never learned from; --predict writes each of their words
 * as FORM, gold UPOS and predicted UPOS, tab-separated, a blank line after
 * each sentence.
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
static const char *const enclitic_forms[] = {
    "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم", "كما", "كن",
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

/* The kind the library's tokenizer gives a token's surface (one token: its
 * kind; a surface it splits is taken as the first token's kind, as the
 * words of a treebank token come from it). */
static int token_kind(const khabar_model *m, const char *surface)
{
    khabar_options o;
    khabar_doc *d;
    int kind = KHABAR_TOK_PUNCT;
    memset(&o, 0, sizeof o);
    o.stages = KHABAR_STAGE_TOKENS;
    d = khabar_analyze_opts(m, surface, strlen(surface), &o, NULL);
    if (!d)
        die("tokenize failed");
    if (khabar_doc_token_count(d))
        kind = khabar_doc_tokens(d)[0].kind;
    khabar_doc_free(d);
    return kind;
}

static int is_percent(const char *s)
{
    return strcmp(s, "%") == 0 || strcmp(s, "\xD9\xAA") == 0; /* ٪ */
}

/* A word's form as the library would give it: Arabic letters as spelled,
 * without diacritics (the morph form); anything else search-normalized
 * (digits in ASCII). */
static size_t runtime_form(const khabar_model *m, const char *form, int kind,
                           char *out, size_t cap)
{
    khabar_normalized nz;
    size_t n;
    unsigned flags = kind == KHABAR_TOK_ARABIC ? KH_NORM_MORPH : 0;
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
        q.allow = malloc(nw * sizeof *q.allow); /* kinds, till set_allowed */
        q.off = malloc((nw + 1) * sizeof *q.off);
        q.feats = malloc(nw * KH_TAG_MAX_FEATS * sizeof *q.feats);
        if (!tw || !keys || !forms || !q.gold || !q.skip || !q.allow ||
            !q.off || !q.feats)
            die("out of memory");
        for (t = ts->first; t < ts->first + ts->n_tokens; t++) {
            const tb_token *tok = &tb.tokens[t];
            int j, host = 0, kind = token_kind(m, tok->surface);
            /* Roles as the library gives them: proclitics, then the host,
             * then a pronoun suffix; a preposition that carries the suffix
             * is the host (ب+ه: host ب, enclitic ه). */
            int enc = tok->n_words > 1 &&
                              in_list(tok->words[tok->n_words - 1].form,
                                      enclitic_forms)
                          ? tok->n_words - 1
                          : tok->n_words;
            while (host < enc - 1 &&
                   in_list(tok->words[host].form, proclitic_forms))
                host++;
            for (j = 0; j < tok->n_words; j++, k++) {
                const tb_word *w = &tok->words[j];
                const char *form = w->restored[0] ? w->restored : w->form;
                kh_tag_word *x = &tw[k];
                x->form = forms + k * 256;
                x->form_len = (uint16_t)runtime_form(m, form, kind,
                                                     forms + k * 256, 256);
                x->key = keys + k * 256;
                x->key_len = (uint16_t)kh_tag_fold(x->form, x->form_len,
                                                   keys + k * 256);
                x->kind = (uint8_t)kind;
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
                x->alef = (uint8_t)kh_tag_alef(x->form, x->form_len);
                x->clen = (uint8_t)kh_tag_cluster(
                    m->has_clusters ? &m->clusters : NULL, x->kind, x->key,
                    x->key_len, &x->cpath);
                x->usage = kh_tag_usage(m->has_usage ? &m->usage : NULL,
                                        x->kind, x->key, x->key_len);
                x->gaz = 0;
                if (m->has_gazetteer) {
                    const kh_gaz_entry *ge =
                        kh_gazetteer_lookup(&m->gaz, x->key, x->key_len);
                    x->gaz = ge ? (uint16_t)ge->mask : 0;
                }
                q.allow[k] = (uint64_t)kind;
                q.gold[k] = (uint8_t)label_of(S, w->upos);
                q.skip[k] = w->tag_guess;
            }
            /* A number and a percent sign written together (62%) are one
             * token of the library, its host and an affix (words.c); the
             * treebanks write them as two. */
            if (k >= 2 && tok->n_words == 1 && is_percent(tok->surface) &&
                t > ts->first && tb.tokens[t - 1].n_words == 1 &&
                !tb.tokens[t - 1].words[0].space_after &&
                tw[k - 2].kind == KHABAR_TOK_NUMBER) {
                tw[k - 2].role = KHABAR_WORD_HOST;
                tw[k - 2].last = 0;
                tw[k - 1].role = KHABAR_WORD_AFFIX;
                tw[k - 1].first = 0;
                tw[k - 1].kind = KHABAR_TOK_NUMBER;
                q.allow[k - 1] = KHABAR_TOK_NUMBER;
                tw[k - 1].clen = (uint8_t)kh_tag_cluster(
                    m->has_clusters ? &m->clusters : NULL, KHABAR_TOK_NUMBER,
                    tw[k - 1].key, tw[k - 1].key_len, &tw[k - 1].cpath);
            }
        }
        q.off[0] = 0;
        for (i = 0; i < nw; i++)
            q.off[i + 1] = q.off[i] +
                           (uint32_t)kh_pos_features(ctx, tw, nw, i,
                                                     q.feats + q.off[i]);
        q.excluded = test;
        add_seq(S, &q);
        free(tw);
        free(keys);
        free(forms);
    }
    tb_free(&tb);
}

/* Turns the kinds that pos_sentences() left in each q->allow into the
 * labels the library lets a word of that kind take (kh_pos_allowed), once
 * all the labels are known. A training word whose gold label is not among
 * them (a letter the treebank calls PUNCT) teaches nothing. */
static void set_allowed(seqs *S)
{
    uint64_t punct = 0, sym = 0, propn = 0, all;
    size_t s, i;
    int y;
    for (y = 0; y < S->n_labels; y++) {
        if (!strcmp(S->labels[y], "PUNCT"))
            punct |= (uint64_t)1 << y;
        else if (!strcmp(S->labels[y], "SYM"))
            sym |= (uint64_t)1 << y;
        else if (!strcmp(S->labels[y], "PROPN"))
            propn |= (uint64_t)1 << y;
    }
    all = S->n_labels < 64 ? ((uint64_t)1 << S->n_labels) - 1 : ~(uint64_t)0;
    for (s = 0; s < S->n; s++) {
        seq *q = &S->v[s];
        for (i = 0; i < q->n; i++) {
            /* (the test decodes as the library does; training leaves
             * Latin words free, as the committed model was trained) */
            q->allow[i] = kh_pos_allowed((int)q->allow[i], punct, sym,
                                         q->excluded ? propn : 0, all);
            if (!q->excluded && !(q->allow[i] >> q->gold[i] & 1)) {
                q->allow[i] = all;
                q->skip[i] = 1;
            }
        }
    }
}

/* Accuracy of weights tr on the excluded (test) sequences. With out, each
 * test word is also written as a line "FORM<TAB>GOLD<TAB>PREDICTED", a
 * blank line after each sentence; the forms come from the test treebanks,
 * read again in the order pos_sentences() read them. */
static double excluded_accuracy(const seqs *S, const trained *tr, FILE *out_f,
                                char **test, int n_test)
{
    size_t s, i, maxlen = 0, right = 0, total = 0;
    treebank tb;
    int file = 0;
    size_t ts = 0;
    double *sc;
    uint8_t *bk, *out;
    for (s = 0; s < S->n; s++)
        maxlen = S->v[s].n > maxlen ? S->v[s].n : maxlen;
    sc = malloc((maxlen + 1) * (size_t)tr->L * sizeof *sc);
    bk = malloc((maxlen + 1) * (size_t)tr->L);
    out = malloc(maxlen + 1);
    if (!sc || !bk || !out)
        die("out of memory");
    memset(&tb, 0, sizeof tb);
    if (out_f && n_test && tb_read(&tb, test[0]) != 0)
        die("cannot read a treebank");
    for (s = 0; s < S->n; s++) {
        const seq *q = &S->v[s];
        if (!q->excluded)
            continue;
        decode(q, tr->L, tr->mask, tr->w, tr->t, out, sc, bk);
        for (i = 0; i < q->n; i++) {
            right += out[i] == q->gold[i];
            total++;
        }
        if (!out_f || file >= n_test)
            continue;
        /* The treebank sentence of q: the next one with words. */
        for (;;) {
            size_t nw = 0, t;
            while (ts == tb.n_sentences && ++file < n_test) {
                tb_free(&tb);
                if (tb_read(&tb, test[file]) != 0)
                    die("cannot read a treebank");
                ts = 0;
            }
            if (file >= n_test)
                break;
            for (t = tb.sentences[ts].first;
                 t < tb.sentences[ts].first + tb.sentences[ts].n_tokens; t++)
                nw += (size_t)tb.tokens[t].n_words;
            if (nw)
                break;
            ts++;
        }
        if (file >= n_test)
            continue;
        {
            const tb_sentence *sent = &tb.sentences[ts++];
            size_t t, k = 0;
            int j;
            for (t = sent->first; t < sent->first + sent->n_tokens; t++) {
                for (j = 0; j < tb.tokens[t].n_words && k < q->n; j++, k++)
                    fprintf(out_f, "%s\t%s\t%s\n", tb.tokens[t].words[j].form,
                            S->labels[q->gold[k]], S->labels[out[k]]);
            }
            fputc('\n', out_f);
        }
    }
    if (out_f && n_test)
        tb_free(&tb);
    free(sc);
    free(bk);
    free(out);
    return total ? (double)right / (double)total : 0;
}

int train_pos(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL, *predict = NULL;
    char *train[64], *test[16];
    int weight[64], w_now = 1;
    int n_train = 0, n_test = 0, i, epochs = 30, log2b = 17, runs = 8;
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
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--weight") && i + 1 < argc) {
            w_now = atoi(argv[++i]);
            if (w_now < 1 || w_now > 100)
                die("pos: --weight takes 1 to 100");
        }
        else if (!strcmp(argv[i], "--predict") && i + 1 < argc)
            predict = argv[++i];
        else if (!strcmp(argv[i], "--test") && i + 1 < argc && n_test < 16)
            test[n_test++] = argv[++i];
        else if (argv[i][0] == '-')
            die("pos: unknown option");
        else if (n_train < 64) {
            weight[n_train] = w_now;
            train[n_train++] = argv[i];
        }
    }
    if (!out_path || !n_train || log2b < 10 || log2b > 22 || runs < 1 ||
        runs > 64)
        die("usage: khabar-train pos [--lexicon LEX] --out OUT [--runs R] "
            "[--weight K] TRAIN.conllu...");
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
    for (i = 0; i < n_train; i++) {
        int r;
        for (r = 0; r < weight[i]; r++)
            pos_sentences(&S, m, &ctx, train[i], 0);
    }
    for (i = 0; i < n_test; i++)
        pos_sentences(&S, m, &ctx, test[i], 1);
    set_allowed(&S);
    printf("sentences: %zu, labels: %d\n", S.n, S.n_labels);
    {
        trained tr = train_mean(&S, epochs, log2b, runs);
        if (n_test) {
            FILE *pf = predict ? fopen(predict, "w") : NULL;
            if (predict && !pf)
                die("cannot write the --predict file");
            printf("test (gold segmentation): accuracy %.2f\n",
                   100 * excluded_accuracy(&S, &tr, pf, test, n_test));
            if (pf && fclose(pf) != 0)
                die("cannot write the --predict file");
        }
        write_model(&S, &tr, "pos", out_path);
        free(tr.w);
        free(tr.t);
    }
    seqs_free(&S);
    khabar_model_free(m);
    free(lex_bytes);
    return 0;
}
