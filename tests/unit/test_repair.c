/* test_repair.c - glued-word repair (src/morph/repair.h): the seed
 * article's glued words, valid long words left alone, and inputs that must
 * give a defined result fast (huge tokens, marks only, other scripts). */
#include <stdlib.h>
#include <time.h>

#include "model/model.h"
#include "morph/repair.h"
#include "morph/segment.h"
#include "test.h"

static kh_norm morph;

/* Repairs the whole of s; returns the token with a space at each split
 * (static buffer) and the split count in *n (-1 on error). */
static const char *repair(const char *s, int *n, kh_repair *r)
{
    static char out[4096];
    size_t len = strlen(s), k = 0, i;
    int p;
    *n = kh_repair_token(t_model, &morph, s, 0, len, r);
    for (i = 0, p = 0; i < len && k + 2 < sizeof out; i++) {
        if (*n > 0 && p < r->n_parts - 1 && i == r->split[p]) {
            out[k++] = ' ';
            p++;
        }
        out[k++] = s[i];
    }
    out[k] = 0;
    return out;
}

#define CHECK_REPAIR(in, want)                                               \
    do {                                                                     \
        int n_;                                                              \
        kh_repair r_;                                                        \
        const char *got_ = repair((in), &n_, &r_);                           \
        CHECK_MEM(got_, strlen(got_), (want));                               \
    } while (0)

#define CHECK_WHOLE(in)                                                      \
    do {                                                                     \
        int n_;                                                              \
        kh_repair r_;                                                        \
        repair((in), &n_, &r_);                                              \
        CHECK(n_ == 0 && r_.n_parts == 1);                                   \
        if (n_ != 0)                                                         \
            fprintf(stderr, "  split: %s\n", repair((in), &n_, &r_));        \
    } while (0)

static void seed(void)
{
    int n;
    kh_repair r;
    const char *s = "مدينةسوتشي";
    CHECK_REPAIR("مدينةسوتشي", "مدينة سوتشي");
    CHECK_REPAIR("ترمبوزعماء", "ترمب وزعماء");
    CHECK_REPAIR("ومصروالسعودية", "ومصر والسعودية");
    /* The split is a byte offset between two letters, with a score. */
    repair(s, &n, &r);
    CHECK(n == 1 && r.n_parts == 2 && r.split[0] == strlen("مدينة") &&
          r.score >= 0);
    /* Inside a longer text: offsets are the text's. */
    {
        const char *text = "في مدينةسوتشي الروسية";
        size_t a = strlen("في "), b = a + strlen("مدينةسوتشي");
        CHECK(kh_repair_token(t_model, &morph, text, a, b, &r) == 1 &&
              r.split[0] == a + strlen("مدينة"));
    }
    /* The examples' glued words. */
    CHECK_REPAIR("مدينةجنيف", "مدينة جنيف");
    CHECK_REPAIR("ولايةنابل", "ولاية نابل");
    CHECK_REPAIR("والكويتوعمان", "والكويت وعمان");
    CHECK_REPAIR("والمغربوليبيا", "والمغرب وليبيا");
    /* Three and four words. */
    CHECK_REPAIR("منالعراقوسوريا", "من العراق وسوريا");
    CHECK_REPAIR("فيمدينةسوتشيالروسية", "في مدينة سوتشي الروسية");
    CHECK_REPAIR("الرئيسالروسيفلاديميربوتين", "الرئيس الروسي فلاديمير بوتين");
}

static void valid_words(void)
{
    static const char *const words[] = {
        "والمسؤولين", "بالحوار", "والعسكريين", "الاستراتيجية", "فلسطينيون",
        "وسيجريها", "ولبنان",
        /* frequent words, clitics, inflections, names */
        "مدينة", "والسعودية", "وزعماء", "المتحدة", "بوتين", "ويمكن",
        "سيجري", "وسيلتقيان", "فلسطينيين", "الصحفيتان", "عبدالله",
        "عبدالموجود", "للمفاوضات", "وبالإضافة", "والإمارات", "فإن",
        "لإنقاذ",
        /* foreign place names written as one word */
        "جورجتاون", "كامبريدجشير", NULL};
    int i;
    for (i = 0; words[i]; i++)
        CHECK_WHOLE(words[i]);
}

