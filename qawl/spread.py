"""Quote spread: the same reported statement in several articles (a wire quote in several outlets, a statement
repeated days later) grouped into one statement.

The build makes the signatures of each chunk of articles as it analyses them (signatures.sketch, in the workers),
then groups them once over the corpus (group), from the signatures alone: candidate pairs share a MinHash LSH band
hash, and a pair is one statement when rapidfuzz's ratio of their keys is RATIO or more. A statement is a
connected group of such pairs spanning two articles or more; repeats within one article are not spread.

Frames (`frames`):

- per sentence, `statement_id`: int64, the statement the sentence belongs to, 0 for none.
- `statements`, one row per statement, numbered from 1 in the order they were first seen (date, then corpus order;
  undated articles last):
  `statement_id`, `text` (the first sentence's text), `speaker` (the speaker most of its sentences give, ties to
  the first seen), `speakers` (every speaker given, most often given first, " | " between them), `n_speakers`,
  `agree` (True when at most one speaker is given), `n_sentences`, `n_articles`, `n_outlets` (distinct sources, an
  empty source counting as one), `outlets` (the sources in the order they reported it, " | " between them),
  `first_doc_id`, `first_sentence_id`, `first_date`, `first_source`, `last_date`, `days` (last_date - first_date,
  in days, NaN when a date is unknown).
- `repeats`, one row per sentence of a statement, by statement then as first seen:
  `statement_id`, `doc_id`, `sentence_id`, `date`, `source`, `speaker`, `first` (True for the sentence that first
  reported it), `similarity` (rapidfuzz ratio, 0-100, of its key to the first sentence's key).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from qawl import signatures

RATIO = 75  # rapidfuzz fuzz.ratio (0-100) of two keys at which two reported sentences are one statement
_UNCHANGED = 95  # a ratio this high leaves no room for a changed fact: no word-by-word check
_WORD_RATIO = 65  # two words this alike are one word spelled otherwise (ترمب، ترامب; بالحكومة، الحكومة)
_WORDS_PER_CHANGE = 15  # a key may have one word replaced by another per this many words (at least one)
_BATCH = 1 << 15  # pairs compared at once
_WINDOW = 8  # within a band bucket, each key is compared with the next _WINDOW keys (the bucket stays connected)

STATEMENT_COLUMNS = ["statement_id", "text", "speaker", "speakers", "n_speakers", "agree", "n_sentences",
                     "n_articles", "n_outlets", "outlets", "first_doc_id", "first_sentence_id", "first_date",
                     "first_source", "last_date", "days"]
REPEAT_COLUMNS = ["statement_id", "doc_id", "sentence_id", "date", "source", "speaker", "first", "similarity"]


def changed_facts(a: str, b: str) -> bool:
    """Return whether two keys differ by more words replaced than a re-worded report has: facts changed (the
    first week, the second week) where outlets add, cut or spell words otherwise."""
    x, y = a.split(), b.split()
    replaced, cut, added = 0, [], []
    # Between the words the two keys share in order, words cut from one where others are added to the other are
    # replaced: as many as the shorter side has, less those that come back spelled otherwise.
    for op in [*Indel.opcodes(x, y), None]:
        if op is None or op.tag == "equal":
            replaced += min(len(cut), len(added)) - _respelled(cut, added) if cut and added else 0
            cut, added = [], []
        elif op.tag == "delete":
            cut = x[op.src_start : op.src_end]
        else:
            added = y[op.dest_start : op.dest_end]
    return replaced > max(1, min(len(x), len(y)) // _WORDS_PER_CHANGE)


def _respelled(cut: list[str], added: list[str]) -> int:
    """Return how many of the shorter side's words the other side has spelled otherwise (a number only as it is)."""
    few, many = (cut, added) if len(cut) <= len(added) else (added, cut)
    return sum(any((u + v).isalpha() and fuzz.ratio(u, v) >= _WORD_RATIO for v in many) for u in few)


