/*
 * ner_doc.h - what the doc rules of the named-entity stage share (not
 * installed): the rules' view of the doc (ner_doc), the small helpers
 * called on every token, inlined, and the declarations of the other
 * helpers (ner_doc.c) and of the rules, one family a file (ner_titles.c,
 * ner_particles.c, ner_context.c, ner_idioms.c, ner_sport.c,
 * ner_products.c, ner_latin.c, ner_consistency.c, ner_long_names.c,
 * ner_persons.c), which kh_ner_doc() runs in order (see ner_doc.c).
 *
 * Tokens are those of the doc, by index; a token's host is the word of it
 * that is neither proclitic nor enclitic, and its key the host's folded
 * form (doc->fold_buf: the doc's strings are folded first).
 */
#ifndef KH_NER_DOC_H
#define KH_NER_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tag.h"
#include "../core/doc.h"

#define MAX_KEY 512  /* bytes of a host key (host_key) */

typedef struct ner_doc {
    khabar_doc *doc;
    const khabar_token *tk;
    const kh_gazetteer *gaz;
    uint8_t *type;   /* per token: entity type + 8 * begins-one, 0 if none */
    uint64_t *hashes; /* per token: kh_nd_token_hash(), 0 until needed */
} ner_doc;

/* ------------------------------------------------------------------------ */
/* Small helpers, called on every token: inlined                            */
/* ------------------------------------------------------------------------ */

/* The folded host form of token ti (in doc->fold_buf), its first MAX_KEY
 * bytes at most: their length into *n. */
static inline const char *host_key(const ner_doc *d, size_t ti, size_t *n)
{
    const khabar_word *h = kh_doc_host(d->doc, ti, NULL);
    *n = h->form_len < MAX_KEY ? h->form_len : MAX_KEY;
    return d->doc->fold_buf + h->form;
}

/* Whether token ti is one Arabic letter alone before a number (س of س 15,
 * the hour, in a list of matches): no word of a name (but ريم س. is Reem
 * S.). */
static inline int one_letter(const ner_doc *d, size_t ti)
{
    return d->tk[ti].kind == KHABAR_TOK_ARABIC &&
           d->tk[ti].end - d->tk[ti].start == 2 &&
           ti + 1 < d->doc->tokens.len &&
           d->tk[ti + 1].kind == KHABAR_TOK_NUMBER;
}

/* Whether tokens ti and ti + 2 are joined by a period or a hyphen
 * without spaces (كيه.جي.بي, بي-29). */
static inline int dotted(const ner_doc *d, size_t ti)
{
    const khabar_token *t = d->tk;
    char c;
    if (ti + 2 >= d->doc->tokens.len || t[ti + 1].end - t[ti + 1].start != 1)
        return 0;
    c = d->doc->text[t[ti + 1].start];
    return (c == '.' || c == '-') && t[ti].end == t[ti + 1].start &&
           t[ti + 1].end == t[ti + 2].start;
}

/* Whether token ti's host key is word. */
static inline int host_is(const ner_doc *d, size_t ti, const char *word)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return n == strlen(word) && memcmp(k, word, n) == 0;
}

/* The gazetteer's types (KH_GAZ_*) of token ti's host; 0 when the token is
 * not Arabic or the model has no gazetteer. */
static inline uint32_t gaz_mask(const ner_doc *d, size_t ti)
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

/* How many proclitics token ti has before its host. */
static inline unsigned proclitics(const ner_doc *d, size_t ti)
{
    unsigned pre;
    kh_doc_host(d->doc, ti, &pre);
    return pre;
}

/* Whether token ti's host begins with ال: the common words that a title's
 * complements run into (الى, العرش), where a name rarely begins. */
static inline int definite(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return n > 4 && memcmp(k, "ال", 4) == 0;
}

/* Marks tokens [a, b) as one entity of a type in d->type (the first with
 * its begin flag, 8). */
static inline void mark_span(ner_doc *d, size_t a, size_t b, int type)
{
    size_t i;
    for (i = a; i < b; i++)
        d->type[i] = (uint8_t)(type + (i == a ? 8 : 0));
}

/* Whether token ti is Arabic and its host key (folded, MAX_KEY bytes at
 * most) one of the count words. */
static inline int host_in(const ner_doc *d, size_t ti,
                          const char *const *words, size_t count)
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

/* Whether token ti begins with the conjunction و as a proclitic. */
static inline int conjunction(const ner_doc *d, size_t ti)
{
    const khabar_word *w =
        (const khabar_word *)d->doc->words.data + d->doc->token_words[ti];
    return proclitics(d, ti) && w->form_len == 2 &&
           memcmp(d->doc->norm_buf + w->form, "و", 2) == 0;
}

/* FNV-1a: hash h carried on over the n bytes of s. */
static inline uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Whether token ti ends in an enclitic pronoun. */
static inline int has_enclitic(const ner_doc *d, size_t ti)
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
static inline int gaz_whole(const ner_doc *d, size_t ti)
{
    const khabar_token *t = &d->tk[ti];
    if (!d->gaz || t->norm_len > MAX_KEY)
        return 0;
    return kh_gazetteer_find(d->gaz, d->doc->fold_buf + t->norm,
                             t->norm_len) != 0;
}

