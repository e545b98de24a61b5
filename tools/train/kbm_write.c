/* kbm_write.c - writing model files (see kbm_write.h). */
#include "kbm_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/container.h"

static void grow(buf *b, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data) {
            fprintf(stderr, "khabar-train: out of memory\n");
            exit(1);
        }
        b->cap = cap;
    }
}

void buf_put(buf *b, const void *p, size_t n)
{
    grow(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

void buf_u16(buf *b, uint16_t v)
{
    unsigned char x[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    buf_put(b, x, 2);
}

void buf_u32(buf *b, uint32_t v)
{
    unsigned char x[4];
    int i;
    for (i = 0; i < 4; i++)
        x[i] = (unsigned char)(v >> (8 * i));
    buf_put(b, x, 4);
}

void buf_u64(buf *b, uint64_t v)
{
    buf_u32(b, (uint32_t)v);
    buf_u32(b, (uint32_t)(v >> 32));
}

void buf_align(buf *b, size_t a)
{
    static const unsigned char zeros[16];
    if (b->len % a)
        buf_put(b, zeros, a - b->len % a);
}

void buf_free(buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int kbm_write(const char *path, const char *kind, const kbm_section *s, int n)
{
    buf out = {0};
    char tag[16], tmp[4096];
    size_t pos;
    int i;
    FILE *f;
    buf_put(&out, "KHBRMDL\0", 8);
    buf_u32(&out, 1);
    buf_u32(&out, (uint32_t)n);
    memset(tag, 0, 16);
    memcpy(tag, kind, strlen(kind) < 16 ? strlen(kind) : 16);
    buf_put(&out, tag, 16);
    pos = 32 + 40 * (size_t)n;
    for (i = 0; i < n; i++) {
        memset(tag, 0, 16);
        memcpy(tag, s[i].tag, strlen(s[i].tag) < 16 ? strlen(s[i].tag) : 16);
        buf_put(&out, tag, 16);
        buf_u64(&out, pos);
        buf_u64(&out, s[i].data.len);
        buf_u32(&out, kh_crc32(s[i].data.data, s[i].data.len));
        buf_u32(&out, 0);
        pos += s[i].data.len + (8 - s[i].data.len % 8) % 8;
    }
    for (i = 0; i < n; i++) {
        buf_put(&out, s[i].data.data, s[i].data.len);
        buf_align(&out, 8);
    }
    buf_u32(&out, kh_crc32(out.data, out.len));
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    f = fopen(tmp, "wb");
    if (!f || fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0) {
        buf_free(&out);
        remove(tmp);
        return -1;
    }
    buf_free(&out);
    return rename(tmp, path);
}
