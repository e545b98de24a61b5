/*
 * khabar.h - the whole public API of libkhabar.
 *
 * khabar turns raw Arabic news text into clean, structured data. Two objects
 * carry everything:
 *
 *   khabar_model  everything tabulated or learned (normalization tables, and in
 *                 later versions lexicons and taggers). Immutable once loaded;
 *                 any number of threads may share one model read-only.
 *   khabar_doc    one analyzed text. It owns all it produces (one arena); the
 *                 caller frees it with one call, khabar_doc_free().
 *
 * Conventions
 *   - Functions are named khabar_<object>_<verb>.
 *   - Option fields and flag words use 0 for the sensible default.
 *   - Every function that can fail takes a khabar_error* (may be NULL) and
 *     returns NULL or a non-zero khabar_code; the message is a static string.
 *   - Every byte offset (start, end) refers to the exact bytes of the input
 *     the caller passed in; end is exclusive.
 *   - Strings returned by the library are UTF-8. Input may be anything: invalid
 *     UTF-8, NUL bytes and lone surrogates are reported, never fatal.
 *   - Ownership is stated on each function: "caller frees" or "owned by X".
 */
#ifndef KHABAR_H
#define KHABAR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KHABAR_VERSION_MAJOR 0
#define KHABAR_VERSION_MINOR 1
#define KHABAR_VERSION_PATCH 0
#define KHABAR_VERSION_STRING "0.1.0"

