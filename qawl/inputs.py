"""A corpus's input files on a local disk or behind fsspec URLs (s3://, gs://, memory:// ...): listed with their
sizes and stamps, and, for URLs, copied to a local folder (only the files a build reads) laid out as the corpus
reader expects, metadata.csv files above and below included.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass

from qawl import corpus

File = tuple[str, str, int, int]  # (path or URL, name under its argument, size, modification stamp): corpus.files
_SUFFIXES = corpus.TEXT_SUFFIXES | corpus.TABLE_SUFFIXES


def is_url(path: str) -> bool:
    """Return whether a corpus path is an fsspec URL (file:// URLs are local paths)."""
    return "://" in str(path) and not str(path).startswith("file://")


def local_path(path: str) -> str:
    """Return a path as the local filesystem spells it (a file:// URL without its scheme)."""
    path = str(path)
    return path[len("file://"):] if path.startswith("file://") else path


def _stamp(info: dict) -> int:
    """Return a number that changes when a remote file changes: its modification time, else its ETag."""
    for key in ("mtime", "LastModified", "last_modified", "updated", "ETag", "etag", "created"):
        if info.get(key) is not None:
            return int(hashlib.sha256(str(info[key]).encode()).hexdigest()[:15], 16)
    return 0


@dataclass
class _Remote:
    """One URL argument: its filesystem, its root and the files under it."""

    url: str
    fs: object
    root: str
    files: dict[str, dict]  # path -> fsspec info, corpus files and metadata.csv files
    above: list[str]  # metadata.csv files of the folder and the two above it


def _remote(url: str) -> _Remote:
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    root = root.rstrip("/")
    found = fs.find(root, detail=True) if fs.isdir(root) else {root: fs.info(root)}
    files = {}
    for path, info in found.items():
        rel = posixpath.relpath(path, root) if path != root else posixpath.basename(path)
        hidden = any(part.startswith(".") or part == "__MACOSX" for part in rel.split("/"))
        if not hidden and posixpath.splitext(path)[1].lower() in _SUFFIXES:
            files[path] = info
    folder = root if fs.isdir(root) else posixpath.dirname(root)
    above = []
    for up in (folder, posixpath.dirname(folder), posixpath.dirname(posixpath.dirname(folder))):
        meta = posixpath.join(up, corpus.META_NAME)
        if meta not in files and fs.isfile(meta):
            above.append(meta)
            files[meta] = fs.info(meta)
    return _Remote(url, fs, root, files, above)


def listing(paths: list[str]) -> list[File]:
    """Return every file the corpus at paths may be read from, as corpus.files does, with URLs for remote ones."""
    local = [local_path(p) for p in paths if not is_url(p)]
    out = corpus.files(local) if local else []
    for url in (p for p in paths if is_url(p)):
        remote = _remote(url)
        for path, info in remote.files.items():
            out.append((remote.fs.unstrip_protocol(path), posixpath.relpath(path, remote.root),
                        int(info.get("size") or 0), _stamp(info)))
    return out


@contextlib.contextmanager
def readable(paths: list[str], wanted: set[str] | None) -> Iterator[tuple[list[str], set[str] | None]]:
    """Yield the corpus paths as local ones, and the local files of `wanted` (paths or URLs from listing; None:
    all), for corpus.documents(paths, only=...). Remote files wanted are copied to a temporary folder first,
    with every metadata.csv, where the corpus reader looks for them."""
    if not any(is_url(p) for p in paths):
        yield [local_path(p) for p in paths], wanted
        return
    with tempfile.TemporaryDirectory(prefix="qawl-inputs-") as tmp:
        out, only = [], set()
        for k, path in enumerate(paths):
            if not is_url(path):
                out.append(local_path(path))
                only.update(w for w in (wanted or ()) if not is_url(w))
                continue
            remote = _remote(path)
            folder = remote.root if remote.fs.isdir(remote.root) else posixpath.dirname(remote.root)
            base = os.path.join(tmp, str(k))
            # The argument's folder two levels down in the copy, so that the metadata.csv above it have a place.
            mirror_of = {posixpath.dirname(posixpath.dirname(folder)): base}
            mirror_of[posixpath.dirname(folder)] = os.path.join(base, "p")
            mirror_of[folder] = os.path.join(base, "p", "f")
            for remote_path in remote.files:
                url = remote.fs.unstrip_protocol(remote_path)
                is_meta = posixpath.basename(remote_path).lower() == corpus.META_NAME
                if not is_meta and wanted is not None and url not in wanted:
                    continue
                parent = next((m for f, m in mirror_of.items() if posixpath.dirname(remote_path) == f), None)
                rel = posixpath.relpath(remote_path, folder)
                target = os.path.join(parent, posixpath.basename(remote_path)) if parent and rel.startswith("..") \
                    else os.path.join(mirror_of[folder], *rel.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                remote.fs.get(remote_path, target)
                if not is_meta:
                    only.add(os.path.abspath(target))
            root_rel = posixpath.relpath(remote.root, folder)
            out.append(os.path.join(mirror_of[folder], root_rel) if root_rel != "." else mirror_of[folder])
        yield out, None if wanted is None else only
