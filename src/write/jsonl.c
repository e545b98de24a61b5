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

static void str_field(kh_sink *k, const char *key, const khabar_doc *doc,
                      size_t off, size_t len)
{
    kh_sink_str(k, key);
    kh_sink_json(k, doc->norm_buf + off, len);
}

/* "tokens": each with its "words" (surface, form, lemma, stem, root...). */
static void write_words(const khabar_doc *doc, const khabar_write_opts *o,
                        const khabar_sentence *s, kh_sink *k)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *wd = doc->words.data;
    size_t j, w;
    kh_sink_str(k, ",\"tokens\":[");
    for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
        size_t a = doc->token_words[j], b = doc->token_words[j + 1];
        if (j > s->first_token)
            kh_sink_char(k, ',');
        kh_sink_str(k, "{\"text\":");
        kh_sink_json(k, doc->text + tk[j].start, tk[j].end - tk[j].start);
        key_num(k, ",\"start\":", o->offset_base + tk[j].start);
        key_num(k, ",\"end\":", o->offset_base + tk[j].end);
        const khabar_word *h = &wd[khabar_doc_token_host(doc, j)];
        str_field(k, ",\"stem\":", doc, h->stem, h->stem_len);
        kh_sink_str(k, ",\"words\":[");
        for (w = a; w < b; w++) {
            if (w > a)
                kh_sink_char(k, ',');
            kh_sink_str(k, "{\"text\":");
            kh_sink_json(k, doc->text + wd[w].start, wd[w].end - wd[w].start);
            str_field(k, ",\"form\":", doc, wd[w].form, wd[w].form_len);
            str_field(k, ",\"lemma\":", doc, wd[w].lemma, wd[w].lemma_len);
            if (wd[w].root_len) {
                str_field(k, ",\"root\":", doc, wd[w].root, wd[w].root_len);
                if (wd[w].flags & KHABAR_WORD_ROOT_GUESSED)
                    kh_sink_str(k, ",\"root_guessed\":true");
            }
            kh_sink_str(k, ",\"role\":\"");
            kh_sink_str(k, kh_word_role_name(wd[w].role));
            key_num(k, "\",\"start\":", o->offset_base + wd[w].start);
            key_num(k, ",\"end\":", o->offset_base + wd[w].end);
            kh_sink_char(k, '}');
        }
        kh_sink_str(k, "]}");
    }
    kh_sink_char(k, ']');
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
    if (o->view == KHABAR_VIEW_ENTITIES) {
        const khabar_entity *e = doc->entities.data;
        for (i = 0; i < doc->entities.len; i++) {
            kh_sink_str(k, "{\"type\":\"");
            kh_sink_str(k, khabar_entity_type_name((khabar_entity_type)e[i].type));
            kh_sink_str(k, "\",\"text\":");
            kh_sink_json(k, doc->text + e[i].start, e[i].end - e[i].start);
            key_num(k, ",\"start\":", o->offset_base + e[i].start);
            key_num(k, ",\"end\":", o->offset_base + e[i].end);
            kh_sink_str(k, "}\n");
        }
        return KHABAR_OK;
    }
    if (o->view == KHABAR_VIEW_ENTITY_TAGS)
        return KHABAR_EINVAL;
    if (o->view == KHABAR_VIEW_REPAIRS) {
        const khabar_repair *r = doc->repairs.data;
        for (i = 0; i < doc->repairs.len; i++) {
            kh_sink_str(k, "{\"from\":");
            kh_sink_json(k, doc->text + r[i].start, r[i].end - r[i].start);
            kh_sink_str(k, ",\"to\":");
            kh_sink_json(k, doc->norm_buf + r[i].text, r[i].text_len);
            key_num(k, ",\"start\":", o->offset_base + r[i].start);
            key_num(k, ",\"end\":", o->offset_base + r[i].end);
            kh_sink_str(k, ",\"score\":");
            kh_sink_num(k, (uint64_t)(r[i].score < 0 ? 0 : r[i].score));
            kh_sink_str(k, "}\n");
        }
        return KHABAR_OK;
    }
    ns = kh_write_sentences(doc, &ss, &whole);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        if (o->view == KHABAR_VIEW_STEMS) {
            for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
                const khabar_word *w =
                    (const khabar_word *)doc->words.data +
                    khabar_doc_token_host(doc, j);
                kh_sink_str(k, "{\"token\":");
                kh_sink_json(k, doc->text + tk[j].start,
                             tk[j].end - tk[j].start);
                kh_sink_str(k, ",\"stem\":");
                kh_sink_json(k, doc->norm_buf + w->stem, w->stem_len);
                key_num(k, ",\"start\":", o->offset_base + tk[j].start);
                key_num(k, ",\"end\":", o->offset_base + tk[j].end);
                kh_sink_str(k, "}\n");
            }
            continue;
        }
        key_num(k, "{\"id\":", o->sentence_base + i + 1);
        key_num(k, ",\"start\":", o->offset_base + s->start);
        key_num(k, ",\"end\":", o->offset_base + s->end);
        kh_sink_str(k, ",\"text\":");
        kh_sink_json(k, doc->text + s->start, s->end - s->start);
        if (o->view == KHABAR_VIEW_WORDS)
            write_words(doc, o, s, k);
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
