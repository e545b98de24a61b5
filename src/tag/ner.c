/*
 * ner.c - the named-entity stage: BIO tags for the tokens of each sentence
 * with the "ner" model (tagger.h) and the features of ner_features.c, then
 * entities: a B- tag and the I- tags of the same type after it. An entity
 * runs from the host of its first token (proclitics are not part of a name)
 * to the end of the host of its last.
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "features.h"
#include "memo.h"
#include "ner_history.h"

/* Longest gazetteer name looked for, in tokens: longer ones are rare, and
 * every length costs a lookup per token. */
#define KH_NER_MAX_NAME 5

/* The labels, in the order the entity types are numbered. */
static const char *const types[] = {"", "PER", "LOC", "ORG", "MISC"};

const char *khabar_entity_type_name(khabar_entity_type type)
{
    return type >= KHABAR_ENT_PER && type <= KHABAR_ENT_MISC ? types[type] : "?";
}

typedef struct ner_buf {
    kh_vec toks;   /* kh_ner_token */
    kh_vec feats;  /* uint64_t */
    kh_vec off;    /* uint32_t */
    kh_vec labels; /* uint8_t */
    kh_vec memo_of; /* long: each token's entry in memo */
    kh_vec fresh;   /* uint32_t: the tokens whose entries are new */
    kh_vec fresh_feats; /* uint64_t: their features (kh_memo_score) */
    kh_tag_scratch lattice;
    /* The doc's distinct tokens (all that kh_ner_token_features reads):
     * rows their own features' scores as each KH_NER_AS_* part. */
    kh_memo memo;
    /* How the doc's hosts were tagged in its earlier sentences. */
    kh_ner_history hist;
} ner_buf;

static void ner_buf_free(ner_buf *b)
{
    kh_vec_free(&b->toks);
    kh_vec_free(&b->feats);
    kh_vec_free(&b->off);
    kh_vec_free(&b->labels);
    kh_vec_free(&b->memo_of);
    kh_vec_free(&b->fresh);
    kh_vec_free(&b->fresh_feats);
    kh_tag_scratch_free(&b->lattice);
    kh_memo_free(&b->memo);
    kh_ner_history_free(&b->hist);
}

/* For each label: its entity type and whether it begins one (B-). */
static void label_map(const kh_tagger *t, uint8_t *type, uint8_t *begin)
{
    uint32_t i;
    int k;
    for (i = 0; i < t->n_labels; i++) {
        const char *name = t->names[i];
        type[i] = 0;
        begin[i] = name[0] == 'B';
        if ((name[0] == 'B' || name[0] == 'I') && name[1] == '-') {
            for (k = 1; k <= 4; k++) {
                if (strcmp(name + 2, types[k]) == 0 ||
                    (k == 1 && strcmp(name + 2, "PERS") == 0))
                    type[i] = (uint8_t)k;
            }
        }
    }
}

/* A gazetteer lookup that ignores entries given only by the sources in
 * ignore (the trainer ignores those that come from its own corpora). */
static const kh_gaz_entry *gaz_find(const kh_gazetteer *gaz, unsigned ignore,
                                    const char *key, size_t n)
{
    const kh_gaz_entry *e = kh_gazetteer_lookup(gaz, key, n);
    return e && (e->sources & ~ignore) ? e : NULL;
}

