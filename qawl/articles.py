"""Analysing articles: sentences, speakers, tokens, themes and gazetteer hits, a chunk of articles at a time.

This is the work a build's processes share, so it imports no pandas: the command line starts the workers
(they load the lexicons and the stemmer), reads the corpus to them, and imports pandas only then, while they
analyse. A chunk comes back as Arrow tables (cheap to pickle, no Python string per cell); frames.py makes
the corpus-wide frames of the chunks.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, compress, count, repeat
from operator import attrgetter, itemgetter, not_
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pyarrow as pa

try:
    import fcntl
except ImportError:  # not on Windows: the pipes keep their size
    fcntl = None  # type: ignore[assignment]

from qawl import attribution, cues, dictionary, lexicons, mentions, sentences, signatures, speakers, themes, turns
from qawl.corpus import META_NAME, Document, documents
from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize, presentation_forms
from qawl.sources import PERSON
from qawl.terms import is_stopword, term
from qawl.tokenize import positions, tokens, written_words

_PARALLEL_CHARS = 4_000_000  # below this a second process costs more than it saves
_CHUNK_CHARS = 1_000_000  # text per chunk: bounds a worker's memory and paces progress reports
_MIN_CHUNKS = 32
_AHEAD = 8  # runs at the workers ahead of the one awaited: a few per worker, so none waits for this process
_MAX_WORKERS = 4
_TITLE_CHARS = 80
_PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): the signal a process gets when its parent dies
_PARENT_CHECK_SECONDS = 1.0
_PIPE_BYTES = 1 << 20  # Linux's default limit for a pipe an unprivileged process widens (fs.pipe-max-size)
# Analysed once in each new worker: it loads the lexicons, their indexes and the stemmer.
_WARM_UP = Document("warm-up", "وقال الوزير في بيان إن التعاون مع الحكومة مهم.")


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
    said: list[list[str]]  # the written words of each sentence (boilerplate too)


class _WordFacts:
    """What analyse needs to know of each written word, learned once per lexicon.

    Per written word: (search form, keyword term or None for a stop word). Words repeat (Zipf), so a sentence
    costs a dict lookup per word. The written words that may start a gazetteer name or are a theme term are
    gathered too: sentences holding none of them (most) skip those matchers, which would find nothing there.
    """

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex
        self.gazetteer = mentions.gazetteer_index(lex)
        self.themes = themes.index(lex)
        self.may_name: set[str] = set()
        self.themed: set[str] = set()
        self.keyed: set[str] = set()  # written words attribution acts on (a cue, a title …): turns.has_key_word
        self.words: Memo[str, tuple[str, str | None]] = Memo(self._learn)

    def _learn(self, written: str) -> tuple[str, str | None]:
        """Return what analyse needs to know of a written word."""
        gazetteer = self.gazetteer
        if written.isascii() and written.isdigit():
            # News is full of numbers, most of them seen once: a stop word with no cue, no clitic and no theme,
            # already in its normalized form. Only the gazetteer might start a name with one.
            if written in gazetteer:
                self.may_name.add(written)
            return written, None
        lex = self.lex
        norm = normalize(written)
        number = written.isdigit()  # Arabic-Indic digits
        keyword = None if number or is_stopword(written, lex) else term(written, lex)
        if not gazetteer.keys().isdisjoint(mentions.forms(norm)):
            self.may_name.add(written)
        if keyword is not None and (keyword in self.themes.single or keyword in self.themes.phrases):
            self.themed.add(written)
        if not number and turns.has_key_word(lex, written):
            self.keyed.add(written)
        return norm, keyword


_FORM, _KEYWORD = itemgetter(0), itemgetter(1)  # of a _WordFacts.words value
_TEXT, _PARAGRAPH, _BOILERPLATE = attrgetter("text"), attrgetter("paragraph"), attrgetter("boilerplate")
_MENTION, _CUE, _ATTRIBUTION, _QUOTE = (attrgetter(f) for f in ("mention", "cue", "attribution", "quote"))


def _verb_gender(agrees: frozenset[tuple[str, str]]) -> str:
    """Return the one gender the cue's forms allow (وقال ماكرون: m), or "": the gender a source turns out to be a
    person by (ماكرون after إيمانويل ماكرون) when its words told none. Entity.gender reads it for persons only."""
    genders = {g for g, _ in agrees}
    return genders.pop() if len(genders) == 1 else ""


class _ArticleWords:
    """An article's words as written and normalized (speakers.ArticleWords), joined when first unpacked: name
    completion reads them in about half the articles only."""

    def __init__(self, said: list[list[str]], info_of: list[list[tuple[str, str | None]]]) -> None:
        self.said, self.info_of = said, info_of
        self.joined: tuple[list[str], list[str]] | None = None

    def __iter__(self) -> Iterator[list[str]]:
        if self.joined is None:
            self.joined = (list(chain.from_iterable(self.said)), list(map(_FORM, chain.from_iterable(self.info_of))))
        return iter(self.joined)


def analyse(doc: Document, lex: Lexicons | None = None) -> _Article:
    """Return the sentences, attributions, entities, tokens, themes and gazetteer hits of one article."""
    lex = lex or lexicons.current()
    facts = lex.derived("article_words", _WordFacts)
    # Presentation forms (PDF copy-paste) break search and may not leave Qawl: letters in every frame.
    text = doc.text if doc.plain else presentation_forms(doc.text)
    sents = sentences.split(text)
    known = facts.words.__getitem__  # learns a new word first
    toks = list(map(tokens, map(_TEXT, sents)))  # cut once for the words here and for attribution
    said = list(map(written_words, toks))  # boilerplate too: name completion reads the whole article
    info_of = [list(map(known, written)) for written in said]
    written_of = [written if not s.boilerplate else [] for s, written in zip(sents, said, strict=True)]
    # Most sentences hold a cue or a title; the rest (and no colon) attribution passes over untokenized.
    keyed = [not facts.keyed.isdisjoint(written) or cues.COLON in s.text
             for s, written in zip(sents, written_of, strict=True)]
    attrs = attribution.attribute(lex, sents, keyed, toks)
    # Every titled person the article names introduces a title with a name (بحضور معالي مستشار … الدكتور فلان);
    # the sources come after them, so that a bare title finds the person it was given to.
    spoken, evidence, speaks, handed, sentence_of = [], [], [], [], []
    for at, (a, cut) in enumerate(zip(attrs, toks, strict=True)):
        for person, title in zip(a.people, a.titled, strict=True):
            spoken.append((person, title))  # الدكتورة فلانة، وزيرة الثقافة،: the title the article calls her by
            evidence.append(("", ""))
            speaks.append(False)
            handed.append(False)
            sentence_of.append(at)
        if a.attribution != "none":
            sentence_of.append(at)
            spoken.append((a.mention, a.apposition))
            # a headline's source (تيتيه أمام مجلس الأمن: …) has no verb whose form shows a gender
            evidence.append((a.kind, a.gender or (_verb_gender(a.agrees) if a.cue or a.attribution != "explicit"
                                                  else "")))
            speaks.append(True)
            handed.append(a.attribution == "explicit" and turns.opens_new_turn(lex, cut))
    article_words = _ArticleWords(said, info_of)
    tokenized = list(zip(map(_TEXT, sents), toks, strict=True))
    indices, entities = speakers.resolve_article(lex, spoken, words=article_words, evidence=evidence, speaks=speaks,
                                                 turns=handed, tokenized=tokenized, sentence_of=sentence_of)
    it = iter(k for k, said in zip(indices, speaks, strict=True) if said)
    entity_of = [next(it) if a.attribution != "none" else -1 for a in attrs]
    n_words = list(map(len, written_of))
    # The story's tokens as three columns, made for the whole article at once (loops in C): its keywords (None,
    # a stop word, is falsy; a keyword is never ""), the words that wrote them and their sentence ids (from 1).
    keywords = list(map(_KEYWORD, chain.from_iterable(compress(info_of, written_of))))
    tok_surface = list(compress(chain.from_iterable(written_of), keywords))
    tok_term = list(compress(keywords, keywords))
    tok_sentence = list(compress(chain.from_iterable(map(repeat, count(1), n_words)), keywords))
    theme_rows, places = [], []
    gazetteer, theme_index = facts.gazetteer, facts.themes
    # Few sentences hold a theme term or may start a gazetteer name: the rest are passed over at once.
    for i in _holding(facts.themed, written_of):
        stems = [k for k in map(_KEYWORD, info_of[i]) if k]
        for theme, matched in themes.match(theme_index, stems, positions(stems, theme_index.keys)).items():
            theme_rows.append((i, theme, " | ".join(matched)))
    for i in _holding(facts.may_name, written_of):
        written = written_of[i]
        starts = positions(written, facts.may_name)
        for entity, kind, pos in mentions.find(list(map(_FORM, info_of[i])), gazetteer, starts):
            places.append((i, entity, kind, written[pos]))
    return _Article(doc, sents, attrs, entity_of, entities, (tok_sentence, tok_surface, tok_term), theme_rows, places,
                    n_words, said)


def _holding(wanted: set[str], written_of: list[list[str]]) -> list[int]:
    """Return the indices of the sentences (given as their written words) that hold a word of wanted."""
    return list(compress(count(), map(not_, map(wanted.isdisjoint, written_of))))


def _title(doc: Document, sents: list[sentences.Sentence]) -> str:
    if doc.title:
        return presentation_forms(doc.title)
    first = next((s.text for s in sents if not s.boilerplate), doc.doc_id)
    return first if len(first) <= _TITLE_CHARS else first[:_TITLE_CHARS].rsplit(" ", 1)[0] + " …"


@dataclass
class Chunk:
    """A run of articles as columns; speaker entities are numbered within the chunk (-1 for nobody)."""

    titles: list[str]
    n_sentences: list[int]
    entities: list[list[speakers.Entity]]  # per article
    sentences: pa.Table  # the sentence columns but speaker and date, plus `entity`
    aliases: pa.Table  # entity, alias, doc_id: how explicit attributions wrote each source
    tokens: pa.Table
    themes: pa.Table
    places: pa.Table  # doc_id, sentence_id, entity, kind, surface, row (the sentence's row in the chunk)
    signatures: pa.Table  # row (in the chunk), key, bands of its reported sentences: signatures.sketch




def _dictionary(values: list[str]) -> pa.Array:
    # Encoded as Arrow converts the strings (the codes of dictionary_encode, without a string array first).
    return pa.array(values, pa.dictionary(pa.int32(), pa.large_string()))


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


def analyse_chunk(docs: list[Document]) -> Chunk:
    """Return the analysis of consecutive articles as Arrow columns."""
    with _no_cycle_collection():
        return _columns(docs, lexicons.current())


def _columns(docs: list[Document], lex: Lexicons) -> Chunk:
    s_doc, s_id, s_text, s_entity, s_mention, s_cue, s_attr, s_quote, s_par, s_boiler = ([] for _ in range(10))
    s_kind: list[str] = []
    s_gender: list[str] = []
    s_words: list[int] = []
    s_said: list[list[str]] = []
    a_entity, a_alias, a_doc = [], [], []
    t_doc, t_count, t_id, t_surface, t_term = [], [], [], [], []  # t_doc, t_count: documents with tokens
    th_doc, th_id, th_theme, th_terms = [], [], [], []
    p_doc, p_id, p_entity, p_kind, p_surface, p_row = [], [], [], [], [], []
    titles, counts, entities = [], [], []
    n_entities = 0
    for doc in docs:
        art = analyse(doc, lex)
        doc_id, n, row0 = doc.doc_id, len(art.sentences), len(s_id)
        titles.append(_title(doc, art.sentences))
        counts.append(n)
        entities.append(art.entities)
        s_doc.extend([doc_id] * n)
        s_id.extend(range(1, n + 1))
        s_words.extend(art.n_words)
        s_said.extend(art.said)
        sents, attrs = art.sentences, art.attributions
        for column, values, field_of in ((s_text, sents, _TEXT), (s_par, sents, _PARAGRAPH),
                                         (s_boiler, sents, _BOILERPLATE), (s_mention, attrs, _MENTION),
                                         (s_cue, attrs, _CUE), (s_attr, attrs, _ATTRIBUTION), (s_quote, attrs, _QUOTE)):
            column.extend(map(field_of, values))  # a loop in C per column
        s_entity.extend([k + n_entities if k >= 0 else -1 for k in art.entity_of])
        kinds = [e.kind() for e in art.entities]
        # Entity.gender works out the kind again, and has none but a person's: asked of persons only.
        genders = [e.gender() if kind == PERSON else "" for e, kind in zip(art.entities, kinds, strict=True)]
        kinds.append("")  # -1 (nobody) picks the last
        genders.append("")
        s_kind.extend([kinds[k] for k in art.entity_of])
        s_gender.extend([genders[k] for k in art.entity_of])
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
    return Chunk(
        titles=titles,
        n_sentences=counts,
        entities=entities,
        sentences=pa.table({
            "doc_id": pa.array(s_doc, string), "sentence_id": pa.array(s_id, int64), "text": pa.array(s_text, string),
            "entity": pa.array(s_entity, int64), "speaker_mention": pa.array(s_mention, string),
            "speaker_kind": pa.array(s_kind, string), "speaker_gender": pa.array(s_gender, string),
            "cue": pa.array(s_cue, string), "attribution": pa.array(s_attr, string),
            "quote": pa.array(s_quote, string), "paragraph": pa.array(s_par, int64),
            "boilerplate": pa.array(s_boiler, string), "n_words": pa.array(s_words, int64),
        }),
        aliases=pa.table({"entity": pa.array(a_entity, int64), "alias": pa.array(a_alias, string),
                          "doc_id": pa.array(a_doc, string)}),
        # 32-bit sentence ids: the tokens frame is the longest (16M rows at 1M sentences).
        tokens=pa.table({"doc_id": pa.DictionaryArray.from_arrays(  # the dictionary encoding, made directly
                             signatures.numbers(np.repeat(np.arange(len(t_doc), dtype=np.int32), t_count)),
                             pa.array(t_doc, string)),
                         "sentence_id": pa.array(t_id, pa.int32()),
                         "surface": _dictionary(t_surface), "term": _dictionary(t_term)}),
        themes=pa.table({"doc_id": pa.array(th_doc, string), "sentence_id": pa.array(th_id, int64),
                         "theme": pa.array(th_theme, string), "terms": pa.array(th_terms, string)}),
        places=pa.table({"doc_id": pa.array(p_doc, string), "sentence_id": pa.array(p_id, int64),
                         "entity": pa.array(p_entity, string), "kind": pa.array(p_kind, string),
                         "surface": pa.array(p_surface, string), "row": pa.array(p_row, int64)}),
        signatures=signatures.sketch(s_text, s_cue, s_mention, s_attr, s_boiler, said=s_said, lex=lex),
    )


class Analysis:
    """A corpus under analysis: the articles read so far, the warnings met reading them, and (iterating it) each
    run of articles with its chunk, in corpus order.

    With a pool, this process reads a run, hands it to the workers and keeps _AHEAD runs at them ahead of the
    one it waits for: the first runs go out at once, and results are taken as they come (progress from the
    start, no pile of waiting results). Without a pool, the corpus is read first, then analysed run by run.
    """

    def __init__(self, docs: Iterable[Document], chars: int, pool: ProcessPoolExecutor | None,
                 warnings: list[str] | None = None, files: int = 0, *, ahead: int = _AHEAD,
                 keep_docs: bool = True, task: Callable[[list[Document]], Chunk] | None = None) -> None:
        self.docs: list[Document] = []  # every document read, unless keep_docs is False (a dataset build)
        self.keep_docs = keep_docs
        self.n_read = 0
        self.task = task or analyse_chunk  # analyse_chunk, or a caller's function of it run in the worker too
        self.ahead = ahead  # a cluster of many workers needs more runs in flight than a local pool
        self.warnings = warnings if warnings is not None else []
        self.pool = pool
        self.chars = chars  # the corpus size expected (from the files' bytes)
        self.files = files  # the files (or documents) it is read from
        self.read_chars = 0
        # Many runs (16 per worker on 2 cores): when the last is analysed the other workers are not idle long.
        self._runs = self._read(docs, min(_CHUNK_CHARS, max(1, chars // _MIN_CHUNKS)))
        self._pending: deque[tuple[list[Document], Future[Chunk] | None]] = deque()
        self._reading = True
        self._fill(ahead if pool else None)

    def _read(self, docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
        """Yield docs in consecutive runs of about size characters each, noting every document read."""
        run: list[Document] = []
        chars = 0
        for doc in docs:
            if self.keep_docs:
                self.docs.append(doc)
            self.n_read += 1
            self.read_chars += len(doc.text)
            run.append(doc)
            chars += len(doc.text)
            if chars >= size:
                yield run
                run, chars = [], 0
        if run:
            yield run

    def _fill(self, ahead: int | None) -> None:
        """Read runs until `ahead` are pending (None: all of them), handing each to the pool when there is one."""
        while self._reading and (ahead is None or len(self._pending) < ahead):
            run = next(self._runs, None)
            if run is None:
                self._reading = False
            else:
                self._pending.append((run, self.pool.submit(self.task, run) if self.pool else None))

    def all_read(self) -> bool:
        """Return whether every article has been read (what is left is analysing them)."""
        return not self._reading

    def expected(self) -> int:
        """Return how many articles the corpus holds: exact once it is read. Before, one per file, or, once the
        files hold more (tables), an estimate from the characters read so far."""
        read = self.n_read
        if not self._reading:
            return read
        if read < self.files or not self.read_chars:
            return max(read, self.files)
        return max(read, round(read * self.chars / self.read_chars))

    def __iter__(self) -> Iterator[tuple[list[Document], Chunk]]:
        if not self._pending:  # an empty corpus still gives one (empty) chunk: every frame gets its columns
            yield [], self.task([])
        while self._pending:
            run, future = self._pending.popleft()
            if future is not None:
                self._fill(self.ahead)  # the workers get the next run before this process waits
            yield run, future.result() if future is not None else self.task(run)


def analyse_paths(paths: list[str | Path], size: Size, pool: ProcessPoolExecutor | None) -> Analysis:
    """Return the analysis of the corpus at paths (size: from size_of).

    CorpusError when nothing at all could be read: raised here without a pool (the corpus is read first), else
    when the reading reaches the end.
    """
    warnings: list[str] = []
    return Analysis(documents(paths, warn=warnings.append), size.chars, pool, warnings, size.files)


def workers_for(chars: int, n_docs: int) -> int:
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
def pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """Yield a pool of `workers` processes, started at once (None for one worker: this process does the work).

    Started before the corpus is read, the workers inherit none of it: a forked worker keeps every page it
    inherited for as long as it runs, even the ones this process frees meanwhile.
    """
    if workers <= 1:
        yield None
        return
    with _no_cycle_collection():
        if _context().get_start_method() == "fork":
            # Forked workers inherit what this process loads: loaded once here (0.5 s), not again in every worker,
            # and this process asks the dictionary too when it merges the names.
            warm_up()
        # What is loaded by now (the lexicons, their indexes, the dictionary: millions of objects) lives as long as
        # the build: the cycle collector leaves it alone, here (each full collection walked it, 0.1 to 0.3 s) and
        # in the workers, which then share its pages untouched.
        gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(os.getpid(),))
    _widen_pipes(pool)
    try:
        pool.submit(int)  # the first task forks every worker now; they warm up while this process goes on
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Widen the pipes a pool's runs and chunks cross (Linux): a chunk's tables (3 to 4 MB pickled) cross a 64 KB
    pipe in some 60 writes, each waiting for this process to read (its reading thread waits for the GIL), so
    workers lost 10 to 25 ms a chunk; through a 1 MB pipe, in four."""
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        return
    for queue in (getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)):
        reader = getattr(queue, "_reader", None)
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a smaller system limit: left as it is
            fcntl.fcntl(reader.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


def warm_up() -> None:
    """Load what the first articles would otherwise wait for: the lexicons, their indexes, the stemmer and the
    dictionary."""
    with _no_cycle_collection():  # millions of objects that all live on: a collection would find nothing
        analyse(_WARM_UP)
        dictionary.load()


def _start_worker(parent: int) -> None:
    """Bind a new worker's life to its parent's, then warm it up."""
    _die_with_parent(parent)
    _arrow_without_pandas()
    # A worker makes next to no cyclic garbage (300 objects in 4,000 articles), and the collection that followed each
    # chunk walked all the chunk left alive (the words the memos learned): 2.5 % of its CPU.
    gc.disable()
    warm_up()


class _HidePandas:
    """An import finder that finds no pandas (see _arrow_without_pandas)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        if name == "pandas":
            raise ImportError("pandas is not imported in a build's workers")


def _arrow_without_pandas() -> None:
    """Make pyarrow take this worker to have no pandas, unless it has it already.

    pyarrow imports pandas on its first pa.array (to tell a Series from a list): 0.4 s in every worker, which
    makes Arrow columns of lists and numpy arrays only. A later call that needs pandas (to_pandas) imports it then.
    """
    if "pandas" in sys.modules:
        return
    sys.meta_path.insert(0, _HidePandas)
    try:
        pa.array([])
    finally:
        sys.meta_path.remove(_HidePandas)


def _die_with_parent(parent: int) -> None:
    """Make this process (a forked worker) end as soon as its parent process does.

    A worker left behind keeps its memory and the parent's output open, so whoever reads that output waits
    forever. Linux kills it when its parent goes (PR_SET_PDEATHSIG); elsewhere, and should the parent be gone
    already, a thread that checks the parent's pid every second ends it. SIGTERM does what it says again (a
    handler inherited from Streamlit's server would ignore it), and Ctrl-C, which reaches every process of the
    terminal, is left to the parent, which stops the pool.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="qawl-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)  # no cleanup: the parent that wanted the results is gone


class Size(NamedTuple):
    """What a corpus's files tell of it before it is read."""

    workers: int  # processes worth using
    chars: int  # about two bytes a letter
    files: int  # articles or tables (metadata.csv files left out)


def size_of(found: list[tuple[str, str, int, int]]) -> Size:
    """Return the Size of the corpus whose files corpus.files found."""
    chars = sum(size for _, _, size, _ in found) // 2
    articles = sum(1 for path, _, _, _ in found if os.path.basename(path).lower() != META_NAME)
    return Size(workers_for(chars, len(found)), chars, articles)
