/*
 * lemmatize.h - the lemma of a host word, learned from PADT.
 *
 * A host is a word without its clitics (the article ال may still be on it),
 * as code points of the morph form (segment.h): undiacritized, hamza forms,
 * ة and ى kept. Its lemma is spelled as PADT and PUD spell lemmas: no
 * diacritics, hamza forms kept; a verb's lemma is its perfect 3rd person
 * masculine singular (يحملون -> حمل), a noun's or an adjective's the
 * singular masculine where one exists (الطلاب -> طالب, الملكية -> ملكي).
 *
 * The lemma is one of a fixed set of edit scripts applied to the host. A
 * script is an optional removal of the article followed by an edit tree
 * (Chrupała 2008): the host's longest common substring with the lemma is kept,
 * and the parts before and after it are edited by subtrees of their own,
 * down to literal substitutions. A tree fixes how many letters each edited
 * part has, not what the kept parts are, so one tree serves a whole pattern:
 * the tree of يقول -> قال also turns يكون into كان, that of هواتف -> هاتف
 * turns شوارع into شارع (and كتاب, by طلاب -> طالب, into كاتب: the choice
 * among the scripts that apply is the model's). The trainer
 * (tools/train/train_lemmatizer.c) keeps the scripts of the treebank; script
 * 0 is the identity. The candidates for a host are the scripts that apply to
 * it (their literal letters are there), and a linear model
 * (src/tag/linear.h) picks one, from the host's first and last letters and
 * length, from what the lexicon says of the lemma each script makes (its
 * news count, alone and with the article: الهاتف is a word, الهاتفة is not,
 * and الكرب is rarer than الكربون; whether PADT has it as a lemma, of the
 * host itself or of any word), from the lemma's pattern (its long vowels,
 * hamzas and endings as they are, the other letters as C: هاتف is CاCC; a
 * verb's lemma is never اCCC) and from outside evidence (kh_lem_ext_fn).
 * Deterministic; no allocation; the identity wins ties.
 *
 * The outside evidence is the trainer's, not the runtime's: how often the
 * news has each candidate as a host, clitics and article off (so كربون is
 * a word of its own and كرب a rare one), and whether it has the host with
 * the other sound ending (المهندسين and المهندسون; not الكربين); or a
 * morphological analyzer's lemmas of the host (BAMA's tables, which the
 * default build leaves out: see tools/models.sh). The best script of the
 * most frequent hosts of the news, chosen with the evidence, is stored in
 * the model (the cache), and every other host is scored without it, as the
 * model also learned to do. So the cache settles most words with one
 * lookup, and it is where the evidence's knowledge is.
 *
 * File lemmatizer.kbm, kind "lemmatizer": section "weights" (linear.h, one
 * label), section "scripts":
 *   u32 version 1, u32 n_scripts (>= 1), u32 code_size, u32 reserved 0,
 *   u32 offsets[n_scripts + 1] (offsets[0] = 0, increasing,
 *   offsets[n_scripts] = code_size), u32 code[code_size].
 * Script i is code[offsets[i], offsets[i + 1]): a u32 of flags (bit 0:
 * remove a leading ال first; the host must then have at least 4 letters),
 * then one tree, written in prefix order as
 *   match:  0, p, s, <tree of the first p letters>, <tree of the last s>
 *           (the letters between are kept; p + s < the letter count)
 *   subst:  1, a, b, a code points, b code points (the part must be exactly
 *           the a letters; it becomes the b letters)
 * with p, s, a, b at most KH_LEM_MAX and trees at most KH_LEM_DEPTH deep.
 * Script 0 must be the identity (flags 0, match 0 0, subst 0 0, subst 0 0).
 * Section "cache":
 *   u32 version 1, u32 n_entries, u32 n_slots (a power of two > n_entries),
 *   u32 pool_size, entries[n_entries] (u32 key offset in the pool, u16
 *   script, u8 key length, u8 reserved 0), slots[n_slots] (u32 entry + 1,
 *   0 = empty; open addressing from kh_lex_hash of the host's UTF-8,
 *   linear probing), pool[pool_size] (the hosts' UTF-8, as spelled).
 */
#ifndef KH_LEMMATIZE_H
#define KH_LEMMATIZE_H

#include <stddef.h>
#include <stdint.h>

#include "../tag/linear.h"
#include "lexicon.h"

/* Hosts with more letters than this are their own lemma. */
#define KH_LEM_MAX 52
#define KH_LEM_DEPTH 24
#define KH_LEM_MAX_FEATS 56

/* Script flags. */
enum { KH_LEM_ARTICLE = 1 };

/* What a host needs for a script to apply: a cheap test that rules out
 * most scripts before kh_lem_apply() walks their trees. */
#define KH_LEM_SIG 2048
typedef struct kh_lem_sig {
    uint32_t first, last; /* its first letter (after the article) and its
                           * last one, or 0 when any will do */
    uint8_t min_n;        /* fewest letters, the article's included */
    uint8_t article;      /* KH_LEM_ARTICLE: starts with ال */
} kh_lem_sig;

typedef struct kh_lemmatizer {
    kh_linear lin;
    uint32_t n_scripts, code_size;
    const uint32_t *offsets;
    const uint32_t *code;
    uint32_t n_cache, n_slots, pool_size;
    const uint8_t *cache; /* 8-byte entries */
    const uint32_t *slots;
    const char *pool;
    uint32_t n_sig;       /* scripts [0, n_sig) have their sig */
    kh_lem_sig sig[KH_LEM_SIG];
} kh_lemmatizer;

/* Fills lz->sig from a checked script table (kh_lemmatizer_open does;
 * a lemmatizer put together by hand calls it once). */
