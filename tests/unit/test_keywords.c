/* test_keywords.c - keywords weighed against the background frequencies,
 * the extractive summary, and damaged background files. */
#include <stdlib.h>

#include "extract/background.h"
#include "model/container.h"
#include "test.h"

static const char *const article =
    "فيضانات في المدينة الساحلية\n"
    "غمرت الفيضانات أحياء المدينة الساحلية بعد أمطار غزيرة استمرت يومين، "
    "وأجلت فرق الإنقاذ مئات العائلات من منازلها.\n"
    "وقال رئيس البلدية إن الفيضانات ألحقت أضرارا كبيرة بالطرق والجسور، "
    "وإن فرق الإنقاذ ما زالت تعمل في الأحياء المنكوبة.\n"
    "وفي سياق آخر، افتتح معرض للكتاب في العاصمة بمشاركة دور نشر عربية.\n"
    "وتتوقع الأرصاد الجوية أن تتراجع الأمطار غدا، بينما حذرت من فيضانات "
    "جديدة في المناطق المنخفضة.\n"
    "المدينة - خاص\n";

static int has_keyword(const khabar_doc *d, const char *lemma, size_t top)
{
    const khabar_keyword *k = khabar_doc_keywords(d);
    const char *norm = khabar_doc_norm(d);
    size_t i, n = strlen(lemma);
    for (i = 0; i < khabar_doc_keyword_count(d) && i < top; i++)
        if (k[i].lemma_len == n && memcmp(norm + k[i].lemma, lemma, n) == 0)
            return 1;
    return 0;
}

