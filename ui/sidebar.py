"""The sidebar: corpus picker and upload, then the global filters that live in the URL query string."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from qawl.analysis import Corpus
from qawl.filters import PARAM_KEYS, Filters
from ui import html, uploads
from ui.corpus import failure, open_corpus, path_sources, warn_unwritable_cache

MAX_SPEAKER_OPTIONS = 1000
MAX_DOC_OPTIONS = 2000
# The sidebar box is left-to-right and clips what overflows on the right, where an Arabic title begins: keep it short.
DOC_TITLE_CHARS = 30
KEYS = {"speakers": "filter_speaker", "theme": "filter_theme", "doc": "filter_doc", "q": "filter_q",
        "dates": "filter_dates"}
_SEEDED_FOR = "qawl_filters_for"
_DROPPED = "qawl_filters_dropped"
_CLEARED = "qawl_filters_cleared"
_SWITCH = "qawl_switch_corpus"  # the corpus the picker shows on the next run (the bundled one, when another failed)
_NOTICE = "qawl_corpus_notice"  # why the picker switched, shown until the user picks a corpus


def corpus_picker() -> Corpus | None:
    """Render the corpus picker and upload; return the chosen corpus, or the bundled one, shown as chosen and
    with the reason in the main area, when the chosen one cannot be opened."""
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
    corpus = open_corpus(by_id[choice])
    if corpus is None and choice != "bundled":
        state[_SWITCH] = "bundled"
        state[_NOTICE] = f"{failure(by_id[choice]).rstrip('.')}. Showing the bundled corpus instead."
        st.rerun()
    warn_unwritable_cache()
    if corpus is not None and corpus.frames.warnings:
        with st.sidebar.expander(f"{len(corpus.frames.warnings)} reading warnings"):
            for message in corpus.frames.warnings[:200]:
                st.caption(message)
    return corpus


def _url_filters() -> Filters:
    params = st.query_params
    return Filters.from_params({k: params.get_all(k) for k in PARAM_KEYS})


def _date_span(corpus: Corpus) -> tuple[dt.date, dt.date] | None:
    dates = corpus.frames.documents["date"].dropna()
    return (dates.min().date(), dates.max().date()) if not dates.empty else None


def _widget_filters(corpus: Corpus) -> Filters:
    state = st.session_state
    date_from = date_to = None
    span = _date_span(corpus)
    chosen = state.get(KEYS["dates"])
    if span and isinstance(chosen, (tuple, list)) and len(chosen) == 2:
        date_from = chosen[0] if chosen[0] > span[0] else None
        date_to = chosen[1] if chosen[1] < span[1] else None
    return Filters(speakers=tuple(state.get(KEYS["speakers"]) or ()), theme=state.get(KEYS["theme"]) or "",
                   doc=state.get(KEYS["doc"]) or "", q=state.get(KEYS["q"]) or "",
                   date_from=date_from, date_to=date_to)


def _seed(corpus: Corpus, wanted: Filters) -> None:
    """Put the wanted filters into the widgets, dropping values this corpus does not have."""
    known = set(corpus.frames.speakers["speaker"])
    speakers = [s for s in wanted.speakers if s in known]
    dropped = [f"speaker {s}" for s in wanted.speakers if s not in known]
    theme = wanted.theme if wanted.theme in corpus.themes else ""
    doc = wanted.doc if wanted.doc in corpus.doc_index else ""
    dropped += [f"theme {wanted.theme}"] * (theme != wanted.theme) + [f"document {wanted.doc}"] * (doc != wanted.doc)
    state = st.session_state
    state[KEYS["speakers"]], state[KEYS["theme"]], state[KEYS["doc"]] = speakers, theme, doc
    state[KEYS["q"]] = wanted.q
    span = _date_span(corpus)
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


def _speaker_options(corpus: Corpus, chosen: list[str]) -> tuple[list[str], dict[str, int]]:
    """Return the most quoted speakers (plus the chosen ones) and their sentence counts."""
    speakers = corpus.frames.speakers
    top = speakers.head(MAX_SPEAKER_OPTIONS)
    extra = speakers[speakers["speaker"].isin(chosen)]
    counts = dict(zip(extra["speaker"], extra["n_sentences"], strict=True))
    counts |= dict(zip(top["speaker"], top["n_sentences"], strict=True))
    return list(dict.fromkeys([*chosen, *top["speaker"]])), counts


def _doc_options(corpus: Corpus, chosen: str) -> tuple[list[str], dict[str, str]]:
    """Return "" (all documents), the chosen document and the first documents, with their titles."""
    docs = corpus.frames.documents
    shown = docs.head(MAX_DOC_OPTIONS)
    if chosen and chosen in corpus.doc_index:
        shown = pd.concat([docs.iloc[[corpus.doc_index[chosen]]], shown])
    titles = dict(zip(shown["doc_id"].astype(str), shown["title"].astype(str).map(html.title), strict=True))
    return ["", *titles], titles


def _short(title: str) -> str:
    return title if len(title) <= DOC_TITLE_CHARS else title[: DOC_TITLE_CHARS - 1].rstrip() + "…"


def filters(corpus: Corpus) -> Filters:
    """Render the filter widgets (seeded from the URL on a session's first run) and return the filters."""
    state = st.session_state
    if state.get(_SEEDED_FOR) != corpus.key:
        if _SEEDED_FOR not in state:
            wanted = _url_filters()
        elif state.pop(_CLEARED, False):
            wanted = Filters()
        else:
            wanted = _widget_filters(corpus)
        _seed(corpus, wanted)
        state[_SEEDED_FOR] = corpus.key
    options, counts = _speaker_options(corpus, state[KEYS["speakers"]])
    doc_options, titles = _doc_options(corpus, state[KEYS["doc"]])
    with st.sidebar:
        st.subheader("Filters")
        st.multiselect("Speakers", options, key=KEYS["speakers"], format_func=lambda s: f"{s} ({counts.get(s, 0)})",
                       placeholder="All speakers")
        st.selectbox("Theme", ["", *corpus.themes], key=KEYS["theme"], format_func=lambda t: t or "All themes")
        st.selectbox("Document", doc_options, key=KEYS["doc"],
                     format_func=lambda d: f"{_short(titles.get(d, d))} · {d}" if d else "All documents")
        st.text_input("Keyword", key=KEYS["q"], placeholder="e.g. التعاون",
                      help="Matched on normalized Arabic: أ/ا, ى/ي, ة/ه, diacritics and و/ال clitics don't matter.")
        span = _date_span(corpus)
        if span:
            st.date_input("Dates", key=KEYS["dates"], min_value=span[0], max_value=span[1], format="YYYY-MM-DD")
        st.button("Clear filters", key="filter_clear", on_click=_clear)
        for item in state.pop(_DROPPED, []):
            st.warning(f"Not in this corpus, ignored: {item}")
    chosen = _widget_filters(corpus)
    _write_url(chosen)
    return chosen
