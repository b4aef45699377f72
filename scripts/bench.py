#!/usr/bin/env python3
"""Build-speed and memory benchmark: reportgen against Hugo on the same generated corpus.

Usage: scripts/bench.py [--runs N] [--edits N] [--sizes 1000,10000,50000] [--scale] [--json bench-results/bench.json]

For each corpus size it measures (medians over --runs runs):
- a full build into an empty output folder (no previous site, no spare to reuse) with its peak memory;
- a rebuild over the existing output with nothing changed (the CLI `build` has no cache: a no-op);
- Hugo on the same corpus, and the ratio of the wall times;
- the preview server (`reportgen serve` on an ephemeral port, on a private copy of the corpus):
  from saving one page to the reload event on /__reportgen/events (median over --edits edits),
  the build time the server logs for it, the time until the search index follows, and a no-op
  save (identical bytes written again) to its event;
the same build with a theme that does not search (sizes up to 10,000: what the search index adds,
per pair); and the microsite build; the floor (`bench_scale.py`: the cmark-gfm CLI rendering the same pages on
two cores and writing as many files) and our ratio to it; Hugo's ratio in every pair. `--scale`
measures 1k, 10k, 50k and 100k pages (or --sizes), prints the cost per 1,000 pages (wall, CPU,
instructions where `perf` counts them, peak memory) and the issue-21 targets (100k <= 10.5 x 10k,
1 GiB; serve at the largest size). Prints a table and the targets, and writes the figures as JSON.
The built sites go to a tmpfs (/dev/shm) when there is one (--out-dir to choose): on a
journal-less ext4 such as these machines', creating an inode skips every free inode whose deletion
is recent (`recently_deleted()` in the kernel, a window of hours), so creating a site's 20,000 files
and folders costs whatever the machine deleted earlier made it cost, for either tool. Before each
full build (ours and Hugo's) the previous output is moved into a trash folder rather than deleted,
and synced; the trash is deleted after each size. On a tmpfs outputs are deleted at once (no inode
window there, and 100,000-page sites kept to the end would fill it).
The corpus comes from ../shared/bench/make-corpus.py (or $CORPUS_SCRIPT); Hugo runs only when
`hugo` is installed.
"""
import bench_scale as scale
import argparse, http.client, json, os, queue, re, resource, select, shutil, statistics, subprocess, sys, tempfile, threading, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# REPORTGEN_BIN=/path/to/another/reportgen compares builds (e.g. a binary of an older commit).
BIN = Path(os.environ.get("REPORTGEN_BIN") or ROOT / ".build" / "release" / "reportgen")
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


# Set in main: count instructions with `perf stat` (machines with hardware counters only).
COUNT_INSTRUCTIONS = False


def run(cmd, cwd=None):
    """Runs cmd, returns (wall seconds, cpu seconds, peak RSS MiB of this child, instructions or None)."""
    counts = None
    if COUNT_INSTRUCTIONS and cmd and cmd[0] != "sh":
        counts = scale.temporary_file()
        cmd = scale.with_perf(cmd, counts)
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
    instructions = None
    if counts:
        instructions = scale.read_instructions(counts)
        os.unlink(counts)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, instructions


def summary(results):
    figures = {
        "wall_s": round(statistics.median(r[0] for r in results), 3),
        "cpu_s": round(statistics.median(r[1] for r in results), 3),
        "peak_mib": round(max(r[2] for r in results), 1),
        "runs": len(results),
    }
    counted = [r[3] for r in results if r[3]]
    if counted:
        figures["instructions"] = int(statistics.median(counted))
    return figures


def median_of(runs, cmd, cwd=None, before=None):
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(run(cmd, cwd))
    return summary(results)


def interleaved(runs, jobs):
    """Medians of several commands run in turn (A, B, A, B, ...), so that a machine whose speed
    drifts during the benchmark (other tenants of a virtual machine) slows both alike.
    `jobs` maps a name to (cmd, cwd, before); also returns each run's wall-time ratio to the first job."""
    results = {name: [] for name in jobs}
    for _ in range(runs):
        for name, (cmd, cwd, before) in jobs.items():
            if before:
                before()
            results[name].append(run(cmd, cwd))
    first = next(iter(jobs))
    ratios = {name: [a[0] / b[0] for a, b in zip(results[first], values)] for name, values in results.items()}
    return {name: summary(values) for name, values in results.items()}, ratios


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


