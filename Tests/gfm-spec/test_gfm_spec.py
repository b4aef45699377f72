"""The GitHub Flavored Markdown spec of the cmark-gfm we link, as a permanent test (issue 22).

Every example of `spec.txt` becomes one page of a site built with the real `reportgen build`; the
page's HTML is compared with the spec's after both pass through cmark's own `normalize.py`.
Two sites are built from the same pages:

* `raw_html: true`: what the spec's examples assume (cmark-gfm's spec run passes raw HTML through);
* `raw_html: false`: the default, what a site gets unless it opts in.

The examples that differ on purpose are listed below with their reason. The test fails when an
unlisted example differs, when a listed one matches (take it off the list), and when a listed
one differs for some other reason too: undoing its stated difference must give the spec's HTML.

Each page has a title in its front matter, so an opening `# Heading` stays in the body (issue 22,
item 2). The build runs with `--test-only-unchecked-links`, which keeps every URL as written: the
spec's links (`/url`, `foo`, `#bar`) name nothing in the site, and the real build would rewrite
or reject them. The theme in `theme/` lays out a page as its body alone.

Run: `make spec-test` (part of `make test`), or `python3 -m pytest -q Tests/gfm-spec` after
`swift build -c release` (`REPORTGEN=path` picks another binary).
"""
import difflib
import os
import re
import subprocess
import warnings
from pathlib import Path
from typing import Callable, NamedTuple, Optional

import pytest

with warnings.catch_warnings():
    # normalize.py is cmark's file unchanged; newer Pythons warn about its '\s' and '\<' escapes.
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    from normalize import normalize_html

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SPEC = HERE / "spec.txt"
THEME = HERE / "theme"
# What `spec.txt` holds: 673 examples, 2 of them marked `disabled` (not run by cmark-gfm either).
EXAMPLE_COUNT = 671


class Example(NamedTuple):
    number: int
    section: str
    markdown: str
    html: str


