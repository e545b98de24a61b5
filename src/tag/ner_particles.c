/*
 * ner_particles.c - the doc rules that cut, join, end and begin names at
 * the small words in and around them:
 *
 *   coordination a person or place name that runs on into a word with the
 *                conjunction و is cut there into two names of its type
 *                (كانافارو وإيمرسون);
 *   hyphens      a name joined by a hyphen to the next name is one name
 *                (جان-ايف لو دريان), and a name of letters dotted to more
 *                letters is the whole abbreviation (سي.ان.بي.سي);
 *   prepositions no name of two words or more ends with a preposition
 *                (نبيل بفون عن: نبيل بفون), nor a person's with ولي before
 *                العهد (his title);
 *   particles    a person's name that ends with a particle (فون, دي, بن)
 *                takes the word after it (مارك فان دونجين), and one right
 *                after the particle of a European name or آل takes it (دي
 *                ماريا, آل سعود); a name does not begin with الله (فتح الله
 *                غولن), and الله alone or with an epithet is God.
 */
#include "ner_doc.h"

#include "../text/utf8.h"

#include <string.h>

#define NAMES                                                                \
    (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON | KH_GAZ_COUNTRY | KH_GAZ_PLACE |     \
     KH_GAZ_ORG)

/* Whether token ti is a kin with a pronoun (وابنها, وزوجته): no name's
 * word. The host is as written, ت for ة before the pronoun. */
static int kin(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "ابن", "ابنت", "ابناء", "اولاد", "بنت", "زوج", "زوجت", "شقيق",
        "شقيقت", "اخ", "اخت", "والد", "والدت", "ام", "اب", "نجل", "نجلت",
        "جد", "جدت", "حفيد", "حفيدت", "عم", "خال"};
    return has_enclitic(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether a name that runs over token k, which has the conjunction و, is
 * two names there. Not right after a particle of the name: و is then the
 * first letter of the next word of the name (سعد بن أبي وقاص). Nor when
 * the rest begins with ا or ي as written and the gazetteer does not know
 * it: وا and وي mostly spell the w of a foreign name (آشلي ويلكس,
 * كريستوفر والكين); a known name after the conjunction is cut as before
 * (الحسن والحسين), and so is a kin with a pronoun (وابنها). */
static int cut_at(const ner_doc *d, size_t k)
{
    const khabar_word *h = kh_doc_host(d->doc, k, NULL);
    const char *s = d->doc->norm_buf + h->form;
    int w = h->form_len >= 2 &&
            (memcmp(s, "ا", 2) == 0 || memcmp(s, "ي", 2) == 0);
    if (!conjunction(d, k) || kh_nd_name_particle(d, k - 1))
        return 0;
    return !w || (gaz_mask(d, k) & NAMES) || kin(d, k);
}

/* The entity type of a gazetteer name of types mask, for the second of
 * two names an organization's name ran together: an organization's first,
 * then a person's, then a place's (-1: none). */
static int name_type(uint32_t mask)
{
    if (mask & KH_GAZ_ORG)
        return KHABAR_ENT_ORG;
    if (mask & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON))
        return KHABAR_ENT_PER;
    if (mask & (KH_GAZ_COUNTRY | KH_GAZ_PLACE))
        return KHABAR_ENT_LOC;
    return -1;
}

/* Whether an organization's or other name over tokens [a, b) is two names
 * the conjunction at token k joins: the gazetteer knows each part as a
 * name and the whole as none (الحوثي وصالح, فيسبوك وتويتر; not حزب
 * العدالة والتنمية, منظمة الأغذية والزراعة, البوسنة والهرسك). The second
 * part's type into *type. A first part that is also a trigger word is
 * none (جامعة وريك, Warwick). */
