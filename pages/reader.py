"""Reader: the articles right-to-left, each sentence marked with its speaker and themes; keyword concordance."""

import numpy as np
import streamlit as st

from qawl import analysis
from qawl.filters import Keyword, kwic
from ui import context, html

view = context.current()
if context.header(view, "Reader"):
    corpus = view.corpus
    positions = np.flatnonzero(view.mask)
    if st.session_state.get("reader_filters") != view.filters:
        st.session_state["reader_filters"] = view.filters
        st.session_state.pop("reader_page", None)
    left, right = st.columns([4, 1])
    size = right.selectbox("Sentences per page", (25, 50, 100), index=1, key="reader_page_size")
    n_pages = max(1, -(-len(positions) // size))
    if st.session_state.get("reader_page", 1) > n_pages:
        st.session_state.pop("reader_page", None)
    with left:
        page = st.pagination(n_pages, key="reader_page") if n_pages > 1 else 1
    shown = positions[(page - 1) * size : page * size]
    rows = analysis.sentences_at(corpus, shown).to_dict("records")
    themes = analysis.sentence_themes(corpus, shown)
    anchors = {(r["doc_id"], r["sentence_id"]): html.anchor(corpus.doc_index[r["doc_id"]], r["sentence_id"])
               for r in rows}
    keyword = Keyword(view.filters.q) if view.filters.q.strip() else None
    if keyword:
        lines = kwic(((r["doc_id"], r["sentence_id"], r["text"]) for r in rows), keyword)
        st.subheader(f"Concordance of “{view.filters.q.strip()}” on this page")
        if lines:
            st.html(html.kwic(lines, anchors))
        else:
            st.caption("The matching sentences hold the keyword only through a grouped form of the word.")
    docs = corpus.frames.documents
    blocks: dict[str, list[str]] = {}
    for position, row in zip(shown, rows, strict=True):
        element = anchors[(row["doc_id"], row["sentence_id"])]
        blocks.setdefault(row["doc_id"], []).append(html.sentence(row, element, themes.get(int(position), []), keyword))
    for doc_id, sentences in blocks.items():
        doc = docs.iloc[corpus.doc_index[doc_id]]
        date = doc["date"].strftime("%Y-%m-%d %H:%M") if doc["date"] == doc["date"] else "undated"
        meta = " · ".join(str(p) for p in (date, doc["source"], doc_id, f"{doc['n_sentences']} sentences") if p)
        st.html(html.article(str(doc["title"]), meta, sentences))
