"""Building the frames (documents, sentences, speakers, themes, tokens, mentions) of a corpus.

Articles are analysed in chunks (articles.py), in worker processes for large corpora. A chunk comes back as
Arrow tables and the speaker names, which need the whole corpus, are filled in at the end with array lookups.
"""

from __future__ import annotations

import contextlib
import ctypes
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa

from qawl import dates, lexicons, mentions, speakers, spread
from qawl import names as name_words
from qawl.corpus import Document, files
from qawl.normalize import normalize_all

if TYPE_CHECKING:  # the analysis (attribution and all: 0.15-0.3 s of imports) loads when a build starts, not with
    # the frames' names a dashboard over built files reads
    from qawl import articles
    from qawl.articles import Chunk

_BUILT = ("doc_id", "title", "date", "source", "n_sentences")  # the documents frame's own columns, metadata's after
FRAME_NAMES = ("documents", "sentences", "speakers", "themes", "tokens", "mentions", "statements", "repeats")
_TRIM_EVERY = 8  # chunks

SENTENCE_COLUMNS = ["doc_id", "sentence_id", "text", "speaker", "speaker_mention", "speaker_kind", "speaker_gender",
                    "cue", "attribution", "quote", "date", "paragraph", "boilerplate", "n_words", "statement_id"]
SPEAKER_COLUMNS = ["speaker", "aliases", "kind", "gender", "n_sentences", "n_documents", "n_direct", "n_indirect"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "surface", "term"]
MENTION_COLUMNS = ["doc_id", "sentence_id", "entity", "kind", "surface", "speaker"]

Progress = Callable[[int, int], None]
Ready = Callable[[str, pd.DataFrame], None]


@dataclass
class Frames:
    """Every frame of one corpus, plus the warnings met while reading it."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    speakers: pd.DataFrame
    themes: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    # Quote spread (spread.py): one row per statement reported in several articles, one per sentence of each.
    statements: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=spread.STATEMENT_COLUMNS))
    repeats: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=spread.REPEAT_COLUMNS))
    warnings: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """Return (name, frame) pairs in contract order."""
        return [(name, getattr(self, name)) for name in FRAME_NAMES]


def _analyse_all(analysis: articles.Analysis, progress: Progress | None, *, keep_texts: bool = True
                 ) -> Iterator[Chunk]:
    """Yield the chunks of a corpus in order as its analysis gives them.

    keep_texts=False empties each document's text once its chunk is analysed (no frame holds it).
    """
    done = 0
    try:
        for k, (run, chunk) in enumerate(analysis):
            done += len(run)
            if not keep_texts:
                for doc in run:
                    doc.text = ""
            if progress:
                progress(done, analysis.expected())
            yield chunk
            if not keep_texts and k % _TRIM_EVERY == _TRIM_EVERY - 1:
                _release_freed_memory()  # the texts emptied so far, before the next chunks' tables pile up
    finally:
        if not keep_texts:
            _release_freed_memory()


def _release_freed_memory() -> None:
    """Hand the memory of freed article texts back to the system (glibc keeps it otherwise)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _concat(tables: list[pa.Table]) -> pd.DataFrame:
    return pa.concat_tables(tables).to_pandas()


def _shift(table: pa.Table, column: str, offset: int) -> pa.Table:
    """Return table with offset added to the non-negative values of an index column (-1 stays -1)."""
    values = np.asarray(table[column], dtype=np.int64)
    shifted = np.where(values >= 0, values + offset, -1)
    return table.set_column(table.schema.get_field_index(column), column, pa.array(shifted))


class _TokenCodes:
    """The tokens frame gathered chunk by chunk as category codes, so no chunk's table is kept."""

    CATEGORICAL = ("doc_id", "surface", "term")

    def __init__(self) -> None:
        self.vocab: dict[str, dict[str, int]] = {c: {} for c in self.CATEGORICAL}
        self.codes: dict[str, list[np.ndarray]] = {c: [] for c in self.CATEGORICAL}
        self.sentence_ids: list[np.ndarray] = []

    def add(self, table: pa.Table) -> None:
        """Append a chunk's tokens, renumbering its dictionary codes into the corpus-wide ones."""
        for c in self.CATEGORICAL:
            column = table[c].combine_chunks()
            vocab = self.vocab[c]
            renumber = np.array([vocab.setdefault(v, len(vocab)) for v in column.dictionary.to_pylist()],
                                dtype=np.int32)
            self.codes[c].append(renumber[column.indices.to_numpy(zero_copy_only=False)])
        self.sentence_ids.append(table["sentence_id"].to_numpy())

    def frame(self) -> pd.DataFrame:
        """Return the tokens frame: doc_id, surface and term categoricals with sorted categories."""
        columns: dict[str, object] = {}
        for c in self.CATEGORICAL:
            categories = pd.Index(list(self.vocab[c]), dtype="str")
            order = categories.argsort()
            rank = np.empty(len(order), dtype=np.int32)
            rank[order] = np.arange(len(order), dtype=np.int32)
            columns[c] = pd.Categorical.from_codes(_gather(self.codes[c], rank), categories=categories[order])
        columns["sentence_id"] = _gather(self.sentence_ids)
        return pd.DataFrame({c: columns[c] for c in TOKEN_COLUMNS}, copy=False)  # 16M rows at 1M: no copy


