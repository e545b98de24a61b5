/* test_coref.c - entity clusters: names, surnames, titles, descriptions
 * and pronouns that name the same person or thing. */
#include <stdlib.h>

#include "core/doc.h"
#include "extract/extract.h"
#include "test.h"

/* The cluster of the mention whose text is want (the first one), or
 * SIZE_MAX. */
static size_t cluster_of(const khabar_doc *d, const char *text,
                         const char *want, int kind)
{
    const khabar_mention *m = khabar_doc_mentions(d);
    size_t i, n = strlen(want);
    for (i = 0; i < khabar_doc_mention_count(d); i++)
        if (m[i].kind == kind && m[i].end - m[i].start == n &&
            memcmp(text + m[i].start, want, n) == 0)
            return m[i].cluster;
    return SIZE_MAX;
}

static khabar_doc *run(const char *text)
{
    khabar_options o = {.stages = KHABAR_STAGE_CLUSTERS};
    return khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
}

/* text through the entities; the first entity spelled name is widened
 * to the first wider (the next token), then coreference runs. */
static khabar_doc *widened(const char *text, const char *name,
                           const char *wider)
{
    khabar_options o = {.stages = KHABAR_STAGE_ENTITIES};
    khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    khabar_entity *e = d ? (khabar_entity *)d->entities.data : NULL;
    const char *w = strstr(text, wider);
    size_t i, n = strlen(name);
    for (i = 0; d && w && i < d->entities.len; i++) {
        if (e[i].end - e[i].start == n &&
            memcmp(text + e[i].start, name, n) == 0) {
            e[i].n_tokens++;
            e[i].end = (size_t)(w - text) + strlen(wider);
            break;
        }
    }
    if (d && kh_coref(d) != 0) {
        khabar_doc_free(d);
        return NULL;
    }
    return d;
}

/* text through the entities, one more person (the one-token name, after
 * every other entity) added, then coreference. */
static khabar_doc *with_person(const char *text, const char *name)
{
    khabar_options o = {.stages = KHABAR_STAGE_ENTITIES};
    khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    const char *w = strstr(text, name);
    const khabar_token *tk = d ? khabar_doc_tokens(d) : NULL;
    size_t i;
    for (i = 0; d && w && i < khabar_doc_token_count(d); i++) {
        if (tk[i].start == (size_t)(w - text)) {
            khabar_entity *e = kh_vec_push(&d->entities, sizeof *e);
            if (e) {
                e->first_token = i;
                e->n_tokens = 1;
                e->type = KHABAR_ENT_PER;
                e->start = tk[i].start;
                e->end = tk[i].end;
            }
            break;
        }
    }
    if (d && kh_coref(d) != 0) {
        khabar_doc_free(d);
        return NULL;
    }
    return d;
}

