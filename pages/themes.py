"""Themes: the share of sentences carrying each theme, overall, by speaker and over time."""

import streamlit as st

from ui import charts, context

view = context.current()
if context.header(view, "page.themes"):
    t = view.t
    shares = context.compute(view, "theme_shares")
    if shares.empty:
        st.info(t("themes.none"))
        st.stop()
    st.plotly_chart(charts.theme_bars(shares, view.lang), key="chart_theme_shares", config=charts.CONFIG)
    with st.expander(t("numbers")):
        st.dataframe(charts.numbers(shares, view.lang), hide_index=True, key="theme_table", column_config={
            t("column.share"): st.column_config.NumberColumn(format="%.1f")})
    speakers = context.compute(view, "speaker_table")["speaker"].head(15).tolist()
    if speakers:
        matrix = context.compute(view, "speaker_theme", speakers, share=True)
        st.plotly_chart(charts.speaker_theme_heatmap(matrix, t("themes.by_speaker"), "%", view.lang),
                        key="chart_theme_speakers", config=charts.CONFIG)
    else:
        st.info(t("speakers.none"))
    over_time = context.compute(view, "theme_timeline")
    st.plotly_chart(charts.theme_time_heatmap(over_time, view.lang), key="chart_theme_time", config=charts.CONFIG)
