"""The dashboard's filter state (round-trips through a URL query string) and the keyword matcher."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from urllib.parse import urlencode

from qawl.normalize import normalize
from qawl.terms import term
from qawl.tokenize import spans, words

PARAM_KEYS = ("speaker", "source", "theme", "doc", "q", "from", "to")
_MAX_PARAM_CHARS = 300
_MAX_VALUES = 50  # per repeatable parameter

# Characters of a word, for word boundaries that work in both Python's re and pyarrow's RE2 (no look-arounds).
_LETTERS = "0-9A-Za-z\u0621-\u063a\u0641-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u06fa-\u06ff"
_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]*"
# A written letter matches every spelling that normalizes to it (أ/ا، ى/ي، ة/ه، Arabic-Indic digits).
_VARIANTS = {"ا": "اأإآٱ", "ي": "يى", "ه": "هة"} | {str(d): f"{d}{chr(0x0660 + d)}{chr(0x06F0 + d)}" for d in range(10)}
# و/ف then ب/ل/ك then ال (والتعاون، بالتعاون، وللتعاون): clitics a keyword may carry in the text.
_PROCLITICS = "(?:[وف]?[بلك]?ال|[وف]?لل|[وف]?[بلك]?)?"
_QUERY_CLITIC = re.compile("^(?:[وف]?[بكل]?ال|[وف]?لل)(?=..)")


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the corpus to: speakers, outlets, themes, documents, keyword and date range.

    Values of one field are alternatives (any of these speakers); fields narrow together (this speaker and this
    theme).
    """

    speakers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # outlets: documents.source
    themes: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    q: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str | Iterable[str]]) -> Filters:
        """Return the filters a URL query string holds (unknown keys and unreadable dates ignored)."""

        def values(key: str) -> list[str]:
            raw = params.get(key, [])
            items = [raw] if isinstance(raw, str) else list(raw)
            return [v.strip()[:_MAX_PARAM_CHARS] for v in items if v and v.strip()]

        def many(key: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(values(key)))[:_MAX_VALUES]

        def last(key: str) -> str:
            found = values(key)
            return found[-1] if found else ""

        return cls(
            speakers=many("speaker"),
            sources=many("source"),
            themes=many("theme"),
            docs=many("doc"),
            q=last("q"),
            date_from=_date(last("from")),
            date_to=_date(last("to")),
        )

    def to_params(self) -> dict[str, str | list[str]]:
        """Return the query-string form of the filters (only the keys that are set)."""
        params: dict[str, str | list[str]] = {}
        for key, chosen in (("speaker", self.speakers), ("source", self.sources), ("theme", self.themes),
                            ("doc", self.docs)):
            if chosen:
                params[key] = list(chosen)
        if self.q.strip():
            params["q"] = self.q.strip()
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        return params

    def query_string(self, **changes: object) -> str:
        """Return the URL query string of these filters with some fields changed."""
        return urlencode(replace(self, **changes).to_params(), doseq=True)

    @property
    def active(self) -> bool:
        """Return whether any filter is set."""
        return bool(self.to_params())

    def describe(self) -> str:
        """Return a short English description of the active filters."""
        parts = []
        if self.speakers:
            parts.append("speaker " + " / ".join(self.speakers))
        for label, chosen in (("outlet", self.sources), ("theme", self.themes), ("document", self.docs)):
            if chosen:
                parts.append(f"{label} " + " / ".join(chosen))
        if self.q.strip():
            parts.append(f"keyword {self.q.strip()}")
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        return ", ".join(parts) or "no filter"


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _letter_pattern(letter: str) -> str:
    variants = _VARIANTS.get(letter)
    return (f"[{variants}]" if variants else re.escape(letter)) + _MARKS


@dataclass(frozen=True)
class Keyword:
    """A keyword query: each word matches by its term (stem) or by spelling, whatever its clitics."""

    query: str

    @cached_property
    def words(self) -> tuple[str, ...]:
        """Return the distinct normalized words of the query."""
        return tuple(dict.fromkeys(normalize(w) for w in words(self.query)))

    @cached_property
    def cores(self) -> tuple[str, ...]:
        """Return each query word without the proclitics و/ف/ب/ل/ك + ال (والتعاون → تعاون)."""
        return tuple(_QUERY_CLITIC.sub("", w) for w in self.words)

    @cached_property
    def terms(self) -> tuple[str, ...]:
        """Return the keyword term of each query word, in query order."""
        return tuple(term(w) for w in self.words)

    def _body(self, index: int) -> str:
        return _PROCLITICS + "".join(_letter_pattern(ch) for ch in self.cores[index])

    def word_pattern(self, index: int) -> str:
        """Return a regex for one written word matching query word `index` (clitics, spellings, marks)."""
        return "(?i)" + self._body(index)

    def text_pattern(self, index: int) -> str:
        """Return a regex (Python re and RE2 alike) that finds query word `index` as a whole word in text."""
        return f"(?i)(?:^|[^{_LETTERS}]){self._body(index)}(?:$|[^{_LETTERS}])"

    @cached_property
    def _compiled(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(self.word_pattern(i)) for i in range(len(self.words)))

    def matches_word(self, word: str) -> bool:
        """Return whether one written word is a hit for any query word."""
        if not self.words:
            return False
        return term(word) in self.terms or any(p.fullmatch(word) for p in self._compiled)

    def hits(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) character spans of the words of text that hit the query."""
        return [(a, b) for a, b, w in spans(text) if self.matches_word(w)]


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
