/*
 * inline_key.h - the keys of the hash tables of model files whose slots
 * hold their entries and the first bytes of their keys (the lexicon,
 * src/morph/lexicon.h, and the segmenter's forms, src/morph/segment.h): a
 * lookup compares the bytes the slot holds, and reads the rest of a longer
 * key from the pool only then. One read of one slot settles most lookups,
 * where an index, an entry and a key apart cost three reads from memory.
 */
#ifndef KH_INLINE_KEY_H
#define KH_INLINE_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Whether the key of a slot, key_len bytes whose first ones (up to
 * head_size) are head and all of which are at pool + off, is key[0, n). */
static inline int kh_inline_key_is(const char *head, size_t head_size,
                                   const char *pool, uint32_t off,
                                   size_t key_len, const char *key, size_t n)
{
    if (key_len != n)
        return 0;
    if (n <= head_size)
        return memcmp(head, key, n) == 0;
    return memcmp(head, key, head_size) == 0 &&
           memcmp(pool + off + head_size, key + head_size, n - head_size) == 0;
}

#endif
