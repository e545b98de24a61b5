/*
 * pos.c - the part-of-speech stage: UD UPOS for every word, sentence by
 * sentence, with the "pos" model (tagger.h) and the features of
 * pos_features.c, among the labels the kind of the word's token allows
 * (kh_pos_allowed). Fills khabar_word.upos.
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../morph/morph.h"
#include "features.h"
#include "gazetteer.h"
#include "memo.h"

/* Per-stage memory, reused from sentence to sentence. */
typedef struct pos_buf {
    kh_vec words;  /* kh_tag_word */
    kh_vec keys;   /* bytes: the search keys of joined words (a word's
                      own is in doc->fold_buf) */
    kh_vec joined; /* bytes: the forms of fine-scheme hosts joined */
    kh_vec tagged_as; /* uint32_t: each doc word's tagged word */
    kh_vec feats;  /* uint64_t */
    kh_vec off;    /* uint32_t */
    kh_vec labels; /* uint8_t */
    kh_vec allow;  /* uint64_t: the labels each word may take */
    kh_vec memo_of; /* long: each word's entry in memo */
    kh_vec fresh;   /* uint32_t: the words whose entries are new */
    kh_vec fresh_feats; /* uint64_t: their features (kh_memo_score) */
    kh_tag_scratch lattice;
    /* The doc's distinct words (key, kind, role, place in the token,
     * tanwin): value their gazetteer types and cluster (pack_lookups),
     * rows their features' scores as each KH_POS_AS_* part. */
    kh_memo memo;
} pos_buf;

static void pos_buf_free(pos_buf *b)
{
    kh_vec_free(&b->words);
    kh_vec_free(&b->keys);
    kh_vec_free(&b->joined);
    kh_vec_free(&b->tagged_as);
    kh_vec_free(&b->feats);
    kh_vec_free(&b->off);
    kh_vec_free(&b->labels);
    kh_vec_free(&b->allow);
    kh_vec_free(&b->memo_of);
    kh_vec_free(&b->fresh);
    kh_vec_free(&b->fresh_feats);
    kh_tag_scratch_free(&b->lattice);
    kh_memo_free(&b->memo);
}

/* What tag_sentence needs of the model beyond the tagger. */
typedef struct pos_labels {
    const uint8_t *map;   /* label -> UPOS */
    uint64_t punct, sym, all; /* label bits */
    uint64_t verb;        /* label bits of VERB and AUX */
    uint64_t adp;         /* label bits of ADP */
    uint64_t propn;       /* label bits of PROPN */
} pos_labels;

/* Whether a word is the letter ب, ك or ل alone (بـ, with a tatweel the
 * key drops, before a number: بـ358). */
static int lone_preposition(const kh_tag_word *x)
{
    const unsigned char *k = (const unsigned char *)x->key;
    return x->key_len == 2 && ((k[0] == 0xD8 && k[1] == 0xA8) ||
                               (k[0] == 0xD9 && (k[1] == 0x83 || k[1] == 0x84)));
}

/* The UPOS of each of the model's labels (into map), and the label bits of
 * PUNCT and SYM (for kh_pos_allowed) and of VERB and AUX. */
static void label_map(const kh_tagger *t, uint8_t *map, pos_labels *pl)
{
    uint32_t i;
    int u;
    pl->punct = pl->sym = pl->verb = pl->adp = pl->propn = 0;
    for (i = 0; i < t->n_labels; i++) {
        map[i] = 0;
        for (u = 1; u < KH_UPOS_COUNT; u++) {
            if (strcmp(t->names[i], kh_upos_name(u)) == 0)
                map[i] = (uint8_t)u;
        }
        if (map[i] == KH_UPOS_PUNCT)
            pl->punct |= (uint64_t)1 << i;
        else if (map[i] == KH_UPOS_SYM)
            pl->sym |= (uint64_t)1 << i;
        else if (map[i] == KH_UPOS_VERB || map[i] == KH_UPOS_AUX)
            pl->verb |= (uint64_t)1 << i;
        else if (map[i] == KH_UPOS_ADP)
            pl->adp |= (uint64_t)1 << i;
        else if (map[i] == KH_UPOS_PROPN)
            pl->propn |= (uint64_t)1 << i;
    }
    pl->map = map;
}

