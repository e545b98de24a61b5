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

khabar_code kh_write_conllu(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_sentence *ss;
    khabar_sentence whole;
    size_t ns, i, j, ntok = doc->tokens.len;
    if (o->view == KHABAR_VIEW_NORMALIZED)
        return KHABAR_EINVAL;
    ns = kh_write_sentences(doc, &ss, &whole);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        size_t first = s->first_token;
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
            size_t gap_end = j + 1 < ntok ? tk[j + 1].start : doc->len;
            int bar = 0;
            kh_sink_num(k, j - first + 1);
            kh_sink_char(k, '\t');
            kh_sink_text(k, doc->text + t->start, t->end - t->start, 0);
            kh_sink_str(k, "\t_\t_\t_\t_\t_\t_\t_\t");
            if (j == 0 && t->start > 0) {
                kh_sink_str(k, "SpacesBefore=");
                spaces(k, doc->text, 0, t->start);
                bar = 1;
            }
            if (gap_end == t->end) {
                kh_sink_str(k, bar ? "|SpaceAfter=No" : "SpaceAfter=No");
                bar = 1;
            } else if (!(gap_end == t->end + 1 && doc->text[t->end] == ' ')) {
                kh_sink_str(k, bar ? "|SpacesAfter=" : "SpacesAfter=");
                spaces(k, doc->text, t->end, gap_end);
                bar = 1;
            }
            kh_sink_str(k, bar ? "|TokenRange=" : "TokenRange=");
            kh_sink_num(k, o->offset_base + t->start);
            kh_sink_char(k, ':');
            kh_sink_num(k, o->offset_base + t->end);
            kh_sink_char(k, '\n');
        }
        kh_sink_char(k, '\n');
    }
    return KHABAR_OK;
}
