"""Pure-pandas views of built frames for the dashboard: filtering, counts, keyness, theme shares, exports.

Every function takes a prepared `Corpus` and a boolean mask over its sentences (from `apply`) and works
vectorized on the frames, so a rerun never loops over all sentences in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from qawl import search, spread
from qawl.filters import Filters, Keyword
from qawl.frames import Frames, speaker_rows
from qawl.memo import Memo

LONG_FRAMES = ("tokens", "themes", "mentions", "repeats")  # frames of rows keyed by (doc_id, sentence_id)


@dataclass
class Corpus:
    """A corpus's frames plus lookups computed once: sentence rows of every long frame, word counts, labels."""

    key: str
    name: str  # what the user calls the corpus (folder, upload)
    frames: Frames
    rows: Memo[str, np.ndarray]  # long frame name -> sentence row position (int32) of each row, made on first use
    n_words: np.ndarray  # words per sentence (frames' n_words), 0 for boilerplate
    story: np.ndarray  # True for sentences that are not wire boilerplate
    doc_of: np.ndarray  # row position in documents of each sentence
    doc_index: dict[str, int]  # doc_id -> row position in documents
    themes: list[str]  # theme names, most frequent first

    @property
    def dated(self) -> bool:
        """Return whether any document has a date."""
        return bool(self.frames.documents["date"].notna().any())

    @cached_property
    def term_labels(self) -> dict[str, str]:
        """Return term -> its most frequent written form (worked out when first shown)."""
        return _term_labels(self.frames.tokens)

    def label(self, term: str) -> str:
        """Return the written form a term is shown as (terms are stems users never see alone)."""
        return self.term_labels.get(term, term)

    @cached_property
    def surfaces(self) -> search.Surfaces:
        """Return the tokens' distinct written words, indexed for keyword queries (made when first asked)."""
        return search.Surfaces(self.frames.tokens["surface"].cat.categories)

    @cached_property
    def speaker_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """Return (a code per sentence, the speaker name of each code): speakers as numbers, no string per row."""
        codes, names = pd.factorize(self.frames.sentences["speaker"].astype("str"))
        return codes.astype(np.int32), np.asarray(names, dtype=object)

    def speakers_at(self, rows: np.ndarray) -> np.ndarray:
        """Return the speaker names of the sentences at rows (an object array)."""
        codes, names = self.speaker_codes
        return names[codes[rows]]

    def spoken_by(self, speaker: str) -> np.ndarray:
        """Return which sentences a speaker said (a boolean array)."""
        codes, names = self.speaker_codes
        found = np.flatnonzero(names == speaker)
        return codes == found[0] if len(found) else np.zeros(len(codes), dtype=bool)

    @cached_property
    def term_totals(self) -> np.ndarray:
        """Return the corpus-wide count of every term (by category code of the tokens' term column)."""
        term = self.frames.tokens["term"]
        return np.bincount(np.asarray(term.cat.codes), minlength=len(term.cat.categories))


def _doc_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Return an integer code per row (-1 for missing) and the doc_id each code stands for."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return np.asarray(values.cat.codes), pd.Index(values.cat.categories.astype(str))
    codes, ids = pd.factorize(values.astype("str"))  # hashed in Arrow: no Python string per row
    return codes, pd.Index(ids)


