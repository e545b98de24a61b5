/*
 * model.h - what a khabar_model holds.
 *
 * The model is immutable after loading and shared read-only by threads. The
 * text layer's tables are static data compiled into the library (see
 * src/text/unicode.h); the components below come from model files (.kbm):
 * the compiled-in defaults (src/model/embedded.h) or files of a directory.
 * A component whose file is absent is simply missing (has_* is 0) and the
 * stages that need it do without (words are then unsegmented tokens).
 */
#ifndef KH_MODEL_H
#define KH_MODEL_H

#include "khabar.h"
#include "../extract/background.h"
#include "../morph/hosts.h"
#include "../morph/lexicon.h"
#include "../morph/lemmatize.h"
#include "../morph/repair.h"
#include "../morph/segment.h"
#include "../tag/clusters.h"
#include "../tag/gazetteer.h"
#include "../tag/tagger.h"
#include "../tag/tagrows.h"
#include "../tag/usage.h"

#define KH_MODEL_FILES 16

struct khabar_model {
    const char *unicode_version; /* of the compiled-in character tables */
    char *owned[KH_MODEL_FILES]; /* file images read from a directory */
    int has_lexicon, has_segmenter, has_lemmatizer, has_pos, has_ner;
    int has_gazetteer, has_clusters, has_background, has_repair, has_hosts;
    int has_usage;
    uint32_t lexicon_crc, lemmatizer_crc; /* of their files (hosts.h) */
    /* of their files, or 0 (tagrows.h) */
    uint32_t pos_crc, ner_crc, gazetteer_crc, clusters_crc, usage_crc;
    kh_lexicon lex;
    kh_segmenter seg;
    kh_lemmatizer lemmatizer;
    kh_tagger pos;
    kh_tagger ner;
    kh_gazetteer gaz;
    kh_clusters clusters;
    kh_usage usage;
    kh_background background;
    kh_repair_data repair;
    kh_hosts hosts;
    /* The taggers' rows worked out ahead (tagrows.h); pos_known and
     * ner_known point to a part made with this model's files, else NULL. */
    kh_tagrows pos_rows, ner_rows;
    const kh_tagrows *pos_known, *ner_known;
};

/* A model with no component: enough for the text layer (tokens,
 * sentences). The trainers use it to read corpora while they build the
 * components. Caller frees with khabar_model_free(). */
khabar_model *kh_model_text_only(void);

#endif