#define TRIGGERS (KH_GAZ_TITLE | KH_GAZ_LOC_TRIGGER | KH_GAZ_ORG_TRIGGER)
static int names_apart(const ner_doc *d, size_t a, size_t k, size_t b,
                       int *type)
{
    const kh_gaz_entry *x, *y;
    if (!cut_at(d, k) || kin(d, k) || kh_ner_span_entry(d->doc, d->gaz, a, b))
        return 0;
    x = kh_ner_span_entry(d->doc, d->gaz, a, k);
    y = kh_ner_span_entry(d->doc, d->gaz, k, b);
    if (!x || !y || !(x->mask & NAMES) || (x->mask & TRIGGERS) ||
        name_type(y->mask) < 0)
        return 0;
    *type = name_type(y->mask);
    return 1;
}

/* Rule 0: a person or place name that runs on into a word with the
 * conjunction و is two names (كانافارو وإيمرسون, الحسن والحسين), unless
 * the word comes after a particle of the name: و is then its first letter
 * (سعد بن أبي وقاص). A kin with a pronoun there is in neither (رهام
 * وابنها أحمد: رهام, أحمد). An organization's or other name is cut only
 * between two names the gazetteer knows apart (names_apart). */
int kh_nd_coordination(ner_doc *d)
{
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        khabar_entity *e = (khabar_entity *)d->doc->entities.data + i;
        size_t a = e->first_token, b = a + e->n_tokens, k;
        int type = e->type;
        int names = type == KHABAR_ENT_PER || type == KHABAR_ENT_LOC;
        for (k = a + 1; k < b && !(names ? cut_at(d, k)
                                         : names_apart(d, a, k, b, &type));
             k++)
            ;
        if (k == b)
            continue;
        e->n_tokens = k - a;
        e->end = kh_doc_host(d->doc, k - 1, NULL)->end;
        if (e->end < e->start)
            e->end = d->tk[k - 1].end;
        if (kin(d, k)) { /* رهام وابنها أحمد: the kin is no name */
            d->type[k] = 0;
            if (++k == b)
                continue;
        }
        d->type[k] = (uint8_t)(type + 8);
        if (kh_nd_add(d, k, b, type) != 0)
            return -1;
    }
    return 0;
}

/* Whether tokens ti, ti + 1 and ti + 2 are written as one: a hyphen
 * between two Arabic tokens, without spaces. */
static int hyphen_joins(const ner_doc *d, size_t ti)
{
    const khabar_token *t = d->tk;
    if (ti + 2 >= d->doc->tokens.len)
        return 0;
    return t[ti].kind == KHABAR_TOK_ARABIC &&
           t[ti + 2].kind == KHABAR_TOK_ARABIC &&
           t[ti + 1].end - t[ti + 1].start == 1 &&
           d->doc->text[t[ti + 1].start] == '-' &&
           t[ti].end == t[ti + 1].start && t[ti + 1].end == t[ti + 2].start;
}

/* Rule 4: a name joined by a hyphen to the next name is one name, of the
 * first one's type (جان-ايف لو دريان, كوين-تشيك); a person's name so
 * joined to the next word takes it (بيريت ريس-أندرسن). Entities sorted by
 * token; merged ones removed. */
