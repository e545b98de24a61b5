#!/usr/bin/env python3
"""Compare the UPOS conventions of converted PADT with UD Arabic-PUD.

For every lemma and every frequent word form, print the UPOS distribution
in converted PADT (output of tools/padt_convert.py, with or without --ud2)
next to the one in a PUD file, and list where they disagree, sorted by PUD
frequency.  This is the evidence behind the `--ud2` tag mapping of
padt_convert.py (docs/padt-conversion.md, "UD v2 tags").

Keys are normalized on both sides: diacritics and tatweel removed, the `
that PUD writes in some lemmas removed, ٱ (alef wasla) written ا, and
Arabic-Indic digits written as ASCII digits.

Sections (all by default, or pick some with --section):
  upos     the UPOS distribution of both corpora
  confuse  PUD tag x majority PADT tag of the same lemma, weighted by PUD
           occurrences (where the conventions differ, in one table)
  lemma    lemma table: PUD and PADT distributions where the majority tags
           differ (--all: every lemma)
  form     the same for undiacritized forms
  xpos     PADT detailed tag (first XPOS letter + UPOS) x the PUD tags of
           the same lemmas
  misc     PADT MISC hints (Gloss capitalized, Foreign, TagGuess, Ud2 rule)
           x the PUD tags of the same lemmas
  context  the contexts the tag rules of --ud2 use, counted in both
           corpora: sentence-initial words, vocalized أن/إن/لكن, the word
           before إن, كان/ليس by relation, the features of DET words
  baseline most-frequent-tag-per-form baseline trained on PADT, scored on
           PUD (gold segmentation; unknown forms -> NOUN)

Python 3 standard library only; output is deterministic.

usage: pos_compare.py --pud PUD.conllu PADT-CONVERTED.conllu...
           [--section lemma,form,...] [--min-pud N] [--min-form N]
           [--top N] [--all]
           [--tag UPOS]
"""

import argparse
import re
import sys
from collections import Counter, defaultdict

DIAC_RE = re.compile('[\u064B-\u0652\u0670\u0640`]')
FORM_DIAC_RE = re.compile('[\u064B-\u0652\u0670\u0640]')
DIGITS = str.maketrans('٠١٢٣٤٥٦٧٨٩', '0123456789')
FOLD = str.maketrans('٠١٢٣٤٥٦٧٨٩،؛؟', '0123456789,;?')


def norm(s):
    """Comparison key of a form or lemma."""
    u = DIAC_RE.sub('', s).replace('ٱ', 'ا').translate(DIGITS)
    return u if u else s


def read_words(path):
    """Yield sentences as lists of word rows (10 columns); range and empty
    nodes are skipped."""
    sent = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) != 10 or '-' in cols[0] or '.' in cols[0]:
                continue
            sent.append(cols)
    if sent:
        yield sent


def misc_dict(misc):
    d = {}
    if misc not in ('_', ''):
        for it in misc.split('|'):
            if '=' in it:
                k, v = it.split('=', 1)
                d.setdefault(k, v)
    return d


def fmt(c, n=6):
    items = sorted(c.items(), key=lambda x: (-x[1], x[0]))
    s = ' '.join('%s:%d' % kv for kv in items[:n])
    if len(items) > n:
        s += ' …'
    return s or '-'


def top(c):
    return sorted(c.items(), key=lambda x: (-x[1], x[0]))[0][0] if c else None


def pct(a, b):
    return 100.0 * a / b if b else 0.0


class Corpus:
    def __init__(self, paths):
        self.sents = []
        for p in paths:
            self.sents.extend(read_words(p))
        self.words = [w for s in self.sents for w in s]
        self.by_lemma = defaultdict(Counter)
        self.by_form = defaultdict(Counter)
        for w in self.words:
            self.by_lemma[norm(w[2])][w[3]] += 1
            self.by_form[norm(w[1])][w[3]] += 1


def section_upos(pud, padt, out, args):
    out.write('== UPOS distribution ==\n')
    cp = Counter(w[3] for w in pud.words)
    ca = Counter(w[3] for w in padt.words)
    out.write('  %-6s %14s %16s\n' % ('UPOS', 'PUD', 'PADT'))
    for k in sorted(set(cp) | set(ca), key=lambda k: (-pct(cp[k], len(pud.words))
                                                      - pct(ca[k], len(padt.words)), k)):
        out.write('  %-6s %6d %5.2f%% %7d %5.2f%%\n'
                  % (k, cp[k], pct(cp[k], len(pud.words)),
                     ca[k], pct(ca[k], len(padt.words))))
    out.write('  %-6s %6d %14d\n\n' % ('all', len(pud.words), len(padt.words)))


