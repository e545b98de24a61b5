/*
 * normalize.c - the normalization engine and khabar_normalize().
 *
 * See normalize.h for the model. This file owns the order of the rules and
 * the growth of the output buffer; the tables come from unicode_tables.c.
 */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "khabar.h"
#include "utf8.h"

/* ------------------------------------------------------------------------ */
/* Flags                                                                    */
/* ------------------------------------------------------------------------ */

unsigned kh_norm_flags(unsigned norm)
{
    if (norm == 0)
        return KHABAR_NORM_SEARCH;
    return norm | KHABAR_NORM_EXPLICIT;
}

unsigned khabar_norm_preset(const char *name)
{
    if (!name)
        return 0;
    if (strcmp(name, "search") == 0)
        return KHABAR_NORM_SEARCH;
    if (strcmp(name, "display") == 0)
        return KHABAR_NORM_DISPLAY;
    return 0;
}

/* Precomputes the fast path for U+0600..U+06FF (see KH_FAST_*). */
static void fill_arabic_fast(kh_norm *n)
{
    unsigned i;
    for (i = 0; i < 256; i++) {
        uint32_t cp = 0x600 + i, out = cp, f = 0;
        const kh_cinfo *ci = kh_uc(cp);
        int drop = 0, slow = 0;
        switch (ci->rule) {
        case KH_R_NONE:
            break;
        case KH_R_DIACRITIC:
        case KH_R_TATWEEL:
        case KH_R_INVISIBLE:
            drop = n->on[ci->rule];
            break;
        case KH_R_ALEF:
        case KH_R_ALEF_MAQSURA:
        case KH_R_TEH_MARBUTA:
        case KH_R_HAMZA_SEAT:
        case KH_R_DIGIT:
            if (n->on[ci->rule])
                out = ci->target;
            break;
        default:
            slow = 1;
            break;
        }
        if (!drop) {
            char tmp[4];
            size_t w = kh_utf8_put(tmp, out);
            f = (uint32_t)(unsigned char)tmp[0] |
                (w > 1 ? (uint32_t)(unsigned char)tmp[1] << 8 : 0) |
                (uint32_t)w << 16;
        }
        if (drop || out != cp)
            f |= KH_FAST_CHANGED;
        if (slow)
            f |= KH_FAST_SLOW | KH_FAST_CHANGED;
        if (ci->cls == KH_C_AR_LETTER || ci->cls == KH_C_AR_MARK ||
            ci->cls == KH_C_TATWEEL)
            f |= KH_FAST_WORD;
        if (ci->cls == KH_C_AR_LETTER)
            f |= KH_FAST_LETTER;
        n->ar_fast[i] = f;
    }
}

void kh_norm_init(kh_norm *n, unsigned norm, int mapping)
{
    unsigned f = kh_norm_flags(norm);
    memset(n, 0, sizeof *n);
    n->flags = f;
    n->mapping = mapping;
    n->on[KH_R_NONE] = 0;
    n->on[KH_R_DIACRITIC] = (f & KHABAR_NORM_DIACRITICS) != 0;
    n->on[KH_R_COMPOSE] = (f & KHABAR_NORM_COMPOSE) != 0;
    n->on[KH_R_TATWEEL] = (f & KHABAR_NORM_TATWEEL) != 0;
    n->on[KH_R_ALEF] = (f & KHABAR_NORM_ALEF) != 0;
    n->on[KH_R_ALEF_MAQSURA] = (f & KHABAR_NORM_ALEF_MAQSURA) != 0;
    n->on[KH_R_TEH_MARBUTA] = (f & KHABAR_NORM_TEH_MARBUTA) != 0;
    n->on[KH_R_HAMZA_SEAT] = (f & KHABAR_NORM_HAMZA_SEATS) != 0;
    n->on[KH_R_PRESENTATION] = (f & KHABAR_NORM_PRESENTATION) != 0;
    n->on[KH_R_PERSIAN] = (f & KHABAR_NORM_PERSIAN) != 0;
    n->on[KH_R_DIGIT] = (f & KHABAR_NORM_DIGITS) != 0;
    n->on[KH_R_INVISIBLE] = (f & KHABAR_NORM_INVISIBLE) != 0;
    n->on[KH_R_DECIMAL_SEP] = (f & KHABAR_NORM_DIGITS) != 0;
    fill_arabic_fast(n);
}

void kh_norm_free(kh_norm *n)
{
    free(n->buf);
    free(n->map_start);
    free(n->map_end);
    n->buf = NULL;
    n->map_start = n->map_end = NULL;
    n->len = n->cap = 0;
}

