#!/usr/bin/env bash
# search.sh - the search part of make bench: indexing SaudiNewsNet with
# `khabar index` and with SQLite FTS5's own tokenizers, and query latency.
# Called at the end of bench/run.sh; runs alone too. Never a pass/fail test:
# it measures and prints. bench/README.md ("Search") says what each line
# means.
#
# usage: bench/search.sh [BUILD] [--indexes]
#   BUILD      the build dir (default build)
#   --indexes  only build (or reuse) the indexes and exit: what
#              tools/eval/search_eval.py asks for
#
# 1. `khabar index -j 2` (entities, the default) and `khabar index -j 2
#    --no-entities` over $KHABAR_SHARED/data/news/saudinewsnet/zips (18
#    zips of JSON arrays): wall time, MB/s of article text, DB size;
# 2. the same article texts (extracted once by python3 into texts.db:
#    content non-empty, the first of identical texts, as khabar index keeps
#    them) indexed into FTS5 with the layout of khabar's index (an external
#    content table articles(title, text) and fts5(title, text, content =
#    'articles')) by tokenize = 'unicode61', 'trigram' and 'khabar'
#    (build/khabar_fts.so loaded by the sqlite3 shell): one INSERT ...
#    SELECT in one transaction, timed by wall clock; DB sizes;
# 3. query latency on the khabar index: 1,000 queries made from the corpus
#    (seeded: frequent words, entity names, 1-3 words, phrases, prefixes),
#    turned into FTS5 expressions by `khabar search --format json` itself,
#    then run in-process by Debian's python3 (sqlite3 module, the extension
#    loaded) with the SQL `khabar search` runs (the count, then the hits
#    ranked by bm25 with the snippet, LIMIT 10): median, p90, p99, max,
#    warm (one connection, after a warm-up pass), by kind of query, and
#    cold (a new connection for each of 100 queries); and the wall time of
#    a few `khabar search` commands (start-up included).
#
# Everything is kept under BUILD/bench/search. An index is rebuilt (and
# retimed) only when its inputs changed: the zips (names, sizes, times),
# the khabar command and khabar_fts.so (their checksums); otherwise the
# figures recorded when it was built are printed, with that date (the
# unicode61 table is rebuilt with the khabar one, so that their ratio
# compares runs made together). KHABAR_BENCH_SEARCH_FRESH=1 rebuilds them
# all. The query latency is measured on every run. Without the data, says so
# and exits 0.
set -euo pipefail
export LC_ALL=C.UTF-8

here=$(pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=build
only_indexes=0
for a in "$@"; do
    case "$a" in
        --indexes) only_indexes=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
        *) build=$a ;;
    esac
