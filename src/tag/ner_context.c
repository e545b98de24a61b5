/*
 * ner_context.c - the doc rules that read a name by the words around it:
 * an institution or place named after a person (kh_nd_named_after:
 * مستشفى الملك فهد, شارع الملك فيصل), and a name after a word that
 * announces a place or an organization, in quotation marks or in
 * parentheses after another name, or that is a common word (a
 * demonstrative's noun, a nationality, my kin, an era, the new moon) by
 * what comes before it (kh_nd_in_context, rule 5); among them:
 *
 *   currencies   a currency's name after a number is a miscellaneous name
 *                (322 مليار ريال, ألفي يوان);
 *   mosques      a name right after المسجد is the mosque's, the whole a
 *                miscellaneous name as ANERcorp tags المسجد الأقصى (المسجد
 *                الحرام, not the organization الحرام), and so are البيت
 *                الحرام and بيت الله الحرام (kh_nd_mosques).
 */
#include "ner_doc.h"

#include "../model/model.h"

#include <stdint.h>
#include <string.h>

/* Whether token ti is a punctuation token of one byte c. */
static int punct_is(const ner_doc *d, size_t ti, char c)
{
    return ti < d->doc->tokens.len && d->tk[ti].kind == KHABAR_TOK_PUNCT &&
           d->tk[ti].end - d->tk[ti].start == 1 &&
           d->doc->text[d->tk[ti].start] == c;
}

/* Whether token ti is «. */
static int opening_guillemet(const ner_doc *d, size_t ti)
{
    return ti < d->doc->tokens.len && d->tk[ti].kind == KHABAR_TOK_PUNCT &&
           d->tk[ti].end - d->tk[ti].start == 2 &&
           memcmp(d->doc->text + d->tk[ti].start, "«", 2) == 0;
}

/* After token ti, a quotation mark, one to six Arabic or Latin words
 * (names of the recognizer's among them or not) and the closing mark: q,
 * so that the words are ti + 2 .. ti + q; else 0. */
static size_t quoted_after(const ner_doc *d, size_t ti)
{
    size_t q, n = d->doc->tokens.len;
    if (!(punct_is(d, ti + 1, '"') || opening_guillemet(d, ti + 1)))
        return 0;
    for (q = 1; q <= 6 && ti + q + 1 < n; q++) {
        const khabar_token *t = &d->tk[ti + q + 1];
        if (t->kind == KHABAR_TOK_PUNCT)
            break;
        if (t->kind != KHABAR_TOK_ARABIC && t->kind != KHABAR_TOK_LATIN)
            return 0;
    }
    if (q == 1 || ti + q + 1 >= n)
        return 0;
    return punct_is(d, ti + q + 1, '"') ||
                   (d->tk[ti + q + 1].end - d->tk[ti + q + 1].start == 2 &&
                    memcmp(d->doc->text + d->tk[ti + q + 1].start, "»", 2) == 0)
               ? q - 1 + 1
               : 0;
}

/* Whether place trigger ti announces the name after it: in the construct
 * state, so without the article or a pronoun (ولايته: his term), and not
 * طريق (عن طريق فلان: through someone). */
static int place_word(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return !has_enclitic(d, ti) && !(n > 4 && memcmp(k, "ال", 4) == 0) &&
           !(n == 8 && memcmp(k, "طريق", 8) == 0);
}

/* Whether token ti is a word that names the kind of organization the
 * name after it is, outside that name (صحيفة, قناة, إذاعة, وكالة, شركة,
 * نادي, حركة), in the construct state (place_word). */
