"""The corpus-wide steps of a dataset (dataset_build.py), worked out from its summaries, not from the text: one
canonical name per entity of every article, the family names of known people, the speakers frame, and the final
sentences (with `speaker`) and mentions of a part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import dataset_names, frames
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
    offsets: np.ndarray  # each batch's first entity row
    rows_before: np.ndarray  # each batch's first sentence row
    renamed: np.ndarray  # the entity rows of old batches whose canonical name changed (an add)
    decoded: dict[int, dataset_names.Decoded]  # the batches whose entities were decoded whole (by position)


def canonical(store: Store, batches: list[int], added: bool = False) -> Corpus:
    """Return the canonical names of every entity of every batch, and the family names of known people (added:
    only the last batch is new, so only its entities and the old articles whose names change are named)."""
    index_tables = batch_tables(store, "index", batches)
    sizes = [pc.sum(t["n_entities"]).as_py() or 0 for t in index_tables]
    offsets = np.cumsum([0, *sizes]).astype(np.int64)
    rows_before = np.cumsum([0] + [pc.sum(t["n_sentences"]).as_py() or 0 for t in index_tables]).astype(np.int64)
    found = dataset_names.work_out(store, batches, offsets, added)
    for k, t in enumerate(index_tables):
        index_tables[k] = t.set_column(t.schema.get_field_index("entity_row"), "entity_row",
                                       pc.add(t["entity_row"], int(offsets[k])))
    index = pa.concat_tables(index_tables).to_pandas() if index_tables else INDEX_SCHEMA.empty_table().to_pandas()
    return Corpus(found.names, found.person_names, index, offsets[:-1], rows_before, found.renamed, found.decoded)


def changed_parts(fresh: Corpus) -> set[str]:
    """Return the parts holding an article whose entities' names changed since the last build."""
    if not len(fresh.renamed):
        return set()
    index = fresh.index.sort_values("entity_row")
    starts = index["entity_row"].to_numpy()
    at = np.searchsorted(starts, fresh.renamed, side="right") - 1  # the article whose entity rows hold each one
    return set(index["part"].to_numpy()[np.unique(at)])


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


SPEAKER_COUNTS = pa.schema([("speaker", _STRING), ("n_sentences", _INT64), ("n_documents", _INT64),
                            ("n_direct", _INT64), ("n_indirect", _INT64), ("m", _INT64), ("f", _INT64)])
SPEAKER_KINDS = pa.schema([("speaker", _STRING), ("kind", _STRING), ("n", _INT64), ("first", _INT64)])
SPEAKER_ALIASES = pa.schema([("speaker", _STRING), ("alias", _STRING)])


def speaker_summaries(store: Store, batches: list[int], facts: Corpus, positions: set[int]
                      ) -> dict[int, dict[str, pa.Table]]:
    """Return the speaker summaries of the batches at positions (batch -> its tables): per canonical name of the
    batch, its counts, the sentences of each kind (and its first sentence's row), and its aliases as first seen.
    Documents do not cross batches, so the speakers frame is their sum (speakers_frame)."""
    out = {}
    for k in sorted(positions):
        batch = batches[k]
        entities = store.read_table(f"{SUMMARIES}/entities/batch-{batch:04d}.parquet",
                                    columns=["doc_id", "n_sentences", "n_direct", "n_indirect", "first"])
        decoded = facts.decoded.get(k) or dataset_names.decode(store, batch)
        names = facts.names.slice(facts.offsets[k], entities.num_rows)
        aliases = store.read_table(f"{SUMMARIES}/aliases/batch-{batch:04d}.parquet", read_dictionary=["alias"])
        out[batch] = _speaker_summary(names, entities, decoded, int(facts.rows_before[k]), aliases)
    return out


def write_speaker_summaries(store: Store, summaries: dict[int, dict[str, pa.Table]]) -> None:
    """Write speaker summaries (speaker_summaries'): when a build commits, so that one stopped before leaves the old
    batches' as they were."""
    for batch, tables in summaries.items():
        for name, table in tables.items():
            store.write_table(f"{SUMMARIES}/speakers/{name}/batch-{batch:04d}.parquet", table)


