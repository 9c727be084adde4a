"""Reading corpora: .txt articles, folders with metadata.csv, .csv/.jsonl tables, uploads."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from qawl.decode import DecodeError, decode

TEXT_SUFFIXES = {".txt"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
META_NAME = "metadata.csv"


class CorpusError(Exception):
    """A corpus that cannot be read at all: a missing path, a table without a text column."""


@dataclass
class Document:
    """One article: its id, its text and what is known about it."""

    doc_id: str
    text: str
    title: str = ""
    date: str = ""
    source: str = ""
    meta: dict[str, str] = field(default_factory=dict)


Warn = Callable[[str], None]


def _stderr(message: str) -> None:
    print(f"qawl: {message}", file=sys.stderr)


def _is_metadata(path: Path) -> bool:
    return path.name.lower() == META_NAME


def _metadata_for(folder: Path, warn: Warn) -> dict[str, dict[str, str]]:
    """Return metadata rows keyed by id from metadata.csv files in, below or up to two levels above folder."""
    found = [p for p in (folder, folder.parent, folder.parent.parent) if (p / META_NAME).is_file()]
    found = [p / META_NAME for p in reversed(found)]
    found += sorted(p for p in folder.rglob("*") if _is_metadata(p) and p.parent != folder)
    rows: dict[str, dict[str, str]] = {}
    for path in found:
        try:
            text = decode(path.read_bytes())
        except (OSError, DecodeError) as exc:
            warn(f"{path}: metadata skipped ({exc})")
            continue
        for row in csv.DictReader(io.StringIO(text)):
            key = (row.get("id") or "").strip()
            if key:
                rows[key] = {k: (v or "").strip() for k, v in row.items() if k}
    return rows


def _document(doc_id: str, text: str, meta: dict[str, str]) -> Document:
    extra = {k: v for k, v in meta.items() if k not in {"id", "text", "title", "date", "source"}}
    return Document(
        doc_id=doc_id,
        text=text,
        title=meta.get("title", ""),
        date=meta.get("date", ""),
        source=meta.get("source", ""),
        meta=extra,
    )


def read_text(name: str, data: bytes, warn: Warn, meta: dict[str, str] | None = None) -> Document | None:
    """Return the article in data (any encoding users have), or None with a warning when unreadable."""
    try:
        text = decode(data)
    except DecodeError as exc:
        warn(f"{name}: skipped ({exc})")
        return None
    if not text.strip():
        warn(f"{name}: skipped (empty file)")
        return None
    return _document(Path(name).stem, text, meta or {})


def _rows_csv(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    yield from enumerate(reader, start=2)


def _rows_jsonl(text: str, name: str, warn: Warn) -> Iterator[tuple[int, dict[str, str]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            warn(f"{name}: line {number} skipped (not JSON: {exc.msg})")
            continue
        if not isinstance(row, dict):
            warn(f"{name}: line {number} skipped (not a JSON object)")
            continue
        yield number, {k: "" if v is None else str(v) for k, v in row.items()}


def read_table(name: str, data: bytes, warn: Warn) -> list[Document]:
    """Return one document per row of a .csv or .jsonl table with a `text` column."""
    try:
        text = decode(data)
    except DecodeError as exc:
        warn(f"{name}: skipped ({exc})")
        return []
    stem = Path(name).stem
    is_csv = Path(name).suffix.lower() == ".csv"
    rows = _rows_csv(text) if is_csv else _rows_jsonl(text, name, warn)
    docs, seen_text_column = [], False
    for number, row in rows:
        row = {(k or "").strip().lower(): v for k, v in row.items()}
        if "text" not in row:
            if is_csv:
                raise CorpusError(f"{name}: no 'text' column (columns: {', '.join(sorted(row)) or 'none'})")
            warn(f"{name}: line {number} skipped (no 'text' field)")
            continue
        seen_text_column = True
        body = (row.get("text") or "").strip()
        if not body:
            warn(f"{name}: row {number} skipped (empty text)")
            continue
        doc_id = (row.get("id") or "").strip() or f"{stem}-{number}"
        docs.append(_document(doc_id, body, {k: (v or "").strip() for k, v in row.items()}))
    if not seen_text_column and is_csv:
        raise CorpusError(f"{name}: no 'text' column")
    if not seen_text_column and not docs:
        raise CorpusError(f"{name}: no row with a 'text' field")
    return docs


def read_items(items: Iterable[tuple[str, bytes]], warn: Warn = _stderr) -> list[Document]:
    """Return the documents in (file name, bytes) pairs: .txt articles, tables and metadata.csv."""
    items = list(items)
    meta: dict[str, dict[str, str]] = {}
    for name, data in items:
        if _is_metadata(Path(name)):
            meta.update(_metadata_for_bytes(name, data, warn))
    docs: list[Document] = []
    for name, data in items:
        path = Path(name)
        suffix = path.suffix.lower()
        if _is_metadata(path):
            continue
        if suffix in TEXT_SUFFIXES:
            doc = read_text(name, data, warn, meta.get(path.stem))
            if doc:
                docs.append(doc)
        elif suffix in TABLE_SUFFIXES:
            docs.extend(read_table(name, data, warn))
        else:
            warn(f"{name}: skipped (not .txt, .csv or .jsonl)")
    return unique_ids(docs)


def _metadata_for_bytes(name: str, data: bytes, warn: Warn) -> dict[str, dict[str, str]]:
    try:
        text = decode(data)
    except DecodeError as exc:
        warn(f"{name}: metadata skipped ({exc})")
        return {}
    rows = csv.DictReader(io.StringIO(text))
    return {(r.get("id") or "").strip(): {k: (v or "").strip() for k, v in r.items() if k} for r in rows}


def unique_ids(docs: list[Document]) -> list[Document]:
    """Return docs with repeated ids made unique by a numeric suffix, order kept."""
    seen: dict[str, int] = {}
    for doc in docs:
        n = seen.get(doc.doc_id, 0)
        seen[doc.doc_id] = n + 1
        if n:
            doc.doc_id = f"{doc.doc_id}~{n + 1}"
    return docs


def _read_file(path: Path, warn: Warn, meta: dict[str, dict[str, str]]) -> list[Document]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        warn(f"{path}: skipped ({exc.strerror or exc})")
        return []
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return read_table(str(path), data, warn)
    doc = read_text(str(path), data, warn, meta.get(path.stem))
    return [doc] if doc else []


def load(paths: Iterable[str | Path], warn: Warn = _stderr) -> list[Document]:
    """Return every document under paths (.txt files, folders of them, .csv/.jsonl tables)."""
    docs: list[Document] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise CorpusError(f"{path}: no such file or folder")
        if path.is_dir():
            meta = _metadata_for(path, warn)
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES and not _is_metadata(p)
            )
            if not files:
                warn(f"{path}: no .txt, .csv or .jsonl files found")
            for file in files:
                docs.extend(_read_file(file, warn, meta))
        elif path.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES:
            meta = _metadata_for(path.parent, warn) if path.suffix.lower() in TEXT_SUFFIXES else {}
            docs.extend(_read_file(path, warn, meta))
        else:
            raise CorpusError(f"{path}: not a .txt, .csv or .jsonl file, nor a folder")
    return unique_ids(docs)


def parse_dates(values: Iterable[str]) -> pd.Series:
    """Return naive UTC datetimes for date strings in the formats corpora use (NaT when unknown)."""
    series = pd.Series(list(values), dtype="string")
    parsed = pd.to_datetime(series, errors="coerce", utc=True, format="mixed")
    return parsed.dt.tz_localize(None)
