"""The interface language: a switch at the top of the sidebar, kept in the URL (?lang=ar), known before anything
is drawn (the navigation's page titles are in it)."""

from __future__ import annotations

import streamlit as st

from qawl import i18n
from ui import urlstate

KEY = "ui_lang"


def current() -> str:
    """Return the interface language: the switch's value, else the URL's (the default, English, without one)."""
    value = st.session_state.get(KEY)
    return value if value in i18n.LANGS else i18n.lang_of(st.query_params.get_all(i18n.LANG_PARAM))


def switch() -> str:
    """Render the language switch and keep its value in the URL; return the language."""
    urlstate.restore(KEY, i18n.LANG_PARAM, lambda values: i18n.lang_of(values[-1]))
    lang = st.session_state.setdefault(KEY, current())
    st.segmented_control(i18n.t("lang.switch", lang), i18n.LANGS, key=KEY, required=True,
                         format_func=lambda code: i18n.t(f"lang.{code}", code), label_visibility="collapsed")
    urlstate.keep(i18n.LANG_PARAM, params(lang).get(i18n.LANG_PARAM))
    return lang


def params(lang: str) -> dict[str, str]:
    """Return the URL parameters of a language (none for the default)."""
    return {i18n.LANG_PARAM: lang} if lang != i18n.DEFAULT else {}
