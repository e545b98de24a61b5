/*
 * ner_doc.c - the named-entity stage's second look, over the whole doc,
 * after the tagger has labelled each sentence. kh_ner_doc() runs the doc
 * rules in this order; each family of rules has its file, whose first
 * comment says what its rules do, and they share the helpers of ner_doc.h
 * (the bodies of those not inlined are here):
 *
 *   coordination  ner_particles.c    a name that runs on into a word with
 *                                    the conjunction و is two names
 *   titles        ner_titles.c       a person's name after a person title
 *   handover      ner_titles.c       a place run on into that name gives
 *                                    it its words
 *   hyphenated    ner_particles.c    names joined by a hyphen are one
 *   dotted_letters
 *                 ner_particles.c    letters joined by periods are one
 *                                    abbreviation
 *   particle_tails, preposition_tails, crown_prince_tails, allah_names,
 *   particle_heads
 *                 ner_particles.c    where a person's name ends and begins
 *                                    around particles (فون, دي, بن, آل),
 *                                    prepositions, ولي العهد and الله
 *   named_after   ner_context.c      an institution or place named after
 *                                    a person (مستشفى الملك فهد)
 *   in_context    ner_context.c      a name read by the words around it:
 *                                    place and organization words, quoted
 *                                    names, currencies, common words
 *   mosques       ner_context.c      a name after المسجد is the mosque's
 *   matches       ner_sport.c        the two sides of a match are teams;
 *                                    no club in a doc with no sport
 *   products      ner_products.c     a name after a device is a product
 *   latin_words   ner_latin.c        a page's code and buttons are no
 *                                    names
 *   consistency   ner_consistency.c  a name found once is that name
 *                                    everywhere in the doc
 *   places_not_persons
 *                 ner_consistency.c  a one-word person the gazetteer
 *                                    knows only as a place is the place
 *   short_orgs    ner_consistency.c  a one-word person that ends an
 *                                    organization's name is that
 *                                    organization
 *   long_names    ner_long_names.c   a name of several words the
 *                                    gazetteer knows whole is made whole
 *   adjacent_persons, whole_last_words
 *                 ner_persons.c      two persons' names side by side are
 *                                    one; a person's name ends with its
 *                                    last token whole
 *
 * The rules cut, add, merge and retype entities; in_context and no_clubs
 * (of matches) and latin_words also drop those that are no names, and
 * long_names those inside a longer name. Entities stay in input order.
 */
#include "ner_doc.h"

#include <stdlib.h>
#include <string.h>

#include "../model/model.h"
#include "../text/utf8.h"

/* The helpers of ner_doc.h that are not inlined: its comments say what they
 * do. */

int kh_nd_clustered(const ner_doc *d, size_t ti)
{
    const khabar_doc *doc = d->doc;
    const kh_word_lookup *l = kh_doc_lookup(doc, kh_doc_host(doc, ti, NULL));
    const khabar_model *m = doc->model;
    const char *k;
    size_t n;
    uint16_t path;
    if (l)
        return l->clen > 0;
    if (!m->has_clusters)
        return 0;
    k = host_key(d, ti, &n);
    return kh_tag_cluster(&m->clusters, d->tk[ti].kind, k, n, &path) > 0;
}

int kh_nd_name_like(const ner_doc *d, size_t ti, int proclitic_ok,
                    int strict)
{
    const khabar_word *h;
    if (d->tk[ti].kind != KHABAR_TOK_ARABIC || d->type[ti] ||
        (!proclitic_ok && proclitics(d, ti)))
        return 0;
    h = kh_doc_host(d->doc, ti, NULL);
    if (h->upos != KHABAR_UPOS_PROPN) {
        if (!(h->flags & KHABAR_WORD_LEMMA_GUESSED) ||
            h->upos == KHABAR_UPOS_ADJ)
            return 0;
        if (strict && kh_nd_clustered(d, ti))
            return 0;
    }
    if (strict && kh_utf8_count(d->doc->norm_buf + h->form, h->form_len) < 3)
        return 0; /* ال, كي */
    return !(gaz_mask(d, ti) & (KH_GAZ_TITLE | KH_GAZ_NISBA));
}

int kh_nd_boundary(const ner_doc *d, size_t ti, size_t end)
{
    const khabar_word *h;
    if (ti >= end || d->tk[ti].kind != KHABAR_TOK_ARABIC || proclitics(d, ti))
        return 1;
    h = kh_doc_host(d->doc, ti, NULL);
    switch (h->upos) {
    case KHABAR_UPOS_NOUN: case KHABAR_UPOS_ADJ: case KHABAR_UPOS_PROPN:
    case KHABAR_UPOS_X: case KHABAR_UPOS_NONE:
        return 0;
    default:
        return 1;
    }
}

int kh_nd_add(ner_doc *d, size_t a, size_t b, int type)
{
    khabar_entity *e = kh_vec_push(&d->doc->entities, sizeof *e);
    if (!e)
        return -1;
    e->first_token = a;
    e->n_tokens = b - a;
    e->type = type;
    e->start = kh_ner_entity_start(d->doc, d->gaz, a, type);
    e->end = kh_doc_host(d->doc, b - 1, NULL)->end;
    if (e->end < e->start)
        e->end = d->tk[b - 1].end;
    mark_span(d, a, b, type);
    return 0;
}

size_t kh_nd_entity_starting(const ner_doc *d, size_t a)
{
    const khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        if (e[i].first_token == a)
            return i;
    }
    return SIZE_MAX;
}

