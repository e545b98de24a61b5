/*
 * quotes.c - the quote stage: quotations and reported speech, with who said
 * them, the verb or phrase that says so, and what was said (stage QUOTES).
 *
 * Arabic news attributes speech in a handful of shapes, and each is found
 * from the words' lemmas and clitic segmentation (وقال = و + قال), not from
 * lists of written forms; where the lemmatizer misses a form (بينت,
 * يقولون), person and number affixes are taken off the letters instead.
 *
 *   VSO, the common one       وقال الرئيس الروسي إن ...        (reported)
 *                             وأضاف الوزير: «...»              (direct)
 *   SVO                       بوتين قال إن ... / أما X فقال / X، الذي قال /
 *                             وكان X (قد) قال
 *   no subject                وأضاف أن ...   the previous quote's speaker,
 *                             where a clause starts, outside quotations,
 *                             and within RECENT sentences; with none, for
 *                             a verb in the masculine, the first person
 *                             named in the nearest sentence (this one or
 *                             NEAREST before) that names one
 *   a participle              ...، مشيرا إلى أن ...   the speaker of the
 *                             quote before it in the sentence; or of a
 *                             clause that says nothing, its actor or the
 *                             subject after its verb (غادرت فرح ...، قائلة)
 *   the quote first           «...»، قال الوزير.   (verbs of saying only)
 *                             «...» هذا ما قاله الوزير
 *   بقوله                      وعلق الوزير على القرار بقوله: «...»  (the
 *                             subject after the clause's verb)
 *   نقل عن X قوله             ونقلت الوكالة عن المتحدث قوله إن ...  (X speaks)
 *   جاء في بيان X             جاء في تصريحات الرئيس أن ...
 *   a source                  بحسب الكرملين / وفقا لـ... / حسبما قال ...:
 *                             the content is the clause before it, or after
 *                             it when it leads the sentence (بحسب X، فإن)
 *   أعرب عن, كشف عن            the content is what follows عن
 *
 * A cue verb needs its content within WINDOW tokens: the complementizer
 * إن/أن (also بأن, and إلى أن / على أن / من أن after أشار, أكد, حذر), a
 * colon, or an opening quotation mark; what lies between is the speaker,
 * cut where an occasion, a time, an addressee or a relative clause begins
 * (في تصريح, أمس, للجزيرة, الذي). Verbs that are also common nouns or
 * prepositions (بين, ذكر, رأى ...) count only where a verb stands: after
 * و/ف, كما, قد, a comma, or the sentence start. A short quotation after an
 * addressee or an opinion verb is a name (لوكالة "سانا", اعتبر فيلم "X"),
 * and أن after غير, بعد, قبل ... belongs to them, not to the cue.
 *
 * The content of a reported quote runs to the end of its sentence (or of
 * the quotation it is in), and ends where a continuation of the same
 * speaker starts (، وأضاف / ، مشيرا). Its span starts after the whole
 * complementizer token (أنه: after the pronoun).
 *
 * Quotation marks are paired per sentence with a stack: « », “ ”, „ “,
 * ‘ ’, ‹ ›, reversed »«, ”…” and ASCII quotes by the spaces around them.
 * A mark that never closes runs to the end of its sentence, no further.
 * Every scan is bounded by a window or by the sentence, and a sentence is
 * looked at in pieces of CHUNK tokens, so the stage is linear in time and
 * small in memory, whatever the input.
 */
#include "extract.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../tag/gazetteer.h"
#include "../text/utf8.h"

#define NONE SIZE_MAX
#define WINDOW 16     /* tokens from a cue to its content */
#define SVO_REACH 8   /* tokens of a subject before its verb */
#define SRC_REACH 12  /* tokens of a source after بحسب */
#define MARK_REACH 8  /* open marks a closing mark looks through */
#define RECENT 3      /* sentences a dropped subject reaches back */
#define NEAREST 2     /* ... to a person named, with no speaker before */
#define CHUNK 65536   /* tokens of a sentence looked at together: a longer
                         one (a megabyte of marks) goes in pieces, so the
                         stage's memory stays small */

/* ------------------------------------------------------------------------ */
/* Tables                                                                   */
/* ------------------------------------------------------------------------ */

/* How a key matches: the past stem (and the lemma), the imperfect stem
 * (after ي ت ن ا), the active participle (مشير for مشيرا). */
enum { FORM_PAST = 1, FORM_IMPF = 2, FORM_PART = 4, FORM_SRC = 8 };

/* Cue flags. */
enum {
    CF_VPOS = 1,  /* also a noun or a preposition: only where a verb stands */
    CF_QAIL = 2,  /* only with قائلا (ومضى قائلا) */
    CF_AN = 4,    /* the content may be what follows عن (أعرب عن) */
    CF_ILA = 8,   /* only with إلى before أن (لفت إلى أن) */
    CF_NAQL = 16, /* نقل عن X قوله: the speaker follows عن */
    CF_JAA = 32,  /* جاء في بيان X */
    CF_SAY = 64,  /* a verb of saying: a quotation may follow it without a
                     colon (وأضاف "..."), or come before it */
    CF_OPINION = 128, /* a verb of opinion: اعتبر X "Y" names, not quotes */
    CF_TO = 256      /* إلى أن, or no content (أشار إلى النقاط) */
};

typedef struct cue_def {
    const char *lemma; /* canonical lemma, as cue_lemma */
    unsigned flags;
} cue_def;

typedef struct cue_key {
    const char *key;   /* search-folded, see fold() */
    unsigned char len; /* bytes */
    unsigned char cue; /* enum cue_id */
    unsigned char forms;
} cue_key;

enum cue_id {
    Q_QALA,
    Q_ADAFA,
    Q_AKKADA,
    Q_AWDAHA,
    Q_DHAKARA,
    Q_ALANA,
    Q_ASHARA,
    Q_BAYYANA,
    Q_SHADDADA,
    Q_ITABARA,
    Q_RAA,
    Q_LAFATA,
    Q_NAFA,
    Q_KASHAFA,
    Q_SARRAHA,
    Q_HADHDHARA,
    Q_TABAA,
    Q_AFADA,
    Q_ARDAFA,
    Q_ZAAMA,
    Q_ITARAFA,
    Q_NAWWAHA,
    Q_ARABA,
    Q_ABBARA,
    Q_NAQALA,
    Q_RAJJAHA,
    Q_TAWAQQAA,
    Q_ABLAGHA,
    Q_ISTATRADA,
    Q_KHATAMA,
    Q_MADA,
    Q_IDDAA,
    Q_AQARRA,
    Q_ITAQADA,
    Q_KATABA,
    Q_JAA,
    Q_WARADA,
    Q_HASAB,
    Q_WIFQ,
    Q_TIBQ,
    Q_COUNT
};

static const cue_def cue_defs[Q_COUNT] = {
    {"قال", CF_SAY}, /* Q_QALA */
    {"أضاف", CF_SAY}, /* Q_ADAFA */
    {"أكد", 0}, /* Q_AKKADA */
    {"أوضح", 0}, /* Q_AWDAHA */
    {"ذكر", CF_VPOS}, /* Q_DHAKARA */
    {"أعلن", 0}, /* Q_ALANA */
    {"أشار", CF_TO}, /* Q_ASHARA */
    {"بين", CF_VPOS}, /* Q_BAYYANA */
    {"شدد", 0}, /* Q_SHADDADA */
    {"اعتبر", CF_OPINION}, /* Q_ITABARA */
    {"رأى", CF_VPOS | CF_OPINION}, /* Q_RAA */
    {"لفت", CF_VPOS | CF_ILA | CF_TO}, /* Q_LAFATA */
    {"نفى", CF_VPOS}, /* Q_NAFA */
    {"كشف", CF_VPOS | CF_AN}, /* Q_KASHAFA */
    {"صرح", CF_VPOS}, /* Q_SARRAHA */
    {"حذر", CF_VPOS}, /* Q_HADHDHARA */
    {"تابع", CF_VPOS | CF_SAY}, /* Q_TABAA */
    {"أفاد", 0}, /* Q_AFADA */
    {"أردف", CF_SAY}, /* Q_ARDAFA */
    {"زعم", CF_VPOS | CF_OPINION}, /* Q_ZAAMA */
    {"اعترف", 0}, /* Q_ITARAFA */
    {"نوه", CF_TO}, /* Q_NAWWAHA */
    {"أعرب", CF_AN}, /* Q_ARABA */
    {"عبر", CF_VPOS | CF_AN}, /* Q_ABBARA */
    {"نقل", CF_VPOS | CF_NAQL}, /* Q_NAQALA */
    {"رجح", CF_VPOS | CF_OPINION}, /* Q_RAJJAHA */
    {"توقع", CF_VPOS | CF_OPINION}, /* Q_TAWAQQAA */
    {"أبلغ", 0}, /* Q_ABLAGHA */
    {"استطرد", CF_SAY}, /* Q_ISTATRADA */
    {"ختم", CF_QAIL | CF_SAY}, /* Q_KHATAMA */
    {"مضى", CF_QAIL | CF_SAY}, /* Q_MADA */
    {"ادعى", 0}, /* Q_IDDAA */
    {"أقر", 0}, /* Q_AQARRA */
    {"اعتقد", CF_VPOS | CF_OPINION}, /* Q_ITAQADA */
    {"كتب", CF_VPOS}, /* Q_KATABA */
    {"جاء", CF_JAA}, /* Q_JAA */
    {"ورد", CF_JAA}, /* Q_WARADA */
    {"حسب", 0}, /* Q_HASAB */
    {"وفق", 0}, /* Q_WIFQ */
    {"طبق", 0}, /* Q_TIBQ */
};

/* Sorted by bytes (a test looks every one up). */
static const cue_key cue_keys[] = {
    {"ابلغ", 8, Q_ABLAGHA, FORM_PAST},
    {"ادعي", 8, Q_IDDAA, FORM_PAST},
    {"اردف", 8, Q_ARDAFA, FORM_PAST},
    {"استطرد", 12, Q_ISTATRADA, FORM_PAST},
    {"اشار", 8, Q_ASHARA, FORM_PAST},
    {"اضاف", 8, Q_ADAFA, FORM_PAST},
    {"اعتبر", 10, Q_ITABARA, FORM_PAST},
    {"اعترف", 10, Q_ITARAFA, FORM_PAST},
    {"اعتقد", 10, Q_ITAQADA, FORM_PAST},
    {"اعرب", 8, Q_ARABA, FORM_PAST},
    {"اعلن", 8, Q_ALANA, FORM_PAST},
    {"افاد", 8, Q_AFADA, FORM_PAST},
    {"اقر", 6, Q_AQARRA, FORM_PAST},
    {"اكد", 6, Q_AKKADA, FORM_PAST},
    {"اوضح", 8, Q_AWDAHA, FORM_PAST},
    {"بلغ", 6, Q_ABLAGHA, FORM_IMPF},
    {"بين", 6, Q_BAYYANA, FORM_PAST | FORM_IMPF},
    {"تابع", 8, Q_TABAA, FORM_PAST | FORM_IMPF},
    {"توقع", 8, Q_TAWAQQAA, FORM_PAST | FORM_IMPF},
    {"جاء", 6, Q_JAA, FORM_PAST},
    {"حذر", 6, Q_HADHDHARA, FORM_PAST | FORM_IMPF},
    {"ختم", 6, Q_KHATAMA, FORM_PAST | FORM_IMPF},
    {"ذكر", 6, Q_DHAKARA, FORM_PAST | FORM_IMPF},
    {"راي", 6, Q_RAA, FORM_PAST},
    {"رجح", 6, Q_RAJJAHA, FORM_PAST | FORM_IMPF},
    {"ردف", 6, Q_ARDAFA, FORM_IMPF},
    {"ري", 4, Q_RAA, FORM_IMPF},
    {"زعم", 6, Q_ZAAMA, FORM_PAST | FORM_IMPF},
    {"ستطرد", 10, Q_ISTATRADA, FORM_IMPF},
    {"شدد", 6, Q_SHADDADA, FORM_PAST | FORM_IMPF},
    {"شير", 6, Q_ASHARA, FORM_IMPF},
    {"صرح", 6, Q_SARRAHA, FORM_PAST | FORM_IMPF},
    {"ضيف", 6, Q_ADAFA, FORM_IMPF},
    {"عبر", 6, Q_ABBARA, FORM_PAST | FORM_IMPF},
    {"عتبر", 8, Q_ITABARA, FORM_IMPF},
    {"عترف", 8, Q_ITARAFA, FORM_IMPF},
    {"عتقد", 8, Q_ITAQADA, FORM_IMPF},
    {"عرب", 6, Q_ARABA, FORM_IMPF},
    {"علن", 6, Q_ALANA, FORM_IMPF},
    {"فيد", 6, Q_AFADA, FORM_IMPF},
    {"قال", 6, Q_QALA, FORM_PAST},
    {"قايل", 8, Q_QALA, FORM_PART},
    {"قول", 6, Q_QALA, FORM_IMPF},
    {"كاشف", 8, Q_KASHAFA, FORM_PART},
    {"كتب", 6, Q_KATABA, FORM_PAST | FORM_IMPF},
    {"كشف", 6, Q_KASHAFA, FORM_PAST | FORM_IMPF},
    {"لافت", 8, Q_LAFATA, FORM_PART},
    {"لفت", 6, Q_LAFATA, FORM_PAST | FORM_IMPF},
    {"مبين", 8, Q_BAYYANA, FORM_PART},
    {"متوقع", 10, Q_TAWAQQAA, FORM_PART},
    {"محذر", 8, Q_HADHDHARA, FORM_PART},
    {"مرجح", 8, Q_RAJJAHA, FORM_PART},
    {"مشدد", 8, Q_SHADDADA, FORM_PART},
    {"مشير", 8, Q_ASHARA, FORM_PART},
    {"مضي", 6, Q_MADA, FORM_PAST | FORM_IMPF},
    {"مضيف", 8, Q_ADAFA, FORM_PART},
    {"معبر", 8, Q_ABBARA, FORM_PART},
    {"معتبر", 10, Q_ITABARA, FORM_PART},
    {"معرب", 8, Q_ARABA, FORM_PART},
    {"معلن", 8, Q_ALANA, FORM_PART},
    {"منوه", 8, Q_NAWWAHA, FORM_PART},
    {"موضح", 8, Q_AWDAHA, FORM_PART},
    {"موكد", 8, Q_AKKADA, FORM_PART},
    {"نافي", 8, Q_NAFA, FORM_PART},
    {"نفي", 6, Q_NAFA, FORM_PAST | FORM_IMPF},
    {"نقل", 6, Q_NAQALA, FORM_PAST | FORM_IMPF},
    {"نوه", 6, Q_NAWWAHA, FORM_PAST | FORM_IMPF},
    {"ورد", 6, Q_WARADA, FORM_PAST},
    {"وضح", 6, Q_AWDAHA, FORM_IMPF},
    {"وكد", 6, Q_AKKADA, FORM_IMPF},
};

/* Word classes: particles that shape an attribution, and words that end a
 * speaker phrase (TF_*). Keys are search-folded. */
enum {
    K_NONE = 0,
    K_COMP,   /* إن أن: the complementizer */
    K_CONN,   /* إلى على من before أن */
    K_AN,     /* عن */
    K_QAD,    /* قد */
    K_AMMA,   /* أما */
    K_MA,     /* ما (بحسب ما ذكر) */
    K_FI,     /* في */
    K_QAWL,   /* قول (نقل عنه قوله) */
    K_VLEAD,  /* كما فيما ثم ...: a verb may follow */
    K_HASAB,  /* حسب */
    K_WIFQ,   /* وفق وفقا */
    K_TIBQ,   /* طبقا */
    K_NAQLAN, /* نقلا */
    /* punctuation, set from the token */
    K_PUNCT,
    K_COLON,
    K_TERM    /* . ! ? ؟ … */
};

enum {
    TF_CUT = 1,      /* ends a speaker: أمس, الذي, حول ... */
    TF_MEDIA = 2,    /* after ل, ends a speaker: للجزيرة, لوكالة */
    TF_EVENT = 4,    /* في تصريح: the occasion; جاء في بيان */
    TF_OCCASION = 8, /* في وقت سابق, في ختام */
    TF_SOURCE = 16,  /* a source noun after بحسب: مصادر, وكالة */
    TF_IMPERS = 32,  /* يذكر أن: impersonal, no speaker */
    /* set from the token */
    TF_NOVERB = 64,  /* no cue verb after it: تم كشف, عدم ذكر, دون ذكر */
    /* set from the token */
    TF_DEF = 128,    /* starts with the article */
    TF_PRONL = 256,  /* ل + a pronoun: لي, له, لها */
    TF_ENCL = 512,   /* has a pronoun suffix: ذكرها */
    TF_FIRST = 1024, /* first person: نرى, أعتقد */
    TF_REL = 2048,   /* a relative pronoun: الذي قال */
    TF_MA = 4096,    /* حسبما, وفقما: ما is in the token */
    TF_NOCOMP = 8192, /* أن after it is not a cue's (غير أن, بعد أن) */
    TF_DEM = 16384,  /* a demonstrative: هذا المسؤول is a speaker */
    TF_PASSIVE = 32768 /* a cue's passive, no cue: يضاف إليه (is added) */
};

typedef struct word_class {
    const char *key;
    unsigned char len;
    unsigned char kind;
    unsigned short flags;
} word_class;

