/*
 * root.c - roots guessed from letter patterns, for words the lexicon has no
 * root for (the result is marked as a guess). The article, pronoun and
 * inflection suffixes and the derivational prefixes of the common patterns
 * (م- ت- است- ا- ان-) come off; then the long vowels ا و ي and the hamza
 * seats inside the word go, and what remains, if it is 3 or 4 letters, is
 * the root. Weak roots (with و or ي) are often missed: a guess is a guess.
 */
#include "morph.h"

#define ALEF 0x0627
#define LAM 0x0644
#define TEH 0x062A
#define TEH_MARBUTA 0x0629
#define WAW 0x0648
#define NOON 0x0646
#define YEH 0x064A
#define MEEM 0x0645
#define SEEN 0x0633
#define HEH 0x0647
#define HAMZA 0x0621

static uint32_t plain(uint32_t c)
{
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return ALEF;
    case 0x0649: return YEH;
    default: return c;
    }
}

int kh_morph_guess_root(const uint32_t *host, int n, uint32_t *out)
{
    uint32_t w[KH_SEG_MAX + 4];
    int a = 0, b, i, k = 0;
    if (n < 3 || n > KH_SEG_MAX + 2)
        return 0;
    for (i = 0; i < n; i++)
        w[i] = plain(host[i]);
    b = n;
    if (b - a >= 5 && w[a] == ALEF && w[a + 1] == LAM)
        a += 2;
    /* Suffixes: feminine, plural, dual, nisba. */
    if (b - a >= 4 && w[b - 1] == TEH_MARBUTA)
        b--;
    if (b - a >= 5 && ((w[b - 2] == ALEF && w[b - 1] == TEH) ||
                       (w[b - 2] == WAW && w[b - 1] == NOON) ||
                       (w[b - 2] == YEH && w[b - 1] == NOON) ||
                       (w[b - 2] == ALEF && w[b - 1] == NOON)))
        b -= 2;
    if (b - a >= 4 && w[b - 1] == YEH)
        b--;
    /* Derivational prefixes. */
    if (b - a >= 6 && w[a] == ALEF && w[a + 1] == SEEN && w[a + 2] == TEH)
        a += 3;
    else if (b - a >= 5 && w[a] == MEEM && w[a + 1] == SEEN && w[a + 2] == TEH)
        a += 3;
    else if (b - a >= 4 && (w[a] == MEEM || w[a] == TEH))
        a += 1;
    else if (b - a >= 5 && w[a] == ALEF && w[a + 1] == NOON)
        a += 2;
    else if (b - a >= 4 && w[a] == ALEF)
        a += 1;
    /* Long vowels and infixed ت (افتعل) go; the first letter always stays. */
    for (i = a; i < b; i++) {
        uint32_t c = w[i];
        if (i > a && (c == ALEF || c == WAW || c == YEH) && b - a > 3)
            continue;
        if (c == 0x0626 || c == 0x0624)
            c = HAMZA;
        if (k < 5)
            out[k] = c;
        k++;
    }
    return k == 3 || k == 4 ? k : 0;
}
