/*
 * train_segmenter.c - `khabar-train segmenter`: learns the clitic segmenter.
 *
 *   khabar-train segmenter --lexicon data/lexicon.kbm --out data/segmenter.kbm
 *       [--corpus TEXT]... [--cache-min N] [--cache-max N] [--epochs N]
 *       [--buckets LOG2] [--hide-every N] [--runs K] [--first-person]
 *       TRAIN.conllu...
 *
 * TRAIN files are treebanks in surface segmentation with multiword-token
 * lines (tools/padt_convert.py writes them). For each Arabic token the gold
 * segmentation is read off its words (proclitics, one host, an enclitic;
 * Restored= gives the host's spelling), and an averaged perceptron learns to
 * rank the candidates of src/morph/segment.c with its features. With
 * --hide-every N, one example in N is shown with its token and host hidden
 * from the lexicon, to teach the model words it has never counted; off by
 * default, since with the exact counts of forms it measured worse on PUD
 * (98.12 Words F1 at N = 20, 98.04 at 5, 98.35 without). One sentence
 * in ten is held out; training stops when held-out accuracy has not improved
 * for three epochs and keeps the best epoch. With --runs K (1-10), K runs
 * each hold out a different tenth and the model is the mean of their
 * weights: one run's choice of epoch on ~4,000 held-out tokens moves PUD
 * Words F1 by a tenth of a point either way, the mean of ten does not (and
 * sees every sentence). Deterministic: the order of examples is shuffled
 * with a fixed seed per run. With --first-person, each noun whose ة became
 * ت before ه, ها or هم is also shown with ي (add_first_person()).
 *
 * With --corpus, the morph forms seen at least --cache-min times in the
 * corpora (at most --cache-max of them, the most frequent) are segmented with
 * the final integer weights and stored as the model's cache.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kbm_write.h"
#include "model/model.h"
#include "khabar.h"
#include "morph/morph.h"
#include "morph/segment.h"
#include "train.h"

/* ------------------------------------------------------------------------ */
/* Examples                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct example {
    kh_seg_token tok;
    kh_seg_cand gold;
    int fold; /* the sentence's tenth: held out in run `fold` */
    /* The folded keys of the token and its gold host, hidden from the
     * lexicon when the example is shown as an unknown word. */
    char keys[2][4 * (KH_SEG_MAX + 2)];
    size_t key_len[2];
} example;

typedef struct examples {
    example *v;
    size_t n, cap;
    size_t skipped_shape, skipped_missing;
} examples;

static const char *const proclitic_forms[] = {"و", "ف", "ب", "ك", "ل", "س",
                                              NULL};
