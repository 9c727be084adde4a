"""Qawl's benchmark: build time against the peer's preprocessing, reopening from the disk cache, page times.

    .venv/bin/python bench/run.py                      # 100k sentences: build, peer, cache, pages
    .venv/bin/python bench/run.py --sizes 100k 1m      # and the 1M-sentence corpus (a few minutes)

Corpora are made under bench/out/ on first use (bench/make_corpus.py); the peer (CAMeL Tools) runs from
its own venv bench/out/venv-peer, made on first use without torch. Prints a markdown table and writes
bench/out/results.json. The machine is shared: the load average at the start of each measurement is
printed with it, and CPU seconds (user + system of the whole process tree) are given beside wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
PYTHON = REPO / ".venv" / "bin" / "python"
PEER_VENV = OUT / "venv-peer"  # under bench/out/: git-ignored with the corpora
PEER_PYTHON = PEER_VENV / "bin" / "python"
# camel-tools without its dependencies (they pull ~6 GB of torch); these are all its normalizers import.
PEER_PACKAGES = ("camel-tools==1.6.0", "six==1.17.0", "emoji==2.16.0", "regex==2026.11.19")
SIZES = {"100k": 100_000, "1m": 1_000_000}
PAGES = ("reader", "speakers", "timelines", "themes", "export")

sys.path.insert(0, str(BENCH))


def _tree(pid: int) -> list[int]:
    """Return pid and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _memory(pids: list[int]) -> tuple[int, int]:
    """Return (PSS summed over pids, largest RSS) in kB; PSS splits pages forked workers share."""
    pss = largest = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pss += int(fields.get("Pss", "0 kB").split()[0])
        largest = max(largest, int(fields.get("Rss", "0 kB").split()[0]))
    return pss, largest


def measure(command: list[str], env: dict[str, str] | None = None, interval: float = 0.1,
            timeout: float | None = None) -> dict:
    """Run command; return its wall and CPU seconds, peak memory of its process tree, exit code and stderr.

    A command still running after timeout seconds is killed with its workers (exit code "timeout").
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, env={**os.environ, **(env or {})}, cwd=REPO)
        peak_pss = peak_rss = 0
        timed_out = False
        while proc.poll() is None:
            pids = _tree(proc.pid)
            pss, rss = _memory(pids)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            if timeout and time.perf_counter() - start > timeout:
                for pid in reversed(pids):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                proc.wait()
                timed_out = True
                break
            time.sleep(interval)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # The children's own maximum covers a spike between two samples.
    peak_rss = max(peak_rss, after.ru_maxrss if after.ru_maxrss > before.ru_maxrss else 0)
    return {"wall": wall, "cpu": cpu, "pss_mb": peak_pss / 1024, "rss_mb": peak_rss / 1024, "load": load,
            "code": "timeout" if timed_out else proc.returncode, "stdout": stdout, "stderr": stderr}


def ensure_corpus(size: str) -> Path:
    """Return the benchmark corpus of a size, making it first when it is missing."""
    import make_corpus

    folder = OUT / f"corpus-{size}"
    if not (folder / "metadata.csv").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        docs, sents, size_bytes = make_corpus.make(SIZES[size], folder)
        print(f"made {folder}: {docs} articles, about {sents} sentences, {size_bytes / 1e6:.0f} MB", file=sys.stderr)
    return folder


def ensure_peer() -> Path:
    """Return the peer's Python, making its venv (camel-tools without torch) first when it is missing."""
    probe = [str(PEER_PYTHON), "-c", "import camel_tools.tokenizers.word, camel_tools.utils.dediac"]
    if PEER_PYTHON.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return PEER_PYTHON
    subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run([str(PEER_PYTHON), "-m", "pip", "install", "--quiet", "--no-deps", *PEER_PACKAGES], check=True)
    return PEER_PYTHON


def _sentences(stderr: str) -> int:
    found = re.findall(r"(\d+) documents, (\d+) sentences", stderr)
    return int(found[-1][1]) if found else 0


