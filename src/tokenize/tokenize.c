/*
 * tokenize.c - one pass over the bytes: tokens, their kinds, offsets and
 * normalized forms.
 *
 * The scanner looks at the class of the code point where a token may start
 * (from the generated Unicode table) and hands over to the scanner of that
 * kind. Arabic words, by far the most common tokens, are normalized while they
 * are scanned, with a two-byte fast path for the Arabic block; tokens whose
 * extent needs lookahead (numbers, dates, URLs, abbreviations) are measured
 * first and normalized after.
 *
 * The hot path, scan_run(), takes the tokens that make up most of news text
 * (Arabic words of the block's table, one-code-point punctuation, plain ASCII
 * numbers, and the simple gaps between them) one after the other without a
 * trip through the main loop, and writes them in place. It is a shortcut, not
 * a second tokenizer: for every token it takes it gives exactly what the
 * general scanners give, and it leaves (or hands over) anything else.
 *
 * Invariants (checked by tests/test_properties.c):
 *   - tokens are in input order and do not overlap;
 *   - the bytes between two tokens are white space or standalone invisible
 *     characters only, so tokens and gaps rebuild the input exactly;
 *   - every ill-formed UTF-8 unit and every NUL is in exactly one INVALID
 *     token and has exactly one diagnostic;
 *   - the normalized-form buffer always has room for the rest of the input
 *     plus 64 bytes at a token's start (keep_room), so the table-driven fast
 *     paths, which never write more bytes than they read, need no check;
 *   - a token's form is what kh_norm_cp() gives for its bytes from a unit
 *     boundary (last_cp 0), whichever path wrote it.
 */
#include "tokenize.h"

#include <string.h>

#include "../core/doc.h"
#include "../text/normalize.h"
#include "../text/utf8.h"

/* A class beyond the table's: an ill-formed unit. */
#define CLS_INVALID KH_C_COUNT

typedef struct scan {
    const unsigned char *s;
    size_t len;
    kh_norm norm;
    kh_vec *toks;
    kh_vec *diags;
    int failed;
    /* ASCII bytes that are a PUNCT token of their own (all of class PUNCT
     * but # and @, which may start a tag; a full stop only when no other
     * follows it), from the Unicode table at kh_tokenize's start. */
    uint8_t punct1[128];
    /* What the byte after a run of ASCII digits makes of the number, as
     * scan_number() reads it (see NUM_*). */
    uint8_t num_next[256];
} scan;

/* The byte after ASCII digits (scan.num_next): */
enum {
    NUM_END = 0, /* ends a plain number: ASCII that is no separator */
    NUM_SEP,     /* . , / - : which make a date, a time or a longer number
                    when a digit follows, and end a plain one otherwise */
    NUM_SIGN,    /* %, the last byte of the number */
    NUM_OTHER    /* not ASCII: may be an Arabic-Indic digit or sign */
};

/* ------------------------------------------------------------------------ */
/* Looking at code points                                                   */
/* ------------------------------------------------------------------------ */

/* The class of the code point at pos (< len); its value and width. */
static inline int peek(const scan *sc, size_t pos, uint32_t *cp, size_t *w)
{
    const unsigned char *p = sc->s + pos;
    int diag;
    if (*p < 0x80 && *p) {
        *cp = *p;
        *w = 1;
        return kh_uc(*p)->cls;
    }
    *w = kh_utf8_next(p, sc->s + sc->len, cp, &diag);
    if (diag)
        return CLS_INVALID;
    return kh_uc(*cp)->cls;
}

/* The class at pos, or -1 at the end. */
static inline int cls_at(const scan *sc, size_t pos)
{
    uint32_t cp;
    size_t w;
    if (pos >= sc->len)
        return -1;
    return peek(sc, pos, &cp, &w);
}

static inline uint32_t cp_at(const scan *sc, size_t pos, size_t *w)
{
    uint32_t cp;
    size_t ww;
    if (pos >= sc->len) {
        if (w)
            *w = 0;
        return 0;
    }
    if (peek(sc, pos, &cp, &ww) == CLS_INVALID)
        cp = 0;
    if (w)
        *w = ww;
    return cp;
}

static inline int is_word_class(int c)
{
    return c == KH_C_AR_LETTER || c == KH_C_AR_MARK || c == KH_C_TATWEEL ||
           c == KH_C_LATIN || c == KH_C_LETTER || c == KH_C_MARK;
}

static inline int is_digit_class(int c)
{
    return c == KH_C_DIGIT || c == KH_C_AR_DIGIT;
}

/* Invisible characters that belong inside a word when letters follow. Bidi
 * marks and the zero-width space separate words instead. */
static inline int is_joiner(uint32_t cp)
{
    return cp == 0x200C || cp == 0x200D || cp == 0x00AD || cp == 0x2060;
}

