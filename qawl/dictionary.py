"""Arabic nouns a morphological dictionary knows (arramooz, 30,000 lemmas): which kind of noun a word is.

Attribution asks it one thing: is the word after a cue a common noun (أهمية، حرصه، الانتباه، سياسة), which
cannot speak, or a word no dictionary holds, as foreign and most family names are (ترامب، غوتيريش)? Bodies
(الحكومة، الوزارة) come back as verbal nouns too, so the lexicons of data/ are asked first (sources.py).
"""

from __future__ import annotations

import os
import sqlite3
from functools import cache
from typing import NamedTuple

from qawl.normalize import normalize, normalize_all

VERBAL_NOUN, PARTICIPLE, RELATIVE, NOUN = "verbal_noun", "participle", "relative_adjective", "noun"
# arramooz's word types, grouped by what they can be in a speaker phrase.
_KINDS = {
    "مصدر": VERBAL_NOUN,  # مصدر، اسم المرة، مصدر ميمي، مصدر صناعي
    "فاعل": PARTICIPLE, "مفعول": PARTICIPLE, "صيغة": PARTICIPLE, "صفة": PARTICIPLE, "صفة مشبهة": PARTICIPLE,
    "اسم تفضيل": PARTICIPLE, "اسم فاعل": PARTICIPLE, "اسم مفعول": PARTICIPLE, "صيغة مبالغة": PARTICIPLE,
    "منسوب": RELATIVE,
}


def _kind(wordtype: str) -> str:
    head, _, tail = wordtype.partition(":")
    return _KINDS.get(tail) or _KINDS.get(head) or NOUN


def _bare(vocalized: str) -> str:
    return normalize(vocalized.strip())


def _forms(word: str, broken: list[str], feminable: int, masculine_plural: int, feminine_plural: int
           ) -> list[tuple[str, bool]]:
    """Return a lemma's written forms worth knowing, each with whether it is a plural: itself, its feminine and
    its plurals (broken: those of _broken_plurals)."""
    # Sound masculine plurals (+ون، +ين) are left out: foreign names end so too (ماكرون، كلينتون).
    forms = [(word, False)]
    if feminable:
        forms.append((word + "ه", False))
    if feminine_plural:
        forms.append(((word[:-1] if word.endswith("ه") else word) + "ات", True))
    return forms + [(plural, True) for plural in broken]


def _broken_plurals(broken: str) -> list[str]:
    """Return the written forms of a lemma's broken plurals (arramooz's broken_plural column)."""
    out = []
    for plural in broken.split(";"):
        plural = _bare(plural.split(":")[0])  # "جج:" and notes after a colon are not forms
        if plural and " " not in plural and plural.isalpha():
            out.append(plural)
    return out


def _path() -> str | None:
    try:
        import arramooz
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(arramooz.__file__), "data", "arabicdictionary.sqlite")
    return path if os.path.isfile(path) else None


class Entry(NamedTuple):
    """What the dictionary says of a written noun form."""

    kind: str  # verbal_noun, participle, relative_adjective or noun
    plural: bool


def _bare_all(words: list[str]) -> list[str]:
    """Return _bare of each word, normalized in one pass (the words do not go through normalize's per-word memo,
    which the corpus's words need)."""
    return normalize_all([w.strip() for w in words])


