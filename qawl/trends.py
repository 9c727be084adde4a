"""Keywords and themes over time: date buckets by span, or sentence positions for one or undated articles."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from qawl.analysis import Corpus, keep, n_documents, speaker_table, term_counts
from qawl.normalize import normalize
from qawl.search import FORMS, Keyword
from qawl.tokenize import words

OTHERS = "others"
TERMS = "terms"  # timeline series keyed by term (stem); EXACT / FORMS: by typed word, as the search matches it
COLLAPSE_AT = 3  # empty periods (or positions) in a row shown as one gap on the axis
_DAY_SPAN, _WEEK_SPAN = 62, 550  # days: up to two months by day, up to ~18 months by week, then by month
MIN_DOCUMENTS_FOR_SPREAD = 5  # below this, how many documents use a word says little about the word
# Calendar and time words: frequent in any news, never a topic; a timeline of "year" or "yesterday" says nothing.
# Matched on the written word a term is shown as, clitics and article aside (العام، لعام، وأمس). Words that are
# also a common name or noun once normalized are not listed (آب ~ أب "father", صباح is a Gulf ruler's name).
TIME_WORDS = (
    "عام", "عاما", "أعوام", "سنة", "سنوات", "شهر", "شهرا", "أشهر", "شهور", "أسبوع", "أسابيع", "يوم", "يوما", "أيام",
    "ساعة", "ساعات", "دقيقة", "دقائق", "أمس", "غدا", "الآن", "حاليا", "الماضي", "المقبل", "القادم", "الحالي",
    "الجاري", "المنصرم", "مساء", "الليلة", "فترة", "وقت",
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "أيلول", "تشرين",
    "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
)  # fmt: skip
_ARTICLE = re.compile("^[وف]?(?:[بكل]?ال|لل)")  # والعام، بالأمس، للعام
_CLITIC = re.compile("^[وف]?[بكل]?")  # لعام، وأمس
_LETTER = re.compile(r"[^\W\d_]")


def axis(corpus: Corpus, mask: np.ndarray, bucket: str = "auto") -> tuple[str, str]:
    """Return the x axis for trends: ("position", "") for one or undated articles, else ("date", "D"/"W"/"M")."""
    s = corpus.frames.sentences
    dates = s["date"][mask].dropna()
    if dates.empty or n_documents(corpus, mask) < 2:
        return "position", ""
    if bucket in {"D", "W", "M"}:
        return "date", bucket
    return "date", bucket_for_span((dates.max() - dates.min()).days)


def bucket_for_span(days: int) -> str:
    """Return the date bucket for a span of days: "D" up to two months, "W" up to ~18 months, else "M"."""
    return "D" if days <= _DAY_SPAN else "W" if days <= _WEEK_SPAN else "M"


@cache
def _time_forms() -> frozenset[str]:
    forms = {normalize(w) for w in TIME_WORDS}
    return frozenset(forms | {bare for f in forms if len(bare := _ARTICLE.sub("", f)) >= 3})


def is_time_word(word: str) -> bool:
    """Return whether a written word is a calendar or time word (TIME_WORDS), with or without clitics."""
    n = normalize(word)
    return any(form in _time_forms() for form in (n, _ARTICLE.sub("", n), _CLITIC.sub("", n)))


def default_terms(corpus: Corpus, mask: np.ndarray, n: int = 5, pool: int = 300) -> list[str]:
    """Return the n terms a timeline shows before the user picks: frequent topical words of the kept sentences.

    Among the pool most frequent terms, those shown as a calendar/time word or without a letter are left out. With at
    least MIN_DOCUMENTS_FOR_SPREAD documents, terms rank by count × log(documents / documents using the term)
    (tf-idf), so that a word every article uses ("president", "was") gives way to the words that tell the
    stories apart; with fewer documents they rank by count.
    """
    counts = term_counts(corpus, mask, pool)
    topical = [not is_time_word(w) and _LETTER.search(w) is not None for w in counts["word"]]
    counts = counts[np.array(topical, dtype=bool)]
    n_docs = n_documents(corpus, mask)
    if counts.empty or n_docs < MIN_DOCUMENTS_FOR_SPREAD:
        return counts["term"].head(n).tolist()
    spread = _document_frequency(corpus, mask, counts["term"].tolist())
    score = counts["count"].to_numpy() * np.log(n_docs / np.maximum(spread, 1))
    order = np.lexsort((-counts["count"].to_numpy(), -score))
    return counts["term"].to_numpy()[order][:n].tolist()


def _document_frequency(corpus: Corpus, mask: np.ndarray, terms: list[str]) -> np.ndarray:
    """Return, for each of terms, how many documents use it in a kept sentence."""
    column = corpus.frames.tokens["term"]
    at = column.cat.categories.get_indexer(terms)
    wanted = np.full(len(column.cat.categories) + 1, -1)
    wanted[at[at >= 0]] = np.flatnonzero(at >= 0)
    which = wanted[column.cat.codes.to_numpy()]  # code -1 (missing) reads the extra slot: not wanted
    kept = keep(corpus, "tokens", mask) & (which >= 0)
    doc = corpus.doc_of[corpus.rows["tokens"][kept]]
    which = which[kept].astype(np.int16 if len(terms) < 1 << 15 else np.int32)
    if len(doc) and not (doc[1:] >= doc[:-1]).all():  # tokens out of document order: sort the pairs
        order = np.lexsort((doc, which))
    else:  # a stable sort by term (a radix sort on 16 bits) keeps each term's rows in document order
        order = np.argsort(which, kind="stable")
    doc, which = doc[order], which[order]
    first = np.ones(len(which), dtype=bool)  # the first row of each distinct (term, document) pair
    first[1:] = (doc[1:] != doc[:-1]) | (which[1:] != which[:-1])
    return np.bincount(which[first], minlength=len(terms))


def _x(corpus: Corpus, mask: np.ndarray, kind: str, freq: str) -> pd.Series:
    """Return the x value of each kept sentence (its position, or its date bucket), indexed by row position."""
    s = corpus.frames.sentences
    positions = np.flatnonzero(mask)
    if kind == "position":
        return pd.Series(s["sentence_id"].to_numpy()[positions], index=positions)
    dates = pd.to_datetime(s["date"].iloc[positions])
    return pd.Series(dates.dt.to_period(freq).dt.start_time.to_numpy(), index=positions).dropna()


def _empty(columns: list[str], kind: str, freq: str) -> pd.DataFrame:
    out = pd.DataFrame(columns=columns)
    out.attrs["axis"], out.attrs["freq"] = kind, freq
    out.attrs["slots"] = slot_rows(out["x"], kind, freq)
    return out


def _terms_at(corpus: Corpus, kept: np.ndarray) -> np.ndarray:
    """Return the terms of the kept tokens rows as strings (without converting the whole column)."""
    term = corpus.frames.tokens["term"]
    if isinstance(term.dtype, pd.CategoricalDtype):
        return term.cat.categories.astype(str).to_numpy()[term.cat.codes.to_numpy()[kept]]
    return term.to_numpy()[kept].astype(str)


def _series_tokens(corpus: Corpus, kept: np.ndarray, keys: list[str], match: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (tokens rows, series key of each) of the kept tokens that count for each series key."""
    tokens = corpus.frames.tokens
    if match == TERMS:
        chosen = kept & tokens["term"].isin(keys).to_numpy()
        return np.flatnonzero(chosen), _terms_at(corpus, chosen)
    surface = tokens["surface"]
    codes = surface.cat.codes.to_numpy()  # -1 (missing) reads the trailing False below
    rows, names = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=object)]
    for key in keys:
        hit = corpus.surfaces.mask(Keyword(key, forms=match == FORMS))
        found = np.flatnonzero(kept & np.append(hit, False)[codes])
        rows.append(found)
        names.append(np.full(len(found), key, dtype=object))
    return np.concatenate(rows), np.concatenate(names)


