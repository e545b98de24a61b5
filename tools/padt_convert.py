#!/usr/bin/env python3
"""Convert PADT (UD v1.3, vocalized, clitics as separate words) to the
surface-segmentation convention of UD Arabic-PUD.

PADT v1.3 has no multiword-token lines and no `# text`: every clitic is a
word of its own and the vocalized FORM is a morphological form (ل + الحظر,
زوجة + ه).  This tool

  * rebuilds the orthographic tokens (proclitics attach to the next word,
    genitive/accusative pronoun suffixes to the previous one, من/عن merge
    with a following ما/من, and PADT's unanalysed tokens -- one X word
    repeated once per clitic -- are split back heuristically),
  * undiacritizes and undoes the spelling changes so that every word FORM
    is a substring of its token (ل+الحظر -> ل + لحظر, زوجة+ه -> زوجت + ه,
    ألقى+ها -> ألقا + ها, انتهاء+ها -> انتهائ + ها, من+ما -> م + ما, ...),
    keeping the restored form in MISC (Restored=...) and the PADT vocalized
    form in MISC (Vform=...),
  * writes CoNLL-U with `N-M` multiword-token lines (default) or in the exact
    PUD style (no range lines, SpaceAfter=No between clitic and host),
    with a rebuilt `# text =` line,
  * checks its own invariants (--check), prints segmentation statistics
    (--stats) and compares the conventions with a PUD file (--compare-pud),
  * with --ud2, rewrites the UPOS (and a few FEATS) to UD v2 as UD
    Arabic-PUD uses them (CONJ -> CCONJ/SCONJ/ADP/PART, كان -> AUX, names
    -> PROPN, ...; docs/padt-conversion.md, "UD v2 tags"), guesses tags for
    PADT's unanalysed words (TagGuess=Yes) and, with --report, measures the
    convention gap with a most-frequent-tag baseline on PUD.

Python 3 standard library only; output is deterministic.  Without --ud2
the output does not depend on the name lists.

Usage:
  padt_convert.py PADT.conllu... --outdir DIR [--style mwt|pud|both]
                  [--split-fused] [--ud2 [--names-data DIR]]
                  [--check] [--stats] [--compare-pud PUD.conllu]
                  [--report [--pud PUD.conllu]]
  padt_convert.py --check-file OUT.conllu...   (check already written files)
"""

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

# --------------------------------------------------------------------------
# Characters

FATHATAN, DAMMATAN, KASRATAN = '\u064B', '\u064C', '\u064D'
FATHA, DAMMA, KASRA, SHADDA, SUKUN = '\u064E', '\u064F', '\u0650', '\u0651', '\u0652'
SUPERSCRIPT_ALEF, TATWEEL = '\u0670', '\u0640'
DIACRITICS_RE = re.compile('[\u064B-\u0652\u0670\u0640]')
MARKS = set(chr(c) for c in range(0x064B, 0x0653)) | {SUPERSCRIPT_ALEF}

ALEF, TEH, TEH_MARBUTA, ALEF_MAKSURA, YEH, WAW = 'ا', 'ت', 'ة', 'ى', 'ي', 'و'
HAMZA_LETTERS = 'ءأؤئ'

PROCLITIC_FORMS = {'و', 'ف', 'ب', 'ل', 'ك', 'س', 'أ'}
PROCLITIC_UPOS = {'ADP', 'CONJ', 'CCONJ', 'SCONJ', 'PART'}
ENCLITIC_FORMS = {'ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ني', 'ي', 'ك', 'كم',
                  'كما', 'كن'}
# segments that may be split off when re-segmenting unanalysed X tokens
X_PROCLITIC_CONJ = ('و', 'ف')
X_PROCLITIC_PREP = ('ب', 'ل', 'ك')
X_ENCLITICS = sorted(ENCLITIC_FORMS, key=lambda s: (-len(s), s))
X_MA_HOSTS = {'في', 'ب', 'ل', 'ك', 'م', 'ع', 'عل', 'إل'}
# prepositions and particles that commonly carry a pronoun suffix (as
# written in raw, unanalysed tokens: hamza often missing)
X_SUFFIX_HOSTS = {'بين', 'عند', 'مع', 'علي', 'الي', 'إلي', 'لدي', 'من', 'م',
                  'عن', 'ع', 'في', 'منذ', 'أمام', 'امام', 'حول', 'ضد', 'دون',
                  'أن', 'ان', 'إن', 'لكن', 'لأن', 'لان', 'كأن', 'ليت', 'لعل',
                  'ايا', 'إيا', 'عبر', 'تحت', 'فوق', 'نحو', 'لدى', 'ل', 'ب', 'ك'}
# fused spellings of two words that PADT splits (raw token -> segments)
X_FUSED = {'لابد': ['لا', 'بد']}
PUNCT_NO_SPACE_BEFORE = set('.,،;؛:!?؟)]}%…')
PUNCT_NO_SPACE_AFTER = set('([{')


def undiacritize(s):
    """Strip U+064B-U+0652, U+0670 and tatweel; a form made only of tatweel
    (PADT uses ـ as a dash) is kept as it is."""
    u = DIACRITICS_RE.sub('', s)
    return u if u else s


def is_wordchar(ch):
    return unicodedata.category(ch)[0] in 'LMN'


def is_punct_form(s):
    return bool(s) and all(unicodedata.category(ch)[0] in 'PS' for ch in s)


def letters_with_marks(vform):
    """[(letter, marks)] of a vocalized form (tatweel ignored)."""
    out = []
    for ch in vform:
        if ch == TATWEEL:
            continue
        if ch in MARKS and out:
            out[-1] = (out[-1][0], out[-1][1] + ch)
        elif ch in MARKS:
            continue
        else:
            out.append((ch, ''))
    return out


def vowel_of(marks):
    if KASRA in marks or KASRATAN in marks:
        return 'i'
    if DAMMA in marks or DAMMATAN in marks:
        return 'u'
    if FATHA in marks or FATHATAN in marks:
        return 'a'
    return ''


VOWEL_RANK = {'i': 3, 'u': 2, 'a': 1, '': 0}


def hamza_seat(vform):
    """Seat of a word-final hamza when a suffix follows (it becomes medial).

    Returns the new letter or None when it cannot be decided (no vowel)."""
    lm = letters_with_marks(vform)
    if not lm or lm[-1][0] not in HAMZA_LETTERS:
        return None
    v = vowel_of(lm[-1][1])
    if not v:
        return None
    prev_letter, prev_marks = lm[-2] if len(lm) > 1 else ('', '')
    pv = vowel_of(prev_marks)
    if prev_letter == ALEF:                        # after long a: ـائـ ـاؤـ ـاء
        return {'i': 'ئ', 'u': 'ؤ', 'a': 'ء'}[v]
    if prev_letter in (YEH, ALEF_MAKSURA) and not pv:   # after ī / ay
        return 'ئ'
    if prev_letter == WAW and not pv:              # after ū / aw
        return 'ئ' if v == 'i' else 'ء'
    best = v if VOWEL_RANK[v] >= VOWEL_RANK[pv] else pv
    return {'i': 'ئ', 'u': 'ؤ', 'a': 'أ'}[best]


# --------------------------------------------------------------------------
# Reading CoNLL-U

class Word:
    __slots__ = ('id', 'form', 'lemma', 'upos', 'xpos', 'feats', 'head',
                 'deprel', 'deps', 'misc', 'u', 'seg', 'restored', 'guess',
                 'xrun', 'space_after', 'rule', 'fused', 'upos1', 'feats1',
                 'ud2', 'tagguess')

    def __init__(self, cols):
        (self.id, self.form, self.lemma, self.upos, self.xpos, self.feats,
         self.head, self.deprel, self.deps, misc) = cols
        self.misc = parse_misc(misc)
        self.u = undiacritize(self.form)
        self.seg = self.u
        self.restored = None
        self.guess = False
        self.xrun = None
        self.space_after = True
        self.rule = None
        self.fused = any(m.startswith('Fused=') for m in self.misc)
        self.upos1 = self.feats1 = self.ud2 = None   # --ud2 only
        self.tagguess = False


def parse_misc(misc):
    """MISC items; repairs values that contain '|' (PADT Translit=|bA}nA)."""
    if misc in ('_', ''):
        return []
    items = []
    for part in misc.split('|'):
        if '=' in part or not items:
            items.append(part)
        else:
            items[-1] += '%7C' + part
    return [it.replace('=|', '=%7C') for it in items]


def read_conllu(path):
    """Yield (comments, word_rows, mwt_rows) per sentence."""
    comments, words, mwts = [], [], []
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip():
                if words:
                    yield comments, words, mwts
                comments, words, mwts = [], [], []
                continue
            if line.startswith('#'):
                comments.append(line)
                continue
            cols = line.split('\t')
            if len(cols) != 10:
                raise SystemExit('%s:%d: expected 10 columns' % (path, lineno))
            if '-' in cols[0]:
                mwts.append(cols)
            elif '.' in cols[0]:
                continue
            else:
                words.append(cols)
    if words:
        yield comments, words, mwts


def comment_value(comments, key):
    for c in comments:
        m = re.match(r'#\s*' + re.escape(key) + r'\s*=?\s*(.*)$', c)
        if m:
            return m.group(1).strip()
    return None


# --------------------------------------------------------------------------
# Token reconstruction

def is_proclitic(w):
    if w.upos == 'X':
        return False
    if w.u in PROCLITIC_FORMS and w.upos in PROCLITIC_UPOS:
        return True
    return w.u == 'ال' and w.upos == 'PART'       # اَل + number (ال٣٢)


def is_enclitic(w):
    return (w.upos == 'PRON' and w.xpos.startswith('SP') and len(w.xpos) > 8
            and w.xpos[8] in '24' and w.u in ENCLITIC_FORMS)


def merges_with_next(w, n):
    """من/عن + ما/من are written مما ممن عما عمن."""
    return (w.upos == 'ADP' and w.u in ('من', 'عن') and n.u in ('ما', 'من')
            and (n.upos in ('PRON', 'DET') or n.fused))


def has_article(w):
    if w.form.startswith('اَل'):
        return True
    return w.upos == 'X' and w.u.startswith('ال') and len(w.u) > 3


def mark_xruns(words):
    """PADT repeats an unanalysed token (UPOS X, XPOS U---------) once per
    word it contains: وتكريس وتكريس = و + تكريس."""
    i = 0
    while i < len(words):
        j = i
        if (words[i].upos == 'X' and words[i].xpos.startswith('U')
                and not is_punct_form(words[i].u)):
            while (j + 1 < len(words) and words[j + 1].upos == 'X'
                   and words[j + 1].xpos.startswith('U')
                   and words[j + 1].form == words[i].form):
                j += 1
        if j > i:
            run = list(range(i, j + 1))
            for k in run:
                words[k].xrun = run
        i = j + 1