def _sentence_rows(frame: pd.DataFrame, docs: pd.Index, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """Return the sentences row of each (doc_id, sentence_id) row of frame, -1 when it has none."""
    codes, ids = _doc_codes(frame["doc_id"])
    # Per distinct document (the last entry for a missing doc_id): its row before sentence 1, and its length.
    # 32-bit throughout: at 16M tokens the gathers run several times faster than in 64 bits.
    pos = np.append(docs.get_indexer(ids), -1)
    before = np.where(pos >= 0, start[pos] - 1, -1).astype(np.int32)
    n = np.where(pos >= 0, length[pos], 0).astype(np.int32)
    sid = frame["sentence_id"].to_numpy(dtype=np.int32)
    rows = before[codes] + sid
    rows[(sid < 1) | (sid > n[codes])] = -1
    return rows


def _document_runs(sentences: pd.DataFrame) -> tuple[np.ndarray, pd.Index] | None:
    """Return (the run number of each sentence, the doc_id of each run) when every document's sentences are one
    run numbered 1, 2, 3 … (as frames.build makes them); None otherwise. Compared in Arrow: no string per row."""
    sid = sentences["sentence_id"].to_numpy(dtype=np.int64)
    if not len(sid):
        return np.zeros(0, dtype=np.int64), pd.Index([], dtype="str")
    ids = pa.array(sentences["doc_id"].astype("str"))
    starts = sid == 1
    changes = pc.fill_null(pc.not_equal(ids[1:], ids[:-1]), True).to_numpy(zero_copy_only=False)
    if not (starts[0] and np.array_equal(changes, starts[1:]) and (np.diff(sid)[~starts[1:]] == 1).all()):
        return None
    firsts = ids.filter(pa.array(starts))
    if pc.count_distinct(firsts).as_py() != len(firsts):
        return None  # a document in two runs
    return np.cumsum(starts) - 1, pd.Index(firsts.to_pylist(), dtype="str")


def _in_document_order(sentences: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, pd.Index]:
    """Return sentences with each document's rows together and numbered 1..n (as frames.build makes them,
    then nothing is copied), with the run number of each sentence and the doc_id of each run."""
    runs = _document_runs(sentences)
    if runs is None:
        sentences = sentences.sort_values(["doc_id", "sentence_id"], kind="stable", ignore_index=True)
        runs = _document_runs(sentences)
        if runs is None:
            raise ValueError("the sentences frame must number each document's sentences 1, 2, 3 …")
    return sentences, *runs


def _term_labels(tokens: pd.DataFrame) -> dict[str, str]:
    """Return each term's most frequent written form (ties: the first in sort order)."""
    if tokens.empty:
        return {}
    term, surface = tokens["term"].astype("category"), tokens["surface"].astype("category")
    n_surfaces = len(surface.cat.categories)
    # One integer per (term, surface) pair: counted by hashing, with no Python string per token.
    width = np.int32 if len(term.cat.categories) * n_surfaces < 2**31 else np.int64
    pairs = term.cat.codes.to_numpy(width) * width(n_surfaces) + surface.cat.codes.to_numpy(width)
    counts = pd.Series(pairs, copy=False).value_counts()
    pairs, n = counts.index.to_numpy(), counts.to_numpy()
    term_code, surface_code = pairs // n_surfaces, pairs % n_surfaces
    surface_rank = surface.cat.categories.argsort().argsort()  # ties go to the alphabetically first spelling
    order = np.lexsort((surface_rank[surface_code], -n, term_code))
    term_code, surface_code = term_code[order], surface_code[order]
    best = np.flatnonzero(np.diff(term_code, prepend=-1) != 0)
    return dict(zip(term.cat.categories[term_code[best]].astype(str),
                    surface.cat.categories[surface_code[best]].astype(str), strict=True))


def prepare(frames: Frames, key: str, name: str = "") -> Corpus:
    """Return the corpus ready for the dashboard: row lookups, word counts and display labels computed once.

    frames.build leaves no presentation form in any frame, so nothing here rewrites text.
    """
    s, run_of, run_ids = _in_document_order(frames.sentences)
    frames.sentences = s
    docs = pd.Index(frames.documents["doc_id"].astype(str))
    doc_of = np.append(docs.get_indexer(run_ids), -1)[run_of]
    length = np.bincount(doc_of[doc_of >= 0], minlength=len(docs))
    start = np.zeros(len(docs), dtype=np.int64)
    first = np.flatnonzero(s["sentence_id"].to_numpy() == 1)
    start[doc_of[first][doc_of[first] >= 0]] = first[doc_of[first] >= 0]
    story = (s["boilerplate"].astype(str) == "").to_numpy()
    return Corpus(
        key=key, name=name, frames=frames,
        # Made when a page first needs them: opening the app on a 1M-sentence corpus waits for none of them.
        rows=Memo(lambda name: _sentence_rows(getattr(frames, name), docs, start, length), bound=len(LONG_FRAMES) + 1),
        n_words=s["n_words"].to_numpy(dtype=np.int64) * story, story=story, doc_of=doc_of,
        doc_index=dict(zip(docs.tolist(), range(len(docs)), strict=True)),
        themes=frames.themes["theme"].astype(str).value_counts().index.tolist(),
    )


def _flag(n: int, rows: np.ndarray) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[rows[rows >= 0]] = True
    return out


def select(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """Return the rows of frame where mask is True, index kept, through Arrow's filter. pandas turns a boolean
    mask into a take, and Arrow's take first joins every chunk of a text column: 0.3 s for the sentences of a
    1M-sentence corpus, whatever the number of rows kept, against a few milliseconds here."""
    if not mask.any():
        return frame.iloc[:0]  # a slice: no take either, and categoricals keep their categories
    kept = pa.Table.from_pandas(frame, preserve_index=False).filter(pa.array(mask, type=pa.bool_())).to_pandas()
    kept.index = frame.index[mask]
    return kept


def sentences_at(corpus: Corpus, positions: np.ndarray) -> pd.DataFrame:
    """Return the sentences at increasing row positions."""
    picked = np.zeros(len(corpus.frames.sentences), dtype=bool)
    picked[positions] = True
    return select(corpus.frames.sentences, picked)


def keep(corpus: Corpus, name: str, mask: np.ndarray) -> np.ndarray:
    """Return which rows of a long frame (tokens, themes, mentions) belong to a kept sentence."""
    row = corpus.rows[name]
    out = np.zeros(len(row), dtype=bool)
    valid = row >= 0
    out[valid] = mask[row[valid]]
    return out


def rows_of(corpus: Corpus, name: str, mask: np.ndarray) -> pd.DataFrame:
    """Return the rows of a long frame (tokens, themes, mentions) whose sentence the mask keeps."""
    return select(getattr(corpus.frames, name), keep(corpus, name, mask))


def keyword_mask(corpus: Corpus, keyword: Keyword) -> np.ndarray:
    """Return which sentences hold every part of the keyword query (qawl.search says what matches)."""
    return search.text_mask(corpus.frames.sentences["text"], keyword)


def apply(corpus: Corpus, filters: Filters) -> np.ndarray:
    """Return the boolean mask of the sentences that pass every filter."""
    s = corpus.frames.sentences
    mask = np.ones(len(s), dtype=bool)
    if filters.speakers:
        mask &= s["speaker"].isin(filters.speakers).to_numpy()
    if filters.sources or filters.docs:
        docs = corpus.frames.documents
        wanted = np.ones(len(docs), dtype=bool)
        if filters.sources:
            wanted &= docs["source"].isin(filters.sources).to_numpy()
        if filters.docs:
            wanted &= docs["doc_id"].astype(str).isin(filters.docs).to_numpy()
        mask &= np.append(wanted, False)[corpus.doc_of]  # doc_of -1 (no document) reads the extra False
    if filters.themes:
        mask &= _flag(len(s), corpus.rows["themes"][corpus.frames.themes["theme"].isin(filters.themes).to_numpy()])
    if filters.date_from or filters.date_to:
        days = pd.to_datetime(s["date"]).dt.normalize()
        if filters.date_from:
            mask &= (days >= pd.Timestamp(filters.date_from)).to_numpy()
        if filters.date_to:
            mask &= (days <= pd.Timestamp(filters.date_to)).to_numpy()
    keyword = filters.keyword
    if keyword.words:
        mask &= keyword_mask(corpus, keyword)
    return mask


def n_documents(corpus: Corpus, mask: np.ndarray) -> int:
    """Return how many documents have a kept sentence."""
    return int(np.count_nonzero(np.bincount(corpus.doc_of[mask], minlength=1)))


def speaker_table(corpus: Corpus, mask: np.ndarray) -> pd.DataFrame:
    """Return the speakers of the kept sentences with their aliases and direct/indirect counts under the mask."""
    codes, names = corpus.speaker_codes
    known = corpus.frames.speakers.drop_duplicates("speaker").set_index("speaker")
    return speaker_rows(codes, names, corpus.doc_of, corpus.frames.sentences["quote"], mask, known["aliases"],
                        known.reindex(columns=["kind", "gender"]))


def term_counts(corpus: Corpus, mask: np.ndarray, n: int | None = None, *, kept: np.ndarray | None = None
                ) -> pd.DataFrame:
    """Return kept-token counts per term (most frequent first) with the word each term is shown as (kept: the
    tokens the mask keeps, when the caller has them already)."""
    kept = keep(corpus, "tokens", mask) if kept is None else kept
    codes = corpus.frames.tokens["term"].cat.codes.to_numpy()[kept]
    categories = corpus.frames.tokens["term"].cat.categories
    counts = np.bincount(codes[codes >= 0], minlength=len(categories))
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] > 0][:n]
    terms = [str(categories[i]) for i in order]
    return pd.DataFrame({"term": terms, "word": [corpus.label(t) for t in terms], "count": counts[order]})