done
case "$build" in
    /*) ;;
    *) build="$here/$build" ;;
esac
cd "$repo"

say() { printf '%s\n' "$*" >&2; }

KHABAR_SHARED=${KHABAR_SHARED:-$repo/../shared}
zips=$KHABAR_SHARED/data/news/saudinewsnet/zips
if ! ls "$zips"/*.zip > /dev/null 2>&1; then
    say "search.sh: NOTE: no SaudiNewsNet zips under $zips: no search bench"
    exit 0
fi
zips=$(cd "$zips" && pwd)
sdir="$build/bench/search"
mkdir -p "$sdir"

# ---------------------------------------------------------------- deps ---
scripts/deps.sh build search >&2 ||
    say "search.sh: WARNING: scripts/deps.sh build search failed; going on"
mkbuild=${build#"$repo"/}
make -s -C "$repo" BUILD="$mkbuild" "$mkbuild/khabar" "$mkbuild/khabar_fts.so" >&2
khabar=$build/khabar
ext=$build/khabar_fts.so

# Debian's python3 can load extensions; some others (pyenv) cannot.
py=""
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' \
           2> /dev/null; then
        py=$p
        break
    fi
done
if [ -z "$py" ]; then
    say "search.sh: no python3 whose sqlite3 module can load extensions (Debian's python3: scripts/deps.sh search)"
    exit 1
fi
export PYTHONDONTWRITEBYTECODE=1

fresh=${KHABAR_BENCH_SEARCH_FRESH:-0}
sum() { sha256sum "$@" | cut -c1-16 | tr '\n' ' '; }
zraw=$( (cd "$zips" && stat -c '%n %s %Y' ./*.zip) | sha256sum | cut -c1-16)
kkey="$zraw $(sum "$khabar" "$ext")"
zkey="$zraw t2" # t2: the version of the extraction below

# Whether RESULT was recorded for KEY (and its files are there).
fresh_ok() { # RESULT KEY FILE
    [ "$fresh" != 1 ] && [ -f "$1" ] && [ -f "$3" ] &&
        [ "$(sed -n 's/^key=//p' "$1")" = "$2" ]
}
now() { date -u '+%Y-%m-%d %H:%M UTC'; }
load() { cut -d' ' -f1 /proc/loadavg; }
fsize() { # DB -> bytes of the file and its WAL
    local n=0 f
    for f in "$1" "$1-wal"; do
        [ -f "$f" ] && n=$((n + $(stat -c %s "$f")))
    done
    echo "$n"
}

# ------------------------------------------------------ 1. khabar index ---
index_run() { # NAME OPTIONS...
    local name=$1 db="$sdir/$1.db" res="$sdir/$1.result" t0 t1 rc=0
    shift
    if fresh_ok "$res" "$kkey" "$db"; then
        say "search.sh: $name: reusing $db (inputs unchanged)"
        return 0
    fi
    rm -f "$db" "$db-wal" "$db-shm" "$res"
    say "search.sh: khabar index $* $db <SaudiNewsNet zips> ..."
    local l0
    l0=$(load)
    t0=$EPOCHREALTIME
    "$khabar" index "$@" --no-progress "$db" "$zips" > "$sdir/$name.log" 2>&1 || rc=$?
    t1=$EPOCHREALTIME
    # 1: some records skipped (SaudiNewsNet has empty ones); more is failure
    if [ "$rc" -gt 1 ] || ! grep -q ' added, ' "$sdir/$name.log"; then
        tail -n 5 "$sdir/$name.log" >&2
        say "search.sh: khabar index $* failed (exit $rc)"
        return 1
    fi
    {
        echo "key=$kkey"
        echo "date=$(now)"
        echo "load=$l0 $(load)"
        echo "s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
        echo "size=$(fsize "$db")"
        echo "fts_size=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'" 2> /dev/null || echo '?')"
        echo "entities_size=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'entities%'" 2> /dev/null || echo '?')"
        echo "summary=$(grep ' added, ' "$sdir/$name.log" | tail -n 1)"
        echo "warnings=$(grep -c 'warning' "$sdir/$name.log" || true)"
        echo "exit=$rc"
    } > "$res"
}
index_run khabar-index -j 2
index_run khabar-index-noent -j 2 --no-entities
for n in khabar-index khabar-index-noent; do # results of an older search.sh
    grep -q '^fts_size=' "$sdir/$n.result" ||
        for t in fts entities; do
            echo "${t}_size=$(sqlite3 "$sdir/$n.db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE '${t/fts/articles_fts}%'")"
        done >> "$sdir/$n.result"
done

# ------------------------------------------------- 2. the texts, FTS5 ---
texts="$sdir/texts.db"
if ! fresh_ok "$sdir/texts.result" "$zkey" "$texts"; then
    say "search.sh: extracting the article texts into $texts ..."
    rm -f "$texts" "$sdir/texts.result"
    "$py" - "$zips" "$texts" > "$sdir/texts.tmp" <<'PYEOF'
# The articles as khabar index keeps them: id = url, the text not blank
# (spaces, tabs, line breaks only), the first of identical texts only.
import glob, json, os, sqlite3, sys, zipfile
zips, out = sys.argv[1], sys.argv[2]
con = sqlite3.connect(out + ".tmp")
con.execute("DROP TABLE IF EXISTS src")
con.execute("CREATE TABLE src(rowid INTEGER PRIMARY KEY, id TEXT, title TEXT,"
            " text TEXT, date TEXT, source TEXT)")
seen = set()
n = empty = dup = 0
for z in sorted(glob.glob(os.path.join(zips, "*.zip"))):
    with zipfile.ZipFile(z) as zf:
        for name in sorted(zf.namelist()):
            for o in json.loads(zf.read(name)):
                n += 1
                text = o.get("text", o.get("content"))
                if not isinstance(text, str) or not text.strip(" \t\n\r"):
                    empty += 1
                    continue
                if text in seen:
                    dup += 1
                    continue
                seen.add(text)
                con.execute("INSERT INTO src(id, title, text, date, source)"
                            " VALUES (?,?,?,?,?)",
                            (o.get("url"), o.get("title"), text,
                             (o.get("date_extracted") or "")[:10],
                             o.get("source")))
con.commit()
b = con.execute("SELECT count(*), sum(length(CAST(text AS BLOB))),"
                " sum(length(CAST(title AS BLOB))) FROM src").fetchone()
con.close()
os.replace(out + ".tmp", out)
print("records=%d\nempty=%d\nduplicate=%d\narticles=%d\ntext_bytes=%d\ntitle_bytes=%d"
      % (n, empty, dup, b[0], b[1], b[2] or 0))
PYEOF
    { echo "key=$zkey"; cat "$sdir/texts.tmp"; } > "$sdir/texts.result"
    rm -f "$sdir/texts.tmp"
fi
text_bytes=$(sed -n 's/^text_bytes=//p' "$sdir/texts.result")

fts_run() { # TOKENIZER
    local tok=$1 db="$sdir/fts-$1.db" res="$sdir/fts-$1.result" t0 t1 l0
    # unicode61 is rebuilt with khabar, so that the two are timed together
    local key="$zkey" loadext=""
    case $tok in
        khabar) key="$kkey t2"; loadext=".load ${ext%.so}" ;;
        unicode61) key="$kkey t2" ;;
    esac
    if fresh_ok "$res" "$key" "$db"; then
        say "search.sh: FTS5 $tok: reusing $db (inputs unchanged)"
        return 0
    fi
    rm -f "$db" "$db-journal" "$res"
    say "search.sh: FTS5 tokenize='$tok': INSERT ... SELECT into $db ..."
    # untimed: the content table, a copy of the texts
    sqlite3 -bail "$db" <<EOF
$loadext
ATTACH '$texts' AS src;
CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT, title, text,
                      date TEXT, source TEXT);
INSERT INTO articles SELECT rowid, id, title, text, date, source FROM src.src;
DETACH src;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = 'articles',
    content_rowid = 'rowid', tokenize = '$tok');
EOF
    local before
    before=$(fsize "$db")
    sync "$db" 2> /dev/null || true
    l0=$(load)
    t0=$EPOCHREALTIME
    sqlite3 -bail "$db" <<EOF
$loadext
BEGIN;
INSERT INTO articles_fts(rowid, title, text) SELECT rowid, title, text FROM articles;
COMMIT;
EOF
    t1=$EPOCHREALTIME
    {
        echo "key=$key"
        echo "date=$(now)"
        echo "load=$l0 $(load)"
        echo "s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
        echo "size=$(fsize "$db")"
        echo "content_size=$before"
        echo "fts_size=$(sqlite3 "$db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%'" 2> /dev/null || echo '?')"
    } > "$res"
}
fts_run unicode61
fts_run khabar
fts_run trigram

if [ "$only_indexes" = 1 ]; then
    exit 0
fi

# --------------------------------------------------------- 3. queries ---
queries="$sdir/queries.txt"
qkey="$kkey $(sed -n 's/^key=//p' "$sdir/khabar-index.result")"
if ! fresh_ok "$sdir/queries.result" "$qkey" "$sdir/queries.tsv"; then
    say "search.sh: making 1,000 queries from the corpus ..."
    "$py" - "$texts" "$sdir/khabar-index.db" "$queries" <<'PYEOF'
# 1,000 queries, seeded: frequent content words (ranks 100-5,000 of the
# corpus's words: the top 100 are mostly particles), names of entities
# (people, places, organizations named in >= 20 articles), 1-3 words,
# phrases (a bigram from a random article) and prefixes (a word's first 3-5
# letters and *).
import random, re, sqlite3, sys, collections
texts, index, out = sys.argv[1:4]
rnd = random.Random(20150721)
word = re.compile(r"[\u0621-\u064A]+")
con = sqlite3.connect(texts)
rows = con.execute("SELECT text FROM src ORDER BY rowid").fetchall()
freq = collections.Counter()
for (t,) in rows:
    freq.update(word.findall(t))
common = [w for w, _ in freq.most_common(5000)]
content = [w for w in common[100:] if len(w) >= 3]
ix = sqlite3.connect(index)
names = [n for (n,) in ix.execute(
    "SELECT name FROM entities WHERE type IN ('PER','LOC','ORG')"
    " GROUP BY key HAVING count(DISTINCT article) >= 20"
    " ORDER BY count(DISTINCT article) DESC, name")]
qs = []
while len(qs) < 1000:
    r = rnd.random()
    if r < 0.35:
        q = rnd.choice(content)
    elif r < 0.55:
        q = " ".join(rnd.sample(content, 2))
    elif r < 0.65:
        q = " ".join(rnd.sample(content, 3))
    elif r < 0.80 and names:
        n = rnd.choice(names)
        q = '"%s"' % n if " " in n else n
    elif r < 0.92:
        (t,) = rnd.choice(rows)
        ws = word.findall(t)
        if len(ws) < 2:
            continue
        i = rnd.randrange(len(ws) - 1)
        if len(ws[i]) < 3 or len(ws[i + 1]) < 3:
            continue
        q = '"%s %s"' % (ws[i], ws[i + 1])
    else:
        w = rnd.choice(content)
        if len(w) < 5:
            continue
        q = w[:rnd.randint(3, min(5, len(w) - 1))] + "*"
    qs.append(q)
open(out, "w", encoding="utf-8").write("\n".join(qs) + "\n")
PYEOF
    # The FTS5 expression of each, as khabar search makes it.
    tiny="$sdir/tiny.db"
    rm -f "$tiny" "$tiny-wal" "$tiny-shm"
    "$khabar" index --no-progress "$tiny" examples/ > /dev/null 2>&1 || true
    "$py" - "$khabar" "$tiny" "$queries" > "$sdir/queries.tsv.tmp" <<'PYEOF'
import json, subprocess, sys
khabar, tiny, queries = sys.argv[1:4]
for q in open(queries, encoding="utf-8").read().splitlines():
    p = subprocess.run([khabar, "search", "--format", "json", "--limit", "1",
                        tiny, "--", q], capture_output=True, text=True)
    fts = json.loads(p.stdout)["fts"] if p.returncode in (0, 1) else ""
    print("%s\t%s" % (q, fts))
PYEOF
    mv "$sdir/queries.tsv.tmp" "$sdir/queries.tsv"
    echo "key=$qkey" > "$sdir/queries.result"
fi

say "search.sh: timing 1,000 queries in-process (python3, the extension loaded) ..."
lat_load0=$(load)
"$py" - "$sdir/khabar-index.db" "${ext%.so}" "$sdir/queries.tsv" > "$sdir/latency.result" <<'PYEOF'
# The SQL of cli/cmd_search.c: the count of hits, then the top 10 by bm25
# (title x2), then their fields with the snippet. One warm-up pass, then one timed pass (warm:
# the pages cached, the tokenizer's term cache filled, as in a long-lived
# process). Then "cold": a new connection for each of the first 100
# queries, as each `khabar search` process opens one.
import sqlite3, sys, time
db, ext, qfile = sys.argv[1:4]
def connect():
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    con.enable_load_extension(True)
    con.load_extension(ext)
    return con
# No filters: the count and the ranking on the FTS5 table alone; then each
# shown hit's fields and snippet (an article past 200,000 words gets its
# first words instead).
COUNT = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1"
RANK = ("SELECT rowid, bm25(articles_fts, 2.0, 1.0) FROM articles_fts"
        " WHERE articles_fts MATCH ?1"
        " ORDER BY bm25(articles_fts, 2.0, 1.0), rowid LIMIT 10 OFFSET 0")
ONE = ("SELECT a.id, a.title, a.date, a.source, a.url,"
       " CASE WHEN a.words <= 200000"
       "  THEN snippet(articles_fts, 1, '[', ']', '…', 24)"
       "  ELSE substr(a.text, 1, 200) || '…' END"
       " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
       " WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2")
qs, refused = [], 0
for line in open(qfile, encoding="utf-8"):
    q, _, fts = line.rstrip("\n").partition("\t")
    if not fts:
        refused += 1
        continue
    if q.endswith("*"):
        kind = "prefix"
    elif q.startswith('"'):
        kind = "phrase"
    else:
        kind = "words%d" % min(3, len(q.split()))
    qs.append((q, fts, kind))
def run(con, fts):
    t0 = time.perf_counter()
    (n,) = con.execute(COUNT, (fts,)).fetchone()
    t1 = time.perf_counter()
    for rowid, _ in con.execute(RANK, (fts,)).fetchall():
        con.execute(ONE, (fts, rowid)).fetchone()
    t2 = time.perf_counter()
    return n, (t2 - t0) * 1e3, (t2 - t1) * 1e3
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
con = connect()
for q in qs:
    run(con, q[1])
tot, hit, ns = [], [], []
for q in qs:
    n, a, b = run(con, q[1])
    ns.append(n); tot.append(a); hit.append(b)
cold = []
for q in qs[:100]:
    c = connect()
    t0 = time.perf_counter()
    run(c, q[1])
    cold.append((time.perf_counter() - t0) * 1e3)
    c.close()
print("n=%d" % len(qs))
print("refused=%d" % refused)
print("zero_hits=%d" % sum(1 for n in ns if n == 0))
print("median_hits=%d" % pct(ns, 50))
for name, v in (("total", tot), ("hits", hit), ("cold", cold)):
    print("%s_median=%.2f" % (name, pct(v, 50)))
    print("%s_p90=%.2f" % (name, pct(v, 90)))
    print("%s_p99=%.2f" % (name, pct(v, 99)))
    print("%s_max=%.2f" % (name, max(v)))
    print("%s_mean=%.2f" % (name, sum(v) / len(v)))
v = [t for t, q in zip(tot, qs) if q[2] != "prefix"]
print("noprefix_p99=%.2f" % pct(v, 99))
for kind in ("words1", "words2", "words3", "phrase", "prefix"):
    v = [t for t, q in zip(tot, qs) if q[2] == kind]
    h = [n for n, q in zip(ns, qs) if q[2] == kind]
    if v:
        print("kind_%s=%d %.2f %.2f %.2f %d" % (kind, len(v), pct(v, 50),
              pct(v, 99), max(v), pct(h, 50)))
slow = sorted(zip(tot, [q[0] for q in qs], [q[1] for q in qs], ns),
              reverse=True)[:5]
for i, (t, q, f, n) in enumerate(slow):
    print("slow%d=%.1f ms, %d hits: %s  (%s)" % (i + 1, t, n, q, f))
PYEOF
echo "load=$lat_load0 $(load)" >> "$sdir/latency.result"
echo "date=$(now)" >> "$sdir/latency.result"

# The khabar search command: wall time, start-up included (median of 5).
say "search.sh: timing khabar search commands (median of 5 each) ..."
cli_queries=(سوريا 'الملك سلمان' '"الأمم المتحدة"' 'قطر OR الكويت' 'سعودي*')
: > "$sdir/cli.result"
for q in "${cli_queries[@]}"; do
    times=()
    for _ in 1 2 3 4 5; do
        t0=$EPOCHREALTIME
        "$khabar" search --color never "$sdir/khabar-index.db" -- "$q" > "$sdir/cli.out" 2>&1 || true
        t1=$EPOCHREALTIME
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
    done
    med=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
    total=$(sed -n 's/^\([0-9]*\) hits\{0,1\} (.*/\1/p' "$sdir/cli.out" | tail -n 1)
    inner=$(sed -n 's/.* shown, \([0-9.]*\) ms)$/\1/p' "$sdir/cli.out" | tail -n 1)
    printf '%s\t%s\t%s\t%s\n' "$q" "$med" "${total:-?}" "${inner:-?}" >> "$sdir/cli.result"
