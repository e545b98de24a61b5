/* test_utf8.c - the decoder: every well-formed length, every kind of
 * ill-formed unit, and the unit's extent. */
#include "test.h"
#include "text/utf8.h"

/* Decodes the first unit of s[0..n) and checks code point, width, kind. */
static void one(const char *s, size_t n, uint32_t want_cp, size_t want_w,
                int want_diag)
{
    uint32_t cp = 0;
    int diag = -1;
    size_t w = kh_utf8_next((const unsigned char *)s,
                            (const unsigned char *)s + n, &cp, &diag);
    CHECK(cp == want_cp);
    CHECK(w == want_w);
    CHECK(diag == want_diag);
    if (cp != want_cp || w != want_w || diag != want_diag)
        fprintf(stderr, "  input %02x..: cp %04x w %zu diag %d\n",
                (unsigned char)s[0], cp, w, diag);
}

void suite_utf8(void)
{
    char buf[8];
    one("a", 1, 'a', 1, 0);
    one("\xd8\xa7", 2, 0x0627, 2, 0);                 /* ا */
    one("\xe2\x80\x8c", 3, 0x200C, 3, 0);             /* ZWNJ */
    one("\xf0\x9f\x98\x80", 4, 0x1F600, 4, 0);        /* emoji */
    one("\xef\xbb\xbf", 3, 0xFEFF, 3, 0);             /* BOM is valid */
    one("\0", 1, 0xFFFD, 1, KHABAR_DIAG_NUL);
    one("\x80", 1, 0xFFFD, 1, KHABAR_DIAG_INVALID_UTF8);
    one("\xbf\x80", 2, 0xFFFD, 1, KHABAR_DIAG_INVALID_UTF8);
    one("\xc0\x80", 2, 0xFFFD, 2, KHABAR_DIAG_OVERLONG);
    one("\xc1\xbf", 2, 0xFFFD, 2, KHABAR_DIAG_OVERLONG);
    one("\xe0\x80\xaf", 3, 0xFFFD, 3, KHABAR_DIAG_OVERLONG);
    one("\xf0\x80\x80\xaf", 4, 0xFFFD, 4, KHABAR_DIAG_OVERLONG);
    one("\xed\xa0\x80", 3, 0xFFFD, 3, KHABAR_DIAG_SURROGATE);
    one("\xed\xbf\xbf", 3, 0xFFFD, 3, KHABAR_DIAG_SURROGATE);
    one("\xed\x9f\xbf", 3, 0xD7FF, 3, 0);             /* just below */
    one("\xf4\x90\x80\x80", 4, 0xFFFD, 4, KHABAR_DIAG_TOO_LARGE);
    one("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4, 0);
    one("\xf5\x80\x80\x80", 4, 0xFFFD, 1, KHABAR_DIAG_TOO_LARGE);
    one("\xff", 1, 0xFFFD, 1, KHABAR_DIAG_TOO_LARGE);
    /* Truncated: the well-formed prefix is one unit. */
    one("\xd8", 1, 0xFFFD, 1, KHABAR_DIAG_TRUNCATED);
    one("\xd8" "a", 2, 0xFFFD, 1, KHABAR_DIAG_TRUNCATED);
    one("\xe2\x80" "a", 3, 0xFFFD, 2, KHABAR_DIAG_TRUNCATED);
    one("\xe2\x80", 2, 0xFFFD, 2, KHABAR_DIAG_TRUNCATED);
    one("\xf0\x9f\x98", 3, 0xFFFD, 3, KHABAR_DIAG_TRUNCATED);
    one("\xf0\x9f" "\xd8\xa7", 4, 0xFFFD, 2, KHABAR_DIAG_TRUNCATED);
    /* The encoder round-trips every length. */
    CHECK(kh_utf8_put(buf, 0x41) == 1 && buf[0] == 'A');
    CHECK(kh_utf8_put(buf, 0x0627) == 2 && !memcmp(buf, "\xd8\xa7", 2));
    CHECK(kh_utf8_put(buf, 0xFFFD) == 3 && !memcmp(buf, "\xef\xbf\xbd", 3));
    CHECK(kh_utf8_put(buf, 0x1F600) == 4 &&
          !memcmp(buf, "\xf0\x9f\x98\x80", 4));
}