def keyness(target: np.ndarray, reference: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (log-likelihood G2, log2 ratio) of each term's frequency in target against reference counts."""
    a, b = target.astype(float), reference.astype(float)
    c, d = a.sum(), b.sum()
    if c == 0 or d == 0:
        return np.zeros_like(a), np.zeros_like(a)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0))
    # Hardie's log ratio; a zero frequency counts as 0.5 so a word only one side uses still gets a finite size.
    ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    return g2, ratio


def distinctive_terms(corpus: Corpus, mask: np.ndarray, speaker: str, n: int = 30) -> pd.DataFrame:
    """Return the speaker's words most overused against all other speech and narration of the corpus."""
    tokens = corpus.frames.tokens
    by_speaker = corpus.spoken_by(speaker)[corpus.rows["tokens"]]
    codes = np.asarray(tokens["term"].cat.codes)
    size = len(tokens["term"].cat.categories)
    target = np.bincount(codes[keep(corpus, "tokens", mask) & by_speaker], minlength=size)
    # Everything else: the corpus totals less what the speaker says anywhere (no pass over the other tokens).
    reference = corpus.term_totals - np.bincount(codes[by_speaker], minlength=size)
    g2, ratio = keyness(target, reference)
    picked = np.flatnonzero((target > 0) & (ratio > 0))
    picked = picked[np.argsort(-g2[picked], kind="stable")][:n]
    terms = [str(tokens["term"].cat.categories[i]) for i in picked]
    return pd.DataFrame({
        "word": [corpus.label(t) for t in terms], "term": terms, "speaker": target[picked],
        "rest": reference[picked], "log_likelihood": g2[picked].round(2), "log_ratio": ratio[picked].round(2),
    })


