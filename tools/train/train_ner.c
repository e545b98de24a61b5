/*
 * train_ner.c - `khabar-train ner`: the named-entity recognizer.
 *
 *   khabar-train ner --out data/ner.kbm --anercorp A.bio --docs A.docs
 *       [--news N.bio --news-align N.align] [--extra E.bio]...
 *       [--cv K [--cv-out FILE] [--cv-keep | --cv-reuse]] [--runs R]
 *       [--epochs N] [--buckets LOG2]
 *
 * Inputs are `token<TAB>tag` files, one token a line, an empty line between
 * sentences, tags B-/I- PER LOC ORG MISC and O (tools/ner/prepare.py makes
 * them from ANERcorp and the FANE corpora). Each sentence goes through the
 * library as pre-tokenized text (words, parts of speech) and the features
 * are the library's (src/tag/ner_features.c), so what is learned is what
 * runs. Gazetteer entries that only the NER corpora gave are ignored here,
 * by every lookup (the POS stage's and the doc rules' too): in training
 * they would name every entity, which the gazetteer cannot do for new text,
 * and in cross-validation they would name the test fold's. The doc cues (src/tag/ner_cues.c) are computed over each
 * ANERcorp document (A.docs), over the ANERcorp document a NewsFANE
 * sentence copies, and over runs of 15 sentences of an extra corpus.
 *
 * The corpora annotate differently (tools/ner/README.md: FANE has no
 * currencies or events, puts triggers inside names ...). With --news or
 * --extra, each corpus is a domain with weights of its own beside the
 * shared ones (perceptron.h), and the model written is ANERcorp's: the
 * shared weights plus ANERcorp's own. Early stopping looks at ANERcorp.
 *
 * The model is the mean of R perceptrons (--runs, 8 by default), each
 * trained in its own order and stopped early on its own tenth of the
 * sentences: as fast to run as one, steadier, and fitted to all the text.
 *
 * With --cv K, the ANERcorp documents (A.docs: the sentence where each
 * begins) are split into K contiguous folds in document order; each fold is
 * recognized by a model trained on everything else (the NewsFANE copies of
 * its sentences, known from N.align, are left out too). The fold's model is
 * written to OUT.foldK and run through the library, each document one
 * pre-tokenized analysis, as `khabar ner` runs: entity-level precision,
 * recall and F1 (exact span and type) are printed per fold, then over all
 * folds for the tagger alone (kh_ner_tag) and after the doc rules
 * (kh_ner_doc: what `khabar ner` prints), with figures per type. With
 * --cv-out FILE, every token is written as `token gold tagger final`. Then
 * the final model is trained on everything and written. --cv-keep keeps the
 * fold models; --cv-reuse scores kept ones again instead of training (and
 * writes no final model): for work on the doc rules, which need no
 * training.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "model/model.h"
#include "khabar.h"
#include "perceptron.h"
#include "tag/features.h"
#include "tag/tag.h"
#include "train.h"

/* The label set, in a fixed order. */
static const char *const ner_labels[] = {"O",     "B-PER", "I-PER",
                                         "B-LOC", "I-LOC", "B-ORG",
                                         "I-ORG", "B-MISC", "I-MISC"};

#define CORPUS_SOURCES KH_GAZ_CORPUS_SOURCES

typedef struct bio_sentence {
    size_t first, n; /* tokens of the file */
} bio_sentence;

typedef struct bio_file {
    char **tokens;
    char **tags;
    size_t n_tokens, cap;
    bio_sentence *sent;
    size_t n_sent, cap_sent;
} bio_file;

