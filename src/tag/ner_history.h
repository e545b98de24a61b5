/*
 * ner_history.h - what the recognizer has already said about the words of
 * one doc: for each host (by its kh_feat_bytes hash), the entity types its
 * mentions were tagged so far. The sentences of a doc are tagged in order,
 * so a mention can be told how the earlier ones were tagged (the
 * "prediction history" of Ratinov and Roth 2009): a name the tagger knew
 * once, after a title or in a full name, is the same name on its own later.
 * The trainer keeps one too, filled with its own predictions as it learns.
 *
 * Per-doc scratch: grown as needed (allocations double, none per token).
 */
#ifndef KH_NER_HISTORY_H
#define KH_NER_HISTORY_H

#include <stddef.h>
#include <stdint.h>

typedef struct kh_ner_history_slot {
    uint64_t key;   /* 0: empty */
    uint8_t types;  /* bit t - 1 for each entity type t (khabar_entity_type) */
} kh_ner_history_slot;

typedef struct kh_ner_history {
    kh_ner_history_slot *slots;
    uint32_t mask;  /* slots - 1 (0 before the first add) */
    uint32_t used;
} kh_ner_history;

/* The types given so far to the mentions of key (0: none, or no key). */
static inline unsigned kh_ner_history_get(const kh_ner_history *h,
                                          uint64_t key)
{
    uint32_t i;
    if (!h->used || !key)
        return 0;
    for (i = (uint32_t)key & h->mask; h->slots[i].key; i = (i + 1) & h->mask) {
        if (h->slots[i].key == key)
            return h->slots[i].types;
    }
    return 0;
}

/* Records that a mention of key was tagged type (1 .. 4). Returns 0, or -1
 * when memory runs out. Key 0 is no key: nothing is recorded. */
int kh_ner_history_add(kh_ner_history *h, uint64_t key, int type);

/* Forgets every key (for the next doc), keeping the memory. */
void kh_ner_history_clear(kh_ner_history *h);

void kh_ner_history_free(kh_ner_history *h);

#endif
