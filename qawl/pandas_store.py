"""The store over a corpus held in memory as pandas frames: analysis.py and trends.py answer, under a mask.

Each Filters value becomes a boolean mask over the sentences once (the last MASKS are kept, read-only, shared by
every session); every question is then a vectorized pass under that mask.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import BinaryIO

import numpy as np
import pandas as pd

from qawl import analysis, corrections, export, sourcing, trends
from qawl.analysis import Corpus
from qawl.corrections import Rules
from qawl.filters import Filters
from qawl.frames import Frames
from qawl.store import PAGE_COLUMNS, TERMS

MASKS = 64


class PandasStore:
    """A corpus's frames in memory (analysis.Corpus), asked through the store interface (qawl.store.Store)."""

    def __init__(self, corpus: Corpus, rules: Rules | None = None, notes: list[str] | None = None) -> None:
        self.corpus = corpus
        self.key = f"pandas-{corpus.key}"
        self.name = corpus.name
        self.warnings = corpus.frames.warnings
        self.corrections = rules or Rules()
        self.correction_notes = [*self.corrections.problems, *(notes or [])]
        self.mask = lru_cache(maxsize=MASKS)(self._mask)

    @classmethod
    def of(cls, frames: Frames, key: str, name: str = "", rules: Rules | None = None) -> PandasStore:
        """Return the store of a corpus's built frames with the corrections applied (qawl.corrections; key must
        cover rules.digest), prepared for the dashboard (analysis.prepare)."""
        corrected, unused = corrections.apply(frames, rules or Rules())
        return cls(analysis.prepare(corrected, key, name), rules, unused)

    def _mask(self, filters: Filters) -> np.ndarray:
        mask = analysis.apply(self.corpus, filters)
        mask.flags.writeable = False  # shared by every session: nobody may change it in place
        return mask

    def size(self) -> int:
        """Return how many sentences the corpus has."""
        return len(self.corpus.frames.sentences)

    def counts(self, filters: Filters) -> tuple[int, int]:
        """Return (sentences, documents) the filters keep."""
        mask = self.mask(filters)
        return int(np.count_nonzero(mask)), analysis.n_documents(self.corpus, mask)

    def themes(self) -> list[str]:
        """Return the themes that occur, most frequent first."""
        return list(self.corpus.themes)

    def sources(self) -> list[str]:
        """Return the outlets of the corpus, most documents first (ties by name)."""
        counts = self.corpus.frames.documents["source"].astype(str).value_counts()
        counts = counts[counts.index != ""]
        return sorted(counts.index, key=lambda s: (-counts[s], s))

    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """Return the first and last document dates, None when no document is dated."""
        dates = self.corpus.frames.documents["date"].dropna()
        return (dates.min().date(), dates.max().date()) if not dates.empty else None

    def speaker_counts(self, limit: int | None = None, names: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return speaker, n_sentences of the most quoted speakers (all or `limit`), or of `names` when given."""
        speakers = self.corpus.frames.speakers[["speaker", "n_sentences"]]
        if names:
            return speakers[speakers["speaker"].isin(names)].reset_index(drop=True)
        return speakers.head(limit).reset_index(drop=True)

    def document_titles(self, limit: int | None = None, ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """Return doc_id, title of the first documents (all or `limit`), or of `ids` when given."""
        docs = self.corpus.frames.documents
        docs = pd.DataFrame({"doc_id": docs["doc_id"].astype("str"), "title": docs["title"].astype("str")})
        if ids:
            return docs[docs["doc_id"].isin(ids)].reset_index(drop=True)
        return docs.head(limit).reset_index(drop=True)

    def speaker_table(self, filters: Filters) -> pd.DataFrame:
        """Return the speakers of the kept sentences with their counts, most quoted first."""
        return analysis.speaker_table(self.corpus, self.mask(filters))

    def speaker_theme(self, filters: Filters, speakers: list[str], *, share: bool = False) -> pd.DataFrame:
        """Return a speakers × themes table of kept sentences (or % of each speaker's sentences)."""
        return analysis.speaker_theme(self.corpus, self.mask(filters), speakers, share=share)

    def who_mentions_whom(self, filters: Filters, n: int = 40) -> pd.DataFrame:
        """Return the n most frequent (speaker, entity) pairs of kept sentences."""
        return analysis.who_mentions_whom(self.corpus, self.mask(filters), n)

    def quotes(self, filters: Filters, speaker: str, limit: int = 200) -> pd.DataFrame:
        """Return the first kept sentences of one speaker with their cue verbs."""
        return analysis.quotes(self.corpus, self.mask(filters), speaker, limit)

    def distinctive_terms(self, filters: Filters, speaker: str, n: int = 30) -> pd.DataFrame:
        """Return the speaker's words most overused against the rest of the corpus."""
        return analysis.distinctive_terms(self.corpus, self.mask(filters), speaker, n)

    def term_counts(self, filters: Filters, n: int | None = None) -> pd.DataFrame:
        """Return term, word, count of the kept tokens, most frequent first."""
        return analysis.term_counts(self.corpus, self.mask(filters), n)

    def word_counts(self, filters: Filters, n: int | None = None, *, forms: bool = False) -> pd.DataFrame:
        """Return term, word, count of the words a timeline offers, each counted as its timeline counts it."""
        return trends.word_counts(self.corpus, self.mask(filters), n, forms=forms)

    def cloud_words(self, filters: Filters, speaker: str, n: int = 120) -> pd.DataFrame:
        """Return term_counts of one speaker's kept sentences."""
        return analysis.term_counts(self.corpus, self.mask(filters) & self.corpus.spoken_by(speaker), n)

    def default_terms(self, filters: Filters, n: int = 5, pool: int = 300) -> list[str]:
        """Return the terms a timeline shows before the user picks."""
        return trends.default_terms(self.corpus, self.mask(filters), n, pool)

    def axis(self, filters: Filters, bucket: str = "auto") -> tuple[str, str]:
        """Return the timeline x axis: ("position", "") or ("date", "D"/"W"/"M")."""
        return trends.axis(self.corpus, self.mask(filters), bucket)

    def timeline(self, filters: Filters, terms: list[str], *, per_thousand: bool = False, by_speaker: bool = False,
                 bucket: str = "auto", top_speakers: int = 6, match: str = TERMS) -> pd.DataFrame:
        """Return keyword counts (or rates) per x bucket and keyword (stems, or typed words with match), optionally
        per speaker."""
        return trends.timeline(self.corpus, self.mask(filters), terms, per_thousand=per_thousand,
                               by_speaker=by_speaker, bucket=bucket, top_speakers=top_speakers, match=match)

    def find_words(self, filters: Filters, text: str, *, forms: bool = False) -> tuple[list[str], list[str]]:
        """Return (the typed words the kept sentences use, those they never use)."""
        return trends.find_words(self.corpus, self.mask(filters), text, forms=forms)

    def theme_timeline(self, filters: Filters, bucket: str = "auto") -> pd.DataFrame:
        """Return per x bucket and theme the share (%) of kept story sentences carrying it."""
        return trends.theme_timeline(self.corpus, self.mask(filters), bucket)

    def theme_shares(self, filters: Filters) -> pd.DataFrame:
        """Return theme, sentences, share of the kept sentences."""
        return analysis.theme_shares(self.corpus, self.mask(filters))

    def sourcing_shares(self, filters: Filters, dimension: str = "kind", group: str = "", bucket: str = "auto"
                        ) -> pd.DataFrame:
        """Return kept attributed sentences by speaker kind or gender, overall / per outlet / per date bucket."""
        return sourcing.shares(self.corpus, self.mask(filters), dimension, group, bucket)

    def unnamed_by_source(self, filters: Filters) -> pd.DataFrame:
        """Return per outlet the kept attributed sentences from unnamed sources: source, sentences, total, share."""
        return sourcing.unnamed_by_source(self.corpus, self.mask(filters))

    def quoted_women(self, filters: Filters, n: int | None = 20) -> pd.DataFrame:
        """Return the most quoted women of the kept sentences with their counts."""
        return sourcing.quoted_women(self.corpus, self.mask(filters), n)

    def sentence_page(self, filters: Filters, offset: int, limit: int) -> pd.DataFrame:
        """Return kept sentences offset … offset + limit in corpus order, with their themes and document."""
        shown = np.flatnonzero(self.mask(filters))[offset : offset + max(limit, 0)]
        page = analysis.sentences_at(self.corpus, shown).reset_index(drop=True)
        themes = analysis.sentence_themes(self.corpus, shown)
        docs = self.corpus.frames.documents
        at = self.corpus.doc_of[shown]

        def of_document(column: str, missing: object) -> np.ndarray:
            return np.append(docs[column].to_numpy(dtype=object), missing)[at]  # doc_of -1: no document

        extra = {"themes": [themes.get(int(p), []) for p in shown], "title": of_document("title", ""),
                 "source": of_document("source", ""), "doc_date": pd.to_datetime(of_document("date", None)),
                 "doc_sentences": of_document("n_sentences", 0).astype(np.int64)}
        return page.assign(**{c: extra[c] for c in PAGE_COLUMNS})

    def sentence_position(self, filters: Filters, doc_id: str, sentence_id: int) -> int | None:
        """Return where a sentence is among the kept sentences in corpus order (0-based), None when not kept."""
        at = self.corpus.doc_index.get(str(doc_id))
        if at is None:
            return None
        mask = self.mask(filters)
        rows = np.flatnonzero((self.corpus.doc_of == at) & mask)
        ids = self.corpus.frames.sentences["sentence_id"].to_numpy()[rows]
        found = rows[ids == sentence_id]
        return int(np.count_nonzero(mask[: found[0]])) if len(found) else None

    def speaker_mentions(self, speaker: str) -> pd.DataFrame:
        """Return speaker_mention, n_sentences: how the articles named one speaker, most frequent first."""
        s = self.corpus.frames.sentences
        mentions = s["speaker_mention"].astype(str)[self.corpus.spoken_by(speaker)]
        counts = mentions[mentions != ""].value_counts(sort=False)
        order = sorted(counts.index, key=lambda m: (-counts[m], m))
        return pd.DataFrame({"speaker_mention": order, "n_sentences": [int(counts[m]) for m in order]})

    def export_rows(self, filters: Filters, name: str) -> int:
        """Return how many rows the export of one frame has."""
        return analysis.export_rows(self.corpus, self.mask(filters), name)

    def export_frame(self, filters: Filters, name: str, limit: int | None = None) -> pd.DataFrame:
        """Return one frame under the filters (its first `limit` rows when given)."""
        mask = self.mask(filters)
        if name == "sentences" and limit is not None:  # only the first rows are selected
            first = np.zeros(len(mask), dtype=bool)
            first[np.flatnonzero(mask)[:limit]] = True
            mask = first
        if name == "sentences":
            frame = export.with_documents(analysis.select(self.corpus.frames.sentences, mask),
                                          self.corpus.frames.documents)
        else:
            frame = analysis.export_frame(self.corpus, mask, name)
        return frame if limit is None else frame.head(limit)

    def write_csv(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as spreadsheet-safe CSV."""
        export.write_batches([self.export_frame(filters, name)], sink)

    def write_parquet(self, filters: Filters, name: str, sink: BinaryIO) -> None:
        """Write one frame under the filters to sink as Parquet."""
        self.export_frame(filters, name).to_parquet(sink, index=False)
