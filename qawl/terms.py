"""Keyword terms: normalized, stemmed (nltk ARLSTem) and merged through the alias table."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import types
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import arabicstopwords.arabicstopwords as arabic_stopwords

from qawl import cues, lexicons
from qawl.lexicons import Lexicons
from qawl.normalize import normalize, normalize_all

if TYPE_CHECKING:
    from nltk.stem.arlstem import ARLSTem

# Clitic-bearing forms of a stop word (وفي، بها) are stop words too: the list holds them.
_EXTRA_STOPWORDS = {"ان", "انه", "الي", "علي", "حتي", "لدي", "اي", "او", "ام", "مع", "يذكر", "ايضا"}


@cache
def stopwords() -> frozenset[str]:
    """Return the normalized Arabic stop words."""
    return frozenset(normalize_all(list(arabic_stopwords.stopwords_list()))) | _EXTRA_STOPWORDS  # 13,000 in a pass


def _arlstem() -> type[ARLSTem]:
    """Return nltk's ARLSTem class, its module imported without running nltk's package.

    nltk's package imports all of nltk (0.13 s before a build's workers can start) and its collocation statistics
    import scipy.stats when scipy is installed (datasketch brings it: 0.6 to 1.2 s more), for code the stemmer
    never runs; the stemmer's module needs three small modules of it. They are imported under empty stand-ins for
    nltk and nltk.stem, which go at once: a later `import nltk` runs its package as usual (the modules imported
    here are found again by name).
    """
    spec = None if "nltk" in sys.modules else importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        from nltk.stem.arlstem import ARLSTem
        return ARLSTem
    root = spec.submodule_search_locations[0]
    stand_ins = {"nltk": root, "nltk.stem": os.path.join(root, "stem")}
    for name, folder in stand_ins.items():
        package = types.ModuleType(name)
        package.__path__ = [folder]
        sys.modules[name] = package
    try:
        from nltk.stem.arlstem import ARLSTem
    finally:
        for name in stand_ins:
            del sys.modules[name]
    return ARLSTem


@cache
def _stemmer() -> ARLSTem:
    # Imported on first use (see _arlstem).
    stemmer = _arlstem()()
    # nltk runs its patterns under a timeout (regex's, a guard against crafted patterns), which took two thirds of a
    # stem. These are its own three character classes: Python's re gives the same strings, four times faster.
    for name in ("re_hamzated_alif", "re_alifMaqsura", "re_diacritics"):
        if hasattr(stemmer, name):
            setattr(stemmer, name, re.compile(getattr(stemmer, name).pattern))
    return stemmer


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Return the ARLSTem stem of an already normalized word (digits and Latin kept as they are)."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return word.lower()
    try:
        return _stemmer().stem(word) or word
    except (IndexError, ValueError):
        return word


def _aliases(lex: Lexicons) -> dict[str, str]:
    return {stem(normalize(v)): stem(normalize(c)) for v, c in lex.term_aliases}


def _term(lex: Lexicons, word: str) -> str:
    s = stem(normalize(word))
    return lex.derived("term_aliases", _aliases).get(s, s)


def term(word: str, lex: Lexicons | None = None) -> str:
    """Return the keyword term a written word groups under (التعاون، والتعاون، بالتعاون → one term)."""
    return (lex or lexicons.current()).memo("term", _term)[word]


def _is_stopword(lex: Lexicons, word: str) -> bool:
    n = normalize(word)
    table = cues.of(lex)
    return n in stopwords() or len(n) < 2 or n.isdigit() or n in table.verbs or n in table.participles


def is_stopword(word: str, lex: Lexicons | None = None) -> bool:
    """Return whether a written word is a stop word, a reporting cue (وقال، مضيفا) or too short to be a keyword.

    Cues are left out because every speaker uses them: they would top every keyword list and word cloud.
    """
    return (lex or lexicons.current()).memo("stopword", _is_stopword)[word]
