"""Download buttons for the frames under the current filters: CSV (UTF-8 BOM, formula-safe) and Parquet."""

from __future__ import annotations

import io

import streamlit as st

from qawl import export, i18n
from qawl.filters import Filters
from qawl.store import Store
from ui.context import View

EAGER_ROWS = 50_000  # below this the bytes are made with the page; above, only when the button is pressed
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
