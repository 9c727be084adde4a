"""Values worked out from a corpus's files (its cache key), kept until a file under them changes (inotify).

Checking the files of a large corpus (a stat per file: 0.4 to 0.7 s for the 80,000 files of 1M) took a third of a
fresh browser session's wait, and every new session did it again. An inotify watch (watchdog's, Linux) on the
corpus's folders says when that check is due again: a value is dropped as soon as a file under them is created,
written, moved or deleted (watchdog hands events on about 0.5 s after they happen). Where the folders cannot be
watched (another system, no inotify watch left, a link inside the corpus, whose target the watch would not see),
nothing is kept and the caller checks every time, as before.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler

try:
    from watchdog.observers.inotify import InotifyObserver
except ImportError:  # not Linux: a polling observer would stat every file every second, worse than checking
    InotifyObserver = None

_QUIET = {"opened", "closed_no_write"}  # reading a file changes nothing
MAX_WATCHED = 8  # corpora watched at once per process (an inotify instance per folder: 128 per user on Linux)
_LOCK = threading.Lock()  # the observer, the folders' use counts and the live watches
_observer: Any = None
_uses: dict[Any, int] = {}  # a scheduled folder (watchdog's ObservedWatch) -> the watches using it
_live: OrderedDict[Watch, None] = OrderedDict()  # the watches holding folders, the oldest first


def _running_observer() -> Any:
    """Return the process's inotify observer, started on first use (None where inotify is not there)."""
    global _observer
    with _LOCK:
        if _observer is None and InotifyObserver is not None:
            observer = InotifyObserver()
            observer.daemon = True
            observer.start()
            _observer = observer
        return _observer