static const word_class word_classes[] = {
    {"اتصال", 10, K_NONE, TF_EVENT},
    {"اثناء", 10, K_NONE, TF_CUT},
    {"اجتماع", 12, K_NONE, TF_EVENT},
    {"احتفال", 12, K_NONE, TF_OCCASION},
    {"احصاءات", 14, K_NONE, TF_SOURCE},
    {"احصاييات", 16, K_NONE, TF_SOURCE},
    {"اذ", 4, K_VLEAD, 0},
    {"اذاعه", 10, K_NONE, TF_MEDIA},
    {"ارقام", 10, K_NONE, TF_SOURCE},
    {"استطلاع", 14, K_NONE, TF_SOURCE},
    {"اطار", 8, K_NONE, TF_OCCASION},
    {"اعقاب", 10, K_NONE, TF_OCCASION},
    {"اعلام", 10, K_NONE, TF_SOURCE},
    {"اعلان", 10, K_NONE, TF_EVENT},
    {"افاده", 10, K_NONE, TF_EVENT},
    {"الا", 6, K_NONE, TF_NOCOMP},
    {"الاثنين", 14, K_NONE, TF_CUT},
    {"الاحد", 10, K_NONE, TF_CUT},
    {"الاربعاء", 16, K_NONE, TF_CUT},
    {"الان", 8, K_NONE, TF_CUT},
    {"التي", 8, K_NONE, TF_CUT | TF_REL},
    {"الثلاثاء", 16, K_NONE, TF_CUT},
    {"الجمعه", 12, K_NONE, TF_CUT},
    {"الخميس", 12, K_NONE, TF_CUT},
    {"الذي", 8, K_NONE, TF_CUT | TF_REL},
    {"الذين", 10, K_NONE, TF_CUT | TF_REL},
    {"السبت", 10, K_NONE, TF_CUT},
    {"الصحافيين", 18, K_NONE, TF_CUT},
    {"الصحفيين", 16, K_NONE, TF_CUT},
    {"اللاتي", 12, K_NONE, TF_CUT | TF_REL},
    {"اللتان", 12, K_NONE, TF_CUT | TF_REL},
    {"اللتين", 12, K_NONE, TF_CUT | TF_REL},
    {"اللذان", 12, K_NONE, TF_CUT | TF_REL},
    {"اللذين", 12, K_NONE, TF_CUT | TF_REL},
    {"اللواتي", 14, K_NONE, TF_CUT | TF_REL},
    {"الليله", 12, K_NONE, TF_CUT},
    {"المراسلين", 18, K_NONE, TF_CUT},
    {"الي", 6, K_CONN, 0},
    {"اليوم", 10, K_NONE, TF_CUT},
    {"اما", 6, K_AMMA, 0},
    {"امام", 8, K_NONE, TF_CUT},
    {"امس", 6, K_NONE, TF_CUT},
    {"ان", 4, K_COMP, 0},
    {"انذاك", 10, K_NONE, TF_CUT},
    {"انستغرام", 16, K_NONE, TF_MEDIA},
    {"اوليك", 10, K_NONE, TF_DEM},
    {"ايضا", 8, K_NONE, TF_CUT},
    {"بالرغم", 12, K_NONE, TF_NOCOMP},
    {"بدايه", 10, K_NONE, TF_OCCASION},
    {"بعد", 6, K_NONE, TF_CUT | TF_NOCOMP},
    {"بعدما", 10, K_VLEAD, 0},
    {"بل", 4, K_VLEAD, 0},
    {"بلاغ", 8, K_NONE, TF_EVENT | TF_SOURCE},
    {"بما", 6, K_NONE, TF_NOCOMP},
    {"بي", 4, K_NONE, TF_MEDIA},
    {"بيان", 8, K_NONE, TF_EVENT | TF_SOURCE},
    {"بيانات", 12, K_NONE, TF_EVENT | TF_SOURCE},
    {"بيد", 6, K_NONE, TF_NOCOMP},
    {"بينما", 10, K_VLEAD, 0},
    {"تبين", 8, K_NONE, TF_IMPERS},
    {"تدوينه", 12, K_NONE, TF_EVENT},
    {"تسجيل", 10, K_NONE, TF_EVENT},
    {"تصريح", 10, K_NONE, TF_EVENT},
    {"تصريحات", 14, K_NONE, TF_EVENT},
    {"تضاف", 8, K_NONE, TF_PASSIVE},
    {"تعقيب", 10, K_NONE, TF_OCCASION},
    {"تعليق", 10, K_NONE, TF_EVENT},
    {"تعليقا", 12, K_NONE, TF_CUT},
    {"تغريدات", 14, K_NONE, TF_EVENT},
    {"تغريده", 12, K_NONE, TF_EVENT},
    {"تقارير", 12, K_NONE, TF_SOURCE},
    {"تقديرات", 14, K_NONE, TF_SOURCE},
    {"تقرير", 10, K_NONE, TF_EVENT | TF_SOURCE},
    {"تلغرام", 12, K_NONE, TF_MEDIA},
    {"تلفزيون", 14, K_NONE, TF_MEDIA},
    {"تلك", 6, K_NONE, TF_DEM},
    {"تم", 4, K_NONE, TF_NOVERB},
    {"تمت", 6, K_NONE, TF_NOVERB},
    {"تويتر", 10, K_NONE, TF_MEDIA},
    {"تيليغرام", 16, K_NONE, TF_MEDIA},
    {"ثانيه", 10, K_NONE, TF_CUT}, /* ثانية: again */
    {"ثم", 4, K_VLEAD, 0},
    {"جانب", 8, K_NONE, TF_CUT}, /* من جانبه */
    {"جزيره", 10, K_NONE, TF_MEDIA},
    {"جلسه", 8, K_NONE, TF_EVENT},
    {"جيش", 6, K_NONE, TF_SOURCE},
    {"حتي", 6, K_NONE, TF_NOCOMP},
    {"حديث", 8, K_NONE, TF_EVENT},
    {"حساب", 8, K_NONE, TF_EVENT | TF_MEDIA},
    {"حسب", 6, K_HASAB, 0},
    {"حفل", 6, K_NONE, TF_OCCASION},
    {"حكومه", 10, K_NONE, TF_SOURCE},
    {"حوار", 8, K_NONE, TF_EVENT},
    {"حول", 6, K_NONE, TF_CUT},
    {"حيث", 6, K_VLEAD, 0},
    {"حين", 6, K_VLEAD, TF_CUT}, /* حينها: then, no speaker */
    {"حينذاك", 12, K_NONE, TF_CUT},
    {"خبراء", 10, K_NONE, TF_SOURCE},
    {"ختام", 8, K_NONE, TF_OCCASION},
    {"خطاب", 8, K_NONE, TF_EVENT},
    {"خلال", 8, K_NONE, TF_CUT},
    {"داخل", 8, K_NONE, TF_CUT},
    {"دراسه", 10, K_NONE, TF_SOURCE},
    {"دون", 6, K_NONE, TF_NOCOMP | TF_NOVERB},
    {"ديوان", 10, K_NONE, TF_SOURCE},
    {"ذات", 6, K_NONE, TF_CUT},
    {"ذاك", 6, K_NONE, TF_DEM},
    {"ذلك", 6, K_NONE, TF_DEM},
    {"رد", 4, K_NONE, TF_OCCASION},
    {"ردا", 6, K_NONE, TF_CUT},
    {"رساله", 10, K_NONE, TF_EVENT},
    {"رسايل", 10, K_NONE, TF_EVENT},
    {"رغم", 6, K_NONE, TF_NOCOMP | TF_CUT},
    {"رويترز", 12, K_NONE, TF_MEDIA},
    {"رياسه", 10, K_NONE, TF_SOURCE},
    {"سكان", 8, K_NONE, TF_SOURCE},
    {"سلطات", 10, K_NONE, TF_SOURCE},
    {"سياق", 8, K_NONE, TF_OCCASION},
    {"شان", 6, K_NONE, TF_CUT},
    {"شبكه", 8, K_NONE, TF_MEDIA | TF_SOURCE},
    {"شرطه", 8, K_NONE, TF_SOURCE},
    {"شريط", 8, K_NONE, TF_EVENT},
    {"شهود", 8, K_NONE, TF_SOURCE},
    {"صباح", 8, K_NONE, TF_CUT},
    {"صباحا", 10, K_NONE, TF_CUT},
    {"صحافه", 10, K_NONE, TF_MEDIA},
    {"صحافي", 10, K_NONE, TF_MEDIA},
    {"صحافيين", 14, K_NONE, TF_MEDIA},
    {"صحف", 6, K_NONE, TF_SOURCE},
    {"صحفي", 8, K_NONE, TF_MEDIA},
    {"صحفيين", 12, K_NONE, TF_MEDIA},
    {"صحيفه", 10, K_NONE, TF_MEDIA | TF_SOURCE},
    {"صفحه", 8, K_NONE, TF_EVENT | TF_MEDIA},
    {"طبقا", 8, K_TIBQ, 0},
    {"ظهر", 6, K_NONE, TF_CUT},
    {"عدم", 6, K_NONE, TF_NOVERB},
    {"عقب", 6, K_NONE, TF_CUT},
    {"علي", 6, K_CONN, 0},
    {"عن", 4, K_AN, TF_CUT},
    {"عند", 6, K_NONE, TF_CUT},
    {"عندما", 10, K_VLEAD, 0},
    {"غدا", 6, K_NONE, TF_CUT},
    {"غداه", 8, K_NONE, TF_CUT},
    {"غير", 6, K_NONE, TF_NOCOMP},
    {"فرانس", 10, K_NONE, TF_MEDIA},
    {"في", 4, K_FI, 0},
    {"فيسبوك", 12, K_NONE, TF_MEDIA},
    {"فيما", 8, K_VLEAD, 0},
    {"قبل", 6, K_NONE, TF_CUT | TF_NOCOMP},
    {"قبيل", 8, K_NONE, TF_CUT},
    {"قد", 4, K_QAD, 0},
    {"قناه", 8, K_NONE, TF_MEDIA | TF_SOURCE},
    {"قول", 6, K_QAWL, 0},
    {"كذلك", 8, K_VLEAD, TF_CUT},
    {"كتاب", 8, K_NONE, TF_EVENT},
    {"كلمه", 8, K_NONE, TF_EVENT},
    {"كما", 6, K_VLEAD, TF_NOCOMP},
    {"لدي", 6, K_NONE, TF_CUT},
    {"لقاء", 8, K_NONE, TF_EVENT},
    {"لك", 4, K_NONE, TF_CUT},
    {"لكم", 6, K_NONE, TF_CUT},
    {"لكن", 6, K_VLEAD, 0},
    {"لم", 4, K_NONE, TF_NOVERB},
    {"لن", 4, K_NONE, TF_NOVERB},
    {"لنا", 6, K_NONE, TF_CUT},
    {"له", 4, K_NONE, TF_CUT},
    {"لها", 6, K_NONE, TF_CUT},
    {"لهم", 6, K_NONE, TF_CUT},
    {"لهما", 8, K_NONE, TF_CUT},
    {"لو", 4, K_NONE, TF_NOCOMP},
    {"لي", 4, K_NONE, TF_CUT},
    {"ما", 4, K_MA, 0},
    {"متحدث", 10, K_NONE, TF_SOURCE},
    {"متحدثا", 12, K_NONE, TF_CUT},
    {"مبعوث", 10, K_NONE, TF_MEDIA}, /* قال لمبعوث الإذاعة */
    {"مجددا", 10, K_NONE, TF_CUT},
    {"مجله", 8, K_NONE, TF_MEDIA},
    {"محللين", 12, K_NONE, TF_SOURCE},
    {"مداخله", 12, K_NONE, TF_EVENT},
    {"مذكره", 10, K_NONE, TF_EVENT},
    {"مراسل", 10, K_NONE, TF_MEDIA | TF_SOURCE},
    {"مراسله", 12, K_NONE, TF_MEDIA | TF_SOURCE},
    {"مراسلين", 14, K_NONE, TF_MEDIA},
    {"مراقبين", 14, K_NONE, TF_SOURCE},
    {"مرصد", 8, K_NONE, TF_SOURCE},
    {"مساء", 8, K_NONE, TF_CUT},
    {"مستهل", 10, K_NONE, TF_OCCASION},
    {"مسعفين", 12, K_NONE, TF_SOURCE},
    {"مسوول", 10, K_NONE, TF_SOURCE},
    {"مسوولون", 14, K_NONE, TF_SOURCE},
    {"مسوولين", 14, K_NONE, TF_SOURCE},
    {"مصادر", 10, K_NONE, TF_SOURCE},
    {"مصدر", 8, K_NONE, TF_SOURCE},
    {"مع", 4, K_NONE, TF_NOCOMP},
    {"معرض", 8, K_NONE, TF_OCCASION},
    {"معطيات", 12, K_NONE, TF_SOURCE},
    {"مقابله", 12, K_NONE, TF_EVENT},
    {"مناسبه", 12, K_NONE, TF_CUT},
    {"مقدمه", 10, K_NONE, TF_OCCASION},
    {"مكتب", 8, K_NONE, TF_SOURCE},
    {"من", 4, K_CONN, 0},
    {"منذ", 6, K_NONE, TF_CUT | TF_NOCOMP},
    {"منشور", 10, K_NONE, TF_EVENT},
    {"منصه", 8, K_NONE, TF_MEDIA},
    {"منظمه", 10, K_NONE, TF_SOURCE},
    {"موتمر", 10, K_NONE, TF_EVENT},
    {"موقع", 8, K_NONE, TF_MEDIA | TF_SOURCE},
    {"ناشطون", 12, K_NONE, TF_SOURCE},
    {"ناشطين", 12, K_NONE, TF_SOURCE},
    {"ندوه", 8, K_NONE, TF_EVENT},
    {"نص", 4, K_NONE, TF_EVENT},
    {"نقلا", 8, K_NAQLAN, 0},
    {"نهايه", 10, K_NONE, TF_OCCASION},
    {"هاتين", 10, K_NONE, TF_DEM},
    {"هذا", 6, K_NONE, TF_DEM},
    {"هذه", 6, K_NONE, TF_DEM},
    {"هذين", 8, K_NONE, TF_DEM},
    {"هولاء", 10, K_NONE, TF_DEM},
    {"هييه", 8, K_NONE, TF_SOURCE},
    {"وثيقه", 10, K_NONE, TF_EVENT},
    {"وزاره", 10, K_NONE, TF_SOURCE},
    {"وسايل", 10, K_NONE, TF_MEDIA | TF_SOURCE},
    {"وفق", 6, K_WIFQ, 0},
    {"وفقا", 8, K_WIFQ, 0},
    {"وقت", 6, K_NONE, TF_OCCASION},
    {"وقتما", 10, K_VLEAD, 0},
    {"وكالات", 12, K_NONE, TF_MEDIA | TF_SOURCE},
    {"وكاله", 10, K_NONE, TF_MEDIA | TF_SOURCE},
    {"يبدو", 8, K_NONE, TF_IMPERS},
    {"يتم", 6, K_NONE, TF_NOVERB},
    {"يتوقع", 10, K_NONE, TF_IMPERS},
    {"يجب", 6, K_NONE, TF_NOCOMP},
    {"يدعي", 8, K_NONE, TF_IMPERS},
    {"يذكر", 8, K_NONE, TF_IMPERS},
    {"يرجح", 8, K_NONE, TF_IMPERS},
    {"يري", 6, K_NONE, TF_IMPERS},
    {"يسمي", 8, K_NONE, TF_IMPERS},
    {"يشار", 8, K_NONE, TF_IMPERS},
    {"يضاف", 8, K_NONE, TF_PASSIVE},
    {"يعتبر", 10, K_NONE, TF_IMPERS},
    {"يعتقد", 10, K_NONE, TF_IMPERS},
    {"يعلم", 8, K_NONE, TF_IMPERS},
    {"يفترض", 10, K_NONE, TF_IMPERS},
    {"يقال", 8, K_NONE, TF_PASSIVE},
    {"يلاحظ", 10, K_NONE, TF_IMPERS},
    {"يمكن", 8, K_NONE, TF_NOCOMP},
    {"ينبغي", 10, K_NONE, TF_NOCOMP},
    {"ينظر", 8, K_NONE, TF_IMPERS},
    {"يوتيوب", 12, K_NONE, TF_MEDIA},
    {"يوم", 6, K_NONE, TF_CUT},
};

/* ------------------------------------------------------------------------ */
/* Strings                                                                  */
/* ------------------------------------------------------------------------ */

/* What search folding does with the letter 0xD8 d (fold_how[0][d]) or
 * 0xD9 d (fold_how[1][d]): keep it, drop it, or write fold_to[]. */
enum { FO_KEEP, FO_DROP, FO_ALEF, FO_WAW, FO_YEH, FO_HEH };

static const unsigned char fold_how[2][256] = {
    {[0xA2] = FO_ALEF, [0xA3] = FO_ALEF, [0xA4] = FO_WAW, [0xA5] = FO_ALEF,
     [0xA6] = FO_YEH, [0xA9] = FO_HEH},
    {[0x80] = FO_DROP, [0x89] = FO_YEH, [0x8B] = FO_DROP, [0x8C] = FO_DROP,
     [0x8D] = FO_DROP, [0x8E] = FO_DROP, [0x8F] = FO_DROP, [0x90] = FO_DROP,
     [0x91] = FO_DROP, [0x92] = FO_DROP, [0xB0] = FO_DROP, [0xB1] = FO_ALEF}};

static const unsigned char fold_to[][2] = {
    {0, 0}, {0, 0}, {0xD8, 0xA7}, {0xD9, 0x88}, {0xD9, 0x8A}, {0xD9, 0x87}};

/* Search folding of UTF-8 bytes into out: أ إ آ ٱ -> ا, ؤ -> و, ئ ى -> ي,
 * ة -> ه; harakat, dagger alef and tatweel dropped. Returns the length, or
 * SIZE_MAX when out is too small (no key is that long). This runs on every
 * word: the letters are looked up in fold_how rather than compared one by
 * one, and since the output is never longer than the input read so far, an
 * input that fits in out needs no check of room. */
static size_t fold(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    if (n <= cap) {
        while (i + 1 < n) {
            unsigned c = u[i], d = u[i + 1], how;
            if ((c & 0xFE) != 0xD8) { /* not 0xD8 or 0xD9 */
                out[o++] = (char)c;
                i++;
                continue;
            }
            how = fold_how[c & 1][d];
            i += 2;
            if (how == FO_KEEP) {
                out[o] = (char)c;
                out[o + 1] = (char)d;
                o += 2;
            } else if (how != FO_DROP) {
                out[o] = (char)fold_to[how][0];
                out[o + 1] = (char)fold_to[how][1];
                o += 2;
            }
        }
        if (i < n)
            out[o++] = (char)u[i];
        return o;
    }
    while (i < n) {
        unsigned char c = u[i];
        if ((c & 0xFE) == 0xD8 && i + 1 < n) {
            unsigned char d = u[i + 1];
            int how = fold_how[c & 1][d];
            i += 2;
            if (how == FO_DROP)
                continue;
            if (o + 2 > cap)
                return SIZE_MAX;
            if (how != FO_KEEP) {
                c = fold_to[how][0];
                d = fold_to[how][1];
            }
            out[o] = (char)c;
            out[o + 1] = (char)d;
            o += 2;
            continue;
        }
        if (o + 1 > cap)
            return SIZE_MAX;
        out[o++] = (char)c;
        i++;
    }
    return o;
}

/* ------------------------------------------------------------------------ */
/* Table lookup                                                             */
/* ------------------------------------------------------------------------ */

/* The keys of cue_keys and word_classes are found through open-addressing
 * hash indexes that kh_quotes builds on its stack once per call (a few
 * hundred keys): every word is looked up several times, and a binary search
 * took a third of the stage. */
#define N_CLASSES (sizeof word_classes / sizeof word_classes[0])
#define N_CUE_KEYS (sizeof cue_keys / sizeof cue_keys[0])
#define CLASS_BITS 10
#define CUE_BITS 9

/* At most a quarter full, so that a word not in a table (most) meets an
 * empty slot at once. */
_Static_assert(N_CLASSES <= (1u << CLASS_BITS) / 4, "word_classes index full");
_Static_assert(N_CUE_KEYS <= (1u << CUE_BITS) / 4, "cue_keys index full");

typedef struct key_index {
    uint16_t cls[1u << CLASS_BITS]; /* word_classes index + 1, or 0 */
    uint8_t cue[1u << CUE_BITS];    /* cue_keys index + 1, or 0 */
    size_t cls_min, cls_max;        /* key lengths in word_classes */
    size_t cue_min, cue_max;        /* ... in cue_keys */
} key_index;

/* The slot of a key of n bytes: from its length, its first, second and
 * last two letters' second bytes (keys are Arabic letters, 2 bytes each). */
static unsigned key_hash(const char *s, size_t n, unsigned bits)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t v = (uint32_t)n;
    if (n >= 4)
        v ^= (uint32_t)u[1] << 8 ^ (uint32_t)u[3] << 16 ^
             (uint32_t)u[n - 1] << 24 ^ (uint32_t)u[n - 3] << 4;
    return (unsigned)((v * 0x9E3779B1u) & 0xFFFFFFFFu) >> (32 - bits);
}

/* Keys are a few letters, so a loop beats a call to memcmp. */
static int key_eq(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (a[i] != b[i])
            return 0;
    }
    return 1;
}

static void index_keys(key_index *ix)
{
    const unsigned cmask = (1u << CLASS_BITS) - 1;
    const unsigned kmask = (1u << CUE_BITS) - 1;
    size_t i;
    memset(ix, 0, sizeof *ix);
    ix->cls_min = ix->cue_min = SIZE_MAX;
    for (i = 0; i < N_CLASSES; i++) {
        const word_class *c = &word_classes[i];
        unsigned h = key_hash(c->key, c->len, CLASS_BITS);
        while (ix->cls[h]) {
            const word_class *o = &word_classes[ix->cls[h] - 1];
            if (o->len == c->len && key_eq(o->key, c->key, c->len))
                break; /* a key twice: the later one counts */
            h = (h + 1) & cmask;
        }
        ix->cls[h] = (uint16_t)(i + 1);
        if (c->len < ix->cls_min)
            ix->cls_min = c->len;
        if (c->len > ix->cls_max)
            ix->cls_max = c->len;
    }
    for (i = 0; i < N_CUE_KEYS; i++) {
        const cue_key *k = &cue_keys[i];
        unsigned h = key_hash(k->key, k->len, CUE_BITS);
        while (ix->cue[h]) {
            const cue_key *o = &cue_keys[ix->cue[h] - 1];
            if (o->len == k->len && key_eq(o->key, k->key, k->len))
                break;
            h = (h + 1) & kmask;
        }
        ix->cue[h] = (uint8_t)(i + 1);
        if (k->len < ix->cue_min)
            ix->cue_min = k->len;
        if (k->len > ix->cue_max)
            ix->cue_max = k->len;
    }
}

static const cue_key *find_cue(const key_index *ix, const char *s, size_t n)
{
    unsigned h, e;
    if (n < ix->cue_min || n > ix->cue_max)
        return NULL;
    for (h = key_hash(s, n, CUE_BITS); (e = ix->cue[h]) != 0;
         h = (h + 1) & ((1u << CUE_BITS) - 1)) {
        const cue_key *k = &cue_keys[e - 1];
        if (k->len == n && key_eq(k->key, s, n))
            return k;
    }
    return NULL;
}

