"""Building a corpus's Parquet dataset (dataset.py) a chunk of articles at a time, and adding new files to it.

Each chunk's rows go to disk as the workers return them; this process keeps only compact summaries. The
corpus-wide steps (corpus_wide.py: one canonical name per speaker across articles, the speakers frame,
person mentions by family name, the `speaker` of sentences and mentions, term totals) are worked out at the end from the
summaries, and written by a pass over the parts whose speakers changed. An add does them in proportion to its own
articles where the result allows: canonical names from kept counts (dataset_names.py), the speakers frame from
per-batch summaries, the band join of the quote spread for pairs with a new key only (dataset_spread.py).
A build over a folder that already holds a dataset analyses only the files it has not seen (a new batch); when an
input it was made from changed or went away, or the lexicons or the code did, it builds everything again and says
why.

Summaries, in DIR/_summaries/ (B: the batch of files they come from):
    inputs/batch-B.parquet    path, size, mtime_ns of each input file read (metadata.csv files too)
    index/batch-B.parquet     doc_id, part, n_sentences, entity_row, n_entities: where each article went
    entities/batch-B.parquet  doc_id, data (its speakers.Entity as JSON), n_sentences, n_direct, n_indirect
    aliases/batch-B.parquet   entity_row, alias: how explicit attributions wrote each source
    terms/batch-B.parquet     term, n_tokens, n_documents
    places/<part>             the gazetteer mentions of a part, without speakers
    names.parquet             the canonical name of every entity row of every batch (the last build's)
    person_names.json         family name -> canonical name (person mentions, the last build's)
    terms.parquet             term totals of the corpus: term, n_tokens, n_documents
    names/, speakers/, spread/  what an add works from (dataset_names.py, corpus_wide.speaker_summaries,
                              dataset_spread._Grouping)
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import articles, cache, corpus, corpus_wide, dataset_spread, dates, frames, inputs, lexicons, summaries
from qawl.corpus import Document
from qawl.corpus_wide import ENTITY_SCHEMA, FOLDERS, INDEX_SCHEMA, SWAP, total_terms
from qawl.dataset import (
    CORPUS_WIDE,
    FORMAT,
    MANIFEST,
    PARTITIONED,
    PARTITIONING,
    SPEAKERS_FILE,
    STAGED,
    SUMMARIES,
    VERSION,
    PartWriter,
    Store,
    month_labels,
    outlet_label,
)

# Besides cache.BUILD_MODULES, these shape the dataset.
_MODULES = ("corpus_wide", "dataset", "dataset_build", "dataset_names", "dataset_spread", "entity_codec", "inputs",
            "summaries")
_BATCH = re.compile(r"(?:part|batch)-(\d{4})")
_STRING, _INT64, _INT32 = pa.large_string(), pa.int64(), pa.int32()
ALIAS_SCHEMA = pa.schema([("entity_row", _INT64), ("alias", _STRING)])
INPUT_SCHEMA = pa.schema([("path", _STRING), ("size", _INT64), ("mtime_ns", _INT64)])
PART_OPTIONS: dict[str, int] = {}  # PartWriter's sizes, when not its defaults (tests make tiny parts)
PoolFactory = Callable[[articles.Size], contextlib.AbstractContextManager[object]]


class DatasetError(Exception):
    """A dataset that cannot be built where asked (a folder holding other files)."""


class _Rebuild(Exception):
    """Raised when a new batch cannot be added to the dataset as it is: everything is built again (day_first: the
    order of day and month the dates say, when they overturned the one the dataset was read with)."""

    def __init__(self, message: str, day_first: bool | None = None) -> None:
        super().__init__(message)
        self.day_first = day_first


@dataclass
class Outcome:
    """What a build did: the dataset's size, the warnings met reading, and what was added or rebuilt."""

    documents: int = 0
    sentences: int = 0
    speakers: int = 0
    added_documents: int = 0
    warnings: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def digests() -> dict[str, str]:
    """Return the digests a dataset records: the lexicons, and the code that builds it."""
    code = hashlib.sha256(cache.code_digest().encode())
    package = Path(__file__).resolve().parent
    for name in _MODULES:
        code.update((package / f"{name}.py").read_bytes())
    return {"lexicons": lexicons.load().digest, "code": code.hexdigest()}