def build_tokens(words):
    """List of tokens, each a list of word indices."""
    mark_xruns(words)
    for w in words:
        if w.xrun is not None and w.xrun[0] is not None:
            run = [words[i] for i in w.xrun]
            if split_xrun(w.u, [r.deprel for r in run]) is None:
                # not a clitic split: genuinely repeated words (سي إن إن)
                for r in run:
                    r.xrun = None
    n = len(words)
    join = [False] * max(n - 1, 0)
    for i in range(n - 1):
        a, b = words[i], words[i + 1]
        if a.xrun is not None and a.xrun is b.xrun:
            join[i] = True
        elif is_proclitic(a) and not is_punct_form(b.u):
            join[i] = True
        elif is_enclitic(b) and not is_punct_form(a.u):
            join[i] = True
        elif merges_with_next(a, b):
            join[i] = True
    tokens, cur = [], []
    for i in range(n):
        cur.append(i)
        if i == n - 1 or not join[i]:
            tokens.append(cur)
            cur = []
    return tokens


def split_xrun(form, deprels):
    """Split an unanalysed token into len(deprels) surface segments.

    Candidates: [و|ف]? [ب|ل|ك|س]? HOST [enclitic|ما]?; scored with the
    dependency relations PADT gives the repeated words."""
    n = len(deprels)
    cands = []
    for fused, parts in X_FUSED.items():
        for pre in ('', 'و', 'ف'):
            if form == pre + fused and n == len(parts) + len(pre):
                return ([pre] if pre else []) + list(parts)
    pre_options = [()]
    for c in X_PROCLITIC_CONJ:
        pre_options.append((c,))
        for p in X_PROCLITIC_PREP + ('س',):
            pre_options.append((c, p))
    for p in X_PROCLITIC_PREP + ('س',):
        pre_options.append((p,))
    for pre in pre_options:
        ptxt = ''.join(pre)
        if not form.startswith(ptxt) or len(form) <= len(ptxt):
            continue
        rest = form[len(ptxt):]
        enc_options = [()] + [(e,) for e in X_ENCLITICS + ['ما']]
        for enc in enc_options:
            etxt = ''.join(enc)
            if etxt and not (rest.endswith(etxt) and len(rest) > len(etxt)):
                continue
            host = rest[:len(rest) - len(etxt)] if etxt else rest
            segs = list(pre) + [host] + list(enc)
            if len(segs) != n:
                continue
            if pre and pre[-1] == 'س' and host[0] not in 'يتنأ':
                continue
            # ما after a short preposition (فيما) is usual, after other
            # hosts (طالما) possible but less likely
            score = 0 if enc != ('ما',) or host in X_MA_HOSTS else -1
            for k, p in enumerate(pre):
                d = deprels[k]
                if p in X_PROCLITIC_CONJ:
                    score += 2 if d == 'cc' else -1
                elif p == 'س':
                    score += 2 if d == 'aux' else -1
                else:
                    score += 2 if d in ('case', 'mark') else -1
            if enc:
                d = deprels[-1]
                score += 1 if d in ('nmod', 'dobj', 'nsubj', 'iobj', 'obj',
                                    'obl', 'advmod', 'nsubjpass') else 0
                if enc[0] in ('ي', 'ك'):
                    score -= 1              # often part of the stem (nisba)
                if host in X_SUFFIX_HOSTS:
                    score += 3              # بينهما, لدينا, فيما
            if len(host) < 2:
                score -= 2
            cands.append((-score, len(pre), segs))
    if not cands:
        return None
    cands.sort()
    return cands[0][2]


def surface_token(words, idxs, problems):
    """Fill .seg/.restored/.rule for the words of one token."""
    ws = [words[i] for i in idxs]
    # unanalysed X runs first
    k = 0
    while k < len(ws):
        w = ws[k]
        if w.xrun is not None and w.xrun[0] == idxs[k]:
            run = [words[i] for i in w.xrun]
            segs = split_xrun(w.u, [r.deprel for r in run])
            if segs is None:
                problems.append('unsplittable X token %s x%d' % (w.u, len(run)))
                segs = [w.u] + [''] * (len(run) - 1)
            for r, s in zip(run, segs):
                r.seg = s
                r.guess = True
            for a, b in zip(run, run[1:]):
                if a.seg in ('م', 'ع') and b.seg in ('ما', 'من', 'نا', 'ني'):
                    a.restored = {'م': 'من', 'ع': 'عن'}[a.seg]
                    a.rule = 'min/an+ma'
            k += len(run)
        else:
            k += 1
    for k, w in enumerate(ws):
        if w.xrun is not None:
            continue
        prev = ws[k - 1] if k > 0 else None
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        s = w.u
        rules = []
        # ل + ال -> لل
        if (prev is not None and prev.xrun is None and prev.u == 'ل'
                and is_proclitic(prev) and has_article(w) and s.startswith('ا')):
            s = s[1:]
            rules.append('l+al')
        # من/عن + ما/من -> مما ممن عما عمن
        if nxt is not None and merges_with_next(w, nxt):
            s = s[0]
            rules.append('min/an+ma')
        # من/عن + نا/ني -> منا مني عنا عني
        if (nxt is not None and is_enclitic(nxt) and nxt.u in ('نا', 'ني')
                and w.upos == 'ADP' and w.u in ('من', 'عن')):
            s = s[0]
            rules.append('min/an+ma')
        # host before an enclitic pronoun
        elif nxt is not None and is_enclitic(nxt) and s:
            last = s[-1]
            if last == TEH_MARBUTA:
                s = s[:-1] + TEH
                rules.append('ta-marbuta')
            elif last == ALEF_MAKSURA:
                s = s[:-1] + ALEF
                rules.append('alef-maksura')
            elif last in HAMZA_LETTERS:
                seat = hamza_seat(w.form)
                if seat and seat != last:
                    s = s[:-1] + seat
                    rules.append('hamza')
            elif (s.endswith('وا') and w.upos in ('VERB', 'AUX')
                  and undiacritize(w.form).endswith('وا')
                  and w.form.rstrip(''.join(MARKS)).endswith(DAMMA + 'وا')):
                s = s[:-1]
                rules.append('verb-wa')
        # 1sg ي after a host ending in ي: محامي + ي -> محامي (محام + ي)
        if (prev is not None and is_enclitic(w) and w.u == 'ي'
                and prev.seg.endswith('ي')):
            if prev.restored is None:
                prev.restored = prev.u
            prev.seg = prev.seg[:-1]
            prev.rule = (prev.rule + ',' if prev.rule else '') + 'yeh-merge'
        w.seg = s
        if s != w.u:
            w.restored = w.u
            w.rule = ','.join(rules)
    for w in ws:
        if not w.seg:
            problems.append('empty segment for %s' % w.u)
    return ''.join(w.seg for w in ws)


def compute_spacing(tok_surfaces, dangling=None):
    """SpaceAfter for each token (True = a space follows).

    Punctuation sticks to the previous token (. ، : ) ...) or to the next
    one (( ...); straight quotes alternate opening/closing; PADT (Al-Hayat)
    writes guillemets in either direction, so the first guillemet of a
    sentence is taken as the opening one.  A proclitic that could not join
    the next word (و "...", ل «...») sticks to it without a space."""
    n = len(tok_surfaces)
    stick_next = [False] * n
    stick_prev = [False] * n
    opener = None
    for s in tok_surfaces:
        if s in ('\u00AB', '\u00BB'):
            opener = s
            break
    quote_open = False
    for i, s in enumerate(tok_surfaces):
        if dangling and dangling[i]:
            stick_next[i] = True
        if s == '"':
            quote_open = not quote_open
            if quote_open:
                stick_next[i] = True
            else:
                stick_prev[i] = True
        elif s in ('\u00AB', '\u00BB'):
            if s == opener:
                stick_next[i] = True
            else:
                stick_prev[i] = True
        elif s in PUNCT_NO_SPACE_BEFORE:
            stick_prev[i] = True
        elif s in PUNCT_NO_SPACE_AFTER:
            stick_next[i] = True
        elif (s in ('-', '/') and 0 < i < n - 1
              and tok_surfaces[i - 1][-1].isdigit() and tok_surfaces[i + 1][0].isdigit()):
            stick_prev[i] = stick_next[i] = True     # ١٥-٧ , ٢٠٠٠/٧/١٥
    space = [True] * n
    for i in range(n):
        if i == n - 1:
            break                          # nothing follows: no SpaceAfter=No
        if stick_next[i] or stick_prev[i + 1]:
            space[i] = False
    return space


class Sentence:
    def __init__(self, sent_id, comments, words):
        self.sent_id = sent_id
        self.comments = comments
        self.words = words
        self.tokens = []
        self.tok_surface = []
        self.tok_space = []
        self.text = ''
        self.problems = []


# Pairs of PADT words that PUD writes as one word (--split-fused): PUD's
# فحسب is one ADV. (first, second) undiacritized -> (form, lemma, the row
# whose tags the word keeps: 0 or 1). The joined word takes the head and
# relation of the second, and dependents of either. (PUD writes مما both as
# one word and as م + ما; PADT's مِمَّا stays split: made one word, with
# PUD's lemma مِن, it measured Words F1 +0.11 but lemma F1 -0.67 on PUD dev:
# the lemmatizer's training moves with small changes of its data.)
JOIN_PAIRS = {
    ('ف', 'حسب'): ('فَحَسب', 'فَحَسب', 1),
}


JOINED_X = {k[0] + k[1]: k for k in JOIN_PAIRS}


def join_pair_key(a, b):
    """The JOIN_PAIRS key of rows a, b, or None.  PADT leaves some of these
    tokens unanalysed: two X rows that both carry the whole token (فحسب,
    فحسب), joined just the same."""
    ua, ub = undiacritize(a[1]), undiacritize(b[1])
    if a[3] != 'X' and b[3] != 'X':
        return (ua, ub) if (ua, ub) in JOIN_PAIRS else None
    if a[3] == 'X' and b[3] == 'X' and ua == ub:
        return JOINED_X.get(ua)
    return None