static inline int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static int starts_with_ci(const scan *sc, size_t pos, const char *lit)
{
    size_t k;
    for (k = 0; lit[k]; k++) {
        if (pos + k >= sc->len || ascii_lower(sc->s[pos + k]) != lit[k])
            return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Emitting tokens                                                          */
/* ------------------------------------------------------------------------ */

/* Normalizes input bytes [a, b) into the norm buffer. In numbers, the
 * Arabic number signs become ASCII. */
static void norm_range(scan *sc, size_t a, size_t b, int in_number)
{
    size_t pos = a;
    while (pos < b) {
        uint32_t cp;
        size_t w;
        int c;
        if (sc->s[pos] < 0x80 && sc->s[pos] != 0) {
            /* ASCII has no rule: copy the run. */
            size_t q = pos;
            while (q < b && sc->s[q] < 0x80 && sc->s[q] != 0)
                q++;
            if (kh_norm_room(&sc->norm, q - pos) != 0)
                return;
            memcpy(sc->norm.buf + sc->norm.len, sc->s + pos, q - pos);
            sc->norm.len += q - pos;
            sc->norm.last_cp = sc->s[q - 1];
            sc->norm.last_off = sc->norm.len - 1;
            pos = q;
            continue;
        }
        c = peek(sc, pos, &cp, &w);
        if (c == CLS_INVALID) {
            kh_norm_emit(&sc->norm, KH_REPLACEMENT, pos, pos + w);
        } else {
            const kh_cinfo *ci = kh_uc(cp);
            if (in_number && ci->rule == KH_R_DECIMAL_SEP)
                kh_norm_number_sign(&sc->norm, cp, ci, pos, pos + w);
            else
                kh_norm_cp(&sc->norm, cp, ci, pos, pos + w);
        }
        pos += w;
    }
}

static void push_known(scan *sc, int kind, size_t start, size_t end,
                       size_t norm_start, unsigned flags);

/* Pushes a token, comparing its normalized form with the original. */
static void push(scan *sc, int kind, size_t start, size_t end,
                 size_t norm_start, unsigned flags)
{
    size_t nlen = sc->norm.len - norm_start;
    if (!sc->norm.failed &&
        (nlen != end - start ||
         memcmp(sc->norm.buf + norm_start, sc->s + start, nlen) != 0))
        flags |= KHABAR_TOKEN_CHANGED;
    push_known(sc, kind, start, end, norm_start, flags);
}

/* Pushes a token whose CHANGED flag the scanner worked out itself. The
 * normalized form differs from the original exactly when a rule fired. */
static void push_known(scan *sc, int kind, size_t start, size_t end,
                       size_t norm_start, unsigned flags)
{
    khabar_token *t;
    size_t nlen = sc->norm.len - norm_start;
    kh_norm_boundary(&sc->norm);
    if (sc->norm.failed || nlen > UINT32_MAX) {
        sc->failed = 1;
        return;
    }
    t = kh_vec_push(sc->toks, sizeof *t);
    if (!t) {
        sc->failed = 1;
        return;
    }
    t->start = start;
    t->end = end;
    t->norm = norm_start;
    t->norm_len = (uint32_t)nlen;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)flags;
}

/* A token whose extent is known: normalize it and push it. ASCII but NUL
 * has no rule, so a token of it alone is copied and known unchanged. */
static size_t emit(scan *sc, int kind, size_t a, size_t b, int in_number)
{
    size_t ns = sc->norm.len, k;
    if (kh_norm_room(&sc->norm, b - a) == 0) {
        char *o = sc->norm.buf + ns - a;
        for (k = a; k < b && (unsigned)sc->s[k] - 1u < 0x7Fu; k++)
            o[k] = (char)sc->s[k];
        if (k == b) {
            sc->norm.len = ns + (b - a);
            push_known(sc, kind, a, b, ns, 0);
            return b;
        }
    }
    norm_range(sc, a, b, in_number);
    push(sc, kind, a, b, ns, 0);
    return b;
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */
/* ------------------------------------------------------------------------ */

/* Dotted abbreviations of single letters: U.S., أ.ف.ب. Given the end of a
 * one-letter word at pos, returns the end of the abbreviation, or pos. */
static size_t abbreviation(const scan *sc, size_t pos, int letter_cls,
                           int final_dot)
{
    size_t end = pos, units = 1;
    while (end < sc->len && sc->s[end] == '.') {
        size_t w1, w2;
        uint32_t cp;
        int c1, c2;
        if (end + 1 >= sc->len)
            break;
        c1 = peek(sc, end + 1, &cp, &w1);
        if (c1 != letter_cls)
            break;
        c2 = cls_at(sc, end + 1 + w1);
        if (c2 == letter_cls || c2 == KH_C_AR_MARK || c2 == KH_C_MARK)
            break;
        end += 1 + w1;
        units++;
        (void)w2;
    }
    if (units < 2)
        return pos;
    if (final_dot && end < sc->len && sc->s[end] == '.' &&
        !is_word_class(cls_at(sc, end + 1)))
        end++;
    return end;
}

/* The last code point written to the engine's output since byte floor, or
 * 0: what a combining mark would compose with. */
static uint32_t last_written(const kh_norm *nm, size_t floor, size_t *off)
{
    size_t k = nm->len;
    uint32_t cp;
    int diag;
    if (k <= floor)
        return 0;
    do
        k--;
    while (k > floor && ((unsigned char)nm->buf[k] & 0xC0) == 0x80);
    kh_utf8_next((const unsigned char *)nm->buf + k,
                 (const unsigned char *)nm->buf + nm->len, &cp, &diag);
    *off = k;
    return diag ? 0 : cp;
}

/* The number of Arabic letters in bytes [a, b). */
static size_t letter_count(const unsigned char *s, size_t a, size_t b)
{
    size_t k = 0;
    while (a < b) {
        uint32_t cp;
        int diag;
        a += kh_utf8_next(s + a, s + b, &cp, &diag);
        k += !diag && kh_uc(cp)->cls == KH_C_AR_LETTER;
    }
    return k;
}

/* Keeps the invariant of kh_tokenize(): the output has room for the rest of
 * the input plus 64 bytes, so a fast path that writes no more than it reads
 * needs no check. */
static int keep_room(scan *sc, size_t pos)
{
    return kh_norm_room(&sc->norm, sc->len - pos + 64);
}

/* An Arabic-script word: letters, marks, tatweel, joiners between letters;
 * then a dotted abbreviation if it is one. The word starts at start; bytes
 * [start, pos) are already scanned and normalized into the engine's output
 * from ns on, and changed holds the KH_FAST_CHANGED of what they gave. Both
 * scan_arabic() (from a word's first byte) and scan_run() (which hands
 * a word over when it meets a code point it does not know) start here.
 *
 * A code point of U+0600..U+06FF that is KH_FAST_OK costs one table lookup
 * (ar_fast: output bytes, length, flags) and one two-byte store; it never
 * writes more than it reads, so it needs no bounds check (see keep_room).
 * Anything else goes through kh_norm_cp() with the engine's output length
 * synced before and after. */
static size_t scan_arabic_from(scan *sc, size_t start, size_t pos, size_t ns,
                               uint32_t changed)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len;
    kh_norm *nm = &sc->norm;
    const uint32_t *fast = nm->ar_fast;
    char *o = nm->buf + nm->len;

    for (;;) {
        uint32_t cp;
        size_t w;
        int c;
        {
            /* The fast loop: restrict tells the compiler that the output
             * does not alias the input or the table. */
            const unsigned char *p = s + pos, *last = s + n - 1;
            char *restrict out = o;
            uint32_t acc = 0, f = 0;
            unsigned v = KH_FAST_SIZE;
            while (p < last) {
                v = KH_FAST_INDEX(p[0], p[1]);
                if (v >= KH_FAST_SIZE)
                    break;
                f = fast[v];
                if (!(f & KH_FAST_OK))
                    break;
                out[0] = (char)f;
                out[1] = (char)(f >> 8);
                out += KH_FAST_LEN(f);
                acc |= f;
                p += 2;
                v = KH_FAST_SIZE;
            }
            o = out;
            changed |= acc;
            pos = (size_t)(p - s);
            /* A code point of the block that is no part of a word (or an
             * ill-formed pair, whose entry is 0) ends it. */
            if (v < KH_FAST_SIZE && !(f & KH_FAST_WORD))
                goto done;
        }
        if (pos >= n || s[pos] < 0x80)
            break;
        c = peek(sc, pos, &cp, &w);
        if (c == KH_C_AR_LETTER || c == KH_C_AR_MARK || c == KH_C_TATWEEL ||
            c == KH_C_MARK) {
            nm->len = (size_t)(o - nm->buf);
            nm->last_cp = last_written(nm, ns, &nm->last_off);
            kh_norm_cp(nm, cp, kh_uc(cp), pos, pos + w);
            pos += w;
            if (keep_room(sc, pos) != 0) {
                sc->failed = 1;
                return n;
            }
            o = nm->buf + nm->len;
            changed |= KH_FAST_CHANGED;
            continue;
        }
        if (c == KH_C_IGNORE && is_joiner(cp)) {
            /* Joiners stay in the word only when the word goes on. */
            size_t q = pos + w;
            uint32_t cq;
            size_t wq;
            int cc = -1;
            while (q < n && (cc = peek(sc, q, &cq, &wq)) == KH_C_IGNORE &&
                   is_joiner(cq))
                q += wq;
            if (q < n && (cc == KH_C_AR_LETTER || cc == KH_C_AR_MARK ||
                          cc == KH_C_TATWEEL)) {
                /* Joiners only drop or stay: no more out than in. */
                nm->len = (size_t)(o - nm->buf);
                norm_range(sc, pos, q, 0);
                o = nm->buf + nm->len;
                changed |= KH_FAST_CHANGED;
                pos = q;
                continue;
            }
        }
        break;
    }
done:
    nm->len = (size_t)(o - nm->buf);
    {
        /* Tatweel at the end of a word of three letters or more is a dash
         * of its own (فقطـ): a token after the word. Shorter words keep it:
         * هـ (the Hijri era), الـ (the article before a number). */
        size_t tail = pos;
        while (tail >= start + 2 && s[tail - 2] == 0xD9 && s[tail - 1] == 0x80)
            tail -= 2;
        if (tail < pos && tail > start && letter_count(s, start, tail) >= 3) {
            if (!nm->on[KH_R_TATWEEL])
                nm->len -= pos - tail; /* kept tatweel: the form's last bytes */
            push(sc, KHABAR_TOK_ARABIC, start, tail, ns, 0);
            return emit(sc, KHABAR_TOK_PUNCT, tail, pos, 0);
        }
    }
    if (pos < n && s[pos] == '.' && letter_count(s, start, pos) == 1) {
        size_t end = abbreviation(sc, pos, KH_C_AR_LETTER, 0);
        if (end != pos) {
            norm_range(sc, pos, end, 0);
            pos = end;
        }
    }
    push_known(sc, KHABAR_TOK_ARABIC, start, pos, ns,
               (changed & KH_FAST_CHANGED) ? KHABAR_TOKEN_CHANGED : 0);
    return pos;
}

/* An Arabic-script word from its first byte pos. A run of tatweel before
 * it (ـيمكن), or alone, is a dash: a punctuation token of its own. */
static size_t scan_arabic(scan *sc, size_t pos)
{
    size_t q = pos;
    while (q + 1 < sc->len && sc->s[q] == 0xD9 && sc->s[q + 1] == 0x80)
        q += 2;
    if (q > pos)
        return emit(sc, KHABAR_TOK_PUNCT, pos, q, 0);
    return scan_arabic_from(sc, pos, pos, sc->norm.len, 0);
}

/* Whether the bytes [a, b), KH_FAST_OK code points only, hold exactly one
 * letter (letter_count() == 1, found with the table). */
static int one_letter(const uint32_t *fast, const unsigned char *a,
                      const unsigned char *b)
{
    int k = 0;
    for (; a < b && k < 2; a += 2)
        k += (fast[KH_FAST_INDEX(a[0], a[1])] & KH_FAST_LETTER) != 0;
    return k == 1;
}

/* What scan_run() may take at q: 0 nothing; 1 an Arabic word (*f is the
 * KH_FAST_OK entry of its first code point); 2 a punctuation mark of the
 * Arabic block (*f its KH_FAST_PUNCT entry); 3 a punctuation mark of ASCII
 * that is a token of its own (*f made like an entry: the byte, length 1);
 * 4 an ASCII digit (scan_run still checks that the number is a plain one). */
static inline int run_next(const unsigned char *q, const unsigned char *end,
                           const uint32_t *fast, const uint8_t *punct1,
                           uint32_t *f)
{
    unsigned v;
    if (end - q > 1 && (v = KH_FAST_INDEX(q[0], q[1])) < KH_FAST_SIZE) {
        *f = fast[v];
        return (*f & KH_FAST_OK) ? 1 : (*f & KH_FAST_PUNCT) ? 2 : 0;
    }
    if (q >= end || q[0] >= 0x80)
        return 0;
    if (punct1[q[0]] && (q[0] != '.' || end - q < 2 || q[1] != '.')) {
        /* One byte, its own form (a run of dots is scan_punct's). */
        *f = q[0] | 1u << 24;
        return 3;
    }
    return q[0] - (unsigned)'0' < 10u ? 4 : 0;
}

/* The gap from p if it is made of ' ', '\t', '\n' and '\r' only, up to a
 * byte of another kind: its end, and in *flags what skip_gap() would set
 * for it (it is all of the gap when that byte starts a token). */
static inline const unsigned char *run_gap(const unsigned char *p,
                                           const unsigned char *end,
                                           unsigned *flags)
{
    unsigned newlines = 0;
    for (; p < end; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (*p == '\r') {
            if (end - p > 1 && p[1] == '\n')
                p++;
        } else if (*p != '\n') {
            break;
        }
        newlines++;
    }
    *flags = KHABAR_TOKEN_SPACE_AFTER |
             (newlines ? KHABAR_TOKEN_NEWLINE_AFTER : 0) |
             (newlines >= 2 ? KHABAR_TOKEN_PARAGRAPH_AFTER : 0);
    return p;
}

/* The tokenizer's hot path: a run of the tokens that make up most of news
 * text, each written in place without a trip through kh_tokenize's loop:
 *   - Arabic words of KH_FAST_OK code points;
 *   - punctuation marks of one code point: ASCII (punct1) and the Arabic
 *     block's (KH_FAST_PUNCT), such as . , " ( ) : ، ؟;
 *   - plain numbers of ASCII digits (see NUM_*);
 * with nothing between two of them, or a gap of ' ', '\t', '\n' and '\r'
 * (its flags set on the token before it, as skip_gap() would). run_next()
 * has found kind k (not 0) with entry f at pos. Returns where the run
 * stops: before a gap or a token it does not take (pos itself when that is
 * the first, a number scan_number() must read), or after a word that it
 * handed over to scan_arabic_from().
 *
 * A word costs, per code point, one table lookup and one two-byte store and
 * no bounds check (the run writes no more than it reads, see keep_room); its
 * CHANGED flag is the OR of the entries. A word that meets anything the table
 * does not settle (a code point outside it or SLOW, a joiner, a mark of
 * another block, a full stop after a single letter that may make it an
 * abbreviation, the input's last byte) is handed over to scan_arabic_from()
 * as it stands, which gives the token the slow path gives from the word's
 * start. A gap is taken only when a token of the run follows it, so that
 * every gap it leaves is skip_gap()'s as a whole. The token vector and
 * the output are held in locals, synced before a hand-over and on return;
 * last_cp stays 0 (a token boundary) throughout: nothing here composes.
 *
 * Needs sc->len <= UINT32_MAX, so that a form's length fits norm_len. */
static size_t scan_run(scan *sc, size_t pos, int k, uint32_t f)
{
    const unsigned char *s = sc->s, *p = s + pos;
    const unsigned char *end = s + sc->len, *last = end - 1;
    const uint32_t *fast = sc->norm.ar_fast;
    const uint8_t *punct1 = sc->punct1;
    char *buf = sc->norm.buf, *o = buf + sc->norm.len;
    kh_vec *toks = sc->toks;
    khabar_token *t = (khabar_token *)toks->data + toks->len;
    khabar_token *tend = (khabar_token *)toks->data + toks->cap;

    for (;;) {
        const unsigned char *w = p, *q; /* the token's first byte */
        char *o0 = o;                   /* its form's first byte */
        unsigned kind, flags;
        uint32_t acc;

        if (k == 1) {
            /* A word. Invariant: p < last, and f is the entry of the code
             * point at p, which is KH_FAST_OK. An ASCII byte (mostly the
             * space after the word) is tested first, on the byte alone: the
             * branch that ends a word, mispredicted about once a word, then
             * resolves as early as it can. */
            unsigned v;
            acc = 0;
            for (;;) {
                o[0] = (char)f;
                o[1] = (char)(f >> 8);
                o += KH_FAST_LEN(f);
                acc |= f;
                p += 2;
                if (p >= last || p[0] < 0x80) {
                    v = KH_FAST_SIZE;
                    break;
                }
                v = KH_FAST_INDEX(p[0], p[1]);
                if (v >= KH_FAST_SIZE)
                    break;
                f = fast[v];
                if (!(f & KH_FAST_OK))
                    break;
            }
            /* The word ends cleanly at the end of the input, before an
             * ASCII byte (a full stop only when the word has more than one
             * letter, so it is no abbreviation), or before a code point of
             * the block that continues no word (v, f are its index and entry
             * when v < KH_FAST_SIZE). Anything else goes to the general
             * scanner. */
            if (p < end && *p != ' ' && (*p >= 0x80 || *p == '.') &&
                (*p == '.' ? one_letter(fast, w, p)
                           : !(v < KH_FAST_SIZE && !(f & KH_FAST_WORD)))) {
                toks->len = (size_t)(t - (khabar_token *)toks->data);
                sc->norm.len = (size_t)(o - buf);
                return scan_arabic_from(sc, (size_t)(w - s), (size_t)(p - s),
                                        (size_t)(o0 - buf), acc);
            }
            kind = KHABAR_TOK_ARABIC;
        } else if (k != 4) {
            /* A punctuation mark: its form is in f. */
            o[0] = (char)f;
            o[1] = (char)(f >> 8);
            o += KH_FAST_LEN(f);
            acc = f;
            p += k == 2 ? 2 : 1;
            kind = KHABAR_TOK_PUNCT;
        } else {
            /* ASCII digits: a plain number (with a final %) when no
             * separator before a digit nor any non-ASCII byte follows them,
             * which is what scan_number() finds then; else the run stops
             * before them and leaves them to it. */
            unsigned next;
            do
                *o++ = (char)*p++;
            while (p < end && *p - (unsigned)'0' < 10u);
            next = p < end ? sc->num_next[*p] : NUM_END;
            if (next == NUM_SEP && end - p > 1 &&
                (p[1] - (unsigned)'0' < 10u || p[1] >= 0x80))
                next = NUM_OTHER;
            if (next == NUM_OTHER) {
                p = w;
                o = o0;
                break;
            }
            if (next == NUM_SIGN)
                *o++ = (char)*p++;
            acc = 0;
            kind = KHABAR_TOK_NUMBER;
        }
        flags = (acc & KH_FAST_CHANGED) ? KHABAR_TOKEN_CHANGED : 0;
        /* What comes next: the run goes on over a gap of one space (the
         * common case, a branch so that the next look-up need not wait for
         * it), of white space and line breaks that run_gap() knows, or over
         * none. A gap is taken only when a token of the run follows it. */
        k = 0;
        q = p;
        if (p < end && *p <= ' ') {
            unsigned gap;
            if (p < last && *p == ' ' &&
                (k = run_next(p + 1, end, fast, punct1, &f)) != 0) {
                q = p + 1;
                flags |= KHABAR_TOKEN_SPACE_AFTER;
            } else if ((q = run_gap(p, end, &gap)) != p &&
                       (k = run_next(q, end, fast, punct1, &f)) != 0) {
                flags |= gap;
            }
        } else {
            k = run_next(p, end, fast, punct1, &f);
        }
        if (t == tend) {
            size_t n = (size_t)(t - (khabar_token *)toks->data);
            toks->len = n;
            if (kh_vec_reserve(toks, sizeof *t, 1) != 0) {
                sc->norm.len = (size_t)(o - buf);
                sc->failed = 1;
                return sc->len;
            }
            t = (khabar_token *)toks->data + n;
            tend = (khabar_token *)toks->data + toks->cap;
        }
        t->start = (size_t)(w - s);
        t->end = (size_t)(p - s);
        t->norm = (size_t)(o0 - buf);
        t->norm_len = (uint32_t)(o - o0);
        t->kind = (uint16_t)kind;
        t->flags = (uint16_t)flags;
        t++;
        if (!k)
            break;
        p = q;
    }
    toks->len = (size_t)(t - (khabar_token *)toks->data);
    sc->norm.len = (size_t)(o - buf);
    kh_norm_boundary(&sc->norm);
    return (size_t)(p - s);
}

/* A run of code points of the classes a and b from pos (at least one). */
static size_t run_of(const scan *sc, size_t pos, int a, int b)
{
    for (;;) {
        uint32_t cp;
        size_t w;
        int c;
        if (pos >= sc->len)
            break;
        c = peek(sc, pos, &cp, &w);
        if (c != a && c != b)
            break;
        pos += w;
    }
    return pos;
}

/* A word of another script: letters and combining marks. */
static size_t scan_other_word(scan *sc, size_t pos)
{
    return emit(sc, KHABAR_TOK_WORD, pos,
                run_of(sc, pos, KH_C_LETTER, KH_C_MARK), 0);
}

/* ------------------------------------------------------------------------ */
/* URLs, e-mail, hashtags, mentions                                         */
/* ------------------------------------------------------------------------ */

static int is_url_char(const scan *sc, size_t pos, size_t *w)
{
    uint32_t cp;
    int c = peek(sc, pos, &cp, w);
    if (c == KH_C_SPACE || c == KH_C_NEWLINE || c == KH_C_IGNORE ||
        c == CLS_INVALID || c == KH_C_CONTROL)
        return 0;
    /* Quotes and Arabic punctuation end a URL written inside a sentence. */
    return !(cp == '"' || cp == '<' || cp == '>' || cp == 0xAB ||
             cp == 0xBB || cp == 0x060C || cp == 0x061B || cp == 0x061F ||
             cp == 0x201C || cp == 0x201D || cp == '`');
}

/* The end of a URL that starts at start and goes on at pos; trailing
 * punctuation that ends the sentence is not part of it, nor are closing
 * parentheses the URL did not open. */
static size_t url_end(const scan *sc, size_t start, size_t pos)
{
    size_t w, end, k;
    long depth = 0;
    while (pos < sc->len && is_url_char(sc, pos, &w))
        pos += w;
    end = pos;
    for (;;) {
        unsigned char ch;
        if (end <= start)
            break;
        ch = sc->s[end - 1];
        if (ch == '.' || ch == ',' || ch == ';' || ch == ':' || ch == '!' ||
            ch == '?' || ch == '\'') {
            end--;
            continue;
        }
        if (ch == ')') {
            depth = 0;
            for (k = start; k < end; k++)
                depth += sc->s[k] == '(' ? 1 : sc->s[k] == ')' ? -1 : 0;
            if (depth < 0) {
                end--;
                continue;
            }
        }
        break;
    }
    return end;
}

static int is_email_local(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '%' ||
           ch == '+' || ch == '-';
}

static int is_domain_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '-';
}

