"""Sourcing aggregates (qawl.sourcing through the store): kinds and genders of reported sentences, overall, per
outlet and per period; unnamed sources per outlet; the most quoted women. Exact numbers on a built corpus whose
sources are set by hand, so that they do not move when the attribution improves."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from dashboard_corpora import SPA, XINHUA, write_dated_corpus

from qawl import analysis, i18n, sourcing, store
from qawl.filters import Filters
from qawl.frames import build_paths
from qawl.pandas_store import PandasStore

WEEK_1, WEEK_3, WEEK_11 = pd.Timestamp("2020-03-02"), pd.Timestamp("2020-03-16"), pd.Timestamp("2020-05-11")
# The dated corpus: seed-a (Xinhua, 2 March 2020), seed-b (SPA, 20 March), seed-c (Xinhua, 11 May), with each
# sentence's source set here: (speaker, kind, gender, quote); "" speaker: narration.
SOURCES = {
    ("seed-a", 1): ("فاطمة", "person", "f", "direct"),
    ("seed-a", 2): ("فاطمة", "person", "f", "indirect"),
    ("seed-a", 3): ("وزارة الخارجية", "organization", "", "indirect"),  # the foreign ministry
    ("seed-a", 4): ("مصادر مطلعة", "unnamed", "", "indirect"),  # informed sources
    ("seed-a", 5): ("", "", "", "none"),
    ("seed-a", 6): ("شي جين بينغ", "person", "m", "indirect"),
    ("seed-b", 1): ("شي جين بينغ", "person", "m", "direct"),
    ("seed-b", 2): ("مصادر مطلعة", "unnamed", "", "indirect"),
    ("seed-b", 3): ("مصادر مطلعة", "unnamed", "", "indirect"),
    ("seed-b", 4): ("الصين", "country", "", "indirect"),  # China
    ("seed-b", 5): ("الجهة", "", "", "indirect"),  # "the body": a kind the attribution could not tell
    ("seed-b", 6): ("سارة", "person", "", "indirect"),  # a person of unknown gender
    ("seed-c", 1): ("فاطمة", "person", "f", "indirect"),
    ("seed-c", 2): ("وكالة شينخوا", "media", "", "indirect"),  # the Xinhua agency
    ("seed-c", 3): ("شي جين بينغ", "person", "m", "indirect"),
    ("seed-c", 4): ("مسؤولة", "unnamed", "f", "indirect"),  # a (woman) official
    ("seed-c", 5): ("", "", "", "none"),
}
# Speaker-level traits; the ministry's feminine verbs (قالت الوزارة) must not make it a woman.
TRAITS = {"فاطمة": ("person", "f"), "مسؤولة": ("unnamed", "f"), "وزارة الخارجية": ("organization", "f"),
          "شي جين بينغ": ("person", "m")}


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    """The pandas store of the dated corpus with the sources of SOURCES."""
    frames = build_paths([write_dated_corpus(tmp_path_factory.mktemp("voices"))])
    s = frames.sentences
    rows = [SOURCES[(d, i)] for d, i in zip(s["doc_id"], s["sentence_id"], strict=True)]
    for column, values in zip(("speaker", "speaker_kind", "speaker_gender", "quote"), zip(*rows, strict=True),
                              strict=True):
        s[column] = pd.Series(values, dtype="str", index=s.index)
    s["attribution"] = pd.Series(["explicit" if r[0] else "none" for r in rows], dtype="str", index=s.index)
    names = sorted({r[0] for r in rows if r[0]})
    frames.speakers = pd.DataFrame({
        "speaker": pd.Series(names, dtype="str"), "aliases": pd.Series(names, dtype="str"),
        "kind": pd.Series([TRAITS.get(n, ("", ""))[0] for n in names], dtype="str"),
        "gender": pd.Series([TRAITS.get(n, ("", ""))[1] for n in names], dtype="str"),
        "n_sentences": 0, "n_documents": 0, "n_direct": 0, "n_indirect": 0})
    return PandasStore(analysis.prepare(frames, "voices", "voices"))


def table(frame: pd.DataFrame, *columns: str) -> list[tuple]:
    """Return the rows of frame's columns as tuples (numbers as Python numbers)."""
    return [tuple(row) for row in frame[list(columns)].itertuples(index=False, name=None)]


