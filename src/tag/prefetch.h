/*
 * prefetch.h - asking for memory before it is needed. The model's tables
 * are megabytes read at random, so a lookup waits for memory two or three
 * times (a slot, then the entry it names, then the entry's key bytes);
 * lookups of a batch of keys can ask for each of those for every key first
 * and overlap the waits.
 */
#ifndef KH_PREFETCH_H
#define KH_PREFETCH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A hint that memory will be read soon (no effect where unsupported). */
#if defined(__GNUC__) || defined(__clang__)
#define KH_PREFETCH(p) __builtin_prefetch(p)
#else
#define KH_PREFETCH(p) ((void)(p))
#endif

/* One step of a lookup, ahead of it, in an open-addressing table of the
 * models' shape (clusters.h, gazetteer.h): slots[] hold entry index + 1,
 * each entry starts with the u32 offset of its key in pool. hash is the
 * key's, masked by the caller (the first slot probed). Step 0 asks for the
 * slot; step 1, once the slot is at hand, for its entry; step 2 for the
 * entry's key bytes. */
static inline void kh_table_prefetch(const uint32_t *slots, uint32_t slot,
                                     const void *entries, size_t entry_size,
                                     const char *pool, int step)
{
    uint32_t s;
    if (step == 0) {
        KH_PREFETCH(slots + slot);
        return;
    }
    s = slots[slot];
    if (!s)
        return;
    {
        const char *e = (const char *)entries + (size_t)(s - 1) * entry_size;
        if (step == 1) {
            KH_PREFETCH(e);
        } else {
            uint32_t key;
            memcpy(&key, e, sizeof key);
            KH_PREFETCH(pool + key);
        }
    }
}

#endif
