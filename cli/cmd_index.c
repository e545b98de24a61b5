/*
 * cmd_index.c - `khabar index DB PATH...`: adds articles to a collection.
 *
 * The inputs are walked in order (sources.h); an article whose text is
 * already in the index (same content hash) is skipped, one whose id is
 * there with another text replaces it. Articles gather into batches; each
 * batch is analyzed on N threads (entities and their clusters, for the
 * facets, and a date the text states when the input gives none) while the
 * main thread reads the next one, then written in one transaction, so a
 * batch is in the index whole or not at all: after a crash, running the
 * same command again adds what is missing.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "sources.h"
#include "store.h"

static const char usage[] =
    "usage: khabar index [options] DB PATH...\n"
    "\n"
    "Adds the articles in each PATH to the search index DB (an SQLite file,\n"
    "made when missing): text files (one article each; its first line is\n"
    "the title), directories (recursively), JSONL files (one article a line:\n"
    "\"text\", and \"id\", \"title\", \"date\", \"source\", \"url\"), JSON\n"
    "arrays of such objects (SaudiNewsNet's files) and zip archives of any\n"
    "of these. Re-indexing the same text adds nothing; a known id with a new\n"
    "text is replaced. Search it with `khabar search DB QUERY`.\n"
    "\n"
    "options:\n"
    "  -j, --jobs N       analyze on N threads (default: the number of CPUs)\n"
    "      --no-entities  skip entity analysis (faster; no --entity filter\n"
    "                     or facets for these articles)\n"
    "      --batch N      articles per transaction (default 500)\n"
    "      --progress     show progress on standard error (default: on a\n"
    "                     terminal); --no-progress never\n"
    "      --model DIR    load the model from DIR\n"
    "  -h, --help         this help\n"
    "\n"
    "Prints a summary line. Exit status: 0, or 1 when an input or record was\n"
    "skipped (each named in a warning) or the index could not be written,\n"
    "2 on bad usage.\n";

#define MAX_JOBS 64
#define BATCH_BYTES ((size_t)32 << 20)
#define PIECE ((size_t)1 << 18)
/* Texts up to this size get their index terms from the analysis threads;
 * a longer one is tokenized when it is inserted (its terms would take
 * several times its size in memory). */
#define FEED_MAX ((size_t)4 << 20)

/* An entity of an article: a cluster, merged across pieces by type and
 * key. */
typedef struct entity {
    int type;
    char *name, *key;
    size_t mentions;
} entity;

typedef struct item {
    char *id, *title, *date, *source, *url, *text;
    size_t len;
    int64_t hash;
    /* filled by analysis */
    entity *ents;
    size_t n_ents;
    size_t words;
    char stated[16]; /* a date the text states, or "" */
    khabar_fts_terms *terms[2]; /* of the title and the text, or NULL */
    int failed;
} item;

typedef struct batch {
    item *items;
    size_t n, cap, bytes;
} batch;

typedef struct indexer indexer;

/* A thread's context: its analyzer of index terms (its cache is its own). */
typedef struct worker_ctx {
    indexer *ix;
    khabar_fts_analyzer *an;
    khabar_fts_terms *tmp; /* scratch: an entity name's terms */
} worker_ctx;