done

# ----------------------------------------------------------- the table ---
get() { sed -n "s/^$2=//p" "$sdir/$1.result" | head -n 1; }
mbs() { awk -v b="$text_bytes" -v s="$1" 'BEGIN { printf "%.2f", b / 1e6 / s }'; }
mb() { awk -v b="$1" 'BEGIN { if (b ~ /^[0-9]+$/) printf "%.1f", b / 1e6; else printf "?" }'; }

echo
echo "== khabar bench: search (SaudiNewsNet) =="
echo "corpus:  $zips: $(get texts articles) distinct non-empty articles, $(mb "$text_bytes") MB of text ($text_bytes bytes; titles $(mb "$(get texts title_bytes)") MB more, not counted)"
echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) CPUs; SQLite $(sqlite3 -version | cut -d' ' -f1)"
echo
printf '%-40s %9s %8s %9s %9s  %s\n' "indexing" "s" "MB/s" "DB MB" "FTS MB" "built (load avg 1 min, before after)"
row() { # LABEL RESULT
    local s
    s=$(get "$2" s)
    printf '%-40s %9s %8s %9s %9s  %s (%s)\n' "$1" "$s" "$(mbs "$s")" \
        "$(mb "$(get "$2" size)")" "$(mb "$(get "$2" fts_size)")" "$(get "$2" date)" "$(get "$2" load)"
}
row "khabar index -j 2 (entities)" khabar-index
row "khabar index -j 2 --no-entities" khabar-index-noent
row "FTS5 tokenize='khabar' (1 thread)" fts-khabar
row "FTS5 tokenize='unicode61'" fts-unicode61
row "FTS5 tokenize='trigram'" fts-trigram
echo "  khabar index: $(get khabar-index summary)"
echo "  khabar index DB: the articles, the index ($(mb "$(get khabar-index fts_size)") MB) and the entities ($(mb "$(get khabar-index entities_size)") MB; --no-entities: $(mb "$(get khabar-index-noent entities_size)") MB)"
echo "  FTS5 rows: DB = the content table (a copy of the texts, $(mb "$(get fts-khabar content_size)") MB) + the index; FTS MB = the index alone (dbstat)"
awk -v ks="$(get fts-khabar s)" -v us="$(get fts-unicode61 s)" \
    -v kz="$(get fts-khabar size)" -v uz="$(get fts-unicode61 size)" \
    -v kf="$(get fts-khabar fts_size)" -v uf="$(get fts-unicode61 fts_size)" \
    -v is="$(get khabar-index s)" -v iz="$(get khabar-index size)" \
    -v ns="$(get khabar-index-noent s)" -v nz="$(get khabar-index-noent size)" 'BEGIN {
    r = us / ks
    printf "\nkhabar tokenizer speed / unicode61:  %.2f   goal >= 0.5: %s\n", r, (r >= 0.5 ? "met" : "NOT met")
    r = kz / uz
    printf "DB size khabar / unicode61:          %.2f   goal <= 1.2: %s", r, (r <= 1.2 ? "met" : "NOT met")
    if (kf ~ /^[0-9]+$/ && uf > 0) printf "   (index alone: %.2f)", kf / uf
    printf "\nkhabar index (entities) / unicode61: speed %.2f, DB size %.2f\n", us / is, iz / uz
    printf "khabar index --no-entities / unicode61: speed %.2f, DB size %.2f\n", us / ns, nz / uz
}'
echo
echo "queries: $(get latency n) made from the corpus ($sdir/queries.tsv; $(get latency refused) more refused by"
echo "         khabar search: only common words), in-process (python3 sqlite3, the extension loaded)"
echo "         median hits $(get latency median_hits), $(get latency zero_hits) with none; load avg $(get latency load)"
printf '%-44s %8s %8s %8s %8s\n' "ms" "median" "p90" "p99" "max"
for k in total hits cold; do
    case $k in
        total) label="count + top 10 (as khabar search), warm" ;;
        hits) label="  of which top 10 with snippets" ;;
        cold) label="a new connection each (first 100)" ;;
    esac
    printf '%-44s %8s %8s %8s %8s\n' "$label" "$(get latency ${k}_median)" \
        "$(get latency ${k}_p90)" "$(get latency ${k}_p99)" "$(get latency ${k}_max)"
done
awk -v p="$(get latency total_p99)" -v np="$(get latency noprefix_p99)" 'BEGIN {
    printf "goal p99 <= 20 ms (warm): %s (p99 %.2f ms; without the prefix queries %.2f ms)\n",
        (p <= 20 ? "met" : "NOT met"), p, np }'
echo "by kind (warm, count + top 10):  queries  median ms   p99 ms   max ms  median hits"
sed -n 's/^kind_\([a-z0-9]*\)=/\1 /p' "$sdir/latency.result" |
    awk '{ printf "  %-30s %8d %10.2f %8.2f %8.2f %12d\n", $1, $2, $3, $4, $5, $6 }'
echo "slowest (warm):"
grep '^slow' "$sdir/latency.result" | sed 's/^slow[0-9]=/  /'
echo
echo "khabar search command (median of 5 runs, start-up included; its own timing of the SQL):"
while IFS=$'\t' read -r q med total inner; do
    printf '  %7s ms  (%5s hits, %5s ms in its SQL)  %s\n' "$med" "$total" "$inner" "$q"
done < "$sdir/cli.result"
