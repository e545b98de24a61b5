#!/usr/bin/env bash
# tests/html/run.sh - the HTML report renders its marks: each example
# article's page is loaded in headless Chromium, and the DOM it renders must
# hold one <mark> per entity (a mark split by an overlapping repair or date
# counts once, by its data-entity), one <time> per date and one repair
# mark per repair, as `khabar analyze --format jsonl` lists them; a
# screenshot of each page is kept in BUILD/html/ for a person to look at.
#
# usage: tests/html/run.sh build/khabar
# Needs chromium (scripts/deps.sh html installs it).
set -euo pipefail
khabar=${1:-build/khabar}
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$(cd "$(dirname "$khabar")" && pwd)/html
mkdir -p "$out"
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chrome" ]; then
    echo "tests/html: chromium is not installed (scripts/deps.sh html)" >&2
    exit 1
fi
pass=0
fail=0
for f in "$here"/examples/*.txt; do
    name=$(basename "$f" .txt)
    "$khabar" analyze --format html --date 2017-11-21 "$f" > "$out/$name.html"
    "$khabar" analyze --format jsonl --date 2017-11-21 "$f" > "$out/$name.jsonl"
    # A fresh profile each time: no state carried between runs.
    profile=$(mktemp -d)
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$profile" --hide-scrollbars --window-size=1300,2000 \
        --screenshot="$out/$name.png" "file://$out/$name.html" \
        > /dev/null 2>&1 || true
    timeout 120 "$chrome" --headless --no-sandbox --disable-gpu \
        --user-data-dir="$profile" --dump-dom "file://$out/$name.html" \
        > "$out/$name.dom.html" 2> /dev/null || true
    rm -rf "$profile"
    if python3 - "$out/$name.jsonl" "$out/$name.dom.html" "$out/$name.png" <<'PY'
import json, re, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
dom = open(sys.argv[2], encoding="utf-8").read()
png = open(sys.argv[3], "rb").read() if sys.argv[3] else b""
problems = []
if 'dir="rtl"' not in dom:
    problems.append("the page is not right-to-left")
marks = re.findall(r'<mark class="ent (\w+)" data-entity="(\d+)" data-type="(\w+)"', dom)
ids = {int(i) for _, i, _ in marks}
if ids != set(range(len(doc["entities"]))):
    problems.append("entity marks %d, entities %d" % (len(ids), len(doc["entities"])))
for cls, i, typ in marks:
    if doc["entities"][int(i)]["type"] != typ or typ.lower() != cls:
        problems.append("entity %s marked %s/%s" % (i, cls, typ))
        break
times = len(re.findall(r"<time datetime=", dom))
dated = sum(1 for d in doc["dates"] if d["value"])
if times < dated:
    problems.append("date marks %d, dates with a value %d" % (times, dated))
repairs = len(re.findall(r'<span class="repair" title=', dom))
if repairs < len(doc["repairs"]):
    problems.append("repair marks %d, repairs %d" % (repairs, len(doc["repairs"])))
if not png.startswith(b"\x89PNG") or len(png) < 10000:
    problems.append("no screenshot")
if problems:
    print("; ".join(problems))
    sys.exit(1)
PY
    then
        pass=$((pass + 1))
    else
        echo "FAIL: $name html"
        fail=$((fail + 1))
    fi
done
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