def read_examples(path: Path) -> list[Example]:
    """The examples of a spec file: a line of 32 backticks and `example`, the Markdown, a line
    holding `.`, the HTML, 32 backticks. `→` stands for a tab. Numbered as the spec numbers them."""
    fence = "`" * 32
    examples, number, section = [], 0, ""
    part, markdown, html, disabled = None, [], [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith(fence + " example"):
            part, markdown, html = "markdown", [], []
            disabled = "disabled" in stripped.split()[1:]
        elif stripped == fence and part is not None:
            number += 1
            if not disabled:
                examples.append(Example(number, section, "".join(markdown).replace("→", "\t"),
                                        "".join(html).replace("→", "\t")))
            part = None
        elif part == "markdown" and stripped == ".":
            part = "html"
        elif part == "markdown":
            markdown.append(line)
        elif part == "html":
            html.append(line)
        elif re.match(r"#+ ", line):
            section = line.lstrip("#").strip()
    return examples


EXAMPLES = read_examples(SPEC)


# Deliberate differences -------------------------------------------------------------------------
# Each reason says why we differ and how to undo the difference in our HTML: a listed example must
# give the spec's HTML once undone, so it cannot start differing in some other way unnoticed.

class Reason(NamedTuple):
    why: str
    undo: Optional[Callable[[str], str]]  # None: the difference cannot be undone (text omitted)
    # With no undo: a pattern our HTML must hold, showing the listed difference is the one there.
    signature: str = re.escape("<!-- raw HTML omitted -->")


TAG_FILTER = Reason(
    "GFM's tag filter is always on for the author's raw HTML (TagFilter.swift): '<script', '<style' "
    "become '&lt;script', '&lt;style'; the spec applies it only in its 'tagfilter' example",
    lambda html: re.sub(r"&lt;(/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext))",
                        r"<\1", html, flags=re.IGNORECASE))
STYLE_ALIGNMENT = Reason(
    "table cells are aligned with style=\"text-align: …\" (CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES), "
    "not the obsolete align attribute, which the HTML checker rejects",
    lambda html: re.sub(r'style="text-align: (left|center|right)"', r'align="\1"', html))
AUTOLINK_ON = Reason(
    "the autolink extension is on for every page; the spec runs these core examples without it",
    lambda html: re.sub(r'<a href="(?:mailto:)?([^"]*)">\1</a>', r"\1", html))
RAW_HTML_OFF = Reason(
    "raw HTML is omitted unless site.yml says 'raw_html: true' (the default): each piece becomes "
    "'<!-- raw HTML omitted -->'",
    None)

RAW_HTML_FILTER = Reason(
    "with 'raw_html: true' the author's tags are read and written again (RawHTMLFilter.swift): a tag "
    "not closed where it starts is shown as text ('&lt;div'), a URL attribute is kept only when plainly "
    "safe (a character reference before its first '/' could spell a scheme, so '&ouml;' drops the href), "
    "and '<', '>' inside attribute values are escaped",
    None,
    r"&lt;div|<a>|&lt;em&gt;")

# In the raw_html: true site only: examples the raw HTML filter changes.
RAW_HTML_FILTERED_EXAMPLES: set[int] = {
    126, 127, 128,     # HTML blocks: a '<div' tag not closed on its line becomes text
    327,               # Entity and numeric character references: '<a href="&ouml;&ouml;.html">' loses its href
    635,               # Raw HTML: '<em>' inside a quoted attribute value is escaped
    650,               # Raw HTML: '<a href="&ouml;">' loses its href
}

# In both sites. Examples by number, as in spec.txt (its section in the comment).
DIFFERS_ON_PURPOSE: dict[int, Reason] = {
    140: TAG_FILTER,       # HTML blocks: <script type="text/javascript"> block
    141: TAG_FILTER,       # HTML blocks: <style type="text/css"> block
    142: TAG_FILTER,       # HTML blocks: unclosed <style> block
    145: TAG_FILTER,       # HTML blocks: <style> block followed by a paragraph
    147: TAG_FILTER,       # HTML blocks: <script> block ending on its closing line
    199: STYLE_ALIGNMENT,  # Tables (extension): centre- and right-aligned columns
    610: AUTOLINK_ON,      # Autolinks: '<http://foo.bar/baz bim>' (spaces: not a core autolink)
    614: AUTOLINK_ON,      # Autolinks: '<foo\+@bar.example.com>' (escapes: not a core autolink)
    616: AUTOLINK_ON,      # Autolinks: '< http://foo.bar >'
    619: AUTOLINK_ON,      # Autolinks: bare 'http://example.com'
    620: AUTOLINK_ON,      # Autolinks: bare 'foo@bar.example.com'
}

# In the raw_html: false site only: every example with raw HTML in it.
RAW_HTML_OFF_EXAMPLES: set[int] = {
    *range(118, 161),  # HTML blocks: the whole section (118-160)
    170,               # Link reference definitions: '[foo]: <bar>(baz)' leaves an inline tag
    288, 289,          # Lists: an HTML comment '<!-- -->' separating two lists
    317,               # Backslash escapes: no escapes inside a raw '<a href="/bar\/)">'
    327,               # Entity and numeric character references: entities inside a raw '<a href>'
    354,               # Code spans: a raw '<a href="`">' beats the code span
    484, 485, 486,     # Emphasis and strong emphasis: a raw tag beats the emphasis
    500, 503,          # Links: '<foo' and '<b>' left as raw tags by invalid link destinations
    532, 544,          # Links: a raw tag beats the link text (inline and reference links)
    632, 633, 634, 635, 636, 642, 644, 647, 648, 649, 650, 651,  # Raw HTML: the section's examples with valid tags
    653,               # Disallowed Raw HTML (extension): the tag filter's own example
    663, 664,          # Hard line breaks: none inside a raw '<a href>' tag
}

SITES = {"raw-html": True, "default": False}


def expected_difference(site: str, number: int) -> Optional[Reason]:
    if site == "default" and number in RAW_HTML_OFF_EXAMPLES:
        return RAW_HTML_OFF
    if site == "raw-html" and number in RAW_HTML_FILTERED_EXAMPLES:
        return RAW_HTML_FILTER
    return DIFFERS_ON_PURPOSE.get(number)


# Building -------------------------------------------------------------------------------------

def reportgen_binary() -> Path:
    if os.environ.get("REPORTGEN"):
        return Path(os.environ["REPORTGEN"]).resolve()
    built = [c for c in (REPO / ".build/release/reportgen", REPO / ".build/debug/reportgen") if c.is_file()]
    if not built:
        pytest.fail("no reportgen binary: run `swift build -c release` (or set REPORTGEN)")
    return max(built, key=lambda c: c.stat().st_mtime)


def page_name(number: int) -> str:
    return f"example-{number:03d}"


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory) -> dict[str, dict[int, str]]:
    """Each site's HTML of every example, by site and example number."""
    binary = reportgen_binary()
    pages: dict[str, dict[int, str]] = {}
    for site, raw_html in SITES.items():
        project = tmp_path_factory.mktemp(site)
        content = project / "content"
        content.mkdir()
        # The spec's examples expect straight quotes and dashes: smart punctuation (on by default) is off.
        (content / "site.yml").write_text(f"title: GFM spec\noptions:\n  raw_html: {str(raw_html).lower()}\n  smart_punctuation: false\n",
                                          encoding="utf-8")
        for example in EXAMPLES:
            (content / f"{page_name(example.number)}.md").write_text(
                f"---\ntitle: Example {example.number}\n---\n{example.markdown}", encoding="utf-8")
        result = subprocess.run([str(binary), "build", "--content", str(content), "--output", str(project / "output"),
                                 "--theme", str(THEME), "--quiet", "--test-only-unchecked-links"],
                                cwd=project, capture_output=True, text=True)
        assert result.returncode == 0, f"building the {site} site failed:\n{result.stdout}\n{result.stderr}"
        pages[site] = {example.number: (project / "output" / page_name(example.number) / "index.html").read_text(encoding="utf-8")
                       for example in EXAMPLES}
    return pages


