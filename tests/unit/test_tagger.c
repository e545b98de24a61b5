/* test_tagger.c - the sequence labeller: Viterbi on a model made by hand,
 * the POS and NER stages on pathological input, and model files that are
 * damaged or of the wrong kind. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/doc.h"
#include "model/model.h"
#include "tag/features.h"
#include "tag/memo.h"
#include "tag/ner_history.h"
#include "tag/tag.h"
#include "tag/tagger.h"
#include "test.h"

/* Two labels, A and B; one feature per position chooses its emission; the
 * transitions make B -> B costly, so the best path must weigh them. */
static void viterbi(void)
{
    static const int16_t w[4 * 2] = {
        /* bucket 0: prefers A */ 10, 0,
        /* bucket 1: prefers B */ 0, 10,
        /* bucket 2: prefers B strongly */ 0, 30,
        /* bucket 3: neutral */ 0, 0};
    /* trans[prev * 2 + y]; row 2 is the start. */
    static const int16_t trans[3 * 2] = {0, 0, 0, -25, 0, 0};
    kh_tagger t;
    kh_tag_scratch sc = {0};
    uint64_t f[4] = {2, 1, 0, 2};
    uint32_t off[5] = {0, 1, 2, 3, 4};
    uint8_t lab[4];
    memset(&t, 0, sizeof t);
    t.emit.n_buckets = 4;
    t.emit.n_labels = 2;
    t.emit.mask = 3;
    t.emit.w = w;
    t.n_labels = 2;
    t.trans = trans;
    CHECK(kh_tagger_decode(&t, 4, f, off, lab, &sc) == 0);
    /* Preferences B!, B, A, B!: B A A B scores 30 + 0 + 10 + 30 = 70, above
     * B B A B (30 + 10 - 25 + 10 + 30 = 55) and A B A B (50). */
    CHECK(lab[0] == 1 && lab[1] == 0 && lab[2] == 0 && lab[3] == 1);
    CHECK(kh_tagger_decode(&t, 0, f, off, lab, &sc) == 0);
    {
        /* Only A at position 0: the best path that starts with A is
         * A B A B (0 + 10 + 10 + 30 = 50). An allow with all the model's
         * labels (3), none (0) or none of them (4: a third label the model
         * does not have) constrains nothing. */
        uint64_t allow[4] = {1, 3, 0, 4};
        CHECK(kh_tagger_decode_allowed(&t, 4, f, off, allow, lab, &sc) == 0);
        CHECK(lab[0] == 0 && lab[1] == 1 && lab[2] == 0 && lab[3] == 1);
        /* B everywhere, against every preference but the last. */
        allow[0] = allow[1] = allow[2] = allow[3] = 2;
        CHECK(kh_tagger_decode_allowed(&t, 4, f, off, allow, lab, &sc) == 0);
        CHECK(lab[0] == 1 && lab[1] == 1 && lab[2] == 1 && lab[3] == 1);
    }
    kh_tag_scratch_free(&sc);
}

/* Viterbi as the book has it, every previous label tried, the first best
 * kept: what kh_tagger_viterbi must choose, whatever it leaves out. */
static void viterbi_plain(const int16_t *trans, size_t L, size_t n,
                          const int32_t *em, uint8_t *out)
{
    int64_t sc[40][16];
    uint8_t bk[40][16];
    size_t i, y, yp, best = 0;
    for (i = 0; i < n; i++) {
        for (y = 0; y < L; y++) {
            int64_t top = 0;
            size_t arg = 0;
            for (yp = 0; yp < (i ? L : 1); yp++) {
                int64_t v = i ? sc[i - 1][yp] + trans[yp * L + y]
                              : trans[L * L + y];
                if (yp == 0 || v > top) {
                    top = v;
                    arg = yp;
                }
            }
            sc[i][y] = top + em[i * L + y];
            bk[i][y] = (uint8_t)arg;
        }
    }
    for (y = 1; y < L; y++) {
        if (sc[n - 1][y] > sc[n - 1][best])
            best = y;
    }
    for (i = n; i-- > 0;) {
        out[i] = (uint8_t)best;
        best = bk[i][best];
    }
}

/* kh_tagger_viterbi against viterbi_plain on random lattices: small
 * weights (many ties), large ones (most labels left out), labels barred. */
static void viterbi_exact(void)
{
    static const size_t sizes[] = {2, 5, 9, 16};
    int16_t trans[17 * 16];
    int32_t em[40 * 16];
    uint64_t allow[40];
    uint8_t got[40], want[40];
    unsigned seed = 12345;
    int round;
    for (round = 0; round < 2000; round++) {
        size_t L = sizes[round % 4], n = 1 + (size_t)(round / 4) % 40, i;
        static const int spreads[] = {3, 300, 30000, 32767};
        int spread = spreads[round % 7 % 4];
        kh_tagger t;
        kh_tag_scratch sc = {0};
        int32_t *rows;
        memset(&t, 0, sizeof t);
        t.n_labels = (uint32_t)L;
        t.trans = trans;
        for (i = 0; i < (L + 1) * L; i++) {
            seed = seed * 1103515245u + 12345u;
            trans[i] = (int16_t)((int)(seed >> 8) % (2 * spread + 1) - spread);
        }
        for (i = 0; i < n * L; i++) {
            seed = seed * 1103515245u + 12345u;
            em[i] = (int32_t)((int)(seed >> 8) % (20 * spread + 1) - 10 * spread);
        }
        for (i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            allow[i] = round % 5 == 0 ? (seed >> 8) & ((1u << L) - 1) : 0;
        }
        rows = kh_tagger_rows(&t, n, &sc);
        CHECK(rows != NULL);
        if (!rows)
            return;
        memcpy(rows, em, n * L * sizeof *em);
        CHECK(kh_tagger_viterbi(&t, n, allow, got, &sc) == 0);
        for (i = 0; i < n; i++) {
            uint64_t a = allow[i];
            size_t y;
            if (a && a != (1u << L) - 1) {
                for (y = 0; y < L; y++) {
                    if (!(a >> y & 1))
                        em[i * L + y] = -(1 << 28);
                }
            }
        }
        viterbi_plain(trans, L, n, em, want);
        CHECK(memcmp(got, want, n) == 0);
        kh_tag_scratch_free(&sc);
    }
}

/* kh_tagger_emit and kh_tagger_emit_set against sums done one by one:
 * label counts of each kind, positions of 0 to 7 features (odd and even
 * counts), weights up to the extremes of int16. */
