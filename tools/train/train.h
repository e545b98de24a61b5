/*
 * train.h - what the khabar-train commands share: errors, files, a string
 * counter, and a reader of CoNLL-U treebanks with multiword tokens.
 */
#ifndef KH_TRAIN_H
#define KH_TRAIN_H

#include <stddef.h>
#include <stdint.h>

/* Prints "khabar-train: msg" and exits 1. */
void die(const char *msg);

/* The whole file, NUL-terminated, 16-byte aligned (malloc); dies on error. */
char *read_file(const char *path, size_t *len);

/* ------------------------------------------------------------ strmap --- */

typedef struct strmap {
    char **keys;
    size_t *lens;
    uint64_t *counts;
    size_t n, cap;
} strmap;

void strmap_init(strmap *m);
void strmap_add(strmap *m, const char *key, size_t len, uint64_t count);
uint64_t strmap_get(const strmap *m, const char *key, size_t len);
void strmap_free(strmap *m);

/* A key of a strmap and its count, as the models' caches sort them: most
 * counted first (ties by key), or by key (bytes, then length). qsort
 * comparators. */
typedef struct form_count {
    const char *key;
    size_t len;
    uint64_t count;
} form_count;

int form_by_count_then_key(const void *a, const void *b);
int form_by_key(const void *a, const void *b);

/* Shuffles order[0, n) in place (Fisher-Yates), drawing from the xorshift
 * state *seed: the trainers' deterministic order of examples each epoch. */
void shuffle(size_t *order, size_t n, uint64_t *seed);

/* ---------------------------------------------------------- treebank --- */

typedef struct tb_word {
    char form[128];
    char restored[128]; /* MISC Restored=, or "" */
    char lemma[128];
    char upos[16];
    int space_after;
    int tag_guess;      /* MISC TagGuess=Yes: the converter guessed UPOS */
} tb_word;

typedef struct tb_token {
    char surface[256];
    tb_word *words;     /* into treebank.words */
    int n_words;
} tb_token;

typedef struct tb_sentence {
    size_t first, n_tokens; /* into treebank.tokens */
    char text[4096];
} tb_sentence;

typedef struct treebank {
    tb_sentence *sentences;
    size_t n_sentences;
    tb_token *tokens;
    size_t n_tokens;
    tb_word *words;
    size_t n_words;
} treebank;

/* Reads a CoNLL-U file; a token is a multiword line N-M with its words, or a
 * single word line outside any range. Returns 0 or -1. */
int tb_read(treebank *tb, const char *path);
void tb_free(treebank *tb);

/* The commands. */
int train_segmenter(int argc, char **argv);
int train_lemmatizer(int argc, char **argv);
int train_pos(int argc, char **argv);
int train_ner(int argc, char **argv);
int train_background(int argc, char **argv);
int train_hosts(int argc, char **argv);
int train_tagrows(int argc, char **argv);

#endif
