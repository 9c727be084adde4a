"""Building the frames (documents, sentences, speakers, themes, tokens, mentions) of a corpus.

Articles are analysed in chunks, in worker processes for large corpora. A chunk comes back as Arrow
tables (cheap to pickle, no Python string per cell) and the speaker names, which need the whole corpus,
are filled in at the end with array lookups.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, compress
from operator import attrgetter, itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from qawl import attribution, cues, mentions, sentences, speakers, speech, themes
from qawl import names as name_words
from qawl.corpus import Document, documents, files, parse_dates
from qawl.memo import Memo
from qawl.normalize import normalize, presentation_forms
from qawl.terms import is_stopword, term
from qawl.tokenize import words

FRAME_NAMES = ("documents", "sentences", "speakers", "themes", "tokens", "mentions")
_PARALLEL_CHARS = 4_000_000  # below this a second process costs more than it saves
_CHUNK_CHARS = 1_000_000  # text per chunk: bounds a worker's memory and paces progress reports
_MAX_WORKERS = 4
_MIN_CHUNKS = 32
_TRIM_EVERY = 8  # chunks
_TITLE_CHARS = 80

SENTENCE_COLUMNS = ["doc_id", "sentence_id", "text", "speaker", "speaker_mention", "cue", "attribution", "quote",
                    "date", "paragraph", "boilerplate", "n_words"]
SPEAKER_COLUMNS = ["speaker", "aliases", "n_sentences", "n_documents", "n_direct", "n_indirect"]
TOKEN_COLUMNS = ["doc_id", "sentence_id", "surface", "term"]
MENTION_COLUMNS = ["doc_id", "sentence_id", "entity", "kind", "surface", "speaker"]

Progress = Callable[[int, int], None]


@dataclass
class Frames:
    """Every frame of one corpus, plus the warnings met while reading it."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    speakers: pd.DataFrame
    themes: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """Return (name, frame) pairs in contract order."""
        return [(name, getattr(self, name)) for name in FRAME_NAMES]


@dataclass
class _Article:
    """What one article yields before corpus-wide speaker names are known."""

    doc: Document
    sentences: list[sentences.Sentence]
    attributions: list[attribution.Attribution]
    entity_of: list[int]  # per sentence: index into entities, -1 when nobody
    entities: list[speakers.Entity]
    tokens: tuple[list[int], list[str], list[str]]  # (sentence id, surface, term) columns
    themes: list[tuple[int, str, str]]  # (sentence index, theme, matched terms)
    places: list[tuple[int, str, str, str]]  # (sentence index, entity, kind, surface)
    n_words: list[int]  # words per sentence (0 for boilerplate)


# Per written word: (search form, keyword term or None for a stop word). Words repeat (Zipf), so a sentence
# costs a dict lookup per word. The written words that may start a gazetteer name or are a theme term are
# gathered too: sentences holding none of them (most) skip those matchers, which would find nothing there.
_MAY_NAME: set[str] = set()
_THEMED: set[str] = set()
_KEYED: set[str] = set()  # written words attribution acts on (a cue, a title …): speech.has_key_word


def _learn(written: str) -> tuple[str, str | None]:
    """Return what analyse needs to know of a written word."""
    gazetteer = mentions.gazetteer_index()
    if written.isascii() and written.isdigit():
        # News is full of numbers, most of them seen once: a stop word with no cue, no clitic and no theme,
        # already in its normalized form. Only the gazetteer might start a name with one.
        if written in gazetteer:
            _MAY_NAME.add(written)
        return written, None
    norm = normalize(written)
    number = written.isdigit()  # Arabic-Indic digits
    keyword = None if number or is_stopword(written) else term(written)
    theme_index = themes.index()
    if any(f in gazetteer for f in mentions.forms(norm)):
        _MAY_NAME.add(written)
    if keyword is not None and (keyword in theme_index.single or keyword in theme_index.phrases):
        _THEMED.add(written)
    if not number and speech.has_key_word(written):
        _KEYED.add(written)
    return norm, keyword


_WORDS: Memo[str, tuple[str, str | None]] = Memo(_learn)
_FORM, _KEYWORD = itemgetter(0), itemgetter(1)  # of a _WORDS value


