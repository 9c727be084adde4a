"""Themes: the share of sentences carrying each theme, overall, by speaker and over time."""

import streamlit as st

from ui import charts, context

view = context.current()
if context.header(view, "Themes"):
    shares = context.compute(view, "theme_shares")
    if shares.empty:
        st.info("No theme of the lexicon (data/themes.csv) occurs in the shown sentences.")
        st.stop()
    st.plotly_chart(charts.theme_bars(shares), key="chart_theme_shares", config=charts.CONFIG)
    with st.expander("Numbers"):
        st.dataframe(shares, hide_index=True, key="theme_table",
                     column_config={"share": st.column_config.NumberColumn("% of sentences", format="%.1f")})
    speakers = context.compute(view, "speaker_table")["speaker"].head(15).tolist()
    if speakers:
        matrix = context.compute(view, "speaker_theme", speakers, share=True)
        st.plotly_chart(charts.heatmap(matrix, "Themes by speaker (% of the speaker's sentences)", "%"),
                        key="chart_theme_speakers", config=charts.CONFIG)
    else:
        st.info("None of the shown sentences is attributed to a speaker.")
    over_time = context.compute(view, "theme_timeline")
    st.plotly_chart(charts.theme_time_heatmap(over_time), key="chart_theme_time", config=charts.CONFIG)