def join_pair_rows(rows):
    """Join the word pairs of JOIN_PAIRS (فَ + حَسب -> فَحَسب), renumbering
    IDs and heads.  Returns (rows, number of joins)."""
    drop = set()
    for i, (a, b) in enumerate(zip(rows, rows[1:])):
        if (join_pair_key(a, b) and a[0] not in drop and
                not (a[3] == 'X' and i + 2 < len(rows) and rows[i + 2][1] == b[1])):
            drop.add(b[0])
    if not drop:
        return rows, 0
    newid = {}
    k = 0
    for i, r in enumerate(rows):
        if r[0] in drop:            # the joined word's id
            newid[r[0]] = newid[rows[i - 1][0]]
        else:
            k += 1
            newid[r[0]] = str(k)
    out = []
    for i, r in enumerate(rows):
        if r[0] in drop:
            continue
        if i + 1 < len(rows) and rows[i + 1][0] in drop:
            b = rows[i + 1]
            form, lemma, tags = JOIN_PAIRS[join_pair_key(r, b)]
            src = (r, b)[tags]
            if src[3] == 'X':       # an unanalysed pair: the analysed one's tags
                src = [None, None, None, 'ADV', 'D---------', '_']
            head = b[6]
            if head == r[0]:        # the second word headed by the first
                head = r[6]
            head = newid.get(head, head) if head not in ('0', '_') else head
            misc = '|'.join(m for m in (r[9], b[9]) if m != '_') or '_'
            out.append([newid[r[0]], form, lemma, src[3], src[4], src[5], head,
                        b[7], '_', misc])
        else:
            head = newid.get(r[6], r[6]) if r[6] not in ('0', '_') else r[6]
            out.append([newid[r[0]]] + r[1:6] + [head] + r[7:])
    return out, len(drop)


# PADT single words whose orthographic fusion PUD splits (--split-fused):
# undiacritized form -> (first part, second part); the first part becomes a
# new ADP word attached to the second by `case`, the second keeps the tags,
# head and relation of the fused word.
FUSED_SPLIT = {
    'لأن': (('لِ', 'لِ'), ('أَنَّ', 'أَنَّ')),
    'مما': (('مِن', 'مِن'), ('مَا', 'مَا')),
}


def split_fused_rows(rows):
    """Split fused PADT words (لِأَنَّ -> لِ + أَنَّ, مِمَّا -> مِن + مَا),
    renumbering IDs and heads.  Returns (rows, number of splits)."""
    plan = []
    for r in rows:
        u = undiacritize(r[1])
        if u in FUSED_SPLIT and r[3] != 'X':
            plan.append((r, True))
        else:
            plan.append((r, False))
    nsplit = sum(1 for _, sp in plan if sp)
    if not nsplit:
        return rows, 0
    newid = {}
    k = 0
    for r, sp in plan:
        k += 2 if sp else 1
        newid[r[0]] = str(k)            # the (second) word keeps the old role
    out = []
    for r, sp in plan:
        head = newid.get(r[6], r[6]) if r[6] not in ('0', '_') else r[6]
        if sp:
            (f1, l1), (f2, l2) = FUSED_SPLIT[undiacritize(r[1])]
            fused = 'Fused=' + r[1]
            second_id = newid[r[0]]
            first_id = str(int(second_id) - 1)
            out.append([first_id, f1, l1, 'ADP', 'P---------', 'AdpType=Prep',
                        second_id, 'case', '_', fused])
            misc = r[9] + '|' + fused if r[9] != '_' else fused
            out.append([second_id, f2, l2, r[3], r[4], r[5], head, r[7], r[8], misc])
        else:
            out.append([newid[r[0]], r[1], r[2], r[3], r[4], r[5], head, r[7], r[8], r[9]])
    return out, nsplit


def convert_sentence(comments, rows, split_fused=False):
    nsplit = 0
    if split_fused:
        rows, nsplit = split_fused_rows(rows)
        rows, _ = join_pair_rows(rows)
    words = [Word(r) for r in rows]
    sent = Sentence(comment_value(comments, 'sent_id'), comments, words)
    sent.tokens = build_tokens(words)
    sent.tok_surface = [surface_token(words, t, sent.problems) for t in sent.tokens]
    dangling = [is_proclitic(words[t[-1]]) for t in sent.tokens]
    sent.tok_space = compute_spacing(sent.tok_surface, dangling)
    sent.text = ''.join(s + (' ' if sp else '')
                        for s, sp in zip(sent.tok_surface, sent.tok_space)).rstrip(' ')
    sent.nsplit = nsplit
    return sent


def convert_file(path, split_fused=False):
    for comments, rows, _ in read_conllu(path):
        yield convert_sentence(comments, rows, split_fused)


# --------------------------------------------------------------------------
# UD v2 tags (--ud2)
#
# PADT v1.3 tags rewritten to UD v2 as UD Arabic-PUD uses it.  The rules
# come from comparing converted PADT with PUD dev (tools/pos_compare.py);
# docs/padt-conversion.md ("UD v2 tags") gives the evidence and the known
# failures of each.  The rules look at the PADT tags, lemma, vocalized form,
# features, dependency relation and the position in the sentence; the
# original tags stay available in this module as Word.upos1/feats1.

NAME_LETTERS = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
                              'ى': 'ي', 'ة': 'ه'})
NAME_STRIP_RE = re.compile('[\u064B-\u0652\u0670\u0640\u200E\u200F\uFEFF]')


def name_key(s):
    """Key for name look-up: no diacritics, one alef, ى = ي, ة = ه (the
    gazetteers and ANERcorp drop hamzas and write ة as ه)."""
    return NAME_STRIP_RE.sub('', s.strip()).translate(NAME_LETTERS)


def strip_name_proclitics(t):
    """و/ف + anything, ب/ك/ل + article, لل -> ال (ANERcorp keeps clitics)."""
    for _ in range(2):
        if len(t) > 3 and t.startswith('لل'):
            t = 'ا' + t[1:]
        elif len(t) > 3 and (t[0] in 'وف' or (t[0] in 'بكل' and t[1:3] == 'ال')):
            t = t[1:]
        else:
            break
    return t


class NameLists:
    """Proper names read at conversion time from the shared data folder.

    single  one-token entities of ANERcorp (PERS/LOC/ORG in at least half
            of the token's occurrences, at least twice): precise
    gaz     one-word entries of ANERgazet, names-akhateeb and CLDR
            territories: noisy, used only for unanalysed PADT words
    multi   multiword names: ANERcorp entities (same thresholds) and the
            multiword gazetteer entries
    first   first names (names-akhateeb), to tell علي "Ali" from a nisba
    persons person names (ANERgazet persons, names-akhateeb), for the
            unanalysed word after a first name (أحمد الجلبي)
    """

    GAZ_FILES = ('gazetteers/anergazet/AlignedPersGazetteer.txt',
                 'gazetteers/anergazet/AlignedLocGazetteer.txt',
                 'gazetteers/anergazet/AlignedOrgGazetteer.txt',
                 'gazetteers/names-akhateeb/male-first--names-in-arabic.txt',
                 'gazetteers/names-akhateeb/female-first-names-in-arabic.txt',
                 'gazetteers/names-akhateeb/last-names-in-arabic.txt')
    FIRST_FILES = GAZ_FILES[3:5]
    PERSON_FILES = (GAZ_FILES[0],) + GAZ_FILES[3:]
    CLDR = 'gazetteers/cldr41/cldr41-ar-territories.tsv'
    ANER = 'anercorp/train.txt'

    def __init__(self, datadir):
        self.single, self.gaz, self.multi, self.first = set(), set(), set(), set()
        self.persons = set()
        self.notes = []
        self.maxn = 0
        if not datadir:
            self.notes.append('no name data: PROPN only from PADT glosses and tags')
            return
        for rel in self.GAZ_FILES + (self.CLDR,):
            path = os.path.join(datadir, rel)
            if not os.path.exists(path):
                self.notes.append('missing %s' % path)
                continue
            with open(path, encoding='utf-8') as f:
                for line in f:
                    entry = line.rstrip('\n').split('\t')[-1].strip()
                    if not entry or entry[0] in '=*' or '(' in entry:
                        continue
                    keys = tuple(name_key(t) for t in entry.split())
                    if len(keys) > 1:
                        self.multi.add(keys)
                    else:
                        self.gaz.add(keys[0])
                        if rel in self.FIRST_FILES:
                            self.first.add(keys[0])
                        if rel in self.PERSON_FILES:
                            self.persons.add(keys[0])
        path = os.path.join(datadir, self.ANER)
        if os.path.exists(path):
            self.load_anercorp(path)
        else:
            self.notes.append('missing %s' % path)
        self.maxn = max([len(k) for k in self.multi] or [0])

    def load_anercorp(self, path, min_count=2, min_ratio=0.5):
        sents, sent = [], []
        with open(path, encoding='utf-8') as f:
            for line in f:
                p = line.split()
                if not p:
                    if sent:
                        sents.append(sent)
                    sent = []
                    continue
                sent.append((name_key(p[0]), p[-1]))
        if sent:
            sents.append(sent)
        ent = Counter()
        for s in sents:
            i = 0
            while i < len(s):
                lab = s[i][1]
                if lab.startswith('B-') and lab[2:] in ('PERS', 'LOC', 'ORG'):
                    j = i + 1
                    while j < len(s) and s[j][1] == 'I-' + lab[2:]:
                        j += 1
                    ent[(strip_name_proclitics(s[i][0]),)
                        + tuple(t for t, _ in s[i + 1:j])] += 1
                    i = j
                else:
                    i += 1
        cand = set(k for k, n in ent.items() if n >= min_count)
        maxn = max([len(k) for k in cand] or [0])
        occ = Counter()
        for s in sents:
            toks = [t for t, _ in s]
            for i in range(len(toks)):
                first = strip_name_proclitics(toks[i])
                for n in range(1, maxn + 1):
                    if i + n > len(toks):
                        break
                    k = (first,) + tuple(toks[i + 1:i + n])
                    if k in cand:
                        occ[k] += 1
        for k in cand:
            if ent[k] >= min_ratio * max(occ[k], 1):
                if len(k) == 1:
                    self.single.add(k[0])
                else:
                    self.multi.add(k)

    def summary(self):
        return ('name lists: %d ANERcorp one-token names, %d gazetteer words, '
                '%d multiword names, %d first names'
                % (len(self.single), len(self.gaz), len(self.multi), len(self.first)))


def default_name_data(inputs):
    """The shared data folder: the parent of the first input's folder
    (SHARED/padt/padt-part-a.conllu) when it holds gazetteers/."""
    if not inputs:
        return None
    d = os.path.dirname(os.path.dirname(os.path.abspath(inputs[0])))
    return d if os.path.isdir(os.path.join(d, 'gazetteers')) else None


UD2_CCONJ = {'و', 'أو', 'أم', 'إما', 'بل', 'ثم'}
UD2_AUX = {'كان', 'ليس'}
UD2_RELATIVE = {'الذي', 'التي', 'الذين', 'اللذان', 'اللتان', 'اللواتي',
                'اللاتي'}