def speaker_theme(corpus: Corpus, mask: np.ndarray, speakers: list[str], *, share: bool = False) -> pd.DataFrame:
    """Return a speaker × theme table of kept sentences (or, with share, % of each speaker's sentences)."""
    kept = keep(corpus, "themes", mask)
    speaker = corpus.speakers_at(corpus.rows["themes"][kept])
    theme = corpus.frames.themes["theme"].to_numpy()[kept]
    table = pd.crosstab(pd.Series(speaker, name="speaker"), pd.Series(theme, name="theme"))
    table = table.reindex(index=speakers, columns=[t for t in corpus.themes if t in table.columns], fill_value=0)
    if share:
        totals = speaker_table(corpus, mask).set_index("speaker")["n_sentences"].reindex(speakers)
        table = (table.div(totals.replace(0, np.nan), axis=0).fillna(0) * 100).round(1)
    return table


def who_mentions_whom(corpus: Corpus, mask: np.ndarray, n: int = 40) -> pd.DataFrame:
    """Return the most frequent (speaker, mentioned entity) pairs of kept sentences, self-mentions left out."""
    m = rows_of(corpus, "mentions", mask)
    m = m[(m["speaker"] != "") & (m["speaker"] != m["entity"])]
    pairs = m.groupby(["speaker", "entity", "kind"], observed=True).size().reset_index(name="mentions")
    return pairs.sort_values(["mentions", "speaker"], ascending=[False, True], ignore_index=True).head(n)


def quotes(corpus: Corpus, mask: np.ndarray, speaker: str, limit: int = 200) -> pd.DataFrame:
    """Return the kept sentences of one speaker with their cue verbs, in corpus order, and the outlets of the other
    articles that reported the same statement (also_reported: spread.also_reported)."""
    s = corpus.frames.sentences
    chosen = mask & (s["speaker"] == speaker).to_numpy()
    picked = s[chosen][["doc_id", "sentence_id", "quote", "attribution", "cue", "speaker_mention", "text"]].head(limit)
    ids = statement_ids(corpus, np.flatnonzero(chosen)[:limit])
    return picked.assign(also_reported=pd.Series(spread.also_reported(corpus.frames.repeats, ids, picked["doc_id"]),
                                                 index=picked.index, dtype="str"))


