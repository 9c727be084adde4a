"""The store over a corpus's Parquet files, queried where they lie by DuckDB: corpora larger than memory.

A dataset folder holds, per frame, `DIR/<frame>.parquet` (a disk-cache entry) or a folder `DIR/<frame>/` of Parquet
files, possibly hive-partitioned (`source=…/month=…/part-*.parquet`). Each frame is a view over its files.

Joining the long frames to the sentences on (doc_id, sentence_id) strings costs seconds per question at a million
sentences, so the first opening of a dataset writes a compact index beside it (duckdb_index.py): each sentence numbered
in corpus order (its `sid`), the long frames keyed by that number, the tokens' terms as numbers, sorted by speaker.
Questions then join integers (duckdb_query.py); texts, and the rows of an export, come from the Parquet files.
Where numbers are finished in Python (keyness, tf-idf, timelines' grids), the pandas store's own functions do it, so
that both stores give the same frames, to the bit.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from qawl import analysis, duckdb_index, export, trends
from qawl.duckdb_index import Dataset
from qawl.duckdb_query import Queries, marks
from qawl.filters import Filters
from qawl.store import PAGE_COLUMNS

BACKEND_VAR = "QAWL_BACKEND"
THRESHOLD_VAR = "QAWL_DUCKDB_ABOVE"
THRESHOLD = 500_000  # sentences: measured in bench/backends.py (README "Large corpora")
_ORDER = "_file, _row"  # the order of the frames' rows: file by file, row by row (the pandas frames' order)


def indexed(folder: str | Path) -> bool:
    """Return whether a dataset folder's index is written and up to date (opening it is quick then)."""
    return duckdb_index.indexed(Dataset(folder))


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


