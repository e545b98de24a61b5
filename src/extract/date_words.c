/*
 * date_words.c - the date finder's word table and its index (date_words.h).
 *
 * Forms are folded (date_words.h): أكتوبر is written اكتوبر, الجمعة
 * الجمعه, إلى الي, دقائق دقايق. The table is in the order a reader looks
 * for things; lookups go through a hash index the finder builds once per
 * document (about 250 insertions), so a word costs one hash and, for most
 * words, no comparison at all.
 */
#include "date_words.h"

#include <string.h>

#include "khabar.h"

#define W(s, cls, val, aux) {s, sizeof(s) - 1, cls, val, aux}

static const kh_dword words[] = {
    W("يناير", KH_DW_GMONTH, 1, 0),
    W("جانفي", KH_DW_GMONTH, 1, 0),
    W("فبراير", KH_DW_GMONTH, 2, 0),
    W("فيفري", KH_DW_GMONTH, 2, 0),
    W("شباط", KH_DW_GMONTH, 2, 0),
    W("اذار", KH_DW_GMONTH, 3, 0),
    W("ابريل", KH_DW_GMONTH, 4, 0),
    W("افريل", KH_DW_GMONTH, 4, 0),
    W("مايو", KH_DW_GMONTH, 5, 0),
    W("ايار", KH_DW_GMONTH, 5, 0),
    W("يونيو", KH_DW_GMONTH, 6, 0),
    W("يونيه", KH_DW_GMONTH, 6, 0),
    W("جوان", KH_DW_GMONTH, 6, 0),
    W("حزيران", KH_DW_GMONTH, 6, 0),
    W("يوليو", KH_DW_GMONTH, 7, 0),
    W("يوليه", KH_DW_GMONTH, 7, 0),
    W("جويليه", KH_DW_GMONTH, 7, 0),
    W("تموز", KH_DW_GMONTH, 7, 0),
    W("اغسطس", KH_DW_GMONTH, 8, 0),
    W("اوت", KH_DW_GMONTH, 8, 0),
    W("سبتمبر", KH_DW_GMONTH, 9, 0),
    W("ايلول", KH_DW_GMONTH, 9, 0),
    W("اكتوبر", KH_DW_GMONTH, 10, 0),
    W("نوفمبر", KH_DW_GMONTH, 11, 0),
    W("ديسمبر", KH_DW_GMONTH, 12, 0),
    W("مارس", KH_DW_GMONTH, 3, KH_DW_AMBIG),
    W("ماي", KH_DW_GMONTH, 5, KH_DW_AMBIG),
    W("نيسان", KH_DW_GMONTH, 4, KH_DW_AMBIG),
    W("اب", KH_DW_GMONTH, 8, KH_DW_AMBIG),

    W("كانون", KH_DW_GMONTH_HEAD, 1, 0),
    W("تشرين", KH_DW_GMONTH_HEAD, 2, 0),

    W("محرم", KH_DW_HMONTH, 1, 0),
    W("المحرم", KH_DW_HMONTH, 1, 0),
    W("صفر", KH_DW_HMONTH, 2, 0),
    W("رجب", KH_DW_HMONTH, 7, 0),
    W("شعبان", KH_DW_HMONTH, 8, 0),
    W("رمضان", KH_DW_HMONTH, 9, 0),
    W("شوال", KH_DW_HMONTH, 10, 0),

    W("ربيع", KH_DW_HMONTH_HEAD, 1, 0),
    W("جمادي", KH_DW_HMONTH_HEAD, 2, 0),
    W("ذو", KH_DW_HMONTH_HEAD, 3, 0),
    W("ذي", KH_DW_HMONTH_HEAD, 3, 0),

    W("الاحد", KH_DW_WEEKDAY, 0, 0),
    W("الاثنين", KH_DW_WEEKDAY, 1, 0),
    W("الثلاثاء", KH_DW_WEEKDAY, 2, 0),
    W("الاربعاء", KH_DW_WEEKDAY, 3, 0),
    W("الخميس", KH_DW_WEEKDAY, 4, 0),
    W("الجمعه", KH_DW_WEEKDAY, 5, 0),
    W("السبت", KH_DW_WEEKDAY, 6, 0),

    W("اليوم", KH_DW_DEICTIC, 0, 0),
    W("امس", KH_DW_DEICTIC, -1, 0),
    W("الامس", KH_DW_DEICTIC, -1, 0),
    W("البارحه", KH_DW_DEICTIC, -1, 0),
    W("غدا", KH_DW_DEICTIC, 1, 0),
    W("غد", KH_DW_DEICTIC, 1, KH_DW_AMBIG),
    W("الغد", KH_DW_DEICTIC, 1, KH_DW_AMBIG),

    W("الاسبوع", KH_DW_PERIOD, KH_U_WEEK, 0),
    W("الشهر", KH_DW_PERIOD, KH_U_MONTH, 0),
    W("العام", KH_DW_PERIOD, KH_U_YEAR, KH_DW_YEARCUE),
    W("السنه", KH_DW_PERIOD, KH_U_YEAR, KH_DW_YEARCUE),

    W("يوم", KH_DW_UNIT, KH_U_DAY, KH_DW_ONE),
    W("ايام", KH_DW_UNIT, KH_U_DAY, 0),
    W("يوما", KH_DW_UNIT, KH_U_DAY, 0),
    W("يومين", KH_DW_UNIT, KH_U_DAY, KH_DW_TWO),
    W("اسبوع", KH_DW_UNIT, KH_U_WEEK, KH_DW_ONE),
    W("اسابيع", KH_DW_UNIT, KH_U_WEEK, 0),
    W("اسبوعا", KH_DW_UNIT, KH_U_WEEK, 0),
    W("اسبوعين", KH_DW_UNIT, KH_U_WEEK, KH_DW_TWO),
    W("شهر", KH_DW_UNIT, KH_U_MONTH, KH_DW_ONE),
    W("اشهر", KH_DW_UNIT, KH_U_MONTH, 0),
    W("شهور", KH_DW_UNIT, KH_U_MONTH, 0),
    W("شهرا", KH_DW_UNIT, KH_U_MONTH, 0),
    W("شهرين", KH_DW_UNIT, KH_U_MONTH, KH_DW_TWO),
    W("عام", KH_DW_UNIT, KH_U_YEAR, KH_DW_ONE|KH_DW_YEARCUE),
    W("سنه", KH_DW_UNIT, KH_U_YEAR, KH_DW_ONE|KH_DW_YEARCUE),
    W("اعوام", KH_DW_UNIT, KH_U_YEAR, 0),
    W("عاما", KH_DW_UNIT, KH_U_YEAR, 0),
    W("سنوات", KH_DW_UNIT, KH_U_YEAR, 0),
    W("سنين", KH_DW_UNIT, KH_U_YEAR, 0),
    W("عامين", KH_DW_UNIT, KH_U_YEAR, KH_DW_TWO),
    W("سنتين", KH_DW_UNIT, KH_U_YEAR, KH_DW_TWO),
    W("ساعه", KH_DW_UNIT, KH_U_HOUR, KH_DW_ONE),
    W("ساعات", KH_DW_UNIT, KH_U_HOUR, 0),
    W("ساعتين", KH_DW_UNIT, KH_U_HOUR, KH_DW_TWO),
    W("دقيقه", KH_DW_UNIT, KH_U_MINUTE, KH_DW_ONE),
    W("دقايق", KH_DW_UNIT, KH_U_MINUTE, 0),
    W("دقيقتين", KH_DW_UNIT, KH_U_MINUTE, KH_DW_TWO),

    W("يومي", KH_DW_DUAL, KH_U_DAY, 0),
    W("عامي", KH_DW_DUAL, KH_U_YEAR, 0),
    W("سنتي", KH_DW_DUAL, KH_U_YEAR, 0),

    W("الماضي", KH_DW_DIR, -1, 0),
    W("الماضيه", KH_DW_DIR, -1, 0),
    W("المنصرم", KH_DW_DIR, -1, 0),
    W("المنصرمه", KH_DW_DIR, -1, 0),
    W("الفايت", KH_DW_DIR, -1, 0),
    W("الفايته", KH_DW_DIR, -1, 0),
    W("الماضيين", KH_DW_DIR, -1, 0), /* of two months: من فبراير وحتى
                                        ابريل الماضيين */
    W("المقبل", KH_DW_DIR, 1, 0),
    W("المقبله", KH_DW_DIR, 1, 0),
    W("المقبلين", KH_DW_DIR, 1, 0),
    W("القادم", KH_DW_DIR, 1, 0),
    W("القادمه", KH_DW_DIR, 1, 0),
    W("الجاري", KH_DW_DIR, 0, 0),
    W("الجاريه", KH_DW_DIR, 0, 0),
    W("الحالي", KH_DW_DIR, 0, 0),
    W("الحاليه", KH_DW_DIR, 0, 0),

    W("مطلع", KH_DW_PART, KHABAR_TIMEX_START, 0),
    W("بدايه", KH_DW_PART, KHABAR_TIMEX_START, 0),
    W("اوايل", KH_DW_PART, KHABAR_TIMEX_START, 0),
    W("مستهل", KH_DW_PART, KHABAR_TIMEX_START, 0),
    W("منتصف", KH_DW_PART, KHABAR_TIMEX_MID, 0),
    W("اواسط", KH_DW_PART, KHABAR_TIMEX_MID, 0),
    W("اواخر", KH_DW_PART, KHABAR_TIMEX_END, 0),
    W("نهايه", KH_DW_PART, KHABAR_TIMEX_END, 0),
    W("ختام", KH_DW_PART, KHABAR_TIMEX_END, 0),

    W("هذا", KH_DW_THIS, 0, 0),
    W("هذه", KH_DW_THIS, 0, 0),

    W("الساعه", KH_DW_HOURCUE, 0, 0),

    W("الواحده", KH_DW_HOURWORD, 1, 0),
    W("الثانيه", KH_DW_HOURWORD, 2, 0),
    W("الثالثه", KH_DW_HOURWORD, 3, 0),
    W("الرابعه", KH_DW_HOURWORD, 4, 0),
    W("الخامسه", KH_DW_HOURWORD, 5, 0),
    W("السادسه", KH_DW_HOURWORD, 6, 0),
    W("السابعه", KH_DW_HOURWORD, 7, 0),
    W("الثامنه", KH_DW_HOURWORD, 8, 0),
    W("التاسعه", KH_DW_HOURWORD, 9, 0),
    W("العاشره", KH_DW_HOURWORD, 10, 0),
    W("الحاديه", KH_DW_HOURWORD, 11, 0),

    W("صباحا", KH_DW_DAYPART, KH_DP_AM, 0),
    W("صباح", KH_DW_DAYPART, KH_DP_AM, 0),
    W("الصباح", KH_DW_DAYPART, KH_DP_AM, 0),
    W("فجرا", KH_DW_DAYPART, KH_DP_AM, 0),
    W("فجر", KH_DW_DAYPART, KH_DP_AM, 0),
    W("الفجر", KH_DW_DAYPART, KH_DP_AM, 0),
    W("ظهرا", KH_DW_DAYPART, KH_DP_NOON, 0),
    W("ظهر", KH_DW_DAYPART, KH_DP_NOON, 0),
    W("الظهر", KH_DW_DAYPART, KH_DP_NOON, 0),
    W("عصرا", KH_DW_DAYPART, KH_DP_PM, 0),
    W("عصر", KH_DW_DAYPART, KH_DP_PM, 0),
    W("العصر", KH_DW_DAYPART, KH_DP_PM, 0),
    W("مساء", KH_DW_DAYPART, KH_DP_EVENING, 0),
    W("مساءا", KH_DW_DAYPART, KH_DP_EVENING, 0),
    W("المساء", KH_DW_DAYPART, KH_DP_EVENING, 0),
    W("ليلا", KH_DW_DAYPART, KH_DP_NIGHT, 0),
    W("ليل", KH_DW_DAYPART, KH_DP_NIGHT, 0),
    W("ليله", KH_DW_DAYPART, KH_DP_NIGHT, 0),
    W("الليل", KH_DW_DAYPART, KH_DP_NIGHT, 0),

    W("واحد", KH_DW_CARD, 1, 0),
    W("واحده", KH_DW_CARD, 1, 0),
    W("اثنين", KH_DW_CARD, 2, 0),
    W("اثنان", KH_DW_CARD, 2, 0),
    W("ثلاثه", KH_DW_CARD, 3, 0),
    W("ثلاث", KH_DW_CARD, 3, 0),
    W("اربعه", KH_DW_CARD, 4, 0),
    W("اربع", KH_DW_CARD, 4, 0),
    W("خمسه", KH_DW_CARD, 5, 0),
    W("خمس", KH_DW_CARD, 5, 0),
    W("سته", KH_DW_CARD, 6, 0),
    W("ست", KH_DW_CARD, 6, 0),
    W("سبعه", KH_DW_CARD, 7, 0),
    W("سبع", KH_DW_CARD, 7, 0),
    W("ثمانيه", KH_DW_CARD, 8, 0),
    W("ثماني", KH_DW_CARD, 8, 0),
    W("ثمان", KH_DW_CARD, 8, 0),
    W("تسعه", KH_DW_CARD, 9, 0),
    W("تسع", KH_DW_CARD, 9, 0),
    W("عشره", KH_DW_CARD, 10, 0),
    W("عشر", KH_DW_CARD, 10, 0),

    W("العشرينيات", KH_DW_DECADE, 2, 0),
    W("العشرينات", KH_DW_DECADE, 2, 0),
    W("عشرينيات", KH_DW_DECADE, 2, 0),
    W("عشرينات", KH_DW_DECADE, 2, 0),
    W("الثلاثينيات", KH_DW_DECADE, 3, 0),
    W("الثلاثينات", KH_DW_DECADE, 3, 0),
    W("ثلاثينيات", KH_DW_DECADE, 3, 0),
    W("ثلاثينات", KH_DW_DECADE, 3, 0),
    W("الاربعينيات", KH_DW_DECADE, 4, 0),
    W("الاربعينات", KH_DW_DECADE, 4, 0),
    W("اربعينيات", KH_DW_DECADE, 4, 0),
    W("اربعينات", KH_DW_DECADE, 4, 0),
    W("الخمسينيات", KH_DW_DECADE, 5, 0),
    W("الخمسينات", KH_DW_DECADE, 5, 0),
    W("خمسينيات", KH_DW_DECADE, 5, 0),
    W("خمسينات", KH_DW_DECADE, 5, 0),
    W("الستينيات", KH_DW_DECADE, 6, 0),
    W("الستينات", KH_DW_DECADE, 6, 0),
    W("ستينيات", KH_DW_DECADE, 6, 0),
    W("ستينات", KH_DW_DECADE, 6, 0),
    W("السبعينيات", KH_DW_DECADE, 7, 0),
    W("السبعينات", KH_DW_DECADE, 7, 0),
    W("سبعينيات", KH_DW_DECADE, 7, 0),
    W("سبعينات", KH_DW_DECADE, 7, 0),
    W("الثمانينيات", KH_DW_DECADE, 8, 0),
    W("الثمانينات", KH_DW_DECADE, 8, 0),
    W("ثمانينيات", KH_DW_DECADE, 8, 0),
    W("ثمانينات", KH_DW_DECADE, 8, 0),
    W("التسعينيات", KH_DW_DECADE, 9, 0),
    W("التسعينات", KH_DW_DECADE, 9, 0),
    W("تسعينيات", KH_DW_DECADE, 9, 0),
    W("تسعينات", KH_DW_DECADE, 9, 0),

    W("عقد", KH_DW_DECADE_CUE, 0, 0),

    W("القرن", KH_DW_CENTURY, 0, 0),

    W("الاول", KH_DW_ORDINAL, 1, 0),
    W("الثاني", KH_DW_ORDINAL, 2, 0),
    W("الثالث", KH_DW_ORDINAL, 3, 0),
    W("الرابع", KH_DW_ORDINAL, 4, 0),
    W("الخامس", KH_DW_ORDINAL, 5, 0),
    W("السادس", KH_DW_ORDINAL, 6, 0),
    W("السابع", KH_DW_ORDINAL, 7, 0),
    W("الثامن", KH_DW_ORDINAL, 8, 0),
    W("التاسع", KH_DW_ORDINAL, 9, 0),
    W("العاشر", KH_DW_ORDINAL, 10, 0),
    W("الحادي", KH_DW_ORDINAL, 11, 0),
    W("العشرين", KH_DW_ORDINAL, 20, 0),
    W("الثلاثين", KH_DW_ORDINAL, 30, 0),
    W("الاولي", KH_DW_ORDINAL, 1, 0),
    W("اول", KH_DW_ORDINAL, 1, 0),

    W("في", KH_DW_PREP, KH_P_IN, 0),
    W("منذ", KH_DW_PREP, KH_P_SINCE, 0),
    W("حتي", KH_DW_PREP, KH_P_UNTIL, 0),
    W("خلال", KH_DW_PREP, KH_P_DURING, 0),
    W("طوال", KH_DW_PREP, KH_P_DURING, 0),
    W("مده", KH_DW_PREP, KH_P_DURING, 0),
    W("من", KH_DW_PREP, KH_P_FROM, 0),
    W("الي", KH_DW_PREP, KH_P_TO, 0),
    W("بين", KH_DW_PREP, KH_P_BETWEEN, 0),
    W("بعد", KH_DW_PREP, KH_P_AFTER, 0),
    W("قبل", KH_DW_PREP, KH_P_BEFORE, 0),

    W("نحو", KH_DW_APPROX, 0, 0),
    W("حوالي", KH_DW_APPROX, 0, 0),
    W("قرابه", KH_DW_APPROX, 0, 0),

    W("ه", KH_DW_CALMARK, 1, 0),
    W("هجري", KH_DW_CALMARK, 1, 0),
    W("هجريه", KH_DW_CALMARK, 1, 0),
    W("الهجري", KH_DW_CALMARK, 1, 0),
    W("الهجريه", KH_DW_CALMARK, 1, 0),
    W("الهجره", KH_DW_CALMARK, 1, 0),
    W("م", KH_DW_CALMARK, 2, 0),
    W("ميلادي", KH_DW_CALMARK, 2, 0),
    W("ميلاديه", KH_DW_CALMARK, 2, 0),
    W("الميلادي", KH_DW_CALMARK, 2, 0),
    W("الميلاديه", KH_DW_CALMARK, 2, 0),
    W("الميلاد", KH_DW_CALMARK, 2, 0),

    W("النصف", KH_DW_FRACTION, 30, 0),
    W("الربع", KH_DW_FRACTION, 15, 0),
    W("الثلث", KH_DW_FRACTION, 20, 0),

    W("الا", KH_DW_EXCEPT, 0, 0),

    W("ال", KH_DW_ART, 0, 0),

    W("و", KH_DW_AND, 0, 0),
};