/* An e-mail address from pos: local@label(.label)+ with a final label of two
 * letters or more. Returns its end, or pos. */
static size_t email_end(const scan *sc, size_t pos)
{
    size_t q = pos, at, last_dot = 0, k;
    while (q < sc->len && is_email_local(sc->s[q]))
        q++;
    if (q == pos || q >= sc->len || sc->s[q] != '@')
        return pos;
    at = q++;
    while (q < sc->len && (is_domain_char(sc->s[q]) || sc->s[q] == '.'))
        q++;
    while (q > at + 1 && sc->s[q - 1] == '.')
        q--;
    for (k = at + 1; k < q; k++) {
        if (sc->s[k] == '.')
            last_dot = k;
    }
    /* A dot inside the domain, a label before it, two letters after. */
    if (last_dot <= at + 1 || q - last_dot < 3)
        return pos;
    for (k = last_dot + 1; k < q; k++) {
        unsigned char ch = sc->s[k];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            return pos;
    }
    return q;
}

/* A bare domain name: word(.word)+ ending in a lower-case label of 2-6
 * letters (aljazeera.net, www.example.com), then a path. Returns its end or
 * pos (pos is the end of the first word). */
static size_t domain_end(const scan *sc, size_t start, size_t pos)
{
    size_t q = pos, labels = 1, last = pos;
    while (q + 1 < sc->len && sc->s[q] == '.' && is_domain_char(sc->s[q + 1])) {
        size_t r = q + 1;
        while (r < sc->len && is_domain_char(sc->s[r]))
            r++;
        labels++;
        last = q;
        q = r;
    }
    if (labels < 2 || q - last - 1 < 2 || q - last - 1 > 6)
        return pos;
    for (size_t k = last + 1; k < q; k++) {
        if (!(sc->s[k] >= 'a' && sc->s[k] <= 'z'))
            return pos;
    }
    if (is_word_class(cls_at(sc, q)))
        return pos;
    if (q < sc->len && sc->s[q] == '/')
        return url_end(sc, start, q);
    return q;
}

