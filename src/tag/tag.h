/*
 * tag.h - the tagging stages: parts of speech (pos.c).
 */
#ifndef KH_TAG_H
#define KH_TAG_H

#include "khabar.h"

/* Fills khabar_word.upos (stage POS) when the model has a POS tagger.
 * Returns 0, or -1 when memory runs out. */
int kh_pos(khabar_doc *doc);

#endif
