"""The corpus-wide steps of a dataset (dataset_build.py), worked out from its summaries, not from the text: one
canonical name per entity of every article, the family names of known people, the speakers frame, and the final
sentences (with `speaker`) and mentions of a part."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import entity_codec, frames, lexicons, speakers
from qawl.dataset import STAGED, SUMMARIES, Store
from qawl.summaries import TERM_SCHEMA

_STRING, _INT64, _INT32 = pa.large_string(), pa.int64(), pa.int32()
FOLDERS = {"documents": "documents", "sentences": "sentences", "themes": "themes", "tokens": "tokens",
           "places": f"{SUMMARIES}/places"}
# Besides cache.BUILD_MODULES, these shape the dataset.
SWAP = ".swap"  # a part being rewritten
# first: the row of the entity's first sentence within its batch (-1 for none): corpus order, for speaker_traits.
ENTITY_SCHEMA = pa.schema([("doc_id", _STRING), ("data", _STRING), ("n_sentences", _INT64), ("n_direct", _INT64),
                           ("n_indirect", _INT64), ("first", _INT64)])
INDEX_SCHEMA = pa.schema([("doc_id", _STRING), ("part", _STRING), ("n_sentences", _INT64),
                          ("entity_row", _INT64), ("n_entities", _INT64)])


class StatementOf(Protocol):
    """What gives each sentence its statement (dataset_spread.StatementIds)."""

    def of(self, doc_ids: pa.ChunkedArray, sentence_ids: np.ndarray) -> np.ndarray:
        """Return the statement id of each (doc_id, sentence_id) sentence, 0 for none."""
        ...


def total_terms(tables: list[pa.Table]) -> pa.Table:
    """Return the sums of term tables (term, n_tokens, n_documents), one row per term, by term."""
    if not tables:
        return TERM_SCHEMA.empty_table()
    summed = pa.concat_tables(tables).group_by("term").aggregate([("n_tokens", "sum"), ("n_documents", "sum")])
    summed = summed.rename_columns(["term", "n_tokens", "n_documents"]).cast(TERM_SCHEMA)
    return summed.sort_by("term")


def batch_tables(store: Store, kind: str, batches: list[int], **options: object) -> list[pa.Table]:
    """Return one summary of each batch (kind: inputs, index, entities, ...), read with pyarrow's options."""
    return [store.read_table(f"{SUMMARIES}/{kind}/batch-{b:04d}.parquet", **options) for b in batches]


@dataclass
class Corpus:
    """The corpus-wide facts the summaries give: every entity's canonical name, where each article is."""

    names: pa.Array  # per entity row, all batches in order
    person_names: dict[str, str]
    index: pd.DataFrame  # doc_id, part, n_sentences, entity_row (corpus-wide), n_entities
    entities: pa.Table  # doc_id, n_sentences, n_direct, n_indirect, first per entity row
    offsets: np.ndarray  # each batch's first entity row
    kind: np.ndarray  # per entity row: speakers.Entity.kind()
    gender: np.ndarray  # per entity row: speakers.Entity.gender()
    first: np.ndarray  # per entity row: the corpus row of its first sentence (-1 for none)


