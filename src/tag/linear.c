/* linear.c - loading the weights of a linear model (see linear.h). */
#include "linear.h"

#include <string.h>

#include "../core/error.h"

khabar_code kh_linear_open(kh_linear *m, const kh_container *c,
                           khabar_error *err)
{
    kh_cursor k;
    uint32_t version;
    memset(m, 0, sizeof *m);
    kh_cursor_init(&k, kh_container_get(c, "weights"));
    version = kh_cursor_u32(&k);
    m->n_buckets = kh_cursor_u32(&k);
    m->n_labels = kh_cursor_u32(&k);
    kh_cursor_u32(&k);
    if (k.bad || version != 1 || m->n_buckets == 0 ||
        (m->n_buckets & (m->n_buckets - 1)) || m->n_labels == 0 ||
        m->n_labels > 4096 || m->n_buckets > (1u << 26))
        return kh_fail(err, KHABAR_EMODEL, "weights: bad header", 0);
    m->w = kh_cursor_array(&k, (size_t)m->n_buckets * m->n_labels, 2, 2);
    if (!kh_cursor_end(&k))
        return kh_fail(err, KHABAR_EMODEL, "weights: truncated or trailing bytes",
                       0);
    m->mask = m->n_buckets - 1;
    kh_ok(err);
    return KHABAR_OK;
}
