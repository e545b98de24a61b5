/*
 * doc.c - khabar_analyze: runs the stages over one text; the doc's
 * accessors and its one free.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "../morph/morph.h"
#include "../tag/tag.h"
#include "../text/normalize.h"
#include "../tokenize/tokenize.h"
#include "error.h"

/* Stages and the stages they need. */
static unsigned with_prerequisites(unsigned stages)
{
    if (stages == 0)
        stages = KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES |
                 KHABAR_STAGE_WORDS | KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS |
                 KHABAR_STAGE_ENTITIES;
    if (stages & KHABAR_STAGE_ENTITIES)
        stages |= KHABAR_STAGE_POS;
    if (stages & KHABAR_STAGE_POS)
        stages |= KHABAR_STAGE_WORDS | KHABAR_STAGE_SENTENCES;
    if (stages & (KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                  KHABAR_STAGE_REPAIRS))
        stages |= KHABAR_STAGE_TOKENS;
    return stages;
}

khabar_doc *khabar_analyze(const khabar_model *model, const char *text,
                           size_t len, khabar_error *err)
{
    return khabar_analyze_opts(model, text, len, NULL, err);
}

khabar_doc *khabar_analyze_opts(const khabar_model *model, const char *text,
                                size_t len, const khabar_options *opts,
                                khabar_error *err)
{
    static const khabar_options defaults = {0, 0, 0};
    khabar_doc *doc;
    if (!opts)
        opts = &defaults;
    if (!model || (!text && len)) {
        kh_fail(err, KHABAR_EINVAL, "khabar_analyze: NULL argument", 0);
        return NULL;
    }
    if (len > (size_t)UINT32_MAX) {
        kh_fail(err, KHABAR_ETOOBIG, "input larger than 4 GiB", 0);
        return NULL;
    }
    if (opts->stages & ~(unsigned)(KHABAR_STAGE_NORMTEXT | KHABAR_STAGE_TOKENS |
                                  KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS |
                                  KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS |
                                  KHABAR_STAGE_ENTITIES)) {
        kh_fail(err, KHABAR_EINVAL, "unknown stage", 0);
        return NULL;
    }
    doc = calloc(1, sizeof *doc);
    if (!doc)
        goto nomem;
    doc->model = model;
    doc->norm = kh_norm_flags(opts->norm);
    doc->stages = with_prerequisites(opts->stages);
    doc->pretokenized = (opts->flags & KHABAR_ANALYZE_PRETOKENIZED) != 0;
    doc->len = len;
    doc->text = text ? text : "";
    if (opts->flags & KHABAR_ANALYZE_COPY_TEXT) {
        doc->owned_text = malloc(len + 1);
        if (!doc->owned_text)
            goto nomem;
        if (len)
            memcpy(doc->owned_text, text, len);
        doc->owned_text[len] = '\0';
        doc->text = doc->owned_text;
    }
    if (doc->stages & KHABAR_STAGE_NORMTEXT) {
        kh_norm n;
        kh_norm_init(&n, doc->norm, (opts->flags & KHABAR_ANALYZE_NORM_MAP) != 0);
        doc->normtext.n_invalid = kh_normalize_text(&n, doc->text, len);
        if (kh_norm_reserve(&n, 1) != 0) {
            kh_norm_free(&n);
            goto nomem;
        }
        n.buf[n.len] = '\0';
        doc->normtext.text = n.buf;
        doc->normtext.len = n.len;
        doc->normtext.src_start = n.map_start;
        doc->normtext.src_end = n.map_end;
    }
    if ((doc->stages & KHABAR_STAGE_TOKENS) && kh_tokenize(doc) != 0)
        goto nomem;
    /* Repairs split tokens: before the sentences, which count tokens. */
    if ((doc->stages & KHABAR_STAGE_REPAIRS) && kh_repairs(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_SENTENCES) && kh_sentences(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_WORDS) &&
        kh_words(doc, (opts->flags & KHABAR_ANALYZE_FINE) != 0) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_POS) && kh_pos(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_ENTITIES) && kh_ner(doc) != 0)
        goto nomem;
    kh_ok(err);
    return doc;
nomem:
    khabar_doc_free(doc);
    kh_fail(err, KHABAR_ENOMEM, NULL, 0);
    return NULL;
}

void khabar_doc_free(khabar_doc *doc)
{
    if (!doc)
        return;
    kh_vec_free(&doc->tokens);
    kh_vec_free(&doc->sentences);
    kh_vec_free(&doc->diags);
    kh_vec_free(&doc->words);
    kh_vec_free(&doc->entities);
    kh_vec_free(&doc->repairs);
    free(doc->token_words);
    free(doc->norm_buf);
    free(doc->owned_text);
    khabar_normalized_free(&doc->normtext);
    free(doc);
}

const char *khabar_doc_text(const khabar_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->len : 0;
    return doc ? doc->text : NULL;
}

size_t khabar_doc_token_count(const khabar_doc *doc)
{
    return doc ? doc->tokens.len : 0;
}

const khabar_token *khabar_doc_tokens(const khabar_doc *doc)
{
    return doc ? doc->tokens.data : NULL;
}

const char *khabar_doc_norm(const khabar_doc *doc)
{
    return doc && doc->norm_buf ? doc->norm_buf : "";
}

size_t khabar_doc_sentence_count(const khabar_doc *doc)
{
    return doc ? doc->sentences.len : 0;
}

const khabar_sentence *khabar_doc_sentences(const khabar_doc *doc)
{
    return doc ? doc->sentences.data : NULL;
}

const khabar_normalized *khabar_doc_normalized(const khabar_doc *doc)
{
    return doc && (doc->stages & KHABAR_STAGE_NORMTEXT) ? &doc->normtext
                                                        : NULL;
}

size_t khabar_doc_diag_count(const khabar_doc *doc)
{
    return doc ? doc->diags.len : 0;
}

const khabar_diag *khabar_doc_diags(const khabar_doc *doc)
{
    return doc ? doc->diags.data : NULL;
}

size_t khabar_doc_word_count(const khabar_doc *doc)
{
    return doc ? doc->words.len : 0;
}

const khabar_word *khabar_doc_words(const khabar_doc *doc)
{
    return doc ? doc->words.data : NULL;
}

const size_t *khabar_doc_token_words(const khabar_doc *doc)
{
    return doc ? doc->token_words : NULL;
}

size_t khabar_doc_repair_count(const khabar_doc *doc)
{
    return doc ? doc->repairs.len : 0;
}

const khabar_repair *khabar_doc_repairs(const khabar_doc *doc)
{
    return doc ? doc->repairs.data : NULL;
}

size_t khabar_doc_entity_count(const khabar_doc *doc)
{
    return doc ? doc->entities.len : 0;
}

const khabar_entity *khabar_doc_entities(const khabar_doc *doc)
{
    return doc ? doc->entities.data : NULL;
}
