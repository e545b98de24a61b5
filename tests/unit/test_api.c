/* test_api.c - arguments, errors, ownership, stages, and threads sharing one
 * model. */
#include <pthread.h>
#include <stdlib.h>

#include "test.h"

static void errors(void)
{
    khabar_error e;
    khabar_options bad = {.stages = 1u << 20};
    CHECK(khabar_analyze(NULL, "a", 1, &e) == NULL && e.code == KHABAR_EINVAL);
    CHECK(khabar_analyze(t_model, NULL, 5, &e) == NULL &&
          e.code == KHABAR_EINVAL && e.msg != NULL);
    CHECK(khabar_analyze_opts(t_model, "a", 1, &bad, &e) == NULL &&
          e.code == KHABAR_EINVAL);
    CHECK(khabar_model_load("/nonexistent/khabar", &e) == NULL &&
          e.code == KHABAR_EMODEL);
    CHECK(strcmp(khabar_strerror(KHABAR_ENOMEM), "out of memory") == 0);
    CHECK(strcmp(khabar_strerror((khabar_code)77), "unknown error") == 0);
    CHECK(strcmp(khabar_token_kind_name(KHABAR_TOK_EMAIL), "email") == 0);
    CHECK(strcmp(khabar_token_kind_name((khabar_token_kind)0), "?") == 0);
    CHECK(strcmp(khabar_diag_kind_name(KHABAR_DIAG_SURROGATE), "surrogate") ==
          0);
    CHECK(strcmp(khabar_version(), KHABAR_VERSION_STRING) == 0);
    /* NULL is allowed where a free or an accessor takes a doc. */
    khabar_doc_free(NULL);
    khabar_model_free(NULL);
    khabar_normalized_free(NULL);
    CHECK(khabar_doc_token_count(NULL) == 0);
    CHECK(khabar_doc_sentences(NULL) == NULL);
}

static void ownership_and_stages(void)
{
    char *text = malloc(32);
    khabar_options o = {.flags = KHABAR_ANALYZE_COPY_TEXT};
    khabar_doc *d;
    khabar_model *m;
    khabar_error e;
    size_t len;
    strcpy(text, "سوريا ولبنان");
    d = khabar_analyze_opts(t_model, text, strlen(text), &o, &e);
    CHECK(d && e.code == KHABAR_OK);
    memset(text, 'x', 31);
    free(text);
    {
        const char *kept = khabar_doc_text(d, &len);
        CHECK_MEM(kept, len, "سوريا ولبنان");
    }
    CHECK(khabar_doc_token_count(d) == 2);
    CHECK(khabar_doc_sentence_count(d) == 1);
    CHECK(khabar_doc_normalized(d) == NULL);
    khabar_doc_free(d);
    /* Only the tokens: no sentences. */
    o.stages = KHABAR_STAGE_TOKENS;
    o.flags = 0;
    d = khabar_analyze_opts(t_model, "أ. ب.", 7, &o, NULL);
    CHECK(khabar_doc_token_count(d) == 4 && khabar_doc_sentence_count(d) == 0);
    khabar_doc_free(d);
    /* Only the normalized text, with its map. */
    o.stages = KHABAR_STAGE_NORMTEXT;
    o.flags = KHABAR_ANALYZE_NORM_MAP;
    d = khabar_analyze_opts(t_model, "أ", 2, &o, NULL);
    CHECK(khabar_doc_token_count(d) == 0);
    CHECK(khabar_doc_normalized(d) && khabar_doc_normalized(d)->len == 2 &&
          khabar_doc_normalized(d)->src_end[1] == 2);
    khabar_doc_free(d);
    /* Empty input. */
    d = khabar_analyze(t_model, "", 0, NULL);
    CHECK(d && khabar_doc_token_count(d) == 0 &&
          khabar_doc_sentence_count(d) == 0);
    khabar_doc_free(d);
    d = khabar_analyze(t_model, NULL, 0, NULL);
    CHECK(d != NULL);
    khabar_doc_free(d);
    /* A model from a directory (no files yet: the defaults). */
    m = khabar_model_load("tests", &e);
    CHECK(m != NULL);
    khabar_model_free(m);
    m = khabar_model_load(NULL, &e);
    CHECK(m != NULL);
    khabar_model_free(m);
}

/* Threads: one model, many docs at once (every stage: words, POS,
 * entities), the same results as one thread. */
typedef struct job {
    const char *text;
    size_t len;
    unsigned long sum;
} job;

static unsigned long digest(const khabar_doc *d)
{
    const khabar_token *t = khabar_doc_tokens(d);
    const char *nb = khabar_doc_norm(d);
    unsigned long h = 5381;
    size_t i, k;
    for (i = 0; i < khabar_doc_token_count(d); i++) {
        h = h * 33 + t[i].start * 7 + t[i].end + t[i].kind + t[i].flags;
        for (k = 0; k < t[i].norm_len; k++)
            h = h * 33 + (unsigned char)nb[t[i].norm + k];
    }
    {
        const khabar_word *w = khabar_doc_words(d);
        const khabar_entity *e = khabar_doc_entities(d);
        for (i = 0; i < khabar_doc_word_count(d); i++) {
            h = h * 33 + w[i].start * 7 + w[i].end + w[i].upos + w[i].role;
            for (k = 0; k < w[i].lemma_len; k++)
                h = h * 33 + (unsigned char)nb[w[i].lemma + k];
        }
        for (i = 0; i < khabar_doc_entity_count(d); i++)
            h = h * 33 + e[i].start * 7 + e[i].end + (unsigned long)e[i].type;
    }
    return h * 33 + khabar_doc_sentence_count(d);
}

static void *worker(void *arg)
{
    job *j = arg;
    int r;
    for (r = 0; r < 20; r++) {
        khabar_doc *d = khabar_analyze(t_model, j->text, j->len, NULL);
        unsigned long h = digest(d);
        if (r == 0)
            j->sum = h;
        else if (h != j->sum)
            j->sum = 0;
        khabar_doc_free(d);
    }
    return NULL;
}

static void threads(void)
{
    static const char text[] =
        "قال مراسل الجزيرة إن الوفد وصل أمس. وأضاف: «ستبدأ المحادثات "
        "غدا». ﺍﻟﺴﻼﻡ ٣٫٥ https://example.com 20/10/2015 😀\n";
    pthread_t th[4];
    job jobs[4];
    khabar_doc *d = khabar_analyze(t_model, text, sizeof text - 1, NULL);
    unsigned long want = digest(d);
    int i;
    khabar_doc_free(d);
    for (i = 0; i < 4; i++) {
        jobs[i].text = text;
        jobs[i].len = sizeof text - 1;
        jobs[i].sum = 1;
        pthread_create(&th[i], NULL, worker, &jobs[i]);
    }
    for (i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].sum == want);
    }
}

void suite_api(void)
{
    errors();
    ownership_and_stages();
    threads();
}