static const word_class *find_class(const key_index *ix, const char *s,
                                    size_t n)
{
    unsigned h, e;
    if (n < ix->cls_min || n > ix->cls_max)
        return NULL;
    for (h = key_hash(s, n, CLASS_BITS); (e = ix->cls[h]) != 0;
         h = (h + 1) & ((1u << CLASS_BITS) - 1)) {
        const word_class *c = &word_classes[e - 1];
        if (c->len == n && key_eq(c->key, s, n))
            return c;
    }
    return NULL;
}

static int has_prefix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static int has_suffix(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* The single code point of a short token, or 0. */
static uint32_t one_cp(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 1 && u[0] < 0x80)
        return u[0];
    if (n == 2 && (u[0] & 0xE0) == 0xC0 && (u[1] & 0xC0) == 0x80)
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    if (n == 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80)
        return ((uint32_t)(u[0] & 0x0F) << 12) |
               ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Tokens of a sentence                                                     */
/* ------------------------------------------------------------------------ */

/* Quotation marks. */
enum {
    MK_NONE = 0, MK_GUIL_L, MK_GUIL_R, MK_DQ_L, MK_DQ_R, MK_DQ_LOW,
    MK_SQ_L, MK_SQ_R, MK_ANG_L, MK_ANG_R, MK_ASCII2, MK_ASCII1
};

static int mark_of(uint32_t cp)
{
    switch (cp) {
    case 0xAB: return MK_GUIL_L;   /* « */
    case 0xBB: return MK_GUIL_R;   /* » */
    case 0x201C: return MK_DQ_L;   /* “ */
    case 0x201D: return MK_DQ_R;   /* ” */
    case 0x2033: return MK_DQ_R;   /* ″, for ” in some scraped news */
    case 0x201E: return MK_DQ_LOW; /* „ */
    case 0x2018: return MK_SQ_L;   /* ‘ */
    case 0x2019: return MK_SQ_R;   /* ’ */
    case 0x2039: return MK_ANG_L;  /* ‹ */
    case 0x203A: return MK_ANG_R;  /* › */
    case '"': return MK_ASCII2;
    case '\'': return MK_ASCII1;
    default: return MK_NONE;
    }
}

/* Whether an opening mark o is closed by c. Reversed guillemets (»...«)
 * and ”...” with the same mark on both sides are common in Arabic text. */
static int closes(int o, int c)
{
    switch (o) {
    case MK_GUIL_L: return c == MK_GUIL_R;
    case MK_GUIL_R: return c == MK_GUIL_L;
    case MK_DQ_L: return c == MK_DQ_R;
    case MK_DQ_R: case MK_DQ_LOW: return c == MK_DQ_R || c == MK_DQ_L;
    case MK_SQ_L: return c == MK_SQ_R;
    case MK_ANG_L: return c == MK_ANG_R;
    case MK_ASCII2: return c == MK_ASCII2;
    case MK_ASCII1: return c == MK_ASCII1;
    default: return 0;
    }
}

/* Proclitics of a token. */
enum { P_WA = 1, P_FA = 2, P_BI = 4, P_LI = 8, P_KA = 16, P_SA = 32 };

enum { OPEN = 1, CLOSE = 2 };

/* What the stage knows of one token of the sentence. */
typedef struct tok_info {
    size_t partner;   /* the other mark of a quotation, or NONE */
    size_t encl;      /* the closing mark of the innermost quotation the
                         token is in, or NONE */
    size_t body;      /* input offset after its proclitics */
    uint8_t mark;     /* OPEN, CLOSE (paired), or 0 */
    uint8_t mk;       /* MK_* */
    uint8_t kind;     /* K_* */
    uint16_t flags;   /* TF_* */
    uint8_t pre;      /* P_* */
    uint8_t upos;     /* of its host */
    uint8_t cue;      /* enum cue_id + 1, or 0 */
    uint8_t form;     /* FORM_* the cue matched */
} tok_info;

typedef struct qctx {
    khabar_doc *doc;
    const khabar_token *tk;
    const khabar_word *w;
    const size_t *tw;
    const key_index *ix;  /* the tables' keys */
    tok_info *ti;         /* ti[k - a] for the sentence's tokens */
    size_t a, b;          /* the sentence: tokens [a, b) */
    size_t last;          /* its last token before final punctuation, or
                             NONE when it has none */
    size_t sent;          /* its index */
    size_t sent_quotes;   /* quotes found before it */
    size_t covered;       /* tokens before this are in a quote of it */
    /* the speaker of the last quote, for a verb without a subject */
    int have_last;
    size_t last_sent, last_s, last_e, last_cluster;
    int last_gender;      /* its verb's (draft.gender) */
    /* the speaker before that one, when another */
    int have_prev;
    size_t prev_sent, prev_s, prev_e, prev_cluster;
    int prev_gender;
    size_t lemma_off[Q_COUNT]; /* cue lemmas put in the doc, or NONE */
} qctx;

#define TI(q, k) (&(q)->ti[(k) - (q)->a])

static int is_nominal(int upos)
{
    return upos == KHABAR_UPOS_NOUN || upos == KHABAR_UPOS_PROPN ||
           upos == KHABAR_UPOS_ADJ || upos == KHABAR_UPOS_X ||
           upos == KHABAR_UPOS_NUM;
}

/* The cue a token's lemma or letters name, if any: the lemma first, then
 * the letters after the proclitics with person and number affixes off,
 * for the forms the lemmatizer does not bring back (بينت, يقولون). */
static void match_cue(const key_index *ix, tok_info *x, const char *lem,
                      size_t nl, const char *r, size_t nr)
{
    static const struct {
        const char *s;
        unsigned char len;
        unsigned char forms;
    } suffixes[] = {
        {"", 0, FORM_PAST | FORM_IMPF | FORM_PART},
        {"\xD8\xAA", 2, FORM_PAST},                         /* ت */
        {"\xD9\x88\xD8\xA7", 4, FORM_PAST | FORM_IMPF},     /* وا */
        {"\xD8\xA7", 2, FORM_PAST | FORM_IMPF | FORM_PART}, /* ا */
        {"\xD8\xAA\xD8\xA7", 4, FORM_PAST},                 /* تا */
        {"\xD9\x86", 2, FORM_PAST | FORM_IMPF},             /* ن */
        {"\xD9\x88\xD9\x86", 4, FORM_IMPF | FORM_PART},     /* ون */
        {"\xD8\xA7\xD9\x86", 4, FORM_IMPF | FORM_PART},     /* ان */
        {"\xD9\x8A\xD9\x86", 4, FORM_IMPF | FORM_PART},     /* ين */
        {"\xD9\x87", 2, FORM_PART}                          /* ه (ة) */
    };
    static const char *const prefixes[] = {
        "\xD9\x8A", "\xD8\xAA", "\xD9\x86", "\xD8\xA7" /* ي ت ن ا */
    };
    const cue_key *k;
    size_t i, j, pre = NONE;
    int def = (x->flags & TF_DEF) != 0;
    if (nl != SIZE_MAX && (k = find_cue(ix, lem, nl)) != NULL) {
        if (k->forms & FORM_PAST) {
            x->cue = (uint8_t)(k->cue + 1);
            x->form = FORM_PAST;
            return;
        }
        if ((k->forms & FORM_PART) && !def) {
            x->cue = (uint8_t)(k->cue + 1);
            x->form = FORM_PART;
            return;
        }
    }
    if (nr == SIZE_MAX || nr < 4 || nr > 24)
        return;
    /* The person prefix the letters start with, if any: the same for every
     * suffix taken off. */
    for (j = 0; j < sizeof prefixes / sizeof prefixes[0]; j++) {
        if (r[0] == prefixes[j][0] && r[1] == prefixes[j][1]) {
            pre = j;
            break;
        }
    }
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t ns = suffixes[i].len, n;
        if (nr - ns < 4 || !key_eq(r + nr - ns, suffixes[i].s, ns))
            continue;
        n = nr - ns;
        k = find_cue(ix, r, n);
        if (k && (k->forms & suffixes[i].forms & FORM_PAST)) {
            x->cue = (uint8_t)(k->cue + 1);
            x->form = FORM_PAST;
            return;
        }
        if (k && (k->forms & suffixes[i].forms & FORM_PART) && !def) {
            x->cue = (uint8_t)(k->cue + 1);
            x->form = FORM_PART;
            return;
        }
        if (!(suffixes[i].forms & FORM_IMPF) || pre == NONE || n < 6)
            continue;
        k = find_cue(ix, r + 2, n - 2);
        if (k && (k->forms & FORM_IMPF)) {
            x->cue = (uint8_t)(k->cue + 1);
            x->form = FORM_IMPF;
            if (pre == 2) /* نرى, نعتبر */
                x->flags |= TF_FIRST;
            return;
        }
    }
}

static int is_terminal_cp(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F ||
           cp == 0x2026 || cp == 0x06D4;
}

static size_t entity_after(const qctx *q, size_t s);

/* Fills x for token t. */
static void classify(const qctx *q, size_t t, tok_info *x)
{
    const khabar_token *tok = &q->tk[t];
    const khabar_word *w = q->w;
    const char *nb = q->doc->norm_buf;
    char hb[48], r[48], lem[48];
    const char *h = NULL;
    size_t a, b, i, host, body, nh = SIZE_MAX, nr = 0, nl, name_at = SIZE_MAX;
    const word_class *c, *ch;
    int one_word;
    memset(x, 0, sizeof *x);
    x->partner = x->encl = NONE;
    x->body = tok->start;
    if (tok->kind == KHABAR_TOK_PUNCT) {
        uint32_t cp = one_cp(q->doc->text + tok->start, tok->end - tok->start);
        x->upos = KHABAR_UPOS_PUNCT;
        x->mk = (uint8_t)mark_of(cp);
        if (cp == ':')
            x->kind = K_COLON;
        else if (is_terminal_cp(cp) ||
                 (tok->end - tok->start >= 2 && q->doc->text[tok->start] == '.'))
            x->kind = K_TERM;
        else
            x->kind = K_PUNCT;
        return;
    }
    a = q->tw[t];
    b = q->tw[t + 1];
    if (a >= b)
        return;
    {
        /* a person's name that keeps a letter the segmenter took for a
         * proclitic (لمى, ويلفريد: ner.c) begins there, no preposition */
        const khabar_entity *en = q->doc->entities.data;
        size_t e = entity_after(q, t);
        if (e < q->doc->entities.len && en[e].first_token == t &&
            en[e].type == KHABAR_ENT_PER && en[e].start < tok->end)
            name_at = en[e].start;
    }
    for (body = a; body < b && w[body].role == KHABAR_WORD_PROCLITIC &&
                   w[body].start < name_at;
         body++) {
        const unsigned char *f = (const unsigned char *)nb + w[body].form;
        if (w[body].form_len == 2 && f[0] == 0xD9 && f[1] == 0x88)
            x->pre |= P_WA;
        else if (w[body].form_len == 2 && f[0] == 0xD9 && f[1] == 0x81)
            x->pre |= P_FA;
        else if (w[body].form_len == 2 && f[0] == 0xD8 && f[1] == 0xA8)
            x->pre |= P_BI;
        else if (w[body].form_len == 2 && f[0] == 0xD9 && f[1] == 0x84)
            x->pre |= P_LI;
        else if (w[body].form_len == 2 && f[0] == 0xD9 && f[1] == 0x83)
            x->pre |= P_KA;
        else if (w[body].form_len == 2 && f[0] == 0xD8 && f[1] == 0xB3)
            x->pre |= P_SA;
    }
    if (body == b)
        body = a;
    x->body = w[body].start;
    /* ل + لسلطات: the host's letters lack its article; a span starting
     * there (a speaker, a source) starts at the ل, for whole text. */
    if (body > a && (w[body].flags & KHABAR_WORD_RESTORED) &&
        (x->pre & P_LI) && w[body].form_len > 4 &&
        memcmp(nb + w[body].form, "\xD8\xA7\xD9\x84", 4) == 0 &&
        memcmp(q->doc->text + w[body].start, "\xD9\x84", 2) == 0)
        x->body = w[body - 1].start;
    if (body == a && b == a + 1 && w[a].form_len == 2 &&
        (unsigned char)nb[w[a].form] == 0xD9 &&
        (unsigned char)nb[w[a].form + 1] == 0x84)
        x->pre |= P_LI; /* لـ alone: ل of the next token */
    for (i = body; i < b; i++) {
        if (w[i].role == KHABAR_WORD_ENCLITIC)
            x->flags |= TF_ENCL;
    }
    for (host = body; host < b && w[host].role != KHABAR_WORD_HOST &&
                      w[host].role != KHABAR_WORD_WHOLE;
         host++)
        ;
    if (host == b)
        host = body;
    x->upos = w[host].upos;
    /* The body's letters r, folded once: the host's letters h are among
     * them, unless r grew too long before the host's end. */
    for (i = body; i < b && nr != SIZE_MAX; i++) {
        size_t n = fold(nb + w[i].form, w[i].form_len, r + nr, sizeof r - nr);
        if (i == host && n != SIZE_MAX) {
            h = r + nr;
            nh = n;
        }
        nr = n == SIZE_MAX ? SIZE_MAX : nr + n;
    }
    if (!h) {
        nh = fold(nb + w[host].form, w[host].form_len, hb, sizeof hb);
        h = hb;
    }
    if (nh == SIZE_MAX)
        return;
    one_word = b == body + 1 && nr != SIZE_MAX; /* r is h */
    if (nh > 4 && key_eq(h, "\xD8\xA7\xD9\x84", 4)) /* ال */
        x->flags |= TF_DEF;
    if ((ch = find_class(q->ix, h, nh)) != NULL) {
        x->kind = ch->kind;
        x->flags |= ch->flags;
    }
    if ((x->flags & TF_DEF) && (c = find_class(q->ix, h + 4, nh - 4)) != NULL)
        x->flags |= (uint16_t)(c->flags & (TF_MEDIA | TF_EVENT | TF_OCCASION |
                                           TF_SOURCE)); /* not الله: له */
    if (x->kind == K_NONE && nr != SIZE_MAX &&
        (c = one_word ? ch : find_class(q->ix, r, nr)) != NULL)
        x->kind = c->kind ? c->kind : x->kind; /* وفقا as one word */
    /* لأن, كأن are not the complementizer; فحسب is "only". */
    if (x->kind == K_COMP && (x->pre & (P_LI | P_KA)))
        x->kind = K_NONE;
    if (x->kind == K_HASAB && (x->pre & P_FA))
        x->kind = K_NONE;
    if (x->kind == K_QAWL && nr == nh)
        x->kind = K_NONE; /* قوله, not قول */
    if ((x->kind == K_HASAB || x->kind == K_WIFQ) && nr != SIZE_MAX &&
        nr > nh && has_suffix(r, nr, "\xD9\x85\xD8\xA7")) /* ما */
        x->flags |= TF_MA;
    if ((x->pre & P_LI) && x->upos == KHABAR_UPOS_PRON)
        x->flags |= TF_PRONL; /* له, لي */
    if (x->kind == K_HASAB || x->kind == K_WIFQ || x->kind == K_TIBQ ||
        x->kind == K_NAQLAN) {
        x->cue = (uint8_t)(1 + (x->kind == K_HASAB   ? Q_HASAB
                                : x->kind == K_WIFQ  ? Q_WIFQ
                                : x->kind == K_TIBQ  ? Q_TIBQ
                                                     : Q_NAQALA));
        x->form = FORM_SRC;
        return;
    }
    if (x->kind != K_NONE)
        return;
    switch (x->upos) {
    case KHABAR_UPOS_PUNCT: case KHABAR_UPOS_NUM: case KHABAR_UPOS_PRON:
    case KHABAR_UPOS_CCONJ: case KHABAR_UPOS_DET: case KHABAR_UPOS_SYM:
        return;
    default:
        break;
    }
    if ((x->pre & (P_BI | P_KA)) || (x->flags & TF_DEF))
        return; /* a verb takes neither ب, ك nor ال (برأت is not رأت) */
    nl = fold(nb + w[host].lemma, w[host].lemma_len, lem, sizeof lem);
    if (x->flags & TF_PASSIVE)
        return;
    /* No cue ends in أ: اقرأ (read, as in اقرأ أيضا) is not أقرا (the two
     * admitted), which the folded letters cannot tell apart. */
    if (w[host].form_len >= 2 &&
        !memcmp(nb + w[host].form + w[host].form_len - 2, "\xD8\xA3", 2))
        return;
    match_cue(q->ix, x, lem, nl, r, nr);
    /* أعتقد, أذكر: a cue written with أ whose past has none is in the
     * first person singular (اعتقد, ذكر; not أضاف, أبلغ) */
    if (x->cue && w[host].form_len >= 2 &&
        !memcmp(nb + w[host].form, "\xD8\xA3", 2) &&
        memcmp(cue_defs[x->cue - 1].lemma, "\xD8\xA3", 2) != 0)
        x->flags |= TF_FIRST;
    /* يُدعى, تُدعى (is called: امرأة تدعى "جينان"), an imperfect in ى, is
     * the passive; the active, claims, is written يدعي */
    if (x->cue == Q_IDDAA + 1 && w[host].form_len >= 4 &&
        (!memcmp(nb + w[host].form, "\xD9\x8A", 2) ||     /* ي */
         !memcmp(nb + w[host].form, "\xD8\xAA", 2)) &&    /* ت */
        !memcmp(nb + w[host].form + w[host].form_len - 2, "\xD9\x89", 2))
        x->cue = 0;
    if (x->cue && nr != SIZE_MAX &&
        (c = one_word ? ch : find_class(q->ix, r, nr)) != NULL)
        x->flags |= c->flags & TF_IMPERS;
}

/* Pairs the sentence's quotation marks (see the file comment); stack has
 * room for every token of the sentence. */
static void pair_marks(qctx *q, size_t *stack)
{
    size_t top = 0, k;
    for (k = q->a; k < q->b; k++) {
        tok_info *x = TI(q, k);
        int sb, sa, mk = x->mk;
        size_t d;
        if (!mk)
            continue;
        /* (a colon before a mark is as good as a space: قائلا:" إنها) */
        sb = k == q->a || q->tk[k - 1].end != q->tk[k].start ||
             TI(q, k - 1)->kind == K_COLON;
        sa = k + 1 == q->b || q->tk[k].end != q->tk[k + 1].start;
        /* ASCII marks close when they lean on the word before them. */
        if (!(mk == MK_ASCII2 && sb && !sa) && !(mk == MK_ASCII1 && sb)) {
            for (d = 0; d < MARK_REACH && d < top; d++) {
                size_t o = stack[top - 1 - d];
                if (closes(TI(q, o)->mk, mk)) {
                    TI(q, o)->mark = OPEN;
                    TI(q, o)->partner = k;
                    x->mark = CLOSE;
                    x->partner = o;
                    top -= d + 1;
                    break;
                }
            }
            if (x->mark)
                continue;
        }
        switch (mk) {
        case MK_SQ_R: case MK_ANG_R:
            continue; /* an apostrophe, or a stray closing mark */
        case MK_ASCII2:
            if (!sb && sa)
                continue;
            break;
        case MK_ASCII1:
            if (!(sb && !sa))
                continue;
            break;
        default:
            break;
        }
        x->mark = OPEN; /* partner stays NONE until it closes */
        stack[top++] = k;
    }
    /* Innermost enclosing quotation: pairs nest, so a stack of closers. */
    top = 0;
    for (k = q->a; k < q->b; k++) {
        tok_info *x = TI(q, k);
        while (top && stack[top - 1] <= k)
            top--;
        x->encl = top ? stack[top - 1] : NONE;
        if (x->mark == OPEN && x->partner != NONE)
            stack[top++] = x->partner;
    }
}

/* ------------------------------------------------------------------------ */
/* Spans                                                                    */
/* ------------------------------------------------------------------------ */

static int is_open(const qctx *q, size_t k)
{
    return k < q->b && TI(q, k)->mark == OPEN;
}

static int kind_at(const qctx *q, size_t k)
{
    return k < q->b ? TI(q, k)->kind : K_TERM;
}

/* Whether a clause starts at token c: after و/ف, a lead word, قد, a mark,
 * a comma or أنه, or at the sentence start. A verb without a subject takes the
 * last speaker only there: وأضاف أن, not الاستطلاعات تشير إلى أن. */