static size_t scan_latin(scan *sc, size_t pos)
{
    size_t start = pos, letters = 0, end;
    if (starts_with_ci(sc, pos, "http://") ||
        starts_with_ci(sc, pos, "https://") ||
        starts_with_ci(sc, pos, "ftp://") ||
        starts_with_ci(sc, pos, "www.")) {
        end = url_end(sc, pos, pos);
        if (end > pos + 4)
            return emit(sc, KHABAR_TOK_URL, start, end, 0);
    }
    end = email_end(sc, pos);
    if (end != pos)
        return emit(sc, KHABAR_TOK_EMAIL, start, end, 0);
    for (;;) {
        uint32_t cp;
        size_t w;
        int c;
        if (pos >= sc->len)
            break;
        c = peek(sc, pos, &cp, &w);
        if (c == KH_C_LATIN) {
            letters++;
            pos += w;
            continue;
        }
        if (c == KH_C_MARK || c == KH_C_DIGIT) {
            pos += w;
            continue;
        }
        if ((cp == '\'' || cp == 0x2019) && letters &&
            cls_at(sc, pos + w) == KH_C_LATIN) {
            pos += w;
            continue;
        }
        break;
    }
    if (letters == 1 && pos - start <= 2) {
        end = abbreviation(sc, pos, KH_C_LATIN, 1);
        if (end != pos)
            return emit(sc, KHABAR_TOK_LATIN, start, end, 0);
    }
    end = domain_end(sc, start, pos);
    if (end != pos)
        return emit(sc, KHABAR_TOK_URL, start, end, 0);
    return emit(sc, KHABAR_TOK_LATIN, start, pos, 0);
}