# DET in construct or with a suffix (PUD: إحدى is أحد's DET)
UD2_DET_CONSTRUCT = {'كل', 'بعض', 'أحد', 'إحدى'}
UD2_DET_UNLESS_DEF = {'عدة', 'أغلب', 'أي'}    # DET unless definite
UD2_TEMPORAL = {'يوم', 'عام', 'أسبوع', 'شهر', 'صباح', 'مساء', 'آن', 'وقت'}
UD2_DAYPART = {'صباح', 'مساء'}
# accusative indefinite nouns used as adverbs (جدًّا, تمامًا, أبدًا ...)
UD2_ADV_NOUNS = {'جد', 'تمام', 'أبد', 'تقريب', 'خصوص', 'علن', 'دوم', 'إياب',
                 'ذهاب', 'جانب', 'حين', 'عادة', 'جنوب', 'شمال', 'شرق', 'غرب'}
UD2_NOUN_QUANT = {'عديد', 'كثير', 'قليل'}     # ال + these: NOUN
UD2_NEG_PART = {'لا', 'لم', 'لن'}
# adverbs that a redundant ما follows (غالبا ما, سرعان ما): PUD's PART
UD2_MA_AFTER = {'غالبا', 'كثيرا', 'قليلا', 'نادرا', 'عادة', 'سرعان', 'إذا',
                'اذا'}
# capitalized glosses of common nouns: religions, ideologies, titles,
# people groups, currency, the Internet
UD2_NOT_PROPN = {'إسلام', 'مسيحية', 'صهيونية', 'نازية', 'انتفاضة', 'إنترنت',
                 'يورو', 'شيخ', 'بطريرك', 'أنبا', 'مسلم', 'ترك', 'أرثوذكس',
                 'نازي'}
UD2_NISBA_GLOSS_RE = re.compile(r'(an|ese|ish|i|ic|ch|ss|ine|k|s)$')
UD2_NOMINAL_DEPRELS = {'nsubj', 'nsubjpass', 'dobj', 'iobj', 'nmod'}
# closed-class words among PADT's unanalysed tokens (raw spelling)
UD2_X_CLOSED = {}
for _tag, _forms in (
        ('PRON', 'التي التى الذي الذين اللذين اللتين اللذان اللتان هذا هذه '
                 'ذلك تلك هؤلاء اولئك أولئك ذاك نحن انا أنا انت أنت هو هي هم '
                 'هما هن انتم أنتم ما'),
        ('ADP', 'في على علي الى إلى الي إلي عن مع بين لدى لدي عند منذ حول ضد '
                'دون عبر تحت فوق أمام امام خلال حتى مثل نحو من'),
        ('SCONJ', 'أن ان لأن لان'),
        ('PART', 'لا لم لن قد لقد سوف إلا الا هل غير سوى'),
        ('ADV', 'أيضا ايضا هناك هنا فقط'),
        ('DET', 'كل بعض'),
        ('NUM', 'مليون مليار ألف الف'),
        ('PROPN', 'اف')):                  # the AFP dateline: (اف ب)
    for _f in _forms.split():
        UD2_X_CLOSED[_f] = _tag
# nouns that are part of the names they head (University of X, the
# European Union, the Celtic Sea), as opposed to those that only describe
# a name (the company X, the city of X): institutions and geographical
# features
UD2_NAME_HEADS = {
    'جامعة', 'كلية', 'معهد', 'أكاديمية', 'جمعية', 'اتحاد', 'منظمة', 'هيئة',
    'وزارة', 'مجلس', 'حزب', 'حركة', 'جبهة', 'مصرف', 'بنك', 'نادي', 'مستشفى',
    'متحف', 'جمهورية', 'مملكة', 'إمارة', 'نهر', 'بحر', 'بحرية', 'محيط',
    'جبل', 'بحيرة', 'خليج'}
# words that start a person name: the next unanalysed word is part of it
UD2_NAME_LINKS = {'بن', 'ابن', 'أبو', 'ابو', 'عبد', 'آل', 'بني'}
# words of the name lists that are not names in PADT's unanalysed tokens
# (ordinals, titles, common words; found by checking the matches)
UD2_NAME_STOP = {name_key(_w) for _w in (
    'الأولى اول أول ثاني الثالث السادس العليا أكبر القوى الأخضر صفر أمل أناس '
    'السيد سيد الشيخ الحاج اللواء الأمير الملك إمام أمام حديد عين أرض روح '
    'الأهالي تفادي هاتف بلد سفر ذكرى العربي عودة يوان الأكراد').split()}


def feats_dict(feats):
    if feats in ('_', ''):
        return {}
    return dict(f.split('=', 1) for f in feats.split('|'))


def feats_str(d):
    if not d:
        return '_'
    return '|'.join('%s=%s' % kv for kv in sorted(d.items(), key=lambda x: x[0].lower()))


def gloss_items(w):
    for m in w.misc:
        if m.startswith('Gloss='):
            return [g for g in m[len('Gloss='):].split(',') if g]
    return []


def is_elative(lemma):
    """أفعل adjectives (أكبر, أفضل, أعلى): PUD keeps them ADJ."""
    return len(lemma) == 4 and lemma[0] == 'أ'


