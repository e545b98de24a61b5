/* test_quotes.c - the quote stage: attributions in their usual shapes
 * (verb first, subject first, no subject, participles, sources, the quote
 * first), quotation marks of every kind, paired or left open, words that
 * look like cues and are not, and inputs that must stay linear. */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "core/doc.h"
#include "extract/extract.h"
#include "test.h"

static khabar_doc *analyze_flags(const char *text, unsigned flags)
{
    khabar_options o = {0};
    o.stages = KHABAR_STAGE_QUOTES;
    o.flags = flags;
    return khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
}

static khabar_doc *analyze(const char *text)
{
    return analyze_flags(text, 0);
}

/* text through the entities; the first person spelled name is widened to
 * the token that ends with wider (as the recognizer might have found it),
 * then coreference and quotes run. */
static khabar_doc *widened(const char *text, const char *name,
                           const char *wider)
{
    khabar_options o = {0};
    khabar_doc *d;
    khabar_entity *e;
    const khabar_token *tk;
    const char *w = strstr(text, wider);
    size_t i, t, n = strlen(name);
    o.stages = KHABAR_STAGE_ENTITIES;
    d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    if (!d || !w)
        return d;
    e = (khabar_entity *)d->entities.data;
    tk = khabar_doc_tokens(d);
    for (i = 0; i < d->entities.len; i++) {
        if (e[i].type != KHABAR_ENT_PER || e[i].end - e[i].start != n ||
            memcmp(text + e[i].start, name, n) != 0)
            continue;
        for (t = e[i].first_token + e[i].n_tokens; t < khabar_doc_token_count(d); t++) {
            if (tk[t].end == (size_t)(w - text) + strlen(wider)) {
                e[i].n_tokens = t + 1 - e[i].first_token;
                e[i].end = kh_doc_host(d, t, NULL)->end; /* as the
                    recognizer ends it: before a pronoun suffix */
                break;
            }
        }
        break;
    }
    if (kh_coref(d) != 0 || kh_quotes(d) != 0) {
        khabar_doc_free(d);
        return NULL;
    }
    return d;
}

/* Compares input bytes [s, e) of d with want. */
#define CHECK_SPAN(d, s, e, want)                                            \
    t_check_mem(__FILE__, __LINE__, khabar_doc_text((d), NULL) + (s),        \
                (e) - (s), (want))

/* What every quote of every doc must satisfy. */
static void invariants(const khabar_doc *d)
{
    size_t n = khabar_doc_quote_count(d), i, len;
    const khabar_quote *q = khabar_doc_quotes(d);
    const char *nb = khabar_doc_norm(d);
    khabar_doc_text(d, &len);
    for (i = 0; i < n; i++) {
        CHECK(q[i].start < q[i].end && q[i].end <= len);
        CHECK(q[i].cue_start < q[i].cue_end);
        CHECK(q[i].cue_start >= q[i].start && q[i].cue_end <= q[i].end);
        CHECK(q[i].content_start < q[i].content_end);
        CHECK(q[i].content_start >= q[i].start &&
              q[i].content_end <= q[i].end);
        CHECK(q[i].speaker_start < q[i].speaker_end &&
              q[i].speaker_end <= len);
        CHECK(q[i].cue_lemma_len > 0 && nb[q[i].cue_lemma] != 0);
        CHECK(q[i].direct == 0 || q[i].direct == 1);
        CHECK(q[i].cluster == SIZE_MAX ||
              q[i].cluster < khabar_doc_cluster_count(d));
        if (i > 0)
            CHECK(q[i - 1].start <= q[i].start);
    }
}

/* Quote i of d has this speaker, cue, cue lemma, content and kind. */
static void expect(const khabar_doc *d, size_t i, const char *speaker,
                   const char *cue, const char *lemma, const char *content,
                   int direct)
{
    const khabar_quote *q;
    CHECK(i < khabar_doc_quote_count(d));
    if (i >= khabar_doc_quote_count(d))
        return;
    q = &khabar_doc_quotes(d)[i];
    CHECK_SPAN(d, q->speaker_start, q->speaker_end, speaker);
    CHECK_SPAN(d, q->cue_start, q->cue_end, cue);
    CHECK_MEM(khabar_doc_norm(d) + q->cue_lemma, q->cue_lemma_len, lemma);
    CHECK_SPAN(d, q->content_start, q->content_end, content);
    CHECK(q->direct == direct);
}

static void expect_whole(const khabar_doc *d, size_t i, const char *whole)
{
    const khabar_quote *q;
    CHECK(i < khabar_doc_quote_count(d));
    if (i >= khabar_doc_quote_count(d))
        return;
    q = &khabar_doc_quotes(d)[i];
    CHECK_SPAN(d, q->start, q->end, whole);
}

/* Text with exactly one quote, of this speaker, cue and content. */
static void one(const char *text, const char *speaker, const char *cue,
                const char *lemma, const char *content, int direct)
{
    khabar_doc *d = analyze(text);
    CHECK(d != NULL);
    if (!d)
        return;
    if (khabar_doc_quote_count(d) != 1)
        fprintf(stderr, "  %zu quotes in: %s\n", khabar_doc_quote_count(d),
                text);
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, speaker, cue, lemma, content, direct);
    invariants(d);
    khabar_doc_free(d);
}

/* Text without any quote. */
static void none(const char *text)
{
    khabar_doc *d = analyze(text);
    CHECK(d != NULL);
    if (!d)
        return;
    if (khabar_doc_quote_count(d) != 0)
        fprintf(stderr, "  %zu quotes in: %s\n", khabar_doc_quote_count(d),
                text);
    CHECK(khabar_doc_quote_count(d) == 0);
    khabar_doc_free(d);
}

/* ------------------------------------------------------------------------ */

static void verb_first(void)
{
    khabar_doc *d;
    one("وقال وزير الخارجية إن المحادثات كانت مثمرة.", "وزير الخارجية",
        "قال", "قال", "المحادثات كانت مثمرة", 0);
    one("قال مراسل القناة إن الطائرة هبطت بسلام.", "مراسل القناة", "قال",
        "قال", "الطائرة هبطت بسلام", 0);
    /* A title, then a person's name: the speaker is the name (the title
     * is a mention of the same cluster). */
    one("وقال مدير مكتب الوكالة في باريس جان دوبوا إن الاجتماع تأجل.",
        "جان دوبوا", "قال", "قال", "الاجتماع تأجل", 0);
    /* a preposition with a pronoun between the verb and its subject */
    one("وأشار خلاله وزير الخارجية سالم الهاشمي إلى أن الحوار مستمر.",
        "سالم الهاشمي", "أشار", "أشار", "الحوار مستمر", 0);
    /* the enclitic of أنه is not content; the whole starts at the verb */
    d = analyze("وأكد رئيس البلدية أنه سيعيد فتح السوق.");
    expect(d, 0, "رئيس البلدية", "أكد", "أكد", "سيعيد فتح السوق", 0);
    expect_whole(d, 0, "أكد رئيس البلدية أنه سيعيد فتح السوق");
    invariants(d);
    khabar_doc_free(d);
    /* إلى أن, على أن, من أن, بأن */
    one("وأشار التقرير إلى أن الصادرات ارتفعت.", "التقرير", "أشار", "أشار",
        "الصادرات ارتفعت", 0);
    one("وشدد الوزير على أن الحوار هو الحل.", "الوزير", "شدد", "شدد",
        "الحوار هو الحل", 0);
    one("وحذر الخبراء من أن الجفاف سيطول.", "الخبراء", "حذر", "حذر",
        "الجفاف سيطول", 0);
    one("وأفادت الشرطة بأن الطريق أعيد فتحه.", "الشرطة", "أفادت", "أفاد",
        "الطريق أعيد فتحه", 0);
    one("وصرح المدرب بأن اللاعبين جاهزون.", "المدرب", "صرح", "صرح",
        "اللاعبين جاهزون", 0);
}

/* Inflections come back to the cue through the lemma or the affixes. */
static void inflections(void)
{
    static const struct {
        const char *text, *cue, *lemma;
    } cases[] = {
        {"قالت الوزيرة إن الخطة جاهزة.", "قالت", "قال"},
        {"يقول الخبير إن الأسعار سترتفع.", "يقول", "قال"},
        {"تقول المصادر إن الوفد وصل.", "تقول", "قال"},
        {"والسكان يقولون إن الأمر انتهى.", "يقولون", "قال"},
        {"أضافت الوزارة أن المدارس ستفتح.", "أضافت", "أضاف"},
        {"وأكدت الحكومة أن الوضع مستقر.", "أكدت", "أكد"},
        {"يؤكد المسؤول أن المشروع سيكتمل.", "يؤكد", "أكد"},
        {"أوضحت الوكالة أن الرحلات ألغيت.", "أوضحت", "أوضح"},
        {"ذكرت الصحيفة أن الاتفاق وقع.", "ذكرت", "ذكر"},
        {"أعلنت الشرطة أن المشتبه اعتقل.", "أعلنت", "أعلن"},
        {"يشير البيان إلى أن العمل مستمر.", "يشير", "أشار"},
        {"وبينت الدراسة أن النوم مهم.", "بينت", "بين"},
        {"ورأت اللجنة أن القرار صائب.", "رأت", "رأى"},
        {"ولفتت الطبيبة إلى أن الحالات قليلة.", "لفتت", "لفت"},
        {"ونفت الشركة أن تكون الأسعار ارتفعت.", "نفت", "نفى"},
        {"وكشفت الصحيفة أن الصفقة ألغيت.", "كشفت", "كشف"},
        {"واعتبرت الحركة أن الانتخابات نزيهة.", "اعتبرت", "اعتبر"},
        {"وأوضح المتحدث أن المعبر مغلق.", "أوضح", "أوضح"},
        {"ويعتقد الباحثون أن المرض نادر.", "يعتقد", "اعتقد"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        khabar_doc *d = analyze(cases[i].text);
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1) {
            const khabar_quote *q = khabar_doc_quotes(d);
            CHECK_SPAN(d, q->cue_start, q->cue_end, cases[i].cue);
            CHECK_MEM(khabar_doc_norm(d) + q->cue_lemma, q->cue_lemma_len,
                      cases[i].lemma);
        } else {
            fprintf(stderr, "  %zu quotes in: %s\n",
                    khabar_doc_quote_count(d), cases[i].text);
        }
        khabar_doc_free(d);
    }
}