/* #tag and @name: the sign, then letters, marks, digits and underscores. */
static size_t scan_tag(scan *sc, size_t pos, int kind)
{
    size_t start = pos;
    pos++;
    for (;;) {
        uint32_t cp;
        size_t w;
        int c;
        if (pos >= sc->len)
            break;
        c = peek(sc, pos, &cp, &w);
        if (is_word_class(c) || is_digit_class(c) || c == KH_C_ODIGIT ||
            cp == '_' || (c == KH_C_IGNORE && is_joiner(cp))) {
            pos += w;
            continue;
        }
        if (cp == '.' && kind == KHABAR_TOK_MENTION &&
            is_word_class(cls_at(sc, pos + 1))) {
            pos += w;
            continue;
        }
        break;
    }
    return emit(sc, kind, start, pos, 0);
}

/* ------------------------------------------------------------------------ */
/* Numbers, dates, times                                                    */
/* ------------------------------------------------------------------------ */

typedef struct digits_run {
    size_t start, end;  /* bytes */
    int n;              /* digits */
    int value;          /* saturated at 10000 */
} digits_run;

/* Reads a run of digits (ASCII or Arabic-Indic) at pos. */
static size_t read_digits(const scan *sc, size_t pos, digits_run *r)
{
    r->start = pos;
    r->n = 0;
    r->value = 0;
    for (;;) {
        uint32_t cp;
        size_t w;
        int c;
        if (pos >= sc->len)
            break;
        c = peek(sc, pos, &cp, &w);
        if (!is_digit_class(c))
            break;
        r->n++;
        if (r->value < 10000) {
            int d = cp <= '9' ? (int)(cp - '0')
                              : (int)((cp >= 0x06F0 ? cp - 0x06F0
                                                    : cp - 0x0660));
            r->value = r->value * 10 + d;
        }
        pos += w;
    }
    r->end = pos;
    return pos;
}

