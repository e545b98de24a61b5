#!/usr/bin/env bash
# build.sh - compile the Lucene peer of make bench (LuceneArabic.java).
#
# usage: bench/lucene/build.sh OUTDIR
#
# Needs javac (any JDK >= 11) and Lucene 8's core and analyzers-common jars,
# which Debian's liblucene8-java installs as /usr/share/java/lucene-core-*.jar
# and /usr/share/java/lucene-analyzers-common-*.jar (scripts/deps.sh lucene
# installs them). LUCENE_CLASSPATH (jars separated by ':') overrides the
# search. Compiles into OUTDIR/LuceneArabic.class and writes the run-time
# class path (OUTDIR:jars) to OUTDIR/classpath; run with
#
#   java -cp "$(cat OUTDIR/classpath)" LuceneArabic CORPUS [REPEAT]
#
# Exits non-zero, with the reason on standard error, when it cannot.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: bench/lucene/build.sh OUTDIR}

command -v javac >/dev/null 2>&1 || {
    echo "lucene/build.sh: no javac (scripts/deps.sh lucene)" >&2
    exit 1
}
command -v java >/dev/null 2>&1 || {
    echo "lucene/build.sh: no java (scripts/deps.sh lucene)" >&2
    exit 1
}

# The newest jar matching a name: from the package's file list when dpkg has
# it, else from /usr/share/java.
find_jar() { # NAME (e.g. lucene-core)
    local name=$1 jar
    jar=$( { dpkg -L liblucene8-java 2>/dev/null || true
             ls /usr/share/java/*.jar 2>/dev/null || true; } |
           grep -E "^/usr/share/java/$name(-[0-9][0-9.]*)?\.jar\$" |
           sort -V | tail -n 1)
    [ -n "$jar" ] && [ -f "$jar" ] && printf '%s\n' "$jar"
}

if [ -n "${LUCENE_CLASSPATH:-}" ]; then
    cp=$LUCENE_CLASSPATH
else
    core=$(find_jar lucene-core) || core=""
    common=$(find_jar lucene-analyzers-common) || common=""
    if [ -z "$core" ] || [ -z "$common" ]; then
        echo "lucene/build.sh: no lucene-core / lucene-analyzers-common jar" \
             "under /usr/share/java (scripts/deps.sh lucene)" >&2
        exit 1
    fi
    cp="$core:$common"
fi

mkdir -p "$out"
javac -nowarn -encoding UTF-8 -cp "$cp" -d "$out" "$here/LuceneArabic.java"
printf '%s\n' "$out:$cp" > "$out/classpath"
echo "lucene/build.sh: $out/LuceneArabic.class (class path $cp)" >&2
