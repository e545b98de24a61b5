/*
 * tag.h - the tagging stages: parts of speech (pos.c) and named entities
 * (ner.c).
 */
#ifndef KH_TAG_H
#define KH_TAG_H

#include "khabar.h"
#include "features.h"
#include "gazetteer.h"

/* Fills khabar_word.upos (stage POS) when the model has a POS tagger.
 * Returns 0, or -1 when memory runs out. */
int kh_pos(khabar_doc *doc);

/* Fills doc->entities (stage ENTITIES) when the model has a recognizer.
 * Returns 0, or -1 when memory runs out. */
int kh_ner(khabar_doc *doc);

/* kh_ner() without the doc rules of kh_ner_doc(): the tagger's entities
 * alone, gazetteer entries given only by sources in ignore counting as
 * absent (as in kh_ner_views). The trainer's cross-validation scores both,
 * ignoring its own corpora. Returns 0, or -1 when memory runs out. */
int kh_ner_tag(khabar_doc *doc, unsigned ignore);

/* For `khabar-train tagrows` (tagrows.h): kh_pos() and kh_ner_tag() that
 * call visit(ctx, memo) with the stage's memo of the doc's distinct words
 * (memo.h: their keys, attributes, values and scores) before they free it.
 * The entries the model's rows worked out ahead gave are among them. */
struct kh_memo;
typedef void (*kh_memo_visit)(void *ctx, const struct kh_memo *memo);
int kh_pos_visit(khabar_doc *doc, kh_memo_visit visit, void *ctx);
int kh_ner_tag_visit(khabar_doc *doc, unsigned ignore, kh_memo_visit visit,
                     void *ctx);

/* The recognizer's second look over the whole doc (ner_doc.c, and its
 * rules in the ner_*.c files that ner_doc.h lists): names after person
 * titles, and names found once tagged everywhere. Returns 0, or -1 when
 * memory runs out. */
int kh_ner_doc(khabar_doc *doc);

/* The gazetteer's entry for the name that tokens [a, b) of a doc spell,
 * keyed as the recognizer keys names (the first token's host, then the
 * next tokens whole, a space between, as folded: kh_tag_fold_doc), or
 * NULL. */
const kh_gaz_entry *kh_ner_span_entry(const khabar_doc *doc,
                                      const kh_gazetteer *gaz, size_t a,
                                      size_t b);

/* The recognizer's view of tokens [a, b) of a doc with words (and POS):
 * writes t[0 .. b - a), whose keys point into doc->fold_buf (the doc's
 * strings must be folded: kh_tag_fold_doc). Gazetteer entries given only
 * by sources in ignore count as absent. Shared with the trainer. */
void kh_ner_views(const khabar_doc *doc, const kh_gazetteer *gaz,
                  const kh_clusters *cl, unsigned ignore, size_t a, size_t b,
                  kh_ner_token *t);

/* The gazetteer's types (KH_GAZ_*) of token ti written whole when the
 * segmenter cut a proclitic off it and the name is the whole token: our
 * lists know it whole, and neither they nor CLDR know what is left
 * without the proclitic (لوزان, not ل + وزان, which only ANERgazet has;
 * واس, the Saudi agency, not و + اس; but و + جدة, not Oujda). 0
 * otherwise. */
uint32_t kh_ner_whole_name(const khabar_doc *doc, const kh_gazetteer *gaz,
                           size_t ti);

/* Where an entity of type type that begins at token ti starts: at its
 * host (proclitics are no part of a name: بيروت in وبيروت), at the ل
 * before it when that ل swallowed the name's article (للصين, للأمم
 * المتحدة: kh_doc_written_start), or at the token when it is a person's
 * and the gazetteer knows the whole token as a first name or a person
 * (ليلى, which the segmenter reads ل+يلى), or at the token when it is a
 * place's or an organization's that kh_ner_whole_name() knows (لوزان).
 * The doc's strings must be folded (kh_tag_fold_doc). */
size_t kh_ner_entity_start(const khabar_doc *doc, const kh_gazetteer *gaz,
                           size_t ti, int type);

/* For tokens [a, b) of a doc with words (and POS): the cues (1 <<
 * KH_NER_CUE_*) seen around the other tokens of [a, b) with the same host,
 * into cues[0 .. b - a), and how many those are, into seen; the hosts' keys
 * are read in doc->fold_buf (kh_tag_fold_doc). Gazetteer entries given only
 * by sources in ignore count as absent. Returns 0, or -1 when memory runs
 * out. */
int kh_ner_cues(const khabar_doc *doc, const kh_gazetteer *gaz,
                unsigned ignore, size_t a, size_t b, uint8_t *cues,
                uint8_t *seen);

#endif