void kh_ner_views(const khabar_doc *doc, const kh_gazetteer *gaz,
                  const kh_clusters *cl, unsigned ignore, size_t a, size_t b,
                  kh_ner_token *t)
{
    const khabar_token *tk = doc->tokens.data;
    size_t n = b - a, i, len, j;
    /* The POS stage's lookups, when it ran with the same tables and no
     * source is to be ignored (the trainer ignores some). */
    const kh_word_lookup *look =
        ignore == 0 && doc->word_lookups.len == doc->words.len &&
                doc->words.len
            ? doc->word_lookups.data
            : NULL;
    for (i = 0; i < n; i++) {
        const khabar_token *x = &tk[a + i];
        unsigned pre;
        const khabar_word *h = kh_doc_host(doc, a + i, &pre);
        kh_ner_token *v = &t[i];
        memset(v, 0, sizeof *v);
        v->key = doc->fold_buf + x->norm;
        v->key_len = (uint16_t)(x->norm_len < 512 ? x->norm_len : 512);
        v->key_h = kh_feat_bytes(v->key, v->key_len);
        if (h->form_len == x->norm_len &&
            memcmp(doc->norm_buf + h->form, doc->norm_buf + x->norm,
                   x->norm_len) == 0) {
            /* A token that is its host (most): its key once. */
            v->host = v->key;
            v->host_len = v->key_len;
            v->host_h = v->key_h;
        } else {
            v->host = doc->fold_buf + h->form;
            v->host_len = (uint16_t)(h->form_len < 512 ? h->form_len : 512);
            v->host_h = kh_feat_bytes(v->host, v->host_len);
        }
        v->pre = (uint8_t)pre;
        v->kind = (uint8_t)x->kind;
        v->upos = h->upos;
        v->known = !(h->flags & KHABAR_WORD_LEMMA_GUESSED);
        if (look) {
            /* The POS stage looked the host up already (the same key). */
            const kh_word_lookup *wl = &look[h - (const khabar_word *)doc->words.data];
            v->clen = wl->clen;
            v->cpath = wl->cpath;
            v->gaz = wl->gaz;
        } else {
            v->clen = (uint8_t)kh_tag_cluster(cl, x->kind, v->host,
                                              v->host_len, &v->cpath);
        }
    }
    if (!gaz)
        return;
    /* Names: one host, then the next 1 .. KH_NER_MAX_NAME - 1 tokens whole
     * (the gazetteer's keys are the tokens of a name: مجلس التعاون لدول
     * الخليج, with its ل), joined by a space, starting at a word (names do
     * not start with punctuation or digits). */
    for (i = 0; i < n; i++) {
        char key[1024];
        const kh_gaz_entry *e;
        uint32_t h;
        if (t[i].kind != KHABAR_TOK_ARABIC && t[i].kind != KHABAR_TOK_LATIN &&
            t[i].kind != KHABAR_TOK_WORD)
            continue;
        if (!look) {
            e = gaz_find(gaz, ignore, t[i].host, t[i].host_len);
            if (e)
                t[i].gaz = (uint16_t)e->mask;
        }
        if (t[i].host_len >= sizeof key)
            continue;
        memcpy(key, t[i].host, t[i].host_len);
        len = t[i].host_len;
        h = kh_gaz_hash(key, len);
        for (j = i + 1; j < n && j - i < gaz->max_tokens && j - i < KH_NER_MAX_NAME;
             j++) {
            /* No name starts with these words: none with more. */
            if (!kh_gazetteer_may_extend(gaz, h))
                break;
            if (len + 1 + t[j].key_len > gaz->max_key_bytes ||
                len + 1 + t[j].key_len >= sizeof key)
                break;
            key[len++] = ' ';
            memcpy(key + len, t[j].key, t[j].key_len);
            h = kh_gaz_hash_more(h, key + len - 1, 1u + t[j].key_len);
            len += t[j].key_len;
            if (!kh_gazetteer_may_be_name(gaz, h))
                continue;
            e = gaz_find(gaz, ignore, key, len);
            if (e) {
                size_t q;
                t[i].gaz_begin |= (uint16_t)e->mask;
                for (q = i + 1; q <= j; q++)
                    t[q].gaz_inside |= (uint16_t)e->mask;
            }
        }
    }
}

uint32_t kh_ner_whole_name(const khabar_doc *doc, const kh_gazetteer *gaz,
                           size_t ti)
{
    const khabar_token *t = (const khabar_token *)doc->tokens.data + ti;
    const khabar_word *h = kh_doc_host(doc, ti, NULL);
    const kh_gaz_entry *g, *rest;
    if (!gaz || h->start <= t->start ||
        t->norm + t->norm_len > doc->fold_len ||
        h->form + h->form_len > doc->fold_len)
        return 0;
    g = kh_gazetteer_lookup(gaz, doc->fold_buf + t->norm, t->norm_len);
    if (!g || !(g->sources & KH_GAZ_SRC_LISTS))
        return 0;
    rest = kh_gazetteer_lookup(gaz, doc->fold_buf + h->form, h->form_len);
    if (rest && (rest->sources & (KH_GAZ_SRC_LISTS | KH_GAZ_SRC_CLDR)))
        return 0;
    return g->mask;
}

