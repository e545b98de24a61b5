/*
 * repair.h - glued-word repair: find Arabic tokens that are two to four
 * words run together (a space lost by bad scraping: مدينةسوتشي,
 * ترمبوزعماء, ومصروالسعودية) and say where the spaces go.
 *
 * Only a token the lexicon does not know well is a candidate. Each way of
 * cutting it into 2, 3 or 4 parts whose parts are all words by themselves
 * (a lexicon entry with a decent count, as it is or once its own clitics
 * are off: ومصر + والسعودية) is scored: the parts' unigram
 * log-probabilities against the whole, how the letters around each cut
 * read as the end of one word and the start of another (a letter model),
 * whether the parts stand side by side in the news and beside the token's
 * neighbours, whether they are words of their own nearby in the doc,
 * spelling cues (ة and ى only end words, إ only begins them), how well
 * clitics and endings explain the whole as one word (وسيجريها), function
 * words, lengths. The best cut is applied when its score reaches
 * KH_REPAIR_THRESHOLD. repair.c has the details and the measured figures
 * (tools/eval/repair_eval.py).
 *
 * Everything is bounded: a token of more than KH_REPAIR_MAX_BYTES bytes or
 * KH_REPAIR_MAX_LETTERS letters, or with anything but Arabic letters (and the
 * marks, tatweel and invisible characters the morph form drops), is never
 * split; a token costs O(n^2) part evaluations at most (each a few lexicon
 * lookups and one segmentation) and O(n^3) cuts (each a few table lookups).
 * Nothing is shared between calls but a kh_repair_doc, which its caller
 * owns: threads may call at once with an engine (and a doc) each.
 */
#ifndef KH_REPAIR_H
#define KH_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"
#include "../model/container.h"
#include "../text/normalize.h"

/* Longer tokens are never split. */
#define KH_REPAIR_MAX_LETTERS 40
#define KH_REPAIR_MAX_BYTES 1024
/* Parts are at least this many letters, at most this many a token. */
#define KH_REPAIR_MIN_PART 2
#define KH_REPAIR_MAX_PARTS 4
/* A token counted this often (search key, KH_LEX_TOKEN) is a word. */
#define KH_REPAIR_WHOLE_MAX 10
/* A token is repaired when its best cut scores at least this (the score is
 * a log-odds, see repair.c). */
#define KH_REPAIR_THRESHOLD (-1.02)

/* The evidence of data/repair.kbm (tools/repair/build_repair.py has the
 * layout): a letter model of words (the probability of each letter given
 * the KH_REPAIR_LM_ORDER - 1 before it, over KH_REPAIR_CLASSES letter
 * classes, the word's start and end) and the counts of adjacent word pairs
 * in the news, both hashed. Read in place; immutable. */
#define KH_REPAIR_CLASSES 37
#define KH_REPAIR_SYMBOLS (KH_REPAIR_CLASSES + 3)
#define KH_REPAIR_LM_ORDER 5
typedef struct kh_repair_data {
    uint32_t lm_bits, n_lm;
    const uint32_t *lm_start; /* 2^lm_bits + 1, increasing, last n_lm */
    const uint16_t *lm_fp;    /* low bits of the key's hash */
    const uint8_t *lm_q;      /* -8 ln P */
    uint32_t bucket_bits, n_pairs;
    const uint32_t *start;   /* 2^bucket_bits + 1, increasing, last n_pairs */
    const uint16_t *fp;      /* fingerprints, sorted within a bucket */
    const uint8_t *q;        /* 8 ln count */
} kh_repair_data;

/* Reads a container of kind "repair". */
khabar_code kh_repair_open(kh_repair_data *r, const kh_container *c,
                           khabar_error *err);

typedef struct kh_repair {
    int n_parts;      /* 1: leave the token as it is; 2 to 4: split */
    size_t split[KH_REPAIR_MAX_PARTS - 1];
                      /* n_parts - 1 byte offsets into text, increasing, each
                         strictly inside [start, end): a space goes there,
                         before a letter and after the marks of the letter
                         before it */
    int32_t score;    /* of the best cut: 1000 x (its score - the
                         threshold), >= 0 when repaired; 0 when the token
                         had no plausible cut */
    int n_cuts;       /* plausible cuts scored: 0 when the token is whole
                         whatever its neighbours */
} kh_repair;

/* The doc a token is in, for two more pieces of evidence: a part that is
 * a word of its own among the KH_REPAIR_NEAR tokens before or after it
 * speaks for the cut (سوتشي ... مدينةسوتشي), the whole token seen there
 * against it (names repeat). kh_repair_doc_init() only records the tokens;
 * the index of their search keys is made when a cut first needs it, and
 * the tables of long tokens' parts are kept for the next token: the tokens
 * of a doc cost no allocation each. A doc is for one thread at a time;
 * kh_repair_doc_free() frees what it made. */