def find_words(corpus: Corpus, mask: np.ndarray, text: str, *, forms: bool = False) -> tuple[list[str], list[str]]:
    """Return (the typed words the kept sentences use, those they never use) for a timeline of any word.

    A word counts as the search matches it (exact, or with derived forms); stop words are never counted.
    """
    surface = corpus.frames.tokens["surface"]
    codes = surface.cat.codes.to_numpy()[keep(corpus, "tokens", mask)]
    present = np.zeros(len(surface.cat.categories), dtype=bool)
    present[codes[codes >= 0]] = True
    found, missing = [], []
    for word in dict.fromkeys(words(text)):
        hit = corpus.surfaces.mask(Keyword(word, forms=forms))
        (found if (hit & present).any() else missing).append(word)
    return found, missing


def word_counts(corpus: Corpus, mask: np.ndarray, n: int | None = None, *, forms: bool = False) -> pd.DataFrame:
    """Return term, word, count of the words a timeline offers, most counted first: the written form of each of the n
    most frequent terms of the kept tokens, counted as its timeline counts it (match EXACT, or FORMS with forms),
    not by its stem's group (إيران's takes أيار in); words the search never finds left out."""
    kept = keep(corpus, "tokens", mask)
    top = term_counts(corpus, mask, n, kept=kept)
    codes = corpus.frames.tokens["surface"].cat.codes.to_numpy()[kept]
    per_surface = np.bincount(codes[codes >= 0], minlength=len(corpus.surfaces.written))
    counts = [int(per_surface[corpus.surfaces.hits(Keyword(w, forms=forms))].sum()) for w in top["word"]]
    out = top.assign(count=np.array(counts, dtype=np.int64))
    return out[out["count"] > 0].sort_values("count", ascending=False, kind="stable", ignore_index=True)


