/* test_dates.c - stage DATES (src/extract/dates.c): absolute dates in the
 * month names of every region and in the Hijri calendar, years, decades,
 * centuries, relative dates resolved against the publication date, times,
 * ranges and durations, days that do not exist, the publication date's
 * source, and inputs that must give a defined result fast. The calendar
 * arithmetic (calendar.h) and the word table (date_words.h) are checked
 * on their own first. */
#include <stdlib.h>
#include <time.h>

#include "extract/calendar.h"
#include "extract/date_words.h"
#include "extract/ummalqura.h"
#include "test.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

static const khabar_date pub_2017 = {2017, 11, 21}; /* a Tuesday */

static khabar_doc *analyze(const char *s, size_t len, khabar_date pub,
                           unsigned flags, unsigned norm)
{
    khabar_options o;
    memset(&o, 0, sizeof o);
    o.stages = KHABAR_STAGE_DATES;
    o.date = pub;
    o.flags = flags;
    o.norm = norm;
    return khabar_analyze_opts(t_model, s, len, &o, NULL);
}

static int same_date(khabar_date d, int y, int m, int day)
{
    return d.year == y && d.month == m && d.day == day;
}

/* Prints the timexes of a doc (when a check fails). */
static void dump(const khabar_doc *d)
{
    size_t i, len;
    const char *text = khabar_doc_text(d, &len);
    const khabar_timex *x = khabar_doc_timexes(d);
    for (i = 0; i < khabar_doc_timex_count(d); i++)
        fprintf(stderr, "    [%zu,%zu) \"%.*s\" = \"%.*s\" kind %d flags %#x\n",
                x[i].start, x[i].end, (int)(x[i].end - x[i].start),
                text + x[i].start, (int)x[i].value_len,
                khabar_doc_norm(d) + x[i].value, x[i].kind, x[i].flags);
}

/* The timex of s (published on pub) whose span is exactly the first
 * occurrence of text; checks its value and kind and copies it to *out.
 * Returns 1 when found. */
static int expect_at(int line, const char *s, khabar_date pub,
                     const char *text, const char *value, int kind,
                     khabar_timex *out)
{
    khabar_doc *d = analyze(s, strlen(s), pub, 0, 0);
    const char *at = strstr(s, text);
    size_t i, start, end;
    int found = 0;
    if (!d || !at) {
        t_failed++;
        fprintf(stderr, "%s:%d: no doc, or \"%s\" not in the text\n",
                __FILE__, line, text);
        khabar_doc_free(d);
        return 0;
    }
    start = (size_t)(at - s);
    end = start + strlen(text);
    for (i = 0; i < khabar_doc_timex_count(d); i++) {
        const khabar_timex *x = &khabar_doc_timexes(d)[i];
        if (x->start != start || x->end != end)
            continue;
        found = 1;
        t_check_mem(__FILE__, line, khabar_doc_norm(d) + x->value,
                    x->value_len, value);
        if (x->kind == kind) {
            t_passed++;
        } else {
            t_failed++;
            fprintf(stderr, "%s:%d: \"%s\": kind %d, want %d\n", __FILE__,
                    line, text, x->kind, kind);
        }
        if (out)
            *out = *x;
        break;
    }
    if (!found) {
        t_failed++;
        fprintf(stderr, "%s:%d: no timex spans \"%s\"; found:\n", __FILE__,
                line, text);
        dump(d);
    }
    khabar_doc_free(d);
    return found;
}

#define EXPECT(s, text, value, kind)                                         \
    expect_at(__LINE__, (s), pub_2017, (text), (value), (kind), NULL)
#define EXPECT_X(s, text, value, kind, x)                                    \
    expect_at(__LINE__, (s), pub_2017, (text), (value), (kind), (x))

/* Checks the number of timexes s has (published on pub_2017). */
static void count_at(int line, const char *s, size_t want)
{
    khabar_doc *d = analyze(s, strlen(s), pub_2017, 0, 0);
    size_t n = khabar_doc_timex_count(d);
    if (n == want) {
        t_passed++;
    } else {
        t_failed++;
        fprintf(stderr, "%s:%d: %zu timexes in \"%s\", want %zu:\n",
                __FILE__, line, n, s, want);
        dump(d);
    }
    khabar_doc_free(d);
}

#define COUNT(s, n) count_at(__LINE__, (s), (n))

/* ------------------------------------------------------------------------ */
/* Calendar and word table                                                  */
/* ------------------------------------------------------------------------ */

static void calendar(void)
{
    int64_t y, t;
    int m, d, w, ok = 1;
    /* Day numbers round-trip over 12,000 years, with weekdays in step. */
    for (t = -1000000; t < 3000000 && ok; t += 7) {
        kh_cal_civil(t, &y, &m, &d);
        ok = kh_cal_days(y, m, d) == t && kh_cal_valid(y, m, d) == (y >= 1 && y <= 9999) &&
             kh_cal_weekday(t) == kh_cal_weekday(t + 7);
    }
    CHECK(ok);
    CHECK(kh_cal_days(1970, 1, 1) == 0);
    CHECK(kh_cal_weekday(kh_cal_days(2017, 11, 21)) == 2); /* Tuesday */
    CHECK(kh_cal_days(2017, 13, 1) == kh_cal_days(2018, 1, 1));
    CHECK(kh_cal_days(2017, 3, 0) == kh_cal_days(2017, 2, 28));
    CHECK(kh_cal_month_days(2024, 2) == 29 && kh_cal_month_days(1900, 2) == 28 &&
          kh_cal_month_days(2000, 2) == 29 && kh_cal_month_days(2023, 13) == 0);
    CHECK(!kh_cal_valid(2023, 2, 29) && kh_cal_valid(2024, 2, 29) &&
          !kh_cal_valid(2020, 4, 31) && !kh_cal_valid(0, 1, 1) &&
          !kh_cal_valid(10000, 1, 1));
    /* ISO weeks: the year of the week's Thursday. */
    kh_cal_iso_week(kh_cal_days(2017, 11, 21), &y, &w);
    CHECK(y == 2017 && w == 47);
    kh_cal_iso_week(kh_cal_days(2021, 1, 1), &y, &w);
    CHECK(y == 2020 && w == 53);
    kh_cal_iso_week(kh_cal_days(2018, 12, 31), &y, &w);
    CHECK(y == 2019 && w == 1);
    CHECK(kh_cal_iso_monday(kh_cal_days(2017, 11, 26)) ==
          kh_cal_days(2017, 11, 20));
    /* The tabular Hijri calendar: the epoch was a Friday (16 July 622
     * Julian, 19 July proleptic Gregorian); 1 Muharram 1400 was 21 November
     * 1979. */
    t = kh_hijri_days(1, 1, 1);
    kh_cal_civil(t, &y, &m, &d);
    CHECK(y == 622 && m == 7 && d == 19 && kh_cal_weekday(t) == 5);
    CHECK(kh_hijri_days(1400, 1, 1) == kh_cal_days(1979, 11, 21));
    CHECK(kh_hijri_days(1445, 9, 15) == kh_cal_days(2024, 3, 25));
    /* Umm al-Qura, as Saudi Arabia announced it: 1 Shawwal 1436 on Friday
     * 17 July 2015 (the tabular calendar: Saturday the 18th), the day of
     * Arafah 1445 on 15 June 2024 and 1 Muharram 1446 on 7 July 2024. */
    CHECK(kh_hijri_days(1436, 10, 1) == kh_cal_days(2015, 7, 17));
    CHECK(kh_hijri_tabular_days(1436, 10, 1) == kh_cal_days(2015, 7, 18));
    CHECK(kh_hijri_days(1445, 12, 9) == kh_cal_days(2024, 6, 15));
    CHECK(kh_hijri_days(1446, 1, 1) == kh_cal_days(2024, 7, 7));
    /* Its months have 29 or 30 days, each running into the next. */
    {
        int64_t hy;
        int mo, bad = 0;
        for (hy = KH_UQ_FIRST; hy <= KH_UQ_LAST; hy++) {
            for (mo = 1; mo <= 12; mo++) {
                int n = kh_hijri_month_days(hy, mo);
                int64_t next = mo < 12 ? kh_hijri_days(hy, mo + 1, 1)
                                       : kh_hijri_days(hy + 1, 1, 1);
                bad += (n != 29 && n != 30) ||
                       (hy < KH_UQ_LAST || mo < 12
                            ? next - kh_hijri_days(hy, mo, 1) != n
                            : 0);
            }
        }
        CHECK(bad == 0);
    }
    CHECK(kh_hijri_month_days(1445, 12) == 30 &&
          kh_hijri_month_days(1446, 12) == 29);
    /* Outside its years, the tabular calendar: months alternate, a leap
     * year's last month has 30 days, and the 30-year cycle has 11 of them
     * (10631 days). */
    CHECK(kh_hijri_month_days(1701, 1) == 30 &&
          kh_hijri_month_days(1701, 2) == 29);
    CHECK(kh_hijri_leap(1445) && !kh_hijri_leap(1444));
    CHECK(kh_hijri_tabular_days(1441, 1, 1) -
              kh_hijri_tabular_days(1411, 1, 1) ==
          10631);
    CHECK(kh_hijri_days(1250, 1, 1) == kh_hijri_tabular_days(1250, 1, 1));
}

