/*
 * ner_products.c - the doc rule of products (kh_nd_products):
 *
 *   products     a person's or place's name right after a device (هاتف
 *                آيفون, أجهزة آيفون) is a miscellaneous name, and so is
 *                every name of the doc with the same first word.
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

/* Whether token ti is ذكي or الذكية (the smart of smartphones). */
static int smart_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {"ذكي", "الذكي", "ذكيه", "الذكيه"};
    return !proclitics(d, ti) &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Rule: a product. A name tagged a person or a place right after a
 * device (هاتف آيفون, أجهزة آيفون, الهواتف الذكية آي فون) is a
 * miscellaneous name, and so is every name of the doc that begins with its
 * first word (آيفون X, آيفون إكس; a maker tagged an organization after a
 * device, هاتف سامسونغ, stays one). */
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
        if (t == 0 || d->type[t - 1] || !device_word(d, t - 1))
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
