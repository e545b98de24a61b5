/*
 * coref.c - entity clusters (stage CLUSTERS): the mentions of a doc that
 * name the same thing, found in one left-to-right pass over the tokens.
 *
 *   names         an entity joins the cluster of an earlier entity with the
 *                 same name (بوتين, لبوتين); a one-word person joins the
 *                 person whose first or last name it is (الأسد after بشار
 *                 الأسد), and a longer person name the cluster of its last
 *                 word seen alone (فلاديمير بوتين after بوتين), or of its
 *                 first when its nasab follows (فيصل بن عبدالعزيز after
 *                 فيصل); a name before its family's آل is the whole
 *                 name's (فيصل بن عبدالعزيز, after فيصل بن عبدالعزيز آل
 *                 سعود).
 *   titles        a title or role right before a person's name (الرئيس
 *                 الروسي, أمير قطر الشيخ, مدير مكتب الجزيرة في موسكو) is a
 *                 mention of that person: from the furthest title word
 *                 (title_heads) back from the name, over nouns, adjectives,
 *                 names and في, to the name.
 *   descriptions  later, a title standing alone (ذكر الرئيس الروسي أن)
 *                 joins the person whose title begins with the same words;
 *                 a head-of-state word with a nationality adjective
 *                 (الرئيس السوري) also matches any such title with that
 *                 adjective (نظيره السوري).
 *   aliases       a name in brackets or quotation marks right after
 *                 another of the same type is the same thing's (الاتحاد
 *                 الدولي لكرة القدم "الفيفا").
 *   pronouns      the pronoun on نظير (his counterpart) and on قول (نقل
 *                 عن بوتين قوله) refers to the last person named before.
 *
 * Keys are folded host forms (the lexicon's folding) joined by spaces and
 * hashed to 64 bits; one open-addressing table per doc maps them to
 * clusters, the latest registration winning. Everything is per doc: a few
 * allocations per call, none per token.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../tag/features.h"
#include "../tag/gazetteer.h"
#include "../text/utf8.h"

/* Title words (folded, without ال). A person's title starts at one. */
static const char *const title_heads[] = {
    "استاذ", "استاذه", "امام", "امير", "اميره", "امين", "امينه", "بابا",
    "باحث", "باحثه", "بطريرك", "جنرال", "حاخام", "حاكم", "خبير", "داعيه",
    "دكتور", "رئيس", "رئيسه", "رائد", "رييس", "زعيم", "زعيمه", "سفير", "سفيره",
    "سلطان", "سيد", "سيده", "شاعر", "شيخ", "شيخه", "صحفي", "صحفيه", "طبيب",
    "طبيبه", "عضو", "عقيد", "عمده", "عميد", "فريق", "فنان", "فنانه", "قائد",
    "قائده", "قاضي", "كاتب", "كاتبه", "كاردينال", "لاعب", "لواء", "مبعوث",
    "مبعوثه", "متحدث", "متحدثه", "محافظ", "مخرج", "مدرب", "مدير", "مديره",
    "مراسل", "مراسله", "مرشح", "مرشحه", "مرشد", "مساعد", "مساعده", "مستشار",
    "مستشاره", "مشير", "مطران", "معارض", "مفتي", "مفوض", "مفوضه", "ملك",
    "ملكه", "ممثل", "ممثله", "مندوب", "مندوبه", "منسق", "منسقه", "مهندس",
    "مهندسه", "موسس", "نائب", "نائبه", "ناشط", "ناشطه", "ناطق", "ناطقه", "نجم",
    "نجمه", "نظير", "نظيره", "نقيب", "وزير", "وزيره", "وكيل", "وكيله", "ولي",
};

/* Those told, after ل: a title stops before them (مدرب ويلز لهيئة الإذاعة
 * البريطانية). Sorted by bytes. */
static const char *const addressee_heads[] = {
    "اذاعه", "تلفزيون", "جريده", "شبكه", "صحفيين", "صحيفه", "قناه", "مجله",
    "مراسل", "موقع", "هييه", "وكاله",
};

/* Ranks and honorifics that end a title right before the name (وزير
 * الخارجية الأستاذ, مدير الأمن العام الفريق): not part of the office, for
 * the title's exact key. Sorted, folded, without the article. */
static const char *const honorifics[] = {
    "استاذ", "دكتور", "دكتوره", "رائد", "سيد", "سيده", "شيخ", "شيخه",
    "عقيد", "عميد", "فريق", "لواء", "مقدم", "مهندس", "مهندسه",
};

/* Words after a rank that are still the rank (فريق أول ركن, لواء ركن).
 * Sorted, folded. */
static const char *const rank_words[] = {
    "اول", "ركن",
};

/* Heads that a name after them completes, without the article: whose
 * family, friend or lawyer it is (عائلة الناشط يحيى شربجي), whose party,
 * movement or campaign (حزب نشيد, حملة ترامب), not the person's title.
 * (An office, مكتب نتنياهو, speaks for the person.) */
static const char *const relational_heads[] = {
    "ابن", "ابنه", "اخ", "اخت", "ارمله", "اسره", "اصدقاء", "اقارب", "انصار",
    "اهل", "بنت", "تيار", "جد", "جده", "جماعه", "حركه", "حزب", "حفيد", "حفيده",
    "حمله", "خال", "خاله", "خطيب", "خطيبه", "زوج", "زوجه", "شركه", "شقيق",
    "شقيقه", "صديق", "صديقه", "عائله", "عم", "عمه", "محامي", "محاميه", "نجل",
    "نجله", "والد", "والده",
};

/* Heads a name completes that say what the person said or speak for
 * them (بيان ترامب, مكتب نتنياهو): the person speaks. Sorted, folded. */
static const char *const said_heads[] = {
    "ادعاء", "بيان", "تصريح", "تصريحات", "تغريده", "حديث", "رساله", "قول", "كلمه", "مكتب", "نص",
};

/* Title words in ة that are men's too (عمدة المدينة, الداعية). Sorted,
 * folded. */
static const char *const epicene_heads[] = {
    "داعيه", "عمده",
};

/* Heads of state and government: their nationality adjective alone says
 * who they are (الرئيس السوري = نظيره السوري). */
static const char *const leader_heads[] = {
    "رئيس", "رئيسه", "زعيم", "ملك", "نظير", "نظيره",
};

/* Words whose pronoun refers back to the last person named. */
static const char *const pronoun_hosts[] = {
    "قول", "نظير", "نظيره",
};

/* Name parts that never identify a person alone. */
static const char *const name_particles[] = {
    "ابن", "ابو", "ال", "ام", "بن", "بنت", "دي", "عبد", "فان", "فون", "لا",
};

#define MAX_KEY 512       /* bytes of one folded word kept */
#define MAX_TITLE 8       /* words in a title */
#define HEAD_SIG_LOG 11   /* 2^11 bits of the title-word filter */

enum { K_FULL = 1, K_PART, K_TITLE, K_LOOSE_FULL, K_LOOSE_PART, K_SKELETON,
       K_IBN, K_SKEL_PART, K_SKEL_ALONE, K_TAIL, K_LAST };

typedef struct slot {
    uint64_t h;      /* 0: empty */
    uint32_t cluster;
} slot;

typedef struct table {
    slot *s;
    size_t mask, used;
} table;

typedef struct cl_info {
    size_t first;          /* start of its first name */
    size_t best;           /* entity with the longest name */
    size_t best_tokens, best_bytes;
    int best_restored;     /* its first host's article was swallowed */
    unsigned votes[5];     /* NAME mentions by entity type */
} cl_info;

typedef struct coref {
    khabar_doc *doc;
    const khabar_token *tk;
    const khabar_entity *ent;
    size_t n_ent;
    table map;
    kh_vec info;       /* cl_info */
    kh_vec ment;       /* khabar_mention, in discovery order */
    size_t *ent_at;    /* per token: entity starting there + 1, or 0 */
    unsigned char *busy; /* per token: inside a person's name or title */
    size_t last_person; /* cluster of the last person named, or SIZE_MAX */
    /* The title-word filter (maybe_head) */
    uint8_t fold_ix[512];      /* a letter's bytes (lead D8 or D9) ->
                                  LETTER of what kh_tag_fold() makes */
    uint64_t head_sig[(1u << HEAD_SIG_LOG) / 64]; /* head_sig()s of
                                                     title_heads */
    size_t head_min, head_max; /* their shortest and longest, in bytes */
    int head_all;              /* 1: let every word through */
} coref;