static const char *const enclitic_forms[] = {
    "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ي", "ني", "نا",
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

static int utf8_len_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int starts_with(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with(const char *s, const char *p)
{
    size_t n = strlen(s), m = strlen(p);
    return n >= m && strcmp(s + n - m, p) == 0;
}

/* The restore flags that turn the surface host into its restored form. */
static int restore_flags(const char *surface, const char *restored)
{
    int r = 0;
    if (!restored || !*restored || strcmp(surface, restored) == 0)
        return 0;
    if (starts_with(restored, "ال") && starts_with(surface, "ل") &&
        !starts_with(surface, "ال"))
        r |= KH_SEG_R_AL;
    if (ends_with(restored, "ة") && ends_with(surface, "ت"))
        r |= KH_SEG_R_TEH;
    else if (ends_with(restored, "ى") && ends_with(surface, "ا"))
        r |= KH_SEG_R_ALEF;
    else if (ends_with(restored, "ى") && ends_with(surface, "ي"))
        r |= KH_SEG_R_YEH;
    else if (ends_with(restored, "ء") &&
             (ends_with(surface, "ئ") || ends_with(surface, "ؤ")))
        r |= KH_SEG_R_HAMZA;
    else if (ends_with(restored, "وا") && ends_with(surface, "و"))
        r |= KH_SEG_R_WAW_ALEF;
    return r;
}

/* Adds the example of one treebank token, if it is an Arabic word whose
 * words have the shape proclitics + host + enclitic. */
static void add_token(examples *ex, kh_norm *nm, const tb_token *t,
                      int fold)
{
    int i, pre_words = 0, enc_words = 0, host, pre = 0, enc = 0, k;
    kh_seg_cand cands[KH_SEG_MAX_CANDS];
    example e;
    memset(&e, 0, sizeof e);
    if (kh_seg_token_init(&e.tok, nm, t->surface, 0, strlen(t->surface)) != 0)
        return;
    while (pre_words < t->n_words - 1 &&
           in_list(t->words[pre_words].form, proclitic_forms))
        pre_words++;
    if (t->n_words - pre_words >= 2 &&
        in_list(t->words[t->n_words - 1].form, enclitic_forms))
        enc_words = 1;
    if (t->n_words - pre_words - enc_words != 1) {
        ex->skipped_shape++;
        return;
    }
    host = pre_words;
    for (i = 0; i < pre_words; i++)
        pre += utf8_len_chars(t->words[i].form);
    if (enc_words)
        enc = utf8_len_chars(t->words[t->n_words - 1].form);
    if (pre > 3 || enc > 3) {
        ex->skipped_shape++;
        return;
    }
    e.gold.pre = (uint8_t)pre;
    e.gold.enc = (uint8_t)enc;
    e.gold.restore = (uint8_t)restore_flags(t->words[host].form,
                                            t->words[host].restored);
    e.fold = fold;
    {
        uint32_t f[KH_SEG_MAX + 2];
        int hn = kh_seg_host(&e.tok, &e.gold, f), q;
        for (q = 0; q < hn; q++)
            f[q] = kh_morph_fold(f[q]);
        e.key_len[1] = kh_seg_utf8(f, hn, e.keys[1]);
        for (q = 0; q < e.tok.n; q++)
            f[q] = kh_morph_fold(e.tok.cp[q]);
        e.key_len[0] = kh_seg_utf8(f, e.tok.n, e.keys[0]);
    }
    /* The gold answer must be a candidate, or the token teaches nothing. */
    k = kh_seg_train_candidates(&e.tok, cands, KH_SEG_MAX_CANDS);
    for (i = 0; i < k; i++) {
        if (kh_seg_decision(cands[i]) == kh_seg_decision(e.gold))
            break;
    }
    if (i == k) {
        ex->skipped_missing++;
        return;
    }
    if (ex->n == ex->cap) {
        ex->cap = ex->cap ? 2 * ex->cap : 4096;
        ex->v = realloc(ex->v, ex->cap * sizeof *ex->v);
        if (!ex->v)
            die("out of memory");
    }
    ex->v[ex->n++] = e;
}

/* The treebank is news: the first person is rare in it (a dozen nouns
 * with ي in PADT), and the segmenter would learn to keep حياتي, محطتي
 * whole. A noun whose ة turned into ت before a third-person pronoun
 * (حياته, محطتها) is shown once more with ي (حياتي, محطتي); 1 when it was. */
static int add_first_person(examples *ex, kh_norm *nm, const tb_token *t,
                            int fold)
{
    static const char *const third[] = {"ه", "ها", "هم", NULL};
    tb_token u;
    const tb_word *host;
    size_t n, m;
    if (t->n_words < 2 || !in_list(t->words[t->n_words - 1].form, third))
        return 0;
    host = &t->words[t->n_words - 2];
    if (strcmp(host->upos, "NOUN") != 0 ||
        !(restore_flags(host->form, host->restored) & KH_SEG_R_TEH))
        return 0;
    n = strlen(t->surface);
    m = strlen(t->words[t->n_words - 1].form);
    if (!ends_with(t->surface, t->words[t->n_words - 1].form) ||
        n - m + 3 > sizeof u.surface)
        return 0;
    u = *t;
    memcpy(u.surface + n - m, "\xd9\x8a", 3); /* ي */
    u.words = malloc((size_t)t->n_words * sizeof *u.words);
    if (!u.words)
        die("out of memory");
    memcpy(u.words, t->words, (size_t)t->n_words * sizeof *u.words);
    strcpy(u.words[t->n_words - 1].form, "\xd9\x8a");
    strcpy(u.words[t->n_words - 1].restored, "");
    add_token(ex, nm, &u, fold);
    free(u.words);
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Exact counts while training                                              */
/* ------------------------------------------------------------------------ */

/* The counts the model will store: forms seen at least min times. */
typedef struct exact_table {
    const strmap *forms;
    uint64_t min;
} exact_table;

static uint32_t exact_lookup(const void *ctx, const char *key, size_t n)
{
    const exact_table *x = ctx;
    uint64_t c = strmap_get(x->forms, key, n);
    if (c < x->min)
        return 0;
    return c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

/* ------------------------------------------------------------------------ */
/* The averaged perceptron                                                  */
/* ------------------------------------------------------------------------ */

typedef struct perceptron {
    uint32_t mask;
    double *w;       /* current weights */
    double *total;   /* sum of weights over time, for averaging */
    uint64_t *stamp; /* when w was last folded into total */
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

static double score_double(const double *w, uint32_t mask, const uint64_t *f,
                           int n)
{
    double s = 0;
    int i;
    for (i = 0; i < n; i++)
        s += w[f[i] & mask];
    return s;
}

/* The best candidate under weights w; fills its features. */
static int predict(const double *w, uint32_t mask, const kh_lexicon *lex,
                   const kh_seg_counts *exact, const kh_seg_token *t,
                   const kh_seg_hide *hide, kh_seg_cand *cands, int n,
                   uint64_t (*feats)[KH_SEG_MAX_FEATS], int *nf)
{
    int i, best = 0;
    double best_s = 0;
    for (i = 0; i < n; i++) {
        double s;
        nf[i] = kh_seg_features(lex, exact, t, &cands[i], hide, feats[i]);
        s = score_double(w, mask, feats[i], nf[i]);
        if (i == 0 || s > best_s) {
            best = i;
            best_s = s;
        }
    }
    return best;
}

static int dump_errors;

static void print_cand(const kh_seg_token *t, kh_seg_cand c)
{
    char out[4 * KH_SEG_MAX + 8];
    size_t k = 0;
    k += kh_seg_utf8(t->cp, c.pre, out + k);
    out[k++] = '+';
    k += kh_seg_utf8(t->cp + c.pre, t->n - c.pre - c.enc, out + k);
    out[k++] = '+';
    k += kh_seg_utf8(t->cp + t->n - c.enc, c.enc, out + k);
    printf("%.*s/%d", (int)k, out, c.restore);
}

static double heldout_accuracy(const double *w, uint32_t mask,
                               const kh_lexicon *lex,
                               const kh_seg_counts *exact, const examples *ex,
                               int fold)
{
    size_t i, right = 0, total = 0;
    for (i = 0; i < ex->n; i++) {
        kh_seg_cand cands[KH_SEG_MAX_CANDS];
        uint64_t feats[KH_SEG_MAX_CANDS][KH_SEG_MAX_FEATS];
        int nf[KH_SEG_MAX_CANDS], n, b;
        if (ex->v[i].fold != fold)
            continue;
        n = kh_seg_train_candidates(&ex->v[i].tok, cands, KH_SEG_MAX_CANDS);
        b = predict(w, mask, lex, exact, &ex->v[i].tok, NULL, cands, n, feats,
                    nf);
        right += kh_seg_decision(cands[b]) == kh_seg_decision(ex->v[i].gold);
        if (dump_errors &&
            kh_seg_decision(cands[b]) != kh_seg_decision(ex->v[i].gold)) {
            printf("error: got ");
            print_cand(&ex->v[i].tok, cands[b]);
            printf(" want ");
            print_cand(&ex->v[i].tok, ex->v[i].gold);
            printf("\n");
        }
        total++;
    }
    return total ? (double)right / (double)total : 0;
}

/* ------------------------------------------------------------------------ */
/* The cache                                                                */
/* ------------------------------------------------------------------------ */

/* Counts the morph forms of the Arabic tokens of the corpora. */
static void count_forms(strmap *forms, const khabar_model *model, kh_norm *nm,
                        char **corpora, int n)
{
    int i;
    for (i = 0; i < n; i++) {
        size_t len, pos = 0;
        char *text = read_file(corpora[i], &len);
        while (pos < len) {
            /* Documents of about 4 MB cut at a line break. */
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
                char key[4 * KH_SEG_MAX];
                if (t[j].kind != KHABAR_TOK_ARABIC)
                    continue;
                if (kh_seg_token_init(&st, nm, text + pos, t[j].start,
                                      t[j].end) != 0)
                    continue;
                strmap_add(forms, key, kh_seg_utf8(st.cp, st.n, key), 1);
            }
            khabar_doc_free(d);
            pos = end;
        }
        free(text);
    }
}

/* The form table: every form seen at least min_count times (at most
 * max_entries, the most frequent), its count and its best segmentation. */
static void build_forms(buf *out, const kh_linear *lin, const kh_lexicon *lex,
                        const kh_seg_counts *exact, kh_norm *nm,
                        strmap *forms, uint64_t min_count, size_t max_entries)
{
    form_count *v = malloc((forms->n + 1) * sizeof *v);
    size_t n = 0, i, slots = 1, pool = 0, split = 0, long_bytes, short_at;
    kh_seg_form *table;
    if (!v)
        die("out of memory");
    for (i = 0; i < forms->cap; i++) {
        if (forms->keys[i] && forms->counts[i] >= min_count &&
            forms->lens[i] <= 255) {
            v[n].key = forms->keys[i];
            v[n].len = forms->lens[i];
            v[n].count = forms->counts[i];
            n++;
        }
    }
    qsort(v, n, sizeof *v, form_by_count_then_key);
    if (n > max_entries)
        n = max_entries;
    qsort(v, n, sizeof *v, form_by_key);
    while (slots <= n + n / 2)
        slots *= 2;
    table = calloc(slots, sizeof *table);
    if (!table)
        die("out of memory");
    buf_u32(out, 3);
    buf_u32(out, (uint32_t)n);
    buf_u32(out, (uint32_t)slots);
    for (i = 0; i < n; i++)
        pool += v[i].len;
    buf_u32(out, (uint32_t)pool);
    /* The pool holds the keys longer than a slot does first (lookups read
     * their tails), then the others, which no lookup reads: their pages
     * stay out of memory. */
    for (i = 0, long_bytes = 0; i < n; i++) {
        if (v[i].len > KH_SEG_FORM_INLINE)
            long_bytes += v[i].len;
    }
    pool = 0;
    short_at = long_bytes;
    for (i = 0; i < n; i++) {
        kh_seg_token t;
        kh_seg_cand c = {0, 0, 0};
        uint32_t h = kh_lex_hash(v[i].key, v[i].len) & (uint32_t)(slots - 1);
        kh_seg_form *f;
        if (kh_seg_token_init(&t, nm, v[i].key, 0, v[i].len) == 0)
            c = kh_seg_best(lin, lex, exact, &t);
        split += c.pre || c.enc;
        while (table[h].key_len)
            h = (h + 1) & (uint32_t)(slots - 1);
        f = &table[h];
        if (v[i].len > KH_SEG_FORM_INLINE) {
            f->key = (uint32_t)pool;
            pool += v[i].len;
        } else {
            f->key = (uint32_t)short_at;
            short_at += v[i].len;
        }
        f->count = v[i].count > UINT32_MAX ? UINT32_MAX : (uint32_t)v[i].count;
        f->decision = (uint16_t)kh_seg_decision(c);
        f->key_len = (uint8_t)v[i].len;
        memcpy(f->head, v[i].key,
               v[i].len < KH_SEG_FORM_INLINE ? v[i].len : KH_SEG_FORM_INLINE);
    }
    /* Field by field, little-endian whatever the host. */
    for (i = 0; i < slots; i++) {
        buf_u32(out, table[i].key);
        buf_u32(out, table[i].count);
        buf_u16(out, table[i].decision);
        buf_put(out, &table[i].key_len, 1);
        buf_put(out, "", 1);
        buf_put(out, table[i].head, KH_SEG_FORM_INLINE);
    }
    for (i = 0; i < n; i++) {
        if (v[i].len > KH_SEG_FORM_INLINE)
            buf_put(out, v[i].key, v[i].len);
    }
    for (i = 0; i < n; i++) {
        if (v[i].len <= KH_SEG_FORM_INLINE)
            buf_put(out, v[i].key, v[i].len);
    }
    printf("forms: %zu (of %zu seen, >= %llu times), %zu of them split\n", n,
           forms->n, (unsigned long long)min_count, split);
    free(table);
    free(v);
}

/* ------------------------------------------------------------------------ */
/* The command                                                              */
/* ------------------------------------------------------------------------ */

/* One training run with the sentences of tenth `fold` held out: the
 * averaged weights of the epoch that did best on them go to best_w; returns
 * that accuracy. Deterministic for a seed: the order of examples is shuffled
 * with a fixed-seed xorshift. */
static double train_run(const examples *ex, const kh_lexicon *lex,
                        const kh_seg_counts *exact, int log2b, int epochs,
                        int hide_every, int fold, uint64_t seed,
                        double *best_w)
{
    perceptron p;
    double best_acc = -1, *avg;
    int best_epoch = 0, stale = 0, epoch;
    size_t *order, j;
    p.mask = (1u << log2b) - 1;
    p.w = calloc((size_t)p.mask + 1, sizeof(double));
    p.total = calloc((size_t)p.mask + 1, sizeof(double));
    p.stamp = calloc((size_t)p.mask + 1, sizeof(uint64_t));
    avg = malloc(((size_t)p.mask + 1) * sizeof(double));
    order = malloc((ex->n ? ex->n : 1) * sizeof *order);
    if (!p.w || !p.total || !p.stamp || !avg || !order)
        die("out of memory");
    p.time = 1;
    for (j = 0; j < ex->n; j++)
        order[j] = j;
    for (epoch = 1; epoch <= epochs; epoch++) {
        size_t errors = 0, seen = 0;
        double acc;
        shuffle(order, ex->n, &seed);
        for (j = 0; j < ex->n; j++) {
            const example *e = &ex->v[order[j]];
            kh_seg_cand cands[KH_SEG_MAX_CANDS];
            uint64_t feats[KH_SEG_MAX_CANDS][KH_SEG_MAX_FEATS];
            int nf[KH_SEG_MAX_CANDS], n, b, g;
            kh_seg_hide hide, *hp = NULL;
            if (e->fold == fold)
                continue;
            n = kh_seg_train_candidates(&e->tok, cands, KH_SEG_MAX_CANDS);
            /* One example in hide_every is shown as an unknown word. */
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if (hide_every && seed % (uint64_t)hide_every == 0) {
                hide.key[0] = e->keys[0];
                hide.len[0] = e->key_len[0];
                hide.key[1] = e->keys[1];
                hide.len[1] = e->key_len[1];
                hp = &hide;
            }
            b = predict(p.w, p.mask, lex, exact, &e->tok, hp, cands, n,
                        feats, nf);
            seen++;
            if (kh_seg_decision(cands[b]) != kh_seg_decision(e->gold)) {
                for (g = 0; g < n; g++) {
                    if (kh_seg_decision(cands[g]) == kh_seg_decision(e->gold))
                        break;
                }
                update(&p, feats[g], nf[g], 1.0);
                update(&p, feats[b], nf[b], -1.0);
                errors++;
            }
            p.time++;
        }
        /* The averaged weights, evaluated on the held-out sentences. */
        for (j = 0; j <= p.mask; j++)
            avg[j] = (p.total[j] + (double)(p.time - p.stamp[j]) * p.w[j]) /
                     (double)p.time;
        acc = heldout_accuracy(avg, p.mask, lex, exact, ex, fold);
        printf("epoch %d: %zu training errors of %zu, held-out accuracy "
               "%.4f\n",
               epoch, errors, seen, acc);
        if (acc > best_acc) {
            best_acc = acc;
            best_epoch = epoch;
            memcpy(best_w, avg, ((size_t)p.mask + 1) * sizeof(double));
            stale = 0;
        } else if (++stale >= 3) {
            break;
        }
    }
    printf("best epoch %d: held-out accuracy %.4f\n", best_epoch, best_acc);
    free(avg);
    free(order);
    free(p.w);
    free(p.total);
    free(p.stamp);
    return best_acc;
}

int train_segmenter(int argc, char **argv)
{
    const char *lex_path = NULL, *out_path = NULL;
    char *train[64], *corpora[64];
    int n_train = 0, n_corpora = 0, i, epochs = 30, log2b = 18;
    int hide_every = 0, runs = 1, r, first_person = 0;
    uint64_t cache_min = 3;
    size_t cache_max = 400000, j, n_first = 0;
    examples ex = {0};
    kh_container lc;
    kh_lexicon lex;
    kh_norm nm;
    uint32_t mask;
    double *best_w, *sum_w;
    uint64_t seed = 0x5EED5EEDull;
    khabar_error err;
    char *lex_bytes;
    size_t lex_len;
    strmap forms;
    exact_table xt;
    kh_seg_counts exact;
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
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--buckets") && i + 1 < argc)
            log2b = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--hide-every") && i + 1 < argc)
            hide_every = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--first-person"))
            first_person = 1;
        else if (!strcmp(argv[i], "--dump-errors"))
            dump_errors = 1;
        else if (argv[i][0] == '-')
            die("segmenter: unknown option");
        else if (n_train < 64)
            train[n_train++] = argv[i];
    }
    if (!lex_path || !out_path || !n_train || log2b < 10 || log2b > 24 ||
        runs < 1 || runs > 10)
        die("usage: khabar-train segmenter --lexicon LEX --out OUT "
            "[--corpus TEXT]... TRAIN.conllu...");
    lex_bytes = read_file(lex_path, &lex_len);
    if (kh_container_open(&lc, lex_bytes, lex_len, "lexicon", &err) ||
        kh_lexicon_open(&lex, &lc, &err))
        die(err.msg);
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    /* The exact counts of forms come first: they are features. */
    strmap_init(&forms);
    if (n_corpora) {
        khabar_model *model = kh_model_text_only();
        if (!model)
            die("out of memory");
        count_forms(&forms, model, &nm, corpora, n_corpora);
        khabar_model_free(model);
    }
    xt.forms = &forms;
    xt.min = cache_min;
    exact.count = exact_lookup;
    exact.ctx = &xt;
    for (i = 0; i < n_train; i++) {
        treebank tb;
        size_t s, t;
        if (tb_read(&tb, train[i]) != 0)
            die("cannot read a treebank");
        for (s = 0; s < tb.n_sentences; s++) {
            for (t = tb.sentences[s].first; t < tb.sentences[s].first +
                                                     tb.sentences[s].n_tokens;
                 t++)
            {
                add_token(&ex, &nm, &tb.tokens[t], (int)(s % 10));
                if (first_person)
                    n_first += (size_t)add_first_person(
                        &ex, &nm, &tb.tokens[t], (int)(s % 10));
            }
        }
        tb_free(&tb);
    }
    printf("examples: %zu (skipped: %zu of another shape, %zu not among "
           "the candidates; %zu with ي for a third-person pronoun)\n",
           ex.n, ex.skipped_shape, ex.skipped_missing, n_first);
    best_w = calloc((size_t)1 << log2b, sizeof(double));
    sum_w = calloc((size_t)1 << log2b, sizeof(double));
    if (!best_w || !sum_w)
        die("out of memory");
    /* Run r holds out the sentences of tenth 9 - r; the model is the mean of
     * the runs' best weights, which steadies a choice that one run's small
     * held-out part makes by chance. */
    for (r = 0; r < runs; r++) {
        double acc = train_run(&ex, &lex, &exact, log2b, epochs, hide_every,
                               9 - r, seed + (uint64_t)r * 0x9E3779B9ull,
                               best_w);
        printf("run %d: held-out accuracy %.4f\n", r + 1, acc);
        for (j = 0; j < (size_t)1 << log2b; j++)
            sum_w[j] += best_w[j] / runs;
    }
    memcpy(best_w, sum_w, ((size_t)1 << log2b) * sizeof(double));
    free(sum_w);
    mask = (1u << log2b) - 1;
    {
        kbm_section sec[2];
        kh_linear lin;
        double max = 0, scale;
        int16_t *q = malloc(((size_t)mask + 1) * sizeof *q);
        if (!q)
            die("out of memory");
        memset(sec, 0, sizeof sec);
        for (j = 0; j <= mask; j++)
            max = fabs(best_w[j]) > max ? fabs(best_w[j]) : max;
        scale = max > 0 ? 32767.0 / max : 1;
        for (j = 0; j <= mask; j++)
            q[j] = (int16_t)lround(best_w[j] * scale);
        strcpy(sec[0].tag, "weights");
        buf_u32(&sec[0].data, 1);
        buf_u32(&sec[0].data, mask + 1);
        buf_u32(&sec[0].data, 1);
        buf_u32(&sec[0].data, 0);
        for (j = 0; j <= mask; j++)
            buf_u16(&sec[0].data, (uint16_t)q[j]);
        memset(&lin, 0, sizeof lin);
        lin.n_buckets = mask + 1;
        lin.n_labels = 1;
        lin.mask = mask;
        lin.w = q;
        strcpy(sec[1].tag, "forms");
        build_forms(&sec[1].data, &lin, &lex, &exact, &nm, &forms, cache_min,
                    cache_max);
        strmap_free(&forms);
        if (kbm_write(out_path, "segmenter", sec, 2) != 0)
            die("cannot write the model");
        printf("wrote %s\n", out_path);
        buf_free(&sec[0].data);
        buf_free(&sec[1].data);
        free(q);
    }
    kh_norm_free(&nm);
    free(best_w);
    free(ex.v);
    free(lex_bytes);
    return 0;
}
