#!/usr/bin/env python3
"""build_gazetteer.py - build data/gazetteer.kbm, khabar's name gazetteer.

    make                    # build/khabar makes the keys
    python3 tools/ner/build_gazetteer.py --shared /work/shared/data \\
        --khabar build/khabar --out data/gazetteer.kbm
    python3 tools/ner/build_gazetteer.py --check data/gazetteer.kbm \\
        --khabar build/khabar بوتين سوريا "الأمم المتحدة"

The gazetteer maps search keys of names (one token, or several joined by one
space) to a bitmask of types (KH_GAZ_* in src/tag/gazetteer.h, which also
documents the binary layout) and a bitmask of the sources that gave them.

Sources (tools/ner/README.md, NOTICE terms in tools/ner/NOTICE.part):
  tools/ner/lists/*.txt           hand-written lists (this project, MIT)
  gazetteers/cldr41/              CLDR 41 territories and subdivisions
  gazetteers/anergazet/           ANERgazet (research use)
  gazetteers/names-akhateeb/      first and family names (MIT)
  anercorp/train.txt              entities of ANERcorp's train part
  ner/fane/                       entities of NewsFANE (the part that is in
                                  ANERcorp's train part) and WikiFANE

Keys are made by khabar itself: every string goes through `khabar tokenize
--format text` (search preset) and its tokens' normalized forms are joined
by one space, so a key is exactly what the tokenizer gives at run time.

Python 3, standard library only. Deterministic: the same inputs and the same
khabar binary give a byte-identical file. Nothing but the output file is
written (the strings for khabar go through a temporary file in /tmp, removed
at the end).
"""
import argparse
import bisect
import collections
import os
import struct
import subprocess
import sys
import tempfile
import zlib

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tools"))
sys.path.insert(0, HERE)
from kbm import build_kbm  # noqa: E402
import prepare  # noqa: E402

# Type bits (src/tag/gazetteer.h).
FIRST, PERSON, COUNTRY, PLACE, ORG = 1, 2, 4, 8, 16
TITLE, LOC_TRIGGER, ORG_TRIGGER, NISBA = 32, 64, 128, 256
TYPE_NAMES = [(FIRST, "first-name"), (PERSON, "person"), (COUNTRY, "country"),
              (PLACE, "place"), (ORG, "org"), (TITLE, "title"),
              (LOC_TRIGGER, "loc-trigger"), (ORG_TRIGGER, "org-trigger"),
              (NISBA, "nisba")]
ALL_TYPES = 511
# Source bits.
S_LISTS, S_CLDR, S_ANERGAZET, S_AKHATEEB = 1, 2, 4, 8
S_ANERCORP, S_NEWSFANE, S_WIKIFANE = 16, 32, 64
SOURCE_NAMES = [(S_LISTS, "lists"), (S_CLDR, "cldr"), (S_ANERGAZET, "anergazet"),
                (S_AKHATEEB, "akhateeb"), (S_ANERCORP, "anercorp"),
                (S_NEWSFANE, "newsfane"), (S_WIKIFANE, "wikifane")]

# A pseudo-type resolved at the end: a place that is a country when another
# source says so, else PLACE.
LOC_ANY = 1 << 20

LIST_FILES = [
    ("countries.txt", COUNTRY), ("cities.txt", PLACE), ("regions.txt", PLACE),
    ("orgs.txt", ORG), ("media.txt", ORG), ("first-names.txt", FIRST),
    ("persons.txt", PERSON), ("titles.txt", TITLE),
    ("loc-triggers.txt", LOC_TRIGGER), ("org-triggers.txt", ORG_TRIGGER),
    ("nisba.txt", NISBA),
]

# FANE classes that are countries; the other LOC classes are places.
FANE_COUNTRY = {"Nation"}

MAX_TOKENS = 8        # longer names are not kept
MAX_KEY_BYTES = 255
# A one-token name from a noisy source is dropped when the corpora show it
# as a common word: seen COMMON_MIN times or more, inside an entity less
# than COMMON_RATIO of the time.
COMMON_MIN = 5
COMMON_RATIO = 0.3
# A type is kept for a name of the corpora when at least this share of the
# name's mentions have it.
CORPUS_SHARE = 0.1
CORPUS_WHOLE = 0.2

