/*
 * words.c - the words stage: each token becomes one or more words (clitic
 * segmentation), each with a restored form, a lemma and a root, and each
 * token a search stem on its host.
 *
 * Arabic tokens go through the segmenter (segment.c) when the model has one;
 * a number with a percent sign is two words (20 + %), as in UD; every other
 * token is one word. In the fine scheme the host is split further into the
 * article, a stem and an inflectional suffix. Strings are appended to the
 * doc's string buffer (doc->norm_buf), after the tokens' normalized forms.
 */
#include "morph.h"

#include <stdlib.h>
#include <string.h>

#include "../core/doc.h"
#include "../model/model.h"
#include "../text/utf8.h"

#define ALEF 0x0627
#define LAM 0x0644
#define TEH 0x062A
#define TEH_MARBUTA 0x0629
#define WAW 0x0648
#define NOON 0x0646
#define YEH 0x064A
#define HEH 0x0647

/* The memo: a token seen before in the doc gets copies of the words of its
 * first occurrence (same bytes, same analysis; the copies share its
 * strings). News text repeats its words, so most tokens cost one hash and
 * one comparison. Direct-mapped, per stage run: no state outlives a doc. */
#define MEMO_BITS 13

typedef struct memo_entry {
    uint64_t hash;
    size_t token;  /* index of the first occurrence + 1; 0 = empty */
} memo_entry;

typedef struct stage {
    khabar_doc *doc;
    memo_entry *memo;
    size_t memo_mask;  /* slots - 1: a power of two, by the doc's size */
    const khabar_model *m;
    kh_norm morph;  /* morph forms of tokens (mapping on) */
    kh_vec str;     /* the doc's string buffer while the stage runs */
    int fine;
    int failed;
} stage;

/* ------------------------------------------------------------------------ */
/* Strings                                                                  */
/* ------------------------------------------------------------------------ */

/* Appends n bytes; src must not point into the buffer (see put_copy). */
static size_t put(stage *st, const char *src, size_t n, uint16_t *len)
{
    size_t off = st->str.len;
    if (n > 65535)
        n = 65535;
    if (kh_vec_reserve(&st->str, 1, n) != 0) {
        st->failed = 1;
        *len = 0;
        return 0;
    }
    memcpy((char *)st->str.data + off, src, n);
    st->str.len += n;
    *len = (uint16_t)n;
    return off;
}

/* Appends a copy of bytes already in the buffer. */
static size_t put_copy(stage *st, size_t from, size_t n, uint16_t *len)
{
    size_t off = st->str.len;
    if (n > 65535)
        n = 65535;
    if (kh_vec_reserve(&st->str, 1, n) != 0) {
        st->failed = 1;
        *len = 0;
        return 0;
    }
    memmove((char *)st->str.data + off, (char *)st->str.data + from, n);
    st->str.len += n;
    *len = (uint16_t)n;
    return off;
}

static size_t put_cps(stage *st, const uint32_t *cp, int n, uint16_t *len)
{
    char tmp[4 * (KH_SEG_MAX + 4)];
    if (n > KH_SEG_MAX + 4)
        n = KH_SEG_MAX + 4;
    return put(st, tmp, kh_seg_utf8(cp, n, tmp), len);
}

static khabar_word *new_word(stage *st, size_t token, size_t start,
                             size_t end, int role)
{
    khabar_word *w = kh_vec_push(&st->doc->words, sizeof *w);
    if (!w) {
        st->failed = 1;
        return NULL;
    }
    memset(w, 0, sizeof *w);
    w->token = token;
    w->start = start;
    w->end = end;
    w->role = (uint8_t)role;
    return w;
}

/* ------------------------------------------------------------------------ */
/* Words                                                                    */
/* ------------------------------------------------------------------------ */

/* Lemma, root and stem of a host from its restored letters: from the table
 * of frequent hosts when it has them, else computed (host.c). */
