/*
 * json.c - the whole analysis of a doc as one JSON object (view ANALYSIS,
 * formats json and jsonl). The schema is docs/json.md; every "start" and
 * "end" is a byte offset into the input (plus offset_base), every "text"
 * the input's bytes of that span (as valid UTF-8).
 *
 * jsonl writes the object on one line; json indents it, with the objects of
 * the long arrays (tokens, words, mentions) kept on one line each.
 */
#include "write.h"

#include <stdio.h>
#include <string.h>

#define MAX_DEPTH 16
#define INLINE_DEPTH 3 /* objects this deep are written on one line */

typedef struct jw {
    kh_sink *k;
    const khabar_doc *doc;
    size_t base;
    int pretty, depth;
    unsigned char empty[MAX_DEPTH + 1]; /* nothing written yet at depth */
} jw;

static void newline(jw *w)
{
    int i;
    if (!w->pretty || w->depth >= INLINE_DEPTH)
        return;
    kh_sink_char(w->k, '\n');
    for (i = 0; i < w->depth; i++)
        kh_sink_str(w->k, "  ");
}

/* Before a member or an element: the comma, and the line break. */
static void next(jw *w)
{
    if (!w->empty[w->depth])
        kh_sink_char(w->k, ',');
    w->empty[w->depth] = 0;
    newline(w);
}

static void jopen(jw *w, char c)
{
    kh_sink_char(w->k, c);
    if (w->depth < MAX_DEPTH)
        w->depth++;
    w->empty[w->depth] = 1;
}