static void emit_exact(void)
{
    static const size_t sizes[] = {2, 5, 9, 16, 17};
    int16_t w[64 * 17];
    uint64_t f[30 * 7];
    uint32_t off[31];
    int32_t got[30 * 17], set[30 * 17], want[30 * 17];
    unsigned seed = 777;
    int round;
    for (round = 0; round < 500; round++) {
        size_t L = sizes[round % 5], n = (size_t)round % 30, i, y;
        int spread = round % 2 ? 32767 : 100;
        kh_tagger t;
        memset(&t, 0, sizeof t);
        t.n_labels = (uint32_t)L;
        t.emit.n_labels = (uint32_t)L;
        t.emit.n_buckets = 64;
        t.emit.mask = 63;
        t.emit.w = w;
        for (i = 0; i < 64 * L; i++) {
            seed = seed * 1103515245u + 12345u;
            w[i] = (int16_t)((int)(seed >> 8) % (2 * spread + 1) - spread);
        }
        off[0] = 0;
        for (i = 0; i < n; i++) {
            uint32_t k, nf;
            seed = seed * 1103515245u + 12345u;
            nf = (seed >> 8) % 8;
            for (k = 0; k < nf; k++) {
                seed = seed * 1103515245u + 12345u;
                f[off[i] + k] = (uint64_t)seed << 20 | seed >> 8;
            }
            off[i + 1] = off[i] + nf;
        }
        for (i = 0; i < n; i++) {
            for (y = 0; y < L; y++) {
                uint32_t k;
                int32_t sum = 0;
                for (k = off[i]; k < off[i + 1]; k++)
                    sum += w[(f[k] & 63) * L + y];
                got[i * L + y] = (int32_t)(i * 1000 + y);
                set[i * L + y] = -1;
                want[i * L + y] = sum;
            }
        }
        kh_tagger_emit(&t, n, f, off, got);
        kh_tagger_emit_set(&t, n, f, off, set);
        for (i = 0; i < n * L; i++) {
            CHECK(set[i] == want[i]);
            CHECK(got[i] == want[i] + (int32_t)(i / L * 1000 + i % L));
        }
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether two lists of features hold the same ones, as many times each. */
static int same_features(uint64_t *a, int na, uint64_t *b, int nb)
{
    qsort(a, (size_t)na, sizeof *a, cmp_u64);
    qsort(b, (size_t)nb, sizeof *b, cmp_u64);
    return na == nb && memcmp(a, b, (size_t)na * sizeof *a) == 0;
}

static int pos_part(const void *x, int as, uint64_t *f)
{
    return kh_pos_word_features(x, as, f);
}

static int ner_part(const void *x, int as, uint64_t *f)
{
    return kh_ner_token_features(x, as, f);
}

/* The features of the parts that count at position i of n items. */
static int gather(int (*part)(const void *, int, uint64_t *),
                  const void *items, size_t size, const int *at, int parts,
                  size_t n, size_t i, uint64_t *f)
{
    int p, m = 0;
    for (p = 0; p < parts; p++) {
        long j = (long)i + at[p];
        if (j >= 0 && (size_t)j < n)
            m += part((const char *)items + (size_t)j * size, p, f + m);
    }
    return m;
}

/* The stages sum the features of each distinct word once and those that
 * tie it to its neighbours per position: together the features that
 * kh_pos_features and kh_ner_features give (which the trainers see), for
 * every position of sentences of 1 to 5 words. */
static void feature_parts(void)
{
    static const char *const keys[] = {"Ù", "Ø§ÙØ±Ø¦ÙØ³",
                                       "ÙØ§Ù", "Ù",
                                       "2011"};
    kh_tag_word w[5];
    kh_ner_token t[5];
    uint64_t a[4 * KH_TAG_MAX_FEATS], b[8 * KH_TAG_MAX_FEATS];
    size_t n, i;
    memset(w, 0, sizeof w);
    memset(t, 0, sizeof t);
    for (i = 0; i < 5; i++) {
        w[i].form = w[i].key = keys[i];
        w[i].form_len = w[i].key_len = (uint16_t)strlen(keys[i]);
        w[i].role = (uint8_t)(i == 0 ? KHABAR_WORD_PROCLITIC
                              : i == 3 ? KHABAR_WORD_ENCLITIC
                                       : KHABAR_WORD_HOST);
        w[i].kind = (uint8_t)(i == 4 ? KHABAR_TOK_NUMBER : KHABAR_TOK_ARABIC);
        w[i].first = i != 1 && i != 3;
        w[i].last = i != 0 && i != 2;
        w[i].tanwin = i == 2;
        w[i].gaz = (uint16_t)(i == 1 ? KH_GAZ_TITLE | KH_GAZ_PERSON : 0);
        w[i].cpath = (uint16_t)(0x2A5 + i);
        w[i].clen = (uint8_t)(i == 3 ? 0 : 10 + i);
        w[i].usage = i == 1 ? 0x123456u : i == 2 ? 0x9u : 0;
        t[i].key = t[i].host = keys[i];
        t[i].key_len = t[i].host_len = w[i].key_len;
        t[i].key_h = kh_feat_bytes(keys[i], t[i].key_len) + 1;
        t[i].host_h = kh_feat_bytes(keys[i], t[i].key_len);
        t[i].pre = (uint8_t)(i == 0);
        t[i].kind = w[i].kind;
        t[i].upos = (uint8_t)(3 + i);
        t[i].gaz = w[i].gaz;
        t[i].gaz_begin = (uint16_t)(i == 2 ? KH_GAZ_PLACE : 0);
        t[i].gaz_inside = (uint16_t)(i == 3 ? KH_GAZ_PLACE : 0);
        t[i].cpath = w[i].cpath;
        t[i].clen = w[i].clen;
        t[i].known = (uint8_t)(i & 1);
        t[i].doc_cues = (uint8_t)(i == 1 ? 5 : 0);
        t[i].doc_seen = (uint8_t)(i == 1 ? 2 : 0);
        t[i].doc_hist = (uint8_t)(i == 1 ? 1 : i == 2 ? 6 : 0);
    }
    /* An organization trigger, a noun after it: the features of the
     * trigger before, near and farther. */
    t[0].gaz = KH_GAZ_ORG_TRIGGER;
    t[1].upos = KHABAR_UPOS_NOUN;
    for (n = 1; n <= 5; n++) {
        for (i = 0; i < n; i++) {
            int na, nb, k;
            na = kh_pos_features(NULL, w, n, i, a);
            nb = gather(pos_part, w, sizeof *w, kh_pos_part_at, KH_POS_AS_COUNT, n, i, b);
            nb += kh_pos_pair_features(w, n, i, b + nb);
            CHECK(same_features(a, na, b, nb));
            /* A key's hash given or not: the same features. */
            for (k = 0; k < 5; k++)
                w[k].key_h = kh_feat_bytes(w[k].key, w[k].key_len);
            nb = kh_pos_features(NULL, w, n, i, b);
            for (k = 0; k < 5; k++)
                w[k].key_h = 0;
            na = kh_pos_features(NULL, w, n, i, a);
            CHECK(na == nb && memcmp(a, b, (size_t)na * sizeof *a) == 0);
            na = kh_ner_features(NULL, t, n, i, a);
            nb = gather(ner_part, t, sizeof *t, kh_ner_part_at, KH_NER_AS_COUNT, n, i, b);
            nb += kh_ner_place_features(t, n, i, b + nb);
            CHECK(same_features(a, na, b, nb));
        }
    }
}

/* The labels a word may take by its token's kind. */
static void pos_allowed(void)
{
    const uint64_t punct = 1u << 3, sym = 1u << 5, propn = 1u << 6,
                   all = (1u << 8) - 1;
    CHECK(kh_pos_allowed(KHABAR_TOK_PUNCT, punct, sym, propn, all) ==
          (punct | sym));
    CHECK(kh_pos_allowed(KHABAR_TOK_ARABIC, punct, sym, propn, all) ==
          (all & ~punct));
    CHECK(kh_pos_allowed(KHABAR_TOK_NUMBER, punct, sym, propn, all) ==
          (all & ~punct));
    CHECK(kh_pos_allowed(KHABAR_TOK_HASHTAG, punct, sym, propn, all) == sym);
    CHECK(kh_pos_allowed(KHABAR_TOK_URL, punct, sym, propn, all) == sym);
    /* a word in Latin letters is a name */
    CHECK(kh_pos_allowed(KHABAR_TOK_LATIN, punct, sym, propn, all) == propn);
    /* A model without those labels: nothing is ruled out. */
    CHECK(kh_pos_allowed(KHABAR_TOK_PUNCT, 0, 0, 0, all) == all);
    CHECK(kh_pos_allowed(KHABAR_TOK_EMOJI, 0, 0, 0, all) == all);
    CHECK(kh_pos_allowed(KHABAR_TOK_LATIN, punct, sym, 0, all) ==
          (all & ~punct));
}

/* Through the library: punctuation is PUNCT or SYM, nothing else PUNCT, a
 * hashtag or a URL SYM, a range's hyphen PUNCT. */
static void pos_kinds(void)
{
    static const char text[] =
        "\xD9\x82\xD8\xA7\xD9\x84 Keira \xD8\x8C #\xD8\xA7\xD9\x84\xD8\xAD\xD8\xB1\xD8\xA8 "
        "https://example.org 2011-2015 .";
    khabar_doc *d = khabar_analyze(t_model, text, sizeof text - 1, NULL);
    const khabar_word *w;
    size_t i, n;
    CHECK(d != NULL);
    if (!d)
        return;
    w = khabar_doc_words(d);
    n = khabar_doc_word_count(d);
    for (i = 0; i < n; i++) {
        const khabar_token *tk = &khabar_doc_tokens(d)[w[i].token];
        int punct = w[i].upos == KHABAR_UPOS_PUNCT;
        if (tk->kind == KHABAR_TOK_PUNCT)
            CHECK(punct || w[i].upos == KHABAR_UPOS_SYM);
        else if (tk->kind == KHABAR_TOK_HASHTAG || tk->kind == KHABAR_TOK_URL)
            CHECK(w[i].upos == KHABAR_UPOS_SYM);
        else if (!(tk->kind == KHABAR_TOK_NUMBER && w[i].end - w[i].start == 1 &&
                   text[w[i].start] == '-'))
            CHECK(!punct);
        else
            CHECK(punct);
    }
    khabar_doc_free(d);
}

/* A word in Latin letters is a name (PROPN) when it has a capital letter,
 * else a foreign word (X): never a preposition or a number, whatever its
 * neighbours (the treebanks have two such words). */
static void pos_latin(void)
{
    static const char text[] = "أعلنت شركة Apple أن هاتف iPhone سيطرح "
                               "online، وأكد Tim Cook ذلك في London.";
    khabar_doc *d = khabar_analyze(t_model, text, sizeof text - 1, NULL);
    const khabar_word *w;
    size_t i, n, propn = 0, x = 0;
    CHECK(d != NULL);
    if (!d)
        return;
    w = khabar_doc_words(d);
    n = khabar_doc_word_count(d);
    for (i = 0; i < n; i++) {
        if (khabar_doc_tokens(d)[w[i].token].kind != KHABAR_TOK_LATIN)
            continue;
        if (text[w[i].start] == 'o')
            x += w[i].upos == KHABAR_UPOS_X;
        else
            propn += w[i].upos == KHABAR_UPOS_PROPN;
    }
    CHECK(propn == 5);
    CHECK(x == 1);
    khabar_doc_free(d);
}

/* A word after the proclitic ب or ك is no verb (كعادته: ك + عادة + ه, not
 * the verb عادت); after ل or س it may be. */
static void pos_after_bi_ka(void)
{
    static const char text[] = "وقال الوزير، كعادته، إن الحكومة ستواصل "
                               "العمل بعادتها القديمة.";
    khabar_doc *d = khabar_analyze(t_model, text, sizeof text - 1, NULL);
    const khabar_word *w;
    size_t i, n, seen = 0;
    CHECK(d != NULL);
    if (!d)
        return;
    w = khabar_doc_words(d);
    n = khabar_doc_word_count(d);
    for (i = 1; i < n; i++) {
        if (w[i - 1].token == w[i].token &&
            w[i - 1].role == KHABAR_WORD_PROCLITIC &&
            w[i - 1].end - w[i - 1].start == 2 &&
            (!memcmp(text + w[i - 1].start, "\xD8\xA8", 2) ||
             !memcmp(text + w[i - 1].start, "\xD9\x83", 2))) {
            CHECK(w[i].upos != KHABAR_UPOS_VERB &&
                  w[i].upos != KHABAR_UPOS_AUX);
            seen++;
        }
        if (text[w[i].start] == (char)0xD8 && w[i].upos == KHABAR_UPOS_VERB &&
            !memcmp(text + w[i].start, "\xD8\xAA\xD9\x88", 4))
            seen += 10; /* تواصل after س: a verb */
    }
    CHECK(seen == 12);
    khabar_doc_free(d);
    /* ب written apart, with a tatweel, before a number: a preposition */
    {
        static const char t2[] =
            "وجاءت قناة «صاحي» بـ358.5 مليون مشاهدة، وقناة «تامر حسني» "
            "بـ325.6 مليون مشاهدة، ثم قناة «العربية» بـ294 مليون مشاهدة.";
        size_t found = 0;
        d = khabar_analyze(t_model, t2, sizeof t2 - 1, NULL);
        CHECK(d != NULL);
        if (!d)
            return;
        w = khabar_doc_words(d);
        for (i = 0; i < khabar_doc_word_count(d); i++) {
            if (w[i].end - w[i].start == 4 &&
                !memcmp(t2 + w[i].start, "\xD8\xA8\xD9\x80", 4)) {
                CHECK(w[i].upos == KHABAR_UPOS_ADP);
                found++;
            }
        }
        CHECK(found == 3);
        khabar_doc_free(d);
    }
}

/* The fine scheme is tagged as the UD scheme: each piece of a host (ال,
 * the stem, a suffix) takes the tag the UD scheme gives the host, and the
 * other words the same tags. */
static void fine_scheme(void)
{
    static const char text[] =
        "\xD9\x88\xD9\x82\xD8\xA7\xD9\x84 \xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3 "
        "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB2\xD8\xB1\xD8\xA7\xD8\xA1 "
        "\xD8\xA5\xD9\x86 \xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9 "
        "\xD8\xB3\xD8\xAA\xD8\xB3\xD8\xAA\xD9\x82\xD9\x8A\xD9\x84\xD8\x8C "
        "\xD9\x85\xD8\xB6\xD9\x8A\xD9\x81\xD8\xA7 \xD8\xA3\xD9\x86 "
        "\xD9\x84\xD9\x84\xD9\x85\xD8\xB9\xD9\x84\xD9\x85\xD9\x8A\xD9\x86 "
        "\xD8\xAD\xD9\x82\xD9\x88\xD9\x82\xD8\xA7.";
    khabar_options o = {.stages = KHABAR_STAGE_POS};
    khabar_doc *ud = khabar_analyze_opts(t_model, text, sizeof text - 1, &o, NULL),
               *fine;
    const khabar_word *u, *f;
    size_t i, j = 0, nu, nf, pieces = 0;
    o.flags = KHABAR_ANALYZE_FINE;
    fine = khabar_analyze_opts(t_model, text, sizeof text - 1, &o, NULL);
    CHECK(ud != NULL && fine != NULL);
    if (!ud || !fine)
        goto done;
    u = khabar_doc_words(ud);
    f = khabar_doc_words(fine);
    nu = khabar_doc_word_count(ud);
    nf = khabar_doc_word_count(fine);
    CHECK(nf > nu);
    /* The UD word whose bytes hold each fine word. */
    for (i = 0; i < nf; i++) {
        while (j < nu && u[j].end <= f[i].start)
            j++;
        CHECK(j < nu && u[j].start <= f[i].start && f[i].end <= u[j].end);
        if (j >= nu)
            break;
        CHECK(f[i].upos == u[j].upos);
        pieces += f[i].role == KHABAR_WORD_AFFIX;
    }
    CHECK(pieces >= 4); /* ال ال ة ين at least */
done:
    khabar_doc_free(ud);
    khabar_doc_free(fine);
}

static void long_sentence(void)
{
    /* 100,000 tokens without a full stop: one sentence, tagged in slices. */
    size_t n = 100000, i, len = 0;
    char *s = malloc(n * 12);
    khabar_doc *d;
    for (i = 0; i < n; i++) {
        static const char *const w[] = {"بوتين ", "في ", "موسكو ", "قال "};
        size_t k = strlen(w[i % 4]);
        memcpy(s + len, w[i % 4], k);
        len += k;
    }
    d = khabar_analyze(t_model, s, len, NULL);
    CHECK(d != NULL && khabar_doc_sentence_count(d) == 1);
    CHECK(khabar_doc_word_count(d) == n);
    CHECK(khabar_doc_words(d)[n - 1].upos != KHABAR_UPOS_NONE);
    khabar_doc_free(d);
    free(s);
}

/* How the news uses a word: a table made by hand (probing, a key the
 * table lacks, a full table), and the compiled-in one on words whose use is
 * plain. */
static void usage_lookup(void)
{
    static const char *const keys[] = {"a", "b", "c"};
    kh_usage_slot slots[4];
    kh_usage u;
    khabar_model *m;
    khabar_error e;
    size_t i;
    memset(slots, 0, sizeof slots);
    memset(&u, 0, sizeof u);
    u.n_slots = 4;
    u.n_entries = 3;
    u.slots = slots;
    for (i = 0; i < 3; i++) {
        uint32_t h = kh_clusters_hash(keys[i], 1) & 3;
        while (slots[h].check)
            h = (h + 1) & 3;
        slots[h].check = kh_usage_check(keys[i], 1);
        slots[h].signature = (uint32_t)(10 + i);
    }
    for (i = 0; i < 3; i++)
        CHECK(kh_tag_usage(&u, KHABAR_TOK_ARABIC, keys[i], 1) == 10 + i);
    CHECK(kh_tag_usage(&u, KHABAR_TOK_NUMBER, "a", 1) == 0);
    CHECK(kh_tag_usage(NULL, KHABAR_TOK_ARABIC, "a", 1) == 0);
    CHECK(kh_tag_usage(&u, KHABAR_TOK_ARABIC, "a", 0) == 0);
    /* Full: every probe sequence goes round once, and finds nothing. */
    for (i = 0; i < 4; i++)
        if (!slots[i].check)
            slots[i].check = 1;
    CHECK(kh_tag_usage(&u, KHABAR_TOK_ARABIC, "zz", 2) == 0);
    m = khabar_model_new(&e);
    CHECK(m != NULL);
    if (m && m->has_usage) {
        /* A name the news never writes with the article; a noun it
         * mostly does (الحكومة and حكومة alike); a verb after لم ... */
        uint32_t trump = kh_tag_usage(&m->usage, KHABAR_TOK_ARABIC,
                                      "ترامب", strlen("ترامب"));
        uint32_t gov = kh_tag_usage(&m->usage, KHABAR_TOK_ARABIC,
                                    "الحكومه", strlen("الحكومه"));
        uint32_t gov2 = kh_tag_usage(&m->usage, KHABAR_TOK_ARABIC,
                                     "حكومه", strlen("حكومه"));
        uint32_t said = kh_tag_usage(&m->usage, KHABAR_TOK_ARABIC,
                                     "يكن", strlen("يكن"));
        CHECK(KH_USAGE_FREQ(trump) >= 4 && KH_USAGE_ARTICLE(trump) == 0);
        CHECK(KH_USAGE_ARTICLE(gov) >= 5 && gov == gov2);
        CHECK(KH_USAGE_VERB(said) >= 5 && KH_USAGE_ARTICLE(said) <= 1);
    }
    khabar_model_free(m);
}

static void write_bytes(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b, 1, n, f);
        fclose(f);
    }
}

