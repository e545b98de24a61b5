/* test_morph.c - segmentation, restored forms, stems, lemmas and roots with
 * the default model, and the model loader on good, corrupt and truncated
 * files. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/model.h"
#include "morph/morph.h"
#include "test.h"
#include "text/utf8.h"

/* Segments s and renders "surface|form+surface|form ..." per token. */
static const char *seg(const char *s, unsigned flags)
{
    static char out[4096];
    khabar_options o = {.stages = KHABAR_STAGE_WORDS, .flags = flags};
    khabar_doc *d = khabar_analyze_opts(t_model, s, strlen(s), &o, NULL);
    const khabar_word *w = khabar_doc_words(d);
    const size_t *tw = khabar_doc_token_words(d);
    const char *str = khabar_doc_norm(d);
    size_t t, i, k = 0;
    out[0] = 0;
    for (t = 0; tw && t < khabar_doc_token_count(d); t++) {
        if (t)
            k += (size_t)snprintf(out + k, sizeof out - k, " ");
        for (i = tw[t]; i < tw[t + 1] && k < sizeof out - 200; i++)
            k += (size_t)snprintf(out + k, sizeof out - k, "%s%.*s|%.*s",
                                  i > tw[t] ? "+" : "",
                                  (int)(w[i].end - w[i].start), s + w[i].start,
                                  (int)w[i].form_len, str + w[i].form);
    }
    khabar_doc_free(d);
    return out;
}

/* The trainer learns against every grammatical split, the future particle
 * before any imperfect prefix (س + ام of سام, س + نية of سنية); decoding
 * keeps to the splits of kh_seg_candidates, which rule those out. */
static size_t future_splits(const char *w, int train)
{
    kh_norm nm;
    kh_seg_token t;
    kh_seg_cand c[KH_SEG_MAX_CANDS];
    int n = 0, i;
    size_t k = 0;
    kh_norm_init(&nm, KH_NORM_MORPH, 1);
    if (kh_seg_token_init(&t, &nm, w, 0, strlen(w)) == 0)
        n = train ? kh_seg_train_candidates(&t, c, KH_SEG_MAX_CANDS)
                  : kh_seg_candidates(&t, c, KH_SEG_MAX_CANDS);
    for (i = 0; i < n; i++)
        k += c[i].pre == 1;
    kh_norm_free(&nm);
    return k;
}

static void training_candidates(void)
{
    CHECK(future_splits("سام", 1) == 1);
    CHECK(future_splits("سام", 0) == 0);
    CHECK(future_splits("سنية", 1) >= 1);
    CHECK(future_splits("سنية", 0) == 0);
    CHECK(future_splits("سيبحث", 1) == future_splits("سيبحث", 0));
    CHECK(future_splits("سيبحث", 0) >= 1);
}

/* The stem of the host of the first token of s. */
static const char *stem(const char *s)
{
    static char out[256];
    khabar_options o = {.stages = KHABAR_STAGE_WORDS};
    khabar_doc *d = khabar_analyze_opts(t_model, s, strlen(s), &o, NULL);
    const khabar_word *w = khabar_doc_words(d);
    size_t i;
    out[0] = 0;
    for (i = 0; i < khabar_doc_word_count(d); i++) {
        if (w[i].role == KHABAR_WORD_HOST || w[i].role == KHABAR_WORD_WHOLE) {
            snprintf(out, sizeof out, "%.*s", (int)w[i].stem_len,
                     khabar_doc_norm(d) + w[i].stem);
            break;
        }
    }
    khabar_doc_free(d);
    return out;
}

#define SEG(in, want) CHECK_MEM(seg(in, 0), strlen(seg(in, 0)), want)
#define FINE(in, want)                                                       \
    CHECK_MEM(seg(in, KHABAR_ANALYZE_FINE),                                  \
              strlen(seg(in, KHABAR_ANALYZE_FINE)), want)