def test_kinds_of_all_reported_sentences(voices):
    frame = voices.sourcing_shares(Filters(), "kind")
    assert frame.columns.tolist() == ["kind", "sentences", "total", "share"]
    assert table(frame, "kind", "sentences", "total", "share") == [
        ("person", 7, 15, 46.7), ("organization", 1, 15, 6.7), ("country", 1, 15, 6.7), ("media", 1, 15, 6.7),
        ("unnamed", 4, 15, 26.7), ("unknown", 1, 15, 6.7)]


def test_genders_count_people_and_anyone_whose_gender_is_told(voices):
    frame = voices.sourcing_shares(Filters(), "gender")
    assert table(frame, "gender", "sentences", "total", "share") == [
        ("f", 4, 8, 50.0), ("m", 3, 8, 37.5), ("unknown", 1, 8, 12.5)]  # 7 of persons + the woman official


def test_kinds_per_outlet_most_reported_first_with_zeros(voices):
    frame = voices.sourcing_shares(Filters(), "kind", "source")
    assert frame.columns.tolist() == ["source", "kind", "sentences", "total", "share"]
    assert table(frame, "source", "kind", "sentences", "total") == [
        (XINHUA, "person", 5, 9), (XINHUA, "organization", 1, 9), (XINHUA, "country", 0, 9),
        (XINHUA, "media", 1, 9), (XINHUA, "unnamed", 2, 9), (XINHUA, "unknown", 0, 9),
        (SPA, "person", 2, 6), (SPA, "organization", 0, 6), (SPA, "country", 1, 6), (SPA, "media", 0, 6),
        (SPA, "unnamed", 2, 6), (SPA, "unknown", 1, 6)]
    assert frame.groupby("source")["share"].sum().round().tolist() == [100, 100]


def test_genders_per_outlet(voices):
    frame = voices.sourcing_shares(Filters(), "gender", "source")
    assert table(frame, "source", "gender", "sentences", "total", "share") == [
        (XINHUA, "f", 4, 6, 66.7), (XINHUA, "m", 2, 6, 33.3), (XINHUA, "unknown", 0, 6, 0.0),
        (SPA, "f", 0, 2, 0.0), (SPA, "m", 1, 2, 50.0), (SPA, "unknown", 1, 2, 50.0)]


def test_kinds_per_week_with_the_timeline_axis(voices):
    frame = voices.sourcing_shares(Filters(), "kind", "period")
    assert (frame.attrs["axis"], frame.attrs["freq"]) == ("date", "W")  # 70 days: weeks
    assert table(frame[frame["sentences"] > 0], "x", "kind", "sentences", "total") == [
        (WEEK_1, "person", 3, 5), (WEEK_1, "organization", 1, 5), (WEEK_1, "unnamed", 1, 5),
        (WEEK_3, "person", 2, 6), (WEEK_3, "country", 1, 6), (WEEK_3, "unnamed", 2, 6), (WEEK_3, "unknown", 1, 6),
        (WEEK_11, "person", 2, 4), (WEEK_11, "media", 1, 4), (WEEK_11, "unnamed", 1, 4)]
    assert len(frame) == 3 * 6  # every period has a row for every kind seen
    assert [(kind, n) for _, _, kind, n in frame.attrs["slots"]] == [("data", 1), ("empty", 1), ("data", 1),
                                                                     ("gap", 7), ("data", 1)]


def test_genders_per_month_when_asked(voices):
    frame = voices.sourcing_shares(Filters(), "gender", "period", bucket="M")
    assert table(frame, "x", "gender", "sentences", "total") == [
        (pd.Timestamp("2020-03-01"), "f", 2, 5), (pd.Timestamp("2020-03-01"), "m", 2, 5),
        (pd.Timestamp("2020-03-01"), "unknown", 1, 5),
        (pd.Timestamp("2020-05-01"), "f", 2, 3), (pd.Timestamp("2020-05-01"), "m", 1, 3),
        (pd.Timestamp("2020-05-01"), "unknown", 0, 3)]
    assert [kind for _, _, kind, _ in frame.attrs["slots"]] == ["data", "empty", "data"]