static uint64_t mix(uint64_t h, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* The hash of a key of a kind (K_*) before its words. */
static uint64_t key_start(int kind)
{
    char k = (char)kind;
    return mix(0xcbf29ce484222325ull, &k, 1);
}

static int table_grow(table *t)
{
    size_t n = t->mask ? (t->mask + 1) * 2 : 256, i;
    slot *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    for (i = 0; t->s && i <= t->mask; i++) {
        size_t j;
        if (!t->s[i].h)
            continue;
        for (j = t->s[i].h & (n - 1); s[j].h; j = (j + 1) & (n - 1))
            ;
        s[j] = t->s[i];
    }
    free(t->s);
    t->s = s;
    t->mask = n - 1;
    return 0;
}

static int table_put(table *t, uint64_t h, size_t cluster)
{
    size_t j;
    h |= 1; /* never 0 */
    if ((t->used + 1) * 2 > (t->mask ? t->mask + 1 : 0) && table_grow(t) != 0)
        return -1;
    for (j = h & t->mask; t->s[j].h && t->s[j].h != h; j = (j + 1) & t->mask)
        ;
    if (!t->s[j].h)
        t->used++;
    t->s[j].h = h;
    t->s[j].cluster = (uint32_t)cluster;
    return 0;
}

static size_t table_get(const table *t, uint64_t h)
{
    size_t j;
    h |= 1;
    if (!t->s)
        return SIZE_MAX;
    for (j = h & t->mask; t->s[j].h; j = (j + 1) & t->mask)
        if (t->s[j].h == h)
            return t->s[j].cluster;
    return SIZE_MAX;
}

/* The folded host form of token ti into buf (MAX_KEY bytes); with strip,
 * without a leading ال. */
static size_t doc_word_key(const khabar_doc *doc, size_t ti, int strip,
                           char *buf)
{
    const khabar_word *h = kh_doc_host(doc, ti, NULL);
    const char *s = doc->norm_buf + h->form;
    size_t n = h->form_len < MAX_KEY ? h->form_len : MAX_KEY;
    n = kh_tag_fold(s, n, buf);
    if (strip && n > 4 + 2 && memcmp(buf, "ال", 4) == 0) {
        memmove(buf, buf + 4, n - 4);
        n -= 4;
    }
    return n;
}

/* Whether token ti's host has the article. */
static int doc_definite(const khabar_doc *doc, size_t ti)
{
    char k[MAX_KEY];
    size_t n = doc_word_key(doc, ti, 0, k);
    return n > 4 + 2 && memcmp(k, "ال", 4) == 0;
}

static size_t word_key(const coref *c, size_t ti, int strip, char *buf)
{
    return doc_word_key(c->doc, ti, strip, buf);
}

/* Byte order of a list word and s[0, n). */
static int word_cmp(const char *w, const char *s, size_t n)
{
    size_t i;
    for (i = 0; i < n && w[i]; i++) {
        if (w[i] != s[i])
            return (unsigned char)w[i] < (unsigned char)s[i] ? -1 : 1;
    }
    return i < n ? -1 : w[i] != 0;
}

/* Whether s[0, n) is a word of a list sorted in byte order (the lists
 * above; kh_coref_lists_sorted() checks them). */
static int in_sorted(const char *const *list, size_t count, const char *s,
                     size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = word_cmp(list[mid], s, n);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

#define in_list(list, s, n) in_sorted(list, sizeof list / sizeof list[0], s, n)

static int list_sorted(const char *const *list, size_t count)
{
    size_t i;
    for (i = 1; i < count; i++)
        if (word_cmp(list[i - 1], list[i], strlen(list[i])) >= 0)
            return 0;
    return 1;
}

#define LIST_SORTED(list) list_sorted(list, sizeof list / sizeof list[0])

int kh_coref_lists_sorted(void)
{
    return LIST_SORTED(title_heads) && LIST_SORTED(relational_heads) &&
           LIST_SORTED(addressee_heads) &&
           LIST_SORTED(said_heads) &&
           LIST_SORTED(leader_heads) && LIST_SORTED(pronoun_hosts) &&
           LIST_SORTED(name_particles) && LIST_SORTED(honorifics) &&
           LIST_SORTED(rank_words) && LIST_SORTED(epicene_heads);
}

/* Whether word h of doc is a first name the gazetteer knows. */
static int gaz_first_name(const khabar_doc *doc, const khabar_word *h)
{
    const kh_word_lookup *l = kh_doc_lookup(doc, h);
    return l && (l->gaz & KH_GAZ_FIRST_NAME);
}

/* Whether token ti is فريق as the noun "team", not the rank: without the
 * article, before an indefinite noun the lexicon knows, without clitics,
 * that is no first name nor a word of the rank (فريق حملة, فريق عمل,
 * فريق إنقاذ); or, with the article or without, before a word with the
 * article that is no first name nor a word of the rank (فريق المدرب X,
 * الفريق الهلالي, فريق الهلال; the rank stands before the name or أول,
 * ركن: الفريق عثمان, فريق أول ركن, الفريق الركن). */
static int team_noun(const khabar_doc *doc, size_t ti)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *h;
    unsigned pre;
    char k[MAX_KEY];
    size_t n = doc_word_key(doc, ti, 1, k);
    if (n != 8 || memcmp(k, "فريق", 8) != 0 || ti + 1 >= doc->tokens.len ||
        tk[ti + 1].kind != KHABAR_TOK_ARABIC)
        return 0;
    if (doc_definite(doc, ti + 1)) { /* not الفريق الأول الركن: the rank */
        n = doc_word_key(doc, ti + 1, 1, k);
        return !gaz_first_name(doc, kh_doc_host(doc, ti + 1, NULL)) &&
               !in_list(rank_words, k, n);
    }
    if (doc_definite(doc, ti))
        return 0;
    h = kh_doc_host(doc, ti + 1, &pre);
    if (pre || h->upos != KHABAR_UPOS_NOUN ||
        (h->flags & KHABAR_WORD_LEMMA_GUESSED) || gaz_first_name(doc, h))
        return 0;
    n = doc_word_key(doc, ti + 1, 1, k);
    return !in_list(rank_words, k, n);
}

/* Most tokens are no title word, and is_head() rules them out before it
 * folds the whole host and searches title_heads: by a signature of the key
 * it would search, its length and first three letters, read from the
 * host's bytes letter by letter through a table of what kh_tag_fold() makes
 * of each letter. A signature seen in title_heads only lets the word
 * through to the search, so the filter never changes an answer. */

/* A letter of U+0600..U+067F (lead byte D8 or D9) as a number 0..127. */
#define LETTER(b0, b1) ((((unsigned)(b0) & 1u) << 6) | ((unsigned)(b1) & 0x3Fu))
#define NO_LETTER 0xFFu

static unsigned head_sig(size_t m, unsigned a, unsigned b, unsigned d)
{
    uint32_t x = (uint32_t)m;
    x = ((x * 131u + a) * 131u + b) * 131u + d;
    return (unsigned)((x * 2654435761u) >> (32 - HEAD_SIG_LOG));
}

/* The letter that starts at s (two bytes) as kh_tag_fold() writes it, when
 * it is one of U+0600..U+067F; else NO_LETTER. */
static unsigned letter_at(const coref *c, const unsigned char *s)
{
    unsigned lead = s[0] ^ 0xD8u;
    return lead < 2 ? c->fold_ix[lead << 8 | s[1]] : NO_LETTER;
}

static void heads_init(coref *c)
{
    unsigned char in[256], out[256];
    size_t i;
    /* Every letter once, folded in one call. */
    for (i = 0; i < 128; i++) {
        in[2 * i] = (unsigned char)(0xD8 | (i >> 6));
        in[2 * i + 1] = (unsigned char)(0x80 | (i & 0x3F));
    }
    kh_tag_fold((const char *)in, sizeof in, (char *)out);
    memset(c->fold_ix, NO_LETTER, sizeof c->fold_ix);
    for (i = 0; i < 128; i++) {
        unsigned b0 = out[2 * i], b1 = out[2 * i + 1];
        if ((b0 & 0xFE) == 0xD8 && (b1 & 0xC0) == 0x80)
            c->fold_ix[(in[2 * i] & 1u) << 8 | in[2 * i + 1]] =
                (uint8_t)LETTER(b0, b1);
    }
    c->head_min = SIZE_MAX;
    c->head_max = 0;
    for (i = 0; i < sizeof title_heads / sizeof title_heads[0]; i++) {
        const unsigned char *k = (const unsigned char *)title_heads[i];
        size_t n = strlen(title_heads[i]), j;
        unsigned b;
        if (n < c->head_min)
            c->head_min = n;
        if (n > c->head_max)
            c->head_max = n;
        for (j = 0; j < 6 && j + 1 < n; j += 2)
            if ((k[j] & 0xFE) != 0xD8 || (k[j + 1] & 0xC0) != 0x80)
                break;
        if (j < 6) {
            c->head_all = 1; /* not three letters: no filter */
            continue;
        }
        b = head_sig(n, LETTER(k[0], k[1]), LETTER(k[2], k[3]),
                     LETTER(k[4], k[5]));
        c->head_sig[b / 64] |= (uint64_t)1 << (b % 64);
    }
}

/* Whether token ti's key (word_key() with strip) may be a title word: 0
 * only when it is none. */
static int maybe_head(const coref *c, size_t ti)
{
    const khabar_word *h;
    const unsigned char *s;
    size_t n, off = 0, m;
    unsigned l0, l1, l2, b;
    if (c->head_all)
        return 1;
    h = kh_doc_host(c->doc, ti, NULL);
    n = h->form_len < MAX_KEY ? h->form_len : MAX_KEY;
    /* Every title word has three letters (head_all), so n >= 6 after
     * this and the key's first three letters are there to read. */
    if (n < c->head_min || n > c->head_max + 4)
        return 0;
    /* kh_tag_fold() reads letter by letter from the start, so the letters
     * read here from the start are those of the key. */
    s = (const unsigned char *)c->doc->norm_buf + h->form;
    l0 = letter_at(c, s);
    l1 = letter_at(c, s + 2);
    if ((l0 | l1) & 0x80)
        return 1; /* NO_LETTER */
    if (n > 4 + 2 && l0 == LETTER(0xD8, 0xA7) && l1 == LETTER(0xD9, 0x84))
        off = 4; /* ال */
    m = n - off;
    if (m < c->head_min || m > c->head_max)
        return 0;
    if (off) {
        l0 = letter_at(c, s + 4);
        l1 = letter_at(c, s + 6);
    }
    l2 = letter_at(c, s + off + 4);
    if ((l0 | l1 | l2) & 0x80)
        return 1;
    b = head_sig(m, l0, l1, l2);
    return (c->head_sig[b / 64] >> (b % 64)) & 1;
}

/* Whether token ti is a title word (not فريق, the team: مسؤول في فريق
 * حملة المرشح X, whose title is المرشح). */
static int is_head(const coref *c, size_t ti)
{
    char k[MAX_KEY];
    size_t n;
    if (c->tk[ti].kind != KHABAR_TOK_ARABIC || !maybe_head(c, ti))
        return 0;
    n = word_key(c, ti, 1, k);
    return in_list(title_heads, k, n) && !team_noun(c->doc, ti);
}

static int upos_of(const coref *c, size_t ti)
{
    return kh_doc_host(c->doc, ti, NULL)->upos;
}

static unsigned proclitics(const coref *c, size_t ti)
{
    unsigned pre;
    kh_doc_host(c->doc, ti, &pre);
    return pre;
}

/* Whether token ti may sit inside a title: a noun, adjective, name, number,
 * or the preposition في. */
static int title_word(const coref *c, size_t ti)
{
    int u;
    char k[MAX_KEY];
    if (c->tk[ti].kind != KHABAR_TOK_ARABIC)
        return 0;
    u = upos_of(c, ti);
    if (u == KHABAR_UPOS_NOUN || u == KHABAR_UPOS_ADJ ||
        u == KHABAR_UPOS_PROPN || u == KHABAR_UPOS_X || u == 0)
        return 1;
    return u == KHABAR_UPOS_ADP && word_key(c, ti, 0, k) == 4 &&
           memcmp(k, "في", 4) == 0 && proclitics(c, ti) == 0;
}

/* The sentence bounds of every token, as the first token of its sentence. */
static size_t *sentence_starts(const khabar_doc *doc)
{
    size_t n = doc->tokens.len, i, s;
    const khabar_sentence *se = doc->sentences.data;
    size_t *first = malloc((n ? n : 1) * sizeof *first);
    if (!first)
        return NULL;
    for (i = 0; i < n; i++)
        first[i] = 0;
    for (s = 0; s < doc->sentences.len; s++)
        for (i = se[s].first_token; i < se[s].first_token + se[s].n_tokens && i < n; i++)
            first[i] = se[s].first_token;
    return first;
}

static int add_mention(coref *c, size_t start, size_t end, size_t cluster,
                       size_t entity, int kind)
{
    khabar_mention *m = kh_vec_push(&c->ment, sizeof *m);
    if (!m)
        return -1;
    m->start = start;
    m->end = end;
    m->cluster = cluster;
    m->entity = entity;
    m->kind = kind;
    return 0;
}

static size_t new_cluster(coref *c, size_t e)
{
    cl_info *ci = kh_vec_push(&c->info, sizeof *ci);
    if (!ci)
        return SIZE_MAX;
    memset(ci, 0, sizeof *ci);
    ci->first = c->ent[e].start;
    ci->best = e;
    return c->info.len - 1;
}

/* Keys of a title of words [a, b): every prefix of two words or more, the
 * head alone but a leader's, for a leader with a nationality adjective
 * "رئيس <adjective>", and the whole title but the ranks and honorifics at
 * its end, exactly. A lookup takes the longest prefix found, then the
 * person whose title that prefix is exactly, if any (وزير الخارجية is the
 * minister of وزير الخارجية الأستاذ, not of a later وزير الخارجية
 * الألماني). */
static int title_keys(coref *c, size_t a, size_t b, size_t cluster,
                      int lookup, size_t *found, size_t *found_end)
{
    uint64_t h = key_start(K_TITLE), hf = 0;
    char k[MAX_KEY];
    size_t i, n, words = 0, office = b;
    int leader = 0;
    if (!lookup) {
        while (office > a + 2 && c->tk[office - 1].kind == KHABAR_TOK_ARABIC &&
               (n = word_key(c, office - 1, 1, k), in_list(honorifics, k, n)))
            office--;
    }
    for (i = a; i < b && words < MAX_TITLE; i++) {
        if (c->tk[i].kind != KHABAR_TOK_ARABIC)
            break;
        n = word_key(c, i, 1, k);
        if (i == a)
            leader = in_list(leader_heads, k, n);
        if (words)
            h = mix(h, " ", 1);
        h = mix(h, k, n);
        words++;
        if (i == a + 1 && leader && n > 2 &&
            memcmp(k + n - 2, "ي", 2) == 0) {
            uint64_t g = mix(mix(key_start(K_TITLE), "*", 1), k, n);
            if (lookup) {
                size_t x = table_get(&c->map, g);
                if (x != SIZE_MAX) {
                    *found = x;
                    *found_end = i + 1;
                }
            } else if (table_put(&c->map, g, cluster) != 0)
                return -1;
        }
        /* The head alone, but a leader's (الرئيس alone is not the prime
         * minister): the last person with that title, for a head with the
         * article (الوزير, الوزير المستقيل after وزير البيئة نيكولا أولو). */
        if (words == 1 && !leader) {
            if (!lookup) {
                if (table_put(&c->map, mix(h, "1", 1), cluster) != 0)
                    return -1;
            } else if (doc_definite(c->doc, i)) {
                size_t x = table_get(&c->map, mix(h, "1", 1));
                if (x != SIZE_MAX) {
                    *found = x;
                    *found_end = i + 1;
                }
            }
        }
        if (words < 2)
            continue;
        if (lookup) {
            size_t x = table_get(&c->map, h);
            if (x != SIZE_MAX) {
                *found = x;
                *found_end = i + 1;
                hf = h;
            }
        } else if (table_put(&c->map, h, cluster) != 0 ||
                   (i + 1 == office &&
                    table_put(&c->map, mix(h, "=", 1), cluster) != 0)) {
            return -1;
        }
    }
    if (hf) {
        size_t x = table_get(&c->map, mix(hf, "=", 1));
        if (x != SIZE_MAX)
            *found = x;
    }
    return 0;
}

/* A person's title: the furthest title word back from token s (the name's
 * first token) over title words, within the sentence; SIZE_MAX if none. */
static size_t title_start(const coref *c, size_t s, size_t sent_first)
{
    size_t j = s, head = SIZE_MAX, steps = 0;
    while (j > sent_first && steps < MAX_TITLE) {
        j--;
        steps++;
        if (c->busy[j] || !title_word(c, j))
            break;
        if (is_head(c, j))
            head = j;
        if (proclitics(c, j))
            break; /* و, ب ...: a new phrase begins here */
    }
    return head;
}

/* The skeleton of a folded key, in place: its long vowels inside the word
 * (ا و ي after the first letter and before the last) dropped, as foreign
 * names are spelled with them or without (دينيس, دنيس). */
static size_t skeleton(char *k, size_t n)
{
    size_t i, o = 0;
    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)k[i];
        if (o > 0 && i + 2 < n &&
            ((b == 0xD8 && (unsigned char)k[i + 1] == 0xA7) ||
             (b == 0xD9 && ((unsigned char)k[i + 1] == 0x88 ||
                            (unsigned char)k[i + 1] == 0x8A)))) {
            i++;
            continue;
        }
        k[o++] = (char)b;
    }
    return o;
}

