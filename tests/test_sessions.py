"""What a new browser session costs the server: the corpus's files are checked once per process while they stay as
they were (not once per session), the first time by a child process app.py starts before its imports (serve.py as
the server starts, with the app's modules), while the corpus's DuckDB store opens under the key it had last time; the
chart modules are prepared in the background after the first run, the Export page's sourcing files are kept by what
they answer, and no run waits for a collection of all garbage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from dashboard_corpora import SPA, write_dated_corpus
from streamlit.testing.v1 import AppTest

from qawl import cache, corpus, stamps, watch
from qawl.filters import Filters
from qawl.frames import build_paths
from ui import context, downloads, early
from ui import corpus as ui_corpus

REPO = ui_corpus.BUNDLED.parent.parent
TIMEOUT = 60
WAIT = 20.0
# The libraries whose import took most of a fresh server's first run, and Streamlit's emoji table (read at the first
# widget with labels).
LIBRARIES = {"pandas", "numpy", "pyarrow", "duckdb", "babel", "streamlit.emojis"}


@pytest.fixture(autouse=True)
def empty_streamlit_caches(monkeypatch):
    fresh_process(monkeypatch)


def fresh_process(monkeypatch) -> None:
    """Forget what this process knows of its corpora, as a restarted server would (the disk cache stays)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    # A fresh process as far as ui/early.py knows: app.py's first run starts the check of QAWL_CORPUS's files.
    monkeypatch.setattr(early, "_begun", False)
    monkeypatch.setattr(early, "_ready", threading.Event())
    monkeypatch.setattr(early, "_pending", {})
    monkeypatch.setattr(ui_corpus, "_AHEAD", {})


def session(monkeypatch, folder, page: str | None = None) -> AppTest:
    """Return a new session (AppTest) of the app on the corpus folder after its first run."""
    monkeypatch.setenv("QAWL_CORPUS", str(folder))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=TIMEOUT)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def shown_sentences(at: AppTest) -> str:
    """Return the header's caption (it counts the sentences shown)."""
    return at.caption[0].value


@pytest.mark.skipif(watch.InotifyObserver is None, reason="inotify is Linux's")
def test_a_new_session_checks_the_files_again_only_after_one_changed(monkeypatch, tmp_path):
    folder = write_dated_corpus(tmp_path)
    checks = []
    real = cache.paths_key
    monkeypatch.setattr(cache, "paths_key", lambda *args, **kwargs: checks.append(1) or real(*args, **kwargs))
    first = session(monkeypatch, folder)
    assert len(checks) == 1
    second = session(monkeypatch, folder)
    assert len(checks) == 1 and shown_sentences(second) == shown_sentences(first)
    (folder / "seed-d.txt").write_text("وقال الوزير إن التعاون مستمر.\n", encoding="utf-8")
    deadline = time.monotonic() + WAIT
    extra = (str(cache.folder()), ui_corpus.lexicons.load().digest)
    while ui_corpus._checked_keys().kept((str(folder),), extra) and time.monotonic() < deadline:
        time.sleep(0.05)
    third = session(monkeypatch, folder)
    assert len(checks) == 2
    assert "18 of 18 sentences" in shown_sentences(third) and "17 of 17" in shown_sentences(first)


def test_the_chart_modules_are_imported_in_the_background(monkeypatch, tmp_path):
    session(monkeypatch, write_dated_corpus(tmp_path))
    thread = context.warm_up()  # the one the run started, after the page (kept per process)
    thread.join(timeout=TIMEOUT)
    assert thread.name == "qawl-warm-up-charts" and "ui.charts" in sys.modules and "matplotlib.pyplot" in sys.modules


def test_a_sourcing_file_is_kept_by_the_filters_it_answers(monkeypatch, tmp_path):
    at = session(monkeypatch, write_dated_corpus(tmp_path), "pages/export.py")
    store = next(iter(ui_corpus._registry().values()))
    only_spa, every = Filters(sources=(SPA,)), Filters()
    frame_spa, frame_all = store.unnamed_by_source(only_spa), store.unnamed_by_source(every)
    assert len(frame_spa) < len(frame_all)
    spa = downloads._table_file(store.key, only_spa, "unnamed_by_outlet", "csv", frame_spa)
    assert spa == downloads.table_bytes(frame_spa, "csv") != downloads.table_bytes(frame_all, "csv")
    assert downloads._table_file(store.key, every, "unnamed_by_outlet", "csv", frame_all) != spa
    # Only the answer's key counts: the frame is not hashed on every run.
    assert downloads._table_file(store.key, only_spa, "unnamed_by_outlet", "csv", pd.DataFrame()) == spa
    assert [b.label for b in at.download_button if b.key == "download_unnamed_by_outlet_csv"] == [
        f"unnamed_by_outlet.csv ({len(frame_all)} rows)"]


