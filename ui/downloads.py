"""Download buttons for the frames under the current filters: CSV (UTF-8 BOM, formula-safe) and Parquet."""

from __future__ import annotations

import io

import numpy as np
import streamlit as st

from qawl import analysis, export
from qawl.analysis import Corpus
from ui.context import View, compute

EAGER_ROWS = 50_000  # below this the bytes are made with the page; above, only when the button is pressed
MIME = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def data(corpus: Corpus, mask: np.ndarray, name: str, fmt: str) -> bytes:
    """Return one frame under the mask as CSV (UTF-8 with BOM, formulas neutralized) or Parquet bytes."""
    frame = analysis.export_frame(corpus, mask, name)
    if fmt == "csv":
        return export.csv_bytes(frame)
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def rows(corpus: Corpus, mask: np.ndarray, name: str) -> int:
    """Return how many rows one frame has under the mask."""
    return analysis.export_rows(corpus, mask, name)


def button(view: View, name: str, fmt: str, n_rows: int) -> None:
    """Render one download button; small files are built now, large ones on click."""
    parts = ["qawl", name] + (["filtered"] if view.filters.active else [])
    if n_rows <= EAGER_ROWS:
        payload = compute(data, view, name, fmt)
    else:
        corpus, mask = view.corpus, view.mask

        def payload() -> bytes:
            return data(corpus, mask, name, fmt)

    label = f"{name}.{fmt} ({n_rows:,} row{'' if n_rows == 1 else 's'})"
    st.download_button(label, payload, file_name=export.file_name(*parts, suffix=f".{fmt}"), mime=MIME[fmt],
                       key=f"download_{name}_{fmt}", on_click="ignore", icon=":material/download:",
                       type="primary" if (name, fmt) == ("sentences", "csv") else "secondary")