class _Appender:
    """One summary file written as rows come, a row group at a time."""

    def __init__(self, store: Store, rel: str, schema: pa.Schema, rows: int = 1 << 16) -> None:
        self.store, self.rel, self.schema, self.rows = store, rel, schema, rows
        self.pending: list[pa.Table] = []
        self.n = 0
        self.writer = None

    def add(self, table: pa.Table) -> None:
        self.pending.append(table)
        if sum(t.num_rows for t in self.pending) >= self.rows:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        table = pa.concat_tables(self.pending).cast(self.schema)
        self.pending = []
        if self.writer is None:
            self.writer = self.store.writer(self.rel, self.schema)
        self.writer.write_table(table)
        self.n += table.num_rows

    def close(self) -> None:
        self.flush()
        if self.writer is None:
            self.writer = self.store.writer(self.rel, self.schema)
        self.writer.close()


class _Terms:
    """Term totals (tokens and documents per term), summed as chunks come, with memory bound by the vocabulary."""

    def __init__(self) -> None:
        self.tables: list[pa.Table] = []
        self.rows = 0

    def add(self, table: pa.Table) -> None:
        self.tables.append(table)
        self.rows += table.num_rows
        if self.rows > 1 << 21:
            self.tables = [self.total()]
            self.rows = self.tables[0].num_rows

    def total(self) -> pa.Table:
        """Return the totals so far: one row per term."""
        return total_terms(self.tables)


