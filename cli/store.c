/*
 * store.c - opening, checking and creating the index file (see store.h).
 */
#include "store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char schema[] =
    "BEGIN;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE articles("
    "  rowid INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  hash INTEGER NOT NULL UNIQUE,"
    "  title TEXT, text TEXT NOT NULL, date TEXT, source TEXT, url TEXT,"
    "  words INTEGER);"
    "CREATE INDEX articles_date ON articles(date);"
    "CREATE INDEX articles_source ON articles(source);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, text, content = 'articles', content_rowid = 'rowid',"
    "  tokenize = 'khabar');"
    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, text)"
    "    VALUES (new.rowid, new.title, new.text);"
    "END;"
    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    "    VALUES ('delete', old.rowid, old.title, old.text);"
    "  DELETE FROM entities WHERE article = old.rowid;"
    "END;"
    "CREATE TABLE entities("
    "  article INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,"
    "  key TEXT NOT NULL, mentions INTEGER NOT NULL);"
    "CREATE INDEX entities_article ON entities(article);"
    "CREATE INDEX entities_key ON entities(key);"
    "INSERT INTO meta VALUES ('format', '" STORE_FORMAT "');"
    "COMMIT;";

void store_error(sqlite3 *db, const char *path, const char *what)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s: %s", what,
             db ? sqlite3_errmsg(db) : "out of memory");
    cli_error(path, msg);
}

int store_exec(sqlite3 *db, const char *path, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    store_error(db, path, "cannot update the index");
    return -1;
}

/* 1: a khabar index; 0: an empty database; -1: something else (printed). */
static int check(sqlite3 *db, const char *path)
{
    sqlite3_stmt *st = NULL;
    int rc, n = 0, ours = 0;
    rc = sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema", -1, &st,
                            NULL);
    if (rc != SQLITE_OK) {
        /* The first read of a file that is not a database fails here. */
        store_error(db, path, "not a khabar index");
        return -1;
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        ours |= !strcmp((const char *)sqlite3_column_text(st, 0), "meta");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_error(db, path, "not a khabar index");
        return -1;
    }
    if (n == 0)
        return 0;
    if (ours && sqlite3_prepare_v2(db,
                                   "SELECT value FROM meta WHERE key = "
                                   "'format'",
                                   -1, &st, NULL) == SQLITE_OK) {
        ours = sqlite3_step(st) == SQLITE_ROW &&
               sqlite3_column_text(st, 0) &&
               !strcmp((const char *)sqlite3_column_text(st, 0),
                       STORE_FORMAT);
        sqlite3_finalize(st);
    } else {
        ours = 0;
    }
    if (!ours) {
        cli_error(path, "an SQLite database, but not a khabar index (" STORE_FORMAT ")");
        return -1;
    }
    return 1;
}

sqlite3 *store_open(const char *path, const khabar_model *model, int create,
                    khabar_fts_feed **feed)
{
    sqlite3 *db = NULL;
    char *err = NULL;
    struct stat st;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), rc;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error(path, "is a directory, not an index file");
        return NULL;
    }
    if (!create && stat(path, &st) != 0) {
        cli_error(path, errno == ENOENT ? "no such index (make one with "
                                          "`khabar index`)"
                                        : strerror(errno));
        return NULL;
    }
    rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        store_error(db, path, "cannot open");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    if (khabar_fts_register_feed(db, model, feed, &err) != SQLITE_OK) {
        cli_error(path, err ? err : "cannot register the khabar tokenizer");
        sqlite3_free(err);
        sqlite3_close(db);
        return NULL;
    }
    rc = check(db, path);
    if (rc < 0 || (rc == 0 && !create)) {
        if (rc == 0)
            cli_error(path, "an empty database, not a khabar index");
        sqlite3_close(db);
        return NULL;
    }
    if (create && (store_exec(db, path, "PRAGMA journal_mode = WAL") != 0 ||
                   store_exec(db, path, "PRAGMA synchronous = NORMAL") != 0 ||
                   (rc == 0 && store_exec(db, path, schema) != 0))) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}
