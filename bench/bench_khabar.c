/*
 * bench_khabar.c - khabar's own throughput on a corpus: normalize+tokenize
 * (the token stage, which normalizes every token), the sentence stage on top,
 * and whole-text normalization. Prints "name MB/s tokens" lines for
 * bench/run.sh.
 *
 * usage: bench_khabar CORPUS [REPEAT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "khabar.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Runs the stages over the text in chunks of about 1 MB cut at line breaks,
 * as the CLI does; returns the best MB/s of repeat runs. */
static double run(const khabar_model *m, const char *text, size_t len,
                  unsigned stages, int repeat, size_t *tokens)
{
    double best = 0;
    int r;
    for (r = 0; r < repeat; r++) {
        size_t pos = 0, ntok = 0;
        double t0 = now(), dt;
        while (pos < len) {
            size_t end = pos + (1u << 20);
            khabar_options o = {0, 0, 0};
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
            khabar_doc_free(d);
            pos = end;
        }
        dt = now() - t0;
        if ((double)len / 1e6 / dt > best)
            best = (double)len / 1e6 / dt;
        *tokens = ntok;
    }
    return best;
}

int main(int argc, char **argv)
{
    size_t len, ntok;
    double mbs;
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    char *text;
    khabar_model *m;
    if (argc < 2) {
        fprintf(stderr, "usage: bench_khabar CORPUS [REPEAT]\n");
        return 2;
    }
    text = slurp(argv[1], &len);
    if (!text) {
        fprintf(stderr, "bench_khabar: cannot read %s\n", argv[1]);
        return 1;
    }
    m = khabar_model_new(NULL);
    /* run() sets ntok: call it before printf reads ntok (the order in which
     * a call's arguments are evaluated is unspecified). */
    mbs = run(m, text, len, KHABAR_STAGE_TOKENS, repeat, &ntok);
    printf("khabar-normalize+tokenize %.1f %zu\n", mbs, ntok);
    mbs = run(m, text, len, KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES,
              repeat, &ntok);
    printf("khabar-tokens+sentences %.1f %zu\n", mbs, ntok);
    mbs = run(m, text, len, KHABAR_STAGE_NORMTEXT, repeat, &ntok);
    printf("khabar-normalize-text %.1f %zu\n", mbs, ntok);
    khabar_model_free(m);
    free(text);
    return 0;
}
