"""Where the seconds of a page URL opened in a fresh browser session go: Chromium's timestamps beside the server's.

    .venv/bin/python bench/session.py --size 1m                    # every page, alone and with the top speaker
    .venv/bin/python bench/session.py --size 1m --profile /tmp/p   # and a cProfile of every script run
    .venv/bin/python bench/session.py --size 1m --pages "" --at-once --entry app.py

A `streamlit run serve.py` server (--entry app.py: `streamlit run app.py`, which prepares nothing before the first
session) is started fresh with a hook (bench/session_hook/sitecustomize.py) that logs every script run's start and end
(and, with --profile, its profile). The Reader is opened once first (the server opens the corpus meanwhile: the first
URL's row), then every page URL, alone and with the most quoted speaker in its query string, each in a fresh Chromium
session (new profile); the first URL as soon as its Chromium has started once the server answers (--at-once: that
Chromium started before the server, the URL opened as soon as the server answers; after_answering: the seconds between).
Per URL, from the navigation's start: the HTML's response, DOMContentLoaded, the websocket's opening, the first message
the server sent on it, the start and end of the server's script runs, the last message, the end of the run as the page
shows it (DONE_WATCH) and the moment `wait_for_app` is sure of it (0.5 s or more later: what `bench/backends.py`
measured before); the bytes of JavaScript loaded and of the messages received. Prints a markdown table; writes
bench/out/session.json. With QAWL_MSG_LOG=FILE set, the server also logs the time of every message it sends (the hook).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
LOG_VAR = "QAWL_RUN_LOG"
PROFILE_VAR = "QAWL_RUN_PROFILE"
PAGES = ("", "speakers", "timelines", "themes", "export")


def top_speaker(corpus: Path) -> str:
    """Return the most quoted speaker of the corpus (its DuckDB store)."""
    sys.path.insert(0, str(REPO))
    from qawl import cache
    from qawl.duckdb_store import DuckDBStore

    key = cache.paths_key([corpus])
    return str(DuckDBStore(cache.entry(key), key).speaker_counts(1)["speaker"].iloc[0])


# Notes in the page when the app last came to show a finished run (performance.now()): when the run ended, as the page
# shows it. wait_for_app returns 0.5 s or more later, once the state has held over two checks 250 ms apart.
_DONE = "[data-testid=stApp][data-test-script-state=notRunning][data-test-connection-state=CONNECTED]"
DONE_WATCH = """(() => {
  let was = false;
  new MutationObserver(() => {
    const now = document.querySelector('DONE') !== null;
    if (now && !was) window.__qawlDone = performance.now();
    was = now;
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ['data-test-script-state', 'data-test-connection-state']});
})();""".replace("DONE", _DONE)


def shown_done(page) -> float:
    """Return the wall-clock time (s) at which the page last came to show a finished run (DONE_WATCH added)."""
    return page.evaluate("performance.timeOrigin + window.__qawlDone") / 1000


def open_timed(page, url: str) -> dict:
    """Open url in page, wait for the run to end; return the seconds of each step from the navigation's start."""
    from qawl_browser import wait_for_app

    marks: dict[str, float] = {}
    received = {"frames": 0, "bytes": 0}

    def on_socket(ws) -> None:
        marks.setdefault("ws_open", time.time())

        def on_frame(payload) -> None:
            marks.setdefault("first_message", time.time())
            marks["last_message"] = time.time()
            received["frames"] += 1
            received["bytes"] += len(payload)

        ws.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    page.add_init_script(DONE_WATCH)
    start = time.time()
    page.goto(url, wait_until="domcontentloaded")
    marks["dom_content_loaded"] = time.time()
    wait_for_app(page)
    marks["settled"] = time.time()
    marks["run_shown_end"] = shown_done(page)
    timing = page.evaluate("""() => {
        const n = performance.getEntriesByType('navigation')[0];
        const js = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'));
        return {origin: performance.timeOrigin, response_end: n.responseEnd, js_files: js.length,
                js_bytes: js.reduce((s, r) => s + (r.decodedBodySize || 0), 0),
                js_end: js.reduce((m, r) => Math.max(m, r.responseEnd), 0)};
    }""")
    out = {k: round(v - start, 3) for k, v in marks.items()}
    out["html_response"] = round((timing["origin"] + timing["response_end"]) / 1000 - start, 3)
    out["js_loaded"] = round((timing["origin"] + timing["js_end"]) / 1000 - start, 3)
    out |= {"js_files": timing["js_files"], "js_mb": round(timing["js_bytes"] / 1e6, 2),
            "messages": received["frames"], "message_kb": round(received["bytes"] / 1e3)}
    out["start"] = start
    return out