static void speaker_ends(void)
{
    /* a time, an occasion, an addressee, a relative clause, a topic */
    one("وقال الرئيس أمس إن البلاد تجاوزت الأزمة.", "الرئيس", "قال", "قال",
        "البلاد تجاوزت الأزمة", 0);
    one("وقال الوزير في تصريح للصحفيين إن الميناء يعمل.", "الوزير", "قال",
        "قال", "الميناء يعمل", 0);
    /* the object after the speaker: a demonstrative after a name, what
     * follows a word with a pronoun suffix (but a name is its
     * apposition), a news agency after an adjective */
    one("واعتبر الوزير سامي حداد هذه الخطوة بأنها تصب في مصلحة البلاد.",
        "سامي حداد", "اعتبر", "اعتبر", "تصب في مصلحة البلاد", 0);
    one("وزار الوفد النقابة التي حذر رئيسها الحكومة من أن الإضراب "
        "سيستمر.",
        "رئيسها", "حذر", "حذر", "الإضراب سيستمر", 0);
    one("وقال رئيسها عادل فهمي إن الإضراب سيستمر.", "عادل فهمي", "قال",
        "قال", "الإضراب سيستمر", 0);
    one("وفي وقت سابق أبلغ مسؤول حكومي آخر وكالة الأنباء المحلية بأن "
        "العربات تضررت.",
        "مسؤول حكومي آخر", "أبلغ", "أبلغ", "العربات تضررت", 0);
    /* a person's age after the name is not the speaker's */
    one("وقال الطالب سامر نجيب 19 عاما إن الامتحان كان سهلا.", "سامر نجيب",
        "قال", "قال", "الامتحان كان سهلا", 0);
    /* غداة, the day after, is a time */
    one("وقال الوزير سامي حداد غداة لقائه بالسفير إن الحوار مستمر.",
        "سامي حداد", "قال", "قال", "الحوار مستمر", 0);
    /* في right after a person's name says where the words were said */
    one("وأكد وزير التجارة سامي حداد في عمان أن الصادرات ارتفعت.",
        "سامي حداد", "أكد", "أكد", "الصادرات ارتفعت", 0);
    /* ... a name of two words or more, or named again: a word alone
     * may be a noun the recognizer took for a name (جنرال) */
    {
        khabar_doc *d = analyze("وقال جنرال في الجيش الوطني طلب عدم ذكر "
                                "اسمه إن الهجوم فشل.");
        const char *t = khabar_doc_text(d, NULL);
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].speaker_end -
                      khabar_doc_quotes(d)[0].speaker_start >
                  strlen("جنرال") &&
                  memcmp(t + khabar_doc_quotes(d)[0].speaker_start,
                         "جنرال في الجيش الوطني", strlen("جنرال في الجيش "
                                                         "الوطني")) == 0);
        khabar_doc_free(d);
    }
    one("وقال مسؤول محلي للجزيرة إن الكهرباء عادت.", "مسؤول محلي", "قال",
        "قال", "الكهرباء عادت", 0);
    one("وقال المتحدث، في مؤتمر صحفي، إن الحدود مفتوحة.", "المتحدث", "قال",
        "قال", "الحدود مفتوحة", 0);
    /* a head the name completes (whose family): the phrase, no person */
    {
        khabar_doc *d = analyze("وقالت عائلة الناشط محمد أحمد إنها تلقت "
                                "خبرا عن وفاته.");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "عائلة الناشط محمد أحمد", "قالت", "قال",
               "تلقت خبرا عن وفاته", 0);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
    }
    /* ... or whose party */
    {
        khabar_doc *d = analyze("وقال حزب محمد نشيد المعارض إن المشروع "
                                "خطير.");
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
    }
    one("وقال المحامي لورانس ستيفنز إن الصور محمية.", "لورانس ستيفنز", "قال",
        "قال", "الصور محمية", 0);
    /* the noun a relative clause is on, with its construct's first term */
    one("واعترف رئيس الوزراء الإيطالي، الذي قال مرارا إن بلاده لن تشارك.",
        "رئيس الوزراء الإيطالي", "قال", "قال", "بلاده لن تشارك", 0);
    /* a name whose first letter the segmenter took for a proclitic (لمى:
     * ل + مى) is the speaker, not a preposition's object */
    one("وقالت الناشطة لمى خاطر إن الحملة مستمرة.", "لمى خاطر", "قالت",
        "قال", "الحملة مستمرة", 0);
    /* a noun after a surname alone (the doc gives the full name) is the
     * verb's object, no part of the speaker */
    {
        khabar_doc *dd = analyze("وصل رئيس الوزراء جاستن ترودو إلى المؤتمر. "
                                 "لكن بالمقابل نفى ترودو ارتكاب أي خطأ، "
                                 "قائلا إنه واثق من موقفه.");
        CHECK(khabar_doc_quote_count(dd) == 1);
        if (khabar_doc_quote_count(dd) == 1)
            expect(dd, 0, "ترودو", "نفى", "نفى", "واثق من موقفه", 0);
        khabar_doc_free(dd);
    }
    /* ... after a person's name and the title set after it, the person's
     * (not the noun that ends the title) */
    one("والتقينا الدكتورة منى الخطيب عضو الجمعية الوطنية لحقوق الطفل، "
        "التي أكدت أن الحالات تراجعت.",
        "منى الخطيب", "أكدت", "أكد", "الحالات تراجعت", 0);
    /* a relative clause between commas is the speaker's, whatever cue
     * words it holds */
    one("وسبق أن قال الرئيس، الذي تنتهي ولايته بحسب الدستور في 2022، إن "
        "القرار يعود للشعب.",
        "الرئيس", "قال", "قال", "القرار يعود للشعب", 0);
    /* a verb of saying after لم or لن says nothing */
    none("ولم تعلن أي جهة مسؤوليتها عن الاعتداء.");
    none("ولم يذكر التقرير أن الوزير استقال.");
    /* و written apart before أن, as some sites do, is وأن: a later
     * clause's */
    none("واكدت الوزيرة حرصها على نجاح الفرق الوطنية و ان الوزارة ملتزمة "
         "بتعهداتها.");
    /* a quotation after a preposition names a topic (يوم حول "..."): the
     * content is after it */
    one("وأضافت الطبيبة بمناسبة يوم مفتوح حول \"الوقاية من مخلفات مرض "
        "السكري على العين\" بمقر المعهد، أن الكشف المبكر ضروري.",
        "الطبيبة", "أضافت", "أضاف", "الكشف المبكر ضروري", 0);
    /* a title, then its name between commas: the name */
    one("وقال وزير الخارجية الإيطالي، أنجلينو ألفانو، إن الطالبة عادت.",
        "أنجلينو ألفانو", "قال", "قال", "الطالبة عادت", 0);
    /* ... a name the recognizer missed: words unknown to the lexicon,
     * without the article or clitics */
    one("وقال وزير الداخلية البلغاري، ملادين مارينوف، إن البصمة تتطابق.",
        "ملادين مارينوف", "قال", "قال", "البصمة تتطابق", 0);
    /* a clause after the speaker: فقد, لم, or a verb after a source noun */
    one("وتمثلت المفاجأة في الشروط، وبحسب ما ذكر نشطاء الموقع فقد وضع شرط "
        "في العقد.",
        "نشطاء الموقع", "بحسب ما ذكر", "ذكر", "وتمثلت المفاجأة في الشروط", 0);
    one("وقال مصدر لم تسمه الصحيفة إن القرار اتخذ.", "مصدر", "قال", "قال",
        "القرار اتخذ", 0);
    one("وأفادت دراسة أعدتها منظمة الصحة العالمية أن التدخين مكلف.",
        "دراسة", "أفادت", "أفاد", "التدخين مكلف", 0);
    /* to a correspondent or an envoy of a station: not the speaker's */
    one("وقال مصدر أمني لمراسلة الإذاعة في الجهة إن الطريق مغلقة.",
        "مصدر أمني", "قال", "قال", "الطريق مغلقة", 0);
    one("وقال والد التلميذ لمبعوث الإذاعة إن ابنه بخير.", "والد التلميذ",
        "قال", "قال", "ابنه بخير", 0);
    /* an indefinite accusative after the speaker is the object or a
     * circumstance, not the speaker's */
    one("وقال مصدر أمني طالبا عدم ذكر اسمه إن الانفجار وقع فجرا.",
        "مصدر أمني", "قال", "قال", "الانفجار وقع فجرا", 0);
    one("وقال الوزير مستغربا إن الاتفاق سيئ.", "الوزير", "قال", "قال",
        "الاتفاق سيئ", 0);
    one("وذكرت وسائل إعلام محلية استنادا إلى شهود أن الطريق أغلقت.",
        "وسائل إعلام محلية", "ذكرت", "ذكر", "الطريق أغلقت", 0);
    /* where a speaker ends: على after a name, من جانبه, a date right
     * after the verb */
    one("وشدد الوزير سامي الخطيب على ضرورة أن تفتح المعابر.",
        "سامي الخطيب", "شدد", "شدد", "تفتح المعابر", 0);
    one("وقالت الحكومة من جانبها إن المعابر مفتوحة.", "الحكومة", "قالت",
        "قال", "المعابر مفتوحة", 0);
    one("لكن محللين قالوا أول من أمس إن الاتفاق هش.", "محللين", "قالوا",
        "قال", "الاتفاق هش", 0);
    /* ... and at a clause, a by-phrase after the name, or the person
     * told */
    one("وقالت كلينتون عندما سألها صحافيون إن الرسائل خاصة.", "كلينتون",
        "قالت", "قال", "الرسائل خاصة", 0);
    one("وقال الصحفي ماهر زينالوف بالهاتف من باكو إن الصحف أغلقت.",
        "ماهر زينالوف", "قال",
        "قال", "الصحف أغلقت", 0);
    /* a name that completes a noun inside the speaker is not who speaks
     * (مسؤول في حملة ترامب), nor is a fiancé's */
    {
        khabar_doc *d = analyze("وقال مسؤول في حملة دونالد ترامب إن "
                                "الدعوى رفعت.");
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
        /* ... nor when the name's title is what the noun is in construct
         * with (the campaign of the candidate X), or after فريق, the
         * team, which is no rank before a noun (فريق حملة, فريق عمل) */
        d = analyze("وقال مسؤول في حملة المرشح المستقل رامي فاضل إن "
                    "المهرجان تأجل.");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "مسؤول في حملة المرشح المستقل رامي فاضل", "قال", "قال",
               "المهرجان تأجل", 0);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
        d = analyze("وقال مسؤول في فريق حملة المرشح المستقل رامي فاضل إن "
                    "المهرجان تأجل.");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "مسؤول في فريق حملة المرشح المستقل رامي فاضل", "قال",
               "قال", "المهرجان تأجل", 0);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
        d = analyze("وقالت مسؤولة في فريق حملة رامي فاضل إن المهرجان "
                    "تأجل.");
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
        /* (a title that begins inside a name, كلية الملك فهد الدكتور,
         * is the person's) */
        one("وأوضح عميد كلية الملك فهد الدكتور سامي حداد أن الدورة ستبدأ "
            "غدا.",
            "سامي حداد", "أوضح", "أوضح", "الدورة ستبدأ غدا", 0);
        d = analyze("وقالت خطيبة جمال خاشقجي إنها انتظرته طويلا.");
        CHECK(khabar_doc_quote_count(d) == 1);
        if (khabar_doc_quote_count(d) == 1)
            CHECK(khabar_doc_quotes(d)[0].cluster == SIZE_MAX);
        khabar_doc_free(d);
    }
    /* a name, then its verb's object that ends with another name: the
     * first name speaks */
    one("ونفى القنصل محمد العتيبي علمه بمكان جمال خاشقجي قائلا إن "
        "المواطن غير موجود.",
        "محمد العتيبي", "نفى", "نفى", "المواطن غير موجود", 0);
    one("وحذر السيناتور لينزي غراهام السعودية من أنها ستدفع ثمنا باهظا.",
        "لينزي غراهام", "حذر", "حذر", "ستدفع ثمنا باهظا", 0);
    /* after a title, a first name the recognizer left out is no noun the
     * name completes */
    one("وقالت المدرسة في كلية الإعلام الدكتورة سعادة الجبوري إن الضرائب "
        "ثقيلة.",
        "الجبوري", "قالت", "قال", "الضرائب ثقيلة", 0);
    /* في before a demonstrative or a date is the time, not the speaker's;
     * a preposition is not left hanging at its end */
    one("وقالت وكالات الأنباء في ذلك الوقت إن الطائرة اختفت.",
        "وكالات الأنباء", "قالت", "قال", "الطائرة اختفت", 0);
    /* a name that opens the sentence, then a comma and the verb */
    one("سلمى الخطيب، قالت في حوار لمجلة «المرأة»: «العمر مجرد رقم».",
        "سلمى الخطيب", "قالت", "قال", "العمر مجرد رقم", 1);
    /* a foreign name's last word in ه that the recognizer left out reads
     * as a word and a pronoun (إربه: إرب + ه), but the lexicon knows no
     * such word: no object, the speaker goes on to the title after it */
    one("وقالت أنيته فالتر إربه عمدة البلدة إن السوق ستفتح يوم السبت.",
        "أنيته فالتر إربه عمدة البلدة", "قالت", "قال",
        "السوق ستفتح يوم السبت", 0);
    /* ... and where the recognizer put it in the name, after a title:
     * the name is who speaks, all of it */
    {
        khabar_doc *d = widened("وقالت عمدة البلدة أنيته فالتر إربه إن "
                                "السوق ستفتح يوم السبت.",
                                "أنيته فالتر", "إربه");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "أنيته فالتر إربه", "قالت", "قال",
               "السوق ستفتح يوم السبت", 0);
        khabar_doc_free(d);
        d = widened("وقالت أنيته فالتر إربه عمدة البلدة إن السوق ستفتح "
                    "يوم السبت.",
                    "أنيته فالتر", "إربه");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "أنيته فالتر إربه عمدة البلدة", "قالت", "قال",
               "السوق ستفتح يوم السبت", 0);
        khabar_doc_free(d);
    }
    /* a name first, then its title that ends with another name: the
     * first name speaks */
    one("وأكد رأفت الصباغ المتحدث الرسمي لمركز الملك سلمان أن السفينة "
        "وصلت.",
        "رأفت الصباغ المتحدث الرسمي لمركز الملك سلمان", "أكد", "أكد",
        "السفينة وصلت", 0);
    /* فريق as a rank, before the name or أول and ركن */
    one("وقال الفريق أول ركن سامي حداد إن الجيش جاهز.", "سامي حداد", "قال",
        "قال", "الجيش جاهز", 0);
    one("وقال قائد القوات البرية فريق ركن سامي حداد إن الجيش جاهز.",
        "سامي حداد", "قال", "قال", "الجيش جاهز", 0);
    /* لفت النظر, لفت الانتباه: the attention drawn is no speaker's */
    one("ولفت المدير العام سامر نجيب النظر إلى أن المشروع تأخر.",
        "سامر نجيب", "لفت", "لفت", "المشروع تأخر", 0);
    one("ولفتت الوزيرة الانتباه إلى أن المدارس مكتظة.", "الوزيرة", "لفتت",
        "لفت", "المدارس مكتظة", 0);
    /* عبر after the speaker is "via", not the speaker's */
    one("وأوضح النادي عبر موقعه الرسمي أن اللاعب سيغيب شهرا.", "النادي",
        "أوضح", "أوضح", "اللاعب سيغيب شهرا", 0);
    one("وقال الوزير عبر حسابه في تويتر إن الحوار مستمر.", "الوزير", "قال",
        "قال", "الحوار مستمر", 0);
    /* to whom, after the name: not the speaker's */
    one("وقال الفريق عثمان المحرج للمصابين الذين زارهم: «أنتم فخر الوطن».",
        "عثمان المحرج", "قال", "قال", "أنتم فخر الوطن", 1);
    /* ... with a title of its own after the comma, and no comma after */
    one("وأكد المتحدث الرسمي للهيئة، المهندس عبدالناصر العبداللطيف أن "
        "اللجنة ستعمل قريبا.",
        "عبدالناصر العبداللطيف", "أكد", "أكد", "اللجنة ستعمل قريبا", 0);
    one("وقال الوزير، صباح الاثنين، إن الحدود مفتوحة.", "الوزير", "قال",
        "قال", "الحدود مفتوحة", 0);
    one("وقال أصدقاؤها في مدينة بريشيا، غربي فيرونا، إن الشابة سافرت.",
        "أصدقاؤها في مدينة بريشيا", "قال", "قال", "الشابة سافرت", 0);
    /* a quoted name after a noun it completes, then the name: the name */
    one("وقال رئيس كتلة «القائمة المشتركة»، مسعود غنايم، إن الاقتحام مرفوض.",
        "مسعود غنايم", "قال", "قال", "الاقتحام مرفوض", 0);
    /* ... and a date after it ends the speaker */
    one("وذكرت «فاينانشيال تايمز» أول من أمس إن الحصة بيعت.",
        "«فاينانشيال تايمز»", "ذكرت", "ذكر", "الحصة بيعت", 0);
    /* إن and a quotation, then a comma and the narrative: the quotation */
    one("وقال وكيل الوزارة طارق خاطر إن \"المصابين نقلوا إلى المستشفى\"، "
        "ذلك بدون التصريح بعددهم.",
        "طارق خاطر", "قال", "قال", "المصابين نقلوا إلى المستشفى", 1);
    /* ... but after أبلغ it is told */
    one("وأبلغ «الشرق الأوسط» عبد العزيز العكبري أن الميناء يعمل.",
        "عبد العزيز العكبري", "أبلغ", "أبلغ", "الميناء يعمل", 0);
    /* a quoted name right after the verb, إن later */
    one("وقال «دي لوس» بهذا الصدد إن تركيا تنحني الآن.", "«دي لوس»", "قال",
        "قال", "تركيا تنحني الآن", 0);
    /* a quoted name inside the speaker */
    one("وقالت منظمة \"جيشا\" غير الحكومية إن الحصار يضر بالمدنيين.",
        "منظمة \"جيشا\" غير الحكومية", "قالت", "قال",
        "الحصار يضر بالمدنيين", 0);
    one("وقال النائب عن القانون الجديد إنه يحمي المستأجرين.", "النائب",
        "قال", "قال", "يحمي المستأجرين", 0);
    one("وكتبت الممثلة على حسابها في إنستغرام: \"شكرا لكم جميعا\".",
        "الممثلة", "كتبت", "كتب", "شكرا لكم جميعا", 1);
    /* subject first, after أن, after لكن, on a relative clause */
    one("الوزيرة قالت إن الخطة جاهزة.", "الوزيرة", "قالت", "قال",
        "الخطة جاهزة", 0);
    one("لكن المحامي أكد أن موكله بريء.", "المحامي", "أكد", "أكد",
        "موكله بريء", 0);
    one("أما المعارضة فقالت إن النتائج مزورة.", "المعارضة", "قالت", "قال",
        "النتائج مزورة", 0);
    one("وحضر الحفل السفير الذي قال إن العلاقات متينة.", "السفير", "قال",
        "قال", "العلاقات متينة", 0);
    /* لـ alone, a pronoun, a demonstrative */
    one("وقال مصدر أمني لـ«الإذاعة» إن الحدود أغلقت.", "مصدر أمني", "قال",
        "قال", "الحدود أغلقت", 0);
    one("ويرى سامي العلي وهو خبير مالي أن الدينار سيتعافى.", "سامي العلي",
        "يرى", "رأى", "الدينار سيتعافى", 0);
    one("وقال هذا المسؤول إن التحقيق مستمر.", "هذا المسؤول", "قال", "قال",
        "التحقيق مستمر", 0);
    /* a person spoken to (ل and a name) */
    one("وقالت القاضية لسارة العلي إن الحكم نهائي.", "القاضية", "قالت",
        "قال", "الحكم نهائي", 0);
}

