/* helpers.c - buffers, writing into them, and rebuilding text from the
 * CoNLL-U the writer produces. */
#include <stdlib.h>

#include "test.h"

int t_buf_write(void *ctx, const char *data, size_t len)
{
    t_buf *b = ctx;
    if (b->fail_after > 0 && --b->fail_after == 0)
        return -1;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *d;
        while (cap < b->len + len + 1)
            cap *= 2;
        d = realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
    return 0;
}

void t_buf_free(t_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

khabar_code t_write(const khabar_doc *d, khabar_view view, khabar_format f,
                    t_buf *out)
{
    khabar_write_opts o;
    memset(out, 0, sizeof *out);
    memset(&o, 0, sizeof o);
    o.view = view;
    o.format = f;
    t_buf_write(out, "", 0);
    return khabar_doc_write(d, &o, t_buf_write, out, NULL);
}

/* Appends MISC value v[0..n) unescaped (\s \t \r \n \p \\). */
static void unescape(t_buf *out, const char *v, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        char c = v[i];
        if (c == '\\' && i + 1 < n) {
            switch (v[++i]) {
            case 's': c = ' '; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'n': c = '\n'; break;
            case 'p': c = '|'; break;
            default: c = v[i]; break;
            }
        }
        t_buf_write(out, &c, 1);
    }
}

/* Finds key=value in a MISC field; returns the value's length or -1. */
static long misc_get(const char *misc, size_t n, const char *key,
                     const char **val)
{
    size_t klen = strlen(key), i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && misc[j] != '|')
            j++;
        if (j - i > klen && !memcmp(misc + i, key, klen) &&
            misc[i + klen] == '=') {
            *val = misc + i + klen + 1;
            return (long)(j - i - klen - 1);
        }
        i = j + 1;
    }
    return -1;
}

int t_conllu_rebuild(const char *s, size_t len, t_buf *out)
{
    size_t i = 0;
    memset(out, 0, sizeof *out);
    t_buf_write(out, "", 0);
    while (i < len) {
        const char *line = s + i, *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        const char *col[10];
        size_t clen[10], c = 0, k = 0, start = 0;
        i += n + 1;
        if (n == 0 || line[0] == '#')
            continue;
        for (k = 0; k <= n && c < 10; k++) {
            if (k == n || line[k] == '\t') {
                col[c] = line + start;
                clen[c++] = k - start;
                start = k + 1;
            }
        }
        if (c != 10)
            return -1;
        {
            const char *v;
            long vl = misc_get(col[9], clen[9], "SpacesBefore", &v);
            if (vl >= 0)
                unescape(out, v, (size_t)vl);
            t_buf_write(out, col[1], clen[1]);
            if (misc_get(col[9], clen[9], "SpaceAfter", &v) == 2 &&
                !memcmp(v, "No", 2))
                continue;
            vl = misc_get(col[9], clen[9], "SpacesAfter", &v);
            if (vl >= 0)
                unescape(out, v, (size_t)vl);
            else
                t_buf_write(out, " ", 1);
        }
    }
    return 0;
}

unsigned char *t_read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *b;
    long len;
    *n = 0;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b)
        *n = (size_t)len;
    return b;
}
