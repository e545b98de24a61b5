/* test_repair.c - glued-word repair (src/morph/repair.h): the seed
 * article's glued words, valid long words left alone, and inputs that must
 * give a defined result fast (huge tokens, marks only, other scripts). */
#include <stdlib.h>
#include <time.h>

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
    /* Three words. */
    CHECK_REPAIR("منالعراقوسوريا", "من العراق وسوريا");
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
        "لإنقاذ", NULL};
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

void suite_repair(void)
{
    kh_norm_init(&morph, KH_NORM_MORPH, 1);
    seed();
    valid_words();
    diacritics_and_marks();
    other_scripts();
    bounds();
    properties();
    kh_norm_free(&morph);
}
