/*
 * dates.c - stage DATES: date and time expressions, the publication date,
 * and relative dates resolved against it.
 *
 * Three steps. The finder walks the tokens once, left to right; at a token
 * that can start a date (a number, a date or time token, or a word of
 * date_words.c) it tries the patterns below, takes the first that matches,
 * records what the words say (a "point": 20 أكتوبر 2015, أمس, الشهر
 * القادم; or a range, a duration, a time) and goes on after it. Then the
 * publication date is chosen: the caller's, else a full date stated near
 * the top of the text (a dateline), else today. Last, every expression is
 * resolved against it, in one pass, into the doc's timexes.
 *
 * Each pattern looks a bounded number of tokens ahead (REACH), so the
 * finder is linear in the tokens whatever the input. It allocates nothing
 * per token: tokens are seen through a small cache of folded keys, and only
 * a match is stored.
 *
 * Conventions of Arabic news followed here:
 *   - a day and month without a year: after a verb in the past (وصل في
 *     28 ديسمبر), the latest not after the publication date; after another
 *     verb, the first not before it; else the year that puts them nearest
 *     the publication date (within six months);
 *   - يوم الخميس with no الماضي/المقبل is the nearest Thursday (today when
 *     it is one);
 *   - a bare number is a year only after a cue (عام, سنة, في, منذ, حتى,
 *     خلال, قبل, بعد, من ... إلى) and between 1900 and 2100, and not before
 *     a noun it counts (في 2000 موقع, when the tagger ran), or with هـ or م
 *     after it;
 *   - month names that are also common words (مارس "he practised", آب
 *     "father", نيسان, ماي) need a day, a year, a cue or a partner name.
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../tag/features.h"
#include "../tag/tag.h"
#include "../text/utf8.h"
#include "calendar.h"
#include "date_words.h"

/* ------------------------------------------------------------------------ */
/* Tokens as the finder sees them                                           */
/* ------------------------------------------------------------------------ */

#define KEY_MAX 64 /* folded keys longer than this match nothing */
#define CACHE 64   /* cached tokens; more than REACH + 1 */
#define REACH 40   /* tokens a match may look past its first token */

typedef struct dtok {
    size_t idx;        /* token index; SIZE_MAX: empty slot */
    size_t start, end; /* the host's start (after proclitics), token end */
    const kh_dword *w; /* its entry in the word table, or NULL */
    int64_t num;       /* NUMBER of digits only: its value; else -1 */
    uint16_t kind;     /* khabar_token_kind; 0 past the end */
    uint8_t ndig;      /* digits of num */
    uint8_t wa;        /* a proclitic و: "and" before the host */
    uint8_t len;       /* bytes of key */
    char key[KEY_MAX]; /* folded form of the host (date_words.h) */
} dtok;

typedef struct dctx {
    khabar_doc *doc;
    const khabar_token *tok;
    size_t n;
    const khabar_word *words;
    size_t n_words;
    const size_t *tw;  /* token -> first word, or NULL */
    size_t top;        /* where the current match starts */
    dtok none;         /* what lies past the end or the reach */
    kh_dword_index words_ix;
    uint16_t fold_map[256]; /* fold_cp() of U+0600 .. U+06FF */
    dtok cache[CACHE];
} dctx;

/* What folding does to a letter of U+0600..U+06FF (a lead byte D8..DB):
 * FOLD_KEEP, FOLD_DROP, an ASCII digit, or the two bytes it becomes. */
enum { FOLD_KEEP = 0, FOLD_DROP = 1 };

static uint16_t fold_cp(unsigned cp)
{
    switch (cp) {
    case 0x622: case 0x623: case 0x625: case 0x671: case 0x672:
    case 0x673:
        return 0xD8A7;                               /* ا */
    case 0x649: case 0x626: case 0x6CC:
        return 0xD98A;                               /* ي */
    case 0x629:
        return 0xD987;                               /* ه */
    case 0x624:
        return 0xD988;                               /* و */
    case 0x6A9:
        return 0xD983;                               /* ك */
    case 0x640: case 0x670:
        return FOLD_DROP;                            /* tatweel, alef mark */
    default:
        if (cp >= 0x64B && cp <= 0x652)
            return FOLD_DROP;                        /* harakat */
        if (cp >= 0x660 && cp <= 0x669)
            return (uint16_t)('0' + (cp - 0x660));
        if (cp >= 0x6F0 && cp <= 0x6F9)
            return (uint16_t)('0' + (cp - 0x6F0));
        return FOLD_KEEP;
    }
}

/* Appends the folded form of s[0..n) to out at *at; 0, or -1 when it does
 * not fit in KEY_MAX bytes. map[k] is fold_cp(0x600 + k). */
static int fold(const uint16_t *map, const char *s, size_t n, char *out,
                size_t *at)
{
    size_t i = 0, o = *at;
    /* Folding never lengthens: when the bytes fit, so does their folding,
     * and no letter needs a test. */
    if (o + n <= KEY_MAX) {
        const unsigned char *p = (const unsigned char *)s, *e = p + n;
        char *q = out + o;
        while (p + 1 < e) {
            unsigned b0 = p[0], b1 = p[1], f;
            if (b0 - 0xD8u > 3u || (b1 & 0xC0) != 0x80) {
                *q++ = (char)b0;
                p++;
                continue;
            }
            f = map[((b0 & 3u) << 6) | (b1 & 0x3Fu)];
            p += 2;
            if (f == FOLD_KEEP) {
                q[0] = (char)b0;
                q[1] = (char)b1;
                q += 2;
            } else if (f > 0xFF) {
                q[0] = (char)(f >> 8);
                q[1] = (char)(f & 0xFF);
                q += 2;
            } else if (f != FOLD_DROP) {
                *q++ = (char)f;
            }
        }
        if (p < e)
            *q++ = (char)*p;
        *at = (size_t)(q - out);
        return 0;
    }
    while (i < n) {
        unsigned b0 = (unsigned char)s[i];
        unsigned b1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (b0 >= 0xD8 && b0 <= 0xDB && (b1 & 0xC0) == 0x80) {
            unsigned f = map[((b0 & 3u) << 6) | (b1 & 0x3Fu)];
            i += 2;
            if (f == FOLD_KEEP) {
                if (o + 2 > KEY_MAX)
                    return -1;
                out[o++] = (char)b0;
                out[o++] = (char)b1;
            } else if (f > 0xFF) {
                if (o + 2 > KEY_MAX)
                    return -1;
                out[o++] = (char)(f >> 8);
                out[o++] = (char)(f & 0xFF);
            } else if (f != FOLD_DROP) {
                if (o + 1 > KEY_MAX)
                    return -1;
                out[o++] = (char)f;
            }
            continue;
        }
        if (o + 1 > KEY_MAX)
            return -1;
        out[o++] = s[i++];
    }
    *at = o;
    return 0;
}

static void fill(dctx *c, size_t i, dtok *t)
{
    const khabar_token *k = &c->tok[i];
    const char *norm = c->doc->norm_buf;
    size_t len = 0;
    int ok, lam = 0;
    t->idx = i;
    t->start = k->start;
    t->end = k->end;
    t->kind = k->kind;
    t->w = NULL;
    t->num = -1;
    t->ndig = 0;
    t->wa = 0;
    t->len = 0;
    if (k->norm_len > KEY_MAX * 2 || !norm)
        return;
    if (k->kind == KHABAR_TOK_ARABIC && c->tw &&
        c->tw[i + 1] > c->tw[i] + 1 && c->tw[i + 1] <= c->n_words &&
        c->words[c->tw[i]].role == KHABAR_WORD_PROCLITIC) {
        /* وأمس: the key is the host (with a restored ال: للعام -> العام),
         * the span starts at it. */
        size_t w = c->tw[i], e = c->tw[i + 1];
        for (; w < e && c->words[w].role == KHABAR_WORD_PROCLITIC; w++) {
            const char *f = norm + c->words[w].form;
            lam = c->words[w].form_len == 2 && memcmp(f, "\xD9\x84", 2) == 0;
            if (c->words[w].form_len == 2 && memcmp(f, "\xD9\x88", 2) == 0)
                t->wa = 1;
        }
        if (w == e)
            return;
        t->start = c->words[w].start;
        ok = 0;
        for (; w < e && ok == 0; w++)
            ok = fold(c->fold_map, norm + c->words[w].form,
                      c->words[w].form_len, t->key, &len);
    } else {
        ok = fold(c->fold_map, norm + k->norm, k->norm_len, t->key, &len);
    }
    if (ok != 0)
        return;
    t->len = (uint8_t)len;
    if (k->kind == KHABAR_TOK_ARABIC) {
        t->w = kh_dword_lookup(&c->words_ix, t->key, len);
        /* ل + ال written لل with ال not restored (وللعام -> لعام): try
         * العام. */
        if (!t->w && lam && len >= 2 && len + 2 <= KEY_MAX &&
            memcmp(t->key, "\xD9\x84", 2) == 0) {
            char alt[KEY_MAX];
            memcpy(alt, "\xD8\xA7", 2);
            memcpy(alt + 2, t->key, len);
            if ((t->w = kh_dword_lookup(&c->words_ix, alt, len + 2)) != NULL) {
                memcpy(t->key, alt, len + 2);
                t->len = (uint8_t)(len + 2);
            }
        }
    } else if (k->kind == KHABAR_TOK_NUMBER && len <= 18) {
        int64_t v = 0;
        size_t j;
        for (j = 0; j < len && t->key[j] >= '0' && t->key[j] <= '9'; j++)
            v = v * 10 + (t->key[j] - '0');
        if (j == len && len > 0) {
            t->num = v;
            t->ndig = (uint8_t)len;
        }
    }
}

/* Token i as the finder sees it; the empty token past the end of the text
 * or past the reach of the current match (which keeps every token a match
 * looks at in the cache at once). */
static const dtok *tk(dctx *c, size_t i)
{
    dtok *t;
    if (i >= c->n || i > c->top + REACH || i + 1 < c->top)
        return &c->none;
    t = &c->cache[i % CACHE];
    if (t->idx != i)
        fill(c, i, t);
    return t;
}

#define KEY_IS(t, lit)                                                      \
    ((t)->len == sizeof(lit) - 1 && memcmp((t)->key, lit, sizeof(lit) - 1) == 0)

static int is_w(const dtok *t, int cls)
{
    return t->w && t->w->cls == cls;
}

static int is_prep(const dtok *t, int p)
{
    return is_w(t, KH_DW_PREP) && t->w->val == p;
}

/* الآن (now), as the key of a token */
static int is_now(const dtok *t)
{
    return t->len == 8 && memcmp(t->key, "الان", 8) == 0; /* folded آ */
}

static int is_unit(const dtok *t, int unit, unsigned aux)
{
    return is_w(t, KH_DW_UNIT) && t->w->val == unit &&
           (aux == 0 || (t->w->aux & aux));
}

static int is_punct(const dtok *t, char ch)
{
    return t->kind == KHABAR_TOK_PUNCT && t->len == 1 && t->key[0] == ch;
}

static int is_comma(const dtok *t)
{
    return t->kind == KHABAR_TOK_PUNCT &&
           (KEY_IS(t, ",") || KEY_IS(t, "\xD8\x8C"));
}

/* "and" at j: a و written apart (the next item is at j + 1) or glued to
 * token j (the item is token j itself). */
