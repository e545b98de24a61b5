/*
 * ner_doc.c - the named-entity stage's second look, over the whole doc,
 * after the tagger has labelled each sentence:
 *
 *   coordination a person or place name that runs on into a word with the
 *                conjunction و is cut there into two names of its type
 *                (كانافارو وإيمرسون);
 *   titles       a person title (the gazetteer's title words: مدير, الرئيس)
 *                followed by its complements (nouns, adjectives, places and
 *                organizations, في) and then one to three words the lexicon
 *                does not know (or the tagger calls proper nouns), ending at
 *                a clause boundary, makes those words a person: مدير مكتب
 *                الجزيرة في موسكو زاور شوج إن ...; a place the
 *                gazetteer knows by its first word that runs on into
 *                unknown words up to such a person gives them to the
 *                person (موسكو زاور, شوج: موسكو, زاور شوج)
 *   prepositions no name of two words or more ends with a preposition
 *                (نبيل بفون عن: نبيل بفون);
 *   particles    a person's name that ends with a particle (فون, دي, بن)
 *                takes the word after it (مارك فان دونجين), and one right
 *                after the particle of a European name or آل takes it (دي
 *                ماريا, آل سعود); a name does not begin with الله (فتح الله
 *                غولن), and الله alone or with an epithet is God;
 *   matches      in a doc about sport, the two sides of a match (فاز
 *                الهلال على النصر, مباراة الريدز والريال) are teams,
 *                organizations, and so is a one-word team wherever the doc
 *                writes it alone; in a doc with no word of sport, a common
 *                word that only the NER corpora name as an organization (a
 *                club: الهلال, الديار) is no name;
 *   products     a person's or place's name right after a device (هاتف
 *                آيفون, أجهزة آيفون) is a miscellaneous name, and so is
 *                every name of the doc with the same first word;
 *   consistency  a name found once is that name everywhere in the doc: a
 *                word of a person's name, or a whole place or organization
 *                name, seen again untagged becomes the same kind of entity
 *                (when the word is unknown to the lexicon or a proper noun,
 *                so common words are left alone, unless the doc names the
 *                word alone three times or more); a lone word tagged as
 *                another type that is a person's surname here, or a
 *                person's name alone, becomes a person;
 *   places       a person's name of one word that the gazetteer knows as
 *                a place and not as anyone's name, or such a word after a
 *                title word, is the place (محافظ ينبع, أمين الطائف: an
 *                office's complement, not a name);
 *   currencies   a currency's name after a number is a miscellaneous name
 *                (322 مليار ريال, ألفي يوان);
 *   adjacent     two persons' names side by side, the second without a
 *                proclitic, are one (صلاد حسن), unless both are family
 *                names (حذر نتنياهو بوتين) or a line break parts them.
 *
 * The rules cut, add, merge and retype entities; none is dropped. Entities
 * stay in input order.
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../text/utf8.h"

#define MAX_KEY 512
#define MAX_TITLE_WORDS 8  /* complements between a title and a name */
#define MAX_NAME_WORDS 3   /* words of a name found after a title */
#define OFTEN 3            /* a known word named this often is a name */
#define RARELY 3           /* unless left untagged this many times more */

typedef struct ner_doc {
    khabar_doc *doc;
    const khabar_token *tk;
    const kh_gazetteer *gaz;
    uint8_t *type;   /* per token: entity type + 8 * begins-one, 0 if none */
    uint64_t *hashes; /* per token: token_hash(), 0 until needed */
} ner_doc;

/* The folded host form of token ti (in doc->fold_buf), its first MAX_KEY
 * bytes at most: their length into *n. */
static const char *host_key(const ner_doc *d, size_t ti, size_t *n)
{
    const khabar_word *h = kh_doc_host(d->doc, ti, NULL);
    *n = h->form_len < MAX_KEY ? h->form_len : MAX_KEY;
    return d->doc->fold_buf + h->form;
}

/* Whether token ti's host key is word. */
static int host_is(const ner_doc *d, size_t ti, const char *word)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return n == strlen(word) && memcmp(k, word, n) == 0;
}

static uint32_t gaz_mask(const ner_doc *d, size_t ti)
{
    const char *k;
    size_t n;
    if (!d->gaz || d->tk[ti].kind != KHABAR_TOK_ARABIC)
        return 0;
    {
        /* The POS stage looked the host up (the same key). */
        const kh_word_lookup *l =
            kh_doc_lookup(d->doc, kh_doc_host(d->doc, ti, NULL));
        if (l)
            return l->gaz;
    }
    k = host_key(d, ti, &n);
    return kh_gazetteer_find(d->gaz, k, n);
}

static unsigned proclitics(const ner_doc *d, size_t ti)
{
    unsigned pre;
    kh_doc_host(d->doc, ti, &pre);
    return pre;
}

/* Whether token ti's host has a word cluster: a word the news writes
 * often enough (tools/clusters), which most common words are. */
static int clustered(const ner_doc *d, size_t ti)
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

/* A word that may be part of a name the tagger missed: Arabic, without
 * proclitics unless proclitic_ok, in no entity, no title or nationality
 * word, and a proper noun or a word the lexicon has no lemma for (not an
 * adjective). With strict, such a word must also have three letters or
 * more, and unless a proper noun, be one the news rarely writes (no
 * cluster): the words without a lemma that have a cluster are mostly
 * common words spelled another way (ايضا, يعلم, ظرف). */
static int name_like(const ner_doc *d, size_t ti, int proclitic_ok,
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
        if (strict && clustered(d, ti))
            return 0;
    }
    if (strict && kh_utf8_count(d->doc->norm_buf + h->form, h->form_len) < 3)
        return 0; /* ال, كي */
    return !(gaz_mask(d, ti) & (KH_GAZ_TITLE | KH_GAZ_NISBA));
}

