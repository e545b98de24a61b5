/*
 * khabar_fts.c - the `khabar` FTS5 tokenizer: a thin layer over the library.
 *
 * A text is analyzed in pieces of at most PIECE bytes (cut at line breaks,
 * khabar_chunk_end()) with the stages normalize -> tokens -> repairs ->
 * words, and each token becomes one FTS5 term: the search stem of its host
 * word for Arabic (a hashtag's words as if it had no #), the lower-cased
 * normalized form otherwise. Punctuation,
 * symbols, emoji and invalid bytes make no term. Offsets are the token's
 * bytes in the original text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "khabar_fts.h"
#include "term_cache.h"

/* Analysis piece: large enough to hold any paragraph, small enough that a
 * 100 MB text costs a few MB of memory. */
#define PIECE ((size_t)1 << 18)

/* A term longer than this is cut (at a character boundary): no word is. */
#define TERM_MAX 400

/* Terms computed ahead of time (khabar_fts_analyze), one list per text. */
typedef struct kf_term {
    size_t text;      /* offset in bytes */
    int len, start, end;
} kf_term;

struct khabar_fts_terms {
    char *bytes;
    size_t n_bytes, cap_bytes;
    kf_term *terms;
    size_t n, cap;
    int failed;
};

/* Texts about to be inserted whose terms are known (see khabar_fts.h). */
#define FEED_SLOTS 2
struct khabar_fts_feed {
    const char *text[FEED_SLOTS];
    size_t len[FEED_SLOTS];
    const khabar_fts_terms *terms[FEED_SLOTS];
};

typedef struct kf_module {
    const khabar_model *model;
    khabar_model *owned; /* the default model, when we loaded it */
    khabar_fts_feed feed;
} kf_module;

/* A tokenizer: its options and its cache of Arabic tokens' terms, with
 * scratch arrays reused from call to call. */
typedef struct kf_tokenizer {
    const khabar_model *model;
    khabar_fts_feed *feed; /* of its registration; NULL: none */
    unsigned norm;   /* KHABAR_NORM_* */
    int stem;        /* 1: stems; 0: normalized forms with clitics */
    int repair;      /* split glued words first */
    tc_cache cache;
    size_t *ref;     /* per token of a piece: cache entry, or MISS | line */
    size_t *line;    /* start of each line of the miss text, and its end */
    char *miss;      /* the tokens not in the cache, one a line */
    size_t n_line, n_miss;
    size_t cap_ref, cap_line, cap_miss;
    char buf[TERM_MAX]; /* a lower-cased term */
} kf_tokenizer;

#define CACHE_LIMIT ((size_t)48 << 20)
#define MISS ((size_t)1 << (sizeof(size_t) * 8 - 1))
#define NOT_ARABIC (MISS - 1)

/* Called for each term: its bytes and the span of original text it came
 * from. Returns an SQLite result code; non-OK stops the walk. */
typedef int (*kf_term_fn)(void *ctx, const char *term, int len, int start,
                          int end);

static int grow(void *pp, size_t *cap, size_t want, size_t size)
{
    void **p = pp;
    void *np;
    size_t n = *cap ? *cap : 256;
    if (want <= *cap)
        return 0;
    while (n < want)
        n *= 2;
    np = realloc(*p, n * size);
    if (!np)
        return -1;
    *p = np;
    *cap = n;
    return 0;
}

