#!/usr/bin/env python3
"""prepare.py - NER training data for khabar in one format (tools/ner/README.md).

    python3 tools/ner/prepare.py --shared /work/shared/data --out build/ner
    python3 tools/ner/prepare.py --shared /work/shared/data --out build/ner \
        --examples 5           # also 5 examples of every FANE class

Reads ANERcorp (CAMeL split, train part) and the FANE gold corpora (NewsFANE,
WikiFANE), maps FANE's fine classes with tools/ner/fane-to-coarse.tsv and
writes, in --out (a build directory: never the repository):

  anercorp.bio      ANERcorp, PERS -> PER, file order kept
  anercorp.docs     0-based index of the sentence where each (guessed)
                    document of anercorp.bio starts, one a line
  fane-news.bio     NewsFANE without the sentences that are not in ANERcorp's
                    train part (see below)
  fane-news.align   for each sentence of fane-news.bio: its index in
                    NewsFANE, TAB, the index of the same sentence in
                    anercorp.bio (-1 when none was found)
  fane-wiki.bio     WikiFANE (part00 then part01)

Every .bio file: `token<TAB>tag` lines, an empty line after each sentence,
tags B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC O. Tokens are kept as
the corpora spell them (FANE without its U+200E marks).

NewsFANE is ANERcorp re-annotated: 3,867 of its 4,760 sentences are
sentences of ANERcorp's train part, and a block of about 900 sentences is
not, which is most likely ANERcorp's held-out test part. Those sentences are
left out of fane-news.bio (--keep-all-news keeps them: never for a model
that is evaluated on ANERcorp).

Python 3, standard library only; deterministic. Statistics go to standard
output.
"""
import argparse
import collections
import os
import re
import sys

TYPES = ("PER", "LOC", "ORG", "MISC")
HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# Reading


