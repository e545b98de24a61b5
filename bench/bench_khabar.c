/*
 * bench_khabar.c - khabar's own figures on a corpus, for bench/run.sh.
 *
 * usage: bench_khabar CORPUS [REPEAT]   (REPEAT default 3)
 *
 * Prints one line per figure. Throughput lines are "NAME MB/s TOKENS",
 * optionally followed by KEY=VALUE fields; other lines are "NAME" followed
 * by KEY=VALUE fields only. 1 MB = 10^6 bytes; rates are the best of REPEAT
 * runs; every run is single-threaded.
 *
 *   khabar-normalize+tokenize MB/s TOKENS
 *       the token stage (it normalizes every token), 1 MB chunks
 *   khabar-tokens+sentences MB/s TOKENS
 *       the sentence stage on top, 1 MB chunks
 *   khabar-normalize-text MB/s 0
 *       whole-text normalization (stage NORMTEXT), 1 MB chunks
 *   khabar-tokens+words MB/s TOKENS words=N tokens/s=R words/s=R chunk=B
 *       stages TOKENS|WORDS: clitic segmentation, with a search stem, lemma
 *       and root for every word, in chunks of about B = 256 KB cut at line
 *       breaks as the CLI cuts them. N counts words (segments: every token
 *       is at least one word); the rates are per second of the best run.
 *   khabar-model-load ms=MEDIAN first_ms=T min_ms=T max_ms=T n=20
 *       khabar_model_new() + khabar_model_free(), timed one pair at a time:
 *       the median of 20 pairs, after a first pair (first_ms) that also
 *       takes the page faults of the compiled-in model images.
 *   khabar-words-peak-rss kb=K model_kb=K start_kb=K chunk=B words=N
 *   khabar-analyze-peak-rss (the same fields)
 *       peak resident memory (getrusage ru_maxrss, KiB) of a child process
 *       forked before anything is allocated, that loads the default model
 *       and runs the words stage over the whole corpus, read from the file
 *       in chunks of about B = 256 KB (read(2), cut after the last line
 *       break) as the CLI reads it - one doc alive at a time. start_kb is
 *       its peak at start (the program and libc), model_kb after
 *       khabar_model_new(); kb at the end. The corpus is never held whole
 *       in that process, so kb is what a CLI run over any input size needs.
 *       The second line: the same with every stage, every default model in
 *       use.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "khabar.h"

#define BIG_CHUNK ((size_t)1 << 20)   /* text-layer lines */
#define ARTICLE_CHUNK 8192
#define CLI_CHUNK ((size_t)1 << 18)   /* the CLI's default --chunk-size */
#define LOAD_RUNS 20

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
    fclose(f);
    if (buf)
        *len = (size_t)n;
    return buf;
}

static long maxrss_kb(int who)
{
    struct rusage ru;
    if (getrusage(who, &ru) != 0)
        return -1;
    return ru.ru_maxrss; /* KiB on Linux */
}

typedef struct result {
    double mbs, secs;      /* best run */
    size_t tokens, words;  /* of the last run (all runs give the same) */
} result;

/* Runs the stages over the text in chunks of about `chunk` bytes cut after
 * a line break (as the CLI cuts them); returns the best of repeat runs. */
static result run(const khabar_model *m, const char *text, size_t len,
                  unsigned stages, size_t chunk, int repeat)
{
    result res = {0, 0, 0, 0};
    int r;
    for (r = 0; r < repeat; r++) {
        size_t pos = 0, ntok = 0, nwords = 0;
        double t0 = now(), dt;
        while (pos < len) {
            size_t end = pos + chunk;
            khabar_options o = {0};
            khabar_doc *d;
            if (end >= len) {
                end = len;
            } else {
                while (end < len && text[end - 1] != '\n')
                    end++;
            }
            o.stages = stages;
            d = khabar_analyze_opts(m, text + pos, end - pos, &o, NULL);
            if (!d) {
                fprintf(stderr, "bench_khabar: analysis failed\n");
                exit(1);
            }
            ntok += khabar_doc_token_count(d);
            nwords += khabar_doc_word_count(d);
            khabar_doc_free(d);
            pos = end;
        }
        dt = now() - t0;
        if (res.secs == 0 || dt < res.secs) {
            res.secs = dt;
            res.mbs = (double)len / 1e6 / dt;
        }
        res.tokens = ntok;
        res.words = nwords;
    }
    return res;
}

/* ------------------------------------------------------------------------ */
/* Peak memory: a child that streams the corpus as the CLI does             */
/* ------------------------------------------------------------------------ */

/* The child's work: load the model, read path in chunks of about CLI_CHUNK
 * bytes cut after the last line break (a buffer without one is cut whole,
 * at a character boundary), run the stages on each (TOKENS|WORDS, or 0:
 * all), print the line named name. */
static int rss_child(const char *path, unsigned stages, const char *name)
{
    long start_kb = maxrss_kb(RUSAGE_SELF), model_kb;
    size_t cap = CLI_CHUNK * 2 + 4, len = 0, nwords = 0;
    char *buf = malloc(cap);
    int fd = open(path, O_RDONLY), eof = 0;
    khabar_model *m = khabar_model_new(NULL);
    khabar_options o = {.stages = stages};
    model_kb = maxrss_kb(RUSAGE_SELF);
    if (!buf || fd < 0 || !m)
        return 1;
    while (!eof || len) {
        size_t cut;
        khabar_doc *d;
        while (!eof && len < CLI_CHUNK) {
            ssize_t r = read(fd, buf + len, cap - len);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                eof = 1;
            else
                len += (size_t)r;
        }
        if (!len)
            break;
        cut = len;
        if (!eof) {
            while (cut > 0 && buf[cut - 1] != '\n')
                cut--;
            if (!cut) {
                cut = len;
                while (cut > len - 4 && ((unsigned char)buf[cut] & 0xC0) == 0x80)
                    cut--;
            }
        }
        d = khabar_analyze_opts(m, buf, cut, &o, NULL);
        if (!d)
            return 1;
        nwords += khabar_doc_word_count(d);
        khabar_doc_free(d);
        memmove(buf, buf + cut, len - cut);
        len -= cut;
    }
    close(fd);
    khabar_model_free(m);
    free(buf);
    printf("%s kb=%ld model_kb=%ld start_kb=%ld chunk=%zu words=%zu\n", name,
           maxrss_kb(RUSAGE_SELF), model_kb, start_kb, CLI_CHUNK, nwords);
    return fflush(stdout) != 0;
}

