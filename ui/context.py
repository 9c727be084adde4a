"""What every page works on: the chosen corpus, the filters and their sentence mask, with cached aggregates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import streamlit as st

from qawl import analysis
from qawl.analysis import Corpus
from qawl.filters import Filters

_VIEW = "qawl_view"


@dataclass(frozen=True)
class View:
    """The corpus, the filters and which sentences they keep."""

    corpus: Corpus
    filters: Filters
    mask: np.ndarray

    @property
    def n_sentences(self) -> int:
        """Return how many sentences the filters keep."""
        return int(self.mask.sum())


@st.cache_resource(max_entries=64, show_spinner=False)
def _mask(key: str, filters: Filters, _corpus: Corpus) -> np.ndarray:
    mask = analysis.apply(_corpus, filters)
    mask.flags.writeable = False  # shared by every session: nobody may change it in place
    return mask


def publish(corpus: Corpus, filters: Filters) -> View:
    """Compute (or fetch) the mask of the filters and make the view available to the page about to run."""
    view = View(corpus, filters, _mask(corpus.key, filters, corpus))
    st.session_state[_VIEW] = view
    return view


def current() -> View:
    """Return the view app.py published for this run (taken, so that a page never sees a stale one)."""
    view = st.session_state.pop(_VIEW, None)
    if view is None:
        _route_through_app()
        st.error("Open the dashboard with `streamlit run app.py`.")
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
def _compute(name: str, key: str, filters: Filters, args: tuple, kwargs: tuple, _fn: Callable, _view: View) -> Any:
    return _fn(_view.corpus, _view.mask, *args, **dict(kwargs))


def compute(fn: Callable[..., Any], view: View, *args: Any, **kwargs: Any) -> Any:
    """Return fn(corpus, mask, *args, **kwargs), cached per (function, corpus content, filters, arguments)."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    return _compute(name, view.corpus.key, view.filters, args, tuple(sorted(kwargs.items())), fn, view)


def header(view: View, title: str) -> bool:
    """Show the page title and what is shown; return False (after a friendly note) when the filters keep nothing."""
    st.title(title)
    total = len(view.corpus.frames.sentences)
    docs = analysis.n_documents(view.corpus, view.mask)
    st.caption(f"{view.corpus.name} · {view.n_sentences:,} of {total:,} sentences in {docs:,} articles · "
               f"{view.filters.describe()}")
    if view.n_sentences == 0:
        st.info("No sentence matches these filters. Loosen a filter in the sidebar, or press *Clear filters*.")
        return False
    return True
