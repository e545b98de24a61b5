/* test_lemmatize.c - the learned lemmatizer (src/morph/lemmatize.h) with
 * the model in data/lemmatizer.kbm, through the internal API. */
#include <stdlib.h>
#include <string.h>

#include "model/container.h"
#include "morph/lemmatize.h"
#include "morph/lexicon.h"
#include "morph/segment.h"
#include "test.h"

/* The whole file in an 8-byte aligned buffer (malloc), or NULL. */
static unsigned char *load(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *b;
    long len;
    *n = 0;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    b = malloc((size_t)len + 8);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *n = (size_t)len;
    return b;
}

/* Decodes UTF-8 (well-formed, as the tests write it). */
static int letters(const char *s, uint32_t *cp, int max)
{
    const unsigned char *p = (const unsigned char *)s;
    int k = 0;
    while (*p && k < max) {
        uint32_t c = *p++;
        if (c >= 0xF0) {
            c = (c & 0x07) << 18 | (p[0] & 0x3Fu) << 12 | (p[1] & 0x3Fu) << 6 |
                (p[2] & 0x3Fu);
            p += 3;
        } else if (c >= 0xE0) {
            c = (c & 0x0F) << 12 | (p[0] & 0x3Fu) << 6 | (p[1] & 0x3Fu);
            p += 2;
        } else if (c >= 0xC0) {
            c = (c & 0x1F) << 6 | (p[0] & 0x3Fu);
            p += 1;
        }
        cp[k++] = c;
    }
    return k;
}

static const kh_lemmatizer *t_lz;
static const kh_lexicon *t_lex;

/* The lemma of a host, as UTF-8 in a static buffer. */
static const char *lemma(const char *host)
{
    static char out[4 * KH_LEM_MAX + 1];
    uint32_t cp[KH_LEM_MAX + 8], r[KH_LEM_MAX];
    int n = letters(host, cp, KH_LEM_MAX + 8);
    int m = kh_lemmatize(t_lz, t_lex, cp, n, r, KH_LEM_MAX);
    out[kh_seg_utf8(r, m, out)] = 0;
    return out;
}

#define CHECK_LEMMA(host, want)                                              \
    CHECK_MEM(lemma(host), strlen(lemma(host)), want)

static void lemmas(void)
{
    /* Verbs: the perfect 3rd person masculine singular. */
    CHECK_LEMMA("يحملون", "حمل");
    CHECK_LEMMA("قالت", "قال");
    CHECK_LEMMA("يقول", "قال");   /* a hollow verb: و becomes ا */
    CHECK_LEMMA("كانوا", "كان");
    CHECK_LEMMA("يستخدمون", "استخدم");
    /* Nouns and adjectives: the article off, the singular masculine. */
    CHECK_LEMMA("المطارات", "مطار");
    /* -ات of a masculine noun PADT does not have. (طموحات is on the edge:
     * طموحة, ambitious, is a word of the news too, and models trained with
     * other orders choose either.) */
    CHECK_LEMMA("الامتحانات", "امتحان");
    CHECK_LEMMA("الصحفيين", "صحفي");
    CHECK_LEMMA("المصرية", "مصري");
    CHECK_LEMMA("الحكومة", "حكومة"); /* a feminine noun keeps its ة */
    CHECK_LEMMA("المدارس", "مدرسة"); /* broken plurals */
    CHECK_LEMMA("الأطفال", "طفل");
    CHECK_LEMMA("الكتب", "كتاب");
    /* Broken plurals of other patterns (the default model is trained
     * without BAMA, so هواتف stays as written: see tools/models.sh). */
    CHECK_LEMMA("الضرائب", "ضريبة");
    CHECK_LEMMA("فوائد", "فائدة");
    CHECK_LEMMA("الخنازير", "خنزير");
    CHECK_LEMMA("تراخيص", "ترخيص");
    CHECK_LEMMA("الأصوات", "صوت");
    CHECK_LEMMA("الأودية", "وادي");
    CHECK_LEMMA("القادة", "قائد");
    /* Tanwin alef. */
    CHECK_LEMMA("مختلفا", "مختلف");
    CHECK_LEMMA("نادرا", "نادر");
    /* Hamza spellings are kept. */
    CHECK_LEMMA("إن", "إن");
    CHECK_LEMMA("أن", "أن");
    /* Names nobody has seen are their own lemma. */
    CHECK_LEMMA("غرينفيلد", "غرينفيلد");
    CHECK_LEMMA("كوزنتسوف", "كوزنتسوف");
}

