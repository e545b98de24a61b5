#!/usr/bin/env python3
"""build_lexicon.py - build data/lexicon.kbm, khabar's word lexicon.

The lexicon (layout in src/morph/lexicon.h) maps search keys to

  * how often the key occurs as a whole token in the news corpora
    (ANT, SaudiNewsNet, and the surface tokens of PADT), and
  * the (lemma, root, UPOS) analyses PADT gives the words (hosts) with
    that key, with their counts.

Keys are produced by khabar itself: the corpora are run through
`khabar tokenize --format text` (default search preset) and only tokens of
kind `arabic` are used, so a key is exactly what the tokenizer gives as the
normalized form of a token.

Nothing of the corpora is written anywhere but the output file, which holds
only counts, keys, lemmas and roots. Temporary files (the converted PADT and
the list of PADT forms) live in a temporary directory under /tmp that is
removed at the end.

Python 3 standard library only. Deterministic: the same inputs and the same
khabar binary give a byte-identical file.

    python3 tools/lexicon/build_lexicon.py --shared /work/shared/data \\
        --khabar build/khabar --out data/lexicon.kbm
"""

import argparse
import bisect
import glob
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "tools"))
from kbm import build_kbm  # noqa: E402
from khabar_pipe import khabar_tokens  # noqa: E402

U32_MAX = 0xFFFFFFFF
FLAG_TOKEN, FLAG_HOST = 1, 2

# enum kh_upos in src/morph/lexicon.h, in order.
UPOS_NAMES = ["_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN",
              "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB",
              "X"]
UPOS_INDEX = {name: i for i, name in enumerate(UPOS_NAMES)}
UPOS_ALIASES = {"CONJ": "CCONJ"}  # UD v1 (PADT 1.3) -> UD v2
UPOS_X = UPOS_INDEX["X"]

# PADT / ElixirFM root notation: consonants separated by "_"; ث خ ذ are
# written _t _h _d, so "_t_b_t" is ث ب ت and "d__h_l" is د خ ل.
ROOT_LETTERS = {
    "'": "ء", "b": "ب", "t": "ت", "_t": "ث", "^g": "ج", ".h": "ح", "_h": "خ",
    "d": "د", "_d": "ذ", "r": "ر", "z": "ز", "s": "س", "^s": "ش", ".s": "ص",
    ".d": "ض", ".t": "ط", ".z": "ظ", "`": "ع", ".g": "غ", "f": "ف", "q": "ق",
    "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و", "y": "ي",
}

# Marks dropped from lemmas: harakat, Quranic marks, superscript alef, tatweel.
LEMMA_MARKS_RE = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED"
                            "\u0640]")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Roots, lemmas, tags

def root_letters(value):
    """The Arabic letters of a PADT Root value, or None when it is not a
    root written as consonants joined by "_" (function words such as `min`,
    foreign words such as `'alIzAbI_t`)."""
    if "_" not in value:
        return None
    out, i, n = [], 0, len(value)
    while True:
        if value[i] in "_^." and i + 1 < n:
            sym = value[i:i + 2]
        else:
            sym = value[i]
        letter = ROOT_LETTERS.get(sym)
        if letter is None:
            return None
        out.append(letter)
        i += len(sym)
        if i == n:
            return "".join(out)
        if value[i] != "_" or i + 1 == n:
            return None
        i += 1


def clean_lemma(lemma):
    return LEMMA_MARKS_RE.sub("", lemma)


def upos_index(tag):
    tag = UPOS_ALIASES.get(tag, tag)
    return UPOS_INDEX.get(tag, UPOS_X) if tag != "_" else UPOS_X


# --------------------------------------------------------------------------
# Running khabar

def count_arabic(khabar, counter, files=None, feed=None):
    """Adds the search key of every arabic token to counter; returns the
    number of arabic tokens."""
    n = 0
    for parts in khabar_tokens(khabar, files, feed):
        if len(parts) == 5 and parts[2] == b"arabic" and parts[1]:
            counter[parts[1]] += 1
            n += 1
    return n


def normalize_forms(khabar, forms, tmpdir):
    """{form: key} for the forms that tokenize into exactly one arabic
    token; the others are left out."""
    path = os.path.join(tmpdir, "forms.txt")
    starts = []
    with open(path, "wb") as f:
        pos = 0
        for form in forms:
            b = form.encode("utf-8")
            starts.append((pos, pos + len(b), form))
            f.write(b + b"\n")
            pos += len(b) + 1
    found = defaultdict(list)
    line_starts = [s for s, _, _ in starts]
    for parts in khabar_tokens(khabar, files=[path]):
        if len(parts) != 5:
            continue
        start, end = int(parts[3]), int(parts[4])
        k = bisect.bisect_right(line_starts, start) - 1
        ls, le, form = starts[k]
        if not (ls <= start < end <= le) or \
                form.encode("utf-8")[start - ls:end - ls] != parts[0]:
            raise SystemExit("build_lexicon: khabar offsets do not match "
                             "its input (token %r)" % parts[0])
        found[k].append(parts)
    out = {}
    for k, toks in found.items():
        if len(toks) == 1 and toks[0][2] == b"arabic" and toks[0][1]:
            out[starts[k][2]] = toks[0][1]
    return out