def _components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Return the connected component of each of n nodes under edges (i, j), as one of its nodes."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[i], label[j])
        np.minimum.at(label, label[i], low)  # hook each edge's roots onto the smaller one
        np.minimum.at(label, label[j], low)
        while True:  # then every node straight onto its root
            up = label[label]
            if np.array_equal(up, label):
                break
            label = up
        if np.array_equal(label[i], label[j]):
            return label


def shift_rows(table: pa.Table, offset: int) -> pa.Table:
    """Return a chunk's signatures with their rows counted over the corpus (offset: the chunk's first row)."""
    rows = pa.array(table["row"].to_numpy() + offset)
    return table.set_column(table.schema.get_field_index("row"), "row", rows)


class Keys(NamedTuple):
    """A corpus's signatures with identical keys as one node: what the grouping compares."""

    code: np.ndarray  # per signature row: its key, as a code into keys
    keys: pa.Array | pa.ChunkedArray  # the distinct keys, first seen first
    bands: np.ndarray  # per distinct key: the band hashes of its first row (keys × BANDS)


class Groups(NamedTuple):
    """Near-identical reports grouped, per signature row: all frames() needs of the signatures."""

    rows: np.ndarray  # its sentence's row in the corpus
    group: np.ndarray  # its group, as a key code; -1 when alone or when all its group is one article
    code: np.ndarray  # its key, as a code into keys
    keys: pa.Array | pa.ChunkedArray  # the distinct keys
    stats: dict[str, int]  # the work done: distinct keys, pairs compared and joined


def distinct_keys(table: pa.Table) -> Keys:
    """Return the signatures of a table (in its row order) with identical keys as one node, in memory."""
    n = table.num_rows
    # Encoded by Arrow without a Python string each: a wire quote copied word for word is compared once, not once
    # per copy.
    distinct = pc.unique(table["key"])
    codes = pc.index_in(table["key"], value_set=distinct).to_numpy().astype(np.int64)
    first = np.full(len(distinct), n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n))
    bands = table["bands"].combine_chunks().flatten().to_numpy().reshape(n, -1)[first] if n else np.empty((0, 0))
    return Keys(codes, distinct, bands)


def group(table: pa.Table, doc_of: np.ndarray) -> Groups:
    """Return the groups of a corpus's signatures (signatures.sketch, rows counted over the corpus; doc_of: each
    sentence row's document number, any numbering), from the signatures alone. The build groups as soon as
    the last chunk is in and lets the signatures go before it assembles the frames."""
    rows = table["row"].to_numpy()
    return grouped(distinct_keys(table), rows, doc_of[rows])


def grouped(keyed: Keys, rows: np.ndarray, docs: np.ndarray) -> Groups:
    """Return the groups of signatures whose identical keys are one node (keyed; rows: each signature's sentence
    row in the corpus, docs: its document number, any numbering)."""
    label, stats = join(keyed.bands, keyed.keys)
    return spread_groups(label, keyed.code, keyed.keys, rows, docs, {"distinct_keys": len(keyed.keys), **stats})


def spread_groups(label: np.ndarray, code: np.ndarray, keys: pa.Array | pa.ChunkedArray, rows: np.ndarray,
                  docs: np.ndarray, stats: dict[str, int]) -> Groups:
    """Return the groups of signatures (code: each one's key) from each key's group (label, join's)."""
    group = label[code]
    # A group is spread when its rows come from two articles or more.
    lo, hi = np.full(len(label), np.iinfo(np.int64).max), np.full(len(label), -1)
    np.minimum.at(lo, group, docs)
    np.maximum.at(hi, group, docs)
    spread = np.where(lo[group] != hi[group], group, -1)
    return Groups(rows, spread, code, keys, stats)


