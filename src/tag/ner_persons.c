/*
 * ner_persons.c - the last doc rules, over persons' names in input order
 * (kh_nd_adjacent_persons, rule 6, and kh_nd_whole_last_words):
 *
 *   adjacent     two persons' names side by side, the second without a
 *                proclitic, are one (صلاد حسن), unless both are family
 *                names (حذر نتنياهو بوتين) or a line break parts them;
 *                and a person's name ends with its last token whole, a
 *                pronoun's letters included (محمد عبده).
 */
#include "ner_doc.h"

#include <string.h>

/* Whether token ti's folded form begins with بو (بوهلال, whose ب
 * kh_ner_entity_start keeps in a name). */
static int bu_surname(const ner_doc *d, size_t ti)
{
    const khabar_token *t = &d->tk[ti];
    return t->norm_len > 4 && memcmp(d->doc->fold_buf + t->norm, "بو", 4) == 0;
}

/* Whether tokens a and a + 1 are each a family name the gazetteer knows,
 * the second no first name: two people (حذر نتنياهو بوتين: Netanyahu
 * warned Putin), not one name the tagger cut in two. */
static int two_surnames(const ner_doc *d, size_t a, size_t b)
{
    uint32_t ga = gaz_mask(d, a), gb = gaz_mask(d, b);
    return (ga & KH_GAZ_PERSON) && !(ga & KH_GAZ_FIRST_NAME) &&
           (gb & KH_GAZ_PERSON) && !(gb & KH_GAZ_FIRST_NAME);
}

/* Rule 6: two persons' names side by side, the second without a proclitic
 * (so not و: سعد وسعيد) or one that the name keeps (بوهلال: see
 * kh_ner_entity_start), and not two family names (two_surnames) nor two
 * lines' (a list of names, one a line), are one name: the rules tag a
 * word found in a
 * name elsewhere where the tagger began the name one word later (صلاد |
 * حسن), and the tagger splits a name in two now and then (عبد الفتاح |
 * صلاح). Entities sorted by token; merged ones removed. */
void kh_nd_adjacent_persons(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0;
    for (i = 0; i < n; i++) {
        if (k > 0 && e[k - 1].type == KHABAR_ENT_PER &&
            e[i].type == KHABAR_ENT_PER &&
            e[i].first_token == e[k - 1].first_token + e[k - 1].n_tokens &&
            d->tk[e[i].first_token].kind == KHABAR_TOK_ARABIC &&
            (!proclitics(d, e[i].first_token) ||
             (e[i].start == d->tk[e[i].first_token].start &&
              !conjunction(d, e[i].first_token) &&
              bu_surname(d, e[i].first_token))) &&
            !two_surnames(d, e[i].first_token - 1, e[i].first_token) &&
            (e[i].start <= e[k - 1].end ||
             !memchr(d->doc->text + e[k - 1].end, '\n',
                     e[i].start - e[k - 1].end))) {
            e[k - 1].n_tokens += e[i].n_tokens;
            e[k - 1].end = e[i].end;
            continue;
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* A person's name ends with its last token whole: a name takes no
 * pronoun, so the letters the segmenter reads as one are the name's
 * (محمد عبده, مريم كاظم زاده, كلاوس إربه: not عبد, زاد, إرب + ه). */
void kh_nd_whole_last_words(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        if (e[i].type == KHABAR_ENT_PER && d->tk[last].end > e[i].end)
            e[i].end = d->tk[last].end;
    }
}
