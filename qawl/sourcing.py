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


def _column(corpus: Corpus, name: str) -> np.ndarray:
    """Return a sentences column as text ("" when missing, or when the frames predate the column)."""
    s = corpus.frames.sentences
    if name not in s.columns:
        return np.full(len(s), "", dtype=object)
    return s[name].astype("str").fillna("").to_numpy(dtype=object)


def _outlets(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    """Return the outlet (documents.source, "" when none) of the sentences at rows."""
    outlets = np.append(corpus.frames.documents["source"].astype("str").fillna("").to_numpy(dtype=object), "")
    return outlets[corpus.doc_of[rows]]  # doc_of -1 (no document) reads the trailing ""


def base(corpus: Corpus, mask: np.ndarray, dimension: str) -> np.ndarray:
    """Return the rows of the kept sentences a share of `dimension` counts: attributed ones (kind), or those of
    people (gender: kind person, or a gender told)."""
    attributed = mask & (_column(corpus, "speaker") != "")
    if dimension == "gender":
        attributed &= (_column(corpus, "speaker_kind") == "person") | (_column(corpus, "speaker_gender") != "")
    return np.flatnonzero(attributed)


def _empty(dimension: str, group: str, axis: tuple[str, str] = ("", "")) -> pd.DataFrame:
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
    if dimension not in DIMENSIONS or group not in GROUPS:
        raise ValueError(f"no share of {dimension!r} by {group!r}")
    column, order = DIMENSIONS[dimension]
    axis = trends.axis(corpus, mask, bucket) if group == "period" else ("", "")
    rows = base(corpus, mask, dimension)
    values = _column(corpus, column)[rows]
    data = pd.DataFrame({dimension: np.where(values == "", UNKNOWN, values)})
    if group == "source":
        data["source"] = _outlets(corpus, rows)
    elif group == "period":
        if axis[0] != "date":
            return _empty(dimension, group, axis)
        dates = pd.to_datetime(corpus.frames.sentences["date"].iloc[rows]).dt.to_period(axis[1]).dt.start_time
        data["x"] = dates.to_numpy()
        data = data.dropna(subset=["x"])
    if data.empty:
        return _empty(dimension, group, axis)
    keys = [c for c in ("source", "x") if c in data.columns]
    counts = data.groupby([*keys, dimension]).size().rename("sentences").reset_index()
    seen = set(counts[dimension])
    wanted = [v for v in order if v in seen] + sorted(seen - set(order))
    if keys:
        totals = counts.groupby(keys)["sentences"].sum().rename("total").reset_index()
        if group == "source":
            totals = totals.sort_values(["total", "source"], ascending=[False, True], ignore_index=True)
        grid = totals.merge(pd.DataFrame({dimension: wanted}), how="cross")
    else:
        grid = pd.DataFrame({dimension: wanted, "total": len(data)})
    out = grid.merge(counts, on=[*keys, dimension], how="left").fillna({"sentences": 0})
    out["sentences"] = out["sentences"].astype("int64")
    out["total"] = out["total"].astype("int64")
    out["share"] = (out["sentences"] * 100 / out["total"]).round(1)
    out = out[[*keys, dimension, *SHARE_COLUMNS]]
    if group == "period":
        out.attrs["axis"], out.attrs["freq"] = axis
        out.attrs["slots"] = trends.slot_rows(out["x"], *axis)
    return out


def unnamed_by_source(corpus: Corpus, mask: np.ndarray) -> pd.DataFrame:
    """Return per outlet the kept attributed sentences from unnamed sources: source, sentences, total, share (%),
    highest share first (ties: more reported sentences, then name)."""
    rows = base(corpus, mask, "kind")
    data = pd.DataFrame({"source": _outlets(corpus, rows), "unnamed": _column(corpus, "speaker_kind")[rows] == UNNAMED})
    out = data.groupby("source").agg(sentences=("unnamed", "sum"), total=("unnamed", "size")).reset_index()
    out["sentences"] = out["sentences"].astype("int64")
    out["total"] = out["total"].astype("int64")
    out["share"] = (out["sentences"] * 100 / out["total"]).round(1) if len(out) else pd.Series(dtype="float64")
    return out.sort_values(["share", "total", "source"], ascending=[False, False, True], ignore_index=True)


def quoted_women(corpus: Corpus, mask: np.ndarray, n: int | None = 20) -> pd.DataFrame:
    """Return the n (or all) most quoted speakers of gender f in the kept sentences, bodies (BODIES) left out:
    WOMEN_COLUMNS, where n_sources counts the outlets that quote her."""
    table = speaker_table(corpus, mask)
    women = table[(table["gender"] == "f") & ~table["kind"].isin(BODIES)].head(n).reset_index(drop=True)
    rows = np.flatnonzero(mask & np.isin(_column(corpus, "speaker"), women["speaker"].to_numpy()))
    outlets = pd.DataFrame({"speaker": _column(corpus, "speaker")[rows], "source": _outlets(corpus, rows)})
    outlets = outlets[outlets["source"] != ""].groupby("speaker")["source"].nunique()
    women["n_sources"] = outlets.reindex(women["speaker"]).fillna(0).astype("int64").to_numpy()
    return women[list(WOMEN_COLUMNS)]
