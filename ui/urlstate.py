"""Page settings kept in the URL query string beside the filters, so that a shared link reopens the same view.

A page seeds its widgets from the URL once per session (a link opened is a new session) and writes their values
back on every run; the default of a setting needs no parameter. Moving to another page clears the query string
(Streamlit's navigation), and the sidebar writes the filters back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import streamlit as st

_SEEDED = "qawl_url_seeded"

Read = Callable[[list[str]], object]


def restore(key: str, param: str, read: Read) -> None:
    """Put the URL's value of param into the widget state `key` on the widget's first run in this session
    (read returns None for a value it does not take: the widget keeps its default)."""
    seeded = st.session_state.setdefault(_SEEDED, set())
    if key in seeded:
        return
    seeded.add(key)
    values = [v.strip() for v in st.query_params.get_all(param) if v.strip()]
    value = read(values) if values else None
    if value is not None:
        st.session_state[key] = value


def keep(param: str, value: str | Sequence[str] | None) -> None:
    """Write one page setting to the URL; None or nothing removes it."""
    target = [] if value is None else [value] if isinstance(value, str) else list(value)
    if st.query_params.get_all(param) != target:
        if target:
            st.query_params[param] = target
        else:
            del st.query_params[param]


def one_of(options: Collection[str]) -> Read:
    """Return a reader of a parameter that names one of options (its last value)."""
    return lambda values: values[-1] if values[-1] in options else None


def whole(low: int, high: int | None = None) -> Read:
    """Return a reader of a whole-number parameter between low and high."""

    def read(values: list[str]) -> int | None:
        text = values[-1]
        if not text.isascii() or not text.isdigit() or len(text) > 9:
            return None
        number = int(text)
        return number if number >= low and (high is None or number <= high) else None

    return read


def several(limit: int, chars: int = 100) -> Read:
    """Return a reader of a repeated parameter: its distinct values, at most limit of them, each cut to chars."""
    return lambda values: list(dict.fromkeys(v[:chars] for v in values))[:limit] or None
