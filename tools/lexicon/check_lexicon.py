#!/usr/bin/env python3
"""check_lexicon.py - check a khabar lexicon file and look words up in it.

    check_lexicon.py data/lexicon.kbm                 # check only
    check_lexicon.py data/lexicon.kbm سوريا لسوريا    # check, then look up

An independent reader of docs/model-format.md and src/morph/lexicon.h (it
shares no code with build_lexicon.py or tools/kbm.py). It checks the
container (magic, version, kind, section table, padding, section and file
CRCs), then the lexicon section: header, array alignment and padding, every
offset and length against the pool and every index against its array,
entries strictly sorted by key bytes, analyses grouped by entry in order and
sorted (count descending, then lemma bytes, then UPOS), flags, UTF-8 of all
strings, roots of 3-4 Arabic letters, and the slot table: every entry is in
exactly one slot and is found from its FNV-1a hash by linear probing.

Words to look up are normalized to search keys with `khabar tokenize`
(--khabar, default build/khabar, when it is there); with --khabar none, or
without the binary, they are looked up as given. With --check-keys, every
key is also run through khabar and must come back as itself.

Exit status: 0 when the file is valid, 1 when it is not, 2 on usage errors.
"""

import argparse
import bisect
import os
import struct
import subprocess
import sys
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

