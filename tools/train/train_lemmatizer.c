/*
 * train_lemmatizer.c - `khabar-train lemmatizer`: learns the lemmatizer of
 * host words (src/morph/lemmatize.h).
 *
 *   khabar-train lemmatizer --lexicon data/lexicon.kbm
 *       --out data/lemmatizer.kbm [--corpus TEXT]... [--cache-min N]
 *       [--cache-max N] [--min-count N] [--max-scripts N] [--epochs N]
 *       [--buckets LOG2] [--seed N] [--no-persons] [--keep-unanalysed]
 *       [--dump-errors] TRAIN.conllu...
 *
 * TRAIN files are treebanks in surface segmentation with multiword-token
 * lines (tools/padt_convert.py --style mwt writes them). Every word that is
 * not a clitic is an example: its input is its Restored= spelling, else its
 * FORM, in the morph form (segment.h); its answer is its LEMMA. Clitics are
 * the one-letter proclitics (و ف ب ك ل س) and the pronoun suffixes after a
 * host inside a multiword token (a pronoun after proclitics alone, بها, is
 * the host the segmenter gives and is kept). Skipped: words with letters
 * other than Arabic ones (digits, punctuation), and the words PADT left
 * unanalysed (XPOS U..., whose LEMMA is a copy of the form, article and
 * all; --keep-unanalysed keeps them but for those the converter split by
 * guess, SegGuess=Yes).
 *
 * The edit script of each training example is computed (lemmatize.h); the
 * scripts seen at least --min-count times (2) are kept, the most frequent
 * --max-scripts (2000) of them, the identity first. An averaged perceptron
 * then learns to rank the scripts that apply to a host, with the features
 * of src/morph/lemmatize.c. A word whose key the training part has seen
 * only in this example is shown with its lexicon analyses hidden
 * (leave-one-out: the lexicon was built from the same treebank), and the
 * held-out words (one sentence in ten) are scored with the analyses of the
 * keys the training part never saw hidden, so that held-out accuracy is that
 * of words PADT did not analyze. Training stops when held-out accuracy has
 * not improved for three epochs and keeps the best epoch. Deterministic:
 * the order of examples is shuffled with a fixed seed (--seed).
 *
 * PADT has almost no verbs in the first person, which news quotes often: a
 * training verb in the imperfect 3rd person masculine singular (يفعل) also
 * teaches its 1st person forms أفعل and نفعل (--no-persons: not).
 *
 * With --corpus, the hosts of the corpora's Arabic tokens (segmented by the
 * default model) seen at least --cache-min times (3), at most --cache-max
 * (200000) of them, the most frequent, are lemmatized with the final int16
 * weights and stored with their script as the model's cache.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kbm_write.h"
#include "khabar.h"
#include "model/model.h"
#include "morph/lemmatize.h"
#include "morph/morph.h"
#include "morph/segment.h"
#include "train.h"

#define ALEF 0x0627
#define LAM 0x0644
#define MAX_CANDS 4096

/* ------------------------------------------------------------------------ */
/* Examples                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct example {
    uint32_t w[KH_LEM_MAX], l[KH_LEM_MAX];
    uint8_t n, m;
    uint8_t heldout;
    uint8_t made;    /* made up from another example (training only) */
    char upos[8];
    char key[4 * KH_LEM_MAX];
    uint8_t key_len;
    uint32_t *cands; /* scripts that apply */
    uint32_t n_cands;
    int covered;     /* some candidate gives the lemma */
} example;

typedef struct examples {
    example *v;
    size_t n, cap;
    size_t skipped;
} examples;

static const char *const proclitic_forms[] = {"و", "ف", "ب", "ك", "ل", "س",
                                              NULL};
static const char *const enclitic_forms[] = {
    "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا",
    NULL};

static int in_list(const char *s, size_t n, const char *const *list)
{
    int i;
    for (i = 0; list[i]; i++) {
        if (strlen(list[i]) == n && memcmp(s, list[i], n) == 0)
            return 1;
    }
    return 0;
}

/* The morph form of s[0, n) into cp (at most max letters); returns the
 * count, or -1 when s is not all Arabic letters. */
static int morph_form(kh_norm *nm, const char *s, size_t n, uint32_t *cp,
                      int max)
{
    kh_seg_token t;
    if (kh_seg_token_init(&t, nm, s, 0, n) != 0 || t.n > max)
        return -1;
    memcpy(cp, t.cp, (size_t)t.n * sizeof *cp);
    return t.n;
}

