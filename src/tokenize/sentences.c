/*
 * sentences.c - the sentence stage: groups tokens into sentences.
 *
 * Rules, in order:
 *   1. A line break ends a sentence, so a heading, a sub-heading or a byline
 *      on its own line is a sentence of its own; except after a comma or a
 *      semicolon (، , ؛ ;), where the line was wrapped mid-sentence and no
 *      empty line follows.
 *   2. Inside a line, . ! ? ؟ … (and runs of them) end a sentence, together
 *      with the closing quotes and brackets right after them,
 *   3. except inside a quotation that closes within the same line (an
 *      unclosed quotation mark does not swallow the rest of the line),
 *   4. and except a full stop after an abbreviation: a single letter (د.
 *      أ. U.), a known Latin abbreviation (Dr. etc.), or a list number at
 *      the start of a line (1.).
 * Numbers (3.5), dates (20.10.2015) and dotted abbreviations (أ.ف.ب, U.S.)
 * are single tokens, so they are never split.
 */
#include "tokenize.h"

#include <string.h>

#include "../core/doc.h"
#include "../text/utf8.h"

/* The single code point of a token, or 0 when it has more than one. */
static uint32_t single_cp(const khabar_doc *doc, const khabar_token *t)
{
    uint32_t cp;
    int diag;
    size_t w;
    if (t->end <= t->start)
        return 0;
    w = kh_utf8_next((const unsigned char *)doc->text + t->start,
                     (const unsigned char *)doc->text + t->end, &cp, &diag);
    if (diag || t->start + w != t->end)
        return 0;
    return cp;
}

static int is_terminal(const khabar_doc *doc, const khabar_token *t)
{
    uint32_t cp;
    if (t->kind != KHABAR_TOK_PUNCT)
        return 0;
    if (t->end - t->start >= 2 && doc->text[t->start] == '.')
        return 1; /* .. ... */
    cp = single_cp(doc, t);
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F ||
           cp == 0x2026 || cp == 0x06D4 || cp == 0x203C || cp == 0x2047 ||
           cp == 0x2048 || cp == 0x2049;
}

static int is_closer(uint32_t cp)
{
    return cp == 0xBB || cp == 0x201D || cp == 0x2033 || cp == 0x2019 ||
           cp == '"' ||
           cp == '\'' || cp == ')' || cp == ']' || cp == '}' || cp == 0x203A;
}

static int is_continuation(uint32_t cp)
{
    return cp == ',' || cp == 0x060C || cp == ';' || cp == 0x061B;
}

static const char *const latin_abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co",
    "corp", "vs", "etc", "no", "gen", "col", "lt", "sgt", "rep", "sen", "gov",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "fig", "vol", "pp", "approx", "dept", "est", NULL};