/* The separator at pos if a digit follows it: its code point and width. */
static uint32_t sep_before_digit(const scan *sc, size_t pos, size_t *w)
{
    uint32_t cp = cp_at(sc, pos, w);
    if (!(cp == '.' || cp == ',' || cp == '/' || cp == '-' || cp == ':' ||
          cp == 0x066B || cp == 0x066C || cp == 0x2212))
        return 0;
    if (!is_digit_class(cls_at(sc, pos + *w)))
        return 0;
    return cp;
}

static int date_sep(uint32_t c) { return c == '/' || c == '-' || c == '.'; }

static size_t number_tail(const scan *sc, size_t pos)
{
    uint32_t cp = cp_at(sc, pos, NULL);
    size_t w;
    if (cp == '%' || cp == 0x066A || cp == 0x2030) {
        cp_at(sc, pos, &w);
        return pos + w;
    }
    return pos;
}

/* A number, a date or a time from pos. Reads up to four digit groups with
 * their separators, then decides by their shape. */
static size_t scan_number(scan *sc, size_t pos)
{
    digits_run g[4];
    uint32_t sep[4];
    size_t sepw[4];
    int ng = 1, i;
    size_t start = pos, end;
    read_digits(sc, pos, &g[0]);
    while (ng < 4) {
        sep[ng] = sep_before_digit(sc, g[ng - 1].end, &sepw[ng]);
        if (!sep[ng])
            break;
        read_digits(sc, g[ng - 1].end + sepw[ng], &g[ng]);
        ng++;
    }
    /* Dates: d/m/y, y-m-d, d.m.y with one separator used twice. */
    if (ng >= 3 && date_sep(sep[1]) && sep[2] == sep[1]) {
        int dmy = g[0].n <= 2 && g[1].n <= 2 && (g[2].n == 4 || g[2].n == 2);
        int ymd = g[0].n == 4 && g[1].n <= 2 && g[2].n <= 2;
        if ((dmy || ymd) && !(ng == 4 && sep[3] == sep[1]))
            return emit(sc, KHABAR_TOK_DATE, start, g[2].end, 1);
    }
    /* Times: h:mm, h:mm:ss. */
    if (ng >= 2 && sep[1] == ':' && g[0].n <= 2 && g[0].value <= 24 &&
        g[1].n == 2 && g[1].value < 60) {
        end = g[1].end;
        if (ng >= 3 && sep[2] == ':' && g[2].n == 2 && g[2].value < 60)
            end = g[2].end;
        return emit(sc, KHABAR_TOK_TIME, start, end, 0);
    }
    /* Month and year: 10/2015. */
    if (ng == 2 && sep[1] == '/' && g[0].n <= 2 && g[0].value >= 1 &&
        g[0].value <= 12 && g[1].n == 4)
        return emit(sc, KHABAR_TOK_DATE, start, g[1].end, 1);
    /* Plain numbers: thousands groups, one decimal part, then a range or a
     * fraction to one more number. */
    end = g[0].end;
    i = 1;
    while (i < ng && (sep[i] == ',' || sep[i] == 0x066C) && g[i].n == 3)
        end = g[i++].end;
    if (i < ng && (sep[i] == '.' || sep[i] == 0x066B))
        end = g[i++].end;
    else if (i == 1 && ng == 2 && sep[1] == ',' && g[1].n <= 2 &&
             !(start > 0 && sc->s[start - 1] == ','))
        end = g[i++].end; /* a decimal comma: 1,5 (but not in 1,5,7) */
    if (i < ng && (sep[i] == '-' || sep[i] == 0x2212 || sep[i] == '/') &&
        i + 1 == ng) {
        end = g[i].end;
        i++;
    }
    end = number_tail(sc, end);
    return emit(sc, KHABAR_TOK_NUMBER, start, end, 1);
}

/* ------------------------------------------------------------------------ */
/* Emoji, punctuation, symbols                                              */
/* ------------------------------------------------------------------------ */

