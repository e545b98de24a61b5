/*
 * hosts.c - the table of hosts analyzed ahead (see hosts.h).
 */
#include "hosts.h"

#include <string.h>

#include "../core/error.h"
#include "lexicon.h"

khabar_code kh_hosts_open(kh_hosts *h, const kh_container *c,
                          khabar_error *err)
{
    kh_cursor k;
    uint32_t version, i, used = 0;
    memset(h, 0, sizeof *h);
    kh_cursor_init(&k, kh_container_get(c, "hosts"));
    version = kh_cursor_u32(&k);
    h->lexicon_crc = kh_cursor_u32(&k);
    h->lemmatizer_crc = kh_cursor_u32(&k);
    h->n_entries = kh_cursor_u32(&k);
    h->n_slots = kh_cursor_u32(&k);
    h->pool_size = kh_cursor_u32(&k);
    if (k.bad || version != 1 || h->n_slots == 0 ||
        (h->n_slots & (h->n_slots - 1)) || h->n_slots <= h->n_entries)
        return kh_fail(err, KHABAR_EMODEL, "hosts: bad header", 0);
    h->slots = kh_cursor_array(&k, h->n_slots, sizeof(kh_host_slot), 4);
    h->pool = kh_cursor_array(&k, h->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "hosts: truncated or trailing bytes", 0);
    for (i = 0; i < h->n_slots; i++) {
        const kh_host_slot *s = &h->slots[i];
        size_t total;
        if (!s->used) {
            if (s->hash || s->off || s->host_len || s->flags)
                return kh_fail(err, KHABAR_EMODEL, "hosts: dirty empty slot",
                               0);
            continue;
        }
        total = (size_t)s->host_len + s->lemma_len + s->root_len +
                s->stem_len;
        if (s->used != 1 || !s->host_len || s->off > h->pool_size ||
            total > h->pool_size - s->off || (s->flags & ~3u))
            return kh_fail(err, KHABAR_EMODEL, "hosts: slot out of range", 0);
        used++;
    }
    if (used != h->n_entries)
        return kh_fail(err, KHABAR_EMODEL, "hosts: wrong entry count", 0);
    kh_ok(err);
    return KHABAR_OK;
}

const kh_host_slot *kh_hosts_find(const kh_hosts *h, const char *key,
                                  size_t n)
{
    uint32_t hash, mask, i, probes;
    if (!h->n_slots || n == 0 || n > 255)
        return NULL;
    hash = kh_lex_hash(key, n);
    mask = h->n_slots - 1;
    i = hash & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_host_slot *s = &h->slots[i];
        if (!s->used)
            return NULL;
        if (s->hash == hash && s->host_len == n &&
            memcmp(h->pool + s->off, key, n) == 0)
            return s;
    }
    return NULL;
}
