"""A Parquet dataset of frames as DuckDB sees it, and the compact index written beside it on first opening.

The dataset: per frame, `DIR/<frame>.parquet` or a folder `DIR/<frame>/` of Parquet files, possibly hive-partitioned.
Its rows are in file order (files sorted by path, rows as written): the corpus order.

The index (a DuckDB database file, `DIR/qawl-index.duckdb`, or in the temporary folder when DIR is read-only) holds
what the questions join on, as integers: each sentence's number in corpus order (`sid`) with its document number,
speaker, quote kind, date, outlet, speaker kind and gender, statement (quote spread, 0 for none) and story words
(`sent`, and sorted by speaker number in `sent_spk`), and their totals (`summary`);
the tokens as (speaker number, sid, term number, written form number), sorted by speaker so that one speaker's
tokens are a few blocks (`tok`), and again as (term number, written form number, sid, document number, date) sorted
by term (`tok_term`); the terms with their corpus totals, documents (`spread`) and the word each is shown as
(`terms`); the written forms (`surf`); the themes (with the sentence's speaker, date and story flag), mentions and
repeats by sid (`thm`, `men`, `rep`); the files' fingerprint and footers (`meta`). It is
rebuilt when the files change. It holds the frames as built: corrections are laid over it when a store opens.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from functools import cached_property
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from qawl.frames import FRAME_NAMES, MENTION_COLUMNS, SENTENCE_COLUMNS, SPEAKER_COLUMNS, TOKEN_COLUMNS, Frames
from qawl.spread import REPEAT_COLUMNS, STATEMENT_COLUMNS

INDEX_VERSION = "7"  # bump when the index's tables change
INDEX_NAME = "qawl-index.duckdb"
INDEX_SCHEMA = "ix"
# Writing the index of ten million sentences needs more than 1 GB in a few steps that cannot spill (a one-off, in
# the process that opens the dataset first); the queries afterwards keep to duckdb_query.MEMORY_LIMIT.
BUILD_MEMORY = "2GB"
# The frames' contract columns: a partition key the files lack becomes a column only where the contract has it.
CONTRACT = {"documents": ["doc_id", "title", "date", "source", "n_sentences"], "sentences": SENTENCE_COLUMNS,
            "speakers": SPEAKER_COLUMNS, "themes": ["doc_id", "sentence_id", "theme", "terms"], "tokens": TOKEN_COLUMNS,
            "mentions": MENTION_COLUMNS, "statements": STATEMENT_COLUMNS, "repeats": REPEAT_COLUMNS}
SPREAD_PARTS = 8  # the terms' documents are counted in this many passes (see _build)
_BUILDING = threading.Lock()


def is_dataset(path: str | Path) -> bool:
    """Return whether a path is a folder of the frames as Parquet (a built dataset, or a disk-cache entry)."""
    folder = Path(path)
    return folder.is_dir() and all((folder / f"{n}.parquet").is_file() or (folder / n).is_dir() for n in FRAME_NAMES)


def literal(text: str) -> str:
    """Return text as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


# (file, size, modification time) -> its rows, columns and their types, read from its footer once per process: a
# dataset of ten million sentences has two thousand files, whose footers took half a second to read.
Footer = tuple[int, tuple[str, ...], tuple[str, ...]]
_FOOTERS: dict[tuple[str, int, int], Footer] = {}


def _parquet_files(folder: str) -> list[str]:
    """Return the Parquet files under a folder, at any depth, sorted by path."""
    found, pending = [], [folder]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append(entry.path)
                elif entry.name.endswith(".parquet") and entry.is_file():
                    found.append(entry.path)
    return sorted(found)


