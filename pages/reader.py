"""Reader: the articles right-to-left, each sentence marked with its speaker (cue and mention underlined) and themes;
keyword concordance; a link (?doc=ID&sentence=N) opens an article at one sentence; a sentence's speaker corrected."""

import pandas as pd
import streamlit as st

from qawl import i18n
from qawl.filters import kwic
from ui import context, corrections, html, urlstate

SIZES = (25, 50, 100)

view = context.current()
if context.header(view, "page.reader"):
    if st.session_state.get("reader_filters") != view.filters:  # new filters start at their first page
        st.session_state["reader_filters"] = view.filters
        for key in ("reader_page", "reader_target"):
            st.session_state.pop(key, None)
    urlstate.restore("reader_page_size", "size", lambda v: int(v[-1]) if v[-1] in map(str, SIZES) else None)
    urlstate.restore("reader_target", "sentence", urlstate.whole(1))
    left, right = st.columns([4, 1])
    size = right.selectbox(view.t("reader.page_size"), SIZES, index=1, key="reader_page_size")
    n_pages = max(1, -(-view.n_sentences // size))
    urlstate.restore("reader_page", "page", urlstate.whole(1, n_pages))
    target = st.session_state.get("reader_target")
    jump = isinstance(target, int)  # a link to one sentence of one article (?doc=ID&sentence=N), just opened
    if jump:
        docs = view.filters.docs
        position = context.compute(view, "sentence_position", docs[0], target) if len(docs) == 1 else None
        st.session_state["reader_target"] = target = (docs[0], target) if position is not None else None
        if position is not None:
            st.session_state["reader_page"] = position // size + 1
    if st.session_state.get("reader_page", 1) > n_pages:
        st.session_state.pop("reader_page", None)
    with left:
        page = st.pagination(n_pages, key="reader_page") if n_pages > 1 else 1
    urlstate.keep("page", str(page) if page > 1 else None)
    urlstate.keep("size", str(size) if size != SIZES[1] else None)
    urlstate.keep("sentence", str(target[1]) if isinstance(target, tuple) else None)
    rows = context.compute(view, "sentence_page", (page - 1) * size, size).to_dict("records")
    # Element ids number the page's articles in order: links only ever point within the page.
    numbers = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(r["doc_id"] for r in rows))}
    anchors = {(r["doc_id"], r["sentence_id"]): html.anchor(numbers[r["doc_id"]], r["sentence_id"]) for r in rows}
    keyword = view.filters.keyword if view.filters.q.strip() else None
    if keyword:
        lines = kwic(((r["doc_id"], r["sentence_id"], r["text"]) for r in rows), keyword)
        st.subheader(view.t("reader.concordance", q=view.filters.q.strip()))
        if lines:
            st.html(html.kwic(lines, anchors, view.lang))
        else:
            st.caption(view.t("reader.no_concordance"))
    corrections.message()
    corrections.sentence_form(view, rows, target if isinstance(target, tuple) else None)
    st.html(html.legend(view.lang))
    blocks: dict[str, list[str]] = {}
    first: dict[str, dict] = {}  # the first row of each article: its title, outlet, date and length
    for row in rows:
        here = isinstance(target, tuple) and (row["doc_id"], row["sentence_id"]) == target
        element = anchors[(row["doc_id"], row["sentence_id"])]
        blocks.setdefault(row["doc_id"], []).append(html.sentence(row, element, row["themes"], keyword, view.lang,
                                                                  here=here))
        first.setdefault(row["doc_id"], row)
    for doc_id, sentences in blocks.items():
        doc = first[doc_id]
        date = i18n.date(doc["doc_date"].to_pydatetime(), view.lang, "time") if pd.notna(doc["doc_date"]) else \
            view.t("reader.undated")
        meta = (date, doc["source"], doc_id, view.t("reader.n_sentences", n=int(doc["doc_sentences"])))
        st.html(html.article(str(doc["title"]), meta, sentences))
    if jump and target in anchors:
        st.html(html.scroll_to(anchors[target]), unsafe_allow_javascript=True)
