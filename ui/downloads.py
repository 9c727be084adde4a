"""Download buttons for the frames under the current filters: CSV (UTF-8 BOM, formula-safe) and Parquet."""

from __future__ import annotations

import io

import pandas as pd
import streamlit as st

from qawl import export, i18n
from qawl.filters import Filters
from qawl.store import SOURCING_TABLES, Store
from ui.context import View, compute

EAGER_ROWS = 1_000  # up to this the bytes are made with the page; above, only when the button is pressed. A
# speaker of a 1M corpus has some 20,000 rows in four frames: made eagerly in both formats, they took 1.8 s a rerun;
# below 5,000 rows a less quoted one (إيمانويل ماكرون: 4,951 sentences) still had six frames, 1.1-2.9 s a rerun.
MIME = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def data(store: Store, filters: Filters, name: str, fmt: str) -> bytes:
    """Return one frame under the filters as CSV (UTF-8 with BOM, formulas neutralized) or Parquet bytes."""
    buffer = io.BytesIO()
    (store.write_csv if fmt == "csv" else store.write_parquet)(filters, name, buffer)
    return buffer.getvalue()


@st.cache_data(max_entries=64, show_spinner=False)
def _small(key: str, filters: Filters, name: str, fmt: str, _store: Store) -> bytes:
    return data(_store, filters, name, fmt)


def button(view: View, name: str, fmt: str, n_rows: int) -> None:
    """Render one download button (its file named after the filters); small files are built now, large ones on
    click."""
    store, filters = view.store, view.filters
    if n_rows <= EAGER_ROWS:
        payload = _small(store.key, filters, name, fmt, store)
    else:

        def payload() -> bytes:
            return data(store, filters, name, fmt)

    label = i18n.t("export.button", view.lang, file=f"{name}.{fmt}", n=n_rows)
    st.download_button(label, payload, file_name=f"{export.filters_stem(filters, name)}.{fmt}", mime=MIME[fmt],
                       key=f"download_{name}_{fmt}", on_click="ignore", icon=":material/download:",
                       type="primary" if (name, fmt) == ("sentences", "csv") else "secondary")



def table_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """Return a small table as CSV (UTF-8 with BOM, formulas neutralized, as data() writes) or Parquet bytes."""
    frame = pd.DataFrame(frame)
    frame.attrs = {}  # a timeline's axis is for the charts, not the file
    buffer = io.BytesIO()
    if fmt == "csv":
        export.write_batches([frame], buffer)
    else:
        frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


@st.cache_data(max_entries=128, show_spinner=False)
def _table_file(key: str, filters: Filters, name: str, fmt: str, _frame: pd.DataFrame) -> bytes:
    # Keyed by what the table answers, not by its frame: hashing every frame cost as much as writing it.
    return table_bytes(_frame, fmt)


def sourcing_tables(view: View, lang: str = i18n.DEFAULT) -> None:
    """Render the Sourcing page's tables (store.SOURCING_TABLES, small grouped counts) as CSV and Parquet downloads."""
    st.subheader(i18n.t("sourcing.downloads", lang))
    st.caption(i18n.t("sourcing.downloads_help", lang))
    for name, (method, kwargs) in SOURCING_TABLES.items():
        frame = compute(view, method, **kwargs)
        label, *columns = st.columns([2, 2, 2], vertical_alignment="center")
        label.markdown(f"**{name}**")
        stem = export.filters_stem(view.filters, name)
        for column, fmt in zip(columns, ("csv", "parquet"), strict=True):
            payload = _table_file(view.store.key, view.filters, name, fmt, frame)
            column.download_button(i18n.t("export.button", lang, file=f"{name}.{fmt}", n=len(frame)), payload,
                                   file_name=f"{stem}.{fmt}", mime=MIME[fmt], key=f"download_{name}_{fmt}",
                                   on_click="ignore", icon=":material/download:")


def corrections(view: View) -> None:
    """Render the download of the corpus's corrections file, when it has rules (the exports carry them applied:
    speaker, and speaker_corrected for the sentences changed)."""
    rules = view.store.corrections
    if not rules.rules or rules.path is None:
        return
    try:
        data = rules.path.read_bytes()
    except OSError:
        return
    st.caption(view.t("export.corrected_note"))
    st.download_button(view.t("export.button", file=rules.path.name, n=len(rules.rules)), data,
                       file_name=rules.path.name if rules.path.name.isascii() else "qawl_corrections.csv",
                       mime=MIME["csv"], key="download_corrections", on_click="ignore", icon=":material/edit_note:")
