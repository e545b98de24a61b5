/*
 * train_tagrows.c - `khabar-train tagrows`: the taggers' scores of the
 * news's most frequent words, worked out ahead (src/tag/tagrows.h).
 *
 *   khabar-train tagrows --out data/tagrows.kbm [--max N] [--min-docs N]
 *       [--every K] CORPUS.txt...
 *
 * The default model (the one compiled into this program: build it after the
 * taggers and the lookups they read) analyzes the corpora in docs of about
 * 8 KB, cut at line breaks, every K-th doc (--every, default 4). Each
 * tagging stage runs as the library runs it and hands over its memo of the
 * doc's distinct words (kh_pos_visit, kh_ner_tag_visit); an entry counts
 * once per doc, as often as the stage would have scored it. The first pass
 * counts; the N entries of each tagger met in most docs (--max, default
 * 20000; in at least --min-docs docs, default 3), ranked by that count and
 * then by their bytes, are kept; the second pass takes their values and
 * scores, and checks that an entry met again gives the same ones (else the
 * memo's key misses something its features read, and this dies).
 * Deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "kbm_write.h"
#include "khabar.h"
#include "model/model.h"
#include "tag/memo.h"
#include "tag/tag.h"
#include "train.h"

#define DOC_BYTES 8192

enum { POS, NER, TAGGERS };
static const char *const section_tag[TAGGERS] = {"pos", "ner"};

/* A memo entry as a strmap key: its attributes (8 bytes, the machine's
 * order), then its key bytes. */
static size_t entry_key(const kh_memo *memo, long i, char *out)
{
    const kh_memo_entry *e = kh_memo_entry_at(memo, i);
    memcpy(out, &e->attr, 8);
    memcpy(out + 8, (const char *)memo->keys.data + e->key, e->key_len);
    return 8 + (size_t)e->key_len;
}

typedef struct kept {
    size_t n, width;
    int32_t *rows;    /* n x width */
    uint64_t *value;  /* n */
    unsigned char *filled; /* n */
} kept;

typedef struct run {
    int pass;                /* 1: count, 2: take the kept entries' rows */
    strmap count[TAGGERS];   /* pass 1: docs per entry */
    strmap rank[TAGGERS];    /* pass 2: kept entry -> rank + 1 */
    kept keep[TAGGERS];
    int tagger;              /* which stage the visit is from */
} run;

static void visit(void *ctx, const kh_memo *memo)
{
    run *r = ctx;
    const int t = r->tagger;
    char key[8 + 2048];
    size_t i, j;
    for (i = 0; i < memo->entries.len; i++) {
        const kh_memo_entry *e = kh_memo_entry_at(memo, (long)i);
        size_t n;
        uint64_t rank;
        kept *k = &r->keep[t];
        const int32_t *row = kh_memo_rows(memo, (long)i);
        if (e->key_len == 0 || e->key_len > 1024)
            continue; /* the table has no room for these */
        n = entry_key(memo, (long)i, key);
        if (r->pass == 1) {
            strmap_add(&r->count[t], key, n, 1);
            continue;
        }
        rank = strmap_get(&r->rank[t], key, n);
        if (!rank)
            continue;
        rank--;
        if (memo->width != k->width)
            die("tagrows: the memo's width changed");
        if (!k->filled[rank]) {
            memcpy(k->rows + rank * k->width, row, k->width * sizeof *row);
            k->value[rank] = e->value;
            k->filled[rank] = 1;
        } else if (k->filled[rank] == 1) {
            if (k->value[rank] != e->value)
                die("tagrows: one entry, two values");
            for (j = 0; j < k->width; j++) {
                if (k->rows[rank * k->width + j] != row[j])
                    die("tagrows: one entry, two rows of scores");
            }
        }
    }
}

/* Runs the taggers over every every-th doc of the corpora. */
static void pass(run *r, khabar_model *m, char **corpora, int n_corpora,
                 int every)
{
    khabar_options o = {.stages = KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                  KHABAR_STAGE_REPAIRS};
    int c;
    size_t doc_no = 0;
    for (c = 0; c < n_corpora; c++) {
        size_t len, at = 0;
        char *text = read_file(corpora[c], &len);
        while (at < len) {
            size_t end = at + khabar_chunk_end(text + at, len - at, DOC_BYTES);
            if (doc_no++ % (size_t)every == 0) {
                khabar_doc *d = khabar_analyze_opts(m, text + at, end - at,
                                                    &o, NULL);
                if (!d)
                    die("tagrows: analysis failed");
                r->tagger = POS;
                if (kh_pos_visit(d, visit, r) != 0)
                    die("tagrows: out of memory");
                r->tagger = NER;
                if (kh_ner_tag_visit(d, 0, visit, r) != 0)
                    die("tagrows: out of memory");
                khabar_doc_free(d);
            }
            at = end;
        }
        free(text);
    }
}

