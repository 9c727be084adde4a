"""DuckDB over a corpus's Parquet dataset and its index: the connection, the filters as SQL, streamed results.

The index is attached as `ix`, with the speaker corrections laid over it (duckdb_corrections.py: the views `sent`,
`thm`, `men`, `known`). The filters become one condition over the corrected sentences (`sent`, alias `s`); a filter
that reads the texts
or the themes (a keyword, a theme) is worked out once into a table of kept sentence numbers, kept for the next
questions under the same filters. Rows of the frames themselves (a page of sentences, an export) come from the
Parquet views in corpus order.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from qawl import duckdb_corrections
from qawl.corrections import Rules
from qawl.duckdb_index import INDEX_SCHEMA, Dataset, literal, open_index
from qawl.filters import Filters

THREADS = 2
MEMORY_LIMIT = "1GB"  # DuckDB spills sorts and joins to disk beyond this
BATCH_ROWS = 65_536  # rows per record batch of an export
KEPT_SETS = 16  # filters whose kept sentences are kept as a table (those with a keyword or a theme)


def marks(values: tuple | list) -> str:
    """Return one SQL parameter mark per value: "?, ?, ?"."""
    return ", ".join("?" * len(values))


class Queries:
    """A DuckDB connection over a dataset's views and its attached index, answering SQL from any thread."""

    def __init__(self, folder: str | Path, rules: Rules | None = None) -> None:
        self.dataset = Dataset(folder)
        self._db = duckdb.connect(config={"threads": THREADS, "memory_limit": MEMORY_LIMIT})
        self._db.execute("SET enable_progress_bar = false")
        self.dataset.create_views(self._db)
        self._db.execute(f"ATTACH {literal(str(open_index(self.dataset)))} AS {INDEX_SCHEMA} (READ_ONLY)")
        self.corrections = rules or Rules()
        self.fixed, self.unused = duckdb_corrections.lay_over(self._db, self.dataset, self.corrections)
        self._lock = threading.Lock()  # the kept sets
        self._cursor_lock = threading.Lock()
        self._kept_sets: OrderedDict[Filters, str] = OrderedDict()
        self._made = 0
        self._numbers: dict[tuple[str, ...], tuple[int, ...]] = {}  # speakers -> their blocks (_speaker_numbers)
        # A cache entry's manifest says in which units its datetime columns were ({frame: {column: dtype}}).
        found = self.dataset.manifest().get("datetimes", {})
        self._datetimes = {k: v for k, v in found.items() if isinstance(v, dict)} if isinstance(found, dict) else {}

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:  # one connection per call, made one at a time: sessions run in threads
            cursor = self._db.cursor()
        cursor.execute("SET enable_progress_bar = false")  # it draws on stdout, even without a terminal
        return cursor

    def _query(self, sql: str, params: list[Any] | tuple = ()) -> pd.DataFrame:
        cursor = self._cursor()
        try:
            return cursor.sql(sql, params=list(params)).to_arrow_table().to_pandas()
        finally:
            cursor.close()

    def _one(self, sql: str, params: list[Any] | tuple = ()) -> tuple:
        cursor = self._cursor()
        try:
            return cursor.execute(sql, list(params)).fetchone()
        finally:
            cursor.close()

    def _where(self, filters: Filters) -> tuple[str, list[Any]]:
        """Return the SQL condition (over the index's sentences `s`) the filters put on a sentence, and its
        parameters. Filters with a keyword or a theme are worked out once into a table of kept sentences."""
        if not (filters.themes or filters.keyword.words):
            return _condition(filters)
        with self._lock:
            table = self._kept_sets.get(filters)
            if table is not None:
                self._kept_sets.move_to_end(filters)
                return f"s.sid IN (SELECT sid FROM {table})", []
            self._made += 1
            table = f"kept_{self._made}"
            where, params = _condition(filters)
            cursor = self._cursor()
            try:
                cursor.execute(f"CREATE TABLE {table} AS SELECT s.sid FROM sent s WHERE {where}", params)
                self._kept_sets[filters] = table
                while len(self._kept_sets) > KEPT_SETS:
                    cursor.execute(f"DROP TABLE {self._kept_sets.popitem(last=False)[1]}")
            finally:
                cursor.close()
        return f"s.sid IN (SELECT sid FROM {table})", []

    def _among_kept(self, filters: Filters, column: str = "sid") -> tuple[str, list]:
        """Return a condition that column (a sid) is a kept sentence's, "TRUE" when the filters keep every one."""
        if filters == Filters():
            return "TRUE", []
        kept, params = self._kept(filters)
        return f"{column} IN ({kept})", params

    def _kept(self, filters: Filters, columns: str = "s.sid", extra: str = "") -> tuple[str, list]:
        """Return a query of the kept sentences' index columns (and an extra condition), and its parameters."""
        where, params = self._where(filters)
        table = "sent"
        if filters.speakers:  # the copy sorted by speaker: their blocks only, not every sentence
            table, where = "sent_spk", f"{self._blocks(filters.speakers, 's')} AND {where}"
        return f"SELECT {columns} FROM {table} s WHERE {where}{' AND ' + extra if extra else ''}", params

    def _speaker_numbers(self, names: tuple[str, ...] | list[str]) -> tuple[int, ...]:
        """Return the built speaker numbers (ix.who) whose sentences the speakers named may have: theirs, and those of
        the sentences corrected to them."""
        key = tuple(sorted(set(names)))
        found = self._numbers.get(key)
        if found is None:
            wanted = marks(key)
            rows = self._one(f"SELECT list(DISTINCT spk ORDER BY spk) FROM (SELECT spk FROM ix.who WHERE speaker IN "
                             f"({wanted}) UNION ALL SELECT was FROM fix WHERE speaker IN ({wanted}))", [*key, *key])[0]
            found = self._numbers[key] = tuple(int(n) for n in rows or () if n is not None)
        return found

    def _blocks(self, names: tuple[str, ...] | list[str], table: str = "t") -> str:
        """Return a condition on a table sorted by built speaker (the tokens `t`, or `sent_spk`) that keeps the blocks
        of the speakers named (numbers, so that DuckDB reads only the row groups that hold them)."""
        numbers = self._speaker_numbers(names)
        return f"{table}.spk IN ({', '.join(map(str, numbers))})" if numbers else "FALSE"

    def _tokens(self, filters: Filters) -> tuple[str, str, list]:
        """Return (the index's tokens to read, a condition on them (`t`) keeping those of kept sentences, its
        parameters): under a speaker filter the speakers' blocks of `tok`, else `tok_term` (both have sid, term and
        surface)."""
        if filters.speakers and not self.fixed and filters == Filters(speakers=filters.speakers):
            return "ix.tok", self._blocks(filters.speakers), []  # the blocks are the kept tokens
        among, params = self._among_kept(filters, "t.sid")
        if not filters.speakers:
            return "ix.tok_term", among, params
        return "ix.tok", f"{self._blocks(filters.speakers)} AND {among}", params

    def _typed(self, frame: pd.DataFrame, name: str) -> pd.DataFrame:
        """Return frame with its datetime columns in the units the frame had when written (its manifest)."""
        units = {c: t for c, t in self._datetimes.get(name, {}).items() if c in frame.columns}
        return frame.astype(units) if units else frame

    def rows_at(self, name: str, numbers: list[int], columns: str = "*") -> str:
        """Return a query of a frame's rows at (increasing) row numbers in corpus order, from the Parquet files by
        file and row number (which DuckDB reads without scanning the rest)."""
        wanted = []
        for file, start, n in self.dataset.offsets(name):
            rows = [str(int(i) - start) for i in numbers if start <= i < start + n]
            if rows:
                wanted.append(f"(_file = {literal(file)} AND _row IN ({', '.join(rows)}))")
        return f"SELECT {columns} FROM {name} WHERE {' OR '.join(wanted) or 'FALSE'} ORDER BY _file, _row"

    def stream(self, sql: str, params: list) -> Iterator[pd.DataFrame]:
        """Yield the rows of a query as pandas batches of BATCH_ROWS, the first one empty (it carries the columns)."""
        cursor = self._cursor()
        try:
            reader = cursor.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
            yield reader.schema.empty_table().to_pandas()
            for batch in reader:
                yield batch.to_pandas()
        finally:
            cursor.close()

    def datetime_kinds(self, sql: str, params: list) -> dict[str, pa.DataType]:
        """Return how each datetime column of a query's rows is written to CSV (qawl.export.datetime_kind: dates
        when none has a time of day, seconds when none has a fraction), from one pass over them."""
        cursor = self._cursor()
        try:
            schema = cursor.sql(f"SELECT * FROM ({sql}) LIMIT 0", params=params).to_arrow_table().schema
            stamps = [f.name for f in schema if pa.types.is_timestamp(f.type)]
            if not stamps:
                return {}
            checks = ", ".join(f'bool_or(epoch_us("{c}") % 86400000000 <> 0), '
                               f'bool_or(epoch_us("{c}") % 1000000 <> 0)' for c in stamps)
            flags = cursor.execute(f"SELECT {checks} FROM ({sql})", params).fetchone()
        finally:
            cursor.close()
        return {column: pa.timestamp("us") if flags[2 * i + 1] else pa.timestamp("s") if flags[2 * i] else pa.date32()
                for i, column in enumerate(stamps)}


