#!/usr/bin/env python3
"""pud_to_mwt.py - UD Arabic-PUD (surface segmentation, no multiword-token
lines) to the multiword-token CoNLL-U that khabar-train reads.

Consecutive words joined by SpaceAfter=No whose letters are Arabic form one
orthographic token (a clitic and its host); punctuation stays a token of its
own. PUD gives surface forms only, so each host gets a Restored= spelling
inferred from its lemma: ل+لسلطة (lemma سلطة) restores ال, زوجت+ه (lemma زوجة)
restores ة, علي+ه (lemma على) restores ى.

usage: pud_to_mwt.py PUD.conllu [--sentences A:B] > OUT.conllu
"""
import re
import sys

AR = re.compile(r"^[\u0621-\u064A\u0671-\u06D3\u0640\u064B-\u0652\u0670]+$")
DIAC = re.compile(r"[\u064B-\u0652\u0670\u0640`]")


def undiac(s):
    return DIAC.sub("", s)


def restored(host, lemma, after_lam, has_suffix):
    r = host
    lem = undiac(lemma)
    if after_lam and r.startswith("ل") and not lem.startswith("ل"):
        r = "ا" + r
    if has_suffix:
        if r.endswith("ت") and lem.endswith("ة"):
            r = r[:-1] + "ة"
        elif r.endswith("ي") and lem.endswith("ى"):
            r = r[:-1] + "ى"
        elif r.endswith("ا") and lem.endswith("ى"):
            r = r[:-1] + "ى"
    return r


def sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent
            sent = []
            continue
        sent.append(line)
    if sent:
        yield sent


def convert(lines):
    out = [l for l in lines if l.startswith("#")]
    words = [l.split("\t") for l in lines if not l.startswith("#")]
    words = [w for w in words if w[0].isdigit()]
    groups, cur = [], []
    for w in words:
        cur.append(w)
        joined = "SpaceAfter=No" in w[9]
        nxt = words[words.index(w) + 1] if words.index(w) + 1 < len(words) else None
        if not (joined and nxt and AR.match(undiac(w[1]) or "x") and
                AR.match(undiac(nxt[1]) or "x")):
            groups.append(cur)
            cur = []
    if cur:
        groups.append(cur)
    for g in groups:
        if len(g) > 1:
            out.append("%s-%s\t%s\t_\t_\t_\t_\t_\t_\t_\t_" %
                       (g[0][0], g[-1][0], "".join(w[1] for w in g)))
        for i, w in enumerate(g):
            w = list(w)
            if len(g) > 1 and i < len(g) - 1 or len(g) == 1:
                pass
            if len(g) > 1:
                prev_lam = i > 0 and g[i - 1][1] == "ل"
                suffix = i + 1 < len(g) and g[i + 1][3] == "PRON"
                r = restored(w[1], w[2], prev_lam, suffix)
                if r != w[1]:
                    w[9] = (w[9] + "|" if w[9] != "_" else "") + "Restored=" + r
            w[2] = undiac(w[2])
            out.append("\t".join(w))
    return out


def main():
    path = sys.argv[1]
    a, b = 0, 10 ** 9
    if "--sentences" in sys.argv:
        a, b = (int(x) for x in sys.argv[sys.argv.index("--sentences") + 1].split(":"))
    for i, s in enumerate(sentences(path)):
        if a <= i < b:
            print("\n".join(convert(s)) + "\n")


if __name__ == "__main__":
    main()