static void diacritics_and_marks(void)
{
    int n;
    kh_repair r;
    /* Marks stay with the letter before the cut: the space goes after
     * the tanwin of مدينةً. */
    const char *s = "مدينةًسوتشي";
    repair(s, &n, &r);
    CHECK(n == 1 && r.split[0] == strlen("مدينةً"));
    /* Tatweel inside a glued word. */
    CHECK_REPAIR("مدينةـسوتشي", "مدينةـ سوتشي");
    /* Only marks, only tatweel, nothing. */
    CHECK_WHOLE("\xd9\x8e\xd9\x8f\xd9\x90\xd9\x91\xd9\x92");
    CHECK_WHOLE("ـــــــــــ");
    CHECK_WHOLE("");
    CHECK_WHOLE("مد");
    /* Diacritized valid word. */
    CHECK_WHOLE("الدُّسْتُور");
}

static void other_scripts(void)
{
    /* The tokenizer splits scripts, but the function must still give a
     * defined answer for anything. */
    CHECK_WHOLE("وiPhone");
    CHECK_WHOLE("iPhone");
    CHECK_WHOLE("2015");
    CHECK_WHOLE("٢٠١٥");
    CHECK_WHOLE("في2015");
    CHECK_WHOLE("مدينة\xff\xfeسوتشي");
    {
        /* A NUL inside: bytes given by length. */
        static const char nul[] = "مدينة\0سوتشي";
        kh_repair r;
        CHECK(kh_repair_token(t_model, &morph, nul, 0, sizeof nul - 1, &r) ==
                  0 &&
              r.n_parts == 1);
    }
}

static void bounds(void)
{
    kh_repair r;
    int n;
    size_t i, len;
    char *big;
    clock_t t0;
    double secs;
    /* 10,000 letters: never split, quickly. */
    len = 2 * 10000;
    big = malloc(len + 1);
    CHECK(big != NULL);
    if (!big)
        return;
    for (i = 0; i < len; i += 2)
        memcpy(big + i, i % 4 ? "ن" : "م", 2);
    big[len] = 0;
    t0 = clock();
    n = kh_repair_token(t_model, &morph, big, 0, len, &r);
    CHECK(n == 0 && r.n_parts == 1);
    /* Every length around the limit gives a defined answer. */
    for (i = 2 * (KH_REPAIR_MAX_LETTERS - 3);
         i <= 2 * (KH_REPAIR_MAX_LETTERS + 3); i += 2) {
        n = kh_repair_token(t_model, &morph, big, 0, i, &r);
        CHECK(n >= 0 && n <= 2 && r.n_parts == n + 1);
    }
    free(big);
    /* The worst case within the limit: 40 letters made of frequent short
     * words (every stretch a plausible part) stays fast. */
    {
        const char *w = "منفيعنمعمنفيعنمعمنفيعنمعمنفيعنمعمنفيعنمع";
        int k;
        for (k = 0; k < 20; k++) {
            n = kh_repair_token(t_model, &morph, w, 0, strlen(w), &r);
            CHECK(n >= 0 && n <= 2);
        }
    }
    secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 1.0);
    /* Bad arguments. */
    CHECK(kh_repair_token(NULL, &morph, "مدينةسوتشي", 0, 20, &r) == 0 &&
          r.n_parts == 1);
    CHECK(kh_repair_token(t_model, &morph, NULL, 0, 20, &r) == 0);
    CHECK(kh_repair_token(t_model, &morph, "abc", 2, 1, &r) == 0);
}

/* Random tokens of letters, marks, tatweel, invisible characters and
 * other scripts: splits are inside the token, increasing, and fall right
 * before an Arabic letter. */
static void properties(void)
{
    static const char *const alphabet[] = {
        "م", "د", "ي", "ن", "ة", "س", "و", "ت", "ش", "ا", "ل", "ى", "إ", "أ",
        "ع", "ب", "ر", "ه", "ك", "ف", "ق", "\xd9\x8e", "\xd9\x91", "\xd9\x8b",
        "ـ", "\xe2\x80\x8c", "a", "1", "\xff", "ﻻ"};
    unsigned seed = 12345;
    int iter, ok = 1;
    for (iter = 0; iter < 3000; iter++) {
        char buf[256];
        size_t len = 0;
        int k, n, letters = 4 + iter % 40;
        kh_repair r;
        for (k = 0; k < letters; k++) {
            const char *a;
            seed = seed * 1103515245u + 12345u;
            /* mostly letters */
            a = alphabet[(seed >> 16) % (iter % 3 ? 21 : 30)];
            if (len + strlen(a) >= sizeof buf)
                break;
            memcpy(buf + len, a, strlen(a));
            len += strlen(a);
        }
        n = kh_repair_token(t_model, &morph, buf, 0, len, &r);
        if (n < 0 || n > 2 || r.n_parts != n + 1)
            ok = 0;
        for (k = 0; k < n; k++) {
            unsigned char c = (unsigned char)buf[r.split[k]];
            if (r.split[k] == 0 || r.split[k] >= len ||
                (k && r.split[k] <= r.split[k - 1]) || c < 0xD8 ||
                (c > 0xDB && c != 0xEF) || r.score < 0)
                ok = 0;
        }
    }
    CHECK(ok);
}

