#!/usr/bin/env python3
"""Score a system CoNLL-U file against a gold CoNLL-U file of the same text.

khabar's own implementation of the CoNLL 2018 shared task measures
(Tokens, Sentences, Words, UPOS, Lemmas), written from their definition:

  * Both files are read as a stream of characters: the FORMs of the words
    (or of the multiword tokens, when a file has `N-M` range lines) are
    concatenated with white space removed.  The two streams must be equal
    (the system segmented the gold text); the first difference is an error.
    Characters are Unicode code points, not bytes.  Nothing is
    undiacritized for this: a FORM keeps its harakat.  Invisible format
    characters (ZWNJ, LRM, ... Unicode category Cf) count as white space,
    because a tokenizer may leave them between tokens.
  * Every unit then has a span [start, end) in that stream.  A token, a
    sentence or a word is correct when the other side has one with exactly
    the same span.  Precision = correct / system, recall = correct / gold,
    F1 their harmonic mean.
  * Words inside a multiword token get their spans from their FORMs when
    these concatenate to the token (the surface style: ل + لسلطة in
    للسلطة).  Otherwise they have no span of their own (ل + السلطة in
    للسلطة): where such a multiword token overlaps, on either side,
    the words of the overlapping region are aligned by the longest common
    subsequence of their undiacritized forms (Restored= in MISC stands for
    the form of a surface-style word), as in the shared task.
  * Tokens: the `N-M` ranges and the words outside them.  A file without
    range lines that writes clitics as words joined by SpaceAfter=No (the
    UD Arabic-PUD convention) gets its tokens back by joining two words
    when there is no space between them, the first ends in an Arabic letter
    (or mark) and the second starts with one or with a digit (و + 2015):
    that is what its range lines would be.  So
    Tokens measures the tokenizer (punctuation, numbers), Words the clitic
    segmentation on top of it.
  * UPOS, Lemmas: an aligned word whose UPOS / LEMMA is equal.  UPOS is
    scored only when the system fills it.  Two lemma figures:
      Lemmas     undiacritized: harakat, tanwin, shadda, sukun, U+0670, the
                 backtick PUD writes for it, tatweel and other Arabic marks
                 removed, alef wasla ٱ written ا (after Unicode NFC);
      LemmasF    the same and then the letter variants folded: أ إ آ ٱ → ا,
                 ى → ي, ة → ه.
    Both also get AlignedAcc = correct / aligned words.

Usage:
  ud_score.py GOLD SYSTEM [--json] [--errors FILE] [--raw TEXT]
  ud_score.py --print-text GOLD     (each sentence's text, one a line)

--errors writes the word-level differences (TSV) for error analysis.
--raw checks that the system's TokenRange=start:end in MISC (byte offsets
into TEXT, the file the system read) hold exactly the word's FORM.
Python 3 standard library only.
"""

import argparse
import json
import sys
import unicodedata


class Word:
    __slots__ = ('form', 'lemma', 'upos', 'feats', 'misc', 'start', 'end',
                 'mwt', 'sent', 'space_after', 'index')

    def __init__(self, cols, sent):
        self.form = cols[1]
        self.lemma = cols[2]
        self.upos = cols[3]
        self.feats = cols[5]
        self.misc = cols[9] if len(cols) > 9 else '_'
        self.start = self.end = None
        self.mwt = None          # the Token it belongs to, if a range line
        self.sent = sent
        self.space_after = 'SpaceAfter=No' not in self.misc.split('|')
        self.index = 0

    def misc_value(self, key):
        for item in self.misc.split('|'):
            if item.startswith(key + '='):
                return item[len(key) + 1:]
        return None


class Token:
    __slots__ = ('form', 'words', 'start', 'end', 'is_mwt', 'space_after',
                 'exact')

    def __init__(self, form, is_mwt, space_after=True):
        self.form = form
        self.exact = True        # the words concatenate to the form
        self.words = []
        self.start = self.end = None
        self.is_mwt = is_mwt
        self.space_after = space_after


class Doc:
    def __init__(self):
        self.chars = []          # the stream, one code point a cell
        self.tokens = []         # Token, in order
        self.words = []          # Word, in order
        self.sentences = []      # (start, end)
        self.has_mwt = False
        self.inexact_mwt = False


def is_space(ch):
    return ch.isspace() or unicodedata.category(ch) == 'Cf'