/* Whether token ti's host begins with ال: the common words that a title's
 * complements run into (الى, العرش), where a name rarely begins. */
static int definite(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return n > 4 && memcmp(k, "ال", 4) == 0;
}

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

/* Where a name ends: the sentence's end, punctuation, a proclitic, or a
 * function word or verb. */
static int boundary(const ner_doc *d, size_t ti, size_t end)
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

/* Marks tokens [a, b) as one entity of a type in d->type (the first with
 * its begin flag, 8). */
static void mark_span(ner_doc *d, size_t a, size_t b, int type)
{
    size_t i;
    for (i = a; i < b; i++)
        d->type[i] = (uint8_t)(type + (i == a ? 8 : 0));
}

static int add(ner_doc *d, size_t a, size_t b, int type)
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

/* Whether token i is a word of three letters or more, without proclitics,
 * that neither the gazetteer nor the news's word clusters know. */
static int unknown_word(const ner_doc *d, size_t i)
{
    const khabar_word *h;
    if (d->tk[i].kind != KHABAR_TOK_ARABIC || proclitics(d, i) ||
        gaz_mask(d, i) || clustered(d, i))
        return 0;
    h = kh_doc_host(d->doc, i, NULL);
    return kh_utf8_count(d->doc->norm_buf + h->form, h->form_len) >= 3;
}

/* Whether tokens [a, b) (b - a >= 2) are a place the gazetteer knows by
 * its first word alone, which is also a person's name, running on into
 * words that no name of the gazetteer has, the news rarely writes and the
 * gazetteer does not know whole: تيمور كشج (تيمور is also East Timor).
 * موسكو زاور is not one (handover() gives زاور to the person after).
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
                      gaz_mask(d, i) || clustered(d, i) ||
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

/* The index of the entity that begins at token a, or SIZE_MAX. */
static size_t entity_starting(const ner_doc *d, size_t a)
{
    const khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        if (e[i].first_token == a)
            return i;
    }
    return SIZE_MAX;
}

/* Makes the entity that begins at token a one of type type. */
static void retype(ner_doc *d, size_t a, int type)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i = entity_starting(d, a);
    if (i == SIZE_MAX)
        return;
    e[i].type = type;
    mark_span(d, a, a + e[i].n_tokens, type);
}

/* Cuts the entity that begins at token a to that token alone. */
static int cut_place(ner_doc *d, size_t a)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i = entity_starting(d, a);
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
static int titles(ner_doc *d, size_t a, size_t end)
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
                if (k - j >= 2 && boundary(d, k, end) &&
                    place_into_unknown(d, j, k, 1)) {
                    retype(d, j, KHABAR_ENT_PER);
                    j = k;
                    break;
                }
                /* Its first word alone a place, the words after it the
                 * person's name: the tagger may take the whole for the
                 * place (في موسكو زاور شوج إن). */
                if (k - j >= 2 && boundary(d, k, end) &&
                    place_into_unknown(d, j, k, 0)) {
                    if (cut_place(d, j) != 0 ||
                        add(d, j + 1, k, KHABAR_ENT_PER) != 0)
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
                    boundary(d, k + 1, end) && unknown_word(d, k)) {
                    retype(d, k, KHABAR_ENT_PER);
                    j = k + 1;
                    break;
                }
            }
            if (d->type[j] && (d->type[j] & 7) != KHABAR_ENT_PER)
                continue; /* a place or organization in the title */
            if (d->type[j] || name_like(d, j, 0, 1) || !title_word(d, j))
                break;
        }
        /* الحاكم في ديسمبر: what follows في is its complement (a place,
         * a time), not the person's name */
        if (j >= end || d->type[j] || !name_like(d, j, 0, 1) || definite(d, j) ||
            after_fi(d, j))
            continue;
        for (k = j; k < end && k - j < MAX_NAME_WORDS && name_like(d, k, 0, 1);
             k++)
            ;
        if (boundary(d, k, end) && add(d, j, k, KHABAR_ENT_PER) != 0)
            return -1;
        i = k - 1;
    }
    return 0;
}

/* Whether token ti is الله or الدين, which end compound first names. */
static int compound_tail(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return (n == 8 && memcmp(k, "الله", 8) == 0) ||
           (n == 10 && memcmp(k, "الدين", 10) == 0);
}

/* Rule 1b: a place that the gazetteer names by its first word alone,
 * running on into words that are no name of its (unknown to
 * the lexicon or proper nouns, in no gazetteer) right up to a person's
 * name, gives those words to the person: في موسكو زاور شوج (after rule 1,
 * which finds the person there). Entities in input order. */
static void handover(ner_doc *d)
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

/* Whether token ti is Arabic and its host key (folded, MAX_KEY bytes at
 * most) one of the count words. */
static int host_in(const ner_doc *d, size_t ti, const char *const *words,
                   size_t count)
{
    const char *k;
    size_t n, i;
    if (d->tk[ti].kind != KHABAR_TOK_ARABIC)
        return 0;
    k = host_key(d, ti, &n);
    if (n < 2)
        return 0;
    for (i = 0; i < count; i++) {
        /* (the second byte first: it tells most Arabic letters apart, and
         * saves a strlen a word on every token that asks) */
        if (k[1] == words[i][1] && k[0] == words[i][0] &&
            n == strlen(words[i]) && memcmp(k, words[i], n) == 0)
            return 1;
    }
    return 0;
}

