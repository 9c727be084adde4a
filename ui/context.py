"""What every page works on: the chosen corpus's store and the filters, with the store's answers cached."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import streamlit as st

from qawl import i18n
from qawl.filters import Filters
from qawl.store import Store
from ui import html

_VIEW = "qawl_view"
_log = logging.getLogger(__name__)
_IDLE = threading.Condition()  # guards _runs and _last_run
_runs = 0  # script runs of this process going on (running)
_last_run = 0.0  # when one began or ended (time.monotonic)
QUIET = 0.5  # seconds without a run before a warm-up step: a step is not cut off by the run that comes after it


@dataclass(frozen=True)
class View:
    """The corpus's store, the filters the sidebar holds and the interface language."""

    store: Store
    filters: Filters
    lang: str = i18n.DEFAULT
    corpus: str = ""  # the corpus's name in the interface language
    ignored: tuple[str, ...] = ()  # messages naming what the link asked for that this corpus does not have

    def t(self, key: str, **fields: object) -> str:
        """Return a label in the interface language (qawl.i18n.t)."""
        return i18n.t(key, self.lang, **fields)

    @property
    def n_sentences(self) -> int:
        """Return how many sentences the filters keep."""
        return compute(self, "counts")[0]


def publish(store: Store, filters: Filters, lang: str = i18n.DEFAULT, corpus: str = "",
            ignored: tuple[str, ...] = ()) -> View:
    """Make the view available to the page about to run."""
    view = View(store, filters, lang, corpus or store.name, ignored)
    st.session_state[_VIEW] = view
    return view


@contextlib.contextmanager
def running() -> Iterator[None]:
    """Count a script run of this process while it lasts (the background warm-up works between runs)."""
    global _runs, _last_run
    with _IDLE:
        _runs += 1
        _last_run = time.monotonic()
    try:
        yield
    finally:
        with _IDLE:
            _runs -= 1
            _last_run = time.monotonic()
            _IDLE.notify_all()


def _between_runs() -> None:
    """Return once no script run of this process has gone on for QUIET seconds (a rerun often follows a run)."""
    with _IDLE:
        while True:
            _IDLE.wait_for(lambda: _runs == 0)
            left = _last_run + QUIET - time.monotonic()
            if left <= 0:
                return
            _IDLE.wait(left)


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Prepare the chart pages in the background, once per process, a step at a time between script runs
    (ui.charts.WARM_UP): the first chart page of a fresh server waited 0.6-1.2 s for Plotly Express, the word cloud
    and their first drawings; beside a run, the same work (the GIL) slowed it by as much."""

    def prepare() -> None:
        try:
            _between_runs()
            from ui import charts  # here, not at the top: imported off the pages' runs

            for step in charts.WARM_UP:
                _between_runs()
                step()
        except Exception:  # the page will do it itself, and say what fails
            _log.exception("preparing the charts failed")

    thread = threading.Thread(target=prepare, name="qawl-warm-up-charts", daemon=True)
    thread.start()
    return thread


def current() -> View:
    """Return the view app.py published for this run (taken, so that a page never sees a stale one)."""
    view = st.session_state.pop(_VIEW, None)
    if view is None:
        _route_through_app()
        st.error(i18n.t("app.open_with_streamlit", i18n.DEFAULT))
        st.stop()
    return view


def _route_through_app() -> None:
    """Rerun through app.py when Streamlit ran a page script alone, taking pages/ for an old-style multipage app.

    Why (checked on Streamlit 1.67): a folder named pages/ beside the entry script switches Streamlit to its
    old multipage mode until some run calls st.navigation. So the first request of a fresh server for a page
    URL (…/export?speaker=…) runs pages/export.py alone, without app.py's sidebar, corpus and filters; AppTest
    resets that mode before every run, so there every switch_page lands here. No public option turns the old mode
    off: only st.navigation clears the (private) class flag, and app.py can call it only once it runs. Clearing it
    here and rerunning resolves the same URL, query string kept, through app.py's navigation. Renaming pages/
    would avoid all this, but the project's layout names it. If a Streamlit release drops the flag, this does
    nothing and the page shows its "open app.py" message; tests/test_pages.py opens a page URL first to catch it.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:
        return
    if getattr(PagesManager, "uses_pages_directory", None):
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.cache_data(max_entries=512, show_spinner=False)
def _compute(key: str, filters: Filters, method: str, args: tuple, kwargs: tuple, _store: Store) -> Any:
    return getattr(_store, method)(filters, *args, **dict(kwargs))


def compute(view: View, method: str, *args: Any, **kwargs: Any) -> Any:
    """Return view.store.method(filters, *args, **kwargs), cached per (store key, filters, method, arguments)."""
    return _compute(view.store.key, view.filters, method, args, tuple(sorted(kwargs.items())), view.store)


@st.cache_data(max_entries=256, show_spinner=False)
def _ask(key: str, method: str, args: tuple, _store: Store) -> Any:
    return getattr(_store, method)(*args)


def ask(store: Store, method: str, *args: Any) -> Any:
    """Return store.method(*args), a fact of the whole corpus (themes, outlets …), cached per store key."""
    return _ask(store.key, method, args, store)


def header(view: View, title: str) -> bool:
    """Show the page title (a catalog key), what is shown and what the link asked for in vain; return False (after a
    friendly note) when the filters keep nothing."""
    st.title(view.t(title))
    n_sentences, docs = compute(view, "counts")
    total = ask(view.store, "size")
    # Each part is isolated (<bdi>): a Latin corpus name or filter value must not pull the numbers next to it
    # into its own direction.
    st.caption(view.t("header.caption", corpus=html.isolated(view.corpus),
                      sentences=html.isolated(view.t("header.sentences", shown=n_sentences, n=total)),
                      articles=html.isolated(view.t("header.in_articles", n=docs)),
                      filters=html.isolated(view.filters.describe(view.lang))), unsafe_allow_html=True)
    for message in view.ignored:
        st.warning(message, icon=":material/link_off:")
    if n_sentences == 0:
        st.info(view.t("header.nothing"))
        return False
    return True
