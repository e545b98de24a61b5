/*
 * ner_sport.c - the doc rules of sport teams (kh_nd_matches):
 *
 *   matches      in a doc about sport, the two sides of a match (فاز
 *                الهلال على النصر, مباراة الريدز والريال) are teams,
 *                organizations, and so is a one-word team wherever the doc
 *                writes it alone; in a doc with no word of sport, a common
 *                word that only the NER corpora name as an organization (a
 *                club: الهلال, الديار) is no name.
 */
#include "ner_doc.h"

#include <stdint.h>
#include <stdlib.h>

/* Whether token ti is a word of sport (مباراة, الدوري, الشوط, لاعب ...),
 * proclitics aside: words that name nothing else in the news (not هدف,
 * an aim, فريق, a group or a rank, or بطولة, heroism). */
static int sport_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "مباراه", "المباراه", "مباريات", "المباريات", "الدوري", "دوري",
        "الشوط", "شوط", "ركله", "ركلات", "لاعب", "اللاعب", "لاعبي",
        "لاعبين", "اللاعبين", "التعادل", "الملعب", "المدرب", "مهاجم",
        "المهاجم"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a verb or noun of a match between two sides: won,
 * beat, drew, lost, met (فاز, تغلب, تعادل, خسر, هزم, انهزم, التقى, واجه,
 * فوز), with و or ف before it at most. */
static int match_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "فاز", "فازت", "يفوز", "تفوز", "فوز", "تغلب", "تغلبت", "يتغلب",
        "تعادل", "تعادلت", "يتعادل", "خسر", "خسرت", "يخسر", "تخسر",
        "خساره", "هزم", "هزمت", "يهزم", "هزيمه", "التقي", "التقت", "يلتقي",
        "تلتقي", "واجه", "واجهت", "يواجه", "تواجه", "اكتسح", "اكتسحت",
        "سحق", "سحقت", "انهزم", "انهزمت", "ينهزم"};
    return kh_nd_proclitics_among(d, ti, "وف") &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a noun of a match (مباراة, مقابلة, مواجهة, لقاء,
 * قمة, ديربي, كلاسيكو), with و or ف before it at most. */
static int match_noun(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "مباراه", "المباراه", "مقابله", "المقابله", "لقاء", "اللقاء", "قمه", "دربي", "الدربي", "ديربي", "الديربي",
        "كلاسيكو", "الكلاسيكو"};
    return kh_nd_proclitics_among(d, ti, "وف") && !has_enclitic(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is في with a pronoun (فيها, فيه): where a match was
 * won. */
static int in_it(const ner_doc *d, size_t ti)
{
    return d->tk[ti].kind == KHABAR_TOK_ARABIC && !proclitics(d, ti) &&
           has_enclitic(d, ti) && host_is(d, ti, "في");
}

/* Whether token ti is the conjunction و written alone (مقابلة أولمبيك
 * مدنين و سكك الحديد). */
static int lone_wa(const ner_doc *d, size_t ti)
{
    return d->tk[ti].kind == KHABAR_TOK_ARABIC && !proclitics(d, ti) &&
           host_is(d, ti, "و");
}

/* Whether token ti is على, أمام, مع or ضد alone: the preposition before
 * the other side of a match. */
static int match_preposition(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"علي", "امام", "مع", "ضد"};
    return !proclitics(d, ti) &&
           kh_doc_host(d->doc, ti, NULL)->upos == KHABAR_UPOS_ADP &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a word that stands for a side without naming it
 * (الفريق, المنتخب, الضيوف, منافسه), names the match (الدربي) or its
 * day (الغد). */
static int side_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "الفريق", "فريق", "المنتخب", "منتخب", "اللاعب", "الحارس", "البطل",
        "المرشح", "الضيف", "الضيوف", "المضيف", "اصحاب", "الخصم", "الغريم", "المنافس",
        "منافس", "الاخير", "الاول", "الثاني", "النادي", "نادي",
        /* and the day of the match: مباراة الغد والتتويج باللقب */
        "الغد", "اليوم", "الامس", "الليله", "الاحد", "الاثنين", "الثلاثاء",
        "الاربعاء", "الخميس", "الجمعه", "السبت"};
    return has_enclitic(d, ti) || match_noun(d, ti) ||
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* The side of a match that starts at token a, [a, *b): an entity of one
 * to three tokens that starts there, or one to three untagged nouns or
 * names (the first with the article or a proper noun, not side_word() or
 * a title; no nationality after the first: ميلان الإيطالي is ميلان), with
 * no proclitic but و on the first when wa. 0 when there is none. */
