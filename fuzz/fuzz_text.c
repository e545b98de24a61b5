/*
 * fuzz_text.c - libFuzzer target for the text layer: khabar_normalize(),
 * khabar_analyze_opts() (normalized text, tokens, sentences, diagnostics,
 * words, and with every stage the news layer: clusters, dates, quotes,
 * keywords, summary) and khabar_doc_write() in every view and format.
 *
 * The first byte of the input chooses the options (as cmark's fuzzer does);
 * the rest is the text:
 *
 *   bits 0-1  normalization: 0 = flag word 0 (the default, search),
 *             1 = KHABAR_NORM_SEARCH, 2 = KHABAR_NORM_DISPLAY,
 *             3 = a raw bit set read from the next two bytes (little
 *             endian, masked to the defined steps, HAMZA_SEATS included)
 *   bits 2-4  khabar_options.stages (0 = all)
 *   bit  5    KHABAR_ANALYZE_COPY_TEXT
 *   bit  6    KHABAR_ANALYZE_NORM_MAP
 *   bit  7    presets: add KHABAR_NORM_HAMZA_SEATS; raw: add
 *             KHABAR_NORM_EXPLICIT
 *
 * Every property violation calls abort() after printing what failed, so
 * libFuzzer (and fuzz/replay.c) report it as a crash. The file builds both
 * with clang -fsanitize=fuzzer and as a plain object linked with replay.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ALL_NORM_STEPS                                                     \
    (KHABAR_NORM_DIACRITICS | KHABAR_NORM_TATWEEL | KHABAR_NORM_ALEF |     \
     KHABAR_NORM_ALEF_MAQSURA | KHABAR_NORM_TEH_MARBUTA |                 \
     KHABAR_NORM_HAMZA_SEATS | KHABAR_NORM_PRESENTATION |                 \
     KHABAR_NORM_PERSIAN | KHABAR_NORM_DIGITS | KHABAR_NORM_INVISIBLE |   \
     KHABAR_NORM_COMPOSE)

/* ------------------------------------------------------------------------ */
/* Failing                                                                  */
/* ------------------------------------------------------------------------ */

static void fail(const char *what, size_t a, size_t b)
{
    fprintf(stderr, "fuzz_text: property violated: %s (%zu, %zu)\n", what, a,
            b);
    abort();
}

#define CHECK(cond, what, a, b)                                            \
    do {                                                                   \
        if (!(cond))                                                       \
            fail(what, (size_t)(a), (size_t)(b));                          \
    } while (0)

/* ------------------------------------------------------------------------ */
/* Strict UTF-8                                                             */
/* ------------------------------------------------------------------------ */

/* Decodes one well-formed code point at s[0..n); returns its length, or 0
 * when the bytes there are not well-formed UTF-8 (overlong forms, surrogates
 * and code points above U+10FFFF are ill-formed). */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned b = s[0];
    size_t len, k;
    uint32_t c, min;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
        c = b & 0x1F;
        min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        c = b & 0x0F;
        min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        c = b & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Returns the offset of the first ill-formed byte, or n when s is valid. */
static size_t utf8_check(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t w;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        w = utf8_decode(u + i, n - i, &cp);
        if (!w)
            return i;
        i += w;
    }
    return n;
}

/* Unicode White_Space, and the format (invisible) characters that may stand
 * between two tokens. */
