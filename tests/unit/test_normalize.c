/* test_normalize.c - each normalization step, the presets, composition,
 * number signs, the byte map and idempotence. */
#include <stdlib.h>

#include "test.h"

#define S 0u                     /* the search preset */
#define D KHABAR_NORM_DISPLAY
#define X(bits) ((bits) | KHABAR_NORM_EXPLICIT)

#define N(in, flags, want) CHECK_MEM(t_norm(in, flags), strlen(t_norm(in, flags)), want)

static void steps(void)
{
    /* Diacritics: harakat, tanwin, shadda, sukun, dagger alef, Quranic. */
    N("سُورْيَا", S, "سوريا");
    N("مُحَمَّدٌ", S, "محمد");
    N("هٰذا", S, "هذا");
    N("الرَّحْمَٰنِ ۖ", S, "الرحمن ");
    N("سُورْيَا", D, "سُورْيَا");
    N("سُورْيَا", X(KHABAR_NORM_DIACRITICS), "سوريا");
    /* Tatweel. */
    N("الـــرئيس", S, "الرئيس");
    N("الـرئيس", D, "الرئيس");
    /* Alef forms, alef maqsura, teh marbuta. */
    N("أحمد إبراهيم آمال ٱلله", S, "احمد ابراهيم امال الله");
    N("أحمد", D, "أحمد");
    N("على مستشفى", S, "علي مستشفي");
    N("على", D, "على");
    N("مدينة", S, "مدينه");
    N("مدينة", D, "مدينة");
    /* Hamza seats: an option, in no preset. */
    N("مسؤول رئيس", S, "مسؤول رئيس");
    N("مسؤول رئيس", X(KHABAR_NORM_HAMZA_SEATS), "مسوول رييس");
    N("مسؤول", KHABAR_NORM_SEARCH | KHABAR_NORM_HAMZA_SEATS, "مسوول");
    /* Presentation forms A and B, lam-alef ligatures, the Allah ligature. */
    N("ﺍﻟﺴﻼﻡ", S, "السلام");
    N("ﺍﻟﺴﻼﻡ", D, "السلام");
    N("ﻻ ﻷ ﻹ ﻵ", D, "لا لأ لإ لآ");
    N("ﻻ ﻷ ﻹ ﻵ", S, "لا لا لا لا");
    N("ﷲ", S, "الله");
    N("ﺃﻫﻞ", S, "اهل");
    N("ﺃﻫﻞ", D, "أهل");
    N("ﺍﻟﺴﻼﻡ", X(0), "ﺍﻟﺴﻼﻡ");
    /* Persian and Urdu look-alikes. */
    N("کتاب", S, "كتاب");
    N("یوم", S, "يوم");
    N("ہذا", S, "هذا");
    N("ە", S, "ه");
    N("ۀ", S, "ه");
    N("کی", D, "كي");
    N("پ چ ژ گ ڤ", S, "پ چ ژ گ ڤ"); /* letters of their own */
    /* Digits. */
    N("٠١٢٣٤٥٦٧٨٩", S, "0123456789");
    N("۰۱۲۳۴۵۶۷۸۹", S, "0123456789");
    N("٢٠١٥", D, "٢٠١٥");
    /* Number signs between digits only; invisible characters and tatweel
     * between them do not count. */
    N("3\xe2\x80\x8c٪", S, "3%");
    N("3٫\xdb\xa6\xef\xb9\xb6" "8", S, "3.8"); /* a mark in presentation form */
    N("٣\xd9\x80٫\xe2\x80\x8e٥", S, "3.5");
    N("٣٫٥", S, "3.5");
    N("١٬٠٠٠", S, "1,000");
    N("٤٥٪", S, "45%");
    N("٫ ٬", S, "٫ ٬");
    N("٣٫٥", D, "٣٫٥");
    /* Invisible characters. */
    N("سو\xe2\x80\x8cريا", S, "سوريا");          /* ZWNJ */
    N("\xe2\x80\x8fسوريا\xe2\x80\x8e", S, "سوريا"); /* RLM LRM */
    N("\xef\xbb\xbfسوريا", S, "سوريا");          /* BOM */
    N("\xd8\x9cا", S, "ا");                       /* ALM */
    N("a\xe2\x80\xaa" "b\xe2\x80\xac" "c\xe2\x81\xa6" "d\xe2\x81\xa9", S, "abcd");
    N("co\xc2\xad" "op", S, "coop");              /* soft hyphen */
    /* White space and other scripts are left alone. */
    N("a  b\tc\r\nd", S, "a  b\tc\r\nd");
    N("Привет мир", S, "Привет мир");
}