def _window(bands: np.ndarray, nodes: np.ndarray | None = None
            ) -> Iterator[tuple[int, list[tuple[np.ndarray, np.ndarray]]]]:
    """Yield each step of the band join (1 to _WINDOW) with, per band, the keys step apart in one bucket (a, b);
    no further step once one meets no pair. nodes: the keys looked at (sorted), when not all of them."""
    sorted_bands = []
    for column in bands.T:
        order = np.argsort(column, kind="stable") if nodes is None else nodes[np.argsort(column[nodes], kind="stable")]
        sorted_bands.append((order, column[order]))
    for step in range(1, _WINDOW + 1):
        pairs = []
        for order, values in sorted_bands:
            same = np.flatnonzero(values[step:] == values[:-step])
            pairs.append((order[same], order[same + step]))
        yield step, pairs
        if not any(len(a) for a, _ in pairs):
            break


def bucket_mates(bands: np.ndarray, old: int) -> np.ndarray:
    """Return the keys that share a band's bucket with a key from `old` on, and those keys (sorted): the keys whose
    place in a bucket a join of the later keys looks at."""
    mates = np.zeros(len(bands), dtype=bool)
    mates[old:] = True
    for column in bands.T:
        later = pa.array(np.unique(column[old:]))
        mates |= pc.is_in(pa.array(column), value_set=later).to_numpy(zero_copy_only=False)
    return np.flatnonzero(mates)


def touching(bands: np.ndarray, old: int, nodes: np.ndarray | None = None) -> np.ndarray:
    """Return the keys a join from key `old` on may compare (join's pairs with a key from `old` on), sorted
    (nodes: bucket_mates, when worked out)."""
    ends = [np.concatenate([a[late], b[late]]) for _, pairs in _window(bands, nodes) for a, b in pairs
            for late in [np.maximum(a, b) >= old]]
    return np.unique(np.concatenate(ends)) if ends else np.zeros(0, np.int64)


def join(bands: np.ndarray, keys: pa.Array | pa.ChunkedArray, label: np.ndarray | None = None, old: int = 0,
         nodes: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, int]]:
    """Return the group of each key (the first of its keys) under the pairs that share a band hash and whose ratio
    is RATIO or more, and the pairs compared and joined; given the groups of the first `old` keys (label), only the
    pairs with a later key are compared (an add: the keys of the old articles were joined already).

    In each band's sorted hashes a key meets the next keys of its bucket, the nearest first (step 1 in every
    band, then step 2 …, up to _WINDOW): every pair of a small bucket, and a large one (the copies of a wire
    quote) stays connected at linear cost. A pair already in one group is not compared again, nor is a pair
    that failed: once copies are joined, later bands and steps find nothing new among them. The groups are the
    connected keys of the pairs that pass, whatever order they are compared in; a stable sort puts later keys after
    the earlier ones of their bucket, so the pairs of earlier keys are the same with later keys or without them
    (nodes: bucket_mates of the later keys, the only buckets a join from `old` on needs whole).
    """
    n = len(keys)
    label = np.arange(n) if label is None else np.concatenate([label, np.arange(len(label), n)])
    failed = np.empty(0, dtype=np.int64)
    compared = joined = 0
    for _, pairs in _window(bands, nodes):
        for a, b in pairs:
            apart = (label[a] != label[b]) & (np.maximum(a, b) >= old)
            # Distinct already (two positions of one sorted band make one pair), so sorted, not made unique:
            # numpy's unique and union1d hash, and took most of the grouping's time at ten million sentences.
            pair = np.sort(np.minimum(a[apart], b[apart]) * n + np.maximum(a[apart], b[apart]))
            if len(failed):
                pair = pair[failed[np.minimum(np.searchsorted(failed, pair), len(failed) - 1)] != pair]
            if not len(pair):
                continue
            a, b = pair // n, pair % n
            same_statement = _confirm(keys, a, b)
            # Both sorted and apart: a stable sort merges the two runs in linear time.
            failed = np.sort(np.concatenate([failed, pair[~same_statement]]), kind="stable")
            compared, joined = compared + len(pair), joined + int(same_statement.sum())
            label = _components(n, label[a[same_statement]], label[b[same_statement]])[label]
    return label, {"compared_pairs": compared, "joined_pairs": joined}


@dataclass
class Spread:
    """The statements of a corpus: one id per sentence (0 for none), the statements and their repeats."""

    statement_id: np.ndarray
    statements: pd.DataFrame
    repeats: pd.DataFrame
    stats: dict[str, int]  # the grouping's work: distinct keys, candidate and confirmed pairs