class Ud2:
    """Rewrites the tags of converted sentences (see the module comment)."""

    def __init__(self, names):
        self.names = names
        self.counts = Counter()         # (rule, old, new) -> words
        self.feat_counts = Counter()

    # -- helpers -----------------------------------------------------------

    def name_spans(self, sent):
        """Indices of the host words inside multiword names, and of the
        first host of each name."""
        hosts = []
        for t in sent.tokens:
            ws = [sent.words[i] for i in t]
            n = len(ws)
            for k, i in enumerate(t):
                w = ws[k]
                if w.xrun is not None:
                    if k < n - 1 and w.seg in X_PROCLITIC_CONJ + X_PROCLITIC_PREP + ('س',):
                        continue
                    if k > 0 and (w.seg in ENCLITIC_FORMS or w.seg == 'ما'):
                        continue
                    key = w.seg
                    if k > 0 and ws[k - 1].seg == 'ل' and key.startswith('ل'):
                        key = 'ا' + key
                elif is_proclitic(w) or is_enclitic(w):
                    continue
                else:
                    key = w.restored or w.seg
                hosts.append((i, name_key(key)))
        inside, starts = set(), set()
        multi, maxn = self.names.multi, self.names.maxn
        j = 0
        while j < len(hosts):
            m = 0
            for n in range(min(maxn, len(hosts) - j), 1, -1):
                if tuple(k for _, k in hosts[j:j + n]) in multi:
                    m = n
                    break
            if m:
                inside.update(i for i, _ in hosts[j:j + m])
                starts.add(hosts[j][0])
                j += m
            else:
                j += 1
        return inside, starts

    def is_name_word(self, key):
        """A one-word name (for unanalysed words only)."""
        if key in UD2_NAME_STOP:
            return False
        return key in self.names.single or (key in self.names.gaz and len(key) >= 3)

    def gloss_propn(self, w, lemma):
        """NOUN whose English glosses are all capitalized (Baghdad, Saturday),
        except nisba nouns (Iraqi), people groups, religions, titles."""
        gl = gloss_items(w)
        if not gl or not all(g[:1].isupper() for g in gl):
            return False
        if lemma in UD2_NOT_PROPN:
            return False
        if (lemma.endswith('ي') or lemma.endswith('ية')) \
                and any(UD2_NISBA_GLOSS_RE.search(g) for g in gl) \
                and name_key(lemma) not in self.names.first:
            return False
        return True

    # -- the rules ---------------------------------------------------------

    def sentence(self, sent):
        words = sent.words
        for w in words:
            w.upos1, w.feats1 = w.upos, w.feats
        children = defaultdict(list)
        for w in words:
            children[w.head].append(w.deprel)
        first = next((i for i, w in enumerate(words) if w.upos1 != 'PUNCT'), 0)
        clause_first = first
        while (clause_first < len(words) - 1
               and words[clause_first].u in ('و', 'ف')
               and words[clause_first].upos1 in ('CONJ', 'X')):
            clause_first += 1
        in_name, name_starts = (self.name_spans(sent) if self.names.multi
                                else (set(), set()))
        for i, w in enumerate(words):
            prev = words[i - 1] if i > 0 else None
            ctx = {'initial': i == first,
                   'after_person': prev is not None and prev.upos == 'PROPN'
                   and (prev.u in UD2_NAME_LINKS
                        or name_key(prev.seg or prev.u) in self.names.persons),
                   'clause_initial': first <= i <= clause_first,
                   'after_wa_fa': prev is not None and prev.u in ('و', 'ف')
                   and prev.upos1 in ('CONJ', 'X'),
                   'before_relative': i + 1 < len(words)
                   and undiacritize(words[i + 1].lemma) in UD2_RELATIVE,
                   'prev_u': prev.u if prev is not None else '',
                   'prev_upos1': prev.upos1 if prev is not None else '',
                   'next_u': words[i + 1].u if i + 1 < len(words) else '',
                   'next_upos1': words[i + 1].upos1 if i + 1 < len(words) else '',
                   'in_name': i in in_name,
                   'name_start': i in name_starts,
                   'index': i,
                   'children': children.get(w.id, [])}
            rule, upos, feats = self.word(w, ctx)
            self.apply(w, rule, upos, feats)
        for i, w in enumerate(words[:-1]):
            if w.upos == 'NOUN' and self.heads_name(w, words[i + 1]):
                self.apply(w, 'name-head-propn', 'PROPN', None)

    def heads_name(self, w, nxt):
        """A singular noun of UD2_NAME_HEADS whose next word, its own
        dependent, makes it a name: a proper noun in construct (جامعة
        القاهرة) or, after the article, a nisba adjective (الاتحاد
        الأوروبي)."""
        if undiacritize(w.lemma) not in UD2_NAME_HEADS or nxt.head != w.id:
            return False
        f = feats_dict(w.feats1)
        if f.get('Number', 'Sing') != 'Sing':
            return False
        if f.get('Definite') == 'Red':
            return nxt.deprel.startswith('nmod') and nxt.upos == 'PROPN'
        return (f.get('Definite') == 'Def' and nxt.deprel == 'amod'
                and nxt.upos == 'ADJ' and undiacritize(nxt.lemma).endswith('ي'))

    def apply(self, w, rule, upos, feats):
        changed = feats is not None
        if feats is not None and feats_str(feats) != w.feats:
            self.feat_counts['FEATS set by rule %s' % rule] += 1
        d = feats_dict(w.feats) if feats is None else dict(feats)
        # UD v2 renames (all words)
        if d.get('Definite') == 'Red':
            d['Definite'] = 'Cons'
            self.feat_counts['Definite=Red -> Definite=Cons'] += 1
            changed = True
        if d.get('Foreign') == 'Foreign':
            d['Foreign'] = 'Yes'
            self.feat_counts['Foreign=Foreign -> Foreign=Yes'] += 1
            changed = True
        if d.get('Negative') == 'Neg':
            del d['Negative']
            d['Polarity'] = 'Neg'
            self.feat_counts['Negative=Neg -> Polarity=Neg'] += 1
            changed = True
        if changed:
            w.feats = feats_str(d)
        if rule:
            self.counts[(rule, w.upos1, upos)] += 1
            if upos != w.upos1:
                w.ud2 = rule
            w.upos = upos

    def conj_like(self, w, lemma, ctx):
        """Rules for PADT conjunctions and the particle إنّ."""
        if lemma == 'و':
            if ctx['initial']:
                return 'wa-initial', 'PART'
            if ctx['before_relative']:
                return 'wa-relative', 'PART'
            return 'cconj', 'CCONJ'
        if lemma == 'ف':
            return 'fa', 'PART'
        if lemma in UD2_CCONJ:
            if lemma == 'ثم' and ctx['clause_initial']:
                return 'clause-initial', 'PART'
            return 'cconj', 'CCONJ'
        if lemma in ('لكن', 'كما'):
            return (('clause-initial', 'PART') if ctx['clause_initial']
                    else ('subord-adp', 'ADP'))
        if lemma in ('أن', 'كأن', 'لأن'):
            if SHADDA in w.form or w.upos1 == 'X':
                return 'anna-sconj', 'SCONJ'
            return 'an-adp', 'ADP'
        if lemma == 'إن':
            if SHADDA not in w.form and w.upos1 != 'X':
                return 'in-cond-adp', 'ADP'          # conditional إِنْ
            if ctx['clause_initial'] or ctx['after_wa_fa']:
                return 'inna-part', 'PART'
            return 'inna-adp', 'ADP'
        if lemma == 'أي':
            return 'ay-part', 'PART'
        if lemma == 'ما':
            return 'ma-pron', 'PRON'
        return 'subord-adp', 'ADP'

    def word(self, w, ctx):
        """(rule, new UPOS, new FEATS dict or None) for one word."""
        up = w.upos1
        lemma = undiacritize(w.lemma)
        f = feats_dict(w.feats1)
        if up == 'X':
            return self.x_word(w, ctx, lemma, f)
        if up == 'CONJ':
            rule, tag = self.conj_like(w, lemma, ctx)
            return 'conj:' + rule, tag, None
        if up == 'PART':
            if lemma == 'إن':
                rule, tag = self.conj_like(w, lemma, ctx)
                return 'part:' + rule, tag, None
            if lemma == 'ربما':
                return 'rubbama-adv', 'ADV', {}
            if lemma in UD2_NEG_PART and f.get('Polarity') != 'Neg':
                f['Polarity'] = 'Neg'
                return 'neg-polarity', 'PART', f
            return None, up, None
        if up in ('VERB', 'AUX') and lemma in UD2_AUX:
            if (w.deprel in ('cop', 'aux', 'auxpass')
                    or 'xcomp' in ctx['children']):
                return 'kana-aux', 'AUX', None
            return ('kana-verb', 'VERB', None) if up == 'AUX' else (None, up, None)
        if up == 'DET' or up == 'PRON':
            if lemma == 'ما' and self.redundant_ma(ctx):
                return 'ma-part', 'PART', {}
            if lemma == 'كيف':
                return 'kayfa-adv', 'ADV', {}
            if up == 'DET':
                return 'det-pron', 'PRON', None
            return None, up, None
        if up == 'ADP' and lemma == 'نحو' and ctx['next_upos1'] == 'NUM':
            return 'nahwa-adv', 'ADV', {}            # نحو 20 عاما: about
        if up == 'ADP' and lemma == 'سوى':
            return 'siwa-part', 'PART', {}
        if up == 'PUNCT' and w.u == 'ـ':
            return 'tatweel-sym', 'SYM', None
        if up == 'NOUN':
            return self.noun(w, ctx, lemma, f)
        if up == 'ADJ':
            return self.adj(w, ctx, lemma, f)
        return None, up, None

    def redundant_ma(self, ctx):
        """ما that stands for no noun, which PUD tags PART: before إذا or
        after it (ما إذا, إذا ما), after an adverb (غالبا ما), before بين
        when no preposition governs it (ما بين 300 و 500, but في ما بين)."""
        if ctx['next_u'] in ('إذا', 'اذا') or ctx['prev_u'] in UD2_MA_AFTER:
            return True
        return ctx['next_u'] == 'بين' and ctx['prev_upos1'] != 'ADP'

    def noun(self, w, ctx, lemma, f):
        if self.gloss_propn(w, lemma):
            return 'gloss-propn', 'PROPN', None
        if ctx['in_name']:
            return 'name-span-propn', 'PROPN', None
        if lemma == 'غير':
            return 'ghayr-part', 'PART', {'Polarity': 'Neg'}
        definite = f.get('Definite')
        if lemma in UD2_DET_CONSTRUCT and definite in ('Red', 'Com'):
            return 'quant-det', 'DET', {k: v for k, v in f.items() if k == 'Case'}
        if lemma in UD2_DET_UNLESS_DEF and definite != 'Def':
            return 'quant-det', 'DET', {k: v for k, v in f.items() if k == 'Case'}
        if f.get('Case') == 'Acc':
            if (lemma in UD2_TEMPORAL and definite in ('Def', 'Red', 'Com')
                    and f.get('Number', 'Sing') == 'Sing'):
                return 'temporal-adv', 'ADV', {}
            if definite == 'Ind' and (lemma in UD2_ADV_NOUNS
                                      or lemma in UD2_DAYPART
                                      or w.deprel in ('advmod', 'advmod:emph')):
                return 'acc-adv', 'ADV', {}
        if w.u == 'نحو':
            return 'nahwa-adv', 'ADV', {}
        return None, 'NOUN', None

    def adj(self, w, ctx, lemma, f):
        definite = f.get('Definite')
        if lemma in UD2_DET_UNLESS_DEF and definite != 'Def':
            return 'quant-det', 'DET', {k: v for k, v in f.items() if k == 'Case'}
        if (f.get('Case') == 'Acc' and definite == 'Ind'
                and w.deprel in ('advmod', 'advmod:emph', 'cc') and lemma != 'بدل'):
            return 'acc-adv', 'ADV', {}
        if lemma in UD2_NOUN_QUANT and definite == 'Def':
            return 'quant-noun', 'NOUN', None
        if (definite == 'Def' and w.deprel in UD2_NOMINAL_DEPRELS
                and not is_elative(lemma)):
            return 'nominal-adj-noun', 'NOUN', None
        return None, 'ADJ', None

    def x_word(self, w, ctx, lemma, f):
        x = w.xpos[:1]
        if x == 'X':                            # foreign words (Foreign=Foreign)
            gl = gloss_items(w)
            if gl and gl[0][:1].isupper():
                return 'foreign-propn', 'PROPN', None
            return 'foreign-noun', 'NOUN', None
        if x == 'Y':                            # abbreviations
            gl = gloss_items(w)
            if gl and re.match(r'^[A-Z]\.?$', gl[0]):
                return 'abbr-letter-propn', 'PROPN', None
            return 'abbr-noun', 'NOUN', None
        # unanalysed (U---------): guessed tags
        w.tagguess = True
        s = w.seg or w.u
        if is_punct_form(s):
            return 'guess:punct', 'PUNCT', None
        if s.isdigit():
            return 'guess:num', 'NUM', None
        run = w.xrun
        if run is not None:
            k = run.index(ctx['index']) if ctx['index'] in run else None
            last = len(run) - 1
            if k is not None and k < last and s in ('و', 'ف', 'ب', 'ل', 'ك', 'س'):
                if s == 'و':
                    return (('guess:wa-initial', 'PART', None) if ctx['initial']
                            else ('guess:proclitic', 'CCONJ', None))
                if s in ('ف', 'س'):
                    return 'guess:proclitic', 'PART', None
                return 'guess:proclitic', 'ADP', None
            if k is not None and k > 0 and (s in ENCLITIC_FORMS or s == 'ما'):
                return 'guess:enclitic', 'PRON', None
        if s in ('و', 'لكن', 'إن', 'كما', 'ثم'):
            rule, tag = self.conj_like(w, s, ctx)
            return 'guess:closed', tag, None
        if s in UD2_X_CLOSED:
            return 'guess:closed', UD2_X_CLOSED[s], None
        nisba = (len(s) >= 5 and s.startswith('ال')
                 and (s.endswith('ي') or s.endswith('ية') or s.endswith('يه')))
        if ctx['in_name']:
            if nisba and not ctx['name_start']:
                return 'guess:nisba-adj', 'ADJ', None   # أمريكا اللاتينية
            return 'guess:name', 'PROPN', None
        if self.is_name_word(name_key(s)):
            return 'guess:name', 'PROPN', None
        if ctx['after_person'] and run is None:
            return 'guess:after-name', 'PROPN', None    # أحمد الجلبي
        if nisba:
            return 'guess:nisba-adj', 'ADJ', None
        return 'guess:noun', 'NOUN', None


# -- --report ---------------------------------------------------------------

UD2_TAGS = {'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
            'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'}
REPORT_FOLD = str.maketrans('٠١٢٣٤٥٦٧٨٩،؛؟', '0123456789,;?')


def baseline_form(s, fold=False):
    u = undiacritize(s)
    return u.translate(REPORT_FOLD) if fold else u


def tag_baseline(train, test, fold=False):
    """Most-frequent-tag-per-form baseline.  train: (form, tag) pairs;
    test: (form, gold tag) pairs.  Forms are undiacritized (fold: also
    Arabic-Indic digits and ، ؛ ؟ as ASCII); unknown forms get NOUN; ties
    go to the alphabetically first tag.  Returns (correct, total)."""
    lex = defaultdict(Counter)
    for form, tag in train:
        lex[baseline_form(form, fold)][tag] += 1
    best = {f: sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0]
            for f, c in lex.items()}
    ok = n = 0
    for form, gold in test:
        n += 1
        ok += best.get(baseline_form(form, fold), 'NOUN') == gold
    return ok, n


