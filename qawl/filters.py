"""The dashboard's filter state: one frozen value that round-trips through a URL query string."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from qawl import i18n
from qawl.search import EXACT, FORMS, MATCH_PARAM, Keyword, KwicLine, kwic

__all__ = ["PARAM_KEYS", "Filters", "Keyword", "KwicLine", "kwic"]  # the matcher lives in qawl.search

PARAM_KEYS = ("speaker", "source", "theme", "doc", "q", MATCH_PARAM, "from", "to")
_MAX_PARAM_CHARS = 300
_MAX_VALUES = 50  # per repeatable parameter


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
    match: str = EXACT  # keyword match: EXACT, or FORMS for derived forms too

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
            match=FORMS if last(MATCH_PARAM) == FORMS and last("q") else EXACT,
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
        if self.match == FORMS and self.q.strip():
            params[MATCH_PARAM] = FORMS
        return params

    def query_string(self, **changes: object) -> str:
        """Return the URL query string of these filters with some fields changed."""
        return urlencode(replace(self, **changes).to_params(), doseq=True)

    @property
    def keyword(self) -> Keyword:
        """Return the keyword query of these filters, in their match mode."""
        return Keyword(self.q, forms=self.match == FORMS)

    @property
    def active(self) -> bool:
        """Return whether any filter is set."""
        return bool(self.to_params())

    def describe(self, lang: str = i18n.DEFAULT) -> str:
        """Return a short description of the active filters in the interface language."""
        parts = []
        if self.speakers:
            parts.append(i18n.t("filters.speaker", lang, value=" / ".join(self.speakers)))
        if self.sources:
            parts.append(i18n.t("filters.outlet", lang, value=" / ".join(self.sources)))
        if self.themes:
            parts.append(i18n.t("filters.theme", lang, value=" / ".join(i18n.theme(t, lang) for t in self.themes)))
        if self.docs:
            parts.append(i18n.t("filters.document", lang, value=" / ".join(self.docs)))
        if self.q.strip():
            forms = " " + i18n.t("filters.forms", lang) if self.match == FORMS else ""
            parts.append(i18n.t("filters.keyword", lang, value=self.q.strip()) + forms)
        if self.date_from or self.date_to:
            start, end = (i18n.date(d, lang) if d else "…" for d in (self.date_from, self.date_to))
            parts.append(i18n.t("filters.dates", lang, start=start, end=end))
        return i18n.t("filters.separator", lang).join(parts) or i18n.t("filters.none", lang)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
