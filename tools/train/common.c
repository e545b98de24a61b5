/* common.c - errors, files and the string counter of khabar-train. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "morph/lexicon.h"
#include "train.h"

void die(const char *msg)
{
    fprintf(stderr, "khabar-train: %s\n", msg);
    exit(1);
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f) {
        fprintf(stderr, "khabar-train: %s: cannot open\n", path);
        exit(1);
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "khabar-train: %s: cannot read\n", path);
        exit(1);
    }
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "khabar-train: %s: cannot read\n", path);
        exit(1);
    }
    fclose(f);
    buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

void strmap_init(strmap *m) { memset(m, 0, sizeof *m); }

static void strmap_grow(strmap *m)
{
    strmap bigger;
    size_t i;
    bigger.cap = m->cap ? 2 * m->cap : 1024;
    bigger.n = 0;
    bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
    bigger.lens = calloc(bigger.cap, sizeof *bigger.lens);
    bigger.counts = calloc(bigger.cap, sizeof *bigger.counts);
    if (!bigger.keys || !bigger.lens || !bigger.counts)
        die("out of memory");
    for (i = 0; i < m->cap; i++) {
        if (m->keys[i]) {
            size_t h = kh_lex_hash(m->keys[i], m->lens[i]) & (bigger.cap - 1);
            while (bigger.keys[h])
                h = (h + 1) & (bigger.cap - 1);
            bigger.keys[h] = m->keys[i];
            bigger.lens[h] = m->lens[i];
            bigger.counts[h] = m->counts[i];
            bigger.n++;
        }
    }
    free(m->keys);
    free(m->lens);
    free(m->counts);
    *m = bigger;
}

void strmap_add(strmap *m, const char *key, size_t len, uint64_t count)
{
    size_t h;
    if (2 * (m->n + 1) > m->cap)
        strmap_grow(m);
    h = kh_lex_hash(key, len) & (m->cap - 1);
    while (m->keys[h]) {
        if (m->lens[h] == len && memcmp(m->keys[h], key, len) == 0) {
            m->counts[h] += count;
            return;
        }
        h = (h + 1) & (m->cap - 1);
    }
    m->keys[h] = malloc(len + 1);
    if (!m->keys[h])
        die("out of memory");
    memcpy(m->keys[h], key, len);
    m->keys[h][len] = 0;
    m->lens[h] = len;
    m->counts[h] = count;
    m->n++;
}

uint64_t strmap_get(const strmap *m, const char *key, size_t len)
{
    size_t h;
    if (!m->cap)
        return 0;
    h = kh_lex_hash(key, len) & (m->cap - 1);
    while (m->keys[h]) {
        if (m->lens[h] == len && memcmp(m->keys[h], key, len) == 0)
            return m->counts[h];
        h = (h + 1) & (m->cap - 1);
    }
    return 0;
}

void strmap_free(strmap *m)
{
    size_t i;
    for (i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->counts);
    memset(m, 0, sizeof *m);
}

int form_by_count_then_key(const void *a, const void *b)
{
    const form_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return form_by_key(a, b);
}

int form_by_key(const void *a, const void *b)
{
    const form_count *x = a, *y = b;
    int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len < y->len ? -1 : x->len > y->len);
}

void shuffle(size_t *order, size_t n, uint64_t *seed)
{
    size_t j;
    for (j = n; j > 1; j--) {
        size_t r, tmp;
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        r = (size_t)(*seed % j);
        tmp = order[j - 1];
        order[j - 1] = order[r];
        order[r] = tmp;
    }
}
