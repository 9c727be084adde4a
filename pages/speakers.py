"""Speakers: who is quoted how, on which themes, who mentions whom; one speaker's quotes, keywords and cloud, and
their corrections (rename, merge, split)."""

import streamlit as st

from qawl import i18n
from ui import charts, context, corrections, html, urlstate

view = context.current()
if context.header(view, "page.speakers"):
    t = view.t
    table = context.compute(view, "speaker_table")
    if table.empty:
        st.info(t("speakers.none"))
        st.stop()
    top = table.head(20)
    st.plotly_chart(charts.speaker_bars(top, view.lang), key="chart_speakers", config=charts.CONFIG)
    matrix = context.compute(view, "speaker_theme", top["speaker"].head(15).tolist())
    if matrix.shape[1]:
        st.plotly_chart(charts.speaker_theme_heatmap(matrix, t("speakers.by_theme"), t("axis.sentences"), view.lang),
                        key="chart_speaker_theme", config=charts.CONFIG)
    else:
        st.info(t("speakers.no_theme"))
    pairs = context.compute(view, "who_mentions_whom", 200)
    if pairs.empty:
        st.info(t("speakers.no_mentions"))
    else:
        st.plotly_chart(charts.mentions_heatmap(pairs, lang=view.lang), key="chart_mentions", config=charts.CONFIG)
    st.subheader(t("speakers.one"))
    names = table["speaker"].tolist()
    urlstate.restore("speaker_focus", "focus", lambda values: values[-1] if values[-1] in names else None)
    if st.session_state.get("speaker_focus") not in names:
        st.session_state["speaker_focus"] = names[0]
    counts = dict(zip(table["speaker"], table["n_sentences"], strict=True))
    speaker = st.selectbox(t("speakers.speaker"), names, key="speaker_focus",
                           format_func=lambda s: f"{s} ({i18n.number(counts[s], view.lang)})")
    urlstate.keep("focus", speaker if speaker != names[0] else None)
    row = table.set_index("speaker").loc[speaker]
    if row["aliases"]:
        st.caption(t("speakers.also_called"))
        st.html(html.rtl(row["aliases"]))
    corrections.message()
    corrections.speaker_form(view, speaker)
    quotes_col, words_col = st.columns([3, 2])
    with quotes_col:
        quotes = context.compute(view, "quotes", speaker, 200)
        st.markdown(t("speakers.quotes", shown=len(quotes), n=counts[speaker]))
        box = st.container(height=min(720, 90 + 95 * len(quotes)), key="speaker_quotes")
        box.html("".join(html.quote(q, view.lang) for q in quotes.to_dict("records")))
    with words_col:
        st.markdown(t("speakers.distinctive"))
        words = context.compute(view, "distinctive_terms", speaker, 30)
        if words.empty:
            st.caption(t("speakers.too_little"))
        else:
            st.dataframe(words.drop(columns="term"), hide_index=True, key="speaker_keyness", column_config={
                "word": st.column_config.TextColumn(t("column.word")),
                "speaker": st.column_config.NumberColumn(t("column.speaker")),
                "rest": st.column_config.NumberColumn(t("column.rest")),
                "log_likelihood": st.column_config.NumberColumn(t("column.g2"), help=t("speakers.g2_help")),
                "log_ratio": st.column_config.NumberColumn(t("speakers.log_ratio"), help=t("speakers.log_ratio_help")),
            })
        picture = charts.cloud(context.compute(view, "cloud_words", speaker))
        if picture:
            st.markdown(t("speakers.cloud"))
            st.image(picture)