void kh_nd_hyphenated(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0;
    for (i = 0; i < n; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        if (e[i].type < 0 || !hyphen_joins(d, last))
            ;
        else if (i + 1 < n && e[i + 1].first_token == last + 2) {
            /* كوين-تشيك, a person and a place to the tagger: one name, of
             * the first one's type */
            e[i].n_tokens += 1 + e[i + 1].n_tokens; /* and the hyphen */
            e[i].end = e[i + 1].end;
            e[i + 1].type = -1; /* merged */
            mark_span(d, e[i].first_token, e[i].first_token + e[i].n_tokens,
                      e[i].type);
        } else if (e[i].type == KHABAR_ENT_PER &&
                   kh_nd_name_like(d, last + 2, 0, 0)) {
            e[i].n_tokens += 2;
            e[i].end = kh_doc_host(d->doc, last + 2, NULL)->end;
            mark_span(d, e[i].first_token, e[i].first_token + e[i].n_tokens,
                      KHABAR_ENT_PER);
        }
        if (e[i].type >= 0)
            e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* Whether token ti may be a letter of a dotted abbreviation: Arabic, no
 * proclitic but و, and a host of three letters at most (بي, ان, كيه; not
 * نيمار of نيمار.وحضر, where a space is missing). */
static int letter_like(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return d->tk[ti].kind == KHABAR_TOK_ARABIC &&
           kh_utf8_count(k, n) <= 3 && kh_nd_proclitics_among(d, ti, "و");
}

/* Rule 4c: a name of letters that periods join to more letters is the
 * whole abbreviation (شبكة سي.ان.بي.سي, where the tagger found بي; جهاز
 * كيه.جي.بي). Entities sorted by token; those inside removed. */
void kh_nd_dotted_letters(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0, covered = 0;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens;
        if (a < covered)
            continue; /* inside the abbreviation before */
        if (letter_like(d, a))
            while (a >= 2 && a - 2 >= covered && dotted(d, a - 2) &&
                   letter_like(d, a - 2))
                a -= 2;
        if (letter_like(d, b - 1))
            while (dotted(d, b - 1) && letter_like(d, b + 1))
                b += 2;
        if (a != e[i].first_token || b != e[i].first_token + e[i].n_tokens) {
            size_t j;
            /* An organization's letters make an organization (إيه.بي.سي,
             * where the tagger saw إيه apart), and a name that runs on from
             * the last letter takes the whole with it (إيه.بي.سي نيوز, the
             * tagger's سي نيوز). */
            for (j = i + 1; j < n && e[j].first_token < b; j++) {
                if (e[j].type == KHABAR_ENT_ORG)
                    e[i].type = KHABAR_ENT_ORG;
                if (e[j].first_token + e[j].n_tokens > b)
                    b = e[j].first_token + e[j].n_tokens;
            }
            e[i].first_token = a;
            e[i].n_tokens = b - a;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, a, e[i].type);
            /* (the token's end, not its host's: the segmenter reads the
             * ه of أيه as a pronoun) */
            e[i].end = d->tk[b - 1].end;
            mark_span(d, a, b, e[i].type);
        }
        covered = b;
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* Rule 4b: a person's name does not end with a particle (فون, دي, بن,
 * أبو, آل ...): one cut there takes the next words while they end with
 * one, and one more (مارك فان دونجين, لويجي دي مايو, أورسولا فون دير
 * لاين), over untagged Arabic words without proclitics. */
void kh_nd_particle_tails(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i;
    for (i = 0; i < n; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1, steps;
        if (e[i].type != KHABAR_ENT_PER)
            continue;
        for (steps = 0; steps < 3; steps++) {
            size_t next = last + 1;
            if (!kh_nd_name_particle(d, last) || next >= d->doc->tokens.len ||
                d->tk[next].kind != KHABAR_TOK_ARABIC || d->type[next] ||
                proclitics(d, next) ||
                d->tk[next].start > d->tk[last].end + 1)
                break;
            e[i].n_tokens++;
            e[i].end = kh_doc_host(d->doc, next, NULL)->end;
            d->type[next] = KHABAR_ENT_PER;
            last = next;
        }
    }
}

/* Rule 4c: a person's name does not end with ولي when العهد or another
 * ولي follows: that is his title (محمد بن سلمان ولي ولي العهد, محمد بن
 * نايف ولي العهد), which the tagger sometimes runs into the name. */
void kh_nd_crown_prince_tails(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i;
    for (i = 0; i < n; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens < 2 ||
            last + 1 >= d->doc->tokens.len || proclitics(d, last) ||
            !host_is(d, last, "ولي") ||
            !(host_is(d, last + 1, "العهد") || host_is(d, last + 1, "ولي")))
            continue;
        d->type[last] = 0;
        e[i].n_tokens--;
        e[i].end = d->tk[last - 1].end;
    }
}