static void host_strings(stage *st, khabar_word *w, const uint32_t *host,
                         int hn)
{
    char key[4 * (KH_SEG_MAX + 4)];
    const kh_host_slot *hs = NULL;
    kh_host_analysis a;
    if (st->m->has_hosts)
        hs = kh_hosts_find(&st->m->hosts, key, kh_seg_utf8(host, hn, key));
    if (hs) {
        const char *p = st->m->hosts.pool + hs->off + hs->host_len;
        w->lemma = put(st, p, hs->lemma_len, &w->lemma_len);
        p += hs->lemma_len;
        if (hs->root_len)
            w->root = put(st, p, hs->root_len, &w->root_len);
        w->stem = put(st, p + hs->root_len, hs->stem_len, &w->stem_len);
        w->flags |= hs->flags;
        return;
    }
    kh_host_compute(st->m, host, hn, &a);
    w->lemma = put(st, a.lemma, a.lemma_len, &w->lemma_len);
    if (a.root_len)
        w->root = put(st, a.root, a.root_len, &w->root_len);
    w->stem = put(st, a.stem, a.stem_len, &w->stem_len);
    w->flags |= a.flags;
}

/* A word whose form, lemma and stem are the same letters. */
static void plain_word(stage *st, size_t tok, size_t start, size_t end,
                       const uint32_t *cp, int n, int role)
{
    static const uint32_t huwa[2] = {0x0647, 0x0648};
    khabar_word *w = new_word(st, tok, start, end, role);
    if (!w)
        return;
    w->form = put_cps(st, cp, n, &w->form_len);
    /* Pronouns have the lemma هو (PUD's convention). */
    if (role == KHABAR_WORD_ENCLITIC)
        w->lemma = put_cps(st, huwa, 2, &w->lemma_len);
    else {
        w->lemma = w->form;
        w->lemma_len = w->form_len;
    }
    w->stem = w->form;
    w->stem_len = w->form_len;
}

/* Fine scheme: the host as article + stem + suffix (each present or not).
 * The article is the host's first two letters (or, after ل+ل, the second ل
 * alone, whose restored form is ال); suffixes are ة ات ون ين ان with at
 * least two letters of stem left. */
static void fine_host(stage *st, size_t tok, const kh_seg_token *s,
                      const kh_seg_cand *c, const uint32_t *host, int hn,
                      size_t start, size_t end)
{
    static const uint32_t al[2] = {ALEF, LAM};
    int h0 = c->pre, h1 = s->n - c->enc, a = h0, b = h1, art = 0, suf = 0;
    khabar_word *w;
    if (c->restore & KH_SEG_R_AL) {
        art = 1; /* surface ل, restored ال */
    } else if (h1 - h0 >= 4 && (s->cp[h0] == ALEF) && s->cp[h0 + 1] == LAM) {
        art = 2;
    }
    /* A split inside a ligature (ﷲ) has no byte offset: no split there. */
    if (art && !s->splittable[h0 + art])
        art = 0;
    a = h0 + art;
    if (!c->enc && b - a >= 3 && s->cp[b - 1] == TEH_MARBUTA)
        suf = 1;
    else if (b - a >= 4 &&
             ((s->cp[b - 2] == ALEF && s->cp[b - 1] == TEH) ||
              (s->cp[b - 2] == WAW && s->cp[b - 1] == NOON) ||
              (s->cp[b - 2] == YEH && s->cp[b - 1] == NOON) ||
              (s->cp[b - 2] == ALEF && s->cp[b - 1] == NOON)) && !c->enc)
        suf = 2;
    if (suf && !s->splittable[b - suf])
        suf = 0;
    b -= suf;
    if (art) {
        w = new_word(st, tok, start, s->src[a], KHABAR_WORD_AFFIX);
        if (!w)
            return;
        w->form = put_cps(st, al, 2, &w->form_len);
        w->lemma = w->stem = w->form;
        w->lemma_len = w->stem_len = w->form_len;
    }
    w = new_word(st, tok, art ? s->src[a] : start, suf ? s->src[b] : end,
                 KHABAR_WORD_HOST);
    if (!w)
        return;
    w->form = put_cps(st, &s->cp[a], b - a, &w->form_len);
    host_strings(st, w, host, hn);
    if (suf)
        plain_word(st, tok, s->src[b], end, &s->cp[b], suf, KHABAR_WORD_AFFIX);
}

