/* ner_history.c - the recognizer's memory of how a doc's hosts were tagged
 * (see ner_history.h): open addressing on the host hash. */
#include "ner_history.h"

#include <stdlib.h>
#include <string.h>

/* Doubles the table (or makes the first one), placing the keys again. */
static int grow(kh_ner_history *h)
{
    uint32_t n = h->slots ? 2 * (h->mask + 1) : 256, i;
    kh_ner_history_slot *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    if (h->slots) {
        for (i = 0; i <= h->mask; i++) {
            uint32_t j;
            if (!h->slots[i].key)
                continue;
            for (j = (uint32_t)h->slots[i].key & (n - 1); s[j].key;
                 j = (j + 1) & (n - 1))
                ;
            s[j] = h->slots[i];
        }
        free(h->slots);
    }
    h->slots = s;
    h->mask = n - 1;
    return 0;
}

int kh_ner_history_add(kh_ner_history *h, uint64_t key, int type)
{
    uint32_t i;
    if (!key || type < 1 || type > 8)
        return 0;
    if ((!h->slots || 2 * (h->used + 1) > h->mask + 1) && grow(h) != 0)
        return -1;
    for (i = (uint32_t)key & h->mask; h->slots[i].key; i = (i + 1) & h->mask) {
        if (h->slots[i].key == key) {
            h->slots[i].types |= (uint8_t)(1u << (type - 1));
            return 0;
        }
    }
    h->slots[i].key = key;
    h->slots[i].types = (uint8_t)(1u << (type - 1));
    h->used++;
    return 0;
}

void kh_ner_history_clear(kh_ner_history *h)
{
    if (h->slots && h->used)
        memset(h->slots, 0, ((size_t)h->mask + 1) * sizeof *h->slots);
    h->used = 0;
}

void kh_ner_history_free(kh_ner_history *h)
{
    free(h->slots);
    memset(h, 0, sizeof *h);
}
