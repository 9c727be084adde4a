"""Which corpus the dashboard shows (bundled, QAWL_CORPUS, uploads) and its frames, built once per content."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from qawl import cache, corrections, duckdb_store, i18n, lexicons, stamps, watch
from qawl.corpus import CorpusError, Document
from qawl.duckdb_index import Dataset, is_dataset
from qawl.duckdb_store import DuckDBStore
from qawl.frames import Frames
from qawl.pandas_store import PandasStore
from qawl.store import Store
from ui.early import ENV_VAR, env_paths
from ui.early import take as take_early

BUNDLED = Path(__file__).resolve().parent.parent / "data" / "corpus"
MAX_CORPORA_IN_MEMORY = 4
# Folder names that say nothing about the corpus: it is called by the folder above (bbc_arabic_antcorpus/articles).
GENERIC_FOLDERS = {"articles", "texts", "text", "txt", "corpus", "data", "docs", "documents"}
_BUILD_LOCK = threading.Lock()  # two cores: one build at a time, and never the same corpus twice at once
_PREFETCHED: dict[str, Frames] = {}  # frames key_of read from the disk cache, by key, for build_frames
_PREFETCH_LOCK = threading.Lock()
# DuckDB stores opened while their corpus's files are checked: content key -> (store key, store or None)
_AHEAD: dict[str, Future[tuple[str, DuckDBStore | None]]] = {}
_AHEAD_LOCK = threading.Lock()
_log = logging.getLogger(__name__)
_KEYS = "qawl_corpus_keys"  # session state: source -> content key
_FAILED = "qawl_failed_corpora"  # session state: content key -> why it could not be opened


@dataclass(frozen=True)
class Source:
    """A corpus the user can pick: folders/files on disk, or documents uploaded in this session."""

    id: str
    name: str  # the corpus's own name (its folder, the uploaded files), in no interface language
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
        out.append(Source("env", ", ".join(folder_name(p) for p in paths), paths))
    out.append(Source("bundled", "data/corpus", (str(BUNDLED),)))
    return out


def folder_name(path: str) -> str:
    """Return what a user calls the corpus at path: its folder's (or file's) name, the folder above a generic one."""
    where = Path(path).resolve()
    if where.is_file():
        return where.stem
    return where.parent.name if where.name.lower() in GENERIC_FOLDERS and where.parent.name else where.name or path


def label(source: Source, lang: str) -> str:
    """Return the name of a corpus shown in the interface language (the bundled one and uploads say what they are)."""
    if source.id == "bundled":
        return i18n.t("corpus.bundled", lang)
    if source.documents:
        return i18n.t("upload.name", lang, names=source.name, n=len(source.documents))
    return source.name


def rules_of(source: Source) -> corrections.Rules:
    """Return the corrections of a source, read from its file now (a hand edit is applied at the next run)."""
    return corrections.read(corrections.location(source.paths, source.digest))


def corrected_key(source: Source) -> tuple[str, str, corrections.Rules]:
    """Return (the in-memory key of a source's store, that key without the file's digest, its corrections): the key
    covers where the corrections are written (two folders may hold the same articles) and what the file holds."""
    return _corrected(key_of(source), rules_of(source))


def _corrected(content: str, rules: corrections.Rules) -> tuple[str, str, corrections.Rules]:
    where = f"{content}~{hashlib.sha256(str(rules.path).encode()).hexdigest()[:12]}"
    return f"{where}~{rules.digest}", where, rules


def key_of(source: Source) -> str:
    """Return the content key of a source's frames (corpus bytes + lexicons), looked up once per session."""
    known = st.session_state.setdefault(_KEYS, {})
    if source not in known:
        dataset = _dataset_folder(source)
        if dataset is not None:  # a built dataset: its files' names, sizes and times say what it holds
            known[source] = "dataset-" + Dataset(dataset).fingerprint()[:32]
        elif source.digest:
            known[source] = f"{source.digest[:24]}-{lexicons.load().digest}"
        elif not _is_open(last := cache.last_key(source.paths) or "") and not _queried_in_place(last):
            # Not in memory under the key it had last time: its cached frames are read while its files are
            # checked, and wait here for build_frames (one corpus at a time: the latest). A corpus DuckDB will
            # query where it lies is not read.
            known[source] = _checked(source, _prefetch)
        else:
            known[source] = _checked(source, cache.paths_key)  # remembered on disk: a restart reads no file
    return known[source]