def is_arabic_letter(ch):
    o = ord(ch)
    if not (0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or
            0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFDFF or
            0xFE70 <= o <= 0xFEFF):
        return False
    return unicodedata.category(ch)[0] in 'LM'


def strip_space(s):
    return ''.join(ch for ch in s if not is_space(ch))


def read_doc(path):
    """Parse a CoNLL-U file into a Doc with character spans."""
    doc = Doc()
    sent_tokens = []
    sent_no = 0
    mwt_end = 0
    cur_mwt = None

    def flush():
        nonlocal sent_tokens, sent_no
        if not sent_tokens:
            return
        # PUD style: rebuild tokens from clitic joints when no range lines.
        merged = []
        for tok in sent_tokens:
            if (merged and not merged[-1].is_mwt and not tok.is_mwt and
                    not merged[-1].space_after and merged[-1].form and
                    tok.form and is_arabic_letter(merged[-1].form[-1]) and
                    (is_arabic_letter(tok.form[0]) or
                     unicodedata.category(tok.form[0]) == 'Nd')):
                prev = merged[-1]
                prev.form += tok.form
                prev.words.extend(tok.words)
                prev.space_after = tok.space_after
                continue
            merged.append(tok)
        s0 = len(doc.chars)
        for tok in merged:
            tok.start = len(doc.chars)
            doc.chars.extend(strip_space(tok.form))
            tok.end = len(doc.chars)
            if tok.is_mwt and (strip_space(''.join(w.form for w in tok.words))
                               != strip_space(tok.form)):
                # the words are not substrings (ل + السلطة in للسلطة)
                tok.exact = False
                doc.inexact_mwt = True
                for w in tok.words:
                    w.start, w.end = tok.start, tok.end
            else:
                pos = tok.start
                for w in tok.words:
                    w.start = pos
                    pos += len(strip_space(w.form))
                    w.end = pos
            doc.tokens.append(tok)
        if len(doc.chars) > s0:
            doc.sentences.append((s0, len(doc.chars)))
        sent_tokens = []
        sent_no += 1

    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n').rstrip('\r')
            if not line:
                flush()
                continue
            if line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != 10:
                raise SystemExit('%s:%d: expected 10 columns, got %d'
                                 % (path, lineno, len(cols)))
            tid = cols[0]
            if '.' in tid:
                continue                      # empty node
            if '-' in tid:
                a, b = tid.split('-')
                misc = cols[9]
                cur_mwt = Token(cols[1], True,
                                'SpaceAfter=No' not in misc.split('|'))
                mwt_end = int(b)
                sent_tokens.append(cur_mwt)
                doc.has_mwt = True
                continue
            w = Word(cols, sent_no)
            w.index = len(doc.words)
            doc.words.append(w)
            if cur_mwt is not None and int(tid) <= mwt_end:
                w.mwt = cur_mwt
                cur_mwt.words.append(w)
                if int(tid) == mwt_end:
                    cur_mwt = None
                continue
            cur_mwt = None
            tok = Token(w.form, False, w.space_after)
            tok.words.append(w)
            sent_tokens.append(tok)
    flush()
    doc.chars = ''.join(doc.chars)
    return doc


# ------------------------------------------------------------------ text ---

DIACRITICS = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x0060} | \
    set(range(0x06D6, 0x06EE))
FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا',
                      'ٳ': 'ا', 'ى': 'ي', 'ة': 'ه'})


def undiacritize(s):
    s = unicodedata.normalize('NFC', s)
    s = ''.join(ch for ch in s if ord(ch) not in DIACRITICS)
    return s.replace('ٱ', 'ا')


def fold(s):
    return undiacritize(s).translate(FOLD)


# ------------------------------------------------------------- alignment ---

