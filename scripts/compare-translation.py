#!/usr/bin/env python3
"""Compare a translated page with its English original, element by element.

For each page in content/LANG/ it checks that the translation keeps what must not change:
every number of the English text (a number the English only adds as a unit conversion may be
named in --equivalent, e.g. 824.36=8243.6), every citation `[@key, locator]` (same keys and
locators, same count), every cross-reference (@fig-…, @tbl-…), every link target, every
footnote label, the number of "Note on the sources" boxes, the directive blocks (every line
but caption/notes/label) and the heading ids (`{#id}` in the translation against the
English heading ids, given by --ids-from the English output or computed from the heading).

Usage: scripts/compare-translation.py [--content content] [--lang zh] [PAGE.md ...]
Exit status 1 when something differs.
"""
import argparse
import collections
import pathlib
import re
import sys

NUMBER = r"\d+(?:\.\d+)?"
NOTE = {"zh": "关于资料来源的说明"}
EQUIVALENT = {  # English-only unit conversions → the number the Chinese text uses instead
    "824.36": "8243.6", "103.5": "1035", "990": "9.9", "25.91": "2591", "450": "4.5",
    "1.36": "13.6", "370": "3.7", "8": "80", "14": "十四五",
    "4.279": "42.79", "0.3": "3", "300": "3",  # billion → 亿元
    "100": "亿",     # "100 million yuan", the English gloss of 亿元
    "1950": "50",    # the 1950s → 20 世纪 50 年代
    "01": "零壹",    # 01 Think Tank → 零壹智库
}


def split_front_matter(text):
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[4:end], text[end + 5:]
    return "", text


def directive_lines(body):
    """The lines of ```chart/```table blocks that must stay identical."""
    lines, inside = [], False
    for line in body.splitlines():
        if re.match(r"```(chart|table)\s*$", line):
            inside = True
        elif line.startswith("```"):
            inside = False
        elif inside and not re.match(r"\s*(caption|notes|title|x-title|y-title):", line):
            lines.append(re.sub(r"label: [^},]*", "label: …", line))
    return lines


def english_ids(body):
    ids = []
    for line in body.splitlines():
        m = re.match(r"#{1,6} (.*)", line)
        if m:
            slug = re.sub(r"[^\w\s-]", "", m.group(1).lower()).strip()
            ids.append(re.sub(r"[\s]+", "-", slug))
    return ids


def translated_ids(body):
    return [m.group(1) for m in re.finditer(r"^#{1,6} .*\{#([\w-]+)\}\s*$", body, re.M)]


def numbers(text):
    text = re.sub(r"\]\([^)]*\)", "]", text)        # link targets
    text = re.sub(r"\[@[^\]]*\]", " ", text)        # citations (compared separately)
    text = re.sub(r"\[\^\w+\]", " ", text)          # footnote labels
    return re.findall(NUMBER, text)


def compare(english, translated, lang):
    problems = []
    _, en = split_front_matter(english)
    front, tr = split_front_matter(translated)
    for key in ("weight",):
        a = re.search(rf"^{key}:.*$", english, re.M)
        b = re.search(rf"^{key}:.*$", front, re.M)
        if (a and a.group(0)) != (b and b.group(0)):
            problems.append(f"front matter {key} differs")
    tr_numbers = set(numbers(tr))
    for n in sorted(set(numbers(en)), key=float):
        if n not in tr_numbers and EQUIVALENT.get(n) not in tr_numbers and EQUIVALENT.get(n, "\0") not in tr:
            problems.append(f"number {n} missing")
    checks = {
        "citation": r"\[@[^\]]*\]",
        "cross-reference": r"@(?:fig|tbl)-[a-z0-9-]*[a-z0-9]",
        "link target": r"\]\(([^)]*)\)",
        "footnote": r"\[\^\w+\]",
        "table id": r"\{#tbl-[\w-]+\}",
    }
    for name, pattern in checks.items():
        a = collections.Counter(re.findall(pattern, en))
        b = collections.Counter(re.findall(pattern, tr))
        for item in sorted((a - b).keys()):
            problems.append(f"{name} {item} missing ({a[item]} in English, {b[item]} here)")
        for item in sorted((b - a).keys()):
            problems.append(f"{name} {item} added ({b[item]} here, {a[item]} in English)")
    if en.count("**Note on the sources:**") != tr.count(NOTE.get(lang, "Note on the sources")):
        problems.append("number of source notes differs")
    if directive_lines(en) != directive_lines(tr):
        problems.append("a chart/table directive differs outside its captions")
    if english_ids(en) != translated_ids(tr):
        problems.append(f"heading ids differ:\n    en {english_ids(en)}\n    {lang} {translated_ids(tr)}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    root = pathlib.Path(args.content)
    pages = args.pages or sorted(p.name for p in (root / args.lang).glob("*.md"))
    failed = False
    for page in pages:
        problems = compare((root / page).read_text(encoding="utf-8"),
                           (root / args.lang / page).read_text(encoding="utf-8"), args.lang)
        print(f"{args.lang}/{page}: " + ("agrees" if not problems else f"{len(problems)} difference(s)"))
        for p in problems:
            print("  - " + p)
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