static int is_latin_abbrev(const khabar_doc *doc, const khabar_token *t)
{
    size_t n = t->end - t->start, i, k;
    char low[8];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (i = 0; i < n; i++) {
        char c = doc->text[t->start + i];
        low[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    low[n] = 0;
    for (k = 0; latin_abbrevs[k]; k++) {
        if (strcmp(low, latin_abbrevs[k]) == 0)
            return 1;
    }
    return 0;
}

/* Whether the full stop at token i is part of an abbreviation. */
static int dot_is_abbreviation(const khabar_doc *doc, const khabar_token *tk,
                               size_t line_start, size_t i)
{
    const khabar_token *prev;
    uint32_t cp;
    if (i == line_start)
        return 0;
    prev = &tk[i - 1];
    if (prev->end != tk[i].start)
        return 0; /* "word ." is a full stop */
    if (prev->kind == KHABAR_TOK_NUMBER && i - 1 == line_start)
        return 1; /* 1. at the start of a list line */
    if (prev->kind == KHABAR_TOK_LATIN)
        return is_latin_abbrev(doc, prev) || single_cp(doc, prev) != 0;
    if (prev->kind != KHABAR_TOK_ARABIC)
        return 0;
    cp = single_cp(doc, prev);
    if (!cp) {
        /* هـ (Hijri) is a letter and a tatweel. */
        if (prev->end - prev->start == 4 &&
            memcmp(doc->text + prev->start, "\xd9\x87\xd9\x80", 4) == 0)
            cp = 0x0647;
        else
            return 0;
    }
    /* م (AD) and هـ (AH) after a year end sentences as often as not. */
    if ((cp == 0x0645 || cp == 0x0647) && i >= line_start + 2 &&
        tk[i - 2].kind == KHABAR_TOK_NUMBER)
        return 0;
    return 1;
}

/* Marks tokens inside a matched quotation on the line [a, b): depth[k] > 0
 * for tokens strictly between an opening mark and its closing mark. Quotes
 * pair «» “” and ASCII " (an opening " follows a space or the line's start).
 * Uses stack[] (b - a entries). */
static void quote_depths(const khabar_doc *doc, const khabar_token *tk,
                         size_t a, size_t b, int *depth, size_t *stack)
{
    size_t top = 0, k;
    memset(depth, 0, (b - a + 1) * sizeof *depth);
    for (k = a; k < b; k++) {
        uint32_t cp;
        int open = 0, close = 0;
        if (tk[k].kind != KHABAR_TOK_PUNCT)
            continue;
        cp = single_cp(doc, &tk[k]);
        if (cp == 0xAB || cp == 0x201C)
            open = 1;
        else if (cp == 0xBB || cp == 0x201D || cp == 0x2033)
            close = 1; /* ″ (double prime) closes “ in some scraped news */
        else if (cp == '"') {
            int space_before = k == a || tk[k - 1].end != tk[k].start;
            int space_after = k + 1 == b || tk[k].end != tk[k + 1].start;
            uint32_t top_cp =
                top ? single_cp(doc, &tk[stack[top - 1]]) : 0;
            if (top_cp == '"' && !(space_before && !space_after))
                close = 1;
            else if (space_before || !space_after)
                open = 1;
            else
                close = 1;
        }
        if (open) {
            stack[top++] = k;
        } else if (close && top) {
            uint32_t o = single_cp(doc, &tk[stack[top - 1]]);
            int match = (cp == 0xBB && o == 0xAB) ||
                        ((cp == 0x201D || cp == 0x2033) && o == 0x201C) ||
                        (cp == '"' && o == '"');
            if (match) {
                size_t from = stack[--top];
                depth[from + 1 - a]++;
                depth[k - a]--;
            }
        }
    }
    for (k = 1; k <= b - a; k++)
        depth[k] += depth[k - 1];
}

static int add_sentence(khabar_doc *doc, size_t first, size_t last)
{
    const khabar_token *tk = doc->tokens.data;
    khabar_sentence *s = kh_vec_push(&doc->sentences, sizeof *s);
    if (!s)
        return -1;
    s->first_token = first;
    s->n_tokens = last - first + 1;
    s->start = tk[first].start;
    s->end = tk[last].end;
    return 0;
}

int kh_sentences(khabar_doc *doc)
{
    const khabar_token *tk = doc->tokens.data;
    size_t n = doc->tokens.len, a = 0, first = 0;
    kh_vec depth_v = {0}, stack_v = {0};
    int rc = 0;
    while (a < n && rc == 0) {
        /* The line [a, b); first is where the open sentence began (in an
         * earlier line when that line was wrapped). */
        size_t b = a, i;
        int *depth;
        while (b < n && !(tk[b].flags & KHABAR_TOKEN_NEWLINE_AFTER))
            b++;
        b = b < n ? b + 1 : n;
        depth_v.len = stack_v.len = 0;
        if (kh_vec_reserve(&depth_v, sizeof(int), b - a + 1) != 0 ||
            kh_vec_reserve(&stack_v, sizeof(size_t), b - a + 1) != 0) {
            rc = -1;
            break;
        }
        depth = depth_v.data;
        quote_depths(doc, tk, a, b, depth, stack_v.data);
        for (i = a; i < b && rc == 0 && !doc->pretokenized; i++) {
            size_t j;
            if (depth[i - a] > 0 || !is_terminal(doc, &tk[i]))
                continue;
            if (single_cp(doc, &tk[i]) == '.' &&
                dot_is_abbreviation(doc, tk, a, i))
                continue;
            /* Take the run of terminals and closing marks after it. */
            j = i;
            while (j + 1 < b &&
                   (is_terminal(doc, &tk[j + 1]) ||
                    (tk[j + 1].kind == KHABAR_TOK_PUNCT &&
                     is_closer(single_cp(doc, &tk[j + 1])))))
                j++;
            if (j + 1 < b) {
                rc = add_sentence(doc, first, j);
                first = j + 1;
            }
            i = j;
        }
        if (rc)
            break;
        /* The line's end ends the sentence, unless it was wrapped. */
        if (doc->pretokenized || !(b < n && !(tk[b - 1].flags & KHABAR_TOKEN_PARAGRAPH_AFTER) &&
              tk[b - 1].kind == KHABAR_TOK_PUNCT &&
              is_continuation(single_cp(doc, &tk[b - 1])))) {
            rc = add_sentence(doc, first, b - 1);
            first = b;
        }
        a = b;
    }
    kh_vec_free(&depth_v);
    kh_vec_free(&stack_v);
    return rc;
}