static void model_files(void)
{
    char dir[] = "/tmp/khabar-test-tagger-XXXXXX", path[256];
    FILE *f = fopen("data/ner.kbm", "rb");
    unsigned char *b;
    long n;
    khabar_error e;
    khabar_model *m;
    CHECK(f != NULL);
    if (!f || !mkdtemp(dir)) {
        if (f)
            fclose(f);
        return;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = malloc((size_t)n);
    CHECK(fread(b, 1, (size_t)n, f) == (size_t)n);
    fclose(f);
    /* The recognizer given as the POS tagger: the wrong kind. */
    snprintf(path, sizeof path, "%s/pos.kbm", dir);
    write_bytes(path, b, (size_t)n);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL && strstr(e.msg, "kind"));
    remove(path);
    /* The recognizer given as the usage table: the wrong kind. */
    snprintf(path, sizeof path, "%s/usage.kbm", dir);
    write_bytes(path, b, (size_t)n);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL && strstr(e.msg, "kind"));
    remove(path);
    /* A truncated recognizer. */
    snprintf(path, sizeof path, "%s/ner.kbm", dir);
    write_bytes(path, b, (size_t)n - 100);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL);
    /* The recognizer as it is loads and finds a name. */
    write_bytes(path, b, (size_t)n);
    m = khabar_model_load(dir, &e);
    CHECK(m != NULL);
    if (m) {
        const char *text = "التقى الرئيس فلاديمير بوتين في موسكو.";
        khabar_doc *d = khabar_analyze(m, text, strlen(text), NULL);
        CHECK(khabar_doc_entity_count(d) >= 2);
        khabar_doc_free(d);
        khabar_model_free(m);
    }
    remove(path);
    rmdir(dir);
    free(b);
}

/* No person's name starts with إن or أن (وإن بيدرسن ووزير الخارجية). */
static void no_complementizer_in_names(void)
{
    const char *text = "أجرى المبعوث الأممي غير بيدرسن محادثات في دمشق. وقال "
                       "المراسل إن الاجتماع امتد ساعتين، وإن بيدرسن ووزير "
                       "الخارجية انتقلا بعده إلى جلسة مغلقة، وأن بيدرسن غادر "
                       "مساء.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_entity *e = khabar_doc_entities(d);
    size_t i, persons = 0;
    for (i = 0; i < khabar_doc_entity_count(d); i++) {
        if (e[i].type != KHABAR_ENT_PER)
            continue;
        persons++;
        CHECK(memcmp(text + e[i].start, "إن", 4) != 0 &&
              memcmp(text + e[i].start, "أن", 4) != 0);
    }
    CHECK(persons >= 2);
    khabar_doc_free(d);
}

static void entities(void)
{
    const char *text = "وقال الرئيس السوري بشار الأسد في دمشق إن الأمم المتحدة "
                       "تدعم وبيروت.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_entity *e = khabar_doc_entities(d);
    size_t i, per = 0, loc = 0, org = 0;
    for (i = 0; i < khabar_doc_entity_count(d); i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "%.*s", (int)(e[i].end - e[i].start),
                 text + e[i].start);
        per += e[i].type == KHABAR_ENT_PER && !strcmp(buf, "بشار الأسد");
        loc += e[i].type == KHABAR_ENT_LOC &&
               (!strcmp(buf, "دمشق") || !strcmp(buf, "بيروت"));
        org += e[i].type == KHABAR_ENT_ORG && !strcmp(buf, "الأمم المتحدة");
    }
    CHECK(per == 1);
    CHECK(loc == 2); /* بيروت without its و */
    CHECK(org == 1);
    CHECK(strcmp(khabar_entity_type_name(KHABAR_ENT_ORG), "ORG") == 0);
    CHECK(strcmp(khabar_upos_name(KHABAR_UPOS_PROPN), "PROPN") == 0);
    khabar_doc_free(d);
}

