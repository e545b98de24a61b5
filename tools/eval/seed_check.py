#!/usr/bin/env python3
"""Check `khabar analyze` on the seed article against what our user asked for.

The seed article (../shared/data/seed/article.txt) is the one every user tries
first; the news-analysis issue lists what `khabar analyze --format json --date
2017-11-21` must give on it. This script runs that command and prints one line
per expectation, OK or MISSING, then a count. It is an evaluation (make eval),
not a test: the repository holds no copy of the article.

usage: seed_check.py KHABAR SEED_ARTICLE
"""

import json
import subprocess
import sys

# Dates: the text of the expression and the value it must resolve to.
DATES = [
    ("أمس الاثنين", "2017-11-20"),
    ("غدا", "2017-11-22"),
    ("اليوم", "2017-11-21"),
    ("مطلع الشهر القادم", "2017-12"),
    ("مارس/آذار 2011", "2011-03"),
    ("20 أكتوبر/تشرين الأول 2015", "2015-10-20"),
]

# Quotes: (speaker as written, the cue's first word as written).
QUOTES = [
    ("مراسل الجزيرة", "قال"),
    ("الكرملين", "قال"),
    ("بوتين", "نقل"),
    ("الرئيس الروسي", "ذكر"),
    ("زاور شوج", "قال"),
    ("شوج", "بين"),
    ("مدير مكتب الجزيرة", "ذكر"),
    ("شوج", "قال"),
]

# Clusters: a canonical name and mentions that must be in its cluster.
CLUSTERS = [
    ("فلاديمير بوتين", ["بوتين", "الرئيس الروسي", "ه"]),
    ("بشار الأسد", ["الأسد", "الرئيس السوري"]),
    ("زاور شوج", ["شوج", "مدير مكتب الجزيرة"]),
]

REPAIRS = [("مدينةسوتشي", "مدينة سوتشي"), ("ترمبوزعماء", "ترمب وزعماء"),
           ("ومصروالسعودية", "ومصر والسعودية")]


def main():
    khabar, seed = sys.argv[1], sys.argv[2]
    out = subprocess.run([khabar, "analyze", "--format", "json", "--date",
                          "2017-11-21", seed], capture_output=True, check=True)
    doc = json.loads(out.stdout)
    ok = total = 0

    def check(good, what):
        nonlocal ok, total
        total += 1
        ok += bool(good)
        print("  %-7s %s" % ("OK" if good else "MISSING", what))

    got = {(d["text"], d["value"]) for d in doc["dates"]}
    for text, value in DATES:
        found = [v for t, v in got if t == text]
        check((text, value) in got,
              "date %s -> %s%s" % (text, value,
                                   "" if (text, value) in got or not found
                                   else " (got %s)" % ", ".join(map(str, found))))
    quotes = [(q["speaker"], q["cue"].split()[0] if q["cue"] else "")
              for q in doc["quotes"]]
    pool = list(quotes)
    for speaker, cue in QUOTES:
        hit = next((q for q in pool
                    if q[0] == speaker and q[1].endswith(cue)), None)
        if hit:
            pool.remove(hit)
        check(hit is not None, "quote by %s (%s)" % (speaker, cue))
    for name, mentions in CLUSTERS:
        cl = next((c for c in doc["clusters"] if c["name"] == name), None)
        texts = {m["text"] for m in cl["mentions"]} if cl else set()
        check(cl is not None, "cluster %s" % name)
        for m in mentions:
            check(m in texts, "  %s in the cluster of %s" % (m, name))
    reps = {(r["from"], r["to"]) for r in doc["repairs"]}
    for pair in REPAIRS:
        check(pair in reps, "repair %s -> %s" % pair)
    check(len(doc["repairs"]) == len(REPAIRS), "no other repair (%d in all)"
          % len(doc["repairs"]))
    print("  seed article: %d of %d expectations met" % (ok, total))


if __name__ == "__main__":
    main()
