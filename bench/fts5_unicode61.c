/*
 * fts5_unicode61.c - SQLite FTS5's unicode61 tokenizer as a peer for
 * bench/run.sh: the tokenizer is taken from an in-memory database through the
 * fts5_api and run directly over the corpus, in chunks of about 1 MB cut at
 * line breaks (as bench_khabar does), with a callback that counts tokens.
 * Two configurations: the default (remove_diacritics 1) and
 * "remove_diacritics 2". Prints "name MB/s tokens" lines, each the best of
 * REPEAT runs.
 *
 * usage: fts5_unicode61 CORPUS [REPEAT]   (REPEAT default 3)
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#define CHUNK ((size_t)1 << 20)
#define MAX_CHUNK ((size_t)1 << 26) /* a line longer than this is cut */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL &&
        fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        *len = (size_t)n;
    fclose(f);
    return buf;
}

static int count_token(void *ctx, int tflags, const char *token, int ntoken,
                       int start, int end)
{
    (void)tflags;
    (void)token;
    (void)ntoken;
    (void)start;
    (void)end;
    ++*(size_t *)ctx;
    return SQLITE_OK;
}

/* Tokenizes the whole text with tok `repeat` times; returns the best MB/s and
 * sets *tokens, or returns -1 on error. */
static double run(fts5_tokenizer *api, Fts5Tokenizer *tok, const char *text,
                  size_t len, int repeat, size_t *tokens)
{
    double best = 0;
    int r;
    for (r = 0; r < repeat; r++) {
        size_t pos = 0, ntok = 0;
        double t0 = now(), dt;
        while (pos < len) {
            size_t end = pos + CHUNK, max = pos + MAX_CHUNK;
            if (end >= len) {
                end = len;
            } else {
                while (end < len && end < max && text[end - 1] != '\n')
                    end++;
                while (end < len && end > pos + 1 &&
                       ((unsigned char)text[end] & 0xC0) == 0x80)
                    end--; /* cut a long line at a character boundary */
            }
            if (api->xTokenize(tok, &ntok, FTS5_TOKENIZE_DOCUMENT, text + pos,
                               (int)(end - pos), count_token) != SQLITE_OK)
                return -1;
            pos = end;
        }
        dt = now() - t0;
        if ((double)len / 1e6 / dt > best)
            best = (double)len / 1e6 / dt;
        *tokens = ntok;
    }
    return best;
}

static fts5_api *get_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

int main(int argc, char **argv)
{
    static const char *rd2[] = {"remove_diacritics", "2"};
    static const struct {
        const char *name;
        const char **args;
        int nargs;
    } configs[] = {
        {"sqlite-fts5-unicode61", NULL, 0},
        {"sqlite-fts5-unicode61-remove_diacritics=2", rd2, 2},
    };
    sqlite3 *db;
    fts5_api *fts5;
    fts5_tokenizer tokenizer;
    void *udata = NULL;
    size_t len = 0, i;
    int repeat = argc > 2 && atoi(argv[2]) > 0 ? atoi(argv[2]) : 3;
    char *text;
    if (argc < 2) {
        fprintf(stderr, "usage: fts5_unicode61 CORPUS [REPEAT]\n");
        return 2;
    }
    text = slurp(argv[1], &len);
    if (!text) {
        fprintf(stderr, "fts5_unicode61: cannot read %s\n", argv[1]);
        return 1;
    }
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        fprintf(stderr, "fts5_unicode61: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    fts5 = get_fts5_api(db);
    if (!fts5 || fts5->iVersion < 2) {
        fprintf(stderr, "fts5_unicode61: SQLite %s lacks FTS5\n",
                sqlite3_libversion());
        return 1;
    }
    if (fts5->xFindTokenizer(fts5, "unicode61", &udata, &tokenizer) !=
        SQLITE_OK) {
        fprintf(stderr, "fts5_unicode61: no unicode61 tokenizer\n");
        return 1;
    }
    for (i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        Fts5Tokenizer *tok = NULL;
        size_t ntok = 0;
        double mbs;
        if (tokenizer.xCreate(udata, configs[i].args, configs[i].nargs,
                              &tok) != SQLITE_OK) {
            fprintf(stderr, "fts5_unicode61: cannot create %s\n",
                    configs[i].name);
            return 1;
        }
        mbs = run(&tokenizer, tok, text, len, repeat, &ntok);
        tokenizer.xDelete(tok);
        if (mbs < 0) {
            fprintf(stderr, "fts5_unicode61: %s failed\n", configs[i].name);
            return 1;
        }
        printf("%s %.1f %zu\n", configs[i].name, mbs, ntok);
        fflush(stdout);
    }
    sqlite3_close(db);
    free(text);
    return 0;
}