/* ------------------------------------------------------------------------ */
/* The other helpers (ner_doc.c)                                            */
/* ------------------------------------------------------------------------ */

/* Whether token ti's host has a word cluster: a word the news writes
 * often enough (tools/clusters), which most common words are. */
int kh_nd_clustered(const ner_doc *d, size_t ti);

/* A word that may be part of a name the tagger missed: Arabic, without
 * proclitics unless proclitic_ok, in no entity, no title or nationality
 * word, and a proper noun or a word the lexicon has no lemma for (not an
 * adjective). With strict, such a word must also have three letters or
 * more, and unless a proper noun, be one the news rarely writes (no
 * cluster): the words without a lemma that have a cluster are mostly
 * common words spelled another way (ايضا, يعلم, ظرف). */
int kh_nd_name_like(const ner_doc *d, size_t ti, int proclitic_ok,
                    int strict);

/* Where a name ends: the sentence's end, punctuation, a proclitic, or a
 * function word or verb. */
int kh_nd_boundary(const ner_doc *d, size_t ti, size_t end);

/* Adds tokens [a, b) as an entity of a type (doc->entities, and d->type
 * marked). Returns 0, or -1 when memory runs out. */
int kh_nd_add(ner_doc *d, size_t a, size_t b, int type);

/* The index of the entity that begins at token a, or SIZE_MAX. */
size_t kh_nd_entity_starting(const ner_doc *d, size_t a);

/* Makes the entity that begins at token a one of type type. */
void kh_nd_retype(ner_doc *d, size_t a, int type);

/* The hash of token ti's host key (hash_bytes of the key and a space),
 * worked out once a doc (d->hashes; 0: not yet). */
uint64_t kh_nd_token_hash(const ner_doc *d, size_t ti);

/* Whether token ti is a particle inside a person's name, that a word of
 * the name follows (فون, دي, بن, أبي, آل ...); not with a pronoun's
 * letters after it (عبده, a name the segmenter reads عبد + ه). */
int kh_nd_name_particle(const ner_doc *d, size_t ti);

/* Whether each proclitic of token ti (none at all included) is one of the
 * letters of allowed (UTF-8: "وف"). */
int kh_nd_proclitics_among(const ner_doc *d, size_t ti, const char *allowed);

/* ------------------------------------------------------------------------ */
/* The rules, by file (ner_doc.c lists them in the order they run)          */
/* ------------------------------------------------------------------------ */

/* Those that return an int return 0, or -1 when memory runs out. */

/* ner_titles.c: a person after a title, in the tokens [a, end) of a
 * sentence (rule 1); a place run on into such a name gives it its words
 * (rule 1b). */
int kh_nd_titles(ner_doc *d, size_t a, size_t end);
void kh_nd_handover(ner_doc *d);

/* ner_particles.c: where names are cut (rule 0), joined (rule 4), end
 * and begin. */
int kh_nd_coordination(ner_doc *d);
void kh_nd_hyphenated(ner_doc *d);
void kh_nd_dotted_letters(ner_doc *d);
void kh_nd_particle_tails(ner_doc *d);
void kh_nd_preposition_tails(ner_doc *d);
void kh_nd_crown_prince_tails(ner_doc *d);
void kh_nd_allah_names(ner_doc *d);
void kh_nd_particle_heads(ner_doc *d);

/* ner_context.c: names read by the words around them (rule 5). */
void kh_nd_named_after(ner_doc *d);
void kh_nd_in_context(ner_doc *d);
void kh_nd_mosques(ner_doc *d);

/* ner_idioms.c: common words and set phrases that read as names, and
 * whether token ti is one of the words among them (دوما read as
 * "always", جار as "under way"), which rule 2 does not tag either. */
void kh_nd_idioms(ner_doc *d);
int kh_nd_idiom_word(const ner_doc *d, size_t ti);

/* ner_sport.c: the sides of a match are teams; no clubs without sport. */
int kh_nd_matches(ner_doc *d);

/* ner_products.c: a name after a device is a product. */
int kh_nd_products(ner_doc *d);

/* ner_latin.c: what a scraped page leaves (code, buttons) is no name. */
void kh_nd_latin_words(ner_doc *d);

/* ner_consistency.c: a name found once is that name everywhere (rule 2);
 * a person of one word that is only a place is the place, and one that
 * ends an organization's name is that organization. */
int kh_nd_consistency(ner_doc *d);
int kh_nd_places_not_persons(ner_doc *d);
int kh_nd_short_orgs(ner_doc *d);

/* ner_long_names.c: the organizations, then the countries, then the places
 * of several words the gazetteer knows whole (rule 7). */
int kh_nd_long_names(ner_doc *d);

/* ner_persons.c: two persons side by side are one (rule 6); a person's
 * name ends with its last token whole. */
void kh_nd_adjacent_persons(ner_doc *d);
void kh_nd_whole_last_words(ner_doc *d);

#endif
