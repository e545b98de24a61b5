/*
 * embedded.h - the default model files compiled into the library.
 *
 * The table is generated at build time by tools/gen_embedded.sh from the
 * committed .kbm files in data/; it ends with an entry whose name is NULL.
 */
#ifndef KH_EMBEDDED_H
#define KH_EMBEDDED_H

typedef struct kh_embedded {
    const char *name;          /* the file's name without .kbm: "lexicon" */
    const unsigned char *data; /* 16-byte aligned */
    const unsigned char *end;
} kh_embedded;

extern const kh_embedded kh_embedded_models[];

#endif
