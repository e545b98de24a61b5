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

#include "../core/doc.h"

size_t kh_tag_fold(const char *form, size_t len, char *out)
{
    const unsigned char *s = (const unsigned char *)form;
    unsigned char *o = (unsigned char *)out;
    size_t i = 0;
    /* A letter of U+0600..U+067F is a lead byte D8 or D9 and one more
     * byte: all that folding changes; any other byte is copied. */
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
    return len;
}

size_t kh_tag_loosen(char *k, size_t n)
{
    size_t i, o = 0, letters = 0;
    int any = 0;
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)k[i];
        if ((b & 0xC0) != 0x80)
            letters++;
        if (i + 1 < n && ((b == 0xD8 && ((unsigned char)k[i + 1] == 0xAC ||
                                         (unsigned char)k[i + 1] == 0xBA)) ||
                          (b == 0xD9 && ((unsigned char)k[i + 1] == 0x82 ||
                                         (unsigned char)k[i + 1] == 0x83)))) {
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
