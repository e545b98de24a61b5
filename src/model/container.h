/*
 * container.h - the checked container of model files (docs/model-format.md).
 *
 * kh_container_open() validates a whole file image (magic, version, kind,
 * section table, padding, CRCs) before any section is used; sections are then
 * read in place through a bounds-checked kh_cursor. Nothing here allocates:
 * the image stays owned by the caller (a static array for the compiled-in
 * defaults, a malloc'd buffer for a file).
 */
#ifndef KH_CONTAINER_H
#define KH_CONTAINER_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"

#define KH_KBM_MAX_SECTIONS 64
#define KH_KBM_TAG 16

typedef struct kh_section {
    char tag[KH_KBM_TAG + 1];
    const uint8_t *data;
    size_t size;
} kh_section;

typedef struct kh_container {
    char kind[KH_KBM_TAG + 1];
    unsigned n;
    kh_section sec[KH_KBM_MAX_SECTIONS];
} kh_container;

/* Checks bytes[0..len) as a container of the given kind and fills c.
 * Returns KHABAR_OK, or KHABAR_EMODEL with a static message in err. The
 * bytes must be 8-byte aligned and outlive c. */
khabar_code kh_container_open(kh_container *c, const void *bytes, size_t len,
                              const char *kind, khabar_error *err);

/* As kh_container_open, without the CRCs: for the images compiled into the
 * library, which no disk or download can have damaged (every structural
 * check still runs). */
khabar_code kh_container_open_trusted(kh_container *c, const void *bytes,
                                      size_t len, const char *kind,
                                      khabar_error *err);

/* The section with that tag, or NULL. */
const kh_section *kh_container_get(const kh_container *c, const char *tag);

/* CRC-32 (IEEE, as zlib) of n bytes. */
uint32_t kh_crc32(const void *data, size_t n);

/* A bounds-checked reader over one section. Reading past the end sets bad
 * and returns zeros / NULL; kh_cursor_end() tells whether every byte was
 * read and nothing went wrong. */
typedef struct kh_cursor {
    const uint8_t *p, *end;
    int bad;
} kh_cursor;

void kh_cursor_init(kh_cursor *k, const kh_section *s);
uint32_t kh_cursor_u32(kh_cursor *k);
uint64_t kh_cursor_u64(kh_cursor *k);

/* count items of size bytes, aligned to align (padding skipped must be 0);
 * returns a pointer into the section, or NULL (and bad) if they do not fit. */
const void *kh_cursor_array(kh_cursor *k, size_t count, size_t size,
                            size_t align);

/* 1 when the cursor read exactly the whole section without error. */
int kh_cursor_end(const kh_cursor *k);

#endif
