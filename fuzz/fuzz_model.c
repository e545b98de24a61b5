/*
 * fuzz_model.c - libFuzzer target for model loading: any bytes given as a
 * model file are either rejected with KHABAR_EMODEL or, when accepted, can
 * be used (lookups, segmentation) without reading out of bounds.
 *
 * The first byte picks the kind the bytes are opened as (its value modulo 4:
 * lexicon, segmenter, table of hosts, the taggers' rows worked out ahead);
 * the rest is the file image, copied to an 8-aligned buffer of
 * exactly its size. Seeds in fuzz/corpus-model are small valid models made by
 * fuzz/make_model_seeds.py, and damaged copies of them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/container.h"
#include "morph/hosts.h"
#include "morph/lexicon.h"
#include "morph/segment.h"
#include "tag/memo.h"
#include "tag/tagrows.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const probes[] = {"سوريا", "لسوريا", "وبالحوار",
                                     "كتابها", "ﻻ", "a"};

/* Looks up the keys of the first entries of a table of rows worked out
 * ahead, and a few more, through a memo, as the taggers do. */
static void use_tagrows(const kh_tagrows *t)
{
    kh_memo memo;
    size_t i;
    kh_memo_init(&memo, t->width);
    kh_memo_use(&memo, t);
    for (i = 0; i < t->n_slots && i < 64; i++) {
        const unsigned char *e;
        uint32_t fresh_at[1] = {0};
        long at;
        int fresh;
        if (!t->slots[i].at)
            continue;
        e = t->pool + ((size_t)t->slots[i].at - 1) * 8;
        /* An entry is checked when a lookup reads it, not at load: only
         * those that fit the pool give their keys here. */
        if (e[22] > 1 || kh_tagrows_entry_size(t->width, kh_tagrows_key_len(e),
                                               e[22]) >
                             t->pool_size - (size_t)(e - t->pool))
            continue;
        at = kh_memo_get(&memo,
                         (const char *)e + kh_tagrows_key_at(
                                               t->width, kh_tagrows_wide(e)),
                         kh_tagrows_key_len(e), 0, &fresh);
        if (at >= 0 && fresh)
            (void)kh_memo_known(&memo, &at, fresh_at, 1);
    }
    for (i = 0; i < sizeof probes / sizeof *probes; i++) {
        uint32_t fresh_at[1] = {0};
        int fresh;
        long at = kh_memo_get(&memo, probes[i], strlen(probes[i]), 1, &fresh);
        if (at >= 0 && fresh)
            (void)kh_memo_known(&memo, &at, fresh_at, 1);
    }
    kh_memo_free(&memo);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_container c;
    khabar_error err;
    void *image;
    static const char *const kinds[] = {"lexicon", "segmenter", "hosts",
                                        "tagrows"};
    int kind;
    size_t i;
    if (size < 1)
        return 0;
    kind = data[0] % 4;
    data++;
    size--;
    /* aligned_alloc needs a multiple of the alignment. */
    image = aligned_alloc(8, (size + 7) / 8 * 8 + 8);
    if (!image)
        return 0;
    memcpy(image, data, size);
    if (kh_container_open(&c, image, size, kinds[kind], &err) == KHABAR_OK) {
        if (kind == 3) {
            kh_tagrows t;
            if (kh_tagrows_open(&t, &c, "pos", &err) == KHABAR_OK)
                use_tagrows(&t);
            else if (err.code != KHABAR_EMODEL || !err.msg)
                abort();
        } else if (kind == 2) {
            kh_hosts h;
            if (kh_hosts_open(&h, &c, &err) == KHABAR_OK) {
                for (i = 0; i < sizeof probes / sizeof *probes; i++)
                    kh_hosts_find(&h, probes[i], strlen(probes[i]));
                for (i = 0; i < h.n_slots && i < 64; i++) {
                    const kh_host_slot *s = &h.slots[i];
                    if (s->used)
                        kh_hosts_find(&h, h.pool + s->off, s->host_len);
                }
            } else if (err.code != KHABAR_EMODEL || !err.msg) {
                abort();
            }
        } else if (kind == 0) {
            kh_lexicon lex;
            if (kh_lexicon_open(&lex, &c, &err) == KHABAR_OK) {
                for (i = 0; i < sizeof probes / sizeof *probes; i++)
                    kh_lexicon_find(&lex, probes[i], strlen(probes[i]));
                /* The keys of the first slots: a slot's offsets are
                 * checked by the lookup that reads it, not at load, so
                 * only those within the pool are looked up here. */
                for (i = 0; i < lex.n_slots && i < 64; i++) {
                    const kh_lex_entry *e = &lex.slots[i].e;
                    if (e->key_len && e->key <= lex.pool_size &&
                        e->key_len <= lex.pool_size - e->key)
                        kh_lexicon_find(&lex, lex.pool + e->key, e->key_len);
                }
            } else if (err.code != KHABAR_EMODEL || !err.msg) {
                abort();
            }
        } else {
            kh_segmenter seg;
            if (kh_segmenter_open(&seg, &c, &err) == KHABAR_OK) {
                kh_norm n;
                kh_norm_init(&n, KH_NORM_MORPH, 1);
                for (i = 0; i < sizeof probes / sizeof *probes; i++) {
                    kh_seg_token t;
                    if (kh_seg_token_init(&t, &n, probes[i], 0,
                                          strlen(probes[i])) == 0)
                        (void)kh_segment(&seg, NULL, &t);
                }
                kh_norm_free(&n);
            } else if (err.code != KHABAR_EMODEL || !err.msg) {
                abort();
            }
        }
    } else if (err.code != KHABAR_EMODEL || !err.msg) {
        abort();
    }
    free(image);
    return 0;
}