static void no_subject(void)
{
    khabar_doc *d;
    const khabar_quote *q;
    /* a verb in the feminine after a man's words, with no subject: the
     * woman named last (النائبة), not the man */
    {
        khabar_doc *dd = analyze(
            "وقالت النائبة سارة الخطيب إن الحزب سيشارك في الانتخابات. "
            "ويقول المرشح المعارض إن البلاد تمر بمرحلة صعبة. وتضيف أن "
            "النساء قليلات في البرلمان.");
        CHECK(khabar_doc_quote_count(dd) == 3);
        if (khabar_doc_quote_count(dd) == 3)
            expect(dd, 2, "سارة الخطيب", "تضيف", "أضاف",
                   "النساء قليلات في البرلمان", 0);
        khabar_doc_free(dd);
    }
    /* A verb that opens the content of the quote before it (إنها تعتقد أن)
     * is that quote's, not another one. */
    one("وقالت الشرطة إنها تعتقد أن الحكم هو الأول من نوعه.", "الشرطة",
        "قالت", "قال", "تعتقد أن الحكم هو الأول من نوعه", 0);
    /* وأضاف, وتابع: the speaker of the quote before, its span and
     * cluster */
    d = analyze("وقال رئيس الاتحاد إن البطولة ستقام في موعدها.\n"
                "وأضاف أن الملاعب جاهزة.\n"
                "وتابع: «نحن فخورون بما أنجزنا».");
    CHECK(khabar_doc_quote_count(d) == 3);
    expect(d, 0, "رئيس الاتحاد", "قال", "قال", "البطولة ستقام في موعدها",
           0);
    expect(d, 1, "رئيس الاتحاد", "أضاف", "أضاف", "الملاعب جاهزة", 0);
    expect(d, 2, "رئيس الاتحاد", "تابع", "تابع", "نحن فخورون بما أنجزنا", 1);
    q = khabar_doc_quotes(d);
    if (khabar_doc_quote_count(d) == 3) {
        CHECK(q[1].speaker_start == q[0].speaker_start &&
              q[1].speaker_end == q[0].speaker_end);
        CHECK(q[1].cluster == q[0].cluster && q[2].cluster == q[0].cluster);
        /* the whole of a quote without a subject starts at its verb */
        CHECK_SPAN(d, q[1].start, q[1].end, "أضاف أن الملاعب جاهزة");
    }
    invariants(d);
    khabar_doc_free(d);
    /* no quote before: no speaker, no quote */
    none("وأضاف أن الملاعب جاهزة.");
    /* a name of two words in quotation marks after the subject, then the
     * complementizer: the quote is what follows إن, the name is part of
     * the speaker */
    one("قالت فرقة \"الفجر الجديد\" الموسيقية إن الحفل ألغي.",
        "فرقة \"الفجر الجديد\" الموسيقية", "قالت", "قال", "الحفل ألغي", 0);
    one("وقال الوزير \"لن نتراجع\".", "الوزير", "قال", "قال", "لن نتراجع",
        1);
    /* a source whose article the ل swallowed starts at the ل */
    one("ارتفع عدد الضحايا إلى عشرة، وفقا للسلطات المحلية.",
        "للسلطات المحلية", "وفقا", "وفق", "ارتفع عدد الضحايا إلى عشرة", 0);
    /* a word the name completes is no title: the lawyer speaks, not the
     * client; with the article, the word is in apposition */
    one("وقال محامي سامر خليل إن موكله بريء.", "محامي سامر خليل", "قال",
        "قال", "موكله بريء", 0);
    one("وقال المحامي سامر خليل إن موكله بريء.", "سامر خليل", "قال", "قال",
        "موكله بريء", 0);
    /* a name with a hyphen is one name: the speaker is all of it */
    d = analyze("فازت نادية مراد بجائزة نوبل للسلام. وتمنح جائزة نوبل كل عام. "
                "وأعلنت الجائزة أمس، وفقا لرئيسة لجنة نوبل بيريت ريس-أندرسن.");
    CHECK(khabar_doc_quote_count(d) == 1);
    if (khabar_doc_quote_count(d) == 1)
        expect(d, 0, "بيريت ريس-أندرسن", "وفقا", "وفق", "وأعلنت الجائزة أمس", 0);
    khabar_doc_free(d);
    /* no speaker before: the first person named in this sentence or the
     * two before (the subject, not the object), for a verb in the
     * masculine only */
    one("ونشر الصحفي سامر خليل صورة على حسابه.\n"
        "وقال في التعليق على الصورة: \"التقيته بعد يوم واحد\".",
        "سامر خليل", "قال", "قال", "التقيته بعد يوم واحد", 1);
    one("وطالب الرئيس يوسف منصور، كريم داود بإصلاح النظام، وقال إن الوقت "
        "مناسب.",
        "يوسف منصور", "قال", "قال", "الوقت مناسب", 0);
    /* ... and for a verb in the feminine, the woman named before: the
     * one person there whose title says so (الصحفية, الوزيرة), men (by
     * their titles) passed over; none when another person whose gender
     * nothing tells is nearer, or two women are named */
    one("ونشرت الصحفية سارة أحمد صورة على حسابها.\n"
        "وقالت إن الصورة قديمة.",
        "سارة أحمد", "قالت", "قال", "الصورة قديمة", 0);
    one("زارت الوزيرة سلوى الحكيم المدرسة صباحا. وأكدت أن المنهج الجديد "
        "جاهز.",
        "سلوى الحكيم", "أكدت", "أكد", "المنهج الجديد جاهز", 0);
    one("استقبلت الوزيرة سلوى الحكيم السفير كمال نعيم. وأضافت أن "
        "التعاون مستمر.",
        "سلوى الحكيم", "أضافت", "أضاف", "التعاون مستمر", 0);
    none("بحثت الوزيرة سلوى الحكيم مع كمال نعيم خطة العمل. وأضافت أن "
         "التعاون مستمر.");
    none("التقت الوزيرة سلوى الحكيم السفيرة هدى الزين. وقالت إن التعاون "
         "مستمر.");
    none("وصل السفير كمال نعيم إلى العاصمة. وقالت إن الزيارة مهمة.");
    none("وصل الوفد إلى المدينة.\nوقال إن الزيارة مهمة.");
    /* a verb with و after a clause of the same sentence whose verb has
     * its subject after it, a title or a name: that subject, not the one
     * who spoke last */
    d = analyze("وقالت الصحيفة إن المدير هدد الموظفة.\n"
                "وقام المدير بتوبيخها أمس وقال لها إنه سيفصلها.\n"
                "وأضافت أن الموظفة غادرت.");
    CHECK(khabar_doc_quote_count(d) == 3);
    if (khabar_doc_quote_count(d) == 3) {
        expect(d, 1, "المدير", "قال", "قال", "سيفصلها", 0);
        /* the feminine verb after it goes back to the paper */
        expect(d, 2, "الصحيفة", "أضافت", "أضاف", "الموظفة غادرت", 0);
    }
    khabar_doc_free(d);
    /* ... and when the one named since is that speaker again */
    d = analyze("وقالت سارة الخطيب إن الولادة كانت صعبة.\n"
                "وقال متحدث باسم المستشفى إن الطفل بخير.\n"
                "وقد أنجبت سارة الخطيب طفلها في يناير، وقالت إنها سعيدة.");
    CHECK(khabar_doc_quote_count(d) == 3);
    if (khabar_doc_quote_count(d) == 3)
        expect(d, 2, "سارة الخطيب", "قالت", "قال", "سعيدة", 0);
    khabar_doc_free(d);
    /* the feminine of a verb whose lemma ends in ت (لفتت), and of the
     * dual (أضافتا), continues the woman's words, not the man's before */
    d = analyze("وقال الوزير إن العمل مستمر. وقالت الصحيفة إن الطريق مغلق.\n"
                "ولفتت إلى أن الأمطار غزيرة.\n"
                "وقال المدير إن العمل مستمر. وقالت الفتاتان إن الرحلة طويلة.\n"
                "وأضافتا أن الطقس بارد.");
    CHECK(khabar_doc_quote_count(d) == 6);
    if (khabar_doc_quote_count(d) == 6) {
        expect(d, 2, "الصحيفة", "لفتت", "لفت", "الأمطار غزيرة", 0);
        expect(d, 5, "الفتاتان", "أضافتا", "أضاف", "الطقس بارد", 0);
    }
    khabar_doc_free(d);
    /* not a word that names no one (وبدا الارتباك على), and not the one
     * before the last when someone was named since */
    d = analyze("وقالت الصحيفة إن الوزير غاضب. وقال المدير إن العمل مستمر.\n"
                "وبدا الارتباك على الوزير وقال إن الأمر لا يعنيه.\n"
                "والتقى كمال نعيم الوفد. وأضافت أن الوفد غادر.\n"
                "وقال الوزير إن العمل مستمر. وذكرت الوكالة أن المرصد، ومقره "
                "لندن، قال إن القصف مستمر.");
    CHECK(khabar_doc_quote_count(d) == 7);
    if (khabar_doc_quote_count(d) == 7) {
        expect(d, 2, "المدير", "قال", "قال", "الأمر لا يعنيه", 0);
        q = khabar_doc_quotes(d);
        CHECK(q[3].speaker_start != q[0].speaker_start);
        CHECK(q[6].speaker_start != q[4].speaker_start);
    }
    khabar_doc_free(d);
    d = analyze("وقال الوزير إن المشروع تأخر.\n"
                "واستقبل الرئيس يوسف منصور رئيس الشركة وأكد أن التعاون "
                "مستمر.");
    CHECK(khabar_doc_quote_count(d) == 2);
    if (khabar_doc_quote_count(d) == 2)
        expect(d, 1, "يوسف منصور", "أكد", "أكد", "التعاون مستمر", 0);
    khabar_doc_free(d);
    d = analyze("وقال الوزير إن العمل مستمر.\n"
                "ودافع المتحدث باسم الرئاسة، هاري روك، عن القرار وقال إنه "
                "صائب.");
    CHECK(khabar_doc_quote_count(d) == 2);
    if (khabar_doc_quote_count(d) == 2)
        expect(d, 1, "هاري روك", "قال", "قال", "صائب", 0);
    khabar_doc_free(d);
    /* not when the clause's verb disagrees with the cue's (a woman's
     * verb, then a man's), nor when its subject is not right after it */
    d = analyze("وقال الوزير إن المشروع تأخر.\n"
                "ووصلت الوزيرة إلى المدينة وأضاف أن العمل مستمر.\n"
                "وفي المساء عاد الوفد وأضاف أن الزيارة ناجحة.");
    CHECK(khabar_doc_quote_count(d) == 3);
    if (khabar_doc_quote_count(d) == 3) {
        expect(d, 1, "الوزير", "أضاف", "أضاف", "العمل مستمر", 0);
        expect(d, 2, "الوزير", "أضاف", "أضاف", "الزيارة ناجحة", 0);
    }
    khabar_doc_free(d);
    /* the complement of a noun is not the subject */
    none("ونفى التقرير حصول ساركوزي على أموال.\nوشدد على أن الأمر مختلق.");
    /* كان's subject before the verb it carries (with قد or not) */
    one("وكانت الوزيرة قد قالت في مقابلة إنها ستستقيل.", "الوزيرة", "قالت",
        "قال", "ستستقيل", 0);
    one("وكانت منظمة الهجرة الدولية ذكرت أن المهاجرين وصلوا.",
        "منظمة الهجرة الدولية", "ذكرت", "ذكر", "المهاجرين وصلوا", 0);
    /* a verb right after a comma: the report named before it speaks */
    one("وعادت القصة بعد تقرير لصحيفة محلية، أفاد بأن الممثلة تلقت المبلغ.",
        "صحيفة محلية", "أفاد", "أفاد", "الممثلة تلقت المبلغ", 0);
    /* a plural verb does not continue one person's words */
    d = analyze("وقال الرئيس الروسي فلاديمير بوتين إن الحوار مهم.\n"
                "وزعموا أن الأسعار سترتفع.");
    CHECK(khabar_doc_quote_count(d) == 1);
    khabar_doc_free(d);
    /* الزواج، الذي قالوا إنه: the plural verb's subject is not the noun */
    none("وطالب ناشطون بإصلاح القانون لإنهاء الزواج المبكر، الذي قالوا إنه "
         "منتشر.");
    /* وإن after the verb is no complement of it (here, the name وان): the
     * quotation is the content, and the speaker the name (عزيزة alone when
     * the recognizer finds her, else the phrase, which ends with her) */
    d = analyze("وقالت وان عزيزة للصحفيين: \"لقد ذهب الضباط إلى المنزل\".");
    CHECK(khabar_doc_quote_count(d) == 1);
    if (khabar_doc_quote_count(d) == 1) {
        const khabar_quote *z = &khabar_doc_quotes(d)[0];
        const char *t = khabar_doc_text(d, NULL), *want = "عزيزة";
        size_t n = strlen(want);
        CHECK_SPAN(d, z->content_start, z->content_end,
                   "لقد ذهب الضباط إلى المنزل");
        CHECK(z->direct == 1);
        CHECK(z->speaker_end - z->speaker_start >= n &&
              memcmp(t + z->speaker_end - n, want, n) == 0);
    }
    khabar_doc_free(d);
    /* ... nor one in the masculine after التي, in the feminine after
     * الذي: the noun is what someone else said something of */
    one("وقال المتحدث إن الحكومة قلقة من الاشتباكات التي قال إنها أوقعت "
        "قتلى.",
        "المتحدث", "قال", "قال",
        "الحكومة قلقة من الاشتباكات التي قال إنها أوقعت قتلى", 0);
    none("ورفض النواب الاتفاق الذي قالت إنه يحمي المستثمرين.");
    /* ... nor in the first person (القرارات التي نرى أنها: we see) */
    one("وقال الوزير: «نحترم القرارات التي نرى أنها عادلة».", "الوزير",
        "قال", "قال", "نحترم القرارات التي نرى أنها عادلة", 1);
    /* a verb in the plural after a comma is no report's named before it */
    none("وجاءت القضية بعد شكوى قدمتها الأسرة للشرطة المحلية، كشفوا فيها "
         "أن الابنة تعرضت للتهديد.");
    /* impersonal: يذكر أن, يشار إلى أن */
    none("يذكر أن المدينة تأسست قبل ثلاثة قرون.");
    /* a masdar after دون, not a verb */
    none("ويمكن النشر دون ذكر المصدر إن كان ذلك مفيدا.");
    none("ويشار إلى أن الجسر افتتح عام 1990.");
    /* first person inside a quotation is the quoted speaker's, not a new
     * attribution */
    d = analyze("وقالت المديرة: «نرى أن التجربة نجحت».");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "المديرة", "قالت", "قال", "نرى أن التجربة نجحت", 1);
    khabar_doc_free(d);
}