static void segmentation(void)
{
    /* The must-split and must-not-split words. */
    SEG("وسوريا", "و|و+سوريا|سوريا");
    SEG("بالحوار", "ب|ب+الحوار|الحوار");
    SEG("وإطلاعه", "و|و+إطلاع|إطلاع+ه|ه");
    SEG("سيبحث", "س|س+يبحث|يبحث");
    /* The future particle comes before a verb of three letters or more,
     * which no ة ends: سنية (Sunni), سام, سياقة are whole. */
    SEG("سنية وسنية", "سنية|سنية و|و+سنية|سنية");
    SEG("سام سياقة", "سام|سام سياقة|سياقة");
    SEG("سأرى ستصل", "س|س+أرى|أرى س|س+تصل|تصل");
    SEG("وزعماء", "و|و+زعماء|زعماء");
    SEG("وزير ولد بلد فلاديمير بوتين كتاب",
        "وزير|وزير ولد|ولد بلد|بلد فلاديمير|فلاديمير بوتين|بوتين كتاب|كتاب");
    /* Surface segments and restored forms. */
    SEG("للحظر", "ل|ل+لحظر|الحظر");
    SEG("ابنته", "ابنت|ابنة+ه|ه");
    SEG("وبسوريا", "و|و+ب|ب+سوريا|سوريا");
    /* Diacritics stay with their letters in the surface. */
    SEG("وَبِسُورْيَا", "وَ|و+بِ|ب+سُورْيَا|سوريا");
    /* A number and its percent sign are two words, as in UD. */
    SEG("20%", "20|20+%|%");
    /* Other tokens are one word. */
    SEG("iPhone 2015 ،", "iPhone|iPhone 2015|2015 ،|،");
    /* Nunation: no pronoun after it; after ً or ٌ no preposition before
     * it (بعدا alone may be ب + عدا; بعداً may not); و may come. */
    SEG("بعداً", "بعداً|بعدا");
    SEG("لطيفاً", "لطيفاً|لطيفا");
    SEG("كتابهٌ", "كتابهٌ|كتابه");
    SEG("وكتابٌ", "و|و+كتابٌ|كتاب");
    /* A name the news never showed keeps letters that would make a
     * second person plural suffix (كن), which the treebank never shows. */
    SEG("بلينكن", "بلينكن|بلينكن");
    /* The article needs a word after it: the name بال, الأهم. */
    SEG("بال الأهم", "بال|بال الأهم|الأهم");
    SEG("إليه اليه", "إلي|إلى+ه|ه الي|الى+ه|ه");
    FINE("والسعودية", "و|و+ال|ال+سعودي|سعودي+ة|ة");
    FINE("للحكومة", "ل|ل+ل|ال+حكوم|حكوم+ة|ة");
    FINE("ﷲ", "ﷲ|الله"); /* no split inside a ligature */
}

/* Do a and b have different stems? */
static int apart(const char *a, const char *b)
{
    char first[256];
    snprintf(first, sizeof first, "%s", stem(a));
    return strcmp(first, stem(b)) != 0;
}

static void stems(void)
{
    static const char *const syria[] = {"سوريا", "لسوريا", "وسوريا",
                                        "بسوريا", "سُورْيَا", NULL};
    int i;
    for (i = 0; syria[i]; i++)
        CHECK_MEM(stem(syria[i]), strlen(stem(syria[i])), "سوريا");
    CHECK(apart("سورة", "سوريا"));
    CHECK(apart("بوتين", "تين"));
    CHECK(apart("مدرسة", "مدرس"));
    CHECK(apart("قطر", "قطار"));
    CHECK_MEM(stem("والمسلمين"), strlen(stem("والمسلمين")), "مسلم");
    /* Search: spellings of one word meet, words that only look alike do
     * not (tests/search has the same as queries). */
    CHECK(!apart("مسؤول", "مسئول"));             /* hamza seats */
    CHECK(!apart("الحكومه", "الحكومة"));         /* ه for ة, no pronoun */
    CHECK(!apart("بالحكومه", "حكومة"));
    CHECK(!apart("آلاف", "الآلاف"));             /* آ is no article */
    CHECK(!apart("المدرستين", "مدرسة"));         /* a dual in ة */
    CHECK(apart("المدرستين", "مدرس"));
    CHECK(apart("الله", "له"));
}

static void lemmas_and_roots(void)
{
    khabar_doc *d = khabar_analyze(t_model, "الرئيس قال", 19, NULL);
    const khabar_word *w = khabar_doc_words(d);
    const char *s = khabar_doc_norm(d);
    CHECK(khabar_doc_word_count(d) == 2);
    CHECK_MEM(s + w[0].lemma, w[0].lemma_len, "رئيس");
    CHECK_MEM(s + w[1].lemma, w[1].lemma_len, "قال");
    CHECK_MEM(s + w[1].root, w[1].root_len, "قول");
    CHECK(!(w[1].flags & KHABAR_WORD_ROOT_GUESSED));
    khabar_doc_free(d);
    /* Pronouns have the lemma هو; an unknown word gets a guessed root. */
    d = khabar_analyze(t_model, "كتابها والمستكشفون", 35, NULL);
    w = khabar_doc_words(d);
    s = khabar_doc_norm(d);
    CHECK(khabar_doc_word_count(d) == 4);
    CHECK_MEM(s + w[1].lemma, w[1].lemma_len, "هو");
    CHECK(w[3].root_len == 0 || (w[3].flags & KHABAR_WORD_ROOT_GUESSED));
    khabar_doc_free(d);
}