static int has_enclitic(const ner_doc *d, size_t ti);

/* Whether token ti is a particle inside a person's name, that a word of
 * the name follows (فون, دي, بن, أبي, آل ...); not with a pronoun's
 * letters after it (عبده, a name the segmenter reads عبد + ه). */
static int name_particle(const ner_doc *d, size_t ti)
{
    static const char *const particles[] = {
        "فون", "فان", "دي", "دا", "دو", "ديل", "دير", "لو",
        "بن", "ابن", "ابو", "ابي", "ابا", "بنت", "عبد", "ال"};
    return host_in(d, ti, particles, sizeof particles / sizeof particles[0]) &&
           !has_enclitic(d, ti);
}

/* Whether token ti begins with the conjunction و as a proclitic. */
static int conjunction(const ner_doc *d, size_t ti)
{
    const khabar_word *w =
        (const khabar_word *)d->doc->words.data + d->doc->token_words[ti];
    return proclitics(d, ti) && w->form_len == 2 &&
           memcmp(d->doc->norm_buf + w->form, "و", 2) == 0;
}

#define NAMES                                                                \
    (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON | KH_GAZ_COUNTRY | KH_GAZ_PLACE |     \
     KH_GAZ_ORG)

/* Whether a name that runs over token k, which has the conjunction و, is
 * two names there. Not right after a particle of the name: و is then the
 * first letter of the next word of the name (سعد بن أبي وقاص). Nor when
 * the rest begins with ا or ي as written and the gazetteer does not know
 * it: وا and وي mostly spell the w of a foreign name (آشلي ويلكس,
 * كريستوفر والكين); a known name after the conjunction is cut as before
 * (الحسن والحسين). */
static int cut_at(const ner_doc *d, size_t k)
{
    const khabar_word *h = kh_doc_host(d->doc, k, NULL);
    const char *s = d->doc->norm_buf + h->form;
    int w = h->form_len >= 2 &&
            (memcmp(s, "ا", 2) == 0 || memcmp(s, "ي", 2) == 0);
    if (!conjunction(d, k) || name_particle(d, k - 1))
        return 0;
    return !w || (gaz_mask(d, k) & NAMES);
}

/* Rule 0: a person or place name that runs on into a word with the
 * conjunction و is two names (كانافارو وإيمرسون, الحسن والحسين), unless
 * the word comes after a particle of the name: و is then its first letter
 * (سعد بن أبي وقاص). */
static int coordination(ner_doc *d)
{
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        khabar_entity *e = (khabar_entity *)d->doc->entities.data + i;
        size_t a = e->first_token, b = a + e->n_tokens, k;
        int type = e->type;
        if (type != KHABAR_ENT_PER && type != KHABAR_ENT_LOC)
            continue;
        for (k = a + 1; k < b && !cut_at(d, k); k++)
            ;
        if (k == b)
            continue;
        e->n_tokens = k - a;
        e->end = kh_doc_host(d->doc, k - 1, NULL)->end;
        if (e->end < e->start)
            e->end = d->tk[k - 1].end;
        d->type[k] = (uint8_t)(type + 8);
        if (add(d, k, b, type) != 0)
            return -1;
    }
    return 0;
}

typedef struct name_key {
    uint64_t h;
    uint16_t n_tokens;
    uint8_t type;
    uint8_t surname;  /* the last word of a longer person name */
} name_key;

static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static int by_hash(const void *pa, const void *pb)
{
    const name_key *a = pa, *b = pb;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    if (a->n_tokens != b->n_tokens)
        return a->n_tokens < b->n_tokens ? -1 : 1;
    if (a->surname != b->surname)
        return a->surname ? -1 : 1; /* surnames first: they win */
    return (a->type > b->type) - (a->type < b->type);
}

/* The hash of token ti's host key (hash_bytes of the key and a space),
 * worked out once a doc (d->hashes; 0: not yet). */
static uint64_t token_hash(const ner_doc *d, size_t ti)
{
    if (!d->hashes[ti]) {
        size_t n;
        const char *k = host_key(d, ti, &n);
        d->hashes[ti] =
            hash_bytes(hash_bytes(0xcbf29ce484222325ull, k, n), " ", 1);
    }
    return d->hashes[ti];
}

/* The hash of the host keys of tokens [a, b): of one token, its
 * token_hash(). */
static uint64_t span_hash(const ner_doc *d, size_t a, size_t b)
{
    uint64_t h = token_hash(d, a);
    size_t i;
    for (i = a + 1; i < b; i++) {
        h = (h ^ token_hash(d, i)) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    return h;
}

/* The hash of token ti's loose key (kh_tag_loosen()) into *h; 0 when the
 * key has no loose form. Never equal to a span_hash(): loose keys hold an
 * ASCII letter. */
static int loose_hash(const ner_doc *d, size_t ti, uint64_t *h)
{
    char k[MAX_KEY];
    size_t n;
    const char *own = host_key(d, ti, &n);
    memcpy(k, own, n);
    n = kh_tag_loosen(k, n);
    if (!n)
        return 0;
    *h = hash_bytes(hash_bytes(0xcbf29ce484222325ull, k, n), " ", 1);
    return 1;
}

static const name_key *find_key(const name_key *keys, size_t n, uint64_t h,
                                size_t n_tokens)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid].h < h ||
            (keys[mid].h == h && keys[mid].n_tokens < n_tokens))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && keys[lo].h == h && keys[lo].n_tokens == n_tokens
               ? &keys[lo]
               : NULL;
}

/* How many times the doc names x's word alone as x's type (keys sorted by
 * by_hash; x one of them). */