struct indexer {
    const char *path;       /* of the DB */
    sqlite3 *db;
    khabar_fts_feed *feed;
    worker_ctx wc[MAX_JOBS];
    const khabar_model *model;
    int jobs, entities, progress;
    size_t batch_size;
    batch fill, work;       /* being read; being analyzed */
    pthread_t th[MAX_JOBS];
    int running;            /* threads at work on `work` */
    size_t next;            /* next item of `work` to analyze */
    pthread_mutex_t lock;
    sqlite3_stmt *has_hash, *has_id, *del, *ins, *ins_ent;
    /* counts */
    size_t added, replaced, unchanged, failed;
    uint64_t bytes;
    double started, shown;
    int error;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int64_t content_hash(const char *s, size_t n)
{
    /* 64-bit FNV-1a with a final mix: the identity of a text. */
    uint64_t h = 0xcbf29ce484222325u;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    h ^= h >> 31;
    h *= 0x94d049bb133111ebu;
    h ^= h >> 29;
    return (int64_t)h;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void item_free(item *it)
{
    size_t i;
    for (i = 0; i < it->n_ents; i++) {
        free(it->ents[i].name);
        free(it->ents[i].key);
    }
    free(it->ents);
    khabar_fts_terms_free(it->terms[0]);
    khabar_fts_terms_free(it->terms[1]);
    free(it->id);
    free(it->title);
    free(it->date);
    free(it->source);
    free(it->url);
    free(it->text);
    memset(it, 0, sizeof *it);
}

static void batch_clear(batch *b)
{
    size_t i;
    for (i = 0; i < b->n; i++)
        item_free(&b->items[i]);
    b->n = 0;
    b->bytes = 0;
}

/* ------------------------------------------------------------ analysis --- */

/* The index terms of a name, space-separated (malloc): what khabar_stem()
 * makes of it, so that --entity finds it. NULL when memory runs out. */
static char *name_key(khabar_fts_analyzer *an, khabar_fts_terms *tmp,
                      const char *name, size_t len)
{
    if (!an || !tmp || khabar_fts_analyze(an, name, len, tmp) != SQLITE_OK)
        return NULL;
    return khabar_fts_terms_join(tmp);
}

static int add_entity(item *it, int type, const char *name, size_t nlen,
                      char *key, size_t mentions)
{
    size_t i;
    entity *e;
    for (i = 0; i < it->n_ents; i++) {
        e = &it->ents[i];
        if (e->type == type && !strcmp(e->key, key)) {
            e->mentions += mentions;
            free(key);
            return 0;
        }
    }
    e = realloc(it->ents, (it->n_ents + 1) * sizeof *e);
    if (!e) {
        free(key);
        return -1;
    }
    it->ents = e;
    e = &it->ents[it->n_ents];
    e->name = malloc(nlen + 1);
    if (!e->name) {
        free(key);
        return -1;
    }
    memcpy(e->name, name, nlen);
    e->name[nlen] = 0;
    e->key = key;
    e->type = type;
    e->mentions = mentions;
    it->n_ents++;
    return 0;
}

/* Whether s[0..n) holds a letter of the Arabic block (D8..DB lead bytes). */
static int has_arabic(const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xD8 && c <= 0xDB)
            return 1;
    }
    return 0;
}

/* The index terms of a text into *out (left NULL when the text is too
 * long or memory runs out: the tokenizer then makes them at insertion). */
static void feed_terms(khabar_fts_analyzer *an, const char *text, size_t len,
                       khabar_fts_terms **out)
{
    if (!an || !text || !len || len > FEED_MAX)
        return;
    *out = khabar_fts_terms_new();
    if (*out && khabar_fts_analyze(an, text, len, *out) != SQLITE_OK) {
        khabar_fts_terms_free(*out);
        *out = NULL;
    }
}

