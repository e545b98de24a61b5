#!/usr/bin/env python3
"""relayout.py - rewrite a clusters.kbm of version 1 as version 2, keeping
its clusters.

    python3 tools/clusters/relayout.py OLD.kbm NEW.kbm

Version 2 (src/tag/clusters.h) keeps each entry, with the first 20 bytes of
its key, in its hash slot; version 1 kept slots of entry indexes, the
entries and the keys apart. The entries, their order in the pool and the
probing are those clusters.c writes, so the output is what clusters.c would
have written for the same clustering. This keeps the clusters that the
taggers (data/pos.kbm, data/ner.kbm) were trained with: a new run of
clusters.c over today's tokens gives other clusters, which the taggers
would have to be retrained on.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                ".."))
from kbm import fnv1a, write_kbm  # noqa: E402

INLINE = 20  # KH_CLUSTERS_INLINE
SLOT = 32


def section(blob, tag):
    n = struct.unpack_from("<I", blob, 12)[0]
    for i in range(n):
        at = 32 + 40 * i
        if blob[at:at + 16].rstrip(b"\0") == tag:
            off, size = struct.unpack_from("<QQ", blob, at + 16)
            return blob[off:off + size]
    raise SystemExit("no section %r" % tag)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    blob = open(sys.argv[1], "rb").read()
    s = section(blob, b"clusters")
    version, n, n_slots, n_clusters, pool_size, max_len = \
        struct.unpack_from("<6I", s, 0)
    if version != 1:
        raise SystemExit("%s: version %d, not 1" % (sys.argv[1], version))
    entries = [struct.unpack_from("<IHHBBH", s, 24 + 12 * i)
               for i in range(n)]
    pool = s[24 + 12 * n + 4 * n_slots:]
    if len(pool) != pool_size:
        raise SystemExit("%s: bad pool" % sys.argv[1])
    size = 1
    while size < n + n // 2 or size <= n:
        size *= 2
    slots = [None] * size
    for key_off, cluster, path, key_len, path_len, _ in entries:
        key = pool[key_off:key_off + key_len]
        h = fnv1a(key) & (size - 1)
        while slots[h] is not None:
            h = (h + 1) & (size - 1)
        slots[h] = struct.pack("<IHHBBH", key_off, cluster, path, key_len,
                               path_len, 0) + key[:INLINE].ljust(INLINE,
                                                                 b"\0")
    out = struct.pack("<6I", 2, n, size, n_clusters, pool_size, max_len)
    out += b"".join(x if x is not None else bytes(SLOT) for x in slots)
    out += pool
    write_kbm(sys.argv[2], "clusters", [("clusters", out)])
    print("%s: %d entries, %d slots" % (sys.argv[2], n, size))


if __name__ == "__main__":
    main()