def canonical(store: Store, batches: list[int]) -> Corpus:
    """Return the canonical names of every entity of every batch, and the family names of known people."""
    tables = batch_tables(store, "entities", batches, read_dictionary=["data"])
    entities = pa.concat_tables(tables).unify_dictionaries().combine_chunks() if tables else \
        ENTITY_SCHEMA.empty_table()
    offsets = np.cumsum([0] + [t.num_rows for t in tables])
    data = entities["data"].combine_chunks() if entities.num_rows else pa.array([], pa.dictionary(_INT32, _STRING))
    if not pa.types.is_dictionary(data.type):
        data = data.dictionary_encode()
    decode = entity_codec.Decoder()
    distinct = [decode(text) for text in data.dictionary.to_pylist()]
    codes = data.indices.to_numpy(zero_copy_only=False)
    kind = np.array([e.kind() for e in distinct] or [""], dtype=object)[codes]
    gender = np.array([e.gender() for e in distinct] or [""], dtype=object)[codes]
    doc_ids = entities["doc_id"].combine_chunks()
    if len(doc_ids) > 1:
        changes = pc.not_equal(doc_ids[1:], doc_ids[:-1]).to_numpy(zero_copy_only=False)
        starts = np.concatenate([[0], np.flatnonzero(changes) + 1, [len(doc_ids)]])
    else:
        starts = np.array([0, len(doc_ids)])
    per_article = [[distinct[c] for c in codes[a:b]] for a, b in itertools.pairwise(starts) if b > a]
    lex = lexicons.current()
    canonical = speakers.canonical_names(lex, per_article)
    person_names = frames.people_by_family_name(lex, per_article, canonical)
    names = pa.array([name for row in canonical for name in row], _STRING)
    index_tables = batch_tables(store, "index", batches)
    rows_before = np.cumsum([0] + [pc.sum(t["n_sentences"]).as_py() or 0 for t in index_tables])
    first = entities["first"].to_numpy()
    first = np.where(first >= 0, first + np.repeat(rows_before[:-1], np.diff(offsets)), -1)
    for k, t in enumerate(index_tables):
        index_tables[k] = t.set_column(t.schema.get_field_index("entity_row"), "entity_row",
                                       pc.add(t["entity_row"], int(offsets[k])))
    index = pa.concat_tables(index_tables).to_pandas() if index_tables else INDEX_SCHEMA.empty_table().to_pandas()
    return Corpus(names, person_names, index, entities.drop_columns(["data"]), offsets[:-1], kind, gender, first)


def changed_parts(store: Store, fresh: Corpus) -> set[str]:
    """Return the parts holding an article whose entities' names changed since the last build."""
    try:
        old = store.read_table(f"{SUMMARIES}/names.parquet")["speaker"].combine_chunks()
    except (OSError, KeyError):
        return set(fresh.index["part"])
    n = min(len(old), len(fresh.names))
    changed = pc.not_equal(old.slice(0, n), fresh.names.slice(0, n)).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(changed)
    if not len(rows):
        return set()
    docs = set(fresh.entities["doc_id"].take(pa.array(rows)).to_pylist())
    return set(fresh.index.loc[fresh.index["doc_id"].isin(docs), "part"])


class Finisher:
    """Writes the final sentences and mentions of parts: the speaker and statement_id columns, person mentions
    (statements: what gives each sentence's statement id, dataset_spread.StatementIds)."""

    def __init__(self, store: Store, facts: Corpus, statements: StatementOf) -> None:
        self.store, self.facts, self.statements = store, facts, statements
        self.parts = {part: rows for part, rows in facts.index.groupby("part", sort=False)}
        self.hits: dict[str, str | None] = {}  # surface -> person, shared by the parts

    def finish(self, part: str, staged: bool, sentences: bool = True) -> int:
        """Write a part's sentences (with speakers, unless `sentences` is False: only the mentions change) and
        mentions; return its mention count."""
        rows = self.parts[part]
        if not sentences:
            speaker = self.store.read_table(f"sentences/{part}", columns=["speaker"])["speaker"]
            return self._mentions(part, rows, staged, speaker.to_numpy())
        ids = pa.array(rows["doc_id"].to_numpy(dtype=object), _STRING)
        starts = rows["entity_row"].to_numpy()
        source = f"sentences/{part}{STAGED if staged else ''}"
        reader = self.store.parquet_file(source)
        writer, speaker = None, []
        for batch in reader.iter_batches(batch_size=1 << 16):
            table = pa.Table.from_batches([batch])
            table = table.drop_columns([c for c in ("speaker",) if c in table.column_names])
            position = pc.index_in(table["doc_id"], value_set=ids).to_numpy(zero_copy_only=False)
            local = table["speaker_entity"].to_numpy()
            rows_of = np.where(local >= 0, starts[position] + local, -1)
            names = self.facts.names.take(pa.array(rows_of, mask=rows_of < 0)).fill_null("")
            speaker.append(names.to_numpy(zero_copy_only=False))
            table = table.add_column(table.schema.get_field_index("text") + 1, "speaker", names)
            at = table.schema.get_field_index("statement_id")
            table = table.set_column(at, "statement_id", pa.array(
                self.statements.of(table["doc_id"], table["sentence_id"].to_numpy()), _INT64))
            if writer is None:
                writer = self.store.writer(f"sentences/{part}{SWAP}", table.schema)
            writer.write_table(table)
        if writer is not None:
            writer.close()
            self.store.move(f"sentences/{part}{SWAP}", f"sentences/{part}")
        if staged:
            self.store.delete(source)
        return self._mentions(part, rows, staged, np.concatenate(speaker) if speaker else np.array([], object))

    def _mentions(self, part: str, rows: pd.DataFrame, staged: bool, speaker: np.ndarray) -> int:
        doc_ids = rows["doc_id"].reset_index(drop=True)
        n_sentences = rows["n_sentences"].to_numpy()
        doc_start = dict(zip(doc_ids, (np.cumsum(n_sentences) - n_sentences).tolist(), strict=True))
        places_file = f"{FOLDERS['places']}/{part}{STAGED if staged else ''}"
        places = self.store.read_table(places_file) if self.store.exists(places_file) else None
        if places is None or not places.num_rows:
            places = pa.table({c: pa.array([], _STRING if c != "sentence_id" else _INT64)
                               for c in frames.MENTION_COLUMNS[:5]})
        starts = np.array([doc_start[d] for d in places["doc_id"].to_pylist()], dtype=np.int64)
        places = places.append_column("row", pa.array(starts + places["sentence_id"].to_numpy() - 1))
        tokens = self.store.read_table(f"tokens/{part}{STAGED if staged else ''}",
                                       columns=["doc_id", "sentence_id", "surface"]).to_pandas()
        people = frames.person_mentions(tokens, self.facts.person_names, doc_start, self.hits)
        mentions = frames.mentions_frame(places, people, speaker, n_sentences, doc_ids)
        self.store.write_table(f"mentions/{part}", pa.Table.from_pandas(mentions, preserve_index=False))
        return len(mentions)


