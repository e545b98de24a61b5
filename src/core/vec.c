/* vec.c - growable arrays (see vec.h). */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

int kh_vec_reserve(kh_vec *v, size_t size, size_t extra)
{
    size_t need = v->len + extra, cap;
    void *d;
    if (need < v->len)
        return -1;
    if (need <= v->cap)
        return 0;
    cap = v->cap ? v->cap : 64;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    if (cap > SIZE_MAX / size)
        return -1;
    d = realloc(v->data, cap * size);
    if (!d)
        return -1;
    v->data = d;
    v->cap = cap;
    return 0;
}

void kh_vec_free(kh_vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}