static void fold_key(const uint32_t *cp, int n, char *key, uint8_t *len)
{
    uint32_t f[KH_LEM_MAX];
    int i;
    for (i = 0; i < n; i++)
        f[i] = kh_morph_fold(cp[i]);
    *len = (uint8_t)kh_seg_utf8(f, n, key);
}

/* Splits a line into its 10 tab-separated fields; returns their count. */
static int split_fields(char *line, char **f, size_t *len)
{
    int n = 0;
    char *p = line;
    while (n < 10) {
        char *t = strchr(p, '\t');
        f[n] = p;
        len[n] = t ? (size_t)(t - p) : strlen(p);
        n++;
        if (!t)
            break;
        p = t + 1;
    }
    return n;
}

/* The value of key= in a MISC field, or NULL; its length in *vn. */
static const char *misc_get(const char *misc, size_t n, const char *key,
                            size_t *vn)
{
    size_t k = strlen(key), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && misc[j] != '|')
            j++;
        if (j - i > k && !strncmp(misc + i, key, k) && misc[i + k] == '=') {
            *vn = j - i - k - 1;
            return misc + i + k + 1;
        }
        i = j + 1;
    }
    return NULL;
}

static void add_example(examples *ex, const example *e)
{
    if (ex->n == ex->cap) {
        ex->cap = ex->cap ? 2 * ex->cap : 4096;
        ex->v = realloc(ex->v, ex->cap * sizeof *ex->v);
        if (!ex->v)
            die("out of memory");
    }
    ex->v[ex->n++] = *e;
}

static int skip_unanalysed = 1, augment_verbs = 1;

/* News text quotes people: verbs in the first person are far more common
 * than in PADT, which has almost none. A verb in the imperfect 3rd person
 * masculine singular (يفعل: ي and no suffix) also teaches its 1st person
 * forms (أفعل, نفعل), which have the same lemma. */
static void add_persons(examples *ex, const example *e)
{
    static const uint32_t prefixes[] = {0x0623, 0x0646}; /* أ ن */
    uint32_t last = e->w[e->n - 1];
    size_t i;
    if (strcmp(e->upos, "VERB") != 0 || e->n < 3 || e->w[0] != 0x064A ||
        last == 0x0646 /* ن */ || last == 0x0627 /* ا */)
        return;
    for (i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        example m = *e;
        m.w[0] = prefixes[i];
        m.made = 1;
        fold_key(m.w, m.n, m.key, &m.key_len);
        add_example(ex, &m);
    }
}

/* Reads the host words of one treebank. */
static void read_treebank(examples *ex, kh_norm *nm, const char *path)
{
    size_t len, pos = 0, sentence = 0;
    char *text = read_file(path, &len);
    long r0 = 0, r1 = 0;
    int in_sentence = 0, host_seen = 0;
    while (pos < len) {
        char *line = text + pos, *nl = strchr(line, '\n'), *f[10], *dash;
        size_t fl[10], vn;
        const char *v;
        long id;
        example e;
        int clitic = 0;
        if (nl)
            *nl = 0;
        pos = nl ? (size_t)(nl - text) + 1 : len;
        if (line[0] == 0) {
            if (in_sentence)
                sentence++;
            in_sentence = 0;
            r0 = r1 = 0;
            continue;
        }
        in_sentence = 1;
        if (line[0] == '#' || split_fields(line, f, fl) < 10)
            continue;
        id = strtol(f[0], &dash, 10);
        if (*dash == '.')
            continue;
        if (*dash == '-') {
            r0 = id;
            r1 = strtol(dash + 1, NULL, 10);
            host_seen = 0;
            continue;
        }
        if (r1 && id >= r0 && id <= r1) {
            /* A pronoun after proclitics alone is the host the segmenter
             * gives (بها: ب + ها), and it has a lemma (هو). */
            clitic = (id < r1 && in_list(f[1], fl[1], proclitic_forms)) ||
                     (id > r0 && host_seen &&
                      in_list(f[1], fl[1], enclitic_forms));
            host_seen |= !clitic;
        }
        /* Clitics, and words PADT left unanalysed (XPOS U...: their LEMMA
         * is a copy of the form, article and all). */
        if (clitic || misc_get(f[9], fl[9], "SegGuess", &vn) ||
            (skip_unanalysed && f[4][0] == 'U'))
            continue;
        memset(&e, 0, sizeof e);
        v = misc_get(f[9], fl[9], "Restored", &vn);
        if (!v) {
            v = f[1];
            vn = fl[1];
        }
        {
            int n = morph_form(nm, v, vn, e.w, KH_SEG_MAX);
            int m = morph_form(nm, f[2], fl[2], e.l, KH_LEM_MAX);
            if (n <= 0 || m <= 0) {
                ex->skipped++;
                continue;
            }
            e.n = (uint8_t)n;
            e.m = (uint8_t)m;
        }
        e.heldout = sentence % 10 == 9;
        memcpy(e.upos, f[3], fl[3] < 7 ? fl[3] : 7);
        fold_key(e.w, e.n, e.key, &e.key_len);
        add_example(ex, &e);
        if (!e.heldout && augment_verbs)
            add_persons(ex, &e);
    }
    free(text);
}