def default_out_dir(base):
    """A tmpfs when there is one: on a journal-less ext4 (these machines) creating an inode skips
    every inode freed in the last hours, so the cost of creating 20,000 files and folders depends on
    what the machine deleted earlier, not on the tool; in memory both tools are measured alone."""
    shm = Path("/dev/shm")
    try:
        stat = os.statvfs(shm)
        if shm.is_dir() and stat.f_bavail * stat.f_frsize >= 2 << 30:
            return shm / "reportgen-bench"
    except OSError:
        pass
    return base


def theme_without_search(base):
    """themes/default without assets/search.js: a site built with it has no search index."""
    folder = base / "theme-nosearch"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "themes" / "default", folder)
    (folder / "assets" / "search.js").unlink()
    return folder


class Trash:
    """Moves finished outputs out of the way instead of deleting them during the run (see the docstring)."""

    def __init__(self, base):
        self.folder = base / "trash"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0
        # On a tmpfs deleting costs later builds nothing, and 100,000-page sites kept until the end
        # would fill it: delete at once there.
        self.deletes = scale.is_tmpfs(base)

    def clear(self, *paths):
        for path in paths:
            if path.exists() and self.deletes:
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                self.count += 1
                try:
                    os.rename(path, self.folder / f"{self.count}-{path.name}")
                except OSError:  # on another file system: delete it after all
                    shutil.rmtree(path, ignore_errors=True)
        os.sync()

    def empty(self):
        shutil.rmtree(self.folder, ignore_errors=True)


class BenchError(Exception):
    """A measurement that could not be made; recorded, and the other measurements go on."""


EDITED_PAGE = "s03/p00003.md"
EDITED_OUTPUT = "s03/p00003/index.html"
SERVE_LOG = re.compile(r": rebuilt (\d+) of (\d+) pages?, wrote (\d+) files? in (\d+) ms")


