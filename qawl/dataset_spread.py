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
SPREAD = f"{SUMMARIES}/spread"
KEY_SCHEMA = pa.schema([("key", _STRING), ("bands", pa.list_(pa.uint32(), signatures.BANDS))])
CODE_SCHEMA = pa.schema([("code", _INT64)])
STATE_SCHEMA = pa.schema([("label", _INT64), ("first", _INT64), ("similarity", _INT64)])
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


def frames(store: Store, batches: list[int], facts: Corpus, added: bool = False) -> spread.Spread:
    """Return the statements and repeats of the dataset's batches (the speakers of their sentences from facts;
    added: only the last batch is new, so only its keys are matched and joined with the others when the dataset
    kept them)."""
    doc, doc0 = [], 0
    for t in batch_tables(store, "signatures", batches, columns=["doc"]):  # articles numbered over the batches
        numbers = t["doc"].to_numpy()
        doc.append(numbers + doc0)
        doc0 += int(numbers.max()) + 1 if len(numbers) else 0
    starts = np.cumsum([0, *map(len, doc)])
    docs = np.concatenate(doc) if doc else np.zeros(0, np.int64)
    del doc
    grouping = (added and _Grouping.added(store, batches, starts)) or _Grouping.full(store, batches, starts)
    # Rows numbered in corpus order (batch after batch): what group() and frames() order and number by.
    found = grouping.groups(np.arange(len(docs), dtype=np.int64), docs)
    spread_rows = found.group >= 0
    wanted = np.sort(found.rows[spread_rows])
    # Positions into `wanted`: only the sentences of a statement are read again.
    compact = spread.Groups(np.searchsorted(wanted, found.rows[spread_rows]), found.group[spread_rows],
                            found.code[spread_rows], found.keys, found.stats)
    del found
    date = _at(store, batches, starts, wanted, ["date"])["date"].to_numpy()
    numbered = spread.number(compact, date[compact.rows].astype("datetime64[us]"), grouping.similar)
    grouping.save()
    del compact, date, grouping  # the keys, before the repeats are read
    sentences, documents = _reports(store, batches, starts, facts, wanted, docs[wanted])
    del docs
    repeats, numbered = spread.repeats_frame(sentences, documents, numbered)
    del sentences, documents  # as many rows as the repeats, before the statements are counted
    pa.default_memory_pool().release_unused()
    statement_id = np.zeros(len(wanted), dtype=np.int64)  # per sentence read, as spread.frames gives it
    statement_id[numbered.rows] = numbered.statement
    texts = _texts(store, batches, starts, wanted[numbered.rows[numbered.first]])
    return spread.Spread(statement_id, spread.statements_frame(repeats, texts), repeats, numbered.stats)


