"""Building the frames (documents, sentences, speakers, themes, tokens, mentions) of a corpus."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from qawl import attribution, mentions, sentences, speakers, themes
from qawl.corpus import Document, parse_dates
from qawl.normalize import normalize
from qawl.terms import is_stopword, term
from qawl.tokenize import words

FRAME_NAMES = ("documents", "sentences", "speakers", "themes", "tokens", "mentions")
_PARALLEL_CHARS = 4_000_000  # below this a second process costs more than it saves
_TITLE_CHARS = 80

Progress = Callable[[int, int], None]


@dataclass
class Frames:
    """Every frame of one corpus, plus the warnings met while reading it."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    speakers: pd.DataFrame
    themes: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """Return (name, frame) pairs in contract order."""
        return [(name, getattr(self, name)) for name in FRAME_NAMES]


@dataclass
class _Article:
    """What one article yields before corpus-wide speaker names are known."""

    doc: Document
    sentences: list[sentences.Sentence]
    attributions: list[attribution.Attribution]
    entity_of: list[int]  # per sentence: index into entities, -1 when nobody
    entities: list[speakers.Entity]
    tokens: list[tuple[int, str, str]]  # (sentence index, surface, term)
    themes: list[tuple[int, str, str]]  # (sentence index, theme, matched terms)
    places: list[tuple[int, str, str, str]]  # (sentence index, entity, kind, surface)


def analyse(doc: Document) -> _Article:
    """Return the sentences, attributions, entities, tokens, themes and gazetteer hits of one article."""
    sents = sentences.split(doc.text)
    attrs = attribution.attribute(sents)
    spoken = [(a.mention, a.apposition) for a in attrs if a.attribution != "none"]
    indices, entities = speakers.resolve_article(spoken)
    it = iter(indices)
    entity_of = [next(it) if a.attribution != "none" else -1 for a in attrs]
    toks, theme_rows, places = [], [], []
    gazetteer = mentions.gazetteer_index()
    for i, s in enumerate(sents):
        if s.boilerplate:
            continue
        written = words(s.text)
        content = [w for w in written if not is_stopword(w)]
        stems = [term(w) for w in content]
        toks.extend((i, w, t) for w, t in zip(content, stems))
        for theme, matched in themes.match(stems).items():
            theme_rows.append((i, theme, " | ".join(matched)))
        norm = [normalize(w) for w in written]
        for entity, kind, pos in mentions.find(norm, gazetteer):
            places.append((i, entity, kind, written[pos]))
    return _Article(doc, sents, attrs, entity_of, entities, toks, theme_rows, places)