/* The UPOS of a word in Latin letters, which the treebanks have too seldom
 * to teach (two in all, both names): in Arabic news it is mostly a name or
 * a brand (Tim Cook, iPhone, NATO), PROPN when it has a capital letter;
 * else a foreign word (online), UD's X. */
static uint8_t latin_upos(const kh_tag_word *x)
{
    size_t k;
    for (k = 0; k < x->form_len; k++) {
        if (x->form[k] >= 'A' && x->form[k] <= 'Z')
            return KH_UPOS_PROPN;
    }
    return KH_UPOS_X;
}

/* Whether doc word i (from a) follows the proclitic ب or ك in its token:
 * then it is no verb (كعادته is ك + عادة + ه, not عادت, she came back).
 * Neither treebank has one. */
static int after_bi_ka(const khabar_doc *doc, size_t a, size_t i)
{
    const khabar_word *p, *w = doc->words.data;
    const unsigned char *f;
    if (a + i == 0)
        return 0;
    p = &w[a + i - 1];
    f = (const unsigned char *)doc->norm_buf + p->form;
    return p->token == w[a + i].token && p->role == KHABAR_WORD_PROCLITIC &&
           p->form_len == 2 &&
           ((f[0] == 0xD8 && f[1] == 0xA8) || (f[0] == 0xD9 && f[1] == 0x83));
}

/* What a word's memo entry keeps of the lookups (the value), and back. */
_Static_assert(KH_USAGE_BITS <= 24, "the usage signature fits the value");
static uint64_t pack_lookups(const kh_tag_word *x)
{
    return (uint64_t)x->gaz | (uint64_t)x->cpath << 16 |
           (uint64_t)x->clen << 32 | (uint64_t)x->usage << 40;
}

static void unpack_lookups(uint64_t v, kh_tag_word *x)
{
    x->gaz = (uint16_t)v;
    x->cpath = (uint16_t)(v >> 16);
    x->clen = (uint8_t)(v >> 32);
    x->usage = (uint32_t)(v >> 40);
}

/* How many new words ahead lookups_ahead asks for their slots. */
#define LOOKUPS_AHEAD 4

/* Asks for the slots that memo_lookups will read for the k-th new word of
 * n (prefetch.h). */
static void lookups_ahead(const kh_gazetteer *gaz, const kh_clusters *cl,
                          const kh_usage *us, const kh_tag_word *words, const uint32_t *fresh_at,
                          size_t n, size_t k)
{
    const kh_tag_word *x;
    uint32_t h;
    if (k >= n)
        return;
    x = &words[fresh_at[k]];
    /* One FNV-1a for all (kh_clusters_hash, kh_gaz_hash). */
    h = kh_gaz_hash(x->key, x->key_len);
    if (cl && !kh_clusters_kind_key(x->kind))
        kh_clusters_prefetch(cl, h);
    if (us && x->kind == KHABAR_TOK_ARABIC)
        kh_usage_prefetch(us, h);
    if (gaz)
        kh_gazetteer_prefetch(gaz, h);
}

/* A new memo entry's value: x's lookups. */
static void memo_lookups(const kh_gazetteer *gaz, const kh_clusters *cl,
                         const kh_usage *us, kh_memo *memo, long e,
                         kh_tag_word *x)
{
    x->clen = (uint8_t)kh_tag_cluster(cl, x->kind, x->key, x->key_len,
                                      &x->cpath);
    x->usage = kh_tag_usage(us, x->kind, x->key, x->key_len);
    x->gaz = 0;
    if (gaz) {
        const kh_gaz_entry *g = kh_gazetteer_lookup(gaz, x->key, x->key_len);
        x->gaz = g ? (uint16_t)g->mask : 0;
    }
    kh_memo_entry_at(memo, e)->value = pack_lookups(x);
}