/* Counts the entities of a type whose text is want. */
static size_t count_entity(const khabar_doc *d, const char *text, int type,
                           const char *want)
{
    const khabar_entity *e = khabar_doc_entities(d);
    size_t i, k = 0, n = strlen(want);
    for (i = 0; i < khabar_doc_entity_count(d); i++)
        k += e[i].type == type && e[i].end - e[i].start == n &&
             memcmp(text + e[i].start, want, n) == 0;
    return k;
}

/* The second look over the doc: a name after a person title, the same
 * name again, and a surname tagged as a place. */
static void document_rules(void)
{
    const char *text =
        "وقال مدير مكتب الوكالة في موسكو تيمور كشج إن الرئيس وصل مساء.\n"
        "وبين كشج أن الطرفين ناقشا الملف.\n"
        "وقال مراسل القناة في بغداد زياد دولج إن الوضع هادئ. "
        "وذكر دولج أن الطرق مفتوحة.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    /* تيمور is also a country: the place the tagger may see runs on into
     * an unknown word where the title's complements end, a person. */
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "تيمور كشج") +
              count_entity(d, text, KHABAR_ENT_PER, "كشج") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "كشج") >= 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "زياد دولج") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "دولج") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "دولج") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "موسكو") == 1);
    {
        /* A person's name of one word that the gazetteer knows only as a
         * place is the place (the office's complement). */
        static const char t2[] = "وأوضح محافظ ينبع أن المشروع اكتمل.\n";
        khabar_doc *d2 = khabar_analyze(t_model, t2, strlen(t2), NULL);
        CHECK(count_entity(d2, t2, KHABAR_ENT_LOC, "ينبع") == 1);
        CHECK(count_entity(d2, t2, KHABAR_ENT_PER, "ينبع") == 0);
        khabar_doc_free(d2);
    }
    {
        /* Still in input order. */
        const khabar_entity *e = khabar_doc_entities(d);
        size_t i;
        for (i = 1; i < khabar_doc_entity_count(d); i++)
            CHECK(e[i - 1].end <= e[i].start);
    }
    khabar_doc_free(d);
}

/* What the words around a name say of it: a place word before it, a name
 * in parentheses after another, a demonstrative or a language. */
static void names_in_context(void)
{
    const char *text =
        "وصلت قافلة المساعدات إلى معبر كيريم شالوم (كرم أبو سالم) صباح الأحد "
        "بعد انتظار طويل.\n"
        "كانت محتويات هذه الحزم، التي تضم أرزا وزيتا، تكفي أسرة كاملة.\n"
        "الإسرائيلية نوعا أبراهام تغني بالعربية وتنهل من ذاكرة جدتها "
        "اليمنية\n"
        "وقالت منظمة \"جيشا\" غير الحكومية إن إغلاق المعبر يضر بالمدنيين.\n"
        "وبالنسبة لقناة \"حنبعل\" فقد لاحظت الهيئة عدة مخالفات في برامجها.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "كيريم شالوم") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "كرم أبو سالم") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الحزم") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "العربية") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "منظمة") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "جيشا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "حنبعل") == 1);
    khabar_doc_free(d);
    /* Two names joined by a hyphen are one, of the first one's type. */
    text = "وتعهدت شركة \"كوين-تشيك\" برد الأموال إلى عملائها.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "كوين-تشيك") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "تشيك") == 0);
    khabar_doc_free(d);
    /* A word with a pronoun is no name (جنينها, her fetus, not Jenin),
     * nor made one by the name elsewhere in the doc. */
    text = "فقدت المرأة جنينها في الشهر الخامس.\n"
           "وأكد الأطباء أن جنينها سليم بعد الحادث في جنين.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "جنين") == 1);
    khabar_doc_free(d);
    /* A place word with a pronoun (ولايته, his term) announces no place. */
    text = "يغادر الرئيس المنتهية ولايته باراك أوباما البيت الأبيض غدا.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "باراك أوباما") == 0);
    khabar_doc_free(d);
}

/* A word that ends an organization's name the doc gives is that
 * organization alone (a club's short name), not a person; a family's
 * name after آل stays the person. */
static void short_org_names(void)
{
    const char *text =
        "فاز مانشستر سيتي على ليفربول في الدوري الإنجليزي. وكان سيتي في "
        "طريقه لحسم المباراة بعد أن تقدم بهدف، وفي بداية الشوط الثاني "
        "استعاد سيتي التقدم.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "مانشستر سيتي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "سيتي") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "سيتي") == 0);
    khabar_doc_free(d);
}

/* A conjunction or preposition and the article glued to a known word, a
 * token the segmenter keeps whole, is no name; names spelled so stay. */
static void article_glued_no_name(void)
{
    const char *text =
        "وزير الشئون البلدية والقروية يفتتح المعرض\n\n"
        "افتتح وزير الشئون البلدية والقروية رئيس اللجنة العامة المعرض "
        "الدولي للبناء أمس.\n\n"
        "ويلعب الفريق في بالنسيا الإسبانية ثم في كاليفورنيا وبالتيمور.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "والقروية") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بالنسيا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "كاليفورنيا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بالتيمور") == 1);
    khabar_doc_free(d);
}

/* A name right after المسجد is the mosque's, a miscellaneous name whole
 * (not the organization الحرام), and so are البيت الحرام and بيت الله
 * الحرام. */
static void mosque_names(void)
{
    const char *text =
        "أدى الوفد صلاة العيد في المسجد الحرام بمكة المكرمة. واقتحم "
        "مستوطنون المسجد الأقصى. وتعكس التوسعة الاهتمام بزوار بيت الله "
        "الحرام.\n\nوتهدف المشاريع لخدمة قاصدي البيت الحرام.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "المسجد الحرام") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "المسجد الأقصى") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "بيت الله الحرام") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "البيت الحرام") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الحرام") == 0);
    khabar_doc_free(d);
}

/* Idioms that read as names: thanks to God (بتوفيق الله, بعد توفيق
 * الله, بحمد الله), the adverb دوما (always) and the participle جار (under
 * way). A name before a pious wish keeps its own words (نايف رحمه الله). */
static void idioms_no_names(void)
{
    const char *text =
        "وتحدث عنه الأمير نايف - رحمه الله - في لقاء قديم.\n\n"
        "وكان الصحابة رضوان الله عليهم يصغون إليه.\n\n"
        "وقال المدير إن النجاح تحقق بعد توفيق الله بجهود الفريق. "
        "وتمت الدورة بتوفيق الله وبحمد الله دون حوادث.\n\n"
        "وقالت المتحدثة: نسعى دوما إلى الالتزام بواجباتنا. "
        "وهاجم مستوطنون منزلا في قرية دوما جنوب نابلس.\n\n"
        "وأوضح المسؤول أن العمل جار على ربط الجهات.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نايف") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رحمه الله") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رضوان الله") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "توفيق الله") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "حمد الله") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "دوما") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "جار") == 0);
    khabar_doc_free(d);
}

/* A place the gazetteer knows whole that the segmenter cut after a first
 * letter like a proclitic's (لوزان, not ل + وزان) is the whole word,
 * unless our lists know the rest as a name (و + جدة). */
static void place_written_whole(void)
{
    const char *text;
    khabar_doc *d;
    text = "وعقدت المحادثات في مدينة لوزان السويسرية. "
           "ووصل الوفد إلى لوزان مساء أمس، ثم زار الرياض وجدة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "لوزان") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "وزان") == 0);
    /* (and جدة after و is Jeddah, which the lists know, not Oujda) */
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "جدة") == 1);
    khabar_doc_free(d);
    /* واس, the Saudi agency, tagged a place as و + اس: the organization */
    text = "وتلقت وكالة الأنباء السعودية \"واس\" نسخة من البيان.\n\n"
           "واس - الرياض: أكملت الإدارة العامة للتعليم استعداداتها.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "واس") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "اس") == 0);
    khabar_doc_free(d);
}

/* بي alone is ب with the first person's ي (calls me, mine), no name;
 * beside another letter's name it spells one (بي بي سي). */
static void to_me_no_name(void)
{
    const char *text =
        "مرت عشرة أيام قبل أن يتصل بي المخرج ثانية.\n\n"
        "وقالت إنها مشغولة بالعمل الخاص بي في دبي.\n\n"
        "وقال لشبكة بي بي سي إن شركة بي إم دبليو ستنتج سيارة.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "بي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "بي بي سي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "بي إم دبليو") == 1);
    khabar_doc_free(d);
    /* Dotted to other letters, it is one of them: the abbreviation is one
     * name, an organization's where the tagger saw one in it. */
    text = "وكان ضابطا سابقا في جهاز كيه.جي.بي السوفيتي.\n\n"
           "وأفادت شبكة \"إيه.بي.سي\" التلفزيونية بالخبر.\n\n"
           "وقال لتلفزيون \"ان.بي.سي\" إن الاتفاق صامد.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "كيه.جي.بي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "إيه.بي.سي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ان.بي.سي") == 1);
    CHECK(khabar_doc_entity_count(d) == 3);
    khabar_doc_free(d);
}

/* What a scraped page leaves in the text, its style sheet and its
 * buttons, is no name; a name the buttons run into starts after them. Nor
 * is a format's acronym alone (SMS). */