static size_t named_alone(const name_key *keys, size_t n, const name_key *x)
{
    const name_key *y = x;
    while (y < keys + n && y->h == x->h && y->n_tokens == x->n_tokens &&
           y->surname == x->surname && y->type == x->type)
        y++;
    return (size_t)(y - x);
}

/* Of the keys of x's words (x the first of them, or NULL), a surname's if
 * any (they sort first and win), else the one of the type the doc names
 * them as most often (نوبل: MISC nine times, a person once). */
static const name_key *most_named(const name_key *keys, size_t n,
                                  const name_key *x)
{
    const name_key *best = x, *y = x;
    size_t best_n = 0;
    if (!x || x->surname)
        return x;
    while (y < keys + n && y->h == x->h && y->n_tokens == x->n_tokens) {
        size_t c = named_alone(keys, n, y);
        if (c > best_n) {
            best = y;
            best_n = c;
        }
        y += c;
    }
    return best;
}

/* A person's name of three tokens or more whose first word the doc names
 * alone as another type twice or more, and three times as often as a
 * person at least: that word is not the person's (رئيسة لجنة نوبل بيريت
 * ريس, نوبل named alone nine times, once as a person). keys: sorted by
 * by_hash. */
static void trim_heads(ner_doc *d, const name_key *keys, size_t n_keys)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        const name_key *x;
        size_t other = 0, per = 0, a = e[i].first_token;
        uint64_t h;
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens < 3)
            continue;
        h = span_hash(d, a, a + 1);
        for (x = find_key(keys, n_keys, h, 1);
             x && x < keys + n_keys && x->h == h && x->n_tokens == 1; x++) {
            if (x->type == KHABAR_ENT_PER)
                per++;
            else
                other++;
        }
        if (other < 2 || 3 * per > other)
            continue;
        d->type[a] = 0;
        e[i].first_token = a + 1;
        e[i].n_tokens--;
        e[i].start = kh_ner_entity_start(d->doc, d->gaz, a + 1, e[i].type);
        mark_span(d, a + 1, a + e[i].n_tokens + 1, KHABAR_ENT_PER);
    }
}

/* The untagged mentions of each host of a doc: an open-addressing table of
 * host hashes (span_hash of one token) and counts. */
typedef struct host_count {
    uint64_t h; /* 0: empty */
    size_t n;
} host_count;

typedef struct host_counts {
    host_count *slot;
    size_t mask;
} host_counts;

static host_count *host_slot(const host_counts *c, uint64_t h)
{
    size_t s;
    h |= 1; /* never 0, the empty slot */
    for (s = (size_t)h & c->mask; c->slot[s].h && c->slot[s].h != h;
         s = (s + 1) & c->mask)
        ;
    return &c->slot[s];
}

/* Counts the Arabic tokens in no entity by host. Returns 0, or -1 when
 * memory runs out. */
static int count_untagged(const ner_doc *d, host_counts *c)
{
    size_t n = d->doc->tokens.len, cap = 16, i;
    while (cap < 2 * n)
        cap *= 2;
    c->slot = calloc(cap, sizeof *c->slot);
    c->mask = cap - 1;
    if (!c->slot)
        return -1;
    for (i = 0; i < n; i++) {
        if (d->tk[i].kind == KHABAR_TOK_ARABIC && !d->type[i]) {
            uint64_t h = span_hash(d, i, i + 1);
            host_count *x = host_slot(c, h);
            x->h = h | 1;
            x->n++;
        }
    }
    return 0;
}

static size_t untagged(const host_counts *c, uint64_t h)
{
    return host_slot(c, h)->n;
}

/* Whether token ti ends in an enclitic pronoun. */
static int has_enclitic(const ner_doc *d, size_t ti)
{
    const khabar_word *w = d->doc->words.data;
    size_t i;
    for (i = d->doc->token_words[ti]; i < d->doc->token_words[ti + 1]; i++) {
        if (w[i].role == KHABAR_WORD_ENCLITIC)
            return 1;
    }
    return 0;
}

/* Whether the gazetteer knows token ti's letters whole, an enclitic's
 * included (a name that ends as a pronoun does: طه). */
static int gaz_whole(const ner_doc *d, size_t ti)
{
    const khabar_token *t = &d->tk[ti];
    if (!d->gaz || t->norm_len > MAX_KEY)
        return 0;
    return kh_gazetteer_find(d->gaz, d->doc->fold_buf + t->norm,
                             t->norm_len) != 0;
}

