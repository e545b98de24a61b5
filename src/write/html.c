/*
 * html.c - the analysis of a doc as one self-contained HTML page (view
 * ANALYSIS, format html): the article right-to-left, a paragraph a line,
 * with its entities marked by type (<mark class="ent per" data-entity=i>),
 * its dates (<time>) and its repaired glued words (<span class="repair">);
 * beside it the summary, the clusters, a timeline of the dates, the quotes
 * and the keywords. No script and no external asset: styles are inline.
 *
 * Marks may overlap (a repair holds a name: مدينةسوتشي); the page stays
 * well-formed by closing every open mark at each boundary and reopening
 * those that go on, so one entity can be two elements with the same
 * data-entity.
 */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SPAN_REPAIR, SPAN_ENTITY, SPAN_DATE };

typedef struct span {
    size_t start, end, index;
    int kind;
} span;

static const char style[] =
    "body{font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',serif;"
    "margin:0;background:#fafafa;color:#222;line-height:1.9}"
    "header{padding:1em 2em;background:#123;color:#fff}"
    "header h1{margin:0;font-size:1.4em}"
    "main{display:flex;flex-wrap:wrap;gap:2em;padding:1em 2em}"
    "article{flex:3 1 30em;font-size:1.15em;background:#fff;padding:1em 2em;"
    "border-radius:6px;box-shadow:0 1px 3px #0002}"
    "aside{flex:2 1 20em}"
    "aside section{background:#fff;margin-bottom:1em;padding:.5em 1.5em;"
    "border-radius:6px;box-shadow:0 1px 3px #0002}"
    "h2{font-size:1.05em;border-bottom:1px solid #ddd}"
    "mark.ent{border-radius:3px;padding:0 2px}"
    "mark.per{background:#ffd6d6}mark.loc{background:#d6ecff}"
    "mark.org{background:#d9f5d3}mark.misc{background:#efe0ff}"
    "time{border-bottom:2px dotted #c60}"
    ".repair{text-decoration:underline wavy #d33}"
    ".legend mark,.legend span,.legend time{margin-left:.6em}"
    ".value{direction:ltr;unicode-bidi:isolate;color:#666;font-size:.9em}"
    "blockquote{margin:.4em 0;padding:.2em 1em;border-right:3px solid #999}"
    "cite{font-style:normal;font-weight:bold}"
    "ol.timeline{padding-right:1.2em}";

/* Input bytes, escaped for HTML text and attributes, as valid UTF-8. */
static void esc(kh_sink *k, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    for (i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: break;
        }
        if (!rep)
            continue;
        kh_sink_text(k, s + run, i - run, 0);
        kh_sink_str(k, rep);
        run = i + 1;
    }
    kh_sink_text(k, s + run, n - run, 0);
}

static void input(kh_sink *k, const khabar_doc *doc, size_t a, size_t b)
{
    esc(k, doc->text + a, b > a ? b - a : 0);
}

/* input(), with a space where a repair splits a glued word: the summary
 * and the quotes read as repaired (the article shows each repair). */
static void repaired(kh_sink *k, const khabar_doc *doc, size_t a, size_t b)
{
    while (a < b) {
        size_t s = kh_repair_split_after(doc, a, b);
        esc(k, doc->text + a, s - a);
        if (s < b)
            kh_sink_char(k, ' ');
        a = s;
    }
}

static const char *type_class(int type)
{
    switch (type) {
    case KHABAR_ENT_PER: return "per";
    case KHABAR_ENT_LOC: return "loc";
    case KHABAR_ENT_ORG: return "org";
    default: return "misc";
    }
}

