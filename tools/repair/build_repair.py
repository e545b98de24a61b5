#!/usr/bin/env python3
"""build_repair.py - build data/repair.kbm, the evidence of glued-word repair.

Glued-word repair (src/morph/repair.c) asks two questions of a cut between
two parts A | B of a token that no space separates:

  * Are A and B words that stand side by side in the news?  The section
    "bigrams" holds, for every pair of adjacent Arabic words (search keys,
    as `khabar tokenize` gives them: no punctuation between them, same
    sentence) seen at least --min-count times, a 16-bit fingerprint of the
    pair and its count (8 ln count, rounded, at most 255).

  * Does the token read better as one word or as two?  The section
    "charlm" is a language model of the letters of words: the probability
    of each letter given the four before it, and of the word's end, with
    the start of the word as context too. Repair compares ln P(A) + ln P(B)
    with ln P(AB): the letters around the cut decide, with four letters of
    context on each side (ة, ى and verb endings end words; ال begins them).
    The letters are the morph form (marks and tatweel dropped, hamza, ة and
    ى kept) in the 37 letter classes of repair.c (0: any other letter;
    1-26: U+0621-U+063A; 27-36: U+0641-U+064A), and the symbols 37 (before
    the word) and 38 (its end). Every word of the news counts as often as
    it occurs. The estimate is Witten-Bell's: the probability of symbol c
    after the context h is (n(h c) + u(h) P(c | h')) / (n(h) + u(h)), where
    n counts, u(h) is the number of different symbols seen after h and h'
    is h without its first symbol; the sequences seen fewer than
    --lm-min-count times are left out (as if never seen). It is stored as a
    back-off table: for each seen context h and symbol c, P(c | h); for each
    seen context, its back-off weight u(h) / (n(h) + u(h)) (under the
    symbol 39), so that P(c | h) of an unseen pair is the weight times
    P(c | h').

Sources, read from --shared (nothing of them is written but the counts):
ANT (news/ant/*.part*.txt) without the articles held apart for measuring
repair (article k, numbered in file order as tools/eval/repair_eval.py
numbers them, with k % 5 == 0: its dev set and every test offset it
offers), and SaudiNewsNet (news/saudinewsnet/zips/*.zip, every article's
title and content, an article identical to an earlier one skipped). The
text is tokenized by `khabar tokenize --format text` (--khabar).

Layout (little-endian; the reader is kh_repair_open in src/morph/repair.c):

  section "charlm":
    u32 version 1, u32 order 5, u32 n_symbols 40, u32 bucket_bits (16-24),
    u32 n_entries,
    u32 start[2^bucket_bits + 1]  entries of bucket b: start[b] .. start[b+1]
    u16 fp[n_entries]              sorted within a bucket
    u8 q[n_entries]                -8 ln P (or of the weight), rounded,
                                   <= 255
  An entry's key is the context's four symbols (the oldest first, 39 where
  the context is shorter) and the symbol, in base 40: ((((h0 40 + h1) 40 +
  h2) 40 + h3) 40 + c. Its 32-bit hash x (x *= 0x9E3779B1, x ^= x >> 15,
  x *= 0x85EBCA77, x ^= x >> 13, each step invertible) gives the bucket (the
  top bucket_bits bits) and the fingerprint (the low 16 bits): with 16
  bucket bits or more, the two together are the hash, so a lookup is exact.
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
    """(bigrams of search keys, morph forms of the words), with counts."""
    bigrams = Counter()
    forms = Counter()
    prev = None
    feed = itertools.chain(ant_chunks(shared, stats), snn_chunks(shared, stats))
    for f in khabar_tokens(khabar, feed=feed, sentence_ends=True):
        if len(f) != 5 or f[2] != b"arabic" or not f[1]:
            prev = None
            continue
        stats["arabic_tokens"] += 1
        forms[morph(f[0].decode("utf-8"))] += 1
        if prev is not None:
            bigrams[(prev, f[1])] += 1
        prev = f[1]
    return bigrams, forms


# ---------------------------------------------------------------------------
# The letter model
# ---------------------------------------------------------------------------

LM_ORDER = 5
BOS, EOS, NONE = N_CLASSES, N_CLASSES + 1, N_CLASSES + 2
N_SYMBOLS = N_CLASSES + 3


def lm_key(h, c):
    """The key of symbol c after the context h (a tuple, oldest first)."""
    k = 0
    for x in (NONE,) * (LM_ORDER - 1 - len(h)) + tuple(h):
        k = k * N_SYMBOLS + x
    return k * N_SYMBOLS + c


def mix32(x):
    """An invertible 32-bit hash (each step is)."""
    x = (x * 0x9E3779B1) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x85EBCA77) & 0xFFFFFFFF
    x ^= x >> 13
    return x


def lm_counts(forms, min_count):
    """{context: Counter(symbol: count)} over every word's symbols, each
    word counted as often as it occurs; pairs seen fewer than min_count
    times are dropped, and contexts left with nothing."""
    counts = {}
    pad = (BOS,) * (LM_ORDER - 1)
    for w in sorted(forms):
        n = forms[w]
        s = pad + tuple(letter_class(ch) for ch in w) + (EOS,)
        for i in range(LM_ORDER - 1, len(s)):
            for k in range(LM_ORDER):
                h = s[i - k:i]
                d = counts.get(h)
                if d is None:
                    d = counts[h] = Counter()
                d[s[i]] += n
    for h in sorted(counts):
        if not h:
            continue
        d = counts[h]
        for c in [c for c, n in d.items() if n < min_count]:
            del d[c]
        if not d:
            del counts[h]
    return counts


def lm_entries(counts):
    """[(key, q)]: -8 ln P(c | h) of every seen pair and -8 ln of the
    back-off weight of every seen context (Witten-Bell, see the top)."""
    memo = {}
    totals = {h: (sum(d.values()), len(d)) for h, d in counts.items()}

    def prob(h, c):
        if (h, c) in memo:
            return memo[(h, c)]
        if h:
            lower = prob(h[1:], c)
        else:
            lower = 1.0 / N_SYMBOLS
        d = counts.get(h)
        if d is None:
            p = lower
        else:
            n, u = totals[h]
            p = (d.get(c, 0) + u * lower) / (n + u)
        memo[(h, c)] = p
        return p

    def q(p):
        return min(255, max(0, round(-8 * math.log(p))))
    out = {}
    for h in sorted(counts):
        d = counts[h]
        if h:
            n, u = totals[h]
            out[lm_key(h, NONE)] = q(u / (n + u))
        for c in sorted(d):
            out[lm_key(h, c)] = q(prob(h, c))
    # Every symbol but the start has a probability of its own.
    for c in range(N_SYMBOLS - 1):
        if c != BOS:
            out.setdefault(lm_key((), c), q(prob((), c)))
    return sorted(out.items())


def lm_section(forms, min_count):
    entries = lm_entries(lm_counts(forms, min_count))
    n = len(entries)
    bits = 16
    while (1 << bits) * 4 < n and bits < 24:
        bits += 1
    buckets = [[] for _ in range(1 << bits)]
    for key, q in entries:
        x = mix32(key)
        buckets[x >> (32 - bits)].append((x & 0xFFFF, q))
    start, fps, qs = [0], bytearray(), bytearray()
    for bk in buckets:
        bk.sort()
        for i in range(1, len(bk)):
            if bk[i][0] == bk[i - 1][0]:
                raise SystemExit("build_repair: two letter-model keys with "
                                 "one hash")
        for fp, q in bk:
            fps += struct.pack("<H", fp)
            qs.append(q)
        start.append(len(qs))
    out = struct.pack("<IIIII", 1, LM_ORDER, N_SYMBOLS, bits, n)
    out += struct.pack("<%dI" % len(start), *start)
    return out + bytes(fps) + bytes(qs), n


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
    ap.add_argument("--min-count", type=int, default=5,
                    help="pairs seen fewer times are left out (default 5)")
    ap.add_argument("--lm-min-count", type=int, default=2,
                    help="letter sequences seen fewer times are left out of "
                    "the letter model (default 2)")
    args = ap.parse_args()
    stats = Counter()
    bigrams, forms = count(args.shared, args.khabar, stats)
    lsec, n_lm = lm_section(forms, args.lm_min_count)
    bsec, n = bigram_section(bigrams, args.min_count)
    data = build_kbm("repair", [("charlm", lsec), ("bigrams", bsec)])
    with open(args.out, "wb") as f:
        f.write(data)
    print("build_repair: %d ANT articles (%d held apart), %d SaudiNewsNet "
          "articles, %d Arabic tokens, %d forms; letter model: %d entries; "
          "%d pairs, %d kept (>= %d); %s: %d bytes"
          % (stats["ant_articles"], stats["ant_held_apart"],
             stats["snn_articles"], stats["arabic_tokens"], len(forms), n_lm,
             len(bigrams), n, args.min_count, args.out, len(data)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