/* Prepositions fused with ما or من (مما = من + ما), split as UD does:
 * surface letters of the two parts and their full forms. */
static const struct fused {
    uint32_t text[3];   /* the fused letters */
    int split;          /* letters in the first part */
    uint32_t first[3];  /* its form */
    int first_n;
} fused_words[] = {
    {{0x0645, 0x0645, 0x0627}, 1, {0x0645, 0x0646}, 2}, /* مما */
    {{0x0645, 0x0645, 0x0646}, 1, {0x0645, 0x0646}, 2}, /* ممن */
    {{0x0639, 0x0645, 0x0627}, 1, {0x0639, 0x0646}, 2}, /* عما */
    {{0x0639, 0x0645, 0x0646}, 1, {0x0639, 0x0646}, 2}, /* عمن */
};

/* If letters [from, s->n) of the token are a fused word, writes its two
 * words and returns 1. */
static int fused_token(stage *st, size_t ti, const kh_seg_token *s, int from)
{
    const khabar_token *t = &((const khabar_token *)st->doc->tokens.data)[ti];
    size_t f, len = (size_t)(s->n - from);
    for (f = 0; f < sizeof fused_words / sizeof *fused_words; f++) {
        const struct fused *fw = &fused_words[f];
        size_t n = 3, k;
        int cut = from + fw->split;
        khabar_word *w;
        if (len != n)
            continue;
        for (k = 0; k < n && s->cp[from + (int)k] == fw->text[k]; k++)
            ;
        if (k < n || !s->splittable[cut])
            continue;
        if (from)
            plain_word(st, ti, t->start, s->src[from], s->cp, from,
                       KHABAR_WORD_PROCLITIC);
        w = new_word(st, ti, from ? s->src[from] : t->start, s->src[cut],
                     KHABAR_WORD_HOST);
        if (!w)
            return 1;
        w->form = put_cps(st, fw->first, fw->first_n, &w->form_len);
        w->lemma = w->stem = w->form;
        w->lemma_len = w->stem_len = w->form_len;
        w = new_word(st, ti, s->src[cut], t->end, KHABAR_WORD_ENCLITIC);
        if (!w)
            return 1;
        w->form = put_cps(st, &s->cp[cut], s->n - cut, &w->form_len);
        w->lemma = w->stem = w->form;
        w->lemma_len = w->stem_len = w->form_len;
        return 1;
    }
    return 0;
}

/* The words of an Arabic token, or of one part of a repaired one: bytes
 * [tstart, tend) of token ti. */