def open_ahead(paths: tuple[str, ...]) -> None:
    """Start opening the store of QAWL_CORPUS's corpus at paths under the key it had last time (_open_ahead)."""
    for source in path_sources():
        if source.paths == paths:
            _open_ahead(source)


def _open_ahead(source: Source) -> None:
    """Start opening, in a thread, the DuckDB store of a corpus on disk under the key it had last time, when its
    files are about to be checked (a fresh server's first session: 0.8-2 s for 80,601 files): the store opens
    meanwhile (0.1-0.5 s), and _open_store takes it once the check gives that key."""
    extra = (str(cache.folder()), lexicons.load().digest)
    if not source.paths or source.digest or _checked_keys().kept(source.paths, extra):
        return
    last = cache.last_key(source.paths) or ""
    if not last or _is_open(last):
        return
    with _AHEAD_LOCK:
        if last in _AHEAD:
            return
        future: Future[tuple[str, DuckDBStore | None]] = Future()
        _AHEAD[last] = future

    def work() -> None:
        try:
            dataset = cache.folder() / last
            # Only a large corpus whose index is written: writing one says so on the page, the session's own run.
            ready = _queried_in_place(last) and _dataset_folder(source) is None and duckdb_store.indexed(dataset)
            key, _, rules = _corrected(last, rules_of(source))
            store = DuckDBStore(dataset, key, source.name, rules=rules) if ready else None
            if store is not None:
                store.disk_answers  # noqa: B018 (read ahead: the code's and files' fingerprints name its folder)
            future.set_result((key, store))
        except BaseException as exc:  # the session opens it itself, and says what fails
            future.set_exception(exc)

    threading.Thread(target=work, name="qawl-open-ahead", daemon=True).start()


def _take_ahead(content: str, key: str) -> DuckDBStore | None:
    """Return the store _open_ahead opened for this content key under this store key, else None (not opened, or
    under corrections that changed since, or failed); any other is let go."""
    with _AHEAD_LOCK:
        future = _AHEAD.pop(content, None)
        _AHEAD.clear()  # opened under a key the check did not give
    if future is None:
        return None
    try:
        opened_as, store = future.result()
    except Exception:
        _log.exception("opening the corpus ahead failed; opening it again")
        return None
    return store if opened_as == key else None


def _prefetch(paths: tuple[str, ...], apart: stamps.Apart | None = None) -> str:
    """Return the key of the corpus at paths, its cached frames kept for build_frames."""
    key, frames = cache.open_paths(paths, apart=apart)
    with _PREFETCH_LOCK:
        _PREFETCHED.clear()
        if frames is not None:
            _PREFETCHED[key] = frames
    return key


@st.cache_resource(show_spinner=False)
def _checked_keys() -> watch.Memo:
    """Return the process's content keys of corpora on disk, each kept until a file under the corpus changes."""
    return watch.Memo(frozenset({corrections.FILE_NAME}))


def _checked(source: Source, check: Callable[..., str]) -> str:
    """Return the content key of a corpus on disk: check(paths) (a stat per file), once per process while its files
    stay as they were (qawl/watch.py): a new session used to check them all again, 0.4-0.7 s at 1M. The first
    session of a process takes the watch and the child's fingerprint app.py started (ui/early.py)."""
    extra = (str(cache.folder()), lexicons.load().digest)
    early = take_early(source.paths)
    if early is None:
        return _checked_keys().get(source.paths, extra, lambda: check(source.paths))
    armed, apart = early
    # A change seen since the watch began may have come before the child's stat: then the files are checked here.
    return _checked_keys().get(source.paths, extra, lambda: check(
        source.paths, apart=apart if armed is None or armed.alive else None), watch=armed)


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


def _remember(key: str, store: Store, corrected: str = "") -> None:
    registry = _registry()
    slot = _slot(key)
    for old in [k for k in registry if corrected and k != slot and k.startswith(f"{_slot(corrected)}~")]:
        del registry[old]  # the same corpus under corrections that changed since
    registry[slot] = store
    registry.move_to_end(slot)
    while len(registry) > MAX_CORPORA_IN_MEMORY:
        registry.popitem(last=False)


def _is_open(content: str) -> bool:
    """Return whether the corpus with this content key is open, under whatever corrections."""
    return bool(content) and any(k.startswith(f"{_slot(content)}~") for k in _registry())


