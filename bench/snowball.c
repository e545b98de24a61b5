/*
 * snowball.c - the Snowball Arabic stemmer (libstemmer) as a peer for
 * bench/run.sh: split the corpus into words (runs of ASCII letters and digits
 * and of bytes >= 0x80; every other byte separates), stem each word. Prints
 * "name MB/s tokens", the best of REPEAT runs.
 *
 * usage: snowball CORPUS [REPEAT]   (REPEAT default 3)
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <libstemmer.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int is_word(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') ||
           ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    struct sb_stemmer *st = sb_stemmer_new("arabic", "UTF_8");
    unsigned char *text = NULL;
    size_t len = 0, ntok = 0;
    double best = 0;
    long n = 0;
    int r, repeat = argc > 2 && atoi(argv[2]) > 0 ? atoi(argv[2]) : 3;
    int ok = f && st && fseek(f, 0, SEEK_END) == 0 &&
                (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0;
    if (ok)
        ok = (text = malloc((size_t)n + 1)) != NULL &&
             (len = fread(text, 1, (size_t)n, f)) == (size_t)n;
    if (f)
        fclose(f);
    for (r = 0; ok && r < repeat; r++) {
        size_t i = 0, s;
        double t0 = now(), dt;
        for (ntok = 0; i < len; ntok++) {
            while (i < len && !is_word(text[i]))
                i++;
            if (i == len)
                break;
            for (s = i; i < len && is_word(text[i]); i++)
                ;
            if (!sb_stemmer_stem(st, text + s, (int)(i - s)))
                ok = 0;
        }
        dt = now() - t0;
        if ((double)len / 1e6 / dt > best)
            best = (double)len / 1e6 / dt;
    }
    if (ok)
        printf("snowball-arabic-tokenize+stem %.1f %zu\n", best, ntok);
    else
        fprintf(stderr, "usage: snowball CORPUS [REPEAT] (a readable file; "
                        "a libstemmer with arabic)\n");
    free(text);
    if (st)
        sb_stemmer_delete(st);
    return ok ? 0 : 1;
}