static int match_side(const ner_doc *d, size_t a, size_t end, int wa,
                      size_t *b)
{
    const khabar_entity *e = d->doc->entities.data;
    const khabar_word *h;
    size_t i;
    if (a >= end || d->tk[a].kind != KHABAR_TOK_ARABIC ||
        !kh_nd_proclitics_among(d, a, wa ? "و" : "") || side_word(d, a))
        return 0;
    if (d->type[a]) {
        if (d->type[a] < 8 || (i = kh_nd_entity_starting(d, a)) == SIZE_MAX)
            return 0; /* inside a longer name */
        *b = a + e[i].n_tokens;
        return e[i].n_tokens <= 3;
    }
    h = kh_doc_host(d->doc, a, NULL);
    if (((h->upos != KHABAR_UPOS_NOUN || !definite(d, a)) &&
         h->upos != KHABAR_UPOS_PROPN) ||
        (gaz_mask(d, a) & KH_GAZ_TITLE))
        return 0;
    for (i = a + 1; i < end && i < a + 3 && !d->type[i] &&
                    !kh_nd_boundary(d, i, end) && !has_enclitic(d, i) &&
                    !(gaz_mask(d, i) & KH_GAZ_NISBA);
         i++)
        ;
    *b = i;
    return 1;
}

/* Token ti, or the token after it when ti is a nationality without
 * proclitics (تعادل ليل الفرنسي مع ميلان). */
static size_t after_nisba(const ner_doc *d, size_t ti, size_t end)
{
    return ti < end && !d->type[ti] && d->tk[ti].kind == KHABAR_TOK_ARABIC &&
                   !proclitics(d, ti) && (gaz_mask(d, ti) & KH_GAZ_NISBA)
               ? ti + 1
               : ti;
}

/* Whether the side that starts at token a is a name: an entity, a proper
 * noun or a word the lexicon does not know (kh_nd_name_like()). */
static int named_side(const ner_doc *d, size_t a)
{
    return d->type[a] || kh_nd_name_like(d, a, 1, 0);
}

/* Whether the side that starts at token a may be a team: untagged, an
 * organization, or a person or place the gazetteer does not know as a
 * person's name or a country (a country's side is its national team,
 * named as the country). */
static int may_be_team(const ner_doc *d, size_t a)
{
    int type = d->type[a] & 7;
    uint32_t m = gaz_mask(d, a);
    if (!d->type[a] || type == KHABAR_ENT_ORG)
        return 1;
    if (type == KHABAR_ENT_PER)
        return !(m & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON));
    if (type == KHABAR_ENT_LOC)
        return !(m & KH_GAZ_COUNTRY);
    return 0;
}

/* Makes tokens [a, b) an organization: the entity that starts there
 * retyped, or a new one. */
static int make_team(ner_doc *d, size_t a, size_t b)
{
    if (!d->type[a])
        return kh_nd_add(d, a, b, KHABAR_ENT_ORG);
    kh_nd_retype(d, a, KHABAR_ENT_ORG);
    return 0;
}

/* Whether token ti is a common word with the article that only the NER
 * corpora name, as an organization: a club of their sports pages
 * (الهلال, النصر), the lexicon's word elsewhere. */
static int corpus_club(const ner_doc *d, size_t ti)
{
    const khabar_word *h = kh_doc_host(d->doc, ti, NULL);
    const kh_gaz_entry *g;
    const char *k;
    size_t n;
    if (!d->gaz || d->tk[ti].kind != KHABAR_TOK_ARABIC || !definite(d, ti) ||
        (h->flags & KHABAR_WORD_LEMMA_GUESSED) || !kh_nd_clustered(d, ti))
        return 0;
    k = host_key(d, ti, &n);
    g = kh_gazetteer_lookup(d->gaz, k, n);
    return g && (g->mask & KH_GAZ_ORG) &&
           !(g->sources & ~KH_GAZ_CORPUS_SOURCES);
}