static void bio_read(bio_file *b, const char *path)
{
    size_t len, pos = 0, start = 0;
    char *text = read_file(path, &len);
    memset(b, 0, sizeof *b);
    while (pos <= len) {
        char *line = text + pos, *nl = memchr(line, '\n', len - pos), *tab;
        size_t n = nl ? (size_t)(nl - line) : len - pos;
        line[n] = 0;
        if (n && line[n - 1] == '\r')
            line[--n] = 0;
        if (n == 0) {
            if (b->n_tokens > start) {
                if (b->n_sent == b->cap_sent) {
                    b->cap_sent = b->cap_sent ? 2 * b->cap_sent : 1024;
                    b->sent = realloc(b->sent, b->cap_sent * sizeof *b->sent);
                    if (!b->sent)
                        die("out of memory");
                }
                b->sent[b->n_sent].first = start;
                b->sent[b->n_sent].n = b->n_tokens - start;
                b->n_sent++;
            }
            start = b->n_tokens;
        } else if ((tab = strchr(line, '\t')) != NULL) {
            *tab = 0;
            if (b->n_tokens == b->cap) {
                b->cap = b->cap ? 2 * b->cap : 4096;
                b->tokens = realloc(b->tokens, b->cap * sizeof *b->tokens);
                b->tags = realloc(b->tags, b->cap * sizeof *b->tags);
                if (!b->tokens || !b->tags)
                    die("out of memory");
            }
            b->tokens[b->n_tokens] = strdup(line);
            b->tags[b->n_tokens] = strdup(tab + 1);
            b->n_tokens++;
        }
        if (!nl)
            break;
        pos += n + 1 + (line[n] == 0 && n < (size_t)(nl - line) ? 1 : 0);
        pos = (size_t)(nl - text) + 1;
    }
    if (b->n_tokens > start) {
        if (b->n_sent == b->cap_sent) {
            b->cap_sent = b->cap_sent + 1;
            b->sent = realloc(b->sent, b->cap_sent * sizeof *b->sent);
            if (!b->sent)
                die("out of memory");
        }
        b->sent[b->n_sent].first = start;
        b->sent[b->n_sent].n = b->n_tokens - start;
        b->n_sent++;
    }
    free(text);
}

static void bio_free(bio_file *b)
{
    size_t i;
    for (i = 0; i < b->n_tokens; i++) {
        free(b->tokens[i]);
        free(b->tags[i]);
    }
    free(b->tokens);
    free(b->tags);
    free(b->sent);
}

/* Turns the sentences of a file into sequences: analyzes them in batches
 * as pre-tokenized text and takes the recognizer's view of each. The
 * sentences of a run with the same doc_id are one document for the cues of
 * kh_ner_cues (as one file is for `khabar ner`). */
