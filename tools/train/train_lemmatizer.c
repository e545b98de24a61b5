/*
 * train_lemmatizer.c - `khabar-train lemmatizer`: learns the lemmatizer of
 * host words (src/morph/lemmatize.h).
 *
 *   khabar-train lemmatizer --lexicon data/lexicon.kbm
 *       --out data/lemmatizer.kbm [--corpus TEXT]... [--cache-min N]
 *       [--cache-max N] [--min-count N] [--max-scripts N] [--epochs N]
 *       [--buckets LOG2] [--seed N] [--fold K] [--runs K]
 *       [--unseen-every N] [--no-persons]
 *       [--no-news] [--keep-unanalysed] [--bama DIR]
 *       [--dump-errors] [--explain WORDS] TRAIN.conllu...
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
 * (leave-one-out: the lexicon was built from the same treebank); with
 * --unseen-every N, one word in N is also shown a second time with its
 * analyses hidden, as a word PADT never analyzed, which most hosts of the
 * news are (N = 1: lemma F1 on PUD 93.88 -> 93.99, 20 runs; the
 * cross-validation 97.69% -> 97.84%). The
 * held-out words (one sentence in ten: those whose index is K modulo 10,
 * --fold K, 9 by default; ten runs with K = 0..9 cross-validate) are
 * scored with the analyses of the keys the training part never saw hidden,
 * so that held-out accuracy is that of words PADT did not analyze.
 * Training stops when held-out accuracy has not improved for three epochs
 * and keeps the best epoch. With --runs K (1-40), K runs each hold out a
 * tenth (--fold, then the one before, ... modulo 10; from the eleventh run
 * on, the tenths again with other seeds), learn from the same table of
 * scripts (that of all the words) and the model is the mean of their
 * weights: one run's choice of epoch and order of examples moves PUD lemma
 * F1 by up to 0.7 either way, the mean of ten by 0.2 (93.94 and 93.71 with
 * two seeds), the mean of twenty by less than 0.05 (93.88 and 93.88); and
 * the mean sees every sentence. The mean of the runs' held-out accuracies
 * is a cross-validation. Deterministic: the order of examples is
 * shuffled with a fixed seed per run (--seed).
 *
 * PADT has almost no verbs in the first person, which news quotes often: a
 * training verb in the imperfect 3rd person masculine singular (يفعل) also
 * teaches its 1st person forms أفعل and نفعل (--no-persons: not).
 *
 * With --corpus, the hosts of the corpora's Arabic tokens (segmented by the
 * default model) seen at least --cache-min times (3), at most --cache-max
 * (200000) of them, the most frequent, are lemmatized with the final int16
 * weights and stored with their script as the model's cache. The host
 * counts are evidence for the candidates of the cache's hosts (lemmatize.h,
 * kh_lem_ext_fn: how often the news has each candidate as a host, and the
 * host with its other sound ending), and for the training words whose host
 * is one of them (--no-news: not). The runtime has no corpus and scores
 * every other host without the evidence, so each training word with it is
 * also shown without it (a "blind" copy).
 *
 * With --bama DIR (the tables of the Buckwalter Arabic Morphological
 * Analyzer 1.0: dictPrefixes, dictStems, dictSuffixes, tableAB, tableAC,
 * tableBC), the lemmas the analyzer gives a host are evidence for the
 * candidates in the same way.
 *
 * --explain WORDS prints, for each word of the file WORDS (one a line), the
 * candidates of the final model with their scores, with the news's evidence
 * and without it.
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
#define BAMA_MAX_LEMMAS 16

/* ------------------------------------------------------------------------ */
/* Examples                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct example {
    uint32_t w[KH_LEM_MAX], l[KH_LEM_MAX];
    uint8_t n, m;
    uint8_t heldout; /* in the run's held-out tenth (set_fold) */
    uint8_t left_out; /* a made or blind copy of a held-out word */
    uint8_t tenth;   /* its sentence's index modulo 10 */
    uint8_t made;    /* made up from another example (training only) */
    uint8_t unseen;  /* a copy shown as a word PADT never analyzed */
    uint8_t blind;   /* a copy of an example without the evidence */
    char upos[8];
    char key[4 * KH_LEM_MAX];
    uint8_t key_len;
    int ev_known, ev_n; /* the analyzer's lemmas (see evidence) */
    const strmap *ev_news; /* the news's host counts, or NULL */
    const char *ev_lemma[BAMA_MAX_LEMMAS];
    uint8_t ev_len[BAMA_MAX_LEMMAS];
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

static int skip_unanalysed = 1, augment_verbs = 1, heldout_fold = 9;

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
        e.tenth = (uint8_t)(sentence % 10);
        memcpy(e.upos, f[3], fl[3] < 7 ? fl[3] : 7);
        fold_key(e.w, e.n, e.key, &e.key_len);
        add_example(ex, &e);
        if (augment_verbs)
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
        if (e->heldout || e->left_out || e->blind || e->unseen)
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
    if (h->self->unseen && len == h->self->key_len &&
        memcmp(key, h->self->key, len) == 0)
        return 1;
    if (!h->self->heldout && !h->self->made && len == h->self->key_len &&
        memcmp(key, h->self->key, len) == 0)
        c--;
    return c == 0;
}

/* Holds out the words of the sentences of tenth fold (-1: none) and
 * counts the keys of the others in seen (cleared first); returns the
 * count of held-out words. Made and blind copies of a held-out word are
 * left out of training. */
