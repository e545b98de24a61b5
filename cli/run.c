/*
 * run.c - the streaming loop of the text subcommands.
 *
 * Each input is read in chunks of about o->chunk bytes, cut after the last
 * line break in the buffer (else after the last white space, else at a
 * character boundary), so that memory stays flat on any input size. Each
 * chunk becomes one doc; its output carries offsets and sentence numbers
 * relative to the whole input.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct progress {
    int on;
    const char *name;
    uint64_t total;     /* 0 when unknown */
    uint64_t done;
    double started, last;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Inputs smaller than this finish before a bar would be worth drawing. */
#define PROGRESS_MIN ((uint64_t)16 << 20)

static void progress_start(progress *p, int mode, const char *name,
                           uint64_t total)
{
    memset(p, 0, sizeof *p);
    p->name = name;
    p->total = total;
    p->on = mode == 1 || (mode < 0 && isatty(2) &&
                          (total == 0 || total >= PROGRESS_MIN));
    p->started = p->last = now();
}

static void progress_step(progress *p, size_t n)
{
    double t;
    p->done += n;
    if (!p->on || (p->total == 0 && p->done < PROGRESS_MIN))
        return;
    t = now();
    if (t - p->last < 0.2)
        return;
    p->last = t;
    {
        double mb = (double)p->done / 1e6, rate = mb / (t - p->started + 1e-9);
        if (p->total) {
            int pct = (int)(100.0 * (double)p->done / (double)p->total), k;
            char bar[31];
            for (k = 0; k < 30; k++)
                bar[k] = k < pct * 30 / 100 ? '#' : '.';
            bar[30] = 0;
            fprintf(stderr, "\r%s: %s [%s] %3d%% %.0f MB/s", kh_prog, p->name,
                    bar, pct > 100 ? 100 : pct, rate);
        } else {
            fprintf(stderr, "\r%s: %s %.0f MB %.0f MB/s", kh_prog, p->name, mb,
                    rate);
        }
    }
}

static void progress_end(progress *p)
{
    if (p->on && p->last > p->started)
        fputs("\r\033[K", stderr);
}

typedef struct run_state {
    const cli_opts *o;
    const cli_job *job;
    const khabar_model *model;
    uint64_t offset;     /* of the chunk in the input */
    uint64_t sentences;  /* written so far */
    uint64_t invalid;    /* ill-formed units seen */
    uint64_t first_invalid;
    int have_first;
    int first_chunk;
} run_state;

/* Analyzes and writes one chunk; returns 0, or an exit code. */
static int run_chunk(run_state *st, const char *name, const char *buf,
                     size_t n)
{
    khabar_options ao;
    khabar_write_opts wo;
    khabar_error err;
    khabar_doc *doc;
    memset(&ao, 0, sizeof ao);
    ao.stages = st->job->stages;
    ao.norm = st->o->norm;
    ao.flags = st->o->fine ? KHABAR_ANALYZE_FINE : 0;
    doc = khabar_analyze_opts(st->model, buf, n, &ao, &err);
    if (!doc) {
        cli_error(name, err.msg);
        return EXIT_INPUT;
    }
    if (khabar_doc_diag_count(doc)) {
        if (!st->have_first) {
            st->first_invalid = st->offset + khabar_doc_diags(doc)[0].start;
            st->have_first = 1;
        }
        st->invalid += khabar_doc_diag_count(doc);
    } else if (khabar_doc_normalized(doc) &&
               khabar_doc_normalized(doc)->n_invalid) {
        st->invalid += khabar_doc_normalized(doc)->n_invalid;
    }
    memset(&wo, 0, sizeof wo);
    wo.view = st->job->view;
    wo.format = st->o->format;
    wo.offset_base = st->offset;
    wo.sentence_base = st->sentences;
    wo.flags = st->first_chunk ? KHABAR_WRITE_DOC_START : 0;
    if (khabar_doc_write(doc, &wo, khabar_write_stdio, stdout, &err) !=
        KHABAR_OK) {
        khabar_doc_free(doc);
        cli_error("standard output", "write error");
        return EXIT_INPUT;
    }
    st->sentences += khabar_doc_sentence_count(doc);
    st->offset += n;
    st->first_chunk = 0;
    khabar_doc_free(doc);
    return 0;
}

