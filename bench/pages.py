"""Server time of every dashboard page (Streamlit AppTest) on one corpus; prints one JSON object.

    QAWL_CORPUS=bench/out/corpus-100k QAWL_CACHE=bench/out/cache .venv/bin/python bench/pages.py

The first run opens the app as a user would (the corpus comes from the disk cache when it is warm; QAWL_BACKEND
chooses the store). Then, per page: its first run, a warm rerun with nothing changed, and a rerun after picking the
most quoted speaker in the sidebar filter (cleared again, untimed, before the next page). The process's memory
(resident set) is given after the opening run and at its peak.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from pathlib import Path

STARTED = time.time()
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from streamlit.testing.v1 import AppTest  # noqa: E402

PAGES = ("pages/reader.py", "pages/speakers.py", "pages/timelines.py", "pages/themes.py", "pages/export.py")
SPEAKER_FILTER = "filter_speaker"
TIMEOUT = 1800


def _timed(at: AppTest) -> tuple[float, str]:
    start = time.perf_counter()
    at.run(timeout=TIMEOUT)
    seconds = time.perf_counter() - start
    problem = "; ".join(str(e.message).splitlines()[0] for e in at.exception) if at.exception else ""
    return round(seconds, 3), problem


def _top_speaker(at: AppTest) -> str | None:
    """Return the first option of the speaker filter (the most quoted speaker), or None."""
    try:
        widget = at.multiselect(key=SPEAKER_FILTER)
    except (KeyError, ValueError):
        return None
    options = getattr(widget, "options", [])
    if not options:
        return None
    for store in _stores():
        speakers = store.speaker_counts(1)["speaker"]
        if len(speakers):
            return str(speakers.iloc[0])
    return None


def _stores() -> list:
    from ui import corpus as ui_corpus

    return list(ui_corpus._registry().values())


def _rss_mb() -> int:
    """Return this process's resident set size now, in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return round(int(line.split()[1]) / 1024)


def main() -> int:
    """Time the app's opening and every page; print the results as JSON; return the exit code."""
    result: dict[str, object] = {"pages": {}}
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    seconds, problem = _timed(at)
    result["open_run"] = seconds
    result["open_since_process_start"] = round(time.time() - STARTED, 3)
    result["open_problem"] = problem
    result["rss_open_mb"] = _rss_mb()
    result["store"] = next((type(s).__name__ for s in _stores()), None)
    speaker = _top_speaker(at)
    result["speaker"] = speaker
    for page in PAGES:
        row: dict[str, object] = {}
        try:
            at.switch_page(page)
            row["first"], row["first_problem"] = _timed(at)
            row["elements"] = len(at.main)
            row["warm"], row["warm_problem"] = _timed(at)
            if speaker:
                at.multiselect(key=SPEAKER_FILTER).set_value([speaker])
                row["speaker"], row["speaker_problem"] = _timed(at)
                at.multiselect(key=SPEAKER_FILTER).set_value([])
                at.run(timeout=TIMEOUT)
        except Exception as exc:  # a page that is not there yet is reported, not fatal
            row["error"] = f"{type(exc).__name__}: {exc}"
            row["trace"] = traceback.format_exc(limit=3)
        result["pages"][page] = row
    result["rss_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