/* Who speaks when the subject is far or missing: a description between
 * the speaker and the words, a relative clause between the subject and
 * its verb, a verb whose gender is not the last speaker's, a quote inside
 * another's quotation. */
static void speakers_apart(void)
{
    khabar_doc *d;
    d = analyze("وتقول منظمات الإغاثة إنها تحتاج إلى ضمانات.\n"
                "وقال الطبيب سامي خليل، وهو جراح يعمل في مستشفى ميداني قرب "
                "الحدود منذ سنوات، لبي بي سي \"الوضع صعب جدا ولا نملك ما يكفي من "
                "الأدوية\".\n"
                "وأضاف \"نحتاج إلى أدوية\".\n");
    CHECK(khabar_doc_quote_count(d) == 3);
    expect(d, 1, "سامي خليل", "قال", "قال",
           "الوضع صعب جدا ولا نملك ما يكفي من الأدوية", 1);
    expect(d, 2, "سامي خليل", "أضاف", "أضاف", "نحتاج إلى أدوية", 1);
    khabar_doc_free(d);
    one("ولكن منظمة \"عين الرصد\"، التي تتابع الوضع في المدينة، قالت إن "
        "المعابر مغلقة.",
        "منظمة \"عين الرصد\"", "قالت", "قال", "المعابر مغلقة", 0);
    one("ونقلت الصحيفة عن مسؤول قوله، إن الوزراء وافقوا على الخطة.",
        "مسؤول", "نقلت", "نقل", "الوزراء وافقوا على الخطة", 0);
    d = analyze("وبحسب المسؤول، الذي طلب عدم نشر اسمه، فإن الاجتماع تأجل.");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "المسؤول", "بحسب", "حسب", "الاجتماع تأجل", 0);
    khabar_doc_free(d);
    /* a source after a quote that has its speaker: no second quote */
    d = analyze("وقال الخبير إن الوضع خطير، حسب موقع \"الرصد\" الإخباري.");
    CHECK(khabar_doc_quote_count(d) == 1);
    khabar_doc_free(d);
    /* a quote inside a quotation: the outer speaker goes on */
    d = analyze("وقال المسؤول: \"يعتقد القادة أن الخطة فاشلة\".\n"
                "ولفت إلى أن الجيش مستعد.\n");
    CHECK(khabar_doc_quote_count(d) == 3);
    expect(d, 2, "المسؤول", "لفت", "لفت", "الجيش مستعد", 0);
    khabar_doc_free(d);
    /* عن of a representative, then عن of the cue */
    one("وأعرب ممثل عن مجموعة \"جيميني شيبر\" للشحن عن اعتراضه على القرار.",
        "ممثل عن مجموعة \"جيميني شيبر\" للشحن", "أعرب", "أعرب",
        "اعتراضه على القرار", 0);
    /* حينها (then) is no speaker */
    d = analyze("وتوقع حينها أن ترتفع الأسعار.");
    CHECK(khabar_doc_quote_count(d) == 0 ||
          khabar_doc_quotes(d)[0].speaker_start ==
              khabar_doc_quotes(d)[0].speaker_end ||
          memcmp(khabar_doc_text(d, NULL) + khabar_doc_quotes(d)[0].speaker_start,
                 "حين", 6) != 0);
    khabar_doc_free(d);
    /* a cue's passive is none (يضاف: is added), not the last speaker's */
    d = analyze("وقال الخباز إن الخبز جاهز.\n"
                "ويضاف إليه أن الملح وحبة البركة يمنحانه طعما خاصا.\n");
    CHECK(khabar_doc_quote_count(d) == 1);
    khabar_doc_free(d);
    /* أن after ولكن belongs to another clause */
    none("ونفت الحكومة استخدام الأسلحة، ولكن الخبراء على ثقة أن الهجوم وقع.");
}