/* The library's version string, e.g. "0.1.0". Static; never freed. */
const char *khabar_version(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

typedef enum khabar_code {
    KHABAR_OK = 0,
    KHABAR_ENOMEM,   /* an allocation failed; nothing was leaked */
    KHABAR_EINVAL,   /* a bad argument (NULL pointer, unknown flag, ...) */
    KHABAR_EIO,      /* reading or writing failed (writer callback error) */
    KHABAR_EMODEL,   /* a model file is missing, corrupt, or of another version */
    KHABAR_ETOOBIG   /* the input is too large for one document (> 4 GiB) */
} khabar_code;

typedef struct khabar_error {
    khabar_code code;
    const char *msg; /* static string describing the error; never freed */
    size_t offset;   /* byte offset in the input the error refers to, or 0 */
} khabar_error;

/* A static English description of a code. Never NULL, never freed. */
const char *khabar_strerror(khabar_code code);

/* ------------------------------------------------------------------------ */
/* Model                                                                    */
/* ------------------------------------------------------------------------ */

typedef struct khabar_model khabar_model;

/* The default model, compiled into the library. Caller frees with
 * khabar_model_free(). Returns NULL (and sets err) only when out of memory. */
khabar_model *khabar_model_new(khabar_error *err);

/* A model loaded from the directory dir; files absent from dir fall back to
 * the compiled-in defaults. dir == NULL is the same as khabar_model_new().
 * Caller frees with khabar_model_free(). */
khabar_model *khabar_model_load(const char *dir, khabar_error *err);

/* Frees a model. NULL is allowed. No document analyzed with the model may be
 * used after this. */
void khabar_model_free(khabar_model *model);

/* ------------------------------------------------------------------------ */
/* Normalization                                                            */
/* ------------------------------------------------------------------------ */

/* Normalization steps; each is one bit. A flag word of 0 means the `search`
 * preset. To ask for exactly the bits given (possibly none), add
 * KHABAR_NORM_EXPLICIT. */
enum {
    KHABAR_NORM_DIACRITICS   = 1u << 0,  /* drop harakat, tanwin, shadda, sukun,
                                            U+0670, Quranic marks, and other
                                            combining marks of Arabic blocks */
    KHABAR_NORM_TATWEEL      = 1u << 1,  /* drop U+0640 */
    KHABAR_NORM_ALEF         = 1u << 2,  /* أ إ آ ٱ (and wavy-hamza alefs) -> ا */
    KHABAR_NORM_ALEF_MAQSURA = 1u << 3,  /* ى -> ي */
    KHABAR_NORM_TEH_MARBUTA  = 1u << 4,  /* ة -> ه */
    KHABAR_NORM_HAMZA_SEATS  = 1u << 5,  /* ؤ -> و, ئ -> ي (in no preset) */
    KHABAR_NORM_PRESENTATION = 1u << 6,  /* presentation forms A/B -> letters */
    KHABAR_NORM_PERSIAN      = 1u << 7,  /* ک ی ہ ە ۀ ... -> ك ي ه ... */
    KHABAR_NORM_DIGITS       = 1u << 8,  /* ٠-٩ ۰-۹ -> 0-9; ٫ ٬ in numbers -> . , */
    KHABAR_NORM_INVISIBLE    = 1u << 9,  /* drop ZWNJ ZWJ LRM RLM ALM, bidi
                                            controls, BOM, soft hyphen */
    KHABAR_NORM_COMPOSE      = 1u << 10, /* ا + U+0653/4/5 -> آ أ إ, و/ي/ه +
                                            U+0654 -> ؤ ئ ۀ */
    KHABAR_NORM_EXPLICIT     = 1u << 30  /* use exactly the bits given */
};

/* Aggressive, for matching: every step but KHABAR_NORM_HAMZA_SEATS. */
#define KHABAR_NORM_SEARCH                                                   \
    (KHABAR_NORM_DIACRITICS | KHABAR_NORM_TATWEEL | KHABAR_NORM_ALEF |       \
     KHABAR_NORM_ALEF_MAQSURA | KHABAR_NORM_TEH_MARBUTA |                   \
     KHABAR_NORM_PRESENTATION | KHABAR_NORM_PERSIAN | KHABAR_NORM_DIGITS |   \
     KHABAR_NORM_INVISIBLE | KHABAR_NORM_COMPOSE | KHABAR_NORM_EXPLICIT)

/* Conservative, for showing: keeps diacritics, letter variants and digits as
 * written; only repairs encoding (presentation forms, Persian look-alikes,
 * invisible characters, tatweel, decomposed hamza). */
#define KHABAR_NORM_DISPLAY                                                  \
    (KHABAR_NORM_TATWEEL | KHABAR_NORM_PRESENTATION | KHABAR_NORM_PERSIAN |  \
     KHABAR_NORM_INVISIBLE | KHABAR_NORM_COMPOSE | KHABAR_NORM_EXPLICIT)

/* A preset by name ("search" or "display"); 0 if the name is unknown. */
unsigned khabar_norm_preset(const char *name);

/* The result of khabar_normalize(). */
typedef struct khabar_normalized {
    char *text;         /* the normalized text, NUL-terminated (the input may
                           hold NULs: they become U+FFFD) */
    size_t len;         /* bytes in text, without the final NUL */
    size_t *src_start;  /* when asked for: output byte i comes from input bytes */
    size_t *src_end;    /*   [src_start[i], src_end[i]); NULL otherwise */
    size_t n_invalid;   /* invalid sequences (and NULs) replaced by U+FFFD */
} khabar_normalized;

/* Options for khabar_normalize(). */
enum {
    KHABAR_NORMALIZE_MAP = 1u << 0  /* fill src_start / src_end */
};

/* Normalizes len bytes of text with the steps in norm (0 = search preset).
 * Never fails on bad input: invalid UTF-8, overlong forms, surrogates and NUL
 * bytes each become one U+FFFD (per maximal ill-formed subpart) and are
 * counted in n_invalid. Whitespace and line structure are kept. The result is
 * idempotent: normalizing it again with the same flags gives it back.
 * On success returns KHABAR_OK and fills *out; the caller frees it with
 * khabar_normalized_free(). */
khabar_code khabar_normalize(const khabar_model *model, const char *text,
                             size_t len, unsigned norm, unsigned options,
                             khabar_normalized *out, khabar_error *err);

/* Frees the buffers of a khabar_normalized (not the struct itself) and zeroes
 * it. NULL is allowed. */
void khabar_normalized_free(khabar_normalized *n);

/* ------------------------------------------------------------------------ */
/* Documents: tokens, sentences                                             */
/* ------------------------------------------------------------------------ */

typedef struct khabar_doc khabar_doc;

typedef enum khabar_token_kind {
    KHABAR_TOK_ARABIC = 1, /* Arabic-script word (diacritics, tatweel inside) */
    KHABAR_TOK_LATIN,      /* Latin-script word, may hold digits (G20) or dots
                              between single letters (U.S.) */
    KHABAR_TOK_WORD,       /* word of another script */
    KHABAR_TOK_NUMBER,     /* 2254, ١٥, 3.5, ٣٫٥, 1,000, 20%, 2011-2015 */
    KHABAR_TOK_DATE,       /* 20/10/2015, 2015-10-20, 20.10.2015 */
    KHABAR_TOK_TIME,       /* 10:30, 10:30:15 */
    KHABAR_TOK_URL,
    KHABAR_TOK_EMAIL,
    KHABAR_TOK_HASHTAG,    /* #سوريا */
    KHABAR_TOK_MENTION,    /* @name */
    KHABAR_TOK_EMOJI,      /* one emoji, with its modifiers and ZWJ sequence */
    KHABAR_TOK_PUNCT,      /* one punctuation mark, or a run of dots */
    KHABAR_TOK_SYMBOL,     /* other symbols: currency, math, ... */
    KHABAR_TOK_INVALID     /* bytes that are not valid UTF-8, or NUL */
} khabar_token_kind;

/* The kind's lower-case English name ("arabic", "number", ...); "?" if
 * unknown. Static. */
const char *khabar_token_kind_name(khabar_token_kind kind);

/* Token flags. */
enum {
    KHABAR_TOKEN_SPACE_AFTER     = 1u << 0, /* white space follows */
    KHABAR_TOKEN_NEWLINE_AFTER   = 1u << 1, /* the gap after holds a line break */
    KHABAR_TOKEN_PARAGRAPH_AFTER = 1u << 2, /* ... an empty line */
    KHABAR_TOKEN_CHANGED         = 1u << 3, /* normalized form != original */
    KHABAR_TOKEN_INVALID         = 1u << 4  /* holds invalid UTF-8 or NUL */
};

typedef struct khabar_token {
    size_t start, end;  /* bytes of the original input */
    size_t norm;        /* offset of the normalized form in khabar_doc_norm() */
    uint32_t norm_len;  /* its length in bytes */
    uint16_t kind;      /* khabar_token_kind */
    uint16_t flags;     /* KHABAR_TOKEN_* */
} khabar_token;

typedef struct khabar_sentence {
    size_t start, end;           /* bytes of the original input */
    size_t first_token, n_tokens;
} khabar_sentence;

/* Problems found in the input bytes. They never stop the analysis. */
typedef enum khabar_diag_kind {
    KHABAR_DIAG_INVALID_UTF8 = 1, /* a byte that cannot start or continue */
    KHABAR_DIAG_TRUNCATED,        /* a sequence cut short */
    KHABAR_DIAG_OVERLONG,         /* an overlong encoding */
    KHABAR_DIAG_SURROGATE,        /* an encoded UTF-16 surrogate */
    KHABAR_DIAG_TOO_LARGE,        /* a code point above U+10FFFF */
    KHABAR_DIAG_NUL               /* a NUL byte */
} khabar_diag_kind;

typedef struct khabar_diag {
    size_t start, end;  /* the offending bytes */
    int kind;           /* khabar_diag_kind */
} khabar_diag;

/* Static name of a diagnostic kind ("invalid-utf8", "nul", ...). */
const char *khabar_diag_kind_name(khabar_diag_kind kind);

/* Checks that len bytes are well-formed UTF-8 text (NUL bytes count as
 * ill-formed): returns the number of ill-formed units, 0 when all is well,
 * and describes the first in *first (when not NULL). */
size_t khabar_utf8_check(const char *text, size_t len, khabar_diag *first);

/* Stages; khabar_options.stages selects them, 0 = all. Asking for a
 * stage runs the stages it needs. */
enum {
    KHABAR_STAGE_NORMTEXT  = 1u << 0, /* the whole text normalized */
    KHABAR_STAGE_TOKENS    = 1u << 1,
    KHABAR_STAGE_SENTENCES = 1u << 2,
    KHABAR_STAGE_WORDS     = 1u << 3, /* segments, lemmas, stems, roots */
    KHABAR_STAGE_REPAIRS   = 1u << 4, /* glued words found and split: the
                                         token becomes tokens, one per part
                                         (no gap between them) */
    KHABAR_STAGE_POS       = 1u << 5, /* UD parts of speech of the words */
    KHABAR_STAGE_ENTITIES  = 1u << 6, /* named entities */
    KHABAR_STAGE_CLUSTERS  = 1u << 7, /* entities naming the same thing,
                                         with titles and descriptions */
    KHABAR_STAGE_DATES     = 1u << 8, /* dates and times, resolved */
    KHABAR_STAGE_QUOTES    = 1u << 9, /* quotes and who said them */
    KHABAR_STAGE_KEYWORDS  = 1u << 10,/* lemma keywords */
    KHABAR_STAGE_SUMMARY   = 1u << 11 /* the most central sentences */
};

/* Options. */
enum {
    KHABAR_ANALYZE_COPY_TEXT = 1u << 0, /* copy the input into the doc; without
                                           it the input must outlive the doc */
    KHABAR_ANALYZE_NORM_MAP  = 1u << 1, /* keep the byte map of NORMTEXT */
    KHABAR_ANALYZE_FINE      = 1u << 2, /* WORDS in the fine scheme: also
                                           split ال and inflectional
                                           suffixes (و+ال+سعودي+ة) */
    KHABAR_ANALYZE_PRETOKENIZED = 1u << 3 /* the text is tokenized already:
                                           each run between white space is
                                           one token, each line one
                                           sentence */
};

/* A calendar date (proleptic Gregorian). year 0 means no date; month 0 a
 * whole year; day 0 a whole month. */
typedef struct khabar_date {
    int16_t year;
    uint8_t month, day;
} khabar_date;

typedef struct khabar_options {
    unsigned stages;  /* KHABAR_STAGE_*; 0 = all */
    unsigned norm;    /* KHABAR_NORM_*; 0 = KHABAR_NORM_SEARCH */
    unsigned flags;   /* KHABAR_ANALYZE_* */
    khabar_date date; /* the publication date that relative dates (أمس,
                         الشهر القادم) resolve against; year 0: the first
                         full date the text states, else today (UTC) */
    unsigned summary; /* sentences in the summary; 0 = 3 */
} khabar_options;

/* Analyzes len bytes of text with all stages and default options. The text
 * must stay alive and unchanged while the doc is used. Returns NULL and sets
 * err on failure (out of memory, input > 4 GiB); any byte sequence is valid
 * input. Caller frees with khabar_doc_free(). */
khabar_doc *khabar_analyze(const khabar_model *model, const char *text,
                           size_t len, khabar_error *err);

/* As khabar_analyze(), with options (opts == NULL: defaults). */
khabar_doc *khabar_analyze_opts(const khabar_model *model, const char *text,
                                size_t len, const khabar_options *opts,
                                khabar_error *err);

/* Where to cut a text too long to analyze as one doc: the length of its
 * first piece of at most max bytes, ending after the piece's last line break,
 * else after its last sentence end or white space, else at a character
 * boundary. Returns len when len <= max (or max is 0). Only text[0..max) is
 * read when len > max, so a stream whose length is unknown passes SIZE_MAX.
 * Analyzing each piece as a doc, its offsets plus the piece's start give
 * offsets into the text. */
size_t khabar_chunk_end(const char *text, size_t len, size_t max);

/* Frees a doc and everything it owns. NULL is allowed. */
void khabar_doc_free(khabar_doc *doc);

/* The analyzed text (the caller's, or the doc's copy) and its length. */
const char *khabar_doc_text(const khabar_doc *doc, size_t *len);

/* Tokens in input order; owned by the doc. */
size_t khabar_doc_token_count(const khabar_doc *doc);
const khabar_token *khabar_doc_tokens(const khabar_doc *doc);

/* The buffer every string of the doc is in: tokens' normalized forms
 * (token.norm) and words' forms, lemmas, stems and roots are offsets in it
 * with a length; owned by the doc. Strings are not NUL-terminated. */
const char *khabar_doc_norm(const khabar_doc *doc);

/* Sentences in input order; owned by the doc. */
size_t khabar_doc_sentence_count(const khabar_doc *doc);
const khabar_sentence *khabar_doc_sentences(const khabar_doc *doc);

/* The whole text normalized (stage NORMTEXT), or NULL when that stage was
 * not run; owned by the doc. */
const khabar_normalized *khabar_doc_normalized(const khabar_doc *doc);

/* Every problem found in the input bytes, in input order; owned by the doc. */
size_t khabar_doc_diag_count(const khabar_doc *doc);
const khabar_diag *khabar_doc_diags(const khabar_doc *doc);

/* ------------------------------------------------------------------------ */
/* Words: segments of tokens, with lemma, stem and root                     */
/* ------------------------------------------------------------------------ */

/* What part of its token a word is. */
typedef enum khabar_word_role {
    KHABAR_WORD_WHOLE = 0,  /* the token is one word */
    KHABAR_WORD_PROCLITIC,  /* و ف ب ك ل س before the host */
    KHABAR_WORD_HOST,       /* the word the clitics attach to */
    KHABAR_WORD_ENCLITIC,   /* a pronoun after the host */
    KHABAR_WORD_AFFIX       /* fine scheme: ال, or an inflectional suffix */
} khabar_word_role;

/* Word flags. */
enum {
    KHABAR_WORD_LEMMA_GUESSED = 1u << 0, /* not from the lexicon */
    KHABAR_WORD_ROOT_GUESSED  = 1u << 1, /* from letter patterns */
    KHABAR_WORD_RESTORED      = 1u << 2  /* form differs from the surface */
};

/* A word (stage WORDS). Its surface is input bytes [start, end), a part of
 * its token's bytes; words of a token are adjacent and cover it. Strings are
 * offsets into khabar_doc_norm() with their lengths; they are undiacritized
 * and spelled as in the text (form, lemma) or search-normalized (stem). */
typedef struct khabar_word {
    size_t start, end;  /* the surface, in bytes of the input */
    size_t token;       /* index of its token */
    size_t form;        /* restored form: ل+لحظر has forms ل, الحظر */
    size_t lemma;       /* lemma (PADT/PUD convention) */
    size_t stem;        /* search stem: one per token, on its host */
    size_t root;        /* 3 or 4 letters; length 0 when none */
    uint16_t form_len, lemma_len, stem_len, root_len;
    uint8_t role;       /* khabar_word_role */
    uint8_t upos;       /* khabar_upos; 0 without stage POS */
    uint16_t flags;     /* KHABAR_WORD_* */
} khabar_word;

/* A glued-word repair (stage REPAIRS): a token that was two to four words
 * run together (مدينةسوتشي), and where the spaces go. In the doc's tokens
 * it is replaced by its parts, adjacent tokens with no gap between them, so
 * every later stage sees the words apart; the repair keeps the original
 * span. */
typedef struct khabar_repair {
    size_t token;       /* index of the token of its first part */
    size_t start, end;  /* its bytes in the input */
    size_t text;        /* replacement, in khabar_doc_norm(): the token's
                           bytes with a space at each split */
    uint32_t text_len;
    uint32_t n_splits;  /* 1 to 3 */
    size_t split[3];    /* input offsets where a space goes */
    int32_t score;      /* confidence: 1000 x (log-odds - threshold), >= 0 */
} khabar_repair;

/* Repairs in input order; owned by the doc. */
size_t khabar_doc_repair_count(const khabar_doc *doc);
const khabar_repair *khabar_doc_repairs(const khabar_doc *doc);

/* Universal POS tags (UD v2), the values of khabar_word.upos. */
typedef enum khabar_upos {
    KHABAR_UPOS_NONE = 0, KHABAR_UPOS_ADJ, KHABAR_UPOS_ADP, KHABAR_UPOS_ADV,
    KHABAR_UPOS_AUX, KHABAR_UPOS_CCONJ, KHABAR_UPOS_DET, KHABAR_UPOS_INTJ,
    KHABAR_UPOS_NOUN, KHABAR_UPOS_NUM, KHABAR_UPOS_PART, KHABAR_UPOS_PRON,
    KHABAR_UPOS_PROPN, KHABAR_UPOS_PUNCT, KHABAR_UPOS_SCONJ, KHABAR_UPOS_SYM,
    KHABAR_UPOS_VERB, KHABAR_UPOS_X
} khabar_upos;

/* The tag's UD name ("NOUN"), "_" for none. Static. */
const char *khabar_upos_name(khabar_upos upos);

/* Named entities (stage ENTITIES). */
typedef enum khabar_entity_type {
    KHABAR_ENT_PER = 1, KHABAR_ENT_LOC, KHABAR_ENT_ORG, KHABAR_ENT_MISC
} khabar_entity_type;

/* The type's name: "PER", "LOC", "ORG", "MISC"; "?" if unknown. Static. */
const char *khabar_entity_type_name(khabar_entity_type type);

typedef struct khabar_entity {
    size_t start, end;      /* bytes of the input: from the host of the first
                               token (its proclitics are not part of the
                               name: in وبيروت the entity is بيروت; but a ل
                               that swallowed the name's article starts
                               it: للصين, not the letters لصين) to the end
                               of the host of the last */
    size_t first_token, n_tokens;
    int type;               /* khabar_entity_type */
} khabar_entity;

/* Entities in input order; owned by the doc. */
size_t khabar_doc_entity_count(const khabar_doc *doc);
const khabar_entity *khabar_doc_entities(const khabar_doc *doc);

/* ------------------------------------------------------------------------ */
/* News analysis: clusters, dates, quotes, keywords, summary                */
/* ------------------------------------------------------------------------ */

/* How a mention names its cluster's referent. */
typedef enum khabar_mention_kind {
    KHABAR_MENTION_NAME = 1,   /* an entity: فلاديمير بوتين, بوتين */
    KHABAR_MENTION_TITLE,      /* a title or role next to a name: الرئيس
                                  (الروسي) before بوتين, أمير قطر */
    KHABAR_MENTION_DESCRIPTION,/* a description standing for the name:
                                  الرئيس الروسي, later in the text */
    KHABAR_MENTION_PRONOUN     /* a word that refers back: نظيره */
} khabar_mention_kind;

/* Static name of a mention kind ("name", "title", ...); "?" if unknown. */
const char *khabar_mention_kind_name(khabar_mention_kind kind);

typedef struct khabar_mention {
    size_t start, end;  /* bytes of the input */
    size_t cluster;     /* index of its cluster */
    size_t entity;      /* index of its entity (kind NAME), else SIZE_MAX */
    int kind;           /* khabar_mention_kind */
} khabar_mention;

/* Entities that name the same thing (stage CLUSTERS). Every entity is in
 * exactly one cluster; titles, descriptions and pronouns may join them. */
typedef struct khabar_cluster {
    size_t name_start, name_end; /* the canonical name: its longest proper-
                                    name mention, bytes of the input */
    size_t first_mention;        /* its mentions are khabar_doc_mentions()
                                    [first_mention .. + n_mentions), in
                                    input order */
    size_t n_mentions;
    size_t n_names;              /* mentions of kind NAME */
    int type;                    /* khabar_entity_type */
} khabar_cluster;

/* Clusters, by first appearance, and their mentions grouped by cluster;
 * owned by the doc. */
size_t khabar_doc_cluster_count(const khabar_doc *doc);
const khabar_cluster *khabar_doc_clusters(const khabar_doc *doc);
size_t khabar_doc_mention_count(const khabar_doc *doc);
const khabar_mention *khabar_doc_mentions(const khabar_doc *doc);

/* The cluster of entity i, or SIZE_MAX without stage CLUSTERS. */
size_t khabar_doc_entity_cluster(const khabar_doc *doc, size_t i);

/* What a date expression is. */
typedef enum khabar_timex_kind {
    KHABAR_TIMEX_DATE = 1,  /* a calendar date, as written: 20 أكتوبر 2015 */
    KHABAR_TIMEX_RELATIVE,  /* resolved against the publication date: أمس */
    KHABAR_TIMEX_TIME,      /* a time of day: الساعة العاشرة صباحا, 10:30 */
    KHABAR_TIMEX_DURATION,  /* a length of time: خلال يومين */
    KHABAR_TIMEX_RANGE      /* from one date to another: من 2011 إلى 2015 */
} khabar_timex_kind;

/* Granularity of a value. */
typedef enum khabar_grain {
    KHABAR_GRAIN_CENTURY = 1, KHABAR_GRAIN_DECADE, KHABAR_GRAIN_YEAR,
    KHABAR_GRAIN_MONTH, KHABAR_GRAIN_WEEK, KHABAR_GRAIN_DAY,
    KHABAR_GRAIN_HOUR, KHABAR_GRAIN_MINUTE
} khabar_grain;

/* Static names: "date", "relative", "time", "duration", "range"; "century",
 * "decade", "year", "month", "week", "day", "hour", "minute"; "?" if
 * unknown. */
const char *khabar_timex_kind_name(khabar_timex_kind kind);
const char *khabar_grain_name(khabar_grain grain);

/* Date expression flags. */
enum {
    KHABAR_TIMEX_HIJRI    = 1u << 0, /* written in the Hijri calendar and
                                        converted */
    KHABAR_TIMEX_START    = 1u << 1, /* مطلع/بداية: the start of the period */
    KHABAR_TIMEX_MID      = 1u << 2, /* منتصف: its middle */
    KHABAR_TIMEX_END      = 1u << 3, /* أواخر/نهاية: its end */
    KHABAR_TIMEX_WEEKDAY_MISMATCH = 1u << 4, /* the weekday written is not
                                        the weekday of the date */
    KHABAR_TIMEX_INVALID  = 1u << 5, /* names a day that does not exist
                                        (31 فبراير); value is empty */
    KHABAR_TIMEX_EVERY_YEAR = 1u << 6 /* a day or month every year (7 يوليو
                                        من كل عام): value XXXX-07-07,
                                        first and last year 0 */
};

/* A date or time expression (stage DATES). */
typedef struct khabar_timex {
    size_t start, end;     /* bytes of the input */
    size_t value;          /* ISO 8601 at its granularity, in
                              khabar_doc_norm(): 2015-10-20, 2011-03, 2015,
                              201X (decade), 20XX (century), 2017-W47,
                              2015-10-20T10:30, P2D (duration),
                              2011/2015 (range) */
    uint16_t value_len;
    uint8_t kind;          /* khabar_timex_kind */
    uint8_t grain;         /* khabar_grain */
    uint16_t flags;        /* KHABAR_TIMEX_* */
    khabar_date first, last; /* the days it covers (inclusive); year 0 when
                                it is a duration, a bare time, every year,
                                or invalid */
} khabar_timex;

/* Date expressions in input order; owned by the doc. */
size_t khabar_doc_timex_count(const khabar_doc *doc);
const khabar_timex *khabar_doc_timexes(const khabar_doc *doc);

/* Where the publication date of a doc came from. */
typedef enum khabar_date_source {
    KHABAR_DATE_NONE = 0,  /* stage DATES did not run */
    KHABAR_DATE_GIVEN,     /* khabar_options.date */
    KHABAR_DATE_TEXT,      /* the first full date the text states near
                              its top, or else anywhere with its weekday
                              (يوم الجمعة 31 يوليو 2015) */
    KHABAR_DATE_TODAY,     /* the day of the analysis (UTC) */
    KHABAR_DATE_WEEKDAY    /* without either: the latest day up to the day
                              of the analysis that falls on the weekday the
                              text gives the publication (أمس الاثنين: a
                              Tuesday) */
} khabar_date_source;

/* The publication date relative dates were resolved against, and (if
 * source is not NULL) where it came from. */
khabar_date khabar_doc_date(const khabar_doc *doc, khabar_date_source *source);

/* Static name of a date source ("given", "text", "today", "weekday",
 * "none"). */
const char *khabar_date_source_name(khabar_date_source source);

/* A quote or reported speech (stage QUOTES). Spans are bytes of the input;
 * a span with start == end is absent. */
typedef struct khabar_quote {
    size_t start, end;                 /* the whole attribution */
    size_t speaker_start, speaker_end; /* who: a name or a description
                                          (مراسل الجزيرة) */
    size_t cue_start, cue_end;         /* the verb or phrase: قال, نقل عن */
    size_t content_start, content_end; /* what was said: inside the quotation
                                          marks, or the إن/أن clause */
    size_t cluster;                    /* the speaker's cluster, SIZE_MAX if
                                          none */
    size_t cue_lemma;                  /* the cue's lemma (قال), in
                                          khabar_doc_norm() */
    uint16_t cue_lemma_len;
    uint8_t direct;                    /* 1: in quotation marks */
} khabar_quote;

/* Quotes in input order; owned by the doc. */
size_t khabar_doc_quote_count(const khabar_doc *doc);
const khabar_quote *khabar_doc_quotes(const khabar_doc *doc);

/* A keyword (stage KEYWORDS): a lemma weighted by how much more often the
 * doc uses it than news in general. */
typedef struct khabar_keyword {
    size_t lemma;       /* in khabar_doc_norm() */
    uint16_t lemma_len;
    uint32_t count;     /* occurrences in the doc */
    size_t first_word;  /* index of its first word */
    double score;       /* higher is more salient */
    size_t cluster;     /* the entity cluster whose name it stands for (the
                           lemma is one of its words: متحد of الولايات
                           المتحدة; show the cluster's name), or SIZE_MAX */
} khabar_keyword;

/* Keywords, best first; owned by the doc. */
size_t khabar_doc_keyword_count(const khabar_doc *doc);
const khabar_keyword *khabar_doc_keywords(const khabar_doc *doc);

/* The summary (stage SUMMARY): indices of its sentences, in input order;
 * owned by the doc. */
size_t khabar_doc_summary_count(const khabar_doc *doc);
const size_t *khabar_doc_summary(const khabar_doc *doc);

/* Words in input order; owned by the doc. Empty unless stage WORDS ran. */
size_t khabar_doc_word_count(const khabar_doc *doc);
const khabar_word *khabar_doc_words(const khabar_doc *doc);

/* The index of the first word of each token (n_tokens + 1 entries, the last
 * one is the word count), or NULL without stage WORDS; owned by the doc. */
const size_t *khabar_doc_token_words(const khabar_doc *doc);

/* The index of a token's host word: the word its clitics attach to, whose
 * stem is the token's search stem (وسوريا: سوريا). SIZE_MAX without stage
 * WORDS or when token is out of range. */
size_t khabar_doc_token_host(const khabar_doc *doc, size_t token);

/* ------------------------------------------------------------------------ */
/* Writers                                                                  */
/* ------------------------------------------------------------------------ */

/* Output goes through a callback; return 0 on success, non-zero to stop with
 * KHABAR_EIO. */
typedef int (*khabar_write_fn)(void *ctx, const char *data, size_t len);

/* A khabar_write_fn for stdio: ctx is a FILE*. */
int khabar_write_stdio(void *ctx, const char *data, size_t len);

typedef enum khabar_view {
    KHABAR_VIEW_TOKENS = 0,   /* the tokens, by sentence */
    KHABAR_VIEW_SENTENCES,    /* the sentences */
    KHABAR_VIEW_NORMALIZED,   /* the normalized text (stage NORMTEXT) */
    KHABAR_VIEW_WORDS,        /* the words (stage WORDS) */
    KHABAR_VIEW_STEMS,        /* each token and its search stem */
    KHABAR_VIEW_REPAIRS,      /* the text with repairs applied (text), or
                                 the repairs (jsonl) */
    KHABAR_VIEW_ENTITIES,     /* the entities (text, jsonl) */
    KHABAR_VIEW_ENTITY_TAGS,  /* each token and its BIO tag, ANERcorp's
                                 names (text) */
    KHABAR_VIEW_ANALYSIS      /* everything the doc holds: a report (text,
                                 html) or one object (json, jsonl; the
                                 schema is docs/json.md) */
} khabar_view;

typedef enum khabar_format {
    KHABAR_FORMAT_TEXT = 0,
    KHABAR_FORMAT_JSONL,
    KHABAR_FORMAT_CONLLU,
    KHABAR_FORMAT_JSON,   /* ANALYSIS only: one indented object */
    KHABAR_FORMAT_HTML    /* ANALYSIS only: one self-contained page */
} khabar_format;

/* Writer flags. */
enum {
    KHABAR_WRITE_DOC_START = 1u << 0 /* the doc starts a document: conllu
                                        writes "# newdoc" */
};

typedef struct khabar_write_opts {
    khabar_view view;
    khabar_format format;
    size_t offset_base;   /* added to every offset written (for a doc that is
                             one chunk of a larger input) */
    size_t sentence_base; /* number of the doc's first sentence, minus one */
    unsigned flags;       /* KHABAR_WRITE_* */
} khabar_write_opts;

/* Writes a view of doc in a format. Formats:
 *   text    TOKENS: "form<TAB>normalized<TAB>kind<TAB>start<TAB>end" a line,
 *           an empty line after each sentence; SENTENCES: one sentence a
 *           line (line breaks inside become spaces); NORMALIZED: the text.
 *   jsonl   one JSON object per sentence (TOKENS, SENTENCES) or per line of
 *           input (NORMALIZED).
 *   conllu  TOKENS and SENTENCES: one token a line, "# text =" per sentence,
 *           SpaceAfter=No / SpacesAfter / SpacesBefore in MISC so that the
 *           input can be rebuilt exactly, TokenRange=start:end (bytes).
 *   json, jsonl, text, html with ANALYSIS: the doc's whole analysis (json:
 *           indented; jsonl: one line; text: a report for a person; html: a
 *           page with the text right-to-left and its entities marked).
 * Invalid bytes are written as U+FFFD, so output is always valid UTF-8.
 * Returns KHABAR_EINVAL when the view and format do not go together or the
 * doc lacks the stage, KHABAR_EIO when fn fails. */
khabar_code khabar_doc_write(const khabar_doc *doc,
                             const khabar_write_opts *opts, khabar_write_fn fn,
                             void *ctx, khabar_error *err);

#ifdef __cplusplus
}
#endif

#endif /* KHABAR_H */