/* Streams one input (path "-" is standard input). Returns an exit code. */
static int run_file(const cli_opts *o, const cli_job *job,
                    const khabar_model *model, const char *path)
{
    const char *name = strcmp(path, "-") ? path : "standard input";
    int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
    struct stat st;
    size_t cap, len = 0, want, max;
    char *buf;
    int rc = 0, eof = 0;
    run_state rs;
    progress pg;
    if (fd < 0) {
        cli_error(name, strerror(errno));
        return EXIT_INPUT;
    }
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error(name, "is a directory");
        if (fd)
            close(fd);
        return EXIT_INPUT;
    }
    /* A chunk ends at a line break; a line longer than a chunk may grow
     * the buffer up to max bytes before it is cut inside the line. */
    max = o->chunk * 64;
    cap = o->chunk * 2 + 4;
    buf = malloc(cap);
    if (!buf) {
        cli_error(name, "out of memory");
        if (fd)
            close(fd);
        return EXIT_INPUT;
    }
    memset(&rs, 0, sizeof rs);
    rs.o = o;
    rs.job = job;
    rs.model = model;
    rs.first_chunk = 1;
    progress_start(&pg, o->progress, name,
                   S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0);
    want = o->chunk;
    while (!eof || len) {
        size_t cut;
        if (want + 4 > cap) {
            char *nb = realloc(buf, want * 2 + 4);
            if (!nb) {
                cli_error(name, "out of memory");
                rc = EXIT_INPUT;
                break;
            }
            buf = nb;
            cap = want * 2 + 4;
        }
        while (!eof && len < want) {
            ssize_t r = read(fd, buf + len, cap - len);
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                cli_error(name, strerror(errno));
                rc = EXIT_INPUT;
                eof = 1;
                break;
            }
            if (r == 0)
                eof = 1;
            len += (size_t)r;
        }
        if (rc || !len)
            break;
        if (eof) {
            cut = len;
        } else {
            /* The stream goes on past the buffer: cut in it. */
            cut = khabar_chunk_end(buf, SIZE_MAX, len);
            if (buf[cut - 1] != '\n' && len < max) {
                want = len * 2 < max ? len * 2 : max;
                continue;
            }
        }
        rc = run_chunk(&rs, name, buf, cut);
        if (rc)
            break;
        progress_step(&pg, cut);
        memmove(buf, buf + cut, len - cut);
        len -= cut;
        want = o->chunk;
    }
    progress_end(&pg);
    free(buf);
    if (fd)
        close(fd);
    if (fflush(stdout) != 0 && !rc) {
        cli_error("standard output", strerror(errno));
        rc = EXIT_INPUT;
    }
    if (rs.invalid && !rc) {
        char msg[200];
        int k = snprintf(msg, sizeof msg,
                         "%s%llu invalid UTF-8 sequence(s) or NUL byte(s) "
                         "replaced by U+FFFD",
                         o->strict ? "" : "warning: ",
                         (unsigned long long)rs.invalid);
        if (rs.have_first && k > 0 && (size_t)k < sizeof msg)
            snprintf(msg + k, sizeof msg - (size_t)k, ", the first at byte %llu",
                     (unsigned long long)rs.first_invalid);
        cli_error(name, msg);
        if (o->strict)
            rc = EXIT_INPUT;
    }
    return rc;
}