static void keywords(void)
{
    khabar_options o = {.stages = KHABAR_STAGE_KEYWORDS};
    khabar_doc *d = khabar_analyze_opts(t_model, article, strlen(article), &o,
                                        NULL);
    const khabar_keyword *k = khabar_doc_keywords(d);
    size_t i;
    CHECK(d != NULL);
    CHECK(khabar_doc_keyword_count(d) >= 5 && khabar_doc_keyword_count(d) <= 15);
    /* The story's words come first; a word of every article does not. */
    CHECK(has_keyword(d, "فيضان", 3));
    CHECK(has_keyword(d, "إنقاذ", 8));
    CHECK(!has_keyword(d, "قال", 15));
    for (i = 1; i < khabar_doc_keyword_count(d); i++)
        CHECK(k[i - 1].score >= k[i].score);
    for (i = 0; i < khabar_doc_keyword_count(d); i++)
        CHECK(k[i].count >= 1 && k[i].score > 0 &&
              k[i].first_word < khabar_doc_word_count(d));
    CHECK(khabar_doc_summary_count(d) == 0); /* not asked for */
    khabar_doc_free(d);
    /* The words that say who speaks are no keywords, even as nouns. */
    {
        static const char text[] =
            "وأكد رئيس الحركة أن الانتخابات نزيهة، مضيفا أن النتائج نهائية، "
            "ومضيفا أن الناخبين قالوا كلمتهم، ومضيفا أن الحركة تحترم "
            "النتائج.";
        khabar_options all = {0};
        d = khabar_analyze_opts(t_model, text, strlen(text), &all, NULL);
        CHECK(khabar_doc_quote_count(d) >= 3);
        CHECK(!has_keyword(d, "مضيف", 15));
        CHECK(has_keyword(d, "انتخاب", 15) || has_keyword(d, "نتيجة", 15));
        khabar_doc_free(d);
    }
    /* One keyword a person: the best of the words of the name's cluster
     * (بوتين, not also فلاديمير). */
    {
        static const char text[] =
            "استقبل الرئيس الروسي فلاديمير بوتين نظيره في منتجع سوتشي. وقال "
            "فلاديمير بوتين إن المحادثات بناءة. وأضاف بوتين أن المنتجع "
            "سيستضيف قمة أخرى، فيما غادر الوفد سوتشي مساء.";
        khabar_options all = {0};
        d = khabar_analyze_opts(t_model, text, strlen(text), &all, NULL);
        CHECK(has_keyword(d, "بوتين", 15));
        CHECK(!has_keyword(d, "فلاديمير", 15));
        khabar_doc_free(d);
    }
    /* Any name gives one keyword, which stands for its cluster and is
     * shown as the cluster's name: الولايات المتحدة, not ولاية and متحد.
     * A word the doc mostly writes outside the name stays a keyword of its
     * own (أمريكي of وزارة الخارجية الأمريكية). */
    {
        static const char text[] =
            "فرضت الولايات المتحدة عقوبات جديدة على شركات النفط. وقالت "
            "وزارة الخارجية الأمريكية إن العقوبات تشمل ناقلات أمريكية "
            "الصنع. وأضافت الولايات المتحدة أن الشركات الأمريكية لن "
            "تتأثر، وأن السفن الأمريكية ستواصل عملها في الخليج.";
        static const char us[] = "الولايات المتحدة";
        khabar_options all = {0};
        const khabar_keyword *kw;
        const khabar_cluster *cl;
        size_t j, whole = 0, parts = 0;
        d = khabar_analyze_opts(t_model, text, strlen(text), &all, NULL);
        CHECK(d != NULL);
        kw = khabar_doc_keywords(d);
        cl = khabar_doc_clusters(d);
        for (j = 0; j < khabar_doc_keyword_count(d); j++) {
            const char *lemma = khabar_doc_norm(d) + kw[j].lemma;
            if (kw[j].cluster == SIZE_MAX) {
                parts += (kw[j].lemma_len == strlen("متحد") &&
                          !memcmp(lemma, "متحد", kw[j].lemma_len)) ||
                         (kw[j].lemma_len == strlen("ولاية") &&
                          !memcmp(lemma, "ولاية", kw[j].lemma_len));
                continue;
            }
            CHECK(kw[j].cluster < khabar_doc_cluster_count(d));
            if (kw[j].cluster < khabar_doc_cluster_count(d) &&
                cl[kw[j].cluster].name_end - cl[kw[j].cluster].name_start ==
                    strlen(us) &&
                !memcmp(text + cl[kw[j].cluster].name_start, us, strlen(us)))
                whole++;
        }
        CHECK(whole == 1);
        CHECK(parts == 0);
        CHECK(has_keyword(d, "أمريكي", 15));
        khabar_doc_free(d);
    }
    /* Nor are the words of dates. */
    {
        static const char text[] =
            "ارتفع مؤشر السوق خلال شهر يوليو الماضي، وسجلت أسهم البنوك في "
            "يوليو أعلى مكاسبها منذ يوليو 2014، بينما تراجعت أسهم الأسمنت في "
            "شهر يوليو.";
        khabar_options all = {0};
        all.date.year = 2015;
        all.date.month = 8;
        all.date.day = 2;
        d = khabar_analyze_opts(t_model, text, strlen(text), &all, NULL);
        CHECK(!has_keyword(d, "يوليو", 15));
        CHECK(!has_keyword(d, "شهر", 15));
        CHECK(has_keyword(d, "سهم", 15));
        khabar_doc_free(d);
    }
    /* Nor the rest of a place's name after the part the recognizer tags
     * (مكة of مكة المكرمة, as ANERcorp has it). */
    {
        static const char text[] =
            "مكة المكرمة – عين الخبر\nأغلقت بلدية مكة المكرمة عشرة مطاعم "
            "مخالفة في أحياء مكة المكرمة، وصادرت أغذية فاسدة من المطاعم.";
        d = khabar_analyze(t_model, text, strlen(text), NULL);
        CHECK(!has_keyword(d, "مكرمة", 15));
        CHECK(has_keyword(d, "مطعم", 15));
        khabar_doc_free(d);
    }
}