def read_anercorp(path):
    """Sentences of (token, tag) from `token TAG` lines."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            tok, sep, tag = line.rpartition(" ")
            if not sep or not tok:
                sys.exit("%s:%d: not `token TAG`" % (path, n))
            if tag.endswith("PERS"):
                tag = tag[:-1]
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def read_fane(paths):
    """Sentences of (token, fine tag) from FANE files: a BOM, CRLF lines,
    U+200E before tokens, a line holding only a tab after each sentence."""
    sents, cur = [], []
    stripped = 0
    for path in paths:
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\r\n")
                if line.strip() == "":
                    if cur:
                        sents.append(cur)
                        cur = []
                    continue
                tok, sep, tag = line.partition("\t")
                if not sep or "\t" in tag:
                    sys.exit("%s:%d: not `token<TAB>tag`" % (path, n))
                stripped += tok.count("\u200e")
                tok = tok.replace("\u200e", "").strip()
                if not tok:
                    sys.exit("%s:%d: empty token" % (path, n))
                cur.append((tok, tag))
        if cur:  # a file ends a sentence
            sents.append(cur)
            cur = []
    return sents, stripped


def read_mapping(path):
    m = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[1] not in TYPES + ("O",):
                sys.exit("%s:%d: expected CLASS<TAB>PER|LOC|ORG|MISC|O" % (path, n))
            m[parts[0]] = parts[1]
    return m


# --------------------------------------------------------------------------
# Tags


def repair(sent):
    """B-/I- repaired in place: an I-X that does not follow B-X or I-X
    becomes B-X. Returns the number of changes."""
    changed = 0
    prev = "O"
    for i, (tok, tag) in enumerate(sent):
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
            sent[i] = (tok, tag)
            changed += 1
        elif tag != "O" and not tag.startswith(("B-", "I-")):
            sys.exit("bad tag %r" % tag)
        prev = tag
    return changed


def map_fane(sents, mapping):
    out = []
    for s in sents:
        o = []
        for tok, tag in s:
            if tag == "O":
                o.append((tok, "O"))
                continue
            cls = tag[2:]
            if cls not in mapping:
                sys.exit("FANE class %r is not in the mapping" % cls)
            t = mapping[cls]
            o.append((tok, "O" if t == "O" else tag[:2] + t))
        out.append(o)
    return out


def spans(sent):
    """(start, end, type) of the entities of a repaired sentence."""
    out, i = [], 0
    while i < len(sent):
        tag = sent[i][1]
        if tag == "O":
            i += 1
            continue
        j = i + 1
        while j < len(sent) and sent[j][1] == "I-" + tag[2:]:
            j += 1
        out.append((i, j, tag[2:]))
        i = j
    return out


# --------------------------------------------------------------------------
# NewsFANE against ANERcorp

SHINGLE = 20


def text_key(tokens):
    """A sentence as letters and digits only, alef/ya/teh marbuta unified:
    equal for ANERcorp's and FANE's spellings and tokenizations."""
    s = "".join(tokens)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    s = s.replace("ؤ", "و").replace("ئ", "ي")
    s = re.sub("[\u064b-\u0652\u0640\u0670]", "", s)
    return re.sub(r"[^\u0621-\u064a0-9A-Za-z]", "", s)


def align_news(news, aner):
    """For each NewsFANE sentence: (kept, ANERcorp index or -1).

    A sentence is kept when at least half of its 20-character shingles occur
    in ANERcorp's train part; a sentence too short for one shingle is kept
    when it equals an ANERcorp sentence. The ANERcorp index is the sentence
    that holds most of its shingles."""
    owner = {}
    exact = {}
    for i, s in enumerate(aner):
        k = text_key(t for t, _ in s)
        exact.setdefault(k, i)
        for j in range(len(k) - SHINGLE + 1):
            owner.setdefault(k[j:j + SHINGLE], i)
    out = []
    for s in news:
        k = text_key(t for t, _ in s)
        n = len(k) - SHINGLE + 1
        if n <= 0:
            i = exact.get(k, -1)
            out.append((i >= 0, i))
            continue
        votes = collections.Counter()
        for j in range(n):
            o = owner.get(k[j:j + SHINGLE])
            if o is not None:
                votes[o] += 1
        hit = sum(votes.values())
        best = min(votes, key=lambda x: (-votes[x], x)) if votes else -1
        out.append((hit * 2 >= n, best))
    return out


# --------------------------------------------------------------------------
# Documents of ANERcorp

AR_WORD = re.compile("^[\u0621-\u064a]+$")


def _norm(t):
    return re.sub("[أإآ]", "ا", t).replace("ى", "ي").replace("ة", "ه")


def _stem(t):
    t = _norm(t)
    for p in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"):
        if t.startswith(p) and len(t) - len(p) >= 3:
            return t[len(p):]
    return t


_STOP = set(_norm(w) for w in (
    "الذي التي الذين هذا هذه ذلك تلك على علي الى إلى إلي الي من في عن مع "
    "بعد قبل بين حتى كان كانت يكون تكون وقال قال وقالت واضاف وأضاف واكد "
    "وأكد انه أنه إنه ان أن إن لم لن قد ما لا كما أو او ثم غير خلال حيث "
    "عند منذ امس أمس اليوم العام عام يوم").split())
# First words that continue a text rather than open one.
_CONT = set(_norm(w) for w in (
    "كما لكن لكنه لكنها إلا الا ان أن إن انه أنه إنه اما أما حيث بينما ثم "
    "غير مؤكدا مشيرا مضيفا موضحا نافيا معتبرا").split())
DOC_WINDOW = 4        # sentences on each side compared
DOC_COHESION = 0.5    # a lead sentence below this starts a document
DOC_MIN = 3           # sentences in a document at least


def _content_words(sent):
    out = set()
    for t, _ in sent:
        if not AR_WORD.match(t) or _norm(t) in _STOP:
            continue
        w = _stem(t)
        if len(w) >= 3:
            out.add(w)
    return out


def _is_lead(sent):
    """Could open an article: starts with an Arabic word that is not و/ف +
    word nor a connective (كما، لكن، أن، مؤكدا ...)."""
    t = sent[0][0]
    return bool(AR_WORD.match(t)) and t[0] not in "وف" and _norm(t) not in _CONT


def _is_dateline(sent):
    """CITY ( agency ) or CITY - agency: فرانكفورت (د ب أ), بغداد ( اف ب )."""
    return (len(sent) > 2 and sent[0][1] == "B-LOC" and
            (sent[1][0].startswith("(") or sent[1][0] in ("-", "–", ":")))


def split_documents(sents):
    """Sentence indices where documents start (ANERcorp has no markers).

    A sentence starts a document when it is a dateline, or when it reads as
    a lead (_is_lead) and the content words of the DOC_WINDOW sentences
    before and after it have little in common (a TextTiling-like cohesion
    score below DOC_COHESION); documents have at least DOC_MIN sentences."""
    words = [_content_words(s) for s in sents]
    starts = [0]
    for i in range(1, len(sents)):
        if i - starts[-1] < DOC_MIN or len(sents) - i < DOC_MIN:
            continue
        if _is_dateline(sents[i]):
            starts.append(i)
            continue
        if not _is_lead(sents[i]):
            continue
        a, b = collections.Counter(), collections.Counter()
        for j in range(max(0, i - DOC_WINDOW), i):
            a.update(words[j])
        for j in range(i, min(len(sents), i + DOC_WINDOW)):
            b.update(words[j])
        shared = sum((a & b).values())
        score = shared / (1 + min(sum(a.values()), sum(b.values()))) ** 0.5
        if score < DOC_COHESION:
            starts.append(i)
    return starts


def duplicate_runs(sents):
    """Runs of sentences (of more than 3 tokens) that repeat earlier ones:
    (first, last, first of the original)."""
    seen, runs = {}, []
    for i, s in enumerate(sents):
        k = " ".join(t for t, _ in s)
        if len(s) > 3 and k in seen:
            j = seen[k]
            if runs and runs[-1][1] == i - 1 and runs[-1][3] == j - 1:
                runs[-1][1], runs[-1][3] = i, j
            else:
                runs.append([i, i, j, j])
        else:
            seen.setdefault(k, i)
    return [(a, b, c) for a, b, c, _ in runs]


# --------------------------------------------------------------------------
# Output and statistics


def write_bio(path, sents):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for s in sents:
            for tok, tag in s:
                f.write("%s\t%s\n" % (tok, tag))
            f.write("\n")


PROCLITICS = set("و ف ب ل ك س".split())
SUFFIXES = set("ه ها هم هما هن ك كم كما كن نا ي ني".split())
PUNCT_ONLY = re.compile(r"^[^\w]+$")
MIXED_PUNCT = re.compile(r"\w")


def stats(name, sents):
    ntok = sum(len(s) for s in sents)
    ents = collections.Counter()
    ent_toks = collections.Counter()
    for s in sents:
        for i, j, t in spans(s):
            ents[t] += 1
            ent_toks[t] += j - i
    print("%-10s %6d sentences %7d tokens  entities: %s  (total %d)" % (
        name, len(sents), ntok,
        " ".join("%s %d" % (t, ents[t]) for t in TYPES), sum(ents.values())))
    return ents


def _clitic_form(tok, heads):
    """tok is a proclitic (و ف ب ل ك, وب ...) + a token that starts
    entities elsewhere in the corpus: ولبنان, بالعراق, للأمم."""
    for p in ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        rest = tok[len(p):]
        if tok.startswith(p) and len(rest) >= 2:
            if rest in heads or (p.endswith("ل") and rest.startswith("ل") and
                                 "ا" + rest in heads):
                return True
    return False


def conventions(name, sents):
    """Counts that show the corpus's tokenization and spelling."""
    c = collections.Counter()
    n = 0
    heads = set(s[i][0] for s in sents for i, _, _ in spans(s))
    for s in sents:
        for k, (tok, tag) in enumerate(s):
            n += 1
            if tok in PROCLITICS:
                c["proclitic alone (و ف ب ل ك س)"] += 1
            if tok in SUFFIXES:
                c["pronoun suffix alone (ه ها هم ...)"] += 1
            if PUNCT_ONLY.match(tok):
                c["punctuation-only token"] += 1
            elif re.search(r"[^\w]", tok) and MIXED_PUNCT.search(tok):
                c["letters/digits and punctuation in one token"] += 1
            if re.search("[أإآ]", tok):
                c["hamza on alef (أ إ آ)"] += 1
            if "ى" in tok:
                c["alef maqsura ى"] += 1
            if "ة" in tok:
                c["teh marbuta ة"] += 1
            if re.search("[\u064b-\u0652]", tok):
                c["diacritics"] += 1
            if re.search("[A-Za-z]", tok):
                c["Latin letters"] += 1
            if tag.startswith("B-") and _clitic_form(tok, heads):
                c["entity token = proclitic + entity (ولبنان, بالعراق)"] += 1
            for p in ("وال", "فال", "بال", "كال", "لل"):
                if tok.startswith(p) and len(tok) > len(p) + 1:
                    c["clitic glued before ال (%s...)" % p] += 1
            if tok in PROCLITICS and k + 1 < len(s):
                c["%s alone, next word %s" % (
                    tok, "with ال" if s[k + 1][0].startswith("ال") else
                    "without ال")] += 1
            if tag.startswith("B-") and tok.startswith("لل"):
                c["entity token starting with لل (للأمم)"] += 1
            if tag == "O" and k + 1 < len(s) and s[k + 1][1].startswith("B-") \
                    and tok in PROCLITICS:
                c["proclitic token (O) right before an entity"] += 1
    print("  %s, per 1000 tokens:" % name)
    for k in sorted(c):
        print("    %-52s %7d  %6.1f" % (k, c[k], 1000.0 * c[k] / n))


