"""Reading on every screen and on paper (issue 15): header and title placement at 390/1024/1280 px,
tables that never widen their box without a scroll of their own, the stand-alone report's CSV
links working when the file travels alone, and the current section marked in the contents."""
import base64
import re
import shutil
import time
from pathlib import Path

import pytest

from test_site import emulate, open_page, page_url, screenshot, set_viewport

READING_FACTS = r"""
const header = document.querySelector('.site-header').getBoundingClientRect();
const h1 = document.querySelector('main h1').getBoundingClientRect();
function scrolls(element) {
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth - 1) return true;
  }
  return false;
}
const tables = [...document.querySelectorAll('main table')].filter(t => t.getClientRects().length > 0).map(t => {
  const box = t.closest('.table-scroll') || t.parentElement;
  const own = t.getBoundingClientRect();
  const room = box.getBoundingClientRect();
  return {id: (t.closest('figure') || t).id || t.className, wider: own.width > room.width + 1 || t.scrollWidth > t.clientWidth + 1,
          scrolls: scrolls(t)};
});
const toc = document.querySelector('.page-toc-inline');
return {
  header: header.height, h1Top: h1.top, h1Bottom: h1.bottom,
  tocAfterTitle: toc ? !!(h1.bottom <= toc.getBoundingClientRect().top + 1) : null,
  tocOpen: toc ? toc.querySelector('details').open : null,
  width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
  tables: tables,
};
"""


@pytest.mark.parametrize("width", [390, 1024, 1280])
def test_header_title_and_tables_fit(driver, site_page, width):
    name, folder, page = site_page
    emulate(driver)
    set_viewport(driver, width)
    open_page(driver, page_url(folder, page))
    facts = driver.execute_script(READING_FACTS)
    problems = []
    if width >= 1024 and facts["header"] > 80:
        problems.append(f"header is {facts['header']:.0f}px tall (at most 80 from 1024px)")
    if width < 1024:
        if facts["header"] > 120:
            problems.append(f"phone header is {facts['header']:.0f}px tall")
        if facts["h1Bottom"] > 900 * 0.5:
            problems.append(f"the title ends {facts['h1Bottom']:.0f}px down, below half the first screen")
        if facts["tocAfterTitle"] is False or facts["tocOpen"]:
            problems.append(f"the contents list is not a closed control after the title: {facts}")
    if facts["scrollWidth"] > facts["width"]:
        problems.append(f"page overflows: {facts['scrollWidth']} > {facts['width']}")
    for table in facts["tables"]:
        if table["wider"] and not table["scrolls"]:
            problems.append(f"table {table['id']} is wider than its box without a scroll of its own")
    assert not problems, f"{page} at {width}px:\n  " + "\n  ".join(problems)


def test_contents_mark_the_section_being_read(driver, site):
    name, folder = site
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, page_url(folder, "report.html"))
    links = driver.find_elements("css selector", ".page-toc-side a[href^='#']")
    if len(list(folder.rglob("index.html"))) < 3:
        pytest.skip("a site of one or two pages has too few sections to move between")
    assert len(links) > 2
    target = links[2].get_attribute("href").split("#", 1)[1]
    driver.execute_script("document.getElementById(arguments[0]).scrollIntoView(); window.dispatchEvent(new Event('scroll'));", target)
    time.sleep(0.3)
    current = driver.execute_script("return [...document.querySelectorAll('.page-toc-side a[aria-current=location]')].map(a => a.getAttribute('href'))")
    assert current == ["#" + target], current
    anchors = driver.execute_script("return [...document.querySelectorAll('main h2 > a.heading-anchor')].map(a => a.getAttribute('href'))")
    assert anchors and all(a.startswith("#") for a in anchors), anchors[:5]
    screenshot(driver, f"{name}--report-current-section-1280", max_height=1200)


def test_standalone_csv_links_work_alone(driver, site, tmp_path):
    """The stand-alone report copied alone into an empty folder: every data link is a data: URL
    holding exactly the CSV the site publishes, and the browser can read it."""
    name, folder = site
    alone = tmp_path / "report-standalone.html"
    shutil.copy(folder / "report-standalone.html", alone)
    text = alone.read_text(encoding="utf-8")
    pattern = r'<a class="data-download" href="([^"]*)" download="([^"]*)"'
    links = re.findall(pattern, text)
    expected = len(re.findall(pattern, (folder / "report.html").read_text(encoding="utf-8")))
    if not expected:
        pytest.skip("the site's tables and charts link no data")
    assert len(links) == expected, f"{len(links)} data links in the stand-alone report, {expected} in report.html"
    published = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.csv"))
    for href, download in links:
        assert href.startswith("data:text/csv;charset=utf-8;base64,"), href[:80]
        data = base64.b64decode(href.split(",", 1)[1])
        assert any(data == (folder / path).read_bytes() and path.endswith("/" + download) or path == download for path in published), download
    emulate(driver)
    set_viewport(driver, 1280)
    open_page(driver, alone.as_uri())
    results = driver.execute_async_script("""
      const done = arguments[arguments.length - 1];
      Promise.all([...document.querySelectorAll('a.data-download')].map(a => fetch(a.href).then(r => r.text()).then(t => t.length > 0, () => false)))
        .then(done);""")
    assert results and all(results), results
