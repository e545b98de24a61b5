/*
 * jsonl.c - the JSON Lines writer: one object per sentence (tokens,
 * sentences) or per input line (normalized text).
 */
#include "write.h"

#include <string.h>

static void key_num(kh_sink *k, const char *key, uint64_t v)
{
    kh_sink_str(k, key);
    kh_sink_num(k, v);
}

/* One object per line of the input: its offsets and its normalized text. The
 * rules never add or remove a line feed, so the lines pair up one to one. */
static void write_normalized(const khabar_doc *doc, const khabar_write_opts *o,
                             kh_sink *k)
{
    const char *in = doc->text, *out = doc->normtext.text;
    size_t ilen = doc->len, olen = doc->normtext.len, i = 0, j = 0;
    while (i < ilen || j < olen) {
        const char *ie = memchr(in + i, '\n', ilen - i);
        const char *oe = memchr(out + j, '\n', olen - j);
        size_t iend = ie ? (size_t)(ie - in) : ilen;
        size_t oend = oe ? (size_t)(oe - out) : olen;
        key_num(k, "{\"start\":", o->offset_base + i);
        key_num(k, ",\"end\":", o->offset_base + iend);
        kh_sink_str(k, ",\"text\":");
        kh_sink_json(k, out + j, oend - j);
        kh_sink_str(k, "}\n");
        if (!ie || !oe)
            break;
        i = iend + 1;
        j = oend + 1;
        if (i >= ilen && j >= olen)
            break;
    }
}

khabar_code kh_write_jsonl(const khabar_doc *doc, const khabar_write_opts *o,
                           kh_sink *k)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_sentence *ss;
    khabar_sentence whole;
    size_t ns, i, j;
    if (o->view == KHABAR_VIEW_NORMALIZED) {
        write_normalized(doc, o, k);
        return KHABAR_OK;
    }
    ns = kh_write_sentences(doc, &ss, &whole);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        key_num(k, "{\"id\":", o->sentence_base + i + 1);
        key_num(k, ",\"start\":", o->offset_base + s->start);
        key_num(k, ",\"end\":", o->offset_base + s->end);
        kh_sink_str(k, ",\"text\":");
        kh_sink_json(k, doc->text + s->start, s->end - s->start);
        if (o->view == KHABAR_VIEW_TOKENS) {
            kh_sink_str(k, ",\"tokens\":[");
            for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
                const khabar_token *t = &tk[j];
                if (j > s->first_token)
                    kh_sink_char(k, ',');
                kh_sink_str(k, "{\"text\":");
                kh_sink_json(k, doc->text + t->start, t->end - t->start);
                kh_sink_str(k, ",\"norm\":");
                kh_sink_json(k, doc->norm_buf + t->norm, t->norm_len);
                kh_sink_str(k, ",\"kind\":\"");
                kh_sink_str(k,
                            khabar_token_kind_name((khabar_token_kind)t->kind));
                key_num(k, "\",\"start\":", o->offset_base + t->start);
                key_num(k, ",\"end\":", o->offset_base + t->end);
                kh_sink_str(k, (t->flags & KHABAR_TOKEN_SPACE_AFTER)
                                   ? ",\"space_after\":true}"
                                   : ",\"space_after\":false}");
            }
            kh_sink_char(k, ']');
        }
        kh_sink_str(k, "}\n");
    }
    return KHABAR_OK;
}
