#!/usr/bin/env python3
"""search_eval.py - how khabar search does on SaudiNewsNet against SQLite
FTS5's own tokenizers (make eval; tools/eval/README.md, "Search").

usage: search_eval.py BUILD SHARED [--queries FILE] [--judgments FILE]
                      [--show QUERY] [--no-build]

BUILD is the build dir (khabar, khabar_fts.so; the indexes are those of
bench/search.sh under BUILD/bench/search, built or reused through
`bench/search.sh BUILD --indexes`), SHARED the shared data dir (its
news/saudinewsnet/zips are indexed).

1. For each query of tools/eval/search_queries.txt: how many articles
   `khabar search` finds (the khabar index: the khabar tokenizer, the query
   as khabar reads it), FTS5 unicode61 finds (each word as a quoted term,
   all of them: the exact word forms only), and FTS5 trigram finds (each
   word as a substring, all of them; a word of fewer than 3 letters cannot
   use the trigram index, so that count is FTS5's LIKE over title and text,
   marked *).
2. P@10 of khabar and of unicode61 (bm25, a title match weighing twice) for
   the queries judged in tools/eval/search_judgments.tsv (query, article
   id, 1|0, reason); a hit with no judgment is listed and counted apart.

--show QUERY prints the top 10 of both with title and snippet (for
judging) and exits. Needs a python3 whose sqlite3 module can load
extensions (Debian's /usr/bin/python3); the script re-runs itself with
it when needed.
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def can_load():
    try:
        sqlite3.connect(":memory:").enable_load_extension(True)
        return True
    except AttributeError:
        return False


def reexec():
    """Runs the script again with Debian's python3 when this one's sqlite3
    module cannot load extensions."""
    deb = "/usr/bin/python3"
    if can_load():
        return
    if os.path.realpath(sys.executable) != os.path.realpath(deb) and \
            os.access(deb, os.X_OK) and not os.environ.get("KHABAR_EVAL_REEXEC"):
        os.environ["KHABAR_EVAL_REEXEC"] = "1"
        os.execv(deb, [deb] + sys.argv)
    sys.exit("search_eval.py: this python3's sqlite3 cannot load extensions;"
             " run it with Debian's /usr/bin/python3 (scripts/deps.sh search)")


def read_queries(path):
    qs = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            qs.append(line)
    return qs


def read_judgments(path):
    j = {}
    if not os.path.exists(path):
        return j
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 3 or f[2] not in ("0", "1"):
            sys.exit("%s:%d: want query<TAB>id<TAB>1|0<TAB>reason" % (path, n))
        j[(f[0], f[1])] = int(f[2])
    return j


def letters(word):
    return len(ARABIC.findall(word)) or len(word)


def fts_words(q):
    """The query's words, each a quoted FTS5 string."""
    return ['"%s"' % w.replace('"', '""') for w in q.split()]


def khabar_search(khabar, db, q, limit=10):
    p = subprocess.run([khabar, "search", "--format", "json", "--limit",
                        str(limit), db, "--", q],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None, [], p.stderr.strip()
    d = json.loads(p.stdout)
    return d["total"], d["hits"], d["fts"]


HITS = ("SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 24)"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ?"
        " ORDER BY bm25(articles_fts, 2.0, 1.0), a.rowid LIMIT ?")


def fts_count(con, expr):
    return con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts"
                       " MATCH ?", (expr,)).fetchone()[0]


def trigram_count(con, q):
    """Each word a substring of the title or the text, all of them. Words
    of fewer than 3 letters through LIKE (no index); returns (n, short)."""
    long_ = [w for w in q.split() if letters(w) >= 3]
    short = [w for w in q.split() if letters(w) < 3]
    where, args = [], []
    if long_:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts"
                     " WHERE articles_fts MATCH ?)")
        args.append(" ".join(fts_words(" ".join(long_))))
    for w in short:
        where.append("(a.title LIKE ? OR a.text LIKE ?)")
        args += ["%" + w + "%"] * 2
    n = con.execute("SELECT count(*) FROM articles a WHERE " +
                    " AND ".join(where), args).fetchone()[0]
    return n, bool(short)