/* The length of s[0..n) cut to at most max bytes at a character start. */
static size_t cut_utf8(const char *s, size_t n, size_t max)
{
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* The term of token i of doc into *s, *len (0: the token makes none:
 * punctuation, symbols, emoji, invalid bytes). */
static size_t token_term(kf_tokenizer *t, const khabar_doc *doc, size_t i,
                         const char **s)
{
    const khabar_token *tk = &khabar_doc_tokens(doc)[i];
    const char *norm = khabar_doc_norm(doc);
    size_t len = tk->norm_len, k;
    int kind = tk->kind;
    *s = norm + tk->norm;
    switch (kind) {
    case KHABAR_TOK_PUNCT: case KHABAR_TOK_SYMBOL: case KHABAR_TOK_EMOJI:
    case KHABAR_TOK_INVALID:
        return 0;
    case KHABAR_TOK_ARABIC:
        if (t->stem) {
            size_t h = khabar_doc_token_host(doc, i);
            if (h != SIZE_MAX && khabar_doc_words(doc)[h].stem_len) {
                *s = norm + khabar_doc_words(doc)[h].stem;
                len = khabar_doc_words(doc)[h].stem_len;
            }
        }
        return cut_utf8(*s, len, TERM_MAX);
    case KHABAR_TOK_HASHTAG: case KHABAR_TOK_MENTION:
        (*s)++; /* #سوريا and @name index as سوريا and name */
        len--;
        break;
    default:
        break;
    }
    /* Latin letters fold to lower case (OPEC finds opec). */
    len = cut_utf8(*s, len, TERM_MAX);
    for (k = 0; k < len; k++)
        t->buf[k] = (char)tolower((unsigned char)(*s)[k]);
    *s = t->buf;
    return len;
}

static khabar_doc *analyze(const kf_tokenizer *t, const char *text, size_t n,
                           unsigned stages, int *rc)
{
    khabar_options ao;
    khabar_error err;
    khabar_doc *doc;
    memset(&ao, 0, sizeof ao);
    ao.stages = stages;
    ao.norm = t->norm;
    doc = khabar_analyze_opts(t->model, text, n, &ao, &err);
    if (!doc)
        *rc = err.code == KHABAR_ENOMEM ? SQLITE_NOMEM : SQLITE_TOOBIG;
    return doc;
}

/* 1 for a hashtag (#سوريا, #مكة_لايف): its words after the # are read
 * as text, so that they index as they would without it; else 0. */
static size_t hashtag(const khabar_token *tk)
{
    return tk->kind == KHABAR_TOK_HASHTAG && tk->end - tk->start > 1;
}

/* Pass 1: each Arabic token (or hashtag) found in the cache, or queued as a
 * line of the miss text. */
static int sort_tokens(kf_tokenizer *t, const khabar_doc *doc,
                       const char *text)
{
    const khabar_token *tk = khabar_doc_tokens(doc);
    size_t i, n = khabar_doc_token_count(doc), nl = 0, nm = 0;
    t->n_line = t->n_miss = 0;
    if (grow(&t->ref, &t->cap_ref, n, sizeof *t->ref) != 0 ||
        grow(&t->line, &t->cap_line, 1, sizeof *t->line) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        size_t skip = hashtag(&tk[i]), e;
        const char *key = text + tk[i].start + skip;
        size_t len = tk[i].end - tk[i].start - skip;
        if (tk[i].kind != KHABAR_TOK_ARABIC && !skip) {
            t->ref[i] = NOT_ARABIC;
            continue;
        }
        e = tc_find(&t->cache, key, len, tc_hash(key, len));
        if (e != TC_NONE) {
            t->ref[i] = e;
            continue;
        }
        if (grow(&t->line, &t->cap_line, nl + 2, sizeof *t->line) != 0 ||
            grow(&t->miss, &t->cap_miss, nm + len + 1, 1) != 0)
            return -1;
        t->ref[i] = MISS | nl;
        t->line[nl++] = nm;
        memcpy(t->miss + nm, key, len);
        nm += len;
        t->miss[nm++] = '\n';
    }
    t->line[nl] = nm;
    t->n_line = nl;
    t->n_miss = nm;
    return 0;
}

/* first[l]: the first token of the miss doc in line l (n_line + 1). */
static int line_tokens(kf_tokenizer *t, const khabar_doc *md, size_t *first)
{
    const khabar_token *tk = khabar_doc_tokens(md);
    size_t l, i = 0, n = khabar_doc_token_count(md);
    for (l = 0; l <= t->n_line; l++) {
        while (i < n && tk[i].start < t->line[l])
            i++;
        first[l] = i;
    }
    return 0;
}

/* Caches the terms of each missed line (once per distinct token). */
static void cache_lines(kf_tokenizer *t, const khabar_doc *md,
                        const size_t *first)
{
    const khabar_token *tk = khabar_doc_tokens(md);
    size_t l, i;
    for (l = 0; l < t->n_line; l++) {
        const char *key = t->miss + t->line[l];
        size_t len = t->line[l + 1] - 1 - t->line[l];
        uint64_t h = tc_hash(key, len);
        int ok;
        if (len > TC_KEY_MAX || tc_find(&t->cache, key, len, h) != TC_NONE ||
            tc_begin(&t->cache, key, len, h) != 0)
            continue;
        ok = 1;
        for (i = first[l]; i < first[l + 1] && ok; i++) {
            const char *s;
            size_t n = token_term(t, md, i, &s);
            if (n && tc_add_term(&t->cache, s, n,
                                 (int)(tk[i].start - t->line[l]),
                                 (int)(tk[i].end - t->line[l])) != 0)
                ok = 0;
        }
        if (ok)
            tc_commit(&t->cache);
        else
            tc_abort(&t->cache);
    }
}

/* Pass 2: every term of the piece, in order. */
static int emit_piece(kf_tokenizer *t, const khabar_doc *doc,
                      const khabar_doc *md, const size_t *first, size_t base,
                      kf_term_fn fn, void *ctx)
{
    const khabar_token *tk = khabar_doc_tokens(doc);
    const khabar_token *mt = md ? khabar_doc_tokens(md) : NULL;
    size_t i, j, n = khabar_doc_token_count(doc);
    int rc = SQLITE_OK;
    for (i = 0; i < n && rc == SQLITE_OK; i++) {
        size_t at = base + tk[i].start + hashtag(&tk[i]), r = t->ref[i];
        if (r == NOT_ARABIC) {
            const char *s;
            size_t len = token_term(t, doc, i, &s);
            if (len)
                rc = fn(ctx, s, (int)len, (int)at, (int)(base + tk[i].end));
        } else if (r & MISS) {
            size_t l = r & ~MISS;
            for (j = first[l]; j < first[l + 1] && rc == SQLITE_OK; j++) {
                const char *s;
                size_t len = token_term(t, md, j, &s);
                size_t off = at + (mt[j].start - t->line[l]);
                if (len)
                    rc = fn(ctx, s, (int)len, (int)off,
                            (int)(off + mt[j].end - mt[j].start));
            }
        } else {
            const tc_entry *e = &t->cache.entries[r];
            size_t cur = e->terms;
            for (j = 0; j < e->n_terms && rc == SQLITE_OK; j++) {
                tc_term term;
                cur = tc_term_at(&t->cache, cur, &term);
                rc = fn(ctx, term.text, term.len, (int)at + term.start,
                        (int)at + term.end);
            }
        }
    }
    return rc;
}

/* Walks the terms of one piece that starts at byte base of the text. */
static int piece_terms(kf_tokenizer *t, const char *text, size_t n,
                       size_t base, kf_term_fn fn, void *ctx)
{
    unsigned stages = KHABAR_STAGE_TOKENS;
    khabar_doc *doc, *md = NULL;
    size_t *first = NULL;
    int rc = SQLITE_OK;
    if (t->stem)
        stages |= KHABAR_STAGE_WORDS;
    if (t->repair)
        stages |= KHABAR_STAGE_REPAIRS;
    doc = analyze(t, text, n, KHABAR_STAGE_TOKENS, &rc);
    if (!doc)
        return rc;
    if (sort_tokens(t, doc, text) != 0) {
        khabar_doc_free(doc);
        return SQLITE_NOMEM;
    }
    if (t->n_line) {
        md = analyze(t, t->miss, t->n_miss, stages, &rc);
        first = md ? malloc((t->n_line + 1) * sizeof *first) : NULL;
        if (!first) {
            khabar_doc_free(md);
            khabar_doc_free(doc);
            return md ? SQLITE_NOMEM : rc;
        }
        line_tokens(t, md, first);
        cache_lines(t, md, first);
    }
    rc = emit_piece(t, doc, md, first, base, fn, ctx);
    free(first);
    khabar_doc_free(md);
    khabar_doc_free(doc);
    return rc;
}

/* Walks the terms of text[0..n). */
static int each_term(kf_tokenizer *t, const char *text, size_t n,
                     kf_term_fn fn, void *ctx)
{
    size_t pos = 0;
    tc_trim(&t->cache);
    while (pos < n) {
        size_t cut = khabar_chunk_end(text + pos, n - pos, PIECE);
        int rc = piece_terms(t, text + pos, cut, pos, fn, ctx);
        if (rc != SQLITE_OK)
            return rc;
        pos += cut;
    }
    return SQLITE_OK;
}

static void tokenizer_init(kf_tokenizer *t, const khabar_model *model)
{
    memset(t, 0, sizeof *t);
    t->model = model;
    t->norm = KHABAR_NORM_SEARCH;
    t->stem = 1;
    t->repair = 1;
    tc_init(&t->cache, CACHE_LIMIT);
}

static void tokenizer_free(kf_tokenizer *t)
{
    tc_free(&t->cache);
    free(t->ref);
    free(t->line);
    free(t->miss);
}

/* ------------------------------------------------------------ tokenizer --- */

static int parse_bool(const char *v, int *out)
{
    if (!strcmp(v, "1") || !strcmp(v, "on") || !strcmp(v, "yes")) {
        *out = 1;
        return 0;
    }
    if (!strcmp(v, "0") || !strcmp(v, "off") || !strcmp(v, "no")) {
        *out = 0;
        return 0;
    }
    return -1;
}

static int kf_create(void *udata, const char **argv, int argc,
                     Fts5Tokenizer **out)
{
    kf_module *m = udata;
    kf_tokenizer *t;
    int i, keep = 0;
    *out = NULL;
    t = malloc(sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    tokenizer_init(t, m->model);
    for (i = 0; i < argc; i += 2) {
        const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = v == NULL;
        if (!bad && !strcmp(k, "stem"))
            bad = parse_bool(v, &t->stem);
        else if (!bad && !strcmp(k, "repair"))
            bad = parse_bool(v, &t->repair);
        else if (!bad && !strcmp(k, "diacritics")) {
            if (!strcmp(v, "keep"))
                keep = 1;
            else if (strcmp(v, "remove"))
                bad = 1;
        } else
            bad = 1;
        if (bad) {
            tokenizer_free(t);
            free(t);
            return SQLITE_ERROR;
        }
    }
    if (keep) {
        t->norm &= ~(unsigned)KHABAR_NORM_DIACRITICS;
        t->stem = 0;
    }
    /* Terms fed ahead of time are the default options' terms. */
    if (t->stem && t->repair && t->norm == KHABAR_NORM_SEARCH)
        t->feed = &((kf_module *)udata)->feed;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void kf_delete(Fts5Tokenizer *tok)
{
    kf_tokenizer *t = (kf_tokenizer *)tok;
    tokenizer_free(t);
    free(t);
}

typedef struct fts5_sink {
    void *ctx;
    int (*token)(void *, int, const char *, int, int, int);
} fts5_sink;

static int to_fts5(void *ctx, const char *term, int len, int start, int end)
{
    fts5_sink *s = ctx;
    return s->token(s->ctx, 0, term, len, start, end);
}

static int kf_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
                       const char *text, int n,
                       int (*token)(void *, int, const char *, int, int, int))
{
    kf_tokenizer *t = (kf_tokenizer *)tok;
    fts5_sink s;
    int k;
    s.ctx = ctx;
    s.token = token;
    if (n <= 0 || !text)
        return SQLITE_OK;
    /* A document whose terms were fed: replay them. Queries (prefix ones
     * too) and every other text are analyzed here. */
    for (k = 0; t->feed && flags == FTS5_TOKENIZE_DOCUMENT && k < FEED_SLOTS;
         k++) {
        const khabar_fts_terms *l = t->feed->terms[k];
        size_t i;
        int rc = SQLITE_OK;
        if (!l || t->feed->len[k] != (size_t)n ||
            memcmp(t->feed->text[k], text, (size_t)n) != 0)
            continue;
        for (i = 0; i < l->n && rc == SQLITE_OK; i++)
            rc = token(ctx, 0, l->bytes + l->terms[i].text, l->terms[i].len,
                       l->terms[i].start, l->terms[i].end);
        return rc;
    }
    return each_term(t, text, (size_t)n, to_fts5, &s);
}

/* ------------------------------------------------ terms ahead of time --- */

khabar_fts_analyzer *khabar_fts_analyzer_new(const khabar_model *model)
{
    kf_tokenizer *t = malloc(sizeof *t);
    if (t)
        tokenizer_init(t, model);
    return (khabar_fts_analyzer *)t;
}

void khabar_fts_analyzer_free(khabar_fts_analyzer *a)
{
    if (!a)
        return;
    tokenizer_free((kf_tokenizer *)a);
    free(a);
}

khabar_fts_terms *khabar_fts_terms_new(void)
{
    return calloc(1, sizeof(khabar_fts_terms));
}

void khabar_fts_terms_free(khabar_fts_terms *l)
{
    if (!l)
        return;
    free(l->bytes);
    free(l->terms);
    free(l);
}

static int to_list(void *ctx, const char *term, int len, int start, int end)
{
    khabar_fts_terms *l = ctx;
    kf_term *x;
    if (grow(&l->terms, &l->cap, l->n + 1, sizeof *l->terms) != 0 ||
        grow(&l->bytes, &l->cap_bytes, l->n_bytes + (size_t)len, 1) != 0)
        return SQLITE_NOMEM;
    x = &l->terms[l->n++];
    x->text = l->n_bytes;
    x->len = len;
    x->start = start;
    x->end = end;
    memcpy(l->bytes + l->n_bytes, term, (size_t)len);
    l->n_bytes += (size_t)len;
    return SQLITE_OK;
}

int khabar_fts_analyze(khabar_fts_analyzer *a, const char *text, size_t len,
                       khabar_fts_terms *out)
{
    int rc;
    out->n = out->n_bytes = 0;
    if (!text || !len)
        return SQLITE_OK;
    if (len > INT32_MAX)
        return SQLITE_TOOBIG;
    rc = each_term((kf_tokenizer *)a, text, len, to_list, out);
    if (rc != SQLITE_OK)
        out->n = out->n_bytes = 0;
    return rc;
}

size_t khabar_fts_terms_count(const khabar_fts_terms *l) { return l->n; }

const char *khabar_fts_term(const khabar_fts_terms *l, size_t i, size_t *len)
{
    *len = (size_t)l->terms[i].len;
    return l->bytes + l->terms[i].text;
}

char *khabar_fts_terms_join(const khabar_fts_terms *l)
{
    size_t i, k = 0;
    char *out = malloc(l->n_bytes + l->n + 1);
    if (!out)
        return NULL;
    for (i = 0; i < l->n; i++) {
        if (i)
            out[k++] = ' ';
        memcpy(out + k, l->bytes + l->terms[i].text, (size_t)l->terms[i].len);
        k += (size_t)l->terms[i].len;
    }
    out[k] = 0;
    return out;
}

void khabar_fts_feed_set(khabar_fts_feed *f, int slot, const char *text,
                         size_t len, const khabar_fts_terms *terms)
{
    if (!f || slot < 0 || slot >= FEED_SLOTS)
        return;
    f->text[slot] = text;
    f->len[slot] = text ? len : 0;
    f->terms[slot] = text ? terms : NULL;
}

/* ----------------------------------------------------------- khabar_stem --- */

/* khabar_stem(text): the terms of text, space-separated. */
static void khabar_stem_fn(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    const kf_module *m = sqlite3_user_data(c);
    khabar_fts_analyzer *a;
    khabar_fts_terms *l;
    const char *text;
    char *out = NULL;
    int rc = SQLITE_NOMEM;
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return; /* NULL in, NULL out */
    text = (const char *)sqlite3_value_text(argv[0]);
    a = khabar_fts_analyzer_new(m->model);
    l = khabar_fts_terms_new();
    if (a && l) /* an empty blob has no text: no terms */
        rc = khabar_fts_analyze(a, text,
                                text ? (size_t)sqlite3_value_bytes(argv[0])
                                     : 0,
                                l);
    if (rc == SQLITE_OK && !(out = khabar_fts_terms_join(l)))
        rc = SQLITE_NOMEM;
    khabar_fts_analyzer_free(a);
    khabar_fts_terms_free(l);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(c, rc);
        return;
    }
    sqlite3_result_text(c, out, -1, free);
}

/* ---------------------------------------------------------- registration --- */

static void module_free(void *p)
{
    kf_module *m = p;
    khabar_model_free(m->owned);
    sqlite3_free(m);
}

/* The FTS5 API of db, or NULL (SQLite's documented way to reach it). */
static fts5_api *fts5_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

static void set_error(char **errmsg, const char *msg)
{
    if (errmsg)
        *errmsg = sqlite3_mprintf("khabar_fts: %s", msg);
}

int khabar_fts_register(sqlite3 *db, const khabar_model *model,
                        char **errmsg)
{
    return khabar_fts_register_feed(db, model, NULL, errmsg);
}

int khabar_fts_register_feed(sqlite3 *db, const khabar_model *model,
                             khabar_fts_feed **feed, char **errmsg)
{
    fts5_tokenizer tk = {kf_create, kf_delete, kf_tokenize};
    fts5_api *api = fts5_of(db);
    kf_module *m;
    int rc;
    if (errmsg)
        *errmsg = NULL;
    if (!api || api->iVersion < 2) {
        set_error(errmsg, "this SQLite has no FTS5");
        return SQLITE_ERROR;
    }
    m = sqlite3_malloc(sizeof *m);
    if (!m)
        return SQLITE_NOMEM;
    memset(m, 0, sizeof *m);
    m->model = model;
    if (feed)
        *feed = &m->feed;
    if (!model) {
        khabar_error err;
        m->owned = khabar_model_new(&err);
        if (!m->owned) {
            set_error(errmsg, err.msg);
            sqlite3_free(m);
            return SQLITE_ERROR;
        }
        m->model = m->owned;
    }
    /* The tokenizer owns m: FTS5 calls module_free when db closes (also
     * when registering fails). */
    rc = api->xCreateTokenizer(api, "khabar", m, &tk, module_free);
    if (rc != SQLITE_OK) {
        set_error(errmsg, "cannot register the tokenizer");
        return rc;
    }
    rc = sqlite3_create_function_v2(
        db, "khabar_stem", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, m,
        khabar_stem_fn, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        set_error(errmsg, "cannot register khabar_stem()");
    return rc;
}

#ifndef SQLITE_CORE
/* The entry point sqlite3_load_extension() finds for khabar_fts.so. */
#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_khabarfts_init(sqlite3 *db, char **errmsg,
                           const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    return khabar_fts_register(db, NULL, errmsg);
}
#endif
