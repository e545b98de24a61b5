#!/usr/bin/env bash
# make_corpus.sh - build the benchmark corpus (>= 50 MB of Arabic news text).
#
# usage: bench/make_corpus.sh [--if-needed] [BUILD]   (BUILD default: build)
#
# Writes BUILD/bench/corpus.txt and BUILD/bench/corpus.source (line 1: a key
# saying what the corpus was built from, line 2: a description for people).
# Never writes into the source tree. With --if-needed, does nothing when the
# corpus exists and its key matches what it would be built from now (so a
# corpus built from the fallback is rebuilt once the data is there).
#
# Source, in this order, each file list sorted (C locale), so that the output
# is the same byte for byte on every machine:
#   $KHABAR_SHARED/data/news/ant/*.part*.txt             copied as they are
#   $KHABAR_SHARED/data/news/saudinewsnet/zips/*.zip     every non-empty `content`
#                                                        field, in file order,
#                                                        each followed by a
#                                                        blank line
# KHABAR_SHARED defaults to ../shared beside the repository. Should that give
# less than the target size, it is repeated whole until it reaches it.
#
# Fallback, when $KHABAR_SHARED/data is absent (or holds no news files): the
# bundled examples/*.txt concatenated and repeated to the target size.
#
# The target is 50 MiB (52,428,800 bytes), so ">= 50 MB" holds either way the
# unit is read; KHABAR_CORPUS_MIN (bytes) overrides it.
set -euo pipefail
export LC_ALL=C

if_needed=0
if [ "${1:-}" = --if-needed ]; then
    if_needed=1
    shift
fi
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-${BUILD:-build}}
shared=${KHABAR_SHARED:-$repo/../shared}
target=${KHABAR_CORPUS_MIN:-52428800}

out="$build/bench/corpus.txt"
src="$build/bench/corpus.source"
tmp="$out.tmp.$$"

data="$shared/data"
news="$data/news"
ant=()
zips=()
if [ -d "$data" ]; then
    shopt -s nullglob
    ant=("$news"/ant/*.part*.txt)
    zips=("$news"/saudinewsnet/zips/*.zip)
    shopt -u nullglob
fi
if [ ${#ant[@]} -gt 0 ] || [ ${#zips[@]} -gt 0 ]; then
    data_abs=$(cd "$data" && pwd)
    key="shared $data_abs min=$target"
else
    key="fallback examples min=$target"
fi

if [ "$if_needed" = 1 ] && [ -s "$out" ] && [ -f "$src" ] &&
   [ "$(head -n 1 "$src")" = "$key" ]; then
    echo "make_corpus.sh: $out is up to date ($key)"
    exit 0
fi

mkdir -p "$build/bench"
trap 'rm -f "$tmp" "$tmp.unit"' EXIT

command -v python3 >/dev/null || {
    echo "make_corpus.sh: python3 is needed (scripts/deps.sh bench)" >&2
    exit 1
}

# Writes the files of $tmp.unit repeated whole until >= target into $tmp.
repeat_to_target() {
    python3 - "$tmp.unit" "$tmp" "$target" <<'EOF'
import sys
unit_path, out_path, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(unit_path, "rb") as f:
    unit = f.read()
if not unit:
    sys.exit("make_corpus.sh: nothing to build the corpus from")
reps = -(-target // len(unit))
with open(out_path, "wb") as f:
    for _ in range(reps):
        f.write(unit)
print(reps)
EOF
}

if [ "${key%% *}" = shared ]; then
    # Globs expand sorted in the C locale: deterministic order.
    : > "$tmp.unit"
    if [ ${#ant[@]} -gt 0 ]; then
        cat "${ant[@]}" >> "$tmp.unit"
    fi
    articles=0
    if [ ${#zips[@]} -gt 0 ]; then
        articles=$(python3 - "$tmp.unit" "${zips[@]}" <<'EOF'
import json, sys, zipfile
out_path, zips = sys.argv[1], sys.argv[2:]
n = 0
with open(out_path, "ab") as out:
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                for art in json.loads(z.read(name).decode("utf-8")):
                    content = art.get("content") or ""
                    if not content.strip():
                        continue
                    out.write(content.encode("utf-8"))
                    out.write(b"\n\n")
                    n += 1
print(n)
EOF
)
    fi
    unit_bytes=$(wc -c < "$tmp.unit")
    desc="$data_abs/news: ant ${#ant[@]} files + saudinewsnet ${#zips[@]} zips ($articles articles), $unit_bytes bytes"
    if [ "$unit_bytes" -ge "$target" ]; then
        mv "$tmp.unit" "$tmp"
    else
        reps=$(repeat_to_target)
        desc="$desc, repeated ${reps}x (less than the target of $target bytes)"
    fi
else
    if [ -d "$data" ]; then
        why="$data holds no news/ant/*.part*.txt nor news/saudinewsnet/zips/*.zip"
    else
        why="$data is absent"
    fi
    echo "make_corpus.sh: NOTE: $why; using the fallback corpus" \
         "(examples/*.txt repeated)" >&2
    examples=("$repo"/examples/*.txt)
    [ -e "${examples[0]}" ] || {
        echo "make_corpus.sh: no examples/*.txt either" >&2
        exit 1
    }
    : > "$tmp.unit"
    for f in "${examples[@]}"; do
        # Each file as its own paragraph, whatever its last byte.
        cat "$f" >> "$tmp.unit"
        printf '\n\n' >> "$tmp.unit"
    done
    unit_bytes=$(wc -c < "$tmp.unit")
    reps=$(repeat_to_target)
    desc="FALLBACK: examples/*.txt (${#examples[@]} files, $unit_bytes bytes) repeated ${reps}x, because $why"
fi

mv "$tmp" "$out"
printf '%s\n%s\n' "$key" "$desc" > "$src"
echo "make_corpus.sh: $out: $(wc -c < "$out") bytes from $desc"