def analyse(doc: Document) -> _Article:
    """Return the sentences, attributions, entities, tokens, themes and gazetteer hits of one article."""
    # Presentation forms (PDF copy-paste) break search and may not leave Qawl: letters in every frame.
    text = presentation_forms(doc.text)
    sents = sentences.split(text)
    known = _WORDS
    said = [words(s.text) for s in sents]  # boilerplate too: name completion reads the whole article
    info_of = [[known[w] for w in written] for written in said]  # learns every new word first
    written_of = [written if not s.boilerplate else [] for s, written in zip(sents, said, strict=True)]
    # Most sentences hold a cue or a title; the rest (and no colon) attribution passes over untokenized.
    keyed = [not _KEYED.isdisjoint(written) or cues.COLON in s.text
             for s, written in zip(sents, written_of, strict=True)]
    attrs = attribution.attribute(sents, keyed)
    spoken = [(a.mention, a.apposition) for a in attrs if a.attribution != "none"]
    article_words = (list(chain.from_iterable(said)), list(map(_FORM, chain.from_iterable(info_of))))
    indices, entities = speakers.resolve_article(spoken, words=article_words)
    it = iter(indices)
    entity_of = [next(it) if a.attribution != "none" else -1 for a in attrs]
    tok_sentence, tok_surface, tok_term = [], [], []
    theme_rows, places = [], []
    n_words = [len(written) for written in written_of]
    gazetteer, theme_index = mentions.gazetteer_index(), themes.index()
    for i, (written, info) in enumerate(zip(written_of, info_of, strict=True)):
        if not written:
            continue
        keywords = list(map(_KEYWORD, info))
        stems = list(compress(keywords, keywords))  # the keywords but None
        if stems:
            tok_surface.extend(compress(written, keywords))  # a keyword is never "": None alone is falsy
            tok_term.extend(stems)
            tok_sentence.extend([i + 1] * len(stems))  # sentence ids count from 1
        if not _THEMED.isdisjoint(written):
            for theme, matched in themes.match(stems, _positions(stems, theme_index.keys)).items():
                theme_rows.append((i, theme, " | ".join(matched)))
        if not _MAY_NAME.isdisjoint(written):
            for entity, kind, pos in mentions.find(list(map(_FORM, info)), gazetteer, _positions(written, _MAY_NAME)):
                places.append((i, entity, kind, written[pos]))
    return _Article(doc, sents, attrs, entity_of, entities, (tok_sentence, tok_surface, tok_term), theme_rows, places,
                    n_words)


def _positions(items: list[str], wanted: set[str] | frozenset[str]) -> list[int]:
    """Return the positions of the items in wanted (a loop in C)."""
    return list(compress(range(len(items)), map(wanted.__contains__, items)))


def _title(doc: Document, sents: list[sentences.Sentence]) -> str:
    if doc.title:
        return presentation_forms(doc.title)
    first = next((s.text for s in sents if not s.boilerplate), doc.doc_id)
    return first if len(first) <= _TITLE_CHARS else first[:_TITLE_CHARS].rsplit(" ", 1)[0] + " …"


@dataclass
class _Chunk:
    """A run of articles as columns; speaker entities are numbered within the chunk (-1 for nobody)."""

    titles: list[str]
    n_sentences: list[int]
    entities: list[list[speakers.Entity]]  # per article
    sentences: pa.Table  # the sentence columns but speaker and date, plus `entity`
    aliases: pa.Table  # entity, alias, doc_id: how explicit attributions wrote each source
    tokens: pa.Table
    themes: pa.Table
    places: pa.Table  # doc_id, sentence_id, entity, kind, surface, row (the sentence's row in the chunk)


_TEXT, _PARAGRAPH, _BOILERPLATE = attrgetter("text"), attrgetter("paragraph"), attrgetter("boilerplate")
_MENTION, _CUE, _ATTRIBUTION, _QUOTE = (attrgetter(f) for f in ("mention", "cue", "attribution", "quote"))


