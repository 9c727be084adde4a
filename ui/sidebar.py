"""The sidebar: corpus picker and upload, then the global filters that live in the URL query string."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from qawl import i18n
from qawl.filters import PARAM_KEYS, Filters
from qawl.search import EXACT, FORMS
from qawl.store import Store
from ui import html, uploads
from ui.context import ask
from ui.corpus import failure, label, open_corpus, path_sources, warn_unwritable_cache

MAX_SPEAKER_OPTIONS = 1000
MAX_DOC_OPTIONS = 2000
# The sidebar box is left-to-right and clips what overflows on the right, where an Arabic title begins: keep it short.
DOC_TITLE_CHARS = 30
KEYS = {"speakers": "filter_speaker", "sources": "filter_source", "themes": "filter_theme", "docs": "filter_doc",
        "q": "filter_q", "match": "filter_match", "dates": "filter_dates"}
# How a value the link asked for is named when this corpus does not have it.
DROPPED_LABELS = {"speakers": "filters.speaker", "sources": "filters.outlet", "themes": "filters.theme",
                  "docs": "filters.document"}
_SEEDED_FOR = "qawl_filters_for"
_DROPPED = "qawl_filters_dropped"
_CLEARED = "qawl_filters_cleared"
_SWITCH = "qawl_switch_corpus"  # the corpus the picker shows on the next run (the bundled one, when another failed)
_NOTICE = "qawl_corpus_notice"  # why the picker switched, shown until the user picks a corpus


def corpus_picker(lang: str = i18n.DEFAULT) -> tuple[Store | None, str]:
    """Render the corpus picker and upload; return the chosen corpus's store, or the bundled one's, shown as chosen
    and with the reason in the main area, when the chosen one cannot be opened; and the corpus's name in the
    interface language."""
    sources = path_sources() + uploads.sources()
    by_id = {s.id: s for s in sources}
    state = st.session_state
    if state.get(_SWITCH) in by_id:  # set before the picker is drawn: a widget's value cannot change after
        state["corpus_choice"] = state.pop(_SWITCH)
    if state.get("corpus_choice") not in by_id:
        state["corpus_choice"] = sources[0].id
    with st.sidebar:
        st.subheader(i18n.t("sidebar.corpus", lang))
        choice = st.selectbox(i18n.t("sidebar.corpus", lang), list(by_id), key="corpus_choice",
                              format_func=lambda i: label(by_id[i], lang), label_visibility="collapsed",
                              on_change=lambda: state.pop(_NOTICE, None))
        with st.expander(i18n.t("sidebar.upload", lang)):
            uploads.widget(lang)
    if state.get(_NOTICE):
        st.error(state[_NOTICE])
    store = open_corpus(by_id[choice], lang)
    if store is None and choice != "bundled":
        state[_SWITCH] = "bundled"
        state[_NOTICE] = i18n.t("corpus.showing_bundled", lang, reason=failure(by_id[choice]).rstrip("."))
        st.rerun()
    warn_unwritable_cache(lang)
    if store is not None:
        _notes(i18n.t("sidebar.reading_warnings", lang, n=len(store.warnings)), store.warnings)
        _notes(i18n.t("corrections.problems", lang, n=len(store.correction_notes)), store.correction_notes)
    return store, label(by_id[choice], lang)


def _notes(title: str, messages: list[str]) -> None:
    """List messages (the first 200) in a closed sidebar expander, when there are any."""
    if messages:
        with st.sidebar.expander(title, icon=":material/warning:"):
            for message in messages[:200]:
                st.caption(message)


def _url_filters() -> Filters:
    params = st.query_params
    return Filters.from_params({k: params.get_all(k) for k in PARAM_KEYS})


def _widget_filters(store: Store) -> Filters:
    state = st.session_state
    date_from = date_to = None
    span = ask(store, "date_span")
    chosen = state.get(KEYS["dates"])
    if span and isinstance(chosen, (tuple, list)) and len(chosen) == 2:
        date_from = chosen[0] if chosen[0] > span[0] else None
        date_to = chosen[1] if chosen[1] < span[1] else None
    return Filters(speakers=tuple(state.get(KEYS["speakers"]) or ()), sources=tuple(state.get(KEYS["sources"]) or ()),
                   themes=tuple(state.get(KEYS["themes"]) or ()), docs=tuple(state.get(KEYS["docs"]) or ()),
                   q=state.get(KEYS["q"]) or "", date_from=date_from, date_to=date_to,
                   match=FORMS if state.get(KEYS["match"]) else EXACT)


def _seed(store: Store, wanted: Filters, lang: str, message: str = "sidebar.ignored") -> None:
    """Put the wanted filters into the widgets, dropping values this corpus does not have (each named in a message
    of the catalog, for the page to show)."""
    found = {
        "speakers": set(ask(store, "speaker_counts", None, wanted.speakers)["speaker"]) if wanted.speakers else set(),
        "sources": set(ask(store, "sources")),
        "themes": set(ask(store, "themes")),
        "docs": set(ask(store, "document_titles", None, wanted.docs)["doc_id"]) if wanted.docs else set(),
    }
    state = st.session_state
    dropped = []
    for field, known in found.items():
        values = getattr(wanted, field)
        state[KEYS[field]] = [v for v in values if v in known]
        dropped += [i18n.t(message, lang, item=i18n.t(DROPPED_LABELS[field], lang, value=v))
                    for v in values if v not in known]
    state[KEYS["q"]] = wanted.q
    state[KEYS["match"]] = wanted.match == FORMS
    span = ask(store, "date_span")
    if span:
        lo = min(max(wanted.date_from or span[0], span[0]), span[1])
        hi = max(min(wanted.date_to or span[1], span[1]), lo)
        state[KEYS["dates"]] = (lo, hi)
    state[_DROPPED] = dropped


def _clear() -> None:
    st.session_state[_SEEDED_FOR] = None
    st.session_state[_CLEARED] = True


def _write_url(filters: Filters) -> None:
    wanted = filters.to_params()
    params = st.query_params
    for key in PARAM_KEYS:
        value = wanted.get(key, [])
        target = [value] if isinstance(value, str) else list(value)
        if params.get_all(key) != target:
            if target:
                params[key] = target
            else:
                del params[key]


@lru_cache(maxsize=16_384)
def _count(n: int, lang: str) -> str:
    """Return a speaker's sentence count written for the language: Streamlit formats the 1,000 options of the speaker
    filter on every run of every page, and Babel took 0.04-0.08 s of each."""
    return i18n.number(n, lang)


def _speaker_options(store: Store, chosen: list[str]) -> tuple[list[str], dict[str, int]]:
    """Return the most quoted speakers (plus the chosen ones) and their sentence counts."""
    top = ask(store, "speaker_counts", MAX_SPEAKER_OPTIONS)
    counts = dict(zip(top["speaker"], top["n_sentences"], strict=True))
    missing = tuple(s for s in chosen if s not in counts)
    if missing:
        extra = ask(store, "speaker_counts", None, missing)
        counts |= dict(zip(extra["speaker"], extra["n_sentences"], strict=True))
    return list(dict.fromkeys([*chosen, *top["speaker"]])), counts


def ignored() -> tuple[str, ...]:
    """Return (once) the messages naming what the URL (or the corpus left) asked for that this corpus does not
    have: the page shows them."""
    return tuple(st.session_state.pop(_DROPPED, ()))


def _doc_options(store: Store, chosen: list[str]) -> tuple[list[str], dict[str, str]]:
    """Return the chosen documents and the first documents, with their titles."""
    shown = ask(store, "document_titles", MAX_DOC_OPTIONS)
    titles = dict(zip(shown["doc_id"], shown["title"].map(html.title), strict=True))
    missing = tuple(d for d in chosen if d not in titles)
    if missing:
        extra = ask(store, "document_titles", None, missing)
        titles |= dict(zip(extra["doc_id"], extra["title"].map(html.title), strict=True))
    return list(dict.fromkeys([*chosen, *shown["doc_id"]])), titles


def _short(title: str) -> str:
    """Return the start of a title; the … is at its end, which CSS (html.CSS: plaintext) draws on the left of an
    Arabic title, so that the cut shows where the title goes on."""
    return title if len(title) <= DOC_TITLE_CHARS else title[: DOC_TITLE_CHARS - 1].rstrip() + "…"


def filters(store: Store, lang: str = i18n.DEFAULT) -> Filters:
    """Render the filter widgets (seeded from the URL on a session's first run) and return the filters."""
    state = st.session_state
    if state.get(_SEEDED_FOR) != store.key:
        message = "sidebar.ignored"
        if _SEEDED_FOR not in state:
            wanted, message = _url_filters(), "header.no_match_ignored"
        elif state.pop(_CLEARED, False):
            wanted = Filters()
        else:
            wanted = _widget_filters(store)
        _seed(store, wanted, lang, message)
        state[_SEEDED_FOR] = store.key
    options, counts = _speaker_options(store, state[KEYS["speakers"]])
    doc_options, titles = _doc_options(store, state[KEYS["docs"]])
    outlets = ask(store, "sources")

    def t(key: str, **fields: object) -> str:
        return i18n.t(key, lang, **fields)

    with st.sidebar:
        st.subheader(t("sidebar.filters"))
        st.multiselect(t("sidebar.speakers"), options, key=KEYS["speakers"], placeholder=t("sidebar.all_speakers"),
                       format_func=lambda s: f"{s} ({_count(counts.get(s, 0), lang)})")
        if outlets:
            st.multiselect(t("sidebar.source"), outlets, key=KEYS["sources"], placeholder=t("sidebar.all_sources"))
        st.multiselect(t("sidebar.theme"), ask(store, "themes"), key=KEYS["themes"],
                       placeholder=t("sidebar.all_themes"), format_func=lambda name: i18n.theme(name, lang))
        st.multiselect(t("sidebar.document"), doc_options, key=KEYS["docs"], placeholder=t("sidebar.all_documents"),
                       format_func=lambda d: f"{_short(titles.get(d, d))} · {d}")
        st.text_input(t("sidebar.keyword"), key=KEYS["q"], placeholder=t("sidebar.keyword_placeholder"),
                      help=t("sidebar.keyword_help"))
        st.toggle(t("sidebar.forms"), key=KEYS["match"], help=t("sidebar.forms_help"))
        span = ask(store, "date_span")
        if span:
            st.date_input(t("sidebar.dates"), key=KEYS["dates"], min_value=span[0], max_value=span[1],
                          format="YYYY-MM-DD")
        st.button(t("sidebar.clear"), key="filter_clear", on_click=_clear)
    chosen = _widget_filters(store)
    _write_url(chosen)
    return chosen
