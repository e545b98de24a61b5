#!/usr/bin/env python3
"""build_repair.py - build data/repair.kbm, the evidence of glued-word repair.

Glued-word repair (src/morph/repair.c) asks two questions of a cut between
two parts A | B of a token that no space separates:

  * Are A and B words that stand side by side in the news?  The section
    "bigrams" holds, for every pair of adjacent Arabic words (search keys,
    as `khabar tokenize` gives them: no punctuation between them, same
    sentence) seen at least --min-count times, a 16-bit fingerprint of the
    pair and its count (8 ln count, rounded, at most 255).

  * Do the letters around the cut look like the end of one word and the
    start of another, or like the middle of one word?  The section
    "junction" holds two dense tables of log-odds over the 37 letter
    classes of repair.c (0: any other letter; 1-26: U+0621-U+063A; 27-36:
    U+0641-U+064A, hamza forms, ة and ى apart): for the last two letters
    of a word and the first letter of the next (x y | z), and for the last
    letter of one and the first two of the next (y | z w), the log of
    (boundaries seen + 1/2) / (word-internal positions seen + 1/2), 4 units
    a nat, as int8. A position inside a word counts when at least two
    letters are on each side of it; the letters are the morph form (marks
    and tatweel dropped, hamza, ة and ى kept), so that ة | and ى | (which
    end words) are told from ه | and ي |.

Sources, read from --shared (nothing of them is written but the counts):
ANT (news/ant/*.part*.txt) without the articles held apart for measuring
repair (article k, numbered in file order as tools/eval/repair_eval.py
numbers them, with k % 5 == 0: its dev set and every test offset it
offers), and SaudiNewsNet (news/saudinewsnet/zips/*.zip, every article's
title and content, an article identical to an earlier one skipped). The
text is tokenized by `khabar tokenize --format text` (--khabar).

Layout (little-endian; the reader is kh_repair_open in src/morph/repair.c):

  section "junction":
    u32 version 1, u32 n_classes 37,
    i8 left[37 * 37 * 37]   index (x * 37 + y) * 37 + z
    i8 right[37 * 37 * 37]  index (y * 37 + z) * 37 + w
  section "bigrams":
    u32 version 1, u32 bucket_bits, u32 n_entries,
    u32 start[2^bucket_bits + 1]  entries of bucket b: start[b] .. start[b+1]
    u16 fp[n_entries]              sorted within a bucket
    u8 q[n_entries]                8 ln count, rounded, <= 255
  The pair's hash is 64-bit FNV-1a of key(A), one space, key(B); its bucket
  the top bucket_bits bits, its fingerprint the low 16 bits.

Python 3 standard library only; deterministic: the same inputs and khabar
binary give the same bytes.

    python3 tools/repair/build_repair.py --shared ../shared/data \\
        --khabar build/khabar --out data/repair.kbm
"""

import argparse
import glob
import itertools
import json
import math
import os
import re
import struct
import sys
import zipfile
from collections import Counter

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tools"))
from kbm import build_kbm  # noqa: E402
from khabar_pipe import khabar_tokens  # noqa: E402

HELD_APART_MOD = 5
N_CLASSES = 37
MARKS_RE = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
                      "\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]")
LOOKALIKE = {"\u06A9": "\u0643", "\u06CC": "\u064A", "\u06C1": "\u0647",
             "\u06D5": "\u0647"}


def letter_class(ch):
    o = ord(ch)
    if 0x0621 <= o <= 0x063A:
        return o - 0x0620
    if 0x0641 <= o <= 0x064A:
        return o - 0x0641 + 27
    return 0


def morph(form):
    s = MARKS_RE.sub("", form)
    return "".join(LOOKALIKE.get(c, c) for c in s)


