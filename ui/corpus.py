"""Which corpus the dashboard shows (bundled, QAWL_CORPUS, uploads) and its frames, built once per content."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from qawl import cache, lexicons
from qawl.corpus import CorpusError, Document
from qawl.frames import Frames
from qawl.pandas_store import PandasStore
from qawl.store import Store

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "corpus"
ENV_VAR = "QAWL_CORPUS"
MAX_CORPORA_IN_MEMORY = 4
_BUILD_LOCK = threading.Lock()  # two cores: one build at a time, and never the same corpus twice at once
_PREFETCHED: dict[str, Frames] = {}  # frames key_of read from the disk cache, by key, for build_frames
_PREFETCH_LOCK = threading.Lock()
_log = logging.getLogger(__name__)
_KEYS = "qawl_corpus_keys"  # session state: source -> content key
_FAILED = "qawl_failed_corpora"  # session state: content key -> why it could not be opened


@dataclass(frozen=True)
class Source:
    """A corpus the user can pick: folders/files on disk, or documents uploaded in this session."""

    id: str
    name: str
    paths: tuple[str, ...] = ()
    documents: tuple[Document, ...] = field(default=(), compare=False, repr=False)
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)
    digest: str = ""  # content hash of an upload


def path_sources() -> list[Source]:
    """Return the on-disk corpora: QAWL_CORPUS (first, when set) and the bundled one."""
    out = []
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        paths = env_paths(env)
        out.append(Source("env", f"{ENV_VAR}: {', '.join(Path(p).name or p for p in paths)}", paths))
    out.append(Source("bundled", "Bundled: data/corpus (Xinhua article)", (str(BUNDLED),)))
    return out


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


def key_of(source: Source) -> str:
    """Return the content key of a source's frames (corpus bytes + lexicons), looked up once per session."""
    known = st.session_state.setdefault(_KEYS, {})
    if source not in known:
        if source.digest:
            known[source] = f"{source.digest[:24]}-{lexicons.load().digest}"
        elif lookup(cache.last_key(source.paths) or "") is None:
            # Not in memory under the key it had last time: its cached frames are read while its files are
            # checked, and wait here for build_frames (one corpus at a time: the latest).
            key, frames = cache.open_paths(source.paths)
            with _PREFETCH_LOCK:
                _PREFETCHED.clear()
                if frames is not None:
                    _PREFETCHED[key] = frames
            known[source] = key
        else:
            known[source] = cache.paths_key(source.paths)  # remembered on disk: a restart reads no file
    return known[source]


def build_frames(source: Source, progress: Callable[[int, int], None]) -> Frames:
    """Return the frames of a source: the one place the dashboard builds them."""
    if source.paths:
        key = key_of(source)
        with _PREFETCH_LOCK:
            frames = _PREFETCHED.pop(key, None)
        return frames if frames is not None else cache.load_or_build(source.paths, progress=progress, key=key)
    return cache.load_or_build_docs(list(source.documents), progress=progress, warnings=list(source.warnings))


@st.cache_resource(show_spinner=False)
def _registry() -> OrderedDict[str, Store]:
    """Return the process-wide registry of opened corpora (their stores) by content key, least recently used first."""
    return OrderedDict()


def _remember(key: str, store: Store) -> None:
    registry = _registry()
    registry[key] = store
    registry.move_to_end(key)
    while len(registry) > MAX_CORPORA_IN_MEMORY:
        registry.popitem(last=False)


def lookup(key: str) -> Store | None:
    """Return the store of the corpus with this content key if it is open."""
    corpus = _registry().get(key)
    if corpus is not None:
        _registry().move_to_end(key)
    return corpus


def warn_unwritable_cache() -> None:
    """Say once per session that the disk cache cannot be written, when this process found so."""
    problem = cache.write_problem()
    if problem and not st.session_state.get("qawl_cache_warned"):
        st.session_state["qawl_cache_warned"] = True
        st.warning(f"The disk cache ({cache.folder()}) cannot be written ({problem}): corpora cached there open "
                   "at once, others are built again each time the app starts.", icon=":material/sd_card_alert:")


def open_corpus(source: Source) -> Store | None:
    """Return the store of a source's corpus, building it (with a progress bar) the first time; None on error,
    shown, and kept for failure().

    The first time a session opens a source, a status in the main area says so at once: checking a large corpus's
    files and reading its cached frames takes seconds, and the page stayed blank meanwhile.
    """
    if source in st.session_state.get(_KEYS, {}):
        corpus = lookup(key_of(source))
        if corpus is not None:
            return corpus
    with st.status(f"Opening {source.name} …", expanded=True) as status:
        corpus = _open(source)
        if corpus is None:
            status.update(label=f"Could not open {source.name}", state="error", expanded=False)
        else:
            status.update(label=f"{source.name}: {corpus.size():,} sentences ready", state="complete",
                          expanded=False)
    if corpus is None:
        st.error(failure(source))
    return corpus


def failure(source: Source) -> str:
    """Return why a source could not be opened in this session ("" when it was not refused)."""
    return st.session_state.get(_FAILED, {}).get(key_of(source), "")


def _open(source: Source) -> Store | None:
    """Return the store of a source's corpus, from memory or built (a progress bar in the current container)."""
    key = key_of(source)
    corpus = lookup(key)
    if corpus is not None:
        return corpus
    failed = st.session_state.setdefault(_FAILED, {})
    if key in failed:  # not retried on every widget change; a new session tries again
        return None
    with _BUILD_LOCK:
        corpus = lookup(key)
        if corpus is not None:
            return corpus
        bar = st.progress(0.0, text="Reading the cached frames, or splitting sentences and attributing speakers …")

        def progress(done: int, total: int) -> None:
            bar.progress(min(done / max(total, 1), 1.0), text=f"Analysed {done:,} of {total:,} articles")

        try:
            corpus = PandasStore.of(build_frames(source, progress), key, source.name)
        except CorpusError as exc:
            failed[key] = f"Could not open {source.name}: {exc}"
        except Exception as exc:  # a corpus must never show a traceback; the server log keeps it
            _log.exception("building frames of %s failed", source.name)
            failed[key] = f"Could not build the frames of {source.name} ({type(exc).__name__}: {exc})."
        if key in failed:
            return None
        _remember(key, corpus)
        return corpus
