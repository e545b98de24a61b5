#!/usr/bin/env bash
# pos_cv.sh - the POS tagger's development figure: 3-fold cross-validation
# over PUD dev 0-149 in blocks of 50. Each fold trains as tools/models.sh
# step 7 does, on converted PADT (UD v2) and the two other blocks (--weight
# 4), and is tested on its block with gold segmentation; the figure is the
# mean of the three accuracies. PUD 150-249 is never read: it is make
# eval's held-out test.
#
# usage: tools/eval/pos_cv.sh [BUILD] [SHARED] [-- TRAINER ARGS...]
#
#   WEIGHT=K     the PUD blocks' --weight (4)
#   PADT_DIR=D   converted PADT to train on (*.split.ud2.surface.conllu);
#                by default converted here, once, into BUILD/pos-cv/padt
#                (remove that folder after changing tools/padt_convert.py)
#   PREDICT=1    also write each fold's `form gold predicted` lines to
#                BUILD/pos-cv/predict.tsv (for error analysis)
#   RAW=1        also tag each block from raw text with its fold's model
#                (khabar conllu --model: data/ with that pos.kbm) and give
#                the mean UPOS F1 (tools/eval/ud_score.py), as make eval
#                does on 150-249
#
# Trainer arguments after -- (--runs, --epochs ...) go before the files.
# BUILD/khabar-train (and, for RAW=1, BUILD/khabar: the same feature
# functions) must be built from the tree being measured: make first.
# About 20 s on one core; the folds run one after the other.
set -euo pipefail
build=build
shared=../shared/data
if [ $# -gt 0 ] && [ "$1" != -- ]; then build=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" != -- ]; then shared=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = -- ] && shift
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
weight=${WEIGHT:-4}
work=$build/pos-cv
mkdir -p "$work"
pud=$shared/pud-dev-250.conllu
padt=${PADT_DIR:-$work/padt}
if [ -z "${PADT_DIR:-}" ] && [ ! -f "$padt/padt-part-b.split.ud2.surface.conllu" ]; then
    python3 tools/padt_convert.py "$shared"/padt/padt-part-a.conllu \
        "$shared"/padt/padt-part-b.conllu --outdir "$padt" --style mwt \
        --split-fused --ud2 > "$work/convert.log" 2>&1
fi
for b in 0 1 2; do
    python3 tools/pud_to_mwt.py "$pud" --sentences $((b * 50)):$((b * 50 + 50)) \
        > "$work/block$b.conllu"
    if [ -n "${RAW:-}" ]; then
        # The block's sentences as PUD has them (gold for ud_score.py).
        awk -v a=$((b * 50)) -v e=$((b * 50 + 50)) '
            NF == 0 { if (inside) n++; inside = 0; if (n >= a && n < e && was) print ""; was = 0; next }
            { inside = 1; if (n >= a && n < e) { print; was = 1 } }' \
            "$pud" > "$work/gold$b.conllu"
        python3 tools/eval/ud_score.py --print-text "$work/gold$b.conllu" \
            > "$work/raw$b.txt"
    fi
done
: > "$work/predict.tsv"
sum=0
rsum=0
for b in 0 1 2; do
    others=()
    for o in 0 1 2; do [ $o != $b ] && others+=("$work/block$o.conllu"); done
    pred=()
    [ -n "${PREDICT:-}" ] && pred=(--predict "$work/predict$b.tsv")
    acc=$("$build/khabar-train" pos --lexicon data/lexicon.kbm \
        --out "$work/fold$b.kbm" "$@" --test "$work/block$b.conllu" "${pred[@]}" \
        "$padt"/padt-part-a.split.ud2.surface.conllu \
        "$padt"/padt-part-b.split.ud2.surface.conllu \
        --weight "$weight" "${others[@]}" |
        awk '/^test/ { print $NF }')
    [ -n "${PREDICT:-}" ] && cat "$work/predict$b.tsv" >> "$work/predict.tsv"
    raw=
    if [ -n "${RAW:-}" ]; then
        rm -rf "$work/model$b"
        mkdir -p "$work/model$b"
        for k in data/*.kbm; do ln -s "$here/$k" "$work/model$b/"; done
        ln -sf "$here/$work/fold$b.kbm" "$work/model$b/pos.kbm"
        "$build/khabar" conllu --no-progress --model "$work/model$b" \
            "$work/raw$b.txt" > "$work/system$b.conllu"
        raw=$(python3 tools/eval/ud_score.py "$work/gold$b.conllu" \
            "$work/system$b.conllu" | awk '/^UPOS/ { print $4 }')
        rsum=$(awk -v s="$rsum" -v a="$raw" 'BEGIN { print s + a }')
        raw=", raw text $raw"
    fi
    echo "fold $b (PUD $((b * 50))-$((b * 50 + 49))): $acc$raw"
    sum=$(awk -v s="$sum" -v a="$acc" 'BEGIN { print s + a }')
done
awk -v s="$sum" 'BEGIN { printf "mean UPOS, gold segmentation: %.2f\n", s / 3 }'
[ -n "${RAW:-}" ] &&
    awk -v s="$rsum" 'BEGIN { printf "mean UPOS F1, raw text: %.2f\n", s / 3 }'
exit 0
