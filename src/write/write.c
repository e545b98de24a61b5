/* write.c - khabar_doc_write(): checks the request and picks the writer. */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/error.h"
#include "../text/utf8.h"

int khabar_write_stdio(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len ? 0 : -1;
}

size_t kh_repair_split_after(const khabar_doc *doc, size_t a, size_t b)
{
    const khabar_repair *r = doc->repairs.data;
    size_t lo = 0, hi = doc->repairs.len, j;
    while (lo < hi) { /* the first repair that ends after a */
        size_t mid = lo + (hi - lo) / 2;
        if (r[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < doc->repairs.len && r[lo].start < b; lo++) {
        for (j = 0; j < r[lo].n_splits && j < 3; j++) {
            if (r[lo].split[j] > a && r[lo].split[j] < b)
                return r[lo].split[j];
        }
    }
    return b;
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

size_t kh_date_format(char *out, size_t n, khabar_date d)
{
    int k;
    if (d.year <= 0)
        k = snprintf(out, n, "%s", "");
    else if (d.day)
        k = snprintf(out, n, "%04d-%02d-%02d", d.year, d.month, d.day);
    else if (d.month)
        k = snprintf(out, n, "%04d-%02d", d.year, d.month);
    else
        k = snprintf(out, n, "%04d", d.year);
    return k < 0 ? 0 : (size_t)k < n ? (size_t)k : n - 1;
}

static int by_first_day(const void *pa, const void *pb)
{
    const khabar_timex *a = *(const khabar_timex *const *)pa;
    const khabar_timex *b = *(const khabar_timex *const *)pb;
    long x = a->first.year * 10000L + a->first.month * 100L + a->first.day;
    long y = b->first.year * 10000L + b->first.month * 100L + b->first.day;
    if (x != y)
        return x < y ? -1 : 1;
    return (a->start > b->start) - (a->start < b->start);
}

const khabar_timex **kh_timeline(const khabar_doc *doc)
{
    const khabar_timex *x = doc->timexes.data;
    size_t i, n = doc->timexes.len;
    const khabar_timex **order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return NULL;
    for (i = 0; i < n; i++)
        order[i] = &x[i];
    kh_sort(order, n, sizeof *order, by_first_day);
    return order;
}

static int by_count(const void *pa, const void *pb)
{
    const khabar_cluster *a = *(const khabar_cluster *const *)pa;
    const khabar_cluster *b = *(const khabar_cluster *const *)pb;
    if (a->n_names != b->n_names)
        return a->n_names > b->n_names ? -1 : 1;
    return (a->first_mention > b->first_mention) -
           (a->first_mention < b->first_mention);
}

const khabar_cluster **kh_clusters_of_type(const khabar_doc *doc, int type,
                                           size_t *n)
{
    const khabar_cluster *c = doc->clusters.data;
    size_t i, k = 0;
    const khabar_cluster **out =
        malloc((doc->clusters.len ? doc->clusters.len : 1) * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (i = 0; i < doc->clusters.len; i++)
        if (c[i].type == type)
            out[k++] = &c[i];
    kh_sort(out, k, sizeof *out, by_count);
    *n = k;
    return out;
}

const char *kh_word_role_name(int role)
{
    switch (role) {
    case KHABAR_WORD_PROCLITIC: return "proclitic";
    case KHABAR_WORD_HOST: return "host";
    case KHABAR_WORD_ENCLITIC: return "enclitic";
    case KHABAR_WORD_AFFIX: return "affix";
    default: return "whole";
    }
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
    } else if (opts->view == KHABAR_VIEW_ANALYSIS) {
        if (!(doc->stages & KHABAR_STAGE_TOKENS))
            return kh_fail(err, KHABAR_EINVAL, "the doc has no tokens", 0);
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
    if (opts->view == KHABAR_VIEW_ANALYSIS) {
        switch (opts->format) {
        case KHABAR_FORMAT_JSON:
        case KHABAR_FORMAT_JSONL: rc = kh_write_analysis_json(doc, opts, k); break;
        case KHABAR_FORMAT_TEXT: rc = kh_write_report(doc, opts, k); break;
        case KHABAR_FORMAT_HTML: rc = kh_write_html(doc, opts, k); break;
        default: rc = KHABAR_EINVAL; break;
        }
    } else {
        switch (opts->format) {
        case KHABAR_FORMAT_TEXT: rc = kh_write_text(doc, opts, k); break;
        case KHABAR_FORMAT_JSONL: rc = kh_write_jsonl(doc, opts, k); break;
        case KHABAR_FORMAT_CONLLU: rc = kh_write_conllu(doc, opts, k); break;
        default: rc = KHABAR_EINVAL; break;
        }
    }
    if (kh_sink_flush(k) != 0 && rc == KHABAR_OK)
        rc = KHABAR_EIO;
    free(k);
    if (rc == KHABAR_EINVAL)
        return kh_fail(err, rc, "this view cannot be written in this format",
                       0);
    if (rc == KHABAR_ENOMEM)
        return kh_fail(err, rc, NULL, 0);
    if (rc != KHABAR_OK)
        return kh_fail(err, rc, "the writer callback failed", 0);
    kh_ok(err);
    return KHABAR_OK;
}

/* Whether titles a and b read the same (kh_title_from): للرئيس and
 * الرئيس both read الرئيس. */
static int same_title(const khabar_doc *doc, const khabar_mention *a,
                      const khabar_mention *b)
{
    size_t fa, fb, pa, pb;
    const char *xa = kh_title_from(doc, a, &fa), *xb = kh_title_from(doc, b, &fb);
    pa = strlen(xa);
    pb = strlen(xb);
    if (pa + (a->end - fa) != pb + (b->end - fb))
        return 0;
    /* the prefixes are "" or "ا": the one with it matches its bytes in the
     * other's text */
    if (pa == pb)
        return memcmp(xa, xb, pa) == 0 &&
               memcmp(doc->text + fa, doc->text + fb, a->end - fa) == 0;
    if (pa > pb)
        return memcmp(xa, doc->text + fb, pa) == 0 &&
               memcmp(doc->text + fa, doc->text + fb + pa, a->end - fa) == 0;
    return memcmp(xb, doc->text + fa, pb) == 0 &&
           memcmp(doc->text + fb, doc->text + fa + pb, b->end - fb) == 0;
}

int kh_title_shown(const khabar_doc *doc, const khabar_cluster *c, size_t j)
{
    const khabar_mention *m = doc->mentions.data;
    size_t i;
    if (m[j].kind != KHABAR_MENTION_TITLE)
        return 0;
    for (i = c->first_mention; i < j; i++) {
        if (m[i].kind == KHABAR_MENTION_TITLE && same_title(doc, &m[i], &m[j]))
            return 0;
    }
    return 1;
}

const char *kh_title_from(const khabar_doc *doc, const khabar_mention *m,
                          size_t *start)
{
    *start = m->start;
    if (m->end - m->start > 4 &&
        memcmp(doc->text + m->start, "\xD9\x84\xD9\x84", 4) == 0) { /* لل */
        *start = m->start + 2;
        return "\xD8\xA7"; /* ا */
    }
    return "";
}

#define NAME_CPS 128 /* letters of a name compared, at most */

/* The letters of s[0, n) as a name is compared: no spaces, tatweel or
 * diacritics, alef forms as ا, ى and Persian yeh as ي, ة as ه (مجدي  عياش
 * is مجدي عياش, جبّور is جبور). Returns the count (NAME_CPS at most). */
static size_t name_letters(const char *s, size_t n, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    size_t k = 0;
    while (p < e && k < NAME_CPS) {
        uint32_t c;
        int diag;
        p += kh_utf8_next(p, e, &c, &diag);
        if (c == ' ' || c == 0xA0 || c == 0x0640 ||
            (c >= 0x064B && c <= 0x0652) || c == 0x0670)
            continue;
        if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671)
            c = 0x0627;
        else if (c == 0x0649 || c == 0x06CC)
            c = 0x064A;
        else if (c == 0x0629)
            c = 0x0647;
        out[k++] = c;
    }
    return k;
}

/* Whether a[0, n) holds b[0, m). */
static int contains(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
    size_t i;
    for (i = 0; i + m <= n; i++) {
        if (memcmp(a + i, b, m * sizeof *b) == 0)
            return 1;
    }
    return 0;
}

const khabar_cluster *kh_speaker_named(const khabar_doc *doc,
                                       const khabar_quote *q)
{
    const khabar_cluster *c;
    uint32_t name[NAME_CPS], speaker[NAME_CPS];
    size_t n, h = q->speaker_end - q->speaker_start, ns, ss;
    if (q->cluster >= doc->clusters.len || q->speaker_end > doc->len ||
        h == 0)
        return NULL;
    c = (const khabar_cluster *)doc->clusters.data + q->cluster;
    n = c->name_end - c->name_start;
    if (n == 0 || c->name_end > doc->len)
        return NULL;
    /* Not when the speaker is the name or a part of it (بوتين), nor when
     * it says the name already (مدير مكتب الجزيرة زاور شوج), in the
     * letters that count (name_letters). */
    ns = name_letters(doc->text + c->name_start, n, name);
    ss = name_letters(doc->text + q->speaker_start, h, speaker);
    if (ns == 0 || ss == 0 || contains(name, ns, speaker, ss) ||
        contains(speaker, ss, name, ns))
        return NULL;
    return c;
}