def speakers_frame(store: Store, batches: list[int], facts: Corpus) -> pd.DataFrame:
    """Return the speakers frame of the corpus from the entities' counts and aliases."""
    entities, names = facts.entities, facts.names
    keep = (pc.and_(pc.not_equal(names, ""), pc.greater(entities["n_sentences"], 0)).to_numpy(zero_copy_only=False)
            if len(names) else np.zeros(0, bool))
    if not keep.any():
        return frames.speaker_rows(np.zeros(0, np.int64), np.zeros(0, object), np.zeros(0, np.int64),
                                   pd.Series([], dtype="str"), np.zeros(0, bool), pd.Series([], dtype="str"))
    encoded = names.dictionary_encode()
    who = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)[keep]
    labels = np.asarray(encoded.dictionary.to_numpy(zero_copy_only=False), dtype=object)
    docs = entities["doc_id"].combine_chunks().dictionary_encode().indices.to_numpy(zero_copy_only=False)[keep]
    size = len(labels)

    def total(column: str) -> np.ndarray:
        return np.bincount(who, weights=entities[column].to_numpy()[keep], minlength=size).astype(np.int64)

    rows, text = [], []
    for offset, table in zip(facts.offsets, batch_tables(store, "aliases", batches), strict=False):
        rows.append(table["entity_row"].to_numpy() + offset)
        text.append(table["alias"].to_numpy(zero_copy_only=False))
    alias_rows = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    aliases = pd.DataFrame({"speaker": names.take(pa.array(alias_rows)).to_numpy(zero_copy_only=False),
                            "alias": np.concatenate(text) if text else np.zeros(0, object)})
    alias_lists = (aliases.drop_duplicates(["speaker", "alias"]).groupby("speaker", sort=False)["alias"]
                   .agg(" | ".join))
    order = np.argsort(facts.first[keep], kind="stable")  # the sentences' order, as the in-memory build counts
    traits = frames.speaker_traits(names.to_numpy(zero_copy_only=False)[keep][order], facts.kind[keep][order],
                                   facts.gender[keep][order], entities["n_sentences"].to_numpy()[keep][order])
    return frames.speaker_frame(labels, total("n_sentences"), frames.n_documents(who, docs, size), total("n_direct"),
                                total("n_indirect"), alias_lists, traits)


