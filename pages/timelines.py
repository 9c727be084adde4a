"""Keyword timelines: chosen keywords over dates (or over sentence positions of one article)."""

import streamlit as st

from qawl.filters import Keyword
from ui import charts, context

BUCKETS = {"auto": "by span", "D": "day", "W": "week", "M": "month"}
OPTIONS = 300  # the most frequent terms offered in the keyword picker

view = context.current()
if context.header(view, "Keyword timelines"):
    top = context.compute(view, "term_counts", OPTIONS)
    if top.empty:
        st.info("The shown sentences hold no keyword (only stop words or boilerplate).")
        st.stop()
    labels = dict(zip(top["term"], top["word"], strict=True))
    counts = dict(zip(top["term"], top["count"], strict=True))
    asked = [t for t in Keyword(view.filters.q).terms if t in labels]
    chosen = st.session_state.get("timeline_terms")
    if not chosen or any(t not in labels for t in chosen):
        defaults = [t for t in context.compute(view, "default_terms", pool=OPTIONS) if t in labels]
        st.session_state["timeline_terms"] = asked or defaults or top["term"].head(5).tolist()
    terms = st.multiselect("Keywords", top["term"].tolist(), key="timeline_terms", max_selections=8,
                           format_func=lambda t: f"{labels[t]} ({counts[t]})",
                           help="Words are grouped by their stem: التعاون, والتعاون and تعاون count together.")
    measure, bucket_col, split_col = st.columns(3)
    rate = measure.radio("Measure", ["count", "per 1,000 words"], key="timeline_measure", horizontal=True)
    kind, _ = context.compute(view, "axis")
    bucket = "auto"
    if kind == "date":
        bucket = bucket_col.selectbox("Date buckets", list(BUCKETS), format_func=BUCKETS.get, key="timeline_bucket")
    else:
        bucket_col.caption("One article or no dates: the x axis is the sentence position within the article.")
    split = split_col.toggle("Split by speaker", key="timeline_by_speaker")
    if not terms:
        st.info("Choose at least one keyword.")
        st.stop()
    frame = context.compute(view, "timeline", terms, per_thousand=rate != "count", by_speaker=split,
                            bucket=bucket)
    y_title = "occurrences" if rate == "count" else "per 1,000 words"
    st.plotly_chart(charts.trend(frame, "value", "speaker" if split else "keyword", "Keywords over time", y_title,
                                 facet="keyword" if split else None, counts=rate == "count"),
                    key="chart_timeline", config=charts.CONFIG)
    with st.expander("Numbers"):
        st.dataframe(frame.drop(columns="term"), hide_index=True, key="timeline_table")
