"""Export: the filtered sentences first (CSV with a speaker column), then the other frames; CSV and Parquet."""

import streamlit as st

from qawl import analysis
from ui import context, downloads

view = context.current()
if context.header(view, "Export"):
    st.markdown("CSV files are UTF-8 with a byte-order mark (Excel opens the Arabic as is); cells a spreadsheet "
                "would run as formulas start with `'`. Parquet keeps the column types.")
    for name in analysis.EXPORT_FRAMES:
        n_rows = context.compute(downloads.rows, view, name)
        label, csv_col, parquet_col = st.columns([2, 2, 2], vertical_alignment="center")
        label.markdown(f"**{name}**")
        with csv_col:
            downloads.button(view, name, "csv", n_rows)
        with parquet_col:
            downloads.button(view, name, "parquet", n_rows)
    st.subheader("Preview of the sentences")
    preview = analysis.export_frame(view.corpus, view.mask, "sentences").head(200)
    st.dataframe(preview[["doc_id", "sentence_id", "speaker", "quote", "cue", "text"]], hide_index=True,
                 key="export_preview")