void kh_lem_index(kh_lemmatizer *lz);

/* The bucket of a news count: 1 + log2 of it (1 for 0 and 1), at most 24. */
unsigned kh_lem_bucket(uint64_t count);

/* Reads a container of kind "lemmatizer". */
khabar_code kh_lemmatizer_open(kh_lemmatizer *lz, const kh_container *c,
                               khabar_error *err);

/* The lemma of host[0, n) into out (room for max code points); returns the
 * number written. lex may be NULL (then the lemma is chosen without the
 * lexicon's evidence). When lz is NULL or has no scripts, or the host is
 * empty or longer than KH_LEM_MAX, the lemma is the host itself (cut to
 * max). */
int kh_lemmatize(const kh_lemmatizer *lz, const kh_lexicon *lex,
                 const uint32_t *host, int n, uint32_t *out, int max);

/* The index of the best script for host[0, n) by scoring every candidate
 * (no cache); 0 (the identity) when lz has no weights or n is out of range.
 * kh_lemmatize() gives what this script makes of a host it has no cache
 * entry for. */
uint32_t kh_lemmatize_score(const kh_lemmatizer *lz, const kh_lexicon *lex,
                            const uint32_t *host, int n);

/* The cached script of host[0, n), or -1 when the cache has none. */
long kh_lem_cached(const kh_lemmatizer *lz, const uint32_t *host, int n);

/* The lemma of the closed-class words whose lemma PUD spells otherwise
 * than PADT does, so that the treebank cannot teach it (عندما -> عند,
 * إحدى -> أحد, أربع -> أربع, جدا -> جدا), into out (room for max code
 * points); returns the count written, or 0 when host[0, n) is none of
 * them. */
int kh_lem_convention(const uint32_t *host, int n, uint32_t *out, int max);

/* Evidence from outside the model about a candidate lemma r[0, rn) of the
 * host, 0 for none. The trainer has it; the runtime does not, and scores
 * every host as having none. Fields, each 0 when absent:
 *   bits 0-3    a morphological analyzer's lemmas of the host
 *               (< KH_LEM_EXT_MAX)
 *   bits 4-8    1 + the news bucket of r: 0 when the news never has it as
 *               a host, else 1 + log2 of the times it has r or its form
 *               with the article (without, if r has it), at most 24
 *   bits 9-12   7 + that bucket less the host's own, clipped to -6 .. 6
 *   bits 13-16  the host's sound ending (ون ين ان تين تان ات ة) and the
 *               news: 8 + the bucket of the host with the other ending
 *               (ين for ون, ون for ين, ات for ة, ...) less the host's own,
 *               clipped to -6 .. 6 */
#define KH_LEM_EXT_MAX 16
#define KH_LEM_NEWS(bucket, diff, sibling)                                  \
    (((1u + (unsigned)(bucket)) << 4) | ((unsigned)(7 + (diff)) << 9) |     \
     ((unsigned)(sibling) << 13))
typedef unsigned (*kh_lem_ext_fn)(const void *ctx, const uint32_t *r,
                                  int rn);

/* kh_lemmatize_score() with the evidence of ext (NULL: none). */
uint32_t kh_lemmatize_score_ext(const kh_lemmatizer *lz,
                                const kh_lexicon *lex, const uint32_t *host,
                                int n, kh_lem_ext_fn ext, const void *ctx);

/* ---------------------------------------------------------------------- */
/* What the trainer shares with the runtime                                */
/* ---------------------------------------------------------------------- */

/* Keys (folded UTF-8) whose treebank analyses the lexicon is to be blind to
 * (training only: a word the trainer has seen once is shown as if PADT had
 * never analyzed it, so that the model learns to lemmatize the words it
 * has not seen). News counts stay visible. */
typedef struct kh_lem_hide {
    int (*hidden)(const void *ctx, const char *key, size_t len);
    const void *ctx;
} kh_lem_hide;

/* What the features need of the host, computed once per host. */
typedef struct kh_lem_word {
    const uint32_t *cp;
    int n;
    const kh_lex_entry *entry; /* of the host's key, or NULL */
    int analyzed;              /* entry has analyses (visible, not X) */
    unsigned bucket;           /* news count bucket of the host */
    unsigned bare_bucket;      /* the same without the article, if any */
    unsigned def_bucket;       /* the same with the article */
    uint64_t pattern;          /* of the host without the article */
} kh_lem_word;

void kh_lem_word_init(kh_lem_word *w, const kh_lexicon *lex,
                      const uint32_t *host, int n, const kh_lem_hide *hide);

/* Applies script i (< n_scripts) of a checked table to host[0, n); writes
 * at most max code points to out. Returns their count, or -1 when the
 * script does not apply. */
int kh_lem_apply(const uint32_t *code, const uint32_t *offsets, uint32_t i,
                 const uint32_t *host, int n, uint32_t *out, int max);

/* The features of the candidate lemma r[0, rn) made by script i, with the
 * outside evidence ext (kh_lem_ext_fn, 0 for none); returns their count
 * (<= KH_LEM_MAX_FEATS). */
int kh_lem_features(const kh_lexicon *lex, const kh_lem_word *w, uint32_t i,
                    const uint32_t *r, int rn, const kh_lem_hide *hide,
                    unsigned ext, uint64_t *f);

/* Checks a script table: every script parses to exactly its end within
 * the limits above and script 0 is the identity. Returns 0 or -1. */
int kh_lem_check_scripts(const uint32_t *code, uint32_t code_size,
                         const uint32_t *offsets, uint32_t n_scripts);

#endif
