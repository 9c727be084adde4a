"""Keyword search: what a typed query matches in Arabic text, as one regex per query part, and its concordance.

Semantics (the table of cases in tests/test_search.py pins them):

- **Exact** (default): a text word matches a query word when it is the same word up to spelling (أ/إ/آ/ٱ/ا,
  ى/ي, ة/ه, diacritics, tatweel, Arabic-Indic digits, Latin case), whatever its proclitics (و/ف, then ب/ل/ك,
  then ال: وإيران، بإيران، للحكومة، وبالحكومة) and attached pronouns (ه، ها، هما، هم، هن، ك، كما، كم، كن، نا,
  with ة written ت before them: حكومته، حكومتها). Not the pronoun ي (my): it is also the adjective ending
  (أمني "security (adj.)", إيراني "Iranian"), which is a derived form. A query's own article is dropped
  (الحكومة finds حكومة). Spelling variants of the alias table (data/term_aliases.csv) match each other.
- **Derived forms** (`forms=True`, URL `match=forms`): also the regular endings of the word's stem: adjective
  ي/ية/يين/يون/يات, feminine ة, duals ان/ين/تان/تين, plurals ون/ين/ات (إيران → الإيراني، الإيرانيين;
  حكومة → حكومات، الحكومية). Broken plurals (دولة / دول) are other words: search them too. The stemmer's
  grouping is not used: it puts إيران with أيار (May) and leaves out الإيراني.
- **Several words** must all occur in the sentence, in any order; a **quoted phrase** ("وزير الخارجية",
  «…», “…”) must occur as written, its words in a row (proclitics on its first word, pronouns on its last).
- Words of one or two letters take no pronoun and only و/ف/ال before them (بن is not بنك, شي not لشي).

Every pattern is written for both Python's re and RE2 (pyarrow, DuckDB): no look-around, no back-reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import lexicons
from qawl import normalize as norm
from qawl.normalize import normalize
from qawl.terms import term
from qawl.tokenize import words

MATCH_PARAM = "match"  # URL parameter: "forms" for derived forms, exact otherwise
EXACT, FORMS = "exact", "forms"

# Characters of a word, for boundaries without look-arounds (RE2 has none).
LETTERS = "0-9A-Za-z\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06f0-\u06ff"
_MARK = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]"
_MARKS = _MARK + "*"
# A query letter matches every spelling that normalizes to it.
# A bare alef matches every alef; a typed hamza or madda matches itself or a bare alef (أمن is not آمن).
_VARIANTS = {"ا": "اأإآٱ", "أ": "أا", "إ": "إا", "آ": "آا", "ٱ": "ٱا", "ي": "يى", "ى": "يى", "ه": "هة", "ة": "هة"} | {
    str(d): f"{d}{chr(0x0660 + d)}{chr(0x06F0 + d)}" for d in range(10)}
_PROCLITICS = "(?:[وف]?[بلك]?ال|[وف]?لل|[وف]?[بلك]?)"
_SHORT_PROCLITICS = "(?:[وف]?ال|[وف])?"
_PRONOUNS = ("ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "نا")
# Regular endings of a stem (derived forms): adjective, feminine, dual, sound plurals.
_ENDINGS = ("ي", "ية", "يه", "يين", "يون", "يان", "يتين", "يتان", "يات", "ة", "ات", "ان", "ين", "ون", "تان", "تين")
_QUERY_ARTICLE = re.compile("^(?:[وف]?[بكل]?[اٱ]ل|[وف]?لل)(?=...)")  # الآن keeps its ال
_SEPARATOR = "[ \\t\\n\\r\u00a0]+"  # not \s: RE2 runs a phrase 8 times slower with it
_QUOTED = re.compile("[\"“”«»]([^\"“”«»]*)[\"“”«»]")
_SHORT = 3  # letters: below this a word takes no pronoun and fewer proclitics


def _any(items: Iterable[str]) -> str:
    return "(?:" + "|".join(items) + ")"


def _letters(text: str) -> str:
    """Return a pattern for written letters: each in all its spellings, marks and tatweel allowed after it."""
    out = []
    for ch in text:
        variants = _VARIANTS.get(ch)
        out.append((f"[{variants}]" if variants else re.escape(ch)) + _MARKS)
    return "".join(out)


def _literal(text: str) -> str:
    return "".join(re.escape(ch) + _MARKS for ch in text)


_PRONOUN = _any(_literal(p) for p in _PRONOUNS)
_ENDING = _any(_letters(e) for e in _ENDINGS)


def query_form(word: str) -> str:
    """Return a typed word as the query matches it: no marks or controls, ASCII digits, Latin lower-cased
    (alef forms, ى and ة kept: the pattern gives each its spellings)."""
    return norm.digits(norm.diacritics(norm.invisible(norm.presentation_forms(word)))).lower()


def core(word: str) -> str:
    """Return a query word without its own article and proclitics before it (والحكومة → حكومة)."""
    return _QUERY_ARTICLE.sub("", query_form(word))


@cache
def _alias_groups() -> dict[str, frozenset[str]]:
    """Return each spelling of the alias table (article dropped, normalized) → every spelling of its group."""
    groups: dict[str, set[str]] = {}
    for variant, canonical in lexicons.load().term_aliases:
        group = groups.setdefault(normalize(core(canonical)), {core(canonical)})
        group.add(core(variant))
        groups[normalize(core(variant))] = group
    return {k: frozenset(v) for k, v in groups.items()}


def spellings(word: str) -> tuple[str, ...]:
    """Return the cores a query word stands for: its own and its alias-table variants (قازاقستان، قازقستان …)."""
    mine = core(word)
    return tuple(sorted(_alias_groups().get(normalize(mine), frozenset()) | {mine}, key=lambda s: (s != mine, s)))


def _ending_pattern(stem: str, *, forms: bool) -> str:
    """Return the pattern of a word's letters and what may follow them (pronouns; endings with forms)."""
    if len(normalize(stem)) < _SHORT:
        return _letters(stem)
    # Derived forms of a stem of three letters or more: إلى is not الآن (ال + ان).
    forms = forms and len(normalize(stem[:-1] if stem[-1] in "ةهى" else stem)) >= _SHORT
    ending = f"|{_ENDING}{_PRONOUN}?" if forms else ""
    if stem[-1] in "ةه":  # حكومة → حكومته; with forms حكومات، الحكومية
        return _letters(stem[:-1]) + f"(?:[هة]{_MARKS}{_PRONOUN}?|ت{_MARKS}{_PRONOUN}{ending})"
    if stem[-1] == "ى":  # مستشفى → مستشفاه; with forms مستشفيات
        return _letters(stem[:-1]) + f"(?:[يى]{_MARKS}{_PRONOUN}?|ا{_MARKS}{_PRONOUN}{ending})"
    return _letters(stem) + (f"{_ENDING}?{_PRONOUN}?" if forms else f"{_PRONOUN}?")