_Static_assert(KH_POS_AS_COUNT <= KH_MEMO_PARTS_MAX, "memo parts");

/* kh_pos_word_features for kh_memo_score. */
static int word_part(const void *x, int as, uint64_t *f)
{
    return kh_pos_word_features(x, as, f);
}

/* Whether a doc word is a piece of the host of an Arabic token: the host,
 * or in the fine scheme ال or an inflectional suffix (not the percent sign
 * of a number, the UD scheme's one affix). */
static int host_piece(const khabar_word *w, const khabar_token *tk)
{
    return (w->role == KHABAR_WORD_HOST || w->role == KHABAR_WORD_AFFIX) &&
           tk[w->token].kind == KHABAR_TOK_ARABIC;
}

/* Tags the words [a, b) of the doc (one sentence). The tagger sees them as
 * the UD scheme has them, as it learned: the pieces of a host in the fine
 * scheme (ال + حكوم + ة) are one word (الحكومة), whose tag they all take.
 * Each distinct word's own
 * features are scored once a doc (buf->memo); the emissions of word i are
 * then its own scores, those of its neighbours as neighbours, and those of
 * its pair features (features.h): the sums kh_pos_features' would give. */
static int tag_sentence(khabar_doc *doc, const kh_tagger *t,
                        const kh_gazetteer *gaz, const kh_clusters *cl,
                        const kh_usage *us, const pos_labels *pl, size_t a, size_t b,
                        pos_buf *buf)
{
    khabar_word *wd = (khabar_word *)doc->words.data;
    const khabar_token *tk = doc->tokens.data;
    const size_t L = t->n_labels;
    size_t n = b - a, nu = 0, i, j, n_fresh = 0, keys = 0, joined = 0;
    uint32_t *fresh_at, *tagged_as;
    kh_tag_word *tw;
    kh_word_lookup *look = doc->word_lookups.len == doc->words.len
                               ? doc->word_lookups.data
                               : NULL;
    uint64_t *f;
    uint32_t *off;
    uint8_t *lab;
    uint64_t *allow;
    long *ent;
    int32_t *em;
    char *kb, *jb;
    buf->words.len = buf->keys.len = buf->feats.len = 0;
    for (i = a; i < b; i++)
        keys += wd[i].form_len;
    if (kh_vec_reserve(&buf->words, sizeof(kh_tag_word), n) ||
        kh_vec_reserve(&buf->keys, 1, keys + 1) ||
        kh_vec_reserve(&buf->joined, 1, keys + 1) ||
        kh_vec_reserve(&buf->tagged_as, sizeof(uint32_t), n) ||
        kh_vec_reserve(&buf->feats, sizeof(uint64_t), n * KH_TAG_MAX_FEATS) ||
        kh_vec_reserve(&buf->off, sizeof(uint32_t), n + 1) ||
        kh_vec_reserve(&buf->labels, 1, n) ||
        kh_vec_reserve(&buf->allow, sizeof(uint64_t), n) ||
        kh_vec_reserve(&buf->memo_of, sizeof(long), n) ||
        kh_vec_reserve(&buf->fresh, sizeof(uint32_t), n) ||
        kh_vec_reserve(&buf->fresh_feats, sizeof(uint64_t),
                       KH_MEMO_FEATS))
        return -1;
    fresh_at = buf->fresh.data;
    tw = buf->words.data;
    kb = buf->keys.data;
    jb = buf->joined.data;
    tagged_as = buf->tagged_as.data;
    allow = buf->allow.data;
    ent = buf->memo_of.data;
    keys = 0;
    for (i = 0; i < n; nu++) {
        const khabar_word *w = &wd[a + i];
        kh_tag_word *x = &tw[nu];
        size_t e = i + 1; /* the doc words [i, e) are tagged word nu */
        int fresh;
        if (host_piece(w, tk)) {
            while (e < n && wd[a + e].token == w->token &&
                   host_piece(&wd[a + e], tk))
                e++;
        }
        for (j = i; j < e; j++)
            tagged_as[j] = (uint32_t)nu;
        x->first = a + i == 0 || wd[a + i - 1].token != w->token;
        x->last = a + e == doc->words.len || wd[a + e].token != w->token;
        /* A host alone in its token is the whole token (the fine scheme
         * calls it the host). */
        x->role = host_piece(w, tk) && x->first && x->last
                      ? KHABAR_WORD_WHOLE
                      : w->role;
        if (e == i + 1) {
            x->form = doc->norm_buf + w->form;
            x->form_len = w->form_len;
        } else {
            size_t len = 0;
            for (j = i; j < e; j++) {
                memcpy(jb + joined + len, doc->norm_buf + wd[a + j].form,
                       wd[a + j].form_len);
                len += wd[a + j].form_len;
            }
            x->form = jb + joined;
            x->form_len = (uint16_t)len;
            joined += len;
            if (x->role == KHABAR_WORD_AFFIX)
                x->role = KHABAR_WORD_HOST; /* ال + host after a proclitic */
        }
        if (e == i + 1) {
            x->key = doc->fold_buf + w->form;
            x->key_len = w->form_len;
        } else {
            x->key = kb + keys;
            x->key_len = (uint16_t)kh_tag_fold(x->form, x->form_len, kb + keys);
            keys += x->key_len;
        }
        x->kind = (uint8_t)tk[w->token].kind;
        /* The hyphen of a range (2011-2015: three words of one number
         * token) is a punctuation token of its own in the treebanks. */
        if (x->kind == KHABAR_TOK_NUMBER && w->form_len == 1 &&
            x->form[0] == '-')
            x->kind = KHABAR_TOK_PUNCT;
        allow[nu] = kh_pos_allowed(x->kind, pl->punct, pl->sym, pl->propn,
                                   pl->all);
        if (after_bi_ka(doc, a, i))
            allow[nu] &= ~pl->verb;
        else if (x->role == KHABAR_WORD_WHOLE && lone_preposition(x) &&
                 (allow[nu] & pl->adp))
            allow[nu] &= pl->adp; /* بـ358: the clitic written apart */
        x->tanwin = (uint8_t)kh_tag_has_tanwin(
            doc->text + w->start, wd[a + e - 1].end - w->start);
        x->alef = (uint8_t)kh_tag_alef(x->form, x->form_len);
        /* Everything the word's own features read, beyond its key. */
        ent[nu] = kh_memo_get(&buf->memo, x->key, x->key_len,
                             (uint64_t)x->kind | (uint64_t)x->role << 8 |
                                 (uint64_t)x->first << 16 |
                                 (uint64_t)x->last << 17 |
                                 (uint64_t)x->tanwin << 18 |
                                 (uint64_t)x->alef << 19,
                             &fresh);
        if (ent[nu] < 0)
            return -1;
        x->key_h = kh_memo_entry_at(&buf->memo, ent[nu])->bytes;
        if (fresh)
            fresh_at[n_fresh++] = (uint32_t)nu;
        i = e;
    }
    /* The words new to the doc: those the rows worked out ahead have need
     * nothing more; the others their cluster and gazetteer lookups, a wait
     * for memory each, asked for LOOKUPS_AHEAD words ahead. */
    n_fresh = kh_memo_known(&buf->memo, ent, fresh_at, n_fresh);
    for (j = 0; j < LOOKUPS_AHEAD; j++)
        lookups_ahead(gaz, cl, us, tw, fresh_at, n_fresh, j);
    for (j = 0; j < n_fresh; j++) {
        lookups_ahead(gaz, cl, us, tw, fresh_at, n_fresh, j + LOOKUPS_AHEAD);
        memo_lookups(gaz, cl, us, &buf->memo, ent[fresh_at[j]],
                     &tw[fresh_at[j]]);
    }
    kh_memo_score(&buf->memo, t, ent, tw, sizeof *tw, fresh_at, n_fresh,
                  word_part, buf->fresh_feats.data);
    for (i = 0; i < nu; i++)
        unpack_lookups(kh_memo_entry_at(&buf->memo, ent[i])->value, &tw[i]);
    for (i = 0; look && i < n; i++) {
        const kh_tag_word *x = &tw[tagged_as[i]];
        look[a + i].cpath = x->cpath;
        look[a + i].clen = x->clen;
        look[a + i].gaz = x->gaz;
    }
    em = kh_tagger_rows(t, nu, &buf->lattice);
    if (!em)
        return -1;
    f = buf->feats.data;
    off = buf->off.data;
    off[0] = 0;
    kh_memo_sum(&buf->memo, L, ent, nu, kh_pos_part_at, KH_POS_AS_COUNT, em);
    for (i = 0; i < nu; i++)
        off[i + 1] = off[i] + (uint32_t)kh_pos_pair_features(tw, nu, i,
                                                             f + off[i]);
    kh_tagger_emit(t, nu, f, off, em);
    lab = buf->labels.data;
    if (kh_tagger_viterbi(t, nu, allow, lab, &buf->lattice) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        const kh_tag_word *x = &tw[tagged_as[i]];
        /* UD's convention, which no treebank we learn from follows: the
         * percent sign is a symbol. */
        if (x->form_len == 1 && x->form[0] == '%')
            wd[a + i].upos = KH_UPOS_SYM;
        else if (x->kind == KHABAR_TOK_LATIN)
            wd[a + i].upos = latin_upos(x);
        else
            wd[a + i].upos = pl->map[lab[tagged_as[i]]];
    }
    kh_lemma_after_upos(doc, a, b);
    return 0;
}

