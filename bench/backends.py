"""The dashboard per backend (pandas frames in memory, DuckDB over the Parquet files): page times, a fresh app
process opening the corpus, and page URLs opened in fresh Chromium sessions.

    .venv/bin/python bench/backends.py --sizes 100k 1m            # both backends (a few minutes per size)
    .venv/bin/python bench/backends.py --sizes 1m --backends duckdb --skip browser

Per size and backend:
- index: the first DuckDB opening writes the corpus's index beside its Parquet files (qawl/duckdb_index.py); timed
  in a fresh process, once (a later opening reuses it);
- pages: bench/pages.py in a fresh process (QAWL_BACKEND set): the app's first run counted from the process start,
  its memory after that run and at its peak, then every page's first run, warm rerun and speaker-filtered rerun;
- browser: a `streamlit run` server started fresh; the first URL (the Reader) opened in a fresh Chromium session
  (the server opens the corpus meanwhile), then every page URL, alone and with the most quoted speaker in its query
  string, each in a fresh session (new profile), timed from the navigation until the page shows the script's run
  ended (bench/session.py's DONE_WATCH; `settled` in the JSON: until wait_for_app was sure no other run followed,
  0.5 s or more later, what this column measured before 2026-11-29 evening); the server's memory (PSS of its
  process tree) at its peak. Prints markdown tables; writes bench/out/backends.json. bench/session.py times the
  steps of such a session apart.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests" / "browser"))
sys.path.insert(0, str(REPO))

import run  # noqa: E402
import session  # noqa: E402

PAGES = ("", "speakers", "timelines", "themes", "export")
PAGE_TIMEOUT_MS = 300_000
_OPEN_INDEX = ("import sys, time; from qawl import cache; from qawl.duckdb_index import Dataset, open_index; "
               "t = time.perf_counter(); open_index(Dataset(cache.entry(cache.paths_key([sys.argv[1]])))); "
               "print(round(time.perf_counter() - t, 2))")
_TOP_SPEAKER = ("import sys; from qawl import cache; from qawl.duckdb_store import DuckDBStore; "
                "key = cache.paths_key([sys.argv[1]]); "
                "print(DuckDBStore(cache.entry(key), key).speaker_counts(1)['speaker'].iloc[0])")


def python() -> str:
    """Return the Python to run the app with: the repository's venv when there is one, else this one."""
    return str(run.PYTHON) if run.PYTHON.exists() else sys.executable


def ensure_cache(corpus: Path, cache_dir: Path) -> None:
    """Build the corpus's frames into the disk cache when they are not there."""
    done = subprocess.run([python(), "-c", run._OPEN, str(corpus)], cwd=REPO, env={**os.environ,
                          "QAWL_CACHE": str(cache_dir)}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"building the cache failed:\n{done.stderr[-2000:]}")


def bench_index(corpus: Path, env: dict[str, str], rebuild: bool) -> dict:
    """Return the time of writing the DuckDB index in a fresh process (or of finding it, unless rebuild)."""
    if rebuild:
        code = ("import sys; from qawl import cache; from qawl.duckdb_index import Dataset, index_path; "
                "index_path(Dataset(cache.entry(cache.paths_key([sys.argv[1]])))).unlink(missing_ok=True)")
        subprocess.run([python(), "-c", code, str(corpus)], cwd=REPO, env={**os.environ, **env}, check=True)
    done = run.measure([python(), "-c", _OPEN_INDEX, str(corpus)], env)
    return {"seconds": float((done["stdout"].split() or ["nan"])[-1]), "pss_mb": round(done["pss_mb"])}


def bench_pages(env: dict[str, str], timeout: float) -> dict:
    """Return bench/pages.py's results in a fresh process, with the peak PSS of the process."""
    done = run.measure([python(), str(BENCH / "pages.py")], env, timeout=timeout)
    lines = [line for line in done["stdout"].splitlines() if line.startswith("{")]
    if done["code"] != 0 or not lines:
        return {"error": f"exit {done['code']}: {done['stderr'][-1500:]}"}
    return json.loads(lines[-1]) | {"pss_mb": round(done["pss_mb"]), "load": done["load"]}