# --------------------------------------------------------------------------
# Corpora

def ant_files(shared):
    files = sorted(glob.glob(os.path.join(shared, "news", "ant",
                                          "*.part*.txt")))
    if not files:
        raise SystemExit("build_lexicon: no ANT files under %s" % shared)
    return files


def snn_articles(shared, keep_duplicates, stats):
    """Yields (title, content) of the SaudiNewsNet articles in file order;
    an article identical to an earlier one (same title and content) is
    skipped unless keep_duplicates."""
    zips = sorted(glob.glob(os.path.join(shared, "news", "saudinewsnet",
                                         "zips", "*.zip")))
    if not zips:
        raise SystemExit("build_lexicon: no SaudiNewsNet zips under %s"
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
                    stats["snn_articles"] += 1
                    if not keep_duplicates:
                        key = (title, content)
                        if key in seen:
                            stats["snn_duplicates"] += 1
                            continue
                        seen.add(key)
                    yield title, content


def snn_feed(articles):
    for title, content in articles:
        yield (title + "\n\n" + content + "\n\n").encode("utf-8")


def convert_padt(shared, tmpdir):
    inputs = [os.path.join(shared, "padt", "padt-part-%s.conllu" % p)
              for p in ("a", "b")]
    for p in inputs:
        if not os.path.exists(p):
            raise SystemExit("build_lexicon: missing %s" % p)
    outdir = os.path.join(tmpdir, "padt")
    subprocess.run([sys.executable, os.path.join(REPO, "tools",
                                                 "padt_convert.py")] +
                   inputs + ["--outdir", outdir, "--style", "mwt"],
                   check=True, stdout=subprocess.DEVNULL)
    out = sorted(glob.glob(os.path.join(outdir, "*.surface.conllu")))
    if len(out) != 2:
        raise SystemExit("build_lexicon: padt_convert.py wrote %d files"
                         % len(out))
    return out


def read_padt(paths):
    """(texts, words): the `# text` of every sentence and, for every
    syntactic word, (restored form, lemma, upos, root value)."""
    texts, words = [], []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# text = "):
                    texts.append(line[len("# text = "):])
                    continue
                if not line or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 10 or not cols[0].isdigit():
                    continue  # range lines and empty nodes
                misc = {}
                if cols[9] != "_":
                    for item in cols[9].split("|"):
                        k, sep, v = item.partition("=")
                        if sep:
                            misc[k] = v
                form = misc.get("Restored") or cols[1]
                words.append((form, cols[2], cols[3], misc.get("Root", "")))
    return texts, words


# --------------------------------------------------------------------------
# The file

class Pool:
    def __init__(self):
        self.data = bytearray()
        self.where = {}

    def add(self, b):
        if not b:
            return 0
        off = self.where.get(b)
        if off is None:
            off = self.where[b] = len(self.data)
            self.data += b
        return off


def pad4(buf, section_start=0):
    buf += b"\0" * (-(section_start + len(buf)) % 4)


def fnv1a(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


INLINE = 16  # key bytes a slot holds (KH_LEX_INLINE)


def build_section(entries, total):
    """entries: sorted list of (key bytes, count, flags, analyses), analyses
    a list of (lemma bytes, root bytes, count, upos). Version 2: the slots
    are the entries (src/morph/lexicon.h)."""
    n = len(entries)
    n_slots = 1
    while n_slots < n + n // 2 or n_slots <= n:
        n_slots *= 2
    # The pool in the order of its use: the keys longer than a slot holds
    # (read by lookups), the lemmas and roots (read by analyses), then the
    # other keys, which only the checkers read: their pages stay out of
    # memory (a lookup compares them in the slot).
    pool = Pool()
    for key, _, _, _ in entries:
        if len(key) > INLINE:
            pool.add(key)
    for _, _, _, analyses in entries:
        for lemma, root, _, _ in analyses:
            pool.add(lemma)
            pool.add(root)
    key_offs = [pool.add(e[0]) for e in entries]
    ana_bytes = bytearray()
    n_analyses = 0
    empty = bytes(32)
    slots = [empty] * n_slots
    mask = n_slots - 1
    for (key, count, flags, analyses), koff in zip(entries, key_offs):
        rec = struct.pack("<IIIHBB", koff, min(count, U32_MAX), n_analyses,
                          len(analyses), len(key), flags)
        rec += key[:INLINE].ljust(INLINE, b"\0")
        for lemma, root, acount, upos in analyses:
            ana_bytes += struct.pack("<IIIBBBB", pool.add(lemma),
                                     pool.add(root), min(acount, U32_MAX),
                                     len(lemma), len(root), upos, 0)
        n_analyses += len(analyses)
        h = fnv1a(key) & mask
        while slots[h] is not empty:
            h = (h + 1) & mask
        slots[h] = rec
    sec = bytearray(struct.pack("<IIIIIIQ", 2, n, n_slots, n_analyses,
                                len(pool.data), 0, total))
    pad4(sec)
    sec += b"".join(slots)
    pad4(sec)
    sec += ana_bytes
    sec += pool.data
    return bytes(sec), n_analyses, len(pool.data), n_slots


def make_entries(tokens, hosts, min_count, stats):
    """tokens: Counter key -> count; hosts: key -> Counter of
    (lemma, root, upos). Returns the sorted entry list."""
    keys = {k for k, c in tokens.items() if c >= min_count}
    keys |= set(hosts)
    entries = []
    for key in sorted(keys):
        if len(key) > 255:
            stats["keys_too_long"] += 1
            continue
        count = tokens.get(key, 0)
        flags = (FLAG_TOKEN if count >= min_count else 0) | \
                (FLAG_HOST if key in hosts else 0)
        analyses = []
        for (lemma, root, upos), c in hosts.get(key, Counter()).items():
            analyses.append((lemma, root, c, upos))
        analyses.sort(key=lambda a: (-a[2], a[0], a[3], a[1]))
        entries.append((key, count, flags, analyses[:0xFFFF]))
    return entries


# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Build khabar's lexicon (data/lexicon.kbm) from the news "
                    "corpora and PADT.")
    ap.add_argument("--shared", default="/work/shared/data",
                    help="the shared data folder (default %(default)s)")
    ap.add_argument("--khabar", default=os.path.join(REPO, "build", "khabar"),
                    help="the khabar binary (default build/khabar)")
    ap.add_argument("--out", default=os.path.join(REPO, "data",
                                                  "lexicon.kbm"),
                    help="output file (default data/lexicon.kbm)")
    ap.add_argument("--min-count", type=int, default=2,
                    help="keep a token key seen at least this often "
                         "(default %(default)s)")
    ap.add_argument("--max-bytes", type=int, default=12 << 20,
                    help="raise --min-count until the file is at most this "
                         "big (default %(default)s = 12 MiB; 0: no limit)")
    ap.add_argument("--keep-duplicates", action="store_true",
                    help="count SaudiNewsNet articles that repeat an earlier "
                         "article (same title and content) again")
    ap.add_argument("--top", type=int, default=20,
                    help="keys listed in the summary (default %(default)s)")
    args = ap.parse_args(argv)

    t0 = time.time()
    khabar = os.path.abspath(args.khabar)
    if not os.access(khabar, os.X_OK):
        raise SystemExit("build_lexicon: %s is not there; run `make` first"
                         % args.khabar)
    stats = Counter()
    with tempfile.TemporaryDirectory(prefix="khabar-lexicon-") as tmpdir:
        log("converting PADT ...")
        padt_paths = convert_padt(args.shared, tmpdir)
        texts, words = read_padt(padt_paths)

        news = Counter()
        log("counting ANT ...")
        stats["ant_tokens"] = count_arabic(khabar, news,
                                           files=ant_files(args.shared))
        log("counting SaudiNewsNet ...")
        stats["snn_tokens"] = count_arabic(
            khabar, news, feed=snn_feed(snn_articles(
                args.shared, args.keep_duplicates, stats)))
        log("counting PADT surface tokens ...")
        padt_tok = Counter()
        stats["padt_tokens"] = count_arabic(
            khabar, padt_tok, feed=((t + "\n\n").encode("utf-8")
                                    for t in texts))

        log("analysing PADT words ...")
        forms = sorted({w[0] for w in words})
        keys = normalize_forms(khabar, forms, tmpdir)

    hosts = defaultdict(Counter)
    for form, lemma, upos, root in words:
        stats["padt_words"] += 1
        key = keys.get(form)
        if key is None:
            stats["padt_words_skipped"] += 1
            continue
        lemma_b = clean_lemma(lemma).encode("utf-8")
        if len(lemma_b) > 255:
            lemma_b = b""
        letters = root_letters(root) if root else None
        if root and "_" in root:
            stats["padt_root_values"] += 1
            if letters is None:
                stats["padt_root_unparsed"] += 1
        if letters is not None and len(letters) not in (3, 4):
            stats["padt_root_bad_len"] += 1
            letters = None
        root_b = letters.encode("utf-8") if letters else b""
        if root_b:
            stats["padt_words_with_root"] += 1
        hosts[key][(lemma_b, root_b, upos_index(upos))] += 1

    tokens = news + padt_tok
    total = stats["ant_tokens"] + stats["snn_tokens"] + stats["padt_tokens"]

    min_count = args.min_count
    while True:
        entries = make_entries(tokens, hosts, min_count, stats)
        section, n_analyses, pool_size, n_slots = build_section(entries,
                                                                total)
        blob = build_kbm("lexicon", [("lexicon", section)])
        if not args.max_bytes or len(blob) <= args.max_bytes:
            break
        log("%d bytes with --min-count %d is over %d: raising it"
            % (len(blob), min_count, args.max_bytes))
        min_count += 1

    out = os.path.abspath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, out)
    elapsed = time.time() - t0

    # ---------------------------------------------------------- summary
    n_tok = sum(1 for e in entries if e[2] & FLAG_TOKEN)
    n_host = sum(1 for e in entries if e[2] & FLAG_HOST)
    n_both = sum(1 for e in entries if e[2] == FLAG_TOKEN | FLAG_HOST)
    p = print
    version = subprocess.run([khabar, "--version"], stdout=subprocess.PIPE,
                             universal_newlines=True).stdout.strip()
    p("khabar lexicon: %s (keys from %s)" % (os.path.relpath(out), version))
    p("  size                %d bytes (%.2f MiB), built in %.1f s"
      % (len(blob), len(blob) / 1048576, elapsed))
    p("  min count           %d%s" % (min_count, " (raised from %d)"
                                     % args.min_count
                                     if min_count != args.min_count else ""))
    p("  entries             %d (tokens %d, hosts %d, both %d)"
      % (len(entries), n_tok, n_host, n_both))
    p("  slots               %d" % n_slots)
    p("  analyses            %d" % n_analyses)
    p("  pool                %d bytes" % pool_size)
    p("  tokens counted      %d (ANT %d, SaudiNewsNet %d, PADT %d)"
      % (total, stats["ant_tokens"], stats["snn_tokens"],
         stats["padt_tokens"]))
    p("  distinct keys       %d (seen once: %d)"
      % (len(tokens), sum(1 for c in tokens.values() if c == 1)))
    p("  SaudiNewsNet        %d articles, %d exact repeats %s"
      % (stats["snn_articles"], stats["snn_duplicates"],
         "counted" if args.keep_duplicates else "skipped"))
    if stats["keys_too_long"]:
        p("  keys over 255 bytes %d (left out)" % stats["keys_too_long"])
    p("  PADT words          %d, %d with an arabic key (%d skipped: "
      "punctuation, digits, Latin)"
      % (stats["padt_words"], stats["padt_words"] - stats["padt_words_skipped"],
         stats["padt_words_skipped"]))
    p("  PADT words w/ root  %d (Root values with _: %d, not consonantal: "
      "%d, not 3-4 letters: %d)"
      % (stats["padt_words_with_root"], stats["padt_root_values"],
         stats["padt_root_unparsed"], stats["padt_root_bad_len"]))
    host_with_root = sum(1 for h in hosts.values()
                         if any(r for (_, r, _) in h))
    p("  PADT host keys      %d, %d with a root" % (len(hosts),
                                                   host_with_root))
    hk_news = sum(1 for k in hosts if news.get(k, 0) > 0)
    hk_news_min = sum(1 for k in hosts if news.get(k, 0) >= min_count)
    host_tokens = sum(sum(h.values()) for h in hosts.values())
    ht_news = sum(sum(h.values()) for k, h in hosts.items()
                  if news.get(k, 0) > 0)
    p("  coverage of PADT host keys by the news counts (ANT + SaudiNewsNet):")
    p("    types  %d / %d = %.1f %% seen, %d = %.1f %% seen >= %d times"
      % (hk_news, len(hosts), 100.0 * hk_news / max(1, len(hosts)),
         hk_news_min, 100.0 * hk_news_min / max(1, len(hosts)), min_count))
    p("    words  %d / %d = %.1f %%" % (ht_news, host_tokens,
                                        100.0 * ht_news / max(1, host_tokens)))
    p("  top %d keys:" % args.top)
    top = sorted(tokens.items(), key=lambda kv: (-kv[1], kv[0]))[:args.top]
    for k, c in top:
        p("    %-12s %9d  %6.2f %%" % (k.decode("utf-8"), c,
                                       100.0 * c / max(1, total)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