def statement_ids(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    """Return the statement of the sentences at rows (a position array or a boolean mask), 0 for none."""
    s = corpus.frames.sentences
    if "statement_id" not in s:  # frames made without quote spread
        return np.zeros(int(np.count_nonzero(rows)) if rows.dtype == bool else len(rows), dtype=np.int64)
    return s["statement_id"].to_numpy(dtype=np.int64)[rows]


def kept_statements(corpus: Corpus, mask: np.ndarray) -> np.ndarray:
    """Return which statements (rows of the statements frame) a kept sentence belongs to."""
    ids = corpus.frames.statements["statement_id"].to_numpy(dtype=np.int64)
    return np.isin(ids, statement_ids(corpus, mask))


def theme_shares(corpus: Corpus, mask: np.ndarray) -> pd.DataFrame:
    """Return, per theme, the kept sentences carrying it and their share (%) of kept story sentences."""
    kept = keep(corpus, "themes", mask)
    total = int((mask & corpus.story).sum())
    counts = corpus.frames.themes["theme"][kept].astype(str).value_counts()
    counts = counts.reindex([t for t in corpus.themes if t in counts.index])
    return pd.DataFrame({"theme": counts.index, "sentences": counts.to_numpy(),
                         "share": (counts.to_numpy() * 100 / max(total, 1)).round(1)})


def sentence_themes(corpus: Corpus, positions: np.ndarray) -> dict[int, list[str]]:
    """Return the themes of the sentences at the given row positions (for the few shown on a page)."""
    row = corpus.rows["themes"]
    picked = np.isin(row, positions)
    out: dict[int, list[str]] = {}
    for r, theme in zip(row[picked], corpus.frames.themes["theme"].to_numpy()[picked], strict=True):
        out.setdefault(int(r), []).append(str(theme))
    return out


def with_source(corpus: Corpus, kept: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """Return the kept sentences with a last column `source`: the outlet of their document (documents.source)."""
    outlets = np.append(corpus.frames.documents["source"].astype(str).to_numpy(dtype=object), "")
    return kept.assign(source=pd.Series(outlets[corpus.doc_of[mask]], index=kept.index, dtype="str"))


def export_rows(corpus: Corpus, mask: np.ndarray, name: str) -> int:
    """Return how many rows export_frame would give, without making the frame (16M token rows at 1M sentences)."""
    if name == "sentences":
        return int(np.count_nonzero(mask))
    if name == "speakers":
        return len(speaker_table(corpus, mask))
    if name == "documents":
        return n_documents(corpus, mask)
    if name == "statements":
        return int(np.count_nonzero(kept_statements(corpus, mask)))
    return int(np.count_nonzero(keep(corpus, name, mask)))


def export_frame(corpus: Corpus, mask: np.ndarray, name: str) -> pd.DataFrame:
    """Return one frame restricted to the kept sentences (speakers recounted, documents those with a kept sentence)."""
    if name == "sentences":
        return with_source(corpus, select(corpus.frames.sentences, mask), mask)
    if name == "speakers":
        return speaker_table(corpus, mask)
    if name == "documents":
        return corpus.frames.documents[np.bincount(corpus.doc_of[mask], minlength=len(corpus.doc_index)) > 0]
    if name == "statements":  # the statements of the kept sentences, as the corpus has them
        return corpus.frames.statements[kept_statements(corpus, mask)]
    if name == "repeats":  # each names its outlet already
        return select(corpus.frames.repeats, keep(corpus, name, mask))
    kept = keep(corpus, name, mask)
    return with_outlet(corpus, select(getattr(corpus.frames, name), kept), corpus.rows[name][kept])


def with_outlet(corpus: Corpus, rows: pd.DataFrame, sentence_rows: np.ndarray) -> pd.DataFrame:
    """Return long-frame rows (tokens, themes, mentions) with a last column `source`: their document's outlet, as a
    categorical (16M token rows at 1M sentences share a handful of outlets)."""
    outlets, codes = np.unique(corpus.frames.documents["source"].astype(str).to_numpy(dtype=object),
                               return_inverse=True)
    code = np.append(codes, -1)[corpus.doc_of[sentence_rows]]  # doc_of -1 (no document): a missing outlet
    return rows.assign(source=pd.Categorical.from_codes(code, categories=pd.Index(outlets, dtype="str")))
