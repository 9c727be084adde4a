"""The sidebar: corpus picker and upload, then the global filters that live in the URL query string."""

from __future__ import annotations

import streamlit as st

from qawl.filters import PARAM_KEYS, Filters
from qawl.store import Store
from ui import html, uploads
from ui.context import ask
from ui.corpus import failure, open_corpus, path_sources, warn_unwritable_cache

MAX_SPEAKER_OPTIONS = 1000
MAX_DOC_OPTIONS = 2000
# The sidebar box is left-to-right and clips what overflows on the right, where an Arabic title begins: keep it short.
DOC_TITLE_CHARS = 30
KEYS = {"speakers": "filter_speaker", "sources": "filter_source", "themes": "filter_theme", "docs": "filter_doc",
        "q": "filter_q", "dates": "filter_dates"}
_SEEDED_FOR = "qawl_filters_for"
_DROPPED = "qawl_filters_dropped"
_CLEARED = "qawl_filters_cleared"
_SWITCH = "qawl_switch_corpus"  # the corpus the picker shows on the next run (the bundled one, when another failed)
_NOTICE = "qawl_corpus_notice"  # why the picker switched, shown until the user picks a corpus


def corpus_picker() -> Store | None:
    """Render the corpus picker and upload; return the chosen corpus's store, or the bundled one's, shown as chosen
    and with the reason in the main area, when the chosen one cannot be opened."""
    sources = path_sources() + uploads.sources()
    by_id = {s.id: s for s in sources}
    state = st.session_state
    if state.get(_SWITCH) in by_id:  # set before the picker is drawn: a widget's value cannot change after
        state["corpus_choice"] = state.pop(_SWITCH)
    if state.get("corpus_choice") not in by_id:
        state["corpus_choice"] = sources[0].id
    with st.sidebar:
        st.subheader("Corpus")
        choice = st.selectbox("Corpus", list(by_id), format_func=lambda i: by_id[i].name, key="corpus_choice",
                              label_visibility="collapsed", on_change=lambda: state.pop(_NOTICE, None))
        with st.expander("Upload articles"):
            uploads.widget()
    if state.get(_NOTICE):
        st.error(state[_NOTICE])
    store = open_corpus(by_id[choice])
    if store is None and choice != "bundled":
        state[_SWITCH] = "bundled"
        state[_NOTICE] = f"{failure(by_id[choice]).rstrip('.')}. Showing the bundled corpus instead."
        st.rerun()
    warn_unwritable_cache()
    if store is not None and store.warnings:
        with st.sidebar.expander(f"{len(store.warnings)} reading warnings"):
            for message in store.warnings[:200]:
                st.caption(message)
    return store


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
                   q=state.get(KEYS["q"]) or "", date_from=date_from, date_to=date_to)


def _seed(store: Store, wanted: Filters) -> None:
    """Put the wanted filters into the widgets, dropping values this corpus does not have."""
    found = {
        "speakers": set(ask(store, "speaker_counts", None, wanted.speakers)["speaker"]) if wanted.speakers else set(),
        "sources": set(ask(store, "sources")),
        "themes": set(ask(store, "themes")),
        "docs": set(ask(store, "document_titles", None, wanted.docs)["doc_id"]) if wanted.docs else set(),
    }
    labels = {"speakers": "speaker", "sources": "outlet", "themes": "theme", "docs": "document"}
    state = st.session_state
    dropped = []
    for field, known in found.items():
        values = getattr(wanted, field)
        state[KEYS[field]] = [v for v in values if v in known]
        dropped += [f"{labels[field]} {v}" for v in values if v not in known]
    state[KEYS["q"]] = wanted.q
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


def _speaker_options(store: Store, chosen: list[str]) -> tuple[list[str], dict[str, int]]:
    """Return the most quoted speakers (plus the chosen ones) and their sentence counts."""
    top = ask(store, "speaker_counts", MAX_SPEAKER_OPTIONS)
    counts = dict(zip(top["speaker"], top["n_sentences"], strict=True))
    missing = tuple(s for s in chosen if s not in counts)
    if missing:
        extra = ask(store, "speaker_counts", None, missing)
        counts |= dict(zip(extra["speaker"], extra["n_sentences"], strict=True))
    return list(dict.fromkeys([*chosen, *top["speaker"]])), counts


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
    return title if len(title) <= DOC_TITLE_CHARS else title[: DOC_TITLE_CHARS - 1].rstrip() + "…"


def filters(store: Store) -> Filters:
    """Render the filter widgets (seeded from the URL on a session's first run) and return the filters."""
    state = st.session_state
    if state.get(_SEEDED_FOR) != store.key:
        if _SEEDED_FOR not in state:
            wanted = _url_filters()
        elif state.pop(_CLEARED, False):
            wanted = Filters()
        else:
            wanted = _widget_filters(store)
        _seed(store, wanted)
        state[_SEEDED_FOR] = store.key
    options, counts = _speaker_options(store, state[KEYS["speakers"]])
    doc_options, titles = _doc_options(store, state[KEYS["docs"]])
    outlets = ask(store, "sources")
    with st.sidebar:
        st.subheader("Filters")
        st.multiselect("Speakers", options, key=KEYS["speakers"], format_func=lambda s: f"{s} ({counts.get(s, 0)})",
                       placeholder="All speakers")
        if outlets:
            st.multiselect("Outlets", outlets, key=KEYS["sources"], placeholder="All outlets")
        st.multiselect("Themes", ask(store, "themes"), key=KEYS["themes"], placeholder="All themes")
        st.multiselect("Documents", doc_options, key=KEYS["docs"], placeholder="All documents",
                       format_func=lambda d: f"{_short(titles.get(d, d))} · {d}")
        st.text_input("Keyword", key=KEYS["q"], placeholder="e.g. التعاون",
                      help="Matched on normalized Arabic: أ/ا, ى/ي, ة/ه, diacritics and و/ال clitics don't matter.")
        span = ask(store, "date_span")
        if span:
            st.date_input("Dates", key=KEYS["dates"], min_value=span[0], max_value=span[1], format="YYYY-MM-DD")
        st.button("Clear filters", key="filter_clear", on_click=_clear)
        for item in state.pop(_DROPPED, []):
            st.warning(f"Not in this corpus, ignored: {item}")
    chosen = _widget_filters(store)
    _write_url(chosen)
    return chosen
