/*
 * utf8.c - checking that bytes are well-formed UTF-8 text (utf8.h decodes).
 */
#include "utf8.h"

size_t khabar_utf8_check(const char *text, size_t len, khabar_diag *first)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + len, *p;
    size_t bad = 0;
    if (!text)
        return 0;
    for (p = s; p < e;) {
        uint32_t cp;
        int diag;
        size_t n;
        if (*p < 0x80 && *p) { /* ASCII runs cost one test a byte */
            p++;
            continue;
        }
        n = kh_utf8_next(p, e, &cp, &diag);
        if (diag) {
            if (!bad && first) {
                first->start = (size_t)(p - s);
                first->end = first->start + n;
                first->kind = diag;
            }
            bad++;
        }
        p += n;
    }
    return bad;
}