def section_confuse(pud, padt, out, args):
    """PUD tag x the majority PADT tag of the word's lemma (or form when the
    lemma is not in PADT)."""
    out.write('== PUD tag x majority PADT tag of the same lemma (PUD occurrences) ==\n')
    m = defaultdict(Counter)
    via = Counter()
    for w in pud.words:
        k = norm(w[2])
        c = padt.by_lemma.get(k)
        if c:
            via['lemma'] += 1
        else:
            c = padt.by_form.get(norm(w[1]))
            via['form' if c else 'unseen'] += 1
        m[w[3]][top(c) if c else '(unseen)'] += 1
    same = sum(m[t][t] for t in m)
    out.write('  PUD words whose PADT majority tag (by lemma, else by form) is '
              'the PUD tag: %d of %d (%.1f%%); looked up by lemma %d, by form '
              '%d, unseen %d\n' % (same, len(pud.words), pct(same, len(pud.words)),
                                  via['lemma'], via['form'], via['unseen']))
    for t in sorted(m, key=lambda t: (-sum(m[t].values()), t)):
        n = sum(m[t].values())
        out.write('  %-6s %5d  same %5.1f%%   %s\n' % (t, n, pct(m[t][t], n), fmt(m[t], 8)))
    out.write('\n')


def table(name, pud_idx, padt_idx, out, args, min_pud=1):
    rows = []
    for k, c in pud_idx.items():
        n = sum(c.values())
        if n < min_pud:
            continue
        if args.tag and args.tag not in c:
            continue
        a = padt_idx.get(k, Counter())
        tp, ta = top(c), top(a)
        # share of PUD occurrences the PADT majority tag would get right
        agree = c[ta] if ta else 0
        if not args.all and tp == ta and agree == n:
            continue
        rows.append((-n, k, c, a, agree))
    rows.sort(key=lambda r: (r[0], r[1]))
    lost = sum(-r[0] - r[4] for r in rows)
    out.write('== %s: PUD vs PADT UPOS (%s; sorted by PUD frequency) ==\n'
              % (name, 'all' if args.all else 'where the PADT majority tag '
                 'is not the PUD tag of every occurrence'))
    out.write('  %d rows; PUD occurrences not matched by the PADT majority tag: %d\n'
              % (len(rows), lost))
    out.write('  %-14s %5s %5s  %-40s | %s\n' % ('key', 'PUD', 'miss', 'PUD tags', 'PADT tags'))
    for r in rows[:args.top]:
        n = -r[0]
        out.write('  %-14s %5d %5d  %-40s | %s\n' % (r[1], n, n - r[4], fmt(r[2]), fmt(r[3])))
    out.write('\n')


def section_lemma(pud, padt, out, args):
    table('Lemmas', pud.by_lemma, padt.by_lemma, out, args, args.min_pud)


def section_form(pud, padt, out, args):
    table('Forms (seen at least %d times in PUD)' % args.min_form,
          pud.by_form, padt.by_form, out, args, args.min_form)


def hint_table(title, keyfn, pud, padt, out, args):
    """PADT words grouped by keyfn(word) x the PUD tags of their lemmas."""
    groups = defaultdict(Counter)       # hint -> PADT UPOS
    lemmas = defaultdict(Counter)       # hint -> lemma counts
    for w in padt.words:
        h = keyfn(w)
        if h is None:
            continue
        groups[h][w[3]] += 1
        lemmas[h][norm(w[2])] += 1
    out.write('== %s ==\n' % title)
    out.write('  %-24s %6s  %-28s  %-34s  %s\n'
              % ('hint', 'PADT', 'PADT tags', 'PUD tags of these lemmas', 'PADT lemmas'))
    for h in sorted(groups, key=lambda h: (-sum(groups[h].values()), h)):
        pt = Counter()
        for lm in lemmas[h]:
            pt.update(pud.by_lemma.get(lm, Counter()))
        out.write('  %-24s %6d  %-28s  %-34s  %s\n'
                  % (h, sum(groups[h].values()), fmt(groups[h], 3), fmt(pt, 4),
                     fmt(lemmas[h], 5)))
    out.write('\n')