static void participles(void)
{
    khabar_doc *d;
    d = analyze("وأكد الرئيس أن الاقتصاد يتحسن، مشيرا إلى أن البطالة "
                "تراجعت، ومؤكدا أن الأجور سترتفع.");
    CHECK(khabar_doc_quote_count(d) == 3);
    /* the first content ends where the participle starts */
    expect(d, 0, "الرئيس", "أكد", "أكد", "الاقتصاد يتحسن", 0);
    expect(d, 1, "الرئيس", "مشيرا", "أشار", "البطالة تراجعت", 0);
    expect(d, 2, "الرئيس", "مؤكدا", "أكد", "الأجور سترتفع", 0);
    invariants(d);
    khabar_doc_free(d);
    d = analyze("وأعرب السفير عن قلقه من التصعيد، محذرا من أن المنطقة "
                "قد تنزلق إلى الحرب.");
    CHECK(khabar_doc_quote_count(d) == 2);
    expect(d, 0, "السفير", "أعرب", "أعرب", "قلقه من التصعيد", 0);
    expect(d, 1, "السفير", "محذرا", "حذر", "المنطقة قد تنزلق إلى الحرب", 0);
    khabar_doc_free(d);
    /* a colon glued to the opening mark, a space inside it */
    d = analyze("وقال اللاعب إنه سعيد. وأضاف قائلا:\" إنها تساعدني خلال "
                "المباريات.\"");
    CHECK(khabar_doc_quote_count(d) == 2);
    expect(d, 1, "اللاعب", "أضاف", "أضاف", "إنها تساعدني خلال المباريات.", 1);
    khabar_doc_free(d);
    d = analyze("ومضى الوزير قائلا: «لن نتراجع».");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "الوزير", "مضى", "مضى", "لن نتراجع", 1);
    khabar_doc_free(d);
    /* after a clause that says nothing, the participle's speaker is the
     * person who acts in it */
    one("وصل الرئيس الروسي فلاديمير بوتين إلى دمشق أمس، قائلا إن الزيارة "
        "مهمة.",
        "فلاديمير بوتين", "قائلا", "قال", "الزيارة مهمة", 0);
    /* an opinion verb's على أن after a noun is the noun's (يعتبر أكبر
     * دليل على أن: is the best proof that), no quote of its own */
    d = analyze("وقال المتحدث إن الوزير وجه دعوة، مؤكدا أن هذا يعتبر أكبر "
                "دليل على أن البلاد لا تعرقل الاتفاق. وأضاف أن موقفها واضح.");
    CHECK(khabar_doc_quote_count(d) == 3);
    expect(d, 1, "المتحدث", "مؤكدا", "أكد",
           "هذا يعتبر أكبر دليل على أن البلاد لا تعرقل الاتفاق", 0);
    expect(d, 2, "المتحدث", "أضاف", "أضاف", "موقفها واضح", 0);
    khabar_doc_free(d);
    /* وأضاف متسائلا: how he speaks, not who */
    d = analyze("وقال الرئيس إن البلاد تتعافى. وأضاف متسائلا عن مصير \"آلاف "
                "المقاتلين في المنطقة\".");
    CHECK(khabar_doc_quote_count(d) == 2);
    expect(d, 1, "الرئيس", "أضاف", "أضاف", "آلاف المقاتلين في المنطقة", 1);
    khabar_doc_free(d);
    /* ... or, with none named, the subject right after the clause's verb,
     * when verb and participle agree (the recognizer missed فرح) */
    one("وغادرت فرح المنزل صباحا، قائلة إن الوضع لم يعد آمنا.", "فرح",
        "قائلة", "قال", "الوضع لم يعد آمنا", 0);
    none("وغادر فرح المنزل صباحا، قائلة إن الوضع لم يعد آمنا.");
    /* ... after كما, with a source noun completed; the participle right
     * before its occasion and إن needs no comma */
    one("كما انتقدت وزارة الخارجية القصف قائلة في بيان إن الهجوم مرفوض.",
        "وزارة الخارجية", "قائلة", "قال", "الهجوم مرفوض", 0);
    /* ... but not an organization named after the verb's subject, its
     * object */
    one("ومن جهته اتهم الزوج، جامعة تبوك بتغيير رغبات ابنته، مضيفاً أن "
        "لديه مستندات.",
        "الزوج", "مضيفاً", "أضاف", "لديه مستندات", 0);
    /* without a person or an organization named there, the clause's
     * subject with the article speaks (topics_first() has more); a
     * participle with the article is no cue */
    one("وصل الوفد مساء أمس، مؤكدا أن الزيارة ناجحة.", "الوفد", "مؤكدا",
        "أكد", "الزيارة ناجحة", 0);
    /* nor when the one named is where the subject went (إلى ليفربول) */
    one("وتوجه المهاجم الإيطالي إلى ليفربول، قائلا إنه سعيد بالانتقال.",
        "المهاجم الإيطالي", "قائلا", "قال", "سعيد بالانتقال", 0);
    none("ومن المؤكد أن الأسعار سترتفع.");
}