/* Analyzes one article, a piece at a time, and makes its index terms. */
static void analyze_item(const indexer *ix, khabar_fts_analyzer *an,
                         khabar_fts_terms *tmp, item *it)
{
    khabar_options ao;
    size_t pos = 0;
    memset(&ao, 0, sizeof ao);
    ao.stages = KHABAR_STAGE_TOKENS |
                (ix->entities ? KHABAR_STAGE_REPAIRS | KHABAR_STAGE_CLUSTERS |
                                    KHABAR_STAGE_DATES
                              : 0);
    while (pos < it->len && !it->failed) {
        size_t cut = khabar_chunk_end(it->text + pos, it->len - pos, PIECE);
        khabar_error err;
        khabar_doc *doc =
            khabar_analyze_opts(ix->model, it->text + pos, cut, &ao, &err);
        const khabar_token *tk;
        size_t i, n;
        if (!doc) {
            it->failed = 1;
            break;
        }
        tk = khabar_doc_tokens(doc);
        n = khabar_doc_token_count(doc);
        for (i = 0; i < n; i++)
            it->words += tk[i].kind != KHABAR_TOK_PUNCT &&
                         tk[i].kind != KHABAR_TOK_SYMBOL;
        if (ix->entities) {
            const khabar_cluster *c = khabar_doc_clusters(doc);
            khabar_date_source src;
            khabar_date d = khabar_doc_date(doc, &src);
            if (pos == 0 && src == KHABAR_DATE_TEXT && d.year > 0 &&
                d.month && d.day)
                snprintf(it->stated, sizeof it->stated, "%04d-%02d-%02d",
                         d.year, d.month, d.day);
            for (i = 0; i < khabar_doc_cluster_count(doc); i++) {
                char *key;
                if (!has_arabic(it->text + pos + c[i].name_start,
                                c[i].name_end - c[i].name_start))
                    continue; /* the tagger's guesses on Latin text */
                key = name_key(an, tmp, it->text + pos + c[i].name_start,
                               c[i].name_end - c[i].name_start);
                if (!key ||
                    add_entity(it, c[i].type, it->text + pos + c[i].name_start,
                               c[i].name_end - c[i].name_start, key,
                               c[i].n_mentions) != 0) {
                    it->failed = 1;
                    break;
                }
            }
        }
        khabar_doc_free(doc);
        pos += cut;
    }
    if (!it->failed) {
        if (it->title)
            feed_terms(an, it->title, strlen(it->title), &it->terms[0]);
        feed_terms(an, it->text, it->len, &it->terms[1]);
    }
}

static void *worker(void *arg)
{
    worker_ctx *wc = arg;
    indexer *ix = wc->ix;
    for (;;) {
        size_t i;
        pthread_mutex_lock(&ix->lock);
        i = ix->next++;
        pthread_mutex_unlock(&ix->lock);
        if (i >= ix->work.n)
            return NULL;
        analyze_item(ix, wc->an, wc->tmp, &ix->work.items[i]);
    }
}

/* Starts the threads on ix->work (or analyzes it here with one job). */
static void start_work(indexer *ix)
{
    int i;
    ix->next = 0;
    ix->running = 0;
    if (ix->jobs <= 1) {
        worker(&ix->wc[0]);
        return;
    }
    for (i = 0; i < ix->jobs; i++) {
        if (pthread_create(&ix->th[ix->running], NULL, worker,
                           &ix->wc[ix->running]) == 0)
            ix->running++;
    }
    if (!ix->running)
        worker(&ix->wc[0]); /* no thread could start: do it here */
}

static void finish_work(indexer *ix)
{
    int i;
    for (i = 0; i < ix->running; i++)
        pthread_join(ix->th[i], NULL);
    ix->running = 0;
}

/* --------------------------------------------------------------- write --- */

