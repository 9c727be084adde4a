"""The app server's memory over one long browser session: does it grow from rerun to rerun?

    .venv/bin/python bench/long_session.py --size 1m                         # 200 reruns, memory every 20
    .venv/bin/python bench/long_session.py --size 1m --post-script-gc true   # with Streamlit's collection after runs

A `streamlit run serve.py` server is started fresh on the corpus of bench/make_corpus.py (as bench/session.py does,
its hook logging every script run) and one Chromium tab works in it: page after page through the sidebar's
navigation, on each a speaker chosen in the sidebar's filter (the most quoted ones in turn) and a keyword typed,
then the filters cleared. After every 20 script runs of that session, and at its start and end, the resident memory
(RSS) and proportional set size (PSS) of the server's process tree are written down. --post-script-gc sets
Streamlit's runner.postScriptGC for this server (STREAMLIT_RUNNER_POST_SCRIPT_GC; .streamlit/config.toml sets false).
Prints a markdown table; writes bench/out/long_session.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH.parent / "tests" / "browser"))

import session  # noqa: E402

NAV_PAGES = 6  # Reader, Speakers, Timelines, Themes, Sourcing, Export
KEYWORDS = ("الرئيس", "الحكومة", "الاقتصاد")


def tree_memory(pid: int) -> tuple[float, float]:
    """Return the RSS and PSS (MB) of a process and its descendants."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo += [int(c) for c in children.read().split()]
        except OSError:
            continue
    rss = pss = 0
    for current in pids:
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    name, value = line.split(":", 1) if ":" in line else ("", "")
                    if name == "Rss":
                        rss += int(value.split()[0])
                    elif name == "Pss":
                        pss += int(value.split()[0])
        except OSError:
            continue
    return round(rss / 1024, 1), round(pss / 1024, 1)


def runs_so_far(log: Path) -> int:
    """Return how many script runs the server's hook has logged."""
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def main(argv: list[str] | None = None) -> int:
    """Run the long session; print the table of memory by runs; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1m")
    parser.add_argument("--runs", type=int, default=200, help="script runs of the session")
    parser.add_argument("--every", type=int, default=20, help="runs between two looks at the memory")
    parser.add_argument("--speakers", type=int, default=10, help="the most quoted speakers chosen in turn")
    parser.add_argument("--entry", default="serve.py")
    parser.add_argument("--post-script-gc", choices=("true", "false"), help="Streamlit's runner.postScriptGC")
    args = parser.parse_args(argv)
    import qawl_browser
    from playwright.sync_api import sync_playwright

    corpus, cache_dir = BENCH / "out" / f"corpus-{args.size}", BENCH / "out" / f"cache-{args.size}"
    os.environ.update({"QAWL_CORPUS": str(corpus), "QAWL_CACHE": str(cache_dir), "QAWL_BACKEND": "duckdb"})
    if args.post_script_gc:
        os.environ["STREAMLIT_RUNNER_POST_SCRIPT_GC"] = args.post_script_gc
    speakers = top_speakers(corpus, args.speakers)
    samples: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="qawl-long-") as tmp, sync_playwright() as playwright:
        log = Path(tmp) / "runs.jsonl"
        os.environ[session.LOG_VAR] = str(log)
        os.environ["PYTHONPATH"] = os.pathsep.join([str(BENCH / "session_hook"), os.environ.get("PYTHONPATH", "")])
        server = qawl_browser.Server(corpus, Path(tmp) / "server.log", args.entry)
        started = time.time()
        try:
            server.wait_healthy()
            context = qawl_browser.launch(playwright, Path(tmp) / "profile")
            page = context.new_page()
            qawl_browser.open_page(page, server.url, "")

            def look(step: str) -> None:
                rss, pss = tree_memory(server.process.pid)
                samples.append({"runs": runs_so_far(log), "rss_mb": rss, "pss_mb": pss, "step": step,
                                "seconds": round(time.time() - started, 1)})

            look("first run")
            next_look, step = args.every, 0
            while runs_so_far(log) < args.runs:
                act(page, step, speakers)
                step += 1
                if runs_so_far(log) >= next_look:
                    look(f"step {step}")
                    next_look += args.every
            look("end")
            context.close()
            queries = [json.loads(line)["query"] for line in log.read_text(encoding="utf-8").splitlines()]
        finally:
            server.stop()
    out = {"size": args.size, "entry": args.entry, "post_script_gc": args.post_script_gc or "config",
           "samples": samples, "load_average": os.getloadavg(),
           "runs_with": {p: sum(f"{p}=" in q for q in queries) for p in ("speaker", "q")}}
    (BENCH / "out" / "long_session.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
    print("| script runs | seconds | RSS MB | PSS MB |\n|---|---|---|---|")
    for s in samples:
        print(f"| {s['runs']} | {s['seconds']} | {s['rss_mb']} | {s['pss_mb']} |")
    print(f"runs with a speaker, a keyword in the URL: {out['runs_with']}; load average: {os.getloadavg()}")
    return 0


def top_speakers(corpus: Path, n: int) -> list[str]:
    """Return the n most quoted speakers of the corpus (its DuckDB store)."""
    from qawl import cache
    from qawl.duckdb_store import DuckDBStore

    key = cache.paths_key([corpus])
    return [str(s) for s in DuckDBStore(cache.entry(key), key).speaker_counts(n)["speaker"]]


def act(page, step: int, speakers: list[str]) -> None:
    """Do the step-th thing of the session (a page, a speaker, a keyword, clearing: each one run or more) and wait
    until the app has finished its run."""
    from qawl_browser import wait_for_app

    sidebar = page.locator("[data-testid=stSidebar]")
    kind = step % 4
    if kind == 0:
        sidebar.locator("[data-testid=stSidebarNav] a").nth(step // 4 % NAV_PAGES).click()
    elif kind == 1:
        sidebar.locator("[data-testid=stMultiSelect] input").first.click()
        page.keyboard.type(speakers[step // 4 % len(speakers)])
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    elif kind == 2:
        sidebar.locator("[data-testid=stTextInput] input").first.fill(KEYWORDS[step // 4 % len(KEYWORDS)])
        page.keyboard.press("Enter")
    else:
        sidebar.get_by_role("button", name="Clear filters").click()
    page.wait_for_timeout(100)
    wait_for_app(page)


if __name__ == "__main__":
    sys.exit(main())
