/*
 * features.h - what the taggers see of a word, and the feature functions of
 * the POS tagger and the named-entity recognizer.
 *
 * The same functions run in the library (on the doc's words and tokens) and
 * in tools/train (on treebank and NER corpus sentences), so what is learned
 * is what runs. A kh_tag_word is a view: its strings point into the caller's
 * memory. Lexicon, clusters and gazetteer are optional (NULL: their features
 * are left out, consistently in training and at run time).
 */
#ifndef KH_FEATURES_H
#define KH_FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "../morph/lexicon.h"
#include "clusters.h"
#include "usage.h"

#define KH_TAG_MAX_FEATS 96

typedef struct kh_tag_word {
    const char *form;  /* restored form as spelled (الحظر for ل+لحظر) */
    const char *key;   /* its search key (folded), for lookups */
    uint16_t form_len, key_len;
    uint8_t role;      /* khabar_word_role */
    uint8_t kind;      /* khabar_token_kind of its token */
    uint8_t first;     /* first word of its token */
    uint8_t last;      /* last word of its token */
    uint8_t tanwin;    /* its surface ends in tanwin (ً ٌ ٍ), as written */
    uint8_t alef;      /* its first letter as spelled when an alef, which
                          the key folds (kh_tag_alef): أن and إن */
    uint16_t gaz;      /* gazetteer types of its key, 0 without one */
    uint16_t cpath;    /* its word cluster's path (clusters.h) */
    uint8_t clen;      /* the path's length in bits, 0: no cluster */
    uint32_t usage;    /* how the news uses its key (usage.h), 0: unknown */
    uint64_t key_h;    /* kh_feat_bytes() of key, or 0: the features
                          compute it (a caller that zeroes the struct need
                          not know it) */
} kh_tag_word;

/* What the named-entity recognizer sees of a token: its key, its host
 * (the token without its proclitics and enclitic, the words stage's), the
 * host's part of speech, and the gazetteer's verdict on it and on the
 * multi-token names it begins or continues. */
typedef struct kh_ner_token {
    const char *key;   /* search key of the token */
    const char *host;  /* search key of its host */
    uint64_t key_h, host_h; /* kh_feat_bytes() of each */
    uint16_t key_len, host_len;
    uint8_t pre;       /* proclitic letters before the host */
    uint8_t kind;      /* khabar_token_kind */
    uint8_t upos;      /* the host's UPOS, 0 without a tagger */
    uint16_t gaz;      /* gazetteer types of the host alone */
    uint16_t gaz_begin; /* of a name of 2+ tokens that begins here */
    uint16_t gaz_inside; /* of one that this token continues */
    uint16_t cpath;    /* the host's word cluster path */
    uint8_t clen;      /* its length in bits, 0: no cluster */
    uint8_t known;     /* the lexicon knows the host (its lemma) */
    uint8_t doc_cues;  /* cues around the host's other mentions in the doc
                          (1 << KH_NER_CUE_*, ner_cues.c) */
    uint8_t doc_seen;  /* how many other mentions (saturated at 255) */
    uint8_t doc_hist;  /* the entity types the tagger gave the host's
                          mentions in the doc's earlier sentences (bit
                          t - 1 for type t: ner_history.h) */
} kh_ner_token;

/* Where a mention of a word stands (kh_ner_cues). */
enum {
    KH_NER_CUE_TITLE,       /* after a person title (الرئيس [الروسي] X) */
    KH_NER_CUE_FIRST,       /* after a first name */
    KH_NER_CUE_SURNAME,     /* before a family name */
    KH_NER_CUE_LOC_TRIGGER, /* after مدينة, محافظة ... */
    KH_NER_CUE_ORG_TRIGGER, /* after وزارة, حزب ... */
    KH_NER_CUE_AFTER_ADP,   /* after a preposition (في X) */
    KH_NER_CUE_PROPN,       /* tagged a proper noun */
    KH_NER_CUE_CLITIC,      /* with a proclitic (بX, وX) */
    KH_NER_CUES
};

/* What the feature functions may consult. */
typedef struct kh_tag_ctx {
    const kh_lexicon *lex;
} kh_tag_ctx;

/* The cluster path of a key (kind: the khabar_token_kind of its token, for
 * the kinds that share one key: <NUM> ...); sets *path, returns its length
 * in bits, 0 when the key has no cluster or cl is NULL. */
int kh_tag_cluster(const kh_clusters *cl, int kind, const char *key,
                   size_t n, uint16_t *path);

/* How the news uses a key (usage.h): its signature, 0 when us is NULL,
 * the token is not Arabic (kind: its khabar_token_kind) or the key has
 * none. */
uint32_t kh_tag_usage(const kh_usage *us, int kind, const char *key,
                      size_t n);

/* The spelling of a form's first letter when it is an alef: 1 ا, 2 أ, 3 إ,
 * 4 آ, 5 ٱ; 0 when it is none. */
int kh_tag_alef(const char *form, size_t len);

/* Whether bytes [a, b) hold a tanwin mark (U+064B..U+064D). */
int kh_tag_has_tanwin(const char *s, size_t n);

/* The NER features of token i of a sentence of n tokens. */
int kh_ner_features(const kh_tag_ctx *ctx, const kh_ner_token *t, size_t n,
                    size_t i, uint64_t *f);

