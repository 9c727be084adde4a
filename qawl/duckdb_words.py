"""The DuckDB store's questions about words: term counts, a speaker's distinctive words, the timelines' default
terms, typed words as the search matches them, and the time axis.

Terms (stems) are numbers in the index; a typed word is matched on the written forms (qawl.search: the pandas
store's own function over the distinct forms), then counted on the tokens of those forms.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

import numpy as np
import pandas as pd

from qawl import analysis, trends
from qawl.duckdb_export import Rows
from qawl.duckdb_query import marks
from qawl.filters import Filters
from qawl.search import EXACT, FORMS, Keyword, Surfaces
from qawl.tokenize import words

FORMS_KEPT = 20_000  # typed words whose written forms are remembered


class Words(Rows):
    """Word and time questions over the index's tokens."""

    def labels(self, terms: list[str]) -> dict[str, str]:
        """Return term -> the written form it is shown as: its most frequent spelling (ties: the first in order)."""
        wanted = list(dict.fromkeys(terms))
        rows = self._query(f"SELECT text, label FROM ix.terms WHERE text IN ({marks(wanted)})", wanted) \
            if wanted else pd.DataFrame({"text": [], "label": []})
        return {t: t for t in wanted} | dict(zip(rows["text"], rows["label"], strict=True))

    @cached_property
    def _surfaces(self) -> Surfaces:
        """Return every written form of the tokens, by its number in the index (ix.surf), indexed for one-word
        queries as the pandas store's are (qawl.search.Surfaces: each word tests only the forms that can hit)."""
        return Surfaces(self._query("SELECT text FROM ix.surf ORDER BY surface")["text"])

    @cached_property
    def _forms_found(self) -> dict[tuple[str, bool], list[int]]:
        return {}

    def forms_of(self, word: str, *, forms: bool = False) -> list[int]:
        """Return the numbers of the written forms that are hits of a typed word (qawl.search.Keyword)."""
        # Remembered: the Timelines ask for the same 300 frequent words under every filter (a millisecond each).
        found = self._forms_found.get((word, forms))
        if found is None:
            if len(self._forms_found) >= FORMS_KEPT:
                self._forms_found.clear()
            found = self._forms_found[word, forms] = self._surfaces.hits(Keyword(word, forms=forms)).tolist()
        return list(found)

    def series(self, terms: list[str], match: str) -> tuple[str, str, list]:
        """Return (a query of the tokens' keys per series: key and term or form number, the tokens' column it
        joins, its parameters): terms are stems (match=TERMS) or typed words matched as the search does."""
        if match == trends.TERMS:
            return f"SELECT text AS key, term FROM ix.terms WHERE text IN ({marks(terms)})", "term", list(terms)
        keys, numbers = [], []
        for term in terms:
            found = self.forms_of(term, forms=match == FORMS)
            keys += [term] * len(found)
            numbers += found
        return "SELECT unnest(?::VARCHAR[]) AS key, unnest(?::INTEGER[]) AS surface", "surface", [keys, numbers]

    def _term_rows(self, filters: Filters, n: int | None) -> pd.DataFrame:
        cut = "" if n is None else f"LIMIT {int(n)}"
        if filters == Filters():  # the corpus totals, counted once in the index
            return self._query(f"SELECT text AS term, label AS word, total AS count FROM ix.terms "
                               f"ORDER BY count DESC, term {cut}")
        tokens, among, params = self._tokens(filters)  # with a speaker filter, their token blocks only
        return self._query(f"WITH counted AS (SELECT t.term, count(*) AS count FROM {tokens} t "
                           f"WHERE {among} AND t.term IS NOT NULL GROUP BY t.term) "
                           "SELECT w.text AS term, w.label AS word, c.count FROM counted c "
                           f"JOIN ix.terms w USING (term) ORDER BY c.count DESC, term {cut}", params)

    def term_counts(self, filters: Filters, n: int | None = None) -> pd.DataFrame:
        """Return term, word, count of the kept tokens, most frequent first (ties by spelling)."""
        return _term_frame(self._term_rows(filters, n))

    def word_counts(self, filters: Filters, n: int | None = None, *, forms: bool = False) -> pd.DataFrame:
        """Return term, word, count of the words a timeline offers (trends.word_counts): the written form of each of
        the n most frequent terms, counted on the forms the search matches, most counted first."""
        top = self.term_counts(filters, n)
        if top.empty:
            return top
        pairs, column, params = self.series(top["word"].tolist(), FORMS if forms else EXACT)
        tokens, among, kept = self._tokens(filters)
        rows = self._query(f"WITH pairs AS ({pairs}) SELECT p.key AS word, count(*) AS count FROM {tokens} t "
                           f"JOIN pairs p ON t.{column} = p.{column} WHERE {among} GROUP BY p.key", [*params, *kept])
        counted = dict(zip(rows["word"], rows["count"], strict=True))
        out = top.assign(count=np.array([int(counted.get(w, 0)) for w in top["word"]], dtype=np.int64))
        return out[out["count"] > 0].sort_values("count", ascending=False, kind="stable", ignore_index=True)

    def cloud_words(self, filters: Filters, speaker: str, n: int = 120) -> pd.DataFrame:
        """Return term_counts of one speaker's kept sentences."""
        if filters.speakers and speaker not in filters.speakers:  # another speaker was asked for
            return _term_frame(pd.DataFrame({"term": [], "word": [], "count": []}))
        return _term_frame(self._term_rows(replace(filters, speakers=(speaker,)), n))

    def distinctive_terms(self, filters: Filters, speaker: str, n: int = 30) -> pd.DataFrame:
        """Return the speaker's words most overused against the rest of the corpus (keyness)."""
        blocks = self._blocks([speaker])
        if not self.fixed and (filters == Filters() or (filters == Filters(speakers=filters.speakers)
                                                        and speaker in filters.speakers)):
            # Every sentence of the speaker is kept, and the speaker's token blocks are theirs: no join.
            counted, params = ("SELECT t.term, count(*) AS target, count(*) AS anywhere FROM ix.tok t "
                               f"WHERE {blocks} AND t.term IS NOT NULL GROUP BY t.term"), []
        else:
            where, params = self._where(filters)
            counted = (f"WITH mine AS (SELECT s.sid, ({where}) AS kept FROM sent_spk s WHERE "
                       f"{self._blocks([speaker], 's')} AND s.speaker = ?) SELECT t.term, count(*) FILTER (WHERE kept) "
                       f"AS target, count(*) AS anywhere FROM ix.tok t JOIN mine USING (sid) WHERE {blocks} "
                       "AND t.term IS NOT NULL GROUP BY t.term")
            params = [*params, speaker]
        rows = self._query(f"WITH used AS ({counted}) SELECT w.text AS term, u.target, w.total - u.anywhere AS rest, "
                           "u.anywhere FROM used u JOIN ix.terms w USING (term)", params)
        everything = self._one("SELECT sum(total) FROM ix.terms")[0] or 0
        used = rows[rows["target"] > 0]
        rest = int(everything) - int(rows["anywhere"].sum())
        labels = self.labels(used["term"].tolist())
        return analysis.keyness_table(used["term"].to_numpy(dtype=object), used["target"].to_numpy(),
                                      used["rest"].to_numpy(), rest, n, labels.__getitem__)

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
                               f"AND {self._blocks(filters.speakers)} GROUP BY w.text", [*params, *terms])
        else:
            among, params = self._among_kept(filters, "t.sid")
            rows = self._query(f"SELECT w.text AS term, count(DISTINCT t.doc) AS docs FROM ix.tok_term t "
                               f"JOIN ix.terms w USING (term) WHERE {wanted} AND {among} GROUP BY w.text",
                               [*terms, *params])
        spread = rows.set_index("term")["docs"].reindex(terms, fill_value=0).to_numpy()
        return trends.by_spread(counts, n_docs, spread, n)

    def find_words(self, filters: Filters, text: str, *, forms: bool = False) -> tuple[list[str], list[str]]:
        """Return (the typed words the kept sentences use, those they never use), as the search matches words."""
        tokens, among, params = self._tokens(filters)
        found, missing = [], []
        for word in dict.fromkeys(words(text)):
            hits = self.forms_of(word, forms=forms)
            used = bool(hits) and (filters == Filters() or self._one(
                f"SELECT EXISTS (SELECT 1 FROM {tokens} t WHERE list_contains(?::INTEGER[], t.surface) AND {among})",
                [hits, *params])[0])
            (found if used else missing).append(word)
        return found, missing

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
    def x_of(kind: str, freq: str, table: str = "s") -> str:
        """Return the SQL of a row's x on a timeline axis: its sentence position, or its date's period start."""
        if kind == "position":
            return f"{table}.sentence_id"
        unit = {"D": "day", "W": "week", "M": "month"}[freq]  # ISO weeks start on Monday, as pandas' W periods
        return f"date_trunc('{unit}', {table}.date)"


def _term_frame(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"term": rows["term"].astype("str"), "word": rows["word"].astype("str"),
                         "count": rows["count"].to_numpy(dtype=np.int64)})


def x_like_pandas(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Return frame with its x column in the dtype the pandas store gives (period starts in microseconds)."""
    return frame.assign(x=frame["x"].astype("datetime64[us]" if kind == "date" else np.int64))
