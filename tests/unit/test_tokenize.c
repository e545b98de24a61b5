/* test_tokenize.c - token kinds, extents, normalized forms and flags. */
#include <stdlib.h>

#include "test.h"

/* Tokenizes s and renders the tokens as "form/kind form/kind ...", or the
 * normalized forms when norm is set. */
static const char *toks(const char *s, size_t len, int norm, unsigned flags)
{
    static char out[8192];
    khabar_options o = {.stages = KHABAR_STAGE_TOKENS, .norm = flags};
    khabar_doc *d = khabar_analyze_opts(t_model, s, len, &o, NULL);
    const khabar_token *t = khabar_doc_tokens(d);
    size_t i, k = 0, n = khabar_doc_token_count(d);
    out[0] = 0;
    for (i = 0; i < n && k < sizeof out - 64; i++) {
        const char *form = norm ? khabar_doc_norm(d) + t[i].norm : s + t[i].start;
        size_t flen = norm ? t[i].norm_len : t[i].end - t[i].start;
        if (flen > sizeof out - k - 64)
            break;
        if (i)
            out[k++] = ' ';
        memcpy(out + k, form, flen);
        k += flen;
        if (!norm)
            k += (size_t)snprintf(out + k, sizeof out - k, "/%s",
                                  khabar_token_kind_name(t[i].kind));
    }
    out[k] = 0;
    khabar_doc_free(d);
    return out;
}

#define T(in, want) CHECK_MEM(toks(in, strlen(in), 0, 0), strlen(toks(in, strlen(in), 0, 0)), want)
#define TN(in, want) CHECK_MEM(toks(in, strlen(in), 1, 0), strlen(toks(in, strlen(in), 1, 0)), want)