def word_body(word: str, *, forms: bool = False, proclitics: bool = True, pronouns: bool = True) -> str:
    """Return the pattern of one written word matching a query word (its spellings, clitics, forms)."""
    cores = spellings(word)
    short = all(len(normalize(c)) < _SHORT for c in cores)
    before = (_SHORT_PROCLITICS if short else _PROCLITICS) if proclitics else ""
    return before + _any(_ending_pattern(c, forms=forms) if pronouns else _letters(c) for c in cores)


def _bounded(body: str) -> str:
    return f"(?i)(?:^|[^{LETTERS}]){body}(?:$|[^{LETTERS}])"


@dataclass(frozen=True)
class Keyword:
    """A keyword query: words that must all occur (exact, or with derived forms) and quoted phrases."""

    query: str
    forms: bool = False

    @cached_property
    def groups(self) -> tuple[tuple[str, ...], ...]:
        """Return the parts of the query, each a tuple of typed words: one word, or a quoted phrase."""
        parts: list[tuple[str, ...]] = []
        for phrase in _QUOTED.findall(self.query):
            parts.append(tuple(words(phrase)))
        rest = _QUOTED.sub(" ", self.query)
        parts += [(w,) for w in words(rest)]
        seen = {}
        for part in parts:
            if part:
                seen.setdefault(tuple(query_form(w) for w in part), part)
        return tuple(seen.values())

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Return the distinct normalized words of the query, phrases' words included."""
        return tuple(dict.fromkeys(normalize(w) for part in self.groups for w in part))

    @cached_property
    def terms(self) -> tuple[str, ...]:
        """Return the keyword term (stem) of each query word, in query order (what timelines count)."""
        return tuple(term(w) for w in self.words)

    def _group_body(self, part: tuple[str, ...]) -> str:
        if len(part) == 1:
            return word_body(part[0], forms=self.forms)
        inner = [_letters(query_form(w)) for w in part[1:-1]]
        first = word_body(part[0], pronouns=False)
        last = _letters(query_form(part[-1])) + (_PRONOUN + "?" if len(normalize(part[-1])) >= _SHORT else "")
        return _SEPARATOR.join([first, *inner, last])

    @cached_property
    def patterns(self) -> tuple[str, ...]:
        """Return one text pattern per query part (Python re and RE2 alike); a sentence matches when all do."""
        return tuple(_bounded(self._group_body(part)) for part in self.groups)

    @cached_property
    def word_pattern(self) -> str:
        """Return a pattern one written word fully matches when it is a hit of a one-word part ("" if none)."""
        bodies = [self._group_body(p) for p in self.groups if len(p) == 1]
        return f"(?i){_any(bodies)}" if bodies else ""

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], ...]:
        # Python only (hits need spans): the same bodies between look-arounds instead of consumed boundaries.
        return tuple(re.compile(f"(?i)(?<![{LETTERS}]){self._group_body(p)}(?![{LETTERS}])") for p in self.groups)

    @cached_property
    def _word(self) -> re.Pattern[str] | None:
        return re.compile(self.word_pattern) if self.word_pattern else None

    def surface_mask(self, written: Iterable[str] | pa.Array) -> np.ndarray:
        """Return which written words (e.g. the tokens' distinct surfaces) are hits of a one-word part (RE2)."""
        values = written if isinstance(written, pa.Array) else pa.array(list(written), type=pa.large_string())
        if not self.word_pattern or not len(values):
            return np.zeros(len(values), dtype=bool)
        found = pc.match_substring_regex(values, f"^(?:{self.word_pattern.removeprefix('(?i)')})$", ignore_case=True)
        return found.fill_null(False).to_numpy(zero_copy_only=False)

    def matches_word(self, word: str) -> bool:
        """Return whether one written word is a hit of a one-word part of the query."""
        return bool(self._word and self._word.fullmatch(word))

    def matches(self, text: str) -> bool:
        """Return whether a text holds every part of the query."""
        return bool(self.groups) and all(p.search(text) for p in self._compiled)

    def hits(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) character spans of the words and phrases of text that hit the query."""
        spans = sorted({m.span() for p in self._compiled for m in p.finditer(text)})
        out: list[tuple[int, int]] = []
        for a, b in spans:  # a word inside a longer hit (a phrase) is not marked twice
            if out and a < out[-1][1]:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
        return out


# Surfaces: a written word's letters folded as coarsely as the patterns tell spellings apart (marks gone, one alef,
# ى→ي, ة→ه, every digit 0, lower case), so a hit always holds its query core's first letters, folded, after at most
# _LONGEST_PROCLITIC letters (وبال).
_FOLDS = ((_MARK, ""), ("[أإآٱ]", "ا"), ("ى", "ي"), ("ة", "ه"), ("[0-9\u0660-\u0669\u06f0-\u06f9]", "0"))
_LONGEST_PROCLITIC = 4
_KEY = _SHORT  # folded letters a written word is indexed by, at each place a core may start


def _fold(text: str) -> str:
    for pattern, to in _FOLDS:
        text = re.sub(pattern, to, text)
    return text.lower()


class Surfaces:
    """Distinct written words (a tokens column's categories) indexed by the letters a query word's core may begin
    with: many one-word queries each test only the few words that can hit (RE2), with surface_mask's answer."""

    def __init__(self, written: Sequence[str]) -> None:
        self.written = pa.array(pd.Index(written, dtype="str"), type=pa.large_string())  # no copy of a str Index
        folded = self.written
        for pattern, to in _FOLDS:
            folded = pc.replace_substring_regex(folded, pattern, to)
        folded = pc.utf8_lower(folded)
        n = len(folded)
        # Short cores (below _SHORT letters) take no ending: their hits are short words, tested all.
        self._short = np.flatnonzero(pc.less_equal(pc.utf8_length(folded), _LONGEST_PROCLITIC + _SHORT - 1)
                                     .fill_null(False).to_numpy(zero_copy_only=False))
        keys = pa.concat_arrays([pc.utf8_slice_codeunits(folded, at, at + _KEY)
                                 for at in range(_LONGEST_PROCLITIC + 1)])
        whole = pc.equal(pc.utf8_length(keys), _KEY).fill_null(False)
        codes = np.tile(np.arange(n, dtype=np.int32), _LONGEST_PROCLITIC + 1)[whole.to_numpy(zero_copy_only=False)]
        encoded = pc.dictionary_encode(keys.filter(whole))
        key_codes = encoded.indices.to_numpy(zero_copy_only=False)
        order = np.argsort(key_codes, kind="stable")
        self._codes = codes[order]
        self._bounds = np.searchsorted(key_codes[order], np.arange(len(encoded.dictionary) + 1))
        self._key = {k: i for i, k in enumerate(encoded.dictionary.to_pylist())}

    def _candidates(self, core_word: str) -> np.ndarray:
        """Return the written words (codes) that can hit one query core: those holding its first letters, folded."""
        folded = _fold(core_word)
        if len(normalize(core_word)) < _SHORT:
            return self._short
        ends = {"ة": "هت", "ه": "هت", "ى": "يا"}.get(core_word[-1])  # حكومة → حكومته; مستشفى → مستشفاه
        keys = {(folded[:-1] + e)[:_KEY] for e in ends} if ends else {folded[:_KEY]}
        found = [self._codes[self._bounds[i]:self._bounds[i + 1]] for k in keys if (i := self._key.get(k)) is not None]
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int32)

    def hits(self, keyword: Keyword) -> np.ndarray:
        """Return the positions of the written words that are hits of a one-word part of the keyword."""
        cores = [c for part in keyword.groups if len(part) == 1 for c in spellings(part[0])]
        if not cores:
            return np.zeros(0, dtype=np.int32)
        candidates = np.unique(np.concatenate([self._candidates(c) for c in cores]))
        return candidates[keyword.surface_mask(self.written.take(candidates))]

    def mask(self, keyword: Keyword) -> np.ndarray:
        """Return which written words are hits of a one-word part of the keyword (keyword.surface_mask's answer)."""
        out = np.zeros(len(self.written), dtype=bool)
        out[self.hits(keyword)] = True
        return out