/* Rule 2: the doc's names, then every untagged run that spells one. */
static int consistency(ner_doc *d)
{
    const khabar_entity *e = d->doc->entities.data;
    size_t n_ent = d->doc->entities.len, n = d->doc->tokens.len, i, k = 0;
    size_t longest = 1;
    name_key *keys = malloc((3 * n_ent + 1) * sizeof *keys);
    host_counts counts;
    int rc = 0;
    if (!keys)
        return -1;
    for (i = 0; i < n_ent; i++) {
        size_t a = e[i].first_token, b = a + e[i].n_tokens;
        if (e[i].n_tokens > 4)
            continue;
        keys[k].h = span_hash(d, a, b);
        keys[k].n_tokens = (uint16_t)e[i].n_tokens;
        keys[k].surname = 0;
        keys[k++].type = (uint8_t)e[i].type;
        if (e[i].n_tokens > longest)
            longest = e[i].n_tokens;
        /* A person's last name alone: بوتين after فلاديمير بوتين; not the
         * second half of a compound (عبد الله, نور الدين). */
        if (e[i].type == KHABAR_ENT_PER && e[i].n_tokens > 1 &&
            !compound_tail(d, b - 1)) {
            keys[k].h = span_hash(d, b - 1, b);
            keys[k].n_tokens = 1;
            keys[k].surname = 1;
            keys[k++].type = KHABAR_ENT_PER;
            /* and its other spellings of a foreign g (غوتيريش, جوتيريش) */
            if (loose_hash(d, b - 1, &keys[k].h)) {
                keys[k].n_tokens = 1;
                keys[k].surname = 1;
                keys[k++].type = KHABAR_ENT_PER;
            }
        }
    }
    kh_sort(keys, k, sizeof *keys, by_hash);
    trim_heads(d, keys, k);
    /* One word tagged otherwise that is a person's surname here, or a
     * person's name alone: a person (ذكر دولج after زياد دولج; كشج after
     * the title's تيمور كشج, cut to كشج), unless the doc names it alone as
     * another type more often than as a person (بلنسية, the place, after
     * one person whose name ends with it). */
    for (i = 0; i < n_ent; i++) {
        const name_key *x, *end = keys + k;
        khabar_entity *en = (khabar_entity *)d->doc->entities.data + i;
        size_t surnames = 0, others = 0;
        uint64_t h;
        if (en->n_tokens != 1 || en->type == KHABAR_ENT_PER)
            continue;
        h = span_hash(d, en->first_token, en->first_token + 1);
        x = find_key(keys, k, h, 1);
        for (; x && x < end && x->h == h && x->n_tokens == 1; x++) {
            if (x->surname || x->type == KHABAR_ENT_PER)
                surnames++;
            else if (x->type != KHABAR_ENT_PER)
                others++;
        }
        if (!surnames && loose_hash(d, en->first_token, &h)) {
            for (x = find_key(keys, k, h, 1);
                 x && x < end && x->h == h && x->n_tokens == 1; x++)
                surnames += x->surname;
        }
        if (surnames && surnames >= others) {
            en->type = KHABAR_ENT_PER;
            d->type[en->first_token] = KHABAR_ENT_PER + 8;
        }
    }
    if (count_untagged(d, &counts) != 0) {
        free(keys);
        return -1;
    }
    for (i = 0; i < n && rc == 0; i++) {
        size_t len;
        /* No name starts with a pronoun's host (جنينها, not جنين). */
        if (has_enclitic(d, i) && !gaz_whole(d, i))
            continue;
        if (!name_like(d, i, 1, 0)) {
            /* A word the lexicon knows, named alone often in the doc, and
             * more often than not (القمر tagged as a club three times is
             * still the moon in the 30 other mentions). */
            const name_key *x;
            uint64_t h;
            size_t named;
            if (d->tk[i].kind != KHABAR_TOK_ARABIC || d->type[i])
                continue;
            h = span_hash(d, i, i + 1);
            x = find_key(keys, k, h, 1);
            if (x && !x->surname && (named = named_alone(keys, k, x)) >= OFTEN &&
                RARELY * named >= untagged(&counts, h))
                rc = add(d, i, i + 1, x->type);
            continue;
        }
        for (len = longest; len >= 1; len--) {
            const name_key *x;
            size_t j;
            if (i + len > n)
                continue;
            for (j = i + 1; j < i + len && name_like(d, j, 0, 0); j++)
                ;
            if (j < i + len)
                continue;
            x = most_named(keys, k,
                           find_key(keys, k, span_hash(d, i, i + len), len));
            /* A word the doc leaves untagged far more often than it names
             * it alone is a common word (القمر, the moon, tagged a club). */
            if (x && len == 1 && !x->surname &&
                RARELY * named_alone(keys, k, x) <
                    untagged(&counts, span_hash(d, i, i + 1)))
                continue;
            if (x) {
                rc = add(d, i, i + len, x->type);
                i += len - 1;
                break;
            }
        }
    }
    free(keys);
    free(counts.slot);
    return rc;
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
static void hyphenated(ner_doc *d)
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
        } else if (e[i].type == KHABAR_ENT_PER && name_like(d, last + 2, 0, 0)) {
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

/* Rule 4b: a person's name does not end with a particle (فون, دي, بن,
 * أبو, آل ...): one cut there takes the next words while they end with
 * one, and one more (مارك فان دونجين, لويجي دي مايو, أورسولا فون دير
 * لاين), over untagged Arabic words without proclitics. */
static void particle_tails(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i;
    for (i = 0; i < n; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1, steps;
        if (e[i].type != KHABAR_ENT_PER)
            continue;
        for (steps = 0; steps < 3; steps++) {
            size_t next = last + 1;
            if (!name_particle(d, last) || next >= d->doc->tokens.len ||
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
static void crown_prince_tails(ner_doc *d)
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
static void particle_heads(ner_doc *d)
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
static void allah_names(ner_doc *d)
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
static void named_after(ner_doc *d)
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
            size_t take = b - a == 1 || (b - a >= 3 && !name_particle(d, a + 1))
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
 *   a currency's name after a number (or مليون, مليار, ألف) is a
 *   miscellaneous name (322 مليار ريال, not the club; ألفي يوان, no
 *   person);
 *   one word with the article right after a demonstrative is a common
 *   noun, no name (هذه الحزم: these parcels), a nationality adjective
 *   alone no place (تغني بالعربية: in Arabic), and a kinship noun with
 *   the first person's ي alone no person (تعرض ابني: my son), the era
 *   of a year alone no name (632 ميلاديا), and هلال before a Hijri month
 *   no person (رؤية هلال شوال: the new moon): their entities are removed;
 *   one word tagged an organization or other name that the gazetteer
 *   knows as a place by another spelling of its g (بنجالور: بنغالور) is
 *   that place (not one tagged a person: جون بيركو, not بيرجو). */
static void in_context(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t n = d->doc->entities.len, i, k = 0, q, merged_to = 0;
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
            (e[i].type == KHABAR_ENT_ORG || e[i].type == KHABAR_ENT_MISC) &&
            place_spelled_apart(d, a)) {
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
            (e[i].n_tokens == 1 && era(d, a)) ||
            (e[i].type == KHABAR_ENT_PER && crescent(d, a))) {
            for (q = a; q < b; q++)
                d->type[q] = 0;
            continue;
        }
        e[k++] = e[i];
    }
    d->doc->entities.len = k;
}

/* Whether each proclitic of token ti (none at all included) is one of the
 * letters of allowed (UTF-8: "وف"). */
static int proclitics_among(const ner_doc *d, size_t ti, const char *allowed)
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
    return proclitics_among(d, ti, "وف") &&
           host_in(d, ti, words, sizeof words / sizeof words[0]);
}

/* Whether token ti is a noun of a match (مباراة, مقابلة, مواجهة, لقاء,
 * قمة, ديربي, كلاسيكو), with و or ف before it at most. */
static int match_noun(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "مباراه", "المباراه", "مقابله", "المقابله", "لقاء", "اللقاء", "قمه", "دربي", "الدربي", "ديربي", "الديربي",
        "كلاسيكو", "الكلاسيكو"};
    return proclitics_among(d, ti, "وف") && !has_enclitic(d, ti) &&
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
        !proclitics_among(d, a, wa ? "و" : "") || side_word(d, a))
        return 0;
    if (d->type[a]) {
        if (d->type[a] < 8 || (i = entity_starting(d, a)) == SIZE_MAX)
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
                    !boundary(d, i, end) && !has_enclitic(d, i) &&
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
 * noun or a word the lexicon does not know (name_like()). */
static int named_side(const ner_doc *d, size_t a)
{
    return d->type[a] || name_like(d, a, 1, 0);
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
        return add(d, a, b, KHABAR_ENT_ORG);
    retype(d, a, KHABAR_ENT_ORG);
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
        (h->flags & KHABAR_WORD_LEMMA_GUESSED) || !clustered(d, ti))
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
static int matches(ner_doc *d)
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
                teams[n_teams++] = token_hash(d, xa);
            if (yb == ya + 1)
                teams[n_teams++] = token_hash(d, ya);
            i = yb - 1;
        }
    }
    /* The teams of one word, wherever the doc writes them alone. */
    for (i = 0; i < n && rc == 0 && n_teams; i++) {
        size_t k;
        if (d->type[i] || d->tk[i].kind != KHABAR_TOK_ARABIC ||
            !proclitics_among(d, i, "وفلب") ||
            has_enclitic(d, i) ||
            (i + 1 < n && (d->type[i + 1] ||
                           (d->tk[i + 1].kind == KHABAR_TOK_ARABIC &&
                            !proclitics(d, i + 1) &&
                            kh_doc_host(d->doc, i + 1, NULL)->upos ==
                                KHABAR_UPOS_ADJ))))
            continue;
        for (k = 0; k < n_teams && teams[k] != token_hash(d, i); k++)
            ;
        if (k < n_teams)
            rc = add(d, i, i + 1, KHABAR_ENT_ORG);
    }
    free(teams);
    return rc;
}

