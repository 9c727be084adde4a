"""Matching sentences to the editable news-theme lexicon (data/themes.csv) on normalized stems."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from qawl.lexicons import Lexicons
from qawl.terms import term
from qawl.tokenize import words


@dataclass(frozen=True)
class ThemeIndex:
    """Lexicon terms as stem sequences: single stems in a dict, phrases by their first stem."""

    single: dict[str, tuple[tuple[str, str], ...]]  # stem -> ((theme, lexicon term), ...)
    phrases: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]  # first stem -> ((stems, theme, term),)
    keys: frozenset[str] = frozenset()  # every stem that starts a match: single stems and phrases' first stems


def index(lex: Lexicons) -> ThemeIndex:
    """Return the theme lexicon compiled to stems (once per lexicon)."""
    return lex.derived("theme_index", _index)


def _index(lex: Lexicons) -> ThemeIndex:
    single: dict[str, list[tuple[str, str]]] = defaultdict(list)
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for theme, lexicon_term in lex.themes:
        stems = tuple(term(w) for w in words(lexicon_term))
        if len(stems) == 1:
            single[stems[0]].append((theme, lexicon_term))
        elif stems:
            phrases[stems[0]].append((stems, theme, lexicon_term))
    return ThemeIndex({k: tuple(v) for k, v in single.items()}, {k: tuple(v) for k, v in phrases.items()},
                      frozenset(single) | frozenset(phrases))


def match(idx: ThemeIndex, stems: list[str], starts: Iterable[int] | None = None) -> dict[str, list[str]]:
    """Return theme -> matched lexicon terms for a sentence given as its word stems in order.

    starts, when given, are the only positions where a match may begin (in order); the rest are skipped.
    """
    single, phrases = idx.single, idx.phrases
    found: dict[str, list[str]] = {}
    for i in range(len(stems)) if starts is None else starts:
        s = stems[i]
        if s not in single and s not in phrases:  # most words are in no theme: skip them at once
            continue
        for theme, lexicon_term in single.get(s, ()):
            found.setdefault(theme, [])
            if lexicon_term not in found[theme]:
                found[theme].append(lexicon_term)
        for phrase, theme, lexicon_term in phrases.get(s, ()):
            if tuple(stems[i : i + len(phrase)]) == phrase:
                found.setdefault(theme, [])
                if lexicon_term not in found[theme]:
                    found[theme].append(lexicon_term)
    return found