static void open_span(kh_sink *k, const khabar_doc *doc, const span *s)
{
    if (s->kind == SPAN_ENTITY) {
        const khabar_entity *e = (const khabar_entity *)doc->entities.data + s->index;
        kh_sink_str(k, "<mark class=\"ent ");
        kh_sink_str(k, type_class(e->type));
        kh_sink_str(k, "\" data-entity=\"");
        kh_sink_num(k, s->index);
        kh_sink_str(k, "\" data-type=\"");
        kh_sink_str(k, khabar_entity_type_name((khabar_entity_type)e->type));
        kh_sink_str(k, "\">");
    } else if (s->kind == SPAN_DATE) {
        const khabar_timex *t = (const khabar_timex *)doc->timexes.data + s->index;
        kh_sink_str(k, "<time");
        if (t->value_len) {
            kh_sink_str(k, " datetime=\"");
            esc(k, doc->norm_buf + t->value, t->value_len);
            kh_sink_str(k, "\" title=\"");
            esc(k, doc->norm_buf + t->value, t->value_len);
            kh_sink_char(k, '"');
        }
        kh_sink_char(k, '>');
    } else {
        const khabar_repair *r = (const khabar_repair *)doc->repairs.data + s->index;
        kh_sink_str(k, "<span class=\"repair\" title=\"");
        esc(k, doc->norm_buf + r->text, r->text_len);
        kh_sink_str(k, "\">");
    }
}

static void close_span(kh_sink *k, const span *s)
{
    kh_sink_str(k, s->kind == SPAN_ENTITY ? "</mark>"
                   : s->kind == SPAN_DATE ? "</time>"
                                          : "</span>");
}

static int by_start(const void *pa, const void *pb)
{
    const span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1; /* outer first */
    return a->kind - b->kind;
}

/* The article: paragraphs (one per line), with the marks. */
static int article(kh_sink *k, const khabar_doc *doc)
{
    size_t n = doc->entities.len + doc->timexes.len + doc->repairs.len;
    size_t i, pos = 0, next_span = 0, n_open = 0;
    span *s = malloc((n ? n : 1) * sizeof *s);
    const span **open = malloc((n ? n : 1) * sizeof *open);
    if (!s || !open) {
        free(s);
        free(open);
        return -1;
    }
    n = 0;
    for (i = 0; i < doc->entities.len; i++) {
        const khabar_entity *e = (const khabar_entity *)doc->entities.data + i;
        s[n++] = (span){e->start, e->end, i, SPAN_ENTITY};
    }
    for (i = 0; i < doc->timexes.len; i++) {
        const khabar_timex *t = (const khabar_timex *)doc->timexes.data + i;
        s[n++] = (span){t->start, t->end, i, SPAN_DATE};
    }
    for (i = 0; i < doc->repairs.len; i++) {
        const khabar_repair *r = (const khabar_repair *)doc->repairs.data + i;
        s[n++] = (span){r->start, r->end, i, SPAN_REPAIR};
    }
    kh_sort(s, n, sizeof *s, by_start);
    kh_sink_str(k, "<article>\n<p>");
    while (pos < doc->len) {
        /* The next boundary: a span's start or end, or a line break. */
        size_t stop = doc->len, j, keep;
        const char *nl;
        if (next_span < n && s[next_span].start < stop)
            stop = s[next_span].start;
        for (j = 0; j < n_open; j++)
            if (open[j]->end < stop)
                stop = open[j]->end;
        nl = memchr(doc->text + pos, '\n', stop - pos);
        if (nl)
            stop = (size_t)(nl - doc->text);
        if (stop > pos)
            input(k, doc, pos, stop);
        pos = stop;
        /* Close everything open, keep what goes on, reopen it with what
         * starts here. */
        for (j = n_open; j > 0; j--)
            close_span(k, open[j - 1]);
        for (j = 0, keep = 0; j < n_open; j++)
            if (open[j]->end > pos)
                open[keep++] = open[j];
        n_open = keep;
        if (nl) {
            /* Blank lines make no empty paragraphs. */
            while (pos < doc->len && (doc->text[pos] == '\n' ||
                                      doc->text[pos] == '\r'))
                pos++;
            kh_sink_str(k, "</p>\n<p>");
        }
        while (next_span < n && s[next_span].start <= pos) {
            if (s[next_span].end > pos)
                open[n_open++] = &s[next_span];
            next_span++;
        }
        for (j = 0; j < n_open; j++)
            open_span(k, doc, open[j]);
    }
    for (i = n_open; i > 0; i--)
        close_span(k, open[i - 1]);
    kh_sink_str(k, "</p>\n</article>\n");
    free(s);
    free(open);
    return 0;
}