static int org_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"صحيفه", "جريده", "مجله", "قناه",
                                        "اذاعه", "وكاله", "شركه", "نادي",
                                        "حركه"};
    return !has_enclitic(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is هلال before the name of a Hijri month or شهر
 * (هلال شوال, وهلال ذي الحجة, هلال شهر رمضان), or after a word of its
 * sighting (رؤية هلال بداية شهر رمضان): the new moon, no person named
 * هلال. */
static int crescent(const ner_doc *d, size_t ti)
{
    static const char *const months[] = {
        "محرم", "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال",
        "ذي", "ذو", "شهر"};
    static const char *const sighting[] = {"رؤيه", "رويه", "تحري", "ثبوت",
                                           "ولاده", "مراقبه", "ترقب"};
    if (!host_is(d, ti, "هلال"))
        return 0;
    return (ti + 1 < d->doc->tokens.len && !proclitics(d, ti + 1) &&
            host_in(d, ti + 1, months, sizeof months / sizeof months[0])) ||
           (ti > 0 && host_in(d, ti - 1, sighting,
                              sizeof sighting / sizeof sighting[0]));
}

/* Whether token ti is a royal or religious title that names institutions
 * and places after persons: الملك, الأمير, الشيخ, الإمام, السلطان. */
static int founder_title(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"الملك",   "الملكه",  "الامير",
                                        "الاميره", "الشيخ",   "الشيخه",
                                        "الامام",  "السلطان"};
    return !proclitics(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Rule: an institution or a place named after a person. A trigger word
 * (مستشفى, جامعة, مركز, شارع, مطار ...), a title of founder_title(), then
 * the name, and up to two adjectives after it (التخصصي, الدولي): the whole
 * is the institution (مستشفى الملك فهد: ORG, where the recognizer saw the
 * person فهد) or the place (شارع الملك فيصل: LOC).
 * Without a trigger before it, a title and a name tagged ORG is the person
 * (حياة الملك فيصل بن عبدالعزيز, tagged ORG after مركز الملك فيصل earlier
 * in the doc): the name alone, PER, as persons' names are tagged. */
void kh_nd_named_after(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens, t;
        uint32_t trig;
        int type;
        if (e[i].type != KHABAR_ENT_PER && e[i].type != KHABAR_ENT_ORG)
            continue;
        if (e[i].type == KHABAR_ENT_PER && i > 0 &&
            e[i - 1].type != KHABAR_ENT_PER && e[i - 1].n_tokens >= 2 &&
            e[i - 1].first_token + e[i - 1].n_tokens == a &&
            founder_title(d, a - 1) &&
            (gaz_mask(d, a - 2) &
             (KH_GAZ_ORG_TRIGGER | KH_GAZ_LOC_TRIGGER))) {
            /* جامعة الملك | عبدالعزيز: the trigger and the title tagged
             * apart from the name; the name's first word joins them, and
             * the words after it stay a person's (جامعة الملك عبدالعزيز
             * | عبدالله الحربي) unless they go on the name (بن ...) */
            size_t take =
                b - a == 1 || (b - a >= 3 && !kh_nd_name_particle(d, a + 1))
                    ? 1
                    : 0;
            if (!take)
                continue;
            e[i - 1].n_tokens++;
            e[i - 1].end = kh_doc_host(d->doc, a, NULL)->end;
            mark_span(d, e[i - 1].first_token, a + 1, e[i - 1].type);
            if (b - a == 1) {
                e[i].n_tokens = 0; /* removed below */
                continue;
            }
            e[i].first_token = a + 1;
            e[i].n_tokens--;
            e[i].start =
                kh_ner_entity_start(d->doc, d->gaz, a + 1, KHABAR_ENT_PER);
            mark_span(d, a + 1, b, KHABAR_ENT_PER);
            continue;
        }
        if (founder_title(d, a) && b > a + 1)
            t = a;
        else if (a > 0 && !d->type[a - 1] && founder_title(d, a - 1))
            t = a - 1;
        else
            continue;
        /* (the trigger governs the name: no article, no suffix; not
         * إدارة, whose person runs it: تحت إدارة الأمير X) */
        trig = t > 0 && !d->type[t - 1] && !has_enclitic(d, t - 1) &&
                       !definite(d, t - 1) && !host_is(d, t - 1, "اداره")
                   ? gaz_mask(d, t - 1) &
                         (KH_GAZ_ORG_TRIGGER | KH_GAZ_LOC_TRIGGER)
                   : 0;
        if (trig) {
            size_t m;
            type = trig & KH_GAZ_ORG_TRIGGER ? KHABAR_ENT_ORG
                                              : KHABAR_ENT_LOC;
            /* and the adjectives of the name: مستشفى الملك فيصل التخصصي,
             * مطار الملك خالد الدولي */
            for (m = 0; m < 2 && b < d->doc->tokens.len && !d->type[b] &&
                        d->tk[b].kind == KHABAR_TOK_ARABIC &&
                        !proclitics(d, b) && definite(d, b) &&
                        kh_doc_host(d->doc, b, NULL)->upos ==
                            KHABAR_UPOS_ADJ &&
                        !(gaz_mask(d, b) & KH_GAZ_NISBA);
                 m++)
                b++;
            e[i].end = kh_doc_host(d->doc, b - 1, NULL)->end;
            e[i].first_token = t - 1;
            e[i].n_tokens = b - (t - 1);
            e[i].type = type;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, t - 1, type);
            mark_span(d, t - 1, b, type);
        } else if (e[i].type == KHABAR_ENT_ORG && t == a) {
            d->type[a] = 0;
            e[i].first_token = a + 1;
            e[i].n_tokens = b - a - 1;
            e[i].type = KHABAR_ENT_PER;
            e[i].start =
                kh_ner_entity_start(d->doc, d->gaz, a + 1, KHABAR_ENT_PER);
            mark_span(d, a + 1, b, KHABAR_ENT_PER);
        }
    }
    for (i = 0, k = 0; i < n; i++) {
        if (e[i].n_tokens)
            e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* Whether token ti is a demonstrative (هذا, هذه, تلك ...), proclitics
 * aside. */
static int demonstrative(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"هذا", "هذه", "ذلك", "تلك",
                                        "هؤلاء", "اولئك", "هذان", "هاتان"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a kinship noun with the first person's ي, which the
 * segmenter keeps whole (ابني, زوجتي: my son, my wife): no name. */
static int my_kin(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "ابني", "ابنتي", "اخي", "اختي", "زوجي", "زوجتي", "والدي", "والدتي",
        "امي", "جدتي", "عمي", "خالي", "ولدي", "بنتي", "ابنائي", "اولادي"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is the name of a Latin letter as the news spells it
 * (بي بي سي, إف بي آي), one that is no common word too (not في, أن,
 * أو, أم, أي). */
static int letter_name(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "ايه", "بي", "سي", "دي", "اف", "جي", "اتش", "كيه", "تي", "يو",
        "دبليو", "اكس", "زد", "اس", "ار", "كيو"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is بي written alone, no letter's name beside it nor
 * dotted to it: ب with the first person's ي (يتصل بي: calls me; الخاص بي:
 * mine), which the segmenter keeps whole for بي بي سي. */
static int to_me(const ner_doc *d, size_t ti)
{
    return d->tk[ti].kind == KHABAR_TOK_ARABIC && !proclitics(d, ti) &&
           host_is(d, ti, "بي") &&
           !(ti > 0 && letter_name(d, ti - 1)) &&
           !(ti + 1 < d->doc->tokens.len && letter_name(d, ti + 1)) &&
           !(ti > 1 && dotted(d, ti - 2)) && !dotted(d, ti);
}

/* Whether the lexicon knows a folded key as a word: the treebank analyzed
 * it, or the news wrote it three times or more. */
static int lexicon_word(const ner_doc *d, const char *k, size_t n)
{
    const khabar_model *m = d->doc->model;
    const kh_lex_entry *e;
    if (!m->has_lexicon)
        return 0;
    e = kh_lexicon_find(&m->lex, k, n);
    return e && (e->n_analyses > 0 || e->count >= 3);
}

/* Whether token ti is a conjunction or preposition and the article glued
 * to a word the lexicon knows, which the segmenter kept whole as one word
 * (والقروية of وزارة الشؤون البلدية والقروية, بالإنابة: acting): no name.
 * Not a word the gazetteer knows whole (كاليفورنيا, فالنسيا), nor one whose
 * word without the article is a name (بالتيمور: تيمور), nor one after a
 * place's trigger or before a nationality (بمدينة بالنسيا, في بالنسيا
 * الإسبانية). */
static int article_glued(const ner_doc *d, size_t ti)
{
    size_t n, p = 0;
    const char *k;
    if (d->tk[ti].kind != KHABAR_TOK_ARABIC || proclitics(d, ti) ||
        gaz_whole(d, ti) ||
        (ti > 0 && (gaz_mask(d, ti - 1) & KH_GAZ_LOC_TRIGGER)) ||
        (ti + 1 < d->doc->tokens.len &&
         (gaz_mask(d, ti + 1) & KH_GAZ_NISBA)))
        return 0;
    k = host_key(d, ti, &n);
    if (n >= 2 && (memcmp(k, "و", 2) == 0 || memcmp(k, "ف", 2) == 0))
        p += 2;
    if (n >= p + 2 && (memcmp(k + p, "ب", 2) == 0 ||
                       memcmp(k + p, "ك", 2) == 0 ||
                       memcmp(k + p, "ل", 2) == 0))
        p += 2;
    /* the article and three letters at least after the clitics */
    if (p == 0 || n < p + 10 || memcmp(k + p, "ال", 4) != 0)
        return 0;
    /* (the word without the article: four letters at least, فيك of
     * فالفيك, a club, is too short to tell) */
    return lexicon_word(d, k + p, n - p) ||
           (n >= p + 12 && lexicon_word(d, k + p + 4, n - p - 4) &&
            !(d->gaz && kh_gazetteer_find(d->gaz, k + p + 4, n - p - 4)));
}

/* Whether token ti counts what follows: a number, or a word of one
 * (مليون, مليار, ألف and their plurals and duals). */
static int counted(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "الاف", "الف", "الفي", "مليار", "مليارات", "مليون", "ملايين",
        "مليوني", "ملياري"};
    return d->tk[ti].kind == KHABAR_TOK_NUMBER ||
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is the name of a currency (folded, as the news writes
 * them, with the accusative's alef and the plurals). */
static int currency(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "اورو", "بيزو", "جنيه", "جنيها", "جنيهات", "دراهم", "درهم", "درهما",
        "دنانير", "دولار", "دولارا", "دولارات", "دينار", "دينارا", "روبل",
        "روبلا", "روبيه", "ريال", "ريالا", "ريالات", "شيكل", "شيكلا",
        "فرنك", "فرنكا", "ليره", "ليرات", "يوان", "يورو"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether the gazetteer knows token ti, which it does not know as
 * written, as a place and no one's name when its foreign g (ج غ ك ق) is
 * spelled another way (بنجالور: بنغالور). Only for hosts of five letters
 * or more with one or two such letters, as kh_tag_loosen(). */
static int place_spelled_apart(const ner_doc *d, size_t ti)
{
    char k[64];
    size_t n, i, at[2], n_at = 0, letters = 0;
    unsigned v;
    const char *key;
    if (!d->gaz || d->tk[ti].kind != KHABAR_TOK_ARABIC || gaz_mask(d, ti))
        return 0;
    key = host_key(d, ti, &n);
    if (n > sizeof k)
        return 0;
    memcpy(k, key, n);
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)k[i];
        if ((b & 0xC0) != 0x80)
            letters++;
        if (kh_tag_g_letter(k + i, n - i) >= 0) {
            if (n_at == 2)
                return 0;
            at[n_at++] = i;
        }
    }
    if (!n_at || letters < 5)
        return 0;
    /* every spelling but the one written: 4^n_at - 1 lookups at most */
    for (v = 0; v < (n_at == 1 ? 4u : 16u); v++) {
        uint32_t mask;
        int same = 1;
        for (i = 0; i < n_at; i++) {
            const unsigned char *c = kh_tag_g_letters[(v >> (2 * i)) & 3];
            same &= (unsigned char)key[at[i]] == c[0] &&
                    (unsigned char)key[at[i] + 1] == c[1];
            k[at[i]] = (char)c[0];
            k[at[i] + 1] = (char)c[1];
        }
        if (same)
            continue;
        mask = kh_gazetteer_find(d->gaz, k, n);
        if (mask)
            return (mask & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)) &&
                   !(mask & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON | KH_GAZ_ORG));
    }
    return 0;
}

/* Whether the two tokens from a spell as one word a place the gazetteer
 * knows and no one's name (كوستا ريكا: كوستاريكا; سري لانكا, نيو
 * زيلندا), the second without proclitics. */
static int place_written_apart(const ner_doc *d, size_t a)
{
    char k[128];
    size_t n1, n2;
    const char *k1, *k2;
    uint32_t mask;
    if (!d->gaz || d->tk[a].kind != KHABAR_TOK_ARABIC ||
        d->tk[a + 1].kind != KHABAR_TOK_ARABIC || proclitics(d, a + 1) ||
        has_enclitic(d, a) || has_enclitic(d, a + 1))
        return 0;
    k1 = host_key(d, a, &n1);
    k2 = host_key(d, a + 1, &n2);
    if (n1 < 6 || n2 < 6 || n1 + n2 > sizeof k)
        return 0; /* three letters each at least: not ال غور, إس تي */
    memcpy(k, k1, n1);
    memcpy(k + n1, k2, n2);
    mask = kh_gazetteer_find(d->gaz, k, n1 + n2);
    return (mask & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)) &&
           !(mask & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON | KH_GAZ_ORG));
}

