#!/usr/bin/env python3
"""gen_unicode.py - generate src/text/unicode_tables.c from Unicode's data files.

khabar classifies and normalizes text one code point at a time through a
two-stage lookup table (block index, then a per-block array of info indexes,
as utf8proc does). This generator builds that table from the Unicode
Character Database as Debian's `unicode-data` package installs it
(/usr/share/unicode), so that the table is reproducible: CI regenerates it and
checks that the committed file is byte-for-byte the same.

Usage: tools/gen_unicode.py [UCD_DIR] > src/text/unicode_tables.c

Inputs (all from UCD_DIR): UnicodeData.txt, Scripts.txt, PropList.txt,
emoji/emoji-data.txt, ReadMe.txt (for the version line).

The hand-written parts (which letters are "Persian variants", which format
characters are "invisible") are listed below with the reason for each.
"""
import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
MAXCP = 0x110000
BLOCK = 128  # code points per second-stage block

# Character classes: must match enum kh_class in src/text/unicode.h.
CLASSES = [
    "OTHER",      # unassigned, private use, surrogates, unclassified
    "SPACE",      # White_Space that is not a line break
    "NEWLINE",    # line breaks: LF VT FF CR NEL LS PS
    "IGNORE",     # invisible format characters (removable)
    "CONTROL",    # other control characters (kept as symbols)
    "AR_LETTER",  # Arabic-script letters, presentation forms included
    "AR_MARK",    # combining marks used with Arabic letters
    "TATWEEL",    # U+0640
    "MARK",       # other combining marks
    "LATIN",      # Latin-script letters
    "LETTER",     # letters of other scripts
    "DIGIT",      # ASCII digits
    "AR_DIGIT",   # Arabic-Indic and Extended Arabic-Indic digits
    "ODIGIT",     # decimal digits of other scripts
    "PUNCT",      # punctuation (P*)
    "SYMBOL",     # symbols (S*), and format characters that are visible
    "EMOJI",      # emoji (Emoji_Presentation, or pictographs from U+2300)
    "EMOJI_MOD",  # skin tone modifiers
    "REGIONAL",   # regional indicators (flags come in pairs)
]
C = {name: i for i, name in enumerate(CLASSES)}

# Normalization rules: must match enum kh_rule in src/text/unicode.h.
RULES = [
    "NONE",
    "DIACRITIC",     # removed under KHABAR_NORM_DIACRITICS
    "COMPOSE",       # U+0653..U+0655: composes with the base, else a diacritic
    "TATWEEL",       # removed under KHABAR_NORM_TATWEEL
    "ALEF",          # -> U+0627 under KHABAR_NORM_ALEF
    "ALEF_MAQSURA",  # -> U+064A
    "TEH_MARBUTA",   # -> U+0647
    "HAMZA_SEAT",    # -> U+0648 / U+064A
    "PRESENTATION",  # -> a sequence from the pool
    "PERSIAN",       # -> an Arabic letter
    "DIGIT",         # -> an ASCII digit
    "INVISIBLE",     # removed under KHABAR_NORM_INVISIBLE
    "DECIMAL_SEP",   # number signs: U+066B -> '.', U+066C -> ',' between
                     # digits, U+066A -> '%' after one
]
R = {name: i for i, name in enumerate(RULES)}

# Arabic-script blocks: combining marks in these are "Arabic diacritics".
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x089F),
                 (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                 (0x10EC0, 0x10EFF), (0x1EE00, 0x1EEFF)]

# Alef forms with a hamza, madda or wasla (and the wavy-hamza variants of
# Kashmiri and Urdu typing) -> bare alef.
ALEF_FORMS = [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]

# Letters of Persian, Urdu, Kurdish typing that look like (and in Arabic text
# stand for) an Arabic letter. Letters with a sound of their own in Arabic
# loanword spelling (پ چ ژ گ ڤ) are NOT mapped.
PERSIAN = {
    0x06A9: 0x0643,  # ک keheh -> ك
    0x06AA: 0x0643,  # ڪ swash kaf -> ك
    0x06CC: 0x064A,  # ی Farsi yeh -> ي
    0x06D2: 0x064A,  # ے yeh barree -> ي
    0x06D3: 0x0626,  # ۓ yeh barree with hamza -> ئ
    0x0678: 0x0626,  # ٸ high hamza yeh -> ئ
    0x0676: 0x0624,  # ٶ high hamza waw -> ؤ
    0x0677: 0x0624,  # ٷ u with hamza -> ؤ
    0x0675: 0x0623,  # ٵ high hamza alef -> أ
    0x06C1: 0x0647,  # ہ heh goal -> ه
    0x06C2: 0x0647,  # ۂ heh goal with hamza -> ه
    0x06BE: 0x0647,  # ھ heh doachashmee -> ه
    0x06D5: 0x0647,  # ە ae -> ه
    0x06C0: 0x0647,  # ۀ heh with yeh above -> ه
    0x06C3: 0x0629,  # ۃ teh marbuta goal -> ة
}