@cache
def _tables() -> tuple[dict[str, Entry], dict[str, list[str]]]:
    """Return nouns() and the broken plurals of each singular (plurals_of), read from the dictionary in one pass."""
    path = _path()
    if path is None:
        return {}, {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("select unvocalized, wordtype, broken_plural, feminable, masculin_plural, feminin_plural "
                          "from nouns").fetchall()
    out: dict[str, Entry] = {}
    plurals: dict[str, list[str]] = {}
    kinds = {wordtype: _kind(wordtype or "") for wordtype in {row[1] for row in rows}}  # 54 among 30,000 lemmas
    new_entry = tuple.__new__  # Entry(...) goes through a Python-level __new__: this is the C one
    for (_, wordtype, broken, feminable, masculine_plural, feminine_plural), bare in zip(
            rows, _bare_all([row[0] for row in rows]), strict=True):
        kind = kinds[wordtype]
        broken_forms = _broken_plurals(broken) if broken else []
        for form, plural in _forms(bare, broken_forms, feminable, masculine_plural, feminine_plural):
            known = out.get(form)
            if known is None or (known.kind == VERBAL_NOUN and kind != VERBAL_NOUN):
                out[form] = new_entry(Entry, (kind, plural))
        if broken:
            plurals.setdefault(bare, []).extend(broken_forms)
    return out, plurals


def nouns() -> dict[str, Entry]:
    """Return normalized noun form -> its Entry.

    A form several lemmas share keeps the kind of the first that is no verbal noun: a participle or a plain noun
    says more about whether it can speak. Empty when the dictionary is not installed.
    """
    return _tables()[0]


def _plurals() -> dict[str, list[str]]:
    return _tables()[1]


@cache
def verbs() -> frozenset[str]:
    """Return the normalized past forms of the dictionary's verbs (اجتمع، اجتمعت، اجتمعوا): a word after a name that
    is one of them and no noun is a verb, not a part of the name. Empty when the dictionary is not installed."""
    path = _path()
    if path is None:
        return frozenset()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        stems = _bare_all([v for (v,) in db.execute("select unvocalized from verbs")])
    return frozenset(stem + suffix for stem in stems for suffix in ("", "ت", "وا"))


def load() -> None:
    """Read the dictionary's tables now (entry, verb_only and plurals_of read them on first use): 0.3 s."""
    nouns()
    verbs()
    elatives()
    _plurals()


def plurals_of(words: frozenset[str]) -> list[str]:
    """Return the broken plurals the dictionary gives for normalized singular words (صاحب → أصحاب)."""
    plurals = _plurals()
    return [p for w in words for p in plurals.get(w, ())]


@cache
def feminine_plurals() -> frozenset[str]:
    """Return the broken plurals the dictionary gives for singulars in ة only (أسر ← أسرة، دول ← دولة): plurals a
    verb agrees with in the feminine."""
    plurals = _plurals()
    feminine = {p for one, many in plurals.items() if one.endswith("ه") for p in many}
    return frozenset(feminine.difference(*(many for one, many in plurals.items() if not one.endswith("ه"))))


def entry(word: str) -> Entry | None:
    """Return what the dictionary says of a normalized word without clitics, or None when it lacks it."""
    return nouns().get(word)


@cache
def elatives() -> frozenset[str]:
    """Return the normalized elatives (أعلى، أكبر، أبرز): a superlative heads what it compares (أعلى المعايير: the
    standards), not a doer. Empty when the dictionary is not installed."""
    path = _path()
    if path is None:
        return frozenset()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("select unvocalized from nouns where wordtype like 'اسم تفضيل%'").fetchall()
    return frozenset(_bare(word) for (word,) in rows)


def participle(word: str, *, plural: bool | None = None, feminine: bool | None = None) -> bool:
    """Return whether a normalized word is a participle of the dictionary, of that number and ending in ة or not when
    plural and feminine say (مهاجم، مشيرة، عمال; مقتضب after a noun is its adjective)."""
    found = entry(word)
    return (found is not None and found.kind == PARTICIPLE and (plural is None or found.plural == plural)
            and (feminine is None or word.endswith("ه") == feminine))


def action(word: str) -> bool:
    """Return whether a normalized word is a verbal noun of the dictionary: an action (تطبيق، ارتفاع)."""
    found = entry(word)
    return found is not None and found.kind == VERBAL_NOUN


def verb_only(word: str) -> bool:
    """Return whether a normalized word is a past verb of the dictionary and no noun of it (اجتمع; تساهل is a noun).
    Words under four letters are left out: rare short verbs are spelled like foreign names (ماي، كاش)."""
    return len(word) >= 4 and word in verbs() and word not in nouns()
