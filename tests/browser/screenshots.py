"""Full-page screenshots of every dashboard page on the seed, the BBC sample and a hostile corpus, to look at.

Run: .venv/bin/python tests/browser/screenshots.py [--out screenshots/browser]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright
from qawl_browser import BBC, PAGES, REPO, Server, full_page_screenshot, launch, open_page, write_hostile_corpus


def views(corpus: Path | None) -> list[tuple[str, str, str]]:
    """Return (name, path, query) of every page, plus the speaker-filtered Speakers and Export pages."""
    if str(REPO) not in sys.path:  # run as a script, only tests/browser is on the path
        sys.path.insert(0, str(REPO))
    from qawl.frames import build_paths

    pages = [(path or "reader", path, "") for path in PAGES]
    speakers = build_paths([corpus or REPO / "data" / "corpus"]).speakers
    if len(speakers):
        top = speakers.sort_values("n_sentences", ascending=False, kind="stable")["speaker"].iloc[0]
        query = urlencode({"speaker": top})
        pages += [("speakers-filtered", "speakers", query), ("export-filtered", "export", query)]
    return pages


def main() -> int:
    """Take the screenshots; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots" / "browser")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="qawl-shots-") as tmp:
        work = Path(tmp)
        corpora: dict[str, Path | None] = {"seed": None}
        if BBC.is_dir():
            corpora["bbc"] = BBC
        corpora["hostile"] = write_hostile_corpus(work / "hostile")
        with sync_playwright() as playwright:
            context = launch(playwright, work / "profile")
            page = context.new_page()
            try:
                for name, corpus in corpora.items():
                    server = Server(corpus, work / f"{name}.log")
                    try:
                        server.wait_healthy()
                        for view, path, query in views(corpus):
                            open_page(page, server.url, path, query)
                            target = args.out / f"{name}-{view}.png"
                            full_page_screenshot(page, target)
                            print(target, file=sys.stderr)
                    finally:
                        server.stop()
            finally:
                context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
