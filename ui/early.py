"""What a server's first session starts before the app's modules load: the check of its corpus's files.

The first session of a fresh server imported the app's modules (0.6 s), then stat'ed every file of QAWL_CORPUS to
find its key (0.7-1.0 s for the 80,601 files of 1M), one after the other on one core. Now app.py's first lines
start, in a thread, a watch on the corpus's folders and then a child process that stats the files
(qawl/stamps.py) on the other core; ui/corpus.py takes both when it looks the key up. The watch starts first, so a
file changed once the check has begun still drops the key (qawl/watch.py). Only modules that load in milliseconds
are imported here.
"""

from __future__ import annotations

import os
import threading

from qawl import stamps, watch

ENV_VAR = "QAWL_CORPUS"
_LOCK = threading.Lock()
_begun = False
_ready = threading.Event()
_pending: dict[tuple[str, ...], tuple[watch.Watch | None, stamps.Apart]] = {}


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
    threading.Thread(target=_start, args=(paths,), name="qawl-early-check", daemon=True).start()


def _start(paths: tuple[str, ...]) -> None:
    try:
        armed = watch.armed(paths)  # first: a change once the child has begun still drops the key
        apart = stamps.Apart(paths)
        from qawl.duckdb_index import is_dataset  # here, with the child on its way: DuckDB loads meanwhile

        if len(paths) == 1 and is_dataset(paths[0]):  # a built dataset's key is not its files'
            apart.cancel()
            if armed is not None:
                watch.end(armed)
        else:
            _pending[_key(paths)] = (armed, apart)
    finally:
        _ready.set()


def _key(paths: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(os.path.abspath(p) for p in paths)


def take(paths: tuple[str, ...]) -> tuple[watch.Watch | None, stamps.Apart] | None:
    """Return (and forget) the watch and child begin() started for the corpus at paths, None when it did not."""
    if not _begun:
        return None
    _ready.wait()
    with _LOCK:
        return _pending.pop(_key(paths), None)