def main():
    reexec()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("shared")
    ap.add_argument("--queries", default=os.path.join(HERE, "search_queries.txt"))
    ap.add_argument("--judgments",
                    default=os.path.join(HERE, "search_judgments.tsv"))
    ap.add_argument("--show", metavar="QUERY")
    ap.add_argument("--no-build", action="store_true",
                    help="use the indexes as they are; do not run bench/search.sh")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    shared = os.path.abspath(a.shared)
    khabar = os.path.join(build, "khabar")
    sdir = os.path.join(build, "bench", "search")
    dbs = {n: os.path.join(sdir, f) for n, f in
           (("khabar", "khabar-index.db"), ("unicode61", "fts-unicode61.db"),
            ("trigram", "fts-trigram.db"))}
    zips = os.path.join(shared, "news", "saudinewsnet", "zips")
    if not os.path.isdir(zips):
        print("search: %s is absent: no search figures" % zips)
        return 0
    if not a.no_build:
        env = dict(os.environ, KHABAR_SHARED=os.path.dirname(shared))
        p = subprocess.run([os.path.join(REPO, "bench", "search.sh"), build,
                            "--indexes"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            sys.exit("search_eval.py: bench/search.sh --indexes failed")
    for n, f in dbs.items():
        if not os.path.exists(f):
            sys.exit("search_eval.py: %s is missing (bench/search.sh %s"
                     " --indexes makes it)" % (f, a.build))
    con = {}
    for n in ("unicode61", "trigram"):
        con[n] = sqlite3.connect("file:%s?mode=ro" % dbs[n], uri=True)
    kcon = sqlite3.connect("file:%s?mode=ro" % dbs["khabar"], uri=True)
    kcon.enable_load_extension(True)
    kcon.load_extension(os.path.join(build, "khabar_fts"))
    n_articles = {n: sqlite3.connect("file:%s?mode=ro" % f, uri=True).execute(
        "SELECT count(*) FROM articles").fetchone()[0] for n, f in dbs.items()}

    if a.show:
        q = a.show
        total, hits, fts = khabar_search(khabar, dbs["khabar"], q)
        judg = read_judgments(a.judgments)
        print("== khabar: %s (%s), %s hits" % (q, fts, total))
        for i, h in enumerate(hits, 1):
            print("%2d %s\t[%s]\n   %s\n   %s" % (
                i, h["id"], judg.get((q, h["id"]), "?"), h["title"],
                " ".join(h["snippet"].split())))
        expr = " ".join(fts_words(q))
        print("\n== unicode61: %s, %d hits" % (expr, fts_count(con["unicode61"], expr)))
        for i, (id_, title, snip) in enumerate(
                con["unicode61"].execute(HITS, (expr, 10)), 1):
            print("%2d %s\t[%s]\n   %s\n   %s" % (
                i, id_, judg.get((q, id_), "?"), title, " ".join(snip.split())))
        return 0

    queries = read_queries(a.queries)
    judg = read_judgments(a.judgments)
    print("Search (SaudiNewsNet: %d articles in the khabar index, %d in the"
          " FTS5 ones)" % (n_articles["khabar"], n_articles["unicode61"]))
    print("  articles found per query: khabar search, FTS5 unicode61 (the"
          " exact words), FTS5 trigram (substrings)")
    print("  %-16s %8s %10s %9s   %-8s %s" % ("query", "khabar", "unicode61",
                                              "trigram", "ratio", "unicode61 hits khabar misses"))
    top = {}
    shorts = []
    missed_all = []
    for q in queries:
        total, hits, fts = khabar_search(khabar, dbs["khabar"], q)
        top[q] = [h["id"] for h in hits]
        expr = " ".join(fts_words(q))
        u = fts_count(con["unicode61"], expr)
        t, short = trigram_count(con["trigram"], q)
        if short:
            shorts.append(q)
        ratio = ("%.1fx" % (total / u)) if (total is not None and u) else "-"
        missed = "-"
        if total is not None:
            kids = {r[0] for r in kcon.execute(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid ="
                " articles_fts.rowid WHERE articles_fts MATCH ?", (fts,))}
            uids = {r[0] for r in con["unicode61"].execute(
                "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid ="
                " articles_fts.rowid WHERE articles_fts MATCH ?", (expr,))}
            missed = len(uids - kids)
            missed_all.append((q, sorted(uids - kids)[:3]))
        print("  %s%s %8s %10d %8d%s   %-8s %s" % (
            q, " " * max(1, 16 - len(q)), total if total is not None else "err",
            u, t, "*" if short else " ", ratio, missed))
    for q, ids in missed_all:
        if ids:
            print("  %s: unicode61 finds, khabar does not: %s" % (q, " ".join(ids)))
    if shorts:
        print("  * fewer than 3 letters (%s): the trigram index cannot hold the"
              " word; counted by LIKE over title and text (a full scan)"
              % ", ".join(shorts))

    judged = []
    for (q, _id) in judg:
        if q not in judged:
            judged.append(q)
    if not judged:
        print("  (no judgments in %s: no P@10)" % a.judgments)
        return 0
    print()
    print("  P@10 (%s: top 10 of each judged by hand, title and snippet)"
          % os.path.relpath(a.judgments, REPO))
    print("  %-16s %8s %10s" % ("query", "khabar", "unicode61"))
    unjudged = []
    sums = {"khabar": [0, 0], "unicode61": [0, 0]}
    for q in judged:
        if q not in top:
            top[q] = [h["id"] for h in khabar_search(khabar, dbs["khabar"], q)[1]]
        uni = [r[0] for r in con["unicode61"].execute(
            HITS, (" ".join(fts_words(q)), 10))]
        cells = []
        for name, ids in (("khabar", top[q]), ("unicode61", uni)):
            rel = sum(judg.get((q, i), 0) for i in ids)
            miss = [i for i in ids if (q, i) not in judg]
            unjudged += [(q, name, i) for i in miss]
            sums[name][0] += rel
            sums[name][1] += 1
            cells.append("%.1f%s" % (rel / 10, "?" if miss else ""))
        print("  %s%s %8s %10s" % (q, " " * max(1, 16 - len(q)), cells[0], cells[1]))
    print("  %-16s %8.2f %10.2f" % ("mean", sums["khabar"][0] / 10 / sums["khabar"][1],
                                    sums["unicode61"][0] / 10 / sums["unicode61"][1]))
    if unjudged:
        print("  ? hits with no judgment (counted as not relevant): %d" % len(unjudged))
        for q, name, i in unjudged:
            print("    %s  %s  %s" % (q, name, i))
    return 0


if __name__ == "__main__":
    sys.exit(main())