def test_unnamed_sources_per_outlet_highest_share_first(voices):
    frame = voices.unnamed_by_source(Filters())
    assert table(frame, "source", "sentences", "total", "share") == [(SPA, 2, 6, 33.3), (XINHUA, 2, 9, 22.2)]


def test_most_quoted_women_leave_bodies_out(voices):
    frame = voices.quoted_women(Filters())
    assert frame.columns.tolist() == list(sourcing.WOMEN_COLUMNS)
    assert table(frame, "speaker", "kind", "n_sentences", "n_direct", "n_indirect", "n_documents", "n_sources") == [
        ("فاطمة", "person", 3, 1, 2, 2, 1), ("مسؤولة", "unnamed", 1, 0, 1, 1, 1)]
    assert voices.quoted_women(Filters(), n=1)["speaker"].tolist() == ["فاطمة"]


def test_every_aggregate_follows_the_filters(voices):
    spa = Filters(sources=(SPA,))
    assert table(voices.sourcing_shares(spa, "kind"), "kind", "sentences") == [
        ("person", 2), ("country", 1), ("unnamed", 2), ("unknown", 1)]  # kinds seen under the filters only
    assert voices.quoted_women(spa).empty
    assert table(voices.unnamed_by_source(spa), "source", "sentences", "total") == [(SPA, 2, 6)]
    her = Filters(speakers=("فاطمة",))
    assert table(voices.sourcing_shares(her, "gender", "source"), "source", "gender", "sentences", "share") == [
        (XINHUA, "f", 3, 100.0)]
    march = Filters(date_to=pd.Timestamp("2020-03-31").date())
    assert voices.sourcing_shares(march, "kind")["total"].iloc[0] == 11
    assert voices.quoted_women(march)["n_sentences"].tolist() == [2]


def test_nothing_attributed_gives_empty_tables_of_the_same_columns(voices):
    narration = Filters(q="كلمةلاتوجد")
    for group in sourcing.GROUPS:
        for dimension in sourcing.DIMENSIONS:
            frame = voices.sourcing_shares(narration, dimension, group)
            assert frame.empty and frame.columns[-3:].tolist() == ["sentences", "total", "share"]
    assert voices.unnamed_by_source(narration).columns.tolist() == ["source", "sentences", "total", "share"]
    assert voices.quoted_women(narration).empty


def test_one_article_has_no_periods(voices):
    frame = voices.sourcing_shares(Filters(docs=("seed-b",)), "kind", "period")
    assert frame.empty and frame.attrs["axis"] == "position"


def test_a_bad_question_is_refused(voices):
    with pytest.raises(ValueError, match="share"):
        voices.sourcing_shares(Filters(), "age")


def test_every_kind_and_gender_has_a_label_in_both_languages():
    for dimension, (_, values) in sourcing.DIMENSIONS.items():
        for value in values:
            key = f"sourcing.{dimension}.{value}"
            assert key in i18n.catalog() and i18n.t(key, "ar") != i18n.t(key, "en")


@pytest.mark.parametrize("name", list(store.SOURCING_TABLES))
def test_sourcing_tables_download_as_csv_and_parquet(voices, name):
    from ui import downloads

    method, kwargs = store.SOURCING_TABLES[name]
    assert method in store.Store.__dict__  # part of the store interface, so every store answers it
    frame = getattr(voices, method)(Filters(), **kwargs)
    csv_data = downloads.table_bytes(frame, "csv")
    assert csv_data.startswith(b"\xef\xbb\xbf")
    parquet = pd.read_parquet(io.BytesIO(downloads.table_bytes(frame, "parquet")))
    assert parquet.columns.tolist() == frame.columns.tolist() and len(parquet) == len(frame) > 0
    assert len(pd.read_csv(io.BytesIO(csv_data), encoding="utf-8-sig")) == len(frame)