static void arabic_part(stage *st, size_t ti, size_t tstart, size_t tend)
{
    const khabar_token *t = &((const khabar_token *)st->doc->tokens.data)[ti];
    kh_seg_token s;
    kh_seg_cand c = {0, 0, 0};
    uint32_t host[KH_SEG_MAX + 4];
    int hn, i, hstart, hend;
    size_t start, end;
    khabar_word *w;
    if (kh_seg_token_init(&s, &st->morph, st->doc->text, tstart, tend) !=
        0) {
        /* Not segmentable (no letters, too long): one word as it is. */
        w = new_word(st, ti, tstart, tend, KHABAR_WORD_WHOLE);
        if (!w)
            return;
        if (tstart == t->start && tend == t->end) {
            w->form = put_copy(st, t->norm, t->norm_len, &w->form_len);
        } else { /* a part: its letters as they are */
            w->form = put(st, st->doc->text + tstart, tend - tstart,
                          &w->form_len);
        }
        w->lemma = w->stem = w->form;
        w->lemma_len = w->stem_len = w->form_len;
        return;
    }
    if (tstart == t->start && tend == t->end &&
        ((s.n == 3 && fused_token(st, ti, &s, 0)) ||
         (s.n == 4 && (s.cp[0] == 0x0648 || s.cp[0] == 0x0641) &&
          fused_token(st, ti, &s, 1))))
        return;
    if (st->m->has_segmenter)
        c = kh_segment(&st->m->seg, st->m->has_lexicon ? &st->m->lex : NULL,
                       &s);
    hn = kh_seg_host(&s, &c, host);
    hstart = c.pre;
    hend = s.n - c.enc;
    for (i = 0; i < c.pre; i++)
        plain_word(st, ti, i == 0 ? tstart : s.src[i], s.src[i + 1],
                   &s.cp[i], 1, KHABAR_WORD_PROCLITIC);
    start = hstart == 0 ? tstart : s.src[hstart];
    end = c.enc ? s.src[hend] : tend;
    if (st->fine) {
        fine_host(st, ti, &s, &c, host, hn, start, end);
    } else {
        w = new_word(st, ti, start, end,
                     c.pre || c.enc ? KHABAR_WORD_HOST : KHABAR_WORD_WHOLE);
        if (!w)
            return;
        w->form = put_cps(st, host, hn, &w->form_len);
        if (c.restore)
            w->flags |= KHABAR_WORD_RESTORED;
        host_strings(st, w, host, hn);
        if (c.enc == 1 && s.cp[hend] == HEH && hn >= 3 && hn < KH_SEG_MAX &&
            host[0] == ALEF && host[1] == LAM && host[2] != YEH) {
            /* No pronoun follows the article: in الحكومه the ه is a ة
             * written ه, so the search stem keeps it (الحكومه and
             * الحكومة meet) whatever the segmentation says; اليه is
             * إلى + ه. */
            uint32_t whole[KH_SEG_MAX + 4], sb[KH_SEG_MAX + 4];
            int n;
            memcpy(whole, host, (size_t)hn * sizeof *host);
            whole[hn] = HEH;
            n = kh_morph_stem(st->m, whole, hn + 1, sb);
            w->stem = put_cps(st, sb, n, &w->stem_len);
        }
    }
    if (c.enc)
        plain_word(st, ti, s.src[hend], tend, &s.cp[hend], c.enc,
                   KHABAR_WORD_ENCLITIC);
}

/* A one-word token, or a part of one: form, lemma and stem are the token's
 * normalized bytes [from, from + n). A token that normalizes to nothing (a
 * tatweel used as a dash) is its own lemma as written, as in UD: a word
 * always has a lemma. */
static void copy_word(stage *st, size_t ti, size_t start, size_t end,
                      size_t from, size_t n, int role)
{
    khabar_word *w = new_word(st, ti, start, end, role);
    if (!w)
        return;
    w->form = put_copy(st, from, n, &w->form_len);
    w->lemma = w->stem = w->form;
    w->lemma_len = w->stem_len = w->form_len;
    if (!n && end > start)
        w->lemma = put(st, st->doc->text + start, end - start, &w->lemma_len);
}

/* Any other token: one word; but, as in UD, a number and its percent sign
 * are two words (20 + %), and a range three (2011 + - + 2015). */
static void other_token(stage *st, size_t ti)
{
    const khabar_token *t = &((const khabar_token *)st->doc->tokens.data)[ti];
    const char *norm = (const char *)st->str.data + t->norm;
    const char *text = st->doc->text;
    size_t k;
    if (t->kind == KHABAR_TOK_NUMBER && t->norm_len > 1 &&
        norm[t->norm_len - 1] == '%') {
        /* The sign is the last code point of the token. */
        size_t split = t->end - 1;
        while (split > t->start && ((unsigned char)text[split] & 0xC0) == 0x80)
            split--;
        copy_word(st, ti, t->start, split, t->norm, t->norm_len - 1,
                  KHABAR_WORD_HOST);
        copy_word(st, ti, split, t->end, t->norm + t->norm_len - 1, 1,
                  KHABAR_WORD_AFFIX);
        return;
    }
    if (t->kind == KHABAR_TOK_NUMBER) {
        /* A hyphen between digits, in the input and in the normal form. */
        for (k = t->start + 1; k + 1 < t->end; k++) {
            if (text[k] == '-')
                break;
        }
        if (k + 1 < t->end && memchr(norm, '-', t->norm_len)) {
            size_t nk = (size_t)((const char *)memchr(norm, '-', t->norm_len) -
                                 norm);
            copy_word(st, ti, t->start, k, t->norm, nk, KHABAR_WORD_WHOLE);
            copy_word(st, ti, k, k + 1, t->norm + nk, 1, KHABAR_WORD_WHOLE);
            copy_word(st, ti, k + 1, t->end, t->norm + nk + 1,
                      t->norm_len - nk - 1, KHABAR_WORD_WHOLE);
            return;
        }
    }
    copy_word(st, ti, t->start, t->end, t->norm, t->norm_len,
              KHABAR_WORD_WHOLE);
}