def _gather(parts: list[np.ndarray], lookup: np.ndarray | None = None) -> np.ndarray:
    """Return the parts end to end (through lookup when given), emptying the list as it goes: one copy at most."""
    out = np.empty(sum(len(p) for p in parts), dtype=parts[0].dtype if parts else np.int64)
    at = 0
    while parts:
        part = parts.pop(0)
        out[at : at + len(part)] = lookup[part] if lookup is not None else part
        at += len(part)
    return out


def build(docs: list[Document], progress: Progress | None = None, warnings: list[str] | None = None,
          *, workers: int | None = None, keep_texts: bool = True) -> Frames:
    """Return every frame of a corpus of documents (workers: processes to use; None picks by corpus size).

    keep_texts=False empties each document's text once analysed, to spare memory on large corpora.
    """
    from qawl import articles

    chars = sum(len(d.text) for d in docs)
    with articles.pool(articles.workers_for(chars, len(docs)) if workers is None else workers) as started:
        analysis = articles.Analysis(docs, chars, started, list(warnings or []), files=len(docs))
        return _build(analysis, progress, keep_texts)


def _build(analysis: articles.Analysis, progress: Progress | None, keep_texts: bool, ready: Ready | None = None
           ) -> Frames:
    docs, pool = analysis.docs, analysis.pool
    per_article: list[list[speakers.Entity]] = []
    titles: list[str] = []
    counts: list[int] = []
    tables: dict[str, list[pa.Table]] = {"sentences": [], "aliases": [], "places": [], "themes": [], "signatures": []}
    tokens = _TokenCodes()
    n_entities = n_rows = 0
    dated: pd.Series | None = None
    lex = lexicons.current()
    name_counts, name_keys = speakers.NameCounts(), []  # counted as the chunks come, resolved once all are in
    for chunk in _analyse_all(analysis, progress, keep_texts=keep_texts):
        name_keys.extend(name_counts.add(lex, chunk.entities))
        if dated is None and analysis.all_read():
            # Every article is read: its dates are parsed while the workers analyse the last runs.
            dated = dates.parse([d.date for d in docs], [d.doc_id for d in docs], analysis.warnings.append)
        # Chunk-local entity numbers and sentence rows become corpus-wide ones.
        tables["sentences"].append(_shift(chunk.sentences, "entity", n_entities))
        tables["aliases"].append(_shift(chunk.aliases, "entity", n_entities))
        tables["places"].append(_shift(chunk.places, "row", n_rows))
        tables["themes"].append(chunk.themes)
        tables["signatures"].append(spread.shift_rows(chunk.signatures, n_rows))
        tokens.add(chunk.tokens)
        per_article.extend(chunk.entities)
        titles.extend(chunk.titles)
        counts.extend(chunk.n_sentences)
        n_entities += sum(len(e) for e in chunk.entities)
        n_rows += chunk.sentences.num_rows
    if pool is not None:
        pool.shutdown()  # its work is done: the workers' memory is freed before the frames are assembled
    tokens_frame = tokens.frame()  # the longest frame, complete first: ready() may write it while the rest is made
    if ready:
        ready("tokens", tokens_frame)
    # Grouped now (as the tokens are written), so that the signatures go before the frames are assembled.
    found = spread.group(pa.concat_tables(tables.pop("signatures")), np.repeat(np.arange(len(counts)), counts))
    names = name_counts.resolve(lex).names(lex, per_article, name_keys)  # as speakers.canonical_names
    del name_keys
    person_names = people_by_family_name(lex, per_article, names)
    per_article.clear()  # the entities' objects (hundreds of MB at 1M sentences) go before the frames are made
    _release_freed_memory()
    sents, aliases = _concat(tables.pop("sentences")), _concat(tables.pop("aliases"))
    places, themes_frame = pa.concat_tables(tables.pop("places")), _concat(tables.pop("themes"))
    if ready:
        ready("themes", themes_frame)
    # -1 (nobody) picks the trailing "" of this lookup.
    speaker_of = np.array([*(name for row in names for name in row), ""], dtype=object)
    speaker = speaker_of[sents["entity"].to_numpy(dtype=np.int64)]
    aliases["speaker"] = speaker_of[aliases["entity"].to_numpy(dtype=np.int64)]

    n_sentences = np.array(counts, dtype=np.int64)
    if dated is None:
        dated = dates.parse([d.date for d in docs], [d.doc_id for d in docs], analysis.warnings.append)
    documents = documents_frame(docs, titles, n_sentences, dated)
    if ready:
        ready("documents", documents)
    sents["speaker"] = pd.Series(speaker, dtype="str", index=sents.index)
    sents["date"] = np.repeat(documents["date"].to_numpy(), n_sentences)
    quoted = spread.frames(sents, documents, found)
    sents["statement_id"] = quoted.statement_id
    sentences_frame = sents[SENTENCE_COLUMNS]
    if ready:
        for name, frame in (("sentences", sentences_frame), ("statements", quoted.statements),
                            ("repeats", quoted.repeats)):
            ready(name, frame)
    doc_start = dict(zip(documents["doc_id"], (np.cumsum(n_sentences) - n_sentences).tolist(), strict=True))
    people = person_mentions(tokens_frame, person_names, doc_start)
    frames = Frames(
        documents=documents,
        sentences=sentences_frame,
        speakers=_speakers(sentences_frame, aliases),
        themes=themes_frame,
        tokens=tokens_frame,
        mentions=mentions_frame(places, people, speaker, n_sentences, documents["doc_id"]),
        statements=quoted.statements,
        repeats=quoted.repeats,
        warnings=analysis.warnings,
    )
    pa.default_memory_pool().release_unused()
    return frames