static void page_leftovers(void)
{
    const char *text =
        "استطلاع الرأي\n\n.vote_box { zbackground: #FFFFFF; zbackground: "
        "-webkit-gradient(linear, left top, left 25, from(#fff), "
        "to(#f8f8f8)); zborder:solid 1px #ccc; z-webkit-border-radius: 5px; "
        "padding: 4px; } .vote_box li { list-style: none; zborder: solid "
        "1px; margin: 5px; text-shadow: 0 1px 0 white; }\n"
        "وقال المتحدث باسم شركة Apple إن الهاتف الجديد سيطرح قريبا.\n\n"
        "الشباب يهزم الفتح بثلاثية\n\n Next Previous عين اليوم – الرياض\n"
        "فاز الشباب على الفتح بثلاثة أهداف.\n\n"
        "Next Previous أحمد حجازي يكتب عن المباراة.\n\n"
        "للتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز 61 ثم رسالتك.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const size_t css_end = (size_t)(strstr(text, "وقال") - text);
    const khabar_entity *e;
    size_t i;
    CHECK(d != NULL);
    e = khabar_doc_entities(d);
    for (i = 0; i < khabar_doc_entity_count(d); i++) {
        CHECK(e[i].start >= css_end);
        CHECK(strncmp(text + e[i].start, "Next", 4) != 0);
        CHECK(strncmp(text + e[i].start, "Previous", 8) != 0);
    }
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "Apple") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "أحمد حجازي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "SMS") == 0);
    khabar_doc_free(d);
}

/* Names that meet: two people joined by و, a place and the person after
 * a title (make eval's seed article). */
static void name_boundaries(void)
{
    const char *text =
        "انضم كانافارو وإيمرسون إلى ريال مدريد الإسباني.\n"
        "وقال مدير مكتب الجزيرة في موسكو زاور شوج إن الرئيس وصل.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "كانافارو") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "إيمرسون") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "موسكو") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "زاور شوج") == 1);
    khabar_doc_free(d);
    /* A kin with و and a pronoun (وابنها) between two names parts them,
     * and is neither. */
    text = "وأصيبت رهام وابنها أحمد بحروق خطيرة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رهام") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "أحمد") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رهام وابنها أحمد") == 0);
    khabar_doc_free(d);
    /* An organization's name run into a person's by و is two names when
     * the gazetteer knows each part; one whose parts are no names stays
     * whole. */
    text = "وتتهم الحكومة الرئيس السابق علي عبد الله صالح بدعم المتمردين.\n\n"
           "وتستمر المواجهات بين المسلحين المحليين المدعومين بالتحالف وقوات "
           "الحوثي وصالح في مدينة تعز الواقعة شمال عدن.\n\n"
           "وفاز حزب العدالة والتنمية في الانتخابات التركية.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الحوثي وصالح") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الحوثي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "صالح") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "حزب العدالة والتنمية") == 1);
    khabar_doc_free(d);
    /* A hyphen joins a name; a word the doc names otherwise (نوبل, a
     * prize) does not begin one. */
    text = "فازت نادية مراد بجائزة نوبل للسلام. وتمنح جائزة نوبل كل عام.\n"
           "وقالت رئيسة لجنة نوبل بيريت ريس-أندرسن إن الفائزين يستحقونها.\n"
           "وحذر وزير الدفاع الفرنسي جان-ايف لو دريان من الخطر.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بيريت ريس-أندرسن") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "جان-ايف لو دريان") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نوبل") == 0);
    {
        const khabar_entity *e = khabar_doc_entities(d);
        size_t i;
        for (i = 1; i < khabar_doc_entity_count(d); i++)
            CHECK(e[i - 1].end <= e[i].start);
    }
    khabar_doc_free(d);
    /* after a title's في comes its complement, not a name */
    text = "ومؤامرة الانقلاب على النظام الحاكم في ديسمبر عام 2013.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ديسمبر") == 0);
    khabar_doc_free(d);
    /* a person's name does not end with a particle */
    text = "وتوصل لويجي دي مايو وماتيو سالفيني إلى اتفاق.\n"
           "وقال مارك فان دونجين إنه بخير.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "لويجي دي مايو") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "مارك فان دونجين") == 1);
    khabar_doc_free(d);
    /* فان of a Dutch name is no ف + ان; a person's name does not begin
     * with الله (فتح الله), and الله alone is no person */
    text = "وقال المدرب لويس فان غال إن الفريق جاهز.\n"
           "واتهمت أنقرة الداعية فتح الله غولن بتدبير المحاولة.\n"
           "وصلى المؤمنون في بيوت الله.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "لويس فان غال") +
              count_entity(d, text, KHABAR_ENT_PER, "فان غال") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ان غال") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "فتح الله غولن") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "الله غولن") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "الله") == 0);
    khabar_doc_free(d);
    /* a first half of a compound name before الله that the tagger calls
     * God: the man (الملا فضل الله) */
    text = "وأكد مسؤولون مقتل الملا فضل الله زعيم الجماعة المسلحة في غارة "
           "جوية قرب الحدود.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "فضل الله") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "الله") == 0);
    khabar_doc_free(d);
    text = "وجاء في نص البيان :\n"
           "قال الله تعالى ( والعدل أساس الحكم ).\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "قال الله تعالى") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "الله تعالى") == 0);
    khabar_doc_free(d);
    /* بو of a Maghrebi surname is kept in the name (not ب + وهلال), which
     * is then one name with the words before it */
    text = "عثر على الهاتف في جوال \"محمد الحويج بوهلال\" منفذ الهجوم.\n"
           "وكان بوهلال يعيش في المدينة منذ سنوات.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "وهلال") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد الحويج بوهلال") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بوهلال") == 1);
    khabar_doc_free(d);
    /* the ب of بان is the name's, not ب + ان */
    text = "وقال الأمين العام للأمم المتحدة بان كي مون إن المفاوضات "
           "مستمرة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بان كي مون") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ان كي مون") == 0);
    khabar_doc_free(d);
    /* فإن before a name is no particle of it (فان of a Dutch name is,
     * written as such) */
    text = "وبحسب الصحيفة الإسبانية فإن ليونيل ميسي سيبدأ مرحلة جديدة.\n"
           "ووفقا لحساب الرئاسة فإن الأسد تعهد بمواصلة الحرب.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    {
        size_t i, len;
        const char *t = khabar_doc_text(d, &len);
        const khabar_entity *en = khabar_doc_entities(d);
        for (i = 0; i < khabar_doc_entity_count(d); i++)
            CHECK(en[i].end - en[i].start < 6 ||
                  memcmp(t + en[i].start, "فإن", 6) != 0);
    }
    khabar_doc_free(d);
    /* two family names side by side are two people */
    text = "وأجرى بنيامين نتنياهو اتصالا مع فلاديمير بوتين.\n"
           "حذر نتنياهو بوتين من أن \"تسليم أنظمة متطورة سيزيد "
           "المخاطر\".\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نتنياهو بوتين") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نتنياهو") == 1);
    khabar_doc_free(d);
    /* a currency after a number is a miscellaneous name, no person */
    text = "ورصدت الصين مكافأة بقيمة ألفي يوان لكل من يبلغ عن هجوم.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "يوان") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "يوان") == 0);
    khabar_doc_free(d);
    /* a place the gazetteer spells with another letter for g (بنغالور,
     * written بنجالور) is that place */
    text = "يعمل المهندسون في مركز للشركات الناشئة في بنجالور، حيث "
           "افتتحت الشركة مكتبا جديدا.\n"
           "وتعد \"بنجالور\" مركزا تكنولوجيا مهما في الهند منذ عقدين.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بنجالور") == 2);
    khabar_doc_free(d);
    /* a trigger the tagger calls an organization alone, before a quoted
     * name: the organization is the quoted name, with the names the
     * tagger found in it (أوكسفام | أمريكا) */
    text = "وقالت منظمة \"أوكسفام أمريكا\" الخيرية إن المساعدات تأخرت.\n"
           "لكن منظمة \"ميشين لايفلاين\" نشرت لاحقا صورا للسفينة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "أوكسفام أمريكا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ميشين لايفلاين") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "منظمة") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "أمريكا") == 0);
    khabar_doc_free(d);
    /* a name in quotation marks after an organization's word is all the
     * quoted words, written whole: no future س, no preposition في */
    text = "وقالت شركة «ستان كوربوريشين» إن أرباحها ارتفعت هذا العام.\n"
           "واستحوذت شركة «في إس بي» على حصة في المصنع.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ستان كوربوريشين") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "في إس بي") == 1);
    khabar_doc_free(d);
    /* the era after a year is no name (ميلاديا: of the Common Era) */
    text = "وعثر الفريق على نقش يعود إلى نحو 640 ميلاديا قرب الواحة، "
           "وعلى عملة من عام 120 هجريا.\n"
           "ويعود المخطوط إلى الفترة بين عام 560 و640 ميلاديا، وفق "
           "الباحثين.\n"
           "وعاش الشاعر (نحو 500 - 560 ميلاديا) في نجد.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    {
        int ty;
        for (ty = KHABAR_ENT_PER; ty <= KHABAR_ENT_MISC; ty++) {
            CHECK(count_entity(d, text, ty, "ميلاديا") == 0);
            CHECK(count_entity(d, text, ty, "هجريا") == 0);
        }
    }
    khabar_doc_free(d);
    /* an organization the gazetteer knows whole, of three words or more,
     * over the place the tagger sees inside it */
    text = "اجتمع قادة مجلس التعاون لدول الخليج العربية في الدوحة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG,
                       "مجلس التعاون لدول الخليج العربية") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الخليج العربية") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الدوحة") == 1);
    khabar_doc_free(d);
    /* a place the lists know whole, which the tagger cuts into a place
     * that is none by itself (بحر | الصين الجنوبي), is that place; a place
     * that is one by itself stays as ANERcorp has it (مكة of مكة المكرمة) */
    text = "أجرت البحرية الأمريكية مناورات في بحر الصين الجنوبي أمس، "
           "وقالت بكين إن السفن دخلت مياه بحر الصين الجنوبي دون إذن.\n"
           "وتوجه آلاف الحجاج إلى المسجد الحرام في مكة المكرمة، فيما زار "
           "آخرون المسجد النبوي في المدينة المنورة.\n"
           "وتصاعد التوتر في بحر الصين الشرقي حيث تتنازع اليابان والصين "
           "على جزر صغيرة.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بحر الصين الجنوبي") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الصين الجنوبي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بكين") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "مكة") == 1);
    khabar_doc_free(d);
    /* a country the lists know whole, where the tagger found a place
     * inside it that is no country (the continent of جنوب أفريقيا), is
     * that country; where the part is a country, the title before it is
     * left out (دولة قطر) */
    text = "وصل وفد من جنوب أفريقيا إلى الدوحة أمس، وأشاد رئيسه بدور دولة "
           "قطر في الوساطة بين الطرفين.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "جنوب أفريقيا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "أفريقيا") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "قطر") == 1);
    khabar_doc_free(d);
    /* a word with a proclitic and the article is in no person's name */
    text = "والتقى الوزير محمد سعيد بالسفير محمد سعد أمس.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد سعيد") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد سعد") == 1);
    khabar_doc_free(d);
    /* و or ل before a foreign name in ي that no list knows is the name's
     * letter (ويلفريد, ليو); before one the lists know, a proclitic */
    text = "وتحدث المدرب ويلفريد نانسي مع اللاعبين، ووصل ويوسف الشريف.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ويلفريد نانسي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "يوسف الشريف") == 1);
    khabar_doc_free(d);
    /* ولي before العهد or another ولي is the title, not the name's */
    text = "واستقبل الأمير محمد بن سلمان ولي ولي العهد الوفد أمس.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد بن سلمان") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد بن سلمان ولي") == 0);
    khabar_doc_free(d);
    /* ... also written with the article (الكوت ديفوار) */
    text = "وفاز منتخب الكوت ديفوار على مضيفه في أبيدجان.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الكوت ديفوار") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الكوت") == 0);
    khabar_doc_free(d);
    /* و + a first name the segmenter cut again (وبشار: و+ب+شار): the name
     * starts after the و only */
    text = "واتهم المتظاهرون إيران، وبشار الأسد، بقمع الاحتجاجات.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بشار الأسد") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "شار الأسد") == 0);
    khabar_doc_free(d);
    /* a first name the segmenter takes for ل + a word (ليلى: ل+يلى) is
     * whole in the name */
    text = "وأفادت الدكتورة ليلى الماطري أن المرضى بخير.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ليلى الماطري") == 1);
    khabar_doc_free(d);
}

