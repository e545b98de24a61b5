/*
 * repair.c - glued-word repair (see repair.h).
 *
 * A token is looked at in its morph form (segment.h: letters as spelled,
 * marks dropped, each letter knowing its input bytes), so cuts fall between
 * letters of the input, after the marks of the letter before.
 *
 *   1. The gate. The whole token's search key is looked up; a token counted
 *      KH_REPAIR_WHOLE_MAX times or more is a word. Most tokens stop here,
 *      after one lookup (made from the input bytes when the token is plain
 *      letters: known_whole). Not when the token cannot be one word by its
 *      spelling ("bad inside": ة or ى before its last letter, إ after its
 *      first except behind a proclitic or the article): then its key's
 *      count belongs to another word or to the glue itself (إلىأن has the
 *      key اليان).
 *   2. The parts. Every stretch [i, j) of letters that could be a part is
 *      judged once (memo, O(n^2) for n <= KH_REPAIR_MAX_LETTERS): its
 *      spelling must be possible for a word (not bad inside, not a bare
 *      article ال وال بال ..., not ال + one letter, no ة on 1-2 letters, no
 *      final آ), and it must be a word: its token count (at least 50 for
 *      two letters, 2 otherwise), or 1/20 of its host's count when the
 *      segmenter takes clitics off it (ومصر: و + مصر) and the host is
 *      counted >= 20, or, for a part of DOC_PART_MIN letters or more that
 *      is neither, the times the doc writes it as a token of its own
 *      within KH_REPAIR_NEAR tokens, when that is twice or more (a name the
 *      news never counted: بيدرسنووزير with بيدرسن nearby; the ANT figures
 *      below do not move, the examples' last glued word is fixed). That
 *      value v is the part's plausibility. No cut
 *      between عبد and ال (عبدالله, compound names written as one word),
 *      nor before a last part تاون or شير (جورجتاون, كامبريدجشير: foreign
 *      place names written as one word).
 *      The spelling is checked first, and the segmenter is run only when a
 *      host of some clitic candidate is counted enough to raise v: the
 *      same verdicts as running it on every part, at a tenth of the calls.
 *   3. The cuts. Every cut into 2, 3 or 4 parts whose parts are all
 *      plausible is scored by a linear function of the features below; the
 *      best one is the token's. It is applied when its score reaches
 *      KH_REPAIR_THRESHOLD. The last part is judged first, then the one
 *      before it, so that a middle stretch is judged only when a cut can
 *      end after it: O(n^3) cuts at most, each a few table lookups.
 *
 * Features of a cut (weights in weights[] below):
 *   base      sum of ln v over the parts - (parts - 1) ln total: the
 *             unigram log-likelihood of the parts against one unknown word
 *   minlv     ln v of the weakest part
 *   len       letters of the token (glued tokens are long, unknown words
 *             short)
 *   three     the cut has 3 parts; four: 4 parts
 *   cue_tm    cuts right after ة or ى (they only end words)
 *   cue_ahb   cuts right before إ (it only begins words)
 *   al        parts after the first that begin with ال
 *   suf       the last part is an inflectional ending or pronoun suffix
 *             (ين ان تان ية ها ...; ما / هما after ه ك ت): the token is
 *             an inflected word, not two words
 *   hostonly  parts plausible only through their host
 *   minlen    letters of the shortest part
 *   expl      ln(1 + c), c the best count of a host or inflectional stem
 *             that explains the whole token as one word (any clitic
 *             segmentation, then an ending such as ان ين ات تان off):
 *             وسيجريها is و + س + يجري + ها
 *   wcount    ln(1 + the whole token's count) (< KH_REPAIR_WHOLE_MAX)
 *   pre       the first part is a verb prefix that looks like a word (سي
 *             سن ست لي لت ...: سيفحص is not سي + فحص)
 *   bad       the whole token is bad inside (see the gate)
 *   fw_first  the first part is a function word (في من على أن ...)
 *   fw_last   the last part is one
 *   ashift    parts after the first that begin with a bare alef not of ال:
 *             طالبامن is طالبا من more often than طالب امن
 *   pair      over the cuts, (ln count) of the two parts side by side in
 *             the news (data/repair.kbm; pairs seen >= 5 times); nopair
 *             the cuts whose pair is not there
 *   prev      ln count of the word before the token (same line, white
 *             space between) and the first part side by side; prev0 when
 *             the pair is not in the table; next, next0 the same for the
 *             last part and the word after (قال ترمب | وزعماء)
 *   lm        ln P of the parts as words - ln P of the token as one word,
 *             by the letter model of data/repair.kbm (the probability of
 *             each letter given the four before it, from the start of the
 *             word, and of its end): the letters on either side of each
 *             cut, four of them, say whether a word ends and another
 *             begins there (ة | س, ى | أ, ت | ال) or the word goes on
 *   dwhole    the whole token is a token again among the KH_REPAIR_NEAR
 *             tokens before or after it (names repeat; a glue rarely
 *             does); dparts: how many parts are tokens of their own there
 *             (مدينةسوتشي with سوتشي nearby). 0 without a doc (repair.h).
 * expl and wcount are 0 for a token that is bad inside.
 *
 * The weights are a logistic regression (L2 1, Newton's method) fitted on
 * the synthetic data of tools/eval/repair_eval.py (ANT articles, spaces
 * between Arabic words deleted at random, 5 %) of the articles k % 20 in
 * 0, 5 and 15 together (the dev set and the two other offsets the counts
 * of data/repair.kbm leave out, the test set k % 20 == 10 aside): the right
 * cut of each glued token against its other cuts (weight 0.1) and every cut
 * of untouched tokens (weight 30), leaving out the words ANT has glued
 * itself (السعوديةخلال, لايستطيعون ..., judged by hand, about 3 per 10,000
 * words; their hashes are tools/eval/repair_natural.txt).
 * `repair_eval.py --fit` prints them again. The threshold is the point of
 * 0.6 false splits per 10,000 untouched words on those articles, a margin
 * below the goal of 1: in trials that held one of the three sets out, a
 * threshold chosen so on the other two gave 0.81 on it on average, at
 * 95.5 % recall.
 *
 * Measured at the threshold (repair_eval.py; false splits are those of
 * untouched words not in repair_natural.txt, raw counts them too):
 *
 *   set                     recall   wrong cut  false/10k words
 *                                               raw     judged
 *   ANT dev (k%20 == 0)     95.9 %   24         3.9     0.65  (fitted on)
 *   ANT test (k%20 == 10)   96.4 %   19         2.6     0.58
 *   examples (ours)         95.7 %   3          0 in 870 words
 *
 * (With 3 parts at most: 96.1 % recall at 0.50 on the test set, 2.5 raw;
 * without the words nearby too: 95.9 % at 0.75; with letter-junction
 * tables instead of the letter model too, and pairs seen >= 10 times:
 * 94.9 % at 1.16, 3.1 raw.) The lexicon's counts include the ANT
 * sentences (their words are known better than new text's); the examples
 * were never counted (each space of theirs is deleted once, in its
 * article). A lower threshold trades: at -2, test recall 96.8 % for 1.2
 * false splits per 10,000 words. The misses are mostly tokens of five
 * words or more, glues of a function word and a short word (لايزال,
 * حسبما) or of names; the false splits are foreign names, misspellings and
 * verbs after ف (فيحرم, فيصور: في + a frequent word).
 *
 * Cost: about 1.7 times the version with junction tables, no doc and 3
 * parts at most in repair_eval.py's driver (every token looked at, no
 * memo): the letter model is read for the whole token and each plausible
 * part once, the doc's index costs a pass over its tokens once one cut
 * needs it, and the four-part cuts a tenth. `khabar conllu` takes about
 * 10 % longer.
 */
#include "repair.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../core/error.h"
#include "../model/model.h"
#include "morph.h"
#include "segment.h"
#include "../core/prefetch.h"

#define ALEF 0x0627
#define ALEF_HAMZA_BELOW 0x0625
#define ALEF_MADDA 0x0622
#define AIN 0x0639
#define BEH 0x0628
#define DAL 0x062F
#define LAM 0x0644
#define WAW 0x0648
#define YEH 0x064A
#define NOON 0x0646
#define TEH 0x062A
#define HEH 0x0647
#define KAF 0x0643
#define MEEM 0x0645
#define SHEEN 0x0634
#define REH 0x0631
#define TEH_MARBUTA 0x0629
#define ALEF_MAQSURA 0x0649
#define FEH 0x0641
#define SEEN 0x0633

/* A part of two letters needs this token count; longer ones need 2 (any
 * token entry). */
#define MIN_COUNT_2 50
#define MIN_COUNT 2
#define DOC_PART_MIN 4 /* letters of a part known from the doc alone */
/* A part plausible through its host: host count at least HOST_MIN, and
 * worth 1/HOST_SHARE of it. */
#define HOST_MIN 20
#define HOST_SHARE 20

/* ------------------------------------------------------------------------ */
/* Natural log without libm                                                 */
/* ------------------------------------------------------------------------ */

/* ln x for x > 0: x = m 2^e with m in [1, 2), then ln m = 2 atanh((m - 1) /
 * (m + 1)) by its series (|z| <= 1/3: 9 terms give 1e-10). */
