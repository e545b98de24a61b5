/*
 * write.h - the writers behind khabar_doc_write(), one file per format.
 */
#ifndef KH_WRITE_H
#define KH_WRITE_H

#include "../core/doc.h"
#include "sink.h"

/* The sentences to write: the doc's, or, when the sentence stage did not
 * run, one that covers every token (stored in *whole). Returns the count. */
size_t kh_write_sentences(const khabar_doc *doc, const khabar_sentence **out,
                          khabar_sentence *whole);

/* The word of token ti that carries its stem (its host), for docs with
 * words. */
size_t kh_token_host(const khabar_doc *doc, size_t ti);

/* Each writes doc's view to k; returns 0, or KHABAR_EINVAL when the view is
 * not available in that format. Output errors are left in k. */
khabar_code kh_write_text(const khabar_doc *doc, const khabar_write_opts *o,
                          kh_sink *k);
khabar_code kh_write_jsonl(const khabar_doc *doc, const khabar_write_opts *o,
                           kh_sink *k);
khabar_code kh_write_conllu(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k);

#endif
