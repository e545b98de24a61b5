/*
 * normalize.h - the normalization engine, one code point at a time.
 *
 * A kh_norm appends the normalized form of the code points it is given to a
 * growing buffer, optionally with, for every output byte, the input byte
 * range it came from. The whole-text normalizer (khabar_normalize) and the
 * tokenizer (each token's normalized form) both drive it, so a token's form
 * is always what the text normalizer would give for the same bytes.
 *
 * Rules are applied in one step per code point: presentation forms expand to
 * base letters which are then normalized in turn; Persian look-alikes map to
 * the Arabic letter, then normalized in turn; a combining hamza or madda
 * composes with the code point emitted just before it (dropped characters,
 * such as tatweel or invisible ones, do not block composition). Every rule's
 * target is a fixed point of the rules, which makes the result idempotent.
 */
#ifndef KH_NORMALIZE_H
#define KH_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "unicode.h"

/* The fast path for the Arabic block, precomputed per engine. A two-byte
 * sequence b0 b1 with b0 in D8..DB (U+0600..U+06FF when b1 is a continuation
 * byte) has the index KH_FAST_INDEX(b0, b1) < KH_FAST_SIZE; any other lead
 * byte gives an index >= KH_FAST_SIZE, so one unsigned comparison tells
 * whether a table entry exists. The entry holds the output bytes (bits 0-15,
 * first byte lowest), flags (bits 16-23) and the output length (bits 24-25:
 * 0 when the code point is dropped). Entries of ill-formed pairs (b1 not a
 * continuation byte) are 0: no flag, so every fast loop stops there. Code
 * points that need more than a table lookup (composition, Persian letters,
 * number signs) are marked SLOW and go through kh_norm_cp(). */
#define KH_FAST_SIZE 1024u
#define KH_FAST_INDEX(b0, b1) \
    ((((unsigned)(b0) << 8) | (unsigned)(b1)) - 0xD800u)
#define KH_FAST_LEN(f) ((f) >> 24)
enum {
    KH_FAST_WORD = 1u << 16,    /* continues an Arabic word (by class) */
    KH_FAST_LETTER = 1u << 17,  /* is a letter */
    KH_FAST_CHANGED = 1u << 18, /* the output differs from the input */
    KH_FAST_SLOW = 1u << 19,    /* needs kh_norm_cp() */
    KH_FAST_OK = 1u << 20,      /* WORD and not SLOW: the tokenizer's loop
                                   takes it (output length 0 or 2) */
    KH_FAST_TEXT = 1u << 21,    /* not SLOW, not a digit, output length 0
                                   or 2: the text normalizer's loop takes it */
    KH_FAST_PUNCT = 1u << 22    /* a punctuation mark, not SLOW */
};

typedef struct kh_norm {
    unsigned flags;            /* KHABAR_NORM_* resolved (never 0) */
    uint8_t on[KH_R_COUNT];    /* rule -> applies under flags */
    uint32_t ar_fast[KH_FAST_SIZE]; /* see KH_FAST_* */
    char *buf;                 /* output; owned, see kh_norm_take() */
    size_t len, cap;
    size_t *map_start;         /* when mapping: per output byte */
    size_t *map_end;
    int mapping;
    int failed;                /* an allocation failed: output incomplete */
    uint32_t last_cp;          /* last code point emitted, 0 at a boundary */
    size_t last_off;           /* its offset in buf */
} kh_norm;

/* Resolves a flag word: 0 -> search preset; without KHABAR_NORM_EXPLICIT the
 * bits are taken as given too. Returns the flags with EXPLICIT set. */
unsigned kh_norm_flags(unsigned norm);

/* Starts an engine. Never fails; the first allocation happens on use. */
void kh_norm_init(kh_norm *n, unsigned norm, int mapping);

/* Frees what the engine still owns. */
void kh_norm_free(kh_norm *n);

/* Makes room for extra more output bytes; returns 0, or -1 (and sets
 * failed) when memory runs out. */
int kh_norm_reserve(kh_norm *n, size_t extra);

/* Normalizes one code point read from input bytes [s, e). ci is kh_uc(cp). */
void kh_norm_cp(kh_norm *n, uint32_t cp, const kh_cinfo *ci, size_t s,
                size_t e);

/* Emits a code point unchanged (U+FFFD for bad input, whitespace...). */
void kh_norm_emit(kh_norm *n, uint32_t cp, size_t s, size_t e);

/* A number sign (٫ ٬ ٪) between digits: its ASCII form under DIGITS. */
void kh_norm_number_sign(kh_norm *n, uint32_t cp, const kh_cinfo *ci,
                         size_t s, size_t e);

/* Normalizes the whole of text (whitespace and lines kept) into n; returns
 * the count of ill-formed units replaced by U+FFFD. */
size_t kh_normalize_text(kh_norm *n, const char *text, size_t len);

/* Room for at least extra more bytes, without a call in the common case. */
static inline int kh_norm_room(kh_norm *n, size_t extra)
{
    return n->cap - n->len >= extra ? 0 : kh_norm_reserve(n, extra);
}

/* Ends a unit (a token): the next code point composes with nothing. */
static inline void kh_norm_boundary(kh_norm *n) { n->last_cp = 0; }

#endif