def _analyse_all(docs: list[Document], progress: Progress | None) -> list[_Article]:
    total = sum(len(d.text) for d in docs)
    workers = min(os.cpu_count() or 1, 4)
    if total < _PARALLEL_CHARS or workers < 2 or len(docs) < 2:
        out = []
        for n, doc in enumerate(docs, 1):
            out.append(analyse(doc))
            if progress and (n % 50 == 0 or n == len(docs)):
                progress(n, len(docs))
        return out
    chunk = max(1, len(docs) // (workers * 16))
    out = []
    with ProcessPoolExecutor(workers) as pool:
        for n, article in enumerate(pool.map(analyse, docs, chunksize=chunk), 1):
            out.append(article)
            if progress and (n % 500 == 0 or n == len(docs)):
                progress(n, len(docs))
    return out


def _title(doc: Document, sents: list[sentences.Sentence]) -> str:
    if doc.title:
        return doc.title
    first = next((s.text for s in sents if not s.boilerplate), doc.doc_id)
    return first if len(first) <= _TITLE_CHARS else first[:_TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def _category(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    for c in columns:
        frame[c] = frame[c].astype("category")
    return frame


def build(docs: list[Document], progress: Progress | None = None, warnings: list[str] | None = None) -> Frames:
    """Return every frame of a corpus of documents."""
    articles = _analyse_all(docs, progress)
    names = speakers.canonical_names([a.entities for a in articles])
    dates = parse_dates(a.doc.date for a in articles)
    doc_rows, sent_rows, tok_rows, theme_rows, mention_rows = [], [], [], [], []
    alias_rows = []
    person_names: dict[str, str] = {}
    for article, canon, date in zip(articles, names, dates):
        doc = article.doc
        doc_rows.append({"doc_id": doc.doc_id, "title": _title(doc, article.sentences), "date": date,
                         "source": doc.source, "n_sentences": len(article.sentences), **doc.meta})
        for e, name in zip(article.entities, canon):
            if e.names:
                for part in e.names:
                    person_names.setdefault(part[-1], name)
        for i, (s, a, k) in enumerate(zip(article.sentences, article.attributions, article.entity_of)):
            speaker = canon[k] if k >= 0 else ""
            sent_rows.append((doc.doc_id, i + 1, s.text, speaker, a.mention, a.cue, a.attribution, a.quote,
                              date, s.paragraph, s.boilerplate))
            if k >= 0 and a.attribution == "explicit":
                alias_rows.append((speaker, a.mention, doc.doc_id))
                if a.apposition:
                    alias_rows.append((speaker, a.apposition, doc.doc_id))
        tok_rows.extend((doc.doc_id, i + 1, surface, t) for i, surface, t in article.tokens)
        theme_rows.extend((doc.doc_id, i + 1, theme, terms) for i, theme, terms in article.themes)
        mention_rows.extend((doc.doc_id, i + 1, entity, kind, surface) for i, entity, kind, surface in article.places)
    sentences_frame = pd.DataFrame(sent_rows, columns=[
        "doc_id", "sentence_id", "text", "speaker", "speaker_mention", "cue", "attribution", "quote", "date",
        "paragraph", "boilerplate"])
    tokens_frame = pd.DataFrame(tok_rows, columns=["doc_id", "sentence_id", "surface", "term"])
    mention_frame = pd.DataFrame(mention_rows, columns=["doc_id", "sentence_id", "entity", "kind", "surface"])
    mention_frame = pd.concat([mention_frame, _person_mentions(tokens_frame, person_names)], ignore_index=True)
    mention_frame = mention_frame.merge(
        sentences_frame[["doc_id", "sentence_id", "speaker"]], on=["doc_id", "sentence_id"], how="left"
    ).sort_values(["doc_id", "sentence_id"], kind="stable", ignore_index=True)
    documents = pd.DataFrame(doc_rows, columns=None if doc_rows else ["doc_id", "title", "date", "source",
                                                                        "n_sentences"])
    documents["date"] = pd.to_datetime(documents["date"])
    return Frames(
        documents=documents,
        sentences=sentences_frame,
        speakers=_speakers(sentences_frame, alias_rows),
        themes=pd.DataFrame(theme_rows, columns=["doc_id", "sentence_id", "theme", "terms"]),
        tokens=_category(tokens_frame, ["doc_id", "surface", "term"]),
        mentions=mention_frame,
        warnings=list(warnings or []),
    )


def _person_mentions(tokens: pd.DataFrame, person_names: dict[str, str]) -> pd.DataFrame:
    """Return mention rows for tokens that name a known speaker by (family) name."""
    columns = ["doc_id", "sentence_id", "entity", "kind", "surface"]
    if tokens.empty or not person_names:
        return pd.DataFrame(columns=columns)
    surfaces = pd.Series(tokens["surface"].unique())
    lookup = {}
    for s in surfaces:
        hit = next((person_names[f] for f in mentions.forms(normalize(s)) if f in person_names), None)
        if hit:
            lookup[s] = hit
    rows = tokens[tokens["surface"].isin(lookup.keys())]
    return pd.DataFrame({
        "doc_id": rows["doc_id"].astype(str), "sentence_id": rows["sentence_id"],
        "entity": rows["surface"].astype(str).map(lookup), "kind": "person", "surface": rows["surface"].astype(str),
    }, columns=columns)


def _speakers(sents: pd.DataFrame, alias_rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Return one row per canonical speaker: aliases seen, sentence and document counts."""
    spoken = sents[sents["speaker"] != ""]
    if spoken.empty:
        return pd.DataFrame(columns=["speaker", "aliases", "n_sentences", "n_documents", "n_direct", "n_indirect"])
    aliases = pd.DataFrame(alias_rows, columns=["speaker", "alias", "doc_id"])
    alias_lists = aliases.groupby("speaker")["alias"].agg(lambda a: " | ".join(dict.fromkeys(a)))
    grouped = spoken.groupby("speaker")
    frame = pd.DataFrame({
        "n_sentences": grouped.size(),
        "n_documents": grouped["doc_id"].nunique(),
        "n_direct": grouped["quote"].agg(lambda q: int((q == "direct").sum())),
        "n_indirect": grouped["quote"].agg(lambda q: int((q == "indirect").sum())),
    })
    frame["aliases"] = alias_lists.reindex(frame.index).fillna("")
    frame = frame.reset_index().sort_values(["n_sentences", "speaker"], ascending=[False, True], ignore_index=True)
    return frame[["speaker", "aliases", "n_sentences", "n_documents", "n_direct", "n_indirect"]]


def build_paths(paths: Iterable[str | Path], progress: Progress | None = None) -> Frames:
    """Return the frames of the corpus at paths, with the warnings met while reading it."""
    from qawl.corpus import load

    warned: list[str] = []
    docs = load(paths, warn=warned.append)
    return build(docs, progress, warned)
