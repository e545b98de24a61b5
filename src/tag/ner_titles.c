/*
 * ner_titles.c - the doc rules of a person named after a title (rule 1,
 * kh_nd_titles) and of the place that runs on into such a name (rule 1b,
 * kh_nd_handover):
 *
 *   a person title (the gazetteer's title words: مدير, الرئيس) followed by
 *   its complements (nouns, adjectives, places and organizations, في) and
 *   then one to three words the lexicon does not know (or the tagger calls
 *   proper nouns), ending at a clause boundary, makes those words a
 *   person: مدير مكتب الجزيرة في موسكو زاور شوج إن ...; a place the
 *   gazetteer knows by its first word that runs on into unknown words up
 *   to such a person gives them to the person (موسكو زاور, شوج: موسكو,
 *   زاور شوج).
 */
#include "ner_doc.h"

#include <string.h>

#include "../text/utf8.h"

#define MAX_TITLE_WORDS 8  /* complements between a title and a name */
#define MAX_NAME_WORDS 3   /* words of a name found after a title */

/* A complement inside a title: a noun, adjective or name, or في. */
static int title_word(const ner_doc *d, size_t ti)
{
    const khabar_word *h;
    if (d->tk[ti].kind != KHABAR_TOK_ARABIC || proclitics(d, ti))
        return 0;
    h = kh_doc_host(d->doc, ti, NULL);
    if (h->upos == KHABAR_UPOS_NOUN || h->upos == KHABAR_UPOS_ADJ)
        return 1;
    return h->upos == KHABAR_UPOS_ADP && host_is(d, ti, "في");
}

/* Whether token i is a word of three letters or more, without proclitics,
 * that neither the gazetteer nor the news's word clusters know. */
static int unknown_word(const ner_doc *d, size_t i)
{
    const khabar_word *h;
    if (d->tk[i].kind != KHABAR_TOK_ARABIC || proclitics(d, i) ||
        gaz_mask(d, i) || kh_nd_clustered(d, i))
        return 0;
    h = kh_doc_host(d->doc, i, NULL);
    return kh_utf8_count(d->doc->norm_buf + h->form, h->form_len) >= 3;
}

/* Whether tokens [a, b) (b - a >= 2) are a place the gazetteer knows by
 * its first word alone, which is also a person's name, running on into
 * words that no name of the gazetteer has, the news rarely writes and the
 * gazetteer does not know whole: تيمور كشج (تيمور is also East Timor).
 * موسكو زاور is not one (kh_nd_handover() gives زاور to the person after).
 * Without person_too, the first word need only be a place. */
static int place_into_unknown(const ner_doc *d, size_t a, size_t b,
                              int person_too)
{
    char key[MAX_KEY];
    size_t len = 0, i;
    uint32_t m = gaz_mask(d, a);
    if (!(m & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)) ||
        (person_too && !(m & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON))))
        return 0;
    for (i = a; i < b; i++) {
        const khabar_word *h = kh_doc_host(d->doc, i, NULL);
        const char *k;
        size_t n;
        if (i > a && (d->tk[i].kind != KHABAR_TOK_ARABIC || proclitics(d, i) ||
                      gaz_mask(d, i) || kh_nd_clustered(d, i) ||
                      kh_utf8_count(d->doc->norm_buf + h->form, h->form_len) < 3))
            return 0;
        k = host_key(d, i, &n);
        if (len + n + 1 > sizeof key)
            return 0;
        if (i > a)
            key[len++] = ' ';
        memcpy(key + len, k, n);
        len += n;
    }
    return !d->gaz || !kh_gazetteer_find(d->gaz, key, len);
}

/* Cuts the entity that begins at token a to that token alone. */
static int cut_place(ner_doc *d, size_t a)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i = kh_nd_entity_starting(d, a);
    if (i == SIZE_MAX)
        return -1;
    e[i].n_tokens = 1;
    e[i].end = kh_doc_host(d->doc, a, NULL)->end;
    if (e[i].end < e[i].start)
        e[i].end = d->tk[a].end;
    mark_span(d, a, a + 1, e[i].type);
    return 0;
}

/* Whether token ti comes right after the preposition في. */
static int after_fi(const ner_doc *d, size_t ti)
{
    return ti > 0 && d->tk[ti - 1].kind == KHABAR_TOK_ARABIC &&
           !proclitics(d, ti - 1) && host_is(d, ti - 1, "في");
}

