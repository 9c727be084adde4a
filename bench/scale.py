"""The scale benchmark: a corpus's Parquet dataset built on the local process pool and on a Dask LocalCluster,
then 1% new articles added to each.

    .venv/bin/python bench/scale.py --size 10m            # ~2.7 GB of text made under bench/out/ on first use
    .venv/bin/python bench/scale.py --size 1m --modes local

Each build is the whole `python -m qawl frames CORPUS --format parquet --out DIR` process (and, with
--scheduler local, its LocalCluster: scheduler, nannies, workers), measured as bench/run.py measures: wall and CPU
seconds, peak PSS summed over the process tree, the load average when it started. The add runs the same command
with the new articles' folder as a second path. Prints a markdown table; writes bench/out/scale-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import threading
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402
from run import OUT, _tree, measure  # noqa: E402

SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}


def ensure(size: str) -> tuple[Path, Path]:
    """Return the corpus of a size and its 1% of new articles (dated after it), making them when missing."""
    base, extra = OUT / f"corpus-{size}", OUT / f"corpus-{size}-add"
    if not (base / "metadata.csv").is_file():
        shutil.rmtree(base, ignore_errors=True)
        make_corpus.make(SIZES[size], base)
    if not (extra / "metadata.csv").is_file():
        shutil.rmtree(extra, ignore_errors=True)
        last = max((base / "articles").glob("part-*"))  # the copies are numbered: the new ones come after
        copies = max(int(p.stem.rsplit("-c", 1)[1]) for p in last.glob("*.txt")) + 1
        make_corpus.make(SIZES[size] // 100, extra, first_copy=copies)
    return base, extra


def _disk(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file()]
    per_frame = {}
    for frame in ("documents", "sentences", "speakers", "themes", "tokens", "mentions", "_summaries"):
        inside = [p for p in files if p.relative_to(folder).parts[0] == frame]
        per_frame[frame] = {"files": len(inside), "mb": round(sum(p.stat().st_size for p in inside) / 1e6, 1)}
    return {"mb": round(sum(p.stat().st_size for p in files) / 1e6, 1), "files": len(files), "frames": per_frame}


def _cpu_seconds(pid: int) -> float:
    """Return the user + system CPU seconds of one process so far (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Workers(threading.Thread):
    """Samples the CPU seconds of the processes under a command, so that the workers' share can be told from
    the main process's (the command's own process is the main one)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.seen: dict[int, float] = {}
        self.main = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            roots = [int(p) for p in os.listdir("/proc") if p.isdigit() and _is_build(int(p))]
            for root in roots:
                self.main = self.main or root
                for pid in _tree(root):
                    self.seen[pid] = max(self.seen.get(pid, 0.0), _cpu_seconds(pid))

    def split(self) -> tuple[float, float]:
        """Return (CPU seconds of the main process, of all the others)."""
        main = self.seen.get(self.main, 0.0)
        return main, sum(self.seen.values()) - main


def _is_build(pid: int) -> bool:
    """Return whether pid is the command this benchmark started (its child)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1]) == os.getpid()
    except (OSError, ValueError, IndexError):
        return False


def _run(command: list[str]) -> dict:
    sampler = _Workers()
    sampler.start()
    try:
        result = measure(command)
    finally:
        sampler.done.set()
        sampler.join()
    result["main_cpu"], result["workers_cpu"] = sampler.split()
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result['stderr'][-3000:]}")
    lines = [line for line in result["stderr"].splitlines() if "analysed" not in line]
    out = {k: round(v, 2) if isinstance(v, float) else v for k, v in result.items() if k not in ("stdout", "stderr")}
    out["said"] = lines[-4:]
    return out


def bench(size: str, modes: list[str]) -> dict:
    """Return the full build and the 1% add of each mode on the corpus of a size."""
    base, extra = ensure(size)
    results: dict = {}
    for mode in modes:
        target = OUT / f"dataset-{size}-{mode}"
        shutil.rmtree(target, ignore_errors=True)
        command = [sys.executable, "-m", "qawl", "frames", str(base), "--format", "parquet", "--out", str(target)]
        if mode == "dask":
            command += ["--scheduler", "local"]
        full = _run(command)
        manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        full["sentences"] = manifest["counts"]["sentences"]
        full["disk"] = _disk(target)
        full["analysis_seconds"] = manifest["batches"][-1]["analysis_seconds"]
        added = _run([*command[:5], str(extra), *command[5:]])
        manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        added["sentences"] = manifest["batches"][-1]["sentences"]
        added["disk"] = _disk(target)
        results[mode] = {"full": full, "add": added}
        print(f"{size} {mode}: full {full['wall']:.0f} s, add {added['wall']:.1f} s", file=sys.stderr)
    return results


def table(size: str, results: dict) -> str:
    """Return the results as a markdown table."""
    lines = ["| corpus | mode | sentences | wall s | CPU s: all (main, workers) | sent/s | sent per worker CPU s "
             "| peak PSS MB | load | dataset MB (files) | add 1%: wall s, CPU s (peak MB) | add / full (CPU) |",
             "|" + "---|" * 12]
    for mode, r in results.items():
        f, a = r["full"], r["add"]
        per_worker = f["sentences"] / f["workers_cpu"] if f.get("workers_cpu") else 0
        lines.append(
            f"| {size} | {mode} | {f['sentences']:,} | {f['wall']:.0f} | {f['cpu']:.0f} ({f.get('main_cpu', 0):.0f}, "
            f"{f.get('workers_cpu', 0):.0f}) | {f['sentences'] / f['wall']:,.0f} | {per_worker:,.0f} "
            f"| {f['pss_mb']:,.0f} | {f['load']:.1f} | {f['disk']['mb']:,.0f} ({f['disk']['files']}) "
            f"| {a['wall']:.1f}, {a['cpu']:.1f} ({a['pss_mb']:,.0f}) | {a['wall'] / f['wall']:.1%} "
            f"({a['cpu'] / f['cpu']:.1%}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark the arguments ask for, print the table and return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=list(SIZES), default="10m")
    parser.add_argument("--modes", nargs="+", choices=["local", "dask"], default=["local", "dask"])
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = bench(args.size, args.modes)
    (OUT / f"scale-{args.size}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(args.size, results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
