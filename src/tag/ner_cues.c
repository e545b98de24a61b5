/*
 * ner_cues.c - what the rest of a doc says about a word, for the
 * named-entity recognizer's features: a name is written several times in an
 * article, and its other mentions often stand where names do (after a
 * title, after a first name, after في) when this one does not. For each
 * token, the cues seen around the other tokens with the same host, and how
 * many there are.
 *
 * One pass over the doc's tokens with a hash table of hosts (one allocation
 * a call, none per token). The cues are local facts of the text (the
 * gazetteer's titles and triggers, parts of speech), not the tagger's
 * labels, so the recognizer stays one pass and the trainer computes them
 * the same way on its corpora.
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"

#define MAX_KEY 512

typedef struct cue_slot {
    uint64_t h;                  /* host hash, 0 = empty */
    uint8_t n;                   /* occurrences, saturated */
    uint8_t cue[KH_NER_CUES];    /* occurrences with each cue, saturated */
} cue_slot;

static uint64_t fnv64(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h | 1; /* never 0, the empty slot */
}

static int is_word(int kind)
{
    return kind == KHABAR_TOK_ARABIC || kind == KHABAR_TOK_LATIN ||
           kind == KHABAR_TOK_WORD;
}

/* The gazetteer types of a host's key, sources in ignore left out. */
static unsigned host_gaz(const kh_gazetteer *gaz, unsigned ignore,
                         const char *key, size_t n)
{
    const kh_gaz_entry *e;
    if (!gaz)
        return 0;
    e = kh_gazetteer_lookup(gaz, key, n);
    return e && (e->sources & ~ignore) ? e->mask : 0;
}

int kh_ner_cues(const khabar_doc *doc, const kh_gazetteer *gaz,
                unsigned ignore, size_t a, size_t b, uint8_t *cues,
                uint8_t *seen)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *words = doc->words.data;
    const kh_word_lookup *look =
        ignore == 0 && doc->word_lookups.len == doc->words.len &&
                doc->words.len
            ? doc->word_lookups.data
            : NULL;
    size_t n = b - a, i, cap = 16, mask;
    uint64_t *hash;
    uint16_t *g;
    cue_slot *tab;
    if (n == 0)
        return 0;
    while (cap < 2 * n)
        cap *= 2;
    mask = cap - 1;
    hash = malloc(n * sizeof *hash);
    g = malloc(n * sizeof *g);
    tab = calloc(cap, sizeof *tab);
    if (!hash || !g || !tab) {
        free(hash);
        free(g);
        free(tab);
        return -1;
    }
    /* Each token's host: its hash and gazetteer types. */
    for (i = 0; i < n; i++) {
        const khabar_word *h = kh_doc_host(doc, a + i, NULL);
        const char *key = doc->fold_buf + h->form;
        size_t len = h->form_len < MAX_KEY ? h->form_len : MAX_KEY;
        hash[i] = 0;
        g[i] = 0;
        if (!is_word(tk[a + i].kind))
            continue;
        hash[i] = fnv64(key, len);
        g[i] = (uint16_t)(look ? look[h - words].gaz
                               : host_gaz(gaz, ignore, key, len));
    }
    /* Each occurrence's cues, counted per host. */
    for (i = 0; i < n; i++) {
        size_t s;
        unsigned c = 0, k;
        unsigned pre;
        const khabar_word *h;
        if (!hash[i])
            continue;
        h = kh_doc_host(doc, a + i, &pre);
        if (i > 0) {
            unsigned p = g[i - 1];
            if ((p & KH_GAZ_TITLE) ||
                (i > 1 && (p & KH_GAZ_NISBA) && (g[i - 2] & KH_GAZ_TITLE)))
                c |= 1u << KH_NER_CUE_TITLE;
            if (p & KH_GAZ_FIRST_NAME)
                c |= 1u << KH_NER_CUE_FIRST;
            if (p & KH_GAZ_LOC_TRIGGER)
                c |= 1u << KH_NER_CUE_LOC_TRIGGER;
            if (p & KH_GAZ_ORG_TRIGGER)
                c |= 1u << KH_NER_CUE_ORG_TRIGGER;
            if (kh_doc_host(doc, a + i - 1, NULL)->upos == KHABAR_UPOS_ADP)
                c |= 1u << KH_NER_CUE_AFTER_ADP;
        }
        if (i + 1 < n && (g[i + 1] & KH_GAZ_PERSON))
            c |= 1u << KH_NER_CUE_SURNAME;
        if (h->upos == KHABAR_UPOS_PROPN)
            c |= 1u << KH_NER_CUE_PROPN;
        if (pre)
            c |= 1u << KH_NER_CUE_CLITIC;
        cues[i] = (uint8_t)c;
        for (s = hash[i] & mask; tab[s].h && tab[s].h != hash[i];
             s = (s + 1) & mask)
            ;
        tab[s].h = hash[i];
        if (tab[s].n < 255)
            tab[s].n++;
        for (k = 0; k < KH_NER_CUES; k++) {
            if ((c >> k & 1) && tab[s].cue[k] < 255)
                tab[s].cue[k]++;
        }
    }
    /* Each token: the cues of the other occurrences of its host. */
    for (i = 0; i < n; i++) {
        size_t s;
        unsigned c = 0, k, own;
        if (!hash[i]) {
            cues[i] = 0;
            seen[i] = 0;
            continue;
        }
        for (s = hash[i] & mask; tab[s].h != hash[i]; s = (s + 1) & mask)
            ;
        own = cues[i];
        for (k = 0; k < KH_NER_CUES; k++) {
            if (tab[s].cue[k] > (own >> k & 1))
                c |= 1u << k;
        }
        cues[i] = (uint8_t)c;
        seen[i] = (uint8_t)(tab[s].n - 1);
    }
    free(hash);
    free(g);
    free(tab);
    return 0;
}
