/*
 * query.c - a search query as an FTS5 expression (see query.h).
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

/* Words too common to search for on their own: prepositions,
 * conjunctions, particles, pronouns, demonstratives, relatives. */
static const char common_words[] =
    "في من على الى إلى عن مع ان أن إن او أو ثم لا لم لن ما ماذا هل قد "
    "كان كانت يكون تكون هذا هذه ذلك تلك هؤلاء هنا هناك الذي التي الذين "
    "اللذان اللتان اللواتي هو هي هم هن هما انا أنا نحن انت أنت كل بعض "
    "غير بين حتى منذ عند لدى قبل بعد خلال حول ضد عبر تحت فوق امام أمام "
    "وراء دون الا إلا لكن بل اذا إذا لو كما حيث ايضا أيضا فقط و ف ب ل ك "
    "يا اي أي كيف متى اين أين لماذا وقد ولا وما وهو وهي وكان";

/* Letters a prefix's stem must have. */
#define PREFIX_MIN 3

struct query_ctx {
    char *stems;   /* NUL-separated terms of the common words */
    size_t len;
    khabar_fts_analyzer *an;  /* the tokenizer's analysis, and its cache */
    khabar_fts_terms *terms;  /* scratch */
};

typedef struct buf {
    char *s;
    size_t len, cap;
    int failed;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        char *ns;
        while (cap < b->len + n + 1)
            cap *= 2;
        ns = realloc(b->s, cap);
        if (!ns) {
            b->failed = 1;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* Calls fn for each index term of text, as the khabar tokenizer makes it
 * (the same terms the documents were indexed with). Returns the number of
 * terms, or -1 on failure. */
static long each_term(query_ctx *q, const char *text, size_t n,
                      void (*fn)(void *, const char *, size_t), void *ctx)
{
    size_t i, len;
    if (khabar_fts_analyze(q->an, text, n, q->terms) != SQLITE_OK)
        return -1;
    for (i = 0; fn && i < khabar_fts_terms_count(q->terms); i++) {
        const char *t = khabar_fts_term(q->terms, i, &len);
        fn(ctx, t, len);
    }
    return (long)khabar_fts_terms_count(q->terms);
}

static void add_stem(void *ctx, const char *s, size_t n)
{
    buf *b = ctx;
    put(b, s, n);
    put(b, "", 1);
}

query_ctx *query_ctx_new(const khabar_model *model)
{
    query_ctx *q = calloc(1, sizeof *q);
    buf b = {0};
    if (!q)
        return NULL;
    q->an = khabar_fts_analyzer_new(model);
    q->terms = khabar_fts_terms_new();
    if (!q->an || !q->terms ||
        each_term(q, common_words, strlen(common_words), add_stem, &b) < 0 ||
        b.failed) {
        free(b.s);
        query_ctx_free(q);
        return NULL;
    }
    q->stems = b.s;
    q->len = b.len;
    return q;
}

void query_ctx_free(query_ctx *q)
{
    if (!q)
        return;
    khabar_fts_analyzer_free(q->an);
    khabar_fts_terms_free(q->terms);
    free(q->stems);
    free(q);
}

typedef struct stop_count {
    const query_ctx *q;
    long common;
    size_t last_chars; /* code points of the last stem */
} stop_count;

static void count_common(void *ctx, const char *s, size_t n)
{
    stop_count *c = ctx;
    size_t i, j;
    for (j = c->last_chars = 0; j < n; j++)
        c->last_chars += ((unsigned char)s[j] & 0xC0) != 0x80;
    for (i = 0; i < c->q->len;) {
        size_t k = strlen(c->q->stems + i);
        if (k == n && !memcmp(c->q->stems + i, s, n)) {
            c->common++;
            return;
        }
        i += k + 1;
    }
}

/* A term of the query. */
typedef struct term {
    char *text;     /* its words */
    int phrase, prefix, negative, or_before;
    int words, common; /* tokens, and how many are common words */
} term;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Splits text into terms; returns the count, or -1 (memory). */
static long split(const char *text, term **out)
{
    size_t n = strlen(text), i = 0;
    long count = 0, cap = 0;
    term *t = NULL;
    int negate = 0, or_next = 0;
    while (i < n) {
        size_t a, e;
        int phrase = 0, prefix = 0;
        term *nt;
        while (i < n && is_space(text[i]))
            i++;
        if (i >= n)
            break;
        if (text[i] == '"') {
            const char *q = strchr(text + i + 1, '"');
            a = i + 1;
            e = q ? (size_t)(q - text) : n;
            i = q ? e + 1 : n;
            phrase = 1;
        } else {
            a = i;
            while (i < n && !is_space(text[i]))
                i++;
            e = i;
            if (e - a == 2 && !memcmp(text + a, "OR", 2)) {
                or_next = count > 0;
                continue;
            }
            if (e - a == 3 && !memcmp(text + a, "NOT", 3)) {
                negate = 1;
                continue;
            }
            if (e - a == 3 && !memcmp(text + a, "AND", 3))
                continue;
            if (text[a] == '-') {
                negate = 1;
                a++;
            }
            while (a < e && (text[a] == '*' || text[a] == '"' ||
                             text[a] == '('))
                a++;
            while (e > a && (text[e - 1] == '"' || text[e - 1] == ')'))
                e--;
            if (e > a && text[e - 1] == '*') {
                prefix = 1;
                while (e > a && text[e - 1] == '*')
                    e--;
            }
        }
        if (e <= a) {
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 8;
            nt = realloc(t, (size_t)cap * sizeof *nt);
            if (!nt)
                goto fail;
            t = nt;
        }
        memset(&t[count], 0, sizeof *t);
        t[count].text = malloc(e - a + 1);
        if (!t[count].text)
            goto fail;
        memcpy(t[count].text, text + a, e - a);
        t[count].text[e - a] = 0;
        t[count].phrase = phrase;
        t[count].prefix = prefix;
        t[count].negative = negate;
        t[count].or_before = or_next && !negate;
        negate = or_next = 0;
        count++;
    }
    *out = t;
    return count;
fail:
    while (count > 0)
        free(t[--count].text);
    free(t);
    return -1;
}

/* Appends a term as an FTS5 string: double quotes doubled. */
static void put_term(buf *b, const term *t)
{
    const char *s;
    puts_(b, "\"");
    for (s = t->text; *s; s++) {
        if (*s == '"')
            puts_(b, "\"\"");
        else
            put(b, s, 1);
    }
    puts_(b, t->prefix ? "\"*" : "\"");
}

int query_build(query_ctx *q, const char *text, char **fts,
                const char **why)
{
    term *t = NULL;
    long n = split(text, &t), i, pos = 0, neg = 0, content = 0;
    buf b = {0};
    int first, rc = -1;
    *fts = NULL;
    *why = "out of memory";
    if (n < 0)
        return -1;
    for (i = 0; i < n; i++) {
        stop_count c = {q, 0, 0};
        long w = each_term(q, t[i].text, strlen(t[i].text), count_common,
                           &c);
        if (w < 0)
            goto done;
        if (t[i].prefix && w > 0 && c.last_chars < PREFIX_MIN) {
            /* ال* or الأن* would be ان*: half the collection */
            *why = "a prefix needs three letters or more besides the "
                   "article and clitics (سوري*, not ال*)";
            goto done;
        }
        t[i].words = (int)w;
        t[i].common = (int)c.common;
        if (!w)
            continue;
        if (t[i].negative)
            neg++;
        else {
            pos++;
            /* a phrase or prefix is meant as typed */
            content += t[i].common < w || t[i].phrase || t[i].prefix;
        }
    }
    if (pos == 0) {
        *why = neg ? "a query needs a word to find, not only words to leave "
                     "out"
                   : "nothing to search for: the query has no words";
        goto done;
    }
    if (content == 0) {
        *why = "nothing to search for: the query has only common words "
               "(في، من، على ...), which nearly every article holds";
        goto done;
    }
    /* ((a OR b) AND c) NOT (d OR e) */
    puts_(&b, "(");
    first = 1;
    for (i = 0; i < n; i++) {
        int drop = t[i].negative || !t[i].words ||
                   (t[i].common == t[i].words && !t[i].phrase &&
                    !t[i].prefix);
        if (drop)
            continue;
        if (!first)
            puts_(&b, t[i].or_before ? " OR " : ") AND (");
        put_term(&b, &t[i]);
        first = 0;
    }
    puts_(&b, ")");
    if (neg) {
        puts_(&b, " NOT (");
        first = 1;
        for (i = 0; i < n; i++) {
            if (!t[i].negative || !t[i].words)
                continue;
            if (!first)
                puts_(&b, " OR ");
            put_term(&b, &t[i]);
            first = 0;
        }
        puts_(&b, ")");
    }
    if (b.failed)
        goto done;
    *fts = b.s;
    b.s = NULL;
    rc = 0;
done:
    free(b.s);
    for (i = 0; i < n; i++)
        free(t[i].text);
    free(t);
    return rc;
}
