/*
 * train_hosts.c - `khabar-train hosts`: the table of frequent hosts
 * analyzed ahead (src/morph/hosts.h).
 *
 *   khabar-train hosts --out data/hosts.kbm [--min-count N] [--max N]
 *       CORPUS.txt...
 *
 * The words stage of the default model (the one compiled into this program:
 * build it after the lexicon and the lemmatizer it caches) runs over the
 * corpora; the hosts it finds (words that are a token's host or the whole of
 * an Arabic token) are counted, and the most frequent (at least --min-count
 * times, default 3, at most --max, default 65536) are analyzed with
 * kh_host_compute(), the function the words stage falls back on, and
 * written with the file checksums of that lexicon and lemmatizer.
 * Deterministic: hosts are ranked by count, then by their bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kbm_write.h"
#include "khabar.h"
#include "model/model.h"
#include "morph/hosts.h"
#include "morph/morph.h"
#include "text/utf8.h"
#include "train.h"

/* Counts the hosts of the words stage in one corpus file. */
static void count_file(strmap *hosts, khabar_model *m, const char *path)
{
    size_t len, pos = 0;
    char *text = read_file(path, &len);
    khabar_options o = {.stages = KHABAR_STAGE_WORDS};
    while (pos < len) {
        size_t end = pos + khabar_chunk_end(text + pos, len - pos, 4u << 20);
        khabar_doc *d = khabar_analyze_opts(m, text + pos, end - pos, &o, NULL);
        const khabar_word *w;
        const khabar_token *t;
        const char *norm;
        size_t i;
        if (!d)
            die("analysis failed");
        w = khabar_doc_words(d);
        t = khabar_doc_tokens(d);
        norm = khabar_doc_norm(d);
        for (i = 0; i < khabar_doc_word_count(d); i++) {
            if ((w[i].role == KHABAR_WORD_HOST ||
                 w[i].role == KHABAR_WORD_WHOLE) &&
                t[w[i].token].kind == KHABAR_TOK_ARABIC && w[i].form_len &&
                w[i].form_len <= 255)
                strmap_add(hosts, norm + w[i].form, w[i].form_len, 1);
        }
        khabar_doc_free(d);
        pos = end;
    }
    free(text);
}

typedef struct ranked {
    const char *key;
    size_t len;
    uint64_t count;
} ranked;

static int by_count(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    c = memcmp(x->key, y->key, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The letters of a key as code points; 0 when it is no host (not all
 * letters, or too long). */
static int letters(const char *key, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)key, *e = p + len;
    int n = 0;
    while (p < e) {
        int diag;
        uint32_t c;
        p += kh_utf8_next(p, e, &c, &diag);
        if (diag || n == KH_SEG_MAX + 4)
            return 0;
        cp[n++] = c;
    }
    return n;
}

int train_hosts(int argc, char **argv)
{
    const char *out = NULL;
    char *corpora[64];
    int n_corpora = 0, i;
    uint64_t min_count = 3;
    size_t max = 65536, n = 0, j, k, slots = 1;
    strmap hosts;
    ranked *r;
    khabar_model *m;
    kbm_section sec;
    buf pool = {0};
    kh_host_slot *table;
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--min-count") && i + 1 < argc)
            min_count = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--max") && i + 1 < argc)
            max = strtoull(argv[++i], NULL, 10);
        else if (argv[i][0] == '-')
            die("hosts: unknown option");
        else if (n_corpora < 64)
            corpora[n_corpora++] = argv[i];
    }
    if (!out || !n_corpora || max == 0 || max > (1u << 24))
        die("usage: khabar-train hosts --out OUT [--min-count N] [--max N] "
            "CORPUS.txt...");
    m = khabar_model_new(NULL);
    if (!m || !m->has_lexicon || !m->has_lemmatizer)
        die("hosts: the default model needs a lexicon and a lemmatizer");
    strmap_init(&hosts);
    for (i = 0; i < n_corpora; i++)
        count_file(&hosts, m, corpora[i]);
    r = malloc((hosts.n ? hosts.n : 1) * sizeof *r);
    if (!r)
        die("out of memory");
    for (j = 0, k = 0; j < hosts.cap; j++) {
        if (!hosts.keys[j])
            continue;
        r[k].key = hosts.keys[j];
        r[k].len = hosts.lens[j];
        r[k].count = hosts.counts[j];
        k++;
    }
    qsort(r, hosts.n, sizeof *r, by_count);
    while (n < hosts.n && n < max && r[n].count >= min_count)
        n++;
    while (slots < n + n / 2 + 1)
        slots <<= 1;
    table = calloc(slots, sizeof *table);
    if (!table)
        die("out of memory");
    for (j = 0; j < n; j++) {
        uint32_t cp[KH_SEG_MAX + 4], h;
        int nl = letters(r[j].key, r[j].len, cp);
        kh_host_analysis a;
        size_t s;
        if (!nl)
            continue;
        kh_host_compute(m, cp, nl, &a);
        if (a.lemma_len > 255 || a.root_len > 255 || a.stem_len > 255)
            continue;
        h = kh_lex_hash(r[j].key, r[j].len);
        for (s = h & (slots - 1); table[s].used; s = (s + 1) & (slots - 1))
            ;
        table[s].hash = h;
        table[s].off = (uint32_t)pool.len;
        table[s].host_len = (uint8_t)r[j].len;
        table[s].lemma_len = (uint8_t)a.lemma_len;
        table[s].root_len = (uint8_t)a.root_len;
        table[s].stem_len = (uint8_t)a.stem_len;
        table[s].flags = (uint8_t)a.flags;
        table[s].used = 1;
        buf_put(&pool, r[j].key, r[j].len);
        buf_put(&pool, a.lemma, a.lemma_len);
        buf_put(&pool, a.root, a.root_len);
        buf_put(&pool, a.stem, a.stem_len);
    }
    memset(&sec, 0, sizeof sec);
    strcpy(sec.tag, "hosts");
    buf_u32(&sec.data, 1);
    buf_u32(&sec.data, m->lexicon_crc);
    buf_u32(&sec.data, m->lemmatizer_crc);
    {
        uint32_t used = 0;
        for (j = 0; j < slots; j++)
            used += table[j].used;
        buf_u32(&sec.data, used);
        printf("hosts: %u of %zu distinct (seen >= %llu times), %zu slots, "
               "pool %zu bytes\n",
               used, hosts.n, (unsigned long long)min_count, slots, pool.len);
    }
    buf_u32(&sec.data, (uint32_t)slots);
    buf_u32(&sec.data, (uint32_t)pool.len);
    for (j = 0; j < slots; j++) {
        buf_u32(&sec.data, table[j].hash);
        buf_u32(&sec.data, table[j].off);
        buf_put(&sec.data, &table[j].host_len, 1);
        buf_put(&sec.data, &table[j].lemma_len, 1);
        buf_put(&sec.data, &table[j].root_len, 1);
        buf_put(&sec.data, &table[j].stem_len, 1);
        buf_put(&sec.data, &table[j].flags, 1);
        buf_put(&sec.data, &table[j].used, 1);
        buf_u16(&sec.data, 0);
    }
    buf_put(&sec.data, pool.data, pool.len);
    if (kbm_write(out, "hosts", &sec, 1) != 0)
        die("cannot write the model");
    printf("wrote %s\n", out);
    buf_free(&sec.data);
    buf_free(&pool);
    free(table);
    free(r);
    strmap_free(&hosts);
    khabar_model_free(m);
    return 0;
}
