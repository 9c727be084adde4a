"""Frames cached on disk as Parquet, keyed by the corpus content, the lexicons and the code that built them.

A cache entry is a folder `<cache_dir>/<key>/` holding one `<frame>.parquet` per frame and a
`manifest.json` (written last, so an entry without it is incomplete). The key hashes the corpus bytes
(or documents), `lexicons.load().digest`, the sources of the modules that build frames and CODE_VERSION:
editing an article, a lexicon or the analysis code gives a new key, so stale frames are never served.
Reopening a corpus on disk does not even read it: the key of an unchanged set of files (same names,
sizes, modification times) is remembered in `<cache_dir>/paths/`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from qawl import corpus, lexicons, stamps
from qawl.corpus import Document
from qawl.frames import FRAME_NAMES, Frames, Progress, build, build_paths

CODE_VERSION = "1"  # bump when the cache layout or the meaning of a column changes
ENV_VAR = "QAWL_CACHE"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".qawl_cache"
KEEP_ENTRIES = 8  # corpora kept on disk; the least recently used go first
KEEP_MEMOS = 256
_LEFTOVER_SECONDS = 3600  # a temporary folder or file this old is a killed writer's, not one still writing
_MANIFEST = "manifest.json"
_PATHS = "paths"
_ROW_GROUP = 1 << 17  # rows
# Stemmer, stop words, dictionary, Hijri calendar: they shape frames.
_LIBRARIES = ("nltk", "Arabic-Stopwords", "arramooz-pysqlite", "hijridate", "rapidfuzz")


def folder(override: str | Path | None = None) -> Path:
    """Return the cache folder: override, else $QAWL_CACHE, else .qawl_cache/ in the repository."""
    return Path(override or os.environ.get(ENV_VAR) or DEFAULT_DIR)


# The modules building frames runs (tests/test_cache.py checks the list against what frames imports):
# a change to any of them gives new keys; dashboard-side modules (analysis, export ...) do not.
BUILD_MODULES = ("arabic", "articles", "attribution", "corpus", "cues", "dates", "decode", "dictionary", "frames",
                 "lexicons", "memo", "mentions", "names", "native", "normalize", "phrases", "quotes", "relays",
                 "reports", "resources", "sentences", "signatures", "sources", "speakers", "speech", "spread",
                 "subjects", "terms", "themes", "tokenize", "turns")


@cache
def code_digest() -> str:
    """Return a hash of CODE_VERSION, the sources that build frames and the versions of the libraries they use."""
    package = Path(__file__).resolve().parent
    return stamps.code_fingerprint(CODE_VERSION.encode(), ((name, package / f"{name}.py") for name in BUILD_MODULES),
                                   _LIBRARIES)


def _key(content: str) -> str:
    digest = hashlib.sha256(f"{content}\n{lexicons.load().digest}\n{code_digest()}".encode())
    return digest.hexdigest()[:32]


def documents_key(docs: Iterable[Document]) -> str:
    """Return the cache key of a list of documents (their ids, texts and metadata)."""
    digest = hashlib.sha256()
    for d in docs:
        fields = [d.doc_id, d.title, d.date, d.source, json.dumps(sorted(d.meta.items()), ensure_ascii=False)]
        digest.update("\x1f".join(fields).encode() + b"\x1e" + d.text.encode("utf-8", "surrogatepass") + b"\x1d")
    return _key("docs:" + digest.hexdigest())


def _content_key(files: list[tuple[str, str, int, int]]) -> str:
    digest = hashlib.sha256()
    for path, name, _, _ in files:
        try:
            data = Path(path).read_bytes()
        except OSError:
            data = b"\x00unreadable"
        digest.update(name.encode() + b"\x1f" + str(len(data)).encode() + b"\x1e" + data)
    return _key("files:" + digest.hexdigest())


def paths_key(paths: Iterable[str | Path], root: str | Path | None = None, *, apart: stamps.Apart | None = None
              ) -> str:
    """Return the cache key of the corpus at paths, read from disk only when its files changed since last time
    (apart: the fingerprint of its files, worked out by a child process started earlier, when it has one)."""
    paths = list(paths)
    found = apart.result() if apart is not None and apart.paths == tuple(os.path.abspath(p) for p in paths) else None
    files = None if found else corpus.files(paths)
    memo = folder(root) / _PATHS / f"{found or stamps.fingerprint(files)}-{_key('')}.key"
    try:
        key = memo.read_text(encoding="ascii").strip()
    except OSError:  # read: the memo is named by the files the key is made of
        files = files if files is not None else corpus.files(paths)
        memo = folder(root) / _PATHS / f"{stamps.fingerprint(files)}-{_key('')}.key"
        key = _content_key(files)
        _write_atomic(memo, key.encode("ascii"), folder(root))
    if last_key(paths, root) != key:
        _write_atomic(_last_memo(paths, root), key.encode("ascii"), folder(root))
    return key


def _last_memo(paths: list[str | Path], root: str | Path | None) -> Path:
    where = "\n".join(os.path.abspath(p) for p in paths)
    return folder(root) / _PATHS / f"last-{hashlib.sha256(where.encode()).hexdigest()[:32]}-{_key('')}.key"


def last_key(paths: Iterable[str | Path], root: str | Path | None = None) -> str | None:
    """Return the key the corpus at paths had when paths_key last looked (its files may have changed since)."""
    try:
        return _last_memo(list(paths), root).read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def open_paths(paths: Iterable[str | Path], root: str | Path | None = None, *, apart: stamps.Apart | None = None
               ) -> tuple[str, Frames | None]:
    """Return the key of the corpus at paths and its cached frames (None when it has none).

    The frames the corpus had last time are read while its files are checked (a stat per file, 0.6 s for
    74,000 files), and kept only when the check gives the same key.
    """
    paths = list(paths)
    guess = last_key(paths, root)
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(read, guess, root) if guess else None
        key = paths_key(paths, root, apart=apart)
        frames = pending.result() if pending and guess == key else None
    return key, frames if frames is not None else read(key, root)


_UNWRITABLE: dict[Path, str] = {}  # cache folders this process could not write to, and why


def write_problem(root: str | Path | None = None) -> str | None:
    """Return why the cache folder could not be written the last time this process tried, or None."""
    return _UNWRITABLE.get(folder(root))


def _cannot_write(base: Path, exc: OSError) -> None:
    """Note that the cache folder base cannot be written, saying so on stderr the first time."""
    if base not in _UNWRITABLE:
        _UNWRITABLE[base] = exc.strerror or str(exc)
        print(f"qawl: warning: the cache {base} cannot be written ({_UNWRITABLE[base]}): what it holds is read, "
              "what it lacks is built again each time", file=sys.stderr)


def _write_atomic(path: Path, data: bytes, base: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as f:
            f.write(data)
        os.replace(f.name, path)
    except OSError as exc:
        _cannot_write(base, exc)  # it only costs a rebuild next time


def read(key: str, root: str | Path | None = None) -> Frames | None:
    """Return the cached frames of key, or None when there are none or they cannot be read."""
    entry = folder(root) / key
    try:
        manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("key") != key or manifest.get("frames") != list(FRAME_NAMES):
            return None
        def frame(name: str) -> pd.DataFrame:
            return _restore(pd.read_parquet(entry / f"{name}.parquet"), manifest["datetimes"].get(name, {}))

        # Side by side: Parquet decoding releases the GIL, and the sentences and tokens are the long ones.
        with ThreadPoolExecutor(len(FRAME_NAMES)) as pool:
            frames = dict(zip(FRAME_NAMES, pool.map(frame, FRAME_NAMES), strict=True))
        with contextlib.suppress(OSError):  # marks it recently used for pruning; a read-only cache is read all the same
            os.utime(entry)
    except Exception:  # any unreadable entry (truncated file, foreign data) means: build again
        return None
    return Frames(**frames, warnings=list(manifest.get("warnings", [])))


def entry(key: str, root: str | Path | None = None) -> Path | None:
    """Return the folder of key's cache entry (marked as used) when it is complete, else None."""
    path = folder(root) / key
    try:
        if key and (path / _MANIFEST).is_file():
            os.utime(path)
            return path
    except OSError:
        pass
    return None


