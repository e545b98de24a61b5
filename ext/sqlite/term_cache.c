/*
 * term_cache.c - an open-addressing table from token bytes to terms (see
 * term_cache.h).
 */
#include "term_cache.h"

#include <stdlib.h>
#include <string.h>


void tc_init(tc_cache *c, size_t limit)
{
    memset(c, 0, sizeof *c);
    c->limit = limit;
}

void tc_free(tc_cache *c)
{
    free(c->bytes);
    free(c->slots);
    free(c->entries);
    memset(c, 0, sizeof *c);
}

void tc_trim(tc_cache *c)
{
    if (c->n_bytes + c->n_entries * sizeof(tc_entry) <= c->limit)
        return;
    c->n_bytes = 0;
    c->n_entries = 0;
    if (c->slots)
        memset(c->slots, 0, c->n_slots * sizeof *c->slots);
}

uint64_t tc_hash(const char *key, size_t len)
{
    /* FNV-1a, then a final mix so that the low bits spread. */
    uint64_t h = 0xcbf29ce484222325u;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 0x100000001b3u;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9u;
    return h ^ (h >> 32);
}

size_t tc_find(const tc_cache *c, const char *key, size_t len,
               uint64_t hash)
{
    size_t mask, i;
    if (!c->n_slots)
        return TC_NONE;
    mask = c->n_slots - 1;
    for (i = hash & mask; c->slots[i]; i = (i + 1) & mask) {
        const tc_entry *e = &c->entries[c->slots[i] - 1];
        if (e->hash == hash && e->key_len == len &&
            !memcmp(c->bytes + e->key, key, len))
            return c->slots[i] - 1;
    }
    return TC_NONE;
}

static int reserve_bytes(tc_cache *c, size_t n)
{
    if (c->n_bytes + n > c->cap_bytes) {
        size_t cap = c->cap_bytes ? c->cap_bytes : 1 << 16;
        unsigned char *b;
        while (cap < c->n_bytes + n)
            cap *= 2;
        b = realloc(c->bytes, cap);
        if (!b)
            return -1;
        c->bytes = b;
        c->cap_bytes = cap;
    }
    return 0;
}

/* Doubles the slot table (or makes the first one) and reinserts. */
static int grow_slots(tc_cache *c)
{
    size_t n = c->n_slots ? c->n_slots * 2 : 1 << 12, i, mask = n - 1;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    for (i = 0; i < c->n_entries; i++) {
        size_t k = c->entries[i].hash & mask;
        while (s[k])
            k = (k + 1) & mask;
        s[k] = (uint32_t)(i + 1);
    }
    free(c->slots);
    c->slots = s;
    c->n_slots = n;
    return 0;
}

int tc_begin(tc_cache *c, const char *key, size_t len, uint64_t hash)
{
    tc_entry *e;
    if (len > TC_KEY_MAX || c->n_entries >= UINT32_MAX - 1)
        return -1;
    if (c->n_entries == c->cap_entries) {
        size_t cap = c->cap_entries ? c->cap_entries * 2 : 1 << 10;
        tc_entry *ne = realloc(c->entries, cap * sizeof *ne);
        if (!ne)
            return -1;
        c->entries = ne;
        c->cap_entries = cap;
    }
    if (reserve_bytes(c, len) != 0)
        return -1;
    e = &c->entries[c->n_entries];
    e->hash = hash;
    e->key = c->n_bytes;
    e->key_len = (uint16_t)len;
    e->n_terms = 0;
    memcpy(c->bytes + c->n_bytes, key, len);
    c->n_bytes += len;
    e->terms = c->n_bytes;
    return 0;
}

int tc_add_term(tc_cache *c, const char *text, size_t len, int start,
                int end)
{
    tc_entry *e = &c->entries[c->n_entries];
    uint16_t rec[3];
    if (len > UINT16_MAX || start < 0 || end > UINT16_MAX ||
        e->n_terms == UINT16_MAX || reserve_bytes(c, sizeof rec + len) != 0)
        return -1;
    rec[0] = (uint16_t)start;
    rec[1] = (uint16_t)end;
    rec[2] = (uint16_t)len;
    memcpy(c->bytes + c->n_bytes, rec, sizeof rec);
    memcpy(c->bytes + c->n_bytes + sizeof rec, text, len);
    c->n_bytes += sizeof rec + len;
    e->n_terms++;
    return 0;
}

void tc_abort(tc_cache *c)
{
    c->n_bytes = c->entries[c->n_entries].key;
}

int tc_commit(tc_cache *c)
{
    size_t mask, i;
    if ((c->n_entries + 1) * 2 > c->n_slots && grow_slots(c) != 0) {
        tc_abort(c);
        return -1;
    }
    mask = c->n_slots - 1;
    for (i = c->entries[c->n_entries].hash & mask; c->slots[i];
         i = (i + 1) & mask)
        ;
    c->n_entries++;
    c->slots[i] = (uint32_t)c->n_entries;
    return 0;
}

size_t tc_term_at(const tc_cache *c, size_t cursor, tc_term *out)
{
    uint16_t rec[3];
    memcpy(rec, c->bytes + cursor, sizeof rec);
    out->start = rec[0];
    out->end = rec[1];
    out->len = rec[2];
    out->text = (const char *)c->bytes + cursor + sizeof rec;
    return cursor + sizeof rec + rec[2];
}
