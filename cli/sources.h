/*
 * sources.h - the articles of the inputs given to `khabar index`.
 *
 * A path is one of:
 *   a directory      the files under it, recursively, in name order, whose
 *                    names end in .txt .text .json .jsonl .zip or have no
 *                    extension (names starting with a dot are skipped);
 *   NAME.jsonl       one article a line: an object with "text" (required;
 *                    "content" is taken too) and optional "id", "title",
 *                    "date", "source", "url";
 *   NAME.json        an array of such objects, or one object (SaudiNewsNet's
 *                    files: "content", "date_extracted");
 *   NAME.zip         each member read with `unzip -p`, as .json/.jsonl when
 *                    its content is JSON, else as a text file;
 *   any other file   one article: the whole text; its title the first line
 *                    that is not blank; its id the path as given.
 * An article without an id gets one: the path, with ":LINE" (JSONL) or
 * "#INDEX" (an array element) after it.
 */
#ifndef KH_SOURCES_H
#define KH_SOURCES_H

#include <stddef.h>

typedef struct article {
    const char *id;           /* NUL-terminated */
    const char *title;        /* or NULL; NUL-terminated */
    const char *date;         /* YYYY-MM-DD, or NULL */
    const char *source, *url; /* or NULL */
    const char *text;         /* len bytes, well-formed UTF-8 */
    size_t len;
} article;

/* Called for each article; the strings live until it returns. Returns 0 to
 * go on, non-zero to stop the walk (that value is returned). */
typedef int (*article_fn)(void *ctx, const article *a);

typedef struct source_stats {
    size_t files;     /* files read */
    size_t articles;  /* articles handed to the callback */
    size_t skipped;   /* inputs or records skipped with a warning */
} source_stats;

/* Walks path, calling fn for each article; problems with one file or one
 * record are warnings on stderr naming it (and its line), counted in
 * st->skipped. Returns 0, or what fn returned to stop. */
int sources_walk(const char *path, article_fn fn, void *ctx,
                 source_stats *st);

#endif