int kh_pos(khabar_doc *doc) { return kh_pos_visit(doc, NULL, NULL); }

int kh_pos_visit(khabar_doc *doc, kh_memo_visit visit, void *ctx)
{
    const khabar_model *m = doc->model;
    const khabar_sentence *ss = doc->sentences.data;
    pos_buf buf;
    uint8_t map[KH_TAG_MAX_LABELS];
    pos_labels pl;
    size_t s;
    int rc = 0;
    if (!m->has_pos || !doc->token_words)
        return 0;
    if (kh_tag_fold_doc(doc) != 0)
        return -1;
    memset(&buf, 0, sizeof buf);
    kh_memo_init(&buf.memo, KH_POS_AS_COUNT * (size_t)m->pos.n_labels);
    kh_memo_use(&buf.memo, m->pos_known);
    /* Room for as many distinct words as half the doc's (more, rarely:
     * the memo grows). */
    if (kh_vec_reserve(&doc->word_lookups, sizeof(kh_word_lookup),
                       doc->words.len) != 0 ||
        kh_memo_reserve(&buf.memo, doc->words.len / 2 + 64) != 0) {
        pos_buf_free(&buf);
        return -1;
    }
    doc->word_lookups.len = doc->words.len;
    label_map(&m->pos, map, &pl);
    pl.all = m->pos.n_labels < 64 ? ((uint64_t)1 << m->pos.n_labels) - 1
                                  : ~(uint64_t)0;
    for (s = 0; s < doc->sentences.len && rc == 0; s++) {
        size_t a = doc->token_words[ss[s].first_token];
        size_t b = doc->token_words[ss[s].first_token + ss[s].n_tokens];
        /* A sentence of more words than a lattice should hold is tagged in
         * slices (a defined result for pathological input). */
        while (a < b && rc == 0) {
            size_t e = b - a > 4096 ? a + 4096 : b;
            rc = tag_sentence(doc, &m->pos,
                              m->has_gazetteer ? &m->gaz : NULL,
                              m->has_clusters ? &m->clusters : NULL,
                              m->has_usage ? &m->usage : NULL, &pl, a, e,
                              &buf);
            a = e;
        }
    }
    if (rc == 0 && visit)
        visit(ctx, &buf.memo);
    pos_buf_free(&buf);
    return rc;
}
