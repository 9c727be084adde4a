"""Answers about the whole corpus (no filter) kept on disk beside a DuckDB index, for the next process to read.

A freshly started server computed every page's first answers again: the Speakers page's speaker table, themes,
mentions, quotes and keywords, the Timelines' words, took 0.3-0.6 s of a fresh session at a million sentences. The
unfiltered answers are the same for every visitor until the corpus changes, so each is written once as a Parquet
file, under a folder named by a digest of all it depends on: the index's fingerprint (the dataset's files, their
sizes and times), the corrections' digest, Qawl's source files and the versions of the libraries that compute
(DuckDB, pandas, numpy, pyarrow). A change to any of them names another folder; the older ones are removed, the
newest KEEP_GENERATIONS kept (two processes may hold two states of a corpus). An answer is written only when reading
it back gives the same frame to the bit (values, dtypes, index and column names, attrs); anything unreadable is
computed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path

import pandas as pd

from qawl import stamps

KEEP_GENERATIONS = 4
_LIBRARIES = ("duckdb", "pandas", "numpy", "pyarrow")


@cache
def code_digest() -> str:
    """Return a hash of Qawl's source files and the versions of the libraries its answers come from."""
    sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
    return stamps.code_fingerprint(b"", ((path.name, path) for path in sources), _LIBRARIES)


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, engine="pyarrow")
    return buffer.getvalue()


def _same(frame: pd.DataFrame, back: pd.DataFrame) -> bool:
    """Return whether back is frame to the bit: values, dtypes, index and column names and types, attrs."""
    try:
        pd.testing.assert_frame_equal(frame, back, check_exact=True, check_column_type=True, check_index_type=True)
    except (AssertionError, TypeError, ValueError):
        return False
    # Lists in a cell come back as arrays, which compare equal but are not: the cells' types must match too.
    cells = (frame[c].map(type).tolist() == back[c].map(type).tolist()
             for c, kind in frame.dtypes.items() if pd.api.types.is_object_dtype(kind))
    return frame.attrs == back.attrs and frame.columns.names == back.columns.names and all(cells)


class DiskAnswers:
    """Frames kept as Parquet files in folder/<digest of parts>/, one per question."""

    def __init__(self, folder: Path, *parts: str) -> None:
        generation = hashlib.sha256("\x1f".join((*parts, code_digest())).encode()).hexdigest()[:32]
        self.root = Path(folder)
        self.folder = self.root / generation

    def path(self, question: Hashable) -> Path:
        """Return the file of a question (a tuple of its method's name and arguments, repr-stable)."""
        return self.folder / f"{hashlib.sha256(repr(question).encode()).hexdigest()[:32]}.parquet"

    def get(self, question: Hashable, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """Return the kept answer to question, else compute()'s (kept when it reads back the same)."""
        path = self.path(question)
        with contextlib.suppress(Exception):  # missing, unreadable or foreign: computed again
            return pd.read_parquet(path, engine="pyarrow")
        frame = compute()
        if isinstance(frame, pd.DataFrame):
            self._keep(path, frame)
        return frame

    def _keep(self, path: Path, frame: pd.DataFrame) -> None:
        """Write frame to path (atomically) when it reads back the same; a folder that cannot be written is skipped."""
        try:
            data = _parquet(frame)
            if not _same(frame, pd.read_parquet(io.BytesIO(data), engine="pyarrow")):
                return
        except Exception:
            return
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._prune()
            handle, temporary = tempfile.mkstemp(prefix=".answer-", suffix=".tmp", dir=self.folder)
        except OSError:  # a folder that cannot be written: the next process computes the answer again
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)

    def _prune(self) -> None:
        """Remove the oldest generations of answers beyond KEEP_GENERATIONS (this one is the newest)."""
        with contextlib.suppress(OSError):
            folders = sorted((p for p in self.root.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime,
                             reverse=True)
            for old in folders[KEEP_GENERATIONS:]:
                if old != self.folder:
                    shutil.rmtree(old, ignore_errors=True)