def ud2_report(sents, ud2, pud_path, out):
    words = [w for s in sents for w in s.words]
    out.write('\n==================== UD v2 tags (--report) ====================\n')
    v1 = [(w.upos1 or w.upos) for w in words]
    if ud2 is not None:
        out.write(ud2.names.summary() + '\n')
        for n in ud2.names.notes:
            out.write('  note: %s\n' % n)
        changed = sum(1 for w in words if w.upos != w.upos1)
        out.write('words: %d; UPOS changed: %d (%.1f%%); TagGuess=Yes: %d\n'
                  % (len(words), changed, pct(changed, len(words)),
                     sum(1 for w in words if w.tagguess)))
        out.write('\n== Rewrite rules (rule, PADT tag -> new tag: words) ==\n')
        by_rule = defaultdict(Counter)
        for (rule, old, new), n in ud2.counts.items():
            by_rule[rule][(old, new)] += n
        for rule in sorted(by_rule, key=lambda r: (-sum(by_rule[r].values()), r)):
            items = sorted(by_rule[rule].items(), key=lambda x: (-x[1], x[0]))
            out.write('  %-22s %6d   %s\n' % (rule, sum(by_rule[rule].values()),
                      ', '.join('%s->%s %d' % (o, n_, c) for (o, n_), c in items)))
        out.write('\n== FEATS rewrites ==\n')
        for k, n in sorted(ud2.feat_counts.items(), key=lambda x: (-x[1], x[0])):
            out.write('  %-46s %6d\n' % (k, n))
        propn = Counter(w.ud2 for w in words if w.upos == 'PROPN' and w.ud2)
        kept = sum(1 for w in words if w.upos == 'PROPN' and w.upos1 == 'PROPN')
        out.write('\nPROPN: %d words (%d PADT PROPN kept; %s)\n'
                  % (sum(propn.values()) + kept, kept,
                     ', '.join('%s %d' % kv for kv in sorted(propn.items(), key=lambda x: (-x[1], x[0])))))
        bad = Counter(w.upos for w in words if w.upos not in UD2_TAGS or w.upos == 'X')
        out.write('tags outside UD v2 or X left: %s\n'
                  % (', '.join('%s %d' % kv for kv in sorted(bad.items())) or 'none'))
    pud_rows = []
    if pud_path:
        for _, rows, _ in read_conllu(pud_path):
            pud_rows.extend(rows)
    out.write('\n== UPOS distribution ==\n')
    c1 = Counter(v1)
    c2 = Counter(w.upos for w in words)
    cp = Counter(r[3] for r in pud_rows)
    out.write('  %-6s %15s %15s %15s\n' % ('UPOS', 'PADT v1.3', '--ud2' if ud2 else '-',
                                          'PUD' if pud_rows else '-'))
    for k in sorted(set(c1) | set(c2) | set(cp), key=lambda k: (-(c2[k] + c1[k]), k)):
        out.write('  %-6s %7d %6.2f%% %7d %6.2f%% %7d %6.2f%%\n'
                  % (k, c1[k], pct(c1[k], len(words)), c2[k] if ud2 else 0,
                     pct(c2[k], len(words)) if ud2 else 0.0,
                     cp[k], pct(cp[k], len(pud_rows))))
    if not pud_rows:
        out.write('\n(no PUD file: no baseline; give --pud or --compare-pud)\n')
        return
    test = [(r[1], r[3]) for r in pud_rows]
    out.write('\n== Convention gap: most-frequent-tag-per-form baseline, trained on '
              'converted PADT, tested on %s (%d words, gold segmentation; '
              'forms undiacritized, unknown forms -> NOUN) ==\n' % (pud_path, len(test)))
    variants = [('PADT v1.3 tags (no --ud2)', lambda w: w.upos1 or w.upos, False)]
    if ud2 is not None:
        variants += [('--ud2 tags', lambda w: w.upos, False),
                     ('--ud2 tags, TagGuess words skipped', lambda w: w.upos, True)]
    out.write('  %-38s %18s %28s\n' % ('training tags', 'accuracy',
                                       '+ digits/،؛؟ folded to ASCII'))
    for name, tag, skip in variants:
        train = [(w.seg or w.u, tag(w)) for w in words if not (skip and w.tagguess)]
        res = []
        for fold in (False, True):
            ok, n = tag_baseline(train, test, fold)
            res.append('%d/%d = %.2f%%' % (ok, n, pct(ok, n)))
        out.write('  %-38s %18s %28s\n' % (name, res[0], res[1]))


# --------------------------------------------------------------------------
# Writing

def word_misc(w, space_after_no):
    items = list(w.misc)
    if w.restored is not None:
        items.append('Restored=' + w.restored)
    if w.form != w.seg and not w.guess:
        items.append('Vform=' + w.form)
    if w.guess:
        items.append('SegGuess=Yes')
    if w.ud2:
        items.append('Ud2=' + w.ud2)
    if w.tagguess:
        items.append('TagGuess=Yes')
    if space_after_no:
        items.append('SpaceAfter=No')
    return '|'.join(items) if items else '_'


def write_sentence(out, sent, style, doc_state):
    orig = comment_value(sent.comments, 'orig_file_sentence')
    if orig:
        doc = orig.rsplit('#', 1)[0]
        if doc != doc_state.get('doc'):
            out.write('# newdoc id = %s\n' % doc)
            doc_state['doc'] = doc
    out.write('# sent_id = %s\n' % sent.sent_id)
    if orig:
        out.write('# orig_file_sentence = %s\n' % orig)
    out.write('# text = %s\n' % sent.text)
    for t, surf, sp in zip(sent.tokens, sent.tok_surface, sent.tok_space):
        ws = [sent.words[i] for i in t]
        if style == 'mwt' and len(ws) > 1:
            out.write('%s-%s\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n' % (
                ws[0].id, ws[-1].id, surf, '_' if sp else 'SpaceAfter=No'))
        for k, w in enumerate(ws):
            last = k == len(ws) - 1
            if style == 'mwt':
                no_space = (len(ws) == 1 and not sp)
            else:
                no_space = (not last) or not sp
            lemma = undiacritize(w.lemma) or w.lemma
            if w.guess and w.lemma == w.form:
                lemma = w.seg or w.lemma
            out.write('\t'.join([w.id, w.seg or '_', lemma, w.upos, w.xpos,
                                 w.feats, w.head, w.deprel, w.deps,
                                 word_misc(w, no_space)]) + '\n')
    out.write('\n')


# --------------------------------------------------------------------------
# Checking written files

def parse_misc_dict(misc):
    d = {}
    if misc not in ('_', ''):
        for it in misc.split('|'):
            if '=' in it:
                k, v = it.split('=', 1)
                d.setdefault(k, v)
    return d


def explain_restored(form, restored, nxt_form):
    """Which rule turns the restored form into the surface segment."""
    if restored == 'ا' + form:
        return 'l+al'
    if restored in ('من', 'عن') and form == restored[0]:
        return 'min/an+ma'
    if restored[:-1] == form[:-1] and len(form) == len(restored):
        a, b = restored[-1], form[-1]
        if (a, b) == ('ة', 'ت'):
            return 'ta-marbuta'
        if (a, b) == ('ى', 'ا'):
            return 'alef-maksura'
        if a in HAMZA_LETTERS and b in HAMZA_LETTERS:
            return 'hamza'
    if restored == form + 'ا' and form.endswith('و'):
        return 'verb-wa'
    if nxt_form == 'ي' and restored.endswith('ي'):
        inner = restored[:-1]
        if inner == form or explain_restored(form, inner, None):
            return 'yeh-merge'
    return None


def check_file(path, report):
    """Invariant checks on a written CoNLL-U file; returns a Counter."""
    c = Counter()
    for comments, rows, mwts in read_conllu(path):
        c['sentences'] += 1
        text = None
        for cm in comments:
            if cm.startswith('# text = '):
                text = cm[len('# text = '):]
        if text is None:
            c['ERR no # text'] += 1
            continue
        ids = [r[0] for r in rows]
        if ids != [str(i) for i in range(1, len(rows) + 1)]:
            c['ERR word ids not 1..n'] += 1
        by_id = {r[0]: r for r in rows}
        for r in rows:
            if not (r[6].isdigit() and 0 <= int(r[6]) <= len(rows)) or r[6] == r[0]:
                c['ERR HEAD out of range or self-loop'] += 1
        if sum(1 for r in rows if r[6] == '0') < 1:
            c['ERR no root'] += 1
        ranges = {}
        for m in mwts:
            a, b = m[0].split('-')
            ranges[int(a)] = (int(b), m)
        # rebuild tokens
        tokens = []            # (surface, [word rows], space_after)
        i = 1
        n = len(rows)
        if ranges:
            c['files with range lines'] = 1
            while i <= n:
                if i in ranges:
                    b, m = ranges[i]
                    wr = [by_id[str(k)] for k in range(i, b + 1)]
                    tokens.append((m[1], wr, 'SpaceAfter=No' not in m[9]))
                    for w in wr:
                        if 'SpaceAfter=No' in w[9]:
                            c['ERR SpaceAfter on a word inside a range'] += 1
                    i = b + 1
                else:
                    w = by_id[str(i)]
                    tokens.append((w[1], [w], 'SpaceAfter=No' not in w[9]))
                    i += 1
        else:
            # PUD style: a clitic and its host are joined by SpaceAfter=No
            # and both sides of the join are word characters
            cur = []
            for k, w in enumerate(rows):
                cur.append(w)
                nx = rows[k + 1] if k + 1 < n else None
                joined = ('SpaceAfter=No' in w[9] and nx is not None
                          and is_wordchar(w[1][-1]) and is_wordchar(nx[1][0]))
                if not joined:
                    tokens.append((''.join(x[1] for x in cur), cur,
                                   'SpaceAfter=No' not in w[9]))
                    cur = []
        rebuilt = ''
        for surf, wr, sp in tokens:
            c['tokens'] += 1
            if len(wr) > 1:
                c['multiword tokens'] += 1
            pos = 0
            for w in wr:
                c['words'] += 1
                form = w[1]
                if not form or form == '_' or any(ch.isspace() for ch in form):
                    c['ERR empty form or form with space'] += 1
                if DIACRITICS_RE.search(form) and undiacritize(form) != form:
                    c['ERR diacritic left in FORM'] += 1
                if surf.find(form, pos) != pos:
                    c['ERR FORM not a substring at its position'] += 1
                    if report is not None and c['ERR FORM not a substring at its position'] <= 5:
                        report.append('  not substring: %s in %s' % (form, surf))
                pos += len(form)
            if ''.join(w[1] for w in wr) != surf:
                c['ERR concatenation != token'] += 1
            rebuilt += surf + (' ' if sp else '')
        if rebuilt.rstrip(' ') != text:
            c['ERR # text != tokens joined with spacing'] += 1
            if report is not None and c['ERR # text != tokens joined with spacing'] <= 5:
                report.append('  text mismatch in %s' % comments)
        # Restored / Vform consistency
        for surf, wr, _ in tokens:
            for k, w in enumerate(wr):
                md = parse_misc_dict(w[9])
                nxt = wr[k + 1][1] if k + 1 < len(wr) else None
                full = md.get('Restored', w[1])
                if 'Restored' in md:
                    c['Restored'] += 1
                    rule = explain_restored(w[1], md['Restored'], nxt)
                    if rule is None:
                        c['ERR Restored not explained by a rule'] += 1
                        if report is not None:
                            report.append('  unexplained Restored: %s <- %s' % (w[1], md['Restored']))
                    else:
                        c['Restored rule ' + rule] += 1
                if 'Vform' in md and undiacritize(md['Vform']) != full:
                    c['ERR undiacritized Vform != Restored/FORM'] += 1
                if 'SegGuess' in md:
                    c['words segmented heuristically (SegGuess)'] += 1
    return c