def _speaker_summary(names: pa.Array, entities: pa.Table, decoded: dataset_names.Decoded, rows_before: int,
                     aliases: pa.Table) -> dict[str, pa.Table]:
    """Return a batch's speaker summaries (speaker_summaries; names: its entities' canonical names, rows_before: the
    sentences of the batches before it)."""
    n = entities["n_sentences"].to_numpy()
    keep = pc.not_equal(names, "").to_numpy(zero_copy_only=False) & (n > 0)
    encoded = names.dictionary_encode()
    who = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    labels = encoded.dictionary.cast(_STRING)
    size = len(labels)

    def total(values: np.ndarray) -> np.ndarray:
        return np.bincount(who[keep], weights=values[keep], minlength=size).astype(np.int64)

    docs = entities["doc_id"].combine_chunks().dictionary_encode().indices.to_numpy(zero_copy_only=False)
    gender = decoded.gender
    counts = pa.table({
        "speaker": labels, "n_sentences": total(n), "n_documents": frames.n_documents(who[keep], docs[keep], size),
        "n_direct": total(entities["n_direct"].to_numpy()), "n_indirect": total(entities["n_indirect"].to_numpy()),
        "m": total(n * (gender == "m")), "f": total(n * (gender == "f"))}, schema=SPEAKER_COUNTS)
    # The sentences of each kind a speaker's entities have, and the row of the first of them: a tie of kinds goes
    # to the kind seen first, as frames.speaker_traits orders them.
    kind_codes, kind_labels = pd.factorize(decoded.kind)
    width = max(len(kind_labels), 1)
    spoken = keep & (decoded.kind != "")
    distinct, inverse = np.unique(who[spoken] * width + kind_codes[spoken], return_inverse=True)
    first = np.full(len(distinct), np.iinfo(np.int64).max)
    np.minimum.at(first, inverse, entities["first"].to_numpy()[spoken] + rows_before)
    kinds = pa.table({
        "speaker": labels.take(pa.array(distinct // width)),
        "kind": pa.array(np.asarray(kind_labels, dtype=object)[distinct % width], _STRING),
        "n": np.bincount(inverse, weights=n[spoken], minlength=len(distinct)).astype(np.int64),
        "first": first}, schema=SPEAKER_KINDS)
    alias = aliases["alias"].combine_chunks()
    if not pa.types.is_dictionary(alias.type):
        alias = alias.dictionary_encode()
    rows = aliases["entity_row"].to_numpy()
    alias_codes = alias.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    at = np.sort(np.unique(who[rows] * max(len(alias.dictionary), 1) + alias_codes, return_index=True)[1])
    speaker = names.take(pa.array(rows[at], _INT64))  # each (speaker, alias) once, as first seen
    alias_table = pa.table({"speaker": speaker.cast(_STRING),
                            "alias": alias.dictionary.cast(_STRING).take(pa.array(alias_codes[at], _INT64))},
                           schema=SPEAKER_ALIASES).filter(pc.not_equal(speaker, ""))
    return {"counts": counts, "kinds": kinds, "aliases": alias_table}


def speakers_frame(store: Store, batches: list[int], fresh: dict[int, dict[str, pa.Table]]) -> pd.DataFrame:
    """Return the speakers frame of the corpus from the batches' speaker summaries (fresh: those worked out now,
    by batch; the others are read)."""
    def summary(name: str) -> pd.DataFrame:
        return pd.concat([(fresh[b][name] if b in fresh else batch_tables(store, f"speakers/{name}", [b])[0])
                          .to_pandas() for b in batches], ignore_index=True)

    counts, kinds, aliases = (summary(name) for name in ("counts", "kinds", "aliases"))
    if not (counts["n_sentences"] > 0).any():  # the empty frame with its columns' types
        return frames.speaker_rows(np.zeros(0, np.int64), np.zeros(0, object), np.zeros(0, np.int64),
                                   pd.Series([], dtype="str"), np.zeros(0, bool), pd.Series([], dtype="str"))
    counts = counts.groupby("speaker", sort=False).sum()
    kinds = kinds.groupby(["speaker", "kind"], sort=False).agg(n=("n", "sum"), first=("first", "min")).reset_index()
    kinds = kinds.sort_values(["first"]).sort_values("n", ascending=False, kind="stable")
    kinds = kinds.drop_duplicates("speaker").set_index("speaker")
    m, f = counts["m"], counts["f"]
    gender = pd.Series(np.where(m > f, "m", np.where(f > m, "f", "")), index=counts.index)
    traits = pd.DataFrame({"kind": kinds["kind"], "gender": gender}).fillna("")
    traits.loc[traits["kind"] != "person", "gender"] = ""
    alias_lists = aliases.drop_duplicates(["speaker", "alias"]).groupby("speaker", sort=False)["alias"].agg(" | ".join)
    return frames.speaker_frame(counts.index.to_numpy(dtype=object), *(counts[c].to_numpy() for c in (
        "n_sentences", "n_documents", "n_direct", "n_indirect")), alias_lists, traits)