/* Whether token ti's folded host k (n bytes) is a foreign surname, whose
 * long vowels the news writes or not (جيفنشي, جيفانشي; كينيدي, كنيدي): a
 * word the lexicon does not know, of four letters or more (ترمب,
 * ترامب), without the article. Arabic names that differ so (سعيد, سعد;
 * محمود, محمد) are known or shorter. */
static int foreign_surname(const coref *c, size_t ti, const char *k, size_t n)
{
    if (!(kh_doc_host(c->doc, ti, NULL)->flags & KHABAR_WORD_LEMMA_GUESSED) ||
        (n > 4 && memcmp(k, "ال", 4) == 0))
        return 0;
    return kh_utf8_count(k, n) >= 4;
}

/* The key (of a kind: K_SKEL_PART for the last word of a longer name,
 * K_SKEL_ALONE for a name of one word) of a foreign surname k (n bytes) by
 * its skeleton. */
static uint64_t skeleton_part(const char *k, size_t n, int kind)
{
    char sk[MAX_KEY];
    memcpy(sk, k, n);
    return mix(key_start(kind), sk, skeleton(sk, n));
}

/* A person's name of two words or more by its first words' skeletons and
 * its last word as written (دنيس ماكويغي = دينيس ماكويغي; محمد سعيد and
 * محمد سعد differ in the last word), or its skeleton too when it is a
 * foreign surname; 0 for any other entity. */
static uint64_t skeleton_key(const coref *c, const khabar_entity *en)
{
    char k[MAX_KEY];
    size_t i, n, last = en->first_token + en->n_tokens;
    uint64_t h = key_start(K_SKELETON);
    if (en->type != KHABAR_ENT_PER || en->n_tokens < 2)
        return 0;
    for (i = en->first_token; i < last; i++) {
        n = word_key(c, i, 0, k);
        if (i + 1 < last || foreign_surname(c, i, k, n))
            n = skeleton(k, n);
        h = mix(mix(h, k, n), " ", 1);
    }
    return h;
}

/* The key of an organization's first word alone, when the words after it
 * are adjectives (حماس الإسلامية, الجهاد الإسلامي: حماس, الجهاد), else 0:
 * the name and the first word are one organization. */
