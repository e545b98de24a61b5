#!/usr/bin/env python3
"""Group the segmentation and lemma errors of a system CoNLL-U file against
its gold file (PUD style: no range lines) by type, with counts and
examples: what to fix first.

Segmentation: the text is cut into the smallest regions where gold and
system word boundaries meet; a region is an error when its words differ.
Each error region gets one type:

  tokenizer          the region holds a digit, a punctuation mark or a
                     tatweel: number, date, punctuation or dash handling
  fused particle     gold splits a fused function word (مما = م + ما,
                     فيما, لذلك, عندما ...), the system keeps it whole
  missed proclitic   gold splits a proclitic off, the system does not
  missed suffix      gold splits a pronoun suffix off, the system does not
  proclitic on name  the system splits و ف ب ك ل س off a gold one-word
                     name (PROPN, X)
  proclitic on word  the same on any other word
  -ي on nisba adj.   the system splits ي (my) off an adjective in -ي
  suffix on name     the system splits a pronoun suffix off a name
  suffix on word     the same on any other word (verbs, nouns: ه ك نا ني)
  other              a wrong split point, or several errors in one region

Lemmas: every aligned word whose undiacritized lemma differs from gold
(the `Lemmas` figure of ud_score.py), one type each, in this order:

  spelling only      equal after alef/ya/ta folding (the LemmasF figure)
  ل+ال not restored  a host after ل starting with ل (لسلطة for السلطة)
  article kept       the system lemma keeps ال
  tanwin alef kept   the system lemma keeps the alef of -ًا (مختلفاً)
  verb               gold VERB: PUD lemmas are the perfect 3rd person
                     masculine singular (يحملون → حمل)
  pronoun            gold PRON
  function word      ADP, CCONJ, SCONJ, PART, DET, AUX, ADV
  proper noun        PROPN, X (mostly transliteration conventions)
  number             NUM
  broken plural      gold Number=Plur, the form has no sound plural ending
  sound plural/dual  gold Number=Plur or Dual, sound ending (ون ين ات,
                     duals): a wrong singular (طموحات → طموحة)
  over-stripped      the system cut a final ون ين ان ات ة off a singular
                     (الكربون → كرب)
  feminine kept      the system lemma ends in ة, gold's is masculine
                     (الكندية → كندي in PUD)
  other noun/adj     the rest

`F1 +` is what fixing every error of that type alone would add to Words
F1 (segmentation) or to Lemmas F1 (lemmas, on the words aligned now).

Usage:
  pud_errors.py GOLD SYSTEM [--examples N] [--json]
"""

import argparse
import json
import os
import sys
from collections import Counter, OrderedDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ud_score as U  # noqa: E402

PROCLITICS = {'و', 'ف', 'ب', 'ك', 'ل', 'س'}
ENCLITICS = {'ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ني', 'ي', 'ك', 'كم',
             'كما', 'كن'}
FUSED_HOSTS = {'ما', 'من', 'ذلك', 'ذا', 'لا', 'إن', 'أن', 'كي'}
FUSED_FIRST = {'م', 'ع', 'عن', 'من', 'في', 'عند', 'إل', 'عل', 'ك', 'ل'}
FUNCTION_UPOS = {'ADP', 'CCONJ', 'SCONJ', 'PART', 'DET', 'AUX', 'ADV',
                 'CONJ', 'INTJ'}

SEG_TYPES = ['tokenizer', 'fused particle', 'missed proclitic',
             'missed suffix', 'proclitic on name', 'proclitic on word',
             '-ي on nisba adj.', 'suffix on name', 'suffix on word', 'other']
LEMMA_TYPES = ['spelling only', 'ل+ال not restored', 'article kept',
               'tanwin alef kept', 'verb', 'pronoun', 'function word',
               'proper noun', 'number', 'broken plural', 'sound plural/dual',
               'over-stripped', 'feminine kept', 'other noun/adj']


