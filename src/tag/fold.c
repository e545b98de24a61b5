/*
 * fold.c - the taggers' search keys: a form's letters folded as the
 * lexicon's keys are (features.h, kh_tag_fold), a folded key loosened for
 * foreign spellings (kh_tag_loosen), and the doc's strings folded once for
 * every stage that reads keys (kh_tag_fold_doc).
 *
 * Folding keeps every byte where it is (each letter it changes is two bytes
 * and stays two), so a string's key is at the same offset in the folded
 * copy as the string in doc->norm_buf: the POS tagger, the recognizer, its
 * cues and doc rules and coreference read keys there instead of folding
 * the same host again each.
 */
#include "features.h"

#include <stdlib.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../core/doc.h"

/* Folds s[i, len) into o from a byte i that is no letter's second byte. A
 * letter of U+0600..U+067F is a lead byte D8 or D9 and one more byte: all
 * that folding changes; any other byte is copied. */
static void fold_bytes(const unsigned char *s, unsigned char *o, size_t i,
                       size_t len)
{
    while (i + 1 < len) {
        unsigned char c = s[i], d = s[i + 1];
        if ((c & 0xFE) != 0xD8) {
            o[i++] = c;
            continue;
        }
        o[i] = c;
        o[i + 1] = d;
        if (c == 0xD8) {
            unsigned k = d - 0xA0u;
            /* آ أ إ (A2 A3 A5) -> ا; ة (A9) -> ه */
            if (k < 16 && (0x22Cu >> k & 1)) {
                if (k == 9) {
                    o[i] = 0xD9;
                    o[i + 1] = 0x87;
                } else {
                    o[i + 1] = 0xA7;
                }
            }
        } else if (d == 0x89) {
            o[i + 1] = 0x8A; /* ى -> ي */
        } else if (d == 0xB1) {
            o[i] = 0xD8; /* ٱ -> ا */
            o[i + 1] = 0xA7;
        }
        i += 2;
    }
    if (i < len)
        o[i] = s[i];
}

#if defined(__SSE2__)
static inline __m128i ones(int b) { return _mm_set1_epi8((char)b); }

static inline __m128i pick(__m128i x, __m128i m, __m128i y)
{
    return _mm_or_si128(_mm_andnot_si128(m, x), _mm_and_si128(m, y));
}

/* fold_bytes 16 bytes at a time: at each lead byte the next byte says what
 * changes, the lead in place and the next byte one lane on (carried into
 * the next block from the last lane). In UTF-8 every D8 or D9 is a lead (no
 * continuation byte is one); where two follow one another, it stops.
 * Returns where it stopped, a byte that is no letter's second byte, with o
 * written before it; the caller folds the rest. */
static size_t fold_blocks(const unsigned char *s, unsigned char *o,
                          size_t len)
{
    __m128i carry_val = _mm_setzero_si128(), carry_mask = carry_val,
            carry_leads = carry_val;
    size_t i = 0;
    for (; i + 17 <= len; i += 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        const __m128i w =
            _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        const __m128i d8 = _mm_cmpeq_epi8(v, ones(0xD8)),
                      d9 = _mm_cmpeq_epi8(v, ones(0xD9));
        const __m128i leads = _mm_or_si128(d8, d9);
        const __m128i alef = _mm_and_si128(
            d8, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, ones(0xA2)),
                                          _mm_cmpeq_epi8(w, ones(0xA3))),
                             _mm_cmpeq_epi8(w, ones(0xA5))));
        const __m128i ta = _mm_and_si128(d8, _mm_cmpeq_epi8(w, ones(0xA9)));
        const __m128i ya = _mm_and_si128(d9, _mm_cmpeq_epi8(w, ones(0x89)));
        const __m128i wasla = _mm_and_si128(d9, _mm_cmpeq_epi8(w, ones(0xB1)));
        const __m128i to_a7 = _mm_or_si128(alef, wasla);
        const __m128i mask = _mm_or_si128(_mm_or_si128(to_a7, ta), ya);
        const __m128i val = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(to_a7, ones(0xA7)),
                         _mm_and_si128(ta, ones(0x87))),
            _mm_and_si128(ya, ones(0x8A)));
        __m128i out;
        /* A lead right after a lead (no UTF-8 has one) is the first one's
         * second byte: the bytes fold one by one from here. */
        if (_mm_movemask_epi8(_mm_and_si128(
                leads, _mm_or_si128(_mm_slli_si128(leads, 1),
                                    _mm_srli_si128(carry_leads, 15)))))
            break;
        out = pick(pick(v, ta, ones(0xD9)), wasla, ones(0xD8));
        const __m128i next_mask = _mm_or_si128(_mm_slli_si128(mask, 1),
                                               _mm_srli_si128(carry_mask, 15));
        const __m128i next_val = _mm_or_si128(_mm_slli_si128(val, 1),
                                              _mm_srli_si128(carry_val, 15));
        out = pick(out, next_mask, next_val);
        _mm_storeu_si128((__m128i *)(void *)(o + i), out);
        carry_mask = mask;
        carry_val = val;
        carry_leads = leads;
    }
    /* A lead in the last lane: its pair again, whole. */
    if (i > 0 && (s[i - 1] & 0xFE) == 0xD8)
        i--;
    return i;
}
#endif

size_t kh_tag_fold(const char *form, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)form;
    unsigned char *o = (unsigned char *)out;
    size_t i = 0;
#if defined(__SSE2__)
    i = fold_blocks(s, o, len);
#endif
    fold_bytes(s, o, i, len);
    return len;
}

const unsigned char kh_tag_g_letters[KH_TAG_G_LETTERS][2] = {
    {0xD8, 0xAC}, {0xD8, 0xBA}, {0xD9, 0x82}, {0xD9, 0x83}}; /* ج غ ق ك */

int kh_tag_g_letter(const char *s, size_t n)
{
    int c;
    for (c = 0; n >= 2 && c < KH_TAG_G_LETTERS; c++) {
        if ((unsigned char)s[0] == kh_tag_g_letters[c][0] &&
            (unsigned char)s[1] == kh_tag_g_letters[c][1])
            return c;
    }
    return -1;
}

size_t kh_tag_loosen(char *k, size_t n)
{
    size_t i, o = 0, letters = 0;
    int any = 0;
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)k[i];
        if ((b & 0xC0) != 0x80)
            letters++;
        if (kh_tag_g_letter(k + i, n - i) >= 0) {
            k[o++] = 'G';
            i++;
            any = 1;
            continue;
        }
        k[o++] = (char)b;
    }
    return any && letters >= 5 ? o : 0;
}

int kh_tag_fold_doc(khabar_doc *doc)
{
    char *p;
    if (doc->fold_len >= doc->norm_len && doc->fold_buf)
        return 0;
    /* The strings are only ever appended to: fold what is new. A doc with
     * none gets a buffer too, so that keys (of no bytes) point somewhere. */
    p = realloc(doc->fold_buf, doc->norm_len ? doc->norm_len : 1);
    if (!p)
        return -1;
    doc->fold_buf = p;
    kh_tag_fold(doc->norm_buf + doc->fold_len, doc->norm_len - doc->fold_len,
                p + doc->fold_len);
    doc->fold_len = doc->norm_len;
    return 0;
}
