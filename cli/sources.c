/*
 * sources.c - walking files, directories, JSONL, JSON arrays and zip
 * archives for the articles they hold (see sources.h). JSON is parsed with
 * jansson; zip members are read through `unzip -p`.
 */
#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

#define MAX_DEPTH 64

typedef struct walk {
    article_fn fn;
    void *ctx;
    source_stats *st;
} walk;

static void warn(const char *where, long line, const char *msg)
{
    if (line > 0)
        fprintf(stderr, "%s: warning: %s:%ld: %s\n", kh_prog, where, line,
                msg);
    else
        fprintf(stderr, "%s: warning: %s: %s\n", kh_prog, where, msg);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

/* Checks text before it becomes an article; warns and returns -1 when it
 * cannot be one. */
static int usable(const char *where, long line, const char *text, size_t n)
{
    khabar_diag d;
    size_t i;
    char msg[160];
    for (i = 0; i < n; i++) {
        char c = text[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
    }
    if (i == n) {
        warn(where, line, "empty, skipped");
        return -1;
    }
    if (khabar_utf8_check(text, n, &d)) {
        snprintf(msg, sizeof msg,
                 "not UTF-8 text (%s at byte %zu), skipped",
                 khabar_diag_kind_name((khabar_diag_kind)d.kind), d.start);
        warn(where, line, msg);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- JSON --- */

static const char *str_field(json_t *o, const char *k1, const char *k2)
{
    json_t *v = json_object_get(o, k1);
    if (!json_is_string(v) && k2)
        v = json_object_get(o, k2);
    /* (an id given as a number is formatted by the caller) */
    return json_is_string(v) && json_string_length(v) > 0
               ? json_string_value(v)
               : NULL;
}

/* "2015-07-21 02:51:32" and "2015-07-21" give "2015-07-21"; other forms
 * no date. */
static const char *iso_date(const char *s, char out[11])
{
    khabar_date d;
    if (!s || strlen(s) < 10)
        return NULL;
    memcpy(out, s, 10);
    out[10] = 0;
    return cli_parse_date(out, &d) == 0 ? out : NULL;
}

/* One JSON object as an article; where/line/index name it in messages and
 * in the default id. Returns what the callback returned, or 0. */
static int json_article(walk *w, json_t *o, const char *where, long line,
                        long index)
{
    article a;
    char idbuf[64], datebuf[11], label[1024];
    char *id = NULL;
    json_t *text = json_object_get(o, "text");
    int rc;
    /* Warnings name an array element by its index: file.json#12. */
    if (index >= 0)
        snprintf(label, sizeof label, "%s#%ld", where, index);
    else
        snprintf(label, sizeof label, "%s", where);
    if (!json_is_object(o)) {
        warn(label, line, index >= 0 ? "an array element that is not an "
                                       "object, skipped"
                                     : "not a JSON object, skipped");
        w->st->skipped++;
        return 0;
    }
    if (!json_is_string(text))
        text = json_object_get(o, "content");
    if (!json_is_string(text)) {
        warn(label, line, "no \"text\" string, skipped");
        w->st->skipped++;
        return 0;
    }
    memset(&a, 0, sizeof a);
    a.text = json_string_value(text);
    a.len = json_string_length(text);
    if (usable(label, line, a.text, a.len) != 0) {
        w->st->skipped++;
        return 0;
    }
    a.id = str_field(o, "id", NULL);
    if (!a.id && json_is_integer(json_object_get(o, "id"))) {
        snprintf(idbuf, sizeof idbuf, "%lld",
                 (long long)json_integer_value(json_object_get(o, "id")));
        a.id = idbuf;
    }
    if (!a.id)
        a.id = str_field(o, "url", NULL);
    if (!a.id) {
        size_t n = strlen(where) + 32;
        id = malloc(n);
        if (!id)
            return EXIT_INPUT;
        if (line > 0)
            snprintf(id, n, "%s:%ld", where, line);
        else
            snprintf(id, n, "%s#%ld", where, index);
        a.id = id;
    }
    a.title = str_field(o, "title", NULL);
    a.date = iso_date(str_field(o, "date", "date_extracted"), datebuf);
    a.source = str_field(o, "source", NULL);
    a.url = str_field(o, "url", NULL);
    w->st->articles++;
    rc = w->fn(w->ctx, &a);
    free(id);
    return rc;
}

/* A buffer of JSON lines. */
static int jsonl_articles(walk *w, const char *where, const char *buf,
                          size_t n)
{
    size_t pos = 0;
    long line = 0;
    while (pos < n) {
        const char *s = buf + pos, *nl = memchr(s, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - s) : n - pos, k;
        json_error_t je;
        json_t *o;
        int rc;
        pos += len + (nl != NULL);
        line++;
        for (k = 0; k < len; k++) {
            if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r')
                break;
        }
        if (k == len)
            continue; /* blank lines are allowed */
        o = json_loadb(s, len, JSON_DISABLE_EOF_CHECK | JSON_ALLOW_NUL, &je);
        if (!o) {
            char msg[240];
            snprintf(msg, sizeof msg, "not JSON (%s), skipped", je.text);
            warn(where, line, msg);
            w->st->skipped++;
            continue;
        }
        rc = json_article(w, o, where, line, -1);
        json_decref(o);
        if (rc)
            return rc;
    }
    return 0;
}

/* A buffer holding one JSON value: an array of articles or one article.
 * Returns 1 (not set) when it is not JSON at all. */
static int json_articles(walk *w, const char *where, const char *buf,
                         size_t n, int *not_json)
{
    json_error_t je;
    json_t *v = json_loadb(buf, n, JSON_ALLOW_NUL, &je);
    size_t i;
    int rc = 0;
    *not_json = 0;
    if (!v) {
        *not_json = 1;
        return 0;
    }
    if (json_is_array(v)) {
        for (i = 0; i < json_array_size(v) && !rc; i++)
            rc = json_article(w, json_array_get(v, i), where, -1, (long)i);
    } else {
        rc = json_article(w, v, where, -1, 0);
    }
    json_decref(v);
    return rc;
}

/* ----------------------------------------------------------- plain text --- */

static int text_article(walk *w, const char *path, const char *buf,
                        size_t n)
{
    article a;
    char *title = NULL;
    size_t i = 0, e;
    int rc;
    if (usable(path, 0, buf, n) != 0) {
        w->st->skipped++;
        return 0;
    }
    /* The title: the first line that is not blank, trimmed. */
    while (i < n && (buf[i] == '\n' || buf[i] == '\r' || buf[i] == ' ' ||
                     buf[i] == '\t'))
        i++;
    for (e = i; e < n && buf[e] != '\n'; e++)
        ;
    while (e > i && (buf[e - 1] == '\r' || buf[e - 1] == ' ' ||
                     buf[e - 1] == '\t'))
        e--;
    if (e - i > 0 && e - i <= 1000) {
        title = malloc(e - i + 1);
        if (!title)
            return EXIT_INPUT;
        memcpy(title, buf + i, e - i);
        title[e - i] = 0;
    }
    memset(&a, 0, sizeof a);
    a.id = path;
    a.title = title;
    a.text = buf;
    a.len = n;
    w->st->articles++;
    rc = w->fn(w->ctx, &a);
    free(title);
    return rc;
}

/* Text, JSON or JSONL, by name and content. */
static int buffer_articles(walk *w, const char *where, const char *buf,
                           size_t n)
{
    size_t i = 0;
    int not_json;
    if (ends_with(where, ".jsonl"))
        return jsonl_articles(w, where, buf, n);
    while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' ||
                     buf[i] == '\t'))
        i++;
    if (ends_with(where, ".json") || (i < n && (buf[i] == '[' || buf[i] == '{'))) {
        int rc = json_articles(w, where, buf, n, &not_json);
        if (!not_json)
            return rc;
        if (i < n && buf[i] == '{')
            return jsonl_articles(w, where, buf, n);
        if (ends_with(where, ".json")) {
            warn(where, 0, "not JSON, skipped");
            w->st->skipped++;
            return 0;
        }
    }
    return text_article(w, where, buf, n);
}

/* ------------------------------------------------------------------ zip --- */

/* Runs argv (no shell) and reads its standard output whole. Returns 0, or
 * -1 when it could not run or exited non-zero. */
static int capture(char *const argv[], char **out, size_t *len)
{
    int fd[2], status, e;
    pid_t pid;
    posix_spawn_file_actions_t fa;
    if (pipe(fd) != 0)
        return -1;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
    posix_spawn_file_actions_addclose(&fa, fd[0]);
    posix_spawn_file_actions_addclose(&fa, fd[1]);
    e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd[1]);
    if (e != 0) {
        close(fd[0]);
        return -1;
    }
    e = cli_read_fd(fd[0], out, len);
    close(fd[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (e != 0)
        return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(*out);
        return -1;
    }
    return 0;
}

static int zip_articles(walk *w, const char *path)
{
    char *names, *p;
    size_t n;
    char *list_argv[] = {"unzip", "-Z1", (char *)path, NULL};
    int rc = 0;
    if (capture(list_argv, &names, &n) != 0) {
        warn(path, 0, "cannot list the archive (is `unzip` installed? "
                      "scripts/deps.sh build), skipped");
        w->st->skipped++;
        return 0;
    }
    p = realloc(names, n + 1); /* NUL-terminated, so the last name is too */
    if (!p) {
        free(names);
        return EXIT_INPUT;
    }
    names = p;
    names[n] = 0;
    for (p = names; *p && !rc;) {
        char *nl = strchr(p, '\n'), *member = p;
        char *buf, *where;
        size_t len, wn;
        char *argv[] = {"unzip", "-p", (char *)path, member, NULL};
        if (nl)
            *nl = 0;
        p = nl ? nl + 1 : p + strlen(p);
        if (!*member || member[strlen(member) - 1] == '/')
            continue; /* a directory entry */
        wn = strlen(path) + strlen(member) + 2;
        where = malloc(wn);
        if (!where)
            break;
        snprintf(where, wn, "%s:%s", path, member);
        if (capture(argv, &buf, &len) != 0) {
            warn(where, 0, "cannot extract, skipped");
            w->st->skipped++;
        } else {
            w->st->files++;
            rc = buffer_articles(w, where, buf, len);
            free(buf);
        }
        free(where);
    }
    free(names);
    return rc;
}

/* ---------------------------------------------------------------- walk --- */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk_path(walk *w, const char *path, int depth);

/* In a directory, the files taken are those whose names say they hold
 * articles (and subdirectories): README.md or a picture beside them is not
 * one. */
static int collected(const char *name)
{
    static const char *ext[] = {".txt", ".text", ".json", ".jsonl", ".zip"};
    size_t i;
    if (!strchr(name, '.'))
        return 1; /* no extension: a text file, or a directory */
    for (i = 0; i < sizeof ext / sizeof *ext; i++) {
        if (ends_with(name, ext[i]))
            return 1;
    }
    return 0;
}

static int walk_dir(walk *w, const char *path, int depth)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int rc = 0;
    if (!d) {
        warn(path, 0, strerror(errno));
        w->st->skipped++;
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        char *full;
        if (e->d_name[0] == '.' || !collected(e->d_name))
            continue;
        if (n == cap) {
            char **nn = realloc(names, (cap ? cap * 2 : 64) * sizeof *nn);
            if (!nn)
                break;
            names = nn;
            cap = cap ? cap * 2 : 64;
        }
        full = malloc(len);
        if (!full)
            break;
        snprintf(full, len, "%s%s%s", path,
                 ends_with(path, "/") ? "" : "/", e->d_name);
        names[n++] = full;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        if (!rc)
            rc = walk_path(w, names[i], depth + 1);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int walk_path(walk *w, const char *path, int depth)
{
    struct stat st;
    char *buf;
    size_t n;
    int e, rc;
    if (stat(path, &st) != 0) {
        warn(path, 0, strerror(errno));
        w->st->skipped++;
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth >= MAX_DEPTH) {
            warn(path, 0, "too deep, skipped");
            w->st->skipped++;
            return 0;
        }
        return walk_dir(w, path, depth);
    }
    if (ends_with(path, ".zip"))
        return zip_articles(w, path);
    e = cli_read_all(path, &buf, &n);
    if (e != 0) {
        warn(path, 0, strerror(e));
        w->st->skipped++;
        return 0;
    }
    w->st->files++;
    rc = buffer_articles(w, path, buf, n);
    free(buf);
    return rc;
}

int sources_walk(const char *path, article_fn fn, void *ctx,
                 source_stats *st)
{
    walk w;
    w.fn = fn;
    w.ctx = ctx;
    w.st = st;
    return walk_path(&w, path, 0);
}