class _Batch:
    """The parts and summaries of one batch of files, written as its chunks come back from the workers."""

    def __init__(self, store: Store, batch: int, known_ids: set[str], dates_column: dates.Column) -> None:
        self.store, self.batch, self.known_ids, self.dates = store, batch, known_ids, dates_column
        name = f"batch-{batch:04d}.parquet"
        self.index = _Appender(store, f"{SUMMARIES}/index/{name}", INDEX_SCHEMA)
        self.entities = _Appender(store, f"{SUMMARIES}/entities/{name}", ENTITY_SCHEMA)
        self.aliases = _Appender(store, f"{SUMMARIES}/aliases/{name}", ALIAS_SCHEMA)
        self.signatures = _Appender(store, f"{SUMMARIES}/signatures/{name}", dataset_spread.SIGNATURE_SCHEMA)
        self.parts = PartWriter(store, batch, FOLDERS, self._index, **PART_OPTIONS)
        self.terms = _Terms()
        self.n_entities = self.documents = self.sentences = 0
        self.datetimes: dict[str, str] = {}

    def _index(self, part: str, table: pa.Table) -> None:
        self.index.add(table.append_column("part", pa.array([part] * table.num_rows, _STRING))
                       .select(INDEX_SCHEMA.names))

    def add(self, run: list[Document], chunk: summaries.SummedChunk) -> None:
        """Write the rows of a run of articles into their parts, and note its summaries."""
        ids = [d.doc_id for d in run]
        clash = next((i for i in ids if i in self.known_ids), None)
        if clash is not None:
            raise _Rebuild(f"a new article has the id of one already in the dataset ({clash})")
        counts = np.asarray(chunk.n_sentences, dtype=np.int64)
        documents = frames.documents_frame(run, chunk.titles, counts,
                                           self.dates.parse([d.date for d in run], ids))
        dates = documents["date"].to_numpy()
        self.datetimes = {"documents": str(documents["date"].dtype), "sentences": str(documents["date"].dtype)}
        n_entities = np.array([len(e) for e in chunk.entities], dtype=np.int64)
        entity_start = np.cumsum(n_entities) - n_entities
        doc_of_row = np.repeat(np.arange(len(run)), counts)
        id_array = pa.array(ids, _STRING)
        tables = {
            "documents": pa.Table.from_pandas(documents, preserve_index=False),
            "sentences": self._sentences(chunk.sentences, entity_start[doc_of_row], np.repeat(dates, counts)),
            "themes": chunk.themes, "tokens": chunk.tokens,
            "places": chunk.places.drop_columns(["row"]),
            "index": pa.table({"doc_id": id_array, "n_sentences": counts,
                               "entity_row": self.n_entities + entity_start, "n_entities": n_entities}),
        }
        doc_of = {"documents": np.arange(len(run)), "sentences": doc_of_row, "index": np.arange(len(run)),
                  "tokens": _doc_positions(chunk.tokens["doc_id"].combine_chunks(), id_array)}
        for name in ("themes", "places"):
            doc_of[name] = pc.index_in(tables[name]["doc_id"], value_set=id_array).to_numpy(zero_copy_only=False)
        keys = list(zip(map(outlet_label, (d.source for d in run)), month_labels(dates), strict=True))
        key_codes, key_of_doc = np.unique(np.array([f"{o}/{m}" for o, m in keys], dtype=object),
                                          return_inverse=True)
        first_doc = {code: np.flatnonzero(key_of_doc == code) for code in range(len(key_codes))}
        split = {name: _split(table, key_of_doc[doc_of[name]], len(key_codes)) for name, table in tables.items()}
        for code, docs in first_doc.items():
            key = keys[docs[0]]
            self.parts.part_name(key)
            self.parts.add(key, {name: split[name][code] for name in tables}, {run[i].source for i in docs})
        self.parts.end_chunk()
        self._summaries(run, chunk, entity_start)
        self.signatures.add(dataset_spread.signature_rows(chunk.signatures, chunk.sentences, doc_of_row, self.documents,
                                                          self.n_entities, np.repeat(dates, counts),
                                                          [d.source for d in run]))
        self.terms.add(chunk.terms)
        self.n_entities += int(n_entities.sum())
        self.documents += len(run)
        self.sentences += int(counts.sum())

    @staticmethod
    def _sentences(table: pa.Table, entity_start: np.ndarray, dates: np.ndarray) -> pa.Table:
        """Return a chunk's sentence rows as the parts hold them until speakers are known: `speaker_entity`, the
        index of the sentence's source among its article's entities (-1 for none), for the chunk's entity."""
        entity = table["entity"].to_numpy()
        local = np.where(entity >= 0, entity - entity_start, -1).astype(np.int32)
        columns = {name: table[name] for name in frames.SENTENCE_COLUMNS if name in table.column_names}
        columns["date"] = pa.array(dates)
        columns["statement_id"] = pa.array(np.zeros(len(local), dtype=np.int64))  # known at the end (Finisher)
        columns["speaker_entity"] = pa.array(local)
        order = [c for c in frames.SENTENCE_COLUMNS if c in columns] + ["speaker_entity"]
        return pa.table({c: columns[c] for c in order})

    def _summaries(self, run: list[Document], chunk: summaries.SummedChunk, entity_start: np.ndarray) -> None:
        entity = chunk.sentences["entity"].to_numpy()
        quote = chunk.sentences["quote"].to_numpy(zero_copy_only=False)
        total = int(sum(len(e) for e in chunk.entities))
        spoken = entity >= 0
        if total:
            counts = [np.bincount(entity[spoken & extra], minlength=total) for extra in
                      (True, quote == "direct", quote == "indirect")]
            first = np.full(total, np.iinfo(np.int64).max, dtype=np.int64)
            np.minimum.at(first, entity[spoken], np.flatnonzero(spoken) + self.sentences)
            self.entities.add(pa.table({
                "doc_id": [d.doc_id for d, ents in zip(run, chunk.entities, strict=True) for _ in ents],
                "data": chunk.entity_data,
                "n_sentences": counts[0], "n_direct": counts[1], "n_indirect": counts[2],
                "first": np.where(counts[0] > 0, first, -1)}, schema=ENTITY_SCHEMA))
        aliases = chunk.aliases
        if aliases.num_rows:
            rows = aliases["entity"].to_numpy() + self.n_entities
            self.aliases.add(pa.table({"entity_row": rows, "alias": aliases["alias"]}, schema=ALIAS_SCHEMA))

    def close(self) -> list[dict]:
        """Write what is left; return the records of the batch's parts."""
        parts = self.parts.close()
        for appender in (self.index, self.entities, self.aliases, self.signatures):
            appender.close()
        self.store.write_table(f"{SUMMARIES}/terms/batch-{self.batch:04d}.parquet", self.terms.total())
        return parts

    def abort(self) -> None:
        """Close the files of a batch that will not be kept (they are deleted by the build that follows)."""
        self.parts.abort()
        for appender in (self.index, self.entities, self.aliases, self.signatures):
            with contextlib.suppress(Exception):
                appender.close()


def _doc_positions(doc_ids: pa.DictionaryArray, ids: pa.Array) -> np.ndarray:
    """Return, for each row of a dictionary-encoded doc_id column, the position of its document in ids."""
    where = pc.index_in(doc_ids.dictionary.cast(_STRING), value_set=ids).to_numpy(zero_copy_only=False)
    return where[doc_ids.indices.to_numpy(zero_copy_only=False)]


