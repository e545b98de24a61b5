/*
 * host.c - the analysis of a host (a word without its clitics, as restored
 * letters): its lemma, root and search stem, and the flags that say which
 * were guessed. The words stage asks the table of frequent hosts first
 * (hosts.c), which `khabar-train hosts` fills with this very function.
 */
#include "morph.h"

#include <string.h>

#include "../model/model.h"
#include "../text/utf8.h"

/* Copies a string of the lexicon's pool, cut to the buffer's size. */
static void copy(char *dst, size_t *len, const char *src, size_t n)
{
    if (n > KH_HOST_BYTES)
        n = KH_HOST_BYTES;
    memcpy(dst, src, n);
    *len = n;
}

/* Alefs with a hamza or madda: the spellings the lexicon's keys fold. */
static int is_alef_form(uint32_t c)
{
    return c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* The analysis of entry e that fits the host best. The lexicon's keys fold
 * spellings together (أن and إن are one key), so an analysis whose lemma is
 * the host as spelled, or starts with the same alef, is preferred to a more
 * frequent one that does not. */
static const kh_lex_analysis *best_analysis(const kh_lexicon *lex,
                                            const kh_lex_entry *e,
                                            const uint32_t *host, int hn)
{
    char spelled[4 * (KH_SEG_MAX + 4)];
    size_t n = kh_seg_utf8(host, hn, spelled);
    const kh_lex_analysis *best = NULL;
    uint64_t best_score = 0;
    uint32_t i;
    for (i = 0; i < e->n_analyses; i++) {
        const kh_lex_analysis *a = &lex->analyses[e->analyses + i];
        const char *lemma = lex->pool + a->lemma;
        uint64_t score = (uint64_t)a->count + 1;
        if (!hn || !is_alef_form(host[0]))
            ; /* only the alef's spelling is folded away in the key */
        else if (a->lemma_len == n && memcmp(lemma, spelled, n) == 0)
            score *= 8;
        else if (a->lemma_len >= 2) {
            uint32_t first;
            int diag;
            kh_utf8_next((const unsigned char *)lemma,
                         (const unsigned char *)lemma + a->lemma_len, &first,
                         &diag);
            if (first == host[0])
                score *= 2;
        }
        if (!best || score > best_score) {
            best = a;
            best_score = score;
        }
    }
    return best;
}

/* The analysis of entry e whose lemma is lemma[0, n), or NULL. */
static const kh_lex_analysis *analysis_of(const kh_lexicon *lex,
                                          const kh_lex_entry *e,
                                          const uint32_t *lemma, int n)
{
    char u[4 * (KH_SEG_MAX + 4)];
    size_t un = kh_seg_utf8(lemma, n, u);
    uint32_t i;
    for (i = 0; i < e->n_analyses; i++) {
        const kh_lex_analysis *a = &lex->analyses[e->analyses + i];
        if (a->lemma_len == un && memcmp(lex->pool + a->lemma, u, un) == 0)
            return a;
    }
    return NULL;
}

/* A host's analysis, computed: the lemma from the lemmatizer (or the
 * lexicon's best analysis, or a guess, when the model has no lemmatizer), the
 * root from the lexicon's analysis with that lemma (else guessed from letter
 * patterns), the search stem. */
void kh_host_compute(const khabar_model *m, const uint32_t *host, int hn,
                     kh_host_analysis *r)
{
    const kh_lex_entry *e = kh_morph_find(m, host, hn);
    uint32_t buf[KH_SEG_MAX + 4];
    int n;
    r->lemma_len = r->root_len = 0;
    r->flags = 0;
    if (hn > KH_SEG_MAX + 4)
        hn = KH_SEG_MAX + 4;
    if (m->has_lemmatizer) {
        const kh_lex_analysis *a;
        int convention = 1;
        n = kh_lem_convention(host, hn, buf, KH_SEG_MAX + 4);
        if (!n) {
            convention = 0;
            n = kh_lemmatize(&m->lemmatizer, m->has_lexicon ? &m->lex : NULL,
                             host, hn, buf, KH_SEG_MAX + 4);
        }
        r->lemma_len = kh_seg_utf8(buf, n, r->lemma);
        a = e ? analysis_of(&m->lex, e, buf, n) : NULL;
        if (a && a->root_len)
            copy(r->root, &r->root_len, m->lex.pool + a->root, a->root_len);
        if (!a && !convention)
            r->flags |= KHABAR_WORD_LEMMA_GUESSED;
    } else if (e && e->n_analyses) {
        const kh_lex_analysis *a = best_analysis(&m->lex, e, host, hn);
        copy(r->lemma, &r->lemma_len, m->lex.pool + a->lemma, a->lemma_len);
        if (a->root_len)
            copy(r->root, &r->root_len, m->lex.pool + a->root, a->root_len);
    } else {
        n = kh_morph_guess_lemma(host, hn, buf);
        r->lemma_len = kh_seg_utf8(buf, n, r->lemma);
        r->flags |= KHABAR_WORD_LEMMA_GUESSED;
    }
    if (!r->root_len) {
        n = kh_morph_guess_root(host, hn, buf);
        if (n) {
            r->root_len = kh_seg_utf8(buf, n, r->root);
            r->flags |= KHABAR_WORD_ROOT_GUESSED;
        }
    }
    n = kh_morph_stem_entry(m, host, hn, e, buf);
    r->stem_len = kh_seg_utf8(buf, n, r->stem);
}
