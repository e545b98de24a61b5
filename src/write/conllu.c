/*
 * conllu.c - the CoNLL-U writer.
 *
 * One token a line under "# sent_id" and "# text"; MISC carries what is
 * needed to rebuild the input exactly, in UDPipe's convention:
 * SpaceAfter=No when nothing separates a token from the next, SpacesAfter=
 * when what separates them is not one space (escaped: \s space, \t tab, \r,
 * \n, \p for |, \\), SpacesBefore= on a document's first token; and
 * TokenRange=start:end, here in bytes of the input.
 */
#include "write.h"

#include "../morph/lexicon.h"

/* Writes the gap bytes [a, b) escaped for MISC. */
static void spaces(kh_sink *k, const char *s, size_t a, size_t b)
{
    size_t i;
    for (i = a; i < b; i++) {
        switch (s[i]) {
        case ' ': kh_sink_put(k, "\\s", 2); break;
        case '\t': kh_sink_put(k, "\\t", 2); break;
        case '\r': kh_sink_put(k, "\\r", 2); break;
        case '\n': kh_sink_put(k, "\\n", 2); break;
        case '|': kh_sink_put(k, "\\p", 2); break;
        case '\\': kh_sink_put(k, "\\\\", 2); break;
        default: {
            /* Other white space and invisible characters, as they are. */
            size_t j = i + 1;
            while (j < b && s[j] != ' ' && s[j] != '\t' && s[j] != '\r' &&
                   s[j] != '\n' && s[j] != '|' && s[j] != '\\')
                j++;
            kh_sink_text(k, s + i, j - i, 0);
            i = j - 1;
        }
        }
    }
}

/* One line: a token (lemma NULL) or a word. The gap after it is [end,
 * gap_end): SpaceAfter=No when empty, SpacesAfter= unless one space. */
static void line(kh_sink *k, const khabar_doc *doc, const khabar_write_opts *o,
                 size_t id, size_t start, size_t end, size_t gap_end,
                 const char *lemma, size_t lemma_len, int upos, int doc_first)
{
    int bar = 0;
    kh_sink_num(k, id);
    kh_sink_char(k, '\t');
    kh_sink_text(k, doc->text + start, end - start, 0);
    kh_sink_char(k, '\t');
    if (lemma && lemma_len)
        kh_sink_text(k, lemma, lemma_len, 1);
    else
        kh_sink_char(k, '_');
    kh_sink_char(k, '\t');
    kh_sink_str(k, upos ? kh_upos_name(upos) : "_");
    kh_sink_str(k, "\t_\t_\t_\t_\t_\t");
    if (doc_first && start > 0) {
        kh_sink_str(k, "SpacesBefore=");
        spaces(k, doc->text, 0, start);
        bar = 1;
    }
    if (gap_end == end) {
        kh_sink_str(k, bar ? "|SpaceAfter=No" : "SpaceAfter=No");
        bar = 1;
    } else if (!(gap_end == end + 1 && doc->text[end] == ' ')) {
        kh_sink_str(k, bar ? "|SpacesAfter=" : "SpacesAfter=");
        spaces(k, doc->text, end, gap_end);
        bar = 1;
    }
    kh_sink_str(k, bar ? "|TokenRange=" : "TokenRange=");
    kh_sink_num(k, o->offset_base + start);
    kh_sink_char(k, ':');
    kh_sink_num(k, o->offset_base + end);
    kh_sink_char(k, '\n');
}

khabar_code kh_write_conllu(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *wd = doc->words.data;
    const khabar_sentence *ss;
    khabar_sentence whole;
    size_t ns, i, j, ntok = doc->tokens.len;
    int words = o->view == KHABAR_VIEW_WORDS;
    if (o->view != KHABAR_VIEW_TOKENS && o->view != KHABAR_VIEW_SENTENCES &&
        !words)
        return KHABAR_EINVAL;
    ns = kh_write_sentences(doc, &ss, &whole);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        size_t first = s->first_token, id = 1;
        if (i == 0 && (o->flags & KHABAR_WRITE_DOC_START))
            kh_sink_str(k, "# newdoc\n");
        if (first == 0 || (tk[first - 1].flags & KHABAR_TOKEN_NEWLINE_AFTER))
            kh_sink_str(k, "# newpar\n");
        kh_sink_str(k, "# sent_id = ");
        kh_sink_num(k, o->sentence_base + i + 1);
        kh_sink_str(k, "\n# text = ");
        kh_sink_text(k, doc->text + s->start, s->end - s->start, 1);
        kh_sink_char(k, '\n');
        for (j = first; j < first + s->n_tokens; j++) {
            const khabar_token *t = &tk[j];
            size_t gap_end = j + 1 < ntok ? tk[j + 1].start : doc->len, w;
            if (!words) {
                line(k, doc, o, id++, t->start, t->end, gap_end, NULL, 0, 0,
                     j == 0);
                continue;
            }
            for (w = doc->token_words[j]; w < doc->token_words[j + 1]; w++) {
                int last = w + 1 == doc->token_words[j + 1];
                line(k, doc, o, id++, wd[w].start, wd[w].end,
                     last ? gap_end : wd[w].end, doc->norm_buf + wd[w].lemma,
                     wd[w].lemma_len, wd[w].upos, j == 0 && w == 0);
            }
        }
        kh_sink_char(k, '\n');
    }
    return KHABAR_OK;
}