static int cluster_list(kh_sink *k, const khabar_doc *doc, int type,
                        const char *title)
{
    const khabar_mention *m = doc->mentions.data;
    size_t i, j, n;
    const khabar_cluster **c = kh_clusters_of_type(doc, type, &n);
    if (!c)
        return -1;
    for (i = 0; i < n; i++) {
        int titles = 0;
        size_t from;
        if (i == 0) {
            kh_sink_str(k, "<section><h2>");
            kh_sink_str(k, title);
            kh_sink_str(k, "</h2><ul>\n");
        }
        kh_sink_str(k, "<li><mark class=\"key ");
        kh_sink_str(k, type_class(type));
        kh_sink_str(k, "\">");
        input(k, doc, c[i]->name_start, c[i]->name_end);
        kh_sink_str(k, "</mark> (");
        kh_sink_num(k, c[i]->n_names);
        kh_sink_char(k, ')');
        for (j = c[i]->first_mention;
             j < c[i]->first_mention + c[i]->n_mentions; j++) {
            if (!kh_title_shown(doc, c[i], j))
                continue;
            kh_sink_str(k, titles++ ? "، " : " — ");
            kh_sink_str(k, kh_title_from(doc, &m[j], &from));
            input(k, doc, from, m[j].end);
        }
        kh_sink_str(k, "</li>\n");
    }
    if (n)
        kh_sink_str(k, "</ul></section>\n");
    free(c);
    return 0;
}

static int timeline(kh_sink *k, const khabar_doc *doc)
{
    const khabar_timex **order;
    size_t i, n = doc->timexes.len;
    if (!n)
        return 0;
    order = kh_timeline(doc);
    if (!order)
        return -1;
    kh_sink_str(k, "<section><h2>التواريخ</h2><ol class=\"timeline\">\n");
    for (i = 0; i < n; i++) {
        kh_sink_str(k, "<li>");
        input(k, doc, order[i]->start, order[i]->end);
        kh_sink_str(k, " <span class=\"value\">");
        if (order[i]->value_len)
            esc(k, doc->norm_buf + order[i]->value, order[i]->value_len);
        else
            kh_sink_str(k, "?");
        kh_sink_str(k, "</span></li>\n");
    }
    kh_sink_str(k, "</ol></section>\n");
    free(order);
    return 0;
}

static void quotes(kh_sink *k, const khabar_doc *doc)
{
    const khabar_quote *q = doc->quotes.data;
    const khabar_cluster *c;
    size_t i;
    if (!doc->quotes.len)
        return;
    kh_sink_str(k, "<section><h2>الأقوال</h2>\n");
    for (i = 0; i < doc->quotes.len; i++) {
        kh_sink_str(k, "<blockquote class=\"quote\"><cite>");
        repaired(k, doc, q[i].speaker_start, q[i].speaker_end);
        if ((c = kh_speaker_named(doc, &q[i])) != NULL) {
            kh_sink_str(k, " (");
            repaired(k, doc, c->name_start, c->name_end);
            kh_sink_char(k, ')');
        }
        kh_sink_str(k, "</cite> (");
        input(k, doc, q[i].cue_start, q[i].cue_end);
        kh_sink_str(k, "): ");
        kh_sink_str(k, q[i].direct ? "«" : "");
        repaired(k, doc, q[i].content_start, q[i].content_end);
        kh_sink_str(k, q[i].direct ? "»" : "");
        kh_sink_str(k, "</blockquote>\n");
    }
    kh_sink_str(k, "</section>\n");
}

