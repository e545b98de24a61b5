/*
 * lemma_upos.c - what a word's part of speech says of its lemma. The
 * lemmatizer (lemmatize.c) runs in the words stage, before the tagger, and
 * chooses from the host's letters alone: where a noun and an adjective
 * share them (الملكية: ownership, or royal; مساعدة: help, or helping) it
 * must guess, and it guesses the noun, which PADT has more of; where a name
 * looks like an inflected word (فوروم, مكنيلي, كلاين) it may cut it. Once
 * the tagger has spoken:
 *
 *   - an adjective's lemma is its masculine singular (PADT's convention:
 *     not one adjective of PADT has a lemma in ة), so the lemma of a word
 *     tagged ADJ loses a final ة (رائعة -> رائع, الملكية -> ملكي), unless
 *     an alef comes before it (حياة, فتاة: nouns);
 *   - a noun's lemma keeps the ة of its host (not one noun of PADT part b
 *     whose host ends in ة has a lemma without it), where the lemmatizer
 *     took it off because the shorter word is common in the news
 *     (المناعة -> مناع, a family name; تقوية -> تقوي, as تقوى is folded);
 *   - a name is not inflected, so a word tagged PROPN whose host PADT never
 *     analyzed is its own lemma, the article off (البرازيل -> برازيل); the
 *     names PADT knows keep the lemma it gives them (الولايات -> ولاية).
 *
 * Only lengths and offsets change: the bytes stay where they are, shared
 * with the copies of the words stage's memo (words.c).
 */
#include "morph.h"

#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../text/utf8.h"

/* The host's letters at s[0, n) without a leading ال (two letters left). */
static size_t after_article(const unsigned char *s, size_t n)
{
    /* ال is D8 A7 D9 84. */
    return n >= 8 && s[0] == 0xD8 && s[1] == 0xA7 && s[2] == 0xD9 &&
                   s[3] == 0x84
               ? 4
               : 0;
}

/* Whether PADT analyzed some host with the letters of s[0, n). */
static int padt_knows(const khabar_model *m, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    uint32_t cp[KH_SEG_MAX + 4];
    const kh_lex_entry *e;
    int k = 0, diag;
    uint16_t j;
    while (p < end) {
        if (k == KH_SEG_MAX + 4)
            return 1; /* too long to be a host: leave it */
        p += kh_utf8_next(p, end, &cp[k++], &diag);
    }
    e = kh_morph_find(m, cp, k);
    for (j = 0; e && j < e->n_analyses; j++) {
        if (m->lex.analyses[e->analyses + j].upos != KH_UPOS_X)
            return 1;
    }
    return 0;
}

void kh_lemma_after_upos(khabar_doc *doc, size_t a, size_t b)
{
    khabar_word *w = (khabar_word *)doc->words.data;
    size_t i;
    for (i = a; i < b; i++) {
        const unsigned char *l, *f;
        if (w[i].upos == KHABAR_UPOS_ADJ && w[i].lemma_len >= 6) {
            l = (const unsigned char *)doc->norm_buf + w[i].lemma +
                w[i].lemma_len;
            /* ة is D8 A9 (no other letter ends so); two letters remain. */
            if (l[-2] == 0xD8 && l[-1] == 0xA9 &&
                !(l[-4] == 0xD8 && l[-3] == 0xA7))
                w[i].lemma_len = (uint16_t)(w[i].lemma_len - 2);
        } else if (w[i].upos == KHABAR_UPOS_NOUN && w[i].form_len >= 6) {
            size_t from = w[i].form, n = w[i].form_len, art;
            f = (const unsigned char *)doc->norm_buf + from;
            art = after_article(f, n);
            from += art;
            n -= art;
            /* The lemma is the host without ال and without its ة. */
            if (f[n + art - 2] == 0xD8 && f[n + art - 1] == 0xA9 &&
                w[i].lemma_len == n - 2 &&
                memcmp(doc->norm_buf + w[i].lemma, doc->norm_buf + from,
                       n - 2) == 0) {
                w[i].lemma = from;
                w[i].lemma_len = (uint16_t)n;
            }
        } else if (w[i].upos == KHABAR_UPOS_PROPN &&
                   (w[i].role == KHABAR_WORD_HOST ||
                    w[i].role == KHABAR_WORD_WHOLE) &&
                   w[i].form_len >= 4) {
            size_t from = w[i].form, n = w[i].form_len, art;
            f = (const unsigned char *)doc->norm_buf + from;
            art = after_article(f, n);
            from += art;
            n -= art;
            if ((n != w[i].lemma_len ||
                 memcmp(doc->norm_buf + from, doc->norm_buf + w[i].lemma,
                        n) != 0) &&
                f[0] >= 0xD8 && f[0] <= 0xDB &&
                !padt_knows(doc->model, doc->norm_buf + w[i].form,
                            w[i].form_len)) {
                w[i].lemma = from;
                w[i].lemma_len = (uint16_t)n;
            }
        }
    }
}
