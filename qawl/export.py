"""Exports users open in spreadsheets: UTF-8 with BOM, formula cells neutralized, ASCII file names."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from qawl.normalize import presentation_forms

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# Cells that neutralize() changes: a formula start, or Arabic presentation forms anywhere.
_CARE = "^[=+\\-@\t\r]|[\ufb50-\ufdff\ufe70-\ufeff]"


def neutralize(value: object) -> object:
    """Return a cell a spreadsheet will not run as a formula: text starting =, +, -, @, tab, CR gets a '."""
    if isinstance(value, str):
        # Presentation forms may not leave Qawl (they break search and sorting): letters instead.
        value = presentation_forms(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def _needs_care(values: pd.Series) -> pd.Series:
    """Return which cells of a text column start like a formula or hold presentation forms."""
    try:
        text = values.str
    except AttributeError:  # no text in the column at all
        return pd.Series(False, index=values.index)
    return text.contains(_CARE, regex=True, na=False).astype(bool)


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of frame with every text cell and column name neutralized (numbers stay numbers)."""
    out = frame.copy()
    # Column names come from users' metadata.csv too, and a header cell runs as a formula as well.
    out.columns = [neutralize(c) for c in out.columns]
    for column in out.columns:
        values = out[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            # Only the categories hold text: neutralize each distinct value once.
            out[column] = values.map(neutralize)
        elif values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            care = _needs_care(values)
            if care.any():
                values = values.astype(object)
                values[care] = values[care].map(neutralize)
                out[column] = values
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return frame as CSV bytes in UTF-8 with BOM, safe to open in a spreadsheet."""
    buffer = io.StringIO()
    # CRLF rows (RFC 4180) also make the writer quote a cell holding a lone CR, which would otherwise end the row.
    safe_frame(frame).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write frame to path as spreadsheet-safe UTF-8-with-BOM CSV."""
    # Streamed: a 1M-sentence tokens frame never sits in memory as one string (same bytes as csv_bytes).
    safe_frame(frame).to_csv(path, index=False, lineterminator="\r\n", encoding="utf-8-sig")


def file_name(*parts: str, suffix: str = ".csv") -> str:
    """Return an ASCII file name made of parts (non-ASCII runs become '-')."""
    stem = "_".join(p for p in (_UNSAFE_NAME.sub("-", part).strip("-") for part in parts) if p) or "qawl"
    return stem[:100] + suffix