/* The recognizer's memory of a doc's hosts: types add up per key, key 0
 * is none, the table grows past its first size and forgets on clear. */
static void history(void)
{
    kh_ner_history h;
    uint64_t k;
    int ok = 1;
    memset(&h, 0, sizeof h);
    CHECK(kh_ner_history_get(&h, 42) == 0);
    CHECK(kh_ner_history_add(&h, 42, KHABAR_ENT_PER) == 0);
    CHECK(kh_ner_history_add(&h, 42, KHABAR_ENT_LOC) == 0);
    CHECK(kh_ner_history_add(&h, 0, KHABAR_ENT_ORG) == 0);
    CHECK(kh_ner_history_get(&h, 42) == 3);
    CHECK(kh_ner_history_get(&h, 0) == 0);
    for (k = 1; k <= 1000; k++)
        CHECK(kh_ner_history_add(&h, k * 0x9E3779B97F4A7C15ull,
                                 (int)(k % 4) + 1) == 0);
    for (k = 1; k <= 1000; k++)
        ok &= kh_ner_history_get(&h, k * 0x9E3779B97F4A7C15ull) ==
              1u << (k % 4);
    CHECK(ok);
    CHECK(kh_ner_history_get(&h, 42) == 3);
    kh_ner_history_clear(&h);
    CHECK(kh_ner_history_get(&h, 42) == 0);
    CHECK(kh_ner_history_add(&h, 42, KHABAR_ENT_MISC) == 0);
    CHECK(kh_ner_history_get(&h, 42) == 8);
    kh_ner_history_free(&h);
}

/* A gazetteer without some sources' entries: every other entry is found
 * as before, none of those. */
static void gazetteer_without(void)
{
    const kh_gazetteer *g = &t_model->gaz;
    const unsigned ignore = KH_GAZ_SRC_ANERCORP | KH_GAZ_SRC_WIKIFANE;
    kh_gazetteer w;
    uint32_t i, kept = 0, gone = 0, right = 0;
    if (!t_model->has_gazetteer)
        return;
    CHECK(kh_gazetteer_without(g, ignore, &w) == 0);
    for (i = 0; i < g->n_slots; i++) {
        const kh_gaz_entry *e = &g->slots[i].e, *f;
        if (!e->key_len)
            continue;
        f = kh_gazetteer_lookup(&w, g->pool + e->key, e->key_len);
        if (e->sources & ~ignore) {
            kept++;
            right += f && f->mask == e->mask;
        } else {
            gone++;
            right += !f;
        }
    }
    CHECK(kept == w.n_entries && gone > 0 && kept > 0);
    CHECK(right == kept + gone);
    kh_gazetteer_free(&w);
}

/* The filters built at load: every name of two words or more passes the
 * names filter, and each of its proper prefixes the prefix filter; few
 * keys that are no name pass the first. */
static void gazetteer_filters(void)
{
    const kh_gazetteer *g = &t_model->gaz;
    uint32_t i, j, names = 0, missed = 0, passed = 0;
    if (!t_model->has_gazetteer)
        return;
    CHECK(g->names != NULL && g->prefixes != NULL);
    for (i = 0; i < g->n_slots; i++) {
        const kh_gaz_entry *e = &g->slots[i].e;
        const char *k = g->pool + e->key;
        uint32_t h = 2166136261u, at = 0;
        if (e->n_tokens < 2)
            continue;
        names++;
        missed += !kh_gazetteer_may_be_name(g, kh_gaz_hash(k, e->key_len));
        /* word by word, as the recognizer hashes a growing key */
        for (j = 0; j <= e->key_len; j++) {
            if (j < e->key_len && k[j] != ' ')
                continue;
            h = kh_gaz_hash_more(h, k + at, j - at);
            if (j < e->key_len)
                missed += !kh_gazetteer_may_extend(g, h);
            at = j;
        }
        missed += h != kh_gaz_hash(k, e->key_len);
    }
    CHECK(names > 1000 && missed == 0);
    for (i = 0; i < 10000; i++) {
        char key[32];
        int n = snprintf(key, sizeof key, "كلمة %u أخرى", i);
        passed += kh_gazetteer_may_be_name(g, kh_gaz_hash(key, (size_t)n));
    }
    CHECK(passed < 1000);
}

/* The doc cues: a name's other mentions, and what stands before them. */
static void doc_cues(void)
{
    const char *text = "قال الرئيس كوماروف إن الوضع هادئ.\n"
                       "وأكد كوماروف أن الطرق مفتوحة، وقال كوماروف.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_token *tk;
    size_t n, i, k = 0, at[3];
    uint8_t *cues, *seen;
    CHECK(d != NULL);
    tk = khabar_doc_tokens(d);
    n = khabar_doc_token_count(d);
    for (i = 0; i < n && k < 3; i++) {
        if (tk[i].end - tk[i].start >= strlen("كوماروف") &&
            memcmp(text + tk[i].end - strlen("كوماروف"), "كوماروف",
                   strlen("كوماروف")) == 0)
            at[k++] = i;
    }
    CHECK(k == 3);
    cues = malloc(n);
    seen = malloc(n);
    CHECK(cues && seen);
    CHECK(kh_ner_cues(d, &d->model->gaz, 0, 0, n, cues, seen) == 0);
    /* Each mention has two others; only the first stands after a title, so
     * the other two see one there, and the first does not. */
    for (i = 0; i < 3; i++)
        CHECK(seen[at[i]] == 2);
    CHECK(!(cues[at[0]] & 1u << KH_NER_CUE_TITLE));
    CHECK(cues[at[1]] & 1u << KH_NER_CUE_TITLE);
    CHECK(cues[at[2]] & 1u << KH_NER_CUE_TITLE);
    CHECK(seen[0] == 1); /* قال, and وقال's host */
    /* A part of the doc sees only its own tokens. */
    CHECK(kh_ner_cues(d, &d->model->gaz, 0, at[1], n, cues, seen) == 0);
    CHECK(seen[0] == 1 && !(cues[0] & 1u << KH_NER_CUE_TITLE));
    free(cues);
    free(seen);
    khabar_doc_free(d);
}

/* A ل that swallowed the name's article starts the name: للصين, not the
 * letters لصين; و before a name stays out (وبيروت: بيروت). */
static void swallowed_article(void)
{
    const char *text = "سافر الوفد التجاري للصين الأسبوع الماضي، ثم قدم "
                       "تقريره للأمم المتحدة وزار دمشق وبيروت. وقال رئيس "
                       "الوفد إن الصين سوق واعدة.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "للصين") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "لصين") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الصين") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "للأمم المتحدة") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "بيروت") == 1);
    khabar_doc_free(d);
}

/* An institution or a place named after a person: the trigger, the title,
 * the name and its adjectives are one (ORG, or LOC after a place trigger);
 * the person
 * elsewhere in the doc is PER, and إدارة is run by its person. */
static void named_after_persons(void)
{
    const char *text = "نقل المصاب إلى مستشفى الملك فهد في المدينة، ثم زار "
                       "الوفد شارع الملك فيصل. وافتتح مركز الملك فيصل "
                       "للدراسات معرضا عن حياة الملك فيصل بن عبدالعزيز آل "
                       "سعود. ويعمل المعهد تحت إدارة الأمير خالد بن سعد. "
                       "ووصل الوفد إلى مطار الملك خالد الدولي صباحا.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_entity *e = khabar_doc_entities(d);
    size_t i, idara = 0;
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "مستشفى الملك فهد") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "شارع الملك فيصل") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "مركز الملك فيصل") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الملك فيصل") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "مطار الملك خالد الدولي") ==
          1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER,
                       "فيصل بن عبدالعزيز آل سعود") == 1);
    for (i = 0; i < khabar_doc_entity_count(d); i++)
        idara += memcmp(text + e[i].start, "إدارة", strlen("إدارة")) == 0;
    CHECK(idara == 0);
    khabar_doc_free(d);
}

