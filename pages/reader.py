"""Reader: the articles right-to-left, each sentence marked with its speaker and themes; keyword concordance."""

import pandas as pd
import streamlit as st

from qawl.filters import Keyword, kwic
from ui import context, html

view = context.current()
if context.header(view, "Reader"):
    if st.session_state.get("reader_filters") != view.filters:
        st.session_state["reader_filters"] = view.filters
        st.session_state.pop("reader_page", None)
    left, right = st.columns([4, 1])
    size = right.selectbox("Sentences per page", (25, 50, 100), index=1, key="reader_page_size")
    n_pages = max(1, -(-view.n_sentences // size))
    if st.session_state.get("reader_page", 1) > n_pages:
        st.session_state.pop("reader_page", None)
    with left:
        page = st.pagination(n_pages, key="reader_page") if n_pages > 1 else 1
    rows = context.compute(view, "sentence_page", (page - 1) * size, size).to_dict("records")
    # Element ids number the page's articles in order: links only ever point within the page.
    numbers = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(r["doc_id"] for r in rows))}
    anchors = {(r["doc_id"], r["sentence_id"]): html.anchor(numbers[r["doc_id"]], r["sentence_id"]) for r in rows}
    keyword = Keyword(view.filters.q) if view.filters.q.strip() else None
    if keyword:
        lines = kwic(((r["doc_id"], r["sentence_id"], r["text"]) for r in rows), keyword)
        st.subheader(f"Concordance of “{view.filters.q.strip()}” on this page")
        if lines:
            st.html(html.kwic(lines, anchors))
        else:
            st.caption("The matching sentences hold the keyword only through a grouped form of the word.")
    blocks: dict[str, list[str]] = {}
    first: dict[str, dict] = {}  # the first row of each article: its title, outlet, date and length
    for row in rows:
        element = anchors[(row["doc_id"], row["sentence_id"])]
        blocks.setdefault(row["doc_id"], []).append(html.sentence(row, element, row["themes"], keyword))
        first.setdefault(row["doc_id"], row)
    for doc_id, sentences in blocks.items():
        doc = first[doc_id]
        date = doc["doc_date"].strftime("%Y-%m-%d %H:%M") if pd.notna(doc["doc_date"]) else "undated"
        meta = " · ".join(str(p) for p in (date, doc["source"], doc_id, f"{doc['doc_sentences']} sentences") if p)
        st.html(html.article(str(doc["title"]), meta, sentences))
