#!/usr/bin/env python3
"""Print the `make eval` table from the JSON files tools/eval/run.sh wrote.

Usage:
  report.py DIR [--shared DIR]

DIR holds whichever of these exist: pud.json (ud_score.py --json on
pud-dev-250), pud-errors.json (pud_errors.py --json), padt-b.json (the
same on PADT part b), stem.json (stem_score.py --json), seed.conllu
(khabar conllu on the seed article) and seed.path (where the article is),
repair.json (repair_eval.py --set test --json), notes.txt (one line per
skipped part).  Python 3 standard library only.
"""

import argparse
import json
import os
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ud_score as U  # noqa: E402

GOALS = {'Words': 99.0, 'Lemmas': 94.0, 'LemmasF': 94.0}
W = 78


def load(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return None
    with open(p, encoding='utf-8') as f:
        return json.load(f)


def line(label, khabar='', other='', goal=''):
    print(('  %-44s %11s %9s  %s' % (label, khabar, other, goal)).rstrip())


def goal_text(key, value):
    if key not in GOALS:
        return ''
    g = GOALS[key]
    return '>= %-5g %s' % (g, 'met' if value >= g else 'NOT MET')


def ud_section(title, res, goals):
    print(title)
    for key, label in (('Tokens', 'Tokens F1'), ('Words', 'Words F1'),
                       ('Sentences', 'Sentences F1'),
                       ('Lemmas', 'Lemmas F1, undiacritized'),
                       ('LemmasF', 'Lemmas F1, alef/ya/ta folded'),
                       ('UPOS', 'UPOS F1')):
        if key not in res:
            if key == 'UPOS':
                line(label, '-', '', '(UPOS is not filled yet)')
            continue
        d = res[key]
        f1 = d['f1']
        extra = ''
        if key in ('Lemmas', 'LemmasF'):
            extra = '  aligned acc. %.2f' % d['aligned_accuracy']
        g = goal_text(key, f1) if goals else ''
        line(label, '%.2f' % f1, '', (g + extra).strip())
    t = res.get('TokenRange')
    if t:
        line('TokenRange (bytes) = FORM', '%d/%d' % (t['words'] - t['bad'],
                                                     t['words']), '',
             'first wrong: ' + t['first'] if t['first'] else 'all exact')


def pct(a, b):
    return '%.1f%%' % (100.0 * a / b) if b else '-'


TYPE_LABELS = [('clitic', 'clitics, article, spelling'),
               ('number', 'sound plurals, duals'),
               ('broken', 'broken plurals (lemma territory)'),
               ('verb', 'verb inflection (lemma territory)')]


def stem_section(st):
    fams = st['families']
    k = fams['khabar']
    s = fams.get('snowball')
    print('Stemming: word families (tools/eval/families.tsv)')
    line('', 'khabar', 'Snowball')
    line('families fully conflated (%d)' % k['families'],
         pct(k['families_conflated'], k['families']),
         pct(s['families_conflated'], s['families']) if s else 'n/a')
    for t, label in TYPE_LABELS:
        if t not in k['by_type']:
            continue
        a = k['by_type'][t]
        b = s['by_type'][t] if s else None
        line('  %s (%d)' % (label, a['families']),
             pct(a['conflated'], a['families']),
             pct(b['conflated'], b['families']) if b else 'n/a')
    line('must-not pairs kept apart (%d)' % k['apart'],
         pct(k['apart_kept'], k['apart']),
         pct(s['apart_kept'], s['apart']) if s else 'n/a')
    tests = st.get('tests', {})
    if tests:
        print('Stemming: agreement with other test sets (other conventions:'
              ' a report, not a goal)')
        labels = {'lucene-stem': 'Lucene ArabicStemFilter tests',
                  'lucene-normalize': 'Lucene normalization tests '
                                      '(normalize)',
                  'benzahia': 'Benzahia golden corpus stems'}
        for name, t in tests.items():
            a = t['khabar']
            b = t.get('snowball')
            line('%s (%d)' % (labels.get(name, name), a['n']),
                 pct(a['folded'], a['n']),
                 pct(b['folded'], b['n']) if b else '')


REPAIR_GOALS = {'recall': 95.0, 'false': 1.0}


def repair_section(rep):
    t = rep.get('ant-test')
    if t:
        print('Glued words: ANT test articles, %d spaces deleted at random '
              '(repair_eval.py)' % t['deleted'])
        rec = 100.0 * t['recall']
        g = REPAIR_GOALS['recall']
        line('spaces restored (recall)', '%.2f%%' % rec, '',
             '>= %g%%  %s' % (g, 'met' if rec >= g else 'NOT MET'))
        fal = t['false_per_10k']
        g = REPAIR_GOALS['false']
        line('false splits per 10,000 untouched words', '%.2f' % fal, '',
             '<= %g    %s' % (g, 'met' if fal <= g else 'NOT MET'))
        raw = 1e4 * (t['false'] + t['natural']) / max(1, t['untouched_words'])
        line('  with ANT\'s own glued words (%d) counted' % t['natural'],
             '%.2f' % raw, '', '(repair_natural.txt)')
        line('splits of glued tokens at no deleted space', str(t['wrong']))
    e = rep.get('examples')
    if e:
        line('examples: each space deleted in its article',
             '%.2f%%' % (100.0 * e['recall']), '',
             'clean: %d false, own glued %s'
             % (e['clean_false'], e['own_glued_fixed']))


def stem_failures(st):
    k = st['families']['khabar']
    if k['family_failures']:
        print('khabar stem: families not conflated')
        for fl in k['family_failures']:
            print('  %-13s %-7s %s' % (fl['family'], fl['type'], ' | '.join(
                '%s <- %s' % (s, ' '.join(ws)) for s, ws in fl['stems'])))
    if k['apart_failures']:
        print('khabar stem: must-not pairs given one stem')
        print('  ' + ', '.join('%s/%s -> %s' % (f['pair'][0], f['pair'][1],
                                                f['stem'])
                               for f in k['apart_failures']))
    s = st['families'].get('snowball')
    if s and s['apart_failures']:
        print('Snowball: must-not pairs given one stem')
        print('  ' + ', '.join('%s/%s -> %s' % (f['pair'][0], f['pair'][1],
                                                f['stem'])
                               for f in s['apart_failures']))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('dir')
    ap.add_argument('--shared', default='')
    args = ap.parse_args(argv)
    d = args.dir
    print('=' * W)
    print('khabar evaluation (make eval)   data: %s' % args.shared)
    print('  %-44s %11s %9s  %s' % ('', 'khabar', '', 'goal (issue)'))
    print('-' * W)
    pud = load(d, 'pud.json')
    if pud:
        ud_section('UD Arabic-PUD dev, pud-dev-250: %d sentences, %d words '
                   '(never trained on)' % (pud['Sentences']['gold'],
                                           pud['Words']['gold']), pud, True)
    padt = load(d, 'padt-b.json')
    if padt:
        ud_section('PADT part b, converted: %d sentences, %d words (SEEN: the '
                   'segmenter trained on it)' % (padt['Sentences']['gold'],
                                                 padt['Words']['gold']),
                   padt, False)
    seed_c = os.path.join(d, 'seed.conllu')
    if os.path.exists(seed_c):
        doc = U.read_doc(seed_c)
        with open(os.path.join(d, 'seed.path'), encoding='utf-8') as f:
            t = U.check_ranges(f.read().strip(), doc)
        split = sum(len(tok.words) > 1 for tok in doc.tokens)
        print('Seed article (seed/article.txt; no gold)')
        line('sentences / tokens / words', '%d/%d/%d' % (
            len(doc.sentences), len(doc.tokens), len(doc.words)))
        line('tokens split into clitics', pct(split, len(doc.tokens)))
        line('TokenRange (bytes) = FORM', '%d/%d' % (t['words'] - t['bad'],
                                                     t['words']), '',
             'first wrong: ' + t['first'] if t['first'] else 'all exact')
    rep = load(d, 'repair.json')
    if rep:
        print('-' * W)
        repair_section(rep)
    st = load(d, 'stem.json')
    if st:
        print('-' * W)
        stem_section(st)
    errs = load(d, 'pud-errors.json')
    if errs:
        print('-' * W)
        print('pud-dev-250 errors by type (details: %s)'
              % os.path.join(d, 'pud-errors.txt'))
        seg = sorted(((v['regions'], k) for k, v in errs['seg'].items()
                      if v['regions']), reverse=True)
        lem = sorted(((v['words'], k) for k, v in errs['lemma'].items()
                      if v['words']), reverse=True)
        for head, items in (('segmentation: ', seg), ('lemma:        ', lem)):
            print(textwrap.fill(', '.join('%s %d' % (k, n) for n, k in items),
                                W, initial_indent='  ' + head,
                                subsequent_indent=' ' * (2 + len(head))))
    notes = os.path.join(d, 'notes.txt')
    if os.path.exists(notes):
        with open(notes, encoding='utf-8') as f:
            for n in f:
                print('note: ' + n.rstrip())
    print('=' * W)
    if st:
        stem_failures(st)
    return 0


if __name__ == '__main__':
    sys.exit(main())