static void composition(void)
{
    /* Decomposed hamza and madda compose, then follow the preset. */
    N("ا\xd9\x94", D, "أ");
    N("ا\xd9\x95", D, "إ");
    N("ا\xd9\x93", D, "آ");
    N("و\xd9\x94", D, "ؤ");
    N("ي\xd9\x94", D, "ئ");
    N("ه\xd9\x94", X(KHABAR_NORM_COMPOSE), "ۀ");
    N("ه\xd9\x94", D, "ه"); /* ۀ is a Persian look-alike of ه */
    N("ا\xd9\x94", S, "ا");
    N("ي\xd9\x94", S, "ئ");
    N("ي\xd9\x94", KHABAR_NORM_SEARCH | KHABAR_NORM_HAMZA_SEATS, "ي");
    /* A mark with nothing to compose with is a diacritic. */
    N("ب\xd9\x94", S, "ب");
    N("ب\xd9\x94", D, "ب\xd9\x94");
    /* Dropped characters do not block composition. */
    N("ا\xe2\x80\x8d\xd9\x94", D, "أ");
    /* Without the step, the mark stays or goes with the diacritics. */
    N("ا\xd9\x94", X(KHABAR_NORM_DIACRITICS), "ا");
    N("ا\xd9\x94", X(0), "ا\xd9\x94");
}

static void invalid(void)
{
    khabar_normalized n;
    const char in[] = "a\xff" "b\0c\xed\xa0\x80";
    CHECK(khabar_normalize(t_model, in, sizeof in - 1, S, 0, &n, NULL) ==
          KHABAR_OK);
    CHECK_MEM(n.text, n.len, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd");
    CHECK(n.n_invalid == 3);
    khabar_normalized_free(&n);
    CHECK(khabar_normalize(t_model, "", 0, S, 0, &n, NULL) == KHABAR_OK);
    CHECK(n.len == 0 && n.text && n.text[0] == 0);
    khabar_normalized_free(&n);
    CHECK(khabar_normalize(t_model, NULL, 0, S, 0, &n, NULL) == KHABAR_OK);
    khabar_normalized_free(&n);
    CHECK(khabar_normalize(t_model, NULL, 3, S, 0, &n, NULL) == KHABAR_EINVAL);
    CHECK(khabar_normalize(t_model, "a", 1, S, 0, NULL, NULL) ==
          KHABAR_EINVAL);
}

static void byte_map(void)
{
    khabar_normalized n;
    /* ﻻ (3 bytes) -> لا (4 bytes); سُ -> س; ة -> ه. */
    const char *in = "ﻻ سُة";
    size_t i;
    CHECK(khabar_normalize(t_model, in, strlen(in), S, KHABAR_NORMALIZE_MAP,
                           &n, NULL) == KHABAR_OK);
    CHECK_MEM(n.text, n.len, "لا سه");
    CHECK(n.src_start && n.src_end);
    if (!n.src_start) {
        khabar_normalized_free(&n);
        return;
    }
    for (i = 0; i < 4; i++)
        CHECK(n.src_start[i] == 0 && n.src_end[i] == 3);
    CHECK(n.src_start[4] == 3 && n.src_end[4] == 4);  /* the space */
    CHECK(n.src_start[5] == 4 && n.src_end[5] == 6);  /* س */
    CHECK(n.src_start[7] == 8 && n.src_end[7] == 10); /* ة -> ه */
    khabar_normalized_free(&n);
    /* A composed letter maps to the base and the mark. */
    CHECK(khabar_normalize(t_model, "ا\xd9\x94", 4, D, KHABAR_NORMALIZE_MAP,
                           &n, NULL) == KHABAR_OK);
    CHECK(n.len == 2 && n.src_start[0] == 0 && n.src_end[0] == 4);
    khabar_normalized_free(&n);
}

static void idempotent(void)
{
    static const char *const samples[] = {
        "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﷲ ﷺ", "سُورْيَا ٣٫٥ ٤٥٪ ا\xd9\x94 ي\xd9\x94",
        "کی ہ ۀ ە ۂ ۓ", "ﱞ ﹰ ﹱ", "a\xff\xfe\0b", "\xd9\x94\xd9\x94",
        "ا\xd9\x93\xd9\x94", NULL};
    static const unsigned flags[] = {S, D, X(0), X(KHABAR_NORM_COMPOSE),
                                     KHABAR_NORM_SEARCH |
                                         KHABAR_NORM_HAMZA_SEATS};
    size_t i, f;
    for (i = 0; samples[i]; i++) {
        for (f = 0; f < sizeof flags / sizeof *flags; f++) {
            khabar_normalized a, b;
            size_t len = strlen(samples[i]);
            if (i == 4)
                len = 6; /* holds a NUL */
            khabar_normalize(t_model, samples[i], len, flags[f], 0, &a, NULL);
            khabar_normalize(t_model, a.text, a.len, flags[f], 0, &b, NULL);
            CHECK(a.len == b.len && memcmp(a.text, b.text, a.len) == 0);
            khabar_normalized_free(&a);
            khabar_normalized_free(&b);
        }
    }
}

static void presets(void)
{
    CHECK(khabar_norm_preset("search") == KHABAR_NORM_SEARCH);
    CHECK(khabar_norm_preset("display") == KHABAR_NORM_DISPLAY);
    CHECK(khabar_norm_preset("loud") == 0);
    CHECK(khabar_norm_preset(NULL) == 0);
    CHECK(!(KHABAR_NORM_SEARCH & KHABAR_NORM_HAMZA_SEATS));
    CHECK(!(KHABAR_NORM_DISPLAY & KHABAR_NORM_TEH_MARBUTA));
}

void suite_normalize(void)
{
    steps();
    composition();
    invalid();
    byte_map();
    idempotent();
    presets();
}
