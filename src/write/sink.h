/*
 * sink.h - buffered output over a khabar_write_fn, with the escapes the
 * writers need (JSON strings, CoNLL-U spaces) and U+FFFD for bytes that are
 * not UTF-8, so that everything written is valid UTF-8.
 */
#ifndef KH_SINK_H
#define KH_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"

typedef struct kh_sink {
    khabar_write_fn fn;
    void *ctx;
    int failed;
    size_t len;
    char buf[16384];
} kh_sink;

void kh_sink_init(kh_sink *k, khabar_write_fn fn, void *ctx);
void kh_sink_put(kh_sink *k, const char *data, size_t n);
void kh_sink_str(kh_sink *k, const char *s);
void kh_sink_char(kh_sink *k, char c);
void kh_sink_num(kh_sink *k, uint64_t v);

/* Text as valid UTF-8: ill-formed units become U+FFFD; with newline_space,
 * line breaks (CR, LF) become spaces. */
void kh_sink_text(kh_sink *k, const char *s, size_t n, int newline_space);

/* A JSON string literal, quotes included. */
void kh_sink_json(kh_sink *k, const char *s, size_t n);

/* Flushes; returns 0 or -1 when the callback failed at any point. */
int kh_sink_flush(kh_sink *k);

#endif