static int and_at(dctx *c, size_t j, size_t *next)
{
    const dtok *t = tk(c, j);
    if (is_w(t, KH_DW_AND)) {
        *next = j + 1;
        return 1;
    }
    if (t->wa) {
        *next = j;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* What the words say                                                       */
/* ------------------------------------------------------------------------ */

/* How a point is fixed. */
enum {
    H_ABS = 1,  /* year given (Gregorian, or Hijri with hijri) */
    H_YEARLESS, /* month (and day) given; off -1: the latest not after the
                   pub date, +1: the first not before it, 0: the nearest */
    H_MONTHREL, /* month and الماضي/المقبل/الجاري (off -1, +1, 0) */
    H_DEICTIC,  /* off days from the pub date */
    H_WEEKDAY,  /* weekday wday, off -1 last, +1 next, 0 nearest; -2, +2:
                   this or the last, this or the next */
    H_PERIOD,   /* unit off units from the pub date's (day of a month) */
    H_DECADE,   /* decade of century (0: from the pub date, or rel) */
    H_CENTURY,  /* century (0: the pub date's + off) */
    H_YEARREL   /* month (and day) of the pub date's year + off */
};

typedef struct dpoint {
    int32_t year;
    int32_t off;
    int16_t century;  /* 20 = 1900-1999; 0 = relative to the pub date */
    int8_t month, day;
    int8_t wday;      /* weekday written with it, -1 none */
    int8_t hour, minute, second; /* -1 none */
    uint8_t how;      /* H_* */
    uint8_t unit;     /* KH_U_* of H_PERIOD */
    uint8_t part;     /* KHABAR_TIMEX_START / MID / END */
    uint8_t hijri;    /* year, month, day are Hijri */
    uint8_t greg;     /* م written after the year: Gregorian for sure */
    int8_t decade;    /* 0..9 */
    uint8_t daypart;  /* KH_DP_* written with it (صباح اليوم) */
    uint8_t rel;      /* H_DECADE, H_CENTURY: century relative by off */
    uint8_t every;    /* H_YEARLESS: every year (من كل عام) */
} dpoint;

enum { S_POINT = 1, S_RANGE, S_DURATION, S_TIME };

typedef struct dfound {
    size_t start, end;
    dpoint a, b;      /* S_POINT, S_TIME: a; S_RANGE: a to b */
    int64_t count;    /* S_DURATION */
    uint8_t type;     /* S_* */
    uint8_t unit;     /* S_DURATION */
} dfound;

/* What a point may be, by what came before it. */
enum {
    PT_BARE_YEAR = 1u << 0, /* a cue before: 2015 alone is a year */
    PT_AMBIG = 1u << 1,     /* مارس alone is a month */
    PT_WEEKDAY = 1u << 2,   /* الاثنين alone is a weekday */
    PT_GHAD = 1u << 3,      /* غد, الغد are tomorrow */
    PT_DAY = 1u << 4        /* a day before: 5 شوال is a date */
};

static void point_init(dpoint *p)
{
    memset(p, 0, sizeof *p);
    p->wday = -1;
    p->hour = p->minute = p->second = -1;
}

/* A point fixes a single day: a time of day may join it. */
static int day_level(const dpoint *p)
{
    switch (p->how) {
    case H_DEICTIC:
    case H_WEEKDAY:
        return 1;
    case H_ABS:
    case H_YEARLESS:
    case H_MONTHREL:
    case H_YEARREL:
        return p->day != 0;
    case H_PERIOD:
        return p->unit == KH_U_DAY || (p->unit == KH_U_MONTH && p->day);
    default:
        return 0;
    }
}

static size_t p_point(dctx *c, size_t i, dpoint *p, unsigned fl, int depth);

/* A month name at i: one word or two (كانون الثاني, ربيع الأول). */
static size_t month_name(dctx *c, size_t i, int *month, int *hijri,
                         int *ambig)
{
    const dtok *t = tk(c, i), *u;
    if (!t->w)
        return 0;
    *ambig = 0;
    *hijri = 0;
    switch (t->w->cls) {
    case KH_DW_GMONTH:
        *month = t->w->val;
        *ambig = (t->w->aux & KH_DW_AMBIG) != 0;
        return i + 1;
    case KH_DW_HMONTH:
        *month = t->w->val;
        *hijri = 1;
        return i + 1;
    case KH_DW_GMONTH_HEAD: {
        int first = t->w->val == 1; /* كانون, else تشرين */
        u = tk(c, i + 1);
        if (KEY_IS(u, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x88\xD9\x84") ||
            KEY_IS(u, "\xD8\xA7\xD9\x88\xD9\x84")) /* الاول, اول */
            *month = first ? 12 : 10;
        else if (KEY_IS(u, "\xD8\xA7\xD9\x84\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A") ||
                 KEY_IS(u, "\xD8\xAB\xD8\xA7\xD9\x86\xD9\x8A")) /* الثاني, ثاني */
            *month = first ? 1 : 11;
        else
            return 0;
        return i + 2;
    }
    case KH_DW_HMONTH_HEAD: {
        int head = t->w->val;
        int is_first, is_second;
        u = tk(c, i + 1);
        /* الأول, الأولى / الثاني, الثانية, الآخر, الآخرة */
        is_first = (is_w(u, KH_DW_ORDINAL) && u->w->val == 1);
        is_second =
            (is_w(u, KH_DW_ORDINAL) && u->w->val == 2) ||
            (is_w(u, KH_DW_HOURWORD) && u->w->val == 2) ||
            KEY_IS(u, "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAE\xD8\xB1") ||
            KEY_IS(u, "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAE\xD8\xB1\xD9\x87");
        *hijri = 1;
        if (head == 1 && (is_first || is_second))
            *month = is_first ? 3 : 4;
        else if (head == 2 && (is_first || is_second))
            *month = is_first ? 5 : 6;
        else if (head == 3 &&
                 KEY_IS(u, "\xD8\xA7\xD9\x84\xD9\x82\xD8\xB9\xD8\xAF\xD9\x87"))
            *month = 11; /* القعده */
        else if (head == 3 &&
                 KEY_IS(u, "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xAC\xD9\x87"))
            *month = 12; /* الحجه */
        else
            return 0;
        return i + 2;
    }
    default:
        return 0;
    }
}

/* A year number at i (at least min_dig digits, 1..9999) and a calendar mark
 * after it (هـ: *mark 1, م: 2). */
static size_t year_at(dctx *c, size_t i, int min_dig, int32_t *year,
                      int *mark)
{
    const dtok *t = tk(c, i), *u;
    if (t->kind != KHABAR_TOK_NUMBER || t->num < 1 || t->num > 9999 ||
        t->ndig < min_dig || t->ndig > 4)
        return 0;
    *year = (int32_t)t->num;
    *mark = 0;
    u = tk(c, i + 1);
    if (is_w(u, KH_DW_CALMARK)) {
        const dtok *v = tk(c, i + 2);
        /* م3, م2 (cubic, square metres): a unit, no era */
        if (u->w->val == 2 && v->kind == KHABAR_TOK_NUMBER &&
            v->start == u->end)
            return 0;
        *mark = u->w->val;
        return i + 2;
    }
    return i + 1;
}

/* A month name, and a second one after a slash (أكتوبر/تشرين الأول) or
 * in brackets (مارس (آذار)), or the same month's other name right after it
 * (أيلول سبتمبر), or another month's before a year (كانون الثاني ديسمبر
 * 2013). */
static size_t month_at(dctx *c, size_t i, int *month, int *hijri, int *ambig)
{
    size_t j = month_name(c, i, month, hijri, ambig), k;
    int m2, h2, a2, mark;
    int32_t y;
    if (j && is_punct(tk(c, j), '/') &&
        (k = month_name(c, j + 1, &m2, &h2, &a2)) != 0 && h2 == *hijri) {
        *ambig = 0;
        j = k;
    } else if (j && is_punct(tk(c, j), '(') &&
               (k = month_name(c, j + 1, &m2, &h2, &a2)) != 0 &&
               h2 == *hijri && m2 == *month && is_punct(tk(c, k), ')')) {
        /* مارس (آذار) 1978: the other name in brackets */
        *ambig = 0;
        j = k + 1;
    } else if (j && !*hijri && (k = month_name(c, j, &m2, &h2, &a2)) != 0 &&
               !h2 && (m2 == *month || year_at(c, k, 4, &y, &mark))) {
        /* أيلول سبتمبر 2011: the same month, no slash; كانون الثاني ديسمبر
         * 2013: a slip in one name, the year kept (the first name's month,
         * as with a slash) */
        *ambig = 0;
        j = k;
    }
    return j;
}

/* A DATE token: 2015/10/20, 20-10-2015, 20.10.2015, 20/10/15, 10/2015; a
 * Hijri one when هـ follows. */
static size_t p_datetok(dctx *c, size_t i, dpoint *p)
{
    const dtok *t = tk(c, i), *u;
    int64_t g[3] = {0, 0, 0};
    int nd[3] = {0, 0, 0}, ng = 1;
    size_t j;
    for (j = 0; j < t->len; j++) {
        char ch = t->key[j];
        if (ch >= '0' && ch <= '9') {
            if (++nd[ng - 1] > 4)
                return 0;
            g[ng - 1] = g[ng - 1] * 10 + (ch - '0');
        } else if ((ch == '/' || ch == '-' || ch == '.') && ng < 3 &&
                   nd[ng - 1] > 0) {
            ng++;
        } else {
            return 0;
        }
    }
    if (nd[ng - 1] == 0)
        return 0;
    point_init(p);
    p->how = H_ABS;
    if (ng == 2) {
        if (g[0] < 1 || g[0] > 12 || nd[1] != 4)
            return 0;
        p->month = (int8_t)g[0];
        p->year = (int32_t)g[1];
    } else if (ng == 3) {
        int64_t y, m, d;
        if (nd[0] == 4) {
            y = g[0], m = g[1], d = g[2];
        } else {
            d = g[0], m = g[1], y = g[2];
            if (nd[2] <= 2)
                y += y < 50 ? 2000 : 1900;
            if (m > 12 && d <= 12) { /* 10/20/2015, written month first */
                int64_t s = m;
                m = d;
                d = s;
            }
        }
        /* Out of range stays out of range: the day does not exist. */
        p->year = (int32_t)y;
        p->month = (int8_t)(m > 99 ? 99 : m);
        p->day = (int8_t)(d > 99 ? 99 : d);
        if (p->month == 0)
            p->month = 99;
        if (p->day == 0)
            p->day = 99;
    } else {
        return 0;
    }
    /* A year of 1300-1600 written in figures is Hijri without its mark
     * (1435/11/1: no Gregorian date of that age is written so in news). */
    p->hijri = p->year >= 1300 && p->year <= 1600;
    u = tk(c, i + 1);
    if (is_w(u, KH_DW_CALMARK)) {
        p->hijri = u->w->val == 1;
        return i + 2;
    }
    return i + 1;
}

/* A month name glued to و right after another month name: the second of
 * في أبريل ومايو. */
static int joined_month(dctx *c, size_t i)
{
    const dtok *p;
    if (!tk(c, i)->wa || i == 0)
        return 0;
    p = tk(c, i - 1);
    return is_w(p, KH_DW_GMONTH) || is_w(p, KH_DW_HMONTH);
}

/* Month, then a year (after عام, العام, سنة, من عام ... too),
 * الماضي/المقبل, or nothing: مارس/آذار 2011, مارس عام 2011, رمضان 1445 هـ,
 * أكتوبر الماضي, يناير. A month name alone is a date after a cue (في مايو,
 * شهر مايو), with its other calendar's name (مايو/أيار) or after another
 * month (أبريل ومايو); else it is as often a name (لويجي دي مايو, وينتظر
 * مايو وسالفيني). */
static size_t p_month_expr(dctx *c, size_t i, dpoint *p, unsigned fl)
{
    int m, hij, amb, mark;
    int32_t y;
    size_t j = month_at(c, i, &m, &hij, &amb), k;
    const dtok *u;
    int paired;
    if (!j)
        return 0;
    paired = j > i + 1 && is_punct(tk(c, i + 1), '/');
    point_init(p);
    p->month = (int8_t)m;
    /* مارس عام 2011, مارس من العام 2011: the year after its cue;
     * يناير من العام الماضي, مارس من هذا العام: a year by the pub date's */
    u = tk(c, j);
    k = is_prep(u, KH_P_FROM) ? j + 1 : j;
    u = tk(c, k);
    if (!hij && ((is_w(u, KH_DW_PERIOD) && u->w->val == KH_U_YEAR &&
                  is_w(tk(c, k + 1), KH_DW_DIR)) ||
                 (is_w(u, KH_DW_THIS) && is_w(tk(c, k + 1), KH_DW_PERIOD) &&
                  tk(c, k + 1)->w->val == KH_U_YEAR))) {
        p->how = H_YEARREL;
        p->off = is_w(u, KH_DW_THIS) ? 0 : tk(c, k + 1)->w->val;
        return k + 2;
    }
    if (u->w && (u->w->aux & KH_DW_YEARCUE) &&
        (is_w(u, KH_DW_UNIT) || is_w(u, KH_DW_PERIOD)) &&
        year_at(c, k + 1, 4, &y, &mark) != 0)
        j = k + 1;
    if ((k = year_at(c, j, 3, &y, &mark)) != 0) {
        if (hij && (y > 1600 || mark == 2))
            return 0; /* رمضان 2024: a Gregorian year, no Hijri date */
        p->how = H_ABS;
        p->year = y;
        p->hijri = (uint8_t)hij;
        return k;
    }
    u = tk(c, j);
    if (is_w(u, KH_DW_DIR)) { /* أكتوبر الماضي, رمضان المقبل */
        p->how = H_MONTHREL;
        p->off = u->w->val;
        p->hijri = (uint8_t)hij;
        return j + 1;
    }
    if (hij && !(fl & PT_DAY))
        return 0; /* رمضان alone: a season, often a name */
    if ((amb || (!paired && !joined_month(c, i))) && !(fl & PT_AMBIG))
        return 0;
    p->how = H_YEARLESS;
    p->hijri = (uint8_t)hij;
    return j;
}

/* A day written as an ordinal at token j: الأول ... العاشر, العشرين,
 * الثلاثين, الحادي عشر ... التاسع عشر, الحادي والعشرين ... الحادي
 * والثلاثين. Its day into *day; returns the token after it, or 0. */
static size_t ordinal_day(dctx *c, size_t j, int *day)
{
    const dtok *t = tk(c, j);
    int n = t->w->val;
    size_t k;
    if (n <= 11 && KEY_IS(tk(c, j + 1), "\xD8\xB9\xD8\xB4\xD8\xB1")) {
        *day = (n == 11 ? 1 : n) + 10; /* عشر */
        return j + 2;
    }
    if (n <= 11 && and_at(c, j + 1, &k) && is_w(tk(c, k), KH_DW_ORDINAL) &&
        (tk(c, k)->w->val == 20 || tk(c, k)->w->val == 30)) {
        *day = (n == 11 ? 1 : n) + tk(c, k)->w->val;
        return *day <= 31 ? k + 1 : 0;
    }
    if (n == 11)
        return 0; /* الحادي alone */
    *day = n;
    return j + 1;
}

/* Whether token i ends in ى or ة as written: a feminine ordinal (العشرة
 * الأولى من رمضان, the first ten days), where a day's is masculine
 * (الأول من يناير). */
static int feminine_tok(dctx *c, size_t i)
{
    const khabar_token *t;
    const unsigned char *e;
    if (i >= c->n)
        return 0;
    t = &c->tok[i];
    e = (const unsigned char *)c->doc->text + t->end;
    return t->end - t->start >= 2 &&
           ((e[-2] == 0xD9 && e[-1] == 0x89) || (e[-2] == 0xD8 && e[-1] == 0xA9));
}

/* A day and a month: 20 أكتوبر/تشرين الأول 2015, ١٥ رمضان ١٤٤٥ هـ, الـ20
 * من أكتوبر, الأول من يناير, 20 من الشهر الجاري. */
static size_t p_day_month(dctx *c, size_t i, dpoint *p)
{
    size_t j = i, k;
    const dtok *t;
    int day, from = 0;
    if (is_w(tk(c, j), KH_DW_ART))
        j++;
    t = tk(c, j);
    if (is_w(t, KH_DW_ORDINAL) && j == i && !feminine_tok(c, j) &&
        (k = ordinal_day(c, j, &day)) != 0 && is_prep(tk(c, k), KH_P_FROM)) {
        j = k - 1; /* الأول من يناير, العاشر من رمضان, الحادي والعشرين
                      من مايو */
    } else if (t->kind == KHABAR_TOK_NUMBER && t->num >= 1 && t->num <= 31 &&
               t->ndig <= 2) {
        day = (int)t->num;
    } else {
        return 0;
    }
    j++;
    if (is_prep(tk(c, j), KH_P_FROM)) {
        from = 1;
        j++;
    }
    if ((k = p_month_expr(c, j, p, PT_AMBIG | PT_DAY)) != 0) {
        p->day = (int8_t)day;
        return k;
    }
    /* 20 من الشهر الجاري */
    if (from && is_w(tk(c, j), KH_DW_PERIOD) &&
        tk(c, j)->w->val == KH_U_MONTH && is_w(tk(c, j + 1), KH_DW_DIR)) {
        point_init(p);
        p->how = H_PERIOD;
        p->unit = KH_U_MONTH;
        p->off = tk(c, j + 1)->w->val;
        p->day = (int8_t)day;
        return j + 2;
    }
    return 0;
}

/* A letter for comparing verb forms: the seats of hamza one letter, ى as
 * ي (بدؤوا and بدأ, أجريت and أجرى). c is a code point. */
static uint32_t verb_letter(uint32_t c)
{
    switch (c) {
    case 0x0621: case 0x0622: case 0x0623: case 0x0624: case 0x0625:
    case 0x0626:
        return 0x0621;
    case 0x0649:
        return 0x064A;
    default:
        return c;
    }
}

/* Whether the letters of form, from byte i on, begin with lemma's,
 * hamza's seats and ى aside. */
static int begins_with_lemma(const unsigned char *f, size_t i, size_t fn,
                             const unsigned char *l, size_t ln)
{
    size_t j = 0;
    while (j < ln) {
        uint32_t a, b;
        int diag;
        if (i >= fn)
            return 0;
        i += kh_utf8_next(f + i, f + fn, &a, &diag);
        j += kh_utf8_next(l + j, l + ln, &b, &diag);
        if (verb_letter(a) != verb_letter(b))
            return 0;
    }
    return 1;
}

/* Whether a verb is in the past: its letters begin with its lemma's (the
 * imperfect's begin with a person prefix), hamza's seats and ى aside; or
 * it begins with a letter that no imperfect begins with (ي ت ن أ are the
 * prefixes: قد عوقب, whose lemma may be read otherwise); or it is أ and
 * its lemma's letters, a form IV perfect whose lemma is its root's verb
 * (أبقى: بقي). */
static int past_verb(const dctx *c, const khabar_word *h)
{
    const unsigned char *f = (const unsigned char *)c->doc->norm_buf + h->form;
    const unsigned char *l = (const unsigned char *)c->doc->norm_buf + h->lemma;
    uint32_t first;
    int diag;
    size_t n;
    if (!h->lemma_len || !h->form_len)
        return 0;
    if (begins_with_lemma(f, 0, h->form_len, l, h->lemma_len))
        return 1;
    n = (size_t)kh_utf8_next(f, f + h->form_len, &first, &diag);
    if (first != 0x064A && first != 0x062A && first != 0x0646 &&
        first != 0x0623 && first < 0x0700)
        return 1;
    return first == 0x0623 &&
           begins_with_lemma(f, n, h->form_len, l, h->lemma_len);
}

/* Whether the weekday at token i stands alone as a date: after the verb
 * of its clause, or the verb and its subject (وقصفت الطائرات الإسرائيلية
 * الاثنين موقعين), or right after منذ or حتى; not after بين (between the
 * two) or anything else. Returns 0 when it does not, else the direction of
 * the day from the publication date: -2 the day or the last one before
 * (after a verb in the past, past_verb, or منذ), +2 the day or the next
 * one (another verb, حتى). */
static int weekday_alone(dctx *c, size_t i)
{
    const khabar_token *t = c->tok;
    size_t k;
    for (k = i; k > 0 && i - k < 4; k--) {
        const khabar_word *h;
        const char *s = c->doc->text + t[k - 1].start;
        size_t n = t[k - 1].end - t[k - 1].start;
        if (t[k - 1].kind != KHABAR_TOK_ARABIC)
            return 0;
        h = kh_doc_host(c->doc, k - 1, NULL);
        /* الاثنين right after a verb is as often "the two" (اتفق الاثنين):
         * a Monday only after the verb's subject. */
        if (h->upos == KHABAR_UPOS_VERB && k == i && tk(c, i)->w->val == 1)
            return 0;
        if (h->upos == KHABAR_UPOS_VERB)
            return past_verb(c, h) ? -2 : 2;
        if (k == i && n == 6 && memcmp(s, "منذ", 6) == 0)
            return -2;
        if (k == i && n == 6 && memcmp(s, "حتى", 6) == 0)
            return 2;
        if (h->upos != KHABAR_UPOS_NOUN && h->upos != KHABAR_UPOS_PROPN &&
            h->upos != KHABAR_UPOS_ADJ)
            return 0;
    }
    return 0;
}

/* The tense of the clause a date at token i ends, by its verb: the nearest
 * verb before it over nouns, adjectives, prepositions and the like (not
 * over punctuation, a conjunction or a complementizer: قال إن الانتخابات في
 * فبراير says nothing of February). -1 in the past (a verb whose letters
 * begin with its lemma's, or لم or a past كان before one that does not;
 * or منذ, since), +1 another, 0 no verb. */
/* Whether token ti is منذ (since), proclitics aside. */
static int since_word(const dctx *c, size_t ti)
{
    const khabar_word *h = kh_doc_host(c->doc, ti, NULL);
    return c->tok[ti].kind == KHABAR_TOK_ARABIC && h->form_len == 6 &&
           memcmp(c->doc->norm_buf + h->form, "منذ", 6) == 0;
}

static int clause_tense(dctx *c, size_t i)
{
    const khabar_token *t = c->tok;
    const char *nb = c->doc->norm_buf;
    size_t k;
    if (since_word(c, i))
        return -1; /* the date's own first word: منذ أواخر مارس */
    for (k = i; k > 0 && i - k < 10; k--) {
        const khabar_word *h;
        if (t[k - 1].kind == KHABAR_TOK_PUNCT)
            return 0;
        if (t[k - 1].kind != KHABAR_TOK_ARABIC)
            continue;
        h = kh_doc_host(c->doc, k - 1, NULL);
        /* أن, إن: a clause of its own begins (tagged ADP as often as
         * SCONJ). */
        if (h->form_len == 4 && (unsigned char)nb[h->form] == 0xD8 &&
            ((unsigned char)nb[h->form + 1] == 0xA3 ||
             (unsigned char)nb[h->form + 1] == 0xA5 ||
             (unsigned char)nb[h->form + 1] == 0xA7) &&
            memcmp(nb + h->form + 2, "\xD9\x86", 2) == 0)
            return 0;
        if (since_word(c, k - 1))
            return -1; /* منذ before the date's words */
        switch (h->upos) {
        case KHABAR_UPOS_VERB:
        case KHABAR_UPOS_AUX:
            if (past_verb(c, h))
                return -1;
            if (k >= 2 && t[k - 2].kind == KHABAR_TOK_ARABIC) {
                const khabar_word *p = kh_doc_host(c->doc, k - 2, NULL);
                if ((p->form_len == 4 &&
                     memcmp(nb + p->form, "\xD9\x84\xD9\x85", 4) == 0) ||
                    (p->form_len == 6 &&
                     memcmp(nb + p->form, "\xD9\x84\xD9\x85\xD8\xA7", 6) == 0))
                    return -1; /* (و)لم, لما */
                if (p->lemma_len == 6 &&
                    memcmp(nb + p->lemma, "كان", 6) == 0 &&
                    (p->upos == KHABAR_UPOS_AUX || p->upos == KHABAR_UPOS_VERB) &&
                    past_verb(c, p))
                    return -1; /* كان يقصد: the past's imperfect */
            }
            return 1;
        case KHABAR_UPOS_NOUN:
        case KHABAR_UPOS_PROPN:
        case KHABAR_UPOS_ADJ:
        case KHABAR_UPOS_ADP:
        case KHABAR_UPOS_ADV:
        case KHABAR_UPOS_DET:
        case KHABAR_UPOS_NUM:
        case KHABAR_UPOS_PRON:
        case KHABAR_UPOS_X:
            continue;
        default:
            return 0;
        }
    }
    return 0;
}

/* A month (and day) without a year followed by من العام ذاته (نفسه, من
 * السنة ذاتها, من نفس العام, من ذلك العام, من تلك السنة) at token e: the
 * year of the last date found before it that names one, written into f,
 * which then ends after those words. Returns where f ends. */
static size_t same_year(dctx *c, size_t e, const kh_vec *found, dfound *f)
{
    const dfound *prev = found->data;
    size_t k = found->len, j = e;
    int32_t year = 0;
    c->top = e;
    if (!KEY_IS(tk(c, j), "\xD9\x85\xD9\x86")) /* من */
        return e;
    j++;
    if (KEY_IS(tk(c, j), "\xD9\x86\xD9\x81\xD8\xB3") || /* نفس العام */
        KEY_IS(tk(c, j), "\xD8\xB0\xD9\x84\xD9\x83") || /* ذلك العام */
        KEY_IS(tk(c, j), "\xD8\xAA\xD9\x84\xD9\x83")) { /* تلك السنة */
        j++;
        if (!KEY_IS(tk(c, j), "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85") &&
            !KEY_IS(tk(c, j), "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x86\xD9\x87"))
            return e;
        j++;
    } else {
        if (!KEY_IS(tk(c, j), "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x85") &&
            !KEY_IS(tk(c, j), "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x86\xD9\x87"))
            return e; /* العام, السنة */
        j++;
        if (!KEY_IS(tk(c, j), "\xD8\xB0\xD8\xA7\xD8\xAA\xD9\x87") &&
            !KEY_IS(tk(c, j), "\xD9\x86\xD9\x81\xD8\xB3\xD9\x87") &&
            !KEY_IS(tk(c, j), "\xD8\xB0\xD8\xA7\xD8\xAA\xD9\x87\xD8\xA7") &&
            !KEY_IS(tk(c, j), "\xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD8\xA7"))
            return e; /* ذاته, نفسه, ذاتها, نفسها */
        j++;
    }
    while (k-- > 0 && !year) {
        const dfound *p = &prev[k];
        if (p->type == S_RANGE && p->b.how == H_ABS && !p->b.hijri)
            year = p->b.year;
        else if ((p->type == S_POINT || p->type == S_RANGE) &&
                 p->a.how == H_ABS && !p->a.hijri)
            year = p->a.year;
    }
    if (!year)
        return e;
    f->a.how = H_ABS;
    f->a.year = year;
    f->end = tk(c, j - 1)->end;
    return j;
}

/* A month (and day) without a year followed by من كل عام (كل سنة,
 * سنويا) at token e: every year, a day that comes back (يحتفل النوبيون في
 * 7 يوليو من كل عام); f then ends after those words. Returns where f
 * ends. */
static size_t every_year(dctx *c, size_t e, dfound *f)
{
    size_t j = e;
    c->top = e;
    if (KEY_IS(tk(c, j), "\xD8\xB3\xD9\x86\xD9\x88\xD9\x8A\xD8\xA7")) { /* سنويا */
        j++;
    } else {
        if (KEY_IS(tk(c, j), "\xD9\x85\xD9\x86")) /* من */
            j++;
        if (!KEY_IS(tk(c, j), "\xD9\x83\xD9\x84")) /* كل */
            return e;
        j++;
        if (!KEY_IS(tk(c, j), "\xD8\xB9\xD8\xA7\xD9\x85") && /* عام */
            !KEY_IS(tk(c, j), "\xD8\xB3\xD9\x86\xD9\x87"))   /* سنة */
            return e;
        j++;
    }
    f->a.every = 1;
    f->end = tk(c, j - 1)->end;
    return j;
}

/* A weekday: before a date (الثلاثاء 20 أكتوبر 2015, الخميس القادم
 * 14-10-1436هـ), with الماضي/المقبل, or alone when the context allows (يوم
 * الاثنين, قصفت الطائرات الاثنين). */
static size_t p_weekday(dctx *c, size_t i, dpoint *p, unsigned fl)
{
    const dtok *t = tk(c, i);
    int wd = t->w->val;
    size_t j = i + 1, k;
    if (is_comma(tk(c, j)))
        j++;
    if (KEY_IS(tk(c, j), "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x81"
                         "\xD9\x82")) /* الموافق */
        j++;
    if ((k = p_day_month(c, j, p)) != 0 ||
        (tk(c, j)->kind == KHABAR_TOK_DATE && (k = p_datetok(c, j, p)) != 0 &&
         p->day)) {
        p->wday = (int8_t)wd;
        return k;
    }
    if (is_w(tk(c, i + 1), KH_DW_DIR) &&
        ((k = p_day_month(c, i + 2, p)) != 0 ||
         (tk(c, i + 2)->kind == KHABAR_TOK_DATE &&
          (k = p_datetok(c, i + 2, p)) != 0 && p->day))) {
        p->wday = (int8_t)wd; /* الخميس القادم 14-10-1436هـ */
        return k;
    }
    point_init(p);
    p->how = H_WEEKDAY;
    p->wday = (int8_t)wd;
    if (is_w(tk(c, i + 1), KH_DW_DIR)) {
        p->off = tk(c, i + 1)->w->val;
        return i + 2;
    }
    if (fl & PT_WEEKDAY)
        return i + 1;
    if ((k = (size_t)(weekday_alone(c, i) + 2)) != 2) {
        p->off = (int8_t)((int)k - 2);
        return i + 1;
    }
    return 0;
}

/* Words that make اليوم "the day" rather than today: اليوم التالي, اليوم
 * الوطني, ذلك اليوم. */
static int not_today(dctx *c, size_t i)
{
    static const char *const after[] = {
        "\xD8\xA7\xD9\x84\xD8\xAA\xD8\xA7\xD9\x84\xD9\x8A",         /* التالي */
        "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAE\xD9\x8A\xD8\xB1",         /* الاخير */
        "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82",         /* السابق */
        "\xD8\xA7\xD9\x84\xD9\x85\xD9\x88\xD8\xA7\xD9\x84\xD9\x8A", /* الموالي */
        "\xD9\x86\xD9\x81\xD8\xB3\xD9\x87",                         /* نفسه */
        "\xD8\xB0\xD8\xA7\xD8\xAA\xD9\x87",                         /* ذاته */
        "\xD8\xA7\xD9\x84\xD8\xB0\xD9\x8A",                         /* الذي */
        "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB7\xD9\x86\xD9\x8A",         /* الوطني */
        "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85\xD9\x8A", /* العالمي */
        "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x88\xD9\x84\xD9\x8A",         /* الدولي */
        "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAE\xD8\xB1"                  /* الاخر */
    };
    static const char *const before[] = {
        "\xD8\xB0\xD9\x84\xD9\x83", /* ذلك */
        "\xD8\xAA\xD9\x84\xD9\x83", /* تلك */
        "\xD8\xB0\xD8\xA7\xD8\xAA", /* ذات */
        "\xD9\x86\xD9\x81\xD8\xB3"  /* نفس */
    };
    const dtok *u = tk(c, i + 1);
    size_t k;
    if (is_w(u, KH_DW_ORDINAL) || is_w(u, KH_DW_HOURWORD))
        return 1;
    for (k = 0; k < sizeof after / sizeof after[0]; k++)
        if (u->len == strlen(after[k]) && memcmp(u->key, after[k], u->len) == 0)
            return 1;
    if (i > 0) {
        u = tk(c, i - 1);
        for (k = 0; k < sizeof before / sizeof before[0]; k++)
            if (u->len == strlen(before[k]) &&
                memcmp(u->key, before[k], u->len) == 0)
                return 1;
    }
    return 0;
}

/* اليوم, أمس, أمس الأول, غدا, and a weekday after: أمس الاثنين. */
static size_t p_deictic(dctx *c, size_t i, dpoint *p, unsigned fl)
{
    const dtok *t = tk(c, i);
    int off = t->w->val;
    size_t j = i + 1;
    if ((t->w->aux & KH_DW_AMBIG) && !(fl & PT_GHAD))
        return 0;
    if (off == 0 && not_today(c, i))
        return 0;
    point_init(p);
    if (off == -1 && is_w(tk(c, j), KH_DW_ORDINAL) && tk(c, j)->w->val == 1 &&
        !KEY_IS(tk(c, j), "\xD8\xA7\xD9\x88\xD9\x84")) {
        off = -2; /* أمس الأول */
        j++;
    }
    if (is_w(tk(c, j), KH_DW_WEEKDAY)) {
        p->wday = (int8_t)tk(c, j)->w->val;
        j++;
    }
    p->how = H_DEICTIC;
    p->off = off;
    return j;
}

/* After القرن: العشرين, التاسع عشر, الحادي والعشرين, الـ21, الماضي. Sets
 * *cent (20 = 1900s), or *rel with *off. */
static size_t century_tail(dctx *c, size_t i, int *cent, int *rel, int *off)
{
    const dtok *t = tk(c, i);
    size_t j = i + 1, k;
    int n;
    *rel = 0;
    if (is_w(t, KH_DW_DIR)) {
        *rel = 1;
        *off = t->w->val;
        return j;
    }
    if (is_w(t, KH_DW_ART)) {
        t = tk(c, i + 1);
        j = i + 2;
    }
    if (t->kind == KHABAR_TOK_NUMBER) {
        if (t->num < 1 || t->num > 99)
            return 0;
        *cent = (int)t->num;
        return j;
    }
    if (!is_w(t, KH_DW_ORDINAL))
        return 0;
    n = t->w->val;
    if (n <= 11 && KEY_IS(tk(c, j), "\xD8\xB9\xD8\xB4\xD8\xB1")) { /* عشر */
        n = (n == 11 ? 1 : n) + 10;
        j++;
    } else if (n == 11 && and_at(c, j, &k) && is_w(tk(c, k), KH_DW_ORDINAL) &&
               tk(c, k)->w->val == 20) {
        n = 21; /* الحادي والعشرين */
        j = k + 1;
    } else if (n == 11) {
        return 0;
    }
    *cent = n;
    return j;
}

/* Whether token k's key is one of words. */
static int key_in(dctx *c, size_t k, const char *const *words, size_t n)
{
    const dtok *t = tk(c, k);
    size_t w;
    for (w = 0; w < n; w++) {
        if (t->len == strlen(words[w]) && memcmp(t->key, words[w], t->len) == 0)
            return 1;
    }
    return 0;
}

/* Whether the decade word at token j, with no century, is an age: من
 * عمره or من العمر after it, or a person before في (شاب في العشرينيات). */
static int age_decade(dctx *c, size_t j)
{
    static const char *const age[] = {"عمر", "عمره", "عمرها", "العمر"};
    static const char *const person[] = {"شاب", "شابه", "رجل", "امراه",
                                         "سيده", "فتاه", "فتي", "طالب",
                                         "طالبه", "شخص", "ابن", "ابنه"};
    size_t top = c->top;
    int r = 0;
    if (is_prep(tk(c, j + 1), KH_P_FROM) &&
        key_in(c, j + 2, age, sizeof age / sizeof age[0]))
        return 1;
    if (j >= 2) {
        c->top = j - 1; /* the words before may lie before the match */
        r = is_prep(tk(c, j - 1), KH_P_IN) &&
            key_in(c, j - 2, person, sizeof person / sizeof person[0]);
        c->top = top;
    }
    return r;
}

/* الثمانينيات, عقد الثمانينيات, ثمانينيات القرن الماضي. */
static size_t p_decade(dctx *c, size_t i, dpoint *p)
{
    size_t j = i, k;
    const dtok *t;
    int cent = 0, rel = 0, off = 0, has_al;
    if (is_w(tk(c, j), KH_DW_DECADE_CUE))
        j++;
    t = tk(c, j);
    if (!is_w(t, KH_DW_DECADE))
        return 0;
    point_init(p);
    p->decade = (int8_t)t->w->val;
    has_al = t->len > 4 && memcmp(t->key, "\xD8\xA7\xD9\x84", 4) == 0;
    j++;
    k = j;
    if (is_prep(tk(c, k), KH_P_FROM))
        k++;
    if (is_w(tk(c, k), KH_DW_CENTURY) &&
        (k = century_tail(c, k + 1, &cent, &rel, &off)) != 0) {
        j = k;
        p->century = (int16_t)cent;
        p->rel = (uint8_t)rel;
        p->off = off;
    } else if (!has_al) {
        return 0; /* ثمانينيات needs the century it belongs to */
    } else if (age_decade(c, j - 1)) {
        return 0; /* شاب في العشرينيات من عمره: an age */
    }
    p->how = H_DECADE;
    return j;
}

/* القرن العشرين, القرن الماضي. */
static size_t p_century(dctx *c, size_t i, dpoint *p)
{
    int cent = 0, rel = 0, off = 0;
    size_t j = century_tail(c, i + 1, &cent, &rel, &off);
    if (!j)
        return 0;
    point_init(p);
    p->how = H_CENTURY;
    p->century = (int16_t)cent;
    p->rel = (uint8_t)rel;
    p->off = off;
    return j;
}

/* Token j is a noun that a number before it counts (the tagger says so,
 * when it ran): in في 2000 موقع the number is no year. */
static int counted_noun(dctx *c, size_t j)
{
    const dtok *t = tk(c, j);
    size_t w;
    if (t->kind != KHABAR_TOK_ARABIC || t->w || t->wa || !c->tw ||
        !(c->doc->stages & KHABAR_STAGE_POS) || j >= c->n)
        return 0;
    if (t->len >= 4 && memcmp(t->key, "\xD8\xA7\xD9\x84", 4) == 0)
        return 0; /* ال: not counted */
    w = c->tw[j];
    return w < c->n_words && (c->words[w].upos == KHABAR_UPOS_NOUN ||
                              c->words[w].upos == KHABAR_UPOS_ADJ);
}

/* A point at i: any date that names one day, month, year, week, decade or
 * century, absolute or relative. 0 when none starts there. */
static size_t p_point(dctx *c, size_t i, dpoint *p, unsigned fl, int depth)
{
    const dtok *t = tk(c, i), *u;
    size_t j;
    int32_t y;
    int mark;
    if (depth > 3)
        return 0;
    if (t->kind == KHABAR_TOK_DATE)
        return p_datetok(c, i, p);
    if (t->kind == KHABAR_TOK_NUMBER) {
        if ((j = p_day_month(c, i, p)) != 0)
            return j;
        /* A year alone: with هـ or م after it, or a cue before it (and
         * no counted noun after it: في 2000 موقع). */
        if ((j = year_at(c, i, 3, &y, &mark)) != 0 &&
            (mark || ((fl & PT_BARE_YEAR) && t->ndig == 4 && y >= 1900 &&
                      y <= 2100 && !counted_noun(c, j)))) {
            point_init(p);
            p->how = H_ABS;
            p->year = y;
            p->hijri = mark == 1;
            p->greg = mark == 2;
            return j;
        }
        return 0;
    }
    if (!t->w)
        return 0;
    switch (t->w->cls) {
    case KH_DW_GMONTH:
    case KH_DW_GMONTH_HEAD:
    case KH_DW_HMONTH:
    case KH_DW_HMONTH_HEAD:
        return p_month_expr(c, i, p, fl);
    case KH_DW_ART:
        return p_day_month(c, i, p);
    case KH_DW_WEEKDAY:
        return p_weekday(c, i, p, fl);
    case KH_DW_DEICTIC:
        return p_deictic(c, i, p, fl);
    case KH_DW_DECADE:
    case KH_DW_DECADE_CUE:
        return p_decade(c, i, p);
    case KH_DW_CENTURY:
        return p_century(c, i, p);
    case KH_DW_UNIT:
        u = tk(c, i + 1);
        if (is_unit(t, KH_U_DAY, KH_DW_ONE)) { /* يوم */
            if (is_w(u, KH_DW_WEEKDAY))
                return p_weekday(c, i + 1, p, fl | PT_WEEKDAY);
            if (is_w(u, KH_DW_DEICTIC))
                return p_deictic(c, i + 1, p, fl | PT_GHAD);
            if ((j = p_day_month(c, i + 1, p)) != 0)
                return j;
            if (u->kind == KHABAR_TOK_DATE && (j = p_datetok(c, i + 1, p)))
                return j;
            return 0;
        }
        if (is_unit(t, KH_U_MONTH, KH_DW_ONE)) /* شهر أكتوبر */
            return p_month_expr(c, i + 1, p, fl | PT_AMBIG);
        if (t->w->aux & KH_DW_YEARCUE) /* عام 2030, سنة 1445 هـ */
            goto year_after;
        return 0;
    case KH_DW_PERIOD:
        u = tk(c, i + 1);
        if (is_w(u, KH_DW_DIR)) { /* الشهر الماضي */
            point_init(p);
            p->how = H_PERIOD;
            p->unit = (uint8_t)t->w->val;
            p->off = u->w->val;
            return i + 2;
        }
        if (t->w->aux & KH_DW_YEARCUE) /* العام 2015 */
            goto year_after;
        return 0;
    case KH_DW_THIS: /* هذا العام */
        u = tk(c, i + 1);
        if (!is_w(u, KH_DW_PERIOD))
            return 0;
        point_init(p);
        p->how = H_PERIOD;
        p->unit = (uint8_t)u->w->val;
        return i + 2;
    case KH_DW_PART: { /* مطلع الشهر القادم, منتصف مارس, أواخر 2015 */
        int part = t->w->val;
        u = tk(c, i + 1);
        if (is_w(u, KH_DW_PERIOD) && !is_w(tk(c, i + 2), KH_DW_DIR) &&
            !((u->w->aux & KH_DW_YEARCUE) &&
              tk(c, i + 2)->kind == KHABAR_TOK_NUMBER)) {
            point_init(p); /* مطلع الشهر: this month */
            p->how = H_PERIOD;
            p->unit = (uint8_t)u->w->val;
            j = i + 2;
        } else {
            j = p_point(c, i + 1, p, fl | PT_BARE_YEAR | PT_AMBIG, depth + 1);
            if (!j || day_level(p) || p->part ||
                (p->how == H_PERIOD && p->unit == KH_U_DAY))
                return 0;
        }
        p->part = (uint8_t)part;
        return j;
    }
    case KH_DW_DAYPART: /* صباح اليوم, مساء الاثنين */
        j = p_point(c, i + 1, p, PT_WEEKDAY | PT_GHAD, depth + 1);
        if (!j || !day_level(p) || p->daypart)
            return 0;
        p->daypart = (uint8_t)t->w->val;
        return j;
    case KH_DW_PREP:
        u = tk(c, i + 1);
        if (t->w->val == KH_P_AFTER && is_w(u, KH_DW_DEICTIC) &&
            u->w->val == 1 && (u->w->aux & KH_DW_AMBIG)) {
            point_init(p); /* بعد غد */
            p->how = H_DEICTIC;
            p->off = 2;
            return i + 2;
        }
        if (t->w->val == KH_P_BEFORE && is_w(u, KH_DW_DEICTIC) &&
            u->w->val == -1) {
            point_init(p); /* قبل أمس */
            p->how = H_DEICTIC;
            p->off = -2;
            return i + 2;
        }
        return 0;
    case KH_DW_ORDINAL: /* الأول من يناير, أول أمس, أول من أمس */
        if ((j = p_day_month(c, i, p)) != 0)
            return j;
        j = i + 1;
        if (KEY_IS(tk(c, j), "\xD9\x85\xD9\x86")) /* من */
            j++;
        u = tk(c, j);
        if (t->w->val == 1 && is_w(u, KH_DW_DEICTIC) && u->w->val == -1 &&
            KEY_IS(t, "\xD8\xA7\xD9\x88\xD9\x84")) {
            point_init(p);
            p->how = H_DEICTIC;
            p->off = -2;
            return j + 1;
        }
        return 0;
    default:
        return 0;
    }
year_after:
    if ((j = year_at(c, i + 1, 3, &y, &mark)) == 0)
        return 0;
    point_init(p);
    p->how = H_ABS;
    p->year = y;
    p->hijri = mark == 1;
            p->greg = mark == 2;
    return j;
}

/* ------------------------------------------------------------------------ */
/* Times of day                                                             */
/* ------------------------------------------------------------------------ */

/* h:mm or h:mm:ss from a TIME token. */
static int time_token(const dtok *t, int *h, int *m, int *s)
{
    int v[3] = {0, 0, -1}, g = 0, nd = 0;
    size_t j;
    for (j = 0; j < t->len; j++) {
        char ch = t->key[j];
        if (ch >= '0' && ch <= '9') {
            if (++nd > 2)
                return 0;
            v[g] = (g == 2 && nd == 1 ? 0 : v[g] * 10) + (ch - '0');
        } else if (ch == ':' && g < 2 && nd > 0) {
            g++;
            nd = 0;
        } else {
            return 0;
        }
    }
    if (g < 1 || nd != 2 || v[0] > 24 || v[1] > 59 || v[2] > 59 ||
        (v[0] == 24 && (v[1] || v[2] > 0)))
        return 0;
    *h = v[0];
    *m = v[1];
    *s = g == 2 ? v[2] : -1;
    return 1;
}

static int apply_daypart(int h, int dp)
{
    switch (dp) {
    case KH_DP_AM:
        return h == 12 ? 0 : h;
    case KH_DP_NOON:
        return h >= 1 && h <= 5 ? h + 12 : h;
    case KH_DP_PM:
    case KH_DP_EVENING:
        return h < 12 ? h + 12 : h;
    case KH_DP_NIGHT:
        return h == 12 ? 0 : (h >= 5 && h < 12 ? h + 12 : h);
    default:
        return h;
    }
}

/* A time of day at i: الساعة العاشرة (والنصف) صباحا, الساعة 10:30, 10:30,
 * العاشرة مساء. Sets hour, minute, second and the daypart of p. */
static size_t p_time(dctx *c, size_t i, dpoint *p)
{
    const dtok *t;
    size_t j = i, k;
    int cue = 0, tok = 0, h, m = -1, s = -1, dp = 0;
    if (is_w(tk(c, j), KH_DW_HOURCUE)) {
        cue = 1;
        j++;
    }
    t = tk(c, j);
    if (t->kind == KHABAR_TOK_TIME) {
        if (!time_token(t, &h, &m, &s))
            return 0;
        tok = 1;
        j++;
    } else if (is_w(t, KH_DW_HOURWORD)) {
        h = t->w->val;
        j++;
        if (KEY_IS(tk(c, j), "\xD8\xB9\xD8\xB4\xD8\xB1\xD9\x87")) { /* عشرة */
            if (h != 11 && h != 2)
                return 0;
            h = h == 11 ? 11 : 12;
            j++;
        } else if (h == 11) {
            return 0;
        }
    } else if (cue && t->kind == KHABAR_TOK_NUMBER && t->num >= 0 &&
               t->num <= 24 && t->ndig <= 2) {
        h = (int)t->num;
        j++;
    } else {
        return 0;
    }
    if (!tok) {
        const dtok *u;
        if (and_at(c, j, &k) && is_w(tk(c, k), KH_DW_FRACTION)) {
            m = tk(c, k)->w->val; /* والنصف */
            j = k + 1;
        } else if (is_w(tk(c, j), KH_DW_EXCEPT) &&
                   (KEY_IS(tk(c, j + 1), "\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7") ||
                    KEY_IS(tk(c, j + 1), "\xD8\xB1\xD8\xA8\xD8\xB9"))) {
            h = h == 0 ? 23 : h - 1; /* إلا ربعا */
            m = 45;
            j += 2;
        } else if (and_at(c, j, &k) && is_unit(tk(c, k + 1), KH_U_MINUTE, 0)) {
            u = tk(c, k); /* وعشر دقائق, و20 دقيقة */
            if (u->kind == KHABAR_TOK_NUMBER && u->num >= 1 && u->num <= 59) {
                m = (int)u->num;
                j = k + 2;
            } else if (is_w(u, KH_DW_CARD)) {
                m = u->w->val;
                j = k + 2;
            }
        }
    }
    if (is_w(tk(c, j), KH_DW_DAYPART)) {
        dp = tk(c, j)->w->val;
        j++;
    } else if (is_prep(tk(c, j), KH_P_AFTER) &&
               is_w(tk(c, j + 1), KH_DW_DAYPART) &&
               tk(c, j + 1)->w->val == KH_DP_NOON) {
        dp = KH_DP_PM; /* بعد الظهر */
        j += 2;
    }
    if (!cue && !tok && !dp)
        return 0; /* العاشرة alone is an ordinal */
    if (h > 24)
        return 0;
    p->hour = (int8_t)apply_daypart(h, dp);
    p->minute = (int8_t)m;
    p->second = (int8_t)s;
    p->daypart = (uint8_t)dp;
    return j;
}

/* A time after a day: أمس الساعة العاشرة, 20/10/2015 10:30, اليوم في
 * الساعة الثالثة عصرا. */
static size_t time_after(dctx *c, size_t j, dpoint *p)
{
    dpoint q;
    size_t k = j, e;
    const dtok *t = tk(c, k);
    if (!day_level(p) || p->hour >= 0)
        return j;
    if (is_comma(t) || is_prep(t, KH_P_IN) ||
        KEY_IS(t, "\xD8\xB9\xD9\x86\xD8\xAF") ||      /* عند */
        KEY_IS(t, "\xD8\xB9\xD9\x84\xD9\x8A"))        /* على */
        k++;
    t = tk(c, k);
    if (!is_w(t, KH_DW_HOURCUE) && t->kind != KHABAR_TOK_TIME)
        return j;
    point_init(&q);
    if ((e = p_time(c, k, &q)) == 0)
        return j;
    p->hour = q.daypart || !p->daypart ? q.hour
                                       : (int8_t)apply_daypart(q.hour,
                                                               p->daypart);
    p->minute = q.minute;
    p->second = q.second;
    return e;
}

/* A day after a time: الساعة العاشرة من صباح اليوم, 10:30 يوم الاثنين. */
static size_t day_after(dctx *c, size_t j, dpoint *p)
{
    dpoint q;
    size_t k = j, e;
    int dp = 0;
    if (is_prep(tk(c, k), KH_P_FROM) || is_comma(tk(c, k)))
        k++;
    if (is_w(tk(c, k), KH_DW_DAYPART)) {
        dp = tk(c, k)->w->val;
        k++;
    }
    e = p_point(c, k, &q, PT_WEEKDAY | PT_GHAD, 1);
    if (!e || !day_level(&q) || q.hour >= 0)
        return j;
    if (!dp)
        dp = q.daypart;
    if (dp && !p->daypart)
        p->hour = (int8_t)apply_daypart(p->hour, dp);
    q.hour = p->hour;
    q.minute = p->minute;
    q.second = p->second;
    *p = q;
    return e;
}

/* ------------------------------------------------------------------------ */
/* Ranges, spans and durations                                              */
/* ------------------------------------------------------------------------ */

/* يومي 12 و13 مايو, عامي 2011 و2015 (the dual construct). */
static size_t p_dual(dctx *c, size_t i, dfound *f)
{
    const dtok *t = tk(c, i), *d1;
    size_t j = i + 1, k, e;
    if (t->w->val == KH_U_DAY) {
        d1 = tk(c, j);
        if (d1->kind != KHABAR_TOK_NUMBER || d1->num < 1 || d1->num > 31 ||
            d1->ndig > 2 || !and_at(c, j + 1, &k) ||
            (e = p_day_month(c, k, &f->b)) == 0)
            return 0;
        f->a = f->b;
        f->a.day = (int8_t)d1->num;
        return e;
    } else {
        int32_t y1, y2;
        int m1, m2;
        if ((k = year_at(c, j, 3, &y1, &m1)) == 0 || !and_at(c, k, &k) ||
            (e = year_at(c, k, 3, &y2, &m2)) == 0)
            return 0;
        point_init(&f->a);
        f->a.how = H_ABS;
        f->b = f->a;
        f->a.year = y1;
        f->b.year = y2;
        f->a.hijri = f->b.hijri = (m1 == 1 || m2 == 1);
        return e;
    }
}

/* A range at i: من 2011 إلى 2015, بين عامي 2011 و2015, من 12 إلى 15 مايو,
 * يومي 12 و13 مايو, منذ 2011 وحتى اليوم. */
static size_t p_range(dctx *c, size_t i, dfound *f)
{
    const dtok *t = tk(c, i), *d1;
    size_t j, k, e;
    int between;
    if (is_w(t, KH_DW_DUAL))
        return p_dual(c, i, f);
    between = is_prep(t, KH_P_BETWEEN);
    if (!between && !is_prep(t, KH_P_FROM) && !is_prep(t, KH_P_SINCE))
        return 0;
    j = i + 1;
    if (is_w(tk(c, j), KH_DW_DUAL))
        return p_dual(c, j, f);
    /* A day number whose month comes with the second day. */
    d1 = tk(c, j);
    if (d1->kind == KHABAR_TOK_NUMBER && d1->num >= 1 && d1->num <= 31 &&
        d1->ndig <= 2) {
        int conn;
        if (between) {
            conn = and_at(c, j + 1, &k);
        } else {
            conn = is_prep(tk(c, j + 1), KH_P_TO) ||
                   is_prep(tk(c, j + 1), KH_P_UNTIL);
            k = j + 2;
        }
        if (conn && (e = p_day_month(c, k, &f->b)) != 0) {
            f->a = f->b;
            f->a.day = (int8_t)d1->num;
            return e;
        }
    }
    if ((k = p_point(c, j, &f->a, PT_BARE_YEAR | PT_AMBIG, 1)) == 0)
        return 0;
    if (between) {
        if (!and_at(c, k, &k))
            return 0;
    } else {
        /* إلى, حتى; وحتى after منذ */
        const dtok *u = tk(c, k);
        if (!is_prep(u, KH_P_UNTIL) &&
            (!is_prep(u, KH_P_TO) || is_prep(t, KH_P_SINCE)))
            return 0;
        k++;
    }
    if ((e = p_point(c, k, &f->b, PT_BARE_YEAR | PT_AMBIG, 1)) == 0)
        return 0;
    /* من مارس إلى مايو 2015: the year written once serves both. */
    if (f->a.how == H_YEARLESS && f->b.how == H_ABS && !f->b.hijri) {
        f->a.how = H_ABS;
        f->a.year = f->b.year;
    }
    return e;
}

/* قبل ثلاثة أيام, منذ عامين, بعد 3 أسابيع (a point), خلال يومين (a
 * duration). */
static size_t p_span(dctx *c, size_t i, dfound *f)
{
    const dtok *t = tk(c, i), *u;
    size_t j = i + 1;
    int64_t n = 0;
    int prep = t->w->val, unit;
    dpoint q;
    if (prep != KH_P_BEFORE && prep != KH_P_SINCE && prep != KH_P_AFTER &&
        prep != KH_P_DURING)
        return 0;
    if (is_w(tk(c, j), KH_DW_APPROX))
        j++;
    u = tk(c, j);
    if (u->kind == KHABAR_TOK_NUMBER) {
        if (u->num < 1 || u->num > 100000)
            return 0;
        n = u->num;
        j++;
    } else if (is_w(u, KH_DW_CARD)) {
        n = u->w->val;
        j++;
    }
    u = tk(c, j);
    if (!is_w(u, KH_DW_UNIT))
        return 0;
    unit = u->w->val;
    if (n == 0) {
        if (u->w->aux & KH_DW_TWO)
            n = 2;
        else if (u->w->aux & KH_DW_ONE)
            n = 1;
        else
            return 0; /* قبل أيام: a few days, unknown */
        /* قبل عام 2015, منذ يوم الاثنين: a point, not a count; خلال شهر
         * رمضان: the month of Ramadan. */
        if (n == 1 && (p_point(c, j, &q, 0, 1) ||
                       is_w(tk(c, j + 1), KH_DW_HMONTH) ||
                       is_w(tk(c, j + 1), KH_DW_HMONTH_HEAD) ||
                       is_w(tk(c, j + 1), KH_DW_GMONTH) ||
                       is_w(tk(c, j + 1), KH_DW_GMONTH_HEAD)))
            return 0;
    }
    j++;
    /* بعد يوم واحد من هربها, قبل ثلاثة أيام من الانتخابات: counted from
     * an event, not from the publication date */
    if (prep == KH_P_BEFORE || prep == KH_P_AFTER) {
        size_t k = j;
        if (is_w(tk(c, k), KH_DW_CARD) && tk(c, k)->w->val == n)
            k++;
        if (is_prep(tk(c, k), KH_P_FROM) && !is_now(tk(c, k + 1)))
            return 0; /* (قبل عام من الآن: from now, the publication date) */
        /* وبعد سنتين أغلق: after a count, a verb in the past tells of the
         * story's events, counted from one of them */
        if (prep == KH_P_AFTER && k < c->n &&
            c->tok[k].kind == KHABAR_TOK_ARABIC) {
            const khabar_word *h = kh_doc_host(c->doc, k, NULL);
            if ((h->upos == KHABAR_UPOS_VERB || h->upos == KHABAR_UPOS_AUX) &&
                past_verb(c, h))
                return 0;
        }
    }
    if (prep == KH_P_DURING) {
        f->type = S_DURATION;
        f->unit = (uint8_t)unit;
        f->count = n;
        return j;
    }
    if (unit == KH_U_HOUR || unit == KH_U_MINUTE)
        return 0;
    f->type = S_POINT;
    point_init(&f->a);
    f->a.how = H_PERIOD;
    f->a.unit = (uint8_t)unit;
    f->a.off = (int32_t)(prep == KH_P_AFTER ? n : -n);
    return j;
}

/* A NUMBER token 2011-2015 after a cue: a range of years. */
static int year_pair(const dtok *t, int32_t *a, int32_t *b)
{
    int v[2] = {0, 0}, g = 0, nd = 0;
    size_t j;
    for (j = 0; j < t->len; j++) {
        char ch = t->key[j];
        if (ch >= '0' && ch <= '9') {
            v[g] = v[g] * 10 + (ch - '0');
            if (++nd > 4)
                return 0;
        } else if (ch == '-' && g == 0 && nd == 4) {
            g = 1;
            nd = 0;
        } else {
            return 0;
        }
    }
    if (g != 1 || nd != 4 || v[0] < 1900 || v[1] > 2100 || v[0] >= v[1])
        return 0;
    *a = v[0];
    *b = v[1];
    return 1;
}

/* ------------------------------------------------------------------------ */
/* The finder                                                               */
/* ------------------------------------------------------------------------ */

/* The expression starting at token i, into f; the token after it, or 0. */
static size_t find_at(dctx *c, size_t i, dfound *f)
{
    const dtok *t = tk(c, i);
    size_t j, e;
    memset(f, 0, sizeof *f);
    f->start = t->start;
    if (is_w(t, KH_DW_DUAL) || is_prep(t, KH_P_FROM) ||
        is_prep(t, KH_P_BETWEEN) || is_prep(t, KH_P_SINCE)) {
        if ((e = p_range(c, i, f)) != 0) {
            f->type = S_RANGE;
            f->end = tk(c, e - 1)->end;
            return e;
        }
        memset(f, 0, sizeof *f);
        f->start = t->start;
    }
    if (is_w(t, KH_DW_PREP) && (e = p_span(c, i, f)) != 0) {
        f->end = tk(c, e - 1)->end;
        return e;
    }
    if ((e = p_time(c, i, &f->a)) != 0) {
        e = day_after(c, e, &f->a);
        f->type = f->a.how ? S_POINT : S_TIME;
        f->end = tk(c, e - 1)->end;
        return e;
    }
    if ((e = p_point(c, i, &f->a, 0, 0)) != 0) {
        e = time_after(c, e, &f->a);
        f->type = S_POINT;
        f->end = tk(c, e - 1)->end;
        return e;
    }
    /* After a cue the date starts at the next token: في 2015, منذ مارس. */
    if (is_w(t, KH_DW_PREP) && t->w->val != KH_P_TO) {
        const dtok *u = tk(c, i + 1);
        int32_t a, b;
        j = i + 1;
        f->start = u->start;
        if (u->kind == KHABAR_TOK_NUMBER && year_pair(u, &a, &b)) {
            point_init(&f->a);
            f->a.how = H_ABS;
            f->b = f->a;
            f->a.year = a;
            f->b.year = b;
            f->type = S_RANGE;
            f->end = u->end;
            return j + 1;
        }
        if ((e = p_point(c, j, &f->a, PT_BARE_YEAR | PT_AMBIG, 0)) != 0) {
            e = time_after(c, e, &f->a);
            f->type = S_POINT;
            f->end = tk(c, e - 1)->end;
            return e;
        }
    }
    return 0;
}

/* Whether the date whose first token is k names a place rather than a
 * day: a city, street, square, bridge or university named after the day
 * (بمدينة السادس من أكتوبر, ميدان 6 أكتوبر, جسر 15 مايو). */
static int names_a_place(dctx *c, size_t k)
{
    static const char *const words[] = {"مدينه", "شارع", "ميدان", "جسر",
                                        "ساحه", "كوبري", "جامعه", "حي"};
    size_t top = c->top;
    int r;
    if (k == 0)
        return 0;
    c->top = k - 1; /* the word before may lie before the match */
    r = key_in(c, k - 1, words, sizeof words / sizeof words[0]);
    c->top = top;
    return r;
}

/* Whether the date in tokens [k, e) is a word of a medium's name that the
 * gazetteer knows, with the token before it or after it (قناة روسيا اليوم,
 * صحيفة المصري اليوم, اليوم السابع): no day. */
static int names_a_medium(dctx *c, size_t k, size_t e)
{
    khabar_doc *doc = c->doc;
    const khabar_model *m = doc->model;
    const kh_gaz_entry *g;
    if (!m || !m->has_gazetteer || kh_tag_fold_doc(doc) != 0)
        return 0;
    g = k > 0 ? kh_ner_span_entry(doc, &m->gaz, k - 1, e) : NULL;
    if (!g && e < c->n)
        g = kh_ner_span_entry(doc, &m->gaz, k, e + 1);
    return g && (g->mask & KH_GAZ_ORG);
}

/* ------------------------------------------------------------------------ */
/* Resolving                                                                */
/* ------------------------------------------------------------------------ */

typedef struct dres {
    int64_t first, last; /* day numbers */
    int grain;           /* khabar_grain */
    unsigned flags;      /* KHABAR_TIMEX_* */
    int kind;            /* khabar_timex_kind */
    char lo[40], hi[40]; /* the value; hi differs for an interval (a Hijri
                            month is a span of Gregorian days) */
} dres;

typedef struct pubdate {
    int64_t y, days;
    int m, d, wday;
} pubdate;

static void fmt_day(char *out, int64_t days)
{
    int64_t y;
    int m, d;
    kh_cal_civil(days, &y, &m, &d);
    snprintf(out, 40, "%04d-%02d-%02d", (int)y, m, d);
}

/* The year that puts month m nearest the publication date. */
static int64_t nearest_year(const pubdate *pub, int m)
{
    if (m - pub->m > 6)
        return pub->y - 1;
    if (pub->m - m > 6)
        return pub->y + 1;
    return pub->y;
}

/* Narrows [first, last] to its start, middle or end third: a year by
 * months (1-4, 5-8, 9-12), a decade by years (0-3, 4-6, 7-9), a century
 * (0-32, 33-65, 66-99), anything else by days (a month: 1-10, 11-20,
 * 21-end). */
static void narrow(dres *r, unsigned part, const dpoint *p)
{
    static const int dec_from[3] = {0, 4, 7}, dec_to[3] = {3, 6, 9};
    static const int cen_from[3] = {0, 33, 66}, cen_to[3] = {32, 65, 99};
    int which = part == KHABAR_TIMEX_START ? 0 : part == KHABAR_TIMEX_MID ? 1 : 2;
    int64_t y0;
    int m, d;
    kh_cal_civil(r->first, &y0, &m, &d);
    if (r->grain == KHABAR_GRAIN_YEAR && !p->hijri) {
        r->first = kh_cal_days(y0, 1 + 4 * which, 1);
        r->last = kh_cal_days(y0, 5 + 4 * which, 1) - 1;
    } else if (r->grain == KHABAR_GRAIN_DECADE) {
        r->first = kh_cal_days(y0 + dec_from[which], 1, 1);
        r->last = kh_cal_days(y0 + dec_to[which] + 1, 1, 1) - 1;
    } else if (r->grain == KHABAR_GRAIN_CENTURY) {
        y0 -= y0 % 100; /* century 1 starts at year 1, not 0 */
        r->first = kh_cal_days(y0 + cen_from[which] + (y0 + cen_from[which] == 0), 1, 1);
        r->last = kh_cal_days(y0 + cen_to[which] + 1, 1, 1) - 1;
    } else {
        int64_t third = (r->last - r->first + 1) / 3;
        if (which == 0) {
            r->last = r->first + third - 1;
        } else if (which == 1) {
            r->first += third;
            r->last = r->first + third - 1;
        } else {
            r->first += 2 * third;
        }
    }
    r->flags |= part;
}

/* The year of a point of how H_YEARLESS, by its off. */
static int64_t yearless_year(const dpoint *p, const pubdate *pub)
{
    if (p->off < 0)
        return p->month < pub->m || (p->month == pub->m && p->day <= pub->d)
                   ? pub->y
                   : pub->y - 1;
    if (p->off > 0)
        return p->month > pub->m ||
                       (p->month == pub->m && (p->day == 0 || p->day >= pub->d))
                   ? pub->y
                   : pub->y + 1;
    return nearest_year(pub, p->month);
}

/* The Hijri year of the publication date. */
static int64_t pub_hijri_year(const pubdate *pub)
{
    int64_t hy = (pub->y - 622) * 33 / 32; /* about; then exact */
    if (hy < 1)
        hy = 1;
    while (hy > 1 && kh_hijri_days(hy, 1, 1) > pub->days)
        hy--;
    while (kh_hijri_days(hy + 1, 1, 1) <= pub->days)
        hy++;
    return hy;
}

/* The Hijri year of a yearless Hijri day and month (5 شوال, العاشر من
 * رمضان), by its off as yearless_year() does: the latest not after the
 * pub date, the first not before it, or the nearest. */
static int64_t hijri_yearless_year(const dpoint *p, const pubdate *pub)
{
    int64_t hy = pub_hijri_year(pub), best = hy, y;
    int64_t gap = INT64_MAX;
    int day = p->day ? p->day : 1;
    for (y = hy - 1; y <= hy + 1; y++) {
        int64_t d, g;
        if (y < 1 || day > kh_hijri_month_days(y, p->month))
            continue;
        d = kh_hijri_days(y, p->month, day);
        if ((p->off < 0 && d > pub->days) || (p->off > 0 && d < pub->days))
            continue;
        g = d > pub->days ? d - pub->days : pub->days - d;
        if (g < gap) {
            gap = g;
            best = y;
        }
    }
    return best;
}

/* Whether a Gregorian year alone, without م, is rather a Hijri one: within
 * ten years before the publication's Hijri year or two after it (عام 1435
 * in 2015: the news writes Hijri years bare too; عام 1453 in 2015 stays
 * the conquest's). */
static int hijri_year_alone(const dpoint *p, const pubdate *pub)
{
    int64_t hy;
    if (p->hijri || p->greg || p->month || p->day || p->year < 1300 ||
        p->year > 1600 || pub->y < 1900)
        return 0;
    hy = pub_hijri_year(pub);
    return p->year >= hy - 10 && p->year <= hy + 2;
}

/* Resolves a point; 0, or -1 when it names no day (r->flags INVALID). */
static int resolve_point(const dpoint *p, const pubdate *pub, dres *r)
{
    int64_t y, t;
    int m, d, w;
    memset(r, 0, sizeof *r);
    r->kind = KHABAR_TIMEX_RELATIVE;
    switch (p->how) {
    case H_ABS:
    case H_YEARLESS:
    case H_MONTHREL:
    case H_YEARREL:
        if (p->how == H_ABS) {
            r->kind = KHABAR_TIMEX_DATE;
            y = p->year;
            if (hijri_year_alone(p, pub)) {
                dpoint h = *p;
                h.hijri = 1;
                return resolve_point(&h, pub, r);
            }
        } else if (p->how == H_YEARLESS ||
                   (p->how == H_MONTHREL && p->hijri)) {
            /* (السابع من ذي القعدة المقبل, 4 شوال الجاري: by the pub
             * date's Hijri year) */
            y = p->hijri ? hijri_yearless_year(p, pub) : yearless_year(p, pub);
        } else if (p->how == H_YEARREL) {
            y = pub->y + p->off;
        } else if (p->off < 0) {
            y = p->month < pub->m ? pub->y : pub->y - 1;
        } else if (p->off > 0) {
            y = p->month > pub->m ? pub->y : pub->y + 1;
        } else {
            y = pub->y;
        }
        if (p->hijri) {
            r->flags |= KHABAR_TIMEX_HIJRI;
            if (y < 1 || y > 9000 || p->month > 12 ||
                p->day > kh_hijri_month_days(y, p->month ? p->month : 1))
                goto invalid;
            if (p->day && p->month) {
                r->first = r->last = kh_hijri_days(y, p->month, p->day);
                r->grain = KHABAR_GRAIN_DAY;
            } else if (p->month) {
                r->first = kh_hijri_days(y, p->month, 1);
                r->last = r->first + kh_hijri_month_days(y, p->month) - 1;
                r->grain = KHABAR_GRAIN_MONTH;
            } else {
                r->first = kh_hijri_days(y, 1, 1);
                r->last = kh_hijri_days(y + 1, 1, 1) - 1;
                r->grain = KHABAR_GRAIN_YEAR;
            }
            break;
        }
        if (p->day) {
            if (!kh_cal_valid(y, p->month, p->day))
                goto invalid;
            r->first = r->last = kh_cal_days(y, p->month, p->day);
            r->grain = KHABAR_GRAIN_DAY;
        } else if (p->month) {
            if (y < 1 || y > 9999 || p->month < 1 || p->month > 12)
                goto invalid;
            r->first = kh_cal_days(y, p->month, 1);
            r->last = kh_cal_days(y, p->month + 1, 1) - 1;
            r->grain = KHABAR_GRAIN_MONTH;
        } else {
            if (y < 1 || y > 9999)
                goto invalid;
            r->first = kh_cal_days(y, 1, 1);
            r->last = kh_cal_days(y + 1, 1, 1) - 1;
            r->grain = KHABAR_GRAIN_YEAR;
        }
        break;
    case H_DEICTIC:
        r->first = r->last = pub->days + p->off;
        r->grain = KHABAR_GRAIN_DAY;
        break;
    case H_WEEKDAY: {
        int back = (pub->wday - p->wday + 7) % 7;
        int fwd = (p->wday - pub->wday + 7) % 7;
        if (p->off == -2) /* a weekday alone: this one or the last */
            t = pub->days - back;
        else if (p->off == 2)
            t = pub->days + fwd;
        else if (p->off < 0)
            t = pub->days - (back ? back : 7);
        else if (p->off > 0)
            t = pub->days + (fwd ? fwd : 7);
        else
            t = back <= fwd ? pub->days - back : pub->days + fwd;
        r->first = r->last = t;
        r->grain = KHABAR_GRAIN_DAY;
        break;
    }
    case H_PERIOD:
        switch (p->unit) {
        case KH_U_DAY:
            r->first = r->last = pub->days + p->off;
            r->grain = KHABAR_GRAIN_DAY;
            break;
        case KH_U_WEEK:
            r->first = kh_cal_iso_monday(pub->days + 7 * (int64_t)p->off);
            r->last = r->first + 6;
            r->grain = KHABAR_GRAIN_WEEK;
            break;
        case KH_U_MONTH:
            t = pub->y * 12 + (pub->m - 1) + p->off;
            y = t >= 0 ? t / 12 : -1;
            m = (int)(t - y * 12) + 1;
            if (p->day) {
                if (!kh_cal_valid(y, m, p->day))
                    goto invalid;
                r->first = r->last = kh_cal_days(y, m, p->day);
                r->grain = KHABAR_GRAIN_DAY;
            } else {
                if (y < 1 || y > 9999)
                    goto invalid;
                r->first = kh_cal_days(y, m, 1);
                r->last = kh_cal_days(y, m + 1, 1) - 1;
                r->grain = KHABAR_GRAIN_MONTH;
            }
            break;
        default: /* KH_U_YEAR */
            y = pub->y + p->off;
            if (y < 1 || y > 9999)
                goto invalid;
            r->first = kh_cal_days(y, 1, 1);
            r->last = kh_cal_days(y + 1, 1, 1) - 1;
            r->grain = KHABAR_GRAIN_YEAR;
        }
        break;
    case H_DECADE:
    case H_CENTURY: {
        int64_t start, cent = p->century;
        if (p->rel)
            cent = pub->y / 100 + 1 + p->off;
        else
            r->kind = KHABAR_TIMEX_DATE;
        if (p->how == H_CENTURY) {
            if (cent < 1 || cent > 100)
                goto invalid;
            start = (cent - 1) * 100;
            r->grain = KHABAR_GRAIN_CENTURY;
            snprintf(r->lo, sizeof r->lo, "%02dXX", (int)(cent - 1));
            r->first = kh_cal_days(start ? start : 1, 1, 1);
            r->last = kh_cal_days(start + 100, 1, 1) - 1;
        } else {
            if (cent) {
                start = (cent - 1) * 100 + p->decade * 10;
            } else {
                start = pub->y / 100 * 100 + p->decade * 10;
                if (start > pub->y)
                    start -= 100;
            }
            if (start < 1 || start > 9990)
                goto invalid;
            r->grain = KHABAR_GRAIN_DECADE;
            snprintf(r->lo, sizeof r->lo, "%03dX", (int)(start / 10));
            r->first = kh_cal_days(start, 1, 1);
            r->last = kh_cal_days(start + 10, 1, 1) - 1;
        }
        break;
    }
    default:
        goto invalid;
    }
    /* Every day named must be in years 1..9999. */
    if (r->first < kh_cal_days(1, 1, 1) || r->last > kh_cal_days(9999, 12, 31))
        goto invalid;
    if (p->wday >= 0 && r->grain == KHABAR_GRAIN_DAY &&
        kh_cal_weekday(r->first) != p->wday &&
        (r->flags & KHABAR_TIMEX_HIJRI)) {
        /* A country that sighted the moon a day before or after Umm
         * al-Qura (or the tabular calendar, outside its years: calendar.h)
         * dates a day off it: the weekday written with the date says which
         * day it was (السبت 1 شوال 1436 in Morocco: Saturday the 18th, the
         * day after Umm al-Qura's). */
        static const int shift[] = {-1, 1, -2, 2};
        size_t k;
        for (k = 0; k < sizeof shift / sizeof shift[0]; k++) {
            if (kh_cal_weekday(r->first + shift[k]) == p->wday) {
                r->first += shift[k];
                r->last += shift[k];
                break;
            }
        }
    }
    if (p->wday >= 0 && r->grain == KHABAR_GRAIN_DAY &&
        kh_cal_weekday(r->first) != p->wday)
        r->flags |= KHABAR_TIMEX_WEEKDAY_MISMATCH;
    /* The value at its grain. */
    if (r->lo[0]) {
        /* decade, century: written above */
    } else if ((r->flags & KHABAR_TIMEX_HIJRI) && r->grain != KHABAR_GRAIN_DAY) {
        fmt_day(r->lo, r->first);
        fmt_day(r->hi, r->last);
    } else if (r->grain == KHABAR_GRAIN_DAY) {
        fmt_day(r->lo, r->first);
        if (p->hour >= 0) {
            size_t n = strlen(r->lo);
            snprintf(r->lo + n, sizeof r->lo - n, "T%02d:%02d", p->hour,
                     p->minute >= 0 ? p->minute : 0);
            if (p->second >= 0) {
                n = strlen(r->lo);
                snprintf(r->lo + n, sizeof r->lo - n, ":%02d", p->second);
            }
            r->grain = p->minute >= 0 ? KHABAR_GRAIN_MINUTE : KHABAR_GRAIN_HOUR;
        }
    } else if (r->grain == KHABAR_GRAIN_WEEK) {
        kh_cal_iso_week(r->first, &y, &w);
        snprintf(r->lo, sizeof r->lo, "%04d-W%02d", (int)y, w);
    } else {
        kh_cal_civil(r->first, &y, &m, &d);
        if (r->grain == KHABAR_GRAIN_MONTH)
            snprintf(r->lo, sizeof r->lo, "%04d-%02d", (int)y, m);
        else
            snprintf(r->lo, sizeof r->lo, "%04d", (int)y);
    }
    if (!r->hi[0])
        memcpy(r->hi, r->lo, sizeof r->hi);
    /* مطلع الشهر: the value names the month, first and last its start. */
    if (p->part && r->grain < KHABAR_GRAIN_DAY)
        narrow(r, p->part, p);
    return 0;
invalid:
    r->flags |= KHABAR_TIMEX_INVALID;
    r->first = r->last = 0;
    r->lo[0] = r->hi[0] = '\0';
    if (!r->grain)
        r->grain = p->day ? KHABAR_GRAIN_DAY
                   : p->month ? KHABAR_GRAIN_MONTH : KHABAR_GRAIN_YEAR;
    return -1;
}

static khabar_date to_date(int64_t days)
{
    khabar_date dt;
    int64_t y;
    int m, d;
    kh_cal_civil(days, &y, &m, &d);
    dt.year = (int16_t)y;
    dt.month = (uint8_t)m;
    dt.day = (uint8_t)d;
    return dt;
}

/* Resolves one found expression and appends its timex; 0 or -1. */
static int emit(khabar_doc *doc, const dfound *f, const pubdate *pub)
{
    static const char unit_letter[] = "?DWMYHM";
    khabar_timex *x;
    dres a, b;
    char v[96];
    size_t vlen = 0, off;
    memset(&a, 0, sizeof a);
    switch (f->type) {
    case S_POINT:
        resolve_point(&f->a, pub, &a);
        snprintf(v, sizeof v, "%s%s%s", a.lo, strcmp(a.lo, a.hi) ? "/" : "",
                 strcmp(a.lo, a.hi) ? a.hi : "");
        break;
    case S_RANGE:
        if (f->a.how == H_YEARLESS && f->b.how == H_YEARLESS &&
            !f->a.hijri && !f->b.hijri) {
            /* بين 23 يوليو و29 أغسطس: the end's year as a point, the
             * start's the same or the one before */
            dpoint pa = f->a, pb = f->b;
            pb.how = pa.how = H_ABS;
            pb.year = yearless_year(&f->b, pub);
            pa.year = pa.month > pb.month ||
                              (pa.month == pb.month && pa.day > pb.day)
                          ? pb.year - 1
                          : pb.year;
            resolve_point(&pa, pub, &a);
            resolve_point(&pb, pub, &b);
        } else {
            resolve_point(&f->a, pub, &a);
            resolve_point(&f->b, pub, &b);
        }
        if (((a.flags | b.flags) & KHABAR_TIMEX_INVALID) ||
            a.first > b.last) { /* من 2018 الى 2014: no period */
            a.flags |= KHABAR_TIMEX_INVALID;
            a.first = a.last = 0;
            v[0] = '\0';
        } else {
            snprintf(v, sizeof v, "%s/%s", a.lo, b.hi);
            a.last = b.last;
            a.flags |= b.flags & ~(unsigned)(KHABAR_TIMEX_START |
                                             KHABAR_TIMEX_MID |
                                             KHABAR_TIMEX_END);
        }
        a.kind = KHABAR_TIMEX_RANGE;
        break;
    case S_DURATION:
        a.kind = KHABAR_TIMEX_DURATION;
        a.grain = f->unit == KH_U_DAY     ? KHABAR_GRAIN_DAY
                  : f->unit == KH_U_WEEK  ? KHABAR_GRAIN_WEEK
                  : f->unit == KH_U_MONTH ? KHABAR_GRAIN_MONTH
                  : f->unit == KH_U_YEAR  ? KHABAR_GRAIN_YEAR
                  : f->unit == KH_U_HOUR  ? KHABAR_GRAIN_HOUR
                                          : KHABAR_GRAIN_MINUTE;
        snprintf(v, sizeof v, "P%s%lld%c",
                 f->unit >= KH_U_HOUR ? "T" : "", (long long)f->count,
                 unit_letter[f->unit]);
        break;
    default: /* S_TIME */
        a.kind = KHABAR_TIMEX_TIME;
        a.grain = f->a.minute >= 0 ? KHABAR_GRAIN_MINUTE : KHABAR_GRAIN_HOUR;
        snprintf(v, sizeof v, "T%02d:%02d", f->a.hour,
                 f->a.minute >= 0 ? f->a.minute : 0);
        if (f->a.second >= 0) {
            size_t n = strlen(v);
            snprintf(v + n, sizeof v - n, ":%02d", f->a.second);
        }
        break;
    }
    if (a.flags & KHABAR_TIMEX_INVALID)
        v[0] = '\0';
    else if (f->type == S_POINT && f->a.every &&
             !(a.flags & KHABAR_TIMEX_HIJRI) && strlen(v) >= 4) {
        memcpy(v, "XXXX", 4); /* every year: no year of its own */
        a.kind = KHABAR_TIMEX_DATE;
        a.flags |= KHABAR_TIMEX_EVERY_YEAR;
    }
    vlen = strlen(v);
    off = kh_doc_put(doc, v, vlen);
    if (off == SIZE_MAX)
        return -1;
    x = kh_vec_push(&doc->timexes, sizeof *x);
    if (!x)
        return -1;
    memset(x, 0, sizeof *x);
    x->start = f->start;
    x->end = f->end;
    x->value = off;
    x->value_len = (uint16_t)vlen;
    x->kind = (uint8_t)a.kind;
    x->grain = (uint8_t)a.grain;
    x->flags = (uint16_t)a.flags;
    if ((f->type == S_POINT || f->type == S_RANGE) &&
        !(a.flags & (KHABAR_TIMEX_INVALID | KHABAR_TIMEX_EVERY_YEAR))) {
        x->first = to_date(a.first);
        x->last = to_date(a.last);
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* The stage                                                                */
/* ------------------------------------------------------------------------ */

static void set_pub(pubdate *pub, int64_t y, int m, int d)
{
    if (y < 1 || y > 9999)
        y = 1970;
    if (m < 1 || m > 12)
        m = 1;
    if (d < 1)
        d = 1;
    if (d > kh_cal_month_days(y, m))
        d = kh_cal_month_days(y, m);
    pub->y = y;
    pub->m = m;
    pub->d = d;
    pub->days = kh_cal_days(y, m, d);
    pub->wday = kh_cal_weekday(pub->days);
}

/* The first full date near the top of the text (a dateline): in the first
 * 400 bytes, or in the first three sentences and 2000 bytes. Else the
 * first full date anywhere that the text gives with its weekday, the
 * right one (يوم الجمعة 31 يوليو 2015): a writer names the weekday of a
 * day near the day he writes, not of history (في 20 أكتوبر 2015). */
static int date_in_text(const khabar_doc *doc, const kh_vec *found,
                        pubdate *pub)
{
    const dfound *f = found->data;
    const khabar_sentence *s = doc->sentences.data;
    size_t limit = 400, k;
    int pass;
    if (doc->sentences.len) {
        size_t e = s[doc->sentences.len < 3 ? doc->sentences.len - 1 : 2].end;
        if (e > limit)
            limit = e < 2000 ? e : 2000;
    }
    for (pass = 0; pass < 2; pass++) {
        for (k = 0; k < found->len && (pass || f[k].start < limit); k++) {
            dres r;
            pubdate any;
            int64_t y;
            int m, d;
            if (f[k].type != S_POINT || f[k].a.how != H_ABS || !f[k].a.day ||
                (pass && f[k].a.wday < 0))
                continue;
            set_pub(&any, 2000, 1, 1); /* unused by an absolute date */
            if (resolve_point(&f[k].a, &any, &r) != 0 ||
                (pass && kh_cal_weekday(r.first) != f[k].a.wday))
                continue;
            kh_cal_civil(r.first, &y, &m, &d);
            set_pub(pub, y, m, d);
            return 1;
        }
    }
    return 0;
}

/* The publication's weekday by the first day the text names relative to it
 * with its weekday (أمس الاثنين, اليوم الثلاثاء, غدا الأربعاء: a Tuesday):
 * then pub, today so far, becomes the latest day up to it on that weekday
 * (an article of the week before reads as it was written, and today's
 * stays today). 1 when so. */
static int pub_by_weekday(const kh_vec *found, pubdate *pub)
{
    const dfound *f = found->data;
    size_t k;
    for (k = 0; k < found->len; k++) {
        int64_t d, y;
        int w, m, day;
        if (f[k].type != S_POINT || f[k].a.how != H_DEICTIC ||
            f[k].a.wday < 0 || f[k].a.off < -2 || f[k].a.off > 2)
            continue;
        w = ((f[k].a.wday - f[k].a.off) % 7 + 7) % 7;
        d = pub->days - (pub->wday - w + 7) % 7;
        kh_cal_civil(d, &y, &m, &day);
        set_pub(pub, y, m, day);
        return 1;
    }
    return 0;
}

/* Whether a time of day found at token i (a bare one, f) is the time of
 * the day the last point found names, and so joins it: that point is of a
 * day (with a time of its own or not) and ends in the same sentence, at
 * most a few tokens before (تنطلق اليوم بداية من الساعة 13:00; مساء اليوم
 * ... على الساعة 18:00). last_sent, last_end: the sentence and the token
 * after the last point found. */
static int time_of_last_day(const khabar_doc *doc, const kh_vec *found,
                            size_t i, size_t last_sent, size_t last_end,
                            dfound *f)
{
    const khabar_sentence *ss = doc->sentences.data;
    const dfound *p;
    if (!found->len || last_sent >= doc->sentences.len ||
        i < ss[last_sent].first_token ||
        i >= ss[last_sent].first_token + ss[last_sent].n_tokens ||
        i - last_end > 12)
        return 0;
    p = (const dfound *)found->data + found->len - 1;
    if (p->type != S_POINT || !day_level(&p->a) || p->a.every)
        return 0;
    {
        dpoint t = f->a;
        f->a = p->a;
        f->a.hour = t.hour;
        f->a.minute = t.minute;
        f->a.second = t.second;
        f->type = S_POINT;
    }
    return 1;
}

int kh_dates(khabar_doc *doc, khabar_date given)
{
    dctx *c;
    kh_vec found = {NULL, 0, 0};
    pubdate pub;
    size_t i, k, sent = 0, last_sent = SIZE_MAX, last_end = 0;
    int rc = 0;
    /* The context holds the token cache (a few kilobytes): one allocation
     * per doc, not on the stack of a library call. */
    c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->doc = doc;
    c->tok = doc->tokens.data;
    c->n = doc->tokens.len;
    c->words = doc->words.data;
    c->n_words = doc->words.len;
    c->tw = doc->token_words;
    kh_dword_index_init(&c->words_ix);
    for (k = 0; k < 256; k++)
        c->fold_map[k] = fold_cp(0x600 + (unsigned)k);
    c->none.idx = SIZE_MAX;
    c->none.num = -1;
    for (k = 0; k < CACHE; k++)
        c->cache[k].idx = SIZE_MAX;
    for (i = 0; i < c->n;) {
        const dtok *t;
        dfound f, *slot;
        size_t e;
        unsigned kind = c->tok[i].kind;
        /* Most tokens start nothing: no number, no date word. Only an
         * Arabic token can be a word (fill), and seeing a token is pure, so
         * the others need not be seen here. */
        if (kind != KHABAR_TOK_ARABIC && kind != KHABAR_TOK_NUMBER &&
            kind != KHABAR_TOK_DATE && kind != KHABAR_TOK_TIME) {
            i++;
            continue;
        }
        c->top = i;
        t = tk(c, i);
        if (!t->w && kind == KHABAR_TOK_ARABIC) {
            i++;
            continue;
        }
        e = find_at(c, i, &f);
        if (!e) {
            i++;
            continue;
        }
        if (names_a_place(c, f.start == t->start ? i : i + 1) ||
            (f.type == S_POINT && f.a.how != H_ABS && e - i == 1 &&
             names_a_medium(c, i, e))) {
            i = e;
            continue;
        }
        if (f.type == S_POINT && f.a.how == H_YEARLESS && !f.a.hijri)
            e = same_year(c, e, &found, &f);
        if (f.type == S_POINT && f.a.how == H_YEARLESS)
            e = every_year(c, e, &f);
        if ((f.type == S_POINT && f.a.how == H_YEARLESS) ||
            (f.type == S_RANGE && f.a.how == H_YEARLESS &&
             f.b.how == H_YEARLESS && f.a.hijri == f.b.hijri))
            f.a.off = f.b.off = clause_tense(c, i);
        while (sent + 1 < doc->sentences.len &&
               ((const khabar_sentence *)doc->sentences.data)[sent + 1]
                       .first_token <= i)
            sent++;
        if (f.type == S_TIME)
            time_of_last_day(doc, &found, i, last_sent, last_end, &f);
        slot = kh_vec_push(&found, sizeof f);
        if (!slot) {
            rc = -1;
            goto done;
        }
        *slot = f;
        last_sent = sent;
        last_end = e;
        i = e;
    }
    /* The publication date. */
    if (given.year != 0) {
        set_pub(&pub, given.year, given.month, given.day);
        doc->date_source = KHABAR_DATE_GIVEN;
    } else if (date_in_text(doc, &found, &pub)) {
        doc->date_source = KHABAR_DATE_TEXT;
    } else {
        time_t now = time(NULL);
        struct tm tm;
        if (now != (time_t)-1 && gmtime_r(&now, &tm))
            set_pub(&pub, (int64_t)tm.tm_year + 1900, tm.tm_mon + 1,
                    tm.tm_mday);
        else
            set_pub(&pub, 1970, 1, 1);
        doc->date_source = pub_by_weekday(&found, &pub)
                               ? KHABAR_DATE_WEEKDAY
                               : KHABAR_DATE_TODAY;
    }
    doc->date.year = (int16_t)pub.y;
    doc->date.month = (uint8_t)pub.m;
    doc->date.day = (uint8_t)pub.d;
    if (kh_vec_reserve(&doc->timexes, sizeof(khabar_timex), found.len) != 0) {
        rc = -1;
        goto done;
    }
    for (k = 0; k < found.len; k++)
        if (emit(doc, (const dfound *)found.data + k, &pub) != 0) {
            rc = -1;
            goto done;
        }
done:
    kh_vec_free(&found);
    free(c);
    return rc;
}