def _datetimes(frame: pd.DataFrame) -> dict[str, str]:
    """Return the datetime columns of frame and their dtypes (Parquet has no seconds unit to keep them)."""
    return {c: str(t) for c, t in frame.dtypes.items() if pd.api.types.is_datetime64_dtype(t)}


def _restore(frame: pd.DataFrame, datetimes: dict[str, str]) -> pd.DataFrame:
    """Return frame with its datetime columns back in the units they were written with."""
    for column, dtype in datetimes.items():
        if str(frame[column].dtype) != dtype:
            frame[column] = frame[column].astype(dtype)
    return frame


def _dictionary_columns(frame: pd.DataFrame) -> list[str]:
    """Return the columns worth dictionary pages: categoricals, and text columns with few distinct values
    (speaker, cue …); decoding a dictionary-encoded column of mostly distinct texts costs a string per row."""
    out = []
    for column, dtype in frame.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            out.append(str(column))
        elif pd.api.types.is_string_dtype(dtype):
            sample = frame[column].iloc[:10_000]
            if sample.nunique() <= len(sample) // 10:
                out.append(str(column))
    return out


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write one frame as Parquet that reads back fast: LZ4 pages, dictionaries only where they pay, row groups
    both cores can decode at once, except that a frame with categoricals keeps one dictionary in one group."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    categorical = any(isinstance(t, pd.CategoricalDtype) for t in frame.dtypes)
    pq.write_table(table, path, compression="lz4", use_dictionary=_dictionary_columns(frame) or False,
                   row_group_size=max(1, table.num_rows) if categorical else _ROW_GROUP,
                   dictionary_pagesize_limit=1 << 30)