static void reported_by(void)
{
    khabar_doc *d;
    /* نقل عن X قوله: X speaks */
    one("ونقل عن الوزير قوله إن الميزانية متوازنة.", "الوزير", "نقل عن",
        "نقل", "الميزانية متوازنة", 0);
    one("ونقلت الوكالة عن مسؤول محلي قوله إن الطريق مغلق.", "مسؤول محلي",
        "نقلت", "نقل", "الطريق مغلق", 0);
    /* ... عنه: the person named before speaks, not the agency */
    d = analyze("وقال المستشار بن رودس إن الهجمات مبررة، ونقلت عنه وكالة "
                "الصحافة الفرنسية قوله إن تركيا من حقها الدفاع عن نفسها.");
    CHECK(khabar_doc_quote_count(d) == 2);
    expect(d, 1, "بن رودس", "نقلت عنه", "نقل", "تركيا من حقها الدفاع عن نفسها",
           0);
    khabar_doc_free(d);
    /* a long agency name and a day between the verb and عن */
    one("ونقلت وكالة الأنباء الإيرانية الرسمية اليوم السبت عن الوزير قوله إن "
        "الاتفاق سيصمد.",
        "الوزير", "نقلت", "نقل", "الاتفاق سيصمد", 0);
    /* جاء في بيان X */
    one("وجاء في بيان الوزارة أن الامتحانات تبدأ الأسبوع المقبل.", "الوزارة",
        "جاء في بيان", "جاء", "الامتحانات تبدأ الأسبوع المقبل", 0);
    one("وجاء في البيان أن الاجتماع ناقش الميزانية.", "البيان",
        "جاء في البيان", "جاء", "الاجتماع ناقش الميزانية", 0);
    /* ... and a head before the statement: إحدى الرسائل */
    one("وجاء في إحدى الرسائل التي كتبتها: \"لن أتوقف عن المطالبة بحقوقي\".",
        "إحدى الرسائل", "جاء في إحدى الرسائل", "جاء",
        "لن أتوقف عن المطالبة بحقوقي", 1);
    /* sources: after the content, before it, بحسب ما */
    d = analyze("ارتفعت الأسعار بنسبة كبيرة، بحسب وزارة الاقتصاد.");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "وزارة الاقتصاد", "بحسب", "حسب",
           "ارتفعت الأسعار بنسبة كبيرة", 0);
    expect_whole(d, 0, "ارتفعت الأسعار بنسبة كبيرة، بحسب وزارة الاقتصاد");
    khabar_doc_free(d);
    /* a source of a dozen words, whole, and the content after its comma */
    one("ووفقا لتحليل أجراه قسم المتابعة الإعلامية في هيئة الإذاعة "
        "البريطانية، تستخدم الشركة قاعدة تدريبية في الجنوب.",
        "تحليل أجراه قسم المتابعة الإعلامية في هيئة الإذاعة البريطانية",
        "وفقا", "وفق", "تستخدم الشركة قاعدة تدريبية في الجنوب", 0);
    one("وبحسب مصادر طبية، فإن عدد المصابين بلغ عشرين.", "مصادر طبية",
        "بحسب", "حسب", "عدد المصابين بلغ عشرين", 0);
    one("وأغلقت المدارس أبوابها وفقا لبيان المحافظة.", "بيان المحافظة",
        "وفقا", "وفق", "وأغلقت المدارس أبوابها", 0);
    one("وتوقف القطار ساعتين، حسب ما ذكرت الشركة.", "الشركة", "حسب ما ذكرت",
        "ذكر", "وتوقف القطار ساعتين", 0);
    /* the source ends where another clause begins (لكن), and before a
     * verb that describes it (بيان أصدرته) */
    d = analyze("وتعتزم الشركة تسريح سبعين موظفا بحسب بيان أصدرته في مايو لكن "
                "مصدرا قال إن العدد أقل.");
    CHECK(khabar_doc_quote_count(d) == 2);
    expect(d, 0, "بيان", "بحسب", "حسب",
           "وتعتزم الشركة تسريح سبعين موظفا", 0);
    expect(d, 1, "مصدرا", "قال", "قال", "العدد أقل", 0);
    khabar_doc_free(d);
    one("وأعدم بعض المعتقلين في السجن، حسب قول الصحفية منى.", "منى",
        "حسب قول", "حسب", "وأعدم بعض المعتقلين في السجن", 0);
    /* according to a plan or a law names no one */
    none("وتجري الانتخابات وفق القانون الجديد.");
    none("ويعمل الموظفون حسب الجدول.");
}

static void quote_first(void)
{
    khabar_doc *d = analyze("«سنواصل العمل حتى النهاية»، قال رئيس البلدية.");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "رئيس البلدية", "قال", "قال", "سنواصل العمل حتى النهاية", 1);
    expect_whole(d, 0, "«سنواصل العمل حتى النهاية»، قال رئيس البلدية");
    invariants(d);
    khabar_doc_free(d);
    /* VERB X ... بقوله: «...»: X speaks */
    one("ووصفها أحد النقاد الإنجليز بقوله: \"هذه الملابس تذكرك بالربيع\".",
        "أحد النقاد الإنجليز", "بقوله", "قال", "هذه الملابس تذكرك بالربيع", 1);
    one("وعلق الوزير على القرار بقوله إن الحكومة لن تتراجع.", "الوزير",
        "بقوله", "قال", "الحكومة لن تتراجع", 0);
    /* «...» هذا ما قاله X */
    one("\"لا أريد أن أعيش\" هذا ما قالته الفتاة جميلة بعد فشل محاولتها.",
        "الفتاة جميلة", "قالته", "قال", "لا أريد أن أعيش", 1);
    none("هذا ما قاله الوزير أمس في المؤتمر.");
}

/* Quotation marks: every kind, nested, mismatched, reversed, open. */
static void marks(void)
{
    khabar_doc *d;
    one("وقال المدير: «نحن مستعدون للحوار».", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: \"نحن مستعدون للحوار\".", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: “نحن مستعدون للحوار”.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: ”نحن مستعدون للحوار”.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: „نحن مستعدون للحوار“.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: »نحن مستعدون للحوار«.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: ‘نحن مستعدون للحوار’.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    one("وقال المدير: 'نحن مستعدون للحوار'.", "المدير", "قال", "قال",
        "نحن مستعدون للحوار", 1);
    /* without a colon, after a verb of saying */
    one("وأضاف المدرب \"الفريق قدم مباراة كبيرة\".", "المدرب", "أضاف",
        "أضاف", "الفريق قدم مباراة كبيرة", 1);
    /* a reported clause that is one quotation whole is direct */
    one("وقال الناطق إن «الهدنة ما زالت صامدة».", "الناطق", "قال", "قال",
        "الهدنة ما زالت صامدة", 1);
    /* a quoted phrase inside a reported clause keeps its marks */
    one("وقال الخبير إن الحل يكمن في \"الحوار الوطني\".", "الخبير", "قال",
        "قال", "الحل يكمن في \"الحوار الوطني\"", 0);
    /* nested: the inner pair stays in the content */
    one("وقال المدير: «وصفه الموظفون بأنه \"حازم\" في قراراته».", "المدير",
        "قال", "قال", "وصفه الموظفون بأنه \"حازم\" في قراراته", 1);
    /* mismatched: a stray closing mark inside does not end the quotation */
    one("وقال المدير: «الموازنة ” ستقر قريبا».", "المدير", "قال", "قال",
        "الموازنة ” ستقر قريبا", 1);
    /* a closing mark closes the nearest opening one it matches */
    one("وقال المدير: «الموازنة» ستقر قريبا».", "المدير", "قال", "قال",
        "الموازنة", 1);
    /* never closed: to the end of its sentence, never further */
    d = analyze("وقال المدرب: «الفريق جاهز للمباراة.\n"
                "وفي سياق آخر افتتح الملعب الجديد.");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "المدرب", "قال", "قال", "الفريق جاهز للمباراة", 1);
    invariants(d);
    khabar_doc_free(d);
    /* a name in quotation marks for an addressee is no content */
    one("وقال الوزير لوكالة \"الأنباء الوطنية\" إن المفاوضات مستمرة.",
        "الوزير", "قال", "قال", "المفاوضات مستمرة", 0);
    none("وقالت الممثلة لمجلة \"الفن\"");
    /* an opinion verb names, it does not quote */
    none("واعتبر النقاد فيلم \"الرحلة\" عملا متميزا.");
    none("واعتبر النقاد فيلم \"الرحلة الطويلة إلى الشمال\".");
}

