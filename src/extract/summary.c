/*
 * summary.c - the extractive summary (stage SUMMARY): the n sentences
 * closest to the doc as a whole, in input order.
 *
 * Each sentence and the doc are vectors of content lemmas (keywords.c's
 * slots) weighted tf-idf; a sentence's centrality is its cosine with the
 * doc's vector (the centroid method of MEAD), times a small bonus for the
 * lead, which in news carries the story: 1.25 for the first sentence of
 * the body, falling to 1 by the fifth. Headings and bylines (lines of
 * fewer than 15 words that end without punctuation, and anything under 6
 * words) are left out when enough other sentences remain.
 */
#include "extract.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"

#define MIN_WORDS 6
#define MAX_HEADING_WORDS 15

typedef struct ranked {
    double score;
    size_t sentence;
} ranked;

static int by_score(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

/* Whether sentence s reads as a heading or byline rather than a sentence. */
static int heading(const khabar_doc *doc, const khabar_sentence *se)
{
    const khabar_token *t = doc->tokens.data;
    size_t words = doc->token_words[se->first_token + se->n_tokens] -
                   doc->token_words[se->first_token];
    if (words < MIN_WORDS)
        return 1;
    return words < MAX_HEADING_WORDS && se->n_tokens > 0 &&
           t[se->first_token + se->n_tokens - 1].kind != KHABAR_TOK_PUNCT;
}

static int by_index(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return (a > b) - (a < b);
}

int kh_summary(khabar_doc *doc, unsigned want)
{
    const khabar_sentence *se = doc->sentences.data;
    const uint32_t *slot = doc->lemma_slot.data;
    const double *idf = doc->slot_idf.data;
    size_t n_sent = doc->sentences.len, n_slots = doc->slot_idf.len;
    size_t n_words = doc->lemma_slot.len, s, i, k, long_ones = 0, body = 0;
    double *doc_w = NULL, *sent_w = NULL, doc_norm = 0;
    size_t *stamp = NULL;
    ranked *r = NULL;
    int rc = -1;

    if (n_sent == 0 || want == 0 || !doc->token_words || n_words == 0)
        return 0;
    doc_w = calloc(n_slots ? n_slots : 1, sizeof *doc_w);
    sent_w = calloc(n_slots ? n_slots : 1, sizeof *sent_w);
    stamp = malloc((n_slots ? n_slots : 1) * sizeof *stamp);
    r = malloc(n_sent * sizeof *r);
    if (!doc_w || !sent_w || !stamp || !r)
        goto out;
    for (i = 0; i < n_words; i++)
        if (slot[i] != UINT32_MAX)
            doc_w[slot[i]] += idf[slot[i]];
    for (i = 0; i < n_slots; i++) {
        doc_norm += doc_w[i] * doc_w[i];
        stamp[i] = SIZE_MAX;
    }
    doc_norm = sqrt(doc_norm);
    for (s = 0; s < n_sent; s++)
        long_ones += !heading(doc, &se[s]);
    for (s = 0; s < n_sent; s++) {
        size_t a = doc->token_words[se[s].first_token];
        size_t b = doc->token_words[se[s].first_token + se[s].n_tokens];
        double dot = 0, norm = 0, lead = 1.0;
        r[s].sentence = s;
        r[s].score = -1;
        if (long_ones >= want && heading(doc, &se[s]))
            continue;
        /* The sentence's tf-idf vector, reset lazily by stamp. */
        for (i = a; i < b; i++) {
            uint32_t x = slot[i];
            if (x == UINT32_MAX)
                continue;
            if (stamp[x] != s) {
                stamp[x] = s;
                sent_w[x] = 0;
            }
            sent_w[x] += idf[x];
        }
        for (i = a; i < b; i++) {
            uint32_t x = slot[i];
            if (x == UINT32_MAX || stamp[x] != s)
                continue;
            dot += sent_w[x] * doc_w[x];
            norm += sent_w[x] * sent_w[x];
            stamp[x] = SIZE_MAX - 1; /* counted */
        }
        if (body < 5)
            lead = 1.25 - 0.0625 * (double)body;
        body++;
        r[s].score = norm > 0 && doc_norm > 0
                         ? lead * dot / (sqrt(norm) * doc_norm)
                         : 0;
    }
    kh_sort(r, n_sent, sizeof *r, by_score);
    k = n_sent < want ? n_sent : want;
    if (kh_vec_reserve(&doc->summary, sizeof(size_t), k) != 0)
        goto out;
    for (i = 0; i < k && r[i].score >= 0; i++)
        ((size_t *)doc->summary.data)[i] = r[i].sentence;
    doc->summary.len = i;
    kh_sort(doc->summary.data, doc->summary.len, sizeof(size_t), by_index);
    rc = 0;
out:
    free(doc_w);
    free(sent_w);
    free(stamp);
    free(r);
    return rc;
}