static uint64_t bytes_hash(const unsigned char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h ^ n;
}

/* Copies the words of an earlier token with the same bytes; returns 1 when
 * it did. */
static int from_memo(stage *st, size_t ti, uint64_t h)
{
    const khabar_token *tk = st->doc->tokens.data;
    memo_entry *e = &st->memo[h & st->memo_mask];
    size_t prev, a, b, k;
    ptrdiff_t shift;
    if (e->token == 0 || e->hash != h)
        return 0;
    prev = e->token - 1;
    if (tk[prev].end - tk[prev].start != tk[ti].end - tk[ti].start ||
        memcmp(st->doc->text + tk[prev].start, st->doc->text + tk[ti].start,
               tk[ti].end - tk[ti].start) != 0)
        return 0;
    a = st->doc->token_words[prev];
    b = st->doc->token_words[prev + 1];
    shift = (ptrdiff_t)(tk[ti].start - tk[prev].start);
    if (kh_vec_reserve(&st->doc->words, sizeof(khabar_word), b - a) != 0) {
        st->failed = 1;
        return 1;
    }
    for (k = a; k < b; k++) {
        khabar_word *w = (khabar_word *)st->doc->words.data +
                         st->doc->words.len++;
        *w = ((const khabar_word *)st->doc->words.data)[k];
        w->token = ti;
        w->start = (size_t)((ptrdiff_t)w->start + shift);
        w->end = (size_t)((ptrdiff_t)w->end + shift);
    }
    return 1;
}

int kh_words(khabar_doc *doc, int fine)
{
    stage st;
    size_t i, n = doc->tokens.len, *index;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.m = doc->model;
    st.fine = fine;
    kh_norm_init(&st.morph, KH_NORM_MORPH, 1);
    /* The string buffer becomes a growable vector for the stage. */
    st.str.data = doc->norm_buf;
    st.str.len = st.str.cap = doc->norm_len;
    doc->norm_buf = NULL;
    index = malloc((n + 1) * sizeof *index);
    /* Twice the tokens, up to 2^MEMO_BITS: a short doc zeroes little. */
    for (st.memo_mask = 63; st.memo_mask < ((size_t)1 << MEMO_BITS) - 1 &&
                            st.memo_mask < 2 * n;
         st.memo_mask = 2 * st.memo_mask + 1)
        ;
    st.memo = calloc(st.memo_mask + 1, sizeof *st.memo);
    if (!index || !st.memo ||
        kh_vec_reserve(&doc->words, sizeof(khabar_word), n + 16))
        st.failed = 1;
    doc->token_words = index; /* from_memo reads the entries so far */
    for (i = 0; i < n && !st.failed; i++) {
        const khabar_token *t = &((const khabar_token *)doc->tokens.data)[i];
        uint64_t h = bytes_hash((const unsigned char *)doc->text + t->start,
                                t->end - t->start);
        index[i] = doc->words.len;
        if (from_memo(&st, i, h))
            continue;
        if (t->kind == KHABAR_TOK_ARABIC)
            arabic_part(&st, i, t->start, t->end);
        else
            other_token(&st, i);
        index[i + 1] = doc->words.len;
        st.memo[h & st.memo_mask].hash = h;
        st.memo[h & st.memo_mask].token = i + 1;
    }
    free(st.memo);
    if (index && !st.failed)
        index[n] = doc->words.len;
    doc->norm_buf = st.str.data;
    doc->norm_len = st.str.len;
    doc->token_words = index;
    kh_norm_free(&st.morph);
    if (st.failed || st.morph.failed)
        return -1;
    return 0;
}