def ant_chunks(shared, stats):
    files = sorted(glob.glob(os.path.join(shared, "news", "ant",
                                          "*.part*.txt")))
    if not files:
        raise SystemExit("build_repair: no ANT files under %s" % shared)
    k = -1
    for name in files:
        with open(name, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("# "):
                    k += 1
                    stats["ant_articles"] += 1
                    if k % HELD_APART_MOD == 0:
                        stats["ant_held_apart"] += 1
                    continue
                if k < 0 or k % HELD_APART_MOD == 0:
                    continue
                # A blank line after each line: a sentence never runs on.
                yield (line.rstrip("\n") + "\n\n").encode("utf-8")


def snn_chunks(shared, stats):
    zips = sorted(glob.glob(os.path.join(shared, "news", "saudinewsnet",
                                         "zips", "*.zip")))
    if not zips:
        raise SystemExit("build_repair: no SaudiNewsNet zips under %s"
                         % shared)
    seen = set()
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for art in json.loads(zf.read(name).decode("utf-8")):
                    title = art.get("title") or ""
                    content = art.get("content") or ""
                    if (title, content) in seen:
                        continue
                    seen.add((title, content))
                    stats["snn_articles"] += 1
                    yield (title + "\n\n" + content + "\n\n").encode("utf-8")


def count(shared, khabar, stats):
    """(bigrams of search keys, boundary and inside letter counts)."""
    bigrams = Counter()
    forms = Counter()   # morph forms of the words
    edges = Counter()   # (last two letters, first two letters) of pairs
    prev = prev_form = None
    feed = itertools.chain(ant_chunks(shared, stats), snn_chunks(shared, stats))
    for f in khabar_tokens(khabar, feed=feed, sentence_ends=True):
        if len(f) != 5 or f[2] != b"arabic" or not f[1]:
            prev = prev_form = None
            continue
        stats["arabic_tokens"] += 1
        form = morph(f[0].decode("utf-8"))
        forms[form] += 1
        if prev is not None:
            bigrams[(prev, f[1])] += 1
            if len(prev_form) >= 2 and len(form) >= 2:
                edges[(prev_form[-2:], form[:2])] += 1
        prev, prev_form = f[1], form
    return bigrams, forms, edges


def junction(forms, edges):
    n = N_CLASSES
    b_left, i_left = [0] * n ** 3, [0] * n ** 3
    b_right, i_right = [0] * n ** 3, [0] * n ** 3

    def idx(a, b, c):
        return (letter_class(a) * n + letter_class(b)) * n + letter_class(c)
    for (a, b), c in edges.items():
        b_left[idx(a[0], a[1], b[0])] += c
        b_right[idx(a[1], b[0], b[1])] += c
    for w, c in forms.items():
        for i in range(2, len(w) - 1):
            i_left[idx(w[i - 2], w[i - 1], w[i])] += c
            if i + 1 < len(w):
                i_right[idx(w[i - 1], w[i], w[i + 1])] += c

    def table(bnd, ins):
        out = bytearray()
        for x, y in zip(bnd, ins):
            v = round(4 * math.log((x + 0.5) / (y + 0.5)))
            out += struct.pack("<b", max(-127, min(127, v)))
        return bytes(out)
    return struct.pack("<II", 1, n) + table(b_left, i_left) + \
        table(b_right, i_right)


def fnv64(b):
    h = 14695981039346656037
    for c in b:
        h = ((h ^ c) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def bigram_section(bigrams, min_count):
    items = []
    for (a, b), c in bigrams.items():
        if c < min_count:
            continue
        h = fnv64(a + b" " + b)
        q = min(255, round(8 * math.log(c)))
        items.append((h, q))
    n = len(items)
    bits = 1
    while (1 << bits) * 4 < n:
        bits += 1
    buckets = [[] for _ in range(1 << bits)]
    for h, q in items:
        buckets[h >> (64 - bits)].append((h & 0xFFFF, q))
    start, fps, qs = [0], bytearray(), bytearray()
    for bk in buckets:
        # Equal fingerprints in a bucket: keep the larger count once.
        bk.sort()
        kept = {}
        for fp, q in bk:
            kept[fp] = max(q, kept.get(fp, 0))
        for fp in sorted(kept):
            fps += struct.pack("<H", fp)
            qs.append(kept[fp])
        start.append(len(qs))
    m = len(qs)
    out = struct.pack("<III", 1, bits, m)
    out += struct.pack("<%dI" % len(start), *start)
    out += bytes(fps) + bytes(qs)
    return out, m


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared",
                                                     "data"))
    ap.add_argument("--khabar", default=os.path.join(REPO, "build",
                                                     "khabar"))
    ap.add_argument("--out", default=os.path.join(REPO, "data",
                                                  "repair.kbm"))
    ap.add_argument("--min-count", type=int, default=10,
                    help="pairs seen fewer times are left out (default 10)")
    args = ap.parse_args()
    stats = Counter()
    bigrams, forms, edges = count(args.shared, args.khabar, stats)
    junc = junction(forms, edges)
    bsec, n = bigram_section(bigrams, args.min_count)
    data = build_kbm("repair", [("junction", junc), ("bigrams", bsec)])
    with open(args.out, "wb") as f:
        f.write(data)
    print("build_repair: %d ANT articles (%d held apart), %d SaudiNewsNet "
          "articles, %d Arabic tokens; %d pairs, %d kept (>= %d); %s: %d "
          "bytes" % (stats["ant_articles"], stats["ant_held_apart"],
                     stats["snn_articles"], stats["arabic_tokens"],
                     len(bigrams), n, args.min_count, args.out, len(data)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
