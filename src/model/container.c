/*
 * container.c - validating and reading model files (see container.h and
 * docs/model-format.md).
 */
#include "container.h"

#include <string.h>

#include "../core/error.h"

static const char kMagic[8] = {'K', 'H', 'B', 'R', 'M', 'D', 'L', 0};

uint32_t kh_crc32(const void *data, size_t n)
{
    /* The table is built on the stack: 256 entries cost less than the
     * bytes of any model, and the library keeps no mutable global state. */
    uint32_t table[256], crc = 0xFFFFFFFFu;
    const uint8_t *p = data;
    unsigned i, k;
    for (i = 0; i < 256; i++) {
        uint32_t c = i;
        for (k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    while (n--)
        crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* A NUL-padded tag of 16 bytes: printable ASCII then NULs only. */
static int read_tag(const uint8_t *p, char out[KH_KBM_TAG + 1])
{
    int i, end = 0;
    for (i = 0; i < KH_KBM_TAG; i++) {
        if (p[i] == 0) {
            end = 1;
        } else if (end || p[i] < 0x21 || p[i] > 0x7E) {
            return -1;
        }
        out[i] = (char)p[i];
    }
    out[KH_KBM_TAG] = 0;
    return out[0] ? 0 : -1;
}

static int little_endian(void)
{
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

static int all_zero(const uint8_t *p, size_t n)
{
    while (n--) {
        if (*p++)
            return 0;
    }
    return 1;
}

static khabar_code open_image(kh_container *c, const void *bytes, size_t len,
                              const char *kind, int check_crc,
                              khabar_error *err);

khabar_code kh_container_open(kh_container *c, const void *bytes, size_t len,
                              const char *kind, khabar_error *err)
{
    return open_image(c, bytes, len, kind, 1, err);
}

khabar_code kh_container_open_trusted(kh_container *c, const void *bytes,
                                      size_t len, const char *kind,
                                      khabar_error *err)
{
    return open_image(c, bytes, len, kind, 0, err);
}

static khabar_code open_image(kh_container *c, const void *bytes, size_t len,
                              const char *kind, int check_crc,
                              khabar_error *err)
{
    const uint8_t *b = bytes;
    size_t table_end, pos, i, j;
    uint32_t version, n;
    memset(c, 0, sizeof *c);
    if (!little_endian())
        return kh_fail(err, KHABAR_EMODEL,
                       "model files need a little-endian machine", 0);
    if (!b || len < 32 + 40 + 4 || ((uintptr_t)b & 7))
        return kh_fail(err, KHABAR_EMODEL, "model file is truncated", 0);
    if (memcmp(b, kMagic, 8) != 0)
        return kh_fail(err, KHABAR_EMODEL, "not a khabar model file", 0);
    version = le32(b + 8);
    if (version != 1)
        return kh_fail(err, KHABAR_EMODEL,
                       "model file of an unsupported version", 8);
    if (check_crc && kh_crc32(b, len - 4) != le32(b + len - 4))
        return kh_fail(err, KHABAR_EMODEL,
                       "model file is corrupt (checksum mismatch)", len - 4);
    n = le32(b + 12);
    if (n == 0 || n > KH_KBM_MAX_SECTIONS)
        return kh_fail(err, KHABAR_EMODEL, "model file has a bad section count",
                       12);
    if (read_tag(b + 16, c->kind) != 0)
        return kh_fail(err, KHABAR_EMODEL, "model file has a bad kind", 16);
    if (kind && strcmp(kind, c->kind) != 0)
        return kh_fail(err, KHABAR_EMODEL, "model file of the wrong kind", 16);
    table_end = 32 + 40 * (size_t)n;
    if (table_end > len - 4)
        return kh_fail(err, KHABAR_EMODEL, "model file is truncated", 12);
    pos = table_end;
    for (i = 0; i < n; i++) {
        const uint8_t *e = b + 32 + 40 * i;
        uint64_t off = le64(e + 16), size = le64(e + 24);
        kh_section *s = &c->sec[i];
        if (read_tag(e, s->tag) != 0)
            return kh_fail(err, KHABAR_EMODEL, "model file has a bad section tag",
                           32 + 40 * i);
        for (j = 0; j < i; j++) {
            if (strcmp(c->sec[j].tag, s->tag) == 0)
                return kh_fail(err, KHABAR_EMODEL,
                               "model file repeats a section", 32 + 40 * i);
        }
        if (off % 8 || off < pos || off > len - 4 || size > len - 4 - off ||
            le32(e + 36) != 0)
            return kh_fail(err, KHABAR_EMODEL,
                           "model file has a bad section table", 32 + 40 * i);
        if (!all_zero(b + pos, (size_t)off - pos))
            return kh_fail(err, KHABAR_EMODEL, "model file has bad padding",
                           pos);
        s->data = b + off;
        s->size = (size_t)size;
        if (check_crc && kh_crc32(s->data, s->size) != le32(e + 32))
            return kh_fail(err, KHABAR_EMODEL,
                           "model section is corrupt (checksum mismatch)",
                           (size_t)off);
        pos = (size_t)(off + size);
    }
    if (len - 4 - pos >= 8 || !all_zero(b + pos, len - 4 - pos))
        return kh_fail(err, KHABAR_EMODEL,
                       "model file has bytes after its last section", pos);
    c->n = n;
    kh_ok(err);
    return KHABAR_OK;
}

const kh_section *kh_container_get(const kh_container *c, const char *tag)
{
    unsigned i;
    for (i = 0; i < c->n; i++) {
        if (strcmp(c->sec[i].tag, tag) == 0)
            return &c->sec[i];
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Cursor                                                                   */
/* ------------------------------------------------------------------------ */

void kh_cursor_init(kh_cursor *k, const kh_section *s)
{
    k->p = s ? s->data : NULL;
    k->end = s ? s->data + s->size : NULL;
    k->bad = s == NULL;
}

uint32_t kh_cursor_u32(kh_cursor *k)
{
    uint32_t v;
    if (k->bad || k->end - k->p < 4) {
        k->bad = 1;
        return 0;
    }
    v = le32(k->p);
    k->p += 4;
    return v;
}

uint64_t kh_cursor_u64(kh_cursor *k)
{
    uint64_t v;
    if (k->bad || k->end - k->p < 8) {
        k->bad = 1;
        return 0;
    }
    v = le64(k->p);
    k->p += 8;
    return v;
}

const void *kh_cursor_array(kh_cursor *k, size_t count, size_t size,
                            size_t align)
{
    const uint8_t *p;
    size_t pad;
    if (k->bad)
        return NULL;
    pad = align > 1 ? (size_t)(-(uintptr_t)k->p & (align - 1)) : 0;
    if ((size_t)(k->end - k->p) < pad || !all_zero(k->p, pad)) {
        k->bad = 1;
        return NULL;
    }
    p = k->p + pad;
    if (size && count > (size_t)(k->end - p) / size) {
        k->bad = 1;
        return NULL;
    }
    k->p = p + count * size;
    return p;
}

int kh_cursor_end(const kh_cursor *k)
{
    return !k->bad && k->p == k->end;
}
