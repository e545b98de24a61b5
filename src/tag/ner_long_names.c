/*
 * ner_long_names.c - the doc rule of names of several words that the
 * gazetteer knows whole (kh_nd_long_names, rule 7 below): organizations
 * of three words or more, then countries and places of two or more, made
 * whole where the recognizer found them in pieces or inside other names.
 */
#include "ner_doc.h"

#include <stdlib.h>
#include <string.h>

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
        g = kh_ner_span_entry(d->doc, d->gaz, ea, eb);
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

#define N_RULES 3
static const long_name *const rules[N_RULES] = {&long_orgs, &long_countries,
                                                &long_places};

/* The ends of the longest names of each rule that start at token i, its
 * first word keyed h (len bytes) and the next tokens whole, into end[r]
 * (0 where none). One walk along the tokens serves the three rules. */
static void longest_names(const ner_doc *d, size_t i, const char *h,
                          size_t len, size_t end[N_RULES])
{
    const khabar_doc *doc = d->doc;
    size_t n = doc->tokens.len, j;
    char key[1024];
    uint32_t hash = kh_gaz_hash(h, len);
    int r;
    for (r = 0; r < N_RULES; r++)
        end[r] = 0;
    /* (most words begin no name: asked before any copy) */
    if (len >= sizeof key || !kh_gazetteer_may_extend(d->gaz, hash))
        return;
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
        if (kh_gazetteer_may_be_name(d->gaz, hash)) {
            const kh_gaz_entry *g = kh_gazetteer_lookup(d->gaz, key, len);
            for (r = 0; g && r < N_RULES; r++) {
                if (j - i + 1 >= rules[r]->min_words &&
                    (g->mask & rules[r]->types) &&
                    (g->sources & rules[r]->sources))
                    end[r] = j + 1;
            }
        }
    }
}

/* Rule r over the doc, ends[i * N_RULES + r] the end of the longest name
 * of it that starts at token i (0: none). */
static int long_names(ner_doc *d, int r, const size_t *ends)
{
    const khabar_doc *doc = d->doc;
    size_t n = doc->tokens.len, i, best;
    for (i = 0; i < n; i++) {
        best = ends[i * N_RULES + (size_t)r];
        if (best) {
            khabar_entity *e = doc->entities.data;
            size_t k, m = 0, t;
            if (rules[r]->mends && !broken_name(d, rules[r], i, best))
                continue;
            /* (بي أف ام تي في holds ام تي في) */
            if (name_stands(d, rules[r], i, best)) {
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
            if (kh_nd_add(d, i, best, rules[r]->type) != 0)
                return -1;
            i = best - 1;
        }
    }
    return 0;
}

/* The organizations, then the countries, then the places. Where the names
 * end depends on the text alone, not on the entities the rules change:
 * found once for the three. */
int kh_nd_long_names(ner_doc *d)
{
    const khabar_doc *doc = d->doc;
    size_t n = doc->tokens.len, i, len;
    size_t *ends;
    int r, rc = 0;
    if (!d->gaz || n == 0)
        return 0;
    ends = malloc(n * N_RULES * sizeof *ends);
    if (!ends)
        return -1;
    for (i = 0; i < n; i++) {
        size_t *end = &ends[i * N_RULES], bare[N_RULES];
        const char *h;
        for (r = 0; r < N_RULES; r++)
            end[r] = 0;
        if (d->tk[i].kind != KHABAR_TOK_ARABIC)
            continue;
        h = host_key(d, i, &len);
        longest_names(d, i, h, len, end);
        /* a name the lists write without the article, written with it
         * (الكوت ديفوار) */
        if (len > 6 && memcmp(h, "\xD8\xA7\xD9\x84", 4) == 0) {
            longest_names(d, i, h + 4, len - 4, bare);
            for (r = 0; r < N_RULES; r++) {
                if (!end[r])
                    end[r] = bare[r];
            }
        }
    }
    for (r = 0; r < N_RULES && rc == 0; r++) {
        if (d->gaz->max_tokens >= rules[r]->min_words)
            rc = long_names(d, r, ends);
    }
    free(ends);
    return rc;
}