/* Words that look like cues and are not. */
static void not_cues(void)
{
    none("وتتراوح الأسعار بين عشرة وعشرين دينارا.");
    /* بين X وY: "between X and Y", a heading, not the verb بيّن */
    none("بين الجبل والبحر: رحلة في قرى الساحل");
    one("وبين الوزير أن الحكومة ماضية في الإصلاح.", "الوزير", "بين", "بين",
        "الحكومة ماضية في الإصلاح", 0);
    /* وبين after بين is the second half of "between X and Y" */
    none("يحول الخوف بينه وبين حلمه: لا أحد يسمعه.");
    /* ، ذلك أن: "that is because", the writer's reason, no content */
    none("ويرى الحزب فرصة كبيرة في الانتخابات المقبلة، ذلك أن منافسيه "
         "منقسمون.");
    one("وقال الوزير بعد ذلك إن الحوار مستمر.", "الوزير", "قال", "قال",
        "الحوار مستمر", 0);
    none("وقد حضر الحفل عدد من الفنانين.");
    none("وذكرها الكاتب في روايته الأخيرة.");
    none("وتم كشف عن المبلغ في الجلسة الأولى.");
    none("وبرأت المحكمة المتهمين من جميع التهم.");
    none("وتأسست المدينة لأن النهر قريب منها.");
    none("");
    none("قال");
    none("قال إن");
    none("«»");
    none("بحسب");
    none("Hello, \"world\" said the man.");
    /* a verb in the first person (أذكر, أعتقد, نرى): the writer speaks;
     * the noun after it is the object, no speaker */
    none("لا أذكر اسم أي شخص من هناك، على الرغم أن البلدين متجاوران.");
    one("وقال الوزير إن الحل قريب. وأعتقد أن الحكومة أخطأت في قرارها.",
        "الوزير", "قال", "قال", "الحل قريب", 0);
    /* تدعى in ى: is called, not claims (تدعي) */
    one("وتقول مغردة تدعى \"جينان\": \"رفضنا الرقص\".",
        "مغردة تدعى \"جينان\"", "تقول", "قال", "رفضنا الرقص", 1);
    /* اقرأ (read: a link to another story) is not أقرا (the two admitted) */
    {
        khabar_doc *d = analyze("وقال المحامي إن موكلته بريئة.\n"
                                "اقرأ أيضا: من هو الجاسوس الذي أطلق سراحه؟");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "المحامي", "قال", "قال", "موكلته بريئة", 0);
        khabar_doc_free(d);
    }
    /* أن of another word: غير أن, بعد أن */
    none("وكتب الشاعر قصائد كثيرة، غير أن شهرته جاءت متأخرة.");
    none("وقال الحارس بعد أن أغلق الباب.");
    /* أشار إلى + a noun: no content, even if أن comes later */
    none("وأشار الكاتب إلى تفاصيل كثيرة قبل أن يغادر.");
    /* a verb inside a clause, after its subject in a phrase, is not a new
     * attribution without a speaker */
    {
        khabar_doc *d = analyze("وأشار التقرير إلى أن الأرقام في الشمال "
                                "تشير إلى أن الفقر تراجع.");
        CHECK(khabar_doc_quote_count(d) == 1);
        expect(d, 0, "التقرير", "أشار", "أشار",
               "الأرقام في الشمال تشير إلى أن الفقر تراجع", 0);
        khabar_doc_free(d);
    }
    one("وبين المحلل أن النمو سيتباطأ.", "المحلل", "بين", "بين",
        "النمو سيتباطأ", 0);
    /* after a comma, فيما and a verb begin another clause: its أن is not
     * the cue's */
    none("وتعرف القوات بلقب «صقور الصحراء» نسبة إلى الأمير الذي يعتبر الأب "
         "الروحي لهذه القوات التي تتخذ شعار «وطن واحد»، فيما يمتاز أفرادها "
         "بأنهم على تدريب عال.");
    none("وأقرت محكمة أخرى استمرار حبس القس بينما كانت واشنطن تأمل في أن "
         "يطلق سراحه.");
    none("ويعتبر الاستقرار في الجنوب أمرا مهما للدول المجاورة التي تخشى أن "
         "يتدفق اللاجئون إليها.");
    one("ورأى بينيت الذي يتزعم حزب البيت اليهودي أن الفوز يشكل فرصة.",
        "بينيت", "رأى", "رأى", "الفوز يشكل فرصة", 0);
    /* a cue after a comma is its own quote's */
    {
        khabar_doc *d = analyze("وتعتبر الصين الجزيرة إقليما متمردا، وترى "
                                "أنها ستضم يوما إليها.");
        size_t i;
        for (i = 0; i < khabar_doc_quote_count(d); i++)
            CHECK(khabar_doc_quotes(d)[i].cue_start > 2); /* not تعتبر's */
        khabar_doc_free(d);
    }
    /* عن and a noun with a pronoun: the content, though عن comes again */
    one("كما أعرب نتنياهو عن ثقته في تقرير الجيش عن الظروف المحيطة بالحادث.",
        "نتنياهو", "أعرب", "أعرب", "ثقته في تقرير الجيش عن الظروف المحيطة "
        "بالحادث", 0);
    /* إن as a name's word, in brackets (لينكد إن: LinkedIn) */
    none("وأعلن قسم التكنولوجيا عن عشرات الوظائف عبر شبكة (لينكد إن) على "
         "الإنترنت.");
}

/* Offsets are bytes of the input as written: diacritics, tatweel. */
static void original_bytes(void)
{
    khabar_doc *d = analyze("وقالَ الوزيـرُ إنّ الاتفاقَ نهائيٌّ.");
    CHECK(khabar_doc_quote_count(d) == 1);
    expect(d, 0, "الوزيـرُ", "قالَ", "قال", "الاتفاقَ نهائيٌّ", 0);
    invariants(d);
    khabar_doc_free(d);
}

/* The fine scheme and pre-tokenized text find the same quotes. */
static void schemes(void)
{
    const char *text = "وقال رئيس الوزراء إن الحكومة ستستقيل، مضيفا أن "
                       "الانتخابات ستجرى في الربيع.";
    khabar_doc *a = analyze(text), *b = analyze_flags(text, KHABAR_ANALYZE_FINE);
    size_t i;
    CHECK(khabar_doc_quote_count(a) == 2);
    CHECK(khabar_doc_quote_count(a) == khabar_doc_quote_count(b));
    for (i = 0; i < khabar_doc_quote_count(a) &&
                i < khabar_doc_quote_count(b);
         i++) {
        const khabar_quote *x = &khabar_doc_quotes(a)[i],
                           *y = &khabar_doc_quotes(b)[i];
        CHECK(x->speaker_start == y->speaker_start &&
              x->speaker_end == y->speaker_end);
        CHECK(x->content_start == y->content_start &&
              x->content_end == y->content_end);
        CHECK(x->cue_start == y->cue_start && x->direct == y->direct);
    }
    khabar_doc_free(a);
    khabar_doc_free(b);
    a = analyze_flags("وقال الوزير : « الخطة جاهزة » .",
                      KHABAR_ANALYZE_PRETOKENIZED);
    CHECK(khabar_doc_quote_count(a) == 1);
    expect(a, 0, "الوزير", "قال", "قال", "الخطة جاهزة", 1);
    khabar_doc_free(a);
}

/* A news-like text of the shapes together, in input order. */
static void article(void)
{
    khabar_doc *d = analyze(
        "قال مراسل الإذاعة إن رئيس الوزراء استقبل وفدا من المزارعين "
        "صباح اليوم.\n"
        "وقالت الرئاسة إن اللقاء تناول أسعار القمح.\n\n"
        "ونقل عن رئيس الوزراء قوله إن الحكومة ستدعم المزارعين، مشيرا إلى "
        "أنه سيزور الريف الشهر المقبل.\n"
        "كما جاء في تصريحات رئيس الوفد أن المزارعين راضون.\n"
        "يذكر أن الموسم الزراعي بدأ متأخرا.\n");
    CHECK(khabar_doc_quote_count(d) == 5);
    expect(d, 0, "مراسل الإذاعة", "قال", "قال",
           "رئيس الوزراء استقبل وفدا من المزارعين صباح اليوم", 0);
    expect(d, 1, "الرئاسة", "قالت", "قال", "اللقاء تناول أسعار القمح", 0);
    expect(d, 2, "رئيس الوزراء", "نقل عن", "نقل",
           "الحكومة ستدعم المزارعين", 0);
    expect(d, 3, "رئيس الوزراء", "مشيرا", "أشار",
           "سيزور الريف الشهر المقبل", 0);
    expect(d, 4, "رئيس الوفد", "جاء في تصريحات", "جاء", "المزارعين راضون",
           0);
    invariants(d);
    khabar_doc_free(d);
}

/* Many marks that never close, and many cues: the stage stays linear. */
static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t n = strlen(unit), i;
    char *s = malloc(n * times + 1);
    if (!s)
        return NULL;
    for (i = 0; i < times; i++)
        memcpy(s + i * n, unit, n);
    s[n * times] = 0;
    *len = n * times;
    return s;
}

