"""Keyword timelines: any words over dates (or over sentence positions of one article), counted as the search
matches them; the page's settings live in the URL (term, measure, bucket, split, tmatch)."""

import streamlit as st

from qawl import i18n
from qawl.search import EXACT, FORMS
from ui import charts, context, urlstate

BUCKETS = {"auto": "timelines.buckets_auto", "D": "timelines.day", "W": "timelines.week", "M": "timelines.month"}
MEASURES = {"count": "timelines.count", "rate": "timelines.per_thousand"}
OPTIONS = 300  # the most frequent words offered in the keyword picker; any other word can be typed
MAX_TERMS = 8

view = context.current()
if context.header(view, "page.timelines"):
    t = view.t
    urlstate.restore("timeline_forms", "tmatch", lambda v: v[-1] == FORMS)
    # Each offered word with the count its chart shows: as the search matches it, in the mode chosen below.
    top = context.compute(view, "word_counts", OPTIONS, forms=st.session_state.get("timeline_forms", False))
    if top.empty:
        st.info(t("timelines.no_keyword"))
        st.stop()
    counts = dict(zip(top["word"], top["count"], strict=True))
    urlstate.restore("timeline_terms", "term", urlstate.several(MAX_TERMS))
    if "timeline_terms" not in st.session_state:  # the query's words, else the most telling frequent words
        labels = dict(zip(top["term"], top["word"], strict=True))
        asked = [w for part in view.filters.keyword.groups for w in part]
        st.session_state["timeline_terms"] = (asked or [labels[t] for t in context.compute(
            view, "default_terms", pool=OPTIONS) if t in labels] or top["word"].head(5).tolist())[:MAX_TERMS]
    for key, param, options in (("timeline_measure", "measure", MEASURES), ("timeline_bucket", "bucket", BUCKETS)):
        urlstate.restore(key, param, urlstate.one_of(options))
    urlstate.restore("timeline_by_speaker", "split", lambda v: v[-1] == "1")
    words = st.multiselect(t("timelines.keywords"), list(counts), key="timeline_terms", max_selections=MAX_TERMS,
                           accept_new_options=True, placeholder=t("timelines.add_word"),
                           format_func=lambda w: f"{w} ({i18n.number(counts[w], view.lang)})" if w in counts else w,
                           help=t("timelines.keywords_help"))
    measure_col, bucket_col, split_col = st.columns(3)
    measure = measure_col.radio(t("timelines.measure"), list(MEASURES), key="timeline_measure", horizontal=True,
                                format_func=lambda m: t(MEASURES[m]))
    kind, _ = context.compute(view, "axis")
    bucket = "auto"
    if kind == "date":
        bucket = bucket_col.selectbox(t("timelines.buckets"), list(BUCKETS), format_func=lambda b: t(BUCKETS[b]),
                                      key="timeline_bucket")
    else:
        bucket_col.caption(t("timelines.positions"))
    split = split_col.toggle(t("timelines.by_speaker"), key="timeline_by_speaker")
    forms = split_col.toggle(t("sidebar.forms"), key="timeline_forms", help=t("sidebar.forms_help"))
    for param, value in (("term", words), ("measure", measure if measure != "count" else None),
                         ("bucket", bucket if bucket != "auto" else None), ("split", "1" if split else None),
                         ("tmatch", FORMS if forms else None)):
        urlstate.keep(param, value)
    found, missing = context.compute(view, "find_words", " ".join(words), forms=forms)
    for word in missing:
        st.warning(t("timelines.not_in_corpus", word=word))
    if not found:
        st.info(t("timelines.choose"))
        st.stop()
    frame = context.compute(view, "timeline", found, per_thousand=measure != "count", by_speaker=split, bucket=bucket,
                            match=FORMS if forms else EXACT)
    y_title = t("timelines.occurrences" if measure == "count" else "timelines.per_thousand")
    st.plotly_chart(charts.trend(frame, "value", "speaker" if split else "keyword", t("timelines.title"), y_title,
                                 facet="keyword" if split else None, counts=measure == "count", lang=view.lang),
                    key="chart_timeline", config=charts.CONFIG)
    with st.expander(t("numbers")):
        st.dataframe(charts.numbers(frame, view.lang), hide_index=True, key="timeline_table")
