"""Export: the filtered sentences first (CSV with speaker, outlet, title and URL), then the other frames; CSV and
Parquet, file names recording the filters; the corrections file."""

import streamlit as st

from qawl.store import EXPORT_FRAMES
from ui import context, downloads

PREVIEW_WIDTHS = {"sentence_id": 40, "text": 380, "speaker": 140, "cue": 65, "quote": 70, "doc_id": 110}  # px

view = context.current()
if context.header(view, "page.export"):
    st.markdown(view.t("export.intro"))
    for name in EXPORT_FRAMES:
        n_rows = context.compute(view, "export_rows", name)
        label, csv_col, parquet_col = st.columns([2, 2, 2], vertical_alignment="center")
        label.markdown(f"**{view.t(f'frame.{name}')}**")
        with csv_col:
            downloads.button(view, name, "csv", n_rows)
        with parquet_col:
            downloads.button(view, name, "parquet", n_rows)
    downloads.corrections(view)
    st.subheader(view.t("export.preview"))
    preview = context.compute(view, "export_frame", "sentences", 200)
    # Arabic cells are right-aligned, so a column wider than the grid hides the start of each sentence: the columns
    # get fixed widths that fit the main area of a 1280-px window beside the sidebar (wider windows share out the
    # rest), text comes early with its speaker on its right, where a right-to-left reader starts.
    st.dataframe(preview, hide_index=True, key="export_preview", column_order=list(PREVIEW_WIDTHS), column_config={
        name: st.column_config.Column(view.t(f"column.{name}"), width=width) for name, width in PREVIEW_WIDTHS.items()
    })
    downloads.sourcing_tables(view, view.lang)
