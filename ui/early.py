"""What a server's first session starts before the app's modules load: the check of its corpus's files.

The first session of a fresh server imported the app's modules (0.6 s), then stat'ed every file of QAWL_CORPUS to
find its key (0.7-1.0 s for the 80,601 files of 1M), one after the other on one core. Now app.py's first lines
start a child process that stats the files (qawl/stamps.py) on the other core, and, in a thread, a watch on the
corpus's folders; ui/corpus.py takes both when it looks the key up. The child starts Python meanwhile but looks at
no file before the watch is armed, so a file changed once the check has begun still drops the key
(qawl/watch.py). The thread then opens the corpus's DuckDB store under the key it had last time
(ui.corpus.open_ahead), kept if the check gives that key. Only modules that load in milliseconds are imported
here (the others in the thread).

Served by `streamlit run serve.py`, all this starts with the server instead (prepare(), from st.App's lifespan), with
the app's own modules and what Streamlit loads once per process at a first run: the first session of a fresh server
then finds them ready (its run took 2.0-2.9 s at 1M, 0.2-0.7 s once prepared).
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import logging
import os
import sys
import threading
from typing import TYPE_CHECKING

from qawl import stamps

if TYPE_CHECKING:
    from qawl import watch

ENV_VAR = "QAWL_CORPUS"
_LOCK = threading.Lock()
_begun = False
_ready = threading.Event()
_log = logging.getLogger(__name__)
_pending: dict[tuple[str, ...], tuple[watch.Watch | None, stamps.Apart]] = {}
# What the first run of app.py imports and the Reader (its default page) adds: 0.6-1.5 s at a fresh server's first run.
APP_MODULES = ("qawl.i18n", "ui.context", "ui.html", "ui.lang", "ui.sidebar", "qawl.filters", "ui.corrections",
               "ui.urlstate")


def env_paths(value: str) -> tuple[str, ...]:
    """Return the paths of a QAWL_CORPUS value: separated by os.pathsep (:), but a path that holds the separator
    (news:2020/) is taken whole when it is there, the longest such run first."""
    parts = value.split(os.pathsep)
    paths, i = [], 0
    while i < len(parts):
        j = next(j for j in range(len(parts), i, -1) if j == i + 1 or os.path.exists(os.pathsep.join(parts[i:j])))
        paths.append(os.pathsep.join(parts[i:j]))
        i = j
    return tuple(p for p in paths if p)


def begin() -> None:
    """Start checking QAWL_CORPUS's files in the background, once per process (the first session's run)."""
    global _begun
    with _LOCK:
        if _begun:
            return
        _begun = True
    paths = env_paths(os.environ.get(ENV_VAR, "").strip())
    if not paths:
        _ready.set()
        return
    apart = stamps.Apart(paths, held=True)  # its start-up (0.1 s) beside the watch's
    threading.Thread(target=_start, args=(paths, apart), name="qawl-early-check", daemon=True).start()


def prepare() -> threading.Thread:
    """Start, as the server starts (serve.py), what a fresh server's first session waits for: the check of
    QAWL_CORPUS's files and its store (begin), and in a thread the app's modules and Streamlit's once-per-process
    tables (_load); return that thread."""
    begin()
    thread = threading.Thread(target=_load, name="qawl-prepare", daemon=True)
    thread.start()
    return thread


def _load() -> None:
    try:
        for name in APP_MODULES:
            importlib.import_module(name)
        from qawl import i18n

        for lang in i18n.LANGS:  # Babel's locale data, read at the first number written in each language
            i18n.number(1_000, lang)
    except Exception:  # the first run imports them itself, and says what fails
        _log.exception("preparing the app's modules failed")
    # Once per process, Streamlit's first run read its emoji table at the first widget with labels (0.12 s), and its
    # first element looked at the call stack (inspect.stack), which maps every loaded module to its file the first
    # time (inspect.getmodule: a realpath per module, 0.15 s); later calls map only the modules loaded since.
    with contextlib.suppress(ImportError):  # a Streamlit without that module: nothing to read ahead
        importlib.import_module("streamlit.emojis")
    inspect.getmodule(sys._getframe())


def _start(paths: tuple[str, ...], apart: stamps.Apart) -> None:
    try:
        from qawl import watch

        try:
            armed = watch.armed(paths)  # before the child looks: a change once it has begun still drops the key
        except BaseException:
            apart.cancel()  # not left waiting; the first session checks the files itself
            raise
        apart.go()
        from qawl.duckdb_index import is_dataset  # here, with the child on its way: DuckDB loads meanwhile

        if len(paths) == 1 and is_dataset(paths[0]):  # a built dataset's key is not its files'
            apart.cancel()
            if armed is not None:
                watch.end(armed)
            return
        _pending[_key(paths)] = (armed, apart)
    finally:
        _ready.set()
    try:
        from ui import corpus  # here: it imports Streamlit and the stores, which the run imports meanwhile

        corpus.open_ahead(paths)  # the corpus's store, under the key it had last time, while the child checks
    except Exception:  # the session opens it itself, and says what fails
        _log.exception("opening the corpus ahead failed")


def _key(paths: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(os.path.abspath(p) for p in paths)


def take(paths: tuple[str, ...]) -> tuple[watch.Watch | None, stamps.Apart] | None:
    """Return (and forget) the watch and child begin() started for the corpus at paths, None when it did not."""
    if not _begun:
        return None
    _ready.wait()
    with _LOCK:
        return _pending.pop(_key(paths), None)