/* The kept entries of one tagger: the most docs first, then by bytes. */
static form_count *rank_entries(const strmap *count, size_t max,
                                uint64_t min_docs, size_t *n_kept)
{
    form_count *f = malloc((count->n ? count->n : 1) * sizeof *f);
    size_t i, k = 0;
    if (!f)
        die("out of memory");
    for (i = 0; i < count->cap; i++) {
        if (!count->keys[i])
            continue;
        f[k].key = count->keys[i];
        f[k].len = count->lens[i];
        f[k].count = count->counts[i];
        k++;
    }
    qsort(f, k, sizeof *f, form_by_count_then_key);
    *n_kept = 0;
    while (*n_kept < k && *n_kept < max && f[*n_kept].count >= min_docs)
        (*n_kept)++;
    return f;
}

/* An entry's base, wide flag and scores (tagrows.h): 16 bits each about
 * a base halfway between the least and the most, when they span them, else
 * 32 bits. Counts the wide ones in *wide. */
static void put_scores(buf *b, const int32_t *row, size_t width,
                       size_t key_len, size_t *wide)
{
    int64_t lo = row[0], hi = row[0], base;
    size_t j;
    for (j = 1; j < width; j++) {
        lo = row[j] < lo ? row[j] : lo;
        hi = row[j] > hi ? row[j] : hi;
    }
    base = lo + (hi - lo) / 2;
    if (hi - base > INT16_MAX || lo - base < INT16_MIN) {
        (*wide)++;
        buf_u32(b, 0);
        buf_u16(b, (uint16_t)key_len);
        buf_u16(b, 1);
        for (j = 0; j < width; j++)
            buf_u32(b, (uint32_t)row[j]);
        return;
    }
    buf_u32(b, (uint32_t)(int32_t)base);
    buf_u16(b, (uint16_t)key_len);
    buf_u16(b, 0);
    for (j = 0; j < width; j++)
        buf_u16(b, (uint16_t)(int16_t)(row[j] - base));
}

/* The section of one tagger (tagrows.h). */
static void write_section(kbm_section *sec, const khabar_model *m, int t,
                          const form_count *f, const kept *k)
{
    uint32_t slots = 1, used = 0;
    size_t wide = 0;
    kh_tagrows_slot *table;
    buf pool = {0};
    size_t i;
    for (i = 0; i < k->n; i++)
        used += k->filled[i] == 1;
    while (slots < used + used / 2 + 1)
        slots <<= 1;
    table = calloc(slots, sizeof *table);
    if (!table)
        die("out of memory");
    for (i = 0; i < k->n; i++) {
        const char *key = f[i].key + 8;
        size_t n = f[i].len - 8, s;
        uint64_t attr, h;
        if (k->filled[i] != 1)
            continue;
        memcpy(&attr, f[i].key, 8);
        h = kh_memo_hash(key, n, attr);
        for (s = h & (slots - 1); table[s].at; s = (s + 1) & (slots - 1))
            ;
        table[s].check = (uint32_t)(h >> 32);
        table[s].at = (uint32_t)(pool.len / 8 + 1);
        buf_u64(&pool, attr);
        buf_u64(&pool, k->value[i]);
        put_scores(&pool, k->rows + i * k->width, k->width, n, &wide);
        buf_put(&pool, key, n);
        buf_align(&pool, 8);
    }
    memset(sec, 0, sizeof *sec);
    strcpy(sec->tag, section_tag[t]);
    buf_u32(&sec->data, 1);
    buf_u32(&sec->data, t == POS ? m->pos_crc : m->ner_crc);
    buf_u32(&sec->data, m->has_gazetteer ? m->gazetteer_crc : 0);
    buf_u32(&sec->data, m->has_clusters ? m->clusters_crc : 0);
    buf_u32(&sec->data, m->has_usage ? m->usage_crc : 0);
    buf_u32(&sec->data, (uint32_t)k->width);
    buf_u32(&sec->data, used);
    buf_u32(&sec->data, slots);
    buf_u32(&sec->data, (uint32_t)pool.len);
    buf_u32(&sec->data, 0);
    for (i = 0; i < slots; i++) {
        buf_u32(&sec->data, table[i].check);
        buf_u32(&sec->data, table[i].at);
    }
    buf_put(&sec->data, pool.data, pool.len);
    printf("tagrows %s: %u entries (%zu of 32-bit scores), width %zu, %u "
           "slots, pool %zu bytes\n",
           section_tag[t], used, wide, k->width, slots, pool.len);
    buf_free(&pool);
    free(table);
}

