"""Parts of scripts/bench.py for issue 21 (scale): instruction counts, the cmark-gfm floor, the
per-1,000-page table and the scale targets.

- Instructions: `perf stat -e instructions:u` wraps each build when the machine has hardware
  counters (many virtual machines have none: `perf stat -e instructions true` says
  '<not supported>'); they are steady under load where wall times are not.
- The floor: the cmark-gfm CLI renders the same Markdown files on the same cores (batches of
  `BATCH` files, two at a time: `xargs -P2`) and the HTML is cut into as many files as our build
  writes (`split`), so the floor parses every page and creates every file, nothing more: no front
  matter, links, layout, search index or citations.
"""
import json, os, shlex, shutil, subprocess, tempfile
from pathlib import Path

# The cmark-gfm extensions reportgen enables (GitHub-flavoured Markdown), and smart punctuation.
CMARK_OPTIONS = "--smart -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes"
BATCH = 250
SCALE_SIZES = "1000,10000,50000,100000"
# Targets of issue 21.
SCALE_RATIO_TARGET = 10.5
PEAK_TARGET_MIB = 1024
SERVE_PEAK_TARGET_MIB = 1536
HUGO_PAIR_TARGET = 0.15


def perf_counts_instructions():
    """Whether `perf stat -e instructions:u` counts on this machine."""
    if not shutil.which("perf"):
        return False
    try:
        result = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and any(line.split(",")[0].strip().isdigit() for line in result.stderr.splitlines())


def with_perf(cmd, output):
    """`cmd` under `perf stat`, its instruction count written to `output`."""
    return ["perf", "stat", "-x,", "-o", str(output), "-e", "instructions:u", "--"] + [str(part) for part in cmd]


def read_instructions(output):
    """The count `perf stat -x,` wrote, or None."""
    try:
        for line in Path(output).read_text().splitlines():
            field = line.split(",")[0].strip()
            if field.isdigit():
                return int(field)
    except OSError:
        pass
    return None


def site_file_count(out):
    """How many files our build wrote into `out` (the files its marker lists)."""
    marker = Path(out) / ".reportgen-output"
    try:
        text = marker.read_text()
        return len(json.loads(text[text.index("\n") + 1:])) + 1
    except (OSError, ValueError):
        return sum(len(files) for _, _, files in os.walk(out))


def floor_command(content, out, files):
    """One shell command: cmark-gfm over every page of `content`, two batches at a time, the HTML
    cut into `files` files in `out` (which must exist)."""
    per_thousand = max(1, round(files * 1000 / max(1, sum(1 for _ in Path(content).rglob("*.md")))))
    batch = ('n=$(( ($# * %d + 999) / 1000 )); t=$(mktemp -p .); cmark-gfm %s "$@" > "$t" && '
             'split -a 7 -d -n "l/$n" "$t" "$t-"; rm -f "$t"' % (per_thousand, CMARK_OPTIONS))
    script = (f"cd {shlex.quote(str(out))} && find {shlex.quote(str(content))} -name '*.md' | sort | "
              f"xargs -d '\\n' -P2 -n {BATCH} sh -c {shlex.quote(batch)} sh")
    return ["sh", "-c", script]


def parse_sizes_or_default(text, scale):
    """The --sizes text, or the scale sizes when --scale is given without --sizes."""
    return text if text is not None else (SCALE_SIZES if scale else "1000,10000,50000")


def per_thousand_rows(corpus):
    """Lines of the per-1,000-page table: wall, CPU, instructions (when counted), peak memory, the floor."""
    lines = [f"{'pages':>8} {'wall s/1k':>10} {'cpu s/1k':>9} {'G instr/1k':>11} {'peak MiB':>9} {'KiB/page':>9} {'floor s/1k':>11} {'x floor':>8}"]
    for pages, entry in corpus.items():
        full, floor = entry["full"], entry.get("floor")
        per = 1000 / pages
        instructions = f"{full['instructions'] * per / 1e9:.2f}" if full.get("instructions") else "-"
        floor_wall = f"{floor['wall_s'] * per:.3f}" if floor else "-"
        floor_ratio = f"{full['wall_s'] / floor['wall_s']:.2f}" if floor else "-"
        lines.append(f"{pages:>8} {full['wall_s'] * per:>10.3f} {full['cpu_s'] * per:>9.3f} {instructions:>11} {full['peak_mib']:>9.1f} "
                     f"{full['peak_mib'] * 1024 / pages:>9.1f} {floor_wall:>11} {floor_ratio:>8}")
    return lines


def scale_checks(corpus):
    """The targets of issue 21 that the measured sizes allow: (name, met, value)."""
    checks = []
    ten, hundred = corpus.get(10000), corpus.get(100000)
    if ten and "hugo_pairs" in ten:
        worst = max(ten["hugo_pairs"])
        checks.append((f"10k <= {HUGO_PAIR_TARGET} x Hugo, every pair", worst <= HUGO_PAIR_TARGET, f"worst {worst:.3f} x"))
    if ten and hundred:
        ratio = hundred["full"]["wall_s"] / ten["full"]["wall_s"]
        checks.append((f"100k wall <= {SCALE_RATIO_TARGET} x 10k wall", ratio <= SCALE_RATIO_TARGET, f"{ratio:.2f} x"))
        if ten["full"].get("instructions") and hundred["full"].get("instructions"):
            checks.append(("100k instructions / 10k (info: linear = 10)", True,
                           f"{hundred['full']['instructions'] / ten['full']['instructions']:.2f} x"))
    if hundred:
        checks.append((f"100k peak memory <= {PEAK_TARGET_MIB} MiB", hundred["full"]["peak_mib"] <= PEAK_TARGET_MIB,
                       f"{hundred['full']['peak_mib']:.1f} MiB"))
        serve = hundred.get("serve")
        if serve and serve["edit_to_reload_ms"] is not None:
            checks.append(("100k one-page edit → reload <= 50 ms", serve["edit_to_reload_ms"] <= 50, f"{serve['edit_to_reload_ms']:g} ms"))
        if serve and serve["peak_mib"] is not None:
            checks.append((f"100k serve memory <= {SERVE_PEAK_TARGET_MIB} MiB", serve["peak_mib"] <= SERVE_PEAK_TARGET_MIB,
                           f"{serve['peak_mib']:g} MiB"))
    return checks


def fresh_folder(path):
    """An empty folder at `path` (for the floor's output)."""
    shutil.rmtree(path, ignore_errors=True)
    Path(path).mkdir(parents=True)


def is_tmpfs(path):
    """Whether `path` lies on a tmpfs (there, deleting outputs during the run costs nothing later)."""
    path = str(Path(path).resolve())
    best, kind = "", ""
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            parts = line.split()
            if len(parts) > 2 and (path == parts[1] or path.startswith(parts[1].rstrip("/") + "/")) and len(parts[1]) > len(best):
                best, kind = parts[1], parts[2]
    except OSError:
        return False
    return kind == "tmpfs"


def temporary_file():
    handle, name = tempfile.mkstemp(prefix="bench-perf-")
    os.close(handle)
    return name
