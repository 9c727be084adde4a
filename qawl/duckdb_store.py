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
import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa

from qawl import duckdb_index, export, sourcing, spread, trends
from qawl.answers import DiskAnswers
from qawl.corrections import Rules
from qawl.duckdb_index import Dataset
from qawl.duckdb_query import marks
from qawl.duckdb_words import Words, x_like_pandas
from qawl.filters import Filters
from qawl.store import TERMS

BACKEND_VAR = "QAWL_BACKEND"
THRESHOLD_VAR = "QAWL_DUCKDB_ABOVE"
THRESHOLD = 500_000  # sentences: measured in bench/backends.py (README "Large corpora")
_Answer = TypeVar("_Answer")
KEPT_ANSWERS = 48  # answers other questions ask again, kept per filter state (_kept_answer): small frames
# The pages' first questions (no filter), kept on disk beside the index for the next process (qawl/answers.py):
# small frames, each a few hundredths to a quarter of a second at a million sentences.
ON_DISK = ("speaker_table", "speaker_theme", "who_mentions_whom", "quotes", "distinctive_terms", "cloud_words",
           "term_counts", "word_counts", "timeline", "theme_timeline", "theme_shares", "sourcing_shares",
           "unnamed_by_source", "quoted_women")


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


class DuckDBStore(Words):
    """A corpus's Parquet dataset queried by DuckDB through the store interface (qawl.store.Store), with the
    corrections laid over it (duckdb_corrections.py)."""

    def __init__(self, folder: str | Path, key: str, name: str = "", warnings: list[str] | None = None,
                 rules: Rules | None = None) -> None:
        super().__init__(folder, rules)
        self.key = f"duckdb-{key}"
        self.name = name
        manifest = self.dataset.manifest()
        self.warnings = list(manifest.get("warnings", [])) if warnings is None else list(warnings)
        self.correction_notes = [*self.corrections.problems, *self.unused]
        self._answers: OrderedDict[tuple[str, Filters], pd.DataFrame] = OrderedDict()  # _kept_answer
        self._answers_lock = threading.Lock()

    @cached_property
    def disk_answers(self) -> DiskAnswers:
        """Return the unfiltered answers kept beside the index, for this state of the files and corrections."""
        index = duckdb_index.index_path(self.dataset)
        return DiskAnswers(index.with_name(f"{index.stem}-answers"), self.dataset.fingerprint(),
                           self.corrections.digest)

    # Corpus facts

    def size(self) -> int:
        """Return how many sentences the corpus has."""
        return self.dataset.rows("sentences")

    def counts(self, filters: Filters) -> tuple[int, int]:
        """Return (sentences, documents) the filters keep."""
        if filters == Filters():
            n, docs = self._one("SELECT sentences, documents FROM ix.summary")
        else:  # kept: the Export page asks three times (its header, the sentences' and the documents' rows)
            n, docs = self._kept_answer("counts", filters, lambda: self._one(
                *self._kept(filters, "count(*), count(DISTINCT s.doc)")))
        return int(n), int(docs)

    def axis(self, filters: Filters, bucket: str = "auto") -> tuple[str, str]:
        """Return the timeline x axis: ("position", "") or ("date", "D"/"W"/"M")."""
        # kept: the Export page's two sourcing tables over time ask it (a count over the kept sentences) each
        return self._kept_answer(f"axis-{bucket}", filters, lambda: super(DuckDBStore, self).axis(filters, bucket))

    @cached_property
    def _themes(self) -> tuple[str, ...]:  # a count over every theme row (ten million at 10M): once per store
        return tuple(self._query("SELECT theme FROM ix.thm GROUP BY theme ORDER BY count(*) DESC, theme")["theme"])

    def themes(self) -> list[str]:
        """Return the themes that occur, most frequent first (ties by name)."""
        return list(self._themes)

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
        if self.fixed:  # the speakers recounted under the corrections
            table = self.speaker_table(Filters())[["speaker", "n_sentences"]]
            table = table[table["speaker"].isin(names)] if names else table.head(limit)
            return table.reset_index(drop=True)
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

    # Speakers

    def speaker_table(self, filters: Filters) -> pd.DataFrame:
        """Return the speakers of the kept sentences with their counts, most quoted first."""

        def ask() -> pd.DataFrame:
            kept, params = self._kept(filters, "s.speaker, s.doc, s.quote", "s.speaker <> ''")
            return self._query(
                f"WITH kept AS ({kept}) SELECT k.speaker, coalesce(any_value(a.aliases), '') AS aliases, "
                "coalesce(any_value(a.kind), '') AS kind, coalesce(any_value(a.gender), '') AS gender, "
                "count(*) AS n_sentences, count(DISTINCT k.doc) AS n_documents, "
                "count(*) FILTER (WHERE k.quote = 'direct') AS n_direct, "
                "count(*) FILTER (WHERE k.quote = 'indirect') AS n_indirect "
                "FROM kept k LEFT JOIN known a USING (speaker) GROUP BY k.speaker ORDER BY n_sentences DESC, speaker",
                params)

        return self._kept_answer("speakers", filters, ask)

    def _kept_answer(self, name: str, filters: Filters, compute: Callable[[], _Answer]) -> _Answer:
        """Return compute()'s frame (or tuple), kept per (name, filters) for the last KEPT_ANSWERS ones: answers
        other questions ask again (the speaker table: the Export page's speakers files and row count, its most quoted
        women, the Themes page's shares; the sourcing counts of six tables; counts, the timeline axis). Frames are
        copy-on-write: a caller's change stays its own."""
        with self._answers_lock:
            found = self._answers.get((name, filters))
            if found is not None:
                self._answers.move_to_end((name, filters))
                return found
        found = compute()
        with self._answers_lock:
            self._answers[(name, filters)] = found
            while len(self._answers) > KEPT_ANSWERS:
                self._answers.popitem(last=False)
        return found

    def speaker_theme(self, filters: Filters, speakers: list[str], *, share: bool = False) -> pd.DataFrame:
        """Return a speakers × themes table of kept sentences (or % of each speaker's sentences)."""
        among, params = self._among_kept(filters)
        pairs = self._query(f"SELECT speaker, theme, count(*) AS n FROM thm WHERE {among} GROUP BY ALL", params)
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
            "SELECT speaker, entity, kind, count(*) AS mentions FROM men "
            f"WHERE {among} AND speaker <> '' AND speaker <> entity "
            "AND entity IS NOT NULL AND kind IS NOT NULL GROUP BY ALL "
            f"ORDER BY mentions DESC, speaker, entity, kind LIMIT {int(n)}", params)

    def quotes(self, filters: Filters, speaker: str, limit: int = 200) -> pd.DataFrame:
        """Return the first kept sentences of one speaker with their cue verbs, and in `also_reported` the outlets
        of the other articles that reported the same statement (qawl.spread.also_reported; "" for none)."""
        kept, params = self._kept(filters, "s.sid, s.stmt", "s.speaker = ?")
        found = self._query(f"{kept} ORDER BY s.sid LIMIT {int(limit)}", [*params, speaker])
        columns = "doc_id, sentence_id, quote, attribution, cue, speaker_mention, text"
        picked = self._query(self.rows_at("sentences", found["sid"].tolist(), columns))
        ids = found["stmt"].to_numpy(dtype=np.int64)
        wanted = sorted({int(i) for i in ids if i > 0})
        repeats = self._query("SELECT statement_id, CAST(doc_id AS VARCHAR) AS doc_id, CAST(source AS VARCHAR) AS "
                              f"source FROM repeats WHERE statement_id IN ({', '.join(map(str, wanted)) or 'NULL'}) "
                              "ORDER BY _file, _row")
        return picked.assign(also_reported=pd.Series(spread.also_reported(repeats, ids, picked["doc_id"]),
                                                     index=picked.index, dtype="str"))

    def speaker_mentions(self, speaker: str) -> pd.DataFrame:
        """Return speaker_mention, n_sentences: how the articles named one speaker, most frequent first."""
        said, params = "f.speaker = ?", [speaker]
        if self.fixed:  # the sentences corrected away from the speaker, or to them
            said = "(f.speaker = ? AND f.sid NOT IN (SELECT sid FROM fix)) OR f.sid IN (SELECT sid FROM fix " \
                   "WHERE speaker = ?)"
            params = [speaker, speaker]
        return self._query(
            "SELECT CAST(f.speaker_mention AS VARCHAR) AS speaker_mention, count(*) AS n_sentences FROM sentences f "
            f"WHERE ({said}) AND f.speaker_mention <> '' GROUP BY ALL ORDER BY n_sentences DESC, speaker_mention",
            params)

    # Who gets a voice (qawl.sourcing: the same tables from grouped counts)

    def sourcing_shares(self, filters: Filters, dimension: str = "kind", group: str = "", bucket: str = "auto"
                        ) -> pd.DataFrame:
        """Return kept attributed sentences by speaker kind or gender, overall / per outlet / per date bucket."""
        sourcing.checked(dimension, group)
        axis = self.axis(filters, bucket) if group == "period" else ("", "")
        if group == "period" and axis[0] != "date":
            return sourcing.empty(dimension, group, axis)
        counts = self._sourcing_counts(filters, self.x_of(*axis) if group == "period" else "NULL")
        if dimension == "gender":
            counts = counts[(counts["kind"] == "person") | (counts["gender"] != "")]
        key = {"": None, "source": "source", "period": "x"}[group]
        rows = counts.assign(g="" if key is None else counts[key], v=counts[dimension])
        rows = rows[rows["g"].notna()]
        if rows.empty:
            return sourcing.empty(dimension, group, axis)
        if group == "period":
            rows = x_like_pandas(rows.drop(columns="x").rename(columns={"g": "x"}), "date").rename(columns={"x": "g"})
        # counts[group, value] summed on codes: pandas' pivot_table of these few rows took 8-15 ms a table
        groups, index = pd.factorize(rows["g"], sort=True)
        values, columns = pd.factorize(rows["v"], sort=True)
        counts = np.zeros((len(index), len(columns)), dtype=np.int64)
        known = (groups >= 0) & (values >= 0)  # a missing value is left out, as pivot_table leaves it
        np.add.at(counts, (groups[known], values[known]), rows["n"].to_numpy(dtype=np.int64)[known])
        names = np.array([v or sourcing.UNKNOWN for v in columns], dtype=object)
        labels = index.to_numpy() if group == "period" else index.to_numpy(dtype=object)
        return sourcing.share_table(counts, labels, names, dimension, group, axis)

    def _sourcing_counts(self, filters: Filters, x: str) -> pd.DataFrame:
        """Return the kept attributed sentences counted by outlet, x (a period's start, or NULL), kind and gender:
        the six share tables of the Export page are read from two such counts (they were six queries)."""

        def ask() -> pd.DataFrame:
            kept, params = self._kept(filters, f"s.source, {x} AS x, s.kind, s.gender", "s.speaker <> ''")
            return self._query(f"WITH kept AS ({kept}) SELECT source, x, kind, gender, count(*) AS n FROM kept "
                               "GROUP BY ALL", params)

        return self._kept_answer(f"sourcing {x}", filters, ask)

    def unnamed_by_source(self, filters: Filters) -> pd.DataFrame:
        """Return per outlet the kept attributed sentences from unnamed sources: source, sentences, total, share."""
        kept, params = self._kept(filters, "s.source, s.kind", "s.speaker <> ''")
        rows = self._query(f"WITH kept AS ({kept}) SELECT source, count(*) FILTER (WHERE kind = ?) AS unnamed, "
                           "count(*) AS total FROM kept GROUP BY source", [*params, sourcing.UNNAMED])
        return sourcing.unnamed_table(rows["source"].to_numpy(dtype=object), rows["unnamed"].to_numpy(),
                                      rows["total"].to_numpy())

    def quoted_women(self, filters: Filters, n: int | None = 20) -> pd.DataFrame:
        """Return the most quoted women of the kept sentences with their counts."""
        women = sourcing.women_of(self.speaker_table(filters), n)
        names = women["speaker"].tolist()
        kept, params = self._kept(filters, "s.speaker, s.source", f"s.speaker IN ({marks(names) or 'NULL'})")
        outlets = self._query(f"WITH kept AS ({kept}) SELECT speaker, count(DISTINCT source) FILTER "
                              "(WHERE source <> '') AS n FROM kept GROUP BY speaker", [*params, *names])
        return sourcing.with_sources(women, outlets.set_index("speaker")["n"].reindex(names, fill_value=0))

    # Time

    def timeline(self, filters: Filters, terms: list[str], *, per_thousand: bool = False, by_speaker: bool = False,
                 bucket: str = "auto", top_speakers: int = 6, match: str = TERMS) -> pd.DataFrame:
        """Return keyword counts (or rates) per x bucket and keyword (stems, or typed words with match), optionally
        per speaker."""
        kind, freq = self.axis(filters, bucket)
        keys = ["x"]
        columns = f"s.sid, {self.x_of(kind, freq)} AS x, s.words"
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
        series, on, series_params = self.series(terms, match)
        if kind == "date" and not by_speaker and not filters.speakers:  # tokens with their date: no join
            among, among_params = self._among_kept(filters, "t.sid")
            counts = self._query(f"WITH series AS ({series}) SELECT {self.x_of(kind, freq, 't')} AS x, w.key AS term, "
                                 f"count(*) AS count FROM ix.tok_term t JOIN series w ON w.{on} = t.{on} "
                                 f"WHERE {among} AND t.date IS NOT NULL GROUP BY ALL", [*series_params, *among_params])
        else:  # a speaker filter reads the speakers' token blocks
            tokens, blocks = ("ix.tok", self._blocks(filters.speakers)) if filters.speakers else ("ix.tok_term", "TRUE")
            counts = self._query(f"WITH series AS ({series}), kept AS ({kept}) SELECT "
                                 f"{', '.join('k.' + k for k in keys)}, w.key AS term, count(*) AS count "
                                 f"FROM {tokens} t JOIN kept k USING (sid) JOIN series w ON w.{on} = t.{on} "
                                 f"WHERE {blocks} GROUP BY ALL", [*series_params, *params])
        label = self.labels(terms).__getitem__ if match == TERMS else str
        return trends.timeline_frame(x_like_pandas(totals, kind), x_like_pandas(counts, kind), terms,
                                     per_thousand=per_thousand, label=label, axis=(kind, freq))

    def theme_timeline(self, filters: Filters, bucket: str = "auto") -> pd.DataFrame:
        """Return per x bucket and theme the share (%) of kept story sentences carrying it."""
        kind, freq = self.axis(filters, bucket)
        kept, params = self._kept(filters, f"s.sid, {self.x_of(kind, freq)} AS x", "s.story AND x IS NOT NULL")
        totals = self._query(f"WITH kept AS ({kept}) SELECT x, count(*) AS total FROM kept GROUP BY x ORDER BY x",
                             params)
        if totals.empty:
            return trends.empty_frame(["x", "total", "theme", "sentences", "share"], kind, freq)
        if kind == "date":  # the themes carry their sentence's date and story flag: no join
            among, among_params = self._among_kept(filters, "t.sid")
            counts = self._query(f"SELECT {self.x_of(kind, freq, 't')} AS x, t.theme, count(*) AS sentences "
                                 f"FROM ix.thm t WHERE t.story AND t.date IS NOT NULL AND {among} GROUP BY ALL",
                                 among_params)
        else:
            counts = self._query(f"WITH kept AS ({kept}) SELECT k.x, t.theme, count(*) AS sentences FROM ix.thm t "
                                 "JOIN kept k USING (sid) GROUP BY ALL", params)
        return trends.theme_timeline_frame(x_like_pandas(totals, kind), x_like_pandas(counts, kind),
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
        page = self.sentence_rows(sids)
        docs = self.documents_at(page["_doc"])
        at = docs.reindex(page["_doc"].to_numpy())
        present = (page["_doc"] >= 0).to_numpy()

        def of_document(column: str, missing: object) -> np.ndarray:
            values = at[column].to_numpy(dtype=object)
            values[~present] = missing
            return values

        themes = self._query(f"SELECT sid, theme FROM thm WHERE sid IN ({', '.join(map(str, sids)) or 'NULL'}) "
                             "ORDER BY ord")
        listed: dict[int, list[str]] = {}
        for sid, theme in themes.itertuples(index=False):
            listed.setdefault(int(sid), []).append(str(theme))
        return page.drop(columns="_doc").assign(
            themes=[listed.get(int(sid), []) for sid in sids],
            title=pd.Series(of_document("title", ""), index=page.index, dtype="str"),
            source=pd.Series(of_document("source", ""), index=page.index, dtype="str"),
            doc_date=pd.Series(of_document("date", None), index=page.index, dtype=docs["date"].dtype),
            doc_sentences=of_document("n_sentences", 0).astype(np.int64))

    def sentence_position(self, filters: Filters, doc_id: str, sentence_id: int) -> int | None:
        """Return where a sentence is among the kept sentences in corpus order (0-based), None when not kept."""
        kept, params = self._kept(filters, "s.sid", "s.doc IN (SELECT doc FROM ix.docs WHERE doc_id = ?) "
                                                    "AND s.sentence_id = ?")
        found = self._one(f"{kept} ORDER BY s.sid LIMIT 1", [*params, str(doc_id), int(sentence_id)])
        if found is None:
            return None
        kept, params = self._kept(filters, "count(*)", f"s.sid < {int(found[0])}")
        return int(self._one(kept, params)[0])

    def export_rows(self, filters: Filters, name: str) -> int:
        """Return how many rows the export of one frame has."""
        if name in {"sentences", "documents"}:
            return self.counts(filters)[name == "documents"]
        if name == "speakers":  # the speakers export is the speaker table, which the page asks for anyway
            return len(self.speaker_table(filters))
        if filters == Filters():
            return self.dataset.rows(name)
        if name == "statements":
            kept, params = self._kept(filters, "s.stmt", "s.stmt > 0")
            return int(self._one(f"SELECT count(*) FROM statements WHERE statement_id IN ({kept})", params)[0])
        if name == "tokens":
            table, among, params = self._tokens(filters)
        else:
            table = {"themes": "thm", "mentions": "men", "repeats": "ix.rep"}[name]
            among, params = self._among_kept(filters, "t.sid")
        return int(self._one(f"SELECT count(*) FROM {table} t WHERE {among}", params)[0])

    def export_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame under the filters (its first `limit` rows when given)."""
        if name == "speakers":
            table = self.speaker_table(filters)
            return table if limit is None else table.head(limit)
        return self.rows_frame(filters, name, limit)

    def write_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as spreadsheet-safe CSV, batch by batch."""
        if name == "speakers":
            export.write_batches([self.speaker_table(filters)], sink)
        else:
            self.write_rows_csv(filters, name, sink)

    def write_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as Parquet, batch by batch."""
        if name == "speakers":
            self.speaker_table(filters).to_parquet(sink, index=False)
        else:
            self.write_rows_parquet(filters, name, sink)


def _on_disk(method: Callable[..., Any]) -> Callable[..., Any]:
    """Return method answering without a filter from the store's disk answers (computed and kept the first time)."""

    @functools.wraps(method)
    def answer(self: DuckDBStore, filters: Filters, *args: Any, **kwargs: Any) -> Any:
        if filters != Filters():
            return method(self, filters, *args, **kwargs)
        question = (method.__name__, args, tuple(sorted(kwargs.items())))
        return self.disk_answers.get(question, lambda: method(self, filters, *args, **kwargs))

    return answer


for _name in ON_DISK:
    setattr(DuckDBStore, _name, _on_disk(getattr(DuckDBStore, _name)))