static void bio_sequences(seqs *S, const khabar_model *m, const bio_file *b,
                          int source, const long *anercorp_of,
                          const long *doc_id)
{
    size_t s0 = 0, skipped = 0;
    while (s0 < b->n_sent) {
        size_t s1 = s0 + 2000 < b->n_sent ? s0 + 2000 : b->n_sent, s, len = 0;
        char *text;
        uint8_t *cues, *seen;
        khabar_options o;
        khabar_doc *d;
        size_t ds = 0, n_tok, r0;
        int lined_up = 1;
        while (s1 < b->n_sent && doc_id[s1] == doc_id[s1 - 1])
            s1++;
        for (s = s0; s < s1; s++) {
            size_t t;
            for (t = 0; t < b->sent[s].n; t++)
                len += strlen(b->tokens[b->sent[s].first + t]) + 1;
        }
        text = malloc(len + 1);
        if (!text)
            die("out of memory");
        len = 0;
        for (s = s0; s < s1; s++) {
            size_t t;
            for (t = 0; t < b->sent[s].n; t++) {
                const char *tok = b->tokens[b->sent[s].first + t];
                size_t n = strlen(tok);
                memcpy(text + len, tok, n);
                len += n;
                text[len++] = t + 1 < b->sent[s].n ? ' ' : '\n';
            }
        }
        memset(&o, 0, sizeof o);
        o.stages = KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS | KHABAR_STAGE_POS;
        o.flags = KHABAR_ANALYZE_PRETOKENIZED;
        d = khabar_analyze_opts(m, text, len, &o, NULL);
        if (!d)
            die("analysis failed");
        /* The keys the views and cues read (the POS stage folds them too,
         * when the model has a tagger). */
        if (kh_tag_fold_doc(d) != 0)
            die("out of memory");
        /* The cues of each document of the batch, when its sentences line
         * up with the file's. */
        n_tok = khabar_doc_token_count(d);
        cues = calloc(n_tok + 1, 1);
        seen = calloc(n_tok + 1, 1);
        if (!cues || !seen)
            die("out of memory");
        if (khabar_doc_sentence_count(d) != s1 - s0)
            lined_up = 0;
        for (s = s0; s < s1 && lined_up; s++)
            lined_up = khabar_doc_sentences(d)[s - s0].n_tokens == b->sent[s].n;
        for (r0 = s0; r0 < s1 && lined_up;) {
            const khabar_sentence *sa = khabar_doc_sentences(d) + (r0 - s0), *sb;
            size_t r1 = r0 + 1, ta, tb;
            while (r1 < s1 && doc_id[r1] == doc_id[r0])
                r1++;
            sb = khabar_doc_sentences(d) + (r1 - 1 - s0);
            ta = sa->first_token;
            tb = sb->first_token + sb->n_tokens;
            if (kh_ner_cues(d, m->has_gazetteer ? &m->gaz : NULL,
                            CORPUS_SOURCES, ta, tb, cues + ta, seen + ta) != 0)
                die("out of memory");
            r0 = r1;
        }
        for (s = s0; s < s1; s++, ds++) {
            const khabar_sentence *sd = khabar_doc_sentences(d) + ds;
            kh_ner_token *view;
            seq q;
            size_t i, n = b->sent[s].n;
            if (ds >= khabar_doc_sentence_count(d) || sd->n_tokens != n) {
                /* A token with white space inside: the sentences no longer
                 * line up; skip what is left of the batch. */
                skipped += s1 - s;
                break;
            }
            view = calloc(n, sizeof *view);
            memset(&q, 0, sizeof q);
            q.n = n;
            q.gold = malloc(n);
            q.skip = calloc(n, 1);
            q.off = malloc((n + 1) * sizeof *q.off);
            q.feats = malloc(n * KH_TAG_MAX_FEATS * sizeof *q.feats);
            q.hkey = malloc(n * sizeof *q.hkey);
            if (!view || !q.gold || !q.skip || !q.off || !q.feats ||
                !q.hkey)
                die("out of memory");
            kh_ner_views(d, m->has_gazetteer ? &m->gaz : NULL,
                         m->has_clusters ? &m->clusters : NULL, CORPUS_SOURCES,
                         sd->first_token, sd->first_token + n, view);
            for (i = 0; i < n; i++) {
                /* No history here (doc_hist 0): the perceptron adds its
                 * features as it tags (perceptron.h). */
                view[i].doc_cues = cues[sd->first_token + i];
                view[i].doc_seen = seen[sd->first_token + i];
                q.hkey[i] = kh_ner_history_key(&view[i]);
            }
            q.off[0] = 0;
            for (i = 0; i < n; i++) {
                const char *tag = b->tags[b->sent[s].first + i];
                q.gold[i] = (uint8_t)label_of(S, tag);
                q.off[i + 1] = q.off[i] + (uint32_t)kh_ner_features(
                                              NULL, view, n, i,
                                              q.feats + q.off[i]);
            }
            q.source = source;
            q.doc = doc_id[s];
            q.anercorp = anercorp_of ? anercorp_of[s] : -1;
            q.heldout = S->n % 10 == 9;
            add_seq(S, &q);
            free(view);
        }
        khabar_doc_free(d);
        free(text);
        free(cues);
        free(seen);
        s0 = s1;
    }
    if (skipped)
        printf("skipped %zu sentences that did not line up\n", skipped);
}

/* Entities of a BIO label sequence as (start, end, type) triples. */
static size_t spans(const uint8_t *lab, size_t n, const char *const *names,
                    size_t *out)
{
    size_t i = 0, k = 0;
    while (i < n) {
        const char *name = names[lab[i]], *type = name + 2;
        size_t j;
        if (name[0] == 'O') {
            i++;
            continue;
        }
        for (j = i + 1; j < n && names[lab[j]][0] == 'I' &&
                        strcmp(names[lab[j]] + 2, type) == 0;
             j++)
            ;
        out[3 * k] = i;
        out[3 * k + 1] = j;
        out[3 * k + 2] = lab[i] + (name[0] == 'B' ? 0u : 1000u);
        /* Normalize the type: B-X and I-X of a span count as the type X. */
        out[3 * k + 2] = (size_t)type[0] * 256 + (size_t)type[1];
        k++;
        i = j;
    }
    return k;
}

/* Counts of a recognizer on the excluded sequences of S. */
typedef struct prf {
    size_t gold, found, right;
    size_t type[5][3]; /* per type (PER LOC ORG MISC, 0 unused): the same */
} prf;