/* Forks the child and waits for it; returns 0 when it succeeded. */
static int peak_rss(const char *path, unsigned stages, const char *name)
{
    pid_t pid;
    int status;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        perror("bench_khabar: fork");
        return 1;
    }
    if (pid == 0)
        _exit(rss_child(path, stages, name));
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            perror("bench_khabar: waitpid");
            return 1;
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_khabar: the peak-memory child failed\n");
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Model load                                                               */
/* ------------------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int model_load(void)
{
    double t[LOAD_RUNS], first = 0, t0;
    int i;
    for (i = -1; i < LOAD_RUNS; i++) {
        khabar_model *m;
        t0 = now();
        m = khabar_model_new(NULL);
        khabar_model_free(m);
        if (!m) {
            fprintf(stderr, "bench_khabar: khabar_model_new failed\n");
            return 1;
        }
        if (i < 0)
            first = (now() - t0) * 1e3;
        else
            t[i] = (now() - t0) * 1e3;
    }
    qsort(t, LOAD_RUNS, sizeof t[0], cmp_double);
    printf("khabar-model-load ms=%.3f first_ms=%.3f min_ms=%.3f max_ms=%.3f "
           "n=%d\n",
           (t[LOAD_RUNS / 2 - 1] + t[LOAD_RUNS / 2]) / 2, first, t[0],
           t[LOAD_RUNS - 1], LOAD_RUNS);
    return 0;
}

int main(int argc, char **argv)
{
    size_t len;
    result res;
    int repeat = argc > 2 ? atoi(argv[2]) : 3, rc = 0;
    char *text;
    khabar_model *m;
    if (argc < 2 || repeat < 1) {
        fprintf(stderr, "usage: bench_khabar CORPUS [REPEAT]\n");
        return 2;
    }
    /* First, while this process is small: the child inherits nothing big. */
    rc |= peak_rss(argv[1], KHABAR_STAGE_TOKENS | KHABAR_STAGE_WORDS,
                   "khabar-words-peak-rss");
    rc |= peak_rss(argv[1], 0, "khabar-analyze-peak-rss");
    text = slurp(argv[1], &len);
    if (!text) {
        fprintf(stderr, "bench_khabar: cannot read %s\n", argv[1]);
        return 1;
    }
    rc |= model_load();
    m = khabar_model_new(NULL);
    if (!m) {
        fprintf(stderr, "bench_khabar: khabar_model_new failed\n");
        return 1;
    }
    res = run(m, text, len, KHABAR_STAGE_TOKENS, BIG_CHUNK, repeat);
    printf("khabar-normalize+tokenize %.1f %zu\n", res.mbs, res.tokens);
    res = run(m, text, len, KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES,
              BIG_CHUNK, repeat);
    printf("khabar-tokens+sentences %.1f %zu\n", res.mbs, res.tokens);
    res = run(m, text, len, KHABAR_STAGE_NORMTEXT, BIG_CHUNK, repeat);
    printf("khabar-normalize-text %.1f %zu\n", res.mbs, res.tokens);
    res = run(m, text, len, KHABAR_STAGE_TOKENS | KHABAR_STAGE_WORDS,
              CLI_CHUNK, repeat);
    printf("khabar-tokens+words %.1f %zu words=%zu tokens/s=%.0f words/s=%.0f "
           "chunk=%zu\n",
           res.mbs, res.tokens, res.words, (double)res.tokens / res.secs,
           (double)res.words / res.secs, CLI_CHUNK);
    /* The taggers and the whole analysis, a doc per article-sized chunk
     * (about 8 KB: a news article and a half). */
    res = run(m, text, len,
              KHABAR_STAGE_WORDS | KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS |
                  KHABAR_STAGE_ENTITIES,
              ARTICLE_CHUNK, repeat);
    printf("khabar-taggers %.1f %zu words=%zu words/s=%.0f chunk=%d\n",
           res.mbs, res.tokens, res.words, (double)res.words / res.secs,
           ARTICLE_CHUNK);
    /* The same without the taggers: what the two cost is the difference
     * (each time the best of the runs). */
    {
        result base = run(m, text, len,
                          KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES |
                              KHABAR_STAGE_WORDS | KHABAR_STAGE_REPAIRS,
                          ARTICLE_CHUNK, repeat);
        double dt = res.secs - base.secs;
        printf("khabar-pos+ner words/s=%.0f secs=%.3f base_secs=%.3f\n",
               dt > 0 ? (double)res.words / dt : 0.0, dt, base.secs);
    }
    res = run(m, text, len, 0, ARTICLE_CHUNK, repeat);
    printf("khabar-analyze %.1f %zu words=%zu words/s=%.0f chunk=%d\n",
           res.mbs, res.tokens, res.words, (double)res.words / res.secs,
           ARTICLE_CHUNK);
    khabar_model_free(m);
    free(text);
    return rc;
}
