#!/usr/bin/env bash
# run.sh - the benchmark of khabar (make bench): the text layer against
# Snowball and SQLite FTS5, the morphology layer (words stage, model load,
# memory) against Snowball and Lucene's ArabicAnalyzer. Never a pass/fail
# test: it measures and prints. bench/README.md says what each line means.
#
# usage: bench/run.sh [BUILD]        (BUILD: the build dir, default build)
#
# 1. installs what is missing (scripts/deps.sh bench: libstemmer-dev,
#    libsqlite3-dev, unzip, python3, time; scripts/deps.sh lucene:
#    liblucene8-java, and a JDK when there is no javac);
# 2. builds BUILD/bench/{bench_khabar,snowball,fts5_unicode61} with cc -O2
#    (CC honoured), against BUILD/libkhabar.a (made first when out of date,
#    with the khabar command BUILD/khabar), and the Lucene driver
#    (bench/lucene/build.sh) into BUILD/bench/lucene; without Java or Lucene
#    the Lucene line is skipped with a note (KHABAR_BENCH_LUCENE=0 skips it
#    on purpose);
# 3. builds the corpus BUILD/bench/corpus.txt when missing or built from
#    another source (bench/make_corpus.sh): >= 50 MB of Arabic news from
#    $KHABAR_SHARED/data (default ../shared beside the repository), or, when
#    that is absent, the bundled examples/*.txt repeated (with a note);
# 4. runs khabar (normalize+tokenize, +sentences, whole-text normalization,
#    the words stage, model load, peak memory of the words stage), Snowball's
#    Arabic stemmer (tokenize+stem), SQLite FTS5's unicode61 tokenizer and
#    Lucene's ArabicAnalyzer over it, each single-threaded, best of 3 runs
#    (KHABAR_BENCH_REPEAT=N for best of N); then the khabar command: its
#    start-up (median of 20 runs on empty input) and one `khabar stem` over
#    the corpus (wall time and peak memory, by GNU time);
# 5. prints two tables, text layer and morphology: MB/s (1 MB = 10^6 bytes),
#    tokens (and words), and how many times faster khabar is than each peer;
# 6. runs bench/search.sh BUILD: SaudiNewsNet indexed by `khabar index` and
#    by FTS5 with the unicode61, trigram and khabar tokenizers, and query
#    latency on the khabar index; its own table (indexes reused under
#    BUILD/bench/search while their inputs are unchanged).
#
# Exits non-zero only when something could not be built or run (Lucene
# missing is not a failure: it is skipped with a note).
set -euo pipefail
export LC_ALL=C

