#!/usr/bin/env bash
# run.sh - accuracy figures of khabar (make eval): morphology, taggers and
# news analysis.
#
#   1. UD Arabic-PUD dev (pud-dev-250): each gold sentence's `# text` one a
#      line into `khabar conllu`, scored by tools/eval/ud_score.py (Tokens,
#      Words, Sentences, Lemmas, UPOS F1), errors grouped by
#      tools/eval/pud_errors.py;
#   2. PADT part b converted by tools/padt_convert.py (PUD style), the same
#      way: data the segmenter was trained on, a check, not a test;
#   3. the seed article: counts and a TokenRange check (there is no gold);
#   4. stemming: tools/eval/families.tsv (families that must share a stem,
#      pairs that must not) for `khabar stem` and Snowball's Arabic stemmer
#      (libstemmer, through a small driver compiled here), and agreement
#      with Lucene's and Benzahia's test sets (tools/eval/stem_score.py);
#   4b. glued words: tools/eval/repair_eval.py on the ANT test articles
#      (spaces deleted at random; ANT's own glued words, by hash in
#      tools/eval/repair_natural.txt, counted apart) and the examples;
#   7. search: tools/eval/search_eval.py on SaudiNewsNet (the indexes of
#      bench/search.sh under BUILD/bench/search, built when missing):
#      articles found per query by khabar search, FTS5 unicode61 and
#      trigram, and P@10 of khabar and unicode61 from the judgments in
#      tools/eval/search_judgments.tsv.
#
# Everything is written to BUILD/eval; nothing in the repository changes.
# The data is read from SHARED at run time and never copied elsewhere.
# With SHARED absent, says so and exits 0.
#
# usage: tools/eval/run.sh [BUILD] [SHARED]    (defaults: build ../shared/data)
set -euo pipefail
build=${1:-build}
shared=${2:-../shared/data}
here=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) ;; *) build=$PWD/$build ;; esac
case $shared in /*) ;; *) shared=$PWD/$shared ;; esac
cd "$here"
py=${PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1
ev=tools/eval

if [ ! -d "$shared" ]; then
    echo "make eval: $shared is absent: no accuracy figures (the evaluation" \
         "reads the shared data; pass SHARED=DIR to make)."
    exit 0
fi
shared=$(cd "$shared" && pwd)
khabar=$build/khabar
if [ ! -x "$khabar" ]; then
    echo "run.sh: $khabar is missing: run make first" >&2
    exit 1
fi
out=$build/eval
mkdir -p "$out"
rm -f "$out"/*.json "$out"/notes.txt "$out"/seed.conllu "$out"/seed.path
note() { echo "$*" >> "$out/notes.txt"; }

# -------------------------------------------------------------- 1. PUD ---
pud=$shared/pud-dev-250.conllu
if [ -f "$pud" ]; then
    $py $ev/ud_score.py --print-text "$pud" > "$out/pud.txt"
    "$khabar" conllu --no-progress "$out/pud.txt" > "$out/pud.system.conllu"
    $py $ev/ud_score.py "$pud" "$out/pud.system.conllu" --json \
        --raw "$out/pud.txt" --errors "$out/pud.errors.tsv" > "$out/pud.json"
    $py $ev/pud_errors.py "$pud" "$out/pud.system.conllu" --examples 12 \
        > "$out/pud-errors.txt"
    $py $ev/pud_errors.py "$pud" "$out/pud.system.conllu" --json \
        > "$out/pud-errors.json"
else
    note "$pud is absent: no PUD figures"
fi

# ------------------------------------------------------------- 2. PADT ---
padt=$shared/padt/padt-part-b.conllu
if [ -f "$padt" ]; then
    mkdir -p "$out/padt"
    $py tools/padt_convert.py "$padt" --outdir "$out/padt" --style pud \
        > "$out/padt/convert.log" 2>&1
    gold=$out/padt/padt-part-b.surface-pud.conllu
    $py $ev/ud_score.py --print-text "$gold" > "$out/padt-b.txt"
    "$khabar" conllu --no-progress "$out/padt-b.txt" > "$out/padt-b.system.conllu"
    $py $ev/ud_score.py "$gold" "$out/padt-b.system.conllu" --json \
        --raw "$out/padt-b.txt" --errors "$out/padt-b.errors.tsv" \
        > "$out/padt-b.json"
else
    note "$padt is absent: no PADT check"
fi

# ------------------------------------------------------------- 3. seed ---
seed=$shared/seed/article.txt
if [ -f "$seed" ]; then
    "$khabar" conllu --no-progress "$seed" > "$out/seed.conllu"
    echo "$seed" > "$out/seed.path"
fi

# --------------------------------------------------------- 4. stemming ---
snowball=
if [ ! -f /usr/include/libstemmer.h ]; then
    scripts/deps.sh bench > "$out/deps.log" 2>&1 || true
fi
if [ -f /usr/include/libstemmer.h ]; then
    cat > "$out/snowball_words.c" <<'EOF'
/* snowball_words.c - Snowball's Arabic stemmer over a word list: one word
 * a line in, one stem a line out. Written by tools/eval/run.sh. */