def _has_link(folder: str) -> bool:
    """Return whether anything under folder is a symbolic link (no stat: the entries' types)."""
    todo = [folder]
    while todo:
        try:
            with os.scandir(todo.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        return True
                    if entry.is_dir(follow_symlinks=False):
                        todo.append(entry.path)
        except OSError:
            return True  # cannot be listed: cannot be trusted either
    return False


def folders(paths: Sequence[str]) -> list[tuple[str, bool]] | None:
    """Return the folders to watch for a corpus at paths, as (real path, recursive): each folder path and its files,
    a file path's folder, and the two folders above (their metadata.csv); None when a folder holds a link."""
    out: dict[str, bool] = {}
    for raw in paths:
        path = os.path.abspath(raw)
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        if os.path.isdir(path):
            real = os.path.realpath(path)
            if _has_link(real):
                return None
            out[real] = True
        for up in (folder, os.path.dirname(folder), os.path.dirname(os.path.dirname(folder))):
            real = os.path.realpath(up)
            if os.path.isdir(real):
                out.setdefault(real, False)
    return sorted(out.items())


class Watch(FileSystemEventHandler):
    """Drops one value of a Memo when a file under its folders changes (a watch armed before its Memo is known
    remembers that something changed: armed(), Memo.get)."""

    def __init__(self, memo: Memo | None, key: Hashable, ignore: frozenset[str]) -> None:
        self.memo, self.key, self.ignore, self.alive = memo, key, ignore, True
        self.watches: list[Any] = []
        self._lock = threading.Lock()  # memo and key given (bind) while an event may come

    def bind(self, memo: Memo, key: Hashable, ignore: frozenset[str]) -> None:
        """Give the watch to memo's value of key (a change seen before keeps that value from being kept)."""
        with self._lock:
            self.memo, self.key, self.ignore = memo, key, ignore

    def dispatch(self, event: FileSystemEvent) -> None:
        names = {os.path.basename(os.fsdecode(p)) for p in (event.src_path, event.dest_path) if p}
        if event.event_type in _QUIET or (names and names <= self.ignore):
            return
        with self._lock:
            memo = self.memo
            if memo is None:
                self.alive = False
        if memo is not None:
            memo.drop(self.key, self)


def armed(paths: Sequence[str]) -> Watch | None:
    """Return a watch of the folders of paths started now, for a Memo's value worked out later (Memo.get's watch);
    None where they cannot be watched."""
    observer = _running_observer()
    wanted = folders(paths) if observer is not None else None
    if wanted is None:
        return None
    watch = Watch(None, None, frozenset())
    try:
        for folder, recursive in wanted:
            _schedule(observer, watch, folder, recursive)
    except OSError:
        _end(watch)
        return None
    return watch


class Memo:
    """Values by (paths, extra), each kept while nothing under its paths changes; ignore: file names whose changes do
    not count (a file the corpus reader skips)."""

    def __init__(self, ignore: frozenset[str] = frozenset()) -> None:
        self._lock = threading.Lock()
        self._values: dict[Hashable, Any] = {}
        self._watches: dict[Hashable, Watch] = {}
        self._ignore = ignore

    def get(self, paths: Sequence[str], extra: Hashable, compute: Callable[[], Any], *, watch: Watch | None = None
            ) -> Any:
        """Return the value kept for (paths, extra), else compute() (kept when the paths can be watched: the watch
        starts before compute, so a change while it runs drops what it returns); watch: one armed() on these paths
        before compute's work began (given to one value only)."""
        key = (tuple(os.path.abspath(p) for p in paths), extra)
        with self._lock:
            found = key in self._values
            value = self._values.get(key)
        if found:
            if watch is not None:
                _end(watch)
            return value
        watch = self._take(key, watch) if watch is not None else self._watch(key, paths)
        value = compute()
        if watch is not None:
            with self._lock:
                if watch.alive and self._watches.get(key) is watch:
                    self._values[key] = value
        return value

    def kept(self, paths: Sequence[str], extra: Hashable) -> bool:
        """Return whether a value is kept for (paths, extra)."""
        with self._lock:
            return (tuple(os.path.abspath(p) for p in paths), extra) in self._values

    def drop(self, key: Hashable, watch: Watch) -> None:
        """Forget the value of key that watch guards (a file under its folders changed)."""
        with self._lock:
            watch.alive = False
            if self._watches.get(key) is watch:
                self._values.pop(key, None)

    def _take(self, key: Hashable, watch: Watch) -> Watch:
        """Make watch the one of key (the previous one ended)."""
        with self._lock:
            old = self._watches.pop(key, None)
            self._values.pop(key, None)
        if old is not None and old is not watch:
            _end(old)
        watch.bind(self, key, self._ignore)
        with self._lock:
            self._watches[key] = watch
        return watch

    def _watch(self, key: Hashable, paths: Sequence[str]) -> Watch | None:
        """Start watching the folders of paths for key (the previous watch of key ended); None when they cannot be."""
        observer = _running_observer()
        wanted = folders(paths) if observer is not None else None
        with self._lock:
            old = self._watches.pop(key, None)
            self._values.pop(key, None)
        if old is not None:
            _end(old)
        if wanted is None:
            return None
        watch = Watch(self, key, self._ignore)
        try:
            for folder, recursive in wanted:
                _schedule(observer, watch, folder, recursive)
        except OSError:  # no inotify instance or watch left, a folder gone meanwhile: check every time
            _end(watch)
            return None
        with self._lock:
            self._watches[key] = watch
        return watch


def _schedule(observer: Any, watch: Watch, folder: str, recursive: bool) -> None:
    """Watch folder for watch (sharing the folder's inotify instance with other watches of it); the oldest live
    watch ends when more than MAX_WATCHED would be."""
    with _LOCK:
        handle = observer.schedule(watch, folder, recursive=recursive)
        _uses[handle] = _uses.get(handle, 0) + 1
        watch.watches.append(handle)
        _live[watch] = None
        oldest = next(iter(_live)) if len(_live) > MAX_WATCHED else None
    if oldest is not None:
        if oldest.memo is not None:
            oldest.memo.drop(oldest.key, oldest)
        _end(oldest)


def end(watch: Watch) -> None:
    """Stop a watch armed() that no value will take."""
    _end(watch)


def _end(watch: Watch) -> None:
    """Stop watch (its value is no longer kept) and give its folders back: a folder no watch uses is unwatched."""
    watch.alive = False
    with _LOCK:
        _live.pop(watch, None)
        handles, watch.watches = watch.watches, []
        for handle in handles:
            left = _uses.get(handle, 0) - 1
            with contextlib.suppress(KeyError, ValueError):
                if left > 0:
                    _uses[handle] = left
                    _observer.remove_handler_for_watch(watch, handle)
                else:
                    _uses.pop(handle, None)
                    _observer.unschedule(handle)