here=$(pwd)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
case "$build" in
    /*) ;;
    *) build="$here/$build" ;;
esac
cd "$repo"

say() { printf '%s\n' "$*" >&2; }

CC=${CC:-cc}
GOAL=500 # MB/s, normalize+tokenize on one core
repeat=${KHABAR_BENCH_REPEAT:-3}
case "$repeat" in
    '' | *[!0-9]*) repeat=0 ;;
esac
if [ "$repeat" -lt 1 ]; then
    say "run.sh: KHABAR_BENCH_REPEAT must be a positive number"
    exit 2
fi
bdir="$build/bench"
mkdir -p "$bdir"

# ---------------------------------------------------------------- deps ---
scripts/deps.sh bench >&2 ||
    say "run.sh: WARNING: scripts/deps.sh bench failed; going on with what is there"

lucene_skip="" # why the Lucene line is skipped, when it is
if [ "${KHABAR_BENCH_LUCENE:-1}" = 0 ]; then
    lucene_skip="skipped: KHABAR_BENCH_LUCENE=0"
elif ! scripts/deps.sh lucene >&2; then
    say "run.sh: WARNING: scripts/deps.sh lucene failed; Lucene only if it is there already"
fi

# --------------------------------------------------------------- build ---
# Up to date already under make bench; when run by hand, this makes sure the
# library measured is the one the sources give.
# BUILD relative to the repository when inside it, as the Makefile's
# dependency files name it.
mkbuild=${build#"$repo"/}
make -s -C "$repo" BUILD="$mkbuild" "$mkbuild/libkhabar.a" "$mkbuild/khabar" >&2

cflags=(-O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic
        -Iinclude)
failed=()
build_prog() { # NAME SOURCE LIBS...
    local name=$1 source=$2
    shift 2
    say "run.sh: $CC -O2 $source -> $bdir/$name"
    if ! "$CC" "${cflags[@]}" -o "$bdir/$name" "$source" "$@"; then
        say "run.sh: cannot build $name"
        failed+=("$name (build)")
        rm -f "$bdir/$name"
    fi
}
build_prog bench_khabar bench/bench_khabar.c "$build/libkhabar.a" -lm
build_prog snowball bench/snowball.c -lstemmer
build_prog fts5_unicode61 bench/fts5_unicode61.c -lsqlite3

JAVA_OPTS=${KHABAR_BENCH_JAVA_OPTS:--XX:+UseSerialGC}
ldir="$bdir/lucene"
if [ -z "$lucene_skip" ]; then
    rm -f "$ldir/classpath"
    if ! bench/lucene/build.sh "$ldir" >&2; then
        lucene_skip="skipped: no javac, no Lucene 8 jars, or the driver did not compile (see the messages above)"
    fi
fi
if [ -n "$lucene_skip" ]; then
    say "run.sh: NOTE: Lucene ArabicAnalyzer $lucene_skip"
fi

# -------------------------------------------------------------- corpus ---
KHABAR_SHARED=${KHABAR_SHARED:-$repo/../shared}
export KHABAR_SHARED
bench/make_corpus.sh --if-needed "$build" >&2
corpus="$bdir/corpus.txt"
corpus_bytes=$(wc -c < "$corpus")
corpus_key=$(sed -n 1p "$bdir/corpus.source")
corpus_desc=$(sed -n 2p "$bdir/corpus.source")

note=""
if [ "${corpus_key%% *}" = fallback ]; then
    note="NOTE: no news data under $KHABAR_SHARED/data, so the corpus is the
      FALLBACK: the bundled examples/*.txt (three short articles) repeated.
      Its vocabulary is tiny and repetitive (and the words stage remembers
      the words of a chunk); numbers from it are not comparable with those
      from the news corpus."
    say ""
    say "run.sh: $note"
    say ""
fi

# ----------------------------------------------------------------- run ---
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$bdir/results.txt"
: > "$results"
run_cmd() { # NAME COMMAND...
    local name=$1
    shift
    say "run.sh: running $name (best of $repeat) ..."
    if ! "$@" "$corpus" "$repeat" >> "$results"; then
        say "run.sh: $name failed"
        failed+=("$name (run)")
    fi
}
run_prog() { # NAME
    [ -x "$bdir/$1" ] || return 0
    run_cmd "$1" "$bdir/$1"
}
run_prog bench_khabar
run_prog snowball
run_prog fts5_unicode61
if [ -z "$lucene_skip" ]; then
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    run_cmd lucene java $JAVA_OPTS -cp "$(cat "$ldir/classpath")" LuceneArabic
fi

# The khabar command: start-up, the median wall time of 20 runs of
# `khabar stem` on empty input (fork and exec included; /bin/true, timed the
# same way, shows what those cost alone).
median_ms() { # COMMAND... -> the median of 20 wall times, in ms
    local t0 t1 times=()
    for _ in $(seq 20); do
        t0=$EPOCHREALTIME
        "$@" > /dev/null || return 1
        t1=$EPOCHREALTIME
        times+=("$t0 $t1")
    done
    printf '%s\n' "${times[@]}" | awk '{ print ($2 - $1) * 1000 }' | sort -g |
        awk '{ v[NR] = $1 } END { printf "%.2f\n", (v[10] + v[11]) / 2 }'
}
say "run.sh: timing the start-up of $build/khabar (median of 20) ..."
if startup=$(median_ms "$build/khabar" stem /dev/null) &&
   true_ms=$(median_ms /bin/true); then
    echo "khabar-cli-startup ms=$startup true_ms=$true_ms n=20" >> "$results"
else
    failed+=("khabar stem /dev/null (run)")
fi
# One `khabar stem` over the corpus, output to /dev/null: end to end, with
# the CLI's reading, chunking and writing; peak memory from GNU time.
if /usr/bin/time -f '%M' true > /dev/null 2>&1; then
    say "run.sh: running khabar stem over the corpus (1 run) ..."
    t0=$EPOCHREALTIME
    if /usr/bin/time -o "$bdir/cli.time" -f '%M' \
           "$build/khabar" stem "$corpus" > /dev/null 2> "$bdir/cli.err"; then
        t1=$EPOCHREALTIME
        awk -v t0="$t0" -v t1="$t1" -v b="$corpus_bytes" \
            -v kb="$(tail -n 1 "$bdir/cli.time")" \
            'BEGIN { printf "khabar-cli-stem mbs=%.1f s=%.2f kb=%d\n",
                     b / 1e6 / (t1 - t0), t1 - t0, kb }' >> "$results"
    else
        cat "$bdir/cli.err" >&2
        failed+=("khabar stem (run)")
    fi
else
    say "run.sh: NOTE: no GNU time (/usr/bin/time, package time): no khabar stem run"
fi
# One article end to end: `khabar analyze` on a bundled example (start-up,
# model load, every stage and the report), the median of 20 runs.
say "run.sh: timing khabar analyze on one article (median of 20) ..."
if article_ms=$(median_ms "$build/khabar" analyze --date 2017-11-21 \
                    examples/gulf-summit.txt); then
    echo "khabar-cli-analyze-article ms=$article_ms n=20 bytes=$(wc -c < examples/gulf-summit.txt)" >> "$results"
else
    failed+=("khabar analyze (run)")
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --------------------------------------------------------------- table ---
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
      head -n 1)
ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }
java_ver=$(java -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p') || true

echo
echo "== khabar bench: the text layer and the morphology layer =="
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC'), khabar $(sed -n 's/^#define KHABAR_VERSION_STRING "\(.*\)"/\1/p' include/khabar.h) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ', with local changes'))"
echo "corpus:  $(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') ($corpus_bytes bytes), $corpus"
echo "source:  $corpus_desc"
echo "machine: ${cpu:-unknown CPU}, $(nproc) CPUs, load average $load_before before / $load_after after;"
echo "         each program single-threaded, best of $repeat runs"
if [ -z "$lucene_skip" ]; then
    lucene_ver="Lucene $(ver liblucene8-java) on Java ${java_ver:-?} ($JAVA_OPTS)"
else
    lucene_ver="Lucene $lucene_skip"
fi
echo "peers:   libstemmer $(ver libstemmer0d), SQLite $(ver libsqlite3-0), $lucene_ver"
if [ -n "$note" ]; then
    echo
    echo "$note"
fi
# The default models compiled into the library: data/*.kbm.
model_bytes=$(cat data/*.kbm 2>/dev/null | wc -c)
awk -v model_bytes="$model_bytes" -v goal="$GOAL" -v bytes="$corpus_bytes" -v lucene_skip="$lucene_skip" '
function label(n) {
    if (n == "snowball-arabic-tokenize+stem") return "Snowball tokenize+stem"
    if (n == "sqlite-fts5-unicode61") return "SQLite FTS5 unicode61"
    if (n == "sqlite-fts5-unicode61-remove_diacritics=2")
        return "SQLite FTS5 unicode61 (remove_diacritics 2)"
    if (n == "lucene-arabicanalyzer") return "Lucene ArabicAnalyzer"
    return n
}
# 1234567 -> 1,234,567
function commas(x,   s, r) {
    s = sprintf("%.0f", x); r = ""
    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
    return s r
}
function mb(kb) { return kb * 1024 / 1e6 }
BEGIN { n = 0 }
{
    name[n] = $1; mbs[n] = ""; tok[n] = ""; nkv[n] = 0
    start = 2
    if (NF >= 3 && $2 ~ /^[0-9.]+$/ && $3 ~ /^[0-9]+$/) {
        mbs[n] = $2; tok[n] = $3; start = 4
    }
    for (j = start; j <= NF; j++)
        if ((p = index($j, "=")) > 0)
            { kv[n, substr($j, 1, p - 1)] = substr($j, p + 1); nkv[n]++ }
    idx[$1] = n
    n++
}
END {
    # ---- text layer: the lines in the first format only
    print ""
    print "-- text layer: normalize+tokenize vs Snowball and SQLite FTS5 --"
    printf "%-44s %9s %12s\n", "program", "MB/s", "tokens"
    for (i = 0; i < n; i++) {
        if (mbs[i] == "" || nkv[i] > 0) continue
        printf "%-44s %9.1f %12d\n", name[i], mbs[i], tok[i]
    }
    k = ("khabar-normalize+tokenize" in idx) ? idx["khabar-normalize+tokenize"] : -1
    if (k < 0) {
        print "\n(no result from khabar)"
    } else {
        print ""
        for (i = 0; i < n; i++) {
            if (mbs[i] == "" || nkv[i] > 0 || name[i] ~ /^khabar-/) continue
            if (mbs[i] > 0)
                printf "khabar normalize+tokenize is %.1fx %s\n", mbs[k] / mbs[i], label(name[i])
            else
                printf "khabar normalize+tokenize vs %s: no rate\n", label(name[i])
        }
        printf "\ngoal: normalize+tokenize >= %d MB/s on one core: %s (%.1f MB/s, %.0f%% of it)\n",
            goal, (mbs[k] >= goal ? "met" : "NOT met"), mbs[k], 100 * mbs[k] / goal
    }

    # ---- morphology
    print ""
    print "-- morphology: segmentation + stem (words stage) vs Snowball and Lucene --"
    printf "%-38s %7s %11s %11s %11s %11s\n", "program", "MB/s", "tokens/s", "words/s", "tokens", "words"
    w = ("khabar-tokens+words" in idx) ? idx["khabar-tokens+words"] : -1
    if (w >= 0)
        printf "%-38s %7.1f %11s %11s %11s %11s\n", "khabar tokens+words (256 KB chunks)",
            mbs[w], commas(kv[w, "tokens/s"]), commas(kv[w, "words/s"]),
            commas(tok[w]), commas(kv[w, "words"])
    else
        print "(no result from the khabar words stage)"
    split("snowball-arabic-tokenize+stem lucene-arabicanalyzer", peers, " ")
    for (q = 1; q <= 2; q++) {
        p = peers[q]
        if (!(p in idx)) {
            if (p == "lucene-arabicanalyzer" && lucene_skip != "")
                printf "%-38s %s\n", label(p), lucene_skip
            else
                printf "%-38s (no result)\n", label(p)
            continue
        }
        i = idx[p]
        # tokens/s: from the bench when it says, else from MB/s and the count
        tps = ((i, "tokens/s") in kv) ? kv[i, "tokens/s"] : tok[i] * mbs[i] * 1e6 / bytes
        printf "%-38s %7.1f %11s %11s %11s %11s\n", label(p), mbs[i], commas(tps), "-", commas(tok[i]), "-"
    }
    if ("khabar-cli-stem" in idx) {
        c = idx["khabar-cli-stem"]
        printf "%-38s %7.1f %11s %11s %11s %11s\n", "khabar stem command (1 run)",
            kv[c, "mbs"], "", "", "", ""
    }
    if (w >= 0) {
        print ""
        for (q = 1; q <= 2; q++) {
            p = peers[q]
            if (!(p in idx) || mbs[idx[p]] <= 0) continue
            printf "khabar tokens+words is %.2fx %s (MB/s: the same bytes, so the inverse ratio of times)\n",
                mbs[w] / mbs[idx[p]], label(p)
        }
    }
    print ""
    if ("khabar-model-load" in idx) {
        i = idx["khabar-model-load"]
        printf "%-38s %.2f ms (median of %d; first %.2f ms, min %.2f, max %.2f)\n",
            "khabar model load (new+free)", kv[i, "ms"], kv[i, "n"], kv[i, "first_ms"],
            kv[i, "min_ms"], kv[i, "max_ms"]
    }
    if ("khabar-cli-startup" in idx) {
        i = idx["khabar-cli-startup"]
        printf "%-38s %.2f ms (median of %d runs of `khabar stem /dev/null`; /bin/true: %.2f ms)\n",
            "khabar command start-up", kv[i, "ms"], kv[i, "n"], kv[i, "true_ms"]
    }
    # ---- news analysis
    print ""
    print "-- news analysis: every stage, a doc per article-sized chunk --"
    if ("khabar-taggers" in idx) {
        i = idx["khabar-taggers"]
        printf "%-38s %7.1f MB/s %11s words/s\n", "khabar words+POS+NER",
            mbs[i], commas(kv[i, "words/s"])
    }
    if ("khabar-pos+ner" in idx) {
        i = idx["khabar-pos+ner"]
        printf "%-38s %7s      %11s words/s   goal >= 1,000,000: %s\n",
            "  of which POS + NER alone", "", commas(kv[i, "words/s"]),
            (kv[i, "words/s"] + 0 >= 1000000 ? "met" : "NOT met")
        printf "%-38s (the same run without the taggers: %.3f s, with: %.3f s more)\n",
            "", kv[i, "base_secs"], kv[i, "secs"]
    }
    if ("khabar-analyze" in idx) {
        i = idx["khabar-analyze"]
        printf "%-38s %7.1f MB/s %11s words/s   goal >= 500,000: %s\n",
            "khabar analyze (all stages)", mbs[i], commas(kv[i, "words/s"]),
            (kv[i, "words/s"] + 0 >= 500000 ? "met" : "NOT met")
    }
    if ("khabar-cli-analyze-article" in idx) {
        i = idx["khabar-cli-analyze-article"]
        printf "%-38s %.2f ms (median of %d runs, %d bytes, start-up included)   goal <= 30 ms: %s\n",
            "khabar analyze one article", kv[i, "ms"], kv[i, "n"], kv[i, "bytes"],
            (kv[i, "ms"] + 0 <= 30 ? "met" : "NOT met")
    }
    print ""
    if ("khabar-words-peak-rss" in idx) {
        i = idx["khabar-words-peak-rss"]
        printf "%-38s %.1f MB (%d KiB; model loaded %.1f MB, at start %.1f MB)\n",
            "khabar words stage peak RSS", mb(kv[i, "kb"]), kv[i, "kb"],
            mb(kv[i, "model_kb"]), mb(kv[i, "start_kb"])
        printf "%-38s %s\n", "", "(a child process streaming the corpus in 256 KB chunks)"
    }
    if ("khabar-analyze-peak-rss" in idx) {
        i = idx["khabar-analyze-peak-rss"]
        printf "%-38s %.1f MB (%d KiB; model loaded %.1f MB)\n",
            "khabar analyze (all stages) peak RSS", mb(kv[i, "kb"]), kv[i, "kb"],
            mb(kv[i, "model_kb"])
        printf "%-38s %s\n", "", "(the same child with every stage: every default model in use, and the analysis of a 256 KB doc)"
    }
    if (model_bytes > 0)
        printf "%-38s %.1f MB (%d bytes, data/*.kbm: at most this much of them resident)   goal <= 64 MB: %s\n",
            "default models together", model_bytes / 1e6, model_bytes,
            (model_bytes / 1e6 <= 64 ? "met" : "NOT met")
    if ("khabar-cli-stem" in idx) {
        i = idx["khabar-cli-stem"]
        printf "%-38s %.1f MB (%d KiB; GNU time, khabar stem over the corpus, %.1f s)\n",
            "khabar stem command peak RSS", mb(kv[i, "kb"]), kv[i, "kb"], kv[i, "s"]
    }
    print ""
    print "issue figures (reported, not pass/fail):"
    if (w >= 0)
        printf "  segmentation + stem >= 2M words/s on one core: %.2fM words/s (%.2fM tokens/s)\n",
            kv[w, "words/s"] / 1e6, kv[w, "tokens/s"] / 1e6
    if ("khabar-model-load" in idx)
        printf "  model load <= 20 ms: %.2f ms\n", kv[idx["khabar-model-load"], "ms"]
    if ("khabar-words-peak-rss" in idx)
        printf "  memory <= 50 MB: %.1f MB\n", mb(kv[idx["khabar-words-peak-rss"], "kb"])
    print "  (Farasa, measured here: 39k words/s, 5.8 s start-up, about 1 GB)"
    print ""
    print "Snowball and Lucene are light stemmers: they strip affixes from each"
    print "token, with no clitic segmentation, no lemma and no root; khabar"
    print "segments every token into words and gives each a lemma, a root and a"
    print "search stem. The ratios compare throughput for the stemming job only."
    print "tokens: each program its own (khabar: every token, punctuation too;"
    print "Snowball: runs of letters and digits; Lucene: StandardTokenizer tokens,"
    print "stop words included). words: khabar segments (a token is >= 1 word)."
}' "$results"

# -------------------------------------------------------------- search ---
# Indexing and querying SaudiNewsNet: bench/search.sh prints its own table.
if ! bench/search.sh "$build"; then
    failed+=("bench/search.sh (run)")
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo
    echo "failed: ${failed[*]}"
    exit 1
fi
