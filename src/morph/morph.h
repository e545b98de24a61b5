/*
 * morph.h - the morphology stage (words.c) and the per-word functions it
 * calls: search stems (stem.c), lemma and root guesses (lemma.c, root.c).
 * Words are code point arrays of the morph form (segment.h).
 */
#ifndef KH_MORPH_H
#define KH_MORPH_H

#include <stdint.h>

#include "khabar.h"
#include "segment.h"

/* Fills doc->words and doc->token_words (stage WORDS). Returns 0 or -1
 * when memory runs out. */
int kh_words(khabar_doc *doc, int fine);

/* Fills doc->repairs (stage REPAIRS): the Arabic tokens that are glued
 * words, with the replacement text appended to doc->norm_buf. Returns 0 or
 * -1 when memory runs out. */
int kh_repairs(khabar_doc *doc);

/* The search folding of one letter: أ إ آ ٱ -> ا, ى -> ي, ة -> ه. */
uint32_t kh_morph_fold(uint32_t cp);

/* The search stem of a host (restored letters): folded, the article and
 * plural or dual suffixes off when the lexicon knows what remains. Writes at
 * most n letters to out; returns their count. */
int kh_morph_stem(const khabar_model *m, const uint32_t *host, int n,
                  uint32_t *out);

/* As kh_morph_stem, given the lexicon entry of the host (or NULL when it has
 * none): saves a lookup when the caller has it. */
int kh_morph_stem_entry(const khabar_model *m, const uint32_t *host, int n,
                        const kh_lex_entry *e, uint32_t *out);

/* A lemma for a host the lexicon does not know: the article off, sound
 * plurals to the singular. Returns the letter count written to out. */
int kh_morph_guess_lemma(const uint32_t *host, int n, uint32_t *out);

/* After the POS stage has tagged the words [a, b) of the doc: an
 * adjective's lemma is masculine (lemma_upos.c). */
void kh_lemma_after_upos(khabar_doc *doc, size_t a, size_t b);

/* A root guessed from letter patterns: affixes off, long vowels out; 3 or 4
 * letters, or 0 when no guess is sensible. */
int kh_morph_guess_root(const uint32_t *host, int n, uint32_t *out);

/* A host's lemma, root and stem (UTF-8) and KHABAR_WORD_*_GUESSED flags. */
#define KH_HOST_BYTES (4 * (KH_SEG_MAX + 4))
typedef struct kh_host_analysis {
    char lemma[KH_HOST_BYTES], root[KH_HOST_BYTES], stem[KH_HOST_BYTES];
    size_t lemma_len, root_len, stem_len;
    unsigned flags;
} kh_host_analysis;

/* Computes the analysis of a host's restored letters (host.c); the words
 * stage looks in the model's table of frequent hosts first (hosts.h). */
void kh_host_compute(const khabar_model *m, const uint32_t *host, int hn,
                     kh_host_analysis *r);

/* The lexicon entry of letters (folded for lookup), or NULL. */
const kh_lex_entry *kh_morph_find(const khabar_model *m, const uint32_t *cp,
                                  int n);

#endif