static uint64_t org_head_key(const coref *c, const khabar_entity *en)
{
    char k[MAX_KEY];
    size_t i, last = en->first_token + en->n_tokens;
    if (en->type != KHABAR_ENT_ORG || en->n_tokens < 2)
        return 0;
    for (i = en->first_token + 1; i < last; i++) {
        size_t n = word_key(c, i, 0, k);
        /* An adjective, or a word of the shape of a nisba (الإسلامية,
         * which names tag as proper nouns). */
        if (kh_doc_host(c->doc, i, NULL)->upos != KHABAR_UPOS_ADJ &&
            !(n > 4 + 4 && memcmp(k, "ال", 4) == 0 &&
              (memcmp(k + n - 2, "ي", 2) == 0 ||
               memcmp(k + n - 4, "يه", 4) == 0)))
            return 0;
    }
    return mix(key_start(K_FULL), k, word_key(c, en->first_token, 0, k));
}

/* Whether a folded word is بن, ابن or بنت. */
static int is_ibn(const char *k, size_t n)
{
    return (n == 4 && memcmp(k, "بن", 4) == 0) ||
           (n == 6 && memcmp(k, "ابن", 6) == 0) ||
           (n == 6 && memcmp(k, "بنت", 6) == 0);
}

/* Whether a folded word is أبو or عبد, which the news writes apart from
 * the next word of a name or joined to it (أبو زيد, أبوزيد; عبد الله,
 * عبدالله): name keys join them. */
static int is_glued(const char *k, size_t n)
{
    return n == 6 && (memcmp(k, "ابو", 6) == 0 || memcmp(k, "عبد", 6) == 0);
}

/* The key (of a kind) of a person's name from its last بن (ابن, بنت) on,
 * when more words come before it (محمد بن سلمان: بن سلمان, how the news
 * often names him again), else 0. */
static uint64_t ibn_tail_key(const coref *c, const khabar_entity *en,
                             int kind)
{
    char k[MAX_KEY];
    size_t i, n, last = en->first_token + en->n_tokens;
    uint64_t h;
    if (en->type != KHABAR_ENT_PER || en->n_tokens < 3)
        return 0;
    for (i = last - 2; i > en->first_token; i--) {
        n = word_key(c, i, 0, k);
        if (is_ibn(k, n))
            break;
    }
    if (i == en->first_token)
        return 0;
    for (h = key_start(kind); i < last; i++) {
        n = word_key(c, i, 0, k);
        h = mix(h, k, n);
        if (i + 1 < last)
            h = mix(h, " ", 1);
    }
    return h;
}

/* Whether token ti is a hyphen inside a name (كيم جونغ-أون), which its
 * keys read as the space of كيم جونغ أون. */
static int name_hyphen(const coref *c, size_t ti)
{
    const khabar_token *t = &c->tk[ti];
    return t->kind == KHABAR_TOK_PUNCT && t->end - t->start == 1 &&
           c->doc->text[t->start] == '-';
}

/* The K_FULL key of tokens [a, b) as a name (as register_name makes it:
 * words apart, أبو/عبد joined to the next, a hyphen a space); with loose,
 * also its K_LOOSE_FULL key into *loose, or 0 when no word of it loosens
 * (kh_tag_loosen). */
static uint64_t name_keys(const coref *c, size_t a, size_t b, uint64_t *loose)
{
    char k[MAX_KEY];
    uint64_t h = key_start(K_FULL), l = key_start(K_LOOSE_FULL);
    size_t i, n, ln;
    int glued = 0, loose_ok = 0;
    for (i = a; i < b; i++) {
        if (name_hyphen(c, i))
            continue;
        n = word_key(c, i, 0, k);
        if (i > a && !glued) {
            h = mix(h, " ", 1);
            l = mix(l, " ", 1);
        }
        h = mix(h, k, n);
        glued = is_glued(k, n);
        if (loose) {
            ln = kh_tag_loosen(k, n);
            l = mix(l, k, ln ? ln : n);
            loose_ok |= ln > 0;
        }
    }
    if (loose)
        *loose = loose_ok ? l : 0;
    return h;
}


/* The K_FULL key of a person's name up to its last بن, when a بن comes
 * before that one too (محمد بن نايف بن عبدالعزيز: محمد بن نايف), else 0. */
static uint64_t ibn_head_key(const coref *c, const khabar_entity *en,
                             size_t *n_head)
{
    char k[MAX_KEY];
    size_t i, last = en->first_token + en->n_tokens, j = SIZE_MAX;
    int before = 0;
    if (en->type != KHABAR_ENT_PER || en->n_tokens < 5)
        return 0;
    for (i = en->first_token + 1; i + 1 < last; i++) {
        if (is_ibn(k, word_key(c, i, 0, k))) {
            before = j != SIZE_MAX;
            j = i;
        }
    }
    if (!before)
        return 0;
    if (n_head)
        *n_head = j - en->first_token;
    return name_keys(c, en->first_token, j, NULL);
}

/* The K_FULL key of a person's name before its family's آل, when words
 * come before it (فيصل بن عبدالعزيز آل سعود: فيصل بن عبدالعزيز, how the
 * news names him again), else 0. */
static uint64_t al_head_key(const coref *c, const khabar_entity *en)
{
    char k[MAX_KEY];
    size_t i, last = en->first_token + en->n_tokens;
    if (en->type != KHABAR_ENT_PER || en->n_tokens < 3)
        return 0;
    for (i = en->first_token + 1; i + 1 < last; i++) {
        size_t n = word_key(c, i, 0, k);
        if (n == 4 && memcmp(k, "ال", 4) == 0) /* آل, folded */
            return name_keys(c, en->first_token, i, NULL);
    }
    return 0;
}

/* The key (of a kind) of a person's name's last two words (محمود أحمدي
 * نجاد: أحمدي نجاد; جان ايف لو دريان: لو دريان), or 0 for a name of one
 * word, for بن and a name (ibn_tail_key's) and for two words whose first
 * is joined to أبو/عبد before it. */
static uint64_t last_two_key(const coref *c, const khabar_entity *en,
                             int kind)
{
    char k[MAX_KEY];
    size_t n, last = en->first_token + en->n_tokens;
    uint64_t h = key_start(kind);
    if (en->type != KHABAR_ENT_PER || en->n_tokens < 2)
        return 0;
    if (en->n_tokens >= 3 &&
        is_glued(k, word_key(c, last - 3, 0, k)))
        return 0;
    n = word_key(c, last - 2, 0, k);
    if (is_ibn(k, n) || is_glued(k, n))
        return 0;
    h = mix(mix(h, k, n), " ", 1);
    n = word_key(c, last - 1, 0, k);
    return mix(h, k, n);
}

/* Whether name a's words are the last words of name b (بوتين of فلاديمير
 * بوتين, أحمدي نجاد of محمود أحمدي نجاد), by their keys. */
static int tail_of(const coref *c, const khabar_entity *a,
                   const khabar_entity *b)
{
    char ka[MAX_KEY], kb[MAX_KEY];
    size_t i, na, nb;
    if (a->n_tokens > b->n_tokens)
        return 0;
    for (i = 1; i <= a->n_tokens; i++) {
        na = word_key(c, a->first_token + a->n_tokens - i, 0, ka);
        nb = word_key(c, b->first_token + b->n_tokens - i, 0, kb);
        if (na != nb || memcmp(ka, kb, na) != 0)
            return 0;
    }
    return 1;
}

/* The hash of a name's first word, أبي and أبا as أبو (أبي محمد الجولاني
 * is أبو محمد الجولاني), with the word after it when it is أبو or عبد (عبد
 * الملك, عبد الكريم). */
static uint64_t first_hash(const coref *c, const khabar_entity *e)
{
    char k[MAX_KEY];
    size_t n = word_key(c, e->first_token, 0, k);
    uint64_t h = key_start(K_FULL);
    if (n == 6 && (memcmp(k, "ابي", 6) == 0 || memcmp(k, "ابا", 6) == 0))
        memcpy(k, "ابو", 6);
    h = mix(h, k, n);
    if (is_glued(k, n) && e->n_tokens > 2)
        h = mix(h, k, word_key(c, e->first_token + 1, 0, k));
    return h;
}

/* Whether name b, whose last word named the person of whole name a alone,
 * is rather another person of the same family (عبد الملك الحوثي after عبد
 * الكريم الحوثي): neither name ends the other, their first words differ,
 * and b's first word is no name seen alone or ending a name before (كومي
 * ترامب after جيمس كومي, a span the recognizer ran together, stays with
 * ترامب), nor a word with the article, a preposition, a particle or a
 * verb (القس برنسون). */
static int other_person(const coref *c, const khabar_entity *a,
                        const khabar_entity *b)
{
    char k[MAX_KEY];
    size_t n;
    int u;
    if (tail_of(c, a, b) || tail_of(c, b, a) ||
        first_hash(c, a) == first_hash(c, b))
        return 0;
    n = word_key(c, b->first_token, 0, k);
    u = upos_of(c, b->first_token);
    /* (القس برنسون, على ترامب: a title or a word the span took in) */
    if (doc_definite(c->doc, b->first_token) || u == KHABAR_UPOS_ADP ||
        u == KHABAR_UPOS_VERB || u == KHABAR_UPOS_PART)
        return 0;
    return table_get(&c->map, mix(key_start(K_FULL), k, n)) == SIZE_MAX &&
           table_get(&c->map, mix(key_start(K_LAST), k, n)) == SIZE_MAX;
}