static double seconds_for(const char *unit, size_t times, size_t *quotes)
{
    size_t len;
    char *s = repeat(unit, times, &len);
    clock_t t0 = clock();
    khabar_doc *d;
    khabar_options o = {0};
    o.stages = KHABAR_STAGE_QUOTES;
    CHECK(s != NULL);
    if (!s)
        return 0;
    d = khabar_analyze_opts(t_model, s, len, &o, NULL);
    CHECK(d != NULL);
    *quotes = khabar_doc_quote_count(d);
    if (d)
        invariants(d);
    khabar_doc_free(d);
    free(s);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void pathological(void)
{
    static const char *const units[] = {
        "«",                 /* opening marks that never close */
        "\"",                /* ASCII marks, one sentence */
        "قال: «",            /* a cue before each open mark */
        "وقال الوزير إن ",   /* cues and complementizers, no full stop */
        "»«‘’“”„' ",         /* every mark, mismatched */
        "، مشيرا إلى أن",    /* participles with no quote before them */
        "بحسب الوزارة، ",    /* sources */
    };
    size_t i, q1, q4;
    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        double t1 = seconds_for(units[i], 5000, &q1);
        double t4 = seconds_for(units[i], 20000, &q4);
        /* four times the input: about four times the time, not sixteen */
        if (!(t4 < 8 * t1 + 0.5))
            fprintf(stderr, "  unit %zu: %.3fs then %.3fs\n", i, t1, t4);
        CHECK(t4 < 8 * t1 + 0.5);
        CHECK(q4 >= q1);
    }
    /* One sentence of 120,000 tokens goes in pieces: the quotes are still
     * found, but for a few where a piece ends. */
    seconds_for("وقال الوزير إن ", 30000, &q1);
    CHECK(q1 > 29900 && q1 < 30000);
}

/* Random texts of cues, particles, names, marks and punctuation: every
 * quote keeps the invariants, whatever the order. */
static void random_texts(void)
{
    static const char *const vocab[] = {
        "قال", "وقال", "قالت", "يقول", "وأضاف", "أكد", "وأشار", "بين",
        "ذكر", "نقل", "عن", "قوله", "جاء", "في", "بيان", "تصريحات",
        "بحسب", "وفقا", "لـ", "حسبما", "مشيرا", "مؤكدا", "قائلا", "إلى",
        "على", "من", "إن", "أن", "بأن", "أنه", "فإن", "الوزير", "الرئيس",
        "بوتين", "مراسل", "الجزيرة", "الحكومة", "مصادر", "أمس", "الذي",
        "أما", "فقال", "قد", "يذكر", "تم", "ما", "أعرب", "عن", "قلقه",
        "«", "»", "\"", "'", "“", "”", "„", "‘", "’", "‹", "›", ":", "،",
        ",", ".", "؟", "!", "…", "-", "(", ")", "\n", "\n\n", "x", "2015",
    };
    static char text[2048];
    uint32_t seed = 12345;
    int doc, w;
    for (doc = 0; doc < 400; doc++) {
        size_t len = 0;
        int words = 1 + (int)(seed % 60);
        khabar_doc *d;
        for (w = 0; w < words; w++) {
            const char *v;
            size_t n;
            seed = seed * 1103515245u + 12345u;
            v = vocab[(seed >> 8) % (sizeof vocab / sizeof vocab[0])];
            n = strlen(v);
            if (len + n + 2 >= sizeof text)
                break;
            memcpy(text + len, v, n);
            len += n;
            if ((seed >> 20) % 4)
                text[len++] = ' ';
        }
        text[len] = 0;
        d = analyze(text);
        CHECK(d != NULL);
        if (d)
            invariants(d);
        khabar_doc_free(d);
    }
}

/* A body's name, then its verb's object (أعلنت حركة X المسؤولية); a
 * participle right after the verb (أضاف مؤكدا رغبة): its object, no
 * subject; a word with a preposition (بالمقابل) begins no subject. */
static void objects_no_speakers(void)
{
    khabar_doc *d;
    /* a noun in the accusative is an object, no subject; a dual in
     * construct (وزيرا الخارجية) is a subject */
    none("وأذكر شيئًا من بطولته أنه رفض الانسحاب من المعركة.");
    one("وقال وزيرا الخارجية السابقان إن الإفراج عنه واجب.",
        "وزيرا الخارجية السابقان", "قال", "قال", "الإفراج عنه واجب", 0);
    one("وأعلنت حركة طالبان المسؤولية عن الهجوم قائلة إنها استهدفت رتلا "
        "عسكريا.",
        "حركة طالبان", "أعلنت", "أعلن", "استهدفت رتلا عسكريا", 0);
    /* a verbal noun of a stance right after the verb is its object, no
     * subject: the one who spoke last speaks (أكد حرص سموه على أن) */
    d = analyze("وقال الأمير خالد إن المشروع يتقدم.\n"
                "وأكد حرص سموه على أن تتوطن الصناعات.\n"
                "وأكدت تدارك الخطأ وإصلاح الخلل.");
    CHECK(d != NULL);
    if (d) {
        CHECK(khabar_doc_quote_count(d) == 2);
        expect(d, 1, "خالد", "أكد", "أكد", "تتوطن الصناعات", 0);
        khabar_doc_free(d);
    }
    /* a verb after a person's name begins what she does: not her name */
    d = analyze("وقالت الوزيرة سلمى العابد إن البرنامج سيتوسع.\n"
                "ومضت العابد تشرح أسباب القرار قائلة \"لن نتراجع عنه مهما "
                "كانت الضغوط\".");
    CHECK(d != NULL);
    if (d) {
        CHECK(khabar_doc_quote_count(d) == 2);
        expect(d, 1, "العابد", "مضت", "مضى",
               "لن نتراجع عنه مهما كانت الضغوط", 1);
        khabar_doc_free(d);
    }
    /* a source after a cue verb alone (وأضافت، بحسب ما نقلته X: «...»):
     * the verb is no content of the source's */
    d = analyze("وقالت الوزيرة سلمى العابد إن البرنامج سيتوسع العام "
                "المقبل.\nوأضافت، بحسب ما نقلته وكالة الأنباء الرسمية :\"لن "
                "نتراجع عن هذا القرار مهما كانت الضغوط\".");
    CHECK(d != NULL);
    if (d) {
        size_t i;
        for (i = 0; i < khabar_doc_quote_count(d); i++) {
            const khabar_quote *q = &khabar_doc_quotes(d)[i];
            CHECK(q->content_end - q->content_start != strlen("وأضافت"));
        }
        khabar_doc_free(d);
    }
    /* an indefinite noun after the body's name is the object too */
    one("ونفت حركة حماس اتهامات بأنها خزنت أسلحة قرب المدارس.",
        "حركة حماس", "نفت", "نفى", "خزنت أسلحة قرب المدارس", 0);
    d = analyze("وقال الوزير خالد العمري إن المحادثات كانت مثمرة. وأضاف "
                "مؤكدا رغبة «الحكومة في توسيع التعاون مع جيرانها».");
    CHECK(d != NULL);
    if (d) {
        CHECK(khabar_doc_quote_count(d) == 2);
        if (khabar_doc_quote_count(d) == 2)
            CHECK(khabar_doc_quotes(d)[1].speaker_start ==
                      khabar_doc_quotes(d)[0].speaker_start ||
                  khabar_doc_quotes(d)[1].cluster ==
                      khabar_doc_quotes(d)[0].cluster);
        khabar_doc_free(d);
    }
    d = analyze("وقال الناقد سمير البدوي إن القصيدة تراجعت، لكن بالمقابل "
                "أكد أن جيلا جديدا من الشعراء ظهر.");
    CHECK(d != NULL);
    if (d) {
        size_t i;
        for (i = 0; i < khabar_doc_quote_count(d); i++) {
            const khabar_quote *q = &khabar_doc_quotes(d)[i];
            CHECK(q->speaker_end - q->speaker_start !=
                  strlen("بالمقابل") - 2);
        }
        khabar_doc_free(d);
    }
}

/* A sentence that opens with its topic (وعن X, وحول X, وفي ذلك) and then
 * a cue has no subject before the cue: the one who spoke last speaks, not
 * the topic's last noun; not when he speaks to someone (قال لها). After
 * a verb and its object with a pronoun (واختتم حديثه بقوله), too. تبين
 * أن with no subject is "it emerged that". A participle after a clause
 * takes the clause's subject with the article. */
static void topics_first(void)
{
    khabar_doc *d = analyze(
        "وقال رئيس النادي هشام مرسي: \"بدأنا العمل مبكرا\".\n"
        "وعن ملفات اللاعبين الأجانب والمحليين قال: \"انتهينا من التعاقد مع "
        "مدافع جديد\".\n"
        "وحول المعسكر الإعدادي في القاهرة قال: \"خططنا له جيدا\".\n"
        "واختتم حديثه بقوله: \"نتمنى نتائج مميزة\".");
    CHECK(d != NULL);
    if (d) {
        CHECK(khabar_doc_quote_count(d) == 4);
        expect(d, 1, "هشام مرسي", "قال", "قال",
               "انتهينا من التعاقد مع مدافع جديد", 1);
        expect(d, 2, "هشام مرسي", "قال", "قال", "خططنا له جيدا", 1);
        expect(d, 3, "هشام مرسي", "بقوله", "قال", "نتمنى نتائج مميزة", 1);
        khabar_doc_free(d);
    }
    d = analyze("وتضيف الكاتبة إليزابيث هول: \"أشعر بالحزن\".\n"
                "وفي مساء يوم جمعة قال لها: \"حان الوقت يا عزيزتي\".");
    CHECK(d != NULL);
    if (d) {
        CHECK(khabar_doc_quote_count(d) == 1);
        khabar_doc_free(d);
    }
    /* بيد أن opens no topic: the subject after أن speaks */
    one("بيد أن الحكومة الأردنية أكدت أنها سمحت بممر إنساني.",
        "الحكومة الأردنية", "أكدت", "أكد", "سمحت بممر إنساني", 0);
    none("وفي جلسة الاستماع تبين أن المتهمة رتبت للجريمة.");
    /* a participle after a clause whose subject has the article and no
     * name follows: that subject speaks */
    one("وتدافع الحكومة عن تلك الإجراءات قائلة إنها ضرورية بسبب الوضع "
        "الأمني.",
        "الحكومة", "قائلة", "قال", "ضرورية بسبب الوضع الأمني", 0);
    one("وتبين الدراسة أن المرض ينتشر بسرعة.", "الدراسة", "تبين", "بين",
        "المرض ينتشر بسرعة", 0);
}

void suite_quotes(void)
{
    verb_first();
    inflections();
    speaker_ends();
    no_subject();
    speakers_apart();
    participles();
    reported_by();
    quote_first();
    marks();
    not_cues();
    original_bytes();
    schemes();
    article();
    random_texts();
    pathological();
    objects_no_speakers();
    topics_first();
}