static int clause_start(const qctx *q, size_t c)
{
    const tok_info *x = TI(q, c), *p;
    if ((x->pre & (P_WA | P_FA)) || c == q->a)
        return 1;
    p = TI(q, c - 1);
    return p->kind == K_PUNCT || p->kind == K_COLON || p->kind == K_VLEAD ||
           p->kind == K_QAD || p->mark ||
           (p->kind == K_COMP && (p->flags & TF_ENCL)); /* أنه اعتبر */
}

/* Whether a verb stands at token c: where a clause starts, or where the
 * tagger says so. */
static int verb_position(const qctx *q, size_t c)
{
    return TI(q, c)->upos == KHABAR_UPOS_VERB || clause_start(q, c);
}

/* Whether token k is a hyphen that joins the words on either side, without
 * spaces: a name written with one (ريس-أندرسن). */
static int glued_hyphen(const qctx *q, size_t k)
{
    return k > q->a && k + 1 < q->b && q->tk[k].end - q->tk[k].start == 1 &&
           q->doc->text[q->tk[k].start] == '-' &&
           q->tk[k - 1].end == q->tk[k].start &&
           q->tk[k].end == q->tk[k + 1].start &&
           q->tk[k - 1].kind == KHABAR_TOK_ARABIC &&
           q->tk[k + 1].kind == KHABAR_TOK_ARABIC;
}

/* Whether another عن comes in tokens [s, e) before any punctuation: the
 * first was the speaker's (أعرب ممثل عن مجموعة X عن اعتراضه). */
static int another_an(const qctx *q, size_t s, size_t e)
{
    size_t k;
    for (k = s; k < e && k < q->b; k++) {
        const tok_info *y = TI(q, k);
        if (y->mark)
            continue; /* a quoted name */
        if (y->kind == K_PUNCT || y->kind == K_COLON || y->kind == K_TERM)
            return 0;
        if (y->kind == K_AN && !(y->flags & TF_ENCL))
            return 1;
    }
    return 0;
}

/* The index of the first entity ending after token s (entities are in
 * input order). */
static size_t entity_after(const qctx *q, size_t s)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t lo = 0, hi = q->doc->entities.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (en[mid].first_token + en[mid].n_tokens <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The index of the first entity that begins at or after token t. */
static size_t entity_from(const qctx *q, size_t t)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t lo = 0, hi = q->doc->entities.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (en[mid].first_token < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether a person's name begins at token k. */
static int person_at(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = entity_after(q, k);
    return i < q->doc->entities.len && en[i].first_token == k &&
           en[i].type == KHABAR_ENT_PER;
}

/* Whether an entity (a person, place, body ...) starts at token k. */
static int entity_at(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = entity_after(q, k);
    return i < q->doc->entities.len && en[i].first_token == k;
}

/* Whether a date expression (the dates stage's) starts at token k. */
static int date_at(const qctx *q, size_t k)
{
    const khabar_timex *x = q->doc->timexes.data;
    size_t lo = 0, hi = q->doc->timexes.len, at = q->tk[k].start;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < q->doc->timexes.len && x[lo].start < q->tk[k].end;
}

/* The index of the person's name that ends right before token k, or
 * NONE. */
static size_t person_ending(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = k > 0 ? entity_after(q, k - 1) : q->doc->entities.len;
    return i < q->doc->entities.len && en[i].type == KHABAR_ENT_PER &&
                   en[i].first_token + en[i].n_tokens == k
               ? i
               : NONE;
}

/* Whether a person's name ends right before token k. */
static int person_ends(const qctx *q, size_t k)
{
    return person_ending(q, k) != NONE;
}

/* person_ends(), for a name of two words or more, or one named elsewhere
 * too: a word alone may be a noun the recognizer took for a name (جنرال
 * في القوات الجوية). */
static int sure_name_ends(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    const khabar_cluster *cl = q->doc->clusters.data;
    size_t i = person_ending(q, k), c;
    if (i == NONE)
        return 0;
    if (en[i].n_tokens >= 2)
        return 1;
    c = khabar_doc_entity_cluster(q->doc, i);
    return c < q->doc->clusters.len && cl[c].n_names >= 2;
}

/* Whether a person's surname alone, a name of one word whose cluster has
 * a longer name (ترامب of دونالد ترامب), ends right before token k. */
static int surname_ends(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    const khabar_cluster *cl = q->doc->clusters.data;
    size_t i = person_ending(q, k), c;
    if (i == NONE)
        return 0;
    c = khabar_doc_entity_cluster(q->doc, i);
    return en[i].n_tokens == 1 && c < q->doc->clusters.len &&
           cl[c].name_end > cl[c].name_start &&
           memchr(q->doc->text + cl[c].name_start, ' ',
                  cl[c].name_end - cl[c].name_start) != NULL;
}

/* Whether the name of a body or a place (no person: person_ends) that
 * begins the speaker, at token s or right after a word before it (حركة
 * طالبان), ends right before token k. */
static int body_ends(const qctx *q, size_t s, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = k > 0 ? entity_after(q, k - 1) : q->doc->entities.len;
    return i < q->doc->entities.len && en[i].type != KHABAR_ENT_PER &&
           en[i].first_token + en[i].n_tokens == k &&
           (en[i].first_token == s || en[i].first_token == s + 1);
}

/* Whether token k's host is a word the news writes often enough to have
 * a word cluster (the POS stage's lookup): most common words, few names. */
static int news_word(const qctx *q, size_t k)
{
    const kh_word_lookup *l =
        kh_doc_lookup(q->doc, kh_doc_host(q->doc, k, NULL));
    return l && l->clen > 0;
}

/* Whether token k's host is a person's title or trigger word (the
 * gazetteer's, as the POS stage looked it up: رئيس, وزير, نائب). */
static int title_word_at(const qctx *q, size_t k)
{
    const kh_word_lookup *l =
        kh_doc_lookup(q->doc, kh_doc_host(q->doc, k, NULL));
    return l && (l->gaz & KH_GAZ_TITLE);
}

/* Whether token k is a word of an entity. */
static int in_entity(const qctx *q, size_t k)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = entity_after(q, k);
    return i < q->doc->entities.len && en[i].first_token <= k;
}

/* Whether token k is a comma (، or ,). */
static int is_comma(const qctx *q, size_t k)
{
    uint32_t cp;
    if (TI(q, k)->kind != K_PUNCT || TI(q, k)->mark)
        return 0;
    cp = one_cp(q->doc->text + q->tk[k].start, q->tk[k].end - q->tk[k].start);
    return cp == 0x060C || cp == ',';
}

/* Whether token k is word as written, its proclitics aside (ولكن is
 * لكن). */
static int written_is(const qctx *q, size_t k, const char *word)
{
    const tok_info *y = TI(q, k);
    size_t n = strlen(word);
    return q->tk[k].end - y->body == n &&
           memcmp(q->doc->text + y->body, word, n) == 0;
}

/* Whether token k is the clause lead word (K_VLEAD) word as written. */
static int vlead_is(const qctx *q, size_t k, const char *word)
{
    return TI(q, k)->kind == K_VLEAD && written_is(q, k, word);
}

/* Whether token k is على or إلى (الى) as written, without proclitics: a
 * preposition that the verb governs, not a description of a name (من,
 * في: سوروش أبو طالبي من منظمي التظاهرة). */
static int ala_ila(const qctx *q, size_t k)
{
    return TI(q, k)->kind == K_CONN && !TI(q, k)->pre &&
           (written_is(q, k, "على") || written_is(q, k, "إلى") ||
            written_is(q, k, "الى"));
}

/* Whether token k is لكن (ولكن), which begins another clause. */
static int lakin(const qctx *q, size_t k)
{
    return vlead_is(q, k, "\xD9\x84\xD9\x83\xD9\x86");
}

/* Whether token c, بين, is the preposition "between X and Y": the first
 * half, written بين (not بيّنت), a word and then one with و after it (بين
 * الماء والنار: ...), or the second, وبين after بين (يحول الخوف بينه وبين
 * حلمه) among the few tokens before it in the sentence. */
static int between_and(const qctx *q, size_t c)
{
    size_t k;
    const khabar_word *hc = kh_doc_host(q->doc, c, NULL);
    if (hc->form_len == 6 &&
        !memcmp(q->doc->norm_buf + hc->form, "\xD8\xA8\xD9\x8A\xD9\x86", 6) &&
        c + 2 < q->b && !TI(q, c + 1)->pre && (TI(q, c + 2)->pre & P_WA) &&
        TI(q, c + 1)->kind != K_PUNCT &&
        TI(q, c + 2)->upos != KHABAR_UPOS_PRON) /* (وبين الوزير، وهو) */
        return 1;
    if (!(TI(q, c)->pre & P_WA))
        return 0;
    for (k = c; k > q->a && c - k < 8; k--) {
        const khabar_word *h = kh_doc_host(q->doc, k - 1, NULL);
        if (TI(q, k - 1)->kind == K_TERM || TI(q, k - 1)->kind == K_COLON)
            return 0;
        if (!TI(q, k - 1)->pre && h->form_len == 6 &&
            memcmp(q->doc->norm_buf + h->form,
                   "\xD8\xA8\xD9\x8A\xD9\x86", 6) == 0) /* بين */
            return 1;
    }
    return 0;
}

/* Whether the complementizer at token k is the أن of ، ذلك أن (that is
 * because), after a comma or at the sentence start: the writer's reason,
 * no cue's content (ويرى الحزب فرصة، ذلك أن منافسيه منقسمون). After
 * words of time it is a cue's (وقال بعد ذلك إن). */
static int because(const qctx *q, size_t k)
{
    return k > q->a && !TI(q, k - 1)->pre &&
           written_is(q, k - 1, "\xD8\xB0\xD9\x84\xD9\x83") && /* ذلك */
           (k - 1 == q->a || is_comma(q, k - 2));
}

/* Whether token k, with a pronoun suffix right after a person's name, is
 * rather the name's last word that the recognizer left out, read as a
 * word and the pronoun ه (a foreign surname: بريجيته ميرك إربه, إرب +
 * ه): without proclitics, its host no word the lexicon knows. Not an
 * object, which is one (نفى القنصل X علمه). */
static int name_tail(const qctx *q, size_t k)
{
    const tok_info *x = TI(q, k);
    const khabar_word *h = kh_doc_host(q->doc, k, NULL);
    const char *t = q->doc->text + q->tk[k].start;
    size_t n = q->tk[k].end - q->tk[k].start;
    return !x->pre && q->tk[k].kind == KHABAR_TOK_ARABIC &&
           (h->flags & KHABAR_WORD_LEMMA_GUESSED) && n >= 6 &&
           memcmp(t + n - 2, "\xD9\x87", 2) == 0 && /* ه */
           memcmp(t + n - 4, "\xD9\x87", 2) != 0;
}

/* Whether token k is the attention لفت draws (لفت الوزير النظر إلى أن):
 * النظر, الانتباه or الأنظار as written. */
static int attention(const qctx *q, size_t k)
{
    return !TI(q, k)->pre &&
           (written_is(q, k, "النظر") || written_is(q, k, "الانتباه") ||
            written_is(q, k, "الأنظار"));
}

/* Whether tokens [s, e) are a source noun (دراسة, تقرير, مصادر) and
 * adjectives, none in an entity: a verb after them describes the source
 * (دراسة أعدتها, مسؤول كبير تم اطلاعه). */
static int source_noun_phrase(const qctx *q, size_t s, size_t e)
{
    size_t k;
    if (!(TI(q, s)->flags & TF_SOURCE) || in_entity(q, s))
        return 0;
    for (k = s + 1; k < e; k++) {
        if (in_entity(q, k) || TI(q, k)->upos != KHABAR_UPOS_ADJ ||
            TI(q, k)->pre)
            return 0;
    }
    return 1;
}

/* Whether tokens [s, e) are words: no punctuation or marks among them. */
static int no_mark_between(const qctx *q, size_t s, size_t e)
{
    for (; s < e; s++) {
        if (TI(q, s)->kind != K_NONE || TI(q, s)->mark)
            return 0;
    }
    return 1;
}

/* Whether token k may be a word of a name the recognizer missed: an Arabic
 * word without the article, clitics or marks, tagged as a noun, a name, an
 * adjective, a number or X (the tagger calls unknown foreign names any of
 * them); *unknown set when the lexicon does not know it or the tagger calls
 * it a name. */
static int name_word(const qctx *q, size_t k, int *unknown)
{
    const tok_info *x = TI(q, k);
    const khabar_word *h = kh_doc_host(q->doc, k, NULL);
    if (x->kind != K_NONE || x->pre || x->mark ||
        (x->flags & (TF_DEF | TF_ENCL)) || q->tk[k].kind != KHABAR_TOK_ARABIC ||
        (x->upos != KHABAR_UPOS_NOUN && x->upos != KHABAR_UPOS_PROPN &&
         x->upos != KHABAR_UPOS_ADJ && x->upos != KHABAR_UPOS_NUM &&
         x->upos != KHABAR_UPOS_X))
        return 0;
    if ((h->flags & KHABAR_WORD_LEMMA_GUESSED) ||
        x->upos == KHABAR_UPOS_PROPN)
        *unknown = 1;
    return 1;
}

/* A title's name after a comma (وزير الخارجية، أنجلينو ألفانو، إن): the
 * token after the name when a person's name begins at token k + 1 after the
 * comma k, or after a title of one or two words that coreference found
 * (المتحدث الرسمي، المهندس فلان أن), and ends at another comma or at e;
 * else 0. The name is the recognizer's, or (right after the comma) up to
 * three name_word()s, one of them unknown and none in an entity. */
static size_t apposition(const qctx *q, size_t k, size_t e)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i = entity_after(q, k + 1), m;
    int unknown = 0;
    if (!is_comma(q, k))
        return 0;
    if (i < q->doc->entities.len && en[i].type == KHABAR_ENT_PER &&
        (en[i].first_token == k + 1 ||
         (en[i].first_token <= k + 3 && en[i].first_token < e &&
          kh_titled(q->doc, en[i].start) &&
          no_mark_between(q, k + 1, en[i].first_token)))) {
        m = en[i].first_token + en[i].n_tokens;
    } else {
        for (m = k + 1; m < e && m < k + 4 && name_word(q, m, &unknown); m++)
            ;
        /* a place or a body the recognizer found is no missed name
         * (بريتشيا، غربي فيرونا، / خلود حلمي، ابنة داريا،) */
        if (m == k + 1 || !unknown ||
            (i < q->doc->entities.len && en[i].first_token < m))
            return 0;
    }
    return m == e || (m < e && is_comma(q, m)) ? m : 0;
}

/* Whether token k is an indefinite noun in the accusative as written,
 * with the alef of its tanwin (قرارا, بيانا; the participles and verbal
 * nouns of a circumstance: طالبا, استنادا), outside any entity, without
 * proclitics, the article or a pronoun suffix, that the lexicon knows and
 * no number counts: an object or an adverbial, which no name is. */
static int accusative_noun(const qctx *q, size_t k)
{
    const tok_info *x = TI(q, k);
    const char *t = q->doc->text + q->tk[k].start;
    size_t n = q->tk[k].end - q->tk[k].start;
    if ((x->upos != KHABAR_UPOS_NOUN && x->upos != KHABAR_UPOS_ADJ) ||
        x->pre ||
        (x->flags & (TF_DEF | TF_ENCL)) || in_entity(q, k) ||
        q->tk[k].kind != KHABAR_TOK_ARABIC ||
        ((kh_doc_host(q->doc, k, NULL)->flags & KHABAR_WORD_LEMMA_GUESSED) &&
         !(n >= 10 && (unsigned char)t[0] == 0xD9 &&
           (unsigned char)t[1] == 0x85)))
        return 0; /* a name the lexicon does not know (ابيناف تريخا), but
                     a participle in م the lexicon lacks is one (متهكما) */
    if (k > 0 && q->tk[k - 1].kind == KHABAR_TOK_NUMBER)
        return 0; /* counted: من العمر 30 عاما */
    if (n >= 2 && (unsigned char)t[n - 2] == 0xD9 &&
        (unsigned char)t[n - 1] == 0x8B) /* fathatan written */
        n -= 2;
    /* ends in ا after a letter that is no ا, و or ي (not دنيا, not a
     * name's vowel: روسيا is a place anyway) */
    return n >= 6 && (unsigned char)t[n - 2] == 0xD8 &&
           (unsigned char)t[n - 1] == 0xA7 &&
           !((unsigned char)t[n - 4] == 0xD8 && (unsigned char)t[n - 3] == 0xA7) &&
           !((unsigned char)t[n - 4] == 0xD9 && ((unsigned char)t[n - 3] == 0x88 ||
                                                 (unsigned char)t[n - 3] == 0x8A));
}

/* Whether token k heads a construct whose second term has the article
 * (إحدى الرسائل, أحد التقارير): a noun, number or determiner without the
 * article, a proclitic or a pronoun, before a word with the article. */
static int construct_head(const qctx *q, size_t k)
{
    const tok_info *x = TI(q, k);
    return k + 1 < q->b && x->kind == K_NONE && !x->pre && !x->mark &&
           !(x->flags & (TF_DEF | TF_ENCL)) &&
           (x->upos == KHABAR_UPOS_NOUN || x->upos == KHABAR_UPOS_NUM ||
            x->upos == KHABAR_UPOS_DET) &&
           (TI(q, k + 1)->flags & TF_DEF);
}

/* Whether the form of token k's host, as normalized (hamzas kept), is one
 * of words[0, n); with article_off, its ال taken off first. */
static int host_form_in(const qctx *q, size_t k, const char *const *words,
                        size_t n, int article_off)
{
    const khabar_word *h = kh_doc_host(q->doc, k, NULL);
    const char *f = q->doc->norm_buf + h->form;
    size_t len = h->form_len, i;
    if (article_off && len > 4 && memcmp(f, "ال", 4) == 0) {
        f += 4;
        len -= 4;
    }
    for (i = 0; i < n; i++) {
        if (len == strlen(words[i]) && memcmp(f, words[i], len) == 0)
            return 1;
    }
    return 0;
}

/* Whether token k is a verbal noun of a stance that a cue takes as its
 * object before the speaker's words (أكد حرص سموه على أن, أعلن تمسكه
 * برأيه, أكد أهمية, أكدت تدارك الخطأ), with the article or not: no
 * speaker. */
static int object_noun(const qctx *q, size_t k)
{
    static const char *const nouns[] = {
        "حرص", "أهمية", "اهمية", "ضرورة", "استعداد", "التزام", "تمسك",
        "عزم", "رغبة", "تدارك", "ترحيب", "تقدير", "رفض"};
    return host_form_in(q, k, nouns, sizeof nouns / sizeof nouns[0], 1);
}

/* The end of a speaker phrase that starts at token s, at most at e: it
 * stops at punctuation, a time, an occasion (في تصريح), an addressee
 * (للجزيرة, له, لوالاس), a relative clause or a topic (عن, حول). A phrase that
 * starts with a preposition or a pronoun is none (كتب عليها, أفادت لوحدة),
 * nor one that starts with a noun in the accusative (شيئًا) or a stance
 * (object_noun: أكد حرص سموه); li_ok lets it
 * start with ل (جاء في بيان للوزارة). */