static double ln(double x)
{
    double z, z2, sum = 0, term;
    int e = 0, k;
    if (x <= 0)
        return -1e9;
    while (x >= 2) {
        x *= 0.5;
        e++;
    }
    while (x < 1) {
        x *= 2;
        e--;
    }
    z = (x - 1) / (x + 1);
    z2 = z * z;
    term = z;
    for (k = 1; k <= 17; k += 2) {
        sum += term / k;
        term *= z2;
    }
    return 2 * sum + e * 0.69314718055994530942;
}

/* ------------------------------------------------------------------------ */
/* Word lists (letters as spelled, UTF-8)                                   */
/* ------------------------------------------------------------------------ */

/* Function words and frequent particles, as a part of their own. */
static const char *const function_words[] = {
    "أن", "أو", "أي", "إذ", "إذا", "إلى", "إن", "التي", "الذي", "الذين",
    "الى", "ان", "او", "بأن", "بعد", "بل", "به", "بين", "تلك", "ثم", "حتى",
    "حول", "حيث", "ذلك", "ضد", "ضمن", "عبر", "على", "علي", "عن", "عند",
    "غير", "فإن", "فقد", "فى", "في", "قبل", "قد", "كان", "كانت", "كل", "كما",
    "لأن", "لا", "لقد", "لكن", "لم", "لن", "له", "لو", "ما", "مع", "من",
    "منذ", "نحو", "هذا", "هذه", "هل", "هم", "هو", "هي", "وأن", "وإن", "وفي",
    "وقد", "ولا", "ولم", "ومن", "وهو", "وهي", "يا", NULL};

/* Inflectional endings and pronoun suffixes, as a last part. */
static const char *const suffixes[] = {
    "ات", "ان", "اني", "تا", "تان", "تما", "تنا", "تها", "تهم", "تي", "تين",
    "نا", "ني", "ها", "هن", "وا", "ون", "يا", "يات", "يان", "ية", "ين", "يه",
    "يون", "يين", NULL};

/* Verb prefixes that look like a word, as a first part. */
static const char *const prefixes[] = {
    "سن", "ست", "سأ", "سي", "لي", "لت", "لأ", "لإ", NULL};

/* Proclitics and the article alone: never a part. */
static const char *const bare_articles[] = {
    "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وبال", "فبال",
    "وكال", "فكال", NULL};

/* What may come before إ inside one word. */
static const char *const before_hamza_below[] = {
    "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك", "ال",
    "وال", "فال", "بال", "كال", "وبال", "فبال", "لل", "ولل", "فلل", NULL};

/* The longest entry of the lists above, in bytes (الذين). */
#define LIST_MAX_BYTES 10

/* Whether s[0, n) is an entry of list. Each entry is two bytes or more:
 * their second byte (an Arabic letter's own) sorts out most at once. */
