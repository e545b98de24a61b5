/*
 * test.h - the smallest test harness that does the job: CHECK macros that
 * count and report, and one function per suite called from main.c. The
 * runner prints "N passed, N failed" and exits non-zero on any failure.
 */
#ifndef KH_TEST_H
#define KH_TEST_H

#include <stdio.h>
#include <string.h>

#include "khabar.h"

extern int t_passed, t_failed;
extern const khabar_model *t_model; /* one model for every suite */

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (cond) {                                                          \
            t_passed++;                                                      \
        } else {                                                             \
            t_failed++;                                                      \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, \
                    #cond);                                                  \
        }                                                                    \
    } while (0)

/* Compares a (pointer, length) with a C string and prints both if they
 * differ. */
#define CHECK_MEM(ptr, len, want)                                            \
    t_check_mem(__FILE__, __LINE__, (ptr), (len), (want))

void t_check_mem(const char *file, int line, const char *ptr, size_t len,
                 const char *want);

/* The bytes of a file (malloc, 16-aligned; caller frees) and their count,
 * or NULL. */
unsigned char *t_read_all(const char *path, size_t *n);

/* Normalizes s (NUL-terminated) with flags into a static buffer. */
const char *t_norm(const char *s, unsigned flags);

/* A growing buffer that a writer can write into (t_buf_write). */
typedef struct t_buf {
    char *data;
    size_t len, cap;
    int fail_after; /* > 0: fail the n-th write */
} t_buf;

int t_buf_write(void *ctx, const char *data, size_t len);
void t_buf_free(t_buf *b);

/* Writes doc's view in a format into a new buffer (NUL-terminated). */
khabar_code t_write(const khabar_doc *d, khabar_view view, khabar_format f,
                    t_buf *out);

/* Rebuilds the text from CoNLL-U (FORMs, SpaceAfter, SpacesAfter,
 * SpacesBefore) into out. Returns 0, or -1 when the CoNLL-U is malformed. */
int t_conllu_rebuild(const char *conllu, size_t len, t_buf *out);

/* The suites. */
void suite_utf8(void);
void suite_normalize(void);
void suite_tokenize(void);
void suite_sentences(void);
void suite_write(void);
void suite_api(void);
void suite_properties(void);
void suite_morph(void);
void suite_lemmatize(void);
void suite_repair(void);
void suite_tagger(void);
void suite_coref(void);
void suite_dates(void);
void suite_quotes(void);
void suite_keywords(void);

#endif