/* Whether token ti is a device (هاتف, أجهزة, طراز), with و, ب or ل
 * before it at most and no pronoun after it. */
static int device_word(const ner_doc *d, size_t ti)
{
    static const char *const words[] = {
        "هاتف", "الهاتف", "هواتف", "الهواتف", "جهاز", "الجهاز", "اجهزه",
        "الاجهزه", "طراز", "حاسوب", "الحاسوب", "حواسيب"};
    return proclitics_among(d, ti, "وبل") && !has_enclitic(d, ti) &&
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
static int products(ner_doc *d)
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
        heads[n_heads++] = token_hash(d, a);
    }
    for (i = 0; i < n && n_heads; i++) {
        if (e[i].type == KHABAR_ENT_MISC)
            continue;
        for (k = 0; k < n_heads && heads[k] != token_hash(d, e[i].first_token);
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

/* Rule: no name of two words or more ends with a preposition (نبيل بفون
 * عن استعداد الهيئة: the name ends before عن, which the tagger or
 * particle_tails(), taking فون for von, put in it). */
static void preposition_tails(ner_doc *d)
{
    /* (not علي, which folds على and the name علي together, nor في, as in
     * تي في) */
    static const char *const preps[] = {"عن", "من", "الي", "مع", "منذ",
                                        "حتي", "خلال", "عند", "لدي"};
    khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        while (e[i].n_tokens >= 2 && !proclitics(d, last) &&
               host_in(d, last, preps, sizeof preps / sizeof preps[0])) {
            d->type[last] = 0;
            e[i].n_tokens--;
            last--;
            e[i].end = kh_doc_host(d->doc, last, NULL)->end;
        }
    }
}

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
static void adjacent_persons(ner_doc *d)
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
static void whole_last_words(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i;
    for (i = 0; i < d->doc->entities.len; i++) {
        size_t last = e[i].first_token + e[i].n_tokens - 1;
        if (e[i].type == KHABAR_ENT_PER && d->tk[last].end > e[i].end)
            e[i].end = d->tk[last].end;
    }
}

/* Rule 7: an organization's name of three words or more that the
 * gazetteer knows whole (مجلس التعاون لدول الخليج العربية, where the
 * tagger sees the place الخليج العربية) is that organization: the entities
 * inside or across it give way, unless one is an organization that runs
 * beyond it. So is a place's name of two words or more that the lists
 * give, not the NER corpora alone, where the recognizer found in it or
 * across it a place that is none by itself (بحر الصين الجنوبي, not بحر and
 * الصين الجنوبي; كوت ديفوار), unless an entity spans it whole (the paper
 * الشرق الأوسط stays an organization). A place the recognizer found that
 * is one by itself stays as it is, as ANERcorp has it: مكة of مكة المكرمة,
 * غزة of قطاع غزة, عدن of محافظة عدن. Keys as the recognizer makes them:
 * the first token's host, then the next tokens whole, a space between;
 * with the first word's article off when the whole key is no name
 * (الكوت ديفوار, الأف بي آي). */
typedef struct long_name {
    int type;          /* the entity it makes */
    uint32_t types;    /* KH_GAZ_* of the names */
    unsigned sources;  /* KH_GAZ_SRC_* of which one must have given it */
    size_t min_words;
    int whole_stands;  /* an entity of any type that spans it whole stands */
    int mends;         /* only where the recognizer found a part that is
                          no such name by itself */
} long_name;

static const long_name long_orgs = {KHABAR_ENT_ORG, KH_GAZ_ORG, 0xFF, 3, 0, 0};
/* A country of two words or more, from the lists or CLDR, is whole where
 * the recognizer found in it a part that is a place but no country by
 * itself: جنوب أفريقيا, not the continent. Where the part is a country,
 * the rest is a title ANERcorp leaves out (دولة قطر). */
static const long_name long_countries = {
    KHABAR_ENT_LOC, KH_GAZ_COUNTRY, KH_GAZ_SRC_LISTS | KH_GAZ_SRC_CLDR, 2, 1,
    1};
static const long_name long_places = {
    KHABAR_ENT_LOC, KH_GAZ_COUNTRY | KH_GAZ_PLACE,
    0xFF & ~(unsigned)KH_GAZ_CORPUS_SOURCES, 2, 1, 1};

/* The gazetteer's entry for the name that tokens [a, b) spell, keyed as
 * the recognizer keys it, or NULL. */
static const kh_gaz_entry *span_entry(const ner_doc *d, size_t a, size_t b)
{
    char key[1024];
    size_t len, k;
    const char *h = host_key(d, a, &len);
    if (len >= sizeof key)
        return NULL;
    memcpy(key, h, len);
    for (k = a + 1; k < b; k++) {
        const khabar_token *t = &d->tk[k];
        if (len + 1 + t->norm_len >= sizeof key)
            return NULL;
        key[len++] = ' ';
        memcpy(key + len, d->doc->fold_buf + t->norm, t->norm_len);
        len += t->norm_len;
    }
    return kh_gazetteer_lookup(d->gaz, key, len);
}

/* Whether an entity of the recognizer's inside or across tokens [a, b)
 * is no name of the rule's by itself (rule 7). */
static int broken_name(const ner_doc *d, const long_name *r, size_t a,
                       size_t b)
{
    const khabar_entity *e = d->doc->entities.data;
    size_t k;
    for (k = 0; k < d->doc->entities.len; k++) {
        size_t ea = e[k].first_token, eb = ea + e[k].n_tokens;
        const kh_gaz_entry *g;
        if (ea >= b || eb <= a)
            continue;
        g = span_entry(d, ea, eb);
        if (!g || !(g->mask & r->types) || !(g->sources & r->sources))
            return 1;
    }
    return 0;
}

/* Whether an entity spans tokens [a, b) of the doc, or one of type type
 * runs beyond them on either side. */
static int name_stands(const ner_doc *d, const long_name *r, size_t a,
                       size_t b)
{
    const khabar_entity *e = d->doc->entities.data;
    size_t k;
    for (k = 0; k < d->doc->entities.len; k++) {
        size_t ea = e[k].first_token, eb = ea + e[k].n_tokens;
        if (r->whole_stands && ea <= a && eb >= b)
            return 1;
        if ((int)e[k].type == r->type && ea < b && eb > a &&
            (ea < a || eb > b))
            return 1;
    }
    return 0;
}

/* The end of the longest name of rule r that starts at token i, its first
 * word keyed h (len bytes) and the next tokens whole; 0 if none. */
static size_t longest_name(const ner_doc *d, const long_name *r, size_t i,
                           const char *h, size_t len)
{
    const khabar_doc *doc = d->doc;
    size_t n = doc->tokens.len, j, best = 0;
    char key[1024];
    uint32_t hash = kh_gaz_hash(h, len);
    /* (most words begin no name: asked before any copy) */
    if (len >= sizeof key || !kh_gazetteer_may_extend(d->gaz, hash))
        return 0;
    memcpy(key, h, len);
    for (j = i + 1; j < n && j - i < d->gaz->max_tokens; j++) {
        const khabar_token *t = &d->tk[j];
        /* no name starts with these words: none with more */
        if (!kh_gazetteer_may_extend(d->gaz, hash) ||
            len + 1 + t->norm_len > d->gaz->max_key_bytes ||
            len + 1 + t->norm_len >= sizeof key)
            break;
        key[len++] = ' ';
        memcpy(key + len, doc->fold_buf + t->norm, t->norm_len);
        hash = kh_gaz_hash_more(hash, key + len - 1, 1u + t->norm_len);
        len += t->norm_len;
        if (j - i + 1 >= r->min_words &&
            kh_gazetteer_may_be_name(d->gaz, hash)) {
            const kh_gaz_entry *g = kh_gazetteer_lookup(d->gaz, key, len);
            if (g && (g->mask & r->types) && (g->sources & r->sources))
                best = j + 1;
        }
    }
    return best;
}

static int long_names(ner_doc *d, const long_name *r)
{
    const khabar_doc *doc = d->doc;
    size_t n = doc->tokens.len, i, len, best;
    if (!d->gaz || d->gaz->max_tokens < r->min_words)
        return 0;
    for (i = 0; i < n; i++) {
        const char *h;
        if (d->tk[i].kind != KHABAR_TOK_ARABIC)
            continue;
        h = host_key(d, i, &len);
        best = longest_name(d, r, i, h, len);
        /* a name the lists write without the article, written with it
         * (الكوت ديفوار) */
        if (!best && len > 6 && memcmp(h, "\xD8\xA7\xD9\x84", 4) == 0)
            best = longest_name(d, r, i, h + 4, len - 4);
        if (best) {
            khabar_entity *e = doc->entities.data;
            size_t k, m = 0, t;
            if (r->mends && !broken_name(d, r, i, best))
                continue;
            /* (بي أف ام تي في holds ام تي في) */
            if (name_stands(d, r, i, best)) {
                i = best - 1;
                continue;
            }
            for (k = 0; k < doc->entities.len; k++) {
                if (e[k].first_token < best &&
                    e[k].first_token + e[k].n_tokens > i) {
                    for (t = e[k].first_token;
                         t < e[k].first_token + e[k].n_tokens; t++)
                        d->type[t] = 0;
                    continue;
                }
                e[m++] = e[k];
            }
            d->doc->entities.len = m;
            if (add(d, i, best, r->type) != 0)
                return -1;
            i = best - 1;
        }
    }
    return 0;
}

/* Whether the gazetteer knows token ti as a place and as no one's name. */
static int place_only(const ner_doc *d, size_t ti)
{
    uint32_t g = gaz_mask(d, ti);
    return (g & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)) &&
           !(g & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON));
}

