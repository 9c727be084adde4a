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
_GROUPED = ["key", "bands", "doc"]
_FRAMED = ["doc_id", "sentence_id", "entity", "date", "source", "text"]


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
    tables = batch_tables(store, "signatures", batches, columns=_GROUPED)
    sizes = [t.num_rows for t in tables]
    doc, doc0 = [], 0
    for t in tables:  # articles numbered over the batches
        numbers = t["doc"].to_numpy()
        doc.append(numbers + doc0)
        doc0 += int(numbers.max()) + 1 if len(numbers) else 0
    keyed = pa.concat_tables([t.select(["key", "bands"]) for t in tables]) if tables else \
        SIGNATURE_SCHEMA.empty_table().select(["key", "bands"])
    del tables
    # Rows numbered in corpus order (batch after batch): what group() and frames() order and number by.
    found = spread.group(keyed.append_column("row", pa.array(np.arange(keyed.num_rows, dtype=np.int64))),
                         np.concatenate(doc) if doc else np.zeros(0, np.int64))
    del keyed, doc
    spread_rows = found.group >= 0
    wanted = np.sort(found.rows[spread_rows])
    starts = np.cumsum([0, *sizes])
    sentences = _sentences(store, batches, starts, facts, wanted)
    compact = spread.Groups(np.searchsorted(wanted, found.rows[spread_rows]), found.group[spread_rows],
                            found.code[spread_rows], found.keys, found.stats)
    return spread.frames(sentences, sentences[["doc_id", "date", "source"]], compact,
                         text_at=lambda rows: _texts(store, batches, starts, wanted[rows]))


def _sentences(store: Store, batches: list[int], starts: np.ndarray, facts: Corpus, wanted: np.ndarray
               ) -> pd.DataFrame:
    """Return doc_id, sentence_id, speaker, date and source of the signatures at `wanted` (sorted positions over
    the batches, which start at `starts`), read a batch at a time. Not their texts: a statement shows its first
    sentence's only (_texts), and the texts of every repeat took 6 GB at ten million sentences."""
    parts = []
    for k, batch in enumerate(batches):
        mine = wanted[(wanted >= starts[k]) & (wanted < starts[k + 1])] - starts[k]
        if not len(mine):
            continue
        [table] = batch_tables(store, "signatures", [batch], columns=[c for c in _FRAMED if c != "text"])
        table = table.take(pa.array(mine, _INT64))
        entity = table["entity"].to_numpy()
        rows = np.where(entity >= 0, entity + facts.offsets[k], -1)
        speaker = facts.names.take(pa.array(rows, mask=rows < 0)).fill_null("")
        parts.append(table.drop_columns(["entity"]).append_column("speaker", speaker))
    columns = ["doc_id", "sentence_id", "speaker", "date", "source"]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[us]" if c == "date" else "int64" if c == "sentence_id"
                                          else "str") for c in columns})
    return pa.concat_tables(parts).select(columns).to_pandas()


def _texts(store: Store, batches: list[int], starts: np.ndarray, positions: np.ndarray) -> pd.Series:
    """Return the texts of the signatures at positions (over the batches, which start at `starts`; any order),
    reading each batch's text column record batch by record batch."""
    order = np.argsort(positions, kind="stable")
    picked: list[pa.Array] = []
    for k, batch in enumerate(batches):
        mine = np.sort(positions[(positions >= starts[k]) & (positions < starts[k + 1])]) - starts[k]
        if not len(mine):
            continue
        file = store.parquet_file(f"{SUMMARIES}/signatures/batch-{batch:04d}.parquet")
        offset = 0
        for records in file.iter_batches(columns=["text"], batch_size=1 << 16):
            inside = mine[(mine >= offset) & (mine < offset + records.num_rows)] - offset
            if len(inside):
                picked.append(records.column(0).take(pa.array(inside, _INT64)))
            offset += records.num_rows
    texts = pa.concat_arrays([a.cast(_STRING) for a in picked]) if picked else pa.array([], _STRING)
    out = np.empty(len(positions), dtype=object)
    out[order] = texts.to_numpy(zero_copy_only=False)
    return pd.Series(out, dtype="str")


def write(store: Store, found: spread.Spread) -> None:
    """Write the statements and repeats frames of a dataset."""
    for name in ("statements", "repeats"):
        store.write_table(CORPUS_WIDE[name], pa.Table.from_pandas(getattr(found, name), preserve_index=False))


def changed_documents(store: Store, repeats: pd.DataFrame) -> set[str]:
    """Return the articles holding a sentence whose statement changed since the last build (it joined one, left
    one, or its statement was numbered otherwise), from the repeats frame the last build wrote."""
    columns = ["doc_id", "sentence_id", "statement_id"]
    new = repeats[columns].astype({"doc_id": "str"})
    try:
        old = store.read_table(CORPUS_WIDE["repeats"], columns=columns).to_pandas().astype({"doc_id": "str"})
    except (OSError, KeyError, pa.ArrowInvalid):
        return set(new["doc_id"])
    both = old.merge(new, how="outer", indicator=True)
    return set(both.loc[both["_merge"] != "both", "doc_id"])


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