def documents_frame(docs: list[Document], titles: list[str], n_sentences: np.ndarray, dates: pd.Series) -> pd.DataFrame:
    """Return one row per document: id, title, date, source, sentence count and its metadata columns."""
    if not docs:
        return _empty({"doc_id": "str", "title": "str", "date": "datetime64[us]", "source": "str",
                       "n_sentences": "int64"})
    meta = docs[0].meta.keys()
    if meta.isdisjoint(_BUILT) and all(d.meta.keys() == meta for d in docs):  # the usual case: made by columns
        frame = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "title": titles, "date": None,
                              "source": [d.source for d in docs], "n_sentences": n_sentences,
                              **{k: [d.meta[k] for d in docs] for k in meta}})
    else:
        frame = pd.DataFrame([{"doc_id": d.doc_id, "title": t, "date": None, "source": d.source,
                               "n_sentences": int(n), **d.meta} for d, t, n in zip(docs, titles, n_sentences,
                                                                                    strict=True)])
    frame["date"] = pd.to_datetime(dates.to_numpy())
    return frame


def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    """Return a frame without rows whose columns have the given dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def people_by_family_name(lex: lexicons.Lexicons, per_article: list, canonical: list[list[str]]) -> dict[str, str]:
    """Return family name → canonical name for the people known by a full name and a title: every word of the
    name a name word (a phrase that ran into a noun, أحد الصبيان، تغريدة أخرى, is left out), a title or
    adjective seen with it (الرئيس، القازاقي), and the family name never a first name elsewhere (محمد)."""
    full = [(part, name) for ents, canon in zip(per_article, canonical, strict=True)
            for e, name in zip(ents, canon, strict=True) for part in full_names(lex, e)]
    return family_names([part[0] for part, _ in full], [part[-1] for part, _ in full], [name for _, name in full])


def full_names(lex: lexicons.Lexicons, entity: speakers.Entity) -> list[tuple[str, ...]]:
    """Return the names of an entity that name a known person (people_by_family_name), none without a title."""
    if not any(set(t) & lex.roles or (len(t) == 1 and t[0].startswith("ال") and t[0].endswith("ي"))
               for t in entity.titles):
        return []
    return [part for part in entity.names if len(part) > 1 and all(name_words.is_name_part(lex, w) for w in part)]


def family_names(first: list[str], last: list[str], name: list[str]) -> dict[str, str]:
    """Return family name → canonical name from the full names of known people in corpus order (their first and
    last words, their canonical name): the first one given each family name that is no one's first name."""
    first_names = set(first)
    out: dict[str, str] = {}
    for family, canonical in zip(last, name, strict=True):
        if family not in first_names and len(family) > 2:
            out.setdefault(family, canonical)
    return out