def section_xpos(pud, padt, out, args):
    hint_table('PADT XPOS class (first letter) + UPOS x PUD tags of the same lemmas',
               lambda w: '%s %s' % (w[4][:1], w[3]), pud, padt, out, args)


def gloss_hint(w):
    md = misc_dict(w[9])
    out = []
    g = [x for x in md.get('Gloss', '').split(',') if x]
    if not g:
        out.append('no Gloss')
    elif all(x[:1].isupper() for x in g):
        out.append('Gloss capitalized')
    elif g[0][:1].isupper():
        out.append('Gloss partly capitalized')
    else:
        out.append('Gloss lowercase')
    if 'Foreign=' in w[5]:
        out.append('Foreign')
    for key in ('TagGuess', 'SegGuess'):
        if key in md:
            out.append(key)
    if 'Ud2' in md:
        out.append('Ud2=' + md['Ud2'].split(',')[0])
    return ' '.join(sorted(set(out)))


def section_misc(pud, padt, out, args):
    hint_table('PADT MISC/FEATS hints x PUD tags of the same lemmas',
               gloss_hint, pud, padt, out, args)


def form_key(s, fold=False):
    """Baseline key: the undiacritized form (as tools/padt_convert.py
    --report); fold: Arabic-Indic digits and ، ؛ ؟ written as ASCII."""
    u = FORM_DIAC_RE.sub('', s) or s
    return u.translate(FOLD) if fold else u


def baseline(padt_sents, pud_sents, skip_guess=False, fold=False):
    """Most-frequent-tag-per-form baseline trained on converted PADT,
    scored on PUD (gold segmentation).  Unknown forms get NOUN; ties go to
    the alphabetically first tag.  Returns (correct, total, known)."""
    lex = defaultdict(Counter)
    for s in padt_sents:
        for w in s:
            if skip_guess and 'TagGuess=Yes' in w[9]:
                continue
            lex[form_key(w[1], fold)][w[3]] += 1
    best = {f: top(c) for f, c in lex.items()}
    ok = n = known = 0
    for s in pud_sents:
        for w in s:
            f = form_key(w[1], fold)
            n += 1
            if f in best:
                known += 1
            if best.get(f, 'NOUN') == w[3]:
                ok += 1
    return ok, n, known


def section_baseline(pud, padt, out, args):
    out.write('== Most-frequent-tag-per-form baseline (train: PADT, test: PUD) ==\n')
    for skip in (False, True):
        for fold in (False, True):
            ok, n, known = baseline(padt.sents, pud.sents, skip, fold)
            out.write('  %-28s %-30s %d / %d = %.2f%% (forms known: %d)\n'
                      % ('skipping TagGuess words' if skip else 'all PADT words',
                         'digits/،؛؟ folded to ASCII' if fold else 'undiacritized forms',
                         ok, n, pct(ok, n), known))
    out.write('\n')


def vocalized(w):
    """The vocalized form: PUD FORM/LEMMA keep the vowels, converted PADT
    keeps the original form in MISC Vform."""
    return misc_dict(w[9]).get('Vform', w[1])