class _Grouping:
    """The signatures' keys grouped, and what a dataset keeps of them for the next add: per batch the keys first
    seen in it (key, bands) and the key of each of its signatures (code), and per key its group, its statement's
    first key and its similarity to it (state, as of the last batch). An add matches its own keys with the kept
    ones, joins only the pairs with a new key (spread.join), and works out the similarity of the keys whose
    statement's first key changed."""

    def __init__(self, store: Store, batches: list[int], starts: np.ndarray, code: np.ndarray,
                 texts: np.ndarray | pa.Array, bands: np.ndarray, label: np.ndarray, first: np.ndarray,
                 ratio: np.ndarray, old: int, key_starts: np.ndarray) -> None:
        self.store, self.batches, self.starts, self.code = store, batches, starts, code
        self.texts = texts  # every key (Arrow), or those read so far (an add: None for the others)
        self.bands, self.label, self.first, self.ratio, self.old = bands, label, first, ratio, old
        self.key_starts = key_starts  # the code of each batch's first key
        self.stats: dict[str, int] = {}

    @classmethod
    def full(cls, store: Store, batches: list[int], starts: np.ndarray) -> _Grouping:
        """Return the keys of every batch grouped."""
        keyed = _keys(store, batches, starts)
        label, stats = spread.join(keyed.bands, keyed.keys)
        n = len(keyed.keys)
        # Codes are given as keys are first seen: a batch's own keys are those first seen in it.
        first_rows = np.full(n, len(keyed.code), dtype=np.int64)
        np.minimum.at(first_rows, keyed.code, np.arange(len(keyed.code)))
        bounds = np.searchsorted(first_rows, starts)
        grouping = cls(store, batches, starts, keyed.code, keyed.keys.cast(_STRING), keyed.bands, label,
                       np.full(n, -1, np.int64), np.zeros(n, np.int64), 0, bounds)
        grouping.stats = {"distinct_keys": n, **stats}
        for k, _ in enumerate(batches):
            grouping._write_batch(k, np.arange(bounds[k], bounds[k + 1]))
        return grouping

    @classmethod
    def added(cls, store: Store, batches: list[int], starts: np.ndarray) -> _Grouping | None:
        """Return the keys grouped, the old batches' as kept and the last batch's matched and joined with them;
        None when the dataset kept no groups."""
        old_batches = batches[:-1]
        kept = [f"{SPREAD}/{kind}/batch-{b:04d}.parquet" for kind in ("keys", "codes") for b in old_batches]
        state_file = f"{SPREAD}/state/batch-{old_batches[-1]:04d}.parquet" if old_batches else ""
        if not old_batches or not all(store.exists(rel) for rel in [*kept, state_file]):
            return None
        state = store.read_table(state_file)
        old = state.num_rows
        sizes = [store.parquet_file(f"{SPREAD}/keys/batch-{b:04d}.parquet").metadata.num_rows for b in old_batches]
        key_starts = np.cumsum([0, *sizes])
        if key_starts[-1] != old:
            return None
        code = np.concatenate([store.read_table(f"{SPREAD}/codes/batch-{b:04d}.parquet")["code"].to_numpy()
                               for b in old_batches] + [np.zeros(0, np.int64)])
        new = store.read_table(f"{SUMMARIES}/signatures/batch-{batches[-1]:04d}.parquet", columns=["key", "bands"])
        distinct = pc.unique(new["key"]).cast(_STRING)  # first seen first
        at = np.full(len(distinct), -1, dtype=np.int64)  # each one's code among the kept keys, -1 for a new key
        bands = []
        for k, b in enumerate(old_batches):
            for records, first in _key_batches(store, b, int(key_starts[k]), ["key", "bands"]):
                hit = pc.fill_null(pc.index_in(records.column("key"), value_set=distinct), -1).to_numpy()
                found = np.flatnonzero(hit >= 0)
                at[hit[found]] = first + found
                bands.append(records.column("bands").flatten().to_numpy().reshape(records.num_rows, signatures.BANDS))
        fresh = np.flatnonzero(at < 0)
        at[fresh] = old + np.arange(len(fresh))
        rows_of_key = pc.index_in(new["key"].cast(_STRING), value_set=distinct).to_numpy()
        first_row = np.full(len(distinct), len(rows_of_key), dtype=np.int64)
        np.minimum.at(first_row, rows_of_key, np.arange(len(rows_of_key)))
        new_bands = new["bands"].combine_chunks().flatten().to_numpy().reshape(new.num_rows, signatures.BANDS)
        bands.append(new_bands[first_row[fresh]].reshape(len(fresh), signatures.BANDS))
        texts = np.full(old + len(fresh), None, dtype=object)
        texts[old:] = distinct.take(pa.array(fresh, _INT64)).to_numpy(zero_copy_only=False)
        grouping = cls(store, batches, starts, np.concatenate([code, at[rows_of_key]]), texts,
                       np.concatenate(bands), state["label"].to_numpy(), state["first"].to_numpy(),
                       state["similarity"].to_numpy(), old, np.append(key_starts, len(texts)))
        mates = spread.bucket_mates(grouping.bands, old)
        grouping._read_texts(spread.touching(grouping.bands, old, mates))
        label, stats = spread.join(grouping.bands, grouping.keys(), grouping.label, old, mates)
        grouping.label, grouping.stats = label, {"distinct_keys": len(texts), **stats}
        grouping._write_batch(len(batches) - 1, np.arange(old, len(texts)))
        return grouping

    def keys(self) -> pa.Array:
        """Return the keys' texts, as far as read (null for the others)."""
        return self.texts if isinstance(self.texts, pa.Array) else pa.array(self.texts, _STRING)

    def _read_texts(self, codes: np.ndarray) -> None:
        """Read the texts of the kept keys at codes not read yet."""
        if isinstance(self.texts, pa.Array):
            return
        codes = np.unique(codes[(codes < self.old)])
        codes = codes[np.equal(self.texts[codes], None)]
        if not len(codes):
            return
        for k, b in enumerate(self.batches[:-1]):
            for records, first in _key_batches(self.store, b, int(self.key_starts[k]), ["key"], codes):
                inside = codes[(codes >= first) & (codes < first + records.num_rows)]
                self.texts[inside] = records.column("key").take(pa.array(inside - first, _INT64)).to_numpy(
                    zero_copy_only=False)

    def groups(self, rows: np.ndarray, docs: np.ndarray) -> spread.Groups:
        """Return the groups of the signatures (rows, docs: each one's sentence row and article number)."""
        return spread.spread_groups(self.label, self.code, self.keys(), rows, docs, self.stats)

    def similar(self, code: np.ndarray, first: np.ndarray) -> np.ndarray:
        """Return each key's similarity to its statement's first key (both codes): as kept when that first key is
        the same, else worked out."""
        n = len(self.label)
        old = np.zeros(n, dtype=np.int64) - 1
        old[: len(self.first)] = self.first
        out = np.zeros(len(code), dtype=np.int64)
        known = np.zeros(n, dtype=np.int64)
        known[: len(self.ratio)] = self.ratio
        same = old[code] == first
        out[same] = known[code[same]]
        again = np.flatnonzero(~same)
        self._read_texts(np.concatenate([code[again], first[again]]))
        out[again] = spread.similarity(code[again], first[again], self.keys())
        self.first, self.ratio = np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=np.int64)
        self.first[code], self.ratio[code] = first, out
        return out

    def save(self) -> None:
        """Write the state of the keys as of the last batch (and let the state of earlier batches go)."""
        batch = self.batches[-1]
        self.store.write_table(f"{SPREAD}/state/batch-{batch:04d}.parquet", pa.table(
            {"label": self.label, "first": self.first, "similarity": self.ratio}, schema=STATE_SCHEMA))
        for rel in self.store.files(f"{SPREAD}/state"):
            if not rel.endswith(f"batch-{batch:04d}.parquet"):
                self.store.delete(rel)

    def _write_batch(self, k: int, codes: np.ndarray) -> None:
        """Write the keys first seen in the batch at position k (codes), and the key of each of its signatures."""
        batch = self.batches[k]
        self.store.write_table(f"{SPREAD}/keys/batch-{batch:04d}.parquet", pa.table({
            "key": self.keys().take(pa.array(codes, _INT64)),
            "bands": pa.FixedSizeListArray.from_arrays(pa.array(self.bands[codes].ravel(), pa.uint32()),
                                                       signatures.BANDS).cast(KEY_SCHEMA.field("bands").type)},
            schema=KEY_SCHEMA))
        self.store.write_table(f"{SPREAD}/codes/batch-{batch:04d}.parquet", pa.table(
            {"code": self.code[self.starts[k] : self.starts[k + 1]]}, schema=CODE_SCHEMA))


def _key_batches(store: Store, batch: int, first: int, columns: list[str], codes: np.ndarray | None = None
                 ) -> Iterator[tuple[pa.RecordBatch, int]]:
    """Yield the kept keys of a batch (first: the code of its first) record batch by record batch with the code of
    the first of each (only the row groups holding one of the sorted codes when given)."""
    file = store.parquet_file(f"{SPREAD}/keys/batch-{batch:04d}.parquet")
    for group in range(file.num_row_groups):
        size = file.metadata.row_group(group).num_rows
        if codes is None or np.searchsorted(codes, first) != np.searchsorted(codes, first + size):
            for records in file.iter_batches(columns=columns, batch_size=1 << 16, row_groups=[group]):
                yield records, first
                first += records.num_rows
        else:
            first += size


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