# Words that are not first or family names on their own, though they are
# parts of names (first and last tokens of the corpora's person names).
NAME_PARTS = set("""بن ابن بنت ابو ابي ام ال عبد دي دا دو ده دل ديل فان فون لا لو
    الله الدين الرحمن الثاني الاول الثالث الرابع الابن الاب الكبير الصغير
    جونيور باشا بك بيك افندي سان سانت""".split())

# Standalone clitics: FANE separates them; a key holding one is not a name
# as khabar's tokenizer sees it.
CLITIC_TOKENS = set("و ف ب ل ك س ه ها هم هما هن كم كما كن نا ني".split())

# Words that introduce a subdivision's name in CLDR: محافظة الفيوم -> الفيوم.
SUBDIV_TRIGGERS = set("محافظه ولايه اماره مقاطعه منطقه اقليم بلديه مدينه "
                      "جزيره جزر كانتون مقاطعات".split())


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def fnv1a(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


# --------------------------------------------------------------------------
# Keys through khabar


def khabar_keys(khabar, strings):
    """{string: key}: each string's tokens' normalized forms joined by one
    space, from `khabar tokenize --format text` (strings hold no newline)."""
    strings = sorted(set(strings))
    data = "".join(s + "\n" for s in strings).encode("utf-8")
    starts = []
    pos = 0
    for s in strings:
        starts.append(pos)
        pos += len(s.encode("utf-8")) + 1
    with tempfile.TemporaryDirectory(prefix="khabar-gaz-") as tmp:
        path = os.path.join(tmp, "names.txt")
        with open(path, "wb") as f:
            f.write(data)
        out = subprocess.run([khabar, "tokenize", "--format", "text",
                              "--no-progress", path], stdout=subprocess.PIPE,
                             check=True).stdout.decode("utf-8")
    toks = collections.defaultdict(list)
    for line in out.split("\n"):
        if not line:
            continue
        f = line.split("\t")
        if len(f) != 5:
            sys.exit("unexpected khabar output: %r" % line)
        start = int(f[3])
        i = bisect.bisect_right(starts, start) - 1
        toks[i].append(f[1])
    return {s: " ".join(toks.get(i, [])) for i, s in enumerate(strings)}


# --------------------------------------------------------------------------
# Sources: each yields (string, type bits, source bit, filtered). A filtered
# one-token name is dropped when the corpora show it as a common word.


def read_lines(path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        for line in f:
            line = line.split("#", 1)[0].strip().lstrip("\ufeff")
            if line:
                yield line


def nisba_forms(line):
    """The forms of one line of nisba.txt."""
    words = line.split()
    stem, rest = words[0], words[1:]
    sound = True
    if rest and rest[0] == "-":
        sound, rest = False, rest[1:]
    forms = [stem, stem + "ة"]
    if sound:
        forms += [stem + "ون", stem + "ين"]
    forms += ["ال" + f for f in forms]
    return forms + rest


def source_lists(d):
    for name, bit in LIST_FILES:
        for line in read_lines(os.path.join(d, name)):
            if bit == NISBA:
                for form in nisba_forms(line):
                    yield form, bit, S_LISTS, False
            else:
                yield line, bit, S_LISTS, False


def cldr_parts(name):
    """A CLDR name and its parts: الكونغو - كينشاسا, جزر كوكوس (كيلينغ)."""
    out = [name]
    base = name.split("(")[0].strip()
    if base != name:
        out.append(base)
    if " - " in base:
        out += [p.strip() for p in base.split(" - ") if p.strip()]
    return out


def source_cldr(d):
    skip = {"001", "XA", "XB", "ZZ"}
    org = {"EU", "UN"}
    region = {"EZ", "QO"}
    for line in read_lines(os.path.join(d, "cldr41-ar-territories.tsv")):
        f = line.split("\t")
        code, name = f[0], f[-1]
        if code in skip:
            continue
        if code in org:
            bit = ORG
        elif code.isdigit() or code in region:
            bit = PLACE
        else:
            bit = COUNTRY
        for n in cldr_parts(name):
            yield n, bit, S_CLDR, False
    for line in read_lines(os.path.join(d, "cldr41-ar-subdivisions.tsv")):
        f = line.split("\t")
        for n in cldr_parts(f[-1]):
            yield n, PLACE, S_CLDR, True
            yield ("TRIGGERED", n), PLACE, S_CLDR, True


def source_anergazet(d):
    for line in read_lines(os.path.join(d, "AlignedLocGazetteer.txt")):
        if line.startswith(("====", "****")) or len(line) < 2:
            continue
        yield line, LOC_ANY, S_ANERGAZET, True
    for line in read_lines(os.path.join(d, "AlignedOrgGazetteer.txt")):
        yield line, ORG, S_ANERGAZET, True
    for line in read_lines(os.path.join(d, "AlignedPersGazetteer.txt")):
        yield line, PERSON, S_ANERGAZET, True


def source_akhateeb(d):
    for name in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in read_lines(os.path.join(d, name)):
            yield line, FIRST, S_AKHATEEB, False
    for line in read_lines(os.path.join(d, "last-names-in-arabic.txt")):
        yield line, PERSON, S_AKHATEEB, False


def corpus_entities(sents, fine, source):
    """Entities of mapped sentences (fine: the same sentences with FANE's
    fine tags, or None for ANERcorp)."""
    for si, s in enumerate(sents):
        for i, j, t in prepare.spans(s):
            if t == "MISC":
                continue
            toks = [tok for tok, _ in s[i:j]]
            text = " ".join(toks)
            if t == "PER":
                yield text, PERSON, source, True
                if len(toks) >= 2:
                    yield ("FIRST", toks[0]), FIRST, source, True
                    yield ("LAST", toks[-1]), PERSON, source, True
            elif t == "ORG":
                yield text, ORG, source, True
            elif fine is None:
                yield text, LOC_ANY, source, True
            else:
                cls = fine[si][i][1][2:]
                yield text, COUNTRY if cls in FANE_COUNTRY else PLACE, source, True


# --------------------------------------------------------------------------
# Building


def build(a):
    shared = a.shared
    gaz = os.path.join(shared, "gazetteers")
    # The corpora, as prepare.py writes them.
    mapping = prepare.read_mapping(os.path.join(HERE, "fane-to-coarse.tsv"))
    aner = prepare.read_anercorp(os.path.join(shared, "anercorp", "train.txt"))
    fdir = os.path.join(shared, "ner", "fane")
    news_fine, _ = prepare.read_fane([os.path.join(fdir, "NewsFANE_Gold_2014_170K.txt")])
    wiki_fine, _ = prepare.read_fane([os.path.join(fdir, "WikiFANE_Gold_2014_500K.part%02d.txt" % i)
                                      for i in (0, 1)])
    for s in aner + news_fine + wiki_fine:
        prepare.repair(s)
    news = prepare.map_fane(news_fine, mapping)
    wiki = prepare.map_fane(wiki_fine, mapping)
    align = prepare.align_news(news, aner)
    keep = [i for i, (k, _) in enumerate(align) if k]
    news = [news[i] for i in keep]
    news_fine = [news_fine[i] for i in keep]
    log("corpora: ANERcorp %d, NewsFANE %d (in ANERcorp train), WikiFANE %d sentences"
        % (len(aner), len(news), len(wiki)))

    cands = []
    cands += source_lists(os.path.join(HERE, "lists"))
    cands += source_cldr(os.path.join(gaz, "cldr41"))
    cands += source_akhateeb(os.path.join(gaz, "names-akhateeb"))
    cands += source_anergazet(os.path.join(gaz, "anergazet"))
    cands += corpus_entities(aner, None, S_ANERCORP)
    cands += corpus_entities(news, news_fine, S_NEWSFANE)
    cands += corpus_entities(wiki, wiki_fine, S_WIKIFANE)

    # Every string khabar must see: names and the corpora's tokens.
    def raw(x):
        return x[1] if isinstance(x, tuple) else x
    vocab = set()
    for s in aner + news + wiki:
        vocab.update(t for t, _ in s)
    strings = set(raw(c[0]) for c in cands) | vocab
    strings = set(s.replace("\n", " ").strip() for s in strings)
    log("khabar: %d strings" % len(strings))
    keys = khabar_keys(a.khabar, strings)

    # Common words: how often each one-token key is inside an entity.
    n_all, n_ent = collections.Counter(), collections.Counter()
    for s in aner + news + wiki:
        for t, tag in s:
            k = keys[t.strip()]
            n_all[k] += 1
            if tag != "O":
                n_ent[k] += 1

    def common(k):
        return n_all[k] >= COMMON_MIN and n_ent[k] < COMMON_RATIO * n_all[k]

    entries = {}   # key -> [types, sources]
    dropped = collections.Counter()
    pending = []   # (key, source) of LOC_ANY
    clitic_forms = []
    for text, bit, src, filtered in cands:
        kind = None
        if isinstance(text, tuple):
            kind, text = text
        k = keys[text.replace("\n", " ").strip()]
        toks = k.split(" ") if k else []
        if kind == "TRIGGERED":
            if len(toks) < 2 or toks[0] not in SUBDIV_TRIGGERS:
                continue
            toks = toks[1:]
            k = " ".join(toks)
        if not toks:
            continue
        if kind in ("FIRST", "LAST") and (len(toks) != 1 or toks[0] in NAME_PARTS
                                          or len(toks[0]) < 2):
            continue
        if len(toks) > MAX_TOKENS or len(k.encode("utf-8")) > MAX_KEY_BYTES:
            dropped["too long"] += 1
            continue
        if src >= S_ANERCORP:
            if any(t in CLITIC_TOKENS for t in toks):
                dropped["standalone clitic"] += 1
                continue
        if any(not any(ch.isalnum() for ch in t) and t not in ("-", ".", "'")
               for t in toks) or not any(ch.isalnum() for ch in toks[0]) \
                or not any(ch.isalnum() for ch in toks[-1]):
            dropped["punctuation"] += 1
            continue
        if filtered and len(toks) == 1 and common(k):
            dropped["common word"] += 1
            continue
        if src == S_ANERGAZET and len(toks) == 1 and (
                len(k) < 3 or (bit == PERSON and k in NAME_PARTS)):
            dropped["common word"] += 1
            continue
        if src >= S_ANERCORP:
            clitic_forms.append((k, bit, src))
            continue
        if src == S_ANERGAZET and k in entries:
            # ANERgazet's lines are often fragments of longer names (موسكو
            # of a club's name in the organizations): it adds no type of
            # its own to a name the lists, CLDR and names-akhateeb know.
            known_types = entries[k][0] & (FIRST | PERSON | COUNTRY | PLACE | ORG)
            same = {LOC_ANY: COUNTRY | PLACE, PERSON: FIRST | PERSON}.get(bit, bit)
            if known_types and not known_types & same:
                dropped["anergazet type conflict"] += 1
                continue
        if bit == LOC_ANY:
            pending.append((k, src))
            continue
        e = entries.setdefault(k, [0, 0])
        e[0] |= bit
        e[1] |= src

    # Names from the corpora: proclitics off when the bare name is known
    # (ولبنان -> لبنان, للأمم المتحدة -> الأمم المتحدة, بالعراق -> العراق).
    known = set(entries) | set(k for k, _ in pending) | set(k for k, _, _ in clitic_forms)

    def bare(k):
        if k in entries:  # a curated source knows it as it is
            return k
        t = k.split(" ")
        w = t[0]
        cands_ = []
        for p in ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل"):
            if w.startswith(p) and len(w) > len(p) + 1:
                cands_.append("ال" + w[len(p):])
        for p in ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
            if w.startswith(p) and len(w) > len(p) + 1:
                cands_.append(w[len(p):])
        for c in cands_:
            kk = " ".join([c] + t[1:])
            if kk in known:
                return kk
        if w.startswith("لل") and len(w) > 3:  # ل + ال is always spelled لل
            return " ".join(["ال" + w[2:]] + t[1:])
        return k
    stripped = 0
    corpus = collections.defaultdict(collections.Counter)  # key -> bit -> mentions
    corpus_src = collections.Counter()
    # FANE separates و; ANERcorp keeps it on the word, so an ANERcorp name
    # that starts with و is و + name unless another source knows it
    # (واشنطن, وليد): ANERcorp's spans also join names (وكريستوفر والكن).
    elsewhere = set(entries) | set(k for k, _ in pending) | set(
        k for k, _, src in clitic_forms if src != S_ANERCORP)
    for k, bit, src in clitic_forms:
        b = bare(k)
        if b != k:
            stripped += 1
        if src == S_ANERCORP and b[0] in "وف" and b not in elsewhere:
            dropped["ANERcorp name with و or ف"] += 1
            continue
        if " " not in b and (common(b) or len(b) < 3 or
                             (bit & (FIRST | PERSON) and b in NAME_PARTS)):
            dropped["common word"] += 1
            continue
        corpus[b][bit] += 1
        corpus_src[b, bit] |= src
    # A type the corpora give a name rarely is annotation noise (سوريا once
    # tagged ORG among 190 LOC): keep the types of at least CORPUS_SHARE of
    # its mentions.
    for k in sorted(corpus):
        total = sum(corpus[k].values())
        # One-token names: a whole name in CORPUS_WHOLE of their mentions at
        # least, and seen twice or a name in half of them (drops المتحدة,
        # tagged B-ORG alone 4 times among 1,300).
        if " " not in k and k not in entries and (
                total < CORPUS_WHOLE * n_all[k] or
                (total < 2 and total < 0.5 * n_all[k])):
            dropped["one-token corpus name, rarely whole"] += 1
            continue
        for bit, n in sorted(corpus[k].items()):
            if n < CORPUS_SHARE * total:
                dropped["rare type of a corpus name"] += 1
                continue
            if bit == LOC_ANY:
                pending.append((k, corpus_src[k, bit]))
                continue
            e = entries.setdefault(k, [0, 0])
            e[0] |= bit
            e[1] |= corpus_src[k, bit]
    for k, src in pending:
        e = entries.setdefault(k, [0, 0])
        if not e[0] & COUNTRY:
            e[0] |= PLACE
        e[1] |= src
    log("entries %d; dropped: %s; proclitics removed from %d corpus names" % (
        len(entries), dict(dropped), stripped))
    return entries, n_all, n_ent


INLINE = 20  # key bytes a slot holds (KH_GAZ_INLINE)
SLOT = 32


def section(entries):
    """The bytes of section "names" (layout in src/tag/gazetteer.h):
    version 2, the slots hold the entries."""
    items = sorted((k.encode("utf-8"), v) for k, v in entries.items())
    n = len(items)
    n_slots = 1
    while n_slots < 2 * n:
        n_slots *= 2
    pool = bytearray()
    slots = [None] * n_slots
    mask = n_slots - 1
    max_tokens = max_bytes = 0
    for kb, (types, srcs) in items:
        ntok = kb.count(b" ") + 1
        max_tokens = max(max_tokens, ntok)
        max_bytes = max(max_bytes, len(kb))
        h = fnv1a(kb) & mask
        while slots[h] is not None:
            h = (h + 1) & mask
        slots[h] = (struct.pack("<IIHBB", len(pool), types, len(kb), ntok, srcs)
                    + kb[:INLINE].ljust(INLINE, b"\0"))
        pool += kb
    head = struct.pack("<8I", 2, n, n_slots, len(pool), max_tokens, max_bytes, 0, 0)
    return head + b"".join(x if x is not None else bytes(SLOT) for x in slots) \
        + bytes(pool)


# --------------------------------------------------------------------------
# Checking: an independent reader of the file


def read_gazetteer(path):
    data = open(path, "rb").read()
    if data[:8] != b"KHBRMDL\0" or len(data) < 36:
        sys.exit("%s: not a khabar model file" % path)
    if zlib.crc32(data[:-4]) & 0xFFFFFFFF != struct.unpack("<I", data[-4:])[0]:
        sys.exit("%s: bad file CRC" % path)
    version, nsec = struct.unpack("<II", data[8:16])
    kind = data[16:32].rstrip(b"\0").decode()
    if version != 1 or kind != "gazetteer" or nsec != 1:
        sys.exit("%s: version %d kind %r sections %d" % (path, version, kind, nsec))
    tag = data[32:48].rstrip(b"\0").decode()
    off, size, crc, _ = struct.unpack("<QQII", data[48:72])
    sec = data[off:off + size]
    if tag != "names" or len(sec) != size or zlib.crc32(sec) & 0xFFFFFFFF != crc:
        sys.exit("%s: bad section" % path)
    version, n, n_slots, pool_size, max_tokens, max_bytes, r1, r2 = struct.unpack_from("<8I", sec, 0)
    if version != 2 or n_slots & (n_slots - 1) or n_slots <= n or r1 or r2:
        sys.exit("%s: bad header" % path)
    p = 32
    pool = sec[p + SLOT * n_slots:]
    if len(pool) != pool_size:
        sys.exit("%s: section size" % path)
    placed = []
    slot_keys = []
    for i in range(n_slots):
        rec = sec[p + SLOT * i:p + SLOT * (i + 1)]
        e = struct.unpack_from("<IIHBB", rec, 0)
        if e[2] == 0:
            if any(rec):
                sys.exit("%s: empty slot %d not zero" % (path, i))
            slot_keys.append(None)
            continue
        kb = pool[e[0]:e[0] + e[2]]
        if rec[12:] != kb[:INLINE].ljust(INLINE, b"\0"):
            sys.exit("%s: slot %d: inline key differs from the pool" % (path, i))
        slot_keys.append(kb)
        placed.append((kb, e))
    placed.sort()
    if len(placed) != n:
        sys.exit("%s: %d entries in the slots, header says %d" % (path, len(placed), n))
    ents = [e for _, e in placed]
    keys = []
    for off_, types, klen, ntok, srcs in ents:
        kb = pool[off_:off_ + klen]
        if off_ + klen > pool_size or not types or types & ~ALL_TYPES or \
                ntok != kb.count(b" ") + 1 or ntok > max_tokens or klen > max_bytes:
            sys.exit("%s: bad entry" % path)
        keys.append(kb)
    if keys != sorted(set(keys)):
        sys.exit("%s: keys not sorted and unique" % path)
    g = {"n": n, "n_slots": n_slots, "pool": pool_size, "max_tokens": max_tokens,
         "max_bytes": max_bytes, "size": len(data), "ents": ents, "keys": keys}
    by_key = dict(placed)

    def find(kb):
        m = n_slots - 1
        h = fnv1a(kb) & m
        for _ in range(n_slots):
            k = slot_keys[h]
            if k is None:
                return None
            if k == kb:
                return by_key[kb]
            h = (h + 1) & m
        return None
    for kb in keys:
        if find(kb) is None:
            sys.exit("%s: key not found by probing" % path)
    g["find"] = find
    return g


def describe(types, names=TYPE_NAMES):
    return ",".join(n for b, n in names if types & b) or "-"


def summary(g):
    by_type = collections.Counter()
    by_src = collections.Counter()
    only_corpus = 0
    for _, types, _, _, srcs in g["ents"]:
        for b, n in TYPE_NAMES:
            if types & b:
                by_type[n] += 1
        for b, n in SOURCE_NAMES:
            if srcs & b:
                by_src[n] += 1
        if not srcs & (S_LISTS | S_CLDR | S_ANERGAZET | S_AKHATEEB):
            only_corpus += 1
    ntok = collections.Counter(e[3] for e in g["ents"])
    print("size %d bytes (%.2f MiB); entries %d; slots %d; pool %d bytes; "
          "max name %d tokens, %d bytes" % (
              g["size"], g["size"] / 1048576.0, g["n"], g["n_slots"], g["pool"],
              g["max_tokens"], g["max_bytes"]))
    print("by type:   " + ", ".join("%s %d" % (n, by_type[n]) for _, n in TYPE_NAMES))
    print("by source: " + ", ".join("%s %d" % (n, by_src[n]) for _, n in SOURCE_NAMES)
          + "; from the corpora only %d" % only_corpus)
    print("by length: " + ", ".join("%d tokens %d" % kv for kv in sorted(ntok.items())))


def lookup(g, khabar, words):
    keys = khabar_keys(khabar, words) if khabar else {w: w for w in words}
    for w in words:
        e = g["find"](keys[w].encode("utf-8"))
        if e is None:
            print("%s\t%s\t0\t-" % (w, keys[w]))
        else:
            print("%s\t%s\t%d\t%s\tsources %s" % (w, keys[w], e[1], describe(e[1]),
                                                  describe(e[4], SOURCE_NAMES)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="/work/shared/data")
    ap.add_argument("--khabar", default=os.path.join(REPO, "build", "khabar"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "gazetteer.kbm"))
    ap.add_argument("--max-bytes", type=int, default=3 * 1000 * 1000,
                    help="fail when the file is larger (default 3 MB)")
    ap.add_argument("--check", metavar="FILE",
                    help="check FILE and look the words up, build nothing")
    ap.add_argument("words", nargs="*", help="words to look up after building")
    a = ap.parse_args()
    if a.check:
        g = read_gazetteer(a.check)
        summary(g)
        lookup(g, a.khabar, a.words)
        return
    entries, _, _ = build(a)
    data = build_kbm("gazetteer", [("names", section(entries))])
    if len(data) > a.max_bytes:
        sys.exit("gazetteer: %d bytes, more than --max-bytes %d" % (len(data), a.max_bytes))
    tmp = a.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, a.out)
    g = read_gazetteer(a.out)
    print("wrote %s" % a.out)
    summary(g)
    if a.words:
        lookup(g, a.khabar, a.words)


if __name__ == "__main__":
    main()