/* The words beside a token are evidence, and only evidence: with or without
 * them, the seed's glued words are split at the same byte; no neighbour (a
 * NULL context or empty spans) is the plain call. */
static void context(void)
{
    const char *text = "قال ترمبوزعماء العالم";
    size_t a = strlen("قال "), b = a + strlen("ترمبوزعماء");
    kh_repair plain, with, none;
    kh_repair_ctx ctx = {0};
    CHECK(kh_repair_token(t_model, &morph, text, a, b, &plain) == 1);
    CHECK(kh_repair_token_ctx(t_model, &morph, text, a, b, &ctx, &none) ==
              1 &&
          none.split[0] == plain.split[0] && none.score == plain.score);
    CHECK(kh_repair_token_ctx(t_model, &morph, text, a, b, NULL, &none) ==
              1 &&
          none.score == plain.score);
    ctx.prev_start = 0;
    ctx.prev_end = strlen("قال");
    ctx.next_start = b + 1;
    ctx.next_end = strlen(text);
    CHECK(kh_repair_token_ctx(t_model, &morph, text, a, b, &ctx, &with) ==
              1 &&
          with.split[0] == a + strlen("ترمب") && with.n_cuts > 0);
    /* A word counted often is whole wherever it is, with no cut scored. */
    CHECK(kh_repair_token_ctx(t_model, &morph, text, b + 1, strlen(text),
                              &ctx, &with) == 0 &&
          with.n_cuts == 0);
}

/* The index of the token at byte start in a doc's tokens, n when none. */
static size_t token_at(const khabar_token *t, size_t n, size_t start)
{
    size_t i;
    for (i = 0; i < n && t[i].start != start; i++)
        ;
    return i;
}

/* kh_repair_token_ctx() on the first token spelled glued in text, with
 * text as its doc; -1 when text cannot be analyzed. */
static int repair_in_doc(const char *text, const char *glued, kh_repair *out)
{
    khabar_options o = {.stages = KHABAR_STAGE_TOKENS};
    khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    kh_repair_doc near;
    kh_repair_ctx ctx = {0};
    size_t a = (size_t)(strstr(text, glued) - text);
    int rc;
    CHECK(d != NULL);
    if (!d)
        return -1;
    kh_repair_doc_init(&near, text, khabar_doc_tokens(d),
                       khabar_doc_token_count(d));
    ctx.doc = &near;
    ctx.token = token_at(khabar_doc_tokens(d), khabar_doc_token_count(d), a);
    rc = kh_repair_token_ctx(t_model, &morph, text, a, a + strlen(glued), &ctx,
                             out);
    kh_repair_doc_free(&near);
    khabar_doc_free(d);
    return rc;
}

/* The doc around a token: a part that is a word of its own nearby speaks
 * for the cut; the index is made on first use and freed with the doc; a
 * doc of another text is no evidence; long tokens use the doc's tables. */