class Dataset:
    """The Parquet files of a corpus's frames, their columns and row counts (from the files' footers)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.files: dict[str, list[str]] = {}
        self.partitioned: dict[str, bool] = {}
        for name in FRAME_NAMES:
            single = self.folder / f"{name}.parquet"
            if single.is_file():
                self.files[name], self.partitioned[name] = [str(single)], False
                continue
            found = _parquet_files(str(self.folder / name)) if (self.folder / name).is_dir() else []
            if not found:
                raise FileNotFoundError(f"no {name}.parquet nor {name}/*.parquet under {folder}")
            self.files[name], self.partitioned[name] = found, True

    @cached_property
    def _stamps(self) -> dict[str, tuple[int, int]]:
        """Return each file's size and modification time (ns)."""
        return {f: (stat.st_size, stat.st_mtime_ns) for files in self.files.values() for f in files
                for stat in (os.stat(f),)}

    @cached_property
    def footers(self) -> dict[str, Footer]:
        """Return each file's rows, column names and types: those the up-to-date index keeps, else its footer's."""
        keys = {f: (f, *stamp) for f, stamp in self._stamps.items()}
        if any(k not in _FOOTERS for k in keys.values()):
            kept = _stored_footers(self)
            _FOOTERS.update({keys[f]: (int(v[0]), tuple(v[1]), tuple(v[2])) for f, v in kept.items()
                             if f in keys and isinstance(v, list) and len(v) == 3})
        for f, key in keys.items():
            if key not in _FOOTERS:
                meta = pq.read_metadata(f)
                schema = meta.schema.to_arrow_schema()
                _FOOTERS[key] = (meta.num_rows, tuple(schema.names), tuple(str(t) for t in schema.types))
        return {f: _FOOTERS[key] for f, key in keys.items()}

    @cached_property
    def _counts(self) -> dict[str, list[int]]:
        return {name: [self.footers[f][0] for f in files] for name, files in self.files.items()}

    def rows(self, name: str) -> int:
        """Return how many rows a frame has."""
        return sum(self._counts[name])

    def offsets(self, name: str = "sentences") -> list[tuple[str, int, int]]:
        """Return (file, first row number, rows) of each file of a frame, in corpus order."""
        out, start = [], 0
        for file, n in zip(self.files[name], self._counts[name], strict=True):
            out.append((file, start, n))
            start += n
        return out

    @cached_property
    def columns(self) -> dict[str, list[str]]:
        """Return each frame's columns: its files' (in order of appearance; not an index pandas wrote beside them),
        then the partition keys its contract has and its files lack."""
        out = {}
        for name, files in self.files.items():
            own: dict[str, None] = {}
            keys: dict[str, None] = {}
            for file in files:
                own.update(dict.fromkeys(c for c in self.footers[file][1] if not c.startswith("__index_level_")))
                for part in Path(file).relative_to(self.folder / name).parts[:-1] if self.partitioned[name] else ():
                    if "=" in part:
                        keys[part.split("=", 1)[0]] = None
            out[name] = [*own, *(k for k in keys if k not in own and k in CONTRACT[name])]
        return out

    def _read(self, name: str) -> str:
        """Return the read_parquet call over a frame's files (with their file names and row numbers); partition
        keys are read from the paths only when a column comes from them."""
        in_files = {c for f in self.files[name] for c in self.footers[f][1]}
        hive = any(c not in in_files for c in self.columns[name])
        # Files of one schema are read as such: union_by_name reads every file's footer whenever a query is planned
        # (0.07 s over the 368 files of a frame at ten million sentences, for a preview that reads three).
        union = len({self.footers[f][1:] for f in self.files[name]}) > 1
        return (f"read_parquet([{', '.join(map(literal, self.files[name]))}], hive_partitioning={str(hive).lower()}, "
                f"union_by_name={str(union).lower()}, filename=true, file_row_number=true)")

    def create_views(self, db: duckdb.DuckDBPyConnection) -> None:
        """Create one view per frame over its files: its columns, `_file` and `_row` (the rows' order), and for the
        sentences their number in corpus order, `sid`."""
        for name in FRAME_NAMES:
            select = ", ".join(f'"{c}"' for c in self.columns[name])
            sid = ""
            if name == "sentences":
                cases = " ".join(f"WHEN {literal(f)} THEN {start}" for f, start, _ in self.offsets())
                sid = ", file_row_number AS sid" if len(self.files[name]) == 1 else \
                    f", CASE filename {cases} END + file_row_number AS sid"
            db.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT {select}, filename AS _file, "
                       f"file_row_number AS _row{sid} FROM {self._read(name)}")

    def manifest(self) -> dict:
        """Return the folder's manifest.json (a disk-cache entry's: warnings, datetime units), {} when none."""
        try:
            found = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def frames(self) -> Frames:
        """Return the frames read into pandas, in file order (the tokens' text columns as categories)."""
        out = {}
        for name, files in self.files.items():
            table = pq.read_table(files[0]) if len(files) == 1 else pa.concat_tables(
                [pq.read_table(f) for f in files], promote_options="permissive")
            frame = table.unify_dictionaries().to_pandas()
            frame = frame[[c for c in self.columns[name] if c in frame.columns]]
            if name == "tokens":
                frame = frame.astype({c: "category" for c in ("doc_id", "surface", "term") if c in frame.columns})
            out[name] = frame
        return Frames(**out, warnings=list(self.manifest().get("warnings", [])))

    def fingerprint(self) -> str:
        """Return a hash of the index version and the files' paths, sizes and modification times."""
        digest = hashlib.sha256(INDEX_VERSION.encode())
        for files in self.files.values():
            for file in files:
                size, mtime = self._stamps[file]
                digest.update(f"{file}\x1f{size}\x1f{mtime}\x1e".encode())
        return digest.hexdigest()


