/*
 * tokenize.h - the token and sentence stages.
 */
#ifndef KH_TOKENIZE_H
#define KH_TOKENIZE_H

#include "khabar.h"

/* Fills doc->tokens, doc->norm_buf and doc->diags from doc->text with
 * doc->norm flags. Returns 0, or -1 when memory runs out. */
int kh_tokenize(khabar_doc *doc);

/* Fills doc->sentences from the tokens. Returns 0, or -1 when memory runs
 * out. */
int kh_sentences(khabar_doc *doc);

#endif