def person_mentions(tokens: pd.DataFrame, person_names: dict[str, str], doc_start: dict[str, int],
                    known: dict[str, str | None] | None = None) -> pd.DataFrame:
    """Return mention rows (with their sentence row) for tokens that name a known speaker by (family) name.

    known: surface -> person (or None) already worked out, for calls on parts of one corpus (filled in here).
    """
    columns = [*MENTION_COLUMNS[:5], "row"]
    if tokens.empty or not person_names:
        return pd.DataFrame(columns=columns)
    surfaces = tokens["surface"].cat.categories
    known = {} if known is None else known
    # Every form of a word (mentions.forms: the word, or it less a proclitic) ends in the word's last two letters:
    # the words that end as no family name does name no one, and are not looked up.
    ends = {name[-2:] for name in person_names}
    values = surfaces.tolist()
    new = [surface for surface in values if surface not in known]
    for surface, norm in zip(new, normalize_all(new), strict=True):
        known[surface] = next((person_names[f] for f in mentions.forms(norm) if f in person_names),
                              None) if norm[-2:] in ends else None
    hits = [known[surface] for surface in values]
    is_hit = np.array([h is not None for h in hits], dtype=bool)
    codes = tokens["surface"].cat.codes.to_numpy()
    keep = np.flatnonzero(is_hit[codes])
    surface_codes = codes[keep]
    doc_codes = tokens["doc_id"].cat.codes.to_numpy()[keep]
    doc_cats = tokens["doc_id"].cat.categories
    sentence_ids = tokens["sentence_id"].to_numpy()[keep]
    starts = np.array([doc_start[d] for d in doc_cats], dtype=np.int64)[doc_codes]
    return pd.DataFrame({
        "doc_id": pd.Series(doc_cats[doc_codes], dtype="str"), "sentence_id": sentence_ids,
        "entity": pd.Series(np.array(hits, dtype=object)[surface_codes], dtype="str"), "kind": "person",
        "surface": pd.Series(surfaces[surface_codes], dtype="str"), "row": starts + sentence_ids - 1,
    }, columns=columns)


def mentions_frame(places: pa.Table, people: pd.DataFrame, speaker: np.ndarray, n_sentences: np.ndarray,
              doc_ids: pd.Series) -> pd.DataFrame:
    """Return gazetteer and person mentions with the speaker of their sentence, by doc_id then sentence."""
    if len(people):
        places = pa.concat_tables([places, pa.Table.from_pandas(people, preserve_index=False).cast(places.schema)])
    rows = places["row"].to_numpy()
    # Each row's document, then that document's rank by doc_id: the sort needs no string comparison.
    doc_of = np.searchsorted(np.cumsum(n_sentences), rows, side="right")
    doc_rank = np.empty(len(doc_ids), dtype=np.int64)
    doc_rank[np.argsort(doc_ids.to_numpy(dtype=object), kind="stable")] = np.arange(len(doc_ids))
    order = np.lexsort((places["sentence_id"].to_numpy(), doc_rank[doc_of]))
    sorted_columns = {}
    for name in MENTION_COLUMNS[:5]:  # one column at a time: the unsorted one goes before the next is copied
        sorted_columns[name] = places[name].take(order)
        places = places.drop_columns([name])
    frame = pa.table(sorted_columns).to_pandas()
    frame["speaker"] = pd.Series(speaker[rows[order]], dtype="str")
    return frame[MENTION_COLUMNS]


