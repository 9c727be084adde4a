"""Sourcing: who gets a voice. Reported sentences by kind of source and by gender, overall, per outlet and over
time; unnamed sources per outlet; the most quoted women."""

import streamlit as st

from qawl import i18n
from ui import charts, context

BUCKETS = {"auto": "timelines.buckets_auto", "D": "timelines.day", "W": "timelines.week", "M": "timelines.month"}
DIMENSIONS = ("kind", "gender")
WOMEN = 20  # rows of the most-quoted-women table
WOMEN_COLUMNS = ("speaker", "aliases", "n_sentences", "n_direct", "n_indirect", "n_documents", "n_sources")

view = context.current()
lang = view.lang


def t(key: str, **fields: object) -> str:
    """Return the label of key in the page's language."""
    return i18n.t(key, lang, **fields)


def chart(figure: object, key: str) -> None:
    """Draw a Plotly figure with the dashboard's chart options."""
    st.plotly_chart(figure, key=key, config=charts.CONFIG)


rtl = i18n.direction(lang) == "rtl"
if context.header(view, "page.sourcing"):
    kinds = context.compute(view, "sourcing_shares", dimension="kind")
    if kinds.empty:
        st.info(t("sourcing.nothing"))
        st.stop()
    st.caption(t("sourcing.intro"))
    by_kind, by_gender = st.columns(2)
    with by_kind:
        chart(charts.share_bars(kinds, "kind", t("sourcing.by_kind"), lang), "chart_sourcing_kinds")
    with by_gender:
        genders = context.compute(view, "sourcing_shares", dimension="gender")
        if genders.empty:
            st.info(t("sourcing.no_people"))
        else:
            chart(charts.share_bars(genders, "gender", t("sourcing.by_gender"), lang), "chart_sourcing_genders")
    dimension = st.radio(t("sourcing.dimension"), DIMENSIONS, key="sourcing_dimension", horizontal=True,
                         format_func=lambda d: t(f"sourcing.dimension.{d}"))
    outlets = context.compute(view, "sourcing_shares", dimension=dimension, group="source")
    named = bool(context.ask(view.store, "sources"))  # the corpus names its outlets
    st.subheader(t("sourcing.per_outlet"))
    if not named:
        st.caption(t("sourcing.no_outlets"))
    elif outlets.empty:
        st.info(t("sourcing.no_people"))
    else:
        chart(charts.stacked_share_bars(outlets, dimension, t(f"sourcing.per_outlet.{dimension}"), lang),
              "chart_sourcing_outlets")
    st.subheader(t("sourcing.over_time"))
    if context.compute(view, "axis")[0] != "date":
        st.caption(t("sourcing.undated"))
    else:
        bucket = st.selectbox(t("sourcing.buckets"), list(BUCKETS), key="sourcing_bucket",
                              format_func=lambda b: t(BUCKETS[b]))
        over_time = context.compute(view, "sourcing_shares", dimension=dimension, group="period", bucket=bucket)
        if over_time.empty:
            st.info(t("sourcing.no_people"))
        else:
            chart(charts.share_over_time(over_time, dimension, t(f"sourcing.over_time.{dimension}"), lang),
                  "chart_sourcing_time")
    if named:
        st.subheader(t("sourcing.unnamed"))
        st.caption(t("sourcing.unnamed_help"))
        unnamed = context.compute(view, "unnamed_by_source")
        chart(charts.unnamed_bars(unnamed, t("sourcing.unnamed_chart"), lang), "chart_sourcing_unnamed")
    st.subheader(t("sourcing.women"))
    women = context.compute(view, "quoted_women", n=WOMEN)
    if women.empty:
        st.caption(t("sourcing.no_women"))
    else:
        st.dataframe(women, hide_index=True, key="sourcing_women",  # the grid is drawn left to right
                     column_order=WOMEN_COLUMNS[::-1] if rtl else WOMEN_COLUMNS,
                     column_config={c: st.column_config.Column(t(f"sourcing.col.{c}")) for c in WOMEN_COLUMNS})
