"""Which entities a sentence names: gazetteer countries, organizations and places, and known speakers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from qawl.lexicons import Lexicons
from qawl.memo import Memo
from qawl.normalize import normalize
from qawl.tokenize import words

# Proclitics that attach to a name: و، ف، ب، ل، ك and their pairs (وبالصين، للصين).
_PROCLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")

Index = dict[str, list[tuple[tuple[str, ...], str, str]]]  # first word -> [(words, entity, kind)]


def forms(word: str) -> list[str]:
    """Return a normalized word and its forms without proclitics (وللصين → الصين)."""
    out = [word]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            out.append(rest)
            if p.endswith("ل") and rest.startswith("ل"):
                out.append("ا" + rest)  # للصين = ل + الصين
    return out


# forms() of each word, worked out once since words repeat.
_FORMS: Memo[str, list[str]] = Memo(forms)


def build_index(entries: list[tuple[str, str, str]]) -> Index:
    """Return a lookup of (entity, kind, variant) entries by the first normalized word of the variant."""
    idx: Index = defaultdict(list)
    for entity, kind, variant in entries:
        key = tuple(normalize(w) for w in words(variant))
        if key:
            idx[key[0]].append((key, entity, kind))
    for first in idx:
        idx[first].sort(key=lambda e: -len(e[0]))
    return dict(idx)


def gazetteer_index(lex: Lexicons) -> Index:
    """Return the gazetteer of a lexicon as a lookup index (built once per lexicon)."""
    return lex.derived("gazetteer_index", lambda lex: build_index(list(lex.gazetteer)))


def find(norm_words: list[str], index: Index, starts: Iterable[int] | None = None) -> list[tuple[str, str, int]]:
    """Return (entity, kind, word position) for each entity named in a sentence's normalized words.

    starts, when given, are the only positions where a name may begin (in order); the rest are skipped.
    """
    found, free = [], 0  # free: the first position no earlier name covers
    for i in range(len(norm_words)) if starts is None else starts:
        if i < free:
            continue
        for form in _FORMS[norm_words[i]]:
            entries = index.get(form)
            if not entries:
                continue
            hit = next((e for e in entries if (form, *norm_words[i + 1 : i + len(e[0])]) == e[0]), None)
            if hit:
                found.append((hit[1], hit[2], i))
                free = i + len(hit[0])
                break
    return found


def span_at(norm_words: list[str], index: Index, i: int) -> int:
    """Return how many words the gazetteer name starting at norm_words[i] has, or 0 when none starts there."""
    return name_at(norm_words, index, i)[0]


def name_at(norm_words: list[str], index: Index, i: int) -> tuple[int, str]:
    """Return how many words the gazetteer name starting at norm_words[i] has and its kind, or (0, "")."""
    for form in _FORMS[norm_words[i]]:
        hit = next((e for e in index.get(form) or () if (form, *norm_words[i + 1 : i + len(e[0])]) == e[0]), None)
        if hit:
            return len(hit[0]), hit[2]
    return 0, ""