def timeline(corpus: Corpus, mask: np.ndarray, terms: list[str], *, per_thousand: bool = False,
             by_speaker: bool = False, bucket: str = "auto", top_speakers: int = 6, match: str = TERMS
             ) -> pd.DataFrame:
    """Return keyword counts (or per-1,000-word rates) per x bucket and keyword, optionally per speaker.

    terms are terms (stems) with match=TERMS, else typed words counted as the search matches them (EXACT or
    FORMS): إيران then counts إيران and وإيران, never أيار, which shares its stem. Only buckets with kept
    sentences have rows: `slots` lays out the axis with the empty periods between them.
    """
    kind, freq = axis(corpus, mask, bucket)
    x = _x(corpus, mask, kind, freq)
    if x.empty or not terms:
        return _empty(["x", "words", "term", "count", "value", "keyword"], kind, freq)
    sent = pd.DataFrame({"x": x.to_numpy(), "words": corpus.n_words[x.index]}, index=x.index)
    keys = ["x"]
    if by_speaker:
        chosen = speaker_table(corpus, mask)["speaker"].head(top_speakers).to_numpy()
        speaker = corpus.speakers_at(x.index.to_numpy())
        sent["speaker"] = np.where(np.isin(speaker, chosen), speaker, OTHERS)
        keys.append("speaker")
    rows, names = _series_tokens(corpus, keep(corpus, "tokens", mask), terms, match)
    hits = sent.reindex(corpus.rows["tokens"][rows])[keys]
    hits["term"] = names
    counts = hits.dropna(subset=["x"]).groupby([*keys, "term"]).size().rename("count").reset_index()
    grid = sent.groupby(keys)["words"].sum().reset_index().merge(pd.DataFrame({"term": terms}), how="cross")
    out = grid.merge(counts, on=[*keys, "term"], how="left").fillna({"count": 0})
    out["count"] = out["count"].astype(int)
    rate = (out["count"] * 1000 / out["words"].where(out["words"] > 0)).fillna(0).round(2)
    out["value"] = rate if per_thousand else out["count"]
    out["keyword"] = out["term"].map(corpus.label) if match == TERMS else out["term"]
    out.attrs["axis"], out.attrs["freq"] = kind, freq
    out.attrs["slots"] = slot_rows(out["x"], kind, freq)
    return out


