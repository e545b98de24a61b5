/*
 * khabar_fts.h - the `khabar` FTS5 tokenizer for SQLite.
 *
 * Built two ways from khabar_fts.c: as the loadable extension khabar_fts.so
 * (`.load khabar_fts` in the sqlite3 shell, or any driver's
 * load_extension(), whose entry point is sqlite3_khabarfts_init), and into
 * programs that link SQLite and call khabar_fts_register() themselves (the
 * khabar command does, compiling this file with -DSQLITE_CORE).
 *
 * The tokenizer: every word of a text is normalized (the `search` preset),
 * split from its clitics and reduced to its search stem, so وسوريا, لسوريا
 * and سُورْيَا all index as one term; tokens carry the byte offsets of the
 * original text, so highlight() and snippet() mark the right letters.
 * Queries go through the same steps. Arguments, in pairs:
 *
 *   stem 1|0              stems (default), or each token's normalized form
 *                         with its clitics (exact forms)
 *   diacritics remove|keep  keep: harakat stay in the indexed forms, so
 *                         سُورْيَا and سوريا differ (implies stem 0)
 *   repair 1|0            split glued words (مدينةسوتشي) before indexing
 *                         (default 1)
 *
 *   CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'khabar stem 0');
 *
 * It also registers the SQL function khabar_stem(text): the stems of a
 * text's words, separated by spaces (what a query or document indexes as).
 */
#ifndef KHABAR_FTS_H
#define KHABAR_FTS_H

#include <sqlite3.h>

#include "khabar.h"

/* Registers the tokenizer `khabar` and the function khabar_stem() with db.
 * model is the khabar model to use, shared read-only and owned by the caller,
 * who keeps it alive until db is closed; NULL loads the default model, owned
 * by the registration and freed when db closes. Returns an SQLite result
 * code; on error, *errmsg (when errmsg is not NULL) is set to a message that
 * the caller frees with sqlite3_free(). */
int khabar_fts_register(sqlite3 *db, const khabar_model *model,
                        char **errmsg);

/* Terms ahead of time. A program that inserts documents from one thread
 * can compute their terms on others: each thread analyzes with its own
 * analyzer (which caches the terms of the tokens it has seen; one thread at
 * a time), and just before inserting a text the writer feeds its terms;
 * when the tokenizer (with the default options) is then asked for the
 * terms of that very text (same bytes) as a document, it replays them
 * instead of analyzing again. Any other text is analyzed as usual, so a
 * stale or missing feed costs time, never correctness. `khabar index` does
 * this. */
typedef struct khabar_fts_analyzer khabar_fts_analyzer;
typedef struct khabar_fts_terms khabar_fts_terms;
typedef struct khabar_fts_feed khabar_fts_feed;

/* As khabar_fts_register(), and *feed (when not NULL) is set, on success
 * only, to the registration's feed: owned by it, valid until db closes. */
int khabar_fts_register_feed(sqlite3 *db, const khabar_model *model,
                             khabar_fts_feed **feed, char **errmsg);

/* An analyzer with the tokenizer's default options (model must outlive
 * it), or NULL when memory runs out; freed with khabar_fts_analyzer_free. */
khabar_fts_analyzer *khabar_fts_analyzer_new(const khabar_model *model);
void khabar_fts_analyzer_free(khabar_fts_analyzer *a);

/* A term list (empty), or NULL; freed with khabar_fts_terms_free. */
khabar_fts_terms *khabar_fts_terms_new(void);
void khabar_fts_terms_free(khabar_fts_terms *terms);

/* Replaces *out with the terms of len bytes of text, as the tokenizer would
 * give them. Returns an SQLite result code (out is then empty). */
int khabar_fts_analyze(khabar_fts_analyzer *a, const char *text, size_t len,
                       khabar_fts_terms *out);

/* How many terms a list holds, and term i (< count): its bytes (not
 * NUL-terminated, owned by the list) and *len. */
size_t khabar_fts_terms_count(const khabar_fts_terms *terms);
const char *khabar_fts_term(const khabar_fts_terms *terms, size_t i,
                            size_t *len);

/* The terms of a list separated by spaces, NUL-terminated (malloc; the
 * caller frees): what khabar_stem() gives for the same text. NULL when
 * memory runs out. */
char *khabar_fts_terms_join(const khabar_fts_terms *terms);

/* Feeds the terms of a text about to be inserted, in slot 0 or 1 (a row's
 * two columns, say); text NULL empties the slot. The text and terms must
 * stay unchanged until the slot is emptied or set again. */
void khabar_fts_feed_set(khabar_fts_feed *f, int slot, const char *text,
                         size_t len, const khabar_fts_terms *terms);

#endif
