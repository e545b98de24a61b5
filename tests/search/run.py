#!/usr/bin/env python3
"""Search quality and the search commands, end to end.

usage: tests/search/run.py BUILD_DIR

1. `khabar index` the collection (tests/search/collection), then for every
   line of queries.tsv run `khabar search --format json` and check that each
   MUST document is returned and no MUSTNOT one is.
2. The same index read from Python's sqlite3 module with khabar_fts.so
   loaded: MATCH, highlight() on the original letters, khabar_stem().
3. The sqlite3 shell with .load (when the shell is installed).
4. Bad input: an empty query, one of common words only, FTS5 syntax
   characters, a non-SQLite DB, a missing DB, a JSONL with bad lines, a
   file that is not UTF-8, re-indexing (idempotent), a replaced article.
5. kill -9 in the middle of indexing: the DB opens, passes integrity
   checks, holds whole batches only, and a rerun completes it.
"""
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
KHABAR = os.path.join(BUILD, "khabar")
FTS_SO = os.path.join(BUILD, "khabar_fts")
SANITIZED = bool(os.environ.get("KHABAR_SANITIZED"))
failures = []
checks = 0


def check(ok, what):
    global checks
    checks += 1
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def khabar(*args, input=None):
    return subprocess.run([KHABAR, *args], capture_output=True, text=True,
                          input=input)


def search_ids(db, query, *opts):
    r = khabar("search", "--format", "json", "-n", "1000", *opts, db, query)
    if r.returncode not in (0, 1):
        return None, r
    hits = json.loads(r.stdout)["hits"]
    return [os.path.splitext(os.path.basename(h["id"]))[0] for h in hits], r