/* The index of an entity type code of spans() (0 if unknown). */
static int type_index(size_t code)
{
    static const char *const names[] = {"", "PER", "LOC", "ORG", "MISC"};
    int k;
    for (k = 1; k <= 4; k++) {
        if (code == (size_t)names[k][0] * 256 + (size_t)names[k][1])
            return k;
    }
    return 0;
}

/* Counts the entities of gold and predicted labels of n tokens into r;
 * g and p have room for 3n + 3 values. */
static void count_entities(prf *r, const seqs *S, const uint8_t *gold,
                           const uint8_t *out, size_t n, size_t *g, size_t *p)
{
    size_t ng = spans(gold, n, S->labels, g), np = spans(out, n, S->labels, p);
    size_t a, b;
    r->gold += ng;
    r->found += np;
    for (b = 0; b < ng; b++)
        r->type[type_index(g[3 * b + 2])][0]++;
    for (a = 0; a < np; a++) {
        r->type[type_index(p[3 * a + 2])][1]++;
        for (b = 0; b < ng; b++) {
            if (p[3 * a] == g[3 * b] && p[3 * a + 1] == g[3 * b + 1] &&
                p[3 * a + 2] == g[3 * b + 2]) {
                r->right++;
                r->type[type_index(p[3 * a + 2])][2]++;
                break;
            }
        }
    }
}

static void print_prf(const char *what, prf r)
{
    double P = r.found ? 100.0 * (double)r.right / (double)r.found : 0;
    double R = r.gold ? 100.0 * (double)r.right / (double)r.gold : 0;
    printf("%s: precision %.2f recall %.2f F1 %.2f (%zu gold entities)\n", what,
           P, R, P + R > 0 ? 2 * P * R / (P + R) : 0, r.gold);
}

static void print_types(prf r)
{
    static const char *const names[] = {"", "PER", "LOC", "ORG", "MISC"};
    int k;
    for (k = 1; k <= 4; k++) {
        double P = r.type[k][1] ? 100.0 * (double)r.type[k][2] / (double)r.type[k][1] : 0;
        double R = r.type[k][0] ? 100.0 * (double)r.type[k][2] / (double)r.type[k][0] : 0;
        printf("  %-4s precision %.2f recall %.2f F1 %.2f (%zu gold)\n",
               names[k], P, R, P + R > 0 ? 2 * P * R / (P + R) : 0,
               r.type[k][0]);
    }
}

/* ------------------------------------------------------------------------ */
/* Cross-validation through the library                                     */
/* ------------------------------------------------------------------------ */

/* Loads the model file at path as m's recognizer; the image stays in
 * *image (freed by the next call, or by the caller). */
static void use_recognizer(khabar_model *m, const char *path, char **image)
{
    size_t len;
    kh_container c;
    khabar_error err;
    free(*image);
    *image = read_file(path, &len);
    if (kh_container_open(&c, *image, len, "ner", &err) != KHABAR_OK ||
        kh_tagger_open(&m->ner, &c, &err) != KHABAR_OK)
        die(err.msg);
    m->has_ner = 1;
    m->ner_known = NULL; /* the rows ahead are the default recognizer's */
}

/* The label ids (ner_labels) of a doc's entities, over its tokens. */
static void entity_labels(const khabar_doc *d, uint8_t *lab, size_t n)
{
    size_t i, k;
    memset(lab, 0, n);
    for (i = 0; i < khabar_doc_entity_count(d); i++) {
        const khabar_entity *e = khabar_doc_entities(d) + i;
        for (k = 0; k < e->n_tokens && e->first_token + k < n; k++)
            lab[e->first_token + k] =
                (uint8_t)(2 * e->type - (k == 0 ? 1 : 0));
    }
}

/* Recognizes the ANERcorp documents [d0, d1) as `khabar ner` would, with
 * m's recognizer: each document is one pre-tokenized analysis. Counts the
 * tagger's entities into *tag, and those after the doc rules (kh_ner_doc)
 * into *full; with dump, writes `token gold tagger full` lines. */
