"""The editable lexicons of data/ as one object: themes, gazetteer, term aliases, titles, grammar words, cues.

Every mechanism that needs Arabic word knowledge takes a `Lexicons` (tests pass a small one). The object also
holds what is derived from it (word sets, indexes, per-word memos), so an edited data/ file gives a new object
with nothing stale: `load()` rereads a folder whose files changed, and the digest (part of the cache key) follows.
"""

from __future__ import annotations

import csv
import hashlib
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from qawl.memo import Memo
from qawl.normalize import normalize, presentation_forms

DATA_DIR = Path(os.environ.get("QAWL_DATA", Path(__file__).resolve().parent.parent / "data"))
LEXICON_FILES = ("themes.csv", "gazetteer.csv", "term_aliases.csv", "titles.csv", "grammar.csv", "cues.csv",
                 "given_names.csv")
_RECHECK_SECONDS = 1.0  # current() looks at the files' sizes and times at most this often

T = TypeVar("T")


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        # Presentation forms (a term pasted from a PDF) would never match the corpus, which has none.
        return [{k: presentation_forms((v or "").strip()) for k, v in row.items() if k} for row in csv.DictReader(f)]


@dataclass(frozen=True, eq=False)
class Lexicons:
    """Rows of every lexicon file of one data folder, and what is derived from them (computed on first use)."""

    themes: tuple[tuple[str, str], ...] = ()  # (theme, term)
    gazetteer: tuple[tuple[str, str, str], ...] = ()  # (entity, kind, variant)
    term_aliases: tuple[tuple[str, str], ...] = ()  # (variant, canonical)
    titles: tuple[tuple[str, str], ...] = ()  # (title, kind)
    grammar: tuple[tuple[str, str], ...] = ()  # (normalized word, class)
    cues: tuple[tuple[str, str, str, str, str], ...] = ()  # (stem, complements, present, participle, weak)
    given_names: tuple[tuple[str, str], ...] = ()  # (name, gender)
    digest: str = "empty"
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False)
    _memos: dict[str, Memo] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False)

    def derived(self, name: str, make: Callable[[Lexicons], T]) -> T:
        """Return make(self), worked out once per lexicon object (indexes, tables, memos of other modules)."""
        try:
            return self._derived[name]
        except KeyError:
            with self._lock:
                if name not in self._derived:
                    self._derived[name] = make(self)
            return self._derived[name]

    def memo(self, name: str, fn: Callable[[Lexicons, Any], T], bound: int = 1 << 16) -> Memo[Any, T]:
        """Return a per-word memo of fn(self, key) that belongs to this lexicon object."""
        try:
            return self._memos[name]  # asked for per word on hot paths: a lookup, no closure made
        except KeyError:
            with self._lock:
                if name not in self._memos:
                    self._memos[name] = Memo(partial(fn, self), bound=bound)  # a call in C on a miss
            return self._memos[name]

    @cached_property
    def classes(self) -> dict[str, frozenset[str]]:
        """Return grammar class -> its normalized words."""
        out: dict[str, set[str]] = defaultdict(set)
        for word, cls in self.grammar:
            out[cls].add(word)
        return {cls: frozenset(words) for cls, words in out.items()}

    def words(self, cls: str) -> frozenset[str]:
        """Return the normalized words of one grammar class (empty when the class has none)."""
        return self.classes.get(cls, frozenset())

    @cached_property
    def w(self) -> WordClasses:
        """Return the grammar classes as attributes (lex.w.that): the hot paths read them at attribute speed."""
        return WordClasses(self.classes)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Return the normalized single words of the title lexicon (الرئيس، وزير، الدكتور ...)."""
        return frozenset(w for title, _ in self.titles for w in normalize(title).split())

    @cached_property
    def title_pairs(self) -> frozenset[tuple[str, str]]:
        """Return the pairs of words that follow each other in a title of several words (خادم الحرمين، الحرمين
        الشريفين): a phrase never ends between them."""
        pairs: set[tuple[str, str]] = set()
        for title, _ in self.titles:
            words = normalize(title).split()
            pairs.update(pairwise(words))
        return frozenset(pairs)

    @cached_property
    def places(self) -> frozenset[str]:
        """Return the normalized one-word gazetteer names of countries, places and organizations (not media): never
        a person's name."""
        return frozenset(normalize(v) for _, kind, v in self.gazetteer if " " not in v.strip() and kind != "media")

    def _one_word_titles(self, keep: Callable[[str], bool]) -> frozenset[str]:
        return frozenset(normalize(t) for t, kind in self.titles if keep(kind) and " " not in t)

    @cached_property
    def roles(self) -> frozenset[str]:
        """Return the normalized one-word roles and honorifics (الرئيس، الوزير، الدكتور), not qualifiers (العام)."""
        return self._one_word_titles(lambda kind: kind != "qualifier")

    @cached_property
    def title_entries(self) -> frozenset[str]:
        """Return the normalized one-word entries of the title lexicon, qualifiers included (الرئيس، العام)."""
        return self._one_word_titles(lambda kind: True)

    @cached_property
    def honorifics(self) -> frozenset[str]:
        """Return the normalized honorifics (الدكتور، الشيخ، اللواء) a bare family name may follow."""
        return self._one_word_titles(lambda kind: kind == "honorific")

    @cached_property
    def institution_heads(self) -> frozenset[str]:
        """Return the head nouns of non-personal noun phrases: bodies, media, collective sources, person nouns and
        the words that complete a title's phrase (رئيس لجنة …، أمير منطقة …)."""
        return frozenset().union(*(self.words(c) for c in ("body", "title_complement", "person_noun",
                                                          "collective_source", "media_noun")))