def _condition(filters: Filters) -> tuple[str, list[Any]]:
    """Return the SQL condition (over the index's sentences `s`) the filters put on a sentence, and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if filters.speakers:
        parts.append(f"s.speaker IN ({marks(filters.speakers)})")
        params += filters.speakers
    if filters.sources or filters.docs:
        wanted = []
        for column, values in (("source", filters.sources), ("doc_id", filters.docs)):
            if values:
                wanted.append(f"{column} IN ({marks(values)})")
                params += values
        parts.append(f"s.doc IN (SELECT doc FROM ix.docs WHERE {' AND '.join(wanted)})")
    if filters.themes:
        parts.append(f"s.sid IN (SELECT sid FROM ix.thm WHERE theme IN ({marks(filters.themes)}))")
        params += filters.themes
    if filters.date_from:
        parts.append("CAST(s.date AS DATE) >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        parts.append("CAST(s.date AS DATE) <= ?")
        params.append(filters.date_to)
    keyword = filters.keyword
    if keyword.words:
        # The query's own patterns (qawl.search, as analysis.keyword_mask uses them): written for RE2, which
        # DuckDB's regexp functions use, so what matches is said in one place.
        found = " AND ".join("regexp_matches(text, ?)" for _ in keyword.patterns) or "FALSE"
        parts.append(f"s.sid IN (SELECT sid FROM sentences WHERE {found})")
        params += list(keyword.patterns)
    return " AND ".join(parts) or "TRUE", params


