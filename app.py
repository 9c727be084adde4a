"""Qawl dashboard router: sidebar corpus picker and filters (shared by every page), then the chosen page."""

import streamlit as st

from ui import context, html, sidebar

st.set_page_config(page_title="Qawl · who said what", page_icon=":material/format_quote:", layout="wide")

# The default page is served at the app root; it still reserves a url_path, so /reader is a hidden alias.
reader = st.Page("pages/reader.py", title="Reader", icon=":material/menu_book:", url_path="home", default=True)


def reader_alias() -> None:
    """Open the Reader (at the app root) with the filters of the /reader URL."""
    st.switch_page(reader, query_params=context.current().filters.to_params())


page = st.navigation([
    reader,
    st.Page("pages/speakers.py", title="Speakers", icon=":material/record_voice_over:", url_path="speakers"),
    st.Page("pages/timelines.py", title="Keyword timelines", icon=":material/timeline:", url_path="timelines"),
    st.Page("pages/themes.py", title="Themes", icon=":material/category:", url_path="themes"),
    st.Page("pages/sourcing.py", title="Sourcing", icon=":material/diversity_3:", url_path="sourcing"),
    st.Page("pages/export.py", title="Export", icon=":material/download:", url_path="export"),
    st.Page(reader_alias, title="Reader", url_path="reader", visibility="hidden"),
])
st.html(html.CSS)
store = sidebar.corpus_picker()
if store is None:
    st.error("No corpus could be opened. Check QAWL_CORPUS or upload articles in the sidebar.")
    st.stop()
context.publish(store, sidebar.filters(store))
page.run()