static int emoji_extender(uint32_t cp, int c)
{
    return c == KH_C_EMOJI_MOD || cp == 0xFE0F || cp == 0xFE0E ||
           cp == 0x20E3 || (cp >= 0xE0020 && cp <= 0xE007F);
}

static size_t scan_emoji(scan *sc, size_t pos)
{
    size_t start = pos, w;
    uint32_t cp;
    int c = peek(sc, pos, &cp, &w);
    pos += w;
    if (c == KH_C_REGIONAL) {
        if (cls_at(sc, pos) == KH_C_REGIONAL) {
            peek(sc, pos, &cp, &w);
            pos += w;
        }
        return emit(sc, KHABAR_TOK_EMOJI, start, pos, 0);
    }
    for (;;) {
        if (pos >= sc->len)
            break;
        c = peek(sc, pos, &cp, &w);
        if (c != CLS_INVALID && emoji_extender(cp, c)) {
            pos += w;
            continue;
        }
        if (cp == 0x200D && c == KH_C_IGNORE) {
            size_t w2;
            uint32_t cp2;
            int c2 = pos + w < sc->len ? peek(sc, pos + w, &cp2, &w2) : -1;
            if (c2 == KH_C_EMOJI || c2 == KH_C_SYMBOL) {
                pos += w + w2;
                continue;
            }
        }
        break;
    }
    return emit(sc, KHABAR_TOK_EMOJI, start, pos, 0);
}

static size_t scan_symbol(scan *sc, size_t pos)
{
    size_t start = pos, w;
    uint32_t cp;
    peek(sc, pos, &cp, &w);
    pos += w;
    if (cp_at(sc, pos, &w) == 0xFE0F)
        return scan_emoji(sc, start);
    return emit(sc, KHABAR_TOK_SYMBOL, start, pos, 0);
}

static size_t scan_punct(scan *sc, size_t pos, uint32_t cp, size_t w)
{
    size_t start = pos;
    int c1 = cls_at(sc, pos + w);
    if (cp == '#' && (is_word_class(c1) || is_digit_class(c1)))
        return scan_tag(sc, pos, KHABAR_TOK_HASHTAG);
    if (cp == '@' && is_word_class(c1))
        return scan_tag(sc, pos, KHABAR_TOK_MENTION);
    pos += w;
    if (cp == '.') {
        while (pos < sc->len && sc->s[pos] == '.')
            pos++;
    }
    return emit(sc, KHABAR_TOK_PUNCT, start, pos, 0);
}

/* A run of ill-formed units: one INVALID token, one diagnostic per unit. */
static size_t scan_invalid(scan *sc, size_t pos)
{
    size_t start = pos, ns = sc->norm.len;
    while (pos < sc->len) {
        uint32_t cp;
        int diag;
        size_t w;
        khabar_diag *d;
        if (sc->s[pos] < 0x80 && sc->s[pos] != 0)
            break;
        w = kh_utf8_next(sc->s + pos, sc->s + sc->len, &cp, &diag);
        if (!diag)
            break;
        d = kh_vec_push(sc->diags, sizeof *d);
        if (!d) {
            sc->failed = 1;
            return sc->len;
        }
        d->start = pos;
        d->end = pos + w;
        d->kind = diag;
        kh_norm_emit(&sc->norm, KH_REPLACEMENT, pos, pos + w);
        pos += w;
    }
    push(sc, KHABAR_TOK_INVALID, start, pos, ns, KHABAR_TOKEN_INVALID);
    return pos;
}

/* ------------------------------------------------------------------------ */
/* The gaps and the main loop                                               */
/* ------------------------------------------------------------------------ */

/* Skips white space and standalone invisible characters from pos; marks the
 * token before the gap. Returns the end of the gap. */
static size_t skip_gap(scan *sc, size_t pos)
{
    unsigned space = 0;
    int newlines = 0;
    while (pos < sc->len) {
        unsigned char ch = sc->s[pos];
        uint32_t cp;
        size_t w;
        int c;
        if (ch == ' ' || ch == '\t') {
            space = 1;
            pos++;
            continue;
        }
        if (ch == '\n') {
            newlines++;
            space = 1;
            pos++;
            continue;
        }
        if (ch == '\r') {
            space = 1;
            pos++;
            if (pos < sc->len && sc->s[pos] == '\n')
                pos++;
            newlines++;
            continue;
        }
        c = peek(sc, pos, &cp, &w);
        if (c == KH_C_SPACE) {
            space = 1;
        } else if (c == KH_C_NEWLINE) {
            space = 1;
            newlines += cp == 0x2029 ? 2 : 1;
        } else if (c != KH_C_IGNORE) {
            break;
        }
        pos += w;
    }
    if (sc->toks->len) {
        khabar_token *t = (khabar_token *)sc->toks->data + sc->toks->len - 1;
        if (space)
            t->flags |= KHABAR_TOKEN_SPACE_AFTER;
        if (newlines)
            t->flags |= KHABAR_TOKEN_NEWLINE_AFTER;
        if (newlines >= 2)
            t->flags |= KHABAR_TOKEN_PARAGRAPH_AFTER;
    }
    return pos;
}

/* Pre-tokenized input: every run of bytes between white space is one token
 * (ANERcorp and CoNLL files are tokenized already); its kind is the kind of
 * its first code point. Invalid bytes inside a token stay in it. */
static size_t scan_pretokenized(scan *sc, size_t pos)
{
    size_t start = pos, ns = sc->norm.len, w;
    uint32_t cp;
    int c = peek(sc, pos, &cp, &w), kind, d;
    while (pos < sc->len) {
        uint32_t x;
        size_t xw;
        int xc = peek(sc, pos, &x, &xw);
        if (xc == KH_C_SPACE || xc == KH_C_NEWLINE)
            break;
        pos += xw;
    }
    switch (c) {
    case KH_C_AR_LETTER: case KH_C_AR_MARK: case KH_C_TATWEEL:
        kind = KHABAR_TOK_ARABIC; break;
    case KH_C_LATIN: kind = KHABAR_TOK_LATIN; break;
    case KH_C_LETTER: case KH_C_MARK: kind = KHABAR_TOK_WORD; break;
    case KH_C_DIGIT: case KH_C_AR_DIGIT: case KH_C_ODIGIT:
        kind = KHABAR_TOK_NUMBER; break;
    case KH_C_PUNCT: kind = KHABAR_TOK_PUNCT; break;
    case KH_C_EMOJI: case KH_C_EMOJI_MOD: case KH_C_REGIONAL:
        kind = KHABAR_TOK_EMOJI; break;
    case CLS_INVALID: kind = KHABAR_TOK_INVALID; break;
    default: kind = KHABAR_TOK_SYMBOL; break;
    }
    /* Every ill-formed unit still has its diagnostic. */
    for (w = start; w < pos;) {
        size_t n = kh_utf8_next(sc->s + w, sc->s + sc->len, &cp, &d);
        if (d) {
            khabar_diag *g = kh_vec_push(sc->diags, sizeof *g);
            if (!g) {
                sc->failed = 1;
                return sc->len;
            }
            g->start = w;
            g->end = w + n;
            g->kind = d;
        }
        w += n;
    }
    norm_range(sc, start, pos, kind == KHABAR_TOK_NUMBER);
    push(sc, kind, start, pos, ns,
         kind == KHABAR_TOK_INVALID ? KHABAR_TOKEN_INVALID : 0);
    return pos;
}

