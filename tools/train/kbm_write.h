/* kbm_write.h - writing model files (docs/model-format.md) from C tools.
 * Sections are appended to a growing buffer; kbm_write() lays out the file,
 * computes the CRCs and writes it through a temporary file renamed into
 * place, so a failed run never leaves a half-written model. */
#ifndef KBM_WRITE_H
#define KBM_WRITE_H

#include <stddef.h>
#include <stdint.h>

typedef struct buf {
    unsigned char *data;
    size_t len, cap;
} buf;

void buf_put(buf *b, const void *p, size_t n);
void buf_u16(buf *b, uint16_t v);
void buf_u32(buf *b, uint32_t v);
void buf_u64(buf *b, uint64_t v);
void buf_align(buf *b, size_t a); /* zero padding to a multiple of a */
void buf_free(buf *b);

typedef struct kbm_section {
    char tag[17];
    buf data;
} kbm_section;

/* Writes a file of kind with n sections to path; returns 0 or -1 (errno). */
int kbm_write(const char *path, const char *kind, const kbm_section *s,
              int n);

#endif
