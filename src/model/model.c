/*
 * model.c - creating, loading and freeing a khabar_model.
 *
 * Each component is looked for as DIR/NAME.kbm when a directory is given,
 * else among the compiled-in defaults. Files are read whole into memory and
 * checked (container.c) before any component reads them.
 */
#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/error.h"
#include "../text/unicode.h"
#include "container.h"
#include "embedded.h"

/* Largest model file accepted. */
#define KH_MODEL_MAX_BYTES ((size_t)1 << 30)

/* The image of component name: DIR/name.kbm, else the default. Returns 0 and
 * sets *data and *len (*data NULL when there is none), or -1 with err set. */
static int find_image(khabar_model *m, const char *dir, const char *name,
                      const unsigned char **data, size_t *len, int *trusted,
                      khabar_error *err)
{
    const kh_embedded *e;
    *data = NULL;
    *len = 0;
    *trusted = 0;
    if (dir) {
        char path[4096];
        struct stat st;
        FILE *f;
        int slot;
        snprintf(path, sizeof path, "%s/%s.kbm", dir, name);
        if (stat(path, &st) == 0) {
            char *buf;
            if (!S_ISREG(st.st_mode) || (size_t)st.st_size > KH_MODEL_MAX_BYTES) {
                kh_fail(err, KHABAR_EMODEL, "model file is not a regular file "
                                            "of a sensible size", 0);
                return -1;
            }
            for (slot = 0; slot < KH_MODEL_FILES && m->owned[slot]; slot++)
                ;
            buf = slot < KH_MODEL_FILES ? malloc((size_t)st.st_size + 16) : NULL;
            if (!buf) {
                kh_fail(err, KHABAR_ENOMEM, NULL, 0);
                return -1;
            }
            m->owned[slot] = buf;
            f = fopen(path, "rb");
            if (!f || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
                if (f)
                    fclose(f);
                kh_fail(err, KHABAR_EMODEL, "model file cannot be read", 0);
                return -1;
            }
            fclose(f);
            *data = (const unsigned char *)buf;
            *len = (size_t)st.st_size;
            return 0;
        }
    }
    for (e = kh_embedded_models; e->name; e++) {
        if (strcmp(e->name, name) == 0) {
            *data = e->data;
            *len = (size_t)(e->end - e->data);
            *trusted = 1;
            return 0;
        }
    }
    return 0;
}

/* The final CRC-32 of a checked container image: what identifies its
 * contents. */
