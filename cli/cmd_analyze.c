/*
 * cmd_analyze.c - `khabar analyze`: the main job. Each input is one
 * document (an article), analyzed whole with every stage and written as a
 * report (text), one JSON object (json; an array of them for several
 * inputs), one JSON line (jsonl) or an HTML page (html).
 *
 * With -j N, N threads analyze documents while the main thread writes the
 * finished ones in input order; a thread starts a document only when fewer
 * than 4N are waiting to be written, so memory stays bounded on batches of
 * any length.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "usage: khabar analyze [options] [FILE...]\n"
    "\n"
    "Analyzes each FILE (standard input when there is none, or for -) as one\n"
    "news article: glued words repaired, the people, places and\n"
    "organizations it names grouped by who or what they are, its dates\n"
    "resolved to calendar values, its quotes and who said them, its\n"
    "keywords and a short summary.\n"
    "\n"
    "  -f, --format FORMAT   text (default): a report; json: one object (an\n"
    "                        array of them for several files); jsonl: one\n"
    "                        object a line, a line per file; html: a page\n"
    "                        with the article and its marks (one file)\n"
    "      --date YYYY-MM-DD the publication date relative dates (أمس, الشهر\n"
    "                        القادم) resolve against; without it, the first\n"
    "                        full date the article states, else today\n"
    "      --summary N       sentences in the summary (default 3)\n"
    "  -j, --jobs N          analyze N files at a time (output keeps the\n"
    "                        order of the files)\n"
    "      --model DIR       load the model from DIR\n"
    "      --strict          invalid UTF-8 or NUL bytes are an error\n"
    "  -h, --help            this help\n"
    "\n"
    "The json schema is docs/json.md; offsets are bytes of each input.\n";

/* The most bytes one document may have (the library's limit). */

typedef struct out_buf {
    char *data;
    size_t len, cap;
    int failed;
} out_buf;