size_t kh_ner_entity_start(const khabar_doc *doc, const kh_gazetteer *gaz,
                           size_t ti, int type)
{
    const khabar_token *t = (const khabar_token *)doc->tokens.data + ti;
    const khabar_word *h = kh_doc_host(doc, ti, NULL);
    const char *whole = doc->fold_buf + t->norm;
    size_t pre = h->start - t->start;
    if (h->start <= t->start || t->norm + t->norm_len > doc->fold_len)
        return kh_doc_written_start(doc, ti);
    if (type != KHABAR_ENT_PER) {
        uint32_t want = type == KHABAR_ENT_LOC ? KH_GAZ_COUNTRY | KH_GAZ_PLACE
                        : type == KHABAR_ENT_ORG ? KH_GAZ_ORG
                                                 : 0;
        return kh_ner_whole_name(doc, gaz, ti) & want
                   ? t->start
                   : kh_doc_written_start(doc, ti);
    }
    /* فان as written: the particle of a Dutch name, not ف + ان */
    if (t->end - t->start == 6 && memcmp(doc->text + t->start, "فان", 6) == 0)
        return t->start;
    if (gaz) {
        /* (a name that only the NER corpora give whole, ANERcorp's tokens
         * being whole, may carry their و or ك: وعبد, كعبد; their ل, س, ف,
         * ب are mostly a name's letters: ليو, سيرينا, فلوريان) */
        const kh_gaz_entry *g = kh_gazetteer_lookup(gaz, whole, t->norm_len);
        int wa_ka = t->norm_len >= 2 && (memcmp(whole, "و", 2) == 0 ||
                                          memcmp(whole, "ك", 2) == 0);
        if (g && (g->mask & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON)) &&
            (!wa_ka || (g->sources & ~KH_GAZ_CORPUS_SOURCES)))
            return t->start;
        /* و or ف, then a name the segmenter cut again: وبشار is و + بشار,
         * not و + ب + شار */
        if (pre > 2 && t->norm_len > 4 &&
            (memcmp(whole, "و", 2) == 0 || memcmp(whole, "ف", 2) == 0) &&
            (g = kh_gazetteer_lookup(gaz, whole + 2, t->norm_len - 2)) != NULL &&
            (g->mask & (KH_GAZ_FIRST_NAME | KH_GAZ_PERSON)))
            return ((const khabar_word *)doc->words.data)
                [doc->token_words[ti] + 1].start; /* after the و word */
        /* و, ل or ف before a host in ي that no list knows (the NER corpora
         * split such names too): the letter is the foreign name's
         * (ويلفريد, ليو, ويليم), for an Arabic word in ي after them is a
         * verb, in no name; و + a name in ي the lists know stays cut
         * (ويوسف) */
        if (pre == 2 && t->norm_len > 4 && h->form_len >= 4 &&
            h->form + 2 <= doc->fold_len &&
            memcmp(doc->fold_buf + h->form, "ي", 2) == 0 &&
            (memcmp(whole, "و", 2) == 0 || memcmp(whole, "ل", 2) == 0 ||
             memcmp(whole, "ف", 2) == 0)) {
            const kh_gaz_entry *y =
                kh_gazetteer_lookup(gaz, whole + 2, t->norm_len - 2);
            if (!y || !(y->sources & ~KH_GAZ_CORPUS_SOURCES))
                return t->start;
        }
        /* بو of a Maghrebi surname (بوهلال), not ب + an unknown word in و;
         * ب + a known name stays cut (بوليد جنبلاط: with Walid) */
        if (pre == 2 && t->norm_len > 4 && memcmp(whole, "بو", 4) == 0 &&
            !kh_gazetteer_find(gaz, whole + 2, t->norm_len - 2))
            return t->start;
    }
    /* a one-letter proclitic before ان begins no name: the letter is the
     * name's (بان كي مون, وان يي, not ب + ان) */
    if (pre == 2 && h->form_len == 4 && h->form + 4 <= doc->fold_len &&
        memcmp(doc->fold_buf + h->form, "ان", 4) == 0)
        return t->start;
    return kh_doc_written_start(doc, ti);
}

/* Whether token ti can be no word of a person's name: a proclitic before
 * a host with the article (محمد سعيد بالسفير محمد سعد: two names, the
 * tagger sometimes runs them together), a complementizer, the conjunction
 * أو, or a word written with tanwin. */