static void people(void)
{
    const char *text =
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في "
        "موسكو. وقال بوتين إن الحوار مهم، وأضاف الأسد أن دمشق مستعدة. "
        "كما ذكر الرئيس الروسي أن موسكو تدعم الحل، فيما قال الرئيس السوري "
        "إن بلاده ترحب. وأشاد الأسد ببوتين.";
    khabar_doc *d = run(text);
    const khabar_cluster *c = khabar_doc_clusters(d);
    size_t putin = cluster_of(d, text, "فلاديمير بوتين", KHABAR_MENTION_NAME);
    size_t assad = cluster_of(d, text, "بشار الأسد", KHABAR_MENTION_NAME);
    size_t moscow = cluster_of(d, text, "موسكو", KHABAR_MENTION_NAME);
    CHECK(d != NULL);
    CHECK(putin != SIZE_MAX && assad != SIZE_MAX && putin != assad);
    CHECK(cluster_of(d, text, "بوتين", KHABAR_MENTION_NAME) == putin);
    CHECK(cluster_of(d, text, "الأسد", KHABAR_MENTION_NAME) == assad);
    CHECK(cluster_of(d, text, "الرئيس الروسي", KHABAR_MENTION_TITLE) == putin);
    CHECK(cluster_of(d, text, "نظيره السوري", KHABAR_MENTION_TITLE) == assad);
    CHECK(cluster_of(d, text, "الرئيس الروسي", KHABAR_MENTION_DESCRIPTION) ==
          putin);
    CHECK(cluster_of(d, text, "الرئيس السوري", KHABAR_MENTION_DESCRIPTION) ==
          assad);
    CHECK(cluster_of(d, text, "ه", KHABAR_MENTION_PRONOUN) == putin);
    CHECK(moscow != SIZE_MAX && moscow != putin);
    if (putin != SIZE_MAX && assad != SIZE_MAX && moscow != SIZE_MAX) {
        size_t len = c[putin].name_end - c[putin].name_start;
        CHECK(c[putin].type == KHABAR_ENT_PER && c[moscow].type == KHABAR_ENT_LOC);
        CHECK(len == strlen("فلاديمير بوتين") &&
              memcmp(text + c[putin].name_start, "فلاديمير بوتين", len) == 0);
        CHECK(c[putin].n_names == 3); /* فلاديمير بوتين, بوتين, ببوتين */
        CHECK(c[assad].n_names == 3);
        CHECK(c[moscow].n_names == 2);
    }
    /* Every entity is in exactly one cluster, which holds it. */
    {
        const khabar_entity *e = khabar_doc_entities(d);
        const khabar_mention *m = khabar_doc_mentions(d);
        size_t i, j, total = 0;
        for (i = 0; i < khabar_doc_entity_count(d); i++) {
            size_t k = khabar_doc_entity_cluster(d, i), found = 0;
            CHECK(k < khabar_doc_cluster_count(d));
            if (k >= khabar_doc_cluster_count(d))
                continue;
            for (j = c[k].first_mention; j < c[k].first_mention + c[k].n_mentions; j++)
                found += m[j].entity == i && m[j].start == e[i].start;
            CHECK(found == 1);
        }
        for (i = 0; i < khabar_doc_cluster_count(d); i++) {
            CHECK(c[i].first_mention == total);
            for (j = c[i].first_mention + 1; j < c[i].first_mention + c[i].n_mentions; j++)
                CHECK(m[j - 1].start <= m[j].start && m[j].cluster == i);
            total += c[i].n_mentions;
        }
        CHECK(total == khabar_doc_mention_count(d));
    }
    CHECK(khabar_doc_entity_cluster(d, 100000) == SIZE_MAX);
    khabar_doc_free(d);
}

/* A first name alone, then with its nasab, then the whole name with the
 * family's آل, then the name before آل again: one person. */
static void nasab(void)
{
    const char *text =
        "افتتح الأمير معرضا عن الملك فيصل في الرياض. وتحدث المؤرخ عن حياة "
        "الملك فيصل بن عبدالعزيز آل سعود. وكان الملك فيصل بن عبدالعزيز قد "
        "زار القاهرة مرات.";
    khabar_doc *d = run(text);
    size_t whole = cluster_of(d, text, "فيصل بن عبدالعزيز آل سعود",
                              KHABAR_MENTION_NAME);
    CHECK(d != NULL);
    CHECK(whole != SIZE_MAX);
    CHECK(cluster_of(d, text, "فيصل", KHABAR_MENTION_NAME) == whole);
    CHECK(cluster_of(d, text, "فيصل بن عبدالعزيز", KHABAR_MENTION_NAME) ==
          whole);
    khabar_doc_free(d);
}