static void near_words(void)
{
    const char *text = "وصل بوتين إلى سوتشي أمس، ثم التقى الأسد في "
                       "مدينةسوتشي وقال الرئيسالروسيفلاديميربوتين إن";
    const char *copy;
    khabar_options o = {.stages = KHABAR_STAGE_TOKENS};
    khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    const khabar_token *t;
    size_t n, a, b, i;
    kh_repair_doc near;
    kh_repair_ctx ctx = {0};
    kh_repair plain, with, other;
    CHECK(d != NULL);
    if (!d)
        return;
    t = khabar_doc_tokens(d);
    n = khabar_doc_token_count(d);
    a = (size_t)(strstr(text, "مدينةسوتشي") - text);
    b = a + strlen("مدينةسوتشي");
    i = token_at(t, n, a);
    CHECK(i < n);
    kh_repair_doc_init(&near, text, t, n);
    CHECK(near.state == 0 && near.near == NULL);
    ctx.doc = &near;
    ctx.token = i;
    CHECK(kh_repair_token(t_model, &morph, text, a, b, &plain) == 1);
    CHECK(kh_repair_token_ctx(t_model, &morph, text, a, b, &ctx, &with) ==
              1 &&
          with.split[0] == plain.split[0] && with.score > plain.score);
    CHECK(near.state == 1 && near.n_near > 10);
    /* The same bytes elsewhere: the doc is not theirs. */
    copy = strdup(text);
    CHECK(copy != NULL);
    if (copy) {
        CHECK(kh_repair_token_ctx(t_model, &morph, copy, a, b, &ctx,
                                  &other) == 1 &&
              other.score == plain.score);
        free((void *)copy);
    }
    /* A token longer than the stack's tables. */
    a = (size_t)(strstr(text, "الرئيس") - text);
    b = a + strlen("الرئيسالروسيفلاديميربوتين");
    ctx.token = token_at(t, n, a);
    CHECK(kh_repair_token_ctx(t_model, &morph, text, a, b, &ctx, &with) ==
              3 &&
          near.scratch != NULL);
    kh_repair_doc_free(&near);
    CHECK(near.near == NULL && near.scratch == NULL);
    khabar_doc_free(d);
    /* A name the news never counted, written apart twice nearby, is a
     * part (بيدرسن + ووزير); once is not enough. */
    text = "وصل غير بيدرسن إلى دمشق. وقال بيدرسن إن الحوار مهم، وإن "
           "بيدرسنووزير الخارجية انتقلا إلى جلسة.";
    a = (size_t)(strstr(text, "بيدرسنووزير") - text);
    CHECK(repair_in_doc(text, "بيدرسنووزير", &with) == 1 &&
          with.split[0] == a + strlen("بيدرسن"));
    CHECK(kh_repair_token(t_model, &morph, text, a,
                          a + strlen("بيدرسنووزير"), &plain) == 0);
    CHECK(repair_in_doc("وقال بيدرسن إن الحوار مهم، وإن بيدرسنووزير الخارجية "
                        "انتقلا.",
                        "بيدرسنووزير", &with) == 0);
}

typedef struct count_ctx { int plausible; } count_ctx;

static void count_plausible(void *ctx, const uint32_t *letters, int n,
                            const kh_repair_cand *c)
{
    (void)letters;
    (void)n;
    ((count_ctx *)ctx)->plausible += c->n_parts > 1 && c->plausible;
}

/* kh_repair_token runs the segmenter on a part only when some host could
 * count (repair.c, step 2); kh_repair_visit runs it on every part. Both
 * must find the same plausible cuts. */
static void same_cuts(void)
{
    static const char *const tokens[] = {
        "مدينةسوتشي", "ترمبوزعماء", "ومصروالسعودية", "منالعراقوسوريا",
        "والمسؤولين", "وسيجريها", "بأكملها", "لايستطيعون", "وبالتالي",
        "فيالعاصمةالسورية", "وللمرأةوالطفل", "كتابهمالجديد", "عليهاوعليهم",
        "سيلتقيانبعدغد", "المتحدةالامريكية", "وبيروتولبنان",
        "الرئيسالروسيفلاديميربوتين"};
    size_t i;
    unsigned seed = 777;
    int k, ok = 1;
    for (i = 0; i < sizeof tokens / sizeof *tokens; i++) {
        kh_repair r;
        count_ctx c = {0};
        size_t len = strlen(tokens[i]);
        CHECK(kh_repair_best(t_model, &morph, tokens[i], 0, len, NULL, &r) >=
              0);
        CHECK(kh_repair_visit(t_model, &morph, tokens[i], 0, len, NULL,
                              count_plausible, &c) == 0);
        CHECK(r.n_cuts == c.plausible);
        if (r.n_cuts != c.plausible)
            fprintf(stderr, "  %s: %d cuts scored, %d plausible\n",
                    tokens[i], r.n_cuts, c.plausible);
    }
    /* Random strings of frequent letters. */
    for (k = 0; k < 300; k++) {
        static const char *const letters[] = {"ا", "ل", "و", "ب", "ي", "ن",
                                              "م", "ت", "ه", "ة", "ر", "ع",
                                              "ك", "س", "ف", "د"};
        char buf[128];
        size_t len = 0;
        int j, n = 4 + k % 14;
        kh_repair r;
        count_ctx c = {0};
        for (j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            memcpy(buf + len, letters[(seed >> 16) % 16], 2);
            len += 2;
        }
        kh_repair_best(t_model, &morph, buf, 0, len, NULL, &r);
        kh_repair_visit(t_model, &morph, buf, 0, len, NULL, count_plausible,
                        &c);
        if (r.n_cuts != c.plausible)
            ok = 0;
    }
    CHECK(ok);
}

