#!/usr/bin/env bash
# run.sh - the khabar command as a user runs it: golden outputs for the
# example articles, exact rebuilding from CoNLL-U, streaming in chunks, and
# every kind of bad input and bad usage with its exit code.
#
#   tests/cli/run.sh build/khabar          run
#   UPDATE_GOLDEN=1 tests/cli/run.sh ...   rewrite tests/golden/ (then review
#                                          the diff before committing)
set -u
khabar=${1:-build/khabar}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
golden=$root/tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
# Under the sanitizers everything is slower: smaller stress inputs.
big=100000000
[ -n "${KHABAR_SANITIZED:-}" ] && big=20000000

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect CODE DESCRIPTION -- COMMAND...: runs the command, checks the exit code.
expect() {
    local want=$1 what=$2 got
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else
        fail "$what: exit $got, want $want"; sed 's/^/    /' "$tmp/err" >&2; fi
}

# stderr_is_one_line WHAT PATTERN: the error is one line naming the file.
stderr_is_one_line() {
    if [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q -- "$2" "$tmp/err"; then ok; else
        fail "$1: stderr is not one line naming $2:"; sed 's/^/    /' "$tmp/err" >&2; fi
}

same() { # same WHAT FILE1 FILE2
    if cmp -s "$2" "$3"; then ok; else fail "$1: $2 and $3 differ"
        diff "$2" "$3" | head -10 | sed 's/^/    /' >&2; fi
}

# ------------------------------------------------------------- goldens ---
for article in "$root"/examples/*.txt; do
    name=$(basename "$article" .txt)
    for run in "tokenize text" "tokenize jsonl" "tokenize conllu" \
               "sentences text" "sentences jsonl" "normalize text" \
               "normalize jsonl" "normalize-display text" "segment text" \
               "segment jsonl" "segment-fine text" "stem text" \
               "conllu conllu" "repair text" "repair jsonl" "ner text" \
               "ner jsonl" "analyze text" "analyze jsonl"; do
        set -- $run
        cmd=$1 fmt=$2 extra=()
        # A publication date: the output must not depend on the day it runs.
        if [ "$cmd" = analyze ]; then extra=(--date 2017-11-21); fi
        if [ "$cmd" = normalize-display ]; then cmd=normalize; extra=(--preset display); fi
        if [ "$cmd" = segment-fine ]; then cmd=segment; extra=(--scheme fine); fi
        out=$golden/$name.$1.$fmt
        "$khabar" "$cmd" "${extra[@]}" --format "$fmt" "$article" >"$tmp/got" 2>"$tmp/err"
        if [ $? != 0 ]; then fail "$name $run: non-zero exit"; continue; fi
        if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$tmp/got" "$out"; fi
        same "$name $run (golden)" "$out" "$tmp/got"
    done
    # CoNLL-U rebuilds the article byte for byte, from tokens and from words.
    "$khabar" tokenize --format conllu "$article" |
        LC_ALL=C awk -f "$here/conllu_rebuild.awk" >"$tmp/rebuilt"
    same "$name conllu rebuild" "$article" "$tmp/rebuilt"
    "$khabar" conllu "$article" |
        LC_ALL=C awk -f "$here/conllu_rebuild.awk" >"$tmp/rebuilt"
    same "$name conllu (words) rebuild" "$article" "$tmp/rebuilt"
    # Streaming in tiny chunks changes nothing (offsets, sentence ids).
    for fmt in jsonl conllu; do
        "$khabar" tokenize --format "$fmt" "$article" >"$tmp/a"
        "$khabar" tokenize --format "$fmt" --chunk-size 64 "$article" >"$tmp/b"
        same "$name $fmt in 64-byte chunks" "$tmp/a" "$tmp/b"
    done
    # Standard input, as - and as no argument.
    "$khabar" sentences "$article" >"$tmp/a"
    "$khabar" sentences - <"$article" >"$tmp/b"
    same "$name stdin (-)" "$tmp/a" "$tmp/b"
    "$khabar" sentences <"$article" >"$tmp/b"
    same "$name stdin (none)" "$tmp/a" "$tmp/b"
done
# Several files: offsets restart per file, outputs follow each other.
"$khabar" sentences "$root"/examples/*.txt >"$tmp/a"
for f in "$root"/examples/*.txt; do "$khabar" sentences "$f"; done >"$tmp/b"
same "several files" "$tmp/a" "$tmp/b"

# ------------------------------------------------- what the user sees ---
printf 'ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ\n' >"$tmp/pf.txt"
"$khabar" normalize "$tmp/pf.txt" >"$tmp/got"
printf 'السلام عليكم\n' >"$tmp/want"
same "presentation forms" "$tmp/want" "$tmp/got"
printf 'سُورْيَا\n' | "$khabar" normalize --preset display >"$tmp/got"
printf 'سُورْيَا\n' >"$tmp/want"
same "display keeps diacritics" "$tmp/want" "$tmp/got"
expect 0 "--version" -- "$khabar" --version
grep -q '^khabar [0-9]' "$tmp/out" && ok || fail "--version prints the version"
for c in analyze normalize tokenize sentences segment stem conllu repair ner; do
    expect 0 "$c --help" -- "$khabar" "$c" --help
    grep -q "usage: khabar $c" "$tmp/out" && ok || fail "$c --help prints usage"
done
expect 0 "--help" -- "$khabar" --help

# ------------------------------------------------------------- entities ---
printf 'قال الرئيس الروسي فلاديمير بوتين في موسكو أمس إن الأمم المتحدة تدعم الحوار.\n' |
    "$khabar" ner >"$tmp/got"
grep -q $'^PER\tفلاديمير بوتين\t' "$tmp/got" && ok || fail "ner: a person"
grep -q $'^LOC\tموسكو\t' "$tmp/got" && ok || fail "ner: a place"
grep -q $'^ORG\tالأمم المتحدة\t' "$tmp/got" && ok || fail "ner: an organization"
printf 'وصل إلى وبيروت\n' | "$khabar" ner --format jsonl >"$tmp/got"
grep -q '"text":"بيروت"' "$tmp/got" && ok || fail "ner: proclitics are not part of the entity"
# ANERcorp-style input: the same tokens back, in order, with a tag each.
printf 'قال O\nبوتين B-PERS\nفي O\nموسكو B-LOC\n\nوصل O\nالأسد B-PERS\n' >"$tmp/pre.txt"
expect 0 "ner --pretokenized" -- "$khabar" ner --pretokenized "$tmp/pre.txt"
cut -d' ' -f1 "$tmp/out" >"$tmp/got"
printf 'قال\nبوتين\nفي\nموسكو\n\nوصل\nالأسد\n\n' >"$tmp/want"
same "ner --pretokenized keeps the tokens" "$tmp/want" "$tmp/got"
LC_ALL=C awk 'NF && $2 !~ /^(O|[BI]-(PERS|LOC|ORG|MISC))$/ { bad = 1 } END { exit bad }' \
    "$tmp/out" && ok || fail "ner --pretokenized: ANERcorp tag names"
expect 2 "ner --pretokenized --format jsonl" -- "$khabar" ner --pretokenized --format jsonl "$tmp/pre.txt"

# -------------------------------------------------------------- analyze ---
a1=$root/examples/damascus-talks.txt
"$khabar" analyze --date 2017-11-21 --format jsonl "$root"/examples/*.txt >"$tmp/a"
"$khabar" analyze --date 2017-11-21 --format jsonl -j 3 "$root"/examples/*.txt \
    "$root"/examples/*.txt >"$tmp/b"
cat "$tmp/a" "$tmp/a" >"$tmp/c"
same "analyze -j 3 keeps the order of the files" "$tmp/c" "$tmp/b"
[ "$(wc -l <"$tmp/a")" = 3 ] && ok || fail "analyze jsonl: one line per file"
"$khabar" analyze --date 2017-11-21 --format json "$root"/examples/*.txt >"$tmp/b"
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(len(d) != 3)' \
        "$tmp/b" && ok || fail "analyze json: several files make one array"
fi
"$khabar" analyze --format json --date 2017-11-21 "$a1" >"$tmp/b"
grep -q '"source": "given"' "$tmp/b" && ok || fail "analyze: --date is the date used"
"$khabar" analyze --format json "$a1" >"$tmp/b"
grep -q '"source": "\(text\|today\|weekday\)"' "$tmp/b" && ok || fail "analyze: says where the date came from"
expect 0 "analyze html" -- "$khabar" analyze --format html --date 2017-11-21 "$a1"
grep -q '<html lang="ar" dir="rtl">' "$tmp/out" && grep -q '<mark class="ent per"' "$tmp/out" &&
    ok || fail "analyze html: a right-to-left page with marks"
expect 2 "analyze html of two files" -- "$khabar" analyze --format html "$a1" "$a1"
expect 2 "analyze --format conllu" -- "$khabar" analyze --format conllu "$a1"
expect 2 "analyze --date that does not parse" -- "$khabar" analyze --date 2023-02-29 "$a1"
expect 2 "analyze --date garbage" -- "$khabar" analyze --date yesterday "$a1"
expect 2 "analyze --summary 0" -- "$khabar" analyze --summary 0 "$a1"
expect 2 "tokenize --format json" -- "$khabar" tokenize --format json "$a1"
expect 1 "analyze a missing file" -- "$khabar" analyze "$a1" "$tmp/nope.txt"
stderr_is_one_line "analyze a missing file" "nope.txt"
[ "$(wc -l <"$tmp/out")" -gt 5 ] && ok || fail "analyze: the other files are still analyzed"
expect 1 "analyze a directory" -- "$khabar" analyze "$tmp"
stderr_is_one_line "analyze a directory" "$tmp"
: >"$tmp/empty.txt"
expect 0 "analyze empty input" -- "$khabar" analyze --format jsonl "$tmp/empty.txt"
grep -q '"entities":\[\]' "$tmp/out" && ok || fail "analyze: empty input, empty lists"
printf 'Only English here, no Arabic at all.\n' >"$tmp/en.txt"
expect 0 "analyze text with no Arabic" -- "$khabar" analyze --format jsonl "$tmp/en.txt"
printf 'عنوان فقط\n' >"$tmp/title.txt"
expect 0 "analyze a title alone" -- "$khabar" analyze "$tmp/title.txt"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "قال «إن \"ما "; print "" }' >"$tmp/quotes.txt"
expect 0 "analyze quotation marks that never close" -- "$khabar" analyze --format jsonl "$tmp/quotes.txt"
printf 'وصل في 31 فبراير 2023 وغادر في 2023-02-29.\n' >"$tmp/dates.txt"
expect 0 "analyze dates that do not exist" -- "$khabar" analyze --format jsonl "$tmp/dates.txt"
printf 'قال \xff\xfe بوتين\000 إن\n' >"$tmp/bad.txt"
expect 0 "analyze invalid UTF-8" -- "$khabar" analyze --format jsonl "$tmp/bad.txt"
stderr_is_one_line "analyze invalid UTF-8 warns" "bad.txt"
expect 1 "analyze --strict invalid UTF-8" -- "$khabar" analyze --strict "$tmp/bad.txt"
"$khabar" analyze --date 2017-11-21 <"$a1" >"$tmp/a"
"$khabar" analyze --date 2017-11-21 - <"$a1" >"$tmp/b"
same "analyze stdin" "$tmp/a" "$tmp/b"

# ----------------------------------------------------------- bad usage ---
expect 2 "no command" -- "$khabar"
expect 2 "unknown command" -- "$khabar" frobnicate
expect 2 "unknown option" -- "$khabar" tokenize --frob
expect 2 "unknown format" -- "$khabar" tokenize --format xml
expect 2 "missing format" -- "$khabar" tokenize --format
expect 2 "unknown preset" -- "$khabar" normalize --preset loud
expect 2 "conllu for normalize" -- "$khabar" normalize --format conllu "$tmp/pf.txt"
expect 2 "unknown scheme" -- "$khabar" segment --scheme coarse "$tmp/pf.txt"
expect 2 "conllu --format text" -- "$khabar" conllu --format text "$tmp/pf.txt"

# ---------------------------------------------------------- morphology ---
printf 'سوريا\nلسوريا\nوسوريا\nبسوريا\nسُورْيَا\n' | "$khabar" stem >"$tmp/got"
printf 'سوريا\tسوريا\nلسوريا\tسوريا\nوسوريا\tسوريا\nبسوريا\tسوريا\nسُورْيَا\tسوريا\n' >"$tmp/want"
same "stem: one stem a line" "$tmp/want" "$tmp/got"
printf 'زار مدينةسوتشي والمسؤولين\n' | "$khabar" repair >"$tmp/got"
printf 'زار مدينة سوتشي والمسؤولين\n' >"$tmp/want"
same "repair: the space put back, nothing else" "$tmp/want" "$tmp/got"
printf 'للحظر وبسوريا\n' | "$khabar" segment >"$tmp/got"
printf 'للحظر\tل+لحظر\tل+الحظر\nوبسوريا\tو+ب+سوريا\tو+ب+سوريا\n\n' >"$tmp/want"
same "segment: surface and restored forms" "$tmp/want" "$tmp/got"
mkdir -p "$tmp/model"
"$khabar" segment --model "$tmp/model" "$tmp/pf.txt" >/dev/null 2>&1 && ok ||
    fail "an empty model directory falls back to the defaults"
printf 'x' >"$tmp/model/segmenter.kbm"
expect 1 "corrupt model file" -- "$khabar" segment --model "$tmp/model" "$tmp/pf.txt"
stderr_is_one_line "corrupt model file" "model"
rm -f "$tmp/model/segmenter.kbm"

# ----------------------------------------------------------- bad input ---
expect 1 "missing file" -- "$khabar" tokenize "$tmp/nope.txt"
stderr_is_one_line "missing file" "nope.txt"
expect 1 "directory" -- "$khabar" sentences "$tmp"
stderr_is_one_line "directory" "is a directory"
expect 1 "missing model" -- "$khabar" tokenize --model "$tmp/nomodel" "$tmp/pf.txt"
stderr_is_one_line "missing model" "nomodel"
if [ "$(id -u)" != 0 ]; then
    printf 'x' >"$tmp/locked.txt"; chmod 000 "$tmp/locked.txt"
    expect 1 "unreadable file" -- "$khabar" tokenize "$tmp/locked.txt"
    stderr_is_one_line "unreadable file" "locked.txt"
fi
# A good file after a bad one is still processed; the exit code says 1.
expect 1 "bad then good" -- "$khabar" sentences "$tmp/nope.txt" "$tmp/pf.txt"
grep -q 'ﺍﻟﺴﻼﻡ' "$tmp/out" && ok || fail "bad then good: the good file was not processed"

# Invalid UTF-8 and NUL: U+FFFD and a warning; an error with --strict.
printf 'سوريا\xff\xfe ولبنان\0 \xed\xa0\x80 \xc0\xaf.\n' >"$tmp/bad.txt"
expect 0 "invalid UTF-8" -- "$khabar" tokenize "$tmp/bad.txt"
stderr_is_one_line "invalid UTF-8 warning" "bad.txt: warning: 5 invalid"
grep -q $'\xef\xbf\xbd\t\xef\xbf\xbd\xef\xbf\xbd\tinvalid\t10\t12' "$tmp/out" && ok ||
    fail "invalid bytes are an invalid token of U+FFFD"
expect 1 "invalid UTF-8, --strict" -- "$khabar" tokenize --strict "$tmp/bad.txt"
stderr_is_one_line "--strict error" "bad.txt: 5 invalid"
expect 0 "invalid UTF-8 normalize" -- "$khabar" normalize "$tmp/bad.txt"
LC_ALL=C grep -q $'\xff' "$tmp/out" && fail "normalize let an invalid byte through" || ok
expect 0 "invalid UTF-8 conllu" -- "$khabar" tokenize --format conllu "$tmp/bad.txt"
if command -v iconv >/dev/null; then
    iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1 && ok || fail "conllu output is not UTF-8"
fi

# CRLF and lone CR.
printf 'عنوان\r\nجملة أولى. جملة ثانية.\r\nسطر\rآخر\r' >"$tmp/crlf.txt"
expect 0 "CRLF" -- "$khabar" sentences "$tmp/crlf.txt"
[ "$(wc -l <"$tmp/out")" = 5 ] && ok || fail "CRLF: want 5 sentences, got $(wc -l <"$tmp/out")"
"$khabar" tokenize --format conllu "$tmp/crlf.txt" | LC_ALL=C awk -f "$here/conllu_rebuild.awk" >"$tmp/rebuilt"
same "CRLF conllu rebuild" "$tmp/crlf.txt" "$tmp/rebuilt"

# Empty, white space only, punctuation only.
: >"$tmp/empty.txt"
for f in normalize tokenize sentences; do
    expect 0 "empty file ($f)" -- "$khabar" "$f" "$tmp/empty.txt"
    [ -s "$tmp/out" ] && fail "empty file ($f): output is not empty" || ok
done
printf ' \n\t\n\n  ' >"$tmp/space.txt"
expect 0 "white space only" -- "$khabar" tokenize "$tmp/space.txt"
[ -s "$tmp/out" ] && fail "white space only: output is not empty" || ok
printf '!!! ... ، ؟ «»\n' >"$tmp/punct.txt"
expect 0 "punctuation only" -- "$khabar" sentences "$tmp/punct.txt"
[ -s "$tmp/out" ] && ok || fail "punctuation only: no sentence"

# A binary file: defined output, a warning, exit 0.
LC_ALL=C awk 'BEGIN { x = 12345; for (i = 0; i < 300000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648; printf "%c", int(x / 65536) % 256 } }' \
    >"$tmp/binary.bin"
expect 0 "binary file" -- "$khabar" tokenize --format jsonl "$tmp/binary.bin"
stderr_is_one_line "binary file warning" "binary.bin: warning"

# One line of $big bytes, no line break: bounded time and memory.
yes 'سوريا' | tr -d '\n' | head -c "$big" >"$tmp/line.txt"
start=$(date +%s)
expect 0 "one $big-byte line" -- "$khabar" sentences "$tmp/line.txt"
[ $(( $(date +%s) - start )) -lt 120 ] && ok || fail "one long line took over 2 minutes"
rm -f "$tmp/line.txt"

# Memory stays flat on a stream (not under the sanitizers, whose shadow
# memory needs a large address space).
if [ -z "${KHABAR_SANITIZED:-}" ]; then
    yes 'قال الرئيس إن الوفد وصل أمس إلى الدوحة، وإن المحادثات ستبدأ غدا.' |
        head -c 300000000 | (ulimit -v 200000; "$khabar" tokenize --format conllu) >/dev/null
    [ "${PIPESTATUS[2]:-0}" = 0 ] && ok || fail "300 MB stream under a 200 MB memory limit"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
