#!/usr/bin/env python3
"""Measures what an author sees with `reportgen serve`: the time from saving a CSV file to the
open page (in headless Chromium) having reloaded with the new numbers.

Usage: scripts/measure-reload.py [path/to/reportgen] [runs]
Works on a copy of content/ in a temporary folder; prints one line per run and the median.
"""
import os, shutil, socket, statistics, subprocess, sys, tempfile, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/reportgen")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
CSV = "data/personal-consumer-loans-2023.csv"   # read by the donut chart and the table on market-data.md
PAGE = "/market-data/"
CHART = "#fig-loan-split svg"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(driver, script, timeout=5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            result = driver.execute_script(script)
        except Exception:
            result = None  # the page is reloading
        if result:
            return result
        time.sleep(0.01)
    return None


def main():
    work = tempfile.mkdtemp(prefix="reportgen-reload-")
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(ROOT, "content"), content)
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--content", content, "--theme", os.path.join(ROOT, "themes/default"),
                               "--port", str(port), "--preview-folder", os.path.join(work, "preview")],
                              cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    times = []
    try:
        server.stdout.readline()  # "serving http://..." once the first build is done
        driver.get(f"http://127.0.0.1:{port}{PAGE}")
        time.sleep(0.5)  # let the EventSource connect
        path = os.path.join(content, CSV)
        original = open(path, encoding="utf-8").read()
        for run in range(RUNS):
            value = f"{80 + run}.19"   # the mortgage share drawn by the donut chart
            before = driver.execute_script(f"return document.querySelector('{CHART}').outerHTML")
            driver.execute_script("window.__beforeReload = true")
            saved = time.time() * 1000
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.replace("86.19", value))
            deadline = time.time() + 5
            while time.time() < deadline:
                if driver.execute_script("return window.__beforeReload !== true && document.readyState === 'complete'"):
                    break
                time.sleep(0.005)
            else:
                raise SystemExit(f"run {run + 1}: no reload within 5 s")
            started, loaded = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return [performance.timeOrigin, performance.timeOrigin + n.loadEventEnd]")
            after = driver.execute_script(f"return document.querySelector('{CHART}').outerHTML")
            assert after != before and f"Housing mortgage loans: {value}%" in after, f"run {run + 1}: the chart did not change"
            times.append(loaded - saved)
            print(f"run {run + 1}: save → page reloaded with the changed chart in {loaded - saved:.0f} ms"
                  f" (reload asked after {started - saved:.0f} ms, page load {loaded - started:.0f} ms)")
            time.sleep(0.4)
        print(f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over {RUNS} runs")

        # A broken data file shows the error over the page; fixing it reloads the page without it.
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace("amount", "amuont", 1))
        overlay = wait_for(driver, "const o = document.getElementById('reportgen-overlay'); return o ? o.innerText : null")
        print("overlay shown:", overlay.splitlines()[1] if overlay else None)
        assert overlay and "amount" in overlay, "no error overlay"
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        gone = wait_for(driver, "return document.readyState === 'complete' && !document.getElementById('reportgen-overlay')")
        assert gone, "the overlay stayed after the fix"
        print("overlay gone after the fix")
    finally:
        driver.quit()
        server.terminate()
        server.wait(5)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