/* Whether token ti's host is a noun, proper noun, adjective or verb as
 * the POS tagger reads it (فتح in فتح الله may be read as the verb). */
static int open_class(const ner_doc *d, size_t ti)
{
    switch (kh_doc_host(d->doc, ti, NULL)->upos) {
    case KHABAR_UPOS_NOUN: case KHABAR_UPOS_PROPN: case KHABAR_UPOS_ADJ:
    case KHABAR_UPOS_VERB:
        return 1;
    default:
        return 0;
    }
}

/* Whether token ti is a particle that begins a European name (فون, دي,
 * دا, دو, ديل, دير, لو) or آل before a family's name. Not ابن, أبو, بنت,
 * عبد: ابن نتنياهو is his son. */
static int foreign_particle(const ner_doc *d, size_t ti)
{
    static const char *const particles[] = {"فون", "دي", "دا", "دو", "ديل",
                                            "دير", "لو", "ال"};
    return host_in(d, ti, particles, sizeof particles / sizeof particles[0]);
}

/* Rule 4b': a person's name takes the particles of European names and آل
 * right before it (دي ماريا, آل سعود: the tagger began at the word after),
 * over untagged words next to it, two at most. */
void kh_nd_particle_heads(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, steps;
    for (i = 0; i < n; i++) {
        if (e[i].type != KHABAR_ENT_PER)
            continue;
        for (steps = 0; steps < 2; steps++) {
            size_t a = e[i].first_token, p;
            if (a == 0 || proclitics(d, a))
                break;
            p = a - 1;
            if (d->tk[p].kind != KHABAR_TOK_ARABIC || d->type[p] ||
                d->tk[a].start > d->tk[p].end + 1 ||
                !foreign_particle(d, p) || proclitics(d, p))
                break; /* (not فان: فإن as often, فان ترامب) */
            e[i].first_token = p;
            e[i].n_tokens++;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, p, KHABAR_ENT_PER);
            mark_span(d, p, p + e[i].n_tokens, KHABAR_ENT_PER);
        }
    }
}

/* Whether token ti is an epithet said of God after الله (تعالى, سبحانه,
 * عز, جل, تبارك). */
static int divine_epithet(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"تعالي", "سبحانه", "عز", "جل",
                                        "تبارك"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a word that makes a man's name with الله after it
 * (فضل الله, نصر الله, فتح الله, عطا الله, جار الله). */
static int allah_compound(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "فضل", "نصر", "فتح", "عطا", "عطاء", "جار", "خير", "حسب", "ضيف",
        "سيف", "هبه", "فرج", "لطف", "نعمه", "عوض", "جاد", "رزق", "حمد"};
    return host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Rule 4c: a person's name does not begin with الله: the word before
 * is the first half of a compound name (فتح الله غولن, نصر الله, عطاء
 * الله), which the tagger leaves out when it is also a common word. It
 * joins the name when it is an Arabic word next to it, in no entity,
 * without proclitics and of an open class (open_class), and
 * when الله is the whole name, a first name the gazetteer knows or the
 * first half of such a name (allah_compound: الملا فضل الله); else
 * الله alone, or with an epithet (الله تعالى), is God (بيوت الله, عند
 * الله), no person. */
void kh_nd_allah_names(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, p = a - 1;
        int joins;
        if ((e[i].type != KHABAR_ENT_PER && e[i].type != KHABAR_ENT_MISC) ||
            a == 0 || proclitics(d, a) || !host_is(d, a, "الله"))
            continue;
        if (e[i].type == KHABAR_ENT_PER && e[i].n_tokens >= 2 &&
            divine_epithet(d, a + 1)) {
            e[i].type = KHABAR_ENT_MISC; /* الله تعالى: God */
            mark_span(d, a, a + e[i].n_tokens, KHABAR_ENT_MISC);
            continue;
        }
        joins = d->tk[p].kind == KHABAR_TOK_ARABIC && !d->type[p] &&
                !proclitics(d, p) && open_class(d, p) &&
                d->tk[a].start <= d->tk[p].end + 1;
        if (e[i].type == KHABAR_ENT_MISC) {
            /* God to the tagger, a man after his name's first half */
            if (!joins || e[i].n_tokens != 1 || !allah_compound(d, p))
                continue;
            e[i].type = KHABAR_ENT_PER;
        } else if (!joins ||
                   (e[i].n_tokens == 1 &&
                    !(gaz_mask(d, p) & KH_GAZ_FIRST_NAME) &&
                    !allah_compound(d, p))) {
            if (e[i].n_tokens == 1) { /* God: بيوت الله, عند الله */
                e[i].type = KHABAR_ENT_MISC;
                mark_span(d, a, a + 1, KHABAR_ENT_MISC);
            }
            continue;
        }
        e[i].first_token = p;
        e[i].n_tokens++;
        e[i].start = kh_ner_entity_start(d->doc, d->gaz, p, KHABAR_ENT_PER);
        mark_span(d, p, a + e[i].n_tokens - 1, KHABAR_ENT_PER);
    }
}

