#!/usr/bin/env python3
"""build_usage.py - build data/usage.kbm: how the news uses each word, for
the POS tagger (src/tag/usage.c reads it).

A word the treebanks never tagged, and too rare for a word cluster, still
tells how the news writes it: a foreign name almost never takes the article
ال nor a pronoun suffix, an adjective seldom follows a preposition, a verb
follows قد, لم, لن and سوف. For every search key (the norm column of
`khabar tokenize --format text`) seen at least --min-count times in the
corpus, this tool stores a signature of seven buckets (21 bits), computed for
the key's stem s (the key without ال, when it has ال and two letters more):

  bits 0-2    frequency: the tokens of s with or without the article
              (below), 1: < 10, 2: < 32, 3: < 100, 4: < 1000, 5: < 10000,
              6: more
  bits 3-5    article: the share of those tokens with the article (ال s,
              and after و ف ب ك: وال s, بال s ..., لل s, ولل s, فلل s)
  bits 6-8    preposition: the share of them after a preposition (the
              word before is في من على إلى عن ...; or the token is ب s,
              بال s, لل s)
  bits 9-11   suffix: the number of tokens of s with ها, هم or هما
              (after ت for a stem in ة, folded to ه), and after و as well,
              as a share of the tokens above
  bits 12-14  verb: the share of the bare s (and و s) after قد, لم, لن or
              سوف
  bits 15-17  after a definite word: the share of the tokens of s with the
              article (ال s, وال s) whose word before has the article too
              (an adjective after its noun: الحكومة السورية)
  bits 18-20  before a definite word: the share of the bare s (and و s)
              whose word after has the article (a noun before its genitive:
              وزير الخارجية)

A share is bucketed 0: none, 1: < 1%, 2: < 5%, 3: < 20%, 4: < 50%, 5: <
80%, 6: more. The tokens of s without the article are those of s and of و
s (other proclitics would read too many words as clitic + word: بريطانيا).

File usage.kbm, kind "usage", one section "usage" (little-endian):

  u32 version      1
  u32 n_entries
  u32 n_slots      a power of two, >= 2 n_entries
  slots[n_slots]   { u32 check, u32 signature }: a key's slot is
                   FNV-1a 32 (kh_clusters_hash) & (n_slots - 1), then
                   linear probing; check is a second hash of the key (FNV-1a
                   32 from another offset basis, its low bit set); an empty
                   slot is all 0

No key is stored: a key not in the table matches a slot only if both
hashes agree, once in two billion probes, and then gets some other word's
signature, which only shifts a feature.

Deterministic: the same corpus and khabar give the same bytes. Python 3
standard library only.

usage: build_usage.py --khabar build/khabar --out data/usage.kbm CORPUS...
"""
import argparse
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from kbm import write_kbm  # noqa: E402
from khabar_pipe import khabar_tokens  # noqa: E402

AL = "ال"
PREPOSITIONS = set("في من علي الي عن مع حول بين عند لدي منذ خلال نحو ضد "
                   "عبر".split())
VERB_CUES = set("قد لم لن سوف".split())
ARTICLE_PROCLITICS = ["", "و", "ف", "ب", "ك", "وب", "فب", "وك"]
SUFFIXES = ["ها", "هم", "هما"]


def fnv1a(data, basis=2166136261):
    h = basis
    for b in data:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def check_hash(data):
    return fnv1a(data, 0x9E3779B9) | 1


def stem_of(key):
    return key[2:] if key.startswith(AL) and len(key) >= 4 else key


def freq_bucket(n):
    for b, top in enumerate((10, 32, 100, 1000, 10000), 1):
        if n < top:
            return b
    return 6


def share_bucket(part, whole):
    if part <= 0 or whole <= 0:
        return 0
    r = part / whole
    for b, top in enumerate((0.01, 0.05, 0.2, 0.5, 0.8), 1):
        if r < top:
            return b
    return 6