def _dictionary(values: list[str]) -> pa.Array:
    return pa.array(values, pa.large_string()).dictionary_encode()


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cycle collector: the analysis makes millions of short-lived tuples and no cycles, and each
    collection would walk every live object (the word memos, the chunk so far) for nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _analyse_chunk(docs: list[Document]) -> _Chunk:
    """Return the analysis of consecutive articles as Arrow columns."""
    with _no_cycle_collection():
        return _columns(docs)


def _columns(docs: list[Document]) -> _Chunk:
    s_doc, s_id, s_text, s_entity, s_mention, s_cue, s_attr, s_quote, s_par, s_boiler = ([] for _ in range(10))
    s_words: list[int] = []
    a_entity, a_alias, a_doc = [], [], []
    t_doc, t_count, t_id, t_surface, t_term = [], [], [], [], []  # t_doc, t_count: documents with tokens
    th_doc, th_id, th_theme, th_terms = [], [], [], []
    p_doc, p_id, p_entity, p_kind, p_surface, p_row = [], [], [], [], [], []
    titles, counts, entities = [], [], []
    n_entities = 0
    for doc in docs:
        art = analyse(doc)
        doc_id, n, row0 = doc.doc_id, len(art.sentences), len(s_id)
        titles.append(_title(doc, art.sentences))
        counts.append(n)
        entities.append(art.entities)
        s_doc.extend([doc_id] * n)
        s_id.extend(range(1, n + 1))
        s_words.extend(art.n_words)
        sents, attrs = art.sentences, art.attributions
        for column, values, field_of in ((s_text, sents, _TEXT), (s_par, sents, _PARAGRAPH),
                                         (s_boiler, sents, _BOILERPLATE), (s_mention, attrs, _MENTION),
                                         (s_cue, attrs, _CUE), (s_attr, attrs, _ATTRIBUTION), (s_quote, attrs, _QUOTE)):
            column.extend(map(field_of, values))  # a loop in C per column
        s_entity.extend([k + n_entities if k >= 0 else -1 for k in art.entity_of])
        for a, k in zip(attrs, art.entity_of, strict=True):
            if k >= 0 and a.attribution == "explicit":
                for alias in (a.mention, a.apposition) if a.apposition else (a.mention,):
                    a_entity.append(k + n_entities)
                    a_alias.append(alias)
                    a_doc.append(doc_id)
        n_entities += len(art.entities)
        sentence_ids, surfaces, terms = art.tokens
        if surfaces:
            t_doc.append(doc_id)
            t_count.append(len(surfaces))
        t_id.extend(sentence_ids)
        t_surface.extend(surfaces)
        t_term.extend(terms)
        for i, theme, matched in art.themes:
            th_doc.append(doc_id)
            th_id.append(i + 1)
            th_theme.append(theme)
            th_terms.append(matched)
        for i, entity, kind, surface in art.places:
            p_doc.append(doc_id)
            p_id.append(i + 1)
            p_entity.append(entity)
            p_kind.append(kind)
            p_surface.append(surface)
            p_row.append(row0 + i)
    # large_string is what pandas' str dtype holds: the frames take these buffers without a copy.
    string, int64 = pa.large_string(), pa.int64()
    return _Chunk(
        titles=titles,
        n_sentences=counts,
        entities=entities,
        sentences=pa.table({
            "doc_id": pa.array(s_doc, string), "sentence_id": pa.array(s_id, int64), "text": pa.array(s_text, string),
            "entity": pa.array(s_entity, int64), "speaker_mention": pa.array(s_mention, string),
            "cue": pa.array(s_cue, string), "attribution": pa.array(s_attr, string),
            "quote": pa.array(s_quote, string), "paragraph": pa.array(s_par, int64),
            "boilerplate": pa.array(s_boiler, string), "n_words": pa.array(s_words, int64),
        }),
        aliases=pa.table({"entity": pa.array(a_entity, int64), "alias": pa.array(a_alias, string),
                          "doc_id": pa.array(a_doc, string)}),
        # 32-bit sentence ids: the tokens frame is the longest (16M rows at 1M sentences).
        tokens=pa.table({"doc_id": pa.DictionaryArray.from_arrays(  # the dictionary encoding, made directly
                             np.repeat(np.arange(len(t_doc), dtype=np.int32), t_count), pa.array(t_doc, string)),
                         "sentence_id": pa.array(t_id, pa.int32()),
                         "surface": _dictionary(t_surface), "term": _dictionary(t_term)}),
        themes=pa.table({"doc_id": pa.array(th_doc, string), "sentence_id": pa.array(th_id, int64),
                         "theme": pa.array(th_theme, string), "terms": pa.array(th_terms, string)}),
        places=pa.table({"doc_id": pa.array(p_doc, string), "sentence_id": pa.array(p_id, int64),
                         "entity": pa.array(p_entity, string), "kind": pa.array(p_kind, string),
                         "surface": pa.array(p_surface, string), "row": pa.array(p_row, int64)}),
    )


