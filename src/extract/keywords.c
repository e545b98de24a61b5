/*
 * keywords.c - keywords (stage KEYWORDS): the lemmas of content words
 * (nouns, proper nouns, adjectives) weighed by tf-idf against the
 * background frequencies of news (background.h):
 *
 *   score = tf * log((N + 1) / (df + 1))   (N articles, df of them use it)
 *
 * with tf the lemma's count in the doc, a word of the first sentence (the
 * headline or lead) counting double. The words that say who speaks (the
 * quotes' cues: مضيفا, وفقا) and the words of dates (شهر يوليو الماضي) are
 * left out, and a name gives one keyword (بوتين, not also فلاديمير;
 * الولايات المتحدة, not ولاية and متحد), shown as the name. Also keeps,
 * for the summary, each content word's lemma slot and each slot's idf
 * (doc->lemma_slot, doc->slot_idf).
 */
#include "extract.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../tag/tag.h"
#include "background.h"

#define KH_KEYWORDS_MAX 15

typedef struct slot_info {
    uint64_t key;
    size_t first_word;
    double tf;
    uint32_t count;
} slot_info;

/* A word that may be a keyword: a noun, name, adjective or unknown word of
 * three letters or more (two-letter lemmas are mostly pieces of names
 * written apart: بي بي سي, إف إم). */
static int content(const khabar_doc *doc, const khabar_word *w)
{
    const khabar_token *t = (const khabar_token *)doc->tokens.data + w->token;
    if (t->kind != KHABAR_TOK_ARABIC || w->lemma_len < 6 ||
        w->role == KHABAR_WORD_PROCLITIC || w->role == KHABAR_WORD_ENCLITIC ||
        w->role == KHABAR_WORD_AFFIX)
        return 0;
    return w->upos == KHABAR_UPOS_NOUN || w->upos == KHABAR_UPOS_PROPN ||
           w->upos == KHABAR_UPOS_ADJ || w->upos == KHABAR_UPOS_X;
}