int cli_run(const cli_opts *o, const cli_job *job)
{
    khabar_error err;
    khabar_model *model;
    int i, rc = 0;
    if (o->format == KHABAR_FORMAT_JSON || o->format == KHABAR_FORMAT_HTML) {
        fprintf(stderr, "%s: %s: json and html are the formats of "
                        "`khabar analyze`; use jsonl\n", kh_prog, job->name);
        free(o->files);
        return EXIT_USAGE;
    }
    if (o->format == KHABAR_FORMAT_CONLLU && !job->conllu_ok) {
        fprintf(stderr, "%s: %s: conllu output is not available\n", kh_prog,
                job->name);
        free(o->files);
        return EXIT_USAGE;
    }
    model = khabar_model_load(o->model_dir, &err);
    if (!model) {
        cli_error(o->model_dir ? o->model_dir : "model", err.msg);
        free(o->files);
        return EXIT_INPUT;
    }
    if (o->nfiles == 0) {
        rc = run_file(o, job, model, "-");
    } else {
        for (i = 0; i < o->nfiles; i++) {
            int r = run_file(o, job, model, o->files[i]);
            if (r && !rc)
                rc = r;
        }
    }
    khabar_model_free(model);
    free(o->files);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Pre-tokenized input                                                      */
/* ------------------------------------------------------------------------ */

/* Reads ANERcorp-style lines from f and analyzes them in docs of about
 * o->chunk bytes: each token line gives its first field, sentences become
 * lines of tokens joined by spaces (KHABAR_ANALYZE_PRETOKENIZED). */
static int run_pretokenized_file(const cli_opts *o, const cli_job *job,
                                 const khabar_model *model, const char *path)
{
    const char *name = strcmp(path, "-") ? path : "standard input";
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    char *line = NULL, *buf = NULL;
    size_t cap = 0, len = 0, bcap = 0, sentences = 0;
    ssize_t r;
    int rc = 0, in_sentence = 0;
    struct stat st;
    if (!f) {
        cli_error(name, strerror(errno));
        return EXIT_INPUT;
    }
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error(name, "is a directory");
        if (f != stdin)
            fclose(f);
        return EXIT_INPUT;
    }
    for (;;) {
        size_t n;
        int flush;
        r = getline(&line, &cap, f);
        flush = r < 0;
        if (r >= 0) {
            char *sp;
            n = (size_t)r;
            while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
            line[n] = 0;
            sp = strpbrk(line, " \t");
            if (sp)
                n = (size_t)(sp - line);
            if (len + n + 2 > bcap) {
                char *nb;
                bcap = (len + n + 2) * 2;
                nb = realloc(buf, bcap);
                if (!nb) {
                    cli_error(name, "out of memory");
                    rc = EXIT_INPUT;
                    break;
                }
                buf = nb;
            }
            if (n == 0) {
                if (in_sentence) {
                    buf[len++] = '\n';
                    sentences++;
                    in_sentence = 0;
                    flush = len >= o->chunk;
                }
            } else {
                if (in_sentence)
                    buf[len++] = ' ';
                memcpy(buf + len, line, n);
                len += n;
                in_sentence = 1;
            }
        }
        if (flush && len) {
            khabar_options ao;
            khabar_write_opts wo;
            khabar_error err;
            khabar_doc *doc;
            memset(&ao, 0, sizeof ao);
            ao.stages = job->stages;
            ao.flags = KHABAR_ANALYZE_PRETOKENIZED;
            doc = khabar_analyze_opts(model, buf, len, &ao, &err);
            if (!doc) {
                cli_error(name, err.msg);
                rc = EXIT_INPUT;
                break;
            }
            memset(&wo, 0, sizeof wo);
            wo.view = job->view;
            wo.format = o->format;
            if (khabar_doc_write(doc, &wo, khabar_write_stdio, stdout, &err) !=
                KHABAR_OK) {
                khabar_doc_free(doc);
                cli_error("standard output", "write error");
                rc = EXIT_INPUT;
                break;
            }
            khabar_doc_free(doc);
            len = 0;
            in_sentence = 0;
        }
        if (r < 0)
            break;
    }
    if (ferror(f) && !rc) {
        cli_error(name, "read error");
        rc = EXIT_INPUT;
    }
    (void)sentences;
    free(line);
    free(buf);
    if (f != stdin)
        fclose(f);
    if (fflush(stdout) != 0 && !rc) {
        cli_error("standard output", strerror(errno));
        rc = EXIT_INPUT;
    }
    return rc;
}

int cli_run_pretokenized(const cli_opts *o, const cli_job *job)
{
    khabar_error err;
    khabar_model *model = khabar_model_load(o->model_dir, &err);
    int i, rc = 0;
    if (!model) {
        cli_error(o->model_dir ? o->model_dir : "model", err.msg);
        free(o->files);
        return EXIT_INPUT;
    }
    if (o->nfiles == 0) {
        rc = run_pretokenized_file(o, job, model, "-");
    } else {
        for (i = 0; i < o->nfiles; i++) {
            int r = run_pretokenized_file(o, job, model, o->files[i]);
            if (r && !rc)
                rc = r;
        }
    }
    khabar_model_free(model);
    free(o->files);
    return rc;
}