khabar_code kh_write_html(const khabar_doc *doc, const khabar_write_opts *o,
                          kh_sink *k)
{
    const khabar_sentence *se = doc->sentences.data;
    khabar_date_source src;
    khabar_date d = khabar_doc_date(doc, &src);
    char date[16];
    size_t i;
    (void)o;
    int headline = doc->sentences.len && se[0].n_tokens <= 16 &&
                   se[0].end - se[0].start <= 200;
    kh_sink_str(k, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"generator\" content=\"khabar "
                   KHABAR_VERSION_STRING "\">\n<title>");
    if (headline)
        input(k, doc, se[0].start, se[0].end);
    else
        kh_sink_str(k, "تحليل الخبر (khabar)");
    kh_sink_str(k, "</title>\n<style>");
    kh_sink_str(k, style);
    kh_sink_str(k, "</style>\n</head>\n<body>\n<header><h1>");
    if (headline)
        input(k, doc, se[0].start, se[0].end);
    else
        kh_sink_str(k, "تحليل الخبر");
    kh_sink_str(k, "</h1>\n<p>تاريخ النشر: <span class=\"value\">");
    kh_date_format(date, sizeof date, d);
    kh_sink_str(k, date);
    kh_sink_str(k, " (");
    kh_sink_str(k, khabar_date_source_name(src));
    kh_sink_str(k, ")</span></p>\n<p class=\"legend\">"
                   "<mark class=\"key per\">شخص</mark>"
                   "<mark class=\"key loc\">مكان</mark>"
                   "<mark class=\"key org\">منظمة</mark>"
                   "<mark class=\"key misc\">أخرى</mark>"
                   "<time>تاريخ</time>"
                   "<span class=\"repair\">كلمة ملتصقة فُصلت</span></p>\n"
                   "</header>\n<main>\n");
    if (article(k, doc) != 0)
        return KHABAR_ENOMEM;
    kh_sink_str(k, "<aside>\n");
    if (doc->summary.len) {
        const size_t *s = doc->summary.data;
        kh_sink_str(k, "<section><h2>الملخص</h2>\n");
        for (i = 0; i < doc->summary.len; i++) {
            kh_sink_str(k, "<p>");
            repaired(k, doc, se[s[i]].start, se[s[i]].end);
            kh_sink_str(k, "</p>\n");
        }
        kh_sink_str(k, "</section>\n");
    }
    if (cluster_list(k, doc, KHABAR_ENT_PER, "الأشخاص") != 0 ||
        cluster_list(k, doc, KHABAR_ENT_LOC, "الأماكن") != 0 ||
        cluster_list(k, doc, KHABAR_ENT_ORG, "المنظمات") != 0 ||
        cluster_list(k, doc, KHABAR_ENT_MISC, "أسماء أخرى") != 0 ||
        timeline(k, doc) != 0)
        return KHABAR_ENOMEM;
    quotes(k, doc);
    if (doc->keywords.len) {
        const khabar_keyword *kw = doc->keywords.data;
        kh_sink_str(k, "<section><h2>الكلمات المفتاحية</h2><p>");
        for (i = 0; i < doc->keywords.len; i++) {
            if (i)
                kh_sink_str(k, "، ");
            if (kw[i].cluster < doc->clusters.len) {
                const khabar_cluster *c =
                    (const khabar_cluster *)doc->clusters.data + kw[i].cluster;
                repaired(k, doc, c->name_start, c->name_end);
            } else {
                esc(k, doc->norm_buf + kw[i].lemma, kw[i].lemma_len);
            }
        }
        kh_sink_str(k, "</p></section>\n");
    }
    kh_sink_str(k, "</aside>\n</main>\n</body>\n</html>\n");
    return KHABAR_OK;
}
