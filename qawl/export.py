"""Exports users open in spreadsheets: UTF-8 with BOM, formula cells neutralized, ASCII file names."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from anyascii import anyascii

from qawl.filters import Filters
from qawl.normalize import presentation_forms
from qawl.search import FORMS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_SLUG_CUT = re.compile(r"[^a-z0-9]+")
SLUG_CHARS = 30  # per filter value in a file name
STEM_CHARS = 100
DOCUMENT_COLUMNS = ("source", "title", "url")  # what a sentences export takes from its document
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
    out = frame.copy(deep=False)  # copy-on-write: only the columns changed below get new data
    # Column names come from users' metadata.csv too, and a header cell runs as a formula as well.
    out.columns = [neutralize(c) for c in out.columns]
    for column in out.columns:
        values = out[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            # Only the categories hold text: neutralize each distinct value once (and keep the codes when no
            # category needs it: the tokens frame has 16M rows at 1M sentences).
            if _needs_care(pd.Series(values.cat.categories)).any():
                out[column] = values.map(neutralize)
        elif values.dtype == object or isinstance(values.dtype, pd.StringDtype):
            care = _needs_care(values)
            if care.any():
                # A text column keeps its dtype (Arrow's strings, written without a Python loop over every cell).
                values = values.copy() if values.dtype != object else values.astype(object)
                values[care] = values[care].map(neutralize)
                out[column] = values
    return out


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _arrow_column(values: pd.Series, kind: pa.DataType | None = None) -> pa.Array | pa.ChunkedArray:
    """Return a column as Arrow for the CSV writer: dates without a time of day as dates, mixed objects as text
    (kind, when given, is the type a datetime column is written as, so that every batch of a table agrees)."""
    if isinstance(values.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(values.dtype):
        stamps = pa.array(values.dt.tz_localize(None) if values.dt.tz else values, pa.timestamp("us"))
        return stamps.cast(kind or datetime_kind(stamps.drop_null().cast(pa.int64()).to_numpy()), safe=False)
    if values.dtype == object:
        # A column mixing numbers and text (or holding other objects) is written as its text.
        text = [None if _missing(v) else v if isinstance(v, str) else str(v) for v in values]
        return pa.array(text, pa.large_string())
    return pa.Array.from_pandas(values)


def datetime_kind(micros: np.ndarray) -> pa.DataType:
    """Return how datetimes (microseconds since 1970) are written: as dates when none has a time of day, else as
    seconds when none has a fraction of a second, else as microseconds."""
    for unit, kind in ((86_400_000_000, pa.date32()), (1_000_000, pa.timestamp("s"))):
        if not (micros % unit).any():  # no time of day (or no fraction of a second) to lose
            return kind
    return pa.timestamp("us")


def _csv_table(frame: pd.DataFrame, kinds: Mapping[str, pa.DataType]) -> pa.Table:
    """Return frame neutralized (safe_frame) as the Arrow table the CSV writer takes."""
    safe = safe_frame(frame)
    table = pa.table({str(c): _arrow_column(safe[c], kinds.get(str(o))) for c, o in zip(safe.columns, frame.columns,
                                                                                        strict=True)})
    if table.num_columns == 1:
        # A missing cell alone on its row would be a blank line, which readers skip: write it as "".
        table = pa.table({table.column_names[0]: table.column(0).cast(pa.large_string()).fill_null("")})
    return table


def write_batches(batches: Iterable[pd.DataFrame], sink: BinaryIO,
                  kinds: Mapping[str, pa.DataType] | None = None) -> None:
    """Write frames (the batches of one table, at least one, all with the same columns) to a binary sink as one
    spreadsheet-safe UTF-8-with-BOM CSV with CRLF rows; kinds: the type each datetime column is written as (by
    default worked out from the first batch)."""
    kinds = dict(kinds or {})
    writer = None
    sink.write(codecs.BOM_UTF8)
    for frame in batches:
        table = _csv_table(frame, kinds)
        if writer is None:
            # Arrow writes in C++, batch by batch: the table never sits in memory as one string. Every text cell
            # is quoted, so a CR or LF inside a cell cannot end its row.
            writer = pa_csv.CSVWriter(sink, table.schema, write_options=pa_csv.WriteOptions(
                eol="\r\n", batch_size=1 << 14))
            schema = table.schema
        writer.write_table(table.cast(schema) if table.schema != schema else table)
    if writer is not None:
        writer.close()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return frame as CSV bytes in UTF-8 with BOM, safe to open in a spreadsheet."""
    buffer = io.BytesIO()
    write_batches([frame], buffer)
    return buffer.getvalue()


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write frame to path as spreadsheet-safe UTF-8-with-BOM CSV (the bytes of csv_bytes)."""
    with open(path, "wb") as sink:
        write_batches([frame], sink)


def file_name(*parts: str, suffix: str = ".csv") -> str:
    """Return an ASCII file name made of parts (non-ASCII runs become '-')."""
    stem = "_".join(p for p in (_UNSAFE_NAME.sub("-", part).strip("-") for part in parts) if p) or "qawl"
    return stem[:100] + suffix


def slug(value: str) -> str:
    """Return an ASCII slug of a filter value: Arabic transliterated (anyascii), short, lower case
    (رجب طيب أردوغان → rjb-tyb-rdwghn); a value with nothing to transliterate gets a short hash."""
    text = _SLUG_CUT.sub("-", anyascii(value).lower()).strip("-")[:SLUG_CHARS].strip("-")
    return text or "x" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:6]


def _values(values: tuple[str, ...]) -> list[str]:
    return [v for v in values if v.strip()]


def _part(name: str, plural: str, values: list[str]) -> list[str]:
    if not values:
        return []
    return [f"{name}-{slug(values[0])}"] if len(values) == 1 else [f"{plural}-{len(values)}"]


def filters_stem(filters: Filters, frame: str) -> str:
    """Return an ASCII file name stem recording the filters of an export, in a fixed order:
    qawl_sentences_speaker-rjb-tyb-rdwghn_theme-security-conflict_q-yrn_2018-01-01_2018-06-30
    (several speakers: speakers-3; a long stem is cut and ends with a hash of the whole)."""
    parts = ["qawl", slug(frame)]
    parts += _part("speaker", "speakers", _values(filters.speakers))
    parts += _part("theme", "themes", _values(filters.themes))
    parts += _part("source", "sources", _values(filters.sources))
    parts += _part("doc", "docs", _values(filters.docs))
    query = filters.q.strip()
    if query:
        parts.append(f"q-{slug(query)}" + ("-forms" if filters.match == FORMS else ""))
    start, end = filters.date_from, filters.date_to
    if start or end:
        parts += [start.isoformat() if start else "start", end.isoformat() if end else "end"]
    stem = "_".join(parts)
    if len(stem) > STEM_CHARS:  # the hash is of the filters themselves: slugs cut at SLUG_CHARS may be equal
        digest = hashlib.sha256(repr((frame, filters)).encode()).hexdigest()[:8]
        stem = stem[: STEM_CHARS - 9].rstrip("_-") + "_" + digest
    return stem


def with_documents(sentences: pd.DataFrame, documents: pd.DataFrame, columns: Iterable[str] = DOCUMENT_COLUMNS
                   ) -> pd.DataFrame:
    """Return sentences with their document's outlet, title and URL (the columns documents has) after doc_id."""
    wanted = [c for c in columns if c in documents.columns and c not in sentences.columns]
    if not wanted:
        return sentences
    lookup = documents.drop_duplicates("doc_id").set_index(documents["doc_id"].drop_duplicates().astype(str))
    out = sentences.copy(deep=False)
    at = list(out.columns).index("doc_id") + 1 if "doc_id" in out.columns else len(out.columns)
    for offset, column in enumerate(wanted):
        values = lookup[column].reindex(out["doc_id"].astype(str)).to_numpy()
        out.insert(at + offset, column, values)
    return out