static void word_table(void)
{
    size_t n, i, j;
    const kh_dword *w = kh_dword_table(&n);
    kh_dword_index ix;
    int ok = 1;
    kh_dword_index_init(&ix);
    CHECK(n > 200 && n < KH_DWORD_SLOTS / 2);
    for (i = 0; i < n && ok; i++) {
        /* Lengths are right, keys unique and short, all found. */
        ok = w[i].len == strlen(w[i].s) && w[i].len <= KH_DWORD_MAX &&
             kh_dword_lookup(&ix, w[i].s, w[i].len) == &w[i];
        for (j = i + 1; j < n && ok; j++)
            ok = !(w[i].len == w[j].len && memcmp(w[i].s, w[j].s, w[i].len) == 0);
        if (!ok)
            fprintf(stderr, "  word table entry %zu (%s)\n", i, w[i].s);
    }
    CHECK(ok);
    /* Folded forms only: a hamza or teh marbuta form is not a key. */
    CHECK(kh_dword_lookup(&ix, "أكتوبر", strlen("أكتوبر")) == NULL);
    CHECK(kh_dword_lookup(&ix, "اكتوبر", strlen("اكتوبر")) != NULL);
    CHECK(kh_dword_lookup(&ix, "الجمعة", strlen("الجمعة")) == NULL);
    CHECK(kh_dword_lookup(&ix, "", 0) == NULL);
    CHECK(kh_dword_lookup(&ix, "اكتوبر", 4) == NULL);
    CHECK(kh_dword_lookup(&ix, "سوريا", strlen("سوريا")) == NULL);
}

/* ------------------------------------------------------------------------ */
/* Absolute dates                                                           */
/* ------------------------------------------------------------------------ */

