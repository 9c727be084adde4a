"""The store over a corpus's Parquet files, queried where they lie by DuckDB: corpora larger than memory.

A dataset folder holds, per frame, `DIR/<frame>.parquet` (a disk-cache entry) or a folder `DIR/<frame>/` of Parquet
files, possibly hive-partitioned (`source=…/month=…/part-*.parquet`). Each frame is a view over its files.

Joining the long frames to the sentences on (doc_id, sentence_id) strings costs seconds per question at a million
sentences, so the first opening of a dataset writes a compact index beside it (index.py): every sentence numbered
in corpus order (its `sid`), the long frames keyed by that number, the tokens' terms as numbers, sorted by speaker.
Questions then join integers; the texts, and the rows of an export, still come from the Parquet files.
Where numbers are finished in Python (keyness, tf-idf, timelines' grids), the pandas store's own functions do it, so
that both stores give the same frames, to the bit.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from qawl import analysis, export, trends
from qawl.duckdb_index import INDEX_SCHEMA, Dataset, open_index
from qawl.filters import Filters
from qawl.store import PAGE_COLUMNS

BACKEND_VAR = "QAWL_BACKEND"
THRESHOLD_VAR = "QAWL_DUCKDB_ABOVE"
THRESHOLD = 1_500_000  # sentences
THREADS = 2
MEMORY_LIMIT = "1GB"  # DuckDB spills sorts and joins to disk beyond this
BATCH_ROWS = 65_536  # rows per record batch of an export
KEPT_SETS = 16  # filters whose kept sentences are kept as a table (those with a keyword or a theme)
_ORDER = "_file, _row"  # the order of the frames' rows: file by file, row by row (the pandas frames' order)


def backend(folder: str | Path) -> str:
    """Return which store should open a dataset folder: "duckdb" above THRESHOLD sentences (QAWL_DUCKDB_ABOVE),
    else "pandas"; QAWL_BACKEND=pandas or duckdb decides instead."""
    forced = os.environ.get(BACKEND_VAR, "").strip().lower()
    if forced in {"pandas", "duckdb"}:
        return forced
    try:
        threshold = int(os.environ.get(THRESHOLD_VAR, "") or THRESHOLD)
    except ValueError:
        threshold = THRESHOLD
    try:
        return "duckdb" if Dataset(folder).rows("sentences") > threshold else "pandas"
    except (OSError, pa.ArrowException):
        return "pandas"  # unreadable files: the pandas path rebuilds them


def _marks(values: tuple | list) -> str:
    return ", ".join("?" * len(values))


class DuckDBStore:
    """A corpus's Parquet dataset queried by DuckDB through the store interface (qawl.store.Store)."""

    def __init__(self, folder: str | Path, key: str, name: str = "", warnings: list[str] | None = None) -> None:
        self.dataset = Dataset(folder)
        self.key = f"duckdb-{key}"
        self.name = name
        self._db = duckdb.connect(config={"threads": THREADS, "memory_limit": MEMORY_LIMIT})
        self.dataset.create_views(self._db)
        self._db.execute(f"ATTACH {_literal(str(open_index(self.dataset)))} AS {INDEX_SCHEMA} (READ_ONLY)")
        self._lock = threading.Lock()  # the kept sets
        self._cursor_lock = threading.Lock()
        self._kept_sets: OrderedDict[Filters, str] = OrderedDict()
        self._made = 0
        manifest = self.dataset.manifest()
        self._datetimes = manifest.get("datetimes", {})
        self.warnings = list(manifest.get("warnings", [])) if warnings is None else list(warnings)

    # Running queries

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        with self._cursor_lock:  # one connection per call, made one at a time: sessions run in threads
            return self._db.cursor()

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
                cursor.execute(f"CREATE TABLE {table} AS SELECT s.sid FROM ix.sent s WHERE {where}", params)
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
        return f"SELECT {columns} FROM ix.sent s WHERE {where}{' AND ' + extra if extra else ''}", params

    # Corpus facts

    def size(self) -> int:
        """Return how many sentences the corpus has."""
        return self.dataset.rows("sentences")

    def counts(self, filters: Filters) -> tuple[int, int]:
        """Return (sentences, documents) the filters keep."""
        kept, params = self._kept(filters, "count(*), count(DISTINCT s.doc)")
        n, docs = self._one(kept, params)
        return int(n), int(docs)

    def themes(self) -> list[str]:
        """Return the themes that occur, most frequent first (ties by name)."""
        return self._query("SELECT theme FROM ix.thm GROUP BY theme ORDER BY count(*) DESC, theme")["theme"].tolist()

    def sources(self) -> list[str]:
        """Return the outlets of the corpus, most documents first (ties by name)."""
        rows = self._query("SELECT source FROM ix.docs WHERE source <> '' GROUP BY source "
                           "ORDER BY count(*) DESC, source")
        return rows["source"].tolist()

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last document dates, None when no document is dated."""
        first, last = self._one("SELECT min(date), max(date) FROM ix.docs")
        return (pd.Timestamp(first).date(), pd.Timestamp(last).date()) if first is not None else None

    def speaker_counts(self, limit: int | None = None, names: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return speaker, n_sentences of the most quoted speakers (all or `limit`), or of `names` when given."""
        where = f"WHERE speaker IN ({_marks(names)})" if names else ""
        cut = "" if names or limit is None else f"LIMIT {int(limit)}"
        return self._query(f"SELECT speaker, n_sentences FROM speakers {where} ORDER BY {_ORDER} {cut}", names)

    def document_titles(self, limit: int | None = None, ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return doc_id, title of the first documents (all or `limit`), or of `ids` when given."""
        where = f"WHERE doc_id IN ({_marks(ids)})" if ids else ""
        cut = "" if ids or limit is None else f"LIMIT {int(limit)}"
        return self._query(f"SELECT CAST(doc_id AS VARCHAR) AS doc_id, CAST(title AS VARCHAR) AS title "
                           f"FROM documents {where} ORDER BY {_ORDER} {cut}", ids)

    def labels(self, terms: list[str]) -> dict[str, str]:
        """Return term -> the written form it is shown as: its most frequent spelling (ties: the first in order)."""
        wanted = list(dict.fromkeys(terms))
        rows = self._query(f"SELECT text, label FROM ix.terms WHERE text IN ({_marks(wanted)})", wanted) \
            if wanted else pd.DataFrame({"text": [], "label": []})
        return {t: t for t in wanted} | dict(zip(rows["text"], rows["label"], strict=True))

    # Speakers

    def speaker_table(self, filters: Filters) -> pd.DataFrame:
        """Return the speakers of the kept sentences with their counts, most quoted first."""
        kept, params = self._kept(filters, "s.speaker, s.doc, s.quote", "s.speaker <> ''")
        known = self.dataset.columns["speakers"]
        traits = ", ".join(f"arg_min({c}, ({_ORDER})) AS {c}" if c in known else f"'' AS {c}"
                           for c in ("aliases", "kind", "gender"))
        return self._query(
            f"WITH kept AS ({kept}), known AS (SELECT speaker, {traits} FROM speakers GROUP BY speaker) "
            "SELECT k.speaker, coalesce(any_value(a.aliases), '') AS aliases, coalesce(any_value(a.kind), '') AS kind, "
            "coalesce(any_value(a.gender), '') AS gender, count(*) AS n_sentences, "
            "count(DISTINCT k.doc) AS n_documents, count(*) FILTER (WHERE k.quote = 'direct') AS n_direct, "
            "count(*) FILTER (WHERE k.quote = 'indirect') AS n_indirect "
            "FROM kept k LEFT JOIN known a USING (speaker) GROUP BY k.speaker ORDER BY n_sentences DESC, speaker",
            params)

    def speaker_theme(self, filters: Filters, speakers: list[str], *, share: bool = False) -> pd.DataFrame:
        """Return a speakers × themes table of kept sentences (or % of each speaker's sentences)."""
        among, params = self._among_kept(filters)
        pairs = self._query(f"SELECT speaker, theme, count(*) AS n FROM ix.thm WHERE {among} GROUP BY ALL", params)
        present = set(pairs["theme"])
        table = pairs.pivot_table(index="speaker", columns="theme", values="n", aggfunc="sum", fill_value=0)
        table = table.reindex(index=pd.Index(speakers, name="speaker"),
                              columns=pd.Index([t for t in self.themes() if t in present], name="theme"),
                              fill_value=0).astype(np.int64)
        if share:
            totals = self.speaker_table(filters).set_index("speaker")["n_sentences"].reindex(speakers)
            table = (table.div(totals.replace(0, np.nan), axis=0).fillna(0) * 100).round(1)
        return table

    def who_mentions_whom(self, filters: Filters, n: int = 40) -> pd.DataFrame:
        """Return the n most frequent (speaker, entity) pairs of kept sentences, self-mentions left out."""
        among, params = self._among_kept(filters)
        return self._query(
            "SELECT speaker, entity, kind, count(*) AS mentions FROM ix.men "
            f"WHERE {among} AND speaker <> '' AND speaker <> entity "
            "AND entity IS NOT NULL AND kind IS NOT NULL GROUP BY ALL "
            f"ORDER BY mentions DESC, speaker, entity, kind LIMIT {int(n)}", params)

    def _sentences_at(self, sids: list[int], columns: str) -> str:
        """Return a query of the sentences' rows at sids from the Parquet files, by file and row number (which
        DuckDB reads without scanning the rest)."""
        wanted = []
        for file, start, n in self.dataset.offsets():
            rows = [str(int(i) - start) for i in sids if start <= i < start + n]
            if rows:
                wanted.append(f"(_file = {_literal(file)} AND _row IN ({', '.join(rows)}))")
        return f"SELECT {columns} FROM sentences WHERE {' OR '.join(wanted) or 'FALSE'} ORDER BY sid"

    def quotes(self, filters: Filters, speaker: str, limit: int = 200) -> pd.DataFrame:
        """Return the first kept sentences of one speaker with their cue verbs."""
        kept, params = self._kept(filters, "s.sid", "s.speaker = ?")
        sids = self._query(f"{kept} ORDER BY s.sid LIMIT {int(limit)}", [*params, speaker])["sid"].tolist()
        columns = "doc_id, sentence_id, quote, attribution, cue, speaker_mention, text"
        return self._query(self._sentences_at(sids, columns))

    def distinctive_terms(self, filters: Filters, speaker: str, n: int = 30) -> pd.DataFrame:
        """Return the speaker's words most overused against the rest of the corpus (keyness)."""
        where, params = self._where(filters)
        rows = self._query(
            "WITH who AS (SELECT spk FROM ix.who WHERE speaker = ?), "
            f"mine AS (SELECT s.sid, ({where}) AS kept FROM ix.sent s WHERE s.speaker = ?), "
            "used AS (SELECT t.term, count(*) FILTER (WHERE kept) AS target, count(*) AS anywhere FROM ix.tok t "
            "JOIN mine USING (sid) WHERE t.spk = (SELECT spk FROM who) AND t.term IS NOT NULL GROUP BY t.term) "
            "SELECT w.text AS term, u.target, w.total - u.anywhere AS rest, u.anywhere FROM used u "
            "JOIN ix.terms w USING (term) ", [speaker, *params, speaker])
        everything = self._one("SELECT sum(total) FROM ix.terms")[0] or 0
        used = rows[rows["target"] > 0]
        rest = int(everything) - int(rows["anywhere"].sum())
        labels = self.labels(used["term"].tolist())
        return analysis.keyness_table(used["term"].to_numpy(dtype=object), used["target"].to_numpy(),
                                      used["rest"].to_numpy(), rest, n, labels.__getitem__)

    # Words

    def _term_rows(self, filters: Filters, n: int | None, extra: str = "", extra_params: tuple = ()) -> pd.DataFrame:
        cut = "" if n is None else f"LIMIT {int(n)}"
        if filters == Filters() and not extra:  # the corpus totals, counted once in the index
            return self._query(f"SELECT text AS term, label AS word, total AS count FROM ix.terms "
                               f"ORDER BY count DESC, term {cut}")
        kept, params = self._kept(filters, "s.sid", extra)
        speaker = "AND t.spk IN (SELECT spk FROM ix.who WHERE speaker IN (" + _marks(filters.speakers) + "))" \
            if filters.speakers else ""  # the tokens are sorted by speaker: only their blocks are read
        return self._query(f"WITH kept AS ({kept}), counted AS (SELECT t.term, count(*) AS count FROM ix.tok t "
                           f"WHERE t.sid IN (SELECT sid FROM kept) AND t.term IS NOT NULL {speaker} GROUP BY t.term) "
                           "SELECT w.text AS term, w.label AS word, c.count FROM counted c JOIN ix.terms w "
                           f"USING (term) ORDER BY c.count DESC, term {cut}",
                           [*params, *extra_params, *filters.speakers])

    def term_counts(self, filters: Filters, n: int | None = None) -> pd.DataFrame:
        """Return term, word, count of the kept tokens, most frequent first (ties by spelling)."""
        return _term_frame(self._term_rows(filters, n))

    def cloud_words(self, filters: Filters, speaker: str, n: int = 120) -> pd.DataFrame:
        """Return term_counts of one speaker's kept sentences."""
        return _term_frame(self._term_rows(filters, n, "s.speaker = ?", (speaker,)))

    def default_terms(self, filters: Filters, n: int = 5, pool: int = 300) -> list[str]:
        """Return the terms a timeline shows before the user picks (trends.default_terms)."""
        counts = trends.topical(self.term_counts(filters, pool))
        n_docs = self.counts(filters)[1]
        if counts.empty or n_docs < trends.MIN_DOCUMENTS_FOR_SPREAD:
            return counts["term"].head(n).tolist()
        terms = counts["term"].tolist()
        if filters == Filters():  # every document: the spread counted once in the index
            rows = self._query(f"SELECT w.text AS term, p.docs FROM ix.spread p JOIN ix.terms w USING (term) "
                               f"WHERE w.text IN ({_marks(terms)})", terms)
            return trends.by_spread(counts, n_docs, rows.set_index("term")["docs"].reindex(terms).to_numpy(), n)
        among, params = self._among_kept(filters, "t.sid")
        rows = self._query(f"SELECT w.text AS term, count(DISTINCT t.doc) AS docs FROM ix.tok_term t "
                           f"JOIN ix.terms w USING (term) WHERE t.term IN (SELECT term FROM ix.terms WHERE text IN "
                           f"({_marks(terms)})) AND {among} GROUP BY w.text", [*terms, *params])
        spread = rows.set_index("term")["docs"].reindex(terms, fill_value=0).to_numpy()
        return trends.by_spread(counts, n_docs, spread, n)

    # Time

    def axis(self, filters: Filters, bucket: str = "auto") -> tuple[str, str]:
        """Return the timeline x axis: ("position", "") or ("date", "D"/"W"/"M")."""
        kept, params = self._kept(filters, "min(s.date), max(s.date), count(DISTINCT s.doc)")
        first, last, docs = self._one(kept, params)
        if first is None or docs < 2:
            return "position", ""
        if bucket in {"D", "W", "M"}:
            return "date", bucket
        return "date", trends.bucket_for_span((pd.Timestamp(last) - pd.Timestamp(first)).days)

    @staticmethod
    def _x(kind: str, freq: str, table: str = "s") -> str:
        if kind == "position":
            return f"{table}.sentence_id"
        unit = {"D": "day", "W": "week", "M": "month"}[freq]  # ISO weeks start on Monday, as pandas' W periods
        return f"date_trunc('{unit}', {table}.date)"

    def timeline(self, filters: Filters, terms: list[str], *, per_thousand: bool = False, by_speaker: bool = False,
                 bucket: str = "auto", top_speakers: int = 6) -> pd.DataFrame:
        """Return keyword counts (or rates) per x bucket and keyword, optionally per speaker."""
        kind, freq = self.axis(filters, bucket)
        keys = ["x"]
        columns = f"s.sid, {self._x(kind, freq)} AS x, s.words"
        params: list[Any] = []
        if by_speaker:
            chosen = self.speaker_table(filters)["speaker"].head(top_speakers).tolist()
            inside = f"s.speaker IN ({_marks(chosen)})" if chosen else "FALSE"
            columns += f", CASE WHEN {inside} THEN s.speaker ELSE ? END AS speaker"
            params += [*chosen, trends.OTHERS]
            keys.append("speaker")
        kept, where_params = self._kept(filters, columns, "x IS NOT NULL")
        params += where_params
        group = ", ".join(keys)
        totals = self._query(f"WITH kept AS ({kept}) SELECT {group}, CAST(sum(words) AS BIGINT) AS words FROM kept "
                             f"GROUP BY {group} ORDER BY {group}", params)
        if totals.empty or not terms:
            return trends.empty_frame(["x", "words", "term", "count", "value", "keyword"], kind, freq)
        wanted = f"t.term IN (SELECT term FROM ix.terms WHERE text IN ({_marks(terms)}))"
        if kind == "date" and not by_speaker:  # the tokens carry their date: no join with the sentences
            among, among_params = self._among_kept(filters, "t.sid")
            counts = self._query(f"SELECT {self._x(kind, freq, 't')} AS x, w.text AS term, count(*) AS count "
                                 f"FROM ix.tok_term t JOIN ix.terms w USING (term) WHERE {wanted} AND {among} "
                                 "AND t.date IS NOT NULL GROUP BY ALL", [*terms, *among_params])
        else:
            counts = self._query(f"WITH kept AS ({kept}) SELECT {', '.join('k.' + k for k in keys)}, w.text AS term, "
                                 "count(*) AS count FROM ix.tok_term t JOIN kept k USING (sid) JOIN ix.terms w "
                                 f"USING (term) WHERE {wanted} GROUP BY ALL", [*params, *terms])
        return trends.timeline_frame(_x_like_pandas(totals, kind), _x_like_pandas(counts, kind), terms,
                                     per_thousand=per_thousand, label=self.labels(terms).__getitem__,
                                     axis=(kind, freq))

    def theme_timeline(self, filters: Filters, bucket: str = "auto") -> pd.DataFrame:
        """Return per x bucket and theme the share (%) of kept story sentences carrying it."""
        kind, freq = self.axis(filters, bucket)
        kept, params = self._kept(filters, f"s.sid, {self._x(kind, freq)} AS x", "s.story AND x IS NOT NULL")
        totals = self._query(f"WITH kept AS ({kept}) SELECT x, count(*) AS total FROM kept GROUP BY x ORDER BY x",
                             params)
        if totals.empty:
            return trends.empty_frame(["x", "total", "theme", "sentences", "share"], kind, freq)
        if kind == "date":  # the themes carry their sentence's date and story flag: no join
            among, among_params = self._among_kept(filters, "t.sid")
            counts = self._query(f"SELECT {self._x(kind, freq, 't')} AS x, t.theme, count(*) AS sentences "
                                 f"FROM ix.thm t WHERE t.story AND t.date IS NOT NULL AND {among} GROUP BY ALL",
                                 among_params)
        else:
            counts = self._query(f"WITH kept AS ({kept}) SELECT k.x, t.theme, count(*) AS sentences FROM ix.thm t "
                                 "JOIN kept k USING (sid) GROUP BY ALL", params)
        return trends.theme_timeline_frame(_x_like_pandas(totals, kind), _x_like_pandas(counts, kind),
                                           self.themes(), axis=(kind, freq))

    def theme_shares(self, filters: Filters) -> pd.DataFrame:
        """Return theme, sentences, share of the kept sentences (share of the kept story sentences)."""
        among, params = self._among_kept(filters)
        counts = self._query(f"SELECT theme, count(*) AS n FROM ix.thm WHERE {among} GROUP BY theme", params)
        kept, params = self._kept(filters, "count(*) FILTER (WHERE s.story)")
        total = self._one(kept, params)[0]
        counts = counts.set_index("theme")["n"]
        themes = [t for t in self.themes() if t in counts.index]
        n = counts.reindex(themes).to_numpy(dtype=np.int64)
        return pd.DataFrame({"theme": pd.Series(themes, dtype="str"), "sentences": n,
                             "share": (n * 100 / max(int(total), 1)).round(1)})

    # Reading and exports

    def _sentence_columns(self, alias: str = "") -> str:
        # The outlet comes from the documents, after the sentence's own columns.
        return ", ".join(f'{alias}"{c}"' for c in self.dataset.columns["sentences"] if c != "source")

    def sentence_page(self, filters: Filters, offset: int, limit: int) -> pd.DataFrame:
        """Return kept sentences offset … offset + limit in corpus order, with their themes and document."""
        kept, params = self._kept(filters)
        sids = self._query(f"{kept} ORDER BY s.sid LIMIT {max(int(limit), 0)} OFFSET {max(int(offset), 0)}",
                           params)["sid"].tolist()
        page = self._query(
            f"SELECT {self._sentence_columns('s.')}, CAST(d.title AS VARCHAR) AS title, "
            "coalesce(CAST(d.source AS VARCHAR), '') AS source, d.date AS doc_date, "
            f"coalesce(d.n_sentences, 0) AS doc_sentences FROM ({self._sentences_at(sids, '*')}) s "
            "LEFT JOIN documents d USING (doc_id) ORDER BY s.sid")
        themes = self._query(f"SELECT sid, theme FROM ix.thm WHERE sid IN ({', '.join(map(str, sids)) or 'NULL'}) "
                             "ORDER BY ord")
        listed: dict[int, list[str]] = {}
        for sid, theme in themes.itertuples(index=False):
            listed.setdefault(int(sid), []).append(str(theme))
        page["themes"] = [listed.get(int(sid), []) for sid in sids]
        page["doc_date"] = page["doc_date"].astype(self._datetimes.get("documents", {}).get("date", "datetime64[us]"))
        return self._typed(page[[c for c in page.columns if c not in PAGE_COLUMNS] + list(PAGE_COLUMNS)], "sentences")

    def _typed(self, frame: pd.DataFrame, name: str) -> pd.DataFrame:
        """Return frame with its datetime columns in the units the frame had when written (its manifest)."""
        units = {c: t for c, t in self._datetimes.get(name, {}).items() if c in frame.columns}
        return frame.astype(units) if units else frame

    def _export_sql(self, filters: Filters, name: str, limit: int | None) -> tuple[str, list]:
        """Return the query of one frame under the filters (not the speakers: they are recounted), in frame order."""
        where, params = self._where(filters)
        cut = "" if limit is None else f" LIMIT {int(limit)}"
        if name == "sentences":
            return (f"SELECT {self._sentence_columns('f.')}, coalesce(CAST(d.source AS VARCHAR), '') AS source "
                    f"FROM sentences f LEFT JOIN (SELECT doc_id, any_value(source) AS source FROM documents "
                    f"GROUP BY doc_id) d USING (doc_id) WHERE f.sid IN (SELECT s.sid FROM ix.sent s WHERE {where}) "
                    f"ORDER BY f.sid{cut}", params)
        columns = ", ".join(f'f."{c}"' for c in self.dataset.columns[name])
        if name == "documents":
            condition = f"f.doc_id IN (SELECT d.doc_id FROM ix.sent s JOIN ix.docs d USING (doc) WHERE {where})"
        elif where == "TRUE":  # every row: a plain scan, in file order
            return f"SELECT {columns} FROM {name} f{cut}", []
        else:
            condition = (f"(f.doc_id, f.sentence_id) IN (SELECT (d.doc_id, s.sentence_id) FROM ix.sent s "
                         f"JOIN ix.docs d USING (doc) WHERE {where})")
        return f"SELECT {columns} FROM {name} f WHERE {condition} ORDER BY f._file, f._row{cut}", params

    def export_rows(self, filters: Filters, name: str) -> int:
        """Return how many rows the export of one frame has."""
        if name in {"sentences", "documents"}:
            return self.counts(filters)[name == "documents"]
        if name == "speakers":
            return len(self.speaker_table(filters))
        table = {"tokens": "tok", "themes": "thm", "mentions": "men"}[name]
        among, params = self._among_kept(filters)
        return int(self._one(f"SELECT count(*) FROM ix.{table} WHERE {among}", params)[0])

    def export_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame under the filters (its first `limit` rows when given)."""
        if name == "speakers":
            table = self.speaker_table(filters)
            return table if limit is None else table.head(limit)
        sql, params = self._export_sql(filters, name, limit)
        return self._typed(self._query(sql, params), name)

    def _batches(self, filters: Filters, name: str) -> tuple[Iterator[pd.DataFrame], pa.Schema]:
        """Return the export of one frame as pandas batches (the first one empty, to carry the columns)."""
        if name == "speakers":
            table = self.speaker_table(filters)
            return iter([table]), pa.Schema.from_pandas(table, preserve_index=False)
        sql, params = self._export_sql(filters, name, None)
        cursor = self._cursor()
        reader = cursor.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)

        def batches() -> Iterator[pd.DataFrame]:
            try:
                yield reader.schema.empty_table().to_pandas()
                for batch in reader:
                    yield batch.to_pandas()
            finally:
                cursor.close()

        return batches(), reader.schema

    def _datetime_kinds(self, filters: Filters, name: str, schema: pa.Schema) -> dict[str, pa.DataType]:
        """Return how each datetime column of an export is written (qawl.export.datetime_kind), from one pass."""
        stamps = [f.name for f in schema if pa.types.is_timestamp(f.type)]
        if not stamps or name == "speakers":
            return {}
        sql, params = self._export_sql(filters, name, None)
        checks = ", ".join(f'bool_or(epoch_us("{c}") % 86400000000 <> 0), bool_or(epoch_us("{c}") % 1000000 <> 0)'
                           for c in stamps)
        flags = self._one(f"SELECT {checks} FROM ({sql})", params)
        kinds = {}
        for i, column in enumerate(stamps):
            day, second = flags[2 * i], flags[2 * i + 1]
            kinds[column] = pa.timestamp("us") if second else pa.timestamp("s") if day else pa.date32()
        return kinds

    def write_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as spreadsheet-safe CSV, batch by batch."""
        batches, schema = self._batches(filters, name)
        export.write_batches(batches, sink, self._datetime_kinds(filters, name, schema))

    def write_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as Parquet, batch by batch."""
        batches, schema = self._batches(filters, name)
        with pq.ParquetWriter(sink, schema) as writer:
            for frame in batches:
                writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _condition(filters: Filters) -> tuple[str, list[Any]]:
    """Return the SQL condition (over the index's sentences `s`) the filters put on a sentence, and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if filters.speakers:
        parts.append(f"s.speaker IN ({_marks(filters.speakers)})")
        params += filters.speakers
    if filters.sources or filters.docs:
        wanted = []
        for column, values in (("source", filters.sources), ("doc_id", filters.docs)):
            if values:
                wanted.append(f"{column} IN ({_marks(values)})")
                params += values
        parts.append(f"s.doc IN (SELECT doc FROM ix.docs WHERE {' AND '.join(wanted)})")
    if filters.themes:
        parts.append(f"s.sid IN (SELECT sid FROM ix.thm WHERE theme IN ({_marks(filters.themes)}))")
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


def _term_frame(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"term": rows["term"].astype("str"), "word": rows["word"].astype("str"),
                         "count": rows["count"].to_numpy(dtype=np.int64)})


def _x_like_pandas(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Return frame with its x column in the dtype the pandas store gives (period starts in microseconds)."""
    return frame.assign(x=frame["x"].astype("datetime64[us]" if kind == "date" else np.int64))

