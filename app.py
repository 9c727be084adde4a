"""Qawl dashboard router: sidebar language, corpus picker and filters (shared by every page), then the chosen page."""

from ui import early

early.begin()  # the corpus's files checked meanwhile, in a child process (before the imports below: 0.6 s)

import streamlit as st  # noqa: E402

from qawl import i18n  # noqa: E402
from ui import context, html, sidebar  # noqa: E402
from ui import lang as language  # noqa: E402


def reader_alias() -> None:
    """Open the Reader (at the app root) with the filters of the /reader URL."""
    view = context.current()
    st.switch_page(reader, query_params=view.filters.to_params() | language.params(view.lang))


with context.running():  # counted while it lasts: the charts are prepared in the background between runs
    context.warm_up()
    lang = language.current()  # before anything is drawn: the page titles of the navigation are in it
    st.set_page_config(page_title=i18n.t("app.title", lang), page_icon=":material/format_quote:", layout="wide")

    # The default page is served at the app root; it still reserves a url_path, so /reader is a hidden alias.
    reader = st.Page("pages/reader.py", title=i18n.t("page.reader", lang), icon=":material/menu_book:",
                     url_path="home", default=True)
    page = st.navigation([
        reader,
        st.Page("pages/speakers.py", title=i18n.t("page.speakers", lang), icon=":material/record_voice_over:",
                url_path="speakers"),
        st.Page("pages/timelines.py", title=i18n.t("page.timelines", lang), icon=":material/timeline:",
                url_path="timelines"),
        st.Page("pages/themes.py", title=i18n.t("page.themes", lang), icon=":material/category:", url_path="themes"),
        st.Page("pages/sourcing.py", title=i18n.t("page.sourcing", lang), icon=":material/diversity_3:",
                url_path="sourcing"),
        st.Page("pages/export.py", title=i18n.t("page.export", lang), icon=":material/download:", url_path="export"),
        st.Page(reader_alias, title=i18n.t("page.reader", lang), url_path="reader", visibility="hidden"),
    ])
    st.html(html.css(lang))
    with st.sidebar:
        lang = language.switch()
    store, corpus = sidebar.corpus_picker(lang)
    if store is None:
        st.error(i18n.t("app.no_corpus", lang))
        st.stop()
    context.publish(store, sidebar.filters(store, lang), lang, corpus, sidebar.ignored())
    page.run()
