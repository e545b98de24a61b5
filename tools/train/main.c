/*
 * main.c - khabar-train: builds khabar's models. Never linked into the
 * library; `make models` runs it.
 *
 *   khabar-train segmenter ...    the clitic segmenter (train_segmenter.c)
 *   khabar-train lemmatizer ...   the lemmatizer (train_lemmatizer.c)
 *   khabar-train pos ...          the POS tagger (train_pos.c)
 *   khabar-train ner ...          the named-entity recognizer (train_ner.c)
 *   khabar-train background ...   lemma frequencies of news
 *                                 (train_background.c)
 *   khabar-train hosts ...        frequent hosts analyzed ahead
 *                                 (train_hosts.c)
 *   khabar-train tagrows ...      the taggers' scores of frequent words,
 *                                 worked out ahead (train_tagrows.c)
 */
#include <stdio.h>
#include <string.h>

#include "train.h"

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help")) {
        fputs("usage: khabar-train segmenter [options] TRAIN.conllu...\n"
              "       khabar-train lemmatizer [options] TRAIN.conllu...\n"
              "       khabar-train pos [options] TRAIN.conllu...\n"
              "       khabar-train ner [options] --anercorp A.bio ...\n"
              "       khabar-train background --out OUT NEWS.txt...\n"
              "       khabar-train hosts --out OUT CORPUS.txt...\n"
              "       khabar-train tagrows --out OUT CORPUS.txt...\n",
              argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "segmenter"))
        return train_segmenter(argc - 2, argv + 2);
    if (!strcmp(argv[1], "lemmatizer"))
        return train_lemmatizer(argc - 2, argv + 2);
    if (!strcmp(argv[1], "pos"))
        return train_pos(argc - 2, argv + 2);
    if (!strcmp(argv[1], "ner"))
        return train_ner(argc - 2, argv + 2);
    if (!strcmp(argv[1], "background"))
        return train_background(argc - 2, argv + 2);
    if (!strcmp(argv[1], "hosts"))
        return train_hosts(argc - 2, argv + 2);
    if (!strcmp(argv[1], "tagrows"))
        return train_tagrows(argc - 2, argv + 2);
    fprintf(stderr, "khabar-train: unknown command '%s'\n", argv[1]);
    return 2;
}
