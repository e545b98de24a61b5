/*
 * segment.h - clitic segmentation of one Arabic token (UD convention).
 *
 * A token's "morph form" is its letters as spelled (diacritics, tatweel and
 * invisible characters dropped; presentation forms and look-alikes mapped;
 * hamza, ة and ى kept), each letter knowing the input bytes it came from.
 * A segmentation (kh_seg_cand) takes 0-2 proclitic letters (و ف, then ب ك ل
 * س) off the front and 0-3 enclitic letters (ه ها هما هم هن ك كما كم كن ي
 * ني نا) off the end, and says how the host's spelling is restored:
 * ل+لحظر is ل + الحظر, زوجته is زوجت + ه with host زوجة, عليه is علي + ه
 * with host على. Segments are always substrings of the token.
 *
 * The choice among candidates is a linear model (src/tag/linear.h) over
 * features of the candidate, the lexicon's counts of its host and token
 * (search keys: all spellings together) and the exact counts of the forms
 * as spelled (أحد and احد apart). It depends on the token alone, so the best
 * choice for every form seen in the news is stored with its count in the
 * model's form table, and a lookup settles most tokens.
 *
 * File segmenter.kbm, kind "segmenter": section "weights" (linear.h) and
 * section "forms":
 *   u32 version 3, u32 n_entries, u32 n_slots (power of two > n_entries),
 *   u32 pool_size, slots[n_slots] (kh_seg_form: the entries themselves,
 *   placed from the FNV-1a of the morph form in UTF-8 by linear probing;
 *   key length 0, every byte 0: empty), pool[pool_size] (the keys, those
 *   longer than KH_SEG_FORM_INLINE first: no lookup reads the others)
 * A slot holds the first KH_SEG_FORM_INLINE bytes of its key, all of most,
 * so that a lookup reads one slot (or a few side by side) and seldom the
 * pool.
 * A decision is pre | enc << 2 | restore << 4.
 */
#ifndef KH_SEGMENT_H
#define KH_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "../tag/linear.h"
#include "../text/normalize.h"
#include "lexicon.h"

/* Tokens with more letters than this are not segmented. */
#define KH_SEG_MAX 48
#define KH_SEG_MAX_CANDS 64
#define KH_SEG_MAX_FEATS 48

/* How the host is restored. */
enum {
    KH_SEG_R_AL = 1,        /* ل + لX is ل + الX */
    KH_SEG_R_TEH = 2,       /* final ت is ة */
    KH_SEG_R_ALEF = 4,      /* final ا is ى */
    KH_SEG_R_YEH = 8,       /* final ي is ى */
    KH_SEG_R_HAMZA = 16,    /* final ئ or ؤ is ء */
    KH_SEG_R_WAW_ALEF = 32  /* final و is وا */
};

/* The flags that select the morph form. */
#define KH_NORM_MORPH                                                        \
    (KHABAR_NORM_DIACRITICS | KHABAR_NORM_TATWEEL |                          \
     KHABAR_NORM_PRESENTATION | KHABAR_NORM_PERSIAN |                        \
     KHABAR_NORM_INVISIBLE | KHABAR_NORM_COMPOSE | KHABAR_NORM_EXPLICIT)

typedef struct kh_seg_token {
    int n;                          /* letters; 0 when not segmentable */
    uint32_t cp[KH_SEG_MAX];        /* the morph form */
    uint32_t fold[KH_SEG_MAX];      /* its search folding (أ->ا, ة->ه, ى->ي) */
    size_t src[KH_SEG_MAX + 1];     /* input offset where letter i starts;
                                       src[n] is the token's end */
    int splittable[KH_SEG_MAX + 1]; /* a boundary may fall before letter i */
    int tanwin;                     /* the token's nunation, as written:
                                       KH_SEG_TANWIN_* */
} kh_seg_token;

/* Nunation marks a word that ends in a case ending, so carries no pronoun
 * suffix; ً and ٌ (accusative, nominative) also rule out a preposition
 * before it. */
enum { KH_SEG_TANWIN_NONE, KH_SEG_TANWIN_KASRA, KH_SEG_TANWIN_OTHER };

typedef struct kh_seg_cand {
    uint8_t pre, enc, restore;
} kh_seg_cand;

#define KH_SEG_FORM_INLINE 20