static size_t speaker_end(const qctx *q, size_t s, size_t e, int li_ok)
{
    size_t k;
    if (s < e) {
        const tok_info *x = TI(q, s);
        if (x->kind == K_CONN || x->kind == K_AN || x->kind == K_FI ||
            x->upos == KHABAR_UPOS_ADP || (x->pre & (P_BI | P_KA)) ||
            ((x->pre & P_LI) && !li_ok) || object_noun(q, s) ||
            (accusative_noun(q, s) &&
             !(s + 1 < e && (TI(q, s + 1)->flags & TF_DEF))))
            return s; /* (أذكر شيئًا من بطولته: an object, no subject;
                         but قال وزيرا الخارجية: the two ministers) */
    }
    for (k = s; k < e; k++) {
        const tok_info *x = TI(q, k);
        /* a pronoun ends it (وهو الكاتب, هو أن), but هذه المنظمة goes on;
         * not after a name (اعتبر الوزير X هذه الخطوة: the object) */
        int pron = x->upos == KHABAR_UPOS_PRON &&
                   !((x->flags & TF_DEM) && k + 1 < e &&
                     (TI(q, k + 1)->flags & TF_DEF) &&
                     !(k > s && person_ends(q, k)));
        if (x->kind == K_PUNCT && glued_hyphen(q, k))
            continue; /* بيريت ريس-أندرسن */
        if (x->mark == OPEN && x->partner != NONE &&
            x->partner < e && x->partner - k >= 2 && x->partner - k <= 4) {
            k = x->partner; /* منظمة "جيشا" غير الحكومية, وقال «دي لوس»:
                               a quoted name */
            continue;
        }
        if (x->kind == K_AN && k > s && another_an(q, k + 1, e + 1))
            continue; /* ممثل عن مجموعة X عن اعتراضه: a representative of */
        if (x->kind == K_PUNCT && k > s) {
            size_t m = apposition(q, k, e);
            if (m)
                return m; /* the title, then its name: the name speaks */
        }
        if ((x->flags & TF_CUT) && k > s + 1 && TI(q, k - 1)->kind == K_CONN)
            return k - 1; /* من جانبها, على الرغم */
        if (!x->pre && written_is(q, k, "أي"))
            return k; /* تنفي أي تورط, نفى بن سلمان أي خلاف: an object */
        if (k > s && !x->pre && written_is(q, k, "عبر"))
            return k; /* النادي عبر موقعه, الوزير عبر تويتر: via */
        if (x->kind == K_PUNCT || x->kind == K_COLON || x->kind == K_TERM ||
            x->mark || (x->flags & (TF_CUT | TF_PRONL)) ||
            (x->upos == KHABAR_UPOS_ADV && !in_entity(q, k)) || pron)
            return k; /* a name is no adverb, whatever its tag (منى) */
        if (k > s && !in_entity(q, k) &&
            (((x->pre & P_FA) &&
              (x->upos == KHABAR_UPOS_PART || x->upos == KHABAR_UPOS_ADP ||
               x->upos == KHABAR_UPOS_AUX || x->upos == KHABAR_UPOS_SCONJ)) ||
             (x->flags & TF_NOVERB) ||
             (x->upos == KHABAR_UPOS_VERB && source_noun_phrase(q, s, k))))
            return k; /* a clause begins: ذكر نشطاء الموقع فقد وضع (ف
                         and a particle: not فيري, a name the segmenter
                         cut), مصدر لم تسمه, دراسة أعدتها المنظمة */
        if ((x->pre & P_LI) && (x->flags & TF_MEDIA))
            return k;
        if ((x->pre & P_BI) && (x->flags & TF_DEM))
            return k; /* بهذا الصدد, بهذه المناسبة */
        if (date_at(q, k))
            return k; /* وذكرت الصحيفة أول من أمس إن */
        if (x->kind == K_FI && k > s && k + 1 < e &&
            (date_at(q, k + 1) || (TI(q, k + 1)->flags & TF_DEM)))
            return k; /* بومبيو في الحادي عشر من, في ذلك الوقت */
        if (k > s && q->tk[k].kind == KHABAR_TOK_NUMBER && person_ends(q, k))
            return k; /* حسين صلاح 21 عاما: the age */
        if (x->kind == K_FI && !x->pre && k > s && sure_name_ends(q, k))
            return k; /* وزير التجارة X في عمان: where he said it (a
                         place in a title comes before the name: مدير
                         المكتب في باريس X) */
        if (k > s && (x->kind == K_QAD || x->kind == K_VLEAD ||
                      x->kind == K_HASAB || x->kind == K_QAWL ||
                      (person_ends(q, k) &&
                       (ala_ila(q, k) || (x->pre & P_BI) ||
                        ((x->flags & TF_ENCL) && !name_tail(q, k)) ||
                        entity_at(q, k)))))
            return k; /* حسب المصدر قد تصل, شدد الوزير X على ضرورة أن,
                         كلينتون عندما سألها, X حسبما نقل, زينالوف
                         بالهاتف; حذر نتنياهو بوتين, اتهم غراهام
                         السعودية: the one told or blamed; نفى
                         القنصل محمد العتيبي علمه: the object */
        if (k > s && accusative_noun(q, k))
            return k; /* أعلن الحاكم إنريك سنايدر قرارا مماثلا: the
                         object after the name */
        if (k > s && sure_name_ends(q, k) && x->upos == KHABAR_UPOS_VERB &&
            !in_entity(q, k) && news_word(q, k))
            return k; /* ومضت لوريدانا تشرح: the verb after the name
                         begins what the speaker does (after a name of
                         one word named once, or as a word the news
                         rarely writes, the verb may be the rest of the
                         name: جو ستورك, مونغ مونغ خين) */
        if (k > s && !x->pre && !in_entity(q, k - 1) &&
            (TI(q, k - 1)->flags & TF_ENCL) &&
            TI(q, k - 1)->upos == KHABAR_UPOS_NOUN &&
            (k - 1 == s || (TI(q, k - 1)->pre & P_WA)) && !person_at(q, k) &&
            (entity_at(q, k) ||
             ((x->flags & TF_DEF) && x->upos == KHABAR_UPOS_NOUN)))
            return k - 1 > s ? k - 1 : k;
        /* حذر رئيسها الحكومة: a noun with a pronoun
                         suffix, first or after و, governs no word after
                         it (a verb, which the tagger may take for a noun,
                         does: دراسة أجراها المركز); a name after it
                         is its apposition (رئيسها عادل فهمي), an
                         adjective describes it (ابنه الآخر); with و it
                         begins a clause (متحدث باسم الصندوق ومقره
                         واشنطن) */
        if (k > s && !x->pre && (x->flags & TF_MEDIA) &&
            TI(q, k - 1)->upos == KHABAR_UPOS_ADJ && !in_entity(q, k - 1))
            return k; /* أبلغ مسؤول حكومي آخر وكالة الأنباء: an adjective
                         ends the noun it follows, and the agency is the
                         one told (مراسل وكالة الأنباء goes on) */
        if (k > s && !in_entity(q, k) && body_ends(q, s, k) &&
            (x->flags & TF_DEF) && !x->pre && x->upos == KHABAR_UPOS_NOUN &&
            !(k + 1 < e && person_at(q, k + 1)) &&
            !(k + 2 < e && person_at(q, k + 2)))
            return k; /* أعلنت حركة طالبان المسؤولية: the object after a
                         body's name; not a title before a name (عميد كلية
                         الملك فهد الدكتور X), nor the rest of the body's
                         name (وكالة رويترز للأنباء) */
        if (k > s && !in_entity(q, k) && body_ends(q, s, k) && !x->pre &&
            x->upos == KHABAR_UPOS_NOUN && !(x->flags & TF_DEF) &&
            !construct_head(q, k))
            return k; /* نفى البيت الأبيض مزاعم: an indefinite noun after
                         a body's name is no part of it either (but the
                         head of a construct with the article after it
                         may be its apposition) */
        if (k > s && surname_ends(q, k) && !in_entity(q, k) && !x->pre &&
            x->upos == KHABAR_UPOS_NOUN && !(x->flags & TF_DEF) &&
            !title_word_at(q, k))
            return k; /* نفى ترودو ارتكاب أي خطأ: a noun without the article
                         after a surname alone (whose full name the doc
                         gives) is the object, unless it is a title
                         (دومبروفسكيس نائب رئيس المفوضية) */
        if ((x->pre & P_LI) && k > s && (person_at(q, k) || person_ends(q, k)))
            return k; /* القاضية لوالاس, عثمان المحرج للمصابين: to whom */
        if ((x->pre & P_LI) && q->tk[k].end - q->tk[k].start <= 4)
            return k; /* لـ alone */
        if (x->kind == K_FI && k + 1 < e &&
            (TI(q, k + 1)->flags & (TF_EVENT | TF_OCCASION)))
            return k;
        if (x->kind == K_CONN && k + 1 < e &&
            (TI(q, k + 1)->flags & TF_MEDIA))
            return k; /* على تويتر */
    }
    return e;
}

/* speaker_end(), without a preposition left hanging at the end (بومبيو
 * في, مسؤول من). */
static size_t cut_speaker(const qctx *q, size_t s, size_t e, int li_ok)
{
    size_t r = speaker_end(q, s, e, li_ok);
    while (r > s + 1 && !TI(q, r - 1)->pre &&
           (TI(q, r - 1)->kind == K_FI || TI(q, r - 1)->kind == K_CONN))
        r--;
    return r;
}

/* Whether token c is a verb in the masculine plural, as its letters end:
 * قالوا, يقولون. */
static int plural_verb(const qctx *q, size_t c)
{
    const char *s = q->doc->text + q->tk[c].start;
    size_t n = q->tk[c].end - q->tk[c].start;
    return has_suffix(s, n, "\xD9\x88\xD8\xA7") || /* وا */
           has_suffix(s, n, "\xD9\x88\xD9\x86");   /* ون */
}

/* A verb c right after a singular relative pronoun (الذي, التي) that
 * does not agree with it: in the plural (الزواج، الذي قالوا إنه), in the
 * first person (القرارات التي نرى أنها), in the masculine after التي
 * (الاشتباكات التي قال إنها: he said of them) or in the feminine after
 * الذي: the relative clause's subject is someone else, not the noun the
 * pronoun stands for. fem: the verb is in the feminine. */
static int disagrees_with_relative(const qctx *q, size_t c, int fem)
{
    const char *r;
    size_t rn;
    int alladhi, allati;
    if (c == q->a || !(TI(q, c - 1)->flags & TF_REL))
        return 0;
    r = q->doc->text + q->tk[c - 1].start;
    rn = q->tk[c - 1].end - q->tk[c - 1].start;
    alladhi = has_suffix(r, rn, "\xD8\xB0\xD9\x8A"); /* الذي */
    allati = has_suffix(r, rn, "\xD8\xAA\xD9\x8A");  /* التي */
    if (!alladhi && !allati)
        return 0;
    if (plural_verb(q, c) || (TI(q, c)->flags & TF_FIRST))
        return 1;
    return allati ? !fem : fem;
}

/* Whether token k is كان (كانت, وكان ...), whose subject comes before the
 * verb it carries. */
static int kana(const qctx *q, size_t k)
{
    const khabar_word *h = kh_doc_host(q->doc, k, NULL);
    return h->lemma_len == 6 &&
           memcmp(q->doc->norm_buf + h->lemma, "\xD9\x83\xD8\xA7\xD9\x86", 6) == 0;
}

/* Whether token k is in a phrase that a preposition of topic or place
 * opens at the sentence start (عن, حول, بشأن, في, على), with no
 * punctuation, complementizer, verb or cue between them (وعن ملفات
 * اللاعبين ..., وحول المعسكر في القاهرة): the topic of what follows, no
 * subject. */
static int in_fronted_phrase(const qctx *q, size_t k)
{
    static const char *const topics[] = {"حول", "بشأن", "بشان", "بخصوص",
                                         "على", "خلال"};
    size_t i;
    if (k <= q->a || TI(q, q->a)->upos != KHABAR_UPOS_ADP)
        return 0;
    if (TI(q, q->a)->kind != K_AN && TI(q, q->a)->kind != K_FI &&
        !host_form_in(q, q->a, topics, sizeof topics / sizeof topics[0], 0))
        return 0; /* بيد أن ترامب يقول: no topic */
    for (i = q->a + 1; i < k; i++) {
        const tok_info *y = TI(q, i);
        if (y->kind == K_PUNCT || y->kind == K_COLON || y->kind == K_TERM ||
            y->kind == K_COMP || y->mark || y->cue ||
            y->upos == KHABAR_UPOS_VERB || y->upos == KHABAR_UPOS_AUX)
            return 0; /* وعلى الجانب الآخر كانت محطة X قد أعلنت */
    }
    return 1;
}

/* Whether token k is ل with a pronoun (له, لها, لهم, لي): the one spoken
 * to. */
static int to_someone(const qctx *q, size_t k)
{
    const khabar_word *h;
    if (k >= q->b)
        return 0;
    if (TI(q, k)->flags & TF_PRONL)
        return 1;
    h = kh_doc_host(q->doc, k, NULL);
    return (TI(q, k)->flags & TF_ENCL) && h->form_len == 2 &&
           memcmp(q->doc->norm_buf + h->form, "ل", 2) == 0;
}

/* A subject before its verb c (بوتين قال, أما الوزير فقال): nominal words
 * from a boundary (the sentence start, a colon or quotation mark, أن, أما,
 * or a word with و) up to the verb. */
static int subject_before(const qctx *q, size_t c, size_t *ss, size_t *se)
{
    size_t k = c, end, n = 0;
    int boundary = 0;
    if (TI(q, c)->pre & P_WA)
        return 0;
    while (k > q->a && TI(q, k - 1)->kind == K_QAD && n < 2) {
        if (TI(q, k - 1)->pre & P_WA)
            return 0;
        k--;
        n++;
    }
    end = k;
    n = 0;
    if (k > q->a && (TI(q, k - 1)->flags & TF_REL)) {
        /* شهادة الشرطي، الذي قال: the noun the relative clause is on,
         * with its adjectives, or the name (not the title before it) */
        size_t r = k - 1;
        int head = 0, comma = 0;
        if (r > q->a && TI(q, r - 1)->kind == K_PUNCT && !TI(q, r - 1)->mark) {
            r--;
            comma = 1;
        }
        end = r;
        for (k = r; k > q->a && n < 4 && head != KHABAR_UPOS_NOUN; n++) {
            const tok_info *y = TI(q, k - 1);
            if (y->kind != K_NONE || y->mark || !is_nominal(y->upos) ||
                y->cue || (head == KHABAR_UPOS_PROPN &&
                           y->upos != KHABAR_UPOS_PROPN))
                break;
            if (y->upos == KHABAR_UPOS_NOUN || y->upos == KHABAR_UPOS_PROPN)
                head = y->upos;
            k--;
        }
        if (n == 0 || (TI(q, c)->pre & P_FA))
            return 0;
        /* رئيس الوزراء الإيطالي، الذي قال: the noun is a construct's
         * second term; its first terms go with it */
        for (n = 0; n < 2 && k > q->a + 1 && (TI(q, k)->flags & TF_DEF) &&
                    TI(q, k - 1)->kind == K_NONE && !TI(q, k - 1)->mark &&
                    !TI(q, k - 1)->pre &&
                    !(TI(q, k - 1)->flags & (TF_DEF | TF_ENCL)) &&
                    TI(q, k - 1)->upos == KHABAR_UPOS_NOUN;
             n++)
            k--;
        /* سهيلة زين العابدين عضو الجمعية الوطنية لحقوق الإنسان، التي
         * أكدت: the noun ends the title set after a person's name, and
         * the clause between commas is the person's (not in الادعاءات
         * التي تقول, without a comma) */
        if (comma && !in_entity(q, k)) {
            size_t p = k;
            for (n = 0; n < 8 && p > q->a && !person_ends(q, p); n++) {
                const tok_info *y = TI(q, p - 1);
                if (y->kind != K_NONE || y->mark || !is_nominal(y->upos) ||
                    (y->pre & ~(unsigned)P_LI))
                    break;
                p--;
            }
            if (p < k && person_ends(q, p)) {
                const khabar_entity *en = q->doc->entities.data;
                size_t i = entity_after(q, p - 1);
                *ss = en[i].first_token;
                *se = p;
                return 1;
            }
        }
        *ss = k;
        *se = end;
        return 1;
    }
    if (k > q->a + 2 && TI(q, k - 1)->kind == K_PUNCT && !TI(q, k - 1)->mark) {
        /* منظمة X، التي تراقب الموقف، قالت: the subject before a relative
         * clause set off by commas */
        size_t r;
        for (r = k - 1; r > q->a + 1 && k - r < 14; r--) {
            const tok_info *y = TI(q, r - 1);
            if (y->flags & TF_REL) {
                if (TI(q, r - 2)->kind == K_PUNCT && !TI(q, r - 2)->mark &&
                    r - 1 < k - 2) {
                    k = end = r - 2;
                    break;
                }
                return 0;
            }
            if (y->kind == K_PUNCT || y->kind == K_COLON ||
                y->kind == K_TERM || y->mark)
                return 0;
        }
        if (end != k)
            return 0;
    }
    while (k > q->a && n < SVO_REACH) {
        const tok_info *x = TI(q, k - 1);
        if (x->mark == CLOSE && x->partner != NONE && x->partner > q->a &&
            k - 1 - x->partner >= 2 && k - 1 - x->partner <= 4 &&
            is_nominal(TI(q, x->partner - 1)->upos)) {
            /* منظمة "ريتش إنيشيتيف" قالت: a quoted name after a noun */
            n += k - x->partner;
            k = x->partner;
            continue;
        }
        if (x->kind != K_NONE || x->mark)
            break;
        if (n > 0 && kana(q, k - 1)) {
            boundary = 1; /* وكان الممثل قد قال: the subject of كان */
            break;
        }
        if (!is_nominal(x->upos) || x->cue)
            return 0;
        k--;
        n++;
        if (x->pre & (P_WA | P_FA)) {
            boundary = 1;
            break;
        }
    }
    if (n == 0 || (TI(q, k)->pre & (P_BI | P_LI | P_KA)))
        return 0; /* no subject begins with a preposition: لكن بالمقابل أكد */
    if (!boundary) {
        int kd = k > q->a ? TI(q, k - 1)->kind : K_TERM;
        if (k > q->a && !(kd == K_COLON || kd == K_COMP || kd == K_AMMA ||
                          kd == K_VLEAD || TI(q, k - 1)->mark))
            return 0;
    }
    if ((TI(q, c)->pre & P_FA) &&
        !(k > q->a && TI(q, k - 1)->kind == K_AMMA))
        return 0;
    if (in_fronted_phrase(q, k))
        return 0; /* وعن ملفات اللاعبين الأجانب والمحليين قال: the topic */
    *ss = k;
    *se = end;
    return 1;
}

/* Content after token c (a complementizer, a colon, عن): to the end of the
 * sentence, or of the quotation c is in. When it is one quotation whole, the
 * content is inside it and *direct is set. Returns 0 when it is empty. */
static int content_after(const qctx *q, size_t c, size_t *cs, size_t *ce,
                         size_t *close_end, int *direct)
{
    size_t s = c + 1, e = q->last, n;
    *direct = 0;
    if (e == NONE || s > e)
        return 0;
    if (TI(q, c)->encl != NONE && TI(q, c)->encl - 1 < e)
        e = TI(q, c)->encl - 1;
    /* a closing mark opened before the content, and commas, are not in it */
    for (n = 0; n < 4 && e >= s && e != NONE; n++) {
        const tok_info *x = TI(q, e);
        if ((x->mark == CLOSE && x->partner < s) ||
            (!x->mark && (x->kind == K_PUNCT || x->kind == K_TERM)))
            e--;
        else
            break;
    }
    if (e == NONE || e < s)
        return 0;
    /* إن "...", ذلك بدون ...: the quotation, and the narrative after its
     * comma is not in it */
    if (is_open(q, s) && TI(q, s)->partner != NONE &&
        TI(q, s)->partner < e && TI(q, s)->partner > s + 1 &&
        is_comma(q, TI(q, s)->partner + 1))
        e = TI(q, s)->partner;
    *close_end = q->tk[e].end;
    if (is_open(q, s) && TI(q, s)->partner == e) {
        if (s + 1 > e - 1)
            return 0;
        *cs = q->tk[s + 1].start;
        *ce = q->tk[e - 1].end;
        *direct = 1;
        return 1;
    }
    *cs = q->tk[s].start;
    *ce = q->tk[e].end;
    return 1;
}

/* Content inside the quotation that opens at o: to its closing mark, or to
 * the end of the sentence (or of an outer quotation) when it never closes. */
