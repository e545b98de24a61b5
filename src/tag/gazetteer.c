/* gazetteer.c - loading and looking up the name gazetteer (see
 * gazetteer.h). */
#include "gazetteer.h"

#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../model/inline_key.h"

_Static_assert(sizeof(kh_gaz_entry) == 12, "kh_gaz_entry is 12 bytes in the file");
_Static_assert(sizeof(kh_gaz_slot) == 32, "a gazetteer slot is 32 bytes");

static khabar_code bad(khabar_error *err, const char *msg)
{
    return kh_fail(err, KHABAR_EMODEL, msg, 0);
}

khabar_code kh_gazetteer_open(kh_gazetteer *g, const kh_container *c,
                              khabar_error *err)
{
    kh_cursor k;
    uint32_t i, version, r0, r1, used;
    memset(g, 0, sizeof *g);
    kh_cursor_init(&k, kh_container_get(c, "names"));
    if (k.bad)
        return bad(err, "gazetteer: no names section");
    version = kh_cursor_u32(&k);
    g->n_entries = kh_cursor_u32(&k);
    g->n_slots = kh_cursor_u32(&k);
    g->pool_size = kh_cursor_u32(&k);
    g->max_tokens = kh_cursor_u32(&k);
    g->max_key_bytes = kh_cursor_u32(&k);
    r0 = kh_cursor_u32(&k);
    r1 = kh_cursor_u32(&k);
    if (k.bad || version != 2 || r0 || r1)
        return bad(err, "gazetteer: bad header");
    if (g->n_slots == 0 || (g->n_slots & (g->n_slots - 1)) ||
        g->n_slots <= g->n_entries)
        return bad(err, "gazetteer: bad slot count");
    if (g->max_tokens > 255 || g->max_key_bytes > 65535 ||
        (g->n_entries && (!g->max_tokens || !g->max_key_bytes)))
        return bad(err, "gazetteer: bad name length");
    g->slots = kh_cursor_array(&k, g->n_slots, sizeof(kh_gaz_slot), 4);
    g->pool = kh_cursor_array(&k, g->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return bad(err, "gazetteer: truncated or trailing bytes");
    for (i = 0, used = 0; i < g->n_slots; i++) {
        const kh_gaz_entry *e = &g->slots[i].e;
        if (e->key_len == 0)
            continue;
        used++;
        if (e->key > g->pool_size || e->key_len > g->pool_size - e->key ||
            e->key_len > g->max_key_bytes)
            return bad(err, "gazetteer: entry out of range");
        if (e->mask == 0 || (e->mask & ~(uint32_t)KH_GAZ_TYPES) ||
            e->n_tokens == 0 || e->n_tokens > g->max_tokens)
            return bad(err, "gazetteer: bad entry");
    }
    if (used != g->n_entries)
        return bad(err, "gazetteer: entry count");
    kh_ok(err);
    return KHABAR_OK;
}

const kh_gaz_entry *kh_gazetteer_lookup(const kh_gazetteer *g,
                                        const char *key, size_t n)
{
    uint32_t mask, i, probes;
    if (!g->n_slots || !g->n_entries || n == 0 || n > g->max_key_bytes)
        return NULL;
    mask = g->n_slots - 1;
    i = kh_gaz_hash(key, n) & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence; the
     * bound only guards a hostile file whose slots are all full. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_gaz_slot *s = &g->slots[i];
        if (!s->e.key_len)
            return NULL;
        if (kh_inline_key_is(s->head, KH_GAZ_INLINE, g->pool, s->e.key,
                             s->e.key_len, key, n))
            return &s->e;
    }
    return NULL;
}

uint32_t kh_gazetteer_find(const kh_gazetteer *g, const char *key, size_t n)
{
    const kh_gaz_entry *e = kh_gazetteer_lookup(g, key, n);
    return e ? e->mask : 0;
}

int kh_gazetteer_index_prefixes(kh_gazetteer *g)
{
    uint32_t bits = 1u << 16, i;
    /* About 16 bits per prefix: few false positives. */
    while (bits < (1u << 26) && bits / 16 < g->n_entries)
        bits <<= 1;
    g->prefixes = calloc(2 * (bits / 64), sizeof *g->prefixes);
    if (!g->prefixes)
        return -1;
    g->names = g->prefixes + bits / 64;
    g->prefix_mask = bits - 1;
    for (i = 0; i < g->n_slots; i++) {
        const kh_gaz_entry *e = &g->slots[i].e;
        const char *k = g->pool + e->key;
        uint32_t j, whole;
        if (e->n_tokens < 2)
            continue; /* an empty slot too (n_tokens 0) */
        whole = kh_gaz_hash(k, e->key_len) & g->prefix_mask;
        g->names[whole >> 6] |= (uint64_t)1 << (whole & 63);
        for (j = 0; j < e->key_len; j++) {
            if (k[j] == ' ') {
                uint32_t h = kh_gaz_hash(k, j) & g->prefix_mask;
                g->prefixes[h >> 6] |= (uint64_t)1 << (h & 63);
            }
        }
    }
    return 0;
}

void kh_gazetteer_free(kh_gazetteer *g)
{
    free(g->prefixes);
    g->prefixes = g->names = NULL;
    free(g->own_slots);
    g->own_slots = NULL;
}

int kh_gazetteer_without(const kh_gazetteer *g, unsigned ignore,
                         kh_gazetteer *out)
{
    uint32_t i, mask = g->n_slots ? g->n_slots - 1 : 0;
    *out = *g;
    out->prefixes = out->names = NULL;
    out->n_entries = 0;
    out->own_slots = calloc(g->n_slots ? g->n_slots : 1, sizeof(kh_gaz_slot));
    if (!out->own_slots)
        return -1;
    /* The entries kept, placed again by linear probing: a slot left empty
     * would end the probe sequences that ran over it. */
    for (i = 0; i < g->n_slots; i++) {
        const kh_gaz_slot *s = &g->slots[i];
        uint32_t j;
        if (!s->e.key_len || !(s->e.sources & ~ignore))
            continue;
        j = kh_gaz_hash(g->pool + s->e.key, s->e.key_len) & mask;
        while (out->own_slots[j].e.key_len)
            j = (j + 1) & mask;
        out->own_slots[j] = *s;
        out->n_entries++;
    }
    out->slots = out->own_slots;
    if (kh_gazetteer_index_prefixes(out) != 0) {
        kh_gazetteer_free(out);
        return -1;
    }
    return 0;
}