static void titles(void)
{
    const char *text =
        "التقى أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية التركي "
        "مولود جاويش أوغلو. وبعد اللقاء اتصل أوغلو بأمير قطر مجددا.";
    khabar_doc *d = run(text);
    size_t tamim = cluster_of(d, text, "تميم بن حمد آل ثاني", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "أمير قطر الشيخ", KHABAR_MENTION_TITLE) == tamim);
    CHECK(cluster_of(d, text, "أمير قطر", KHABAR_MENTION_DESCRIPTION) == tamim);
    /* The place in the title is still its own cluster. */
    CHECK(cluster_of(d, text, "قطر", KHABAR_MENTION_NAME) != tamim);
    CHECK(strcmp(khabar_mention_kind_name(KHABAR_MENTION_TITLE), "title") == 0);
    CHECK(strcmp(khabar_mention_kind_name((khabar_mention_kind)99), "?") == 0);
    khabar_doc_free(d);
    /* The head of a title alone, with the article: the last person with
     * that title; not a leader's (الرئيس is not the prime minister). */
    text = "استقال وزير البيئة الفرنسي نيكولا أولو أمس. وقال رئيس الوزراء "
           "إدوارد فيليب إن القرار مفاجئ. وأضاف الوزير المستقيل أنه محبط. "
           "وقال الرئيس إن الحكومة مستمرة.";
    d = run(text);
    tamim = cluster_of(d, text, "نيكولا أولو", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "الوزير", KHABAR_MENTION_DESCRIPTION) == tamim);
    CHECK(cluster_of(d, text, "الرئيس", KHABAR_MENTION_DESCRIPTION) == SIZE_MAX);
    khabar_doc_free(d);
    /* a title set off from the name by commas (the name between two) is
     * the person's too; a comma with no other after the name ends it */
    text = "وقال وزير الخارجية الأردني، أيمن الصفدي، إن الوساطة مستمرة. "
           "وأضاف وزير الخارجية الأردني أن المحادثات صعبة. وحضر الاجتماع "
           "السفير، وسامي الخطيب.";
    d = run(text);
    tamim = cluster_of(d, text, "أيمن الصفدي", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "وزير الخارجية الأردني", KHABAR_MENTION_TITLE) ==
          tamim);
    CHECK(cluster_of(d, text, "وزير الخارجية الأردني",
                     KHABAR_MENTION_DESCRIPTION) == tamim);
    CHECK(cluster_of(d, text, "السفير", KHABAR_MENTION_TITLE) == SIZE_MAX);
    khabar_doc_free(d);
    /* a title set after the name (its construct's head without the
     * article) is the person's; it ends before a word that begins
     * something else, and a description after the name is none */
    text = "وقال خالد المنصوري وكيل وزارة الطاقة الإماراتية للصحفيين إن "
           "الأسعار ستنخفض. وأكد وكيل وزارة الطاقة الإماراتية أن اللجنة "
           "ستجتمع. وكان سامي الحربي لاعب جيد في شبابه.";
    d = run(text);
    tamim = cluster_of(d, text, "خالد المنصوري", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "وكيل وزارة الطاقة الإماراتية",
                     KHABAR_MENTION_TITLE) == tamim);
    CHECK(cluster_of(d, text, "وكيل وزارة الطاقة الإماراتية",
                     KHABAR_MENTION_DESCRIPTION) == tamim);
    CHECK(cluster_of(d, text, "لاعب جيد", KHABAR_MENTION_TITLE) == SIZE_MAX);
    khabar_doc_free(d);
    /* the cluster's name is its entity's span, with a first letter the
     * segmenter took for a proclitic (لمى, not مى) */
    text = "وقالت الناشطة لمى خاطر إن الحملة مستمرة.";
    d = run(text);
    tamim = cluster_of(d, text, "لمى خاطر", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    if (tamim != SIZE_MAX) {
        const khabar_cluster *k = &khabar_doc_clusters(d)[tamim];
        CHECK(k->name_end - k->name_start == strlen("لمى خاطر") &&
              !memcmp(text + k->name_start, "لمى خاطر", strlen("لمى خاطر")));
    }
    khabar_doc_free(d);
    /* a title of one word with a pronoun (its leader) is no title of his */
    text = "وفاز الحزب الاشتراكي بالتصويت، وسيقود زعيمه بيدرو سانشيز "
           "الحكومة الجديدة.";
    d = run(text);
    tamim = cluster_of(d, text, "بيدرو سانشيز", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "زعيمه", KHABAR_MENTION_TITLE) == SIZE_MAX);
    khabar_doc_free(d);
    /* A title alone is the person's whose title it is exactly (a rank or
     * honorific after it aside), rather than the last one's whose title
     * goes on (وزير الخارجية الألماني). */
    text = "أكد وزير الخارجية الأستاذ عادل الجبير أن العلاقات متينة. وقال "
           "الجبير في مؤتمر مع وزير الخارجية الألماني فرانك شتاينماير إن "
           "الحوار مستمر. ورأى وزير الخارجية أن الحل سياسي.";
    d = run(text);
    tamim = cluster_of(d, text, "عادل الجبير", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "وزير الخارجية", KHABAR_MENTION_DESCRIPTION) ==
          tamim);
    khabar_doc_free(d);
    /* what a person's titles say of the gender: الوزيرة, السفير; عمدة
     * says nothing (a man's title too), nor does a name alone */
    text = "زارت الوزيرة سلوى الحكيم السفير كمال نعيم وعمدة المدينة هالة "
           "فريد ونادر سليم.";
    d = run(text);
    CHECK(kh_cluster_gender(d, cluster_of(d, text, "سلوى الحكيم",
                                          KHABAR_MENTION_NAME)) == 2);
    CHECK(kh_cluster_gender(d, cluster_of(d, text, "كمال نعيم",
                                          KHABAR_MENTION_NAME)) == 1);
    CHECK(kh_cluster_gender(d, cluster_of(d, text, "هالة فريد",
                                          KHABAR_MENTION_NAME)) == 0);
    CHECK(kh_cluster_gender(d, cluster_of(d, text, "نادر سليم",
                                          KHABAR_MENTION_NAME)) == 0);
    CHECK(kh_cluster_gender(d, SIZE_MAX) == 0);
    khabar_doc_free(d);
    /* فريق before a noun is the team, no rank: the title starts after
     * it; before أول or the name it is the rank */
    text = "وقال مسؤول في فريق حملة المرشح المستقل رامي فاضل إن المهرجان "
           "تأجل. وقال الفريق أول سامي حداد إن الجيش جاهز.";
    d = run(text);
    tamim = cluster_of(d, text, "رامي فاضل", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "المرشح المستقل", KHABAR_MENTION_TITLE) ==
          tamim);
    CHECK(cluster_of(d, text, "فريق حملة المرشح المستقل",
                     KHABAR_MENTION_TITLE) == SIZE_MAX);
    CHECK(cluster_of(d, text, "الفريق أول", KHABAR_MENTION_TITLE) ==
          cluster_of(d, text, "سامي حداد", KHABAR_MENTION_NAME));
    khabar_doc_free(d);
    /* ... and before a word with the article, the team too (فريق المدرب
     * X: the coach's team), but for the rank's الركن */
    text = "وخسر فريق المدرب مانويل قوميز أمام ضيفه. وقال الفريق الركن "
           "فهد المطير إن القوات جاهزة.";
    d = run(text);
    tamim = cluster_of(d, text, "مانويل قوميز", KHABAR_MENTION_NAME);
    CHECK(tamim != SIZE_MAX);
    CHECK(cluster_of(d, text, "فريق المدرب", KHABAR_MENTION_TITLE) ==
          SIZE_MAX);
    CHECK(cluster_of(d, text, "المدرب", KHABAR_MENTION_TITLE) == tamim);
    CHECK(cluster_of(d, text, "الفريق الركن", KHABAR_MENTION_TITLE) ==
          cluster_of(d, text, "فهد المطير", KHABAR_MENTION_NAME));
    khabar_doc_free(d);
}

