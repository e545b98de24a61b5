/* sink.c - buffered, escaping output for the writers (see sink.h). */
#include "sink.h"

#include <string.h>

#include "../text/utf8.h"

void kh_sink_init(kh_sink *k, khabar_write_fn fn, void *ctx)
{
    k->fn = fn;
    k->ctx = ctx;
    k->failed = 0;
    k->len = 0;
}

static void drain(kh_sink *k)
{
    if (k->len && !k->failed && k->fn(k->ctx, k->buf, k->len) != 0)
        k->failed = 1;
    k->len = 0;
}

void kh_sink_put(kh_sink *k, const char *data, size_t n)
{
    if (k->failed)
        return;
    if (n > sizeof k->buf - k->len) {
        drain(k);
        if (n > sizeof k->buf) {
            if (!k->failed && k->fn(k->ctx, data, n) != 0)
                k->failed = 1;
            return;
        }
    }
    memcpy(k->buf + k->len, data, n);
    k->len += n;
}

void kh_sink_str(kh_sink *k, const char *s) { kh_sink_put(k, s, strlen(s)); }

void kh_sink_char(kh_sink *k, char c)
{
    if (k->len == sizeof k->buf)
        drain(k);
    k->buf[k->len++] = c;
}

void kh_sink_num(kh_sink *k, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    kh_sink_put(k, tmp + i, sizeof tmp - i);
}

static const char replacement[] = "\xEF\xBF\xBD";

void kh_sink_text(kh_sink *k, const char *s, size_t n, int newline_space)
{
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        const unsigned char *q = p;
        uint32_t cp;
        int diag;
        size_t w;
        /* Copy the longest run that needs no change. */
        while (q < e) {
            if (*q < 0x80) {
                if (*q == 0 || (newline_space && (*q == '\n' || *q == '\r')))
                    break;
                q++;
                continue;
            }
            w = kh_utf8_next(q, e, &cp, &diag);
            if (diag)
                break;
            q += w;
        }
        kh_sink_put(k, (const char *)p, (size_t)(q - p));
        if (q >= e)
            break;
        if (*q == '\n' || *q == '\r') {
            kh_sink_char(k, ' ');
            p = q + 1;
            if (*q == '\r' && p < e && *p == '\n')
                p++;
            continue;
        }
        w = kh_utf8_next(q, e, &cp, &diag);
        kh_sink_put(k, replacement, 3);
        p = q + w;
    }
}

void kh_sink_json(kh_sink *k, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    kh_sink_char(k, '"');
    while (p < e) {
        const unsigned char *q = p;
        uint32_t cp;
        int diag;
        size_t w;
        while (q < e) {
            if (*q < 0x80) {
                if (*q < 0x20 || *q == '"' || *q == '\\' || *q == 0x7F)
                    break;
                q++;
                continue;
            }
            w = kh_utf8_next(q, e, &cp, &diag);
            if (diag || cp == 0x2028 || cp == 0x2029)
                break;
            q += w;
        }
        kh_sink_put(k, (const char *)p, (size_t)(q - p));
        if (q >= e)
            break;
        if (*q < 0x80) {
            char esc[7] = "\\u0000";
            switch (*q) {
            case '"': kh_sink_put(k, "\\\"", 2); break;
            case '\\': kh_sink_put(k, "\\\\", 2); break;
            case '\n': kh_sink_put(k, "\\n", 2); break;
            case '\r': kh_sink_put(k, "\\r", 2); break;
            case '\t': kh_sink_put(k, "\\t", 2); break;
            case 0: kh_sink_put(k, "\\ufffd", 6); break;
            default:
                esc[4] = hex[*q >> 4];
                esc[5] = hex[*q & 15];
                kh_sink_put(k, esc, 6);
            }
            p = q + 1;
            continue;
        }
        w = kh_utf8_next(q, e, &cp, &diag);
        if (diag)
            kh_sink_put(k, "\\ufffd", 6);
        else
            kh_sink_put(k, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
        p = q + w;
    }
    kh_sink_char(k, '"');
}

int kh_sink_flush(kh_sink *k)
{
    drain(k);
    return k->failed ? -1 : 0;
}