def section_context(pud, padt, out, args):
    """The contexts the --ud2 rules use, counted in both corpora."""
    out.write('== Contexts used by the --ud2 rules ==\n')

    def first_word(s):
        for i, w in enumerate(s):
            if w[3] != 'PUNCT':
                return i
        return None

    def clause_words(s):
        """Indices of the sentence-initial word and of the word after a
        sentence-initial و/ف."""
        i = first_word(s)
        if i is None:
            return set()
        res = {i}
        if norm(s[i][1]) in ('و', 'ف') and i + 1 < len(s):
            res.add(i + 1)
        return res

    keys = ('و', 'ف', 'لكن', 'كما', 'ثم', 'إن', 'أن', 'أو')
    for name, corpus in (('PUD', pud), ('PADT', padt)):
        init, other = defaultdict(Counter), defaultdict(Counter)
        for s in corpus.sents:
            cw = clause_words(s)
            fi = first_word(s)
            for i, w in enumerate(s):
                k = norm(w[1])
                if k not in keys:
                    continue
                where = init if (i == fi or (i in cw and k != 'و')) else other
                where[k][w[3]] += 1
        out.write('  %s: sentence-initial (after only punctuation, or after an '
                  'initial و/ف) vs elsewhere\n' % name)
        for k in keys:
            out.write('    %-4s initial: %-26s elsewhere: %s\n'
                      % (k, fmt(init[k]), fmt(other[k])))
    for name, corpus, col in (('PUD lemma', pud, 2), ('PADT form', padt, None)):
        c = defaultdict(Counter)
        for w in corpus.words:
            k = norm(w[2])
            if k in ('أن', 'إن', 'لكن', 'كأن'):
                v = w[col] if col is not None else vocalized(w)
                c[k + (' (shadda)' if '\u0651' in v else ' (no shadda)')][w[3]] += 1
        out.write('  %s vocalization x UPOS: %s\n' % (name, '; '.join(
            '%s %s' % (k, fmt(c[k])) for k in sorted(c))))
    for name, corpus in (('PUD', pud), ('PADT', padt)):
        c = defaultdict(Counter)
        for s in corpus.sents:
            fi = first_word(s)
            for i, w in enumerate(s):
                if norm(w[2]) == 'إن' and '\u0651' in (w[2] if corpus is pud else vocalized(w)):
                    prev = norm(s[i - 1][1]) if i > 0 else '^'
                    where = ('sentence-initial' if i == fi else
                             'after و/ف' if prev in ('و', 'ف') else 'elsewhere')
                    c[where][w[3]] += 1
        out.write('  %s إنّ by position: %s\n' % (name, '; '.join(
            '%s %s' % (k, fmt(c[k])) for k in sorted(c))))
    for name, corpus in (('PUD', pud), ('PADT', padt)):
        c = defaultdict(Counter)
        for s in corpus.sents:
            kids = defaultdict(set)
            for w in s:
                kids[w[6]].add(w[7])
            for w in s:
                if norm(w[2]) in ('كان', 'ليس'):
                    rel = w[7] if w[7] in ('cop', 'aux') else (
                        'has xcomp' if 'xcomp' in kids[w[0]] else 'other')
                    c[norm(w[2]) + ' ' + rel][w[3]] += 1
        out.write('  %s كان/ليس by relation: %s\n' % (name, '; '.join(
            '%s %s' % (k, fmt(c[k])) for k in sorted(c))))
    for name, corpus in (('PUD', pud), ('PADT', padt)):
        c = defaultdict(Counter)
        for w in corpus.words:
            k = norm(w[2])
            if k in ('كل', 'بعض', 'أحد', 'عدة', 'أي', 'أغلب'):
                d = dict(x.split('=', 1) for x in w[5].split('|')) if w[5] != '_' else {}
                c[k][w[3] + '/' + d.get('Definite', '-')] += 1
        out.write('  %s quantifiers UPOS/Definite: %s\n' % (name, '; '.join(
            '%s %s' % (k, fmt(c[k])) for k in sorted(c))))
    out.write('\n')


SECTIONS = {'upos': section_upos, 'confuse': section_confuse,
            'lemma': section_lemma, 'form': section_form,
            'xpos': section_xpos, 'misc': section_misc,
            'context': section_context, 'baseline': section_baseline}
ORDER = ['upos', 'confuse', 'lemma', 'form', 'xpos', 'misc', 'context', 'baseline']


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('padt', nargs='+', help='converted PADT CoNLL-U file(s)')
    ap.add_argument('--pud', required=True, help='PUD CoNLL-U file')
    ap.add_argument('--section', default=','.join(ORDER),
                    help='comma-separated sections: ' + ', '.join(ORDER))
    ap.add_argument('--min-pud', type=int, default=1,
                    help='only lemmas seen at least N times in PUD (default 1)')
    ap.add_argument('--min-form', type=int, default=2,
                    help='only forms seen at least N times in PUD (default 2)')
    ap.add_argument('--top', type=int, default=150, help='rows per table')
    ap.add_argument('--all', action='store_true',
                    help='list agreeing keys too')
    ap.add_argument('--tag', help='only keys that PUD tags with this UPOS')
    args = ap.parse_args(argv)
    pud = Corpus([args.pud])
    padt = Corpus(args.padt)
    out = sys.stdout
    out.write('PUD: %s (%d words); PADT: %s (%d words)\n\n'
              % (args.pud, len(pud.words), ', '.join(args.padt), len(padt.words)))
    for s in args.section.split(','):
        s = s.strip()
        if s not in SECTIONS:
            ap.error('unknown section %s' % s)
        SECTIONS[s](pud, padt, out, args)
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