# The index, built from the views: keys joins each long frame's (doc_id, sentence_id) to the sentence's number.
def _build(dataset: Dataset) -> tuple[str, ...]:
    """Return the statements that write a dataset's index (the sentences' kind and gender "" when its files lack
    them: frames built before they existed)."""
    have = set(dataset.columns["sentences"])
    traits = ", ".join(f"coalesce(CAST(s.{column} AS VARCHAR), '') AS {name}" if column in have else f"'' AS {name}"
                       for column, name in (("speaker_kind", "kind"), ("speaker_gender", "gender")))
    statement = "coalesce(s.statement_id, 0)::BIGINT" if "statement_id" in have else "0::BIGINT"
    return (
        "CREATE TABLE docs AS SELECT (row_number() OVER (ORDER BY _file, _row) - 1)::INTEGER AS doc, "
        "CAST(doc_id AS VARCHAR) AS doc_id, coalesce(CAST(source AS VARCHAR), '') AS source, date FROM documents",
        "CREATE TABLE who AS SELECT (row_number() OVER (ORDER BY speaker) - 1)::INTEGER AS spk, speaker "
        "FROM (SELECT DISTINCT CAST(speaker AS VARCHAR) AS speaker FROM sentences)",
        "CREATE TABLE sent AS SELECT s.sid::INTEGER AS sid, d.doc, s.sentence_id::INTEGER AS sentence_id, w.spk, "
        "CAST(s.speaker AS VARCHAR) AS speaker, CAST(s.quote AS VARCHAR) AS quote, s.date, "
        f"coalesce(d.source, '') AS source, {traits}, {statement} AS stmt, "
        "(CASE WHEN s.boilerplate = '' THEN s.n_words ELSE 0 END)::BIGINT AS words, "
        "coalesce(s.boilerplate = '', false) AS story FROM sentences s LEFT JOIN docs d ON d.doc_id = s.doc_id "
        "LEFT JOIN who w ON w.speaker = s.speaker ORDER BY sid",
        # The same rows sorted by speaker: a speaker filter reads its few row groups, not every sentence.
        "CREATE TABLE sent_spk AS SELECT * FROM sent ORDER BY spk, sid",
        "CREATE TABLE summary AS SELECT count(*) AS sentences, count(DISTINCT doc) AS documents, min(date) AS first, "
        "max(date) AS last FROM sent",
        "CREATE TEMP TABLE keys AS SELECT s.sid, s.doc, d.doc_id, s.sentence_id, s.spk, s.speaker, s.date, s.story "
        "FROM sent s JOIN docs d USING (doc)",
        "CREATE TEMP TABLE pairs AS SELECT CAST(term AS VARCHAR) AS term, CAST(surface AS VARCHAR) AS surface, "
        "count(*) AS n FROM tokens GROUP BY ALL",
        "CREATE TABLE terms AS SELECT (row_number() OVER (ORDER BY term) - 1)::INTEGER AS term, term AS text, "
        "label, total FROM (SELECT term, arg_min(surface, (-n, surface)) FILTER (WHERE surface IS NOT NULL) AS label, "
        "sum(n)::BIGINT AS total FROM pairs WHERE term IS NOT NULL GROUP BY term)",
        # Every written form, with its term: a search for typed words (qawl.search) picks forms, then their tokens.
        "CREATE TABLE surf AS SELECT (row_number() OVER (ORDER BY p.surface) - 1)::INTEGER AS surface, "
        "p.surface AS text, w.term FROM (SELECT surface, arg_min(term, -n) AS term FROM pairs "
        "WHERE surface IS NOT NULL GROUP BY surface) p LEFT JOIN terms w ON w.text = p.term",
        "CREATE TEMP TABLE numbered AS SELECT k.spk, k.sid, k.doc, k.date, w.term, u.surface FROM tokens t "
        "JOIN keys k ON k.doc_id = t.doc_id AND k.sentence_id = t.sentence_id LEFT JOIN terms w ON w.text = t.term "
        "LEFT JOIN surf u ON u.text = t.surface",
        # Distinct (term, document) pairs grouped first, a share of the terms at a time: a GROUP BY spills to disk past
        # the memory limit, but at ten million sentences a count(DISTINCT) of 150M token rows ran out of it, and so did
        # one GROUP BY of all their pairs (a 512 MB allocation, on 2026-11-29).
        "CREATE TABLE spread (term INTEGER, docs BIGINT)",
        *(f"INSERT INTO spread SELECT term, count(*) FROM (SELECT term, doc FROM numbered WHERE term % {SPREAD_PARTS} "
          f"= {part} GROUP BY term, doc) GROUP BY term" for part in range(SPREAD_PARTS)),
        # A speaker's written forms too: Timelines count one speaker's typed words in its blocks, not in all tokens.
        "CREATE TABLE tok AS SELECT spk, sid, term, surface FROM numbered ORDER BY spk, sid",
        "CREATE TABLE tok_term AS SELECT term, surface, sid, doc, date FROM numbered ORDER BY term, sid",
        "DROP TABLE numbered",
        "CREATE TABLE thm AS SELECT k.sid, CAST(t.theme AS VARCHAR) AS theme, k.speaker, k.date, k.story, "
        "row_number() OVER (ORDER BY t._file, t._row) AS ord FROM themes t JOIN keys k ON k.doc_id = t.doc_id "
        "AND k.sentence_id = t.sentence_id ORDER BY ord",
        "CREATE TABLE men AS SELECT k.sid, CAST(m.speaker AS VARCHAR) AS speaker, CAST(m.entity AS VARCHAR) AS entity, "
        "CAST(m.kind AS VARCHAR) AS kind FROM mentions m JOIN keys k ON k.doc_id = m.doc_id "
        "AND k.sentence_id = m.sentence_id",
        "CREATE TABLE rep AS SELECT k.sid, r.statement_id::BIGINT AS stmt FROM repeats r JOIN keys k "
        "ON k.doc_id = r.doc_id AND k.sentence_id = r.sentence_id ORDER BY k.sid",
    )


