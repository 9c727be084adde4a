"""The canonical names of a dataset (dataset_build.py), kept across adds: the counts they are worked out from
(speakers.NameCounts) as small Parquet tables, and per batch the words each entity's name depends on (its key and
titles) and the full names of known people. An add decodes its own entities only, adds them to the counts, and
names again just the old articles whose names depend on a decision the new counts changed (a key's fuller name, a
title's owner, a spelling): the names equal those of a full build, as speakers.canonical_names gives them.

Files, in DIR/_summaries/names/:
    {keys,holders,written}/batch-B.parquet   speakers.NameCounts as of batch B (and each key's fuller name)
    depends/batch-B.parquet    entity_row, token: "k" + an entity's key, "t" + each of its titles
    people/batch-B.parquet     entity_row, first, last: the full names of known people (frames.full_names)
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from qawl import entity_codec, frames, lexicons, speakers
from qawl.dataset import SUMMARIES, Store

FOLDER = f"{SUMMARIES}/names"
_STRING, _INT64, _INT32 = pa.large_string(), pa.int64(), pa.int32()
KEY_SCHEMA = pa.schema([("key", _STRING), ("count", _INT64), ("roles", pa.list_(_STRING)), ("target", _STRING),
                        ("m", _INT64), ("f", _INT64)])  # how many of its entities showed a man, a woman
HOLDER_SCHEMA = pa.schema([("title", _STRING), ("key", _STRING), ("count", _INT64)])
WRITTEN_SCHEMA = pa.schema([("root", _STRING), ("text", _STRING), ("count", _INT64)])
DEPENDS_SCHEMA = pa.schema([("entity_row", _INT64), ("token", _STRING)])
PEOPLE_SCHEMA = pa.schema([("entity_row", _INT64), ("first", _STRING), ("last", _STRING)])
_COUNTS = ("keys", "holders", "written")
Words = tuple[str, ...]


def _text(words: Words) -> str:
    return " ".join(words)  # words never hold a space (tokenize cuts at them)


def _words(text: str) -> Words:
    return tuple(text.split(" "))


@dataclass
class Decoded:
    """The entities of some rows of a batch, article by article."""

    rows: np.ndarray  # their entity rows in the batch, in order
    per_article: list[list[speakers.Entity]]
    kind: np.ndarray  # per row: speakers.Entity.kind()
    gender: np.ndarray  # per row: speakers.Entity.gender()
    codes: np.ndarray  # per row: its entity in distinct
    distinct: list[speakers.Entity]  # the distinct entities (equal texts, one entity)


def decode(store: Store, batch: int, rows: np.ndarray | None = None) -> Decoded:
    """Return the entities of a batch (only those at sorted rows when given; whole articles), decoded once per
    distinct text."""
    table = store.read_table(f"{SUMMARIES}/entities/batch-{batch:04d}.parquet", columns=["doc_id", "data"],
                             read_dictionary=["data"])
    if rows is not None:
        table = table.take(pa.array(rows, _INT64))
    else:
        rows = np.arange(table.num_rows, dtype=np.int64)
    data = table["data"].unify_dictionaries().combine_chunks() if table.num_rows else \
        pa.array([], pa.dictionary(_INT32, _STRING))
    if not pa.types.is_dictionary(data.type):
        data = data.dictionary_encode()
    decoder = entity_codec.Decoder()
    distinct = [decoder(text) for text in data.dictionary.to_pylist()]
    codes = data.indices.to_numpy(zero_copy_only=False)
    kind = np.array([e.kind() for e in distinct] or [""], dtype=object)[codes]
    gender = np.array([e.gender() for e in distinct] or [""], dtype=object)[codes]
    doc_ids = table["doc_id"].combine_chunks()
    # An article's entities are consecutive rows: a new article where the doc_id changes.
    changes = pc.not_equal(doc_ids[1:], doc_ids[:-1]).to_numpy(zero_copy_only=False) if len(doc_ids) > 1 else []
    starts = np.concatenate([[0], np.flatnonzero(changes) + 1, [len(doc_ids)]]).astype(np.int64)
    per_article = [[distinct[c] for c in codes[a:b]] for a, b in itertools.pairwise(starts) if b > a]
    return Decoded(rows, per_article, kind, gender, codes.astype(np.int64), distinct)


def _batch_files(store: Store, batch: int, decoded: Decoded) -> None:
    """Write a batch's depends and people files (from all its entities, decoded), worked out once per distinct
    entity and spread over its rows."""
    lex = lexicons.current()
    tokens = [sorted({"k" + _text(e.key()), *("t" + _text(t) for t in e.titles)}) for e in decoded.distinct]
    people = [[(part[0], part[-1]) for part in frames.full_names(lex, e)] for e in decoded.distinct]
    depends = _spread(decoded, tokens)
    store.write_table(f"{FOLDER}/depends/batch-{batch:04d}.parquet",
                      pa.table({"entity_row": depends[0], "token": depends[1]}, schema=DEPENDS_SCHEMA))
    rows, first = _spread(decoded, [[f for f, _ in names] for names in people])
    store.write_table(f"{FOLDER}/people/batch-{batch:04d}.parquet", pa.table(
        {"entity_row": rows, "first": first, "last": _spread(decoded, [[w for _, w in n] for n in people])[1]},
        schema=PEOPLE_SCHEMA))


def _spread(decoded: Decoded, values: list[list[str]]) -> tuple[np.ndarray, pa.Array]:
    """Return the rows of a batch repeated once per value of their distinct entity, and those values (values: per
    distinct entity)."""
    lengths = np.array([len(v) for v in values] or [0], dtype=np.int64)
    flat = [x for v in values for x in v]
    starts = np.cumsum(lengths) - lengths
    per_row = lengths[decoded.codes]
    within = np.arange(int(per_row.sum())) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    at = np.repeat(starts[decoded.codes], per_row) + within
    text = pa.array(flat, _STRING).dictionary_encode() if flat else pa.array([], _STRING)
    taken = text.take(pa.array(at, _INT64)) if flat else text
    return np.repeat(decoded.rows, per_row), taken.cast(_STRING) if flat else taken


def _save(store: Store, counts: speakers.NameCounts, naming: speakers.Naming, batch: int) -> None:
    """Write the counts (and each key's fuller name) of a dataset as of a batch, and let those of other batches go
    (an add that stops before it is committed leaves the counts of the batches committed, or none)."""
    keys = list(counts.keys)
    store.write_table(f"{FOLDER}/keys/batch-{batch:04d}.parquet", pa.table({
        "key": [_text(k) for k in keys], "count": [counts.keys[k] for k in keys],
        "roles": [sorted(counts.roles.get(k, ())) for k in keys],
        "target": [_text(naming.target.get(k, k)) for k in keys],
        "m": [counts.genders[k]["m"] if k in counts.genders else 0 for k in keys],
        "f": [counts.genders[k]["f"] if k in counts.genders else 0 for k in keys]}, schema=KEY_SCHEMA))
    holders = [(t, k, n) for t, by_key in counts.holders.items() for k, n in by_key.items()]
    store.write_table(f"{FOLDER}/holders/batch-{batch:04d}.parquet", pa.table({
        "title": [_text(t) for t, _, _ in holders], "key": [_text(k) for _, k, _ in holders],
        "count": [n for _, _, n in holders]}, schema=HOLDER_SCHEMA))
    written = [(r, text, n) for r, spellings in counts.written.items() for text, n in spellings.items()]
    store.write_table(f"{FOLDER}/written/batch-{batch:04d}.parquet", pa.table({
        "root": [_text(r) for r, _, _ in written], "text": [t for _, t, _ in written],
        "count": [n for _, _, n in written]}, schema=WRITTEN_SCHEMA))
    for name in _COUNTS:
        for rel in store.files(f"{FOLDER}/{name}"):
            if not rel.endswith(f"/batch-{batch:04d}.parquet"):
                store.delete(rel)


def _load(store: Store, batch: int) -> tuple[speakers.NameCounts, dict[Words, Words]] | None:
    """Return a dataset's counts as of a batch and each key's fuller name, or None when it has none."""
    try:
        keys, holders, written = (store.read_table(f"{FOLDER}/{name}/batch-{batch:04d}.parquet").to_pylist()
                                  for name in _COUNTS)
    except (OSError, KeyError, pa.ArrowInvalid):
        return None
    counts = speakers.NameCounts()
    target = {}
    for row in keys:
        key = _words(row["key"])
        counts.keys[key] = row["count"]
        counts.roles[key] = set(row["roles"])
        target[key] = _words(row["target"])
        if row.get("m") or row.get("f"):
            counts.genders[key].update({"m": row.get("m") or 0, "f": row.get("f") or 0})
    holding: defaultdict = defaultdict(Counter)
    for row in holders:
        holding[_words(row["title"])][_words(row["key"])] = row["count"]
    counts.holders = holding
    for row in written:  # in the order first seen: a tie of spellings goes to the first
        counts.written[_words(row["root"])][row["text"]] = row["count"]
    return counts, target


@dataclass
class Names:
    """The canonical names of every entity row of a dataset, and what changed."""

    names: pa.Array  # per entity row, all batches in order
    person_names: dict[str, str]
    renamed: np.ndarray  # the entity rows of old batches whose name changed
    decoded: dict[int, Decoded]  # the batches decoded whole (position in batches -> entities)


def work_out(store: Store, batches: list[int], offsets: np.ndarray, added: bool) -> Names:
    """Return the canonical names of the entities of the batches (offsets: each one's first entity row): all of
    them worked out from the entities, or, when `added` (only the last batch is new) and the dataset has its counts,
    the new batch's and the old articles' whose names the new counts change."""
    lex = lexicons.current()
    saved = _load(store, batches[-2]) if added and len(batches) > 1 else None
    if saved is None:
        counts = speakers.NameCounts()
        decoded = {k: decode(store, b) for k, b in enumerate(batches)}
        keys = {k: counts.add(lex, d.per_article) for k, d in decoded.items()}
        naming = counts.resolve(lex)
        names = pa.array([n for k, d in decoded.items() for row in naming.names(lex, d.per_article, keys[k])
                          for n in row], _STRING)
        for k, batch in enumerate(batches):
            _batch_files(store, batch, decoded[k])
        _save(store, counts, naming, batches[-1])
        renamed = np.zeros(0, np.int64)
        if added and store.exists(f"{SUMMARIES}/names.parquet"):  # an add to a dataset without counts: compared
            old_names = store.read_table(f"{SUMMARIES}/names.parquet")["speaker"].combine_chunks()
            n = min(len(old_names), int(offsets[-2]))
            renamed = np.flatnonzero(pc.not_equal(old_names.slice(0, n), names.slice(0, n)).to_numpy(
                zero_copy_only=False))
        return Names(names, _person_names(store, batches, offsets, names), renamed, decoded)
    counts, target = saved
    old = speakers.Naming(counts, target, counts.owners())
    new_batch = len(batches) - 1
    fresh = decode(store, batches[new_batch])
    touched = {part for article in fresh.per_article for e in article for part in e.written}
    spelled = {root: old.spelling(lex, root) for root in touched}  # before the counts change
    fresh_keys = counts.add(lex, fresh.per_article)
    naming = counts.resolve(lex)
    # What the new counts decide otherwise: a key's fuller name, a title's owner (or the owner's fuller name), a
    # spelling. Only the old articles with such a key, title or name are named again.
    changed_keys = {k for k in target.keys() | naming.target.keys() if target.get(k, k) != naming.target.get(k, k)}
    changed_titles = {t for t in old.owners.keys() | naming.owners.keys() if old.owners.get(t) != naming.owners.get(t)}
    changed_titles |= {t for owners in (old.owners, naming.owners) for t, o in owners.items() if o in changed_keys}
    tokens = pa.array(sorted({"k" + _text(k) for k in changed_keys} | {"t" + _text(t) for t in changed_titles}),
                      _STRING)
    respelled = pa.array(sorted({s for root, s in spelled.items() if naming.spelling(lex, root) != s}), _STRING)
    old_names = store.read_table(f"{SUMMARIES}/names.parquet")["speaker"].combine_chunks()
    names = old_names.to_numpy(zero_copy_only=False).astype(object)
    renamed = []
    for k, batch in enumerate(batches[:-1]):
        rows = _affected(store, batch, tokens, old_names.slice(offsets[k], offsets[k + 1] - offsets[k]), respelled)
        if not len(rows):
            continue
        again = decode(store, batch, rows)
        keys = [[e.key() for e in article] for article in again.per_article]
        rows = again.rows + offsets[k]
        names[rows] = [n for row in naming.names(lex, again.per_article, keys) for n in row]
        renamed.append(rows[names[rows] != old_names.take(pa.array(rows)).to_numpy(zero_copy_only=False)])
    names = pa.array(np.concatenate(
        [names, [n for row in naming.names(lex, fresh.per_article, fresh_keys) for n in row]]), _STRING)
    _batch_files(store, batches[new_batch], fresh)
    _save(store, counts, naming, batches[-1])
    return Names(names, _person_names(store, batches, offsets, names),
                 np.concatenate(renamed) if renamed else np.zeros(0, np.int64), {new_batch: fresh})


def _affected(store: Store, batch: int, tokens: pa.Array, names: pa.Array, respelled: pa.Array) -> np.ndarray:
    """Return the sorted entity rows of a batch's articles that hold an entity with one of the tokens (a key or
    title whose decision changed) or one of the names respelled (whole articles: an entity's name depends on the
    other entities of its article)."""
    hits = []
    if len(tokens):
        depends = store.read_table(f"{FOLDER}/depends/batch-{batch:04d}.parquet", read_dictionary=["token"])
        hits.append(depends["entity_row"].filter(pc.is_in(depends["token"], value_set=tokens)).to_numpy())
    if len(respelled):
        hits.append(np.flatnonzero(pc.is_in(names, value_set=respelled).to_numpy(zero_copy_only=False)))
    rows = np.unique(np.concatenate(hits)) if hits else np.zeros(0, np.int64)
    if not len(rows):
        return rows
    doc_ids = store.read_table(f"{SUMMARIES}/entities/batch-{batch:04d}.parquet", columns=["doc_id"])["doc_id"]
    docs = pc.unique(doc_ids.take(pa.array(rows, _INT64)))
    return np.flatnonzero(pc.is_in(doc_ids, value_set=docs).to_numpy(zero_copy_only=False))


def _person_names(store: Store, batches: list[int], offsets: np.ndarray, names: pa.Array) -> dict[str, str]:
    """Return family name -> canonical name of known people (frames.family_names) from the batches' people files:
    the first full name in corpus order of each family name that is no one's first name, worked out in Arrow."""
    tables = [store.read_table(f"{FOLDER}/people/batch-{b:04d}.parquet") for b in batches]
    table = pa.concat_tables([t.set_column(0, "entity_row", pc.add(t["entity_row"], int(offsets[k])))
                              for k, t in enumerate(tables)] or [PEOPLE_SCHEMA.empty_table()]).combine_chunks()
    last = table["last"]
    family = pc.and_(pc.invert(pc.is_in(last, value_set=pc.unique(table["first"]))),
                     pc.greater(pc.utf8_length(last), 2))
    table = table.filter(family)
    codes = pc.index_in(table["last"], value_set=pc.unique(table["last"])).to_numpy()
    at = np.sort(np.unique(codes, return_index=True)[1])  # each family name's first row
    first = table.take(pa.array(at, _INT64))
    return dict(zip(first["last"].to_pylist(), names.take(first["entity_row"]).to_pylist(), strict=True))