static void absolute(void)
{
    static const char *const levant[12] = {
        "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
        "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};
    static const char *const egypt[12] = {
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
        "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
    static const char *const maghreb[12] = {
        "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
    static const char *const variants[][2] = {
        {"ابريل", "04"}, {"إبريل", "04"}, {"يونيه", "06"}, {"يوليه", "07"},
        {"اغسطس", "08"}, {"آذار", "03"}, {"اذار", "03"}, {"ايار", "05"}};
    const char *const *names[3] = {levant, egypt, maghreb};
    char s[256], text[128], value[32];
    khabar_timex x;
    int r, m;
    size_t k;

    EXPECT_X("زار الرئيس موسكو في 20 أكتوبر/تشرين الأول 2015 وعاد.",
             "20 أكتوبر/تشرين الأول 2015", "2015-10-20", KHABAR_TIMEX_DATE,
             &x);
    CHECK(x.grain == KHABAR_GRAIN_DAY && x.flags == 0 &&
          same_date(x.first, 2015, 10, 20) && same_date(x.last, 2015, 10, 20));
    /* The other name in brackets, as Saudi papers write it, and the year
     * after them. */
    EXPECT("عقد المجلس جلسته يوم الثلاثاء 28 مارس (آذار) 1978 في القاهرة.",
           "يوم الثلاثاء 28 مارس (آذار) 1978", "1978-03-28",
           KHABAR_TIMEX_DATE);
    EXPECT("غادر الحكم في يوليو (تموز) 2013 بعد احتجاجات.",
           "يوليو (تموز) 2013", "2013-07", KHABAR_TIMEX_DATE);
    EXPECT("توفي في 8 أكتوبر (تشرين الأول) عام 1986م في بيروت.",
           "8 أكتوبر (تشرين الأول) عام 1986م", "1986-10-08",
           KHABAR_TIMEX_DATE);
    EXPECT_X("اندلعت الأزمة في مارس/آذار 2011 في البلاد.", "مارس/آذار 2011",
             "2011-03", KHABAR_TIMEX_DATE, &x);
    CHECK(x.grain == KHABAR_GRAIN_MONTH && same_date(x.first, 2011, 3, 1) &&
          same_date(x.last, 2011, 3, 31));
    /* The pair in the other order, and with a space after the slash. */
    EXPECT("وقع الاتفاق في 3 تشرين الأول/أكتوبر 2016.",
           "3 تشرين الأول/أكتوبر 2016", "2016-10-03", KHABAR_TIMEX_DATE);
    EXPECT("صدر في يونيو/ حزيران 2013 تقرير.", "يونيو/ حزيران 2013",
           "2013-06", KHABAR_TIMEX_DATE);
    /* Numeric dates: y/m/d, d-m-y, d.m.y, a two-digit year, month/year,
     * and Arabic-Indic digits. */
    EXPECT("التاريخ 2015/10/20 مسجل.", "2015/10/20", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("التاريخ 20-10-2015 مسجل.", "20-10-2015", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("التاريخ 20.10.2015 مسجل.", "20.10.2015", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("التاريخ 5/6/17 مسجل.", "5/6/17", "2017-06-05", KHABAR_TIMEX_DATE);
    EXPECT("التاريخ 10/2015 مسجل.", "10/2015", "2015-10", KHABAR_TIMEX_DATE);
    EXPECT("التاريخ ٢٠١٥/١٠/٢٠ مسجل.", "٢٠١٥/١٠/٢٠", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("وصل في ٢٠ أكتوبر ٢٠١٥ إلى المدينة.", "٢٠ أكتوبر ٢٠١٥", "2015-10-20",
           KHABAR_TIMEX_DATE);
    /* Every month name of the three traditions, with a day and a year. */
    for (r = 0; r < 3; r++)
        for (m = 0; m < 12; m++) {
            snprintf(text, sizeof text, "7 %s 2019", names[r][m]);
            snprintf(s, sizeof s, "عقد الاجتماع في %s بحضور الوزراء.", text);
            snprintf(value, sizeof value, "2019-%02d-07", m + 1);
            EXPECT(s, text, value, KHABAR_TIMEX_DATE);
        }
    for (k = 0; k < sizeof variants / sizeof variants[0]; k++) {
        snprintf(text, sizeof text, "%s 2020", variants[k][0]);
        snprintf(s, sizeof s, "في %s أعلن.", text);
        snprintf(value, sizeof value, "2020-%s", variants[k][1]);
        EXPECT(s, text, value, KHABAR_TIMEX_DATE);
    }
    /* الـ20 من أكتوبر, and a day without a year: the year nearest the
     * publication date (kind relative, for it is resolved against it). */
    EXPECT("في الـ20 من أكتوبر 2015 وصل.", "الـ20 من أكتوبر 2015", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("يعقد المؤتمر في 12 مايو المقبل.", "12 مايو المقبل", "2018-05-12",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("بدأ في 5 نوفمبر الجاري.", "5 نوفمبر الجاري", "2017-11-05",
           KHABAR_TIMEX_RELATIVE);
    /* ... after a verb in the past, the latest not after it; after
     * another verb, the first not before it (published 2017-11-21). */
    EXPECT("وصل في 28 ديسمبر.", "28 ديسمبر", "2016-12-28",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يصل في 28 ديسمبر.", "28 ديسمبر", "2017-12-28",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("الاجتماع في 28 ديسمبر.", "28 ديسمبر", "2017-12-28",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("واتصلت الطالبة بالخدمات الاجتماعية في المدينة في سبتمبر.",
           "سبتمبر", "2017-09", KHABAR_TIMEX_RELATIVE);
    EXPECT("وسيزور الرئيس البلاد في فبراير.", "فبراير", "2018-02",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("ولم يصل الوفد في فبراير.", "فبراير", "2017-02",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وقال إن الانتخابات في فبراير.", "فبراير", "2018-02",
           KHABAR_TIMEX_RELATIVE);
    /* a verb in the past whose lemma the lemmatizer reads otherwise: a
     * passive (قد عوقب), a form IV perfect (أبقى, lemma بقي) */
    EXPECT("وكان الوزير قد عوقب بالسجن في يونيو.", "يونيو", "2017-06",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وأبقى المصرف الفائدة دون تغيير في اجتماعه في يونيو.", "يونيو",
           "2017-06", KHABAR_TIMEX_RELATIVE);
    /* منذ: since, so before (whatever the verb) */
    EXPECT("وتشن الطائرات غارات منذ مارس على المنطقة.", "مارس", "2017-03",
           KHABAR_TIMEX_RELATIVE);
    /* الماضيين, المقبلين: of two months */
    {
        khabar_date jul = {2015, 7, 31};
        expect_at(__LINE__,
                  "وأجري استطلاع خلال الفترة من فبراير وحتى إبريل الماضيين.",
                  jul, "من فبراير وحتى إبريل الماضيين", "2015-02/2015-04",
                  KHABAR_TIMEX_RANGE, NULL);
    }
    /* an imperfect after a past كان is a past too */
    EXPECT("ويعتقد أن الوزير كان يقصد في فبراير أن الاتفاق سيتأخر.",
           "فبراير", "2017-02", KHABAR_TIMEX_RELATIVE);
    {
        khabar_date jan = {2018, 1, 5};
        expect_at(__LINE__, "وصل في 28 ديسمبر.", jan, "28 ديسمبر",
                  "2017-12-28", KHABAR_TIMEX_RELATIVE, NULL);
        expect_at(__LINE__, "يصل في 3 يناير.", pub_2017, "3 يناير",
                  "2018-01-03", KHABAR_TIMEX_RELATIVE, NULL);
    }
    EXPECT("في الأول من يناير 2018 يبدأ العمل.", "الأول من يناير 2018",
           "2018-01-01", KHABAR_TIMEX_DATE);
    /* compound ordinal days */
    EXPECT("وقعت الهجمات في الحادي عشر من سبتمبر 2001.",
           "الحادي عشر من سبتمبر 2001", "2001-09-11", KHABAR_TIMEX_DATE);
    EXPECT("أجري الاستفتاء في الخامس والعشرين من سبتمبر 2017.",
           "الخامس والعشرين من سبتمبر 2017", "2017-09-25", KHABAR_TIMEX_DATE);
    EXPECT("انتهت المهلة في الحادي والثلاثين من مارس 2016.",
           "الحادي والثلاثين من مارس 2016", "2016-03-31", KHABAR_TIMEX_DATE);
    EXPECT("في العاشر من رمضان 1445 هـ.", "العاشر من رمضان 1445 هـ",
           "2024-03-20", KHABAR_TIMEX_DATE);
    COUNT("الأول من نوعه في المنطقة.", 0);
    /* A weekday before a date is checked against it. */
    EXPECT_X("جرى التصويت يوم الثلاثاء 20 أكتوبر 2015.",
             "يوم الثلاثاء 20 أكتوبر 2015", "2015-10-20", KHABAR_TIMEX_DATE,
             &x);
    CHECK(x.flags == 0);
    EXPECT_X("جرى التصويت الاثنين 20 أكتوبر 2015.", "الاثنين 20 أكتوبر 2015",
             "2015-10-20", KHABAR_TIMEX_DATE, &x);
    CHECK(x.flags == KHABAR_TIMEX_WEEKDAY_MISMATCH);
    /* Month names that are also words need a day, a year or a cue. */
    COUNT("مارس الجيش ضغوطا كبيرة على المدينة.", 0);
    COUNT("قال إن الأب سافر.", 0);
    /* a year after its cue, or by the publication date's */
    EXPECT("اندلعت الأزمة في مارس عام 2011 في البلاد.", "مارس عام 2011",
           "2011-03", KHABAR_TIMEX_DATE);
    EXPECT("وفي سبتمبر / أيلول من العام 2016 عينته.",
           "سبتمبر / أيلول من العام 2016", "2016-09", KHABAR_TIMEX_DATE);
    EXPECT("وقع الحادث في يناير من العام الماضي.", "يناير من العام الماضي",
           "2016-01", KHABAR_TIMEX_RELATIVE);
    EXPECT("يبدأ العمل في مارس من هذا العام.", "مارس من هذا العام",
           "2017-03", KHABAR_TIMEX_RELATIVE);
    EXPECT("في 20 مارس من العام المقبل.", "20 مارس من العام المقبل",
           "2018-03-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("في مارس الماضي وقع الحادث.", "مارس الماضي", "2017-03",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("نشرت الصحيفة التقرير في يناير.", "يناير", "2017-01",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("ينشر التقرير في يناير.", "يناير", "2018-01", KHABAR_TIMEX_RELATIVE);
    EXPECT("انطلق في شهر مارس.", "شهر مارس", "2017-03", KHABAR_TIMEX_RELATIVE);
    EXPECT("التقرير في يناير.", "يناير", "2018-01", KHABAR_TIMEX_RELATIVE);
    /* A month name alone needs a cue, its other calendar's name or a month
     * before it: alone it is often a surname. */
    COUNT("وتحدث لويجي دي مايو إلى الصحفيين.", 0);
    COUNT("وينتظر مايو وسالفيني قرار الرئيس.", 0);
    EXPECT("زار الوفد يونيو/حزيران البلاد.", "يونيو/حزيران", "2017-06",
           KHABAR_TIMEX_RELATIVE);
    COUNT("وسافر الوفد في أبريل ومايو.", 2);
    /* the same month's two names without a slash: one date */
    EXPECT("اعتقل منذ أيلول سبتمبر 2011 في دمشق.", "أيلول سبتمبر 2011",
           "2011-09", KHABAR_TIMEX_DATE);
    /* two names of different months and a year: a writer's slip in one of
     * them; the year is kept, with the first name's month (as with a
     * slash) */
    EXPECT("قتل في كانون الثاني ديسمبر 2013 في حلب.",
           "كانون الثاني ديسمبر 2013", "2013-01", KHABAR_TIMEX_DATE);
    /* without a year, the second name is not taken into the first's date */
    EXPECT("في يناير فبراير الماضيين.", "يناير", "2018-01",
           KHABAR_TIMEX_RELATIVE);
    /* من العام ذاته: the year of the date before it. */
    EXPECT("تأسست اللجنة في 23 سبتمبر 2019، قبل أن تعقد أولى جلساتها في 30 "
           "أكتوبر من العام ذاته.",
           "30 أكتوبر من العام ذاته", "2019-10-30", KHABAR_TIMEX_DATE);
    EXPECT("اندلعت الأزمة في مارس 2011 وتصاعدت في يوليو من العام نفسه.",
           "يوليو من العام نفسه", "2011-07", KHABAR_TIMEX_DATE);
    EXPECT("وتصاعدت في يوليو من العام نفسه.", "يوليو", "2017-07",
           KHABAR_TIMEX_RELATIVE);
    /* a bare time after a day in its sentence is that day's: اليوم ...
     * الساعة 20:00; a sentence later it stays a time alone */
    EXPECT("تنطلق المباراة اليوم بداية من الساعة 20:00 بملعب رادس.",
           "الساعة 20:00", "2017-11-21T20:00", KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل الوفد أمس. ويبدأ الاجتماع الساعة العاشرة صباحا.",
           "الساعة العاشرة صباحا", "T10:00", KHABAR_TIMEX_TIME);
    /* من كل عام, سنويا: every year, no year of its own */
    {
        static const char t[] = "يحتفل الصيادون في 12 أغسطس من كل عام بعيد "
                                "البحر، ويقام السوق في مايو سنويا.";
        khabar_doc *d = khabar_analyze(t_model, t, sizeof t - 1, NULL);
        const khabar_timex *tx = khabar_doc_timexes(d);
        const char *nb = khabar_doc_norm(d);
        CHECK(khabar_doc_timex_count(d) == 2);
        if (khabar_doc_timex_count(d) == 2) {
            CHECK(tx[0].value_len == 10 &&
                  !memcmp(nb + tx[0].value, "XXXX-08-12", 10));
            CHECK(tx[0].flags & KHABAR_TIMEX_EVERY_YEAR);
            CHECK(tx[0].first.year == 0 && tx[0].last.year == 0);
            CHECK(tx[0].kind == KHABAR_TIMEX_DATE);
            CHECK(tx[1].value_len == 7 &&
                  !memcmp(nb + tx[1].value, "XXXX-05", 7));
            CHECK(tx[1].flags & KHABAR_TIMEX_EVERY_YEAR);
        }
        khabar_doc_free(d);
    }
    EXPECT("اعتقلت في الثاني من ديسمبر 2014، قبل المنتدى الذي عقد في "
           "الخامس من ديسمبر من ذلك العام.",
           "الخامس من ديسمبر من ذلك العام", "2014-12-05", KHABAR_TIMEX_DATE);
}

static void hijri(void)
{
    khabar_timex x;
    EXPECT_X("بدأ الصوم في 15 رمضان 1445 هـ وانتهى.", "15 رمضان 1445 هـ",
             "2024-03-25", KHABAR_TIMEX_DATE, &x);
    CHECK(x.flags == KHABAR_TIMEX_HIJRI && x.grain == KHABAR_GRAIN_DAY &&
          same_date(x.first, 2024, 3, 25));
    EXPECT("بدأ في ١٥ رمضان ١٤٤٥هـ.", "١٥ رمضان ١٤٤٥هـ", "2024-03-25",
           KHABAR_TIMEX_DATE);
    EXPECT("في 1 محرم 1445 هـ بدأ العام.", "1 محرم 1445 هـ", "2023-07-19",
           KHABAR_TIMEX_DATE);
    EXPECT("ولد في 12 ربيع الأول 1400 هـ.", "12 ربيع الأول 1400 هـ",
           "1980-01-30", KHABAR_TIMEX_DATE);
    EXPECT("في 1 ربيع الآخر 1445 هـ.", "1 ربيع الآخر 1445 هـ", "2023-10-16",
           KHABAR_TIMEX_DATE);
    EXPECT("في 1 جمادى الأولى 1445 هـ.", "1 جمادى الأولى 1445 هـ",
           "2023-11-15", KHABAR_TIMEX_DATE);
    EXPECT("في 1 جمادى الآخرة 1445 هـ.", "1 جمادى الآخرة 1445 هـ",
           "2023-12-14", KHABAR_TIMEX_DATE);
    EXPECT("في 10 ذو الحجة 1445 هـ.", "10 ذو الحجة 1445 هـ", "2024-06-16",
           KHABAR_TIMEX_DATE);
    EXPECT("في 1 ذي القعدة 1445 هـ.", "1 ذي القعدة 1445 هـ", "2024-05-09",
           KHABAR_TIMEX_DATE);
    /* A Hijri month: the span of Gregorian days it covers. */
    EXPECT_X("في رمضان 1445 هـ صام الناس.", "رمضان 1445 هـ",
             "2024-03-11/2024-04-09", KHABAR_TIMEX_DATE, &x);
    CHECK(x.grain == KHABAR_GRAIN_MONTH && (x.flags & KHABAR_TIMEX_HIJRI) &&
          same_date(x.first, 2024, 3, 11) && same_date(x.last, 2024, 4, 9));
    EXPECT("حدث ذلك عام 1445 هـ.", "عام 1445 هـ", "2023-07-19/2024-07-06",
           KHABAR_TIMEX_DATE);
    /* 30 ذو الحجة exists only where the month has 30 days (1445 in Umm
     * al-Qura, not 1446). */
    EXPECT("في 30 ذو الحجة 1445 هـ.", "30 ذو الحجة 1445 هـ", "2024-07-06",
           KHABAR_TIMEX_DATE);
    EXPECT_X("في 30 ذو الحجة 1446 هـ.", "30 ذو الحجة 1446 هـ", "",
             KHABAR_TIMEX_DATE, &x);
    CHECK((x.flags & KHABAR_TIMEX_INVALID) && (x.flags & KHABAR_TIMEX_HIJRI) &&
          x.first.year == 0);
    /* A Hijri day and month without a year: the occurrence the clause's
     * tense points to, by the pub date's Hijri year (1439 on 2017-11-21);
     * with الماضي, المقبل, الجاري a month relative to it. */
    EXPECT("وصل الوفد في 5 شوال.", "5 شوال", "2017-06-29",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("تجرى الانتخابات في السابع من ذي القعدة المقبل.",
           "السابع من ذي القعدة المقبل", "2018-07-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("وكانت الحملة بدأت في شوال الماضي.", "شوال الماضي",
           "2017-06-25/2017-07-23", KHABAR_TIMEX_RELATIVE);
    /* The weekday written with a Hijri date agrees with Umm al-Qura (the
     * tabular calendar: Friday the 31st) ... */
    EXPECT("وآخر موعد للمقابلات يوم الخميس القادم 14-10-1436هـ.",
           "يوم الخميس القادم 14-10-1436هـ", "2015-07-30", KHABAR_TIMEX_DATE);
    /* ... and where a country saw the moon a day later, its weekday moves
     * the date to that day. */
    EXPECT("واحتفل المغاربة بالعيد يوم السبت 1 شوال 1436 هـ.",
           "يوم السبت 1 شوال 1436 هـ", "2015-07-18", KHABAR_TIMEX_DATE);
    /* a feminine ordinal counts days, it names none */
    COUNT("يبدأ الاعتكاف بعد العشرة الأولى من رمضان.", 0);
    /* a year of 1300-1600 in figures is Hijri without its mark */
    EXPECT("ويبدأ تطبيق النظام من 1435/11/1 على المنشآت.", "1435/11/1",
           "2014-08-27", KHABAR_TIMEX_DATE);
    /* a city or a square named after a day names no day */
    COUNT("وافتتح المصنع بمدينة السادس من أكتوبر غرب القاهرة.", 0);
    COUNT("وتجمع المحتجون في ميدان 6 أكتوبر.", 0);
    /* nor a medium's name (قناة روسيا اليوم, صحيفة اليوم السابع) */
    COUNT("وذكرت قناة روسيا اليوم أن الوزير وصل.", 0);
    COUNT("ونشرت صحيفة اليوم السابع تقريرا.", 0);
    /* (the Saudi papers عين اليوم and اليوم, in bylines and as sources) */
    COUNT("وقال المتحدث لصحيفة \"عين اليوم\" إن القرار نهائي.", 0);
    COUNT("سعد الحربي - عين اليوم", 0);
    COUNT("وذكرت صحيفة اليوم أن الأمطار غزيرة.", 0);
    COUNT("ووصل الوزير اليوم إلى موسكو.", 1);
    /* Hijri month names alone are seasons or names: nothing. */
    COUNT("خلال شهر رمضان يزداد الإقبال.", 0);
    COUNT("قال رجب طيب أردوغان إن الأمر انتهى.", 0);
    COUNT("في رمضان 2024 ارتفعت الأسعار.", 0);
}

static void years(void)
{
    khabar_timex x;
    EXPECT_X("تستهدف الرؤية عام 2030 موعدا.", "عام 2030", "2030",
             KHABAR_TIMEX_DATE, &x);
    CHECK(x.grain == KHABAR_GRAIN_YEAR && same_date(x.first, 2030, 1, 1) &&
          same_date(x.last, 2030, 12, 31));
    EXPECT("بدأت الحرب سنة 2011 في البلاد.", "سنة 2011", "2011",
           KHABAR_TIMEX_DATE);
    EXPECT("وفي 2015 تغير كل شيء.", "2015", "2015", KHABAR_TIMEX_DATE);
    EXPECT("منذ العام 2015 لم يزر البلاد.", "العام 2015", "2015",
           KHABAR_TIMEX_DATE);
    EXPECT("بني المسجد سنة 1187 م.", "سنة 1187 م", "1187", KHABAR_TIMEX_DATE);
    EXPECT("وفي عام ٢٠١٥ وقع الحادث.", "عام ٢٠١٥", "2015", KHABAR_TIMEX_DATE);
    /* A number is no year without a cue, or out of the plausible range. */
    COUNT("بإطار قرار مجلس الأمن الدولي 2254 وتحت رعاية الأمم المتحدة.", 0);
    COUNT("وصل عدد القتلى إلى 2015 شخصا.", 0);
    COUNT("قتل في 3000 غارة.", 0);
    COUNT("في 1500 موقع.", 0);
    /* م before a digit is a unit (م3: cubic metres), no era */
    COUNT("وتضمن العقد توريد خزان سعة 1000م3 للمياه.", 0);
    /* A year near the publication's Hijri year, without هـ or م, is Hijri
     * (published 1439 AH); one further from it is Gregorian (1453) */
    EXPECT("بدأ العمل بالنظام عام 1437 في جميع المنافذ.", "عام 1437",
           "2015-10-14/2016-10-01", KHABAR_TIMEX_DATE);
    EXPECT("فتحت المدينة عام 1453 بعد حصار طويل.", "عام 1453", "1453",
           KHABAR_TIMEX_DATE);
    EXPECT("بني المسجد سنة 1437 م.", "سنة 1437 م", "1437", KHABAR_TIMEX_DATE);
    /* Decades and centuries. */
    EXPECT_X("انتشرت الظاهرة في الثمانينيات في المنطقة.", "الثمانينيات",
             "198X", KHABAR_TIMEX_DATE, &x);
    CHECK(x.grain == KHABAR_GRAIN_DECADE && same_date(x.first, 1980, 1, 1) &&
          same_date(x.last, 1989, 12, 31));
    EXPECT("في ثمانينيات القرن الماضي كان.", "ثمانينيات القرن الماضي", "198X",
           KHABAR_TIMEX_RELATIVE);
    /* an age is no decade */
    COUNT("وقاد السيارة شاب في العشرينيات لم يحمل رخصة.", 0);
    COUNT("وتوفيت المعلمة وهي في الأربعينيات من عمرها.", 0);
    EXPECT("في التسعينات من القرن العشرين.", "التسعينات من القرن العشرين",
           "199X", KHABAR_TIMEX_DATE);
    EXPECT("في عقد السبعينيات.", "عقد السبعينيات", "197X", KHABAR_TIMEX_DATE);
    EXPECT_X("شهد القرن العشرين حربين.", "القرن العشرين", "19XX",
             KHABAR_TIMEX_DATE, &x);
    CHECK(x.grain == KHABAR_GRAIN_CENTURY && same_date(x.first, 1900, 1, 1) &&
          same_date(x.last, 1999, 12, 31));
    EXPECT("في القرن الحادي والعشرين.", "القرن الحادي والعشرين", "20XX",
           KHABAR_TIMEX_DATE);
    EXPECT("في القرن التاسع عشر.", "القرن التاسع عشر", "18XX",
           KHABAR_TIMEX_DATE);
    EXPECT("في القرن الـ21 نعيش.", "القرن الـ21", "20XX", KHABAR_TIMEX_DATE);
    EXPECT("منذ القرن الماضي.", "القرن الماضي", "19XX", KHABAR_TIMEX_RELATIVE);
    COUNT("ثمانينيات عمره.", 0);
}

/* ------------------------------------------------------------------------ */
/* Relative dates                                                           */
/* ------------------------------------------------------------------------ */

static void relative(void)
{
    khabar_timex x;
    /* The publication date is Tuesday 21 November 2017. */
    EXPECT_X("استقبل الوزير نظيره أمس الاثنين في العاصمة.", "أمس الاثنين",
             "2017-11-20", KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == 0 && x.grain == KHABAR_GRAIN_DAY &&
          same_date(x.first, 2017, 11, 20));
    EXPECT_X("استقبل الوزير نظيره أمس الأحد.", "أمس الأحد", "2017-11-20",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_WEEKDAY_MISMATCH);
    EXPECT("يزور الوفد المدينة اليوم.", "اليوم", "2017-11-21",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("ويصل غدا إلى المدينة.", "غدا", "2017-11-22", KHABAR_TIMEX_RELATIVE);
    EXPECT("يصل بعد غد إلى المدينة.", "بعد غد", "2017-11-23",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل أمس الأول إلى المدينة.", "أمس الأول", "2017-11-19",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل أول أمس إلى المدينة.", "أول أمس", "2017-11-19",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل أول من أمس إلى المدينة.", "أول من أمس", "2017-11-19",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل اليوم الثلاثاء إلى المدينة.", "اليوم الثلاثاء", "2017-11-21",
           KHABAR_TIMEX_RELATIVE);
    /* A clitic before the first word: the span starts at the host. */
    EXPECT("وصل الوفد وأمس غادر.", "أمس", "2017-11-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("ذكر ذلك بالأمس.", "الأمس", "2017-11-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("وغدا يبدأ العمل.", "غدا", "2017-11-22", KHABAR_TIMEX_RELATIVE);
    /* اليوم that is "the day", not today. */
    COUNT("وفي اليوم التالي غادر.", 0);
    COUNT("احتفلت البلاد باليوم الوطني.", 0);
    COUNT("في ذلك اليوم غادر.", 0);
    /* Weekdays. */
    EXPECT("قال يوم الاثنين الماضي إن الوضع هادئ.", "يوم الاثنين الماضي",
           "2017-11-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("يعقد الاجتماع الثلاثاء المقبل.", "الثلاثاء المقبل", "2017-11-28",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وقع الحادث الثلاثاء الماضي.", "الثلاثاء الماضي", "2017-11-14",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يعقد الاجتماع الاثنين المقبل.", "الاثنين المقبل", "2017-11-27",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("سيعقد يوم الخميس.", "يوم الخميس", "2017-11-23",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("قال يوم الأحد إن الأمر انتهى.", "يوم الأحد", "2017-11-19",
           KHABAR_TIMEX_RELATIVE);
    COUNT("اتفق الاثنين على الحل.", 0);
    /* A weekday alone after a verb and its subject: a verb in the past
     * says the day or the last one, another verb the day or the next. */
    EXPECT("وقصفت الطائرات الحربية الاثنين مواقع للمسلحين.", "الاثنين",
           "2017-11-20", KHABAR_TIMEX_RELATIVE);
    EXPECT("واعتقلت الشرطة الجمعة ثلاثة رجال.", "الجمعة", "2017-11-17",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وانعقد المجلس الثلاثاء في جلسة طارئة.", "الثلاثاء", "2017-11-21",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يصل الوفد الخميس إلى العاصمة.", "الخميس", "2017-11-23",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("تشهد البلاد موجة برد منذ السبت.", "السبت", "2017-11-18",
           KHABAR_TIMEX_RELATIVE);
    COUNT("تقاسم الاثنين الجائزة.", 0);
    COUNT("وقع الخلاف بين الاثنين.", 0);
    /* Weeks, months, years. */
    EXPECT_X("زار البلاد الأسبوع الماضي.", "الأسبوع الماضي", "2017-W46",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.grain == KHABAR_GRAIN_WEEK && same_date(x.first, 2017, 11, 13) &&
          same_date(x.last, 2017, 11, 19));
    EXPECT("يزور البلاد الأسبوع المقبل.", "الأسبوع المقبل", "2017-W48",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("زار البلاد الشهر الماضي.", "الشهر الماضي", "2017-10",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يزور البلاد الشهر القادم.", "الشهر القادم", "2017-12",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يزور البلاد الشهر المقبل.", "الشهر المقبل", "2017-12",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("خلال الشهر الجاري.", "الشهر الجاري", "2017-11",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("في 20 من الشهر الجاري.", "20 من الشهر الجاري", "2017-11-20",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("تجرى الانتخابات العام المقبل.", "العام المقبل", "2018",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("جرت الانتخابات العام الماضي.", "العام الماضي", "2016",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("خلال العام الجاري.", "العام الجاري", "2017", KHABAR_TIMEX_RELATIVE);
    EXPECT("خلال السنة الماضية.", "السنة الماضية", "2016",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("ارتفع النمو هذا العام.", "هذا العام", "2017", KHABAR_TIMEX_RELATIVE);
    /* Parts of a period. */
    EXPECT_X("ينطلق المؤتمر مطلع الشهر القادم.", "مطلع الشهر القادم",
             "2017-12", KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_START && x.grain == KHABAR_GRAIN_MONTH &&
          same_date(x.first, 2017, 12, 1) && same_date(x.last, 2017, 12, 10));
    EXPECT_X("في منتصف الشهر.", "منتصف الشهر", "2017-11",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_MID && same_date(x.first, 2017, 11, 11) &&
          same_date(x.last, 2017, 11, 20));
    EXPECT_X("في أواخر الشهر.", "أواخر الشهر", "2017-11", KHABAR_TIMEX_RELATIVE,
             &x);
    CHECK(x.flags == KHABAR_TIMEX_END && same_date(x.first, 2017, 11, 21) &&
          same_date(x.last, 2017, 11, 30));
    EXPECT_X("حتى نهاية الشهر.", "نهاية الشهر", "2017-11",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_END);
    EXPECT_X("منذ بداية الشهر.", "بداية الشهر", "2017-11",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_START);
    EXPECT_X("في أواخر العام الماضي.", "أواخر العام الماضي", "2016",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags == KHABAR_TIMEX_END && same_date(x.first, 2016, 9, 1) &&
          same_date(x.last, 2016, 12, 31));
    EXPECT_X("في منتصف مارس 2011.", "منتصف مارس 2011", "2011-03",
             KHABAR_TIMEX_DATE, &x);
    CHECK(x.flags == KHABAR_TIMEX_MID);
    EXPECT_X("في مطلع الثمانينيات.", "مطلع الثمانينيات", "198X",
             KHABAR_TIMEX_DATE, &x);
    CHECK(x.flags == KHABAR_TIMEX_START && same_date(x.first, 1980, 1, 1) &&
          same_date(x.last, 1983, 12, 31));
    COUNT("في نهاية المطاف اتفقوا.", 0);
    /* Counts of days, weeks, months, years before or after. */
    /* counted from an event: no date; from now: the publication date */
    COUNT("التقيته بعد يوم واحد من هربه.", 0);
    COUNT("وصل قبل ثلاثة أيام من الانتخابات.", 0);
    /* after a count, a verb in the past: counted from the story's event
     * (افتتح عام 2001، وبعد سنتين أغلق), not from the publication date */
    COUNT("افتتح المتحف أبوابه وبعد سنتين أغلق بسبب الديون.", 0);
    COUNT("وبعد ثلاثة أشهر عاد الفريق إلى المدينة.", 0);
    EXPECT("وبعد ثلاثة أشهر سيعود الفريق إلى المدينة.", "بعد ثلاثة أشهر",
           "2018-02", KHABAR_TIMEX_RELATIVE);
    EXPECT("ويعود الفريق بعد ثلاثة أشهر.", "بعد ثلاثة أشهر", "2018-02",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("حدث ذلك قبل عام من الآن.", "قبل عام", "2016",
           KHABAR_TIMEX_RELATIVE);
    EXPECT_X("وقع الانفجار قبل ثلاثة أيام.", "قبل ثلاثة أيام", "2017-11-18",
             KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.grain == KHABAR_GRAIN_DAY);
    EXPECT("وقع الانفجار قبل 3 أيام.", "قبل 3 أيام", "2017-11-18",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وقع الانفجار قبل ٣ أيام.", "قبل ٣ أيام", "2017-11-18",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وقع الانفجار قبل يومين.", "قبل يومين", "2017-11-19",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل قبل أسبوعين.", "قبل أسبوعين", "2017-W45",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("غادر منذ ثلاث سنوات.", "منذ ثلاث سنوات", "2014",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("غادر قبل نحو 15 عاما.", "قبل نحو 15 عاما", "2002",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يعود بعد شهرين.", "بعد شهرين", "2018-01", KHABAR_TIMEX_RELATIVE);
    EXPECT("يعود بعد أسبوع.", "بعد أسبوع", "2017-W48", KHABAR_TIMEX_RELATIVE);
    COUNT("وصل قبل أيام.", 0);
    /* قبل عام 2015 is the year, not a year ago. */
    EXPECT("وقع ذلك قبل عام 2015.", "عام 2015", "2015", KHABAR_TIMEX_DATE);
    /* Durations. */
    EXPECT_X("ينتهي العمل خلال يومين.", "خلال يومين", "P2D",
             KHABAR_TIMEX_DURATION, &x);
    CHECK(x.grain == KHABAR_GRAIN_DAY && x.first.year == 0 && x.last.year == 0);
    EXPECT("سجن لمدة ثلاثة أشهر.", "مدة ثلاثة أشهر", "P3M",
           KHABAR_TIMEX_DURATION);
    EXPECT("خلال 24 ساعة.", "خلال 24 ساعة", "PT24H", KHABAR_TIMEX_DURATION);
    EXPECT("طوال عامين.", "طوال عامين", "P2Y", KHABAR_TIMEX_DURATION);
    COUNT("خلال الأيام المقبلة.", 0);
}

/* ------------------------------------------------------------------------ */
/* Times and ranges                                                         */
/* ------------------------------------------------------------------------ */

static void times(void)
{
    khabar_timex x;
    EXPECT_X("يبدأ الاجتماع الساعة العاشرة صباحا.", "الساعة العاشرة صباحا",
             "T10:00", KHABAR_TIMEX_TIME, &x);
    CHECK(x.grain == KHABAR_GRAIN_HOUR && x.first.year == 0);
    EXPECT("يبدأ الساعة الثالثة عصرا.", "الساعة الثالثة عصرا", "T15:00",
           KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة الثالثة مساء.", "الساعة الثالثة مساء", "T15:00",
           KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة الحادية عشرة ليلا.", "الساعة الحادية عشرة ليلا",
           "T23:00", KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة الثانية عشرة ظهرا.", "الساعة الثانية عشرة ظهرا",
           "T12:00", KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة الرابعة والنصف.", "الساعة الرابعة والنصف", "T04:30",
           KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة الخامسة إلا ربعا.", "الساعة الخامسة إلا ربعا",
           "T04:45", KHABAR_TIMEX_TIME);
    EXPECT("يبدأ الساعة 9 مساء.", "الساعة 9 مساء", "T21:00", KHABAR_TIMEX_TIME);
    EXPECT("يبدأ في الثامنة مساء.", "الثامنة مساء", "T20:00", KHABAR_TIMEX_TIME);
    EXPECT_X("وصل في 10:30 إلى المطار.", "10:30", "T10:30", KHABAR_TIMEX_TIME,
             &x);
    CHECK(x.grain == KHABAR_GRAIN_MINUTE);
    EXPECT("سجل 23:59:07 بالضبط.", "23:59:07", "T23:59:07", KHABAR_TIMEX_TIME);
    COUNT("حل في المركز الثانية.", 0);
    /* With a day: the time joins it. */
    EXPECT_X("وصل أمس الساعة العاشرة صباحا.", "أمس الساعة العاشرة صباحا",
             "2017-11-20T10:00", KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.grain == KHABAR_GRAIN_HOUR && same_date(x.first, 2017, 11, 20));
    EXPECT("وصل في 20/10/2015 10:30 إلى المطار.", "20/10/2015 10:30",
           "2015-10-20T10:30", KHABAR_TIMEX_DATE);
    EXPECT("وقع الانفجار في الساعة 10:30 من صباح أمس.",
           "الساعة 10:30 من صباح أمس", "2017-11-20T10:30",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("يبدأ الساعة الثامنة من مساء اليوم.", "الساعة الثامنة من مساء اليوم",
           "2017-11-21T20:00", KHABAR_TIMEX_RELATIVE);
    EXPECT("يبدأ الاجتماع مساء اليوم الساعة الثامنة.",
           "مساء اليوم الساعة الثامنة", "2017-11-21T20:00",
           KHABAR_TIMEX_RELATIVE);
    EXPECT("وصل صباح اليوم إلى المطار.", "صباح اليوم", "2017-11-21",
           KHABAR_TIMEX_RELATIVE);
}

static void ranges(void)
{
    khabar_timex x;
    EXPECT_X("عقدت الجلسات يومي 12 و13 مايو في جنيف.", "يومي 12 و13 مايو",
             "2017-05-12/2017-05-13", KHABAR_TIMEX_RANGE, &x);
    CHECK(x.grain == KHABAR_GRAIN_DAY && same_date(x.first, 2017, 5, 12) &&
          same_date(x.last, 2017, 5, 13));
    EXPECT_X("حكم البلاد من 2011 إلى 2015 بلا انقطاع.", "من 2011 إلى 2015",
             "2011/2015", KHABAR_TIMEX_RANGE, &x);
    CHECK(x.grain == KHABAR_GRAIN_YEAR && same_date(x.first, 2011, 1, 1) &&
          same_date(x.last, 2015, 12, 31));
    EXPECT("بين عامي 2011 و2015 تضاعف العدد.", "بين عامي 2011 و2015",
           "2011/2015", KHABAR_TIMEX_RANGE);
    EXPECT("بين عام 2011 وعام 2015 تضاعف العدد.", "بين عام 2011 وعام 2015",
           "2011/2015", KHABAR_TIMEX_RANGE);
    EXPECT("عقدت من 12 إلى 15 مايو 2016 جلسات.", "من 12 إلى 15 مايو 2016",
           "2016-05-12/2016-05-15", KHABAR_TIMEX_RANGE);
    EXPECT("من مارس إلى مايو 2015 توقف العمل.", "من مارس إلى مايو 2015",
           "2015-03/2015-05", KHABAR_TIMEX_RANGE);
    EXPECT("منذ عام 2011 وحتى اليوم.", "منذ عام 2011 وحتى اليوم",
           "2011/2017-11-21", KHABAR_TIMEX_RANGE);
    EXPECT("خلال 2011-2015 تضاعف العدد.", "2011-2015", "2011/2015",
           KHABAR_TIMEX_RANGE);
    /* Day and month at both ends, no year: one period, its start never
     * after its end, whose end the tense places */
    EXPECT("تنشط الشهب ما بين 10 نوفمبر و29 نوفمبر.", "بين 10 نوفمبر و29 نوفمبر",
           "2017-11-10/2017-11-29", KHABAR_TIMEX_RANGE);
    EXPECT("تمتد العطلة من 20 ديسمبر إلى 5 يناير.", "من 20 ديسمبر إلى 5 يناير",
           "2017-12-20/2018-01-05", KHABAR_TIMEX_RANGE);
    EXPECT("امتدت العطلة من 20 ديسمبر إلى 5 يناير.",
           "من 20 ديسمبر إلى 5 يناير", "2016-12-20/2017-01-05",
           KHABAR_TIMEX_RANGE);
    /* A range that ends before it starts names no period. */
    EXPECT_X("تنقل الحقوق من 2018 إلى 2014 في أوروبا.", "من 2018 إلى 2014",
             "", KHABAR_TIMEX_RANGE, &x);
    CHECK(x.flags & KHABAR_TIMEX_INVALID);
    /* From ... without an end: the start alone. */
    EXPECT("من أمس بدأ الإضراب.", "أمس", "2017-11-20", KHABAR_TIMEX_RELATIVE);
}

/* ------------------------------------------------------------------------ */
/* Days that do not exist, bad input                                        */
/* ------------------------------------------------------------------------ */

static void invalid(void)
{
    static const char *const bad[] = {"31 فبراير 2023", "2023-02-29",
                                      "30/02/2020", "31 أبريل 2020",
                                      "45/67/2015", "0/0/2015"};
    size_t k;
    khabar_timex x;
    char s[128];
    for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        snprintf(s, sizeof s, "زعم أنه وصل في %s إلى المدينة.", bad[k]);
        memset(&x, 0, sizeof x);
        EXPECT_X(s, bad[k], "", KHABAR_TIMEX_DATE, &x);
        CHECK((x.flags & KHABAR_TIMEX_INVALID) && x.value_len == 0 &&
              x.first.year == 0 && x.last.year == 0);
    }
    EXPECT_X("في 31 فبراير.", "31 فبراير", "", KHABAR_TIMEX_RELATIVE, &x);
    CHECK(x.flags & KHABAR_TIMEX_INVALID);
    EXPECT("في 29 فبراير 2024.", "29 فبراير 2024", "2024-02-29",
           KHABAR_TIMEX_DATE);
    /* A huge number is no day, and the month after it, without its cue,
     * no date. */
    COUNT("في 99999999999 أكتوبر.", 0);
    COUNT("عام 99999999999999999999999999 و عام 0 و 00/00/0000", 1);
    /* Relative dates past year 9999 are invalid, not wrapped. */
    {
        khabar_date late = {9999, 12, 30};
        expect_at(__LINE__, "يعود بعد غد.", late, "بعد غد", "",
                  KHABAR_TIMEX_RELATIVE, &x);
        CHECK(x.flags & KHABAR_TIMEX_INVALID);
        expect_at(__LINE__, "غادر قبل 99999 سنوات.", pub_2017,
                  "قبل 99999 سنوات", "", KHABAR_TIMEX_RELATIVE, &x);
        CHECK(x.flags & KHABAR_TIMEX_INVALID);
    }
}

static void bad_input(void)
{
    khabar_doc *d;
    khabar_date_source src;
    khabar_date got;
    const khabar_timex *x;
    size_t i, n;
    int ok;
    char *big;
    clock_t t0;
    double secs;
    static const khabar_date none = {0, 0, 0};
    /* Empty text: no timex, and still a publication date. */
    d = analyze("", 0, pub_2017, 0, 0);
    CHECK(d && khabar_doc_timex_count(d) == 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_GIVEN && same_date(got, 2017, 11, 21));
    khabar_doc_free(d);
    /* Only أمس. */
    d = analyze("أمس", strlen("أمس"), pub_2017, 0, 0);
    CHECK(d && khabar_doc_timex_count(d) == 1);
    if (d && khabar_doc_timex_count(d) == 1) {
        x = khabar_doc_timexes(d);
        CHECK(x->start == 0 && x->end == strlen("أمس"));
        CHECK_MEM(khabar_doc_norm(d) + x->value, x->value_len, "2017-11-20");
    }
    khabar_doc_free(d);
    /* A date at the very end, and a cut-short one. */
    EXPECT("وصل في 20 أكتوبر 2015", "20 أكتوبر 2015", "2015-10-20",
           KHABAR_TIMEX_DATE);
    EXPECT("وصل في 20 أكتوبر", "20 أكتوبر", "2017-10-20",
           KHABAR_TIMEX_RELATIVE);
    COUNT("كانون", 0);
    COUNT("يومي 12 و", 0);
    COUNT("من 2011 إلى", 1); /* from 2011 */
    COUNT("بين عامي 2011", 0);
    COUNT("الساعة", 0);
    COUNT("القرن", 0);
    /* Stage DATES on its own needs no stage asked for. */
    d = analyze("اليوم", strlen("اليوم"), none, 0, 0);
    CHECK(d && khabar_doc_timex_count(d) == 1);
    khabar_doc_free(d);
    /* The fine scheme (ال split off) and the display norm (letters and
     * digits as written) find the same dates. */
    {
        const char *s = "ذكر بالأمس أن الاتفاق وقع في ٢٠ أكتوبر ٢٠١٥ وللعام المقبل.";
        unsigned flags[3] = {0, KHABAR_ANALYZE_FINE, 0};
        unsigned norms[3] = {0, 0, KHABAR_NORM_DISPLAY};
        int k;
        for (k = 0; k < 3; k++) {
            d = analyze(s, strlen(s), pub_2017, flags[k], norms[k]);
            n = khabar_doc_timex_count(d);
            CHECK(n == 3);
            if (n == 3) {
                x = khabar_doc_timexes(d);
                CHECK_MEM(khabar_doc_norm(d) + x[0].value, x[0].value_len,
                          "2017-11-20");
                CHECK_MEM(khabar_doc_norm(d) + x[1].value, x[1].value_len,
                          "2015-10-20");
                CHECK_MEM(khabar_doc_norm(d) + x[2].value, x[2].value_len,
                          "2018");
                CHECK(x[0].start == (size_t)(strstr(s, "الأمس") - s));
            } else {
                dump(d);
            }
            khabar_doc_free(d);
        }
    }
    /* Pathological input: digits and separators, unclosed ranges, date
     * words without end, in bounded time; timexes in order, inside the
     * text, not overlapping. */
    {
        static const char *const pieces[] = {
            "1/", "12", "-", ".", ":", "2015", " ", "/", "31 ", "أكتوبر",
            "من ", "إلى ", "بين ", "و", "يومي ", "عامي ", "الساعة ", "القرن ",
            "مطلع ", "أمس ", "الأول ", "كانون ", "هـ ", "قبل ", "٢٠"};
        size_t cap = 400000, len = 0;
        unsigned seed = 12345;
        big = malloc(cap + 16);
        CHECK(big != NULL);
        if (!big)
            return;
        while (len < cap) {
            const char *p;
            seed = seed * 1103515245u + 12345u;
            p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            memcpy(big + len, p, strlen(p));
            len += strlen(p);
        }
        t0 = clock();
        d = analyze(big, len, pub_2017, 0, 0);
        CHECK(d != NULL);
        n = khabar_doc_timex_count(d);
        x = khabar_doc_timexes(d);
        for (i = 0, ok = 1; i < n && ok; i++)
            ok = x[i].start < x[i].end && x[i].end <= len &&
                 (i == 0 || x[i].start >= x[i - 1].end);
        CHECK(ok);
        CHECK(n > 1000);
        khabar_doc_free(d);
        /* 1/1/1/1/...: no date (the tokenizer sees no d/m/y in it). */
        for (i = 0; i + 2 <= cap; i += 2)
            memcpy(big + i, "1/", 2);
        d = analyze(big, cap, pub_2017, 0, 0);
        CHECK(d != NULL);
        khabar_doc_free(d);
        secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(secs < 20.0);
        free(big);
    }
}

/* ------------------------------------------------------------------------ */
/* The publication date                                                     */
/* ------------------------------------------------------------------------ */

static void publication(void)
{
    khabar_doc *d;
    khabar_date_source src;
    khabar_date got;
    const khabar_timex *x;
    static const khabar_date none = {0, 0, 0};
    const char *s;
    time_t now;
    struct tm tm;
    /* Given. */
    s = "وصل الوزير أمس.";
    d = analyze(s, strlen(s), pub_2017, 0, 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_GIVEN && same_date(got, 2017, 11, 21));
    khabar_doc_free(d);
    /* A dateline: the first full date near the top. */
    s = "القاهرة في 5 يناير 2018: أعلنت الحكومة أمس أنها ستعقد مؤتمرا "
        "الأسبوع المقبل.";
    d = analyze(s, strlen(s), none, 0, 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_TEXT && same_date(got, 2018, 1, 5));
    CHECK(khabar_doc_timex_count(d) == 3);
    if (khabar_doc_timex_count(d) == 3) {
        x = khabar_doc_timexes(d);
        CHECK_MEM(khabar_doc_norm(d) + x[1].value, x[1].value_len, "2018-01-04");
        CHECK_MEM(khabar_doc_norm(d) + x[2].value, x[2].value_len, "2018-W02");
    }
    khabar_doc_free(d);
    /* An invalid date, a month, a year or a relative date is no dateline. */
    s = "في 31 فبراير 2018 وفي مارس 2015 وعام 2010 وأمس 20 أكتوبر 2016 وصل.";
    d = analyze(s, strlen(s), none, 0, 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_TEXT && same_date(got, 2016, 10, 20));
    khabar_doc_free(d);
    /* A date deep in the text is history, not a dateline: today. */
    s = "قال المسؤول إن الوضع هادئ في المدينة بعد أسابيع من التوتر الشديد. "
        "وأضاف أن السلطات تعمل على إعادة الخدمات إلى جميع الأحياء المتضررة. "
        "وأشار إلى أن عددا من العائلات عاد إلى منازله في الأيام الأخيرة. "
        "وكانت المدينة قد شهدت مواجهات عنيفة بين الطرفين خلال الصيف الماضي. "
        "وبدأت الأزمة في 20 أكتوبر 2015 حين اندلعت الاشتباكات.";
    CHECK(strstr(s, "20 أكتوبر") - s > 400);
    d = analyze(s, strlen(s), none, 0, 0);
    got = khabar_doc_date(d, &src);
    now = time(NULL);
    CHECK(gmtime_r(&now, &tm) != NULL);
    CHECK(src == KHABAR_DATE_TODAY);
    /* (a run across midnight UTC may see the day change) */
    CHECK(got.year == tm.tm_year + 1900 || got.year == tm.tm_year + 1899);
    khabar_doc_free(d);
    /* ... but a date deep in the text with its weekday, the right one, is
     * near the day of writing: the text's date */
    s = "قال المسؤول إن الوضع هادئ في المدينة بعد أسابيع من التوتر الشديد. "
        "وأضاف أن السلطات تعمل على إعادة الخدمات إلى جميع الأحياء المتضررة. "
        "وأشار إلى أن عددا من العائلات عاد إلى منازله في الأيام الأخيرة. "
        "وكانت المدينة قد شهدت مواجهات عنيفة بين الطرفين خلال الصيف الماضي. "
        "وتجددت الاشتباكات يوم الجمعة 31 يوليو 2015 وتتواصل اليوم.";
    d = analyze(s, strlen(s), none, 0, 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_TEXT && same_date(got, 2015, 7, 31));
    khabar_doc_free(d);
    /* (not with a wrong weekday: 31 July 2015 was no Monday) */
    s = "قال المسؤول إن الوضع هادئ في المدينة بعد أسابيع من التوتر الشديد. "
        "وأضاف أن السلطات تعمل على إعادة الخدمات إلى جميع الأحياء المتضررة. "
        "وأشار إلى أن عددا من العائلات عاد إلى منازله في الأيام الأخيرة. "
        "وكانت المدينة قد شهدت مواجهات عنيفة بين الطرفين خلال الصيف الماضي. "
        "وتجددت الاشتباكات يوم الاثنين 31 يوليو 2015.";
    d = analyze(s, strlen(s), none, 0, 0);
    khabar_doc_date(d, &src);
    CHECK(src != KHABAR_DATE_TEXT);
    khabar_doc_free(d);
    /* Neither, but أمس الاثنين: published on a Tuesday, the latest one up
     * to today, and أمس is that Monday. */
    s = "وصل الوفد أمس الاثنين إلى العاصمة، ويغادرها غدا.";
    d = analyze(s, strlen(s), none, 0, 0);
    got = khabar_doc_date(d, &src);
    CHECK(src == KHABAR_DATE_WEEKDAY);
    {
        int64_t pd = kh_cal_days(got.year, got.month, got.day);
        int64_t td = kh_cal_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        CHECK(kh_cal_weekday(pd) == 2 && td - pd >= -1 && td - pd < 7);
        CHECK(khabar_doc_timex_count(d) == 2);
        if (khabar_doc_timex_count(d) == 2) {
            khabar_date m = khabar_doc_timexes(d)[0].first;
            CHECK(kh_cal_weekday(kh_cal_days(m.year, m.month, m.day)) == 1 &&
                  kh_cal_days(m.year, m.month, m.day) == pd - 1);
        }
    }
    khabar_doc_free(d);
    /* Without stage DATES: none. */
    {
        khabar_options o;
        memset(&o, 0, sizeof o);
        o.stages = KHABAR_STAGE_TOKENS;
        d = khabar_analyze_opts(t_model, "أمس", strlen("أمس"), &o, NULL);
        khabar_doc_date(d, &src);
        CHECK(src == KHABAR_DATE_NONE && khabar_doc_timex_count(d) == 0);
        khabar_doc_free(d);
    }
    CHECK(strcmp(khabar_date_source_name(KHABAR_DATE_TEXT), "text") == 0);
    CHECK(strcmp(khabar_date_source_name(KHABAR_DATE_WEEKDAY), "weekday") ==
          0);
}

/* A text of the same kind as the seed article (a visit, a summit the next
 * day, a conference early next month, the start of a crisis, an earlier
 * visit), written for this test. */
static void article(void)
{
    static const char *const want[][2] = {
        {"أمس الاثنين", "2017-11-20"},
        {"غدا", "2017-11-22"},
        {"مطلع الشهر القادم", "2017-12"},
        {"اليوم", "2017-11-21"},
        {"مارس/آذار 2011", "2011-03"},
        {"20 أكتوبر/تشرين الأول 2015", "2015-10-20"}};
    const char *s =
        "أفاد مراسلنا بأن رئيس الحكومة التقى وفدا برلمانيا أمس الاثنين في "
        "العاصمة، وبحث معه الاستعدادات للقمة التي تعقد غدا في الجنوب.\n"
        "وأضاف أن الطرفين اتفقا على عقد منتدى اقتصادي مطلع الشهر القادم، "
        "وأن الرئيس سيجري اليوم اتصالات مع عدد من القادة.\n"
        "يذكر أن الأزمة بدأت في مارس/آذار 2011، وأن الرئيس زار المنطقة في "
        "20 أكتوبر/تشرين الأول 2015.";
    khabar_doc *d = analyze(s, strlen(s), pub_2017, 0, 0);
    const khabar_timex *x = khabar_doc_timexes(d);
    size_t n = khabar_doc_timex_count(d), k;
    CHECK(n == 6);
    for (k = 0; k < 6 && k < n; k++) {
        const char *at = strstr(s, want[k][0]);
        CHECK(at && x[k].start == (size_t)(at - s) &&
              x[k].end == x[k].start + strlen(want[k][0]));
        CHECK_MEM(khabar_doc_norm(d) + x[k].value, x[k].value_len, want[k][1]);
    }
    if (n != 6)
        dump(d);
    CHECK(n > 2 && x[2].flags == KHABAR_TIMEX_START);
    khabar_doc_free(d);
}

void suite_dates(void)
{
    calendar();
    word_table();
    absolute();
    hijri();
    years();
    relative();
    times();
    ranges();
    invalid();
    bad_input();
    publication();
    article();
}