def lcs_pairs(a, b, key):
    """Index pairs of a longest common subsequence of a and b under key."""
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if key(a[i]) == key(b[j]):
                t[i][j] = t[i + 1][j + 1] + 1
            else:
                t[i][j] = max(t[i + 1][j], t[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if key(a[i]) == key(b[j]):
            pairs.append((i, j))
            i += 1
            j += 1
        elif t[i + 1][j] >= t[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def word_key(w):
    r = w.misc_value('Restored')
    return undiacritize(r if r else w.form)


def align_words(gold, system):
    """List of (gold word, system word) aligned pairs."""
    if not gold.inexact_mwt and not system.inexact_mwt:
        by_span = {(w.start, w.end): w for w in system.words}
        return [(g, by_span[(g.start, g.end)]) for g in gold.words
                if (g.start, g.end) in by_span]
    # Units: a multiword token or a plain word, each with its span.
    def units(doc):
        out = []
        for tok in doc.tokens:
            if not tok.exact:
                out.append((tok.start, tok.end, True, tok.words))
            else:
                for w in tok.words:
                    out.append((w.start, w.end, False, [w]))
        return out
    gu, su = units(gold), units(system)
    pairs = []
    i = j = 0
    while i < len(gu) and j < len(su):
        gs, ge, gm, gw = gu[i]
        ss, se, sm, sw = su[j]
        if ge <= ss:
            i += 1
            continue
        if se <= gs:
            j += 1
            continue
        if not gm and not sm:
            if (gs, ge) == (ss, se):
                pairs.append((gw[0], sw[0]))
            if ge <= se:
                i += 1
            if se <= ge:
                j += 1
            continue
        # An overlapping region with a multiword token: grow it until both
        # sides end at the same character.
        end = max(ge, se)
        gi, sj = i, j
        gwords, swords = [], []
        while True:
            while gi < len(gu) and gu[gi][0] < end:
                end = max(end, gu[gi][1])
                gwords.extend(gu[gi][3])
                gi += 1
            while sj < len(su) and su[sj][0] < end:
                end = max(end, su[sj][1])
                swords.extend(su[sj][3])
                sj += 1
            if ((gi >= len(gu) or gu[gi][0] >= end) and
                    (sj >= len(su) or su[sj][0] >= end)):
                break
        for a, b in lcs_pairs(gwords, swords, word_key):
            pairs.append((gwords[a], swords[b]))
        i, j = gi, sj
    return pairs


# --------------------------------------------------------------- scoring ---

def prf(correct, gold_n, sys_n, aligned=None):
    p = correct / sys_n if sys_n else 0.0
    r = correct / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    d = {'correct': correct, 'gold': gold_n, 'system': sys_n,
         'precision': 100 * p, 'recall': 100 * r, 'f1': 100 * f}
    if aligned is not None:
        d['aligned_accuracy'] = 100 * correct / aligned if aligned else 0.0
    return d


def first_difference(a, b):
    n = min(len(a), len(b))
    for k in range(n):
        if a[k] != b[k]:
            return k
    return n


def score(gold, system):
    if gold.chars != system.chars:
        k = first_difference(gold.chars, system.chars)
        raise ValueError('the texts differ at character %d: gold %r, '
                         'system %r' % (k, gold.chars[max(0, k - 10):k + 10],
                                        system.chars[max(0, k - 10):k + 10]))
    res = {}
    gt = {(t.start, t.end) for t in gold.tokens}
    st = {(t.start, t.end) for t in system.tokens}
    res['Tokens'] = prf(len(gt & st), len(gt), len(st))
    gs, ss = set(gold.sentences), set(system.sentences)
    res['Sentences'] = prf(len(gs & ss), len(gs), len(ss))
    pairs = align_words(gold, system)
    ng, ns, na = len(gold.words), len(system.words), len(pairs)
    res['Words'] = prf(na, ng, ns)
    if any(w.upos not in ('_', '') for w in system.words):
        res['UPOS'] = prf(sum(g.upos == s.upos for g, s in pairs), ng, ns, na)
    res['Lemmas'] = prf(sum(undiacritize(g.lemma) == undiacritize(s.lemma)
                            for g, s in pairs), ng, ns, na)
    res['LemmasF'] = prf(sum(fold(g.lemma) == fold(s.lemma)
                             for g, s in pairs), ng, ns, na)
    return res, pairs


def check_ranges(raw_path, system):
    """Check the system's TokenRange=start:end (bytes of the raw input)
    against its FORMs: {'words', 'bad', 'first'}."""
    with open(raw_path, 'rb') as f:
        raw = f.read()
    bad, first, n = 0, None, 0
    for w in system.words:
        r = w.misc_value('TokenRange')
        if r is None:
            continue
        n += 1
        try:
            a, b = (int(x) for x in r.split(':'))
            ok = raw[a:b].decode('utf-8') == w.form
        except (ValueError, UnicodeDecodeError):
            ok = False
        if not ok:
            bad += 1
            if first is None:
                first = '%s TokenRange=%s holds %r' % (
                    w.form, r, raw[a:b].decode('utf-8', 'replace')
                    if ':' in r else '?')
    return {'words': n, 'bad': bad, 'first': first}


def write_errors(path, gold, system, pairs):
    """TSV: kind, gold token, gold words, system words, gold lemma, system
    lemma.  `seg` rows: a gold token whose words are not all aligned;
    `lemma` rows: an aligned word with another (folded) lemma."""
    aligned = {id(g): s for g, s in pairs}
    sys_by_tok = {}
    for tok in system.tokens:
        for w in tok.words:
            sys_by_tok[id(w)] = tok
    with open(path, 'w', encoding='utf-8') as out:
        out.write('kind\ttoken\tgold\tsystem\tgold_lemma\tsystem_lemma\n')
        for tok in gold.tokens:
            if all(id(w) in aligned for w in tok.words):
                continue
            sw = [w for w in system.words
                  if w.start < tok.end and w.end > tok.start]
            out.write('seg\t%s\t%s\t%s\t%s\t%s\n' % (
                tok.form, '+'.join(w.form for w in tok.words),
                '+'.join(w.form for w in sw),
                '+'.join(w.lemma for w in tok.words),
                '+'.join(w.lemma for w in sw)))
        for g, s in pairs:
            if fold(g.lemma) != fold(s.lemma):
                tok = g.mwt
                form = tok.form if tok else g.form
                out.write('lemma\t%s\t%s\t%s\t%s\t%s\n' % (
                    form, g.form, s.form, g.lemma, s.lemma))


NAMES = [('Tokens', 'Tokens'), ('Sentences', 'Sentences'),
         ('Words', 'Words'), ('UPOS', 'UPOS'),
         ('Lemmas', 'Lemmas (undiacritized)'),
         ('LemmasF', 'Lemmas (alef/ya/ta folded)')]


def print_table(res, out=sys.stdout):
    out.write('%-28s %9s %9s %9s %11s\n' % ('Metric', 'Precision', 'Recall',
                                            'F1', 'AlignedAcc'))
    for key, label in NAMES:
        if key not in res:
            continue
        d = res[key]
        acc = ('%11.2f' % d['aligned_accuracy']
               if 'aligned_accuracy' in d else '%11s' % '')
        out.write('%-28s %9.2f %9.2f %9.2f %s\n' % (
            label, d['precision'], d['recall'], d['f1'], acc))


def print_text(path, out):
    """The raw text of each sentence, one a line: its `# text =` comment,
    else its FORMs joined by SpaceAfter."""
    text, parts = None, []

    def flush():
        nonlocal text, parts
        if text is not None or parts:
            t = text if text is not None else ''.join(parts).rstrip()
            out.write(t.replace('\n', ' ') + '\n')
        text, parts = None, []

    skip_to = 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                flush()
            elif line.startswith('# text = '):
                text = line[len('# text = '):]
            elif line.startswith('#'):
                continue
            else:
                cols = line.split('\t')
                if '.' in cols[0]:
                    continue
                if '-' in cols[0]:
                    skip_to = int(cols[0].split('-')[1])
                elif int(cols[0]) <= skip_to:
                    continue
                no = 'SpaceAfter=No' in cols[9].split('|')
                parts.append(cols[1] + ('' if no else ' '))
    flush()


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if len(argv) == 2 and argv[0] == '--print-text':
        print_text(argv[1], sys.stdout)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('gold')
    ap.add_argument('system')
    ap.add_argument('--json', action='store_true',
                    help='print the figures as JSON')
    ap.add_argument('--errors', metavar='FILE',
                    help='write word-level differences (TSV) to FILE')
    ap.add_argument('--raw', metavar='FILE',
                    help='the text the system read: check its TokenRange')
    args = ap.parse_args(argv)
    gold = read_doc(args.gold)
    system = read_doc(args.system)
    try:
        res, pairs = score(gold, system)
    except ValueError as e:
        sys.stderr.write('ud_score.py: %s\n' % e)
        return 1
    if args.errors:
        write_errors(args.errors, gold, system, pairs)
    if args.raw:
        res['TokenRange'] = check_ranges(args.raw, system)
    if args.json:
        json.dump(res, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write('\n')
    else:
        print_table(res)
        if 'TokenRange' in res:
            t = res['TokenRange']
            print('TokenRange: %d of %d words wrong%s' % (
                t['bad'], t['words'], ' (first: %s)' % t['first']
                if t['first'] else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