/* ------------------------------------------------------------------------ */
/* Edit scripts                                                             */
/* ------------------------------------------------------------------------ */

typedef struct u32vec {
    uint32_t *v;
    size_t n, cap;
} u32vec;

static void u32_push(u32vec *a, uint32_t x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? 2 * a->cap : 64;
        a->v = realloc(a->v, a->cap * sizeof *a->v);
        if (!a->v)
            die("out of memory");
    }
    a->v[a->n++] = x;
}

/* The tree turning w[0, n) into l[0, m): the longest common substring (the
 * first in w, then in l) is kept, the parts around it edited by subtrees. */
static void build_tree(u32vec *out, const uint32_t *w, int n,
                       const uint32_t *l, int m)
{
    int i, j, bi = 0, bj = 0, bk = 0;
    for (i = 0; i < n; i++) {
        for (j = 0; j < m; j++) {
            int k = 0;
            while (i + k < n && j + k < m && w[i + k] == l[j + k])
                k++;
            if (k > bk) {
                bi = i;
                bj = j;
                bk = k;
            }
        }
    }
    if (bk == 0) {
        u32_push(out, 1);
        u32_push(out, (uint32_t)n);
        u32_push(out, (uint32_t)m);
        for (i = 0; i < n; i++)
            u32_push(out, w[i]);
        for (j = 0; j < m; j++)
            u32_push(out, l[j]);
        return;
    }
    u32_push(out, 0);
    u32_push(out, (uint32_t)bi);
    u32_push(out, (uint32_t)(n - bi - bk));
    build_tree(out, w, bi, l, bj);
    build_tree(out, w + bi + bk, n - bi - bk, l + bj + bk, m - bj - bk);
}

static void build_script(u32vec *out, const uint32_t *w, int n,
                         const uint32_t *l, int m)
{
    int art = n >= 4 && w[0] == ALEF && w[1] == LAM &&
              !(m >= 2 && l[0] == ALEF && l[1] == LAM);
    out->n = 0;
    u32_push(out, (uint32_t)art);
    if (art)
        build_tree(out, w + 2, n - 2, l, m);
    else
        build_tree(out, w, n, l, m);
}

typedef struct script_count {
    const char *bytes;
    size_t len;
    uint64_t count;
} script_count;