def without_heading_ids(html: str) -> str:
    """Our headings carry ids (anchors for links and the table of contents); the spec's do not."""
    return re.sub(r'<(h[1-6]) id="[^"]*"', r"<\1", html)


def explain(example: Example, expected: str, ours: str) -> str:
    diff = "\n".join(difflib.unified_diff(re.split("(?=<)", expected), re.split("(?=<)", ours), "spec", "ours", lineterm="", n=2))
    return f"example {example.number} ({example.section}):\n--- markdown\n{example.markdown}--- spec vs ours (normalized)\n{diff}"


# Tests ----------------------------------------------------------------------------------------

def test_the_spec_holds_every_example():
    assert len(EXAMPLES) == EXAMPLE_COUNT
    assert set(DIFFERS_ON_PURPOSE) | RAW_HTML_OFF_EXAMPLES <= {example.number for example in EXAMPLES}


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: str(example.number))
def test_example(built_pages, site, example):
    ours = without_heading_ids(built_pages[site][example.number])
    expected = normalize_html(example.html)
    reason = expected_difference(site, example.number)
    if reason is None:
        assert normalize_html(ours) == expected, explain(example, expected, normalize_html(ours))
        return
    assert normalize_html(ours) != expected, \
        f"example {example.number} now matches the spec in the {site} site: take it off the list ({reason.why})"
    if reason.undo is not None:
        undone = normalize_html(reason.undo(ours))
        assert undone == expected, f"differs for more than its listed reason ({reason.why}):\n" + explain(example, expected, undone)
    else:
        assert re.search(reason.signature, ours), f"listed as '{reason.why}' but shows no sign of it"