def bench_browser(corpus: Path, env: dict[str, str], speaker: str) -> dict:
    """Return the seconds until the run ends of page URLs opened in fresh Chromium sessions, and the server's
    peak memory."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
    from qawl_browser import Server, launch, open_page

    os.environ.update(env)
    out: dict[str, Any] = {"pages": {}, "settled": {}}
    with tempfile.TemporaryDirectory(prefix="qawl-bench-") as tmp, sync_playwright() as playwright:
        server = Server(corpus, Path(tmp) / "server.log")
        peak = 0
        try:
            server.wait_healthy()
            for n, (path, query) in enumerate([(p, q) for q in ("", urlencode({"speaker": speaker})) for p in PAGES]):
                context = launch(playwright, Path(tmp) / f"profile-{n}")
                context.set_default_timeout(PAGE_TIMEOUT_MS)
                page = context.new_page()
                page.add_init_script(session.DONE_WATCH)
                start = time.time()
                settled: float | str = ""
                try:
                    open_page(page, server.url, path, query)
                    settled = round(time.time() - start, 2)
                    seconds: float | str = round(session.shown_done(page) - start, 2)
                except PlaywrightError as exc:  # reported, and the next page tried
                    seconds = f"failed after {time.time() - start:.0f} s: {str(exc).splitlines()[0][:80]}"
                context.close()
                peak = max(peak, run._memory(run._tree(server.process.pid))[0])
                name = f"{path or 'reader'}{'?speaker' if query else ''}"
                out["pages"][name] = seconds
                out["settled"][name] = settled
        finally:
            server.stop()
    out["server_pss_mb"] = round(peak / 1024)
    return out


def _fresh(browser: dict, name: str) -> str:
    """Return a page's fresh-session seconds: until the run was shown ended (until wait_for_app was sure)."""
    opened, settled = browser.get("pages", {}), browser.get("settled", {})
    return f"{opened[name]} ({settled.get(name, '')})" if name in opened else ""


def table(results: dict) -> str:
    """Return the results as markdown tables."""
    lines = ["| corpus | backend | index s | app open s (fresh process) | RSS after open MB | peak RSS MB "
             "| server peak PSS MB |", "|" + "---|" * 7]
    for (size, backend), r in results.items():
        pg, br, ix = r.get("pages", {}), r.get("browser", {}), r.get("index", {})
        lines.append(f"| {size} | {backend} | {ix.get('seconds', '')} | {pg.get('open_since_process_start', '')} "
                     f"| {pg.get('rss_open_mb', '')} | {pg.get('rss_peak_mb', '')} | {br.get('server_pss_mb', '')} |")
    lines += ["", "| corpus | backend | page | first run s | warm rerun s | speaker-filtered rerun s "
              "| fresh Chromium s (settled) | fresh Chromium, speaker s (settled) |", "|" + "---|" * 8]
    for (size, backend), r in results.items():
        pages = r.get("pages", {}).get("pages", {})
        browser = r.get("browser", {})
        for name in ("reader", *PAGES[1:]):
            row = pages.get(f"pages/{name}.py", {})
            fresh = f"{_fresh(browser, name)} | {_fresh(browser, name + '?speaker')}"
            lines.append(f"| {size} | {backend} | {name} | {row.get('first', '')} | {row.get('warm', '')} "
                         f"| {row.get('speaker', '')} | {fresh} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark the arguments ask for, print the tables and return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=list(run.SIZES), default=["100k"])
    parser.add_argument("--backends", nargs="+", choices=["pandas", "duckdb"], default=["pandas", "duckdb"])
    parser.add_argument("--skip", nargs="*", default=[], choices=["index", "pages", "browser"])
    parser.add_argument("--rebuild-index", action="store_true", help="time writing the DuckDB index from scratch")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a page run is stopped")
    args = parser.parse_args(argv)
    results: dict[tuple[str, str], dict] = {}
    for size in args.sizes:
        corpus = run.ensure_corpus(size)
        cache_dir = run.OUT / f"cache-{size}"
        ensure_cache(corpus, cache_dir)
        speaker = ""
        for backend in args.backends:
            env = {"QAWL_CORPUS": str(corpus), "QAWL_CACHE": str(cache_dir), "QAWL_BACKEND": backend}
            r: dict = {}
            if backend == "duckdb" and "index" not in args.skip:
                r["index"] = bench_index(corpus, env, args.rebuild_index)
            if "pages" not in args.skip:
                r["pages"] = bench_pages(env, args.timeout)
                speaker = r["pages"].get("speaker") or speaker
            if "browser" not in args.skip:
                if not speaker:
                    speaker = subprocess.run([python(), "-c", _TOP_SPEAKER, str(corpus)], cwd=REPO, text=True,
                                             env={**os.environ, **env}, capture_output=True).stdout.strip()
                r["browser"] = bench_browser(corpus, env, speaker)
            results[(size, backend)] = r
            print(f"{size} {backend} done", file=sys.stderr)
    (run.OUT / "backends.json").write_text(json.dumps({f"{s} {b}": r for (s, b), r in results.items()},
                                                      ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
