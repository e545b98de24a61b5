/*
 * report.c - the analysis of a doc as a report for a person (view
 * ANALYSIS, format text): the publication date used, the summary, people,
 * places, organizations and other names (one cluster a line, with its
 * count and titles), the dates on a timeline, the quotes, the keywords and
 * the repairs. The text it quotes (the summary's sentences, the quotes)
 * is shown with the glued words it repaired split.
 *
 * Plain UTF-8 with no terminal escapes, so that it reads the same piped to
 * a file. Each line that holds Arabic starts with it (headings are Arabic
 * first, English after), so that a terminal that lays out right-to-left
 * text takes the whole line as right-to-left; numbers go at the end.
 */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The input's bytes [a, b), with a space where a repair splits a glued
 * word (ترمبوزعماء is shown ترمب وزعماء). */
static void text(kh_sink *k, const khabar_doc *doc, size_t a, size_t b)
{
    while (a < b) {
        size_t s = kh_repair_split_after(doc, a, b);
        kh_sink_text(k, doc->text + a, s - a, 1);
        if (s < b)
            kh_sink_char(k, ' ');
        a = s;
    }
}

static void heading(kh_sink *k, const char *arabic, const char *english)
{
    kh_sink_str(k, "\n== ");
    kh_sink_str(k, arabic);
    kh_sink_str(k, " (");
    kh_sink_str(k, english);
    kh_sink_str(k, ") ==\n");
}

/* The clusters of a type, most named first. */
static int names(kh_sink *k, const khabar_doc *doc, int type,
                 const char *arabic, const char *english)
{
    const khabar_mention *m = doc->mentions.data;
    size_t i, j, n, shown = 0;
    const khabar_cluster **c = kh_clusters_of_type(doc, type, &n);
    if (!c)
        return -1;
    for (i = 0; i < n; i++) {
        int titles = 0;
        size_t from;
        if (!shown++)
            heading(k, arabic, english);
        text(k, doc, c[i]->name_start, c[i]->name_end);
        for (j = c[i]->first_mention;
             j < c[i]->first_mention + c[i]->n_mentions; j++) {
            if (!kh_title_shown(doc, c[i], j))
                continue;
            kh_sink_str(k, titles++ ? "، " : " — ");
            kh_sink_str(k, kh_title_from(doc, &m[j], &from));
            text(k, doc, from, m[j].end);
        }
        kh_sink_str(k, " (");
        kh_sink_num(k, c[i]->n_names);
        kh_sink_str(k, ")\n");
    }
    free(c);
    return 0;
}

static int timeline(kh_sink *k, const khabar_doc *doc)
{
    const khabar_timex **order;
    size_t i, n = doc->timexes.len;
    if (n == 0)
        return 0;
    order = kh_timeline(doc);
    if (!order)
        return -1;
    heading(k, "التواريخ", "dates");
    for (i = 0; i < n; i++) {
        const khabar_timex *t = order[i];
        text(k, doc, t->start, t->end);
        kh_sink_char(k, '\t');
        if (t->value_len)
            kh_sink_text(k, doc->norm_buf + t->value, t->value_len, 1);
        else
            kh_sink_str(k, (t->flags & KHABAR_TIMEX_INVALID) ? "invalid"
                                                             : "?");
        kh_sink_char(k, '\n');
    }
    free(order);
    return 0;
}

/* After a speaker named by a title or a description, the name of who it
 * is in parentheses (kh_speaker_named). */
static void speaker_name(kh_sink *k, const khabar_doc *doc,
                         const khabar_quote *q)
{
    const khabar_cluster *c = kh_speaker_named(doc, q);
    if (!c)
        return;
    kh_sink_str(k, " (");
    text(k, doc, c->name_start, c->name_end);
    kh_sink_char(k, ')');
}

static void quotes(kh_sink *k, const khabar_doc *doc)
{
    const khabar_quote *q = doc->quotes.data;
    size_t i;
    if (!doc->quotes.len)
        return;
    heading(k, "الأقوال", "quotes");
    for (i = 0; i < doc->quotes.len; i++) {
        if (q[i].speaker_end > q[i].speaker_start) {
            text(k, doc, q[i].speaker_start, q[i].speaker_end);
            speaker_name(k, doc, &q[i]);
        } else {
            kh_sink_str(k, "؟");
        }
        kh_sink_str(k, " — ");
        text(k, doc, q[i].cue_start, q[i].cue_end);
        kh_sink_str(k, q[i].direct ? ": «" : ": ");
        text(k, doc, q[i].content_start, q[i].content_end);
        kh_sink_str(k, q[i].direct ? "»\n" : "\n");
    }
}

khabar_code kh_write_report(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k)
{
    const khabar_sentence *se = doc->sentences.data;
    khabar_date_source src;
    khabar_date d = khabar_doc_date(doc, &src);
    char b[32];
    size_t i;
    (void)o;
    kh_sink_str(k, "تاريخ النشر (publication date): ");
    if (!kh_date_format(b, sizeof b, d))
        strcpy(b, "?");
    kh_sink_str(k, b);
    kh_sink_str(k, " (");
    kh_sink_str(k, khabar_date_source_name(src));
    kh_sink_str(k, ")\n");
    if (doc->summary.len) {
        const size_t *s = doc->summary.data;
        heading(k, "الملخص", "summary");
        for (i = 0; i < doc->summary.len; i++) {
            text(k, doc, se[s[i]].start, se[s[i]].end);
            kh_sink_char(k, '\n');
        }
    }
    if (names(k, doc, KHABAR_ENT_PER, "الأشخاص", "people") != 0 ||
        names(k, doc, KHABAR_ENT_LOC, "الأماكن", "places") != 0 ||
        names(k, doc, KHABAR_ENT_ORG, "المنظمات", "organizations") != 0 ||
        names(k, doc, KHABAR_ENT_MISC, "أسماء أخرى", "other names") != 0 ||
        timeline(k, doc) != 0)
        return KHABAR_ENOMEM;
    quotes(k, doc);
    if (doc->keywords.len) {
        const khabar_keyword *kw = doc->keywords.data;
        heading(k, "الكلمات المفتاحية", "keywords");
        for (i = 0; i < doc->keywords.len; i++) {
            if (i)
                kh_sink_str(k, "، ");
            if (kw[i].cluster < doc->clusters.len) {
                const khabar_cluster *c =
                    (const khabar_cluster *)doc->clusters.data + kw[i].cluster;
                text(k, doc, c->name_start, c->name_end);
            } else {
                kh_sink_text(k, doc->norm_buf + kw[i].lemma, kw[i].lemma_len,
                             1);
            }
        }
        kh_sink_char(k, '\n');
    }
    if (doc->repairs.len) {
        const khabar_repair *r = doc->repairs.data;
        heading(k, "كلمات ملتصقة فُصلت", "repaired glued words");
        for (i = 0; i < doc->repairs.len; i++) {
            kh_sink_text(k, doc->text + r[i].start, r[i].end - r[i].start, 1);
            kh_sink_str(k, " ← ");
            kh_sink_text(k, doc->norm_buf + r[i].text, r[i].text_len, 1);
            kh_sink_char(k, '\n');
        }
    }
    return KHABAR_OK;
}
