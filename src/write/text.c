/*
 * text.c - the plain-text writer: tab-separated tokens, one sentence a line,
 * or the normalized text as it is.
 */
#include "write.h"

khabar_code kh_write_text(const khabar_doc *doc, const khabar_write_opts *o,
                          kh_sink *k)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_sentence *ss;
    khabar_sentence whole;
    size_t ns, i, j;
    if (o->view == KHABAR_VIEW_NORMALIZED) {
        kh_sink_put(k, doc->normtext.text, doc->normtext.len);
        return KHABAR_OK;
    }
    if (o->view == KHABAR_VIEW_ENTITIES) {
        /* TYPE<TAB>text<TAB>start<TAB>end, one entity a line. */
        const khabar_entity *e = doc->entities.data;
        for (i = 0; i < doc->entities.len; i++) {
            kh_sink_str(k, khabar_entity_type_name((khabar_entity_type)e[i].type));
            kh_sink_char(k, '\t');
            kh_sink_text(k, doc->text + e[i].start, e[i].end - e[i].start, 1);
            kh_sink_char(k, '\t');
            kh_sink_num(k, o->offset_base + e[i].start);
            kh_sink_char(k, '\t');
            kh_sink_num(k, o->offset_base + e[i].end);
            kh_sink_char(k, '\n');
        }
        return KHABAR_OK;
    }
    if (o->view == KHABAR_VIEW_ENTITY_TAGS) {
        /* "token TAG" a line, ANERcorp's tag names, an empty line after
         * each sentence. */
        const khabar_entity *e = doc->entities.data;
        size_t ei = 0;
        ns = kh_write_sentences(doc, &ss, &whole);
        for (i = 0; i < ns; i++) {
            for (j = ss[i].first_token; j < ss[i].first_token + ss[i].n_tokens;
                 j++) {
                const char *tag = "O";
                while (ei < doc->entities.len &&
                       e[ei].first_token + e[ei].n_tokens <= j)
                    ei++;
                kh_sink_text(k, doc->text + tk[j].start, tk[j].end - tk[j].start,
                             1);
                kh_sink_char(k, ' ');
                if (ei < doc->entities.len && e[ei].first_token <= j) {
                    static const char *const b[] = {"O", "B-PERS", "B-LOC",
                                                    "B-ORG", "B-MISC"};
                    static const char *const in[] = {"O", "I-PERS", "I-LOC",
                                                     "I-ORG", "I-MISC"};
                    int ty = e[ei].type >= 1 && e[ei].type <= 4 ? e[ei].type : 0;
                    tag = j == e[ei].first_token ? b[ty] : in[ty];
                }
                kh_sink_str(k, tag);
                kh_sink_char(k, '\n');
            }
            kh_sink_char(k, '\n');
        }
        return KHABAR_OK;
    }
    if (o->view == KHABAR_VIEW_REPAIRS) {
        /* The input, each repaired token replaced by its repair. */
        const khabar_repair *r = doc->repairs.data;
        size_t pos = 0;
        for (i = 0; i < doc->repairs.len; i++) {
            kh_sink_text(k, doc->text + pos, r[i].start - pos, 0);
            kh_sink_text(k, doc->norm_buf + r[i].text, r[i].text_len, 0);
            pos = r[i].end;
        }
        kh_sink_text(k, doc->text + pos, doc->len - pos, 0);
        return KHABAR_OK;
    }
    ns = kh_write_sentences(doc, &ss, &whole);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        if (o->view == KHABAR_VIEW_STEMS) {
            /* token<TAB>stem, one a line: a word list in, a stem list out. */
            for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
                const khabar_word *w =
                    (const khabar_word *)doc->words.data +
                    khabar_doc_token_host(doc, j);
                kh_sink_text(k, doc->text + tk[j].start,
                             tk[j].end - tk[j].start, 1);
                kh_sink_char(k, '\t');
                kh_sink_text(k, doc->norm_buf + w->stem, w->stem_len, 1);
                kh_sink_char(k, '\n');
            }
            continue;
        }
        if (o->view == KHABAR_VIEW_WORDS) {
            /* token<TAB>surface segments<TAB>restored forms, + between. */
            for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
                const khabar_word *wd = doc->words.data;
                size_t w, a = doc->token_words[j], b = doc->token_words[j + 1];
                kh_sink_text(k, doc->text + tk[j].start,
                             tk[j].end - tk[j].start, 1);
                kh_sink_char(k, '\t');
                for (w = a; w < b; w++) {
                    if (w > a)
                        kh_sink_char(k, '+');
                    kh_sink_text(k, doc->text + wd[w].start,
                                 wd[w].end - wd[w].start, 1);
                }
                kh_sink_char(k, '\t');
                for (w = a; w < b; w++) {
                    if (w > a)
                        kh_sink_char(k, '+');
                    kh_sink_text(k, doc->norm_buf + wd[w].form,
                                 wd[w].form_len, 1);
                }
                kh_sink_char(k, '\n');
            }
            kh_sink_char(k, '\n');
            continue;
        }
        if (o->view == KHABAR_VIEW_SENTENCES) {
            kh_sink_text(k, doc->text + s->start, s->end - s->start, 1);
            kh_sink_char(k, '\n');
            continue;
        }
        for (j = s->first_token; j < s->first_token + s->n_tokens; j++) {
            const khabar_token *t = &tk[j];
            kh_sink_text(k, doc->text + t->start, t->end - t->start, 1);
            kh_sink_char(k, '\t');
            kh_sink_text(k, doc->norm_buf + t->norm, t->norm_len, 1);
            kh_sink_char(k, '\t');
            kh_sink_str(k, khabar_token_kind_name((khabar_token_kind)t->kind));
            kh_sink_char(k, '\t');
            kh_sink_num(k, o->offset_base + t->start);
            kh_sink_char(k, '\t');
            kh_sink_num(k, o->offset_base + t->end);
            kh_sink_char(k, '\n');
        }
        kh_sink_char(k, '\n');
    }
    return KHABAR_OK;
}
