#!/usr/bin/env python3
"""Look for text copied from the source papers into content/.

Reports every run of 8 or more consecutive English words, and every run of 20 or more
consecutive Chinese characters, that appears both in a content file (pages, data files and
their metadata) and in one of the papers. Bibliographic titles (the paper's own title and the
entries of its reference list) are left out, since a citation must reproduce them.

Usage: scripts/check-copying.py [--content content] PAPER.txt [PAPER.txt ...]
Exit status 1 when a run is found, 0 otherwise.
"""
import argparse
import pathlib
import re
import sys

WORDS = 8
HAN = 20
HAN_CHAR = r"[\u3400-\u9fff\uf900-\ufaff]"


def english_words(text):
    """Lower-case words, with URLs, Markdown link targets and citation keys removed."""
    text = re.sub(r"https?://\S+|\]\([^)]*\)|@[\w:.-]+", " ", text)
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def han_text(text):
    """The Chinese characters of a text, in order, with everything else removed."""
    text = re.sub(r"https?://\S+", " ", text)
    return "".join(re.findall(HAN_CHAR, text))


def bibliographic_lines(paper_text):
    """What a citation may reproduce: the title block (title, author, affiliation: the first
    five non-empty lines), the reference list, and titles the paper quotes (its own English
    title appears in quotation marks in Wu's abstract)."""
    lines = [l for l in paper_text.splitlines() if l.strip()]
    allowed = lines[:5] + [" ".join(lines[:5])]
    allowed += [l for l in lines if re.match(r"\s*-?\s*\[\d+\]", l)]
    allowed += re.findall(r"\u201c([^\u201d]{1,200})\u201d", paper_text)
    return allowed


def shingles(seq, n):
    return {tuple(seq[i:i + n]) if isinstance(seq, list) else seq[i:i + n]
            for i in range(len(seq) - n + 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("papers", nargs="+")
    args = parser.parse_args()

    paper_words, paper_han, allowed_words = set(), set(), set()
    for path in args.papers:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        paper_words |= shingles(english_words(text), WORDS)
        paper_han |= shingles(han_text(text), HAN)
        for line in bibliographic_lines(text):
            allowed_words |= shingles(english_words(line), WORDS)
    copied_words = paper_words - allowed_words

    found = 0
    files = sorted(p for p in pathlib.Path(args.content).rglob("*")
                   if p.suffix in {".md", ".yml", ".yaml", ".csv", ".bib"})
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = english_words(line)
            hits = [i for i in range(len(words) - WORDS + 1) if tuple(words[i:i + WORDS]) in copied_words]
            if hits:
                found += 1
                start = hits[0]
                print(f"{path}:{number}: {WORDS}+ English words shared with a paper: "
                      f"\"{' '.join(words[start:start + WORDS])}…\"")
            han = han_text(line)
            hits = [i for i in range(len(han) - HAN + 1) if han[i:i + HAN] in paper_han]
            if hits:
                found += 1
                print(f"{path}:{number}: {HAN}+ Chinese characters shared with a paper: \"{han[hits[0]:hits[0] + HAN]}…\"")
    print(f"{len(files)} files checked against {len(args.papers)} papers: {found} line(s) with shared runs.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
