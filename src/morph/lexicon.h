/*
 * lexicon.h - the read-only lexicon: word keys with corpus counts, and the
 * lemmas, roots and parts of speech seen for them.
 *
 * Keys are search keys: a word normalized with KHABAR_NORM_SEARCH (no
 * diacritics, one alef, ي for ى, ه for ة), so that every spelling of a word
 * meets in one entry. An entry is a whole token seen in the news corpora, a
 * host (a token without its clitics) seen in the treebank, or both.
 *
 * File lexicon.kbm, kind "lexicon", one section "lexicon" read in this order
 * (little-endian, see docs/model-format.md):
 *
 *   u32 version            2
 *   u32 n_entries
 *   u32 n_slots            a power of two, > n_entries
 *   u32 n_analyses
 *   u32 pool_size
 *   u32 reserved           0
 *   u64 total              tokens counted in the corpora
 *   slots[n_slots]         kh_lex_slot: the entries themselves, placed by
 *                          open addressing from kh_lex_hash(key) &
 *                          (n_slots - 1), linear probing; key_len 0 (and
 *                          every byte 0): empty
 *   analyses[n_analyses]   kh_lex_analysis, grouped by entry
 *   pool[pool_size]        the bytes of keys, lemmas and roots: the keys
 *                          longer than KH_LEX_INLINE first, the lemmas and
 *                          roots, then the other keys (which no lookup
 *                          reads: their pages stay out of memory)
 *
 * A slot holds its entry and the first KH_LEX_INLINE bytes of its key (all
 * of most keys), 32 bytes: a lookup reads one slot, or a few beside it,
 * and goes to the pool only for the rest of a longer key. (Version 1 kept
 * slots of entry indexes, the entries and the keys apart: three reads from
 * far apart places a lookup, which cost the analysis about a tenth of its
 * time.)
 *
 * The loader checks the header, the sizes of the arrays and every analysis;
 * a lookup checks the slot it returns (its key and analyses within the pool
 * and the array), so that a bad file gives wrong answers at worst, never a
 * read out of bounds. The loader does not read the slots: that would bring
 * the whole table into memory at every start-up.
 */
#ifndef KH_LEXICON_H
#define KH_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "../model/container.h"

/* Universal POS tags, in this order (0 = unknown). */
enum kh_upos {
    KH_UPOS_NONE, KH_UPOS_ADJ, KH_UPOS_ADP, KH_UPOS_ADV, KH_UPOS_AUX,
    KH_UPOS_CCONJ, KH_UPOS_DET, KH_UPOS_INTJ, KH_UPOS_NOUN, KH_UPOS_NUM,
    KH_UPOS_PART, KH_UPOS_PRON, KH_UPOS_PROPN, KH_UPOS_PUNCT, KH_UPOS_SCONJ,
    KH_UPOS_SYM, KH_UPOS_VERB, KH_UPOS_X, KH_UPOS_COUNT
};

/* Entry flags. */
enum {
    KH_LEX_TOKEN = 1, /* seen as a whole token in the corpora */
    KH_LEX_HOST = 2   /* seen as a host (clitics off) in the treebank */
};

typedef struct kh_lex_entry {
    uint32_t key;      /* offset in the pool */
    uint32_t count;    /* corpus count as a whole token (saturated) */
    uint32_t analyses; /* index of the first analysis */
    uint16_t n_analyses;
    uint8_t key_len;
    uint8_t flags;     /* KH_LEX_* */
} kh_lex_entry;

#define KH_LEX_INLINE 16

typedef struct kh_lex_slot {
    kh_lex_entry e;
    char key[KH_LEX_INLINE]; /* the key's first bytes, 0-padded */
} kh_lex_slot;

typedef struct kh_lex_analysis {
    uint32_t lemma;    /* offset in the pool; undiacritized, as spelled */
    uint32_t root;     /* offset in the pool; letters without separators */
    uint32_t count;    /* times seen in the treebank */
    uint8_t lemma_len;
    uint8_t root_len;  /* 0 when unknown */
    uint8_t upos;      /* enum kh_upos */
    uint8_t reserved;
} kh_lex_analysis;

typedef struct kh_lexicon {
    uint32_t n_entries, n_slots, n_analyses, pool_size;
    uint64_t total;
    const kh_lex_slot *slots;
    const kh_lex_analysis *analyses;
    const char *pool;
} kh_lexicon;

/* FNV-1a, 32 bits. */
static inline uint32_t kh_lex_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* Reads and checks the lexicon in a container of kind "lexicon". */
khabar_code kh_lexicon_open(kh_lexicon *lex, const kh_container *c,
                            khabar_error *err);

/* The slot kh_lexicon_find() reads first for a key, or NULL without
 * slots: for a caller to ask for ahead of the lookup (KH_PREFETCH), so that
 * lookups of keys to come overlap their waits for memory. */
static inline const void *kh_lexicon_first_slot(const kh_lexicon *lex,
                                                const char *key, size_t n)
{
    return lex->n_slots
               ? &lex->slots[kh_lex_hash(key, n) & (lex->n_slots - 1)]
               : NULL;
}

/* The entry of a search key, or NULL. */
const kh_lex_entry *kh_lexicon_find(const kh_lexicon *lex, const char *key,
                                    size_t n);

/* The name of a UPOS tag ("NOUN"), "_" for none. */
const char *kh_upos_name(int upos);

#endif