static void library_eval(khabar_model *m, const seqs *S, const bio_file *A,
                         const size_t *doc_start, size_t n_docs, size_t d0,
                         size_t d1, prf *tag, prf *full, FILE *dump)
{
    size_t d;
    for (d = d0; d < d1; d++) {
        size_t s0 = doc_start[d], s1 = d + 1 < n_docs ? doc_start[d + 1] : A->n_sent;
        size_t t0 = A->sent[s0].first, t1 = A->sent[s1 - 1].first + A->sent[s1 - 1].n;
        size_t n = t1 - t0, len = 0, s, t, *g, *p;
        uint8_t *gold, *lab, *lab2;
        char *text;
        khabar_options o;
        khabar_doc *doc;
        for (t = t0; t < t1; t++)
            len += strlen(A->tokens[t]) + 1;
        text = malloc(len + 1);
        gold = malloc(n + 1);
        lab = malloc(n + 1);
        lab2 = malloc(n + 1);
        g = malloc((3 * n + 3) * sizeof *g);
        p = malloc((3 * n + 3) * sizeof *p);
        if (!text || !gold || !lab || !lab2 || !g || !p)
            die("out of memory");
        len = 0;
        for (s = s0; s < s1; s++) {
            for (t = A->sent[s].first; t < A->sent[s].first + A->sent[s].n; t++) {
                size_t k = strlen(A->tokens[t]);
                memcpy(text + len, A->tokens[t], k);
                len += k;
                text[len++] = t + 1 < A->sent[s].first + A->sent[s].n ? ' ' : '\n';
            }
        }
        for (t = t0; t < t1; t++)
            gold[t - t0] = (uint8_t)label_of((seqs *)S, A->tags[t]);
        memset(&o, 0, sizeof o);
        o.stages = KHABAR_STAGE_SENTENCES | KHABAR_STAGE_WORDS | KHABAR_STAGE_POS;
        o.flags = KHABAR_ANALYZE_PRETOKENIZED;
        doc = khabar_analyze_opts(m, text, len, &o, NULL);
        if (!doc || khabar_doc_token_count(doc) != n)
            die("ner: a cross-validation document does not line up");
        if (kh_ner_tag(doc, CORPUS_SOURCES) != 0)
            die("out of memory");
        entity_labels(doc, lab, n);
        count_entities(tag, S, gold, lab, n, g, p);
        if (kh_ner_doc(doc) != 0)
            die("out of memory");
        entity_labels(doc, lab2, n);
        count_entities(full, S, gold, lab2, n, g, p);
        if (dump) {
            for (s = s0; s < s1; s++) {
                for (t = A->sent[s].first; t < A->sent[s].first + A->sent[s].n; t++)
                    fprintf(dump, "%s\t%s\t%s\t%s\n", A->tokens[t],
                            S->labels[gold[t - t0]], S->labels[lab[t - t0]],
                            S->labels[lab2[t - t0]]);
                fputc('\n', dump);
            }
        }
        khabar_doc_free(doc);
        free(text);
        free(gold);
        free(lab);
        free(lab2);
        free(g);
        free(p);
    }
}

static void add_prf(prf *all, const prf *r)
{
    int k;
    all->gold += r->gold;
    all->found += r->found;
    all->right += r->right;
    for (k = 0; k < 5; k++) {
        all->type[k][0] += r->type[k][0];
        all->type[k][1] += r->type[k][1];
        all->type[k][2] += r->type[k][2];
    }
}

/* The ANERcorp sentence index of each NewsFANE sentence (-1: none). */
static long *read_align(const char *path, size_t n)
{
    size_t len, i = 0;
    char *text = read_file(path, &len), *p = text;
    long *a = malloc((n + 1) * sizeof *a);
    if (!a)
        die("out of memory");
    while (i < n && *p) {
        char *tab = strchr(p, '\t'), *nl;
        if (!tab)
            break;
        a[i++] = strtol(tab + 1, &nl, 10);
        p = strchr(nl, '\n');
        if (!p)
            break;
        p++;
    }
    while (i < n)
        a[i++] = -1;
    free(text);
    return a;
}

/* The document of each of n sentences: the ANERcorp document (doc_start,
 * n_docs) of the ANERcorp sentence it is (anercorp_of), or, without those,
 * runs of DOC_SENTENCES sentences (about an ANERcorp document's length;
 * WikiFANE keeps each article's sentences together). Caller frees. */
