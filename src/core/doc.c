/*
 * doc.c - khabar_analyze: runs the stages over one text; the doc's
 * accessors and its one free.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "../extract/extract.h"
#include "../morph/morph.h"
#include "../tag/tag.h"
#include "../text/normalize.h"
#include "../tokenize/tokenize.h"
#include "error.h"

#define KH_ALL_STAGES                                                        \
    (KHABAR_STAGE_NORMTEXT | KHABAR_STAGE_TOKENS | KHABAR_STAGE_SENTENCES |   \
     KHABAR_STAGE_WORDS | KHABAR_STAGE_REPAIRS | KHABAR_STAGE_POS |           \
     KHABAR_STAGE_ENTITIES | KHABAR_STAGE_CLUSTERS | KHABAR_STAGE_DATES |     \
     KHABAR_STAGE_QUOTES | KHABAR_STAGE_KEYWORDS | KHABAR_STAGE_SUMMARY)

/* Stages and the stages they need. */
static unsigned with_prerequisites(unsigned stages)
{
    if (stages == 0)
        stages = KH_ALL_STAGES & ~(unsigned)KHABAR_STAGE_NORMTEXT;
    if (stages & KHABAR_STAGE_QUOTES) /* a date ends a speaker */
        stages |= KHABAR_STAGE_CLUSTERS | KHABAR_STAGE_DATES;
    if (stages & KHABAR_STAGE_SUMMARY)
        stages |= KHABAR_STAGE_KEYWORDS;
    if (stages & KHABAR_STAGE_CLUSTERS)
        stages |= KHABAR_STAGE_ENTITIES;
    if (stages & KHABAR_STAGE_KEYWORDS)
        stages |= KHABAR_STAGE_POS;
    if (stages & KHABAR_STAGE_DATES) /* a weekday alone after a verb */
        stages |= KHABAR_STAGE_POS;
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
    static const khabar_options defaults = {0, 0, 0, {0, 0, 0}, 0};
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
    if (opts->stages & ~(unsigned)KH_ALL_STAGES) {
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
    if ((doc->stages & KHABAR_STAGE_CLUSTERS) && kh_coref(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_DATES) && kh_dates(doc, opts->date) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_QUOTES) && kh_quotes(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_KEYWORDS) && kh_keywords(doc) != 0)
        goto nomem;
    if ((doc->stages & KHABAR_STAGE_SUMMARY) &&
        kh_summary(doc, opts->summary ? opts->summary : 3) != 0)
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
    kh_vec_free(&doc->word_lookups);
    kh_vec_free(&doc->entity_cluster);
    kh_vec_free(&doc->clusters);
    kh_vec_free(&doc->mentions);
    kh_vec_free(&doc->mention_order);
    kh_vec_free(&doc->timexes);
    kh_vec_free(&doc->quotes);
    kh_vec_free(&doc->keywords);
    kh_vec_free(&doc->lemma_slot);
    kh_vec_free(&doc->slot_idf);
    kh_vec_free(&doc->summary);
    free(doc->token_words);
    free(doc->norm_buf);
    free(doc->fold_buf);
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

size_t khabar_doc_token_host(const khabar_doc *doc, size_t ti)
{
    const khabar_word *w;
    size_t i, a, b;
    if (!doc || !doc->token_words || ti >= doc->tokens.len)
        return SIZE_MAX;
    w = doc->words.data;
    a = doc->token_words[ti];
    b = doc->token_words[ti + 1];
    for (i = a; i < b; i++) {
        if (w[i].role == KHABAR_WORD_HOST || w[i].role == KHABAR_WORD_WHOLE)
            return i;
    }
    return a < b ? a : SIZE_MAX;
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

size_t kh_doc_written_start(const khabar_doc *doc, size_t ti)
{
    const khabar_word *h = kh_doc_host(doc, ti, NULL);
    if (h == (const khabar_word *)doc->words.data ||
        h[-1].role != KHABAR_WORD_PROCLITIC || h[-1].token != h->token ||
        h->end - h->start < 2 || memcmp(doc->text + h->start, "ل", 2) != 0)
        return h->start;
    /* the host restored: ل + الصين */
    if ((h->flags & KHABAR_WORD_RESTORED) && h->form_len > 4 &&
        memcmp(doc->norm_buf + h->form, "ال", 4) == 0)
        return h[-1].start;
    /* لله, ل + الله, left as ل + له */
    if (h->form_len == 4 && memcmp(doc->norm_buf + h->form, "له", 4) == 0 &&
        h[-1].form_len == 2 && memcmp(doc->norm_buf + h[-1].form, "ل", 2) == 0)
        return h[-1].start;
    return h->start;
}

size_t kh_doc_put(khabar_doc *doc, const char *s, size_t n)
{
    size_t off = doc->norm_len, cap = doc->norm_cap;
    if (cap < off)
        cap = off;
    if (n > cap - off) {
        char *p;
        size_t want = cap < 256 ? 256 : cap;
        while (want - off < n)
            want *= 2;
        p = realloc(doc->norm_buf, want);
        if (!p)
            return SIZE_MAX;
        doc->norm_buf = p;
        cap = want;
    }
    if (n)
        memcpy(doc->norm_buf + off, s, n);
    doc->norm_len = off + n;
    doc->norm_cap = cap;
    return off;
}

size_t khabar_doc_cluster_count(const khabar_doc *doc)
{
    return doc ? doc->clusters.len : 0;
}

const khabar_cluster *khabar_doc_clusters(const khabar_doc *doc)
{
    return doc ? doc->clusters.data : NULL;
}

size_t khabar_doc_mention_count(const khabar_doc *doc)
{
    return doc ? doc->mentions.len : 0;
}

const khabar_mention *khabar_doc_mentions(const khabar_doc *doc)
{
    return doc ? doc->mentions.data : NULL;
}

size_t khabar_doc_entity_cluster(const khabar_doc *doc, size_t i)
{
    if (!doc || i >= doc->entity_cluster.len)
        return SIZE_MAX;
    return ((const size_t *)doc->entity_cluster.data)[i];
}

size_t khabar_doc_timex_count(const khabar_doc *doc)
{
    return doc ? doc->timexes.len : 0;
}

const khabar_timex *khabar_doc_timexes(const khabar_doc *doc)
{
    return doc ? doc->timexes.data : NULL;
}

khabar_date khabar_doc_date(const khabar_doc *doc, khabar_date_source *source)
{
    static const khabar_date none = {0, 0, 0};
    if (source)
        *source = doc ? (khabar_date_source)doc->date_source : KHABAR_DATE_NONE;
    return doc ? doc->date : none;
}

const char *khabar_date_source_name(khabar_date_source source)
{
    switch (source) {
    case KHABAR_DATE_GIVEN: return "given";
    case KHABAR_DATE_TEXT: return "text";
    case KHABAR_DATE_TODAY: return "today";
    case KHABAR_DATE_WEEKDAY: return "weekday";
    default: return "none";
    }
}

size_t khabar_doc_quote_count(const khabar_doc *doc)
{
    return doc ? doc->quotes.len : 0;
}

const khabar_quote *khabar_doc_quotes(const khabar_doc *doc)
{
    return doc ? doc->quotes.data : NULL;
}

size_t khabar_doc_keyword_count(const khabar_doc *doc)
{
    return doc ? doc->keywords.len : 0;
}

const khabar_keyword *khabar_doc_keywords(const khabar_doc *doc)
{
    return doc ? doc->keywords.data : NULL;
}

size_t khabar_doc_summary_count(const khabar_doc *doc)
{
    return doc ? doc->summary.len : 0;
}

const size_t *khabar_doc_summary(const khabar_doc *doc)
{
    return doc ? doc->summary.data : NULL;
}