/* Rule 1 in the tokens [a, end) of a sentence. */
int kh_nd_titles(ner_doc *d, size_t a, size_t end)
{
    size_t i;
    for (i = a; i < end; i++) {
        size_t j, k;
        if (d->type[i] || !(gaz_mask(d, i) & KH_GAZ_TITLE))
            continue;
        for (j = i + 1; j < end && j - i <= MAX_TITLE_WORDS; j++) {
            if (d->type[j] == KHABAR_ENT_LOC + 8) {
                /* A place that ends the title's complements but runs on
                 * into unknown words is the person's name. */
                for (k = j + 1; k < end && d->type[k] == KHABAR_ENT_LOC; k++)
                    ;
                if (k - j >= 2 && kh_nd_boundary(d, k, end) &&
                    place_into_unknown(d, j, k, 1)) {
                    kh_nd_retype(d, j, KHABAR_ENT_PER);
                    j = k;
                    break;
                }
                /* Its first word alone a place, the words after it the
                 * person's name: the tagger may take the whole for the
                 * place (في موسكو زاور شوج إن). */
                if (k - j >= 2 && kh_nd_boundary(d, k, end) &&
                    place_into_unknown(d, j, k, 0)) {
                    if (cut_place(d, j) != 0 ||
                        kh_nd_add(d, j + 1, k, KHABAR_ENT_PER) != 0)
                        return -1;
                    j = k;
                    break;
                }
                /* A place of one word that the gazetteer and the news do
                 * not know, right after this one and ending the title's
                 * complements, is the person's name: the tagger may take
                 * a name after a place for more of it (في موسكو تيمور
                 * كشج إن). */
                if (k == j + 1 && k < end &&
                    d->type[k] == KHABAR_ENT_LOC + 8 &&
                    (k + 1 >= end || d->type[k + 1] != KHABAR_ENT_LOC) &&
                    kh_nd_boundary(d, k + 1, end) && unknown_word(d, k)) {
                    kh_nd_retype(d, k, KHABAR_ENT_PER);
                    j = k + 1;
                    break;
                }
            }
            if (d->type[j] && (d->type[j] & 7) != KHABAR_ENT_PER)
                continue; /* a place or organization in the title */
            if (d->type[j] || kh_nd_name_like(d, j, 0, 1) || !title_word(d, j))
                break;
        }
        /* الحاكم في ديسمبر: what follows في is its complement (a place,
         * a time), not the person's name */
        if (j >= end || d->type[j] || !kh_nd_name_like(d, j, 0, 1) ||
            definite(d, j) || after_fi(d, j))
            continue;
        for (k = j; k < end && k - j < MAX_NAME_WORDS &&
                    kh_nd_name_like(d, k, 0, 1);
             k++)
            ;
        if (kh_nd_boundary(d, k, end) &&
            kh_nd_add(d, j, k, KHABAR_ENT_PER) != 0)
            return -1;
        i = k - 1;
    }
    return 0;
}

/* Rule 1b: a place that the gazetteer names by its first word alone,
 * running on into words that are no name of its (unknown to
 * the lexicon or proper nouns, in no gazetteer) right up to a person's
 * name, gives those words to the person: في موسكو زاور شوج (after rule 1,
 * which finds the person there). Entities in input order. */
void kh_nd_handover(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n_ent = d->doc->entities.len, i, k;
    for (i = 0; i + 1 < n_ent; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens;
        if (e[i].type != KHABAR_ENT_LOC || e[i].n_tokens < 2 ||
            e[i + 1].type != KHABAR_ENT_PER || e[i + 1].first_token != b ||
            !(gaz_mask(d, a) & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)))
            continue;
        for (k = a + 1; k < b; k++) {
            const khabar_word *h = kh_doc_host(d->doc, k, NULL);
            if (d->tk[k].kind != KHABAR_TOK_ARABIC || proclitics(d, k) ||
                ((!(h->flags & KHABAR_WORD_LEMMA_GUESSED) &&
                  h->upos != KHABAR_UPOS_PROPN) ||
                 h->upos == KHABAR_UPOS_ADJ) ||
                gaz_mask(d, k))
                break;
        }
        if (k < b)
            continue;
        e[i].n_tokens = 1;
        e[i].end = kh_doc_host(d->doc, a, NULL)->end;
        if (e[i].end < e[i].start)
            e[i].end = d->tk[a].end;
        e[i + 1].first_token = a + 1;
        e[i + 1].n_tokens += b - a - 1;
        e[i + 1].start =
            kh_ner_entity_start(d->doc, d->gaz, a + 1, e[i + 1].type);
        mark_span(d, a + 1, b + 1, KHABAR_ENT_PER);
    }
}