void kh_nd_retype(ner_doc *d, size_t a, int type)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i = kh_nd_entity_starting(d, a);
    if (i == SIZE_MAX)
        return;
    e[i].type = type;
    mark_span(d, a, a + e[i].n_tokens, type);
}

uint64_t kh_nd_token_hash(const ner_doc *d, size_t ti)
{
    if (!d->hashes[ti]) {
        size_t n;
        const char *k = host_key(d, ti, &n);
        d->hashes[ti] =
            hash_bytes(hash_bytes(0xcbf29ce484222325ull, k, n), " ", 1);
    }
    return d->hashes[ti];
}

int kh_nd_name_particle(const ner_doc *d, size_t ti)
{
    static const char *const particles[] = {
        "فون", "فان", "دي", "دا", "دو", "ديل", "دير", "لو",
        "بن", "ابن", "ابو", "ابي", "ابا", "بنت", "عبد", "ال"};
    return host_in(d, ti, particles, sizeof particles / sizeof particles[0]) &&
           !has_enclitic(d, ti);
}

int kh_nd_proclitics_among(const ner_doc *d, size_t ti, const char *allowed)
{
    const khabar_word *w =
        (const khabar_word *)d->doc->words.data + d->doc->token_words[ti];
    unsigned pre, i;
    kh_doc_host(d->doc, ti, &pre);
    for (i = 0; i < pre; i++) {
        const char *f = d->doc->norm_buf + w[i].form;
        const char *p;
        for (p = allowed; *p; p += 2) {
            if (w[i].form_len == 2 && memcmp(f, p, 2) == 0)
                break;
        }
        if (!*p)
            return 0;
    }
    return 1;
}

static int by_token(const void *pa, const void *pb)
{
    const khabar_entity *a = pa, *b = pb;
    return (a->first_token > b->first_token) - (a->first_token < b->first_token);
}

const kh_gaz_entry *kh_ner_span_entry(const khabar_doc *doc,
                                      const kh_gazetteer *gaz, size_t a,
                                      size_t b)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *h;
    char key[1024];
    size_t len, k;
    if (!gaz || a >= b || b > doc->tokens.len)
        return NULL;
    h = kh_doc_host(doc, a, NULL);
    len = h->form_len;
    if (len >= sizeof key)
        return NULL;
    memcpy(key, doc->fold_buf + h->form, len);
    for (k = a + 1; k < b; k++) {
        if (len + 1 + tk[k].norm_len >= sizeof key)
            return NULL;
        key[len++] = ' ';
        memcpy(key + len, doc->fold_buf + tk[k].norm, tk[k].norm_len);
        len += tk[k].norm_len;
    }
    return kh_gazetteer_lookup(gaz, key, len);
}

int kh_ner_doc(khabar_doc *doc)
{
    const khabar_model *m = doc->model;
    const khabar_sentence *ss = doc->sentences.data;
    const khabar_entity *e;
    ner_doc d;
    size_t n = doc->tokens.len, before = doc->entities.len, i, s;
    int rc = 0;
    if (n == 0)
        return 0;
    if (kh_tag_fold_doc(doc) != 0)
        return -1;
    d.doc = doc;
    d.tk = doc->tokens.data;
    d.gaz = m->has_gazetteer ? &m->gaz : NULL;
    d.type = calloc(n, 1);
    d.hashes = calloc(n, sizeof *d.hashes);
    if (!d.type || !d.hashes) {
        free(d.type);
        free(d.hashes);
        return -1;
    }
    e = doc->entities.data;
    for (i = 0; i < before; i++) {
        size_t t;
        for (t = e[i].first_token; t < e[i].first_token + e[i].n_tokens; t++)
            d.type[t] = (uint8_t)(e[i].type + (t == e[i].first_token ? 8 : 0));
    }
    rc = kh_nd_coordination(&d);
    for (s = 0; s < doc->sentences.len && rc == 0; s++)
        rc = kh_nd_titles(&d, ss[s].first_token,
                          ss[s].first_token + ss[s].n_tokens);
    if (rc == 0) {
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
                by_token);
        kh_nd_handover(&d);
    }
    if (rc == 0) {
        kh_nd_hyphenated(&d);
        kh_nd_dotted_letters(&d);
        kh_nd_particle_tails(&d);
        kh_nd_preposition_tails(&d);
        kh_nd_crown_prince_tails(&d);
        kh_nd_allah_names(&d);
        kh_nd_particle_heads(&d);
        kh_nd_named_after(&d);
        kh_nd_in_context(&d);
        kh_nd_mosques(&d);
        kh_nd_idioms(&d);
        rc = kh_nd_matches(&d);
    }
    if (rc == 0)
        rc = kh_nd_products(&d);
    if (rc == 0) {
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
                by_token);
        kh_nd_latin_words(&d);
        rc = kh_nd_consistency(&d);
    }
    if (rc == 0)
        rc = kh_nd_places_not_persons(&d);
    if (rc == 0)
        rc = kh_nd_short_orgs(&d);
    if (rc == 0)
        rc = kh_nd_long_names(&d);
    if (rc == 0) { /* rules add, merge and cut entities: input order again */
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
              by_token);
        kh_nd_adjacent_persons(&d);
        kh_nd_whole_last_words(&d);
    }
    free(d.type);
    free(d.hashes);
    return rc;
}