def test_a_child_process_fingerprints_the_files_as_the_cache_key_does(tmp_path):
    folder = str(write_dated_corpus(tmp_path))
    assert stamps.Apart([folder]).result() == stamps.fingerprint(corpus.files([folder]))
    root = tmp_path / "cache"
    assert cache.paths_key([folder], root, apart=stamps.Apart([folder])) == cache.paths_key([folder], root)


def test_a_child_that_fails_leaves_the_check_to_the_caller(monkeypatch, tmp_path):
    folder = str(write_dated_corpus(tmp_path))

    def cannot_start(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", cannot_start)
    apart = stamps.Apart([folder])
    assert apart.result() is None
    assert cache.paths_key([folder], tmp_path / "a", apart=apart) == cache.paths_key([folder], tmp_path / "b")


def test_the_first_session_takes_the_check_app_py_started(monkeypatch, tmp_path):
    folder = write_dated_corpus(tmp_path)
    monkeypatch.setenv("QAWL_CORPUS", str(folder))
    checked = []
    real = cache.paths_key
    monkeypatch.setattr(cache, "paths_key", lambda *args, **kwargs: checked.append(kwargs.get("apart")) or real(
        *args, **kwargs))
    first = session(monkeypatch, folder)
    assert len(checked) == 1 and isinstance(checked[0], stamps.Apart)  # the child's, taken once
    assert early.take((str(folder),)) is None
    assert "17 of 17 sentences" in shown_sentences(first)
    session(monkeypatch, folder)
    assert len(checked) == 1  # later sessions: the kept key


def test_a_built_dataset_starts_no_child(monkeypatch, tmp_path):
    entry = cache.write(build_paths([write_dated_corpus(tmp_path)]), "dated", tmp_path / "cache")
    monkeypatch.setenv("QAWL_CORPUS", str(entry))
    early.begin()
    assert early.take((str(entry),)) is None


def test_the_warm_up_works_only_between_runs():
    """Beside a run it took the GIL from it: the pages' reruns right after a first run were 0.1-0.2 s slower."""
    done = threading.Event()
    with context.running():
        waiting = threading.Thread(target=lambda: (context._between_runs(), done.set()), daemon=True)
        waiting.start()
        assert not done.wait(0.3)
    ended = time.monotonic()
    assert done.wait(TIMEOUT) and time.monotonic() - ended >= context.QUIET * 0.9


def test_a_held_child_looks_at_the_files_only_once_let_go(tmp_path):
    folder = write_dated_corpus(tmp_path)
    apart = stamps.Apart([str(folder)], held=True)
    time.sleep(0.5)  # ample for the child to start: were it not held, it would have looked already
    (folder / "seed-d.txt").write_text("وقال الوزير إن التعاون مستمر.\n", encoding="utf-8")
    apart.go()
    assert apart.result() == stamps.fingerprint(corpus.files([str(folder)]))


def test_a_held_child_never_let_go_still_answers(tmp_path):
    folder = str(write_dated_corpus(tmp_path))
    assert stamps.Apart([folder], held=True).result() == stamps.fingerprint(corpus.files([folder]))


def record_stores(monkeypatch) -> list[str]:
    """Return the list to which every DuckDB store the dashboard makes from now on adds its thread's name."""
    made: list[str] = []

    class Recorded(ui_corpus.DuckDBStore):
        def __init__(self, *args, **kwargs) -> None:
            made.append(threading.current_thread().name)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ui_corpus, "DuckDBStore", Recorded)
    return made


def restarted_on_an_indexed_corpus(monkeypatch, tmp_path) -> tuple[Path, AppTest, list[str]]:
    """Return a corpus DuckDB queries, a first session of it (which built its frames and index), and the list of
    the stores made since the process was made fresh again (record_stores)."""
    monkeypatch.setenv("QAWL_BACKEND", "duckdb")
    folder = write_dated_corpus(tmp_path)
    first = session(monkeypatch, folder)
    fresh_process(monkeypatch)
    return folder, first, record_stores(monkeypatch)