def _split(table: pa.Table, group: np.ndarray, n_groups: int) -> list[pa.Table]:
    """Return the rows of table in n_groups tables, by each row's group (order kept within a group)."""
    if n_groups == 1:
        return [table]
    changes = np.flatnonzero(group[1:] != group[:-1]) + 1
    if len(changes) == n_groups - 1:  # each group one run of rows (articles come in date order): slices, no copy
        starts = np.concatenate([[0], changes, [len(group)]])
        out: list[pa.Table] = [table.slice(0, 0)] * n_groups
        for a, b in itertools.pairwise(starts):
            out[group[a]] = table.slice(a, b - a)
        return out
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(n_groups + 1))
    taken = table.take(pa.array(order))
    return [taken.slice(bounds[k], bounds[k + 1] - bounds[k]) for k in range(n_groups)]


# ---------------------------------------------------------------- a build: full, or a batch of new files


def _existing(store: Store) -> dict | None:
    """Return the manifest of the dataset at store (None when there is none yet); DatasetError when the folder
    holds files of something else."""
    manifest = store.read_json(MANIFEST)
    if manifest is not None and manifest.get("format") == FORMAT:
        return manifest
    ours = {*PARTITIONED, *CORPUS_WIDE, SUMMARIES, MANIFEST, MANIFEST + STAGED}
    foreign = [e for e in store.entries() if e not in ours]
    if foreign:
        raise DatasetError(f"{store.url('')} holds other files ({', '.join(foreign[:3])}) and no Qawl dataset: "
                           "give an empty or new folder")
    return None


def _clear(store: Store) -> None:
    """Delete the dataset at store (its own folders and manifest only)."""
    store.delete(MANIFEST)
    for name in (*PARTITIONED, *CORPUS_WIDE, SUMMARIES):
        store.delete(name)


def _clean_unfinished(store: Store, batch: int) -> None:
    """Delete what an interrupted build left: staged files, and the files of batches from `batch` on."""
    for folder in (*PARTITIONED, SUMMARIES):
        for rel in store.files(folder):
            found = _BATCH.search(rel.rsplit("/", 1)[-1])
            if rel.endswith((STAGED, SWAP)) or (found and int(found.group(1)) >= batch):
                store.delete(rel)


def _inputs(store: Store, batches: list[int]) -> dict[str, tuple[int, int]]:
    """Return path -> (size, mtime_ns) of every input file the dataset's batches were made from."""
    out: dict[str, tuple[int, int]] = {}
    for table in corpus_wide.batch_tables(store, "inputs", batches):
        for path, size, mtime in zip(*(table[c].to_pylist() for c in INPUT_SCHEMA.names), strict=True):
            out[path] = (size, mtime)
    return out


def _full_build_reason(manifest: dict, old: dict[str, tuple[int, int]], now: dict[str, tuple[int, int]],
                       stamp: dict[str, str], rebuild: bool) -> str | None:
    """Return why the dataset must be built again from scratch, or None when new files can be added to it (old: the
    input files of its batches)."""
    if rebuild:
        return "rebuilding everything, as asked"
    if manifest.get("version") != VERSION:
        return "rebuilding everything: the dataset was made by another version of Qawl"
    if manifest.get("lexicons") != stamp["lexicons"]:
        return "rebuilding everything: the lexicons changed since the dataset was built"
    if manifest.get("code") != stamp["code"]:
        return "rebuilding everything: the analysis code changed since the dataset was built"
    changed = [p for p, stat in old.items() if now.get(p) != stat]
    if changed:
        return (f"rebuilding everything: {len(changed)} input file{'s' if len(changed) > 1 else ''} changed or "
                f"went away since the dataset was built ({corpus.display_name(changed[0])}"
                f"{' ...' if len(changed) > 1 else ''})")
    return None


def build(paths: list[str], out: str, pool_for: PoolFactory, *, rebuild: bool = False,
          progress: frames.Progress | None = None) -> Outcome:
    """Build the Parquet dataset of the corpus at paths into out, or add to it the files it has not seen yet;
    return what was done. pool_for(size) gives the pool the articles are analysed on (a local process pool,
    a Dask cluster); CorpusError when nothing could be read, DatasetError when out holds something else."""
    store = Store(out)
    manifest = _existing(store)
    found = inputs.listing(paths)
    now = {path: (size, mtime) for path, _, size, mtime in found}
    outcome = Outcome()
    stamp = digests()
    seen = _inputs(store, [b["batch"] for b in manifest["batches"]]) if manifest else {}
    reason = _full_build_reason(manifest, seen, now, stamp, rebuild) if manifest else None
    new = [f for f in found if f[0] not in seen] if manifest and not reason else []
    del now, seen  # a listing costs half a kilobyte a file: 400 MB for 800,000 files, kept no longer than needed
    try:
        if manifest is None or reason:
            if reason:
                outcome.messages.append(reason)
            _clear(store)
            return _run(store, None, paths, found, pool_for, progress, outcome, stamp)
        found.clear()
        _clean_unfinished(store, _next_batch(manifest))
        if not new:
            outcome.messages.append("nothing new to add: the dataset holds every file of the corpus")
            _count(outcome, manifest)
            return outcome
        return _run(store, manifest, paths, new, pool_for, progress, outcome, stamp)
    except _Rebuild as exc:  # once at most: a build from scratch with the order of dates given meets no _Rebuild
        outcome.messages.append(f"rebuilding everything: {exc}")
        _clear(store)
        return _run(store, None, paths, inputs.listing(paths), pool_for, progress, Outcome(messages=outcome.messages),
                    stamp, day_first=exc.day_first)