int kh_norm_reserve(kh_norm *n, size_t extra)
{
    size_t need, cap;
    if (n->failed)
        return -1;
    if (n->cap - n->len >= extra)
        return 0;
    need = n->len + extra;
    if (need < n->len)
        goto fail;
    cap = n->cap ? n->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            goto fail;
        cap *= 2;
    }
    {
        char *b = realloc(n->buf, cap);
        if (!b)
            goto fail;
        n->buf = b;
    }
    if (n->mapping) {
        size_t *a, *z;
        if (cap > SIZE_MAX / sizeof(size_t))
            goto fail;
        a = realloc(n->map_start, cap * sizeof(size_t));
        if (!a)
            goto fail;
        n->map_start = a;
        z = realloc(n->map_end, cap * sizeof(size_t));
        if (!z)
            goto fail;
        n->map_end = z;
    }
    n->cap = cap;
    return 0;
fail:
    n->failed = 1;
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Emitting                                                                 */
/* ------------------------------------------------------------------------ */

/* The longest output one input code point can give: U+FDFA expands to 18
 * code points of 2 bytes. */
#define KH_NORM_MAX_EXPANSION 64

void kh_norm_emit(kh_norm *n, uint32_t cp, size_t s, size_t e)
{
    size_t k, w;
    if (kh_norm_reserve(n, 4) != 0)
        return;
    w = kh_utf8_put(n->buf + n->len, cp);
    if (n->mapping) {
        for (k = 0; k < w; k++) {
            n->map_start[n->len + k] = s;
            n->map_end[n->len + k] = e;
        }
    }
    n->last_cp = cp;
    n->last_off = n->len;
    n->len += w;
}

/* The code point a single-letter result of composition normalizes to. */
static uint32_t settle(const kh_norm *n, uint32_t cp)
{
    int i;
    for (i = 0; i < 3; i++) {
        const kh_cinfo *ci = kh_uc(cp);
        switch (ci->rule) {
        case KH_R_ALEF:
        case KH_R_ALEF_MAQSURA:
        case KH_R_TEH_MARBUTA:
        case KH_R_HAMZA_SEAT:
        case KH_R_PERSIAN:
            if (!n->on[ci->rule])
                return cp;
            cp = ci->target;
            break;
        default:
            return cp;
        }
    }
    return cp;
}

/* Composes the combining mark cp with the last emitted code point; returns 1
 * when it did. Both the base and the result are two-byte letters of the
 * Arabic block, so the result overwrites the base in place. */
static int compose_last(kh_norm *n, uint32_t mark, size_t e)
{
    uint32_t c, out;
    if (!n->last_cp)
        return 0;
    c = kh_uc_compose_pair(n->last_cp, mark);
    if (!c)
        return 0;
    out = settle(n, c);
    if (out < 0x80 || out >= 0x800 || n->last_cp < 0x80 ||
        n->last_cp >= 0x800)
        return 0;
    kh_utf8_put(n->buf + n->last_off, out);
    if (n->mapping) {
        n->map_end[n->last_off] = e;
        n->map_end[n->last_off + 1] = e;
    }
    n->last_cp = out;
    return 1;
}

uint32_t kh_uc_compose_pair(uint32_t base, uint32_t mark)
{
    size_t lo = 0, hi = kh_uc_compose_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const kh_compose_pair *p = &kh_uc_compose[mid];
        if (p->base < base || (p->base == base && p->mark < mark))
            lo = mid + 1;
        else if (p->base == base && p->mark == mark)
            return p->composed;
        else
            hi = mid;
    }
    return 0;
}

void kh_norm_cp(kh_norm *n, uint32_t cp, const kh_cinfo *ci, size_t s,
                size_t e)
{
    int depth;
    for (depth = 0; depth < 4; depth++) {
        switch (ci->rule) {
        case KH_R_COMPOSE:
            if (n->on[KH_R_COMPOSE] && compose_last(n, cp, e))
                return;
            if (n->on[KH_R_DIACRITIC])
                return;
            kh_norm_emit(n, cp, s, e);
            return;
        case KH_R_DIACRITIC:
        case KH_R_TATWEEL:
        case KH_R_INVISIBLE:
            if (!n->on[ci->rule])
                kh_norm_emit(n, cp, s, e);
            return;
        case KH_R_ALEF:
        case KH_R_ALEF_MAQSURA:
        case KH_R_TEH_MARBUTA:
        case KH_R_HAMZA_SEAT:
        case KH_R_DIGIT:
            kh_norm_emit(n, n->on[ci->rule] ? ci->target : cp, s, e);
            return;
        case KH_R_PERSIAN:
            if (!n->on[KH_R_PERSIAN]) {
                kh_norm_emit(n, cp, s, e);
                return;
            }
            cp = ci->target;
            ci = kh_uc(cp);
            continue;
        case KH_R_PRESENTATION:
            if (n->on[KH_R_PRESENTATION]) {
                uint32_t off = ci->target >> 5, len = ci->target & 31, k;
                if (kh_norm_reserve(n, KH_NORM_MAX_EXPANSION) != 0)
                    return;
                for (k = 0; k < len; k++) {
                    uint32_t p = kh_uc_pool[off + k];
                    const kh_cinfo *pi = kh_uc(p);
                    /* Pool code points are never presentation forms, so
                     * this recursion is one level deep. */
                    if (pi->rule != KH_R_PRESENTATION)
                        kh_norm_cp(n, p, pi, s, e);
                }
                return;
            }
            kh_norm_emit(n, cp, s, e);
            return;
        default: /* NONE, DECIMAL_SEP outside a number */
            kh_norm_emit(n, cp, s, e);
            return;
        }
    }
    kh_norm_emit(n, cp, s, e);
}