/* Marks the words that start inside bytes [start, end): no keywords. */
static void mark_words(const khabar_doc *doc, uint32_t *word_slot,
                       size_t start, size_t end)
{
    const khabar_word *w = doc->words.data;
    size_t lo = 0, hi = doc->words.len, n = doc->words.len;
    while (lo < hi) { /* the first word starting at start or after */
        size_t mid = (lo + hi) / 2;
        if (w[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && w[lo].start < end; lo++)
        word_slot[lo] = UINT32_MAX - 1;
}

/* Marks the words that say who speaks (the cues of the quotes: قال,
 * مضيفا, وفقا ...) and when (the dates), and the word after a place that
 * completes the place's name in the gazetteer (المكرمة of مكة المكرمة,
 * where the recognizer tags مكة as ANERcorp does): no keywords, whatever
 * their tag. */
static void mark_not_keywords(const khabar_doc *doc, uint32_t *word_slot)
{
    const khabar_model *m = doc->model;
    const khabar_quote *q = doc->quotes.data;
    const khabar_timex *x = doc->timexes.data;
    const khabar_entity *e = doc->entities.data;
    const khabar_token *tk = doc->tokens.data;
    size_t i;
    for (i = 0; i < doc->quotes.len; i++)
        mark_words(doc, word_slot, q[i].cue_start, q[i].cue_end);
    /* and the words of dates (شهر يوليو الماضي): they say when, not what */
    for (i = 0; i < doc->timexes.len; i++)
        mark_words(doc, word_slot, x[i].start, x[i].end);
    for (i = 0; i < doc->entities.len && m->has_gazetteer && doc->fold_buf;
         i++) {
        size_t t = e[i].first_token + e[i].n_tokens;
        const kh_gaz_entry *g;
        if (e[i].type != KHABAR_ENT_LOC || t >= doc->tokens.len ||
            tk[t].kind != KHABAR_TOK_ARABIC ||
            (i + 1 < doc->entities.len && e[i + 1].first_token == t))
            continue;
        g = kh_ner_span_entry(doc, &m->gaz, e[i].first_token, t + 1);
        if (g && (g->mask & (KH_GAZ_COUNTRY | KH_GAZ_PLACE)))
            mark_words(doc, word_slot, tk[t].start, tk[t].end);
    }
}

static int by_score(const void *pa, const void *pb)
{
    const khabar_keyword *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return (a->first_word > b->first_word) - (a->first_word < b->first_word);
}

/* Moves the KH_KEYWORDS_MAX best of k[0, n) (by_score, a total order) to
 * the front, in order; returns how many. One pass: a doc has hundreds of
 * candidates and most lose to the last of the best at once. */
static size_t top(khabar_keyword *k, size_t n)
{
    khabar_keyword best[KH_KEYWORDS_MAX];
    size_t m = 0, i, j;
    for (i = 0; i < n; i++) {
        if (m == KH_KEYWORDS_MAX && by_score(&k[i], &best[m - 1]) >= 0)
            continue;
        j = m < KH_KEYWORDS_MAX ? m++ : m - 1;
        for (; j > 0 && by_score(&k[i], &best[j - 1]) < 0; j--)
            best[j] = best[j - 1];
        best[j] = k[i];
    }
    if (m)
        memcpy(k, best, m * sizeof *k);
    return m;
}

/* The token at byte offset at (the last one starting at or before it). */
static size_t token_at(const khabar_doc *doc, size_t at)
{
    const khabar_token *tk = doc->tokens.data;
    size_t lo = 0, hi = doc->tokens.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tk[mid].start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

/* Whether token t is written بن, ابن, إبن or بنت. */
static int ibn_token(const khabar_doc *doc, size_t t)
{
    static const char *const forms[] = {"بن", "ابن", "إبن", "بنت"};
    const khabar_token *tk = (const khabar_token *)doc->tokens.data + t;
    size_t i, n = tk->end - tk->start;
    for (i = 0; i < sizeof forms / sizeof *forms; i++) {
        if (strlen(forms[i]) == n && !memcmp(doc->text + tk->start, forms[i], n))
            return 1;
    }
    return 0;
}

/* The background key of the lemma a person is called by in cluster c's
 * name: its last word (بوتين, الأسد), or its first in a name with بن
 * (تميم بن حمد آل ثاني); 0 when the name has no such word. */
static uint64_t surname_key(const khabar_doc *doc, const khabar_cluster *c)
{
    size_t a = token_at(doc, c->name_start), b = token_at(doc, c->name_end - 1);
    size_t t, pick = b;
    const khabar_word *h;
    for (t = a + 1; t < b; t++) {
        if (ibn_token(doc, t))
            pick = a;
    }
    h = kh_doc_host(doc, pick, NULL);
    return h && h->lemma_len ? kh_background_key(doc->norm_buf + h->lemma,
                                                 h->lemma_len)
                             : 0;
}

/* The cluster whose entities cover token t of the doc, for each token
 * (SIZE_MAX: none), into tc. */
static void token_clusters(const khabar_doc *doc, size_t *tc)
{
    const khabar_entity *en = doc->entities.data;
    const size_t *ec = doc->entity_cluster.data;
    size_t i, t, nt = doc->tokens.len;
    for (i = 0; i < nt; i++)
        tc[i] = SIZE_MAX;
    for (i = 0; i < doc->entities.len; i++) {
        if (ec[i] >= doc->clusters.len)
            continue;
        for (t = en[i].first_token;
             t < en[i].first_token + en[i].n_tokens && t < nt; t++)
            tc[t] = ec[i];
    }
}

/* Leaves one keyword a named thing among k[0, n) (slot s is k[s]): of the
 * words of one cluster's names (فلاديمير, بوتين; ولاية, متحد of الولايات
 * المتحدة), the one a person is called by (surname_key), else the best
 * scored, which then stands for the cluster (its cluster field: shown as
 * the cluster's name). A slot is a cluster's when its first word is in
 * one of the cluster's names and so are at least half its words: أمريكي
 * of وزارة الخارجية الأمريكية stays a keyword of its own when the doc
 * mostly writes it elsewhere. Returns the candidates kept, in order.
 * Without clusters, all. */
static size_t one_per_entity(const khabar_doc *doc, khabar_keyword *k,
                             size_t n)
{
    const khabar_cluster *cl = doc->clusters.data;
    const khabar_word *w = doc->words.data;
    const uint32_t *word_slot = doc->lemma_slot.data;
    size_t *best, *tok_cluster, *of, i, o = 0, nc = doc->clusters.len;
    uint32_t *inside;
    uint64_t *called;
    if (!nc || doc->entity_cluster.len != doc->entities.len ||
        !doc->tokens.len || !n)
        return n;
    best = malloc(nc * sizeof *best);
    called = malloc(nc * sizeof *called);
    tok_cluster = malloc(doc->tokens.len * sizeof *tok_cluster);
    of = malloc(n * sizeof *of);
    inside = calloc(n, sizeof *inside);
    if (!best || !called || !tok_cluster || !of || !inside)
        goto out; /* all kept rather than none */
    token_clusters(doc, tok_cluster);
    for (i = 0; i < nc; i++) {
        best[i] = SIZE_MAX;
        called[i] = cl[i].type == KHABAR_ENT_PER ? surname_key(doc, &cl[i]) : 0;
    }
    for (i = 0; i < n; i++)
        of[i] = tok_cluster[w[k[i].first_word].token];
    for (i = 0; i < doc->words.len; i++) {
        uint32_t s = word_slot[i];
        if (s < n && of[s] != SIZE_MAX && tok_cluster[w[i].token] == of[s])
            inside[s]++;
    }
    for (i = 0; i < n; i++) {
        size_t c = of[i];
        int is_called;
        if (c != SIZE_MAX && 2 * (uint64_t)inside[i] < k[i].count)
            c = of[i] = SIZE_MAX;
        if (c == SIZE_MAX)
            continue;
        is_called = called[c] &&
                    kh_background_key(doc->norm_buf + k[i].lemma,
                                      k[i].lemma_len) == called[c];
        if (best[c] == SIZE_MAX || is_called ||
            (by_score(&k[i], &k[best[c]]) < 0 &&
             kh_background_key(doc->norm_buf + k[best[c]].lemma,
                               k[best[c]].lemma_len) != called[c]))
            best[c] = i;
    }
    for (i = 0; i < n; i++) {
        size_t c = of[i];
        if (c == SIZE_MAX || best[c] == i) {
            k[o] = k[i];
            k[o++].cluster = c;
        }
    }
    n = o;
out:
    free(best);
    free(called);
    free(tok_cluster);
    free(of);
    free(inside);
    return n;
}

int kh_keywords(khabar_doc *doc)
{
    const khabar_model *m = doc->model;
    const khabar_word *w = doc->words.data;
    size_t n = doc->words.len, i, mask, n_slots = 0, first_end = 0;
    uint32_t *table = NULL, *word_slot;
    slot_info *slots = NULL;
    double *idf;
    double n_docs = m->has_background ? m->background.n_docs : 1;
    int rc = -1;

    if (kh_vec_reserve(&doc->lemma_slot, sizeof(uint32_t), n) != 0)
        return -1;
    doc->lemma_slot.len = n;
    word_slot = doc->lemma_slot.data;
    if (n == 0)
        return 0;
    for (mask = 64; mask < 2 * n; mask *= 2)
        ;
    table = calloc(mask, sizeof *table); /* slot + 1, 0 = empty */
    slots = malloc(n * sizeof *slots);
    if (!table || !slots)
        goto out;
    mask--;
    if (doc->sentences.len) {
        const khabar_sentence *s = doc->sentences.data;
        const size_t *tw = doc->token_words;
        first_end = tw ? tw[s[0].first_token + s[0].n_tokens] : 0;
    }
    for (i = 0; i < n; i++)
        word_slot[i] = UINT32_MAX;
    mark_not_keywords(doc, word_slot);
    for (i = 0; i < n; i++) {
        uint64_t key;
        size_t j;
        if (word_slot[i] != UINT32_MAX) { /* a cue */
            word_slot[i] = UINT32_MAX;
            continue;
        }
        if (!content(doc, &w[i]))
            continue;
        key = kh_background_key(doc->norm_buf + w[i].lemma, w[i].lemma_len);
        for (j = key & mask; table[j] && slots[table[j] - 1].key != key;
             j = (j + 1) & mask)
            ;
        if (!table[j]) {
            slot_info *s = &slots[n_slots];
            s->key = key;
            s->first_word = i;
            s->tf = 0;
            s->count = 0;
            table[j] = (uint32_t)++n_slots;
        }
        word_slot[i] = table[j] - 1;
        slots[table[j] - 1].count++;
        slots[table[j] - 1].tf += i < first_end ? 2.0 : 1.0;
    }
    if (kh_vec_reserve(&doc->slot_idf, sizeof(double), n_slots) != 0 ||
        kh_vec_reserve(&doc->keywords, sizeof(khabar_keyword), n_slots) != 0)
        goto out;
    idf = doc->slot_idf.data;
    doc->slot_idf.len = n_slots;
    for (i = 0; i < n_slots; i++) {
        double df = m->has_background
                        ? kh_background_df(&m->background, slots[i].key)
                        : 0;
        khabar_keyword *k = (khabar_keyword *)doc->keywords.data + i;
        const khabar_word *fw = &w[slots[i].first_word];
        idf[i] = log((n_docs + 1) / (df + 1));
        k->lemma = fw->lemma;
        k->lemma_len = fw->lemma_len;
        k->count = slots[i].count;
        k->first_word = slots[i].first_word;
        k->score = slots[i].tf * idf[i];
        k->cluster = SIZE_MAX;
    }
    doc->keywords.len =
        top(doc->keywords.data, one_per_entity(doc, doc->keywords.data, n_slots));
    rc = 0;
out:
    free(table);
    free(slots);
    return rc;
}