static int not_in_name(const khabar_doc *doc, size_t ti)
{
    unsigned pre;
    const khabar_token *t = (const khabar_token *)doc->tokens.data + ti;
    const khabar_word *h = kh_doc_host(doc, ti, &pre);
    const char *f = doc->norm_buf + h->form;
    if (pre && h->form_len > 4 && memcmp(doc->fold_buf + h->form, "ال", 4) == 0)
        return 1;
    /* nor إن, أن (آن is a name), لكن: وإن بيدرسن انتقل; nor أو: بيل أو
     * خيسي, two players */
    if ((h->form_len == 4 &&
         (memcmp(f, "إن", 4) == 0 || memcmp(f, "أن", 4) == 0 ||
          memcmp(f, "أو", 4) == 0 || memcmp(f, "او", 4) == 0)) ||
        (h->form_len == 6 && memcmp(f, "لكن", 6) == 0))
        return 1;
    /* an adverbial accusative after the name: ابن حمزة منتهزًا الفرصة */
    return kh_tag_has_tanwin(doc->text + t->start, t->end - t->start);
}

/* The memo entry of token x (its key and host, and all else that
 * kh_ner_token_features reads); *fresh set when it is new. -1 when memory
 * runs out. */
static long memo_entry(kh_memo *memo, const kh_ner_token *x, int *fresh)
{
    char bytes[2 * 512 + 1];
    /* Key and host, apart by a byte that UTF-8 never has. */
    memcpy(bytes, x->key, x->key_len);
    bytes[x->key_len] = (char)0xFF;
    memcpy(bytes + x->key_len + 1, x->host, x->host_len);
    return kh_memo_get(memo, bytes, (size_t)x->key_len + 1 + x->host_len,
                       (uint64_t)x->kind | (uint64_t)x->pre << 8 |
                           (uint64_t)x->upos << 16 | (uint64_t)x->known << 24 |
                           (uint64_t)x->clen << 25 | (uint64_t)x->cpath << 32 |
                           (uint64_t)x->gaz << 48,
                       fresh);
}

/* kh_ner_token_features for kh_memo_score. */
static int token_part(const void *x, int as, uint64_t *f)
{
    return kh_ner_token_features(x, as, f);
}

_Static_assert(KH_NER_AS_COUNT <= KH_MEMO_PARTS_MAX, "memo parts");

/* Tags tokens [a, b) (one sentence): as the POS stage does, each distinct
 * token's own features scored once a doc, the features of its place in
 * the sentence and the doc per token. */