/* kh_ner_features in two parts, as kh_pos_word_features and
 * kh_pos_pair_features: the features of one token alone, as the token
 * tagged (KH_NER_AS_SELF), the one before it (AS_PREV), two before
 * (AS_PREV2), after (AS_NEXT) or two after (AS_NEXT2), which read its key,
 * host, kind, pre, upos, known, gaz, cpath and clen and nothing else; and
 * those of token i's place in the sentence and the doc. Together, the same
 * features as kh_ner_features gives, in another order. */
enum { KH_NER_AS_SELF, KH_NER_AS_PREV, KH_NER_AS_PREV2, KH_NER_AS_NEXT,
       KH_NER_AS_NEXT2, KH_NER_AS_COUNT };
int kh_ner_token_features(const kh_ner_token *x, int as, uint64_t *f);
/* Where the token whose part counts at a position stands, by part: 0, -1,
 * -2, 1, 2. */
extern const int kh_ner_part_at[KH_NER_AS_COUNT];
int kh_ner_place_features(const kh_ner_token *t, size_t n, size_t i,
                          uint64_t *f);

/* The key under which the recognizer remembers how a token was tagged
 * (ner_history.h): its host's hash, for a word; 0 (none) for numbers,
 * punctuation ... */
uint64_t kh_ner_history_key(const kh_ner_token *x);

/* The features of a token's doc_hist (hist) and of its neighbours' (prev,
 * next; 0 at the sentence's ends), part of kh_ner_place_features and of
 * kh_ner_features: the trainer adds them itself, from its own tagging as
 * it learns. Returns their count (<= KH_NER_HISTORY_FEATS). */
#define KH_NER_HISTORY_FEATS 7
int kh_ner_history_features(unsigned prev, unsigned hist, unsigned next,
                            uint64_t *f);

/* The POS features of word i of a sentence of n words; returns their count
 * (<= KH_TAG_MAX_FEATS). */
int kh_pos_features(const kh_tag_ctx *ctx, const kh_tag_word *w, size_t n,
                    size_t i, uint64_t *f);

/* kh_pos_features in two parts, for a tagger that sums the features of
 * each distinct word once: those of one word alone, as the word tagged
 * (KH_POS_AS_SELF), as the word before it (AS_PREV), after it (AS_NEXT) or
 * two after it (AS_NEXT2), which read nothing but *x; and those that tie
 * word i to its neighbours. The features of word i are those of w[i] as
 * itself, w[i - 1] as the word before (i > 0), w[i + 1] as the word after
 * (i + 1 < n), w[i + 2] two after (i + 2 < n), and its pair features: the
 * same as kh_pos_features gives, in another order. Each returns a count
 * (<= KH_TAG_MAX_FEATS). */
enum { KH_POS_AS_SELF, KH_POS_AS_PREV, KH_POS_AS_NEXT, KH_POS_AS_NEXT2,
       KH_POS_AS_COUNT };
int kh_pos_word_features(const kh_tag_word *x, int as, uint64_t *f);
/* Where the word whose part counts at a position stands, by part: 0, -1,
 * 1, 2. */
extern const int kh_pos_part_at[KH_POS_AS_COUNT];
int kh_pos_pair_features(const kh_tag_word *w, size_t n, size_t i,
                         uint64_t *f);

/* The labels (a bit per label, as kh_tagger_decode_allowed takes them) a
 * word of a token of this kind may take, UD's rules that no treebank needs
 * to teach: a punctuation mark is PUNCT or SYM, a symbol (an emoji, a URL,
 * a hashtag ...) is SYM, and no other word is PUNCT; and one the treebanks
 * have too seldom to teach: a word in Latin letters is PROPN. punct, sym,
 * propn: the bits of the labels PUNCT, SYM and PROPN (0 when the model has
 * none); all: the bits of all its labels. */
uint64_t kh_pos_allowed(int kind, uint64_t punct, uint64_t sym,
                        uint64_t propn, uint64_t all);

/* The search key of a form as spelled, into out (room for len bytes): the
 * letters folded as the lexicon's keys are (أ إ آ ٱ -> ا, ى -> ي, ة -> ه).
 * Returns its length. */
size_t kh_tag_fold(const char *form, size_t len, char *out);

/* The loose form of a folded key, in place: the letters that spell a
 * foreign g (ج غ ك ق: انجلترا, انكلترا; غوغل, جوجل) become one symbol.
 * Returns its length, or 0 when the key has none of them or fewer than five
 * letters: short names that differ so are different names (جمال, كمال). */
size_t kh_tag_loosen(char *k, size_t n);

/* The letters that spell a foreign g, as kh_tag_loosen takes them (ج غ ق
 * ك, UTF-8), and which of them s[0, n) begins with (-1: none). */
#define KH_TAG_G_LETTERS 4
extern const unsigned char kh_tag_g_letters[KH_TAG_G_LETTERS][2];
int kh_tag_g_letter(const char *s, size_t n);

/* Folds the doc's strings (doc->norm_buf, up to norm_len) into
 * doc->fold_buf with kh_tag_fold, from where the last call stopped: run it
 * before reading keys there (the POS and NER stages do). The doc owns the
 * copy. Returns 0, or -1 when memory runs out. */
int kh_tag_fold_doc(khabar_doc *doc);

#endif