def main(argv: list[str] | None = None) -> int:
    """Time every page URL in fresh sessions; print the table; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1m")
    parser.add_argument("--repeat", type=int, default=1, help="fresh sessions per URL")
    parser.add_argument("--profile", type=Path, help="folder for a cProfile of every script run")
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--entry", default="serve.py", help="the script `streamlit run` starts (serve.py, app.py)")
    parser.add_argument("--at-once", action="store_true",
                        help="open the first URL as soon as the server answers (its Chromium started before)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    import qawl_browser
    from playwright.sync_api import sync_playwright

    corpus, cache_dir = BENCH / "out" / f"corpus-{args.size}", BENCH / "out" / f"cache-{args.size}"
    os.environ.update({"QAWL_CORPUS": str(corpus), "QAWL_CACHE": str(cache_dir), "QAWL_BACKEND": "duckdb"})
    speaker = top_speaker(corpus)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="qawl-session-") as tmp, sync_playwright() as playwright:
        log = Path(tmp) / "runs.jsonl"
        os.environ[LOG_VAR] = str(log)
        if args.profile:
            args.profile.mkdir(parents=True, exist_ok=True)
            os.environ[PROFILE_VAR] = str(args.profile)
        os.environ["PYTHONPATH"] = os.pathsep.join([str(BENCH / "session_hook"), os.environ.get("PYTHONPATH", "")])
        first = qawl_browser.launch(playwright, Path(tmp) / "profile-0") if args.at_once else None
        server = qawl_browser.Server(corpus, Path(tmp) / "server.log", args.entry)
        try:
            server.wait_healthy()
            answered = time.time()
            urls = [("warm-up", "")] + [(p, q) for _ in range(args.repeat)
                                        for q in ("", urlencode({"speaker": speaker})) for p in args.pages]
            for n, (path, query) in enumerate(urls):
                context = first if n == 0 and first else qawl_browser.launch(playwright, Path(tmp) / f"profile-{n}")
                page = context.new_page()
                url = f"{server.url}/{'' if path == 'warm-up' else path}" + (f"?{query}" if query else "")
                name = "first URL (reader)" if path == "warm-up" else (path or "reader") + ("?speaker" if query else "")
                row = open_timed(page, url) | {"page": name}
                if n == 0:  # how long the server had had before the first URL came (Chromium's start)
                    row["after_answering"] = round(row["start"] - answered, 3)
                context.close()
                rows.append(row)
        finally:
            server.stop()
        runs = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    for row in rows:  # the script runs that began while the page was open, from its start
        mine = [r for r in runs if row["start"] <= r["start"] <= row["start"] + row["settled"]]
        if mine:
            row["run_start"] = round(min(r["start"] for r in mine) - row["start"], 3)
            row["run_end"] = round(max(r["end"] for r in mine) - row["start"], 3)
            row["runs"] = len(mine)
            row["run_s"] = round(sum(r["end"] - r["start"] for r in mine), 3)
    (BENCH / "out" / "session.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(table(rows))
    print(f"load average: {os.getloadavg()}")
    return 0


COLUMNS = ("after_answering", "html_response", "dom_content_loaded", "js_loaded", "ws_open", "first_message",
           "run_start", "run_end", "last_message", "run_shown_end", "settled", "runs", "run_s", "js_mb", "message_kb")


def table(rows: list[dict]) -> str:
    """Return the rows as a markdown table (the median per page when a page was opened more than once)."""
    by_page: dict[str, list[dict]] = {}
    for row in rows:
        by_page.setdefault(row["page"], []).append(row)
    lines = ["| page | " + " | ".join(COLUMNS) + " |", "|" + "---|" * (len(COLUMNS) + 1)]
    for page, group in by_page.items():
        cells = [statistics.median([r[c] for r in group if c in r]) if any(c in r for r in group) else ""
                 for c in COLUMNS]
        lines.append(f"| {page} | " + " | ".join(str(round(c, 2) if isinstance(c, float) else c) for c in cells)
                     + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