/* Closed-class words in PUD's spelling of their lemma. */
static const char *convention(const char *host)
{
    static char out[4 * KH_LEM_MAX + 1];
    uint32_t cp[KH_LEM_MAX + 8], r[KH_LEM_MAX];
    int n = letters(host, cp, KH_LEM_MAX + 8);
    int m = kh_lem_convention(cp, n, r, KH_LEM_MAX);
    out[kh_seg_utf8(r, m, out)] = 0;
    return out;
}

#define CHECK_CONVENTION(host, want)                                         \
    CHECK_MEM(convention(host), strlen(convention(host)), want)

static void conventions(void)
{
    uint32_t cp[8], r[8];
    int n;
    CHECK_CONVENTION("عندما", "عند");
    CHECK_CONVENTION("بعدما", "بعد");
    CHECK_CONVENTION("إحدى", "أحد");
    CHECK_CONVENTION("أولئك", "أولائك");
    CHECK_CONVENTION("جدا", "جدا");
    CHECK_CONVENTION("أربع", "أربع");
    CHECK_CONVENTION("ثلاث", "ثلاث");
    /* Anything else is not one of them. */
    CHECK_CONVENTION("عند", "");
    CHECK_CONVENTION("أربعة", "");
    CHECK_CONVENTION("العندما", "");
    CHECK_CONVENTION("", "");
    /* Room for fewer letters: cut, never past max. */
    n = letters("أولئك", cp, 8);
    CHECK(kh_lem_convention(cp, n, r, 2) == 2);
    /* Through the words stage: the convention, and a word always has a
     * lemma, a tatweel used as a dash too. */
    {
        static const char text[] = "\xd8\xb9\xd9\x86\xd8\xaf\xd9\x85\xd8\xa7 "
                                   "\xd9\x80 \xd8\xac\xd8\xaf\xd8\xa7\xd9\x8b";
        khabar_options o = {.stages = KHABAR_STAGE_WORDS};
        khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o,
                                            NULL);
        const khabar_word *w = khabar_doc_words(d);
        const char *str = khabar_doc_norm(d);
        CHECK(d && khabar_doc_word_count(d) == 3);
        if (d && khabar_doc_word_count(d) == 3) {
            CHECK_MEM(str + w[0].lemma, w[0].lemma_len, "عند");
            CHECK(!(w[0].flags & KHABAR_WORD_LEMMA_GUESSED));
            CHECK_MEM(str + w[1].lemma, w[1].lemma_len, "\xd9\x80");
            CHECK_MEM(str + w[2].lemma, w[2].lemma_len, "جدا");
        }
        khabar_doc_free(d);
    }
}

/* The cache holds, for the hosts of the news, what the model chose with
 * the news's evidence at training time; every other host is scored as
 * kh_lemmatize_score() does; the limits hold. */