#define N_WORDS (sizeof words / sizeof words[0])

const kh_dword *kh_dword_table(size_t *n)
{
    *n = N_WORDS;
    return words;
}

uint32_t kh_dword_hash(const char *s, size_t n)
{
    /* The length and the first and last eight bytes (all of them in a
     * short word): a hash in a few instructions, as most words looked up
     * are in no entry and should meet an empty slot at once. */
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        memcpy(&a, s, n);
    }
    a = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ n;
    a *= 0xFF51AFD7ED558CCDull;
    return (uint32_t)(a >> 32);
}

void kh_dword_index_init(kh_dword_index *ix)
{
    size_t k;
    memset(ix->slot, 0, sizeof ix->slot);
    for (k = 0; k < N_WORDS; k++) {
        uint32_t h = kh_dword_hash(words[k].s, words[k].len) &
                     (KH_DWORD_SLOTS - 1);
        while (ix->slot[h])
            h = (h + 1) & (KH_DWORD_SLOTS - 1);
        ix->slot[h] = (uint16_t)(k + 1);
    }
}

const kh_dword *kh_dword_lookup(const kh_dword_index *ix, const char *s,
                                size_t n)
{
    uint32_t h;
    if (n == 0 || n > KH_DWORD_MAX)
        return NULL;
    h = kh_dword_hash(s, n) & (KH_DWORD_SLOTS - 1);
    for (;;) {
        unsigned k = ix->slot[h];
        const kh_dword *w;
        if (!k)
            return NULL;
        w = &words[k - 1];
        if (w->len == n && memcmp(w->s, s, n) == 0)
            return w;
        h = (h + 1) & (KH_DWORD_SLOTS - 1);
    }
}
