#!/usr/bin/env python3
"""Stemming figures: conflation of word families, and agreement with the
stems of other stemmers' test sets.

  * families.tsv (ours): the share of families whose forms all get one
    stem (overall and by type), and the share of `apart` pairs that get two
    different stems, for khabar's `stem` command and, when its driver is
    given, for Snowball's Arabic stemmer (libstemmer);
  * Lucene's ArabicStemFilter and ArabicNormalizationFilter tests and the
    Benzahia golden corpus (--lucene, --benzahia): how often khabar's stem
    (or normalized form) equals their expected one.  Their conventions are
    not khabar's: this is a report, not a target.  Both sides are compared
    after search folding (diacritics off, أ إ آ → ا, ى → ي, ة → ه), the form
    khabar's stems are in.

Usage:
  stem_score.py --khabar BUILD/khabar [--snowball DRIVER] \
      [--families tools/eval/families.tsv] [--lucene DIR] [--benzahia DIR] \
      [--json] [--failures]

The Snowball driver reads words one a line and prints one stem a line.
Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import OrderedDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ud_score import fold  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


# -------------------------------------------------------------- stemmers ---

def khabar_lines(khabar, command, words, extra=()):
    """Run `khabar COMMAND --format jsonl` on words, one a line; return the
    output for each word (the stems of its tokens, space-joined)."""
    text = ''.join(w + '\n' for w in words).encode('utf-8')
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w.encode('utf-8')) + 1
    out = subprocess.run([khabar, command, '--format', 'jsonl'] +
                         list(extra), input=text, stdout=subprocess.PIPE,
                         check=True).stdout.decode('utf-8')
    import bisect
    res = [[] for _ in words]
    for line in out.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        k = bisect.bisect_right(starts, obj['start']) - 1
        res[k].append(obj['stem'])
    return [' '.join(r) for r in res]


def khabar_stems(khabar, words):
    return khabar_lines(khabar, 'stem', words)


def khabar_normalize(khabar, words):
    text = ''.join(w + '\n' for w in words).encode('utf-8')
    out = subprocess.run([khabar, 'normalize'], input=text,
                         stdout=subprocess.PIPE, check=True).stdout
    lines = out.decode('utf-8').split('\n')
    return lines[:len(words)]


def driver_stems(driver, words):
    text = ''.join(w + '\n' for w in words).encode('utf-8')
    out = subprocess.run([driver], input=text, stdout=subprocess.PIPE,
                         check=True).stdout.decode('utf-8').split('\n')
    if len(out) < len(words):
        raise SystemExit('stem_score.py: %s gave %d lines for %d words'
                         % (driver, len(out), len(words)))
    return out[:len(words)]


# -------------------------------------------------------------- families ---

def read_families(path):
    fams, apart = [], []
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            if cols[0] == 'family' and len(cols) >= 4:
                fams.append((cols[1], cols[2], cols[3].split()))
            elif cols[0] == 'apart' and len(cols) >= 3:
                apart.append((cols[1], cols[2],
                              cols[3] if len(cols) > 3 else ''))
            else:
                raise SystemExit('%s:%d: bad line' % (path, lineno))
    return fams, apart


def family_scores(fams, apart, stem):
    """stem: dict word -> stem.  Returns figures and failures."""
    by_type = OrderedDict()
    fails = []
    for fid, ftype, forms in fams:
        stems = OrderedDict()
        for w in forms:
            stems.setdefault(stem[w], []).append(w)
        ok = len(stems) == 1
        t = by_type.setdefault(ftype, [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok:
            fails.append({'family': fid, 'type': ftype,
                          'stems': [[s, ws] for s, ws in stems.items()]})
    kept = 0
    apart_fails = []
    for a, b, note in apart:
        if stem[a] != stem[b]:
            kept += 1
        else:
            apart_fails.append({'pair': [a, b], 'stem': stem[a],
                                'note': note})
    total_ok = sum(v[0] for v in by_type.values())
    return {
        'families': len(fams),
        'families_conflated': total_ok,
        'by_type': {k: {'conflated': v[0], 'families': v[1]}
                    for k, v in by_type.items()},
        'apart': len(apart),
        'apart_kept': kept,
        'family_failures': fails,
        'apart_failures': apart_fails,
    }


# ------------------------------------------------------------ test sets ---

def read_lucene(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 3:
                rows.append((cols[1], cols[2]))
    return rows


def agreement(pairs, got):
    exact = sum(g == e for (w, e), g in zip(pairs, got))
    folded = sum(fold(g) == fold(e) for (w, e), g in zip(pairs, got))
    misses = [[w, e, g] for (w, e), g in zip(pairs, got)
              if fold(g) != fold(e)]
    return {'n': len(pairs), 'exact': exact, 'folded': folded,
            'misses': misses}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--khabar', required=True)
    ap.add_argument('--snowball', help='Snowball driver (words -> stems)')
    ap.add_argument('--families', default=os.path.join(HERE, 'families.tsv'))
    ap.add_argument('--lucene', help='lucene-tests directory')
    ap.add_argument('--benzahia', help='benzahia-golden directory')
    ap.add_argument('--json', action='store_true')
    ap.add_argument('--failures', action='store_true',
                    help='list every failure (text output)')
    args = ap.parse_args(argv)

    fams, apart = read_families(args.families)
    words = sorted({w for _, _, forms in fams for w in forms} |
                   {w for a, b, _ in apart for w in (a, b)})
    stemmers = OrderedDict()
    stemmers['khabar'] = dict(zip(words, khabar_stems(args.khabar, words)))
    if args.snowball:
        stemmers['snowball'] = dict(zip(words,
                                        driver_stems(args.snowball, words)))
    res = {'families': OrderedDict((name, family_scores(fams, apart, st))
                                   for name, st in stemmers.items())}

    tests = OrderedDict()
    if args.lucene:
        stem_rows = read_lucene(os.path.join(args.lucene,
                                             'arabic_stem_filter.tsv'))
        norm_rows = read_lucene(os.path.join(
            args.lucene, 'arabic_normalization_filter.tsv'))
        ws = [w for w, _ in stem_rows]
        t = {'khabar': agreement(stem_rows, khabar_stems(args.khabar, ws))}
        if args.snowball:
            t['snowball'] = agreement(stem_rows,
                                      driver_stems(args.snowball, ws))
        tests['lucene-stem'] = t
        ws = [w for w, _ in norm_rows]
        tests['lucene-normalize'] = {
            'khabar': agreement(norm_rows, khabar_normalize(args.khabar, ws))}
    if args.benzahia:
        with open(os.path.join(args.benzahia, 'golden_corpus_arabic.json'),
                  encoding='utf-8') as f:
            gold = json.load(f)
        rows = [(g['word'], g['stem']) for g in gold]
        ws = [w for w, _ in rows]
        t = {'khabar': agreement(rows, khabar_stems(args.khabar, ws))}
        if args.snowball:
            t['snowball'] = agreement(rows, driver_stems(args.snowball, ws))
        tests['benzahia'] = t
    res['tests'] = tests

    if args.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write('\n')
        return 0
    for name, r in res['families'].items():
        print('%s: %d/%d families conflated, %d/%d apart pairs kept apart'
              % (name, r['families_conflated'], r['families'],
                 r['apart_kept'], r['apart']))
        for t, v in r['by_type'].items():
            print('  %-8s %d/%d' % (t, v['conflated'], v['families']))
        if args.failures:
            for fl in r['family_failures']:
                print('  family %s (%s): %s' % (
                    fl['family'], fl['type'], ' | '.join(
                        '%s: %s' % (s, ' '.join(ws)) for s, ws in fl['stems'])))
            for fl in r['apart_failures']:
                print('  apart %s / %s -> %s' % (fl['pair'][0], fl['pair'][1],
                                                 fl['stem']))
    for name, t in tests.items():
        for who, a in t.items():
            print('%s %s: %d/%d exact, %d/%d folded' % (
                name, who, a['exact'], a['n'], a['folded'], a['n']))
            if args.failures:
                for w, e, g in a['misses'][:30]:
                    print('  %s expected %s got %s' % (w, e, g))
    return 0


if __name__ == '__main__':
    sys.exit(main())
