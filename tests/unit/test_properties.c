/*
 * test_properties.c - properties that must hold on any input, checked on
 * thousands of random inputs built from fragments that stress the scanner
 * (Arabic with marks, presentation forms, digits and number signs, URLs,
 * quotes, invisible characters, ill-formed bytes, NULs, line endings):
 *   - tokens are in order, in range, non-empty, and the bytes between them
 *     are white space or invisible characters only, so tokens and gaps
 *     rebuild the input byte for byte;
 *   - sentences cover the tokens in order, without gaps;
 *   - normalization is idempotent under both presets, and its byte map is
 *     monotonic and in range;
 *   - the CoNLL-U output rebuilds valid input exactly.
 */
#include <stdint.h>
#include <stdlib.h>

#include "test.h"
#include "text/utf8.h"

static const char *const fragments[] = {
    "سوريا", "وبالحوار", "سُورْيَا", "الـرئيس", "مدينةسوتشي", "أ", "ى", "ة",
    "ؤ", "ئ", "\xd9\x8b", "\xd9\x91", "\xd9\x94", "\xd9\x93", "\xd9\x80",
    "ﺍﻟﺴﻼﻡ", "ﻻ", "ﷲ", "ﷺ", "ﱞ", "کی", "ۀ", "٣", "٫", "٬", "٪", "١٥",
    "2015", "3.5", "1,000", "20/10/", "10:30", "-", "/", ".", "...", "…",
    "،", "؛", "؟", "!", "«", "»", "\"", "(", ")", ":", "#", "@", "_",
    "http://", "www.", "a.b", "x@y.com", "U.S.", "iPhone", "O'", "é",
    "e\xcc\x81", "Привет", "東京", "😀", "👍🏽", "👩‍💻", "🇸🇾", "❤️", "©",
    "\xe2\x80\x8c", "\xe2\x80\x8d", "\xe2\x80\x8f", "\xef\xbb\xbf",
    "\xc2\xad", "\xe2\x80\x8b", "\xe2\x81\xa6", " ", " ", " ", "  ", "\t",
    "\n", "\n\n", "\r\n", "\r", "\xc2\xa0", "\xe2\x80\xa8", "\xe3\x80\x80",
    "\xff", "\xc0\x80", "\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80",
    "\x80", "\x01", "$", "|", "\\"};

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 11);
}

/* A random input of up to max fragments; may hold NULs. */
static size_t random_input(char *buf, size_t cap, int max)
{
    size_t len = 0, nf = sizeof fragments / sizeof *fragments;
    int k, n = (int)(next_rand() % (unsigned)max);
    for (k = 0; k < n; k++) {
        const char *f = fragments[next_rand() % nf];
        size_t fl = strlen(f);
        if (next_rand() % 40 == 0) {
            f = "\0";
            fl = 1;
        }
        if (len + fl >= cap)
            break;
        memcpy(buf + len, f, fl);
        len += fl;
    }
    return len;
}

/* Is [a, b) made only of white space and invisible characters? */
static int is_gap(const char *s, size_t a, size_t b)
{
    while (a < b) {
        uint32_t cp;
        int diag;
        size_t w = kh_utf8_next((const unsigned char *)s + a,
                                (const unsigned char *)s + b, &cp, &diag);
        int ok = !diag && (cp == ' ' || cp == '\t' || cp == '\n' ||
                           cp == '\r' || cp == 0x0B || cp == 0x0C ||
                           cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
                           (cp >= 0x2000 && cp <= 0x200F) || cp == 0x2028 ||
                           cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
                           cp == 0x3000 || cp == 0x00AD || cp == 0x061C ||
                           cp == 0x180E || (cp >= 0x202A && cp <= 0x202E) ||
                           (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF);
        if (!ok)
            return 0;
        a += w;
    }
    return 1;
}

static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int diag;
        i += kh_utf8_next((const unsigned char *)s + i,
                          (const unsigned char *)s + n, &cp, &diag);
        if (diag && diag != KHABAR_DIAG_NUL)
            return 0;
    }
    return 1;
}

static int check_doc(const char *s, size_t len)
{
    khabar_doc *d = khabar_analyze(t_model, s, len, NULL);
    const khabar_token *t = khabar_doc_tokens(d);
    const khabar_sentence *ss = khabar_doc_sentences(d);
    size_t n = khabar_doc_token_count(d), i, prev = 0, next_tok = 0;
    int ok = d != NULL;
    for (i = 0; ok && i < n; i++) {
        ok = t[i].start < t[i].end && t[i].end <= len && t[i].start >= prev &&
             is_gap(s, prev, t[i].start) &&
             valid_utf8(khabar_doc_norm(d) + t[i].norm, t[i].norm_len);
        prev = t[i].end;
    }
    ok = ok && is_gap(s, prev, len);
    for (i = 0; ok && i < khabar_doc_sentence_count(d); i++) {
        ok = ss[i].first_token == next_tok && ss[i].n_tokens > 0 &&
             ss[i].start == t[ss[i].first_token].start &&
             ss[i].end == t[ss[i].first_token + ss[i].n_tokens - 1].end;
        next_tok += ss[i].n_tokens;
    }
    ok = ok && next_tok == n;
    if (ok && n && valid_utf8(s, len) && !memchr(s, 0, len)) {
        t_buf b, r;
        ok = t_write(d, KHABAR_VIEW_TOKENS, KHABAR_FORMAT_CONLLU, &b) ==
                 KHABAR_OK &&
             t_conllu_rebuild(b.data, b.len, &r) == 0 && r.len == len &&
             memcmp(r.data, s, len) == 0;
        t_buf_free(&b);
        t_buf_free(&r);
    }
    khabar_doc_free(d);
    return ok;
}

static int check_norm(const char *s, size_t len, unsigned flags)
{
    khabar_normalized a, b;
    size_t i;
    int ok;
    khabar_normalize(t_model, s, len, flags, KHABAR_NORMALIZE_MAP, &a, NULL);
    khabar_normalize(t_model, a.text, a.len, flags, 0, &b, NULL);
    ok = a.len == b.len && memcmp(a.text, b.text, a.len) == 0 &&
         valid_utf8(a.text, a.len);
    for (i = 0; ok && i < a.len; i++) {
        ok = a.src_start[i] < a.src_end[i] && a.src_end[i] <= len &&
             (i == 0 || a.src_start[i] >= a.src_start[i - 1]);
    }
    khabar_normalized_free(&a);
    khabar_normalized_free(&b);
    return ok;
}

static void dump(const char *what, const char *s, size_t len)
{
    size_t i;
    fprintf(stderr, "%s fails on:", what);
    for (i = 0; i < len; i++)
        fprintf(stderr, " %02x", (unsigned char)s[i]);
    fprintf(stderr, "\n");
}

void suite_properties(void)
{
    char buf[2048];
    int i, bad_doc = 0, bad_norm = 0;
    for (i = 0; i < 5000; i++) {
        size_t len = random_input(buf, sizeof buf, i < 4000 ? 12 : 120);
        if (!check_doc(buf, len) && bad_doc++ < 3)
            dump("tokens/sentences", buf, len);
        if ((!check_norm(buf, len, 0) ||
             !check_norm(buf, len, KHABAR_NORM_DISPLAY) ||
             !check_norm(buf, len, KHABAR_NORM_SEARCH |
                                       KHABAR_NORM_HAMZA_SEATS)) &&
            bad_norm++ < 3)
            dump("normalization", buf, len);
    }
    CHECK(bad_doc == 0);
    CHECK(bad_norm == 0);
}