/* Rule: in a doc with no word of sport, a one-word organization that is
 * such a corpus club is the common word (رؤية الهلال: the crescent). */
static int no_clubs(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token;
        if (e[i].type == KHABAR_ENT_ORG && e[i].n_tokens == 1 &&
            corpus_club(d, a)) {
            d->type[a] = 0;
            continue;
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
    return 0;
}

/* Rule: the sides of a match. In a doc about sport (two words of it or
 * more: مباراة, الدوري, الشوط, لاعب ...), a verb of winning, losing or
 * meeting, a side, then على, أمام, مع or ضد and the other side: both
 * sides are teams, organizations (فاز الترجي على النجم الساحلي, خسر
 * ليغانيس أمام إشبيلية, تعادل برشلونة مع ريال مدريد). A side is a name
 * the recognizer found, if it is no person's name or country the
 * gazetteer knows, or untagged nouns with the article (الهلال, a common
 * word elsewhere). Each team found so is then a team wherever the doc
 * writes it alone (رفع الهلال رصيده). */
int kh_nd_matches(ner_doc *d)
{
    const khabar_sentence *ss = d->doc->sentences.data;
    size_t n = d->doc->tokens.len, i, s, sport = 0, n_teams = 0;
    uint64_t *teams;
    int rc = 0;
    for (i = 0; i < n && sport < 2; i++)
        sport += d->tk[i].kind == KHABAR_TOK_ARABIC && sport_word(d, i);
    if (sport == 0)
        return no_clubs(d);
    if (sport < 2)
        return 0;
    teams = malloc(n * sizeof *teams);
    if (!teams)
        return -1;
    for (s = 0; s < d->doc->sentences.len && rc == 0; s++) {
        size_t end = ss[s].first_token + ss[s].n_tokens;
        for (i = ss[s].first_token; i + 3 < end && rc == 0; i++) {
            size_t xa = i + 1, xb, ya, yb, k;
            int verb = match_word(d, i);
            if (verb && xa + 1 < end && in_it(d, xa))
                xa++; /* وفاز فيها الريال على الريدز */
            if (verb && match_side(d, xa, end, 0, &xb) &&
                (k = after_nisba(d, xb, end)) < end && match_preposition(d, k))
                ya = k + 1; /* فاز الهلال على النصر */
            else if (!verb && match_noun(d, i) &&
                     match_side(d, xa, end, 0, &xb) && xb < end &&
                     (lone_wa(d, xb) || conjunction(d, xb)))
                ya = lone_wa(d, xb) ? xb + 1 : xb; /* مباراة الأهلي والزمالك */
            else
                continue;
            if (!match_side(d, ya, end, ya == xb, &yb) ||
                !may_be_team(d, xa) || !may_be_team(d, ya))
                continue;
            /* مواجهة التحديات والأخطار: after a noun, one side at least
             * must be a name */
            if (!verb && !named_side(d, xa) && !named_side(d, ya))
                continue;
            rc = make_team(d, xa, xb);
            if (rc == 0)
                rc = make_team(d, ya, yb);
            if (xb == xa + 1)
                teams[n_teams++] = kh_nd_token_hash(d, xa);
            if (yb == ya + 1)
                teams[n_teams++] = kh_nd_token_hash(d, ya);
            i = yb - 1;
        }
    }
    /* The teams of one word, wherever the doc writes them alone. */
    for (i = 0; i < n && rc == 0 && n_teams; i++) {
        size_t k;
        if (d->type[i] || d->tk[i].kind != KHABAR_TOK_ARABIC ||
            !kh_nd_proclitics_among(d, i, "وفلب") ||
            has_enclitic(d, i) ||
            (i + 1 < n && (d->type[i + 1] ||
                           (d->tk[i + 1].kind == KHABAR_TOK_ARABIC &&
                            !proclitics(d, i + 1) &&
                            kh_doc_host(d->doc, i + 1, NULL)->upos ==
                                KHABAR_UPOS_ADJ))))
            continue;
        for (k = 0; k < n_teams && teams[k] != kh_nd_token_hash(d, i); k++)
            ;
        if (k < n_teams)
            rc = kh_nd_add(d, i, i + 1, KHABAR_ENT_ORG);
    }
    free(teams);
    return rc;
}