static void jclose(jw *w, char c)
{
    int inner = w->depth, had = !w->empty[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (had && inner < INLINE_DEPTH)
        newline(w);
    kh_sink_char(w->k, c);
}

static void key(jw *w, const char *name)
{
    next(w);
    kh_sink_char(w->k, '"');
    kh_sink_str(w->k, name);
    kh_sink_str(w->k, w->pretty && w->depth < INLINE_DEPTH ? "\": " : "\":");
}

static void num(jw *w, const char *name, uint64_t v)
{
    key(w, name);
    kh_sink_num(w->k, v);
}

static void offset(jw *w, const char *name, size_t v)
{
    num(w, name, w->base + v);
}

static void str(jw *w, const char *name, const char *s, size_t n)
{
    key(w, name);
    kh_sink_json(w->k, s, n);
}

static void cstr(jw *w, const char *name, const char *s)
{
    str(w, name, s, strlen(s));
}

/* The input's bytes [a, b). */
static void span_text(jw *w, const char *name, size_t a, size_t b)
{
    str(w, name, w->doc->text + a, b > a ? b - a : 0);
}

/* A title as the list of a cluster's titles reads it (kh_title_from):
 * one JSON string. */
static void title(jw *w, const khabar_mention *m)
{
    size_t from, n;
    const char *pre = kh_title_from(w->doc, m, &from);
    char buf[512];
    n = strlen(pre);
    if (n + (m->end - from) <= sizeof buf) {
        memcpy(buf, pre, n);
        memcpy(buf + n, w->doc->text + from, m->end - from);
        kh_sink_json(w->k, buf, n + (m->end - from));
    } else {
        kh_sink_json(w->k, w->doc->text + m->start, m->end - m->start);
    }
}

static void norm_str(jw *w, const char *name, size_t off, size_t len)
{
    str(w, name, w->doc->norm_buf + off, len);
}

static void boolean(jw *w, const char *name, int v)
{
    key(w, name);
    kh_sink_str(w->k, v ? "true" : "false");
}

static void index_or_null(jw *w, const char *name, size_t v)
{
    key(w, name);
    if (v == SIZE_MAX)
        kh_sink_str(w->k, "null");
    else
        kh_sink_num(w->k, v);
}

static void real(jw *w, const char *name, double v)
{
    char b[32];
    key(w, name);
    snprintf(b, sizeof b, "%.4f", v);
    kh_sink_str(w->k, b);
}

static void date_value(jw *w, const char *name, khabar_date d)
{
    char b[16];
    size_t n = kh_date_format(b, sizeof b, d);
    key(w, name);
    if (n)
        kh_sink_json(w->k, b, n);
    else
        kh_sink_str(w->k, "null");
}

static void sentences(jw *w)
{
    const khabar_sentence *s = w->doc->sentences.data;
    size_t i;
    key(w, "sentences");
    jopen(w, '[');
    for (i = 0; i < w->doc->sentences.len; i++) {
        next(w);
        jopen(w, '{');
        offset(w, "start", s[i].start);
        offset(w, "end", s[i].end);
        span_text(w, "text", s[i].start, s[i].end);
        num(w, "first_token", s[i].first_token);
        num(w, "n_tokens", s[i].n_tokens);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void words_of(jw *w, size_t t)
{
    const khabar_doc *doc = w->doc;
    const khabar_word *wd = doc->words.data;
    size_t i;
    key(w, "words");
    jopen(w, '[');
    for (i = doc->token_words[t]; i < doc->token_words[t + 1]; i++) {
        next(w);
        jopen(w, '{');
        span_text(w, "text", wd[i].start, wd[i].end);
        norm_str(w, "form", wd[i].form, wd[i].form_len);
        norm_str(w, "lemma", wd[i].lemma, wd[i].lemma_len);
        if (wd[i].root_len)
            norm_str(w, "root", wd[i].root, wd[i].root_len);
        cstr(w, "upos", khabar_upos_name((khabar_upos)wd[i].upos));
        cstr(w, "role", kh_word_role_name(wd[i].role));
        offset(w, "start", wd[i].start);
        offset(w, "end", wd[i].end);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void tokens(jw *w)
{
    const khabar_doc *doc = w->doc;
    const khabar_token *t = doc->tokens.data;
    const khabar_word *wd = doc->words.data;
    size_t i;
    key(w, "tokens");
    jopen(w, '[');
    for (i = 0; i < doc->tokens.len; i++) {
        next(w);
        jopen(w, '{');
        span_text(w, "text", t[i].start, t[i].end);
        norm_str(w, "norm", t[i].norm, t[i].norm_len);
        cstr(w, "kind", khabar_token_kind_name((khabar_token_kind)t[i].kind));
        offset(w, "start", t[i].start);
        offset(w, "end", t[i].end);
        if (doc->token_words) {
            const khabar_word *h = &wd[khabar_doc_token_host(doc, i)];
            norm_str(w, "stem", h->stem, h->stem_len);
            words_of(w, i);
        }
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void entities(jw *w)
{
    const khabar_entity *e = w->doc->entities.data;
    size_t i;
    key(w, "entities");
    jopen(w, '[');
    for (i = 0; i < w->doc->entities.len; i++) {
        next(w);
        jopen(w, '{');
        cstr(w, "type", khabar_entity_type_name((khabar_entity_type)e[i].type));
        span_text(w, "text", e[i].start, e[i].end);
        offset(w, "start", e[i].start);
        offset(w, "end", e[i].end);
        index_or_null(w, "cluster", khabar_doc_entity_cluster(w->doc, i));
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void clusters(jw *w)
{
    const khabar_cluster *c = w->doc->clusters.data;
    const khabar_mention *m = w->doc->mentions.data;
    size_t i, j;
    key(w, "clusters");
    jopen(w, '[');
    for (i = 0; i < w->doc->clusters.len; i++) {
        next(w);
        jopen(w, '{');
        num(w, "id", i);
        cstr(w, "type", khabar_entity_type_name((khabar_entity_type)c[i].type));
        span_text(w, "name", c[i].name_start, c[i].name_end);
        num(w, "count", c[i].n_names);
        key(w, "titles");
        jopen(w, '[');
        for (j = c[i].first_mention; j < c[i].first_mention + c[i].n_mentions; j++) {
            if (!kh_title_shown(w->doc, &c[i], j))
                continue;
            next(w);
            title(w, &m[j]);
        }
        jclose(w, ']');
        key(w, "mentions");
        jopen(w, '[');
        for (j = c[i].first_mention; j < c[i].first_mention + c[i].n_mentions; j++) {
            next(w);
            jopen(w, '{');
            cstr(w, "kind", khabar_mention_kind_name((khabar_mention_kind)m[j].kind));
            span_text(w, "text", m[j].start, m[j].end);
            offset(w, "start", m[j].start);
            offset(w, "end", m[j].end);
            jclose(w, '}');
        }
        jclose(w, ']');
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void dates(jw *w)
{
    const khabar_timex *x = w->doc->timexes.data;
    size_t i;
    key(w, "dates");
    jopen(w, '[');
    for (i = 0; i < w->doc->timexes.len; i++) {
        next(w);
        jopen(w, '{');
        span_text(w, "text", x[i].start, x[i].end);
        key(w, "value");
        if (x[i].value_len)
            kh_sink_json(w->k, w->doc->norm_buf + x[i].value, x[i].value_len);
        else
            kh_sink_str(w->k, "null");
        cstr(w, "kind", khabar_timex_kind_name((khabar_timex_kind)x[i].kind));
        cstr(w, "grain", khabar_grain_name((khabar_grain)x[i].grain));
        date_value(w, "first", x[i].first);
        date_value(w, "last", x[i].last);
        if (x[i].flags & KHABAR_TIMEX_HIJRI)
            boolean(w, "hijri", 1);
        if (x[i].flags & (KHABAR_TIMEX_START | KHABAR_TIMEX_MID | KHABAR_TIMEX_END))
            cstr(w, "part", x[i].flags & KHABAR_TIMEX_START ? "start"
                            : x[i].flags & KHABAR_TIMEX_MID ? "middle"
                                                            : "end");
        if (x[i].flags & KHABAR_TIMEX_WEEKDAY_MISMATCH)
            boolean(w, "weekday_mismatch", 1);
        if (x[i].flags & KHABAR_TIMEX_INVALID)
            boolean(w, "invalid", 1);
        if (x[i].flags & KHABAR_TIMEX_EVERY_YEAR)
            boolean(w, "every_year", 1);
        offset(w, "start", x[i].start);
        offset(w, "end", x[i].end);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void quotes(jw *w)
{
    const khabar_quote *q = w->doc->quotes.data;
    size_t i;
    key(w, "quotes");
    jopen(w, '[');
    for (i = 0; i < w->doc->quotes.len; i++) {
        next(w);
        jopen(w, '{');
        span_text(w, "speaker", q[i].speaker_start, q[i].speaker_end);
        index_or_null(w, "cluster", q[i].cluster);
        span_text(w, "cue", q[i].cue_start, q[i].cue_end);
        norm_str(w, "cue_lemma", q[i].cue_lemma, q[i].cue_lemma_len);
        span_text(w, "text", q[i].content_start, q[i].content_end);
        boolean(w, "direct", q[i].direct);
        offset(w, "start", q[i].content_start);
        offset(w, "end", q[i].content_end);
        key(w, "speaker_span");
        jopen(w, '[');
        next(w);
        kh_sink_num(w->k, w->base + q[i].speaker_start);
        next(w);
        kh_sink_num(w->k, w->base + q[i].speaker_end);
        jclose(w, ']');
        key(w, "cue_span");
        jopen(w, '[');
        next(w);
        kh_sink_num(w->k, w->base + q[i].cue_start);
        next(w);
        kh_sink_num(w->k, w->base + q[i].cue_end);
        jclose(w, ']');
        key(w, "span");
        jopen(w, '[');
        next(w);
        kh_sink_num(w->k, w->base + q[i].start);
        next(w);
        kh_sink_num(w->k, w->base + q[i].end);
        jclose(w, ']');
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void repairs(jw *w)
{
    const khabar_repair *r = w->doc->repairs.data;
    size_t i;
    key(w, "repairs");
    jopen(w, '[');
    for (i = 0; i < w->doc->repairs.len; i++) {
        next(w);
        jopen(w, '{');
        span_text(w, "from", r[i].start, r[i].end);
        norm_str(w, "to", r[i].text, r[i].text_len);
        offset(w, "start", r[i].start);
        offset(w, "end", r[i].end);
        num(w, "score", (uint64_t)(r[i].score < 0 ? 0 : r[i].score));
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void keywords(jw *w)
{
    const khabar_keyword *k = w->doc->keywords.data;
    size_t i;
    key(w, "keywords");
    jopen(w, '[');
    for (i = 0; i < w->doc->keywords.len; i++) {
        next(w);
        jopen(w, '{');
        if (k[i].cluster < w->doc->clusters.len) {
            const khabar_cluster *c =
                (const khabar_cluster *)w->doc->clusters.data + k[i].cluster;
            span_text(w, "text", c->name_start, c->name_end);
        } else {
            norm_str(w, "text", k[i].lemma, k[i].lemma_len);
        }
        norm_str(w, "lemma", k[i].lemma, k[i].lemma_len);
        index_or_null(w, "cluster", k[i].cluster);
        num(w, "count", k[i].count);
        real(w, "score", k[i].score);
        jclose(w, '}');
    }
    jclose(w, ']');
}

static void summary(jw *w)
{
    const size_t *s = w->doc->summary.data;
    const khabar_sentence *se = w->doc->sentences.data;
    size_t i;
    key(w, "summary");
    jopen(w, '[');
    for (i = 0; i < w->doc->summary.len; i++) {
        next(w);
        jopen(w, '{');
        num(w, "sentence", s[i]);
        span_text(w, "text", se[s[i]].start, se[s[i]].end);
        offset(w, "start", se[s[i]].start);
        offset(w, "end", se[s[i]].end);
        jclose(w, '}');
    }
    jclose(w, ']');
}

khabar_code kh_write_analysis_json(const khabar_doc *doc,
                                   const khabar_write_opts *o, kh_sink *k)
{
    jw w;
    khabar_date_source src;
    khabar_date d = khabar_doc_date(doc, &src);
    memset(&w, 0, sizeof w);
    w.k = k;
    w.doc = doc;
    w.base = o->offset_base;
    w.pretty = o->format == KHABAR_FORMAT_JSON;
    jopen(&w, '{');
    span_text(&w, "text", 0, doc->len);
    key(&w, "date");
    jopen(&w, '{');
    date_value(&w, "value", d);
    cstr(&w, "source", khabar_date_source_name(src));
    jclose(&w, '}');
    sentences(&w);
    tokens(&w);
    entities(&w);
    clusters(&w);
    dates(&w);
    quotes(&w);
    repairs(&w);
    keywords(&w);
    summary(&w);
    jclose(&w, '}');
    kh_sink_char(k, '\n');
    return KHABAR_OK;
}