/* Registers a person's or thing's name keys. */
static int register_name(coref *c, size_t e, size_t cluster)
{
    const khabar_entity *en = &c->ent[e];
    char k[MAX_KEY];
    size_t i, n, ln, last = en->first_token + en->n_tokens;
    uint64_t full = key_start(K_FULL), loose = key_start(K_LOOSE_FULL), skel;
    uint64_t head, glued = 0; /* glued: أبو before this word, as a part */
    int loose_ok = 0;
    for (i = en->first_token; i < last; i++) {
        if (name_hyphen(c, i))
            continue;
        n = word_key(c, i, 0, k);
        if (i > en->first_token && !glued) {
            full = mix(full, " ", 1);
            loose = mix(loose, " ", 1);
        }
        full = mix(full, k, n);
        if (en->type == KHABAR_ENT_PER && en->n_tokens > 1 &&
            (i == en->first_token || i + 1 == last) &&
            !in_list(name_particles, k, n) &&
            table_put(&c->map, mix(key_start(K_PART), k, n), cluster) != 0)
            return -1;
        /* أحمد أبو زيد: أبوزيد names him too */
        if (glued && i + 1 == last && en->type == KHABAR_ENT_PER &&
            table_put(&c->map, mix(glued, k, n), cluster) != 0)
            return -1;
        if (i + 1 == last && en->type == KHABAR_ENT_PER &&
            en->n_tokens > 1 &&
            table_put(&c->map, mix(key_start(K_LAST), k, n), cluster) != 0)
            return -1;
        /* اوبير دو جيفنشي: جيفانشي names him too; ترمب alone:
         * دونالد ترامب may come next */
        if (i + 1 == last && en->type == KHABAR_ENT_PER &&
            foreign_surname(c, i, k, n) &&
            table_put(&c->map,
                      skeleton_part(k, n, en->n_tokens > 1 ? K_SKEL_PART
                                                           : K_SKEL_ALONE),
                      cluster) != 0)
            return -1;
        glued = is_glued(k, n) ? mix(key_start(K_PART), k, n) : 0;
        ln = kh_tag_loosen(k, n);
        loose = mix(loose, k, ln ? ln : n);
        loose_ok |= ln > 0;
        if (ln && en->type == KHABAR_ENT_PER && en->n_tokens > 1 &&
            (i == en->first_token || i + 1 == last) &&
            table_put(&c->map, mix(key_start(K_LOOSE_PART), k, ln),
                      cluster) != 0)
            return -1;
    }
    if (loose_ok && table_put(&c->map, loose, cluster) != 0)
        return -1;
    if ((skel = skeleton_key(c, en)) != 0 &&
        table_put(&c->map, skel, cluster) != 0)
        return -1;
    if ((head = org_head_key(c, en)) != 0 &&
        table_get(&c->map, head) == SIZE_MAX &&
        table_put(&c->map, head, cluster) != 0)
        return -1;
    if ((head = ibn_tail_key(c, en, K_IBN)) != 0 &&
        table_get(&c->map, head) == SIZE_MAX &&
        table_put(&c->map, head, cluster) != 0)
        return -1;
    if (en->n_tokens >= 3 && (head = last_two_key(c, en, K_TAIL)) != 0 &&
        table_get(&c->map, head) == SIZE_MAX &&
        table_put(&c->map, head, cluster) != 0)
        return -1;
    if ((head = ibn_head_key(c, en, NULL)) != 0 &&
        table_get(&c->map, head) == SIZE_MAX &&
        table_put(&c->map, head, cluster) != 0)
        return -1;
    if ((head = al_head_key(c, en)) != 0 &&
        table_get(&c->map, head) == SIZE_MAX &&
        table_put(&c->map, head, cluster) != 0)
        return -1;
    return table_put(&c->map, full, cluster);
}

/* The cluster an entity joins, or SIZE_MAX for a new one. */
static size_t find_name(const coref *c, size_t e)
{
    const khabar_entity *en = &c->ent[e];
    char k[MAX_KEY];
    size_t x, n, ln, last = en->first_token + en->n_tokens;
    uint64_t loose, skel, head;
    int glued;
    x = table_get(&c->map, name_keys(c, en->first_token, last, &loose));
    if (x == SIZE_MAX && loose)
        x = table_get(&c->map, loose);
    if (x == SIZE_MAX && (skel = skeleton_key(c, en)) != 0)
        x = table_get(&c->map, skel);
    if (x == SIZE_MAX && (head = org_head_key(c, en)) != 0 &&
        (x = table_get(&c->map, head)) != SIZE_MAX &&
        ((const cl_info *)c->info.data + x)->votes[KHABAR_ENT_ORG] == 0)
        x = SIZE_MAX;
    if (x != SIZE_MAX || en->type != KHABAR_ENT_PER)
        return x;
    if (en->n_tokens == 1) {
        n = word_key(c, en->first_token, 0, k);
        if (in_list(name_particles, k, n))
            return SIZE_MAX;
        x = table_get(&c->map, mix(key_start(K_PART), k, n));
        if (x == SIZE_MAX && foreign_surname(c, en->first_token, k, n) &&
            (x = table_get(&c->map, skeleton_part(k, n, K_SKEL_PART))) ==
                SIZE_MAX)
            x = table_get(&c->map, skeleton_part(k, n, K_SKEL_ALONE));
        ln = x == SIZE_MAX ? kh_tag_loosen(k, n) : 0;
        return ln ? table_get(&c->map, mix(key_start(K_LOOSE_PART), k, ln))
                  : x;
    }
    /* محمد بن سلمان after بن سلمان alone (not after سعود بن سلمان, nor
     * خالد بن سلمان after محمد بن سلمان and بن سلمان: a brother). */
    if ((head = ibn_tail_key(c, en, K_FULL)) != 0 &&
        (x = table_get(&c->map, head)) != SIZE_MAX) {
        const cl_info *ci = (const cl_info *)c->info.data + x;
        if (ci->votes[KHABAR_ENT_PER] > 0 &&
            !(ci->best_tokens > 1 && other_person(c, &c->ent[ci->best], en)))
            return x;
    }
    /* محمد بن نايف بن عبدالعزيز after محمد بن نايف; not عبد الله بن صالح
     * بن جمعة after عبد الله بن صالح بن عبد الرحمن العريفي: when the
     * cluster's name is longer than the head too, the two go on apart */
    if ((head = ibn_head_key(c, en, &n)) != 0 &&
        (x = table_get(&c->map, head)) != SIZE_MAX) {
        const cl_info *ci = (const cl_info *)c->info.data + x;
        if (ci->votes[KHABAR_ENT_PER] > 0 && ci->best_tokens <= n)
            return x;
    }
    /* فيصل بن عبدالعزيز after فيصل alone (الملك فيصل): a first name and
     * its nasab, when the first name alone named no longer name yet */
    if (en->n_tokens >= 3 &&
        is_ibn(k, word_key(c, en->first_token + 1, 0, k))) {
        n = word_key(c, en->first_token, 0, k);
        x = table_get(&c->map, mix(key_start(K_FULL), k, n));
        if (x != SIZE_MAX) {
            const cl_info *ci = (const cl_info *)c->info.data + x;
            if (ci->votes[KHABAR_ENT_PER] > 0 && ci->best_tokens == 1)
                return x;
        }
    }
    /* أحمدي نجاد after محمود أحمدي نجاد; محمود أحمدي نجاد after أحمدي
     * نجاد alone. */
    if ((head = last_two_key(c, en, en->n_tokens == 2 ? K_TAIL : K_FULL)) !=
        0) {
        x = table_get(&c->map, head);
        if (x != SIZE_MAX &&
            ((const cl_info *)c->info.data + x)->votes[KHABAR_ENT_PER] > 0)
            return x;
    }
    /* بن سلمان after محمد بن سلمان. */
    if (en->n_tokens == 2) {
        n = word_key(c, en->first_token, 0, k);
        if (is_ibn(k, n)) {
            uint64_t h = mix(mix(key_start(K_IBN), k, n), " ", 1);
            n = word_key(c, en->first_token + 1, 0, k);
            if ((x = table_get(&c->map, mix(h, k, n))) != SIZE_MAX)
                return x;
        }
    }
    /* فلاديمير بوتين after بوتين alone; أحمد أبو زيد after أبوزيد. */
    n = word_key(c, last - 2, 0, k);
    head = key_start(K_FULL);
    glued = is_glued(k, n);
    if (glued)
        head = mix(head, k, n);
    n = word_key(c, last - 1, 0, k);
    x = table_get(&c->map, mix(head, k, n));
    /* دونالد ترامب after ترمب alone */
    if (x == SIZE_MAX && !glued && foreign_surname(c, last - 1, k, n))
        x = table_get(&c->map, skeleton_part(k, n, K_SKEL_ALONE));
    if (x != SIZE_MAX) {
        const cl_info *ci = (const cl_info *)c->info.data + x;
        /* not when the surname alone already named another whole name (عبد
         * الملك الحوثي after عبد الكريم الحوثي and الحوثي) */
        if (ci->votes[KHABAR_ENT_PER] == 0 ||
            (ci->best_tokens > 1 && other_person(c, &c->ent[ci->best], en)))
            x = SIZE_MAX;
    }
    return x;
}

/* Whether tokens a and b are a pair of brackets or quotation marks. */
static int mark_pair(const coref *c, size_t a, size_t b)
{
    static const char *const pairs[][2] = {
        {"(", ")"}, {"\"", "\""}, {"\xC2\xAB", "\xC2\xBB"}, /* « » */
        {"\xE2\x80\x9C", "\xE2\x80\x9D"}, /* “ ” */
        {"\xC2\xBB", "\xC2\xAB"}};          /* » «, as some write */
    const char *s = c->doc->text;
    size_t i, na = c->tk[a].end - c->tk[a].start, nb = c->tk[b].end - c->tk[b].start;
    if (c->tk[a].kind != KHABAR_TOK_PUNCT || c->tk[b].kind != KHABAR_TOK_PUNCT)
        return 0;
    for (i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        if (strlen(pairs[i][0]) == na && strlen(pairs[i][1]) == nb &&
            !memcmp(s + c->tk[a].start, pairs[i][0], na) &&
            !memcmp(s + c->tk[b].start, pairs[i][1], nb))
            return 1;
    }
    return 0;
}