UPOS = ["_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
        "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
ROOT_ALPHABET = set("ءبتثجحخدذرزسشصضطظعغفقكلمنهوي")
ENTRY = struct.Struct("<IIIHBB")
ANALYSIS = struct.Struct("<IIIBBBB")
INLINE = 16  # key bytes a slot holds (KH_LEX_INLINE)


class Invalid(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise Invalid(msg)


def u32(b, off):
    return struct.unpack_from("<I", b, off)[0]


def u64(b, off):
    return struct.unpack_from("<Q", b, off)[0]


def read_tag(raw, what):
    need(len(raw) == 16, "%s: short tag" % what)
    s = raw.rstrip(b"\0")
    need(s and b"\0" not in s and all(0x21 <= c <= 0x7E for c in s),
         "%s: bad tag %r" % (what, raw))
    return s.decode("ascii")


def read_container(b, kind):
    """{tag: (offset, bytes)} of a valid container of that kind."""
    need(len(b) >= 32 + 40 + 4, "file is truncated (%d bytes)" % len(b))
    need(b[:8] == b"KHBRMDL\0", "bad magic")
    need(u32(b, 8) == 1, "unsupported version %d" % u32(b, 8))
    need(zlib.crc32(b[:-4]) == u32(b, len(b) - 4), "file CRC mismatch")
    n = u32(b, 12)
    need(1 <= n <= 64, "bad section count %d" % n)
    k = read_tag(b[16:32], "kind")
    need(k == kind, "kind %r, expected %r" % (k, kind))
    pos = 32 + 40 * n
    need(pos <= len(b) - 4, "section table is truncated")
    sections = {}
    for i in range(n):
        e = 32 + 40 * i
        tag = read_tag(b[e:e + 16], "section %d" % i)
        need(tag not in sections, "section %r repeated" % tag)
        off, size, crc, res = struct.unpack_from("<QQII", b, e + 16)
        need(res == 0, "section %r: reserved field not 0" % tag)
        need(off % 8 == 0, "section %r: offset %d not 8-aligned" % (tag, off))
        need(pos <= off <= len(b) - 4 and size <= len(b) - 4 - off,
             "section %r out of place (%d+%d)" % (tag, off, size))
        need(not any(b[pos:off]), "non-zero padding before section %r" % tag)
        data = b[off:off + size]
        need(zlib.crc32(data) == crc, "section %r CRC mismatch" % tag)
        sections[tag] = (off, data)
        pos = off + size
    tail = len(b) - 4 - pos
    need(tail < 8 and not any(b[pos:len(b) - 4]),
         "%d bytes after the last section" % tail)
    return sections


class Lexicon:
    def __init__(self, path):
        with open(path, "rb") as f:
            blob = f.read()
        self.size = len(blob)
        secs = read_container(blob, "lexicon")
        need("lexicon" in secs, "no section 'lexicon'")
        need(len(secs) == 1, "unexpected sections: %s"
             % ", ".join(sorted(set(secs) - {"lexicon"})))
        base, s = secs["lexicon"]
        need(len(s) >= 32, "lexicon header truncated")
        (version, self.n_entries, self.n_slots, self.n_analyses,
         self.pool_size, reserved) = struct.unpack_from("<6I", s, 0)
        self.total = u64(s, 24)
        need(version == 2, "lexicon version %d" % version)
        need(reserved == 0, "lexicon reserved field %d" % reserved)
        need(self.n_slots and not self.n_slots & (self.n_slots - 1)
             and self.n_slots > self.n_entries,
             "bad slot count %d for %d entries" % (self.n_slots,
                                                   self.n_entries))
        pos = 32

        def array(count, size, align):
            nonlocal pos
            pad = -(base + pos) % align
            need(pos + pad <= len(s) and not any(s[pos:pos + pad]),
                 "bad padding at section byte %d" % pos)
            start = pos + pad
            need(count * size <= len(s) - start,
                 "array of %d x %d bytes does not fit at %d"
                 % (count, size, start))
            pos = start + count * size
            return start

        s0 = array(self.n_slots, 32, 4)
        a0 = array(self.n_analyses, 16, 4)
        p0 = array(self.pool_size, 1, 1)
        need(pos == len(s), "%d trailing bytes in the section"
             % (len(s) - pos))
        self.pool = s[p0:p0 + self.pool_size]
        # Version 2: the slots hold the entries and their keys' first
        # INLINE bytes; self.entries lists them in key order.
        self.slot_of = {}
        self.slots = []
        placed = []
        for i in range(self.n_slots):
            rec = s[s0 + 32 * i:s0 + 32 * (i + 1)]
            ent = ENTRY.unpack_from(rec, 0)
            if ent[4] == 0:
                need(not any(rec), "slot %d: empty but not zero" % i)
                self.slots.append(None)
                continue
            key = self.pool[ent[0]:ent[0] + ent[4]]
            need(rec[16:] == key[:INLINE].ljust(INLINE, b"\0"),
                 "slot %d: inline key differs from the pool" % i)
            self.slots.append(key)
            placed.append((key, i, ent))
        placed.sort()
        need(len(placed) == self.n_entries, "%d entries in the slots, "
             "header says %d" % (len(placed), self.n_entries))
        self.entries = [ent for _, _, ent in placed]
        for j, (key, i, _) in enumerate(placed):
            self.slot_of[i] = j
        self.analyses = [ANALYSIS.unpack_from(s, a0 + 16 * i)
                         for i in range(self.n_analyses)]
        self.keys = []
        self.check()

    def string(self, off, n, what):
        need(off <= self.pool_size and n <= self.pool_size - off,
             "%s out of the pool (%d+%d)" % (what, off, n))
        raw = self.pool[off:off + n]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid("%s is not UTF-8: %r" % (what, raw))

    def check(self):
        nxt = 0
        prev = None
        for i, (key, count, first, n_an, key_len, flags) in \
                enumerate(self.entries):
            k = self.string(key, key_len, "key of entry %d" % i)
            kb = k.encode("utf-8")
            need(key_len > 0, "entry %d: empty key" % i)
            need(prev is None or prev < kb,
                 "entries not strictly sorted at %d" % i)
            prev = kb
            need(flags in (1, 2, 3), "entry %d (%s): flags %d" % (i, k, flags))
            need(bool(flags & 2) == (n_an > 0),
                 "entry %d (%s): host flag and %d analyses" % (i, k, n_an))
            need(first == nxt, "entry %d (%s): analyses start at %d, "
                 "expected %d" % (i, k, first, nxt))
            need(first <= self.n_analyses and n_an <= self.n_analyses - first,
                 "entry %d: analyses out of range" % i)
            nxt += n_an
            last = None
            for j in range(first, first + n_an):
                lemma, root, acount, llen, rlen, upos, res = self.analyses[j]
                lm = self.string(lemma, llen, "lemma of analysis %d" % j)
                rt = self.string(root, rlen, "root of analysis %d" % j)
                need(upos < len(UPOS), "analysis %d: upos %d" % (j, upos))
                need(res == 0, "analysis %d: reserved %d" % (j, res))
                need(acount > 0, "analysis %d: count 0" % j)
                need(rt == "" or (len(rt) in (3, 4) and
                                  set(rt) <= ROOT_ALPHABET),
                     "analysis %d: bad root %r" % (j, rt))
                order = (-acount, lm.encode("utf-8"), upos)
                need(last is None or last <= order,
                     "analyses of %s not sorted" % k)
                last = order
            self.keys.append(kb)
        need(nxt == self.n_analyses, "%d analyses belong to no entry"
             % (self.n_analyses - nxt))
        need(any(k is None for k in self.slots), "no empty slot")
        for i, kb in enumerate(self.keys):
            need(self.find_index(kb) == i,
                 "slot table does not find entry %d (%s)"
                 % (i, kb.decode("utf-8")))

    def find_index(self, kb):
        mask = self.n_slots - 1
        h = fnv1a(kb) & mask
        for _ in range(self.n_slots):
            k = self.slots[h]
            if k is None:
                return None
            if k == kb:
                return self.slot_of[h]
            h = (h + 1) & mask
        return None

    def lookup(self, key):
        i = self.find_index(key.encode("utf-8"))
        if i is None:
            return None
        _, count, first, n_an, _, flags = self.entries[i]
        out = []
        for lemma, root, acount, llen, rlen, upos, _ in \
                self.analyses[first:first + n_an]:
            out.append((self.pool[lemma:lemma + llen].decode("utf-8"),
                        self.pool[root:root + rlen].decode("utf-8"),
                        UPOS[upos], acount))
        return count, flags, out


def fnv1a(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def khabar_keys(khabar, words):
    """The search key of each word (None when it is not one arabic
    token), through `khabar tokenize`."""
    data = "".join(w + "\n" for w in words).encode("utf-8")
    out = subprocess.run([khabar, "tokenize", "--format", "text",
                          "--no-progress"], input=data, check=True,
                         stdout=subprocess.PIPE).stdout
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w.encode("utf-8")) + 1
    toks = [[] for _ in words]
    for line in out.split(b"\n"):
        parts = line.split(b"\t")
        if len(parts) == 5:
            toks[bisect.bisect_right(starts, int(parts[3])) - 1].append(parts)
    return [t[0][1].decode("utf-8") if len(t) == 1 and t[0][2] == b"arabic"
            else None for t in toks]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Check a khabar lexicon file "
                                 "and look words up in it.")
    ap.add_argument("file")
    ap.add_argument("words", nargs="*")
    ap.add_argument("--khabar", default=os.path.join(REPO, "build", "khabar"),
                    help="khabar binary used to normalize the words "
                         "(default build/khabar; 'none': use them as given)")
    ap.add_argument("--check-keys", action="store_true",
                    help="also check that khabar normalizes every key to "
                         "itself")
    args = ap.parse_intermixed_args(argv)
    try:
        lex = Lexicon(args.file)
    except (Invalid, OSError, struct.error) as e:
        print("%s: INVALID: %s" % (args.file, e))
        return 1
    n_tok = sum(1 for e in lex.entries if e[5] & 1)
    n_host = sum(1 for e in lex.entries if e[5] & 2)
    print("%s: OK: %d bytes, %d entries (%d tokens, %d hosts), %d slots, "
          "%d analyses, pool %d bytes, total %d tokens"
          % (args.file, lex.size, lex.n_entries, n_tok, n_host, lex.n_slots,
             lex.n_analyses, lex.pool_size, lex.total))
    khabar = args.khabar if args.khabar != "none" and \
        os.access(args.khabar, os.X_OK) else None
    if args.check_keys:
        if not khabar:
            print("--check-keys needs the khabar binary")
            return 2
        keys = [k.decode("utf-8") for k in lex.keys]
        back = khabar_keys(khabar, keys)
        # A ligature such as U+FDFA normalizes to several words: its key
        # holds spaces and cannot come back as one token. Anything else
        # must be a fixed point of the normalization.
        spaced = [k for k, b in zip(keys, back) if b != k and " " in k]
        bad = [k for k, b in zip(keys, back) if b != k and " " not in k]
        if bad:
            print("%d keys are not their own search key, e.g. %s"
                  % (len(bad), " ".join(bad[:10])))
            return 1
        print("all %d keys are their own search key%s"
              % (len(keys) - len(spaced), "" if not spaced else
                 " (%d more hold spaces: %s)"
                 % (len(spaced), " | ".join(spaced[:5]))))
    if args.words:
        if khabar:
            keys = khabar_keys(khabar, args.words)
        else:
            keys = list(args.words)
        for word, key in zip(args.words, keys):
            if key is None:
                print("%s: not a single Arabic token" % word)
                continue
            r = lex.lookup(key)
            shown = word if key == word else "%s -> %s" % (word, key)
            if r is None:
                print("%s: not found" % shown)
                continue
            count, flags, analyses = r
            fl = "+".join(n for bit, n in ((1, "token"), (2, "host"))
                          if flags & bit)
            print("%s: count %d (%.1f per million), %s"
                  % (shown, count, 1e6 * count / max(1, lex.total), fl))
            for lemma, root, upos, c in analyses:
                print("    %-14s %-5s %-6s %d" % (lemma or "-", root or "-",
                                                 upos, c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
