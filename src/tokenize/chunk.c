/*
 * chunk.c - where to cut a long text into pieces analyzed one at a time.
 *
 * A cut never splits a line when the piece holds a line break, never splits
 * a word when it holds white space, and never splits a UTF-8 sequence.
 */
#include "khabar.h"

/* After the last line break in b[0..n), or 0. */
static size_t after_last_line(const char *b, size_t n)
{
    size_t i;
    for (i = n; i > 0; i--) {
        if (b[i - 1] == '\n')
            return i;
    }
    return 0;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* After the last sentence end followed by white space (. ! ? ؟), else
 * after the last white space, else before the last character that starts
 * in the final four bytes, else n. */
static size_t cut_in_line(const char *b, size_t n)
{
    size_t i;
    for (i = n; i > 1; i--) {
        char c = b[i - 2];
        if (is_blank(b[i - 1]) &&
            (c == '.' || c == '!' || c == '?' ||
             (i >= 3 && (unsigned char)b[i - 3] == 0xD8 &&
              (unsigned char)c == 0x9F))) /* ؟ */
            return i;
    }
    for (i = n; i > 0; i--) {
        if (is_blank(b[i - 1]))
            return i;
    }
    for (i = n - 1; i > 0 && n - i <= 4; i--) {
        if (((unsigned char)b[i] & 0xC0) != 0x80)
            return i;
    }
    return n;
}

size_t khabar_chunk_end(const char *text, size_t len, size_t max)
{
    size_t cut;
    if (!text || len <= max || max == 0)
        return len;
    cut = after_last_line(text, max);
    return cut ? cut : cut_in_line(text, max);
}
