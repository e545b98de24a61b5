/*
 * query.h - what a user types to `khabar search`, as an FTS5 expression.
 *
 * Syntax: words (all must match), "exact phrases", OR between two terms,
 * NOT word or -word (must not match), word* (prefix). Everything else is
 * text: parentheses, colons, carets, NEAR and stray quotes are searched as
 * words (or dropped with the punctuation), never read as FTS5 syntax, so no
 * query is an error in SQLite. Each term goes in double quotes and is
 * tokenized by the khabar tokenizer like the documents.
 *
 * A term of common words only (في، من، على ...) is dropped when the query
 * has other terms; a query of nothing else is refused with a message.
 */
#ifndef KH_QUERY_H
#define KH_QUERY_H

#include <stddef.h>

#include "khabar.h"
#include "../ext/sqlite/khabar_fts.h"

typedef struct query_ctx query_ctx;

/* The index terms of the common words under model (the khabar tokenizer's,
 * which also gives a query's terms); NULL when memory runs out. Freed with
 * query_ctx_free(). One thread at a time. */
query_ctx *query_ctx_new(const khabar_model *model);
void query_ctx_free(query_ctx *q);

/* Builds the FTS5 expression for text into *fts (malloc; the caller frees).
 * Returns 0, or -1 with *why set to a static message for the user. */
int query_build(query_ctx *q, const char *text, char **fts,
                const char **why);

#endif
