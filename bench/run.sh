#!/usr/bin/env bash
# run.sh - the benchmark of the text layer (make bench). Never a pass/fail
# test: it measures and prints.
#
# usage: bench/run.sh [BUILD]        (BUILD: the build dir, default build)
#
# 1. installs what is missing (scripts/deps.sh bench: libstemmer-dev,
#    libsqlite3-dev, unzip, python3);
# 2. builds BUILD/bench/{bench_khabar,snowball,fts5_unicode61} with cc -O2
#    (CC honoured), against BUILD/libkhabar.a (made first when out of date);
# 3. builds the corpus BUILD/bench/corpus.txt when missing or built from
#    another source (bench/make_corpus.sh): >= 50 MB of Arabic news from
#    $KHABAR_SHARED/data (default ../shared beside the repository), or, when
#    that is absent, the bundled examples/*.txt repeated (with a note);
# 4. runs khabar (normalize+tokenize, +sentences, whole-text normalization),
#    Snowball's Arabic stemmer (tokenize+stem) and SQLite FTS5's unicode61
#    tokenizer over it, each single-threaded, best of 3 runs
#    (KHABAR_BENCH_REPEAT=N for best of N);
# 5. prints a table: MB/s (1 MB = 10^6 bytes), tokens, and how many times
#    faster khabar normalize+tokenize is than each peer.
#
# Exits non-zero only when something could not be built or run.
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

# --------------------------------------------------------------- build ---
# Up to date already under make bench; when run by hand, this makes sure the
# library measured is the one the sources give.
# BUILD relative to the repository when inside it, as the Makefile's
# dependency files name it.
mkbuild=${build#"$repo"/}
make -s -C "$repo" BUILD="$mkbuild" "$mkbuild/libkhabar.a" >&2

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
build_prog bench_khabar bench/bench_khabar.c "$build/libkhabar.a"
build_prog snowball bench/snowball.c -lstemmer
build_prog fts5_unicode61 bench/fts5_unicode61.c -lsqlite3

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
      Its vocabulary is tiny and repetitive; numbers from it are not
      comparable with those from the news corpus."
    say ""
    say "run.sh: $note"
    say ""
fi

# ----------------------------------------------------------------- run ---
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results="$bdir/results.txt"
: > "$results"
run_prog() { # NAME
    local name=$1
    [ -x "$bdir/$name" ] || return 0
    say "run.sh: running $name (best of $repeat) ..."
    if ! "$bdir/$name" "$corpus" "$repeat" >> "$results"; then
        say "run.sh: $name failed"
        failed+=("$name (run)")
    fi
}
run_prog bench_khabar
run_prog snowball
run_prog fts5_unicode61

# --------------------------------------------------------------- table ---
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
      head -n 1)
ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "?"; }

echo
echo "== khabar bench: normalize+tokenize vs Snowball and SQLite FTS5 =="
echo "corpus:  $(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') ($corpus_bytes bytes), $corpus"
echo "source:  $corpus_desc"
echo "machine: ${cpu:-unknown CPU}, $(nproc) CPUs, load average $load_before before / $(cut -d' ' -f1-3 /proc/loadavg) after;"
echo "         each program single-threaded, best of $repeat runs"
echo "peers:   libstemmer $(ver libstemmer0d), SQLite $(ver libsqlite3-0)"
if [ -n "$note" ]; then
    echo
    echo "$note"
fi
echo
awk -v goal="$GOAL" '
function label(n) {
    if (n == "snowball-arabic-tokenize+stem") return "Snowball tokenize+stem"
    if (n == "sqlite-fts5-unicode61") return "SQLite FTS5 unicode61"
    if (n == "sqlite-fts5-unicode61-remove_diacritics=2")
        return "SQLite FTS5 unicode61 (remove_diacritics 2)"
    return n
}
BEGIN { n = 0 }
NF == 3 { name[n] = $1; mbs[n] = $2; tok[n] = $3; n++ }
END {
    printf "%-44s %9s %12s\n", "program", "MB/s", "tokens"
    for (i = 0; i < n; i++)
        printf "%-44s %9.1f %12d\n", name[i], mbs[i], tok[i]
    k = -1
    for (i = 0; i < n; i++)
        if (name[i] == "khabar-normalize+tokenize") k = i
    if (k < 0) { print "\n(no result from khabar)"; exit }
    print ""
    for (i = 0; i < n; i++) {
        if (name[i] ~ /^khabar-/) continue
        if (mbs[i] > 0)
            printf "khabar normalize+tokenize is %.1fx %s\n", mbs[k] / mbs[i], label(name[i])
        else
            printf "khabar normalize+tokenize vs %s: no rate\n", label(name[i])
    }
    printf "\ngoal: normalize+tokenize >= %d MB/s on one core: %s (%.1f MB/s, %.0f%% of it)\n",
        goal, (mbs[k] >= goal ? "met" : "NOT met"), mbs[k], 100 * mbs[k] / goal
}' "$results"

if [ ${#failed[@]} -gt 0 ]; then
    echo
    echo "failed: ${failed[*]}"
    exit 1
fi