def _next_batch(manifest: dict | None) -> int:
    return max((b["batch"] for b in manifest["batches"]), default=0) + 1 if manifest else 1


def _count(outcome: Outcome, manifest: dict) -> None:
    counts = manifest.get("counts", {})
    outcome.documents, outcome.sentences = counts.get("documents", 0), counts.get("sentences", 0)
    outcome.speakers = counts.get("speakers", 0)


def _dates_column(manifest: dict | None, day_first: bool | None) -> dates.Column:
    """Return the date column a new batch is read into: the order given, else the one the dataset's dates say."""
    if manifest is None:
        return dates.Column(day_first)
    known = manifest.get("dates", {})
    column = dates.Column(None, known.get("day", 0), known.get("month", 0))
    column.read_with.update(known.get("read_with", []))
    return column


def _run(store: Store, manifest: dict | None, paths: list[str], files: list[tuple[str, str, int, int]],
         pool_for: PoolFactory, progress: frames.Progress | None, outcome: Outcome, stamp: dict[str, str],
         *, day_first: bool | None = None) -> Outcome:
    """Analyse files (all of the corpus, or the new ones) as a new batch, then finish the dataset (day_first: the
    order of day and month of the corpus's dates, when known beforehand); _Rebuild when the dates of later articles
    overturned the order earlier ones were read in."""
    started = time.time()
    batch = _next_batch(manifest)
    old_batches = [b["batch"] for b in manifest["batches"]] if manifest else []
    known = set() if manifest is None else set(pd.concat(
        [t["doc_id"].to_pandas() for t in corpus_wide.batch_tables(store, "index", old_batches, columns=["doc_id"])]))
    size = articles.size_of(files)
    store.write_table(f"{SUMMARIES}/inputs/batch-{batch:04d}.parquet", pa.table(
        {"path": [f[0] for f in files], "size": [f[2] for f in files], "mtime_ns": [f[3] for f in files]},
        schema=INPUT_SCHEMA))
    n_files = len(files)
    wanted = None if manifest is None else {path for path, *_ in files}
    files.clear()
    writing = _Batch(store, batch, known, _dates_column(manifest, day_first))
    try:
        with inputs.readable(paths, wanted) as (local, only), pool_for(size) as pool:
            docs = corpus.documents(local, warn=outcome.warnings.append, only=only)
            analysis = articles.Analysis(docs, size.chars, pool, outcome.warnings, size.files,
                                         ahead=getattr(pool, "ahead", articles._AHEAD), keep_docs=False,
                                         task=summaries.analyse_chunk)
            done = 0
            for run, chunk in analysis:
                writing.add(run, chunk)
                done += len(run)
                if progress:
                    progress(done, analysis.expected())
    except BaseException:
        writing.abort()
        raise
    if writing.dates.overturned():
        writing.abort()
        order = "day" if writing.dates.day_first() else "month"
        raise _Rebuild(f"the corpus's dates put the {order} first, and articles read before a date said so were read "
                       "the other way", writing.dates.day_first())
    outcome.warnings.extend(writing.dates.messages())
    parts = writing.close()
    record = {"batch": batch, "paths": [str(p) for p in paths], "files": n_files, "documents": writing.documents,
              "sentences": writing.sentences, "analysed_at": datetime.now(UTC).isoformat(timespec="seconds"),
              "analysis_seconds": round(time.time() - started, 1), "warnings": list(outcome.warnings)}
    day, month = writing.dates.counts()
    record_dates = {"day_first": writing.dates.day_first(), "day": day, "month": month,
                    "read_with": sorted(writing.dates.read_with)}
    manifest = _finish(store, manifest, record, parts, stamp, writing.datetimes, record_dates)
    outcome.added_documents = writing.documents
    _count(outcome, manifest)
    return outcome