/* Whether token ti is the era of a year (ميلاديا, هجري, الميلادية ...),
 * folded: no name, though after a number the tagger may take one. */
static int era(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "ميلادي", "ميلاديا", "ميلاديه", "الميلادي", "الميلاديه",
        "هجري",   "هجريا",   "هجريه",   "الهجري",   "الهجريه"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a quotation mark that may close a name: " or ». */
static int closing_mark(const ner_doc *d, size_t ti)
{
    return punct_is(d, ti, '"') ||
           (ti < d->doc->tokens.len && d->tk[ti].kind == KHABAR_TOK_PUNCT &&
            d->tk[ti].end - d->tk[ti].start == 2 &&
            memcmp(d->doc->text + d->tk[ti].start, "»", 2) == 0);
}

/* The opening mark of a quotation closed right at token b, with at most
 * two untagged Arabic or Latin words between it and token a, after an
 * organization's word (org_word): صحيفة «في إس بي»; else SIZE_MAX. */
static size_t quoted_org_open(const ner_doc *d, size_t a, size_t b)
{
    size_t o = a;
    if (!closing_mark(d, b))
        return SIZE_MAX;
    while (o > 0 && a - o < 3) {
        const khabar_token *t = &d->tk[--o];
        if (punct_is(d, o, '"') || opening_guillemet(d, o))
            return o > 0 && org_word(d, o - 1) ? o : SIZE_MAX;
        if ((t->kind != KHABAR_TOK_ARABIC && t->kind != KHABAR_TOK_LATIN) ||
            d->type[o])
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Rule 5, over the entities in input order:
 *   a person named right after a word that announces a place (the
 *   gazetteer's place triggers: معبر كيريم شالوم, بلدة, محافظة) is that
 *   place, and a person or other name right after صحيفة, قناة, إذاعة,
 *   وكالة, شركة, نادي or حركة is the organization;
 *   an organization word tagged alone before a quoted name (منظمة "جيشا")
 *   gives the entity to the quoted words;
 *   a name in parentheses right after another name is another name of the
 *   same thing (كيريم شالوم (كرم أبو سالم)): it takes that one's type;
 *   a name of two words that the gazetteer knows as a place written as
 *   one (كوستا ريكا, سري لانكا, نيو زيلندا) is that place;
 *   a currency's name after a number (or مليون, مليار, ألف) is a
 *   miscellaneous name (322 مليار ريال, not the club; ألفي يوان, no
 *   person);
 *   one word with the article right after a demonstrative is a common
 *   noun, no name (هذه الحزم: these parcels), a nationality adjective
 *   alone no place (تغني بالعربية: in Arabic), and a kinship noun with
 *   the first person's ي alone no person (تعرض ابني: my son), nor بي
 *   alone (يتصل بي: calls me; not بي بي سي), the era
 *   of a year alone no name (632 ميلاديا), and هلال before a Hijri month
 *   no person (رؤية هلال شوال: the new moon): their entities are removed;
 *   one word tagged an organization or other name that the gazetteer
 *   knows as a place by another spelling of its g (بنجالور: بنغالور) is
 *   that place (not one tagged a person: جون بيركو, not بيرجو);
 *   one word that kh_ner_whole_name() knows whole as an organization or
 *   a place is that name, proclitic and all (واس, not the place اس). */
void kh_nd_in_context(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0, q, merged_to = 0;
    uint32_t m;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens;
        if (a < merged_to)
            continue; /* a name inside the quoted name below: merged */
        if (e[i].type == KHABAR_ENT_PER && a > 0 && !d->type[a - 1] &&
            (gaz_mask(d, a - 1) & KH_GAZ_LOC_TRIGGER) &&
            place_word(d, a - 1)) {
            e[i].type = KHABAR_ENT_LOC;
            mark_span(d, a, b, KHABAR_ENT_LOC);
        }
        if ((q = quoted_org_open(d, a, b)) != SIZE_MAX &&
            (q + 1 < a || e[i].start > d->tk[a].start)) {
            /* شركة «ستان كوربوريشين», صحيفة «في إس بي»: the quoted name is
             * all the quoted words, written whole (no future س, no في) */
            e[i].first_token = a = q + 1;
            e[i].n_tokens = b - a;
            e[i].start = d->tk[a].start;
            mark_span(d, a, b, e[i].type);
        }
        if ((e[i].type == KHABAR_ENT_PER || e[i].type == KHABAR_ENT_MISC) &&
            a > 0 &&
            ((!d->type[a - 1] && org_word(d, a - 1)) ||
             (a > 1 && (punct_is(d, a - 1, '"') || opening_guillemet(d, a - 1)) &&
              !d->type[a - 2] && org_word(d, a - 2)))) {
            /* (إذاعة "موزاييك": the name in quotation marks) */
            e[i].type = KHABAR_ENT_ORG;
            mark_span(d, a, b, KHABAR_ENT_ORG);
        }
        if (k > 0 && a >= 2 && punct_is(d, a - 1, '(') && punct_is(d, b, ')') &&
            e[k - 1].first_token + e[k - 1].n_tokens == a - 1 &&
            e[i].type == KHABAR_ENT_PER && e[k - 1].type != KHABAR_ENT_PER) {
            e[i].type = e[k - 1].type;
            mark_span(d, a, b, e[i].type);
        }
        if (e[i].n_tokens == 1 &&
            (m = kh_ner_whole_name(d->doc, d->gaz, a) &
                 (KH_GAZ_ORG | KH_GAZ_PLACE | KH_GAZ_COUNTRY)) != 0) {
            /* واس tagged a place as و + اس: the organization, whole */
            e[i].type = m & KH_GAZ_ORG ? KHABAR_ENT_ORG : KHABAR_ENT_LOC;
            e[i].start = d->tk[a].start;
            mark_span(d, a, b, e[i].type);
        }
        if (e[i].n_tokens == 1 &&
            (e[i].type == KHABAR_ENT_ORG || e[i].type == KHABAR_ENT_MISC) &&
            place_spelled_apart(d, a)) {
            e[i].type = KHABAR_ENT_LOC;
            mark_span(d, a, b, KHABAR_ENT_LOC);
        }
        if (e[i].n_tokens == 2 && e[i].type != KHABAR_ENT_LOC &&
            place_written_apart(d, a)) {
            e[i].type = KHABAR_ENT_LOC;
            mark_span(d, a, b, KHABAR_ENT_LOC);
        }
        if (e[i].n_tokens == 1 && e[i].type != KHABAR_ENT_MISC && a > 0 &&
            !proclitics(d, a) && counted(d, a - 1) && currency(d, a)) {
            /* 322 مليار ريال, ألفي يوان: a currency, counted */
            e[i].type = KHABAR_ENT_MISC;
            mark_span(d, a, b, KHABAR_ENT_MISC);
        }
        if (e[i].n_tokens == 1 &&
            (gaz_mask(d, a) & (KH_GAZ_ORG_TRIGGER | KH_GAZ_ORG)) ==
                KH_GAZ_ORG_TRIGGER &&
            (q = quoted_after(d, a)) != 0) {
            /* منظمة "جيشا", منظمة "أوكسفام أمريكا": the name is the
             * quoted words, with the names inside them. */
            d->type[a] = 0;
            e[i].first_token = a + 2;
            e[i].n_tokens = q - 1;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, a + 2, e[i].type);
            e[i].end = kh_doc_host(d->doc, a + q, NULL)->end;
            mark_span(d, a + 2, a + q + 1, e[i].type);
            merged_to = a + q + 1;
        }
        if ((e[i].n_tokens == 1 && has_enclitic(d, a) &&
             !gaz_whole(d, a)) ||
            (e[i].n_tokens == 1 && a > 0 && !proclitics(d, a) &&
             demonstrative(d, a - 1) && definite(d, a)) ||
            (e[i].n_tokens == 1 && e[i].type == KHABAR_ENT_LOC &&
             (gaz_mask(d, a) & (KH_GAZ_NISBA | KH_GAZ_COUNTRY)) ==
                 KH_GAZ_NISBA) ||
            (e[i].n_tokens == 1 && my_kin(d, a) && !gaz_whole(d, a)) ||
            (e[i].n_tokens == 1 && to_me(d, a)) ||
            (e[i].n_tokens == 1 && article_glued(d, a)) ||
            (e[i].n_tokens == 1 && era(d, a)) ||
            (e[i].n_tokens == 1 && one_letter(d, a)) ||
            (e[i].type == KHABAR_ENT_PER && crescent(d, a))) {
            for (q = a; q < b; q++)
                d->type[q] = 0;
            continue;
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* Whether tokens ti - 2 and ti - 1 are بيت الله (the house of God), the
 * first without a proclitic but a preposition's. */
static int house_of_god(const ner_doc *d, size_t ti)
{
    return ti >= 2 && host_is(d, ti - 2, "بيت") && !has_enclitic(d, ti - 2) &&
           !proclitics(d, ti - 1) && host_is(d, ti - 1, "الله");
}

/* Rule: a name right after المسجد (with a preposition or و before it at
 * most) is the mosque's name: the whole is a miscellaneous name (المسجد
 * الحرام, the tagger's organization الحرام; المسجد النبوي), as ANERcorp
 * tags المسجد الأقصى. الحرام after البيت or بيت الله is the same mosque:
 * البيت الحرام, بيت الله الحرام, whatever the tagger made of الله. Entities
 * sorted by token; those inside removed. */
void kh_nd_mosques(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, from = a;
        if (a > 0 && !d->type[a - 1] && !proclitics(d, a) &&
            (host_is(d, a - 1, "المسجد") ||
             (host_is(d, a - 1, "البيت") && host_is(d, a, "الحرام"))) &&
            !has_enclitic(d, a - 1))
            from = a - 1;
        else if (e[i].n_tokens == 1 && !proclitics(d, a) &&
                 host_is(d, a, "الحرام") && house_of_god(d, a))
            from = a - 2;
        if (from == a) {
            e[k++] = e[i];
            continue;
        }
        /* (the entity of الله before, if any, was the last one kept) */
        while (k > 0 && e[k - 1].first_token >= from)
            k--;
        e[i].n_tokens += a - from;
        e[i].first_token = from;
        e[i].type = KHABAR_ENT_MISC;
        e[i].start = kh_ner_entity_start(d->doc, d->gaz, from, KHABAR_ENT_MISC);
        mark_span(d, from, from + e[i].n_tokens, KHABAR_ENT_MISC);
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}