/* Another name of the entity right before, in brackets or quotation marks
 * after it (الاتحاد الدولي لكرة القدم "الفيفا", منظمة التحرير (فتح)): that
 * entity's cluster, or SIZE_MAX. The types must agree (an organization's
 * short name may be read as another name: ORG and MISC go together). */
static size_t alias_of(const coref *c, size_t e)
{
    const khabar_entity *en = &c->ent[e], *p;
    size_t open, close;
    int ta, tb;
    if (e == 0)
        return SIZE_MAX;
    p = &c->ent[e - 1];
    open = p->first_token + p->n_tokens;
    close = en->first_token + en->n_tokens;
    ta = p->type == KHABAR_ENT_MISC ? KHABAR_ENT_ORG : p->type;
    tb = en->type == KHABAR_ENT_MISC ? KHABAR_ENT_ORG : en->type;
    if (open + 1 != en->first_token || close >= c->doc->tokens.len ||
        ta != tb || !mark_pair(c, open, close))
        return SIZE_MAX;
    return ((const size_t *)c->doc->entity_cluster.data)[e - 1];
}

static int enclitic_in(const khabar_doc *doc, size_t a, size_t b);
static int title_after(const coref *c, size_t a, size_t *end);

/* Whether token ti is a comma (، or ,). */
static int is_comma(const coref *c, size_t ti)
{
    const khabar_token *t = &c->tk[ti];
    const char *s = c->doc->text + t->start;
    size_t n = t->end - t->start;
    return t->kind == KHABAR_TOK_PUNCT &&
           ((n == 1 && s[0] == ',') || (n == 2 && !memcmp(s, "\xD8\x8C", 2)));
}

/* Where the title of a person's name [a, b) ends: right before the name,
 * or before a comma when the name stands between two (وقال وزير الخارجية
 * الأردني، أيمن الصفدي، إن ...). */
static size_t title_end(const coref *c, size_t a, size_t b, size_t sent_first)
{
    if (a > sent_first + 1 && b < c->doc->tokens.len && is_comma(c, a - 1) &&
        is_comma(c, b))
        return a - 1;
    return a;
}

static int do_entity(coref *c, size_t e, size_t sent_first)
{
    const khabar_entity *en = &c->ent[e];
    size_t cl = find_name(c, e), t, i, b;
    if (cl == SIZE_MAX)
        cl = alias_of(c, e);
    cl_info *ci;
    if (cl == SIZE_MAX && (cl = new_cluster(c, e)) == SIZE_MAX)
        return -1;
    ci = (cl_info *)c->info.data + cl;
    if (en->type >= 1 && en->type <= 4)
        ci->votes[en->type]++;
    {
        /* The longest name, as a span of the input: not one whose article
         * a preposition swallowed (ل+لأمم: the span starts at لأمم), when
         * another as long is whole. */
        size_t bytes = en->end - en->start;
        int restored = (kh_doc_host(c->doc, en->first_token, NULL)->flags &
                        KHABAR_WORD_RESTORED) != 0;
        if (en->n_tokens > ci->best_tokens ||
            (en->n_tokens == ci->best_tokens &&
             (restored < ci->best_restored ||
              (restored == ci->best_restored && bytes > ci->best_bytes)))) {
            ci->best = e;
            ci->best_tokens = en->n_tokens;
            ci->best_bytes = bytes;
            ci->best_restored = restored;
        }
    }
    if (register_name(c, e, cl) != 0 ||
        add_mention(c, en->start, en->end, cl, e, KHABAR_MENTION_NAME) != 0)
        return -1;
    ((size_t *)c->doc->entity_cluster.data)[e] = cl;
    if (en->type != KHABAR_ENT_PER)
        return 0;
    for (i = en->first_token; i < en->first_token + en->n_tokens; i++)
        c->busy[i] = 1;
    b = title_end(c, en->first_token, en->first_token + en->n_tokens,
                  sent_first);
    t = title_start(c, b, sent_first);
    if (t != SIZE_MAX) {
        size_t start = kh_doc_written_start(c->doc, t);
        size_t end = c->tk[b - 1].end;
        /* a title of one word with a pronoun (وسيقود زعيمه سانشيز: its
         * leader) says whose only with the word it points back to: no
         * title of his */
        if (!(t + 1 == b && enclitic_in(c->doc, start, end)) &&
            (add_mention(c, start, end, cl, SIZE_MAX, KHABAR_MENTION_TITLE) != 0 ||
             title_keys(c, t, b, cl, 0, NULL, NULL) != 0))
            return -1;
        for (i = t; i < en->first_token; i++)
            c->busy[i] = 1;
    }
    if (title_after(c, en->first_token + en->n_tokens, &b)) {
        size_t a = en->first_token + en->n_tokens;
        if (add_mention(c, c->tk[a].start, c->tk[b - 1].end, cl, SIZE_MAX,
                        KHABAR_MENTION_TITLE) != 0 ||
            title_keys(c, a, b, cl, 0, NULL, NULL) != 0)
            return -1;
        for (i = a; i < b; i++)
            c->busy[i] = 1;
    }
    c->last_person = cl;
    return 0;
}


/* Whether a person's name starts at token ti. */
static int person_starts(const coref *c, size_t ti)
{
    return c->ent_at[ti] && c->ent[c->ent_at[ti] - 1].type == KHABAR_ENT_PER;
}

/* Whether token ti's one proclitic is ل (لحقوق الإنسان, in a title), and
 * its host is none of those told. */
static int li_only(const coref *c, size_t ti)
{
    const khabar_word *w = c->doc->words.data;
    size_t a = c->doc->token_words[ti];
    char k[MAX_KEY];
    size_t n;
    if (proclitics(c, ti) != 1 || w[a].role != KHABAR_WORD_PROCLITIC ||
        w[a].form_len != 2 ||
        memcmp(c->doc->norm_buf + w[a].form, "\xD9\x84", 2) != 0)
        return 0;
    n = word_key(c, ti, 1, k);
    return !in_list(addressee_heads, k, n);
}

/* A title set after a person's name, from token a: a title word without
 * the article and without a proclitic (its construct's head: وكيل وزارة,
 * مدرب برشلونة, عضو مجلس الشورى), its complement (a name, a word with
 * the article or a pronoun, or a noun that has one of these after it),
 * then title words up to punctuation, a preposition, و, a verb, another
 * person's name, a word in the accusative (اجتماعا), ل before the article
 * or one told (للصحافيين, لهيئة الإذاعة; not لكرة القدم), a noun after a
 * name (لاعب جيرونا التعادل) or a word without the article after one with
 * it (نجم ليفربول الحالي ضحية); its end into *end. Not one that a name
 * follows (استقبل الملك سلمان رئيس وزراء الهند ناريندرا مودي: the other
 * person's title). */
static int title_after(const coref *c, size_t a, size_t *end)
{
    size_t j, n = c->doc->tokens.len;
    const khabar_word *h;
    int after_name = 0, after_def = 0;
    if (a >= n || c->busy[a] || proclitics(c, a) || doc_definite(c->doc, a) ||
        !is_head(c, a) || person_starts(c, a))
        return 0;
    h = kh_doc_host(c->doc, a, NULL);
    if (h->upos == KHABAR_UPOS_ADP ||
        (h->form_len >= 2 && !memcmp(c->doc->norm_buf + h->form, "أ", 2)))
        return 0; /* أمام (before), not إمام */
    for (j = a + 1; j < n && j < a + MAX_TITLE; j++) {
        unsigned pre = proclitics(c, j);
        int u = upos_of(c, j), def = doc_definite(c->doc, j);
        if (c->busy[j] || !title_word(c, j) || u == KHABAR_UPOS_ADP ||
            (pre && (!li_only(c, j) || def)) ||
            kh_tag_has_tanwin(c->doc->text + c->tk[j].start,
                              c->tk[j].end - c->tk[j].start) ||
            (after_name && u == KHABAR_UPOS_NOUN) ||
            (after_def && !def && u != KHABAR_UPOS_PROPN))
            break; /* لاعب جيرونا التعادل, ... للصحافيين, ... اجتماعا,
                      نجم ليفربول الحالي ضحية, ... في الوقت */
        /* the head's complement: a name, or a word with the article or a
         * pronoun (not لاعب جيد, رئيس سقيم: a description) */
        if (j == a + 1 && !def && u != KHABAR_UPOS_PROPN &&
            !enclitic_in(c->doc, c->tk[j].start, c->tk[j].end) &&
            !(u == KHABAR_UPOS_NOUN && j + 1 < n && !proclitics(c, j + 1) &&
              (doc_definite(c->doc, j + 1) ||
               upos_of(c, j + 1) == KHABAR_UPOS_PROPN)))
            return 0; /* (وكيل وزارة الطاقة: a construct's chain) */
        if (person_starts(c, j))
            return 0;
        after_name = u == KHABAR_UPOS_PROPN;
        after_def |= def;
    }
    if ((j < n && person_starts(c, j)) || j < a + 2)
        return 0;
    *end = j;
    return 1;
}

