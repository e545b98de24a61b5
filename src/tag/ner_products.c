/*
 * ner_products.c - the doc rule of products (kh_nd_products):
 *
 *   products     a person's or place's name right after a device (هاتف
 *                آيفون, أجهزة آيفون) is a miscellaneous name, and so is
 *                every name of the doc with the same first word; so is a
 *                name right after a stadium (ملعب ويمبلي, as ANERcorp tags
 *                ملعب سانتياغو) that names no person or place (ملعب محمد
 *                بن زايد, استاد القاهرة, في ملعب فينجر).
 */
#include "ner_doc.h"

#include <stdlib.h>

/* Whether token ti is a device (هاتف, أجهزة, طراز), with و, ب or ل
 * before it at most and no pronoun after it. */
static int device_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "هاتف", "الهاتف", "هواتف", "الهواتف", "جهاز", "الجهاز", "اجهزه",
        "الاجهزه", "طراز", "حاسوب", "الحاسوب", "حواسيب"};
    return kh_nd_proclitics_among(d, ti, "وبل") && !has_enclitic(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a stadium (ملعب, استاد), with و, ب or ل before it
 * at most and no pronoun after it. */
static int venue_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"ملعب", "الملعب", "استاد", "ستاد",
                                        "الاستاد"};
    return kh_nd_proclitics_among(d, ti, "وبل") && !has_enclitic(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether entity i, right after a stadium, is the stadium's name: no word
 * of it is a person's name, a title or a place's trigger to the gazetteer,
 * and the first is no place's (ملعب محمد بن زايد, ملعب عبد العزيز
 * الشتيوي, استاد مدينة الملك عبدالله, ملعب بن قردان, استاد القاهرة), nor a
 * word of a person's longer name in the doc (في ملعب فينجر: in Arsène
 * Wenger's court). */
static int stadium_name(const ner_doc *d, size_t i)
{
    static const char *const heads[] = {"عبد", "ابو", "بن", "ابن"};
    const khabar_entity *e = d->doc->entities.data;
    size_t a = e[i].first_token, t, k;
    uint64_t h;
    if (host_in(d, a, heads, sizeof heads / sizeof heads[0]) ||
        (gaz_mask(d, a) & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)))
        return 0;
    for (t = a; t < a + e[i].n_tokens; t++) {
        if (gaz_mask(d, t) & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON |
                              KH_GAZ_TITLE | KH_GAZ_LOC_TRIGGER))
            return 0;
    }
    h = kh_nd_token_hash(d, a);
    for (k = 0; k < d->doc->entities.len; k++) {
        if (e[k].type != KHABAR_ENT_PER || e[k].n_tokens < 2)
            continue;
        for (t = e[k].first_token; t < e[k].first_token + e[k].n_tokens; t++)
            if (kh_nd_token_hash(d, t) == h)
                return 0;
    }
    return 1;
}

/* Whether token ti is ذكي or الذكية (the smart of smartphones). */
static int smart_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"ذكي", "الذكي", "ذكيه", "الذكيه"};
    return !proclitics(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Rule: a product. A name tagged a person or a place right after a
 * device (هاتف آيفون, أجهزة آيفون, الهواتف الذكية آي فون), or after a
 * stadium when it names no person or place (stadium_name: ملعب ويمبلي),
 * is a miscellaneous name, and so is every name of
 * the doc that begins with its first word (آيفون X, آيفون إكس; a maker
 * tagged an organization after a device, هاتف سامسونغ, stays one). */
int kh_nd_products(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k, n_heads = 0;
    uint64_t *heads = NULL;
    for (i = 0; i < n; i++) {
        size_t a = e[i].first_token, t;
        if (e[i].type != KHABAR_ENT_PER && e[i].type != KHABAR_ENT_LOC)
            continue;
        t = a > 0 && smart_word(d, a - 1) ? a - 1 : a;
        if (t == 0 || d->type[t - 1])
            continue;
        if (!device_word(d, t - 1) &&
            !(t == a && venue_word(d, a - 1) && stadium_name(d, i)))
            continue;
        if (!heads && !(heads = malloc(n * sizeof *heads)))
            return -1;
        heads[n_heads++] = kh_nd_token_hash(d, a);
    }
    for (i = 0; i < n && n_heads; i++) {
        if (e[i].type == KHABAR_ENT_MISC)
            continue;
        for (k = 0; k < n_heads &&
                    heads[k] != kh_nd_token_hash(d, e[i].first_token);
             k++)
            ;
        if (k < n_heads) {
            e[i].type = KHABAR_ENT_MISC;
            mark_span(d, e[i].first_token, e[i].first_token + e[i].n_tokens,
                      KHABAR_ENT_MISC);
        }
    }
    free(heads);
    return 0;
}