def _runs(docs: Iterable[Document], size: int, seen: list[Document]) -> Iterator[list[Document]]:
    """Yield docs in consecutive runs of about size characters each, appending every document to seen."""
    run: list[Document] = []
    chars = 0
    for doc in docs:
        seen.append(doc)
        run.append(doc)
        chars += len(doc.text)
        if chars >= size:
            yield run
            run, chars = [], 0
    if run:
        yield run


def _workers_for(chars: int, n_docs: int) -> int:
    """Return how many processes are worth using for a corpus: 1 for small ones, else the usable cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if n_docs < 2 or chars < _PARALLEL_CHARS:
        return 1
    if _context().get_start_method() != "fork" and threading.active_count() > 1:
        return 1  # a spawned worker would re-run a Streamlit app's script: stay in this process
    return max(1, min(cores, _MAX_WORKERS))


def _context() -> multiprocessing.context.BaseContext:
    # Fork, where the platform has it: workers inherit the loaded modules and lexicons. Spawn and
    # forkserver workers re-run the main script first, and under Streamlit that script is the app.
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """Yield a pool of `workers` processes, started at once (None for one worker: this process does the work).

    Started before the corpus is read, the workers inherit none of it: a forked worker keeps every page it
    inherited for as long as it runs, even the ones this process frees meanwhile.
    """
    if workers <= 1:
        yield None
        return
    pool = ProcessPoolExecutor(workers, mp_context=_context())
    try:
        pool.submit(int).result()  # the first task forks (or spawns) every worker
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def _analyse_all(docs: Iterable[Document], chars: int, seen: list[Document], progress: Progress | None,
                 pool: ProcessPoolExecutor | None, *, keep_texts: bool = True) -> Iterator[_Chunk]:
    """Yield the chunks of docs in corpus order, analysed by the pool's workers (without a pool: this process).

    docs may be a stream still being read: with a pool, each chunk goes to the workers as soon as it is read,
    so they analyse while this process reads on. Every document lands in seen; chars sizes the chunks.
    keep_texts=False empties each document's text once its chunk is analysed (no frame holds it).
    """
    # Many chunks (16 per worker on 2 cores): when the last one is analysed the other workers are not idle long.
    read = _runs(docs, min(_CHUNK_CHARS, max(1, chars // _MIN_CHUNKS)), seen)
    runs: list[list[Document]] = []
    if pool:  # map submits every chunk as soon as it is read
        results: Iterable[_Chunk] = pool.map(_analyse_chunk, (runs.append(run) or run for run in read))
    else:
        runs = list(read)
        results = map(_analyse_chunk, runs)
    if not runs:  # an empty corpus still yields one (empty) chunk, so every frame gets its columns and dtypes
        runs, results = [[]], [_analyse_chunk([])]
    done = 0
    try:
        for k, (run, chunk) in enumerate(zip(runs, results, strict=True)):
            done += len(run)
            if not keep_texts:
                for doc in run:
                    doc.text = ""
            if progress:
                progress(done, len(seen))
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
    chars = sum(len(d.text) for d in docs)
    with _pool(_workers_for(chars, len(docs)) if workers is None else workers) as started:
        return _build(docs, chars, progress, warnings, keep_texts, started)


def _build(stream: Iterable[Document], chars: int, progress: Progress | None, warnings: list[str] | None,
           keep_texts: bool, pool: ProcessPoolExecutor | None) -> Frames:
    docs: list[Document] = []  # filled as the stream is read
    per_article: list[list[speakers.Entity]] = []
    titles: list[str] = []
    counts: list[int] = []
    tables: dict[str, list[pa.Table]] = {"sentences": [], "aliases": [], "places": [], "themes": []}
    tokens = _TokenCodes()
    n_entities = n_rows = 0
    for chunk in _analyse_all(stream, chars, docs, progress, pool, keep_texts=keep_texts):
        # Chunk-local entity numbers and sentence rows become corpus-wide ones.
        tables["sentences"].append(_shift(chunk.sentences, "entity", n_entities))
        tables["aliases"].append(_shift(chunk.aliases, "entity", n_entities))
        tables["places"].append(_shift(chunk.places, "row", n_rows))
        tables["themes"].append(chunk.themes)
        tokens.add(chunk.tokens)
        per_article.extend(chunk.entities)
        titles.extend(chunk.titles)
        counts.extend(chunk.n_sentences)
        n_entities += sum(len(e) for e in chunk.entities)
        n_rows += chunk.sentences.num_rows
    if pool is not None:
        pool.shutdown()  # its work is done: the workers' memory is freed before the frames are assembled
    names = speakers.canonical_names(per_article)
    person_names = _person_names(per_article, names)
    per_article.clear()  # the entities' objects (hundreds of MB at 1M sentences) go before the frames are made
    _release_freed_memory()
    sents, aliases = _concat(tables.pop("sentences")), _concat(tables.pop("aliases"))
    places, themes_frame = pa.concat_tables(tables.pop("places")), _concat(tables.pop("themes"))
    # -1 (nobody) picks the trailing "" of this lookup.
    speaker_of = np.array([*(name for row in names for name in row), ""], dtype=object)
    speaker = speaker_of[sents["entity"].to_numpy(dtype=np.int64)]
    aliases["speaker"] = speaker_of[aliases["entity"].to_numpy(dtype=np.int64)]

    n_sentences = np.array(counts, dtype=np.int64)
    documents = _documents(docs, titles, n_sentences, parse_dates(d.date for d in docs))
    sents["speaker"] = pd.Series(speaker, dtype="str", index=sents.index)
    sents["date"] = np.repeat(documents["date"].to_numpy(), n_sentences)
    sentences_frame = sents[SENTENCE_COLUMNS]
    tokens_frame = tokens.frame()
    doc_start = dict(zip(documents["doc_id"], (np.cumsum(n_sentences) - n_sentences).tolist(), strict=True))
    people = _person_mentions(tokens_frame, person_names, doc_start)
    frames = Frames(
        documents=documents,
        sentences=sentences_frame,
        speakers=_speakers(sentences_frame, aliases),
        themes=themes_frame,
        tokens=tokens_frame,
        mentions=_mentions(places, people, speaker, n_sentences, documents["doc_id"]),
        warnings=list(warnings or []),
    )
    pa.default_memory_pool().release_unused()
    return frames


def _documents(docs: list[Document], titles: list[str], n_sentences: np.ndarray, dates: pd.Series) -> pd.DataFrame:
    """Return one row per document: id, title, date, source, sentence count and its metadata columns."""
    if not docs:
        return _empty({"doc_id": "str", "title": "str", "date": "datetime64[us]", "source": "str",
                       "n_sentences": "int64"})
    rows = [{"doc_id": d.doc_id, "title": t, "date": None, "source": d.source, "n_sentences": int(n), **d.meta}
            for d, t, n in zip(docs, titles, n_sentences, strict=True)]
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(dates.to_numpy())
    return frame


def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    """Return a frame without rows whose columns have the given dtypes."""
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})


def _person_names(per_article: list, canonical: list[list[str]]) -> dict[str, str]:
    """Return family name → canonical name for the people known by a full name and a title: every word of the
    name a name word (a phrase that ran into a noun, أحد الصبيان، تغريدة أخرى, is left out), a title or
    adjective seen with it (الرئيس، القازاقي), and the family name never a first name elsewhere (محمد)."""
    full = [(part, name) for ents, canon in zip(per_article, canonical, strict=True)
            for e, name in zip(ents, canon, strict=True)
            if any(set(t) & name_words.roles() or (len(t) == 1 and t[0].startswith("ال") and t[0].endswith("ي"))
                   for t in e.titles)
            for part in e.names if len(part) > 1 and all(name_words.is_name_part(w) for w in part)]
    first_names = {part[0] for part, _ in full}
    out: dict[str, str] = {}
    for part, name in full:
        if part[-1] not in first_names and len(part[-1]) > 2:
            out.setdefault(part[-1], name)
    return out


def _person_mentions(tokens: pd.DataFrame, person_names: dict[str, str], doc_start: dict[str, int]) -> pd.DataFrame:
    """Return mention rows (with their sentence row) for tokens that name a known speaker by (family) name."""
    columns = [*MENTION_COLUMNS[:5], "row"]
    if tokens.empty or not person_names:
        return pd.DataFrame(columns=columns)
    surfaces = tokens["surface"].cat.categories
    hits = [next((person_names[f] for f in mentions.forms(normalize(s)) if f in person_names), None)
            for s in surfaces]
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


def _mentions(places: pa.Table, people: pd.DataFrame, speaker: np.ndarray, n_sentences: np.ndarray,
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
                 aliases: pd.Series) -> pd.DataFrame:
    """Return the speakers frame of the kept sentences, most quoted first: one row per speaker with sentence,
    document, direct and indirect counts (codes: each sentence's index into names; docs: its document code;
    quote: the quote column; aliases: speaker -> aliases)."""
    spoken = kept & (names != "")[codes] if len(names) else np.zeros(len(codes), dtype=bool)
    if not spoken.any():
        return _empty({"speaker": "str", "aliases": "str", "n_sentences": "int64", "n_documents": "int64",
                       "n_direct": "int64", "n_indirect": "int64"})
    who, doc, size = codes[spoken], docs[spoken], len(names)
    span = int(doc.max()) + 1
    pairs = pd.unique(who.astype(np.int64) * span + doc)  # each distinct (speaker, document) once
    frame = pd.DataFrame({
        "speaker": pd.Series(names, dtype="str"),
        "n_sentences": np.bincount(who, minlength=size),
        "n_documents": np.bincount(pairs // span, minlength=size),
        "n_direct": np.bincount(who[(quote == "direct").to_numpy()[spoken]], minlength=size),
        "n_indirect": np.bincount(who[(quote == "indirect").to_numpy()[spoken]], minlength=size),
    })
    frame = frame[frame["n_sentences"] > 0]
    frame["aliases"] = aliases.reindex(frame["speaker"]).fillna("").to_numpy()
    frame = frame.sort_values(["n_sentences", "speaker"], ascending=[False, True], ignore_index=True)
    return frame[SPEAKER_COLUMNS]


def _speakers(sents: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """Return one row per canonical speaker: aliases seen, sentence and document counts."""
    codes, names = pd.factorize(sents["speaker"])  # speakers as integers: counts are bincounts
    alias_lists = (aliases.drop_duplicates(["speaker", "alias"]).groupby("speaker", sort=False)["alias"]
                   .agg(" | ".join))
    return speaker_rows(codes, np.asarray(names, dtype=object), pd.factorize(sents["doc_id"])[0], sents["quote"],
                        np.ones(len(sents), dtype=bool), alias_lists)


def build_paths(paths: Iterable[str | Path], progress: Progress | None = None, *, workers: int | None = None) -> Frames:
    """Return the frames of the corpus at paths, with the warnings met while reading it.

    The workers start before the corpus is read (sized by the files' bytes, about two per Arabic letter),
    so that none of them holds a copy of it.
    """
    paths = list(paths)
    found = files(paths)
    chars = sum(size for _, _, size, _ in found) // 2
    warned: list[str] = []
    with _pool(_workers_for(chars, len(found)) if workers is None else workers) as pool:
        # With workers, the articles are analysed as they are read; alone, read first (for a known total).
        stream = documents(paths, warn=warned.append)
        return _build(stream if pool else list(stream), chars, progress, warned, False, pool)
