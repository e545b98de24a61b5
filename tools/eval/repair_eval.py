#!/usr/bin/env python3
"""Measure glued-word repair (src/morph/repair.c) on synthetic data.

Data.  Articles of ANT (news/ant/*.part*.txt under --shared, each article a
`# DOCNO | TITLE` line and its text) are numbered in file order; the body
lines of article k are held apart for

    dev    k % MOD == 0             (fitted on, with the fit offsets)
    test   k % MOD == --test-offset (default MOD / 2; report this)

(MOD = --mod, default 20, so each set is 5 % of ANT, ~120k words).  In each
line, a gap between two words is "gluable" when it is one plain space and
both words are Arabic (letters and marks, leading or trailing punctuation
aside) with at least two letters each (a lone و or ب glued to its neighbour
is the normal spelling, not an error).  Each gluable gap is deleted with
probability --rate (default 0.05, seeded by --seed, + 1 for the test set),
so some tokens are three or four words run together.

Measures.  The corrupted text is written to --work (default /tmp/khabar-
repair) and run through a small C driver linked with build/libkhabar.a (its
source is in this file), which tokenizes it and calls kh_repair_token_ctx()
on every Arabic token, with the Arabic words right before and after it on
its line as its neighbours and its block of lines (up to an empty line) as
its doc, as kh_repairs() does.

  recall        deleted spaces restored: a split at exactly the byte where
                a space was deleted, over all deleted spaces
  wrong         splits inside a glued token where no space was deleted
  false/10k     splits proposed in tokens that were not glued, per 10,000
                untouched words (words not touching a deleted gap)
  us/token      time of kh_repair_token_ctx per Arabic token (--reps N repeats
                the loop to time it)

--curve adds recall and false splits at other thresholds (the best cut of
every token and its raw score, kh_repair_best).

Caveats: the lexicon's counts were built from these same corpora (ANT and
SaudiNewsNet), so the parts' counts include these sentences' own words
(the pairs and the letter model of data/repair.kbm leave the articles
k % 5 == 0 out).  And ANT has real glued words of its own (about 3 per
10,000 words): --natural FILE (default tools/eval/repair_natural.txt, their
hashes, judged by hand) counts their splits apart from the false ones, and
the raw figure is false + those; --show N lists the false splits to judge.
For text the lexicon has not seen, the examples (examples/*.txt, written by
us) are measured too: every gluable gap is deleted once, alone, in its
article (recall), and the clean text gives the false splits; the five glued
words the examples already hold (examples/README.md) are expected repairs,
not false splits.

Fitting.  --fit prints the weights of repair.c fitted on the articles of
the fit offsets together (--fit-offsets, default 0,5,15: the dev set and
the two other offsets held apart from the counts; each set corrupted with
--seed + its offset): a logistic regression over the features
kh_repair_visit() gives for each plausible cut, the right cut of a glued
token against its other cuts and every cut of untouched tokens, the tokens
of --natural aside; then the recall at several rates of false splits on
those articles with the threshold that gives each.  --dump FILE keeps the
driver's dumps (FILE.OFFSET).

Usage:
  repair_eval.py [--shared DIR] [--build DIR] [--set dev|test|both]
                 [--test-offset K] [--curve] [--show N] [--json]
  repair_eval.py --fit [--natural FILE] [--dump FILE]

Python 3 standard library and a C compiler.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

DRIVER = r'''
/* repair_driver.c - written by tools/eval/repair_eval.py */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "khabar.h"
#include "morph/repair.h"
#include "morph/segment.h"

static void put_letters(FILE *f, const uint32_t *cp, int n)
{
    char buf[4 * 64];
    fwrite(buf, 1, kh_seg_utf8(cp, n, buf), f);
}

typedef struct vctx { size_t start, end; } vctx;

/* R, the token's span, its parts, the split offsets, the score. */
static void put_repair(const kh_repair *rp, size_t start, size_t end)
{
    int k;
    printf("R\t%zu\t%zu\t%d\t", start, end, rp->n_parts);
    for (k = 0; k + 1 < rp->n_parts; k++)
        printf("%s%zu", k ? "," : "", rp->split[k]);
    printf("\t%d\n", (int)rp->score);
}

static int beside(const khabar_token *a, const khabar_token *b)
{
    return a->kind == KHABAR_TOK_ARABIC && b->kind == KHABAR_TOK_ARABIC &&
           (a->flags & KHABAR_TOKEN_SPACE_AFTER) &&
           !(a->flags & KHABAR_TOKEN_NEWLINE_AFTER) && a->end < b->start;
}

static void visit(void *ctx, const uint32_t *letters, int n,
                  const kh_repair_cand *c)
{
    vctx *v = ctx;
    int k;
    if (c->n_parts == 1) {
        printf("T\t%zu\t%zu\t", v->start, v->end);
        put_letters(stdout, letters, n);
        printf("\t%u\t%u\t%d\t%d\t%d\t%d\t%u\n", c->part[0].count,
               c->part[0].host, c->part[0].pre, c->part[0].enc,
               c->part[0].upos, c->part[0].host_upos, c->explained);
        return;
    }
    printf("C\t%zu\t%d\t", v->start, c->n_parts);
    for (k = 0; k + 1 < c->n_parts; k++)
        printf("%s%d", k ? "," : "", c->cut[k]);
    printf("\t");
    for (k = 0; k + 1 < c->n_parts; k++)
        printf("%s%zu", k ? "," : "", c->split[k]);
    for (k = 0; k < c->n_parts; k++)
        printf("\t%d,%u,%u,%d,%d,%d,%d", c->part[k].len, c->part[k].count,
               c->part[k].host, c->part[k].pre, c->part[k].enc,
               c->part[k].upos, c->part[k].host_upos);
    printf("\t%d\t", c->plausible);
    for (k = 0; c->plausible && k < KH_REPAIR_N_FEATURES; k++)
        printf("%s%.6g", k ? "," : "", c->f[k]);
    printf("\n");
}

int main(int argc, char **argv)
{
    FILE *f;
    char *text;
    long len;
    khabar_model *m;
    khabar_doc *d;
    khabar_options o = {.stages = KHABAR_STAGE_TOKENS};
    kh_norm morph;
    kh_repair_doc near;
    const khabar_token *t;
    size_t i, n, n_ar = 0;
    int reps = argc > 3 ? atoi(argv[3]) : 1, r;
    struct timespec a, b;
    if (argc < 3 || !(f = fopen(argv[2], "rb")))
        return 2;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)len + 1);
    if (!text || fread(text, 1, (size_t)len, f) != (size_t)len)
        return 2;
    fclose(f);
    m = khabar_model_new(NULL);
    d = khabar_analyze_opts(m, text, (size_t)len, &o, NULL);
    if (!m || !d)
        return 3;
    kh_norm_init(&morph, KH_NORM_MORPH, 1);
    t = khabar_doc_tokens(d);
    n = khabar_doc_token_count(d);
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (r = 0; r < reps; r++) {
        size_t first = 0, last = 0;
        kh_repair_doc_init(&near, text, t, 0);
        for (i = 0; i < n; i++) {
            kh_repair rp;
            kh_repair_ctx cx = {0};
            if (i == last) {
                /* A block of lines ending at an empty line is a doc. */
                kh_repair_doc_free(&near);
                for (first = last = i; last < n;) {
                    if (t[last++].flags & KHABAR_TOKEN_PARAGRAPH_AFTER)
                        break;
                }
                kh_repair_doc_init(&near, text, t + first, last - first);
            }
            if (t[i].kind != KHABAR_TOK_ARABIC)
                continue;
            cx.doc = &near;
            cx.token = i - first;
            /* The neighbours, as kh_repairs() finds them. */
            if (i > 0 && beside(&t[i - 1], &t[i])) {
                cx.prev_start = t[i - 1].start;
                cx.prev_end = t[i - 1].end;
            }
            if (i + 1 < n && beside(&t[i], &t[i + 1])) {
                cx.next_start = t[i + 1].start;
                cx.next_end = t[i + 1].end;
            }
            if (r == 0)
                n_ar++;
            if (strcmp(argv[1], "dump") == 0) {
                vctx v = {t[i].start, t[i].end};
                kh_repair_visit(m, &morph, text, t[i].start, t[i].end, &cx,
                                visit, &v);
            } else if (strcmp(argv[1], "best") == 0) {
                if (kh_repair_best(m, &morph, text, t[i].start, t[i].end,
                                   &cx, &rp) > 0 && r == 0)
                    put_repair(&rp, t[i].start, t[i].end);
            } else {
                if (kh_repair_token_ctx(m, &morph, text, t[i].start,
                                        t[i].end, &cx, &rp) > 0 && r == 0)
                    put_repair(&rp, t[i].start, t[i].end);
            }
        }
        kh_repair_doc_free(&near);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    fprintf(stderr, "tokens %zu arabic %zu seconds %.6f reps %d\n", n, n_ar,
            (double)(b.tv_sec - a.tv_sec) + 1e-9 * (b.tv_nsec - a.tv_nsec),
            reps);
    kh_norm_free(&morph);
    khabar_doc_free(d);
    khabar_model_free(m);
    free(text);
    return 0;
}
'''

# The glued words the examples hold (examples/README.md): word -> its parts.
EXAMPLE_GLUED = {
    'مدينةجنيف': ('مدينة', 'جنيف'),
    'ولايةنابل': ('ولاية', 'نابل'),
    'بيدرسنووزير': ('بيدرسن', 'ووزير'),
    'والكويتوعمان': ('والكويت', 'وعمان'),
    'والمغربوليبيا': ('والمغرب', 'وليبيا'),
}


def is_letter(ch):
    o = ord(ch)
    return 0x0620 <= o <= 0x064A or 0x066E <= o <= 0x06D3 or \
        0x06FA <= o <= 0x06FC


def is_mark(ch):
    o = ord(ch)
    return 0x064B <= o <= 0x065F or o == 0x0670 or o == 0x0640 or \
        0x06D6 <= o <= 0x06ED


def letters(word):
    return sum(1 for ch in word if is_letter(ch))


def arabic_word(word):
    """Arabic letters and marks only, starting with a letter."""
    return word != '' and all(is_letter(c) or is_mark(c) for c in word) \
        and is_letter(word[0])


def end_ok(word):
    """Ends with an Arabic letter, or marks after one."""
    i = len(word) - 1
    while i >= 0 and is_mark(word[i]):
        i -= 1
    return i >= 0 and is_letter(word[i])


LEAD = '«"\'(['
TRAIL = '.,،؛:!?؟»"\')]…'


def gluable(left, right):
    """Two whitespace words whose space may be deleted: the left one ends
    with an Arabic word, the right one starts with one (leading and trailing
    punctuation aside), each of at least two letters."""
    a = left.lstrip(LEAD)
    b = right.rstrip(TRAIL)
    return a != '' and b != '' and arabic_word(a) and arabic_word(b) and \
        end_ok(a) and letters(a) >= 2 and letters(b) >= 2


def read_ant(shared, mod, test_offset=None, offsets=()):
    """Body lines of the held-apart articles: {'dev': [...], 'test': [...]},
    and those of the articles k % mod == o under o for each o of offsets."""
    if test_offset is None:
        test_offset = mod // 2
    d = os.path.join(shared, 'news', 'ant')
    files = sorted(f for f in os.listdir(d) if '.part' in f and
                   f.endswith('.txt'))
    sets = {'dev': [], 'test': []}
    for o in offsets:
        sets[o] = []
    k = -1
    for name in files:
        with open(os.path.join(d, name), encoding='utf-8',
                  errors='replace') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.startswith('# '):
                    k += 1
                    continue
                if k < 0 or not line.strip():
                    continue
                if k % mod == 0:
                    sets['dev'].append(line)
                elif k % mod == test_offset:
                    sets['test'].append(line)
                if k % mod in sets:
                    sets[k % mod].append(line)
    return sets


def corrupt(lines, rate, seed):
    """Deletes gluable gaps at random. Returns (text, gaps, glued, words):
    gaps = byte offsets (in text) where a space was deleted; glued = list of
    (start, end) byte spans of tokens that hold deleted gaps (whitespace
    words); words = count of untouched words."""
    rng = random.Random(seed)
    out = bytearray()
    gaps, glued = [], []
    untouched = 0
    for line in lines:
        words = line.split(' ')
        joined = [False] * len(words)  # gap after word i deleted
        for i in range(len(words) - 1):
            if words[i] and words[i + 1] and gluable(words[i], words[i + 1]) \
                    and rng.random() < rate:
                joined[i] = True
        i = 0
        while i < len(words):
            start = len(out)
            j = i
            out += words[i].encode()
            while joined[j]:
                gaps.append(len(out))
                j += 1
                out += words[j].encode()
            if j > i:
                glued.append((start, len(out)))
            elif words[i]:
                untouched += 1
            i = j + 1
            if i < len(words):
                out += b' '
        out += b'\n'
    return bytes(out), gaps, glued, untouched


def build_driver(build, work):
    src = os.path.join(work, 'repair_driver.c')
    exe = os.path.join(work, 'repair_driver')
    lib = os.path.join(build, 'libkhabar.a')
    if not os.path.exists(lib):
        sys.exit('repair_eval: %s missing: run make first' % lib)
    with open(src, 'w') as f:
        f.write(DRIVER)
    cc = os.environ.get('CC', 'cc')
    subprocess.check_call([cc, '-std=c11', '-D_POSIX_C_SOURCE=200809L', '-O2',
                           '-I' + os.path.join(REPO, 'include'),
                           '-I' + os.path.join(REPO, 'src'), src, lib,
                           '-lm', '-o', exe])
    return exe


def run_driver(exe, mode, path, reps=1):
    p = subprocess.run([exe, mode, path, str(reps)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=True)
    stats = p.stderr.decode().split()
    info = {stats[i]: stats[i + 1] for i in range(0, len(stats) - 1, 2)}
    return p.stdout.decode(), info


def parse_repairs(out):
    """[(start, end, [split offsets], score)]"""
    reps = []
    for line in out.splitlines():
        f = line.split('\t')
        if f[0] != 'R':
            continue
        splits = [int(x) for x in f[4].split(',')]
        reps.append((int(f[1]), int(f[2]), splits, int(f[5])))
    return reps


MARKS = set(chr(c) for c in list(range(0x0610, 0x061B)) +
             list(range(0x064B, 0x0660)) + [0x0670, 0x0640] +
             list(range(0x06D6, 0x06EE)))


def morph_form(word):
    """Letters without marks or tatweel, as the --natural lists hold."""
    return ''.join(c for c in word if c not in MARKS)


def score(text, gaps, glued, untouched, reps, show=0, label='',
          natural=frozenset()):
    gapset = set(gaps)
    # Map each split to the glued span containing it, if any.
    spans = sorted(glued)
    import bisect
    starts = [s for s, _ in spans]

    def span_of(off):
        i = bisect.bisect_right(starts, off) - 1
        if i >= 0 and spans[i][0] < off < spans[i][1]:
            return spans[i]
        return None
    restored, wrong, false, nat = 0, 0, 0, 0
    false_list, wrong_list, nat_list = [], [], []
    found = set()
    for start, end, splits, sc in reps:
        for off in splits:
            if off in gapset:
                restored += 1
                found.add(off)
            elif span_of(off):
                wrong += 1
                wrong_list.append((start, end, splits, sc))
            elif is_natural(natural, morph_form(text[start:end].decode(
                    'utf-8', 'replace'))):
                nat += 1
                nat_list.append((start, end, splits, sc))
            else:
                false += 1
                false_list.append((start, end, splits, sc))
    missed = [g for g in gaps if g not in found]
    res = {
        'deleted': len(gaps),
        'restored': restored,
        'recall': restored / max(1, len(gaps)),
        'wrong': wrong,
        'untouched_words': untouched,
        'false': false,
        'false_per_10k': 10000.0 * false / max(1, untouched),
        'natural': nat,
    }
    if show:
        def word(s, e, splits):
            b = text[s:e]
            parts, prev = [], s
            for off in splits:
                parts.append(text[prev:off].decode('utf-8', 'replace'))
                prev = off
            parts.append(text[prev:e].decode('utf-8', 'replace'))
            return b.decode('utf-8', 'replace'), ' '.join(parts)
        print('-- %s false splits (%d)' % (label, len(false_list)))
        for s, e, sp, sc in false_list[:show]:
            w, r = word(s, e, sp)
            print('  %s -> %s  %d' % (w, r, sc))
        if natural:
            print('-- %s splits of words glued in the source (%d)'
                  % (label, len(nat_list)))
            for s, e, sp, sc in nat_list[:show]:
                w, r = word(s, e, sp)
                print('  %s -> %s  %d' % (w, r, sc))
        print('-- %s wrong splits (%d)' % (label, len(wrong_list)))
        for s, e, sp, sc in wrong_list[:show]:
            w, r = word(s, e, sp)
            print('  %s -> %s  %d' % (w, r, sc))
        print('-- %s missed (%d)' % (label, len(missed)))
        for g in missed[:show]:
            sp = span_of(g)
            w = text[sp[0]:sp[1]].decode('utf-8', 'replace')
            print('  %s | %s' % (text[sp[0]:g].decode('utf-8', 'replace'),
                                 text[g:sp[1]].decode('utf-8', 'replace')))
    return res


def curve(text, gaps, glued, untouched, out, thresholds, natural):
    """Recall and false splits per 10k at each threshold, from the best
    cut of every token (driver mode "best": raw scores x 1000)."""
    reps = parse_repairs(out)
    rows = []
    for th in thresholds:
        chosen = [r for r in reps if r[3] >= th * 1000]
        r = score(text, gaps, glued, untouched, chosen, natural=natural)
        rows.append((th, r['recall'], r['false_per_10k'], r['wrong']))
    return rows


def eval_ant(args, exe, name, lines):
    text, gaps, glued, untouched = corrupt(lines, args.rate,
                                           args.seed + (name == 'test'))
    path = os.path.join(args.work, 'ant-%s.txt' % name)
    with open(path, 'wb') as f:
        f.write(text)
    out, info = run_driver(exe, 'repair', path, args.reps)
    natural = read_natural(args.natural)
    res = score(text, gaps, glued, untouched, parse_repairs(out), args.show,
                name, natural)
    if args.curve:
        best, _ = run_driver(exe, 'best', path)
        res['curve'] = curve(text, gaps, glued, untouched, best,
                             [-3, -2.5, -2, -1.5, -1.02, -0.5, 0, 0.5, 1],
                             natural)
    res['arabic_tokens'] = int(info['arabic'])
    res['us_per_token'] = 1e6 * float(info['seconds']) / \
        max(1, int(info['arabic']) * int(info['reps']))
    res['lines'] = len(lines)
    res['glued_tokens'] = len(glued)
    return res


FEATURES = ['bias', 'base', 'minlv', 'len', 'three', 'four', 'cue_tm',
            'cue_ahb', 'al', 'suf', 'hostonly', 'minlen', 'expl', 'wcount',
            'pre', 'bad', 'fw_first', 'fw_last', 'ashift', 'pair', 'nopair',
            'prev', 'prev0', 'next', 'next0', 'lm', 'dwhole', 'dparts']
# (KH_REPAIR_FEATURE_NAMES)


def read_dump(out, gaps, natural):
    """Tokens with plausible cuts: [(kind, letters, [(features, splits)],
    gold splits)]; kind G (glued), N (listed in natural: glued in the
    source itself) or U (untouched)."""
    import bisect
    gaps = sorted(gaps)
    toks = {}
    for line in out.splitlines():
        f = line.split('\t')
        if f[0] == 'T':
            toks[int(f[1])] = [int(f[2]), f[3], []]
        elif f[0] == 'C' and f[-2] == '1':
            splits = [int(x) for x in f[4].split(',')]
            feats = [float(x) for x in f[-1].split(',')]
            if len(feats) != len(FEATURES):
                sys.exit('repair_eval: the dump has %d features, not %d'
                         % (len(feats), len(FEATURES)))
            toks[int(f[1])][2].append((feats, splits))
    data = []
    for start, (end, letters, cuts) in sorted(toks.items()):
        if not cuts:
            continue
        i = bisect.bisect_right(gaps, start)
        gold = []
        while i < len(gaps) and gaps[i] < end:
            gold.append(gaps[i])
            i += 1
        kind = 'G' if gold else 'N' if is_natural(natural, letters) else 'U'
        data.append((kind, letters, cuts, gold))
    return data


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(c + 1, n):
            k = m[r][c] / m[c][c]
            for j in range(c, n + 1):
                m[r][j] -= k * m[c][j]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        x[c] = (m[c][n] - sum(m[c][j] * x[j] for j in range(c + 1, n))) / \
            m[c][c]
    return x


def fit(data, l2=1.0, w_untouched=30.0, w_other=0.1, iters=25):
    """Weighted L2 logistic regression by Newton's method: the right cut of
    each glued token is positive; its other cuts (weight w_other) and every
    cut of an untouched token (weight w_untouched) negative."""
    import math
    rows = []
    for kind, _, cuts, gold in data:
        for feats, splits in cuts:
            if kind == 'G':
                right = splits == gold
                rows.append((feats, 1.0 if right else 0.0,
                             1.0 if right else w_other))
            elif kind == 'U':
                rows.append((feats, 0.0, w_untouched))
    d = len(FEATURES)
    w = [0.0] * d
    for _ in range(iters):
        g = [l2 * w[j] if j else 0.0 for j in range(d)]
        h = [[(l2 if i == j and i else 0.0) for j in range(d)]
             for i in range(d)]
        for x, y, wt in rows:
            z = sum(a * b for a, b in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            e = wt * (p - y)
            q = wt * p * (1 - p)
            for i in range(d):
                if x[i] == 0:
                    continue
                g[i] += e * x[i]
                qi = q * x[i]
                hi = h[i]
                for j in range(i, d):
                    hi[j] += qi * x[j]
        for i in range(d):
            for j in range(i):
                h[i][j] = h[j][i]
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(b) for b in step) < 1e-6:
            break
    return w


def fit_curve(data, w, n_gaps, untouched,
              fprs=(0.5, 0.6, 0.7, 0.8, 1, 1.5, 2, 3, 5)):
    """Recall at each rate of false splits per 10k untouched words (splits
    of tokens of kind N not counted), and the threshold that gives it."""
    best = []
    for kind, _, cuts, gold in data:
        feats, splits = max(cuts, key=lambda c: sum(
            a * b for a, b in zip(w, c[0])))
        best.append((sum(a * b for a, b in zip(w, feats)), kind, splits,
                     gold))
    best.sort(key=lambda r: -r[0])
    tp = fp = 0
    pts = []
    for sc, kind, splits, gold in best:
        if kind == 'G':
            tp += sum(1 for x in splits if x in gold)
        elif kind == 'U':
            fp += len(splits)
        pts.append((sc, tp / max(1, n_gaps), 1e4 * fp / max(1, untouched)))
    out = []
    for fpr in fprs:
        ok = [p for p in pts if p[2] <= fpr]
        if ok:
            p = max(ok, key=lambda p: p[1])
            out.append((fpr, p[1], p[0]))
    return out


def word_hash(word):
    """64-bit FNV-1a of the word's UTF-8, as 16 hex digits."""
    h = 14695981039346656037
    for c in word.encode('utf-8'):
        h = ((h ^ c) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return '%016x' % h


def read_natural(path):
    """The hashes of the words a --natural file lists: a line is a word
    (letters without marks) or the word_hash of one; '#' starts a
    comment."""
    if not path:
        return frozenset()
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#')[0].strip()
            if not line:
                continue
            if len(line) == 16 and all(c in '0123456789abcdef' for c in line):
                out.add(line)
            else:
                out.add(word_hash(line))
    return frozenset(out)


def is_natural(natural, word):
    return bool(natural) and word_hash(word) in natural


def run_fit(args, exe, sets, offsets):
    """Fits the weights on the articles of the fit offsets together, each
    set corrupted with the seed + its offset (the dev set as eval_ant
    corrupts it), and prints them with the thresholds."""
    natural = read_natural(args.natural)
    data, n_gaps, n_untouched = [], 0, 0
    for o in offsets:
        text, gaps, glued, untouched = corrupt(sets[o], args.rate,
                                               args.seed + o)
        path = os.path.join(args.work, 'ant-fit-%d.txt' % o)
        with open(path, 'wb') as f:
            f.write(text)
        out, _ = run_driver(exe, 'dump', path)
        if args.dump:
            with open('%s.%d' % (args.dump, o), 'w') as f:
                f.write(out)
        data += read_dump(out, gaps, natural)
        n_gaps += len(gaps)
        n_untouched += untouched
    w = fit(data)
    print('static const double weights[N_FEATURES] = {')
    for i, (name, x) in enumerate(zip(FEATURES, w)):
        print('    %.4f%s /* %s */' % (x, ',' if i + 1 < len(w) else ' ',
                                      name))
    print('};')
    for fpr, rec, th in fit_curve(data, w, n_gaps, n_untouched):
        print('fit sets (%s): %.1f false per 10k: recall %.2f%% at '
              'threshold %.2f' % (','.join(map(str, offsets)), fpr,
                                  100 * rec, th))


def eval_examples(args, exe):
    """Each gluable gap of the examples deleted once, in its article; the
    clean text."""
    ex = os.path.join(REPO, 'examples')
    docs = []
    for name in sorted(os.listdir(ex)):
        if name.endswith('.txt'):
            with open(os.path.join(ex, name), encoding='utf-8') as f:
                docs.append([l.rstrip('\n') for l in f if l.strip()])
    # Clean text: false splits, and the examples' own glued words. An
    # empty line ends each article: the driver takes it as a doc.
    clean = ''.join('\n'.join(lines) + '\n\n' for lines in docs).encode()
    path = os.path.join(args.work, 'examples-clean.txt')
    with open(path, 'wb') as f:
        f.write(clean)
    out, _ = run_driver(exe, 'repair', path)
    own_fixed, false, false_list = 0, 0, []
    untouched = 0
    for lines in docs:
        for line in lines:
            untouched += sum(1 for w in line.split(' ') if w)
    for s, e, splits, sc in parse_repairs(out):
        w = clean[s:e].decode()
        parts, prev = [], s
        for off in splits:
            parts.append(clean[prev:off].decode())
            prev = off
        parts.append(clean[prev:e].decode())
        if w in EXAMPLE_GLUED:
            if tuple(parts) == EXAMPLE_GLUED[w]:
                own_fixed += 1
            else:
                false += 1
                false_list.append((w, ' '.join(parts), sc))
        else:
            false += len(splits)
            false_list.append((w, ' '.join(parts), sc))
    untouched -= len(EXAMPLE_GLUED)
    # Glued pairs: for each gap, its article with that space deleted (the
    # gap's offset known), then an empty line.
    buf, gaps, spans = bytearray(), [], []
    for lines in docs:
        for k, line in enumerate(lines):
            words = line.split(' ')
            for i in range(len(words) - 1):
                a, b = words[i], words[i + 1]
                if not (a and b and gluable(a, b)) or a in EXAMPLE_GLUED or \
                        b in EXAMPLE_GLUED:
                    continue
                before = ''.join(l + '\n' for l in lines[:k]) + \
                    ''.join(w + ' ' for w in words[:i])
                after = ''.join(' ' + w for w in words[i + 2:]) + '\n' + \
                    ''.join(l + '\n' for l in lines[k + 1:])
                s = len(buf) + len(before.encode())
                buf += (before + a).encode()
                gaps.append(len(buf))
                buf += b.encode()
                spans.append((s, len(buf)))
                buf += (after + '\n').encode()
    path = os.path.join(args.work, 'examples-glued.txt')
    with open(path, 'wb') as f:
        f.write(bytes(buf))
    out, _ = run_driver(exe, 'repair', path)
    res = score(bytes(buf), gaps, spans, 0, parse_repairs(out), args.show,
                'examples')
    del res['untouched_words'], res['false'], res['false_per_10k']
    res['clean_words'] = untouched
    res['clean_false'] = false
    res['clean_false_per_10k'] = 10000.0 * false / max(1, untouched)
    res['own_glued_fixed'] = '%d/%d' % (own_fixed, len(EXAMPLE_GLUED))
    if args.show:
        print('-- examples: false splits in the clean text (%d)' % false)
        for w, r, sc in false_list:
            print('  %s -> %s  %d' % (w, r, sc))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', default=os.path.join(REPO, '..', 'shared',
                                                     'data'))
    ap.add_argument('--build', default=os.path.join(REPO, 'build'))
    ap.add_argument('--work', default='/tmp/khabar-repair')
    ap.add_argument('--set', default='both', choices=['dev', 'test', 'both'])
    ap.add_argument('--mod', type=int, default=20)
    ap.add_argument('--test-offset', type=int,
                    help='articles k with k %% MOD == this are the test set '
                    '(default MOD / 2)')
    ap.add_argument('--rate', type=float, default=0.05)
    ap.add_argument('--curve', action='store_true',
                    help='also recall and false splits at other thresholds')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--reps', type=int, default=1,
                    help='repeat the repair loop to time it')
    ap.add_argument('--show', type=int, default=0,
                    help='list up to N errors of each kind')
    ap.add_argument('--dump', help='write the dev set cuts here (with --fit)')
    ap.add_argument('--fit', action='store_true',
                    help='fit the weights of repair.c on the articles of the '
                    'fit offsets')
    ap.add_argument('--fit-offsets', default='0,5,15',
                    help='articles k with k %% MOD in this list are fitted on '
                    '(default 0,5,15: the dev set and the two other offsets '
                    'held apart from the counts, the test set aside)')
    ap.add_argument('--natural', default=os.path.join(HERE,
                                                      'repair_natural.txt'),
                    help='tokens (one a line: letters without marks, or '
                    'their word_hash) that the source itself has glued: not '
                    'counted against the fit, and their splits counted apart '
                    'from the false ones (default tools/eval/'
                    'repair_natural.txt; "" for none)')
    ap.add_argument('--json', action='store_true')
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    exe = build_driver(args.build, args.work)
    results = {}
    ant = os.path.join(args.shared, 'news', 'ant')
    if os.path.isdir(ant):
        t0 = time.time()
        offsets = [int(x) for x in args.fit_offsets.split(',')]
        test_offset = args.mod // 2 if args.test_offset is None \
            else args.test_offset
        if args.fit and test_offset in offsets:
            sys.exit('repair_eval: the test offset %d is a fit offset'
                     % test_offset)
        sets = read_ant(args.shared, args.mod, args.test_offset,
                        offsets if args.fit else ())
        names = ['dev', 'test'] if args.set == 'both' else [args.set]
        if args.fit:
            run_fit(args, exe, sets, offsets)
            return
        for name in names:
            results['ant-' + name] = eval_ant(args, exe, name, sets[name])
        results['seconds'] = round(time.time() - t0, 1)
    else:
        print('repair_eval: %s absent: ANT figures skipped' % ant,
              file=sys.stderr)
    results['examples'] = eval_examples(args, exe)
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return
    for name, r in results.items():
        if not isinstance(r, dict):
            continue
        if name.startswith('ant'):
            print('%-9s recall %.2f%% (%d/%d)  wrong %d  false %d in %d '
                  'untouched words = %.2f per 10k%s  (%.1f us/token over %d '
                  'arabic tokens)' % (
                      name, 100 * r['recall'], r['restored'], r['deleted'],
                      r['wrong'], r['false'], r['untouched_words'],
                      r['false_per_10k'],
                      ' (+%d of words glued in the source)' % r['natural']
                      if args.natural else '', r['us_per_token'],
                      r['arabic_tokens']))
            for th, rec, fal, wr in r.get('curve', []):
                print('          threshold %5.2f: recall %.2f%%  false %.2f '
                      'per 10k  wrong %d' % (th, 100 * rec, fal, wr))
        else:
            print('%-9s recall %.2f%% (%d/%d)  wrong %d  clean text: false '
                  '%d in %d words = %.1f per 10k; own glued words fixed %s' % (
                      name, 100 * r['recall'], r['restored'], r['deleted'],
                      r['wrong'], r['clean_false'], r['clean_words'],
                      r['clean_false_per_10k'], r['own_glued_fixed']))


if __name__ == '__main__':
    main()