static void consistency(void)
{
    static const char *const words[] = {
        "يحملون", "الطلاب", "المطارات", "غرينفيلد", "الحكومة", "تزور",
        "فاندربيلت", "الاستراتيجيات", "ويكيبيديا", "ب", "ال", NULL};
    uint32_t cp[KH_LEM_MAX + 8], a[KH_LEM_MAX], b[KH_LEM_MAX];
    int i, n, m, k;
    for (i = 0; words[i]; i++) {
        long c;
        uint32_t s;
        n = letters(words[i], cp, KH_LEM_MAX);
        m = kh_lemmatize(t_lz, t_lex, cp, n, a, KH_LEM_MAX);
        c = kh_lem_cached(t_lz, cp, n);
        s = c >= 0 ? (uint32_t)c : kh_lemmatize_score(t_lz, t_lex, cp, n);
        CHECK(s < t_lz->n_scripts);
        /* Without outside evidence, the score is the plain one. */
        CHECK(kh_lemmatize_score_ext(t_lz, t_lex, cp, n, NULL, NULL) ==
              kh_lemmatize_score(t_lz, t_lex, cp, n));
        k = kh_lem_apply(t_lz->code, t_lz->offsets, s, cp, n, b, KH_LEM_MAX);
        CHECK(k > 0 && k == m && memcmp(a, b, (size_t)k * sizeof *a) == 0);
        /* Without the lexicon: some lemma, never nothing. */
        CHECK(kh_lemmatize(t_lz, NULL, cp, n, a, KH_LEM_MAX) > 0);
    }
    CHECK(t_lz->n_cache > 0);
    n = letters("يحملون", cp, KH_LEM_MAX);
    CHECK(kh_lem_cached(t_lz, cp, n) >= 0);
    n = letters("فاندربيلتزز", cp, KH_LEM_MAX);
    CHECK(kh_lem_cached(t_lz, cp, n) == -1);
    CHECK(kh_lem_cached(NULL, cp, n) == -1);
    CHECK(kh_lem_cached(t_lz, cp, 0) == -1);
    /* Out of range: nothing in, nothing out; too long or no model: the
     * host itself, cut to max. */
    n = letters("المطارات", cp, KH_LEM_MAX);
    CHECK(kh_lemmatize(t_lz, t_lex, cp, 0, a, KH_LEM_MAX) == 0);
    CHECK(kh_lemmatize(t_lz, t_lex, cp, n, a, 0) == 0);
    CHECK(kh_lemmatize(t_lz, t_lex, cp, n, a, 2) == 2);
    CHECK(kh_lemmatize(NULL, t_lex, cp, n, a, KH_LEM_MAX) == n &&
          memcmp(a, cp, (size_t)n * sizeof *a) == 0);
    for (i = 0; i < KH_LEM_MAX + 4; i++)
        cp[i] = 0x0628;
    CHECK(kh_lemmatize(t_lz, t_lex, cp, KH_LEM_MAX + 4, a, KH_LEM_MAX) ==
          KH_LEM_MAX);
    /* Script 0 is the identity and applies to anything. */
    n = letters("ب", cp, KH_LEM_MAX);
    CHECK(kh_lem_apply(t_lz->code, t_lz->offsets, 0, cp, n, a, KH_LEM_MAX) ==
          1 && a[0] == cp[0]);
}

/* Offset of a section's bytes in the image. */
static size_t section_at(const kh_container *c, const unsigned char *image,
                         const char *tag)
{
    const kh_section *s = kh_container_get(c, tag);
    return s ? (size_t)(s->data - image) : 0;
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }

/* Opens a damaged copy (CRCs not checked, so the lemmatizer's own checks
 * are what refuses it); returns its code. */
static khabar_code open_damaged(const unsigned char *image, size_t n)
{
    kh_container c;
    kh_lemmatizer lz;
    khabar_error e;
    khabar_code rc = kh_container_open_trusted(&c, image, n, "lemmatizer", &e);
    if (rc == KHABAR_OK)
        rc = kh_lemmatizer_open(&lz, &c, &e);
    return rc;
}

