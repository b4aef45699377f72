"""Real-browser tests of a built site: headless Chromium through Selenium, offline, from file://.

Sites under test (each is a pytest parameter):
  * the microsite `make site` wrote into output/ (or $REPORT_SITE), every page found in it;
  * the fixture site Tests/browser/fixtures/site, built here with reportgen into
    test-artifacts/fixture-site (a chart figure, a table figure, wide tables, footnotes, Chinese);
  * the World Bank GDP fixture Tests/EndToEndTests/Fixtures/gdp (real data as it comes: derive,
    group, latest, highlight, downloads), built into test-artifacts/gdp-site.
Screenshots go to test-artifacts/screenshots/.
"""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "site"
FIXTURE_OUTPUT = ARTIFACTS / "fixture-site"
GDP_CONTENT = REPO / "Tests" / "EndToEndTests" / "Fixtures" / "gdp"
GDP_OUTPUT = ARTIFACTS / "gdp-site"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")


def reportgen_binary():
    if os.environ.get("REPORTGEN"):
        return Path(os.environ["REPORTGEN"])
    built = [c for c in (REPO / ".build/release/reportgen", REPO / ".build/debug/reportgen") if c.is_file()]
    return max(built, key=lambda c: c.stat().st_mtime) if built else None


def build_fixture_site(content=FIXTURE_CONTENT, output=FIXTURE_OUTPUT):
    binary = reportgen_binary()
    if binary is None:
        return None
    output.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([str(binary), "build", "--content", str(content), "--output", str(output)],
                            cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"building the fixture site {content} failed:\n{result.stdout}\n{result.stderr}")
    return output


def sites():
    """(name, folder) of every site to test, computed once per session."""
    found = []
    output = Path(os.environ.get("REPORT_SITE", REPO / "output"))
    if (output / "index.html").is_file():
        found.append(("output", output))
    fixture = build_fixture_site()
    if fixture is not None:
        found.append(("fixture", fixture))
    gdp = build_fixture_site(GDP_CONTENT, GDP_OUTPUT)
    if gdp is not None:
        found.append(("gdp", gdp))
    return found


SITES = sites()


def site_pages(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def pytest_generate_tests(metafunc):
    if "site_page" in metafunc.fixturenames:
        params = [(name, folder, page) for name, folder in SITES for page in site_pages(folder)]
        metafunc.parametrize("site_page", params, ids=[f"{n}:{p}" for n, _, p in params])
    elif "site" in metafunc.fixturenames:
        metafunc.parametrize("site", SITES, ids=[n for n, _ in SITES])


def make_driver(javascript=True):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"chromium ({CHROMIUM}) or chromedriver ({CHROMEDRIVER}) is not installed; CI installs both")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--allow-file-access-from-files",
                     # No network: every request that would leave file:// fails.
                     "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                     "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def driver_no_js():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()


@pytest.fixture(scope="session", autouse=True)
def screenshot_folder():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
