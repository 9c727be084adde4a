"""Arabic normalization: the steps the keyword search applies one by one, and the search form that applies them
all (and the alef, ى and ة mappings) in one pass."""

import unicodedata
from functools import lru_cache

from qawl import resources as r
from qawl.memo import Memo

# Words repeat (Zipf): caching the search form of short strings spares most of the work.
_CACHED_LENGTH = 40


def diacritics(text: str) -> str:
    """Return text without harakat, Quranic marks, superscript alef and tatweel."""
    return r.DIACRITICS.sub("", text)


def invisible(text: str) -> str:
    """Return text without zero-width and bidi control characters."""
    return r.INVISIBLE.sub("", text)


def presentation_forms(text: str) -> str:
    """Return text with Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) decomposed to letters."""
    if not r.PRESENTATION_FORMS.search(text):
        return text
    return r.PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def digits(text: str) -> str:
    """Return text with Arabic-Indic digits as ASCII digits."""
    return text.translate(r.DIGITS)


def _pipeline_tables() -> dict[tuple[bool, bool], dict[int, int | str | None]]:
    """Return one translate table per (yeh, teh) doing every deletion and mapping at once: marks and controls
    deleted, alef forms, digits and (when asked) ى and ة mapped.

    The deleted characters and the mapped ones are disjoint and no mapping's output is mapped again, so one pass
    equals applying the tables one after the other.
    """
    every = "".join(map(chr, range(0x10000)))  # one scan per class (a match per code point took 30 ms at import)
    marks = r.DIACRITICS.findall(every) + r.INVISIBLE.findall(every)
    base: dict[int, int | str | None] = {**dict.fromkeys(map(ord, marks)), **r.ALEF_FORMS, **r.DIGITS}
    return {
        (yeh, teh): {**base, **(r.ALEF_MAKSURA if yeh else {}), **(r.TEH_MARBUTA if teh else {})}
        for yeh in (True, False) for teh in (True, False)
    }


_TABLES = _pipeline_tables()


def _normalized(text: str, yeh: bool, teh: bool) -> str:
    return presentation_forms(text).translate(_TABLES[yeh, teh])


_normalized_short = lru_cache(maxsize=1 << 16)(_normalized)
_SEARCH_FORMS: Memo[str, str] = Memo(lambda text: _normalized(text, True, True))


def normalize_words(words: list[str]) -> list[str]:
    """Return the search form of each word (the default normalize), at one lookup per word seen before."""
    forms = _SEARCH_FORMS
    return [forms[w] for w in words]


def normalize_all(words: list[str]) -> list[str]:
    """Return the search form of each word, normalized in one pass (normalize maps character by character): for
    many words seen once, which would only fill the per-word memo."""
    if any("\n" in w for w in words):  # the joiner: one call per word then
        return [normalize(w) for w in words]
    return normalize("\n".join(words)).split("\n") if words else []


def normalize(text: str, *, yeh: bool = True, teh: bool = True) -> str:
    """Return the search form of text: no marks or controls, one alef, ى→ي and ة→ه by default."""
    if len(text) > _CACHED_LENGTH:
        return _normalized(text, yeh, teh)
    return _SEARCH_FORMS[text] if yeh and teh else _normalized_short(text, yeh, teh)