/* A title standing alone at token i: the person it names, if any. */
static int do_description(coref *c, size_t i, size_t n_tokens)
{
    size_t j = i + 1, found = SIZE_MAX, found_end = 0;
    while (j < n_tokens && j < i + MAX_TITLE && !c->busy[j] &&
           !person_starts(c, j) &&
           title_word(c, j) && proclitics(c, j) == 0)
        j++;
    /* Right before a person's name it is that person's title. */
    if (j < n_tokens && person_starts(c, j))
        return 0;
    if (title_keys(c, i, j, 0, 1, &found, &found_end) != 0 ||
        found == SIZE_MAX)
        return 0;
    return add_mention(c, kh_doc_host(c->doc, i, NULL)->start,
                       c->tk[found_end - 1].end, found, SIZE_MAX,
                       KHABAR_MENTION_DESCRIPTION);
}

/* The pronoun on نظيره, قوله: the last person named. */
static int do_pronoun(coref *c, size_t ti)
{
    const khabar_word *w = c->doc->words.data;
    size_t a = c->doc->token_words[ti], b = c->doc->token_words[ti + 1];
    char k[MAX_KEY];
    size_t n;
    if (c->last_person == SIZE_MAX || b - a < 2 ||
        w[b - 1].role != KHABAR_WORD_ENCLITIC)
        return 0;
    n = word_key(c, ti, 1, k);
    if (!in_list(pronoun_hosts, k, n))
        return 0;
    n = kh_tag_fold(c->doc->norm_buf + w[b - 1].form,
                    w[b - 1].form_len < MAX_KEY ? w[b - 1].form_len : MAX_KEY,
                    k);
    if (!((n == 2 && memcmp(k, "ه", 2) == 0) ||
          (n == 4 && memcmp(k, "ها", 4) == 0)))
        return 0;
    return add_mention(c, w[b - 1].start, w[b - 1].end, c->last_person,
                       SIZE_MAX, KHABAR_MENTION_PRONOUN);
}

static int by_start(const void *pa, const void *pb)
{
    const pos_ref *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static int by_cluster(const void *pa, const void *pb)
{
    const khabar_mention *a = pa, *b = pb;
    if (a->cluster != b->cluster)
        return a->cluster < b->cluster ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->end > b->end) - (a->end < b->end);
}

static int finish(coref *c)
{
    khabar_doc *doc = c->doc;
    const cl_info *ci = c->info.data;
    khabar_mention *m;
    size_t i, n = c->ment.len;
    if (kh_vec_reserve(&doc->clusters, sizeof(khabar_cluster), c->info.len) != 0)
        return -1;
    kh_sort(c->ment.data, n, sizeof(khabar_mention), by_cluster);
    /* The doc's mention array is the sorted one. */
    doc->mentions = c->ment;
    memset(&c->ment, 0, sizeof c->ment);
    m = doc->mentions.data;
    for (i = 0; i < c->info.len; i++) {
        khabar_cluster *k = (khabar_cluster *)doc->clusters.data + i;
        int t, best = KHABAR_ENT_PER;
        unsigned top = 0;
        memset(k, 0, sizeof *k);
        for (t = 1; t <= 4; t++)
            if (ci[i].votes[t] > top) {
                top = ci[i].votes[t];
                best = t;
            }
        k->type = best;
        k->name_start = c->ent[ci[i].best].start; /* (ويلفريد: the
                                                     entity's letter) */
        k->name_end = c->ent[ci[i].best].end;
        k->first_mention = SIZE_MAX;
    }
    doc->clusters.len = c->info.len;
    for (i = 0; i < n; i++) {
        khabar_cluster *k = (khabar_cluster *)doc->clusters.data + m[i].cluster;
        if (k->first_mention == SIZE_MAX)
            k->first_mention = i;
        k->n_mentions++;
        if (m[i].kind == KHABAR_MENTION_NAME)
            k->n_names++;
    }
    /* Mentions by position, for kh_cluster_at. */
    if (kh_vec_reserve(&doc->mention_order, sizeof(pos_ref), n) != 0)
        return -1;
    {
        pos_ref *o = doc->mention_order.data;
        for (i = 0; i < n; i++) {
            o[i].start = m[i].start;
            o[i].index = i;
        }
        doc->mention_order.len = n;
        kh_sort(o, n, sizeof *o, by_start);
    }
    return 0;
}

int kh_coref(khabar_doc *doc)
{
    coref c;
    size_t n = doc->tokens.len, i, e;
    size_t *first = NULL;
    int rc = -1;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.tk = doc->tokens.data;
    c.ent = doc->entities.data;
    c.n_ent = doc->entities.len;
    c.last_person = SIZE_MAX;
    heads_init(&c);
    if (kh_vec_reserve(&doc->entity_cluster, sizeof(size_t), c.n_ent) != 0)
        return -1;
    doc->entity_cluster.len = c.n_ent;
    if (!doc->token_words || n == 0)
        return 0;
    c.ent_at = calloc(n, sizeof *c.ent_at);
    c.busy = calloc(n, 1);
    first = sentence_starts(doc);
    if (!c.ent_at || !c.busy || !first)
        goto out;
    for (e = 0; e < c.n_ent; e++)
        if (c.ent[e].first_token < n)
            c.ent_at[c.ent[e].first_token] = e + 1;
    for (i = 0; i < n; i++) {
        if (c.ent_at[i]) {
            if (do_entity(&c, c.ent_at[i] - 1, first[i]) != 0)
                goto out;
            continue;
        }
        if (c.busy[i] || c.tk[i].kind != KHABAR_TOK_ARABIC)
            continue;
        if (do_pronoun(&c, i) != 0)
            goto out;
        if (is_head(&c, i) && do_description(&c, i, n) != 0)
            goto out;
    }
    rc = finish(&c);
out:
    free(c.ent_at);
    free(c.busy);
    free(first);
    free(c.map.s);
    kh_vec_free(&c.info);
    kh_vec_free(&c.ment);
    return rc;
}

/* The first mention (in doc->mention_order) that starts at or after
 * start. */
