/*
 * lemma.c - lemmas for hosts the lexicon does not know. A lemma from the
 * lexicon (the treebank's) is always preferred; this guess follows the
 * PADT/PUD convention as far as letters allow without a tagger: the article
 * comes off; sound masculine plurals and duals (ون ين ان) come off; sound
 * feminine plurals (ات) become ة. Anything else is its own lemma.
 */
#include "morph.h"

#define ALEF 0x0627
#define ALEF_HAMZA 0x0623
#define ALEF_HAMZA_BELOW 0x0625
#define ALEF_MADDA 0x0622
#define LAM 0x0644
#define TEH 0x062A
#define TEH_MARBUTA 0x0629
#define WAW 0x0648
#define NOON 0x0646
#define YEH 0x064A

static int is_alef(uint32_t c)
{
    return c == ALEF || c == ALEF_HAMZA || c == ALEF_HAMZA_BELOW ||
           c == ALEF_MADDA;
}

int kh_morph_guess_lemma(const uint32_t *host, int n, uint32_t *out)
{
    int i, k = 0, start = 0;
    if (n >= 4 && host[0] == ALEF && host[1] == LAM)
        start = 2;
    for (i = start; i < n; i++)
        out[k++] = host[i];
    if (k >= 5 && out[k - 2] == ALEF && out[k - 1] == TEH) {
        out[k - 2] = TEH_MARBUTA;
        return k - 1;
    }
    if (k >= 5 && out[k - 1] == NOON &&
        (out[k - 2] == WAW || out[k - 2] == YEH || is_alef(out[k - 2])))
        return k - 2;
    return k;
}