static int content_quoted(const qctx *q, size_t o, size_t *cs, size_t *ce,
                          size_t *close_end)
{
    size_t p = TI(q, o)->partner, e;
    if (p != NONE) {
        if (o + 1 >= p)
            return 0;
        *cs = q->tk[o + 1].start;
        *ce = q->tk[p - 1].end;
        *close_end = q->tk[p].end;
        return 1;
    }
    e = q->last;
    if (TI(q, o)->encl != NONE && (e == NONE || TI(q, o)->encl - 1 < e))
        e = TI(q, o)->encl - 1;
    if (e == NONE || e <= o)
        return 0;
    *cs = q->tk[o + 1].start;
    *ce = q->tk[e].end;
    *close_end = *ce;
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Quotes                                                                   */
/* ------------------------------------------------------------------------ */

static size_t cue_lemma(qctx *q, int cue)
{
    if (q->lemma_off[cue] == NONE)
        q->lemma_off[cue] = kh_doc_put(q->doc, cue_defs[cue].lemma,
                                       strlen(cue_defs[cue].lemma));
    return q->lemma_off[cue];
}

/* A quote under construction. */
typedef struct draft {
    size_t s_start, s_end; /* speaker; s_start == s_end: take the last one */
    size_t c_start, c_end; /* cue */
    size_t q_start, q_end; /* content */
    size_t w_start, w_end; /* the whole, before the speaker joins it */
    size_t first;          /* its first token */
    int cue, direct;
    int follows;           /* continues the quote before it in the sentence
                              (وأضاف, مشيرا): that one's content ends here */
    int no_drop;           /* without a subject it has no speaker: inside a
                              quotation, or in the first person */
    int gender;            /* of a cue verb: G_MASC (singular), G_FEM, or 0
                              (plural, or not a verb) */
} draft;

enum { G_MASC = 1, G_FEM = 2 };

/* Whether a person's name at token t (sentence from token a) may be a
 * clause's subject: at the sentence start or after punctuation, a verb, an
 * adjective, a title of the person or a definite noun in apposition; not
 * the complement of a noun or a preposition (حصول ساركوزي على, مع ترامب). */
static int subject_like(const qctx *q, size_t t, size_t a, size_t name_start)
{
    const khabar_word *h;
    if (t == a || q->tk[t - 1].kind != KHABAR_TOK_ARABIC ||
        kh_titled(q->doc, name_start))
        return 1;
    h = kh_doc_host(q->doc, t - 1, NULL);
    switch (h->upos) {
    case KHABAR_UPOS_VERB: case KHABAR_UPOS_AUX: case KHABAR_UPOS_ADJ:
    case KHABAR_UPOS_CCONJ:
        return 1;
    case KHABAR_UPOS_NOUN:
        return h->form_len > 4 &&
               memcmp(q->doc->norm_buf + h->form, "\xD8\xA7\xD9\x84", 4) == 0;
    default:
        return 0;
    }
}

/* For a verb without a subject and no speaker before it within RECENT
 * sentences: the first person named in the nearest sentence that names one
 * before token c, this one or the NEAREST before it (subjects come first:
 * وطالب أحمدي نجاد، ترامب بـ... then وقال: أحمدي نجاد). 1 when found. */
static int last_person(const qctx *q, size_t c, size_t *s, size_t *e)
{
    const khabar_sentence *sn = q->doc->sentences.data;
    const khabar_entity *en = q->doc->entities.data;
    size_t n = q->doc->entities.len, k;
    for (k = 0; k <= NEAREST && k <= q->sent; k++) {
        size_t a = sn[q->sent - k].first_token, lo = entity_from(q, a);
        for (; lo < n && en[lo].first_token < c &&
               en[lo].first_token < a + sn[q->sent - k].n_tokens;
             lo++) {
            if (en[lo].type == KHABAR_ENT_PER &&
                subject_like(q, en[lo].first_token, a, en[lo].start)) {
                *s = en[lo].start;
                *e = en[lo].end;
                return 1;
            }
        }
    }
    return 0;
}

/* For a verb in the feminine without a subject and no speaker before it
 * within RECENT sentences: the woman named last before token c, in this
 * sentence or the NEAREST before, whose titles say she is one
 * (kh_cluster_gender: التقت الوزيرة سلمى الراشد بالطلاب. وقالت إن ...).
 * Men named after her, by their titles, are passed over (استقبلت الوزيرة
 * X السفير Y. وأضافت); a person nearer whose gender nothing tells, or
 * another woman, and there is none. 1 when found. */
static int feminine_person(const qctx *q, size_t c, size_t *s, size_t *e)
{
    const khabar_sentence *sn = q->doc->sentences.data;
    const khabar_entity *en = q->doc->entities.data;
    const size_t *ec = q->doc->entity_cluster.data;
    size_t first = sn[q->sent > NEAREST ? q->sent - NEAREST : 0].first_token;
    size_t lo = entity_from(q, c), found = NONE;
    if (q->doc->entity_cluster.len != q->doc->entities.len)
        return 0;
    for (; lo > 0 && en[lo - 1].first_token >= first; lo--) {
        const khabar_entity *x = &en[lo - 1];
        size_t a = sn[q->sent].first_token;
        int g;
        if (x->type != KHABAR_ENT_PER)
            continue;
        if (found != NONE && ec[lo - 1] == ec[found])
            continue;
        g = kh_cluster_gender(q->doc, ec[lo - 1]);
        if (g == G_MASC)
            continue;
        if (found != NONE && g != G_FEM)
            continue; /* before her: she is nearer */
        if (g != G_FEM || found != NONE)
            return 0;
        if (x->first_token < a) { /* the sentence she is named in */
            size_t k = q->sent;
            while (k > 0 && sn[k].first_token > x->first_token)
                k--;
            a = sn[k].first_token;
        }
        if (!subject_like(q, x->first_token, a, x->start))
            return 0;
        found = lo - 1;
    }
    if (found == NONE)
        return 0;
    *s = en[found].start;
    *e = en[found].end;
    return 1;
}

/* For a verb without a subject right after a comma (no و or ف on it): the
 * person whose name opens the sentence and ends at the comma (غادة
 * عبدالرازق، قالت), or a report or statement named just before the comma
 * (بعد تقرير لصحيفة وول ستريت جورنال، أفاد بأن ...): its phrase, from the
 * source word to the comma, into [*s, *e). 1 when found. */
static int source_before_comma(const qctx *q, size_t c, size_t *s, size_t *e)
{
    size_t k, lo;
    if (c < q->a + 2 || (TI(q, c)->pre & (P_WA | P_FA)) ||
        TI(q, c)->form == FORM_PART || TI(q, c)->form == FORM_SRC ||
        !is_comma(q, c - 1) || plural_verb(q, c))
        return 0; /* (a participle, مضيفا, continues the speaker before;
                     a verb in the plural, كشفوا, has others for subject
                     than the one named or the report) */
    if (person_ends(q, c - 1)) {
        /* the sentence opens with the name: غادة عبدالرازق، قالت */
        const khabar_entity *en = q->doc->entities.data;
        size_t i = entity_after(q, c - 2);
        if (i < q->doc->entities.len && en[i].first_token == q->a) {
            *s = en[i].start;
            *e = en[i].end;
            return 1;
        }
    }
    lo = c - 2 > q->a + 8 ? c - 2 - 8 : q->a;
    for (k = c - 2; k > lo; k--) {
        const tok_info *y = TI(q, k);
        if ((y->kind != K_NONE && !(y->flags & TF_SOURCE)) || y->mark ||
            y->upos == KHABAR_UPOS_VERB)
            return 0;
        if (y->flags & TF_SOURCE) {
            *s = y->body;
            *e = q->tk[c - 2].end;
            return 1;
        }
    }
    return 0;
}

/* Whether cue token c is a verb in the feminine (قالت, تقول, مضيفة, لفتت,
 * أضافتا): the
 * person named last may be someone else; only a previous quote's speaker
 * is taken for it. */
static int feminine_form(const char *s, size_t n, const char *l, size_t ln)
{
    /* the dual's ا off (أضافتا); a lemma that ends in ت has تت (لفتت) */
    if (has_suffix(s, n, "\xD8\xAA\xD8\xA7"))
        n -= 2;
    return (has_suffix(s, n, "\xD8\xAA") &&
            (!has_suffix(l, ln, "\xD8\xAA") ||
             has_suffix(s, n, "\xD8\xAA\xD8\xAA"))) ||
           has_suffix(s, n, "\xD8\xA9") ||
           (has_prefix(s, n, "\xD8\xAA") && !has_prefix(l, ln, "\xD8\xAA"));
}

static int feminine_verb(const qctx *q, size_t c, int cue)
{
    const char *l = cue_defs[cue].lemma;
    return feminine_form(q->doc->text + TI(q, c)->body,
                         q->tk[c].end - TI(q, c)->body, l, strlen(l));
}

/* feminine_verb() for any verb, against its own lemma. */
static int feminine_word(const qctx *q, size_t c)
{
    const khabar_word *h = kh_doc_host(q->doc, c, NULL);
    return feminine_form(q->doc->text + TI(q, c)->body,
                         q->tk[c].end - TI(q, c)->body,
                         q->doc->norm_buf + h->lemma, h->lemma_len);
}

/* The last person named before d's verb (last_person) when named after
 * the last quote: sets d's speaker and returns 1, else 0. */
static int person_since(const qctx *q, draft *d, const khabar_doc *doc)
{
    size_t s, e;
    if (!doc->quotes.len || !last_person(q, d->first, &s, &e) ||
        s < ((const khabar_quote *)doc->quotes.data)[doc->quotes.len - 1].end)
        return 0;
    d->s_start = s;
    d->s_end = e;
    return 1;
}

/* Whether a person other than one of cluster but is named after the last
 * quote and before token c, or c is in that quote's content (ذكرت الوكالة
 * أن المرصد ...، قال إن: someone the quote names speaks). */
static int person_after_quote(const qctx *q, size_t c, size_t but)
{
    const khabar_entity *en = q->doc->entities.data;
    const khabar_doc *doc = q->doc;
    const khabar_quote *last;
    size_t i = entity_from(q, c), end;
    if (!doc->quotes.len)
        return 0;
    last = (const khabar_quote *)doc->quotes.data + doc->quotes.len - 1;
    if (q->tk[c].start >= last->content_start &&
        q->tk[c].start < last->content_end)
        return 1;
    end = last->end;
    while (i > 0 && en[i - 1].start >= end) {
        if (en[--i].type == KHABAR_ENT_PER &&
            (but == NONE || khabar_doc_entity_cluster(doc, i) != but))
            return 1;
    }
    return 0;
}

/* Whether the cue of d is the first word of the content of the quote before
 * it in the sentence (وقالت الشرطة إنها تعتقد أن ...): the one quote says
 * it already, with its speaker. */
static int opens_last(const qctx *q, const draft *d)
{
    const khabar_quote *p;
    if (q->doc->quotes.len <= q->sent_quotes)
        return 0;
    p = (const khabar_quote *)q->doc->quotes.data + q->doc->quotes.len - 1;
    return !p->direct && q->tk[d->first].start <= p->content_start &&
           p->content_start <= d->c_start;
}

static int emit(qctx *q, draft *d)
{
    khabar_doc *doc = q->doc;
    khabar_quote *nq;
    size_t lem = cue_lemma(q, d->cue), cluster;
    int inner;
    if (lem == NONE)
        return -1;
    if (d->s_start == d->s_end) { /* no subject */
        if (d->no_drop || opens_last(q, d))
            return 0;
        if (source_before_comma(q, d->first, &d->s_start, &d->s_end)) {
            cluster = kh_cluster_at(doc, d->s_start, d->s_end);
        } else if (!q->have_last || q->sent - q->last_sent > RECENT) {
            /* nobody spoke lately: the last person named, if one was; for
             * a verb in the feminine, the woman named last */
            if (plural_verb(q, d->first) ||
                (feminine_verb(q, d->first, d->cue)
                     ? !feminine_person(q, d->first, &d->s_start, &d->s_end)
                     : !last_person(q, d->first, &d->s_start, &d->s_end)))
                return 0;
            cluster = kh_cluster_at(doc, d->s_start, d->s_end);
        } else if (d->gender == G_MASC && q->last_gender == G_FEM &&
                   person_since(q, d, doc)) {
            /* the last speaker's verb was in the feminine and this one is
             * not, and a person was named since (وتقول وكالات الإغاثة ...
             * وقال الطبيب X، وهو ...، "..." وأضاف): that person */
            cluster = kh_cluster_at(doc, d->s_start, d->s_end);
        } else if (d->gender == G_FEM && q->last_gender == G_MASC &&
                   feminine_person(q, d->first, &d->s_start, &d->s_end)) {
            /* وتضيف after a man's words: the woman named last, when the
             * doc says she is one (النائبة داغ) */
            cluster = kh_cluster_at(doc, d->s_start, d->s_end);
        } else if (d->gender && q->last_gender &&
                   d->gender != q->last_gender && q->have_prev &&
                   q->prev_gender == d->gender &&
                   q->sent - q->prev_sent <= RECENT &&
                   !person_after_quote(q, d->first, q->prev_cluster)) {
            /* وقالت الصحيفة ... وقال الطالب ... وأضافت: the speaker before
             * the last, whose verb agrees, when nobody else was named since
             * (وقد أنجبت لوريدانا طفلها، وقالت: she speaks again) */
            d->s_start = q->prev_s;
            d->s_end = q->prev_e;
            cluster = q->prev_cluster;
        } else {
            /* وأضافت after a man's words: a woman or a body not named */
            if (d->gender == G_FEM && q->last_gender == G_MASC &&
                q->last_cluster != NONE &&
                ((const khabar_cluster *)doc->clusters.data)[q->last_cluster]
                        .type == KHABAR_ENT_PER)
                return 0;
            /* وزعموا أن after one person's words: others speak */
            if (plural_verb(q, d->first) && q->last_cluster != NONE &&
                ((const khabar_cluster *)doc->clusters.data)[q->last_cluster]
                        .type == KHABAR_ENT_PER)
                return 0;
            d->s_start = q->last_s;
            d->s_end = q->last_e;
            cluster = q->last_cluster;
        }
    } else {
        size_t name;
        cluster = kh_cluster_at(doc, d->s_start, d->s_end);
        /* A title, then the name: the speaker is the name (the title is a
         * mention of the same cluster). */
        if (kh_person_at_end(doc, d->s_start, d->s_end, &name))
            d->s_start = name;
        if (d->s_start < d->w_start)
            d->w_start = d->s_start;
        if (d->s_end > d->w_end)
            d->w_end = d->s_end;
    }
    /* The content of the quote before it ends where this one starts. */
    if (d->follows && doc->quotes.len > q->sent_quotes) {
        khabar_quote *p = (khabar_quote *)doc->quotes.data +
                          doc->quotes.len - 1;
        size_t k = d->first, n;
        int kd = K_PUNCT;
        /* back over commas and joining words (لكنه أشار) */
        for (n = 0; n < 8 && k > q->a; n++) {
            k--;
            kd = TI(q, k)->kind;
            if (TI(q, k)->mark ||
                (kd != K_PUNCT && kd != K_VLEAD && kd != K_QAD))
                break;
        }
        if (!p->direct && p->content_end > d->w_start &&
            q->tk[k].end > p->content_start && q->tk[k].end < p->content_end &&
            (TI(q, k)->mark ||
             (kd != K_PUNCT && kd != K_VLEAD && kd != K_QAD))) {
            p->content_end = q->tk[k].end;
            p->end = p->content_end > p->cue_end ? p->content_end : p->cue_end;
            if (p->speaker_end > p->end && p->speaker_start >= p->start)
                p->end = p->speaker_end;
        }
    }
    /* A quote inside the quotation of the one before (المسؤول: "يعتقد
     * القادة أن ..."): the speaker who goes on after it is that one's. */
    inner = doc->quotes.len &&
            ((const khabar_quote *)doc->quotes.data)[doc->quotes.len - 1]
                .direct &&
            ((const khabar_quote *)doc->quotes.data)[doc->quotes.len - 1]
                    .content_start <= d->c_start &&
            d->c_end <= ((const khabar_quote *)doc->quotes.data)
                            [doc->quotes.len - 1].content_end;
    nq = kh_vec_push(&doc->quotes, sizeof *nq);
    if (!nq)
        return -1;
    nq->start = d->w_start;
    nq->end = d->w_end;
    nq->speaker_start = d->s_start;
    nq->speaker_end = d->s_end;
    nq->cue_start = d->c_start;
    nq->cue_end = d->c_end;
    nq->content_start = d->q_start;
    nq->content_end = d->q_end;
    nq->cluster = cluster;
    nq->cue_lemma = lem;
    nq->cue_lemma_len = (uint16_t)strlen(cue_defs[d->cue].lemma);
    nq->direct = (uint8_t)d->direct;
    if (!inner && q->have_last &&
        (q->last_s != d->s_start || q->last_e != d->s_end)) {
        q->have_prev = 1;
        q->prev_sent = q->last_sent;
        q->prev_s = q->last_s;
        q->prev_e = q->last_e;
        q->prev_cluster = q->last_cluster;
        q->prev_gender = q->last_gender;
    }
    q->last_sent = q->sent;
    if (inner)
        return 1;
    q->have_last = 1;
    q->last_s = d->s_start;
    q->last_e = d->s_end;
    q->last_cluster = cluster;
    q->last_gender = d->gender;
    return 1;
}

/* Sets the content of d from token ct: a quotation that opens there
 * (opening), else the clause after it. */
static int draft_content(const qctx *q, draft *d, size_t ct, int opening)
{
    size_t close_end;
    if (opening) {
        if (!content_quoted(q, ct, &d->q_start, &d->q_end, &close_end))
            return 0;
        d->direct = 1;
    } else if (!content_after(q, ct, &d->q_start, &d->q_end, &close_end,
                              &d->direct)) {
        return 0;
    }
    d->w_end = close_end > d->c_end ? close_end : d->c_end;
    return 1;
}

/* What follows a cue's subject: the token of the content and how it
 * starts. */
enum { AT_NONE, AT_COMP, AT_OPEN, AT_COLON, AT_AN };

/* After token k (a colon, قوله, قائلا): a complementizer or a quotation,
 * through a colon. */
/* Whether a complementizer (إن, أن) without و or ف comes within n tokens
 * from token s, inside the sentence; or, with an, عن (أعرب X عن). */
static int comp_within(const qctx *q, size_t s, size_t n, int an)
{
    size_t k;
    for (k = s; k < q->b && k < s + n; k++) {
        if (TI(q, k)->mark || TI(q, k)->kind == K_TERM)
            return 0;
        if (TI(q, k)->kind == K_COMP && !(TI(q, k)->pre & (P_WA | P_FA)))
            return 1;
        if (an && TI(q, k)->kind == K_AN && !(TI(q, k)->flags & TF_ENCL))
            return 1;
    }
    return 0;
}

static int after_lead(const qctx *q, size_t k, size_t *ct)
{
    size_t n = k + 1;
    if (kind_at(q, n) == K_COLON && !is_open(q, n))
        n++;
    else if (kind_at(q, n) == K_PUNCT && !TI(q, n)->mark &&
             kind_at(q, n + 1) == K_COMP)
        n++; /* قوله، إن */
    if (is_open(q, n)) {
        *ct = n;
        return AT_OPEN;
    }
    if (kind_at(q, n) == K_COMP) {
        *ct = n;
        return AT_COMP;
    }
    if (kind_at(q, n - 1) == K_COLON && n - 1 > k && n < q->b &&
        q->last != NONE && n <= q->last) {
        *ct = n - 1;
        return AT_COLON;
    }
    return AT_NONE;
}

/* «...»، قال الوزير: the quotation before the cue c, whose closing mark
 * (and up to two punctuation marks) is right before token at (c, or هذا
 * in «...» هذا ما قاله الوزير). */
static int quote_before(qctx *q, size_t c, size_t at, draft *d, size_t *next)
{
    size_t p = at, o, se, n;
    for (n = 0; n < 2 && p > q->a && TI(q, p - 1)->kind == K_PUNCT &&
                !TI(q, p - 1)->mark;
         n++)
        p--;
    if (p == q->a || TI(q, p - 1)->mark != CLOSE)
        return 0;
    p--;
    o = TI(q, p)->partner;
    if (o < q->covered || o + 1 >= p)
        return 0;
    se = cut_speaker(q, c + 1,
                     c + 1 + SRC_REACH < q->b ? c + 1 + SRC_REACH : q->b, 0);
    d->s_start = d->s_end = 0;
    if (se > c + 1) {
        d->s_start = TI(q, c + 1)->body;
        d->s_end = q->tk[se - 1].end;
    }
    d->q_start = q->tk[o + 1].start;
    d->q_end = q->tk[p - 1].end;
    d->w_start = q->tk[o].start;
    d->w_end = d->c_end;
    d->direct = 1;
    d->first = o;
    *next = se > c + 1 ? se : c + 1;
    return 1;
}

/* Whether token k is an adverbial participle right after a verb (وأضاف
 * متسائلا, وتابع مستدركا): a word of five letters or more that starts with
 * م and ends with ا, without the article or a clitic, and no name. It tells
 * how one speaks, not who. */
static int hal_participle(const qctx *q, size_t k)
{
    const tok_info *x = TI(q, k);
    const khabar_word *h = kh_doc_host(q->doc, k, NULL);
    const char *s = q->doc->norm_buf + h->form;
    size_t n = h->form_len;
    if (x->kind != K_NONE || x->pre || x->mark ||
        (x->flags & (TF_DEF | TF_ENCL)) || person_at(q, k) ||
        !has_prefix(s, n, "\xD9\x85") || !has_suffix(s, n, "\xD8\xA7"))
        return 0;
    return kh_utf8_count(s, n) >= 5;
}

/* Whether token k is و written apart from the word after it (و ان). */
static int lone_wa(const qctx *q, size_t k)
{
    return q->tk[k].end - q->tk[k].start == 2 &&
           memcmp(q->doc->text + q->tk[k].start, "\xD9\x88", 2) == 0;
}

/* The comma that closes a clause starting at token s, within 2 * WINDOW
 * tokens and before any other punctuation or quotation mark; NONE if
 * none. */
static size_t clause_end(const qctx *q, size_t s)
{
    size_t k;
    for (k = s; k < q->b && k < s + 2 * WINDOW; k++) {
        if (is_comma(q, k))
            return k;
        if (TI(q, k)->kind == K_PUNCT || TI(q, k)->kind == K_TERM ||
            TI(q, k)->kind == K_COLON || TI(q, k)->mark)
            return NONE;
    }
    return NONE;
}

/* A cue verb at token c (قال, أضاف, نقل عن, جاء في بيان ...). */
/* The subject of the clause that opens the sentence, for a cue c with و
 * and no subject, the sentence's first (وقام الطالب بإيذائها وقال لها إن):
 * the clause's verb comes first (after كما, ثم), says nothing and agrees
 * with the cue in gender, and its subject is right after it. No
 * complementizer or quotation mark comes between, so the cue is no verb of
 * someone's words. The subject is
 *   - a person or organization named, right after the verb or after a
 *     title and its adjectives (واستقبل الرئيس يوسف منصور الوفد وأكد), or
 *     a place right after the verb (دعت إريتريا مجلس الأمن ... وقالت);
 *   - else a title or a source noun (القاضي, المسؤولون, وزارة; not
 *     وبدا الارتباك على سون), with the article and its adjectives, or
 *     without it and with its complements with the article (ودافعت نقابة
 *     الأطباء عن العاملين); not a count (عدد من), nor a noun with a
 *     pronoun.
 * Its bytes, or 0. */
static int clause_subject(const qctx *q, size_t c, int fem, size_t *start,
                          size_t *end)
{
    const khabar_entity *en = q->doc->entities.data;
    const tok_info *x;
    size_t v = q->a, k, i;
    if (!(TI(q, c)->pre & P_WA) || q->doc->quotes.len != q->sent_quotes)
        return 0;
    if (v < c && TI(q, v)->kind == K_VLEAD)
        v++;
    if (v + 2 >= c || TI(q, v)->upos != KHABAR_UPOS_VERB || TI(q, v)->cue ||
        feminine_word(q, v) != fem)
        return 0;
    for (k = v + 1; k < c; k++) {
        const tok_info *y = TI(q, k);
        if (y->kind == K_COMP || y->kind == K_COLON || y->mark || y->cue)
            return 0;
    }
    x = TI(q, v + 1);
    if (x->kind != K_NONE || x->pre || (x->flags & TF_ENCL) ||
        (x->upos != KHABAR_UPOS_NOUN && x->upos != KHABAR_UPOS_PROPN))
        return 0;
    /* a title and its complements, then the name, after a comma or not
     * (القاضي الأمريكي روبرت لاسنيك, المتحدث باسم الرئاسة، هاري روك،) */
    k = v + 1;
    if (title_word_at(q, k) && !in_entity(q, k)) {
        for (k++; k < c && k < v + 5 && !in_entity(q, k) &&
                  TI(q, k)->kind == K_NONE && !TI(q, k)->mark &&
                  !(TI(q, k)->flags & TF_ENCL) &&
                  (TI(q, k)->upos == KHABAR_UPOS_ADJ ||
                   TI(q, k)->upos == KHABAR_UPOS_NOUN);
             k++)
            ;
        if (k < c && is_comma(q, k))
            k++;
    }
    i = entity_from(q, k);
    if (i < q->doc->entities.len && en[i].first_token == k &&
        k + en[i].n_tokens <= c &&
        (en[i].type == KHABAR_ENT_PER || en[i].type == KHABAR_ENT_ORG ||
         (en[i].type == KHABAR_ENT_LOC && k == v + 1)) &&
        (k == v + 1 || en[i].type == KHABAR_ENT_PER)) {
        *start = en[i].start;
        *end = en[i].end;
        return 1;
    }
    /* else a title or a source noun (not وبدا الارتباك على سون) */
    if (in_entity(q, v + 1) ||
        !(title_word_at(q, v + 1) || (x->flags & TF_SOURCE)))
        return 0;
    k = v + 2;
    if (!(x->flags & TF_DEF)) {
        if (k < c && kind_at(q, k) == K_NONE && !TI(q, k)->pre &&
            written_is(q, k, "من"))
            return 0; /* عدد من المواطنين */
        /* its complement: indefinite nouns, then one with the article */
        for (; k < c && k < v + 4 && !TI(q, k)->pre && !in_entity(q, k) &&
               TI(q, k)->kind == K_NONE && !(TI(q, k)->flags & TF_ENCL) &&
               TI(q, k)->upos == KHABAR_UPOS_NOUN;
             k++) {
            if (TI(q, k)->flags & TF_DEF) {
                k++;
                break;
            }
        }
        if (k > v + 2 && !(TI(q, k - 1)->flags & TF_DEF))
            k = v + 2; /* (no article at its end: no complement) */
    }
    /* adjectives with the article */
    for (; k < c && k < v + 6 && (TI(q, k)->flags & TF_DEF) &&
           !TI(q, k)->pre && TI(q, k)->kind == K_NONE &&
           TI(q, k)->upos == KHABAR_UPOS_ADJ;
         k++)
        ;
    *start = x->body;
    *end = q->tk[k - 1].end;
    return 1;
}

static int try_verb(qctx *q, size_t c, size_t *next)
{
    const tok_info *x = TI(q, c);
    int cue = x->cue - 1, at = AT_NONE, conn = 0, qail = 0, wide = 0, rel = 0;
    int naql_pron = 0, hal = 0;
    unsigned fl = cue_defs[cue].flags;
    size_t rs = c + 1, re = c + 1, ct = 0, k, lim, se, ev = c;
    draft d;
    memset(&d, 0, sizeof d);
    d.cue = cue;
    d.c_start = x->body;
    d.c_end = q->tk[c].end;
    d.first = c;
    /* (نقلت الوكالة عن X: the reporter's gender, not the speaker's) */
    d.gender = (fl & CF_NAQL)           ? 0
               : feminine_verb(q, c, cue) ? G_FEM
               : plural_verb(q, c)      ? 0
                                        : G_MASC;
    if ((fl & CF_SAY) && c >= q->a + 3 && TI(q, c - 1)->kind == K_MA &&
        (TI(q, c - 2)->flags & TF_DEM)) {
        /* «...» هذا ما قالته الفتاة: the quotation before هذا, which its
         * pronoun takes up */
        return quote_before(q, c, c - 2, &d, next) ? emit(q, &d) : 0;
    }
    if ((fl & CF_VPOS) && !verb_position(q, c))
        return 0;
    if (cue == Q_BAYYANA && between_and(q, c))
        return 0; /* بينه وبين: a preposition */
    /* ذكرها (mentioned it) is no attribution, nor is تم كشف or ما قال */
    if ((x->flags & TF_ENCL) && cue != Q_ABLAGHA)
        return 0;
    if (c > q->a && ((TI(q, c - 1)->flags & TF_NOVERB) ||
                     TI(q, c - 1)->kind == K_MA))
        return 0;
    /* نرى, أذكر: the writer (or a speaker quoted) speaks of himself; the
     * words after the verb are its object, no speaker */
    if (x->flags & TF_FIRST)
        return 0;
    /* (after a topic, وعن ملفات اللاعبين قال:, the speaker spoke last;
     * not when he speaks to someone: وفي مساء يوم جمعة قال لها) */
    d.no_drop = x->encl != NONE ||
                (!clause_start(q, c) &&
                 !(in_fronted_phrase(q, c) && !to_someone(q, c + 1)));
    if (fl & CF_NAQL) { /* نقلت الوكالة عن المتحدث قوله */
        for (k = c + 1; k < q->b && k < c + 10; k++) {
            if (TI(q, k)->kind == K_AN || TI(q, k)->kind != K_NONE ||
                TI(q, k)->mark)
                break;
        }
        if (k >= q->b || TI(q, k)->kind != K_AN)
            return 0;
        if (k == c + 1)
            d.c_end = q->tk[k].end;
        rs = k + 1;
        /* ونقلت عنه الوكالة قوله: the pronoun speaks, the agency reports */
        naql_pron = (TI(q, k)->flags & TF_ENCL) != 0;
    } else if (fl & CF_JAA) { /* جاء في بيان الوزارة */
        if (kind_at(q, c + 1) != K_FI || c + 2 >= q->b)
            return 0;
        ev = c + 2;
        if (!(TI(q, ev)->flags & TF_EVENT) && construct_head(q, ev))
            ev++; /* جاء في إحدى الرسائل: a head, then the statement */
        if (ev >= q->b || !(TI(q, ev)->flags & TF_EVENT))
            return 0;
        d.c_end = q->tk[ev].end;
        rs = ev + 1;
    }
    if (rs < q->b && (fl & CF_SAY) && hal_participle(q, rs)) {
        rs++; /* وأضاف متسائلا عن ...: no subject */
        hal = 1;
    }
    lim = rs + WINDOW < q->b ? rs + WINDOW : q->b;
    for (k = rs; k < lim && at == AT_NONE; k++) {
        const tok_info *y = TI(q, k);
        size_t m;
        if (k > rs && is_comma(q, k) && k + 1 < q->b &&
            (TI(q, k + 1)->flags & TF_REL) &&
            (m = clause_end(q, k + 1)) != NONE) {
            /* وقال X، الذي تنتهي ولايته بحسب الدستور ...، إن: the relative
             * clause between commas describes the speaker, whatever words
             * it holds; the content is sought after it */
            k = m;
            lim = m + WINDOW < q->b ? m + WINDOW : q->b;
            continue;
        }
        if (y->kind == K_PUNCT && !y->mark && k + 1 < q->b && !wide &&
            (TI(q, k + 1)->pre & P_WA) &&
            TI(q, k + 1)->upos == KHABAR_UPOS_PRON) {
            /* وقال الطبيب X، وهو طبيب مقره ...، لبي بي سي "...": a
             * description of the speaker; the content comes after it */
            lim = k + 1 + 2 * WINDOW < q->b ? k + 1 + 2 * WINDOW : q->b;
            wide = 1;
        }
        if (y->mark == OPEN) {
            size_t p = y->partner;
            /* لـ"الجزيرة نت" أن: a name in quotation marks */
            if (p != NONE && (kind_at(q, p + 1) == K_COMP ||
                              (kind_at(q, p + 1) == K_CONN &&
                               kind_at(q, p + 2) == K_COMP))) {
                k = p;
                continue;
            }
            /* Without a colon, only a verb of saying, or a quotation that
             * ends the sentence, is followed by its words: اعتبر المصريون
             * عيد "شم النسيم" بداية سنة names a thing. */
            if ((p != NONE && p - k <= 2) || /* قالت صحيفة «صول» */
                /* يوم مفتوح حول "الوقاية من ...": a topic's title (after
                 * حول, بشأن; عن is also a source's) */
                (p != NONE && k > rs && (TI(q, k - 1)->flags & TF_CUT) &&
                 TI(q, k - 1)->upos == KHABAR_UPOS_ADP &&
                 TI(q, k - 1)->kind != K_AN) ||
                /* قالت مجموعة "بوسي رايوت" الروسية ... إن: a name of two
                 * words, and the complementizer after it */
                (p != NONE && p - k == 3 &&
                 (k > rs || kind_at(q, p + 1) == K_NONE) &&
                 comp_within(q, p + 1, 2 * WINDOW, (fl & CF_AN) != 0)) ||
                (!(fl & CF_SAY) &&
                 ((fl & CF_OPINION) ||
                  !((p == NONE || p >= q->last) && q->last != NONE &&
                    q->last >= k + 3))) ||
                /* قال ... لمراسلة الجوهرة "اف ام": a short name after an
                 * addressee */
                (p != NONE && p - k <= 4 &&
                 (cut_speaker(q, rs, k, (fl & CF_JAA) != 0) < k ||
                  (k > rs && (TI(q, k - 1)->pre & P_LI))))) {
                /* (the first: fewer than two words) */
                if (p == NONE)
                    break;
                /* a quoted name, marks and all, is not counted in the
                 * window */
                lim = lim + (p - k + 1) < q->b ? lim + (p - k + 1) : q->b;
                k = p;
                continue;
            }
            at = AT_OPEN;
            re = ct = k;
            break;
        }
        if (y->mark == CLOSE || y->kind == K_TERM)
            break;
        if (k > rs && TI(q, k - 1)->kind == K_PUNCT && !TI(q, k - 1)->mark &&
            ((y->upos == KHABAR_UPOS_VERB && !y->cue) || lakin(q, k) ||
             (y->kind == K_VLEAD && is_comma(q, k - 1) && k + 1 < q->b &&
              TI(q, k + 1)->upos == KHABAR_UPOS_VERB && !TI(q, k + 1)->cue)))
            break;
        if (k > rs && y->cue && y->upos == KHABAR_UPOS_VERB &&
            is_comma(q, k - 1))
            break; /* وتعتبر الصين الجزيرة إقليما، وترى أنها: ترى's own */
        if ((TI(q, k)->flags & TF_REL) && k <= rs + 3)
            rel = 1; /* a relative clause on the speaker's name */
        if (k > rs && (fl & CF_OPINION) && !y->cue && !rel &&
            y->upos == KHABAR_UPOS_VERB && !in_entity(q, k))
            break; /* يعتبر الاستقرار مهما للدول التي تخشى أن: an opinion
                      verb's أن comes before any other verb but that of a
                      relative clause on its subject (رأى بينيت الذي يتزعم
                      الحزب أن) */
        if (k > rs &&
            vlead_is(q, k, "\xD8\xA8\xD9\x8A\xD9\x86\xD9\x85\xD8\xA7") &&
            k + 1 < q->b && !TI(q, k + 1)->cue &&
            (TI(q, k + 1)->upos == KHABAR_UPOS_VERB ||
             TI(q, k + 1)->upos == KHABAR_UPOS_AUX))
            break; /* وقال حساب، يبدو أنه ... / ونفت X، ولكن خبراء على ثقة
                      أن ... / ...، فيما يمتاز أفرادها بأنهم / أقرت محكمة
                      ... بينما كانت واشنطن تأمل في أن (بينما with no comma;
                      حيث and فيما often describe a place or make an aside):
                      أن is another clause's */
        switch (y->kind) {
        case K_COMP:
            if ((TI(q, k - 1)->flags & TF_NOCOMP) || because(q, k)) {
                k = lim; /* غير أن, بعد أن, ، ذلك أن: not the cue's */
                break;
            }
            if ((y->pre & (P_WA | P_FA)) || lone_wa(q, k - 1))
                break; /* وإن (و ان): a later clause's, or the name وان */
            if (!(y->flags & TF_ENCL) && k + 1 < q->b &&
                TI(q, k + 1)->kind == K_PUNCT && !TI(q, k + 1)->mark)
                break; /* (لينكد إن): a name's word, followed by no clause */
            at = AT_COMP;
            re = ct = k;
            break;
        case K_CONN:
            if (kind_at(q, k + 1) == K_COMP && (fl & CF_OPINION) && k > rs) {
                k = lim; /* يعتبر أكبر دليل على أن: the noun's أن */
            } else if (kind_at(q, k + 1) == K_COMP) {
                at = AT_COMP;
                re = k;
                ct = k + 1;
                conn = 1;
            } else if (fl & CF_TO) {
                k = lim; /* أشار إلى النقاط: no content */
            }
            break;
        case K_COLON:
            re = k;
            at = after_lead(q, k - 1, &ct);
            if (at == AT_NONE)
                return 0;
            break;
        case K_QAWL:
            if (fl & CF_NAQL) {
                re = k;
                at = after_lead(q, k, &ct);
                if (at == AT_NONE)
                    return 0;
            }
            break;
        case K_AN:
            /* (أعرب X عن ثقته في تقرير ... عن: a noun with a pronoun
             * after عن is the content, whatever عن comes later) */
            if ((fl & CF_AN) && !(y->flags & TF_ENCL) &&
                (!another_an(q, k + 1, lim) ||
                 (k + 1 < q->b && (TI(q, k + 1)->flags & TF_ENCL) &&
                  TI(q, k + 1)->upos == KHABAR_UPOS_NOUN))) {
                at = AT_AN;
                re = ct = k;
            }
            break;
        default:
            if (y->cue == Q_QALA + 1 && y->form == FORM_PART) { /* قائلا */
                re = k;
                qail = 1;
                at = after_lead(q, k, &ct);
                if (at == AT_NONE)
                    return 0;
            } else if (y->cue && (y->form == FORM_PART ||
                                  y->form == FORM_SRC ||
                                  !(cue_defs[y->cue - 1].flags & CF_VPOS))) {
                k = lim; /* another cue: its own quote */
            }
            break;
        }
    }
    if (at == AT_NONE) {
        if (!(fl & CF_SAY) || (fl & CF_QAIL))
            return 0;
        if (!quote_before(q, c, c, &d, next))
            return 0;
        return emit(q, &d);
    }
    if (((fl & CF_QAIL) && !qail) || ((fl & CF_ILA) && !conn))
        return 0;
    /* أشار خلاله الوزير, قال فيها الوزير: a preposition with a pronoun
     * between the verb and its subject. */
    for (k = 0; k < 2 && rs + 1 < re && (TI(q, rs)->flags & TF_ENCL) &&
                TI(q, rs)->upos == KHABAR_UPOS_ADP && !(fl & CF_NAQL);
         k++)
        rs++;
    /* وأضاف مؤكدا نية ...: the words after the participle are its object,
     * no subject */
    se = naql_pron || hal ? rs : cut_speaker(q, rs, re, (fl & CF_JAA) != 0);
    /* لفت الوزير النظر إلى أن, لفت الانتباه: the attention drawn is the
     * verb's object, before the speaker or after it */
    if (cue == Q_LAFATA && se > rs) {
        if (attention(q, rs))
            rs++;
        else if (attention(q, se - 1))
            se--;
    }
    /* أبلغ «الشرق الأوسط» فلان: the quoted name is told, not telling */
    if (cue == Q_ABLAGHA && se > rs && TI(q, rs)->mark == OPEN &&
        TI(q, rs)->partner != NONE && TI(q, rs)->partner + 1 < se)
        rs = TI(q, rs)->partner + 1;
    if (se > rs) {
        d.s_start = TI(q, rs)->body;
        d.s_end = q->tk[se - 1].end;
        /* the title, then its name: the name speaks (a name the recognizer
         * found is taken by kh_person_at_end(), in emit(), too) */
        for (k = rs + 1; k < se; k++) {
            if (apposition(q, k, se) == se) {
                d.s_start = TI(q, k + 1)->body;
                break;
            }
        }
    } else if (fl & CF_JAA) {
        d.s_start = TI(q, c + 2)->body; /* جاء في البيان: the statement */
        d.s_end = q->tk[ev].end;
    } else {
        size_t ss, sse;
        if (x->flags & TF_IMPERS)
            return 0; /* يذكر أن */
        if (disagrees_with_relative(q, c, d.gender == G_FEM))
            return 0; /* الزواج، الذي قالوا إنه ...: not the noun's words */
        if (subject_before(q, c, &ss, &sse)) {
            d.s_start = TI(q, ss)->body;
            d.s_end = q->tk[sse - 1].end;
            d.first = ss;
        } else if (!d.no_drop) {
            clause_subject(q, c, d.gender == G_FEM, &d.s_start, &d.s_end);
        }
    }
    d.w_start = d.c_start;
    if (!draft_content(q, &d, ct, at == AT_OPEN))
        return 0;
    d.follows = (x->pre & (P_WA | P_FA)) || d.s_start == d.s_end ||
                (c > q->a && TI(q, c - 1)->kind == K_PUNCT);
    *next = ct + 1;
    return emit(q, &d);
}

/* Whether a cue stands in tokens [s, e): a participle after it continues
 * its quote, found or not. */
static int says_something(qctx *q, size_t s, size_t e)
{
    size_t k;
    for (k = s; k < e; k++) {
        if (TI(q, k)->cue)
            return 1;
    }
    return 0;
}

/* The first person or organization named in tokens [s, e): its bytes, or
 * 0 when there is none. */
static int first_actor(const qctx *q, size_t s, size_t e, size_t *start,
                       size_t *end)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i;
    for (i = entity_after(q, s);
         i < q->doc->entities.len && en[i].first_token < e; i++) {
        size_t a = en[i].first_token;
        if (a >= s && a + en[i].n_tokens <= e &&
            (en[i].type == KHABAR_ENT_PER || en[i].type == KHABAR_ENT_ORG)) {
            *start = en[i].start;
            *end = en[i].end;
            return 1;
        }
    }
    return 0;
}