# Invisible characters removed by KHABAR_NORM_INVISIBLE.
INVISIBLE = ([0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
              0x2060, 0xFEFF] + list(range(0x202A, 0x202F)) +
             list(range(0x2066, 0x206A)))

# Compositions beyond Unicode's canonical ones: ه + hamza above is typed for ۀ.
EXTRA_COMPOSE = [(0x0647, 0x0654, 0x06C0)]


def ranges(path):
    """Yield (first, last, value) from a UCD property file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            cps = fields[0].split("..")
            lo = int(cps[0], 16)
            hi = int(cps[-1], 16)
            yield lo, hi, fields[1]


def load_unicode_data():
    gc = {}
    decomp = {}
    ccc = {}
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split(";") for line in f]
    i = 0
    while i < len(rows):
        r = rows[i]
        cp = int(r[0], 16)
        if r[1].endswith(", First>"):
            last = int(rows[i + 1][0], 16)
            for c in range(cp, last + 1):
                gc[c] = r[2]
            i += 2
            continue
        gc[cp] = r[2]
        ccc[cp] = int(r[3])
        if r[5]:
            decomp[cp] = r[5]
        i += 1
    return gc, decomp, ccc


def in_arabic_block(cp):
    return any(lo <= cp <= hi for lo, hi in ARABIC_BLOCKS)


def main():
    gc, decomp, ccc = load_unicode_data()
    script = {}
    for lo, hi, v in ranges(os.path.join(UCD, "Scripts.txt")):
        for c in range(lo, hi + 1):
            script[c] = v
    white = set()
    for lo, hi, v in ranges(os.path.join(UCD, "PropList.txt")):
        if v == "White_Space":
            white.update(range(lo, hi + 1))
    ext_pict, emoji_pres, emoji_mod, regional = set(), set(), set(), set()
    for lo, hi, v in ranges(os.path.join(UCD, "emoji", "emoji-data.txt")):
        s = set(range(lo, hi + 1))
        if v == "Extended_Pictographic":
            ext_pict |= s
        elif v == "Emoji_Presentation":
            emoji_pres |= s
        elif v == "Emoji_Modifier":
            emoji_mod |= s
    regional = set(range(0x1F1E6, 0x1F200))
    newline = {0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029}
    invisible = set(INVISIBLE)

    # Canonical compositions of Arabic letters (primary composites whose
    # canonical decomposition is base + mark).
    compose = []
    for cp, d in sorted(decomp.items()):
        if d.startswith("<") or not in_arabic_block(cp):
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) == 2:
            compose.append((parts[0], parts[1], cp))
    compose += EXTRA_COMPOSE
    compose.sort()

    pool = []          # presentation-form expansions, concatenated
    pool_index = {}    # tuple -> offset

    def classify(cp):
        g = gc.get(cp, "Cn")
        sc = script.get(cp, "Unknown")
        if cp in newline:
            return C["NEWLINE"]
        if cp in white:
            return C["SPACE"]
        if cp in invisible:
            return C["IGNORE"]
        if cp == 0x0640:
            return C["TATWEEL"]
        if cp in regional:
            return C["REGIONAL"]
        if cp in emoji_mod:
            return C["EMOJI_MOD"]
        if cp in emoji_pres or (cp in ext_pict and cp >= 0x2300):
            return C["EMOJI"]
        if g == "Cc":
            return C["CONTROL"]
        if g == "Nd":
            if cp <= 0x39:
                return C["DIGIT"]
            if 0x0660 <= cp <= 0x0669 or 0x06F0 <= cp <= 0x06F9:
                return C["AR_DIGIT"]
            return C["ODIGIT"]
        if 0x06D6 <= cp <= 0x06ED:
            return C["AR_MARK"]  # Quranic annotation signs, all of them
        if g[0] == "M":
            return C["AR_MARK"] if in_arabic_block(cp) else C["MARK"]
        if g[0] == "L":
            if sc == "Arabic":
                return C["AR_LETTER"]
            if sc == "Latin":
                return C["LATIN"]
            return C["LETTER"]
        if g[0] == "P":
            return C["PUNCT"]
        if g[0] == "S" or g[0] == "N" or g == "Cf":
            return C["SYMBOL"]
        return C["OTHER"]

    def rule(cp):
        """(rule, target) where target is a code point or a pool offset."""
        if cp in invisible:
            return R["INVISIBLE"], 0
        if cp == 0x0640:
            return R["TATWEEL"], 0
        if cp in (0x0653, 0x0654, 0x0655):
            return R["COMPOSE"], 0
        g = gc.get(cp, "Cn")
        if (g[0] == "M" and in_arabic_block(cp)) or 0x06D6 <= cp <= 0x06ED:
            return R["DIACRITIC"], 0
        if cp in ALEF_FORMS:
            return R["ALEF"], 0x0627
        if cp == 0x0649:
            return R["ALEF_MAQSURA"], 0x064A
        if cp == 0x0629:
            return R["TEH_MARBUTA"], 0x0647
        if cp == 0x0624:
            return R["HAMZA_SEAT"], 0x0648
        if cp == 0x0626:
            return R["HAMZA_SEAT"], 0x064A
        if cp in PERSIAN:
            return R["PERSIAN"], PERSIAN[cp]
        if 0x0660 <= cp <= 0x0669:
            return R["DIGIT"], 0x30 + cp - 0x0660
        if 0x06F0 <= cp <= 0x06F9:
            return R["DIGIT"], 0x30 + cp - 0x06F0
        if cp == 0x066B:
            return R["DECIMAL_SEP"], 0x2E
        if cp == 0x066C:
            return R["DECIMAL_SEP"], 0x2C
        if cp == 0x066A:
            return R["DECIMAL_SEP"], 0x25
        d = decomp.get(cp)
        if d and d.startswith("<") and (0xFB50 <= cp <= 0xFDFF or
                                        0xFE70 <= cp <= 0xFEFF):
            seq = tuple(int(x, 16) for x in d.split(">", 1)[1].split())
            # The spacing forms of marks decompose to SPACE + mark; the space
            # is only there to carry the mark, so drop it.
            if len(seq) > 1 and seq[0] == 0x20 and gc.get(seq[1], "")[0] == "M":
                seq = seq[1:]
            if seq not in pool_index:
                pool_index[seq] = len(pool)
                pool.extend(seq)
            return R["PRESENTATION"], (pool_index[seq] << 5) | len(seq)
        return R["NONE"], 0

    infos = []          # unique (class, rule, target)
    info_index = {}
    cp_info = [0] * MAXCP
    for cp in range(MAXCP):
        if 0xD800 <= cp <= 0xDFFF:
            key = (C["OTHER"], 0, 0)
        else:
            key = (classify(cp),) + rule(cp)
        if key not in info_index:
            info_index[key] = len(infos)
            infos.append(key)
        cp_info[cp] = info_index[key]

    blocks = []
    block_index = {}
    stage1 = []
    for b in range(0, MAXCP, BLOCK):
        blk = tuple(cp_info[b:b + BLOCK])
        if blk not in block_index:
            block_index[blk] = len(blocks)
            blocks.append(blk)
        stage1.append(block_index[blk])

    assert len(infos) < 65536 and len(blocks) < 65536
    for seq in pool_index:
        assert len(seq) < 32

    version = "?"
    with open(os.path.join(UCD, "ReadMe.txt"), encoding="utf-8") as f:
        m = re.search(r"Version (\d+\.\d+\.\d+)", f.read())
        if m:
            version = m.group(1)

    out = sys.stdout
    w = out.write
    w("/* unicode_tables.c - GENERATED by tools/gen_unicode.py; do not edit.\n")
    w(" *\n")
    w(" * From the Unicode Character Database %s (UnicodeData.txt,\n" % version)
    w(" * Scripts.txt, PropList.txt, emoji/emoji-data.txt), Unicode License v3.\n")
    w(" * %d infos, %d blocks of %d, %d pool code points, %d compositions.\n"
      % (len(infos), len(blocks), BLOCK, len(pool), len(compose)))
    w(" */\n")
    w('#include "unicode.h"\n\n')
    w("const char kh_unicode_version[] = \"%s\";\n\n" % version)
    w("const kh_cinfo kh_uc_info[%d] = {\n" % len(infos))
    for cls, rl, tgt in infos:
        w("    {%d, %d, 0x%X},\n" % (cls, rl, tgt))
    w("};\n\n")
    w("const uint16_t kh_uc_stage1[%d] = {\n" % len(stage1))
    for i in range(0, len(stage1), 12):
        w("    " + ", ".join(str(x) for x in stage1[i:i + 12]) + ",\n")
    w("};\n\n")
    w("const uint16_t kh_uc_stage2[%d] = {\n" % (len(blocks) * BLOCK))
    for blk in blocks:
        for i in range(0, BLOCK, 16):
            w("    " + ", ".join(str(x) for x in blk[i:i + 16]) + ",\n")
    w("};\n\n")
    w("const uint32_t kh_uc_pool[%d] = {\n" % max(1, len(pool)))
    for i in range(0, len(pool), 8):
        w("    " + ", ".join("0x%04X" % x for x in pool[i:i + 8]) + ",\n")
    w("};\n\n")
    w("const kh_compose_pair kh_uc_compose[%d] = {\n" % len(compose))
    for base, mark, comp in compose:
        w("    {0x%04X, 0x%04X, 0x%04X},\n" % (base, mark, comp))
    w("};\n")
    w("const size_t kh_uc_compose_count = %d;\n" % len(compose))


if __name__ == "__main__":
    main()