# --------------------------------------------------------------------------
# Token analysis shared by --stats and --compare-pud

PRO_SEGS = {'و', 'ف', 'ب', 'ل', 'ك', 'س', 'أ', 'ال', 'م', 'ع'}


class Tok:
    __slots__ = ('surface', 'forms', 'upos', 'feats', 'lemmas', 'restored')

    def __init__(self, rows):
        self.forms = [undiacritize(r[1]) for r in rows]
        self.surface = ''.join(self.forms)
        self.upos = [r[3] for r in rows]
        self.feats = [r[5] for r in rows]
        self.lemmas = [undiacritize(r[2]) for r in rows]
        self.restored = [parse_misc_dict(r[9]).get('Restored') for r in rows]


def tokens_from_rows(rows, mwts):
    """Orthographic tokens of a sentence (range lines if any, else joins)."""
    toks = []
    if mwts:
        ranges = {}
        for m in mwts:
            a, b = m[0].split('-')
            ranges[int(a)] = int(b)
        i = 0
        while i < len(rows):
            wid = int(rows[i][0])
            if wid in ranges:
                b = ranges[wid]
                j = i
                while j < len(rows) and int(rows[j][0]) <= b:
                    j += 1
                toks.append(Tok(rows[i:j]))
                i = j
            else:
                toks.append(Tok([rows[i]]))
                i += 1
        return toks
    cur = []
    for k, w in enumerate(rows):
        cur.append(w)
        nx = rows[k + 1] if k + 1 < len(rows) else None
        if not ('SpaceAfter=No' in w[9] and nx is not None and w[1]
                and nx[1] and is_wordchar(w[1][-1]) and is_wordchar(nx[1][0])):
            toks.append(Tok(cur))
            cur = []
    return toks


def is_enc_seg(tok, k):
    """Segment k (not the first) is a pronoun suffix; X covers PADT's
    unanalysed tokens re-segmented by this tool."""
    return (k > 0 and tok.forms[k] in ENCLITIC_FORMS
            and tok.upos[k] in ('PRON', 'X'))


def analyse(tok):
    """(proclitic segments, host segments, enclitic segments)."""
    n = len(tok.forms)
    e = n
    while e > 1 and is_enc_seg(tok, e - 1):
        e -= 1
    p = 0
    while p < e - 1 and tok.forms[p] in PRO_SEGS:
        p += 1
    # ما / من after the merged م / ع are the hosts of the merge
    return tok.forms[:p], tok.forms[p:e], tok.forms[e:]


def is_letter_token(tok):
    return any(unicodedata.category(ch)[0] == 'L' for ch in tok.surface)


def segmentation_stats(toks):
    st = {'nclitics': Counter(), 'pro': Counter(), 'enc': Counter(),
          'host_segs': Counter(), 'letter_tokens': 0}
    for t in toks:
        if not is_letter_token(t):
            continue
        st['letter_tokens'] += 1
        pro, host, enc = analyse(t)
        st['nclitics'][len(t.forms) - 1] += 1
        if pro:
            st['pro']['+'.join(pro)] += 1
        for x in enc:
            st['enc'][x] += 1
        if len(host) > 1:
            st['host_segs'][' + '.join(host)] += 1
    return st


def convention_stats(toks):
    """Counts of the spelling conventions visible in surface segments."""
    c = Counter()
    ex = defaultdict(Counter)

    def add(key, example):
        c[key] += 1
        ex[key][example] += 1

    for t in toks:
        if not is_letter_token(t):
            continue
        c['letter tokens'] += 1
        n = len(t.forms)
        if n > 1:
            c['multi-segment tokens'] += 1
        for k in range(n):
            f = t.forms[k]
            nxt = t.forms[k + 1] if k + 1 < n else None
            prv = t.forms[k - 1] if k > 0 else None
            feats = t.feats[k]
            # definite article
            if f == 'ال':
                add('article ال as its own segment', t.surface)
            if prv == 'ل' and k == 1 or (prv == 'ل' and k > 1 and t.forms[k - 2] in ('و', 'ف')):
                if f.startswith('ال'):
                    add('ل + ال... (article not assimilated)', t.surface)
                elif f.startswith('ل') and 'Definite=Def' in feats:
                    add('ل + ل... (ل+ال written لل)', '%s + %s' % (prv, f))
            if f.startswith('ال') and prv in ('و', 'ف', 'ب', 'ك'):
                add('%s + ال... (article kept)' % prv, 'x')
            if nxt is not None and is_enc_seg(t, k + 1):
                last = f[-1]
                lemma = t.lemmas[k]
                if last == 'ة':
                    add('host ends in ة before enclitic', t.surface)
                elif last == 'ت' and (lemma.endswith('ة') or (
                        t.upos[k] in ('NOUN', 'ADJ', 'PROPN', 'NUM') and 'Gender=Fem' in feats
                        and 'Number=Sing' in feats)):
                    add('ة→ت before enclitic (host ends in ت)', '%s + %s' % (f, nxt))
                elif last == 'ى':
                    add('host ends in ى before enclitic', t.surface)
                elif last in ('ي', 'ا') and (lemma.endswith('ى') or f in ('علي', 'إلي', 'لدي')):
                    add('ى→%s before enclitic' % last, '%s + %s' % (f, nxt))
                elif last in 'ؤئ':
                    add('hamza %s before enclitic' % last, '%s + %s' % (f, nxt))
                elif last in 'أء':
                    add('hamza %s before enclitic' % last, '%s + %s' % (f, nxt))
                if f.endswith('وا') and t.upos[k] in ('VERB', 'AUX'):
                    add('verb keeps وا before enclitic', t.surface)
            if f in ('م', 'ع') and nxt in ('ما', 'من'):
                add('merge %s + %s (%s)' % (f, nxt, t.surface), t.surface)
            if f in ('من', 'عن') and nxt in ('ما', 'من'):
                add('unmerged %s + %s in one token' % (f, nxt), t.surface)
            if nxt == 'ي' and is_enc_seg(t, k + 1) and (f.endswith('ي') or f.endswith('ا')):
                add('host before 1sg ي ends in %s' % f[-1], '%s + ي' % f)
    return c, ex


def load_tokens(path):
    toks = []
    nsent = 0
    for comments, rows, mwts in read_conllu(path):
        nsent += 1
        toks.extend(tokens_from_rows(rows, mwts))
    return nsent, toks


def load_rows(path):
    rows = []
    for comments, r, mwts in read_conllu(path):
        rows.extend(r)
    return rows


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def print_seg_stats(name, st, out, top=40):
    lt = st['letter_tokens']
    out.write('\n== Segmentation statistics: %s ==\n' % name)
    out.write('tokens containing letters: %d\n' % lt)
    for k in sorted(st['nclitics']):
        out.write('  tokens with %d clitic(s): %7d  (%.2f%%)\n'
                  % (k, st['nclitics'][k], pct(st['nclitics'][k], lt)))
    out.write('distinct proclitic sequences: %d\n' % len(st['pro']))
    for k, v in sorted(st['pro'].items(), key=lambda x: (-x[1], x[0]))[:top]:
        out.write('  %-10s %6d\n' % (k, v))
    out.write('distinct enclitics: %d\n' % len(st['enc']))
    for k, v in sorted(st['enc'].items(), key=lambda x: (-x[1], x[0]))[:top]:
        out.write('  %-10s %6d\n' % (k, v))
    if st['host_segs']:
        out.write('tokens whose host is several segments (not clitic+host): %d\n'
                  % sum(st['host_segs'].values()))
        for k, v in sorted(st['host_segs'].items(), key=lambda x: (-x[1], x[0]))[:15]:
            out.write('  %-24s %4d\n' % (k, v))