static size_t set_fold(examples *ex, int fold, strmap *seen)
{
    size_t j, n = 0;
    strmap_free(seen);
    strmap_init(seen);
    for (j = 0; j < ex->n; j++) {
        example *e = &ex->v[j];
        int in = e->tenth == fold, copy = e->made || e->blind || e->unseen;
        e->heldout = (uint8_t)(in && !copy);
        e->left_out = (uint8_t)(in && copy);
        if (!in && !copy)
            strmap_add(seen, e->key, e->key_len, 1);
        n += e->heldout;
    }
    return n;
}

/* ------------------------------------------------------------------------ */
/* A morphological analyzer's lemmas (--bama)                               */
/* ------------------------------------------------------------------------ */

/* The Buckwalter Arabic Morphological Analyzer's tables (dictPrefixes,
 * dictStems, dictSuffixes and the compatibility tables tableAB, tableAC,
 * tableBC) give the lemmas a word can have: every split into prefix + stem +
 * suffix whose three parts are listed with compatible categories. Only what
 * a host can carry is tried: the article and a verb's person prefixes, and
 * inflectional suffixes; no conjunction, preposition, future or subjunctive
 * particle and no pronoun, which the segmenter has taken off. A lemma is
 * the stem's lemma ID (;; katab-u_1) without its number and verb class, in
 * Arabic letters without diacritics (كتب).
 *
 * The analyzer is evidence only for the hosts the model's cache will hold,
 * and the training words are given it on the same condition (their host is
 * such a host): the runtime, which has no analyzer, has its effect through
 * the cache, and scores the other hosts as the model learned to score
 * words without it. */

typedef struct bama_entry {
    const char *form;  /* unvocalized, Arabic UTF-8 */
    size_t len;
    size_t order;      /* in the file, for a stable sort */
    uint32_t cat;      /* interned category */
    const char *lemma; /* stems only: Arabic UTF-8, no diacritics */
    size_t lemma_len;
} bama_entry;

typedef struct bama_dict {
    bama_entry *v;
    size_t n, cap;
    strmap first; /* form -> index of its first entry + 1 */
} bama_dict;

typedef struct bama {
    bama_dict pre, stem, suf;
    strmap cats;   /* category -> id */
    strmap compat; /* "T cat1 cat2" for the tables T = A (AB), C (AC), B (BC) */
    char **owned;
    size_t n_owned, cap_owned;
} bama;

/* The Arabic letter of a Buckwalter byte; 0 for a diacritic (dropped), -1
 * for a byte of no letter. */
static long bw_letter(unsigned char c)
{
    static const char bw[] = "'|>&<}AbptvjHxd*rzs$SDTZEgfqklmnhwYy{PJVG";
    static const uint16_t ar[] = {
        0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0628,
        0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F, 0x0630,
        0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637, 0x0638,
        0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645, 0x0646,
        0x0647, 0x0648, 0x0649, 0x064A, 0x0627, 0x067E, 0x0686, 0x06A4,
        0x06AF};
    const char *p;
    if (c && strchr("FNKauio~`", c))
        return 0;
    p = c ? strchr(bw, c) : NULL;
    return p ? ar[p - bw] : -1;
}

/* s[0, n) from Buckwalter to Arabic UTF-8 into out (room for 3 n bytes);
 * returns the length, or -1 for a byte of no letter. */
static long bw_to_utf8(const char *s, size_t n, char *out)
{
    uint32_t cp[256];
    int k = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        long c = bw_letter((unsigned char)s[i]);
        if (c < 0 || k == 256)
            return -1;
        if (c)
            cp[k++] = (uint32_t)c;
    }
    return (long)kh_seg_utf8(cp, k, out);
}

static const char *bama_own(bama *b, const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy)
        die("out of memory");
    memcpy(copy, s, n);
    copy[n] = 0;
    if (b->n_owned == b->cap_owned) {
        b->cap_owned = b->cap_owned ? 2 * b->cap_owned : 4096;
        b->owned = realloc(b->owned, b->cap_owned * sizeof *b->owned);
        if (!b->owned)
            die("out of memory");
    }
    b->owned[b->n_owned++] = copy;
    return copy;
}

static uint32_t bama_cat(bama *b, const char *s, size_t n)
{
    uint64_t id = strmap_get(&b->cats, s, n);
    if (!id) {
        id = b->cats.n + 1;
        strmap_add(&b->cats, s, n, id);
    }
    return (uint32_t)id;
}

