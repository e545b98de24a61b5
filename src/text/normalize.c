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

/* Precomputes the fast path for U+0600..U+06FF (see KH_FAST_*). An entry
 * not marked SLOW is exactly what kh_norm_cp() does with the code point,
 * whatever was emitted before it: only SLOW code points compose. */
static void fill_arabic_fast(kh_norm *n)
{
    unsigned i;
    for (i = 0; i < KH_FAST_SIZE; i++) {
        unsigned b1 = i & 0xFFu;
        uint32_t cp, out, f = 0;
        const kh_cinfo *ci;
        int drop = 0, slow = 0;
        size_t w = 0;
        if ((b1 & 0xC0u) != 0x80u) {
            n->ar_fast[i] = 0; /* an ill-formed pair: no flag */
            continue;
        }
        cp = 0x600u + ((i >> 8) << 6) + (b1 & 0x3Fu);
        out = cp;
        ci = kh_uc(cp);
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
            w = kh_utf8_put(tmp, out);
            f = (uint32_t)(unsigned char)tmp[0] |
                (w > 1 ? (uint32_t)(unsigned char)tmp[1] << 8 : 0) |
                (uint32_t)w << 24;
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
        if (!slow && (drop || w == 2)) {
            /* Dropped, or written as two bytes: the fast loops store two
             * bytes and advance by the length. */
            /* Tatweel is left to the tokenizer's slow path, which splits it
             * off a word's edges (a dash, not a letter). */
            if ((f & KH_FAST_WORD) && ci->cls != KH_C_TATWEEL)
                f |= KH_FAST_OK;
            if (ci->cls != KH_C_DIGIT && ci->cls != KH_C_AR_DIGIT)
                f |= KH_FAST_TEXT;
            if (ci->cls == KH_C_PUNCT)
                f |= KH_FAST_PUNCT;
        }
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

/* The fast path of kh_normalize_text(): from p, copies ASCII bytes (but
 * NUL, which has no rule) and normalizes the two-byte code points whose
 * ar_fast entry is KH_FAST_TEXT by a table lookup, up to the first other
 * byte; returns where it stopped. The caller has made room for the rest of
 * the input: this loop writes no more bytes than it reads.
 *
 * It keeps the engine's state as kh_norm_cp() and the ASCII copy would:
 * last_cp / last_off are the last code point written (unchanged when
 * everything was dropped), which the fast entries make easy to find: an
 * ASCII byte, or a two-byte sequence. mapping is a constant at each call,
 * so the compiler makes two loops. */
static inline const unsigned char *
text_fast(kh_norm *n, const unsigned char *s, const unsigned char *p,
          const unsigned char *e, int mapping)
{
    const uint32_t *fast = n->ar_fast;
    const unsigned char *p0 = p;
    char *buf = n->buf, *o = buf + n->len, *o0 = o;
    while (p < e) {
        unsigned b = p[0], v;
        uint32_t f;
        if (b - 1u < 0x7Fu) {
            if (mapping) {
                size_t at = (size_t)(p - s), k = (size_t)(o - buf);
                n->map_start[k] = at;
                n->map_end[k] = at + 1;
            }
            *o++ = (char)b;
            p++;
            continue;
        }
        if (e - p < 2 || (v = KH_FAST_INDEX(b, p[1])) >= KH_FAST_SIZE)
            break;
        f = fast[v];
        if (!(f & KH_FAST_TEXT))
            break;
        if (mapping) {
            size_t at = (size_t)(p - s), k = (size_t)(o - buf);
            n->map_start[k] = n->map_start[k + 1] = at;
            n->map_end[k] = n->map_end[k + 1] = at + 2;
        }
        o[0] = (char)f;
        o[1] = (char)(f >> 8);
        o += KH_FAST_LEN(f);
        p += 2;
    }
    (void)p0;
    if (o != o0) {
        unsigned char last = (unsigned char)o[-1];
        if (last < 0x80) {
            n->last_cp = last;
            n->last_off = (size_t)(o - buf) - 1;
        } else {
            n->last_cp = ((uint32_t)((unsigned char)o[-2] & 0x1Fu) << 6) |
                         (last & 0x3Fu);
            n->last_off = (size_t)(o - buf) - 2;
        }
    }
    n->len = (size_t)(o - buf);
    return p;
}

/* Is cp a digit (ASCII or Arabic-Indic)? */
static int is_digit_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
           (cp >= 0x06F0 && cp <= 0x06F9);
}

/* The first code point the engine emits for cp, or 0 when it emits
 * nothing (a dropped diacritic, tatweel, invisible character, or a
 * presentation form made only of those). */
static uint32_t first_emitted(const kh_norm *n, uint32_t cp, int depth)
{
    const kh_cinfo *ci = kh_uc(cp);
    switch (ci->rule) {
    case KH_R_DIACRITIC:
    case KH_R_TATWEEL:
    case KH_R_INVISIBLE:
        return n->on[ci->rule] ? 0 : cp;
    case KH_R_COMPOSE:
        return n->on[KH_R_DIACRITIC] ? 0 : cp;
    case KH_R_PRESENTATION:
        if (n->on[KH_R_PRESENTATION] && depth == 0) {
            uint32_t off = ci->target >> 5, len = ci->target & 31, k, f;
            for (k = 0; k < len; k++) {
                if ((f = first_emitted(n, kh_uc_pool[off + k], 1)) != 0)
                    return f;
            }
            return 0;
        }
        return cp;
    case KH_R_DIGIT:
    case KH_R_PERSIAN:
    case KH_R_ALEF:
    case KH_R_ALEF_MAQSURA:
    case KH_R_TEH_MARBUTA:
    case KH_R_HAMZA_SEAT:
        return n->on[ci->rule] ? ci->target : cp;
    default:
        return cp;
    }
}

/* Is the next code point that the engine keeps, from p, a digit? Dropped
 * code points (a diacritic, tatweel, an invisible character) in between do
 * not count, so that the decision is the same on the normalized text: that
 * is what keeps normalization idempotent. */
static int digit_follows(const kh_norm *n, const unsigned char *p,
                         const unsigned char *e)
{
    int k;
    for (k = 0; k < 64 && p < e; k++) {
        uint32_t cp, f;
        int diag;
        p += kh_utf8_next(p, e, &cp, &diag);
        if (diag)
            return 0;
        if ((f = first_emitted(n, cp, 0)) != 0)
            return is_digit_cp(f);
    }
    return 0;
}

size_t kh_normalize_text(kh_norm *n, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text, *p = s, *e = s + len;
    size_t invalid = 0;
    while (p < e) {
        uint32_t cp;
        int diag;
        size_t w, at;
        const kh_cinfo *ci;
        if (n->failed)
            break;
        /* Room for the rest of the input, so that the fast path needs no
         * check; the slow steps below reserve for themselves. */
        if (kh_norm_room(n, (size_t)(e - p)) != 0)
            break;
        p = n->mapping ? text_fast(n, s, p, e, 1) : text_fast(n, s, p, e, 0);
        if (p >= e)
            break;
        at = (size_t)(p - s);
        w = kh_utf8_next(p, e, &cp, &diag);
        if (diag) {
            invalid++;
            kh_norm_emit(n, KH_REPLACEMENT, at, at + w);
            p += w;
            continue;
        }
        ci = kh_uc(cp);
        /* A number sign after a digit (the last code point kept): ٪ always,
         * ٫ and ٬ when a digit follows too. */
        if (ci->rule == KH_R_DECIMAL_SEP && is_digit_cp(n->last_cp) &&
            (cp == 0x066A || digit_follows(n, p + w, e)))
            kh_norm_number_sign(n, cp, ci, at, at + w);
        else
            kh_norm_cp(n, cp, ci, at, at + w);
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
