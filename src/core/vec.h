/*
 * vec.h - growable arrays for the doc's results.
 *
 * A kh_vec holds items of one size; it doubles when full, so appending is
 * amortized O(1) and the hot loops allocate only when a doubling is due.
 */
#ifndef KH_VEC_H
#define KH_VEC_H

#include <stddef.h>
#include <stdlib.h>

typedef struct kh_vec {
    void *data;
    size_t len, cap;  /* in items */
} kh_vec;

/* Makes room for extra more items of size bytes; returns 0 or -1. */
int kh_vec_reserve(kh_vec *v, size_t size, size_t extra);

/* Frees the items. */
void kh_vec_free(kh_vec *v);

/* Appends one item; returns a pointer to it (uninitialized) or NULL. */
static inline void *kh_vec_push(kh_vec *v, size_t size)
{
    if (v->len == v->cap && kh_vec_reserve(v, size, 1) != 0)
        return NULL;
    return (char *)v->data + size * v->len++;
}

/* qsort that allows an empty (possibly NULL) array, which qsort does not. */
static inline void kh_sort(void *base, size_t n, size_t size,
                           int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

#endif
