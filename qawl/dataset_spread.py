"""Quote spread (spread.py) in a dataset: each batch keeps its reported sentences' signatures in its summaries, and
every build groups those of all batches at the end, so that a statement links old and new articles alike.

    _summaries/signatures/batch-B.parquet   key, bands, doc (the article's number in the batch), and what the
                                            frames need of the sentence: doc_id, sentence_id, entity (in the
                                            batch, -1 for none), date, source, text; in corpus order
    statements/part-0.parquet, repeats/part-0.parquet   the two frames, rewritten by every build

The grouping reads the keys, band hashes and article numbers; the other columns are read for the sentences of a
statement only. The sentence parts get each sentence's statement_id from the repeats (StatementIds).
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import signatures, spread
from qawl.corpus_wide import Corpus, batch_tables
from qawl.dataset import CORPUS_WIDE, SUMMARIES, Store

_STRING, _INT64 = pa.large_string(), pa.int64()
SIGNATURE_SCHEMA = pa.schema([
    ("key", _STRING), ("bands", pa.list_(pa.uint32(), signatures.BANDS)), ("doc", _INT64), ("doc_id", _STRING),
    ("sentence_id", _INT64), ("entity", _INT64), ("date", pa.timestamp("us")), ("source", _STRING), ("text", _STRING),
])
_THREADS, _MEMORY = 2, "512MB"  # DuckDB's (each key's first row, the repeats changed): it spills to disk past it


def signature_rows(chunk_signatures: pa.Table, sentences: pa.Table, doc_of_row: np.ndarray, doc0: int, entity0: int,
                   dates: np.ndarray, sources: list[str]) -> pa.Table:
    """Return a chunk's signatures as its batch keeps them (doc_of_row: each sentence's article in the chunk;
    doc0, entity0: the batch's articles and entities before the chunk; dates: per sentence; sources: per article)."""
    rows = chunk_signatures["row"].to_numpy()
    take = pa.array(rows, _INT64)
    entity = sentences["entity"].take(take).to_numpy()
    doc = doc_of_row[rows]
    return pa.table({
        "key": chunk_signatures["key"], "bands": chunk_signatures["bands"], "doc": doc + doc0,
        "doc_id": sentences["doc_id"].take(take), "sentence_id": sentences["sentence_id"].take(take),
        "entity": np.where(entity >= 0, entity + entity0, -1), "date": pa.array(dates[rows]),
        "source": pa.array([sources[d] for d in doc], _STRING), "text": sentences["text"].take(take),
    }).cast(SIGNATURE_SCHEMA)


def frames(store: Store, batches: list[int], facts: Corpus) -> spread.Spread:
    """Return the statements and repeats of the dataset's batches (the speakers of their sentences from facts)."""
    doc, doc0 = [], 0
    for t in batch_tables(store, "signatures", batches, columns=["doc"]):  # articles numbered over the batches
        numbers = t["doc"].to_numpy()
        doc.append(numbers + doc0)
        doc0 += int(numbers.max()) + 1 if len(numbers) else 0
    starts = np.cumsum([0, *map(len, doc)])
    docs = np.concatenate(doc) if doc else np.zeros(0, np.int64)
    del doc
    # Rows numbered in corpus order (batch after batch): what group() and frames() order and number by.
    found = spread.grouped(_keys(store, batches, starts), np.arange(len(docs), dtype=np.int64), docs)
    spread_rows = found.group >= 0
    wanted = np.sort(found.rows[spread_rows])
    # Positions into `wanted`: only the sentences of a statement are read again.
    compact = spread.Groups(np.searchsorted(wanted, found.rows[spread_rows]), found.group[spread_rows],
                            found.code[spread_rows], found.keys, found.stats)
    del found
    date = _at(store, batches, starts, wanted, ["date"])["date"].to_numpy()
    numbered = spread.number(compact, date[compact.rows].astype("datetime64[us]"))
    del compact, date  # the keys, before the repeats are read
    sentences, documents = _reports(store, batches, starts, facts, wanted, docs[wanted])
    del docs
    repeats, numbered = spread.repeats_frame(sentences, documents, numbered)
    del sentences, documents  # as many rows as the repeats, before the statements are counted
    pa.default_memory_pool().release_unused()
    statement_id = np.zeros(len(wanted), dtype=np.int64)  # per sentence read, as spread.frames gives it
    statement_id[numbered.rows] = numbered.statement
    texts = _texts(store, batches, starts, wanted[numbered.rows[numbered.first]])
    return spread.Spread(statement_id, spread.statements_frame(repeats, texts), repeats, numbered.stats)