#define DOC_SENTENCES 15
static long *doc_ids(const size_t *doc_start, size_t n_docs,
                     const long *anercorp_of, size_t n)
{
    long *id = malloc((n + 1) * sizeof *id);
    size_t s;
    if (!id)
        die("out of memory");
    for (s = 0; s < n; s++) {
        long a = anercorp_of ? anercorp_of[s] : -1;
        size_t lo = 0, hi = n_docs;
        if (a < 0 || !n_docs) {
            id[s] = -1 - (long)(s / DOC_SENTENCES);
            continue;
        }
        while (lo < hi) { /* the last document starting at or before a */
            size_t mid = lo + (hi - lo) / 2;
            if (doc_start[mid] <= (size_t)a)
                lo = mid + 1;
            else
                hi = mid;
        }
        id[s] = (long)lo;
    }
    return id;
}

int train_ner(int argc, char **argv)
{
    const char *out_path = NULL, *aner = NULL, *docs = NULL, *news = NULL;
    const char *align = NULL, *extra[16], *cv_out = NULL;
    int n_extra = 0, i, epochs = 30, log2b = 17, cv = 0, runs = 8;
    int keep = 0, reuse = 0;
    seqs S;
    bio_file A, N, E;
    khabar_model *m;
    khabar_error err;
    size_t *doc_start = NULL, n_docs = 0, s, j;
    long *aner_index;
    for (i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--anercorp") && i + 1 < argc)
            aner = argv[++i];
        else if (!strcmp(argv[i], "--docs") && i + 1 < argc)
            docs = argv[++i];
        else if (!strcmp(argv[i], "--news") && i + 1 < argc)
            news = argv[++i];
        else if (!strcmp(argv[i], "--news-align") && i + 1 < argc)
            align = argv[++i];
        else if (!strcmp(argv[i], "--extra") && i + 1 < argc && n_extra < 16)
            extra[n_extra++] = argv[++i];
        else if (!strcmp(argv[i], "--cv") && i + 1 < argc)
            cv = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--cv-out") && i + 1 < argc)
            cv_out = argv[++i];
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--buckets") && i + 1 < argc)
            log2b = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--cv-keep"))
            keep = 1;
        else if (!strcmp(argv[i], "--cv-reuse"))
            reuse = 1;
        else
            die("ner: unknown option");
    }
    if (!out_path || !aner || log2b < 10 || log2b > 22 || cv < 0 || cv == 1 ||
        runs < 1 || runs > 64)
        die("usage: khabar-train ner --out OUT --anercorp A.bio [--docs D] "
            "[--news N.bio --news-align N.align] [--extra E.bio]... "
            "[--cv K [--cv-out F] [--cv-keep | --cv-reuse]] "
            "[--runs R] [--epochs N] [--buckets LOG2]");
    if (cv && !docs)
        die("ner: --cv needs --docs");
    if ((keep || reuse) && !cv)
        die("ner: --cv-keep and --cv-reuse go with --cv");
    memset(&S, 0, sizeof S);
    if (news || n_extra)
        S.domains = 2 + n_extra; /* ANERcorp, NewsFANE, each extra corpus */
    for (i = 0; i < 9; i++) {
        label_of(&S, ner_labels[i]);
        S.hist_type[i] = (uint8_t)((i + 1) / 2); /* B-/I-: PER 1 .. MISC 4 */
    }
    S.hist_feats = kh_ner_history_features;
    m = khabar_model_new(&err);
    if (!m)
        die(err.msg);
    /* The taggers' rows worked out ahead (tagrows.h) looked the words up in
     * the whole gazetteer, and with the default recognizer. */
    m->pos_known = m->ner_known = NULL;
    if (m->has_gazetteer) {
        /* Every lookup misses the names only the corpora gave: the POS
         * stage's (whose parts of speech the features read) and the doc
         * rules' as well as the recognizer's own, in training and in
         * cross-validation alike. */
        kh_gazetteer full = m->gaz;
        if (kh_gazetteer_without(&full, CORPUS_SOURCES, &m->gaz) != 0)
            die("out of memory");
        printf("gazetteer: %u of %u names, those only the corpora gave "
               "left out\n", m->gaz.n_entries, full.n_entries);
        kh_gazetteer_free(&full);
    }
    if (docs) {
        size_t len;
        char *text = read_file(docs, &len), *p = text;
        doc_start = malloc((len / 2 + 2) * sizeof *doc_start);
        if (!doc_start)
            die("out of memory");
        while (*p) {
            char *e;
            unsigned long v = strtoul(p, &e, 10);
            if (e == p)
                break;
            doc_start[n_docs++] = v;
            p = e;
            while (*p == '\n' || *p == '\r' || *p == ' ')
                p++;
        }
        free(text);
    }
    bio_read(&A, aner);
    aner_index = malloc((A.n_sent + 1) * sizeof *aner_index);
    if (!aner_index)
        die("out of memory");
    for (s = 0; s < A.n_sent; s++)
        aner_index[s] = (long)s;
    {
        long *id = doc_ids(doc_start, n_docs, aner_index, A.n_sent);
        bio_sequences(&S, m, &A, 0, aner_index, id);
        free(id);
    }
    printf("ANERcorp: %zu sentences\n", A.n_sent);
    if (news) {
        long *al, *id;
        size_t before = S.n;
        bio_read(&N, news);
        al = align ? read_align(align, N.n_sent) : NULL;
        id = doc_ids(doc_start, n_docs, al, N.n_sent);
        bio_sequences(&S, m, &N, 1, al, id);
        printf("news: %zu sentences\n", S.n - before);
        free(al);
        free(id);
        bio_free(&N);
    }
    for (i = 0; i < n_extra; i++) {
        size_t before = S.n;
        long *id;
        bio_read(&E, extra[i]);
        id = doc_ids(NULL, 0, NULL, E.n_sent);
        bio_sequences(&S, m, &E, 2 + i, NULL, id);
        printf("%s: %zu sentences\n", extra[i], S.n - before);
        free(id);
        bio_free(&E);
    }
    if (cv) {
        prf all_tag, all_full;
        int k;
        char *image = NULL, fold_path[4096];
        const kh_tagger own = m->ner;
        const int had_ner = m->has_ner;
        FILE *dump = cv_out ? fopen(cv_out, "w") : NULL;
        if (cv_out && !dump)
            die("ner: cannot write --cv-out");
        memset(&all_tag, 0, sizeof all_tag);
        memset(&all_full, 0, sizeof all_full);
        for (k = 0; k < cv; k++) {
            /* Documents [d0, d1) are fold k: sentences [a, b). */
            size_t d0 = n_docs * (size_t)k / (size_t)cv;
            size_t d1 = n_docs * (size_t)(k + 1) / (size_t)cv;
            long a = (long)doc_start[d0];
            long b = d1 < n_docs ? (long)doc_start[d1] : (long)A.n_sent;
            trained tr;
            prf r_tag, r_full;
            char what[64];
            snprintf(fold_path, sizeof fold_path, "%s.fold%d", out_path, k + 1);
            for (j = 0; j < S.n; j++)
                S.v[j].excluded = S.v[j].anercorp >= a && S.v[j].anercorp < b;
            if (!reuse) {
                tr = train_mean(&S, epochs, log2b, runs);
                write_model(&S, &tr, "ner", fold_path);
                free(tr.w);
                free(tr.t);
            }
            use_recognizer(m, fold_path, &image);
            memset(&r_tag, 0, sizeof r_tag);
            memset(&r_full, 0, sizeof r_full);
            library_eval(m, &S, &A, doc_start, n_docs, d0, d1, &r_tag, &r_full,
                         dump);
            snprintf(what, sizeof what, "fold %d (sentences %ld-%ld)", k + 1,
                     a, b - 1);
            print_prf(what, r_full);
            add_prf(&all_tag, &r_tag);
            add_prf(&all_full, &r_full);
            if (!keep && !reuse)
                remove(fold_path);
        }
        print_prf("cross-validation, tagger alone", all_tag);
        print_types(all_tag);
        print_prf("cross-validation, all folds", all_full);
        print_types(all_full);
        if (dump)
            fclose(dump);
        for (j = 0; j < S.n; j++)
            S.v[j].excluded = 0;
        m->ner = own;
        m->has_ner = had_ner;
        free(image);
    }
    if (!reuse) {
        trained tr = train_mean(&S, epochs, log2b, runs);
        write_model(&S, &tr, "ner", out_path);
        free(tr.w);
        free(tr.t);
    }
    seqs_free(&S);
    bio_free(&A);
    free(aner_index);
    free(doc_start);
    khabar_model_free(m);
    return 0;
}