static void words(void)
{
    T("قال الرئيس", "قال/arabic الرئيس/arabic");
    T("سُورْيَا", "سُورْيَا/arabic"); /* one token, unlike unicode61 */
    TN("سُورْيَا", "سوريا");
    T("الـرئيس", "الـرئيس/arabic");
    TN("الـرئيس", "الرئيس");
    T("مدينةسوتشي", "مدينةسوتشي/arabic"); /* repair is a later stage */
    T("iPhone G20 U.S. e.g", "iPhone/latin G20/latin U.S./latin e.g/latin");
    T("O'Brien", "O'Brien/latin");
    T("وiPhone", "و/arabic iPhone/latin");
    T("و2015", "و/arabic 2015/number");
    T("أ.ف.ب", "أ.ف.ب/arabic");
    T("(أ.ف.ب)", "(/punct أ.ف.ب/arabic )/punct");
    T("د. نجلاء", "د/arabic ./punct نجلاء/arabic");
    T("ق.م", "ق.م/arabic");
    T("Привет мир", "Привет/word мир/word");
    T("東京", "東京/word");
    /* Joiners inside a word stay; bidi marks between words separate. */
    T("سو\xe2\x80\x8cريا", "سو\xe2\x80\x8cريا/arabic");
    TN("سو\xe2\x80\x8cريا", "سوريا");
    T("سوريا\xe2\x80\x8fلبنان", "سوريا/arabic لبنان/arabic");
    T("\xe2\x80\x8fسوريا\xe2\x80\x8c", "سوريا/arabic");
    /* Presentation forms are one word, normalized to letters. */
    T("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "ﺍﻟﺴﻼﻡ/arabic ﻋﻠﻴﻜﻢ/arabic");
    TN("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", "السلام عليكم");
    /* Only diacritics, only tatweel: a token with an empty form. */
    T("ـــ", "ـــ/punct");  /* tatweel alone, or at a word's edge: a dash */
    T("فقطـ ـيمكن", "فقط/arabic ـ/punct ـ/punct يمكن/arabic");
    T("هـ الـ84", "هـ/arabic الـ/arabic 84/number");
    TN("ـــ", "");
    T("َ", "َ/arabic");
}

static void numbers(void)
{
    T("2254", "2254/number");
    T("١٥", "١٥/number");
    TN("١٥", "15");
    T("3.5", "3.5/number");
    T("٣٫٥", "٣٫٥/number");
    TN("٣٫٥", "3.5");
    T("1,000", "1,000/number");
    T("1,000,000.25", "1,000,000.25/number");
    T("١٬٠٠٠", "١٬٠٠٠/number");
    TN("١٬٠٠٠", "1,000");
    T("20%", "20%/number");
    T("٤٥٪", "٤٥٪/number");
    TN("٤٥٪", "45%");
    T("2011-2015", "2011-2015/number");
    T("24/7", "24/7/number");
    T("20/10/2015", "20/10/2015/date");
    T("2015-10-20", "2015-10-20/date");
    T("20.10.2015", "20.10.2015/date");
    T("٢٠/١٠/٢٠١٥", "٢٠/١٠/٢٠١٥/date");
    T("10/2015", "10/2015/date");
    T("10:30", "10:30/time");
    T("10:30:15", "10:30:15/time");
    T("3:1", "3/number :/punct 1/number");
    T("2015.", "2015/number ./punct");
    T("1,5", "1,5/number");       /* a decimal comma */
    T("1,5,7", "1/number ,/punct 5/number ,/punct 7/number");
    T("15م", "15/number م/arabic");
}

static void specials(void)
{
    T("https://www.aljazeera.net/news/2017/11/21.", "https://www.aljazeera.net/news/2017/11/21/url ./punct");
    T("(http://example.com/a_(b))", "(/punct http://example.com/a_(b)/url )/punct");
    T("www.example.com", "www.example.com/url");
    T("aljazeera.net", "aljazeera.net/url");
    T("info@aljazeera.net", "info@aljazeera.net/email");
    T("first.last+x@mail.example.org.", "first.last+x@mail.example.org/email ./punct");
    T("#قمة_الدوحة", "#قمة_الدوحة/hashtag");
    T("#2022", "#2022/hashtag");
    T("@AJArabic", "@AJArabic/mention");
    T("# 5", "#/punct 5/number");
    T("😀", "😀/emoji");
    T("👍🏽", "👍🏽/emoji");
    T("👩‍💻", "👩‍💻/emoji");
    T("🇸🇾🇶🇦", "🇸🇾/emoji 🇶🇦/emoji");
    T("❤️", "❤️/emoji");
    T("$ € ©", "$/symbol €/symbol ©/symbol");
}

static void punctuation(void)
{
    T("قال: «نعم»، ثم؛ لماذا؟", "قال/arabic :/punct «/punct نعم/arabic »/punct ،/punct ثم/arabic ؛/punct لماذا/arabic ؟/punct");
    T("مارس/آذار", "مارس/arabic //punct آذار/arabic");
    T("انتهى... ثم…", "انتهى/arabic .../punct ثم/arabic …/punct");
    T("\"نعم\"", "\"/punct نعم/arabic \"/punct");
    T("؟!", "؟/punct !/punct");
}

static void invalid_bytes(void)
{
    const char in[] = "ab\xff\xfe" "cd\0e";
    khabar_doc *d = khabar_analyze(t_model, in, sizeof in - 1, NULL);
    const khabar_token *t = khabar_doc_tokens(d);
    const khabar_diag *g = khabar_doc_diags(d);
    CHECK(khabar_doc_token_count(d) == 5);
    CHECK(t[1].kind == KHABAR_TOK_INVALID && t[1].start == 2 && t[1].end == 4);
    CHECK(t[1].flags & KHABAR_TOKEN_INVALID);
    CHECK_MEM(khabar_doc_norm(d) + t[1].norm, t[1].norm_len,
              "\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(t[3].kind == KHABAR_TOK_INVALID && t[3].start == 6);
    CHECK(khabar_doc_diag_count(d) == 3);
    CHECK(g[0].start == 2 && g[0].end == 3);
    CHECK(g[2].kind == KHABAR_DIAG_NUL && g[2].start == 6);
    khabar_doc_free(d);
}

static void flags_and_offsets(void)
{
    const char *in = "أ ب\nج\n\nد،ه";
    khabar_doc *d = khabar_analyze(t_model, in, strlen(in), NULL);
    const khabar_token *t = khabar_doc_tokens(d);
    CHECK(khabar_doc_token_count(d) == 6);
    CHECK(t[0].start == 0 && t[0].end == 2);
    CHECK(t[0].flags & KHABAR_TOKEN_SPACE_AFTER);
    CHECK(t[0].flags & KHABAR_TOKEN_CHANGED); /* أ -> ا */
    CHECK(!(t[1].flags & KHABAR_TOKEN_CHANGED));
    CHECK(t[1].flags & KHABAR_TOKEN_NEWLINE_AFTER);
    CHECK(!(t[1].flags & KHABAR_TOKEN_PARAGRAPH_AFTER));
    CHECK(t[2].flags & KHABAR_TOKEN_PARAGRAPH_AFTER);
    CHECK(!(t[3].flags & KHABAR_TOKEN_SPACE_AFTER)); /* د، */
    CHECK(t[4].kind == KHABAR_TOK_PUNCT);
    khabar_doc_free(d);
    /* CRLF and lone CR are line breaks; two make a paragraph. */
    d = khabar_analyze(t_model, "a\r\nb\r\rc", 7, NULL);
    t = khabar_doc_tokens(d);
    CHECK(khabar_doc_token_count(d) == 3);
    CHECK((t[0].flags & KHABAR_TOKEN_NEWLINE_AFTER) &&
          !(t[0].flags & KHABAR_TOKEN_PARAGRAPH_AFTER));
    CHECK(t[1].flags & KHABAR_TOKEN_PARAGRAPH_AFTER);
    khabar_doc_free(d);
    /* The display preset keeps what search folds. */
    CHECK_MEM(toks("أحمد", 8, 1, KHABAR_NORM_DISPLAY), 8, "أحمد");
}

static void long_inputs(void)
{
    /* A word of 10,000 letters and a line of 100,000 tokens: linear. */
    size_t n = 20000, i;
    char *s = malloc(600002);
    khabar_doc *d;
    for (i = 0; i < n; i += 2)
        memcpy(s + i, "\xd8\xb3", 2);
    d = khabar_analyze(t_model, s, n, NULL);
    CHECK(khabar_doc_token_count(d) == 1);
    khabar_doc_free(d);
    for (i = 0; i < 600000; i += 6)
        memcpy(s + i, "\xd8\xb3\xd8\xa7. ", 6);
    d = khabar_analyze(t_model, s, 600000, NULL);
    CHECK(khabar_doc_token_count(d) == 200000);
    CHECK(khabar_doc_sentence_count(d) == 100000);
    khabar_doc_free(d);
    free(s);
}

void suite_tokenize(void)
{
    words();
    numbers();
    specials();
    punctuation();
    invalid_bytes();
    flags_and_offsets();
    long_inputs();
}