def sketch_frame(sentences: pd.DataFrame) -> pa.Table:
    """Return the signatures of a whole sentences frame (what the build gathers chunk by chunk)."""
    boilerplate = sentences["boilerplate"].fillna("").tolist() if "boilerplate" in sentences else None
    columns = ("text", "cue", "speaker_mention", "attribution")
    return signatures.sketch(*(sentences[c].fillna("").astype(str).tolist() for c in columns), boilerplate)


class Numbered(NamedTuple):
    """The sentences of the statements, by statement then as first seen: all frames() needs of the groups."""

    rows: np.ndarray  # its sentence's row
    statement: np.ndarray  # its statement, numbered from 1 as first seen
    first: np.ndarray  # whether it first reported its statement
    similarity: np.ndarray  # rapidfuzz ratio (0-100) of its key to its statement's first key
    stats: dict[str, int]


def number(found: Groups, date: np.ndarray,
           similar: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None) -> Numbered:
    """Return the sentences of the spread groups numbered as statements (date: per row of found, datetime64[us],
    NaT when undated; similar: the similarity of keys to first keys, as codes, when not worked out from found's
    keys). The keys are not needed after: a dataset lets them go before it reads the repeats."""
    spread = found.group >= 0
    rows, grp, code, date = found.rows[spread], found.group[spread], found.code[spread], date[spread]
    when = np.where(np.isnat(date), np.iinfo(np.int64).max, date.view(np.int64))  # undated last
    # Within a group, first seen first: by date, then corpus order. Statements are numbered as first seen.
    order = np.lexsort((rows, when, grp))
    rows, grp, code, when = (a[order] for a in (rows, grp, code, when))
    starts = np.flatnonzero(np.r_[True, grp[1:] != grp[:-1]]) if len(grp) else np.empty(0, dtype=np.int64)
    number = np.empty(len(starts), dtype=np.int64)
    number[np.lexsort((rows[starts], when[starts]))] = np.arange(1, len(starts) + 1)
    sizes = np.diff(np.r_[starts, len(grp)])
    statement = np.repeat(number, sizes)
    order = np.argsort(statement, kind="stable")
    rows, code, statement = (a[order] for a in (rows, code, statement))
    first = np.zeros(len(rows), dtype=bool)
    first[np.r_[0, np.cumsum(sizes[np.argsort(number)])[:-1]] if len(sizes) else []] = True
    firsts = np.repeat(code[first], np.bincount(statement)[1:])
    ratios = similarity(code, firsts, found.keys) if similar is None else similar(code, firsts)
    return Numbered(rows, statement, first, ratios, found.stats)


def frames(sentences: pd.DataFrame, documents: pd.DataFrame, found: Numbered | Groups | pa.Table | None = None,
           text_at: Callable[[np.ndarray], pd.Series] | None = None) -> Spread:
    """Return the statement of each sentence, the statements and their repeats (found: the statements numbered,
    the groups of the corpus's signatures, or the signatures; made from the sentences when not given; text_at: the
    texts of sentence rows, for sentences without a text column: only each statement's first sentence is read)."""
    repeats, numbered = repeats_frame(sentences, documents, found)
    rows, first = numbered.rows, numbered.first
    texts = text_at(rows[first]) if text_at is not None else _column(sentences, "text", rows[first])
    per_sentence = np.zeros(len(sentences), dtype=np.int64)
    per_sentence[rows] = numbered.statement
    return Spread(per_sentence, statements_frame(repeats, texts), repeats, numbered.stats)