static int by_form(const void *a, const void *b)
{
    const bama_entry *x = a, *y = b;
    int c = memcmp(x->form, y->form, x->len < y->len ? x->len : y->len);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Reads a dictionary file: tab-separated unvocalized form, vocalized form,
 * category and gloss; in dictStems, ";; ID" lines name the lemma of the
 * stems after them. Affixes whose gloss has one of the tags in skip are
 * left out. */
static void bama_read_dict(bama *b, bama_dict *d, const char *path,
                           int stems, const char *const *skip)
{
    size_t len, pos = 0;
    char *text = read_file(path, &len);
    const char *lemma = NULL;
    size_t lemma_len = 0;
    memset(d, 0, sizeof *d);
    while (pos < len) {
        char *line = text + pos, *nl = strchr(line, '\n'), *f[4], *p;
        char form[3 * 256], lem[3 * 256];
        long fn;
        int nf = 0, k;
        bama_entry e;
        if (nl)
            *nl = 0;
        pos = nl ? (size_t)(nl - text) + 1 : len;
        if (stems && line[0] == ';' && line[1] == ';' && line[2] == ' ') {
            /* ;; hAtif_1, ;; katab-u_1: the ID without number and class */
            char *id = line + 3, *end = id + strcspn(id, "\r\t ");
            char *us = end;
            long ln;
            while (us > id && us[-1] != '_')
                us--;
            if (us > id)
                end = us - 1;
            for (p = id; p < end && *p != '-'; p++)
                ;
            ln = bw_to_utf8(id, (size_t)(p - id), lem);
            lemma = ln > 0 ? bama_own(b, lem, (size_t)ln) : NULL;
            lemma_len = ln > 0 ? (size_t)ln : 0;
            continue;
        }
        if (line[0] == ';' || line[0] == 0)
            continue;
        for (p = line; nf < 4; nf++) {
            f[nf] = p;
            p = strchr(p, '\t');
            if (!p)
                break;
            *p++ = 0;
        }
        if (nf < 2 || (stems && !lemma))
            continue;
        if (nf < 3)
            f[3] = "";
        for (k = 0; skip && skip[k]; k++) {
            if (strstr(f[3], skip[k]))
                break;
        }
        if (skip && skip[k])
            continue;
        fn = bw_to_utf8(f[0], strlen(f[0]), form);
        if (fn < 0 || (stems && fn == 0))
            continue;
        f[2][strcspn(f[2], "\r ")] = 0;
        memset(&e, 0, sizeof e);
        e.form = bama_own(b, form, (size_t)fn);
        e.len = (size_t)fn;
        e.order = d->n;
        e.cat = bama_cat(b, f[2], strlen(f[2]));
        e.lemma = lemma;
        e.lemma_len = lemma_len;
        if (d->n == d->cap) {
            d->cap = d->cap ? 2 * d->cap : 1024;
            d->v = realloc(d->v, d->cap * sizeof *d->v);
            if (!d->v)
                die("out of memory");
        }
        d->v[d->n++] = e;
    }
    free(text);
    qsort(d->v, d->n, sizeof *d->v, by_form);
    strmap_init(&d->first);
    for (pos = 0; pos < d->n; pos++) {
        if (!strmap_get(&d->first, d->v[pos].form, d->v[pos].len))
            strmap_add(&d->first, d->v[pos].form, d->v[pos].len, pos + 1);
    }
}

static void compat_key(char *key, size_t *n, char t, uint32_t a, uint32_t b)
{
    *n = (size_t)snprintf(key, 32, "%c %u %u", t, (unsigned)a, (unsigned)b);
}

/* Reads a compatibility table: two categories a line. */
static void bama_read_table(bama *b, const char *path, char t)
{
    size_t len, pos = 0;
    char *text = read_file(path, &len);
    while (pos < len) {
        char *line = text + pos, *nl = strchr(line, '\n'), *x, *y, key[32];
        size_t n;
        if (nl)
            *nl = 0;
        pos = nl ? (size_t)(nl - text) + 1 : len;
        if (line[0] == ';')
            continue;
        x = strtok(line, " \t\r");
        y = x ? strtok(NULL, " \t\r") : NULL;
        if (!y || strtok(NULL, " \t\r"))
            continue;
        compat_key(key, &n, t, bama_cat(b, x, strlen(x)),
                   bama_cat(b, y, strlen(y)));
        strmap_add(&b->compat, key, n, 1);
    }
    free(text);
}

static void bama_load(bama *b, const char *dir)
{
    static const char *const skip_pre[] = {"CONJ", "PREP", "FUT", "EMPHATIC",
                                           "RESULT_CLAUSE", "SUBJUNC", NULL};
    static const char *const skip_suf[] = {"PRON", "_DO:", NULL};
    char path[4096];
    memset(b, 0, sizeof *b);
    strmap_init(&b->cats);
    strmap_init(&b->compat);
#define BAMA_PATH(name) (snprintf(path, sizeof path, "%s/%s", dir, name), path)
    bama_read_dict(b, &b->pre, BAMA_PATH("dictPrefixes"), 0, skip_pre);
    bama_read_dict(b, &b->suf, BAMA_PATH("dictSuffixes"), 0, skip_suf);
    bama_read_dict(b, &b->stem, BAMA_PATH("dictStems"), 1, NULL);
    bama_read_table(b, BAMA_PATH("tableAB"), 'A');
    bama_read_table(b, BAMA_PATH("tableAC"), 'C');
    bama_read_table(b, BAMA_PATH("tableBC"), 'B');
#undef BAMA_PATH
    if (!b->stem.n || !b->pre.n || !b->suf.n || !b->compat.n)
        die("--bama: no tables read");
    printf("bama: %zu stems, %zu prefixes, %zu suffixes, %zu compatible "
           "pairs\n",
           b->stem.n, b->pre.n, b->suf.n, b->compat.n);
}

static void bama_free(bama *b)
{
    size_t i;
    for (i = 0; i < b->n_owned; i++)
        free(b->owned[i]);
    free(b->owned);
    free(b->pre.v);
    free(b->stem.v);
    free(b->suf.v);
    strmap_free(&b->pre.first);
    strmap_free(&b->stem.first);
    strmap_free(&b->suf.first);
    strmap_free(&b->cats);
    strmap_free(&b->compat);
}

static int compatible(const bama *b, char t, uint32_t x, uint32_t y)
{
    char key[32];
    size_t n;
    compat_key(key, &n, t, x, y);
    return strmap_get(&b->compat, key, n) != 0;
}

/* The distinct lemmas of host[0, n) (at most BAMA_MAX_LEMMAS, in the order
 * found); returns their count. */
static int bama_lemmas(const bama *b, const uint32_t *host, int n,
                       const char **lemma, size_t *lemma_len)
{
    char s[4 * KH_LEM_MAX];
    size_t off[KH_LEM_MAX + 1];
    int i, j, k = 0;
    if (n <= 0 || n > KH_LEM_MAX)
        return 0;
    off[0] = 0;
    for (i = 0; i < n; i++)
        off[i + 1] = off[i] + kh_seg_utf8(host + i, 1, s + off[i]);
    for (i = 0; i <= 4 && i < n; i++) {
        uint64_t p0 = strmap_get(&b->pre.first, s, off[i]);
        if (!p0)
            continue;
        for (j = 0; j <= 6 && i + j < n; j++) {
            size_t a = off[i], z = off[n - j];
            uint64_t s0 = strmap_get(&b->stem.first, s + a, z - a);
            uint64_t x0 = strmap_get(&b->suf.first, s + z, off[n] - z);
            size_t pi, si, xi;
            if (!s0 || !x0)
                continue;
            for (pi = p0 - 1; pi < b->pre.n && b->pre.v[pi].len == off[i] &&
                              !memcmp(b->pre.v[pi].form, s, off[i]);
                 pi++) {
                for (si = s0 - 1;
                     si < b->stem.n && b->stem.v[si].len == z - a &&
                     !memcmp(b->stem.v[si].form, s + a, z - a);
                     si++) {
                    const bama_entry *st = &b->stem.v[si];
                    int have = 0, m;
                    if (!compatible(b, 'A', b->pre.v[pi].cat, st->cat))
                        continue;
                    for (xi = x0 - 1;
                         xi < b->suf.n && b->suf.v[xi].len == off[n] - z &&
                         !memcmp(b->suf.v[xi].form, s + z, off[n] - z);
                         xi++) {
                        if (compatible(b, 'C', b->pre.v[pi].cat,
                                       b->suf.v[xi].cat) &&
                            compatible(b, 'B', st->cat, b->suf.v[xi].cat)) {
                            have = 1;
                            break;
                        }
                    }
                    if (!have)
                        continue;
                    for (m = 0; m < k; m++) {
                        if (lemma_len[m] == st->lemma_len &&
                            !memcmp(lemma[m], st->lemma, st->lemma_len))
                            break;
                    }
                    if (m == k && k < BAMA_MAX_LEMMAS) {
                        lemma[k] = st->lemma;
                        lemma_len[k++] = st->lemma_len;
                    }
                }
            }
        }
    }
    return k;
}

/* ------------------------------------------------------------------------ */
/* Evidence for the cache                                                   */
/* ------------------------------------------------------------------------ */

/* The news's word: how often a host (hosts: the corpora's hosts, counted
 * by count_hosts(), keyed by news_key()) occurs with the article or
 * without it, as a bucket (lemmatize.h, KH_LEM_NEWS): a lemma is a word of
 * its own, so that الكربون is a host of كربون, seen as often, rather than of
 * كرب, seen now and then, and هواتف one of هاتف, seen more often still. */
static size_t news_key(const uint32_t *cp, int n, char *key)
{
    uint32_t f[KH_LEM_MAX];
    int i;
    for (i = 0; i < n && i < KH_LEM_MAX; i++) {
        uint32_t c = cp[i];
        f[i] = c == 0x0623 || c == 0x0625 || c == 0x0622 ? ALEF
               : c == 0x0649                              ? 0x064A
                                                          : c;
    }
    return kh_seg_utf8(f, i, key);
}

static unsigned news_bucket(const strmap *news, const uint32_t *cp, int n)
{
    char key[4 * KH_LEM_MAX + 4];
    uint64_t c;
    size_t len;
    if (n <= 0 || n > KH_LEM_MAX - 2)
        return 0;
    len = news_key(cp, n, key + 4); /* room for ال before it */
    c = strmap_get(news, key + 4, len);
    if (n >= 4 && cp[0] == ALEF && cp[1] == LAM) {
        c += strmap_get(news, key + 8, len - 4);
    } else {
        memcpy(key, "\xD8\xA7\xD9\x84", 4); /* ال */
        c += strmap_get(news, key, len + 4);
    }
    return c ? kh_lem_bucket(c) : 0;
}

/* What is known of a host: what the analyzer says (known 0: not asked, or
 * its lemmas) and the news's host counts (news NULL: not asked). */
typedef struct evidence {
    int known, n;
    const char *lemma[BAMA_MAX_LEMMAS];
    size_t len[BAMA_MAX_LEMMAS];
    const strmap *news;
    unsigned host_bucket; /* news_bucket() of the host */
    int sibling;          /* sibling_diff() of the host */
} evidence;

/* A sound ending's other case or number: the host with ين for its ون (and
 * the other way round), ين for ان, تين for تان (and back), ة for ات and ات
 * for ة. When the news has the host with the other ending about as often,
 * the ending is an ending (المهندسين, المهندسون); when it has not, it may be
 * part of the word (الكربون). Returns 1 + 7 + the difference of the
 * sibling's bucket with the host's (clipped to -6 .. 6), or 0 when the host
 * has none of these endings. */
static int sibling_diff(const strmap *news, const uint32_t *cp, int n,
                        unsigned host_bucket)
{
    static const uint32_t pairs[][2][3] = {
        {{0x0648, 0x0646}, {0x064A, 0x0646}}, /* ون -> ين */
        {{0x062A, 0x064A, 0x0646}, {0x062A, 0x0627, 0x0646}}, /* تين تان */
        {{0x064A, 0x0646}, {0x0648, 0x0646}}, /* ين -> ون */
        {{0x062A, 0x0627, 0x0646}, {0x062A, 0x064A, 0x0646}}, /* تان تين */
        {{0x0627, 0x0646}, {0x064A, 0x0646}}, /* ان -> ين */
        {{0x0627, 0x062A}, {0x0629}},         /* ات -> ة */
        {{0x0629}, {0x0627, 0x062A}},         /* ة -> ات */
    };
    uint32_t w[KH_LEM_MAX];
    size_t p;
    int d;
    for (p = 0; p < sizeof pairs / sizeof *pairs; p++) {
        const uint32_t *from = pairs[p][0], *to = pairs[p][1];
        int a = from[2] ? 3 : from[1] ? 2 : 1, b = to[2] ? 3 : to[1] ? 2 : 1;
        if (n - a < 2 || n - a + b > KH_LEM_MAX ||
            memcmp(cp + n - a, from, (size_t)a * sizeof *cp) != 0)
            continue;
        memcpy(w, cp, (size_t)(n - a) * sizeof *cp);
        memcpy(w + n - a, to, (size_t)b * sizeof *cp);
        d = (int)news_bucket(news, w, n - a + b) - (int)host_bucket;
        return 8 + (d < -6 ? -6 : d > 6 ? 6 : d);
    }
    return 0;
}

static void evidence_init(evidence *ev, const bama *b, const strmap *news,
                          const uint32_t *host, int n)
{
    memset(ev, 0, sizeof *ev);
    if (news) {
        ev->news = news;
        ev->host_bucket = news_bucket(news, host, n);
        ev->sibling = sibling_diff(news, host, n, ev->host_bucket);
    }
    if (!b)
        return;
    ev->known = 1;
    ev->n = bama_lemmas(b, host, n, ev->lemma, ev->len);
}

static int decode(const char *s, size_t n, uint32_t *cp, int max);

static int same_folded(const uint32_t *a, int n, const uint32_t *b, int m)
{
    int i;
    if (n != m)
        return 0;
    for (i = 0; i < n; i++) {
        if (kh_morph_fold(a[i]) != kh_morph_fold(b[i]))
            return 0;
    }
    return 1;
}

/* The analyzer's code of candidate r[0, rn): 0 none, 1 the analyzer knows
 * no lemma of the host, else 2 + 3 match + (lemmas - 1) with match 0 (r is
 * none of them), 1 (one of them, letter variants folded), 2 (one of them
 * as spelled) and at most 3 lemmas counted. */
static unsigned analyzer_code(const evidence *ev, const uint32_t *r, int rn)
{
    char u[4 * KH_LEM_MAX];
    size_t un;
    int i, match = 0;
    if (!ev->known)
        return 0;
    if (!ev->n)
        return 1;
    un = kh_seg_utf8(r, rn, u);
    for (i = 0; i < ev->n && match < 2; i++) {
        uint32_t cp[KH_LEM_MAX];
        int m;
        if (ev->len[i] == un && !memcmp(ev->lemma[i], u, un)) {
            match = 2;
            break;
        }
        m = decode(ev->lemma[i], ev->len[i], cp, KH_LEM_MAX);
        if (same_folded(cp, m, r, rn))
            match = 1;
    }
    return 2 + 3 * (unsigned)match + (unsigned)(ev->n < 3 ? ev->n - 1 : 2);
}

/* The evidence of candidate r[0, rn) (kh_lem_ext_fn, lemmatize.h). */
static unsigned evidence_of(const void *ctx, const uint32_t *r, int rn)
{
    const evidence *ev = ctx;
    unsigned code;
    if (!ev)
        return 0;
    code = analyzer_code(ev, r, rn);
    if (ev->news) {
        unsigned b = news_bucket(ev->news, r, rn);
        int d = (int)b - (int)ev->host_bucket;
        code |= KH_LEM_NEWS(b, d < -6 ? -6 : d > 6 ? 6 : d, ev->sibling);
    }
    return code;
}

static void example_evidence(const example *e, evidence *ev)
{
    int i;
    memset(ev, 0, sizeof *ev);
    if (e->ev_news) {
        ev->news = e->ev_news;
        ev->host_bucket = news_bucket(e->ev_news, e->w, e->n);
        ev->sibling = sibling_diff(e->ev_news, e->w, e->n, ev->host_bucket);
    }
    ev->known = e->ev_known;
    ev->n = e->ev_n;
    for (i = 0; i < e->ev_n; i++) {
        ev->lemma[i] = e->ev_lemma[i];
        ev->len[i] = e->ev_len[i];
    }
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
    evidence ev;
    example_evidence(e, &ev);
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
        nf = kh_lem_features(lex, &word, e->cands[i], out, n, hide,
                             evidence_of(&ev, out, n), f);
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
            evidence ev;
            uint32_t script;
            example_evidence(e, &ev);
            script = kh_lemmatize_score_ext(lz, lex, e->w, e->n, evidence_of,
                                            &ev);
            n = kh_lem_apply(lz->code, lz->offsets, script, e->w, e->n, out,
                             KH_LEM_MAX);
            if (n <= 0) {
                memcpy(out, e->w, (size_t)e->n * sizeof *out);
                n = e->n;
            }
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

/* The hosts the cache holds: those counted at least min_count times, at
 * most max_entries of them, the most frequent; sorted by key. */
static form_count *cache_hosts(const strmap *hosts, uint64_t min_count,
                               size_t max_entries, size_t *n_out,
                               double *coverage)
{
    form_count *v = malloc((hosts->n + 1) * sizeof *v);
    size_t n = 0, i;
    uint64_t covered = 0, total = 0;
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
    qsort(v, n, sizeof *v, form_by_count_then_key);
    if (n > max_entries)
        n = max_entries;
    for (i = 0; i < n; i++)
        covered += v[i].count;
    qsort(v, n, sizeof *v, form_by_key);
    *n_out = n;
    *coverage = total ? 100.0 * (double)covered / (double)total : 0.0;
    return v;
}

/* --explain: the candidates of each word of the file at path (one a line)
 * under the model lz, with the score each has with the news's evidence and
 * without it, then the evidence (news bucket, difference with the host's,
 * sibling), then the weight of each feature. Candidates far below in both
 * are left out. */
static void explain(const kh_lemmatizer *lz, const kh_lexicon *lex,
                    const strmap *news, const char *path)
{
    size_t len, pos = 0;
    char *text = read_file(path, &len);
    kh_norm nm;
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    while (pos < len) {
        char *line = text + pos, *nl = strchr(line, '\n');
        uint32_t cp[KH_LEM_MAX];
        int m;
        uint32_t i;
        evidence ev;
        kh_lem_word w;
        if (nl)
            *nl = 0;
        pos = nl ? (size_t)(nl - text) + 1 : len;
        m = morph_form(&nm, line, strlen(line), cp, KH_LEM_MAX);
        if (m <= 0)
            continue;
        evidence_init(&ev, NULL, news, cp, m);
        printf("== %s host bucket %u\n", line, ev.host_bucket);
        kh_lem_word_init(&w, lex, cp, m, NULL);
        for (i = 0; i < lz->n_scripts; i++) {
            uint32_t r[KH_LEM_MAX];
            uint64_t f[KH_LEM_MAX_FEATS];
            int rn = kh_lem_apply(lz->code, lz->offsets, i, cp, m, r,
                                  KH_LEM_MAX), nf, j;
            long sc = 0, sc0 = 0;
            unsigned x;
            if (rn <= 0)
                continue;
            x = evidence_of(&ev, r, rn);
            nf = kh_lem_features(lex, &w, i, r, rn, NULL, x, f);
            for (j = 0; j < nf; j++)
                sc += kh_linear_w(&lz->lin, f[j], 0);
            nf = kh_lem_features(lex, &w, i, r, rn, NULL, 0, f);
            for (j = 0; j < nf; j++)
                sc0 += kh_linear_w(&lz->lin, f[j], 0);
            if (sc < -20000 && sc0 < -20000)
                continue;
            printf("  %7ld %7ld s%-4u ", sc, sc0, i);
            print_cps(r, rn);
            printf("  news %d diff %d sibling %d\n   ",
                   (int)((x >> 4) & 31) - 1, (int)((x >> 9) & 15) - 7,
                   (int)((x >> 13) & 15) - 8);
            nf = kh_lem_features(lex, &w, i, r, rn, NULL, x, f);
            for (j = 0; j < nf; j++)
                printf(" %d", kh_linear_w(&lz->lin, f[j], 0));
            printf("\n");
        }
    }
    kh_norm_free(&nm);
    free(text);
}

/* The cache section: hosts v[0, n) with the script the model chooses, with
 * the evidence when there is some (b, news). */
static void build_cache(buf *out, const kh_lemmatizer *lz,
                        const kh_lexicon *lex, const bama *b,
                        const strmap *news, const form_count *v, size_t n)
{
    size_t i, slots = 1, pool = 0;
    uint32_t *table;
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
        evidence ev;
        uint32_t script, h;
        evidence_init(&ev, b, news, cp, m);
        script = kh_lemmatize_score_ext(lz, lex, cp, m, evidence_of, &ev);
        h = kh_lex_hash(v[i].key, v[i].len) & (uint32_t)(slots - 1);
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
    free(table);
}

/* One run: trains p from zero on the examples not held out (set_fold),
 * with the order shuffled from seed, until held-out accuracy has not
 * improved for three epochs; the best epoch's averaged weights into best_w.
 * Returns that epoch's held-out accuracy. */
static double train_run(perceptron *p, size_t *order, const kh_lexicon *lex,
                        const scripts *sc, const examples *ex,
                        const strmap *seen, int epochs, uint64_t seed,
                        double *best_w)
{
    double best_acc = -1;
    int epoch, best_epoch = 0, stale = 0;
    size_t j, nw = (size_t)p->mask + 1;
    memset(p->w, 0, nw * sizeof *p->w);
    memset(p->total, 0, nw * sizeof *p->total);
    memset(p->stamp, 0, nw * sizeof *p->stamp);
    memset(best_w, 0, nw * sizeof *best_w);
    p->time = 1;
    for (j = 0; j < ex->n; j++)
        order[j] = j;
    for (epoch = 1; epoch <= epochs; epoch++) {
        size_t errors = 0, seen_n = 0;
        double acc, *avg;
        shuffle(order, ex->n, &seed);
        for (j = 0; j < ex->n; j++) {
            const example *e = &ex->v[order[j]];
            hide_ctx hc = {seen, e};
            kh_lem_hide hide = {hidden, &hc};
            ranked r;
            if (e->heldout || e->left_out || !e->covered)
                continue;
            rank(p->w, p->mask, lex, sc, e, &hide, &r);
            seen_n++;
            if (!same(r.out, r.out_n, e->l, e->m)) {
                update(p, r.f_right, r.nf_right, 1.0);
                update(p, r.f_best, r.nf_best, -1.0);
                errors++;
            }
            p->time++;
        }
        avg = malloc(nw * sizeof(double));
        if (!avg)
            die("out of memory");
        for (j = 0; j < nw; j++)
            avg[j] = (p->total[j] + (double)(p->time - p->stamp[j]) * p->w[j]) /
                     (double)p->time;
        acc = heldout_accuracy(avg, p->mask, NULL, lex, sc, ex, seen, 0);
        printf("epoch %d: %zu training errors of %zu, held-out accuracy "
               "%.4f\n",
               epoch, errors, seen_n, acc);
        fflush(stdout);
        if (acc > best_acc) {
            best_acc = acc;
            best_epoch = epoch;
            memcpy(best_w, avg, nw * sizeof(double));
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
    return best_acc;
}

/* ------------------------------------------------------------------------ */
/* The command                                                              */
/* ------------------------------------------------------------------------ */

int train_lemmatizer(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL, *bama_dir = NULL;
    const char *explain_path = NULL;
    char *train[64], *corpora[64];
    int n_train = 0, n_corpora = 0, i, epochs = 30, log2b = 18;
    int runs = 1, run, unseen_every = 0;
    uint64_t cache_min = 3;
    size_t cache_max = 200000;
    uint64_t min_count = 2, seed = 0x1E77A5EEDull;
    size_t max_scripts = 2000, j, covered = 0, heldout = 0, *order;
    examples ex = {0};
    scripts sc;
    strmap seen, hosts, cached;
    form_count *cache_v;
    size_t cache_n = 0, asked = 0, n_ex;
    double cache_cover;
    bama bm, *b = NULL;
    strmap news_hosts;
    const strmap *news = NULL;
    int use_news = 1;
    kh_container lc;
    kh_lexicon lex;
    kh_norm nm;
    perceptron p;
    double *best_w, *sum_w, acc_sum = 0;
    khabar_error err;
    char *lex_bytes;
    size_t lex_len;
    clock_t t0 = clock();
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--lexicon") && i + 1 < argc)
            lex_path = argv[++i];
        else if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--bama") && i + 1 < argc)
            bama_dir = argv[++i];
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
        else if (!strcmp(argv[i], "--fold") && i + 1 < argc)
            heldout_fold = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--unseen-every") && i + 1 < argc)
            unseen_every = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--no-news"))
            use_news = 0;
        else if (!strcmp(argv[i], "--no-persons"))
            augment_verbs = 0;
        else if (!strcmp(argv[i], "--explain") && i + 1 < argc)
            explain_path = argv[++i];
        else if (!strcmp(argv[i], "--dump-errors"))
            dump_errors = 1;
        else if (argv[i][0] == '-')
            die("lemmatizer: unknown option");
        else if (n_train < 64)
            train[n_train++] = argv[i];
    }
    if (!lex_path || !out_path || !n_train || log2b < 10 || log2b > 24 ||
        heldout_fold < 0 || heldout_fold > 9 || runs < 1 || runs > 40 ||
        max_scripts < 1 || max_scripts > MAX_CANDS || min_count < 1)
        die("usage: khabar-train lemmatizer --lexicon LEX --out OUT "
            "[--min-count N] [--max-scripts N] [--epochs N] [--buckets LOG2] "
            "[--fold K] [--runs K] TRAIN.conllu...");
    lex_bytes = read_file(lex_path, &lex_len);
    if (kh_container_open(&lc, lex_bytes, lex_len, "lexicon", &err) ||
        kh_lexicon_open(&lex, &lc, &err))
        die(err.msg);
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    for (i = 0; i < n_train; i++)
        read_treebank(&ex, &nm, train[i]);
    kh_norm_free(&nm);
    strmap_init(&seen);
    heldout = set_fold(&ex, heldout_fold, &seen);
    printf("examples: %zu, %zu held out (skipped %zu not all letters)\n", ex.n,
           heldout, ex.skipped);
    /* The hosts the cache will hold; the analyzer's lemmas for the
     * examples whose host is one of them. */
    strmap_init(&hosts);
    strmap_init(&cached);
    if (n_corpora)
        count_hosts(&hosts, corpora, n_corpora);
    cache_v = cache_hosts(&hosts, cache_min, cache_max, &cache_n, &cache_cover);
    for (j = 0; j < cache_n; j++)
        strmap_add(&cached, cache_v[j].key, cache_v[j].len, 1);
    if (bama_dir) {
        bama_load(&bm, bama_dir);
        b = &bm;
    }
    if (n_corpora && use_news) {
        /* The hosts again, keyed as news_bucket() looks them up. */
        strmap_init(&news_hosts);
        for (j = 0; j < hosts.cap; j++) {
            uint32_t cp[KH_LEM_MAX];
            char key[4 * KH_LEM_MAX];
            int m;
            if (!hosts.keys[j])
                continue;
            m = decode(hosts.keys[j], hosts.lens[j], cp, KH_LEM_MAX);
            strmap_add(&news_hosts, key, news_key(cp, m, key),
                       hosts.counts[j]);
        }
        news = &news_hosts;
    }
    if (b || news) {
        for (j = 0; j < ex.n; j++) {
            example *e = &ex.v[j];
            char key[4 * KH_LEM_MAX];
            evidence ev;
            int k;
            if (!strmap_get(&cached, key, kh_seg_utf8(e->w, e->n, key)))
                continue;
            evidence_init(&ev, b, news, e->w, e->n);
            e->ev_news = news;
            e->ev_known = ev.known;
            e->ev_n = ev.n;
            for (k = 0; k < ev.n; k++) {
                e->ev_lemma[k] = ev.lemma[k];
                e->ev_len[k] = (uint8_t)ev.len[k];
            }
            asked++;
        }
        printf("evidence (%s%s): for %zu examples (their host is cached)\n",
               b ? "analyzer" : "", b && news ? ", news" : news ? "news" : "",
               asked);
        /* The runtime scores the hosts the cache does not hold without the
         * evidence: each training word is also shown without it, so that
         * the model learns to do without as well as with. */
        for (j = 0, n_ex = ex.n; j < n_ex; j++) {
            example e = ex.v[j];
            if (!(e.ev_known || e.ev_news))
                continue;
            e.ev_known = e.ev_n = 0;
            e.ev_news = NULL;
            e.blind = 1;
            add_example(&ex, &e);
        }
    }
    /* One word in unseen_every is also shown as a word PADT never
     * analyzed (its own analyses hidden), as most words of the news the
     * cache holds are: the model learns to choose from the news's counts
     * and the patterns, not only from PADT's analyses. */
    for (j = 0, n_ex = ex.n; unseen_every && j < n_ex; j++) {
        example e = ex.v[j];
        if (e.made || e.blind || j % (size_t)unseen_every)
            continue;
        e.unseen = 1;
        add_example(&ex, &e);
    }
    if (ex.n == heldout)
        die("lemmatizer: no training words in the treebanks");
    /* One table for every run: with several, that of all the words. */
    heldout = set_fold(&ex, runs > 1 ? -1 : heldout_fold, &seen);
    learn_scripts(&sc, &ex, min_count, max_scripts);
    heldout = set_fold(&ex, heldout_fold, &seen);
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
    sum_w = calloc((size_t)p.mask + 1, sizeof(double));
    order = malloc((ex.n + 1) * sizeof *order);
    if (!p.w || !p.total || !p.stamp || !best_w || !sum_w || !order)
        die("out of memory");
    /* Run r holds out the sentences of tenth fold - r (modulo 10); the
     * model is the mean of the runs' best weights, which steadies what one
     * run's choice of epoch on a small held-out part makes by chance. */
    for (run = 0; run < runs; run++) {
        int fold = (heldout_fold + 40 - run) % 10;
        double acc;
        heldout = set_fold(&ex, fold, &seen);
        acc = train_run(&p, order, &lex, &sc, &ex, &seen, epochs,
                        seed + (uint64_t)run * 0x9E3779B9ull, best_w);
        acc_sum += acc;
        if (runs > 1)
            printf("run %d (tenth %d held out): held-out accuracy %.4f\n",
                   run + 1, fold, acc);
        for (j = 0; j <= p.mask; j++)
            sum_w[j] += best_w[j] / runs;
    }
    if (runs > 1) {
        memcpy(best_w, sum_w, ((size_t)p.mask + 1) * sizeof(double));
        printf("mean of %d runs: held-out accuracy %.4f (each run's own)\n"
               "the mean model on tenth %d, which the other runs saw:\n",
               runs, acc_sum / runs, (heldout_fold + 41 - runs) % 10);
    }
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
        kh_lem_index(&lz);
        acc = heldout_accuracy(NULL, 0, &lz, &lex, &sc, &ex, &seen, 1);
        printf("held-out accuracy of the int16 model with the whole lexicon: "
               "%.4f\n",
               acc);
        strcpy(sec[2].tag, "cache");
        if (explain_path)
            explain(&lz, &lex, news, explain_path);
        build_cache(&sec[2].data, &lz, &lex, b, news, cache_v, cache_n);
        printf("cache: %zu hosts (of %zu seen, >= %llu times), %.1f%% of the "
               "corpus's hosts\n",
               cache_n, hosts.n, (unsigned long long)cache_min, cache_cover);
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
    strmap_free(&hosts);
    strmap_free(&cached);
    free(cache_v);
    if (b)
        bama_free(b);
    if (news)
        strmap_free(&news_hosts);
    free(sc.code.v);
    free(sc.offsets.v);
    free(order);
    free(best_w);
    free(sum_w);
    free(p.w);
    free(p.total);
    free(p.stamp);
    free(ex.v);
    free(lex_bytes);
    return 0;
}
