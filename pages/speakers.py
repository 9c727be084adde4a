"""Speakers: who is quoted how, on which themes, who mentions whom; one speaker's quotes, keywords and cloud."""

import streamlit as st

from ui import charts, context, html

view = context.current()
if context.header(view, "Speakers"):
    table = context.compute(view, "speaker_table")
    if table.empty:
        st.info("None of the shown sentences is attributed to a speaker.")
        st.stop()
    top = table.head(20)
    st.plotly_chart(charts.speaker_bars(top), key="chart_speakers", config=charts.CONFIG)
    matrix = context.compute(view, "speaker_theme", top["speaker"].head(15).tolist())
    if matrix.shape[1]:
        st.plotly_chart(charts.heatmap(matrix, "Speaker × theme (sentences)", "sentences"),
                        key="chart_speaker_theme", config=charts.CONFIG)
    else:
        st.info("No theme of the lexicon occurs in these speakers' sentences.")
    pairs = context.compute(view, "who_mentions_whom", 200)
    if pairs.empty:
        st.info("No speaker here names a country, organization or other known speaker.")
    else:
        st.plotly_chart(charts.mentions_heatmap(pairs), key="chart_mentions", config=charts.CONFIG)
    st.subheader("One speaker")
    names = table["speaker"].tolist()
    if st.session_state.get("speaker_focus") not in names:
        st.session_state["speaker_focus"] = names[0]
    counts = dict(zip(table["speaker"], table["n_sentences"], strict=True))
    speaker = st.selectbox("Speaker", names, key="speaker_focus", format_func=lambda s: f"{s} ({counts[s]})")
    row = table.set_index("speaker").loc[speaker]
    if row["aliases"]:
        st.caption("Also called")
        st.html(html.rtl(row["aliases"]))
    quotes_col, words_col = st.columns([3, 2])
    with quotes_col:
        quotes = context.compute(view, "quotes", speaker, 200)
        st.markdown(f"**Quotes** ({len(quotes)} of {counts[speaker]} shown) — cue verb underlined")
        box = st.container(height=min(720, 90 + 95 * len(quotes)), key="speaker_quotes")
        box.html("".join(html.quote(q["text"], q["cue"], f"{q['quote']}, {q['attribution']}",
                                    f"{q['doc_id']} §{q['sentence_id']}") for q in quotes.to_dict("records")))
    with words_col:
        st.markdown("**Distinctive words** against everything else in the corpus")
        words = context.compute(view, "distinctive_terms", speaker, 30)
        if words.empty:
            st.caption("Too little text to tell this speaker's words apart.")
        else:
            st.dataframe(words.drop(columns="term"), hide_index=True, key="speaker_keyness", column_config={
                "log_likelihood": st.column_config.NumberColumn("G²", help="Log-likelihood keyness"),
                "log_ratio": st.column_config.NumberColumn("log ratio", help="Effect size: log2 of relative rates"),
            })
        picture = charts.cloud(context.compute(view, "cloud_words", speaker))
        if picture:
            st.markdown("**Word cloud** of the speaker's words")
            st.image(picture)
