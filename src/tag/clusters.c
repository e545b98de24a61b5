/* clusters.c - loading and looking up word clusters (see clusters.h). */
#include "clusters.h"

#include <string.h>

#include "../core/error.h"
#include "../model/inline_key.h"

_Static_assert(sizeof(kh_cluster_slot) == 32, "a cluster slot is 32 bytes");

static khabar_code bad(khabar_error *err, const char *msg)
{
    return kh_fail(err, KHABAR_EMODEL, msg, 0);
}

khabar_code kh_clusters_open(kh_clusters *cl, const kh_container *c,
                             khabar_error *err)
{
    kh_cursor k;
    uint32_t version;
    memset(cl, 0, sizeof *cl);
    kh_cursor_init(&k, kh_container_get(c, "clusters"));
    if (k.bad)
        return bad(err, "clusters: no clusters section");
    version = kh_cursor_u32(&k);
    cl->n_entries = kh_cursor_u32(&k);
    cl->n_slots = kh_cursor_u32(&k);
    cl->n_clusters = kh_cursor_u32(&k);
    cl->pool_size = kh_cursor_u32(&k);
    cl->max_path_len = kh_cursor_u32(&k);
    if (k.bad || version != 2 || cl->n_clusters == 0 ||
        cl->n_clusters > 65536 || cl->max_path_len == 0 ||
        cl->max_path_len > KH_CLUSTERS_MAX_PATH)
        return bad(err, "clusters: bad header");
    if (cl->n_slots == 0 || (cl->n_slots & (cl->n_slots - 1)) ||
        cl->n_slots <= cl->n_entries)
        return bad(err, "clusters: bad slot count");
    cl->slots = kh_cursor_array(&k, cl->n_slots, sizeof(kh_cluster_slot), 4);
    cl->pool = kh_cursor_array(&k, cl->pool_size, 1, 1);
    if (!kh_cursor_end(&k))
        return bad(err, "clusters: truncated or trailing bytes");
    kh_ok(err);
    return KHABAR_OK;
}

/* Whether a slot's fields are in range. The loader reads no slot (that
 * would bring all of the table into memory at every start-up, for stages
 * that may never look a word up): a lookup checks the slots it reads, and
 * passes over a bad one as if it held another key. */
static int slot_ok(const kh_clusters *cl, const kh_cluster_slot *e)
{
    return e->key <= cl->pool_size && e->key_len <= cl->pool_size - e->key &&
           e->cluster < cl->n_clusters && e->path_len != 0 &&
           e->path_len <= cl->max_path_len &&
           (uint32_t)e->path >> e->path_len == 0;
}

int kh_clusters_find(const kh_clusters *cl, const char *key, size_t n,
                     uint32_t *path, int *path_len)
{
    uint32_t mask, i, probes;
    if (!cl->n_slots || n > 255)
        return -1;
    mask = cl->n_slots - 1;
    i = kh_clusters_hash(key, n) & mask;
    /* n_slots > n_entries, so an empty slot ends every probe sequence; the
     * bound only guards a hostile file whose slots are all full. */
    for (probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        const kh_cluster_slot *e = &cl->slots[i];
        if (!e->key_len)
            return -1;
        if (!slot_ok(cl, e))
            continue;
        if (kh_inline_key_is(e->head, KH_CLUSTERS_INLINE, cl->pool, e->key,
                             e->key_len, key, n)) {
            if (path)
                *path = e->path;
            if (path_len)
                *path_len = e->path_len;
            return e->cluster;
        }
    }
    return -1;
}

const char *kh_clusters_kind_key(int kind)
{
    switch (kind) {
    case KHABAR_TOK_NUMBER:
        return "<NUM>";
    case KHABAR_TOK_DATE:
        return "<DATE>";
    case KHABAR_TOK_TIME:
        return "<TIME>";
    case KHABAR_TOK_LATIN:
        return "<LATIN>";
    case KHABAR_TOK_URL:
        return "<URL>";
    case KHABAR_TOK_EMAIL:
        return "<EMAIL>";
    case KHABAR_TOK_MENTION:
        return "<MENTION>";
    default:
        return NULL;
    }
}
