/* model.c - creating, loading and freeing a khabar_model. */
#include "model.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "../text/unicode.h"

khabar_model *khabar_model_new(khabar_error *err)
{
    khabar_model *m = calloc(1, sizeof *m);
    if (!m) {
        kh_fail(err, KHABAR_ENOMEM, NULL, 0);
        return NULL;
    }
    m->unicode_version = kh_unicode_version;
    kh_ok(err);
    return m;
}

khabar_model *khabar_model_load(const char *dir, khabar_error *err)
{
    struct stat st;
    if (!dir)
        return khabar_model_new(err);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        kh_fail(err, KHABAR_EMODEL, "model directory not found", 0);
        return NULL;
    }
    /* The text layer has no model files yet: everything it needs is
     * compiled in. */
    return khabar_model_new(err);
}

void khabar_model_free(khabar_model *model) { free(model); }