/* Whether token ti, two words or more after the بن of a person's name
 * whose next word is no particle (بن أبي طالب), is a common noun that ends
 * the name there: one the tagger calls a noun, without the article, that
 * the gazetteer knows as no one's name (سلمان بن عبدالعزيز برقية تهنئة:
 * the cable; بندر بن محمد حجار keeps his family name, a proper noun). */
static int noun_after_nasab(const ner_doc *d, size_t a, size_t ti)
{
    size_t p;
    if (proclitics(d, ti) || definite(d, ti) ||
        kh_nd_name_particle(d, ti - 1) || /* بن هذلول, أبو راس */
        kh_doc_host(d->doc, ti, NULL)->upos != KHABAR_UPOS_NOUN ||
        (gaz_mask(d, ti) & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON)))
        return 0;
    for (p = ti - 1; p > a && !host_is(d, p - 1, "بن"); p--)
        ;
    return p > a && !kh_nd_name_particle(d, p);
}

/* Rule: no name of two words or more ends with a preposition (نبيل بفون
 * عن استعداد الهيئة: the name ends before عن, which the tagger or
 * kh_nd_particle_tails(), taking فون for von, put in it), or with one
 * letter alone (محمود قصيع س 15: س is the hour); a person's name ends
 * before a common noun after its nasab (noun_after_nasab). */
void kh_nd_preposition_tails(ner_doc *d)
{
    /* (not علي, which folds على and the name علي together, nor في, as in
     * تي في; ل is لـ written alone, X لـ "الحياة", not the ل of لي,
     * كريستوفر لي) */
    static const char *const preps[] = {"عن", "من", "الي", "مع", "منذ",
                                        "حتي", "خلال", "عند", "لدي", "ل"};
    khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        size_t k;
        if (e[i].type == KHABAR_ENT_PER) { /* سلمان بن عبدالعزيز برقية */
            for (k = e[i].first_token + 3; k <= last; k++) {
                if (noun_after_nasab(d, e[i].first_token, k)) {
                    for (; last >= k; last--)
                        d->type[last] = 0;
                    e[i].n_tokens = k - e[i].first_token;
                    e[i].end = kh_doc_host(d->doc, last, NULL)->end;
                    break;
                }
            }
        }
        while (e[i].n_tokens >= 2 &&
               (one_letter(d, last) ||
                (!proclitics(d, last) &&
                 host_in(d, last, preps, sizeof preps / sizeof preps[0]) &&
                 !(host_is(d, last, "ل") && has_enclitic(d, last))))) {
            d->type[last] = 0;
            e[i].n_tokens--;
            last--;
            e[i].end = kh_doc_host(d->doc, last, NULL)->end;
        }
    }
}
