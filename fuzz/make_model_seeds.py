#!/usr/bin/env python3
"""make_model_seeds.py - small model files for fuzz/corpus-model.

Writes a tiny valid lexicon, segmenter, table of hosts and table of the
taggers' rows worked out ahead (the layouts of src/morph/lexicon.h,
segment.h, hosts.h and src/tag/tagrows.h, through tools/kbm.py), each
prefixed with the option byte of fuzz_model.c (0: lexicon, 1: segmenter,
2: the table of hosts, 3: the rows worked out ahead),
plus damaged copies: truncated, a flipped byte with the CRCs fixed up, and
trailing bytes. Deterministic; the words are ours.
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tools"))
from kbm import build_kbm  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "corpus-model")


def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def pad4(b):
    return b + b"\0" * ((4 - len(b) % 4) % 4)


def lexicon():
    words = sorted(w.encode() for w in ["سوريا", "كتاب", "في", "قال"])
    pool = b"".join(words) + "قول".encode()
    n_slots = 8
    entries, offs, o = b"", [], 0
    for i, w in enumerate(words):
        offs.append(o)
        ana = 0 if i == 3 else 0
        n_ana = 1 if i == 3 else 0
        entries += struct.pack("<IIIHBB", o, 100 - i, ana, n_ana, len(w), 1)
        o += len(w)
    slots = [0] * n_slots
    for i, w in enumerate(words):
        h = fnv(w) & (n_slots - 1)
        while slots[h]:
            h = (h + 1) & (n_slots - 1)
        slots[h] = i + 1
    root_off = len(b"".join(words))
    analyses = struct.pack("<IIIBBBB", offs[3], root_off, 7, len(words[3]),
                           len("قول".encode()), 16, 0)
    head = struct.pack("<IIIIIIQ", 1, len(words), n_slots, 1, len(pool), 0,
                       1000)
    body = head + entries + struct.pack("<%dI" % n_slots, *slots) + analyses
    return build_kbm("lexicon", [("lexicon", body + pool)])


def segmenter():
    n_buckets = 1024
    weights = struct.pack("<IIII", 1, n_buckets, 1, 0) + b"".join(
        struct.pack("<h", ((i * 7919) % 2001) - 1000) for i in range(n_buckets))
    forms = sorted(w.encode() for w in ["وسوريا", "كتابها"])
    n_slots = 4
    pool = b"".join(forms)
    entries, o = b"", 0
    for i, f in enumerate(forms):
        entries += struct.pack("<IHBB", o, 1 | (1 << 2) * i, len(f), 0)
        o += len(f)
    slots = [0] * n_slots
    for i, f in enumerate(forms):
        h = fnv(f) & (n_slots - 1)
        while slots[h]:
            h = (h + 1) & (n_slots - 1)
        slots[h] = i + 1
    cache = struct.pack("<IIII", 1, len(forms), n_slots, len(pool)) + \
        entries + struct.pack("<%dI" % n_slots, *slots) + pool
    return build_kbm("segmenter", [("weights", weights), ("cache", cache)])


def hosts():
    """Two hosts with their lemma, root and stem (src/morph/hosts.h)."""
    items = [("كتاب", "كتاب", "كتب", "كتاب"), ("الحكومة", "حكومة", "حكم", "حكومه")]
    n_slots = 4
    slots = [b"\0" * 16] * n_slots
    pool = b""
    for host, lemma, root, stem in items:
        parts = [x.encode() for x in (host, lemma, root, stem)]
        h = fnv(parts[0])
        i = h & (n_slots - 1)
        while slots[i] != b"\0" * 16:
            i = (i + 1) & (n_slots - 1)
        slots[i] = struct.pack("<IIBBBBBBH", h, len(pool), *map(len, parts),
                               0, 1, 0)
        pool += b"".join(parts)
    body = struct.pack("<IIIIII", 1, 0, 0, len(items), n_slots, len(pool))
    return build_kbm("hosts", [("hosts", body + b"".join(slots) + pool)])


def tagrows():
    """Two entries of width 4, one of 16-bit scores and one of 32-bit
    (src/tag/tagrows.h). The slots are placed by a stand-in hash: the
    library's (kh_memo_hash) finds them or not; the fuzzer reads them either
    way."""
    width = 4
    items = [("كتاب", 7, 3, [1, -2, 300, 0], 0),
             ("سوريا", 9, 0, [70000, -70000, 5, 6], 1)]
    n_slots = 4
    slots = [b"\0" * 8] * n_slots
    pool = b""
    for key, attr, value, scores, wide in items:
        k = key.encode()
        h = (fnv(k) * 0x9E3779B1) & 0xFFFFFFFFFFFFFFFF
        i = h & (n_slots - 1)
        while slots[i] != b"\0" * 8:
            i = (i + 1) & (n_slots - 1)
        slots[i] = struct.pack("<II", h >> 32, len(pool) // 8 + 1)
        if wide:
            body = struct.pack("<QQiHBB", attr, value, 0, len(k), 1, 0) + \
                struct.pack("<%di" % width, *scores)
        else:
            body = struct.pack("<QQiHBB", attr, value, 100, len(k), 0, 0) + \
                struct.pack("<%dh" % width, *[x - 100 for x in scores])
        body += k
        body += b"\0" * ((8 - len(body) % 8) % 8)
        pool += body
    head = struct.pack("<10I", 1, 0, 0, 0, 0, width, len(items), n_slots,
                       len(pool), 0)
    return build_kbm("tagrows", [("pos", head + b"".join(slots) + pool)])


def refresh_crcs(b):
    """Recomputes the section and file CRCs of a damaged image."""
    b = bytearray(b)
    n = struct.unpack_from("<I", b, 12)[0]
    for i in range(n):
        e = 32 + 40 * i
        off, size = struct.unpack_from("<QQ", b, e + 16)
        if off + size <= len(b) - 4:
            struct.pack_into("<I", b, e + 32,
                             zlib.crc32(bytes(b[off:off + size])) & 0xFFFFFFFF)
    struct.pack_into("<I", b, len(b) - 4, zlib.crc32(bytes(b[:-4])) & 0xFFFFFFFF)
    return bytes(b)


def main():
    os.makedirs(OUT, exist_ok=True)
    for tag, kind, img in ((b"\0", "lexicon", lexicon()),
                           (b"\1", "segmenter", segmenter()),
                           (b"\2", "hosts", hosts()),
                           (b"\3", "tagrows", tagrows())):
        seeds = {
            "valid": img,
            "truncated": img[: len(img) // 2],
            "trailing": refresh_crcs(img[:-4] + b"\0" * 8 + img[-4:]),
            "flipped-count": refresh_crcs(
                img[:72] + bytes([img[72] ^ 0xFF]) + img[73:]),
            "flipped-slot": refresh_crcs(
                img[:-40] + bytes([img[-40] ^ 0x7F]) + img[-39:]),
        }
        for name, data in seeds.items():
            with open(os.path.join(OUT, "%s-%s.bin" % (kind, name)), "wb") as f:
                f.write(tag + data)


if __name__ == "__main__":
    main()