int train_tagrows(int argc, char **argv)
{
    const char *out = NULL;
    char *corpora[64];
    int n_corpora = 0, i, t, every = 4;
    uint64_t min_docs = 3;
    size_t max = 20000;
    khabar_model *m;
    run r;
    form_count *ranked[TAGGERS];
    kbm_section sec[TAGGERS];
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--max") && i + 1 < argc)
            max = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--min-docs") && i + 1 < argc)
            min_docs = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--every") && i + 1 < argc)
            every = atoi(argv[++i]);
        else if (argv[i][0] == '-')
            die("tagrows: unknown option");
        else if (n_corpora < 64)
            corpora[n_corpora++] = argv[i];
    }
    if (!out || !n_corpora || max == 0 || max > (1u << 22) || every < 1)
        die("usage: khabar-train tagrows --out OUT [--max N] [--min-docs N] "
            "[--every K] CORPUS.txt...");
    m = khabar_model_new(NULL);
    if (!m || !m->has_pos || !m->has_ner)
        die("tagrows: the default model needs both taggers");
    /* Every entry worked out, none taken from a table already there. */
    m->pos_known = m->ner_known = NULL;
    memset(&r, 0, sizeof r);
    for (t = 0; t < TAGGERS; t++) {
        strmap_init(&r.count[t]);
        strmap_init(&r.rank[t]);
    }
    r.pass = 1;
    pass(&r, m, corpora, n_corpora, every);
    for (t = 0; t < TAGGERS; t++) {
        kept *k = &r.keep[t];
        size_t j;
        ranked[t] = rank_entries(&r.count[t], max, min_docs, &k->n);
        k->width = (size_t)(t == POS ? KH_POS_AS_COUNT * m->pos.n_labels
                                     : KH_NER_AS_COUNT * m->ner.n_labels);
        k->rows = calloc(k->n * k->width + 1, sizeof *k->rows);
        k->value = calloc(k->n + 1, sizeof *k->value);
        k->filled = calloc(k->n + 1, 1);
        if (!k->rows || !k->value || !k->filled)
            die("out of memory");
        for (j = 0; j < k->n; j++)
            strmap_add(&r.rank[t], ranked[t][j].key, ranked[t][j].len, j + 1);
        {
            uint64_t all = 0, in = 0;
            for (j = 0; j < r.count[t].n; j++) {
                all += ranked[t][j].count;
                in += j < k->n ? ranked[t][j].count : 0;
            }
            printf("tagrows %s: %zu distinct entries, %zu kept (in >= %llu "
                   "docs): %.1f%% of the %llu the stage worked out\n",
                   section_tag[t], r.count[t].n, k->n,
                   (unsigned long long)min_docs, all ? 100.0 * in / all : 0.0,
                   (unsigned long long)all);
        }
    }
    r.pass = 2;
    pass(&r, m, corpora, n_corpora, every);
    for (t = 0; t < TAGGERS; t++) {
        write_section(&sec[t], m, t, ranked[t], &r.keep[t]);
    }
    if (kbm_write(out, "tagrows", sec, TAGGERS) != 0)
        die("tagrows: cannot write the model file");
    printf("tagrows: wrote %s\n", out);
    for (t = 0; t < TAGGERS; t++) {
        buf_free(&sec[t].data);
        free(ranked[t]);
        free(r.keep[t].rows);
        free(r.keep[t].value);
        free(r.keep[t].filled);
        strmap_free(&r.count[t]);
        strmap_free(&r.rank[t]);
    }
    khabar_model_free(m);
    return 0;
}