def _keys(store: Store, batches: list[int], starts: np.ndarray) -> spread.Keys:
    """Return the signatures of the batches (which start at `starts`) with identical keys as one node. DuckDB finds
    each key's first row out of core, spilling to a temporary folder: in memory, the 5M keys of ten million
    sentences took 1.6 GB and their hash table as much again."""
    n = int(starts[-1])
    first = np.empty(n, dtype=np.int64)
    if n:
        schema = pa.schema([("key", _STRING), ("row", _INT64)])
        rows = (batch for batch, _ in _record_batches(store, batches, starts, ["key"]))
        with _duckdb() as db:
            db.register("signatures", pa.RecordBatchReader.from_batches(schema, rows))
            result = db.sql("SELECT row, min(row) OVER (PARTITION BY key) AS first FROM signatures")
            for batch in result.to_arrow_reader(1 << 20):
                first[batch.column("row").to_numpy()] = batch.column("first").to_numpy()
    # A key's code: how many distinct keys were first seen before it (pc.unique's order, as spread.distinct_keys).
    is_first = first == np.arange(n)
    code = (np.cumsum(is_first) - 1)[first]
    distinct = _at(store, batches, starts, np.flatnonzero(is_first), ["key", "bands"])
    bands = distinct["bands"].combine_chunks().flatten().to_numpy().reshape(len(distinct), signatures.BANDS)
    return spread.Keys(code, distinct["key"].combine_chunks(), bands)