def text_mask(texts: pd.Series, keyword: Keyword) -> np.ndarray:
    """Return which texts hold every part of the keyword query (Arrow's RE2 over the column: no row in Python)."""
    mask = np.full(len(texts), bool(keyword.patterns))
    column = texts.astype("str")
    for pattern in keyword.patterns:
        mask &= column.str.contains(pattern, regex=True).to_numpy(dtype=bool)
    return mask


@dataclass(frozen=True)
class KwicLine:
    """One concordance line: the words before and after a hit, in reading order."""

    doc_id: str
    sentence_id: int
    before: str
    hit: str
    after: str


def kwic(rows: Iterable[tuple[str, int, str]], keyword: Keyword, *, width: int = 60,
         limit: int = 500) -> list[KwicLine]:
    """Return concordance lines for every hit of keyword in (doc_id, sentence_id, text) rows."""
    lines: list[KwicLine] = []
    for doc_id, sentence_id, text in rows:
        for a, b in keyword.hits(text):
            lines.append(KwicLine(doc_id, sentence_id, _tail(text[:a], width), text[a:b], _head(text[b:], width)))
            if len(lines) >= limit:
                return lines
    return lines


def _tail(text: str, width: int) -> str:
    text = text.strip()
    if len(text) <= width:
        return text
    cut = text[-width:]
    return "… " + (cut.split(" ", 1)[1] if " " in cut else cut)


def _head(text: str, width: int) -> str:
    text = text.strip()
    if len(text) <= width:
        return text
    cut = text[:width]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + " …"
