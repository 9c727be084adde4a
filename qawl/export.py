"""Exports users open in spreadsheets: UTF-8 with BOM, formula cells neutralized, ASCII file names."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def neutralize(value: object) -> object:
    """Return a cell a spreadsheet will not run as a formula: text starting =, +, -, @, tab, CR gets a '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of frame with every text cell neutralized (numbers stay numbers)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, (pd.StringDtype, pd.CategoricalDtype)):
            out[column] = out[column].astype(object).map(neutralize)
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return frame as CSV bytes in UTF-8 with BOM, safe to open in a spreadsheet."""
    buffer = io.StringIO()
    safe_frame(frame).to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write frame to path as spreadsheet-safe UTF-8-with-BOM CSV."""
    path.write_bytes(csv_bytes(frame))


def file_name(*parts: str, suffix: str = ".csv") -> str:
    """Return an ASCII file name made of parts (non-ASCII runs become '-')."""
    stem = "_".join(p for p in (_UNSAFE_NAME.sub("-", part).strip("-") for part in parts) if p) or "qawl"
    return stem[:100] + suffix
