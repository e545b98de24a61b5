/*
 * repair.h - glued-word repair: find Arabic tokens that are two or three
 * words run together (a space lost by bad scraping: مدينةسوتشي,
 * ترمبوزعماء, ومصروالسعودية) and say where the spaces go.
 *
 * Only a token the lexicon does not know well is a candidate, and only when
 * its clitics do not explain it (a known host). Each way of cutting it into
 * 2 or 3 parts (at most O(n^2) for n letters, n <= KH_REPAIR_MAX_LETTERS) is
 * scored; every part must be a word by itself: a lexicon entry with a
 * decent count, as it is or once its own clitics are off (ومصر والسعودية).
 *
 *   score = sum of log P(part) + (parts - 1) log P(glue) - log P(whole)
 *           + spelling cues
 *
 * with P(x) = count(x) / total, the count being the token count of x or a
 * fraction of its host's count when x carries clitics; an unknown whole gets
 * a floor that depends on its length and letters. The cues are Arabic
 * spelling: ة and ى only end a word, so one inside the token is a strong
 * sign (مدينةسوتشي); إ only starts one (after a proclitic or ال). A token is
 * repaired when its best score reaches KH_REPAIR_THRESHOLD; the figures
 * (tools/eval/repair_eval.py) are in the comment of repair.c.
 *
 * Everything is bounded: a token of more than KH_REPAIR_MAX_BYTES bytes or
 * KH_REPAIR_MAX_LETTERS letters, or with anything but Arabic letters (and the
 * marks, tatweel and invisible characters the morph form drops), is never
 * split; the work per token is O(n^2) part evaluations, each a few lexicon
 * lookups and one segmentation.
 */
#ifndef KH_REPAIR_H
#define KH_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "khabar.h"
#include "../text/normalize.h"

/* Longer tokens are never split. */
#define KH_REPAIR_MAX_LETTERS 40
#define KH_REPAIR_MAX_BYTES 1024
/* Parts are at least this many letters. */
#define KH_REPAIR_MIN_PART 2
/* Scores are in thousandths of a natural log (milli-nats); a token is
 * repaired when its best split scores at least this. */
#define KH_REPAIR_THRESHOLD 0

typedef struct kh_repair {
    int n_parts;      /* 1: leave the token as it is; 2 or 3: split */
    size_t split[2];  /* n_parts - 1 byte offsets into text, increasing, each
                         strictly inside [start, end): a space goes there,
                         before a letter and after the marks of the letter
                         before it */
    int32_t score;    /* of the best split (milli-nats, threshold
                         subtracted: >= 0 when repaired); 0 when the token
                         had no candidate split */
} kh_repair;

/* Decides whether text[start, end), one Arabic token, is 2-3 glued words.
 * morph is an engine started with kh_norm_init(n, KH_NORM_MORPH, 1) (its
 * buffer is reused). Fills *out and returns out->n_parts - 1 (0 when the
 * token stays whole), or -1 when memory ran out (then out->n_parts is 1).
 * A model without a lexicon never splits. */
int kh_repair_token(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair *out);

/* As kh_repair_token, but fills *out with the best split whatever its score
 * (out->score is then the raw score, the threshold not subtracted; n_parts
 * is 1 when no split had plausible parts). For tuning (tools/eval). */
int kh_repair_best(const khabar_model *m, kh_norm *morph, const char *text,
                   size_t start, size_t end, kh_repair *out);

/* For tools/eval: one way of cutting a token, with what the lexicon and the
 * segmenter say of each part (n_parts 1: the whole token). */
typedef struct kh_repair_cand {
    int n_parts;
    int cut[2];          /* letter indexes of the cuts */
    size_t split[2];     /* their byte offsets */
    struct {
        int len;         /* letters */
        uint32_t count;  /* token count of its key, 0 when unknown */
        uint32_t host;   /* count of its host when it has clitics (1 for a
                            host the lexicon knows only from the treebank) */
        uint8_t pre, enc;
        uint8_t upos, host_upos; /* top UPOS of its entry, of its host's */
    } part[3];
    uint32_t explained;  /* n_parts 1: best count of a host or stem that
                            explains the token as one word */
} kh_repair_cand;

typedef void (*kh_repair_visit_fn)(void *ctx, const uint32_t *letters, int n,
                                   const kh_repair_cand *c);

/* Calls fn with the whole token, then with every cut into 2 or 3 parts of
 * at least KH_REPAIR_MIN_PART letters each of which the lexicon knows (as
 * a token or by its host). letters is the token's morph form. Returns 0, or
 * -1 when memory ran out. */
int kh_repair_visit(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair_visit_fn fn,
                    void *ctx);

#endif