int kh_tokenize(khabar_doc *doc)
{
    scan sc;
    size_t pos = 0;
    unsigned i;
    int runs;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)doc->text;
    sc.len = doc->len;
    sc.toks = &doc->tokens;
    sc.diags = &doc->diags;
    kh_norm_init(&sc.norm, doc->norm, 0);
    for (i = 1; i < 128; i++)
        sc.punct1[i] = kh_uc(i)->cls == KH_C_PUNCT && i != '#' && i != '@';
    for (i = 0; i < 256; i++)
        sc.num_next[i] = i >= 0x80  ? NUM_OTHER
                         : i == '%' ? NUM_SIGN
                         : (i == '.' || i == ',' || i == '/' || i == '-' ||
                            i == ':') ? NUM_SEP
                                      : NUM_END;
    /* scan_run() writes norm_len without a check. */
    runs = sc.len <= UINT32_MAX;
    /* Most text normalizes to about its own size: reserve that up front. */
    if (kh_norm_reserve(&sc.norm, doc->len + 64) != 0 ||
        kh_vec_reserve(sc.toks, sizeof(khabar_token), doc->len / 6 + 16) != 0) {
        kh_norm_free(&sc.norm);
        return -1;
    }
    while (doc->pretokenized && pos < sc.len && !sc.failed) {
        int c = cls_at(&sc, pos);
        if (kh_norm_room(&sc.norm, sc.len - pos + 64) != 0)
            sc.failed = 1;
        else if (c == KH_C_SPACE || c == KH_C_NEWLINE)
            pos = skip_gap(&sc, pos);
        else
            pos = scan_pretokenized(&sc, pos);
    }
    while (pos < sc.len && !sc.failed) {
        uint32_t cp;
        size_t w, before = pos;
        int c;
        unsigned char b = sc.s[pos], b1;
        unsigned v;
        uint32_t f = 0;
        int k;
        /* The common cases first: one space before a word, an Arabic word. */
        if (b == ' ' && pos + 1 < sc.len && sc.toks->len &&
            (b1 = sc.s[pos + 1]) > ' ' && (b1 < 0x80 || (b1 & 0xFC) == 0xD8)) {
            ((khabar_token *)sc.toks->data)[sc.toks->len - 1].flags |=
                KHABAR_TOKEN_SPACE_AFTER;
            pos++;
            continue;
        }
        if (keep_room(&sc, pos) != 0) {
            sc.failed = 1;
            break;
        }
        if (runs && (k = run_next(sc.s + pos, sc.s + sc.len, sc.norm.ar_fast,
                                  sc.punct1, &f)) != 0) {
            /* Arabic words, punctuation marks, plain numbers (see
             * scan_run); it takes nothing when the number is not a plain
             * one, which scan_number() below then reads. */
            size_t at = pos;
            pos = scan_run(&sc, pos, k, f);
            if (pos != at)
                continue;
        }
        if (pos + 1 < sc.len &&
            (v = KH_FAST_INDEX(b, sc.s[pos + 1])) < KH_FAST_SIZE &&
            (sc.norm.ar_fast[v] & KH_FAST_WORD)) {
            pos = scan_arabic(&sc, pos);
            continue;
        }
        c = peek(&sc, pos, &cp, &w);
        switch (c) {
        case KH_C_SPACE:
        case KH_C_NEWLINE:
            pos = skip_gap(&sc, pos);
            break;
        case KH_C_IGNORE: {
            int next = cls_at(&sc, pos + w);
            /* A joiner before Arabic letters stays with the word. */
            if (is_joiner(cp) && (next == KH_C_AR_LETTER ||
                                  next == KH_C_AR_MARK ||
                                  next == KH_C_TATWEEL))
                pos = scan_arabic(&sc, pos);
            else
                pos = skip_gap(&sc, pos);
            break;
        }
        case KH_C_AR_LETTER:
        case KH_C_AR_MARK:
        case KH_C_TATWEEL:
            pos = scan_arabic(&sc, pos);
            break;
        case KH_C_LATIN:
            pos = scan_latin(&sc, pos);
            break;
        case KH_C_LETTER:
        case KH_C_MARK:
            pos = scan_other_word(&sc, pos);
            break;
        case KH_C_ODIGIT:
            pos = emit(&sc, KHABAR_TOK_NUMBER, pos,
                       run_of(&sc, pos, KH_C_ODIGIT, KH_C_ODIGIT), 0);
            break;
        case KH_C_DIGIT:
        case KH_C_AR_DIGIT:
            pos = scan_number(&sc, pos);
            break;
        case KH_C_PUNCT:
            pos = scan_punct(&sc, pos, cp, w);
            break;
        case KH_C_EMOJI:
        case KH_C_EMOJI_MOD:
        case KH_C_REGIONAL:
            pos = scan_emoji(&sc, pos);
            break;
        case CLS_INVALID:
            pos = scan_invalid(&sc, pos);
            break;
        default: /* SYMBOL, CONTROL, OTHER */
            pos = scan_symbol(&sc, pos);
            break;
        }
        if (pos <= before) /* cannot happen; never loop forever */
            pos = scan_symbol(&sc, before);
    }
    if (sc.failed || sc.norm.failed) {
        kh_norm_free(&sc.norm);
        return -1;
    }
    doc->norm_buf = sc.norm.buf;
    doc->norm_len = sc.norm.len;
    sc.norm.buf = NULL;
    kh_norm_free(&sc.norm);
    return 0;
}