#include <stdio.h>
#include <string.h>
#include <libstemmer.h>

int main(void)
{
    struct sb_stemmer *st = sb_stemmer_new("arabic", "UTF_8");
    char line[4096];
    if (!st) {
        fprintf(stderr, "snowball_words: no arabic stemmer in libstemmer\n");
        return 1;
    }
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strcspn(line, "\r\n");
        const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)line,
                                             (int)n);
        if (!s)
            return 1;
        fwrite(s, 1, (size_t)sb_stemmer_length(st), stdout);
        putchar('\n');
    }
    sb_stemmer_delete(st);
    return 0;
}
EOF
    if ${CC:-cc} -std=c11 -O2 -o "$out/snowball_words" \
            "$out/snowball_words.c" -lstemmer 2> "$out/snowball.log"; then
        snowball=$out/snowball_words
        v=$(dpkg-query -W -f='${Version}' libstemmer0d 2>/dev/null || true)
        note "Snowball column: libstemmer's Arabic stemmer${v:+ (Debian libstemmer0d $v)}"
    else
        note "the Snowball driver did not compile (see $out/snowball.log)"
    fi
else
    note "libstemmer-dev is missing (scripts/deps.sh bench): no Snowball column"
fi
stem_args=(--khabar "$khabar" --families $ev/families.tsv --json)
[ -n "$snowball" ] && stem_args+=(--snowball "$snowball")
[ -d "$shared/stemming/lucene-tests" ] &&
    stem_args+=(--lucene "$shared/stemming/lucene-tests")
[ -d "$shared/stemming/benzahia-golden" ] &&
    stem_args+=(--benzahia "$shared/stemming/benzahia-golden")
$py $ev/stem_score.py "${stem_args[@]}" > "$out/stem.json"

# ----------------------------------------------------- 4b. glued words ---
# Recall of deleted spaces and false splits per 10,000 words on the test
# articles of tools/eval/repair_eval.py (a few seconds; its driver is
# compiled against BUILD/libkhabar.a).
if [ -d "$shared/news/ant" ] && [ -f "$build/libkhabar.a" ]; then
    if ! $py $ev/repair_eval.py --build "$build" --shared "$shared" \
            --set test --work "$out/repair" --json > "$out/repair.json" \
            2> "$out/repair.log"; then
        rm -f "$out/repair.json"
        note "tools/eval/repair_eval.py failed (see $out/repair.log): no glued-word figures"
    fi
else
    note "$shared/news/ant or $build/libkhabar.a is absent: no glued-word figures"
fi

# ------------------------------------------------------------ the table ---
$py $ev/report.py "$out" --shared "$shared"

# ---------------------------------------------------------- 5. taggers ---
# POS on the 100 PUD sentences the tagger did not train on (from raw text,
# and with gold segmentation: the tagger retrained with them as its test);
# NER cross-validated on ANERcorp in document order (the recognizer
# retrained five times), the tagger alone and with the doc rules of
# src/tag/ner_doc.c as `khabar ner` applies them.
train=$build/khabar-train
if [ -f "$pud" ] && [ -x "$train" ]; then
    echo
    echo "Taggers"
    $py - "$pud" "$out/pud100.gold.conllu" <<'PYEOF'