def _fresh(path: Path, fingerprint: str) -> bool:
    try:
        with duckdb.connect(str(path), read_only=True) as db:
            return db.execute("SELECT fingerprint FROM meta").fetchone()[0] == fingerprint
    except (duckdb.Error, OSError, TypeError):
        return False


def _stored_footers(dataset: Dataset) -> dict[str, list]:
    """Return file -> [rows, columns, types] as the dataset's index keeps them when it is up to date, else {}."""
    try:
        with duckdb.connect(str(index_path(dataset)), read_only=True) as db:
            fingerprint, footers = db.execute("SELECT fingerprint, footers FROM meta").fetchone()
        found = json.loads(footers) if fingerprint == dataset.fingerprint() else {}
    except (duckdb.Error, OSError, TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def index_path(dataset: Dataset) -> Path:
    """Return where a dataset's index lives: beside its files, or in the temporary folder when that is read-only."""
    if os.access(dataset.folder, os.W_OK):
        return dataset.folder / INDEX_NAME
    where = hashlib.sha256(str(dataset.folder.resolve()).encode()).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / f"qawl-index-{where}.duckdb"


def indexed(dataset: Dataset) -> bool:
    """Return whether a dataset's index is written and up to date."""
    return _fresh(index_path(dataset), dataset.fingerprint())


def open_index(dataset: Dataset) -> Path:
    """Return the path of a dataset's up-to-date index, building it first when it is missing or stale."""
    path, fingerprint = index_path(dataset), dataset.fingerprint()
    if _fresh(path, fingerprint):
        return path
    with _BUILDING:
        if _fresh(path, fingerprint):
            return path
        handle, temporary = tempfile.mkstemp(prefix=".qawl-index-", suffix=".duckdb", dir=path.parent)
        os.close(handle)
        os.unlink(temporary)  # DuckDB makes the file itself
        try:
            with duckdb.connect(temporary, config={"threads": 2, "memory_limit": BUILD_MEMORY}) as db:
                db.execute("SET enable_progress_bar = false")  # it draws on stdout, even without a terminal
                dataset.create_views(db)
                for statement in _build(dataset):
                    try:
                        db.execute(statement)
                    except duckdb.Error as exc:  # say which step: the message alone names none
                        raise type(exc)(f"{exc} (writing the index of {dataset.folder}: {statement[:60]}…)") from exc
                # The files' footers too: a fresh process opens the dataset without reading them (Dataset.footers).
                footers = json.dumps({f: [n, list(c), list(t)] for f, (n, c, t) in dataset.footers.items()},
                                     ensure_ascii=False)
                db.execute("CREATE TABLE meta AS SELECT ? AS fingerprint, ? AS footers", [fingerprint, footers])
                for name in FRAME_NAMES:
                    db.execute(f"DROP VIEW {name}")
            os.replace(temporary, path)
        finally:
            for leftover in (temporary, temporary + ".wal"):
                if os.path.exists(leftover):
                    os.unlink(leftover)
    return path
