"""kbm.py - write khabar model files (docs/model-format.md).

    from kbm import write_kbm
    write_kbm(path, "lexicon", [("header", b"..."), ("forms", b"...")])

The output is deterministic: the same sections give the same bytes.
"""
import struct
import zlib

MAGIC = b"KHBRMDL\0"
VERSION = 1


def _tag(s):
    b = s.encode("ascii")
    if not b or len(b) > 16 or any(c < 0x21 or c > 0x7E for c in b):
        raise ValueError("bad tag %r" % s)
    return b.ljust(16, b"\0")


def pad8(n):
    return (8 - n % 8) % 8


def build_kbm(kind, sections):
    """The bytes of a model file of this kind with (tag, bytes) sections."""
    n = len(sections)
    if not 1 <= n <= 64:
        raise ValueError("1..64 sections")
    head = MAGIC + struct.pack("<II", VERSION, n) + _tag(kind)
    pos = len(head) + 40 * n
    pos += pad8(pos)
    table = b""
    body = b""
    start = pos
    for tag, data in sections:
        table += _tag(tag) + struct.pack("<QQII", pos, len(data),
                                         zlib.crc32(data) & 0xFFFFFFFF, 0)
        body += data + b"\0" * pad8(len(data))
        pos += len(data) + pad8(len(data))
    out = head + table
    out += b"\0" * (start - len(out)) + body
    return out + struct.pack("<I", zlib.crc32(out) & 0xFFFFFFFF)


def write_kbm(path, kind, sections):
    with open(path, "wb") as f:
        f.write(build_kbm(kind, sections))

