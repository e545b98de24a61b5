/*
 * cmd_search.c - `khabar search DB QUERY...`: ranked hits with snippets,
 * filters and facets over an index made by `khabar index`.
 *
 * The query becomes an FTS5 expression (query.h) that the khabar tokenizer
 * reads like the documents, so سوريا finds وسوريا and لسوريا. Hits are
 * ranked by BM25 (a title match weighs twice a body match); the snippet is
 * FTS5's, its marks on the original letters.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "query.h"
#include "store.h"

static const char usage[] =
    "usage: khabar search [options] DB QUERY...\n"
    "\n"
    "Searches the index DB (made by `khabar index`) and prints the best\n"
    "matching articles with a snippet, the matched words marked. Words\n"
    "match in any form: سوريا finds وسوريا, لسوريا and سُورْيَا.\n"
    "\n"
    "query: words (all must match), \"an exact phrase\", a OR b, -word or\n"
    "NOT word (must not match), prefix* (سوري* finds السوريين).\n"
    "\n"
    "options:\n"
    "      --from DATE    only articles dated DATE (YYYY-MM-DD) or later\n"
    "      --to DATE      only articles dated DATE or earlier\n"
    "      --source S     only articles from source S\n"
    "      --entity NAME  only articles that name NAME (a person, place or\n"
    "                     organization: --entity بوتين)\n"
    "      --facets       also the people, places and organizations most\n"
    "                     named among all the hits\n"
    "  -n, --limit N      at most N hits (default 10)\n"
    "      --offset N     skip the first N hits\n"
    "  -f, --format F     text (default) or json\n"
    "      --color WHEN   mark matches with terminal colours: auto (default),\n"
    "                     always, never; without colour, matches are [marked]\n"
    "      --model DIR    load the model from DIR\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 with hits, 1 with none (or when DB cannot be read), 2 on\n"
    "bad usage or a query with nothing to search for.\n";

#define FACET_TOP 10

typedef struct search {
    const char *db_path, *from, *to, *source, *entity;
    char *entity_key; /* the entity's stems, as the index keeps them */
    char *fts;
    long limit, offset;
    int facets, json, color;
    sqlite3 *db;
} search;

/* The hits, as the FTS5 table's rowids: the match alone when there is no
 * filter (FTS5 counts and ranks it without touching the articles), else
 * the match within the articles that pass the filters. */
static const char match_sql[] =
    " FROM articles_fts WHERE articles_fts MATCH ?1";
static const char filter_sql[] =
    " AND +rowid IN (SELECT a.rowid FROM articles a WHERE"
    " (?2 IS NULL OR a.date >= ?2) AND (?3 IS NULL OR a.date <= ?3)"
    " AND (?4 IS NULL OR a.source = ?4))"
    " AND (?5 IS NULL OR +rowid IN (SELECT e.article FROM entities e"
    "      WHERE ' ' || e.key || ' ' LIKE '% ' || ?5 || ' %'))";

/* An article this long gets no snippet (FTS5 would tokenize it whole for
 * each hit): its first words instead. */
#define SNIPPET_MAX_WORDS 200000

static int filtered(const search *s)
{
    return s->from || s->to || s->source || s->entity;
}

