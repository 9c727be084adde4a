"""The fingerprint of a corpus's files (their paths, names, sizes and modification times: qawl.corpus.files), which
names its cache key on disk (qawl.cache.paths_key), and a child process that works it out.

A server's first session stat'ed the 80,601 files of the 1M corpus (0.7-1.0 s) after it had imported the app's
modules (0.6 s), both on one core and one GIL. A child process (stamps.main, which prints the fingerprint) does the
stat'ing on the other core meanwhile.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 120.0  # seconds: a corpus of millions of files on a slow disk


def fingerprint(files: Sequence[tuple[str, str, int, int]]) -> str:
    """Return a hash of the paths, names, sizes and modification times of files (no file is read)."""
    return hashlib.sha256(repr(files).encode()).hexdigest()


def code_fingerprint(seed: bytes, sources: Iterable[tuple[str, Path]], libraries: Iterable[str]) -> str:
    """Return a hash of seed, of source files (name, path; a missing one counts as missing) and of the installed
    versions of libraries: what decides whether something computed before can be read again."""
    digest = hashlib.sha256(seed)
    for name, path in sources:
        digest.update(name.encode() + (path.read_bytes() if path.is_file() else b"missing"))
    for name in libraries:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()


class Apart:
    """The fingerprint of the files of a corpus at paths, worked out by a child process started now.

    held: the child starts Python and its imports, then waits for go() before it looks at a file (the caller arms
    a watch on the files meanwhile: 0.15 s, which the child's start-up used to wait for)."""

    def __init__(self, paths: Sequence[str], held: bool = False) -> None:
        self.paths = tuple(os.path.abspath(p) for p in paths)
        # Isolated (-I): no PYTHONPATH, no user site, no current folder on sys.path; only this checkout's package.
        code = f"import sys; sys.path.insert(0, {str(PACKAGE_ROOT)!r}); from qawl import stamps; stamps.main()"
        try:
            self._child: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-I", "-c", code, *self.paths], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                stdin=subprocess.PIPE if held else subprocess.DEVNULL, text=True)
        except OSError:
            self._child = None

    def go(self) -> None:
        """Let a held child look at the files (it reads a line; result() and cancel() end its input too)."""
        if self._child is not None and self._child.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                self._child.stdin.write("\n")
                self._child.stdin.flush()

    def cancel(self) -> None:
        """Stop the child (its fingerprint is not wanted)."""
        if self._child is not None and self._child.poll() is None:
            self._child.kill()
        if self._child is not None:
            self._child.communicate()
        self._child = None

    def result(self) -> str | None:
        """Return the child's fingerprint, None when it failed (the caller checks the files itself)."""
        if self._child is None:
            return None
        try:
            out, _ = self._child.communicate(timeout=CHILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._child.kill()
            self._child.communicate()
            return None
        text = out.strip()
        return text if self._child.returncode == 0 and len(text) == 64 else None


def main() -> None:
    """Print the fingerprint of the files of the corpus at the paths of the command line (the child's work: only
    qawl.corpus is imported, not the app's modules)."""
    from qawl import corpus

    sys.stdin.readline()  # a held child waits for go(); without an input it is at its end at once
    print(fingerprint(corpus.files(sys.argv[1:])))