def known_failures():
    known = {}
    with open(os.path.join(HERE, "known-failures.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                query, why = line.split("\t")
                known[query] = why
    return known


def quality(tmp):
    known = known_failures()
    db = os.path.join(tmp, "quality.db")
    r = khabar("index", db, os.path.join(HERE, "collection"))
    check(r.returncode == 0, "index the collection: " + r.stderr)
    n = 0
    with open(os.path.join(HERE, "queries.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            query, must, mustnot, what = line.split("\t")
            must = must.split()
            mustnot = [] if mustnot.strip() == "-" else mustnot.split()
            got, r = search_ids(db, query)
            n += 1
            if got is None:
                check(False, f"search {query!r}: exit {r.returncode}: "
                             f"{r.stderr.strip()}")
                continue
            missing = [d for d in must if d not in got]
            wrong = [d for d in mustnot if d in got]
            ok = not missing and not wrong
            if query in known:
                check(not ok, f"{query!r} passes now: remove it from "
                              "known-failures.tsv")
                if not ok:
                    print(f"known failure: {query!r}: {known[query]}")
                continue
            check(ok, f"{query!r} ({what}): missing {missing}, wrong {wrong}")
    print(f"search quality: {n} queries, {len(known)} known failures")
    return db


def python_driver(db):
    con = sqlite3.connect(db)
    con.enable_load_extension(True)
    con.load_extension(FTS_SO)
    rows = con.execute(
        "SELECT a.id, highlight(articles_fts, 1, '<', '>') FROM articles_fts"
        " JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH 'سوريا'").fetchall()
    check(len(rows) > 0, "python: MATCH سوريا finds articles")
    marked = [m.split(">")[0] for _, h in rows for m in h.split("<")[1:]]
    check(marked and all("سوري" in m or "سُورِي" in m or "سوري" in
                         m.replace("\u064f", "").replace("\u0652", "")
                         for m in marked),
          f"python: highlight() marks forms of سوريا, got {marked[:8]}")
    check(any(m.startswith(("و", "ل", "ب")) for m in marked),
          "python: highlight() marks the clitic forms (وسوريا, لسوريا)")
    # The index khabar index wrote (terms made by its analysis threads and
    # fed to the tokenizer) is what the tokenizer makes of the stored texts.
    try:
        con.execute("INSERT INTO articles_fts(articles_fts) "
                    "VALUES('integrity-check')")
        check(True, "")
    except sqlite3.Error as e:
        check(False, f"python: FTS5 integrity-check of khabar index's index: {e}")
    stem = con.execute("SELECT khabar_stem('وسوريا لسوريا سُورْيَا')"
                       ).fetchone()[0]
    check(len(set(stem.split())) == 1, f"python: khabar_stem conflates: {stem}")
    tag = con.execute("SELECT khabar_stem('#مكة_لايف'), khabar_stem('مكة_لايف')"
                      ).fetchone()
    check(tag[0] == tag[1] and len(tag[0].split()) == 2,
          f"python: a hashtag's words index as without #: {tag}")
    # A table of one's own, with options.
    con.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='khabar stem 0')")
    con.execute("INSERT INTO t VALUES ('زار وسوريا')")
    exact = con.execute("SELECT count(*) FROM t WHERE t MATCH 'سوريا'").fetchone()[0]
    clitic = con.execute("SELECT count(*) FROM t WHERE t MATCH 'وسوريا'").fetchone()[0]
    check(exact == 0 and clitic == 1, "python: stem 0 matches exact forms only")
    try:
        con.execute("CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='khabar nonsense 1')")
        check(False, "python: an unknown tokenizer option is an error")
    except sqlite3.Error:
        check(True, "")
    con.close()


def shell(db):
    if not shutil.which("sqlite3"):
        print("sqlite3 shell not installed: skipped (scripts/deps.sh search)")
        return
    r = subprocess.run(["sqlite3", db],
                       input=f".load {FTS_SO}\nSELECT count(*) FROM articles_fts"
                             " WHERE articles_fts MATCH 'بسوريا';\n",
                       capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout.strip().isdigit() and
          int(r.stdout.strip()) > 0,
          f"sqlite3 shell: .load and MATCH: {r.stdout!r} {r.stderr!r}")


def bad_input(tmp, db):
    r = khabar("search", db, "")
    check(r.returncode == 2 and "search" in r.stderr, "empty query: exit 2")
    r = khabar("search", db, "في من على")
    check(r.returncode == 2 and "common words" in r.stderr,
          f"common words only: {r.stderr!r}")
    r = khabar("search", db, "-سوريا")
    check(r.returncode == 2, "only a word to leave out: exit 2")
    r = khabar("search", db, "الأن*")
    check(r.returncode == 2 and "prefix" in r.stderr,
          f"a prefix of two letters: {r.stderr!r}")
    r = khabar("search", db, "...؟!")
    check(r.returncode == 2, "punctuation only: exit 2")
    for q in ['سوريا)', '"سوريا', '(قطر', 'NEAR(سوريا', 'سوريا:', '^سوريا',
              '"', '*', 'سوريا OR', 'OR', 'NOT']:
        r = khabar("search", db, q)
        check(r.returncode in (0, 1, 2) and "Traceback" not in r.stderr and
              "fts5" not in r.stderr.lower(),
              f"FTS5 syntax in {q!r}: {r.returncode} {r.stderr.strip()}")
    # Random queries from the characters that mean something to FTS5 or to
    # khabar's syntax, and letters: never a crash, never an SQL error.
    rnd = random.Random(7)
    pieces = ['"', "(", ")", "*", "-", ":", "^", "+", " OR ", " NOT ", " AND ",
              " NEAR ", "NEAR(", " ", "سوريا", "ال", "و", "قطر", "x", "{", "}",
              "\\", "'", ";", "\u0650", "\u200f", "١٢", "#"]
    for k in range(60 if SANITIZED else 150):
        q = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        r = khabar("search", db, q)
        check(r.returncode in (0, 1, 2) and "cannot search" not in r.stderr
              and len(r.stderr.strip().splitlines()) <= 1,
              f"random query {q!r}: exit {r.returncode}: {r.stderr.strip()}")
    r = khabar("search", db, " ".join(["سوريا"] * 10000))
    check(r.returncode == 0, "a query of 10,000 words")
    notdb = os.path.join(tmp, "notdb")
    with open(notdb, "w") as f:
        f.write("this is not a database, it is a text file" * 100)
    r = khabar("search", notdb, "سوريا")
    check(r.returncode == 1 and notdb in r.stderr and
          len(r.stderr.strip().splitlines()) == 1,
          f"not an SQLite file: {r.stderr!r}")
    r = khabar("index", notdb, os.path.join(HERE, "collection"))
    check(r.returncode == 1 and notdb in r.stderr, "index into a non-SQLite file")
    other = os.path.join(tmp, "other.db")
    sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.commit()
    r = khabar("search", other, "سوريا")
    check(r.returncode == 1 and "not a khabar index" in r.stderr,
          f"an SQLite file that is not an index: {r.stderr!r}")
    r = khabar("search", os.path.join(tmp, "missing.db"), "سوريا")
    check(r.returncode == 1 and "no such index" in r.stderr, "missing DB")
    r = khabar("index", "/proc/nonexistent/x.db", os.path.join(HERE, "collection"))
    check(r.returncode == 1 and "x.db" in r.stderr, "unwritable DB path")
    # A very long article (one line, past the snippet limit): indexed,
    # found, shown by its first words.
    big = os.path.join(tmp, "big.txt")
    with open(big, "w", encoding="utf-8") as f:
        f.write("مقال طويل جدا عن المطر في الجبال " * 60000 + "وسوريا في آخره\n")
    dbb = os.path.join(tmp, "big.db")
    r = khabar("index", "--no-entities", dbb, big)
    check(r.returncode == 0 and "1 added" in r.stdout, f"a 2 MB line: {r.stdout!r}")
    got, r = search_ids(dbb, "سوريا")
    check(got == ["big"], f"a 2 MB line: found by its last word: {got}")
    hit = json.loads(khabar("search", "--format", "json", dbb, "سوريا").stdout)["hits"][0]
    check(hit["snippet"].startswith("مقال طويل"), "a 2 MB line: its first words")
    # --entity: the articles that name the person (by a part of the
    # name, in another form), and facets of people.
    got, _ = search_ids(db, "روسيا", "--entity", "وبوتين")
    check(got == ["putin-visit"], f"--entity وبوتين: {got}")
    got, _ = search_ids(db, "روسيا", "--entity", "بينغ")
    check(got == ["putin-visit"], f"--entity بينغ (a surname): {got}")
    got, _ = search_ids(db, "روسيا", "--entity", "تين")
    check(got == [], f"--entity تين names no one: {got}")
    fac = json.loads(khabar("search", "--format", "json", "--facets", db,
                            "بوتين").stdout).get("facets", {})
    check(any(f["name"] == "فلاديمير بوتين" for f in fac.get("PER", [])),
          f"--facets: people among the hits: {fac.get('PER')}")
    # Re-indexing adds nothing.
    r = khabar("index", db, os.path.join(HERE, "collection"))
    check(r.returncode == 0 and " 0 added" in r.stdout, f"re-index: {r.stdout}")
    # JSONL with good and bad lines; a non-UTF-8 file; an empty file.
    d = os.path.join(tmp, "mixed")
    os.mkdir(d)
    with open(os.path.join(d, "a.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j1", "title": "خبر", "text": "وصل الوفد إلى الرباط صباح اليوم",
                            "date": "2024-05-02", "source": "test"}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"id": "j3", "title": "بلا نص"}) + "\n")
        f.write(json.dumps({"id": "j4", "text": "عاد الوفد من الرباط"}, ensure_ascii=False) + "\n")
    with open(os.path.join(d, "latin1.txt"), "wb") as f:
        f.write("caf\xe9 ".encode("latin-1") * 10)
    open(os.path.join(d, "empty.txt"), "w").close()
    db2 = os.path.join(tmp, "mixed.db")
    r = khabar("index", db2, d)
    check(r.returncode == 1 and "2 added" in r.stdout and "4 skipped" in r.stdout,
          f"mixed inputs: {r.stdout!r}")
    check("a.jsonl:2" in r.stderr and "a.jsonl:3" in r.stderr and
          "latin1.txt" in r.stderr and "empty.txt" in r.stderr,
          f"warnings name file and line: {r.stderr!r}")
    got, _ = search_ids(db2, "الرباط", "--source", "test")
    check(got == ["a"] or got == ["j1"], f"--source filter: {got}")
    got, _ = search_ids(db2, "الرباط", "--from", "2024-01-01")
    check(len(got) == 1, f"--from filter: {got}")
    # A known id with a new text replaces it.
    with open(os.path.join(d, "a.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "j1", "text": "غادر الوفد مدينة طنجة"},
                           ensure_ascii=False) + "\n")
    r = khabar("index", db2, os.path.join(d, "a.jsonl"))
    check("1 replaced" in r.stdout, f"replace by id: {r.stdout!r}")
    got, _ = search_ids(db2, "طنجة")
    got2, _ = search_ids(db2, "الرباط")
    check(len(got) == 1 and len(got2) == 1, f"replaced text searched: {got} {got2}")
    con = sqlite3.connect(db2)
    check(con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2,
          "replace keeps one row per id")
    con.close()


def crash(tmp):
    """kill -9 while indexing, then check and resume."""
    d = os.path.join(tmp, "many")
    os.mkdir(d)
    src = sorted(os.listdir(os.path.join(HERE, "collection")))
    texts = [open(os.path.join(HERE, "collection", s), encoding="utf-8").read()
             for s in src]
    with open(os.path.join(d, "many.jsonl"), "w", encoding="utf-8") as f:
        for i in range(6000):
            f.write(json.dumps({"id": f"doc{i}", "text": f"{texts[i % len(texts)]}\nرقم {i}"},
                               ensure_ascii=False) + "\n")
    db = os.path.join(tmp, "crash.db")
    p = subprocess.Popen([KHABAR, "index", "--batch", "100", "-j", "2", db, d],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Wait for the first committed batches, then kill.
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        try:
            con = sqlite3.connect(db, timeout=1)
            n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
            if n >= 300:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    p.send_signal(signal.SIGKILL)
    p.wait()
    p.stdout.close()
    p.stderr.close()
    con = sqlite3.connect(db)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    check(ok == "ok", f"after kill -9: integrity_check: {ok}")
    if not SANITIZED:  # a sanitized khabar_fts.so cannot load here
        con.enable_load_extension(True)
        con.load_extension(FTS_SO)
        try:
            con.execute("INSERT INTO articles_fts(articles_fts) "
                        "VALUES('integrity-check')")
            check(True, "")
        except sqlite3.Error as e:
            check(False, f"after kill -9: FTS5 integrity-check: {e}")
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    check(n % 100 == 0 and n < 6000,
          f"after kill -9: whole batches only ({n} articles)")
    con.close()
    # A reader sees consistent results while a writer runs.
    p = subprocess.Popen([KHABAR, "index", "--batch", "100", db, d],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts = []
    while p.poll() is None:
        got, r = search_ids(db, "رقم")
        if got is not None:
            counts.append(len(got))
        time.sleep(0.02)
    out, err = p.communicate()
    check(p.returncode == 0 and "6000" not in out and
          f"{6000 - n} added" in out, f"rerun completes: {out!r} {err!r}")
    check(all(c % 100 == 0 for c in counts) and counts == sorted(counts),
          f"a reader during writing sees whole batches: {counts[:20]}")
    con = sqlite3.connect(db)
    check(con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6000,
          "after the rerun: every article")
    con.close()


def main():
    tmp = tempfile.mkdtemp(prefix="khabar-search-")
    try:
        db = quality(tmp)
        if SANITIZED:
            # A sanitized khabar_fts.so cannot load into an unsanitized
            # python3 or sqlite3: those two run in the plain build.
            print("sanitized build: the extension's Python and shell "
                  "checks are skipped")
        else:
            python_driver(db)
            shell(db)
        bad_input(tmp, db)
        crash(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"search: {checks - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