/* data/repair.kbm loads, knows frequent pairs, and a damaged copy is
 * refused by kh_repair_open's own checks (the CRCs are not checked here). */
static khabar_code open_repair(const unsigned char *image, size_t n)
{
    kh_container c;
    kh_repair_data rd;
    khabar_error e;
    khabar_code rc = kh_container_open_trusted(&c, image, n, "repair", &e);
    return rc == KHABAR_OK ? kh_repair_open(&rd, &c, &e) : rc;
}

/* Whether a copy of good (n bytes) with the u32 at off set to v is refused. */
static int refused_u32(const unsigned char *good, unsigned char *bad,
                       size_t n, size_t off, uint32_t v)
{
    memcpy(bad, good, n);
    memcpy(bad + off, &v, 4);
    return open_repair(bad, n) == KHABAR_EMODEL;
}

/* Whether a copy of good with the first two bucket starts of the table at
 * off swapped is refused (1 when they are equal: nothing to test). */
static int refused_order(const unsigned char *good, unsigned char *bad,
                         size_t n, size_t off)
{
    uint32_t s1, s2;
    memcpy(bad, good, n);
    memcpy(&s1, bad + off + 4, 4);
    memcpy(&s2, bad + off + 8, 4);
    if (s1 >= s2)
        return 1;
    memcpy(bad + off + 4, &s2, 4);
    memcpy(bad + off + 8, &s1, 4);
    return open_repair(bad, n) == KHABAR_EMODEL;
}

static void repair_file(void)
{
    size_t n, lm, big;
    unsigned char *good = t_read_all("data/repair.kbm", &n), *bad;
    kh_container c;
    kh_repair_data rd;
    khabar_error e;
    CHECK(good != NULL);
    if (!good)
        return;
    bad = malloc(n);
    CHECK(bad != NULL);
    if (!bad) {
        free(good);
        return;
    }
    CHECK(kh_container_open(&c, good, n, "repair", &e) == KHABAR_OK);
    CHECK(kh_repair_open(&rd, &c, &e) == KHABAR_OK && rd.n_pairs > 10000);
    CHECK(t_model->has_repair && t_model->repair.n_pairs == rd.n_pairs);
    CHECK(rd.n_lm > 10000 && rd.lm_bits >= 16);
    lm = (size_t)(kh_container_get(&c, "charlm")->data - good);
    big = (size_t)(kh_container_get(&c, "bigrams")->data - good);
    /* The letter model: another version, order, number of symbols; too
     * few buckets for exact lookups; more entries than the section holds;
     * buckets out of order. */
    CHECK(refused_u32(good, bad, n, lm, 2));
    CHECK(refused_u32(good, bad, n, lm + 4, KH_REPAIR_LM_ORDER + 1));
    CHECK(refused_u32(good, bad, n, lm + 8, KH_REPAIR_SYMBOLS - 1));
    CHECK(refused_u32(good, bad, n, lm + 12, 15));
    CHECK(refused_u32(good, bad, n, lm + 16, rd.n_lm + 1));
    CHECK(refused_order(good, bad, n, lm + 20));
    /* Bigrams: no buckets, too many buckets for the section, buckets out
     * of order, a pair count the section does not hold. */
    CHECK(refused_u32(good, bad, n, big + 4, 0));
    CHECK(refused_u32(good, bad, n, big + 4, rd.bucket_bits + 1));
    CHECK(refused_order(good, bad, n, big + 12));
    CHECK(refused_u32(good, bad, n, big + 8, rd.n_pairs + 1));
    free(bad);
    free(good);
}

void suite_repair(void)
{
    kh_norm_init(&morph, KH_NORM_MORPH, 1);
    seed();
    valid_words();
    diacritics_and_marks();
    other_scripts();
    bounds();
    properties();
    context();
    near_words();
    same_cuts();
    repair_file();
    kh_norm_free(&morph);
}
