/*
 * term_cache.h - the terms of Arabic tokens already seen, by their bytes.
 *
 * A token's terms depend on its bytes alone (the words stage and the repair
 * stage look at one token at a time), so a tokenizer that has analyzed a
 * token once can reuse the result: news text repeats its words, and most
 * tokens of a collection cost a hash and a comparison instead of a
 * segmentation. Each tokenizer object owns one cache (no state is shared
 * between tokenizers or connections); FTS5 never calls one tokenizer from
 * two threads at once. The cache empties itself when it reaches its size
 * limit, between calls.
 *
 * An entry maps a token's bytes to its terms: each term its bytes and its
 * span relative to the token's start (a glued word repaired gives two or
 * three terms).
 */
#ifndef KHABAR_TERM_CACHE_H
#define KHABAR_TERM_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* Keys longer than this are not cached (no word is that long). */
#define TC_KEY_MAX 255

typedef struct tc_cache {
    unsigned char *bytes;  /* keys and terms */
    size_t n_bytes, cap_bytes;
    uint32_t *slots;       /* 0 empty, else entry index + 1 */
    size_t n_slots;        /* a power of two */
    struct tc_entry *entries;
    size_t n_entries, cap_entries;
    size_t limit;          /* bytes in use that trigger a reset */
} tc_cache;

typedef struct tc_entry {
    uint64_t hash;
    size_t key;       /* offset in bytes */
    size_t terms;     /* offset of the first term record */
    uint16_t key_len;
    uint16_t n_terms;
} tc_entry;

/* A term as stored: rel_start, rel_end and len (uint16 each, native order)
 * then len bytes. */
typedef struct tc_term {
    const char *text;
    int len;
    int start, end;   /* relative to the token's first byte */
} tc_term;

void tc_init(tc_cache *c, size_t limit);
void tc_free(tc_cache *c);

/* Empties the cache when it holds more than its limit. */
void tc_trim(tc_cache *c);

uint64_t tc_hash(const char *key, size_t len);

#define TC_NONE SIZE_MAX

/* The index of key's entry in c->entries, or TC_NONE. */
size_t tc_find(const tc_cache *c, const char *key, size_t len,
               uint64_t hash);

/* Starts an entry for key (not already present, len <= TC_KEY_MAX); terms
 * follow with tc_add_term(). Returns 0, or -1 when memory runs out (the
 * cache is then left as it was before tc_begin). */
int tc_begin(tc_cache *c, const char *key, size_t len, uint64_t hash);
int tc_add_term(tc_cache *c, const char *text, size_t len, int start,
                int end);
/* Publishes the entry begun last. */
int tc_commit(tc_cache *c);
/* Forgets an entry begun but not committed. */
void tc_abort(tc_cache *c);

/* Reads the term record at cursor into *out and returns the cursor of the
 * next one: an entry's terms are read from e->terms, n_terms times. */
size_t tc_term_at(const tc_cache *c, size_t cursor, tc_term *out);

#endif