def _finish(store: Store, manifest: dict | None, record: dict, parts: list[dict], stamp: dict[str, str],
            datetimes: dict[str, str], date_order: dict) -> dict:
    """Work out the corpus-wide steps, write the parts they change, commit the batch; return the new manifest."""
    old_parts = manifest["parts"] if manifest else []
    batches = [b["batch"] for b in manifest["batches"]] + [record["batch"]] if manifest else [record["batch"]]
    facts = corpus_wide.canonical(store, batches, added=bool(manifest))
    # An add summarises the speakers of its own batch, and of the old batches where names changed.
    renamed = corpus_wide.changed_parts(facts) if manifest else set()
    changed_batches = {int(k) for k in np.searchsorted(facts.offsets, facts.renamed, side="right") - 1}
    whole = not manifest or len(facts.decoded) == len(batches)  # names worked out from every batch's entities
    summaries = corpus_wide.speaker_summaries(store, batches, facts, set(range(len(batches))) if whole else
                                              {len(batches) - 1} | changed_batches)
    speakers_frame = corpus_wide.speakers_frame(store, batches, summaries)
    quoted = dataset_spread.frames(store, batches, facts, added=bool(manifest))
    if manifest:  # the old parts holding a sentence whose statement changed are written again too
        restated = dataset_spread.changed_documents(store, quoted.repeats)
        renamed |= set(facts.index.loc[facts.index["doc_id"].isin(restated), "part"])
    people_changed = bool(manifest) and facts.person_names != store.read_json(f"{SUMMARIES}/person_names.json")
    repeats = quoted.repeats
    if manifest:  # only the sentences of the parts written again ask for their statement
        rewritten = facts.index["part"].isin({p["path"] for p in parts} | renamed)
        repeats = repeats[repeats["doc_id"].isin(set(facts.index.loc[rewritten, "doc_id"]))]
    finisher = corpus_wide.Finisher(store, facts, dataset_spread.StatementIds(repeats))
    jobs = [(p, True, True) for p in parts]
    jobs += [(p, False, p["path"] in renamed) for p in old_parts if p["path"] in renamed or people_changed]
    with ThreadPoolExecutor(2) as threads:
        counts = list(threads.map(lambda job: finisher.finish(job[0]["path"], job[1], job[2]), jobs))
    for (part, _, _), n in zip(jobs, counts, strict=True):
        part["rows"]["mentions"] = n
    for part in parts:  # committed: the staged files of the batch take their names
        for frame in ("documents", "themes", "tokens", "places"):
            store.move(f"{FOLDERS[frame]}/{part['path']}{STAGED}", f"{FOLDERS[frame]}/{part['path']}")
    corpus_wide.write_speaker_summaries(store, summaries)
    store.write_table(SPEAKERS_FILE, pa.Table.from_pandas(speakers_frame, preserve_index=False))
    dataset_spread.write(store, quoted)
    store.write_table(f"{SUMMARIES}/names.parquet", pa.table({"speaker": facts.names}))
    store.write_json(f"{SUMMARIES}/person_names.json", facts.person_names)
    store.write_table(f"{SUMMARIES}/terms.parquet", total_terms(corpus_wide.batch_tables(store, "terms", batches)))
    all_parts = sorted(old_parts + parts, key=lambda p: p["path"])
    counts = {frame: sum(p["rows"].get(frame, 0) for p in all_parts) for frame in PARTITIONED}
    counts["speakers"] = len(speakers_frame)
    counts["statements"], counts["repeats"] = len(quoted.statements), len(quoted.repeats)
    batches_done = (manifest["batches"] if manifest else []) + [record]
    new_manifest = {
        "format": FORMAT, "version": VERSION, **stamp, "frames": list(frames.FRAME_NAMES),
        "partitioning": list(PARTITIONING), "speakers": SPEAKERS_FILE, "corpus_wide": CORPUS_WIDE, "counts": counts,
        "datetimes": datetimes or (manifest or {}).get("datetimes", {}), "dates": date_order,
        "summaries": {"terms": f"{SUMMARIES}/terms.parquet", "names": f"{SUMMARIES}/names.parquet"},
        "batches": batches_done, "warnings": [w for b in batches_done for w in b["warnings"]], "parts": all_parts,
    }
    store.write_json(MANIFEST, new_manifest)
    return new_manifest
