"""A corpus's frames as a partitioned Parquet dataset, on a local path or an fsspec URL: its layout, its manifest,
and the writer that fills it a chunk of articles at a time.

    DIR/manifest.json                                             written last: what the dataset holds
    DIR/<frame>/outlet=<source>/month=<YYYY-MM>/part-<batch>-<n>.parquet   documents, sentences, themes, tokens,
                                                                  mentions: one file set per part
    DIR/speakers/part-0.parquet                                   the speakers frame (corpus-wide)
    DIR/statements/part-0.parquet, DIR/repeats/part-0.parquet     quote spread (corpus-wide)
    DIR/_summaries/...                                            what incremental adds need (see dataset_build)

The files of one part hold the rows of the same articles in every frame. `outlet` is the documents' `source`
(percent-encoded; a long one cut and hashed), `month` their date's month (`none` when undated): DuckDB and
pyarrow read them as two more columns, so a filter on either skips whole folders.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import quote

import fsspec
import numpy as np
import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from qawl.frames import FRAME_NAMES

FORMAT, VERSION = "qawl-dataset", 1
MANIFEST = "manifest.json"
SUMMARIES = "_summaries"
PARTITIONED = ("documents", "sentences", "themes", "tokens", "mentions")
PARTITIONING = ("outlet", "month")
# The frames worked out over the whole corpus at the end of a build: one file each, rewritten by every build.
CORPUS_WIDE = {name: f"{name}/part-0.parquet" for name in ("speakers", "statements", "repeats")}
SPEAKERS_FILE = CORPUS_WIDE["speakers"]
STAGED = ".tmp"  # a part being written: no reader's *.parquet glob sees it
_LONG_LABEL = 96  # characters of an encoded outlet name kept whole (a path part holds 255 bytes)
_ROW_GROUP = 1 << 17
# Columns of mostly distinct values: dictionary pages would cost a string per row to decode (texts, the
# signatures' keys) or hold every value twice (the signatures' band hashes and rows).
_PLAIN = {"text", "title", "terms", "key", "bands", "row"}


@cache
def outlet_label(source: str) -> str:
    """Return the folder label of a source: percent-encoded, cut and hashed when long, `none` when empty."""
    if not source:
        return "none"
    label = quote(source, safe="")
    if len(label) <= _LONG_LABEL:
        return label
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{quote(source[:24], safe='')[:60]}~{digest}"


def month_labels(dates: np.ndarray) -> list[str]:
    """Return the `YYYY-MM` label of each datetime64 value (`none` for NaT)."""
    labels = np.datetime_as_string(dates.astype("datetime64[M]"), unit="M")
    return np.where(labels == "NaT", "none", labels).tolist()


class Store:
    """A dataset folder on any filesystem fsspec knows (a local path, file://, s3://, memory:// ...)."""

    def __init__(self, url: str) -> None:
        fs, root = fsspec.core.url_to_fs(str(url))
        self.local = isinstance(fs, fsspec.implementations.local.LocalFileSystem)
        # pyarrow's own filesystem for local folders (its C++ I/O runs without the GIL); fsspec's elsewhere.
        self.fs = pafs.LocalFileSystem() if self.local else pafs.PyFileSystem(pafs.FSSpecHandler(fs))
        self.root = root.rstrip("/")
        self.fsspec = fs

    def path(self, rel: str) -> str:
        """Return the filesystem path of a path relative to the dataset."""
        return f"{self.root}/{rel}" if rel else self.root

    def url(self, rel: str) -> str:
        """Return what a reader (DuckDB, pyarrow, pandas) is given for a relative path: a path, or a URL."""
        return self.path(rel) if self.local else self.fsspec.unstrip_protocol(self.path(rel))

    def exists(self, rel: str) -> bool:
        """Return whether a file or folder exists in the dataset."""
        return self.fs.get_file_info(self.path(rel)).type != pafs.FileType.NotFound

    def files(self, rel: str) -> list[str]:
        """Return the relative paths of the files under a folder of the dataset (none when it is missing)."""
        if not self.exists(rel):
            return []
        infos = self.fs.get_file_info(pafs.FileSelector(self.path(rel), recursive=True))
        cut = len(self.root) + 1
        return sorted(i.path[cut:] for i in infos if i.type == pafs.FileType.File)

    def entries(self) -> list[str]:
        """Return the names of the top-level entries of the dataset folder."""
        if not self.exists(""):
            return []
        infos = self.fs.get_file_info(pafs.FileSelector(self.root))
        return sorted(i.base_name for i in infos)

    def read_json(self, rel: str) -> dict | None:
        """Return a JSON file of the dataset, or None when it is missing or unreadable."""
        try:
            with self.fs.open_input_stream(self.path(rel)) as f:
                return json.loads(f.read().decode("utf-8"))
        except (OSError, ValueError):
            return None

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write a file whole: to a staged name first, then moved into place."""
        self._parent(rel)
        with self.fs.open_output_stream(self.path(rel + STAGED)) as f:
            f.write(data)
        self.move(rel + STAGED, rel)

    def write_json(self, rel: str, value: object) -> None:
        """Write a JSON file whole."""
        self.write_bytes(rel, json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8"))

    def _parent(self, rel: str) -> None:
        if "/" in rel:
            self.fs.create_dir(self.path(rel.rsplit("/", 1)[0]), recursive=True)

    def move(self, src: str, dest: str) -> None:
        """Move a file within the dataset, replacing dest."""
        self.fs.move(self.path(src), self.path(dest))

    def delete(self, rel: str) -> None:
        """Delete a file or a folder of the dataset (nothing when it is missing)."""
        info = self.fs.get_file_info(self.path(rel))
        if info.type == pafs.FileType.Directory:
            self.fs.delete_dir(self.path(rel))
        elif info.type == pafs.FileType.File:
            self.fs.delete_file(self.path(rel))

    def read_table(self, rel: str, columns: list[str] | None = None, **options: object) -> pa.Table:
        """Return one Parquet file of the dataset as a table."""
        return pq.read_table(self.path(rel), columns=columns, filesystem=self.fs, **options)

    def parquet_file(self, rel: str) -> pq.ParquetFile:
        """Return one Parquet file of the dataset opened for reading row group by row group."""
        return pq.ParquetFile(self.fs.open_input_file(self.path(rel)))

    def writer(self, rel: str, schema: pa.Schema) -> pq.ParquetWriter:
        """Return a Parquet writer of a new file of the dataset, with the options its columns read back fast with."""
        self._parent(rel)
        dictionary = [f.name for f in schema if f.name not in _PLAIN]
        return pq.ParquetWriter(self.path(rel), schema, filesystem=self.fs, compression="lz4",
                                use_dictionary=dictionary or False, dictionary_pagesize_limit=1 << 30)

    def write_table(self, rel: str, table: pa.Table) -> None:
        """Write a table as one Parquet file of the dataset (a staged name first, then moved into place)."""
        with self.writer(rel + STAGED, table.schema) as w:
            w.write_table(table, row_group_size=_ROW_GROUP)
        self.move(rel + STAGED, rel)


def read_manifest(url: str) -> dict | None:
    """Return the manifest of the dataset at url, or None when there is none."""
    manifest = Store(url).read_json(MANIFEST)
    return manifest if manifest and manifest.get("format") == FORMAT else None


def frame_files(url: str, frame: str) -> list[str]:
    """Return the files (paths, or URLs off the local disk) holding one frame of the dataset at url, as its
    manifest lists them: files a build has not finished are left out."""
    if frame not in FRAME_NAMES:
        raise ValueError(f"no frame {frame!r}: one of {', '.join(FRAME_NAMES)}")
    store = Store(url)
    manifest = read_manifest(url)
    if manifest is None:
        return []
    if frame in CORPUS_WIDE:
        return [store.url(CORPUS_WIDE[frame])]
    return [store.url(f"{frame}/{part['path']}") for part in manifest["parts"]]


def frame_glob(url: str, frame: str) -> str:
    """Return the glob of one frame's files, for DuckDB's read_parquet(..., hive_partitioning=true,
    union_by_name=true) or pyarrow.dataset."""
    return Store(url).url(f"{frame}/**/*.parquet")


@dataclass
class _Part:
    """One part being written: its rows buffered per frame until a row group's worth, then written."""

    key: tuple[str, str]
    name: str
    buffers: dict[str, list[pa.Table]] = field(default_factory=dict)
    writers: dict[str, pq.ParquetWriter] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    buffered: int = 0  # sentences
    bytes: int = 0
    sentences: int = 0  # written or buffered
    documents: int = 0
    idle: int = 0  # chunks since its last rows


class PartWriter:
    """Writes a batch's rows into parts, one open part per partition, a row group at a time.

    A partition's rows wait in memory until they make a row group (group_sentences); past the budget (bytes),
    the largest waiting ones go first. A part closes when it holds part_sentences sentences, or when its
    partition got no rows for `idle` chunks (corpora come roughly in date order), so files are neither tiny
    nor unbounded. Files are written under staged names (STAGED) until the build commits them. The `index`
    table of each flush (one row per article) is handed to index() with the part its articles went to.
    """

    def __init__(self, store: Store, batch: int, folders: dict[str, str], index: Callable[[str, pa.Table], None],
                 *, group_sentences: int = 65_536, part_sentences: int = 1 << 20, budget: int = 256 << 20,
                 idle: int = 64) -> None:
        self.store, self.batch, self.folders, self.index = store, batch, folders, index
        self.group_sentences, self.part_sentences, self.budget, self.idle = (group_sentences, part_sentences,
                                                                             budget, idle)
        self.open: dict[tuple[str, str], _Part] = {}
        self.closed: list[dict] = []
        self._seq = 0

    def part_name(self, key: tuple[str, str]) -> str:
        """Return the part that rows of a partition go to now (opening one when none is)."""
        part = self.open.get(key)
        if part is None:
            self._seq += 1
            name = f"outlet={key[0]}/month={key[1]}/part-{self.batch:04d}-{self._seq:05d}.parquet"
            part = self.open[key] = _Part(key, name)
        return part.name

    def add(self, key: tuple[str, str], tables: dict[str, pa.Table], sources: Iterable[str]) -> None:
        """Add the rows of some articles of one partition (every frame's table, documents first)."""
        part = self.open[key]
        for frame, table in tables.items():
            part.buffers.setdefault(frame, []).append(table)
            part.bytes += table.nbytes
        n = tables["sentences"].num_rows
        part.buffered += n
        part.sentences += n
        part.documents += tables["documents"].num_rows
        part.sources.update(sources)
        part.idle = -1

    def end_chunk(self) -> None:
        """Write what a chunk filled up: full row groups, then the largest buffers while over the budget."""
        for part in list(self.open.values()):
            part.idle += 1
            if part.sentences >= self.part_sentences or (part.idle >= self.idle):
                self._close(part)
            elif part.buffered >= self.group_sentences:
                self._flush(part)
        waiting = sorted(self.open.values(), key=lambda p: p.bytes, reverse=True)
        total = sum(p.bytes for p in waiting)
        for part in waiting:
            if total <= self.budget // 2:
                break
            total -= part.bytes
            self._flush(part)

    def close(self) -> list[dict]:
        """Write and close every open part; return the records of all the parts of the batch."""
        for part in list(self.open.values()):
            self._close(part)
        return self.closed

    def abort(self) -> None:
        """Close every open file, keeping nothing of them in the records."""
        for part in self.open.values():
            for w in part.writers.values():
                w.close()
        self.open.clear()
        self.closed.clear()

    def _flush(self, part: _Part) -> None:
        if not any(part.buffers.values()):
            return
        tables = {f: pa.concat_tables(ts, promote_options="default") for f, ts in part.buffers.items() if ts}
        part.buffers, part.buffered, part.bytes = {}, 0, 0
        writer = part.writers.get("documents")
        if writer is not None and _fitted(tables["documents"], writer.schema) is None:
            self._rotate(part)  # new metadata columns: a new part (every frame), so that a file keeps one schema
        for frame, table in tables.items():
            if frame == "index":
                self.index(part.name, table)
                continue
            writer = part.writers.get(frame)
            if writer is None:
                table = _compact(table)
                writer = part.writers[frame] = self.store.writer(f"{self.folders[frame]}/{part.name}{STAGED}",
                                                                 table.schema)
            else:
                table = _compact(_fitted(table, writer.schema))
            writer.write_table(table, row_group_size=_ROW_GROUP)
            part.rows[frame] = part.rows.get(frame, 0) + table.num_rows

    def _record(self, part: _Part) -> None:
        """Close a part's files and note it among the batch's parts."""
        for w in part.writers.values():
            w.close()
        if part.rows:
            self.closed.append({"path": part.name, "batch": self.batch, "outlet": part.key[0],
                                "month": part.key[1], "sources": sorted(part.sources), "rows": dict(part.rows)})

    def _rotate(self, part: _Part) -> None:
        """Close a part's files and carry on with a new part of the same partition."""
        self._record(part)
        self._seq += 1
        part.name = f"{part.name.rsplit('-', 1)[0]}-{self._seq:05d}.parquet"
        part.writers, part.rows, part.sentences = {}, {}, 0

    def _close(self, part: _Part) -> None:
        self._flush(part)
        self._record(part)
        self.open.pop(part.key, None)


def _fitted(table: pa.Table, schema: pa.Schema) -> pa.Table | None:
    """Return table with schema's columns in its order (missing ones null), or None when it has others."""
    if set(table.column_names) - set(schema.names):
        return None
    columns = [table[n] if n in table.column_names else pa.nulls(table.num_rows, schema.field(n).type)
               for n in schema.names]
    try:
        return pa.Table.from_arrays(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.table(columns, names=schema.names).cast(schema)


def _compact(table: pa.Table) -> pa.Table:
    """Return table with each dictionary column holding only the values it uses, in one chunk."""
    for i, f in enumerate(table.schema):
        if pa.types.is_dictionary(f.type):
            column = table.column(i).cast(f.type.value_type).combine_chunks().dictionary_encode()
            table = table.set_column(i, f.name, column)
    return table


def read_frame(url: str, frame: str, columns: list[str] | None = None) -> pa.Table:
    """Return one frame of the dataset at url as a single table (its parts end to end, in the manifest's
    order): for small datasets and tests; a larger one is queried in place (DuckDB, pyarrow.dataset)."""
    store = Store(url)
    manifest = read_manifest(url)
    if manifest is None:
        raise FileNotFoundError(f"{url}: no Qawl dataset there (no {MANIFEST})")
    if frame in CORPUS_WIDE:
        return store.read_table(CORPUS_WIDE[frame], columns=columns)
    tables = [store.read_table(f"{frame}/{part['path']}", columns=columns) for part in manifest["parts"]]
    return pa.concat_tables(tables, promote_options="default") if tables else pa.table({})
