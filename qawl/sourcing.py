"""Who gets a voice: reported sentences by kind of source and by gender, per outlet and over time; unnamed
sources per outlet; the most quoted women.

Every table is grouped counts of the kept attributed sentences (speaker set), so a SQL store answers it with one
GROUP BY. Kind shares count every attributed sentence; gender shares count the sentences of people: sources of
kind `person`, and any source whose gender is told. An empty kind or gender is shown as UNKNOWN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from qawl import trends
from qawl.analysis import Corpus, speaker_table

UNKNOWN = "unknown"  # a kind or gender the attribution could not tell
UNNAMED = "unnamed"
KINDS = ("person", "organization", "country", "media", UNNAMED, UNKNOWN)  # the order charts and tables show
GENDERS = ("f", "m", UNKNOWN)
BODIES = ("organization", "country", "media")  # never counted as women, whatever their verbs' agreement
DIMENSIONS = {"kind": ("speaker_kind", KINDS), "gender": ("speaker_gender", GENDERS)}
GROUPS = ("", "source", "period")  # overall, per outlet (documents.source), per date bucket (column x)
SHARE_COLUMNS = ("sentences", "total", "share")
WOMEN_COLUMNS = ("speaker", "aliases", "kind", "n_sentences", "n_direct", "n_indirect", "n_documents", "n_sources")


def _equals(corpus: Corpus, name: str, value: str) -> np.ndarray:
    """Return which sentences have value in a text column (compared in Arrow: no Python string per row); a
    column the frames lack (built before it existed) reads as ""."""
    s = corpus.frames.sentences
    if name not in s.columns:
        return np.full(len(s), value == "")
    return (s[name].astype("str").fillna("") == value).to_numpy(dtype=bool)


def _codes(corpus: Corpus, name: str, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return a code per row of rows for a sentences text column and the value of each code ("" shown as
    UNKNOWN): only the kept rows are read."""
    s = corpus.frames.sentences
    values = s[name].take(rows).astype("str").fillna("") if name in s.columns else pd.Series([""] * len(rows))
    codes, names = pd.factorize(values)
    return codes, np.array([v or UNKNOWN for v in names], dtype=object)


