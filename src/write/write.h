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

/* The first place in (a, b) where a repair splits a glued word (where a
 * space goes, as the report and the HTML page show text), or b. */
size_t kh_repair_split_after(const khabar_doc *doc, size_t a, size_t b);

/* A date as ISO 8601 at its precision (2015-10-20, 2011-03, 2011; "" for
 * none) into out (n bytes, NUL-terminated); returns its length. */
size_t kh_date_format(char *out, size_t n, khabar_date d);

/* The doc's date expressions ordered by the first day they cover (those
 * with none first), then by position: an array of n pointers (malloc; the
 * caller frees), or NULL when memory runs out. */
const khabar_timex **kh_timeline(const khabar_doc *doc);

/* The doc's clusters of an entity type, most named first (then by first
 * mention): an array of *n pointers (malloc; the caller frees), or NULL
 * when memory runs out. */
/* Whether mention j of a cluster is one of its titles that the list of its
 * titles shows: a title, and not the same words as an earlier title of
 * the cluster (وزير البيئة الفرنسي twice is shown once). */
int kh_title_shown(const khabar_doc *doc, const khabar_cluster *c, size_t j);

/* How a title mention reads in a list of titles: from *start (its start,
 * or after the ل of ل+ال that swallowed the article's alef: للصحفي
 * السعودي) with the returned prefix before it ("" or "ا": الصحفي
 * السعودي). Static string. */
const char *kh_title_from(const khabar_doc *doc, const khabar_mention *m,
                          size_t *start);

const khabar_cluster **kh_clusters_of_type(const khabar_doc *doc, int type,
                                           size_t *n);

/* The cluster whose name a quote's speaker should be shown with: the
 * speaker's, when the speaker is a title or a description that neither
 * is nor holds the cluster's name (الرئيس الروسي: فلاديمير بوتين); NULL
 * when there is none or the speaker says the name. */
const khabar_cluster *kh_speaker_named(const khabar_doc *doc,
                                       const khabar_quote *q);

/* The name of a khabar_word_role ("proclitic", "host", ...). Static. */
const char *kh_word_role_name(int role);

/* Each writes doc's view to k; returns 0, or KHABAR_EINVAL when the view is
 * not available in that format. Output errors are left in k. */
khabar_code kh_write_text(const khabar_doc *doc, const khabar_write_opts *o,
                          kh_sink *k);
khabar_code kh_write_jsonl(const khabar_doc *doc, const khabar_write_opts *o,
                           kh_sink *k);
khabar_code kh_write_conllu(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k);

/* View ANALYSIS: json and jsonl (json.c), the text report (report.c), the
 * HTML page (html.c). */
khabar_code kh_write_analysis_json(const khabar_doc *doc,
                                   const khabar_write_opts *o, kh_sink *k);
khabar_code kh_write_report(const khabar_doc *doc, const khabar_write_opts *o,
                            kh_sink *k);
khabar_code kh_write_html(const khabar_doc *doc, const khabar_write_opts *o,
                          kh_sink *k);

#endif