/* Spellings of one foreign name (g as ج, غ or ك) are one cluster; short
 * names that differ so are not (جمال, كمال). The canonical name is not a
 * mention whose article a preposition swallowed (للأمم المتحدة). */
static void spellings(void)
{
    const char *text =
        "قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الأمم المتحدة "
        "قلقة من الوضع في انجلترا. وزار جوتيريش انكلترا أمس مع جمال وكمال.";
    khabar_doc *d = run(text);
    const khabar_cluster *c = khabar_doc_clusters(d);
    size_t en = cluster_of(d, text, "انجلترا", KHABAR_MENTION_NAME);
    size_t un = cluster_of(d, text, "الأمم المتحدة", KHABAR_MENTION_NAME);
    size_t g = cluster_of(d, text, "أنطونيو غوتيريش", KHABAR_MENTION_NAME);
    CHECK(en != SIZE_MAX && cluster_of(d, text, "انكلترا",
                                       KHABAR_MENTION_NAME) == en);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "جوتيريش", KHABAR_MENTION_NAME) == g);
    CHECK(cluster_of(d, text, "جمال", KHABAR_MENTION_NAME) == SIZE_MAX ||
          cluster_of(d, text, "جمال", KHABAR_MENTION_NAME) !=
              cluster_of(d, text, "كمال", KHABAR_MENTION_NAME));
    CHECK(un != SIZE_MAX);
    if (un != SIZE_MAX)
        CHECK_MEM(text + c[un].name_start, c[un].name_end - c[un].name_start,
                  "الأمم المتحدة");
    khabar_doc_free(d);
    /* A hyphen inside a name is a space: one person */
    text = "التقى الزعيم الكوري كيم جونغ-أون بالرئيس. وقال كيم جونغ أون إن "
           "القمة ناجحة.";
    d = run(text);
    g = cluster_of(d, text, "كيم جونغ-أون", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "كيم جونغ أون", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* A long vowel more or less inside a first name, the last name the
     * same: one person; another last name: another person. */
    text = "فاز الطبيب دنيس ماكويغي بالجائزة. وقال دينيس ماكويغي إنه سعيد. "
           "والتقى الوزير محمد سعيد بالسفير محمد سعد أمس.";
    d = run(text);
    g = cluster_of(d, text, "دنيس ماكويغي", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "دينيس ماكويغي", KHABAR_MENTION_NAME) == g);
    CHECK(cluster_of(d, text, "محمد سعيد", KHABAR_MENTION_NAME) !=
          cluster_of(d, text, "محمد سعد", KHABAR_MENTION_NAME));
    khabar_doc_free(d);
    /* An organization's name and its first word alone, the rest
     * adjectives: one organization. The recognizer leaves the adjectives
     * out, as ANERcorp does (حماس alone): the first entity is widened to
     * the span another recognizer may give, and coreference alone runs. */
    text = "ووصف المتحدث ذلك بأنه رد على هجمات متكررة لحركة حماس الإسلامية "
           "الفلسطينية.\nوحذرت حماس من التصعيد.\n";
    d = widened(text, "حماس", "حماس الإسلامية");
    g = cluster_of(d, text, "حماس الإسلامية", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "حماس", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* A name from its بن on: the person (either order). */
    text = "استقبل ولي العهد محمد بن زايد الوفد أمس. وقال بن زايد إن "
           "العلاقات متينة.\nوأكد بن راشد أن المشروع سينجز. واجتمع محمد بن "
           "راشد بالوزراء.\n";
    d = run(text);
    g = cluster_of(d, text, "محمد بن زايد", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "بن زايد", KHABAR_MENTION_NAME) == g);
    g = cluster_of(d, text, "بن راشد", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "محمد بن راشد", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* a foreign surname (unknown to the lexicon) with a long vowel more or
     * less: one person. The recognizer misses the second spelling in so
     * short a text: it is added as the recognizer finds it in the article
     * this comes from, and coreference alone runs. */
    text = "رحل المصمم الفرنسي اوبير دو جيفنشي عن 91 عاما. وقالت الممثلة إن "
           "تصاميم جيفانشي بسيطة.";
    d = with_person(text, "جيفانشي");
    g = cluster_of(d, text, "اوبير دو جيفنشي", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "جيفانشي", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* The surname alone first, in one spelling, then the whole name in
     * another: one person, whichever spelling the later mentions use. */
    text = "وقال ترمب إن الاتفاق سيئ. وأضاف دونالد ترامب أن بلاده ستنسحب. "
           "وقال الرئيس دونالد ترمب إنه لن يتراجع.";
    d = run(text);
    g = cluster_of(d, text, "ترمب", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "دونالد ترامب", KHABAR_MENTION_NAME) == g &&
          cluster_of(d, text, "دونالد ترمب", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* A surname alone joins the person named before; a later full name
     * with another first name is someone else (two of one family). */
    text = "وقال عبد الكريم الحوثي إن الهدنة انتهت. وأضاف الحوثي أن القتال "
           "سيستمر. وفي خطاب آخر قال زعيم الجماعة عبد الملك الحوثي إن "
           "المفاوضات متوقفة.";
    d = run(text);
    g = cluster_of(d, text, "عبد الكريم الحوثي", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "الحوثي", KHABAR_MENTION_NAME) == g);
    CHECK(cluster_of(d, text, "عبد الملك الحوثي", KHABAR_MENTION_NAME) != g);
    khabar_doc_free(d);
    /* Two names that share the part before their last بن and go on
     * apart are two people. */
    text = "وحضر الحفل الشيخ عبد الله بن صالح بن عبد الرحمن العريفي. وألقى "
           "المهندس عبد الله بن صالح بن جمعة كلمة.";
    d = run(text);
    g = cluster_of(d, text, "عبد الله بن صالح بن عبد الرحمن العريفي",
                   KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "عبد الله بن صالح بن جمعة",
                     KHABAR_MENTION_NAME) != g);
    khabar_doc_free(d);
    /* ... and so a brother's name after بن X alone */
    text = "وقال ولي العهد محمد بن سلمان إن الإصلاحات مستمرة. وأضاف بن سلمان "
           "أن الاقتصاد ينمو. ونفى السفير خالد بن سلمان التقارير.";
    d = run(text);
    g = cluster_of(d, text, "محمد بن سلمان", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "بن سلمان", KHABAR_MENTION_NAME) == g);
    CHECK(cluster_of(d, text, "خالد بن سلمان", KHABAR_MENTION_NAME) != g);
    khabar_doc_free(d);
    /* A name up to its last بن names the same person (either order). */
    text = "وقال ولي العهد الأمير محمد بن نايف إن الأمن مستتب. واستقبل "
           "الأمير محمد بن نايف بن عبدالعزيز أمس الوفد.\nوزار الأمير سعود بن "
           "فهد بن عبدالله المدينة. وقال سعود بن فهد إن الزيارة ناجحة.";
    d = run(text);
    g = cluster_of(d, text, "محمد بن نايف", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "محمد بن نايف بن عبدالعزيز",
                     KHABAR_MENTION_NAME) == g);
    g = cluster_of(d, text, "سعود بن فهد بن عبدالله", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "سعود بن فهد", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* A name's last two words alone, after it or before it: one person.
     * Two people of one family name stay apart. */
    text = "وقال الرئيس الإيراني محمود أحمدي نجاد إن بلاده لن تتراجع. وأضاف "
           "أحمدي نجاد أن العقوبات فشلت.\nوقال ستافان دي ميستورا إن المحادثات "
           "ستستأنف. وقال وزير الخارجية الفرنسي جان ايف لو دريان إن باريس "
           "تدعم دي ميستورا، وأضاف لو دريان أن الحل سياسي.";
    d = run(text);
    g = cluster_of(d, text, "محمود أحمدي نجاد", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "أحمدي نجاد", KHABAR_MENTION_NAME) == g);
    g = cluster_of(d, text, "ستافان دي ميستورا", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "دي ميستورا", KHABAR_MENTION_NAME) == g);
    g = cluster_of(d, text, "جان ايف لو دريان", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "لو دريان", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    text = "وقال أحمدي نجاد إن بلاده لن تتراجع. وأضاف الرئيس محمود أحمدي "
           "نجاد أن العقوبات فشلت.";
    d = run(text);
    g = cluster_of(d, text, "أحمدي نجاد", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "محمود أحمدي نجاد", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* أبو and عبد written apart or joined to the next word: one name */
    text = "وقال المتحدث باسم الخارجية أحمد أبو زيد إن الاجتماع مهم. وأضاف "
           "أبوزيد أن الوفد سيعود. والتقى الوزير عبدالله الخطيب بالسفير، "
           "وقال عبد الله الخطيب إن اللقاء مثمر.";
    d = run(text);
    g = cluster_of(d, text, "أحمد أبو زيد", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "أبوزيد", KHABAR_MENTION_NAME) == g);
    g = cluster_of(d, text, "عبدالله الخطيب", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "عبد الله الخطيب", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
}

static void aliases(void)
{
    khabar_doc *d;
    size_t g;
    /* A name in brackets or quotation marks after another of its type: the
     * same thing, and so is that name later alone. */
    const char *text = "وقال حلف شمال الأطلسي (الناتو) إن المناورات بدأت. "
                       "وأكد الناتو أن قواته جاهزة.\n";
    d = run(text);
    g = cluster_of(d, text, "حلف شمال الأطلسي", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "الناتو", KHABAR_MENTION_NAME) == g);
    khabar_doc_free(d);
    /* Not across a word, and not a place after a person. */
    text = "والتقى الرئيس فلاديمير بوتين (روسيا) بالوفد.\n";
    d = run(text);
    g = cluster_of(d, text, "فلاديمير بوتين", KHABAR_MENTION_NAME);
    CHECK(g != SIZE_MAX &&
          cluster_of(d, text, "روسيا", KHABAR_MENTION_NAME) != g);
    khabar_doc_free(d);
}

static void edges(void)
{
    static const char *const texts[] = {"", "الرئيس", "نظيره", "قوله قوله",
                                        "hello world", "الرئيس الروسي."};
    size_t i;
    for (i = 0; i < sizeof texts / sizeof *texts; i++) {
        khabar_doc *d = run(texts[i]);
        CHECK(d != NULL);
        CHECK(khabar_doc_cluster_count(d) == 0 ||
              khabar_doc_entity_count(d) > 0);
        khabar_doc_free(d);
    }
    /* Without the stage: no clusters. */
    {
        khabar_options o = {.stages = KHABAR_STAGE_ENTITIES};
        const char *t = "قال بوتين إن بوتين";
        khabar_doc *d = khabar_analyze_opts(t_model, t, strlen(t), &o, NULL);
        CHECK(khabar_doc_cluster_count(d) == 0);
        CHECK(khabar_doc_entity_cluster(d, 0) == SIZE_MAX);
        khabar_doc_free(d);
    }
}

void suite_coref(void)
{
    nasab();
    /* The word lists are searched by halves. */
    CHECK(kh_coref_lists_sorted());
    people();
    titles();
    spellings();
    aliases();
    edges();
}