def _reports(store: Store, batches: list[int], starts: np.ndarray, facts: Corpus, wanted: np.ndarray,
             docs: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the doc_id, sentence_id and speaker of the signatures at `wanted` (sorted positions over the batches,
    which start at `starts`; docs: their article numbers), and the doc_id, date and source of their articles. Not
    their texts: a statement shows its first sentence's only (_texts), and the texts of every repeat took 6 GB at
    ten million sentences; nor an article's date and source once per sentence."""
    table = _at(store, batches, starts, wanted, ["doc_id", "sentence_id", "entity", "date", "source"])
    entity = table["entity"].to_numpy()
    rows = np.where(entity >= 0, entity + facts.offsets[np.searchsorted(starts, wanted, side="right") - 1], -1)
    speaker = facts.names.take(pa.array(rows, mask=rows < 0)).fill_null("")
    sentences = table.select(["doc_id", "sentence_id"]).append_column("speaker", speaker.cast(_STRING))
    documents = table.select(["doc_id", "date", "source"]).filter(pa.array(np.diff(docs, prepend=-1) != 0))
    return sentences.to_pandas(), documents.to_pandas()


def _record_batches(store: Store, batches: list[int], starts: np.ndarray, columns: list[str],
                    positions: np.ndarray | None = None) -> Iterator[tuple[pa.RecordBatch, int]]:
    """Yield the signatures' columns of every batch (which start at `starts`), record batch by record batch, with
    their rows over the batches (a `row` column) and the first of them; only the row groups holding one of the
    sorted positions when given (a statement's first sentences are a few row groups of the texts)."""
    for k, batch in enumerate(batches):
        file = store.parquet_file(f"{SUMMARIES}/signatures/batch-{batch:04d}.parquet")
        sizes = [file.metadata.row_group(g).num_rows for g in range(file.num_row_groups)]
        for group, offset in enumerate(int(starts[k]) + np.cumsum([0, *sizes[:-1]], dtype=np.int64)):
            if positions is not None and np.searchsorted(positions, offset) == np.searchsorted(
                    positions, offset + sizes[group]):
                continue
            for records in file.iter_batches(columns=columns, batch_size=1 << 16, row_groups=[group]):
                rows = pa.array(np.arange(offset, offset + records.num_rows, dtype=np.int64))
                typed = [records.column(c).cast(SIGNATURE_SCHEMA.field(c).type) for c in columns]
                yield pa.RecordBatch.from_arrays([*typed, rows], [*columns, "row"]), int(offset)
                offset += records.num_rows


def _at(store: Store, batches: list[int], starts: np.ndarray, positions: np.ndarray, columns: list[str]) -> pa.Table:
    """Return columns of the signatures at sorted positions (over the batches, which start at `starts`), read
    record batch by record batch."""
    picked = []
    for records, offset in _record_batches(store, batches, starts, columns, positions):
        inside = positions[np.searchsorted(positions, offset):np.searchsorted(positions, offset + records.num_rows)]
        if len(inside):
            picked.append(records.select(columns).take(pa.array(inside - offset, _INT64)))
    schema = pa.schema([SIGNATURE_SCHEMA.field(c) for c in columns])
    # Arrow's allocator keeps the memory of the record batches read otherwise, a gigabyte in all at ten million.
    pa.default_memory_pool().release_unused()
    return pa.Table.from_batches(picked, schema)


def _texts(store: Store, batches: list[int], starts: np.ndarray, positions: np.ndarray) -> pd.Series:
    """Return the texts of the signatures at positions (over the batches, which start at `starts`; any order)."""
    order = np.argsort(positions, kind="stable")
    texts = _at(store, batches, starts, positions[order], ["text"])["text"]
    out = np.empty(len(positions), dtype=object)
    out[order] = texts.to_numpy()
    return pd.Series(out, dtype="str")


def write(store: Store, found: spread.Spread) -> None:
    """Write the statements and repeats frames of a dataset."""
    for name in ("statements", "repeats"):
        store.write_table(CORPUS_WIDE[name], pa.Table.from_pandas(getattr(found, name), preserve_index=False))


def changed_documents(store: Store, repeats: pd.DataFrame) -> set[str]:
    """Return the articles holding a sentence whose statement changed since the last build (it joined one, left
    one, or its statement was numbered otherwise), from the repeats frame the last build wrote."""
    columns = ["doc_id", "sentence_id", "statement_id"]
    new = pa.table({"doc_id": pa.array(repeats["doc_id"].astype("str"), _STRING),
                    "sentence_id": pa.array(repeats["sentence_id"], _INT64),
                    "statement_id": pa.array(repeats["statement_id"], _INT64)})
    try:
        old = store.read_table(CORPUS_WIDE["repeats"], columns=columns).cast(new.schema)
    except (OSError, KeyError, pa.ArrowInvalid):
        return set(new["doc_id"].to_pylist())
    # DuckDB's set difference, not pandas' outer merge: 5M repeats a side took 1.3 GB and 5 s at ten million.
    with _duckdb() as db:
        db.register("old", old)
        db.register("new", new)
        changed = db.sql("SELECT DISTINCT doc_id FROM ((FROM old EXCEPT FROM new) UNION ALL "
                         "(FROM new EXCEPT FROM old))")
        return set(changed.to_arrow_table()["doc_id"].to_pylist())


@contextlib.contextmanager
def _duckdb() -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a DuckDB connection that spills to a temporary folder past _MEMORY."""
    with tempfile.TemporaryDirectory(prefix="qawl-spread-") as spill, duckdb.connect(config={
            "threads": _THREADS, "memory_limit": _MEMORY, "temp_directory": spill,
            "preserve_insertion_order": False}) as db:
        yield db


class StatementIds:
    """The statement of each sentence, from the repeats frame (0 for the sentences of no statement)."""

    def __init__(self, repeats: pd.DataFrame) -> None:
        self.docs = pc.unique(pa.array(repeats["doc_id"].astype("str").to_numpy(dtype=object), _STRING))
        keys = self._keys(pa.array(repeats["doc_id"].astype("str").to_numpy(dtype=object), _STRING),
                          repeats["sentence_id"].to_numpy())
        order = np.argsort(keys)
        self.keys, self.ids = keys[order], repeats["statement_id"].to_numpy(dtype=np.int64)[order]

    def _keys(self, doc_ids: pa.Array, sentence_ids: np.ndarray) -> np.ndarray:
        """Return one number per (doc_id, sentence_id): -1 for an article of no statement."""
        code = pc.fill_null(pc.index_in(doc_ids, value_set=self.docs), -1).to_numpy().astype(np.int64)
        return np.where(code >= 0, (code << 32) + sentence_ids, -1)

    def of(self, doc_ids: pa.Array, sentence_ids: np.ndarray) -> np.ndarray:
        """Return the statement id of each (doc_id, sentence_id) sentence."""
        out = np.zeros(len(sentence_ids), dtype=np.int64)
        if not len(self.keys):
            return out
        keys = self._keys(doc_ids, sentence_ids)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        hit = (keys >= 0) & (self.keys[at] == keys)
        out[hit] = self.ids[at[hit]]
        return out