/* Whether the bytes at start begin a token right after a preposition
 * written apart (إلى ليفربول, في لندن; not the ل of لحزب). */
static int after_preposition(const qctx *q, size_t start)
{
    size_t k;
    for (k = q->a + 1; k < q->b && q->tk[k].start < start; k++)
        ;
    return k < q->b && q->tk[k].start == start && !TI(q, k)->pre &&
           TI(q, k - 1)->upos == KHABAR_UPOS_ADP && !TI(q, k - 1)->pre &&
           TI(q, k - 1)->kind != K_PUNCT;
}

/* The subject right after the verb that opens tokens [s, e), when the verb
 * agrees with a participle of gender fem: a noun without the article or a
 * clitic (غادرت فرح المنزل), and the words with the article that complete
 * a source noun (أعلنت وزارة الخارجية); or a noun with the article and its
 * adjectives (توجه المهاجم الإيطالي). Its bytes, or 0. */
static int verb_subject(const qctx *q, size_t s, size_t e, int fem,
                        size_t *start, size_t *end)
{
    const tok_info *x;
    size_t k;
    if (s < e && TI(q, s)->kind == K_VLEAD)
        s++; /* كما انتقدت */
    if (s + 1 >= e || TI(q, s)->upos != KHABAR_UPOS_VERB ||
        feminine_word(q, s) != fem)
        return 0;
    x = TI(q, s + 1);
    if (x->kind != K_NONE || x->pre || x->mark || (x->flags & TF_ENCL) ||
        (x->upos != KHABAR_UPOS_NOUN && x->upos != KHABAR_UPOS_PROPN))
        return 0;
    if (x->flags & TF_DEF) {
        /* وتوجه المهاجم الإيطالي إلى ...، قائلا: the noun and its
         * adjectives */
        for (k = s + 2; k < e && k < s + 4 && (TI(q, k)->flags & TF_DEF) &&
                        !TI(q, k)->pre && TI(q, k)->kind == K_NONE &&
                        TI(q, k)->upos == KHABAR_UPOS_ADJ;
             k++)
            ;
        *start = x->body;
        *end = q->tk[k - 1].end;
        return 1;
    }
    /* its complement, then adjectives: وزارة الخارجية الأمريكية */
    for (k = s + 2; k < e && k < s + 4 && (x->flags & TF_SOURCE) &&
                    (TI(q, k)->flags & TF_DEF) && !TI(q, k)->pre &&
                    (TI(q, k)->upos == KHABAR_UPOS_ADJ ||
                     (k == s + 2 && TI(q, k)->upos == KHABAR_UPOS_NOUN));
         k++)
        ;
    *start = x->body;
    *end = q->tk[k - 1].end;
    return 1;
}