def regions(gold, system):
    """Yield (start, end, gold words, system words) for the smallest
    regions where the word boundaries of both sides meet."""
    gw, sw = gold.words, system.words
    i = j = 0
    while i < len(gw) and j < len(sw):
        start = min(gw[i].start, sw[j].start)
        gs, ss = [gw[i]], [sw[j]]
        ge, se = gw[i].end, sw[j].end
        i += 1
        j += 1
        while ge != se:
            if ge < se:
                gs.append(gw[i])
                ge = gw[i].end
                i += 1
            else:
                ss.append(sw[j])
                se = sw[j].end
                j += 1
        yield start, ge, gs, ss


def plain(s):
    return U.undiacritize(s)


def seg_type(text, gs, ss):
    if any(not U.is_arabic_letter(ch) or ch == '\u0640' for ch in text):
        return 'tokenizer'
    g = [plain(w.form) for w in gs]
    s = [plain(w.form) for w in ss]
    if len(gs) > len(ss) and len(ss) == 1:
        if g[-1] in FUSED_HOSTS and (g[0] in FUSED_FIRST or len(gs) == 2
                                     and g[0] not in PROCLITICS):
            return 'fused particle'
        if g[0] in PROCLITICS or gs[0].upos in ('CCONJ', 'ADP') \
                and len(g[0]) == 1:
            return 'missed proclitic'
        if gs[-1].upos == 'PRON' or g[-1] in ENCLITICS:
            return 'missed suffix'
        return 'other'
    if len(gs) == 1 and len(ss) > 1:
        upos = gs[0].upos
        name = upos in ('PROPN', 'X')
        if s[0] in PROCLITICS and len(ss) >= 2 and \
                (len(ss) == 2 and s[-1] not in ENCLITICS or
                 all(p in PROCLITICS for p in s[:-1])):
            return 'proclitic on name' if name else 'proclitic on word'
        if s[-1] in ENCLITICS and len(ss) == 2:
            if name:
                return 'suffix on name'
            if s[-1] == 'ي' and (upos == 'ADJ' or
                                 plain(gs[0].lemma).endswith('ي')):
                return '-ي on nisba adj.'
            return 'suffix on word'
        return 'other'
    return 'other'


def strip_al(s):
    return s[2:] if s.startswith('ال') and len(s) > 3 else s


def lemma_type(g, s, prev_sys):
    gl, sl = plain(g.lemma), plain(s.lemma)
    fg, fs = U.fold(g.lemma), U.fold(s.lemma)
    form = plain(g.form)
    feats = set(g.feats.split('|'))
    if fg == fs:
        return 'spelling only'
    if (prev_sys is not None and plain(prev_sys.form) == 'ل' and
            not prev_sys.space_after and form.startswith('ل') and
            fs.startswith('ل') and not fg.startswith('ل')):
        return 'ل+ال not restored'
    if sl.startswith('ال') and not fg.startswith('ال'):
        return 'article kept'
    if (fs.endswith('ا') and fg == fs[:-1] and
            U.fold(strip_al(form)).endswith('ا')):
        return 'tanwin alef kept'
    if g.upos == 'VERB':
        return 'verb'
    if g.upos == 'PRON':
        return 'pronoun'
    if g.upos in FUNCTION_UPOS:
        return 'function word'
    if g.upos in ('PROPN', 'X'):
        return 'proper noun'
    if g.upos == 'NUM':
        return 'number'
    base = U.fold(strip_al(form))
    if 'Number=Plur' in feats or 'Number=Dual' in feats:
        if 'Number=Plur' in feats and not any(
                base.endswith(e) for e in ('ون', 'ين', 'ات', 'وا')):
            return 'broken plural'
        return 'sound plural/dual'
    if len(fs) < len(fg) and fg.startswith(fs):
        return 'over-stripped'
    if any(base.endswith(e) and fs == base[:-len(e)]
           for e in ('ون', 'ين', 'ان', 'ات', 'ه')):
        return 'over-stripped'
    if fs.endswith('ه') and not fg.endswith('ه'):
        return 'feminine kept'
    return 'other noun/adj'