static int tag_tokens(khabar_doc *doc, const khabar_model *m, unsigned ignore,
                      const uint8_t *type, const uint8_t *begin,
                      const uint8_t *cues, const uint8_t *seen, size_t a,
                      size_t b, ner_buf *buf)
{
    const khabar_token *tk = doc->tokens.data;
    const size_t L = m->ner.n_labels;
    size_t n = b - a, i, k, n_fresh = 0;
    uint32_t *fresh_at;
    kh_ner_token *t;
    uint64_t *f;
    uint32_t *off;
    uint8_t *lab;
    long *ent;
    int32_t *em;
    if (kh_vec_reserve(&buf->toks, sizeof(kh_ner_token), n) ||
        kh_vec_reserve(&buf->feats, sizeof(uint64_t), n * KH_TAG_MAX_FEATS) ||
        kh_vec_reserve(&buf->off, sizeof(uint32_t), n + 1) ||
        kh_vec_reserve(&buf->labels, 1, n) ||
        kh_vec_reserve(&buf->memo_of, sizeof(long), n) ||
        kh_vec_reserve(&buf->fresh, sizeof(uint32_t), n) ||
        kh_vec_reserve(&buf->fresh_feats, sizeof(uint64_t), KH_MEMO_FEATS))
        return -1;
    t = buf->toks.data;
    kh_ner_views(doc, m->has_gazetteer ? &m->gaz : NULL,
                 m->has_clusters ? &m->clusters : NULL, ignore, a, b, t);
    for (i = 0; i < n; i++) {
        t[i].doc_cues = cues[a + i];
        t[i].doc_seen = seen[a + i];
        t[i].doc_hist = (uint8_t)kh_ner_history_get(&buf->hist,
                                                    kh_ner_history_key(&t[i]));
    }
    ent = buf->memo_of.data;
    fresh_at = buf->fresh.data;
    for (i = 0; i < n; i++) {
        int fresh;
        ent[i] = memo_entry(&buf->memo, &t[i], &fresh);
        if (ent[i] < 0)
            return -1;
        if (fresh)
            fresh_at[n_fresh++] = (uint32_t)i;
    }
    n_fresh = kh_memo_known(&buf->memo, ent, fresh_at, n_fresh);
    kh_memo_score(&buf->memo, &m->ner, ent, t, sizeof *t, fresh_at, n_fresh,
                  token_part, buf->fresh_feats.data);
    em = kh_tagger_rows(&m->ner, n, &buf->lattice);
    if (!em)
        return -1;
    f = buf->feats.data;
    off = buf->off.data;
    off[0] = 0;
    kh_memo_sum(&buf->memo, L, ent, n, kh_ner_part_at, KH_NER_AS_COUNT, em);
    for (i = 0; i < n; i++)
        off[i + 1] = off[i] + (uint32_t)kh_ner_place_features(t, n, i,
                                                              f + off[i]);
    kh_tagger_emit(&m->ner, n, f, off, em);
    lab = buf->labels.data;
    if (kh_tagger_viterbi(&m->ner, n, NULL, lab, &buf->lattice) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        size_t j;
        khabar_entity *e;
        int ty = type[lab[i]];
        if (!ty || (ty == KHABAR_ENT_PER && not_in_name(doc, a + i)))
            continue;
        /* An I- without its B- begins an entity too. */
        for (j = i + 1; j < n && type[lab[j]] == ty && !begin[lab[j]] &&
                        !(ty == KHABAR_ENT_PER && not_in_name(doc, a + j));
             j++)
            ;
        for (k = i; k < j; k++) {
            if (kh_ner_history_add(&buf->hist, kh_ner_history_key(&t[k]),
                                   ty) != 0)
                return -1;
        }
        e = kh_vec_push(&doc->entities, sizeof *e);
        if (!e)
            return -1;
        e->first_token = a + i;
        e->n_tokens = j - i;
        e->type = ty;
        e->start = kh_ner_entity_start(
            doc, m->has_gazetteer ? &m->gaz : NULL, a + i, ty);
        e->end = kh_doc_host(doc, a + j - 1, NULL)->end;
        if (e->end < e->start)
            e->end = tk[a + j - 1].end;
        i = j - 1;
    }
    return 0;
}

int kh_ner_tag(khabar_doc *doc, unsigned ignore)
{
    return kh_ner_tag_visit(doc, ignore, NULL, NULL);
}

int kh_ner_tag_visit(khabar_doc *doc, unsigned ignore, kh_memo_visit visit,
                     void *ctx)
{
    const khabar_model *m = doc->model;
    const khabar_sentence *ss = doc->sentences.data;
    ner_buf buf;
    uint8_t type[KH_TAG_MAX_LABELS], begin[KH_TAG_MAX_LABELS];
    uint8_t *cues;
    size_t s, n = doc->tokens.len;
    int rc = 0;
    if (!m->has_ner || !doc->token_words)
        return 0;
    if (kh_tag_fold_doc(doc) != 0)
        return -1;
    /* The doc's cues of every token (ner_cues.c): two bytes a token. */
    cues = malloc(2 * n + 2);
    if (!cues ||
        kh_ner_cues(doc, m->has_gazetteer ? &m->gaz : NULL, ignore, 0, n,
                    cues, cues + n + 1) != 0) {
        free(cues);
        return -1;
    }
    memset(&buf, 0, sizeof buf);
    kh_memo_init(&buf.memo, KH_NER_AS_COUNT * (size_t)m->ner.n_labels);
    kh_memo_use(&buf.memo, m->ner_known);
    if (kh_memo_reserve(&buf.memo, n / 2 + 64) != 0) {
        ner_buf_free(&buf);
        free(cues);
        return -1;
    }
    label_map(&m->ner, type, begin);
    for (s = 0; s < doc->sentences.len && rc == 0; s++) {
        size_t a = ss[s].first_token, b = a + ss[s].n_tokens;
        while (a < b && rc == 0) {
            size_t e = b - a > 4096 ? a + 4096 : b;
            rc = tag_tokens(doc, m, ignore, type, begin, cues,
                            cues + n + 1, a, e, &buf);
            a = e;
        }
    }
    if (rc == 0 && visit)
        visit(ctx, &buf.memo);
    ner_buf_free(&buf);
    free(cues);
    return rc;
}

int kh_ner(khabar_doc *doc)
{
    return kh_ner_tag(doc, 0) == 0 ? kh_ner_doc(doc) : -1;
}
