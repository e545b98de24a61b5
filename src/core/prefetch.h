/*
 * prefetch.h - asking for memory before it is needed. The model's tables
 * are megabytes read at random, so a lookup waits for memory (for the one
 * slot that holds an entry and its key: src/model/inline_key.h); lookups of
 * a batch of keys can ask for the slots of the keys ahead first and overlap
 * the waits (the taggers' lookups, src/tag; the repair gate's, src/morph).
 */
#ifndef KH_PREFETCH_H
#define KH_PREFETCH_H

/* A hint that memory will be read soon (no effect where unsupported). */
#if defined(__GNUC__) || defined(__clang__)
#define KH_PREFETCH(p) __builtin_prefetch(p)
#else
#define KH_PREFETCH(p) ((void)(p))
#endif

#endif