def bench_build(corpus: Path, repeat: int) -> dict:
    """Return the medians of `repeat` alternating runs of Qawl's CLI and of the peer on corpus."""
    peer = ensure_peer()
    runs: dict[str, list[dict]] = {"qawl": [], "peer": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(dir=OUT) as target:
            run = measure([str(PYTHON), "-m", "qawl", "frames", str(corpus), "--out", target])
        if run["code"] not in (0, 1):
            raise SystemExit(f"qawl frames failed:\n{run['stderr'][-2000:]}")
        runs["qawl"].append(run)
        run = measure([str(peer), str(BENCH / "peer.py"), str(corpus)])
        if run["code"] != 0:
            raise SystemExit(f"peer failed:\n{run['stderr'][-2000:]}")
        runs["peer"].append(run)
    sentences = _sentences(runs["qawl"][0]["stderr"])
    out = {"sentences": sentences, "bytes": sum(p.stat().st_size for p in corpus.rglob("*.txt"))}
    for name, rows in runs.items():
        out[name] = {k: statistics.median(r[k] for r in rows) for k in ("wall", "cpu", "pss_mb", "rss_mb", "load")}
        out[name]["walls"] = [round(r["wall"], 2) for r in rows]
    # Each Qawl run against the peer run right after it: the machine's speed drifts less within a pair.
    out["ratios"] = [round(q["wall"] / p["wall"], 3) for q, p in zip(runs["qawl"], runs["peer"], strict=True)]
    out["ratio"] = statistics.median(out["ratios"])
    return out


_OPEN = "from qawl import cache; import sys; cache.load_or_build([sys.argv[1]])"


def bench_cache(corpus: Path, cache_dir: Path) -> dict:
    """Return the times of building into an empty disk cache and of reopening from it (fresh processes)."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    env = {"QAWL_CACHE": str(cache_dir)}
    cold = measure([str(PYTHON), "-c", _OPEN, str(corpus)], env)
    warm = measure([str(PYTHON), "-c", _OPEN, str(corpus)], env)
    for run in (cold, warm):
        if run["code"] != 0:
            raise SystemExit(f"cache run failed:\n{run['stderr'][-2000:]}")
    return {"cold": cold["wall"], "cold_pss_mb": cold["pss_mb"], "reopen": warm["wall"],
            "reopen_pss_mb": warm["pss_mb"]}


def bench_pages(corpus: Path, cache_dir: Path, timeout: float) -> dict:
    """Return bench/pages.py's timings: the app reopened on a warm disk cache, then every page."""
    env = {"QAWL_CORPUS": str(corpus), "QAWL_CACHE": str(cache_dir)}
    run = measure([str(PYTHON), str(BENCH / "pages.py")], env, timeout=timeout)
    lines = [line for line in run["stdout"].splitlines() if line.startswith("{")]
    if run["code"] != 0 or not lines:
        return {"error": f"exit {run['code']} after {run['wall']:.0f} s: {run['stderr'][-1500:]}"}
    result = json.loads(lines[-1])
    result["pss_mb"] = run["pss_mb"]
    return result


def _seconds(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, int | float) else "n/a"


def _ratio(build: dict) -> str:
    """Return the median of the paired Qawl/peer ratios, with their range when there were several runs."""
    ratios = build.get("ratios") or [build["qawl"]["wall"] / build["peer"]["wall"]]
    spread = f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else ""
    return f"{statistics.median(ratios):.2f}×{spread}"


def table(results: dict) -> str:
    """Return the results as markdown tables."""
    lines = ["| corpus | sentences | MB | Qawl build s (CPU s) | peer s (CPU s) | ratio (runs) | Qawl sent/s "
             "| peer sent/s | Qawl peak MB | peer peak MB | load |", "|" + "---|" * 11]
    for size, r in results.items():
        b = r.get("build")
        if not b:
            continue
        q, p = b["qawl"], b["peer"]
        lines.append(
            f"| {size} | {b['sentences']:,} | {b['bytes'] / 1e6:.0f} | {q['wall']:.1f} ({q['cpu']:.1f}) "
            f"| {p['wall']:.1f} ({p['cpu']:.1f}) | {_ratio(b)} | {b['sentences'] / q['wall']:,.0f} "
            f"| {b['sentences'] / p['wall']:,.0f} | {q['pss_mb']:,.0f} | {p['pss_mb']:,.0f} | {q['load']:.1f} |")
    lines += ["", "| corpus | build into empty cache s | reopen from cache s | reopen app (fresh process) s |",
              "|---|---|---|---|"]
    for size, r in results.items():
        c, pg = r.get("cache", {}), r.get("pages", {})
        lines.append(f"| {size} | {_seconds(c.get('cold'))} | {_seconds(c.get('reopen'))} "
                     f"| {_seconds(pg.get('open_since_process_start'))} |")
    lines += ["", "| corpus | page | first run s | warm rerun s | speaker-filtered rerun s |", "|---|---|---|---|---|"]
    for size, r in results.items():
        if "error" in r.get("pages", {}):
            lines.append(f"| {size} | all | {r['pages']['error'].splitlines()[0][:100]} | | |")
            continue
        pages = r.get("pages", {}).get("pages", {})
        for name in PAGES:
            row = pages.get(f"pages/{name}.py", {})
            if "error" in row:
                lines.append(f"| {size} | {name} | error: {row['error'][:60]} | | |")
                continue
            lines.append(f"| {size} | {name} | {_seconds(row.get('first'))} | {_seconds(row.get('warm'))} "
                         f"| {_seconds(row.get('speaker'))} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark the arguments ask for, print the table and return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), default=["100k"])
    parser.add_argument("--repeat", type=int, default=1, help="alternating Qawl/peer build runs (medians kept)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["build", "cache", "pages"])
    parser.add_argument("--pages-timeout", type=float, default=900, help="seconds before the page run is stopped")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    for size in args.sizes:
        corpus = ensure_corpus(size)
        cache_dir = OUT / f"cache-{size}"
        r: dict = {}
        if "build" not in args.skip:
            r["build"] = bench_build(corpus, args.repeat)
        if "cache" not in args.skip:
            r["cache"] = bench_cache(corpus, cache_dir)
        if "pages" not in args.skip:
            r["pages"] = bench_pages(corpus, cache_dir, args.pages_timeout)
        results[size] = r
        print(f"{size} done", file=sys.stderr)
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
