/*
 * date_words.h - the words the date finder knows: month names of the three
 * Gregorian traditions and the Hijri calendar, weekdays, أمس and its kin,
 * units, cues and ordinals.
 *
 * Words are looked up by their folded form (dates.c): diacritics and
 * tatweel dropped, أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ئ -> ي, ؤ -> و, digits
 * ASCII. A word has one entry; a word with a second role (يوم is a unit and
 * the cue of يوم الاثنين) is told apart by the finder from its neighbours.
 */
#ifndef KH_DATE_WORDS_H
#define KH_DATE_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* What a word is. */
enum {
    KH_DW_GMONTH = 1,  /* Gregorian month, val 1..12 */
    KH_DW_GMONTH_HEAD, /* كانون (val 1), تشرين (val 2): needs الأول/الثاني */
    KH_DW_HMONTH,      /* Hijri month, val 1..12 */
    KH_DW_HMONTH_HEAD, /* ربيع (1), جمادى (2), ذو/ذي (3): needs a second word */
    KH_DW_WEEKDAY,     /* val 0 Sunday .. 6 Saturday */
    KH_DW_DEICTIC,     /* اليوم 0, أمس -1, غدا +1 (days from the pub date) */
    KH_DW_PERIOD,      /* الأسبوع, الشهر, العام, السنة: val KH_U_* */
    KH_DW_UNIT,        /* يوم, أيام, يومين ...: val KH_U_* */
    KH_DW_DUAL,        /* يومي, عامي, سنتي (two days of, two years): KH_U_* */
    KH_DW_DIR,         /* الماضي -1, المقبل +1, الجاري 0 */
    KH_DW_PART,        /* مطلع, منتصف, أواخر: val KHABAR_TIMEX_START.. */
    KH_DW_THIS,        /* هذا, هذه */
    KH_DW_HOURCUE,     /* الساعة */
    KH_DW_HOURWORD,    /* الواحدة .. العاشرة 1..10, الحادية 11 */
    KH_DW_DAYPART,     /* صباحا, مساء ...: val KH_DP_* */
    KH_DW_CARD,        /* ثلاثة, ثلاث ... val 1..10 */
    KH_DW_DECADE,      /* الثمانينيات ... val 2..9 */
    KH_DW_DECADE_CUE,  /* عقد */
    KH_DW_CENTURY,     /* القرن */
    KH_DW_ORDINAL,     /* الأول .. العاشر 1..10, الحادي 11, العشرين 20 */
    KH_DW_PREP,        /* في, منذ, من, إلى ...: val KH_P_* */
    KH_DW_APPROX,      /* نحو, حوالي */
    KH_DW_CALMARK,     /* هـ, هجري (val 1); م, ميلادي (val 2) */
    KH_DW_FRACTION,    /* النصف 30, الربع 15, الثلث 20 (minutes) */
    KH_DW_EXCEPT,      /* إلا */
    KH_DW_ART,         /* الـ written apart: الـ20 */
    KH_DW_AND          /* و written apart */
};

/* Units of time. */
enum {
    KH_U_DAY = 1, KH_U_WEEK, KH_U_MONTH, KH_U_YEAR, KH_U_HOUR, KH_U_MINUTE
};

/* Parts of the day. */
enum { KH_DP_AM = 1, KH_DP_NOON, KH_DP_PM, KH_DP_EVENING, KH_DP_NIGHT };

/* Prepositions and conjunctions that frame a date. */
enum {
    KH_P_IN = 1, KH_P_SINCE, KH_P_UNTIL, KH_P_DURING, KH_P_FROM, KH_P_TO,
    KH_P_BETWEEN, KH_P_AFTER, KH_P_BEFORE
};

/* Entry flags (aux). */
enum {
    KH_DW_AMBIG = 1u << 0,   /* also an ordinary word (مارس "he practised",
                                آب "father"): a date only with a cue */
    KH_DW_ONE = 1u << 1,     /* a unit in the singular: one of it */
    KH_DW_TWO = 1u << 2,     /* a unit in the dual: two of it */
    KH_DW_YEARCUE = 1u << 3  /* عام, سنة, العام, السنة: a year may follow */
};

typedef struct kh_dword {
    const char *s;  /* folded form */
    uint8_t len;    /* its bytes */
    uint8_t cls;    /* KH_DW_* */
    int8_t val;
    uint8_t aux;    /* KH_DW_AMBIG ... */
} kh_dword;

/* Longest word in the table, in bytes: longer keys need no lookup. */
#define KH_DWORD_MAX 32

/* Slots of the index: a power of two, about four per word, so that a word
 * not in the table most often meets an empty slot at once. */
#define KH_DWORD_SLOTS 1024

/* A hash index of the table, built by its user (no state is global). */
typedef struct kh_dword_index {
    uint16_t slot[KH_DWORD_SLOTS]; /* entry + 1, 0: empty */
} kh_dword_index;

void kh_dword_index_init(kh_dword_index *ix);

/* The entry of a folded word, or NULL. */
const kh_dword *kh_dword_lookup(const kh_dword_index *ix, const char *s,
                                size_t n);

/* The hash the index uses. */
uint32_t kh_dword_hash(const char *s, size_t n);

/* The table, for the tests: its entries and their count. */
const kh_dword *kh_dword_table(size_t *n);

#endif