def repeats_frame(sentences: pd.DataFrame, documents: pd.DataFrame,
                  found: Numbered | Groups | pa.Table | None = None) -> tuple[pd.DataFrame, Numbered]:
    """Return the repeats frame of the sentences and the statements numbered (found: as frames() takes it)."""
    doc_codes, doc_names = pd.factorize(sentences["doc_id"])
    meta = documents.drop_duplicates("doc_id").set_index("doc_id").reindex(doc_names)
    dates = pd.to_datetime(meta["date"], errors="coerce", utc=True, format="mixed").dt.tz_localize(None)
    dates = dates.to_numpy(dtype="datetime64[us]")
    if not isinstance(found, Numbered):
        if not isinstance(found, Groups):
            found = group(sketch_frame(sentences) if found is None else found, doc_codes)
        found = number(found, dates[doc_codes[found.rows]])
    rows = found.rows
    doc = doc_codes[rows]
    repeats = pd.DataFrame({
        "statement_id": found.statement, "doc_id": pd.Series(doc_names[doc], dtype="str"),
        "sentence_id": sentences["sentence_id"].to_numpy()[rows], "date": dates[doc],
        "source": pd.Series(meta["source"].fillna("").astype(str).to_numpy()[doc], dtype="str"),
        "speaker": _column(sentences, "speaker", rows), "first": found.first, "similarity": found.similarity,
    }, columns=REPEAT_COLUMNS)
    return repeats, found


def _column(frame: pd.DataFrame, name: str, rows: np.ndarray) -> pd.Series:
    """Return a text column's values at rows ("" for missing) through Arrow's filter: pandas' take (and Arrow's)
    first joins every chunk of the column, 260 MB of text at a million sentences."""
    mask = np.zeros(len(frame), dtype=bool)
    mask[rows] = True
    picked = pa.array(frame[name].astype("str")).filter(pa.array(mask))
    if isinstance(picked, pa.ChunkedArray):
        picked = picked.combine_chunks()
    at = np.searchsorted(np.flatnonzero(mask), rows)
    return pd.Series(pc.fill_null(picked.take(pa.array(at)), ""), dtype="str")