def lookup(key: str) -> Store | None:
    """Return the store of the corpus with this content key if it is open."""
    corpus = _registry().get(_slot(key))
    if corpus is not None:
        _registry().move_to_end(_slot(key))
    return corpus


def warn_unwritable_cache(lang: str = i18n.DEFAULT) -> None:
    """Say once per session that the disk cache cannot be written, when this process found so."""
    problem = cache.write_problem()
    if problem and not st.session_state.get("qawl_cache_warned"):
        st.session_state["qawl_cache_warned"] = True
        st.warning(i18n.t("corpus.cache_unwritable", lang, folder=cache.folder(), reason=problem),
                   icon=":material/sd_card_alert:")


def open_corpus(source: Source, lang: str = i18n.DEFAULT) -> Store | None:
    """Return the store of a source's corpus with its corrections applied, building it (with a progress bar) the
    first time and reopening it when its corrections file changes; None on error, shown, and kept for failure().

    The first time a session opens a source, a status in the main area says so at once: checking a large corpus's
    files and reading its cached frames takes seconds, and the page stayed blank meanwhile.
    """
    if source in st.session_state.get(_KEYS, {}):
        corpus = lookup(corrected_key(source)[0])
        if corpus is not None:
            return corpus
    name = label(source, lang)
    _open_ahead(source)
    with st.status(i18n.t("corpus.opening", lang, name=name), expanded=True) as status:
        corpus = _open(source, lang)
        if corpus is None:
            status.update(label=i18n.t("corpus.failed", lang, name=name), state="error", expanded=False)
        else:
            status.update(label=i18n.t("corpus.ready", lang, name=name, n=corpus.size()), state="complete",
                          expanded=False)
    if corpus is None:
        st.error(failure(source))
    return corpus


def failure(source: Source) -> str:
    """Return why a source could not be opened in this session ("" when it was not refused)."""
    return st.session_state.get(_FAILED, {}).get(key_of(source), "")


def _open(source: Source, lang: str) -> Store | None:
    """Return the store of a source's corpus, from memory or built (a progress bar in the current container)."""
    content = key_of(source)
    key, where, rules = corrected_key(source)
    corpus = lookup(key)
    if corpus is not None:
        return corpus
    failed = st.session_state.setdefault(_FAILED, {})
    if content in failed:  # not retried on every widget change; a new session tries again
        return None
    name = label(source, lang)
    with _BUILD_LOCK:
        corpus = lookup(key)
        if corpus is not None:
            return corpus
        bar = st.progress(0.0, text=i18n.t("corpus.preparing", lang))

        def progress(done: int, total: int) -> None:
            bar.progress(min(done / max(total, 1), 1.0), text=i18n.t("corpus.progress", lang, done=done, n=total))

        try:
            corpus = _open_store(source, key, rules, progress,
                                 lambda: bar.progress(1.0, text=i18n.t("corpus.indexing", lang)))
        except CorpusError as exc:
            failed[content] = i18n.t("corpus.could_not_open", lang, name=name, reason=exc)
        except Exception as exc:  # a corpus must never show a traceback; the server log keeps it
            _log.exception("building frames of %s failed", source.name)
            failed[content] = i18n.t("corpus.could_not_build", lang, name=name, reason=f"{type(exc).__name__}: {exc}")
        if content in failed:
            return None
        _remember(key, corpus, where)
        return corpus


def _open_store(source: Source, key: str, rules: corrections.Rules, progress: Callable[[int, int], None],
                indexing: Callable[[], None]) -> Store:
    """Return the store of a source under its corrections (key: the store's): DuckDB over its Parquet files when the
    corpus is large (no frame read into memory), else the pandas store over its frames, built first when they are
    not cached; indexing() is called before the DuckDB index is written (once per corpus)."""
    dataset, content, frames = _dataset_folder(source), key_of(source), None
    if dataset is None:
        if not (source.paths and _queried_in_place(content)):
            frames = build_frames(source, progress)
        if source.paths and _queried_in_place(content):  # large (perhaps just built: its frames give way to files)
            dataset = cache.folder() / content
    if dataset is None:
        return PandasStore.of(frames, key, source.name, rules)
    if duckdb_store.backend(dataset) == "pandas":  # a built dataset small enough to be read
        return PandasStore.of_dataset(dataset, key, source.name, rules)
    ahead = _take_ahead(content, key)
    if ahead is not None:
        return ahead
    if not duckdb_store.indexed(dataset):
        indexing()
    return DuckDBStore(dataset, key, source.name, rules=rules)
