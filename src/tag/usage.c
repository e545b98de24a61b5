/* usage.c - loading and looking up how the news uses words (usage.h). */
#include "usage.h"

#include <string.h>

#include "../core/error.h"

_Static_assert(sizeof(kh_usage_slot) == 8, "a usage slot is 8 bytes");

khabar_code kh_usage_open(kh_usage *u, const kh_container *c,
                          khabar_error *err)
{
    kh_cursor k;
    uint32_t version;
    memset(u, 0, sizeof *u);
    kh_cursor_init(&k, kh_container_get(c, "usage"));
    if (k.bad)
        return kh_fail(err, KHABAR_EMODEL, "usage: no usage section", 0);
    version = kh_cursor_u32(&k);
    u->n_entries = kh_cursor_u32(&k);
    u->n_slots = kh_cursor_u32(&k);
    if (k.bad || version != 1 || u->n_slots == 0 ||
        (u->n_slots & (u->n_slots - 1)) || u->n_slots <= u->n_entries)
        return kh_fail(err, KHABAR_EMODEL, "usage: bad header", 0);
    u->slots = kh_cursor_array(&k, u->n_slots, sizeof(kh_usage_slot), 4);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL,
                       "usage: truncated or trailing bytes", 0);
    kh_ok(err);
    return KHABAR_OK;
}

uint32_t kh_usage_find(const kh_usage *u, uint32_t hash, const char *key,
                       size_t n)
{
    uint32_t mask, i, probes, check;
    if (!u || !u->n_slots || n == 0 || n > 255)
        return 0;
    mask = u->n_slots - 1;
    check = kh_usage_check(key, n);
    i = hash & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence; the
     * bound only guards a hostile file whose slots are all full. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_usage_slot *e = &u->slots[i];
        if (!e->check)
            return 0;
        if (e->check == check)
            return e->signature & ((1u << KH_USAGE_BITS) - 1);
    }
    return 0;
}