void kh_norm_number_sign(kh_norm *n, uint32_t cp, const kh_cinfo *ci,
                         size_t s, size_t e)
{
    if (ci->rule == KH_R_DECIMAL_SEP && n->on[KH_R_DECIMAL_SEP])
        kh_norm_emit(n, ci->target, s, e);
    else
        kh_norm_cp(n, cp, ci, s, e);
}

/* ------------------------------------------------------------------------ */
/* khabar_normalize                                                         */
/* ------------------------------------------------------------------------ */

static int is_digit_class(int cls)
{
    return cls == KH_C_DIGIT || cls == KH_C_AR_DIGIT;
}

size_t kh_normalize_text(kh_norm *n, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *p = s, *e = s + len;
    size_t invalid = 0;
    int prev_digit = 0;
    while (p < e) {
        uint32_t cp;
        int diag;
        size_t w, at = (size_t)(p - s);
        const kh_cinfo *ci;
        if (n->failed)
            break;
        if (*p < 0x80 && *p != 0) {
            /* ASCII has no rule: copy runs of it. */
            const unsigned char *q = p;
            size_t k, run;
            while (q < e && *q < 0x80 && *q != 0)
                q++;
            run = (size_t)(q - p);
            if (kh_norm_reserve(n, run) != 0)
                break;
            memcpy(n->buf + n->len, p, run);
            if (n->mapping) {
                for (k = 0; k < run; k++) {
                    n->map_start[n->len + k] = at + k;
                    n->map_end[n->len + k] = at + k + 1;
                }
            }
            n->len += run;
            n->last_cp = q[-1];
            n->last_off = n->len - 1;
            prev_digit = q[-1] >= '0' && q[-1] <= '9';
            p = q;
            continue;
        }
        w = kh_utf8_next(p, e, &cp, &diag);
        if (diag) {
            invalid++;
            kh_norm_emit(n, KH_REPLACEMENT, at, at + w);
            prev_digit = 0;
            p += w;
            continue;
        }
        ci = kh_uc(cp);
        if (ci->rule == KH_R_DECIMAL_SEP && prev_digit) {
            /* ٪ follows a number; ٫ and ٬ sit between digits. */
            uint32_t next = 0;
            int nd = 0;
            if (p + w < e)
                kh_utf8_next(p + w, e, &next, &nd);
            if (cp == 0x066A ||
                (!nd && p + w < e && is_digit_class(kh_uc(next)->cls)))
                kh_norm_number_sign(n, cp, ci, at, at + w);
            else
                kh_norm_cp(n, cp, ci, at, at + w);
        } else {
            kh_norm_cp(n, cp, ci, at, at + w);
        }
        prev_digit = is_digit_class(ci->cls);
        p += w;
    }
    return invalid;
}

khabar_code khabar_normalize(const khabar_model *model, const char *text,
                             size_t len, unsigned norm, unsigned options,
                             khabar_normalized *out, khabar_error *err)
{
    kh_norm n;
    (void)model;
    if (!out || (!text && len)) {
        if (err) {
            err->code = KHABAR_EINVAL;
            err->msg = "khabar_normalize: NULL argument";
            err->offset = 0;
        }
        return KHABAR_EINVAL;
    }
    memset(out, 0, sizeof *out);
    kh_norm_init(&n, norm, (options & KHABAR_NORMALIZE_MAP) != 0);
    out->n_invalid = kh_normalize_text(&n, text, len);
    if (kh_norm_reserve(&n, 1) != 0 || n.failed) {
        kh_norm_free(&n);
        if (err) {
            err->code = KHABAR_ENOMEM;
            err->msg = "out of memory";
            err->offset = 0;
        }
        return KHABAR_ENOMEM;
    }
    n.buf[n.len] = '\0';
    out->text = n.buf;
    out->len = n.len;
    out->src_start = n.map_start;
    out->src_end = n.map_end;
    return KHABAR_OK;
}

void khabar_normalized_free(khabar_normalized *n)
{
    if (!n)
        return;
    free(n->text);
    free(n->src_start);
    free(n->src_end);
    memset(n, 0, sizeof *n);
}
