/*
 * store.h - the SQLite file behind `khabar index` and `khabar search`.
 *
 * Tables (docs/search.md has the whole schema):
 *   articles      rowid, id (unique), hash (of the text, unique), title,
 *                 text, date (YYYY-MM-DD or NULL), source, url, words
 *   articles_fts  FTS5 over title and text, tokenizer khabar, external
 *                 content (articles), kept in step by triggers
 *   entities      article, type (PER LOC ORG MISC), name, key (its search
 *                 stems), mentions
 *   meta          key/value: format = "khabar-index 1"
 */
#ifndef KH_STORE_H
#define KH_STORE_H

#include <sqlite3.h>

#include "khabar.h"
#include "../ext/sqlite/khabar_fts.h"

#define STORE_FORMAT "khabar-index 1"

/* Opens the index at path with the khabar tokenizer registered (using
 * model, which must outlive the connection). create: make the file and its
 * tables when missing; otherwise a missing file is an error. A file that is
 * not SQLite, or an SQLite file that is not a khabar index, is an error.
 * Prints a one-line error naming path and returns NULL on failure. feed
 * (when not NULL) receives the tokenizer's feed (ext/sqlite/khabar_fts.h). */
sqlite3 *store_open(const char *path, const khabar_model *model, int create,
                    khabar_fts_feed **feed);

/* Prints "khabar: <path>: <what>: <sqlite's message>". */
void store_error(sqlite3 *db, const char *path, const char *what);

/* Runs SQL with no result rows; on failure prints and returns -1. */
int store_exec(sqlite3 *db, const char *path, const char *sql);

#endif