class DuckDBStore(Queries):
    """A corpus's Parquet dataset queried by DuckDB through the store interface (qawl.store.Store)."""

    def __init__(self, folder: str | Path, key: str, name: str = "", warnings: list[str] | None = None) -> None:
        super().__init__(folder)
        self.key = f"duckdb-{key}"
        self.name = name
        manifest = self.dataset.manifest()
        self.warnings = list(manifest.get("warnings", [])) if warnings is None else list(warnings)

    # Corpus facts

    def size(self) -> int:
        """Return how many sentences the corpus has."""
        return self.dataset.rows("sentences")

    def counts(self, filters: Filters) -> tuple[int, int]:
        """Return (sentences, documents) the filters keep."""
        if filters == Filters():
            n, docs = self._one("SELECT sentences, documents FROM ix.summary")
        else:
            n, docs = self._one(*self._kept(filters, "count(*), count(DISTINCT s.doc)"))
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
        where = f"WHERE speaker IN ({marks(names)})" if names else ""
        cut = "" if names or limit is None else f"LIMIT {int(limit)}"
        # A plain scan (with a filter) gives the rows in file order: no sort of the whole frame for a few rows.
        return self._query(f"SELECT speaker, n_sentences FROM speakers {where} {cut}", names)

    def document_titles(self, limit: int | None = None, ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return doc_id, title of the first documents (all or `limit`), or of `ids` when given."""
        where = f"WHERE doc_id IN ({marks(ids)})" if ids else ""
        cut = "" if ids or limit is None else f"LIMIT {int(limit)}"
        return self._query(f"SELECT CAST(doc_id AS VARCHAR) AS doc_id, CAST(title AS VARCHAR) AS title "
                           f"FROM documents {where} {cut}", ids)

    def labels(self, terms: list[str]) -> dict[str, str]:
        """Return term -> the written form it is shown as: its most frequent spelling (ties: the first in order)."""
        wanted = list(dict.fromkeys(terms))
        rows = self._query(f"SELECT text, label FROM ix.terms WHERE text IN ({marks(wanted)})", wanted) \
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
        speaker = "AND t.spk IN (SELECT spk FROM ix.who WHERE speaker IN (" + marks(filters.speakers) + "))" \
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
        if filters.speakers and speaker not in filters.speakers:  # another speaker was asked for
            return _term_frame(pd.DataFrame({"term": [], "word": [], "count": []}))
        # As a speaker filter: the tokens are sorted by speaker, only this one's blocks are read.
        return _term_frame(self._term_rows(replace(filters, speakers=(speaker,)), n))

    def default_terms(self, filters: Filters, n: int = 5, pool: int = 300) -> list[str]:
        """Return the terms a timeline shows before the user picks (trends.default_terms)."""
        counts = trends.topical(self.term_counts(filters, pool))
        n_docs = self.counts(filters)[1]
        if counts.empty or n_docs < trends.MIN_DOCUMENTS_FOR_SPREAD:
            return counts["term"].head(n).tolist()
        terms = counts["term"].tolist()
        if filters == Filters():  # every document: the spread counted once in the index
            rows = self._query(f"SELECT w.text AS term, p.docs FROM ix.spread p JOIN ix.terms w USING (term) "
                               f"WHERE w.text IN ({marks(terms)})", terms)
            return trends.by_spread(counts, n_docs, rows.set_index("term")["docs"].reindex(terms).to_numpy(), n)
        wanted = f"t.term IN (SELECT term FROM ix.terms WHERE text IN ({marks(terms)}))"
        if filters.speakers:  # the speakers' token blocks, their sentences' documents
            kept, params = self._kept(filters, "s.sid, s.doc")
            rows = self._query(f"WITH kept AS ({kept}) SELECT w.text AS term, count(DISTINCT k.doc) AS docs "
                               f"FROM ix.tok t JOIN kept k USING (sid) JOIN ix.terms w USING (term) WHERE {wanted} "
                               f"AND t.spk IN (SELECT spk FROM ix.who WHERE speaker IN ({marks(filters.speakers)})) "
                               "GROUP BY w.text", [*params, *terms, *filters.speakers])
        else:
            among, params = self._among_kept(filters, "t.sid")
            rows = self._query(f"SELECT w.text AS term, count(DISTINCT t.doc) AS docs FROM ix.tok_term t "
                               f"JOIN ix.terms w USING (term) WHERE {wanted} AND {among} GROUP BY w.text",
                               [*terms, *params])
        spread = rows.set_index("term")["docs"].reindex(terms, fill_value=0).to_numpy()
        return trends.by_spread(counts, n_docs, spread, n)

    # Time

    def axis(self, filters: Filters, bucket: str = "auto") -> tuple[str, str]:
        """Return the timeline x axis: ("position", "") or ("date", "D"/"W"/"M")."""
        if filters == Filters():
            first, last, docs = self._one("SELECT first, last, documents FROM ix.summary")
        else:
            first, last, docs = self._one(*self._kept(filters, "min(s.date), max(s.date), count(DISTINCT s.doc)"))
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
            inside = f"s.speaker IN ({marks(chosen)})" if chosen else "FALSE"
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
        wanted = f"t.term IN (SELECT term FROM ix.terms WHERE text IN ({marks(terms)}))"
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

    def export_rows(self, filters: Filters, name: str) -> int:
        """Return how many rows the export of one frame has."""
        if name in {"sentences", "documents"}:
            return self.counts(filters)[name == "documents"]
        if name == "speakers":
            return int(self._one(*self._kept(filters, "count(DISTINCT s.speaker)", "s.speaker <> ''"))[0])
        if filters == Filters():
            return self.dataset.rows(name)
        table = {"tokens": "tok", "themes": "thm", "mentions": "men"}[name]
        among, params = self._among_kept(filters)
        return int(self._one(f"SELECT count(*) FROM ix.{table} WHERE {among}", params)[0])

    def export_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame under the filters (its first `limit` rows when given)."""
        if name == "speakers":
            table = self.speaker_table(filters)
            return table if limit is None else table.head(limit)
        if name == "sentences" and limit is not None:  # the first rows, found in the index, read by number
            kept, params = self._kept(filters)
            sids = self._query(f"{kept} ORDER BY s.sid LIMIT {int(limit)}", params)["sid"].tolist()
            found = self._query(f"SELECT {self._sentence_columns('f.')}, i.source FROM "
                                f"({self._sentences_at(sids, '*')}) f POSITIONAL JOIN "
                                f"(SELECT source FROM ix.sent WHERE sid IN ({', '.join(map(str, sids)) or 'NULL'}) "
                                "ORDER BY sid) i")
            return self._typed(found, name)
        sql, params = self.export_sql(filters, name, limit)
        return self._typed(self._query(sql, params), name)

    def write_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as spreadsheet-safe CSV, batch by batch."""
        if name == "speakers":
            export.write_batches([self.speaker_table(filters)], sink)
            return
        sql, params = self.export_sql(filters, name)
        export.write_batches(self.stream(sql, params), sink, self.datetime_kinds(sql, params))

    def write_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as Parquet, batch by batch."""
        if name == "speakers":
            self.speaker_table(filters).to_parquet(sink, index=False)
            return
        sql, params = self.export_sql(filters, name)
        batches = self.stream(sql, params)
        first = next(batches)
        schema = pa.Schema.from_pandas(first, preserve_index=False)
        with pq.ParquetWriter(sink, schema) as writer:
            for frame in (first, *batches):
                writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))


def _term_frame(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"term": rows["term"].astype("str"), "word": rows["word"].astype("str"),
                         "count": rows["count"].to_numpy(dtype=np.int64)})


def _x_like_pandas(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Return frame with its x column in the dtype the pandas store gives (period starts in microseconds)."""
    return frame.assign(x=frame["x"].astype("datetime64[us]" if kind == "date" else np.int64))