static void summary(void)
{
    khabar_options o = {.stages = KHABAR_STAGE_SUMMARY, .summary = 2};
    khabar_doc *d = khabar_analyze_opts(t_model, article, strlen(article), &o,
                                        NULL);
    const size_t *s = khabar_doc_summary(d);
    size_t n = khabar_doc_summary_count(d), i;
    CHECK(n == 2);
    /* In input order; neither the heading (0), the aside (3) nor the
     * byline (5). */
    for (i = 0; i < n; i++)
        CHECK(s[i] != 0 && s[i] != 3 && s[i] != 5 &&
              s[i] < khabar_doc_sentence_count(d));
    if (n == 2)
        CHECK(s[0] < s[1]);
    khabar_doc_free(d);
    /* More sentences asked for than there are; no words at all. */
    o.summary = 100;
    d = khabar_analyze_opts(t_model, article, strlen(article), &o, NULL);
    CHECK(khabar_doc_summary_count(d) == khabar_doc_sentence_count(d));
    khabar_doc_free(d);
    d = khabar_analyze_opts(t_model, "...", 3, &o, NULL);
    CHECK(d != NULL && khabar_doc_keyword_count(d) == 0);
    khabar_doc_free(d);
    d = khabar_analyze_opts(t_model, "", 0, &o, NULL);
    CHECK(d != NULL && khabar_doc_summary_count(d) == 0);
    khabar_doc_free(d);
}

static khabar_code open_background(const unsigned char *image, size_t n)
{
    kh_container c;
    kh_background bg;
    khabar_error e;
    khabar_code rc = kh_container_open_trusted(&c, image, n, "background", &e);
    return rc == KHABAR_OK ? kh_background_open(&bg, &c, &e) : rc;
}

static void background_file(void)
{
    size_t n, at;
    unsigned char *good = t_read_all("data/background.kbm", &n), *bad;
    kh_container c;
    kh_background bg;
    khabar_error e;
    uint32_t v;
    uint64_t k0, k1;
    CHECK(good != NULL);
    if (!good)
        return;
    bad = malloc(n);
    CHECK(kh_container_open(&c, good, n, "background", &e) == KHABAR_OK);
    CHECK(kh_background_open(&bg, &c, &e) == KHABAR_OK && bg.n_entries > 1000);
    at = (size_t)(kh_container_get(&c, "df")->data - good);
    /* A lemma of every article, and one of none. */
    {
        const char *w = "قال";
        CHECK(kh_background_df(&bg, kh_background_key(w, strlen(w))) >
              bg.n_docs / 10);
        CHECK(kh_background_df(&bg, kh_background_key("زززز", 8)) == 0);
    }
    /* Version, zero articles, keys out of order, a df above the count. */
    memcpy(bad, good, n);
    v = 2;
    memcpy(bad + at, &v, 4);
    CHECK(open_background(bad, n) == KHABAR_EMODEL);
    memcpy(bad, good, n);
    v = 0;
    memcpy(bad + at + 4, &v, 4);
    CHECK(open_background(bad, n) == KHABAR_EMODEL);
    memcpy(bad, good, n);
    memcpy(&k0, bad + at + 16, 8);
    memcpy(&k1, bad + at + 24, 8);
    memcpy(bad + at + 16, &k1, 8);
    memcpy(bad + at + 24, &k0, 8);
    CHECK(open_background(bad, n) == KHABAR_EMODEL);
    memcpy(bad, good, n);
    v = bg.n_docs + 1;
    memcpy(bad + at + 16 + 8 * (size_t)bg.n_entries, &v, 4);
    CHECK(open_background(bad, n) == KHABAR_EMODEL);
    CHECK(open_background(good, n - 8) == KHABAR_EMODEL);
    CHECK(open_background(good, n) == KHABAR_OK);
    free(bad);
    free(good);
}

void suite_keywords(void)
{
    keywords();
    summary();
    background_file();
}