def theme_timeline(corpus: Corpus, mask: np.ndarray, bucket: str = "auto") -> pd.DataFrame:
    """Return per x bucket and theme the share (%) of kept story sentences carrying the theme."""
    kind, freq = axis(corpus, mask, bucket)
    x = _x(corpus, mask & corpus.story, kind, freq)
    if x.empty:
        return _empty(["x", "total", "theme", "sentences", "share"], kind, freq)
    sent = pd.DataFrame({"x": x.to_numpy()}, index=x.index)
    kept = keep(corpus, "themes", mask)
    hits = sent.reindex(corpus.rows["themes"][kept])
    hits["theme"] = corpus.frames.themes["theme"].astype(str).to_numpy()[kept]
    counts = hits.dropna(subset=["x"]).groupby(["x", "theme"]).size().rename("sentences").reset_index()
    themes = [t for t in corpus.themes if t in set(counts["theme"])]
    grid = sent.groupby("x").size().rename("total").reset_index().merge(pd.DataFrame({"theme": themes}), how="cross")
    out = grid.merge(counts, on=["x", "theme"], how="left").fillna({"sentences": 0})
    out["sentences"] = out["sentences"].astype(int)
    out["share"] = (out["sentences"] * 100 / out["total"]).round(1)
    out.attrs["axis"], out.attrs["freq"] = kind, freq
    out.attrs["slots"] = slot_rows(out["x"], kind, freq)
    return out


def slot_rows(x: pd.Series | np.ndarray, kind: str, freq: str) -> list[list[object]]:
    """Return slots() as plain rows [x, last, kind, n] (dates as ISO text): what a frame's attrs can carry to the
    page (Streamlit writes a frame's attrs as JSON)."""
    table = slots(x, kind, freq)
    text = (lambda v: int(v)) if kind == "position" else (lambda v: pd.Timestamp(v).isoformat())
    return [[text(a), text(b), k, int(n)] for a, b, k, n in table.itertuples(index=False)]


def slots(x: pd.Series | np.ndarray, kind: str, freq: str) -> pd.DataFrame:
    """Return the axis of a timeline: every period (or sentence position) from the first with rows to the last, in
    order, as slots of kind "data", "empty" (no kept sentence: lines break there), or one "gap" for COLLAPSE_AT or
    more empty ones in a row (2015 and 2018 articles: no 30 empty months squeezing the rest).

    Columns: x (the slot's first period start or position), last (its last), kind, n (periods it covers).
    """
    values = pd.Series(np.asarray(x)).dropna().unique()
    if not len(values):
        return pd.DataFrame({"x": [], "last": [], "kind": [], "n": []})
    values = sorted(values)
    if kind == "position":
        full = list(range(int(values[0]), int(values[-1]) + 1))
        has = {int(v) for v in values}
    else:
        full = list(pd.period_range(pd.Timestamp(values[0]), pd.Timestamp(values[-1]), freq=freq).start_time)
        has = {pd.Timestamp(v) for v in values}
    rows: list[tuple[object, object, str, int]] = []
    i = 0
    while i < len(full):
        j = i
        while j < len(full) and full[j] not in has:
            j += 1
        if j == i:
            rows.append((full[i], full[i], "data", 1))
            i += 1
        elif j - i >= COLLAPSE_AT:
            rows.append((full[i], full[j - 1], "gap", j - i))
            i = j
        else:
            rows += [(v, v, "empty", 1) for v in full[i:j]]
            i = j
    return pd.DataFrame(rows, columns=["x", "last", "kind", "n"])