def definite(key):
    return key.startswith(AL) or key.startswith("وال")


def count(khabar, corpora):
    """Token counts, and the counts after a preposition, after a verb cue,
    after a definite word and before one, of the Arabic tokens' keys."""
    n, prep, verb, defprev, defnext = {}, {}, {}, {}, {}
    prev = None
    for f in khabar_tokens(khabar, files=corpora, sentence_ends=True):
        if not f or f[2] != b"arabic":
            prev = None
            continue
        key = f[1].decode("utf-8")
        if not key:
            prev = None
            continue
        n[key] = n.get(key, 0) + 1
        if prev is not None:
            if prev in PREPOSITIONS:
                prep[key] = prep.get(key, 0) + 1
            elif prev in VERB_CUES:
                verb[key] = verb.get(key, 0) + 1
            if definite(key):
                defnext[prev] = defnext.get(prev, 0) + 1
                if definite(prev):
                    defprev[key] = defprev.get(key, 0) + 1
        prev = key
    return n, (prep, verb, defprev, defnext)


def signature(s, n, ctx):
    prep, verb, defprev, defnext = ctx
    g = n.get
    bare = g(s, 0) + g("و" + s, 0)
    art = sum(g(p + AL + s, 0) for p in ARTICLE_PROCLITICS)
    art += g("لل" + s, 0) + g("ولل" + s, 0) + g("فلل" + s, 0)
    total = bare + art
    if total == 0:
        return 0
    after = (prep.get(s, 0) + prep.get(AL + s, 0) + g("ب" + s, 0) +
             g("بال" + s, 0) + g("لل" + s, 0))
    hosts = [s]
    if s.endswith("ه") and len(s) >= 3:
        hosts.append(s[:-1] + "ت")
    suffixed = sum(g(p + h + x, 0) for h in hosts for x in SUFFIXES
                   for p in ("", "و"))
    cued = verb.get(s, 0) + verb.get("و" + s, 0)
    defs = g(AL + s, 0) + g("وال" + s, 0)
    after_def = defprev.get(AL + s, 0) + defprev.get("وال" + s, 0)
    before_def = defnext.get(s, 0) + defnext.get("و" + s, 0)
    return (freq_bucket(total) | share_bucket(art, total) << 3 |
            share_bucket(after, total) << 6 |
            share_bucket(suffixed, total) << 9 |
            share_bucket(cued, bare) << 12 |
            share_bucket(after_def, defs) << 15 |
            share_bucket(before_def, bare) << 18)


def build(n, ctx, min_count):
    keys = sorted(k for k, c in n.items() if c >= min_count)
    sigs = {}
    for k in keys:
        sig = signature(stem_of(k), n, ctx)
        if sig:
            sigs[k] = sig
    slots = 1
    while slots < 2 * len(sigs):
        slots *= 2
    table = [None] * slots
    for k in sorted(sigs, key=lambda k: k.encode("utf-8")):
        b = k.encode("utf-8")
        if len(b) > 255:
            continue
        i = fnv1a(b) & (slots - 1)
        while table[i] is not None:
            i = (i + 1) & (slots - 1)
        table[i] = (check_hash(b), sigs[k])
    out = bytearray(struct.pack("<III", 1, len(sigs), slots))
    for e in table:
        out += struct.pack("<II", e[0], e[1]) if e else b"\0" * 8
    return bytes(out), len(sigs), slots


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--khabar", default=os.path.join(HERE, "..", "..",
                                                     "build", "khabar"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("corpus", nargs="+")
    args = ap.parse_args()
    n, ctx = count(args.khabar, args.corpus)
    data, entries, slots = build(n, ctx, args.min_count)
    write_kbm(args.out, "usage", [("usage", data)])
    print("usage: %d keys (of %d seen, >= %d times), %d slots, %d bytes" %
          (entries, len(n), args.min_count, slots, len(data)))


if __name__ == "__main__":
    main()
