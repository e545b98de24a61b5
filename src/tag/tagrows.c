/*
 * tagrows.c - the taggers' scores worked out ahead (see tagrows.h).
 */
#include "tagrows.h"

#include <string.h>

#include "../core/error.h"

khabar_code kh_tagrows_open(kh_tagrows *t, const kh_container *c,
                            const char *tag, khabar_error *err)
{
    const kh_section *s = kh_container_get(c, tag);
    kh_cursor k;
    uint32_t version, reserved, i, used = 0;
    memset(t, 0, sizeof *t);
    if (!s) {
        kh_ok(err);
        return KHABAR_OK;
    }
    kh_cursor_init(&k, s);
    version = kh_cursor_u32(&k);
    t->tagger_crc = kh_cursor_u32(&k);
    t->gazetteer_crc = kh_cursor_u32(&k);
    t->clusters_crc = kh_cursor_u32(&k);
    t->usage_crc = kh_cursor_u32(&k);
    t->width = kh_cursor_u32(&k);
    t->n_entries = kh_cursor_u32(&k);
    t->n_slots = kh_cursor_u32(&k);
    t->pool_size = kh_cursor_u32(&k);
    reserved = kh_cursor_u32(&k);
    if (k.bad || version != 1 || reserved || t->width == 0 ||
        t->width > 4096 || t->n_slots == 0 ||
        (t->n_slots & (t->n_slots - 1)) || t->n_slots <= t->n_entries ||
        (t->pool_size & 7))
        return kh_fail(err, KHABAR_EMODEL, "tagrows: bad header", 0);
    t->slots = kh_cursor_array(&k, t->n_slots, sizeof(kh_tagrows_slot), 8);
    t->pool = kh_cursor_array(&k, t->pool_size, 1, 8);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "tagrows: truncated or trailing bytes", 0);
    /* The slots are checked here; an entry, which a slot may point to
     * anywhere in the pool, when a lookup reads it (kh_tagrows_check): so
     * that loading touches none of the pool. */
    for (i = 0; i < t->n_slots; i++) {
        const kh_tagrows_slot *sl = &t->slots[i];
        if (!sl->at) {
            if (sl->check)
                return kh_fail(err, KHABAR_EMODEL,
                               "tagrows: dirty empty slot", 0);
            continue;
        }
        if (((size_t)sl->at - 1) * 8 > t->pool_size - KH_TAGROWS_HEAD ||
            t->pool_size < KH_TAGROWS_HEAD)
            return kh_fail(err, KHABAR_EMODEL, "tagrows: slot out of range",
                           0);
        used++;
    }
    if (used != t->n_entries)
        return kh_fail(err, KHABAR_EMODEL, "tagrows: wrong entry count", 0);
    kh_ok(err);
    return KHABAR_OK;
}

const unsigned char *kh_tagrows_probe(const kh_tagrows *t, uint64_t hash)
{
    const uint32_t check = (uint32_t)(hash >> 32);
    uint32_t mask, i, probes;
    if (!t->n_slots)
        return NULL;
    mask = t->n_slots - 1;
    i = (uint32_t)hash & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_tagrows_slot *s = &t->slots[i];
        if (!s->at)
            return NULL;
        if (s->check == check) {
            const unsigned char *e = t->pool + ((size_t)s->at - 1) * 8;
            KH_PREFETCH(e);
            KH_PREFETCH(e + 64);
            KH_PREFETCH(e + 128);
            return e;
        }
    }
    return NULL;
}

const unsigned char *kh_tagrows_check(const kh_tagrows *t,
                                      const unsigned char *e, const char *key,
                                      size_t n, uint64_t attr)
{
    uint64_t a;
    memcpy(&a, e, 8);
    /* (an entry that does not fit the pool is none) */
    if (a != attr || kh_tagrows_key_len(e) != n || e[22] > 1 ||
        kh_tagrows_entry_size(t->width, n, e[22]) >
            t->pool_size - (size_t)(e - t->pool))
        return NULL;
    return memcmp(e + kh_tagrows_key_at(t->width, e[22]), key, n) == 0 ? e
                                                                        : NULL;
}

const unsigned char *kh_tagrows_find(const kh_tagrows *t, uint64_t hash,
                                     const char *key, size_t n, uint64_t attr)
{
    const unsigned char *e = kh_tagrows_probe(t, hash);
    return e ? kh_tagrows_check(t, e, key, n, attr) : NULL;
}