class WordClasses:
    """The word classes of data/grammar.csv as attributes; a class the data lack is empty."""

    def __init__(self, classes: dict[str, frozenset[str]]) -> None:
        self.__dict__.update(classes)

    def __getattr__(self, name: str) -> frozenset[str]:
        if name.startswith("__"):
            raise AttributeError(name)
        return frozenset()


def _read(data_dir: Path) -> Lexicons:
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        path = data_dir / name
        digest.update(name.encode() + (path.read_bytes() if path.is_file() else b""))

    def rows(name: str) -> list[dict[str, str]]:
        return _rows(data_dir / name)

    return Lexicons(
        themes=tuple((r["theme"], r["term"]) for r in rows("themes.csv") if r.get("term")),
        gazetteer=tuple((r["entity"], r.get("kind", ""), r["variant"]) for r in rows("gazetteer.csv")
                        if r.get("variant")),
        term_aliases=tuple((r["variant"], r["canonical"]) for r in rows("term_aliases.csv") if r.get("canonical")),
        titles=tuple((r["title"], r.get("kind", "")) for r in rows("titles.csv") if r.get("title")),
        grammar=tuple((normalize(r["word"]), r["class"]) for r in rows("grammar.csv") if r.get("word")),
        cues=tuple((normalize(r["stem"]), r.get("complements", ""), r.get("present", ""), r.get("participle", ""),
                    r.get("weak", "")) for r in rows("cues.csv") if r.get("stem")),
        given_names=tuple((normalize(r["name"]), r.get("gender", "")) for r in rows("given_names.csv")
                          if r.get("name")),
        digest=digest.hexdigest()[:16],
    )


def _signature(data_dir: Path) -> tuple:
    out = []
    for name in LEXICON_FILES:
        try:
            st = (data_dir / name).stat()
            out.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((name, -1, -1))
    return tuple(out)


_LOADED: dict[Path, tuple[tuple, Lexicons]] = {}
_CHECKED: dict[Path, float] = {}
_LOAD_LOCK = threading.Lock()


def load(data_dir: Path | str = DATA_DIR) -> Lexicons:
    """Return the lexicons of data_dir: the same object while its files keep their sizes and times."""
    data_dir = data_dir if isinstance(data_dir, Path) else Path(data_dir)
    now = time.monotonic()
    known = _LOADED.get(data_dir)
    if known is not None and now - _CHECKED.get(data_dir, 0.0) < _RECHECK_SECONDS:
        return known[1]
    signature = _signature(data_dir)
    with _LOAD_LOCK:
        known = _LOADED.get(data_dir)
        if known is None or known[0] != signature:
            known = (signature, _read(data_dir))
            _LOADED[data_dir] = known
        _CHECKED[data_dir] = now
    return known[1]


def current() -> Lexicons:
    """Return the lexicons of the data folder in use (QAWL_DATA or the repository's data/)."""
    return load(DATA_DIR)
