/*
 * doc.h - the insides of a khabar_doc, shared by the stages and writers.
 *
 * Stages append to the doc in pipeline order (tokens, then sentences); a
 * stage reads only what earlier stages wrote, and writers only read.
 */
#ifndef KH_DOC_H
#define KH_DOC_H

#include "khabar.h"
#include "vec.h"

/* What the POS stage looked up for a word, kept for the recognizer (whose
 * host of a token is one of these words): its word cluster and gazetteer
 * types. */
typedef struct kh_word_lookup {
    uint16_t cpath;
    uint16_t gaz;
    uint8_t clen;
} kh_word_lookup;

/* A mention's place in input order (doc->mention_order). */
typedef struct pos_ref {
    size_t start, index;
} pos_ref;

struct khabar_doc {
    const khabar_model *model;
    const char *text;       /* the input (the caller's or owned_text) */
    size_t len;
    char *owned_text;       /* with KHABAR_ANALYZE_COPY_TEXT */
    unsigned norm;          /* resolved KHABAR_NORM_* flags */
    unsigned stages;        /* the stages that ran */
    int pretokenized;       /* KHABAR_ANALYZE_PRETOKENIZED */
    kh_vec tokens;          /* khabar_token */
    char *norm_buf;         /* every string: tokens' normalized forms,
                               then the words' strings */
    size_t norm_len;
    kh_vec sentences;       /* khabar_sentence */
    kh_vec diags;           /* khabar_diag */
    kh_vec repairs;         /* khabar_repair */
    kh_vec words;           /* khabar_word */
    kh_vec entities;        /* khabar_entity */
    kh_vec word_lookups;    /* kh_word_lookup per word (pos.c), for ner.c */
    size_t norm_cap;        /* bytes allocated at norm_buf when >= norm_len
                               (kh_doc_put); stages before it leave it 0 */
    char *fold_buf;         /* norm_buf folded for the taggers, byte for
                               byte (kh_tag_fold_doc): fold_buf + off is
                               norm_buf + off folded, for off < fold_len */
    size_t fold_len;
    /* News analysis (src/extract), in stage order. */
    kh_vec entity_cluster;  /* size_t, one per entity */
    kh_vec clusters;        /* khabar_cluster */
    kh_vec mentions;        /* khabar_mention, grouped by cluster */
    kh_vec mention_order;   /* pos_ref: mentions by start */
    kh_vec timexes;         /* khabar_timex */
    khabar_date date;       /* publication date */
    int date_source;        /* khabar_date_source */
    kh_vec quotes;          /* khabar_quote */
    kh_vec keywords;        /* khabar_keyword */
    kh_vec lemma_slot;      /* uint32_t per word: its content lemma's slot,
                               UINT32_MAX if none (keywords.c) */
    kh_vec slot_idf;        /* double per slot */
    kh_vec summary;         /* size_t */
    size_t *token_words;    /* first word of each token, n_tokens + 1 */
    khabar_normalized normtext;
};

/* The host word of token ti (its first word that is not a proclitic) and,
 * if pre is not NULL, the number of proclitics before it. Needs stage
 * WORDS. Inline: the stages after WORDS ask it of every token. */
static inline const khabar_word *kh_doc_host(const khabar_doc *doc,
                                             size_t ti, unsigned *pre)
{
    const khabar_word *w = doc->words.data;
    size_t a = doc->token_words[ti], b = doc->token_words[ti + 1], i;
    for (i = a; i < b && w[i].role == KHABAR_WORD_PROCLITIC; i++)
        ;
    if (i == b)
        i = a;
    if (pre)
        *pre = (unsigned)(i - a);
    return &w[i];
}

/* What the POS stage looked up for word h of doc (its cluster and
 * gazetteer types, kept for the later stages), or NULL when the stage did
 * not run. */
static inline const kh_word_lookup *kh_doc_lookup(const khabar_doc *doc,
                                                  const khabar_word *h)
{
    if (doc->word_lookups.len != doc->words.len || !doc->words.len)
        return NULL;
    return (const kh_word_lookup *)doc->word_lookups.data +
           (h - (const khabar_word *)doc->words.data);
}

/* Where the name or title that begins at token ti starts in the text: at
 * its host, or at the ل before the host when that ل swallowed the host's
 * article (للرئيس, للأمم المتحدة, للصين: the letters after the ل, لرئيس,
 * لأمم, لصين, are no word a reader knows; and لله, whose host the segmenter
 * leaves as له). Needs stage WORDS. */
size_t kh_doc_written_start(const khabar_doc *doc, size_t ti);

/* Appends n bytes to the doc's string buffer; returns their offset (for
 * khabar_doc_norm()), or SIZE_MAX when memory runs out. For the stages after
 * WORDS. */
size_t kh_doc_put(khabar_doc *doc, const char *s, size_t n);

#endif
