/*
 * ner_idioms.c - doc rules of the named-entity stage (see ner_doc.h):
 * common words and set phrases that read as names. A name is a first name
 * or a place's as often as not (دوما is a village and "always", حمد الله
 * a man and "praise to God"), so each rule asks for the idiom's own
 * context, and the tagger's name stands elsewhere.
 */
#include "ner_doc.h"

/* Whether token ti, whole and folded, is a pious wish said with الله
 * after it of the one just named (رحمه الله, رضي الله عنه, رضوان الله
 * عليهم, حفظه الله): verbs with their pronoun, and رضوان. */
static int pious_wish(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "رحمه",  "رحمها",  "رحمهم",  "يرحمه", "يرحمها", "رضي",   "رضوان",
        "حفظه",  "حفظها",  "حفظهم",  "يحفظه", "وفقه",   "وفقها", "وفقهم",
        "شفاه",  "شفاها",  "هداه",   "هداهم", "رعاه",   "رعاها", "رعاهم",
        "ايده",  "ايدهم",  "اعانه",  "اعانهم", "غفر",   "عافاه", "تقبله"};
    const khabar_token *t = &d->tk[ti];
    const char *k = d->doc->fold_buf + t->norm;
    size_t i;
    if (t->kind != KHABAR_TOK_ARABIC)
        return 0;
    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (t->norm_len == strlen(words[i]) &&
            memcmp(k, words[i], t->norm_len) == 0)
            return 1;
    }
    return 0;
}

/* Whether token ti is a noun of God's grace before الله, said after ب
 * or بعد (بتوفيق الله, بحمد الله, بعد فضل الله: by God's grace), where
 * حمد الله and فضل الله are also men's names. */
static int by_grace(const ner_doc *d, size_t ti)
{
    static const char *const nouns[] = {"توفيق", "حمد",  "فضل",  "عون",
                                        "اذن",   "مشيئه", "حول", "نعمه"};
    static const char *const before[] = {"بعد", "من"};
    unsigned pre;
    const khabar_word *h = kh_doc_host(d->doc, ti, &pre);
    if (!host_in(d, ti, nouns, sizeof nouns / sizeof nouns[0]))
        return 0;
    if (pre) /* ب last: بتوفيق, وبحمد */
        return kh_nd_proclitics_among(d, ti, "وب") && h[-1].form_len == 2 &&
               memcmp(d->doc->norm_buf + h[-1].form, "ب", 2) == 0;
    return ti > 0 && host_in(d, ti - 1, before, 2);
}

/* Whether token ti is دوما read as the adverb "always": after a verb, an
 * adjective, a conjunction or لكن (نسعى دوما, لكن دوما), or before ما
 * (دوما ما). The village (قرية دوما, في دوما, هجوم دوما) has a trigger,
 * a preposition or a noun before it. */
static int always(const ner_doc *d, size_t ti)
{
    size_t n = d->doc->tokens.len;
    if (proclitics(d, ti) || !host_is(d, ti, "دوما"))
        return 0;
    if (ti + 1 < n && host_is(d, ti + 1, "ما"))
        return 1;
    if (ti == 0 || (gaz_mask(d, ti - 1) & KH_GAZ_LOC_TRIGGER))
        return 0;
    switch (kh_doc_host(d->doc, ti - 1, NULL)->upos) {
    case KHABAR_UPOS_VERB:
    case KHABAR_UPOS_AUX:
    case KHABAR_UPOS_ADJ:
    case KHABAR_UPOS_CCONJ:
        return 1;
    default:
        return host_is(d, ti - 1, "لكن");
    }
}

/* Whether token ti is جار alone, the participle "under way" (العمل جار
 * على, البحث جار عن): no title before it, no name beside it. The name
 * is جار الله, which the tagger finds whole. */
static int under_way(const ner_doc *d, size_t ti)
{
    return !proclitics(d, ti) && host_is(d, ti, "جار") &&
           !(ti > 0 && (d->type[ti - 1] ||
                        (gaz_mask(d, ti - 1) & KH_GAZ_TITLE))) &&
           !(ti + 1 < d->doc->tokens.len && d->type[ti + 1]);
}

int kh_nd_idiom_word(const ner_doc *d, size_t ti)
{
    return d->tk[ti].kind == KHABAR_TOK_ARABIC &&
           (always(d, ti) || under_way(d, ti));
}

/* Rule: the idioms above are no names. An entity that ends in a pious
 * wish (نايف رحمه الله, رضوان الله) ends before it, and is none if
 * nothing is left; one that is by_grace and الله (بتوفيق الله), always
 * or under_way alone is none. */
void kh_nd_idioms(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0, q;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens;
        int drop = 0;
        if (b - a >= 2 && !proclitics(d, b - 1) && host_is(d, b - 1, "الله") &&
            pious_wish(d, b - 2)) {
            for (q = b - 2; q < b; q++)
                d->type[q] = 0;
            if (b - 2 == a) {
                drop = 1;
            } else {
                e[i].n_tokens -= 2;
                e[i].end = kh_doc_host(d->doc, b - 3, NULL)->end;
            }
        } else if (b - a == 2 && !proclitics(d, b - 1) &&
                   host_is(d, b - 1, "الله") && by_grace(d, a)) {
            drop = 1;
        } else if (b - a == 1 && (always(d, a) || (e[i].type ==
                                  KHABAR_ENT_PER && under_way(d, a)))) {
            drop = 1;
        }
        if (drop) {
            for (q = a; q < b; q++)
                d->type[q] = 0;
            continue;
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}