def test_a_fresh_servers_first_session_opens_the_store_while_the_files_are_checked(monkeypatch, tmp_path):
    folder, first, made = restarted_on_an_indexed_corpus(monkeypatch, tmp_path)
    second = session(monkeypatch, folder, "pages/export.py")
    assert made == ["qawl-open-ahead"]  # the session took it: it made none itself
    assert shown_sentences(second) == shown_sentences(first) and "17 of 17 sentences" in shown_sentences(first)
    assert not ui_corpus._AHEAD
    session(monkeypatch, folder)
    assert made == ["qawl-open-ahead"]  # later sessions: the open store


def test_a_store_opened_ahead_for_files_that_changed_since_is_let_go(monkeypatch, tmp_path):
    monkeypatch.setenv("QAWL_BACKEND", "duckdb")
    folder = write_dated_corpus(tmp_path)
    session(monkeypatch, folder)
    fresh_process(monkeypatch)
    (folder / "seed-d.txt").write_text("وقال الوزير إن التعاون مستمر.\n", encoding="utf-8")  # the server was down
    made = record_stores(monkeypatch)
    second = session(monkeypatch, folder)
    assert "18 of 18 sentences" in shown_sentences(second)
    # the old key's, and the new one's: the two threads race to make theirs, so the order is not kept
    assert sorted(made) == ["ScriptRunner.scriptThread", "qawl-open-ahead"]


def test_no_run_waits_for_a_collection_of_all_garbage():
    """Streamlit collected every object's garbage after each run (gc.collect(2)): 0.15-0.25 s at 1M, the GIL held
    while the run's last messages waited; Python's own collector still runs as objects pile up."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False
    assert st.config.get_option("runner.postScriptGC") in (True, False)  # an option this Streamlit has


def wait_for_ahead_store() -> None:
    """Return once the store ui/early.py's thread began to open for QAWL_CORPUS is open (or failed)."""
    deadline = time.monotonic() + WAIT
    while not (ui_corpus._AHEAD and all(f.done() for f in ui_corpus._AHEAD.values())):
        assert time.monotonic() < deadline, "no store was opened ahead"
        time.sleep(0.05)


def test_a_server_started_by_serve_py_opens_the_store_before_any_session(monkeypatch, tmp_path):
    folder, first, made = restarted_on_an_indexed_corpus(monkeypatch, tmp_path)
    early.prepare().join(TIMEOUT)  # what serve.py's lifespan starts, before the server answers anyone
    wait_for_ahead_store()
    assert made == ["qawl-open-ahead"]
    second = session(monkeypatch, folder)
    assert made == ["qawl-open-ahead"] and not ui_corpus._AHEAD  # the first session took it
    assert shown_sentences(second) == shown_sentences(first)


def run_python(code: str, env: dict[str, str]) -> str:
    """Return what code printed, run by a fresh Python in the repository (a fresh server's process)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=TIMEOUT * 3)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_serve_py_starts_preparing_with_the_server(tmp_path):
    folder = write_dated_corpus(tmp_path)
    code = ("import asyncio, serve\nfrom ui import early\n"
            "async def main():\n    async with serve._prepared(serve.app):\n        pass\n"
            f"asyncio.run(main())\nprint(early.take(({str(folder)!r},)) is not None)")
    assert run_python(code, {"QAWL_CORPUS": str(folder), "QAWL_CACHE": str(tmp_path / "cache")}).split() == ["True"]


def test_once_prepared_the_first_run_imports_no_module_the_app_needs(tmp_path):
    """The modules app.py's first run imported (0.6-1.5 s of a fresh server's first URL at 1M) are in
    ui.early.APP_MODULES or imported by them: prepared at the server's start, the first run finds them loaded (the
    libraries' small submodules they load on first use aside)."""
    folder = write_dated_corpus(tmp_path)
    env = {"QAWL_CORPUS": str(folder), "QAWL_CACHE": str(tmp_path / "cache"), "QAWL_BACKEND": "duckdb"}
    key = cache.paths_key([folder], tmp_path / "cache")
    cache.load_or_build([folder], cache_dir=tmp_path / "cache", key=key)
    ui_corpus.DuckDBStore(cache.entry(key, tmp_path / "cache"), key)  # a large corpus's files and index, on disk
    code = ("import json, sys\nfrom streamlit.testing.v1 import AppTest\nfrom ui import early\n"
            "early.prepare().join()\nbefore = set(sys.modules)\n"
            f"at = AppTest.from_file({str(REPO / 'app.py')!r}, default_timeout={TIMEOUT})\nat.run()\n"
            "assert not at.exception, at.exception\nprint(json.dumps(sorted(set(sys.modules) - before)))")
    imported = json.loads(run_python(code, env))
    assert imported and [m for m in imported if m.split(".")[0] in {"qawl", "ui"} or m in LIBRARIES] == []