def _outlet_codes(corpus: Corpus, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return a code per row of rows for its outlet (documents.source) and the outlet of each code ("" for none)."""
    codes, names = pd.factorize(corpus.frames.documents["source"].astype("str").fillna(""))
    names = np.append(np.asarray(names, dtype=object), "")
    return np.append(codes, len(names) - 1)[corpus.doc_of[rows]], names  # doc_of -1 (no document): ""


def base(corpus: Corpus, mask: np.ndarray, dimension: str) -> np.ndarray:
    """Return the rows of the kept sentences a share of `dimension` counts: attributed ones (kind), or those of
    people (gender: kind person, or a gender told)."""
    attributed = mask & ~_equals(corpus, "speaker", "")
    if dimension == "gender":
        attributed &= _equals(corpus, "speaker_kind", "person") | ~_equals(corpus, "speaker_gender", "")
    return np.flatnonzero(attributed)


def empty(dimension: str, group: str, axis: tuple[str, str] = ("", "")) -> pd.DataFrame:
    """Return a shares table without rows (per period: with the axis in attrs)."""
    columns = [*(["source"] if group == "source" else ["x"] if group == "period" else []), dimension, *SHARE_COLUMNS]
    out = pd.DataFrame({c: pd.Series(dtype="int64" if c in ("sentences", "total") else "str") for c in columns})
    if group == "period":
        out["x"] = pd.Series(dtype="datetime64[ns]")
        out["share"] = pd.Series(dtype="float64")
        out.attrs["axis"], out.attrs["freq"], out.attrs["slots"] = axis[0], axis[1], []
    return out


def shares(corpus: Corpus, mask: np.ndarray, dimension: str = "kind", group: str = "", bucket: str = "auto"
           ) -> pd.DataFrame:
    """Return the kept attributed sentences by kind (or gender), overall, per outlet or per date bucket.

    Columns: [source | x], kind | gender, sentences, total (of the group), share (% of the group). Every group
    has a row for every value seen under the mask (0 where it has none). Outlets come most reported sentences
    first; periods in order, with the timeline's attrs (axis, freq, slots: trends.slot_rows); with one article
    or no dates the per-period table is empty (attrs axis "position").
    """
    column = checked(dimension, group)
    axis = trends.axis(corpus, mask, bucket) if group == "period" else ("", "")
    if group == "period" and axis[0] != "date":
        return empty(dimension, group, axis)
    rows = base(corpus, mask, dimension)
    values, names = _codes(corpus, column, rows)
    if group == "source":
        groups, labels = _outlet_codes(corpus, rows)
    elif group == "period":
        dates = pd.to_datetime(corpus.frames.sentences["date"].take(rows)).dt.to_period(axis[1]).dt.start_time
        groups, labels = pd.factorize(dates.to_numpy(), sort=True)  # NaT (an undated sentence): code -1
        values, groups = values[groups >= 0], groups[groups >= 0]
    else:
        groups, labels = np.zeros(len(rows), dtype=np.int64), np.array([""], dtype=object)
    if not len(values):
        return empty(dimension, group, axis)
    counts = np.bincount(groups * len(names) + values, minlength=len(labels) * len(names)).reshape(-1, len(names))
    return share_table(counts, np.asarray(labels), names, dimension, group, axis)


def checked(dimension: str, group: str) -> str:
    """Return the sentences column a share of dimension counts; ValueError for a dimension or group not known."""
    if dimension not in DIMENSIONS or group not in GROUPS:
        raise ValueError(f"no share of {dimension!r} by {group!r}")
    return DIMENSIONS[dimension][0]


def share_table(counts: np.ndarray, labels: np.ndarray, names: np.ndarray, dimension: str, group: str,
                axis: tuple[str, str]) -> pd.DataFrame:
    """Return the shares frame (as `shares` describes it) from counts[group, value] of reported sentences: labels
    are the groups' outlets or period starts (in time order), names the values ("" already shown as UNKNOWN)."""
    order = DIMENSIONS[dimension][1]
    key = {"source": "source", "period": "x"}.get(group)
    seen = [i for i in np.argsort(names) if counts[:, i].any()]
    rank = {v: i for i, v in enumerate(order)}
    seen.sort(key=lambda i: (rank.get(names[i], len(order)), names[i]))  # the charts' order, then the unexpected
    totals = counts.sum(axis=1)
    kept = np.flatnonzero(totals > 0)
    if group == "source":  # most reported sentences first, then by name
        kept = np.array(sorted(kept, key=lambda g: (-totals[g], labels[g])), dtype=np.int64)
    out = pd.DataFrame({
        **({key: np.repeat(labels[kept], len(seen))} if key else {}),
        dimension: pd.Series(np.tile(names[seen], len(kept)), dtype="str"),
        "sentences": counts[np.ix_(kept, seen)].ravel().astype("int64"),
        "total": np.repeat(totals[kept], len(seen)).astype("int64"),
    })
    if key == "source":
        out["source"] = out["source"].astype("str")
    out["share"] = (out["sentences"] * 100 / out["total"]).round(1)
    if group == "period":
        out.attrs["axis"], out.attrs["freq"] = axis
        out.attrs["slots"] = trends.slot_rows(out["x"], *axis)
    return out


def unnamed_by_source(corpus: Corpus, mask: np.ndarray) -> pd.DataFrame:
    """Return per outlet the kept attributed sentences from unnamed sources: source, sentences, total, share (%),
    highest share first (ties: more reported sentences, then name)."""
    rows = base(corpus, mask, "kind")
    groups, labels = _outlet_codes(corpus, rows)
    totals = np.bincount(groups, minlength=len(labels))
    unnamed = np.bincount(groups[_equals(corpus, "speaker_kind", UNNAMED)[rows]], minlength=len(labels))
    return unnamed_table(labels, unnamed, totals)


def unnamed_table(labels: np.ndarray, unnamed: np.ndarray, totals: np.ndarray) -> pd.DataFrame:
    """Return the unnamed_by_source frame from each outlet's (labels) unnamed and attributed sentence counts."""
    kept = np.flatnonzero(totals > 0)
    out = pd.DataFrame({"source": pd.Series(labels[kept], dtype="str"), "sentences": unnamed[kept].astype("int64"),
                        "total": totals[kept].astype("int64")})
    out["share"] = (out["sentences"] * 100 / out["total"]).round(1)
    return out.sort_values(["share", "total", "source"], ascending=[False, False, True], ignore_index=True)


def quoted_women(corpus: Corpus, mask: np.ndarray, n: int | None = 20) -> pd.DataFrame:
    """Return the n (or all) most quoted speakers of gender f in the kept sentences, bodies (BODIES) left out:
    WOMEN_COLUMNS, where n_sources counts the outlets that quote her."""
    women = women_of(speaker_table(corpus, mask), n)
    codes, names = corpus.speaker_codes
    wanted = pd.Index(names).get_indexer(women["speaker"])  # speaker codes, in the table's order
    which = np.full(len(names) + 1, -1)
    which[wanted] = np.arange(len(wanted))
    rows = np.flatnonzero(mask & (which[codes] >= 0))
    outlets, labels = _outlet_codes(corpus, rows)
    named = labels[outlets] != ""
    pairs = pd.unique(which[codes[rows]][named] * len(labels) + outlets[named])  # each (woman, outlet) once
    return with_sources(women, np.bincount(pairs // len(labels), minlength=len(women)))


def women_of(table: pd.DataFrame, n: int | None) -> pd.DataFrame:
    """Return the first n (or all) rows of a speaker table (analysis.speaker_table) that are women: gender f, bodies
    (BODIES) left out."""
    return table[(table["gender"] == "f") & ~table["kind"].isin(BODIES)].head(n).reset_index(drop=True)


def with_sources(women: pd.DataFrame, n_sources: np.ndarray) -> pd.DataFrame:
    """Return the women rows with n_sources (the outlets quoting each), in WOMEN_COLUMNS."""
    return women.assign(n_sources=np.asarray(n_sources).astype("int64"))[list(WOMEN_COLUMNS)]