/* head + the hits + tail, with the query and filters bound. */
static sqlite3_stmt *prepare(search *s, const char *head, const char *tail)
{
    sqlite3_stmt *st = NULL;
    char *sql = sqlite3_mprintf("%s%s%s%s", head, match_sql,
                                filtered(s) ? filter_sql : "", tail);
    if (!sql || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_error(s->db, s->db_path, "cannot search");
        sqlite3_free(sql);
        return NULL;
    }
    sqlite3_free(sql);
    sqlite3_bind_text(st, 1, s->fts, -1, SQLITE_STATIC);
    if (filtered(s)) {
        if (s->from)
            sqlite3_bind_text(st, 2, s->from, -1, SQLITE_STATIC);
        if (s->to)
            sqlite3_bind_text(st, 3, s->to, -1, SQLITE_STATIC);
        if (s->source)
            sqlite3_bind_text(st, 4, s->source, -1, SQLITE_STATIC);
        if (s->entity)
            sqlite3_bind_text(st, 5, s->entity_key, -1, SQLITE_STATIC);
    }
    return st;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

static json_t *jstr(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? json_string(v) : json_null();
}

static long count_hits(search *s)
{
    sqlite3_stmt *st = prepare(s, "SELECT count(*)", "");
    /* (the count of a match alone is FTS5's, without the articles) */
    long n = -1;
    if (!st)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    else
        store_error(s->db, s->db_path, "cannot search");
    sqlite3_finalize(st);
    return n;
}

/* The most named entities of a type among all hits. */
static int facet(search *s, const char *type, const char *arabic,
                 const char *english, json_t *out)
{
    sqlite3_stmt *st;
    char *tail = sqlite3_mprintf(
        ") SELECT e.name, count(DISTINCT e.article) AS n, max(e.mentions)"
        " FROM entities e WHERE e.type = '%q' AND e.article IN hits"
        " GROUP BY e.key ORDER BY n DESC, sum(e.mentions) DESC, e.name"
        " LIMIT %d",
        type, FACET_TOP);
    json_t *arr = out ? json_array() : NULL;
    int rc, shown = 0;
    if (!tail)
        return -1;
    st = prepare(s, "WITH hits AS (SELECT rowid", tail);
    sqlite3_free(tail);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (out) {
            json_t *o = json_object();
            json_object_set_new(o, "name", jstr(st, 0));
            json_object_set_new(o, "articles",
                                json_integer(sqlite3_column_int64(st, 1)));
            json_array_append_new(arr, o);
            continue;
        }
        if (!shown++)
            printf("\n== %s (%s) ==\n", arabic, english);
        printf("%s (%lld)\n", col(st, 0),
               (long long)sqlite3_column_int64(st, 1));
    }
    sqlite3_finalize(st);
    if (out)
        json_object_set_new(out, type, arr);
    if (rc != SQLITE_DONE) {
        store_error(s->db, s->db_path, "cannot search");
        return -1;
    }
    return 0;
}

/* Prints s on one line: its line breaks and runs of white space become one
 * space. */
static void print_line(const char *s)
{
    int space = 0;
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t' || *s == ' ') {
            space = 1;
            continue;
        }
        if (space)
            putchar(' ');
        space = 0;
        putchar(*s);
    }
    putchar('\n');
}

/* Prints a title on one line, a long one (a text file's first paragraph)
 * cut after a word near TITLE_MAX bytes. */
