"""The Debian package used as a researcher would: installed with apt-get, run outside the repository
with no Swift toolchain on PATH or LD_LIBRARY_PATH.

`make install-test` (part of `make test`) builds the package first (`make deb`) and passes its path
in $DEB. Installing needs root (CI runs as root); otherwise every test is skipped, saying so. A
package this test installed is removed again at the end.
"""
import filecmp
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VERSION = re.search(r'static let current = "([^"]+)"',
                    (REPO / "Sources/ReportKit/Support/ReportgenVersion.swift").read_text()).group(1)
DEB = Path(os.environ.get("DEB", REPO / f"reportgen_{VERSION}_amd64.deb")).resolve()
# What a machine without Swift has: no /opt/swift anywhere, no library path.
CLEAN_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}


def run(*arguments, cwd, check=True):
    result = subprocess.run(arguments, cwd=cwd, env=dict(CLEAN_ENV, HOME=str(cwd)), capture_output=True, text=True)
    if check and result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, arguments))} exited with {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def installed():
    """/usr/bin/reportgen from the package, installed by apt-get for this module."""
    if os.geteuid() != 0:
        pytest.skip("installing the .deb needs root (CI runs as root); run `make install-test` as root to check it")
    if shutil.which("apt-get") is None or shutil.which("dpkg") is None:
        pytest.skip("not a Debian system: no apt-get or dpkg")
    if not DEB.is_file():
        pytest.skip(f"{DEB} not found: `make install-test` builds it (make deb)")
    was_installed = subprocess.run(["dpkg", "-s", "reportgen"], capture_output=True).returncode == 0
    result = subprocess.run(["apt-get", "install", "-y", "--reinstall", "--no-install-recommends", str(DEB)],
                            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), capture_output=True, text=True)
    assert result.returncode == 0, f"apt-get install {DEB} failed:\n{result.stdout}\n{result.stderr}"
    yield Path("/usr/bin/reportgen")
    if not was_installed:
        subprocess.run(["apt-get", "remove", "-y", "reportgen"], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
                       capture_output=True)


def test_the_package_depends_on_cmark_gfm_runtime_packages_only(installed):
    depends = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", "reportgen"], capture_output=True, text=True).stdout
    assert "libcmark-gfm0" in depends and "libcmark-gfm-extensions0" in depends, depends
    assert "-dev" not in depends and "swift" not in depends, depends
    files = subprocess.run(["dpkg", "-L", "reportgen"], capture_output=True, text=True).stdout.split()
    for path in ("/usr/bin/reportgen", "/usr/share/man/man1/reportgen.1.gz",
                 "/usr/share/bash-completion/completions/reportgen", "/usr/share/zsh/vendor-completions/_reportgen",
                 "/usr/share/fish/vendor_completions.d/reportgen.fish"):
        assert path in files, f"{path} is not in the package"


def test_the_binary_needs_no_swift_library(installed, tmp_path):
    libraries = run("ldd", str(installed), cwd=tmp_path).stdout
    assert "libswift" not in libraries and "libFoundation" not in libraries and "/opt/swift" not in libraries, libraries
    assert "libcmark-gfm" in libraries, libraries
    assert run("reportgen", "--version", cwd=tmp_path).stdout.strip() == VERSION
    assert shutil.which("reportgen", path=CLEAN_ENV["PATH"]) == str(installed)


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        pytest.skip("chromium or chromedriver is not installed; CI installs both")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def test_a_new_site_builds_and_opens_in_chromium(installed, tmp_path):
    run("reportgen", "new", "site", "x", cwd=tmp_path)
    run("reportgen", "build", "--content", "x", "--output", "out", cwd=tmp_path)
    index = tmp_path / "out/index.html"
    assert f'<meta name="generator" content="reportgen {VERSION}">' in index.read_text()
    driver = make_driver()
    try:
        driver.get(index.as_uri())
        assert "My research report" in driver.title
        # The built-in theme's stylesheet was copied and applies (a browser's own body margin is 8px).
        assert driver.execute_script("return getComputedStyle(document.body).marginTop") == "0px"
        driver.get((tmp_path / "out/findings/index.html").as_uri())
        assert driver.find_elements("css selector", "svg"), "the chart is missing"
    finally:
        driver.quit()


def test_an_exported_theme_builds_byte_identical_output(installed, tmp_path):
    run("reportgen", "new", "site", "x", cwd=tmp_path)
    run("reportgen", "build", "--content", "x", "--output", "built-in", cwd=tmp_path)
    run("reportgen", "theme", "export", "my-theme", cwd=tmp_path)
    with open(tmp_path / "x/site.yml", "a") as site_yml:
        site_yml.write("theme: ../my-theme\n")
    run("reportgen", "build", "--content", "x", "--output", "exported", cwd=tmp_path)
    comparison = filecmp.dircmp(tmp_path / "built-in", tmp_path / "exported")
    assert not comparison.left_only and not comparison.right_only
    for folder, _, files in os.walk(tmp_path / "built-in"):
        for name in files:
            left = Path(folder) / name
            right = tmp_path / "exported" / left.relative_to(tmp_path / "built-in")
            assert left.read_bytes() == right.read_bytes(), f"{left.name} differs"


def test_the_microsite_builds_from_another_folder(installed, tmp_path):
    result = run("reportgen", "build", "--content", str(REPO / "content"), "--output", "site", "--quiet", cwd=tmp_path)
    assert result.returncode == 0
    assert (tmp_path / "site/index.html").is_file()