def analyse(gold, system):
    seg = OrderedDict((t, {'regions': 0, 'gold_words': 0, 'sys_words': 0,
                           'examples': Counter()}) for t in SEG_TYPES)
    for start, end, gs, ss in regions(gold, system):
        if [(w.start, w.end) for w in gs] == [(w.start, w.end) for w in ss]:
            continue
        text = gold.chars[start:end]
        t = seg_type(text, gs, ss)
        d = seg[t]
        d['regions'] += 1
        gsp = {(w.start, w.end) for w in ss}
        ssp = {(w.start, w.end) for w in gs}
        d['gold_words'] += sum((w.start, w.end) not in gsp for w in gs)
        d['sys_words'] += sum((w.start, w.end) not in ssp for w in ss)
        d['examples'][text + ': ' + '+'.join(w.form for w in gs) + ' / ' +
                      '+'.join(w.form for w in ss)] += 1
    lem = OrderedDict((t, {'words': 0, 'examples': Counter()})
                      for t in LEMMA_TYPES)
    res, pairs = U.score(gold, system)
    prev = {}
    for k, w in enumerate(system.words):
        prev[id(w)] = system.words[k - 1] if k else None
    for g, s in pairs:
        if U.undiacritize(g.lemma) == U.undiacritize(s.lemma):
            continue
        t = lemma_type(g, s, prev[id(s)])
        lem[t]['words'] += 1
        lem[t]['examples'][plain(g.form) + ': ' + plain(g.lemma) + ' / ' +
                           plain(s.lemma)] += 1
    # What fixing one type alone would add to Words F1 / Lemmas F1.
    c, ng, ns = (res['Words'][k] for k in ('correct', 'gold', 'system'))
    f1 = 200.0 * c / (ng + ns)
    for d in seg.values():
        c2 = c + d['gold_words']
        ns2 = ns - d['sys_words'] + d['gold_words']
        d['f1_gain'] = 200.0 * c2 / (ng + ns2) - f1
    for d in lem.values():
        d['f1_gain'] = 200.0 * d['words'] / (ng + ns)
    return res, seg, lem


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('gold')
    ap.add_argument('system')
    ap.add_argument('--examples', type=int, default=8)
    ap.add_argument('--json', action='store_true')
    args = ap.parse_args(argv)
    gold, system = U.read_doc(args.gold), U.read_doc(args.system)
    if gold.inexact_mwt or system.inexact_mwt:
        sys.stderr.write('pud_errors.py: files with range lines whose words '
                         'are not substrings are not supported\n')
        return 1
    res, seg, lem = analyse(gold, system)
    if args.json:
        for d in list(seg.values()) + list(lem.values()):
            d['examples'] = d['examples'].most_common(args.examples)
        json.dump({'seg': seg, 'lemma': lem}, sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write('\n')
        return 0
    nseg = sum(d['regions'] for d in seg.values())
    print('Segmentation errors: %d regions (gold words missed %d, system '
          'words wrong %d)' % (nseg, sum(d['gold_words'] for d in
                                         seg.values()),
                               sum(d['sys_words'] for d in seg.values())))
    w = res['Words']
    print('  %-20s %7s %7s %7s %7s  examples (text: gold / system)'
          % ('type', 'regions', 'gold-w', 'sys-w', 'F1 +'))
    for t, d in sorted(seg.items(), key=lambda kv: -kv[1]['regions']):
        if not d['regions']:
            continue
        ex = ', '.join('%s%s' % (e, ' x%d' % n if n > 1 else '')
                       for e, n in d['examples'].most_common(args.examples))
        print('  %-20s %7d %7d %7d %7.2f  %s' % (
            t, d['regions'], d['gold_words'], d['sys_words'],
            d['f1_gain'], ex))
    nlem = sum(d['words'] for d in lem.values())
    print('Lemma errors on aligned words: %d (of %d aligned)'
          % (nlem, res['Words']['correct']))
    print('  %-20s %7s %7s  examples (form: gold / system)'
          % ('type', 'words', 'F1 +'))
    for t, d in sorted(lem.items(), key=lambda kv: -kv[1]['words']):
        if not d['words']:
            continue
        ex = ', '.join('%s%s' % (e, ' x%d' % n if n > 1 else '')
                       for e, n in d['examples'].most_common(args.examples))
        print('  %-20s %7d %7.2f  %s' % (t, d['words'], d['f1_gain'], ex))
    return 0


if __name__ == '__main__':
    sys.exit(main())