static void damaged(const unsigned char *good, size_t n,
                    const kh_container *c)
{
    unsigned char *bad = malloc(n + 8);
    size_t sc = section_at(c, good, "scripts"), ca = section_at(c, good,
                                                                "cache");
    uint32_t n_scripts, code_size, n_cache, n_slots;
    kh_container c2;
    khabar_error e;
    if (!bad || !sc || !ca) {
        CHECK(0);
        free(bad);
        return;
    }
    memcpy(&n_scripts, good + sc + 4, 4);
    memcpy(&code_size, good + sc + 8, 4);
    memcpy(&n_cache, good + ca + 4, 4);
    memcpy(&n_slots, good + ca + 8, 4);
    CHECK(open_damaged(good, n) == KHABAR_OK);
    /* A flipped bit: the container's checksum. */
    memcpy(bad, good, n);
    bad[sc + 40] ^= 0x10;
    CHECK(kh_container_open(&c2, bad, n, "lemmatizer", &e) == KHABAR_EMODEL);
    /* Truncated. */
    CHECK(kh_container_open(&c2, good, n / 2, "lemmatizer", &e) ==
          KHABAR_EMODEL);
    /* Another kind. */
    CHECK(kh_container_open(&c2, good, n, "segmenter", &e) == KHABAR_EMODEL);
    /* The scripts: another version, more scripts than there are, an
     * offset past the code, a node of no kind, a letter count too large,
     * script 0 not the identity. */
    memcpy(bad, good, n);
    put32(bad + sc, 2);
    CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    memcpy(bad, good, n);
    put32(bad + sc + 4, n_scripts + 1);
    CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    memcpy(bad, good, n);
    put32(bad + sc + 16 + 4, code_size + 7); /* offsets[1] */
    CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    {
        size_t code = sc + 16 + 4 * ((size_t)n_scripts + 1);
        memcpy(bad, good, n);
        put32(bad + code + 4, 7); /* script 0's root node */
        CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
        memcpy(bad, good, n);
        put32(bad + code + 4 * 10 + 4 * 2, 1000); /* script 1's p */
        CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
        memcpy(bad, good, n);
        put32(bad + code + 4 * 5, 1); /* script 0 no longer the identity */
        CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    }
    /* The cache: slots not a power of two, an entry's script out of range,
     * a slot past the entries. */
    memcpy(bad, good, n);
    put32(bad + ca + 8, n_slots - 1);
    CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    if (n_cache) {
        uint16_t big = (uint16_t)n_scripts;
        memcpy(bad, good, n);
        memcpy(bad + ca + 16 + 4, &big, 2);
        CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
        memcpy(bad, good, n);
        put32(bad + ca + 16 + 8 * (size_t)n_cache, n_cache + 1);
        CHECK(open_damaged(bad, n) == KHABAR_EMODEL);
    }
    free(bad);
}

/* After tagging: an adjective's lemma is masculine, a name PADT never
 * analyzed is its own lemma without the article, a noun keeps its ة (also
 * where the lemmatizer took it off: مناع is a family name in the news). */
static void after_tagging(void)
{
    static const char text[] =
        "زارت العائلة الملكية مدينة رائعة في البرازيل. "
        "تحتاج المناعة إلى تقوية.";
    static const char *const want[][2] = {{"الملكية", "ملكي"},
                                          {"رائعة", "رائع"},
                                          {"مدينة", "مدينة"},
                                          {"البرازيل", "برازيل"},
                                          {"المناعة", "مناعة"},
                                          {"تقوية", "تقوية"}};
    khabar_options o = {.stages = KHABAR_STAGE_POS};
    khabar_doc *d = khabar_analyze_opts(t_model, text, strlen(text), &o, NULL);
    const khabar_word *w = khabar_doc_words(d);
    const char *norm = khabar_doc_norm(d);
    size_t i, k;
    for (k = 0; k < sizeof want / sizeof *want; k++) {
        size_t n = strlen(want[k][0]);
        int found = 0;
        for (i = 0; i < khabar_doc_word_count(d); i++) {
            if (w[i].end - w[i].start != n ||
                memcmp(text + w[i].start, want[k][0], n) != 0)
                continue;
            found = 1;
            CHECK_MEM(norm + w[i].lemma, w[i].lemma_len, want[k][1]);
        }
        CHECK(found);
    }
    khabar_doc_free(d);
}

void suite_lemmatize(void)
{
    size_t ln, zn;
    unsigned char *lb = load("data/lexicon.kbm", &ln);
    unsigned char *zb = load("data/lemmatizer.kbm", &zn);
    kh_container lc, zc;
    kh_lexicon lex;
    kh_lemmatizer lz;
    khabar_error e;
    CHECK(lb != NULL && zb != NULL);
    if (!lb || !zb) {
        free(lb);
        free(zb);
        return;
    }
    CHECK(kh_container_open(&lc, lb, ln, "lexicon", &e) == KHABAR_OK);
    CHECK(kh_lexicon_open(&lex, &lc, &e) == KHABAR_OK);
    CHECK(kh_container_open(&zc, zb, zn, "lemmatizer", &e) == KHABAR_OK);
    CHECK(kh_lemmatizer_open(&lz, &zc, &e) == KHABAR_OK);
    if (e.code == KHABAR_OK) {
        t_lz = &lz;
        t_lex = &lex;
        lemmas();
        conventions();
        consistency();
        damaged(zb, zn, &zc);
    }
    free(lb);
    free(zb);
    after_tagging();
}