def speaker_rows(codes: np.ndarray, names: np.ndarray, docs: np.ndarray, quote: pd.Series, kept: np.ndarray,
                 aliases: pd.Series, traits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the speakers frame of the kept sentences, most quoted first: one row per speaker with sentence,
    document, direct and indirect counts (codes: each sentence's index into names; docs: its document code;
    quote: the quote column; aliases: speaker -> aliases; traits: speaker -> kind and gender)."""
    spoken = kept & (names != "")[codes] if len(names) else np.zeros(len(codes), dtype=bool)
    if not spoken.any():
        return _empty({"speaker": "str", "aliases": "str", "kind": "str", "gender": "str", "n_sentences": "int64",
                       "n_documents": "int64", "n_direct": "int64", "n_indirect": "int64"})
    who, doc, size = codes[spoken], docs[spoken], len(names)
    return speaker_frame(names, np.bincount(who, minlength=size), n_documents(who, doc, size),
                         np.bincount(who[(quote == "direct").to_numpy()[spoken]], minlength=size),
                         np.bincount(who[(quote == "indirect").to_numpy()[spoken]], minlength=size), aliases, traits)


def n_documents(who: np.ndarray, doc: np.ndarray, size: int) -> np.ndarray:
    """Return, per speaker code (size of them), the number of distinct documents among (who, doc) pairs."""
    span = int(doc.max()) + 1 if len(doc) else 1
    pairs = pd.unique(who.astype(np.int64) * span + doc)  # each distinct (speaker, document) once
    return np.bincount(pairs // span, minlength=size)


def speaker_frame(names: np.ndarray, n_sentences: np.ndarray, n_docs: np.ndarray, n_direct: np.ndarray,
                  n_indirect: np.ndarray, aliases: pd.Series, traits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the speakers frame of per-name counts (aliases: speaker -> aliases; traits: speaker -> kind and
    gender), most quoted first, without the names of no sentence."""
    frame = pd.DataFrame({"speaker": pd.Series(names, dtype="str"), "n_sentences": n_sentences,
                          "n_documents": n_docs, "n_direct": n_direct, "n_indirect": n_indirect})
    frame = frame[frame["n_sentences"] > 0]
    frame["aliases"] = aliases.reindex(frame["speaker"]).fillna("").to_numpy()
    for column in ("kind", "gender"):
        known = traits[column] if traits is not None and column in traits else pd.Series(dtype="str")
        frame[column] = known.reindex(frame["speaker"]).fillna("").to_numpy()
    frame = frame.sort_values(["n_sentences", "speaker"], ascending=[False, True], ignore_index=True)
    return frame[SPEAKER_COLUMNS]


def speaker_traits(speaker: np.ndarray | pd.Series, kind: np.ndarray | pd.Series, gender: np.ndarray | pd.Series,
                   weight: np.ndarray | None = None) -> pd.DataFrame:
    """Return speaker -> the kind and gender most of its sentences have (a person's gender only when one is seen
    more often than the other; a tie of kinds goes to the kind seen first), from rows in corpus order: sentences,
    or entities standing for `weight` sentences each (a dataset's summaries)."""
    rows = pd.DataFrame({"speaker": speaker, "kind": kind, "gender": gender,
                         "n": np.ones(len(speaker), dtype=np.int64) if weight is None else weight})
    rows = rows[rows["speaker"] != ""]
    if rows.empty:
        return pd.DataFrame({"kind": pd.Series(dtype="str"), "gender": pd.Series(dtype="str")})
    # Groups in order of first appearance; a stable sort by count keeps that order among ties.
    kinds = rows[rows["kind"] != ""].groupby(["speaker", "kind"], sort=False)["n"].sum().reset_index()
    kinds = kinds.sort_values("n", ascending=False, kind="stable").drop_duplicates("speaker").set_index("speaker")
    m, f = ((rows["n"] * (rows["gender"] == g)).groupby(rows["speaker"]).sum() for g in ("m", "f"))
    gender = pd.Series(np.where(m > f, "m", np.where(f > m, "f", "")), index=m.index)
    out = pd.DataFrame({"kind": kinds["kind"], "gender": gender}).fillna("")
    out.loc[out["kind"] != "person", "gender"] = ""
    return out


def _speakers(sents: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """Return one row per canonical speaker: aliases seen, kind, gender, sentence and document counts."""
    codes, names = pd.factorize(sents["speaker"])  # speakers as integers: counts are bincounts
    alias_lists = (aliases.drop_duplicates(["speaker", "alias"]).groupby("speaker", sort=False)["alias"]
                   .agg(" | ".join))
    return speaker_rows(codes, np.asarray(names, dtype=object), pd.factorize(sents["doc_id"])[0], sents["quote"],
                        np.ones(len(sents), dtype=bool), alias_lists,
                        # the columns as they are: grouped by Arrow, not as Python strings
                        speaker_traits(*(sents[c] for c in ("speaker", "speaker_kind", "speaker_gender"))))


def build_paths(paths: Iterable[str | Path], progress: Progress | None = None, *, workers: int | None = None) -> Frames:
    """Return the frames of the corpus at paths, with the warnings met while reading it.

    The workers start before the corpus is read (sized by the files' bytes), so that none of them holds a
    copy of it.
    """
    from qawl import articles

    paths = list(paths)
    size = articles.size_of(files(paths))
    with articles.pool(size.workers if workers is None else workers) as pool:
        return build_analysis(articles.analyse_paths(paths, size, pool), progress)


def build_analysis(analysis: articles.Analysis, progress: Progress | None = None, ready: Ready | None = None
                   ) -> Frames:
    """Return the frames of a corpus under analysis (articles.analyse_paths), the texts freed as it goes.

    ready, when given, gets each frame (name, frame) as soon as it is complete (tokens, themes, documents,
    sentences, statements, repeats), while the others are still being assembled: the command line writes them
    meanwhile.
    """
    return _build(analysis, progress, keep_texts=False, ready=ready)