static int by_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* Rule places (see the top of the file): not a word without the article
 * of a longer person's name in the doc (ذكر دولج after زياد دولج stays the
 * person; a place with the article, الطائف, is no one's surname, and a
 * longer name that holds it is a span run on). */
static int places_not_persons(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i, t, n = 0, cap = 0;
    uint64_t *in_names;
    /* A title and such a place (أمين الطائف): the place. */
    for (i = 0; i < d->doc->entities.len; i++) {
        size_t a = e[i].first_token;
        if (e[i].type == KHABAR_ENT_PER && e[i].n_tokens == 2 &&
            (gaz_mask(d, a) & KH_GAZ_TITLE) && place_only(d, a + 1)) {
            d->type[a] = 0;
            e[i].first_token = a + 1;
            e[i].n_tokens = 1;
            e[i].type = KHABAR_ENT_LOC;
            e[i].start = kh_ner_entity_start(d->doc, d->gaz, a + 1,
                                             KHABAR_ENT_LOC);
            mark_span(d, a + 1, a + 2, KHABAR_ENT_LOC);
        }
    }
    for (i = 0; i < d->doc->entities.len; i++) {
        if (e[i].type == KHABAR_ENT_PER && e[i].n_tokens > 1)
            cap += e[i].n_tokens;
    }
    in_names = malloc((cap ? cap : 1) * sizeof *in_names);
    if (!in_names)
        return -1;
    for (i = 0; i < d->doc->entities.len; i++) {
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens < 2)
            continue;
        for (t = e[i].first_token; t < e[i].first_token + e[i].n_tokens; t++)
            in_names[n++] = token_hash(d, t);
    }
    kh_sort(in_names, n, sizeof *in_names, by_u64);
    for (i = 0; i < d->doc->entities.len; i++) {
        uint64_t h;
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens != 1)
            continue;
        h = token_hash(d, e[i].first_token);
        if (place_only(d, e[i].first_token) &&
            (definite(d, e[i].first_token) ||
             !bsearch(&h, in_names, n, sizeof *in_names, by_u64))) {
            e[i].type = KHABAR_ENT_LOC;
            mark_span(d, e[i].first_token, e[i].first_token + 1,
                      KHABAR_ENT_LOC);
        }
    }
    free(in_names);
    return 0;
}

