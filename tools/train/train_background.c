/*
 * train_background.c - khabar-train background: how many articles of a
 * news collection use each lemma (src/extract/background.h), the yardstick
 * keywords are weighed against.
 *
 *   khabar-train background --out data/background.kbm NEWS.txt...
 *
 * Input files hold articles one after another, each starting at a line
 * that begins with "# " (the ANT corpus's "# DOCNO | TITLE" lines; the
 * title line is not counted). Every word's lemma counts once per article,
 * with the library's own segmentation and lemmas, so the keys are those
 * the keywords stage will look up. Deterministic: the output depends only
 * on the input bytes and the models compiled into the trainer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/background.h"
#include "kbm_write.h"
#include "khabar.h"
#include "train.h"

typedef struct counts {
    uint64_t *keys; /* 0 = empty */
    uint32_t *df;
    size_t mask, used;
} counts;

static void counts_grow(counts *c)
{
    size_t n = c->mask ? (c->mask + 1) * 2 : 1u << 16, i;
    uint64_t *k = calloc(n, sizeof *k);
    uint32_t *d = calloc(n, sizeof *d);
    if (!k || !d)
        die("out of memory");
    for (i = 0; c->keys && i <= c->mask; i++) {
        size_t j;
        if (!c->keys[i])
            continue;
        for (j = c->keys[i] & (n - 1); k[j]; j = (j + 1) & (n - 1))
            ;
        k[j] = c->keys[i];
        d[j] = c->df[i];
    }
    free(c->keys);
    free(c->df);
    c->keys = k;
    c->df = d;
    c->mask = n - 1;
}

static void counts_add(counts *c, uint64_t key)
{
    size_t j;
    if (!key)
        key = 1;
    if ((c->used + 1) * 2 > c->mask + 1)
        counts_grow(c);
    for (j = key & c->mask; c->keys[j] && c->keys[j] != key; j = (j + 1) & c->mask)
        ;
    if (!c->keys[j]) {
        c->keys[j] = key;
        c->used++;
    }
    c->df[j]++;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Counts the lemmas of one article, each once. */
static void article(counts *c, const khabar_model *m, const char *text,
                    size_t len, uint64_t **scratch, size_t *cap)
{
    khabar_options o;
    khabar_doc *d;
    const khabar_word *w;
    const char *norm;
    size_t n, i, k = 0;
    memset(&o, 0, sizeof o);
    /* With the tagger: the keywords' lemmas are those after it (an
     * adjective's lemma is masculine, lemma_upos.c). */
    o.stages = KHABAR_STAGE_WORDS | KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS;
    d = khabar_analyze_opts(m, text, len, &o, NULL);
    if (!d)
        die("analysis failed");
    w = khabar_doc_words(d);
    n = khabar_doc_word_count(d);
    norm = khabar_doc_norm(d);
    if (n > *cap) {
        *cap = n;
        *scratch = realloc(*scratch, n * sizeof **scratch);
        if (!*scratch)
            die("out of memory");
    }
    for (i = 0; i < n; i++) {
        const khabar_token *t = khabar_doc_tokens(d) + w[i].token;
        if (t->kind != KHABAR_TOK_ARABIC || w[i].lemma_len == 0)
            continue;
        (*scratch)[k++] = kh_background_key(norm + w[i].lemma, w[i].lemma_len);
    }
    qsort(*scratch, k, sizeof **scratch, cmp_u64);
    for (i = 0; i < k; i++)
        if (i == 0 || (*scratch)[i] != (*scratch)[i - 1])
            counts_add(c, (*scratch)[i]);
    khabar_doc_free(d);
}

int train_background(int argc, char **argv)
{
    const char *out = NULL;
    counts c;
    khabar_model *m;
    uint64_t *scratch = NULL, *keys;
    size_t cap = 0, n_docs = 0, i, n;
    kbm_section sec;
    int a;
    memset(&c, 0, sizeof c);
    for (a = 0; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "--out") && a + 1 < argc)
            out = argv[++a];
        else
            die("usage: khabar-train background --out OUT NEWS.txt...");
    }
    if (!out || a == argc)
        die("usage: khabar-train background --out OUT NEWS.txt...");
    m = khabar_model_new(NULL);
    if (!m)
        die("cannot load the model");
    counts_grow(&c);
    for (; a < argc; a++) {
        size_t len, pos = 0, body = SIZE_MAX;
        char *text = read_file(argv[a], &len);
        /* Articles: from after each "# " line to the next. */
        while (pos <= len) {
            char *nl = memchr(text + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - text) : len;
            int header = end - pos >= 2 && text[pos] == '#' && text[pos + 1] == ' ';
            if (header || !nl) {
                size_t stop = header ? pos : len;
                if (body != SIZE_MAX && stop > body) {
                    article(&c, m, text + body, stop - body, &scratch, &cap);
                    n_docs++;
                }
                body = header ? end + 1 : SIZE_MAX;
            }
            if (!nl)
                break;
            pos = end + 1;
        }
        free(text);
    }
    if (n_docs == 0)
        die("background: no articles (each starts at a '# ' line)");
    /* Lemmas of two articles or more, by key. */
    keys = malloc((c.used + 1) * sizeof *keys);
    if (!keys)
        die("out of memory");
    for (i = 0, n = 0; i <= c.mask; i++)
        if (c.keys[i] && c.df[i] >= 2)
            keys[n++] = c.keys[i];
    qsort(keys, n, sizeof *keys, cmp_u64);
    memset(&sec, 0, sizeof sec);
    strcpy(sec.tag, "df");
    buf_u32(&sec.data, 1);
    buf_u32(&sec.data, (uint32_t)n_docs);
    buf_u32(&sec.data, (uint32_t)n);
    buf_u32(&sec.data, 0);
    for (i = 0; i < n; i++)
        buf_u64(&sec.data, keys[i]);
    for (i = 0; i < n; i++) {
        size_t j;
        for (j = keys[i] & c.mask; c.keys[j] != keys[i]; j = (j + 1) & c.mask)
            ;
        buf_u32(&sec.data, c.df[j]);
    }
    if (kbm_write(out, "background", &sec, 1) != 0)
        die("cannot write the model");
    printf("background: %zu articles, %zu lemmas in two or more -> %s\n",
           n_docs, n, out);
    buf_free(&sec.data);
    free(keys);
    free(scratch);
    free(c.keys);
    free(c.df);
    khabar_model_free(m);
    return 0;
}