/* The subject right after the clause's verb, a noun (with the article or
 * not) and not in an entity, when a comma parts it from the first person
 * or organization named, which starts at token ep (اتهم الزوج، جامعة تبوك
 * بتغيير ...: the organization is the object): its bytes, or 0. The verb
 * is within three tokens of s (ومن جهته اتهم). */
static int subject_before_actor(const qctx *q, size_t s, size_t ep,
                                size_t *start, size_t *end)
{
    size_t v, k;
    for (v = s; v < ep && v < s + 4; v++) {
        if (TI(q, v)->upos == KHABAR_UPOS_VERB)
            break;
        if (TI(q, v)->kind == K_PUNCT || TI(q, v)->mark)
            return 0;
    }
    if (v + 2 >= ep || v >= s + 4 || TI(q, v + 1)->upos != KHABAR_UPOS_NOUN ||
        TI(q, v + 1)->pre || TI(q, v + 1)->mark || in_entity(q, v + 1))
        return 0;
    for (k = v + 2; k < ep && !is_comma(q, k); k++) {
        if (TI(q, k)->kind == K_PUNCT || TI(q, k)->mark)
            return 0;
    }
    if (k + 1 != ep)
        return 0;
    *start = TI(q, v + 1)->body;
    *end = q->tk[k - 1].end;
    return 1;
}

/* A participle after a quote of the sentence: ...، مؤكدا أن ...; or, in a
 * sentence without one, after a clause whose verb says nothing (وصل الوزير
 * إلى بغداد، قائلا إن ...): the speaker is then the first person or
 * organization of the sentence, the clause's subject; with none named, the
 * subject after the verb (verb_subject). */
static int try_participle(qctx *q, size_t c, size_t *next)
{
    const tok_info *x = TI(q, c);
    int cue = x->cue - 1, at = AT_NONE;
    size_t n = c + 1, ct = 0, s_start = 0, s_end = 0;
    int first = q->doc->quotes.len == q->sent_quotes;
    draft d;
    if (x->encl != NONE)
        return 0;
    if (kind_at(q, n) == K_FI && n + 1 < q->b &&
        (TI(q, n + 1)->flags & TF_EVENT))
        n += 2; /* قائلة في بيان إن */
    if (first && (c == q->a ||
                  /* the comma before it, or إن right after: القصف قائلة إن */
                  (TI(q, c - 1)->kind != K_PUNCT && kind_at(q, n) != K_COMP) ||
                  says_something(q, q->a, c) ||
                  (!first_actor(q, q->a, c, &s_start, &s_end) &&
                   !verb_subject(q, q->a, c, feminine_verb(q, c, cue),
                                 &s_start, &s_end))))
        return 0;
    if (first && after_preposition(q, s_start)) {
        /* وتوجه المهاجم الإيطالي إلى ليفربول، قائلا: the one named is
         * where the subject went; the subject speaks, when there is one */
        size_t vs, ve;
        if (verb_subject(q, q->a, c, feminine_verb(q, c, cue), &vs, &ve) &&
            ve <= s_start) {
            s_start = vs;
            s_end = ve;
        }
    }
    if (first && s_end > s_start) {
        size_t ep = q->a;
        while (ep < c && q->tk[ep].start < s_start)
            ep++;
        subject_before_actor(q, q->a, ep, &s_start, &s_end);
    }
    if (kind_at(q, n) == K_CONN && kind_at(q, n + 1) == K_COMP) {
        at = AT_COMP;
        ct = n + 1;
    } else if (kind_at(q, n) == K_COMP) {
        at = AT_COMP;
        ct = n;
    } else if (is_open(q, n) || kind_at(q, n) == K_COLON) {
        at = after_lead(q, c, &ct);
    } else if ((cue_defs[cue].flags & CF_AN) && kind_at(q, n) == K_AN) {
        at = AT_AN;
        ct = n;
    }
    if (at == AT_NONE || ((cue_defs[cue].flags & CF_ILA) && ct == n))
        return 0;
    memset(&d, 0, sizeof d);
    d.cue = cue;
    d.c_start = x->body;
    d.c_end = q->tk[c].end;
    d.w_start = d.c_start;
    d.first = c;
    d.follows = !first;
    d.s_start = s_start;
    d.s_end = s_end;
    if (!draft_content(q, &d, ct, at == AT_OPEN))
        return 0;
    /* after a quote, no speaker: emit() takes the last one, that quote's */
    *next = ct + 1;
    return emit(q, &d);
}

/* بقوله after a clause: ووصفها أحد النقاد بقوله: «...», وعلق الوزير على
 * القرار بقوله إن ...: the subject after the clause's verb speaks; after
 * a verb and its object with a pronoun (واختتم حديثه بقوله), the one who
 * spoke last. */
static int try_biqawl(qctx *q, size_t c, size_t *next)
{
    size_t v, ct = 0, se, k;
    int at = after_lead(q, c, &ct);
    draft d;
    if (at == AT_NONE)
        return 0;
    for (v = c; v > q->a; v--) {
        const tok_info *y = TI(q, v - 1);
        if (y->kind == K_PUNCT || y->kind == K_TERM || y->kind == K_COLON ||
            y->mark || y->upos == KHABAR_UPOS_VERB)
            break;
    }
    if (v == q->a || TI(q, v - 1)->upos != KHABAR_UPOS_VERB)
        return 0;
    se = cut_speaker(q, v, c, 0);
    for (k = v + 1; k < se; k++) {
        if (TI(q, k)->upos == KHABAR_UPOS_ADP && !TI(q, k)->pre) {
            se = k; /* وعلق الوزير على القرار بقوله: what he spoke of */
            break;
        }
    }
    if (se <= v)
        return 0;
    memset(&d, 0, sizeof d);
    d.cue = Q_QALA;
    d.c_start = q->tk[c].start;
    d.c_end = q->tk[c].end;
    d.w_start = q->tk[v - 1].start;
    d.first = v - 1;
    /* واختتم حديثه بقوله: the noun after the verb, with its pronoun, is
     * the object; the one it names spoke last (no subject) */
    if (!(se == v + 1 && (TI(q, v)->flags & TF_ENCL))) {
        d.s_start = TI(q, v)->body;
        d.s_end = q->tk[se - 1].end;
    }
    if (!draft_content(q, &d, ct, at == AT_OPEN))
        return 0;
    *next = ct + 1;
    return emit(q, &d);
}

/* Whether tokens [s, e) name a source: a person or an organization in
 * them, or any entity starting them (بحسب واشنطن). Entities are in input
 * order. */
static int names_source(const qctx *q, size_t s, size_t e)
{
    const khabar_entity *en = q->doc->entities.data;
    size_t i;
    for (i = entity_after(q, s);
         i < q->doc->entities.len && en[i].first_token < e; i++) {
        if (en[i].type == KHABAR_ENT_PER || en[i].type == KHABAR_ENT_ORG ||
            en[i].first_token == s)
            return 1;
    }
    return 0;
}

/* A source: بحسب الكرملين، ... / ...، وفقا لوكالة الأنباء. / نقلا عن ... */
static int try_source(qctx *q, size_t c, size_t *next)
{
    const tok_info *x = TI(q, c);
    int kind = x->kind, has_verb = 0, direct = 0;
    size_t s = c + 1, k, lim, se, e0, s0, close_end, n, ct;
    draft d;
    memset(&d, 0, sizeof d);
    d.cue = x->cue - 1;
    d.c_start = x->body;
    d.c_end = q->tk[c].end;
    if (x->pre & P_BI) { /* بحسب: the cue starts at ب */
        const khabar_word *w = q->w;
        size_t i;
        for (i = q->tw[c]; i < q->tw[c + 1]; i++) {
            if (w[i].role == KHABAR_WORD_PROCLITIC && w[i].form_len == 2 &&
                (unsigned char)q->doc->norm_buf[w[i].form + 1] == 0xA8) {
                d.c_start = w[i].start;
                break;
            }
        }
    }
    if (x->flags & TF_MA) {
        s = c; /* حسبما قال: as if ما stood apart */
    } else if (kind == K_WIFQ || kind == K_TIBQ) { /* وفقا لـ / وفقا للبيان */
        if (s >= q->b || !(TI(q, s)->pre & P_LI))
            return 0;
        if (q->tk[s].end - q->tk[s].start <= 4) { /* لـ alone */
            d.c_end = q->tk[s].end;
            s++;
        }
    } else if (kind == K_NAQLAN) {
        if (kind_at(q, s) != K_AN)
            return 0;
        d.c_end = q->tk[s].end;
        s++;
    }
    if ((kind_at(q, s) == K_MA || s == c) && s + 1 < q->b &&
        (TI(q, s + 1)->cue || TI(q, s + 1)->upos == KHABAR_UPOS_VERB)) {
        const tok_info *v = TI(q, s + 1);
        if (v->cue && v->form != FORM_SRC && v->form != FORM_PART)
            d.cue = v->cue - 1; /* بحسب ما قال: the verb's lemma */
        d.c_end = q->tk[s + 1].end;
        s += 2;
        has_verb = 1;
    } else if (s == c) {
        return 0;
    } else if (s + 1 < q->b && q->tk[s].end - q->tk[s].start == 6 &&
               !memcmp(q->doc->text + q->tk[s].start, "\xD9\x82\xD9\x88\xD9\x84",
                       6)) {
        d.c_end = q->tk[s].end; /* حسب قول خلود: the cue is حسب قول */
        s++;
    }
    lim = s + SRC_REACH < q->b ? s + SRC_REACH : q->b;
    for (k = s; k < lim; k++) {
        const tok_info *y = TI(q, k);
        if (y->mark || (y->kind == K_PUNCT && !glued_hyphen(q, k)) ||
            y->kind == K_COLON || y->kind == K_TERM || y->kind == K_COMP ||
            lakin(q, k))
            break;
    }
    se = cut_speaker(q, s, k, 1);
    if (se == s)
        return 0;
    if (!has_verb && !names_source(q, s, se) &&
        !(TI(q, s)->flags & TF_SOURCE))
        return 0;
    d.s_start = TI(q, s)->body;
    d.s_end = q->tk[se - 1].end;
    *next = se;
    s0 = q->covered > q->a ? q->covered : q->a;
    for (n = 0; n < 4 && s0 < c && TI(q, s0)->kind == K_PUNCT &&
                !TI(q, s0)->mark;
         n++)
        s0++;
    ct = k;
    for (n = 0; n < 2 && ct < q->b && TI(q, ct)->kind == K_PUNCT &&
                !TI(q, ct)->mark;
         n++)
        ct++;
    if (ct < q->b && (TI(q, ct)->flags & TF_REL)) {
        /* بحسب المسؤول، الذي لم يتم نشر اسمه، فإن: past the relative
         * clause to فإن */
        size_t r;
        for (r = ct + 1; r + 1 < q->b && r < ct + 14; r++) {
            const tok_info *y = TI(q, r);
            if (y->mark || y->kind == K_TERM || y->kind == K_COLON)
                break;
            if (y->kind == K_PUNCT && kind_at(q, r + 1) == K_COMP) {
                ct = r + 1;
                break;
            }
        }
    }
    /* The content follows when the source leads the sentence or فإن comes
     * after it (بحسب X، فإن ...); else it is what came before (...، بحسب X). */
    if (s0 >= c && q->covered > q->a && kind_at(q, ct) != K_COMP) {
        /* ...، قال X إن ... حسب موقع Y: what comes before is another
         * quote's; this source leads nothing */
        size_t a0 = q->a;
        for (n = 0; n < 4 && a0 < c && TI(q, a0)->kind == K_PUNCT &&
                    !TI(q, a0)->mark;
             n++)
            a0++;
        if (a0 < c)
            return 0;
    }
    if (q->last != NONE && k <= q->last &&
        (s0 >= c || kind_at(q, ct) == K_COMP)) {
        if (kind_at(q, ct) != K_COMP)
            ct--; /* content_after() starts after ct */
        if (!content_after(q, ct, &d.q_start, &d.q_end, &close_end,
                           &d.direct))
            return 0;
        d.w_start = d.c_start;
        d.w_end = close_end;
        d.first = c;
        *next = ct + 1;
        return emit(q, &d);
    }
    if (s0 >= c)
        return 0;
    e0 = c - 1;
    for (n = 0; n < 4 && e0 >= s0 && e0 != NONE; n++) {
        if (TI(q, e0)->kind == K_PUNCT && !TI(q, e0)->mark)
            e0--;
        else
            break;
    }
    if (e0 == NONE || e0 < s0)
        return 0;
    if (e0 == s0 && TI(q, s0)->cue)
        return 0; /* وأضافت، بحسب ما نقلته الوكالة: «...»: the cue is no
                     content (the verb's quote is the one after it) */
    if (is_open(q, s0) && TI(q, s0)->partner == e0) {
        if (s0 + 1 > e0 - 1)
            return 0;
        d.q_start = q->tk[s0 + 1].start;
        d.q_end = q->tk[e0 - 1].end;
        direct = 1;
    } else {
        d.q_start = q->tk[s0].start;
        d.q_end = q->tk[e0].end;
    }
    d.direct = direct;
    d.w_start = q->tk[s0].start;
    d.w_end = d.s_end;
    d.first = s0;
    return emit(q, &d);
}

/* ------------------------------------------------------------------------ */
/* The stage                                                                */
/* ------------------------------------------------------------------------ */

static int by_start(const void *pa, const void *pb)
{
    const khabar_quote *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->cue_start != b->cue_start)
        return a->cue_start < b->cue_start ? -1 : 1;
    return 0;
}

static int quotes_in_sentence(qctx *q)
{
    size_t i;
    q->covered = q->a;
    for (i = q->a; i < q->b; i++) {
        const tok_info *x = TI(q, i);
        size_t next = i + 1, before = q->doc->quotes.len;
        int rc;
        if (!x->cue && !(x->kind == K_QAWL && (x->pre & P_BI) &&
                         (x->flags & TF_ENCL)))
            continue;
        if (!x->cue)
            rc = try_biqawl(q, i, &next);
        else if (x->form == FORM_SRC)
            rc = try_source(q, i, &next);
        else if (x->form == FORM_PART)
            rc = try_participle(q, i, &next);
        else
            rc = try_verb(q, i, &next);
        if (rc < 0)
            return -1;
        if (rc > 0 && q->doc->quotes.len > before) {
            const khabar_quote *nq =
                (const khabar_quote *)q->doc->quotes.data + before;
            /* tokens up to the quote's end are covered */
            while (q->covered < q->b && q->tk[q->covered].start < nq->end)
                q->covered++;
            if (next > i + 1)
                i = next - 1;
        }
    }
    return 0;
}

int kh_quotes(khabar_doc *doc)
{
    qctx q;
    key_index ix;
    kh_vec info = {0}, stack = {0};
    const khabar_sentence *sn = doc->sentences.data;
    size_t si, i, n;
    int rc = 0, sorted = 1;
    if (!doc->token_words || !doc->tokens.len)
        return 0;
    memset(&q, 0, sizeof q);
    q.doc = doc;
    q.tk = doc->tokens.data;
    q.w = doc->words.data;
    q.tw = doc->token_words;
    index_keys(&ix);
    q.ix = &ix;
    for (i = 0; i < Q_COUNT; i++)
        q.lemma_off[i] = NONE;
    for (si = 0, n = 0; si < doc->sentences.len && rc == 0;) {
        size_t k, end = sn[si].first_token + sn[si].n_tokens;
        if (n == 0) { /* a new sentence */
            q.sent = si;
            q.sent_quotes = doc->quotes.len;
        }
        q.a = sn[si].first_token + n;
        q.b = end - q.a > CHUNK ? q.a + CHUNK : end;
        n += q.b - q.a;
        if (q.b == end) {
            si++;
            n = 0;
        }
        if (q.b == q.a)
            continue;
        info.len = stack.len = 0;
        if (kh_vec_reserve(&info, sizeof(tok_info), q.b - q.a) != 0 ||
            kh_vec_reserve(&stack, sizeof(size_t), q.b - q.a) != 0) {
            rc = -1;
            break;
        }
        q.ti = info.data;
        for (k = q.a; k < q.b; k++)
            classify(&q, k, TI(&q, k));
        pair_marks(&q, stack.data);
        q.last = q.b - 1;
        while (q.last != NONE && q.last >= q.a &&
               !TI(&q, q.last)->mark &&
               (TI(&q, q.last)->kind == K_TERM ||
                TI(&q, q.last)->kind == K_PUNCT)) {
            if (q.last == q.a) {
                q.last = NONE;
                break;
            }
            q.last--;
        }
        rc = quotes_in_sentence(&q);
    }
    kh_vec_free(&info);
    kh_vec_free(&stack);
    if (rc != 0)
        return -1;
    for (i = 1; i < doc->quotes.len; i++) {
        if (by_start((khabar_quote *)doc->quotes.data + i - 1,
                     (khabar_quote *)doc->quotes.data + i) > 0)
            sorted = 0;
    }
    if (!sorted)
        qsort(doc->quotes.data, doc->quotes.len, sizeof(khabar_quote),
              by_start);
    return 0;
}
