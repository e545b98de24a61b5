/* write.c - khabar_doc_write(): checks the request and picks the writer. */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>

#include "../core/error.h"

int khabar_write_stdio(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

size_t kh_write_sentences(const khabar_doc *doc, const khabar_sentence **out,
                          khabar_sentence *whole)
{
    const khabar_token *tk = doc->tokens.data;
    if (doc->stages & KHABAR_STAGE_SENTENCES) {
        *out = doc->sentences.data;
        return doc->sentences.len;
    }
    *out = whole;
    if (doc->tokens.len == 0)
        return 0;
    whole->first_token = 0;
    whole->n_tokens = doc->tokens.len;
    whole->start = tk[0].start;
    whole->end = tk[doc->tokens.len - 1].end;
    return 1;
}

size_t kh_token_host(const khabar_doc *doc, size_t ti)
{
    const khabar_word *w = doc->words.data;
    size_t i, a = doc->token_words[ti], b = doc->token_words[ti + 1];
    for (i = a; i < b; i++) {
        if (w[i].role == KHABAR_WORD_HOST || w[i].role == KHABAR_WORD_WHOLE)
            return i;
    }
    return a;
}

khabar_code khabar_doc_write(const khabar_doc *doc,
                             const khabar_write_opts *opts, khabar_write_fn fn,
                             void *ctx, khabar_error *err)
{
    static const khabar_write_opts defaults = {0, 0, 0, 0, 0};
    kh_sink *k;
    khabar_code rc;
    if (!doc || !fn)
        return kh_fail(err, KHABAR_EINVAL, "khabar_doc_write: NULL argument",
                       0);
    if (!opts)
        opts = &defaults;
    if (opts->view == KHABAR_VIEW_NORMALIZED) {
        if (!(doc->stages & KHABAR_STAGE_NORMTEXT))
            return kh_fail(err, KHABAR_EINVAL,
                           "the doc has no normalized text", 0);
    } else if (opts->view == KHABAR_VIEW_ENTITIES ||
               opts->view == KHABAR_VIEW_ENTITY_TAGS) {
        if (!(doc->stages & KHABAR_STAGE_ENTITIES))
            return kh_fail(err, KHABAR_EINVAL, "the doc has no entities", 0);
    } else if (opts->view == KHABAR_VIEW_REPAIRS) {
        if (!(doc->stages & KHABAR_STAGE_REPAIRS))
            return kh_fail(err, KHABAR_EINVAL, "the doc has no repairs", 0);
    } else if (opts->view == KHABAR_VIEW_WORDS ||
               opts->view == KHABAR_VIEW_STEMS) {
        if (!(doc->stages & KHABAR_STAGE_WORDS) || !doc->token_words)
            return kh_fail(err, KHABAR_EINVAL, "the doc has no words", 0);
    } else if (opts->view == KHABAR_VIEW_TOKENS ||
               opts->view == KHABAR_VIEW_SENTENCES) {
        if (!(doc->stages & KHABAR_STAGE_TOKENS))
            return kh_fail(err, KHABAR_EINVAL, "the doc has no tokens", 0);
    } else {
        return kh_fail(err, KHABAR_EINVAL, "unknown view", 0);
    }
    k = malloc(sizeof *k);
    if (!k)
        return kh_fail(err, KHABAR_ENOMEM, NULL, 0);
    kh_sink_init(k, fn, ctx);
    switch (opts->format) {
    case KHABAR_FORMAT_TEXT: rc = kh_write_text(doc, opts, k); break;
    case KHABAR_FORMAT_JSONL: rc = kh_write_jsonl(doc, opts, k); break;
    case KHABAR_FORMAT_CONLLU: rc = kh_write_conllu(doc, opts, k); break;
    default: rc = KHABAR_EINVAL; break;
    }
    if (kh_sink_flush(k) != 0 && rc == KHABAR_OK)
        rc = KHABAR_EIO;
    free(k);
    if (rc == KHABAR_EINVAL)
        return kh_fail(err, rc, "this view cannot be written in this format",
                       0);
    if (rc != KHABAR_OK)
        return kh_fail(err, rc, "the writer callback failed", 0);
    kh_ok(err);
    return KHABAR_OK;
}
