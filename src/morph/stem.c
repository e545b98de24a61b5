/*
 * stem.c - search stems: one per token, so that a word and its clitic and
 * inflected forms match (سوريا لسوريا وسوريا بسوريا سُورْيَا -> سوريا) while
 * different words stay apart (سورة, بوتين/تين, مدرسة/مدرس, قطر/قطار).
 *
 * The stem is built on the host the segmenter found, search-folded, then:
 *   - the article ال comes off when at least two letters remain;
 *   - a sound plural or dual suffix (ات ون ين ان) comes off when the lexicon
 *     knows what remains (or, for ات, what remains plus ة) at least a
 *     quarter as often as the inflected form itself. The guard keeps names
 *     and broken plurals whole: بوتين is far more common than بوت.
 * ة (folded to ه) stays: مدرسة and مدرس must not meet. The hamza seats ؤ
 * and ئ become ء, so that مسؤول and مسئول meet.
 */
#include "morph.h"

#include "../model/model.h"

#define ALEF 0x0627
#define LAM 0x0644
#define TEH 0x062A
#define WAW 0x0648
#define NOON 0x0646
#define YEH 0x064A
#define HEH 0x0647

uint32_t kh_morph_fold(uint32_t cp)
{
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return ALEF;
    case 0x0649: return YEH;
    case 0x0629: return HEH;
    default: return cp;
    }
}

const kh_lex_entry *kh_morph_find(const khabar_model *m, const uint32_t *cp,
                                  int n)
{
    char key[4 * (KH_SEG_MAX + 4)];
    uint32_t f[KH_SEG_MAX + 4];
    int i;
    if (!m || !m->has_lexicon || n <= 0 || n > KH_SEG_MAX + 4)
        return NULL;
    for (i = 0; i < n; i++)
        f[i] = kh_morph_fold(cp[i]);
    return kh_lexicon_find(&m->lex, key, kh_seg_utf8(f, n, key));
}

static uint32_t count_of(const khabar_model *m, const uint32_t *cp, int n)
{
    const kh_lex_entry *e = kh_morph_find(m, cp, n);
    return e && (e->flags & KH_LEX_TOKEN) ? e->count : 0;
}

static int ends2(const uint32_t *s, int n, uint32_t a, uint32_t b)
{
    return n >= 2 && s[n - 2] == a && s[n - 1] == b;
}

int kh_morph_stem(const khabar_model *m, const uint32_t *host, int n,
                  uint32_t *out)
{
    return kh_morph_stem_entry(m, host, n, kh_morph_find(m, host, n), out);
}

/* The hamza seats ؤ and ئ fold to ء in a stem: مسؤول and مسئول, two
 * spellings of one word, meet. */
static int fold_hamza(uint32_t *out, int k)
{
    int i;
    for (i = 0; i < k; i++) {
        if (out[i] == 0x0624 || out[i] == 0x0626)
            out[i] = 0x0621;
    }
    return k;
}

static int stem_entry(const khabar_model *m, const uint32_t *host, int n,
                      const kh_lex_entry *e, uint32_t *out);

int kh_morph_stem_entry(const khabar_model *m, const uint32_t *host, int n,
                        const kh_lex_entry *e, uint32_t *out)
{
    return fold_hamza(out, stem_entry(m, host, n, e, out));
}

static int stem_entry(const khabar_model *m, const uint32_t *host, int n,
                      const kh_lex_entry *e, uint32_t *out)
{
    int i, k = 0, start = 0;
    uint32_t whole;
    if (n > KH_SEG_MAX + 2)
        n = KH_SEG_MAX + 2;
    /* الله keeps its letters: it is not ال + له. */
    /* The article's alef is bare (or wasla): آلاف is not ال + اف. */
    if (n >= 4 && (host[0] == ALEF || host[0] == 0x0671) && host[1] == LAM &&
        !(n == 4 && host[2] == LAM && host[3] == HEH))
        start = 2;
    for (i = start; i < n; i++)
        out[k++] = kh_morph_fold(host[i]);
    if (k < 5)
        return k;
    if (!ends2(out, k, ALEF, TEH) && !ends2(out, k, WAW, NOON) &&
        !ends2(out, k, YEH, NOON) && !ends2(out, k, ALEF, NOON))
        return k;
    /* The entry the caller has is the host's, with the article: look the
     * stem up only when the article came off. */
    whole = start ? count_of(m, out, k)
                  : (e && (e->flags & KH_LEX_TOKEN) ? e->count : 0);
    if (ends2(out, k, ALEF, TEH)) {
        /* مفاوضات -> مفاوضه, or -> مفاوض when that is the word */
        uint32_t with_teh, plain;
        out[k - 2] = HEH;
        with_teh = count_of(m, out, k - 1);
        plain = count_of(m, out, k - 2);
        if (with_teh >= plain && with_teh > 0 && 4 * with_teh >= whole)
            return k - 1;
        if (plain > 0 && 4 * plain >= whole)
            return k - 2;
        out[k - 2] = ALEF;
        return k;
    }
    if (ends2(out, k, WAW, NOON) || ends2(out, k, YEH, NOON) ||
        ends2(out, k, ALEF, NOON)) {
        uint32_t plain;
        if (out[k - 3] == TEH && !ends2(out, k, WAW, NOON)) {
            /* a dual of a word in ة: مدرستين, مدرستان -> مدرسه */
            out[k - 3] = HEH;
            plain = count_of(m, out, k - 2);
            if (plain > 0 && 4 * plain >= whole)
                return k - 2;
            out[k - 3] = TEH;
        }
        plain = count_of(m, out, k - 2);
        if (plain > 0 && 4 * plain >= whole)
            return k - 2;
    }
    return k;
}