def examples(sents_by_corpus, mapping, per_class):
    """per_class examples of each FANE fine class, spread over the corpora,
    with context, and its 10 most frequent forms."""
    ex = collections.defaultdict(list)
    forms = collections.defaultdict(collections.Counter)
    for cname, sents in sents_by_corpus:
        for s in sents:
            for i, j, cls in spans(s):
                text = " ".join(t for t, _ in s[i:j])
                forms[cls][text] += 1
                ex[cls].append((cname, " ".join(t for t, _ in s[max(0, i - 4):i]),
                                text, " ".join(t for t, _ in s[j:j + 3])))
    for cls in sorted(ex):
        lst = ex[cls]
        step = max(1, len(lst) // per_class)
        print("== %s -> %s  (%d mentions, %d forms)" % (
            cls, mapping.get(cls, "?"), len(lst), len(forms[cls])))
        for cname, left, text, right in lst[::step][:per_class]:
            print("   %-4s %s [[ %s ]] %s" % (cname, left, text, right))
        print("   top: " + " | ".join("%s %d" % kv for kv in forms[cls].most_common(10)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="/work/shared/data")
    ap.add_argument("--out", required=True, help="output directory (in build/)")
    ap.add_argument("--mapping", default=os.path.join(HERE, "fane-to-coarse.tsv"))
    ap.add_argument("--examples", type=int, default=0, metavar="N",
                    help="print N examples of every FANE class")
    ap.add_argument("--keep-all-news", action="store_true",
                    help="keep NewsFANE sentences not found in ANERcorp's train part")
    a = ap.parse_args()

    out = os.path.abspath(a.out)
    repo = os.path.dirname(os.path.dirname(HERE))
    rel = os.path.relpath(out, repo)
    if not rel.startswith("..") and rel.split(os.sep)[0] != "build":
        sys.exit("--out must be outside the repository or under build/")
    os.makedirs(out, exist_ok=True)

    mapping = read_mapping(a.mapping)
    aner = read_anercorp(os.path.join(a.shared, "anercorp", "train.txt"))
    fdir = os.path.join(a.shared, "ner", "fane")
    news_f, lrm_news = read_fane([os.path.join(fdir, "NewsFANE_Gold_2014_170K.txt")])
    wiki_f, lrm_wiki = read_fane([os.path.join(fdir, "WikiFANE_Gold_2014_500K.part%02d.txt" % i)
                                  for i in (0, 1)])

    fixes = {"anercorp": sum(repair(s) for s in aner),
             "fane-news": sum(repair(s) for s in news_f),
             "fane-wiki": sum(repair(s) for s in wiki_f)}
    classes = set()
    for s in news_f + wiki_f:
        classes.update(tag[2:] for _, tag in s if tag != "O")
    missing = sorted(classes - set(mapping))
    if missing:
        sys.exit("classes missing from %s: %s" % (a.mapping, " ".join(missing)))
    unused = sorted(set(mapping) - classes)

    if a.examples:
        examples([("news", news_f), ("wiki", wiki_f)], mapping, a.examples)
        print()

    news = map_fane(news_f, mapping)
    wiki = map_fane(wiki_f, mapping)
    # Mapping two fine classes to one type can join B-X I-Y; FANE's own B/I
    # marks are kept, so it cannot: spans stay as FANE drew them.
    for s in news + wiki:
        repair(s)

    align = align_news(news, aner)
    if a.keep_all_news:
        kept = list(range(len(news)))
    else:
        kept = [i for i, (k, _) in enumerate(align) if k]
    dropped = [i for i in range(len(news)) if i not in set(kept)]

    docs = split_documents(aner)
    dups = duplicate_runs(aner)

    write_bio(os.path.join(out, "anercorp.bio"), aner)
    write_bio(os.path.join(out, "fane-news.bio"), [news[i] for i in kept])
    write_bio(os.path.join(out, "fane-wiki.bio"), wiki)
    with open(os.path.join(out, "anercorp.docs"), "w", newline="\n") as f:
        f.write("".join("%d\n" % d for d in docs))
    with open(os.path.join(out, "fane-news.align"), "w", newline="\n") as f:
        f.write("".join("%d\t%d\n" % (i, align[i][1]) for i in kept))

    print("khabar NER data -> %s" % out)
    print("mapping: %s (%d classes; %s)" % (a.mapping, len(mapping), ", ".join(
        "%s %d" % (t, sum(1 for v in mapping.values() if v == t))
        for t in TYPES + ("O",))))
    if unused:
        print("  classes of the mapping not seen in the data: " + " ".join(unused))
    print("U+200E marks stripped: NewsFANE %d, WikiFANE %d" % (lrm_news, lrm_wiki))
    print("B/I repairs (I-X not after B-X/I-X -> B-X): " +
          ", ".join("%s %d" % kv for kv in fixes.items()))
    print()
    print("written:")
    stats("anercorp", aner)
    stats("fane-news", [news[i] for i in kept])
    stats("fane-wiki", wiki)
    print()
    print("NewsFANE: %d sentences, %d tokens; %d sentences (%d tokens) found in "
          "ANERcorp train, %d (%d tokens) not: %s" % (
              len(news), sum(len(s) for s in news),
              sum(1 for k, _ in align if k), sum(len(news[i]) for i, (k, _) in enumerate(align) if k),
              sum(1 for k, _ in align if not k), sum(len(news[i]) for i, (k, _) in enumerate(align) if not k),
              "kept (--keep-all-news)" if a.keep_all_news else "left out"))
    runs = []
    for i in dropped:
        if runs and runs[-1][1] >= i - 3:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    big = [r for r in runs if r[1] - r[0] >= 5]
    print("  not found: %d runs; runs of 6+ sentences: %s" % (
        len(runs), " ".join("%d-%d" % tuple(r) for r in big)))
    stats("  all news", news)
    print()
    lens = sorted(b - a for a, b in zip(docs, docs[1:] + [len(aner)]))
    print("ANERcorp documents (guessed): %d; sentences per document: min %d, "
          "median %d, max %d; datelines %d" % (
              len(docs), lens[0], lens[len(lens) // 2], lens[-1],
              sum(1 for d in docs if _is_dateline(aner[d]))))
    def doc_of(i):
        return sum(1 for d in docs if d <= i) - 1
    for first, last, orig in dups:
        same = doc_of(first) == doc_of(orig) and doc_of(last) == doc_of(orig)
        print("  sentences %d-%d repeat sentences %d-%d (%s)" % (
            first, last, orig, orig + last - first,
            "same document" if same else "documents %d and %d" % (
                doc_of(orig), doc_of(first))))
    print()
    print("conventions:")
    conventions("anercorp", aner)
    conventions("fane-news", [news[i] for i in kept])
    conventions("fane-wiki", wiki)


if __name__ == "__main__":
    main()
