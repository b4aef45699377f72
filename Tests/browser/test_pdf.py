"""The PDF edition: `reportgen pdf` on the microsite with the real headless Chromium, checked with
poppler-utils (pdfinfo, pdftotext, pdffonts) and by reading the PDF's objects for its outline."""
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import ARTIFACTS, CHROMIUM, REPO, reportgen_binary


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    binary = reportgen_binary()
    if binary is None:
        pytest.skip("reportgen is not built")
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils is not installed; CI installs it")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed; CI installs it")
    output = tmp_path_factory.mktemp("pdf") / "output"
    result = subprocess.run([str(binary), "pdf", "--content", "content", "--output", str(output), "-q"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.copy(output / "report.pdf", ARTIFACTS / "report.pdf") if ARTIFACTS.is_dir() else None
    return output


def run(*arguments):
    return subprocess.run(list(arguments), capture_output=True, text=True, check=True).stdout


def test_pdf_pages_numbers_fonts_and_no_file_paths(pdf_site):
    pdf = pdf_site / "report.pdf"
    info = run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages >= 10, info
    assert re.search(r"^Tagged:\s+yes", info, re.M), info
    assert "A4" in re.search(r"^Page size:.*$", info, re.M).group(0), info
    assert "2000" in re.search(r"^CreationDate:.*$", info, re.M).group(0), "the creation date is not fixed"
    text = run("pdftotext", "-layout", str(pdf), "-")
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text, "no page numbers in the margins"
    assert "Internet Consumer Finance in China" in run("pdftotext", "-f", "2", "-l", "2", str(pdf), "-"), "no running title"
    assert "file://" not in text
    assert "Download the data" not in text, "download links are printed"
    lines = [l for l in run("pdffonts", str(pdf)).splitlines()[2:] if l.strip()]
    assert lines, "no fonts"
    not_embedded = [l for l in lines if l.split()[-5] != "yes"]
    assert not not_embedded, not_embedded
    # Every page holds text (no empty last page).
    last = run("pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-")
    assert len(last.split()) > 20, f"the last page is nearly empty: {last!r}"


def test_pdf_has_an_outline_and_no_file_links(pdf_site):
    data = (pdf_site / "report.pdf").read_bytes()
    streams = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    assert not any(b"file://" in s for s in streams), "a file:// path in the PDF"
    catalog = re.search(rb"/Type\s*/Catalog(.*?)endobj", data, re.S)
    assert catalog and re.search(rb"/Outlines\s+\d+\s+0\s+R", catalog.group(1)), "no document outline"
    titles = re.findall(rb"/Title\s*\(([^)]*)\)", data) + re.findall(rb"/Title\s*<([0-9A-Fa-f]+)>", data)
    assert len(titles) > 10, f"the outline has only {len(titles)} entries"


def test_every_page_links_the_pdf(pdf_site):
    pages = sorted(p for p in pdf_site.rglob("*.html") if p.name != "report-standalone.html")
    missing = [p.relative_to(pdf_site).as_posix() for p in pages if "report.pdf\"" not in p.read_text(encoding="utf-8")]
    assert not missing, missing


def test_pdf_is_the_same_for_the_same_input(pdf_site):
    """A second `reportgen pdf` over the same output writes the same bytes (Chromium's dates are fixed)."""
    first = (pdf_site / "report.pdf").read_bytes()
    result = subprocess.run([str(reportgen_binary()), "pdf", "--content", "content", "--output", str(pdf_site), "-q"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    second = (pdf_site / "report.pdf").read_bytes()
    if second != first and ARTIFACTS.is_dir():
        (ARTIFACTS / "report-first.pdf").write_bytes(first)
        (ARTIFACTS / "report-second.pdf").write_bytes(second)
    assert second == first, "two PDFs of the same input differ (kept in test-artifacts/report-first.pdf and report-second.pdf)"