static int in_list(const char *const *list, const char *s, size_t n)
{
    if (n < 2 || n > LIST_MAX_BYTES)
        return 0;
    for (; *list; list++) {
        if ((*list)[1] == s[1] && (*list)[0] == s[0] &&
            strncmp(*list, s, n) == 0 && (*list)[n] == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* The model                                                                */
/* ------------------------------------------------------------------------ */

/* The features, in the order of KH_REPAIR_FEATURE_NAMES. */
enum {
    F_BIAS, F_BASE, F_MINLV, F_LEN, F_THREE, F_FOUR, F_CUE_TM, F_CUE_AHB, F_AL,
    F_SUF, F_HOSTONLY, F_MINLEN, F_EXPL, F_WCOUNT, F_PRE, F_BAD, F_FW_FIRST,
    F_FW_LAST, F_ASHIFT, F_PAIR, F_NOPAIR, F_PREV, F_PREV0, F_NEXT, F_NEXT0,
    F_LM, F_DWHOLE, F_DPARTS, N_FEATURES
};

typedef char check_n_features[N_FEATURES == KH_REPAIR_N_FEATURES ? 1 : -1];

static const double weights[N_FEATURES] = {
    -10.8852,  /* bias */
    0.2386,    /* base */
    0.1484,    /* minlv */
    0.8207,    /* len */
    -6.4007,   /* three */
    -11.4951,  /* four */
    -1.0703,   /* cue_tm */
    0.0970,    /* cue_ahb */
    0.0399,    /* al */
    -4.5787,   /* suf */
    -3.1674,   /* hostonly */
    0.3660,    /* minlen */
    -0.6585,   /* expl */
    -2.4161,   /* wcount */
    -1.6905,   /* pre */
    0.0319,    /* bad */
    0.5584,    /* fw_first */
    0.3802,    /* fw_last */
    -1.2940,   /* ashift */
    0.6296,    /* pair */
    -0.8214,   /* nopair */
    0.3187,    /* prev */
    -0.4321,   /* prev0 */
    0.7256,    /* next */
    0.4959,    /* next0 */
    0.2390,    /* lm */
    -0.9025,   /* dwhole */
    1.2263     /* dparts */
};

/* ------------------------------------------------------------------------ */
/* Parts                                                                    */
/* ------------------------------------------------------------------------ */

/* What is known of one stretch [i, j) of the token's letters as a word. */
typedef struct part {
    uint8_t done, ok, pre, enc;
    uint8_t upos, host_upos;
    uint8_t fw, suf, prefix;   /* in the lists above */
    uint32_t count;            /* token count of its key, 0 when unknown */
    uint32_t host;             /* count of its host when it has clitics */
    double lv;                 /* ln of its plausibility (when ok) */
    uint8_t lm_done, near_done;
    uint8_t near;              /* tokens of its own nearby, <= 255 (near_done) */
    double lm;                 /* ln P of its letters as a word (lm_done) */
} part;

typedef struct job {
    const khabar_model *m;
    kh_seg_token t;
    int n;
    /* The token in UTF-8 as spelled (raw) and folded (key): the bytes of
     * letters [i, j) are raw[roff[i] .. roff[j]), key[koff[i] .. koff[j]). */
    char raw[4 * KH_REPAIR_MAX_LETTERS], key[4 * KH_REPAIR_MAX_LETTERS];
    uint16_t roff[KH_REPAIR_MAX_LETTERS + 1], koff[KH_REPAIR_MAX_LETTERS + 1];
    /* The neighbours' search keys; length 0 when there is none. */
    char prev[4 * KH_SEG_MAX], next[4 * KH_SEG_MAX];
    size_t prev_len, next_len;
    part *parts;               /* (n + 1)^2, index i * (n + 1) + j */
    uint32_t count, explained;
    int bad;                   /* the whole is bad inside */
    int all_hosts;             /* get() segments every part (for visits) */
    /* explained and the neighbours' keys are found when a cut first has
     * plausible parts (most tokens have none): from these. */
    int prepared;
    int doc_ready;             /* the doc's index looked for (prepare_doc) */
    int oom;                   /* memory ran out making the doc's index */
    kh_norm *morph;
    const char *text;
    const kh_repair_ctx *around;
    double ln_total;
    double lm_whole;           /* ln P of the whole token as a word */
    /* The doc's index when the context has one (prepare), the token's
     * index in it and how often the whole token is near. */
    const kh_repair_doc *doc;
    size_t token, whole_near;
    int owned;                 /* parts was allocated for this token */
} job;

/* The search folding of a letter: أ إ آ ٱ -> ا, ى -> ي, ة -> ه. */
static uint32_t fold(uint32_t c)
{
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return ALEF;
    case ALEF_MAQSURA: return YEH;
    case TEH_MARBUTA: return HEH;
    default: return c;
    }
}

/* The token count of a search key: 0 when it is not a KH_LEX_TOKEN entry.
 * *known says whether it is an entry at all, *upos its first analysis'
 * tag. */
static uint32_t key_count(const khabar_model *m, const char *key, size_t n,
                          int *known, int *upos)
{
    const kh_lex_entry *e = kh_lexicon_find(&m->lex, key, n);
    *known = 0;
    *upos = 0;
    if (!e)
        return 0;
    *known = 1;
    if (e->n_analyses)
        *upos = m->lex.analyses[e->analyses].upos;
    return (e->flags & KH_LEX_TOKEN) ? e->count : 0;
}

/* The token count of letters (folded here), as key_count. */
static uint32_t lex_count(const khabar_model *m, const uint32_t *cp, int n,
                          int *known, int *upos)
{
    char key[4 * (KH_SEG_MAX + 4)];
    uint32_t f[KH_SEG_MAX + 4];
    int i;
    *known = 0;
    *upos = 0;
    if (n <= 0 || n > KH_SEG_MAX + 4)
        return 0;
    for (i = 0; i < n; i++)
        f[i] = fold(cp[i]);
    return key_count(m, key, kh_seg_utf8(f, n, key), known, upos);
}

/* Whether the segmenter could take a clitic off letters: a proclitic
 * letter first (و ف ب ك ل س) or an enclitic's last letter last (ه ا م ن ك
 * ي); kh_seg_candidates() offers nothing else. */
static int may_have_clitics(const uint32_t *cp, int n)
{
    uint32_t a = cp[0], z = cp[n - 1];
    return a == WAW || a == FEH || a == BEH || a == KAF || a == LAM ||
           a == SEEN || z == HEH || z == ALEF || z == MEEM || z == NOON ||
           z == KAF || z == YEH;
}

/* Letters that cannot be where they are in one word: ة or ى before the
 * last letter, إ after the first unless only proclitics or the article are
 * before it. */
static int bad_inside(const uint32_t *cp, int n)
{
    char buf[4 * KH_REPAIR_MAX_LETTERS];
    int i;
    for (i = 0; i < n; i++) {
        if ((cp[i] == TEH_MARBUTA || cp[i] == ALEF_MAQSURA) && i != n - 1)
            return 1;
        if (cp[i] == ALEF_HAMZA_BELOW && i > 0) {
            size_t k = kh_seg_utf8(cp, i, buf);
            if (i > 4 || !in_list(before_hamza_below, buf, k))
                return 1;
        }
    }
    return 0;
}

/* Whether letters cp[0, n) (s[0, sn) in UTF-8) cannot be a word by their
 * spelling: bad inside, a bare article, ال and one letter, ة on one or two
 * letters, a final آ. */
static int bad_spelling(const char *s, size_t sn, const uint32_t *cp, int n)
{
    /* Every bare article ends in ل. */
    return (cp[n - 1] == LAM && in_list(bare_articles, s, sn)) ||
           bad_inside(cp, n) ||
           (n == 3 && cp[0] == ALEF && cp[1] == LAM && cp[2] != ALEF_MAQSURA) ||
           (n < 3 && cp[n - 1] == TEH_MARBUTA) || cp[n - 1] == ALEF_MADDA;
}

/* The best count of a host of sub under its candidate segmentations that
 * leave at least two letters of it (the hosts get() may use), 0 when none
 * has clitics. */
static uint32_t best_host(const khabar_model *m, const kh_seg_token *sub)
{
    kh_seg_cand cands[KH_SEG_MAX_CANDS];
    uint32_t host[KH_SEG_MAX + 4], best = 0, c;
    int nc = kh_seg_candidates(sub, cands, KH_SEG_MAX_CANDS), i, known, upos;
    for (i = 1; i < nc; i++) {
        if (sub->n - cands[i].pre - cands[i].enc < 2)
            continue;
        c = lex_count(m, host, kh_seg_host(sub, &cands[i], host), &known,
                      &upos);
        if (c > best)
            best = c;
    }
    return best;
}

#define FNV64_OFFSET 14695981039346656037ull
#define FNV64_PRIME 1099511628211ull

static uint64_t fnv64(uint64_t h, const char *s, size_t n)
{
    while (n--)
        h = (h ^ (unsigned char)*s++) * FNV64_PRIME;
    return h;
}

static void prepare(job *jb);
static void prepare_doc(job *jb);
static size_t near_count(const kh_repair_doc *d, uint64_t h, size_t at);

/* How many times the letters [i, j) are a token of their own near the
 * token (saturated at 255), once; the doc's index must be there. */
static unsigned part_near(job *jb, int i, int j)
{
    part *p = &jb->parts[i * (jb->n + 1) + j];
    if (!p->near_done) {
        const char *key = jb->key + jb->koff[i];
        size_t len = (size_t)(jb->koff[j] - jb->koff[i]);
        size_t c = near_count(jb->doc, fnv64(FNV64_OFFSET, key, len),
                              jb->token);
        p->near = (uint8_t)(c < 255 ? c : 255);
        p->near_done = 1;
    }
    return p->near;
}

/* Judges the stretch [i, j) (see step 2 at the top). The spelling is
 * checked first, and the segmenter (the costly part) is asked only when
 * some host could raise the part's value (best_host): the value and the
 * verdict are those of asking it always. Unless jb->all_hosts, a part
 * whose host cannot count has pre, enc and host 0, and one badly spelled
 * count and upos 0 too. */
static const part *get(job *jb, int i, int j)
{
    part *p = &jb->parts[i * (jb->n + 1) + j];
    const kh_seg_token *t = &jb->t;
    const uint32_t *cp = &t->cp[i];
    const char *s = jb->raw + jb->roff[i];
    size_t sn = (size_t)(jb->roff[j] - jb->roff[i]);
    int n = j - i, k, known, upos, spelled;
    double v = 0;
    if (p->done)
        return p;
    memset(p, 0, sizeof *p);
    p->done = 1;
    /* A part that cannot be a word is not looked up (a lexicon lookup is a
     * wait for memory) unless its figures are wanted (all_hosts). */
    spelled = !bad_spelling(s, sn, cp, n);
    if (!spelled && !jb->all_hosts)
        return p;
    p->count = key_count(jb->m, jb->key + jb->koff[i],
                         (size_t)(jb->koff[j] - jb->koff[i]), &known, &upos);
    p->upos = (uint8_t)upos;
    if (p->count >= (n == 2 ? MIN_COUNT_2 : MIN_COUNT))
        v = p->count;
    if (jb->m->has_segmenter && may_have_clitics(cp, n)) {
        kh_seg_token sub;
        uint32_t host[KH_SEG_MAX + 4], bound;
        sub.n = n;
        for (k = 0; k < n; k++) {
            sub.cp[k] = cp[k];
            sub.fold[k] = t->fold[i + k];
            sub.src[k] = t->src[i + k];
            sub.splittable[k] = k == 0 ? 1 : t->splittable[i + k];
        }
        sub.src[n] = t->src[j];
        sub.splittable[n] = 1;
        sub.tanwin = j == t->n ? t->tanwin : KH_SEG_TANWIN_NONE;
        bound = jb->all_hosts ? UINT32_MAX : best_host(jb->m, &sub);
        if (bound >= HOST_MIN && (double)bound / HOST_SHARE > v) {
            kh_seg_cand c = kh_segment(&jb->m->seg, &jb->m->lex, &sub);
            p->pre = c.pre;
            p->enc = c.enc;
            if (c.pre || c.enc) {
                int hn = kh_seg_host(&sub, &c, host);
                p->host = lex_count(jb->m, host, hn, &known, &upos);
                p->host_upos = (uint8_t)upos;
                if (!p->host && known)
                    p->host = 1;
            }
        }
    }
    /* Counts. */
    if ((p->pre || p->enc) && n - p->pre - p->enc >= 2 &&
        p->host >= HOST_MIN && (double)p->host / HOST_SHARE > v)
        v = (double)p->host / HOST_SHARE;
    /* A name the news never counted (بيدرسن) that the doc writes as a
     * token of its own near this one, twice or more: a word too. */
    if (v <= 0 && spelled && n >= DOC_PART_MIN) {
        prepare_doc(jb);
        if (jb->doc && part_near(jb, i, j) >= 2)
            v = (double)part_near(jb, i, j);
    }
    if (v <= 0 || !spelled)
        return p;
    if (sn <= LIST_MAX_BYTES) {
        p->fw = (uint8_t)in_list(function_words, s, sn);
        p->suf = (uint8_t)in_list(suffixes, s, sn);
        p->prefix = (uint8_t)in_list(prefixes, s, sn);
    }
    p->ok = 1;
    p->lv = ln(v);
    return p;
}

/* ------------------------------------------------------------------------ */
/* The whole token                                                          */
/* ------------------------------------------------------------------------ */

/* Inflectional endings, longest first: length, letters, and whether the
 * stem takes ة back (صحفيتان -> صحفية). The verb endings (ا ت ن تم نا تما:
 * انعقدا, قالت) and the accusative alef (كتابا) explain a token too: a
 * glued token stays glued without its last letters. */
static const uint32_t endings[][5] = {
    {3, YEH, YEH, NOON, 0}, {3, YEH, WAW, NOON, 0}, {3, YEH, ALEF, NOON, 0},
    {3, YEH, ALEF, TEH, 0}, {3, TEH, ALEF, NOON, 1}, {3, TEH, YEH, NOON, 1},
    {2, ALEF, NOON, 0},     {2, YEH, NOON, 0},     {2, WAW, NOON, 0},
    {3, TEH, MEEM, ALEF, 0},
    {2, ALEF, TEH, 1},      {2, YEH, TEH_MARBUTA, 0}, {2, WAW, ALEF, 0},
    {2, TEH, MEEM, 0},      {2, NOON, ALEF, 0},       {2, TEH, ALEF, 0},
    {1, YEH, 0, 0},         {1, TEH_MARBUTA, 0, 0},   {1, ALEF, 0, 0},
    {1, TEH, 0, 0},         {1, NOON, 0, 0}};
#define N_ENDINGS (sizeof endings / sizeof *endings)

/* The best count of what explains the token as one word: a host under any
 * of its clitic segmentations, or the stem of an inflected host. */
static uint32_t explain(const khabar_model *m, const kh_seg_token *t)
{
    kh_seg_cand cands[KH_SEG_MAX_CANDS];
    uint32_t host[KH_SEG_MAX + 4], best = 0, c;
    int nc = kh_seg_candidates(t, cands, KH_SEG_MAX_CANDS), i, hn, known,
        upos;
    size_t e;
    for (i = 0; i < nc; i++) {
        hn = kh_seg_host(t, &cands[i], host);
        if (i > 0 && hn >= 2) {
            c = lex_count(m, host, hn, &known, &upos);
            if (c > best)
                best = c;
        }
        for (e = 0; e < N_ENDINGS; e++) {
            int k, len = (int)endings[e][0], sn = hn - len;
            if (sn < 3)
                continue;
            for (k = 0; k < len; k++) {
                if (host[sn + k] != endings[e][1 + k])
                    break;
            }
            if (k < len)
                continue;
            c = lex_count(m, host, sn, &known, &upos);
            if (c > best)
                best = c;
            if (endings[e][1 + len]) {
                uint32_t keep = host[sn];
                host[sn] = TEH_MARBUTA;
                c = lex_count(m, host, sn + 1, &known, &upos);
                if (c > best)
                    best = c;
                host[sn] = keep;
            }
        }
    }
    return best;
}

/* ------------------------------------------------------------------------ */
/* Evidence of data/repair.kbm                                              */
/* ------------------------------------------------------------------------ */

/* Reads one hashed table: u32 start[2^bits + 1] (increasing, the last
 * n), u16 fp[n], u8 q[n]. Returns 0 when it is well formed. */
static int read_table(kh_cursor *k, uint32_t bits, uint32_t n,
                      const uint32_t **start, const uint16_t **fp,
                      const uint8_t **q)
{
    uint32_t i, n_buckets = (uint32_t)1 << bits;
    *start = kh_cursor_array(k, (size_t)n_buckets + 1, 4, 4);
    *fp = kh_cursor_array(k, n, 2, 2);
    *q = kh_cursor_array(k, n, 1, 1);
    if (!kh_cursor_end(k))
        return -1;
    /* Buckets in order, within the entries: lookups need no checks. */
    if ((*start)[0] != 0 || (*start)[n_buckets] != n)
        return -1;
    for (i = 0; i < n_buckets; i++) {
        if ((*start)[i] > (*start)[i + 1])
            return -1;
    }
    return 0;
}

khabar_code kh_repair_open(kh_repair_data *r, const kh_container *c,
                           khabar_error *err)
{
    kh_cursor k;
    uint32_t version, order, symbols;
    memset(r, 0, sizeof *r);
    kh_cursor_init(&k, kh_container_get(c, "charlm"));
    version = kh_cursor_u32(&k);
    order = kh_cursor_u32(&k);
    symbols = kh_cursor_u32(&k);
    r->lm_bits = kh_cursor_u32(&k);
    r->n_lm = kh_cursor_u32(&k);
    /* 16 bucket bits or more: a bucket and a fingerprint are a whole hash
     * (build_repair.py), so lookups are exact. */
    if (k.bad || version != 1 || order != KH_REPAIR_LM_ORDER ||
        symbols != KH_REPAIR_SYMBOLS || r->lm_bits < 16 || r->lm_bits > 24)
        return kh_fail(err, KHABAR_EMODEL, "repair: bad letter model header",
                       0);
    if (read_table(&k, r->lm_bits, r->n_lm, &r->lm_start, &r->lm_fp,
                   &r->lm_q) != 0)
        return kh_fail(err, KHABAR_EMODEL, "repair: bad letter model", 0);
    kh_cursor_init(&k, kh_container_get(c, "bigrams"));
    version = kh_cursor_u32(&k);
    r->bucket_bits = kh_cursor_u32(&k);
    r->n_pairs = kh_cursor_u32(&k);
    if (k.bad || version != 1 || r->bucket_bits < 1 || r->bucket_bits > 24)
        return kh_fail(err, KHABAR_EMODEL, "repair: bad bigram header", 0);
    if (read_table(&k, r->bucket_bits, r->n_pairs, &r->start, &r->fp,
                   &r->q) != 0)
        return kh_fail(err, KHABAR_EMODEL, "repair: bad bigram tables", 0);
    kh_ok(err);
    return KHABAR_OK;
}

/* ------------------------------------------------------------------------ */
/* The letter model                                                         */
/* ------------------------------------------------------------------------ */

/* The letter model's class of a letter. */
static int letter_class(uint32_t c)
{
    if (c >= 0x0621 && c <= 0x063A)
        return (int)(c - 0x0620);
    if (c >= 0x0641 && c <= 0x064A)
        return (int)(c - 0x0641 + 27);
    return 0;
}

/* The symbols after the letter classes. */
#define SYM_START KH_REPAIR_CLASSES
#define SYM_END (KH_REPAIR_CLASSES + 1)
#define SYM_NONE (KH_REPAIR_CLASSES + 2)
#define LM_CONTEXT (KH_REPAIR_LM_ORDER - 1)

/* The key's hash (build_repair.py: mix32), invertible. */
static uint32_t mix32(uint32_t x)
{
    x *= 0x9E3779B1u;
    x ^= x >> 15;
    x *= 0x85EBCA77u;
    x ^= x >> 13;
    return x;
}

/* The entry of key: -8 ln of its probability or weight, -1 when absent. */
static int lm_q(const kh_repair_data *r, uint32_t key)
{
    uint32_t x = mix32(key), b = x >> (32 - r->lm_bits), i, end;
    uint16_t fp = (uint16_t)(x & 0xFFFF);
    for (i = r->lm_start[b], end = r->lm_start[b + 1]; i < end; i++) {
        if (r->lm_fp[i] >= fp)
            return r->lm_fp[i] == fp ? r->lm_q[i] : -1;
    }
    return -1;
}

/* ln P(c | h), h the LM_CONTEXT symbols before c: the longest context
 * seen with c, after the back-off weights of the longer ones seen. */
static double lm_cond(const kh_repair_data *r, const int *h, int c)
{
    double sum = 0;
    int k, j, q;
    for (k = LM_CONTEXT; k >= 0; k--) {
        uint32_t key = 0;
        for (j = 0; j < LM_CONTEXT; j++)
            key = key * KH_REPAIR_SYMBOLS +
                  (uint32_t)(j < LM_CONTEXT - k ? SYM_NONE : h[j]);
        q = lm_q(r, key * KH_REPAIR_SYMBOLS + (uint32_t)c);
        if (q >= 0)
            return sum - q / 8.0;
        if (k > 0) {
            q = lm_q(r, key * KH_REPAIR_SYMBOLS + SYM_NONE);
            if (q >= 0)
                sum -= q / 8.0;
        }
    }
    return sum - 255 / 8.0;
}

/* ln P of letters cp[0, n) as a word: each letter and the end, after the
 * start. */
static double lm_word(const kh_repair_data *r, const uint32_t *cp, int n)
{
    int sym[LM_CONTEXT + KH_REPAIR_MAX_LETTERS + 1], i;
    double sum = 0;
    if (n > KH_REPAIR_MAX_LETTERS)
        n = KH_REPAIR_MAX_LETTERS;
    for (i = 0; i < LM_CONTEXT; i++)
        sym[i] = SYM_START;
    for (i = 0; i < n; i++)
        sym[LM_CONTEXT + i] = letter_class(cp[i]);
    sym[LM_CONTEXT + n] = SYM_END;
    for (i = LM_CONTEXT; i <= LM_CONTEXT + n; i++)
        sum += lm_cond(r, &sym[i - LM_CONTEXT], sym[i]);
    return sum;
}

/* ------------------------------------------------------------------------ */
/* Word pairs                                                               */
/* ------------------------------------------------------------------------ */

/* 8 ln of the count of the pair "a b" of search keys in the news, or -1
 * when it was seen fewer times than the table keeps. */
static int pair_q(const kh_repair_data *r, const char *a, size_t an,
                  const char *b, size_t bn)
{
    uint64_t h = fnv64(FNV64_OFFSET, a, an);
    uint32_t i, end, bucket;
    uint16_t fp;
    h = (h ^ (unsigned char)' ') * FNV64_PRIME;
    h = fnv64(h, b, bn);
    bucket = (uint32_t)(h >> (64 - r->bucket_bits));
    fp = (uint16_t)(h & 0xFFFF);
    for (i = r->start[bucket], end = r->start[bucket + 1]; i < end; i++) {
        if (r->fp[i] >= fp)
            return r->fp[i] == fp ? r->q[i] : -1;
    }
    return -1;
}

/* ------------------------------------------------------------------------ */
/* Scoring                                                                  */
/* ------------------------------------------------------------------------ */


/* ln P of the letters [i, j) as a word, once. */
static double part_lm(job *jb, int i, int j)
{
    part *p = &jb->parts[i * (jb->n + 1) + j];
    if (!p->lm_done) {
        p->lm = lm_word(&jb->m->repair, &jb->t.cp[i], j - i);
        p->lm_done = 1;
    }
    return p->lm;
}

/* The features of the cut at b[1..k-1] (b[0] = 0, b[k] = n) into k parts;
 * returns 0 when a part is not plausible or the cut not allowed. */
static int cut_features(job *jb, const int *b, int k, double *f)
{
    const part *p[KH_REPAIR_MAX_PARTS];
    const uint32_t *cp = jb->t.cp;
    double minlv = 1e9;
    int i, minlen = 1 << 30;
    for (i = 0; i < k; i++) {
        p[i] = get(jb, b[i], b[i + 1]);
        if (!p[i]->ok)
            return 0;
    }
    prepare(jb);
    memset(f, 0, N_FEATURES * sizeof *f);
    f[F_BIAS] = 1;
    for (i = 0; i < k; i++) {
        int len = b[i + 1] - b[i];
        f[F_BASE] += p[i]->lv;
        if (p[i]->lv < minlv)
            minlv = p[i]->lv;
        if (len < minlen)
            minlen = len;
        if (p[i]->count < MIN_COUNT)
            f[F_HOSTONLY] += 1;
        if (i > 0) {
            uint32_t c0 = cp[b[i]], c1 = cp[b[i] + 1];
            /* عبد + ال...: compound names, written as one word. */
            if (c0 == ALEF && c1 == LAM && b[i] - b[i - 1] >= 3 &&
                cp[b[i] - 3] == AIN && cp[b[i] - 2] == BEH &&
                cp[b[i] - 1] == DAL)
                return 0;
            /* ...تاون, ...شير: the ends of foreign place names written as
             * one word (جورجتاون, كامبريدجشير). */
            if (i == k - 1 && b[i] - b[i - 1] >= 3 &&
                ((b[k] - b[i] == 4 && c0 == TEH && c1 == ALEF &&
                  cp[b[i] + 2] == WAW && cp[b[i] + 3] == NOON) ||
                 (b[k] - b[i] == 3 && c0 == SHEEN && c1 == YEH &&
                  cp[b[i] + 2] == REH)))
                return 0;
            if (cp[b[i] - 1] == TEH_MARBUTA || cp[b[i] - 1] == ALEF_MAQSURA)
                f[F_CUE_TM] += 1;
            if (c0 == ALEF_HAMZA_BELOW)
                f[F_CUE_AHB] += 1;
            if (c0 == ALEF && c1 == LAM)
                f[F_AL] += 1;
            else if (c0 == ALEF)
                f[F_ASHIFT] += 1;
        }
    }
    f[F_BASE] -= (k - 1) * jb->ln_total;
    f[F_MINLV] = minlv;
    f[F_LEN] = jb->n;
    f[F_THREE] = k == 3;
    f[F_FOUR] = k == 4;
    f[F_MINLEN] = minlen;
    if (p[k - 1]->suf)
        f[F_SUF] = 1;
    else if (b[k] - b[k - 1] <= 3) {
        /* ما or هما after ه ك ت: the pronoun suffixes هما كما تما. */
        const uint32_t *l = &cp[b[k - 1]];
        int len = b[k] - b[k - 1];
        uint32_t before = cp[b[k - 1] - 1];
        if (((len == 2 && l[0] == MEEM && l[1] == ALEF) ||
             (len == 3 && l[0] == HEH && l[1] == MEEM && l[2] == ALEF)) &&
            (before == HEH || before == KAF || before == TEH))
            f[F_SUF] = 1;
    }
    f[F_EXPL] = jb->bad ? 0 : ln(1.0 + jb->explained);
    f[F_WCOUNT] = jb->bad ? 0 : ln(1.0 + jb->count);
    f[F_PRE] = p[0]->prefix;
    f[F_BAD] = jb->bad;
    f[F_FW_FIRST] = p[0]->fw;
    f[F_FW_LAST] = p[k - 1]->fw;
    /* Are the parts neighbours in the news? */
    if (jb->m->has_repair) {
        const kh_repair_data *r = &jb->m->repair;
        for (i = 1; i < k; i++) {
            int a = b[i - 1], c = b[i], e = b[i + 1], q;
            q = pair_q(r, jb->key + jb->koff[a],
                       (size_t)(jb->koff[c] - jb->koff[a]),
                       jb->key + jb->koff[c],
                       (size_t)(jb->koff[e] - jb->koff[c]));
            if (q >= 0)
                f[F_PAIR] += q / 8.0;
            else
                f[F_NOPAIR] += 1;
        }
        if (jb->prev_len) {
            int q = pair_q(r, jb->prev, jb->prev_len, jb->key,
                           (size_t)jb->koff[b[1]]);
            if (q >= 0)
                f[F_PREV] = q / 8.0;
            else
                f[F_PREV0] = 1;
        }
        if (jb->next_len) {
            int q = pair_q(r, jb->key + jb->koff[b[k - 1]],
                           (size_t)(jb->koff[b[k]] - jb->koff[b[k - 1]]),
                           jb->next, jb->next_len);
            if (q >= 0)
                f[F_NEXT] = q / 8.0;
            else
                f[F_NEXT0] = 1;
        }
        /* Do the letters read better as k words than as one? */
        f[F_LM] = -jb->lm_whole;
        for (i = 0; i < k; i++)
            f[F_LM] += part_lm(jb, b[i], b[i + 1]);
    }
    /* Is a part a word of its own nearby, the whole token there too? */
    if (jb->doc) {
        f[F_DWHOLE] = jb->whole_near > 1;
        for (i = 0; i < k; i++)
            f[F_DPARTS] += part_near(jb, b[i], b[i + 1]) > 0;
    }
    return 1;
}

/* The score of a cut (see cut_features), or -1e9. */
static double score_cut(job *jb, const int *b, int k)
{
    double f[N_FEATURES], s = 0;
    int i;
    if (!cut_features(jb, b, k, f))
        return -1e9;
    for (i = 0; i < N_FEATURES; i++)
        s += weights[i] * f[i];
    return s;
}

/* Parts of tokens up to this many letters are judged in a table on the
 * stack; longer ones in the heap. */
#define SMALL_LETTERS 16
#define SMALL_TABLE ((SMALL_LETTERS + 1) * (SMALL_LETTERS + 1))
#define BIG_TABLE ((KH_REPAIR_MAX_LETTERS + 1) * (KH_REPAIR_MAX_LETTERS + 1))

/* Sets up jb for text[start, end); returns 1 when the token is a candidate
 * (n letters in range), 0 when not, -1 when memory ran out. The parts'
 * table is small when n <= SMALL_LETTERS, else the doc's scratch when the
 * context has a doc, else allocated (free_job). */
static int setup(job *jb, part *small, const khabar_model *m, kh_norm *morph,
                 const char *text, size_t start, size_t end,
                 const kh_repair_ctx *ctx)
{
    int known, upos, i;
    size_t r = 0, k = 0;
    part *table = small;
    jb->parts = NULL;
    jb->owned = 0;
    if (!m || !m->has_lexicon || !m->has_repair || !text || end <= start ||
        end - start > KH_REPAIR_MAX_BYTES || !morph)
        return 0;
    if (kh_seg_token_init(&jb->t, morph, text, start, end) != 0)
        return morph->failed ? -1 : 0;
    jb->n = jb->t.n;
    if (jb->n < 2 * KH_REPAIR_MIN_PART || jb->n > KH_REPAIR_MAX_LETTERS)
        return 0;
    jb->m = m;
    jb->all_hosts = 0;
    for (i = 0; i < jb->n; i++) {
        jb->roff[i] = (uint16_t)r;
        jb->koff[i] = (uint16_t)k;
        r += kh_seg_utf8(&jb->t.cp[i], 1, jb->raw + r);
        k += kh_seg_utf8(&jb->t.fold[i], 1, jb->key + k);
    }
    jb->roff[jb->n] = (uint16_t)r;
    jb->koff[jb->n] = (uint16_t)k;
    if (jb->n > SMALL_LETTERS && ctx && ctx->doc) {
        if (!ctx->doc->scratch)
            ctx->doc->scratch = malloc(BIG_TABLE * sizeof *table);
        table = ctx->doc->scratch;
        if (!table)
            return -1;
    } else if (jb->n > SMALL_LETTERS) {
        table = malloc((size_t)(jb->n + 1) * (size_t)(jb->n + 1) *
                       sizeof *table);
        if (!table)
            return -1;
        jb->owned = 1;
    }
    jb->parts = table;
    for (i = 0; i < (jb->n + 1) * (jb->n + 1); i++)
        table[i].done = 0;
    jb->count = key_count(m, jb->key, k, &known, &upos);
    jb->bad = bad_inside(jb->t.cp, jb->n);
    jb->explained = 0;
    jb->prepared = 0;
    jb->doc_ready = 0;
    jb->oom = 0;
    jb->morph = morph;
    jb->text = text;
    jb->around = ctx;
    jb->doc = NULL;
    jb->token = jb->whole_near = 0;
    jb->lm_whole = 0;
    jb->ln_total = ln(m->lex.total > 0 ? (double)m->lex.total : 1.0);
    return 1;
}

static void free_job(job *jb)
{
    if (jb->owned)
        free(jb->parts);
    jb->parts = NULL;
    jb->owned = 0;
}

static int32_t clamp_score(double s)
{
    s *= 1000;
    if (s > 2e9)
        return 2000000000;
    if (s < -2e9)
        return -2000000000;
    return (int32_t)(s < 0 ? s - 0.5 : s + 0.5);
}

/* The search key of the token text[start, end) into key (4 * KH_SEG_MAX
 * bytes): its morph form folded. Returns its length, 0 when the span is
 * empty or not one Arabic word. */
static size_t neighbour_key(kh_norm *morph, const char *text, size_t start,
                            size_t end, char *key)
{
    kh_seg_token t;
    if (end <= start || end - start > KH_REPAIR_MAX_BYTES ||
        kh_seg_token_init(&t, morph, text, start, end) != 0)
        return 0;
    return kh_seg_utf8(t.fold, t.n, key);
}

/* The plain Arabic letters (U+0621-U+063A, U+0641-U+064A) by their UTF-8
 * bytes a b: entry ((a & 1) << 6 | (b & 0x3F)) when a is D8 or D9 and b a
 * continuation byte. An entry is 0 for anything else, or PL_LETTER | the
 * letter's folded bytes (أ إ آ -> ا, ى -> ي, ة -> ه: D8 + low 9 bits, the
 * first byte D8 or D9) | PL_END when the letter only ends words (ة ى) |
 * PL_BEGIN when it only begins them (إ). */
#define PL_LETTER 0x8000u
#define PL_END 0x0200u
#define PL_BEGIN 0x0400u
#define PL_D8(b) (PL_LETTER | (b))
#define PL_D9(b) (PL_LETTER | 0x100u | (b))
static const uint16_t plain_letters[128] = {
    /* D8 80-9F: not letters */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* D8 A0-BF: ء آ أ ؤ إ ئ ا ب ة ت ... غ */
    0, PL_D8(0xA1), PL_D8(0xA7), PL_D8(0xA7), PL_D8(0xA4),
    PL_D8(0xA7) | PL_BEGIN, PL_D8(0xA6), PL_D8(0xA7),
    PL_D8(0xA8), PL_D9(0x87) | PL_END, PL_D8(0xAA), PL_D8(0xAB),
    PL_D8(0xAC), PL_D8(0xAD), PL_D8(0xAE), PL_D8(0xAF),
    PL_D8(0xB0), PL_D8(0xB1), PL_D8(0xB2), PL_D8(0xB3),
    PL_D8(0xB4), PL_D8(0xB5), PL_D8(0xB6), PL_D8(0xB7),
    PL_D8(0xB8), PL_D8(0xB9), PL_D8(0xBA), 0, 0, 0, 0, 0,
    /* D9 80-9F: ـ (not plain), ف ق ك ل م ن ه و ى ي */
    0, PL_D9(0x81), PL_D9(0x82), PL_D9(0x83), PL_D9(0x84), PL_D9(0x85),
    PL_D9(0x86), PL_D9(0x87), PL_D9(0x88), PL_D9(0x8A) | PL_END,
    PL_D9(0x8A), 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* D9 A0-BF: digits and others, not plain */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* The entry of plain_letters for the two bytes a b, 0 when they are not a
 * plain letter. */
static unsigned plain_letter(unsigned a, unsigned b)
{
    if ((a & 0xFE) != 0xD8 || (b & 0xC0) != 0x80)
        return 0;
    return plain_letters[(a & 1) << 6 | (b & 0x3F)];
}

/* The search key of a token of plain Arabic letters only (no marks,
 * tatweel or other characters), which is its own morph form: its bytes
 * with أ إ آ -> ا, ى -> ي, ة -> ه, into key (n bytes). Returns 0 when the
 * token is not plain, else 1, with *bad 1 when ة, ى or إ is inside it (it
 * is bad inside only then). */
static int plain_key(const unsigned char *p, size_t n, char *key, int *bad)
{
    size_t i;
    unsigned e, not_last = 0, not_first = 0;
    *bad = 0;
    if (n % 2)
        return 0;
    for (i = 0; i < n; i += 2) {
        e = plain_letter(p[i], p[i + 1]);
        if (!e)
            return 0;
        key[i] = (char)(0xD8 | (e >> 8 & 1));
        key[i + 1] = (char)(e & 0xFF);
        if (i + 2 < n)
            not_last |= e;
        if (i > 0)
            not_first |= e;
    }
    *bad = (not_last & PL_END) || (not_first & PL_BEGIN);
    return 1;
}

/* The FNV-1a (fnv64) of the search key of a plain token (plain_key)
 * into *h, without writing the key. Returns 0 when the token is not
 * plain. */
static int plain_hash(const unsigned char *p, size_t n, uint64_t *h)
{
    uint64_t x = FNV64_OFFSET;
    size_t i;
    unsigned e;
    if (n % 2)
        return 0;
    for (i = 0; i < n; i += 2) {
        e = plain_letter(p[i], p[i + 1]);
        if (!e)
            return 0;
        x = (x ^ (0xD8 | (e >> 8 & 1))) * FNV64_PRIME;
        x = (x ^ (e & 0xFF)) * FNV64_PRIME;
    }
    *h = x;
    return 1;
}

/* The key the gate looks up for the token text[start, end) into key
 * (KH_REPAIR_MAX_BYTES): its plain key (plain_key), when it is plain and
 * not bad inside. Returns its length, or 0 when the gate looks nothing up. */
static size_t gate_key(const char *text, size_t start, size_t end, char *key)
{
    size_t n = end - start;
    int bad;
    if (n > KH_REPAIR_MAX_BYTES ||
        !plain_key((const unsigned char *)text + start, n, key, &bad) || bad)
        return 0;
    return n;
}

/* The gate on the input bytes, before any normalization: 1 when the token
 * is plain (plain_key), not bad inside and counted KH_REPAIR_WHOLE_MAX
 * times or more (the gate of step 1 would stop it), else 0 (look
 * further). */
static int known_whole(const khabar_model *m, const char *text, size_t start,
                       size_t end)
{
    char key[KH_REPAIR_MAX_BYTES];
    size_t n = gate_key(text, start, end, key);
    const kh_lex_entry *e = n ? kh_lexicon_find(&m->lex, key, n) : NULL;
    return e && (e->flags & KH_LEX_TOKEN) &&
           e->count >= KH_REPAIR_WHOLE_MAX;
}

/* ------------------------------------------------------------------------ */
/* Words nearby                                                             */
/* ------------------------------------------------------------------------ */

/* The index of a doc: for each Arabic token with a search key, a 32-bit
 * hash of it (the FNV-1a of the key folded: fold32), and chains of the
 * tokens by that hash and the block of 2^NEAR_BLOCK_BITS tokens they are
 * in. A window of 2 KH_REPAIR_NEAR + 1 tokens spans three blocks at most,
 * so a count walks three chains, none longer than a block's tokens and
 * those of other keys in its bucket: linear in the doc whatever repeats in
 * it, and no sort. d->near holds hash[n_tokens], link[n_tokens] and
 * head[mask + 1]: link and head hold a token's index + 1 (0: none), each
 * chain from its last token back. */
#define NEAR_BLOCK_BITS 9
typedef char check_near_block[(1 << NEAR_BLOCK_BITS) >= KH_REPAIR_NEAR ? 1
                                                                     : -1];

static uint32_t fold32(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

static uint32_t near_bucket(uint32_t h, size_t block, uint32_t mask)
{
    return (h ^ ((uint32_t)block * 0x9E3779B1u)) & mask;
}

void kh_repair_doc_init(kh_repair_doc *d, const char *text,
                        const khabar_token *tokens, size_t n)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->tokens = tokens;
    /* Token indexes are 32 bits in the index. */
    d->n_tokens = tokens && n <= UINT32_MAX ? n : 0;
}

void kh_repair_doc_free(kh_repair_doc *d)
{
    free(d->near);
    free(d->scratch);
    d->near = NULL;
    d->scratch = NULL;
    d->n_near = 0;
    d->mask = 0;
    d->state = 0;
}

/* Makes the index of d (state 1), or sets state -1 when memory ran out.
 * morph is the caller's engine (its buffer is reused). */
static void near_build(kh_repair_doc *d, kh_norm *morph)
{
    size_t i, k = 0, n_ar = 0, n_buckets = 16;
    uint32_t *hash, *link, *head;
    for (i = 0; i < d->n_tokens; i++)
        n_ar += d->tokens[i].kind == KHABAR_TOK_ARABIC;
    while (n_buckets < 2 * n_ar)
        n_buckets *= 2;
    if (d->n_tokens > (SIZE_MAX / sizeof *hash - n_buckets) / 2 ||
        n_buckets - 1 > UINT32_MAX) {
        d->state = -1;
        return;
    }
    d->near = malloc((2 * d->n_tokens + n_buckets) * sizeof *hash);
    if (!d->near) {
        d->state = -1;
        return;
    }
    hash = d->near;
    link = hash + d->n_tokens;
    head = link + d->n_tokens;
    d->mask = (uint32_t)(n_buckets - 1);
    memset(head, 0, n_buckets * sizeof *head);
    for (i = 0; i < d->n_tokens; i++) {
        const khabar_token *t = &d->tokens[i];
        char key[4 * KH_SEG_MAX];
        size_t len = t->end - t->start;
        uint64_t h;
        uint32_t b;
        hash[i] = link[i] = 0;
        if (t->kind != KHABAR_TOK_ARABIC || t->end <= t->start)
            continue;
        if (len > sizeof key ||
            !plain_hash((const unsigned char *)d->text + t->start, len, &h)) {
            len = neighbour_key(morph, d->text, t->start, t->end, key);
            if (!len)
                continue;
            h = fnv64(FNV64_OFFSET, key, len);
        }
        hash[i] = fold32(h);
        b = near_bucket(hash[i], i >> NEAR_BLOCK_BITS, d->mask);
        link[i] = head[b];
        head[b] = (uint32_t)(i + 1);
        k++;
    }
    d->n_near = k;
    d->state = 1;
}

/* How many tokens of key hash h are within KH_REPAIR_NEAR tokens of token
 * at (it included). */
static size_t near_count(const kh_repair_doc *d, uint64_t h, size_t at)
{
    const uint32_t *hash = d->near, *link = hash + d->n_tokens,
                   *head = link + d->n_tokens;
    uint32_t h32 = fold32(h), k;
    size_t from = at > KH_REPAIR_NEAR ? at - KH_REPAIR_NEAR : 0,
           to = at + KH_REPAIR_NEAR + 1, block, count = 0;
    if (to > d->n_tokens)
        to = d->n_tokens;
    if (from >= to)
        return 0;
    for (block = from >> NEAR_BLOCK_BITS;
         block <= (to - 1) >> NEAR_BLOCK_BITS; block++) {
        for (k = head[near_bucket(h32, block, d->mask)]; k; k = link[k - 1]) {
            size_t i = k - 1;
            if (i < from)
                break;
            count += i < to && i >> NEAR_BLOCK_BITS == block &&
                     hash[i] == h32;
        }
    }
    return count;
}

/* The doc's index (made on first use for the doc) and the token's place
 * in it, once, when the context has a doc of this text. */
static void prepare_doc(job *jb)
{
    const kh_repair_ctx *ctx = jb->around;
    kh_repair_doc *d;
    if (jb->doc_ready)
        return;
    jb->doc_ready = 1;
    d = ctx ? ctx->doc : NULL;
    if (!d || d->text != jb->text || ctx->token >= d->n_tokens)
        return;
    if (d->state == 0)
        near_build(d, jb->morph);
    if (d->state < 0) {
        jb->oom = 1;
        return;
    }
    jb->doc = d;
    jb->token = ctx->token;
    jb->whole_near = near_count(d, fnv64(FNV64_OFFSET, jb->key,
                                         (size_t)jb->koff[jb->n]),
                                ctx->token);
}

/* Finds what explains the whole token, how it reads as a word, the
 * neighbours' keys and the doc's index, once. */
static void prepare(job *jb)
{
    const kh_repair_ctx *ctx = jb->around;
    if (jb->prepared)
        return;
    jb->prepared = 1;
    jb->explained = explain(jb->m, &jb->t);
    jb->lm_whole = lm_word(&jb->m->repair, jb->t.cp, jb->n);
    jb->prev_len = jb->next_len = 0;
    if (!ctx)
        return;
    jb->prev_len = neighbour_key(jb->morph, jb->text, ctx->prev_start,
                                 ctx->prev_end, jb->prev);
    jb->next_len = neighbour_key(jb->morph, jb->text, ctx->next_start,
                                 ctx->next_end, jb->next);
    prepare_doc(jb);
}

/* The best cut scored so far. */
typedef struct best_cut {
    double score;
    int n_parts, n_cuts;
    int b[KH_REPAIR_MAX_PARTS + 1];
} best_cut;

/* Scores the cut at b[1..k-1] into k parts (see cut_features) and keeps
 * it when it is the best. */
static void consider(job *jb, const int *b, int k, best_cut *bc)
{
    double s = score_cut(jb, b, k);
    int i;
    bc->n_cuts += s > -1e9;
    if (s > bc->score) {
        bc->score = s;
        bc->n_parts = k;
        for (i = 0; i <= k; i++)
            bc->b[i] = b[i];
    }
}

static int run(const khabar_model *m, kh_norm *morph, const char *text,
               size_t start, size_t end, const kh_repair_ctx *ctx,
               kh_repair *out, int best_only)
{
    job jb;
    part small[SMALL_TABLE];
    best_cut bc;
    int b[KH_REPAIR_MAX_PARTS + 1], i, j, l, n, r;
    const int min = KH_REPAIR_MIN_PART;
    memset(out, 0, sizeof *out);
    out->n_parts = 1;
    if (m && m->has_lexicon && text && end > start &&
        end - start <= KH_REPAIR_MAX_BYTES && known_whole(m, text, start, end))
        return 0;
    r = setup(&jb, small, m, morph, text, start, end, ctx);
    if (r <= 0)
        return r;
    n = jb.n;
    if (!jb.bad && jb.count >= KH_REPAIR_WHOLE_MAX) {
        free_job(&jb);
        return 0;
    }
    bc.score = -1e9;
    bc.n_parts = 1;
    bc.n_cuts = 0;
    b[0] = 0;
    for (i = min; i + min <= n; i++) {
        if (!jb.t.splittable[i] || !get(&jb, 0, i)->ok)
            continue;
        b[1] = i;
        b[2] = n;
        consider(&jb, b, 2, &bc);
        /* The last part first (n of them), then the one before it: a
         * middle part is judged only when the cut can end. */
        for (j = i + min; j + min <= n; j++) {
            if (!jb.t.splittable[j])
                continue;
            b[2] = j;
            b[3] = n;
            if (get(&jb, j, n)->ok && get(&jb, i, j)->ok)
                consider(&jb, b, 3, &bc);
            for (l = j + min; l + min <= n; l++) {
                if (!jb.t.splittable[l] || !get(&jb, l, n)->ok ||
                    !get(&jb, j, l)->ok || !get(&jb, i, j)->ok)
                    continue;
                b[3] = l;
                b[4] = n;
                consider(&jb, b, 4, &bc);
            }
        }
    }
    free_job(&jb);
    if (jb.oom) {
        memset(out, 0, sizeof *out);
        out->n_parts = 1;
        return -1;
    }
    out->n_cuts = bc.n_cuts;
    if (bc.n_parts == 1)
        return 0;
    out->score = clamp_score(best_only ? bc.score
                                       : bc.score - KH_REPAIR_THRESHOLD);
    if (!best_only && bc.score < KH_REPAIR_THRESHOLD)
        return 0;
    out->n_parts = bc.n_parts;
    for (i = 1; i < bc.n_parts; i++)
        out->split[i - 1] = jb.t.src[bc.b[i]];
    return out->n_parts - 1;
}

int kh_repair_token(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, kh_repair *out)
{
    return run(m, morph, text, start, end, NULL, out, 0);
}

int kh_repair_token_ctx(const khabar_model *m, kh_norm *morph,
                        const char *text, size_t start, size_t end,
                        const kh_repair_ctx *ctx, kh_repair *out)
{
    return run(m, morph, text, start, end, ctx, out, 0);
}

int kh_repair_best(const khabar_model *m, kh_norm *morph, const char *text,
                   size_t start, size_t end, const kh_repair_ctx *ctx,
                   kh_repair *out)
{
    return run(m, morph, text, start, end, ctx, out, 1);
}

/* ------------------------------------------------------------------------ */
/* For tools: every cut with its parts' figures                             */
/* ------------------------------------------------------------------------ */

static void fill_part(kh_repair_cand *c, int k, const part *p, int len)
{
    c->part[k].len = len;
    c->part[k].count = p->count;
    c->part[k].host = p->host;
    c->part[k].pre = p->pre;
    c->part[k].enc = p->enc;
    c->part[k].upos = p->upos;
    c->part[k].host_upos = p->host_upos;
}

static int part_known(const part *p) { return p->count > 0 || p->host > 0; }

/* Calls fn with the cut at b[1..k-1] when its last part is known. */
static void visit_cut(job *jb, const int *b, int k, int gated,
                      kh_repair_cand *c, kh_repair_visit_fn fn, void *ctx)
{
    int i;
    const part *last = get(jb, b[k - 1], b[k]);
    if (!part_known(last))
        return;
    c->n_parts = k;
    for (i = 0; i < k; i++) {
        if (i + 1 < k) {
            c->cut[i] = b[i + 1];
            c->split[i] = jb->t.src[b[i + 1]];
        }
        fill_part(c, i, get(jb, b[i], b[i + 1]), b[i + 1] - b[i]);
    }
    c->plausible = !gated && cut_features(jb, b, k, c->f);
    fn(ctx, jb->t.cp, jb->n, c);
}

int kh_repair_visit(const khabar_model *m, kh_norm *morph, const char *text,
                    size_t start, size_t end, const kh_repair_ctx *around,
                    kh_repair_visit_fn fn, void *ctx)
{
    job jb;
    part small[SMALL_TABLE];
    kh_repair_cand c;
    int n, i, j, l, r, gated, b[KH_REPAIR_MAX_PARTS + 1];
    const int min = KH_REPAIR_MIN_PART;
    r = setup(&jb, small, m, morph, text, start, end, around);
    if (r <= 0)
        return r;
    n = jb.n;
    jb.all_hosts = 1;
    memset(&c, 0, sizeof c);
    c.n_parts = 1;
    fill_part(&c, 0, get(&jb, 0, n), n);
    prepare(&jb);
    if (jb.oom) {
        free_job(&jb);
        return -1;
    }
    c.explained = jb.explained;
    gated = !jb.bad && jb.count >= KH_REPAIR_WHOLE_MAX;
    fn(ctx, jb.t.cp, n, &c);
    b[0] = 0;
    for (i = min; i + min <= n; i++) {
        if (!jb.t.splittable[i] || !part_known(get(&jb, 0, i)))
            continue;
        b[1] = i;
        b[2] = n;
        visit_cut(&jb, b, 2, gated, &c, fn, ctx);
        for (j = i + min; j + min <= n; j++) {
            if (!jb.t.splittable[j] || !part_known(get(&jb, i, j)))
                continue;
            b[2] = j;
            b[3] = n;
            visit_cut(&jb, b, 3, gated, &c, fn, ctx);
            for (l = j + min; l + min <= n; l++) {
                if (!jb.t.splittable[l] || !part_known(get(&jb, j, l)))
                    continue;
                b[3] = l;
                b[4] = n;
                visit_cut(&jb, b, 4, gated, &c, fn, ctx);
            }
        }
    }
    free_job(&jb);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* The stage                                                                */
/* ------------------------------------------------------------------------ */

/* Tokens already found whole in this doc, by the hash of their search key
 * in the doc's index (tokens of one key share a slot; their bytes decide):
 * news repeats its words, and a repeated token needs no second look. */
#define WHOLE_MEMO_BITS 12
/* Candidates whose gate lookup is asked for ahead. */
#define WHOLE_AHEAD 6

/* Whether token b is a neighbour of token a (kh_repair_ctx): both Arabic,
 * white space without a line break between them. */
static int beside(const khabar_token *a, const khabar_token *b)
{
    return a->kind == KHABAR_TOK_ARABIC && b->kind == KHABAR_TOK_ARABIC &&
           (a->flags & KHABAR_TOKEN_SPACE_AFTER) &&
           !(a->flags & KHABAR_TOKEN_NEWLINE_AFTER) && a->end < b->start;
}

/* Replaces each repaired token by its parts: tokens of their own with no
 * gap between them (like و and 2015 in و2015), each with its normalized
 * form; the last part keeps the token's gap flags. Repairs then point at
 * their first part. */
static int split_tokens(khabar_doc *doc)
{
    khabar_repair *rep = doc->repairs.data;
    const khabar_token *old = doc->tokens.data;
    size_t n = doc->tokens.len, i, r = 0;
    kh_vec out = {0};
    kh_norm nm;
    int rc = 0;
    if (kh_vec_reserve(&out, sizeof(khabar_token), n + 2 * doc->repairs.len))
        return -1;
    kh_norm_init(&nm, doc->norm, 0);
    for (i = 0; i < n && rc == 0; i++) {
        khabar_token *t;
        size_t a, k;
        if (r >= doc->repairs.len || rep[r].token != i) {
            t = kh_vec_push(&out, sizeof *t);
            *t = old[i];
            continue;
        }
        rep[r].token = out.len;
        a = old[i].start;
        for (k = 0; k <= rep[r].n_splits && rc == 0; k++) {
            size_t b = k < rep[r].n_splits ? rep[r].split[k] : old[i].end;
            char *buf;
            nm.len = 0;
            nm.failed = 0;
            kh_norm_boundary(&nm);
            kh_normalize_text(&nm, doc->text + a, b - a);
            buf = nm.failed ? NULL
                            : realloc(doc->norm_buf, doc->norm_len + nm.len + 1);
            if (!buf) {
                rc = -1;
                break;
            }
            doc->norm_buf = buf;
            memcpy(buf + doc->norm_len, nm.buf, nm.len);
            t = kh_vec_push(&out, sizeof *t);
            t->start = a;
            t->end = b;
            t->norm = doc->norm_len;
            t->norm_len = (uint32_t)nm.len;
            t->kind = KHABAR_TOK_ARABIC;
            t->flags = k == rep[r].n_splits
                           ? (uint16_t)(old[i].flags & ~KHABAR_TOKEN_CHANGED)
                           : 0;
            if (nm.len != b - a || memcmp(nm.buf, doc->text + a, nm.len) != 0)
                t->flags |= KHABAR_TOKEN_CHANGED;
            doc->norm_len += nm.len;
            a = b;
        }
        r++;
    }
    kh_norm_free(&nm);
    if (rc) {
        kh_vec_free(&out);
        return rc;
    }
    kh_vec_free(&doc->tokens);
    doc->tokens = out;
    return 0;
}

int kh_repairs(khabar_doc *doc)
{
    const khabar_token *tk = doc->tokens.data;
    size_t i, n = doc->tokens.len, ahead = 0, seen = 0;
    uint32_t *memo;
    kh_norm morph;
    kh_repair_doc near;
    int rc = 0;
    if (!doc->model->has_lexicon || doc->pretokenized)
        return 0;
    memo = calloc((size_t)1 << WHOLE_MEMO_BITS, sizeof *memo);
    if (!memo)
        return -1;
    kh_norm_init(&morph, KH_NORM_MORPH, 1);
    kh_repair_doc_init(&near, doc->text, tk, n);
    /* Made now (most docs need it), for the memo's hashes too. */
    near_build(&near, &morph);
    if (near.state < 0)
        rc = -1;
    for (i = 0; i < n && rc == 0; i++) {
        kh_repair r;
        kh_repair_ctx ctx;
        khabar_repair *out;
        size_t len, k, pos, prev;
        uint32_t *slot;
        char *buf;
        /* The lookup of the gate, WHOLE_AHEAD candidates ahead. */
        for (; ahead < n && (ahead <= i || seen < WHOLE_AHEAD); ahead++) {
            if (tk[ahead].kind == KHABAR_TOK_ARABIC &&
                tk[ahead].end - tk[ahead].start >= 8) {
                char key[KH_REPAIR_MAX_BYTES];
                size_t kn = ahead > i ? gate_key(doc->text, tk[ahead].start,
                                                 tk[ahead].end, key)
                                      : 0;
                const void *first =
                    kn ? kh_lexicon_first_slot(&doc->model->lex, key, kn)
                       : NULL;
                if (first) /* here: GCC drops a prefetch in a helper */
                    KH_PREFETCH(first);
                seen++;
            }
        }
        /* Two parts of two letters need four letters: eight bytes. */
        if (tk[i].kind != KHABAR_TOK_ARABIC || tk[i].end - tk[i].start < 8)
            continue;
        seen--;
        slot = &memo[(i < near.n_tokens ? near.near[i] : 0) &
                     (((uint32_t)1 << WHOLE_MEMO_BITS) - 1)];
        prev = *slot ? *slot - 1 : 0;
        if (*slot && tk[prev].end - tk[prev].start == tk[i].end - tk[i].start &&
            memcmp(doc->text + tk[prev].start, doc->text + tk[i].start,
                   tk[i].end - tk[i].start) == 0)
            continue;
        ctx.prev_start = ctx.prev_end = ctx.next_start = ctx.next_end = 0;
        ctx.doc = &near;
        ctx.token = i;
        if (i > 0 && beside(&tk[i - 1], &tk[i])) {
            ctx.prev_start = tk[i - 1].start;
            ctx.prev_end = tk[i - 1].end;
        }
        if (i + 1 < n && beside(&tk[i], &tk[i + 1])) {
            ctx.next_start = tk[i + 1].start;
            ctx.next_end = tk[i + 1].end;
        }
        if (kh_repair_token_ctx(doc->model, &morph, doc->text, tk[i].start,
                                tk[i].end, &ctx, &r) < 0) {
            rc = -1;
            break;
        }
        if (r.n_parts < 2) {
            /* Whole whatever its neighbours: whole wherever it comes. */
            if (!r.n_cuts && i < UINT32_MAX)
                *slot = (uint32_t)(i + 1);
            continue;
        }
        out = kh_vec_push(&doc->repairs, sizeof *out);
        len = tk[i].end - tk[i].start + (size_t)(r.n_parts - 1);
        buf = out ? realloc(doc->norm_buf, doc->norm_len + len) : NULL;
        if (!buf) {
            rc = -1;
            break;
        }
        doc->norm_buf = buf;
        memset(out, 0, sizeof *out);
        out->token = i;
        out->start = tk[i].start;
        out->end = tk[i].end;
        out->text = doc->norm_len;
        out->text_len = (uint32_t)len;
        out->n_splits = (uint32_t)(r.n_parts - 1);
        out->score = r.score;
        /* The token's bytes, a space before each split. */
        for (pos = tk[i].start, k = 0; pos < tk[i].end; pos++) {
            if (k < out->n_splits && pos == r.split[k]) {
                out->split[k++] = pos;
                buf[doc->norm_len++] = ' ';
            }
            buf[doc->norm_len++] = doc->text[pos];
        }
    }
    kh_norm_free(&morph);
    kh_repair_doc_free(&near);
    free(memo);
    if (rc == 0 && doc->repairs.len)
        rc = split_tokens(doc);
    return rc;
}
