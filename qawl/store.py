"""The one query layer the dashboard talks to: Filters in, small frames and values out.

A store holds one corpus. The pandas store (pandas_store.py) keeps its frames in memory; a store over Parquet
files queries them where they lie. Pages and ui/ call only these methods, so what sits behind them is invisible
to them, and every method's result is small enough to cache per (store key, filters, method, arguments).
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO, Protocol

import pandas as pd

from qawl.corrections import Rules
from qawl.filters import Filters
from qawl.trends import OTHERS, TERMS

__all__ = ["EXPORT_FRAMES", "OTHERS", "PAGE_COLUMNS", "SOURCING_TABLES", "TERMS", "Store"]

EXPORT_FRAMES = ("sentences", "speakers", "themes", "tokens", "mentions", "documents", "statements", "repeats")
# What a Reader page adds to each sentence row: its themes (a list) and its document's title, outlet, date and
# sentence count.
PAGE_COLUMNS = ("themes", "title", "source", "doc_date", "doc_sentences")
# The Sourcing page's tables as downloads: file name -> (store method, its keyword arguments).
SOURCING_TABLES = {
    "sourcing_kinds": ("sourcing_shares", {"dimension": "kind"}),
    "sourcing_genders": ("sourcing_shares", {"dimension": "gender"}),
    "sourcing_kinds_by_outlet": ("sourcing_shares", {"dimension": "kind", "group": "source"}),
    "sourcing_genders_by_outlet": ("sourcing_shares", {"dimension": "gender", "group": "source"}),
    "sourcing_kinds_over_time": ("sourcing_shares", {"dimension": "kind", "group": "period"}),
    "sourcing_genders_over_time": ("sourcing_shares", {"dimension": "gender", "group": "period"}),
    "unnamed_by_outlet": ("unnamed_by_source", {}),
    "quoted_women": ("quoted_women", {"n": None}),
}


class Store(Protocol):
    """Questions the pages ask of one corpus, under the filters."""

    key: str  # the corpus content key (with the backend): results cached under it stay true
    name: str  # what the user calls the corpus
    warnings: list[str]  # what went wrong while the corpus was read
    corrections: Rules  # the corrections applied when the store was opened (qawl.corrections: path, bad rows)
    correction_notes: list[str]  # the corrections file's bad rows, then the rules that matched no sentence

    def size(self) -> int:
        """Return how many sentences the corpus has."""
        ...

    def counts(self, filters: Filters) -> tuple[int, int]:
        """Return (sentences, documents) the filters keep."""
        ...

    def themes(self) -> list[str]:
        """Return the themes that occur, most frequent first (ties by name)."""
        ...

    def sources(self) -> list[str]:
        """Return the outlets (documents.source) of the corpus, most documents first (ties by name)."""
        ...

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last document dates, None when no document is dated."""
        ...

    def speaker_counts(self, limit: int | None = None, names: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return speaker, n_sentences of the most quoted speakers (all or `limit`), or of `names` when given."""
        ...

    def document_titles(self, limit: int | None = None, ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return doc_id, title of the first documents (all or `limit`), or of `ids` when given."""
        ...

    def speaker_table(self, filters: Filters) -> pd.DataFrame:
        """Return the speakers frame of the kept sentences (counts recomputed), most quoted first."""
        ...

    def speaker_theme(self, filters: Filters, speakers: list[str], *, share: bool = False) -> pd.DataFrame:
        """Return a speakers × themes table of kept sentences (or % of each speaker's sentences)."""
        ...

    def who_mentions_whom(self, filters: Filters, n: int = 40) -> pd.DataFrame:
        """Return the n most frequent (speaker, entity, kind, mentions) pairs of kept sentences."""
        ...

    def quotes(self, filters: Filters, speaker: str, limit: int = 200) -> pd.DataFrame:
        """Return the first kept sentences of one speaker with their cue verbs, and in `also_reported` the outlets
        of the other articles that reported the same statement (qawl.spread.also_reported; "" for none)."""
        ...

    def distinctive_terms(self, filters: Filters, speaker: str, n: int = 30) -> pd.DataFrame:
        """Return the speaker's words most overused against the rest of the corpus (keyness)."""
        ...

    def term_counts(self, filters: Filters, n: int | None = None) -> pd.DataFrame:
        """Return term, word, count of the kept tokens, most frequent first."""
        ...

    def word_counts(self, filters: Filters, n: int | None = None, *, forms: bool = False) -> pd.DataFrame:
        """Return term, word, count of the words a timeline offers (the written forms of the n most frequent terms),
        each counted as its timeline counts it (exact, or derived forms), most counted first."""
        ...

    def cloud_words(self, filters: Filters, speaker: str, n: int = 120) -> pd.DataFrame:
        """Return term_counts of one speaker's kept sentences: the word cloud's input."""
        ...

    def default_terms(self, filters: Filters, n: int = 5, pool: int = 300) -> list[str]:
        """Return the terms a timeline shows before the user picks."""
        ...

    def axis(self, filters: Filters, bucket: str = "auto") -> tuple[str, str]:
        """Return the timeline x axis: ("position", "") or ("date", "D"/"W"/"M")."""
        ...

    def timeline(self, filters: Filters, terms: list[str], *, per_thousand: bool = False, by_speaker: bool = False,
                 bucket: str = "auto", top_speakers: int = 6, match: str = TERMS) -> pd.DataFrame:
        """Return keyword counts (or rates) per x bucket and keyword, optionally per speaker: terms are stems
        (match=TERMS) or typed words counted as the search matches them (match="exact" or "forms")."""
        ...

    def find_words(self, filters: Filters, text: str, *, forms: bool = False) -> tuple[list[str], list[str]]:
        """Return (the typed words the kept sentences use, those they never use), as the search matches words."""
        ...

    def theme_timeline(self, filters: Filters, bucket: str = "auto") -> pd.DataFrame:
        """Return per x bucket and theme the share (%) of kept story sentences carrying it."""
        ...

    def theme_shares(self, filters: Filters) -> pd.DataFrame:
        """Return theme, sentences, share of the kept sentences."""
        ...

    def sourcing_shares(self, filters: Filters, dimension: str = "kind", group: str = "", bucket: str = "auto"
                        ) -> pd.DataFrame:
        """Return kept attributed sentences by speaker kind or gender, overall / per outlet / per date bucket
        (qawl.sourcing.shares: [source | x], kind | gender, sentences, total, share)."""
        ...

    def unnamed_by_source(self, filters: Filters) -> pd.DataFrame:
        """Return per outlet the kept attributed sentences from unnamed sources: source, sentences, total, share."""
        ...

    def quoted_women(self, filters: Filters, n: int | None = 20) -> pd.DataFrame:
        """Return the most quoted women of the kept sentences with their counts (qawl.sourcing.WOMEN_COLUMNS)."""
        ...

    def sentence_page(self, filters: Filters, offset: int, limit: int) -> pd.DataFrame:
        """Return kept sentences offset … offset + limit in corpus order, with the PAGE_COLUMNS."""
        ...

    def sentence_position(self, filters: Filters, doc_id: str, sentence_id: int) -> int | None:
        """Return where a sentence is among the kept sentences in corpus order (0-based), None when not kept."""
        ...

    def speaker_mentions(self, speaker: str) -> pd.DataFrame:
        """Return speaker_mention, n_sentences: how the articles named one speaker, most frequent first."""
        ...

    def export_rows(self, filters: Filters, name: str) -> int:
        """Return how many rows the export of one frame has."""
        ...

    def export_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame under the filters (its first `limit` rows when given); sentences come with their
        document's outlet, title and URL (qawl.export.with_documents) and speaker_corrected; statements are those
        of a kept sentence, repeats the kept sentences' rows."""
        ...

    def write_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as spreadsheet-safe CSV (qawl.export), chunk by chunk."""
        ...

    def write_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as Parquet."""
        ...