/* The trigger and title tagged an organization, the name after them a
 * person: the name is the institution's (جامعة الملك | عبدالعزيز), and
 * a person named right after it keeps the rest of the words. */
static void named_after_split(void)
{
    const char *text =
        "جامعة الملك عبدالعزيز توقع اتفاقية مع جامعة أكسفورد\n\n"
        "وقع مدير جامعة الملك عبدالعزيز المكلف الدكتور سالم بن فهد الحارثي "
        "اتفاقية تعاون بحثي مع جامعة أكسفورد لمدة عامين. وقال وكيل جامعة "
        "الملك عبدالعزيز عبدالله بن سعد الحربي إن الاتفاقية تشمل تبادل "
        "الباحثين.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "جامعة الملك عبدالعزيز") ==
          3);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "عبدالعزيز") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "عبدالله بن سعد الحربي") ==
          1);
    khabar_doc_free(d);
}

/* لله is ل + الله with the article's alef gone and no host restored (له):
 * a name there starts at the ل, never as the pronoun-like letters له. */
static void lillah(void)
{
    const char *text = "وقال اللاعب بعد المباراة: الحمد لله على الفوز، "
                       "والشكر لله ثم للجمهور.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_entity *e = khabar_doc_entities(d);
    size_t i, bad = 0;
    CHECK(d != NULL);
    for (i = 0; i < khabar_doc_entity_count(d); i++)
        bad += e[i].end - e[i].start == 4 &&
               memcmp(text + e[i].start, "له", 4) == 0;
    CHECK(bad == 0);
    khabar_doc_free(d);
}

/* أو and a word with tanwin are no part of a person's name: two players
 * joined by "or", and an adverbial accusative after a name. */
static void or_and_tanwin(void)
{
    const char *text = "ويغيب عن المباراة بيل أو خيسي بسبب الإصابة. ودخل "
                       "ابن حمزة منتهزًا الفرصة، وقال الحارس أحمد "
                       "الدوسري ساخراً إن الهدف جاء متأخرا.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بيل أو خيسي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بيل") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "خيسي") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ابن حمزة منتهزًا") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ابن حمزة") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "أحمد الدوسري ساخراً") == 0);
    khabar_doc_free(d);
}

/* A kinship noun with the first person's ي is no person (my son). */
static void my_kin_no_name(void)
{
    const char *text = "وروت الأم قصتها للصحيفة: تعرض ابني للأذى قبل سنوات، "
                       "وما زال ابني يتلقى العلاج. وقالت إن زوجي لم يتركنا "
                       "يوما.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ابني") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "زوجي") == 0);
    khabar_doc_free(d);
}

/* Two persons' names, one a line (a list of names or tags), are two. */
static void names_a_line(void)
{
    const char *text = "وشارك في الندوة كل من:\nجمال خاشقجي\nبشار الأسد\n"
                       "سوريا\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    const khabar_entity *e;
    size_t i, across = 0;
    CHECK(d != NULL);
    e = khabar_doc_entities(d);
    for (i = 0; i < khabar_doc_entity_count(d); i++)
        across += memchr(text + e[i].start, '\n', e[i].end - e[i].start) != NULL;
    CHECK(across == 0);
    khabar_doc_free(d);
}

/* A person's name ends with its last word whole, the letters the
 * segmenter reads as a pronoun included; عبده is no particle that the
 * next word continues (محمد عبده إن ...). */
static void whole_last_word(void)
{
    const char *text = "وقال المطرب محمد عبده إن الحفل كان ناجحا. وقال عمدة "
                       "البلدة هانز كروبه إن المدينة جاهزة لاستقبال "
                       "الزوار، وأشاد بالممثل كريستوفر لي.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد عبده") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد عبده إن") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "هانز كروبه") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "كريستوفر لي") == 1);
    khabar_doc_free(d);
}

/* و before a name is no letter of it, though ANERcorp (whose tokens are
 * whole) gives the gazetteer وعبد; its ل, س, ف are a name's (ليو). */
static void wa_before_name(void)
{
    const char *text = "وحضر الاجتماع الوزير سامي الحربي وعبد العزيز "
                       "الخالدي، كما شارك اللاعب ليو ميسي في الحفل.";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "وعبد العزيز الخالدي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "عبد العزيز الخالدي") == 1);
    khabar_doc_free(d);
}

/* The sides of a match in a doc about sport are teams: untagged nouns
 * (الهلال, a common word elsewhere) and names tagged as places or persons
 * (ليغانيس), and a one-word team again where the doc names it alone; no
 * nationality after the name (ليل الفرنسي is ليل). Outside sport, and
 * with a person's name or a country, nothing changes. */
static void match_sides(void)
{
    const char *text =
        "فاز الهلال على النصر بهدفين في مباراة الدوري مساء الأحد.\n"
        "وسجل اللاعب سالم الدوسري هدفي الفريق، ورفع الهلال رصيده إلى 40 "
        "نقطة.\n"
        "وخسر ليغانيس أمام إشبيلية، وتعادل ليل الفرنسي مع ميلان.\n"
        "وتغلب المغرب على الجزائر في المباراة الودية.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الهلال") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "النصر") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ليغانيس") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "إشبيلية") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ليل") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "ليل الفرنسي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "سالم الدوسري") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "المغرب") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "الجزائر") == 1);
    khabar_doc_free(d);
    /* no sport: a crescent and a victory */
    text = "وقال الفلكي إن الهلال يغرب قبل الشمس، وإن رؤية الهلال مستحيلة "
           "مساء الأحد.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الهلال") == 0);
    khabar_doc_free(d);
    /* a match noun, then two sides joined by و; facing challenges is no
     * match, nor an ambassador or the day of the match a team */
    text = "وانتهت مباراة الريدز والريال بفوز الريال، وقال مدرب الفريق إن "
           "اللاعبين قدموا مباراة كبيرة في مواجهة التحديات والأخطار.\n"
           "وحضر اللقاء السفير معصوم مرزوق.\n"
           "ويأمل المدرب الفوز في مباراة الغد والتتويج باللقب.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الريدز") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الريال") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "التحديات") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الأخطار") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "معصوم مرزوق") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الغد") == 0);
    khabar_doc_free(d);
}

/* هلال before a Hijri month is the new moon; هلال before a family name
 * is a person. Outside sport, a club of the corpora is a common word. */
static void new_moon(void)
{
    const char *text = "ودعت المحكمة إلى تحري رؤية هلال شوال مساء الأحد، "
                       "كما أعلنت ثبوت هلال رمضان وهلال ذي الحجة.\n"
                       "وقال هلال الساعدي إن الرؤية ممكنة.\n"
                       "وأصدر المعهد بلاغا بخصوص رؤية هلال شهر رمضان، "
                       "وأضاف أنه يمكن رؤية هلال بداية الشهر يوم الجمعة.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    size_t i;
    CHECK(d != NULL);
    for (i = 0; i < khabar_doc_entity_count(d); i++) {
        const khabar_entity *e = &khabar_doc_entities(d)[i];
        CHECK(e->type != KHABAR_ENT_PER ||
              (e->end - e->start == strlen("هلال الساعدي") &&
               memcmp(text + e->start, "هلال الساعدي", e->end - e->start) ==
                   0));
    }
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "هلال الساعدي") == 1);
    khabar_doc_free(d);
    /* with no word of sport, a common word that only the NER corpora name
     * (as a club) is that word: the lands of مفتي القدس والديار المقدسة */
    text = "وحضر مفتي القدس والديار المقدسة الصلاة في المسجد.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "الديار") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "القدس") == 1);
    khabar_doc_free(d);
}

/* No name ends with a preposition (عن, من), even after فون read as von;
 * علي is a name's word, and تي في a channel's. */
static void preposition_tail(void)
{
    const char *text = "ويوما بعد إعلان نبيل بفون عن استعداد الهيئة "
                       "لتنظيم استفتاء.\nوقال الوزير محمد علي إن القرار "
                       "نهائي.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نبيل بفون") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نبيل بفون عن") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد علي") == 1);
    khabar_doc_free(d);
    /* nor with one letter alone (س, the hour), which is no name alone
     * either */
    text = "الملعب البلدي : محمود قصيع س 15 : النجم - الصفاقسي : سليم "
           "المهذبي س 17\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمود قصيع") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمود قصيع س") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "س") == 0);
    khabar_doc_free(d);
    /* a common noun after the nasab ends the name; a family name there
     * does not */
    text = "القيادة تهنئ رئيس بوليفيا بذكرى استقلال بلاده\n\n بعث خادم "
           "الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة إلى الرئيس "
           "إيفو موراليس رئيس بوليفيا بمناسبة ذكرى استقلال بلاده. وأعرب الملك "
           "عن أطيب التهاني. كما بعث ولي العهد الأمير محمد بن نايف برقية "
           "تهنئة مماثلة للرئيس.\n"
           "وقال بندر بن محمد حجار إن العمل مستمر.\n"
           "وحضر الأمير نواف بن سعود بن هذلول الحفل.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "سلمان بن عبدالعزيز") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد بن نايف") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بندر بن محمد حجار") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "نواف بن سعود بن هذلول") == 1);
    khabar_doc_free(d);
    /* nor with لـ before the name of a paper */
    text = "وقال المدير رامي عبد الرحمن لـ \"الحياة\" إن العمل مستمر.\n";
    d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رامي عبد الرحمن") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "رامي عبد الرحمن لـ") == 0);
    khabar_doc_free(d);
}

/* A place the gazetteer writes as one word, written as two, is that
 * place. */
static void places_written_apart(void)
{
    const char *text = "وزار الوزير كوستا ريكا ثم سري لانكا ونيو زيلندا.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "كوستا ريكا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "سري لانكا") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_LOC, "نيو زيلندا") == 1);
    khabar_doc_free(d);
}

