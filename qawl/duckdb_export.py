"""The DuckDB store's rows: sentences read by number (a page, an export preview) and whole frames streamed in
batches (exports), as the pandas store gives them: corrections applied, documents' columns beside the sentences,
the outlet beside the rows of the long frames.

DuckDB keeps no row order through a join, and sorting a frame of tens of millions of rows to restore it costs more
than the export, so the rows come from plain scans of the Parquet files (or beside the index's sentences, in the
same order) and what a join would add is added to each batch in pandas, by the functions the pandas store uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import BinaryIO

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from qawl import corrections, export, spread
from qawl.duckdb_query import Queries
from qawl.filters import Filters

_DOC = "_doc"  # the document number (ix.docs) of a sentence row, dropped once its document's columns are added
_LONG = ("themes", "tokens", "mentions")


class Rows(Queries):
    """Rows of the frames under the filters, from the Parquet files, finished as the pandas store finishes them."""

    def sentence_columns(self, f: str = "f.", k: str = "k.") -> str:
        """Return the select list of sentence rows (f: their Parquet rows, k: the same sentences in `sent`) with the
        corrections applied as qawl.corrections.apply does: speaker, kind and gender of the corrected sentences,
        and speaker_corrected (in its place when the files have it, else last)."""
        columns = self.dataset.columns["sentences"]
        out = []
        for c in columns:
            if c == "speaker_corrected":
                out.append(f"{k}corrected AS speaker_corrected")
            elif self.fixed and c == "speaker":
                out.append(f'CASE WHEN {k}corrected THEN {k}speaker ELSE {f}"speaker" END AS "speaker"')
            elif self.fixed and c in ("speaker_kind", "speaker_gender"):
                trait = {"speaker_kind": "kind", "speaker_gender": "gender"}[c]
                out.append(f"CASE WHEN {k}corrected THEN {k}{trait} ELSE {f}\"{c}\" END AS \"{c}\"")
            else:
                out.append(f'{f}"{c}"')
        if "speaker_corrected" not in columns:
            out.append(f"{k}corrected AS speaker_corrected")
        return ", ".join(out)

    def sentence_rows(self, sids: list[int]) -> pd.DataFrame:
        """Return the sentences at sids (increasing), corrected, with their document number (column _doc)."""
        listed = ", ".join(str(int(i)) for i in sids) or "NULL"
        return self._typed(self._query(
            f"SELECT {self.sentence_columns()}, coalesce(k.doc, -1) AS {_DOC} "
            f"FROM ({self.rows_at('sentences', sids)}) f "
            f"JOIN sent k ON k.sid = f.sid WHERE k.sid IN ({listed}) ORDER BY f.sid"), "sentences")

    def documents_at(self, docs: pd.Series) -> pd.DataFrame:
        """Return the documents rows of the document numbers (ix.docs) given, indexed by number in corpus order."""
        wanted = sorted({int(d) for d in docs.dropna() if d >= 0})
        found = self._query(self.rows_at("documents", wanted, self._columns("documents")))
        return self._typed(found.set_axis(wanted), "documents")

    def _columns(self, name: str, alias: str = "") -> str:
        return ", ".join(f'{alias}"{c}"' for c in self.dataset.columns[name])

    @cached_property
    def _outlets(self) -> pd.Series:
        """Return doc_id -> the document's outlet (documents.source, "" for none)."""
        docs = self._query("SELECT doc_id, source FROM ix.docs ORDER BY doc")
        return pd.Series(docs["source"].to_numpy(), index=docs["doc_id"].to_numpy()).pipe(
            lambda s: s[~s.index.duplicated()])

    @cached_property
    def _fixed_sentences(self) -> pd.DataFrame:
        """Return doc_id, sentence_id, speaker of the sentences the corrections changed."""
        return self._query("SELECT d.doc_id, s.sentence_id::BIGINT AS sentence_id, x.speaker FROM fix x "
                           "JOIN ix.sent s USING (sid) JOIN ix.docs d USING (doc)")

    def export_sql(self, filters: Filters, name: str, limit: int | None = None) -> tuple[str, list]:
        """Return the query of one frame's rows under the filters in frame order (not the speakers: they are
        recounted), before _finish adds what the pandas store adds."""
        where, params = self._where(filters)
        cut = "" if limit is None else f" LIMIT {int(limit)}"
        if name == "sentences":
            # Row by row beside the corrected sentences (in the same order): each keeps its place, no join nor sort.
            fixed = ("".join(f"CASE WHEN s.corrected THEN s.{c} END AS {c}, " for c in ("speaker", "kind", "gender"))
                     if self.fixed else "NULL AS speaker, ")
            return (f"SELECT {self.sentence_columns()}, coalesce(k.doc, -1) AS {_DOC} FROM sentences f "
                    "POSITIONAL JOIN "
                    f"(SELECT s.doc, s.corrected, {fixed}({where}) AS kept FROM sent s ORDER BY s.sid) k "
                    f"WHERE k.kept{cut}", params)
        columns = self._columns(name, "f.")
        # The kept sentences as _kept gives them: a speaker's from their rows of the speaker-sorted copy.
        if name == "documents":  # those with a kept sentence
            kept, params = self._kept(filters, "s.doc")
            condition = f"f.doc_id IN (SELECT d.doc_id FROM ({kept}) s JOIN ix.docs d USING (doc))"
        elif where == "TRUE":  # every row: a plain scan, in file order
            return f"SELECT {columns} FROM {name} f{cut}", []
        elif name == "statements":  # those of a kept sentence, in frame order
            kept, params = self._kept(filters, "s.stmt", "s.stmt > 0")
            condition = f"f.statement_id IN ({kept})"
        else:
            kept, params = self._kept(filters, "s.doc, s.sentence_id")
            condition = (f"(f.doc_id, f.sentence_id) IN (SELECT (d.doc_id, s.sentence_id) FROM ({kept}) s "
                         "JOIN ix.docs d USING (doc))")
        return f"SELECT {columns} FROM {name} f WHERE {condition} ORDER BY f._file, f._row{cut}", params

    @cached_property
    def _restated(self) -> pd.DataFrame:
        """Return the statements the corrections touched (one of their sentences changed speaker) recounted from
        their corrected repeats (qawl.spread.restated), indexed by statement_id; none without corrections."""
        touched = "SELECT DISTINCT r.stmt FROM ix.rep r JOIN fix USING (sid)"
        statements = self._typed(self._query(f"SELECT {self._columns('statements')} FROM statements WHERE "
                                             f"statement_id IN ({touched}) ORDER BY _file, _row"), "statements")
        repeats = self._typed(self._query(f"SELECT {self._columns('repeats')} FROM repeats WHERE "
                                          f"statement_id IN ({touched}) ORDER BY _file, _row"), "repeats")
        repeats = repeats.assign(speaker=corrections.speakers_of(repeats, self._fixed_sentences))
        return spread.restated(statements, repeats).set_index("statement_id", drop=False)

    def _finish(self, name: str, rows: pd.DataFrame) -> pd.DataFrame:
        """Return a batch of a frame's rows as the pandas store exports them: sentences with their document's outlet,
        title and URL (export.with_documents), long frames with their outlet last (mentions corrected), repeats and
        statements with the corrected speakers."""
        if name == "sentences":
            return export.with_documents(rows.drop(columns=_DOC), self.documents_at(rows[_DOC]))
        if name == "repeats" and self.fixed:
            return rows.assign(speaker=corrections.speakers_of(rows, self._fixed_sentences))
        if name == "statements" and self.fixed and not rows.empty:
            restated = self._restated
            at = restated.index.get_indexer(rows["statement_id"].to_numpy())
            hit = at >= 0
            if hit.any():
                fresh = restated.iloc[at[hit]].set_axis(rows.index[hit])
                rows = rows.copy()
                for column in rows.columns:
                    rows.loc[hit, column] = fresh[column]
            return rows
        if name not in _LONG:
            return rows
        if name == "mentions" and self.fixed:
            rows = corrections.corrected_mentions(rows, self._fixed_sentences, self.corrections.rules)
        outlet = self._outlets.reindex(rows["doc_id"].astype(str)).to_numpy()
        return rows.assign(source=pd.Series(outlet, index=rows.index, dtype="str"))

    def batches(self, filters: Filters, name: str, limit: int | None = None) -> Iterator[pd.DataFrame]:
        """Yield one frame's export under the filters in finished pandas batches, the first one empty (it carries
        the columns)."""
        sql, params = self.export_sql(filters, name, limit)
        for batch in self.stream(sql, params):
            yield self._finish(name, self._typed(batch, name))

    def rows_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame's export under the filters as one frame (its first `limit` rows when given)."""
        if name == "sentences" and limit is not None:  # the first rows, found in the index, read by number
            kept, params = self._kept(filters)
            sids = self._query(f"{kept} ORDER BY s.sid LIMIT {int(limit)}", params)["sid"].tolist()
            return self._finish(name, self.sentence_rows(sids))
        parts = list(self.batches(filters, name, limit))
        return pd.concat(parts[1:], ignore_index=True) if len(parts) > 2 else parts[-1]

    def write_rows_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame's export under the filters to sink as spreadsheet-safe CSV, batch by batch."""
        sql, params = self.export_sql(filters, name)
        export.write_batches(self.batches(filters, name), sink, self.datetime_kinds(sql, params))

    def write_rows_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame's export under the filters to sink as Parquet, batch by batch (the columns' types from
        the first batch with rows: a column pandas adds is untyped while empty)."""
        writer, schema, empty = None, None, None
        for frame in self.batches(filters, name):
            if frame.empty and empty is None:
                empty = frame
                continue
            if writer is None:
                schema = pa.Schema.from_pandas(frame, preserve_index=False)
                writer = pq.ParquetWriter(sink, schema)
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
        if writer is None:
            empty.to_parquet(sink, index=False)
        else:
            writer.close()