static int by_token(const void *pa, const void *pb)
{
    const khabar_entity *a = pa, *b = pb;
    return (a->first_token > b->first_token) - (a->first_token < b->first_token);
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
    rc = coordination(&d);
    for (s = 0; s < doc->sentences.len && rc == 0; s++)
        rc = titles(&d, ss[s].first_token, ss[s].first_token + ss[s].n_tokens);
    if (rc == 0) {
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
                by_token);
        handover(&d);
    }
    if (rc == 0) {
        hyphenated(&d);
        particle_tails(&d);
        preposition_tails(&d);
        crown_prince_tails(&d);
        allah_names(&d);
        particle_heads(&d);
        named_after(&d);
        in_context(&d);
        rc = matches(&d);
    }
    if (rc == 0)
        rc = products(&d);
    if (rc == 0) {
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
                by_token);
        rc = consistency(&d);
    }
    if (rc == 0)
        rc = places_not_persons(&d);
    if (rc == 0)
        rc = long_names(&d, &long_orgs);
    if (rc == 0)
        rc = long_names(&d, &long_countries);
    if (rc == 0)
        rc = long_names(&d, &long_places);
    if (rc == 0) { /* rules add, merge and cut entities: input order again */
        kh_sort(doc->entities.data, doc->entities.len, sizeof(khabar_entity),
              by_token);
        adjacent_persons(&d);
        whole_last_words(&d);
    }
    free(d.type);
    free(d.hashes);
    return rc;
}