static int is_gap_cp(uint32_t c)
{
    if ((c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
        c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
        c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000)
        return 1;
    return c == 0x00AD || c == 0x061C || c == 0x180E ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

/* Checks that the bytes [a, b) of text are white space or format characters
 * only (in particular, well-formed UTF-8 without NUL). */
static void check_gap(const char *text, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = a;
    while (i < b) {
        uint32_t cp;
        size_t w = utf8_decode(u + i, b - i, &cp);
        CHECK(w != 0, "gap between tokens holds ill-formed UTF-8", i, b);
        CHECK(is_gap_cp(cp), "gap between tokens holds a visible character",
              i, cp);
        i += w;
    }
}

static size_t count_lf(const char *s, size_t n)
{
    size_t i, k = 0;
    for (i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

/* ------------------------------------------------------------------------ */
/* The writer callback                                                      */
/* ------------------------------------------------------------------------ */

/* Streams the output through a strict UTF-8 check (a sequence may be cut
 * between two calls) and throws it away. When expect is set, the output must
 * equal it byte for byte. */
typedef struct sink_check {
    unsigned char pend[4]; /* the start of a sequence cut by the last call */
    size_t npend;
    size_t total;          /* bytes seen */
    const char *expect;    /* NULL, or the exact output expected */
    size_t expect_len;
    size_t fail_after;     /* the callback fails once total would pass this */
    int fail;
    int calls;
} sink_check;

static size_t seq_len(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

static int check_write(void *ctx, const char *data, size_t len)
{
    sink_check *sc = ctx;
    const unsigned char *u = (const unsigned char *)data;
    size_t i = 0;
    sc->calls++;
    CHECK(len == 0 || data != NULL, "writer passed NULL data", len, 0);
    if (sc->fail && sc->total + len > sc->fail_after)
        return -1;
    if (sc->expect) {
        CHECK(sc->total + len <= sc->expect_len,
              "writer output longer than expected", sc->total + len,
              sc->expect_len);
        CHECK(len == 0 || memcmp(sc->expect + sc->total, data, len) == 0,
              "writer output differs from the expected text", sc->total, len);
    }
    sc->total += len;
    /* Complete a sequence left over from the last call. */
    while (sc->npend && i < len) {
        size_t want = seq_len(sc->pend[0]);
        uint32_t cp;
        sc->pend[sc->npend++] = u[i++];
        if (sc->npend == want) {
            CHECK(utf8_decode(sc->pend, want, &cp) == want,
                  "writer output is not valid UTF-8", sc->total, want);
            sc->npend = 0;
        } else {
            CHECK((u[i - 1] & 0xC0) == 0x80,
                  "writer output is not valid UTF-8", sc->total, i);
        }
    }
    while (i < len) {
        uint32_t cp;
        size_t w, want;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        w = utf8_decode(u + i, len - i, &cp);
        if (w) {
            i += w;
            continue;
        }
        /* Ill-formed, or a sequence cut by the end of this call. */
        want = seq_len(u[i]);
        CHECK(want > 1 && len - i < want, "writer output is not valid UTF-8",
              sc->total - len + i, u[i]);
        {
            size_t k;
            for (k = i + 1; k < len; k++)
                CHECK((u[k] & 0xC0) == 0x80,
                      "writer output is not valid UTF-8", k, u[k]);
            /* The prefix must be one that can still complete. */
            if (len - i >= 2) {
                unsigned b0 = u[i], b1 = u[i + 1];
                CHECK(!(b0 == 0xE0 && b1 < 0xA0) &&
                          !(b0 == 0xED && b1 > 0x9F) &&
                          !(b0 == 0xF0 && b1 < 0x90) &&
                          !(b0 == 0xF4 && b1 > 0x8F),
                      "writer output is not valid UTF-8", i, b1);
            }
        }
        memcpy(sc->pend, u + i, len - i);
        sc->npend = len - i;
        i = len;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Normalization                                                            */
/* ------------------------------------------------------------------------ */

static void check_normalized_text(const khabar_normalized *n, const char *in,
                                  size_t in_len)
{
    CHECK(n->text != NULL, "normalized text is NULL", n->len, 0);
    CHECK(n->text[n->len] == '\0', "normalized text not NUL-terminated",
          n->len, 0);
    CHECK(strlen(n->text) == n->len, "normalized text holds a NUL",
          strlen(n->text), n->len);
    CHECK(utf8_check(n->text, n->len) == n->len,
          "normalized text is not valid UTF-8", utf8_check(n->text, n->len),
          n->len);
    CHECK(count_lf(n->text, n->len) == count_lf(in, in_len),
          "normalization changed the number of line feeds",
          count_lf(in, in_len), count_lf(n->text, n->len));
}

static void check_map(const khabar_normalized *n, size_t in_len)
{
    size_t i;
    CHECK(n->len == 0 || (n->src_start && n->src_end),
          "map asked for but missing", n->len, 0);
    for (i = 0; i < n->len; i++) {
        CHECK(n->src_start[i] <= n->src_end[i], "map: start > end",
              n->src_start[i], n->src_end[i]);
        CHECK(n->src_end[i] <= in_len, "map: end beyond the input",
              n->src_end[i], in_len);
        CHECK(i == 0 || n->src_start[i - 1] <= n->src_start[i],
              "map: src_start decreases", i, n->src_start[i]);
    }
}

static void same_normalized(const khabar_normalized *a,
                            const khabar_normalized *b, const char *what)
{
    CHECK(a->len == b->len && memcmp(a->text, b->text, a->len) == 0, what,
          a->len, b->len);
    CHECK(a->n_invalid == b->n_invalid, what, a->n_invalid, b->n_invalid);
}

/* ------------------------------------------------------------------------ */
/* The doc                                                                  */
/* ------------------------------------------------------------------------ */

static void check_tokens(const khabar_doc *doc, const char *text, size_t len)
{
    const khabar_token *tk = khabar_doc_tokens(doc);
    size_t nt = khabar_doc_token_count(doc), i, prev_end = 0;
    const char *norm = khabar_doc_norm(doc);
    CHECK(nt == 0 || tk != NULL, "tokens missing", nt, 0);
    CHECK(norm != NULL, "khabar_doc_norm is NULL", 0, 0);
    for (i = 0; i < nt; i++) {
        const khabar_token *t = &tk[i];
        CHECK(t->start < t->end, "empty token", t->start, t->end);
        CHECK(t->end <= len, "token beyond the input", t->end, len);
        CHECK(t->start >= prev_end, "tokens overlap or are out of order",
              prev_end, t->start);
        check_gap(text, prev_end, t->start);
        CHECK(t->kind >= KHABAR_TOK_ARABIC && t->kind <= KHABAR_TOK_INVALID,
              "unknown token kind", i, t->kind);
        CHECK(utf8_check(norm + t->norm, t->norm_len) == t->norm_len,
              "token's normalized form is not valid UTF-8", i, t->norm_len);
        prev_end = t->end;
    }
    check_gap(text, prev_end, len);
}

static void check_sentences(const khabar_doc *doc, size_t len, int want)
{
    const khabar_token *tk = khabar_doc_tokens(doc);
    const khabar_sentence *ss = khabar_doc_sentences(doc);
    size_t nt = khabar_doc_token_count(doc);
    size_t ns = khabar_doc_sentence_count(doc), i, next = 0, prev_end = 0;
    if (!want) {
        CHECK(ns == 0, "sentences without the sentence stage", ns, 0);
        return;
    }
    CHECK(ns == 0 || ss != NULL, "sentences missing", ns, 0);
    for (i = 0; i < ns; i++) {
        const khabar_sentence *s = &ss[i];
        size_t last;
        CHECK(s->first_token == next, "sentences leave a gap or overlap",
              next, s->first_token);
        CHECK(s->n_tokens > 0, "empty sentence", i, s->first_token);
        CHECK(s->n_tokens <= nt - s->first_token,
              "sentence runs past the last token", s->first_token,
              s->n_tokens);
        last = s->first_token + s->n_tokens - 1;
        CHECK(s->start <= s->end && s->end <= len,
              "sentence range out of bounds", s->start, s->end);
        CHECK(s->start >= prev_end, "sentences overlap", prev_end, s->start);
        CHECK(s->start <= tk[s->first_token].start &&
                  s->end >= tk[last].end,
              "sentence range does not cover its tokens", s->start, s->end);
        CHECK(i + 1 == ns || s->end <= tk[last + 1].start,
              "sentence range covers the next sentence's token", s->end, i);
        next += s->n_tokens;
        prev_end = s->end;
    }
    CHECK(next == nt, "sentences do not cover every token", next, nt);
}

static void check_diags(const khabar_doc *doc, size_t len)
{
    const khabar_diag *dg = khabar_doc_diags(doc);
    size_t nd = khabar_doc_diag_count(doc), i, prev_end = 0;
    CHECK(nd == 0 || dg != NULL, "diagnostics missing", nd, 0);
    for (i = 0; i < nd; i++) {
        CHECK(dg[i].start < dg[i].end && dg[i].end <= len,
              "diagnostic range out of bounds", dg[i].start, dg[i].end);
        CHECK(dg[i].start >= prev_end, "diagnostics out of order", prev_end,
              dg[i].start);
        CHECK(dg[i].kind >= KHABAR_DIAG_INVALID_UTF8 &&
                  dg[i].kind <= KHABAR_DIAG_NUL,
              "unknown diagnostic kind", i, dg[i].kind);
        prev_end = dg[i].end;
    }
}

/* Words: each token's words are adjacent, non-empty and cover it exactly;
 * every string of a word is valid UTF-8. */
static void check_words(const khabar_doc *doc, int has_words)
{
    const khabar_token *t = khabar_doc_tokens(doc);
    const khabar_word *w = khabar_doc_words(doc);
    const size_t *tw = khabar_doc_token_words(doc);
    const char *s = khabar_doc_norm(doc);
    size_t n = khabar_doc_token_count(doc), i, k;
    if (!has_words) {
        CHECK(khabar_doc_word_count(doc) == 0, "words without the stage",
              khabar_doc_word_count(doc), 0);
        return;
    }
    CHECK(tw != NULL, "no token-word index", n, 0);
    if (!tw)
        return;
    CHECK(tw[n] == khabar_doc_word_count(doc), "word index end", tw[n],
          khabar_doc_word_count(doc));
    for (i = 0; i < n; i++) {
        size_t pos = t[i].start;
        CHECK(tw[i] < tw[i + 1], "a token without words", i, tw[i]);
        for (k = tw[i]; k < tw[i + 1]; k++) {
            CHECK(w[k].token == i, "word of another token", k, w[k].token);
            CHECK(w[k].start == pos && w[k].end > w[k].start,
                  "words do not tile their token", w[k].start, pos);
            pos = w[k].end;
            CHECK(utf8_check(s + w[k].form, w[k].form_len) == w[k].form_len &&
                      utf8_check(s + w[k].lemma, w[k].lemma_len) ==
                          w[k].lemma_len &&
                      utf8_check(s + w[k].stem, w[k].stem_len) ==
                          w[k].stem_len &&
                      utf8_check(s + w[k].root, w[k].root_len) ==
                          w[k].root_len,
                  "a word string is not UTF-8", k, 0);
        }
        CHECK(pos == t[i].end, "words end before their token", pos, t[i].end);
    }
}

/* The news layer: every span inside the input, every index in range,
 * clusters that hold their mentions, a summary in order. */
static void check_news(const khabar_doc *doc, size_t len)
{
    const khabar_entity *e = khabar_doc_entities(doc);
    const khabar_cluster *c = khabar_doc_clusters(doc);
    const khabar_mention *m = khabar_doc_mentions(doc);
    const khabar_timex *x = khabar_doc_timexes(doc);
    const khabar_quote *q = khabar_doc_quotes(doc);
    const khabar_keyword *k = khabar_doc_keywords(doc);
    const size_t *sum = khabar_doc_summary(doc);
    const char *s = khabar_doc_norm(doc);
    size_t i, n_ent = khabar_doc_entity_count(doc);
    size_t n_cl = khabar_doc_cluster_count(doc), n_m = khabar_doc_mention_count(doc);
    size_t total = 0;
    for (i = 0; i < n_ent; i++) {
        size_t cl = khabar_doc_entity_cluster(doc, i);
        CHECK(e[i].start <= e[i].end && e[i].end <= len, "entity span", i,
              e[i].end);
        CHECK(cl < n_cl, "entity without a cluster", i, cl);
    }
    for (i = 0; i < n_cl; i++) {
        CHECK(c[i].first_mention == total && c[i].n_mentions >= 1 &&
                  c[i].n_names >= 1 && c[i].n_names <= c[i].n_mentions,
              "cluster mentions", i, c[i].first_mention);
        CHECK(c[i].name_start <= c[i].name_end && c[i].name_end <= len,
              "cluster name span", i, c[i].name_end);
        total += c[i].n_mentions;
    }
    CHECK(total == n_m, "mentions not all in clusters", total, n_m);
    for (i = 0; i < n_m; i++)
        CHECK(m[i].start <= m[i].end && m[i].end <= len && m[i].cluster < n_cl &&
                  (m[i].entity == SIZE_MAX || m[i].entity < n_ent),
              "mention", i, m[i].end);
    for (i = 0; i < khabar_doc_timex_count(doc); i++) {
        CHECK(x[i].start <= x[i].end && x[i].end <= len, "date span", i,
              x[i].end);
        CHECK(utf8_check(s + x[i].value, x[i].value_len) == x[i].value_len,
              "date value is not UTF-8", i, 0);
        CHECK(i == 0 || x[i - 1].start <= x[i].start, "dates out of order", i,
              x[i].start);
    }
    for (i = 0; i < khabar_doc_quote_count(doc); i++) {
        CHECK(q[i].start <= q[i].end && q[i].end <= len &&
                  q[i].speaker_start <= q[i].speaker_end &&
                  q[i].speaker_end <= len && q[i].cue_start <= q[i].cue_end &&
                  q[i].cue_end <= len &&
                  q[i].content_start <= q[i].content_end &&
                  q[i].content_end <= len,
              "quote spans", i, q[i].end);
        CHECK(q[i].cluster == SIZE_MAX || q[i].cluster < n_cl,
              "quote cluster", i, q[i].cluster);
    }
    for (i = 0; i < khabar_doc_keyword_count(doc); i++)
        CHECK(utf8_check(s + k[i].lemma, k[i].lemma_len) == k[i].lemma_len &&
                  k[i].count >= 1 &&
                  (i == 0 || k[i - 1].score >= k[i].score),
              "keyword", i, k[i].count);
    for (i = 0; i < khabar_doc_summary_count(doc); i++)
        CHECK(sum[i] < khabar_doc_sentence_count(doc) &&
                  (i == 0 || sum[i - 1] < sum[i]),
              "summary sentence", i, sum[i]);
}

static void check_writers(const khabar_doc *doc, int has_norm, int has_tokens,
                          int has_words, size_t salt)
{
    static const khabar_view views[] = {
        KHABAR_VIEW_TOKENS, KHABAR_VIEW_SENTENCES, KHABAR_VIEW_NORMALIZED,
        KHABAR_VIEW_WORDS, KHABAR_VIEW_STEMS, KHABAR_VIEW_ANALYSIS};
    static const khabar_format formats[] = {
        KHABAR_FORMAT_TEXT, KHABAR_FORMAT_JSONL, KHABAR_FORMAT_CONLLU,
        KHABAR_FORMAT_JSON, KHABAR_FORMAT_HTML};
    const khabar_normalized *nt = khabar_doc_normalized(doc);
    size_t v, f;
    for (v = 0; v < sizeof views / sizeof *views; v++) {
        for (f = 0; f < sizeof formats / sizeof *formats; f++) {
            khabar_write_opts wo;
            khabar_error err;
            khabar_code rc, want;
            sink_check sc;
            int ok;
            if (views[v] == KHABAR_VIEW_ANALYSIS)
                ok = has_tokens && formats[f] != KHABAR_FORMAT_CONLLU;
            else if (formats[f] == KHABAR_FORMAT_JSON ||
                     formats[f] == KHABAR_FORMAT_HTML)
                ok = 0;
            else if (views[v] == KHABAR_VIEW_NORMALIZED)
                ok = has_norm && formats[f] != KHABAR_FORMAT_CONLLU;
            else if (views[v] == KHABAR_VIEW_STEMS)
                ok = has_words && formats[f] != KHABAR_FORMAT_CONLLU;
            else if (views[v] == KHABAR_VIEW_WORDS)
                ok = has_words;
            else
                ok = has_tokens;
            want = ok ? KHABAR_OK : KHABAR_EINVAL;
            memset(&wo, 0, sizeof wo);
            wo.view = views[v];
            wo.format = formats[f];
            /* Vary the bases and flags from input to input. */
            wo.offset_base = (salt & 1) ? (size_t)1 << 20 : 0;
            wo.sentence_base = (salt & 2) ? 41 : 0;
            wo.flags = (salt & 4) ? KHABAR_WRITE_DOC_START : 0;
            memset(&sc, 0, sizeof sc);
            if (ok && views[v] == KHABAR_VIEW_NORMALIZED &&
                formats[f] == KHABAR_FORMAT_TEXT) {
                sc.expect = nt->text;
                sc.expect_len = nt->len;
            }
            rc = khabar_doc_write(doc, &wo, check_write, &sc, &err);
            CHECK(rc == want, "khabar_doc_write: unexpected result", rc,
                  v * 8 + f);
            CHECK(err.code == rc, "khabar_doc_write: err.code differs", rc,
                  err.code);
            CHECK(rc == KHABAR_OK || err.msg != NULL,
                  "khabar_doc_write: error without a message", rc, 0);
            if (rc != KHABAR_OK)
                continue;
            CHECK(sc.npend == 0, "writer output ends inside a UTF-8 sequence",
                  sc.total, sc.npend);
            if (sc.expect)
                CHECK(sc.total == sc.expect_len,
                      "normalized text view is shorter than the text",
                      sc.total, sc.expect_len);
            /* The same, with a callback that fails: KHABAR_EIO once the
             * writer has anything to pass on. */
            if (sc.total > 0) {
                size_t total = sc.total;
                memset(&sc, 0, sizeof sc);
                sc.fail = 1;
                sc.fail_after = (salt >> 3) % total;
                rc = khabar_doc_write(doc, &wo, check_write, &sc, &err);
                CHECK(rc == KHABAR_EIO,
                      "khabar_doc_write: callback failure not reported", rc,
                      total);
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The target                                                               */
/* ------------------------------------------------------------------------ */

static khabar_model *model;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    khabar_normalized n1, n2, n3;
    khabar_options opts;
    khabar_error err;
    khabar_doc *doc;
    const khabar_normalized *dn;
    const char *text, *dtext;
    char *input;
    size_t len, dlen;
    unsigned op, norm, stages;
    int copy, map, has_norm, has_tokens, has_sentences;

    if (!model) {
        model = khabar_model_new(&err);
        if (!model)
            fail("khabar_model_new failed", 0, 0);
    }
    if (size == 0)
        return 0;
    op = data[0];
    data++;
    size--;
    switch (op & 3u) {
    case 0: norm = 0; break;
    case 1: norm = KHABAR_NORM_SEARCH; break;
    case 2: norm = KHABAR_NORM_DISPLAY; break;
    default:
        norm = 0;
        if (size >= 2) {
            norm = (unsigned)data[0] | (unsigned)data[1] << 8;
            data += 2;
            size -= 2;
        }
        norm &= ALL_NORM_STEPS;
        break;
    }
    if (op & 0x80u)
        norm |= (op & 3u) == 3u ? (unsigned)KHABAR_NORM_EXPLICIT
                                : (unsigned)KHABAR_NORM_HAMZA_SEATS;
    stages = (op >> 2) & 7u;
    copy = (op & 0x20u) != 0;
    map = (op & 0x40u) != 0;

    /* The text in a buffer of its own, exactly its size, so that a read past
     * it is caught; with COPY_TEXT it is freed right after the analysis. */
    input = malloc(size ? size : 1);
    if (!input)
        return 0;
    if (size)
        memcpy(input, data, size);
    text = input;
    len = size;

    /* 1. khabar_normalize, without and with the map. */
    CHECK(khabar_normalize(model, text, len, norm, 0, &n1, &err) == KHABAR_OK,
          "khabar_normalize failed", len, err.code);
    check_normalized_text(&n1, text, len);
    CHECK(n1.src_start == NULL && n1.src_end == NULL,
          "map filled though not asked for", 0, 0);
    CHECK(khabar_normalize(model, text, len, norm, KHABAR_NORMALIZE_MAP, &n2,
                           &err) == KHABAR_OK,
          "khabar_normalize (map) failed", len, err.code);
    check_normalized_text(&n2, text, len);
    same_normalized(&n1, &n2, "the map option changes the normalized text");
    check_map(&n2, len);

    /* 2. Idempotence. */
    CHECK(khabar_normalize(model, n1.text, n1.len, norm, KHABAR_NORMALIZE_MAP,
                           &n3, &err) == KHABAR_OK,
          "khabar_normalize (again) failed", n1.len, err.code);
    CHECK(n3.n_invalid == 0, "normalized text has invalid sequences",
          n3.n_invalid, 0);
    CHECK(n3.len == n1.len && memcmp(n3.text, n1.text, n1.len) == 0,
          "normalization is not idempotent", n1.len, n3.len);
    check_map(&n3, n1.len);
    khabar_normalized_free(&n3);

    /* 3. The doc. */
    memset(&opts, 0, sizeof opts);
    opts.stages = stages;
    opts.norm = norm;
    opts.flags = (copy ? KHABAR_ANALYZE_COPY_TEXT : 0u) |
                 (map ? KHABAR_ANALYZE_NORM_MAP : 0u);
    doc = khabar_analyze_opts(model, text, len, &opts, &err);
    CHECK(doc != NULL, "khabar_analyze_opts failed", len, err.code);
    CHECK(err.code == KHABAR_OK, "err not cleared on success", err.code, 0);
    dtext = khabar_doc_text(doc, &dlen);
    CHECK(dlen == len, "khabar_doc_text: wrong length", dlen, len);
    CHECK(copy ? dtext != text : dtext == text,
          "khabar_doc_text: copy flag not honoured", copy, 0);
    if (copy) {
        /* The doc must not need the caller's text any more. */
        free(input);
        input = NULL;
        text = NULL;
    }
    CHECK(len == 0 || memcmp(dtext, data, len) == 0,
          "khabar_doc_text: the text differs", len, 0);

    has_norm = stages == 0 ? 0 : (stages & KHABAR_STAGE_NORMTEXT) != 0;
    has_sentences = stages == 0 || (stages & KHABAR_STAGE_SENTENCES) != 0;
    has_tokens = has_sentences || stages == 0 ||
                 (stages & KHABAR_STAGE_TOKENS) != 0;

    dn = khabar_doc_normalized(doc);
    CHECK((dn != NULL) == has_norm, "normalized text stage mismatch",
          dn != NULL, has_norm);
    if (dn) {
        check_normalized_text(dn, dtext, dlen);
        same_normalized(dn, &n1,
                        "doc's normalized text differs from khabar_normalize");
        if (map) {
            check_map(dn, len);
            CHECK(dn->len == 0 ||
                      (memcmp(dn->src_start, n2.src_start,
                              dn->len * sizeof(size_t)) == 0 &&
                       memcmp(dn->src_end, n2.src_end,
                              dn->len * sizeof(size_t)) == 0),
                  "doc's map differs from khabar_normalize's", dn->len, 0);
        } else {
            CHECK(dn->src_start == NULL && dn->src_end == NULL,
                  "doc has a map though not asked for", 0, 0);
        }
    }

    if (has_tokens) {
        check_tokens(doc, dtext, dlen);
        check_diags(doc, dlen);
        CHECK(khabar_doc_diag_count(doc) == n1.n_invalid,
              "diagnostics and n_invalid disagree",
              khabar_doc_diag_count(doc), n1.n_invalid);
    } else {
        CHECK(khabar_doc_token_count(doc) == 0,
              "tokens without the token stage", khabar_doc_token_count(doc),
              0);
    }
    check_sentences(doc, dlen, has_sentences);
    check_words(doc, stages == 0);
    if (stages == 0)
        check_news(doc, dlen);

    /* 4. Every view in every format. */
    check_writers(doc, has_norm, has_tokens, stages == 0, len ^ op);

    /* 5. The fine scheme gives words that also cover each token. */
    if (stages == 0 && (len & 1)) {
        khabar_doc *fine;
        opts.flags |= KHABAR_ANALYZE_FINE;
        /* dtext: the caller's text may be gone (COPY_TEXT). */
        opts.flags &= ~(unsigned)KHABAR_ANALYZE_COPY_TEXT;
        fine = khabar_analyze_opts(model, dtext, dlen, &opts, NULL);
        CHECK(fine != NULL, "fine scheme analysis failed", len, 0);
        check_words(fine, 1);
        khabar_doc_free(fine);
    }

    khabar_doc_free(doc);
    khabar_normalized_free(&n1);
    khabar_normalized_free(&n2);
    free(input);
    return 0;
}