/* A slot of the form table (32 bytes). */
typedef struct kh_seg_form {
    uint32_t key;       /* offset of the key in the pool */
    uint32_t count;     /* times seen in the news, saturated */
    uint16_t decision;  /* kh_seg_decision() of the best candidate */
    uint8_t key_len;    /* 0: an empty slot */
    uint8_t reserved;
    char head[KH_SEG_FORM_INLINE]; /* the key's first bytes, 0-padded */
} kh_seg_form;

typedef struct kh_segmenter {
    kh_linear lin;
    uint32_t n_forms, n_slots;
    const kh_seg_form *slots;
    const char *pool;
    uint32_t pool_size;
} kh_segmenter;

/* Exact counts of forms as spelled (UTF-8 of morph forms): the segmenter's
 * form table at run time, the trainer's own counts while it learns. */
typedef struct kh_seg_counts {
    uint32_t (*count)(const void *ctx, const char *key, size_t n);
    const void *ctx;
} kh_seg_counts;

/* The count of a form in the segmenter's table (0 when absent). */
uint32_t kh_segmenter_count(const void *segmenter, const char *key, size_t n);

/* Reads a container of kind "segmenter". */
khabar_code kh_segmenter_open(kh_segmenter *s, const kh_container *c,
                              khabar_error *err);

/* Fills t with the morph form of text[start, end) using the engine n
 * (flags KH_NORM_MORPH, mapping on; its buffer is reused). Returns 0, or -1
 * when the token cannot be segmented (too long, no letters, out of memory):
 * then t->n is 0. */
int kh_seg_token_init(kh_seg_token *t, kh_norm *n, const char *text,
                      size_t start, size_t end);

/* The candidates of t, the unsegmented one first; returns their count. */
int kh_seg_candidates(const kh_seg_token *t, kh_seg_cand *out, int max);

/* The candidates the trainer learns against (training only): those of
 * kh_seg_candidates and the ones that only decoding rules out (the future
 * particle before a host of two letters, or one that ends in ة: سام,
 * سنية). The model learns to rank every grammatical split; decoding keeps
 * to the strict set. */
int kh_seg_train_candidates(const kh_seg_token *t, kh_seg_cand *out, int max);

/* Words the lexicon is to be blind to (training only: the trainer hides a
 * token and its gold host now and then, so that the model learns to segment
 * words it has never counted, as names in the news are). Keys are folded
 * UTF-8. */
typedef struct kh_seg_hide {
    const char *key[2];
    size_t len[2];
} kh_seg_hide;

/* The features of candidate c; returns their count (<= KH_SEG_MAX_FEATS).
 * hide is NULL except in training. */
int kh_seg_features(const kh_lexicon *lex, const kh_seg_counts *exact,
                    const kh_seg_token *t, const kh_seg_cand *c,
                    const kh_seg_hide *hide, uint64_t *f);

/* The best segmentation of t: from the form table, else by scoring. */
kh_seg_cand kh_segment(const kh_segmenter *s, const kh_lexicon *lex,
                       const kh_seg_token *t);

/* Scores every candidate with weights lin and exact counts (either may be
 * NULL) and returns the best: what kh_segment_score does with a model's
 * parts, and what the trainer does while it builds them. */
kh_seg_cand kh_seg_best(const kh_linear *lin, const kh_lexicon *lex,
                        const kh_seg_counts *exact, const kh_seg_token *t);

/* Scores every candidate and returns the best (no form table lookup). */
kh_seg_cand kh_segment_score(const kh_segmenter *s, const kh_lexicon *lex,
                             const kh_seg_token *t);

/* The host's restored letters (at most KH_SEG_MAX + 2) into out; returns
 * their count. */
int kh_seg_host(const kh_seg_token *t, const kh_seg_cand *c, uint32_t *out);

/* Encodes code points as UTF-8 into out (room for 4 * n bytes). */
size_t kh_seg_utf8(const uint32_t *cp, int n, char *out);

static inline unsigned kh_seg_decision(kh_seg_cand c)
{
    return (unsigned)c.pre | (unsigned)c.enc << 2 | (unsigned)c.restore << 4;
}

static inline kh_seg_cand kh_seg_from_decision(unsigned d)
{
    kh_seg_cand c;
    c.pre = (uint8_t)(d & 3);
    c.enc = (uint8_t)((d >> 2) & 3);
    c.restore = (uint8_t)((d >> 4) & 63);
    return c;
}

#endif