/* A name tagged a person right after a stadium is a miscellaneous name,
 * as ANERcorp tags ملعب سانتياغو, and so is the same name alone; not a
 * person's name the gazetteer knows. */
static void stadiums(void)
{
    const char *text =
        "وخسر الفريق على ملعب ويمبلي أمام توتنهام، وقال المدرب إن ويمبلي "
        "ملعب صعب.\nوافتتح ملعب محمد بن زايد في أبوظبي.\n"
        "وقال المدرب أرسين فينجر إن الكرة الآن في ملعب فينجر.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "ويمبلي") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "ويمبلي") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "محمد بن زايد") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "فينجر") == 0);
    khabar_doc_free(d);
}

/* A name right after a device is a product, and so is every name of the
 * doc with its first word; a maker tagged an organization stays one. */
static void device_products(void)
{
    const char *text =
        "وقالت الشركة إن مبيعات أجهزة آيفون إكس تراجعت في الربع الأخير.\n"
        "وقال المحلل بيتر كوك إن آيفون إكس لم يحقق التوقعات، وإن هاتف "
        "سامسونغ ينافس بقوة.\n";
    khabar_doc *d = khabar_analyze(t_model, text, strlen(text), NULL);
    CHECK(d != NULL);
    CHECK(count_entity(d, text, KHABAR_ENT_MISC, "آيفون إكس") == 2);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "آيفون إكس") == 0);
    CHECK(count_entity(d, text, KHABAR_ENT_PER, "بيتر كوك") == 1);
    CHECK(count_entity(d, text, KHABAR_ENT_ORG, "سامسونغ") == 1);
    khabar_doc_free(d);
}

/* kh_tag_fold byte by byte, as features.h defines it: a lead byte D8 or
 * D9 and the byte after it are one letter. */
static void fold_reference(const unsigned char *s, size_t n, unsigned char *o)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i], d = i + 1 < n ? s[i + 1] : 0;
        o[i] = c;
        if ((c != 0xD8 && c != 0xD9) || i + 1 >= n) {
            i++;
            continue;
        }
        o[i + 1] = d;
        if (c == 0xD8 && (d == 0xA2 || d == 0xA3 || d == 0xA5))
            o[i + 1] = 0xA7; /* آ أ إ -> ا */
        else if (c == 0xD8 && d == 0xA9)
            o[i] = 0xD9, o[i + 1] = 0x87; /* ة -> ه */
        else if (c == 0xD9 && d == 0x89)
            o[i + 1] = 0x8A; /* ى -> ي */
        else if (c == 0xD9 && d == 0xB1)
            o[i] = 0xD8, o[i + 1] = 0xA7; /* ٱ -> ا */
        i += 2;
    }
}

/* The folding of keys, sixteen bytes at a time where it can, gives what
 * the letters one by one give: on text, and on bytes of every kind
 * (leads after leads, a lead at the end, lengths about 16 and 32). */
static void fold_keys(void)
{
    static const unsigned char pick[] = {0xD8, 0xD9, 0xA2, 0xA3, 0xA5,
                                         0xA9, 0x89, 0xB1, 0xA7, 0x84,
                                         'a',  ' ',  0x80, 0xBF};
    unsigned char in[128], got[128], want[128];
    const char *text = "أإآة ى ٱلرحمن الأمم المتحدة والإمارات وإسرائيل مستشفى";
    uint64_t seed = 88172645463325252ull;
    size_t n, i, wrong = 0;
    int round;
    n = strlen(text);
    kh_tag_fold(text, n, (char *)got);
    fold_reference((const unsigned char *)text, n, want);
    CHECK(memcmp(got, want, n) == 0);
    CHECK(memcmp(got, "ااا", 6) == 0); /* أإآ */
    for (round = 0; round < 20000; round++) {
        n = (size_t)round % 70;
        for (i = 0; i < n; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            in[i] = pick[seed % sizeof pick];
        }
        kh_tag_fold((const char *)in, n, (char *)got);
        fold_reference(in, n, want);
        wrong += memcmp(got, want, n) != 0;
    }
    CHECK(wrong == 0);
}

/* The same upos and entities in two analyses of a text. */
static int same_tags(const khabar_doc *a, const khabar_doc *b)
{
    const khabar_word *wa = khabar_doc_words(a), *wb = khabar_doc_words(b);
    const khabar_entity *ea = khabar_doc_entities(a),
                        *eb = khabar_doc_entities(b);
    size_t i, n = khabar_doc_word_count(a);
    if (n != khabar_doc_word_count(b) ||
        khabar_doc_entity_count(a) != khabar_doc_entity_count(b))
        return 0;
    for (i = 0; i < n; i++) {
        if (wa[i].upos != wb[i].upos)
            return 0;
    }
    for (i = 0; i < khabar_doc_entity_count(a); i++) {
        if (ea[i].start != eb[i].start || ea[i].end != eb[i].end ||
            ea[i].type != eb[i].type || ea[i].n_tokens != eb[i].n_tokens)
            return 0;
    }
    return 1;
}

/* The taggers' rows worked out ahead (tagrows.kbm) are a cache: made with
 * the default taggers and lookups (a retrained tagger without a rebuilt
 * table fails the first check), found by their keys, and the tags they
 * give the same as those of the words scored. */
static void rows_ahead(void)
{
    static const char *const files[] = {"examples/damascus-talks.txt",
                                        "examples/flood-relief.txt",
                                        "examples/gulf-summit.txt"};
    const kh_tagrows *parts[2];
    khabar_model *plain = khabar_model_new(NULL);
    size_t f, p, i;
    CHECK(t_model->pos_known == &t_model->pos_rows);
    CHECK(t_model->ner_known == &t_model->ner_rows);
    CHECK(t_model->pos_rows.n_entries > 1000 &&
          t_model->ner_rows.n_entries > 1000);
    CHECK(plain != NULL);
    if (!plain)
        return;
    plain->pos_known = plain->ner_known = NULL;
    for (f = 0; f < sizeof files / sizeof *files; f++) {
        size_t n;
        char *text = (char *)t_read_all(files[f], &n);
        khabar_doc *a, *b;
        CHECK(text != NULL);
        if (!text)
            continue;
        a = khabar_analyze(t_model, text, n, NULL);
        b = khabar_analyze(plain, text, n, NULL);
        CHECK(a && b && khabar_doc_entity_count(a) > 10 && same_tags(a, b));
        khabar_doc_free(a);
        khabar_doc_free(b);
        free(text);
    }
    khabar_model_free(plain);
    /* The first entries of each part, asked for by their keys through a
     * memo, come back as the table holds them. */
    parts[0] = t_model->pos_known;
    parts[1] = t_model->ner_known;
    for (p = 0; p < 2; p++) {
        const kh_tagrows *t = parts[p];
        size_t checked = 0, wrong = 0;
        kh_memo memo;
        if (!t)
            continue;
        kh_memo_init(&memo, t->width);
        kh_memo_use(&memo, t);
        for (i = 0; i < t->n_slots && checked < 200; i++) {
            const unsigned char *e;
            const char *key;
            uint64_t attr, value;
            int32_t base;
            size_t n, k;
            long at;
            int fresh;
            uint32_t fresh_at[1] = {0};
            if (!t->slots[i].at)
                continue;
            e = t->pool + ((size_t)t->slots[i].at - 1) * 8;
            n = kh_tagrows_key_len(e);
            key = (const char *)e + kh_tagrows_key_at(t->width,
                                                      kh_tagrows_wide(e));
            memcpy(&attr, e, 8);
            memcpy(&value, e + 8, 8);
            memcpy(&base, e + 16, 4);
            at = kh_memo_get(&memo, key, n, attr, &fresh);
            wrong += at < 0 || !fresh ||
                     kh_memo_known(&memo, &at, fresh_at, 1) != 0 ||
                     kh_memo_entry_at(&memo, at)->value != value ||
                     kh_tagrows_find(t, kh_memo_hash(key, n, attr), key, n,
                                     attr) != e;
            for (k = 0; at >= 0 && k < t->width; k++) {
                int32_t want;
                if (kh_tagrows_wide(e)) {
                    memcpy(&want, e + KH_TAGROWS_HEAD + 4 * k, 4);
                } else {
                    int16_t d;
                    memcpy(&d, e + KH_TAGROWS_HEAD + 2 * k, 2);
                    want = base + d;
                }
                wrong += kh_memo_rows(&memo, at)[k] != want;
            }
            checked++;
        }
        CHECK(checked == 200 && wrong == 0);
        /* A key the table lacks stays fresh. */
        {
            uint32_t fresh_at[1] = {0};
            int fresh;
            long at = kh_memo_get(&memo, "\xff\xfe", 2, 0, &fresh);
            CHECK(at >= 0 && fresh && kh_memo_known(&memo, &at, fresh_at, 1) == 1);
        }
        kh_memo_free(&memo);
    }
}

void suite_tagger(void)
{
    fold_keys();
    rows_ahead();
    history();
    gazetteer_without();
    gazetteer_filters();
    doc_cues();
    document_rules();
    name_boundaries();
    page_leftovers();
    to_me_no_name();
    idioms_no_names();
    place_written_whole();
    short_org_names();
    article_glued_no_name();
    mosque_names();
    names_in_context();
    viterbi();
    viterbi_exact();
    emit_exact();
    feature_parts();
    usage_lookup();
    pos_allowed();
    pos_kinds();
    pos_latin();
    pos_after_bi_ka();
    fine_scheme();
    long_sentence();
    model_files();
    entities();
    no_complementizer_in_names();
    swallowed_article();
    lillah();
    named_after_persons();
    named_after_split();
    or_and_tanwin();
    my_kin_no_name();
    names_a_line();
    whole_last_word();
    wa_before_name();
    match_sides();
    new_moon();
    preposition_tail();
    device_products();
    stadiums();
    places_written_apart();
}
