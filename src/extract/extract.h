/*
 * extract.h - the news-analysis stages, after the taggers: entity clusters
 * (coref.c), dates (dates.c), quotes (quotes.c), keywords (keywords.c) and
 * the summary (summary.c). Each reads what earlier stages left in the doc
 * and appends its own arrays; each returns 0, or -1 when memory runs out.
 */
#ifndef KH_EXTRACT_H
#define KH_EXTRACT_H

#include <stddef.h>

#include "khabar.h"

/* Stage CLUSTERS: doc->clusters, doc->mentions, doc->entity_cluster. */
int kh_coref(khabar_doc *doc);

/* For the unit tests: whether coref.c's word lists are in byte order, as
 * its binary search needs. */
int kh_coref_lists_sorted(void);

/* Stage DATES: doc->timexes, doc->date and doc->date_source. given is the
 * caller's publication date (year 0: none). */
int kh_dates(khabar_doc *doc, khabar_date given);

/* Stage QUOTES: doc->quotes. */
int kh_quotes(khabar_doc *doc);

/* Stage KEYWORDS: doc->keywords. */
int kh_keywords(khabar_doc *doc);

/* Stage SUMMARY: doc->summary, n sentences at most. */
int kh_summary(khabar_doc *doc, unsigned n);

/* The cluster that input bytes [start, end) (a speaker, say) stand for: a
 * mention that is exactly the span, else a person named inside it, else a
 * mention the span is inside. SIZE_MAX when none or without stage
 * CLUSTERS. */
size_t kh_cluster_at(const khabar_doc *doc, size_t start, size_t end);

/* Whether a person's title ends right before the name that starts at byte
 * name_start (الرئيس الأمريكي | دونالد ترامب). */
int kh_titled(const khabar_doc *doc, size_t name_start);

/* What a cluster's title mentions say of the person's gender: 2 when one
 * has a head in the feminine (الوزيرة, رئيسة الوزراء) and none a head in
 * the masculine (الوزير), 1 the other way round, else 0. */
int kh_cluster_gender(const khabar_doc *doc, size_t cluster);

/* Whether the span ends with a person's name that does not start it (a
 * title, then the name: الرئيس الروسي فلاديمير بوتين); sets *name_start. */
int kh_person_at_end(const khabar_doc *doc, size_t start, size_t end,
                     size_t *name_start);

#endif