static void bad_tokens(void)
{
    /* 10,000 letters, only diacritics, only tatweel: defined results. */
    char *s = malloc(20001);
    size_t i;
    khabar_doc *d;
    for (i = 0; i < 20000; i += 2)
        memcpy(s + i, "\xd8\xb3", 2);
    d = khabar_analyze(t_model, s, 20000, NULL);
    CHECK(khabar_doc_word_count(d) == 1);
    khabar_doc_free(d);
    free(s);
    CHECK_MEM(seg("ًٌٍ", 0), strlen(seg("ًٌٍ", 0)), "ًٌٍ|");
    CHECK_MEM(seg("ـــ", 0), strlen(seg("ـــ", 0)), "ـــ|");
    CHECK_MEM(seg("ﻻ", 0), strlen(seg("ﻻ", 0)), "ﻻ|لا");
}

/* Writes bytes to path. */
static void write_file(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b, 1, n, f);
        fclose(f);
    }
}

static void model_files(void)
{
    /* Each damaged copy of the segmenter is refused with an error. */
    char dir[] = "/tmp/khabar-test-model-XXXXXX", path[256];
    size_t n;
    unsigned char *good = t_read_all("data/segmenter.kbm", &n), *bad;
    khabar_error e;
    khabar_model *m;
    CHECK(good != NULL && n > 1000);
    if (!good || !mkdtemp(dir))
        return;
    snprintf(path, sizeof path, "%s/segmenter.kbm", dir);
    bad = malloc(n);
    write_file(path, good, n);
    m = khabar_model_load(dir, &e);
    CHECK(m != NULL);
    khabar_model_free(m);
    write_file(path, good, n / 2); /* truncated */
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL);
    memcpy(bad, good, n);
    bad[n / 3] ^= 0x40; /* a flipped bit */
    write_file(path, bad, n);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL && strstr(e.msg, "checksum"));
    memcpy(bad, good, n);
    bad[8] = 2; /* another version */
    write_file(path, bad, n);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL);
    write_file(path, (const unsigned char *)"KHBRMDL", 7);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL);
    /* A truncated or damaged table of hosts is refused too. */
    {
        size_t hn;
        unsigned char *hosts = t_read_all("data/hosts.kbm", &hn);
        char hpath[256];
        snprintf(hpath, sizeof hpath, "%s/hosts.kbm", dir);
        CHECK(hosts != NULL && hn > 1000);
        if (hosts) {
            write_file(path, good, n);
            write_file(hpath, hosts, hn / 2);
            m = khabar_model_load(dir, &e);
            CHECK(m == NULL && e.code == KHABAR_EMODEL);
            hosts[hn / 2] ^= 0x10;
            write_file(hpath, hosts, hn);
            m = khabar_model_load(dir, &e);
            CHECK(m == NULL && e.code == KHABAR_EMODEL);
            remove(hpath);
            free(hosts);
        }
    }
    /* A lexicon given as the segmenter: the wrong kind. */
    free(good);
    good = t_read_all("data/lexicon.kbm", &n);
    if (good)
        write_file(path, good, n);
    m = khabar_model_load(dir, &e);
    CHECK(m == NULL && e.code == KHABAR_EMODEL && strstr(e.msg, "kind"));
    remove(path);
    rmdir(dir);
    free(bad);
    free(good);
}

/* The table of frequent hosts is a cache of kh_host_compute() for the
 * default lexicon and lemmatizer: in use, and every entry what the function
 * gives. (A table made with other models is not used: a rebuilt lemmatizer
 * without a rebuilt table fails the first check.) */
static void host_table(void)
{
    const kh_hosts *h = &t_model->hosts;
    uint32_t i, checked = 0, wrong = 0;
    CHECK(t_model->has_hosts);
    CHECK(h->n_entries > 1000);
    for (i = 0; i < h->n_slots; i++) {
        const kh_host_slot *s = &h->slots[i];
        const char *p = h->pool + s->off;
        uint32_t cp[KH_SEG_MAX + 4];
        const unsigned char *u = (const unsigned char *)p,
                            *end = u + s->host_len;
        int n = 0, diag;
        kh_host_analysis a;
        if (!s->used)
            continue;
        while (u < end && n < KH_SEG_MAX + 4)
            u += kh_utf8_next(u, end, &cp[n++], &diag);
        kh_host_compute(t_model, cp, n, &a);
        p += s->host_len;
        wrong += a.lemma_len != s->lemma_len ||
                 memcmp(a.lemma, p, a.lemma_len) != 0 ||
                 a.root_len != s->root_len ||
                 memcmp(a.root, p + s->lemma_len, a.root_len) != 0 ||
                 a.stem_len != s->stem_len ||
                 memcmp(a.stem, p + s->lemma_len + s->root_len,
                        a.stem_len) != 0 ||
                 a.flags != s->flags;
        /* Every entry is found by its key. */
        wrong += kh_hosts_find(h, h->pool + s->off, s->host_len) != s;
        checked++;
    }
    CHECK(checked == h->n_entries);
    CHECK(wrong == 0);
}

void suite_morph(void)
{
    segmentation();
    training_candidates();
    stems();
    lemmas_and_roots();
    bad_tokens();
    model_files();
    host_table();
}