static int by_count_then_bytes(const void *a, const void *b)
{
    const script_count *x = a, *y = b;
    int c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    c = memcmp(x->bytes, y->bytes, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

/* The table of kept scripts, the identity first. */
typedef struct scripts {
    u32vec code, offsets;
} scripts;

static void learn_scripts(scripts *sc, const examples *ex, uint64_t min_count,
                          size_t max_scripts)
{
    static const uint32_t identity[10] = {0, 0, 0, 0, 1, 0, 0, 1, 0, 0};
    strmap m;
    u32vec s = {0};
    script_count *v;
    size_t i, n = 0, covered = 0, total = 0;
    strmap_init(&m);
    for (i = 0; i < ex->n; i++) {
        const example *e = &ex->v[i];
        if (e->heldout)
            continue;
        build_script(&s, e->w, e->n, e->l, e->m);
        strmap_add(&m, (const char *)s.v, s.n * 4, 1);
    }
    v = malloc((m.n + 1) * sizeof *v);
    if (!v)
        die("out of memory");
    for (i = 0; i < m.cap; i++) {
        if (m.keys[i] && m.counts[i] >= min_count &&
            !(m.lens[i] == sizeof identity &&
              memcmp(m.keys[i], identity, sizeof identity) == 0)) {
            v[n].bytes = m.keys[i];
            v[n].len = m.lens[i];
            v[n].count = m.counts[i];
            n++;
        }
        if (m.keys[i]) {
            total += m.counts[i];
            if (m.counts[i] >= min_count)
                covered += m.counts[i];
        }
    }
    qsort(v, n, sizeof *v, by_count_then_bytes);
    if (n > max_scripts - 1)
        n = max_scripts - 1;
    memset(sc, 0, sizeof *sc);
    u32_push(&sc->offsets, 0);
    for (i = 0; i < 10; i++)
        u32_push(&sc->code, identity[i]);
    u32_push(&sc->offsets, (uint32_t)sc->code.n);
    for (i = 0; i < n; i++) {
        size_t j;
        uint32_t x;
        for (j = 0; j < v[i].len / 4; j++) {
            memcpy(&x, v[i].bytes + 4 * j, 4);
            u32_push(&sc->code, x);
        }
        u32_push(&sc->offsets, (uint32_t)sc->code.n);
    }
    printf("scripts: %zu seen, %zu kept (>= %llu times; %.2f%% of training "
           "words)\n",
           m.n, n + 1, (unsigned long long)min_count,
           total ? 100.0 * (double)covered / (double)total : 0.0);
    if (kh_lem_check_scripts(sc->code.v, (uint32_t)sc->code.n, sc->offsets.v,
                             (uint32_t)(sc->offsets.n - 1)) != 0)
        die("the script table does not check");
    free(v);
    free(s.v);
    strmap_free(&m);
}

/* ------------------------------------------------------------------------ */
/* Hiding the analyses of unseen words                                      */
/* ------------------------------------------------------------------------ */

typedef struct hide_ctx {
    const strmap *seen; /* keys of the training words, with counts */
    const example *self;
} hide_ctx;

/* A key is hidden when no training word but the example itself has it. */
static int hidden(const void *ctx, const char *key, size_t len)
{
    const hide_ctx *h = ctx;
    uint64_t c = strmap_get(h->seen, key, len);
    if (!h->self->heldout && !h->self->made && len == h->self->key_len &&
        memcmp(key, h->self->key, len) == 0)
        c--;
    return c == 0;
}

/* ------------------------------------------------------------------------ */
/* The averaged perceptron                                                  */
/* ------------------------------------------------------------------------ */

typedef struct perceptron {
    uint32_t mask;
    double *w, *total;
    uint64_t *stamp;
    uint64_t time;
} perceptron;

static void update(perceptron *p, const uint64_t *f, int n, double d)
{
    int i;
    for (i = 0; i < n; i++) {
        uint32_t b = (uint32_t)(f[i] & p->mask);
        p->total[b] += (double)(p->time - p->stamp[b]) * p->w[b];
        p->stamp[b] = p->time;
        p->w[b] += d;
    }
}

typedef struct ranked {
    int best, best_right;        /* candidate indexes, -1 for none */
    uint64_t f_best[KH_LEM_MAX_FEATS], f_right[KH_LEM_MAX_FEATS];
    int nf_best, nf_right;
    uint32_t out[KH_LEM_MAX];
    int out_n;
} ranked;

static int same(const uint32_t *a, int n, const uint32_t *b, int m)
{
    return n == m && memcmp(a, b, (size_t)n * sizeof *a) == 0;
}

/* Scores the candidates of e under weights w: the best one, and the best
 * of those that give the right lemma. */
static void rank(const double *w, uint32_t mask, const kh_lexicon *lex,
                 const scripts *sc, const example *e, const kh_lem_hide *hide,
                 ranked *r)
{
    kh_lem_word word;
    double best_s = 0, right_s = 0;
    uint32_t i;
    kh_lem_word_init(&word, lex, e->w, e->n, hide);
    r->best = r->best_right = -1;
    for (i = 0; i < e->n_cands; i++) {
        uint32_t out[KH_LEM_MAX];
        uint64_t f[KH_LEM_MAX_FEATS];
        int n = kh_lem_apply(sc->code.v, sc->offsets.v, e->cands[i], e->w,
                             e->n, out, KH_LEM_MAX),
            nf, j, right;
        double s = 0;
        if (n <= 0)
            continue;
        nf = kh_lem_features(lex, &word, e->cands[i], out, n, hide, f);
        for (j = 0; j < nf; j++)
            s += w[f[j] & mask];
        right = same(out, n, e->l, e->m);
        if (r->best < 0 || s > best_s) {
            r->best = (int)i;
            best_s = s;
            memcpy(r->f_best, f, (size_t)nf * sizeof *f);
            r->nf_best = nf;
            memcpy(r->out, out, (size_t)n * sizeof *out);
            r->out_n = n;
        }
        if (right && (r->best_right < 0 || s > right_s)) {
            r->best_right = (int)i;
            right_s = s;
            memcpy(r->f_right, f, (size_t)nf * sizeof *f);
            r->nf_right = nf;
        }
    }
}

static void print_cps(const uint32_t *cp, int n)
{
    char s[4 * KH_LEM_MAX];
    printf("%.*s", (int)kh_seg_utf8(cp, n, s), s);
}

static int dump_errors;

/* Held-out accuracy under weights w (float) or the quantized model lz. */
static double heldout_accuracy(const double *w, uint32_t mask,
                               const kh_lemmatizer *lz, const kh_lexicon *lex,
                               const scripts *sc, const examples *ex,
                               const strmap *seen, int report)
{
    static const char *const tags[] = {"NOUN", "ADJ", "VERB", "X", "ADP",
                                       "PRON", "NUM", "DET", "CONJ", NULL};
    size_t i, right = 0, total = 0, tr[16] = {0}, tt[16] = {0};
    size_t unseen = 0, unseen_right = 0;
    int t;
    for (i = 0; i < ex->n; i++) {
        const example *e = &ex->v[i];
        uint32_t out[KH_LEM_MAX];
        int n, ok;
        if (!e->heldout)
            continue;
        if (lz) {
            n = kh_lemmatize(lz, lex, e->w, e->n, out, KH_LEM_MAX);
        } else {
            ranked r;
            hide_ctx hc = {seen, e};
            kh_lem_hide hide = {hidden, &hc};
            rank(w, mask, lex, sc, e, &hide, &r);
            n = r.out_n;
            memcpy(out, r.out, (size_t)n * sizeof *out);
        }
        ok = same(out, n, e->l, e->m);
        right += ok;
        total++;
        if (!strmap_get(seen, e->key, e->key_len)) {
            unseen++;
            unseen_right += ok;
        }
        for (t = 0; tags[t] && strcmp(tags[t], e->upos); t++)
            ;
        tt[t] += 1;
        tr[t] += ok;
        if (dump_errors && !ok && report) {
            printf("error%s %s: ",
                   strmap_get(seen, e->key, e->key_len) ? "" : "-unseen",
                   e->upos);
            print_cps(e->w, e->n);
            printf(" got ");
            print_cps(out, n);
            printf(" want ");
            print_cps(e->l, e->m);
            printf("\n");
        }
    }
    if (report) {
        printf("  %s\n  words the training part never saw: %.2f%% of %zu\n",
               lz ? "int16 weights, the whole lexicon:"
                  : "float weights, unseen words' analyses hidden:",
               unseen ? 100.0 * (double)unseen_right / (double)unseen : 0.0,
               unseen);
        printf("  by UPOS:");
        for (t = 0; t < 10; t++) {
            if (tt[t])
                printf(" %s %.1f (%zu)", tags[t] ? tags[t] : "other",
                       100.0 * (double)tr[t] / (double)tt[t], tt[t]);
        }
        printf("\n");
    }
    return total ? (double)right / (double)total : 0;
}

/* ------------------------------------------------------------------------ */
/* The cache                                                                */
/* ------------------------------------------------------------------------ */

typedef struct form_count {
    const char *key;
    size_t len;
    uint64_t count;
} form_count;

static int by_count_then_key(const void *a, const void *b)
{
    const form_count *x = a, *y = b;
    int c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

static int by_key(const void *a, const void *b)
{
    const form_count *x = a, *y = b;
    int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

/* Counts the hosts of the Arabic tokens of the corpora, as the words stage
 * makes them: the token segmented by the default model's segmenter, the
 * host restored. */
static void count_hosts(strmap *hosts, char **corpora, int n)
{
    khabar_model *model = khabar_model_new(NULL);
    kh_norm nm;
    int i;
    if (!model)
        die("cannot create the default model");
    if (!model->has_segmenter)
        printf("cache: the default model has no segmenter: tokens are "
               "counted whole\n");
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    for (i = 0; i < n; i++) {
        size_t len, pos = 0;
        char *text = read_file(corpora[i], &len);
        while (pos < len) {
            size_t end = pos + (4u << 20), j;
            khabar_options o = {.stages = KHABAR_STAGE_TOKENS};
            khabar_doc *d;
            const khabar_token *t;
            if (end >= len)
                end = len;
            while (end < len && text[end - 1] != '\n')
                end++;
            d = khabar_analyze_opts(model, text + pos, end - pos, &o, NULL);
            if (!d)
                die("analysis failed");
            t = khabar_doc_tokens(d);
            for (j = 0; j < khabar_doc_token_count(d); j++) {
                kh_seg_token st;
                kh_seg_cand c = {0, 0, 0};
                uint32_t host[KH_SEG_MAX + 4];
                char key[4 * (KH_SEG_MAX + 4)];
                int hn;
                if (t[j].kind != KHABAR_TOK_ARABIC ||
                    kh_seg_token_init(&st, &nm, text + pos, t[j].start,
                                      t[j].end) != 0)
                    continue;
                if (model->has_segmenter)
                    c = kh_segment(&model->seg,
                                   model->has_lexicon ? &model->lex : NULL,
                                   &st);
                hn = kh_seg_host(&st, &c, host);
                if (hn > 0 && hn <= KH_LEM_MAX)
                    strmap_add(hosts, key, kh_seg_utf8(host, hn, key), 1);
            }
            khabar_doc_free(d);
            pos = end;
        }
        free(text);
    }
    kh_norm_free(&nm);
    khabar_model_free(model);
}

/* Decodes UTF-8 that this program encoded. */
static int decode(const char *s, size_t n, uint32_t *cp, int max)
{
    size_t i = 0;
    int k = 0;
    while (i < n && k < max) {
        unsigned char b = (unsigned char)s[i];
        int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, j;
        uint32_t c = len == 1 ? b : (uint32_t)(b & (0x7F >> len));
        for (j = 1; j < len && i + (size_t)j < n; j++)
            c = (c << 6) | ((unsigned char)s[i + (size_t)j] & 0x3F);
        cp[k++] = c;
        i += (size_t)len;
    }
    return k;
}

/* The cache section: the hosts counted at least min_count times (at most
 * max_entries, the most frequent) with the script the model chooses. */
static void build_cache(buf *out, const kh_lemmatizer *lz,
                        const kh_lexicon *lex, const strmap *hosts,
                        uint64_t min_count, size_t max_entries)
{
    form_count *v = malloc((hosts->n + 1) * sizeof *v);
    size_t n = 0, i, slots = 1, pool = 0;
    uint64_t covered = 0, total = 0;
    uint32_t *table;
    if (!v)
        die("out of memory");
    for (i = 0; i < hosts->cap; i++) {
        if (!hosts->keys[i])
            continue;
        total += hosts->counts[i];
        if (hosts->counts[i] >= min_count && hosts->lens[i] < 256) {
            v[n].key = hosts->keys[i];
            v[n].len = hosts->lens[i];
            v[n].count = hosts->counts[i];
            n++;
        }
    }
    qsort(v, n, sizeof *v, by_count_then_key);
    if (n > max_entries)
        n = max_entries;
    for (i = 0; i < n; i++)
        covered += v[i].count;
    qsort(v, n, sizeof *v, by_key);
    while (slots <= 2 * n)
        slots *= 2;
    table = calloc(slots, 4);
    if (!table)
        die("out of memory");
    buf_u32(out, 1);
    buf_u32(out, (uint32_t)n);
    buf_u32(out, (uint32_t)slots);
    for (i = 0; i < n; i++)
        pool += v[i].len;
    buf_u32(out, (uint32_t)pool);
    pool = 0;
    for (i = 0; i < n; i++) {
        uint32_t cp[KH_LEM_MAX];
        int m = decode(v[i].key, v[i].len, cp, KH_LEM_MAX);
        uint32_t script = kh_lemmatize_score(lz, lex, cp, m);
        uint32_t h = kh_lex_hash(v[i].key, v[i].len) & (uint32_t)(slots - 1);
        buf_u32(out, (uint32_t)pool);
        buf_u16(out, (uint16_t)script);
        buf_put(out, &(unsigned char){(unsigned char)v[i].len}, 1);
        buf_put(out, "", 1);
        pool += v[i].len;
        while (table[h])
            h = (h + 1) & (uint32_t)(slots - 1);
        table[h] = (uint32_t)i + 1;
    }
    for (i = 0; i < slots; i++)
        buf_u32(out, table[i]);
    for (i = 0; i < n; i++)
        buf_put(out, v[i].key, v[i].len);
    printf("cache: %zu hosts (of %zu seen, >= %llu times), %.1f%% of the "
           "corpus's hosts\n",
           n, hosts->n, (unsigned long long)min_count,
           total ? 100.0 * (double)covered / (double)total : 0.0);
    free(table);
    free(v);
}

/* ------------------------------------------------------------------------ */
/* The command                                                              */
/* ------------------------------------------------------------------------ */

int train_lemmatizer(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL;
    char *train[64], *corpora[64];
    int n_train = 0, n_corpora = 0, i, epochs = 30, log2b = 18;
    int best_epoch = 0, stale = 0;
    uint64_t cache_min = 3;
    size_t cache_max = 200000;
    int epoch;
    uint64_t min_count = 2, seed = 0x1E77A5EEDull;
    size_t max_scripts = 2000, j, covered = 0, heldout = 0, *order;
    examples ex = {0};
    scripts sc;
    strmap seen;
    kh_container lc;
    kh_lexicon lex;
    kh_norm nm;
    perceptron p;
    double best_acc = -1, *best_w;
    khabar_error err;
    char *lex_bytes;
    size_t lex_len;
    clock_t t0 = clock();
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--lexicon") && i + 1 < argc)
            lex_path = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc && n_corpora < 64)
            corpora[n_corpora++] = argv[++i];
        else if (!strcmp(argv[i], "--cache-min") && i + 1 < argc)
            cache_min = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--cache-max") && i + 1 < argc)
            cache_max = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--min-count") && i + 1 < argc)
            min_count = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--max-scripts") && i + 1 < argc)
            max_scripts = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--buckets") && i + 1 < argc)
            log2b = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--keep-unanalysed"))
            skip_unanalysed = 0;
        else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0) | 1;
        else if (!strcmp(argv[i], "--no-persons"))
            augment_verbs = 0;
        else if (!strcmp(argv[i], "--dump-errors"))
            dump_errors = 1;
        else if (argv[i][0] == '-')
            die("lemmatizer: unknown option");
        else if (n_train < 64)
            train[n_train++] = argv[i];
    }
    if (!lex_path || !out_path || !n_train || log2b < 10 || log2b > 24 ||
        max_scripts < 1 || max_scripts > MAX_CANDS || min_count < 1)
        die("usage: khabar-train lemmatizer --lexicon LEX --out OUT "
            "[--min-count N] [--max-scripts N] [--epochs N] [--buckets LOG2] "
            "TRAIN.conllu...");
    lex_bytes = read_file(lex_path, &lex_len);
    if (kh_container_open(&lc, lex_bytes, lex_len, "lexicon", &err) ||
        kh_lexicon_open(&lex, &lc, &err))
        die(err.msg);
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    for (i = 0; i < n_train; i++)
        read_treebank(&ex, &nm, train[i]);
    kh_norm_free(&nm);
    strmap_init(&seen);
    for (j = 0; j < ex.n; j++) {
        if (!ex.v[j].heldout && !ex.v[j].made)
            strmap_add(&seen, ex.v[j].key, ex.v[j].key_len, 1);
        heldout += ex.v[j].heldout;
    }
    printf("examples: %zu, %zu held out (skipped %zu not all letters)\n", ex.n,
           heldout, ex.skipped);
    if (ex.n == heldout)
        die("lemmatizer: no training words in the treebanks");
    learn_scripts(&sc, &ex, min_count, max_scripts);
    /* The candidates of each example. */
    for (j = 0; j < ex.n; j++) {
        example *e = &ex.v[j];
        uint32_t c[MAX_CANDS], k, n = 0;
        for (k = 0; k + 1 < sc.offsets.n; k++) {
            uint32_t out[KH_LEM_MAX];
            int m = kh_lem_apply(sc.code.v, sc.offsets.v, k, e->w, e->n, out,
                                 KH_LEM_MAX);
            if (m <= 0)
                continue;
            c[n++] = k;
            e->covered |= same(out, m, e->l, e->m);
        }
        e->cands = malloc(n * sizeof *c);
        if (!e->cands)
            die("out of memory");
        memcpy(e->cands, c, n * sizeof *c);
        e->n_cands = n;
        covered += e->covered && e->heldout;
    }
    printf("held-out words with the right lemma among the candidates: "
           "%.2f%%\n",
           heldout ? 100.0 * (double)covered / (double)heldout : 0.0);
    p.mask = (1u << log2b) - 1;
    p.w = calloc((size_t)p.mask + 1, sizeof(double));
    p.total = calloc((size_t)p.mask + 1, sizeof(double));
    p.stamp = calloc((size_t)p.mask + 1, sizeof(uint64_t));
    best_w = calloc((size_t)p.mask + 1, sizeof(double));
    order = malloc((ex.n + 1) * sizeof *order);
    if (!p.w || !p.total || !p.stamp || !best_w || !order)
        die("out of memory");
    p.time = 1;
    for (j = 0; j < ex.n; j++)
        order[j] = j;
    for (epoch = 1; epoch <= epochs; epoch++) {
        size_t errors = 0, seen_n = 0;
        double acc, *avg;
        for (j = ex.n; j > 1; j--) {
            size_t r, tmp;
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            r = (size_t)(seed % j);
            tmp = order[j - 1];
            order[j - 1] = order[r];
            order[r] = tmp;
        }
        for (j = 0; j < ex.n; j++) {
            const example *e = &ex.v[order[j]];
            hide_ctx hc = {&seen, e};
            kh_lem_hide hide = {hidden, &hc};
            ranked r;
            if (e->heldout || !e->covered)
                continue;
            rank(p.w, p.mask, &lex, &sc, e, &hide, &r);
            seen_n++;
            if (!same(r.out, r.out_n, e->l, e->m)) {
                update(&p, r.f_right, r.nf_right, 1.0);
                update(&p, r.f_best, r.nf_best, -1.0);
                errors++;
            }
            p.time++;
        }
        avg = malloc(((size_t)p.mask + 1) * sizeof(double));
        if (!avg)
            die("out of memory");
        for (j = 0; j <= p.mask; j++)
            avg[j] = (p.total[j] + (double)(p.time - p.stamp[j]) * p.w[j]) /
                     (double)p.time;
        acc = heldout_accuracy(avg, p.mask, NULL, &lex, &sc, &ex, &seen, 0);
        printf("epoch %d: %zu training errors of %zu, held-out accuracy "
               "%.4f\n",
               epoch, errors, seen_n, acc);
        fflush(stdout);
        if (acc > best_acc) {
            best_acc = acc;
            best_epoch = epoch;
            memcpy(best_w, avg, ((size_t)p.mask + 1) * sizeof(double));
            stale = 0;
        } else if (++stale >= 3) {
            free(avg);
            break;
        }
        free(avg);
    }
    printf("best epoch %d: held-out accuracy %.4f (unseen words' analyses "
           "hidden)\n",
           best_epoch, best_acc);
    heldout_accuracy(best_w, p.mask, NULL, &lex, &sc, &ex, &seen, 1);
    {
        kbm_section sec[3];
        kh_lemmatizer lz;
        double max = 0, scale, acc;
        int16_t *q = malloc(((size_t)p.mask + 1) * sizeof *q);
        uint32_t n_scripts = (uint32_t)(sc.offsets.n - 1);
        if (!q)
            die("out of memory");
        memset(sec, 0, sizeof sec);
        for (j = 0; j <= p.mask; j++)
            max = fabs(best_w[j]) > max ? fabs(best_w[j]) : max;
        scale = max > 0 ? 32767.0 / max : 1;
        for (j = 0; j <= p.mask; j++)
            q[j] = (int16_t)lround(best_w[j] * scale);
        strcpy(sec[0].tag, "weights");
        buf_u32(&sec[0].data, 1);
        buf_u32(&sec[0].data, p.mask + 1);
        buf_u32(&sec[0].data, 1);
        buf_u32(&sec[0].data, 0);
        for (j = 0; j <= p.mask; j++)
            buf_u16(&sec[0].data, (uint16_t)q[j]);
        strcpy(sec[1].tag, "scripts");
        buf_u32(&sec[1].data, 1);
        buf_u32(&sec[1].data, n_scripts);
        buf_u32(&sec[1].data, (uint32_t)sc.code.n);
        buf_u32(&sec[1].data, 0);
        for (j = 0; j < sc.offsets.n; j++)
            buf_u32(&sec[1].data, sc.offsets.v[j]);
        for (j = 0; j < sc.code.n; j++)
            buf_u32(&sec[1].data, sc.code.v[j]);
        /* The quantized model as the library runs it (lexicon in full). */
        memset(&lz, 0, sizeof lz);
        lz.lin.n_buckets = p.mask + 1;
        lz.lin.n_labels = 1;
        lz.lin.mask = p.mask;
        lz.lin.w = q;
        lz.n_scripts = n_scripts;
        lz.code_size = (uint32_t)sc.code.n;
        lz.offsets = sc.offsets.v;
        lz.code = sc.code.v;
        acc = heldout_accuracy(NULL, 0, &lz, &lex, &sc, &ex, &seen, 1);
        printf("held-out accuracy of the int16 model with the whole lexicon: "
               "%.4f\n",
               acc);
        strcpy(sec[2].tag, "cache");
        {
            strmap hosts;
            strmap_init(&hosts);
            if (n_corpora)
                count_hosts(&hosts, corpora, n_corpora);
            build_cache(&sec[2].data, &lz, &lex, &hosts, cache_min,
                        cache_max);
            strmap_free(&hosts);
        }
        if (kbm_write(out_path, "lemmatizer", sec, 3) != 0)
            die("cannot write the model");
        printf("wrote %s (%.1f s)\n", out_path,
               (double)(clock() - t0) / CLOCKS_PER_SEC);
        buf_free(&sec[0].data);
        buf_free(&sec[1].data);
        buf_free(&sec[2].data);
        free(q);
    }
    for (j = 0; j < ex.n; j++)
        free(ex.v[j].cands);
    strmap_free(&seen);
    free(sc.code.v);
    free(sc.offsets.v);
    free(order);
    free(best_w);
    free(p.w);
    free(p.total);
    free(p.stamp);
    free(ex.v);
    free(lex_bytes);
    return 0;
}