def compare(pud_path, padt_paths, out):
    """Report PUD conventions and compare the converted PADT with them."""
    npud, pud = load_tokens(pud_path)
    npadt, padt = 0, []
    for p in padt_paths:
        n, t = load_tokens(p)
        npadt += n
        padt.extend(t)
    pud_mwt = sum(1 for c, r, m in read_conllu(pud_path) for _ in m)
    padt_mwt = sum(1 for p in padt_paths for c, r, m in read_conllu(p) for _ in m)
    out.write('\n==================== PUD vs converted PADT ====================\n')
    out.write('PUD: %s (%d sentences, %d tokens); PADT: %s (%d sentences, %d tokens)\n'
              % (pud_path, npud, len(pud), ', '.join(padt_paths), npadt, len(padt)))
    out.write('multiword-token range lines: PUD %d, converted PADT %d\n' % (pud_mwt, padt_mwt))
    sp, sa = segmentation_stats(pud), segmentation_stats(padt)
    for name, st in (('PUD', sp), ('converted PADT', sa)):
        print_seg_stats(name, st, out, top=25)

    out.write('\n== Clitic rates per 1000 letter tokens (PUD vs PADT) ==\n')
    lp, la = sp['letter_tokens'], sa['letter_tokens']
    out.write('  %-28s %9s %9s   %s\n' % ('pattern', 'PUD', 'PADT', 'note'))
    for kind in ('pro', 'enc'):
        keys = sorted(set(sp[kind]) | set(sa[kind]),
                      key=lambda k: (-(sp[kind][k] + sa[kind][k]), k))
        for k in keys:
            a, b = 1000.0 * sp[kind][k] / lp, 1000.0 * sa[kind][k] / la
            note = ''
            if sp[kind][k] == 0:
                note = 'only in PADT'
            elif sa[kind][k] == 0:
                note = 'only in PUD'
            elif max(a, b) > 3 * min(a, b) and sp[kind][k] >= 3:
                note = 'rate differs >3x'
            out.write('  %-28s %9.2f %9.2f   %s\n'
                      % (('proclitic ' if kind == 'pro' else 'enclitic ') + k, a, b, note))

    cp, ep = convention_stats(pud)
    ca, ea = convention_stats(padt)
    out.write('\n== Spelling conventions (counts; PUD vs PADT) ==\n')
    keys = sorted(set(cp) | set(ca), key=lambda k: (k.startswith('merge'), k))
    for k in keys:
        exs = ep.get(k) or ea.get(k) or Counter()
        sample = ', '.join(x for x, _ in sorted(exs.items(), key=lambda y: (-y[1], y[0]))[:4]
                           if x != 'x')
        out.write('  %-46s %6d %7d   %s\n' % (k, cp[k], ca[k], sample))

    # token-level agreement: same surface token, same segmentation?
    def segmap(toks):
        m = defaultdict(Counter)
        for t in toks:
            if is_letter_token(t):
                m[t.surface][' + '.join(t.forms)] += 1
        return m
    mp, ma = segmap(pud), segmap(padt)
    shared = sorted(set(mp) & set(ma))
    agree = disagree = 0
    diffs = []
    for s in shared:
        top_p = sorted(mp[s].items(), key=lambda x: (-x[1], x[0]))[0][0]
        top_a = sorted(ma[s].items(), key=lambda x: (-x[1], x[0]))[0][0]
        n = sum(mp[s].values())
        if top_p == top_a:
            agree += n
        else:
            disagree += n
            diffs.append((s, dict(mp[s]), dict(ma[s])))
    out.write('\n== Token-level agreement on surface tokens found in both corpora ==\n')
    out.write('shared token types: %d; PUD token occurrences with the same majority '
              'segmentation as PADT: %d, different: %d (%.2f%% agree)\n'
              % (len(shared), agree, disagree, pct(agree, agree + disagree)))
    diffs.sort(key=lambda d: (-sum(d[1].values()), d[0]))
    for s, a, b in diffs[:60]:
        out.write('  %-14s PUD %s | PADT %s\n' % (
            s, ', '.join('%s x%d' % kv for kv in sorted(a.items())),
            ', '.join('%s x%d' % kv for kv in sorted(b.items(), key=lambda x: -x[1])[:3])))

    for name, m in (('PUD', mp), ('converted PADT', ma)):
        incons = [(s, c) for s, c in m.items() if len(c) > 1]
        incons.sort(key=lambda x: (-sum(x[1].values()), x[0]))
        out.write('\nsurface tokens segmented in more than one way inside %s: %d types\n'
                  % (name, len(incons)))
        for s, c in incons[:25]:
            out.write('  %-14s %s\n' % (s, ', '.join('%s x%d' % kv for kv in
                                                      sorted(c.items(), key=lambda x: (-x[1], x[0])))))

    # UPOS side note
    pud_rows = load_rows(pud_path)
    padt_rows = [r for p in padt_paths for r in load_rows(p)]
    out.write('\n== UPOS inventory (side note for the tagger) ==\n')
    up, ua = Counter(r[3] for r in pud_rows), Counter(r[3] for r in padt_rows)
    for k in sorted(set(up) | set(ua), key=lambda k: (-(up[k] + ua[k]), k)):
        out.write('  %-6s PUD %6d (%5.2f%%)   PADT %6d (%5.2f%%)\n'
                  % (k, up[k], pct(up[k], len(pud_rows)), ua[k], pct(ua[k], len(padt_rows))))
    out.write('\n== UPOS of frequent function words / clitics (undiacritized FORM) ==\n')
    fp, fa = defaultdict(Counter), defaultdict(Counter)
    for r in pud_rows:
        fp[undiacritize(r[1])][r[3]] += 1
    for r in padt_rows:
        fa[undiacritize(r[1])][r[3]] += 1
    func = ['و', 'ف', 'ب', 'ل', 'ك', 'س', 'م', 'ه', 'ها', 'هم', 'نا', 'ي',
            'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'أنه', 'لأن', 'كما',
            'ما', 'لا', 'لم', 'لن', 'قد', 'أو', 'ثم', 'لكن', 'بل', 'حتى',
            'الذي', 'التي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'هو', 'هي',
            'كل', 'بعض', 'غير', 'كان', 'ليس', 'يكون', 'بين', 'بعد', 'قبل',
            'عند', 'حيث', 'إذا', 'لدى', 'لدي', 'فيما', 'مما', 'أي', 'نفس', 'أيضا']
    for f in func:
        a, b = fp.get(f, Counter()), fa.get(f, Counter())
        if not a and not b:
            continue
        fmt = lambda c: ', '.join('%s %d' % kv for kv in sorted(c.items(), key=lambda x: (-x[1], x[0]))) or '-'
        out.write('  %-6s PUD: %-34s PADT: %s\n' % (f, fmt(a), fmt(b)))


# --------------------------------------------------------------------------
# Main

def output_name(inp, outdir, style, split=False, ud2=False):
    base = os.path.basename(inp)
    if base.endswith('.conllu'):
        base = base[:-len('.conllu')]
    suffix = '.surface.conllu' if style == 'mwt' else '.surface-pud.conllu'
    if ud2:
        suffix = '.ud2' + suffix
    if split:
        suffix = '.split' + suffix
    return os.path.join(outdir, base + suffix)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('inputs', nargs='*', help='PADT UD v1.3 CoNLL-U files')
    ap.add_argument('--outdir', help='directory for the converted files '
                    '(default: write the first style to stdout)')
    ap.add_argument('--style', choices=('mwt', 'pud', 'both'), default='mwt',
                    help='mwt: N-M range lines (default); pud: exactly like '
                    'UD Arabic-PUD, no range lines, SpaceAfter=No between '
                    'clitic and host; both: write both files')
    ap.add_argument('--split-fused', action='store_true',
                    help='PUD\'s word boundaries: split PADT single words '
                    'that PUD splits (لأن -> ل + أن, مما -> م + ما) and join '
                    'pairs it writes as one word (ف + حسب -> فحسب); renumbers '
                    'IDs/heads; output files get a .split infix')
    ap.add_argument('--ud2', action='store_true',
                    help='rewrite UPOS (and some FEATS) to UD v2 as UD '
                    'Arabic-PUD uses it; unanalysed words get guessed tags '
                    'and TagGuess=Yes; output files get a .ud2 infix')
    ap.add_argument('--names-data', metavar='DIR',
                    help='with --ud2: the shared data folder holding '
                    'gazetteers/ and anercorp/ (default: the parent of the '
                    "first input's folder, if it has gazetteers/; '-': none)")
    ap.add_argument('--report', action='store_true',
                    help='print the tag rewrite counts, the UPOS distribution '
                    'and a most-frequent-tag baseline on PUD (--pud or '
                    '--compare-pud) with and without --ud2')
    ap.add_argument('--pud', metavar='PUD',
                    help='PUD file for --report (default: --compare-pud)')
    ap.add_argument('--check', action='store_true',
                    help='check the invariants of the written files and report')
    ap.add_argument('--stats', action='store_true',
                    help='print clitic statistics of the converted data')
    ap.add_argument('--compare-pud', metavar='PUD',
                    help='report the conventions of a PUD file and compare')
    ap.add_argument('--check-file', nargs='+', metavar='FILE',
                    help='only check already converted files')
    args = ap.parse_args(argv)
    rep = sys.stderr if args.outdir is None else sys.stdout

    if args.check_file:
        bad = 0
        for p in args.check_file:
            notes = []
            c = check_file(p, notes)
            bad += print_check(p, c, notes, sys.stdout)
        return 1 if bad else 0

    if not args.inputs:
        ap.error('no input files')
    styles = ['mwt', 'pud'] if args.style == 'both' else [args.style]
    if args.outdir:
        os.makedirs(args.outdir, exist_ok=True)
    written = {s: [] for s in styles}
    problems = []
    conv = Counter()
    ud2 = None
    if args.ud2:
        data = args.names_data
        if data is None:
            data = default_name_data(args.inputs)
        ud2 = Ud2(NameLists(None if data in (None, '-') else data))
    all_sents = []
    for inp in args.inputs:
        sents = list(convert_file(inp, args.split_fused))
        if ud2 is not None:
            for s in sents:
                ud2.sentence(s)
        all_sents.extend(sents)
        for s in sents:
            conv['sentences'] += 1
            conv['words'] += len(s.words)
            conv['tokens'] += len(s.tokens)
            conv['multiword tokens'] += sum(1 for t in s.tokens if len(t) > 1)
            conv['fused words split'] += s.nsplit
            for w in s.words:
                if w.rule:
                    for r in w.rule.split(','):
                        conv['rule ' + r] += 1
            problems.extend('%s %s: %s' % (inp, s.sent_id, p) for p in s.problems)
        for style in styles:
            if args.outdir:
                path = output_name(inp, args.outdir, style, args.split_fused,
                                   args.ud2)
                with open(path, 'w', encoding='utf-8', newline='\n') as out:
                    doc_state = {}
                    for s in sents:
                        write_sentence(out, s, style, doc_state)
                written[style].append(path)
            elif style == styles[0]:
                doc_state = {}
                for s in sents:
                    write_sentence(sys.stdout, s, style, doc_state)
    rep.write('converted %d sentences, %d words into %d tokens (%d multiword)\n'
              % (conv['sentences'], conv['words'], conv['tokens'], conv['multiword tokens']))
    if args.split_fused:
        rep.write('  fused words split (--split-fused): %d\n' % conv['fused words split'])
    for k in sorted(k for k in conv if k.startswith('rule ')):
        rep.write('  spelling rule %-22s %5d\n' % (k[5:], conv[k]))
    if problems:
        rep.write('problems (%d):\n' % len(problems))
        for p in problems[:50]:
            rep.write('  ' + p + '\n')
    if args.report:
        ud2_report(all_sents, ud2, args.pud or args.compare_pud, rep)

    status = 0
    if args.check:
        if not args.outdir:
            ap.error('--check needs --outdir')
        for style in styles:
            for p in written[style]:
                notes = []
                c = check_file(p, notes)
                status |= print_check(p, c, notes, rep)
    main_files = written['mwt'] if 'mwt' in written else written.get('pud', [])
    if args.stats and main_files:
        toks = []
        for p in main_files:
            toks.extend(load_tokens(p)[1])
        print_seg_stats('converted PADT (%s)' % ', '.join(os.path.basename(p) for p in main_files),
                        segmentation_stats(toks), rep, top=100)
    if args.compare_pud:
        if not main_files:
            ap.error('--compare-pud needs --outdir')
        compare(args.compare_pud, main_files, rep)
    return status


def print_check(path, c, notes, out):
    out.write('\n== Invariant check: %s ==\n' % path)
    errs = sorted(k for k in c if k.startswith('ERR'))
    for k in sorted(k for k in c if not k.startswith('ERR')):
        out.write('  %-50s %d\n' % (k, c[k]))
    if errs:
        for k in errs:
            out.write('  %-50s %d\n' % (k, c[k]))
    else:
        out.write('  all invariants hold (FORM substring at its position, '
                  'concatenation == token, # text == tokens+spacing, '
                  'Restored explained by a rule, Vform consistent)\n')
    for n in notes[:20]:
        out.write(n + '\n')
    return 1 if errs else 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except BrokenPipeError:                 # e.g. piped into head
        sys.stderr.close()
        sys.exit(1)
