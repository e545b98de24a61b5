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
    size_t *token_words;    /* first word of each token, n_tokens + 1 */
    khabar_normalized normtext;
};

#endif
