/* main.c - runs every unit suite and prints "N passed, N failed". */
#include <stdlib.h>

#include "test.h"

int t_passed, t_failed;
const khabar_model *t_model;

void t_check_mem(const char *file, int line, const char *ptr, size_t len,
                 const char *want)
{
    size_t n = strlen(want);
    if (len == n && (n == 0 || memcmp(ptr, want, n) == 0)) {
        t_passed++;
        return;
    }
    t_failed++;
    fprintf(stderr, "%s:%d: got \"%.*s\", want \"%s\"\n", file, line,
            (int)len, ptr ? ptr : "", want);
}

const char *t_norm(const char *s, unsigned flags)
{
    static char out[4096];
    khabar_normalized n;
    if (khabar_normalize(t_model, s, strlen(s), flags, 0, &n, NULL) !=
        KHABAR_OK)
        return "<error>";
    snprintf(out, sizeof out, "%s", n.text);
    khabar_normalized_free(&n);
    return out;
}

int main(void)
{
    khabar_model *m = khabar_model_new(NULL);
    if (!m) {
        fprintf(stderr, "cannot create the model\n");
        return 1;
    }
    t_model = m;
    suite_utf8();
    suite_normalize();
    suite_tokenize();
    suite_sentences();
    suite_write();
    suite_api();
    suite_properties();
    suite_morph();
    suite_lemmatize();
    suite_repair();
    suite_tagger();
    suite_coref();
    suite_dates();
    suite_quotes();
    suite_keywords();
    khabar_model_free(m);
    printf("unit: %d passed, %d failed\n", t_passed, t_failed);
    return t_failed ? 1 : 0;
}