import sys
sents, cur = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        cur.append(line)
    elif cur:
        sents.append(cur); cur = []
if cur:
    sents.append(cur)
open(sys.argv[2], "w", encoding="utf-8").write(
    "".join("".join(s) + "\n" for s in sents[150:]))
PYEOF
    $py $ev/ud_score.py --print-text "$out/pud100.gold.conllu" > "$out/pud100.txt"
    "$khabar" conllu --no-progress "$out/pud100.txt" > "$out/pud100.system.conllu"
    $py $ev/ud_score.py "$out/pud100.gold.conllu" "$out/pud100.system.conllu" |
        awk '/^UPOS/ { printf "  UPOS F1, from raw text (PUD dev 150-249)     %6.2f   goal >= 93\n", $4 }
             /^Words/ { printf "  Words F1 on the same sentences              %6.2f\n", $4 }'
    mkdir -p "$out/padt-ud2"
    $py tools/padt_convert.py "$shared"/padt/padt-part-a.conllu \
        "$shared"/padt/padt-part-b.conllu --outdir "$out/padt-ud2" --style mwt \
        --split-fused --ud2 > "$out/padt-ud2/convert.log" 2>&1
    $py tools/pud_to_mwt.py "$pud" --sentences 0:150 > "$out/pud-train.conllu"
    $py tools/pud_to_mwt.py "$pud" --sentences 150:250 > "$out/pud-test.conllu"
    "$train" pos --lexicon data/lexicon.kbm --out "$out/pos-eval.kbm" \
        --test "$out/pud-test.conllu" \
        "$out"/padt-ud2/padt-part-a.split.ud2.surface.conllu \
        "$out"/padt-ud2/padt-part-b.split.ud2.surface.conllu \
        --weight 4 "$out/pud-train.conllu" > "$out/pos-eval.log" 2>&1 &&
        awk '/^test/ { printf "  UPOS accuracy, gold segmentation (same)     %6.2f   goal >= 95\n", $NF }' \
            "$out/pos-eval.log"
    if $py tools/ner/prepare.py --shared "$shared" --out "$out/ner" \
            > "$out/ner-prepare.log" 2>&1; then
        "$train" ner --out "$out/ner-cv.kbm" --anercorp "$out/ner/anercorp.bio" \
            --docs "$out/ner/anercorp.docs" --extra "$out/ner/fane-wiki.bio" \
            --cv 5 > "$out/ner-cv.log" 2>&1 &&
            awk '/^cross-validation, tagger alone/ { printf "  NER entity F1, ANERcorp 5-fold CV by documents %5s  (P %s, R %s)   goal >= 85\n", $9, $5, $7 }
                 /^cross-validation, all folds/ { printf "  NER entity F1, the same with the doc rules     %5s  (P %s, R %s)   (khabar ner)\n", $9, $5, $7 }' \
                "$out/ner-cv.log"
    else
        echo "  NER: tools/ner/prepare.py failed (see $out/ner-prepare.log)"
    fi
fi

# ---------------------------------------------------- 6. news analysis ---
# What `khabar analyze --date 2017-11-21` must give on the seed article:
# its dates, quotes, clusters and repairs (tools/eval/seed_check.py).
if [ -f "$shared/seed/article.txt" ]; then
    echo
    echo "News analysis (seed article, --date 2017-11-21)"
    $py $ev/seed_check.py "$khabar" "$shared/seed/article.txt"
fi

# ----------------------------------------------------------- 7. search ---
# khabar search against FTS5 unicode61 and trigram on SaudiNewsNet: counts
# per query and P@10 from hand judgments (tools/eval/search_eval.py; the
# first run builds the indexes, a few minutes).
if [ -d "$shared/news/saudinewsnet/zips" ]; then
    echo
    if $py $ev/search_eval.py "$build" "$shared" > "$out/search.txt" \
            2> "$out/search.log"; then
        cat "$out/search.txt"
    else
        cat "$out/search.txt"
        echo "  search: tools/eval/search_eval.py failed (see $out/search.log)"
    fi
fi