static uint32_t file_crc(const unsigned char *data, size_t len)
{
    const unsigned char *p = data + len - 4;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* Opens an image: files are checked whole, compiled-in images structurally. */
static khabar_code open_container(kh_container *c, const unsigned char *data,
                                  size_t len, const char *kind, int trusted,
                                  khabar_error *err)
{
    return trusted ? kh_container_open_trusted(c, data, len, kind, err)
                   : kh_container_open(c, data, len, kind, err);
}

/* Whether a part of the taggers' rows worked out ahead was made with the
 * tagger of file CRC tagger_crc and this model's lookups. */
static int tagrows_fit(const khabar_model *m, const kh_tagrows *t,
                       uint32_t tagger_crc)
{
    return t->n_entries && t->tagger_crc == tagger_crc &&
           t->gazetteer_crc == m->gazetteer_crc &&
           t->clusters_crc == m->clusters_crc &&
           t->usage_crc == m->usage_crc;
}

static khabar_model *load(const char *dir, khabar_error *err)
{
    khabar_model *m = calloc(1, sizeof *m);
    const unsigned char *data;
    size_t len;
    int trusted;
    kh_container c;
    if (!m) {
        kh_fail(err, KHABAR_ENOMEM, NULL, 0);
        return NULL;
    }
    m->unicode_version = kh_unicode_version;
    if (find_image(m, dir, "lexicon", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "lexicon", trusted, err) !=
                KHABAR_OK ||
            kh_lexicon_open(&m->lex, &c, err) != KHABAR_OK)
            goto fail;
        m->has_lexicon = 1;
        m->lexicon_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "segmenter", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "segmenter", trusted, err) !=
                KHABAR_OK ||
            kh_segmenter_open(&m->seg, &c, err) != KHABAR_OK)
            goto fail;
        m->has_segmenter = 1;
    }
    if (find_image(m, dir, "lemmatizer", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "lemmatizer", trusted, err) !=
                KHABAR_OK ||
            kh_lemmatizer_open(&m->lemmatizer, &c, err) != KHABAR_OK)
            goto fail;
        m->has_lemmatizer = 1;
        m->lemmatizer_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "pos", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "pos", trusted, err) != KHABAR_OK ||
            kh_tagger_open(&m->pos, &c, err) != KHABAR_OK)
            goto fail;
        m->has_pos = 1;
        m->pos_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "ner", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "ner", trusted, err) != KHABAR_OK ||
            kh_tagger_open(&m->ner, &c, err) != KHABAR_OK)
            goto fail;
        m->has_ner = 1;
        m->ner_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "gazetteer", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "gazetteer", trusted, err) !=
                KHABAR_OK ||
            kh_gazetteer_open(&m->gaz, &c, err) != KHABAR_OK)
            goto fail;
        m->has_gazetteer = 1;
        m->gazetteer_crc = file_crc(data, len);
        if (kh_gazetteer_index_prefixes(&m->gaz) != 0) {
            kh_fail(err, KHABAR_ENOMEM, NULL, 0);
            goto fail;
        }
    }
    if (find_image(m, dir, "clusters", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "clusters", trusted, err) !=
                KHABAR_OK ||
            kh_clusters_open(&m->clusters, &c, err) != KHABAR_OK)
            goto fail;
        m->has_clusters = 1;
        m->clusters_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "usage", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "usage", trusted, err) !=
                KHABAR_OK ||
            kh_usage_open(&m->usage, &c, err) != KHABAR_OK)
            goto fail;
        m->has_usage = 1;
        m->usage_crc = file_crc(data, len);
    }
    if (find_image(m, dir, "background", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "background", trusted, err) !=
                KHABAR_OK ||
            kh_background_open(&m->background, &c, err) != KHABAR_OK)
            goto fail;
        m->has_background = 1;
    }
    if (find_image(m, dir, "repair", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "repair", trusted, err) !=
                KHABAR_OK ||
            kh_repair_open(&m->repair, &c, err) != KHABAR_OK)
            goto fail;
        m->has_repair = 1;
    }
    if (find_image(m, dir, "hosts", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "hosts", trusted, err) !=
                KHABAR_OK ||
            kh_hosts_open(&m->hosts, &c, err) != KHABAR_OK)
            goto fail;
        /* A cache of the lexicon and lemmatizer it was made with: with any
         * other, it is not used. */
        m->has_hosts = m->has_lexicon && m->has_lemmatizer &&
                       m->hosts.lexicon_crc == m->lexicon_crc &&
                       m->hosts.lemmatizer_crc == m->lemmatizer_crc;
    }
    if (find_image(m, dir, "tagrows", &data, &len, &trusted, err) != 0)
        goto fail;
    if (data) {
        if (open_container(&c, data, len, "tagrows", trusted, err) !=
                KHABAR_OK ||
            kh_tagrows_open(&m->pos_rows, &c, "pos", err) != KHABAR_OK ||
            kh_tagrows_open(&m->ner_rows, &c, "ner", err) != KHABAR_OK)
            goto fail;
        /* A cache of the taggers and the lookups they were computed with:
         * with any others, it is not used. */
        if (m->has_pos && tagrows_fit(m, &m->pos_rows, m->pos_crc))
            m->pos_known = &m->pos_rows;
        if (m->has_ner && tagrows_fit(m, &m->ner_rows, m->ner_crc))
            m->ner_known = &m->ner_rows;
    }
    kh_ok(err);
    return m;
fail:
    khabar_model_free(m);
    return NULL;
}

khabar_model *khabar_model_new(khabar_error *err) { return load(NULL, err); }

khabar_model *kh_model_text_only(void)
{
    khabar_model *m = calloc(1, sizeof *m);
    if (m)
        m->unicode_version = kh_unicode_version;
    return m;
}

khabar_model *khabar_model_load(const char *dir, khabar_error *err)
{
    struct stat st;
    if (!dir)
        return load(NULL, err);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        kh_fail(err, KHABAR_EMODEL, "model directory not found", 0);
        return NULL;
    }
    return load(dir, err);
}

void khabar_model_free(khabar_model *model)
{
    int i;
    if (!model)
        return;
    kh_gazetteer_free(&model->gaz);
    for (i = 0; i < KH_MODEL_FILES; i++)
        free(model->owned[i]);
    free(model);
}
