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

#endif