static size_t first_from(const khabar_doc *doc, size_t start)
{
    const pos_ref *o = doc->mention_order.data;
    size_t lo = 0, hi = doc->mention_order.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (o[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int is_person(const khabar_doc *doc, size_t cluster)
{
    return ((const khabar_cluster *)doc->clusters.data)[cluster].type ==
           KHABAR_ENT_PER;
}

/* The token right before a name mention's entity, or SIZE_MAX when it
 * has none (or the mention no entity). */
static size_t token_before(const khabar_doc *doc, const khabar_mention *name)
{
    const khabar_entity *en = doc->entities.data;
    if (name->entity >= doc->entities.len || en[name->entity].first_token == 0)
        return SIZE_MAX;
    return en[name->entity].first_token - 1;
}

/* Whether token ti, right before a name in a phrase that begins before
 * it, is a common noun that the name completes: indefinite, without
 * clitics, no title word nor a first name the gazetteer knows, nor a word
 * of what the person said (مصدر في القنصلية مقتل خاشقجي: the killing of;
 * مسؤول في حملة ترامب; not المتطوعة أمل ناصر, نص بيان ترامب). A title's
 * last word before the name has the article, or is a place or a name
 * (وزير الخارجية, مدير المكتب في موسكو), or a word of a rank (الفريق
 * أول ركن). */
static int construct_with(const khabar_doc *doc, size_t ti)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *w = doc->words.data, *h;
    unsigned pre;
    char k[MAX_KEY];
    size_t n, i;
    if (tk[ti].kind != KHABAR_TOK_ARABIC || doc_definite(doc, ti))
        return 0;
    h = kh_doc_host(doc, ti, &pre);
    if (pre || h->upos != KHABAR_UPOS_NOUN)
        return 0;
    for (i = doc->token_words[ti]; i < doc->token_words[ti + 1]; i++) {
        if (w[i].role == KHABAR_WORD_ENCLITIC)
            return 0; /* خطيبته خديجة: his fiancée, who */
    }
    if (gaz_first_name(doc, h))
        return 0;
    n = doc_word_key(doc, ti, 1, k);
    if (in_list(title_heads, k, n) || in_list(honorifics, k, n) ||
        in_list(said_heads, k, n) || in_list(rank_words, k, n))
        return 0;
    if (ti > 0 && tk[ti - 1].kind == KHABAR_TOK_ARABIC &&
        !team_noun(doc, ti - 1)) {
        /* after a title or an honorific, a first name the gazetteer does
         * not know (الدكتورة إرادة الجبوري); but after فريق, the team,
         * the team's noun (فريق حملة ترامب) */
        n = doc_word_key(doc, ti - 1, 1, k);
        if (in_list(title_heads, k, n) || in_list(honorifics, k, n))
            return 0;
    }
    return 1;
}

/* The first token that starts at or after byte pos (tokens.len if none). */
static size_t token_from(const khabar_doc *doc, size_t pos)
{
    const khabar_token *tk = doc->tokens.data;
    size_t lo = 0, hi = doc->tokens.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tk[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The token that holds byte pos, the last one starting at or before it
 * (a mention may start after its first token's proclitics: وعمدة). */
static size_t token_at(const khabar_doc *doc, size_t pos)
{
    size_t t = token_from(doc, pos + 1);
    return t > 0 ? t - 1 : 0;
}

/* The title mention of a name's cluster that ends right before it (see
 * kh_titled), or NULL. */
static const khabar_mention *title_of(const khabar_doc *doc,
                                      const khabar_mention *name)
{
    const pos_ref *o = doc->mention_order.data;
    const khabar_mention *m = doc->mentions.data, *t = NULL;
    size_t i = first_from(doc, name->start > 512 ? name->start - 512 : 0);
    for (; i < doc->mention_order.len && o[i].start < name->start; i++) {
        const khabar_mention *x = &m[o[i].index];
        if (x->kind == KHABAR_MENTION_TITLE && x->cluster == name->cluster &&
            x->end <= name->start && name->start - x->end <= 2)
            t = x;
    }
    return t;
}

/* Whether token ti is a word of an entity (entities are in input
 * order). */
static int in_entity(const khabar_doc *doc, size_t ti)
{
    const khabar_entity *en = doc->entities.data;
    size_t lo = 0, hi = doc->entities.len;
    while (lo < hi) { /* the first entity ending after ti */
        size_t mid = lo + (hi - lo) / 2;
        if (en[mid].first_token + en[mid].n_tokens <= ti)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->entities.len && en[lo].first_token <= ti;
}

/* Whether the word before a name inside the phrase from start, with a
 * word before it, is one the name completes (construct_with); or the word
 * before the name's title, which the title and name complete (مسؤول في
 * حملة المرشح الجمهوري ترامب: the candidate's campaign; for a title
 * mention, the word before it), unless that word is a name's (جامعة
 * الملك عبدالعزيز الدكتور X: a title that begins inside a name). */
static int name_completes(const khabar_doc *doc, size_t start,
                          const khabar_mention *name)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_mention *title = name;
    size_t ti;
    if (name->kind != KHABAR_MENTION_TITLE) {
        ti = token_before(doc, name);
        if (ti != SIZE_MAX && tk[ti].start > start && construct_with(doc, ti))
            return 1;
        title = title_of(doc, name);
    }
    if (!title || title->start <= start)
        return 0;
    ti = token_at(doc, title->start);
    return ti > 0 && ti < doc->tokens.len && tk[ti - 1].start > start &&
           !in_entity(doc, ti - 1) && construct_with(doc, ti - 1);
}

/* Whether the phrase [start, name's start) starts with a head that the
 * name (or title) completes (عائلة الناشط يحيى شربجي: the family speaks, not the man). */
static int completes(const khabar_doc *doc, size_t start,
                     const khabar_mention *name)
{
    const khabar_token *tk = doc->tokens.data;
    size_t lo, n;
    char k[MAX_KEY];
    if (name->start <= start)
        return 0;
    lo = token_from(doc, start);
    if (lo >= doc->tokens.len || tk[lo].start >= name->start ||
        tk[lo].kind != KHABAR_TOK_ARABIC)
        return 0;
    n = doc_word_key(doc, lo, 0, k); /* المحامي X is the lawyer X */
    return in_list(relational_heads, k, n);
}

size_t kh_cluster_at(const khabar_doc *doc, size_t start, size_t end)
{
    const pos_ref *o = doc->mention_order.data;
    const khabar_mention *m = doc->mentions.data;
    size_t lo = first_from(doc, start), i, person = SIZE_MAX;
    /* A mention that is the span, or a person named inside it (مدير مكتب
     * الجزيرة في موسكو زاور شوج), unless as whose family or office
     * (عائلة الناشط يحيى) or a noun the name completes (مقتل خاشقجي);
     * not a place or an organization that is only part of it (مراسل
     * الجزيرة is not الجزيرة). */
    for (i = lo; i < doc->mention_order.len && o[i].start < end; i++) {
        const khabar_mention *x = &m[o[i].index];
        if (x->start == start && x->end == end)
            return x->cluster;
        if (x->end <= end && person == SIZE_MAX &&
            is_person(doc, x->cluster) && !completes(doc, start, x) &&
            !name_completes(doc, start, x))
            person = x->cluster;
    }
    if (person != SIZE_MAX)
        return person;
    /* A mention the span is inside (mentions nest little: look back a few). */
    for (i = lo; i > 0 && lo - i < 8; i--) {
        const khabar_mention *x = &m[o[i - 1].index];
        if (x->start <= start && x->end >= end)
            return x->cluster;
    }
    return SIZE_MAX;
}

/* Whether a token in the input's bytes [a, b) has a pronoun suffix. */
static int enclitic_in(const khabar_doc *doc, size_t a, size_t b)
{
    const khabar_token *tk = doc->tokens.data;
    const khabar_word *w = doc->words.data;
    size_t t, i;
    for (t = token_from(doc, a); t < doc->tokens.len && tk[t].start < b; t++) {
        for (i = doc->token_words[t]; i < doc->token_words[t + 1]; i++) {
            if (w[i].role == KHABAR_WORD_ENCLITIC)
                return 1;
        }
    }
    return 0;
}

/* Whether the phrase [start, name's start) before a person's name is the
 * person's title (وزير الخارجية سيرغي لافروف, المتحدث باسم الديوان المقدم
 * سامي الورغي), not a word the name completes (محامي ترامب, Trump's
 * lawyer, مكتب نتنياهو): a phrase of one word must be a title word or
 * have the article. */
static int title_before(const khabar_doc *doc, size_t start,
                        const khabar_mention *name)
{
    const khabar_token *tk = doc->tokens.data;
    size_t ti = token_before(doc, name), n;
    char k[MAX_KEY];
    if (ti == SIZE_MAX)
        return 1;
    if (tk[ti].start > start) /* more than one word */
        return !completes(doc, start, name) && !name_completes(doc, start, name);
    if (tk[ti].kind != KHABAR_TOK_ARABIC)
        return 1;
    if (doc_definite(doc, ti))
        return 1; /* in apposition: المحامي لورانس, الأميرال حبيب الله */
    n = doc_word_key(doc, ti, 1, k);
    return in_list(title_heads, k, n);
}

int kh_titled(const khabar_doc *doc, size_t name_start)
{
    const pos_ref *o = doc->mention_order.data;
    const khabar_mention *m = doc->mentions.data;
    size_t i = first_from(doc, name_start > 512 ? name_start - 512 : 0);
    for (; i < doc->mention_order.len && o[i].start < name_start; i++) {
        const khabar_mention *x = &m[o[i].index];
        if (x->kind == KHABAR_MENTION_TITLE && x->end <= name_start &&
            name_start - x->end <= 2)
            return 1;
    }
    return 0;
}

/* Whether mention x ends at byte end, or its last token does: a name's
 * last word in ه that the segmenter read as a word and a pronoun ends
 * before the ه (أنيته فالتر إربه, the name's bytes end at إرب). */
static int ends_at(const khabar_doc *doc, const khabar_mention *x,
                   size_t end)
{
    const khabar_token *tk = doc->tokens.data;
    return x->end == end ||
           (x->end > x->start && x->end < end &&
            tk[token_at(doc, x->end - 1)].end == end);
}

int kh_person_at_end(const khabar_doc *doc, size_t start, size_t end,
                     size_t *name_start)
{
    const pos_ref *o = doc->mention_order.data;
    const khabar_mention *m = doc->mentions.data;
    size_t i;
    for (i = first_from(doc, start); i < doc->mention_order.len &&
                                     o[i].start < end; i++) {
        const khabar_mention *x = &m[o[i].index];
        if (x->kind == KHABAR_MENTION_NAME && x->start == start &&
            is_person(doc, x->cluster))
            return 0; /* the phrase begins with a name: رأفت الصباغ
                         المتحدث باسم مركز الملك سلمان */
        if (x->kind == KHABAR_MENTION_NAME && x->end < end &&
            is_person(doc, x->cluster) && enclitic_in(doc, x->end, end))
            return 0; /* a name, then its verb's object: القنصل محمد
                         العتيبي (نفى) علمه بمكان خاشقجي */
        if (x->kind == KHABAR_MENTION_NAME && ends_at(doc, x, end) &&
            x->start > start && is_person(doc, x->cluster) &&
            title_before(doc, start, x)) {
            *name_start = x->start;
            return 1;
        }
    }
    return 0;
}

/* The gender a title's head token ti says: its word as written ends in ة
 * (الوزيرة, رئيسة; not عمدة nor داعية, a man's titles too): 2; a title
 * word without it (الوزير, نظيره): 1; else 0. */
static int head_gender(const khabar_doc *doc, size_t ti)
{
    const khabar_token *tk = doc->tokens.data;
    const char *t = doc->text + tk[ti].start;
    size_t len = tk[ti].end - tk[ti].start, n;
    char k[MAX_KEY];
    if (tk[ti].kind != KHABAR_TOK_ARABIC)
        return 0;
    n = doc_word_key(doc, ti, 1, k);
    if (in_list(epicene_heads, k, n))
        return 0;
    if (len >= 2 && memcmp(t + len - 2, "ة", 2) == 0)
        return 2;
    return in_list(title_heads, k, n) ? 1 : 0;
}

int kh_cluster_gender(const khabar_doc *doc, size_t cluster)
{
    const khabar_cluster *c;
    const khabar_mention *m = doc->mentions.data;
    size_t i;
    int seen = 0;
    if (cluster >= doc->clusters.len)
        return 0;
    c = (const khabar_cluster *)doc->clusters.data + cluster;
    for (i = c->first_mention; i < c->first_mention + c->n_mentions &&
                               i < doc->mentions.len; i++) {
        size_t ti;
        if (m[i].kind != KHABAR_MENTION_TITLE)
            continue;
        ti = token_at(doc, m[i].start);
        if (ti < doc->tokens.len)
            seen |= 1 << head_gender(doc, ti);
    }
    seen &= 6; /* 2: a man's title, 4: a woman's */
    return seen == 4 ? 2 : seen == 2 ? 1 : 0;
}

const char *khabar_mention_kind_name(khabar_mention_kind kind)
{
    switch (kind) {
    case KHABAR_MENTION_NAME: return "name";
    case KHABAR_MENTION_TITLE: return "title";
    case KHABAR_MENTION_DESCRIPTION: return "description";
    case KHABAR_MENTION_PRONOUN: return "pronoun";
    default: return "?";
    }
}
