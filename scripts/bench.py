#!/usr/bin/env python3
"""Build-speed and memory benchmark: reportgen against Hugo on the same generated corpus.

Usage: scripts/bench.py [--runs N] [--sizes 1000,10000,50000] [--json bench-results/bench.json]

Prints a table of medians (wall seconds, CPU seconds, peak RSS) and writes the figures as JSON.
The corpus comes from ../shared/bench/make-corpus.py (or $CORPUS_SCRIPT); Hugo runs only when
`hugo` is installed.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release" / "reportgen"
HUGO_CONFIG = 'baseURL = "https://example.org/"\nlanguageCode = "en"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
HUGO_SINGLE = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
               "<body><nav>{{ .TableOfContents }}</nav><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n")
HUGO_LIST = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>"
             "<body><main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n")


def corpus_script():
    env = os.environ.get("CORPUS_SCRIPT")
    if env:
        return Path(env)
    for candidate in (ROOT.parent / "shared" / "bench" / "make-corpus.py", ROOT / "scripts" / "make-corpus.py"):
        if candidate.exists():
            return candidate
    sys.exit("error: make-corpus.py not found; set CORPUS_SCRIPT=/path/to/make-corpus.py")


def run(cmd, cwd=None):
    """Runs cmd, returns (wall seconds, cpu seconds, peak RSS MiB of this child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # A fresh process per run: ru_maxrss of RUSAGE_CHILDREN is the max over all children so far,
    # so measure peak memory with /usr/bin/time-like wait4 instead.
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"error: {' '.join(map(str, cmd))} failed:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_of(runs, cmd, cwd=None, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run(cmd, cwd))
    return {
        "wall_s": round(statistics.median(r[0] for r in results), 3),
        "cpu_s": round(statistics.median(r[1] for r in results), 3),
        "peak_mib": round(max(r[2] for r in results), 1),
        "runs": runs,
    }


def make_corpus(base, pages):
    content = base / f"corpus-{pages}"
    if not (content / "s00" / "_index.md").exists():
        subprocess.run([sys.executable, str(corpus_script()), str(content), str(pages)], check=True)
    return content


def hugo_site(base, content, pages):
    site = base / f"hugo-{pages}"
    if not site.exists():
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "hugo.toml").write_text(HUGO_CONFIG)
        (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
        (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
        (site / "layouts" / "index.html").write_text(HUGO_LIST)
        os.symlink(content, site / "content")
    return site


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--json", default=str(ROOT / "bench-results" / "bench.json"))
    parser.add_argument("--workdir", default=os.environ.get("BENCH_DIR", str(Path(tempfile.gettempdir()) / "reportgen-bench")))
    args = parser.parse_args()
    if not BIN.exists():
        sys.exit("error: build the tool first: swift build -c release")
    base = Path(args.workdir)
    base.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    hugo = shutil.which("hugo")
    results = {"machine": {"cores": os.cpu_count()}, "corpus": {}, "hugo": bool(hugo)}
    rows = []

    for pages in sizes:
        content = make_corpus(base, pages)
        out = base / f"out-{pages}"
        entry = {}
        # Full build: the output folder removed before each run, so every run writes the whole site.
        entry["full"] = median_of(args.runs, [str(BIN), "build", "--quiet", "--content", str(content), "--output", str(out),
                                              "--theme", str(ROOT / "themes" / "default")],
                                  cwd=ROOT, before=lambda: shutil.rmtree(out, ignore_errors=True))
        # Rebuild over an existing output (what a user does most).
        entry["rebuild"] = median_of(args.runs, [str(BIN), "build", "--quiet", "--content", str(content), "--output", str(out),
                                                 "--theme", str(ROOT / "themes" / "default")], cwd=ROOT)
        if hugo:
            site = hugo_site(base, content, pages)
            hugo_out = base / f"hugo-out-{pages}"
            entry["hugo"] = median_of(args.runs, [hugo, "--quiet", "--source", str(site), "--destination", str(hugo_out)],
                                      before=lambda: shutil.rmtree(hugo_out, ignore_errors=True))
            entry["ratio_wall"] = round(entry["full"]["wall_s"] / entry["hugo"]["wall_s"], 3)
        results["corpus"][pages] = entry
        rows.append((f"{pages} pages: full build", entry["full"]))
        rows.append((f"{pages} pages: rebuild over output", entry["rebuild"]))
        if hugo:
            rows.append((f"{pages} pages: hugo", entry["hugo"]))

    microsite_out = base / "out-microsite"
    results["microsite"] = median_of(max(args.runs, 5), [str(BIN), "build", "--quiet", "--content", str(ROOT / "content"),
                                                         "--output", str(microsite_out), "--theme", str(ROOT / "themes" / "default")], cwd=ROOT)
    rows.append(("microsite build", results["microsite"]))

    print(f"{'benchmark':<34} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for name, r in rows:
        print(f"{name:<34} {r['wall_s']:>8.3f} {r['cpu_s']:>8.3f} {r['peak_mib']:>9.1f}")
    for pages, entry in results["corpus"].items():
        if "ratio_wall" in entry:
            print(f"{pages} pages: reportgen / hugo wall time = {entry['ratio_wall']:.2f}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