#define KH_REPAIR_NEAR 300
typedef struct kh_repair_doc {
    const char *text;              /* the text of the tokens */
    const khabar_token *tokens;
    size_t n_tokens;
    int state;                     /* 0: no index yet, 1: made, -1: out of
                                      memory */
    uint32_t *near;                /* the index (repair.c: near_build) */
    size_t n_near;                 /* tokens in it */
    uint32_t mask;                 /* its buckets - 1 */
    void *scratch;                 /* parts' tables of long tokens */
} kh_repair_doc;

void kh_repair_doc_init(kh_repair_doc *d, const char *text,
                        const khabar_token *tokens, size_t n);
void kh_repair_doc_free(kh_repair_doc *d);

/* The words around a token: the byte spans in the same text of the
 * Arabic tokens right before and after it with only white space (no line
 * break) between; an empty span (start == end) when there is none. Pairs
 * of a neighbour and a part are evidence too (قال ترمب | وزعماء). doc, when
 * not NULL, is the doc of the same text, and token the token's index in
 * doc->tokens. Zero fields ({0}): no neighbours, no doc. */
typedef struct kh_repair_ctx {
    size_t prev_start, prev_end, next_start, next_end;
    kh_repair_doc *doc;
    size_t token;
} kh_repair_ctx;

/* Decides whether text[start, end), one Arabic token, is 2-3 glued words.
 * morph is an engine started with kh_norm_init(n, KH_NORM_MORPH, 1) (its
 * buffer is reused). Fills *out and returns out->n_parts - 1 (0 when the
 * token stays whole), or -1 when memory ran out (then out->n_parts is 1).
 * A model without a lexicon or repair data never splits. Without
 * neighbours: see kh_repair_token_ctx. */
int kh_repair_token(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair *out);

/* As kh_repair_token, with the token's neighbours and doc (ctx NULL:
 * none). Memory may run out making the doc's index: -1 then too. */
int kh_repair_token_ctx(const khabar_model *m, kh_norm *morph,
                        const char *text, size_t start, size_t end,
                        const kh_repair_ctx *ctx, kh_repair *out);

/* As kh_repair_token_ctx, but fills *out with the best split whatever its
 * score (out->score is then the raw score, the threshold not subtracted;
 * n_parts is 1 when no split had plausible parts). For tuning
 * (tools/eval). */
int kh_repair_best(const khabar_model *m, kh_norm *morph, const char *text,
                   size_t start, size_t end, const kh_repair_ctx *ctx,
                   kh_repair *out);

/* The features of a cut, in the order of the weights in repair.c. */
#define KH_REPAIR_N_FEATURES 28
#define KH_REPAIR_FEATURE_NAMES                                              \
    "bias", "base", "minlv", "len", "three", "four", "cue_tm", "cue_ahb",    \
        "al", "suf", "hostonly", "minlen", "expl", "wcount", "pre", "bad",   \
        "fw_first", "fw_last", "ashift", "pair", "nopair", "prev", "prev0",  \
        "next", "next0", "lm", "dwhole", "dparts"

/* For tools/eval: one way of cutting a token, with what the lexicon and the
 * segmenter say of each part (n_parts 1: the whole token). */
typedef struct kh_repair_cand {
    int n_parts;
    int cut[KH_REPAIR_MAX_PARTS - 1];      /* letter indexes of the cuts */
    size_t split[KH_REPAIR_MAX_PARTS - 1]; /* their byte offsets */
    struct {
        int len;         /* letters */
        uint32_t count;  /* token count of its key, 0 when unknown */
        uint32_t host;   /* count of its host when it has clitics (1 for a
                            host the lexicon knows only from the treebank) */
        uint8_t pre, enc;
        uint8_t upos, host_upos; /* top UPOS of its entry, of its host's */
    } part[KH_REPAIR_MAX_PARTS];
    uint32_t explained;  /* best count of a host or stem that explains the
                            token as one word */
    int plausible;       /* n_parts > 1: the token passes the gate and every
                            part is plausible; then f holds the features */
    double f[KH_REPAIR_N_FEATURES];
} kh_repair_cand;

typedef void (*kh_repair_visit_fn)(void *ctx, const uint32_t *letters, int n,
                                   const kh_repair_cand *c);

/* Calls fn with the whole token, then with every cut into 2 to 4 parts of
 * at least KH_REPAIR_MIN_PART letters each of which the lexicon knows (as
 * a token or by its host), with its features when it is plausible (the
 * cuts kh_repair_token scores). letters is the token's morph form. Returns
 * 0, or -1 when memory ran out. */
int kh_repair_visit(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, const kh_repair_ctx *around,
                    kh_repair_visit_fn fn, void *ctx);

#endif
