/* treebank.c - reading CoNLL-U treebanks with multiword tokens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

#define GROW(v, n, cap)                                                      \
    do {                                                                     \
        if ((n) == (cap)) {                                                  \
            (cap) = (cap) ? 2 * (cap) : 1024;                                \
            (v) = realloc((v), (cap) * sizeof *(v));                         \
            if (!(v))                                                        \
                die("out of memory");                                        \
        }                                                                    \
    } while (0)

static void copy_field(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

/* Splits a line into at most 10 tab-separated fields. */
static int fields(char *line, char **f, size_t *len)
{
    int n = 0;
    char *p = line;
    while (n < 10) {
        char *t = strchr(p, '\t');
        f[n] = p;
        len[n] = t ? (size_t)(t - p) : strlen(p);
        n++;
        if (!t)
            break;
        p = t + 1;
    }
    return n;
}

static void misc_value(const char *misc, size_t n, const char *key, char *out,
                       size_t cap)
{
    size_t k = strlen(key), i = 0;
    out[0] = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && misc[j] != '|')
            j++;
        if (j - i > k && !strncmp(misc + i, key, k) && misc[i + k] == '=') {
            copy_field(out, cap, misc + i + k + 1, j - i - k - 1);
            return;
        }
        i = j + 1;
    }
}

int tb_read(treebank *tb, const char *path)
{
    size_t len, pos = 0, cap_s = 0, cap_t = 0, cap_w = 0;
    char *text = read_file(path, &len);
    long range_end = 0;
    int in_sentence = 0;
    size_t *word_token; /* token of each word, fixed up at the end */
    size_t cap_wt = 0;
    memset(tb, 0, sizeof *tb);
    word_token = NULL;
    while (pos < len) {
        char *line = text + pos, *nl = strchr(line, '\n'), *f[10];
        size_t fl[10];
        int nf;
        long id;
        char *dash;
        if (nl)
            *nl = 0;
        pos = nl ? (size_t)(nl - text) + 1 : len;
        if (line[0] == 0) {
            in_sentence = 0;
            range_end = 0;
            continue;
        }
        if (!in_sentence) {
            GROW(tb->sentences, tb->n_sentences, cap_s);
            memset(&tb->sentences[tb->n_sentences], 0, sizeof(tb_sentence));
            tb->sentences[tb->n_sentences].first = tb->n_tokens;
            tb->n_sentences++;
            in_sentence = 1;
        }
        if (line[0] == '#') {
            if (!strncmp(line, "# text = ", 9))
                copy_field(tb->sentences[tb->n_sentences - 1].text, 4096,
                           line + 9, strlen(line + 9));
            continue;
        }
        nf = fields(line, f, fl);
        if (nf < 10)
            continue;
        id = strtol(f[0], &dash, 10);
        if (*dash == '.')
            continue; /* empty nodes */
        if (*dash == '-') {
            tb_token *t;
            GROW(tb->tokens, tb->n_tokens, cap_t);
            t = &tb->tokens[tb->n_tokens++];
            memset(t, 0, sizeof *t);
            copy_field(t->surface, sizeof t->surface, f[1], fl[1]);
            range_end = strtol(dash + 1, NULL, 10);
            tb->sentences[tb->n_sentences - 1].n_tokens++;
            continue;
        }
        GROW(tb->words, tb->n_words, cap_w);
        GROW(word_token, tb->n_words, cap_wt);
        {
            tb_word *w = &tb->words[tb->n_words];
            memset(w, 0, sizeof *w);
            copy_field(w->form, sizeof w->form, f[1], fl[1]);
            copy_field(w->lemma, sizeof w->lemma, f[2], fl[2]);
            copy_field(w->upos, sizeof w->upos, f[3], fl[3]);
            misc_value(f[9], fl[9], "Restored", w->restored,
                       sizeof w->restored);
            w->space_after = strstr(f[9], "SpaceAfter=No") == NULL;
            w->tag_guess = strstr(f[9], "TagGuess=Yes") != NULL;
        }
        if (range_end && id <= range_end) {
            word_token[tb->n_words] = tb->n_tokens - 1;
            tb->tokens[tb->n_tokens - 1].n_words++;
        } else {
            tb_token *t;
            range_end = 0;
            GROW(tb->tokens, tb->n_tokens, cap_t);
            t = &tb->tokens[tb->n_tokens++];
            memset(t, 0, sizeof *t);
            copy_field(t->surface, sizeof t->surface, f[1], fl[1]);
            t->n_words = 1;
            word_token[tb->n_words] = tb->n_tokens - 1;
            tb->sentences[tb->n_sentences - 1].n_tokens++;
        }
        tb->n_words++;
    }
    /* Point each token at its first word now that the arrays are final. */
    {
        size_t i;
        for (i = tb->n_words; i-- > 0;)
            tb->tokens[word_token[i]].words = &tb->words[i];
    }
    free(word_token);
    free(text);
    return 0;
}

void tb_free(treebank *tb)
{
    free(tb->sentences);
    free(tb->tokens);
    free(tb->words);
    memset(tb, 0, sizeof *tb);
}