static int out_write(void *ctx, const char *data, size_t len)
{
    out_buf *b = ctx;
    if (b->len + len > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        char *d;
        while (cap < b->len + len)
            cap *= 2;
        d = realloc(b->data, cap);
        if (!d) {
            b->failed = 1;
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

/* One document's result, written by a worker, read by the main thread. */
typedef struct result {
    out_buf out;
    char msg[256];   /* a one-line error or warning, or "" */
    int rc;          /* exit code */
    int done;
} result;

typedef struct batch {
    const cli_opts *o;
    const khabar_model *model;
    result *res;
    int n, next, written, window;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} batch;

static void analyze_one(const batch *b, int i, result *r)
{
    const cli_opts *o = b->o;
    const char *path = o->nfiles ? o->files[i] : "-";
    const char *name = strcmp(path, "-") ? path : "standard input";
    khabar_options ao;
    khabar_write_opts wo;
    khabar_error err;
    khabar_doc *doc;
    char *text = NULL;
    size_t len = 0;
    int e = cli_read_all(path, &text, &len);
    if (e) {
        snprintf(r->msg, sizeof r->msg, "%s: %s", name,
                 e == EFBIG ? "larger than 4 GiB" : strerror(e));
        r->rc = EXIT_INPUT;
        return;
    }
    memset(&ao, 0, sizeof ao);
    ao.date = o->date;
    ao.summary = o->summary;
    ao.norm = o->norm;
    doc = khabar_analyze_opts(b->model, text, len, &ao, &err);
    if (!doc) {
        snprintf(r->msg, sizeof r->msg, "%s: %s", name,
                 err.msg ? err.msg : khabar_strerror(err.code));
        r->rc = EXIT_INPUT;
        free(text);
        return;
    }
    if (khabar_doc_diag_count(doc)) {
        snprintf(r->msg, sizeof r->msg,
                 "%s: %s%zu invalid UTF-8 sequence(s) or NUL byte(s) "
                 "replaced by U+FFFD, the first at byte %zu",
                 name, o->strict ? "" : "warning: ", khabar_doc_diag_count(doc),
                 khabar_doc_diags(doc)[0].start);
        if (o->strict) {
            r->rc = EXIT_INPUT;
            khabar_doc_free(doc);
            free(text);
            return;
        }
    }
    memset(&wo, 0, sizeof wo);
    wo.view = KHABAR_VIEW_ANALYSIS;
    wo.format = o->format;
    if (khabar_doc_write(doc, &wo, out_write, &r->out, &err) != KHABAR_OK) {
        snprintf(r->msg, sizeof r->msg, "%s: %s", name,
                 r->out.failed ? "out of memory" : err.msg);
        r->rc = EXIT_INPUT;
    }
    khabar_doc_free(doc);
    free(text);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        int i;
        pthread_mutex_lock(&b->lock);
        while (b->next < b->n && b->next >= b->written + b->window)
            pthread_cond_wait(&b->changed, &b->lock);
        i = b->next < b->n ? b->next++ : -1;
        pthread_mutex_unlock(&b->lock);
        if (i < 0)
            return NULL;
        analyze_one(b, i, &b->res[i]);
        pthread_mutex_lock(&b->lock);
        b->res[i].done = 1;
        pthread_cond_broadcast(&b->changed);
        pthread_mutex_unlock(&b->lock);
    }
}

/* Writes result i (in order) and frees its output; returns its code. */
static int emit(const batch *b, int i, int *first)
{
    result *r = &b->res[i];
    int rc = r->rc;
    if (r->msg[0])
        fprintf(stderr, "%s: %s\n", kh_prog, r->msg);
    if (r->out.len) {
        if (b->o->format == KHABAR_FORMAT_JSON && b->n > 1)
            fputs(*first ? "[\n" : ",\n", stdout);
        *first = 0;
        if (fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len)
            rc = -1;
    }
    free(r->out.data);
    memset(&r->out, 0, sizeof r->out);
    return rc;
}

int cmd_analyze(int argc, char **argv)
{
    cli_opts o;
    batch b;
    khabar_error err;
    khabar_model *model;
    pthread_t th[256];
    int rc = cli_parse(argc, argv, &o, usage), i, first = 1, n_threads;
    if (rc)
        return rc < 0 ? 0 : rc;
    if (o.format == KHABAR_FORMAT_CONLLU) {
        cli_error("analyze", "conllu is the format of `khabar conllu`");
        free(o.files);
        return EXIT_USAGE;
    }
    if (o.format == KHABAR_FORMAT_HTML && o.nfiles > 1) {
        cli_error("analyze", "html makes one page: give one file");
        free(o.files);
        return EXIT_USAGE;
    }
    model = khabar_model_load(o.model_dir, &err);
    if (!model) {
        cli_error(o.model_dir ? o.model_dir : "model", err.msg);
        free(o.files);
        return EXIT_INPUT;
    }
    memset(&b, 0, sizeof b);
    b.o = &o;
    b.model = model;
    b.n = o.nfiles ? o.nfiles : 1;
    n_threads = o.jobs > 1 ? (o.jobs < b.n ? o.jobs : b.n) : 1;
    b.window = 4 * n_threads;
    b.res = calloc((size_t)b.n, sizeof *b.res);
    if (!b.res) {
        cli_error(NULL, "out of memory");
        khabar_model_free(model);
        free(o.files);
        return EXIT_INPUT;
    }
    rc = 0;
    if (n_threads == 1) {
        for (i = 0; i < b.n; i++) {
            int r;
            analyze_one(&b, i, &b.res[i]);
            r = emit(&b, i, &first);
            if (r && !rc)
                rc = r;
        }
    } else {
        int started = 0;
        pthread_mutex_init(&b.lock, NULL);
        pthread_cond_init(&b.changed, NULL);
        for (i = 0; i < n_threads; i++) {
            if (pthread_create(&th[i], NULL, worker, &b) != 0)
                break;
            started++;
        }
        if (started == 0)
            worker(&b); /* no thread: do the work here */
        for (i = 0; i < b.n; i++) {
            int r;
            pthread_mutex_lock(&b.lock);
            while (!b.res[i].done)
                pthread_cond_wait(&b.changed, &b.lock);
            pthread_mutex_unlock(&b.lock);
            r = emit(&b, i, &first);
            if (r && !rc)
                rc = r;
            pthread_mutex_lock(&b.lock);
            b.written = i + 1;
            pthread_cond_broadcast(&b.changed);
            pthread_mutex_unlock(&b.lock);
        }
        for (i = 0; i < started; i++)
            pthread_join(th[i], NULL);
        pthread_mutex_destroy(&b.lock);
        pthread_cond_destroy(&b.changed);
    }
    if (o.format == KHABAR_FORMAT_JSON && b.n > 1 && !first)
        fputs("]\n", stdout);
    if (fflush(stdout) != 0 || rc < 0) {
        cli_error("standard output", "write error");
        rc = EXIT_INPUT;
    }
    free(b.res);
    khabar_model_free(model);
    free(o.files);
    return rc;
}