#define TITLE_MAX 160
static void print_title(const char *t)
{
    size_t n = strlen(t), cut = n;
    if (n > TITLE_MAX) {
        for (cut = TITLE_MAX; cut > TITLE_MAX / 2 && t[cut] != ' '; cut--)
            ;
        if (t[cut] != ' ') { /* no space: at a character boundary */
            cut = TITLE_MAX;
            while (cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
                cut--;
        }
    }
    printf("%.*s%s\n", (int)cut, t, cut < n ? " …" : "");
}

/* Runs the search and prints it; returns the exit code. */
static int run(search *s, const char *query)
{
    sqlite3_stmt *st, *one = NULL;
    const char *open = s->color ? "\033[1;31m" : "[";
    const char *close = s->color ? "\033[0m" : "]";
    char *tail;
    long total, k = 0;
    int rc;
    struct timespec t0, t1;
    json_t *root = NULL, *hits = NULL;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    total = count_hits(s);
    if (total < 0)
        return EXIT_INPUT;
    if (s->json) {
        open = "[";
        close = "]";
    }
    /* The ranked rowids first; then each hit's fields and snippet, so
     * that FTS5 makes snippets for the shown hits only. */
    tail = sqlite3_mprintf(" ORDER BY bm25(articles_fts, 2.0, 1.0), rowid"
                           " LIMIT %ld OFFSET %ld",
                           s->limit, s->offset);
    if (!tail)
        return EXIT_INPUT;
    st = prepare(s, "SELECT rowid, bm25(articles_fts, 2.0, 1.0)", tail);
    sqlite3_free(tail);
    if (!st)
        return EXIT_INPUT;
    if (sqlite3_prepare_v2(
            s->db,
            "SELECT a.id, a.title, a.date, a.source, a.url,"
            " CASE WHEN a.words <= ?3"
            "  THEN snippet(articles_fts, 1, ?4, ?5, '…', 24)"
            "  ELSE substr(a.text, 1, 200) || '…' END"
            " FROM articles_fts JOIN articles a"
            " ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2",
            -1, &one, NULL) != SQLITE_OK) {
        store_error(s->db, s->db_path, "cannot search");
        sqlite3_finalize(st);
        return EXIT_INPUT;
    }
    sqlite3_bind_text(one, 1, s->fts, -1, SQLITE_STATIC);
    sqlite3_bind_int(one, 3, SNIPPET_MAX_WORDS);
    sqlite3_bind_text(one, 4, open, -1, SQLITE_STATIC);
    sqlite3_bind_text(one, 5, close, -1, SQLITE_STATIC);
    if (s->json) {
        root = json_object();
        hits = json_array();
        json_object_set_new(root, "query", json_string(query));
        json_object_set_new(root, "fts", json_string(s->fts));
        json_object_set_new(root, "total", json_integer(total));
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        double score = -sqlite3_column_double(st, 1);
        sqlite3_bind_int64(one, 2, sqlite3_column_int64(st, 0));
        if (sqlite3_step(one) != SQLITE_ROW) {
            rc = sqlite3_errcode(s->db);
            sqlite3_reset(one);
            break;
        }
        k++;
        if (s->json) {
            json_t *h = json_object();
            json_object_set_new(h, "id", jstr(one, 0));
            json_object_set_new(h, "title", jstr(one, 1));
            json_object_set_new(h, "date", jstr(one, 2));
            json_object_set_new(h, "source", jstr(one, 3));
            json_object_set_new(h, "url", jstr(one, 4));
            json_object_set_new(h, "snippet", jstr(one, 5));
            json_object_set_new(h, "score", json_real(score));
            json_array_append_new(hits, h);
        } else {
            /* Arabic first on each line, so that it reads right-to-left. */
            putchar('\n');
            print_title(*col(one, 1) ? col(one, 1) : col(one, 0));
            print_line(col(one, 5));
            printf("  %ld. %s", s->offset + k, col(one, 0));
            if (*col(one, 2))
                printf("  %s", col(one, 2));
            if (*col(one, 3))
                printf("  %s", col(one, 3));
            printf("\n");
        }
        sqlite3_reset(one);
    }
    sqlite3_finalize(st);
    sqlite3_finalize(one);
    if (rc != SQLITE_DONE) {
        store_error(s->db, s->db_path, "cannot search");
        json_decref(root);
        return EXIT_INPUT;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (s->json) {
        json_t *f = s->facets ? json_object() : NULL;
        json_object_set_new(root, "hits", hits);
        if (f) {
            if (facet(s, "PER", "", "", f) || facet(s, "LOC", "", "", f) ||
                facet(s, "ORG", "", "", f)) {
                json_decref(f);
                json_decref(root);
                return EXIT_INPUT;
            }
            json_object_set_new(root, "facets", f);
        }
        if (json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ||
            fputc('\n', stdout) == EOF) {
            json_decref(root);
            return EXIT_INPUT;
        }
        json_decref(root);
    } else {
        if (s->facets &&
            (facet(s, "PER", "الأشخاص", "people", NULL) ||
             facet(s, "LOC", "الأماكن", "places", NULL) ||
             facet(s, "ORG", "المنظمات", "organizations", NULL)))
            return EXIT_INPUT;
        printf("\n%ld %s (%ld shown, %.1f ms)\n", total,
               total == 1 ? "hit" : "hits", k,
               ((double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                (double)(t1.tv_nsec - t0.tv_nsec) / 1e6));
    }
    if (fflush(stdout) != 0) {
        cli_error("standard output", "write error");
        return EXIT_INPUT;
    }
    return total > 0 ? 0 : 1;
}

/* The stems of --entity's name (khabar_stem(), as the index made its
 * entities' keys), once for the whole search. */
static int entity_key(search *s)
{
    sqlite3_stmt *st = NULL;
    int ok = sqlite3_prepare_v2(s->db, "SELECT khabar_stem(?1)", -1, &st,
                                NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, s->entity, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_ROW;
    }
    if (ok)
        s->entity_key = sqlite3_mprintf(
            "%s", (const char *)sqlite3_column_text(st, 0)
                      ? (const char *)sqlite3_column_text(st, 0)
                      : "");
    sqlite3_finalize(st);
    if (!ok || !s->entity_key) {
        store_error(s->db, s->db_path, "cannot search");
        return -1;
    }
    return 0;
}

static int parse_long(const char *v, long min, long *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < min || n > 1000000000L)
        return -1;
    *out = n;
    return 0;
}

int cmd_search(int argc, char **argv)
{
    search s;
    const char *model_dir = NULL, *why, *color = "auto";
    char *query = NULL;
    size_t qlen = 0;
    int i, rc = 0, only_words = 0;
    khabar_model *model = NULL;
    khabar_error err;
    khabar_date d;
    query_ctx *qc = NULL;
    memset(&s, 0, sizeof s);
    s.limit = 10;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int option = !only_words && (!strncmp(a, "--", 2) || !strcmp(a, "-n") ||
                                     !strcmp(a, "-f") || !strcmp(a, "-h"));
        if (!option) {
            /* DB, then the query's words (-word is a word to leave out) */
            if (!s.db_path) {
                s.db_path = a;
                continue;
            }
            {
                size_t n = strlen(a);
                char *nq = realloc(query, qlen + n + 2);
                if (!nq) {
                    cli_error(NULL, "out of memory");
                    free(query);
                    return EXIT_INPUT;
                }
                query = nq;
                if (qlen)
                    query[qlen++] = ' ';
                memcpy(query + qlen, a, n + 1);
                qlen += n;
            }
        } else if (!strcmp(a, "--")) {
            only_words = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            free(query);
            return 0;
        } else if (!strcmp(a, "--facets")) {
            s.facets = 1;
        } else if (v && (!strcmp(a, "--from") || !strcmp(a, "--to"))) {
            if (cli_parse_date(v, &d) != 0) {
                fprintf(stderr, "%s: search: %s: not a date (YYYY-MM-DD): "
                                "%s\n", kh_prog, a, v);
                free(query);
                return EXIT_USAGE;
            }
            *(a[2] == 'f' ? &s.from : &s.to) = v;
            i++;
        } else if (v && !strcmp(a, "--source")) {
            s.source = v;
            i++;
        } else if (v && !strcmp(a, "--entity")) {
            s.entity = v;
            i++;
        } else if (v && (!strcmp(a, "-n") || !strcmp(a, "--limit")) &&
                   parse_long(v, 1, &s.limit) == 0) {
            i++;
        } else if (v && !strcmp(a, "--offset") &&
                   parse_long(v, 0, &s.offset) == 0) {
            i++;
        } else if (v && (!strcmp(a, "-f") || !strcmp(a, "--format")) &&
                   (!strcmp(v, "text") || !strcmp(v, "json"))) {
            s.json = !strcmp(v, "json");
            i++;
        } else if (v && !strcmp(a, "--color") &&
                   (!strcmp(v, "auto") || !strcmp(v, "always") ||
                    !strcmp(v, "never"))) {
            color = v;
            i++;
        } else if (v && !strcmp(a, "--model")) {
            model_dir = v;
            i++;
        } else {
            fprintf(stderr, "%s: search: bad option or value: %s\n%s",
                    kh_prog, a, usage);
            free(query);
            return EXIT_USAGE;
        }
    }
    if (!s.db_path) {
        fputs(usage, stderr);
        free(query);
        return EXIT_USAGE;
    }
    if (!query) {
        cli_error("search", "empty query: give words to search for");
        return EXIT_USAGE;
    }
    s.color = !strcmp(color, "always") ||
              (!strcmp(color, "auto") && isatty(1) && !s.json);
    model = model_dir ? khabar_model_load(model_dir, &err)
                      : khabar_model_new(&err);
    if (!model) {
        cli_error(model_dir ? model_dir : "model", err.msg);
        free(query);
        return EXIT_INPUT;
    }
    qc = query_ctx_new(model);
    if (!qc) {
        cli_error(NULL, "out of memory");
        rc = EXIT_INPUT;
    } else if (query_build(qc, query, &s.fts, &why) != 0) {
        fprintf(stderr, "%s: search: %s\n", kh_prog, why);
        rc = EXIT_USAGE;
    } else if ((s.db = store_open(s.db_path, model, 0, NULL)) == NULL) {
        rc = EXIT_INPUT;
    } else if (s.entity && entity_key(&s) != 0) {
        rc = EXIT_INPUT;
    } else {
        rc = run(&s, query);
    }
    sqlite3_close(s.db);
    sqlite3_free(s.entity_key);
    free(s.fts);
    query_ctx_free(qc);
    khabar_model_free(model);
    free(query);
    return rc;
}