class Server:
    """`reportgen serve` on an ephemeral port, with its event stream read by a thread."""

    def __init__(self, content, preview, startup_timeout):
        self.proc = subprocess.Popen([str(BIN), "serve", "--content", str(content), "--theme", str(ROOT / "themes" / "default"),
                                      "--port", "0", "--preview-folder", str(preview)],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.log = []
        self.events = queue.Queue()
        threading.Thread(target=self._read_log, daemon=True).start()
        self.port = self._wait_for_port(startup_timeout)
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60 + startup_timeout)
        self.conn.request("GET", "/__reportgen/events")
        response = self.conn.getresponse()
        if response.status != 200:
            self.stop()
            sys.exit(f"error: {self.conn.host}:{self.port}/__reportgen/events answered {response.status}")
        threading.Thread(target=self._read_events, args=(response,), daemon=True).start()
        name, _, _ = self.next_event(10)
        if name != "hello":
            self.stop()
            sys.exit(f"error: the event stream began with {name!r}, not 'hello'")

    def _wait_for_port(self, timeout):
        deadline = time.monotonic() + timeout
        line = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                line += chunk
                match = re.search(rb"http://127\.0\.0\.1:(\d+)/", line)
                if match:
                    return int(match.group(1))
            elif self.proc.poll() is not None:
                break
        self.stop()
        sys.exit("error: reportgen serve did not start within %d s:\n%s" % (timeout, "\n".join(self.log[-20:])))

    def _read_log(self):
        for raw in self.proc.stderr:
            self.log.append(raw.decode(errors="replace").rstrip("\n"))

    def _read_events(self, response):
        """Puts (name, data, perf_counter at arrival) for each event; stops at the end of the stream."""
        name, data = None, []
        try:
            while True:
                raw = response.readline()
                if not raw:
                    break
                line = raw.decode(errors="replace").rstrip("\r\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "" and name is not None:
                    self.events.put((name, "\n".join(data), time.perf_counter()))
                    name, data = None, []
        except (OSError, http.client.HTTPException):
            pass
        self.events.put(("closed", "", time.perf_counter()))

    def next_event(self, timeout):
        """The next event, or ('timeout', '', now) after `timeout` seconds."""
        try:
            return self.events.get(timeout=timeout)
        except queue.Empty:
            return ("timeout", "", time.perf_counter())

    def drain(self):
        while not self.events.empty():
            self.events.get_nowait()

    def peak_mib(self):
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return None

    def stop(self):
        try:
            self.conn.close()
        except Exception:
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def timed_save(server, path, data, timeout):
    """Writes `data` to `path`; returns (when it was written, when the next 'built' event arrived, that event's written list)."""
    server.drain()
    start = time.perf_counter()
    path.write_bytes(data)
    while True:
        name, payload, arrived = server.next_event(timeout)
        if name == "built":
            written = json.loads(payload).get("written", [])
            return start, arrived, written
        if name in ("timeout", "closed", "build-error"):
            raise BenchError(f"no reload event after saving {path} ({name}): {payload} " + " | ".join(server.log[-5:]))


def serve_bench(base, content, pages, edits, trash):
    """One-page edits and no-op saves through `reportgen serve`, on a private copy of the corpus."""
    work = base / f"serve-{pages}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(content, work / "content", symlinks=True)
    timeout = 60 + pages / 250
    cooldown = 2 + pages / 2500
    server = Server(work / "content", work / "preview", startup_timeout=timeout)
    try:
        # Let the watcher take its first snapshot (it starts after the first build): a save made
        # before it is part of that snapshot and never reported.
        time.sleep(1.0 + pages / 5000)
        page = work / "content" / EDITED_PAGE
        noop, edit, index = [], [], []
        log_start = len(server.log)
        for _ in range(edits):
            start, arrived, _ = timed_save(server, page, page.read_bytes(), timeout)
            noop.append(arrived - start)
            time.sleep(0.3)
        noop_log = server.log[log_start:]
        log_start = len(server.log)
        for n in range(edits):
            original = page.read_bytes()
            start, arrived, written = timed_save(server, page, original + f"\nEdited line {n}, for the benchmark.\n".encode(), timeout)
            if EDITED_OUTPUT not in written:
                raise BenchError(f"the reload event after editing {EDITED_PAGE} did not list {EDITED_OUTPUT}: {written}")
            edit.append(arrived - start)
            # The search index (and whole report) follow in a second event when their bytes changed
            # (text past the index's per-page limit does not reach it); give them time before the next edit.
            if not any(path.endswith(("search-index.js", "report.html")) for path in written):
                name, _, arrived = server.next_event(cooldown)
                if name == "built":
                    index.append(arrived - start)
            time.sleep(0.3)
        build_ms = [int(m.group(4)) for line in server.log[log_start:] for m in [SERVE_LOG.search(line)] if m]
        noop_ms = [int(m.group(4)) for line in noop_log for m in [SERVE_LOG.search(line)] if m]
        peak = server.peak_mib()
    finally:
        server.stop()
        trash.clear(work)
    median_ms = lambda values: round(statistics.median(values) * 1000, 1) if values else None
    return {
        "edit_to_reload_ms": median_ms(edit),
        "edit_build_ms": statistics.median(build_ms) if build_ms else None,
        "noop_save_to_event_ms": median_ms(noop),
        "noop_build_ms": statistics.median(noop_ms) if noop_ms else None,
        "index_after_edit_ms": median_ms(index),
        "peak_mib": round(peak, 1) if peak else None,
        "edits": edits,
    }


def parse_sizes(text):
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        sys.exit(f"error: --sizes takes page counts separated by commas, e.g. 1000,10000,50000 (got {text!r})")
    if not sizes or any(size < 10 for size in sizes):
        sys.exit(f"error: --sizes needs at least one page count of 10 or more (got {text!r})")
    return sizes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per build measurement (median)")
    parser.add_argument("--edits", type=int, default=5, help="edits and no-op saves through `serve` per size (median)")
    parser.add_argument("--sizes", default=None, help="corpus sizes in pages, comma-separated (default 1000,10000,50000; "
                                                     "with --scale 1000,10000,50000,100000)")
    parser.add_argument("--scale", action="store_true", help="issue 21: cost per 1,000 pages up to 100,000 pages, the 100k/10k "
                                                             "ratio and memory targets; serve at the largest size only")
    parser.add_argument("--no-floor", action="store_true", help="skip the cmark-gfm floor")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview-server measurements")
    parser.add_argument("--serve-sizes", default=None, help="sizes to measure `serve` on (default: every size)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even when installed")
    parser.add_argument("--json", default=str(ROOT / "bench-results" / "bench.json"))
    parser.add_argument("--out-dir", default=None,
                        help="where the built sites go, ours and Hugo's (default: /dev/shm/reportgen-bench when /dev/shm "
                             "is a tmpfs with 2 GiB free, else the workdir; pass a disk folder to include the disk)")
    parser.add_argument("--microsite-content", type=Path, default=ROOT / "content",
                        help="the content folder of the microsite build (e.g. an older commit's, for an older binary)")
    parser.add_argument("--workdir", default=os.environ.get("BENCH_DIR", str(Path(tempfile.gettempdir()) / "reportgen-bench")))
    args = parser.parse_args()
    if not BIN.exists():
        sys.exit("error: build the tool first: swift build -c release")
    base = Path(args.workdir)
    base.mkdir(parents=True, exist_ok=True)
    sizes = parse_sizes(scale.parse_sizes_or_default(args.sizes, args.scale))
    if args.scale and args.serve_sizes is None:
        args.serve_sizes = str(max(sizes))
    global COUNT_INSTRUCTIONS
    COUNT_INSTRUCTIONS = scale.perf_counts_instructions()
    floor = not args.no_floor and shutil.which("cmark-gfm")
    hugo = None if args.no_hugo else shutil.which("hugo")
    results = {"machine": {"cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]},
               "corpus": {}, "hugo": bool(hugo)}
    rows = []
    theme = str(ROOT / "themes" / "default")
    out_base = Path(args.out_dir) if args.out_dir else default_out_dir(base)
    out_base.mkdir(parents=True, exist_ok=True)
    trash = Trash(out_base)
    results["output_folder"] = str(out_base)

    for pages in sizes:
        content = make_corpus(base, pages)
        out = out_base / f"out-{pages}"
        entry = {}
        # Full build: the output folder and its spare moved away before each run, so every run
        # creates the whole site in an empty place.
        spare = out_base / f".out-{pages}.spare"
        jobs = {"full": ([str(BIN), "build", "--quiet", "--content", str(content), "--output", str(out), "--theme", theme],
                         ROOT, lambda: trash.clear(out, spare))}
        if pages <= 10000:
            # The same build with a theme that does not search (no search index): what the index adds.
            plain_out = out_base / f"out-{pages}-nosearch"
            jobs["nosearch"] = ([str(BIN), "build", "--quiet", "--content", str(content), "--output", str(plain_out),
                                 "--theme", str(theme_without_search(out_base))], ROOT, lambda: trash.clear(plain_out))
        if hugo:
            # Hugo on the same corpus, its runs taking turns with ours.
            site = hugo_site(base, content, pages)
            hugo_out = out_base / f"hugo-out-{pages}"
            jobs["hugo"] = ([hugo, "--quiet", "--source", str(site), "--destination", str(hugo_out)], None,
                            lambda: trash.clear(hugo_out))
        measured, ratios = interleaved(args.runs, jobs)
        entry.update(measured)
        if "nosearch" in entry:
            # Per pair (full build / build without the index), as for Hugo.
            entry["search_added"] = round(statistics.median(ratio - 1 for ratio in ratios["nosearch"]), 3)
            entry["search_added_cpu"] = round(entry["full"]["cpu_s"] / entry["nosearch"]["cpu_s"] - 1, 3)
        if hugo:
            # The median of the per-pair ratios: each pair ran back to back, at the same machine speed.
            entry["ratio_wall"] = round(statistics.median(ratios["hugo"]), 3)
            entry["hugo_pairs"] = [round(ratio, 3) for ratio in ratios["hugo"]]
            entry["ratio_wall_of_medians"] = round(entry["full"]["wall_s"] / entry["hugo"]["wall_s"], 3)
        if floor:
            # The floor writes as many files as our site has (counted from its marker).
            floor_out = out_base / f"floor-{pages}"
            entry["floor"] = median_of(args.runs, scale.floor_command(content, floor_out, scale.site_file_count(out)),
                                       before=lambda: scale.fresh_folder(floor_out))
            trash.clear(floor_out)
        # No-op rebuild: the CLI build again over its own output, nothing changed.
        entry["rebuild"] = median_of(args.runs, [str(BIN), "build", "--quiet", "--content", str(content), "--output", str(out),
                                                 "--theme", theme], cwd=ROOT)
        if not args.no_serve and (args.serve_sizes is None or pages in parse_sizes(args.serve_sizes)):
            try:
                entry["serve"] = serve_bench(out_base, content, pages, args.edits, trash)
            except BenchError as error:
                entry["serve_error"] = str(error)
                print(f"warning: {pages} pages, serve: {error}", file=sys.stderr)
        results["corpus"][pages] = entry
        rows.append((f"{pages} pages: full build", entry["full"]))
        rows.append((f"{pages} pages: no-op rebuild (CLI)", entry["rebuild"]))
        if hugo:
            rows.append((f"{pages} pages: hugo", entry["hugo"]))
        if "floor" in entry:
            rows.append((f"{pages} pages: cmark-gfm floor", entry["floor"]))
        # Sites of this size are not needed any more (100,000 pages hold gigabytes).
        trash.clear(out, spare, out_base / f"hugo-out-{pages}", out_base / f"out-{pages}-nosearch")
        trash.empty()
        trash.folder.mkdir(parents=True, exist_ok=True)

    trash.empty()
    microsite_out = out_base / "out-microsite"
    results["microsite"] = median_of(max(args.runs, 5), [str(BIN), "build", "--quiet", "--content", str(args.microsite_content),
                                                         "--output", str(microsite_out), "--theme", theme], cwd=ROOT)
    rows.append(("microsite build", results["microsite"]))

    sys.stdout.reconfigure(line_buffering=True)
    print(f"sites written under {out_base}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores "
          f"(at the start: {' '.join(f'{x:.2f}' for x in results['machine']['load_average'])})")
    print(f"{'benchmark':<38} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9}")
    for name, r in rows:
        print(f"{name:<38} {r['wall_s']:>8.3f} {r['cpu_s']:>8.3f} {r['peak_mib']:>9.1f}")
    fmt = lambda value, unit="ms": "-" if value is None else f"{value:g} {unit}"
    for pages, entry in results["corpus"].items():
        serve = entry.get("serve")
        if serve:
            print(f"{pages} pages, serve (median of {serve['edits']}): edit → reload event {fmt(serve['edit_to_reload_ms'])}"
                  f" (server build {fmt(serve['edit_build_ms'])}), search index {fmt(serve['index_after_edit_ms'])} after the save;"
                  f" no-op save → event {fmt(serve['noop_save_to_event_ms'])} (server build {fmt(serve['noop_build_ms'])});"
                  f" server peak {fmt(serve['peak_mib'], 'MiB')}")
    for pages, entry in results["corpus"].items():
        if "serve_error" in entry:
            print(f"{pages} pages, serve: FAILED: {entry['serve_error']}")
    for pages, entry in results["corpus"].items():
        if "ratio_wall" in entry:
            print(f"{pages} pages: reportgen / hugo wall time = {entry['ratio_wall']:.2f} (median of the back-to-back pairs; "
                  f"ratio of the medians {entry['ratio_wall_of_medians']:.2f}); every pair: "
                  + ", ".join(f"{ratio:.3f}" for ratio in entry["hugo_pairs"]))
        if "search_added" in entry:
            print(f"{pages} pages: the search index adds {entry['search_added'] * 100:.1f}% to a full build (wall, median of the pairs"
                  f" against the same build with a theme that does not search; CPU {entry['search_added_cpu'] * 100:.1f}%)")
        if "floor" in entry:
            print(f"{pages} pages: reportgen / cmark-gfm floor wall time = {entry['full']['wall_s'] / entry['floor']['wall_s']:.2f} "
                  f"(CPU {entry['full']['cpu_s'] / entry['floor']['cpu_s']:.2f})")
    if len(results["corpus"]) > 1 or args.scale:
        print(f"full build per 1,000 pages (flat = linear; instructions {'by perf' if COUNT_INSTRUCTIONS else 'not counted: no hardware counters'}):")
        for line in scale.per_thousand_rows(results["corpus"]):
            print("  " + line)

    # The targets of issue 7, on the 10,000-page corpus when it was measured.
    checks = []
    ten = results["corpus"].get(10000)
    if ten:
        if "ratio_wall" in ten:
            checks.append(("10k full build <= 0.25 x Hugo", ten["ratio_wall"] <= 0.25, f"{ten['ratio_wall']:.2f} x"))
        if "search_added" in ten:
            checks.append(("10k search index adds <= 15%", ten["search_added"] <= 0.15, f"{ten['search_added'] * 100:.1f}%"))
        checks.append(("10k full build peak <= 200 MiB", ten["full"]["peak_mib"] <= 200, f"{ten['full']['peak_mib']:.1f} MiB"))
        serve = ten.get("serve")
        if serve and serve["edit_to_reload_ms"] is not None:
            checks.append(("10k one-page edit → reload <= 50 ms", serve["edit_to_reload_ms"] <= 50, f"{serve['edit_to_reload_ms']:g} ms"))
            if serve["edit_build_ms"] is not None:
                checks.append(("10k one-page rebuild (server) <= 50 ms", serve["edit_build_ms"] <= 50, f"{serve['edit_build_ms']:g} ms"))
    checks.append(("microsite build <= 150 ms", results["microsite"]["wall_s"] <= 0.150, f"{results['microsite']['wall_s'] * 1000:.0f} ms"))
    checks += scale.scale_checks(results["corpus"])
    results["targets"] = {name: {"met": met, "value": value} for name, met, value in checks}
    for name, met, value in checks:
        print(f"target {name:<40} {'met ' if met else 'MISSED'}  ({value})")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