def _confirm(keys: pa.Array | pa.ChunkedArray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return whether keys a[k] and b[k] are one statement: a ratio of RATIO or more, and no facts changed."""
    ratios = _ratios(keys, a, b, RATIO)
    same = ratios >= RATIO
    check = np.flatnonzero(same & (ratios < _UNCHANGED))
    if len(check):
        pairs = zip(keys.take(pa.array(a[check])).to_pylist(), keys.take(pa.array(b[check])).to_pylist(), strict=True)
        same[check] = [not changed_facts(x, y) for x, y in pairs]
    return same


def similarity(code: np.ndarray, first: np.ndarray, distinct: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Return the rapidfuzz ratio (0-100) of each key (a code into distinct) to its statement's first key (first:
    its code)."""
    pair, inverse = np.unique(code * max(len(distinct), 1) + first, return_inverse=True)
    a, b = pair // max(len(distinct), 1), pair % max(len(distinct), 1)
    return np.rint(_ratios(distinct, a, b)).astype(np.int64)[inverse.ravel()]


def _ratios(keys: pa.Array | pa.ChunkedArray, a: np.ndarray, b: np.ndarray, cutoff: float | None = None) -> np.ndarray:
    """Return rapidfuzz's ratio (0-100; 0 below cutoff) of keys a[k] and b[k], a batch of Python strings at a time
    (a million of them would hold hundreds of MB)."""
    out = np.empty(len(a), dtype=np.float32)
    for at in range(0, len(a), _BATCH):
        part = slice(at, at + _BATCH)
        out[part] = process.cpdist(keys.take(pa.array(a[part])).to_pylist(), keys.take(pa.array(b[part])).to_pylist(),
                                   scorer=fuzz.ratio, score_cutoff=cutoff, workers=-1)
    return out


def statements_frame(repeats: pd.DataFrame, texts: pd.Series) -> pd.DataFrame:
    """Return one row per statement of the repeats frame (texts: the text of each statement's first sentence)."""
    frame = repeats[repeats["first"]].reset_index(drop=True)
    by = repeats.groupby("statement_id", sort=True)
    statement = repeats["statement_id"].to_numpy()
    ids = by.size().index.to_numpy()
    # Counted on codes, not strings: grouping 5M repeats by their text columns held gigabytes at ten million.
    articles, _, _ = _pairs(statement, repeats["doc_id"])
    outlets, _, _ = _pairs(statement, repeats["source"])
    speakers, counts, given = _pairs(statement, repeats["speaker"])
    # Most often given first; ties keep the order the outlets gave them in (a stable sort of first-seen counts).
    speakers, counts = speakers[given], counts[given]
    speakers = speakers[np.lexsort((-counts, statement[speakers]))]
    names = _per_statement(ids, statement, speakers, repeats["speaker"])
    out = pd.DataFrame({
        "statement_id": frame["statement_id"],
        "text": texts,
        "speaker": pd.Series([n[0] if n else "" for n in names], dtype="str"),
        "speakers": pd.Series([" | ".join(n) for n in names], dtype="str"),
        "n_speakers": np.fromiter(map(len, names), dtype=np.int64, count=len(names)),
        "n_sentences": by.size().to_numpy(),
        "n_articles": np.diff(np.searchsorted(statement[articles], ids, side="left"), append=len(articles)),
        "n_outlets": np.diff(np.searchsorted(statement[outlets], ids, side="left"), append=len(outlets)),
        "outlets": pd.Series([" | ".join(o) for o in _per_statement(ids, statement, outlets, repeats["source"])],
                             dtype="str"),
        "first_doc_id": frame["doc_id"], "first_sentence_id": frame["sentence_id"],
        "first_date": frame["date"], "first_source": frame["source"],
        "last_date": by["date"].max().to_numpy(),
    })
    out["agree"] = out["n_speakers"] <= 1
    out["days"] = (out["last_date"] - out["first_date"]).dt.total_seconds() / 86400
    return out[STATEMENT_COLUMNS]


def _pairs(statement: np.ndarray, values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the row of each distinct (statement, value) pair as first seen, by statement then as first seen; how
    many rows have it; and whether its value is given (not "")."""
    codes, uniques = pd.factorize(values.fillna(""), use_na_sentinel=False)
    distinct, first, counts = np.unique(statement * max(len(uniques), 1) + codes, return_index=True,
                                        return_counts=True)
    order = np.lexsort((first, statement[first]))
    given = np.asarray(uniques != "", dtype=bool)[distinct % max(len(uniques), 1)] if len(uniques) else distinct > 0
    return first[order], counts[order], given[order]


def _per_statement(ids: np.ndarray, statement: np.ndarray, rows: np.ndarray, values: pd.Series) -> list[list[str]]:
    """Return, for each statement id, the values at rows (ordered by statement) of its statement."""
    bounds = [*np.searchsorted(statement[rows], ids, side="left").tolist(), len(rows)]
    picked = values.take(rows).fillna("").tolist()
    return [picked[a:b] for a, b in itertools.pairwise(bounds)]


def restated(statements: pd.DataFrame, repeats: pd.DataFrame) -> pd.DataFrame:
    """Return the statements recounted from repeats whose speakers changed (corrections), texts kept."""
    if repeats.empty:
        return statements
    return statements_frame(repeats, statements["text"].reset_index(drop=True))


def also_reported(repeats: pd.DataFrame, statement_ids: np.ndarray, doc_ids: Sequence[str]) -> list[str]:
    """Return, for each (statement, article) of some sentences, the outlets of the statement's other articles, first
    to report it first, each once (an article without an outlet by its id), " | " between them; "" for a sentence
    of no statement."""
    wanted = {int(i) for i in statement_ids if i > 0}
    rows = repeats[repeats["statement_id"].isin(wanted)] if wanted else repeats.iloc[:0]
    reports: dict[int, list[tuple[str, str]]] = {}
    for statement, doc, source in zip(rows["statement_id"], rows["doc_id"].astype(str), rows["source"].astype(str),
                                      strict=True):
        reports.setdefault(int(statement), []).append((doc, source or doc))
    return [" | ".join(dict.fromkeys(outlet for other, outlet in reports.get(int(statement), []) if other != doc))
            for statement, doc in zip(statement_ids, map(str, doc_ids), strict=True)]
