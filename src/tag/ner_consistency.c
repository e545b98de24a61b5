/*
 * ner_consistency.c - the doc rules that keep one name one thing over the
 * doc, by the hashes of the names' keys (kh_nd_consistency, rule 2, and
 * kh_nd_places_not_persons):
 *
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
 *   short orgs   a person's name of one word that ends an organization's
 *                name in the doc is that organization (سيتي after مانشستر
 *                سيتي).
 */
#include "ner_doc.h"

#include <stdlib.h>
#include <string.h>

#define OFTEN 3            /* a known word named this often is a name */
#define RARELY 3           /* unless left untagged this many times more */

/* Whether token ti is الله or الدين, which end compound first names. */
static int compound_tail(const ner_doc *d, size_t ti)
{
    size_t n;
    const char *k = host_key(d, ti, &n);
    return (n == 8 && memcmp(k, "الله", 8) == 0) ||
           (n == 10 && memcmp(k, "الدين", 10) == 0);
}

typedef struct name_key {
    uint64_t h;
    uint16_t n_tokens;
    uint8_t type;
    uint8_t surname;  /* the last word of a longer person name */
} name_key;

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

/* The hash of the host keys of tokens [a, b): of one token, its
 * kh_nd_token_hash(). */
static uint64_t span_hash(const ner_doc *d, size_t a, size_t b)
{
    uint64_t h = kh_nd_token_hash(d, a);
    size_t i;
    for (i = a + 1; i < b; i++) {
        h = (h ^ kh_nd_token_hash(d, i)) * 0x100000001B3ull;
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

/* Rule 2: the doc's names, then every untagged run that spells one. */
int kh_nd_consistency(ner_doc *d)
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
        /* No name starts with a pronoun's host (جنينها, not جنين), nor
         * with an idiom's word (نسعى دوما: always). */
        if ((has_enclitic(d, i) && !gaz_whole(d, i)) ||
            kh_nd_idiom_word(d, i))
            continue;
        if (!kh_nd_name_like(d, i, 1, 0)) {
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
                rc = kh_nd_add(d, i, i + 1, x->type);
            continue;
        }
        for (len = longest; len >= 1; len--) {
            const name_key *x;
            size_t j;
            if (i + len > n)
                continue;
            for (j = i + 1; j < i + len && kh_nd_name_like(d, j, 0, 0); j++)
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
                rc = kh_nd_add(d, i, i + len, x->type);
                i += len - 1;
                break;
            }
        }
    }
    free(keys);
    free(counts.slot);
    return rc;
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
int kh_nd_places_not_persons(ner_doc *d)
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
            in_names[n++] = kh_nd_token_hash(d, t);
    }
    kh_sort(in_names, n, sizeof *in_names, by_u64);
    for (i = 0; i < d->doc->entities.len; i++) {
        uint64_t h;
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens != 1)
            continue;
        h = kh_nd_token_hash(d, e[i].first_token);
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

/* Rule: a person's name of one word that the doc writes as the last word
 * of an organization's name of two words or more, and that the gazetteer
 * knows as no one's name and no place, or also as an organization, is that
 * organization's short name (سيتي after مانشستر سيتي, أناليتيكا after
 * كامبريدج أناليتيكا; not فيصل after جامعة الملك فيصل). Not after a
 * trigger word, a first name or آل, where the word names a person too. */
int kh_nd_short_orgs(ner_doc *d)
{
    khabar_entity *e = d->doc->entities.data;
    size_t i, n = 0;
    uint64_t *ends = malloc((d->doc->entities.len + 1) * sizeof *ends);
    if (!ends)
        return -1;
    for (i = 0; i < d->doc->entities.len; i++) {
        /* (not after a trigger, a first name or a particle of names:
         * مجموعة الجفالي, آل الجفالي, the tagger's باتريك دراهي name the
         * person too) */
        if (e[i].type == KHABAR_ENT_ORG && e[i].n_tokens > 1 &&
            !(gaz_mask(d, e[i].first_token) &
              (KH_GAZ_ORG_TRIGGER | KH_GAZ_FIRST_NAME)) &&
            !kh_nd_name_particle(d, e[i].first_token))
            ends[n++] = kh_nd_token_hash(d, e[i].first_token +
                                                e[i].n_tokens - 1);
    }
    kh_sort(ends, n, sizeof *ends, by_u64);
    for (i = 0; i < d->doc->entities.len && n; i++) {
        size_t a = e[i].first_token;
        uint32_t g;
        uint64_t h;
        if (e[i].type != KHABAR_ENT_PER || e[i].n_tokens != 1)
            continue;
        g = gaz_mask(d, a);
        if ((g & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON | KH_GAZ_COUNTRY |
                  KH_GAZ_PLACE)) &&
            !(g & KH_GAZ_ORG))
            continue;
        h = kh_nd_token_hash(d, a);
        if (bsearch(&h, ends, n, sizeof *ends, by_u64)) {
            e[i].type = KHABAR_ENT_ORG;
            mark_span(d, a, a + 1, KHABAR_ENT_ORG);
        }
    }
    free(ends);
    return 0;
}