def write(frames: Frames, key: str, root: str | Path | None = None) -> Path | None:
    """Write frames under key (atomically: a reader sees all of it or nothing); return the entry or None."""
    base = folder(root)
    entry = base / key
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=base))
    except OSError as exc:
        _cannot_write(base, exc)
        return None
    try:
        for name, frame in frames.items():
            _write_parquet(frame, tmp / f"{name}.parquet")
        manifest = {"key": key, "frames": list(FRAME_NAMES), "warnings": list(frames.warnings),
                    "datetimes": {name: _datetimes(frame) for name, frame in frames.items()}}
        (tmp / _MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        if entry.exists():
            shutil.rmtree(entry, ignore_errors=True)
        os.replace(tmp, entry)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        _cannot_write(base, exc)
        return None
    _UNWRITABLE.pop(base, None)
    _prune(base)
    return entry


def _prune(base: Path) -> None:
    """Remove all but the most recently used entries and key memos, and what builds killed while writing left.

    Other processes prune the same folder: whatever vanishes meanwhile is simply gone already.
    """
    entries, memos, leftovers = [], [], []
    stale = time.time() - _LEFTOVER_SECONDS
    for path in (*_listing(base), *_listing(base / _PATHS)):
        with contextlib.suppress(OSError):
            stat = path.stat()
            if path.name.startswith((".", "tmp")):  # a writer's temporary folder or file (tempfile names)
                if stat.st_mtime < stale:
                    leftovers.append(path)
            elif path.suffix == ".key":
                memos.append((stat.st_mtime, path))
            elif (path / _MANIFEST).is_file():
                entries.append((stat.st_mtime, path))
    for items, keep in ((entries, KEEP_ENTRIES), (memos, KEEP_MEMOS)):
        items.sort(reverse=True)
        leftovers.extend(path for _, path in items[keep:])
    for old in leftovers:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def _listing(folder: Path) -> list[Path]:
    """Return the paths in folder (none when it is not there)."""
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def load_or_build(paths: Iterable[str | Path], progress: Progress | None = None,
                  cache_dir: str | Path | None = None, *, workers: int | None = None, key: str | None = None) -> Frames:
    """Return the frames of the corpus at paths: from the disk cache when fresh, else built and cached.

    key: the corpus's paths_key when the caller already has it.
    """
    paths = list(paths)
    key, frames = (key, read(key, cache_dir)) if key else open_paths(paths, cache_dir)
    if frames is not None:
        return frames
    frames = build_paths(paths, progress, workers=workers)
    write(frames, key, cache_dir)
    return frames


def load_or_build_docs(docs: list[Document], progress: Progress | None = None, warnings: list[str] | None = None,
                       cache_dir: str | Path | None = None, *, workers: int | None = None,
                       key: str | None = None) -> Frames:
    """Return the frames of documents (an upload): from the disk cache when fresh, else built and cached.

    key: the documents' documents_key when the caller already has it.
    """
    key = key or documents_key(docs)
    frames = read(key, cache_dir)
    if frames is not None:
        return frames
    frames = build(docs, progress, warnings, workers=workers)
    write(frames, key, cache_dir)
    return frames
