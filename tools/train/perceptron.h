/*
 * perceptron.h - the averaged structured perceptron behind khabar's sequence
 * taggers (perceptron.c), shared by `khabar-train pos` and `khabar-train ner`.
 * A sequence is the features of its positions (as the library's feature
 * functions give them) and their gold labels.
 */
#ifndef KH_PERCEPTRON_H
#define KH_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "tag/tagger.h"

typedef struct seq {
    size_t n;
    uint64_t *feats;
    uint32_t *off;  /* n + 1 */
    uint8_t *gold;
    uint8_t *skip;  /* 1: do not learn from this position */
    uint64_t *allow; /* the labels each position may take (bit y: label y;
                        kh_tagger_decode_allowed), or NULL: any */
    int heldout;    /* for early stopping */
    int excluded;   /* not trained on (a cross-validation test fold) */
    int source;     /* its domain (NER: 0 ANERcorp, then each extra corpus) */
    long anercorp;  /* NER: index of the ANERcorp sentence it is or copies */
    long doc;       /* its document: the sequences of one are consecutive */
    uint64_t *hkey; /* with prediction history: each position's key
                       (kh_ner_history_key, 0: none), or NULL */
} seq;

typedef struct seqs {
    seq *v;
    size_t n, cap;
    const char *labels[KH_TAG_MAX_LABELS];
    int n_labels;
    int domains;    /* > 1: each source below it has weights of its own */
    /* Prediction history (ner_history.h), when hist_feats is set: each
     * document's sequences are learned from in order (the documents
     * shuffled), and each position also has the features hist_feats gives
     * for the types (hist_type of the labels) that the model being trained
     * gave the earlier positions of its document with the same key as it,
     * as the position before it and as the one after (0 at the ends). */
    int (*hist_feats)(unsigned prev, unsigned hist, unsigned next,
                      uint64_t *f);
    uint8_t hist_type[KH_TAG_MAX_LABELS]; /* 0: no type */
} seqs;

typedef struct trained {
    double *w, *t;  /* averaged emission and transition weights */
    uint32_t mask;
    int L;
} trained;

/* The index of a label, added when new. */
int label_of(seqs *S, const char *name);

/* Appends a sequence (S takes its arrays). */
void add_seq(seqs *S, seq *q);

/* Viterbi with double weights (w: emissions, t: transitions), among the
 * labels q->allow allows, as the library decodes; sc and bk have room for
 * q->n * L entries. */
void decode(const seq *q, int L, uint32_t mask, const double *w,
            const double *t, uint8_t *out, double *sc, uint8_t *bk);

/* Trains on the sequences that are neither excluded nor held out, stopping
 * on the held-out ones; returns the best epoch's averaged weights (caller
 * frees w and t).
 *
 * With S->domains > 1, the corpora are domains (seq.source) that annotate
 * differently: each has weights of its own besides the shared ones, and a
 * sequence is scored by the sum of both (Daume's feature augmentation, with
 * a table per domain instead of a copy of each feature). Held-out accuracy
 * is measured on domain 0, and the weights returned are the shared ones
 * plus domain 0's: the model of domain 0's annotation, as fast as one. */
trained train_best(seqs *S, int epochs, int log2b);

/* train_best with the training order of run (0: train_best's): each run
 * shuffles the sequences differently. */
trained train_seeded(seqs *S, int epochs, int log2b, unsigned run);

/* The mean of the weights of runs models (train_seeded), run r trained in
 * its own order and stopped early on its own tenth of the sequences (every
 * tenth from the (9 - r % 10)th): one linear model, as fast as each, that
 * depends less on the order of the training text and on which sentences
 * were held out. Leaves run 0's held-out sequences marked. */
trained train_mean(seqs *S, int epochs, int log2b, int runs);

/* Writes weights as a model file of kind (sections "weights", "tagger"). */
void write_model(const seqs *S, const trained *tr, const char *kind,
                 const char *path);

/* train_best then write_model. */
void train_and_write(seqs *S, const char *kind, const char *path,
                     int epochs, int log2b);

/* Frees the sequences and labels of S. */
void seqs_free(seqs *S);

#endif