static int prepare(indexer *ix)
{
    static const char *sql[] = {
        "SELECT 1 FROM articles WHERE hash = ?1",
        "SELECT rowid FROM articles WHERE id = ?1",
        "DELETE FROM articles WHERE rowid = ?1",
        "INSERT INTO articles(id, hash, title, text, date, source, url, "
        "words) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        "INSERT INTO entities(article, type, name, key, mentions) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"};
    sqlite3_stmt **st[] = {&ix->has_hash, &ix->has_id, &ix->del, &ix->ins,
                           &ix->ins_ent};
    size_t i;
    for (i = 0; i < sizeof sql / sizeof *sql; i++) {
        if (sqlite3_prepare_v3(ix->db, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                               st[i], NULL) != SQLITE_OK) {
            store_error(ix->db, ix->path, "cannot prepare");
            return -1;
        }
    }
    return 0;
}

static void finalize_all(indexer *ix)
{
    sqlite3_finalize(ix->has_hash);
    sqlite3_finalize(ix->has_id);
    sqlite3_finalize(ix->del);
    sqlite3_finalize(ix->ins);
    sqlite3_finalize(ix->ins_ent);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Runs a statement to its end; returns its last result code. */
static int run(sqlite3_stmt *st)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    sqlite3_reset(st);
    return rc;
}

static int write_item(indexer *ix, const item *it)
{
    static const char *types[] = {"", "PER", "LOC", "ORG", "MISC"};
    sqlite3_int64 row;
    int rc, replaced = 0;
    size_t i;
    /* A known hash was caught when read, but an earlier item of this batch
     * may have had the same text. */
    sqlite3_bind_int64(ix->has_hash, 1, it->hash);
    rc = sqlite3_step(ix->has_hash);
    sqlite3_reset(ix->has_hash);
    if (rc == SQLITE_ROW) {
        ix->unchanged++;
        return 0;
    }
    sqlite3_bind_text(ix->has_id, 1, it->id, -1, SQLITE_STATIC);
    if (sqlite3_step(ix->has_id) == SQLITE_ROW) {
        row = sqlite3_column_int64(ix->has_id, 0);
        sqlite3_reset(ix->has_id);
        sqlite3_bind_int64(ix->del, 1, row);
        if (run(ix->del) != SQLITE_DONE)
            return -1;
        replaced = 1;
    }
    sqlite3_reset(ix->has_id);
    bind_text(ix->ins, 1, it->id);
    sqlite3_bind_int64(ix->ins, 2, it->hash);
    bind_text(ix->ins, 3, it->title);
    sqlite3_bind_text(ix->ins, 4, it->text, (int)it->len, SQLITE_STATIC);
    bind_text(ix->ins, 5, it->date ? it->date : it->stated);
    bind_text(ix->ins, 6, it->source);
    bind_text(ix->ins, 7, it->url);
    sqlite3_bind_int64(ix->ins, 8, (sqlite3_int64)it->words);
    /* The trigger inserts title and text into the FTS table: their terms
     * were made by the analysis threads. */
    khabar_fts_feed_set(ix->feed, 0, it->title,
                        it->title ? strlen(it->title) : 0, it->terms[0]);
    khabar_fts_feed_set(ix->feed, 1, it->text, it->len, it->terms[1]);
    rc = run(ix->ins);
    khabar_fts_feed_set(ix->feed, 0, NULL, 0, NULL);
    khabar_fts_feed_set(ix->feed, 1, NULL, 0, NULL);
    if (rc != SQLITE_DONE)
        return -1;
    row = sqlite3_last_insert_rowid(ix->db);
    for (i = 0; i < it->n_ents; i++) {
        const entity *e = &it->ents[i];
        if (e->type < 1 || e->type > 4 || !*e->key)
            continue;
        sqlite3_bind_int64(ix->ins_ent, 1, row);
        sqlite3_bind_text(ix->ins_ent, 2, types[e->type], -1, SQLITE_STATIC);
        sqlite3_bind_text(ix->ins_ent, 3, e->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(ix->ins_ent, 4, e->key, -1, SQLITE_STATIC);
        sqlite3_bind_int64(ix->ins_ent, 5, (sqlite3_int64)e->mentions);
        if (run(ix->ins_ent) != SQLITE_DONE)
            return -1;
    }
    if (replaced)
        ix->replaced++;
    else
        ix->added++;
    return 0;
}

static void show_progress(indexer *ix, int force)
{
    double t = now();
    if (!ix->progress || (!force && t - ix->shown < 0.25))
        return;
    ix->shown = t;
    fprintf(stderr, "\r%s: %s: %zu articles, %.1f MB, %.1f MB/s ", kh_prog,
            ix->path, ix->added + ix->replaced + ix->unchanged,
            (double)ix->bytes / 1e6,
            (double)ix->bytes / 1e6 / (t - ix->started + 1e-9));
}

/* Writes an analyzed batch in one transaction. */
static int write_batch(indexer *ix, batch *b)
{
    size_t i;
    if (!b->n)
        return 0;
    if (store_exec(ix->db, ix->path, "BEGIN IMMEDIATE") != 0)
        return -1;
    for (i = 0; i < b->n; i++) {
        item *it = &b->items[i];
        if (it->failed) {
            fprintf(stderr, "%s: warning: %s: out of memory analyzing it, "
                            "skipped\n", kh_prog, it->id);
            ix->failed++;
            continue;
        }
        if (write_item(ix, it) != 0) {
            store_error(ix->db, ix->path, "cannot add an article");
            sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        ix->bytes += it->len;
    }
    if (store_exec(ix->db, ix->path, "COMMIT") != 0)
        return -1;
    show_progress(ix, 0);
    return 0;
}

/* The batch read becomes the work of the threads, while the main thread
 * writes the batch they analyzed before. */
static int rotate(indexer *ix)
{
    batch t;
    int rc;
    finish_work(ix);
    t = ix->work;
    ix->work = ix->fill;
    ix->fill = t;
    start_work(ix);
    rc = write_batch(ix, &ix->fill);
    batch_clear(&ix->fill);
    return rc;
}

static int on_article(void *ctx, const article *a)
{
    indexer *ix = ctx;
    int64_t h = content_hash(a->text, a->len);
    item *it;
    int rc;
    sqlite3_bind_int64(ix->has_hash, 1, h);
    rc = sqlite3_step(ix->has_hash);
    sqlite3_reset(ix->has_hash);
    if (rc == SQLITE_ROW) {
        ix->unchanged++;
        return 0;
    }
    if (rc != SQLITE_DONE) {
        store_error(ix->db, ix->path, "cannot read");
        return EXIT_INPUT;
    }
    if (ix->fill.n == ix->fill.cap) {
        size_t cap = ix->fill.cap ? ix->fill.cap * 2 : 64;
        item *ni = realloc(ix->fill.items, cap * sizeof *ni);
        if (!ni)
            goto oom;
        ix->fill.items = ni;
        ix->fill.cap = cap;
    }
    it = &ix->fill.items[ix->fill.n];
    memset(it, 0, sizeof *it);
    it->id = dup_or_null(a->id);
    it->title = dup_or_null(a->title);
    it->date = dup_or_null(a->date);
    it->source = dup_or_null(a->source);
    it->url = dup_or_null(a->url);
    it->text = malloc(a->len + 1);
    it->len = a->len;
    it->hash = h;
    ix->fill.n++;
    if (!it->id || !it->text || (a->title && !it->title) ||
        (a->date && !it->date) || (a->source && !it->source) ||
        (a->url && !it->url))
        goto oom;
    memcpy(it->text, a->text, a->len);
    it->text[a->len] = 0;
    ix->fill.bytes += a->len;
    if (ix->fill.n >= ix->batch_size || ix->fill.bytes >= BATCH_BYTES)
        return rotate(ix) ? EXIT_INPUT : 0;
    return 0;
oom:
    cli_error(a->id, "out of memory");
    return EXIT_INPUT;
}

static int parse_count(const char *s, long max, long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > max)
        return -1;
    *out = v;
    return 0;
}

int cmd_index(int argc, char **argv)
{
    indexer ix;
    const char *model_dir = NULL, *db_path = NULL;
    const char **paths;
    int i, n_paths = 0, rc = 0, only_paths = 0;
    long v;
    khabar_model *model;
    khabar_error err;
    source_stats st;
    memset(&ix, 0, sizeof ix);
    ix.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    ix.entities = 1;
    ix.progress = -1;
    ix.batch_size = 500;
    paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) {
        cli_error(NULL, "out of memory");
        return EXIT_INPUT;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
            if (!db_path)
                db_path = a;
            else
                paths[n_paths++] = a;
        } else if (!strcmp(a, "--")) {
            only_paths = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            free(paths);
            return 0;
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && i + 1 < argc &&
                   parse_count(argv[i + 1], MAX_JOBS, &v) == 0) {
            ix.jobs = (int)v;
            i++;
        } else if (!strcmp(a, "--batch") && i + 1 < argc &&
                   parse_count(argv[i + 1], 1000000, &v) == 0) {
            ix.batch_size = (size_t)v;
            i++;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            model_dir = argv[++i];
        } else if (!strcmp(a, "--no-entities")) {
            ix.entities = 0;
        } else if (!strcmp(a, "--progress")) {
            ix.progress = 1;
        } else if (!strcmp(a, "--no-progress")) {
            ix.progress = 0;
        } else {
            fprintf(stderr, "%s: index: bad option or value: %s\n%s", kh_prog,
                    a, usage);
            free(paths);
            return EXIT_USAGE;
        }
    }
    if (!db_path || !n_paths) {
        fputs(usage, stderr);
        free(paths);
        return EXIT_USAGE;
    }
    if (ix.jobs < 1)
        ix.jobs = 1;
    if (ix.jobs > MAX_JOBS)
        ix.jobs = MAX_JOBS;
    if (ix.progress < 0)
        ix.progress = isatty(2);
    model = model_dir ? khabar_model_load(model_dir, &err)
                      : khabar_model_new(&err);
    if (!model) {
        cli_error(model_dir ? model_dir : "model", err.msg);
        free(paths);
        return EXIT_INPUT;
    }
    ix.path = db_path;
    ix.model = model;
    ix.db = store_open(db_path, model, 1, &ix.feed);
    for (i = 0; i < ix.jobs; i++) {
        ix.wc[i].ix = &ix;
        ix.wc[i].an = khabar_fts_analyzer_new(model); /* NULL: no feed */
        ix.wc[i].tmp = khabar_fts_terms_new();
    }
    pthread_mutex_init(&ix.lock, NULL);
    memset(&st, 0, sizeof st);
    ix.started = ix.shown = now();
    if (!ix.db || prepare(&ix) != 0) {
        rc = EXIT_INPUT;
    } else {
        for (i = 0; i < n_paths && !rc; i++)
            rc = sources_walk(paths[i], on_article, &ix, &st);
        if (!rc)
            rc = rotate(&ix) ? EXIT_INPUT : 0; /* the last read batch */
        finish_work(&ix);
        if (!rc && write_batch(&ix, &ix.work) != 0) /* and its analysis */
            rc = EXIT_INPUT;
    }
    finish_work(&ix);
    if (ix.progress)
        fputs("\r\033[K", stderr);
    if (ix.db) {
        double t = now() - ix.started;
        printf("%s: %zu added, %zu replaced, %zu unchanged, %zu skipped "
               "(%.1f MB in %.1f s)\n",
               db_path, ix.added, ix.replaced, ix.unchanged,
               st.skipped + ix.failed, (double)ix.bytes / 1e6, t);
    }
    batch_clear(&ix.fill);
    batch_clear(&ix.work);
    free(ix.fill.items);
    free(ix.work.items);
    finalize_all(&ix);
    if (ix.db && sqlite3_close(ix.db) != SQLITE_OK)
        rc = EXIT_INPUT;
    pthread_mutex_destroy(&ix.lock);
    for (i = 0; i < ix.jobs; i++) {
        khabar_fts_analyzer_free(ix.wc[i].an);
        khabar_fts_terms_free(ix.wc[i].tmp);
    }
    khabar_model_free(model);
    free(paths);
    if (!rc && (st.skipped || ix.failed))
        rc = EXIT_INPUT;
    return rc;
}
