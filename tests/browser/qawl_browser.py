"""Serving the dashboard with `streamlit run` and driving it in Debian's Chromium: shared by the tests and scripts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = next((p / "shared" for p in (REPO.parent, REPO.parent.parent) if (p / "shared").is_dir()),
              REPO.parent / "shared")
BBC = SHARED / "corpora" / "bbc_arabic_antcorpus" / "articles"
CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: without the background-networking flags Chromium keeps dialling out and failing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Each pytest-xdist worker (gw0, gw1, …) probes its own ports: two workers starting servers at once never pick one.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
PORTS = range(8640 + 20 * _WORKER, 8660 + 20 * _WORKER)
START_TIMEOUT = 90.0
PAGE_TIMEOUT_MS = 60_000
PAGES = ("", "speakers", "timelines", "themes", "export", "sourcing")
CHART_PAGES = ("speakers", "timelines", "themes", "sourcing")
VIEWPORT = {"width": 1280, "height": 900}
_DONE = "[data-testid=stApp][data-test-script-state=notRunning][data-test-connection-state=CONNECTED]"


def free_port() -> int:
    """Return the first port of PORTS that nothing on this machine listens on."""
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def healthy(url: str) -> bool:
    """Return whether Streamlit's health endpoint at url answers ok."""
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
            return reply.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


class Server:
    """One `streamlit run serve.py` process (or another entry script) on a loopback port, its output kept in a log
    for failure reports."""

    def __init__(self, corpus: Path | None, log: Path, entry: str = "serve.py") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("QAWL_CORPUS", None)
        if corpus is not None:
            env["QAWL_CORPUS"] = str(corpus)
        command = [
            sys.executable, "-m", "streamlit", "run", entry,
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
            )

    def wait_healthy(self) -> None:
        """Return once /_stcore/health says ok; raise with the server's log if it dies or never does."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log_tail()}")
            if healthy(self.url):
                return
            time.sleep(0.3)
        raise RuntimeError(f"streamlit not healthy after {START_TIMEOUT:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        """Return the last lines the server printed."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """End this server process (and only it)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def launch(playwright, profile: Path):
    """Return a headless Chromium context on the fresh user-data-dir profile, downloads allowed."""
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        headless=True,
        accept_downloads=True,
        viewport=VIEWPORT,
    )
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    return context


def wait_for_app(page) -> None:
    """Return once the Streamlit script has finished its run and the page has settled."""
    page.wait_for_selector(_DONE, state="attached")
    # A script may ask for another run (st.rerun, st.switch_page) right after the first: wait until it stays done.
    settled = 0
    while settled < 2:
        page.wait_for_timeout(250)
        settled = settled + 1 if page.locator(_DONE).count() else 0
        if not settled:
            page.wait_for_selector(_DONE, state="attached")
    page.wait_for_selector("[data-testid=stSkeleton]", state="detached")


def open_page(page, base_url: str, path: str, query: str = "") -> None:
    """Open the dashboard page at path (with an optional query string) and wait until its script has run."""
    page.goto(f"{base_url}/{path}" + (f"?{query}" if query else ""), wait_until="domcontentloaded")
    wait_for_app(page)


def full_page_screenshot(page, path: Path) -> None:
    """Save a screenshot of the whole page: Streamlit scrolls inside stMain, so grow the viewport to its height."""
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return Math.max(m ? m.scrollHeight : 0, document.body.scrollHeight); }"
    )
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(height, VIEWPORT["height"]), 16_000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(VIEWPORT)


# Each payload sits inside a sentence with a reporting verb so that it reaches the Reader, the quotes and the charts.
HOSTILE_SENTENCES = (
    "قال الوزير إن <script>window.__xss=2</script> الوضع مستقر.",
    'وأضاف المتحدث باسم الوزارة أن <img src=x onerror="window.__xss=1"> الأسعار ستنخفض.',
    'وقال رئيس الوزراء إن <a href="javascript:window.__xss=3">x</a> الاتفاق مهم للتعاون.',
    "وأكد الوزير أن <style>body{display:none}</style> التعاون الاقتصادي مستمر.",
    'وقال <img src=x onerror="window.__xss=5"> إن الحكومة ستدعم الاقتصاد.',
    'وصرح السفير <b onmouseover="window.__xss=6">بأن</b> المحادثات <svg onload="window.__xss=7"></svg> ناجحة.',
    "=1+2 قال المتحدث إن الاجتماع ناجح.",
    "@SUM(1) وأكد الوزير أن الحوار مستمر.",
)
# Sentences that a spreadsheet would run as formulas unless the CSV export neutralizes them.
FORMULA_SENTENCES = HOSTILE_SENTENCES[-2:]
HOSTILE_TITLE = '<img src=x onerror="window.__xss=4"> عنوان'


def write_hostile_corpus(folder: Path) -> Path:
    """Write a two-article dated corpus whose texts and titles hold HTML/JS payloads; return its folder."""
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    half = len(HOSTILE_SENTENCES) // 2
    for stem, lines in (("hostile-1", HOSTILE_SENTENCES[:half]), ("hostile-2", HOSTILE_SENTENCES[half:])):
        (articles / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "metadata.csv").write_text(
        "id,date,title,source\n"
        f'hostile-1,2024-01-05,"{HOSTILE_TITLE.replace(chr(34), chr(34) * 2)}",<script>window.__xss=8</script>\n'
        'hostile-2,2024-02-10,=HYPERLINK("javascript:1"),test\n',
        encoding="utf-8",
    )
    return articles
