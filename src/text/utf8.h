/*
 * utf8.h - UTF-8 decoding that never fails.
 *
 * kh_utf8_next() decodes one code point and always advances by at least one
 * byte. Ill-formed input decodes to U+FFFD with a diagnostic kind:
 *   - a byte that cannot begin a sequence (stray continuation, F5..FF) is one
 *     unit of one byte;
 *   - overlong forms (C0/C1 lead, E0 80..9F, F0 80..8F) and encoded UTF-16
 *     surrogates (ED A0..BF) are one unit spanning the lead byte and the
 *     continuation bytes that follow it (up to the sequence's length), so that
 *     a surrogate or an overlong character is reported once, as itself;
 *   - a sequence cut short is one unit spanning its well-formed prefix
 *     (Unicode's "maximal subpart");
 *   - a NUL byte is valid UTF-8 but never valid text here: one unit, U+FFFD.
 */
#ifndef KH_UTF8_H
#define KH_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"

#define KH_REPLACEMENT 0xFFFDu

/* Decodes the code point at s (s < e). Stores it in *cp and the diagnostic
 * kind (0 when well-formed, else a khabar_diag_kind) in *diag; returns the
 * number of bytes consumed (>= 1). */
static inline size_t kh_utf8_next(const unsigned char *s,
                                  const unsigned char *e, uint32_t *cp,
                                  int *diag)
{
    unsigned b = s[0];
    size_t avail = (size_t)(e - s);
    *diag = 0;
    if (b < 0x80) {
        if (b == 0) {
            *cp = KH_REPLACEMENT;
            *diag = KHABAR_DIAG_NUL;
            return 1;
        }
        *cp = b;
        return 1;
    }
    if (b < 0xC2) {
        *cp = KH_REPLACEMENT;
        if (b < 0xC0) {
            *diag = KHABAR_DIAG_INVALID_UTF8;
            return 1;
        }
        /* C0, C1: overlong two-byte form of an ASCII character. */
        *diag = KHABAR_DIAG_OVERLONG;
        return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 1;
    }
    if (b < 0xE0) {
        if (avail >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((uint32_t)(b & 0x1F) << 6) | (s[1] & 0x3F);
            return 2;
        }
        *cp = KH_REPLACEMENT;
        *diag = KHABAR_DIAG_TRUNCATED;
        return 1;
    }
    if (b < 0xF0) {
        unsigned lo = 0x80, hi = 0xBF;
        int bad = 0;
        if (b == 0xE0) { lo = 0xA0; bad = KHABAR_DIAG_OVERLONG; }
        if (b == 0xED) { hi = 0x9F; bad = KHABAR_DIAG_SURROGATE; }
        *cp = KH_REPLACEMENT;
        if (avail < 2 || (s[1] & 0xC0) != 0x80) {
            *diag = KHABAR_DIAG_TRUNCATED;
            return 1;
        }
        if (s[1] < lo || s[1] > hi) {
            *diag = bad;
            return (avail >= 3 && (s[2] & 0xC0) == 0x80) ? 3 : 2;
        }
        if (avail < 3 || (s[2] & 0xC0) != 0x80) {
            *diag = KHABAR_DIAG_TRUNCATED;
            return 2;
        }
        *cp = ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
              (s[2] & 0x3F);
        return 3;
    }
    if (b < 0xF5) {
        unsigned lo = 0x80, hi = 0xBF;
        int bad = 0;
        size_t k;
        if (b == 0xF0) { lo = 0x90; bad = KHABAR_DIAG_OVERLONG; }
        if (b == 0xF4) { hi = 0x8F; bad = KHABAR_DIAG_TOO_LARGE; }
        *cp = KH_REPLACEMENT;
        if (avail < 2 || (s[1] & 0xC0) != 0x80) {
            *diag = KHABAR_DIAG_TRUNCATED;
            return 1;
        }
        if (s[1] < lo || s[1] > hi) {
            *diag = bad;
            for (k = 2; k < 4 && k < avail && (s[k] & 0xC0) == 0x80; k++)
                ;
            return k;
        }
        for (k = 2; k < 4; k++) {
            if (k >= avail || (s[k] & 0xC0) != 0x80) {
                *diag = KHABAR_DIAG_TRUNCATED;
                return k;
            }
        }
        *cp = ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
              ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = KH_REPLACEMENT;
    *diag = KHABAR_DIAG_TOO_LARGE;
    return 1;
}

/* The code points of n bytes of UTF-8: the bytes that are no continuation
 * byte. */
static inline size_t kh_utf8_count(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Writes cp (< 0x110000) as UTF-8 to out, which has room for 4 bytes;
 * returns the number of bytes written. */
static inline size_t kh_utf8_put(char *out, uint32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
