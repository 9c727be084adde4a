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

from qawl import cache, duckdb_store, lexicons
from qawl.corpus import CorpusError, Document
from qawl.duckdb_index import Dataset, is_dataset
from qawl.duckdb_store import DuckDBStore
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
        paths = tuple(p for p in env.split(os.pathsep) if p)
        out.append(Source("env", f"{ENV_VAR}: {', '.join(Path(p).name or p for p in paths)}", paths))
    out.append(Source("bundled", "Bundled: data/corpus (Xinhua article)", (str(BUNDLED),)))
    return out


def key_of(source: Source) -> str:
    """Return the content key of a source's frames (corpus bytes + lexicons), looked up once per session."""
    known = st.session_state.setdefault("qawl_corpus_keys", {})
    if source not in known:
        dataset = _dataset_folder(source)
        if dataset is not None:  # a built dataset: its files' names, sizes and times say what it holds
            known[source] = "dataset-" + Dataset(dataset).fingerprint()[:32]
        elif source.digest:
            known[source] = f"{source.digest[:24]}-{lexicons.load().digest}"
        elif lookup(cache.last_key(source.paths) or "") is None and not _queried_in_place(
                cache.last_key(source.paths) or ""):
            # Not in memory under the key it had last time: its cached frames are read while its files are
            # checked, and wait here for build_frames (one corpus at a time: the latest). A corpus DuckDB will
            # query where it lies is not read.
            key, frames = cache.open_paths(source.paths)
            with _PREFETCH_LOCK:
                _PREFETCHED.clear()
                if frames is not None:
                    _PREFETCHED[key] = frames
            known[source] = key
        else:
            known[source] = cache.paths_key(source.paths)  # remembered on disk: a restart reads no file
    return known[source]


def _dataset_folder(source: Source) -> Path | None:
    """Return the folder of a source that is one built Parquet dataset (the frames, not articles), else None."""
    if len(source.paths) == 1 and is_dataset(source.paths[0]):
        return Path(source.paths[0])
    return None


def _queried_in_place(key: str) -> bool:
    """Return whether the corpus with this key has a cache entry the DuckDB store should query (a large corpus)."""
    entry = cache.entry(key)
    return entry is not None and duckdb_store.backend(entry) == "duckdb"


def _slot(key: str) -> str:
    """Return where the registry keeps a corpus: by content key and the backend asked for (QAWL_BACKEND)."""
    return f"{os.environ.get(duckdb_store.BACKEND_VAR, 'auto')}:{key}"


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
    registry[_slot(key)] = store
    registry.move_to_end(_slot(key))
    while len(registry) > MAX_CORPORA_IN_MEMORY:
        registry.popitem(last=False)


def lookup(key: str) -> Store | None:
    """Return the store of the corpus with this content key if it is open."""
    corpus = _registry().get(_slot(key))
    if corpus is not None:
        _registry().move_to_end(_slot(key))
    return corpus


def _open_store(source: Source, key: str, progress: Callable[[int, int], None], say: Callable[[str], None]) -> Store:
    """Return the store of a source: DuckDB over its cache entry when the corpus is large (no frame read into
    memory), else the pandas store over its frames, built first when they are not cached."""
    dataset = _dataset_folder(source)
    if dataset is not None:  # the frames are built: queried where they lie, or read
        if duckdb_store.backend(dataset) == "pandas":
            return PandasStore.of_dataset(dataset, key, source.name)
        if not duckdb_store.indexed(dataset):
            say("Indexing the corpus for questions on its files (once per corpus) …")
        return DuckDBStore(dataset, key, source.name)
    frames = None
    if not (source.paths and _queried_in_place(key)):
        frames = build_frames(source, progress)
    if source.paths and _queried_in_place(key):  # large (perhaps just built: its frames are dropped for the files)
        if not duckdb_store.indexed(cache.folder() / key):
            say("Indexing the corpus for questions on its files (once per corpus) …")
        return DuckDBStore(cache.folder() / key, key, source.name)
    return PandasStore.of(frames if frames is not None else build_frames(source, progress), key, source.name)


def open_corpus(source: Source) -> Store | None:
    """Return the store of a source's corpus, building it (with a progress bar) the first time; None on error."""
    key = key_of(source)
    corpus = lookup(key)
    if corpus is not None:
        return corpus
    failed = st.session_state.setdefault("qawl_failed_corpora", {})
    if key in failed:  # not retried on every widget change; a new session tries again
        st.error(failed[key])
        return None
    with _BUILD_LOCK:
        corpus = lookup(key)
        if corpus is not None:
            return corpus
        with st.status(f"Reading {source.name} …", expanded=True) as status:
            bar = st.progress(0.0, text="Splitting sentences and attributing speakers …")

            def progress(done: int, total: int) -> None:
                bar.progress(min(done / max(total, 1), 1.0), text=f"Analysed {done:,} of {total:,} articles")

            try:
                corpus = _open_store(source, key, progress, lambda text: bar.progress(1.0, text=text))
            except CorpusError as exc:
                failed[key] = f"Could not open {source.name}: {exc}"
            except Exception as exc:  # a corpus must never show a traceback; the server log keeps it
                _log.exception("building frames of %s failed", source.name)
                failed[key] = f"Could not build the frames of {source.name} ({type(exc).__name__}: {exc})."
            if key in failed:
                status.update(label=f"Could not open {source.name}", state="error")
                st.error(failed[key])
                return None
            n = corpus.size()
            status.update(label=f"{source.name}: {n:,} sentences ready", state="complete", expanded=False)
        _remember(key, corpus)
        return corpus
